/* helder-plan-messages.c: the calendar's rules: message status, four-eyes approval, history, filters
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-messages"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "helder-plan-messages.h"

/* A message goes idea → draft → review → approved → published, and back
 * a step where that makes sense.  Four eyes: someone other than the one
 * who wrote it (or sent it for review), an advisor or admin, approves it
 * or sends it back with a comment.  Every status change is a
 * message_event, written in the same transaction as the message, and
 * never edited afterwards.  An approved message whose text or dates
 * change goes back to review: what was approved is no longer what goes
 * out. */

G_DEFINE_QUARK (helder-plan-error-quark, helder_plan_error)

static const char *status_names[] = { "idea", "draft", "review", "approved", "published" };
static const char *status_labels[] = {
  N_("Idea"), N_("Draft"), N_("In review"), N_("Approved"), N_("Published"),
};
/* Icons of the Adwaita icon theme, so each state reads without colour too */
static const char *status_icons[] = {
  "dialog-information-symbolic",
  "document-edit-symbolic",
  "view-reveal-symbolic",
  "emblem-ok-symbolic",
  "mail-send-symbolic",
};

HelderMessageStatus
helder_message_status_from_string (const char *status)
{
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (status, status_names[i]))
      return i;
  return HELDER_MESSAGE_IDEA;
}

const char *
helder_message_status_to_string (HelderMessageStatus status)
{
  g_return_val_if_fail (status < HELDER_MESSAGE_N_STATES, NULL);
  return status_names[status];
}

const char *
helder_message_status_label (HelderMessageStatus status)
{
  g_return_val_if_fail (status < HELDER_MESSAGE_N_STATES, NULL);
  return _(status_labels[status]);
}

const char *
helder_message_status_icon_name (HelderMessageStatus status)
{
  g_return_val_if_fail (status < HELDER_MESSAGE_N_STATES, NULL);
  return status_icons[status];
}

HelderMessageStatus
helder_message_get_status (HelderRecord *message)
{
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), HELDER_MESSAGE_IDEA);
  return helder_message_status_from_string (helder_record_get_text (message, "status"));
}

/* The steps, forward and back. */
gboolean
helder_message_step_exists (HelderMessageStatus from,
                            HelderMessageStatus to)
{
  static const struct { HelderMessageStatus from, to; } steps[] = {
    { HELDER_MESSAGE_IDEA, HELDER_MESSAGE_DRAFT },
    { HELDER_MESSAGE_DRAFT, HELDER_MESSAGE_IDEA },
    { HELDER_MESSAGE_DRAFT, HELDER_MESSAGE_REVIEW },
    { HELDER_MESSAGE_REVIEW, HELDER_MESSAGE_DRAFT },
    { HELDER_MESSAGE_REVIEW, HELDER_MESSAGE_APPROVED },
    { HELDER_MESSAGE_APPROVED, HELDER_MESSAGE_PUBLISHED },
    { HELDER_MESSAGE_APPROVED, HELDER_MESSAGE_REVIEW },
    { HELDER_MESSAGE_APPROVED, HELDER_MESSAGE_DRAFT },
    { HELDER_MESSAGE_PUBLISHED, HELDER_MESSAGE_APPROVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].from == from && steps[i].to == to)
      return TRUE;
  return FALSE;
}

static gboolean
say_no (char       **reason,
        const char  *text)
{
  if (reason != NULL)
    *reason = g_strdup (text);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/**
 * helder_message_may_step:
 * @actor: (nullable): the login of who takes the step
 * @submitter: (nullable): who sent the message for review
 * @comment: (nullable): what they say with it
 * @reason: (out) (optional) (transfer full): why not, in the user's words
 *
 * Whether @actor with @role may take @message to @to.
 */
gboolean
helder_message_may_step (HelderRecord         *message,
                         HelderMessageStatus   to,
                         const char           *actor,
                         HelderRole            role,
                         const char           *submitter,
                         const char           *comment,
                         char                **reason)
{
  HelderMessageStatus from;
  const char *author;
  gboolean own;

  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (to < HELDER_MESSAGE_N_STATES, FALSE);

  if (reason != NULL)
    *reason = NULL;
  from = helder_message_get_status (message);
  if (role == HELDER_SESSION_ROLE_STAFF)
    return say_no (reason, _("Only advisors and administrators change a message’s status."));
  if (from == to)
    return say_no (reason, _("The message has that status already."));
  if (!helder_message_step_exists (from, to))
    return say_no (reason, _("A message takes one step at a time: idea, draft, review, approved, published."));

  author = helder_record_get_text (message, "author");
  own = actor != NULL && *actor != '\0' &&
        (g_strcmp0 (actor, author) == 0 || g_strcmp0 (actor, submitter) == 0);
  if (to == HELDER_MESSAGE_APPROVED && from == HELDER_MESSAGE_REVIEW && own)
    return say_no (reason, _("You wrote this message or sent it for review: someone else approves it (four eyes)."));
  if (to == HELDER_MESSAGE_APPROVED && from == HELDER_MESSAGE_REVIEW && (actor == NULL || *actor == '\0'))
    return say_no (reason, _("Sign in to approve: the approver is recorded with the message."));
  /* Sending back someone else's message says why; withdrawing your own needs no reason. */
  if (from == HELDER_MESSAGE_REVIEW && to == HELDER_MESSAGE_DRAFT && !own && is_blank (comment))
    return say_no (reason, _("Say why you send the message back, so its author knows what to change."));
  return TRUE;
}

static gboolean
same_day (const char *a,
          const char *b)
{
  if (is_blank (a) || is_blank (b))
    return is_blank (a) == is_blank (b);
  return strncmp (a, b, 10) == 0;
}

/**
 * helder_message_needs_review_after:
 * @stored: the message as it is stored
 * @edited: the same message with the user's edits
 *
 * Whether saving @edited takes an approved message back to review: its
 * dates or its text changed.
 */
gboolean
helder_message_needs_review_after (HelderRecord *stored,
                                   HelderRecord *edited)
{
  g_return_val_if_fail (HELDER_IS_MESSAGE (stored), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (edited), FALSE);

  if (helder_message_get_status (stored) != HELDER_MESSAGE_APPROVED ||
      helder_message_get_status (edited) != HELDER_MESSAGE_APPROVED)
    return FALSE;
  return !same_day (helder_record_get_text (stored, "window_start"), helder_record_get_text (edited, "window_start")) ||
         !same_day (helder_record_get_text (stored, "window_end"), helder_record_get_text (edited, "window_end")) ||
         g_strcmp0 (helder_record_get_text (stored, "body"), helder_record_get_text (edited, "body")) != 0;
}

/* Dates */

gboolean
helder_date_from_iso (const char *iso,
                      GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
helder_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * helder_message_get_window:
 *
 * The message's first and last day: a start alone is one day, an end
 * alone too.  Returns %FALSE for a message without dates.
 */
gboolean
helder_message_get_window (HelderRecord *message,
                           GDate        *start,
                           GDate        *end)
{
  gboolean has_start, has_end;

  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  has_start = helder_date_from_iso (helder_record_get_text (message, "window_start"), start);
  has_end = helder_date_from_iso (helder_record_get_text (message, "window_end"), end);
  if (!has_start && !has_end)
    return FALSE;
  if (!has_start)
    *start = *end;
  if (!has_end || g_date_compare (end, start) < 0)
    *end = *start;
  return TRUE;
}

/**
 * helder_message_shift_window:
 * @new_start: (out) (transfer full) (nullable)
 * @new_end: (out) (transfer full) (nullable)
 *
 * The window moved by @days, keeping its length; an empty side stays
 * empty.
 */
void
helder_message_shift_window (const char  *start,
                             const char  *end,
                             int          days,
                             char       **new_start,
                             char       **new_end)
{
  const char *sides[2] = { start, end };
  char **out[2] = { new_start, new_end };

  for (guint i = 0; i < 2; i++)
    {
      GDate date;

      *out[i] = NULL;
      if (!helder_date_from_iso (sides[i], &date))
        continue;
      if (days > 0)
        g_date_add_days (&date, days);
      else if (days < 0)
        g_date_subtract_days (&date, -days);
      *out[i] = helder_date_to_iso (&date);
    }
}

/* Filters */

void
helder_message_filter_clear (HelderMessageFilter *filter)
{
  g_clear_pointer (&filter->priority, g_free);
  g_clear_pointer (&filter->topic, g_free);
  g_clear_pointer (&filter->channel, g_free);
  g_clear_pointer (&filter->audience, g_free);
  filter->states = 0;
}

guint
helder_message_filter_count (const HelderMessageFilter *filter)
{
  return (filter->priority != NULL) + (filter->topic != NULL) + (filter->channel != NULL) +
         (filter->audience != NULL) + (filter->states != 0);
}

gboolean
helder_message_filter_is_empty (const HelderMessageFilter *filter)
{
  return helder_message_filter_count (filter) == 0;
}

static gboolean
list_has (const char * const *list,
          const char         *value)
{
  return list != NULL && g_strv_contains (list, value);
}

/* Chosen channels are [{"channel": id, "reason": text}]; plain ids are
 * read too. */
static gboolean
channels_have (const char *json,
               const char *channel)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || *json == '\0' || strstr (json, channel) == NULL)
    return FALSE;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        id = json_object_get_string_member_with_default (json_node_get_object (node), "channel", NULL);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        id = json_node_get_string (node);
      if (g_strcmp0 (id, channel) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
helder_message_filter_matches (const HelderMessageFilter *filter,
                               HelderRecord              *message)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  if (filter->states != 0 && (filter->states & (1u << helder_message_get_status (message))) == 0)
    return FALSE;
  if (filter->priority != NULL && g_strcmp0 (helder_record_get_text (message, "priority"), filter->priority) != 0)
    return FALSE;
  if (filter->topic != NULL && g_strcmp0 (helder_record_get_text (message, "topic"), filter->topic) != 0)
    return FALSE;
  if (filter->audience != NULL && !list_has (helder_record_get_list (message, "audiences"), filter->audience))
    return FALSE;
  if (filter->channel != NULL && !channels_have (helder_record_get_text (message, "channels"), filter->channel))
    return FALSE;
  return TRUE;
}

/* The service's actions */

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format_iso8601 (now);
}

static HelderRecord *
new_event (HelderRecord        *message,
           HelderMessageStatus  from,
           HelderMessageStatus  to,
           const char          *comment,
           const char          *actor)
{
  HelderRecord *event = helder_record_new (HELDER_TYPE_MESSAGE_EVENT);
  g_autofree char *at = now_iso ();

  g_object_set (event,
                "message", helder_record_get_id (message),
                "from-status", helder_message_status_to_string (from),
                "to-status", helder_message_status_to_string (to),
                "comment", is_blank (comment) ? NULL : comment,
                "actor", actor,
                "at", at,
                NULL);
  return event;
}

static const char *
login_of (HelderPlanService *self)
{
  return helder_session_get_login (helder_service_get_session (HELDER_SERVICE (self)));
}

static HelderRole
role_of (HelderPlanService *self)
{
  return helder_session_get_role (helder_service_get_session (HELDER_SERVICE (self)));
}

/**
 * helder_plan_service_create_message:
 * @day: (nullable): its day, YYYY-MM-DD
 *
 * A new message, an idea, written by the session's user.
 *
 * Returns: (transfer full): the saved message, or %NULL with @error set
 */
HelderRecord *
helder_plan_service_create_message (HelderPlanService  *self,
                                    const char         *title,
                                    const char         *day,
                                    GError            **error)
{
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  g_object_set (message, "title", title, "status", "idea", "author", login_of (self),
                "window-start", day, "window-end", day, NULL);
  if (!helder_service_save (HELDER_SERVICE (self), message, error))
    return NULL;
  return g_steal_pointer (&message);
}

static HelderRecord *
load_message (HelderPlanService  *self,
              HelderRecord       *message,
              GError            **error)
{
  HelderRecord *stored = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE,
                                              helder_record_get_id (message));

  if (stored == NULL || helder_record_get_deleted (stored))
    {
      g_clear_object (&stored);
      g_set_error_literal (error, HELDER_PLAN_ERROR, HELDER_PLAN_ERROR_NOT_FOUND,
                           _("The message no longer exists; someone may have deleted it."));
    }
  return stored;
}

/* Back to review: the approval no longer holds (the history keeps it). */
static void
unapprove (HelderRecord *message)
{
  g_object_set (message, "status", "review", "approver", NULL, "approved-at", NULL, NULL);
}

/**
 * helder_plan_service_save_message:
 *
 * Saves the user's edits to @message.  An approved message whose dates
 * or text changed goes back to review, with an event that says why, in
 * the same transaction.
 */
gboolean
helder_plan_service_save_message (HelderPlanService  *self,
                                  HelderRecord       *message,
                                  GError            **error)
{
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) event = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  stored = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE, helder_record_get_id (message));
  if (stored != NULL && helder_message_needs_review_after (stored, message))
    {
      gboolean text = g_strcmp0 (helder_record_get_text (stored, "body"), helder_record_get_text (message, "body")) != 0;

      unapprove (message);
      event = new_event (message, HELDER_MESSAGE_APPROVED, HELDER_MESSAGE_REVIEW,
                         text ? _("The text changed after approval.") : _("The date changed after approval."),
                         login_of (self));
    }
  g_ptr_array_add (saves, message);
  if (event != NULL)
    g_ptr_array_add (saves, event);
  return helder_service_write (HELDER_SERVICE (self), saves, NULL, error);
}

/**
 * helder_message_find_submitter:
 * @events: (element-type HelderMessageEvent): the message's history, oldest first
 *
 * Returns: (transfer full) (nullable): who sent the message for review
 *   last, or its author
 */
char *
helder_message_find_submitter (HelderRecord *message,
                               GListModel   *events)
{
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), NULL);
  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), NULL);

  for (guint i = events ? g_list_model_get_n_items (events) : 0; i > 0; i--)
    {
      g_autoptr(HelderRecord) event = g_list_model_get_item (events, i - 1);

      if (g_strcmp0 (helder_record_get_text (event, "message"), helder_record_get_id (message)) == 0 &&
          g_strcmp0 (helder_record_get_text (event, "to_status"), "review") == 0 &&
          g_strcmp0 (helder_record_get_text (event, "from_status"), "draft") == 0)
        return g_strdup (helder_record_get_text (event, "actor"));
    }
  return g_strdup (helder_record_get_text (message, "author"));
}

/* The one who sent the message for review last, or its author. */
char *
helder_plan_service_submitter (HelderPlanService *self,
                               HelderRecord      *message)
{
  g_autoptr(HelderRecordList) history = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), NULL);

  history = helder_plan_service_message_history (self, helder_record_get_id (message));
  return helder_message_find_submitter (message, G_LIST_MODEL (history));
}

gboolean
helder_plan_service_may_step_message (HelderPlanService    *self,
                                      HelderRecord         *message,
                                      HelderMessageStatus   to,
                                      char                **reason)
{
  g_autofree char *submitter = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  submitter = helder_plan_service_submitter (self, message);
  /* The comment is asked for when the step is taken */
  return helder_message_may_step (message, to, login_of (self), role_of (self), submitter, "…", reason);
}

/**
 * helder_plan_service_step_message:
 * @comment: (nullable): what the actor says with it
 *
 * Takes the stored @message to @to if the rules allow it: the approver
 * and time are recorded on approval, and the step is a message_event in
 * the same transaction.
 */
gboolean
helder_plan_service_step_message (HelderPlanService    *self,
                                  HelderRecord         *message,
                                  HelderMessageStatus   to,
                                  const char           *comment,
                                  GError              **error)
{
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) event = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();
  g_autofree char *submitter = NULL;
  g_autofree char *reason = NULL;
  HelderMessageStatus from;
  const char *actor = login_of (self);

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (to < HELDER_MESSAGE_N_STATES, FALSE);

  if ((stored = load_message (self, message, error)) == NULL)
    return FALSE;
  submitter = helder_plan_service_submitter (self, stored);
  if (!helder_message_may_step (stored, to, actor, role_of (self), submitter, comment, &reason))
    {
      g_set_error_literal (error, HELDER_PLAN_ERROR, HELDER_PLAN_ERROR_NOT_ALLOWED, reason);
      return FALSE;
    }

  from = helder_message_get_status (stored);
  g_object_set (stored, "status", helder_message_status_to_string (to), NULL);
  if (to == HELDER_MESSAGE_APPROVED && from == HELDER_MESSAGE_REVIEW)
    {
      g_autofree char *at = now_iso ();

      g_object_set (stored, "approver", actor, "approved-at", at, NULL);
    }
  else if (to < HELDER_MESSAGE_APPROVED)
    g_object_set (stored, "approver", NULL, "approved-at", NULL, NULL);
  if (to == HELDER_MESSAGE_REVIEW && is_blank (helder_record_get_text (stored, "author")))
    g_object_set (stored, "author", actor, NULL);

  event = new_event (stored, from, to, comment, actor);
  g_ptr_array_add (saves, stored);
  g_ptr_array_add (saves, event);
  return helder_service_write (HELDER_SERVICE (self), saves, NULL, error);
}

/**
 * helder_plan_service_move_message:
 *
 * Moves @message's window @days later (earlier when negative), keeping
 * its length; an approved message goes back to review.
 */
gboolean
helder_plan_service_move_message (HelderPlanService  *self,
                                  HelderRecord       *message,
                                  int                 days,
                                  GError            **error)
{
  g_autoptr(HelderRecord) stored = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  if ((stored = load_message (self, message, error)) == NULL)
    return FALSE;
  if (days == 0)
    return TRUE;
  helder_message_shift_window (helder_record_get_text (stored, "window_start"),
                               helder_record_get_text (stored, "window_end"), days, &start, &end);
  g_object_set (stored, "window-start", start, "window-end", end, NULL);
  return helder_plan_service_save_message (self, stored, error);
}

static gboolean
is_local_edit_after (HelderPlanService *self,
                     HelderRecord      *document,
                     HelderRecord      *message)
{
  GDateTime *changed = helder_record_get_updated_at (document);
  g_autoptr(GDateTime) approved = NULL;
  const char *approved_at = helder_record_get_text (message, "approved_at");

  /* A colleague's edit comes with their own message change: only the
   * one who edited the text sends the message back, once. */
  if (g_strcmp0 (helder_record_get_updated_by (document), login_of (self)) != 0)
    return FALSE;
  if (changed == NULL || approved_at == NULL)
    return TRUE;
  approved = g_date_time_new_from_iso8601 (approved_at, NULL);
  return approved == NULL || g_date_time_compare (changed, approved) > 0;
}

/**
 * helder_plan_service_texts_changed:
 * @messages: (nullable): a live list of all messages to look in (the
 *   calendar's), or %NULL to read them
 * @document_ids: documents the user just saved
 *
 * The approved messages whose text is one of @document_ids, edited here
 * after their approval, go back to review: one transaction.  Each is
 * read from the store before it changes, so a list that is behind
 * (paused while its page is hidden) only says where to look.
 *
 * Returns: how many went back
 */
guint
helder_plan_service_texts_changed (HelderPlanService   *self,
                                   GListModel          *messages,
                                   const char * const  *document_ids,
                                   GError             **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_back = 0;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), 0);
  g_return_val_if_fail (messages == NULL || G_IS_LIST_MODEL (messages), 0);

  if (document_ids == NULL || document_ids[0] == NULL)
    return 0;
  if (messages == NULL)
    messages = all = G_LIST_MODEL (helder_plan_service_messages (self, NULL, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) listed = g_list_model_get_item (messages, i);
      g_autoptr(HelderRecord) message = NULL;
      g_autoptr(HelderRecord) document = NULL;
      const char *body = helder_record_get_text (listed, "body");

      if (body == NULL || !g_strv_contains (document_ids, body))
        continue;
      message = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE, helder_record_get_id (listed));
      if (message == NULL || helder_record_get_deleted (message) ||
          helder_message_get_status (message) != HELDER_MESSAGE_APPROVED ||
          g_strcmp0 (helder_record_get_text (message, "body"), body) != 0)
        continue;
      document = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_DOCUMENT, body);
      if (document == NULL || !is_local_edit_after (self, document, message))
        continue;
      unapprove (message);
      g_ptr_array_add (saves, new_event (message, HELDER_MESSAGE_APPROVED, HELDER_MESSAGE_REVIEW,
                                         _("The text changed after approval."), login_of (self)));
      g_ptr_array_add (saves, g_steal_pointer (&message));
      n_back++;
    }
  if (n_back > 0 && !helder_service_write (HELDER_SERVICE (self), saves, NULL, error))
    return 0;
  return n_back;
}

static gboolean
of_message (HelderRecord *event,
            gpointer      data)
{
  return g_strcmp0 (helder_record_get_text (event, "message"), data) == 0;
}

/**
 * helder_plan_service_message_history:
 *
 * Returns: (transfer full): the status changes of the message, oldest
 *   first, live
 */
HelderRecordList *
helder_plan_service_message_history (HelderPlanService *self,
                                     const char        *message_id)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (message_id != NULL, NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE_EVENT);
  helder_record_list_set_filter_func (list, of_message, g_strdup (message_id), g_free);
  return list;
}

HelderRecordList *
helder_plan_service_council_meetings (HelderPlanService *self)
{
  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_COUNCIL_MEETING);
}
