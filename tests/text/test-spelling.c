/* test-spelling.c: the spelling check against plain Hunspell
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "text/helder-text-analyzer.h"

/* tests/text/typos.tsv holds real typos in sentences; tests/text/levels
 * correct texts.  `hunspell -l -d nl_NL` is the yardstick: Helder must
 * flag every typo it flags, and flag no word it accepts. */

static HelderTextAnalyzer *analyzer;

/* The words `hunspell -l` lists for @text. */
static GHashTable *
hunspell_list (const char *text)
{
  const char *argv[] = { "hunspell", "-l", "-d", "nl_NL", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  listed = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  lines = g_strsplit (listed, "\n", -1);
  /* Hunspell's words may hold periods (WORDCHARS): "omgeivng." at the end
   * of a sentence is the word omgeivng. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);

      while (n > 0 && lines[i][n - 1] == '.')
        lines[i][--n] = '\0';
      if (n > 0)
        g_hash_table_add (words, g_strdup (lines[i]));
    }
  return words;
}

/* The words Helder flags as spelling in @text. */
static GHashTable *
helder_list (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderAnalysis) analysis = helder_text_analyzer_analyze (analyzer, text, -1, &error);
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (analysis, i);
      const char *a = g_utf8_offset_to_pointer (text, f->start);
      const char *z = g_utf8_offset_to_pointer (text, f->end);

      if (f->category == HELDER_CHECK_SPELLING)
        g_hash_table_add (words, g_strndup (a, z - a));
    }
  return words;
}

typedef struct
{
  char *typo;
  char *correction;
  char *sentence;
} Typo;

static void
typo_free (Typo *t)
{
  g_free (t->typo);
  g_free (t->correction);
  g_free (t->sentence);
  g_free (t);
}

static GPtrArray *
load_typos (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "text", "typos.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *typos = g_ptr_array_new_with_free_func ((GDestroyNotify) typo_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Typo *t;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_nonnull (strstr (fields[2], fields[0]));
      t = g_new0 (Typo, 1);
      t->typo = g_strdup (fields[0]);
      t->correction = g_strdup (fields[1]);
      t->sentence = g_strdup (fields[2]);
      g_ptr_array_add (typos, t);
    }
  return typos;
}

static char *
join_sentences (GPtrArray *typos,
                gboolean   corrected)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < typos->len; i++)
    {
      Typo *t = g_ptr_array_index (typos, i);
      g_auto(GStrv) parts = g_strsplit (t->sentence, t->typo, 2);

      if (corrected)
        g_string_append_printf (text, "%s%s%s\n\n", parts[0], t->correction, parts[1]);
      else
        g_string_append_printf (text, "%s\n\n", t->sentence);
    }
  return g_string_free (text, FALSE);
}

/* Every typo Hunspell finds, Helder finds. */
static void
test_recall (void)
{
  g_autoptr(GPtrArray) typos = load_typos ();
  g_autofree char *text = join_sentences (typos, FALSE);
  g_autoptr(GHashTable) hunspell = hunspell_list (text);
  g_autoptr(GHashTable) helder = helder_list (text);
  guint by_hunspell = 0, by_both = 0;

  g_assert_cmpuint (typos->len, >=, 100);
  for (guint i = 0; i < typos->len; i++)
    {
      Typo *t = g_ptr_array_index (typos, i);

      if (!g_hash_table_contains (hunspell, t->typo))
        {
          g_test_message ("hunspell -l does not list %s", t->typo);
          continue;
        }
      by_hunspell++;
      if (g_hash_table_contains (helder, t->typo))
        by_both++;
      else
        g_test_message ("missed: %s (%s)", t->typo, t->correction);
    }
  g_test_message ("recall: Helder finds %u of the %u typos hunspell -l finds (%.1f%%), of %u typos",
                  by_both, by_hunspell, 100.0 * by_both / MAX (by_hunspell, 1), typos->len);
  g_assert_cmpuint (by_hunspell, ==, typos->len);
  g_assert_cmpuint (by_both, ==, by_hunspell);
}

static char *
level_texts (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "text", "levels", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_string_append_printf (text, "%s\n\n", contents);
    }
  return g_string_free (text, FALSE);
}

/* Correct text: Helder flags no word that Hunspell accepts. */
static void
test_correct_text (void)
{
  g_autoptr(GPtrArray) typos = load_typos ();
  g_autofree char *corrected = join_sentences (typos, TRUE);
  g_autofree char *levels = level_texts ();
  g_autofree char *text = g_strconcat (corrected, levels, NULL);
  g_autoptr(GHashTable) hunspell = hunspell_list (text);
  g_autoptr(GHashTable) helder = helder_list (text);
  GHashTableIter iter;
  gpointer word;
  guint n_words = 0;

  for (const char *p = text; *p != '\0'; )
    {
      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        n_words++;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
    }

  g_hash_table_iter_init (&iter, helder);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      if (!g_hash_table_contains (hunspell, word))
        g_error ("Helder flags %s, which hunspell -l accepts", (char *) word);
    }
  g_test_message ("correct text of about %u words: Helder flags %u distinct words, hunspell -l %u",
                  n_words, g_hash_table_size (helder), g_hash_table_size (hunspell));
  g_assert_cmpuint (g_hash_table_size (helder), <, g_hash_table_size (hunspell));
}

static guint
count_spelling (const char *text)
{
  g_autoptr(GHashTable) words = helder_list (text);

  return g_hash_table_size (words);
}

/* Compounds the dictionary's flags allow, and typos that only look like
 * compounds. */
static void
test_compounds (void)
{
  static const char *accepted[] = {
    "wijkteamoverleg", "speelruimteplan", "parkeervergunningaanvraag", "rekenkamercommissie",
    "jeugdzorgaanbieders", "wijkteamoverleggen",
  };
  static const char *rejected[] = {
    "elsbroek",                    /* els has no compound flag */
    "verkeerbesluit",              /* a linking s left out */
    "energiebesparingsmaatregen",  /* regen for regel */
    "zeeeend",                     /* vowels that collide take a hyphen: zee-eend */
    "buurtpreventieapp",           /* app cannot end a compound */
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Wij bespreken het %s.", accepted[i]);

      if (count_spelling (sentence) != 0)
        g_error ("%s is flagged", accepted[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Wij bespreken het %s.", rejected[i]);

      if (count_spelling (sentence) != 1)
        g_error ("%s is not flagged", rejected[i]);
    }
}

/* beleids- en uitvoeringsvragen: the first part stands for a compound. */
static void
test_truncated (void)
{
  g_assert_cmpuint (count_spelling ("Wij beantwoorden beleids- en uitvoeringsvragen."), ==, 0);
  g_assert_cmpuint (count_spelling ("Het (beleids-) vraagstuk is lastig."), ==, 0);
  g_assert_cmpuint (count_spelling ("De woon- en werkomgeving, de verkeers- of parkeerregels."), ==, 0);
  g_assert_cmpuint (count_spelling ("De huisvestings- en zorgvragen, in- en verkoop."), ==, 0);
  /* Not any word before a hyphen: a typo stays one. */
  g_assert_cmpuint (count_spelling ("Wij beantwoorden bleids- en uitvoeringsvragen."), ==, 1);
  g_assert_cmpuint (count_spelling ("Wij beantwoorden beleidt- en uitvoeringsvragen."), ==, 1);
}

/* e + U+0301 is checked as é. */
static void
test_decomposed (void)
{
  const char *decomposed = "Een cafe\xcc\x81 in e\xcc\x81" "e\xcc\x81n straat, met idee" "e\xcc\x88n.";
  const char *typo = "Een cafe\xcc\x81" "e in e\xcc\x81" "e\xcc\x81n straat.";
  g_autoptr(HelderAnalysis) analysis = helder_text_analyzer_analyze (analyzer, typo, -1, NULL);
  const HelderFinding *f;

  g_assert_cmpuint (count_spelling (decomposed), ==, 0);
  g_assert_cmpuint (count_spelling (typo), ==, 1);
  /* Offsets still count the characters as written: "cafe" + accent +
   * "e" are six. */
  f = helder_analysis_get_finding (analysis, 0);
  g_assert_cmpuint (f->category, ==, HELDER_CHECK_SPELLING);
  g_assert_cmpuint (f->start, ==, 4);
  g_assert_cmpuint (f->end, ==, 10);
}

/* Known names pass; other capitalised words are checked like any word. */
static void
test_names (void)
{
  const char *places = "Wij rijden via Teylingen en Sassenheim naar 's-Gravenzande en Alphen aan den Rijn.";
  g_autoptr(HelderAnalysis) analysis = NULL;

  g_assert_cmpuint (count_spelling (places), ==, 0);
  g_assert_cmpuint (count_spelling ("Het overleg is in Hillegmo en in teylingen."), ==, 2);

  analysis = helder_text_analyzer_analyze (analyzer, "Daarna spreekt Wethoduer Bakker.", -1, NULL);
  g_assert_cmpuint (helder_analysis_get_n_findings (analysis), >=, 1);
  g_assert_cmpuint (helder_analysis_get_finding (analysis, 0)->category, ==, HELDER_CHECK_SPELLING);
  g_assert_cmpuint (helder_analysis_get_finding (analysis, 0)->severity, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  analyzer = helder_text_analyzer_new ("nl_NL", &error);
  g_assert_no_error (error);
  helder_text_analyzer_set_checks (analyzer, HELDER_CHECK_SPELLING);

  g_test_add_func ("/spelling/recall", test_recall);
  g_test_add_func ("/spelling/correct-text", test_correct_text);
  g_test_add_func ("/spelling/compounds", test_compounds);
  g_test_add_func ("/spelling/truncated", test_truncated);
  g_test_add_func ("/spelling/decomposed", test_decomposed);
  g_test_add_func ("/spelling/names", test_names);

  status = g_test_run ();
  helder_text_analyzer_unref (analyzer);
  return status;
}
