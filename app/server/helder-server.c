/* helder-server.c: the HTTP side of helder-server: object, dispatch, early checks, log
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

G_DEFINE_FINAL_TYPE (HelderServer, helder_server, G_TYPE_OBJECT)

static GQuark start_quark;

/* Early checks: size, length and content type, before the body is read. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  HelderServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  gboolean is_blob = g_str_has_prefix (path, HELDER_PATH_BLOBS);
  gsize limit = is_blob ? self->max_blob : HELDER_SERVER_MAX_BODY;
  goffset length;
  guint n_lengths = 0;
  const char *first_length = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;

  helder_server_connection_headers_read (msg);

  /* Two different lengths: which one the body has is anyone's guess (and
   * a proxy in front may have guessed otherwise). */
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Length") == 0)
      {
        if (n_lengths++ > 0 && !g_str_equal (value, first_length))
          {
            helder_server_refuse_unread (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_REQUEST,
                                         "More than one Content-Length");
            return;
          }
        first_length = value;
      }
  if (first_length != NULL && strchr (first_length, ',') != NULL)
    {
      helder_server_refuse_unread (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_REQUEST,
                                   "More than one Content-Length");
      return;
    }

  if (!g_str_equal (method, "POST") && !g_str_equal (method, "PUT"))
    return;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    {
      helder_server_refuse_unread (msg, SOUP_STATUS_LENGTH_REQUIRED, HELDER_CODE_LENGTH_REQUIRED, "Send a Content-Length");
      return;
    }
  length = soup_message_headers_get_content_length (headers);
  if (length < 0 || (gsize) length > limit)
    {
      g_autofree char *message = g_strdup_printf ("The body may be at most %" G_GSIZE_FORMAT " bytes", limit);

      helder_server_refuse_unread (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, HELDER_CODE_TOO_LARGE, message);
      return;
    }
  if (!is_blob)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      /* Media types are case-insensitive (RFC 9110, 8.3.1). */
      if (type == NULL || g_ascii_strcasecmp (type, HELDER_MEDIA_TYPE_JSON) != 0)
        helder_server_respond_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, HELDER_CODE_UNSUPPORTED_MEDIA_TYPE,
                                     "The body must be application/json");
    }
}

/* Dispatch and logging */

static void
server_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  HelderServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (path, HELDER_PATH_LOGIN))
    helder_server_handle_login (self, msg);
  else if (g_str_equal (path, HELDER_PATH_CHANGES) && g_str_equal (method, "GET"))
    helder_server_handle_changes (self, msg, query);
  else if (g_str_equal (path, HELDER_PATH_INDEX) && g_str_equal (method, "GET"))
    helder_server_handle_index (self, msg);
  else if (g_str_equal (path, HELDER_PATH_PUSH))
    helder_server_handle_push (self, msg);
  else if (g_str_has_prefix (path, HELDER_PATH_RECORDS) && g_str_equal (method, "GET"))
    helder_server_handle_record (self, msg, path);
  else if (g_str_has_prefix (path, HELDER_PATH_BLOBS))
    helder_server_handle_blob (self, msg, path);
  else
    helder_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, HELDER_CODE_NOT_FOUND, "No such endpoint");
}

static void
request_started (SoupServer        *server,
                 SoupServerMessage *msg,
                 HelderServer      *self)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_qdata_full (G_OBJECT (msg), start_quark, start, g_free);
  /* Every answer names the data; one that reads a token names it afresh */
  if (self->epoch != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), HELDER_HEADER_DATA_EPOCH,
                                  self->epoch);
  helder_server_connection_started (self, msg);
}

static void
request_read (SoupServer        *server,
              SoupServerMessage *msg,
              HelderServer      *self)
{
  helder_server_connection_body_read (msg);
}

/* One line per request: never a password or a token (the query string,
 * which could carry one, is left out). */
static void
request_finished (SoupServer        *server,
                  SoupServerMessage *msg,
                  HelderServer      *self)
{
  gint64 *start = g_object_get_qdata (G_OBJECT (msg), start_quark);
  const char *user = g_object_get_qdata (G_OBJECT (msg), helder_server_user_quark ());
  GUri *uri = soup_server_message_get_uri (msg);

  /* stdio, not g_print (which flushes every line): helder-server's main
   * buffers stdout and flushes it twice a second. */
  fprintf (stdout, "%s %s %u %.1fms %s\n", soup_server_message_get_method (msg),
           uri ? g_uri_get_path (uri) : "?", soup_server_message_get_status (msg),
           start ? (g_get_monotonic_time () - *start) / 1000.0 : 0.0, user ? user : "-");
}

static void
helder_server_dispose (GObject *object)
{
  HelderServer *self = HELDER_SERVER (object);

  helder_server_connections_dispose (self);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->reader, helder_server_reader_free);
  g_clear_handle_id (&self->epoch_check, g_source_remove);
  if (self->storage != NULL)
    g_signal_handlers_disconnect_by_data (self->storage, self);
  g_clear_object (&self->storage);
  g_clear_pointer (&self->streams, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_server_parent_class)->dispose (object);
}

static void
helder_server_finalize (GObject *object)
{
  HelderServer *self = HELDER_SERVER (object);

  g_free (self->blob_dir);
  g_free (self->epoch);
  g_hash_table_unref (self->attempts);
  g_clear_pointer (&self->trusted_proxies, g_ptr_array_unref);
  g_queue_free_full (self->logins, g_object_unref);
  g_hash_table_unref (self->announced);

  G_OBJECT_CLASS (helder_server_parent_class)->finalize (object);
}

static void
helder_server_class_init (HelderServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_server_dispose;
  object_class->finalize = helder_server_finalize;

  start_quark = g_quark_from_static_string ("helder-server-start");
}

static void
helder_server_init (HelderServer *self)
{
  self->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_server_stream_free);
  self->announced = g_hash_table_new (NULL, NULL);
  self->max_blob = DEFAULT_MAX_BLOB;
  self->logins = g_queue_new ();
  self->login_failures_per_user = LOGIN_MAX_PER_USER;
  self->login_failures_per_address = LOGIN_MAX_PER_ADDRESS;
  helder_server_connections_init (self);
}

HelderServer *
helder_server_new (HelderServerStorage *storage,
                   const char          *blob_dir)
{
  HelderServer *self;

  g_return_val_if_fail (HELDER_IS_SERVER_STORAGE (storage), NULL);

  self = g_object_new (HELDER_TYPE_SERVER, NULL);
  self->storage = g_object_ref (storage);
  g_signal_connect_swapped (storage, "version-changed", G_CALLBACK (helder_server_broadcast_version), self);
  self->blob_dir = g_strdup (blob_dir);
  self->soup = soup_server_new ("server-header", "helder-server/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_early_handler (self->soup, HELDER_PATH_STREAM, helder_server_stream_early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_handler, self, NULL);
  soup_server_add_websocket_handler (self->soup, HELDER_PATH_STREAM, NULL, NULL, helder_server_stream_handler, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished), self);
  helder_server_epoch_start (self);

  return self;
}

/**
 * helder_server_add_readers:
 * @storages: storages opened on the same data as the server's, one for
 *   each reader thread, used by nothing else
 *
 * Pages of changes and the index are then read in those threads, off the
 * main loop.
 */
void
helder_server_add_readers (HelderServer *self,
                           GPtrArray    *storages)
{
  g_return_if_fail (HELDER_IS_SERVER (self));
  g_return_if_fail (self->reader == NULL);

  self->reader = helder_server_reader_new (storages);
}

void
helder_server_set_max_blob (HelderServer *self,
                            gsize         bytes)
{
  g_return_if_fail (HELDER_IS_SERVER (self));

  self->max_blob = bytes;
}

SoupServer *
helder_server_get_soup_server (HelderServer *self)
{
  g_return_val_if_fail (HELDER_IS_SERVER (self), NULL);

  return self->soup;
}
