/* helder-library-match.c: where a query's words are in a text: match ranges and snippets
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>

#include "helder-library-index-private.h"

/* Which words match: a query word's stem, or the word being typed as a
 * prefix of the folded word. */

const Word *
helder_library_query_last_word (HelderLibraryQuery *q)
{
  return q->prefix_last ? &g_array_index (q->words, Word, q->words->len - 1) : NULL;
}

/* Which of the query's words (a bit each, the 32nd for the rest) @folded
 * matches */
static guint32
word_matches (HelderLibraryQuery *q,
              const char         *folded)
{
  const Word *prefix = helder_library_query_last_word (q);
  g_autofree char *stem = NULL;
  guchar first = folded[0];
  guint32 hit = 0;

  /* Neither a query word's stem nor the prefix begins so: most words */
  if (!(q->first_bytes[first >> 3] & (1 << (first & 7))))
    return 0;
  if (prefix != NULL && g_str_has_prefix (folded, prefix->folded))
    hit |= 1u << MIN (q->words->len - 1, 31);
  for (guint i = 0; i < q->words->len; i++)
    {
      const Word *word = &g_array_index (q->words, Word, i);

      /* Only a word that begins as the stem can have it: few are stemmed */
      if (word->kept == 0 || strncmp (folded, word->stem, word->kept) != 0)
        continue;
      if (stem == NULL)
        stem = helder_library_stem (folded);
      if (g_str_equal (stem, word->stem))
        hit |= 1u << MIN (i, 31);
    }
  return hit;
}

typedef struct
{
  gsize    start;
  gsize    end;
  guint32  hit;    /* word_matches() */
} Token;

/* A snippet is HELDER_LIBRARY_SNIPPET_WORDS words: LEAD before its first
 * match, the rest from it */
#define LEAD 2
#define SPAN (HELDER_LIBRARY_SNIPPET_WORDS - LEAD)
/* A snippet is looked for in the first this many words of a body */
#define SNIPPET_SCAN 4000

/* How far past the first passage with a match a better one is looked for,
 * and how far a match is looked for in a text the index found none of the
 * words in (only the word being typed can match there) */
#define SNIPPET_LOOK 80

typedef struct
{
  HelderLibraryQuery *query;
  GArray             *tokens;
  /* For a snippet (else all tokens): the words the text has, and the best
   * passage so far, by the first match in it (G_MAXUINT: none) */
  gboolean            snippet;
  guint32             all;
  guint               best;
  guint               best_words;
  guint               best_hits;
  guint               first;    /* the first passage's match */
  guint               open;     /* the first match whose passage is open */
} Tokens;

/* The passage from the match at @first: which of the query's words, and
 * how many matches in SPAN words */
static guint32
passage_score (Tokens *t,
               guint   first,
               guint  *hits)
{
  guint32 seen = 0;

  *hits = 0;
  for (guint i = first; i < first + SPAN && i < t->tokens->len; i++)
    {
      guint32 hit = g_array_index (t->tokens, Token, i).hit;

      seen |= hit;
      *hits += hit != 0;
    }
  return seen;
}

/* The passage of the match at @first is complete: the best so far?  One
 * with all the words the text has ends the search. */
static gboolean
close_passage (Tokens *t,
               guint   first)
{
  guint hits;
  guint32 seen = passage_score (t, first, &hits);
  guint words = __builtin_popcount (seen);

  if (t->best == G_MAXUINT)
    t->first = first;
  if (t->best == G_MAXUINT || words > t->best_words || (words == t->best_words && hits > t->best_hits))
    {
      t->best = first;
      t->best_words = words;
      t->best_hits = hits;
    }
  return (seen & t->all) != t->all;
}

static gboolean
collect_token (const char *folded,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  Tokens *t = user_data;
  guint at = t->tokens->len;
  Token *token;

  g_array_set_size (t->tokens, at + 1);
  token = &g_array_index (t->tokens, Token, at);
  token->start = start;
  token->end = end;
  token->hit = word_matches (t->query, folded);
  if (!t->snippet)
    return TRUE;
  /* Passages close a word after their last (for the ellipsis), in order */
  while (t->open < at && at >= t->open + SPAN)
    {
      if (g_array_index (t->tokens, Token, t->open).hit != 0 && !close_passage (t, t->open))
        return FALSE;
      t->open++;
    }
  if (t->best != G_MAXUINT ? at >= t->first + SPAN + SNIPPET_LOOK : t->all == 0 && at >= SNIPPET_LOOK)
    return FALSE;
  return at + 1 < SNIPPET_SCAN;
}

static GArray *
tokens_of (HelderLibraryQuery *q,
           const char         *text,
           Tokens             *snippet)
{
  Tokens local = { q, NULL, };
  Tokens *t = snippet != NULL ? snippet : &local;

  t->query = q;
  /* A snippet's tokens go in the query's array, made once */
  if (snippet != NULL && q->scratch != NULL)
    {
      t->tokens = g_array_ref (q->scratch);
      g_array_set_size (t->tokens, 0);
    }
  else
    t->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 512);
  if (snippet != NULL && q->scratch == NULL)
    q->scratch = g_array_ref (t->tokens);
  if (text != NULL && q->words->len > 0)
    helder_library_foreach_word_while (text, -1, collect_token, t);
  return t->tokens;
}

/* The character ranges of the hits among @tokens[first, last) in @text,
 * counted from @base (a byte offset in @text) plus @shift characters. */
static GArray *
ranges_of (const char *text,
           GArray     *tokens,
           guint       first,
           guint       last,
           gsize       base,
           guint       shift)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
  const char *at = text + base;
  guint offset = shift;

  for (guint i = first; i < last; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      HelderLibraryRange range;

      if (token->hit == 0)
        continue;
      offset += g_utf8_strlen (at, text + token->start - at);
      range.start = offset;
      offset += g_utf8_strlen (text + token->start, token->end - token->start);
      range.end = offset;
      at = text + token->end;
      g_array_append_val (ranges, range);
    }
  return ranges;
}

GArray *
helder_library_query_match_ranges (HelderLibraryQuery *self,
                                   const char         *text)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  tokens = tokens_of (self, text, NULL);
  return ranges_of (text != NULL ? text : "", tokens, 0, tokens->len, 0, 0);
}

/* The passage of @text of HELDER_LIBRARY_SNIPPET_WORDS words with the
 * most of the query's words, then the most matches, "…" where it was
 * cut, on one line.  The first passage with all of @in_text (the words
 * the index found in @text, a bit each) will do, and so will the best
 * within SNIPPET_LOOK words of the first one with a match. */
char *
helder_library_make_snippet (HelderLibraryQuery  *q,
                             const char          *text,
                             guint32              in_text,
                             GArray             **ranges)
{
  Tokens t = { .snippet = TRUE, .best = G_MAXUINT };
  g_autoptr(GArray) tokens = NULL;
  GString *snippet;
  guint first, end;

  t.all = in_text;
  tokens = tokens_of (q, text, &t);
  if (tokens->len == 0)
    {
      *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      return g_strdup ("");
    }
  /* The passages still open at the end */
  for (; t.open < tokens->len; t.open++)
    if (g_array_index (tokens, Token, t.open).hit != 0 && !close_passage (&t, t.open))
      break;
  first = t.best == G_MAXUINT ? 0 : t.best >= LEAD ? t.best - LEAD : 0;
  end = MIN (first + HELDER_LIBRARY_SNIPPET_WORDS, tokens->len);

  snippet = g_string_new (first > 0 ? "…" : NULL);
  g_string_append_len (snippet, text + g_array_index (tokens, Token, first).start,
                       g_array_index (tokens, Token, end - 1).end - g_array_index (tokens, Token, first).start);
  if (end < tokens->len)
    g_string_append (snippet, "…");
  for (char *p = snippet->str; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  *ranges = ranges_of (text, tokens, first, end, g_array_index (tokens, Token, first).start, first > 0 ? 1 : 0);
  return g_string_free (snippet, FALSE);
}
