/* helder-speller.c: Hunspell, with Dutch compounds and a cache
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-speller"

#include "config.h"

#include <hunspell/hunspell.h>
#include <string.h>

#include "helder-compounding.h"
#include "helder-speller.h"
#include "helder-text-types.h"

/* Hunspell checks a word in a few microseconds; the verdict is cached per
 * word form, so a long text costs one check per distinct word.
 *
 * Dutch writes compounds as one word, and no dictionary lists them all.
 * Hunspell itself joins stems that OpenTaal's dictionary flags for it; a
 * word it rejects is still accepted as a compound when it splits the way
 * the same flags allow, read more freely than Hunspell reads them:
 *   - every part is a dictionary stem of at least three letters, at most
 *     four parts;
 *   - the first part may begin a compound (Ca, Ce, Cx); an inner part may
 *     begin, stand inside or end one, because a compound of two parts can
 *     itself begin a longer one (wijk + team + overleg: team may begin
 *     teamoverleg; speel + ruimte + plan: speelruimte is a compound ending
 *     in ruimte); the last part may end one (Cc), also inflected (overleg
 *     → overleggen);
 *   - a linking s only after a stem flagged for it (Cd, Ch: beleid-s-plan),
 *     a linking -en- or -ën- only after a stem whose plural begins
 *     compounds (Zb, Ze, Zd: boek-en-kast);
 *   - no vowels that would read as one sound across the joint (zee-eend,
 *     auto-ongeluk take a hyphen);
 *   - and not when the word has a close correction: one letter changed,
 *     added, dropped or two swapped within a part, so that the part
 *     becomes a more common word and Hunspell accepts the whole word
 *     (energiebesparingsmaatregen: regen → regel), or at a joint a
 *     linking s added or dropped, -en- for -e-,
 *     two letters swapped, so that Hunspell accepts it (verkeerbesluit →
 *     verkeersbesluit).  "More common" comes from the frequency list, so
 *     a legitimate compound does not lose to a rarer neighbour of one of
 *     its parts (speelruimteplan is not a typo of speelruigteplan).
 * A word with a hyphen is accepted when each of its parts is.  Checking a
 * close correction costs a few hundred lookups in the frequency list and
 * a few Hunspell calls, only for words Hunspell rejected that split;
 * suggestions (about 100 ms each) only on request.
 *
 * Hunspell is not thread-safe; one mutex guards the handle and the cache,
 * so one speller serves the main thread and the analysis worker. */

#define MIN_PART 3
#define MAX_PARTS 4
/* Longer "words" are no compounds but runs of letters: not worth trying. */
#define MAX_COMPOUND_BYTES 64

struct _HelderSpeller
{
  GMutex             lock;
  GThread           *loader;       /* loading Hunspell; joined on first use */
  Hunhandle         *hunspell;
  char              *language;
  GHashTable        *cache;        /* word → HelderSpelling + 1 */
  HelderFrequency   *frequency;    /* not owned */
  HelderCompounding *compounding;  /* NULL: no compounds beyond Hunspell's */
};

static const char *dictionary_dirs[] = {
  "/app/share/hunspell", "/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell",
};

typedef struct
{
  char *aff;
  char *dic;
} LoadJob;

static gpointer
load_hunspell (gpointer data)
{
  LoadJob *job = data;
  Hunhandle *hunspell = Hunspell_create (job->aff, job->dic);

  g_free (job->aff);
  g_free (job->dic);
  g_free (job);
  return hunspell;
}

/* Every use of the handle goes through here, under the lock. */
static Hunhandle *
hunspell_of (HelderSpeller *self)
{
  if (self->loader != NULL)
    self->hunspell = g_thread_join (g_steal_pointer (&self->loader));
  return self->hunspell;
}

/**
 * helder_speller_new:
 * @language: nl_NL, nl_BE or en_US
 * @frequency: (nullable): helps the close-correction check; must outlive
 *   the speller (see also helder_speller_set_frequency())
 *
 * Hunspell loads in a thread of its own (about 100 ms for nl_NL), so the
 * caller can load other things meanwhile; the first check waits for it.
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
  {
    LoadJob *job = g_new0 (LoadJob, 1);

    job->aff = g_strdup (aff);
    job->dic = g_strdup (dic);
    self->loader = g_thread_new ("helder-hunspell", load_hunspell, job);
  }
  self->language = g_strdup (language);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frequency = frequency;
  /* The compound flags are OpenTaal's: only the Dutch dictionaries. */
  if (g_str_has_prefix (language, "nl"))
    self->compounding = helder_compounding_new (dic, NULL);
  return self;
}

void
helder_speller_free (HelderSpeller *self)
{
  if (self == NULL)
    return;
  Hunspell_destroy (hunspell_of (self));
  g_hash_table_unref (self->cache);
  g_clear_pointer (&self->compounding, helder_compounding_free);
  g_mutex_clear (&self->lock);
  g_free (self->language);
  g_free (self);
}

/* The frequency list, when it loads after the speller; it must outlive
 * the speller. */
void
helder_speller_set_frequency (HelderSpeller   *self,
                              HelderFrequency *frequency)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->frequency = frequency;
  g_mutex_unlock (&self->lock);
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
  return Hunspell_spell (hunspell_of (self), word) != 0;
}

/* Compounds */

typedef struct
{
  guint8 start, end, next;   /* bytes: the stem, and where the next part starts */
} Part;

typedef struct
{
  HelderSpeller *speller;
  const char    *word;       /* lower case */
  gsize          length;
  gboolean       truncated;  /* beleids- en ...: the last part is a first part */
  Part           parts[MAX_PARTS];
  guint          n_parts;
} Split;

static const char *links[] = { "", "s", "en", "\xc3\xabn" /* ën */ };

static guint
stem_flags (Split      *s,
            gsize       start,
            gsize       end)
{
  return helder_compounding_lookup (s->speller->compounding, s->word + start, end - start);
}

static gboolean
long_enough (const char *p,
             gsize       n)
{
  return n >= MIN_PART && (n >= 2 * MIN_PART || g_utf8_strlen (p, n) >= MIN_PART);
}

/* Whether the stem [start, end) followed by @link may stand before more
 * parts; @first: as the first part of the word. */
static gboolean
joins_on (Split      *s,
          gsize       start,
          gsize       end,
          const char *link,
          gboolean    first)
{
  guint flags = stem_flags (s, start, end);
  guint position = HELDER_STEM_BEGIN | HELDER_STEM_ONLY_PART |
                   (first ? 0 : HELDER_STEM_MIDDLE | HELDER_STEM_END);

  if (flags == 0 || (flags & HELDER_STEM_HYPHEN))
    return FALSE;
  if (link[0] == '\0')
    return (flags & position) != 0;
  if (link[0] == 's')
    return (flags & HELDER_STEM_LINK_S) != 0;
  return (flags & HELDER_STEM_LINK_EN) != 0;
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Two vowels across a joint that would read as one sound take a hyphen
 * (klinkerbotsing): na-apen, zee-egel, mini-industrie, auto-ongeluk. */
static gboolean
vowels_collide (char a,
                char b)
{
  static const char *pairs[] = { "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "ij",
                                 "oe", "oi", "oo", "ou", "ui", "uu" };

  if (!is_vowel (a) || !(is_vowel (b) || b == 'j'))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][0] == a && pairs[i][1] == b)
      return TRUE;
  return FALSE;
}

static gboolean
has_suffix_at (Split      *s,
               gsize       start,
               const char *suffix)
{
  gsize n = strlen (suffix);

  return s->length >= start + n && memcmp (s->word + s->length - n, suffix, n) == 0;
}

/* Whether [start, end of word) may end the compound: a stem that ends
 * compounds, as written or inflected; where its stem ends in @stem_end
 * (before the link of a truncated word). */
static gboolean
ends_compound (Split *s,
               gsize  start,
               gsize *stem_end)
{
  static const char *endings[] = { "en", "s", "'s", "n", "e", "ën" };
  gsize n = s->length - start;
  gboolean ends = FALSE;
  char **stems = NULL;
  int n_stems;

  if (!long_enough (s->word + start, n))
    return FALSE;

  *stem_end = s->length;
  if (s->truncated)
    {
      for (guint k = 0; k < G_N_ELEMENTS (links); k++)
        if (has_suffix_at (s, start + MIN_PART, links[k]) &&
            joins_on (s, start, s->length - strlen (links[k]), links[k], s->n_parts == 0))
          {
            *stem_end = s->length - strlen (links[k]);
            return TRUE;
          }
      return FALSE;
    }

  if (stem_flags (s, start, s->length) & HELDER_STEM_END)
    return TRUE;
  /* Inflected: the stem Hunspell finds, or the stem before a plural or
   * inflection ending, of a form Hunspell accepts. */
  for (guint k = 0; k < G_N_ELEMENTS (endings) && !ends; k++)
    ends = has_suffix_at (s, start + MIN_PART, endings[k]) &&
           (stem_flags (s, start, s->length - strlen (endings[k])) & HELDER_STEM_END);
  if (ends)
    return spell (s->speller, s->word + start);

  if (!spell (s->speller, s->word + start))
    return FALSE;
  n_stems = Hunspell_stem (hunspell_of (s->speller), &stems, s->word + start);
  for (int i = 0; i < n_stems && !ends; i++)
    ends = helder_compounding_lookup (s->speller->compounding, stems[i], -1) & HELDER_STEM_END;
  if (stems != NULL)
    Hunspell_free_list (s->speller->hunspell, &stems, n_stems);
  return ends;
}

/* Splits [start, end of word) into at most MAX_PARTS - s->n_parts parts;
 * longest first parts first (gemeente|raad before gem|eenteraad). */
static gboolean
split_from (Split *s,
            gsize  start)
{
  guint n = s->n_parts;
  gsize stem_end;

  if (n == MAX_PARTS)
    return FALSE;
  if ((n > 0 || s->truncated) && ends_compound (s, start, &stem_end))
    {
      s->parts[n] = (Part) { start, stem_end, s->length };
      s->n_parts = n + 1;
      return TRUE;
    }
  if (n + 1 == MAX_PARTS || s->length < start + 2 * MIN_PART)
    return FALSE;

  for (gsize rest = s->length - MIN_PART; rest >= start + MIN_PART; rest--)
    {
      if (((guint8) s->word[rest] & 0xC0) == 0x80)
        continue;   /* not at a character boundary */

      for (guint k = 0; k < G_N_ELEMENTS (links); k++)
        {
          gsize link = strlen (links[k]);
          gsize end = rest - link;

          if (rest < start + link + MIN_PART || memcmp (s->word + end, links[k], link) != 0 ||
              !long_enough (s->word + start, end - start))
            continue;
          if (link == 0 && vowels_collide (s->word[end - 1], s->word[rest]))
            continue;
          if (!joins_on (s, start, end, links[k], n == 0))
            continue;
          s->parts[n] = (Part) { start, end, rest };
          s->n_parts = n + 1;
          if (split_from (s, rest))
            return TRUE;
          s->n_parts = n;
        }
    }
  return FALSE;
}

/* A close correction */

/* The word with [start, end) replaced by @with, into @buffer; FALSE when
 * that is the word itself or too long. */
static gboolean
replace_into (Split      *s,
              gsize       start,
              gsize       end,
              const char *with,
              gsize       with_length,
              char       *buffer,
              gsize       size,
              gsize      *length)
{
  gsize n;

  if (s->length - (end - start) + with_length + 1 > size)
    return FALSE;
  memcpy (buffer, s->word, start);
  memcpy (buffer + start, with, with_length);
  memcpy (buffer + start + with_length, s->word + end, s->length - end);
  n = s->length - (end - start) + with_length;
  buffer[n] = '\0';
  *length = n;
  return n != s->length || memcmp (buffer, s->word, n) != 0;
}

/* At a joint: whether Hunspell accepts the word with [start, end)
 * replaced by @with. */
static gboolean
joint_corrected (Split      *s,
                 gsize       start,
                 gsize       end,
                 const char *with)
{
  char buffer[MAX_COMPOUND_BYTES * 2 + 8];
  gsize n;

  return replace_into (s, start, end, with, strlen (with), buffer, sizeof buffer, &n) &&
         spell (s->speller, buffer);
}

/* Whether Hunspell accepts the word with the part [start, end) replaced
 * by @edit (UCS-4). */
static gboolean
edit_accepted (Split          *s,
               gsize           start,
               gsize           end,
               const gunichar *edit,
               glong           n)
{
  char with[(MAX_COMPOUND_BYTES + 2) * 4 + 1];
  char buffer[(MAX_COMPOUND_BYTES + 2) * 4 * 2 + 8];
  gsize k = 0, length;

  for (glong i = 0; i < n; i++)
    k += g_unichar_to_utf8 (edit[i], with + k);
  return replace_into (s, start, end, with, k, buffer, sizeof buffer, &length) &&
         spell (s->speller, buffer);
}

static double
zipf_of (Split          *s,
         const gunichar *part,
         glong           n)
{
  char utf8[(MAX_COMPOUND_BYTES + 2) * 4 + 1];
  gsize k = 0;

  for (glong i = 0; i < n; i++)
    k += g_unichar_to_utf8 (part[i], utf8 + k);
  utf8[k] = '\0';
  return helder_frequency_zipf (s->speller->frequency, utf8);
}

/* One letter changed, added, dropped, or two swapped in the part [start,
 * end), where that makes the part a more common word (the writer more
 * likely meant it: regen → regel, opgang → opvang, never ruimte →
 * ruigte) and Hunspell accepts the whole word. */
static gboolean
part_has_correction (Split *s,
                     gsize  start,
                     gsize  end)
{
  static const gunichar letters[] = {
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
    's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0xEB /* ë */, 0xE9 /* é */, 0xEF /* ï */, 0xF6 /* ö */,
  };
  g_autofree gunichar *part = NULL;
  gunichar edit[MAX_COMPOUND_BYTES + 2];
  double zipf;
  glong n;

  if (s->speller->frequency == NULL)
    return FALSE;
  part = g_utf8_to_ucs4_fast (s->word + start, end - start, &n);
  if (n > MAX_COMPOUND_BYTES)
    return FALSE;
  zipf = zipf_of (s, part, n);

#define TRY(count)                                                                         \
  if (zipf_of (s, edit, (count)) > zipf && edit_accepted (s, start, end, edit, (count)))  \
    return TRUE

  for (glong i = 0; i < n; i++)
    {
      /* dropped */
      memcpy (edit, part, i * sizeof *edit);
      memcpy (edit + i, part + i + 1, (n - i - 1) * sizeof *edit);
      TRY (n - 1);
      /* swapped with the next */
      if (i + 1 < n && part[i] != part[i + 1])
        {
          memcpy (edit, part, n * sizeof *edit);
          edit[i] = part[i + 1];
          edit[i + 1] = part[i];
          TRY (n);
        }
      /* changed */
      memcpy (edit, part, n * sizeof *edit);
      for (guint k = 0; k < G_N_ELEMENTS (letters); k++)
        if (letters[k] != part[i])
          {
            edit[i] = letters[k];
            TRY (n);
          }
    }
  /* added */
  for (glong i = 0; i <= n; i++)
    {
      memcpy (edit, part, i * sizeof *edit);
      memcpy (edit + i + 1, part + i, (n - i) * sizeof *edit);
      for (guint k = 0; k < G_N_ELEMENTS (letters); k++)
        {
          edit[i] = letters[k];
          TRY (n + 1);
        }
    }
#undef TRY
  return FALSE;
}

static gboolean
has_close_correction (Split *s)
{
  for (guint i = 0; i < s->n_parts; i++)
    {
      Part *p = &s->parts[i];

      if (part_has_correction (s, p->start, p->end))
        return TRUE;
      if (i + 1 == s->n_parts)
        break;
      /* At the joint: a linking s left out or added (verkeerbesluit for
       * verkeersbesluit), -e- for -en-, two letters swapped across it. */
      if (p->next == p->end && (stem_flags (s, p->start, p->end) & HELDER_STEM_LINK_S) &&
          joint_corrected (s, p->end, p->end, "s"))
        return TRUE;
      if (p->next > p->end && joint_corrected (s, p->end, p->next, ""))
        return TRUE;
      if (p->next == p->end + 2 && s->word[p->end] == 'e' && joint_corrected (s, p->end, p->next, "e"))
        return TRUE;
      if (p->next == p->end && p->end > 0 && s->word[p->end - 1] != s->word[p->end] &&
          ((guint8) s->word[p->end - 1] & 0x80) == 0 && ((guint8) s->word[p->end] & 0x80) == 0)
        {
          char swapped[3] = { s->word[p->end], s->word[p->end - 1], '\0' };

          if (joint_corrected (s, p->end - 1, p->end + 1, swapped))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @lower is a compound the dictionary's flags allow and no typo
 * of a word Hunspell knows. */
static gboolean
is_compound (HelderSpeller *self,
             const char    *lower,
             gboolean       truncated)
{
  Split s = { self, lower, strlen (lower), truncated, { { 0 } }, 0 };

  if (self->compounding == NULL || s.length > MAX_COMPOUND_BYTES || !split_from (&s, 0))
    return FALSE;
  /* A truncated first part is a dictionary stem with its link: nothing
   * to correct (and "beleids" is one letter from "bereids"). */
  return truncated || !has_close_correction (&s);
}

static HelderSpelling
check_uncached (HelderSpeller *self,
                const char    *word)
{
  g_autofree char *lower = NULL;

  if (spell (self, word))
    return HELDER_SPELLING_CORRECT;

  /* Odd capitals (GemeenteHuis): checked in lower case. */
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
      return all ? HELDER_SPELLING_COMPOUND : HELDER_SPELLING_UNKNOWN;
    }

  if (is_compound (self, lower, FALSE))
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
 * helder_speller_check_truncated:
 * @word: a word written with a hyphen for a part left out, as in "beleids-
 *   en uitvoeringsvragen", without the hyphen
 *
 * Returns: whether @word can begin a compound: a word, or a stem with
 *   its linking s or -en-, or parts the dictionary allows, ending so.
 */
gboolean
helder_speller_check_truncated (HelderSpeller *self,
                                const char    *word)
{
  g_autofree char *lower = NULL;
  gboolean result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  lower = g_utf8_strdown (word, -1);
  g_mutex_lock (&self->lock);
  result = spell (self, word) || is_compound (self, lower, TRUE);
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
  n = Hunspell_suggest (hunspell_of (self), &list, word);
  for (int i = 0; i < n && (guint) i < max; i++)
    g_strv_builder_add (builder, list[i]);
  if (list != NULL)
    Hunspell_free_list (self->hunspell, &list, n);
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}
