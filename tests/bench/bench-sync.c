/* bench-sync.c: how fast two desktops meet through helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-sync HELDER-SERVER
 *
 * Starts a real helder-server on loopback, pushes 10,000 records from one
 * store, then times a first sync of all of them into an empty store and a
 * sync with nothing new (median of 20), and prints the figures.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "store/helder-store-sync.h"
#include "sync/helder-sync-client.h"

#include "../sync/test-util.h"

static const char *helder_server;
static char *server_dir;

static void
got (GObject      *source,
     GAsyncResult *result,
     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static HelderSyncClient *
client_for (HelderStore *store,
            const char  *url)
{
  HelderSyncClient *client = helder_sync_client_new (store, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;

  helder_sync_client_login_async (client, "sanne", "geheim-wachtwoord", NULL, got, &result);
  wait_for (&result);
  token = helder_sync_client_login_finish (client, result, NULL);
  g_assert_nonnull (token);
  helder_sync_client_set_token (client, token);
  return client;
}

static double
sync_ms (HelderSyncClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  helder_sync_client_sync_async (client, NULL, got, &result);
  wait_for (&result);
  if (!helder_sync_client_sync_finish (client, result, &error))
    g_error ("sync failed: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *dir_a = g_dir_make_tmp ("bench-a-XXXXXX", NULL);
  g_autofree char *dir_b = g_dir_make_tmp ("bench-b-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir_a, "helder.db", NULL);
  g_autofree char *path_b = g_build_filename (dir_b, "helder.db", NULL);
  g_autoptr(HelderStore) a = helder_store_open (path_a, NULL);
  g_autoptr(HelderStore) b = helder_store_open (path_b, NULL);
  g_autoptr(HelderSyncClient) ca = NULL;
  g_autoptr(HelderSyncClient) cb = NULL;
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  const char *url;
  double push, first;

  if (argc < 2)
    {
      g_printerr ("usage: %s HELDER-SERVER\n", argv[0]);
      return 2;
    }
  helder_server = argv[1];
  g_setenv ("HELDER_SERVER", helder_server, TRUE);
  server_dir = g_dir_make_tmp ("bench-server-XXXXXX", NULL);
  test_admin (server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  test_admin (server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "sanne", NULL);

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL, helder_server,
                             "--data-dir", server_dir, "--listen", "127.0.0.1:0", NULL);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  url = line + strlen ("helder-server: listening on ");
  g_input_stream_read_all_async (G_INPUT_STREAM (out), g_malloc (64 << 20), 64 << 20, G_PRIORITY_LOW,
                                 NULL, NULL, NULL);

  /* 10,000 records of several types */
  for (guint batch = 0; batch < 10; batch++)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < 1000; i++)
        {
          guint n = batch * 1000 + i;
          HelderRecord *r;

          if (n % 3 == 0)
            {
              r = helder_record_new (HELDER_TYPE_PRIORITY);
              g_object_set (r, "title", "Prioriteit", "rank", n % 1000, "theme", "Wonen", NULL);
            }
          else if (n % 3 == 1)
            {
              r = helder_record_new (HELDER_TYPE_TOPIC);
              g_object_set (r, "title", "Onderwerp", "summary", "Wat speelt er in de wijk", "admin-impact", 3, NULL);
            }
          else
            {
              r = helder_record_new (HELDER_TYPE_SIGNAL);
              g_object_set (r, "date", "2026-11-28", "channel", "Fixi", "text", "Melding over afval", NULL);
            }
          g_ptr_array_add (records, r);
        }
      helder_store_save_all (a, records, NULL);
    }

  ca = client_for (a, url);
  push = sync_ms (ca);
  cb = client_for (b, url);
  first = sync_ms (cb);
  for (guint i = 0; i < 21; i++)
    {
      double t = sync_ms (cb);

      if (i > 0)
        g_array_append_val (idle, t);
    }
  g_array_sort (idle, compare_doubles);

  g_print ("push of 10,000 records (100 batches):          %8.1f ms\n", push);
  g_print ("first sync of 10,000 records into an empty store: %8.1f ms (goal: at most 3000)\n", first);
  g_print ("sync with nothing new, median of 20:              %8.2f ms (goal: at most 20)\n",
           g_array_index (idle, double, idle->len / 2));
  g_assert_cmpuint (helder_store_count (b, HELDER_TYPE_SIGNAL) + helder_store_count (b, HELDER_TYPE_TOPIC) +
                    helder_store_count (b, HELDER_TYPE_PRIORITY), ==, 10000);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  return 0;
}
