/* helder-syllables.c: syllables of Dutch words
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-syllables"

#include "config.h"

#include <hyphen.h>
#include <stdio.h>
#include <string.h>

#include "helder-syllables.h"

/* Syllables are counted in two steps.  libhyphen with OpenTaal's Dutch
 * patterns splits a word at morpheme and syllable boundaries (ge-uit,
 * be-ïn-vloe-den); then each part counts its vowel groups, with Dutch
 * spelling's multi-letter vowels (aa, ie, ui, ij, eeuw, ooi, ...) as one.
 * The second step catches what hyphenation patterns leave out on purpose:
 * a single vowel at a word's edge (a-vond, e-zel), hiatus (cha-os, na-ïef,
 * po-ë-tisch).  English loanwords with a silent e have a small list.
 *
 * The pattern file is ISO-8859-1; it is converted to UTF-8 once, in
 * memory, so that words are hyphenated as the text has them. */

struct _HelderSyllables
{
  HyphenDict *dict;
};

/* Loanwords whose spelling misleads the vowel count; also matched as the
 * last part of a compound (gemeentewebsite). */
static const struct { const char *word; guint syllables; } loanwords[] = {
  { "website", 2 }, { "websites", 2 }, { "update", 2 }, { "updates", 2 }, { "updaten", 3 },
  { "team", 1 }, { "teams", 1 }, { "service", 2 }, { "services", 3 }, { "online", 2 },
  { "offline", 2 }, { "software", 2 }, { "hardware", 2 }, { "deadline", 2 },
  { "deadlines", 2 }, { "smartphone", 2 }, { "smartphones", 2 }, { "webcare", 2 },
  { "homepage", 2 }, { "timeline", 2 }, { "livestream", 2 }, { "lifestyle", 2 },
  { "interface", 3 }, { "database", 3 }, { "template", 2 }, { "templates", 2 },
  { "outline", 2 }, { "headline", 2 }, { "helpdesk", 2 }, { "breaking", 2 },
  { "care", 1 }, { "site", 1 }, { "sites", 1 }, { "phone", 1 }, { "game", 1 }, { "games", 1 },
  { "file", 1 }, { "files", 1 }, { "live", 1 }, { "style", 1 }, { "mail", 1 }, { "mails", 1 },
  { "e-mail", 2 }, { "e-mails", 2 }, { "email", 2 }, { "emails", 2 }, { "whatsapp", 2 },
  { "youtube", 2 }, { "facebook", 2 }, { "lease", 1 }, { "leasen", 2 }, { "service-", 2 },
  { "coach", 1 }, { "coaches", 2 }, { "coachen", 2 }, { "cake", 1 }, { "shake", 1 },
  { "make-over", 3 }, { "take", 1 }, { "time", 1 }, { "home", 1 }, { "life", 1 },
  { "code", 2 }, { "codes", 2 }, { "skate", 1 }, { "date", 1 }, { "dates", 1 },
  { "bike", 1 }, { "like", 1 }, { "likes", 1 }, { "liken", 2 }, { "tweet", 1 },
  { "tweets", 1 }, { "tweeten", 2 }, { "meeting", 2 }, { "meetings", 2 },
};

static const char *clusters[] = {
  /* longest first */
  "ieuw", "eeuw", "ieu", "eeu", "aai", "ooi", "oei", "eau", "uee",
  "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ij", "ei", "au", "ou",
  "ai", "oi", "ay", "ey", "oy", "uy",
};

/* Folds accents that do not split a vowel group (é, è, ê, á, ...) and
 * reports the diaeresis, which does (ë, ï, ü, ö, ä). */
static gunichar
fold (gunichar  c,
      gboolean *diaeresis)
{
  *diaeresis = FALSE;
  switch (c)
    {
    case 0xE4: *diaeresis = TRUE; return 'a';
    case 0xEB: *diaeresis = TRUE; return 'e';
    case 0xEF: *diaeresis = TRUE; return 'i';
    case 0xF6: *diaeresis = TRUE; return 'o';
    case 0xFC: *diaeresis = TRUE; return 'u';
    case 0xE0: case 0xE1: case 0xE2: return 'a';
    case 0xE8: case 0xE9: case 0xEA: return 'e';
    case 0xEC: case 0xED: case 0xEE: return 'i';
    case 0xF2: case 0xF3: case 0xF4: return 'o';
    case 0xF9: case 0xFA: case 0xFB: return 'u';
    default: return g_unichar_tolower (c);
    }
}

static inline gboolean
is_vowel (gunichar c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/**
 * helder_vowel_groups:
 *
 * Counts the vowel groups of @word (UTF-8): a syllable each.
 */
guint
helder_vowel_groups (const char *word,
                     gssize      length)
{
  gunichar chars[64];
  gboolean split[64];
  guint n = 0, groups = 0;
  const char *p = word;
  const char *end = length < 0 ? word + strlen (word) : word + length;

  for (; p < end && n < G_N_ELEMENTS (chars); p = g_utf8_next_char (p), n++)
    chars[n] = fold (g_utf8_get_char (p), &split[n]);

  for (guint i = 0; i < n;)
    {
      guint best = 1;

      /* The u of qu is a consonant (frequentie). */
      if (!is_vowel (chars[i]) || (chars[i] == 'u' && i > 0 && chars[i - 1] == 'q'))
        {
          i++;
          continue;
        }

      groups++;
      /* -tion in French loans (station, portion): one syllable */
      if (chars[i] == 'i' && i > 0 && chars[i - 1] == 't' && i + 2 < n + 1 &&
          i + 1 < n && chars[i + 1] == 'o' && !split[i + 1] && i + 2 < n && chars[i + 2] == 'n' &&
          (i + 3 == n || chars[i + 3] == 's'))
        {
          i += 2;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (clusters); k++)
        {
          guint len = strlen (clusters[k]);
          gboolean match = i + len <= n;

          for (guint j = 0; match && j < len; j++)
            match = chars[i + j] == (gunichar) clusters[k][j] && (j == 0 || !split[i + j]);
          if (match && len > best)
            best = len;
        }
      i += best;
    }

  return groups;
}

static char *
read_dictionary_as_utf8 (const char  *path,
                         gsize       *length,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  gsize size;
  const char *newline;

  if (!g_file_get_contents (path, &contents, &size, error))
    return NULL;

  newline = memchr (contents, '\n', size);
  if (newline == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is not a hyphenation dictionary", path);
      return NULL;
    }

  if (g_str_has_prefix (contents, "UTF-8"))
    {
      *length = size;
      return g_steal_pointer (&contents);
    }
  else
    {
      g_autofree char *charset = g_strndup (contents, newline - contents);
      g_autofree char *body = g_convert (newline + 1, size - (newline + 1 - contents), "UTF-8",
                                         g_strstrip (charset), NULL, NULL, error);
      char *result;

      if (body == NULL)
        return NULL;
      result = g_strconcat ("UTF-8\n", body, NULL);
      *length = strlen (result);
      return result;
    }
}

static const char *
find_dictionary (void)
{
  static const char *dirs[] = { "/app/share/hyphen", "/usr/share/hyphen", "/usr/local/share/hyphen" };
  const char *env = g_getenv ("HELDER_HYPHEN_DICTIONARY");

  if (env != NULL)
    return env;
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "hyph_nl_NL.dic", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_intern_string (path);
    }
  return NULL;
}

/**
 * helder_syllables_new:
 * @dictionary: (nullable): a libhyphen pattern file, or %NULL for the
 *   installed hyph_nl_NL.dic
 */
HelderSyllables *
helder_syllables_new (const char  *dictionary,
                      GError     **error)
{
  g_autoptr(HelderSyllables) self = g_new0 (HelderSyllables, 1);
  g_autofree char *utf8 = NULL;
  gsize length;
  FILE *f;

  if (dictionary == NULL)
    dictionary = find_dictionary ();
  if (dictionary == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           "No Dutch hyphenation patterns (hyph_nl_NL.dic, package hyphen-nl) found");
      return NULL;
    }

  utf8 = read_dictionary_as_utf8 (dictionary, &length, error);
  if (utf8 == NULL)
    return NULL;

  f = fmemopen (utf8, length, "r");
  if (f == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "Could not read %s", dictionary);
      return NULL;
    }
  self->dict = hnj_hyphen_load_file (f);
  fclose (f);

  if (self->dict == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is not a hyphenation dictionary", dictionary);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
helder_syllables_free (HelderSyllables *self)
{
  if (self == NULL)
    return;
  if (self->dict != NULL)
    hnj_hyphen_free (self->dict);
  g_free (self);
}

static gint
loanword_syllables (const char *word,
                    gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (loanwords); i++)
    {
      gsize n = strlen (loanwords[i].word);

      if (n == length && memcmp (word, loanwords[i].word, n) == 0)
        return loanwords[i].syllables;
    }
  return -1;
}

/* Patterns sometimes break inside a French vowel cluster (mili-eu,
 * sta-ti-on); such a break is no syllable boundary. */
static gboolean
splits_vowel_cluster (const char *word,
                      const char *at,
                      const char *end)
{
  static const char *spans[] = { "ieu", "eeu", "eau", "tion" };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      gsize n = strlen (spans[i]);

      for (gsize k = 1; k < n; k++)
        if (at - k >= word && at - k + n <= end && memcmp (at - k, spans[i], n) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Counts one part of a word without hyphens. */
static guint
count_part (HelderSyllables *self,
            const char      *word,
            gsize            length)
{
  char hyphens[256];
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  guint total = 0;
  gint loan;
  const char *segment;
  guint n_chars;

  if ((loan = loanword_syllables (word, length)) >= 0)
    return loan;

  /* gemeentewebsite: a loanword as the last part of a compound */
  for (guint i = 0; i < G_N_ELEMENTS (loanwords); i++)
    {
      gsize n = strlen (loanwords[i].word);

      if (length > n + 2 && memcmp (word + length - n, loanwords[i].word, n) == 0 && n >= 4)
        return count_part (self, word, length - n) + loanwords[i].syllables;
    }

  n_chars = g_utf8_strlen (word, length);
  if (length + 5 > sizeof hyphens || n_chars < 3)
    return helder_vowel_groups (word, length);

  if (hnj_hyphen_hyphenate2 (self->dict, word, length, hyphens, NULL, &rep, &pos, &cut) != 0)
    return helder_vowel_groups (word, length);

  if (rep != NULL)
    {
      /* Non-standard hyphenation (rare in Dutch): count as written. */
      for (guint i = 0; i < length; i++)
        g_free (rep[i]);
      g_free (rep);
      g_free (pos);
      g_free (cut);
      return helder_vowel_groups (word, length);
    }

  /* In a UTF-8 dictionary hyphens[] is indexed by character: an odd
   * value is a break after that character. */
  segment = word;
  {
    const char *p = word;

    for (guint i = 0; i < n_chars; i++)
      {
        p = g_utf8_next_char (p);
        if ((hyphens[i] & 1) && p < word + length && !splits_vowel_cluster (word, p, word + length))
          {
            guint groups = helder_vowel_groups (segment, p - segment);

            total += MAX (groups, 1);
            segment = p;
          }
      }
  }
  if (segment < word + length)
    total += helder_vowel_groups (segment, word + length - segment);

  return total;
}

/**
 * helder_syllables_count:
 * @word: a lower-case word, UTF-8
 *
 * Returns: the number of syllables of @word, at least 1 for a word with
 *   a letter in it.
 */
guint
helder_syllables_count (HelderSyllables *self,
                        const char      *word)
{
  const char *part = word;
  guint total = 0;
  gint loan;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (word != NULL, 0);

  if ((loan = loanword_syllables (word, strlen (word))) >= 0)
    return loan;

  /* communicatie-instructies: each part on its own */
  for (const char *p = word;; p++)
    if (*p == '-' || *p == '\0')
      {
        if (p > part)
          total += count_part (self, part, p - part);
        if (*p == '\0')
          break;
        part = p + 1;
      }

  return MAX (total, 1);
}
