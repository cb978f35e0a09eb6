/* test-signals.c: the person-data check on signals, saving them, their counts; no display
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-example-data.h"
#include "plan/helder-plan-signals.h"

/* Each case: a text, and the parts that must be marked ("" for none),
 * separated by "|", with the kind of the first. */
typedef struct
{
  const char *text;
  const char *marked;
  int         kind;     /* of the first part; -1 for none */
} Case;

#define NONE (-1)
#define E HELDER_PERSON_DATA_EMAIL
#define P HELDER_PERSON_DATA_PHONE
#define B HELDER_PERSON_DATA_BSN
#define A HELDER_PERSON_DATA_ADDRESS

static const Case cases[] = {
  /* E-mail addresses */
  { "Bewoner mailde vanaf j.de.vries@ziggo.nl over de bomen.", "j.de.vries@ziggo.nl", E },
  { "Mail naar info@hillegom.nl.", "info@hillegom.nl", E },
  { "Contact: Anne-Marie.O'Brien+fixi@mail.example.co.uk, graag reactie", "Anne-Marie.O'Brien+fixi@mail.example.co.uk", E },
  { "Vraag via e-mail (geen adres genoemd) over @gemeentehillegom op X.", "", NONE },
  { "Wie@ is hier", "", NONE },
  /* Phone numbers, in their usual forms */
  { "Terugbellen op 06-12345678 graag.", "06-12345678", P },
  { "Bel 06 12345678 of 0612345678", "06 12345678|0612345678", P },
  { "Mobiel: 06 - 1234 5678.", "06 - 1234 5678", P },
  { "06-12 34 56 78 belde drie keer", "06-12 34 56 78", P },
  { "Nummer +31 6 12345678 heeft gebeld", "+31 6 12345678", P },
  { "Nummer +31612345678.", "+31612345678", P },
  { "Bel +31 (0)6 1234 5678", "+31 (0)6 1234 5678", P },
  { "Bereikbaar via 0031 6 12345678", "0031 6 12345678", P },
  { "Vaste lijn 0252-123456 (na 17 uur)", "0252-123456", P },
  { "Vaste lijn (0252) 123456", "(0252) 123456", P },
  { "Leiden: 071 512 3456, Amsterdam: 020-1234567", "071 512 3456|020-1234567", P },
  { "Zaak 2026 0612345678 is bekend", "0612345678", P },
  { "Mobiel +31(0)612345678", "+31(0)612345678", P },
  { "Gebeld door 0252 78 90 12 vanmiddag", "0252 78 90 12", P },
  /* BSN-shaped numbers that pass the eleven-proof */
  { "Inwoner met nummer 111222333 vroeg om uitstel.", "111222333", B },
  { "BSN 123456782 stond in de mail", "123456782", B },
  { "Zijn burgerservicenummer: 123.456.782", "123.456.782", B },
  { "bsn 12345678", "12345678", B },
  /* Postcodes with a house number */
  { "Overlast bij 2181 AB 12 al weken.", "2181 AB 12", A },
  { "Adres 2181AB, nr 12 meldt lekkage", "2181AB, nr 12", A },
  { "Melding over 2182 CD 7a", "2182 CD 7a", A },
  { "Klacht van Hoofdstraat 12, 2181 AB Hillegom", "12, 2181 AB", A },
  { "Op 2181ab 3 staat afval", "2181ab 3", A },
  /* Several at once, each marked */
  { "Mevrouw (06-98765432, a.b@c.nl) op 2181 AB 12", "06-98765432|a.b@c.nl|2181 AB 12", P },

  /* Not a person's: dates, times, amounts, case numbers, the organisation */
  { "Sinds 2026-11-09 veertien meldingen.", "", NONE },
  { "Op 09-11-2026 om 10.30 uur kwamen 40 mensen.", "", NONE },
  { "Spreekuur 09.00-12.00 op 01-02-2026 12 plekken", "", NONE },
  { "Bel 14 0252 voor vragen.", "", NONE },
  { "Infolijn 0800-1234567 en 0900-8844 (politie)", "", NONE },
  { "Kosten € 123.456.782 voor de sporthal", "", NONE },
  { "Begroting 123456782 euro", "", NONE },
  { "Bedrag van € 1.250,00 per woning", "", NONE },
  { "Zaak Z-2026-012345 loopt nog", "", NONE },
  { "Zaaknummer 123456782 is doorgezet", "", NONE },
  { "Kenmerk: 111222333", "", NONE },
  { "Fixi-melding 123456782 afgehandeld", "", NONE },
  { "In wijk 2181 AB wonen 1200 mensen", "", NONE },
  { "In 4000 in 12 wijken", "", NONE },
  { "Het getal 123456789 haalt de elfproef niet", "", NONE },
  { "KvK 12345678 en 20261109", "", NONE },
  { "Ruim 22.000 inwoners, 3.000 tot 5.000 niet digitaal", "", NONE },
  { "Week 46: 14 meldingen, 12% meer", "", NONE },
  { "Huisnummers 2 tot 40 in de Weeresteinstraat, vanaf 14:30 uur", "", NONE },
  { "Van 2181 AB tot 2182 CD, postcode 2181", "", NONE },
  { "Onvolledig nummer 06-1234567 genoemd", "", NONE },
  { "", "", NONE },
};

static void
check_case (const Case *c)
{
  g_autoptr(GArray) found = helder_person_data_find (c->text);
  g_auto(GStrv) expected = *c->marked ? g_strsplit (c->marked, "|", -1) : g_new0 (char *, 1);
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      HelderPersonData *data = &g_array_index (found, HelderPersonData, i);
      const char *start = g_utf8_offset_to_pointer (c->text, data->start);
      const char *end = g_utf8_offset_to_pointer (c->text, data->end);

      if (i > 0)
        g_string_append_c (got, '|');
      g_string_append_len (got, start, end - start);
    }
  if (g_strcmp0 (got->str, c->marked) != 0)
    {
      g_test_fail_printf ("“%s”: marked “%s”, expected “%s”", c->text, got->str, c->marked);
      return;
    }
  g_assert_cmpuint (found->len, ==, g_strv_length (expected));
  if (c->kind != NONE)
    g_assert_cmpint (g_array_index (found, HelderPersonData, 0).kind, ==, c->kind);
}

/* At least twenty cases either way, each a test of its own so a failure
 * names its text. */
static void
test_case (gconstpointer data)
{
  check_case (data);
}

/* Offsets count characters, not bytes: the marks land right in a text
 * with accents before them. */
static void
test_offsets_in_characters (void)
{
  const char *text = "Café één: bel 06-12345678";
  g_autoptr(GArray) found = helder_person_data_find (text);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (g_array_index (found, HelderPersonData, 0).start, ==, 14);
  g_assert_cmpuint (g_array_index (found, HelderPersonData, 0).end, ==, 25);
  g_clear_pointer (&found, g_array_unref);
  found = helder_person_data_find ("\xff\xfe niet geldig 06-12345678");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_eleven_proof (void)
{
  g_assert_true (helder_bsn_eleven_proof ("111222333"));
  g_assert_true (helder_bsn_eleven_proof ("123456782"));
  g_assert_true (helder_bsn_eleven_proof ("12345672"));    /* 012345672 */
  g_assert_false (helder_bsn_eleven_proof ("12345678"));
  g_assert_false (helder_bsn_eleven_proof ("123456789"));
  g_assert_false (helder_bsn_eleven_proof ("000000000"));
  g_assert_false (helder_bsn_eleven_proof ("12345"));
  g_assert_false (helder_bsn_eleven_proof ("12345678a"));
}

static void
test_describe (void)
{
  const char *text = "Bel 06-12345678 of mail a@b.nl of 0612345678";
  g_autoptr(GArray) found = helder_person_data_find (text);
  g_autofree char *message = helder_person_data_describe (text, found);

  g_assert_cmpuint (found->len, ==, 3);
  /* each kind once, in a list */
  g_assert_nonnull (strstr (message, "an e-mail address and a phone number"));
  g_assert_null (strstr (message, "phone number, a phone"));
}

static void
test_iso_week (void)
{
  g_autofree char *a = helder_signal_iso_week ("2026-11-09");
  g_autofree char *b = helder_signal_iso_week ("2027-01-01");   /* a Friday: week 53 of 2026 */
  g_autofree char *c = helder_signal_iso_week ("2024-12-30T10:00:00Z");   /* week 1 of 2025 */
  g_autofree char *d = helder_signal_iso_week ("gisteren");

  g_assert_cmpstr (a, ==, "2026-W46");
  g_assert_cmpstr (b, ==, "2026-W53");
  g_assert_cmpstr (c, ==, "2025-W01");
  g_assert_null (d);
}

static void
test_parse_date (void)
{
  static const struct { const char *text, *expected; } dates[] = {
    { "2-12-2026", "2026-12-02" }, { "02-12-2026", "2026-12-02" }, { "2026-12-02", "2026-12-02" },
    { "2/12", "2026-12-02" }, { "2.12.2026", "2026-12-02" }, { " vandaag ", "2026-12-03" },
    { "Gisteren", "2026-12-02" }, { "31-2-2026", NULL }, { "morgen", NULL }, { "", NULL },
    { "2-12-2026x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = helder_signal_parse_date (dates[i].text, "2026-12-03");

      g_assert_cmpstr (date, ==, dates[i].expected);
    }
}

static HelderRecord *
signal_of (const char *topic,
           const char *channel,
           const char *date)
{
  HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);

  g_object_set (signal, "topic", topic, "channel", channel, "date", date, "text", "x", NULL);
  return signal;
}

static void
test_counts (void)
{
  g_autoptr(GListStore) signals = g_list_store_new (HELDER_TYPE_RECORD);
  g_autoptr(HelderRecord) gone = signal_of ("t", "Fixi", "2026-11-10");
  g_auto(HelderSignalCounts) counts = { 0 };
  static const struct { const char *topic, *channel, *date; } rows[] = {
    { "t", "Fixi", "2026-11-09" }, { "t", "Fixi", "2026-11-10" }, { "t", "Webcare", "2026-11-12" },
    { "t", "Telefonie", "2026-11-16" }, { "t", "Fixi", "2026-11-17" }, { "t", "Webcare", "2026-11-03" },
    { "t", NULL, NULL }, { "other", "Fixi", "2026-11-09" },
  };
  HelderSignalCount *c;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HelderRecord) signal = signal_of (rows[i].topic, rows[i].channel, rows[i].date);

      g_list_store_append (signals, signal);
    }
  helder_record_set_deleted (gone, TRUE);
  g_list_store_append (signals, gone);

  helder_signal_counts_collect (&counts, G_LIST_MODEL (signals), "t");
  g_assert_cmpuint (counts.total, ==, 7);
  g_assert_cmpuint (counts.channels->len, ==, 4);
  c = &g_array_index (counts.channels, HelderSignalCount, 0);
  g_assert_cmpstr (c->key, ==, "Fixi");
  g_assert_cmpuint (c->count, ==, 3);
  c = &g_array_index (counts.channels, HelderSignalCount, 1);
  g_assert_cmpstr (c->key, ==, "Webcare");
  g_assert_cmpuint (c->count, ==, 2);
  g_assert_cmpuint (counts.weeks->len, ==, 3);
  c = &g_array_index (counts.weeks, HelderSignalCount, 0);
  g_assert_cmpstr (c->key, ==, "2026-W45");
  g_assert_cmpuint (c->count, ==, 1);
  c = &g_array_index (counts.weeks, HelderSignalCount, 1);
  g_assert_cmpstr (c->key, ==, "2026-W46");
  g_assert_cmpuint (c->count, ==, 3);
  c = &g_array_index (counts.weeks, HelderSignalCount, 2);
  g_assert_cmpstr (c->key, ==, "2026-W47");
  g_assert_cmpuint (c->count, ==, 2);

  /* The last four weeks to 2026-11-20, with the empty one */
  {
    g_autoptr(GArray) series = helder_signal_week_series (&counts, "2026-11-20", 4);
    g_autofree char *label = helder_signal_format_week ("2026-W47");

    g_assert_cmpuint (series->len, ==, 4);
    g_assert_cmpstr (g_array_index (series, HelderSignalCount, 0).key, ==, "2026-W44");
    g_assert_cmpuint (g_array_index (series, HelderSignalCount, 0).count, ==, 0);
    g_assert_cmpuint (g_array_index (series, HelderSignalCount, 2).count, ==, 3);
    g_assert_cmpstr (g_array_index (series, HelderSignalCount, 3).key, ==, "2026-W47");
    g_assert_cmpuint (g_array_index (series, HelderSignalCount, 3).count, ==, 2);
    g_assert_cmpstr (label, ==, "week 47");
  }

  helder_signal_counts_collect (&counts, G_LIST_MODEL (signals), NULL);
  g_assert_cmpuint (counts.total, ==, 8);
}

/* Saving: checked, refused with the reason, one transaction */
static void
test_add (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-signals-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(HelderStore) store = helder_store_open (path, &error);
  g_autoptr(HelderPlanService) plan = helder_plan_service_new (store, NULL);
  g_autoptr(HelderRecord) topic = helder_service_create (HELDER_SERVICE (plan), HELDER_TYPE_TOPIC, "Zwerfafval", NULL);
  g_autoptr(HelderRecord) fixi = helder_record_new (HELDER_TYPE_CHANNEL);
  g_autoptr(HelderRecord) signal = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *future = g_date_time_format (later, "%Y-%m-%d");
  const char *id = helder_record_get_id (topic);
  g_autofree char *long_text = g_strnfill (HELDER_SIGNAL_TEXT_MAX + 1, 'a');

  g_assert_no_error (error);
  g_object_set (fixi, "name", "Fixi", NULL);
  g_assert_true (helder_store_save (store, fixi, NULL));
  channels = helder_plan_signal_channels (plan);
  g_assert_cmpuint (channels->len, ==, 1);

  signal = helder_plan_signal_add (plan, id, "Fixi", "2026-11-09", "Bel 06-12345678 terug over de containers", &error);
  g_assert_null (signal);
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_PERSON_DATA);
  g_assert_nonnull (strstr (error->message, "phone number"));
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, id, "Twitter", "2026-11-09", "Veel reacties", &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_CHANNEL);
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, "6f0d6c1e-0000-4000-8000-000000000000", "Fixi", "2026-11-09",
                                         "Veel reacties", &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TOPIC);
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, id, "Fixi", future, "Veel reacties", &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE);
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, id, "Fixi", "2026-02-30", "Veel reacties", &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE);
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, id, "Fixi", today, "   ", &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT);
  g_clear_error (&error);
  g_assert_null (helder_plan_signal_add (plan, id, "Fixi", today, long_text, &error));
  g_assert_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT);
  g_clear_error (&error);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_SIGNAL), ==, 0);

  /* With the number removed it saves */
  signal = helder_plan_signal_add (plan, id, "Fixi", today, " Vraag om terugbellen over de containers ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (signal);
  g_assert_cmpstr (helder_record_get_text (signal, "text"), ==, "Vraag om terugbellen over de containers");
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_SIGNAL), ==, 1);

  /* The topic's live log follows */
  {
    g_autoptr(HelderRecordList) log = helder_plan_signals_for_topic (plan, id);
    g_autoptr(HelderRecord) older = helder_plan_signal_add (plan, id, "Fixi", "2026-01-05", "Eerder", &error);
    g_autoptr(HelderRecord) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);
    first = g_list_model_get_item (G_LIST_MODEL (log), 0);
    g_assert_cmpstr (helder_record_get_text (first, "date"), ==, today);
  }

  /* Staff do not log signals: the core refuses */
  {
    g_autoptr(HelderSession) staff = helder_session_new ("fatima", HELDER_SESSION_ROLE_STAFF);
    g_autoptr(HelderPlanService) theirs = helder_plan_service_new (store, staff);

    g_assert_null (helder_plan_signal_add (theirs, id, "Fixi", today, "Vraag", &error));
    g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  g_clear_object (&plan);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

/* The example data's signals hold no person's data, and each is about
 * a topic of the example data, through one of its channels. */
static void
test_example_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-signals-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(HelderStore) store = helder_store_open (path, &error);
  g_autoptr(GListModel) signals = NULL;
  g_autoptr(HelderPlanService) plan = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  guint n;

  g_assert_no_error (error);
  g_assert_true (helder_example_data_load (store, &error));
  g_assert_no_error (error);
  plan = helder_plan_service_new (store, NULL);
  channels = helder_plan_signal_channels (plan);
  /* Where signals come in, first */
  g_assert_cmpstr (channels->pdata[0], ==, "Webcare");
  g_assert_cmpstr (channels->pdata[1], ==, "Fixi");
  g_assert_cmpstr (channels->pdata[3], ==, "Telefonie");
  signals = helder_store_list (store, HELDER_TYPE_SIGNAL, NULL);
  n = g_list_model_get_n_items (signals);
  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) signal = g_list_model_get_item (signals, i);
      g_autoptr(GArray) found = helder_person_data_find (helder_record_get_text (signal, "text"));
      g_autoptr(HelderRecord) topic = helder_store_load (store, HELDER_TYPE_TOPIC,
                                                         helder_record_get_text (signal, "topic"), NULL);

      if (found->len > 0)
        g_error ("Example signal with person data: %s", helder_record_get_text (signal, "text"));
      g_assert_nonnull (topic);
      g_assert_true (g_ptr_array_find_with_equal_func (channels, helder_record_get_text (signal, "channel"),
                                                       g_str_equal, NULL));
    }
  g_clear_object (&plan);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  guint n_with = 0, n_without = 0;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/signals/person-data/%s/%u",
                                               cases[i].kind == NONE ? "none" : "found", i);

      if (cases[i].kind == NONE)
        n_without++;
      else
        n_with++;
      g_test_add_data_func (name, &cases[i], test_case);
    }
  g_assert_cmpuint (n_with, >=, 20);
  g_assert_cmpuint (n_without, >=, 15);
  g_test_add_func ("/signals/offsets-in-characters", test_offsets_in_characters);
  g_test_add_func ("/signals/eleven-proof", test_eleven_proof);
  g_test_add_func ("/signals/describe", test_describe);
  g_test_add_func ("/signals/iso-week", test_iso_week);
  g_test_add_func ("/signals/counts", test_counts);
  g_test_add_func ("/signals/parse-date", test_parse_date);
  g_test_add_func ("/signals/add", test_add);
  g_test_add_func ("/signals/example-data", test_example_data);
  return g_test_run ();
}
