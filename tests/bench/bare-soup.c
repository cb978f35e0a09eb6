/* bare-soup.c: the yardstick for helder-server's throughput
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bare-soup BODY-FILE
 *   bare-soup --not-modified VERSION
 *
 * A libsoup 3 server on 127.0.0.1 (a free port, printed) whose one handler
 * answers every request with the bytes of BODY-FILE as JSON, or with
 * helder-server's "304 Not Modified" for a client at VERSION, closing the
 * connection as helder-server does.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>

static GBytes *body;
static const char *not_modified;   /* the version, for 304 answers */

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  if (g_getenv ("BARE_KEEPALIVE") == NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  if (not_modified != NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Last-Modified-Version",
                                    not_modified);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *contents;
  gsize length;

  if (argc == 3 && g_str_equal (argv[1], "--not-modified"))
    not_modified = argv[2];
  else if (argc < 2 || !g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("usage: %s BODY-FILE | --not-modified VERSION\n", argv[0]);
      return 2;
    }
  else
    body = g_bytes_new_take (contents, length);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);
    g_print ("listening on %s\n", uri);
    fflush (stdout);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (loop);
  return 0;
}
