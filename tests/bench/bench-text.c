/* bench-text.c: how fast the plain-language engine is
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-text CORPUS [HELDER-CHECK]
 *
 * CORPUS is the 100,000-word corpus tests/bench/make-corpus.py writes
 * (letters, web pages, news, council decisions, policy notes; the labelled
 * level texts and the example data among them; shuffled, with a typo now
 * and then).  Its first 5,000, 20,000 and 100,000 words are the texts.
 * Prints:
 *   - a full analysis, spelling included, with the analyser's word caches
 *     empty (a fresh analyser each run; loading not counted) and warm;
 *   - a re-analysis after an edit in one paragraph of the 20,000 words;
 *   - the process's peak memory after the 100,000-word analysis;
 *   - with HELDER-CHECK, whole processes in turn, each pair's ratio: on
 *     20,000 words `helder-check --format=json` against
 *     `hunspell -l -d nl_NL` (wall and CPU time); `--format=text` next to
 *     `--format=json` on 20,000 and 100,000 words.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* The first @n_words words of the corpus, whole paragraphs. */
static char *
corpus_prefix (const char *corpus,
               guint       n_words)
{
  const char *p = corpus;
  guint words = 0;
  gboolean in_word = FALSE;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (in_word)
            words++;
          in_word = FALSE;
          if (words >= n_words && p[0] == '\n' && p[1] == '\n')
            break;
        }
      else
        in_word = TRUE;
    }
  return g_strndup (corpus, p - corpus);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p) && !in_word)
        n++;
      in_word = !g_ascii_isspace (*p);
    }
  return n;
}

/* Distinct word forms, lower case: how varied the text is. */
static guint
count_forms (const char *text)
{
  g_autoptr(GHashTable) forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alpha:]]+", lower, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_hash_table_add (forms, g_strdup (words[i]));
  return g_hash_table_size (forms);
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
bench_full (const char *corpus,
            guint       n_words,
            guint       runs)
{
  g_autofree char *text = corpus_prefix (corpus, n_words);
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(HelderTextAnalyzer) analyzer = helder_text_analyzer_new ("nl_NL", NULL);
      g_autofree char *other = NULL;
      double c, w;

      /* Hunspell loads in a thread: wait for it, loading is not counted. */
      helder_speller_check (helder_text_analyzer_get_speller (analyzer), "de");
      c = analyse_ms (analyzer, text);
      other = g_strconcat (text, "Nog één alinea.\n", NULL);

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
bench_edit (const char *corpus)
{
  g_autofree char *text = corpus_prefix (corpus, 20000);
  g_autoptr(HelderTextAnalyzer) analyzer = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GString *edited = g_string_new (text);
  const char *typed = "We gaan in maart verder met het werk in de straat. ";
  gsize cursor = strstr (text + strlen (text) / 2, "\n\n") - text;

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

/* One run of @argv as a whole process, its output to /dev/null: wall and
 * CPU (user + system) milliseconds. */
static void
run_process (char   **argv,
             double  *wall,
             double  *cpu)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) != 127);
  *wall = (g_get_monotonic_time () - start) / 1000.0;
  *cpu = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* @a and @b in turn, one warm-up each, then @runs pairs: the medians of
 * both and of the pairs' ratios, so that a machine whose speed drifts
 * still compares like with like. */
static void
compare_processes (const char  *what,
                   char       **a,
                   const char  *a_name,
                   char       **b,
                   const char  *b_name,
                   guint        runs)
{
  g_autoptr(GArray) a_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) a_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  double wall, cpu;

  run_process (a, &wall, &cpu);
  run_process (b, &wall, &cpu);
  for (guint i = 0; i < runs; i++)
    {
      double aw, ac, bw, bc, r;

      run_process (a, &aw, &ac);
      run_process (b, &bw, &bc);
      g_array_append_val (a_wall, aw);
      g_array_append_val (a_cpu, ac);
      g_array_append_val (b_wall, bw);
      g_array_append_val (b_cpu, bc);
      r = aw / bw;
      g_array_append_val (wall_ratio, r);
      r = ac / bc;
      g_array_append_val (cpu_ratio, r);
    }

  g_print ("%s, whole processes, medians of %u runs in turn:\n"
           "  %-28s %7.0f ms wall %7.0f ms cpu\n"
           "  %-28s %7.0f ms wall %7.0f ms cpu\n"
           "  ratio (median of the pairs)  %7.3f wall   %7.3f cpu\n",
           what, runs,
           a_name, percentile (a_wall, 0.5), percentile (a_cpu, 0.5),
           b_name, percentile (b_wall, 0.5), percentile (b_cpu, 0.5),
           percentile (wall_ratio, 0.5), percentile (cpu_ratio, 0.5));
}

static char *
write_temp (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("helder-bench-XXXXXX.txt", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
bench_processes (const char *corpus,
                 const char *helder_check)
{
  g_autofree char *text20 = corpus_prefix (corpus, 20000);
  g_autofree char *text100 = corpus_prefix (corpus, 100000);
  g_autofree char *path20 = write_temp (text20);
  g_autofree char *path100 = write_temp (text100);
  char *json20[] = { (char *) helder_check, "--format=json", path20, NULL };
  char *hunspell20[] = { "hunspell", "-l", "-d", "nl_NL", path20, NULL };
  char *plain20[] = { (char *) helder_check, "--format=text", path20, NULL };
  char *json100[] = { (char *) helder_check, "--format=json", path100, NULL };
  char *plain100[] = { (char *) helder_check, "--format=text", path100, NULL };

  compare_processes ("20,000 words: every check against plain spelling",
                     json20, "helder-check --format=json", hunspell20, "hunspell -l -d nl_NL", 9);
  compare_processes ("20,000 words: text output next to JSON",
                     plain20, "helder-check --format=text", json20, "helder-check --format=json", 5);
  compare_processes ("100,000 words: text output next to JSON",
                     plain100, "helder-check --format=text", json100, "helder-check --format=json", 3);
  g_remove (path20);
  g_remove (path100);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus = NULL;
  g_autofree char *text5 = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;

  if (argc < 2)
    {
      g_printerr ("usage: bench-text CORPUS [HELDER-CHECK]\n");
      return 2;
    }
  g_file_get_contents (argv[1], &corpus, NULL, &error);
  g_assert_no_error (error);
  text5 = corpus_prefix (corpus, 5000);
  {
    g_autofree char *text20 = corpus_prefix (corpus, 20000);

    g_print ("corpus: %u words, %u distinct word forms (first 20,000 words: %u; first 5,000: %u)\n",
             count_words (corpus), count_forms (corpus), count_forms (text20), count_forms (text5));
  }

  bench_full (corpus, 5000, 7);
  bench_full (corpus, 20000, 5);
  bench_edit (corpus);
  bench_full (corpus, 100000, 3);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory of this process (after the 100,000-word runs): %.1f MB\n", usage.ru_maxrss / 1024.0);

  if (argc > 2)
    bench_processes (corpus, argv[2]);

  return 0;
}
