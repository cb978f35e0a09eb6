/* fuzz-server.c: libFuzzer target for helder-server's request parsing
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build with -Dfuzzing=true and clang (see README), then
 *   ./_fuzz/tests/fuzz/fuzz-server -max_total_time=600 -dict=tests/fuzz/server.dict /tmp/server-corpus
 *
 * Each input is a raw HTTP request (request line, headers, body), sent
 * over a real loopback connection to a HelderServer in this process,
 * with SQLite storage in a temporary directory, an organisation and two
 * users whose tokens are "fuzz-admin-token" and "fuzz-staff-token".  The
 * request goes through everything a client's would: the header guard,
 * the early checks, libsoup's parser, the JSON checks and the handlers
 * (login, changes, index, records, push and merge, blobs, the stream).
 * An answer, when there is one, must be HTTP; the server must never
 * crash, leak under ASan or trip UBSan.
 */

#include "config.h"

#include <argon2.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "helder-server.h"
#include "helder-server-sqlite.h"
#include "test-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static HelderServer *server;
static guint16 port;
static char *data_dir;

/* The data directory goes when the fuzzer stops (it exits through exit()). */
static void
remove_data_dir (void)
{
  test_remove_tree (data_dir);
}

static void
add_token (HelderServerStorage *storage,
           const char          *login,
           const char          *token)
{
  HelderServerStorageInterface *iface = HELDER_SERVER_STORAGE_GET_IFACE (storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *token_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (iface->find_login (storage, login, &user, &hash, &error));
  g_assert_true (iface->add_token (storage, user.id, token_hash, &error));
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *dir = g_build_filename (base, "helder-fuzz-server-XXXXXX", NULL);
  g_autofree char *blobs = NULL;
  g_autoptr(HelderServerStorage) storage = NULL;
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  HelderServerStorageInterface *iface;
  g_autofree char *hash = NULL;

  g_assert_nonnull (g_mkdtemp (dir));
  data_dir = g_strdup (dir);
  atexit (remove_data_dir);
  storage = HELDER_SERVER_STORAGE (helder_server_sqlite_open (dir, &error));
  g_assert_no_error (error);
  iface = HELDER_SERVER_STORAGE_GET_IFACE (storage);
  /* A cheap argon2id hash (1 pass over 64 KiB): a login that gets the
   * password right is verified at its cost, and is not what is fuzzed. */
  {
    char encoded[256];
    static const guint8 salt[16] = "fuzz-salt-16byte";

    g_assert_cmpint (argon2id_hash_encoded (1, 64, 1, "fuzz-password-1", 15, salt, sizeof salt, 32,
                                            encoded, sizeof encoded), ==, ARGON2_OK);
    hash = g_strdup (encoded);
  }
  g_assert_true (iface->create_org (storage, "fuzz", "Fuzz", &error));
  g_assert_true (iface->add_user (storage, "fuzz", "admin", "admin", hash, &error));
  g_assert_true (iface->add_user (storage, "fuzz", "staff", "staff", hash, &error));
  add_token (storage, "admin", "fuzz-admin-token");
  add_token (storage, "staff", "fuzz-staff-token");

  blobs = g_build_filename (dir, "blobs", NULL);
  server = helder_server_new (storage, blobs);
  helder_server_set_limits (server, 0, 2, 2, 2);

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (listener, address, TRUE, &error));
  g_socket_set_listen_backlog (listener, 64);
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_assert_true (helder_server_listen (server, listener, NULL, &error));

  /* The request log is not what is fuzzed. */
  g_assert_nonnull (freopen ("/dev/null", "w", stdout));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GError) error = NULL;
  GString *answer = g_string_new (NULL);
  gsize sent = 0;
  gboolean eof = FALSE;
  gboolean shut = FALSE;
  gint64 deadline;

  if (server == NULL)
    set_up ();

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, port);
  client = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (client, FALSE);
  if (!g_socket_connect (client, address, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    g_error ("connect: %s", error->message);
  g_clear_error (&error);

  /* Send, then read until the server closes; the server runs on this
   * thread's main context in between. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!eof && g_get_monotonic_time () < deadline)
    {
      char buffer[8192];
      gssize n;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!shut)
        {
          n = size > sent ? g_socket_send (client, (const char *) data + sent, size - sent, NULL, NULL) : 0;
          if (n > 0)
            sent += n;
          if (sent == size)
            shut = g_socket_shutdown (client, FALSE, TRUE, NULL);
        }
      n = g_socket_receive (client, buffer, sizeof buffer, NULL, &error);
      if (n > 0)
        g_string_append_len (answer, buffer, n);
      else if (n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        eof = TRUE;
      else
        g_socket_condition_timed_wait (client, G_IO_IN, 1000, NULL, NULL);
      g_clear_error (&error);
    }
  g_socket_close (client, NULL);

  /* Whatever came back is HTTP */
  if (answer->len > 0)
    g_assert_true (g_str_has_prefix (answer->str, "HTTP/1.1 ") || g_str_has_prefix (answer->str, "HTTP/1.0 "));
  g_string_free (answer, TRUE);

  /* Let the server finish with the connection before the next one. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}
