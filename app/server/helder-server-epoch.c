/* helder-server-epoch.c: the data epoch on every answer
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include "helder-server-private.h"
#include "sync/helder-protocol.h"

/* The epoch names the server's data; `helder-server admin restore` gives
 * it a new one.  The server reads it with every token and puts it on the
 * answer (Data-Epoch); answers without a token get the one last read.  A
 * restore made while the server runs is noticed by the next request that
 * reads the epoch, by another instance's notification (PostgreSQL), or by
 * a look every few seconds, whichever comes first.  Then every stream is
 * told the version its organisation has now, with the new epoch: the
 * versions went down, and without that a client would wait for its next
 * poll. */

#define EPOCH_CHECK_SECONDS 5

static void
announce_restore (HelderServer *self)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_autoptr(GHashTable) versions = g_hash_table_new (NULL, NULL);

  g_message ("The data was restored (data epoch %s); telling %u streams", self->epoch, self->streams->len);
  g_hash_table_remove_all (self->announced);
  for (guint i = 0; i < self->streams->len; i++)
    {
      Stream *s = g_ptr_array_index (self->streams, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) s->org_id);
      gpointer value;
      gint64 version;

      if (g_hash_table_lookup_extended (versions, key, NULL, &value))
        version = (gint64) GPOINTER_TO_SIZE (value);
      else
        {
          g_autoptr(GError) error = NULL;

          version = storage->get_org_version (self->storage, s->org_id, NULL, &error);
          if (version < 0)
            {
              g_message ("Storage: %s", error->message);
              continue;
            }
          g_hash_table_insert (versions, key, GSIZE_TO_POINTER ((gsize) version));
          g_hash_table_insert (self->announced, key, GSIZE_TO_POINTER ((gsize) version));
        }
      helder_server_stream_send_version (self, s->connection, version);
    }
}

/**
 * helder_server_note_epoch:
 * @msg: (nullable): the answer to carry @epoch
 * @epoch: (nullable): the data epoch just read from the storage
 */
void
helder_server_note_epoch (HelderServer      *self,
                          SoupServerMessage *msg,
                          const char        *epoch)
{
  gboolean changed;

  if (epoch == NULL || *epoch == '\0')
    return;
  if (msg != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), HELDER_HEADER_DATA_EPOCH, epoch);
  if (g_strcmp0 (self->epoch, epoch) == 0)
    return;
  changed = self->epoch != NULL;
  g_free (self->epoch);
  self->epoch = g_strdup (epoch);
  if (changed)
    announce_restore (self);
}

typedef struct
{
  HelderServer *server;
  char         *epoch;
} EpochCheck;

/* In a reader (a database that does not answer holds up no request) */
static void
read_epoch (HelderServerStorage *storage,
            gpointer             data)
{
  EpochCheck *check = data;
  g_autoptr(GError) error = NULL;

  check->epoch = HELDER_SERVER_STORAGE_GET_IFACE (storage)->get_epoch (storage, &error);
  if (check->epoch == NULL)
    g_debug ("Storage: %s", error->message);
}

static void
epoch_read (SoupServerMessage *msg,
            gpointer           data)
{
  EpochCheck *check = data;

  helder_server_note_epoch (check->server, NULL, check->epoch);
  g_object_unref (check->server);
  g_free (check->epoch);
  g_free (check);
}

static gboolean
check_epoch (gpointer data)
{
  HelderServer *self = data;
  EpochCheck *check = g_new0 (EpochCheck, 1);

  check->server = g_object_ref (self);
  helder_server_read (self, NULL, read_epoch, epoch_read, check);
  return G_SOURCE_CONTINUE;
}

static void
epoch_changed (HelderServerStorage *storage,
               const char          *epoch,
               HelderServer        *self)
{
  helder_server_note_epoch (self, NULL, epoch);
}

void
helder_server_epoch_start (HelderServer *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *epoch = HELDER_SERVER_STORAGE_GET_IFACE (self->storage)->get_epoch (self->storage, &error);

  /* At start, before any request: on the server's own storage */
  if (epoch == NULL)
    g_debug ("Storage: %s", error->message);
  helder_server_note_epoch (self, NULL, epoch);
  self->epoch_check = g_timeout_add_seconds (EPOCH_CHECK_SECONDS, check_epoch, self);
  g_signal_connect (self->storage, "epoch-changed", G_CALLBACK (epoch_changed), self);
}
