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
  JsonObject *out = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  static const char *members[] = {
    HELDER_MEMBER_ID, HELDER_MEMBER_TYPE, HELDER_MEMBER_VERSION, HELDER_MEMBER_DELETED,
    HELDER_MEMBER_VISIBILITY, HELDER_MEMBER_UPDATED_BY, HELDER_MEMBER_UPDATED_AT, HELDER_MEMBER_DATA,
  };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (row, members[i]))
      json_object_set_member (out, members[i], json_node_copy (json_object_get_member (row, members[i])));
  json_node_take_object (node, out);
  return node;
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

void
helder_server_handle_changes (HelderServer      *self,
                              SoupServerMessage *msg,
                              GHashTable        *query)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *if_modified;
  gint64 since, limit, version, horizon, next;
  gboolean more;

  if (!helder_server_authenticate (self, msg, &user))
    return;
  if (!parse_int_param (query, HELDER_QUERY_SINCE, 0, 0, G_MAXINT64, &since))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "since: a version number is required");
      return;
    }
  if (!parse_int_param (query, HELDER_QUERY_LIMIT, 500, 1, 1000, &limit))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "limit: a number from 1 to 1000 is required");
      return;
    }

  /* Read with the token, before the records: a push committed in between
   * shows in the records and comes again on the next pull, never missed. */
  version = user.org_version;
  horizon = user.org_horizon;

  if_modified = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                              HELDER_HEADER_IF_MODIFIED_SINCE_VERSION);
  /* Only the same version is "not modified": a client ahead of the
   * server (restored from a backup) must see the lower version. */
  if (if_modified != NULL && g_ascii_strtoll (if_modified, NULL, 10) == version)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), HELDER_HEADER_LAST_MODIFIED_VERSION,
                                    if_modified);
      helder_server_respond_status (msg, SOUP_STATUS_NOT_MODIFIED);
      return;
    }

  /* A first sync (since 0) needs no tombstones: only a client that last
   * synced before the horizon has missed some. */
  if (since > 0 && since < horizon)
    {
      helder_server_respond_error (msg, SOUP_STATUS_GONE, HELDER_CODE_SINCE_TOO_OLD,
                                   "Deleted records older than this version are gone; reconcile with /v1/index");
      return;
    }

  /* A page never splits a version: the client resumes "since" the last
   * version it got, so a half-sent version would lose records.  One more
   * row than asked tells whether the page ends inside a version. */
  /* Up to date: no record can be newer than the version read above (one
   * committed since comes with the next pull), so there is nothing to read. */
  if (since >= version)
    rows = g_ptr_array_new ();
  else
    rows = storage->changes (self->storage, user.org_id, user.id, since, limit + 1, &error);
  if (rows == NULL)
    {
      helder_server_respond_unavailable (msg, error);
      return;
    }
  more = rows->len > (guint) limit;
  if (more)
    {
      gint64 last = json_object_get_int_member (g_ptr_array_index (rows, limit - 1), HELDER_MEMBER_VERSION);
      gint64 first = json_object_get_int_member (g_ptr_array_index (rows, 0), HELDER_MEMBER_VERSION);

      if (first == last)
        {
          /* One version fills the page: send all of it (a push holds at
           * most 100 records, so this stays small). */
          g_ptr_array_unref (rows);
          rows = storage->changes (self->storage, user.org_id, user.id, last - 1,
                                   HELDER_SERVER_MAX_RECORDS + 1, &error);
          while (rows != NULL && rows->len > 0 &&
                 json_object_get_int_member (g_ptr_array_index (rows, rows->len - 1), HELDER_MEMBER_VERSION) != last)
            g_ptr_array_remove_index (rows, rows->len - 1);
          if (rows == NULL)
            {
              helder_server_respond_unavailable (msg, error);
              return;
            }
        }
      else
        {
          /* Leave the last version for the next page if it goes on past
           * the limit, that is into the one row too many. */
          gboolean split = json_object_get_int_member (g_ptr_array_index (rows, limit), HELDER_MEMBER_VERSION) == last;

          g_ptr_array_set_size (rows, limit);
          while (split && json_object_get_int_member (g_ptr_array_index (rows, rows->len - 1), HELDER_MEMBER_VERSION) == last)
            g_ptr_array_remove_index (rows, rows->len - 1);
        }
    }

  next = since;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_RECORDS);
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);

      json_builder_add_value (b, helder_server_wire_record (row));
      next = json_object_get_int_member (row, HELDER_MEMBER_VERSION);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, HELDER_MEMBER_NEXT);
  json_builder_add_int_value (b, next);
  json_builder_set_member_name (b, HELDER_MEMBER_MORE);
  json_builder_add_boolean_value (b, more);
  json_builder_set_member_name (b, HELDER_MEMBER_LIBRARY_VERSION);
  json_builder_add_int_value (b, version);
  json_builder_end_object (b);
  reply = json_builder_get_root (b);
  helder_server_respond_json (msg, SOUP_STATUS_OK, reply);
}

void
helder_server_handle_index (HelderServer      *self,
                            SoupServerMessage *msg)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(JsonObject) index = NULL;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(JsonNode) reply = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (!helder_server_authenticate (self, msg, &user))
    return;
  /* The version first: records changed after it come again on the next
   * pull, rather than being missed. */
  version = storage->get_org_version (self->storage, user.org_id, NULL, &error);
  if (version >= 0)
    index = storage->index (self->storage, user.org_id, user.id, &error);
  if (index == NULL)
    {
      helder_server_respond_unavailable (msg, error);
      return;
    }
  json_object_set_object_member (out, HELDER_MEMBER_RECORDS, json_object_ref (index));
  json_object_set_int_member (out, HELDER_MEMBER_LIBRARY_VERSION, version);
  json_node_set_object (reply, out);
  helder_server_respond_json (msg, SOUP_STATUS_OK, reply);
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
