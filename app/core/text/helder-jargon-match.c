/* helder-jargon-match.c: finding officialese in a sentence
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-jargon"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-jargon-private.h"
#include "helder-morphology.h"

/* Word lists */

/* A split-off particle closes its clause: after it comes punctuation, a
 * conjunction or a preposition ("wij zenden het toe met een brief"), not
 * a noun ("laten ... na afloop") or "te" ("dient het in te vullen"). */
static const char * const clause_followers[] = {
  "als", "dan", "dat", "die", "doordat", "en", "hoewel", "indien", "maar",
  "mits", "nadat", "of", "omdat", "tenzij", "terwijl", "totdat", "voordat",
  "waar", "waarbij", "waardoor", "waarin", "waarmee", "wanneer", "want",
  "wat", "zoals", "zodat", "zodra", NULL
};

/* Before a particle they make it a noun: "de plaats", "een deel"; and
 * before the stem of a split verb: "een keer", "de man", "twee maanden". */
static const char * const articles[] = {
  "de", "een", "uw", "mijn", "onze", "hun", "elke", "iedere", "geen", "welke",
  "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
  "elf", "twaalf", NULL
};

/* Pronouns may stand between a verb and the rest of its phrase without
 * breaking it: "wendt u zich tot", "draag er zorg voor". */
static const char * const gap_words[] = {
  "u", "zich", "ons", "wij", "we", "ik", "je", "jij", "men", "me", "mij",
  "hem", "haar", "hen", "hun", "zij", "ze", "hij", "het", "er", NULL
};

/* "u" is mostly the subject: it counts as reflexive only right after the
 * verb ("wend u tot de balie"). */
static const char * const reflexives[] = {
  "zich", "zichzelf", "me", "mij", "mezelf", "mijzelf", "je", "jezelf",
  "ons", "onszelf", "uzelf", NULL
};

/* Matching */

/* Where a verb of an entry stands in the sentence. */
typedef struct
{
  guint                    start, end;   /* "te realiseren", "aan te vragen" */
  int                      particle;     /* split off, or -1 */
  gboolean                 exact;
  const HelderJargonEntry *entry;
} Occurrence;

typedef struct
{
  guint                    first, last;
  guint                    verb_start, verb_end;
  int                      particle;
  gboolean                 has_verb;
  guint                    words;        /* of the phrase, matched */
  guint                    distance;     /* of a verb away from the rest */
  gboolean                 exact;
  const HelderJargonEntry *entry;
} Candidate;

typedef struct
{
  const HelderSentenceView *view;
  guint                     n;
  const char              **words;       /* folded; NULL for no word */
  GArray                  **hits;
  GArray                   *occurrences;
  GArray                   *candidates;
  gboolean                  reflexive;
} Scan;

static inline gboolean
word_is (Scan       *s,
         guint       i,
         const char *word)
{
  return i < s->n && s->words[i] != NULL && strcmp (s->words[i], word) == 0;
}

/* Only pronouns stand between @a and @b (exclusive), at most two. */
static gboolean
gap_ok (Scan *s,
        guint a,
        guint b)
{
  if (b <= a || b - a - 1 > 2)
    return FALSE;
  for (guint i = a + 1; i < b; i++)
    if (!helder_word_in_list (s->words[i], gap_words))
      return FALSE;
  return TRUE;
}

static gboolean
rest_word_matches (Scan       *s,
                   const Word *w,
                   guint       i)
{
  if (i >= s->n)
    return FALSE;
  if (w->punct)
    {
      const HelderToken *t = helder_sentence_view_token (s->view, i);

      return t->kind == HELDER_TOKEN_PUNCTUATION &&
             t->byte_end - t->byte_start == strlen (w->text) &&
             memcmp (s->view->text + t->byte_start, w->text, t->byte_end - t->byte_start) == 0;
    }
  if (s->words[i] == NULL)
    return FALSE;
  for (guint k = 0; w->forms[k] != NULL; k++)
    if (strcmp (w->forms[k], s->words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* rest[from..from+count) of @e at tokens start.. */
static gboolean
rest_matches (Scan                    *s,
              const HelderJargonEntry *e,
              guint                    from,
              guint                    count,
              guint                    start)
{
  for (guint k = 0; k < count; k++)
    if (!rest_word_matches (s, &e->rest[from + k], start + k))
      return FALSE;
  return TRUE;
}

/* The particle of a split verb after @after: "wij zenden u de stukken
 * toe".  It ends the clause, is no noun ("de plaats"), and stands in the
 * same clause: not after other punctuation than a pair of commas ("wij
 * stellen, na overleg, de datum vast", but not "wat we doen, spreek een
 * vervolg af"). */
static int
find_split_particle (Scan       *s,
                     guint       after,
                     const char *particle)
{
  gboolean noun = particle != NULL &&
                   (helder_particle_flags (particle) & HELDER_PARTICLE_NOUN) != 0;
  guint commas = 0;

  for (guint j = after + 1; j < s->n; j++)
    {
      const HelderToken *t = helder_sentence_view_token (s->view, j);
      const char *prev = s->words[j - 1];
      const char *next = j + 1 < s->n ? s->words[j + 1] : NULL;

      if (t->kind == HELDER_TOKEN_PUNCTUATION)
        {
          if (s->view->text[t->byte_start] != ',')
            break;
          commas++;
          continue;
        }
      if (!word_is (s, j, particle) || commas % 2 != 0)
        continue;
      if (helder_word_in_list (prev, articles) ||
          (noun && (helder_word_in_list (prev, helder_jargon_noun_markers) ||
                    helder_word_in_list (prev, helder_jargon_prepositions))))
        continue;
      if (next != NULL && !helder_word_in_list (next, clause_followers) &&
          !(helder_word_in_list (next, helder_jargon_prepositions) && strcmp (next, "te") != 0))
        continue;
      if (j + 1 < s->n && next == NULL &&
          helder_sentence_view_token (s->view, j + 1)->kind != HELDER_TOKEN_PUNCTUATION)
        continue;   /* a number, a URL */
      return j;
    }
  return -1;
}

static void
add_occurrence (Scan                    *s,
                const HelderJargonEntry *entry,
                guint                    start,
                guint                    end,
                int                      particle,
                gboolean                 exact)
{
  Occurrence o = { start, end, particle, exact, entry };

  g_array_append_val (s->occurrences, o);
}

/* "een keer", "de man", "twee maanden": a noun, not the stem of a split
 * verb (uitkeren, aanmanen). */
static gboolean
after_article (Scan  *s,
               guint  i)
{
  return i > 0 && (helder_word_in_list (s->words[i - 1], articles) ||
                   helder_sentence_view_token (s->view, i - 1)->kind == HELDER_TOKEN_NUMBER);
}

static void
collect_occurrences (Scan *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      GArray *hits = s->hits[i];

      if (hits == NULL)
        continue;
      for (guint k = 0; k < hits->len; k++)
        {
          const Hit *h = &g_array_index (hits, Hit, k);
          const HelderJargonEntry *e = h->entry;
          gboolean exact = (h->flags & FORM_EXACT) != 0;

          if (!h->verb)
            continue;
          if (h->flags & FORM_FULL)
            {
              if ((h->flags & FORM_INF) && i > 0 && word_is (s, i - 1, "te"))
                add_occurrence (s, e, i - 1, i, -1, exact);
              else
                add_occurrence (s, e, i, i, -1, exact);
            }
          if ((h->flags & FORM_SPLIT_INF) && i >= 2 && word_is (s, i - 1, "te") &&
              word_is (s, i - 2, e->particle))
            add_occurrence (s, e, i - 2, i, -1, exact);
          else if ((h->flags & FORM_SPLIT) && !after_article (s, i))
            {
              int p = find_split_particle (s, i, e->particle);

              if (p >= 0)
                add_occurrence (s, e, i, i, p, exact);
            }
        }
    }
}

/* Grows [first, last] by [a, b] when only pronouns stand between. */
static void
merge_adjacent (Scan  *s,
                guint *first,
                guint *last,
                guint  a,
                guint  b)
{
  if (b < *first && gap_ok (s, b, *first))
    *first = a;
  else if (a > *last && gap_ok (s, *last, a))
    *last = b;
}

static void
add_candidate (Scan                    *s,
               const HelderJargonEntry *entry,
               guint                    first,
               guint                    last,
               const Occurrence        *verb,
               guint                    distance,
               gboolean                 exact)
{
  Candidate c = { 0 };

  c.first = first;
  c.last = last;
  c.entry = entry;
  c.particle = -1;
  c.words = entry->n_rest;
  c.distance = distance;
  c.exact = exact;
  if (verb != NULL)
    {
      c.has_verb = TRUE;
      c.verb_start = verb->start;
      c.verb_end = verb->end;
      c.particle = verb->particle;
      c.words++;
    }
  g_array_append_val (s->candidates, c);
}

/* "voldoen aan", "zich wenden tot", "dienen te": the rest stands right
 * before or after the verb or its particle. */
static void
match_anchored (Scan             *s,
                const Occurrence *o)
{
  const HelderJargonEntry *e = o->entry;
  guint before = e->verb_gap;
  guint after = e->n_rest - e->verb_gap;
  /* a rest attaches to the verb itself or to its split-off particle */
  guint starts[2] = { o->start, o->particle >= 0 ? (guint) o->particle : o->start };
  guint ends[2] = { o->end, o->particle >= 0 ? (guint) o->particle : o->end };
  guint first = G_MAXUINT, last = 0;
  gboolean found;

  if (before > 0)
    {
      found = FALSE;
      for (guint a = 0; a < 2 && !found; a++)
        for (guint g = 0; g <= 2 && !found; g++)
          {
            guint end_at;

            if (starts[a] < before + g)
              continue;
            end_at = starts[a] - 1 - g;
            if ((g == 0 || gap_ok (s, end_at, starts[a])) &&
                rest_matches (s, e, 0, before, end_at - before + 1))
              {
                found = TRUE;
                first = end_at - before + 1;
                last = ends[a];
              }
          }
      if (!found)
        return;
    }

  if (after == 1 && !e->rest[before].punct && g_str_equal (e->rest[before].text, "te"))
    {
      /* "u dient het formulier te ondertekenen": the "te" stays out of
       * the range */
      found = FALSE;
      for (guint j = o->end + 1; j < s->n && !found; j++)
        found = word_is (s, j, "te");
      if (!found)
        return;
    }
  else if (after > 0)
    {
      found = FALSE;
      for (guint a = 0; a < 2 && !found; a++)
        for (guint g = 0; g <= 2 && !found; g++)
          {
            guint start_at = ends[a] + 1 + g;

            if ((g == 0 || gap_ok (s, ends[a], start_at)) &&
                rest_matches (s, e, before, after, start_at))
              {
                found = TRUE;
                first = MIN (first, starts[a]);
                last = MAX (last, start_at + after - 1);
              }
          }
      if (!found)
        return;
    }

  if (first == G_MAXUINT)
    {
      first = o->start;
      last = o->end;
    }
  merge_adjacent (s, &first, &last, o->start, o->end);
  if (o->particle >= 0)
    merge_adjacent (s, &first, &last, o->particle, o->particle);
  add_candidate (s, e, first, last, o, 0, o->exact);
}

/* A phrase with "zich" needs a reflexive pronoun in the sentence. */
static gboolean
reflexive_ok (Scan             *s,
              const Occurrence *o)
{
  return !o->entry->reflexive || s->reflexive || word_is (s, o->end + 1, "u");
}

static void
candidates_from_verbs (Scan *s)
{
  for (guint i = 0; i < s->occurrences->len; i++)
    {
      const Occurrence *o = &g_array_index (s->occurrences, Occurrence, i);
      const HelderJargonEntry *e = o->entry;

      if (!reflexive_ok (s, o))
        continue;
      if (e->n_rest == 0)
        {
          guint first = o->start, last = o->end;

          if (o->particle >= 0)
            merge_adjacent (s, &first, &last, o->particle, o->particle);
          add_candidate (s, e, first, last, o, 0, o->exact);
        }
      else if (e->anchored)
        match_anchored (s, o);
    }
}

static gboolean
overlaps (guint a,
          guint b,
          guint c,
          guint d)
{
  return a <= d && c <= b;
}

/* An entry whose rest starts at token @i. */
static void
match_rest (Scan                    *s,
            const HelderJargonEntry *e,
            guint                    i,
            gboolean                 exact)
{
  const Occurrence *inner = NULL;
  guint pos = i;

  for (guint k = 0; k < e->n_rest; k++)
    {
      if ((int) k == e->verb_gap && k > 0)
        for (guint o = 0; o < s->occurrences->len; o++)
          {
            const Occurrence *occ = &g_array_index (s->occurrences, Occurrence, o);

            if (occ->entry == e && occ->start == pos && occ->particle < 0)
              {
                inner = occ;
                pos = occ->end + 1;
                break;
              }
          }
      if (!rest_word_matches (s, &e->rest[k], pos))
        return;
      pos++;
    }

  if (e->verb_gap < 0)
    add_candidate (s, e, i, pos - 1, NULL, 0, exact);
  else if (inner != NULL)
    {
      if (reflexive_ok (s, inner))
        add_candidate (s, e, i, pos - 1, inner, 0, exact);
    }
  else
    for (guint o = 0; o < s->occurrences->len; o++)
      {
        const Occurrence *occ = &g_array_index (s->occurrences, Occurrence, o);
        guint first = i, last = pos - 1;
        guint distance;

        if (occ->entry != e || overlaps (occ->start, occ->end, first, last) ||
            (occ->particle >= 0 && overlaps (occ->particle, occ->particle, first, last)) ||
            !reflexive_ok (s, occ))
          continue;
        merge_adjacent (s, &first, &last, occ->start, occ->end);
        if (occ->particle >= 0)
          merge_adjacent (s, &first, &last, occ->particle, occ->particle);
        if (first <= occ->start && occ->end <= last)
          distance = 0;
        else
          distance = occ->end < i ? i - occ->end : occ->start - (pos - 1);
        add_candidate (s, e, first, last, occ, distance, exact);
      }
}

static int
compare_candidates (const void *a,
                    const void *b)
{
  const Candidate *x = a, *y = b;

  if (x->words != y->words)
    return x->words > y->words ? -1 : 1;
  if (x->last - x->first != y->last - y->first)
    return x->last - x->first > y->last - y->first ? -1 : 1;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->exact != y->exact)
    return x->exact ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->entry->index != y->entry->index)
    return x->entry->index < y->entry->index ? -1 : 1;
  return 0;
}

static int
compare_matches (const void *a,
                 const void *b)
{
  const HelderJargonMatch *x = a, *y = b;

  return x->first < y->first ? -1 : x->first > y->first;
}

static gboolean
is_claimed (const guint8 *claimed,
            guint         a,
            guint         b)
{
  for (guint i = a; i <= b; i++)
    if (claimed[i])
      return TRUE;
  return FALSE;
}

static void
set_claimed (guint8 *claimed,
             guint   a,
             guint   b)
{
  memset (claimed + a, TRUE, b - a + 1);
}

/**
 * helder_jargon_match:
 * @matches: (element-type HelderJargonMatch): appended to, in order
 *
 * Finds the entries in one sentence.  Matches never overlap: the one that
 * covers most words of its phrase wins.  A verb that stands apart from the
 * rest of its phrase is not in the range but cannot serve another match.
 */
void
helder_jargon_match (HelderJargon             *self,
                     const HelderSentenceView *sentence,
                     GArray                   *matches)
{
  Scan s = { 0 };
  g_autoptr(GString) buffer = NULL;
  g_autofree const char **words = NULL;
  g_autofree GArray **hits = NULL;
  g_autofree guint8 *claimed = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) candidates = NULL;
  guint n_before;
  gboolean any = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sentence != NULL);
  g_return_if_fail (matches != NULL);

  if (sentence->n == 0)
    return;

  s.view = sentence;
  s.n = sentence->n;
  s.words = words = g_new0 (const char *, s.n);
  s.hits = hits = g_new0 (GArray *, s.n);

  for (guint i = 0; i < s.n; i++)
    {
      const HelderToken *t = helder_sentence_view_token (sentence, i);
      const char *w = helder_sentence_view_word (sentence, i);

      if (w == NULL || (t->kind != HELDER_TOKEN_WORD && t->kind != HELDER_TOKEN_ABBREVIATION))
        continue;
      if (buffer == NULL)
        buffer = g_string_new (NULL);
      if (helder_jargon_fold_into (w, buffer))
        {
          if (folded == NULL)
            folded = g_ptr_array_new_with_free_func (g_free);
          w = g_strdup (buffer->str);
          g_ptr_array_add (folded, (char *) w);
        }
      words[i] = w;
      if ((hits[i] = g_hash_table_lookup (self->index, w)) != NULL)
        any = TRUE;
      if (helder_word_in_list (w, reflexives))
        s.reflexive = TRUE;
    }
  if (!any)
    return;

  s.occurrences = occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  s.candidates = candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  collect_occurrences (&s);
  candidates_from_verbs (&s);
  for (guint i = 0; i < s.n; i++)
    for (guint k = 0; hits[i] != NULL && k < hits[i]->len; k++)
      {
        const Hit *h = &g_array_index (hits[i], Hit, k);

        if (!h->verb)
          match_rest (&s, h->entry, i, (h->flags & FORM_EXACT) != 0);
      }

  if (candidates->len == 0)
    return;
  qsort (candidates->data, candidates->len, sizeof (Candidate), compare_candidates);

  claimed = g_new0 (guint8, s.n);
  n_before = matches->len;
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      HelderJargonMatch m = { c->first, c->last, c->entry };

      if (is_claimed (claimed, c->first, c->last) ||
          (c->has_verb && is_claimed (claimed, c->verb_start, c->verb_end)) ||
          (c->particle >= 0 && claimed[c->particle]))
        continue;
      set_claimed (claimed, c->first, c->last);
      if (c->has_verb)
        set_claimed (claimed, c->verb_start, c->verb_end);
      if (c->particle >= 0)
        claimed[c->particle] = TRUE;
      g_array_append_val (matches, m);
    }
  qsort (matches->data + (gsize) n_before * sizeof (HelderJargonMatch),
         matches->len - n_before, sizeof (HelderJargonMatch), compare_matches);
}
