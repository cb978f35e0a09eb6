/* helder-plan-review.c: the quarterly review through the planner service: decisions and closing
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-plan-quarter.h"

/* Every quarter the advisors go over each topic and priority: keep it,
 * adjust it (new scores, a new rank), drop it, or add a new topic, each
 * with a reason (topic_review and priority_review records, one per item
 * and quarter).  The decisions take effect when the quarter is closed:
 * then the scores, ranks and statuses change, the quarter record keeps a
 * snapshot of the cells, trends and ranks with who closed it and when,
 * all in one transaction.  A closed quarter is read-only. */

static GListModel *
load_all (HelderPlanService *self,
          GType              type)
{
  GListModel *list = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), type, NULL);

  return list != NULL ? list : G_LIST_MODEL (g_list_store_new (type));
}

/**
 * helder_plan_quarter_find:
 *
 * Returns: (transfer full) (nullable): the quarter record of @quarter
 */
HelderRecord *
helder_plan_quarter_find (HelderPlanService *self,
                          const char        *quarter)
{
  g_autoptr(GListModel) quarters = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  quarters = load_all (self, HELDER_TYPE_QUARTER);
  for (guint i = 0; quarter != NULL && i < g_list_model_get_n_items (quarters); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (quarters, i);

      if (g_strcmp0 (helder_record_get_text (record, "quarter"), quarter) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

static gboolean
record_is_closed (HelderRecord *record)
{
  return record != NULL && g_strcmp0 (helder_record_get_text (record, "status"), "closed") == 0;
}

gboolean
helder_plan_quarter_is_closed (HelderPlanService *self,
                               const char        *quarter)
{
  g_autoptr(HelderRecord) record = helder_plan_quarter_find (self, quarter);

  return record_is_closed (record);
}

static int
by_quarter_descending (gconstpointer a,
                       gconstpointer b)
{
  return g_strcmp0 (helder_record_get_text (*(HelderRecord **) b, "quarter"),
                    helder_record_get_text (*(HelderRecord **) a, "quarter"));
}

/**
 * helder_plan_quarter_closed:
 *
 * Returns: (transfer container) (element-type HelderRecord): the closed
 *   quarters, latest first
 */
GPtrArray *
helder_plan_quarter_closed (HelderPlanService *self)
{
  g_autoptr(GListModel) quarters = NULL;
  GPtrArray *closed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), closed);

  quarters = load_all (self, HELDER_TYPE_QUARTER);
  for (guint i = 0; i < g_list_model_get_n_items (quarters); i++)
    {
      HelderRecord *record = g_list_model_get_item (quarters, i);

      if (record_is_closed (record) && helder_quarter_parse (helder_record_get_text (record, "quarter"), NULL, NULL))
        g_ptr_array_add (closed, record);
      else
        g_object_unref (record);
    }
  g_ptr_array_sort (closed, by_quarter_descending);
  return closed;
}

/**
 * helder_plan_quarter_current:
 * @now: (nullable): the time to go by; %NULL: now
 *
 * Returns: (transfer full): the quarter under review: today's, or the
 *   next when today's is closed already
 */
char *
helder_plan_quarter_current (HelderPlanService *self,
                             GDateTime         *now)
{
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr(GPtrArray) closed = helder_plan_quarter_closed (self);
  g_autofree char *today = helder_quarter_for_date (local);

  return helder_quarter_to_review (today, closed->len > 0
                                   ? helder_record_get_text (closed->pdata[0], "quarter") : NULL);
}

/**
 * helder_plan_quarter_user_name:
 *
 * Returns: (transfer full): the name of the session's user (from their
 *   user record), or their login
 */
char *
helder_plan_quarter_user_name (HelderPlanService *self)
{
  HelderSession *session = helder_service_get_session (HELDER_SERVICE (self));
  const char *login = helder_session_get_login (session);
  g_autoptr(GListModel) users = load_all (self, HELDER_TYPE_USER);

  for (guint i = 0; login != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(HelderRecord) user = g_list_model_get_item (users, i);
      const char *name = helder_record_get_text (user, "name");

      if (g_strcmp0 (helder_record_get_text (user, "login"), login) == 0 && name != NULL && *name != '\0')
        return g_strdup (name);
    }
  return g_strdup (login != NULL ? login : "");
}

static GType
review_type_for (HelderRecord *item)
{
  return HELDER_IS_PRIORITY (item) ? HELDER_TYPE_PRIORITY_REVIEW : HELDER_TYPE_TOPIC_REVIEW;
}

static const char *
review_item_field (GType review_type)
{
  return review_type == HELDER_TYPE_PRIORITY_REVIEW ? "priority" : "topic";
}

/* Reviews of @type in @quarter by the id of their item. */
static GHashTable *
reviews_by_item (HelderPlanService *self,
                 GType              type,
                 const char        *quarter)
{
  GHashTable *by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GListModel) reviews = load_all (self, type);
  const char *field = review_item_field (type);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      HelderRecord *review = g_list_model_get_item (reviews, i);
      const char *item = helder_record_get_text (review, field);

      if (item != NULL && g_strcmp0 (helder_record_get_text (review, "quarter"), quarter) == 0)
        g_hash_table_replace (by_item, g_strdup (item), review);
      else
        g_object_unref (review);
    }
  return by_item;
}

/**
 * helder_plan_quarter_review_of:
 * @item: a topic or a priority
 *
 * Returns: (transfer full) (nullable): its review in @quarter
 */
HelderRecord *
helder_plan_quarter_review_of (HelderPlanService *self,
                               const char        *quarter,
                               HelderRecord      *item)
{
  GType type;
  g_autoptr(GListModel) reviews = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_TOPIC (item) || HELDER_IS_PRIORITY (item), NULL);

  type = review_type_for (item);
  reviews = load_all (self, type);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(HelderRecord) review = g_list_model_get_item (reviews, i);

      if (g_strcmp0 (helder_record_get_text (review, "quarter"), quarter) == 0 &&
          g_strcmp0 (helder_record_get_text (review, review_item_field (type)), helder_record_get_id (item)) == 0)
        return g_steal_pointer (&review);
    }
  return NULL;
}

static gboolean
check_open (HelderPlanService  *self,
            const char         *quarter,
            GError            **error)
{
  g_autofree char *label = NULL;

  if (!helder_quarter_parse (quarter, NULL, NULL))
    {
      g_set_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                   _("“%s” is not a quarter."), quarter != NULL ? quarter : "");
      return FALSE;
    }
  if (!helder_plan_quarter_is_closed (self, quarter))
    return TRUE;
  label = helder_quarter_label (quarter);
  g_set_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_CLOSED,
               _("%s is closed: its review can be read, not changed."), label);
  return FALSE;
}

static gboolean
check_reason (const char  *reason,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*stripped != '\0')
    return TRUE;
  g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                       _("Give a reason for the decision."));
  return FALSE;
}

/* The review of @item in @quarter, the stored one or a new one. */
static HelderRecord *
ensure_review (HelderPlanService *self,
               const char        *quarter,
               HelderRecord      *item)
{
  HelderRecord *review = helder_plan_quarter_review_of (self, quarter, item);

  if (review == NULL)
    {
      GType type = review_type_for (item);

      review = helder_record_new (type);
      g_object_set (review, review_item_field (type), helder_record_get_id (item), "quarter", quarter, NULL);
    }
  return review;
}

static gboolean
write_records (HelderPlanService  *self,
               GError            **error,
               HelderRecord       *first,
               ...)
{
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (HelderRecord *r = first; r != NULL; r = va_arg (args, HelderRecord *))
    g_ptr_array_add (saves, r);
  va_end (args);
  return helder_service_write (HELDER_SERVICE (self), saves, NULL, error);
}

/**
 * helder_plan_quarter_review_topic:
 * @admin_impact: the new administrative impact (adjust only; 0: unchanged)
 * @societal_impact: the new societal impact (adjust only; 0: unchanged)
 *
 * Records the decision on @topic for @quarter, replacing an earlier one;
 * it takes effect when the quarter is closed.
 *
 * Returns: (transfer full): the saved review, or %NULL with @error set
 */
HelderRecord *
helder_plan_quarter_review_topic (HelderPlanService     *self,
                                  const char            *quarter,
                                  HelderRecord          *topic,
                                  HelderReviewDecision   decision,
                                  const char            *reason,
                                  int                    admin_impact,
                                  int                    societal_impact,
                                  GError               **error)
{
  g_autoptr(HelderRecord) review = NULL;
  g_autofree char *reviewer = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (decision != HELDER_REVIEW_NONE, NULL);

  if (!check_open (self, quarter, error) || !check_reason (reason, error))
    return NULL;
  if (decision == HELDER_REVIEW_ADJUST &&
      (admin_impact < 0 || admin_impact > 5 || societal_impact < 0 || societal_impact > 5))
    {
      g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                           _("Scores go from 1 to 5."));
      return NULL;
    }
  if (decision != HELDER_REVIEW_ADJUST)
    admin_impact = societal_impact = 0;

  review = ensure_review (self, quarter, topic);
  reviewer = helder_plan_quarter_user_name (self);
  g_object_set (review,
                "decision", helder_review_decision_to_string (decision),
                "reason", reason,
                "reviewer", reviewer,
                "admin-impact", admin_impact,
                "societal-impact", societal_impact,
                NULL);
  if (!write_records (self, error, review, NULL))
    return NULL;
  return g_steal_pointer (&review);
}

/**
 * helder_plan_quarter_review_priority:
 * @rank: the new rank (adjust only; 0: unchanged)
 *
 * Returns: (transfer full): the saved review, or %NULL with @error set
 */
HelderRecord *
helder_plan_quarter_review_priority (HelderPlanService     *self,
                                     const char            *quarter,
                                     HelderRecord          *priority,
                                     HelderReviewDecision   decision,
                                     const char            *reason,
                                     int                    rank,
                                     GError               **error)
{
  g_autoptr(HelderRecord) review = NULL;
  g_autofree char *reviewer = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_PRIORITY (priority), NULL);
  g_return_val_if_fail (decision != HELDER_REVIEW_NONE, NULL);

  if (!check_open (self, quarter, error) || !check_reason (reason, error))
    return NULL;
  if (decision == HELDER_REVIEW_ADJUST && (rank < 0 || rank > 1000))
    {
      g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                           _("A rank goes from 1 to 1000."));
      return NULL;
    }
  if (decision != HELDER_REVIEW_ADJUST)
    rank = 0;

  review = ensure_review (self, quarter, priority);
  reviewer = helder_plan_quarter_user_name (self);
  g_object_set (review,
                "decision", helder_review_decision_to_string (decision),
                "reason", reason,
                "reviewer", reviewer,
                "rank", rank,
                NULL);
  if (!write_records (self, error, review, NULL))
    return NULL;
  return g_steal_pointer (&review);
}

/**
 * helder_plan_quarter_add_topic:
 *
 * A new topic, added in @quarter's review: the topic and its review
 * ("new", with the reason) in one transaction.
 *
 * Returns: (transfer full): the new topic, or %NULL with @error set
 */
HelderRecord *
helder_plan_quarter_add_topic (HelderPlanService  *self,
                               const char         *quarter,
                               const char         *title,
                               int                 admin_impact,
                               int                 societal_impact,
                               const char         *reason,
                               GError            **error)
{
  g_autoptr(HelderRecord) topic = NULL;
  g_autoptr(HelderRecord) review = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *name = g_strstrip (g_strdup (title != NULL ? title : ""));

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  if (!check_open (self, quarter, error) || !check_reason (reason, error))
    return NULL;
  if (*name == '\0')
    {
      g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                           _("A new topic needs a title."));
      return NULL;
    }
  if (admin_impact < 1 || admin_impact > 5 || societal_impact < 1 || societal_impact > 5)
    {
      g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID,
                           _("Scores go from 1 to 5."));
      return NULL;
    }

  reviewer = helder_plan_quarter_user_name (self);
  topic = helder_record_new (HELDER_TYPE_TOPIC);
  g_object_set (topic, "title", name, "admin-impact", admin_impact, "societal-impact", societal_impact,
                "trend", "rising", "status", "active", "owner", reviewer, NULL);
  review = helder_record_new (HELDER_TYPE_TOPIC_REVIEW);
  g_object_set (review, "topic", helder_record_get_id (topic), "quarter", quarter,
                "decision", "new", "reason", reason, "reviewer", reviewer, NULL);
  if (!write_records (self, error, topic, review, NULL))
    return NULL;
  return g_steal_pointer (&topic);
}

/**
 * helder_plan_quarter_may_close:
 * @why_not: (out) (optional): when not, the reason in the user's words
 *
 * Only an advisor or an administrator closes a quarter.
 */
gboolean
helder_plan_quarter_may_close (HelderPlanService  *self,
                               char              **why_not)
{
  HelderRole role;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);

  role = helder_session_get_role (helder_service_get_session (HELDER_SERVICE (self)));
  if (role != HELDER_SESSION_ROLE_ADVISOR && role != HELDER_SESSION_ROLE_ADMIN)
    {
      if (why_not != NULL)
        *why_not = g_strdup (_("Only an advisor or an administrator may close a quarter. "
                               "You can read the review and the comparison."));
      return FALSE;
    }
  if (helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (self))))
    {
      if (why_not != NULL)
        *why_not = g_strdup (_("The data is read-only on this computer: nothing can be closed."));
      return FALSE;
    }
  if (why_not != NULL)
    *why_not = NULL;
  return TRUE;
}

static int
by_rank (gconstpointer a,
         gconstpointer b)
{
  HelderRecord *x = *(HelderRecord **) a, *y = *(HelderRecord **) b;
  int rx = helder_record_get_int (x, "rank"), ry = helder_record_get_int (y, "rank");

  if (rx != ry)
    return rx - ry;
  return g_utf8_collate (helder_record_get_title (x), helder_record_get_title (y));
}

typedef struct
{
  HelderRecord *priority;
  int           rank;
} Placed;

static int
by_placed_rank (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;

  return x->rank - y->rank;
}

/* The quarter's decisions applied to fresh copies of the topics and
 * priorities (@topics, @priorities: those still in play afterwards);
 * @changed gets those whose stored copy changes. */
static void
apply_decisions (HelderPlanService *self,
                 const char        *quarter,
                 GPtrArray         *topics,
                 GPtrArray         *priorities,
                 GPtrArray         *changed)
{
  g_autoptr(GHashTable) topic_reviews = reviews_by_item (self, HELDER_TYPE_TOPIC_REVIEW, quarter);
  g_autoptr(GHashTable) priority_reviews = reviews_by_item (self, HELDER_TYPE_PRIORITY_REVIEW, quarter);
  g_autoptr(GListModel) all_topics = load_all (self, HELDER_TYPE_TOPIC);
  g_autoptr(GListModel) all_priorities = load_all (self, HELDER_TYPE_PRIORITY);
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  for (guint i = 0; i < g_list_model_get_n_items (all_topics); i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (all_topics, i);
      HelderRecord *review = g_hash_table_lookup (topic_reviews, helder_record_get_id (topic));
      HelderReviewDecision decision = review != NULL
        ? helder_review_decision_from_string (helder_record_get_text (review, "decision"))
        : HELDER_REVIEW_NONE;

      if (g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") == 0)
        continue;
      if (decision == HELDER_REVIEW_DROP)
        {
          g_object_set (topic, "status", "dropped", NULL);
          g_ptr_array_add (changed, g_object_ref (topic));
          continue;
        }
      if (decision == HELDER_REVIEW_ADJUST)
        {
          int admin = helder_record_get_int (review, "admin_impact");
          int societal = helder_record_get_int (review, "societal_impact");
          gboolean differs = FALSE;

          if (admin > 0 && admin != helder_record_get_int (topic, "admin_impact"))
            g_object_set (topic, "admin-impact", admin, NULL), differs = TRUE;
          if (societal > 0 && societal != helder_record_get_int (topic, "societal_impact"))
            g_object_set (topic, "societal-impact", societal, NULL), differs = TRUE;
          if (differs)
            g_ptr_array_add (changed, g_object_ref (topic));
        }
      g_ptr_array_add (topics, g_steal_pointer (&topic));
    }

  /* Priorities: the dropped ones finish; the adjusted ones go to their
   * new rank and the rest close up around them, ranked 1, 2, 3... */
  for (guint i = 0; i < g_list_model_get_n_items (all_priorities); i++)
    {
      g_autoptr(HelderRecord) priority = g_list_model_get_item (all_priorities, i);
      HelderRecord *review = g_hash_table_lookup (priority_reviews, helder_record_get_id (priority));
      HelderReviewDecision decision = review != NULL
        ? helder_review_decision_from_string (helder_record_get_text (review, "decision"))
        : HELDER_REVIEW_NONE;

      if (g_strcmp0 (helder_record_get_text (priority, "status"), "done") == 0)
        continue;
      if (decision == HELDER_REVIEW_DROP)
        {
          g_object_set (priority, "status", "done", NULL);
          g_ptr_array_add (changed, g_object_ref (priority));
          continue;
        }
      if (decision == HELDER_REVIEW_ADJUST && helder_record_get_int (review, "rank") > 0)
        {
          Placed p = { g_object_ref (priority), helder_record_get_int (review, "rank") };

          g_array_append_val (placed, p);
          continue;
        }
      g_ptr_array_add (ranked, g_steal_pointer (&priority));
    }
  g_ptr_array_sort (ranked, by_rank);
  g_array_sort (placed, by_placed_rank);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      g_ptr_array_insert (ranked, MIN ((guint) p->rank - 1, ranked->len), p->priority);
    }
  for (guint i = 0; i < ranked->len; i++)
    {
      HelderRecord *priority = ranked->pdata[i];

      if (helder_record_get_int (priority, "rank") != (int) i + 1)
        {
          g_object_set (priority, "rank", (int) i + 1, NULL);
          g_ptr_array_add (changed, g_object_ref (priority));
        }
      g_ptr_array_add (priorities, g_object_ref (priority));
    }
}

static HelderQuarterSnapshot *
snapshot_of_arrays (GPtrArray *topics,
                    GPtrArray *priorities)
{
  g_autoptr(GListStore) t = g_list_store_new (HELDER_TYPE_TOPIC);
  g_autoptr(GListStore) p = g_list_store_new (HELDER_TYPE_PRIORITY);

  g_list_store_splice (t, 0, 0, topics->pdata, topics->len);
  g_list_store_splice (p, 0, 0, priorities->pdata, priorities->len);
  return helder_quarter_snapshot_from_records (G_LIST_MODEL (t), G_LIST_MODEL (p));
}

/**
 * helder_plan_quarter_snapshot:
 *
 * A closed quarter's stored snapshot; for an open one, how closing it now
 * would leave the topics and priorities (its decisions applied).
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
HelderQuarterSnapshot *
helder_plan_quarter_snapshot (HelderPlanService  *self,
                              const char         *quarter,
                              GError            **error)
{
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) priorities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  record = helder_plan_quarter_find (self, quarter);
  if (record_is_closed (record))
    return helder_quarter_snapshot_from_json (helder_record_get_text (record, "snapshot"), error);
  apply_decisions (self, quarter, topics, priorities, changed);
  return snapshot_of_arrays (topics, priorities);
}

/**
 * helder_plan_quarter_close:
 * @now: (nullable): when it is closed; %NULL: now
 *
 * Closes @quarter: applies its decisions (new scores, dropped topics,
 * ranks), and records who closed it, when, and the snapshot of the
 * result, all in one transaction.  Only an advisor or an administrator
 * may; a closed quarter is not closed again.
 *
 * Returns: (transfer full): the quarter record, or %NULL with @error set
 */
HelderRecord *
helder_plan_quarter_close (HelderPlanService  *self,
                           const char         *quarter,
                           GDateTime          *now,
                           GError            **error)
{
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) priorities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderQuarterSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autofree char *why_not = NULL;
  g_autofree char *json = NULL;
  g_autofree char *closed_at = NULL;
  g_autofree char *closer = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  if (!helder_plan_quarter_may_close (self, &why_not))
    {
      g_set_error_literal (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN, why_not);
      return NULL;
    }
  if (!check_open (self, quarter, error))
    return NULL;

  apply_decisions (self, quarter, topics, priorities, saves);
  snapshot = snapshot_of_arrays (topics, priorities);
  json = helder_quarter_snapshot_to_json (snapshot);
  closed_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
  closer = helder_plan_quarter_user_name (self);
  summary = g_strdup_printf (_("%u topics and %u priorities"), snapshot->topics->len, snapshot->priorities->len);

  record = helder_plan_quarter_find (self, quarter);
  if (record == NULL)
    {
      record = helder_record_new (HELDER_TYPE_QUARTER);
      g_object_set (record, "quarter", quarter, NULL);
    }
  g_object_set (record, "status", "closed", "closed-by", closer, "closed-at", closed_at,
                "snapshot", json, "summary", summary, NULL);
  g_ptr_array_add (saves, g_object_ref (record));
  if (!helder_service_write (HELDER_SERVICE (self), saves, NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}
