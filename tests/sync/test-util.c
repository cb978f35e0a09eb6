/* test-util.c: what the sync tests share: servers and their databases
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#if HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "test-util.h"
#include "sync/helder-sync-client.h"

/* Under with-postgres.sh (HELDER_TEST_POSTGRES set), creates an empty
 * database and returns a connection string for it, for helder-server's
 * HELDER_SERVER_DATABASE; otherwise returns NULL and the server keeps
 * SQLite in its data directory.  The cluster, and so every database made
 * here, goes away with the script. */
char *
test_database_create (void)
{
  static guint counter;
  const char *base = g_getenv ("HELDER_TEST_POSTGRES");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  if (base == NULL || *base == '\0')
    return NULL;
#if !HAVE_POSTGRESQL
  g_error ("HELDER_TEST_POSTGRES is set, but helder was built without PostgreSQL");
#endif

  /* The server connects as an ordinary role that owns its database, as
   * in production: a superuser would pass row-level security. */
  test_database_run ("DO $$ BEGIN CREATE ROLE " TEST_DATABASE_ROLE " LOGIN; "
                     "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
  name = g_strdup_printf ("helder_%d_%u", (int) getpid (), ++counter);
  sql = g_strdup_printf ("CREATE DATABASE %s OWNER " TEST_DATABASE_ROLE, name);
  test_database_run (sql);

  /* A later keyword wins in a libpq connection string. */
  return g_strdup_printf ("%s user=" TEST_DATABASE_ROLE " dbname=%s", base, name);
}

/* A PostgreSQL client program of the cluster's version (with-postgres.sh
 * says where they are) */
static char *
pg_program (const char *name)
{
  const char *bindir = g_getenv ("HELDER_TEST_PG_BINDIR");

  return bindir ? g_build_filename (bindir, name, NULL) : g_strdup (name);
}

static void
run_check (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* A backup of a server's data as an administrator makes it while the
 * server runs: `helder-server admin backup` (SQLite), pg_dump (PostgreSQL,
 * @database) */
void
test_backup (const char *data_dir,
             const char *database,
             const char *file)
{
  if (database == NULL)
    database = g_getenv ("HELDER_SERVER_DATABASE");
  if (database == NULL)
    test_admin (data_dir, NULL, NULL, "backup", file, NULL);
  else
    {
      g_autofree char *pg_dump = pg_program ("pg_dump");
      /* As the README says: the session that dumps sees every organisation */
      const char *argv[] = { pg_dump, "--format=custom", "--enable-row-security", "--file", file,
                             "--dbname", database, NULL };

      g_setenv ("PGOPTIONS", "-c helder.all_orgs=on", TRUE);
      run_check (argv);
      g_unsetenv ("PGOPTIONS");
    }
}

/* And back from it, the server still running: `helder-server admin
 * restore FILE`; pg_restore and `helder-server admin restore` */
void
test_restore (const char *data_dir,
              const char *database,
              const char *file)
{
  if (database == NULL)
    database = g_getenv ("HELDER_SERVER_DATABASE");
  if (database == NULL)
    test_admin (data_dir, NULL, NULL, "restore", file, NULL);
  else
    {
      g_autofree char *pg_restore = pg_program ("pg_restore");
      const char *argv[] = { pg_restore, "--clean", "--if-exists", "--single-transaction", "--no-owner",
                             "--dbname", database, file, NULL };

      run_check (argv);
      test_admin (data_dir, database, NULL, "restore", NULL);
    }
}

/* Runs @sql in the cluster's "postgres" database, as its superuser. */
void
test_database_run (const char *sql)
{
#if HAVE_POSTGRESQL
  const char *base = g_getenv ("HELDER_TEST_POSTGRES");
  PGconn *conn;
  PGresult *result;
  ExecStatusType status;

  g_assert_nonnull (base);
  conn = PQconnectdb (base);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("PostgreSQL %s: %s", base, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
#else
  g_error ("helder was built without PostgreSQL: cannot run %s", sql);
#endif
}

/* Removes @path and everything below it. */
void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* A server outlives no test run that aborted: a child setup function. */
void
test_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Spawns ARGV... (NULL-terminated) with its standard output piped, killed
 * when the test process dies. */
GSubprocess *
test_spawn_server (GError **error,
                   ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, error);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* The helder-server under test: $HELDER_SERVER. */
const char *
test_server_binary (void)
{
  const char *path = g_getenv ("HELDER_SERVER");

  if (path == NULL || *path == '\0')
    g_error ("HELDER_SERVER must name the helder-server binary");
  return path;
}

GSubprocess *
test_admin_spawn_va (const char *data_dir,
                     const char *database,
                     const char *password,
                     const char *first,
                     va_list     ap)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "admin");
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) data_dir);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* Its "Added ..." would break the TAP output. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        (password ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  if (database != NULL)
    g_subprocess_launcher_setenv (launcher, "HELDER_SERVER_DATABASE", database, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (password != NULL)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (process);
      g_autofree char *line = g_strconcat (password, "\n", NULL);

      g_output_stream_write_all (in, line, strlen (line), NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_close (in, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&process);
}

/* Starts helder-server admin --data-dir @data_dir FIRST... (NULL-ended),
 * with @password and a newline on its standard input when not NULL, and
 * HELDER_SERVER_DATABASE set to @database when not NULL (else it is
 * inherited).  Several may run at once: argon2 hashing is what takes
 * time. */
GSubprocess *
test_admin_spawn (const char *data_dir,
                  const char *database,
                  const char *password,
                  const char *first,
                  ...)
{
  GSubprocess *process;
  va_list ap;

  va_start (ap, first);
  process = test_admin_spawn_va (data_dir, database, password, first, ap);
  va_end (ap);
  return process;
}

/* Waits for an admin command, which must succeed. */
void
test_admin_wait (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* test_admin_spawn() and test_admin_wait() in one. */
void
test_admin (const char *data_dir,
            const char *database,
            const char *password,
            const char *first,
            ...)
{
  g_autoptr(GSubprocess) process = NULL;
  va_list ap;

  va_start (ap, first);
  process = test_admin_spawn_va (data_dir, database, password, first, ap);
  va_end (ap);
  test_admin_wait (process);
}

/* Starts helder-server on @data_dir (with @config, when not NULL) at a
 * free port on loopback, killed with the test; *url gets its address.
 * Its log is read (and dropped) so the pipe never fills. */
GSubprocess *
test_server_start_with_config (const char  *data_dir,
                               const char  *config,
                               char       **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  if (config != NULL)
    server = test_spawn_server (&error, test_server_binary (), "--config", config, "--data-dir", data_dir,
                                "--listen", "127.0.0.1:0", NULL);
  else
    server = test_spawn_server (&error, test_server_binary (), "--data-dir", data_dir, "--listen", "127.0.0.1:0",
                                NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "helder-server: listening on "));
  *url = g_strdup (line + strlen ("helder-server: listening on "));
  g_input_stream_read_all_async (G_INPUT_STREAM (out), g_malloc (8 << 20), 8 << 20, G_PRIORITY_LOW,
                                 NULL, NULL, NULL);
  return server;
}

GSubprocess *
test_server_start (const char  *data_dir,
                   char       **url)
{
  return test_server_start_with_config (data_dir, NULL, url);
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);
}

/* Logs in as @login at @client's server and returns the token. */
char *
test_client_login_token (HelderSyncClient *client,
                         const char       *login,
                         const char       *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  helder_sync_client_login_async (client, login, password, NULL, keep_result, &result);
  wait_for_result (&result);
  token = helder_sync_client_login_finish (client, result, &error);
  g_assert_no_error (error);
  return token;
}

/* Logs @client in as @login and keeps the token. */
void
test_client_login (HelderSyncClient *client,
                   const char       *login,
                   const char       *password)
{
  g_autofree char *token = test_client_login_token (client, login, password);

  helder_sync_client_set_token (client, token);
}

/* One sync (pull, push, pull), run to its end. */
gboolean
test_client_sync (HelderSyncClient  *client,
                  GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  helder_sync_client_sync_async (client, NULL, keep_result, &result);
  wait_for_result (&result);
  return helder_sync_client_sync_finish (client, result, error);
}

/* What a crash leaves of the store at @from: its files (the database, its
 * write-ahead log and shared memory, its key file) copied to @to as they
 * are while it is open. */
void
test_copy_store_files (const char *from,
                       const char *to)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".state" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *a = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *b = g_strconcat (to, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_remove (b);
      if (g_file_get_contents (a, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (b, contents, length, NULL));
    }
}
