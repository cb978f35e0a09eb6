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

#include "helder-server-postgres-private.h"

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
#define SESSION_SETTINGS "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; " \
                         "SET client_min_messages = 'warning'; SET lock_timeout = '10s'; " \
                         "SET statement_timeout = '60s'; SET idle_in_transaction_session_timeout = '60s'"

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

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderServerPostgres, helder_server_postgres, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HELDER_TYPE_SERVER_STORAGE,
                                                      helder_server_postgres_storage_iface_init))

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

gboolean
helder_pg_result_error (GError     **error,
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

gboolean
helder_pg_exec_simple (PGconn      *conn,
                       const char  *sql,
                       GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    helder_pg_result_error (error, result, conn, sql);
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
        helder_pg_result_error (error, result, self->conn, statements[i]);
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
  if (!helder_pg_exec_simple (conn, SESSION_SETTINGS, error))
    {
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* Between requests only: a broken connection is replaced, and its
 * statements prepared again. */
gboolean
helder_pg_ensure_connected (HelderServerPostgres  *self,
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
  if (!helder_pg_exec_simple (self->conn, SESSION_SETTINGS, error))
    return FALSE;
  self->prepared = prepare_all (self, error);
  return self->prepared;
}

/* Runs prepared statement @which with @n text @values, for organisation
 * @org (0: a statement about no organisation's records); returns its
 * result when it has the status wanted, else NULL with @error set. */
PGresult *
helder_pg_run_for (HelderServerPostgres  *self,
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

      if (!helder_pg_ensure_connected (self, error))
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
      helder_pg_result_error (error, result, self->conn, statements[which]);
      PQclear (result);
      return NULL;
    }
  g_assert_not_reached ();
}

PGresult *
helder_pg_run (HelderServerPostgres  *self,
               Statement              which,
               int                    n,
               const char * const    *values,
               GError               **error)
{
  return helder_pg_run_for (self, 0, which, n, values, error);
}

gboolean
helder_pg_run_done_for (HelderServerPostgres  *self,
                        gint64                 org,
                        Statement              which,
                        int                    n,
                        const char * const    *values,
                        gint                  *changed,
                        GError               **error)
{
  PGresult *result = helder_pg_run_for (self, org, which, n, values, error);

  if (result == NULL)
    return FALSE;
  if (changed != NULL)
    *changed = atoi (PQcmdTuples (result));
  PQclear (result);
  return TRUE;
}

gboolean
helder_pg_run_done (HelderServerPostgres  *self,
                    Statement              which,
                    int                    n,
                    const char * const    *values,
                    gint                  *changed,
                    GError               **error)
{
  return helder_pg_run_done_for (self, 0, which, n, values, changed, error);
}

static gboolean
set_up_schema (HelderServerPostgres  *self,
               GError               **error)
{
  g_autofree char *lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", SCHEMA_LOCK);
  PGresult *result;
  int version = 0;

  /* Instances starting together: one creates the tables, the others wait
   * for it and find them. */
  if (!helder_pg_exec_simple (self->conn, "BEGIN", error))
    return FALSE;
  if (!helder_pg_exec_simple (self->conn, lock, error) ||
      /* Only when missing: a role that may use the tables but not create
       * any (a database restored under another owner) still starts */
      !helder_pg_exec_simple (self->conn, "DO $$ BEGIN IF to_regclass ('helder_meta') IS NULL THEN "
                                          "CREATE TABLE helder_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); END IF; END $$",
                              error))
    goto fail;

  result = PQexec (self->conn, "SELECT value FROM helder_meta WHERE key = 'schema'");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      helder_pg_result_error (error, result, self->conn, "helder_meta");
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

      if ((version < 1 && !helder_pg_exec_simple (self->conn, schema, error)) ||
          (version < 2 && !helder_pg_exec_simple (self->conn, schema_2, error)) ||
          !helder_pg_exec_simple (self->conn, mark, error))
        goto fail;
    }
  if (!helder_pg_exec_simple (self->conn, "COMMIT", error))
    return FALSE;

  /* Row-level security does not hold such a role back */
  result = PQexec (self->conn, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0 && PQgetvalue (result, 0, 0)[0] == 't')
    g_message ("PostgreSQL: the role %s bypasses row-level security; connect as an ordinary role "
               "that owns the database", PQuser (self->conn));
  PQclear (result);
  return TRUE;

fail:
  helder_pg_exec_simple (self->conn, "ROLLBACK", NULL);
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
  if (!helder_pg_exec_simple (self->listener, "LISTEN " CHANNEL, error))
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
