/* helder-library-fts.c: the FTS5 tokenizer of the library's search
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>

#include "helder-library-index-private.h"

typedef struct
{
  void  *ctx;
  int  (*token) (void *ctx, int tflags, const char *token, int n_token, int start, int end);
  int    flags;
  int    rc;
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
  if (t->flags & FTS5_TOKENIZE_AUX)
    {
      t->rc = t->token (t->ctx, 0, folded, strlen (folded), start, end);
      return;
    }
  if ((t->flags & FTS5_TOKENIZE_QUERY) && (t->flags & FTS5_TOKENIZE_PREFIX))
    {
      t->rc = t->token (t->ctx, 0, folded, strlen (folded), start, end);
      return;
    }
  stem = helder_library_stem (folded);
  t->rc = t->token (t->ctx, 0, stem, strlen (stem), start, end);
  if (t->rc == SQLITE_OK && (t->flags & FTS5_TOKENIZE_DOCUMENT) && strcmp (stem, folded) != 0)
    t->rc = t->token (t->ctx, FTS5_TOKEN_COLOCATED, folded, strlen (folded), start, end);
}

static int
tokenizer_create (void            *user_data,
                  const char     **args,
                  int              n_args,
                  Fts5Tokenizer  **out)
{
  /* No state: the stemmer is per thread (helder-library-text.c) */
  *out = (Fts5Tokenizer *) g_malloc0 (1);
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
  Tokenize t = { ctx, token, flags, SQLITE_OK };

  helder_library_foreach_word (text, n_text, on_word, &t);
  return t.rc;
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

gboolean
helder_library_fts_register (sqlite3  *db,
                             GError  **error)
{
  static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL ||
      api->xCreateTokenizer (api, "helder_dutch", NULL, &tokenizer, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, HELDER_LIBRARY_INDEX_ERROR, HELDER_LIBRARY_INDEX_ERROR_FAILED,
                           "SQLite has no FTS5");
      return FALSE;
    }
  return TRUE;
}
