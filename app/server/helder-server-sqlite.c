/* helder-server-sqlite.c: the embedded SQLite storage of helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "helder-server-sqlite.h"

/* One SQLite file in the data directory, in WAL mode with synchronous=FULL:
 * a write the server has acknowledged survives a crash or a power cut.
 * Every statement is prepared with bound parameters. */

struct _HelderServerSqlite
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;   /* SQL → sqlite3_stmt */
};

static void storage_iface_init (HelderServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderServerSqlite, helder_server_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HELDER_TYPE_SERVER_STORAGE, storage_iface_init))

#define SCHEMA_VERSION 2

static const char schema[] =
  "CREATE TABLE orgs ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT UNIQUE NOT NULL,"
  "  name TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  horizon INTEGER NOT NULL DEFAULT 0"     /* tombstones older than this are gone */
  ");"
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  org INTEGER NOT NULL REFERENCES orgs (id),"
  "  login TEXT UNIQUE NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'advisor', 'staff')),"
  "  password TEXT NOT NULL"
  ");"
  "CREATE TABLE tokens ("
  "  hash TEXT PRIMARY KEY,"
  "  user INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created TEXT NOT NULL"
  ");"
  "CREATE TABLE records ("
  "  org INTEGER NOT NULL REFERENCES orgs (id),"
  "  id TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  visibility TEXT NOT NULL DEFAULT 'org',"
  "  owner INTEGER,"
  "  updated_by TEXT,"
  "  updated_at TEXT,"
  "  data TEXT NOT NULL,"
  "  field_versions TEXT NOT NULL,"
  "  PRIMARY KEY (org, id)"
  ");"
  "CREATE UNIQUE INDEX records_id ON records (id);"
  "CREATE INDEX records_version ON records (org, version);"
  "CREATE TABLE idempotency ("
  "  org INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  body_hash TEXT NOT NULL,"
  "  response TEXT NOT NULL,"
  "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  PRIMARY KEY (org, key)"
  ");";

/* Version 2: each record's wire JSON kept as text (pages of changes are
 * spliced from it), the data epoch, and each organisation's version at
 * the last restore. */
static const char schema_2[] =
  "ALTER TABLE records ADD COLUMN wire TEXT;"
  "UPDATE records SET wire = json_object ('id', id, 'type', type, 'version', version,"
  "  'deleted', json (CASE WHEN deleted THEN 'true' ELSE 'false' END), 'visibility', visibility,"
  "  'updated_by', updated_by, 'updated_at', updated_at, 'data', json (data));"
  "ALTER TABLE orgs ADD COLUMN restored INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  /* In page order: no sort per page */
  "DROP INDEX records_version;"
  "CREATE INDEX records_page ON records (org, version, id);";

static gboolean
sql_error (GError     **error,
           sqlite3     *db,
           const char  *what)
{
  int code = sqlite3_errcode (db) == SQLITE_CONSTRAINT ? HELDER_SERVER_ERROR_EXISTS
                                                        : HELDER_SERVER_ERROR_FAILED;

  g_set_error (error, HELDER_SERVER_ERROR, code, "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare (HelderServerSqlite  *self,
         const char          *sql,
         GError             **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (error, self->db, "prepare");
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (HelderServerSqlite  *self,
      const char          *sql,
      GError             **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (error, self->db, sql);
  return TRUE;
}

/* A new random data epoch (at creation and on a restore). */
static gboolean
set_epoch (HelderServerSqlite  *self,
           GError             **error)
{
  g_autofree char *epoch = g_uuid_string_random ();
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO meta (key, value) VALUES ('epoch', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, epoch, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (error, self->db, "data epoch");
  return TRUE;
}

/* From data version @version (0: empty) to SCHEMA_VERSION, in one
 * transaction. */
static gboolean
migrate (HelderServerSqlite  *self,
         int                  version,
         GError             **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", SCHEMA_VERSION);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((version < 1 && !exec (self, schema, error)) ||
      (version < 2 && (!exec (self, schema_2, error) || !set_epoch (self, error))) ||
      !exec (self, bump, error) || !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static void
helder_server_sqlite_finalize (GObject *object)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close (self->db);

  G_OBJECT_CLASS (helder_server_sqlite_parent_class)->finalize (object);
}

static void
helder_server_sqlite_class_init (HelderServerSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = helder_server_sqlite_finalize;
}

static void
helder_server_sqlite_init (HelderServerSqlite *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

HelderServerSqlite *
helder_server_sqlite_open (const char  *data_dir,
                           GError     **error)
{
  g_autoptr(HelderServerSqlite) self = g_object_new (HELDER_TYPE_SERVER_SQLITE, NULL);
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;
  int version = 0;

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                   "Could not create %s", data_dir);
      return NULL;
    }
  path = g_build_filename (data_dir, "helder-server.db", NULL);
  if (sqlite3_open (path, &self->db) != SQLITE_OK)
    {
      sql_error (error, self->db, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                   "%s was written by a newer helder-server (data version %d)", path, version);
      return NULL;
    }
  if (version < SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The interface */

static gboolean
sqlite_begin (HelderServerStorage  *storage,
              GError              **error)
{
  return exec (HELDER_SERVER_SQLITE (storage), "BEGIN IMMEDIATE", error);
}

static gboolean
sqlite_commit (HelderServerStorage  *storage,
               GError              **error)
{
  return exec (HELDER_SERVER_SQLITE (storage), "COMMIT", error);
}

static void
sqlite_rollback (HelderServerStorage *storage)
{
  exec (HELDER_SERVER_SQLITE (storage), "ROLLBACK", NULL);
}

static gboolean
step_done (HelderServerSqlite  *self,
           sqlite3_stmt        *stmt,
           const char          *what,
           GError             **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (error, self->db, what);
  return TRUE;
}

static gboolean
sqlite_create_org (HelderServerStorage  *storage,
                   const char           *slug,
                   const char           *name,
                   GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO orgs (slug, name) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, "create organisation", error);
}

static gboolean
sqlite_add_user (HelderServerStorage  *storage,
                 const char           *org_slug,
                 const char           *login,
                 const char           *role,
                 const char           *password_hash,
                 GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO users (org, login, role, password) "
                                "SELECT id, ?, ?, ? FROM orgs WHERE slug = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, password_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, org_slug, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "add user", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND,
                   "No organisation %s", org_slug);
      return FALSE;
    }
  return TRUE;
}

static gint
sqlite_revoke_tokens (HelderServerStorage  *storage,
                      const char           *login,
                      GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "DELETE FROM tokens WHERE user IN (SELECT id FROM users WHERE login = ?)",
                                error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "revoke tokens", error))
    return -1;
  return sqlite3_changes (self->db);
}

static gboolean
sqlite_set_password (HelderServerStorage  *storage,
                     const char           *login,
                     const char           *password_hash,
                     GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "UPDATE users SET password = ? WHERE login = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, password_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, login, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "set password", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
      return FALSE;
    }
  return TRUE;
}

static void
read_user (sqlite3_stmt     *stmt,
           HelderServerUser *user)
{
  user->id = sqlite3_column_int64 (stmt, 0);
  user->org_id = sqlite3_column_int64 (stmt, 1);
  user->login = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  user->role = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  user->org_slug = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
}

#define USER_COLUMNS "users.id, users.org, users.login, users.role, orgs.slug"

static gboolean
sqlite_find_login (HelderServerStorage  *storage,
                   const char           *login,
                   HelderServerUser     *user,
                   char                **password_hash,
                   GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " USER_COLUMNS ", users.password FROM users "
                                "JOIN orgs ON orgs.id = users.org WHERE users.login = ?", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_user (stmt, user);
      *password_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    sql_error (error, self->db, "find user");   /* not "not found": a 503, not a 401 */
  else
    g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
  sqlite3_reset (stmt);
  return found;
}

static gboolean
sqlite_add_token (HelderServerStorage  *storage,
                  gint64                user_id,
                  const char           *token_hash,
                  GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO tokens (hash, user, created) "
                                "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  return step_done (self, stmt, "add token", error);
}

static gboolean
sqlite_find_token (HelderServerStorage  *storage,
                   const char           *token_hash,
                   HelderServerUser     *user,
                   GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " USER_COLUMNS ", orgs.version, orgs.horizon, orgs.restored, "
                                "(SELECT value FROM meta WHERE key = 'epoch') FROM tokens "
                                "JOIN users ON users.id = tokens.user "
                                "JOIN orgs ON orgs.id = users.org WHERE tokens.hash = ?", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* The lookup is by the token's SHA-256: an index on a hash, so its time
   * says nothing about how much of a guessed token was right. */
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_user (stmt, user);
      user->org_version = sqlite3_column_int64 (stmt, 5);
      user->org_horizon = sqlite3_column_int64 (stmt, 6);
      user->org_restored = sqlite3_column_int64 (stmt, 7);
      user->epoch = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    sql_error (error, self->db, "find token");
  else
    g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "Unknown token");
  sqlite3_reset (stmt);
  return found;
}

static gint64
sqlite_get_org_version (HelderServerStorage  *storage,
                        gint64                org_id,
                        gint64               *horizon,
                        GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "SELECT version, horizon FROM orgs WHERE id = ?", error);
  gint64 version = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, org_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      if (horizon != NULL)
        *horizon = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    version = -1, sql_error (error, self->db, "organisation version");
  sqlite3_reset (stmt);
  return version;
}

static gboolean
sqlite_set_org_version (HelderServerStorage  *storage,
                        gint64                org_id,
                        gint64                version,
                        GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "UPDATE orgs SET version = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version);
  sqlite3_bind_int64 (stmt, 2, org_id);
  return step_done (self, stmt, "set version", error);
}

#define ROW_COLUMNS "id, type, version, deleted, visibility, owner, updated_by, updated_at, data, field_versions, org"

static JsonObject *
read_row (sqlite3_stmt *stmt)
{
  return helder_server_row_new ((const char *) sqlite3_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                sqlite3_column_int64 (stmt, 2),
                                sqlite3_column_int (stmt, 3) != 0,
                                (const char *) sqlite3_column_text (stmt, 4),
                                sqlite3_column_int64 (stmt, 5),
                                (const char *) sqlite3_column_text (stmt, 6),
                                (const char *) sqlite3_column_text (stmt, 7),
                                (const char *) sqlite3_column_text (stmt, 8),
                                (const char *) sqlite3_column_text (stmt, 9));
}

static JsonObject *
sqlite_get_record (HelderServerStorage  *storage,
                   gint64                org_id,
                   const char           *id,
                   gboolean             *elsewhere,
                   GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "SELECT " ROW_COLUMNS " FROM records WHERE id = ?", error);
  JsonObject *row = NULL;
  int rc;

  *elsewhere = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 10) == org_id)
        row = read_row (stmt);
      else
        *elsewhere = TRUE;
    }
  else if (rc != SQLITE_DONE)
    sql_error (error, self->db, "read record");
  sqlite3_reset (stmt);
  return row;
}

static gboolean
sqlite_put_record (HelderServerStorage  *storage,
                   gint64                org_id,
                   JsonObject           *row,
                   GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO records (org, id, type, version, deleted, visibility, owner, "
                                "updated_by, updated_at, data, field_versions, wire) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (org, id) DO UPDATE SET version = excluded.version, "
                                "deleted = excluded.deleted, visibility = excluded.visibility, "
                                "updated_by = excluded.updated_by, updated_at = excluded.updated_at, "
                                "data = excluded.data, field_versions = excluded.field_versions, wire = excluded.wire", error);
  char *data, *versions, *wire;

  if (stmt == NULL)
    return FALSE;
  helder_server_row_texts (row, &data, &versions, &wire);
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member (row, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member (row, "type"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, json_object_get_int_member (row, "version"));
  sqlite3_bind_int (stmt, 5, json_object_get_boolean_member (row, "deleted"));
  sqlite3_bind_text (stmt, 6, json_object_get_string_member (row, "visibility"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, json_object_get_int_member (row, "owner"));
  sqlite3_bind_text (stmt, 8, json_object_get_string_member_with_default (row, "updated_by", NULL), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, json_object_get_string_member_with_default (row, "updated_at", NULL), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, data, -1, g_free);
  sqlite3_bind_text (stmt, 11, versions, -1, g_free);
  sqlite3_bind_text (stmt, 12, wire, -1, g_free);
  return step_done (self, stmt, "store record", error);
}

/* Private records are only their owner's.  The wire text goes from
 * SQLite's page straight into the answer. */
static gboolean
sqlite_changes (HelderServerStorage  *storage,
                gint64                org_id,
                gint64                user_id,
                gint64                since,
                guint                 limit,
                HelderServerPage     *page,
                GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT version, wire FROM records WHERE org = ? AND version > ? "
                                "AND (visibility = 'org' OR owner = ?) ORDER BY version, id LIMIT ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_int (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    helder_server_page_add (page, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                            sqlite3_column_bytes (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (error, self->db, "read changes");
  return TRUE;
}

static JsonObject *
sqlite_index (HelderServerStorage  *storage,
              gint64                org_id,
              gint64                user_id,
              GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT id, version FROM records WHERE org = ? "
                                "AND (visibility = 'org' OR owner = ?)", error);
  JsonObject *index;

  if (stmt == NULL)
    return NULL;
  index = json_object_new ();
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_object_set_int_member (index, (const char *) sqlite3_column_text (stmt, 0),
                                sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  return index;
}

static char *
sqlite_get_idempotent (HelderServerStorage  *storage,
                       gint64                org_id,
                       const char           *key,
                       char                **body_hash,
                       GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "SELECT response, body_hash FROM idempotency WHERE org = ? AND key = ?",
                                error);
  char *response = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      response = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *body_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return response;
}

static gboolean
sqlite_put_idempotent (HelderServerStorage  *storage,
                       gint64                org_id,
                       const char           *key,
                       const char           *body_hash,
                       const char           *response,
                       GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO idempotency (org, key, body_hash, response) VALUES (?, ?, ?, ?)",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, body_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, response, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, "store idempotency key", error);
}

/* Forgets tombstones older than @older_than_seconds.  Each organisation's
 * horizon moves up to the newest version forgotten: a client that last
 * synced before it gets 410 and reconciles with the index. */
static gint
sqlite_purge_tombstones (HelderServerStorage  *storage,
                         gint64                older_than_seconds,
                         GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(gdouble) older_than_seconds);
  g_autofree char *cutoff_text = g_date_time_format_iso8601 (cutoff);
  sqlite3_stmt *stmt;
  gint purged;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return -1;
  stmt = prepare (self,
                  "UPDATE orgs SET horizon = MAX (horizon, (SELECT IFNULL (MAX (version), 0) FROM records "
                  "WHERE records.org = orgs.id AND deleted = 1 AND updated_at <= ?))", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, cutoff_text, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "move the horizon", error))
    goto fail;
  stmt = prepare (self, "DELETE FROM records WHERE deleted = 1 AND updated_at <= ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, cutoff_text, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "forget tombstones", error))
    goto fail;
  purged = sqlite3_changes (self->db);
  if (!exec (self, "COMMIT", error))
    goto fail;
  return purged;

fail:
  exec (self, "ROLLBACK", NULL);
  return -1;
}

/* Forgets the stored answers of pushes older than @older_than_seconds: a
 * replay after that is applied like a new push, where the merge finds its
 * records unchanged or in conflict, never applied twice. */
static gint
sqlite_purge_idempotent (HelderServerStorage  *storage,
                         gint64                older_than_seconds,
                         GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(gdouble) older_than_seconds);
  g_autofree char *cutoff_text = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt = prepare (self, "DELETE FROM idempotency WHERE created <= ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, cutoff_text, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "forget old push answers", error))
    return -1;
  return sqlite3_changes (self->db);
}

static char *
sqlite_get_epoch (HelderServerStorage  *storage,
                  GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt = prepare (self, "SELECT value FROM meta WHERE key = 'epoch'", error);
  char *epoch = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    epoch = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    sql_error (error, self->db, "data epoch");
  sqlite3_reset (stmt);
  return epoch;
}

static gboolean
sqlite_mark_restored (HelderServerStorage  *storage,
                      GError              **error)
{
  HelderServerSqlite *self = HELDER_SERVER_SQLITE (storage);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec (self, "UPDATE orgs SET restored = version", error) || !set_epoch (self, error) ||
      !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* Copies all of @from into @to with SQLite's online backup API, in one
 * step: the source is read as one snapshot (in WAL mode writers go on
 * meanwhile), and a busy destination is waited for. */
static gboolean
copy_database (sqlite3     *to,
               sqlite3     *from,
               const char  *what,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    return sql_error (error, to, what);
  for (guint tries = 0; tries < 100; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep (50 * 1000);
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "%s: %s", what, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_server_sqlite_backup:
 * @path: the backup file to write (replaced if it exists)
 *
 * Writes a consistent copy of the data to @path while the server may go
 * on writing, readable only by its owner.
 */
gboolean
helder_server_sqlite_backup (HelderServerSqlite  *self,
                             const char          *path,
                             GError             **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  sqlite3 *to = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (HELDER_IS_SERVER_SQLITE (self), FALSE);

  /* Made 0600 before anything is written into it */
  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "%s: %s", partial, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  if (sqlite3_open (partial, &to) != SQLITE_OK)
    ok = sql_error (error, to, partial);
  else
    ok = copy_database (to, self->db, "backup", error);
  /* A backup is one file: no WAL beside it */
  if (ok && sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = sql_error (error, to, "backup");
  sqlite3_close (to);
  if (ok && g_rename (partial, path) != 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

/**
 * helder_server_sqlite_restore:
 * @path: a file written by helder_server_sqlite_backup()
 *
 * Replaces the data with the backup's, brings it to this server's data
 * version, and marks the restore (a new data epoch).  A server running on
 * the same directory goes on with the restored data.
 */
gboolean
helder_server_sqlite_restore (HelderServerSqlite  *self,
                              const char          *path,
                              GError             **error)
{
  sqlite3 *from = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  gboolean ok;

  g_return_val_if_fail (HELDER_IS_SERVER_SQLITE (self), FALSE);

  if (sqlite3_open_v2 (path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      ok = sql_error (error, from, path);
      sqlite3_close (from);
      return ok;
    }
  /* Only a helder-server database of this or an older data version */
  if (sqlite3_prepare_v2 (from, "SELECT (SELECT count(*) FROM sqlite_schema WHERE name = 'records'), "
                                "user_version FROM pragma_user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    version = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  if (version < 1 || version > SCHEMA_VERSION)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                   "%s is not a backup of this helder-server's data", path);
      sqlite3_close (from);
      return FALSE;
    }

  /* The statements belong to the data that goes */
  g_hash_table_remove_all (self->statements);
  ok = copy_database (self->db, from, "restore", error);
  sqlite3_close (from);
  if (!ok)
    return FALSE;
  if (version < SCHEMA_VERSION && !migrate (self, version, error))
    return FALSE;
  return sqlite_mark_restored (HELDER_SERVER_STORAGE (self), error);
}

static void
storage_iface_init (HelderServerStorageInterface *iface)
{
  iface->begin = sqlite_begin;
  iface->commit = sqlite_commit;
  iface->rollback = sqlite_rollback;
  iface->create_org = sqlite_create_org;
  iface->add_user = sqlite_add_user;
  iface->revoke_tokens = sqlite_revoke_tokens;
  iface->set_password = sqlite_set_password;
  iface->find_login = sqlite_find_login;
  iface->add_token = sqlite_add_token;
  iface->find_token = sqlite_find_token;
  iface->get_org_version = sqlite_get_org_version;
  iface->set_org_version = sqlite_set_org_version;
  iface->get_record = sqlite_get_record;
  iface->put_record = sqlite_put_record;
  iface->changes = sqlite_changes;
  iface->index = sqlite_index;
  iface->get_idempotent = sqlite_get_idempotent;
  iface->put_idempotent = sqlite_put_idempotent;
  iface->purge_tombstones = sqlite_purge_tombstones;
  iface->purge_idempotent = sqlite_purge_idempotent;
  iface->get_epoch = sqlite_get_epoch;
  iface->mark_restored = sqlite_mark_restored;
}
