/* helder-server-records.c: changes, the index and single records
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <string.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"
/* Records on the wire */

JsonNode *
helder_server_wire_record (JsonObject *row)
{
  return helder_server_row_wire (row);
}

static gboolean
parse_int_param (GHashTable *query,
                 const char *name,
                 gint64      fallback,
                 gint64      min,
                 gint64      max,
                 gint64     *out)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

/* Reads made in a reader thread (helder_server_read): a page of changes,
 * made from the records' stored wire text (nothing is parsed or
 * serialised again per request), and the index.  The job looks up the
 * token too; the main loop only sends what it made. */
typedef struct
{
  HelderServer     *server;
  char             *token_hash;
  gint64            since;
  gint64            limit;
  char             *if_modified;
  /* Results */
  HelderServerUser  user;
  gboolean          found;
  GError           *error;
  guint             status;
  GString          *body;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_object_unref (job->server);
  g_free (job->token_hash);
  g_free (job->if_modified);
  helder_server_user_clear (&job->user);
  g_clear_error (&job->error);
  if (job->body != NULL)
    g_string_free (job->body, TRUE);
  g_free (job);
}

/* A job for @msg's token, or NULL with 401 answered */
static ReadJob *
read_job_new (HelderServer      *self,
              SoupServerMessage *msg)
{
  g_autofree char *token_hash = helder_server_token_hash (msg);
  ReadJob *job;

  if (token_hash == NULL)
    {
      helder_server_refuse_token (msg);
      return NULL;
    }
  job = g_new0 (ReadJob, 1);
  job->server = g_object_ref (self);
  job->token_hash = g_steal_pointer (&token_hash);
  return job;
}

static gint64
page_version (HelderServerPage *page,
              guint             i)
{
  return g_array_index (page->versions, gint64, i);
}

static void
changes_work (HelderServerStorage *storage,
              gpointer             data)
{
  ReadJob *job = data;
  HelderServerStorageInterface *iface = HELDER_SERVER_STORAGE_GET_IFACE (storage);
  HelderServerUser *user = &job->user;
  HelderServerPage page;
  gint64 since = job->since, limit = job->limit, version, horizon, next;
  guint n;
  gboolean more;

  job->found = iface->find_token (storage, job->token_hash, user, &job->error);
  if (!job->found)
    return;

  /* Read with the token, before the records: a push committed in between
   * shows in the records and comes again on the next pull, never missed. */
  version = user->org_version;
  horizon = user->org_horizon;

  /* Only the same version is "not modified": a client ahead of the
   * server (restored from a backup) must see the lower version. */
  if (job->if_modified != NULL && g_ascii_strtoll (job->if_modified, NULL, 10) == version)
    {
      job->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }

  /* A first sync (since 0) needs no tombstones: only a client that last
   * synced before the horizon has missed some. */
  if (since > 0 && since < horizon)
    {
      job->status = SOUP_STATUS_GONE;
      return;
    }

  /* A full page of 500 records is some 200 KB: room for most without
   * growing (and copying) on the way */
  job->body = g_string_sized_new (since < version ? 256 * 1024 : 256);
  g_string_append (job->body, "{\"" HELDER_MEMBER_RECORDS "\":[");
  helder_server_page_init (&page, job->body);

  /* A page never splits a version: the client resumes "since" the last
   * version it got, so a half-sent version would lose records.  One more
   * row than asked tells whether the page ends inside a version. */
  /* Up to date: no record can be newer than the version read above (one
   * committed since comes with the next pull), so there is nothing to read. */
  if (since < version && !iface->changes (storage, user->org_id, user->id, since, limit + 1, &page, &job->error))
    {
      helder_server_page_clear (&page);
      job->status = SOUP_STATUS_SERVICE_UNAVAILABLE;
      return;
    }
  n = page.versions->len;
  more = n > (guint) limit;
  if (more)
    {
      gint64 last = page_version (&page, limit - 1);
      gint64 first = page_version (&page, 0);

      if (first == last)
        {
          /* One version fills the page: send all of it (a push holds at
           * most 100 records, so this stays small). */
          helder_server_page_cut (&page, 0);
          if (!iface->changes (storage, user->org_id, user->id, last - 1, HELDER_SERVER_MAX_RECORDS + 1, &page,
                               &job->error))
            {
              helder_server_page_clear (&page);
              job->status = SOUP_STATUS_SERVICE_UNAVAILABLE;
              return;
            }
          for (n = page.versions->len; n > 0 && page_version (&page, n - 1) != last; n--)
            ;
        }
      else
        {
          /* Leave the last version for the next page if it goes on past
           * the limit, that is into the one row too many. */
          gboolean split = page_version (&page, limit) == last;

          for (n = limit; split && n > 0 && page_version (&page, n - 1) == last; n--)
            ;
        }
      helder_server_page_cut (&page, n);
    }

  next = n > 0 ? page_version (&page, n - 1) : since;
  /* The comma after the last record goes */
  if (n > 0)
    g_string_truncate (job->body, job->body->len - 1);
  g_string_append_printf (job->body, "],\"" HELDER_MEMBER_NEXT "\":%" G_GINT64_FORMAT
                          ",\"" HELDER_MEMBER_MORE "\":%s,\"" HELDER_MEMBER_LIBRARY_VERSION "\":%" G_GINT64_FORMAT "}",
                          next, more ? "true" : "false", version);
  helder_server_page_clear (&page);
  job->status = SOUP_STATUS_OK;
}

static void
read_done (SoupServerMessage *msg,
           gpointer           data)
{
  ReadJob *job = data;

  if (msg == NULL)
    ;   /* the client went away */
  else if (!job->found && g_error_matches (job->error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND))
    helder_server_refuse_token (msg);
  else if (!job->found)
    helder_server_respond_unavailable (msg, job->error);
  else
    {
      helder_server_authenticated (job->server, msg, &job->user);
      switch (job->status)
        {
        case SOUP_STATUS_NOT_MODIFIED:
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        HELDER_HEADER_LAST_MODIFIED_VERSION, job->if_modified);
          helder_server_respond_status (msg, SOUP_STATUS_NOT_MODIFIED);
          break;
        case SOUP_STATUS_GONE:
          helder_server_respond_error (msg, SOUP_STATUS_GONE, HELDER_CODE_SINCE_TOO_OLD,
                                       "Deleted records older than this version are gone; reconcile with /v1/index");
          break;
        case SOUP_STATUS_OK:
          {
            gsize length = job->body->len;

            soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
            soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
            soup_server_message_set_response (msg, HELDER_MEDIA_TYPE_JSON, SOUP_MEMORY_TAKE,
                                              g_string_free (g_steal_pointer (&job->body), FALSE), length);
          }
          break;
        default:
          helder_server_respond_unavailable (msg, job->error);
          break;
        }
    }
  read_job_free (job);
}

void
helder_server_handle_changes (HelderServer      *self,
                              SoupServerMessage *msg,
                              GHashTable        *query)
{
  ReadJob *job = read_job_new (self, msg);
  gint64 since, limit;

  if (job == NULL)
    return;
  if (!parse_int_param (query, HELDER_QUERY_SINCE, 0, 0, G_MAXINT64, &since))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "since: a version number is required");
      read_job_free (job);
      return;
    }
  if (!parse_int_param (query, HELDER_QUERY_LIMIT, 500, 1, 1000, &limit))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "limit: a number from 1 to 1000 is required");
      read_job_free (job);
      return;
    }
  job->since = since;
  job->limit = limit;
  job->if_modified = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                             HELDER_HEADER_IF_MODIFIED_SINCE_VERSION));
  if (job->if_modified != NULL && !g_ascii_string_to_signed (job->if_modified, 10, 0, G_MAXINT64, NULL, NULL))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD,
                                   HELDER_HEADER_IF_MODIFIED_SINCE_VERSION ": a version number is required");
      read_job_free (job);
      return;
    }
  helder_server_read (self, msg, changes_work, read_done, job);
}

static void
index_work (HelderServerStorage *storage,
            gpointer             data)
{
  ReadJob *job = data;
  HelderServerStorageInterface *iface = HELDER_SERVER_STORAGE_GET_IFACE (storage);
  g_autoptr(JsonObject) index = NULL;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(JsonNode) reply = json_node_new (JSON_NODE_OBJECT);
  gint64 version;

  job->found = iface->find_token (storage, job->token_hash, &job->user, &job->error);
  if (!job->found)
    return;
  /* The version first: records changed after it come again on the next
   * pull, rather than being missed. */
  version = iface->get_org_version (storage, job->user.org_id, NULL, &job->error);
  if (version >= 0)
    index = iface->index (storage, job->user.org_id, job->user.id, &job->error);
  if (index == NULL)
    {
      job->status = SOUP_STATUS_SERVICE_UNAVAILABLE;
      return;
    }
  json_object_set_object_member (out, HELDER_MEMBER_RECORDS, json_object_ref (index));
  json_object_set_int_member (out, HELDER_MEMBER_LIBRARY_VERSION, version);
  /* Versions above it were issued twice: before the restore and after */
  json_object_set_int_member (out, HELDER_MEMBER_RESTORED_VERSION, job->user.org_restored);
  json_node_set_object (reply, out);
  {
    g_autofree char *text = json_to_string (reply, FALSE);

    job->body = g_string_new (text);
  }
  job->status = SOUP_STATUS_OK;
}

void
helder_server_handle_index (HelderServer      *self,
                            SoupServerMessage *msg)
{
  ReadJob *job = read_job_new (self, msg);

  if (job != NULL)
    helder_server_read (self, msg, index_work, read_done, job);
}

gboolean
helder_server_visible_to (JsonObject             *row,
                          const HelderServerUser *user)
{
  return g_strcmp0 (json_object_get_string_member (row, HELDER_MEMBER_VISIBILITY), HELDER_WIRE_PRIVATE) != 0 ||
         json_object_get_int_member (row, "owner") == user->id;
}

void
helder_server_handle_record (HelderServer      *self,
                             SoupServerMessage *msg,
                             const char        *path)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(JsonNode) reply = NULL;
  const char *id = path + strlen (HELDER_PATH_RECORDS);
  g_autoptr(GError) error = NULL;
  gboolean elsewhere;

  if (!helder_server_authenticate (self, msg, &user))
    return;
  if (!g_uuid_string_is_valid (id))
    {
      helder_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, HELDER_CODE_NOT_FOUND, "No such record");
      return;
    }
  row = storage->get_record (self->storage, user.org_id, id, &elsewhere, &error);
  if (row == NULL && error != NULL)
    {
      helder_server_respond_unavailable (msg, error);
      return;
    }
  /* Another organisation's record, or someone else's private one, is as
   * unknown as one that does not exist. */
  if (row == NULL || !helder_server_visible_to (row, &user))
    {
      helder_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, HELDER_CODE_NOT_FOUND, "No such record");
      return;
    }
  reply = helder_server_wire_record (row);
  helder_server_respond_json (msg, SOUP_STATUS_OK, reply);
}
