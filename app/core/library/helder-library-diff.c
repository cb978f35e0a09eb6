/* helder-library-diff.c: a readable word-level difference between two versions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>

#include "helder-library-diff.h"

/* Tokens are words with the white space after them; two tokens are the
 * same when their words are (a changed line break is no change).  The
 * edit script is Myers' (the shortest: a longest common subsequence of
 * words) between the common start and end; past MAX_D differences the
 * rest of the middle is one removal and one addition, which is what a
 * reader sees of a rewrite anyway.  Then, for reading: in each stretch
 * of changes the removals come before the additions, and a lone short
 * word left unchanged between two changes ("de", "en") joins them. */

#define MAX_D 2000

typedef struct
{
  const char *start;    /* the word */
  gsize       length;   /* of the word */
  gsize       full;     /* with the white space after it */
  guint       hash;
} Token;

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text != NULL ? text : "";

  /* White space before the first word belongs to no word: kept as a token */
  while (*p)
    {
      Token token = { p, 0, 0, 5381 };
      const char *q = p;

      while (*q && !g_ascii_isspace (*q))
        {
          token.hash = token.hash * 33 + (guchar) *q;
          q++;
        }
      token.length = q - p;
      while (*q && g_ascii_isspace (*q))
        q++;
      token.full = q - p;
      g_array_append_val (tokens, token);
      p = q;
    }
  return tokens;
}

static gboolean
same (const Token *a,
      const Token *b)
{
  return a->hash == b->hash && a->length == b->length && memcmp (a->start, b->start, a->length) == 0;
}

typedef enum { OP_SAME, OP_ADD, OP_REMOVE } Op;

/* The edit script of a[0..n) → b[0..m), as ops in order. */
static void
myers (const Token *a, int n,
       const Token *b, int m,
       GArray      *ops)
{
  int max = n + m, offset = max + 1;
  g_autofree int *v = NULL;
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int d, x, y, found = -1;

  if (n == 0 && m == 0)
    return;
  v = g_new0 (int, 2 * max + 3);
  for (d = 0; d <= max && d <= MAX_D; d++)
    {
      /* What step d reads of the step before: k from -d to d */
      g_ptr_array_add (trace, g_memdup2 (v + offset - d, sizeof (int) * (2 * d + 1)));
      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && same (&a[x], &b[y]))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
      if (found >= 0)
        break;
    }

  if (found < 0)
    {
      /* Too different: all of it out, all of it in */
      for (int i = 0; i < n; i++)
        g_array_append_val (ops, (Op) { OP_REMOVE });
      for (int j = 0; j < m; j++)
        g_array_append_val (ops, (Op) { OP_ADD });
      return;
    }

  /* Back from the end, collecting ops in reverse */
  {
    g_autoptr(GArray) reverse = g_array_new (FALSE, FALSE, sizeof (Op));

    x = n;
    y = m;
    for (d = found; d > 0; d--)
      {
        int *pv = trace->pdata[d];   /* pv[k + d] */
        int k = x - y, prev_k, prev_x, prev_y;

        if (k == -d || (k != d && pv[k - 1 + d] < pv[k + 1 + d]))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = pv[prev_k + d];
        prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y)
          {
            g_array_append_val (reverse, (Op) { OP_SAME });
            x--, y--;
          }
        if (x == prev_x)
          {
            g_array_append_val (reverse, (Op) { OP_ADD });
            y--;
          }
        else
          {
            g_array_append_val (reverse, (Op) { OP_REMOVE });
            x--;
          }
      }
    while (x > 0 && y > 0)
      {
        g_array_append_val (reverse, (Op) { OP_SAME });
        x--, y--;
      }
    for (guint i = reverse->len; i > 0; i--)
      g_array_append_val (ops, g_array_index (reverse, Op, i - 1));
  }
}

void
helder_diff_chunk_free (HelderDiffChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->text);
  g_free (chunk);
}

static void
add_chunk (GPtrArray      *chunks,
           HelderDiffKind  kind,
           const char     *text,
           gsize           length)
{
  HelderDiffChunk *last = chunks->len > 0 ? chunks->pdata[chunks->len - 1] : NULL;

  if (length == 0)
    return;
  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) length, text);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (HelderDiffChunk, 1);
  last->kind = kind;
  last->text = g_strndup (text, length);
  g_ptr_array_add (chunks, last);
}

/* One stretch of the script: the same words, or changes */
typedef struct
{
  gboolean same;
  GString *removed;
  GString *added;
  guint    n_same;
  gsize    same_word;   /* length of the word, when one */
} Stretch;

static void
stretch_free (gpointer data)
{
  Stretch *s = data;

  g_string_free (s->removed, TRUE);
  g_string_free (s->added, TRUE);
  g_free (s);
}

GPtrArray *
helder_library_diff_words (const char *old_text,
                           const char *new_text)
{
  g_autoptr(GArray) a = tokenize (old_text);
  g_autoptr(GArray) b = tokenize (new_text);
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_autoptr(GPtrArray) stretches = g_ptr_array_new_with_free_func (stretch_free);
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diff_chunk_free);
  const Token *ta = (const Token *) a->data, *tb = (const Token *) b->data;
  guint pre = 0, post = 0, i = 0, j = 0;

  /* The common start and end need no search */
  while (pre < a->len && pre < b->len && same (&ta[pre], &tb[pre]))
    pre++;
  while (post < a->len - pre && post < b->len - pre &&
         same (&ta[a->len - 1 - post], &tb[b->len - 1 - post]))
    post++;
  for (guint k = 0; k < pre; k++)
    g_array_append_val (ops, (Op) { OP_SAME });
  myers (ta + pre, a->len - pre - post, tb + pre, b->len - pre - post, ops);
  for (guint k = 0; k < post; k++)
    g_array_append_val (ops, (Op) { OP_SAME });

  /* Into stretches; the unchanged text is the new version's */
  for (guint k = 0; k < ops->len; k++)
    {
      Op op = g_array_index (ops, Op, k);
      Stretch *last = stretches->len > 0 ? stretches->pdata[stretches->len - 1] : NULL;
      gboolean is_same = op == OP_SAME;

      if (last == NULL || last->same != is_same)
        {
          last = g_new0 (Stretch, 1);
          last->same = is_same;
          last->removed = g_string_new (NULL);
          last->added = g_string_new (NULL);
          g_ptr_array_add (stretches, last);
        }
      if (op == OP_SAME)
        {
          g_string_append_len (last->added, tb[j].start, tb[j].full);
          last->same_word = tb[j].length;
          last->n_same++;
          i++, j++;
        }
      else if (op == OP_REMOVE)
        g_string_append_len (last->removed, ta[i].start, ta[i].full), i++;
      else
        g_string_append_len (last->added, tb[j].start, tb[j].full), j++;
    }

  /* A lone short word between two changes joins them */
  for (guint k = 1; k + 1 < stretches->len; k++)
    {
      Stretch *s = stretches->pdata[k];

      if (s->same && s->n_same == 1 && s->same_word <= 3)
        {
          Stretch *before = stretches->pdata[k - 1], *after = stretches->pdata[k + 1];

          g_string_append (before->removed, s->added->str);
          g_string_append (before->added, s->added->str);
          g_string_append (before->removed, after->removed->str);
          g_string_append (before->added, after->added->str);
          g_ptr_array_remove_range (stretches, k, 2);
          k--;
        }
    }

  for (guint k = 0; k < stretches->len; k++)
    {
      Stretch *s = stretches->pdata[k];

      if (s->same)
        add_chunk (chunks, HELDER_DIFF_SAME, s->added->str, s->added->len);
      else
        {
          add_chunk (chunks, HELDER_DIFF_REMOVED, s->removed->str, s->removed->len);
          add_chunk (chunks, HELDER_DIFF_ADDED, s->added->str, s->added->len);
        }
    }
  return chunks;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

void
helder_library_diff_count (GPtrArray *chunks,
                           guint     *added,
                           guint     *removed)
{
  guint a = 0, r = 0;

  for (guint i = 0; chunks != NULL && i < chunks->len; i++)
    {
      HelderDiffChunk *chunk = chunks->pdata[i];

      if (chunk->kind == HELDER_DIFF_ADDED)
        a += count_words (chunk->text);
      else if (chunk->kind == HELDER_DIFF_REMOVED)
        r += count_words (chunk->text);
    }
  if (added != NULL)
    *added = a;
  if (removed != NULL)
    *removed = r;
}
