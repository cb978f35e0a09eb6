/* helder-library-index-private.h: what the index's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "helder-library-index.h"

#define HELDER_LIBRARY_SNIPPET_WORDS 24

G_BEGIN_DECLS

/* What the ranking function (helder_rank, helder-library-fts.c) reads:
 * set by the search before it steps a query. */
#define HELDER_LIBRARY_TITLE_BONUS 1e6

typedef struct
{
  GPtrArray  *by_rowid;        /* rowid → HelderLibraryDoc, for lengths */
  double      average_length;
  double     *idf;             /* per phrase of the query */
  guint       n_idf;
  guint32     body;            /* of the row last ranked: its phrases in
                                * the body, a bit each (the 32nd for the
                                * rest) */
} HelderLibraryRank;

/* Registers the tokenizers "helder_dutch" and "helder_dutch_forms" and
 * the functions helder_rank() and helder_columns() on @db. */
gboolean   helder_library_fts_register  (sqlite3            *db,
                                         HelderLibraryRank  *rank,
                                         GError            **error);
/* On this thread, from now: count the words of each document row the
 * main table's tokenizer sees, and its stems into @vocabulary (nullable;
 * stem → count). */
void       helder_library_fts_collect   (GHashTable         *vocabulary);
/* The words counted since the last call */
guint      helder_library_fts_take_words (void);

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
  guint   length;     /* words in all its columns */
} HelderLibraryDoc;

void       helder_library_doc_free      (HelderLibraryDoc *doc);

typedef struct
{
  gint64 rowid;
  double score;   /* helder_rank(), the title bonus included */
  guint32 body;   /* HelderLibraryRank.body */
} HelderLibraryRanked;

/* The index's file and what it has in memory (helder-library-index-build.c):
 * made and caught up on any thread, then handed to the index object. */
typedef struct
{
  char         *path;
  sqlite3      *db;
  GHashTable   *docs;     /* gint64 rowid → HelderLibraryDoc */
  GHashTable   *by_id;    /* id → HelderLibraryDoc (in docs) */
  GPtrArray    *by_rowid; /* rowid → HelderLibraryDoc (in docs) or NULL */
  gboolean      rebuilt;  /* made anew rather than caught up */
  int           last_rc;  /* of the last failed write */
  guint64       total_length;
  HelderLibraryRank rank;
  sqlite3_stmt *insert_doc, *delete_doc, *insert_fts, *delete_fts;
  sqlite3_stmt *insert_head, *delete_head, *add_term;
  sqlite3_stmt *store_row;
  GHashTable   *df_cache;  /* stem → documents with it; emptied on change */
  GHashTable   *pending_vocabulary; /* stems indexed, not yet in vocab */
  /* The last ranking of the complete words (while the next word is typed
   * they stay the same): its MATCH and rows (HelderLibraryRanked) */
  char         *ranked_match;
  GArray       *ranked;
} HelderLibraryWriter;

static inline HelderLibraryDoc *
helder_library_doc_at (GPtrArray *by_rowid,
                       gint64     rowid)
{
  return rowid >= 0 && rowid < (gint64) by_rowid->len ? by_rowid->pdata[rowid] : NULL;
}

HelderLibraryWriter *helder_library_writer_run       (const char           *path,
                                                      sqlite3              *store_db,
                                                      GError              **error);
gboolean             helder_library_writer_index_ids (HelderLibraryWriter  *writer,
                                                      sqlite3              *store_db,
                                                      const char * const   *ids,
                                                      GError              **error);
gboolean             helder_library_writer_flush_vocabulary (HelderLibraryWriter *writer,
                                                             GError             **error);
void                 helder_library_writer_free      (HelderLibraryWriter  *writer);
gboolean             helder_library_sql_error        (sqlite3              *db,
                                                      int                   rc,
                                                      GError              **error);

HelderLibraryWriter *helder_library_index_get_writer (HelderLibraryIndex *self);


/* A query's words (helder-library-search.c) */
typedef struct
{
  char  *folded;
  char  *stem;
  gsize  start;   /* bytes into the query's text */
  gsize  end;
  gsize  kept;    /* bytes of the stem any word with it begins with */
} Word;

struct _HelderLibraryQuery
{
  gatomicrefcount  ref;
  char            *text;
  gboolean         prefix_last;  /* and the text ends in that word */
  GArray          *words;        /* Word */
  GHashTable      *filters;      /* field → GPtrArray of values */
  guint            limit;
  /* For matching words in texts (helder-library-match.c): the first
   * bytes a matching word can begin with, a bit each */
  guint8           first_bytes[32];
  GArray          *scratch;      /* the tokens of a snippet, reused */
};


/* Matching words in a text (helder-library-match.c) */
const Word *helder_library_query_last_word (HelderLibraryQuery  *q);
char       *helder_library_make_snippet    (HelderLibraryQuery  *q,
                                            const char          *text,
                                            guint32              in_text,
                                            GArray             **ranges);

G_END_DECLS
