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

static gboolean
word_matches (HelderLibraryQuery *q,
              const char         *folded)
{
  const Word *prefix = helder_library_query_last_word (q);
  g_autofree char *stem = NULL;

  if (prefix != NULL && g_str_has_prefix (folded, prefix->folded))
    return TRUE;
  for (guint i = 0; i < q->words->len; i++)
    {
      const Word *word = &g_array_index (q->words, Word, i);

      /* A stem begins as its word does: most words need no stemming */
      if (word->stem[0] != folded[0])
        continue;
      if (stem == NULL)
        stem = helder_library_stem (folded);
      if (g_str_equal (stem, word->stem))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean hit;
} Token;

typedef struct
{
  HelderLibraryQuery *query;
  GArray             *tokens;
  guint               limit;   /* 0: all */
} Tokens;

/* A snippet is looked for in the first this many words of a body */
#define SNIPPET_SCAN 4000

static void
collect_token (const char *folded,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  Tokens *t = user_data;
  Token token = { start, end, FALSE };

  if (t->limit > 0 && t->tokens->len >= t->limit)
    return;
  token.hit = word_matches (t->query, folded);
  g_array_append_val (t->tokens, token);
}

static GArray *
tokens_of (HelderLibraryQuery *q,
           const char         *text,
           guint               limit)
{
  Tokens t = { q, g_array_new (FALSE, FALSE, sizeof (Token)), limit };

  if (text != NULL && q->words->len > 0)
    helder_library_foreach_word (text, -1, collect_token, &t);
  return t.tokens;
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

      if (!token->hit)
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

  tokens = tokens_of (self, text, 0);
  return ranges_of (text != NULL ? text : "", tokens, 0, tokens->len, 0, 0);
}

/* The passage of @text of HELDER_LIBRARY_SNIPPET_WORDS words with the most matches,
 * "…" where it was cut, on one line. */
char *
helder_library_make_snippet (HelderLibraryQuery  *q,
                             const char          *text,
                             GArray             **ranges)
{
  g_autoptr(GArray) tokens = tokens_of (q, text, SNIPPET_SCAN);
  GString *snippet;
  guint best = 0, best_hits = 0, hits = 0, end;

  if (tokens->len == 0)
    {
      *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      return g_strdup ("");
    }
  for (guint i = 0; i < tokens->len; i++)
    {
      hits += g_array_index (tokens, Token, i).hit;
      if (i >= HELDER_LIBRARY_SNIPPET_WORDS)
        hits -= g_array_index (tokens, Token, i - HELDER_LIBRARY_SNIPPET_WORDS).hit;
      if (hits > best_hits)
        {
          best_hits = hits;
          best = i + 1 > HELDER_LIBRARY_SNIPPET_WORDS ? i + 1 - HELDER_LIBRARY_SNIPPET_WORDS : 0;
        }
    }
  /* A word or two of what leads up to it */
  best = best >= 2 && best_hits > 0 ? best - 2 : best;
  end = MIN (best + HELDER_LIBRARY_SNIPPET_WORDS, tokens->len);

  snippet = g_string_new (best > 0 ? "…" : NULL);
  g_string_append_len (snippet, text + g_array_index (tokens, Token, best).start,
                       g_array_index (tokens, Token, end - 1).end - g_array_index (tokens, Token, best).start);
  if (end < tokens->len)
    g_string_append (snippet, "…");
  for (char *p = snippet->str; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  *ranges = ranges_of (text, tokens, best, end, g_array_index (tokens, Token, best).start, best > 0 ? 1 : 0);
  return g_string_free (snippet, FALSE);
}

