/* helder-sync-client-exchange.c: the requests of a login and of one sync
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-sync-client"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "helder-protocol.h"
#include "library/helder-library-attachments.h"
#include "helder-sync-client-private.h"
#include "store/helder-store-recovery.h"
#include "store/helder-store-sync.h"

#define PAGE_SIZE        500
#define BATCH_SIZE       100

static gboolean
drop (HelderSyncClient *self)
{
  return self->fault_rand != NULL && g_rand_double (self->fault_rand) < self->drop_rate / 2;
}

/* Requests */

SoupMessage *
helder_sync_client_new_request (HelderSyncClient *self,
                                const char       *method,
                                const char       *path)
{
  g_autofree char *base = g_str_has_suffix (self->server_url, "/")
                          ? g_strndup (self->server_url, strlen (self->server_url) - 1)
                          : g_strdup (self->server_url);
  g_autofree char *uri = g_strconcat (base, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  if (msg == NULL)
    return NULL;
  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat (HELDER_BEARER_PREFIX, self->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), HELDER_HEADER_AUTHORIZATION, auth);
    }
  return msg;
}

static void
set_json_body (SoupMessage *msg,
               JsonNode    *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  soup_message_set_request_body_from_bytes (msg, HELDER_MEDIA_TYPE_JSON, bytes);
}

/* The reply's JSON object, or an error that says what went wrong. */
static JsonObject *
parse_reply (SoupMessage  *msg,
             GBytes       *bytes,
             GError      **error)
{
  guint status = soup_message_get_status (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;

  if (bytes != NULL && g_bytes_get_size (bytes) > 0 &&
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    object = json_node_get_object (json_parser_get_root (parser));

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_set_error_literal (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_UNAUTHORIZED,
                           object ? json_object_get_string_member_with_default (object, HELDER_MEMBER_MESSAGE, "Not logged in")
                                  : "Not logged in");
      return NULL;
    }
  if (status < 200 || status >= 300)
    {
      g_set_error (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_SERVER, "The server answered %u%s%s",
                   status, object ? ": " : "",
                   object ? json_object_get_string_member_with_default (object, HELDER_MEMBER_MESSAGE, "") : "");
      return NULL;
    }
  if (object == NULL)
    {
      g_set_error_literal (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_SERVER, "The server's answer is not JSON");
      return NULL;
    }
  return json_object_ref (object);
}

/* Retry-After in seconds, or 0 */
static guint
retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg), HELDER_HEADER_RETRY_AFTER);

  return value ? (guint) CLAMP (g_ascii_strtoll (value, NULL, 10), 0, 3600) : 0;
}

/* Login */

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonObject) reply = NULL;

  if (bytes == NULL)
    {
      g_task_return_new_error (task, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "%s", error->message);
      return;
    }
  reply = parse_reply (msg, bytes, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_free (HELDER_SYNC_CLIENT (g_task_get_source_object (task))->role);
  HELDER_SYNC_CLIENT (g_task_get_source_object (task))->role =
    g_strdup (json_object_get_string_member_with_default (reply, HELDER_MEMBER_ROLE, NULL));
  g_task_return_pointer (task, g_strdup (json_object_get_string_member_with_default (reply, HELDER_MEMBER_TOKEN, NULL)), g_free);
}

void
helder_sync_client_login_async (HelderSyncClient    *self,
                                const char          *user,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  SoupMessage *msg;

  g_task_set_source_tag (task, helder_sync_client_login_async);

  msg = helder_sync_client_new_request (self, "POST", HELDER_PATH_LOGIN);
  if (msg == NULL)
    {
      g_task_return_new_error (task, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "Not a server address: %s",
                               self->server_url);
      return;
    }
  soup_message_headers_remove (soup_message_get_request_headers (msg), HELDER_HEADER_AUTHORIZATION);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_USER);
  json_builder_add_string_value (b, user);
  json_builder_set_member_name (b, HELDER_MEMBER_PASSWORD);
  json_builder_add_string_value (b, password);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  set_json_body (msg, body);

  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, login_done,
                                    g_steal_pointer (&task));
}

/**
 * helder_sync_client_get_role:
 *
 * Returns: (nullable): the role the server gave at the last login
 *   ("admin", "advisor", "staff"), or %NULL before one
 */
const char *
helder_sync_client_get_role (HelderSyncClient *self)
{
  g_return_val_if_fail (HELDER_IS_SYNC_CLIENT (self), NULL);

  return self->role;
}

char *
helder_sync_client_login_finish (HelderSyncClient  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sync: pull, push, pull */

typedef struct
{
  SoupMessage *msg;
  char        *batch_key;
  guint        phase;        /* 0 first pull, 1 push, 2 last pull */
  gint64       first_total;  /* records to fetch on a first sync, for progress */
  guint        fetched;
  gboolean     pushed;
  gboolean     restored;    /* the server lost changes: pull all after the push */
  char        *epoch;       /* the server's new data epoch, seen in this sync */
} SyncData;

static void
sync_data_free (SyncData *data)
{
  g_clear_object (&data->msg);
  g_free (data->batch_key);
  g_free (data->epoch);
  g_free (data);
}

static void pull_page (GTask *task);
static void push_batch (GTask *task);

static void
fail (GTask  *task,
      GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Attachments' blobs go up before the records that refer to them (the
 * server refuses a record whose blob it lacks), and the ones pulled
 * records refer to come down; a blob that fails waits for the next
 * sync and stops nothing. */
static void
blobs_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!helder_attachments_sync_finish (result, NULL, NULL, &error))
    g_debug ("Attachments not synchronised: %s", error->message);
  push_batch (task);
}

static void
next_phase (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);

  data->phase++;
  if (data->phase == 1)
    {
      HelderSyncClient *self = g_task_get_source_object (task);

      helder_attachments_sync_async (self->store, self->session, self->server_url, self->token,
                                     g_task_get_cancellable (task), blobs_done, task);
    }
  else if (data->phase == 2 && data->restored)
    {
      g_autoptr(GError) error = NULL;

      /* What the restored server lacked is back: now all of it */
      if (!helder_store_finish_restore (HELDER_SYNC_CLIENT (g_task_get_source_object (task))->store, &error))
        return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", error->message));
      pull_page (task);
    }
  else if (data->phase == 2 && data->pushed)
    pull_page (task);
  else
    {
      g_autoptr(GError) error = NULL;

      /* A moment that matters: what the store holds now is on the server. */
      if (!helder_store_remember (HELDER_SYNC_CLIENT (g_task_get_source_object (task))->store, &error))
        g_message ("%s", error->message);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/* The server's index ({id: version}) from a GET /v1/index, or NULL when
 * @task has failed; @restored gets the version the server had when it
 * was last restored (its library version when it does not say), and
 * @library_version its version. */
static JsonObject *
index_reply (GTask        *task,
             GObject      *source,
             GAsyncResult *result,
             gint64       *restored,
             gint64       *library_version)
{
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonObject) reply = NULL;

  if (bytes == NULL)
    {
      fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "%s", error->message));
      return NULL;
    }
  if ((reply = parse_reply (data->msg, bytes, &error)) == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return NULL;
    }
  if (!json_object_has_member (reply, HELDER_MEMBER_RECORDS) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (reply, HELDER_MEMBER_RECORDS)))
    {
      fail (task, g_error_new_literal (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "The index has no records"));
      return NULL;
    }
  if (library_version != NULL)
    *library_version = json_object_get_int_member_with_default (reply, HELDER_MEMBER_LIBRARY_VERSION, 0);
  if (restored != NULL)
    *restored = json_object_get_int_member_with_default (
                  reply, HELDER_MEMBER_RESTORED_VERSION,
                  json_object_get_int_member_with_default (reply, HELDER_MEMBER_LIBRARY_VERSION, 0));
  return json_object_ref (json_object_get_object_member (reply, HELDER_MEMBER_RECORDS));
}

static void
reconcile_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  HelderSyncClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) index = index_reply (task, source, result, NULL, NULL);

  if (index == NULL)
    return;
  /* The server's tombstones of records deleted long ago are gone: the
   * index is the truth, then everything is pulled again. */
  if (!helder_store_reconcile (self->store, index, &error))
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", error->message));
  pull_page (task);
}

static void
restored_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gint64 restored = 0, library_version = 0;
  g_autoptr(JsonObject) index = index_reply (task, source, result, &restored, &library_version);
  gint queued;

  if (index == NULL)
    return;
  /* A restore found by its epoch: the server's versions above the restore
   * point name other edits than this store's.  Found by a lower version
   * only (the data copied back by hand, or a server from before epochs):
   * the server's version is as far as its history goes. */
  if (data->epoch == NULL)
    restored = library_version;
  queued = helder_store_requeue_lost (self->store, index, restored, data->epoch, &error);
  if (queued < 0)
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", error->message));
  g_message ("The server lost %d changes (restored from a backup); sending them again", queued);

  /* Push first, on top of what the server has now, then pull all of it:
   * pulling first would set the server's older copies against these. */
  data->phase = 0;
  data->restored = TRUE;
  next_phase (task);
}

/* The server was restored from a backup: its index, then what it lost
 * goes again (restored_done). */
static void
reconcile_restore (GTask *task)
{
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);

  g_clear_object (&data->msg);
  data->msg = helder_sync_client_new_request (self, "GET", HELDER_PATH_INDEX);
  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), restored_done, task);
}

/* Whether @msg's answer comes from data restored since this store last
 * synced (its data epoch changed); the first epoch a store sees is taken
 * as it is. */
static gboolean
epoch_changed (HelderSyncClient *self,
               SyncData         *data,
               SoupMessage      *msg)
{
  const char *epoch = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    HELDER_HEADER_DATA_EPOCH);
  g_autofree char *known = NULL;

  if (epoch == NULL || *epoch == '\0')
    return FALSE;   /* a server from before epochs */
  known = helder_store_get_data_epoch (self->store);
  if (known == NULL)
    {
      helder_store_set_data_epoch (self->store, epoch, NULL);
      return FALSE;
    }
  if (g_str_equal (known, epoch))
    return FALSE;
  g_free (data->epoch);
  data->epoch = g_strdup (epoch);
  return TRUE;
}

static void
pull_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonObject) reply = NULL;
  JsonArray *records;
  gint64 library_version, local;

  if (bytes == NULL)
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "%s", error->message));
  if (drop (self))
    return fail (task, g_error_new_literal (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "Answer lost (test)"));

  /* Restored, even if others pushed past this store's version since
   * (which a 304 would hide) */
  if ((soup_message_get_status (data->msg) == SOUP_STATUS_NOT_MODIFIED ||
       soup_message_get_status (data->msg) == SOUP_STATUS_OK) && epoch_changed (self, data, data->msg))
    return reconcile_restore (task);

  if (soup_message_get_status (data->msg) == SOUP_STATUS_NOT_MODIFIED)
    return next_phase (task);

  if (soup_message_get_status (data->msg) == SOUP_STATUS_GONE)
    {
      g_clear_object (&data->msg);
      data->msg = helder_sync_client_new_request (self, "GET", HELDER_PATH_INDEX);
      soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                        g_task_get_cancellable (task), reconcile_done, task);
      return;
    }

  self->retry_after = retry_after (data->msg);
  if ((reply = parse_reply (data->msg, bytes, &error)) == NULL)
    return fail (task, g_steal_pointer (&error));

  records = json_object_get_array_member (reply, HELDER_MEMBER_RECORDS);
  library_version = json_object_get_int_member_with_default (reply, HELDER_MEMBER_LIBRARY_VERSION, 0);
  local = helder_store_get_library_version (self->store);

  /* A server restored from an older backup: compare with its index, push
   * again what it lost, then pull everything. */
  if (library_version < local)
    return reconcile_restore (task);

  if (records == NULL ||
      !helder_store_apply_changes (self->store, records,
                                   json_object_get_boolean_member_with_default (reply, HELDER_MEMBER_MORE, FALSE)
                                     ? json_object_get_int_member_with_default (reply, HELDER_MEMBER_NEXT, local)
                                     : library_version,
                                   &error))
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s",
                                    error ? error->message : "The server sent no records"));

  data->fetched += json_array_get_length (records);
  if (data->first_total == 0 && local == 0)
    data->first_total = MAX (library_version, 1);
  if (data->first_total > 0)
    helder_sync_client_set_progress (self, MIN (1.0, (double) data->fetched / data->first_total));

  if (json_object_get_boolean_member_with_default (reply, HELDER_MEMBER_MORE, FALSE))
    pull_page (task);
  else
    next_phase (task);
}

static void
pull_page (GTask *task)
{
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf (HELDER_PATH_CHANGES "?" HELDER_QUERY_SINCE "=%" G_GINT64_FORMAT
                                           "&" HELDER_QUERY_LIMIT "=%d",
                                           helder_store_get_library_version (self->store), PAGE_SIZE);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, helder_store_get_library_version (self->store));

  g_clear_object (&data->msg);
  data->msg = helder_sync_client_new_request (self, "GET", path);
  if (data->phase == 0 && helder_store_get_library_version (self->store) > 0)
    soup_message_headers_replace (soup_message_get_request_headers (data->msg),
                                  HELDER_HEADER_IF_MODIFIED_SINCE_VERSION, version);
  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), pull_done, task);
}

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonObject) reply = NULL;

  /* A lost answer: the batch and its key stay, the retry sends the very
   * same body and the server replays its stored answer. */
  if (bytes == NULL)
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "%s", error->message));
  if (drop (self))
    return fail (task, g_error_new_literal (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "Answer lost (test)"));
  self->retry_after = retry_after (data->msg);
  /* Refused: the server was restored since this store's bases were made */
  if (soup_message_get_status (data->msg) == SOUP_STATUS_PRECONDITION_FAILED && epoch_changed (self, data, data->msg))
    return reconcile_restore (task);
  if ((reply = parse_reply (data->msg, bytes, &error)) == NULL)
    {
      guint status = soup_message_get_status (data->msg);
      g_autoptr(GError) store_error = NULL;

      /* Refused for good: shown to the user, and the outbox moves on,
       * instead of the same body being refused on every retry. */
      if (status != SOUP_STATUS_BAD_REQUEST && status != SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE &&
          status != SOUP_STATUS_UNPROCESSABLE_ENTITY)
        return fail (task, g_steal_pointer (&error));
      if (!helder_store_refuse_push_batch (self->store, data->batch_key, error->message, &store_error))
        return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", store_error->message));
      push_batch (task);
      return;
    }

  if (!helder_store_finish_push_batch (self->store, data->batch_key, reply, &error))
    return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", error->message));

  data->pushed = TRUE;
  push_batch (task);
}

static void
push_batch (GTask *task)
{
  HelderSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_clear_pointer (&data->batch_key, g_free);
  body = helder_store_take_push_batch (self->store, BATCH_SIZE, &data->batch_key, &error);
  if (body == NULL)
    {
      if (error != NULL)
        return fail (task, g_error_new (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_STORE, "%s", error->message));
      next_phase (task);
      return;
    }

  if (drop (self))
    {
      fail (task, g_error_new_literal (HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK, "Request lost (test)"));
      return;
    }

  g_clear_object (&data->msg);
  data->msg = helder_sync_client_new_request (self, "POST", HELDER_PATH_PUSH);
  set_json_body (data->msg, body);
  soup_message_headers_replace (soup_message_get_request_headers (data->msg), HELDER_HEADER_IDEMPOTENCY_KEY, data->batch_key);
  /* The data its bases come from: a server restored since refuses it */
  {
    g_autofree char *epoch = helder_store_get_data_epoch (self->store);

    if (epoch != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (data->msg), HELDER_HEADER_DATA_EPOCH, epoch);
  }
  /* Safe to resend (it carries its key), so libsoup may reuse a
   * connection for it. */
  soup_message_add_flags (data->msg, SOUP_MESSAGE_IDEMPOTENT);
  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), push_done, task);
}

void
helder_sync_client_sync_async (HelderSyncClient    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, helder_sync_client_sync_async);
  g_task_set_task_data (task, g_new0 (SyncData, 1), (GDestroyNotify) sync_data_free);
  /* What a restored server lost is still to push: that first, as it was
   * interrupted */
  if (helder_store_get_restore_pending (self->store))
    {
      SyncData *data = g_task_get_task_data (task);

      data->restored = TRUE;
      next_phase (task);
      return;
    }
  pull_page (task);
}

gboolean
helder_sync_client_sync_finish (HelderSyncClient  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
