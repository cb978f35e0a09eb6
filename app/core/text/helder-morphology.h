/* helder-morphology.h: Dutch word rules shared by the text checks
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Separable particles, one table for every check.  The flags say which
 * rules a particle takes part in. */
typedef enum
{
  /* Stands before a participle: aan|gelegd, vast|gesteld, bekend|gemaakt. */
  HELDER_PARTICLE_PARTICIPLE = 1 << 0,
  /* Splits off the infinitive of an officialese verb: aan|vragen,
   * zorg|dragen.  Fewer than before a participle: an infinitive has no ge-
   * to confirm the cut. */
  HELDER_PARTICLE_VERB       = 1 << 1,
  /* Also an inseparable prefix: over|gaan but overhandigen. */
  HELDER_PARTICLE_PREFIX     = 1 << 2,
  /* A noun: deel|nemen, kennis|nemen, zorg|dragen. */
  HELDER_PARTICLE_NOUN       = 1 << 3,
  /* So common that a compound with it reads as known: mee|gedacht. */
  HELDER_PARTICLE_COMMON     = 1 << 4,
} HelderParticleFlags;

typedef struct
{
  const char *word;
  guint       flags;   /* HelderParticleFlags */
} HelderParticle;

/* The principal parts of a strong or irregular verb; alternatives are
 * '|'-separated, @present is NULL when it is regular. */
typedef struct
{
  const char *infinitive;
  const char *present;
  const char *past;
  const char *participle;
} HelderStrongVerb;

static inline gboolean
helder_is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

static inline gboolean
helder_is_consonant (char c)
{
  return g_ascii_isalpha (c) && !helder_is_vowel (c);
}

gboolean                helder_word_in_list          (const char              *word,
                                                      const char * const      *list);
gboolean                helder_word_in_sorted        (const char * const      *list,
                                                      gsize                    n,
                                                      const char              *word);
void                    helder_word_list_check_sorted (const char * const     *list,
                                                      gsize                    n,
                                                      gsize                    stride);

#define HELDER_WORD_IN_SORTED(list, word) \
  helder_word_in_sorted (list, G_N_ELEMENTS (list), word)
#define HELDER_WORD_LIST_CHECK_SORTED(list) \
  helder_word_list_check_sorted ((const char * const *) list, G_N_ELEMENTS (list), \
                                 sizeof list[0])

const HelderParticle   *helder_particles             (guint                   *n_particles);
guint                   helder_particle_flags        (const char              *word);

gboolean                helder_looks_like_participle (const char              *word);

const HelderStrongVerb *helder_find_strong_verb      (const char              *verb,
                                                      gsize                   *prefix_len);

G_END_DECLS
