/* test-library-index.c: the Bibliotheek's search: Dutch stems, diacritics, ranking, filters, suggestions, keeping in step
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "library/helder-library-index.h"
#include "library-fixture.h"

static HelderLibraryIndex *
open_index (LibraryFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  HelderLibraryIndex *index = helder_library_index_open (fixture->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (index);
  return index;
}

static HelderLibraryResults *
search (HelderLibraryIndex *index,
        const char         *text,
        gboolean            typing)
{
  g_autoptr(HelderLibraryQuery) query = helder_library_query_new (text, typing);
  g_autoptr(GError) error = NULL;
  HelderLibraryResults *results = helder_library_index_search (index, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* Whether searching @text finds the document titled @title */
static gboolean
finds (HelderLibraryIndex *index,
       const char         *text,
       const char         *title)
{
  g_autoptr(HelderLibraryResults) results = search (index, text, FALSE);

  for (guint i = 0; i < helder_library_results_get_n_hits (results); i++)
    if (g_str_equal (helder_library_results_get_hit (results, i)->title, title))
      return TRUE;
  return FALSE;
}

static char *
range_text (const char               *text,
            const HelderLibraryRange *range)
{
  const char *start = g_utf8_offset_to_pointer (text, range->start);
  const char *end = g_utf8_offset_to_pointer (text, range->end);

  return g_strndup (start, end - start);
}

static void
test_text_fold_and_stem (void)
{
  static const struct { const char *a, *b; } same_stem[] = {
    { "gemeente", "gemeenten" },
    { "melding", "meldingen" },
    { "vergunning", "vergunningen" },
    { "aanvraag", "aanvragen" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same_stem); i++)
    {
      g_autofree char *a = helder_library_stem (same_stem[i].a);
      g_autofree char *b = helder_library_stem (same_stem[i].b);

      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *cafe = helder_library_fold ("Café", -1);
    g_autofree char *een = helder_library_fold ("ÉÉN", -1);
    g_autofree char *co = helder_library_fold ("coördinatie", -1);
    g_autofree char *fi = helder_library_fold ("ﬁets", -1);

    g_assert_cmpstr (cafe, ==, "cafe");
    g_assert_cmpstr (een, ==, "een");
    g_assert_cmpstr (co, ==, "coordinatie");
    g_assert_cmpstr (fi, ==, "fiets");
  }
  g_assert_cmpuint (helder_library_edit_distance ("vergunnig", "vergunning", 2), ==, 1);
  g_assert_cmpuint (helder_library_edit_distance ("kitten", "sitting", 5), ==, 3);
  g_assert_cmpuint (helder_library_edit_distance ("kitten", "sitting", 1), ==, 2);
  g_assert_cmpuint (helder_library_edit_distance ("één", "eén", 2), ==, 1);
}

static void
add_corpus (LibraryFixture *fixture)
{
  static const char * const social[] = { "social media", "webcare", NULL };
  static const char * const brief[] = { "brief", NULL };

  library_add (fixture, "Vergunning aanvragen voor een evenement", "Hoe een organisator een vergunning aanvraagt.",
               "# Evenementen\n\nEen **aanvraag** doet u zes weken van tevoren.", "instructie", "sanne", NULL);
  library_add (fixture, "Meldingen openbare ruimte", "Fixi-meldingen beantwoorden.",
               "Elke melding krijgt binnen twee dagen antwoord van de gemeenten Hillegom, Lisse en Teylingen.",
               "toolkit", "ahmed", social);
  library_add (fixture, "Coördinatie bij crisis", NULL,
               "De coördinatie ligt bij het team communicatie. Eén woordvoerder, één boodschap.",
               "advies", "ahmed", NULL);
  library_add (fixture, "Het café op het Raadhuisplein", NULL,
               "Terrasvergunningen voor het cafe.", "sjabloon", "sanne", brief);
  library_add (fixture, "Schrijfwijzer", "Taalniveau B1 voor elke tekst.",
               "Een wijkbericht schrijft u kort. Een wijkbericht noemt de wijk. Wijkbericht na wijkbericht: "
               "houd het wijkbericht kort.", "instructie", "sanne", brief);
  library_add (fixture, "Wijkbericht", NULL, "Over de opzet.", "toolkit", "ahmed", NULL);
}

static void
test_index_stemming (LibraryFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;

  add_corpus (fixture);
  index = open_index (fixture);
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 6);
  g_assert_true (helder_library_index_was_rebuilt (index));

  g_assert_true (finds (index, "vergunningen", "Vergunning aanvragen voor een evenement"));
  g_assert_true (finds (index, "aanvraag", "Vergunning aanvragen voor een evenement"));
  g_assert_true (finds (index, "aanvragen", "Vergunning aanvragen voor een evenement"));
  g_assert_true (finds (index, "gemeente", "Meldingen openbare ruimte"));
  g_assert_true (finds (index, "melding", "Meldingen openbare ruimte"));
  g_assert_true (finds (index, "MELDINGEN", "Meldingen openbare ruimte"));
  g_assert_false (finds (index, "crisis", "Meldingen openbare ruimte"));
  /* Markdown is indexed as text, not as its marks */
  g_assert_true (finds (index, "evenementen", "Vergunning aanvragen voor een evenement"));
}

static void
test_index_diacritics (LibraryFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;

  add_corpus (fixture);
  index = open_index (fixture);
  g_assert_true (finds (index, "coordinatie", "Coördinatie bij crisis"));
  g_assert_true (finds (index, "coördinatie", "Coördinatie bij crisis"));
  g_assert_true (finds (index, "cafe", "Het café op het Raadhuisplein"));
  g_assert_true (finds (index, "café", "Het café op het Raadhuisplein"));
  g_assert_true (finds (index, "een woordvoerder", "Coördinatie bij crisis"));
  g_assert_true (finds (index, "één", "Coördinatie bij crisis"));
}

static void
test_index_ranking (LibraryFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryResults) results = NULL;
  const HelderLibraryHit *hit;

  add_corpus (fixture);
  index = open_index (fixture);
  /* The body says it five times, but the title hit goes first */
  results = search (index, "wijkbericht", FALSE);
  g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 2);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 2);
  hit = helder_library_results_get_hit (results, 0);
  g_assert_cmpstr (hit->title, ==, "Wijkbericht");
  g_assert_true (hit->title_hit);
  g_assert_cmpuint (hit->title_ranges->len, ==, 1);
  hit = helder_library_results_get_hit (results, 1);
  g_assert_cmpstr (hit->title, ==, "Schrijfwijzer");
  g_assert_false (hit->title_hit);
  /* The snippet is the body, the matches marked */
  g_assert_nonnull (strstr (hit->snippet, "wijkbericht"));
  g_assert_cmpuint (hit->snippet_ranges->len, >=, 3);
  for (guint i = 0; i < hit->snippet_ranges->len; i++)
    {
      g_autofree char *marked = range_text (hit->snippet, &g_array_index (hit->snippet_ranges, HelderLibraryRange, i));
      g_autofree char *folded = helder_library_fold (marked, -1);

      g_assert_cmpstr (folded, ==, "wijkbericht");
    }
}

/* A lone match deep in a body is in its snippet, a word or two before it;
 * the body's opening title heading is not (the title shows above it). */
static void
test_index_snippet (LibraryFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(GString) body = g_string_new ("# Zomerplan\n\n");
  const HelderLibraryHit *hit;
  g_autofree char *marked = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (body, "een tekst over iets anders ");
  g_string_append (body, "en dan de parkeervergunning aan het eind.");
  library_add (fixture, "Zomerplan", "Wat er in de zomer gebeurt.", body->str, "advies", "sanne", NULL);
  index = open_index (fixture);

  results = search (index, "parkeervergunning", FALSE);
  g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 1);
  hit = helder_library_results_get_hit (results, 0);
  g_assert_true (g_str_has_prefix (hit->snippet, "…dan de parkeervergunning"));
  g_assert_cmpuint (hit->snippet_ranges->len, ==, 1);
  marked = range_text (hit->snippet, &g_array_index (hit->snippet_ranges, HelderLibraryRange, 0));
  g_assert_cmpstr (marked, ==, "parkeervergunning");

  /* While typing, the prefix is marked; the title heading is left out */
  g_clear_pointer (&results, helder_library_results_unref);
  results = search (index, "zomer een", TRUE);
  g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 1);
  hit = helder_library_results_get_hit (results, 0);
  g_assert_null (strstr (hit->snippet, "Zomerplan"));
  g_assert_true (g_str_has_prefix (hit->snippet, "een tekst"));
  g_assert_cmpuint (hit->snippet_ranges->len, >=, 1);
}

static void
test_index_highlight (LibraryFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(HelderLibraryQuery) query = helder_library_query_new ("coordinatie woordvoerders", FALSE);
  g_autoptr(GArray) ranges = NULL;
  const HelderLibraryHit *hit;
  g_autofree char *title_match = NULL;
  static const char body[] = "De Coördinatie: één woordvoerder, en nóg een woordvoerder.";

  add_corpus (fixture);
  index = open_index (fixture);
  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 1);
  hit = helder_library_results_get_hit (results, 0);
  g_assert_cmpstr (hit->title, ==, "Coördinatie bij crisis");
  g_assert_cmpuint (hit->title_ranges->len, ==, 1);
  title_match = range_text (hit->title, &g_array_index (hit->title_ranges, HelderLibraryRange, 0));
  g_assert_cmpstr (title_match, ==, "Coördinatie");
  g_assert_cmpuint (hit->snippet_ranges->len, ==, 2);

  /* In the opened document: character offsets, diacritics and all */
  ranges = helder_library_query_match_ranges (query, body);
  g_assert_cmpuint (ranges->len, ==, 3);
  g_assert_cmpuint (g_array_index (ranges, HelderLibraryRange, 0).start, ==, 3);
  g_assert_cmpuint (g_array_index (ranges, HelderLibraryRange, 0).end, ==, 14);
  for (guint i = 1; i < 3; i++)
    {
      g_autofree char *marked = range_text (body, &g_array_index (ranges, HelderLibraryRange, i));

      g_assert_cmpstr (marked, ==, "woordvoerder");
    }
}

static void
test_index_typing (LibraryFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  static const char *steps[] = { "ve", "ver", "verg", "vergu", "vergun", "vergunn", "vergunni",
                                 "vergunnin", "vergunning", "vergunninge", "vergunningen" };

  add_corpus (fixture);
  index = open_index (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(HelderLibraryResults) results = search (index, steps[i], TRUE);

      g_assert_cmpuint (helder_library_results_get_n_hits (results), >=, 1);
      g_assert_cmpstr (helder_library_results_get_hit (results, 0)->title, ==,
                       "Vergunning aanvragen voor een evenement");
    }
  {
    /* A prefix matches words as written in titles, summaries and tags;
     * in a body the whole word (its stem) */
    g_autoptr(HelderLibraryResults) results = search (index, "raadhuispl", TRUE);
    g_autoptr(HelderLibraryResults) done = search (index, "raadhuispl ", TRUE);
    g_autoptr(HelderLibraryResults) body_prefix = search (index, "terrasverg", TRUE);
    g_autoptr(HelderLibraryResults) body_word = search (index, "terrasvergunning", TRUE);
    g_autoptr(HelderLibraryQuery) query = helder_library_query_new ("meldingen beantw", TRUE);
    g_autoptr(GArray) ranges = helder_library_query_match_ranges (query, "Beantwoord de melding.");

    g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 1);
    /* A space after it: the word is done, no prefix */
    g_assert_cmpuint (helder_library_results_get_n_hits (done), ==, 0);
    g_assert_cmpuint (helder_library_results_get_n_hits (body_prefix), ==, 0);
    g_assert_cmpuint (helder_library_results_get_n_hits (body_word), ==, 1);
    g_assert_cmpuint (ranges->len, ==, 2);
  }
}

static void
test_index_filters (LibraryFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryQuery) query = helder_library_query_new ("een", FALSE);
  g_autoptr(HelderLibraryQuery) all = helder_library_query_new ("", FALSE);
  g_autoptr(HelderLibraryResults) results = NULL;

  add_corpus (fixture);
  index = open_index (fixture);

  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 3);
  g_clear_pointer (&results, helder_library_results_unref);

  helder_library_query_add_filter (query, "category", "instructie");
  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 2);
  g_clear_pointer (&results, helder_library_results_unref);

  helder_library_query_add_filter (query, "tags", "brief");
  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 1);
  g_assert_cmpstr (helder_library_results_get_hit (results, 0)->title, ==, "Schrijfwijzer");
  g_clear_pointer (&results, helder_library_results_unref);

  /* Two values of one field: either */
  helder_library_query_clear_filters (query);
  helder_library_query_add_filter (query, "category", "instructie");
  helder_library_query_add_filter (query, "category", "advies");
  helder_library_query_add_filter (query, "owner", "ahmed");
  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 1);
  g_assert_cmpstr (helder_library_results_get_hit (results, 0)->title, ==, "Coördinatie bij crisis");
  g_clear_pointer (&results, helder_library_results_unref);

  /* No words: every document that passes, by title */
  helder_library_query_add_filter (all, "owner", "sanne");
  results = helder_library_index_search (index, all, NULL);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 3);
  g_assert_cmpstr (helder_library_results_get_hit (results, 0)->title, ==, "Het café op het Raadhuisplein");
  g_assert_cmpstr (helder_library_results_get_hit (results, 2)->title, ==, "Vergunning aanvragen voor een evenement");
  g_clear_pointer (&results, helder_library_results_unref);

  /* A limit */
  helder_library_query_clear_filters (query);
  helder_library_query_set_limit (query, 2);
  results = helder_library_index_search (index, query, NULL);
  g_assert_cmpuint (helder_library_results_get_n_hits (results), ==, 2);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 3);
}

static void
test_index_suggestion (LibraryFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(HelderLibraryResults) fine = NULL;
  g_autofree char *word = NULL;
  g_autofree char *none = NULL;
  g_autofree char *known = NULL;

  add_corpus (fixture);
  index = open_index (fixture);

  results = search (index, "Vergunning evenemnt", FALSE);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 0);
  g_assert_cmpstr (helder_library_results_get_suggestion (results), ==, "Vergunning evenement");
  g_clear_pointer (&results, helder_library_results_unref);
  /* While typing too */
  results = search (index, "coordinatei", TRUE);
  g_assert_cmpuint (helder_library_results_get_total (results), ==, 0);
  g_assert_cmpstr (helder_library_results_get_suggestion (results), ==, "coördinatie");

  word = helder_library_index_suggest (index, "gemeentn");
  g_assert_cmpstr (word, ==, "gemeenten");
  g_clear_pointer (&word, g_free);
  word = helder_library_index_suggest (index, "Vergunnnig");
  g_assert_cmpstr (word, ==, "vergunning");
  none = helder_library_index_suggest (index, "xylofoon");
  g_assert_null (none);
  known = helder_library_index_suggest (index, "melding");
  g_assert_null (known);

  fine = search (index, "melding", FALSE);
  g_assert_null (helder_library_results_get_suggestion (fine));
}

static void
on_changed (HelderLibraryIndex *index,
            GStrv               ids,
            gpointer            user_data)
{
  (*(guint *) user_data)++;
}

static void
test_index_follows_store (LibraryFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  add_corpus (fixture);
  index = open_index (fixture);
  g_signal_connect (index, "changed", G_CALLBACK (on_changed), &changed);

  record = library_add (fixture, "Persbericht maken", NULL, "Een persbericht heeft een kop.", "sjabloon", "sanne", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 7);
  g_assert_true (finds (index, "persberichten", "Persbericht maken"));
  /* Its words are in the vocabulary for suggestions */
  {
    g_autofree char *near = helder_library_index_suggest (index, "persberihct");

    g_assert_cmpstr (near, ==, "persbericht");
  }

  /* A save replaces what the index had */
  g_object_set (record, "title", "Nieuwsbericht maken", "body", "Een nieuwsbericht.", NULL);
  g_assert_true (helder_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (finds (index, "persbericht", "Nieuwsbericht maken"));
  g_assert_true (finds (index, "nieuwsbericht", "Nieuwsbericht maken"));
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 7);

  /* A delete takes it out */
  g_assert_true (helder_store_delete (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_false (finds (index, "nieuwsbericht", "Nieuwsbericht maken"));
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 6);
}

/* Closed while the store changed: it catches up with only what differs;
 * a damaged file is made again. */
static void
test_index_catch_up_and_damage (LibraryFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  add_corpus (fixture);
  index = open_index (fixture);
  path = g_strdup (helder_library_index_get_path (index));
  g_assert_true (g_str_has_suffix (path, "helder-search.db"));
  g_clear_object (&index);

  record = library_add (fixture, "Nieuwsbrief", NULL, "De nieuwsbrief gaat maandelijks uit.", "toolkit", "sanne", NULL);
  index = open_index (fixture);
  g_assert_false (helder_library_index_was_rebuilt (index));
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 7);
  g_assert_true (finds (index, "maandelijks", "Nieuwsbrief"));
  g_clear_object (&index);

  g_assert_true (helder_store_delete (fixture->store, record, &error));
  index = open_index (fixture);
  g_assert_false (helder_library_index_was_rebuilt (index));
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 6);
  g_assert_false (finds (index, "maandelijks", "Nieuwsbrief"));
  g_clear_object (&index);

  /* Garbage where the index was */
  g_assert_true (g_file_set_contents (path, "Dit is geen database, maar een boodschappenlijst.", -1, &error));
  g_assert_no_error (error);
  index = open_index (fixture);
  g_assert_true (helder_library_index_was_rebuilt (index));
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 6);
  g_assert_true (finds (index, "coordinatie", "Coördinatie bij crisis"));

  /* Made again on request, and it still follows the store */
  g_assert_true (helder_library_index_rebuild (index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 6);
  g_clear_object (&record);
  record = library_add (fixture, "Nieuwsbrief", NULL, "Maandelijks.", "toolkit", "sanne", NULL);
  g_assert_true (finds (index, "maandelijks", "Nieuwsbrief"));
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HelderLibraryIndex **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = helder_library_index_open_finish (result, &error);
  g_assert_no_error (error);
}

/* In a worker; what the store takes meanwhile is indexed too. */
static void
test_index_open_async (LibraryFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderRecord) late = NULL;

  add_corpus (fixture);
  helder_library_index_open_async (fixture->store, NULL, NULL, on_opened, &index);
  late = library_add (fixture, "Toegankelijkheid", NULL, "Alt-teksten bij elke afbeelding.", "instructie", "sanne", NULL);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (helder_library_index_get_n_documents (index), ==, 7);
  g_assert_true (finds (index, "afbeeldingen", "Toegankelijkheid"));
}

/* A small limit over many matches gives the same first hits as a large one */
static void
test_index_limit (LibraryFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(HelderLibraryQuery) few = helder_library_query_new ("afval", FALSE);
  g_autoptr(HelderLibraryQuery) all = helder_library_query_new ("afval", FALSE);
  g_autoptr(HelderLibraryResults) some = NULL;
  g_autoptr(HelderLibraryResults) every = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GString) body = g_string_new ("Over de inzameling. ");
      g_autofree char *title = g_strdup_printf ("Document %02u", i);
      g_autoptr(HelderRecord) record = NULL;

      for (guint j = 0; j < (i * 7) % 11 + 1; j++)
        g_string_append (body, "Het afval gaat op dinsdag mee. ");
      record = library_add (fixture, title, NULL, body->str, "instructie", "sanne", NULL);
    }
  index = open_index (fixture);
  helder_library_query_set_limit (few, 5);
  helder_library_query_set_limit (all, 100);
  some = helder_library_index_search (index, few, NULL);
  every = helder_library_index_search (index, all, NULL);
  g_assert_cmpuint (helder_library_results_get_total (some), ==, 40);
  g_assert_cmpuint (helder_library_results_get_n_hits (some), ==, 5);
  g_assert_cmpuint (helder_library_results_get_n_hits (every), ==, 40);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (helder_library_results_get_hit (some, i)->id, ==, helder_library_results_get_hit (every, i)->id);
  for (guint i = 1; i < 40; i++)
    g_assert_cmpfloat (helder_library_results_get_hit (every, i - 1)->score, >=,
                       helder_library_results_get_hit (every, i)->score);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, LibraryFixture, NULL, library_setup, func, library_teardown)
  g_test_add_func ("/library/text/fold-and-stem", test_text_fold_and_stem);
  ADD ("/library/index/stemming", test_index_stemming);
  ADD ("/library/index/diacritics", test_index_diacritics);
  ADD ("/library/index/ranking", test_index_ranking);
  ADD ("/library/index/snippet", test_index_snippet);
  ADD ("/library/index/highlight", test_index_highlight);
  ADD ("/library/index/typing", test_index_typing);
  ADD ("/library/index/filters", test_index_filters);
  ADD ("/library/index/limit", test_index_limit);
  ADD ("/library/index/suggestion", test_index_suggestion);
  ADD ("/library/index/follows-store", test_index_follows_store);
  ADD ("/library/index/catch-up-and-damage", test_index_catch_up_and_damage);
  ADD ("/library/index/open-async", test_index_open_async);
#undef ADD
  return g_test_run ();
}
