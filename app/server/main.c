/* main.c: helder-server's command line
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helder-server.h"
#if HAVE_POSTGRESQL
#include "helder-server-postgres.h"
#endif
#include "helder-server-sqlite.h"

/* helder-server [--config FILE] [--listen ADDR:PORT] [--data-dir DIR]
 *               [--tls-cert FILE --tls-key FILE]
 * helder-server admin [--config FILE] [--data-dir DIR] create-org SLUG NAME
 * helder-server admin [--config FILE] [--data-dir DIR] add-user --org SLUG --role ROLE --password-stdin LOGIN
 * helder-server admin [--config FILE] [--data-dir DIR] set-password --password-stdin LOGIN
 * helder-server admin [--config FILE] [--data-dir DIR] revoke-tokens LOGIN
 * helder-server admin [--config FILE] [--data-dir DIR] backup FILE
 * helder-server admin [--config FILE] [--data-dir DIR] restore [FILE]
 *
 * The data lives in SQLite in the data directory, or in PostgreSQL when
 * the config file's "database" key (or HELDER_SERVER_DATABASE) holds a
 * libpq connection string; blobs stay in the data directory. */

static char *
default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "helder-server", NULL);
}

static GKeyFile *
load_config (const char  *path,
             GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  if (path != NULL && !g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* The config file's key, else the environment's (which keeps a password
 * out of the file), else SQLite in @data_dir. */
static HelderServerStorage *
open_storage (GKeyFile    *keys,
              const char  *data_dir,
              gboolean     listen,
              GError     **error)
{
  g_autofree char *database = g_key_file_get_string (keys, "server", "database", NULL);

  if (database == NULL && g_getenv ("HELDER_SERVER_DATABASE") != NULL && *g_getenv ("HELDER_SERVER_DATABASE"))
    database = g_strdup (g_getenv ("HELDER_SERVER_DATABASE"));
  if (database != NULL)
    {
#if HAVE_POSTGRESQL
      g_autoptr(HelderServerPostgres) postgres = helder_server_postgres_open (database, error);

      if (postgres == NULL || (listen && !helder_server_postgres_listen (postgres, error)))
        return NULL;
      return HELDER_SERVER_STORAGE (g_steal_pointer (&postgres));
#else
      g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                           _("This helder-server was built without PostgreSQL (libpq)"));
      return NULL;
#endif
    }
  return HELDER_SERVER_STORAGE (helder_server_sqlite_open (data_dir, error));
}

static int
usage_error (const char *message)
{
  g_printerr ("helder-server: %s\n", message);
  g_printerr (_("Try “helder-server --help” or “helder-server admin --help”.\n"));
  return 2;
}

static char *
read_password (void)
{
  char buffer[1024];
  size_t n = fread (buffer, 1, sizeof buffer - 1, stdin);

  buffer[n] = '\0';
  g_strchomp (buffer);
  return g_strdup (buffer);
}

static int
run_admin (int    argc,
           char **argv)
{
  g_autofree char *config = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *org = NULL;
  g_autofree char *role = NULL;
  gboolean password_stdin = FALSE;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("create-org SLUG NAME | add-user LOGIN | set-password LOGIN | "
                                                            "revoke-tokens LOGIN | backup FILE | restore [FILE]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(HelderServerStorage) storage = NULL;
  HelderServerStorageInterface *iface;
  GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config, N_("The server’s config file (for its data-dir or database)"), N_("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("The server’s data directory"), N_("DIR") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("add-user: the user’s organisation"), N_("SLUG") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("add-user: admin, advisor or staff"), N_("ROLE") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("add-user, set-password: read the password from standard input"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  guint n;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Administer a helder-server data directory."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  n = rest ? g_strv_length (rest) : 0;
  if (n == 0)
    return usage_error (_("admin: a command is required: create-org, add-user or revoke-tokens (or backup, restore)"));
  keys = load_config (config, &error);
  if (keys == NULL)
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 2;
    }
  if (data_dir == NULL)
    data_dir = g_key_file_get_string (keys, "server", "data-dir", NULL);
  if (data_dir == NULL)
    data_dir = default_data_dir ();

  storage = open_storage (keys, data_dir, FALSE, &error);
  if (storage == NULL)
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 1;
    }
  iface = HELDER_SERVER_STORAGE_GET_IFACE (storage);

  if (g_str_equal (rest[0], "create-org"))
    {
      if (n != 3)
        return usage_error ("create-org SLUG NAME");
      if (!iface->create_org (storage, rest[1], rest[2], &error))
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      g_print (_("Created organisation %s\n"), rest[1]);
      return 0;
    }

  if (g_str_equal (rest[0], "add-user"))
    {
      g_autofree char *password = NULL;
      g_autofree char *hash = NULL;

      if (n != 2 || org == NULL || role == NULL || !password_stdin)
        return usage_error ("add-user --org SLUG --role admin|advisor|staff --password-stdin LOGIN");
      if (!g_str_equal (role, "admin") && !g_str_equal (role, "advisor") && !g_str_equal (role, "staff"))
        return usage_error (_("--role takes admin, advisor or staff"));
      password = read_password ();
      if (strlen (password) < 8)
        return usage_error (_("the password must have at least 8 characters"));
      hash = helder_server_hash_password (password, &error);
      if (hash == NULL || !iface->add_user (storage, org, rest[1], role, hash, &error))
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      /* Translators: "Added sanne (advisor) to hillegom" */
      g_print (_("Added %s (%s) to %s\n"), rest[1], role, org);
      return 0;
    }

  /* A new password revokes every token of the user: their desks log in
   * again, and their open streams close. */
  if (g_str_equal (rest[0], "set-password"))
    {
      g_autofree char *password = NULL;
      g_autofree char *hash = NULL;

      if (n != 2 || !password_stdin)
        return usage_error ("set-password --password-stdin LOGIN");
      password = read_password ();
      if (strlen (password) < 8)
        return usage_error (_("the password must have at least 8 characters"));
      hash = helder_server_hash_password (password, &error);
      if (hash == NULL || !iface->begin (storage, &error) ||
          !iface->set_password (storage, rest[1], hash, &error) ||
          iface->revoke_tokens (storage, rest[1], &error) < 0 ||
          !iface->commit (storage, &error))
        {
          iface->rollback (storage);
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      g_print (_("New password for %s; their tokens are revoked\n"), rest[1]);
      return 0;
    }

  if (g_str_equal (rest[0], "revoke-tokens"))
    {
      gint revoked;

      if (n != 2)
        return usage_error ("revoke-tokens LOGIN");
      revoked = iface->revoke_tokens (storage, rest[1], &error);
      if (revoked < 0)
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "Revoked %d token of %s\n", "Revoked %d tokens of %s\n", revoked),
               revoked, rest[1]);
      return 0;
    }

  /* SQLite: a consistent copy while the server runs (the online backup
   * API), and back from one.  PostgreSQL: pg_dump and pg_restore do the
   * copying (README); "restore" without a file then marks the restore. */
  if (g_str_equal (rest[0], "backup"))
    {
      if (n != 2)
        return usage_error ("backup FILE");
      if (!HELDER_IS_SERVER_SQLITE (storage))
        return usage_error (_("backup: with PostgreSQL, use pg_dump (see the README)"));
      if (!helder_server_sqlite_backup (HELDER_SERVER_SQLITE (storage), rest[1], &error))
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      g_print (_("Backed up to %s\n"), rest[1]);
      return 0;
    }

  if (g_str_equal (rest[0], "restore"))
    {
      gboolean sqlite = HELDER_IS_SERVER_SQLITE (storage);

      if ((sqlite && n != 2) || (!sqlite && n != 1))
        return usage_error (sqlite ? "restore FILE" : _("restore (after pg_restore, without a file)"));
      if (sqlite ? !helder_server_sqlite_restore (HELDER_SERVER_SQLITE (storage), rest[1], &error)
                 : !iface->mark_restored (storage, &error))
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
      if (sqlite)
        g_print (_("Restored from %s; clients send again what the backup lacks\n"), rest[1]);
      else
        g_print (_("Marked the database as restored; clients send again what the backup lacks\n"));
      return 0;
    }

  return usage_error (_("admin: unknown command"));
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gint64 tombstone_seconds = 90 * 24 * 3600;
static gint64 idempotency_seconds = 24 * 3600;

/* Once a day: old tombstones and old stored push answers. */
static gboolean
forget_old (gpointer data)
{
  HelderServerStorage *storage = data;
  g_autoptr(GError) error = NULL;
  gint purged = HELDER_SERVER_STORAGE_GET_IFACE (storage)->purge_tombstones (storage, tombstone_seconds, &error);

  if (purged < 0)
    g_printerr ("helder-server: could not forget old tombstones: %s\n", error->message);
  else if (purged > 0)
    g_print ("helder-server: forgot %d deleted records older than %" G_GINT64_FORMAT " days\n",
             purged, tombstone_seconds / (24 * 3600));
  g_clear_error (&error);

  /* A push's stored answer serves retries for idempotency-hours (a day);
   * a replay after that meets the merge, which never applies a change
   * twice. */
  if (HELDER_SERVER_STORAGE_GET_IFACE (storage)->purge_idempotent (storage, idempotency_seconds, &error) < 0)
    g_printerr ("helder-server: could not forget old push answers: %s\n", error->message);
  return G_SOURCE_CONTINUE;
}

static gboolean
flush_log (gpointer data)
{
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

/* Binds ADDR:PORT and prints where it listens ("helder-server:
 * listening on URI", which scripts wait for). */
static GSocket *
listen_on (const char  *listen,
           gboolean     tls,
           GError     **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *host = NULL;
  g_autofree char *bound_host = NULL;
  guint16 port = 0;
  const char *colon = strrchr (listen, ':');
  guint64 value;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "--listen takes ADDR:PORT, not %s", listen);
      return NULL;
    }
  port = value;
  host = g_strndup (listen, colon - listen);
  if (host[0] == '[')
    {
      char *unbracketed = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = unbracketed;
    }
  address = g_inet_socket_address_new_from_string (host, port);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not an address: %s"), host);
      return NULL;
    }

  /* A deeper accept queue than GLib's default of 10: every answer closes
   * its connection, and desks reconnecting in a burst (after a restart)
   * would otherwise wait out connect retries. */
  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return NULL;
  bound_host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (bound)));
  if (strchr (bound_host, ':') != NULL)
    g_print ("helder-server: listening on %s://[%s]:%u/\n", tls ? "https" : "http", bound_host,
             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  else
    g_print ("helder-server: listening on %s://%s:%u/\n", tls ? "https" : "http", bound_host,
             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return g_steal_pointer (&socket);
}

static guint
config_uint (GKeyFile   *keys,
             const char *key)
{
  gint64 value = g_key_file_get_int64 (keys, "server", key, NULL);

  return value > 0 ? (guint) MIN (value, G_MAXUINT) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *blob_dir = NULL;
  g_auto(GStrv) trusted_proxies = NULL;
  gint64 max_blob = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(HelderServerStorage) storage = NULL;
  g_autoptr(HelderServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocket) socket = NULL;
  GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config, N_("A key file with a [server] group: listen, data-dir, database (a PostgreSQL connection string), tls-cert, tls-key, max-blob-bytes, tombstone-days (default 90), idempotency-hours (default 24), max-connections, header-timeout-seconds (default 15), body-timeout-seconds (default 120), idle-timeout-seconds (default 60), trusted-proxies (addresses separated by ;), login-failures-per-user (default 5), login-failures-per-address (default 20), readers (threads reading off the main loop, default 1)"), N_("FILE") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one)"), N_("ADDR:PORT") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("Where the database and blobs are kept"), N_("DIR") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("TLS certificate (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("TLS private key (PEM)"), N_("FILE") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &trusted_proxies, N_("A proxy in front (such as nginx) whose X-Forwarded-For is believed for login limits; may be repeated"), N_("ADDR") },
    { NULL }
  };


  /* Each SQLite connection is used by one thread at a time (the main
   * loop's, or one reader's): no mutex per call, and no global one for
   * SQLite's memory statistics, which the readers would contend for. */
  sqlite3_config (SQLITE_CONFIG_MULTITHREAD);
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /* Messages for the administrator in their language; the request log
   * and the "listening on" line, which scripts read, stay as they are. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");   /* the log's milliseconds keep their point */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR") ? g_getenv ("HELDER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The database, its journals and the blobs are for the server alone:
   * files 0600, directories 0700. */
  umask (0077);

  if (argc > 1 && g_str_equal (argv[1], "admin"))
    return run_admin (argc - 1, argv + 1);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Serve Helder’s sync protocol (v1).\n"
                                           "Administration: helder-server admin --help"));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc > 1)
    return usage_error (_("unexpected argument"));

  keys = load_config (config, &error);
  if (keys == NULL)
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 2;
    }
  /* Command-line flags win over the file. */
  if (listen == NULL)
    listen = g_key_file_get_string (keys, "server", "listen", NULL);
  if (data_dir == NULL)
    data_dir = g_key_file_get_string (keys, "server", "data-dir", NULL);
  if (tls_cert == NULL)
    tls_cert = g_key_file_get_string (keys, "server", "tls-cert", NULL);
  if (tls_key == NULL)
    tls_key = g_key_file_get_string (keys, "server", "tls-key", NULL);
  if (trusted_proxies == NULL)
    trusted_proxies = g_key_file_get_string_list (keys, "server", "trusted-proxies", NULL, NULL);
  max_blob = g_key_file_get_int64 (keys, "server", "max-blob-bytes", NULL);
  if (g_key_file_has_key (keys, "server", "tombstone-days", NULL))
    tombstone_seconds = g_key_file_get_int64 (keys, "server", "tombstone-days", NULL) * 24 * 3600;
  if (g_key_file_has_key (keys, "server", "idempotency-hours", NULL))
    idempotency_seconds = g_key_file_get_int64 (keys, "server", "idempotency-hours", NULL) * 3600;

  if ((tls_cert == NULL) != (tls_key == NULL))
    return usage_error (_("--tls-cert and --tls-key go together"));
  if (listen == NULL)
    listen = g_strdup ("127.0.0.1:8080");
  if (data_dir == NULL)
    data_dir = default_data_dir ();

  /* A data directory made by an older helder-server, under another umask */
  g_chmod (data_dir, 0700);
  for (guint i = 0; i < 3; i++)
    {
      static const char *files[] = { "helder-server.db", "helder-server.db-wal", "helder-server.db-shm" };
      g_autofree char *file = g_build_filename (data_dir, files[i], NULL);

      g_chmod (file, 0600);
    }

  storage = open_storage (keys, data_dir, TRUE, &error);
  if (storage == NULL)
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 1;
    }

  blob_dir = g_build_filename (data_dir, "blobs", NULL);
  server = helder_server_new (storage, blob_dir);

  /* Readers: storage connections of their own, for reads off the main loop */
  {
    g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 n_readers = g_key_file_has_key (keys, "server", "readers", NULL)
                         ? g_key_file_get_int64 (keys, "server", "readers", NULL) : 1;

    for (gint64 i = 0; i < CLAMP (n_readers, 0, 16); i++)
      {
        HelderServerStorage *reader = open_storage (keys, data_dir, FALSE, &error);

        if (reader == NULL)
          {
            g_printerr ("helder-server: %s\n", error->message);
            return 1;
          }
        g_ptr_array_add (readers, reader);
      }
    if (readers->len > 0)
      helder_server_add_readers (server, readers);
  }
  if (max_blob > 0)
    helder_server_set_max_blob (server, max_blob);

  if (!helder_server_set_trusted_proxies (server, (const char * const *) trusted_proxies, &error))
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 2;
    }
  helder_server_set_login_limits (server, config_uint (keys, "login-failures-per-user"),
                                  config_uint (keys, "login-failures-per-address"));
  helder_server_set_limits (server, config_uint (keys, "max-connections"),
                            config_uint (keys, "header-timeout-seconds"),
                            config_uint (keys, "body-timeout-seconds"),
                            config_uint (keys, "idle-timeout-seconds"));

  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr ("helder-server: %s\n", error->message);
          return 1;
        }
    }

  /* The request log is written in blocks, flushed every half second: a
   * write per request costs more than the request under load. */
  setvbuf (stdout, NULL, _IOFBF, 64 * 1024);
  g_timeout_add (500, flush_log, NULL);

  socket = listen_on (listen, certificate != NULL, &error);
  if (socket == NULL || !helder_server_listen (server, socket, certificate, &error))
    {
      g_printerr ("helder-server: %s\n", error->message);
      return 1;
    }
  g_print ("helder-server: at most %u connections at once\n", helder_server_get_max_connections (server));
  fflush (stdout);

  /* Deleted records are kept as tombstones for tombstone-days, then
   * forgotten: now (after the line above, which scripts wait for) and
   * once a day. */
  forget_old (storage);
  g_timeout_add_seconds (24 * 3600, forget_old, storage);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_loop, loop);
  g_unix_signal_add (SIGINT, quit_loop, loop);
  g_main_loop_run (loop);
  fflush (stdout);

  return 0;
}
