/* helder-plan-quarter.c: quarters, their snapshots and the comparison of two of them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-quarter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "helder-plan-quarter.h"

/* Pure functions: the names of quarters, the snapshot a closed quarter
 * keeps and what changed between two snapshots.  The review itself (the
 * decisions and the closing, through the service) is in
 * helder-plan-review.c. */

G_DEFINE_QUARK (helder-quarter-error-quark, helder_quarter_error)

/**
 * helder_quarter_parse:
 * @quarter: a quarter's name, "2026-Q4"
 *
 * Returns: whether @quarter is one, with its year and number (1–4)
 */
gboolean
helder_quarter_parse (const char *quarter,
                      int        *year,
                      int        *number)
{
  int y, q;
  char end;

  if (quarter == NULL || strlen (quarter) != 7 ||
      sscanf (quarter, "%4d-Q%1d%c", &y, &q, &end) != 2 ||
      y < 1000 || q < 1 || q > 4 || quarter[4] != '-')
    return FALSE;
  if (year != NULL)
    *year = y;
  if (number != NULL)
    *number = q;
  return TRUE;
}

static char *
quarter_name (int year,
              int number)
{
  return g_strdup_printf ("%04d-Q%d", year, number);
}

char *
helder_quarter_for_date (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);

  return quarter_name (g_date_time_get_year (when), (g_date_time_get_month (when) - 1) / 3 + 1);
}

/**
 * helder_quarter_for_iso_date:
 * @date: YYYY-MM-DD, with or without a time after it
 *
 * Returns: (nullable): the quarter the day falls in
 */
char *
helder_quarter_for_iso_date (const char *date)
{
  int y, m;

  if (date == NULL || sscanf (date, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
    return NULL;
  return quarter_name (y, (m - 1) / 3 + 1);
}

/**
 * helder_quarter_offset:
 * @quarters: how many quarters later (negative: earlier)
 *
 * Returns: (nullable): the quarter @quarters after @quarter
 */
char *
helder_quarter_offset (const char *quarter,
                       int         quarters)
{
  int year, number, index;

  if (!helder_quarter_parse (quarter, &year, &number))
    return NULL;
  index = year * 4 + (number - 1) + quarters;
  return quarter_name (index / 4, index % 4 + 1);
}

/* "2026-Q4" as people say it: "Q4 2026" ("4e kwartaal 2026"). */
char *
helder_quarter_label (const char *quarter)
{
  int year, number;

  if (!helder_quarter_parse (quarter, &year, &number))
    return g_strdup (quarter != NULL ? quarter : "");
  /* Translators: a quarter of a year: the quarter's number, then the year */
  return g_strdup_printf (_("Q%d %d"), number, year);
}

/* The first and last day of @quarter, YYYY-MM-DD. */
void
helder_quarter_bounds (const char  *quarter,
                       char       **first_day,
                       char       **last_day)
{
  static const int last_days[] = { 31, 30, 30, 31 };
  int year, number;

  if (!helder_quarter_parse (quarter, &year, &number))
    {
      if (first_day != NULL)
        *first_day = NULL;
      if (last_day != NULL)
        *last_day = NULL;
      return;
    }
  if (first_day != NULL)
    *first_day = g_strdup_printf ("%04d-%02d-01", year, (number - 1) * 3 + 1);
  if (last_day != NULL)
    *last_day = g_strdup_printf ("%04d-%02d-%02d", year, number * 3, last_days[number - 1]);
}

/**
 * helder_quarter_to_review:
 * @today_quarter: the quarter of today
 * @last_closed: (nullable): the latest closed quarter
 *
 * The quarter the review is about: today's, unless that one is closed
 * already; then the one after the last closed (prepared in advance).
 */
char *
helder_quarter_to_review (const char *today_quarter,
                          const char *last_closed)
{
  g_autofree char *after = NULL;

  g_return_val_if_fail (helder_quarter_parse (today_quarter, NULL, NULL), NULL);

  if (!helder_quarter_parse (last_closed, NULL, NULL))
    return g_strdup (today_quarter);
  after = helder_quarter_offset (last_closed, 1);
  /* Names of one form compare as their order */
  return g_strdup (strcmp (after, today_quarter) > 0 ? after : today_quarter);
}

static const char *decision_names[] = { "", "keep", "adjust", "drop", "new" };

HelderReviewDecision
helder_review_decision_from_string (const char *decision)
{
  for (guint i = 1; decision != NULL && i < G_N_ELEMENTS (decision_names); i++)
    if (g_str_equal (decision, decision_names[i]))
      return i;
  return HELDER_REVIEW_NONE;
}

const char *
helder_review_decision_to_string (HelderReviewDecision decision)
{
  g_return_val_if_fail (decision < G_N_ELEMENTS (decision_names), NULL);

  return decision == HELDER_REVIEW_NONE ? NULL : decision_names[decision];
}

const char *
helder_review_decision_label (HelderReviewDecision decision)
{
  switch (decision)
    {
    case HELDER_REVIEW_KEEP:
      return _("Keep");
    case HELDER_REVIEW_ADJUST:
      return _("Adjust");
    case HELDER_REVIEW_DROP:
      return _("Drop");
    case HELDER_REVIEW_NEW:
      return _("New");
    case HELDER_REVIEW_NONE:
    default:
      return _("Not reviewed");
    }
}

/* Snapshots */

static void
snapshot_topic_free (gpointer data)
{
  HelderSnapshotTopic *topic = data;

  g_free (topic->id);
  g_free (topic->title);
  g_free (topic->trend);
  g_free (topic);
}

static void
snapshot_priority_free (gpointer data)
{
  HelderSnapshotPriority *priority = data;

  g_free (priority->id);
  g_free (priority->title);
  g_free (priority);
}

HelderQuarterSnapshot *
helder_quarter_snapshot_new (void)
{
  HelderQuarterSnapshot *snapshot = g_new0 (HelderQuarterSnapshot, 1);

  snapshot->topics = g_ptr_array_new_with_free_func (snapshot_topic_free);
  snapshot->priorities = g_ptr_array_new_with_free_func (snapshot_priority_free);
  return snapshot;
}

void
helder_quarter_snapshot_free (HelderQuarterSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_ptr_array_unref (snapshot->topics);
  g_ptr_array_unref (snapshot->priorities);
  g_free (snapshot);
}

void
helder_quarter_snapshot_add_topic (HelderQuarterSnapshot *snapshot,
                                   const char            *id,
                                   const char            *title,
                                   int                    admin_impact,
                                   int                    societal_impact,
                                   const char            *trend)
{
  HelderSnapshotTopic *topic;

  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (id != NULL);

  topic = g_new0 (HelderSnapshotTopic, 1);
  topic->id = g_strdup (id);
  topic->title = g_strdup (title != NULL ? title : "");
  topic->admin_impact = CLAMP (admin_impact, 1, 5);
  topic->societal_impact = CLAMP (societal_impact, 1, 5);
  topic->trend = g_strdup (trend != NULL && *trend != '\0' ? trend : "stable");
  g_ptr_array_add (snapshot->topics, topic);
}

void
helder_quarter_snapshot_add_priority (HelderQuarterSnapshot *snapshot,
                                      const char            *id,
                                      const char            *title,
                                      int                    rank)
{
  HelderSnapshotPriority *priority;

  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (id != NULL);

  priority = g_new0 (HelderSnapshotPriority, 1);
  priority->id = g_strdup (id);
  priority->title = g_strdup (title != NULL ? title : "");
  priority->rank = rank;
  g_ptr_array_add (snapshot->priorities, priority);
}

/**
 * helder_quarter_snapshot_from_records:
 * @topics: (nullable): topic records; dropped ones are left out
 * @priorities: (nullable): priority records; finished ones are left out
 *
 * Returns: (transfer full): the snapshot of the records as they are
 */
HelderQuarterSnapshot *
helder_quarter_snapshot_from_records (GListModel *topics,
                                      GListModel *priorities)
{
  HelderQuarterSnapshot *snapshot = helder_quarter_snapshot_new ();
  guint n = topics != NULL ? g_list_model_get_n_items (topics) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (topics, i);

      if (helder_record_get_deleted (topic) ||
          g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") == 0)
        continue;
      helder_quarter_snapshot_add_topic (snapshot, helder_record_get_id (topic),
                                         helder_record_get_title (topic),
                                         helder_record_get_int (topic, "admin_impact"),
                                         helder_record_get_int (topic, "societal_impact"),
                                         helder_record_get_text (topic, "trend"));
    }

  n = priorities != NULL ? g_list_model_get_n_items (priorities) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) priority = g_list_model_get_item (priorities, i);

      if (helder_record_get_deleted (priority) ||
          g_strcmp0 (helder_record_get_text (priority, "status"), "done") == 0)
        continue;
      helder_quarter_snapshot_add_priority (snapshot, helder_record_get_id (priority),
                                            helder_record_get_title (priority),
                                            helder_record_get_int (priority, "rank"));
    }

  return snapshot;
}

char *
helder_quarter_snapshot_to_json (HelderQuarterSnapshot *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot->topics->len; i++)
    {
      HelderSnapshotTopic *topic = snapshot->topics->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, topic->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, topic->title);
      json_builder_set_member_name (builder, "admin_impact");
      json_builder_add_int_value (builder, topic->admin_impact);
      json_builder_set_member_name (builder, "societal_impact");
      json_builder_add_int_value (builder, topic->societal_impact);
      json_builder_set_member_name (builder, "trend");
      json_builder_add_string_value (builder, topic->trend);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "priorities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot->priorities->len; i++)
    {
      HelderSnapshotPriority *priority = snapshot->priorities->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, priority->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, priority->title);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, priority->rank);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
snapshot_error (GError     **error,
                const char  *what,
                guint        index)
{
  g_set_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_SNAPSHOT,
               "snapshot: %s[%u] needs an id", what, index);
  return FALSE;
}

/**
 * helder_quarter_snapshot_from_json:
 * @json: (nullable): a quarter record's "snapshot" field
 *
 * Returns: (transfer full): the snapshot (empty for %NULL or ""), or
 *   %NULL with @error set
 */
HelderQuarterSnapshot *
helder_quarter_snapshot_from_json (const char  *json,
                                   GError     **error)
{
  g_autoptr(HelderQuarterSnapshot) snapshot = helder_quarter_snapshot_new ();
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonArray *array;

  if (json == NULL || *json == '\0')
    return g_steal_pointer (&snapshot);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_SNAPSHOT,
                           "snapshot: an object is required");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  array = json_object_has_member (root, "topics") ? json_object_get_array_member (root, "topics") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      const char *id = o ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;

      if (id == NULL)
        return snapshot_error (error, "topics", i), NULL;
      helder_quarter_snapshot_add_topic (snapshot, id,
                                         json_object_get_string_member_with_default (o, "title", ""),
                                         json_object_get_int_member_with_default (o, "admin_impact", 1),
                                         json_object_get_int_member_with_default (o, "societal_impact", 1),
                                         json_object_get_string_member_with_default (o, "trend", "stable"));
    }

  array = json_object_has_member (root, "priorities") ? json_object_get_array_member (root, "priorities") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      const char *id = o ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;

      if (id == NULL)
        return snapshot_error (error, "priorities", i), NULL;
      helder_quarter_snapshot_add_priority (snapshot, id,
                                            json_object_get_string_member_with_default (o, "title", ""),
                                            json_object_get_int_member_with_default (o, "rank", 0));
    }

  return g_steal_pointer (&snapshot);
}

/* Comparison */

/* A change with its title's collation key, so sorting many of them
 * collates each title once. */
typedef struct
{
  HelderQuarterChange  change;
  char                *key;
} KeyedChange;

static void
change_free (gpointer data)
{
  KeyedChange *keyed = data;

  g_free (keyed->change.id);
  g_free (keyed->change.title);
  g_free (keyed->key);
  g_free (keyed);
}

static HelderQuarterChange *
change_new (HelderChangeKind  kind,
            gboolean          is_priority,
            const char       *id,
            const char       *title)
{
  KeyedChange *keyed = g_new0 (KeyedChange, 1);
  HelderQuarterChange *change = &keyed->change;

  change->kind = kind;
  change->is_priority = is_priority;
  change->id = g_strdup (id);
  change->title = g_strdup (title);
  keyed->key = g_utf8_collate_key (title != NULL ? title : "", -1);
  return change;
}

static GHashTable *
index_by_id (GPtrArray *items,
             gsize      id_offset)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (index, G_STRUCT_MEMBER (char *, items->pdata[i], id_offset), items->pdata[i]);
  return index;
}

static int
by_kind_then_title (gconstpointer a,
                    gconstpointer b)
{
  const HelderQuarterChange *x = *(HelderQuarterChange **) a, *y = *(HelderQuarterChange **) b;

  if (x->is_priority != y->is_priority)
    return x->is_priority - y->is_priority;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return strcmp (((const KeyedChange *) x)->key, ((const KeyedChange *) y)->key);
}

/**
 * helder_quarter_compare:
 * @before: (nullable): the earlier quarter's snapshot (%NULL: none, so
 *   everything is added)
 * @after: the later one
 *
 * What changed: topics and priorities added and dropped, topics moved to
 * another cell (or only their trend changed), priorities at another rank.
 * Topics first, then priorities; by kind, then title.
 *
 * Returns: (transfer container) (element-type HelderQuarterChange): the changes
 */
GPtrArray *
helder_quarter_compare (HelderQuarterSnapshot *before,
                        HelderQuarterSnapshot *after)
{
  g_autoptr(HelderQuarterSnapshot) nothing = NULL;
  g_autoptr(GHashTable) old_topics = NULL;
  g_autoptr(GHashTable) old_priorities = NULL;
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *changes = g_ptr_array_new_with_free_func (change_free);

  g_return_val_if_fail (after != NULL, changes);

  if (before == NULL)
    before = nothing = helder_quarter_snapshot_new ();
  old_topics = index_by_id (before->topics, G_STRUCT_OFFSET (HelderSnapshotTopic, id));
  old_priorities = index_by_id (before->priorities, G_STRUCT_OFFSET (HelderSnapshotPriority, id));

  for (guint i = 0; i < after->topics->len; i++)
    {
      HelderSnapshotTopic *now = after->topics->pdata[i];
      HelderSnapshotTopic *was = g_hash_table_lookup (old_topics, now->id);
      HelderQuarterChange *change;

      g_hash_table_add (new_ids, now->id);
      if (was == NULL)
        change = change_new (HELDER_CHANGE_ADDED, FALSE, now->id, now->title);
      else if (was->admin_impact != now->admin_impact || was->societal_impact != now->societal_impact)
        change = change_new (HELDER_CHANGE_MOVED, FALSE, now->id, now->title);
      else if (g_strcmp0 (was->trend, now->trend) != 0)
        change = change_new (HELDER_CHANGE_TREND, FALSE, now->id, now->title);
      else
        continue;
      if (was != NULL)
        {
          change->from_admin = was->admin_impact;
          change->from_societal = was->societal_impact;
          change->from_trend = g_intern_string (was->trend);
        }
      change->to_admin = now->admin_impact;
      change->to_societal = now->societal_impact;
      change->to_trend = g_intern_string (now->trend);
      g_ptr_array_add (changes, change);
    }
  for (guint i = 0; i < before->topics->len; i++)
    {
      HelderSnapshotTopic *was = before->topics->pdata[i];
      HelderQuarterChange *change;

      if (g_hash_table_contains (new_ids, was->id))
        continue;
      change = change_new (HELDER_CHANGE_DROPPED, FALSE, was->id, was->title);
      change->from_admin = was->admin_impact;
      change->from_societal = was->societal_impact;
      change->from_trend = g_intern_string (was->trend);
      g_ptr_array_add (changes, change);
    }

  g_hash_table_remove_all (new_ids);
  for (guint i = 0; i < after->priorities->len; i++)
    {
      HelderSnapshotPriority *now = after->priorities->pdata[i];
      HelderSnapshotPriority *was = g_hash_table_lookup (old_priorities, now->id);
      HelderQuarterChange *change;

      g_hash_table_add (new_ids, now->id);
      if (was == NULL)
        change = change_new (HELDER_CHANGE_ADDED, TRUE, now->id, now->title);
      else if (was->rank != now->rank)
        change = change_new (HELDER_CHANGE_RANK, TRUE, now->id, now->title);
      else
        continue;
      change->from_rank = was != NULL ? was->rank : 0;
      change->to_rank = now->rank;
      g_ptr_array_add (changes, change);
    }
  for (guint i = 0; i < before->priorities->len; i++)
    {
      HelderSnapshotPriority *was = before->priorities->pdata[i];
      HelderQuarterChange *change;

      if (g_hash_table_contains (new_ids, was->id))
        continue;
      change = change_new (HELDER_CHANGE_DROPPED, TRUE, was->id, was->title);
      change->from_rank = was->rank;
      g_ptr_array_add (changes, change);
    }

  g_ptr_array_sort (changes, by_kind_then_title);
  return changes;
}

guint
helder_quarter_count_changes (GPtrArray        *changes,
                              HelderChangeKind  kind,
                              gboolean          priorities)
{
  guint n = 0;

  g_return_val_if_fail (changes != NULL, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      HelderQuarterChange *change = changes->pdata[i];

      n += change->kind == kind && !change->is_priority == !priorities;
    }
  return n;
}
