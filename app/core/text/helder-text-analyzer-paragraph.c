/* helder-text-analyzer-paragraph.c: the checks of one paragraph
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-analyzer"

#include "config.h"

#include <string.h>

#include "helder-morphology.h"
#include "helder-passive.h"
#include "helder-text-analyzer-private.h"

/* A paragraph is analysed on its own, with offsets from its start: tokens,
 * syllables, per-sentence scores and findings.  Only the mixed forms of
 * address (u and je) need the whole text: helder_text_analyzer_analyze()
 * checks them once every paragraph is done. */

#define RARE_ZIPF 2.5
#define LONG_SENTENCE 20
#define VERY_LONG_SENTENCE 30
#define LONG_WORD_SYLLABLES 4
#define VERY_LONG_WORD_CHARS 16

/* Function words: not content words, never rare. */
static const char *function_words[] = {
  "de", "het", "een", "en", "of", "maar", "want", "dus", "van", "in", "op", "te", "aan",
  "met", "voor", "door", "bij", "naar", "om", "uit", "over", "tot", "tegen", "onder",
  "tussen", "na", "sinds", "zonder", "binnen", "buiten", "per", "via", "vanaf", "tijdens",
  "dat", "die", "dit", "deze", "wat", "wie", "welke", "waar", "hoe", "wanneer", "als",
  "omdat", "zodat", "terwijl", "hoewel", "doordat", "nadat", "voordat", "zodra", "indien",
  "tenzij", "of", "dan", "ook", "nog", "al", "wel", "niet", "geen", "er", "hier", "daar",
  "ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "jullie", "mij", "me", "jou",
  "hem", "haar", "ons", "hen", "hun", "mijn", "jouw", "uw", "zijn", "is", "was", "waren",
  "ben", "bent", "heb", "hebt", "heeft", "hebben", "had", "hadden", "word", "wordt",
  "worden", "werd", "werden", "zal", "zult", "zullen", "zou", "zouden", "kan", "kunt",
  "kunnen", "kon", "konden", "moet", "moeten", "moest", "mag", "mogen", "wil", "wilt",
  "willen", "zich", "zo", "nu", "toen", "dan", "alleen", "zelf", "elk", "elke", "ieder",
  "iedere", "alle", "veel", "meer", "meest", "weinig", "erg", "heel", "zeer", "even",
  "waarin", "waarmee", "waarop", "waardoor", "daarom", "daarna", "eerst", "ja", "nee",
};

/* Words that start a new clause. */
static const char *clause_starters[] = {
  "dat", "omdat", "als", "wanneer", "terwijl", "zodat", "hoewel", "doordat", "nadat",
  "voordat", "zodra", "indien", "tenzij", "want", "maar", "waardoor", "waarin", "waarmee",
  "waarop", "waarbij", "waarvoor", "opdat", "aangezien", "zoals", "totdat", "mits",
};

static const char * const formal_address[] = { "u", "uw", NULL };
static const char * const informal_address[] = { "je", "jij", "jou", "jouw", "jullie", NULL };

static GHashTable *function_word_set;
static GHashTable *clause_starter_set;

static GHashTable *
string_set (const char **words,
            guint        n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

void
helder_text_analyzer_init_word_sets (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      function_word_set = string_set (function_words, G_N_ELEMENTS (function_words));
      clause_starter_set = string_set (clause_starters, G_N_ELEMENTS (clause_starters));
      g_once_init_leave (&initialized, 1);
    }
}

/* One paragraph */

typedef struct
{
  HelderTextAnalyzer *analyzer;
  HelderHouseStyle   *style;        /* the analysis's snapshot */
  HelderParagraph    *paragraph;
  char              **lower;        /* per token, NULL for punctuation */
  double             *zipf;         /* per token */
  guint8             *flagged;      /* per token: a word finding exists */
} Work;

static const char *
keep (HelderParagraph *p,
      const char      *text)
{
  return g_string_chunk_insert_const (p->strings, text);
}

static void
add_finding (Work               *w,
             guint32             start,
             guint32             end,
             HelderCheck         category,
             guint               severity,
             const char         *message,
             const char         *explanation,
             const char * const *suggestions)
{
  HelderFinding f = { start, end, category, severity, message, explanation, suggestions };
  static const char * const none[] = { NULL };

  if (f.suggestions == NULL)
    f.suggestions = none;
  g_array_append_val (w->paragraph->findings, f);
}

static guint
count_syllables (HelderTextAnalyzer *self,
                 const char         *lower)
{
  gpointer cached;
  guint n;

  if (g_hash_table_lookup_extended (self->syllable_cache, lower, NULL, &cached))
    return GPOINTER_TO_UINT (cached);
  n = helder_syllables_count (self->syllables, lower);
  /* A day of typing meets many words: the cache starts over at a bound. */
  if (g_hash_table_size (self->syllable_cache) >= HELDER_WORD_CACHE_MAX)
    g_hash_table_remove_all (self->syllable_cache);
  g_hash_table_insert (self->syllable_cache, g_strdup (lower), GUINT_TO_POINTER (n));
  return n;
}

#define KNOWN_PART_ZIPF 3.0

/* How common a word is.  A compound missing from the frequency list
 * (fietspad, wijkregisseur) is as common as its rarer part, a little
 * less: readers know its parts.  Subtitles rarely say "fietspad". */
static double
word_zipf (HelderTextAnalyzer *self,
           const char         *lower)
{
  double zipf = helder_frequency_zipf (self->frequency, lower);
  gsize length = strlen (lower);
  gpointer cached;
  double best = zipf;

  if (zipf >= RARE_ZIPF || length < 6)
    return zipf;
  if (g_hash_table_lookup_extended (self->zipf_cache, lower, NULL, &cached))
    return (GPOINTER_TO_UINT (cached) - 1) / 100.0;

  for (gsize cut = 3; cut + 3 <= length; cut++)
    {
      static const char *links[] = { "", "s", "e", "en" };
      const char *tail = lower + cut;
      double tail_zipf;

      if (((guint8) lower[cut] & 0xC0) == 0x80)
        continue;
      tail_zipf = helder_frequency_zipf (self->frequency, tail);
      if (tail_zipf < KNOWN_PART_ZIPF)
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (links); k++)
        {
          gsize link = strlen (links[k]);
          g_autofree char *head = NULL;
          double head_zipf;

          if (cut < link + 3 || strncmp (lower + cut - link, links[k], link) != 0)
            continue;
          head = g_strndup (lower, cut - link);
          /* Separable particles: meegedacht is mee + gedacht. */
          head_zipf = (helder_particle_flags (head) & HELDER_PARTICLE_COMMON)
                      ? 6.0 : helder_frequency_zipf (self->frequency, head);
          if (head_zipf >= KNOWN_PART_ZIPF)
            best = MAX (best, MIN (head_zipf, tail_zipf) - 0.3);
        }
    }

  if (g_hash_table_size (self->zipf_cache) >= HELDER_WORD_CACHE_MAX)
    g_hash_table_remove_all (self->zipf_cache);
  g_hash_table_insert (self->zipf_cache, g_strdup (lower),
                       GUINT_TO_POINTER ((guint) (best * 100) + 1));
  return best;
}

static gboolean
is_word_like (const HelderToken *t)
{
  return t->kind != HELDER_TOKEN_PUNCTUATION;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guint8) *text >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether the word token @index is followed at once by a hyphen that
 * ends it: "beleids- en", "(beleids-)". */
static gboolean
is_truncated (HelderParagraph *p,
              guint            index)
{
  const HelderToken *t = &g_array_index (p->tokens, HelderToken, index);
  const HelderToken *next;
  gunichar after;

  if (index + 1 >= p->tokens->len)
    return FALSE;
  next = &g_array_index (p->tokens, HelderToken, index + 1);
  if (next->kind != HELDER_TOKEN_PUNCTUATION || next->byte_start != t->byte_end ||
      p->text[next->byte_start] != '-' || next->byte_end != next->byte_start + 1)
    return FALSE;
  if (next->byte_end >= p->length)
    return TRUE;
  after = g_utf8_get_char (p->text + next->byte_end);
  return g_unichar_isspace (after) || after == ')' || after == ',' || after == '/';
}

/* A known name: the house style's, or a Dutch place. */
static gboolean
is_known_name (Work       *w,
               const char *word)
{
  return helder_house_style_is_name (w->style, word) ||
         helder_house_style_is_name (w->analyzer->places, word);
}

/* A known name or house word, its genitive (Hillegoms, Fixi's), or a
 * compound of one with a word the speller knows (Digipanelleden,
 * Hillezon-coöperatie). */
static gboolean
house_word (Work       *w,
            const char *word,
            const char *lower)
{
  gsize n = strlen (word);

  if (helder_house_style_is_spelling_word (w->style, lower) || is_known_name (w, word))
    return TRUE;
  if (n > 2 && word[n - 1] == 's')
    {
      g_autofree char *stem = g_strndup (word, n - (word[n - 2] == '\'' ? 2 : 1));

      return is_known_name (w, stem);
    }
  return FALSE;
}

static gboolean
known_word (Work       *w,
            const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return house_word (w, word, lower) ||
         helder_speller_check (w->analyzer->speller, word) != HELDER_SPELLING_UNKNOWN;
}

static gboolean
house_style_accepts (Work       *w,
                     const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize n = strlen (lower);

  if (house_word (w, word, lower))
    return TRUE;

  if (strchr (word, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);
      gboolean all = TRUE;

      for (guint i = 0; parts[i] != NULL && all; i++)
        all = parts[i][0] == '\0' || known_word (w, parts[i]);
      return all;
    }

  /* Closed compounds: a house word as its head (with a linking s) or as
   * its tail, the other part a word the speller knows. */
  for (gsize cut = 3; cut + 3 <= n; cut++)
    {
      g_autofree char *head = NULL;
      const char *tail = lower + cut;
      gboolean house_head;

      if (((guint8) lower[cut] & 0xC0) == 0x80)
        continue;
      head = g_strndup (lower, cut);
      house_head = helder_house_style_is_spelling_word (w->style, head);
      if (!house_head && head[cut - 1] == 's')
        {
          head[cut - 1] = '\0';
          house_head = helder_house_style_is_spelling_word (w->style, head);
          head[cut - 1] = 's';
        }
      if (house_head && helder_speller_check (w->analyzer->speller, tail) != HELDER_SPELLING_UNKNOWN)
        return TRUE;
      if (helder_house_style_is_spelling_word (w->style, tail) &&
          helder_speller_check (w->analyzer->speller, head) != HELDER_SPELLING_UNKNOWN)
        return TRUE;
    }
  return FALSE;
}

static void
check_spelling (Work              *w,
                const HelderToken *t,
                guint              index)
{
  HelderParagraph *p = w->paragraph;
  g_autofree char *word = g_strndup (p->text + t->byte_start, t->byte_end - t->byte_start);
  HelderSpelling verdict;
  gboolean name;

  /* Apostrophes as typed: Hunspell knows foto's with a straight one. */
  if (strstr (word, "\xe2\x80\x99") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "\xe2\x80\x99", -1);

      g_free (word);
      word = g_strjoinv ("'", parts);
    }

  /* Decomposed accents (e + U+0301, from macOS and some PDFs) are
   * checked as the composed form the dictionary has. */
  if (!is_ascii (word))
    {
      char *composed = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);

      g_free (word);
      word = composed;
    }

  /* beleids- en uitvoeringsvragen, (beleids-) vraagstuk: a first part
   * standing for a compound whose rest is written once. */
  if (is_truncated (p, index))
    verdict = helder_speller_check_truncated (w->analyzer->speller, word)
              ? HELDER_SPELLING_COMPOUND : HELDER_SPELLING_UNKNOWN;
  else
    verdict = helder_speller_check (w->analyzer->speller, word);
  if (verdict != HELDER_SPELLING_UNKNOWN || house_style_accepts (w, word))
    return;

  /* A capitalised word is a name only when it is a known one (above):
   * a typo does not become a name by its capital. */
  name = (t->flags & HELDER_TOKEN_CAPITALIZED) && !(t->flags & HELDER_TOKEN_SENTENCE_START);
  add_finding (w, t->start, t->end, HELDER_CHECK_SPELLING, 2,
               name ? "Onbekend woord of onbekende naam" : "Onbekend woord: een typefout?",
               name ? "Dit woord staat niet in het woordenboek en is geen bekende naam. "
                      "Controleer de schrijfwijze; is het een naam, voeg hem dan toe aan "
                      "het woordenboek."
                    : "Dit woord staat niet in het woordenboek. Een typefout leidt af en "
                      "maakt de tekst minder betrouwbaar.",
               NULL);
  w->flagged[index] = TRUE;
}

static gboolean
ends_with (const char *word,
           const char *suffix)
{
  return g_str_has_suffix (word, suffix) && strlen (word) > strlen (suffix) + 2;
}

static gboolean
is_nominal_suffix (const char *word)
{
  return ends_with (word, "ing") || ends_with (word, "ingen") || ends_with (word, "atie") ||
         ends_with (word, "aties") || ends_with (word, "heid") || ends_with (word, "heden");
}

/* "de uitvoering van", "het nemen van": a verb made into a noun. */
static void
check_nominalisations (Work                     *w,
                       const HelderSentenceView *view)
{
  for (guint i = 1; i + 1 < view->n; i++)
    {
      const char *word = helder_sentence_view_word (view, i);
      const char *before = helder_sentence_view_word (view, i - 1);
      const char *after = helder_sentence_view_word (view, i + 1);
      const HelderToken *t = helder_sentence_view_token (view, i);
      gboolean article, infinitive;

      if (word == NULL || before == NULL || after == NULL || !g_str_equal (after, "van"))
        continue;
      article = g_str_equal (before, "de") || g_str_equal (before, "het") ||
                g_str_equal (before, "een") || g_str_equal (before, "deze");
      infinitive = g_str_equal (before, "het") && ends_with (word, "en") &&
                   helder_frequency_zipf (w->analyzer->frequency, word) > 0 &&
                   !is_nominal_suffix (word);
      if (!article || !(is_nominal_suffix (word) || infinitive))
        continue;

      add_finding (w, helder_sentence_view_token (view, i - 1)->start,
                   helder_sentence_view_token (view, i + 1)->end,
                   HELDER_CHECK_NOMINALISATION, 2,
                   "Zelfstandig naamwoord van een werkwoord",
                   "Een werkwoord maakt de zin levendiger en korter: schrijf niet "
                   "'de uitvoering van het plan', maar 'we voeren het plan uit'.",
                   NULL);
      w->flagged[view->first + i] = TRUE;
      (void) t;
    }
}

/* Whether @m overlaps one of the first @n matches. */
static gboolean
overlaps_any (GArray                  *matches,
              guint                    n,
              const HelderJargonMatch *m)
{
  for (guint k = 0; k < n; k++)
    {
      const HelderJargonMatch *h = &g_array_index (matches, HelderJargonMatch, k);

      if (m->first <= h->last && h->first <= m->last)
        return TRUE;
    }
  return FALSE;
}

static void
check_jargon (Work                     *w,
              const HelderSentenceView *view)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HelderJargonMatch));
  guint n_house;

  /* The house style's words first: where one matches, it replaces the
   * built-in entry for the same words. */
  helder_jargon_match (helder_house_style_get_avoid (w->style), view, matches);
  n_house = matches->len;
  helder_jargon_match (w->analyzer->jargon, view, matches);
  for (guint i = 0; i < matches->len; i++)
    {
      HelderJargonMatch *m = &g_array_index (matches, HelderJargonMatch, i);
      const char * const *alternatives = helder_jargon_entry_get_alternatives (m->entry);
      g_autofree char *message = NULL;

      if (i >= n_house && overlaps_any (matches, n_house, m))
        continue;
      message = g_strdup_printf ("Ambtelijk: %s", helder_jargon_entry_get_phrase (m->entry));

      add_finding (w, helder_sentence_view_token (view, m->first)->start,
                   helder_sentence_view_token (view, m->last)->end,
                   HELDER_CHECK_JARGON, 2, keep (w->paragraph, message),
                   helder_jargon_entry_get_explanation (m->entry), alternatives);
      for (guint k = m->first; k <= m->last; k++)
        w->flagged[view->first + k] = TRUE;
    }
}

static void
check_passives (Work                     *w,
                const HelderSentenceView *view)
{
  g_autoptr(GArray) passives = g_array_new (FALSE, FALSE, sizeof (HelderPassive));

  helder_find_passives (view, passives);
  for (guint i = 0; i < passives->len; i++)
    {
      HelderPassive *m = &g_array_index (passives, HelderPassive, i);

      add_finding (w, helder_sentence_view_token (view, m->first)->start,
                   helder_sentence_view_token (view, m->last)->end,
                   HELDER_CHECK_PASSIVE, 2,
                   m->impersonal ? "Lijdende vorm zonder wie het doet" : "Lijdende vorm",
                   "In de lijdende vorm staat niet wie iets doet. Schrijf actief: "
                   "'wij sluiten de weg af' in plaats van 'de weg wordt afgesloten'.",
                   NULL);
    }
}

/* The per-word figures of a sentence, and its word-level findings. */
static void
analyse_sentence (Work           *w,
                  HelderSentence *sentence,
                  HelderScores   *scores)
{
  HelderTextAnalyzer *self = w->analyzer;
  HelderParagraph *p = w->paragraph;
  HelderSentenceView view = { p->text, (HelderToken *) p->tokens->data, w->lower,
                              sentence->first_token, sentence->n_tokens };
  guint checks = self->checks;

  memset (scores, 0, sizeof *scores);
  scores->sentences = 1;
  scores->clauses = 1;

  if (checks & HELDER_CHECK_JARGON)
    check_jargon (w, &view);
  if (checks & HELDER_CHECK_PASSIVE)
    check_passives (w, &view);
  if (checks & HELDER_CHECK_NOMINALISATION)
    check_nominalisations (w, &view);

  for (guint i = 0; i < view.n; i++)
    {
      guint index = view.first + i;
      HelderToken *t = &g_array_index (p->tokens, HelderToken, index);
      const char *lower = w->lower[index];
      gboolean ignored, content, name, rare;

      if (!is_word_like (t))
        {
          if (g_utf8_get_char (p->text + t->byte_start) == ';')
            scores->clauses++;
          continue;
        }

      scores->words++;
      if (t->kind != HELDER_TOKEN_WORD)
        {
          /* Numbers, codes and addresses read as about two syllables. */
          t->syllables = t->kind == HELDER_TOKEN_ABBREVIATION ? 1 : 2;
          scores->syllables += t->syllables;
          continue;
        }

      t->syllables = count_syllables (self, lower);
      scores->syllables += t->syllables;
      if (t->syllables >= LONG_WORD_SYLLABLES)
        scores->long_words++;

      if (i > 0 && g_hash_table_contains (clause_starter_set, lower))
        scores->clauses++;

      if (helder_word_in_list (lower, formal_address))
        g_array_append_val (p->address, index);
      else if (helder_word_in_list (lower, informal_address))
        {
          guint informal = index | 0x80000000u;
          g_array_append_val (p->address, informal);
        }

      ignored = helder_house_style_is_ignored (w->style, lower);
      name = (t->flags & HELDER_TOKEN_CAPITALIZED) && !(t->flags & HELDER_TOKEN_SENTENCE_START);
      content = !g_hash_table_contains (function_word_set, lower);
      if (content)
        {
          scores->content_words++;
          /* Names and ignored words count as known words; a word missing
           * from the list counts as rare (Zipf 2), not as never seen, so
           * one unknown word does not sink a short sentence. */
          scores->content_zipf_sum += (name || ignored) ? 4.0 : MAX (w->zipf[index], 2.0);
        }

      if (ignored)
        continue;

      /* A typo is one whatever else is found in it (efficient for
       * efficiënt is also officialese). */
      if (checks & HELDER_CHECK_SPELLING)
        check_spelling (w, t, index);

      /* Counted for the scores whichever checks are shown: a content word
       * below Zipf 2.5 that is a word (listed, or spelled right), not a
       * name, an abbreviation-like short word or a hyphenated pair. */
      rare = content && !name && w->zipf[index] < RARE_ZIPF && g_utf8_strlen (lower, -1) >= 4 &&
             !(t->flags & HELDER_TOKEN_HYPHENATED) &&
             (w->zipf[index] > 0 || helder_speller_check (self->speller, w->lower[index]) == HELDER_SPELLING_CORRECT);
      if (rare)
        scores->rare_words++;

      if (w->flagged[index] || name)
        continue;

      if ((checks & HELDER_CHECK_LONG_WORD) &&
          (t->syllables >= 6 || g_utf8_strlen (lower, -1) >= VERY_LONG_WORD_CHARS))
        {
          add_finding (w, t->start, t->end, HELDER_CHECK_LONG_WORD, 1, "Lang woord",
                       "Lange woorden lezen moeilijk. Splits een samenstelling of "
                       "kies een korter woord.", NULL);
          w->flagged[index] = TRUE;
        }
      else if ((checks & HELDER_CHECK_RARE_WORD) && rare)
        add_finding (w, t->start, t->end, HELDER_CHECK_RARE_WORD, 1, "Weinig gebruikt woord",
                     "Veel lezers kennen dit woord niet. Kies een woord dat "
                     "mensen in gesprekken gebruiken.", NULL);
    }

  helder_scores_finish (scores);

  if ((checks & HELDER_CHECK_LONG_SENTENCE) && scores->words > LONG_SENTENCE)
    {
      gboolean very = scores->words > VERY_LONG_SENTENCE;
      g_autofree char *message = g_strdup_printf ("Lange zin: %u woorden", scores->words);

      add_finding (w, sentence->start, sentence->end, HELDER_CHECK_LONG_SENTENCE, very ? 3 : 2,
                   keep (p, message),
                   very ? "Een zin van meer dan 30 woorden is voor veel lezers te lang. "
                          "Maak er twee of drie zinnen van."
                        : "Zinnen van meer dan 20 woorden zijn moeilijk te volgen. "
                          "Probeer één gedachte per zin.",
                   NULL);
    }
  else if ((checks & HELDER_CHECK_HARD_SENTENCE) && scores->level >= 4 && scores->words >= 8)
    {
      g_autofree char *message = g_strdup_printf ("Moeilijke zin: niveau %d", scores->level);

      /* One sentence is a small sample: only level 4 is marked, and as
       * hard (yellow); very hard (red) is for long sentences. */
      add_finding (w, sentence->start, sentence->end, HELDER_CHECK_HARD_SENTENCE, 2, keep (p, message),
                   "Deze zin heeft veel weinig gebruikte woorden of veel informatie "
                   "per zinsdeel. Gebruik gewone woorden en knip de zin op.",
                   NULL);
    }
}

/* The lower-case form of a word, in @chunk: ASCII at once, other text
 * composed (NFC: decomposed accents as the dictionaries and lists write
 * them) and then lowered. */
static char *
lower_into (GStringChunk *chunk,
            const char   *word,
            gsize         length)
{
  char buffer[128];
  g_autofree char *composed = NULL;
  g_autofree char *lower = NULL;
  gboolean ascii = length < sizeof buffer;

  for (gsize i = 0; i < length && ascii; i++)
    {
      ascii = (guint8) word[i] < 0x80;
      buffer[i] = g_ascii_tolower (word[i]);
    }
  if (ascii)
    return g_string_chunk_insert_len (chunk, buffer, length);

  composed = g_utf8_normalize (word, length, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (composed != NULL ? composed : "", -1);
  return g_string_chunk_insert (chunk, lower);
}

HelderParagraph *
helder_text_analyzer_analyse_paragraph (HelderTextAnalyzer *self,
                                        HelderHouseStyle   *style,
                                        const char         *text,
                                        gsize               length,
                                        guint               hash)
{
  HelderParagraph *p = g_new0 (HelderParagraph, 1);
  Work w = { self, style, p, NULL, NULL, NULL };
  GStringChunk *lowers;

  g_atomic_ref_count_init (&p->ref);
  p->generation = self->generation;
  p->style = helder_house_style_get_serial (style);
  p->text = g_strndup (text, length);
  p->length = length;
  p->hash = hash;
  p->tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
  p->sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
  p->sentence_scores = g_array_new (FALSE, FALSE, sizeof (HelderScores));
  p->findings = g_array_new (FALSE, FALSE, sizeof (HelderFinding));
  p->address = g_array_new (FALSE, FALSE, sizeof (guint));
  p->strings = g_string_chunk_new (256);
  p->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  helder_tokenize (p->text, p->length, p->tokens, p->sentences);

  w.lower = g_new0 (char *, p->tokens->len + 1);
  w.zipf = g_new0 (double, p->tokens->len + 1);
  w.flagged = g_new0 (guint8, p->tokens->len + 1);
  /* One block for all the lower-case forms: no allocation per word. */
  lowers = g_string_chunk_new (p->length + 64);
  for (guint i = 0; i < p->tokens->len; i++)
    {
      HelderToken *t = &g_array_index (p->tokens, HelderToken, i);

      if (!is_word_like (t))
        continue;
      w.lower[i] = lower_into (lowers, p->text + t->byte_start, t->byte_end - t->byte_start);
      if (t->kind == HELDER_TOKEN_WORD)
        w.zipf[i] = word_zipf (self, w.lower[i]);
    }

  for (guint s = 0; s < p->sentences->len; s++)
    {
      HelderScores scores;

      analyse_sentence (&w, &g_array_index (p->sentences, HelderSentence, s), &scores);
      g_array_append_val (p->sentence_scores, scores);
      helder_scores_add (&p->scores, &scores);
    }
  helder_scores_finish (&p->scores);

  g_string_chunk_free (lowers);
  g_free (w.lower);
  g_free (w.zipf);
  g_free (w.flagged);

  return p;
}

/* u and je in one text: flag the form used least. */
void
helder_text_analyzer_check_address (HelderAnalysis *analysis)
{
  guint formal = 0, informal = 0;
  gboolean flag_informal;

  for (guint i = 0; i < analysis->paragraphs->len; i++)
    {
      HelderParagraph *p = g_ptr_array_index (analysis->paragraphs, i);

      for (guint k = 0; k < p->address->len; k++)
        {
          if (g_array_index (p->address, guint, k) & 0x80000000u)
            informal++;
          else
            formal++;
        }
    }
  if (formal == 0 || informal == 0)
    return;

  flag_informal = informal <= formal;
  for (guint i = 0; i < analysis->paragraphs->len; i++)
    {
      HelderParagraph *p = g_ptr_array_index (analysis->paragraphs, i);
      HelderSpan *span = &g_array_index (analysis->spans, HelderSpan, i);

      for (guint k = 0; k < p->address->len; k++)
        {
          guint value = g_array_index (p->address, guint, k);
          HelderToken *t = &g_array_index (p->tokens, HelderToken, value & 0x7fffffffu);
          static const char * const to_formal[] = { "u", NULL };
          static const char * const to_informal[] = { "je", NULL };
          HelderFinding f = { span->start + t->start, span->start + t->end, HELDER_CHECK_ADDRESS, 2,
                              flag_informal ? "Je in een tekst met u" : "U in een tekst met je",
                              "De tekst spreekt de lezer zowel met 'u' als met 'je' aan. "
                              "Kies één vorm en houd die vast.",
                              flag_informal ? to_formal : to_informal };

          if (((value & 0x80000000u) != 0) == flag_informal)
            g_array_append_val (analysis->findings, f);
        }
    }
}
