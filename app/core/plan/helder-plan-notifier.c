/* helder-plan-notifier.c: the planner's notices, followed while Helder runs
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-notifier"

#include "config.h"

#include "helder-plan-editions.h"
#include "helder-plan-messages.h"
#include "helder-plan-notifier.h"
#include "helder-plan-quarter.h"

/* What the desktop is told, whichever page is open: the residents'
 * letters late or due, the omgevingsbeeld due today, the messages
 * waiting for my approval and the quarterly review due.  The notifier
 * holds the lists they come from and looks again a moment after they
 * change (a sync pulls many records at once) and every hour (a new day
 * brings an edition day, a quarter's end).  A notice is handed on when
 * it is new or its text changed, and taken back when it no longer
 * holds: an approved message leaves the count, a closed quarter is no
 * longer due. */

#define SETTLE_MS      1500
#define RECHECK_SECONDS 3600

struct _HelderPlanNotifier
{
  GObject            parent_instance;

  HelderPlanService *plan;
  HelderRecordList  *messages;
  HelderRecordList  *events;
  HelderRecordList  *works;
  /* (these three only say when to look again: what they hold is read
   * through the service, as the planner's views read it) */
  HelderRecordList  *editions;
  HelderRecordList  *quarters;
  HelderRecordList  *settings;
  GHashTable        *shown;      /* id → title and body, as handed on */
  guint              check_id;
  guint              hourly_id;
  HelderNoticeFunc   func;
  gpointer           user_data;
  GDestroyNotify     destroy;
};

G_DEFINE_FINAL_TYPE (HelderPlanNotifier, helder_plan_notifier, G_TYPE_OBJECT)

static GPtrArray *
records_of (GListModel *list)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  return records;
}

static void
add_notice (GPtrArray        *notices,
            HelderPlanNotice *notice)
{
  if (notice != NULL)
    g_ptr_array_add (notices, notice);
}

/**
 * helder_plan_notifier_check:
 * @today: (nullable): YYYY-MM-DD; %NULL: today ($HELDER_TODAY when set)
 *
 * Looks now, rather than a moment after the next change.
 */
void
helder_plan_notifier_check (HelderPlanNotifier *self,
                            const char         *today)
{
  HelderSession *session = helder_service_get_session (HELDER_SERVICE (self->plan));
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_plan_notice_free);
  g_autoptr(GHashTable) now = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *day = today != NULL ? g_strndup (today, 10) : helder_plan_today ();
  GHashTableIter iter;
  gpointer id;

  g_return_if_fail (HELDER_IS_PLAN_NOTIFIER (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  {
    g_autoptr(GPtrArray) warnings = helder_plan_service_works_warnings_from (self->plan, G_LIST_MODEL (self->works),
                                                                             G_LIST_MODEL (self->messages), day);
    g_autoptr(GPtrArray) works = records_of (G_LIST_MODEL (self->works));

    g_ptr_array_extend_and_steal (notices, helder_works_notices (warnings, works));
  }
  {
    g_autoptr(HelderRecord) sent = helder_plan_service_last_edition (self->plan, TRUE);
    gboolean days[8];

    helder_plan_service_editions_days (self->plan, days);
    add_notice (notices, helder_editions_notice (days, day, sent));
  }
  add_notice (notices, helder_approvals_notice (G_LIST_MODEL (self->messages), G_LIST_MODEL (self->events),
                                                helder_session_get_login (session), helder_session_get_role (session)));
  {
    g_autoptr(GPtrArray) closed = helder_plan_quarter_closed (self->plan);

    add_notice (notices, helder_review_notice (day, closed->len > 0 ? helder_record_get_text (closed->pdata[0], "quarter")
                                                                    : NULL, helder_session_get_role (session)));
  }

  for (guint i = 0; i < notices->len; i++)
    {
      HelderPlanNotice *notice = notices->pdata[i];
      g_autofree char *text = g_strconcat (notice->title, "\n", notice->body ? notice->body : "", NULL);

      g_hash_table_add (now, notice->id);
      if (g_strcmp0 (g_hash_table_lookup (self->shown, notice->id), text) == 0)
        continue;
      g_hash_table_replace (self->shown, g_strdup (notice->id), g_steal_pointer (&text));
      self->func (notice->id, notice, self->user_data);
    }
  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (now, id))
      {
        self->func (id, NULL, self->user_data);
        g_hash_table_iter_remove (&iter);
      }
}

static gboolean
check_cb (gpointer data)
{
  HelderPlanNotifier *self = data;

  self->check_id = 0;
  helder_plan_notifier_check (self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
hourly_cb (gpointer data)
{
  helder_plan_notifier_check (data, NULL);
  return G_SOURCE_CONTINUE;
}

static void
changed (HelderPlanNotifier *self)
{
  if (self->check_id == 0)
    self->check_id = g_timeout_add (SETTLE_MS, check_cb, self);
}

static HelderRecordList *
follow (HelderPlanNotifier *self,
        HelderRecordList   *list)
{
  g_signal_connect_object (list, "items-changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  return list;
}

/**
 * helder_plan_notifier_new:
 * @func: told of each notice to show or take back
 *
 * Returns: (transfer full): a notifier that looks a moment after it is
 *   made, then after every change
 */
HelderPlanNotifier *
helder_plan_notifier_new (HelderPlanService *plan,
                          HelderNoticeFunc   func,
                          gpointer           user_data,
                          GDestroyNotify     destroy)
{
  HelderPlanNotifier *self;
  HelderService *service;
  HelderSession *session;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (plan), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (HELDER_TYPE_PLAN_NOTIFIER, NULL);
  service = HELDER_SERVICE (plan);
  self->plan = g_object_ref (plan);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  self->messages = follow (self, helder_plan_service_messages (plan, NULL, NULL));
  self->events = follow (self, helder_service_list (service, HELDER_TYPE_MESSAGE_EVENT));
  self->works = follow (self, helder_plan_service_works (plan));
  self->editions = follow (self, helder_plan_service_editions (plan));
  self->quarters = follow (self, helder_service_list (service, HELDER_TYPE_QUARTER));
  /* (the edition days and the lead time are settings) */
  self->settings = follow (self, helder_service_list (service, HELDER_TYPE_SETTING));
  session = helder_service_get_session (service);
  g_signal_connect_object (session, "notify::login", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::role", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  self->hourly_id = g_timeout_add_seconds (RECHECK_SECONDS, hourly_cb, self);
  changed (self);
  return self;
}

static void
helder_plan_notifier_dispose (GObject *object)
{
  HelderPlanNotifier *self = HELDER_PLAN_NOTIFIER (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->hourly_id, g_source_remove);
  g_clear_object (&self->messages);
  g_clear_object (&self->events);
  g_clear_object (&self->works);
  g_clear_object (&self->editions);
  g_clear_object (&self->quarters);
  g_clear_object (&self->settings);
  g_clear_object (&self->plan);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (helder_plan_notifier_parent_class)->dispose (object);
}

static void
helder_plan_notifier_finalize (GObject *object)
{
  HelderPlanNotifier *self = HELDER_PLAN_NOTIFIER (object);

  g_hash_table_unref (self->shown);

  G_OBJECT_CLASS (helder_plan_notifier_parent_class)->finalize (object);
}

static void
helder_plan_notifier_class_init (HelderPlanNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_plan_notifier_dispose;
  object_class->finalize = helder_plan_notifier_finalize;
}

static void
helder_plan_notifier_init (HelderPlanNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
