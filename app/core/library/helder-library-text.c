/* helder-library-text.c: the words of the library's search: folded, stemmed, matched
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>
#include <libstemmer.h>

#include "helder-library-text.h"

/* A stemmer is not safe to share between threads: each thread that
 * stems (the main loop, an index build in a worker) has its own. */
static void
stemmer_free (gpointer stemmer)
{
  if (stemmer != NULL)
    sb_stemmer_delete (stemmer);
}

static GPrivate thread_stemmer = G_PRIVATE_INIT (stemmer_free);

static struct sb_stemmer *
get_stemmer (void)
{
  struct sb_stemmer *stemmer = g_private_get (&thread_stemmer);

  if (stemmer == NULL)
    {
      stemmer = sb_stemmer_new ("dutch", "UTF_8");
      g_assert (stemmer != NULL);
      g_private_set (&thread_stemmer, stemmer);
    }
  return stemmer;
}

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || is_mark (c);
}

static void
append_lower_ascii (GString    *out,
                    const char *text,
                    gsize       length)
{
  gsize at = out->len;

  g_string_set_size (out, at + length);
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      out->str[at + i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}

/* Appends the folded form of @text to @out. */
static void
fold_into (GString    *out,
           const char *text,
           gssize      length)
{
  g_autofree char *decomposed = NULL;
  gboolean ascii = TRUE;

  if (length < 0)
    length = strlen (text);
  for (gssize i = 0; i < length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  if (ascii)
    {
      append_lower_ascii (out, text, length);
      return;
    }

  decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

/**
 * helder_library_fold:
 * @text: UTF-8
 * @length: bytes, or -1
 *
 * Returns: (transfer full): @text in lower case, decomposed and without
 *   combining marks
 */
char *
helder_library_fold (const char *text,
                     gssize      length)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  fold_into (out, text, length);
  return g_string_free (out, FALSE);
}

/**
 * helder_library_stem:
 * @folded_word: one word, as helder_library_fold() makes it
 *
 * Returns: (transfer full): its Dutch stem
 */
char *
helder_library_stem (const char *folded_word)
{
  struct sb_stemmer *stemmer;
  const sb_symbol *stem;
  gsize length;

  g_return_val_if_fail (folded_word != NULL, NULL);

  length = strlen (folded_word);
  /* Numbers, codes and absurdly long strings are kept whole */
  if (length > 64 || strpbrk (folded_word, "0123456789") != NULL)
    return g_strdup (folded_word);
  stemmer = get_stemmer ();
  stem = sb_stemmer_stem (stemmer, (const sb_symbol *) folded_word, length);
  if (stem == NULL)
    return g_strdup (folded_word);
  return g_strndup ((const char *) stem, sb_stemmer_length (stemmer));
}

typedef struct
{
  HelderLibraryWordFunc func;
  gpointer              user_data;
} EveryWord;

static gboolean
every_word (const char *folded,
            gsize       start,
            gsize       end,
            gpointer    user_data)
{
  EveryWord *every = user_data;

  every->func (folded, start, end, every->user_data);
  return TRUE;
}

/**
 * helder_library_foreach_word:
 *
 * Calls @func for every word of @text with its folded form and its byte
 * range.  Invalid UTF-8 ends the text.
 */
void
helder_library_foreach_word (const char            *text,
                             gssize                 length,
                             HelderLibraryWordFunc  func,
                             gpointer               user_data)
{
  EveryWord every = { func, user_data };

  g_return_if_fail (func != NULL);

  helder_library_foreach_word_while (text, length, every_word, &every);
}

/**
 * helder_library_foreach_word_while:
 *
 * As helder_library_foreach_word(), until @func returns %FALSE.
 */
void
helder_library_foreach_word_while (const char                 *text,
                                   gssize                      length,
                                   HelderLibraryWordWhileFunc  func,
                                   gpointer                    user_data)
{
  g_autoptr(GString) folded = g_string_sized_new (64);
  const char *end, *p;

  g_return_if_fail (func != NULL);

  if (text == NULL)
    return;
  if (length < 0)
    length = strlen (text);
  end = text + length;
  p = text;
  /* Bytes below 0x80 are decided without decoding: most of Dutch text */
  while (p < end)
    {
      const char *start;
      gboolean ascii = TRUE;
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isalnum (*p))
            {
              p++;
              continue;
            }
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return;
          if (!is_word_char (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
        }
      start = p;
      while (p < end)
        {
          if ((guchar) *p < 0x80)
            {
              if (!g_ascii_isalnum (*p))
                break;
              p++;
              continue;
            }
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              end = p;  /* invalid UTF-8 ends the text */
              break;
            }
          if (!is_word_char (c))
            break;
          ascii = FALSE;
          p = g_utf8_next_char (p);
        }
      /* Most words: lower-cased in place, without a call per word */
      folded->len = 0;
      if (ascii && (gsize) (p - start) < folded->allocated_len)
        {
          for (const char *q = start; q < p; q++)
            folded->str[folded->len++] = *q >= 'A' && *q <= 'Z' ? *q + ('a' - 'A') : *q;
          folded->str[folded->len] = '\0';
        }
      else if (ascii)
        append_lower_ascii (folded, start, p - start);
      else
        fold_into (folded, start, p - start);
      if (folded->len > 0 && !func (folded->str, start - text, p - text, user_data))
        return;
    }
}

/**
 * helder_library_edit_distance:
 *
 * Returns: the Levenshtein distance of @a and @b in characters, or
 *   @max + 1 when it is more than @max
 */
guint
helder_library_edit_distance (const char *a,
                              const char *b,
                              guint       max)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *row = NULL;
  glong na, nb;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  if ((guint) ABS (na - nb) > max)
    return max + 1;
  row = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > max)
        return max + 1;
    }
  return MIN (row[nb], max + 1);
}
