/* test-restore.c: helder-server's backups, restores and data epoch, and
 * row-level security in PostgreSQL
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#if HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "test-server-util.h"

static const char *
epoch_of (Reply *r)
{
  return soup_message_headers_get_one (r->headers, "Data-Epoch");
}

static void
exited (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static char *
priority (const char *title)
{
  return g_strdup_printf ("{\"title\":\"%s\",\"rank\":1}", title);
}

/* A backup taken while pushes go on (one new record a version) restores
 * to a consistent state: an intact database whose records are exactly
 * those of versions 1 to its library version. */
static void
test_backup_under_load (void)
{
  Server srv, copy;
  g_autofree char *token = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GSubprocess) backing_up = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  guint pushed = 0, during = 0, n_pages;
  gboolean done = FALSE;
  gint64 version;
  GStatBuf st;

  if (g_getenv ("HELDER_TEST_POSTGRES") != NULL)
    {
      g_test_skip ("PostgreSQL backups are pg_dump's (README)");
      return;
    }
  token = own_server (&srv, NULL);
  backup = g_build_filename (srv.dir, "under-load.backup", NULL);

  for (; pushed < 200; pushed++)
    {
      g_autofree char *id = new_id ();
      g_autofree char *data = priority ("Voor de back-up");

      create (&srv, token, id, "priority", data);
    }
  backing_up = admin_spawn (&srv, NULL, "backup", backup, NULL);
  g_subprocess_wait_async (backing_up, NULL, exited, &done);
  /* Pushes go on until the backup is done */
  while (!done || during < 20)
    {
      g_autofree char *id = new_id ();
      g_autofree char *data = priority ("Tijdens de back-up");

      create (&srv, token, id, "priority", data);
      pushed++, during++;
      g_main_context_iteration (NULL, FALSE);
      if (during > 5000)
        break;
    }
  test_admin_wait (backing_up);
  g_test_message ("%u pushes, %u of them while the backup ran", pushed, during);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Intact as a file */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Restored into a new data directory and served */
  server_init (&copy, NULL);
  test_admin (copy.dir, NULL, NULL, "restore", backup, NULL);
  server_start (&copy);
  {
    g_autofree char *again = login_token (&copy, "anna", "pw-anna-Kx9#quite-long");

    version = library_version (&copy, again);
    seen = changes_all (&copy, again, 0, 1000, &n_pages);
  }
  g_test_message ("the backup holds versions 1 to %" G_GINT64_FORMAT, version);
  g_assert_cmpint (version, >=, 200);
  g_assert_cmpint (version, <=, pushed);
  g_assert_cmpuint (g_hash_table_size (seen), ==, version);
  /* One record a version: versions 1 to the library version, each once */
  {
    g_autoptr(GHashTable) versions = g_hash_table_new (NULL, NULL);
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        gint64 v = json_object_get_int_member (value, "version");

        g_assert_cmpint (v, >=, 1);
        g_assert_cmpint (v, <=, version);
        g_hash_table_add (versions, GSIZE_TO_POINTER ((gsize) v));
      }
    g_assert_cmpuint (g_hash_table_size (versions), ==, version);
  }

  server_stop (&copy);
  server_clear (&copy);
  server_stop (&srv);
  server_clear (&srv);
}

/* Every answer names the data epoch; a restore made while the server runs
 * changes it, the index says where the restore left each organisation, a
 * push on the old epoch is refused, and a stream is told at once (its
 * version went down, which a plain version notice would never say). */
static void
test_restore_epoch (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  g_autofree char *backup = g_build_filename (srv.dir, "epoch.backup", NULL);
  g_autofree char *old_epoch = NULL;
  g_autofree char *id = new_id ();
  g_autofree char *data = priority ("Een");
  g_autofree char *edited = priority ("Twee");
  g_autoptr(SoupSession) streaming = new_session ();
  g_autoptr(SoupMessage) stream_msg = NULL;
  Stream stream;
  gint64 before, after;

  before = create (&srv, token, id, "priority", data);
  {
    g_autoptr(Reply) login = server_login (&srv, "anna", "wrong password");
    g_autoptr(Reply) changes = http (&srv, "GET", "/v1/changes?since=0", token, NULL, NULL, NULL);
    g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, before);
    g_autoptr(Reply) same = http (&srv, "GET", "/v1/changes", token, NULL, NULL,
                                  "If-Modified-Since-Version", version, NULL);
    g_autoptr(Reply) unknown = http (&srv, "GET", "/v1/nothing", NULL, NULL, NULL, NULL);

    assert_status (changes, 200);
    assert_status (same, 304);
    old_epoch = g_strdup (epoch_of (changes));
    g_assert_nonnull (old_epoch);
    g_assert_cmpuint (strlen (old_epoch), ==, 36);
    g_assert_cmpstr (epoch_of (same), ==, old_epoch);
    g_assert_cmpstr (epoch_of (login), ==, old_epoch);
    g_assert_cmpstr (epoch_of (unknown), ==, old_epoch);
  }
  test_backup (srv.dir, srv.database, backup);
  {
    g_autoptr(Reply) r = edit (&srv, token, id, "priority", before, FALSE, edited);

    after = result_version (r, 0);
  }

  stream_open (&stream, streaming, &srv, token, &stream_msg);
  {
    g_autofree char *first = next_message (&stream, 5000);

    g_assert_cmpint (version_message (first), ==, after);
  }

  test_restore (srv.dir, srv.database, backup);

  /* Told at once with PostgreSQL (NOTIFY: well before the 5 s look),
   * within seconds with SQLite */
  {
    g_autofree char *told = next_message (&stream, srv.database != NULL ? 2000 : 8000);
    g_autoptr(JsonNode) node = NULL;
    const char *epoch;

    g_assert_nonnull (told);
    node = json_from_string (told, NULL);
    g_assert_cmpint (version_message (told), ==, before);
    epoch = json_object_get_string_member (json_node_get_object (node), "data_epoch");
    g_assert_nonnull (epoch);
    g_assert_cmpstr (epoch, !=, old_epoch);
  }

  {
    g_autoptr(Reply) index = http (&srv, "GET", "/v1/index", token, NULL, NULL, NULL);
    g_autoptr(Reply) refused = NULL;
    g_autofree char *body = batch (rec (id, "priority", before, FALSE, NULL, edited), NULL);
    g_autofree char *key = new_id ();

    assert_status (index, 200);
    g_assert_cmpstr (epoch_of (index), !=, old_epoch);
    g_assert_cmpint (json_object_get_int_member (root (index), "library_version"), ==, before);
    g_assert_cmpint (json_object_get_int_member (root (index), "restored_version"), ==, before);

    refused = http (&srv, "POST", "/v1/push", token, "application/json", body,
                    "Idempotency-Key", key, "Data-Epoch", old_epoch, NULL);
    assert_error (refused, 412, "epoch_changed", NULL);
    g_assert_cmpstr (epoch_of (refused), ==, epoch_of (index));
  }

  stream_clear (&stream);
  server_stop (&srv);
  server_clear (&srv);
}

#if HAVE_POSTGRESQL
static PGresult *
query (PGconn     *conn,
       const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_test_message ("%s: %s", sql, PQresultErrorMessage (result));
  return result;
}

static gint64
count (PGconn     *conn,
       const char *sql)
{
  PGresult *result = query (conn, sql);
  gint64 n = PQresultStatus (result) == PGRES_TUPLES_OK ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : -1;

  PQclear (result);
  return n;
}
#endif

/* Row-level security: a query on the server's database, as the server's
 * own role, that forgets the organisation filter sees nothing of another
 * organisation, and cannot write into one. */
static void
test_row_level_security (void)
{
#if HAVE_POSTGRESQL
  Server srv;
  g_autofree char *anna = NULL;
  g_autofree char *lisse_password = g_strdup ("pw-lars-Kx9#quite-long");
  g_autofree char *lars = NULL;
  g_autofree char *anna_org = NULL;
  g_autofree char *lisse_org = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *insert = NULL;
  PGconn *conn;
  PGresult *result;

  if (g_getenv ("HELDER_TEST_POSTGRES") == NULL)
    {
      g_test_skip ("PostgreSQL only");
      return;
    }
  anna = own_server (&srv, NULL);
  add_org (&srv, "lisse", "Gemeente Lisse");
  g_ptr_array_add (secrets, g_strdup (lisse_password));
  test_admin (srv.dir, srv.database, lisse_password, "add-user", "--org", "lisse", "--role", "advisor",
              "--password-stdin", "lars", NULL);
  lars = login_token (&srv, "lars", lisse_password);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *a = new_id ();
      g_autofree char *b = new_id ();
      g_autofree char *data = priority ("Geheim");

      create (&srv, anna, a, "priority", data);
      create (&srv, lars, b, "priority", data);
    }

  conn = PQconnectdb (srv.database);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_cmpstr (PQuser (conn), ==, TEST_DATABASE_ROLE);

  /* No organisation: nothing at all */
  g_assert_cmpint (count (conn, "SELECT count(*) FROM records"), ==, 0);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM idempotency"), ==, 0);

  /* One organisation: only its own, whatever the query asks */
  result = query (conn, "SELECT id FROM orgs WHERE slug = 'gemeente'");
  anna_org = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  result = query (conn, "SELECT id FROM orgs WHERE slug = 'lisse'");
  lisse_org = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  scope = g_strdup_printf ("SET helder.org = '%s'", anna_org);
  PQclear (query (conn, scope));
  g_assert_cmpint (count (conn, "SELECT count(*) FROM records"), ==, 3);
  g_assert_cmpint (count (conn, "SELECT count(DISTINCT org) FROM records"), ==, 1);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM idempotency"), ==, 3);
  {
    g_autofree char *other = g_strdup_printf ("SELECT count(*) FROM records WHERE org = %s", lisse_org);

    g_assert_cmpint (count (conn, other), ==, 0);
  }
  /* Nor written into another organisation */
  insert = g_strdup_printf ("INSERT INTO records (org, id, type, version, data, field_versions) "
                            "VALUES (%s, 'x', 'priority', 1, '{}', '{}')", lisse_org);
  result = PQexec (conn, insert);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (result);
  PQfinish (conn);

  /* The server itself still serves each its own */
  {
    guint n_pages;
    g_autoptr(GHashTable) at_anna = changes_all (&srv, anna, 0, 1000, &n_pages);
    g_autoptr(GHashTable) at_lars = changes_all (&srv, lars, 0, 1000, &n_pages);

    g_assert_cmpuint (g_hash_table_size (at_anna), ==, 3);
    g_assert_cmpuint (g_hash_table_size (at_lars), ==, 3);
  }

  server_stop (&srv);
  server_clear (&srv);
#else
  g_test_skip ("built without PostgreSQL");
#endif
}

#if HAVE_POSTGRESQL
typedef struct
{
  Server     *srv;
  const char *token;
  guint       status;
  double      seconds;
} Waiting;

static gpointer
changes_in_thread (gpointer data)
{
  Waiting *w = data;
  g_autoptr(SoupSession) own = new_session ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  Reply *r;

  g_main_context_push_thread_default (context);
  r = http_try (own, w->srv->base, "GET", "/v1/changes?since=0", w->token, NULL, NULL, &error, NULL);
  g_main_context_pop_thread_default (context);
  g_assert_no_error (error);
  w->status = r->status;
  w->seconds = r->seconds;
  reply_free (r);
  return NULL;
}
#endif

/* Storage reads are off the main loop: a page of changes that waits for
 * the database (a table locked by someone else) keeps no other request
 * waiting. */
static void
test_read_waits_alone (void)
{
#if HAVE_POSTGRESQL
  Server srv;
  g_autofree char *token = NULL;
  g_autofree char *id = new_id ();
  g_autofree char *data = priority ("Een");
  Waiting w = { &srv, NULL, 0, 0 };
  GThread *thread;
  PGconn *conn;

  if (g_getenv ("HELDER_TEST_POSTGRES") == NULL)
    {
      g_test_skip ("PostgreSQL only (SQLite in WAL mode lets readers through a writer)");
      return;
    }
  token = own_server (&srv, NULL);
  create (&srv, token, id, "priority", data);
  w.token = token;

  conn = PQconnectdb (srv.database);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (query (conn, "BEGIN"));
  PQclear (query (conn, "LOCK TABLE records IN ACCESS EXCLUSIVE MODE"));

  thread = g_thread_new ("waiting-changes", changes_in_thread, &w);
  g_usleep (300 * 1000);
  {
    g_autoptr(Reply) other = http (&srv, "GET", "/v1/nothing", NULL, NULL, NULL, NULL);

    assert_status (other, 404);
    g_test_message ("answered in %.3f s while a page waits for the database", other->seconds);
    g_assert_cmpfloat (other->seconds, <, 2.0);
  }
  PQclear (query (conn, "COMMIT"));
  PQfinish (conn);
  g_thread_join (thread);
  g_test_message ("the page came after %.3f s", w.seconds);
  g_assert_cmpuint (w.status, ==, 200);

  server_stop (&srv);
  server_clear (&srv);
#else
  g_test_skip ("built without PostgreSQL");
#endif
}

int
main (int   argc,
      char *argv[])
{
  server_test_init (&argc, &argv);

  g_test_add_func ("/server/backup/under-load", test_backup_under_load);
  g_test_add_func ("/server/restore/epoch", test_restore_epoch);
  g_test_add_func ("/server/postgres/row-level-security", test_row_level_security);
  g_test_add_func ("/server/postgres/read-waits-alone", test_read_waits_alone);

  return server_test_run ();
}
