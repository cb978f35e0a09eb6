/* test-quarter.c: the quarterly review: names, decisions, closing, snapshots and the comparison
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plan/helder-plan-quarter.h"

typedef struct
{
  char              *dir;
  char              *path;
  HelderStore       *store;
  HelderSession     *session;
  HelderPlanService *plan;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) user = helder_record_new (HELDER_TYPE_USER);

  fixture->dir = g_dir_make_tmp ("helder-quarter-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "helder.db", NULL);
  fixture->store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  fixture->plan = helder_plan_service_new (fixture->store, fixture->session);
  g_object_set (user, "name", "Sanne de Vries", "login", "sanne", "role", "advisor", NULL);
  g_assert_true (helder_store_save (fixture->store, user, NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  d = g_dir_open (fixture->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static HelderRecord *
save_topic (Fixture    *fixture,
            const char *title,
            int         admin,
            int         societal,
            const char *trend)
{
  HelderRecord *topic = helder_record_new (HELDER_TYPE_TOPIC);

  g_object_set (topic, "title", title, "admin-impact", admin, "societal-impact", societal,
                "trend", trend, "status", "active", NULL);
  g_assert_true (helder_store_save (fixture->store, topic, NULL));
  return topic;
}

static HelderRecord *
save_priority (Fixture    *fixture,
               const char *title,
               int         rank)
{
  HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);

  g_object_set (priority, "title", title, "rank", rank, "status", "active", NULL);
  g_assert_true (helder_store_save (fixture->store, priority, NULL));
  return priority;
}

static HelderRecord *
reload (Fixture      *fixture,
        HelderRecord *record)
{
  return helder_store_load (fixture->store, G_OBJECT_TYPE (record), helder_record_get_id (record), NULL);
}

static void
test_names (void)
{
  g_autoptr(GDateTime) december = g_date_time_new_utc (2026, 12, 2, 16, 0, 0);
  g_autoptr(GDateTime) january = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autofree char *q4 = helder_quarter_for_date (december);
  g_autofree char *q1 = helder_quarter_for_date (january);
  g_autofree char *before = helder_quarter_offset ("2027-Q1", -1);
  g_autofree char *after = helder_quarter_offset ("2026-Q4", 1);
  g_autofree char *back = helder_quarter_offset ("2026-Q1", -5);
  g_autofree char *from_day = helder_quarter_for_iso_date ("2026-07-01T09:00:00+02:00");
  g_autofree char *first = NULL, *last = NULL;
  char *review;
  int year, number;

  g_assert_cmpstr (q4, ==, "2026-Q4");
  g_assert_cmpstr (q1, ==, "2027-Q1");
  g_assert_cmpstr (before, ==, "2026-Q4");
  g_assert_cmpstr (after, ==, "2027-Q1");
  g_assert_cmpstr (back, ==, "2024-Q4");
  g_assert_cmpstr (from_day, ==, "2026-Q3");
  g_assert_true (helder_quarter_parse ("2026-Q3", &year, &number));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (number, ==, 3);
  g_assert_false (helder_quarter_parse ("2026-Q5", NULL, NULL));
  g_assert_false (helder_quarter_parse ("2026-Q31", NULL, NULL));
  g_assert_false (helder_quarter_parse ("26-Q3", NULL, NULL));
  g_assert_false (helder_quarter_parse (NULL, NULL, NULL));
  g_assert_null (helder_quarter_offset ("Q4", 1));
  helder_quarter_bounds ("2026-Q2", &first, &last);
  g_assert_cmpstr (first, ==, "2026-04-01");
  g_assert_cmpstr (last, ==, "2026-06-30");

  /* The review is about today's quarter, or the next once today's is closed */
  review = helder_quarter_to_review ("2026-Q4", NULL);
  g_assert_cmpstr (review, ==, "2026-Q4");
  g_free (review);
  review = helder_quarter_to_review ("2026-Q4", "2026-Q3");
  g_assert_cmpstr (review, ==, "2026-Q4");
  g_free (review);
  review = helder_quarter_to_review ("2026-Q4", "2026-Q4");
  g_assert_cmpstr (review, ==, "2027-Q1");
  g_free (review);
  review = helder_quarter_to_review ("2027-Q2", "2026-Q3");
  g_assert_cmpstr (review, ==, "2027-Q2");
  g_free (review);

  g_assert_cmpint (helder_review_decision_from_string ("adjust"), ==, HELDER_REVIEW_ADJUST);
  g_assert_cmpint (helder_review_decision_from_string ("maybe"), ==, HELDER_REVIEW_NONE);
  g_assert_cmpstr (helder_review_decision_to_string (HELDER_REVIEW_NEW), ==, "new");
}

static void
test_snapshot_json (void)
{
  g_autoptr(HelderQuarterSnapshot) snapshot = helder_quarter_snapshot_new ();
  g_autoptr(HelderQuarterSnapshot) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  HelderSnapshotTopic *topic;

  helder_quarter_snapshot_add_topic (snapshot, "t1", "Zwerfafval \"bij\" containers", 2, 4, "stable");
  helder_quarter_snapshot_add_priority (snapshot, "p1", "Betaalbaar wonen", 1);
  json = helder_quarter_snapshot_to_json (snapshot);
  back = helder_quarter_snapshot_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->topics->len, ==, 1);
  topic = back->topics->pdata[0];
  g_assert_cmpstr (topic->title, ==, "Zwerfafval \"bij\" containers");
  g_assert_cmpint (topic->admin_impact, ==, 2);
  g_assert_cmpint (topic->societal_impact, ==, 4);
  g_assert_cmpstr (topic->trend, ==, "stable");
  g_assert_cmpint (((HelderSnapshotPriority *) back->priorities->pdata[0])->rank, ==, 1);

  g_assert_null (helder_quarter_snapshot_from_json ("[1, 2]", &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_SNAPSHOT);
  g_clear_error (&error);
  g_assert_null (helder_quarter_snapshot_from_json ("{\"topics\": [{\"title\": \"x\"}]}", &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_SNAPSHOT);
}

static HelderQuarterChange *
find_change (GPtrArray  *changes,
             const char *id)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (((HelderQuarterChange *) changes->pdata[i])->id, id))
      return changes->pdata[i];
  return NULL;
}

/* What the comparison counts: added, dropped, moved cell, trend only,
 * rank; unchanged items are no change. */
static void
test_compare (void)
{
  g_autoptr(HelderQuarterSnapshot) before = helder_quarter_snapshot_new ();
  g_autoptr(HelderQuarterSnapshot) after = helder_quarter_snapshot_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) from_nothing = NULL;
  HelderQuarterChange *change;

  helder_quarter_snapshot_add_topic (before, "same", "Gelijk", 3, 3, "stable");
  helder_quarter_snapshot_add_topic (before, "moved", "Verplaatst", 2, 4, "rising");
  helder_quarter_snapshot_add_topic (before, "trend", "Andere trend", 1, 1, "rising");
  helder_quarter_snapshot_add_topic (before, "gone", "Vervallen", 5, 5, "falling");
  helder_quarter_snapshot_add_priority (before, "p-same", "Blijft", 1);
  helder_quarter_snapshot_add_priority (before, "p-down", "Zakt", 2);
  helder_quarter_snapshot_add_priority (before, "p-gone", "Weg", 3);

  helder_quarter_snapshot_add_topic (after, "same", "Gelijk", 3, 3, "stable");
  helder_quarter_snapshot_add_topic (after, "moved", "Verplaatst", 4, 5, "rising");
  helder_quarter_snapshot_add_topic (after, "trend", "Andere trend", 1, 1, "falling");
  helder_quarter_snapshot_add_topic (after, "fresh", "Nieuw", 2, 2, "rising");
  helder_quarter_snapshot_add_priority (after, "p-same", "Blijft", 1);
  helder_quarter_snapshot_add_priority (after, "p-new", "Erbij", 2);
  helder_quarter_snapshot_add_priority (after, "p-down", "Zakt", 3);

  changes = helder_quarter_compare (before, after);
  g_assert_cmpuint (changes->len, ==, 7);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_ADDED, FALSE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_DROPPED, FALSE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_MOVED, FALSE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_TREND, FALSE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_ADDED, TRUE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_DROPPED, TRUE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_RANK, TRUE), ==, 1);
  g_assert_null (find_change (changes, "same"));
  g_assert_null (find_change (changes, "p-same"));

  change = find_change (changes, "moved");
  g_assert_cmpint (change->kind, ==, HELDER_CHANGE_MOVED);
  g_assert_cmpint (change->from_admin, ==, 2);
  g_assert_cmpint (change->from_societal, ==, 4);
  g_assert_cmpint (change->to_admin, ==, 4);
  g_assert_cmpint (change->to_societal, ==, 5);
  change = find_change (changes, "gone");
  g_assert_cmpint (change->kind, ==, HELDER_CHANGE_DROPPED);
  g_assert_cmpint (change->from_admin, ==, 5);
  g_assert_cmpint (change->to_admin, ==, 0);
  change = find_change (changes, "trend");
  g_assert_cmpstr (change->from_trend, ==, "rising");
  g_assert_cmpstr (change->to_trend, ==, "falling");
  change = find_change (changes, "p-down");
  g_assert_cmpint (change->from_rank, ==, 2);
  g_assert_cmpint (change->to_rank, ==, 3);
  /* Topics come first */
  g_assert_false (((HelderQuarterChange *) changes->pdata[0])->is_priority);
  g_assert_true (((HelderQuarterChange *) changes->pdata[changes->len - 1])->is_priority);

  /* Without an earlier quarter everything is added */
  from_nothing = helder_quarter_compare (NULL, after);
  g_assert_cmpuint (from_nothing->len, ==, 7);
  g_assert_cmpuint (helder_quarter_count_changes (from_nothing, HELDER_CHANGE_ADDED, FALSE), ==, 4);
}

/* Decisions need a reason, and valid scores; a new decision replaces the
 * earlier one; nothing changes before closing. */
static void
test_review_decisions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HelderRecord) topic = save_topic (fixture, "Zwerfafval", 2, 4, "stable");
  g_autoptr(HelderRecord) review = NULL;
  g_autoptr(HelderRecord) again = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", topic, HELDER_REVIEW_KEEP,
                                                   "   ", 0, 0, &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", topic, HELDER_REVIEW_ADJUST,
                                                   "Hoger", 6, 4, &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (helder_plan_quarter_review_topic (fixture->plan, "kwartaal", topic, HELDER_REVIEW_KEEP,
                                                   "Blijft", 0, 0, &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOPIC_REVIEW), ==, 0);

  review = helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", topic, HELDER_REVIEW_KEEP,
                                             "Blijft spelen in Patrimonium", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (review, "reviewer"), ==, "Sanne de Vries");
  again = helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", topic, HELDER_REVIEW_ADJUST,
                                            "Meer meldingen via Fixi", 3, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_id (again), ==, helder_record_get_id (review));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOPIC_REVIEW), ==, 1);
  g_clear_object (&review);
  review = helder_plan_quarter_review_of (fixture->plan, "2026-Q4", topic);
  g_assert_cmpstr (helder_record_get_text (review, "decision"), ==, "adjust");
  g_assert_cmpint (helder_record_get_int (review, "admin_impact"), ==, 3);
  g_assert_null (helder_plan_quarter_review_of (fixture->plan, "2026-Q3", topic));

  /* Not applied until closing */
  stored = reload (fixture, topic);
  g_assert_cmpint (helder_record_get_int (stored, "admin_impact"), ==, 2);
}

/* Closing applies the decisions, records who and when and the snapshot,
 * all in one transaction; a closed quarter is read-only. */
static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(HelderRecord) kept = save_topic (fixture, "Woningbouw", 4, 5, "rising");
  g_autoptr(HelderRecord) adjusted = save_topic (fixture, "Energiearmoede", 3, 4, "rising");
  g_autoptr(HelderRecord) dropped = save_topic (fixture, "Vuurwerk", 3, 4, "falling");
  g_autoptr(HelderRecord) untouched = save_topic (fixture, "Omgevingswet", 3, 3, "stable");
  g_autoptr(HelderRecord) first = save_priority (fixture, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) second = save_priority (fixture, "Energietransitie", 2);
  g_autoptr(HelderRecord) third = save_priority (fixture, "Zorg dichtbij", 3);
  g_autoptr(HelderRecord) fourth = save_priority (fixture, "Veilig Hillegom", 4);
  g_autoptr(HelderRecord) added = NULL;
  g_autoptr(HelderRecord) quarter = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderQuarterSnapshot) projected = NULL;
  g_autoptr(HelderQuarterSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 18, 14, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autofree char *current = NULL;
  HelderRecord *r;

  g_assert_nonnull (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", kept, HELDER_REVIEW_KEEP,
                                                      "Blijft hoog", 0, 0, NULL));
  g_assert_nonnull (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", adjusted, HELDER_REVIEW_ADJUST,
                                                      "Meer vragen", 4, 5, NULL));
  g_assert_nonnull (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", dropped, HELDER_REVIEW_DROP,
                                                      "Na de jaarwisseling voorbij", 0, 0, NULL));
  added = helder_plan_quarter_add_topic (fixture->plan, "2026-Q4", "Netcongestie", 3, 3,
                                         "Ondernemers melden wachttijden", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (added, "status"), ==, "active");
  r = helder_plan_quarter_review_of (fixture->plan, "2026-Q4", added);
  g_assert_cmpstr (helder_record_get_text (r, "decision"), ==, "new");
  g_object_unref (r);
  /* The fourth priority goes to the top; the third is dropped */
  g_assert_nonnull (helder_plan_quarter_review_priority (fixture->plan, "2026-Q4", fourth, HELDER_REVIEW_ADJUST,
                                                         "Na de onrust in Vosse", 1, NULL));
  g_assert_nonnull (helder_plan_quarter_review_priority (fixture->plan, "2026-Q4", third, HELDER_REVIEW_DROP,
                                                         "Samengevoegd", 0, NULL));

  /* Before closing, the snapshot shows what closing would do */
  projected = helder_plan_quarter_snapshot (fixture->plan, "2026-Q4", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projected->topics->len, ==, 4);
  g_assert_cmpuint (projected->priorities->len, ==, 3);

  /* Staff may not close */
  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_STAFF);
  g_assert_false (helder_plan_quarter_may_close (fixture->plan, NULL));
  g_assert_null (helder_plan_quarter_close (fixture->plan, "2026-Q4", now, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_plan_quarter_is_closed (fixture->plan, "2026-Q4"));
  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_ADVISOR);

  /* One transaction: every change and the quarter record */
  quarter = helder_plan_quarter_close (fixture->plan, "2026-Q4", now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (quarter, "status"), ==, "closed");
  g_assert_cmpstr (helder_record_get_text (quarter, "closed_by"), ==, "Sanne de Vries");
  g_assert_true (g_str_has_prefix (helder_record_get_text (quarter, "closed_at"), "2026-12-18T14:30:00"));
  g_assert_true (helder_plan_quarter_is_closed (fixture->plan, "2026-Q4"));

  stored = reload (fixture, adjusted);
  g_assert_cmpint (helder_record_get_int (stored, "admin_impact"), ==, 4);
  g_assert_cmpint (helder_record_get_int (stored, "societal_impact"), ==, 5);
  g_clear_object (&stored);
  stored = reload (fixture, dropped);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "dropped");
  g_clear_object (&stored);
  stored = reload (fixture, untouched);
  g_assert_cmpint (helder_record_get_int (stored, "admin_impact"), ==, 3);
  g_clear_object (&stored);
  stored = reload (fixture, fourth);
  g_assert_cmpint (helder_record_get_int (stored, "rank"), ==, 1);
  g_clear_object (&stored);
  stored = reload (fixture, first);
  g_assert_cmpint (helder_record_get_int (stored, "rank"), ==, 2);
  g_clear_object (&stored);
  stored = reload (fixture, second);
  g_assert_cmpint (helder_record_get_int (stored, "rank"), ==, 3);
  g_clear_object (&stored);
  stored = reload (fixture, third);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "done");

  /* The snapshot in the quarter record */
  snapshot = helder_quarter_snapshot_from_json (helder_record_get_text (quarter, "snapshot"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->topics->len, ==, 4);
  g_assert_cmpuint (snapshot->priorities->len, ==, 3);
  for (guint i = 0; i < snapshot->topics->len; i++)
    {
      HelderSnapshotTopic *t = snapshot->topics->pdata[i];

      g_assert_cmpstr (t->id, !=, helder_record_get_id (dropped));
      if (g_str_equal (t->id, helder_record_get_id (adjusted)))
        g_assert_cmpint (t->admin_impact, ==, 4);
    }

  /* Read-only now */
  g_assert_null (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", kept, HELDER_REVIEW_DROP,
                                                   "Toch niet", 0, 0, &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_null (helder_plan_quarter_add_topic (fixture->plan, "2026-Q4", "Laat", 1, 1, "Te laat", &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_null (helder_plan_quarter_close (fixture->plan, "2026-Q4", now, &error));
  g_assert_error (error, HELDER_QUARTER_ERROR, HELDER_QUARTER_ERROR_CLOSED);
  g_clear_error (&error);

  closed = helder_plan_quarter_closed (fixture->plan);
  g_assert_cmpuint (closed->len, ==, 1);
  /* Q4 closed in December: the review moves on to the next quarter */
  current = helder_plan_quarter_current (fixture->plan, now);
  g_assert_cmpstr (current, ==, "2027-Q1");
}

/* The comparison of a closed quarter against the one before, from their
 * stored snapshots. */
static void
test_compare_closed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HelderRecord) topic = save_topic (fixture, "Woningbouw", 4, 4, "rising");
  g_autoptr(HelderRecord) q3 = NULL;
  g_autoptr(HelderRecord) q4 = NULL;
  g_autoptr(HelderQuarterSnapshot) before = NULL;
  g_autoptr(HelderQuarterSnapshot) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  HelderQuarterChange *change;

  q3 = helder_plan_quarter_close (fixture->plan, "2026-Q3", NULL, NULL);
  g_assert_nonnull (q3);
  g_assert_nonnull (helder_plan_quarter_review_topic (fixture->plan, "2026-Q4", topic, HELDER_REVIEW_ADJUST,
                                                      "Raadsvragen", 5, 5, NULL));
  q4 = helder_plan_quarter_close (fixture->plan, "2026-Q4", NULL, NULL);
  g_assert_nonnull (q4);
  before = helder_plan_quarter_snapshot (fixture->plan, "2026-Q3", NULL);
  after = helder_plan_quarter_snapshot (fixture->plan, "2026-Q4", NULL);
  changes = helder_quarter_compare (before, after);
  g_assert_cmpuint (changes->len, ==, 1);
  change = changes->pdata[0];
  g_assert_cmpint (change->kind, ==, HELDER_CHANGE_MOVED);
  g_assert_cmpint (change->from_admin, ==, 4);
  g_assert_cmpint (change->to_admin, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quarter/names", test_names);
  g_test_add_func ("/quarter/snapshot-json", test_snapshot_json);
  g_test_add_func ("/quarter/compare", test_compare);
  g_test_add ("/quarter/review-decisions", Fixture, NULL, fixture_setup, test_review_decisions, fixture_teardown);
  g_test_add ("/quarter/close", Fixture, NULL, fixture_setup, test_close, fixture_teardown);
  g_test_add ("/quarter/compare-closed", Fixture, NULL, fixture_setup, test_compare_closed, fixture_teardown);
  return g_test_run ();
}
