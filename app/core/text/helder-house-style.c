/* helder-house-style.c: the organisation's and the user's word lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-house-style"

#include "config.h"

#include <string.h>

#include "helder-house-style.h"

/* A house style is a snapshot: built with the add functions, then handed
 * to an analyser, which seals it.  From then on nothing changes it, so
 * an analysis in a worker thread reads it without a lock while the main
 * thread builds the next one.  Where the words come from (the store's
 * word lists, a file) is the caller's business.
 *
 * Words to avoid are a jargon list of their own, in every inflection;
 * spelling and ignored words are kept in lower case, so "Digipanel"
 * passes however a sentence capitalises it; names are kept as written,
 * because a name in lower case is a typo ("elsbroek"). */

struct _HelderHouseStyle
{
  gatomicrefcount  ref_count;
  gint             sealed;       /* atomic */
  guint            serial;
  HelderJargon    *avoid;
  GHashTable      *spelling;     /* lower case */
  GHashTable      *ignored;      /* lower case */
  GHashTable      *names;        /* lower case → as written */
};

/**
 * helder_house_style_new:
 *
 * Returns: (transfer full): an empty house style, to fill with the add
 *   functions before it is handed to an analyser
 */
HelderHouseStyle *
helder_house_style_new (void)
{
  static gint next_serial;
  HelderHouseStyle *self = g_new0 (HelderHouseStyle, 1);

  g_atomic_ref_count_init (&self->ref_count);
  /* Paragraph results remember the serial of the style they were made
   * with; 0 is never used, so it can mean "none". */
  self->serial = (guint) g_atomic_int_add (&next_serial, 1) + 1;
  self->avoid = helder_jargon_new ();
  self->spelling = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

HelderHouseStyle *
helder_house_style_ref (HelderHouseStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
helder_house_style_unref (HelderHouseStyle *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  helder_jargon_free (self->avoid);
  g_hash_table_unref (self->spelling);
  g_hash_table_unref (self->ignored);
  g_hash_table_unref (self->names);
  g_free (self);
}

static gboolean
is_blank (const char *word)
{
  while (g_ascii_isspace (*word))
    word++;
  return *word == '\0';
}

static gboolean
can_add (HelderHouseStyle *self)
{
  /* A sealed style is shared with threads that read it without a lock. */
  return !g_atomic_int_get (&self->sealed);
}

/**
 * helder_house_style_add_avoid_word:
 * @alternatives: (nullable): plain words to offer instead
 * @explanation: (nullable): why to avoid it
 *
 * A word or phrase to avoid; it is found in every inflection.  A phrase
 * that is also on the built-in list of officialese replaces that entry.
 */
void
helder_house_style_add_avoid_word (HelderHouseStyle   *self,
                                   const char         *phrase,
                                   const char * const *alternatives,
                                   const char         *explanation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (phrase != NULL);
  g_return_if_fail (can_add (self));

  if (!is_blank (phrase))
    helder_jargon_add (self->avoid, phrase, alternatives, explanation);
}

static void
add_lower (GHashTable *set,
           const char *word)
{
  g_autofree char *stripped = g_strstrip (g_strdup (word));

  if (*stripped != '\0')
    g_hash_table_add (set, g_utf8_strdown (stripped, -1));
}

/* A word the spelling check accepts, also as a part of a compound. */
void
helder_house_style_add_spelling_word (HelderHouseStyle *self,
                                      const char       *word)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (word != NULL);
  g_return_if_fail (can_add (self));

  add_lower (self->spelling, word);
}

/* A word no check flags (a local term, a brand). */
void
helder_house_style_add_ignored_word (HelderHouseStyle *self,
                                     const char       *word)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (word != NULL);
  g_return_if_fail (can_add (self));

  add_lower (self->ignored, word);
}

/**
 * helder_house_style_add_name:
 * @name: as written: "Elsbroek", "Pastoor van Leeuwenstraat", "Fixi"
 *
 * A known name: one of the organisation's own, a street, a wijk, a
 * channel.  The spelling check accepts it as written; a name of several
 * words adds each of its capitalised words.
 */
void
helder_house_style_add_name (HelderHouseStyle *self,
                             const char       *name)
{
  g_auto(GStrv) words = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (can_add (self));

  words = g_strsplit_set (name, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      /* "van", "de" in "Pastoor van Leeuwenstraat" are no names */
      if (!g_str_equal (lower, words[i]))
        g_hash_table_insert (self->names, g_steal_pointer (&lower), g_strdup (words[i]));
    }
}

/**
 * helder_house_style_seal:
 *
 * Called by the analyser that receives the style: the add functions may
 * no longer change it.
 */
void
helder_house_style_seal (HelderHouseStyle *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_set (&self->sealed, TRUE);
}

guint
helder_house_style_get_serial (HelderHouseStyle *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->serial;
}

/* The words to avoid, as a jargon list (empty when there are none). */
HelderJargon *
helder_house_style_get_avoid (HelderHouseStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->avoid;
}

gboolean
helder_house_style_is_ignored (HelderHouseStyle *self,
                               const char       *lower)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->ignored, lower);
}

gboolean
helder_house_style_is_spelling_word (HelderHouseStyle *self,
                                     const char       *lower)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->spelling, lower);
}

/* Whether @word is a known name as written, or in capitals ("ELSBROEK"). */
gboolean
helder_house_style_is_name (HelderHouseStyle *self,
                            const char       *word)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (g_hash_table_size (self->names) == 0)
    return FALSE;
  lower = g_utf8_strdown (word, -1);
  if ((name = g_hash_table_lookup (self->names, lower)) == NULL)
    return FALSE;
  if (g_str_equal (name, word))
    return TRUE;
  upper = g_utf8_strup (word, -1);
  return g_str_equal (upper, word);
}
