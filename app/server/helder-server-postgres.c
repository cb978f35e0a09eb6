/* helder-server-postgres.c: helder-server's PostgreSQL storage
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server-postgres"

#include "config.h"

#include <glib-unix.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helder-server-postgres.h"

/* Several helder-server processes share one PostgreSQL database; each is
 * stateless apart from its login-attempt counters.
 *
 * - A push locks its organisation's row (SELECT ... FOR UPDATE) before it
 *   reads anything, so pushes to one organisation take their versions one
 *   after the other, whichever instance they reach, and a client paging
 *   "since" a version never skips a record committed under a lower one.
 * - The version bump sends NOTIFY helder_versions "ORG VERSION" in the
 *   push's transaction; PostgreSQL delivers it on commit to every instance,
 *   whose LISTEN connection turns it into "version-changed" for the
 *   WebSocket streams it holds.
 * - Every statement is prepared once per connection and run with its
 *   values as parameters.  A connection that breaks between requests is
 *   reset before the next one; a request that meets the break fails with
 *   an error (the client retries), and nothing half-done is committed.
 * - PostgreSQL's synchronous_commit (on by default) gives what SQLite's
 *   synchronous=FULL does: an acknowledged push survives a crash.
 * - Row-level security is a second line of defence behind the server's
 *   own "WHERE org = ...": records and stored push answers are visible
 *   only for the organisation in the session's helder.org setting, which
 *   the backend sets before it touches them.  A statement that forgot its
 *   organisation sees nothing.  Which ids exist in other organisations
 *   (a pushed id must not be taken from another one) is in record_owners,
 *   which holds ids and organisation numbers only.  A session that sets
 *   helder.all_orgs = on sees every organisation: pg_dump does (README);
 *   the server never does.  PostgreSQL lets a superuser or a BYPASSRLS
 *   role past the policies: run the server as an ordinary role that owns
 *   its database (it warns otherwise). */

#define SCHEMA_VERSION 2
#define SCHEMA_LOCK    7248414   /* pg_advisory_xact_lock key for set-up */
#define CHANNEL        "helder_versions"
#define SESSION_SETTINGS "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; " \
                         "SET client_min_messages = 'warning'; SET lock_timeout = '10s'; " \
                         "SET statement_timeout = '60s'; SET idle_in_transaction_session_timeout = '60s'"

typedef enum
{
  ST_CREATE_ORG,
  ST_ADD_USER,
  ST_REVOKE_TOKENS,
  ST_SET_PASSWORD,
  ST_FIND_LOGIN,
  ST_ADD_TOKEN,
  ST_FIND_TOKEN,
  ST_ORG_VERSION,
  ST_LOCK_ORG,
  ST_SET_VERSION,
  ST_NOTIFY,
  ST_GET_RECORD,
  ST_PUT_RECORD,
  ST_CHANGES,
  ST_INDEX,
  ST_GET_IDEMPOTENT,
  ST_PUT_IDEMPOTENT,
  ST_MOVE_HORIZON,
  ST_PURGE_TOMBSTONES,
  ST_PURGE_IDEMPOTENT,
  ST_SCOPE,
  ST_RECORD_OWNER,
  ST_EPOCH,
  ST_ORGS,
  N_STATEMENTS
} Statement;

#define USER_COLUMNS "users.id, users.org, users.login, users.role, orgs.slug"
#define ROW_COLUMNS  "id, type, version, deleted, visibility, owner, updated_by, updated_at, data, field_versions, org"

static const char * const statements[N_STATEMENTS] = {
  [ST_CREATE_ORG] = "INSERT INTO orgs (slug, name) VALUES ($1, $2)",
  [ST_ADD_USER] = "INSERT INTO users (org, login, role, password) SELECT id, $2, $3, $4 FROM orgs WHERE slug = $1",
  [ST_REVOKE_TOKENS] = "DELETE FROM tokens WHERE user_id IN (SELECT id FROM users WHERE login = $1)",
  [ST_SET_PASSWORD] = "UPDATE users SET password = $2 WHERE login = $1",
  [ST_FIND_LOGIN] = "SELECT " USER_COLUMNS ", users.password FROM users JOIN orgs ON orgs.id = users.org "
                    "WHERE users.login = $1",
  [ST_ADD_TOKEN] = "INSERT INTO tokens (hash, user_id) VALUES ($1, $2)",
  [ST_FIND_TOKEN] = "SELECT " USER_COLUMNS ", orgs.version, orgs.horizon, orgs.restored, "
                    "(SELECT value FROM helder_meta WHERE key = 'epoch') FROM tokens "
                    "JOIN users ON users.id = tokens.user_id "
                    "JOIN orgs ON orgs.id = users.org WHERE tokens.hash = $1",
  [ST_ORG_VERSION] = "SELECT version, horizon FROM orgs WHERE id = $1",
  [ST_LOCK_ORG] = "SELECT version, horizon FROM orgs WHERE id = $1 FOR UPDATE",
  [ST_SET_VERSION] = "UPDATE orgs SET version = $2 WHERE id = $1",
  [ST_NOTIFY] = "SELECT pg_notify ('" CHANNEL "', $1)",
  [ST_GET_RECORD] = "SELECT " ROW_COLUMNS " FROM records WHERE id = $1",
  [ST_PUT_RECORD] = "INSERT INTO records (org, id, type, version, deleted, visibility, owner, "
                    "updated_by, updated_at, data, field_versions, wire) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                    "ON CONFLICT (org, id) DO UPDATE SET version = excluded.version, "
                    "deleted = excluded.deleted, visibility = excluded.visibility, "
                    "updated_by = excluded.updated_by, updated_at = excluded.updated_at, "
                    "data = excluded.data, field_versions = excluded.field_versions, wire = excluded.wire",
  [ST_CHANGES] = "SELECT version, wire FROM records WHERE org = $1 AND version > $2 "
                 "AND (visibility = 'org' OR owner = $3) ORDER BY version, id LIMIT $4",
  [ST_INDEX] = "SELECT id, version FROM records WHERE org = $1 AND (visibility = 'org' OR owner = $2)",
  [ST_GET_IDEMPOTENT] = "SELECT response, body_hash FROM idempotency WHERE org = $1 AND key = $2",
  [ST_PUT_IDEMPOTENT] = "INSERT INTO idempotency (org, key, body_hash, response) VALUES ($1, $2, $3, $4)",
  /* Only the organisations whose horizon moves are written (and locked) */
  [ST_MOVE_HORIZON] = "UPDATE orgs SET horizon = h.newest FROM (SELECT org, MAX (version) AS newest "
                      "FROM records WHERE deleted AND updated_at <= $1 GROUP BY org) AS h "
                      "WHERE orgs.id = h.org AND orgs.horizon < h.newest",
  [ST_PURGE_TOMBSTONES] = "DELETE FROM records WHERE deleted AND updated_at <= $1",
  [ST_PURGE_IDEMPOTENT] = "DELETE FROM idempotency WHERE created <= now () - make_interval (secs => $1)",
  [ST_SCOPE] = "SELECT set_config ('helder.org', $1, false)",
  [ST_RECORD_OWNER] = "SELECT org FROM record_owners WHERE id = $1",
  [ST_EPOCH] = "SELECT value FROM helder_meta WHERE key = 'epoch'",
  [ST_ORGS] = "SELECT id FROM orgs ORDER BY id",
};

static const char schema[] =
  "CREATE TABLE orgs ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  slug TEXT UNIQUE NOT NULL,"
  "  name TEXT NOT NULL,"
  "  version BIGINT NOT NULL DEFAULT 0,"
  "  horizon BIGINT NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE users ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  org BIGINT NOT NULL REFERENCES orgs (id),"
  "  login TEXT UNIQUE NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'advisor', 'staff')),"
  "  password TEXT NOT NULL"
  ");"
  "CREATE TABLE tokens ("
  "  hash TEXT PRIMARY KEY,"
  "  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created TIMESTAMPTZ NOT NULL DEFAULT now ()"
  ");"
  "CREATE TABLE records ("
  "  org BIGINT NOT NULL REFERENCES orgs (id),"
  "  id TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  version BIGINT NOT NULL,"
  "  deleted BOOLEAN NOT NULL DEFAULT FALSE,"
  "  visibility TEXT NOT NULL DEFAULT 'org',"
  "  owner BIGINT,"
  "  updated_by TEXT,"
  "  updated_at TEXT,"
  "  data TEXT NOT NULL,"
  "  field_versions TEXT NOT NULL,"
  "  PRIMARY KEY (org, id)"
  ");"
  "CREATE UNIQUE INDEX records_id ON records (id);"
  "CREATE INDEX records_version ON records (org, version);"
  "CREATE TABLE idempotency ("
  "  org BIGINT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  body_hash TEXT NOT NULL,"
  "  response TEXT NOT NULL,"
  "  created TIMESTAMPTZ NOT NULL DEFAULT now (),"
  "  PRIMARY KEY (org, key)"
  ");";

/* Version 2: the wire JSON of each record as text (pages are spliced from
 * it), each organisation's version at the last restore, and row-level
 * security per organisation (see above).  The data epoch is set with it. */
static const char schema_2[] =
  "ALTER TABLE records ADD COLUMN wire TEXT;"
  "UPDATE records SET wire = json_build_object ('id', id, 'type', type, 'version', version,"
  "  'deleted', deleted, 'visibility', visibility, 'updated_by', updated_by, 'updated_at', updated_at,"
  "  'data', data::json)::text;"
  "ALTER TABLE orgs ADD COLUMN restored BIGINT NOT NULL DEFAULT 0;"
  "DROP INDEX records_version;"
  "CREATE INDEX records_page ON records (org, version, id);"
  "CREATE TABLE record_owners (id TEXT PRIMARY KEY, org BIGINT NOT NULL REFERENCES orgs (id));"
  "INSERT INTO record_owners (id, org) SELECT id, org FROM records;"
  "CREATE FUNCTION helder_record_owner () RETURNS trigger LANGUAGE plpgsql AS $$"
  "  BEGIN INSERT INTO record_owners (id, org) VALUES (NEW.id, NEW.org) ON CONFLICT (id) DO NOTHING;"
  "  RETURN NEW; END $$;"
  "CREATE TRIGGER records_owner BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION helder_record_owner ();"
  "ALTER TABLE records ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE records FORCE ROW LEVEL SECURITY;"
  "CREATE POLICY records_org ON records"
  "  USING (org = NULLIF (current_setting ('helder.org', TRUE), '')::bigint)"
  "  WITH CHECK (org = NULLIF (current_setting ('helder.org', TRUE), '')::bigint);"
  "CREATE POLICY records_all ON records USING (current_setting ('helder.all_orgs', TRUE) = 'on');"
  "ALTER TABLE idempotency ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE idempotency FORCE ROW LEVEL SECURITY;"
  "CREATE POLICY idempotency_org ON idempotency"
  "  USING (org = NULLIF (current_setting ('helder.org', TRUE), '')::bigint)"
  "  WITH CHECK (org = NULLIF (current_setting ('helder.org', TRUE), '')::bigint);"
  "CREATE POLICY idempotency_all ON idempotency USING (current_setting ('helder.all_orgs', TRUE) = 'on');";

struct _HelderServerPostgres
{
  GObject   parent_instance;

  char     *conninfo;
  PGconn   *conn;
  gboolean  in_transaction;
  gboolean  prepared;         /* the statements exist on this connection */
  gint64    scope;            /* the connection's helder.org; 0: unknown */

  PGconn   *listener;        /* LISTEN helder_versions */
  guint     listener_watch;
  guint     listener_retry;
};

static void storage_iface_init (HelderServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderServerPostgres, helder_server_postgres, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HELDER_TYPE_SERVER_STORAGE, storage_iface_init))

/* Connections */

static gboolean
connection_error (GError     **error,
                  PGconn      *conn,
                  const char  *what)
{
  g_autofree char *message = g_strdup (conn ? PQerrorMessage (conn) : "out of memory");

  g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "%s: %s", what, g_strchomp (message));
  return FALSE;
}

static gboolean
result_error (GError     **error,
              PGresult    *result,
              PGconn      *conn,
              const char  *what)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = g_strdup (result ? PQresultErrorMessage (result) : PQerrorMessage (conn));
  /* 23505: unique_violation */
  int code = g_strcmp0 (state, "23505") == 0 ? HELDER_SERVER_ERROR_EXISTS : HELDER_SERVER_ERROR_FAILED;

  g_set_error (error, HELDER_SERVER_ERROR, code, "%s: %s", what, g_strchomp (message));
  return FALSE;
}

static gboolean
exec_simple (PGconn      *conn,
             const char  *sql,
             GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    result_error (error, result, conn, sql);
  PQclear (result);
  return ok;
}

static gboolean
prepare_all (HelderServerPostgres  *self,
             GError               **error)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      char name[16];
      PGresult *result;
      gboolean ok;

      g_snprintf (name, sizeof name, "h%u", i);
      result = PQprepare (self->conn, name, statements[i], 0, NULL);
      ok = PQresultStatus (result) == PGRES_COMMAND_OK;
      if (!ok)
        result_error (error, result, self->conn, statements[i]);
      PQclear (result);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static PGconn *
connect_to (const char  *conninfo,
            GError     **error)
{
  /* Defaults first: the connection string, expanded last, overrides them.
   * A server that does not answer is given up after 10 s, and a peer that
   * vanished is noticed within about a minute. */
  static const char * const keywords[] = { "connect_timeout", "keepalives_idle", "keepalives_interval",
                                           "keepalives_count", "dbname", NULL };
  const char * const values[] = { "10", "30", "10", "3", conninfo, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      connection_error (error, conn, "PostgreSQL");
      PQfinish (conn);
      return NULL;
    }
  /* Messages and names the way the server's code expects them; and no
   * wait without end: a push that finds its organisation locked by a
   * stuck instance gives up (503, the client retries), and a transaction
   * left open by a vanished instance is ended by PostgreSQL. */
  if (!exec_simple (conn, SESSION_SETTINGS, error))
    {
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* Between requests only: a broken connection is replaced, and its
 * statements prepared again. */
static gboolean
ensure_connected (HelderServerPostgres  *self,
                  GError               **error)
{
  if (PQstatus (self->conn) == CONNECTION_OK)
    {
      /* A reset whose statements failed to prepare tries them again */
      if (!self->prepared && !self->in_transaction)
        self->prepared = prepare_all (self, error);
      return self->prepared;
    }
  if (self->in_transaction)
    return connection_error (error, self->conn, "PostgreSQL connection lost during a transaction");

  g_message ("PostgreSQL connection lost; connecting again");
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return connection_error (error, self->conn, "PostgreSQL");
  self->prepared = FALSE;
  self->scope = 0;
  if (!exec_simple (self->conn, SESSION_SETTINGS, error))
    return FALSE;
  self->prepared = prepare_all (self, error);
  return self->prepared;
}

/* Runs prepared statement @which with @n text @values, for organisation
 * @org (0: a statement about no organisation's records); returns its
 * result when it has the status wanted, else NULL with @error set. */
static PGresult *
run_for (HelderServerPostgres  *self,
         gint64                 org,
         Statement              which,
         int                    n,
         const char * const    *values,
         GError               **error)
{
  char name[16], scope_name[16], org_text[32];
  const char *scope_values[] = { org_text };

  g_snprintf (name, sizeof name, "h%u", (guint) which);
  g_snprintf (scope_name, sizeof scope_name, "h%u", (guint) ST_SCOPE);
  g_snprintf (org_text, sizeof org_text, "%" G_GINT64_FORMAT, org);
  /* Outside a transaction a statement that met a dropped connection
   * (a database restart, an idle timeout) is sent once more on a new one;
   * inside one the request fails and the client retries it whole. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      PGresult *result = NULL;
      ExecStatusType status;

      if (!ensure_connected (self, error))
        return NULL;
      /* The organisation row-level security lets through (kept for the
       * session: set again only when it changes) */
      if (org != 0 && self->scope != org)
        {
          result = PQexecPrepared (self->conn, scope_name, 1, scope_values, NULL, NULL, 0);
          if (PQresultStatus (result) == PGRES_TUPLES_OK)
            {
              self->scope = org;
              g_clear_pointer (&result, PQclear);
            }
        }
      if (result == NULL)
        result = PQexecPrepared (self->conn, name, n, values, NULL, NULL, 0);
      status = PQresultStatus (result);
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
      if (attempt == 0 && !self->in_transaction && PQstatus (self->conn) == CONNECTION_BAD)
        {
          PQclear (result);
          continue;
        }
      result_error (error, result, self->conn, statements[which]);
      PQclear (result);
      return NULL;
    }
  g_assert_not_reached ();
}

static PGresult *
run (HelderServerPostgres  *self,
     Statement              which,
     int                    n,
     const char * const    *values,
     GError               **error)
{
  return run_for (self, 0, which, n, values, error);
}

static gboolean
run_done_for (HelderServerPostgres  *self,
              gint64                 org,
              Statement              which,
              int                    n,
              const char * const    *values,
              gint                  *changed,
              GError               **error)
{
  PGresult *result = run_for (self, org, which, n, values, error);

  if (result == NULL)
    return FALSE;
  if (changed != NULL)
    *changed = atoi (PQcmdTuples (result));
  PQclear (result);
  return TRUE;
}

static gboolean
run_done (HelderServerPostgres  *self,
          Statement              which,
          int                    n,
          const char * const    *values,
          gint                  *changed,
          GError               **error)
{
  return run_done_for (self, 0, which, n, values, changed, error);
}

#define INT_TEXT(buffer, value) (g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64) (value)), buffer)

static gboolean
set_up_schema (HelderServerPostgres  *self,
               GError               **error)
{
  g_autofree char *lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", SCHEMA_LOCK);
  PGresult *result;
  int version = 0;

  /* Instances starting together: one creates the tables, the others wait
   * for it and find them. */
  if (!exec_simple (self->conn, "BEGIN", error))
    return FALSE;
  if (!exec_simple (self->conn, lock, error) ||
      /* Only when missing: a role that may use the tables but not create
       * any (a database restored under another owner) still starts */
      !exec_simple (self->conn, "DO $$ BEGIN IF to_regclass ('helder_meta') IS NULL THEN "
                                "CREATE TABLE helder_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); END IF; END $$",
                    error))
    goto fail;

  result = PQexec (self->conn, "SELECT value FROM helder_meta WHERE key = 'schema'");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      result_error (error, result, self->conn, "helder_meta");
      PQclear (result);
      goto fail;
    }
  if (PQntuples (result) > 0)
    version = atoi (PQgetvalue (result, 0, 0));
  PQclear (result);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                   "The database was written by a newer helder-server (data version %d)", version);
      goto fail;
    }
  if (version < SCHEMA_VERSION)
    {
      g_autofree char *epoch = g_uuid_string_random ();
      g_autofree char *mark = g_strdup_printf ("INSERT INTO helder_meta (key, value) VALUES ('schema', '%d'), "
                                               "('epoch', '%s') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                               SCHEMA_VERSION, epoch);

      if ((version < 1 && !exec_simple (self->conn, schema, error)) ||
          (version < 2 && !exec_simple (self->conn, schema_2, error)) ||
          !exec_simple (self->conn, mark, error))
        goto fail;
    }
  if (!exec_simple (self->conn, "COMMIT", error))
    return FALSE;

  /* Row-level security does not hold such a role back */
  result = PQexec (self->conn, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0 && PQgetvalue (result, 0, 0)[0] == 't')
    g_message ("PostgreSQL: the role %s bypasses row-level security; connect as an ordinary role "
               "that owns the database", PQuser (self->conn));
  PQclear (result);
  return TRUE;

fail:
  exec_simple (self->conn, "ROLLBACK", NULL);
  return FALSE;
}

static void
stop_listening (HelderServerPostgres *self)
{
  g_clear_handle_id (&self->listener_watch, g_source_remove);
  g_clear_handle_id (&self->listener_retry, g_source_remove);
  g_clear_pointer (&self->listener, PQfinish);
}

static void
helder_server_postgres_finalize (GObject *object)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (object);

  stop_listening (self);
  g_clear_pointer (&self->conn, PQfinish);
  g_free (self->conninfo);

  G_OBJECT_CLASS (helder_server_postgres_parent_class)->finalize (object);
}

static void
helder_server_postgres_class_init (HelderServerPostgresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = helder_server_postgres_finalize;
}

static void
helder_server_postgres_init (HelderServerPostgres *self)
{
}

/**
 * helder_server_postgres_open:
 * @conninfo: a libpq connection string or URI (postgresql://...)
 *
 * Connects, creates the tables on an empty database, and prepares the
 * statements.
 */
HelderServerPostgres *
helder_server_postgres_open (const char  *conninfo,
                             GError     **error)
{
  g_autoptr(HelderServerPostgres) self = g_object_new (HELDER_TYPE_SERVER_POSTGRES, NULL);

  self->conninfo = g_strdup (conninfo);
  self->conn = connect_to (conninfo, error);
  if (self->conn == NULL || !set_up_schema (self, error) || !prepare_all (self, error))
    return NULL;
  self->prepared = TRUE;
  return g_steal_pointer (&self);
}

/* Notifications from the other instances */

static gboolean listen_again (gpointer data);

static void
listener_lost (HelderServerPostgres *self)
{
  g_autofree char *why = g_strdup (PQerrorMessage (self->listener));

  /* Operational news, not a bug: a message, not a warning. */
  g_message ("PostgreSQL LISTEN connection lost (%s); trying again in 5 s",
             g_strstrip (g_strdelimit (why, "\n\t", ' ')));
  g_clear_handle_id (&self->listener_watch, g_source_remove);
  g_clear_pointer (&self->listener, PQfinish);
  if (self->listener_retry == 0)
    self->listener_retry = g_timeout_add_seconds (5, listen_again, self);
}

static void
emit_notifications (HelderServerPostgres *self)
{
  PGnotify *notify;

  while ((notify = PQnotifies (self->listener)) != NULL)
    {
      gint64 org_id = 0, version = 0;

      if (g_str_has_prefix (notify->extra, "epoch "))
        g_signal_emit_by_name (self, "epoch-changed", notify->extra + strlen ("epoch "));
      else if (sscanf (notify->extra, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &org_id, &version) == 2)
        g_signal_emit_by_name (self, "version-changed", org_id, version);
      PQfreemem (notify);
    }
}

static gboolean
listener_readable (int          fd,
                   GIOCondition condition,
                   gpointer     data)
{
  HelderServerPostgres *self = data;

  if (!PQconsumeInput (self->listener))
    {
      self->listener_watch = 0;
      listener_lost (self);
      return G_SOURCE_REMOVE;
    }
  emit_notifications (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_listening (HelderServerPostgres  *self,
                 GError               **error)
{
  self->listener = connect_to (self->conninfo, error);
  if (self->listener == NULL)
    return FALSE;
  if (!exec_simple (self->listener, "LISTEN " CHANNEL, error))
    {
      g_clear_pointer (&self->listener, PQfinish);
      return FALSE;
    }
  self->listener_watch = g_unix_fd_add (PQsocket (self->listener), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                        listener_readable, self);
  return TRUE;
}

static gboolean
listen_again (gpointer data)
{
  HelderServerPostgres *self = data;
  g_autoptr(GError) error = NULL;

  if (start_listening (self, &error))
    {
      PGresult *result;

      g_message ("PostgreSQL LISTEN connection back");
      self->listener_retry = 0;
      /* Versions committed while nobody listened: announce them now (the
       * server tells each stream only of versions it has not seen). */
      result = PQexec (self->listener, "SELECT id, version FROM orgs");
      if (PQresultStatus (result) == PGRES_TUPLES_OK)
        for (int i = 0; i < PQntuples (result); i++)
          g_signal_emit_by_name (self, "version-changed",
                                 g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
                                 g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10));
      PQclear (result);
      /* And a restore marked meanwhile */
      result = PQexec (self->listener, "SELECT value FROM helder_meta WHERE key = 'epoch'");
      if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
        g_signal_emit_by_name (self, "epoch-changed", PQgetvalue (result, 0, 0));
      PQclear (result);
      /* Notifications read along with that answer wait in libpq */
      emit_notifications (self);
      return G_SOURCE_REMOVE;
    }
  g_message ("%s", error->message);
  return G_SOURCE_CONTINUE;
}

/**
 * helder_server_postgres_listen:
 *
 * Opens a second connection that receives the versions other instances
 * commit, emitted as "version-changed" from the main loop.
 */
gboolean
helder_server_postgres_listen (HelderServerPostgres  *self,
                               GError               **error)
{
  g_return_val_if_fail (HELDER_IS_SERVER_POSTGRES (self), FALSE);

  stop_listening (self);
  return start_listening (self, error);
}

/* The interface */

static gboolean
pg_begin (HelderServerStorage  *storage,
          GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);

  if (!ensure_connected (self, error))
    return FALSE;
  if (!exec_simple (self->conn, "BEGIN", error))
    {
      /* A connection that dropped since the last request: once more. */
      if (PQstatus (self->conn) != CONNECTION_BAD)
        return FALSE;
      g_clear_error (error);
      if (!ensure_connected (self, error) || !exec_simple (self->conn, "BEGIN", error))
        return FALSE;
    }
  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
pg_commit (HelderServerStorage  *storage,
           GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  PGresult *result = PQexec (self->conn, "COMMIT");
  /* A COMMIT of a failed transaction answers "ROLLBACK": not a success. */
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK && g_strcmp0 (PQcmdStatus (result), "COMMIT") == 0;

  if (!ok)
    {
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                             "COMMIT: the transaction had failed and was rolled back");
      else
        result_error (error, result, self->conn, "COMMIT");
    }
  PQclear (result);
  self->in_transaction = FALSE;
  if (!ok)
    self->scope = 0;   /* rolled back, with the setting made in it */
  return ok;
}

static void
pg_rollback (HelderServerStorage *storage)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);

  if (PQstatus (self->conn) == CONNECTION_OK)
    exec_simple (self->conn, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  self->scope = 0;   /* a setting made in the transaction goes with it */
}

static gboolean
pg_create_org (HelderServerStorage  *storage,
               const char           *slug,
               const char           *name,
               GError              **error)
{
  const char *values[] = { slug, name };

  return run_done (HELDER_SERVER_POSTGRES (storage), ST_CREATE_ORG, 2, values, NULL, error);
}

static gboolean
pg_add_user (HelderServerStorage  *storage,
             const char           *org_slug,
             const char           *login,
             const char           *role,
             const char           *password_hash,
             GError              **error)
{
  const char *values[] = { org_slug, login, role, password_hash };
  gint added = 0;

  if (!run_done (HELDER_SERVER_POSTGRES (storage), ST_ADD_USER, 4, values, &added, error))
    return FALSE;
  if (added == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No organisation %s", org_slug);
      return FALSE;
    }
  return TRUE;
}

static gint
pg_revoke_tokens (HelderServerStorage  *storage,
                  const char           *login,
                  GError              **error)
{
  const char *values[] = { login };
  gint revoked = 0;

  if (!run_done (HELDER_SERVER_POSTGRES (storage), ST_REVOKE_TOKENS, 1, values, &revoked, error))
    return -1;
  return revoked;
}

static gboolean
pg_set_password (HelderServerStorage  *storage,
                 const char           *login,
                 const char           *password_hash,
                 GError              **error)
{
  const char *values[] = { login, password_hash };
  gint changed = 0;

  if (!run_done (HELDER_SERVER_POSTGRES (storage), ST_SET_PASSWORD, 2, values, &changed, error))
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
      return FALSE;
    }
  return TRUE;
}

static void
read_user (PGresult         *result,
           HelderServerUser *user)
{
  user->id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  user->org_id = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  user->login = g_strdup (PQgetvalue (result, 0, 2));
  user->role = g_strdup (PQgetvalue (result, 0, 3));
  user->org_slug = g_strdup (PQgetvalue (result, 0, 4));
}

static gboolean
pg_find_login (HelderServerStorage  *storage,
               const char           *login,
               HelderServerUser     *user,
               char                **password_hash,
               GError              **error)
{
  const char *values[] = { login };
  PGresult *result = run (HELDER_SERVER_POSTGRES (storage), ST_FIND_LOGIN, 1, values, error);
  gboolean found;

  if (result == NULL)
    return FALSE;
  found = PQntuples (result) > 0;
  if (found)
    {
      read_user (result, user);
      *password_hash = g_strdup (PQgetvalue (result, 0, 5));
    }
  else
    g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
  PQclear (result);
  return found;
}

static gboolean
pg_add_token (HelderServerStorage  *storage,
              gint64                user_id,
              const char           *token_hash,
              GError              **error)
{
  char id[32];
  const char *values[] = { token_hash, INT_TEXT (id, user_id) };

  return run_done (HELDER_SERVER_POSTGRES (storage), ST_ADD_TOKEN, 2, values, NULL, error);
}

static gboolean
pg_find_token (HelderServerStorage  *storage,
               const char           *token_hash,
               HelderServerUser     *user,
               GError              **error)
{
  const char *values[] = { token_hash };
  PGresult *result = run (HELDER_SERVER_POSTGRES (storage), ST_FIND_TOKEN, 1, values, error);
  gboolean found;

  /* Looked up by the token's SHA-256, as in the SQLite backend. */
  if (result == NULL)
    return FALSE;
  found = PQntuples (result) > 0;
  if (found)
    {
      read_user (result, user);
      user->org_version = g_ascii_strtoll (PQgetvalue (result, 0, 5), NULL, 10);
      user->org_horizon = g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10);
      user->org_restored = g_ascii_strtoll (PQgetvalue (result, 0, 7), NULL, 10);
      user->epoch = g_strdup (PQgetvalue (result, 0, 8));
    }
  else
    g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "Unknown token");
  PQclear (result);
  return found;
}

/* In a push, the organisation's row stays locked until commit. */
static gint64
read_org_version (HelderServerPostgres  *self,
                  gint64                 org_id,
                  gint64                *horizon,
                  GError               **error)
{
  char id[32];
  const char *values[] = { INT_TEXT (id, org_id) };
  PGresult *result = run (self, self->in_transaction ? ST_LOCK_ORG : ST_ORG_VERSION, 1, values, error);
  gint64 version = 0;

  if (result == NULL)
    return -1;
  if (PQntuples (result) > 0)
    {
      version = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      if (horizon != NULL)
        *horizon = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
    }
  PQclear (result);
  return version;
}

static gint64
pg_get_org_version (HelderServerStorage  *storage,
                    gint64                org_id,
                    gint64               *horizon,
                    GError              **error)
{
  return read_org_version (HELDER_SERVER_POSTGRES (storage), org_id, horizon, error);
}

static gboolean
pg_set_org_version (HelderServerStorage  *storage,
                    gint64                org_id,
                    gint64                version,
                    GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char id[32], number[32];
  const char *values[] = { INT_TEXT (id, org_id), INT_TEXT (number, version) };
  g_autofree char *payload = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, org_id, version);
  const char *notify[] = { payload };

  /* The notification goes out when (and only if) the push commits. */
  return run_done (self, ST_SET_VERSION, 2, values, NULL, error) &&
         run_done (self, ST_NOTIFY, 1, notify, NULL, error);
}

static const char *
value_or_null (PGresult *result,
               int       row,
               int       column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

static JsonObject *
read_row (PGresult *result,
          int       i)
{
  const char *owner = value_or_null (result, i, 5);

  return helder_server_row_new (PQgetvalue (result, i, 0),
                                PQgetvalue (result, i, 1),
                                g_ascii_strtoll (PQgetvalue (result, i, 2), NULL, 10),
                                PQgetvalue (result, i, 3)[0] == 't',
                                PQgetvalue (result, i, 4),
                                owner ? g_ascii_strtoll (owner, NULL, 10) : 0,
                                value_or_null (result, i, 6),
                                value_or_null (result, i, 7),
                                PQgetvalue (result, i, 8),
                                PQgetvalue (result, i, 9));
}

static JsonObject *
pg_get_record (HelderServerStorage  *storage,
               gint64                org_id,
               const char           *id,
               gboolean             *elsewhere,
               GError              **error)
{
  const char *values[] = { id };
  PGresult *result;
  JsonObject *row = NULL;

  *elsewhere = FALSE;
  result = run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_GET_RECORD, 1, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0 && g_ascii_strtoll (PQgetvalue (result, 0, 10), NULL, 10) == org_id)
    row = read_row (result, 0);
  PQclear (result);
  if (row != NULL)
    return row;
  /* Row-level security hides another organisation's record: whether the
   * id is taken there is in record_owners. */
  result = run (HELDER_SERVER_POSTGRES (storage), ST_RECORD_OWNER, 1, values, error);
  if (result == NULL)
    return NULL;
  *elsewhere = PQntuples (result) > 0 && g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) != org_id;
  PQclear (result);
  return NULL;
}

static gboolean
pg_put_record (HelderServerStorage  *storage,
               gint64                org_id,
               JsonObject           *row,
               GError              **error)
{
  g_autofree char *data_text = NULL;
  g_autofree char *versions_text = NULL;
  g_autofree char *wire = helder_server_row_wire_text (row);
  char org[32], version[32], owner[32];
  const char *values[12];

  helder_server_row_texts (row, &data_text, &versions_text);
  values[0] = INT_TEXT (org, org_id);
  values[1] = json_object_get_string_member (row, "id");
  values[2] = json_object_get_string_member (row, "type");
  values[3] = INT_TEXT (version, json_object_get_int_member (row, "version"));
  values[4] = json_object_get_boolean_member (row, "deleted") ? "true" : "false";
  values[5] = json_object_get_string_member (row, "visibility");
  values[6] = INT_TEXT (owner, json_object_get_int_member (row, "owner"));
  values[7] = json_object_get_string_member_with_default (row, "updated_by", NULL);
  values[8] = json_object_get_string_member_with_default (row, "updated_at", NULL);
  values[9] = data_text;
  values[10] = versions_text;
  values[11] = wire;
  return run_done_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_PUT_RECORD, G_N_ELEMENTS (values), values,
                       NULL, error);
}

static gboolean
pg_changes (HelderServerStorage  *storage,
            gint64                org_id,
            gint64                user_id,
            gint64                since,
            guint                 limit,
            HelderServerPage     *page,
            GError              **error)
{
  char org[32], from[32], user[32], count[32];
  const char *values[] = { INT_TEXT (org, org_id), INT_TEXT (from, since), INT_TEXT (user, user_id),
                           INT_TEXT (count, limit) };
  PGresult *result = run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_CHANGES, 4, values, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    helder_server_page_add (page, g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
                            PQgetvalue (result, i, 1), PQgetlength (result, i, 1));
  PQclear (result);
  return TRUE;
}

static JsonObject *
pg_index (HelderServerStorage  *storage,
          gint64                org_id,
          gint64                user_id,
          GError              **error)
{
  char org[32], user[32];
  const char *values[] = { INT_TEXT (org, org_id), INT_TEXT (user, user_id) };
  PGresult *result = run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_INDEX, 2, values, error);
  JsonObject *index;

  if (result == NULL)
    return NULL;
  index = json_object_new ();
  for (int i = 0; i < PQntuples (result); i++)
    json_object_set_int_member (index, PQgetvalue (result, i, 0),
                                g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10));
  PQclear (result);
  return index;
}

static char *
pg_get_idempotent (HelderServerStorage  *storage,
                   gint64                org_id,
                   const char           *key,
                   char                **body_hash,
                   GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char org[32];
  const char *values[] = { INT_TEXT (org, org_id), key };
  PGresult *result;
  char *response = NULL;

  /* A push takes its organisation's lock first: the same batch arriving
   * at two instances at once is applied by one and answered from the
   * stored response by the other. */
  if (self->in_transaction && read_org_version (self, org_id, NULL, error) < 0)
    return NULL;
  result = run_for (self, org_id, ST_GET_IDEMPOTENT, 2, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0)
    {
      response = g_strdup (PQgetvalue (result, 0, 0));
      *body_hash = g_strdup (PQgetvalue (result, 0, 1));
    }
  PQclear (result);
  return response;
}

static gboolean
pg_put_idempotent (HelderServerStorage  *storage,
                   gint64                org_id,
                   const char           *key,
                   const char           *body_hash,
                   const char           *response,
                   GError              **error)
{
  char org[32];
  const char *values[] = { INT_TEXT (org, org_id), key, body_hash, response };

  return run_done_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_PUT_IDEMPOTENT, 4, values, NULL, error);
}

/* The organisations, for maintenance that row-level security makes go
 * through them one by one; NULL on error. */
static GArray *
org_ids (HelderServerPostgres  *self,
         GError               **error)
{
  PGresult *result = run (self, ST_ORGS, 0, NULL, error);
  GArray *ids;

  if (result == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  PQclear (result);
  return ids;
}

static gint
pg_purge_tombstones (HelderServerStorage  *storage,
                     gint64                older_than_seconds,
                     GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(gdouble) older_than_seconds);
  g_autofree char *cutoff_text = g_date_time_format_iso8601 (cutoff);
  const char *values[] = { cutoff_text };
  g_autoptr(GArray) orgs = org_ids (self, error);
  gint purged = 0;

  if (orgs == NULL || !pg_begin (storage, error))
    return -1;
  for (guint i = 0; i < orgs->len; i++)
    {
      gint64 org = g_array_index (orgs, gint64, i);
      gint n = 0;

      if (!run_done_for (self, org, ST_MOVE_HORIZON, 1, values, NULL, error) ||
          !run_done_for (self, org, ST_PURGE_TOMBSTONES, 1, values, &n, error))
        {
          pg_rollback (storage);
          return -1;
        }
      purged += n;
    }
  if (!pg_commit (storage, error))
    {
      pg_rollback (storage);
      return -1;
    }
  return purged;
}

static gint
pg_purge_idempotent (HelderServerStorage  *storage,
                     gint64                older_than_seconds,
                     GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char seconds[32];
  const char *values[] = { INT_TEXT (seconds, older_than_seconds) };
  g_autoptr(GArray) orgs = org_ids (self, error);
  gint purged = 0;

  if (orgs == NULL)
    return -1;
  for (guint i = 0; i < orgs->len; i++)
    {
      gint n = 0;

      if (!run_done_for (self, g_array_index (orgs, gint64, i), ST_PURGE_IDEMPOTENT, 1, values, &n, error))
        return -1;
      purged += n;
    }
  return purged;
}

static char *
pg_get_epoch (HelderServerStorage  *storage,
              GError              **error)
{
  PGresult *result = run (HELDER_SERVER_POSTGRES (storage), ST_EPOCH, 0, NULL, error);
  char *epoch = NULL;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0)
    epoch = g_strdup (PQgetvalue (result, 0, 0));
  else
    g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "The database has no data epoch");
  PQclear (result);
  return epoch;
}

/* After the database was restored (pg_restore): a new epoch, each
 * organisation's restore point, and word to every running instance. */
static gboolean
pg_mark_restored (HelderServerStorage  *storage,
                  GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  g_autofree char *epoch = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf ("UPDATE orgs SET restored = version; "
                                          "UPDATE helder_meta SET value = '%s' WHERE key = 'epoch'; "
                                          "NOTIFY " CHANNEL ", 'epoch %s'", epoch, epoch);

  if (!pg_begin (storage, error))
    return FALSE;
  if (!exec_simple (self->conn, sql, error) || !pg_commit (storage, error))
    {
      pg_rollback (storage);
      return FALSE;
    }
  return TRUE;
}

static void
storage_iface_init (HelderServerStorageInterface *iface)
{
  iface->begin = pg_begin;
  iface->commit = pg_commit;
  iface->rollback = pg_rollback;
  iface->create_org = pg_create_org;
  iface->add_user = pg_add_user;
  iface->revoke_tokens = pg_revoke_tokens;
  iface->set_password = pg_set_password;
  iface->find_login = pg_find_login;
  iface->add_token = pg_add_token;
  iface->find_token = pg_find_token;
  iface->get_org_version = pg_get_org_version;
  iface->set_org_version = pg_set_org_version;
  iface->get_record = pg_get_record;
  iface->put_record = pg_put_record;
  iface->changes = pg_changes;
  iface->index = pg_index;
  iface->get_idempotent = pg_get_idempotent;
  iface->put_idempotent = pg_put_idempotent;
  iface->purge_tombstones = pg_purge_tombstones;
  iface->purge_idempotent = pg_purge_idempotent;
  iface->get_epoch = pg_get_epoch;
  iface->mark_restored = pg_mark_restored;
}
