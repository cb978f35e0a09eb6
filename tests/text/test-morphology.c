/* test-morphology.c: the Dutch word rules the text checks share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "text/helder-morphology.h"

/* One table, sorted, each particle in at least one rule; the flags say
 * which checks use it. */
static void
test_particles (void)
{
  guint n;
  const HelderParticle *particles = helder_particles (&n);

  g_assert_cmpuint (n, >, 90);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (particles[i].flags, !=, 0);
      if (i > 0)
        g_assert_cmpstr (particles[i - 1].word, <, particles[i].word);
      g_assert_cmpuint (helder_particle_flags (particles[i].word), ==, particles[i].flags);
    }

  g_assert_cmpuint (helder_particle_flags ("aan"), ==,
                    HELDER_PARTICLE_PARTICIPLE | HELDER_PARTICLE_VERB | HELDER_PARTICLE_COMMON);
  /* zorg|dragen splits, but no participle starts with zorg- */
  g_assert_cmpuint (helder_particle_flags ("zorg"), ==, HELDER_PARTICLE_VERB | HELDER_PARTICLE_NOUN);
  /* over|gaan and overhandigen */
  g_assert_true (helder_particle_flags ("over") & HELDER_PARTICLE_PREFIX);
  g_assert_false (helder_particle_flags ("aan") & HELDER_PARTICLE_PREFIX);
  /* recht|gezet, but rechtvaardigen is no split verb */
  g_assert_cmpuint (helder_particle_flags ("recht"), ==, HELDER_PARTICLE_PARTICIPLE);
  g_assert_cmpuint (helder_particle_flags ("rond"), ==,
                    HELDER_PARTICLE_PARTICIPLE | HELDER_PARTICLE_COMMON);
  g_assert_cmpuint (helder_particle_flags ("fiets"), ==, 0);
  g_assert_cmpuint (helder_particle_flags (""), ==, 0);
}

static void
test_strong_verbs (void)
{
  const HelderStrongVerb *verb;
  gsize prefix = 99;

  verb = helder_find_strong_verb ("nemen", &prefix);
  g_assert_nonnull (verb);
  g_assert_cmpstr (verb->participle, ==, "genomen");
  g_assert_cmpuint (prefix, ==, 0);

  /* ver-nemen, her-over-wegen */
  verb = helder_find_strong_verb ("vernemen", &prefix);
  g_assert_nonnull (verb);
  g_assert_cmpstr (verb->infinitive, ==, "nemen");
  g_assert_cmpuint (prefix, ==, 3);
  verb = helder_find_strong_verb ("heroverwegen", &prefix);
  g_assert_nonnull (verb);
  g_assert_cmpstr (verb->infinitive, ==, "wegen");
  g_assert_cmpuint (prefix, ==, 7);

  /* Every entry is found: the table is sorted for bsearch(). */
  for (const char * const *w = (const char * const[]) { "bevelen", "mogen", "zien", "zoeken", NULL };
       *w != NULL; w++)
    g_assert_nonnull (helder_find_strong_verb (*w, &prefix));

  /* Weak: ontmoette, ontmoet; not a prefix with moeten */
  g_assert_null (helder_find_strong_verb ("ontmoeten", &prefix));
  g_assert_null (helder_find_strong_verb ("maken", &prefix));
  /* no ge-: "aangezien" is no verb */
  g_assert_null (helder_find_strong_verb ("gezien", &prefix));
}

static void
test_participle_shapes (void)
{
  const char *participles[] = {
    "gemaakt", "geopend", "betaald", "verleend", "ontvangen", "aangelegd",
    "afgesloten", "toegezonden", "besproken", "heroverwogen", "vastgesteld",
    "geëvalueerd",
  };
  const char *others[] = {
    "geeft", "gebeurt", "verschillend", "herfst", "gebied", "buitengebied",
    "verandert", "besloot", "zorggedragen", "lopen",
  };

  for (guint i = 0; i < G_N_ELEMENTS (participles); i++)
    if (!helder_looks_like_participle (participles[i]))
      g_error ("“%s” has the shape of a participle", participles[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (helder_looks_like_participle (others[i]))
      g_error ("“%s” has no participle's shape", others[i]);
}

static void
test_word_lists (void)
{
  static const char * const sorted[] = { "aan", "bij", "op", "uit" };
  static const char * const short_list[] = { "u", "uw", NULL };

  g_assert_true (HELDER_WORD_IN_SORTED (sorted, "op"));
  g_assert_false (HELDER_WORD_IN_SORTED (sorted, "in"));
  g_assert_true (helder_word_in_list ("uw", short_list));
  g_assert_false (helder_word_in_list ("je", short_list));
  g_assert_false (helder_word_in_list (NULL, short_list));
  HELDER_WORD_LIST_CHECK_SORTED (sorted);

  g_assert_true (helder_is_vowel ('y'));
  g_assert_false (helder_is_vowel ('\0'));
  g_assert_true (helder_is_consonant ('k'));
  g_assert_false (helder_is_consonant ('-'));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/morphology/particles", test_particles);
  g_test_add_func ("/morphology/strong-verbs", test_strong_verbs);
  g_test_add_func ("/morphology/participle-shapes", test_participle_shapes);
  g_test_add_func ("/morphology/word-lists", test_word_lists);

  return g_test_run ();
}
