/* helder-library-index.h: the Bibliotheek's search ("Zoeken"): SQLite FTS5 beside the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "library/helder-library-text.h"
#include "store/helder-store.h"

G_BEGIN_DECLS

/* The index is a file of its own beside the store (helder.db →
 * helder-search.db): a cache of the toolkit records, never synchronised.
 * It is made again when it is missing, damaged or of another format; at
 * open it catches up with what the store changed while it was closed
 * (records whose version or updated_at differ), and afterwards it follows
 * the store's records-changed signal record by record.  Words are folded
 * (diacritics off) and stemmed with libstemmer's Dutch stemmer by an FTS5
 * tokenizer of its own ("helder_dutch"); ranking is bm25 with title hits
 * first. */

#define HELDER_TYPE_LIBRARY_INDEX (helder_library_index_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryIndex, helder_library_index, HELDER, LIBRARY_INDEX, GObject)

#define HELDER_LIBRARY_INDEX_ERROR (helder_library_index_error_quark ())

typedef enum
{
  HELDER_LIBRARY_INDEX_ERROR_FAILED,  /* SQLite said no; the message says why */
} HelderLibraryIndexError;

GQuark              helder_library_index_error_quark (void);

/* The index file that belongs to @store; %NULL for a store in memory
 * (its index is then in memory too). */
char               *helder_library_index_path_for    (HelderStore         *store);

/* Opens (or builds) the index of @store at @path (%NULL: the one of
 * helder_library_index_path_for).  Synchronous: a full build of 10,000
 * documents takes seconds, so the GUI uses the _async variant, which
 * builds in a worker thread on its own connections. */
HelderLibraryIndex *helder_library_index_open        (HelderStore         *store,
                                                      const char          *path,
                                                      GError             **error);
void                helder_library_index_open_async  (HelderStore         *store,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
HelderLibraryIndex *helder_library_index_open_finish (GAsyncResult        *result,
                                                      GError             **error);

HelderStore        *helder_library_index_get_store   (HelderLibraryIndex  *self);
const char         *helder_library_index_get_path    (HelderLibraryIndex  *self);
guint               helder_library_index_get_n_documents (HelderLibraryIndex *self);
/* Whether opening made the index anew (it was missing or damaged) rather
 * than catching up. */
gboolean            helder_library_index_was_rebuilt (HelderLibraryIndex  *self);

/* Throws the index away and builds it again from the store. */
gboolean            helder_library_index_rebuild     (HelderLibraryIndex  *self,
                                                      GError             **error);

/* Signal "changed" (ids: strv): the index took these toolkit records in
 * (saved, pulled or deleted); a results list runs its query again. */

/* What is searched for: the words typed, and filters.  The last word is
 * matched as a prefix while typing (prefix_last), so "vergun" finds
 * "vergunning". */
typedef struct _HelderLibraryQuery HelderLibraryQuery;

#define HELDER_TYPE_LIBRARY_QUERY (helder_library_query_get_type ())
GType               helder_library_query_get_type    (void) G_GNUC_CONST;

HelderLibraryQuery *helder_library_query_new         (const char          *text,
                                                      gboolean             prefix_last);
HelderLibraryQuery *helder_library_query_ref         (HelderLibraryQuery  *self);
void                helder_library_query_unref       (HelderLibraryQuery  *self);
const char         *helder_library_query_get_text    (HelderLibraryQuery  *self);
/* No words: the search lists every document that passes the filters,
 * by title. */
gboolean            helder_library_query_is_empty    (HelderLibraryQuery  *self);

/* Filters: @field is "category", "owner", "tags", "channels",
 * "priorities" or "document_kinds".  Several values of one field: any of
 * them; several fields: all of them. */
void                helder_library_query_add_filter  (HelderLibraryQuery  *self,
                                                      const char          *field,
                                                      const char          *value);
void                helder_library_query_clear_filters (HelderLibraryQuery *self);
/* How many hits the Bibliotheek page asks for at each keystroke (and the
 * benchmark with it) */
#define HELDER_LIBRARY_PAGE_RESULTS 50
/* At most this many hits (default 50). */
void                helder_library_query_set_limit   (HelderLibraryQuery  *self,
                                                      guint                limit);

/* Where the query's words are in @text (stemmed and folded like the index:
 * "meldingen" marks "melding" and "Meldingen"; the prefix word marks the
 * words it begins).  For the opened document: the GUI calls it on the
 * rendered text (helder_markdown_document_get_text), whose character
 * offsets its spans carry.  Returns: (transfer full): HelderLibraryRange,
 * in order, not overlapping. */
GArray             *helder_library_query_match_ranges (HelderLibraryQuery *self,
                                                       const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLibraryQuery, helder_library_query_unref)

/* One document found.  Read-only; owned by its HelderLibraryResults. */
typedef struct
{
  char     *id;            /* the toolkit record */
  char     *title;
  GArray   *title_ranges;  /* HelderLibraryRange: the matches in @title */
  char     *snippet;       /* a passage of the body around the matches (or
                            * the summary), "…" where it was cut */
  GArray   *snippet_ranges;/* HelderLibraryRange: the matches in @snippet */
  char     *summary;
  char     *category;
  char     *owner;
  char     *next_review;   /* YYYY-MM-DD or NULL */
  gboolean  title_hit;     /* every word of the query is in the title */
  double    score;         /* bm25 with the column weights; lower is better */
} HelderLibraryHit;

typedef struct _HelderLibraryResults HelderLibraryResults;

#define HELDER_TYPE_LIBRARY_RESULTS (helder_library_results_get_type ())
GType               helder_library_results_get_type  (void) G_GNUC_CONST;

/* Title hits first, then by bm25 (title weighed more than the summary and
 * tags, and those more than the body). */
HelderLibraryResults *helder_library_index_search    (HelderLibraryIndex  *self,
                                                      HelderLibraryQuery  *query,
                                                      GError             **error);

HelderLibraryResults *helder_library_results_ref     (HelderLibraryResults *self);
void                helder_library_results_unref     (HelderLibraryResults *self);
guint               helder_library_results_get_n_hits (HelderLibraryResults *self);
const HelderLibraryHit *helder_library_results_get_hit (HelderLibraryResults *self,
                                                        guint                 index);
/* All documents that match (the hits are the first of them, up to the
 * limit). */
guint               helder_library_results_get_total (HelderLibraryResults *self);
/* When a word of the query is in no document: the query with each such
 * word replaced by the nearest indexed word ("Bedoelde u …?"), or %NULL.
 * Worked out when first asked for (a look through the vocabulary, some
 * milliseconds), on the thread of the search. */
const char         *helder_library_results_get_suggestion (HelderLibraryResults *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLibraryResults, helder_library_results_unref)

/* The indexed word nearest to @word (edit distance over the index's
 * vocabulary, at most 2 for words of 5 letters or more, 1 for shorter;
 * ties go to the word indexed more often), in lower case as a document
 * writes it ("coördinatie"), or %NULL when none is near or @word itself
 * is indexed.  Stems are compared, so "gemeentn" finds "gemeenten". */
char               *helder_library_index_suggest     (HelderLibraryIndex  *self,
                                                      const char          *word);

G_END_DECLS
