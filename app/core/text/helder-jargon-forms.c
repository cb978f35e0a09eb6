/* helder-jargon-forms.c: every form of an officialese word
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-jargon"

#include "config.h"

#include <string.h>

#include "helder-jargon-private.h"
#include "helder-morphology.h"

/* Verbs get their whole paradigm, nouns and adjectives their plural,
 * inflected, comparative and superlative forms; see helder-jargon.c for
 * how matching uses them. */

/* Word lists */

/* The verbs that an ambiguous particle (HELDER_PARTICLE_PREFIX) splits
 * off from: door|gaan, but doorbreken. */
static const char * const separable_verbs[] = {
  "doorgaan", "doorgeven", "doorsturen", "doorverwijzen", "omruilen",
  "omzetten", "overgaan", "overmaken", "overnemen", "overstappen",
  "voordoen", "voorleggen", "voorlezen", "voorstellen", NULL
};

/* -eren verbs that are Dutch, not Latin: "uitkeren" is "uit" + "keren",
 * but "informeren" is no "in" + "formeren". */
static const char * const dutch_eren_verbs[] = {
  "hinderen", "keren", "leren", "leveren", "scheren", "smeren", "veranderen",
  "vorderen", "weren", NULL
};

/* Unstressed prefixes take no ge- in the participle. */
static const char * const unstressed_prefixes[] = {
  "be", "er", "ge", "her", "ont", "ver", NULL
};

/* Words ending in -en that are no verbs ("voornemen" and "inzien" are,
 * but the list means the noun: "het voornemen", "bij nader inzien"). */
static const char * const not_verbs[] = {
  "aanwonenden", "allen", "baten", "beleidsvoornemen", "daarenboven", "dagen",
  "derden", "dezen", "eigen", "gelegen", "genegen", "gevallen", "heden",
  "hetgeen", "indien", "inzien", "middelen", "nabijgelegen", "omwonenden",
  "personen", "tijden", "voornemen", NULL
};

/* Generated forms that are mostly other words: "immer" + s is "immers",
 * "voornamen" are first names, "verblijf" and "verzuim" are nouns more
 * often than verb stems, "termijnen" are mostly instalments.  Checked
 * against the frequency list. */
static const char * const never_generate[] = {
  "behoefte", "borg", "gebied", "immers", "ingevallen", "insteken", "inzet",
  "intrek", "lef", "monitor", "naderen", "ophef", "piloten", "termijnen",
  "verblijf", "verzuim", "voornamen", NULL
};

/* Folding */

/* Lower-case @word without diaereses and with straight apostrophes into
 * @out; FALSE when there was nothing to change. */
gboolean
helder_jargon_fold_into (const char *word,
           GString    *out)
{
  const guchar *p = (const guchar *) word;
  gboolean ascii = TRUE;

  for (const guchar *q = p; *q != '\0'; q++)
    if (*q >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return FALSE;

  g_string_truncate (out, 0);
  while (*p != '\0')
    {
      if (p[0] == 0xC3 && p[1] != '\0')
        {
          switch (p[1])
            {
            case 0xA4: case 0x84: g_string_append_c (out, 'a'); p += 2; continue;
            case 0xAB: case 0x8B: g_string_append_c (out, 'e'); p += 2; continue;
            case 0xAF: case 0x8F: g_string_append_c (out, 'i'); p += 2; continue;
            case 0xB6: case 0x96: g_string_append_c (out, 'o'); p += 2; continue;
            case 0xBC: case 0x9C: g_string_append_c (out, 'u'); p += 2; continue;
            default: break;
            }
        }
      else if (p[0] == 0xCC && p[1] == 0x88)
        {
          p += 2;   /* combining diaeresis */
          continue;
        }
      else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99))
        {
          g_string_append_c (out, '\'');
          p += 3;
          continue;
        }
      g_string_append_c (out, (char) *p);
      p++;
    }
  return TRUE;
}

char *
helder_jargon_fold_dup (const char *word)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (word, -1);

  if (!helder_jargon_fold_into (lower, out))
    return g_steal_pointer (&lower);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Generating forms */

/* folded form → GUINT_TO_POINTER (flags) */
void
helder_jargon_add_form (GHashTable *forms,
          const char *form,
          guint       flags)
{
  g_autofree char *key = helder_jargon_fold_dup (form);
  guint old;

  if (!(flags & FORM_EXACT) && helder_word_in_list (key, never_generate))
    return;
  old = GPOINTER_TO_UINT (g_hash_table_lookup (forms, key));
  g_hash_table_replace (forms, g_steal_pointer (&key), GUINT_TO_POINTER (old | flags));
}

static void
add_form_printf (GHashTable *forms,
                 guint       flags,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
add_form_printf (GHashTable *forms,
                 guint       flags,
                 const char *format,
                 ...)
{
  g_autofree char *form = NULL;
  va_list args;

  va_start (args, format);
  form = g_strdup_vprintf (format, args);
  va_end (args);
  helder_jargon_add_form (forms, form, flags);
}

static gboolean
ends_with (const char *word,
           const char *suffix)
{
  return g_str_has_suffix (word, suffix);
}

/* Nouns and adjectives: knelpunt(en), locatie(s), adequate, essentiële,
 * effectieve, dwangsommen, bevoegdheden, criteria, geringer, relevantste. */
void
helder_jargon_add_nominal_forms (GHashTable *forms,
                   const char *lemma)
{
  g_autofree char *w = helder_jargon_fold_dup (lemma);
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (w);
  char last;
  guint consonants = 0;

  helder_jargon_add_form (forms, w, FORM_FULL | FORM_EXACT);
  if (len < 3)
    return;

  if (ends_with (w, "heid"))
    add_form_printf (forms, FORM_FULL, "%.*sheden", (int) len - 4, w);
  if (ends_with (w, "um"))
    add_form_printf (forms, FORM_FULL, "%.*sa", (int) len - 2, w);

  last = w[len - 1];
  if (last == 'e')
    {
      add_form_printf (forms, FORM_FULL, "%sn", w);
      add_form_printf (forms, FORM_FULL, "%ss", w);
      return;
    }
  if (helder_is_vowel (last))
    {
      add_form_printf (forms, FORM_FULL, "%s's", w);
      add_form_printf (forms, FORM_FULL, "%ss", w);
      return;
    }
  if (!g_ascii_isalpha (last))
    return;

  while (consonants < len && helder_is_consonant (w[len - 1 - consonants]))
    consonants++;
  g_ptr_array_add (bases, g_strdup (w));
  if (consonants == 1 && len >= 3)
    {
      gsize v = len - 1;     /* one past the vowel group */
      gsize g = v;

      while (g > 0 && helder_is_vowel (w[g - 1]))
        g--;
      if (v - g >= 2 && w[v - 1] == w[v - 2])
        /* open syllable: adequaat → adequate, perceel → percelen */
        g_ptr_array_add (bases, g_strdup_printf ("%.*s%c", (int) v - 1, w, last));
      else if (v - g == 1 && !strchr ("wjxh", last))
        /* short vowel: dwangsom → dwangsommen */
        g_ptr_array_add (bases, g_strdup_printf ("%s%c", w, last));
    }
  /* effectief → effectieve, advies → adviezen */
  for (guint i = 0, n = bases->len; i < n; i++)
    {
      const char *b = g_ptr_array_index (bases, i);
      char end = b[strlen (b) - 1];

      if (end == 'f' || end == 's')
        g_ptr_array_add (bases, g_strdup_printf ("%.*s%c", (int) strlen (b) - 1, b,
                                                 end == 'f' ? 'v' : 'z'));
    }
  for (guint i = 0; i < bases->len; i++)
    {
      const char *b = g_ptr_array_index (bases, i);

      add_form_printf (forms, FORM_FULL, "%se", b);
      add_form_printf (forms, FORM_FULL, "%sen", b);
      add_form_printf (forms, FORM_FULL, "%ser", b);
      add_form_printf (forms, FORM_FULL, "%sere", b);
    }
  add_form_printf (forms, FORM_FULL, "%ss", w);
  add_form_printf (forms, FORM_FULL, "%sst", w);
  add_form_printf (forms, FORM_FULL, "%sste", w);
}

/* The stems of a weak verb: maken → maak, stellen → stel, behoeven →
 * behoef, creëren → creëer.  Stress is not in the spelling (realiseren →
 * realiseer, vergaderen → vergader), so a verb with an open syllable gets
 * both stems.  @voiceless: the past tense takes -te ('t kofschip). */
static GPtrArray *
weak_stems (const char *infinitive,
            gboolean   *voiceless)
{
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);
  gsize n = strlen (infinitive);
  g_autofree char *x = NULL;

  if (n < 3 || !ends_with (infinitive, "en"))
    {
      g_ptr_array_add (stems, g_strdup (infinitive));
      *voiceless = FALSE;
      return stems;
    }
  x = g_strndup (infinitive, n - 2);
  n -= 2;

  if (n >= 2 && x[n - 1] == x[n - 2] && helder_is_consonant (x[n - 1]))
    {
      x[--n] = '\0';                       /* stellen → stel */
      g_ptr_array_add (stems, g_strdup (x));
    }
  else if (ends_with (x, "i\xc3\xabr"))      /* subsidiëren → subsidieer */
    g_ptr_array_add (stems, g_strdup_printf ("%.*seer", (int) n - 3, x));
  else if (ends_with (x, "\xc3\xabr"))       /* creëren → creëer */
    g_ptr_array_add (stems, g_strdup_printf ("%.*ser", (int) n - 1, x));
  else
    {
      static const char * const digraphs[] = {
        "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ou", "au", NULL
      };
      char pair[3] = { n >= 3 ? x[n - 3] : '\0', n >= 2 ? x[n - 2] : '\0', '\0' };

      g_ptr_array_add (stems, g_strdup (x));
      if (n >= 3 && helder_is_consonant (x[n - 1]) && !strchr ("wjh", x[n - 1]) &&
          strchr ("aeou", x[n - 2]) && !helder_word_in_list (pair, digraphs))
        g_ptr_array_add (stems, g_strdup_printf ("%.*s%c%s", (int) n - 1, x, x[n - 2], x + n - 1));
    }

  *voiceless = strchr ("tkfspx", x[n - 1]) != NULL || ends_with (x, "ch");

  /* lezen → lees, behoeven → behoef */
  for (guint i = 0; i < stems->len; i++)
    {
      char *s = g_ptr_array_index (stems, i);
      gsize len = strlen (s);

      if (s[len - 1] == 'z')
        s[len - 1] = 's';
      else if (s[len - 1] == 'v')
        s[len - 1] = 'f';
    }
  return stems;
}

/* @prefix before a stem of four letters or more that does not start with
 * a doubled consonant. */
static gboolean
has_prefix (const char *verb,
            const char *prefix)
{
  gsize n = strlen (prefix);
  const char *rest = verb + n;

  return strncmp (verb, prefix, n) == 0 && strlen (rest) >= 4 &&
         !(rest[0] == rest[1] && helder_is_consonant (rest[0]));
}

static gboolean
has_prefix_from (const char         *verb,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (has_prefix (verb, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* A separable particle that is also an inseparable prefix: over-. */
static gboolean
has_ambiguous_prefix (const char *verb)
{
  guint n;
  const HelderParticle *particles = helder_particles (&n);

  for (guint i = 0; i < n; i++)
    if ((particles[i].flags & HELDER_PARTICLE_PREFIX) && has_prefix (verb, particles[i].word))
      return TRUE;
  return FALSE;
}

static void
split_add (GPtrArray  *array,
           const char *prefix,
           const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return;
  items = g_strsplit (list, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (array, g_strconcat (prefix, items[i], NULL));
}

/* The forms of @base, a verb without separable particle.  With @particle,
 * the forms that carry it ("toegezonden", "toezendt" in a subordinate
 * clause), and with @split also the finite forms that leave it behind
 * ("zenden ... toe"). */
static void
add_paradigm (GHashTable *forms,
              const char *particle,
              const char *base,
              gboolean    split)
{
  g_autoptr(GPtrArray) finite = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) participles = g_ptr_array_new_with_free_func (g_free);
  const char *p = particle != NULL ? particle : "";
  const HelderStrongVerb *strong;
  gsize prefix_len = 0;
  gboolean voiceless = FALSE;

  strong = helder_find_strong_verb (base, &prefix_len);
  if (strong != NULL)
    {
      g_autofree char *prefix = g_strndup (base, prefix_len);
      g_auto(GStrv) parts = g_strsplit (strong->participle, "|", -1);

      if (strong->present != NULL)
        split_add (finite, prefix, strong->present);
      else
        {
          g_autoptr(GPtrArray) stems = weak_stems (base, &voiceless);

          for (guint i = 0; i < stems->len; i++)
            {
              const char *s = g_ptr_array_index (stems, i);

              g_ptr_array_add (finite, g_strdup (s));
              if (!ends_with (s, "t"))
                g_ptr_array_add (finite, g_strconcat (s, "t", NULL));
            }
        }
      split_add (finite, prefix, strong->past);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          const char *part = parts[i];

          if (prefix_len > 0 && g_str_has_prefix (part, "ge"))
            part += 2;
          g_ptr_array_add (participles, g_strconcat (prefix, part, NULL));
        }
    }
  else
    {
      g_autoptr(GPtrArray) stems = weak_stems (base, &voiceless);
      gboolean latin = ends_with (base, "eren") || ends_with (base, "\xc3\xabren");
      gboolean ambiguous = has_ambiguous_prefix (base);
      gboolean bare = has_prefix_from (base, unstressed_prefixes) || ambiguous;
      gboolean ge = !bare || ambiguous || latin;

      for (guint i = 0; i < stems->len; i++)
        {
          const char *s = g_ptr_array_index (stems, i);
          gboolean dental = ends_with (s, "t") || ends_with (s, "d");
          const char *suffix = dental ? "" : voiceless ? "t" : "d";

          g_ptr_array_add (finite, g_strdup (s));
          if (!ends_with (s, "t"))
            g_ptr_array_add (finite, g_strconcat (s, "t", NULL));
          g_ptr_array_add (finite, g_strconcat (s, voiceless ? "te" : "de", NULL));
          g_ptr_array_add (finite, g_strconcat (s, voiceless ? "ten" : "den", NULL));
          if (ge)
            g_ptr_array_add (participles, g_strconcat ("ge", s, suffix, NULL));
          if (bare)
            g_ptr_array_add (participles, g_strconcat (s, suffix, NULL));
        }
    }

  for (guint i = 0; i < finite->len; i++)
    {
      const char *f = g_ptr_array_index (finite, i);

      add_form_printf (forms, FORM_FULL, "%s%s", p, f);
      if (particle != NULL && split)
        helder_jargon_add_form (forms, f, FORM_SPLIT);
    }

  if (particle == NULL)
    helder_jargon_add_form (forms, base, FORM_FULL | FORM_INF);
  else
    {
      add_form_printf (forms, FORM_FULL, "%s%s", p, base);
      if (split)
        helder_jargon_add_form (forms, base, FORM_SPLIT | FORM_SPLIT_INF);
    }
  add_form_printf (forms, FORM_FULL, "%s%sd", p, base);
  add_form_printf (forms, FORM_FULL, "%s%sde", p, base);

  for (guint i = 0; i < participles->len; i++)
    {
      const char *part = g_ptr_array_index (participles, i);

      add_form_printf (forms, FORM_FULL, "%s%s", p, part);
      if (ends_with (part, "d") || ends_with (part, "t"))
        add_form_printf (forms, FORM_FULL, "%s%se", p, part);
    }
}

typedef enum
{
  PARTICLE_NONE,
  PARTICLE_SPLITS,      /* aanvragen: "vraag ... aan" */
  PARTICLE_MAYBE,       /* overhandigen or overgaan: both readings, no split */
} ParticleKind;

static ParticleKind
find_particle_prefix (const char  *verb,
                      const char **particle)
{
  guint n_particles;
  const HelderParticle *particles = helder_particles (&n_particles);
  const char *best = NULL;
  const char *rest;
  gsize rest_len;

  for (guint i = 0; i < n_particles; i++)
    {
      const char *candidate = particles[i].word;

      if ((particles[i].flags & HELDER_PARTICLE_VERB) && g_str_has_prefix (verb, candidate) &&
          (best == NULL || strlen (candidate) > strlen (best)))
        {
          gsize dummy;
          const char *r = verb + strlen (candidate);

          if (strlen (r) >= 4 &&
              (ends_with (r, "en") || helder_find_strong_verb (r, &dummy) != NULL))
            best = candidate;
        }
    }
  if (best == NULL)
    return PARTICLE_NONE;

  *particle = best;
  rest = verb + strlen (best);
  rest_len = strlen (rest);
  if ((ends_with (rest, "eren") || ends_with (rest, "\xc3\xabren")) &&
      !helder_word_in_list (rest, dutch_eren_verbs))
    return rest_len >= 7 ? PARTICLE_NONE : PARTICLE_MAYBE;
  if ((helder_particle_flags (best) & HELDER_PARTICLE_PREFIX) &&
      !helder_word_in_list (verb, separable_verbs))
    return PARTICLE_MAYBE;
  return PARTICLE_SPLITS;
}

/* All forms of the verb @infinitive; returns the particle that split-off
 * forms need, if any. */
const char *
helder_jargon_add_verb_forms (GHashTable *forms,
                const char *infinitive)
{
  const char *particle = NULL;

  switch (find_particle_prefix (infinitive, &particle))
    {
    case PARTICLE_SPLITS:
      add_paradigm (forms, particle, infinitive + strlen (particle), TRUE);
      break;
    case PARTICLE_MAYBE:
      add_paradigm (forms, particle, infinitive + strlen (particle), FALSE);
      add_paradigm (forms, NULL, infinitive, FALSE);
      particle = NULL;
      break;
    case PARTICLE_NONE:
    default:
      add_paradigm (forms, NULL, infinitive, FALSE);
      particle = NULL;
      break;
    }
  helder_jargon_add_form (forms, infinitive, FORM_EXACT);
  return particle;
}

gboolean
helder_jargon_looks_like_infinitive (const char *word)
{
  gsize len = strlen (word);
  gsize dummy;
  const char *particle;

  if (helder_word_in_list (word, not_verbs))
    return FALSE;
  if (helder_find_strong_verb (word, &dummy) != NULL)
    return TRUE;
  if (find_particle_prefix (word, &particle) != PARTICLE_NONE &&
      helder_find_strong_verb (word + strlen (particle), &dummy) != NULL)
    return TRUE;
  if (helder_word_in_list (word, helder_jargon_function_words) || ends_with (word, "heden") ||
      ends_with (word, "kosten") || ends_with (word, "lasten"))
    return FALSE;
  /* -en after a consonant: "realiseren", not "geen" or "zijnde" */
  return len >= 5 && ends_with (word, "en") && helder_is_consonant (word[len - 3]);
}
