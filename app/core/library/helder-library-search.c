/* helder-library-search.c: queries, ranked hits with their matches marked, suggestions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <math.h>
#include <string.h>

#include "helder-library-index-private.h"

/* A search is at most three FTS5 queries, ranked by helder_rank()
 * (BM25F, title hits first; helder-library-fts.c):
 *  - the complete words W, all of them (their stems) anywhere;
 *  - while typing, with the last word p: W and p's stem anywhere, and p
 *    as the prefix of a word as written in a title, summary or tag (the
 *    small "head" table: a prefix over 5 million words of bodies would
 *    cost 50 ms, over titles a fraction of one);
 * combined and filtered in memory (the index keeps each document's
 * category, owner and lists), counted, sorted.  The hits shown get their
 * title's matches and a snippet of the body around the most matches,
 * found by the same word matching as the opened document's ranges. */

#define DEFAULT_LIMIT 50
/* What a prefix in a title (or else a summary or tag) adds to the score */
#define PREFIX_TITLE  2.0
#define PREFIX_OTHER  1.0
/* A word being typed this short matches as a prefix only */
#define SHORT_PREFIX  2
/* … and one this short that most documents have */
#define COMMON_PREFIX 3

G_DEFINE_BOXED_TYPE (HelderLibraryQuery, helder_library_query, helder_library_query_ref, helder_library_query_unref)

struct _HelderLibraryResults
{
  gatomicrefcount  ref;
  GArray          *hits;       /* HelderLibraryHit */
  guint            total;
  char            *suggestion;
  /* For the suggestion, made when first asked for: a scan of the
   * vocabulary is too slow for every keystroke */
  HelderLibraryIndex *index;
  HelderLibraryQuery *query;
  gboolean         suggested;
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
  for (guint i = 0; i < self->words->len; i++)
    {
      Word *word = &g_array_index (self->words, Word, i);
      guchar stem = word->stem[0], folded = word->folded[0];
      gsize length = strlen (word->stem);

      /* The Dutch stemmer takes suffixes off a folded word and then at
       * most changes its last two letters ("heden" → "heid", "groot" →
       * "grot", "bommen" → "bom"), of a stem of three letters or less
       * its last: a word with this stem begins with all of it but that
       * (and a margin of one for longer stems; checked against the 50,000
       * words of data/frequency).  0: the word matches by its prefix
       * only (two letters being typed: the search does not stem them) */
      if (self->prefix_last && i + 1 == self->words->len && g_utf8_strlen (word->folded, -1) <= SHORT_PREFIX)
        word->kept = 0;
      else
        word->kept = length > 3 ? length - 3 : MAX (length, 2) - 1;

      self->first_bytes[stem >> 3] |= 1 << (stem & 7);
      self->first_bytes[folded >> 3] |= 1 << (folded & 7);
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
  g_clear_pointer (&self->scratch, g_array_unref);
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

static gboolean
query_passes (HelderLibraryQuery *self,
              HelderLibraryDoc   *doc)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (self->filters) == 0)
    return TRUE;
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
  g_clear_object (&self->index);
  g_clear_pointer (&self->query, helder_library_query_unref);
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

static char *suggest_query (HelderLibraryIndex *index,
                            HelderLibraryQuery *query);

const char *
helder_library_results_get_suggestion (HelderLibraryResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!self->suggested && self->index != NULL)
    {
      self->suggested = TRUE;
      self->suggestion = suggest_query (self->index, self->query);
      g_clear_object (&self->index);
      g_clear_pointer (&self->query, helder_library_query_unref);
    }
  return self->suggestion;
}

/* Searching */

typedef struct
{
  HelderLibraryDoc *doc;
  double            score_w;    /* of the complete words */
  double            score_wp;   /* of them and the typed word's stem */
  guint             in_w : 1;
  guint             in_wp : 1;
  guint             title_w : 1;
  guint             title_wp : 1;
  guint             head : 3;   /* the prefix in title 1, summary 2, tags 4 */
  guint32           body_w;     /* which words the body has (HelderLibraryRank.body) */
  guint32           body_wp;
  /* in the end */
  double            score;
  gboolean          title_hit;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate **) a, *y = *(Candidate **) b;

  if (x->title_hit != y->title_hit)
    return x->title_hit ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_strcmp0 (x->doc->title, y->doc->title);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  const Candidate *x = *(Candidate **) a, *y = *(Candidate **) b;
  int order = g_utf8_collate (x->doc->title != NULL ? x->doc->title : "", y->doc->title != NULL ? y->doc->title : "");

  return order != 0 ? order : g_strcmp0 (x->doc->id, y->doc->id);
}

/* Only the first @limit of @found in order, sorted: a sort of 10,000
 * candidates for 50 hits is most of a search's time otherwise */
static void
keep_best (GPtrArray    *found,
           guint         limit,
           GCompareFunc  compare)
{
  g_autoptr(GPtrArray) best = NULL;

  if (found->len <= limit * 4)
    {
      g_ptr_array_sort (found, compare);
      return;
    }
  best = g_ptr_array_sized_new (limit + 1);
  for (guint i = 0; i < found->len; i++)
    {
      gpointer item = found->pdata[i];
      guint at;

      /* Not better than the worst kept: next */
      if (best->len == limit && compare (&item, &best->pdata[best->len - 1]) >= 0)
        continue;
      for (at = best->len; at > 0 && compare (&item, &best->pdata[at - 1]) < 0; at--)
        ;
      g_ptr_array_insert (best, at, item);
      if (best->len > limit)
        g_ptr_array_set_size (best, limit);
    }
  g_ptr_array_set_size (found, 0);
  for (guint i = 0; i < best->len; i++)
    g_ptr_array_add (found, best->pdata[i]);
}

static char *
match_of (HelderLibraryQuery *q,
          guint               n_words)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (match, "%s\"%s\"", i > 0 ? " AND " : "", g_array_index (q->words, Word, i).folded);
  return g_string_free (match, FALSE);
}

/* How many documents have @word's stem (cached until the index changes) */
static double df_of (HelderLibraryWriter *w,
                     const Word          *word);

static double
idf_of (HelderLibraryWriter *w,
        const Word          *word)
{
  double n_docs = MAX (g_hash_table_size (w->docs), 1);
  double n = df_of (w, word);

  return log ((n_docs - n + 0.5) / (n + 0.5) + 1.0);
}

static double
df_of (HelderLibraryWriter *w,
       const Word          *word)
{
  gpointer cached;
  double n;

  if (g_hash_table_lookup_extended (w->df_cache, word->stem, NULL, &cached))
    n = GPOINTER_TO_UINT (cached);
  else
    {
      g_autofree char *match = g_strdup_printf ("\"%s\"", word->folded);
      sqlite3_stmt *stmt = NULL;
      guint count = 0;

      if (sqlite3_prepare_v2 (w->db, "SELECT count(*) FROM fts WHERE fts MATCH ?", -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            count = sqlite3_column_int (stmt, 0);
        }
      sqlite3_finalize (stmt);
      g_hash_table_insert (w->df_cache, g_strdup (word->stem), GUINT_TO_POINTER (count));
      n = count;
    }
  return n;
}

/* The candidates of one search: in one array, found by rowid through
 * @slot (index + 1, 0 for none) */
typedef struct
{
  GArray  *list;    /* Candidate */
  guint32 *slot;
  gsize    n_slots;
} Candidates;

static void
candidates_init (Candidates          *c,
                 HelderLibraryWriter *w)
{
  c->list = g_array_sized_new (FALSE, TRUE, sizeof (Candidate), 256);
  c->n_slots = w->by_rowid->len;
  c->slot = g_new0 (guint32, MAX (c->n_slots, 1));
}

static void
candidates_clear (Candidates *c)
{
  g_array_unref (c->list);
  g_free (c->slot);
}

static Candidate *
candidate_find (Candidates *c,
                gint64      rowid)
{
  if (rowid < 0 || (gsize) rowid >= c->n_slots || c->slot[rowid] == 0)
    return NULL;
  return &g_array_index (c->list, Candidate, c->slot[rowid] - 1);
}

static Candidate *
candidate_for (Candidates       *c,
               HelderLibraryDoc *doc)
{
  Candidate *candidate = candidate_find (c, doc->rowid);

  if (candidate == NULL && doc->rowid >= 0 && (gsize) doc->rowid < c->n_slots)
    {
      Candidate fresh = { 0, };

      fresh.doc = doc;
      g_array_append_val (c->list, fresh);
      c->slot[doc->rowid] = c->list->len;
      candidate = &g_array_index (c->list, Candidate, c->list->len - 1);
    }
  return candidate;
}

static void add_ranked (HelderLibraryWriter       *w,
                        HelderLibraryQuery        *q,
                        const HelderLibraryRanked *ranked,
                        gboolean                   with_prefix,
                        Candidates                *candidates);

/* The main table for the first @n_words words of @q, ranked: into
 * @candidates, as W (with_prefix FALSE) or W and p. */
static gboolean
run_main (HelderLibraryWriter  *w,
          HelderLibraryQuery   *q,
          guint                 n_words,
          gboolean              with_prefix,
          Candidates           *candidates,
          GError              **error)
{
  g_autofree char *match = match_of (q, n_words);
  g_autofree double *idf = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The complete words again (the next one is being typed): as ranked */
  if (!with_prefix && w->ranked_match != NULL && g_str_equal (w->ranked_match, match))
    {
      for (guint i = 0; i < w->ranked->len; i++)
        add_ranked (w, q, &g_array_index (w->ranked, HelderLibraryRanked, i), with_prefix, candidates);
      return TRUE;
    }
  idf = g_new (double, n_words);
  for (guint i = 0; i < n_words; i++)
    idf[i] = idf_of (w, &g_array_index (q->words, Word, i));
  w->rank.idf = idf;
  w->rank.n_idf = n_words;
  w->rank.average_length = g_hash_table_size (w->docs) > 0
                           ? (double) w->total_length / g_hash_table_size (w->docs) : 1.0;
  if (!with_prefix)
    {
      g_clear_pointer (&w->ranked_match, g_free);
      if (w->ranked == NULL)
        w->ranked = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRanked));
      g_array_set_size (w->ranked, 0);
    }
  if ((rc = sqlite3_prepare_v2 (w->db, "SELECT rowid, helder_rank (fts) FROM fts WHERE fts MATCH ?",
                                -1, &stmt, NULL)) != SQLITE_OK)
    {
      w->rank.idf = NULL;
      w->rank.n_idf = 0;
      return helder_library_sql_error (w->db, rc, error);
    }
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HelderLibraryRanked ranked = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1), w->rank.body };

      if (!with_prefix)
        g_array_append_val (w->ranked, ranked);
      add_ranked (w, q, &ranked, with_prefix, candidates);
    }
  sqlite3_finalize (stmt);
  w->rank.idf = NULL;
  w->rank.n_idf = 0;
  if (rc != SQLITE_DONE)
    return helder_library_sql_error (w->db, rc, error);
  if (!with_prefix)
    w->ranked_match = g_steal_pointer (&match);
  return TRUE;
}

static void
add_ranked (HelderLibraryWriter       *w,
            HelderLibraryQuery        *q,
            const HelderLibraryRanked *ranked,
            gboolean                   with_prefix,
            Candidates                *candidates)
{
    {
      gint64 rowid = ranked->rowid;
      HelderLibraryDoc *doc = helder_library_doc_at (w->by_rowid, rowid);
      double score = ranked->score;
      gboolean title = score >= HELDER_LIBRARY_TITLE_BONUS;
      Candidate *candidate;

      if (doc == NULL || !query_passes (q, doc) || (candidate = candidate_for (candidates, doc)) == NULL)
        return;
      if (title)
        score -= HELDER_LIBRARY_TITLE_BONUS;
      if (with_prefix)
        {
          candidate->in_wp = TRUE;
          candidate->score_wp = score;
          candidate->title_wp = title;
          candidate->body_wp = ranked->body;
        }
      else
        {
          candidate->in_w = TRUE;
          candidate->score_w = score;
          candidate->title_w = title;
          candidate->body_w = ranked->body;
        }
    }
}

/* The typed word as a prefix in the head table */
static gboolean
run_head (HelderLibraryWriter  *w,
          HelderLibraryQuery   *q,
          gboolean              only_known,
          Candidates           *candidates,
          GError              **error)
{
  g_autofree char *match = g_strdup_printf ("\"%s\"*", helder_library_query_last_word (q)->folded);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (w->db, "SELECT rowid, helder_columns (head) FROM head WHERE head MATCH ?",
                                -1, &stmt, NULL)) != SQLITE_OK)
    return helder_library_sql_error (w->db, rc, error);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      HelderLibraryDoc *doc = helder_library_doc_at (w->by_rowid, rowid);
      Candidate *candidate = candidate_find (candidates, rowid);

      if (doc == NULL || (only_known && candidate == NULL) || !query_passes (q, doc) ||
          (candidate = candidate_for (candidates, doc)) == NULL)
        continue;
      candidate->head = sqlite3_column_int (stmt, 1) & 7;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || helder_library_sql_error (w->db, rc, error);
}

static gboolean
has_match (HelderLibraryWriter *w,
           const char          *table,
           const char          *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? LIMIT 1", table, table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
word_has_hits (HelderLibraryWriter *w,
               HelderLibraryQuery  *q,
               const Word          *word)
{
  g_autofree char *stem = g_strdup_printf ("\"%s\"", word->folded);
  g_autofree char *prefix = g_strdup_printf ("\"%s\"*", word->folded);

  return has_match (w, "fts", stem) || (word == helder_library_query_last_word (q) && has_match (w, "head", prefix));
}

/* Each word in no document replaced by the nearest one that is. */
static char *
suggest_query (HelderLibraryIndex *index,
               HelderLibraryQuery *query)
{
  HelderLibraryWriter *w = helder_library_index_get_writer (index);
  GString *text = g_string_new (NULL);
  gsize done = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < query->words->len; i++)
    {
      Word *word = &g_array_index (query->words, Word, i);
      g_autofree char *better = NULL;

      if (word_has_hits (w, query, word) || (better = helder_library_index_suggest (index, word->folded)) == NULL)
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

static gboolean
mark_hit (HelderLibraryWriter  *w,
          sqlite3_stmt         *body_stmt,
          HelderLibraryQuery   *q,
          Candidate            *candidate,
          HelderLibraryHit     *hit,
          GError              **error)
{
  HelderLibraryDoc *doc = candidate->doc;
  const char *body;
  int rc;

  hit->id = g_strdup (doc->id);
  hit->title = g_strdup (doc->title != NULL ? doc->title : "");
  hit->summary = g_strdup (doc->summary);
  hit->category = g_strdup (doc->category);
  hit->owner = g_strdup (doc->owner);
  hit->next_review = g_strdup (doc->next_review);
  hit->title_hit = candidate->title_hit;
  hit->score = candidate->score;
  hit->title_ranges = helder_library_query_match_ranges (q, hit->title);
  if (q->words->len == 0)
    {
      hit->snippet = g_strdup (doc->summary != NULL ? doc->summary : "");
      hit->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
      return TRUE;
    }

  sqlite3_reset (body_stmt);
  sqlite3_bind_int64 (body_stmt, 1, doc->rowid);
  rc = sqlite3_step (body_stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return helder_library_sql_error (w->db, rc, error);
  body = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (body_stmt, 0) : NULL;
  /* A body that opens with the title as its heading: the snippet starts
   * after it (the title is shown just above) */
  if (body != NULL && doc->title != NULL && *doc->title != '\0' && g_str_has_prefix (body, doc->title) &&
      (body[strlen (doc->title)] == '\n' || body[strlen (doc->title)] == '\0'))
    body += strlen (doc->title);
  /* The words the index found in the body, so the snippet knows when it
   * has them all */
  hit->snippet = helder_library_make_snippet (q, body != NULL ? body : "",
                                              candidate->in_wp ? candidate->body_wp : candidate->body_w,
                                              &hit->snippet_ranges);
  /* No match in the body (a title or tag hit): the summary says more */
  if (hit->snippet_ranges->len == 0 && doc->summary != NULL)
    {
      g_free (hit->snippet);
      g_array_unref (hit->snippet_ranges);
      hit->snippet = g_strdup (doc->summary);
      hit->snippet_ranges = helder_library_query_match_ranges (q, hit->snippet);
    }
  return TRUE;
}

HelderLibraryResults *
helder_library_index_search (HelderLibraryIndex  *self,
                             HelderLibraryQuery  *query,
                             GError             **error)
{
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  Candidates candidates;
  HelderLibraryWriter *w;
  const Word *prefix;
  guint n_complete;
  gboolean short_prefix;
  sqlite3_stmt *body_stmt = NULL;
  int rc;

  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  w = helder_library_index_get_writer (self);
  results = results_new ();
  candidates_init (&candidates, w);
  prefix = helder_library_query_last_word (query);
  n_complete = query->words->len - (prefix != NULL ? 1 : 0);

  if (query->words->len == 0)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, w->docs);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Candidate *c;

          if (query_passes (query, value) && (c = candidate_for (&candidates, value)) != NULL)
            c->in_w = TRUE;
        }
    }
  /* Two letters being typed ("we", "in") are the start of a word, not
   * the word: as a stem they would match nearly every body */
  short_prefix = prefix != NULL && g_utf8_strlen (prefix->folded, -1) <= SHORT_PREFIX;
  /* So is a short word being typed that half of many documents have
   * ("het", "van"): it is on its way to a longer one, or says nothing */
  if (prefix != NULL && !short_prefix && g_utf8_strlen (prefix->folded, -1) <= COMMON_PREFIX &&
      g_hash_table_size (w->docs) >= 100 && df_of (w, prefix) > g_hash_table_size (w->docs) / 2.0)
    short_prefix = TRUE;
  if ((n_complete > 0 && !run_main (w, query, n_complete, FALSE, &candidates, error)) ||
      (prefix != NULL &&
       ((!short_prefix && !run_main (w, query, query->words->len, TRUE, &candidates, error)) ||
        !run_head (w, query, n_complete > 0, &candidates, error))))
    {
      candidates_clear (&candidates);
      return NULL;
    }

  for (guint i = 0; i < candidates.list->len; i++)
    {
      Candidate *c = &g_array_index (candidates.list, Candidate, i);

      if (prefix == NULL)
        {
          if (!c->in_w)
            continue;
          c->score = c->score_w;
          c->title_hit = c->title_w;
        }
      else
        {
          gboolean complete_ok = n_complete == 0 || c->in_w;
          gboolean complete_in_title = n_complete == 0 || c->title_w;

          if (!c->in_wp && !(c->head != 0 && complete_ok))
            continue;
          if (c->in_wp)
            c->score = c->score_wp;
          else
            c->score = c->score_w + ((c->head & 1) ? PREFIX_TITLE : PREFIX_OTHER);
          c->title_hit = (c->in_wp && c->title_wp) || (complete_in_title && (c->head & 1));
        }
      g_ptr_array_add (found, c);
    }
  results->total = found->len;
  keep_best (found, query->limit, query->words->len == 0 ? compare_titles : compare_candidates);

  if ((rc = sqlite3_prepare_v2 (w->db, "SELECT body FROM fts WHERE rowid = ?", -1, &body_stmt, NULL)) != SQLITE_OK)
    {
      candidates_clear (&candidates);
      return helder_library_sql_error (w->db, rc, error), NULL;
    }
  for (guint i = 0; i < found->len && i < query->limit; i++)
    {
      HelderLibraryHit hit = { 0, };
      gboolean ok = mark_hit (w, body_stmt, query, found->pdata[i], &hit, error);

      g_array_append_val (results->hits, hit);
      if (!ok)
        {
          sqlite3_finalize (body_stmt);
          candidates_clear (&candidates);
          return NULL;
        }
    }
  sqlite3_finalize (body_stmt);
  candidates_clear (&candidates);

  if (results->total == 0 && query->words->len > 0)
    {
      results->index = g_object_ref (self);
      results->query = helder_library_query_ref (query);
    }
  return g_steal_pointer (&results);
}
