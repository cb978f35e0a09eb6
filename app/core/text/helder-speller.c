/* helder-speller.c: Hunspell, with Dutch compounds and a cache
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-speller"

#include "config.h"

#include <hunspell/hunspell.h>
#include <string.h>

#include "helder-speller.h"
#include "helder-text-types.h"

/* Hunspell checks a word in a few microseconds; the verdict is cached per
 * word form, so a long text costs one check per distinct word.  Dutch
 * writes compounds as one word, and no dictionary lists them all: a word
 * Hunspell rejects is accepted when it splits into known words, with the
 * linking -s-, -e- or -en- (wijkteamoverleg, parkeervergunningaanvraag).
 * Candidate parts are looked up in the frequency list first, a hash
 * lookup, so an unknown word costs few Hunspell calls.  Suggestions cost
 * about 100 ms each: only on request, never in a bulk check.
 *
 * Hunspell is not thread-safe; one mutex guards the handle and the cache,
 * so one speller serves the main thread and the analysis worker. */

#define MIN_PART 3
#define MAX_PARTS 4
/* Longer "words" are no compounds but runs of letters: not worth trying. */
#define MAX_COMPOUND_BYTES 64

struct _HelderSpeller
{
  GMutex           lock;
  Hunhandle       *hunspell;
  char            *language;
  GHashTable      *cache;        /* word → HelderSpelling + 1 */
  HelderFrequency *frequency;    /* not owned */
};

static const char *dictionary_dirs[] = {
  "/app/share/hunspell", "/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell",
};

/**
 * helder_speller_new:
 * @language: nl_NL, nl_BE or en_US
 * @frequency: (nullable): speeds up compound checks; must outlive the speller
 */
HelderSpeller *
helder_speller_new (const char       *language,
                    HelderFrequency  *frequency,
                    GError          **error)
{
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  const char *env = g_getenv ("HELDER_HUNSPELL_DIR");
  HelderSpeller *self;

  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dictionary_dirs) + 1 && aff == NULL; i++)
    {
      const char *dir = i == 0 ? env : dictionary_dirs[i - 1];
      g_autofree char *a = NULL, *d = NULL;

      if (dir == NULL)
        continue;
      a = g_strdup_printf ("%s/%s.aff", dir, language);
      d = g_strdup_printf ("%s/%s.dic", dir, language);
      if (g_file_test (a, G_FILE_TEST_EXISTS) && g_file_test (d, G_FILE_TEST_EXISTS))
        {
          aff = g_steal_pointer (&a);
          dic = g_steal_pointer (&d);
        }
    }

  if (aff == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "No Hunspell dictionary for %s found (install hunspell-nl or hunspell-en-us)",
                   language);
      return NULL;
    }

  self = g_new0 (HelderSpeller, 1);
  g_mutex_init (&self->lock);
  self->hunspell = Hunspell_create (aff, dic);
  self->language = g_strdup (language);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frequency = frequency;
  return self;
}

void
helder_speller_free (HelderSpeller *self)
{
  if (self == NULL)
    return;
  Hunspell_destroy (self->hunspell);
  g_hash_table_unref (self->cache);
  g_mutex_clear (&self->lock);
  g_free (self->language);
  g_free (self);
}

const char *
helder_speller_get_language (HelderSpeller *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

static gboolean
spell (HelderSpeller *self,
       const char    *word)
{
  return Hunspell_spell (self->hunspell, word) != 0;
}

/* A known part of a compound: frequent and accepted by Hunspell. */
static gboolean
known_part (HelderSpeller *self,
            const char    *part)
{
  if (g_utf8_strlen (part, -1) < MIN_PART)
    return FALSE;
  if (self->frequency != NULL && helder_frequency_zipf (self->frequency, part) < 1.0)
    return FALSE;
  return spell (self, part);
}

/* Whether @word splits into at most @parts_left known words, each but the
 * last possibly followed by a linking s, e or en. */
static gboolean
splits_into_words (HelderSpeller *self,
                   const char    *word,
                   guint          parts_left)
{
  gsize length = strlen (word);

  if (parts_left == 0 || g_utf8_strlen (word, -1) < MIN_PART)
    return FALSE;
  if (known_part (self, word))
    return TRUE;
  if (parts_left == 1)
    return FALSE;

  /* Longest first part first: gemeente|raad before gem|eenteraad. */
  for (gsize cut = length - MIN_PART; cut >= MIN_PART; cut--)
    {
      static const char *links[] = { "", "s", "e", "en" };
      const char *rest = word + cut;

      if ((word[cut] & 0xC0) == 0x80)
        continue;   /* not at a character boundary */

      for (guint k = 0; k < G_N_ELEMENTS (links); k++)
        {
          gsize link = strlen (links[k]);
          g_autofree char *head = NULL;

          if (link > cut - MIN_PART || strncmp (word + cut - link, links[k], link) != 0)
            continue;
          head = g_strndup (word, cut - link);
          if (known_part (self, head) && splits_into_words (self, rest, parts_left - 1))
            return TRUE;
        }
    }
  return FALSE;
}

static HelderSpelling
check_uncached (HelderSpeller *self,
                const char    *word)
{
  g_autofree char *lower = NULL;

  if (spell (self, word))
    return HELDER_SPELLING_CORRECT;

  lower = g_utf8_strdown (word, -1);
  if (strcmp (lower, word) != 0 && spell (self, lower))
    return HELDER_SPELLING_CORRECT;

  /* communicatie-instructies: every part known */
  if (strchr (lower, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);
      gboolean all = TRUE;

      for (guint i = 0; parts[i] != NULL && all; i++)
        all = parts[i][0] == '\0' || check_uncached (self, parts[i]) != HELDER_SPELLING_UNKNOWN;
      if (all)
        return HELDER_SPELLING_COMPOUND;
    }

  if (strlen (lower) <= MAX_COMPOUND_BYTES && splits_into_words (self, lower, MAX_PARTS))
    return HELDER_SPELLING_COMPOUND;

  return HELDER_SPELLING_UNKNOWN;
}

/**
 * helder_speller_check:
 * @word: as written (capitals matter to Hunspell: "hillegom" is wrong)
 */
HelderSpelling
helder_speller_check (HelderSpeller *self,
                      const char    *word)
{
  gpointer cached;
  HelderSpelling result;

  g_return_val_if_fail (self != NULL, HELDER_SPELLING_UNKNOWN);
  g_return_val_if_fail (word != NULL, HELDER_SPELLING_UNKNOWN);

  g_mutex_lock (&self->lock);
  cached = g_hash_table_lookup (self->cache, word);
  if (cached != NULL)
    result = GPOINTER_TO_UINT (cached) - 1;
  else
    {
      result = check_uncached (self, word);
      if (g_hash_table_size (self->cache) >= HELDER_WORD_CACHE_MAX)
        g_hash_table_remove_all (self->cache);
      g_hash_table_insert (self->cache, g_strdup (word), GUINT_TO_POINTER (result + 1));
    }
  g_mutex_unlock (&self->lock);

  return result;
}

/**
 * helder_speller_suggest:
 *
 * Slow (about 100 ms): call it when the user asks, away from typing.
 *
 * Returns: (transfer full): at most @max suggestions
 */
GStrv
helder_speller_suggest (HelderSpeller *self,
                        const char    *word,
                        guint          max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **list = NULL;
  int n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  g_mutex_lock (&self->lock);
  n = Hunspell_suggest (self->hunspell, &list, word);
  for (int i = 0; i < n && (guint) i < max; i++)
    g_strv_builder_add (builder, list[i]);
  if (list != NULL)
    Hunspell_free_list (self->hunspell, &list, n);
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}
