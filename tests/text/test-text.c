/* test-text.c: tokenizer, syllables, scores and findings of the text engine
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/helder-house-style.h"
#include "text/helder-syllables.h"
#include "text/helder-text-analyzer.h"
#include "text/helder-text-summary.h"
#include "text/helder-tokenizer.h"

static HelderTextAnalyzer *analyzer;

/* Tokenizer */

typedef struct
{
  GArray *paragraphs;
  GPtrArray *sentences;   /* one string per sentence, its tokens joined by | */
  GPtrArray *kinds;       /* token text → kind */
} Tokenized;

static void
tokenized_free (Tokenized *t)
{
  g_array_unref (t->paragraphs);
  g_ptr_array_unref (t->sentences);
  g_ptr_array_unref (t->kinds);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tokenized, tokenized_free)

static Tokenized *
tokenize (const char *text)
{
  Tokenized *result = g_new0 (Tokenized, 1);

  result->paragraphs = helder_split_paragraphs (text, strlen (text));
  result->sentences = g_ptr_array_new_with_free_func (g_free);
  result->kinds = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < result->paragraphs->len; p++)
    {
      HelderSpan *span = &g_array_index (result->paragraphs, HelderSpan, p);
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
      g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
      const char *base = text + span->byte_start;

      helder_tokenize (base, span->byte_end - span->byte_start, tokens, sentences);
      for (guint s = 0; s < sentences->len; s++)
        {
          HelderSentence *sentence = &g_array_index (sentences, HelderSentence, s);
          GString *joined = g_string_new (NULL);

          for (guint i = sentence->first_token; i < sentence->first_token + sentence->n_tokens; i++)
            {
              HelderToken *t = &g_array_index (tokens, HelderToken, i);
              const char *a = g_utf8_offset_to_pointer (text, span->start + t->start);
              const char *z = g_utf8_offset_to_pointer (text, span->start + t->end);

              /* Character offsets and byte offsets agree. */
              g_assert_true (a == base + t->byte_start);
              g_assert_true (z == base + t->byte_end);
              if (joined->len)
                g_string_append_c (joined, '|');
              g_string_append_len (joined, a, z - a);
              g_ptr_array_add (result->kinds, g_strdup_printf ("%.*s=%d", (int) (z - a), a, t->kind));
            }
          g_ptr_array_add (result->sentences, g_string_free (joined, FALSE));
        }
    }
  return result;
}

static gboolean
has_kind (Tokenized       *t,
          const char      *text,
          HelderTokenKind  kind)
{
  g_autofree char *wanted = g_strdup_printf ("%s=%d", text, kind);

  for (guint i = 0; i < t->kinds->len; i++)
    if (g_str_equal (g_ptr_array_index (t->kinds, i), wanted))
      return TRUE;
  return FALSE;
}

static void
test_tokenizer_abbreviations (void)
{
  g_autoptr(Tokenized) t = tokenize ("Wij vervangen o.a. de riolering, d.w.z. de buizen. Mr. J. de Vries "
                                     "helpt bijv. met nr. 12 en ca. tien huizen enz. Daarna is het klaar.");

  g_assert_cmpuint (t->sentences->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 0), ==,
                   "Wij|vervangen|o.a.|de|riolering|,|d.w.z.|de|buizen|.");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 1), ==,
                   "Mr.|J.|de|Vries|helpt|bijv.|met|nr.|12|en|ca.|tien|huizen|enz.");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 2), ==, "Daarna|is|het|klaar|.");
  g_assert_true (has_kind (t, "o.a.", HELDER_TOKEN_ABBREVIATION));
  g_assert_true (has_kind (t, "J.", HELDER_TOKEN_ABBREVIATION));
  g_assert_true (has_kind (t, "Mr.", HELDER_TOKEN_ABBREVIATION));
  g_assert_true (has_kind (t, "enz.", HELDER_TOKEN_ABBREVIATION));
}

static void
test_tokenizer_numbers_and_codes (void)
{
  g_autoptr(Tokenized) t = tokenize ("Vanaf 28-11-2026 kost het € 10.000 of 3,5 dag. Niveau A1 en B2 in 2026-Q4 om 14:30 uur op de 1e dag.");

  g_assert_cmpuint (t->sentences->len, ==, 2);
  g_assert_true (has_kind (t, "28-11-2026", HELDER_TOKEN_NUMBER));
  g_assert_true (has_kind (t, "10.000", HELDER_TOKEN_NUMBER));
  g_assert_true (has_kind (t, "3,5", HELDER_TOKEN_NUMBER));
  g_assert_true (has_kind (t, "A1", HELDER_TOKEN_CODE));
  g_assert_true (has_kind (t, "B2", HELDER_TOKEN_CODE));
  g_assert_true (has_kind (t, "2026-Q4", HELDER_TOKEN_CODE));
  g_assert_true (has_kind (t, "14:30", HELDER_TOKEN_NUMBER));
  g_assert_true (has_kind (t, "1e", HELDER_TOKEN_NUMBER));
}

static void
test_tokenizer_words (void)
{
  g_autoptr(Tokenized) t = tokenize ("Foto’s van ‘burgers’ en foto's, m’n communicatie-instructies. "
                                     "Mail info@hillegom.nl of kijk op https://www.hillegom.nl/afval, "
                                     "of hillegom.nl. De VNG helpt 's ochtends.");

  g_assert_true (has_kind (t, "Foto’s", HELDER_TOKEN_WORD));
  g_assert_true (has_kind (t, "burgers", HELDER_TOKEN_WORD));
  g_assert_true (has_kind (t, "‘", HELDER_TOKEN_PUNCTUATION));
  g_assert_true (has_kind (t, "foto's", HELDER_TOKEN_WORD));
  g_assert_true (has_kind (t, "m’n", HELDER_TOKEN_WORD));
  g_assert_true (has_kind (t, "communicatie-instructies", HELDER_TOKEN_WORD));
  g_assert_true (has_kind (t, "info@hillegom.nl", HELDER_TOKEN_EMAIL));
  g_assert_true (has_kind (t, "https://www.hillegom.nl/afval", HELDER_TOKEN_URL));
  g_assert_true (has_kind (t, "hillegom.nl", HELDER_TOKEN_URL));
  g_assert_true (has_kind (t, "VNG", HELDER_TOKEN_ABBREVIATION));
  g_assert_true (has_kind (t, "'s", HELDER_TOKEN_WORD));
  g_assert_cmpuint (t->sentences->len, ==, 3);
}

static void
test_tokenizer_lines (void)
{
  g_autoptr(Tokenized) t = tokenize ("# Werk in uw straat\n\nBeste bewoner,\nWij gaan aan de slag met\n"
                                     "de nieuwe buizen. Dat duurt kort.\n- eerste punt\n- tweede punt\n"
                                     "1. Nummer een\nWat vindt u? \"Goed,\" zei hij.");

  g_assert_cmpstr (g_ptr_array_index (t->sentences, 0), ==, "#|Werk|in|uw|straat");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 1), ==, "Beste|bewoner|,");
  /* A hard-wrapped sentence stays one sentence. */
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 2), ==,
                   "Wij|gaan|aan|de|slag|met|de|nieuwe|buizen|.");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 4), ==, "-|eerste|punt");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 5), ==, "-|tweede|punt");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 6), ==, "1|.|Nummer|een");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 7), ==, "Wat|vindt|u|?");
  g_assert_cmpstr (g_ptr_array_index (t->sentences, 8), ==, "\"|Goed|,|\"|zei|hij|.");
  g_assert_cmpuint (t->sentences->len, ==, 9);
}

static void
test_tokenizer_edge_cases (void)
{
  g_autoptr(Tokenized) empty = tokenize ("");
  g_autoptr(Tokenized) blank = tokenize (" \n\n \t\n");
  g_autoptr(Tokenized) marks = tokenize ("... ?! —");

  g_assert_cmpuint (empty->paragraphs->len, ==, 0);
  g_assert_cmpuint (blank->paragraphs->len, ==, 0);
  g_assert_cmpuint (marks->sentences->len, >=, 1);

  /* Found by the fuzzer: an apostrophe as the paragraph's last character
   * was read past. */
  {
    const char *ends[] = { "Het is ’", "Het is '", "’", "'s", "’t" };

    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        g_autofree char *copy = g_strdup (ends[i]);   /* exact size for ASan */
        g_autoptr(Tokenized) t = tokenize (copy);

        g_assert_cmpuint (t->sentences->len, ==, 1);
      }
  }
}

/* Syllables: at least 97 % of a hand-checked list of 250+ words. */
static void
test_syllables_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "text", "syllables.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderSyllables) syllables = helder_syllables_new (NULL, &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint right = 0, total = 0;

  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      g_autofree char *word = NULL;
      guint expected, counted;

      if (fields[0] == NULL || fields[1] == NULL)
        continue;
      word = g_utf8_strdown (fields[0], -1);
      expected = atoi (fields[1]);
      counted = helder_syllables_count (syllables, word);
      total++;
      if (counted == expected)
        right++;
      else
        g_test_message ("%s: %u syllables, expected %u (%s)", fields[0], counted, expected, fields[2]);
    }

  g_test_message ("syllables: %u of %u words right (%.1f%%)", right, total, 100.0 * right / total);
  g_assert_cmpuint (total, >=, 250);
  g_assert_cmpfloat ((double) right / total, >=, 0.97);
}

static void
test_syllables_rules (void)
{
  g_autoptr(HelderSyllables) s = helder_syllables_new (NULL, NULL);
  static const struct { const char *word; guint n; } cases[] = {
    { "avond", 2 }, { "ezel", 2 }, { "chaos", 2 }, { "naïef", 2 }, { "poëtisch", 3 },
    { "huis", 1 }, { "nieuw", 1 }, { "leeuw", 1 }, { "mooi", 1 }, { "groei", 1 },
    { "fraai", 1 }, { "website", 2 }, { "update", 2 }, { "team", 1 },
    { "gemeentewebsite", 5 }, { "communicatie-instructies", 8 }, { "geuit", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n = helder_syllables_count (s, cases[i].word);

      if (n != cases[i].n)
        g_error ("%s: %u syllables, expected %u", cases[i].word, n, cases[i].n);
    }
}

/* Formulas, against values computed by hand. */
static void
test_formulas (void)
{
  HelderScores s = { 0 };

  /* 100 words, 8 sentences, 150 syllables:
   * Flesch-Douma = 206.84 − 0.77 × 150 − 0.93 × 12.5 = 79.715
   * Brouwer      = 195 − 2 × 12.5 − 0.67 × 150      = 69.5 */
  s.words = 100;
  s.sentences = 8;
  s.syllables = 150;
  s.content_words = 50;
  s.clauses = 10;
  s.content_zipf_sum = 50 * 4.5;
  helder_scores_finish (&s);

  g_assert_cmpfloat_with_epsilon (s.words_per_sentence, 12.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.syllables_per_100_words, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.flesch_douma, 79.715, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.brouwer, 69.5, 1e-9);
  g_assert_cmpstr (helder_reading_ease_band (s.flesch_douma), ==, "vrij makkelijk");
  g_assert_cmpstr (helder_reading_ease_band (s.brouwer), ==, "normaal");

  /* difficulty = 12 × (5.0 − 4.5) + 0.9 × 12.5 + 2 × 5 = 27.25 → level 3 */
  g_assert_cmpfloat_with_epsilon (s.difficulty, 27.25, 1e-9);
  g_assert_cmpint (s.level, ==, 3);

  g_assert_cmpint (helder_level_from_difficulty (10), ==, 1);
  g_assert_cmpint (helder_level_from_difficulty (35), ==, 3);
  g_assert_cmpint (helder_level_from_difficulty (25), ==, 2);
  g_assert_cmpint (helder_level_from_difficulty (60), ==, 4);
  g_assert_cmpstr (helder_reading_ease_band (95), ==, "zeer makkelijk");
  g_assert_cmpstr (helder_reading_ease_band (10), ==, "zeer moeilijk");
}

/* Findings */

static HelderAnalysis *
analyse (const char *text)
{
  g_autoptr(GError) error = NULL;
  HelderAnalysis *analysis = helder_text_analyzer_analyze (analyzer, text, -1, &error);

  g_assert_no_error (error);
  return analysis;
}

/* The text of the first finding of @category, or NULL. */
static char *
find (HelderAnalysis *analysis,
      const char     *text,
      HelderCheck     category,
      guint           nth)
{
  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (analysis, i);

      if (f->category == category && nth-- == 0)
        {
          const char *a = g_utf8_offset_to_pointer (text, f->start);
          const char *z = g_utf8_offset_to_pointer (text, f->end);
          return g_strndup (a, z - a);
        }
    }
  return NULL;
}

static const char *
finding_explanation (HelderAnalysis *analysis,
                     HelderCheck     category,
                     guint           nth)
{
  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (analysis, i);

      if (f->category == category && nth-- == 0)
        return f->explanation;
    }
  return NULL;
}

static guint
count (HelderAnalysis *analysis,
       HelderCheck     category)
{
  guint n = 0;

  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    n += helder_analysis_get_finding (analysis, i)->category == category;
  return n;
}

static void
test_spelling (void)
{
  const char *text = "De gemeenteraad bespreekt het wijkteamoverleg en de parkeervergunningaanvraag. "
                     "Wij zijn blij met de vergaderign. Daarom belt Verkerkstra op 28-11-2026 over "
                     "project A1, zie www.hillegom.nl of mail info@hillegom.nl (VNG, bijv.).";
  g_autoptr(HelderAnalysis) a = analyse (text);
  g_autofree char *typo = find (a, text, HELDER_CHECK_SPELLING, 0);
  g_autofree char *name = find (a, text, HELDER_CHECK_SPELLING, 1);

  g_assert_cmpstr (typo, ==, "vergaderign");
  g_assert_cmpstr (name, ==, "Verkerkstra");
  g_assert_cmpuint (count (a, HELDER_CHECK_SPELLING), ==, 2);

  for (guint i = 0; i < helder_analysis_get_n_findings (a); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (a, i);

      if (f->category == HELDER_CHECK_SPELLING)
        /* The typo counts more than the name. */
        g_assert_cmpuint (f->severity, ==, (f->start < (guint32) (strstr (text, "Verkerkstra") - text) ? 2 : 1));
    }
}

static void
test_long_sentences (void)
{
  const char *text = "Dit is kort. "
                     "Wij hebben besloten om de weg in de wijk volgende week af te sluiten omdat de "
                     "buizen onder de straat oud zijn en vervangen moeten worden door nieuwe. "
                     "Wij hebben besloten om de weg in de wijk volgende week af te sluiten omdat de "
                     "buizen onder de straat oud zijn en vervangen moeten worden door nieuwe buizen die "
                     "langer meegaan en minder onderhoud nodig hebben dan de oude.";
  g_autoptr(HelderAnalysis) a = analyse (text);
  guint severities = 0;

  g_assert_cmpuint (count (a, HELDER_CHECK_LONG_SENTENCE), ==, 2);
  for (guint i = 0; i < helder_analysis_get_n_findings (a); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (a, i);

      if (f->category == HELDER_CHECK_LONG_SENTENCE)
        severities = severities * 10 + f->severity;
    }
  g_assert_cmpuint (severities, ==, 23);   /* over 20, then over 30 */
}

static void
test_rare_long_and_nominal (void)
{
  const char *text = "Het precaire beleid is helder. De uitvoering van het plan begint snel. "
                     "Het nemen van een besluit duurt lang. Wij bespreken de "
                     "afvalinzamelingsroutebeschrijving.";
  g_autoptr(HelderAnalysis) a = analyse (text);
  g_autofree char *rare = find (a, text, HELDER_CHECK_RARE_WORD, 0);
  g_autofree char *nominal = find (a, text, HELDER_CHECK_NOMINALISATION, 0);
  g_autofree char *nominal2 = find (a, text, HELDER_CHECK_NOMINALISATION, 1);
  g_autofree char *long_word = find (a, text, HELDER_CHECK_LONG_WORD, 0);

  g_assert_cmpstr (rare, ==, "precaire");
  g_assert_cmpstr (nominal, ==, "De uitvoering van");
  g_assert_cmpstr (nominal2, ==, "Het nemen van");
  g_assert_cmpstr (long_word, ==, "afvalinzamelingsroutebeschrijving");
}

static void
test_address (void)
{
  const char *mixed = "U kunt uw afval op dinsdag aanbieden. Heb je vragen? Bel ons. U krijgt snel antwoord.";
  const char *formal = "U kunt uw afval op dinsdag aanbieden. Heeft u vragen?";
  g_autoptr(HelderAnalysis) a = analyse (mixed);
  g_autoptr(HelderAnalysis) b = analyse (formal);
  g_autofree char *je = find (a, mixed, HELDER_CHECK_ADDRESS, 0);

  g_assert_cmpstr (je, ==, "je");
  g_assert_cmpuint (count (a, HELDER_CHECK_ADDRESS), ==, 1);
  g_assert_cmpuint (count (b, HELDER_CHECK_ADDRESS), ==, 0);
}

static HelderHouseStyle *
kliko_style (void)
{
  HelderHouseStyle *style = helder_house_style_new ();
  const char *alternatives[] = { "container", NULL };

  helder_house_style_add_spelling_word (style, "Digipanel");
  helder_house_style_add_spelling_word (style, "Hillezon");
  helder_house_style_add_ignored_word (style, "kliko-actie");
  helder_house_style_add_avoid_word (style, "kliko", alternatives, "Niet iedereen kent dit merk.");
  return style;
}

static void
test_house_style_and_profile (void)
{
  const char *text = "De Hillezon-coöperatie en Digipanel helpen bij de kliko-actie. Wij doen dit middels een brief.";
  const char *later = "De Hillezon-coöperatie en Digipanel helpen. Zet de kliko buiten.";
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderTextAnalyzer) local = helder_text_analyzer_new ("nl_NL", &error);
  g_autoptr(HelderHouseStyle) style = kliko_style ();
  g_autoptr(HelderAnalysis) before = NULL;
  g_autoptr(HelderAnalysis) after = NULL;
  g_autoptr(HelderAnalysis) replaced = NULL;
  g_autoptr(HelderAnalysis) off = NULL;
  g_autoptr(HelderHouseStyle) other = helder_house_style_new ();
  const char *via[] = { "via", NULL };
  g_autofree char *avoid = NULL;
  g_autofree char *own = NULL;

  g_assert_no_error (error);
  before = helder_text_analyzer_analyze (local, later, -1, NULL);
  g_assert_cmpuint (count (before, HELDER_CHECK_SPELLING), >=, 1);
  g_assert_cmpuint (count (before, HELDER_CHECK_JARGON), ==, 0);

  helder_text_analyzer_set_house_style (local, style);
  /* The same text again: its cached paragraphs are not reused. */
  after = helder_text_analyzer_analyze (local, later, -1, NULL);
  g_assert_cmpuint (count (after, HELDER_CHECK_SPELLING), ==, 0);
  avoid = find (after, later, HELDER_CHECK_JARGON, 0);
  g_assert_cmpstr (avoid, ==, "kliko");

  /* A new style replaces the whole previous one: kliko and the spelling
   * words are gone; its own entry for "middels" replaces the built-in. */
  helder_house_style_add_avoid_word (other, "middels", via, "Eigen uitleg.");
  helder_text_analyzer_set_house_style (local, other);
  replaced = helder_text_analyzer_analyze (local, text, -1, NULL);
  g_assert_cmpuint (count (replaced, HELDER_CHECK_JARGON), ==, 1);
  own = find (replaced, text, HELDER_CHECK_JARGON, 0);
  g_assert_cmpstr (own, ==, "middels");
  g_assert_cmpstr (finding_explanation (replaced, HELDER_CHECK_JARGON, 0), ==, "Eigen uitleg.");
  g_assert_cmpuint (count (replaced, HELDER_CHECK_SPELLING), >=, 2);   /* Hillezon, Digipanel */
  g_clear_pointer (&replaced, helder_analysis_unref);
  replaced = helder_text_analyzer_analyze (local, later, -1, NULL);
  g_assert_cmpuint (count (replaced, HELDER_CHECK_JARGON), ==, 0);

  helder_text_analyzer_set_checks (local, HELDER_CHECK_ALL & ~HELDER_CHECK_JARGON);
  off = helder_text_analyzer_analyze (local, text, -1, NULL);
  g_assert_cmpuint (count (off, HELDER_CHECK_JARGON), ==, 0);

  /* None at all */
  helder_text_analyzer_set_house_style (local, NULL);
  g_clear_pointer (&off, helder_analysis_unref);
  off = helder_text_analyzer_analyze (local, text, -1, NULL);
  g_assert_cmpuint (count (off, HELDER_CHECK_SPELLING), >=, 2);
}

/* Known names are accepted as written, with their genitive, in compounds
 * with a hyphen; in lower case they are typos. */
static void
test_house_style_names (void)
{
  g_autoptr(HelderTextAnalyzer) local = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(HelderHouseStyle) style = helder_house_style_new ();
  const char *text = "Het Zwarteweg-overleg in Elsbroek gaat over Elsbroeks toekomst en de Pastoor van Vlamingstraat.";
  const char *wrong = "Het overleg in Elsbroekk gaat over de Vlamingstrat.";
  g_autoptr(HelderAnalysis) named = NULL;
  g_autoptr(HelderAnalysis) typos = NULL;

  helder_house_style_add_name (style, "Elsbroek");
  helder_house_style_add_name (style, "Zwarteweg");
  helder_house_style_add_name (style, "Pastoor van Vlamingstraat");
  helder_text_analyzer_set_house_style (local, style);
  named = helder_text_analyzer_analyze (local, text, -1, NULL);
  g_assert_cmpuint (count (named, HELDER_CHECK_SPELLING), ==, 0);
  typos = helder_text_analyzer_analyze (local, wrong, -1, NULL);
  g_assert_cmpuint (count (typos, HELDER_CHECK_SPELLING), ==, 2);
}

/* An analysis keeps the house style it started with: a worker that
 * analyses while the style is swapped sees one style in every paragraph,
 * never a mix; the analysis after the swap sees the new one. */
typedef struct
{
  HelderTextAnalyzer *analyzer;
  const char         *text;
} StyleJob;

static gpointer
analyse_job (gpointer data)
{
  StyleJob *job = data;

  return helder_text_analyzer_analyze (job->analyzer, job->text, -1, NULL);
}

static void
test_house_style_swap (void)
{
  g_autoptr(HelderTextAnalyzer) local = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_paragraphs = 3000;

  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append_printf (text, "Zet de kliko op dag %u buiten. De ophaaldienst komt vroeg langs.\n\n", i);

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(HelderHouseStyle) with = kliko_style ();
      g_autoptr(HelderHouseStyle) without = helder_house_style_new ();
      g_autoptr(HelderAnalysis) result = NULL;
      g_autoptr(HelderAnalysis) next = NULL;
      StyleJob job = { local, text->str };
      GThread *worker;
      guint n;

      helder_text_analyzer_set_house_style (local, round % 2 ? without : with);
      worker = g_thread_new ("analyse", analyse_job, &job);
      g_usleep (round * 15000);
      helder_text_analyzer_set_house_style (local, round % 2 ? with : without);
      g_test_message ("swapped after %u ms", round * 15);
      result = g_thread_join (worker);
      n = count (result, HELDER_CHECK_JARGON);
      g_assert_true (n == 0 || n == n_paragraphs);

      next = helder_text_analyzer_analyze (local, text->str, -1, NULL);
      g_assert_cmpuint (count (next, HELDER_CHECK_JARGON), ==, round % 2 ? n_paragraphs : 0);
    }
}

static char *
long_document (guint n_paragraphs)
{
  static const char *paragraphs[] = {
    "De gemeente Hillegom vervangt in maart de riolering in de Pastoor van Leeuwenstraat. "
    "Wij informeren de bewoners teneinde overlast te beperken. De weg wordt afgesloten.",
    "Heeft u vragen over de werkzaamheden? Bel ons op 14 0252 of mail naar info@hillegom.nl. "
    "Wij helpen u graag.",
    "Naar aanleiding van uw verzoek hebben wij de aanvraag in behandeling genomen. "
    "De uitvoering van het plan begint na de zomer.",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append (s, paragraphs[i % G_N_ELEMENTS (paragraphs)]);
      g_string_append_printf (s, " Dit is alinea %u.\n\n", i + 1);
    }
  return g_string_free (s, FALSE);
}

static void
assert_same_analysis (HelderAnalysis *a,
                      HelderAnalysis *b)
{
  g_autoptr(JsonNode) ja = helder_analysis_to_json (a, TRUE);
  g_autoptr(JsonNode) jb = helder_analysis_to_json (b, TRUE);

  g_assert_true (json_node_equal (ja, jb));
}

/* Re-analysing after an edit reuses unchanged paragraphs and equals a
 * fresh, full analysis. */
static void
test_incremental (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderTextAnalyzer) fresh = helder_text_analyzer_new ("nl_NL", &error);
  g_autofree char *original = long_document (60);
  g_autoptr(GString) edited = g_string_new (original);
  g_autoptr(HelderAnalysis) first = NULL;
  g_autoptr(HelderAnalysis) again = NULL;
  g_autoptr(HelderAnalysis) full = NULL;
  const char *at;

  g_assert_no_error (error);
  first = helder_text_analyzer_analyze (analyzer, original, -1, NULL);

  /* Change one word in paragraph 30: the text after it shifts. */
  at = strstr (original, "alinea 30.");
  g_string_insert (edited, at - original, "korte ");
  again = helder_text_analyzer_analyze (analyzer, edited->str, -1, NULL);
  g_assert_cmpuint (helder_analysis_get_n_paragraphs (again), ==, 60);
  g_assert_cmpuint (helder_analysis_get_n_reused (again), ==, 59);

  full = helder_text_analyzer_analyze (fresh, edited->str, -1, NULL);
  g_assert_cmpuint (helder_analysis_get_n_reused (full), ==, 0);
  assert_same_analysis (again, full);
}

/* What the editor's side panel shows, decided without a window. */
static void
test_summary (void)
{
  const char *text = "Wij maken de straat. "
                     "Naar aanleiding van uw schrijven aangaande de vigerende parkeerregulering delen wij "
                     "u mede dat het college teneinde de verkeersveiligheid te bevorderen heeft besloten "
                     "om middels een verkeersbesluit de parkeerduur te limiteren. "
                     "Het is fijn. Kom langs!";
  g_autoptr(HelderAnalysis) a = analyse (text);
  g_autoptr(HelderAnalysis) empty = analyse ("");
  g_auto(HelderTextSummary) s = { 0 };
  g_auto(HelderTextSummary) e = { 0 };
  const HelderSpanScores *hardest;

  helder_text_summary_init (&s, a, 2);
  g_assert_nonnull (strstr (s.level, "doel: niveau 2 of lager"));
  g_assert_true (g_str_has_prefix (s.flesch_douma, "Flesch-Douma "));
  g_assert_true (g_str_has_prefix (s.brouwer, "Leesindex Brouwer "));
  g_assert_true (g_str_has_prefix (s.counts, "40 woorden · 4 zinnen"));
  g_assert_cmpuint (s.n_hardest, ==, 1);
  hardest = helder_analysis_get_sentence (a, s.hardest[0]);
  g_assert_cmpint (hardest->start, ==, 21);
  g_assert_cmpuint (s.per_category[4], >=, 3);   /* jargon */

  helder_text_summary_init (&e, empty, 2);
  g_assert_cmpstr (e.level, ==, "Nog geen tekst");
  g_assert_true (e.on_target);
  g_assert_cmpuint (e.n_hardest, ==, 0);
}

static gpointer
analyse_in_thread (gpointer data)
{
  const char *text = data;
  HelderAnalysis *last = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_clear_pointer (&last, helder_analysis_unref);
      last = helder_text_analyzer_analyze (analyzer, text, -1, NULL);
    }
  return last;
}

/* A worker analyses while another thread uses the same analyser: each
 * gets what a lone analysis gives. */
static void
test_threads (void)
{
  g_autofree char *a = long_document (20);
  g_autofree char *b = long_document (25);
  GThread *one = g_thread_new ("analyse-a", analyse_in_thread, a);
  GThread *two = g_thread_new ("analyse-b", analyse_in_thread, b);
  g_autoptr(HelderAnalysis) ra = g_thread_join (one);
  g_autoptr(HelderAnalysis) rb = g_thread_join (two);
  g_autoptr(HelderTextAnalyzer) lone = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(HelderAnalysis) ea = helder_text_analyzer_analyze (lone, a, -1, NULL);
  g_autoptr(HelderAnalysis) eb = helder_text_analyzer_analyze (lone, b, -1, NULL);

  assert_same_analysis (ra, ea);
  assert_same_analysis (rb, eb);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderAnalysis) empty = analyse ("");
  g_autoptr(HelderAnalysis) invalid = NULL;
  g_autoptr(HelderAnalysis) huge = NULL;
  g_autoptr(GString) sentence = g_string_new (NULL);
  guint8 garbage[4096];
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_cmpuint (helder_analysis_get_scores (empty)->words, ==, 0);
  g_assert_cmpint (helder_analysis_get_scores (empty)->level, ==, 0);

  invalid = helder_text_analyzer_analyze (analyzer, "caf\xc3\x28 en meer", -1, &error);
  g_assert_null (invalid);
  g_assert_error (error, HELDER_TEXT_ERROR, HELDER_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 3"));
  g_clear_error (&error);

  /* One 1 MB sentence without punctuation: one very long sentence. */
  while (sentence->len < 1024 * 1024)
    g_string_append (sentence, "en de gemeente werkt door ");
  huge = analyse (sentence->str);
  g_assert_cmpuint (helder_analysis_get_scores (huge)->sentences, ==, 1);
  g_assert_cmpuint (count (huge, HELDER_CHECK_LONG_SENTENCE), ==, 1);

  /* Binary garbage made valid UTF-8 by replacement: a defined result. */
  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *valid = NULL;
      g_autoptr(HelderAnalysis) result = NULL;

      for (guint i = 0; i < sizeof garbage; i++)
        garbage[i] = g_rand_int_range (rand, 1, 256);
      valid = g_utf8_make_valid ((const char *) garbage, sizeof garbage);
      result = analyse (valid);
      g_assert_nonnull (helder_analysis_get_scores (result));
    }
  g_rand_free (rand);
}

/* The scores describe the text, not what the editor shows: switching
 * checks off changes the findings, never the figures. */
static void
test_scores_independent_of_checks (void)
{
  g_autoptr(HelderTextAnalyzer) all = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(HelderTextAnalyzer) none = helder_text_analyzer_new ("nl_NL", NULL);
  g_autoptr(HelderAnalysis) a = NULL;
  g_autoptr(HelderAnalysis) b = NULL;
  const HelderScores *x, *y;
  const char *text = "Teneinde de afvoer van hemelwater te optimaliseren, worden de huisaansluitingen "
                     "vernieuwd door de aannemer. Het onderhoudsprogramma wordt geëvalueerd. "
                     "Wij verzoeken u vriendelijk de parkeermogelijkheden te respecteren.";

  helder_text_analyzer_set_checks (none, 0);
  a = helder_text_analyzer_analyze (all, text, -1, NULL);
  b = helder_text_analyzer_analyze (none, text, -1, NULL);
  g_assert_cmpuint (helder_analysis_get_n_findings (b), ==, 0);
  g_assert_cmpuint (helder_analysis_get_n_findings (a), >, 0);
  x = helder_analysis_get_scores (a);
  y = helder_analysis_get_scores (b);
  g_assert_cmpuint (x->rare_words, >, 0);
  g_assert_cmpuint (x->rare_words, ==, y->rare_words);
  g_assert_cmpuint (x->long_words, ==, y->long_words);
  g_assert_cmpuint (x->words, ==, y->words);
  g_assert_cmpfloat (x->rare_word_share, ==, y->rare_word_share);
  g_assert_cmpfloat (x->difficulty, ==, y->difficulty);
  g_assert_cmpint (x->level, ==, y->level);
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

  g_test_add_func ("/text/tokenizer/abbreviations", test_tokenizer_abbreviations);
  g_test_add_func ("/text/tokenizer/numbers-and-codes", test_tokenizer_numbers_and_codes);
  g_test_add_func ("/text/tokenizer/words", test_tokenizer_words);
  g_test_add_func ("/text/tokenizer/lines", test_tokenizer_lines);
  g_test_add_func ("/text/tokenizer/edge-cases", test_tokenizer_edge_cases);
  g_test_add_func ("/text/syllables/list", test_syllables_list);
  g_test_add_func ("/text/syllables/rules", test_syllables_rules);
  g_test_add_func ("/text/scores/formulas", test_formulas);
  g_test_add_func ("/text/findings/spelling", test_spelling);
  g_test_add_func ("/text/findings/long-sentences", test_long_sentences);
  g_test_add_func ("/text/findings/rare-long-nominal", test_rare_long_and_nominal);
  g_test_add_func ("/text/findings/address", test_address);
  g_test_add_func ("/text/house-style", test_house_style_and_profile);
  g_test_add_func ("/text/house-style/names", test_house_style_names);
  g_test_add_func ("/text/house-style/swap", test_house_style_swap);
  g_test_add_func ("/text/incremental", test_incremental);
  g_test_add_func ("/text/threads", test_threads);
  g_test_add_func ("/text/summary", test_summary);
  g_test_add_func ("/text/bad-input", test_bad_input);
  g_test_add_func ("/text/scores-independent-of-checks", test_scores_independent_of_checks);

  status = g_test_run ();
  helder_text_analyzer_unref (analyzer);
  return status;
}
