/* test-messages.c: the calendar's rules: status, four-eyes approval, history, filters, layout
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "editor/helder-editor-service.h"
#include "plan/helder-plan-messages.h"
#include "store/helder-store-sync.h"

typedef struct
{
  char              *dir;
  HelderStore       *store;
  HelderSession     *session;
  HelderPlanService *plan;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("helder-messages-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "helder.db", NULL);
  fixture->store = helder_store_open (path, &error);
  g_assert_no_error (error);
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  helder_store_set_user (fixture->store, "sanne");
  fixture->plan = helder_plan_service_new (fixture->store, fixture->session);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "helder.db", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Who sits at the desk: the session and the store's user go together. */
static void
become (Fixture    *fixture,
        const char *login,
        HelderRole  role)
{
  helder_session_set_login (fixture->session, login);
  helder_session_set_role (fixture->session, role);
  helder_store_set_user (fixture->store, login);
}

static HelderRecord *
reload (Fixture      *fixture,
        HelderRecord *message)
{
  return helder_store_load (fixture->store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
}

static guint
count_events (Fixture      *fixture,
              HelderRecord *message)
{
  g_autoptr(HelderRecordList) history = helder_plan_service_message_history (fixture->plan,
                                                                             helder_record_get_id (message));

  return g_list_model_get_n_items (G_LIST_MODEL (history));
}

static HelderRecord *
event_at (Fixture      *fixture,
          HelderRecord *message,
          guint         position)
{
  g_autoptr(HelderRecordList) history = helder_plan_service_message_history (fixture->plan,
                                                                             helder_record_get_id (message));

  return g_list_model_get_item (G_LIST_MODEL (history), position);
}

static void
test_steps (void)
{
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autofree char *reason = NULL;

  g_assert_true (helder_message_step_exists (HELDER_MESSAGE_IDEA, HELDER_MESSAGE_DRAFT));
  g_assert_true (helder_message_step_exists (HELDER_MESSAGE_REVIEW, HELDER_MESSAGE_DRAFT));
  g_assert_true (helder_message_step_exists (HELDER_MESSAGE_PUBLISHED, HELDER_MESSAGE_APPROVED));
  g_assert_false (helder_message_step_exists (HELDER_MESSAGE_IDEA, HELDER_MESSAGE_APPROVED));
  g_assert_false (helder_message_step_exists (HELDER_MESSAGE_DRAFT, HELDER_MESSAGE_PUBLISHED));
  g_assert_false (helder_message_step_exists (HELDER_MESSAGE_REVIEW, HELDER_MESSAGE_PUBLISHED));

  g_object_set (message, "title", "Glasvezel", "status", "review", "author", "sanne", NULL);
  /* Four eyes */
  g_assert_false (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, "sanne",
                                           HELDER_SESSION_ROLE_ADVISOR, "sanne", NULL, &reason));
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);
  /* ... also for who sent it in */
  g_assert_false (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, "jbakker",
                                           HELDER_SESSION_ROLE_ADVISOR, "jbakker", NULL, NULL));
  g_assert_true (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, "jbakker",
                                          HELDER_SESSION_ROLE_ADVISOR, "sanne", NULL, &reason));
  g_assert_null (reason);
  g_assert_true (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, "mjansen",
                                          HELDER_SESSION_ROLE_ADMIN, "sanne", NULL, NULL));
  /* Staff never */
  g_assert_false (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, "felamrani",
                                           HELDER_SESSION_ROLE_STAFF, "sanne", NULL, NULL));
  /* Sending back says why; the author withdraws without */
  g_assert_false (helder_message_may_step (message, HELDER_MESSAGE_DRAFT, "jbakker",
                                           HELDER_SESSION_ROLE_ADVISOR, "sanne", "  ", &reason));
  g_assert_nonnull (reason);
  g_assert_true (helder_message_may_step (message, HELDER_MESSAGE_DRAFT, "jbakker",
                                          HELDER_SESSION_ROLE_ADVISOR, "sanne", "Graag B1", NULL));
  g_assert_true (helder_message_may_step (message, HELDER_MESSAGE_DRAFT, "sanne",
                                          HELDER_SESSION_ROLE_ADVISOR, "sanne", NULL, NULL));
  /* No skipping */
  g_assert_false (helder_message_may_step (message, HELDER_MESSAGE_PUBLISHED, "jbakker",
                                           HELDER_SESSION_ROLE_ADVISOR, "sanne", NULL, NULL));

  /* Who sent it in: the last draft → review, else the author */
  {
    g_autoptr(GListStore) events = g_list_store_new (HELDER_TYPE_RECORD);
    g_autoptr(HelderRecord) event = helder_record_new (HELDER_TYPE_MESSAGE_EVENT);
    g_autofree char *submitter = helder_message_find_submitter (message, G_LIST_MODEL (events));
    g_autofree char *resubmitter = NULL;

    g_assert_cmpstr (submitter, ==, "sanne");
    g_object_set (event, "message", helder_record_get_id (message), "from-status", "draft", "to-status", "review",
                  "actor", "jbakker", NULL);
    g_list_store_append (events, event);
    resubmitter = helder_message_find_submitter (message, G_LIST_MODEL (events));
    g_assert_cmpstr (resubmitter, ==, "jbakker");
  }

  g_assert_cmpint (helder_message_status_from_string ("approved"), ==, HELDER_MESSAGE_APPROVED);
  g_assert_cmpstr (helder_message_status_to_string (HELDER_MESSAGE_REVIEW), ==, "review");
  for (guint i = 0; i < HELDER_MESSAGE_N_STATES; i++)
    g_assert_nonnull (helder_message_status_icon_name (i));
}

/* The whole way, each step one event in the same transaction */
static void
test_approval (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) event = NULL;
  g_autofree char *reason = NULL;

  message = helder_plan_service_create_message (fixture->plan, "Glasvezel in Vosse en Weerlanden",
                                                "2027-01-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (message, "author"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (message, "status"), ==, "idea");

  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_DRAFT, NULL, &error));
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_REVIEW, NULL, &error));
  g_assert_no_error (error);

  /* The author cannot approve */
  g_assert_false (helder_plan_service_may_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, &reason));
  g_assert_nonnull (reason);
  g_assert_false (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error));
  g_assert_error (error, HELDER_PLAN_ERROR, HELDER_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "review");
  g_assert_cmpuint (count_events (fixture, message), ==, 2);
  g_clear_object (&stored);

  /* Another advisor sends it back, with a comment */
  become (fixture, "jbakker", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_false (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_DRAFT, "", &error));
  g_assert_error (error, HELDER_PLAN_ERROR, HELDER_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_DRAFT,
                                                   "Noem de datum van de inloopavond", &error));
  g_assert_no_error (error);
  event = event_at (fixture, message, 2);
  g_assert_cmpstr (helder_record_get_text (event, "from_status"), ==, "review");
  g_assert_cmpstr (helder_record_get_text (event, "to_status"), ==, "draft");
  g_assert_cmpstr (helder_record_get_text (event, "actor"), ==, "jbakker");
  g_assert_cmpstr (helder_record_get_text (event, "comment"), ==, "Noem de datum van de inloopavond");
  g_assert_nonnull (helder_record_get_text (event, "at"));
  g_clear_object (&event);

  /* Sanne sends it again; staff may not approve; Joost approves */
  become (fixture, "sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_REVIEW, NULL, &error));
  become (fixture, "felamrani", HELDER_SESSION_ROLE_STAFF);
  g_assert_false (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error));
  g_assert_error (error, HELDER_PLAN_ERROR, HELDER_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  become (fixture, "jbakker", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error));
  g_assert_no_error (error);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "approved");
  g_assert_cmpstr (helder_record_get_text (stored, "approver"), ==, "jbakker");
  g_assert_nonnull (helder_record_get_text (stored, "approved_at"));
  g_assert_cmpuint (count_events (fixture, message), ==, 5);

  /* Published, and back */
  g_assert_true (helder_plan_service_step_message (fixture->plan, stored, HELDER_MESSAGE_PUBLISHED, NULL, &error));
  g_assert_true (helder_plan_service_step_message (fixture->plan, stored, HELDER_MESSAGE_APPROVED, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "approver"), ==, "jbakker");
  g_assert_cmpuint (count_events (fixture, message), ==, 7);
}

/* Changing an approved message's date or text takes it back to review. */
static void
test_back_to_review (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) event = NULL;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  const char *ids[2] = { NULL, NULL };

  message = helder_plan_service_create_message (fixture->plan, "Inloopavond Van den Endelaan", "2027-01-11", &error);
  g_object_set (message, "window-end", "2027-01-15", NULL);
  g_assert_true (helder_plan_service_save_message (fixture->plan, message, &error));
  helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_DRAFT, NULL, &error);
  helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_REVIEW, NULL, &error);
  become (fixture, "jbakker", HELDER_SESSION_ROLE_ADVISOR);
  helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error);
  g_assert_no_error (error);

  /* A title is not what was approved on: it stays approved */
  stored = reload (fixture, message);
  g_object_set (stored, "title", "Inloopavond herinrichting Van den Endelaan", NULL);
  g_assert_true (helder_plan_service_save_message (fixture->plan, stored, &error));
  g_clear_object (&stored);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "approved");
  g_clear_object (&stored);

  /* Moved a week: same length, back to review, approver gone, one event */
  become (fixture, "sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_plan_service_move_message (fixture->plan, message, 7, &error));
  g_assert_no_error (error);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "window_start"), ==, "2027-01-18");
  g_assert_cmpstr (helder_record_get_text (stored, "window_end"), ==, "2027-01-22");
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "review");
  g_assert_null (helder_record_get_text (stored, "approver"));
  g_assert_null (helder_record_get_text (stored, "approved_at"));
  g_assert_cmpuint (count_events (fixture, message), ==, 4);
  event = event_at (fixture, message, 3);
  g_assert_cmpstr (helder_record_get_text (event, "from_status"), ==, "approved");
  g_assert_cmpstr (helder_record_get_text (event, "to_status"), ==, "review");
  g_assert_cmpstr (helder_record_get_text (event, "actor"), ==, "sanne");
  g_clear_object (&event);
  g_clear_object (&stored);

  /* Approved again, then its document's text changes here */
  become (fixture, "jbakker", HELDER_SESSION_ROLE_ADVISOR);
  g_object_set (document, "title", "Uitnodiging inloopavond", "body", "Beste bewoner,", NULL);
  helder_store_save (fixture->store, document, NULL);
  stored = reload (fixture, message);
  g_object_set (stored, "body", helder_record_get_id (document), NULL);
  helder_plan_service_save_message (fixture->plan, stored, &error);
  g_clear_object (&stored);
  helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error);
  g_assert_no_error (error);

  ids[0] = helder_record_get_id (document);
  /* Another's edit pulled in: theirs to send back, not ours */
  become (fixture, "mjansen", HELDER_SESSION_ROLE_ADMIN);
  g_assert_cmpuint (helder_plan_service_texts_changed (fixture->plan, NULL, ids, &error), ==, 0);
  become (fixture, "sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_usleep (G_USEC_PER_SEC / 20);
  /* Not the user's edit (a write straight to the store, as the example
   * data's), and the user's save that keeps the text: still approved */
  g_object_set (document, "body", "Beste bewoner, op 19 januari", NULL);
  helder_store_save (fixture->store, document, NULL);
  {
    g_autoptr(HelderEditorService) editor = helder_editor_service_new (fixture->store, fixture->session);
    g_autoptr(HelderRecord) keep = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, ids[0], NULL);

    g_object_set (keep, "title", "Uitnodiging inloopavond 2027", NULL);
    g_assert_true (helder_service_save (HELDER_SERVICE (editor), keep, &error));
    g_assert_no_error (error);
    stored = reload (fixture, message);
    g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "approved");
    g_clear_object (&stored);

    /* The user changes the text in Schrijven (its editor saves through
     * the editor service): the save alone sends the message back, with
     * no view of the planner open */
    g_object_set (keep, "body", "Beste bewoner, op 20 januari", NULL);
    g_assert_true (helder_service_save (HELDER_SERVICE (editor), keep, &error));
    g_assert_no_error (error);
  }
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "review");
  g_assert_null (helder_record_get_text (stored, "approver"));
  event = event_at (fixture, message, count_events (fixture, message) - 1);
  g_assert_cmpstr (helder_record_get_text (event, "to_status"), ==, "review");
  g_assert_cmpstr (helder_record_get_text (event, "actor"), ==, "sanne");
  /* Once */
  g_assert_cmpuint (helder_plan_service_texts_changed (fixture->plan, NULL, ids, &error), ==, 0);
}

/* @document as the server sends it, at @version, last changed by
 * @login at @at: a page of GET /v1/changes. */
static void
pull (Fixture      *fixture,
      HelderRecord *document,
      gint64        version,
      const char   *login,
      const char   *at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) page = json_array_new ();
  JsonObject *wire = json_object_new ();

  json_object_set_string_member (wire, "id", helder_record_get_id (document));
  json_object_set_string_member (wire, "type", "document");
  json_object_set_int_member (wire, "version", version);
  json_object_set_boolean_member (wire, "deleted", FALSE);
  json_object_set_string_member (wire, "updated_by", login);
  json_object_set_string_member (wire, "updated_at", at);
  json_object_set_object_member (wire, "data", helder_record_to_json_data (document));
  json_array_add_object_element (page, wire);
  g_assert_true (helder_store_apply_changes (fixture->store, page, version, &error));
  g_assert_no_error (error);
}

/* A message with its text (@document, stored), approved by jbakker;
 * sanne at the desk. */
static HelderRecord *
approved_with_text (Fixture      *fixture,
                    HelderRecord *document)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *message;
  HelderRecord *stored;

  message = helder_plan_service_create_message (fixture->plan, "Afvalinzameling", "2027-02-01", &error);
  g_assert_no_error (error);
  g_object_set (message, "body", helder_record_get_id (document), NULL);
  g_assert_true (helder_plan_service_save_message (fixture->plan, message, &error));
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_DRAFT, NULL, &error));
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_REVIEW, NULL, &error));
  become (fixture, "jbakker", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_plan_service_step_message (fixture->plan, message, HELDER_MESSAGE_APPROVED, NULL, &error));
  g_assert_no_error (error);
  become (fixture, "sanne", HELDER_SESSION_ROLE_ADVISOR);
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "approved");
  g_object_unref (message);
  return stored;
}

/* A server copy of the text arriving by sync sends nothing back, not
 * even when it is sanne's own edit from her other desk after the
 * approval: that desk sent the message back itself, and the message's
 * status comes with the sync. */
static void
test_back_to_review_not_synced (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) stored = NULL, pulled = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  guint n_events;

  /* the text came from the server, written by sanne elsewhere */
  g_object_set (document, "title", "Brief afvalinzameling", "body", "Beste bewoner,", NULL);
  pull (fixture, document, 6, "sanne", "2026-11-30T09:00:00Z");
  message = approved_with_text (fixture, document);
  n_events = count_events (fixture, message);

  g_usleep (G_USEC_PER_SEC / 20);
  now = g_date_time_new_now_utc ();
  at = g_date_time_format_iso8601 (now);
  g_object_set (document, "body", "Beste bewoner, vanaf maart op dinsdag.", NULL);
  pull (fixture, document, 7, "sanne", at);

  /* the copy is in */
  pulled = helder_store_load (fixture->store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (pulled, "body"), ==, "Beste bewoner, vanaf maart op dinsdag.");
  stored = reload (fixture, message);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "approved");
  g_assert_cmpstr (helder_record_get_text (stored, "approver"), ==, "jbakker");
  g_assert_cmpuint (count_events (fixture, message), ==, n_events);
}

/* Only an approved message goes back: a draft's or a waiting message's
 * text changes as often as the user likes. */
static void
test_back_to_review_unapproved (Fixture       *fixture,
                                gconstpointer  data)
{
  static const HelderMessageStatus steps[] = { HELDER_MESSAGE_IDEA, HELDER_MESSAGE_DRAFT, HELDER_MESSAGE_REVIEW };
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderEditorService) editor = helder_editor_service_new (fixture->store, fixture->session);

  message = helder_plan_service_create_message (fixture->plan, "Kerstmarkt", "2026-12-19", &error);
  g_object_set (document, "title", "Kerstmarkt", "body", "Op 19 december", NULL);
  g_assert_true (helder_service_save (HELDER_SERVICE (editor), document, &error));
  g_object_set (message, "body", helder_record_get_id (document), NULL);
  g_assert_true (helder_plan_service_save_message (fixture->plan, message, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(HelderRecord) stored = NULL;
      g_autofree char *text = g_strdup_printf ("Op 19 december, versie %u", i);
      guint n_events;

      if (i > 0)
        g_assert_true (helder_plan_service_step_message (fixture->plan, message, steps[i], NULL, &error));
      g_assert_no_error (error);
      n_events = count_events (fixture, message);
      g_object_set (document, "body", text, NULL);
      g_assert_true (helder_service_save (HELDER_SERVICE (editor), document, &error));
      g_assert_no_error (error);
      stored = reload (fixture, message);
      g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, helder_message_status_to_string (steps[i]));
      g_assert_cmpuint (count_events (fixture, message), ==, n_events);
    }
}

static void
test_shift_window (void)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  helder_message_shift_window ("2027-01-28", "2027-02-03", 7, &start, &end);
  g_assert_cmpstr (start, ==, "2027-02-04");
  g_assert_cmpstr (end, ==, "2027-02-10");
  g_clear_pointer (&start, g_free);
  g_clear_pointer (&end, g_free);
  helder_message_shift_window ("2027-03-01", NULL, -1, &start, &end);
  g_assert_cmpstr (start, ==, "2027-02-28");
  g_assert_null (end);
}

static HelderRecord *
filter_message (const char *status)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
  const char *audiences[] = { "aud-omwonenden", "aud-ondernemers", NULL };

  g_object_set (message, "title", "Riolering", "status", status, "priority", "prio-veilig",
                "topic", "topic-afval", "audiences", audiences,
                "channels", "[{\"channel\": \"chan-post\", \"reason\": \"Brief\"}, {\"channel\": \"chan-web\"}]",
                NULL);
  return message;
}

static void
test_filter (void)
{
  g_autoptr(HelderRecord) message = filter_message ("review");
  HelderMessageFilter filter = { 0 };

  g_assert_true (helder_message_filter_is_empty (&filter));
  g_assert_true (helder_message_filter_matches (&filter, message));
  filter.priority = g_strdup ("prio-veilig");
  filter.audience = g_strdup ("aud-ondernemers");
  filter.channel = g_strdup ("chan-web");
  filter.topic = g_strdup ("topic-afval");
  filter.states = 1 << HELDER_MESSAGE_REVIEW | 1 << HELDER_MESSAGE_DRAFT;
  g_assert_cmpuint (helder_message_filter_count (&filter), ==, 5);
  g_assert_true (helder_message_filter_matches (&filter, message));
  filter.states = 1 << HELDER_MESSAGE_APPROVED;
  g_assert_false (helder_message_filter_matches (&filter, message));
  filter.states = 0;
  g_free (filter.channel);
  filter.channel = g_strdup ("chan-fixi");
  g_assert_false (helder_message_filter_matches (&filter, message));
  g_clear_pointer (&filter.channel, g_free);
  g_free (filter.audience);
  filter.audience = g_strdup ("aud-jongeren");
  g_assert_false (helder_message_filter_matches (&filter, message));
  g_clear_pointer (&filter.audience, g_free);
  g_free (filter.priority);
  filter.priority = g_strdup ("prio-wonen");
  g_assert_false (helder_message_filter_matches (&filter, message));
  helder_message_filter_clear (&filter);
  g_assert_true (helder_message_filter_is_empty (&filter));
}

static HelderRecord *
dated (const char *title,
       const char *start,
       const char *end)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (message, "title", title, "window-start", start, "window-end", end, NULL);
  return message;
}

static char *
titles_of (GArray *spans)
{
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            helder_record_get_title (g_array_index (spans, HelderDaySpan, i).record));
  return g_string_free (titles, FALSE);
}

/* The titles of what meets 2027-01-@from_day to 2027-01-@until_day */
static char *
query_days (HelderDayIndex *index,
            guint           from_day,
            guint           until_day)
{
  g_autoptr(GArray) spans = NULL;
  GDate from, until;

  g_date_clear (&from, 1);
  g_date_clear (&until, 1);
  g_date_set_dmy (&from, from_day, 1, 2027);
  g_date_set_dmy (&until, until_day, 1, 2027);
  spans = helder_day_index_query (index, &from, &until);
  return titles_of (spans);
}

static void
append_dated (GListStore *store,
              const char *title,
              const char *start,
              const char *end)
{
  g_autoptr(HelderRecord) message = dated (title, start, end);

  g_list_store_append (store, message);
}

/* The day index finds what meets a range (a window that began long
 * before too, an end alone), and follows its list: insertions, a removal,
 * a record replaced by its moved copy, and a batch past the one-by-one
 * limit */
static void
test_day_index (void)
{
  g_autoptr(GListStore) store = g_list_store_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderDayIndex) index = NULL;
  g_autoptr(HelderRecord) moved = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  char *found;

  append_dated (store, "Lang", "2026-11-01", "2027-01-20");
  append_dated (store, "Dinsdag", "2027-01-12", NULL);
  append_dated (store, "Zonder datum", NULL, NULL);
  index = helder_day_index_new (G_LIST_MODEL (store), "window_start", "window_end");
  g_assert_cmpuint (helder_day_index_get_n_spans (index), ==, 2);
  found = query_days (index, 11, 17);
  g_assert_cmpstr (found, ==, "Lang,Dinsdag");
  g_free (found);
  found = query_days (index, 21, 31);
  g_assert_cmpstr (found, ==, "");
  g_free (found);

  /* Added, at the front; an end alone is that one day */
  {
    g_autoptr(HelderRecord) message = dated ("Einde", NULL, "2027-01-22");

    g_list_store_insert (store, 0, message);
  }
  found = query_days (index, 21, 31);
  g_assert_cmpstr (found, ==, "Einde");
  g_free (found);

  /* "Dinsdag" moved to the 25th: out and in again, as a live list does it */
  moved = dated ("Dinsdag", "2027-01-25", NULL);
  g_list_store_remove (store, 2);
  g_list_store_append (store, moved);
  found = query_days (index, 11, 17);
  g_assert_cmpstr (found, ==, "Lang");
  g_free (found);
  found = query_days (index, 22, 31);
  g_assert_cmpstr (found, ==, "Einde,Dinsdag");
  g_free (found);

  /* A hundred at once, in the middle; then all gone */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *day = g_strdup_printf ("2027-01-%02u", 1 + i % 28);

      g_ptr_array_add (many, dated ("Veel", day, day));
    }
  g_list_store_splice (store, 1, 0, many->pdata, many->len);
  g_assert_cmpuint (helder_day_index_get_n_spans (index), ==, 103);
  found = query_days (index, 28, 28);
  g_assert_cmpstr (found, ==, "Veel,Veel,Veel");
  g_free (found);
  g_list_store_remove_all (store);
  g_assert_cmpuint (helder_day_index_get_n_spans (index), ==, 0);
  found = query_days (index, 1, 31);
  g_assert_cmpstr (found, ==, "");
  g_free (found);
}

static void
test_month_layout (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderMonthLayout) layout = NULL;
  GDate day;

  g_ptr_array_add (messages, dated ("Vuurwerk", "2026-12-28", "2027-01-02"));
  g_ptr_array_add (messages, dated ("Raadsinformatie", "2027-01-14", NULL));
  g_ptr_array_add (messages, dated ("Afval", "2027-01-14", "2027-01-14"));
  g_ptr_array_add (messages, dated ("Later", "2027-03-01", NULL));
  g_ptr_array_add (messages, helder_record_new (HELDER_TYPE_MESSAGE));

  /* January 2027 starts on a Friday: the grid from Monday 28 December, five weeks */
  layout = helder_month_layout_new (2027, 1, messages);
  g_assert_cmpuint (g_date_get_day (&layout->first), ==, 28);
  g_assert_cmpuint (g_date_get_month (&layout->first), ==, 12);
  g_assert_cmpuint (layout->n_weeks, ==, 5);
  g_assert_cmpuint (layout->week_numbers[0], ==, 53);
  g_assert_cmpuint (layout->week_numbers[1], ==, 1);
  g_assert_cmpuint (layout->week_numbers[3], ==, 3);
  /* 28 December to 2 January: the first six cells */
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (layout->days[i]->len, ==, 1);
  g_assert_cmpuint (layout->days[6]->len, ==, 0);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, 1, 2027);
  g_assert_cmpint (helder_month_layout_cell_of (layout, &day), ==, 17);
  g_assert_cmpuint (layout->days[17]->len, ==, 2);
  g_assert_cmpstr (helder_record_get_title (layout->days[17]->pdata[0]), ==, "Afval");
  g_clear_pointer (&layout, helder_month_layout_free);

  /* February 2027: Monday 1 to Sunday 28, four weeks; March: six is the most */
  layout = helder_month_layout_new (2027, 2, messages);
  g_assert_cmpuint (layout->n_weeks, ==, 4);
  g_clear_pointer (&layout, helder_month_layout_free);
  layout = helder_month_layout_new (2026, 8, NULL);
  g_assert_cmpuint (layout->n_weeks, ==, 6);
}

static void
test_week_lanes (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) items = NULL;
  GDate monday, thursday;
  guint n_lanes = 0;

  g_date_clear (&thursday, 1);
  g_date_set_dmy (&thursday, 14, 1, 2027);
  helder_week_monday (&thursday, &monday);
  g_assert_cmpuint (g_date_get_day (&monday), ==, 11);

  g_ptr_array_add (messages, dated ("Lang", "2027-01-04", "2027-01-13"));
  g_ptr_array_add (messages, dated ("Midden", "2027-01-12", "2027-01-14"));
  g_ptr_array_add (messages, dated ("Later", "2027-01-14", "2027-01-20"));
  g_ptr_array_add (messages, dated ("Vrijdag", "2027-01-15", NULL));
  g_ptr_array_add (messages, dated ("Volgende week", "2027-01-18", NULL));
  items = helder_week_lanes (&monday, messages, "window_start", "window_end", &n_lanes);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpuint (n_lanes, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);
      const char *title = helder_record_get_title (item->record);

      if (g_str_equal (title, "Lang"))
        {
          g_assert_true (item->starts_before);
          g_assert_cmpuint (item->first_day, ==, 0);
          g_assert_cmpuint (item->last_day, ==, 2);
          g_assert_cmpuint (item->lane, ==, 0);
        }
      else if (g_str_equal (title, "Midden"))
        g_assert_cmpuint (item->lane, ==, 1);
      else if (g_str_equal (title, "Later"))
        {
          g_assert_cmpuint (item->lane, ==, 0);
          g_assert_true (item->ends_after);
          g_assert_cmpuint (item->last_day, ==, 6);
        }
      else if (g_str_equal (title, "Vrijdag"))
        g_assert_cmpuint (item->lane, ==, 1);
    }
}

/* Lanes that stay: a message moved by a day moves sideways and the rest
 * keep their lanes; two that overlap never share one; never more than
 * two lanes beyond the fewest. */
static void
assert_lanes_sound (GArray *items,
                    guint   n_lanes)
{
  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *a = &g_array_index (items, HelderWeekItem, i);

      g_assert_cmpuint (a->lane, <, n_lanes);
      for (guint j = i + 1; j < items->len; j++)
        {
          HelderWeekItem *b = &g_array_index (items, HelderWeekItem, j);

          if (a->lane == b->lane)
            g_assert_true (a->last_day < b->first_day || b->last_day < a->first_day);
        }
    }
}

static guint
lane_of (GArray     *items,
         const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (helder_record_get_id (g_array_index (items, HelderWeekItem, i).record), id))
      return g_array_index (items, HelderWeekItem, i).lane;
  g_assert_not_reached ();
}

static void
test_week_lanes_kept (void)
{
  g_autoptr(GHashTable) lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (HelderDaySpan));
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (7);
  GDate monday;
  guint32 first;
  guint n_repacked = 0;

  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 11, 1, 2027);
  first = g_date_get_julian (&monday);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bericht %02u", i);
      HelderRecord *message = dated (title, "2027-01-11", NULL);
      HelderDaySpan span = { message, };

      span.first = first - 3 + g_rand_int_range (rand, 0, 10);
      span.last = span.first + g_rand_int_range (rand, 0, 5);
      g_ptr_array_add (records, message);
      g_array_append_val (spans, span);
    }

  /* The first time, or for a new week: the fewest lanes, as packed */
  {
    guint packed_lanes, kept_lanes;
    g_autoptr(GArray) packed = helder_week_lanes_of_spans (&monday, spans, &packed_lanes);
    g_autoptr(GArray) kept = helder_week_lanes_keeping (&monday, spans, lanes, &kept_lanes);

    g_assert_cmpuint (kept_lanes, ==, packed_lanes);
    g_assert_cmpuint (kept->len, ==, packed->len);
    for (guint i = 0; i < kept->len; i++)
      g_assert_cmpuint (g_array_index (kept, HelderWeekItem, i).lane, ==,
                        g_array_index (packed, HelderWeekItem, i).lane);
  }

  for (guint step = 0; step < 200; step++)
    {
      guint which = g_rand_int_range (rand, 0, spans->len);
      HelderDaySpan *span = &g_array_index (spans, HelderDaySpan, which);
      int shift = g_rand_boolean (rand) ? 1 : -1;
      g_autoptr(GArray) before = helder_week_lanes_keeping (&monday, spans, lanes, NULL);
      g_autoptr(GArray) after = NULL;
      g_autoptr(GArray) packed = NULL;
      guint n_lanes, fewest;
      guint moved_out = 0;

      span->first += shift;
      span->last += shift;
      after = helder_week_lanes_keeping (&monday, spans, lanes, &n_lanes);
      packed = helder_week_lanes_of_spans (&monday, spans, &fewest);
      assert_lanes_sound (after, n_lanes);
      g_assert_cmpuint (n_lanes, <=, fewest + 2);
      /* Every other message of the week keeps its lane, unless the week
       * was packed anew */
      for (guint i = 0; i < before->len; i++)
        {
          HelderRecord *record = g_array_index (before, HelderWeekItem, i).record;
          gboolean in_after = FALSE;

          if (record == span->record)
            continue;
          for (guint j = 0; j < after->len; j++)
            in_after |= g_array_index (after, HelderWeekItem, j).record == record;
          if (in_after && g_array_index (before, HelderWeekItem, i).lane !=
                          lane_of (after, helder_record_get_id (record)))
            moved_out++;
        }
      {
        gboolean repacked = TRUE;

        for (guint j = 0; j < after->len; j++)
          repacked &= g_array_index (after, HelderWeekItem, j).lane == g_array_index (packed, HelderWeekItem, j).lane;
        if (!repacked)
          g_assert_cmpuint (moved_out, ==, 0);
        else
          n_repacked++;
      }
    }
  g_test_message ("%u of 200 moves packed the week anew", n_repacked);
  /* Mostly kept: packing anew is the exception */
  g_assert_cmpuint (n_repacked, <, 100);
  g_rand_free (rand);
}

static void
test_format (void)
{
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, 1, 2027);
  day = helder_format_day (&date, FALSE);
  /* Untranslated in the tests: the English names */
  g_assert_cmpstr (day, ==, "14 January 2027");
  month = helder_format_month (2027, 1);
  g_assert_cmpstr (month, ==, "January 2027");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/messages/steps", test_steps);
  g_test_add ("/messages/approval", Fixture, NULL, fixture_setup, test_approval, fixture_teardown);
  g_test_add ("/messages/back-to-review", Fixture, NULL, fixture_setup, test_back_to_review, fixture_teardown);
  g_test_add ("/messages/back-to-review/not-synced", Fixture, NULL, fixture_setup, test_back_to_review_not_synced,
              fixture_teardown);
  g_test_add ("/messages/back-to-review/unapproved", Fixture, NULL, fixture_setup, test_back_to_review_unapproved,
              fixture_teardown);
  g_test_add_func ("/messages/shift-window", test_shift_window);
  g_test_add_func ("/messages/filter", test_filter);
  g_test_add_func ("/messages/month-layout", test_month_layout);
  g_test_add_func ("/messages/week-lanes", test_week_lanes);
  g_test_add_func ("/messages/week-lanes-kept", test_week_lanes_kept);
  g_test_add_func ("/messages/day-index", test_day_index);
  g_test_add_func ("/messages/format", test_format);

  return g_test_run ();
}
