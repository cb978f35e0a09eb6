/* test-pressure.c: contact pressure per audience and ISO week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "channels-fixture.h"
#include "channels/helder-contact-pressure.h"
#include "plan/helder-plan-messages.h"

static GListStore *messages;
static HelderChannelSettings *settings;
static guint serial;

static HelderRecord *
add_message (const char *title,
             const char *date,
             const char *audiences,
             const char *areas,
             int         urgency,
             gboolean    legal_effect)
{
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", ++serial);
  g_auto(GStrv) ids = fixture_audience_ids (settings, audiences);
  g_auto(GStrv) area_list = g_strsplit (areas ? areas : "", ",", -1);

  helder_record_set_id (message, id);
  g_object_set (message, "title", title, "window-start", date, "audiences", ids,
                "areas", areas ? area_list : NULL, "urgency", urgency ? urgency : 1,
                "legal-effect", legal_effect, NULL);
  g_list_store_append (messages, message);
  return message;
}

static void
setup (void)
{
  g_clear_object (&messages);
  g_clear_pointer (&settings, helder_channel_settings_unref);
  messages = g_list_store_new (HELDER_TYPE_MESSAGE);
  settings = fixture_default_settings ();
}

static int
aud (const char *key)
{
  return helder_channel_settings_find_audience (settings, key);
}

static void
cell (HelderContactPressure *p,
      const char            *date,
      const char            *audience,
      HelderPressureCell    *out)
{
  helder_contact_pressure_get_cell (p, helder_week_from_date (date), aud (audience), out);
}

/* ISO weeks: year boundaries, week 53, Mondays. */
static void
test_weeks (void)
{
  struct {
    const char *date;
    int year, week;
    const char *monday;
  } cases[] = {
    { "2026-12-31", 2026, 53, "2026-12-28" },   /* 2026 has 53 weeks */
    { "2027-01-03", 2026, 53, "2026-12-28" },   /* a Sunday, still week 53 */
    { "2027-01-04", 2027, 1, "2027-01-04" },
    { "2024-12-30", 2025, 1, "2024-12-30" },    /* Monday of week 1 of 2025 */
    { "2021-01-03", 2020, 53, "2020-12-28" },
    { "2021-01-04", 2021, 1, "2021-01-04" },
    { "2027-03-29", 2027, 13, "2027-03-29" },
    { "2028-02-29", 2028, 9, "2028-02-28" },    /* a leap day */
    { "2027-12-31", 2027, 52, "2027-12-27" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HelderWeek week = helder_week_from_date (cases[i].date);
      g_autofree char *monday = helder_week_to_date (week);
      int year, number;

      helder_week_get_iso (week, &year, &number);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpint (number, ==, cases[i].week);
      g_assert_cmpstr (monday, ==, cases[i].monday);
    }
  g_assert_cmpuint (helder_week_from_date ("2027-01-04") - helder_week_from_date ("2026-12-28"), ==, 7);
  g_assert_cmpuint (helder_week_from_date (NULL), ==, 0);
  g_assert_cmpuint (helder_week_from_date ("soon"), ==, 0);
  g_assert_cmpuint (helder_week_from_date ("2027-02-30"), ==, 0);
}

/* Date-times count on their local day, across daylight saving changes
 * (TZ is Europe/Amsterdam in this test). */
static void
test_daylight_saving (void)
{
  struct {
    const char *when;
    const char *monday;
  } cases[] = {
    /* Summer time starts on Sunday 28 March 2027 at 02:00 */
    { "2027-03-28T01:30:00+01:00", "2027-03-22" },
    { "2027-03-28T23:30:00+02:00", "2027-03-22" },
    { "2027-03-28T22:30:00Z", "2027-03-29" },     /* 00:30 on Monday, local */
    /* Winter time starts on Sunday 31 October 2027 at 03:00 */
    { "2027-10-31T02:30:00+02:00", "2027-10-25" },
    { "2027-10-31T02:30:00+01:00", "2027-10-25" },
    { "2027-10-31T23:30:00Z", "2027-11-01" },     /* 00:30 on Monday, CET */
    { "2026-12-31T23:30:00Z", "2026-12-28" },     /* New Year's night: week 53 */
    { "2027-01-03T23:30:00Z", "2027-01-04" },     /* Monday 00:30: week 1 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *monday = helder_week_to_date (helder_week_from_date (cases[i].when));

      g_assert_cmpstr (monday, ==, cases[i].monday);
    }
}

/* Two a week is the default budget; the third goes over. */
static void
test_budget (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  HelderPressureCell c;

  setup ();
  add_message ("Afvalkalender", "2027-01-11", "inwoners", NULL, 1, FALSE);
  add_message ("Woonvisie", "2027-01-13", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  cell (p, "2027-01-11", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 2);
  g_assert_cmpuint (c.budget, ==, 2);
  g_assert_false (c.over);
  g_assert_cmpuint (helder_contact_pressure_count_over (p), ==, 0);
  g_clear_pointer (&p, helder_contact_pressure_free);

  add_message ("Kerstbomen", "2027-01-17", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  cell (p, "2027-01-11", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 3);
  g_assert_true (c.over);
  /* the 65+ are residents too: over as well */
  cell (p, "2027-01-11", "ouderen", &c);
  g_assert_true (c.over);
  /* the week after is empty */
  cell (p, "2027-01-18", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 0);
  g_assert_cmpuint (helder_week_from_date ("2027-01-11"), ==, helder_contact_pressure_get_first (p));
}

/* A message to a segment does not land on the whole audience. */
static void
test_segments (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  HelderPressureCell c;

  setup ();
  add_message ("Ouderenmiddag", "2027-02-01", "ouderen", NULL, 1, FALSE);
  add_message ("Valpreventie", "2027-02-02", "ouderen", NULL, 1, FALSE);
  add_message ("Nieuwsbrief", "2027-02-03", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  cell (p, "2027-02-01", "ouderen", &c);
  g_assert_cmpuint (c.count, ==, 3);
  g_assert_true (c.over);
  cell (p, "2027-02-01", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 1);
  cell (p, "2027-02-01", "jongeren", &c);
  g_assert_cmpuint (c.count, ==, 1);
  cell (p, "2027-02-01", "ondernemers", &c);
  g_assert_cmpuint (c.count, ==, 0);
}

/* Urgent, crisis and legally required messages count, never over. */
static void
test_exempt (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  HelderPressureCell c;

  setup ();
  add_message ("A", "2027-03-01", "inwoners", NULL, 1, FALSE);
  add_message ("B", "2027-03-02", "inwoners", NULL, 1, FALSE);
  add_message ("Storing", "2027-03-03", "inwoners", NULL, 3, FALSE);
  add_message ("Verkeersbesluit", "2027-03-04", "inwoners", NULL, 1, TRUE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  cell (p, "2027-03-01", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 4);
  g_assert_cmpuint (c.exempt, ==, 2);
  g_assert_false (c.over);
}

/* Areas: a resident gets everyone's messages plus those of their area;
 * a wijk's message lands on its streets. */
static void
test_areas (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  g_autoptr(GListStore) areas = g_list_store_new (HELDER_TYPE_AREA);
  g_autoptr(HelderRecord) wijk = helder_record_new (HELDER_TYPE_AREA);
  g_autoptr(HelderRecord) street = helder_record_new (HELDER_TYPE_AREA);
  const char *wijk_id = "00000000-0000-4000-8000-aaaaaaaaaaa1";
  const char *street_id = "00000000-0000-4000-8000-aaaaaaaaaaa2";
  const char *other_id = "00000000-0000-4000-8000-aaaaaaaaaaa3";
  HelderPressureCell c;

  setup ();
  helder_record_set_id (wijk, wijk_id);
  g_object_set (wijk, "name", "Patrimonium", "kind", "wijk", NULL);
  helder_record_set_id (street, street_id);
  g_object_set (street, "name", "Pastoor van Leeuwenstraat", "kind", "straat", "parent", wijk_id, NULL);
  g_list_store_append (areas, wijk);
  g_list_store_append (areas, street);

  add_message ("Riolering", "2027-01-11", "omwonenden", street_id, 1, FALSE);
  add_message ("Afval Patrimonium", "2027-01-12", "inwoners", wijk_id, 1, FALSE);
  add_message ("Glasvezel elders", "2027-01-12", "inwoners", other_id, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), G_LIST_MODEL (areas));
  /* the street's neighbours get the street's and the wijk's message */
  cell (p, "2027-01-11", "omwonenden", &c);
  g_assert_cmpuint (c.count, ==, 2);
  g_assert_false (c.over);
  /* all residents: the busiest one area, not the sum of all areas */
  cell (p, "2027-01-11", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 1);
  g_clear_pointer (&p, helder_contact_pressure_free);

  add_message ("Nieuwsbrief", "2027-01-14", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), G_LIST_MODEL (areas));
  cell (p, "2027-01-11", "omwonenden", &c);
  g_assert_cmpuint (c.count, ==, 3);
  g_assert_true (c.over);
  cell (p, "2027-01-11", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 2);
  g_assert_false (c.over);
}

/* A new message that goes over: the collisions, a free week, bundling. */
static void
test_check (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  g_autoptr(HelderRecord) extra = NULL;
  g_auto(HelderPressureCheck) check = { 0 };
  HelderRecord *afval;
  g_autofree char *text = NULL;
  g_autofree char *free_week = NULL;
  HelderWeek week = helder_week_from_date ("2026-12-28");

  setup ();
  afval = add_message ("Afvalkalender 2027", "2026-12-28", "inwoners", NULL, 1, FALSE);
  add_message ("Kerstbomen", "2026-12-30", "inwoners,jongeren", NULL, 1, FALSE);
  add_message ("Vuurwerk", "2026-12-31", "jongeren", NULL, 3, FALSE);
  /* the next week is full too */
  add_message ("Nieuwjaarsreceptie", "2027-01-04", "inwoners", NULL, 1, FALSE);
  add_message ("Hondenbelasting", "2027-01-05", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);

  extra = helder_record_new (HELDER_TYPE_MESSAGE);
  helder_record_set_id (extra, "00000000-0000-4000-8000-bbbbbbbbbbbb");
  {
    g_auto(GStrv) ids = fixture_audience_ids (settings, "inwoners");

    g_object_set (extra, "title", "Openingstijden feestdagen", "audiences", ids, "urgency", 1, NULL);
  }
  helder_contact_pressure_check (p, extra, week, 0, &check);
  g_assert_cmpuint (check.over->len, >, 0);
  g_assert_cmpuint (g_array_index (check.over, HelderPressureOver, 0).count, ==, 3);
  g_assert_cmpuint (g_array_index (check.over, HelderPressureOver, 0).collisions->len, ==, 2);
  /* week 1 of 2027 is full, week 52 of 2026 is free: the nearest, earlier */
  free_week = helder_week_to_date (check.free_week);
  g_assert_cmpstr (free_week, ==, "2026-12-21");
  g_assert_true (check.bundle_with == afval || g_strcmp0 (helder_record_get_title (check.bundle_with), "Kerstbomen") == 0);
  text = helder_pressure_check_describe (p, &check);
  g_assert_nonnull (strstr (text, "Kerstbomen"));
  g_assert_nonnull (strstr (text, "Afvalkalender 2027"));
  helder_pressure_check_clear (&check);

  /* not before this week: later, week 2 of 2027 */
  helder_contact_pressure_check (p, extra, week, week, &check);
  g_clear_pointer (&free_week, g_free);
  free_week = helder_week_to_date (check.free_week);
  g_assert_cmpstr (free_week, ==, "2027-01-11");
  helder_pressure_check_clear (&check);

  /* a planned message is not counted twice: moving Kerstbomen within its week fits */
  helder_contact_pressure_check (p, g_list_model_get_item (G_LIST_MODEL (messages), 1), week, 0, &check);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (messages), 1));
  g_assert_cmpuint (check.over->len, ==, 0);
  g_assert_null (helder_pressure_check_describe (p, &check));
  helder_pressure_check_clear (&check);

  /* urgent ones never go over */
  g_object_set (extra, "urgency", 3, NULL);
  helder_contact_pressure_check (p, extra, week, 0, &check);
  g_assert_true (check.exempt);
  g_assert_cmpuint (check.over->len, ==, 0);
}

/* The channels chosen per week, for the capacity of each. */
static void
test_channel_load (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  g_autofree guint *load = NULL;
  HelderRecord *a, *b;
  int website, krant;
  g_autofree char *json = NULL;

  setup ();
  load = g_new0 (guint, helder_channel_settings_get_n_channels (settings));
  website = helder_channel_settings_find_channel (settings, "website");
  krant = helder_channel_settings_find_channel (settings, "lokale-krant");
  json = g_strdup_printf ("[{\"channel\": \"%s\"}, {\"channel\": \"%s\"}]",
                          helder_channel_settings_get_channel (settings, website)->id,
                          helder_channel_settings_get_channel (settings, krant)->id);
  a = add_message ("A", "2027-05-03", "inwoners", NULL, 1, FALSE);
  b = add_message ("B", "2027-05-04", "jongeren", NULL, 1, FALSE);
  g_object_set (a, "channels", json, NULL);
  g_object_set (b, "channels", json, NULL);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  helder_contact_pressure_channel_load (p, helder_week_from_date ("2027-05-05"), NULL, load);
  g_assert_cmpuint (load[website], ==, 2);
  g_assert_cmpuint (load[krant], ==, 2);
  helder_contact_pressure_channel_load (p, helder_week_from_date ("2027-05-05"), helder_record_get_id (a), load);
  g_assert_cmpuint (load[website], ==, 1);
  helder_contact_pressure_channel_load (p, helder_week_from_date ("2027-05-12"), NULL, load);
  g_assert_cmpuint (load[website], ==, 0);
}

/* Across a year boundary the weeks run on: 52, 53, 1. */
static void
test_year_boundary (void)
{
  g_autoptr(HelderContactPressure) p = NULL;
  HelderPressureCell c;

  setup ();
  add_message ("A", "2026-12-21", "inwoners", NULL, 1, FALSE);
  add_message ("B", "2026-12-28", "inwoners", NULL, 1, FALSE);
  add_message ("C", "2027-01-01", "inwoners", NULL, 1, FALSE);
  add_message ("D", "2027-01-03", "inwoners", NULL, 1, FALSE);
  add_message ("E", "2027-01-04", "inwoners", NULL, 1, FALSE);
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), NULL);
  g_assert_cmpuint (helder_contact_pressure_get_last (p) - helder_contact_pressure_get_first (p), ==, 14);
  cell (p, "2026-12-31", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 3);
  g_assert_true (c.over);
  cell (p, "2027-01-05", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 1);
  cell (p, "2026-12-24", "inwoners", &c);
  g_assert_cmpuint (c.count, ==, 1);
}

/* Following changes one message at a time gives what counting every
 * message anew gives: moves within and across weeks (and years), edits
 * of audiences, areas and urgency, deletions and new messages. */
static void
assert_same_pressure (HelderContactPressure *a,
                      HelderContactPressure *b)
{
  guint n_audiences = helder_channel_settings_get_n_audiences (settings);
  guint n_channels = helder_channel_settings_get_n_channels (settings);
  g_autofree guint *load_a = g_new0 (guint, n_channels);
  g_autofree guint *load_b = g_new0 (guint, n_channels);

  g_assert_cmpuint (helder_contact_pressure_get_first (a), ==, helder_contact_pressure_get_first (b));
  g_assert_cmpuint (helder_contact_pressure_get_last (a), ==, helder_contact_pressure_get_last (b));
  g_assert_cmpuint (helder_contact_pressure_count_over (a), ==, helder_contact_pressure_count_over (b));
  for (HelderWeek week = helder_contact_pressure_get_first (b); week != 0 && week <= helder_contact_pressure_get_last (b);
       week += 7)
    {
      helder_contact_pressure_channel_load (a, week, NULL, load_a);
      helder_contact_pressure_channel_load (b, week, NULL, load_b);
      g_assert_cmpmem (load_a, n_channels * sizeof (guint), load_b, n_channels * sizeof (guint));
      for (guint audience = 0; audience < n_audiences; audience++)
        {
          g_autoptr(GPtrArray) in_a = helder_contact_pressure_messages_in (a, week, audience);
          g_autoptr(GPtrArray) in_b = helder_contact_pressure_messages_in (b, week, audience);
          HelderPressureCell x, y;

          helder_contact_pressure_get_cell (a, week, audience, &x);
          helder_contact_pressure_get_cell (b, week, audience, &y);
          g_assert_cmpuint (x.count, ==, y.count);
          g_assert_cmpuint (x.exempt, ==, y.exempt);
          g_assert_cmpint (x.over, ==, y.over);
          g_assert_cmpuint (in_a->len, ==, in_b->len);
          for (guint i = 0; i < in_a->len; i++)
            g_assert_cmpstr (helder_record_get_id (in_a->pdata[i]), ==, helder_record_get_id (in_b->pdata[i]));
        }
    }
}

/* As the store gives an edited record: a new object */
static HelderRecord *
copy_message (HelderRecord *message)
{
  HelderRecord *copy = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(JsonObject) data = helder_record_to_json_data (message);

  helder_record_set_id (copy, helder_record_get_id (message));
  g_assert_true (helder_record_set_from_json_data (copy, data, NULL));
  return copy;
}

static void
test_update (void)
{
  static const char *audiences[] = { "inwoners", "jongeren", "omwonenden", "ondernemers", "inwoners,jongeren" };
  static const char *areas[] = { NULL, NULL, NULL, "00000000-0000-4000-8000-aaaaaaaaaaa1",
                                 "00000000-0000-4000-8000-aaaaaaaaaaa2" };
  g_autoptr(GListStore) area_list = g_list_store_new (HELDER_TYPE_AREA);
  g_autoptr(HelderRecord) wijk = helder_record_new (HELDER_TYPE_AREA);
  g_autoptr(HelderRecord) street = helder_record_new (HELDER_TYPE_AREA);
  g_autoptr(HelderContactPressure) p = NULL;
  GRand *rand = g_rand_new_with_seed (53);
  GDate first;

  setup ();
  helder_record_set_id (wijk, areas[3]);
  g_object_set (wijk, "name", "Centrum", "kind", "wijk", NULL);
  helder_record_set_id (street, areas[4]);
  g_object_set (street, "name", "Hoofdstraat", "kind", "straat", "parent", areas[3], NULL);
  g_list_store_append (area_list, wijk);
  g_list_store_append (area_list, street);
  g_date_clear (&first, 1);
  /* Eight weeks around a year with 53 */
  g_date_set_dmy (&first, 7, 12, 2026);
  for (guint i = 0; i < 60; i++)
    {
      GDate day = first;
      g_autofree char *date = NULL;

      g_date_add_days (&day, g_rand_int_range (rand, 0, 56));
      date = helder_date_to_iso (&day);
      add_message (i % 3 ? "Nieuws" : "Afval", date, audiences[g_rand_int_range (rand, 0, G_N_ELEMENTS (audiences))],
                   areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))], g_rand_int_range (rand, 1, 4),
                   g_rand_int_range (rand, 0, 8) == 0);
    }
  p = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), G_LIST_MODEL (area_list));
  for (guint step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (messages));
      guint which = g_rand_int_range (rand, 0, n);
      g_autoptr(HelderRecord) now = g_list_model_get_item (G_LIST_MODEL (messages), which);
      g_autofree char *id = g_strdup (helder_record_get_id (now));
      g_autoptr(HelderContactPressure) fresh = NULL;
      guint what = g_rand_int_range (rand, 0, 10);

      if (what == 0 && n > 10)
        {
          /* deleted */
          g_list_store_remove (messages, which);
          helder_contact_pressure_update (p, id, NULL);
        }
      else if (what == 1)
        {
          /* a new one */
          GDate day = first;
          g_autofree char *date = NULL;
          HelderRecord *added;

          g_date_add_days (&day, g_rand_int_range (rand, 0, 56));
          date = helder_date_to_iso (&day);
          added = add_message ("Nieuw", date, audiences[g_rand_int_range (rand, 0, G_N_ELEMENTS (audiences))],
                               areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))], 1, FALSE);
          helder_contact_pressure_update (p, helder_record_get_id (added), added);
        }
      else
        {
          /* edited, as the store does: a new record in its place */
          g_autoptr(HelderRecord) edited = copy_message (now);
          GDate day, end;

          /* (one without a date gets one again) */
          if (!helder_message_get_window (now, &day, &end))
            day = first;
          if (what < 7)
            {
              int shift = g_rand_int_range (rand, -9, 10);

              if (shift >= 0)
                g_date_add_days (&day, shift);
              else
                g_date_subtract_days (&day, -shift);
              {
                g_autofree char *date = helder_date_to_iso (&day);

                g_object_set (edited, "window-start", date, NULL);
              }
            }
          else if (what == 7)
            {
              g_auto(GStrv) ids = fixture_audience_ids (settings, audiences[g_rand_int_range (rand, 0, 5)]);

              g_object_set (edited, "audiences", ids, NULL);
            }
          else if (what == 8)
            g_object_set (edited, "urgency", g_rand_int_range (rand, 1, 4), NULL);
          else
            g_object_set (edited, "window-start", NULL, NULL);   /* no date: not counted */
          g_list_store_splice (messages, which, 1, (gpointer *) &edited, 1);
          helder_contact_pressure_update (p, id, edited);
        }
      fresh = helder_contact_pressure_new (settings, G_LIST_MODEL (messages), G_LIST_MODEL (area_list));
      assert_same_pressure (p, fresh);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/channels/pressure/weeks", test_weeks);
  g_test_add_func ("/channels/pressure/daylight-saving", test_daylight_saving);
  g_test_add_func ("/channels/pressure/budget", test_budget);
  g_test_add_func ("/channels/pressure/segments", test_segments);
  g_test_add_func ("/channels/pressure/exempt", test_exempt);
  g_test_add_func ("/channels/pressure/areas", test_areas);
  g_test_add_func ("/channels/pressure/check", test_check);
  g_test_add_func ("/channels/pressure/channel-load", test_channel_load);
  g_test_add_func ("/channels/pressure/year-boundary", test_year_boundary);
  g_test_add_func ("/channels/pressure/update", test_update);
  result = g_test_run ();
  g_clear_object (&messages);
  g_clear_pointer (&settings, helder_channel_settings_unref);
  return result;
}
