/* test-server-wire.c: the server tests' WebSocket stream and raw sockets
 * (for what libsoup will not send), and the server's resident memory
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>

#include "test-server-util.h"

/* WebSocket stream */

static void
stream_message (SoupWebsocketConnection *connection,
                int                      type,
                GBytes                  *message,
                Stream                  *s)
{
  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_queue_push_tail (&s->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
stream_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Stream *s = data;

  s->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &s->error);
  if (s->connection != NULL)
    g_signal_connect (s->connection, "message", G_CALLBACK (stream_message), s);
  s->done = TRUE;
}

static gboolean
wake_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @flag or the timeout. */
void
run_until (gboolean *flag,
           guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake_up, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

gboolean
has_message (Stream *s)
{
  return !g_queue_is_empty (&s->messages);
}

/* The next message within @timeout_ms, or NULL. */
char *
next_message (Stream *s,
              guint   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!has_message (s) && g_get_monotonic_time () < deadline)
    {
      gboolean got = FALSE;
      guint id = g_timeout_add (10, wake_up, &got);

      g_main_context_iteration (NULL, TRUE);
      if (!got)
        g_source_remove (id);
    }
  return g_queue_pop_head (&s->messages);
}

void
stream_open (Stream      *s,
             SoupSession *with,
             Server      *srv,
             const char  *token,
             SoupMessage **out_msg)
{
  g_autofree char *uri = g_strdup_printf ("ws://127.0.0.1:%u/v1/stream", srv->port);
  SoupMessage *msg = soup_message_new ("GET", uri);

  memset (s, 0, sizeof *s);
  g_queue_init (&s->messages);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (with, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, stream_connected, s);
  run_until (&s->done, 10000);
  g_assert_true (s->done);
  *out_msg = msg;
}

void
stream_clear (Stream *s)
{
  if (s->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (s->connection, s);
      if (soup_websocket_connection_get_state (s->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (s->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&s->connection);
    }
  g_clear_error (&s->error);
  g_queue_clear_full (&s->messages, g_free);
}

gint64
version_message (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  g_assert_nonnull (text);
  node = json_from_string (text, NULL);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  o = json_node_get_object (node);
  g_assert_true (json_object_has_member (o, "library_version"));
  return json_object_get_int_member (o, "library_version");
}

/* The server's resident memory, in bytes */
guint64
server_rss (Server *srv)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", srv->pid);
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Raw sockets, for what libsoup will not send */

GSocketConnection *
raw_connect_with_timeout (guint16 port,
                          guint   timeout)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, timeout);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

GSocketConnection *
raw_connect (guint16 port)
{
  return raw_connect_with_timeout (port, 10);
}

/* Sends @request and reads until the server closes (it answers
 * Connection: close), or for @timeout seconds. */
char *
raw_exchange (guint16     port,
              const char *request,
              guint       timeout,
              double     *seconds)
{
  g_autoptr(GSocketConnection) connection = raw_connect_with_timeout (port, timeout);
  g_autoptr(GError) error = NULL;
  GString *answer = g_string_new (NULL);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  gint64 start = g_get_monotonic_time ();
  char buffer[4096];
  gssize n;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (answer, buffer, n);
  /* A reset after the answer is fine; a timeout leaves no answer. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_test_message ("no answer within %u s", timeout);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return g_string_free (answer, FALSE);
}

/* The status of a raw answer, 0 for none */
guint
raw_status (const char *answer)
{
  if (!g_str_has_prefix (answer, "HTTP/1.1 ") && !g_str_has_prefix (answer, "HTTP/1.0 "))
    return 0;
  return atoi (answer + 9);
}

guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
