/* helder-service.c: what the page services share: the store, the session, one transaction per action
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-service"

#include "config.h"

#include "helder-service.h"

/* A service holds the rules of one page (plan/, channels/, library/,
 * editor/) and is the only way the GUI changes the store: every user
 * action is one call, checked against the session's role and written in
 * one transaction (helder_service_write), so a crash or a refusal leaves
 * all of it or none.  Pages read through live lists
 * (helder_service_list) and never write SQL or the store themselves.
 *
 * Subclasses add their own actions on top of these: a priority ledger,
 * channel advice, a library search.  They keep to no GTK. */

typedef struct
{
  HelderStore   *store;
  HelderSession *session;
} HelderServicePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HelderService, helder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
helder_service_dispose (GObject *object)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (HELDER_SERVICE (object));

  g_clear_object (&priv->store);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (helder_service_parent_class)->dispose (object);
}

static void
helder_service_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (HELDER_SERVICE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_service_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (HELDER_SERVICE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_service_constructed (GObject *object)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (HELDER_SERVICE (object));

  G_OBJECT_CLASS (helder_service_parent_class)->constructed (object);

  g_return_if_fail (HELDER_IS_STORE (priv->store));
  /* Without one given: the store's user, as an advisor. */
  if (priv->session == NULL)
    priv->session = helder_session_new (helder_store_get_user (priv->store), HELDER_SESSION_ROLE_ADVISOR);
}

static void
helder_service_class_init (HelderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = helder_service_constructed;
  object_class->dispose = helder_service_dispose;
  object_class->get_property = helder_service_get_property;
  object_class->set_property = helder_service_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HELDER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HELDER_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_service_init (HelderService *self)
{
}

HelderStore *
helder_service_get_store (HelderService *self)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_SERVICE (self), NULL);

  return priv->store;
}

HelderSession *
helder_service_get_session (HelderService *self)
{
  HelderServicePrivate *priv = helder_service_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_SERVICE (self), NULL);

  return priv->session;
}

/**
 * helder_service_list:
 *
 * Returns: (transfer full): a new live list of @type in its default
 *   order; set its sort keys or filter for another view
 */
HelderRecordList *
helder_service_list (HelderService *self,
                     GType          type)
{
  g_return_val_if_fail (HELDER_IS_SERVICE (self), NULL);

  return helder_record_list_new (helder_service_get_store (self), type);
}

/**
 * helder_service_load:
 *
 * Returns: (transfer full) (nullable): the stored record, or %NULL when
 *   the store has none with @id (deleted ones are returned, marked)
 */
HelderRecord *
helder_service_load (HelderService *self,
                     GType          type,
                     const char    *id)
{
  g_return_val_if_fail (HELDER_IS_SERVICE (self), NULL);

  if (id == NULL || *id == '\0')
    return NULL;
  return helder_store_load (helder_service_get_store (self), type, id, NULL);
}

gboolean
helder_service_may_create (HelderService *self,
                           GType          type)
{
  g_return_val_if_fail (HELDER_IS_SERVICE (self), FALSE);

  /* A read-only store takes nothing new: no button pretends it does. */
  return !helder_store_is_read_only (helder_service_get_store (self)) &&
         helder_session_may_create (helder_service_get_session (self), type);
}

/**
 * helder_record_type_name_field:
 *
 * Returns: the field that names a record of @type ("title", "name",
 *   "word", "key" or "quarter"), or %NULL
 */
const char *
helder_record_type_name_field (GType type)
{
  static const char *names[] = { "title", "name", "word", "key", "quarter" };
  HelderRecordClass *klass = g_type_class_ref (type);
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names) && found == NULL; i++)
    if (helder_record_class_find_field (klass, names[i]) != NULL)
      found = names[i];
  g_type_class_unref (klass);
  return found;
}

/**
 * helder_service_create:
 * @name: what the record is called (its title, name or word)
 *
 * Makes and saves a new record of @type, named @name.  Staff's texts and
 * word lists are private: theirs alone.
 *
 * Returns: (transfer full): the saved record, or %NULL with @error set
 */
HelderRecord *
helder_service_create (HelderService  *self,
                       GType           type,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(HelderRecord) record = NULL;
  const char *field;

  g_return_val_if_fail (HELDER_IS_SERVICE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);

  record = helder_record_new (type);
  field = helder_record_type_name_field (type);
  if (field != NULL && name != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');

      g_object_set (record, property, name, NULL);
    }
  if (helder_session_get_role (helder_service_get_session (self)) == HELDER_SESSION_ROLE_STAFF)
    helder_record_set_visibility (record, HELDER_VISIBILITY_PRIVATE);
  if (HELDER_SERVICE_GET_CLASS (self)->prepare_new != NULL)
    HELDER_SERVICE_GET_CLASS (self)->prepare_new (self, record);

  if (!helder_service_save (self, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

static gboolean
write_one (HelderService  *self,
           HelderRecord   *record,
           gboolean        delete,
           GError        **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, record);
  return helder_service_write (self, delete ? NULL : one, delete ? one : NULL, error);
}

gboolean
helder_service_save (HelderService  *self,
                     HelderRecord   *record,
                     GError        **error)
{
  g_return_val_if_fail (HELDER_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  return write_one (self, record, FALSE, error);
}

/* Marks @record deleted (a tombstone that syncs); helder_service_restore()
 * undoes it. */
gboolean
helder_service_delete (HelderService  *self,
                       HelderRecord   *record,
                       GError        **error)
{
  g_return_val_if_fail (HELDER_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  return write_one (self, record, TRUE, error);
}

gboolean
helder_service_restore (HelderService  *self,
                        HelderRecord   *record,
                        GError        **error)
{
  gboolean was_deleted;

  g_return_val_if_fail (HELDER_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  was_deleted = helder_record_get_deleted (record);
  helder_record_set_deleted (record, FALSE);
  if (helder_service_save (self, record, error))
    return TRUE;
  /* Refused or failed: as it was given */
  helder_record_set_deleted (record, was_deleted);
  return FALSE;
}

static gboolean
check_all (HelderService  *self,
           GPtrArray      *records,
           GError        **error)
{
  HelderSession *session = helder_service_get_session (self);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      HelderRecord *record = records->pdata[i];
      g_autoptr(HelderRecord) stored = NULL;

      /* Only staff's rules look at what is stored. */
      if (helder_session_get_role (session) == HELDER_SESSION_ROLE_STAFF)
        stored = helder_store_load (helder_service_get_store (self), G_OBJECT_TYPE (record),
                                    helder_record_get_id (record), NULL);
      if (!helder_session_check_write (session, record, stored, error))
        return FALSE;
    }
  return TRUE;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* What the store holds of each record of @saves that someone follows
 * the user's edits of (HelderSession::edited): a copy, or NULL for a new
 * record and for one nobody follows. */
static GPtrArray *
followed_copies (HelderService *self,
                 GPtrArray     *saves)
{
  HelderSession *session = helder_service_get_session (self);
  GPtrArray *befores = NULL;

  for (guint i = 0; session != NULL && saves != NULL && i < saves->len; i++)
    {
      HelderRecord *record = saves->pdata[i];

      if (!helder_session_follows_edits (session, G_OBJECT_TYPE (record)))
        continue;
      if (befores == NULL)
        {
          befores = g_ptr_array_new_full (saves->len, unref_nullable);
          g_ptr_array_set_size (befores, saves->len);
        }
      befores->pdata[i] = helder_store_load (helder_service_get_store (self), G_OBJECT_TYPE (record),
                                             helder_record_get_id (record), NULL);
    }
  return befores;
}

/**
 * helder_service_write:
 * @saves: (element-type HelderRecord) (nullable): records to save
 * @deletions: (element-type HelderRecord) (nullable): records to delete
 *
 * One user action: checks every record against the session's role, then
 * writes them all in one transaction, and then tells the session what
 * the user saved (HelderSession::edited) where a rule follows it.
 *
 * Returns: %TRUE, or %FALSE with a %HELDER_SESSION_ERROR (the role may
 *   not) or %HELDER_STORE_ERROR and nothing written
 */
gboolean
helder_service_write (HelderService  *self,
                      GPtrArray      *saves,
                      GPtrArray      *deletions,
                      GError        **error)
{
  g_autoptr(GPtrArray) befores = NULL;
  g_autoptr(GPtrArray) afters = NULL;
  HelderSession *session;

  g_return_val_if_fail (HELDER_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_all (self, saves, error) || !check_all (self, deletions, error))
    return FALSE;
  befores = followed_copies (self, saves);
  if (!helder_store_write (helder_service_get_store (self), saves, deletions, error))
    return FALSE;
  if (befores == NULL)
    return TRUE;

  /* A handler may write in turn (a rule): it is told of records it can
   * keep, not of the caller's array, which may change once we return */
  session = helder_service_get_session (self);
  afters = g_ptr_array_new_full (saves->len, g_object_unref);
  for (guint i = 0; i < saves->len; i++)
    g_ptr_array_add (afters, g_object_ref (saves->pdata[i]));
  for (guint i = 0; i < afters->len; i++)
    if (helder_session_follows_edits (session, G_OBJECT_TYPE (afters->pdata[i])))
      helder_session_edited (session, befores->pdata[i], afters->pdata[i]);
  return TRUE;
}
