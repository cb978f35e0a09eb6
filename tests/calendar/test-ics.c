/* test-ics.c: iCalendar files that GNOME Calendar and Outlook read
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "report/helder-ics.h"

static GDateTime *
amsterdam_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static GDate
make_date (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* A summary with everything RFC 5545 escapes, and longer than a line. */
#define AWKWARD "Riolering, Pastoor van Leeuwenstraat; fase 2 \\ omleiding\n" \
                "Bewoners krijgen een brief — één week vóór de start, ook in de Meer en Duin-straten"

static HelderIcsCalendar *
sample_calendar (void)
{
  HelderIcsCalendar *calendar = helder_ics_calendar_new ("Helder – Gemeente Hillegom");
  GDate first = make_date (2027, 1, 11), last = make_date (2027, 1, 18);
  g_autoptr(GDateTime) start = amsterdam_time (2027, 1, 28, 20, 0);
  g_autoptr(GDateTime) end = amsterdam_time (2027, 1, 28, 23, 0);
  g_autoptr(GDateTime) summer = amsterdam_time (2027, 7, 1, 19, 30);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
  g_autoptr(HelderIcsEvent) letter = NULL, council = NULL, committee = NULL;

  letter = helder_ics_event_new_all_day ("9fa3e442-af00-41fc-8a80-b8c40ca62b27@helder.hltsamen.nl",
                                         AWKWARD, &first, &last);
  helder_ics_event_set_description (letter, "Status: In review\nKanalen: Post, Newsroom");
  helder_ics_event_set_location (letter, "Pastoor van Leeuwenstraat, Patrimonium");
  helder_ics_event_set_status (letter, HELDER_ICS_STATUS_TENTATIVE);
  helder_ics_event_add_category (letter, "Bericht");
  helder_ics_event_add_category (letter, "In review, again");
  helder_ics_event_set_sequence (letter, 42);
  helder_ics_event_set_stamp (letter, stamp);
  helder_ics_calendar_add (calendar, letter);

  council = helder_ics_event_new_timed ("council@helder.hltsamen.nl", "Raadsvergadering", start, end);
  helder_ics_event_set_location (council, "Raadzaal, Hoofdstraat 115");
  helder_ics_event_set_status (council, HELDER_ICS_STATUS_CONFIRMED);
  helder_ics_calendar_add (calendar, council);

  committee = helder_ics_event_new_timed ("committee@helder.hltsamen.nl", "Commissie Ruimte", summer, NULL);
  helder_ics_calendar_add (calendar, committee);
  return calendar;
}

static char *
sample_text (void)
{
  g_autoptr(HelderIcsCalendar) calendar = sample_calendar ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 10, 0, 0);

  return helder_ics_calendar_to_string (calendar, now);
}

/* RFC 5545 3.1: lines end with CRLF and are at most 75 octets; a
 * continuation starts with a space; folding never splits a character. */
static void
test_folding (void)
{
  g_autofree char *text = sample_text ();
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_true (p > text && p[-1] == '\r');

  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 20);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }
  /* The long summary did need folding. */
  g_assert_nonnull (strstr (text, "\r\n "));
}

static char *
unfold (const char *text)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);

  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

/* RFC 5545 3.3.11: backslash, semicolon, comma and newline in TEXT. */
static void
test_escaping (void)
{
  g_autofree char *text = sample_text ();
  g_autofree char *flat = unfold (text);

  g_assert_nonnull (strstr (flat, "SUMMARY:Riolering\\, Pastoor van Leeuwenstraat\\; fase 2 \\\\ omleiding\\n"
                                  "Bewoners krijgen een brief — één week vóór de start"));
  g_assert_nonnull (strstr (flat, "DESCRIPTION:Status: In review\\nKanalen: Post\\, Newsroom\r\n"));
  /* A comma inside one category would make two: it is a space. */
  g_assert_nonnull (strstr (flat, "CATEGORIES:Bericht,In review  again\r\n"));
}

static void
test_structure (void)
{
  g_autofree char *text = sample_text ();
  g_autofree char *flat = unfold (text);

  g_assert_nonnull (strstr (flat, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nPRODID:-//HLTsamen//Helder "));
  g_assert_null (strstr (flat, "METHOD:"));
  g_assert_nonnull (strstr (flat, "\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\n"));
  /* All day: a DATE and the day after the last as the end. */
  g_assert_nonnull (strstr (flat, "DTSTART;VALUE=DATE:20270111\r\n"));
  g_assert_nonnull (strstr (flat, "DTEND;VALUE=DATE:20270119\r\n"));
  /* Timed: local time in the zone the file defines. */
  g_assert_nonnull (strstr (flat, "DTSTART;TZID=Europe/Amsterdam:20270128T200000\r\n"));
  g_assert_nonnull (strstr (flat, "DTEND;TZID=Europe/Amsterdam:20270128T230000\r\n"));
  g_assert_nonnull (strstr (flat, "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"));
  g_assert_nonnull (strstr (flat, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"));
  /* DTSTAMP in UTC, the event's own or the export's. */
  g_assert_nonnull (strstr (flat, "DTSTAMP:20261202T090000Z\r\n"));
  g_assert_nonnull (strstr (flat, "DTSTAMP:20261202T100000Z\r\n"));
  g_assert_nonnull (strstr (flat, "TRANSP:TRANSPARENT\r\n"));
  g_assert_nonnull (strstr (flat, "TRANSP:OPAQUE\r\n"));
  g_assert_nonnull (strstr (flat, "SEQUENCE:42\r\n"));
}

/* libical itself reads the file back: every VEVENT has what RFC 5545
 * requires, and its times are those we meant, in UTC too. */
static void
test_libical_reads_it (void)
{
  g_autofree char *text = sample_text ();
  icalcomponent *root = icalparser_parse_string (text);
  icalcomponent *event;
  icaltimezone *zone;
  guint n = 0;

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  g_assert_true (icalrestriction_check (root));
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);

  zone = icalcomponent_get_timezone (root, "Europe/Amsterdam");
  g_assert_nonnull (zone);
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      n++;
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_false (icaltime_is_null_time (icalcomponent_get_dtstamp (event)));
      if (g_strcmp0 (icalcomponent_get_uid (event), "council@helder.hltsamen.nl") == 0)
        {
          struct icaltimetype start = icalcomponent_get_dtstart (event);

          /* 20:00 in Amsterdam in January is 19:00 UTC; in July (below)
           * 19:30 is 17:30 UTC. */
          g_assert_cmpint (icaltime_as_timet_with_zone (start, start.zone), ==, 1801162800);
        }
      if (g_strcmp0 (icalcomponent_get_uid (event), "committee@helder.hltsamen.nl") == 0)
        {
          struct icaltimetype start = icalcomponent_get_dtstart (event);

          g_assert_cmpint (icaltime_as_timet_with_zone (start, start.zone), ==, 1814463000);
        }
    }
  g_assert_cmpuint (n, ==, 3);
  icalcomponent_free (root);
}

/* What Helder writes, Helder reads back the same. */
static void
test_round_trip (void)
{
  g_autofree char *text = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderIcsCalendar) back = helder_ics_calendar_parse (text, -1, &error);
  HelderIcsEvent *letter, *council, *committee;
  g_autoptr(GDateTime) expected = amsterdam_time (2027, 1, 28, 20, 0);
  GDate first, last;

  g_assert_no_error (error);
  g_assert_cmpstr (helder_ics_calendar_get_name (back), ==, "Helder – Gemeente Hillegom");
  g_assert_cmpuint (helder_ics_calendar_get_n_events (back), ==, 3);

  letter = helder_ics_calendar_get_event (back, 0);
  g_assert_cmpstr (helder_ics_event_get_uid (letter), ==, "9fa3e442-af00-41fc-8a80-b8c40ca62b27@helder.hltsamen.nl");
  g_assert_cmpstr (helder_ics_event_get_summary (letter), ==, AWKWARD);
  g_assert_cmpstr (helder_ics_event_get_description (letter), ==, "Status: In review\nKanalen: Post, Newsroom");
  g_assert_true (helder_ics_event_is_all_day (letter));
  helder_ics_event_get_first_day (letter, &first);
  helder_ics_event_get_last_day (letter, &last);
  g_assert_cmpint (g_date_get_day (&first), ==, 11);
  g_assert_cmpint (g_date_get_day (&last), ==, 18);
  g_assert_cmpint (helder_ics_event_get_status (letter), ==, HELDER_ICS_STATUS_TENTATIVE);
  g_assert_cmpuint (helder_ics_event_get_sequence (letter), ==, 42);
  g_assert_cmpuint (g_strv_length ((GStrv) helder_ics_event_get_categories (letter)), ==, 2);
  g_assert_cmpstr (helder_ics_event_get_categories (letter)[1], ==, "In review  again");

  council = helder_ics_calendar_get_event (back, 1);
  g_assert_false (helder_ics_event_is_all_day (council));
  g_assert_true (g_date_time_equal (helder_ics_event_get_start (council), expected));
  g_assert_cmpint (g_date_time_get_hour (helder_ics_event_get_end (council)), ==, 23);
  g_assert_cmpstr (helder_ics_event_get_location (council), ==, "Raadzaal, Hoofdstraat 115");
  g_assert_false (helder_ics_event_get_transparent (council));

  committee = helder_ics_calendar_get_event (back, 2);
  g_assert_cmpint (g_date_time_get_hour (helder_ics_event_get_start (committee)), ==, 19);
  g_assert_cmpint (g_date_time_get_utc_offset (helder_ics_event_get_start (committee)) / G_TIME_SPAN_HOUR, ==, 2);
  g_assert_null (helder_ics_event_get_end (committee));
}

/* Files from elsewhere: UTC times, floating times, a zone only named,
 * Outlook's Windows names, several calendars. */
static void
test_foreign (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//iBabs//NL\r\n"
    "BEGIN:VEVENT\r\nUID:1@ibabs\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART:20270128T190000Z\r\nDTEND:20270128T220000Z\r\nSUMMARY:Raad\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2@ibabs\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART:20270201T200000\r\nSUMMARY:Commissie\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:3@ibabs\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270301T200000\r\nSUMMARY:Zonder VTIMEZONE\r\n"
    "STATUS:CANCELLED\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:4@ibabs\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;VALUE=DATE:20270401\r\nSUMMARY:Hele dag\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderIcsCalendar) calendar = helder_ics_calendar_parse (text, -1, &error);
  GDateTime *start;
  GDate first, last;

  g_assert_no_error (error);
  g_assert_cmpuint (helder_ics_calendar_get_n_events (calendar), ==, 4);

  start = helder_ics_event_get_start (helder_ics_calendar_get_event (calendar, 0));
  g_assert_cmpint (g_date_time_get_hour (start), ==, 20);
  start = helder_ics_event_get_start (helder_ics_calendar_get_event (calendar, 1));
  g_assert_cmpint (g_date_time_get_hour (start), ==, 20);
  start = helder_ics_event_get_start (helder_ics_calendar_get_event (calendar, 2));
  g_assert_cmpint (g_date_time_get_hour (start), ==, 20);
  g_assert_cmpint (helder_ics_event_get_status (helder_ics_calendar_get_event (calendar, 2)), ==,
                   HELDER_ICS_STATUS_CANCELLED);
  g_assert_true (helder_ics_event_is_all_day (helder_ics_calendar_get_event (calendar, 3)));
  helder_ics_event_get_first_day (helder_ics_calendar_get_event (calendar, 3), &first);
  helder_ics_event_get_last_day (helder_ics_calendar_get_event (calendar, 3), &last);
  g_assert_cmpint (g_date_compare (&first, &last), ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderIcsCalendar) none = helder_ics_calendar_parse ("Dit is geen agenda.", -1, &error);
  static const char no_start[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    "SUMMARY:Zonder begin\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  static const char latin1[] = "BEGIN:VCALENDAR\r\nSUMMARY:caf\xe9\r\nEND:VCALENDAR\r\n";

  g_assert_null (none);
  g_assert_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (helder_ics_calendar_parse (no_start, -1, &error));
  g_assert_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "DTSTART"));
  g_clear_error (&error);

  g_assert_null (helder_ics_calendar_parse (latin1, -1, &error));
  g_assert_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_PARSE);
}

static void
test_uid (void)
{
  g_autofree char *a = helder_ics_uid_for_record ("e28ac182-1494-4a51-bb97-c5130ac6b440");
  g_autofree char *b = helder_ics_uid_for_record ("e28ac182-1494-4a51-bb97-c5130ac6b440");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, "e28ac182-1494-4a51-bb97-c5130ac6b440@helder.hltsamen.nl");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/folding", test_folding);
  g_test_add_func ("/ics/escaping", test_escaping);
  g_test_add_func ("/ics/structure", test_structure);
  g_test_add_func ("/ics/libical-reads-it", test_libical_reads_it);
  g_test_add_func ("/ics/round-trip", test_round_trip);
  g_test_add_func ("/ics/foreign", test_foreign);
  g_test_add_func ("/ics/errors", test_errors);
  g_test_add_func ("/ics/uid", test_uid);
  return g_test_run ();
}
