/* test-record-format.c: what the pages say about records
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "model/helder-record-format.h"

static void
test_works_inform_by (void)
{
  g_autoptr(HelderRecord) works = helder_record_new (HELDER_TYPE_WORKS);
  g_autofree char *inform = NULL;
  g_autofree char *none = NULL;

  g_object_set (works, "title", "Riolering vervangen", "start-date", "2027-03-01",
                "lead-time-days", 42, NULL);
  inform = helder_works_inform_by (works);
  g_assert_cmpstr (inform, ==, "2027-01-18");

  g_object_set (works, "start-date", NULL, NULL);
  none = helder_works_inform_by (works);
  g_assert_null (none);
}

static void
test_works_subtitle_past (void)
{
  g_autoptr(HelderRecord) works = helder_record_new (HELDER_TYPE_WORKS);
  g_autoptr(GDate) before = g_date_new_dmy (1, G_DATE_JANUARY, 2027);
  g_autoptr(GDate) after = g_date_new_dmy (1, G_DATE_FEBRUARY, 2027);
  g_autofree char *on_time = NULL;
  g_autofree char *late = NULL;

  g_object_set (works, "title", "Herinrichting", "location", "Van den Endelaan",
                "start-date", "2027-03-01", "end-date", "2027-05-28", "lead-time-days", 42, NULL);
  on_time = helder_record_format_subtitle (works, before);
  late = helder_record_format_subtitle (works, after);

  g_assert_true (g_str_has_prefix (on_time, "Van den Endelaan · "));
  g_assert_nonnull (strstr (on_time, "18 Jan 2027"));
  g_assert_null (strstr (on_time, "(past)"));
  g_assert_nonnull (strstr (late, "(past)"));
}

static void
test_subtitle_skips_empty_parts (void)
{
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autofree char *only_theme = NULL;
  g_autofree char *full = NULL;
  const char *quarters[] = { "2026-Q4", "2027-Q1", NULL };

  g_object_set (priority, "title", "Wonen", "theme", "Wonen", NULL);
  only_theme = helder_record_format_subtitle (priority, NULL);
  g_assert_cmpstr (only_theme, ==, "Wonen");

  g_object_set (priority, "quarters", quarters, "status", "active", NULL);
  full = helder_record_format_subtitle (priority, NULL);
  g_assert_cmpstr (full, ==, "Wonen · 2026-Q4, 2027-Q1 · active");
}

static void
test_titles (void)
{
  g_autoptr(HelderRecord) edition = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);
  g_autoptr(HelderRecord) untitled = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) channel = helder_record_new (HELDER_TYPE_CHANNEL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_object_set (edition, "date", "2026-11-24", NULL);
  a = helder_record_format_title (edition);
  g_assert_cmpstr (a, ==, "Omgevingsbeeld of 24 Nov 2026");

  b = helder_record_format_title (untitled);
  g_assert_cmpstr (b, ==, "Untitled");

  g_object_set (channel, "name", "Fixi", "digital", TRUE, "speed", "days", "interaction", TRUE, NULL);
  c = helder_record_format_title (channel);
  d = helder_record_format_subtitle (channel, NULL);
  g_assert_cmpstr (c, ==, "Fixi");
  g_assert_cmpstr (d, ==, "digital · within days · two-way");
}

int
main (int   argc,
      char *argv[])
{
  /* English strings and month names, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/works/inform-by", test_works_inform_by);
  g_test_add_func ("/format/works/past", test_works_subtitle_past);
  g_test_add_func ("/format/subtitle/empty-parts", test_subtitle_skips_empty_parts);
  g_test_add_func ("/format/titles", test_titles);

  return g_test_run ();
}
