/* bench-text.c: how fast the plain-language engine is
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-text [HELDER-CHECK]
 *
 * Builds municipal texts of 5,000, 20,000 and 100,000 words from the
 * example data's letters, web texts and toolkits (every paragraph made
 * unique), and prints:
 *   - a full analysis, spelling included, with the analyser's word caches
 *     empty (a fresh analyser each run; loading not counted) and warm;
 *   - a re-analysis after an edit in one paragraph of the 20,000-word text;
 *   - the process's peak memory after the 100,000-word analysis;
 *   - with HELDER-CHECK: helder-check against `hunspell -l -d nl_NL` on the
 *     20,000-word text, whole processes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "helder-example-data.h"
#include "text/helder-text-analyzer.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN ((guint) (p * values->len), values->len - 1));
}

/* Paragraphs of real municipal Dutch from the example data. */
static GPtrArray *
source_paragraphs (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/nl/hltsamen/Helder/core/example-data.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  JsonArray *records;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *data = json_object_get_object_member (json_array_get_object_element (records, i), "data");
      const char *fields[] = { "body", "summary", "rationale", "text" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *value = json_object_get_string_member_with_default (data, fields[f], NULL);
          g_auto(GStrv) parts = NULL;

          if (value == NULL)
            continue;
          parts = g_strsplit (value, "\n\n", -1);
          for (guint k = 0; parts[k] != NULL; k++)
            if (strlen (parts[k]) > 60)
              g_ptr_array_add (paragraphs, g_strdup (parts[k]));
        }
    }
  return paragraphs;
}

static char *
make_text (GPtrArray *paragraphs,
           guint      n_words)
{
  static const char *places[] = { "Hillegom", "Lisse", "Teylingen", "Elsbroek", "Vosse en Weerlanden" };
  GString *s = g_string_new (NULL);
  guint words = 0;

  for (guint i = 0; words < n_words; i++)
    {
      const char *p = g_ptr_array_index (paragraphs, i % paragraphs->len);
      g_auto(GStrv) w = g_strsplit (p, " ", -1);

      g_string_append (s, p);
      /* Unique paragraphs: no two share a cache entry. */
      g_string_append_printf (s, " Dit geldt voor %s, ronde %u.\n\n", places[i % 5], i);
      words += g_strv_length (w) + 5;
    }
  return g_string_free (s, FALSE);
}

static double
analyse_ms (HelderTextAnalyzer *analyzer,
            const char         *text)
{
  g_autoptr(HelderAnalysis) analysis = NULL;
  gint64 start = g_get_monotonic_time ();

  analysis = helder_text_analyzer_analyze (analyzer, text, -1, NULL);
  g_assert_nonnull (analysis);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_full (GPtrArray  *paragraphs,
            guint       n_words,
            guint       runs)
{
  g_autofree char *text = make_text (paragraphs, n_words);
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(HelderTextAnalyzer) analyzer = helder_text_analyzer_new ("nl_NL", NULL);
      double c = analyse_ms (analyzer, text);
      g_autofree char *other = g_strconcat (text, "Nog één alinea.\n", NULL);
      double w;

      /* Warm: word caches filled, paragraphs cleared by a settings change. */
      helder_text_analyzer_set_checks (analyzer, HELDER_CHECK_ALL & ~HELDER_CHECK_ADDRESS);
      helder_text_analyzer_set_checks (analyzer, HELDER_CHECK_ALL);
      w = analyse_ms (analyzer, other);
      g_array_append_val (cold, c);
      g_array_append_val (warm, w);
    }

  g_print ("full analysis, %6u words: %8.1f ms median (fresh analyser), %8.1f ms (word caches warm)\n",
           n_words, percentile (cold, 0.5), percentile (warm, 0.5));
}

static void
bench_edit (GPtrArray *paragraphs)
{
  g_autofree char *text = make_text (paragraphs, 20000);
  g_autoptr(HelderTextAnalyzer) analyzer = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GString *edited = g_string_new (text);
  const char *typed = "We gaan in maart verder met het werk in de straat. ";
  gsize cursor = strstr (text + strlen (text) / 2, "Dit geldt") - text;

  analyse_ms (analyzer, text);
  /* Type a sentence, a key at a time, into a paragraph in the middle. */
  for (guint i = 0; i < 200; i++)
    {
      double t;

      g_string_insert_c (edited, cursor++, typed[i % strlen (typed)]);
      t = analyse_ms (analyzer, edited->str);
      g_array_append_val (times, t);
    }
  g_string_free (edited, TRUE);

  g_print ("re-analysis after an edit in one paragraph of 20,000 words: %.2f ms median, %.2f ms p95\n",
           percentile (times, 0.5), percentile (times, 0.95));
}

static double
time_command (char **argv)
{
  gint64 start = g_get_monotonic_time ();
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_check (GPtrArray  *paragraphs,
             const char *helder_check)
{
  g_autofree char *text = make_text (paragraphs, 20000);
  g_autofree char *path = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  int fd = g_file_open_tmp ("helder-bench-XXXXXX.txt", &path, NULL);

  close (fd);
  g_file_set_contents (path, text, -1, NULL);

  for (guint i = 0; i < 5; i++)
    {
      char *check_argv[] = { (char *) helder_check, "--format=json", path, NULL };
      char *hunspell_argv[] = { "hunspell", "-l", "-d", "nl_NL", path, NULL };
      double a = time_command (check_argv);
      double b = time_command (hunspell_argv);

      g_array_append_val (ours, a);
      g_array_append_val (theirs, b);
    }
  g_remove (path);

  g_print ("20,000 words, whole process: helder-check %.0f ms, hunspell -l %.0f ms (medians of 5), ratio %.3f\n",
           percentile (ours, 0.5), percentile (theirs, 0.5),
           percentile (ours, 0.5) / percentile (theirs, 0.5));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paragraphs = source_paragraphs ();
  struct rusage usage;

  bench_full (paragraphs, 5000, 7);
  bench_edit (paragraphs);
  bench_full (paragraphs, 100000, 3);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory of this process (after the 100,000-word runs): %.1f MB\n", usage.ru_maxrss / 1024.0);

  if (argc > 1)
    bench_check (paragraphs, argv[1]);

  return 0;
}
