/* helder-plan-service.c: the planner's rules: priorities, topics, messages, works, editions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-service"

#include "config.h"

#include <string.h>

#include "helder-plan-ledger.h"
#include "helder-plan-service.h"
#include "helder-plan-messages.h"

/* The planner's service: the lists of its views and the actions on
 * them, each one transaction.  The page lanes add the priority ledger,
 * the quarters, the calendar and the approval flow here. */

struct _HelderPlanService
{
  HelderService parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderPlanService, helder_plan_service, HELDER_TYPE_SERVICE)

static void
helder_plan_service_prepare_new (HelderService *service,
                                 HelderRecord  *record)
{
  if (HELDER_IS_PRIORITY (record))
    g_object_set (record, "status", "active",
                  "rank", (int) helder_plan_ledger_next_rank (HELDER_PLAN_SERVICE (service)), NULL);
  else if (HELDER_IS_TOPIC (record))
    g_object_set (record, "status", "active", NULL);
  else if (HELDER_IS_MESSAGE (record))
    {
      /* Written by who makes it (four eyes), on today until it is planned */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      g_object_set (record, "status", "idea",
                    "author", helder_session_get_login (helder_service_get_session (service)), NULL);
      if (helder_record_get_text (record, "window_start") == NULL)
        g_object_set (record, "window-start", today, "window-end", today, NULL);
    }
}

/* An approved message whose text the user just changed goes back to
 * review, whichever view saved it (Schrijven's editor, a document's
 * follower) and whether or not the calendar is made yet.  Only the
 * user's own saves count: a copy that sync pulls in (the colleague's
 * desk applied the rule, and the message's status syncs with it) or the
 * example data never sends a message back, nor does a save that left
 * the text as it was. */
static void
document_edited (HelderSession     *session,
                 HelderRecord      *before,
                 HelderRecord      *after,
                 HelderPlanService *self)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { helder_record_get_id (after), NULL };

  if (before == NULL || g_strcmp0 (helder_record_get_text (before, "body"), helder_record_get_text (after, "body")) == 0)
    return;
  if (helder_plan_service_texts_changed (self, NULL, ids, &error) == 0 && error != NULL)
    g_warning ("Could not send a message back to review: %s", error->message);
}

static void
helder_plan_service_constructed (GObject *object)
{
  HelderSession *session;

  G_OBJECT_CLASS (helder_plan_service_parent_class)->constructed (object);

  if ((session = helder_service_get_session (HELDER_SERVICE (object))) != NULL)
    g_signal_connect_object (session, "edited::document", G_CALLBACK (document_edited), object, 0);
}

static void
helder_plan_service_class_init (HelderPlanServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = helder_plan_service_constructed;
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_plan_service_prepare_new;
}

static void
helder_plan_service_init (HelderPlanService *self)
{
}

HelderPlanService *
helder_plan_service_new (HelderStore   *store,
                         HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_PLAN_SERVICE, "store", store, "session", session, NULL);
}

/* The priority ledger's order: by rank, then title. */
HelderRecordList *
helder_plan_service_priorities (HelderPlanService *self)
{
  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_PRIORITY);
}

int
helder_topic_score (HelderRecord *topic)
{
  g_return_val_if_fail (HELDER_IS_TOPIC (topic), 0);

  return helder_record_get_int (topic, "admin_impact") * helder_record_get_int (topic, "societal_impact");
}

static int
by_score (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  int x = helder_topic_score ((HelderRecord *) a), y = helder_topic_score ((HelderRecord *) b);

  if (x != y)
    return y - x;
  return g_utf8_collate (helder_record_get_title ((HelderRecord *) a), helder_record_get_title ((HelderRecord *) b));
}

HelderRecordList *
helder_plan_service_topics (HelderPlanService *self,
                            HelderTopicOrder   order)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_TOPIC);
  if (order == HELDER_TOPIC_ORDER_SCORE)
    helder_record_list_set_sort_func (list, by_score, NULL, NULL);
  return list;
}

/* Dates compare as their first ten characters: YYYY-MM-DD, with or
 * without a time after them. */
static int
compare_dates (const char *a,
               const char *b)
{
  return strncmp (a, b, 10);
}

/**
 * helder_message_in_window:
 * @from: (nullable): the first day, YYYY-MM-DD
 * @until: (nullable): the last day
 *
 * Whether the message's date window (start to end; a start alone is one
 * day) overlaps [@from, @until].  A message without dates is in no window
 * but the open one (both %NULL).
 */
gboolean
helder_message_in_window (HelderRecord *message,
                          const char   *from,
                          const char   *until)
{
  const char *start, *end;

  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  if (from == NULL && until == NULL)
    return TRUE;
  start = helder_record_get_text (message, "window_start");
  end = helder_record_get_text (message, "window_end");
  if (start == NULL || *start == '\0')
    start = end;
  if (start == NULL || *start == '\0')
    return FALSE;
  if (end == NULL || *end == '\0')
    end = start;
  return (until == NULL || compare_dates (start, until) <= 0) &&
         (from == NULL || compare_dates (end, from) >= 0);
}

typedef struct
{
  char *from;
  char *until;
} Window;

static void
window_free (gpointer data)
{
  Window *window = data;

  g_free (window->from);
  g_free (window->until);
  g_free (window);
}

static gboolean
in_window (HelderRecord *record,
           gpointer      data)
{
  Window *window = data;

  return helder_message_in_window (record, window->from, window->until);
}

/**
 * helder_plan_service_messages:
 * @from: (nullable): the window's first day, YYYY-MM-DD
 * @until: (nullable): its last day
 *
 * Returns: (transfer full): the messages whose date window overlaps
 *   [@from, @until] (all of them when both are %NULL), by start date
 */
HelderRecordList *
helder_plan_service_messages (HelderPlanService *self,
                              const char        *from,
                              const char        *until)
{
  HelderRecordList *list;
  Window *window;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE);
  if (from == NULL && until == NULL)
    return list;
  window = g_new0 (Window, 1);
  window->from = g_strdup (from);
  window->until = g_strdup (until);
  helder_record_list_set_filter_func (list, in_window, window, window_free);
  return list;
}

HelderRecordList *
helder_plan_service_works (HelderPlanService *self)
{
  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_WORKS);
}

HelderRecordList *
helder_plan_service_editions (HelderPlanService *self)
{
  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_OMGEVINGSBEELD);
}

/**
 * helder_plan_service_message_text:
 *
 * The document that holds a message's text.  A message without one
 * gets a new document, named after it, and points to it: both saved in
 * one transaction.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
HelderRecord *
helder_plan_service_message_text (HelderPlanService  *self,
                                  HelderRecord       *message,
                                  GError            **error)
{
  HelderService *service = HELDER_SERVICE (self);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderRecord) updated = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), NULL);

  document = helder_service_load (service, HELDER_TYPE_DOCUMENT, helder_record_get_text (message, "body"));
  if (document != NULL && !helder_record_get_deleted (document))
    return g_steal_pointer (&document);

  /* The stored message, so nothing the caller's copy lacks is lost */
  updated = helder_service_load (service, HELDER_TYPE_MESSAGE, helder_record_get_id (message));
  if (updated == NULL)
    updated = g_object_ref (message);

  g_clear_object (&document);
  document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_object_set (document, "title", helder_record_get_text (updated, "title"), "target-level", 2, NULL);
  g_object_set (updated, "body", helder_record_get_id (document), NULL);
  g_ptr_array_add (saves, document);
  g_ptr_array_add (saves, updated);
  if (!helder_service_write (service, saves, NULL, error))
    return NULL;
  return g_steal_pointer (&document);
}
