/* test-library-service.c: versions, review dates, trainings with their waitlist, roles
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "library/helder-library-diff.h"
#include "library/helder-library-index.h"
#include "library/helder-library-markdown.h"
#include "library/helder-library-news.h"
#include "helder-example-data.h"
#include "library/helder-library-service.h"
#include "report/helder-ics.h"
#include "library-fixture.h"

static HelderLibraryService *
service_as (LibraryFixture *fixture,
            const char     *login,
            HelderRole      role)
{
  g_autoptr(HelderSession) session = helder_session_new (login, role);

  return helder_library_service_new (fixture->store, session);
}

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* Versions */

static void
test_versions (LibraryFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(HelderLibraryService) ahmed = service_as (fixture, "ahmed", HELDER_SESSION_ROLE_ADVISOR);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GError) error = NULL;
  guint added, removed;

  g_object_set (toolkit, "title", "Persbericht", "body", "Een persbericht heeft een kop.", NULL);
  g_assert_true (helder_library_service_save_toolkit (fixture->service, toolkit, "Eerste opzet", &error));
  g_assert_no_error (error);
  versions = helder_library_service_versions (fixture->service, helder_record_get_id (toolkit));
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpint (helder_record_get_int (versions->pdata[0], "number"), ==, 1);
  g_assert_cmpstr (helder_record_get_text (versions->pdata[0], "author"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (versions->pdata[0], "note"), ==, "Eerste opzet");
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* The same writer, minutes later (autosave): the same version */
  g_object_set (toolkit, "body", "Een persbericht heeft een korte kop.", NULL);
  g_assert_true (helder_library_service_save_toolkit (fixture->service, toolkit, NULL, &error));
  versions = helder_library_service_versions (fixture->service, helder_record_get_id (toolkit));
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (helder_record_get_text (versions->pdata[0], "body"), ==, "Een persbericht heeft een korte kop.");
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Tags only: no new version */
  {
    const char *tags[] = { "pers", NULL };

    g_object_set (toolkit, "tags", tags, NULL);
    g_assert_true (helder_library_service_save_toolkit (fixture->service, toolkit, NULL, &error));
    versions = helder_library_service_versions (fixture->service, helder_record_get_id (toolkit));
    g_assert_cmpuint (versions->len, ==, 1);
    g_clear_pointer (&versions, g_ptr_array_unref);
  }

  /* Another writer: version 2, newest first */
  g_object_set (toolkit, "body", "Een persbericht heeft een korte kop en een citaat.", NULL);
  g_assert_true (helder_library_service_save_toolkit (ahmed, toolkit, "Citaat", &error));
  g_assert_no_error (error);
  versions = helder_library_service_versions (fixture->service, helder_record_get_id (toolkit));
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (helder_record_get_int (versions->pdata[0], "number"), ==, 2);
  g_assert_cmpstr (helder_record_get_text (versions->pdata[0], "author"), ==, "ahmed");

  /* The difference between any two */
  chunks = helder_library_diff_words (helder_record_get_text (versions->pdata[1], "body"),
                                      helder_record_get_text (versions->pdata[0], "body"));
  helder_library_diff_count (chunks, &added, &removed);
  /* "kop." became "kop en een citaat." */
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpuint (removed, ==, 1);

  /* Deleting takes the versions along, in one go */
  g_assert_true (helder_library_service_delete_toolkit (fixture->service, toolkit, &error));
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = helder_library_service_versions (fixture->service, helder_record_get_id (toolkit));
  g_assert_cmpuint (versions->len, ==, 0);
}

/* Staff read; they write no document, version or check */
static void
test_roles (LibraryFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(HelderLibraryService) staff = service_as (fixture, "kees", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 12, 2);

  g_assert_false (helder_library_service_may_edit (staff));
  g_assert_true (helder_library_service_may_edit (fixture->service));
  g_object_set (toolkit, "title", "Door staf", NULL);
  g_assert_false (helder_library_service_save_toolkit (staff, toolkit, NULL, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpuint (helder_library_service_versions (fixture->service, helder_record_get_id (toolkit))->len, ==, 0);

  g_assert_true (helder_library_service_save_toolkit (fixture->service, toolkit, NULL, &error));
  g_assert_false (helder_library_service_mark_checked (staff, toolkit, &today, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
}

/* Review */

static void
test_review_state (void)
{
  GDate today = day (2026, 12, 2);
  int days;
  g_autofree char *next = NULL;
  g_autofree char *leap = NULL;
  GDate jan31 = day (2027, 1, 31), d = day (2026, 6, 15);

  g_assert_cmpint (helder_library_review_state (NULL, &today, &days), ==, HELDER_REVIEW_UNSET);
  g_assert_cmpint (helder_library_review_state ("geen datum", &today, NULL), ==, HELDER_REVIEW_UNSET);
  g_assert_cmpint (helder_library_review_state ("2026-12-01", &today, &days), ==, HELDER_REVIEW_EXPIRED);
  g_assert_cmpint (days, ==, 1);
  g_assert_cmpint (helder_library_review_state ("2026-06-01T10:00:00Z", &today, &days), ==, HELDER_REVIEW_EXPIRED);
  g_assert_cmpint (days, ==, 184);
  g_assert_cmpint (helder_library_review_state ("2026-12-02", &today, &days), ==, HELDER_REVIEW_DUE_SOON);
  g_assert_cmpint (days, ==, 0);
  g_assert_cmpint (helder_library_review_state ("2027-01-01", &today, &days), ==, HELDER_REVIEW_DUE_SOON);
  g_assert_cmpint (helder_library_review_state ("2027-01-02", &today, &days), ==, HELDER_REVIEW_CURRENT);
  g_assert_cmpint (days, ==, 31);

  next = helder_library_review_next_date (&d, 6);
  g_assert_cmpstr (next, ==, "2026-12-15");
  leap = helder_library_review_next_date (&jan31, 1);
  g_assert_cmpstr (leap, ==, "2027-02-28");
}

static void
test_review_banner (void)
{
  GDate today = day (2026, 12, 2);
  g_autoptr(HelderReviewBanner) expired = NULL;
  g_autoptr(HelderReviewBanner) current = NULL;
  g_autoptr(HelderReviewBanner) staff = NULL;

  expired = helder_library_review_banner ("2026-11-01", "Sanne de Vries", "sanne", "Ahmed Bakkali", "2026-05-01",
                                          "sanne", HELDER_SESSION_ROLE_ADVISOR, &today);
  g_assert_cmpint (expired->state, ==, HELDER_REVIEW_EXPIRED);
  g_assert_true (expired->visible);
  g_assert_true (expired->can_check);
  g_assert_nonnull (strstr (expired->title, "2026"));
  g_assert_nonnull (strstr (expired->detail, "Sanne de Vries"));
  g_assert_nonnull (strstr (expired->detail, "Ahmed Bakkali"));

  current = helder_library_review_banner ("2027-06-01", "Sanne de Vries", "sanne", NULL, NULL,
                                          "sanne", HELDER_SESSION_ROLE_ADVISOR, &today);
  g_assert_false (current->visible);
  staff = helder_library_review_banner ("2026-11-01", NULL, NULL, NULL, NULL,
                                        "kees", HELDER_SESSION_ROLE_STAFF, &today);
  g_assert_true (staff->visible);
  g_assert_false (staff->can_check);
}

static void
test_review_service (LibraryFixture *fixture,
                     gconstpointer   data)
{
  GDate today = day (2026, 12, 2);
  g_autoptr(HelderRecord) old = library_add (fixture, "Oud", NULL, NULL, "instructie", "sanne", NULL);
  g_autoptr(HelderRecord) soon = library_add (fixture, "Bijna", NULL, NULL, "instructie", "sanne", NULL);
  g_autoptr(HelderRecord) fine = library_add (fixture, "Goed", NULL, NULL, "instructie", "sanne", NULL);
  g_autoptr(HelderRecord) other = library_add (fixture, "Van Ahmed", NULL, NULL, "instructie", "ahmed", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HelderReviewBanner) banner = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) name = helder_record_new (HELDER_TYPE_USER);

  g_object_set (name, "name", "Sanne de Vries", "login", "sanne", NULL);
  g_assert_true (helder_store_save (fixture->store, name, NULL));
  g_object_set (old, "next-review", "2026-10-01", NULL);
  g_object_set (soon, "next-review", "2026-12-20", NULL);
  g_object_set (fine, "next-review", "2027-05-01", NULL);
  g_object_set (other, "next-review", "2026-01-01", NULL);
  for (guint i = 0; i < 1; i++)
    {
      g_assert_true (helder_store_save (fixture->store, old, NULL));
      g_assert_true (helder_store_save (fixture->store, soon, NULL));
      g_assert_true (helder_store_save (fixture->store, fine, NULL));
      g_assert_true (helder_store_save (fixture->store, other, NULL));
    }

  /* Te beoordelen: mine, expired or due soon, most overdue first */
  list = helder_library_service_to_review (fixture->service, NULL, &today);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (helder_record_get_text (list->pdata[0], "title"), ==, "Oud");
  g_assert_cmpstr (helder_record_get_text (list->pdata[1], "title"), ==, "Bijna");
  g_clear_pointer (&list, g_ptr_array_unref);

  banner = helder_library_service_banner (fixture->service, old, &today);
  g_assert_true (banner->visible);
  g_assert_nonnull (strstr (banner->detail, "Sanne de Vries"));

  /* Gecontroleerd: who, when, and six months on (a setting) */
  g_assert_cmpuint (helder_library_service_get_review_months (fixture->service), ==, 6);
  g_assert_true (helder_library_service_mark_checked (fixture->service, old, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (old, "verified_by"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (old, "verified_at"), ==, "2026-12-02");
  g_assert_cmpstr (helder_record_get_text (old, "last_reviewed"), ==, "2026-12-02");
  g_assert_cmpstr (helder_record_get_text (old, "next_review"), ==, "2027-06-02");
  list = helder_library_service_to_review (fixture->service, "sanne", &today);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (helder_library_service_set_review_months (fixture->service, 12, &error));
  g_assert_cmpuint (helder_library_service_get_review_months (fixture->service), ==, 12);
  g_assert_true (helder_library_service_mark_checked (fixture->service, soon, &today, &error));
  g_assert_cmpstr (helder_record_get_text (soon, "next_review"), ==, "2027-12-02");
}

/* Trainings */

static HelderRecord *
add_training (LibraryFixture *fixture,
              int             capacity)
{
  HelderRecord *training = helder_record_new (HELDER_TYPE_TRAINING);

  g_object_set (training, "title", "Schrijven op B1", "starts-at", "2099-03-12T13:30:00+01:00",
                "ends-at", "2099-03-12T16:00:00+01:00", "place", "Raadhuis Hillegom, zaal 2",
                "capacity", capacity, "owner", "sanne", "description", "Oefenen met eigen teksten.", NULL);
  g_assert_true (helder_store_save (fixture->store, training, NULL));
  return training;
}

static void
test_training_seats (void)
{
  g_autoptr(GPtrArray) registrations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_auto(GStrv) up = NULL;
  static const struct { const char *id, *user, *at; } rows[] = {
    { "00000000-0000-4000-8000-000000000003", "cor", "2026-11-02T10:00:00Z" },
    { "00000000-0000-4000-8000-000000000001", "anna", "2026-11-01T09:00:00Z" },
    /* the same moment as cor: the id decides */
    { "00000000-0000-4000-8000-000000000002", "bram", "2026-11-02T10:00:00Z" },
    { "00000000-0000-4000-8000-000000000004", "dewi", "2026-11-02T11:00:00+02:00" },
    { "00000000-0000-4000-8000-000000000005", "anna", "2026-11-03T09:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HelderRecord *r = helder_record_new (HELDER_TYPE_REGISTRATION);

      helder_record_set_id (r, rows[i].id);
      g_object_set (r, "training", "t", "user", rows[i].user, "requested-at", rows[i].at, NULL);
      g_ptr_array_add (registrations, r);
    }
  seats = helder_training_seats (registrations, 2);
  /* anna's second registration does not count */
  g_assert_cmpuint (seats->len, ==, 4);
  g_assert_cmpstr (helder_record_get_text (((HelderTrainingSeat *) seats->pdata[0])->registration, "user"), ==, "anna");
  /* dewi's 11:00+02:00 is 09:00Z: before bram and cor */
  g_assert_cmpstr (helder_record_get_text (((HelderTrainingSeat *) seats->pdata[1])->registration, "user"), ==, "dewi");
  g_assert_cmpint (helder_training_seats_find (seats, "dewi")->place, ==, HELDER_PLACE_CONFIRMED);
  g_assert_cmpint (helder_training_seats_find (seats, "bram")->place, ==, HELDER_PLACE_WAITING);
  g_assert_cmpuint (helder_training_seats_find (seats, "bram")->position, ==, 1);
  g_assert_cmpuint (helder_training_seats_find (seats, "cor")->position, ==, 2);
  g_assert_cmpuint (helder_training_seats_count (seats, HELDER_PLACE_WAITING), ==, 2);

  /* dewi leaves: bram moves up */
  helder_record_set_deleted (registrations->pdata[3], TRUE);
  after = helder_training_seats (registrations, 2);
  up = helder_training_moved_up (seats, after);
  g_assert_cmpstrv (up, ((const char *[]) { "bram", NULL }));
  g_assert_cmpuint (helder_training_seats_find (after, "cor")->position, ==, 1);

  /* No limit */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = helder_training_seats (registrations, 0);
  g_assert_cmpuint (helder_training_seats_count (after, HELDER_PLACE_WAITING), ==, 0);
}

static void
test_training_register (LibraryFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(HelderRecord) training = add_training (fixture, 2);
  const char *id = helder_record_get_id (training);
  g_autoptr(HelderLibraryService) anna = service_as (fixture, "anna", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryService) bram = service_as (fixture, "bram", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryService) cor = service_as (fixture, "cor", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) moved = NULL;
  guint position;

  g_assert_cmpint (helder_library_service_register (anna, id, &error), ==, HELDER_PLACE_CONFIRMED);
  g_assert_no_error (error);
  g_usleep (2000);
  g_assert_cmpint (helder_library_service_register (bram, id, &error), ==, HELDER_PLACE_CONFIRMED);
  g_usleep (2000);
  g_assert_cmpint (helder_library_service_register (cor, id, &error), ==, HELDER_PLACE_WAITING);
  g_assert_cmpint (helder_library_service_my_place (cor, id, &position), ==, HELDER_PLACE_WAITING);
  g_assert_cmpuint (position, ==, 1);
  /* Twice is once */
  g_assert_cmpint (helder_library_service_register (anna, id, &error), ==, HELDER_PLACE_CONFIRMED);
  seats = helder_library_service_seats (fixture->service, id);
  g_assert_cmpuint (seats->len, ==, 3);
  /* Staff registrations are for everyone to see */
  g_assert_cmpint (helder_record_get_visibility (((HelderTrainingSeat *) seats->pdata[0])->registration), ==,
                   HELDER_VISIBILITY_ORG);

  /* anna leaves; cor moves up and is told */
  g_assert_true (helder_library_service_unregister (anna, id, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (moved, ((const char *[]) { "cor", NULL }));
  g_assert_cmpint (helder_library_service_my_place (cor, id, NULL), ==, HELDER_PLACE_CONFIRMED);
  g_assert_cmpint (helder_library_service_my_place (anna, id, NULL), ==, HELDER_PLACE_NONE);

  /* A staff member may not unregister someone else: their own only */
  {
    g_autoptr(HelderRecord) bram_reg = NULL;
    g_autoptr(GPtrArray) now = helder_library_service_seats (fixture->service, id);

    bram_reg = g_object_ref (helder_training_seats_find (now, "bram")->registration);
    g_assert_false (helder_service_delete (HELDER_SERVICE (cor), bram_reg, &error));
    g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }
}

static void
test_training_attendance (LibraryFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(HelderRecord) training = add_training (fixture, 1);
  const char *id = helder_record_get_id (training);
  g_autoptr(HelderLibraryService) anna = service_as (fixture, "anna", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryService) bram = service_as (fixture, "bram", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryService) ahmed = service_as (fixture, "ahmed", HELDER_SESSION_ROLE_ADVISOR);
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *ics = NULL;
  g_autoptr(HelderIcsCalendar) calendar = NULL;
  g_autoptr(HelderRecord) name = helder_record_new (HELDER_TYPE_USER);
  GDateTime *start;
  const char *anna_reg;
  const char *text;

  g_object_set (name, "name", "Anna Jansen", "login", "anna", NULL);
  g_assert_true (helder_store_save (fixture->store, name, NULL));
  helder_library_service_register (anna, id, NULL);
  g_usleep (2000);
  helder_library_service_register (bram, id, NULL);
  seats = helder_library_service_seats (fixture->service, id);
  anna_reg = helder_record_get_id (helder_training_seats_find (seats, "anna")->registration);

  /* The participant may not tick themselves off, nor another advisor */
  g_assert_false (helder_library_service_set_attended (anna, anna_reg, TRUE, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_library_service_set_attended (ahmed, anna_reg, TRUE, &error));
  g_clear_error (&error);
  g_assert_true (helder_library_service_set_attended (fixture->service, anna_reg, TRUE, &error));
  g_assert_no_error (error);

  csv = helder_library_service_attendance_csv (fixture->service, id);
  text = g_bytes_get_data (csv, NULL);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (text, "Anna Jansen;anna;"));
  g_assert_nonnull (strstr (text, ";Confirmed;yes\r\n"));
  g_assert_nonnull (strstr (text, "bram;bram;"));
  g_assert_nonnull (strstr (text, ";Waitlist 1;no\r\n"));

  ics = helder_library_service_session_ics (fixture->service, id);
  calendar = helder_ics_calendar_parse (ics, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_ics_calendar_get_n_events (calendar), ==, 1);
  g_assert_cmpstr (helder_ics_event_get_summary (helder_ics_calendar_get_event (calendar, 0)), ==, "Schrijven op B1");
  g_assert_cmpstr (helder_ics_event_get_location (helder_ics_calendar_get_event (calendar, 0)), ==,
                   "Raadhuis Hillegom, zaal 2");
  start = helder_ics_event_get_start (helder_ics_calendar_get_event (calendar, 0));
  /* 2099-03-12T13:30:00+01:00 */
  g_assert_cmpint (g_date_time_to_unix (start), ==, 4077001800);
}

static void
test_training_started (LibraryFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderRecord) training = add_training (fixture, 10);
  g_autoptr(GError) error = NULL;

  g_object_set (training, "starts-at", "2020-01-01T09:00:00+01:00", NULL);
  g_assert_true (helder_store_save (fixture->store, training, NULL));
  g_assert_cmpint (helder_library_service_register (fixture->service, helder_record_get_id (training), &error), ==,
                   HELDER_PLACE_NONE);
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
}

static void
on_moved_up (HelderLibraryNews *news,
             const char        *training_id,
             gpointer           user_data)
{
  g_ptr_array_add (user_data, g_strdup (training_id));
}

/* The person moved up is told, once, whoever's cancel did it */
static void
test_training_news (LibraryFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(HelderRecord) training = add_training (fixture, 1);
  const char *id = helder_record_get_id (training);
  g_autoptr(HelderLibraryService) anna = service_as (fixture, "anna", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryNews) news = NULL;
  g_autoptr(HelderLibraryNews) again = NULL;
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(HelderRecord) anna_reg = NULL;

  g_assert_cmpint (helder_library_service_register (anna, id, NULL), ==, HELDER_PLACE_CONFIRMED);
  g_usleep (2000);
  g_assert_cmpint (helder_library_service_register (fixture->service, id, NULL), ==, HELDER_PLACE_WAITING);

  /* The first look learns and tells nothing */
  news = helder_library_news_new (fixture->service);
  g_signal_connect (news, "moved-up", G_CALLBACK (on_moved_up), told);
  g_assert_cmpuint (helder_library_news_get_unseen (news)->len, ==, 0);

  /* anna's cancel comes in as a pulled change would: a store write */
  seats = helder_library_service_seats (fixture->service, id);
  anna_reg = g_object_ref (helder_training_seats_find (seats, "anna")->registration);
  g_assert_true (helder_store_delete (fixture->store, anna_reg, NULL));
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (told->pdata[0], ==, id);
  g_assert_cmpuint (helder_library_news_get_unseen (news)->len, ==, 1);
  g_clear_object (&news);

  /* After a restart: still unseen, not told again */
  again = helder_library_news_new (fixture->service);
  g_signal_connect (again, "moved-up", G_CALLBACK (on_moved_up), told);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpuint (helder_library_news_get_unseen (again)->len, ==, 1);
  helder_library_news_mark_seen (again, id);
  g_assert_cmpuint (helder_library_news_get_unseen (again)->len, ==, 0);

  notification = helder_library_news_notification (training);
  g_assert_nonnull (notification);
}

/* data/example-data/25-library.json: what the pages show first */
static void
test_example_data (LibraryFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryQuery) query = helder_library_query_new ("crisis", FALSE);
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GPtrArray) to_review = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HelderRecord) crisis = NULL;
  g_autoptr(HelderMarkdownDocument) doc = NULL;
  GDate today = day (2026, 12, 2);
  gboolean has_table = FALSE;

  helder_example_data_load (fixture->store, &error);
  g_assert_no_error (error);
  index = helder_library_index_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_library_index_get_n_documents (index), >=, 11);
  results = helder_library_index_search (index, query, &error);
  g_assert_cmpstr (helder_library_results_get_hit (results, 0)->title, ==, "Crisiscommunicatie: de eerste uren");

  /* A full session with a waitlist */
  seats = helder_library_service_seats (fixture->service, "11bc0000-0000-4000-8015-000000000060");
  g_assert_cmpuint (helder_training_seats_count (seats, HELDER_PLACE_CONFIRMED), ==, 4);
  g_assert_cmpuint (helder_training_seats_count (seats, HELDER_PLACE_WAITING), ==, 2);

  /* Expired documents in sanne's Te beoordelen */
  to_review = helder_library_service_to_review (fixture->service, "sanne", &today);
  g_assert_cmpuint (to_review->len, >=, 2);
  g_assert_cmpint (helder_library_review_state (helder_record_get_text (to_review->pdata[0], "next_review"), &today, NULL),
                   ==, HELDER_REVIEW_EXPIRED);

  crisis = helder_store_load (fixture->store, HELDER_TYPE_TOOLKIT, "11bc0000-0000-4000-8015-000000000020", &error);
  versions = helder_library_service_versions (fixture->service, helder_record_get_id (crisis));
  g_assert_cmpuint (versions->len, ==, 2);
  doc = helder_markdown_parse (helder_record_get_text (crisis, "body"), -1);
  for (guint i = 0; i < helder_markdown_document_get_n_blocks (doc); i++)
    has_table |= helder_markdown_document_get_block (doc, i)->kind == HELDER_MARKDOWN_TABLE;
  g_assert_true (has_table);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, LibraryFixture, NULL, library_setup, func, library_teardown)
  ADD ("/library/versions", test_versions);
  ADD ("/library/roles", test_roles);
  g_test_add_func ("/library/review/state", test_review_state);
  g_test_add_func ("/library/review/banner", test_review_banner);
  ADD ("/library/review/service", test_review_service);
  g_test_add_func ("/library/training/seats", test_training_seats);
  ADD ("/library/training/register", test_training_register);
  ADD ("/library/training/attendance", test_training_attendance);
  ADD ("/library/training/started", test_training_started);
  ADD ("/library/training/news", test_training_news);
  ADD ("/library/example-data", test_example_data);
#undef ADD
  return g_test_run ();
}
