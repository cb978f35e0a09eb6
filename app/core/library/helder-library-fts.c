/* helder-library-fts.c: the FTS5 tokenizers and ranking of the library's search
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <math.h>
#include <string.h>

#include "helder-library-index-private.h"

/* Two tokenizers.  "helder_dutch" gives each word's Dutch stem, and
 * nothing else: the main table ("fts": title, summary, body, tags) holds
 * stems only, so "vergunningen" and "vergunning" are one term.
 * "helder_dutch_forms" gives the stem and, beside it (colocated), the
 * folded word as written when that differs: the small table of titles,
 * summaries and tags ("head") has prefix indexes, so a word being typed
 * ("vergunni*") matches what was written there.
 *
 * In a query a word gives its stem, a prefix its folded form; auxiliary
 * functions get one token per word (the positions the index has) without
 * the cost of stemming.
 *
 * While indexing documents, the tokenizer also counts, for the writer on
 * its thread (helder_library_fts_collect): the words of the row, and each
 * stem into the vocabulary that suggestions search. */

typedef struct
{
  gboolean forms;
} Tokenizer;

typedef struct
{
  GHashTable *vocabulary;   /* stem → GUINT_TO_POINTER (count) */
  guint       words;
} Collector;

static GPrivate thread_collector;

void
helder_library_fts_collect (GHashTable *vocabulary)
{
  Collector *collector = g_private_get (&thread_collector);

  if (collector == NULL)
    {
      collector = g_new0 (Collector, 1);
      g_private_set (&thread_collector, collector);
    }
  collector->vocabulary = vocabulary;
  collector->words = 0;
}

guint
helder_library_fts_take_words (void)
{
  Collector *collector = g_private_get (&thread_collector);
  guint words;

  if (collector == NULL)
    return 0;
  words = collector->words;
  collector->words = 0;
  return words;
}

typedef struct
{
  void       *ctx;
  int       (*token) (void *ctx, int tflags, const char *token, int n_token, int start, int end);
  int         flags;
  gboolean    forms;
  Collector  *collector;
  int         rc;
} Tokenize;

static void
on_word (const char *folded,
         gsize       start,
         gsize       end,
         gpointer    user_data)
{
  Tokenize *t = user_data;
  g_autofree char *stem = NULL;

  if (t->rc != SQLITE_OK)
    return;
  if ((t->flags & FTS5_TOKENIZE_AUX) ||
      ((t->flags & FTS5_TOKENIZE_QUERY) && (t->flags & FTS5_TOKENIZE_PREFIX)))
    {
      t->rc = t->token (t->ctx, 0, folded, strlen (folded), start, end);
      return;
    }
  stem = helder_library_stem (folded);
  t->rc = t->token (t->ctx, 0, stem, strlen (stem), start, end);
  if (!(t->flags & FTS5_TOKENIZE_DOCUMENT) || t->rc != SQLITE_OK)
    return;
  if (t->forms && strcmp (stem, folded) != 0)
    t->rc = t->token (t->ctx, FTS5_TOKEN_COLOCATED, folded, strlen (folded), start, end);
  else if (!t->forms && t->collector != NULL)
    {
      t->collector->words++;
      if (t->collector->vocabulary != NULL)
        {
          gpointer count;

          if (g_hash_table_lookup_extended (t->collector->vocabulary, stem, NULL, &count))
            g_hash_table_replace (t->collector->vocabulary, g_steal_pointer (&stem),
                                  GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
          else
            g_hash_table_insert (t->collector->vocabulary, g_steal_pointer (&stem), GUINT_TO_POINTER (1));
        }
    }
}

static int
tokenizer_create (void            *user_data,
                  const char     **args,
                  int              n_args,
                  Fts5Tokenizer  **out)
{
  Tokenizer *tokenizer = g_new0 (Tokenizer, 1);

  /* The stemmer is per thread (helder-library-text.c) */
  tokenizer->forms = GPOINTER_TO_INT (user_data);
  *out = (Fts5Tokenizer *) tokenizer;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  g_free (tokenizer);
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*token) (void *, int, const char *, int, int, int))
{
  Tokenize t = { ctx, token, flags, ((Tokenizer *) tokenizer)->forms, g_private_get (&thread_collector), SQLITE_OK };

  helder_library_foreach_word (text, n_text, on_word, &t);
  return t.rc;
}

/* Ranking: BM25 over the columns with weights (BM25F), title hits first.
 *
 * FTS5's own bm25() reads each row's length from its docsize table, a
 * b-tree lookup per matching row that made four fifths of a search's
 * time; here the lengths come from the index's memory (the word count
 * the tokenizer made), and the phrases' document frequencies from the
 * search, once per query.  The value is the score (higher is better),
 * plus TITLE_BONUS when every phrase is in the title. */

static const double column_weights[] = { 10.0, 4.0, 1.0, 6.0 };  /* title, summary, body, tags */

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  HelderLibraryRank *rank = api->xUserData (fts);
  int n_phrases = api->xPhraseCount (fts);
  gint64 rowid = api->xRowid (fts);
  HelderLibraryDoc *doc = helder_library_doc_at (rank->by_rowid, rowid);
  double length = doc != NULL && doc->length > 0 ? doc->length : rank->average_length;
  double norm = 1.2 * (0.25 + 0.75 * length / MAX (rank->average_length, 1.0));
  gboolean all_in_title = n_phrases > 0;
  guint32 body = 0;
  double score = 0;

  for (int p = 0; p < n_phrases; p++)
    {
      Fts5PhraseIter iter;
      int column, offset;
      double tf = 0;
      gboolean in_title = FALSE;

      for (api->xPhraseFirst (fts, p, &iter, &column, &offset); column >= 0;
           api->xPhraseNext (fts, &iter, &column, &offset))
        {
          tf += column < (int) G_N_ELEMENTS (column_weights) ? column_weights[column] : 1.0;
          in_title |= column == 0;
          if (column == 2)
            body |= 1u << MIN (p, 31);
        }
      all_in_title &= in_title;
      score += (p < (int) rank->n_idf ? rank->idf[p] : 1.0) * tf * 2.2 / (tf + norm);
    }
  rank->body = body;
  sqlite3_result_double (context, score + (all_in_title ? HELDER_LIBRARY_TITLE_BONUS : 0));
}

/* In which columns (a bit each) the first phrase is: for the head table. */
static void
columns_function (const Fts5ExtensionApi  *api,
                  Fts5Context             *fts,
                  sqlite3_context         *context,
                  int                      n_values,
                  sqlite3_value          **values)
{
  Fts5PhraseIter iter;
  int column, mask = 0;

  for (api->xPhraseFirstColumn (fts, 0, &iter, &column); column >= 0;
       api->xPhraseNextColumn (fts, &iter, &column))
    mask |= 1 << column;
  sqlite3_result_int (context, mask);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * helder_library_fts_register:
 * @rank: (nullable): what helder_rank() reads; owned by the caller, alive
 *   as long as @db
 */
gboolean
helder_library_fts_register (sqlite3            *db,
                             HelderLibraryRank  *rank,
                             GError            **error)
{
  static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL ||
      api->xCreateTokenizer (api, "helder_dutch", GINT_TO_POINTER (FALSE), &tokenizer, NULL) != SQLITE_OK ||
      api->xCreateTokenizer (api, "helder_dutch_forms", GINT_TO_POINTER (TRUE), &tokenizer, NULL) != SQLITE_OK ||
      (rank != NULL && api->xCreateFunction (api, "helder_rank", rank, rank_function, NULL) != SQLITE_OK) ||
      api->xCreateFunction (api, "helder_columns", NULL, columns_function, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, HELDER_LIBRARY_INDEX_ERROR, HELDER_LIBRARY_INDEX_ERROR_FAILED,
                           "SQLite has no FTS5");
      return FALSE;
    }
  return TRUE;
}
