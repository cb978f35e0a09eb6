/* helder-frequency.c: how common a Dutch word is
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-frequency"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "helder-frequency.h"

/* Word frequencies from data/frequency/nl_50k.txt (FrequencyWords, from
 * OpenSubtitles 2018; CC BY-SA 4.0): the 50,000 most frequent Dutch word
 * forms as spoken in subtitles, which is the everyday language a B1 reader
 * knows.  A word's Zipf value is log10 of its frequency per billion words.
 * The full corpus total is not in the list, so the total is the sum of the
 * list's own counts: Zipf values come out slightly higher than the
 * corpus's, by the same amount for every word (about 0.1). */

#define FREQUENCY_RESOURCE "/nl/hltsamen/Helder/core/nl_50k.txt"

struct _HelderFrequency
{
  GHashTable *zipf;   /* word → Zipf × 100, as GUINT_TO_POINTER */
  GStringChunk *words;
};

/**
 * helder_frequency_new:
 * @list: lines of "word count", most frequent first
 */
HelderFrequency *
helder_frequency_new (GBytes  *list,
                      GError **error)
{
  g_autoptr(HelderFrequency) self = g_new0 (HelderFrequency, 1);
  gsize size;
  const char *data = g_bytes_get_data (list, &size);
  const char *p = data, *end = data + size;
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (double));
  GPtrArray *keys = g_ptr_array_new ();
  double total = 0;
  guint line = 0;

  self->zipf = g_hash_table_new (g_str_hash, g_str_equal);
  self->words = g_string_chunk_new (256 * 1024);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *space;
      char *word;
      double count;

      if (eol == NULL)
        eol = end;
      line++;
      space = memchr (p, ' ', eol - p);
      if (space == NULL || space == p || !g_utf8_validate (p, space - p, NULL))
        {
          if (eol > p)
            {
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           "Word frequencies, line %u: expected \"word count\"", line);
              g_array_unref (counts);
              g_ptr_array_unref (keys);
              return NULL;
            }
          p = eol + 1;
          continue;
        }
      word = g_string_chunk_insert_len (self->words, p, space - p);
      count = g_ascii_strtod (space + 1, NULL);
      if (count > 0)
        {
          g_ptr_array_add (keys, word);
          g_array_append_val (counts, count);
          total += count;
        }
      p = eol + 1;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      double zipf = log10 (g_array_index (counts, double, i) / total * 1e9);
      guint value = (guint) CLAMP (lround (zipf * 100), 1, 1000);

      /* A word form listed twice keeps its higher count. */
      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->zipf, keys->pdata[i])) < value)
        g_hash_table_insert (self->zipf, keys->pdata[i], GUINT_TO_POINTER (value));
    }

  g_array_unref (counts);
  g_ptr_array_unref (keys);
  return g_steal_pointer (&self);
}

HelderFrequency *
helder_frequency_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (FREQUENCY_RESOURCE, 0, error);

  if (bytes == NULL)
    return NULL;
  return helder_frequency_new (bytes, error);
}

void
helder_frequency_free (HelderFrequency *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->zipf, g_hash_table_unref);
  if (self->words != NULL)
    g_string_chunk_free (self->words);
  g_free (self);
}

/**
 * helder_frequency_zipf:
 * @word: lower case
 *
 * Returns: the Zipf value of @word, or 0 when it is not among the
 *   50,000 most frequent forms (below about Zipf 1.5).
 */
double
helder_frequency_zipf (HelderFrequency *self,
                       const char      *word)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (word != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->zipf, word)) / 100.0;
}

guint
helder_frequency_get_size (HelderFrequency *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->zipf);
}
