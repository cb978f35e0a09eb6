/* helder-server-stream.c: WebSocket notifications of new versions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"


#include "helder-server-private.h"
#include "sync/helder-protocol.h"
/* WebSocket notifications */

static void
stream_closed (SoupWebsocketConnection *connection,
               HelderServer            *self)
{
  for (guint i = 0; i < self->streams->len; i++)
    {
      Stream *s = g_ptr_array_index (self->streams, i);

      if (s->connection == connection)
        {
          g_ptr_array_remove_index_fast (self->streams, i);
          return;
        }
    }
}

void
helder_server_stream_free (Stream *s)
{
  g_signal_handlers_disconnect_matched (s->connection, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, stream_closed, NULL);
  g_object_unref (s->connection);
  g_free (s->token_hash);
  g_free (s);
}

/* Whether the stream's token still holds: a revoked token (revoke-tokens,
 * a new password) closes its stream.  A storage that cannot answer
 * closes nothing. */
static gboolean
stream_still_valid (HelderServer *self,
                    Stream       *s)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(GError) error = NULL;

  if (storage->find_token (self->storage, s->token_hash, &user, &error) ||
      !g_error_matches (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND))
    return TRUE;
  soup_websocket_connection_close (s->connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "token revoked");
  return FALSE;
}

/* Every half minute, streams that hear nothing are checked too. */
static gboolean
sweep_streams (gpointer data)
{
  HelderServer *self = data;

  /* A close answers later: the list does not change under the loop. */
  for (guint i = 0; i < self->streams->len; i++)
    stream_still_valid (self, g_ptr_array_index (self->streams, i));
  return G_SOURCE_CONTINUE;
}

/* The epoch goes with the version: after a restore a version lower than
 * the client's is news too. */
void
helder_server_stream_send_version (HelderServer            *self,
                                   SoupWebsocketConnection *connection,
                                   gint64                   version)
{
  g_autofree char *text = g_strdup_printf ("{\"" HELDER_MEMBER_LIBRARY_VERSION "\":%" G_GINT64_FORMAT
                                           ",\"" HELDER_MEMBER_DATA_EPOCH "\":\"%s\"}",
                                           version, self->epoch ? self->epoch : "");

  if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (connection, text);
}

void
helder_server_broadcast_version (HelderServer *self,
                                 gint64        org_id,
                                 gint64        version)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) org_id);

  /* Another instance's commit arrives through the storage, and our own
   * comes back the same way: each version is announced once. */
  if (version <= (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->announced, key)))
    return;
  g_hash_table_insert (self->announced, key, GSIZE_TO_POINTER ((gsize) version));

  for (guint i = 0; i < self->streams->len; i++)
    {
      Stream *s = g_ptr_array_index (self->streams, i);

      if (s->org_id == org_id && stream_still_valid (self, s))
        helder_server_stream_send_version (self, s->connection, version);
    }
}

void
helder_server_stream_early_handler (SoupServer        *server,
                                    SoupServerMessage *msg,
                                    const char        *path,
                                    GHashTable        *query,
                                    gpointer           user_data)
{
  HelderServer *self = user_data;
  g_auto(HelderServerUser) user = { 0 };

  if (!g_str_equal (path, HELDER_PATH_STREAM))
    return;
  if (!helder_server_authenticate (self, msg, &user))
    return;   /* answered 401: no upgrade */
  helder_server_connection_upgrading (msg);
}

void
helder_server_stream_handler (SoupServer              *server,
                              SoupServerMessage       *msg,
                              const char              *path,
                              SoupWebsocketConnection *connection,
                              gpointer                 user_data)
{
  HelderServer *self = user_data;
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 version;
  Stream *s;

  if (!helder_server_authenticate (self, msg, &user))
    {
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      return;
    }
  helder_server_connection_upgraded (msg, connection);
  s = g_new0 (Stream, 1);
  s->connection = g_object_ref (connection);
  s->org_id = user.org_id;
  s->token_hash = helder_server_token_hash (msg);
  if (self->sweep_id == 0)
    self->sweep_id = g_timeout_add_seconds (30, sweep_streams, self);
  g_ptr_array_add (self->streams, s);
  g_signal_connect (connection, "closed", G_CALLBACK (stream_closed), self);
  version = storage->get_org_version (self->storage, user.org_id, NULL, &error);
  if (version < 0)
    {
      /* The client polls until it connects again. */
      g_message ("Storage: %s", error->message);
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, NULL);
      return;
    }
  helder_server_stream_send_version (self, connection, version);
}
