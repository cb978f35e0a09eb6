/* helder-passive.c: passive constructions in Dutch sentences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-passive"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-passive-private.h"

/* A passive is a form of worden or zijn with a past participle in the same
 * clause: "De weg wordt afgesloten", "Het besluit is genomen", "dat de
 * brief verstuurd is", "kan worden aangevraagd", "Er wordt gestemd".
 *
 * There is no part-of-speech tagger behind this, so the detector leans on
 * closed word classes (auxiliaries, modals, prepositions, determiners,
 * conjunctions) and on the shape of Dutch participles:
 *
 *  - Participles are recognised by morphology: an optional separable
 *    particle (aan, op, toe, vast, bekend, ...), then ge- or an
 *    inseparable prefix (be-, ver-, ont-, her-, onder-, ...), then either
 *    a weak stem with -d/-t that passes some spelling checks (geeft,
 *    gebeurt and betaalt are verb forms, verschillend is a present
 *    participle, herfst has no Dutch onset) or the form of a strong verb
 *    from a list of about 170 (gesloten gives afgesloten and besloten;
 *    gesproken gives besproken).  Lists of lexicalised adjectives
 *    (bekend, gezond, bereid, ingewikkeld), present-tense forms (betreft,
 *    bestaat) and nouns of the same shape (gebied, bericht, verband, also
 *    as compound heads: buitengebied) keep those out.
 *
 *  - With zijn, the participle of a verb that forms its perfect with zijn
 *    is an active perfect (about 150: gekomen, gestegen, overleden,
 *    verdwenen; particle compounds of komen, gaan, vallen, lopen, blijven
 *    and raken such as aangekomen inherit this).  About 30 are both
 *    (veranderd, gestopt, verhuisd, hersteld, gebroken): active unless an
 *    agent with door is present, "De regels zijn door de raad veranderd".
 *    About 80 participles are adjectives of state after zijn: states of
 *    mind (bezorgd, verbaasd, geïnteresseerd, teleurgesteld) and a few
 *    lexicalised ones (verplicht, gevestigd, geboren, betrokken, gelegen,
 *    beperkt); again passive with door ("was verrast door").  After worden
 *    they are passive ("worden betrokken"), except verslaafd, opgewonden
 *    and gespannen.  Other states of transitive verbs count as passives,
 *    as the zijn-passive is defined: "is gesloten", "is toegestaan", "is
 *    bedoeld voor".
 *
 *  - A participle after a determiner, or after a preposition, numeral or
 *    demonstrative and before a noun, is attributive ("de gesloten deur",
 *    "met gesloten ogen", "een goed georganiseerd evenement"); after te it
 *    is an infinitive ("is te ontvangen"); after zoals, als or dan it is
 *    an elliptic clause ("hoger dan verwacht"); before an adjective it is
 *    an adverb ("beperkt beschikbaar").
 *
 *  - Clauses end at subordinators (omdat, terwijl, waarom), at dat, die,
 *    als, of and toen when a clause follows them, at want and om ... te,
 *    and at punctuation other than commas.  The search from an auxiliary
 *    goes on over a comma, en, of and maar only while no new clause shows
 *    (a verb form, a subject pronoun, er, or after a comma a determiner),
 *    and skips an aside (", als alles meezit,", "(na de markt)").
 *
 *  - The participle follows the auxiliary ("wordt ... afgesloten"), or
 *    comes right before the verb cluster at the end of a subordinate
 *    clause ("omdat de straat opgebroken wordt", "of de brug gerepareerd
 *    kan worden") or before an infinitive worden or zijn after a modal
 *    ("moet ondertekend worden").  Forms of worden claim their participle
 *    before forms of zijn; possessive zijn ("Zijn roman werd ...", "met
 *    zijn fiets") and a clause with hebben ("heeft zijn fiets
 *    gerepareerd") are no passives.
 *
 *  - A passive is impersonal when the finite verb is singular and no
 *    subject shows: after er, or in the whole clause when there is no er,
 *    no word outside a prepositional phrase starts a noun phrase ("Er
 *    wordt in de raad veel gepraat", "In de brief wordt gevraagd").
 *
 * "zijn ... geworden" needs a participle as well ("is gemaakt geworden");
 * with an adjective it is the main verb worden ("is ziek geworden"). */

/* Endings of adjectives: a participle before one is an adverb. */
static const char * const adjective_suffixes[] = {
  "aal", "baar", "eel", "er", "ief", "ig", "isch", "lijk", "zaam",
};

/* The sentence as the search sees it */

typedef enum
{
  BOUNDARY_NONE,
  BOUNDARY_SOFT,         /* en, of, maar: phrases or clauses */
  BOUNDARY_COMMA,
  BOUNDARY_HARD,         /* other punctuation, want, om ... te */
  BOUNDARY_SUBORDINATE,  /* a subordinate clause starts here */
} Boundary;

typedef struct
{
  const char *word;        /* lower case; NULL for punctuation */
  gunichar    mark;        /* the punctuation mark */
  guint32     flags;       /* WORD_* */
  guint8      boundary;    /* Boundary */
  guint8      name : 1;    /* capitalised inside the sentence */
  guint8      number : 1;
  guint8      participle : 1;  /* a participle in this position */
  guint8      used : 1;    /* already part of a passive */
} Item;

typedef struct
{
  Item *items;
  guint n;
} Sentence;

static inline gboolean
word_is (const Item *item,
         const char *word)
{
  return item->word != NULL && strcmp (item->word, word) == 0;
}

static inline guint32
flags_at (const Sentence *s,
          gint            i)
{
  return i >= 0 && (guint) i < s->n ? s->items[i].flags : 0;
}

static inline gboolean
is_char (const Sentence *s,
         guint           i,
         gunichar        c)
{
  return s->items[i].word == NULL && s->items[i].mark == c;
}

static gboolean
is_cluster (const Item *item)
{
  return (item->flags & (WORD_WORDEN | WORD_ZIJN | WORD_MODAL | WORD_CLUSTER)) != 0 ||
         word_is (item, "te");
}

/* Could a noun phrase or a clause's subject start here? */
static gboolean
starts_noun_phrase (const Item *item)
{
  return (item->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE | WORD_PRONOUN |
                         WORD_NUMERAL | WORD_NOUN_PHRASE)) != 0 ||
         item->name || item->number;
}

/* A word that is neither a function word nor a participle: most likely a
 * noun or adjective. */
static gboolean
is_content_word (const Sentence *s,
                 guint           i)
{
  const Item *item;

  if (i >= s->n)
    return FALSE;
  item = &s->items[i];
  return item->word != NULL && !item->number && item->flags == 0 &&
         !helder_is_participle (item->word);
}

static Boundary
word_boundary (const Sentence *s,
               guint           i)
{
  const Item *item = &s->items[i];
  const Item *next = i + 1 < s->n ? &s->items[i + 1] : NULL;
  gboolean clause_follows;

  if (item->flags & WORD_SUBORDINATOR)
    return BOUNDARY_SUBORDINATE;
  if (word_is (item, "want"))
    return BOUNDARY_HARD;

  clause_follows = next != NULL && next->word != NULL &&
                   (starts_noun_phrase (next) || word_is (next, "er"));

  if (item->flags & WORD_MAYBE_SUBORDINATOR)
    {
      if (word_is (item, "dat") || word_is (item, "die") ||
          word_is (item, "wat") || word_is (item, "welke"))
        {
          const Item *prev = i > 0 ? &s->items[i - 1] : NULL;

          if (prev == NULL)
            return BOUNDARY_NONE;  /* "Die weg wordt ..." */
          if (prev->word == NULL || clause_follows ||
              (next != NULL && (next->flags & WORD_VERBISH)))
            return BOUNDARY_SUBORDINATE;
          /* "door dat besluit", "wordt die weg": a determiner */
          if (prev->flags & (WORD_PREPOSITION | WORD_VERBISH))
            return BOUNDARY_NONE;
          return BOUNDARY_SUBORDINATE;
        }
      if (clause_follows)
        return BOUNDARY_SUBORDINATE;
    }

  if (item->flags & WORD_COORDINATOR)
    return BOUNDARY_SOFT;

  /* "om de weg klaar te krijgen", but "om zeven uur" */
  if (word_is (item, "om") && next != NULL &&
      !(next->flags & WORD_NUMERAL) && !next->number)
    for (guint j = i + 1; j < s->n && s->items[j].word != NULL; j++)
      if (word_is (&s->items[j], "te"))
        return BOUNDARY_HARD;

  return BOUNDARY_NONE;
}

/* Adjectives by their ending, comparatives included. */
static gboolean
is_adjective (const char *word)
{
  for (guint k = 0; k < G_N_ELEMENTS (adjective_suffixes); k++)
    if (g_str_has_suffix (word, adjective_suffixes[k]))
      return TRUE;
  return FALSE;
}

/* Whether the participle-like word at @i is a participle here. */
static gboolean
participle_here (const Sentence *s,
                 guint           i)
{
  const Item *item = &s->items[i];
  const Item *prev = i > 0 ? &s->items[i - 1] : NULL;
  const Item *next = i + 1 < s->n ? &s->items[i + 1] : NULL;

  if (item->word == NULL || item->name || item->number || item->flags != 0 ||
      !helder_is_participle (item->word))
    return FALSE;

  if (prev != NULL)
    {
      /* "te ontvangen", "de gesloten deur", "twee gesloten wegen",
       * "hoger dan verwacht" */
      if (word_is (prev, "te") || word_is (prev, "zoals") ||
          word_is (prev, "als") || word_is (prev, "dan"))
        return FALSE;
      if (prev->flags & WORD_DETERMINER)
        return FALSE;
      /* "met gesloten ogen", "twee gesloten wegen", "het gesloten hek",
       * "zijn gebroken been"; but "daar voor gewaarschuwd", "in 2021
       * verkocht", "wordt het gemaakt door" */
      if (((prev->flags & (WORD_PREPOSITION | WORD_DEMONSTRATIVE | WORD_NUMERAL)) ||
           prev->number) && is_content_word (s, i + 1))
        {
          if (!word_is (prev, "zijn") ||
              (flags_at (s, (gint) i - 2) & (WORD_PREPOSITION | WORD_VERBISH)))
            return FALSE;
        }
      /* "een goed georganiseerd evenement", "twee speciaal gebouwde" */
      if (i >= 2 && is_content_word (s, i + 1) &&
          (prev->flags & ~WORD_ADVERB) == 0 && prev->word != NULL &&
          (flags_at (s, (gint) i - 2) & (WORD_DETERMINER | WORD_NUMERAL)))
        return FALSE;
      /* "aan het vervangen" */
      if (word_is (prev, "het") && i >= 2 && word_is (&s->items[i - 2], "aan"))
        return FALSE;
    }

  /* "is beperkt beschikbaar", "niet bepaald handig": an adverb */
  if (next != NULL && is_content_word (s, i + 1) && is_adjective (next->word))
    return FALSE;

  /* "gezien de kosten": a preposition */
  if ((word_is (item, "gezien") || word_is (item, "gegeven")) && next != NULL &&
      (next->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE)))
    return FALSE;

  return TRUE;
}

static void
analyse (const HelderSentenceView *view,
         Sentence                 *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      const HelderToken *token = helder_sentence_view_token (view, i);
      Item *item = &s->items[i];

      item->word = helder_sentence_view_word (view, i);
      if (token->kind != HELDER_TOKEN_PUNCTUATION && item->word == NULL)
        continue;  /* a caller that left it out: neither word nor boundary */
      if (token->kind == HELDER_TOKEN_PUNCTUATION)
        {
          gunichar c = g_utf8_get_char (view->text + token->byte_start);

          item->word = NULL;
          item->mark = c;
          if (c == ',')
            item->boundary = BOUNDARY_COMMA;
          else if (c != '\'' && c != 0x2019 && c != '/' && c != '&')
            item->boundary = BOUNDARY_HARD;
          continue;
        }

      item->flags = helder_passive_word_flags (item->word);
      item->number = token->kind == HELDER_TOKEN_NUMBER;
      item->name = (token->flags & HELDER_TOKEN_ALL_CAPS) ||
                   ((token->flags & HELDER_TOKEN_CAPITALIZED) &&
                    !(token->flags & HELDER_TOKEN_SENTENCE_START));
      if (token->kind != HELDER_TOKEN_WORD)
        item->name |= token->kind != HELDER_TOKEN_NUMBER;
    }

  for (guint i = 0; i < s->n; i++)
    if (s->items[i].word != NULL)
      {
        s->items[i].boundary = word_boundary (s, i);
        s->items[i].participle = participle_here (s, i);
      }
}

/* The first token of the clause of token @i. */
static guint
clause_start (const Sentence *s,
              guint           i)
{
  for (guint k = i + 1; k-- > 0;)
    {
      Boundary b = s->items[k].boundary;

      if (b == BOUNDARY_SUBORDINATE || (b == BOUNDARY_SOFT && k < i))
        return k;
      if ((b == BOUNDARY_HARD || b == BOUNDARY_COMMA) && k < i)
        return k + 1;
    }
  return 0;
}

/* One past the last token of the clause of token @i. */
static guint
clause_end (const Sentence *s,
            guint           i)
{
  for (guint k = i + 1; k < s->n; k++)
    if (s->items[k].boundary != BOUNDARY_NONE)
      return k;
  return s->n;
}

static gboolean
clause_is_subordinate (const Sentence *s,
                       guint           i)
{
  for (guint k = i + 1; k-- > 0;)
    {
      Boundary b = s->items[k].boundary;

      if (b == BOUNDARY_SUBORDINATE)
        return TRUE;
      if (b == BOUNDARY_HARD || b == BOUNDARY_COMMA)
        return FALSE;
    }
  return FALSE;
}

/* Whether the form of worden or zijn at @i is an auxiliary here rather
 * than a noun (de was) or the possessive zijn (met zijn fiets). */
static gboolean
is_auxiliary (const Sentence *s,
              guint           i)
{
  const Item *item = &s->items[i];

  if (!(item->flags & (WORD_WORDEN | WORD_ZIJN)))
    return FALSE;
  if (flags_at (s, (gint) i - 1) & WORD_DETERMINER)
    return FALSE;
  if (word_is (item, "zijn"))
    {
      const Item *prev = i > 0 ? &s->items[i - 1] : NULL;

      if (prev != NULL && (prev->flags & WORD_PREPOSITION))
        return FALSE;
      /* "Zijn laatste roman", "heeft zijn fiets", "omdat zijn fiets" */
      if (i + 1 < s->n && is_content_word (s, i + 1) &&
          (prev == NULL || prev->word == NULL ||
           prev->boundary != BOUNDARY_NONE || (prev->flags & WORD_VERBISH)))
        return FALSE;
    }
  return TRUE;
}

/* After a comma, en or maar: does a new clause start at @j? */
static gboolean
starts_new_clause (const Sentence *s,
                   guint           j,
                   gboolean        after_comma)
{
  const Item *item = &s->items[j];

  if ((item->flags & (WORD_VERBISH | WORD_PRONOUN)) || word_is (item, "er"))
    return TRUE;
  if (after_comma &&
      ((item->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE)) || item->name) &&
      !(flags_at (s, (gint) j - 1) & WORD_PREPOSITION))
    return TRUE;
  return FALSE;
}

/* The comma that closes an aside starting at @j, or 0. */
static guint
closing_comma (const Sentence *s,
               guint           j)
{
  for (guint k = j; k < s->n; k++)
    {
      if (s->items[k].boundary == BOUNDARY_COMMA)
        return k;
      if (s->items[k].boundary == BOUNDARY_HARD)
        return 0;
    }
  return 0;
}

/* "wordt ... afgesloten": the first participle after the auxiliary in its
 * clause.  Of two in a row the second is the verb: "uitgebreid besproken". */
static gboolean
find_forward (const Sentence *s,
              guint           aux,
              guint          *participle)
{
  gboolean crossed = FALSE, comma = FALSE;

  for (guint j = aux + 1; j < s->n; j++)
    {
      const Item *item = &s->items[j];

      switch ((Boundary) item->boundary)
        {
        case BOUNDARY_HARD:
          /* "worden vanaf maandag (na de markt) weer vrijgegeven" */
          if (item->word == NULL && is_char (s, j, '('))
            {
              guint close = j;

              while (close < s->n && !is_char (s, close, ')'))
                close++;
              if (close < s->n)
                {
                  j = close;
                  continue;
                }
            }
          return FALSE;
        case BOUNDARY_SUBORDINATE:
          return FALSE;
        case BOUNDARY_COMMA:
          if (j + 1 < s->n && s->items[j + 1].boundary == BOUNDARY_SUBORDINATE)
            {
              /* ", als alles meezit," */
              guint close = closing_comma (s, j + 1);

              if (close == 0)
                return FALSE;
              j = close;
              continue;
            }
          crossed = comma = TRUE;
          continue;
        case BOUNDARY_SOFT:
          crossed = TRUE;
          continue;
        case BOUNDARY_NONE:
        default:
          break;
        }

      if (item->flags & WORD_HEBBEN)
        return FALSE;
      if (crossed && starts_new_clause (s, j, comma))
        return FALSE;
      if (item->participle)
        {
          while (j + 1 < s->n && s->items[j + 1].participle)
            j++;
          *participle = j;
          return TRUE;
        }
    }
  return FALSE;
}

/* "dat de brief verstuurd is", "of de brug gerepareerd kan worden",
 * "moet ondertekend worden", "om gehoord te worden". */
static gboolean
find_backward (const Sentence *s,
               guint           aux,
               guint          *participle)
{
  const Item *item = &s->items[aux];
  gboolean infinitive = FALSE;
  guint j = aux;

  while (j > 0 && is_cluster (&s->items[j - 1]))
    {
      j--;
      infinitive |= word_is (&s->items[j], "te") ||
                    (s->items[j].flags & (WORD_MODAL | WORD_WORDEN | WORD_ZIJN));
    }
  if (j == 0 || !s->items[j - 1].participle)
    return FALSE;
  j--;

  if (!clause_is_subordinate (s, j))
    {
      /* In a main clause only an infinitive can follow the participle:
       * the finite verb stands second. */
      if (!(item->flags & WORD_PLURAL))
        return FALSE;
      if (!infinitive)
        {
          guint start = clause_start (s, j);

          for (guint k = start; k < j && !infinitive; k++)
            infinitive = (s->items[k].flags & (WORD_MODAL | WORD_FINITE)) ==
                         (WORD_MODAL | WORD_FINITE);
        }
      if (!infinitive)
        return FALSE;
    }

  *participle = j;
  return TRUE;
}

static gboolean
has_agent (const Sentence *s,
           guint           from,
           guint           to)
{
  for (guint k = from; k + 1 < to; k++)
    if (word_is (&s->items[k], "door") && s->items[k + 1].word != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_passive (const Sentence *s,
            guint           aux,
            guint           participle)
{
  guint lo = MIN (aux, participle), hi = MAX (aux, participle);
  guint start = clause_start (s, lo), end = clause_end (s, hi);
  guint32 flags = helder_passive_participle_flags (s->items[participle].word);
  gboolean agent = has_agent (s, start, end);

  if (s->items[aux].flags & WORD_ZIJN)
    {
      /* "heeft zijn fiets gerepareerd" */
      for (guint k = start; k < hi; k++)
        if (s->items[k].flags & WORD_HEBBEN)
          return FALSE;
      for (guint k = lo; k < hi; k++)
        if (word_is (&s->items[k], "geworden"))
          return TRUE;
      if (flags & PARTICIPLE_UNACCUSATIVE)
        return (flags & PARTICIPLE_AMBIGUOUS) && agent;
      if (flags & PARTICIPLE_STATE)
        return agent;
    }
  else if (flags & PARTICIPLE_COPULAR)
    return agent;

  return TRUE;
}

/* die, dat, wat, wie, welke, waarin: a relative clause */
static gboolean
is_relative (const Item *item)
{
  return word_is (item, "die") || word_is (item, "dat") ||
         word_is (item, "wat") || word_is (item, "wie") || word_is (item, "welke") ||
         (item->word != NULL && g_str_has_prefix (item->word, "waar"));
}

/* Whether the word at @k belongs to a prepositional phrase: "in de
 * nieuwe raad", "na vijf werkdagen". */
static gboolean
in_prepositional_phrase (const Sentence *s,
                         guint           k)
{
  for (guint m = k, steps = 0; m-- > 0 && steps < 4; steps++)
    {
      const Item *item = &s->items[m];

      if (item->flags & WORD_PREPOSITION)
        return TRUE;
      if (item->word == NULL || item->boundary != BOUNDARY_NONE ||
          (item->flags & ~(WORD_DETERMINER | WORD_DEMONSTRATIVE |
                           WORD_NUMERAL | WORD_ADVERB)))
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_impersonal (const Sentence *s,
               guint           aux,
               guint           participle)
{
  guint lo = MIN (aux, participle), hi = MAX (aux, participle);
  guint start = clause_start (s, lo), end = clause_end (s, hi);
  guint from = start;
  gboolean er = FALSE;

  /* "Wees gewaarschuwd": the imperative has its subject. */
  if (word_is (&s->items[aux], "wees"))
    return FALSE;

  /* The finite verb: "Er moet nog veel worden gedaan", "Er worden bomen
   * geplant". */
  for (guint k = start; k < end; k++)
    {
      const Item *item = &s->items[k];

      if ((item->flags & WORD_FINITE) &&
          ((item->flags & WORD_MODAL) || k == aux))
        {
          if (item->flags & WORD_PLURAL)
            return FALSE;
          break;
        }
    }

  for (guint k = start; k < hi; k++)
    if (word_is (&s->items[k], "er"))
      {
        er = TRUE;
        from = k + 1;
        break;
      }

  if (!er)
    {
      const Item *first = &s->items[start];

      /* "De brief, die gisteren is verstuurd, is niet ontvangen": the
       * subject stands before the relative clause. */
      if (start == aux && start >= 2 &&
          s->items[start - 1].boundary == BOUNDARY_COMMA)
        {
          guint before = clause_start (s, start - 2);

          if (s->items[before].boundary == BOUNDARY_SUBORDINATE &&
              is_relative (&s->items[before]))
            return FALSE;
        }

      /* "... en wordt verbreed": the subject of the first clause. */
      if (first->boundary == BOUNDARY_SOFT)
        return FALSE;
      /* "Bezwaar kan worden gemaakt" */
      if (first->word != NULL && first->boundary == BOUNDARY_NONE &&
          first->flags == 0 && !first->participle)
        return FALSE;
    }

  for (guint k = from; k < hi; k++)
    {
      const Item *item = &s->items[k];

      /* "Er wordt geld ingezameld", but "er wordt hard gewerkt" */
      if (er && k != participle && is_content_word (s, k) &&
          !is_adjective (item->word) && !in_prepositional_phrase (s, k))
        return FALSE;
      if (k == aux || k == participle || !starts_noun_phrase (item))
        continue;
      if (is_cluster (item) && !(word_is (item, "zijn") && !is_auxiliary (s, k)))
        continue;
      /* "dat er ..." is a conjunction, "die" a relative subject */
      if (k == start && item->boundary == BOUNDARY_SUBORDINATE &&
          word_is (item, "dat"))
        continue;
      if (in_prepositional_phrase (s, k))
        continue;
      return FALSE;
    }
  return TRUE;
}

static void
add_passive (Sentence *s,
             guint     aux,
             GArray   *passives)
{
  HelderPassive passive;
  guint participle;

  if (!find_forward (s, aux, &participle) &&
      !find_backward (s, aux, &participle))
    return;
  if (s->items[participle].used || !is_passive (s, aux, participle))
    return;

  s->items[participle].used = TRUE;
  passive.first = MIN (aux, participle);
  passive.last = MAX (aux, participle);
  passive.auxiliary = aux;
  passive.participle = participle;
  passive.impersonal = is_impersonal (s, aux, participle);
  g_array_append_val (passives, passive);
}

static int
compare_passives (const void *a,
                  const void *b)
{
  const HelderPassive *pa = a, *pb = b;

  return pa->auxiliary < pb->auxiliary ? -1 : pa->auxiliary > pb->auxiliary;
}

/**
 * helder_find_passives:
 * @sentence: the sentence
 * @passives: (element-type HelderPassive): appended to
 *
 * Appends every passive construction of @sentence to @passives, in the
 * order of their auxiliaries.  Pure and thread-safe.
 */
void
helder_find_passives (const HelderSentenceView *sentence,
                      GArray                   *passives)
{
  Item stack_items[64];
  g_autofree Item *heap_items = NULL;
  Sentence s;
  guint first;

  g_return_if_fail (sentence != NULL);
  g_return_if_fail (passives != NULL);
  g_return_if_fail (g_array_get_element_size (passives) ==
                    sizeof (HelderPassive));

  if (sentence->n == 0)
    return;

  first = passives->len;
  s.n = sentence->n;
  if (s.n <= G_N_ELEMENTS (stack_items))
    {
      memset (stack_items, 0, sizeof stack_items);
      s.items = stack_items;
    }
  else
    s.items = heap_items = g_new0 (Item, s.n);

  analyse (sentence, &s);

  /* Forms of worden first: in "Zijn roman werd goed ontvangen" the
   * participle is theirs. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < s.n; i++)
      if ((s.items[i].flags & (pass == 0 ? WORD_WORDEN : WORD_ZIJN)) &&
          is_auxiliary (&s, i))
        add_passive (&s, i, passives);

  if (passives->len - first > 1)
    qsort (passives->data + (gsize) first * sizeof (HelderPassive),
           passives->len - first, sizeof (HelderPassive), compare_passives);
}
