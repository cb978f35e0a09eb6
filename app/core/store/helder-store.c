/* helder-store.c: the local store, one SQLite file per user
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "helder-store-private.h"

/* The store is the only truth on the desktop.  Every local edit is one
 * transaction that writes the record and its outbox row together, so a
 * crash leaves either both or neither.  The GUI never sees SQL: it gets
 * records and a "changed" signal, detailed with the record type.
 *
 * Opening is careful with files it did not make: a file written by a newer
 * Helder, one that fails quick_check, or one that holds less than Helder
 * remembers it held (helder-store-recovery.c) is reported and closed
 * without a single byte written (no migration, no WAL switch, no
 * checkpoint).  A file that is not writable opens read-only, and every
 * edit is refused before SQLite sees it. */

struct _HelderStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  guint       schema_version;
  gboolean    read_only;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, prepared once */

  HelderStoreMemory memory;  /* helder-store-recovery.c */
};

G_DEFINE_FINAL_TYPE (HelderStore, helder_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_USER,
  N_PROPS
};

enum {
  CHANGED,
  RECORDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (helder-store-error-quark, helder_store_error)

gboolean
helder_store_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *what)
{
  /* A damaged file puts its own bytes into SQLite's messages: only valid
   * UTF-8 may reach a label. */
  g_autofree char *message = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);
  int code = HELDER_STORE_ERROR_FAILED;

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    code = HELDER_STORE_ERROR_CORRUPT;

  g_set_error (error, HELDER_STORE_ERROR, code, "%s: %s", what, message);
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      g_autofree char *message = g_utf8_make_valid (errmsg ? errmsg : sqlite3_errstr (rc), -1);

      g_set_error_literal (error, HELDER_STORE_ERROR,
                           rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB
                             ? HELDER_STORE_ERROR_CORRUPT : HELDER_STORE_ERROR_FAILED,
                           message);
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return helder_store_sqlite_error (error, db, rc, sql);
  return TRUE;
}

static gboolean
migrate (HelderStore  *self,
         guint         target,
         GError      **error)
{
  gint64 current = 0;

  if (!query_int (self->db, "PRAGMA user_version", &current, error))
    return FALSE;

  if (self->read_only && current < target)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_READ_ONLY,
                   "%s is read-only and was written by an older version of Helder, which "
                   "needs to update it; make it writable to open it", display);
      return FALSE;
    }

  for (guint v = current + 1; v <= target; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (self->db, helder_store_schema_migration (v), error) ||
          !exec (self->db, bump, error))
        {
          exec (self->db, "ROLLBACK", NULL);
          g_prefix_error (error, "Could not update %s to data version %u: ", self->path, v);
          return FALSE;
        }
      if (!exec (self->db, "COMMIT", error))
        {
          exec (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to data version %u", self->path, v);
    }

  self->schema_version = MAX (current, target);
  return TRUE;
}

/* Remembers what the store holds (on quit, too, that is a moment that
 * matters) and closes the file; the store refuses everything after. */
void
helder_store_close (HelderStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;
  if (!helder_store_remember (self, &error))
    g_message ("Could not note what %s holds: %s", self->path, error->message);
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = NULL;
}

static void
helder_store_finalize (GObject *object)
{
  HelderStore *self = HELDER_STORE (object);

  helder_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  helder_store_facts_clear (&self->memory.facts);
  g_free (self->path);
  g_free (self->user);

  G_OBJECT_CLASS (helder_store_parent_class)->finalize (object);
}

static void
helder_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HelderStore *self = HELDER_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HelderStore *self = HELDER_STORE (object);

  switch (prop_id)
    {
    case PROP_USER:
      helder_store_set_user (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_store_class_init (HelderStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_store_finalize;
  object_class->get_property = helder_store_get_property;
  object_class->set_property = helder_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HelderStore::changed:
   * @type_name: the record type, as in the sync protocol
   * @id: (nullable): the record, or %NULL when many of the type changed
   *
   * Emitted after a transaction that changed records of @type_name has
   * committed; detailed with the type name ("changed::priority").
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * HelderStore::records-changed:
   * @type_name: the record type, as in the sync protocol
   * @ids: (array zero-terminated=1): every record of @type_name the
   *   transaction wrote: edited, created, deleted, or pulled from the server
   *
   * Emitted once per type after a transaction committed, just before
   * #HelderStore::changed; detailed with the type name.  This is what live
   * lists (#HelderRecordList) and open records (#HelderRecordFollower)
   * follow: they read those ids again, never the whole type.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRV);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
helder_store_init (HelderStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->user = g_strdup (g_get_user_name ());
}

char *
helder_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "helder", "helder.db", NULL);
}

HelderStore *
helder_store_open_at_version (const char  *path,
                              guint        version,
                              GError     **error)
{
  g_autoptr(HelderStore) self = NULL;
  g_auto(HelderStoreFacts) found = { 0 };
  g_autofree char *dir = NULL;
  gboolean read_only;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version <= HELDER_STORE_SCHEMA_VERSION, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  read_only = helder_store_file_is_read_only (path);
  if (!helder_store_check_file (path, read_only, &found, error))
    return NULL;

  self = g_object_new (HELDER_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  rc = sqlite3_open_v2 (path, &self->db,
                        read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      helder_store_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, FALSE);

  /* WAL: readers never block the writer.  synchronous=NORMAL keeps every
   * committed transaction across a crash of the app; only a power cut may
   * lose the last few, which the server then still has. */
  if (!read_only &&
      !exec (self->db,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = NORMAL;"
             "PRAGMA foreign_keys = ON;", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  if (!read_only && !helder_store_recovery_init (self, &found, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * helder_store_open:
 * @path: the SQLite file; created, with its folder, when missing
 *
 * Opens the store and brings its schema to the current version.
 *
 * Returns: (transfer full): the store, or %NULL with @error set: a
 *   %HELDER_STORE_ERROR_TOO_NEW, %HELDER_STORE_ERROR_CORRUPT or
 *   %HELDER_STORE_ERROR_DATA_LOST error means the file was left exactly
 *   as it was (see helder_store_damage_new() for the last two).  A file
 *   that is not writable opens read-only (helder_store_is_read_only()).
 */
HelderStore *
helder_store_open (const char  *path,
                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return helder_store_open_at_version (path, HELDER_STORE_SCHEMA_VERSION, error);
}

const char *
helder_store_get_path (HelderStore *self)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);

  return self->path;
}

gboolean
helder_store_is_read_only (HelderStore *self)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), TRUE);

  return self->read_only;
}

HelderStoreMemory *
helder_store_get_memory (HelderStore *self)
{
  return &self->memory;
}

sqlite3 *
helder_store_get_db (HelderStore *self)
{
  return self->db;
}

guint
helder_store_get_schema_version (HelderStore *self)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
helder_store_get_user (HelderStore *self)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);

  return self->user;
}

void
helder_store_set_user (HelderStore *self,
                       const char  *user)
{
  g_return_if_fail (HELDER_IS_STORE (self));

  if (g_strcmp0 (self->user, user) == 0)
    return;
  g_free (self->user);
  self->user = g_strdup (user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/* Statements */

static sqlite3_stmt *
prepare (HelderStore  *self,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      helder_store_sqlite_error (error, self->db, rc, "Could not prepare a query");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Writes one local edit inside an open transaction.  Returns FALSE with
 * @error set on failure, and sets *changed when something was written. */
gboolean
helder_store_write_local (HelderStore  *self,
             HelderRecord *record,
             GDateTime    *now,
             gboolean     *changed,
             GError      **error)
{
  g_autoptr(HelderRecord) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;
  int rc;

  if (!helder_record_validate (record, &local_error))
    {
      g_set_error_literal (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  existing = helder_store_load_row (self, G_OBJECT_TYPE (record), helder_record_get_id (record), &local_error);
  if (existing == NULL && !g_error_matches (local_error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (existing != NULL &&
      helder_record_equal_data (existing, record) &&
      helder_record_get_visibility (existing) == helder_record_get_visibility (record))
    return TRUE;

  /* The version is the server's; a local edit never moves it. */
  helder_record_set_version (record, existing ? helder_record_get_version (existing) : 0);
  helder_record_set_updated_at (record, now);
  helder_record_set_updated_by (record, self->user);

  if (!helder_store_upsert (self, record, "Could not save a record", error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO outbox (record_id, record_type, queued_at) VALUES (?, ?, ?) "
                  "ON CONFLICT (record_id) DO UPDATE SET generation = generation + 1, "
                  "queued_at = excluded.queued_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, helder_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, helder_record_get_type_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return helder_store_sqlite_error (error, self->db, rc, "Could not queue a record for sync");

  *changed = TRUE;
  return TRUE;
}

/* For the sync code (helder-store-sync.c): the same statements, without
 * the outbox. */

sqlite3_stmt *
helder_store_prepare (HelderStore  *self,
                      const char   *sql,
                      GError      **error)
{
  return prepare (self, sql, error);
}

gboolean
helder_store_exec (HelderStore  *self,
                   const char   *sql,
                   GError      **error)
{
  return exec (self->db, sql, error);
}

void
helder_store_emit_changed (HelderStore *self,
                           const char  *type_name,
                           const char  *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (type_name), type_name, id);
}

void
helder_store_emit_records_changed (HelderStore        *self,
                                   const char         *type_name,
                                   const char * const *ids)
{
  g_signal_emit (self, signals[RECORDS_CHANGED], g_quark_from_string (type_name), type_name, ids);
}

/**
 * helder_store_save_all:
 * @records: (element-type HelderRecord): the records to save
 *
 * Saves @records as local edits in one transaction: all or none.  A
 * record whose content equals what is stored is left alone.  On success
 * each saved record carries its new updated-at and updated-by.
 */
gboolean
helder_store_save_all (HelderStore  *self,
                       GPtrArray    *records,
                       GError      **error)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return helder_store_write (self, records, NULL, error);
}

/* What a local edit changes on the record it is given, kept so that a
 * write that fails leaves its records as they were. */
typedef struct
{
  gint64     version;
  gboolean   deleted;
  GDateTime *updated_at;
  char      *updated_by;
} Given;

static void
given_clear (gpointer data)
{
  Given *given = data;

  g_clear_pointer (&given->updated_at, g_date_time_unref);
  g_clear_pointer (&given->updated_by, g_free);
}

static void
given_restore (GPtrArray *records,
               GArray    *given)
{
  for (guint i = 0; i < records->len; i++)
    {
      HelderRecord *record = records->pdata[i];
      Given *g = &g_array_index (given, Given, i);

      helder_record_set_version (record, g->version);
      helder_record_set_deleted (record, g->deleted);
      helder_record_set_updated_at (record, g->updated_at);
      helder_record_set_updated_by (record, g->updated_by);
    }
}

/**
 * helder_store_write:
 * @saves: (element-type HelderRecord) (nullable): records to save
 * @deletions: (element-type HelderRecord) (nullable): records to delete
 *
 * One user action that saves some records and deletes others, in one
 * transaction: all or none.  A record whose content equals what is stored
 * is left alone.  On success each saved record carries its new updated-at
 * and updated-by, and each deleted one is marked deleted; on failure the
 * records are as they were given.
 */
gboolean
helder_store_write (HelderStore  *self,
                    GPtrArray    *saves,
                    GPtrArray    *deletions,
                    GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GArray) given = g_array_new (FALSE, TRUE, sizeof (Given));
  guint n_saves, n_changed = 0;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_READ_ONLY,
                   "%s is read-only: Helder cannot save changes to it", display);
      return FALSE;
    }

  for (guint i = 0; saves != NULL && i < saves->len; i++)
    {
      g_return_val_if_fail (HELDER_IS_RECORD (saves->pdata[i]), FALSE);
      g_ptr_array_add (all, saves->pdata[i]);
    }
  n_saves = all->len;
  for (guint i = 0; deletions != NULL && i < deletions->len; i++)
    {
      g_return_val_if_fail (HELDER_IS_RECORD (deletions->pdata[i]), FALSE);
      g_ptr_array_add (all, deletions->pdata[i]);
    }
  g_array_set_clear_func (given, given_clear);
  g_array_set_size (given, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      HelderRecord *record = all->pdata[i];
      Given *g = &g_array_index (given, Given, i);
      GDateTime *updated_at = helder_record_get_updated_at (record);

      g->version = helder_record_get_version (record);
      g->deleted = helder_record_get_deleted (record);
      g->updated_at = updated_at ? g_date_time_ref (updated_at) : NULL;
      g->updated_by = g_strdup (helder_record_get_updated_by (record));
    }

  if (!exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      HelderRecord *record = g_ptr_array_index (all, i);
      gboolean changed = FALSE;

      if (i >= n_saves)
        helder_record_set_deleted (record, TRUE);
      if (!helder_store_write_local (self, record, now, &changed, error))
        goto fail;
      if (changed)
        {
          helder_store_changes_add (changes, helder_record_get_type_name (record),
                                    helder_record_get_id (record));
          n_changed++;
        }
    }

  if (!helder_store_count_edits (self, n_changed, error) ||
      !exec (self->db, "COMMIT", error))
    goto fail;
  helder_store_note_edits (self, n_changed);

  helder_store_changes_emit (self, changes);
  return TRUE;

fail:
  exec (self->db, "ROLLBACK", NULL);
  /* What did not happen leaves its records as given. */
  given_restore (all, given);
  return FALSE;
}

gboolean
helder_store_save (HelderStore   *self,
                   HelderRecord  *record,
                   GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  g_ptr_array_add (one, record);
  return helder_store_save_all (self, one, error);
}

/**
 * helder_store_delete:
 *
 * Marks @record deleted (a tombstone that syncs); its fields stay, so
 * saving it again with deleted unset undoes the deletion.
 */
gboolean
helder_store_delete (HelderStore   *self,
                     HelderRecord  *record,
                     GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  g_ptr_array_add (one, record);
  return helder_store_write (self, NULL, one, error);
}
