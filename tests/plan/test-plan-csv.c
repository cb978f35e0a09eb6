/* test-plan-csv.c: topics and priorities as CSV and back
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plan/helder-plan-csv.h"
#include "report/helder-csv.h"

static HelderRecord *
topic_new (const char *title,
           const char *summary,
           int         admin,
           int         societal,
           const char *trend)
{
  HelderRecord *topic = helder_record_new (HELDER_TYPE_TOPIC);

  g_object_set (topic, "title", title, "summary", summary, "admin-impact", admin, "societal-impact", societal,
                "trend", trend, "status", "active", "owner", "Sanne de Vries", "next-review", "2027-01-12", NULL);
  return topic;
}

/* Quotes, newlines, semicolons, commas and diacritics survive the round
 * trip; the file starts with a byte order mark and names its columns in
 * Dutch. */
static void
test_round_trip (void)
{
  g_autoptr(GListStore) topics = g_list_store_new (HELDER_TYPE_TOPIC);
  g_autoptr(GListStore) priorities = g_list_store_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) topic = topic_new ("Zwerfafval; bijplaatsingen \"bij\" containers",
                                             "Meldingen via Fixi,\nvooral in Patrimonium en rond de Leidsestraat.\n"
                                             "Café-eigenaren en ouderen maken zich zorgen.",
                                             2, 4, "falling");
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderPlanCsvImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char * const quarters[] = { "2026-Q4", "2027-Q1", NULL };
  const char *data;
  gsize length;
  HelderPlanCsvRow *row;

  g_object_set (priority, "title", "Energietransitie samen met inwoners", "rationale", "=SUM(A1) is geen formule",
                "rank", 2, "theme", "Duurzaamheid", "source-clause", "Met trots vooruit, § 4.2",
                "quarters", quarters, "status", "paused", NULL);
  g_list_store_append (topics, topic);
  g_list_store_append (priorities, priority);
  bytes = helder_plan_csv_export (G_LIST_MODEL (topics), G_LIST_MODEL (priorities));
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "Soort,Id,Titel,Omschrijving,Bestuurlijke impact"));
  g_assert_nonnull (strstr (data, "\"Zwerfafval; bijplaatsingen \"\"bij\"\" containers\""));
  g_assert_nonnull (strstr (data, ",dalend,"));
  g_assert_nonnull (strstr (data, ",gepauzeerd\r\n"));
  g_assert_nonnull (strstr (data, "'=SUM(A1)"));

  /* Back, against the same records: nothing new, nothing changed */
  import = helder_plan_csv_parse (data, length, G_LIST_MODEL (topics), G_LIST_MODEL (priorities), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->errors->len, ==, 0);
  g_assert_cmpuint (import->rows->len, ==, 2);
  g_assert_cmpuint (helder_plan_csv_count (import, TRUE, FALSE), ==, 0);
  g_assert_cmpuint (helder_plan_csv_count (import, FALSE, TRUE), ==, 0);
  row = import->rows->pdata[0];
  g_assert_true (helder_record_equal_data (row->record, topic));
  g_assert_cmpstr (helder_record_get_text (row->record, "summary"), ==, helder_record_get_text (topic, "summary"));
  row = import->rows->pdata[1];
  g_assert_true (helder_record_equal_data (row->record, priority));
  g_assert_cmpstr (helder_record_get_text (row->record, "rationale"), ==, "=SUM(A1) is geen formule");
  g_assert_cmpstr (helder_record_get_list (row->record, "quarters")[1], ==, "2027-Q1");
  g_clear_pointer (&import, helder_plan_csv_import_free);

  /* Against no records: both new, with the same ids */
  import = helder_plan_csv_parse (data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_plan_csv_count (import, TRUE, FALSE), ==, 2);
  row = import->rows->pdata[0];
  g_assert_cmpstr (helder_record_get_id (row->record), ==, helder_record_get_id (topic));
}

/* What Excel writes back in a Dutch locale: semicolons, Windows-1252, no
 * byte order mark; a changed score is a change. */
static void
test_excel_file (void)
{
  g_autoptr(GListStore) topics = g_list_store_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) topic = topic_new ("Parkeerdruk", "Centrum", 2, 5, "rising");
  g_autoptr(HelderPlanCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  HelderPlanCsvRow *row;

  g_list_store_append (topics, topic);
  file = g_strdup_printf ("Soort;Id;Titel;Omschrijving;Bestuurlijke impact;Maatschappelijke impact;Trend\r\n"
                          "onderwerp;%s;Parkeerdruk;Centrum;3;5;stijgend\r\n"
                          "onderwerp;;Caf\xE9s en terrassen;;2;2;stabiel\r\n",
                          helder_record_get_id (topic));
  import = helder_plan_csv_parse (file, strlen (file), G_LIST_MODEL (topics), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->errors->len, ==, 0);
  g_assert_cmpuint (helder_plan_csv_count (import, FALSE, TRUE), ==, 1);
  g_assert_cmpuint (helder_plan_csv_count (import, TRUE, FALSE), ==, 1);
  row = import->rows->pdata[0];
  g_assert_cmpint (helder_record_get_int (row->record, "admin_impact"), ==, 3);
  /* Fields the file does not have stay as they were */
  g_assert_cmpstr (helder_record_get_text (row->record, "owner"), ==, "Sanne de Vries");
  row = import->rows->pdata[1];
  g_assert_cmpstr (helder_record_get_title (row->record), ==, "Cafés en terrassen");
  g_assert_cmpstr (helder_record_get_text (row->record, "status"), ==, "active");
}

/* Errors name their line (a quoted newline makes a row two lines long). */
static void
test_errors (void)
{
  const char *file =
    "Soort,Titel,Omschrijving,Bestuurlijke impact,Maatschappelijke impact,Trend,Plaats,Volgende bespreking\n"
    "onderwerp,Goed,\"twee\nregels\",3,3,stabiel,,2027-01-12\n"
    "onderwerp,Te hoog,,7,3,stabiel,,\n"
    "persoon,Jan,,,,,,\n"
    "onderwerp,,,1,1,stabiel,,\n"
    "onderwerp,Rare trend,,1,1,omhoog,,\n"
    "prioriteit,Wonen,,,,,eerste,\n"
    "onderwerp,Datum,,1,1,stabiel,,14-01-2027\n";
  g_autoptr(HelderPlanCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = helder_plan_csv_parse (file, strlen (file), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->rows->len, ==, 1);
  g_assert_cmpuint (import->errors->len, ==, 6);
  g_assert_true (g_str_has_prefix (import->errors->pdata[0], "Line 4: Bestuurlijke impact"));
  g_assert_true (g_str_has_prefix (import->errors->pdata[1], "Line 5: Soort"));
  g_assert_true (g_str_has_prefix (import->errors->pdata[2], "Line 6: Titel"));
  g_assert_true (g_str_has_prefix (import->errors->pdata[3], "Line 7: “omhoog”"));
  g_assert_true (g_str_has_prefix (import->errors->pdata[4], "Line 8: Plaats"));
  g_assert_true (g_str_has_prefix (import->errors->pdata[5], "Line 9: Volgende bespreking"));

  /* No header of ours: not a file of topics */
  g_clear_pointer (&import, helder_plan_csv_import_free);
  g_assert_null (helder_plan_csv_parse ("a,b\n1,2\n", 8, NULL, NULL, &error));
  g_assert_error (error, HELDER_CSV_ERROR, HELDER_CSV_ERROR_EMPTY);
}

/* Applying: the new and changed rows in one transaction, through the
 * service; refused with errors, and for staff. */
static void
test_apply (void)
{
  g_autofree char *dir = g_dir_make_tmp ("helder-plan-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(HelderStore) store = helder_store_open (path, NULL);
  g_autoptr(HelderSession) session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (store, session);
  g_autoptr(HelderPlanCsvImport) import = NULL;
  g_autoptr(HelderPlanCsvImport) bad = NULL;
  g_autoptr(GError) error = NULL;
  const char *file = "Soort,Titel,Bestuurlijke impact,Maatschappelijke impact,Trend,Plaats\n"
                     "onderwerp,Netcongestie,3,3,stijgend,\n"
                     "prioriteit,Betaalbaar wonen,,,,1\n";
  const char *broken = "Soort,Titel,Bestuurlijke impact\nonderwerp,Netcongestie,9\n";

  import = helder_plan_csv_parse (file, strlen (file), NULL, NULL, &error);
  g_assert_no_error (error);
  helder_session_set_role (session, HELDER_SESSION_ROLE_STAFF);
  g_assert_false (helder_plan_csv_apply (plan, import, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_TOPIC), ==, 0);
  helder_session_set_role (session, HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_plan_csv_apply (plan, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_TOPIC), ==, 1);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_PRIORITY), ==, 1);

  bad = helder_plan_csv_parse (broken, strlen (broken), NULL, NULL, &error);
  g_assert_false (helder_plan_csv_apply (plan, bad, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_TOPIC), ==, 1);

  g_clear_object (&plan);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file_path = g_build_filename (dir, name, NULL);

        g_remove (file_path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-csv/round-trip", test_round_trip);
  g_test_add_func ("/plan-csv/excel-file", test_excel_file);
  g_test_add_func ("/plan-csv/errors", test_errors);
  g_test_add_func ("/plan-csv/apply", test_apply);
  return g_test_run ();
}
