/* helder-text-analyzer.c: checks Dutch text for plain language
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-analyzer"

#include "config.h"

#include <string.h>

#include "helder-analysis-private.h"
#include "helder-frequency.h"
#include "helder-house-style.h"
#include "helder-jargon.h"
#include "helder-passive.h"
#include "helder-syllables.h"
#include "helder-text-analyzer.h"

/* The analyser takes an immutable copy of the text (the caller's string
 * is only read during the call), splits it into paragraphs and analyses
 * each paragraph on its own: tokens, syllables, scores and findings, with
 * offsets from the paragraph's start.  Paragraph results are kept by their
 * text; analysing a new version of a document reuses every paragraph that
 * did not change and only shifts its offsets.  Analyses run one at a time
 * (a mutex), so a worker thread can analyse while the main thread edits
 * its own copy of the text.
 *
 * The house style is an immutable snapshot behind a lock of its own: an
 * analysis takes a reference to the current one when it starts and keeps
 * it to the end, so setting a new style never waits for an analysis, and
 * the next analysis sees the new one (paragraphs made with another style
 * are analysed again).
 *
 * The findings' messages and explanations are Dutch by design: they are
 * writing advice about Dutch text, like the word lists they come with. */

struct _HelderTextAnalyzer
{
  gatomicrefcount   ref_count;
  GMutex            lock;
  guint             checks;
  guint             generation;   /* bumped when settings change */

  HelderSyllables  *syllables;
  HelderFrequency  *frequency;
  HelderSpeller    *speller;
  HelderJargon     *jargon;
  GMutex            style_lock;
  HelderHouseStyle *style;        /* sealed; replaced, never changed */
  GHashTable       *syllable_cache; /* lower-case word → count */
  GHashTable       *zipf_cache;   /* lower-case word → Zipf × 100 + 1 */

  GHashTable       *cache;        /* paragraph text → HelderParagraph */
};

/* The cache is keyed by the paragraph itself (its text and hash), and
 * looked up with a slice of the new text: no copy per paragraph. */
typedef struct
{
  const char *text;
  gsize       length;
  guint       hash;
} Slice;

static guint
slice_hash_of (const char *text,
               gsize       length)
{
  guint32 h = 2166136261u;   /* FNV-1a */

  for (gsize i = 0; i < length; i++)
    h = (h ^ (guint8) text[i]) * 16777619u;
  return h;
}

static guint
slice_hash (gconstpointer key)
{
  return ((const Slice *) key)->hash;
}

static gboolean
slice_equal (gconstpointer a,
             gconstpointer b)
{
  const Slice *x = a, *y = b;

  return x->hash == y->hash && x->length == y->length && memcmp (x->text, y->text, x->length) == 0;
}

/* A cache key for a paragraph, pointing into its own text. */
static Slice *
paragraph_key (HelderParagraph *p)
{
  Slice *key = g_new (Slice, 1);

  key->text = p->text;
  key->length = p->length;
  key->hash = p->hash;
  return key;
}

static GHashTable *
paragraph_cache_new (void)
{
  return g_hash_table_new_full (slice_hash, slice_equal, g_free,
                                (GDestroyNotify) helder_paragraph_unref);
}

G_DEFINE_QUARK (helder-text-error-quark, helder_text_error)

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

static const char *formal_address[] = { "u", "uw" };
static const char *informal_address[] = { "je", "jij", "jou", "jouw", "jullie" };

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

static void
init_word_sets (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      function_word_set = string_set (function_words, G_N_ELEMENTS (function_words));
      clause_starter_set = string_set (clause_starters, G_N_ELEMENTS (clause_starters));
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
in_list (const char  *word,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/**
 * helder_text_analyzer_new:
 * @language: the spelling dictionary: nl_NL, nl_BE or en_US
 *
 * Loads the hyphenation patterns, the frequency list, the officialese
 * list and Hunspell: about 150 ms, so a GUI does this in a worker.
 */
HelderTextAnalyzer *
helder_text_analyzer_new (const char  *language,
                          GError     **error)
{
  g_autoptr(HelderTextAnalyzer) self = g_new0 (HelderTextAnalyzer, 1);
  g_autoptr(GBytes) jargon = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  init_word_sets ();
  g_mutex_init (&self->lock);
  g_mutex_init (&self->style_lock);
  self->checks = HELDER_CHECK_ALL;
  self->style = helder_house_style_new ();
  helder_house_style_seal (self->style);
  self->syllable_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zipf_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = paragraph_cache_new ();

  if ((self->syllables = helder_syllables_new (NULL, error)) == NULL ||
      (self->frequency = helder_frequency_new_default (error)) == NULL ||
      (self->speller = helder_speller_new (language ? language : "nl_NL", self->frequency, error)) == NULL)
    return NULL;

  jargon = g_resources_lookup_data ("/nl/hltsamen/Helder/core/jargon.tsv", 0, error);
  if (jargon == NULL)
    return NULL;
  self->jargon = helder_jargon_new ();
  if (!helder_jargon_load_tsv (self->jargon, g_bytes_get_data (jargon, NULL), g_bytes_get_size (jargon), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Shared: the application holds one reference, and each analysis under
 * way holds its own, so a language change never frees an analyser that
 * a worker thread is still using. */
HelderTextAnalyzer *
helder_text_analyzer_ref (HelderTextAnalyzer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
helder_text_analyzer_unref (HelderTextAnalyzer *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->style, helder_house_style_unref);
  g_clear_pointer (&self->syllable_cache, g_hash_table_unref);
  g_clear_pointer (&self->zipf_cache, g_hash_table_unref);
  g_clear_pointer (&self->jargon, helder_jargon_free);
  g_clear_pointer (&self->speller, helder_speller_free);
  g_clear_pointer (&self->frequency, helder_frequency_free);
  g_clear_pointer (&self->syllables, helder_syllables_free);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->style_lock);
  g_free (self);
}

/* Settings change what a paragraph's results are: drop the cache. */
static void
settings_changed (HelderTextAnalyzer *self)
{
  self->generation++;
  g_hash_table_remove_all (self->cache);
}

void
helder_text_analyzer_set_checks (HelderTextAnalyzer *self,
                                 guint               checks)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (self->checks != (checks & HELDER_CHECK_ALL))
    {
      self->checks = checks & HELDER_CHECK_ALL;
      settings_changed (self);
    }
  g_mutex_unlock (&self->lock);
}

guint
helder_text_analyzer_get_checks (HelderTextAnalyzer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->checks;
}

/**
 * helder_text_analyzer_set_house_style:
 * @style: (nullable): the whole house style; %NULL for none
 *
 * Replaces the house style: what the previous one had and @style has not
 * is gone.  The analyser seals @style (it may no longer be added to).  An
 * analysis under way in another thread finishes with the style it started
 * with; the next one uses @style.  Never waits for an analysis.
 */
void
helder_text_analyzer_set_house_style (HelderTextAnalyzer *self,
                                      HelderHouseStyle   *style)
{
  HelderHouseStyle *old;

  g_return_if_fail (self != NULL);

  style = style != NULL ? helder_house_style_ref (style) : helder_house_style_new ();
  helder_house_style_seal (style);

  g_mutex_lock (&self->style_lock);
  old = self->style;
  self->style = style;
  g_mutex_unlock (&self->style_lock);

  helder_house_style_unref (old);
}

/**
 * helder_text_analyzer_dup_house_style:
 *
 * Returns: (transfer full): the current house style
 */
HelderHouseStyle *
helder_text_analyzer_dup_house_style (HelderTextAnalyzer *self)
{
  HelderHouseStyle *style;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->style_lock);
  style = helder_house_style_ref (self->style);
  g_mutex_unlock (&self->style_lock);
  return style;
}

HelderSpeller *
helder_text_analyzer_get_speller (HelderTextAnalyzer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->speller;
}

/* Suggestions, under the lock an analysis in another thread holds while
 * it uses the same Hunspell. */
GStrv
helder_text_analyzer_suggest (HelderTextAnalyzer *self,
                              const char         *word,
                              guint               max)
{
  GStrv words;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  g_mutex_lock (&self->lock);
  words = helder_speller_suggest (self->speller, word, max);
  g_mutex_unlock (&self->lock);
  return words;
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

/* Separable particles: meegedacht is mee + gedacht. */
static const char *particles[] = {
  "mee", "op", "af", "aan", "uit", "in", "door", "over", "toe", "terug", "weg",
  "samen", "voor", "na", "om", "bij", "tegen", "vast", "los", "rond", "neer",
};

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
          head_zipf = in_list (head, particles, G_N_ELEMENTS (particles))
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

/* A known name or house word, its genitive (Hillegoms, Fixi's), or a
 * compound of one with a word the speller knows (Digipanelleden,
 * Hillezon-coöperatie). */
static gboolean
house_word (Work       *w,
            const char *word,
            const char *lower)
{
  gsize n = strlen (word);

  if (helder_house_style_is_spelling_word (w->style, lower) || helder_house_style_is_name (w->style, word))
    return TRUE;
  if (n > 2 && word[n - 1] == 's')
    {
      g_autofree char *stem = g_strndup (word, n - (word[n - 2] == '\'' ? 2 : 1));

      return helder_house_style_is_name (w->style, stem);
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

  verdict = helder_speller_check (w->analyzer->speller, word);
  if (verdict != HELDER_SPELLING_UNKNOWN || house_style_accepts (w, word))
    return;

  /* Capitalised in mid-sentence: most likely a name, not a typo. */
  name = (t->flags & HELDER_TOKEN_CAPITALIZED) && !(t->flags & HELDER_TOKEN_SENTENCE_START);
  add_finding (w, t->start, t->end, HELDER_CHECK_SPELLING, name ? 1 : 2,
               name ? "Onbekende naam of onbekend woord" : "Onbekend woord: een typefout?",
               name ? "Dit woord staat niet in het woordenboek. Is het een naam, "
                      "controleer dan de schrijfwijze en voeg het toe aan het woordenboek."
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

      if (in_list (lower, formal_address, G_N_ELEMENTS (formal_address)))
        g_array_append_val (p->address, index);
      else if (in_list (lower, informal_address, G_N_ELEMENTS (informal_address)))
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

      if ((checks & HELDER_CHECK_SPELLING) && !w->flagged[index])
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

static HelderParagraph *
analyse_paragraph (HelderTextAnalyzer *self,
                   HelderHouseStyle   *style,
                   const char         *text,
                   gsize               length,
                   guint               hash)
{
  HelderParagraph *p = g_new0 (HelderParagraph, 1);
  Work w = { self, style, p, NULL, NULL, NULL };

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
  for (guint i = 0; i < p->tokens->len; i++)
    {
      HelderToken *t = &g_array_index (p->tokens, HelderToken, i);

      if (!is_word_like (t))
        continue;
      w.lower[i] = g_utf8_strdown (p->text + t->byte_start, t->byte_end - t->byte_start);
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

  for (guint i = 0; i < p->tokens->len; i++)
    g_free (w.lower[i]);
  g_free (w.lower);
  g_free (w.zipf);
  g_free (w.flagged);

  return p;
}

/* u and je in one text: flag the form used least. */
static void
check_address (HelderAnalysis *analysis)
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

/**
 * helder_text_analyzer_analyze:
 * @text: UTF-8 text; read during the call only
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * Returns: (transfer full): the analysis, or %NULL with
 *   %HELDER_TEXT_ERROR_INVALID_UTF8 naming the byte offset at fault.
 */
HelderAnalysis *
helder_text_analyzer_analyze (HelderTextAnalyzer  *self,
                              const char          *text,
                              gssize               length,
                              GError             **error)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(HelderHouseStyle) style = NULL;
  GHashTable *next_cache;
  HelderAnalysis *analysis;
  const char *bad;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate (text, length, &bad))
    {
      g_set_error (error, HELDER_TEXT_ERROR, HELDER_TEXT_ERROR_INVALID_UTF8,
                   "The text is not valid UTF-8 (at byte %" G_GSIZE_FORMAT ")",
                   (gsize) (bad - text));
      return NULL;
    }

  style = helder_text_analyzer_dup_house_style (self);
  g_mutex_lock (&self->lock);

  analysis = helder_analysis_new ();
  spans = helder_split_paragraphs (text, length);
  /* Keep only this version's paragraphs, so the cache never grows
   * beyond one document. */
  next_cache = paragraph_cache_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      HelderSpan *span = &g_array_index (spans, HelderSpan, i);
      gsize n = span->byte_end - span->byte_start;
      Slice key = { text + span->byte_start, n, slice_hash_of (text + span->byte_start, n) };
      HelderParagraph *p = g_hash_table_lookup (self->cache, &key);

      if (p == NULL)
        p = g_hash_table_lookup (next_cache, &key);

      if (p != NULL && p->generation == self->generation &&
          p->style == helder_house_style_get_serial (style))
        {
          helder_paragraph_ref (p);
          analysis->n_reused++;
        }
      else
        p = analyse_paragraph (self, style, key.text, n, key.hash);

      g_ptr_array_add (analysis->paragraphs, p);
      g_array_append_val (analysis->spans, *span);
      if (!g_hash_table_contains (next_cache, &key))
        g_hash_table_insert (next_cache, paragraph_key (p), helder_paragraph_ref (p));
    }

  g_hash_table_unref (self->cache);
  self->cache = next_cache;

  g_mutex_unlock (&self->lock);

  check_address (analysis);
  helder_analysis_finish (analysis);
  return analysis;
}
