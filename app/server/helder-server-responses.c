/* helder-server-responses.c: answers, lingering closes and reading JSON bodies
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"
/* Responses */

void
helder_server_respond_json (SoupServerMessage *msg,
                            guint              status,
                            JsonNode          *node)
{
  g_autofree char *body = json_to_string (node, FALSE);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, HELDER_MEDIA_TYPE_JSON, SOUP_MEMORY_COPY, body, strlen (body));
}

void
helder_server_respond_error (SoupServerMessage *msg,
                             guint              status,
                             const char        *code,
                             const char        *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_ERROR);
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, HELDER_MEMBER_MESSAGE);
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  helder_server_respond_json (msg, status, node);
}

/* The storage could not answer (a lost database connection, a full disk):
 * the client keeps what it has and retries. */
void
helder_server_respond_unavailable (SoupServerMessage *msg,
                                   const GError      *error)
{
  g_message ("Storage: %s", error ? error->message : "unknown error");
  helder_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, HELDER_CODE_STORAGE, "The server cannot reach its data; retry");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), HELDER_HEADER_RETRY_AFTER, "2");
}

void
helder_server_respond_status (SoupServerMessage *msg,
                              guint              status)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
}

/* A cheap pass over the bytes before json-glib sees them: json-glib
 * parses recursively, so about 75,000 nested arrays overflow the stack,
 * and it cuts strings at an escaped NUL ("a\\u0000b" would be stored as
 * "a", a user name "anna\\u0000x" would log in as anna).  Strings and
 * their escapes are followed, so brackets and "\\u0000" inside a string
 * that means a backslash and "u0000" are told apart. */
static gboolean
scan_json (const char  *data,
           gsize        size,
           GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < size)
            {
              if (data[i + 1] == 'u' && i + 5 < size && strncmp (data + i + 2, "0000", 4) == 0)
                {
                  g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                                       "A string holds a NUL character (\\u0000)");
                  return FALSE;
                }
              i++;   /* the escaped character */
            }
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > HELDER_SERVER_MAX_DEPTH)
            {
              g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                           "The JSON is nested more than %d deep", HELDER_SERVER_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * helder_server_json_parse_object:
 *
 * Parses a request body that must be a JSON object: UTF-8 without NUL,
 * nested at most HELDER_SERVER_MAX_DEPTH deep.
 *
 * Returns: (transfer full): the object, or %NULL with @error set
 */
JsonObject *
helder_server_json_parse_object (const char  *data,
                                 gsize        size,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;

  /* g_utf8_validate() with a length refuses NUL bytes too. */
  if (size == 0 || !g_utf8_validate (data, size, NULL))
    {
      g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "The body is not UTF-8 JSON");
      return NULL;
    }
  if (!scan_json (data, size, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "The body must be a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

JsonObject *
helder_server_parse_json_object (SoupServerMessage *msg,
                                 GBytes           **raw)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonObject *object = helder_server_json_parse_object (data, size, &error);

  if (object == NULL)
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_JSON, error->message);
      return NULL;
    }
  if (raw != NULL)
    *raw = g_bytes_ref (bytes);
  return object;
}

/* A member that must be a string when present: FALSE (and a 400 naming
 * @what) for anything else, null included.  *@out is NULL when it is
 * absent. */
gboolean
helder_server_string_member (SoupServerMessage  *msg,
                             JsonObject         *object,
                             const char         *member,
                             const char         *what,
                             const char        **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *message = g_strdup_printf ("%s: must be a string", what);

      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, message);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

/* A lingering close: a socket closed with unread data sends a reset,
 * and a client still sending its body would get "connection reset"
 * instead of the answer.  So after the answer the server stops writing
 * and throws away what still comes, until the client closes or for at
 * most @seconds; then @done (when not NULL) gets @data. */

typedef struct
{
  GIOStream      *stream;
  GCancellable   *cancellable;
  guint           timeout_id;
  GDestroyNotify  done;
  gpointer        data;
  guint8          buffer[16384];
} Linger;

static void
linger_read (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Linger *l = data;

  if (g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL) > 0)
    {
      g_input_stream_read_async (G_INPUT_STREAM (source), l->buffer, sizeof l->buffer, G_PRIORITY_LOW,
                                 l->cancellable, linger_read, l);
      return;
    }
  g_clear_handle_id (&l->timeout_id, g_source_remove);
  g_io_stream_close (l->stream, NULL, NULL);
  g_object_unref (l->stream);
  g_object_unref (l->cancellable);
  if (l->done != NULL)
    l->done (l->data);
  g_free (l);
}

static gboolean
linger_timeout (gpointer data)
{
  Linger *l = data;

  /* The pending read ends as cancelled and closes the stream. */
  l->timeout_id = 0;
  g_cancellable_cancel (l->cancellable);
  return G_SOURCE_REMOVE;
}

void
helder_server_linger (GIOStream      *stream,
                      GSocket        *socket,
                      gboolean        tls,
                      guint           seconds,
                      GDestroyNotify  done,
                      gpointer        data)
{
  Linger *l = g_new0 (Linger, 1);

  /* Plain TCP: a FIN tells the client the answer is complete. */
  if (socket != NULL && !tls)
    g_socket_shutdown (socket, FALSE, TRUE, NULL);
  l->stream = g_object_ref (stream);
  l->cancellable = g_cancellable_new ();
  l->done = done;
  l->data = data;
  l->timeout_id = g_timeout_add_seconds (seconds, linger_timeout, l);
  g_input_stream_read_async (g_io_stream_get_input_stream (stream), l->buffer, sizeof l->buffer, G_PRIORITY_LOW,
                             l->cancellable, linger_read, l);
}

#define LINGER_SECONDS 30

/* Answers and closes the connection at once, without reading the body.
 * libsoup 3.2 honours a status set by an early handler only for clients
 * that sent Expect: 100-continue; others would have their whole body read
 * first.  So the connection is taken over and answered by hand. */
void
helder_server_refuse_unread (SoupServerMessage *msg,
                             guint              status,
                             const char        *code,
                             const char        *message)
{
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *body = g_strdup_printf ("{\"" HELDER_MEMBER_ERROR "\":\"%s\",\""
                                           HELDER_MEMBER_MESSAGE "\":\"%s\"}", code, message);
  g_autofree char *response = NULL;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *epoch;

  helder_server_connection_body_read (msg);
  if (soup_message_headers_get_expectations (soup_server_message_get_request_headers (msg)) &
      SOUP_EXPECTATION_CONTINUE)
    {
      helder_server_respond_error (msg, status, code, message);
      return;
    }

  epoch = soup_message_headers_get_one (soup_server_message_get_response_headers (msg), HELDER_HEADER_DATA_EPOCH);
  response = g_strdup_printf ("HTTP/1.1 %u %s\r\nServer: helder-server/" PACKAGE_VERSION "\r\n"
                              "Connection: close\r\nContent-Type: application/json\r\n%s%s%s"
                              "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n%s",
                              status, soup_status_get_phrase (status),
                              epoch ? HELDER_HEADER_DATA_EPOCH ": " : "", epoch ? epoch : "", epoch ? "\r\n" : "",
                              strlen (body), body);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    {
      gboolean tls;
      GSocket *socket = helder_server_connection_socket (msg, &tls);

      g_output_stream_write_all (g_io_stream_get_output_stream (stream), response, strlen (response),
                                 NULL, NULL, NULL);
      helder_server_linger (stream, socket, tls, LINGER_SECONDS, NULL, NULL);
    }
  fprintf (stdout, "%s %s %u 0.0ms -\n", soup_server_message_get_method (msg), uri ? g_uri_get_path (uri) : "?", status);
}
