/* test-services.c: the pages' services and the roles, without a display
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "channels/helder-channels-service.h"
#include "editor/helder-editor-service.h"
#include "library/helder-library-service.h"
#include "plan/helder-plan-service.h"
#include "service/helder-record-follower.h"
#include "store/helder-store-sync.h"
#include "store-fixture.h"

typedef struct
{
  Fixture        files;
  HelderStore   *store;
  HelderSession *session;
} ServiceFixture;

static void
service_setup (ServiceFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (&fixture->files, data);
  fixture->store = helder_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  helder_store_set_user (fixture->store, "sanne");
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
}

static void
service_teardown (ServiceFixture *fixture,
                  gconstpointer   data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  fixture_teardown (&fixture->files, data);
}

static HelderRecord *
message (const char *title,
         const char *start,
         const char *end)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (record, "title", title, "window-start", start, "window-end", end, NULL);
  return record;
}

/* A message without a text gets one, and points to it, in one
 * transaction: a failure leaves neither. */
static void
test_message_text (ServiceFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (fixture->store, fixture->session);
  g_autoptr(HelderRecord) moment = message ("Riolering Pastoor van Leeuwenstraat", "2027-02-01", NULL);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderRecord) again = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) broken = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (helder_service_save (HELDER_SERVICE (plan), moment, &error));
  document = helder_plan_service_message_text (plan, moment, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (document, "title"), ==, "Riolering Pastoor van Leeuwenstraat");
  stored = helder_store_load (fixture->store, HELDER_TYPE_MESSAGE, helder_record_get_id (moment), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "body"), ==, helder_record_get_id (document));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_DOCUMENT), ==, 1);

  /* Asked again: the same text */
  again = helder_plan_service_message_text (plan, stored, &error);
  g_assert_cmpstr (helder_record_get_id (again), ==, helder_record_get_id (document));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_DOCUMENT), ==, 1);

  /* A message that cannot be saved (no title): no document either */
  broken = helder_record_new (HELDER_TYPE_MESSAGE);
  g_assert_null (helder_plan_service_message_text (plan, broken, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_DOCUMENT), ==, 1);
}

static void
test_message_window (ServiceFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (fixture->store, fixture->session);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecordList) february = NULL;
  g_autoptr(HelderRecord) late = NULL;

  g_ptr_array_add (messages, message ("Januari", "2027-01-05", "2027-01-20"));
  g_ptr_array_add (messages, message ("Over de grens", "2027-01-25", "2027-02-03"));
  g_ptr_array_add (messages, message ("Februari", "2027-02-14", NULL));
  g_ptr_array_add (messages, message ("Zonder datum", NULL, NULL));
  g_assert_true (helder_service_write (HELDER_SERVICE (plan), messages, NULL, NULL));

  february = helder_plan_service_messages (plan, "2027-02-01", "2027-02-28");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (february)), ==, 2);
  g_assert_nonnull (helder_record_list_lookup (february, helder_record_get_id (messages->pdata[1]), NULL));
  g_assert_nonnull (helder_record_list_lookup (february, helder_record_get_id (messages->pdata[2]), NULL));

  /* Moved into February: it joins the window's list */
  late = g_object_ref (messages->pdata[0]);
  g_object_set (late, "window-start", "2027-02-20", "window-end", "2027-02-21", NULL);
  g_assert_true (helder_service_save (HELDER_SERVICE (plan), late, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (february)), ==, 3);

  g_assert_true (helder_message_in_window (messages->pdata[3], NULL, NULL));
  g_assert_false (helder_message_in_window (messages->pdata[3], "2027-01-01", NULL));
}

static HelderRecord *
topic (const char *title,
       int         admin,
       int         societal)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_TOPIC);

  g_object_set (record, "title", title, "admin-impact", admin, "societal-impact", societal, NULL);
  return record;
}

static void
test_topics_by_score (ServiceFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (fixture->store, fixture->session);
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecordList) by_score = NULL;
  g_autoptr(HelderRecordList) by_title = NULL;
  g_autoptr(HelderRecord) first = NULL;
  g_autoptr(HelderRecord) alphabetical = NULL;
  g_autoptr(HelderRecord) now_first = NULL;

  g_ptr_array_add (topics, topic ("Afval", 2, 2));
  g_ptr_array_add (topics, topic ("Energiearmoede", 4, 5));
  g_ptr_array_add (topics, topic ("Netcongestie", 3, 3));
  g_assert_true (helder_service_write (HELDER_SERVICE (plan), topics, NULL, NULL));

  by_score = helder_plan_service_topics (plan, HELDER_TOPIC_ORDER_SCORE);
  by_title = helder_plan_service_topics (plan, HELDER_TOPIC_ORDER_TITLE);
  first = g_list_model_get_item (G_LIST_MODEL (by_score), 0);
  alphabetical = g_list_model_get_item (G_LIST_MODEL (by_title), 0);
  g_assert_cmpstr (helder_record_get_title (first), ==, "Energiearmoede");
  g_assert_cmpstr (helder_record_get_title (alphabetical), ==, "Afval");

  g_object_set (topics->pdata[0], "admin-impact", 5, "societal-impact", 5, NULL);
  g_assert_true (helder_service_save (HELDER_SERVICE (plan), topics->pdata[0], NULL));
  now_first = g_list_model_get_item (G_LIST_MODEL (by_score), 0);
  g_assert_cmpstr (helder_record_get_title (now_first), ==, "Afval");
}

/* What each role may write (PLAN.md "Roles"). */
static void
test_roles (ServiceFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (fixture->store, fixture->session);
  g_autoptr(HelderEditorService) editor = helder_editor_service_new (fixture->store, fixture->session);
  g_autoptr(HelderLibraryService) library = helder_library_service_new (fixture->store, fixture->session);
  g_autoptr(HelderRecord) priority = NULL;
  g_autoptr(HelderRecord) organisation = helder_record_new (HELDER_TYPE_ORGANISATION);
  g_autoptr(HelderRecord) mine = NULL;
  g_autoptr(HelderRecord) shared = NULL;
  g_autoptr(HelderRecord) registration = helder_record_new (HELDER_TYPE_REGISTRATION);
  g_autoptr(HelderRecord) training = NULL;
  g_autoptr(GError) error = NULL;

  /* An advisor plans, but does not change the organisation */
  priority = helder_service_create (HELDER_SERVICE (plan), HELDER_TYPE_PRIORITY, "Betaalbaar wonen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (priority, "status"), ==, "active");
  g_object_set (organisation, "name", "Gemeente Hillegom", "slug", "hillegom", NULL);
  g_assert_false (helder_service_save (HELDER_SERVICE (plan), organisation, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_service_may_create (HELDER_SERVICE (plan), HELDER_TYPE_USER));
  shared = helder_service_create (HELDER_SERVICE (editor), HELDER_TYPE_DOCUMENT, "Nieuwsbrief", &error);
  g_assert_no_error (error);
  g_assert_cmpint (helder_record_get_visibility (shared), ==, HELDER_VISIBILITY_ORG);
  training = helder_service_create (HELDER_SERVICE (library), HELDER_TYPE_TRAINING, "Schrijven op B1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (training, "owner"), ==, "sanne");

  /* Staff: their own private texts and word lists, their own
   * registrations, nothing shared */
  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_STAFF);
  helder_session_set_login (fixture->session, "piet");
  g_assert_false (helder_service_may_create (HELDER_SERVICE (plan), HELDER_TYPE_PRIORITY));
  g_object_set (priority, "title", "Betaalbaar wonen voor iedereen", NULL);
  g_assert_false (helder_service_save (HELDER_SERVICE (plan), priority, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_service_delete (HELDER_SERVICE (editor), shared, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_record_get_deleted (shared));
  /* ... nor bring back what an advisor deleted: the record stays deleted */
  {
    g_autoptr(HelderRecord) gone = helder_record_new (HELDER_TYPE_PRIORITY);

    g_object_set (gone, "title", "Afgevoerd", NULL);
    g_assert_true (helder_store_delete (fixture->store, gone, NULL));
    g_assert_false (helder_service_restore (HELDER_SERVICE (plan), gone, &error));
    g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
    g_clear_error (&error);
    g_assert_true (helder_record_get_deleted (gone));
  }
  /* ... even when the copy claims to be private */
  helder_record_set_visibility (shared, HELDER_VISIBILITY_PRIVATE);
  g_assert_false (helder_service_save (HELDER_SERVICE (editor), shared, &error));
  g_clear_error (&error);

  mine = helder_service_create (HELDER_SERVICE (editor), HELDER_TYPE_DOCUMENT, "Mijn brief", &error);
  g_assert_no_error (error);
  g_assert_cmpint (helder_record_get_visibility (mine), ==, HELDER_VISIBILITY_PRIVATE);
  g_assert_true (helder_editor_service_add_word (editor, "Vlorpen", TRUE, &error));
  g_assert_false (helder_editor_service_add_word (editor, "Grumsel", FALSE, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_object_set (registration, "training", helder_record_get_id (training), "user", "piet", NULL);
  g_assert_true (helder_service_save (HELDER_SERVICE (library), registration, &error));
  g_assert_no_error (error);
  g_object_set (registration, "attended", TRUE, NULL);
  g_assert_false (helder_service_save (HELDER_SERVICE (library), registration, &error));
  g_clear_error (&error);
  g_object_set (registration, "attended", FALSE, "user", "sanne", NULL);
  g_assert_false (helder_service_save (HELDER_SERVICE (library), registration, &error));
  g_clear_error (&error);
  g_object_set (registration, "user", "piet", NULL);
  g_assert_true (helder_service_delete (HELDER_SERVICE (library), registration, &error));
  g_assert_no_error (error);
  /* ... nor take over someone else's place by putting their own name on it */
  {
    g_autoptr(HelderRecord) hers = helder_record_new (HELDER_TYPE_REGISTRATION);

    g_object_set (hers, "training", helder_record_get_id (training), "user", "sanne", NULL);
    g_assert_true (helder_store_save (fixture->store, hers, NULL));
    g_object_set (hers, "user", "piet", NULL);
    g_assert_false (helder_service_save (HELDER_SERVICE (library), hers, &error));
    g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  /* An admin changes everything */
  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_ADMIN);
  g_assert_true (helder_service_save (HELDER_SERVICE (plan), organisation, &error));
  g_assert_no_error (error);
}

/* One action that saves and deletes: all or nothing. */
static void
test_write_is_one_transaction (ServiceFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(HelderChannelsService) channels = helder_channels_service_new (fixture->store, fixture->session);
  g_autoptr(HelderRecord) fixi = helder_service_create (HELDER_SERVICE (channels), HELDER_TYPE_CHANNEL, "Fixi", NULL);
  g_autoptr(HelderRecord) post = helder_service_create (HELDER_SERVICE (channels), HELDER_TYPE_CHANNEL, "Post", NULL);
  g_autoptr(HelderRecord) empty = helder_record_new (HELDER_TYPE_CHANNEL);
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();
  g_autoptr(GPtrArray) deletions = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (helder_record_get_bool (fixi, "digital"));
  g_ptr_array_add (saves, post);    /* valid, and written before the next fails */
  g_ptr_array_add (saves, empty);   /* no name: invalid */
  g_ptr_array_add (deletions, fixi);
  g_object_set (post, "name", "Post (brieven)", NULL);
  saved_at = g_date_time_ref (helder_record_get_updated_at (post));
  g_assert_false (helder_service_write (HELDER_SERVICE (channels), saves, deletions, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID);
  g_assert_false (helder_record_get_deleted (fixi));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_CHANNEL), ==, 2);
  /* ... and the records as they were given: nothing says they were saved */
  g_assert_true (g_date_time_equal (helder_record_get_updated_at (post), saved_at));
}

/* The house style comes from the store and follows it: a word a
 * colleague adds reaches the analyser without a restart. */
static void
test_house_style (ServiceFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = helder_editor_service_new (fixture->store, fixture->session);
  g_autoptr(HelderRecord) entry = helder_record_new (HELDER_TYPE_WORD_LIST_ENTRY);
  g_autoptr(HelderRecord) area = helder_record_new (HELDER_TYPE_AREA);
  HelderHouseStyle *before, *after;
  guint changes = 0;

  g_signal_connect_swapped (editor, "house-style-changed", G_CALLBACK (g_atomic_int_inc), &changes);
  before = helder_editor_service_get_house_style (editor);
  g_assert_nonnull (before);
  g_assert_false (helder_house_style_is_name (before, "Elsbroek"));

  g_object_set (area, "name", "Elsbroek", "kind", "wijk", NULL);
  g_assert_true (helder_store_save (fixture->store, area, NULL));
  g_assert_cmpuint (changes, ==, 1);
  after = helder_editor_service_get_house_style (editor);
  g_assert_true (after != before);
  g_assert_true (helder_house_style_is_name (after, "Elsbroek"));

  /* A pulled change is a store change like any other */
  g_object_set (entry, "word", "kliko", "scope", "org", NULL);
  g_assert_true (helder_store_save (fixture->store, entry, NULL));
  g_assert_cmpuint (changes, ==, 2);
  /* Other types leave it alone */
  {
    g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);

    g_object_set (priority, "title", "Wonen", NULL);
    g_assert_true (helder_store_save (fixture->store, priority, NULL));
    g_assert_cmpuint (changes, ==, 2);
  }
}


/* Open records: a follower tells how the stored copy changed */

typedef struct
{
  int           n;
  int           event;
  HelderRecord *stored;
} Heard;

static void
heard (HelderRecordFollower *follower,
       int                   event,
       HelderRecord         *stored,
       Heard                *h)
{
  h->n++;
  h->event = event;
  g_set_object (&h->stored, stored);
}

/* A document saved and pushed, followed by a follower that counts. */
static HelderRecordFollower *
follow_document (ServiceFixture       *fixture,
                 HelderEditorService **editor,
                 HelderRecord        **document,
                 Heard                *h)
{
  HelderRecordFollower *follower;

  *editor = helder_editor_service_new (fixture->store, fixture->session);
  *document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_object_set (*document, "title", "Brief aan de buurt", "body", "Beste bewoner,\n\nDe straat gaat open.", NULL);
  g_assert_true (helder_service_save (HELDER_SERVICE (*editor), *document, NULL));
  fixture_push_all (fixture->store);
  follower = helder_record_follower_new (HELDER_SERVICE (*editor), *document);
  g_signal_connect (follower, "changed", G_CALLBACK (heard), h);
  return follower;
}

/* A colleague's version, pulled as sync would: @document's copy with
 * @field set to @value. */
static void
pull_change (ServiceFixture *fixture,
             HelderRecord   *document,
             const char     *field,
             const char     *value,
             gint64          version)
{
  g_autoptr(HelderRecord) theirs = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT,
                                                       helder_record_get_id (document), NULL);

  g_object_set (theirs, field, value, NULL);
  fixture_pull (fixture->store, theirs, version);
}

static void
test_follower_changed (ServiceFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) mine = NULL;

  /* Its own saves are no news */
  g_object_set (document, "body", "Beste bewoner,\n\nDe straat gaat dicht.", NULL);
  g_assert_true (helder_record_follower_save (follower, document, NULL));
  g_assert_cmpint (h.n, ==, 0);
  fixture_push_all (fixture->store);
  g_assert_cmpint (h.n, ==, 0);

  /* Nothing typed: the colleague's text is the new base */
  pull_change (fixture, document, "body", "Beste bewoner,\n\nDe straat gaat maandag dicht.", 5);
  g_assert_cmpint (h.n, ==, 1);
  g_assert_cmpint (h.event, ==, HELDER_FOLLOW_CHANGED);
  g_assert_cmpstr (helder_record_get_text (h.stored, "body"), ==, "Beste bewoner,\n\nDe straat gaat maandag dicht.");
  g_assert_cmpstr (helder_record_get_text (helder_record_follower_get_base (follower), "body"), ==,
                   "Beste bewoner,\n\nDe straat gaat maandag dicht.");

  /* ... and the next typing builds on it */
  mine = helder_record_follower_copy (h.stored);
  g_object_set (mine, "body", "Beste bewoner,\n\nDe straat gaat maandag dicht. Excuses!", NULL);
  g_assert_true (helder_record_follower_save (follower, mine, NULL));
  g_assert_cmpint (h.n, ==, 1);
  g_clear_object (&h.stored);
}

/* Typing while a change arrives: different fields merge. */
static void
test_follower_merge (ServiceFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) local = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  gboolean conflict = TRUE;

  helder_record_follower_set_edited (follower, TRUE);
  pull_change (fixture, document, "title", "Brief aan de Pastoor van Leeuwenstraat", 5);
  g_assert_cmpint (h.event, ==, HELDER_FOLLOW_CHANGED_UNDER_EDITS);

  local = helder_record_follower_copy (document);
  g_object_set (local, "body", "Beste bewoner,\n\nDe straat gaat open. Typend.", NULL);
  g_assert_true (helder_record_follower_merge (follower, local, &conflict, NULL));
  g_assert_false (conflict);
  stored = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "title"), ==, "Brief aan de Pastoor van Leeuwenstraat");
  g_assert_cmpstr (helder_record_get_text (stored, "body"), ==, "Beste bewoner,\n\nDe straat gaat open. Typend.");
  g_assert_cmpstr (helder_record_get_text (local, "title"), ==, "Brief aan de Pastoor van Leeuwenstraat");
  g_assert_false (helder_record_follower_get_edited (follower));
  g_assert_cmpuint (helder_store_count_conflicts (fixture->store), ==, 0);
  g_clear_object (&h.stored);
}

/* Sanne types the text while Joost's text is pulled: a conflict. */
static void
type_against_a_change (ServiceFixture       *fixture,
                       HelderRecordFollower *follower,
                       HelderRecord         *document)
{
  g_autoptr(HelderRecord) local = NULL;

  helder_record_follower_set_edited (follower, TRUE);
  pull_change (fixture, document, "body", "Tekst van Joost.", 5);
  local = helder_record_follower_copy (document);
  g_object_set (local, "body", "Tekst van Sanne.", NULL);
  /* A plain save while the change waits merges too: never over it */
  g_assert_true (helder_record_follower_save (follower, local, NULL));
  g_assert_cmpuint (helder_store_count_conflicts (fixture->store), ==, 1);
}

/* Both changed the text: neither is lost, the conflict waits. */
static void
test_follower_conflict (ServiceFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(JsonArray) conflicts = NULL;
  JsonObject *server;

  type_against_a_change (fixture, follower, document);

  stored = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "body"), ==, "Tekst van Sanne.");
  conflicts = helder_store_list_conflicts (fixture->store);
  server = json_object_get_object_member (json_array_get_object_element (conflicts, 0), "server");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "data"), "body"), ==,
                   "Tekst van Joost.");
  g_assert_cmpint (json_object_get_int_member (server, "version"), ==, 5);

  /* Keep theirs: Joost's text, and the follower shows it */
  g_assert_true (helder_store_resolve_conflict (fixture->store, helder_record_get_id (document), HELDER_KEEP_THEIRS,
                                                NULL));
  after = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (after, "body"), ==, "Tekst van Joost.");
  g_assert_cmpint (h.event, ==, HELDER_FOLLOW_CHANGED);
  g_assert_cmpstr (helder_record_get_text (h.stored, "body"), ==, "Tekst van Joost.");
  g_clear_object (&h.stored);
}

/* The text of the next push, for @id: its data members, or NULL when
 * the push holds nothing for it. */
static JsonObject *
pushed_data (HelderStore *store,
             const char  *id,
             gint64      *base_version)
{
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) body = helder_store_take_push_batch (store, 100, &key, NULL);
  JsonArray *records;

  if (body == NULL)
    return NULL;
  records = json_object_get_array_member (json_node_get_object (body), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_strcmp0 (json_object_get_string_member (record, "id"), id) != 0)
        continue;
      if (base_version != NULL)
        *base_version = json_object_get_int_member (record, "base_version");
      return json_object_ref (json_object_get_object_member (record, "data"));
    }
  return NULL;
}

/* A conflict waits for the user; a colleague's next change to the same
 * record is pulled meanwhile.  What this computer kept stays, and the
 * choice is then between it and the newest copy on the server. */
static void
test_follower_conflict_then_pull (ServiceFixture *fixture,
                                  gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(JsonArray) conflicts = NULL;
  g_autoptr(JsonObject) pushed = NULL;
  JsonObject *server;
  const char *id = helder_record_get_id (document);
  gint64 base_version = 0;

  type_against_a_change (fixture, follower, document);

  /* Joost goes on while Sanne has not chosen yet */
  pull_change (fixture, document, "body", "Tekst van Joost, verbeterd.", 6);
  stored = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, id, NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "body"), ==, "Tekst van Sanne.");
  g_assert_cmpuint (helder_store_count_conflicts (fixture->store), ==, 1);
  conflicts = helder_store_list_conflicts (fixture->store);
  server = json_object_get_object_member (json_array_get_object_element (conflicts, 0), "server");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "data"), "body"), ==,
                   "Tekst van Joost, verbeterd.");
  g_assert_cmpint (json_object_get_int_member (server, "version"), ==, 6);
  /* Nothing is pushed while the user has not chosen */
  g_assert_null (pushed_data (fixture->store, id, NULL));

  /* Keep mine: Sanne's text goes out on top of Joost's newest version */
  g_assert_true (helder_store_resolve_conflict (fixture->store, id, HELDER_KEEP_MINE, NULL));
  pushed = pushed_data (fixture->store, id, &base_version);
  g_assert_nonnull (pushed);
  g_assert_cmpstr (json_object_get_string_member (pushed, "body"), ==, "Tekst van Sanne.");
  g_assert_cmpint (base_version, ==, 6);
  g_clear_object (&h.stored);
}

/* A title saved here but not pushed yet, a colleague's text pulled (and
 * merged with that title), and typing in the text meanwhile: a conflict.
 * Whichever the user keeps, the title still goes to the server: the
 * store's copy the conflict keeps beside the typing is not the server's. */
static void
test_follower_conflict_keeps_unpushed (ServiceFixture *fixture,
                                       gconstpointer   data)
{
  HelderConflictChoice choice = GPOINTER_TO_INT (data);
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) saved = NULL;
  g_autoptr(HelderRecord) theirs = NULL;
  g_autoptr(HelderRecord) local = NULL;
  g_autoptr(JsonObject) pushed = NULL;
  const char *id = helder_record_get_id (document);
  gboolean conflict = FALSE;
  gint64 base_version = 0;

  /* Saved, waiting for the next sync */
  saved = helder_record_follower_copy (document);
  g_object_set (saved, "title", "Brief aan de Pastoor van Leeuwenstraat", NULL);
  g_assert_true (helder_record_follower_save (follower, saved, NULL));

  /* Joost's text, on top of what the server has (the old title) */
  helder_record_follower_set_edited (follower, TRUE);
  theirs = helder_record_follower_copy (document);
  g_object_set (theirs, "body", "Tekst van Joost.", NULL);
  fixture_pull (fixture->store, theirs, 5);
  g_assert_cmpint (h.event, ==, HELDER_FOLLOW_CHANGED_UNDER_EDITS);

  local = helder_record_follower_copy (saved);
  g_object_set (local, "body", "Tekst van Sanne.", NULL);
  g_assert_true (helder_record_follower_merge (follower, local, &conflict, NULL));
  g_assert_true (conflict);

  g_assert_true (helder_store_resolve_conflict (fixture->store, id, choice, NULL));
  pushed = pushed_data (fixture->store, id, &base_version);
  g_assert_nonnull (pushed);
  g_assert_cmpint (base_version, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (pushed, "title"), ==, "Brief aan de Pastoor van Leeuwenstraat");
  g_assert_cmpstr (json_object_get_string_member_with_default (pushed, "body", "Tekst van Joost."), ==,
                   choice == HELDER_KEEP_MINE ? "Tekst van Sanne." : "Tekst van Joost.");
  g_clear_object (&h.stored);
}

/* Deleted elsewhere: said once, and what the view has is kept as new. */
static void
test_follower_deleted (ServiceFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  g_autoptr(HelderRecordFollower) follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) theirs = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT,
                                                       helder_record_get_id (document), NULL);
  g_autoptr(HelderRecord) local = NULL;
  g_autoptr(HelderRecord) copy = NULL;

  helder_record_set_deleted (theirs, TRUE);
  fixture_pull (fixture->store, theirs, 6);
  g_assert_cmpint (h.n, ==, 1);
  g_assert_cmpint (h.event, ==, HELDER_FOLLOW_DELETED);
  g_assert_true (helder_record_follower_get_deleted (follower));

  local = helder_record_follower_copy (document);
  g_object_set (local, "body", "Toch bewaard.", NULL);
  copy = helder_record_follower_keep_copy (follower, local, NULL);
  g_assert_nonnull (copy);
  g_assert_cmpstr (helder_record_get_id (copy), !=, helder_record_get_id (document));
  g_assert_cmpstr (helder_record_follower_get_id (follower), ==, helder_record_get_id (copy));
  g_assert_false (helder_record_follower_get_deleted (follower));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_DOCUMENT), ==, 1);
  g_assert_cmpint (h.n, ==, 1);
  g_clear_object (&h.stored);
}

/* Keeping a copy holds no record after the follower is gone, and one
 * that is refused leaves the follower where it was: on the deleted
 * record, which it still says is deleted. */
static void
test_follower_keep_copy (ServiceFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(HelderEditorService) editor = NULL;
  g_autoptr(HelderRecord) document = NULL;
  Heard h = { 0 };
  HelderRecordFollower *follower = follow_document (fixture, &editor, &document, &h);
  g_autoptr(HelderRecord) theirs = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT,
                                                       helder_record_get_id (document), NULL);
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(HelderRecord) organisation = helder_record_new (HELDER_TYPE_ORGANISATION);
  g_autoptr(HelderRecordFollower) refused = NULL;
  g_autoptr(GError) error = NULL;
  HelderRecord *base;

  helder_record_set_deleted (theirs, TRUE);
  fixture_pull (fixture->store, theirs, 6);
  copy = helder_record_follower_keep_copy (follower, document, NULL);
  g_assert_nonnull (copy);
  base = helder_record_follower_get_base (follower);
  g_assert_true (base != copy);
  g_object_add_weak_pointer (G_OBJECT (base), (gpointer *) &base);
  g_object_unref (follower);
  g_assert_null (base);

  /* An advisor may not make organisations: the copy is refused */
  g_object_set (organisation, "name", "Gemeente Hillegom", "slug", "hillegom", NULL);
  g_assert_true (helder_store_save (fixture->store, organisation, NULL));
  fixture_push_all (fixture->store);
  refused = helder_record_follower_new (HELDER_SERVICE (editor), organisation);
  helder_record_set_deleted (organisation, TRUE);
  fixture_pull (fixture->store, organisation, 7);
  g_assert_true (helder_record_follower_get_deleted (refused));
  helder_record_set_deleted (organisation, FALSE);
  g_assert_null (helder_record_follower_keep_copy (refused, organisation, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_assert_cmpstr (helder_record_follower_get_id (refused), ==, helder_record_get_id (organisation));
  g_assert_true (helder_record_follower_get_deleted (refused));
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_ORGANISATION), ==, 0);
  g_clear_object (&h.stored);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/services/" name, ServiceFixture, NULL, service_setup, func, service_teardown)
  ADD ("plan/message-text", test_message_text);
  ADD ("plan/message-window", test_message_window);
  ADD ("plan/topics-by-score", test_topics_by_score);
  ADD ("roles", test_roles);
  ADD ("write-is-one-transaction", test_write_is_one_transaction);
  ADD ("editor/house-style", test_house_style);
  ADD ("follower/changed", test_follower_changed);
  ADD ("follower/merge", test_follower_merge);
  ADD ("follower/conflict", test_follower_conflict);
  ADD ("follower/conflict-then-pull", test_follower_conflict_then_pull);
#undef ADD
#define ADD(name, func, choice) g_test_add ("/services/" name, ServiceFixture, GINT_TO_POINTER (choice), \
                                            service_setup, func, service_teardown)
  ADD ("follower/conflict-keeps-unpushed/mine", test_follower_conflict_keeps_unpushed, HELDER_KEEP_MINE);
  ADD ("follower/conflict-keeps-unpushed/theirs", test_follower_conflict_keeps_unpushed, HELDER_KEEP_THEIRS);
  ADD ("follower/conflict-keeps-unpushed/both", test_follower_conflict_keeps_unpushed, HELDER_KEEP_BOTH);
#undef ADD
#define ADD(name, func) g_test_add ("/services/" name, ServiceFixture, NULL, service_setup, func, service_teardown)
  ADD ("follower/deleted", test_follower_deleted);
  ADD ("follower/keep-copy", test_follower_keep_copy);
#undef ADD

  return g_test_run ();
}
