/* test-exchange.c: the planner's calendar as iCalendar, read back with libical
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "plan/helder-plan-exchange.h"

static GPtrArray *
records (HelderRecord *first,
         ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (HelderRecord *r = first; r != NULL; r = va_arg (args, HelderRecord *))
    g_ptr_array_add (array, r);
  va_end (args);
  return array;
}

static HelderRecord *
message (const char *title,
         const char *status,
         const char *start,
         const char *end)
{
  HelderRecord *m = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (m, "title", title, "status", status, "window-start", start, "window-end", end,
                "area", "Hoofdstraat, Hillegom-Centrum", NULL);
  return m;
}

static HelderRecord *
works (const char *title,
       const char *start,
       const char *end)
{
  HelderRecord *w = helder_record_new (HELDER_TYPE_WORKS);
  const char *streets[] = { "Mariastraat", NULL };

  g_object_set (w, "title", title, "start-date", start, "end-date", end, "location", "Hoofdstraat",
                "streets", streets, "wijk", "Hillegom-Centrum", "contact", "Dunea; omgevingsmanager",
                "description", "Nieuwe waterleiding. Enkele uren geen water per woning, vooraf aangekondigd; "
                               "de Hoofdstraat blijft open voor voetgangers en fietsers, de winkels zijn bereikbaar.",
                NULL);
  return w;
}

static HelderRecord *
meeting (const char *title,
         const char *starts)
{
  HelderRecord *m = helder_record_new (HELDER_TYPE_COUNCIL_MEETING);

  g_object_set (m, "title", title, "starts-at", starts, "place", "Raadzaal, Hoofdstraat 115",
                "agenda", "[{\"title\": \"Afvalbeleid\"}, {\"title\": \"Begroting 2027\"}]", NULL);
  return m;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

static void
test_calendar (void)
{
  g_autoptr(GPtrArray) messages = records (message ("Bewonersbrief waterleiding, fase 2; Hoofdstraat", "approved",
                                                    "2026-12-07", "2026-12-11"),
                                           message ("Idee zonder datum", "idea", NULL, NULL),
                                           message ("Campagne afval", "draft", "2027-01-04", NULL), NULL);
  g_autoptr(GPtrArray) list = records (works ("Vervangen waterleiding Hoofdstraat", "2027-01-11", "2027-02-19"),
                                       works ("Nog niet gepland", NULL, NULL), NULL);
  g_autoptr(GPtrArray) meetings = records (meeting ("Raadsvergadering", "2026-12-17T20:00:00+01:00"), NULL);
  g_autoptr(HelderIcsCalendar) calendar = helder_plan_calendar_ics (messages, list, meetings, 14);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
  g_autofree char *text = helder_ics_calendar_to_string (calendar, now);
  g_autofree char *uid_letter = helder_ics_uid_for_record (helder_record_get_id (messages->pdata[0]));
  g_autofree char *uid_works = helder_ics_uid_for_record (helder_record_get_id (list->pdata[0]));
  g_autofree char *uid_meeting = helder_ics_uid_for_record (helder_record_get_id (meetings->pdata[0]));
  g_autofree char *again = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *root, *event;
  struct icaltimetype start, end;
  guint n = 0;

  /* no date, no event */
  g_assert_cmpuint (helder_ics_calendar_get_n_events (calendar), ==, 4);

  /* RFC 5545: CRLF, lines of at most 75 octets */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <=, 75);
  g_assert_nonnull (strstr (text, "SUMMARY:Bewonersbrief waterleiding\\, fase 2\\; Hoofdstraat"));

  root = icalparser_parse_string (text);
  g_assert_nonnull (root);
  for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    n++;
  g_assert_cmpuint (n, ==, 4);

  event = find_event (root, uid_letter);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Bewonersbrief waterleiding, fase 2; Hoofdstraat");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Hoofdstraat, Hillegom-Centrum");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (start.is_date);
  g_assert_cmpint (start.day, ==, 7);
  /* the end is exclusive: the day after the last */
  g_assert_cmpint (end.day, ==, 12);

  event = find_event (root, uid_works);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Hoofdstraat, Mariastraat, Hillegom-Centrum");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Enkele uren geen water per woning"));
  /* 14 days before Monday 11 January: Monday 28 December */
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Residents told by 28 December 2026."));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Dunea; omgevingsmanager"));
  end = icalcomponent_get_dtend (event);
  g_assert_cmpint (end.month, ==, 2);
  g_assert_cmpint (end.day, ==, 20);

  event = find_event (root, uid_meeting);
  g_assert_nonnull (event);
  start = icalcomponent_get_dtstart (event);
  g_assert_false (start.is_date);
  g_assert_cmpint (start.hour, ==, 20);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "- Begroting 2027"));
  icalcomponent_free (root);

  /* the same records give the same UIDs: calendars update in place */
  {
    g_autoptr(HelderIcsCalendar) second = helder_plan_calendar_ics (messages, list, meetings, 14);

    again = helder_ics_calendar_to_string (second, now);
    g_assert_cmpstr (again, ==, text);
  }
}

/* Messages to CSV and back: every field, the links by their names */
static void
test_messages_csv (void)
{
  g_autoptr(GPtrArray) messages = records (message ("Bewonersbrief; \"fase 2\"", "approved", "2026-12-07", "2026-12-11"),
                                           message ("=SOM(A1) is geen formule", "idea", NULL, NULL), NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *audiences[] = { "a-omw", "a-ond", NULL };
  const char *works[] = { "w-1", NULL };
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  g_hash_table_insert (names, "a-omw", "Omwonenden van werkzaamheden");
  g_hash_table_insert (names, "a-ond", "Ondernemers");
  g_hash_table_insert (names, "c-brief", "Post");
  g_hash_table_insert (names, "w-1", "Vervangen waterleiding Hoofdstraat");
  g_hash_table_insert (names, "t-1", "Zwerfafval");
  {
    GHashTableIter iter;
    gpointer k, v;

    g_hash_table_iter_init (&iter, names);
    while (g_hash_table_iter_next (&iter, &k, &v))
      g_hash_table_insert (ids, v, k);
  }
  g_object_set (messages->pdata[0], "audiences", audiences, "works", works, "topic", "t-1", "urgency", 2,
                "legal-effect", TRUE, "deadline", "2027-01-15", "two-way", TRUE, "approver", "Ingrid Verhoeven",
                "author", "jbakker", "channels", "[{\"channel\": \"c-brief\", \"reason\": \"Brief aan huis\"}]",
                NULL);

  csv = helder_plan_messages_csv (messages, names);
  data = g_bytes_get_data (csv, &length);
  /* a byte order mark, so Excel reads UTF-8; semicolons */
  g_assert_true (memcmp (data, "\xEF\xBB\xBF", 3) == 0);
  g_assert_nonnull (g_strstr_len (data, length, "Omwonenden van werkzaamheden; Ondernemers"));
  g_assert_nonnull (g_strstr_len (data, length, "'=SOM(A1)"));

  back = helder_plan_messages_csv_read (data, length, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      HelderRecord *a = messages->pdata[i], *b = back->pdata[i];
      const char *same[] = { "title", "status", "window_start", "window_end", "area", "topic", "deadline",
                             "approver", "author" };

      g_assert_cmpstr (helder_record_get_id (a), ==, helder_record_get_id (b));
      for (guint f = 0; f < G_N_ELEMENTS (same); f++)
        g_assert_cmpstr (helder_record_get_text (a, same[f]), ==, helder_record_get_text (b, same[f]));
      g_assert_cmpint (helder_record_get_bool (a, "legal_effect"), ==, helder_record_get_bool (b, "legal_effect"));
      g_assert_cmpint (helder_record_get_bool (a, "two_way"), ==, helder_record_get_bool (b, "two_way"));
    }
  g_assert_cmpint (helder_record_get_int (back->pdata[0], "urgency"), ==, 2);
  g_assert_cmpstrv (helder_record_get_list (back->pdata[0], "audiences"), audiences);
  g_assert_cmpstrv (helder_record_get_list (back->pdata[0], "works"), works);
  g_assert_cmpstr (helder_record_get_text (back->pdata[0], "channels"), ==, "[{\"channel\":\"c-brief\"}]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/calendar", test_calendar);
  g_test_add_func ("/exchange/messages-csv", test_messages_csv);

  return g_test_run ();
}
