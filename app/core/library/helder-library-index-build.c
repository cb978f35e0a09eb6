/* helder-library-index-build.c: the search index's file: made, checked, caught up, written
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-library-index-private.h"
#include "helder-library-markdown.h"

/* The index is a cache: its own SQLite file beside the store, never
 * synchronised, thrown away and made again whenever it is missing,
 * damaged or of another format (FORMAT below, which also names the
 * tokenizer's rules: a change of them is a new format).
 *
 * Keeping in step: each indexed document remembers the stamp (version
 * and updated_at) of the record it was made from.  At open the index
 * compares those with the store's and indexes only what differs, so a
 * crash between a store commit and the index update, or a store restored
 * from a backup, costs the records that changed and nothing more.  After
 * that it follows HelderStore::records-changed::toolkit and indexes those
 * ids one by one, in one transaction per store transaction.
 *
 * Building reads the store's toolkit table with SQL, not through
 * records: in the _async variant a worker thread does it on its own
 * connections (the store is in WAL mode, so the main loop goes on
 * writing), and the ids the store tells about meanwhile are indexed when
 * the worker is done. */

#define FORMAT 2
#define BATCH  500


static const char schema[] =
  "PRAGMA user_version = " G_STRINGIFY (FORMAT) ";"
  "CREATE TABLE doc ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT UNIQUE NOT NULL,"
  "  stamp TEXT NOT NULL,"
  "  title TEXT, summary TEXT, category TEXT, owner TEXT, next_review TEXT,"
  "  tags TEXT, channels TEXT, priorities TEXT, document_kinds TEXT,"
  "  length INTEGER NOT NULL DEFAULT 0"
  ");"
  /* Stems of everything: what a search matches and ranks */
  "CREATE VIRTUAL TABLE fts USING fts5 ("
  "  title, summary, body, tags, tokenize = 'helder_dutch'"
  ");"
  /* Words as written in the short columns: prefixes while typing */
  "CREATE VIRTUAL TABLE head USING fts5 ("
  "  title, summary, tags, tokenize = 'helder_dutch_forms', prefix = '2 3', detail = column"
  ");"
  /* The stems for suggestions, with how often they were indexed (never
   * counted down: a stem gone from every document is skipped by the
   * suggestion, which checks its hits) */
  "CREATE TABLE vocab (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;";

static const char store_columns[] =
  "SELECT id, version, updated_at, title, summary, body, category, tags, owner, "
  "next_review, channels, priorities, document_kinds FROM toolkit ";

void
helder_library_doc_free (HelderLibraryDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->title);
  g_free (doc->summary);
  g_free (doc->category);
  g_free (doc->owner);
  g_free (doc->next_review);
  g_strfreev (doc->tags);
  g_strfreev (doc->channels);
  g_strfreev (doc->priorities);
  g_strfreev (doc->document_kinds);
  g_free (doc);
}

gboolean
helder_library_sql_error (sqlite3  *db,
           int       rc,
           GError  **error)
{
  g_set_error (error, HELDER_LIBRARY_INDEX_ERROR, HELDER_LIBRARY_INDEX_ERROR_FAILED,
               "%s (%d)", db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc);
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || helder_library_sql_error (db, rc, error);
}

/* A JSON array of strings (a LIST column) as a strv; NULL when empty. */
static GStrv
strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || *json != '[' || g_str_equal (json, "[]"))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static HelderLibraryDoc *
doc_from_row (sqlite3_stmt *stmt)
{
  HelderLibraryDoc *doc = g_new0 (HelderLibraryDoc, 1);

  doc->rowid = sqlite3_column_int64 (stmt, 0);
  doc->id = column_dup (stmt, 1);
  doc->title = column_dup (stmt, 3);
  doc->summary = column_dup (stmt, 4);
  doc->category = column_dup (stmt, 5);
  doc->owner = column_dup (stmt, 6);
  doc->next_review = column_dup (stmt, 7);
  doc->tags = strv_from_json ((const char *) sqlite3_column_text (stmt, 8));
  doc->channels = strv_from_json ((const char *) sqlite3_column_text (stmt, 9));
  doc->priorities = strv_from_json ((const char *) sqlite3_column_text (stmt, 10));
  doc->document_kinds = strv_from_json ((const char *) sqlite3_column_text (stmt, 11));
  doc->length = sqlite3_column_int (stmt, 12);
  return doc;
}

static char *
make_stamp (sqlite3_stmt *stmt)
{
  const char *updated_at = (const char *) sqlite3_column_text (stmt, 2);

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", (gint64) sqlite3_column_int64 (stmt, 1),
                          updated_at != NULL ? updated_at : "");
}

static void
writer_finalize_statements (HelderLibraryWriter *build)
{
  g_clear_pointer (&build->insert_head, sqlite3_finalize);
  g_clear_pointer (&build->delete_head, sqlite3_finalize);
  g_clear_pointer (&build->add_term, sqlite3_finalize);
  g_clear_pointer (&build->insert_doc, sqlite3_finalize);
  g_clear_pointer (&build->delete_doc, sqlite3_finalize);
  g_clear_pointer (&build->insert_fts, sqlite3_finalize);
  g_clear_pointer (&build->delete_fts, sqlite3_finalize);
  g_clear_pointer (&build->store_row, sqlite3_finalize);
}

static gboolean flush_vocabulary (HelderLibraryWriter *w, GHashTable *vocabulary, GError **error);

/* Writes the stems indexed since the last flush into the vocab table */
gboolean
helder_library_writer_flush_vocabulary (HelderLibraryWriter  *w,
                                        GError              **error)
{
  if (w->pending_vocabulary == NULL || g_hash_table_size (w->pending_vocabulary) == 0 || w->add_term == NULL)
    return TRUE;
  if (!exec (w->db, "BEGIN", error))
    return FALSE;
  if (!flush_vocabulary (w, w->pending_vocabulary, error))
    {
      sqlite3_exec (w->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return exec (w->db, "COMMIT", error);
}

void
helder_library_writer_free (HelderLibraryWriter *build)
{
  if (build == NULL)
    return;
  if (build->db != NULL)
    helder_library_writer_flush_vocabulary (build, NULL);
  g_clear_pointer (&build->pending_vocabulary, g_hash_table_unref);
  g_clear_pointer (&build->ranked_match, g_free);
  g_clear_pointer (&build->ranked, g_array_unref);
  writer_finalize_statements (build);
  g_clear_pointer (&build->db, sqlite3_close);
  g_clear_pointer (&build->by_rowid, g_ptr_array_unref);
  g_clear_pointer (&build->docs, g_hash_table_unref);
  g_clear_pointer (&build->by_id, g_hash_table_unref);
  g_clear_pointer (&build->df_cache, g_hash_table_unref);
  g_free (build->path);
  g_free (build);
}

static void
remove_index_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static gboolean
open_db (const char         *path,
         HelderLibraryRank  *rank,
         sqlite3           **out,
         GError            **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      helder_library_sql_error (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 2000);
  if (!helder_library_fts_register (db, rank, error) ||
      /* A cache: losing the last seconds costs a catch-up, not data.
       * Read through a mapping of the file (a search reads tens of
       * pages of bodies and posting lists; a read() each was a twentieth
       * of its time) and with 16 MB of page cache for the writes */
      !exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA mmap_size = 268435456;"
             "PRAGMA cache_size = -16384;", error))
    {
      sqlite3_close (db);
      return FALSE;
    }
  *out = db;
  return TRUE;
}

/* Whether the file at @db is an index of this format that reads. */
static gboolean
is_usable (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version != FORMAT)
    return FALSE;
  /* Not a quick_check: that reads every page of a 100 MB file at each
   * start.  Damage found later (SQLITE_CORRUPT on a write or a search)
   * makes the index again (helder-library-index.c). */
  ok = sqlite3_exec (db, "SELECT count(*) FROM doc; SELECT count(*) FROM vocab;"
                     "SELECT rowid FROM fts WHERE fts MATCH 'x' LIMIT 1;"
                     "SELECT rowid FROM head WHERE head MATCH 'x*' LIMIT 1;",
                     NULL, NULL, NULL) == SQLITE_OK;
  return ok;
}

static gboolean
writer_open (HelderLibraryWriter *build,
             GError **error)
{
  gboolean fresh;

  if (!open_db (build->path, &build->rank, &build->db, error))
    {
      /* Not even a database: away with it */
      g_clear_error (error);
      remove_index_files (build->path);
      if (!open_db (build->path, &build->rank, &build->db, error))
        return FALSE;
    }
  fresh = !is_usable (build->db);
  if (fresh)
    {
      g_autoptr(GError) local = NULL;

      if (!g_str_equal (build->path, ":memory:"))
        {
          g_clear_pointer (&build->db, sqlite3_close);
          remove_index_files (build->path);
          if (!open_db (build->path, &build->rank, &build->db, error))
            return FALSE;
        }
      if (!exec (build->db, schema, error))
        return FALSE;
      build->rebuilt = TRUE;
    }

  if (sqlite3_prepare_v2 (build->db,
                          "INSERT INTO doc (rowid, id, stamp, title, summary, category, owner, next_review, "
                          "tags, channels, priorities, document_kinds, length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, title = excluded.title, "
                          "summary = excluded.summary, category = excluded.category, owner = excluded.owner, "
                          "next_review = excluded.next_review, tags = excluded.tags, channels = excluded.channels, "
                          "priorities = excluded.priorities, document_kinds = excluded.document_kinds, "
                          "length = excluded.length RETURNING rowid",
                          -1, &build->insert_doc, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "DELETE FROM doc WHERE rowid = ?", -1, &build->delete_doc, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "INSERT INTO fts (rowid, title, summary, body, tags) VALUES (?, ?, ?, ?, ?)",
                          -1, &build->insert_fts, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "DELETE FROM fts WHERE rowid = ?", -1, &build->delete_fts, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "INSERT INTO head (rowid, title, summary, tags) VALUES (?, ?, ?, ?)",
                          -1, &build->insert_head, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "DELETE FROM head WHERE rowid = ?", -1, &build->delete_head, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "INSERT INTO vocab (term, n) VALUES (?, ?) "
                          "ON CONFLICT (term) DO UPDATE SET n = n + excluded.n",
                          -1, &build->add_term, NULL) != SQLITE_OK)
    return helder_library_sql_error (build->db, sqlite3_errcode (build->db), error);
  return TRUE;
}

static void
set_at (GPtrArray        *by_rowid,
        gint64            rowid,
        HelderLibraryDoc *doc)
{
  if (rowid < 0 || rowid > G_MAXINT32)
    return;
  if (rowid >= (gint64) by_rowid->len)
    {
      if (doc == NULL)
        return;
      g_ptr_array_set_size (by_rowid, rowid + 1);
    }
  by_rowid->pdata[rowid] = doc;
}

/* The documents the index has, into memory; with their stamps. */
static gboolean
build_load_docs (HelderLibraryWriter *build,
                 GHashTable  *stamps,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (build->db,
                           "SELECT rowid, id, stamp, title, summary, category, owner, next_review, "
                           "tags, channels, priorities, document_kinds, length FROM doc", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return helder_library_sql_error (build->db, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HelderLibraryDoc *doc = doc_from_row (stmt);

      if (doc->id == NULL)
        {
          helder_library_doc_free (doc);
          continue;
        }
      g_hash_table_insert (stamps, g_strdup (doc->id), column_dup (stmt, 2));
      build->total_length += doc->length;
      g_hash_table_insert (build->by_id, doc->id, doc);
      g_hash_table_insert (build->docs, &doc->rowid, doc);
      set_at (build->by_rowid, doc->rowid, doc);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || helder_library_sql_error (build->db, rc, error);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

static void
forget_doc (HelderLibraryWriter *w,
            const char          *id)
{
  HelderLibraryDoc *doc = g_hash_table_lookup (w->by_id, id);

  if (doc == NULL)
    return;
  w->total_length -= MIN (w->total_length, doc->length);
  g_hash_table_remove (w->by_id, id);
  set_at (w->by_rowid, doc->rowid, NULL);
  g_hash_table_remove (w->docs, &doc->rowid);
}

static gboolean
step_rowid (sqlite3_stmt *stmt,
            gint64        rowid)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, rowid);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

/* Removes @id from the index (if it is there). */
static gboolean
remove_doc (HelderLibraryWriter  *w,
            const char           *id,
            GError              **error)
{
  HelderLibraryDoc *doc = g_hash_table_lookup (w->by_id, id);

  if (doc == NULL)
    return TRUE;
  if (!step_rowid (w->delete_fts, doc->rowid) || !step_rowid (w->delete_head, doc->rowid) ||
      !step_rowid (w->delete_doc, doc->rowid))
    return helder_library_sql_error (w->db, sqlite3_errcode (w->db), error);
  forget_doc (w, id);
  return TRUE;
}

/* The tags column of the full-text table */
static char *
join_list (const char *json)
{
  g_auto(GStrv) list = strv_from_json (json);

  return list != NULL ? g_strjoinv (" · ", list) : NULL;
}

/* Indexes the store row @row (store_columns) in place of what the index
 * had for its id. */
static gboolean
index_row (HelderLibraryWriter  *w,
           sqlite3_stmt         *row,
           GError              **error)
{
  sqlite3 *db = w->db;
  sqlite3_stmt *insert_doc = w->insert_doc, *insert_fts = w->insert_fts;
  const char *id = (const char *) sqlite3_column_text (row, 0);
  HelderLibraryDoc *old = g_hash_table_lookup (w->by_id, id);
  HelderLibraryDoc *doc;
  g_autofree char *stamp = make_stamp (row);
  g_autofree char *body = NULL;
  g_autofree char *tags = NULL;
  gint64 rowid;
  guint length;
  int rc;

  if (old != NULL && (!step_rowid (w->delete_fts, old->rowid) || !step_rowid (w->delete_head, old->rowid)))
    return helder_library_sql_error (db, sqlite3_errcode (db), error);

  /* The text first: the tokenizer counts its words for the doc row */
  body = helder_markdown_to_text ((const char *) sqlite3_column_text (row, 5), -1);
  tags = join_list ((const char *) sqlite3_column_text (row, 7));
  helder_library_fts_take_words ();
  sqlite3_reset (insert_fts);
  if (old != NULL)
    sqlite3_bind_int64 (insert_fts, 1, old->rowid);
  else
    sqlite3_bind_null (insert_fts, 1);
  bind_text_or_null (insert_fts, 2, (const char *) sqlite3_column_text (row, 3));
  bind_text_or_null (insert_fts, 3, (const char *) sqlite3_column_text (row, 4));
  bind_text_or_null (insert_fts, 4, body);
  bind_text_or_null (insert_fts, 5, tags);
  if ((rc = sqlite3_step (insert_fts)) != SQLITE_DONE)
    return helder_library_sql_error (db, rc, error);
  rowid = sqlite3_last_insert_rowid (db);
  length = helder_library_fts_take_words ();

  sqlite3_reset (w->insert_head);
  sqlite3_bind_int64 (w->insert_head, 1, rowid);
  bind_text_or_null (w->insert_head, 2, (const char *) sqlite3_column_text (row, 3));
  bind_text_or_null (w->insert_head, 3, (const char *) sqlite3_column_text (row, 4));
  bind_text_or_null (w->insert_head, 4, tags);
  if ((rc = sqlite3_step (w->insert_head)) != SQLITE_DONE)
    return helder_library_sql_error (db, rc, error);

  sqlite3_reset (insert_doc);
  sqlite3_clear_bindings (insert_doc);
  sqlite3_bind_int64 (insert_doc, 1, rowid);
  sqlite3_bind_text (insert_doc, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert_doc, 3, stamp, -1, SQLITE_TRANSIENT);
  bind_text_or_null (insert_doc, 4, (const char *) sqlite3_column_text (row, 3));
  bind_text_or_null (insert_doc, 5, (const char *) sqlite3_column_text (row, 4));
  bind_text_or_null (insert_doc, 6, (const char *) sqlite3_column_text (row, 6));
  bind_text_or_null (insert_doc, 7, (const char *) sqlite3_column_text (row, 8));
  bind_text_or_null (insert_doc, 8, (const char *) sqlite3_column_text (row, 9));
  bind_text_or_null (insert_doc, 9, (const char *) sqlite3_column_text (row, 7));
  bind_text_or_null (insert_doc, 10, (const char *) sqlite3_column_text (row, 10));
  bind_text_or_null (insert_doc, 11, (const char *) sqlite3_column_text (row, 11));
  bind_text_or_null (insert_doc, 12, (const char *) sqlite3_column_text (row, 12));
  sqlite3_bind_int (insert_doc, 13, length);
  if ((rc = sqlite3_step (insert_doc)) != SQLITE_ROW)
    return helder_library_sql_error (db, rc, error);
  sqlite3_reset (insert_doc);

  /* And in memory */
  forget_doc (w, id);
  doc = g_new0 (HelderLibraryDoc, 1);
  doc->rowid = rowid;
  doc->id = g_strdup (id);
  doc->title = column_dup (row, 3);
  doc->summary = column_dup (row, 4);
  doc->category = column_dup (row, 6);
  doc->owner = column_dup (row, 8);
  doc->next_review = column_dup (row, 9);
  doc->tags = strv_from_json ((const char *) sqlite3_column_text (row, 7));
  doc->channels = strv_from_json ((const char *) sqlite3_column_text (row, 10));
  doc->priorities = strv_from_json ((const char *) sqlite3_column_text (row, 11));
  doc->document_kinds = strv_from_json ((const char *) sqlite3_column_text (row, 12));
  doc->length = length;
  w->total_length += length;
  g_hash_table_insert (w->by_id, doc->id, doc);
  g_hash_table_insert (w->docs, &doc->rowid, doc);
  set_at (w->by_rowid, doc->rowid, doc);
  return TRUE;
}

static gboolean
flush_vocabulary (HelderLibraryWriter  *w,
                  GHashTable           *vocabulary,
                  GError              **error)
{
  GHashTableIter iter;
  gpointer term, count;

  g_hash_table_iter_init (&iter, vocabulary);
  while (g_hash_table_iter_next (&iter, &term, &count))
    {
      int rc;

      sqlite3_reset (w->add_term);
      sqlite3_bind_text (w->add_term, 1, term, -1, SQLITE_STATIC);
      sqlite3_bind_int (w->add_term, 2, GPOINTER_TO_UINT (count));
      if ((rc = sqlite3_step (w->add_term)) != SQLITE_DONE)
        return helder_library_sql_error (w->db, rc, error);
    }
  sqlite3_reset (w->add_term);
  g_hash_table_remove_all (vocabulary);
  return TRUE;
}

/* Catches up with the store read through @store_db. */
static gboolean
build_catch_up (HelderLibraryWriter *build,
                sqlite3  *store_db,
                GError  **error)
{
  g_autoptr(GHashTable) stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strconcat (store_columns, "WHERE deleted = 0", NULL);
  g_autoptr(GHashTable) vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *rows = NULL;
  GHashTableIter iter;
  gpointer key;
  guint in_batch = 0;
  guint indexed = 0;
  int rc;

  if (!build_load_docs (build, stamps, error))
    return FALSE;
  if (!exec (build->db, "BEGIN", error))
    return FALSE;
  helder_library_fts_collect (vocabulary);
  rc = sqlite3_prepare_v2 (store_db, sql, -1, &rows, NULL);
  if (rc != SQLITE_OK)
    {
      helder_library_sql_error (store_db, rc, error);
      goto fail;
    }
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (rows, 0);
      g_autofree char *stamp = make_stamp (rows);
      const char *known = g_hash_table_lookup (stamps, id);

      if (id == NULL)
        continue;
      g_hash_table_add (seen, g_hash_table_lookup_extended (stamps, id, &key, NULL) ? key : g_strdup (id));
      if (!g_hash_table_contains (stamps, id))
        g_hash_table_insert (stamps, g_strdup (id), NULL);
      if (g_strcmp0 (known, stamp) == 0)
        continue;
      if (!index_row (build, rows, error))
        goto fail;
      indexed++;
      if (++in_batch == BATCH)
        {
          if (!flush_vocabulary (build, vocabulary, error) || !exec (build->db, "COMMIT; BEGIN", error))
            goto fail;
          in_batch = 0;
        }
    }
  if (rc != SQLITE_DONE)
    {
      helder_library_sql_error (store_db, rc, error);
      goto fail;
    }
  g_clear_pointer (&rows, sqlite3_finalize);

  /* What the store no longer has */
  g_hash_table_iter_init (&iter, build->by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (gone, g_strdup (key));
  for (guint i = 0; i < gone->len; i++)
    if (!remove_doc (build, gone->pdata[i], error))
      goto fail;
  if (!flush_vocabulary (build, vocabulary, error) || !exec (build->db, "COMMIT", error))
    goto fail;
  helder_library_fts_collect (NULL);
  /* A full build leaves many segments: one merged b-tree reads fastest */
  if (indexed > BATCH && !exec (build->db, "INSERT INTO fts (fts) VALUES ('optimize')", error))
    return FALSE;
  return TRUE;

fail:
  helder_library_fts_collect (NULL);
  sqlite3_finalize (rows);
  sqlite3_exec (build->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * helder_library_writer_run:
 * @path: the index file, or ":memory:"
 * @store_db: a connection to the store, on this thread
 *
 * Opens the index at @path (made anew when it is missing, damaged or of
 * another format) and catches it up with the store.  A catch-up that
 * fails on the index's side is tried once more from nothing.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
HelderLibraryWriter *
helder_library_writer_run (const char  *path,
                           sqlite3     *store_db,
                           GError     **error)
{
  HelderLibraryWriter *build = g_new0 (HelderLibraryWriter, 1);
  g_autoptr(GError) local = NULL;

  build->path = g_strdup (path);
  build->docs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) helder_library_doc_free);
  build->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  build->by_rowid = g_ptr_array_new ();
  build->rank.by_rowid = build->by_rowid;
  build->df_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build->pending_vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!writer_open (build, error))
    goto fail;
  if (build_catch_up (build, store_db, &local))
    return build;

  g_debug ("Index %s: %s; building it again", build->path, local->message);
  writer_finalize_statements (build);
  g_clear_pointer (&build->db, sqlite3_close);
  g_hash_table_remove_all (build->by_id);
  g_hash_table_remove_all (build->docs);
  g_ptr_array_set_size (build->by_rowid, 0);
  build->total_length = 0;
  if (!g_str_equal (build->path, ":memory:"))
    remove_index_files (build->path);
  if (writer_open (build, error) && build_catch_up (build, store_db, error))
    return build;

fail:
  helder_library_writer_free (build);
  return NULL;
}

/**
 * helder_library_writer_index_ids:
 *
 * Indexes the toolkit records @ids as @store_db has them now (one that is
 * deleted or gone leaves the index), in one transaction.
 */
gboolean
helder_library_writer_index_ids (HelderLibraryWriter  *w,
                                 sqlite3              *store_db,
                                 const char * const   *ids,
                                 GError              **error)
{
  gboolean ok = TRUE;
  int rc;

  if (w->store_row == NULL || sqlite3_db_handle (w->store_row) != store_db)
    {
      g_autofree char *sql = g_strconcat (store_columns, "WHERE id = ? AND deleted = 0", NULL);

      g_clear_pointer (&w->store_row, sqlite3_finalize);
      if ((rc = sqlite3_prepare_v2 (store_db, sql, -1, &w->store_row, NULL)) != SQLITE_OK)
        return helder_library_sql_error (store_db, rc, error);
    }
  if ((rc = sqlite3_exec (w->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK)
    {
      w->last_rc = rc;
      return helder_library_sql_error (w->db, rc, error);
    }
  /* New stems wait in memory (a few hundred upserts would double the
   * cost of one document); the suggestion writes them first */
  helder_library_fts_collect (w->pending_vocabulary);
  g_hash_table_remove_all (w->df_cache);
  g_clear_pointer (&w->ranked_match, g_free);
  for (guint i = 0; ok && ids[i] != NULL; i++)
    {
      sqlite3_reset (w->store_row);
      sqlite3_bind_text (w->store_row, 1, ids[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (w->store_row);
      if (rc == SQLITE_ROW)
        ok = index_row (w, w->store_row, error);
      else if (rc == SQLITE_DONE)
        ok = remove_doc (w, ids[i], error);
      else
        ok = helder_library_sql_error (store_db, rc, error);
    }
  sqlite3_reset (w->store_row);
  helder_library_fts_collect (NULL);
  if (g_hash_table_size (w->pending_vocabulary) > 20000)
    ok = ok && flush_vocabulary (w, w->pending_vocabulary, error);
  if (ok && (rc = sqlite3_exec (w->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    ok = helder_library_sql_error (w->db, rc, error);
  if (!ok)
    {
      w->last_rc = sqlite3_extended_errcode (w->db);
      sqlite3_exec (w->db, "ROLLBACK", NULL, NULL, NULL);
    }
  return ok;
}
