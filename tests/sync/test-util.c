/* test-util.c: what the sync tests share: servers and their databases
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#if HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "test-util.h"

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

  name = g_strdup_printf ("helder_%d_%u", (int) getpid (), ++counter);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  test_database_run (sql);

  /* A later keyword wins in a libpq connection string. */
  return g_strdup_printf ("%s dbname=%s", base, name);
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
