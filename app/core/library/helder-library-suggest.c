/* helder-library-suggest.c: the nearest indexed word to one that finds nothing
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>

#include "helder-library-index-private.h"

/* Stems are compared with stems (the vocab table the writer keeps: every
 * stem indexed, with how often), within an edit distance of 1 for short
 * words and 2 for longer ones; the nearest, most frequent stem that a
 * document still has is given as that document writes it, in the form
 * nearest to what was typed. */

typedef struct
{
  char  *term;
  guint  distance;
  gint64 count;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->term, y->term);
}

static void
suggestion_clear (gpointer data)
{
  g_free (((Suggestion *) data)->term);
}

typedef struct
{
  const char *stem;
  const char *typed;     /* folded, what the user typed */
  const char *text;
  char       *word;      /* the nearest form so far */
  guint       distance;
} Spelling;

static void
find_spelling (const char *folded,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  Spelling *s = user_data;
  g_autofree char *stem = NULL;
  guint distance;

  if (folded[0] != s->stem[0] || s->distance == 0)
    return;
  stem = helder_library_stem (folded);
  if (!g_str_equal (stem, s->stem))
    return;
  /* Of the forms a document writes ("vergunning", "vergunningen"), the
   * one nearest to what was typed */
  distance = helder_library_edit_distance (s->typed, folded, 64);
  if (s->word == NULL || distance < s->distance)
    {
      g_free (s->word);
      s->word = g_utf8_strdown (s->text + start, end - start);
      s->distance = distance;
    }
}

/* How a document writes a word with @stem ("gemeent" → "gemeenten"), the
 * form nearest to @typed, or NULL when no document has it. */
static char *
spelling_of (HelderLibraryWriter *w,
             const char          *stem,
             const char          *typed)
{
  g_autofree char *match = g_strdup_printf ("\"%s\"", stem);
  sqlite3_stmt *stmt = NULL;
  Spelling s = { stem, typed, NULL, NULL, G_MAXUINT };

  if (sqlite3_prepare_v2 (w->db, "SELECT title, summary, tags, body FROM fts WHERE fts MATCH ? LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int column = 0; column < 4; column++)
      {
        s.text = (const char *) sqlite3_column_text (stmt, column);
        if (s.text != NULL)
          helder_library_foreach_word (s.text, -1, find_spelling, &s);
      }
  sqlite3_finalize (stmt);
  return s.word;
}

char *
helder_library_index_suggest (HelderLibraryIndex *self,
                              const char         *word)
{
  HelderLibraryWriter *w;
  g_autoptr(GArray) near = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *stem = NULL;
  sqlite3_stmt *stmt = NULL;
  glong length;
  guint max;

  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  w = helder_library_index_get_writer (self);
  if (!helder_library_writer_flush_vocabulary (w, NULL))
    g_debug ("The vocabulary is behind: suggestions may miss new words");
  folded = helder_library_fold (word, -1);
  if (strpbrk (folded, "0123456789") != NULL)
    return NULL;
  stem = helder_library_stem (folded);
  length = g_utf8_strlen (stem, -1);
  if (g_utf8_strlen (folded, -1) < 3)
    return NULL;
  max = g_utf8_strlen (folded, -1) >= 5 ? 2 : 1;
  near = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_array_set_clear_func (near, suggestion_clear);

  /* Stems against stems: "gemeentn" is near "gemeent".  Only stems
   * that begin with the word's first letter, or with its second (a first
   * letter too many, or two swapped): a typo is seldom in the first
   * letter, and the rest of the vocabulary need not be read. */
  if (sqlite3_prepare_v2 (w->db, "SELECT term, n FROM vocab WHERE "
                          "((term >= ?3 AND term < ?4) OR (term >= ?5 AND term < ?6)) "
                          "AND length (term) BETWEEN ?1 AND ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int (stmt, 1, length - max);
  sqlite3_bind_int (stmt, 2, length + max);
  for (int which = 0; which < 2; which++)
    {
      const char *at = which == 0 ? stem : g_utf8_next_char (stem);
      gsize bytes = g_utf8_next_char (at) - at;
      g_autofree char *from = g_strndup (at, bytes);
      g_autofree char *to = g_strndup (at, bytes);

      if (bytes == 0)
        from[0] = to[0] = '\0';
      else
        to[bytes - 1]++;
      sqlite3_bind_text (stmt, 3 + 2 * which, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4 + 2 * which, to, -1, SQLITE_TRANSIENT);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      Suggestion suggestion;

      if (term == NULL || strpbrk (term, "0123456789") != NULL)
        continue;
      if (g_str_equal (term, stem))
        {
          /* The word is indexed (if a document still has it) */
          g_autofree char *as_written = spelling_of (w, term, folded);

          if (as_written != NULL)
            {
              sqlite3_finalize (stmt);
              return NULL;
            }
          continue;
        }
      suggestion.distance = helder_library_edit_distance (stem, term, max);
      if (suggestion.distance > max)
        continue;
      suggestion.term = g_strdup (term);
      suggestion.count = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (near, suggestion);
    }
  sqlite3_finalize (stmt);

  /* The nearest that a document still has, as it writes it */
  g_array_sort (near, compare_suggestions);
  for (guint i = 0; i < near->len && i < 8; i++)
    {
      char *as_written = spelling_of (w, g_array_index (near, Suggestion, i).term, folded);

      if (as_written != NULL)
        return as_written;
    }
  return NULL;
}
