/* helder-text-analyzer.c: checks Dutch text for plain language
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-analyzer"

#include "config.h"

#include <string.h>

#include "helder-text-analyzer-private.h"

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

/* The cache is keyed by the paragraph itself (its text and hash), and
 * looked up with a slice of the new text: no copy per paragraph. */
typedef struct
{
  const char *text;
  gsize       length;
  guint       hash;
} Slice;

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

/* data/names/places.txt: one name a line, # for comments */
static HelderHouseStyle *
load_places (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/nl/hltsamen/Helder/core/places.txt", 0, error);
  g_autoptr(HelderHouseStyle) places = NULL;
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return NULL;
  places = helder_house_style_new ();
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      helder_house_style_add_name (places, lines[i]);
  helder_house_style_seal (places);
  return g_steal_pointer (&places);
}

/**
 * helder_text_analyzer_new:
 * @language: the spelling dictionary: nl_NL, nl_BE or en_US
 *
 * Loads Hunspell (in a thread of its own), and meanwhile the hyphenation
 * patterns, the frequency list, the officialese list and the place names:
 * about 110 ms, so a GUI does this in a worker.
 */
HelderTextAnalyzer *
helder_text_analyzer_new (const char  *language,
                          GError     **error)
{
  g_autoptr(HelderTextAnalyzer) self = g_new0 (HelderTextAnalyzer, 1);
  g_autoptr(GBytes) jargon = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  helder_text_analyzer_init_word_sets ();
  g_mutex_init (&self->lock);
  g_mutex_init (&self->style_lock);
  self->checks = HELDER_CHECK_ALL;
  self->style = helder_house_style_new ();
  helder_house_style_seal (self->style);
  self->syllable_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zipf_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = paragraph_cache_new ();

  /* Hunspell first: it loads in a thread of its own while this one loads
   * the rest (the first check waits for it). */
  if ((self->speller = helder_speller_new (language ? language : "nl_NL", NULL, error)) == NULL ||
      (self->syllables = helder_syllables_new (NULL, error)) == NULL ||
      (self->frequency = helder_frequency_new_default (error)) == NULL)
    return NULL;
  helder_speller_set_frequency (self->speller, self->frequency);

  jargon = g_resources_lookup_data ("/nl/hltsamen/Helder/core/jargon.tsv", 0, error);
  if (jargon == NULL)
    return NULL;
  self->jargon = helder_jargon_new ();
  if (!helder_jargon_load_tsv (self->jargon, g_bytes_get_data (jargon, NULL), g_bytes_get_size (jargon), error))
    return NULL;
  if ((self->places = load_places (error)) == NULL)
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
  g_clear_pointer (&self->places, helder_house_style_unref);
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

  if (text == NULL)
    text = "";   /* no data: an empty text */
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
      Slice key = { text + span->byte_start, n, helder_hash_bytes (text + span->byte_start, n) };
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
        p = helder_text_analyzer_analyse_paragraph (self, style, key.text, n, key.hash);

      g_ptr_array_add (analysis->paragraphs, p);
      g_array_append_val (analysis->spans, *span);
      if (!g_hash_table_contains (next_cache, &key))
        g_hash_table_insert (next_cache, paragraph_key (p), helder_paragraph_ref (p));
    }

  g_hash_table_unref (self->cache);
  self->cache = next_cache;

  g_mutex_unlock (&self->lock);

  helder_text_analyzer_check_address (analysis);
  helder_analysis_finish (analysis);
  return analysis;
}
