/* test-library-diff.c: the word-level difference between two versions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "library/helder-library-diff.h"

/* The chunks as "=same|-removed|+added|" */
static char *
show (const char *old_text,
      const char *new_text)
{
  g_autoptr(GPtrArray) chunks = helder_library_diff_words (old_text, new_text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      HelderDiffChunk *chunk = chunks->pdata[i];

      g_string_append_c (out, chunk->kind == HELDER_DIFF_SAME ? '=' : chunk->kind == HELDER_DIFF_ADDED ? '+' : '-');
      g_string_append (out, chunk->text);
      g_string_append_c (out, '|');
    }
  return g_string_free (out, FALSE);
}

static void
assert_diff (const char *old_text,
             const char *new_text,
             const char *expected)
{
  g_autofree char *shown = show (old_text, new_text);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_diff_words (void)
{
  assert_diff ("De brief gaat uit.", "De brief gaat uit.", "=De brief gaat uit.|");
  assert_diff ("", "", "");
  assert_diff ("", "Nieuw", "+Nieuw|");
  assert_diff ("Weg", "", "-Weg|");
  /* One word between two unchanged ones: out, then in */
  assert_diff ("De brief gaat vandaag uit.", "De brief gaat morgen uit.",
               "=De brief gaat |-vandaag |+morgen |=uit.|");
  assert_diff ("Bel de balie.", "Bel of mail de balie.", "=Bel |+of mail |=de balie.|");
  assert_diff ("Bel of mail de balie.", "Bel de balie.", "=Bel |-of mail |=de balie.|");
  /* Punctuation is part of its word */
  assert_diff ("Kom langs.", "Kom langs!", "=Kom |-langs.|+langs!|");
  /* A changed line break is no change; the new layout is shown */
  assert_diff ("Eerste regel\ntweede regel", "Eerste regel tweede regel", "=Eerste regel tweede regel|");
  /* A lone short word left between two changes joins them */
  assert_diff ("Wij sturen de brief op maandag.", "U ontvangt de mail op maandag.",
               "-Wij sturen de brief |+U ontvangt de mail |=op maandag.|");
  /* Two changes far apart stay two */
  assert_diff ("Een twee drie vier vijf zes zeven.", "Een 2 drie vier vijf zes 7.",
               "=Een |-twee |+2 |=drie vier vijf zes |-zeven.|+7.|");
}

static void
test_diff_count (void)
{
  g_autoptr(GPtrArray) chunks = helder_library_diff_words ("Bel de balie vandaag.", "Mail de balie morgen of overmorgen.");
  guint added, removed;

  helder_library_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (added, ==, 4);
}

/* A long document with a few changes, and one rewritten whole: the
 * result reads back as the new text, quickly. */
static void
test_diff_long (void)
{
  GString *old_text = g_string_new (NULL), *new_text = g_string_new (NULL), *rewrite = g_string_new (NULL);
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GString *rebuilt = g_string_new (NULL), *old_rebuilt = g_string_new (NULL);
  gint64 start;
  guint added, removed;

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_printf (old_text, "woord%u ", i % 97);
      g_string_append_printf (new_text, i % 1000 == 500 ? "anders%u " : "woord%u ", i % 97);
      g_string_append_printf (rewrite, "nieuw%u ", i);
    }
  start = g_get_monotonic_time ();
  chunks = helder_library_diff_words (old_text->str, new_text->str);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  helder_library_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 10);
  g_assert_cmpuint (removed, ==, 10);
  for (guint i = 0; i < chunks->len; i++)
    {
      HelderDiffChunk *chunk = chunks->pdata[i];

      if (chunk->kind != HELDER_DIFF_REMOVED)
        g_string_append (rebuilt, chunk->text);
      if (chunk->kind != HELDER_DIFF_ADDED)
        g_string_append (old_rebuilt, chunk->text);
    }
  g_assert_cmpstr (rebuilt->str, ==, new_text->str);
  g_assert_cmpstr (old_rebuilt->str, ==, old_text->str);

  start = g_get_monotonic_time ();
  all = helder_library_diff_words (old_text->str, rewrite->str);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  helder_library_diff_count (all, &added, &removed);
  g_assert_cmpuint (added, ==, 10000);
  g_assert_cmpuint (removed, ==, 10000);

  g_string_free (old_text, TRUE);
  g_string_free (new_text, TRUE);
  g_string_free (rewrite, TRUE);
  g_string_free (rebuilt, TRUE);
  g_string_free (old_rebuilt, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/diff/words", test_diff_words);
  g_test_add_func ("/library/diff/count", test_diff_count);
  g_test_add_func ("/library/diff/long", test_diff_long);
  return g_test_run ();
}
