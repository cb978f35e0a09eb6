/* bench-library.c: the Bibliotheek's search with 10,000 documents of about 5 million words
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "library/helder-library-index.h"
#include "library/helder-library-markdown.h"
#include "model/helder-records.h"
#include "store/helder-store.h"

/* The corpus is made here, the same on every run (a fixed seed): Dutch
 * text drawn from the frequency list in data/frequency (word forms by
 * their frequency in OpenSubtitles, so the common words are common and
 * the long tail is long), mixed with the words of a municipality's
 * communication (vergunning, melding, wijk…) so queries find what staff
 * look for, in Markdown: headings, paragraphs of sentences of varied
 * length, lists, now and then a table.  Documents vary from 150 to 1,500
 * words (about 500 on average).
 *
 * Figures (issue 15): the index built from nothing (at most 30 s), a
 * search while typing (every keystroke of 300 queries, at most 5 ms at
 * p95), one document added (the index's own update, at most 5 ms), and a
 * 10,000-word document parsed into the reading view's blocks (the core's
 * share of "opens rendered in 100 ms"). */

#define N_DOCS       10000
#define N_QUERIES    300

static const char *domain_words[] = {
  "vergunning", "vergunningen", "aanvraag", "aanvragen", "melding", "meldingen", "gemeente", "gemeenten",
  "inwoners", "inwoner", "wijk", "wijken", "straat", "bewoners", "brief", "brieven", "nieuwsbrief",
  "persbericht", "woordvoerder", "communicatie", "evenement", "evenementen", "afval", "container",
  "parkeren", "parkeervergunning", "subsidie", "subsidies", "participatie", "bijeenkomst", "raad",
  "college", "wethouder", "burgemeester", "raadsinformatiebrief", "begroting", "omgevingswet",
  "omgevingsloket", "bouwen", "verbouwing", "werkzaamheden", "wegwerkzaamheden", "omleiding", "bereikbaarheid",
  "sociale", "media", "webcare", "website", "toegankelijkheid", "taalniveau", "begrijpelijk", "schrijfwijzer",
  "crisis", "coördinatie", "calamiteit", "veiligheid", "handhaving", "toezicht", "bollenstreek", "hillegom",
  "lisse", "teylingen", "hltsamen", "zorg", "jeugdzorg", "wmo", "mantelzorg", "duurzaamheid", "energie",
  "isolatie", "zonnepanelen", "klimaat", "groen", "bomen", "kap", "kapvergunning", "terras", "horeca",
  "markt", "ondernemers", "onderwijs", "school", "sport", "cultuur", "bibliotheek", "verkiezingen",
  "stembureau", "paspoort", "rijbewijs", "balie", "afspraak", "telefonie", "receptie", "klantcontact",
  "klacht", "bezwaar", "beroep", "besluit", "termijn", "formulier", "digitaal", "mijnoverheid", "post",
  "inbox", "fixi", "kanaal", "kanalen", "doelgroep", "laaggeletterdheid", "toolkit", "instructie", "training",
};

static const char *categories[] = { "instructie", "toolkit", "advies", "training", "sjabloon" };
static const char *owners[] = { "sanne", "ahmed", "marieke", "joost", "fatima", "pieter" };

typedef struct
{
  GPtrArray *words;      /* the frequency list's words */
  double    *cumulative; /* Zipf-like weights, summed */
  GRand     *rand;
} Corpus;

static const char *
draw (Corpus *corpus)
{
  double x;
  guint lo = 0, hi;

  if (g_rand_int_range (corpus->rand, 0, 100) < 6)
    return domain_words[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (domain_words))];
  hi = corpus->words->len - 1;
  x = g_rand_double (corpus->rand) * corpus->cumulative[hi];
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (corpus->cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return corpus->words->pdata[lo];
}

static void
append_sentence (Corpus  *corpus,
                 GString *out,
                 guint   *words)
{
  guint n = g_rand_int_range (corpus->rand, 5, 22);

  for (guint i = 0; i < n; i++)
    {
      const char *word = draw (corpus);

      if (i == 0)
        {
          g_autofree char *upper = g_utf8_strup (word, g_utf8_next_char (word) - word);

          g_string_append (out, upper);
          g_string_append (out, g_utf8_next_char (word));
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
      if (i + 1 < n && g_rand_int_range (corpus->rand, 0, 14) == 0)
        g_string_append_c (out, ',');
    }
  g_string_append (out, g_rand_int_range (corpus->rand, 0, 9) == 0 ? "? " : ". ");
  *words += n;
}

static char *
make_title (Corpus *corpus)
{
  GString *title = g_string_new (NULL);
  guint n = g_rand_int_range (corpus->rand, 2, 7);

  for (guint i = 0; i < n; i++)
    {
      const char *word = i == 0 || g_rand_boolean (corpus->rand)
                         ? domain_words[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (domain_words))]
                         : draw (corpus);

      if (i > 0)
        g_string_append_c (title, ' ');
      if (i == 0)
        {
          g_autofree char *upper = g_utf8_strup (word, g_utf8_next_char (word) - word);

          g_string_append (title, upper);
          g_string_append (title, g_utf8_next_char (word));
        }
      else
        g_string_append (title, word);
    }
  return g_string_free (title, FALSE);
}

/* A Markdown body of about @target words */
static char *
make_body (Corpus *corpus,
           guint   target,
           guint  *words)
{
  GString *out = g_string_new (NULL);

  *words = 0;
  while (*words < target)
    {
      guint kind = g_rand_int_range (corpus->rand, 0, 12);

      if (kind == 0)
        {
          g_autofree char *heading = make_title (corpus);

          g_string_append_printf (out, "## %s\n\n", heading);
        }
      else if (kind == 1)
        {
          guint n = g_rand_int_range (corpus->rand, 2, 6);

          for (guint i = 0; i < n; i++)
            {
              g_string_append (out, "- ");
              append_sentence (corpus, out, words);
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');
        }
      else if (kind == 2 && g_rand_int_range (corpus->rand, 0, 4) == 0)
        {
          g_string_append (out, "| Kanaal | Wanneer | Wie |\n|---|---|---|\n");
          for (guint i = 0; i < 4; i++)
            {
              g_string_append_printf (out, "| %s | %s %s | %s |\n", draw (corpus), draw (corpus), draw (corpus),
                                      owners[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (owners))]);
              *words += 4;
            }
          g_string_append_c (out, '\n');
        }
      else
        {
          guint n = g_rand_int_range (corpus->rand, 2, 7);

          for (guint i = 0; i < n; i++)
            append_sentence (corpus, out, words);
          g_string_append (out, "\n\n");
        }
    }
  return g_string_free (out, FALSE);
}

static guint
doc_length (Corpus *corpus)
{
  /* Log-normal-ish between 150 and 1,500, about 500 on average */
  double x = exp (g_rand_double_range (corpus->rand, log (150), log (1100)));

  return (guint) CLAMP (x + g_rand_double_range (corpus->rand, 0, 150), 150, 1500);
}

static void
load_words (Corpus     *corpus,
            const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  double total = 0;
  guint n = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  corpus->words = g_ptr_array_new_with_free_func (g_free);
  corpus->cumulative = g_new (double, g_strv_length (lines));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *space = strchr (lines[i], ' ');
      gboolean letters = TRUE;

      if (space == NULL)
        continue;
      *space = '\0';
      for (const char *p = lines[i]; *p && letters; p = g_utf8_next_char (p))
        letters = g_unichar_isalpha (g_utf8_get_char (p));
      if (!letters || *lines[i] == '\0')
        continue;
      g_ptr_array_add (corpus->words, g_strdup (lines[i]));
      /* Zipf weights by rank: common words common, the tail present */
      total += 1.0 / pow (n + 10, 0.95);
      corpus->cumulative[n++] = total;
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * p)));
}

static void
print_percentiles (const char *what,
                   GArray     *values)
{
  g_print ("  %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", what, percentile (values, 0.5),
           percentile (values, 0.95), percentile (values, 0.99), percentile (values, 1.0));
}

static gint64 update_started, update_finished;

static void
on_store_records_changed (void)
{
  update_started = g_get_monotonic_time ();
}

static void
on_index_changed (void)
{
  update_finished = g_get_monotonic_time ();
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The CPU time of this thread: what the search costs, apart from what the
 * other processes on a shared machine take from it */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double ms;
  char  *text;
} Slow;

static int
compare_slow (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Slow *) a)->ms, y = ((const Slow *) b)->ms;

  return x > y ? -1 : x < y;
}

static HelderRecord *
make_doc (Corpus *corpus,
          guint  *words,
          guint   length)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autofree char *title = make_title (corpus);
  g_autofree char *summary = make_title (corpus);
  g_autofree char *body = make_body (corpus, length, words);
  const char *tags[] = { domain_words[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (domain_words))], NULL };

  g_object_set (record, "title", title, "summary", summary, "body", body,
                "category", categories[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (categories))],
                "owner", owners[g_rand_int_range (corpus->rand, 0, G_N_ELEMENTS (owners))],
                "tags", tags, NULL);
  return record;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(HelderLibraryIndex) index = NULL;
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) suggestions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typing_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adds_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) slow = g_array_new (FALSE, FALSE, sizeof (Slow));
  Corpus corpus = { 0, };
  const char *keep;
  gboolean reuse, skip_build;
  guint64 total_words = 0;
  guint n_suggested = 0;
  gint64 start;
  double build_ms, build_cpu, parse_ms = 0;
  GStatBuf st;

  if (argc < 2)
    g_error ("usage: %s FREQUENCY-LIST", argv[0]);
  load_words (&corpus, argv[1]);
  corpus.rand = g_rand_new_with_seed (15);

  /* HELDER_BENCH_DIR: a folder kept between runs (the store is made once,
   * and the index is then opened, not built) */
  keep = g_getenv ("HELDER_BENCH_DIR");
  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_strdup (keep);
    }
  else
    dir = g_dir_make_tmp ("helder-bench-library-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "helder.db", NULL);
  reuse = g_file_test (path, G_FILE_TEST_EXISTS);
  store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (store, "sanne");

  /* The store, filled in batches (not timed as the index) */
  start = g_get_monotonic_time ();
  for (guint done = reuse ? N_DOCS : 0; done < N_DOCS;)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < 500 && done < N_DOCS; i++, done++)
        {
          guint words;

          g_ptr_array_add (batch, make_doc (&corpus, &words, doc_length (&corpus)));
          total_words += words;
        }
      if (!helder_store_save_all (store, batch, &error))
        g_error ("%s", error->message);
    }
  g_print ("corpus: %u documents, %" G_GUINT64_FORMAT " words (store filled in %.1f s)\n",
           N_DOCS, total_words, ms_since (start) / 1000);

  /* 1. The index from nothing (HELDER_BENCH_SKIP_BUILD with a kept
   * folder: the index of the last run, caught up, for profiling the
   * search) */
  skip_build = reuse && g_getenv ("HELDER_BENCH_SKIP_BUILD") != NULL;
  if (!skip_build)
  {
    g_autofree char *old = helder_library_index_path_for (store);
    g_autofree char *wal = g_strconcat (old, "-wal", NULL);
    g_autofree char *shm = g_strconcat (old, "-shm", NULL);

    /* From nothing, every run */
    g_remove (old);
    g_remove (wal);
    g_remove (shm);
  }
  build_cpu = cpu_ms ();
  start = g_get_monotonic_time ();
  index = helder_library_index_open (store, NULL, &error);
  g_assert_no_error (error);
  build_ms = ms_since (start);
  build_cpu = cpu_ms () - build_cpu;
  g_assert_true (skip_build || helder_library_index_was_rebuilt (index));
  g_stat (helder_library_index_get_path (index), &st);
  g_print ("index build: %.2f s for %u documents (limit 30 s), %.2f s of CPU; file %.1f MB\n",
           build_ms / 1000, helder_library_index_get_n_documents (index), build_cpu / 1000, st.st_size / 1048576.0);

  /* And opening it again (the catch-up compares 10,000 stamps) */
  g_clear_object (&index);
  start = g_get_monotonic_time ();
  index = helder_library_index_open (store, NULL, &error);
  g_assert_no_error (error);
  g_print ("index open, caught up: %.1f ms\n", ms_since (start));

  /* 2. Searching while typing: every keystroke of varied queries (one to
   * three words, common and rare, domain words and others), with all the
   * core work the page does per keystroke (helder-library-page-search.c):
   * the search with the page's limit (ranked, the shown hits' titles
   * marked and their snippets made), the count and the suggestion it
   * asks for (made only when nothing is found) */
  g_rand_set_seed (corpus.rand, 42);
  for (guint q = 0; q < N_QUERIES; q++)
    {
      GString *text = g_string_new (NULL);
      guint n_words = g_rand_int_range (corpus.rand, 1, 4);
      g_autofree char *full = NULL;

      for (guint w = 0; w < n_words; w++)
        {
          const char *word = g_rand_int_range (corpus.rand, 0, 2) == 0
                             ? domain_words[g_rand_int_range (corpus.rand, 0, G_N_ELEMENTS (domain_words))]
                             : corpus.words->pdata[g_rand_int_range (corpus.rand, 50, 8000)];

          if (w > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, word);
        }
      full = g_string_free (text, FALSE);
      for (const char *end = g_utf8_next_char (full); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (full, end - full);
          g_autoptr(HelderLibraryQuery) query = NULL;
          g_autoptr(HelderLibraryResults) results = NULL;
          double ms, cpu;
          guint total;
          Slow entry;

          cpu = cpu_ms ();
          start = g_get_monotonic_time ();
          query = helder_library_query_new (typed, TRUE);
          helder_library_query_set_limit (query, HELDER_LIBRARY_PAGE_RESULTS);
          results = helder_library_index_search (index, query, &error);
          g_assert_no_error (error);
          total = helder_library_results_get_total (results);
          if (helder_library_results_get_suggestion (results) != NULL)
            n_suggested++;
          ms = ms_since (start);
          cpu = cpu_ms () - cpu;
          g_array_append_val (typing, ms);
          g_array_append_val (typing_cpu, cpu);
          entry.ms = cpu;
          entry.text = g_strdup_printf ("\"%s\" (%u found)", typed, total);
          g_array_append_val (slow, entry);
          if (*end == '\0')
            {
              g_array_append_val (whole, ms);
              break;
            }
        }
    }
  g_print ("search while typing, %u keystrokes of %u queries (limit 5 ms at p95; %u suggested):\n",
           typing->len, N_QUERIES, n_suggested);
  print_percentiles ("wall", typing);
  print_percentiles ("CPU", typing_cpu);
  g_array_sort (slow, compare_slow);
  g_print ("  slowest (CPU):");
  for (guint i = 0; i < 5 && i < slow->len; i++)
    g_print (" %s %.1f ms;", g_array_index (slow, Slow, i).text, g_array_index (slow, Slow, i).ms);
  g_print ("\n");
  for (guint i = 0; i < slow->len; i++)
    g_free (g_array_index (slow, Slow, i).text);
  g_print ("search, whole query: median %.2f ms, p95 %.2f ms over %u queries\n",
           percentile (whole, 0.5), percentile (whole, 0.95), whole->len);

  /* Misspelt words: the suggestion's scan of the vocabulary */
  for (guint i = 0; i < 40; i++)
    {
      const char *word = domain_words[i * 3 % G_N_ELEMENTS (domain_words)];
      g_autofree char *typo = g_strdup (word);
      g_autoptr(HelderLibraryQuery) query = NULL;
      g_autoptr(HelderLibraryResults) results = NULL;
      gsize at = strlen (typo) / 2;
      double ms;

      /* Two letters swapped */
      if (at + 1 < strlen (typo) && g_ascii_isalpha (typo[at]) && g_ascii_isalpha (typo[at + 1]))
        {
          char c = typo[at];

          typo[at] = typo[at + 1];
          typo[at + 1] = c;
        }
      query = helder_library_query_new (typo, FALSE);
      start = g_get_monotonic_time ();
      results = helder_library_index_search (index, query, &error);
      if (helder_library_results_get_total (results) == 0 && helder_library_results_get_suggestion (results) != NULL)
        {
          ms = ms_since (start);
          g_array_append_val (suggestions, ms);
        }
    }
  if (suggestions->len > 0)
    g_print ("misspelt query and its suggestion: median %.1f ms, p95 %.1f ms over %u queries\n",
             percentile (suggestions, 0.5), percentile (suggestions, 0.95), suggestions->len);

  /* 3. One document added: the index's own update (between the store's
   * signal and the index's), and the whole save */
  g_signal_connect_swapped (store, "records-changed::toolkit", G_CALLBACK (on_store_records_changed), NULL);
  /* The index again, connected after ours, so ours runs first */
  g_clear_object (&index);
  index = helder_library_index_open (store, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (index, "changed", G_CALLBACK (on_index_changed), NULL);
  for (guint i = 0; i < 100; i++)
    {
      guint words;
      g_autoptr(HelderRecord) record = make_doc (&corpus, &words, doc_length (&corpus));
      double add, save, cpu;

      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      if (!helder_store_save (store, record, &error))
        g_error ("%s", error->message);
      save = ms_since (start);
      cpu = cpu_ms () - cpu;
      add = (update_finished - update_started) / 1000.0;
      g_array_append_val (adds, add);
      g_array_append_val (adds_cpu, cpu);
      g_array_append_val (saves, save);
    }
  g_print ("one document added, 100 times (limit 5 ms at p95):\n");
  print_percentiles ("index update, wall", adds);
  print_percentiles ("whole save, wall", saves);
  print_percentiles ("whole save, CPU", adds_cpu);

  /* 4. A document of 10,000 words into the reading view's blocks */
  {
    guint words;
    g_autofree char *body = make_body (&corpus, 10000, &words);
    g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 20; i++)
      {
        g_autoptr(HelderMarkdownDocument) doc = NULL;

        start = g_get_monotonic_time ();
        doc = helder_markdown_parse (body, -1);
        parse_ms = ms_since (start);
        g_array_append_val (parses, parse_ms);
      }
    g_print ("a %u-word document parsed into blocks: median %.2f ms (the core's share of opening it)\n",
             words, percentile (parses, 0.5));
  }

  g_clear_object (&index);
  g_clear_object (&store);
  if (keep == NULL)
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
  return 0;
}
