/* helder-sync-client.c: keeps the local store and helder-server in step
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-sync-client"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "helder-protocol.h"
#include "helder-sync-client-private.h"
#include "store/helder-store-recovery.h"
#include "store/helder-store-sync.h"

/* One sync is pull, push, pull: pull first so pushes carry fresh bases,
 * pull after so the store holds the server's merged copies.  Everything is
 * asynchronous (libsoup); the main loop never waits on the network.
 *
 * Between syncs the client listens on the server's WebSocket stream and
 * syncs when the library version moves; without a stream it polls with
 * If-Modified-Since-Version.  Local edits (the store's "changed" signal)
 * schedule a sync shortly after.  Failures back off with jitter from 2 s
 * to 10 min, honour Retry-After, and retry at once when the network comes
 * back. */

#define POLL_SECONDS     60
#define EDIT_DELAY_MS    800

G_DEFINE_FINAL_TYPE (HelderSyncClient, helder_sync_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (helder-sync-error-quark, helder_sync_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LAST_ERROR,
  PROP_LAST_SYNC,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (HelderSyncClient *self,
                      guint             seconds);

static void
set_state (HelderSyncClient *self,
           HelderSyncState   state,
           const char       *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->last_error, error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
helder_sync_client_set_progress (HelderSyncClient *self,
                                 double            progress)
{
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/**
 * helder_sync_backoff_seconds:
 * @attempt: failures so far (0 for the first retry)
 * @jitter: a random number in [0, 1)
 *
 * Returns: seconds to wait: 2 s doubling to at most 10 min, then
 *   scattered between half and all of that, so clients do not return
 *   in step after an outage.
 */
guint
helder_sync_backoff_seconds (guint  attempt,
                             double jitter)
{
  double ceiling = MIN (600.0, 2.0 * (1u << MIN (attempt, 9)));

  return MAX (1, (guint) (ceiling * (0.5 + 0.5 * CLAMP (jitter, 0.0, 1.0))));
}

/* Faults, for the convergence tests: a lost request never reaches the
 * server; a lost answer was handled by the server but never arrives. */
void
helder_sync_client_set_faults (HelderSyncClient *self,
                               double            drop_rate,
                               guint32           seed)
{
  g_return_if_fail (HELDER_IS_SYNC_CLIENT (self));

  self->drop_rate = drop_rate;
  g_clear_pointer (&self->fault_rand, g_rand_free);
  if (drop_rate > 0)
    self->fault_rand = g_rand_new_with_seed (seed);
}

/* Automatic syncing */

static void run_sync (HelderSyncClient *self);

static gboolean
timer_fired (gpointer user_data)
{
  HelderSyncClient *self = user_data;

  self->timer_id = 0;
  run_sync (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (HelderSyncClient *self,
          guint             seconds)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->running)
    self->timer_id = g_timeout_add_seconds (seconds, timer_fired, self);
}

static void
auto_sync_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HelderSyncClient *self = HELDER_SYNC_CLIENT (source);
  g_autoptr(GError) error = NULL;

  self->in_flight = FALSE;
  if (helder_sync_client_sync_finish (self, result, &error))
    {
      self->attempt = 0;
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      helder_sync_client_set_progress (self, 1.0);
      set_state (self, HELDER_SYNC_STATE_UP_TO_DATE, NULL);
      schedule (self, self->again ? 1 : POLL_SECONDS);
      self->again = FALSE;
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_UNAUTHORIZED))
    {
      set_state (self, HELDER_SYNC_STATE_LOGGED_OUT, error->message);
      return;
    }

  set_state (self, g_error_matches (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK)
                     ? HELDER_SYNC_STATE_OFFLINE : HELDER_SYNC_STATE_ERROR, error->message);
  schedule (self, MAX (self->retry_after, helder_sync_backoff_seconds (self->attempt++, g_random_double ())));
}

static void
run_sync (HelderSyncClient *self)
{
  if (!self->running || self->token == NULL)
    return;
  if (self->in_flight)
    {
      self->again = TRUE;
      return;
    }
  self->in_flight = TRUE;
  set_state (self, HELDER_SYNC_STATE_SYNCING, NULL);
  helder_sync_client_sync_async (self, self->cancellable, auto_sync_done, NULL);
}

static void
store_changed (HelderSyncClient *self)
{
  /* A burst of edits makes one sync, shortly after the last. */
  if (self->running && !self->in_flight)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      self->timer_id = g_timeout_add (EDIT_DELAY_MS, timer_fired, self);
    }
  /* During a sync: the sync's own writes signal too; only an edit that
   * waits in the outbox needs another round. */
  else if (!self->in_flight || helder_store_count_outbox (self->store) > 0)
    self->again = TRUE;
}

static void
network_changed (HelderSyncClient *self,
                 gboolean          available)
{
  if (available && self->state != HELDER_SYNC_STATE_SYNCING && self->state != HELDER_SYNC_STATE_LOGGED_OUT)
    {
      self->attempt = 0;
      schedule (self, 1);
    }
  else if (!available)
    set_state (self, HELDER_SYNC_STATE_OFFLINE, NULL);
}

static void
stream_message (SoupWebsocketConnection *connection,
                gint                     type,
                GBytes                  *message,
                HelderSyncClient        *self)
{
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (message, NULL), NULL);

  g_autofree char *known = helder_store_get_data_epoch (self->store);
  JsonObject *object;
  const char *epoch;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  epoch = json_object_get_string_member_with_default (object, HELDER_MEMBER_DATA_EPOCH, NULL);
  /* Newer, or restored (the version may then be lower than this store's) */
  if (json_object_get_int_member_with_default (object, HELDER_MEMBER_LIBRARY_VERSION, 0) >
      helder_store_get_library_version (self->store) ||
      (epoch != NULL && *epoch != '\0' && known != NULL && !g_str_equal (epoch, known)))
    run_sync (self);
}

static void
stream_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HelderSyncClient *self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);

  if (connection == NULL)
    {
      /* Polling stands in (see POLL_SECONDS). */
      g_debug ("No notification stream: %s", error->message);
      g_object_unref (self);
      return;
    }
  self->stream = connection;
  g_signal_connect_object (connection, HELDER_MEMBER_MESSAGE, G_CALLBACK (stream_message), self, 0);
  g_object_unref (self);
}

/**
 * helder_sync_client_start:
 *
 * Syncs now and keeps syncing: on local edits, on server notifications,
 * on a poll, and with backoff after failures.
 */
void
helder_sync_client_start (HelderSyncClient *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  SoupMessage *msg;

  g_return_if_fail (HELDER_IS_SYNC_CLIENT (self));

  if (self->running)
    return;
  self->running = TRUE;
  g_set_object (&self->cancellable, g_cancellable_new ());
  self->store_handler = g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed),
                                                 self, G_CONNECT_SWAPPED);
  self->network_handler = g_signal_connect_object (monitor, "network-changed", G_CALLBACK (network_changed),
                                                   self, G_CONNECT_SWAPPED);

  if (self->token == NULL)
    {
      set_state (self, HELDER_SYNC_STATE_LOGGED_OUT, NULL);
      return;
    }

  msg = helder_sync_client_new_request (self, "GET", HELDER_PATH_STREAM);
  if (msg != NULL)
    soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                          self->cancellable, stream_connected, g_object_ref (self));
  g_clear_object (&msg);
  run_sync (self);
}

/* The user's "Sync Now": at once, whatever the backoff said. */
void
helder_sync_client_sync_now (HelderSyncClient *self)
{
  g_return_if_fail (HELDER_IS_SYNC_CLIENT (self));

  self->attempt = 0;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  run_sync (self);
}

void
helder_sync_client_stop (HelderSyncClient *self)
{
  g_return_if_fail (HELDER_IS_SYNC_CLIENT (self));

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->store_handler, self->store);
  g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());
  if (self->stream != NULL && soup_websocket_connection_get_state (self->stream) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->stream, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->stream);
}

/* GObject */

static void
helder_sync_client_dispose (GObject *object)
{
  HelderSyncClient *self = HELDER_SYNC_CLIENT (object);

  helder_sync_client_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (helder_sync_client_parent_class)->dispose (object);
}

static void
helder_sync_client_finalize (GObject *object)
{
  HelderSyncClient *self = HELDER_SYNC_CLIENT (object);

  g_free (self->server_url);
  g_free (self->token);
  g_free (self->role);
  g_free (self->last_error);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->fault_rand, g_rand_free);

  G_OBJECT_CLASS (helder_sync_client_parent_class)->finalize (object);
}

static void
helder_sync_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HelderSyncClient *self = HELDER_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_sync_client_class_init (HelderSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_sync_client_dispose;
  object_class->finalize = helder_sync_client_finalize;
  object_class->get_property = helder_sync_client_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, HELDER_SYNC_STATE_OFFLINE, HELDER_SYNC_STATE_ERROR, HELDER_SYNC_STATE_OFFLINE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_sync_client_init (HelderSyncClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 60, "idle-timeout", 30,
                                                 "user-agent", "Helder/" PACKAGE_VERSION, NULL);
}

HelderSyncClient *
helder_sync_client_new (HelderStore *store,
                        const char  *server_url)
{
  HelderSyncClient *self;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (HELDER_TYPE_SYNC_CLIENT, NULL);
  self->store = g_object_ref (store);
  self->server_url = g_strdup (server_url);
  return self;
}

const char *
helder_sync_client_get_server_url (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), NULL);

  return self->server_url;
}

void
helder_sync_client_set_token (HelderSyncClient *self,
                              const char       *token)
{
  g_return_if_fail (HELDER_IS_SYNC_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
  if (token == NULL)
    set_state (self, HELDER_SYNC_STATE_LOGGED_OUT, NULL);
}

HelderSyncState
helder_sync_client_get_state (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), HELDER_SYNC_STATE_OFFLINE);

  return self->state;
}

const char *
helder_sync_client_get_last_error (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), NULL);

  return self->last_error;
}

GDateTime *
helder_sync_client_get_last_sync (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), NULL);

  return self->last_sync;
}

double
helder_sync_client_get_progress (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), 0);

  return self->progress;
}
