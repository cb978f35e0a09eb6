/* helder-library-index-private.h: what the index's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "helder-library-index.h"

G_BEGIN_DECLS

/* Registers the "helder_dutch" FTS5 tokenizer on @db: documents give each
 * word's stem, and its folded form beside it (colocated) when that
 * differs, so a prefix while typing ("vergunni*") matches what was
 * written; a query word gives its stem, a prefix word its folded form;
 * auxiliary functions (snippet, highlight) get one token per word, the
 * positions the index has, without the cost of stemming. */
gboolean   helder_library_fts_register  (sqlite3     *db,
                                         GError     **error);

/* What the index keeps of a document in memory, for filters and hits. */
typedef struct
{
  gint64  rowid;
  char   *id;
  char   *title;
  char   *summary;
  char   *category;
  char   *owner;
  char   *next_review;
  GStrv   tags;
  GStrv   channels;
  GStrv   priorities;
  GStrv   document_kinds;
} HelderLibraryDoc;

void       helder_library_doc_free      (HelderLibraryDoc *doc);

/* The index's file and what it has in memory (helder-library-index-build.c):
 * made and caught up on any thread, then handed to the index object. */
typedef struct
{
  char         *path;
  sqlite3      *db;
  GHashTable   *docs;     /* gint64 rowid → HelderLibraryDoc */
  GHashTable   *by_id;    /* id → HelderLibraryDoc (in docs) */
  gboolean      rebuilt;  /* made anew rather than caught up */
  int           last_rc;  /* of the last failed write */
  sqlite3_stmt *insert_doc, *delete_doc, *insert_fts, *delete_fts;
  sqlite3_stmt *store_row;
} HelderLibraryWriter;

HelderLibraryWriter *helder_library_writer_run       (const char           *path,
                                                      sqlite3              *store_db,
                                                      GError              **error);
gboolean             helder_library_writer_index_ids (HelderLibraryWriter  *writer,
                                                      sqlite3              *store_db,
                                                      const char * const   *ids,
                                                      GError              **error);
void                 helder_library_writer_free      (HelderLibraryWriter  *writer);
gboolean             helder_library_sql_error        (sqlite3              *db,
                                                      int                   rc,
                                                      GError              **error);

sqlite3   *helder_library_index_get_db  (HelderLibraryIndex *self);
/* rowid → HelderLibraryDoc */
GHashTable *helder_library_index_get_docs (HelderLibraryIndex *self);

/* The FTS5 MATCH expression for @query's words (NULL when it has none);
 * @column: NULL, or the one column to match ("title"). */
char      *helder_library_query_to_match (HelderLibraryQuery *query,
                                          const char         *column);
gboolean   helder_library_query_passes   (HelderLibraryQuery *query,
                                          HelderLibraryDoc   *doc);
guint      helder_library_query_get_limit (HelderLibraryQuery *query);
/* The folded words (the last one a prefix when prefix_last) */
GPtrArray *helder_library_query_get_words (HelderLibraryQuery *query);
gboolean   helder_library_query_get_prefix_last (HelderLibraryQuery *query);

G_END_DECLS
