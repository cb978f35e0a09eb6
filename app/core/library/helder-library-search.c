/* helder-library-search.c: queries, ranked hits with their matches marked, suggestions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <string.h>

#include "helder-library-index-private.h"

/* A search is two FTS5 queries and a look at each hit:
 *  1. the ids whose title has every word ("title : (…)"): a set;
 *  2. every match in bm25 order (the rank the index was made with),
 *     filtered in memory (the index keeps each document's category,
 *     owner and lists) and counted; title hits go first, the rest after;
 *  3. for the hits shown: the title highlighted and a snippet of the
 *     body, with marker bytes that become character ranges.
 * A word while typing matches as a prefix of what was written and as its
 * stem ("vergunn" finds "vergunningen"); a word of one letter only whole. */

#define DEFAULT_LIMIT 50
#define OPEN_MARK     "\x02"
#define CLOSE_MARK    "\x03"
#define SNIPPET_WORDS 24

typedef struct
{
  char  *folded;
  char  *stem;
  gsize  start;   /* bytes into the query's text */
  gsize  end;
} Word;

struct _HelderLibraryQuery
{
  gatomicrefcount  ref;
  char            *text;
  gboolean         prefix_last;  /* and the text ends in that word */
  GArray          *words;        /* Word */
  GHashTable      *filters;      /* field → GPtrArray of values */
  guint            limit;
};

G_DEFINE_BOXED_TYPE (HelderLibraryQuery, helder_library_query, helder_library_query_ref, helder_library_query_unref)

struct _HelderLibraryResults
{
  gatomicrefcount  ref;
  GArray          *hits;       /* HelderLibraryHit */
  guint            total;
  char            *suggestion;
};

G_DEFINE_BOXED_TYPE (HelderLibraryResults, helder_library_results, helder_library_results_ref, helder_library_results_unref)

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_free (word->folded);
  g_free (word->stem);
}

static void
collect_word (const char *folded,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  Word word = { g_strdup (folded), helder_library_stem (folded), start, end };

  g_array_append_val (user_data, word);
}

/**
 * helder_library_query_new:
 * @text: what was typed
 * @prefix_last: the last word is still being typed: match it as a prefix
 *   (only when @text ends in it, and it has two letters or more)
 */
HelderLibraryQuery *
helder_library_query_new (const char *text,
                          gboolean    prefix_last)
{
  HelderLibraryQuery *self = g_new0 (HelderLibraryQuery, 1);

  g_atomic_ref_count_init (&self->ref);
  self->text = g_strdup (text != NULL ? text : "");
  self->words = g_array_new (FALSE, TRUE, sizeof (Word));
  g_array_set_clear_func (self->words, word_clear);
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->limit = DEFAULT_LIMIT;
  helder_library_foreach_word (self->text, -1, collect_word, self->words);
  if (prefix_last && self->words->len > 0)
    {
      Word *last = &g_array_index (self->words, Word, self->words->len - 1);

      self->prefix_last = last->end == strlen (self->text) && g_utf8_strlen (last->folded, -1) >= 2;
    }
  return self;
}

HelderLibraryQuery *
helder_library_query_ref (HelderLibraryQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
helder_library_query_unref (HelderLibraryQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->text);
  g_array_unref (self->words);
  g_hash_table_unref (self->filters);
  g_free (self);
}

const char *
helder_library_query_get_text (HelderLibraryQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gboolean
helder_library_query_is_empty (HelderLibraryQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->words->len == 0;
}

void
helder_library_query_add_filter (HelderLibraryQuery *self,
                                 const char         *field,
                                 const char         *value)
{
  static const char *fields[] = { "category", "owner", "tags", "channels", "priorities", "document_kinds" };
  GPtrArray *values;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL && value != NULL);
  g_return_if_fail (g_strv_contains (fields, field));

  values = g_hash_table_lookup (self->filters, field);
  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->filters, g_strdup (field), values);
    }
  if (!g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
    g_ptr_array_add (values, g_strdup (value));
}

void
helder_library_query_clear_filters (HelderLibraryQuery *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->filters);
}

void
helder_library_query_set_limit (HelderLibraryQuery *self,
                                guint               limit)
{
  g_return_if_fail (self != NULL);

  self->limit = MAX (limit, 1);
}

guint
helder_library_query_get_limit (HelderLibraryQuery *self)
{
  return self->limit;
}

gboolean
helder_library_query_get_prefix_last (HelderLibraryQuery *self)
{
  return self->prefix_last;
}

static gboolean
value_passes (const char *value,
              GPtrArray  *wanted)
{
  return value != NULL && g_ptr_array_find_with_equal_func (wanted, value, g_str_equal, NULL);
}

static gboolean
list_passes (GStrv      list,
             GPtrArray *wanted)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (value_passes (list[i], wanted))
      return TRUE;
  return FALSE;
}

gboolean
helder_library_query_passes (HelderLibraryQuery *self,
                             HelderLibraryDoc   *doc)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = key;
      gboolean passes;

      if (g_str_equal (field, "category"))
        passes = value_passes (doc->category, value);
      else if (g_str_equal (field, "owner"))
        passes = value_passes (doc->owner, value);
      else if (g_str_equal (field, "tags"))
        passes = list_passes (doc->tags, value);
      else if (g_str_equal (field, "channels"))
        passes = list_passes (doc->channels, value);
      else if (g_str_equal (field, "priorities"))
        passes = list_passes (doc->priorities, value);
      else
        passes = list_passes (doc->document_kinds, value);
      if (!passes)
        return FALSE;
    }
  return TRUE;
}

/* One word as FTS5 query syntax: folded words have letters and digits only,
 * so they are safe in double quotes. */
static void
append_word (GString    *match,
             const Word *word,
             gboolean    prefix)
{
  if (prefix)
    g_string_append_printf (match, "(\"%s\" OR \"%s\"*)", word->folded, word->folded);
  else
    g_string_append_printf (match, "\"%s\"", word->folded);
}

char *
helder_library_query_to_match (HelderLibraryQuery *self,
                               const char         *column)
{
  GString *match;

  if (self->words->len == 0)
    return NULL;
  match = g_string_new (NULL);
  if (column != NULL)
    g_string_append_printf (match, "%s : (", column);
  for (guint i = 0; i < self->words->len; i++)
    {
      if (i > 0)
        g_string_append (match, " AND ");
      append_word (match, &g_array_index (self->words, Word, i),
                   self->prefix_last && i == self->words->len - 1);
    }
  if (column != NULL)
    g_string_append_c (match, ')');
  return g_string_free (match, FALSE);
}

/* Match ranges */

typedef struct
{
  HelderLibraryQuery *query;
  const char         *text;
  const char         *at;       /* where offset counts from */
  guint               offset;   /* characters up to @at */
  GArray             *ranges;
} Marking;

static guint
char_offset (Marking *m,
             gsize    byte)
{
  const char *to = m->text + byte;

  m->offset += g_utf8_strlen (m->at, to - m->at);
  m->at = to;
  return m->offset;
}

static void
mark_word (const char *folded,
           gsize       start,
           gsize       end,
           gpointer    user_data)
{
  Marking *m = user_data;
  HelderLibraryQuery *q = m->query;
  g_autofree char *stem = NULL;
  gboolean hit = FALSE;

  if (q->prefix_last)
    hit = g_str_has_prefix (folded, g_array_index (q->words, Word, q->words->len - 1).folded);
  if (!hit)
    {
      stem = helder_library_stem (folded);
      for (guint i = 0; i < q->words->len && !hit; i++)
        hit = g_str_equal (stem, g_array_index (q->words, Word, i).stem);
    }
  if (hit)
    {
      HelderLibraryRange range;

      range.start = char_offset (m, start);
      range.end = char_offset (m, end);
      g_array_append_val (m->ranges, range);
    }
}

GArray *
helder_library_query_match_ranges (HelderLibraryQuery *self,
                                   const char         *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
  Marking m = { self, text, text, 0, ranges };

  g_return_val_if_fail (self != NULL, ranges);

  if (text != NULL && self->words->len > 0)
    helder_library_foreach_word (text, -1, mark_word, &m);
  return ranges;
}

/* Results */

static void
hit_clear (gpointer data)
{
  HelderLibraryHit *hit = data;

  g_free (hit->id);
  g_free (hit->title);
  g_clear_pointer (&hit->title_ranges, g_array_unref);
  g_free (hit->snippet);
  g_clear_pointer (&hit->snippet_ranges, g_array_unref);
  g_free (hit->summary);
  g_free (hit->category);
  g_free (hit->owner);
  g_free (hit->next_review);
}

static HelderLibraryResults *
results_new (void)
{
  HelderLibraryResults *self = g_new0 (HelderLibraryResults, 1);

  g_atomic_ref_count_init (&self->ref);
  self->hits = g_array_new (FALSE, TRUE, sizeof (HelderLibraryHit));
  g_array_set_clear_func (self->hits, hit_clear);
  return self;
}

HelderLibraryResults *
helder_library_results_ref (HelderLibraryResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
helder_library_results_unref (HelderLibraryResults *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->hits);
  g_free (self->suggestion);
  g_free (self);
}

guint
helder_library_results_get_n_hits (HelderLibraryResults *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->hits->len;
}

const HelderLibraryHit *
helder_library_results_get_hit (HelderLibraryResults *self,
                                guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->hits->len, NULL);

  return &g_array_index (self->hits, HelderLibraryHit, index);
}

guint
helder_library_results_get_total (HelderLibraryResults *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

const char *
helder_library_results_get_suggestion (HelderLibraryResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->suggestion;
}

/* Text with marker bytes → clean text and the marked character ranges. */
static char *
unmark (const char  *marked,
        GArray     **ranges_out)
{
  GString *clean = g_string_new (NULL);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
  HelderLibraryRange range = { 0, 0 };
  guint chars = 0;

  for (const char *p = marked != NULL ? marked : ""; *p; p = g_utf8_next_char (p))
    {
      if (*p == OPEN_MARK[0])
        range.start = chars;
      else if (*p == CLOSE_MARK[0])
        {
          range.end = chars;
          if (range.end > range.start)
            g_array_append_val (ranges, range);
        }
      else
        {
          g_string_append_len (clean, p, g_utf8_next_char (p) - p);
          chars++;
        }
    }
  *ranges_out = ranges;
  return g_string_free (clean, FALSE);
}

static HelderLibraryHit
hit_from_doc (HelderLibraryDoc *doc,
              gboolean          title_hit,
              double            score)
{
  HelderLibraryHit hit = { 0, };

  hit.id = g_strdup (doc->id);
  hit.title = g_strdup (doc->title != NULL ? doc->title : "");
  hit.summary = g_strdup (doc->summary);
  hit.category = g_strdup (doc->category);
  hit.owner = g_strdup (doc->owner);
  hit.next_review = g_strdup (doc->next_review);
  hit.title_hit = title_hit;
  hit.score = score;
  return hit;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  HelderLibraryDoc *da = *(HelderLibraryDoc **) a;
  HelderLibraryDoc *db = *(HelderLibraryDoc **) b;
  int order = g_utf8_collate (da->title != NULL ? da->title : "", db->title != NULL ? db->title : "");

  return order != 0 ? order : g_strcmp0 (da->id, db->id);
}

/* No words: every document that passes the filters, by title. */
static HelderLibraryResults *
list_all (HelderLibraryIndex *index,
          HelderLibraryQuery *query)
{
  HelderLibraryResults *results = results_new ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, helder_library_index_get_docs (index));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (helder_library_query_passes (query, value))
      g_ptr_array_add (docs, value);
  g_ptr_array_sort (docs, compare_titles);
  results->total = docs->len;
  for (guint i = 0; i < docs->len && i < query->limit; i++)
    {
      HelderLibraryDoc *doc = docs->pdata[i];
      HelderLibraryHit hit = hit_from_doc (doc, FALSE, 0);

      hit.title_ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      hit.snippet = g_strdup (doc->summary != NULL ? doc->summary : "");
      hit.snippet_ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      g_array_append_val (results->hits, hit);
    }
  return results;
}

static gboolean
step_error (sqlite3  *db,
            int       rc,
            GError  **error)
{
  return rc == SQLITE_DONE || rc == SQLITE_ROW || helder_library_sql_error (db, rc, error);
}

/* The title highlighted and a snippet, for one hit */
static gboolean
mark_hit (sqlite3           *db,
          sqlite3_stmt      *stmt,
          HelderLibraryHit  *hit,
          gint64             rowid,
          GError           **error)
{
  g_autoptr(GArray) body_ranges = NULL;
  g_autoptr(GArray) summary_ranges = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 2, rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hit->title_ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      hit->snippet = g_strdup (hit->summary != NULL ? hit->summary : "");
      hit->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      return step_error (db, rc, error);
    }
  g_free (hit->title);
  hit->title = unmark ((const char *) sqlite3_column_text (stmt, 0), &hit->title_ranges);
  body = unmark ((const char *) sqlite3_column_text (stmt, 1), &body_ranges);
  summary = unmark ((const char *) sqlite3_column_text (stmt, 2), &summary_ranges);
  /* The body where it matches; else the summary; else the body's start */
  if (body_ranges->len > 0 || (summary_ranges->len == 0 && *summary == '\0'))
    {
      hit->snippet = g_steal_pointer (&body);
      hit->snippet_ranges = g_steal_pointer (&body_ranges);
    }
  else
    {
      hit->snippet = g_steal_pointer (&summary);
      hit->snippet_ranges = g_steal_pointer (&summary_ranges);
    }
  return TRUE;
}

static gboolean
has_match (sqlite3    *db,
           const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Each word in no document replaced by the nearest one that is. */
static char *
suggest_query (HelderLibraryIndex *index,
               HelderLibraryQuery *query)
{
  sqlite3 *db = helder_library_index_get_db (index);
  GString *text = g_string_new (NULL);
  gsize done = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < query->words->len; i++)
    {
      Word *word = &g_array_index (query->words, Word, i);
      g_autoptr(GString) one = g_string_new (NULL);
      g_autofree char *better = NULL;

      append_word (one, word, query->prefix_last && i == query->words->len - 1);
      if (has_match (db, one->str) || (better = helder_library_index_suggest (index, word->folded)) == NULL)
        continue;
      g_string_append_len (text, query->text + done, word->start - done);
      g_string_append (text, better);
      done = word->end;
      changed = TRUE;
    }
  g_string_append (text, query->text + done);
  if (!changed)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

HelderLibraryResults *
helder_library_index_search (HelderLibraryIndex  *self,
                             HelderLibraryQuery  *query,
                             GError             **error)
{
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(GHashTable) in_title = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) others = g_array_new (FALSE, TRUE, sizeof (HelderLibraryHit));
  g_autoptr(GArray) title_rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) other_rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  g_autofree char *title_match = NULL;
  GHashTable *docs;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->words->len == 0)
    return list_all (self, query);

  db = helder_library_index_get_db (self);
  docs = helder_library_index_get_docs (self);
  results = results_new ();
  g_array_set_clear_func (others, hit_clear);
  match = helder_library_query_to_match (query, NULL);
  title_match = helder_library_query_to_match (query, "title");

  /* 1. Title hits */
  if ((rc = sqlite3_prepare_v2 (db, "SELECT rowid FROM fts WHERE fts MATCH ?", -1, &stmt, NULL)) != SQLITE_OK)
    return helder_library_sql_error (db, rc, error), NULL;
  sqlite3_bind_text (stmt, 1, title_match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *rowid = g_new (gint64, 1);

      *rowid = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (in_title, rowid);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!step_error (db, rc, error))
    return NULL;

  /* 2. Every match, best first */
  if ((rc = sqlite3_prepare_v2 (db, "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank",
                                -1, &stmt, NULL)) != SQLITE_OK)
    return helder_library_sql_error (db, rc, error), NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      HelderLibraryDoc *doc = g_hash_table_lookup (docs, &rowid);
      gboolean title_hit = g_hash_table_contains (in_title, &rowid);
      HelderLibraryHit hit;

      if (doc == NULL || !helder_library_query_passes (query, doc))
        continue;
      results->total++;
      if ((title_hit ? results->hits->len : others->len) >= query->limit)
        continue;
      hit = hit_from_doc (doc, title_hit, sqlite3_column_double (stmt, 1));
      g_array_append_val (title_hit ? results->hits : others, hit);
      g_array_append_val (title_hit ? title_rowids : other_rowids, rowid);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!step_error (db, rc, error))
    return NULL;
  for (guint i = 0; i < others->len && results->hits->len < query->limit; i++)
    {
      g_array_append_val (results->hits, g_array_index (others, HelderLibraryHit, i));
      g_array_append_val (title_rowids, g_array_index (other_rowids, gint64, i));
      memset (&g_array_index (others, HelderLibraryHit, i), 0, sizeof (HelderLibraryHit));
    }

  /* 3. What matched, marked */
  if ((rc = sqlite3_prepare_v2 (db,
                                "SELECT highlight (fts, 0, '" OPEN_MARK "', '" CLOSE_MARK "'), "
                                "snippet (fts, 2, '" OPEN_MARK "', '" CLOSE_MARK "', '…', " G_STRINGIFY (SNIPPET_WORDS) "), "
                                "highlight (fts, 1, '" OPEN_MARK "', '" CLOSE_MARK "') "
                                "FROM fts WHERE fts MATCH ?1 AND rowid = ?2", -1, &stmt, NULL)) != SQLITE_OK)
    return helder_library_sql_error (db, rc, error), NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  for (guint i = 0; i < results->hits->len; i++)
    if (!mark_hit (db, stmt, &g_array_index (results->hits, HelderLibraryHit, i),
                   g_array_index (title_rowids, gint64, i), error))
      {
        sqlite3_finalize (stmt);
        return NULL;
      }
  sqlite3_finalize (stmt);

  if (results->total == 0)
    results->suggestion = suggest_query (self, query);
  return g_steal_pointer (&results);
}

/* Suggestions */

static gboolean
has_digit (const char *text)
{
  return strpbrk (text, "0123456789") != NULL;
}

char *
helder_library_index_suggest (HelderLibraryIndex *self,
                              const char         *word)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean best_is_form = FALSE;
  gint64 best_docs = 0;
  glong length;
  guint max;

  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  folded = helder_library_fold (word, -1);
  length = g_utf8_strlen (folded, -1);
  if (length < 3 || has_digit (folded))
    return NULL;
  max = length >= 5 ? 2 : 1;
  db = helder_library_index_get_db (self);
  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab (main, fts, row)",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT term, doc FROM temp.fts_vocab WHERE length (term) BETWEEN ? AND ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("No vocabulary for suggestions: %s", sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, length - max);
  sqlite3_bind_int (stmt, 2, length + max);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n_docs = sqlite3_column_int64 (stmt, 1);
      guint distance;
      gboolean is_form, better;

      if (term == NULL || has_digit (term))
        continue;
      if (g_str_equal (term, folded))
        {
          g_clear_pointer (&best, g_free);
          break;
        }
      distance = helder_library_edit_distance (folded, term, MIN (max, best_distance));
      if (distance > max || distance > best_distance)
        continue;
      /* A word as written beats a bare stem ("gemeent") at one distance */
      {
        g_autofree char *stem = helder_library_stem (term);

        is_form = !g_str_equal (stem, term);
      }
      better = distance < best_distance ||
               (is_form && !best_is_form) ||
               (is_form == best_is_form && (n_docs > best_docs ||
                                            (n_docs == best_docs && g_strcmp0 (term, best) < 0)));
      if (better)
        {
          g_free (best);
          best = g_strdup (term);
          best_distance = distance;
          best_is_form = is_form;
          best_docs = n_docs;
        }
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&best);
}
