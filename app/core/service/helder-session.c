/* helder-session.c: who works at this desk, and what their role lets them change
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-session.h"
#include "sync/helder-protocol.h"

/* The login and role of the user at this desk.  The server enforces the
 * roles on every push; the services ask here first, so a refused action
 * is an error the window can show at once (and the window hides what the
 * role may not do) instead of a rejected change in "Needs attention".
 *
 * Roles (PLAN.md): an admin changes everything, an advisor everything
 * but organisation and user records, staff only their own private
 * documents, word list entries and dictionary words, and their own
 * training registrations (not whether they attended). */

struct _HelderSession
{
  GObject     parent_instance;

  char       *login;
  HelderRole  role;
};

G_DEFINE_FINAL_TYPE (HelderSession, helder_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (helder-session-error-quark, helder_session_error)

enum {
  PROP_0,
  PROP_LOGIN,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

HelderRole
helder_role_from_string (const char *role)
{
  if (g_strcmp0 (role, HELDER_ROLE_ADMIN) == 0)
    return HELDER_SESSION_ROLE_ADMIN;
  if (g_strcmp0 (role, HELDER_ROLE_STAFF) == 0)
    return HELDER_SESSION_ROLE_STAFF;
  /* Working alone, with no server to say otherwise: an advisor. */
  return HELDER_SESSION_ROLE_ADVISOR;
}

const char *
helder_role_to_string (HelderRole role)
{
  switch (role)
    {
    case HELDER_SESSION_ROLE_ADMIN:
      return HELDER_ROLE_ADMIN;
    case HELDER_SESSION_ROLE_STAFF:
      return HELDER_ROLE_STAFF;
    case HELDER_SESSION_ROLE_ADVISOR:
    default:
      return HELDER_ROLE_ADVISOR;
    }
}

static void
helder_session_finalize (GObject *object)
{
  g_free (HELDER_SESSION (object)->login);

  G_OBJECT_CLASS (helder_session_parent_class)->finalize (object);
}

static void
helder_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HelderSession *self = HELDER_SESSION (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_ROLE:
      g_value_set_string (value, helder_role_to_string (self->role));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HelderSession *self = HELDER_SESSION (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      helder_session_set_login (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      helder_session_set_role (self, helder_role_from_string (g_value_get_string (value)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_session_class_init (HelderSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_session_finalize;
  object_class->get_property = helder_session_get_property;
  object_class->set_property = helder_session_set_property;

  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* As the server names it: "admin", "advisor" or "staff". */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, HELDER_ROLE_ADVISOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HelderSession::edited:
   * @before: (nullable): the record as stored before, %NULL for a new one
   * @after: the record as the user saved it
   *
   * The user at this desk saved a record through a service
   * (helder_service_write(), any page's), emitted once the transaction
   * committed and detailed with the record's type ("edited::document").
   * Unlike HelderStore::records-changed, never for what sync pulls in,
   * the example data or another direct write to the store: a rule about
   * what this user did (an approved message whose text they change goes
   * back to review) follows this.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, HELDER_TYPE_RECORD, HELDER_TYPE_RECORD);
}

static void
helder_session_init (HelderSession *self)
{
  self->role = HELDER_SESSION_ROLE_ADVISOR;
}

HelderSession *
helder_session_new (const char *login,
                    HelderRole  role)
{
  HelderSession *self = g_object_new (HELDER_TYPE_SESSION, "login", login, NULL);

  helder_session_set_role (self, role);
  return self;
}

const char *
helder_session_get_login (HelderSession *self)
{
  g_return_val_if_fail (HELDER_IS_SESSION (self), NULL);

  return self->login;
}

void
helder_session_set_login (HelderSession *self,
                          const char    *login)
{
  g_return_if_fail (HELDER_IS_SESSION (self));

  if (g_strcmp0 (self->login, login) == 0)
    return;
  g_free (self->login);
  self->login = g_strdup (login);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN]);
}

HelderRole
helder_session_get_role (HelderSession *self)
{
  g_return_val_if_fail (HELDER_IS_SESSION (self), HELDER_SESSION_ROLE_STAFF);

  return self->role;
}

void
helder_session_set_role (HelderSession *self,
                         HelderRole     role)
{
  g_return_if_fail (HELDER_IS_SESSION (self));

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* Types staff keep for themselves: private, so only they have them. */
static gboolean
is_personal_type (GType type)
{
  return type == HELDER_TYPE_DOCUMENT || type == HELDER_TYPE_WORD_LIST_ENTRY ||
         type == HELDER_TYPE_DICTIONARY_WORD;
}

/**
 * helder_session_may_create:
 *
 * Whether the role may make records of @type at all: what the window
 * offers ("New …" buttons) follows this.
 */
gboolean
helder_session_may_create (HelderSession *self,
                           GType          type)
{
  g_return_val_if_fail (HELDER_IS_SESSION (self), FALSE);

  switch (self->role)
    {
    case HELDER_SESSION_ROLE_ADMIN:
      return TRUE;
    case HELDER_SESSION_ROLE_ADVISOR:
      return type != HELDER_TYPE_ORGANISATION && type != HELDER_TYPE_USER;
    case HELDER_SESSION_ROLE_STAFF:
    default:
      return is_personal_type (type) || type == HELDER_TYPE_REGISTRATION;
    }
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN, message);
  return FALSE;
}

/**
 * helder_session_check_write:
 * @record: the record as it is to be saved (or deleted)
 * @stored: (nullable): the store's copy, or %NULL for a new record
 *
 * Whether the role may write @record.
 *
 * Returns: %TRUE, or %FALSE with a %HELDER_SESSION_ERROR_FORBIDDEN error
 *   whose message the window can show
 */
gboolean
helder_session_check_write (HelderSession  *self,
                            HelderRecord   *record,
                            HelderRecord   *stored,
                            GError        **error)
{
  GType type;

  g_return_val_if_fail (HELDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  type = G_OBJECT_TYPE (record);
  if (self->role == HELDER_SESSION_ROLE_ADMIN)
    return TRUE;
  if (type == HELDER_TYPE_ORGANISATION || type == HELDER_TYPE_USER)
    return refuse (error, _("Only an administrator may change the organisation and its users."));
  if (self->role == HELDER_SESSION_ROLE_ADVISOR)
    return TRUE;

  /* Staff */
  if (is_personal_type (type))
    {
      if (helder_record_get_visibility (record) != HELDER_VISIBILITY_PRIVATE ||
          (stored != NULL && helder_record_get_visibility (stored) != HELDER_VISIBILITY_PRIVATE))
        return refuse (error, _("Your role lets you change only your own texts and word lists; "
                                "an advisor changes the organisation’s."));
      return TRUE;
    }
  if (type == HELDER_TYPE_REGISTRATION)
    {
      gboolean attended = helder_record_get_bool (record, "attended");

      if (g_strcmp0 (helder_record_get_text (record, "user"), self->login) != 0 ||
          (stored != NULL && g_strcmp0 (helder_record_get_text (stored, "user"), self->login) != 0))
        return refuse (error, _("You can sign up or cancel only for yourself."));
      if (attended != (stored != NULL && helder_record_get_bool (stored, "attended")))
        return refuse (error, _("Only the organiser records who attended."));
      return TRUE;
    }
  return refuse (error, _("Your role does not let you change shared plans, channels or the library."));
}

/* Whether a handler follows the user's edits of records of @type: only
 * then does a service read what is stored before it writes. */
gboolean
helder_session_follows_edits (HelderSession *self,
                              GType          type)
{
  GQuark detail;

  g_return_val_if_fail (HELDER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), FALSE);

  detail = g_quark_try_string (helder_record_class_get_type_name (g_type_class_peek (type)));
  return detail != 0 && g_signal_has_handler_pending (self, signals[EDITED], detail, FALSE);
}

/* For helder_service_write(): tells HelderSession::edited. */
void
helder_session_edited (HelderSession *self,
                       HelderRecord  *before,
                       HelderRecord  *after)
{
  g_return_if_fail (HELDER_IS_SESSION (self));
  g_return_if_fail (before == NULL || HELDER_IS_RECORD (before));
  g_return_if_fail (HELDER_IS_RECORD (after));

  g_signal_emit (self, signals[EDITED], g_quark_from_string (helder_record_get_type_name (after)), before, after);
}
