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

#define FORMAT 1
#define BATCH  500

/* Title first, then tags and summary, then the body (bm25 weights) */
#define RANK "bm25(10.0, 4.0, 1.0, 6.0)"

static const char schema[] =
  "PRAGMA user_version = 1;"
  "CREATE TABLE doc ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT UNIQUE NOT NULL,"
  "  stamp TEXT NOT NULL,"
  "  title TEXT, summary TEXT, category TEXT, owner TEXT, next_review TEXT,"
  "  tags TEXT, channels TEXT, priorities TEXT, document_kinds TEXT"
  ");"
  "CREATE VIRTUAL TABLE fts USING fts5 ("
  "  title, summary, body, tags,"
  "  tokenize = 'helder_dutch', prefix = '2 3'"
  ");"
  "INSERT INTO fts (fts, rank) VALUES ('rank', '" RANK "');";

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
  g_clear_pointer (&build->insert_doc, sqlite3_finalize);
  g_clear_pointer (&build->delete_doc, sqlite3_finalize);
  g_clear_pointer (&build->insert_fts, sqlite3_finalize);
  g_clear_pointer (&build->delete_fts, sqlite3_finalize);
  g_clear_pointer (&build->store_row, sqlite3_finalize);
}

void
helder_library_writer_free (HelderLibraryWriter *build)
{
  if (build == NULL)
    return;
  writer_finalize_statements (build);
  g_clear_pointer (&build->db, sqlite3_close);
  g_clear_pointer (&build->docs, g_hash_table_unref);
  g_clear_pointer (&build->by_id, g_hash_table_unref);
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
open_db (const char  *path,
         sqlite3    **out,
         GError     **error)
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
  if (!helder_library_fts_register (db, error) ||
      /* A cache: losing the last seconds costs a catch-up, not data */
      !exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;", error))
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
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  /* The FTS5 table's own structure record */
  if (ok)
    ok = sqlite3_exec (db, "SELECT count(*) FROM fts_data; SELECT rowid FROM fts WHERE fts MATCH 'x' LIMIT 1;",
                       NULL, NULL, NULL) == SQLITE_OK;
  return ok;
}

static gboolean
writer_open (HelderLibraryWriter *build,
             GError **error)
{
  gboolean fresh;

  if (!open_db (build->path, &build->db, error))
    {
      /* Not even a database: away with it */
      g_clear_error (error);
      remove_index_files (build->path);
      if (!open_db (build->path, &build->db, error))
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
          if (!open_db (build->path, &build->db, error))
            return FALSE;
        }
      if (!exec (build->db, schema, error))
        return FALSE;
      build->rebuilt = TRUE;
    }

  if (sqlite3_prepare_v2 (build->db,
                          "INSERT INTO doc (rowid, id, stamp, title, summary, category, owner, next_review, "
                          "tags, channels, priorities, document_kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, title = excluded.title, "
                          "summary = excluded.summary, category = excluded.category, owner = excluded.owner, "
                          "next_review = excluded.next_review, tags = excluded.tags, channels = excluded.channels, "
                          "priorities = excluded.priorities, document_kinds = excluded.document_kinds "
                          "RETURNING rowid",
                          -1, &build->insert_doc, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "DELETE FROM doc WHERE rowid = ?", -1, &build->delete_doc, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "INSERT INTO fts (rowid, title, summary, body, tags) VALUES (?, ?, ?, ?, ?)",
                          -1, &build->insert_fts, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (build->db, "DELETE FROM fts WHERE rowid = ?", -1, &build->delete_fts, NULL) != SQLITE_OK)
    return helder_library_sql_error (build->db, sqlite3_errcode (build->db), error);
  return TRUE;
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
                           "tags, channels, priorities, document_kinds FROM doc", -1, &stmt, NULL);
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
      g_hash_table_insert (build->by_id, doc->id, doc);
      g_hash_table_insert (build->docs, &doc->rowid, doc);
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
forget_doc (GHashTable *docs,
            GHashTable *by_id,
            const char *id)
{
  HelderLibraryDoc *doc = g_hash_table_lookup (by_id, id);

  if (doc == NULL)
    return;
  g_hash_table_remove (by_id, id);
  g_hash_table_remove (docs, &doc->rowid);
}

/* Removes @id from the index (if it is there). */
static gboolean
remove_doc (HelderLibraryWriter  *w,
            const char           *id,
            GError              **error)
{
  sqlite3 *db = w->db;
  sqlite3_stmt *delete_doc = w->delete_doc, *delete_fts = w->delete_fts;
  GHashTable *docs = w->docs, *by_id = w->by_id;
  HelderLibraryDoc *doc = g_hash_table_lookup (by_id, id);
  int rc;

  if (doc == NULL)
    return TRUE;
  sqlite3_reset (delete_fts);
  sqlite3_bind_int64 (delete_fts, 1, doc->rowid);
  rc = sqlite3_step (delete_fts);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (delete_doc);
      sqlite3_bind_int64 (delete_doc, 1, doc->rowid);
      rc = sqlite3_step (delete_doc);
    }
  if (rc != SQLITE_DONE)
    return helder_library_sql_error (db, rc, error);
  forget_doc (docs, by_id, id);
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
  sqlite3_stmt *insert_doc = w->insert_doc, *insert_fts = w->insert_fts, *delete_fts = w->delete_fts;
  GHashTable *docs = w->docs, *by_id = w->by_id;
  const char *id = (const char *) sqlite3_column_text (row, 0);
  HelderLibraryDoc *old = g_hash_table_lookup (by_id, id);
  HelderLibraryDoc *doc;
  g_autofree char *stamp = make_stamp (row);
  g_autofree char *body = NULL;
  g_autofree char *tags = NULL;
  gint64 rowid;
  int rc;

  if (old != NULL)
    {
      sqlite3_reset (delete_fts);
      sqlite3_bind_int64 (delete_fts, 1, old->rowid);
      if ((rc = sqlite3_step (delete_fts)) != SQLITE_DONE)
        return helder_library_sql_error (db, rc, error);
    }

  sqlite3_reset (insert_doc);
  sqlite3_clear_bindings (insert_doc);
  if (old != NULL)
    sqlite3_bind_int64 (insert_doc, 1, old->rowid);
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
  if ((rc = sqlite3_step (insert_doc)) != SQLITE_ROW)
    return helder_library_sql_error (db, rc, error);
  rowid = sqlite3_column_int64 (insert_doc, 0);
  sqlite3_reset (insert_doc);

  body = helder_markdown_to_text ((const char *) sqlite3_column_text (row, 5), -1);
  tags = join_list ((const char *) sqlite3_column_text (row, 7));
  sqlite3_reset (insert_fts);
  sqlite3_bind_int64 (insert_fts, 1, rowid);
  bind_text_or_null (insert_fts, 2, (const char *) sqlite3_column_text (row, 3));
  bind_text_or_null (insert_fts, 3, (const char *) sqlite3_column_text (row, 4));
  bind_text_or_null (insert_fts, 4, body);
  bind_text_or_null (insert_fts, 5, tags);
  if ((rc = sqlite3_step (insert_fts)) != SQLITE_DONE)
    return helder_library_sql_error (db, rc, error);

  /* And in memory */
  forget_doc (docs, by_id, id);
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
  g_hash_table_insert (by_id, doc->id, doc);
  g_hash_table_insert (docs, &doc->rowid, doc);
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
          if (!exec (build->db, "COMMIT; BEGIN", error))
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
  if (!exec (build->db, "COMMIT", error))
    goto fail;
  /* A full build leaves many segments: one merged b-tree reads fastest */
  if (indexed > BATCH && !exec (build->db, "INSERT INTO fts (fts) VALUES ('optimize')", error))
    return FALSE;
  return TRUE;

fail:
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
  if (!writer_open (build, error))
    goto fail;
  if (build_catch_up (build, store_db, &local))
    return build;

  g_debug ("Index %s: %s; building it again", build->path, local->message);
  writer_finalize_statements (build);
  g_clear_pointer (&build->db, sqlite3_close);
  g_hash_table_remove_all (build->by_id);
  g_hash_table_remove_all (build->docs);
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
  if (ok && (rc = sqlite3_exec (w->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    ok = helder_library_sql_error (w->db, rc, error);
  if (!ok)
    {
      w->last_rc = sqlite3_extended_errcode (w->db);
      sqlite3_exec (w->db, "ROLLBACK", NULL, NULL, NULL);
    }
  return ok;
}
