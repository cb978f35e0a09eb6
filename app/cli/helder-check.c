/* helder-check.c: the plain-language check on the command line
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-check"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/helder-text-analyzer.h"
#include "text/helder-text-cursor.h"

/* Exit status: 0 it ran; 1 with --max-level N when a text is harder than
 * level N; 2 a usage or input error, with a message on stderr. */
enum { EXIT_RAN = 0, EXIT_TOO_HARD = 1, EXIT_USAGE = 2 };

static char *format = NULL;
static gboolean with_tokens = FALSE;
static int max_level = 0;
static char *language = NULL;
static char **disabled = NULL;
static char **files = NULL;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
  { "tokens", 't', 0, G_OPTION_ARG_NONE, &with_tokens, N_("Also list every word with its syllables"), NULL },
  { "max-level", 'm', 0, G_OPTION_ARG_INT, &max_level, N_("Exit with status 1 when a text is harder than level N (1–4)"), N_("N") },
  { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_("Spelling dictionary: nl_NL (default), nl_BE or en_US"), N_("LANGUAGE") },
  { "disable", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &disabled, N_("Switch a check off (repeat for more): spelling, long-sentence, hard-sentence, passive, jargon, rare-word, long-word, nominalisation, address"), N_("CHECK") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE|-]…") },
  { NULL }
};

static const char *description = N_(
  "Checks Dutch text for plain language (B1) and prints scores and findings.\n"
  "Reads each FILE, or standard input when there is none or it is “-”.\n"
  "\n"
  "JSON output: one object per input (an array of them for several inputs):\n"
  "  file          the input’s name (“-” for standard input)\n"
  "  scores        for the whole text:\n"
  "    words, sentences, syllables   counts\n"
  "    words_per_sentence            average sentence length\n"
  "    syllables_per_100_words       syllables per 100 words\n"
  "    flesch_douma, flesch_douma_band   Flesch-Douma reading ease (0 hard – 100 easy) and its band\n"
  "    brouwer, brouwer_band         Leesindex Brouwer (0 – 100) and its band\n"
  "    long_word_share               share of words of four syllables or more\n"
  "    rare_word_share               share of words below Zipf 2.5 (rarely used)\n"
  "    content_words_per_clause      information density\n"
  "    mean_content_zipf             how common the content words are (Zipf, 1–7)\n"
  "    difficulty                    the score behind the level\n"
  "    level                         1 (easy) to 4 (hard); B1 is level 2 or lower\n"
  "  An empty text has level 0 and null bands.\n"
  "  sentences     each sentence: start, end, words, syllables, level\n"
  "  findings      each finding: category, start, end, text, severity (1 mild – 3 strong),\n"
  "                message, explanation (why it matters) and suggestions (what to write instead)\n"
  "                categories: spelling, long-sentence, hard-sentence, passive, jargon,\n"
  "                rare-word, long-word, nominalisation, address (u and je mixed)\n"
  "  tokens        with --tokens: every word with text, start, end and syllables\n"
  "Offsets (start, end) count Unicode characters from the start of the input; end is exclusive.\n"
  "\n"
  "Exit status: 0 when the check ran; 1 with --max-level N when a text is harder than level N;\n"
  "2 on a usage or input error, such as text that is not valid UTF-8.");

static GBytes *
read_input (const char  *name,
            GError     **error)
{
  if (g_strcmp0 (name, "-") == 0)
    {
      GByteArray *bytes = g_byte_array_new ();
      guint8 buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_byte_array_append (bytes, buffer, n);
      if (ferror (stdin))
        {
          g_byte_array_unref (bytes);
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("could not read standard input"));
          return NULL;
        }
      return g_byte_array_free_to_bytes (bytes);
    }
  else
    {
      char *contents;
      gsize length;

      if (!g_file_get_contents (name, &contents, &length, error))
        return NULL;
      return g_bytes_new_take (contents, length);
    }
}

static void
print_text (const char     *name,
            const char     *text,
            HelderAnalysis *analysis)
{
  const HelderScores *s = helder_analysis_get_scores (analysis);
  guint n = helder_analysis_get_n_findings (analysis);
  HelderTextCursor cursor;

  if (s->words == 0)
    {
      g_print (_("%s: no text to check\n"), name);
      return;
    }

  g_print ("%s: ", name);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", s->words), s->words);
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences", s->sentences), s->sentences);
  g_print (_(", level %d (B1 is level 2 or lower)\n"), s->level);
  g_print (_("  Flesch-Douma %.1f (%s), Brouwer %.1f (%s)\n"),
           s->flesch_douma, helder_reading_ease_band (s->flesch_douma),
           s->brouwer, helder_reading_ease_band (s->brouwer));
  g_print (_("  %.1f words per sentence, %.0f%% long words, %.0f%% rare words\n"),
           s->words_per_sentence, 100 * s->long_word_share, 100 * s->rare_word_share);

  helder_text_cursor_init (&cursor, text);
  for (guint i = 0; i < n; i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (analysis, i);
      /* Findings are sorted by start: one walk over the text for all. */
      const char *a = helder_text_cursor_seek (&cursor, f->start);
      const char *z = a;
      g_autofree char *quoted = NULL;
      gboolean cut;

      /* At most 60 characters of it, and no walk to a far end. */
      for (guint32 k = 0; k < f->end - f->start && k < 60 && *z != '\0'; k++)
        z = g_utf8_next_char (z);
      cut = f->end - f->start > 60;
      quoted = g_strndup (a, z - a);
      g_strdelimit (quoted, "\r\n", ' ');
      g_print ("  %u:%u %s “%s%s”: %s", cursor.line, cursor.column, helder_check_get_name (f->category),
               quoted, cut ? "…" : "", f->message);
      if (f->suggestions[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) f->suggestions);
          g_print (" → %s", joined);
        }
      g_print ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* The analyser and the results are not freed: the process is about to
   * hand its memory back, and freeing Hunspell's tables alone costs more
   * than checking a page of text (about 50 ms). */
  HelderTextAnalyzer *analyzer = NULL;
  JsonArray *results = json_array_new ();
  const char *stdin_only[] = { "-", NULL };
  const char * const *inputs;
  guint checks = HELDER_CHECK_ALL;
  gboolean json, too_hard = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR") ? g_getenv ("HELDER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check Dutch text for plain language."));
  g_option_context_set_description (context, _(description));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("helder-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_("helder-check: unknown format “%s”: use text or json\n"), format);
      return EXIT_USAGE;
    }
  json = g_strcmp0 (format, "json") == 0;

  if (max_level < 0 || max_level > 4)
    {
      g_printerr (_("helder-check: --max-level takes a level from 1 to 4\n"));
      return EXIT_USAGE;
    }

  for (guint i = 0; disabled != NULL && disabled[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (disabled[i], ",", -1);

      for (guint k = 0; names[k] != NULL; k++)
        {
          HelderCheck check = helder_check_from_name (g_strstrip (names[k]));

          if (check == 0)
            {
              g_printerr (_("helder-check: unknown check “%s”\n"), names[k]);
              return EXIT_USAGE;
            }
          checks &= ~check;
        }
    }

  analyzer = helder_text_analyzer_new (language ? language : "nl_NL", &error);
  if (analyzer == NULL)
    {
      g_printerr ("helder-check: %s\n", error->message);
      return EXIT_USAGE;
    }
  helder_text_analyzer_set_checks (analyzer, checks);

  inputs = files != NULL && files[0] != NULL ? (const char * const *) files : stdin_only;
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = read_input (inputs[i], &error);
      g_autoptr(HelderAnalysis) analysis = NULL;
      g_autofree char *text = NULL;
      const char *data;
      gsize length;

      if (bytes == NULL)
        {
          g_printerr ("helder-check: %s\n", error->message);
          return EXIT_USAGE;
        }
      /* Empty input has no data at all (NULL): an empty text. */
      data = g_bytes_get_data (bytes, &length);
      text = g_strndup (data != NULL ? data : "", length);
      if (strlen (text) != length)
        {
          g_printerr (_("helder-check: %s: the input holds a NUL byte: not a text file\n"), inputs[i]);
          return EXIT_USAGE;
        }

      analysis = helder_text_analyzer_analyze (analyzer, text, length, &error);
      if (analysis == NULL)
        {
          g_printerr ("helder-check: %s: %s\n", inputs[i], error->message);
          return EXIT_USAGE;
        }

      if (max_level > 0 && helder_analysis_get_scores (analysis)->level > max_level)
        too_hard = TRUE;

      if (json)
        {
          JsonNode *node = helder_analysis_to_json (analysis, with_tokens);

          json_object_set_string_member (json_node_get_object (node), "file", inputs[i]);
          json_array_add_element (results, node);
        }
      else
        print_text (inputs[i], text, analysis);
    }

  if (json)
    {
      JsonNode *root;
      g_autofree char *out = NULL;

      if (json_array_get_length (results) == 1)
        root = json_array_get_element (results, 0);
      else
        {
          root = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (root, results);
        }
      out = json_to_string (root, TRUE);
      fputs (out, stdout);
      fputc ('\n', stdout);
    }

  return too_hard ? EXIT_TOO_HARD : EXIT_RAN;
}
