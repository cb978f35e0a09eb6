/* helder-server-push.c: push and field-level merge
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <string.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"
#include "model/helder-records.h"
/* Push */

/* Whether @user may write this record (DESIGN.md, PLAN.md "Roles"):
 * admins everything; advisors everything but organisations and users;
 * staff only their own documents, their own private word-list entries
 * and dictionary words, and their own registrations (not whether they
 * attended).  What counts is the record as the server keeps it (its
 * type, visibility and owner), never what the push claims about it;
 * @row is NULL for a new record. */
static gboolean
may_write (const HelderServerUser *user,
           const char             *type,
           JsonObject             *row,
           const char             *visibility,
           JsonObject             *data)
{
  gboolean own;

  if (g_str_equal (user->role, HELDER_ROLE_ADMIN))
    return TRUE;
  if (g_str_equal (type, "organisation") || g_str_equal (type, "user"))
    return FALSE;
  if (g_str_equal (user->role, HELDER_ROLE_ADVISOR))
    return TRUE;

  own = row == NULL || json_object_get_int_member_with_default (row, "owner", 0) == user->id;
  if (!own)
    return FALSE;
  if (g_str_equal (type, "document"))
    return TRUE;
  if (g_str_equal (type, "word_list_entry") || g_str_equal (type, "dictionary_word"))
    return g_str_equal (row ? json_object_get_string_member (row, HELDER_MEMBER_VISIBILITY) : visibility,
                        HELDER_WIRE_PRIVATE);
  if (g_str_equal (type, "registration"))
    {
      JsonObject *stored = row ? json_object_get_object_member (row, HELDER_MEMBER_DATA) : NULL;
      JsonNode *attended = json_object_get_member (data, "attended");
      JsonNode *was = stored ? json_object_get_member (stored, "attended") : NULL;
      const char *who = json_object_has_member (data, "user") ? json_object_get_string_member (data, "user")
                        : stored ? json_object_get_string_member (stored, "user") : NULL;

      /* Their own registration, under their own name... */
      if (g_strcmp0 (who, user->login) != 0)
        return FALSE;
      /* ...but whether they attended is for the trainer to say. */
      if (attended != NULL && !JSON_NODE_HOLDS_NULL (attended) &&
          json_node_get_boolean (attended) != (was != NULL && !JSON_NODE_HOLDS_NULL (was) &&
                                               json_node_get_boolean (was)))
        return FALSE;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  const char *status;
  gint64      version;
  const char *error;
  JsonObject *server;    /* owned: the server's copy on conflict */
} PushResult;

/* The member's string, or NULL when it is absent or not a string */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
bad_field (SoupServerMessage *msg,
           guint              index,
           const char        *field,
           const char        *what)
{
  g_autofree char *message = g_strdup_printf ("records[%u].%s: %s", index, field, what);

  helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, message);
  return FALSE;
}

/* Merges one pushed record into the server's copy (field level) inside
 * the push's transaction.  Returns FALSE with a 400 answered for invalid
 * data. */
static gboolean
push_record (HelderServer           *self,
             SoupServerMessage      *msg,
             const HelderServerUser *user,
             guint                   index,
             JsonObject             *pushed,
             gint64                  new_version,
             PushResult             *result,
             gboolean               *applied,
             GError                **error)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(HelderRecord) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  JsonObject *data, *merged, *versions;
  JsonNode *node;
  const char *id, *type, *visibility;
  gint64 base;
  gboolean deleted, elsewhere, was_deleted;
  GType gtype;

  /* Shape */
  /* Each member of its type, or a 400 naming it: a value of another type
   * (null included) is never taken for a default. */
  id = string_member (pushed, HELDER_MEMBER_ID);
  if (id == NULL || !g_uuid_string_is_valid (id))
    return bad_field (msg, index, HELDER_MEMBER_ID, "a UUID is required");
  type = string_member (pushed, HELDER_MEMBER_TYPE);
  if (type == NULL || (gtype = helder_record_type_from_name (type)) == G_TYPE_INVALID)
    return bad_field (msg, index, HELDER_MEMBER_TYPE, "a known record type is required");
  node = json_object_get_member (pushed, HELDER_MEMBER_BASE_VERSION);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (base = json_node_get_int (node)) < 0)
    return bad_field (msg, index, HELDER_MEMBER_BASE_VERSION, "a version number is required");
  node = json_object_get_member (pushed, HELDER_MEMBER_DELETED);
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    return bad_field (msg, index, HELDER_MEMBER_DELETED, "must be true or false");
  deleted = node ? json_node_get_boolean (node) : FALSE;
  node = json_object_get_member (pushed, HELDER_MEMBER_DATA);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_field (msg, index, HELDER_MEMBER_DATA, "an object is required");
  data = json_node_get_object (node);
  visibility = json_object_has_member (pushed, HELDER_MEMBER_VISIBILITY)
                 ? string_member (pushed, HELDER_MEMBER_VISIBILITY) : HELDER_WIRE_ORG;
  if (visibility == NULL ||
      (!g_str_equal (visibility, HELDER_WIRE_ORG) && !g_str_equal (visibility, HELDER_WIRE_PRIVATE)))
    return bad_field (msg, index, HELDER_MEMBER_VISIBILITY, "must be \"org\" or \"private\"");

  result->version = 0;
  row = storage->get_record (self->storage, user->org_id, id, &elsewhere, error);
  if (row == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (elsewhere || (row != NULL && !helder_server_visible_to (row, user)))
    {
      result->status = HELDER_RESULT_REJECTED;
      result->error = HELDER_CODE_NOT_FOUND;
      return TRUE;
    }
  /* A base the server never issued (ahead of its version) would make
   * every later edit look older than the client's copy. */
  if (base >= new_version)
    {
      result->status = HELDER_RESULT_REJECTED;
      result->error = HELDER_CODE_BAD_BASE_VERSION;
      return TRUE;
    }
  if (row != NULL && !g_str_equal (json_object_get_string_member (row, HELDER_MEMBER_TYPE), type))
    return bad_field (msg, index, HELDER_MEMBER_TYPE, "does not match the stored record");

  /* The record as it would be after the push: the server's data with the
   * pushed fields over it; it must validate as its type. */
  merged = row ? json_object_ref (json_object_get_object_member (row, HELDER_MEMBER_DATA)) : json_object_new ();
  {
    g_autoptr(JsonObject) candidate = json_object_new ();
    GList *members = json_object_get_members (merged);

    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (candidate, l->data, json_node_copy (json_object_get_member (merged, l->data)));
    g_list_free (members);
    members = json_object_get_members (data);
    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (candidate, l->data, json_node_copy (json_object_get_member (data, l->data)));
    g_list_free (members);

    check = helder_record_new (gtype);
    if (!helder_record_set_from_json_data (check, candidate, &local_error))
      {
        g_autofree char *field = g_strdup_printf ("data.%s", strchr (local_error->message, '.') + 1);
        json_object_unref (merged);
        /* "priority.rank: must be an integer" → records[i].data.rank: … */
        return bad_field (msg, index, g_strdelimit (field, ":", '\0'),
                          strchr (local_error->message, ':') + 2);
      }
  }
  json_object_unref (merged);

  /* After the types are checked: the rules read the pushed fields. */
  if (!may_write (user, type, row, visibility, data))
    {
      result->status = HELDER_RESULT_REJECTED;
      result->error = HELDER_CODE_FORBIDDEN;
      return TRUE;
    }

  /* A record refers only to blobs its organisation has. */
  {
    g_autoptr(GPtrArray) refs = helder_server_blob_refs (type, data);

    for (guint i = 0; i < refs->len; i++)
      if (!helder_server_blob_exists (self, user, refs->pdata[i]))
        {
          result->status = HELDER_RESULT_REJECTED;
          result->error = HELDER_CODE_MISSING_BLOB;
          return TRUE;
        }
  }

  /* Only known fields are kept, in their canonical form. */
  {
    g_autoptr(JsonObject) canonical = helder_record_to_json_data (check);
    JsonObject *server_data = row ? json_object_get_object_member (row, HELDER_MEMBER_DATA) : NULL;
    GList *members = json_object_get_members (data);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *field = l->data;
        JsonNode *value = json_object_get_member (canonical, field);

        if (value == NULL)
          continue;   /* a field this server does not know */
        if (server_data == NULL || !json_object_has_member (server_data, field) ||
            !json_node_equal (value, json_object_get_member (server_data, field)))
          g_ptr_array_add (changed, (gpointer) g_intern_string (field));
      }
    g_list_free (members);

    if (row == NULL)
      {
        /* New: every field, at the new version. */
        row = json_object_new ();
        json_object_set_string_member (row, HELDER_MEMBER_ID, id);
        json_object_set_string_member (row, HELDER_MEMBER_TYPE, type);
        json_object_set_string_member (row, HELDER_MEMBER_VISIBILITY, visibility);
        json_object_set_int_member (row, "owner", user->id);
        json_object_set_boolean_member (row, HELDER_MEMBER_DELETED, FALSE);
        json_object_set_object_member (row, HELDER_MEMBER_DATA, json_object_ref (canonical));
        json_object_set_object_member (row, "field_versions", json_object_new ());
        g_ptr_array_set_size (changed, 0);
        members = json_object_get_members (canonical);
        for (GList *l = members; l != NULL; l = l->next)
          g_ptr_array_add (changed, (gpointer) g_intern_string (l->data));
        g_list_free (members);
        was_deleted = FALSE;
      }
    else
      was_deleted = json_object_get_boolean_member (row, HELDER_MEMBER_DELETED);

    versions = json_object_get_object_member (row, "field_versions");

    if (changed->len == 0 && deleted == was_deleted && json_object_get_int_member_with_default (row, HELDER_MEMBER_VERSION, 0) > 0)
      {
        result->status = HELDER_RESULT_UNCHANGED;
        result->version = json_object_get_int_member (row, HELDER_MEMBER_VERSION);
        return TRUE;
      }

    /* A field conflicts if the server changed it after the client's base;
     * a delete conflicts with any later edit, an edit with a later delete. */
    for (guint i = 0; i < changed->len; i++)
      if (json_object_get_int_member_with_default (versions, changed->pdata[i], 0) > base)
        g_ptr_array_add (conflicts, changed->pdata[i]);
    if (deleted && !was_deleted)
      {
        GList *all = json_object_get_members (versions);

        for (GList *l = all; l != NULL; l = l->next)
          if (json_object_get_int_member (versions, l->data) > base)
            g_ptr_array_add (conflicts, (gpointer) g_intern_string (l->data));
        g_list_free (all);
      }
    if (was_deleted && !deleted && json_object_get_int_member_with_default (versions, "_deleted", 0) > base)
      g_ptr_array_add (conflicts, (gpointer) "_deleted");

    if (conflicts->len > 0)
      {
        result->status = HELDER_RESULT_CONFLICT;
        result->version = json_object_get_int_member (row, HELDER_MEMBER_VERSION);
        {
          g_autoptr(JsonNode) copy = helder_server_wire_record (row);

          result->server = json_object_ref (json_node_get_object (copy));
        }
        return TRUE;
      }

    /* Apply */
    for (guint i = 0; i < changed->len; i++)
      {
        json_object_set_member (json_object_get_object_member (row, HELDER_MEMBER_DATA), changed->pdata[i],
                                json_node_copy (json_object_get_member (canonical, changed->pdata[i])));
        json_object_set_int_member (versions, changed->pdata[i], new_version);
      }
    if (deleted != was_deleted)
      json_object_set_int_member (versions, "_deleted", new_version);
  }

  json_object_set_boolean_member (row, HELDER_MEMBER_DELETED, deleted);
  json_object_set_int_member (row, HELDER_MEMBER_VERSION, new_version);
  json_object_set_string_member (row, HELDER_MEMBER_UPDATED_BY, user->login);
  json_object_set_string_member (row, HELDER_MEMBER_UPDATED_AT, now_text);
  if (!storage->put_record (self->storage, user->org_id, row, error))
    return FALSE;

  result->status = HELDER_RESULT_APPLIED;
  result->version = new_version;
  *applied = TRUE;
  return TRUE;
}

void
helder_server_handle_push (HelderServer      *self,
                           SoupServerMessage *msg)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_auto(HelderServerUser) user = { 0 };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *body_hash = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *response = NULL;
  g_autofree PushResult *results = NULL;
  const char *key;
  g_autofree char *user_key = NULL;
  JsonArray *records;
  JsonNode *node;
  gint64 version, new_version;
  gboolean any_applied = FALSE;
  guint n;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      helder_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, HELDER_CODE_METHOD_NOT_ALLOWED, "Use POST");
      return;
    }
  if (!helder_server_authenticate (self, msg, &user))
    return;

  key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), HELDER_HEADER_IDEMPOTENCY_KEY);
  if (key == NULL || *key == '\0' || strlen (key) > 128)
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "Idempotency-Key: a key of 1 to 128 characters is required");
      return;
    }
  /* Keys are the user's own: another user's push under the same key is
   * another push, never a replay of someone else's answer. */
  user_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", user.id, key);
  if ((body = helder_server_parse_json_object (msg, &raw)) == NULL)
    return;
  node = json_object_get_member (body, HELDER_MEMBER_RECORDS);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "records: an array is required");
      return;
    }
  records = json_node_get_array (node);
  n = json_array_get_length (records);
  if (n > HELDER_SERVER_MAX_RECORDS)
    {
      helder_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, HELDER_CODE_TOO_MANY_RECORDS, "records: at most 100 a push");
      return;
    }
  body_hash = helder_server_sha256_hex (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));

  if (!storage->begin (self->storage, &error))
    goto failed;

  /* Pushed against data since restored from a backup: its base versions
   * may name other edits now.  The client reconciles first. */
  {
    const char *sent = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     HELDER_HEADER_DATA_EPOCH);
    g_autofree char *epoch = sent ? storage->get_epoch (self->storage, &error) : NULL;

    if (sent != NULL && epoch == NULL)
      goto rollback;
    if (sent != NULL && !g_str_equal (sent, epoch))
      {
        storage->rollback (self->storage);
        helder_server_note_epoch (self, msg, epoch);
        helder_server_respond_error (msg, SOUP_STATUS_PRECONDITION_FAILED, HELDER_CODE_EPOCH_CHANGED,
                                     "The server's data was restored from a backup; sync again");
        return;
      }
  }

  /* A replay returns the stored answer; a reused key with another body is
   * a client bug. */
  stored = storage->get_idempotent (self->storage, user.org_id, user_key, &stored_hash, NULL);
  if (stored != NULL)
    {
      storage->rollback (self->storage);
      if (!helder_server_equal_in_constant_time (stored_hash, body_hash))
        {
          helder_server_respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, HELDER_CODE_KEY_REUSED,
                                       "This Idempotency-Key was used with another body");
          return;
        }
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, HELDER_MEDIA_TYPE_JSON, SOUP_MEMORY_COPY, stored, strlen (stored));
      return;
    }

  version = storage->get_org_version (self->storage, user.org_id, NULL, &error);
  if (version < 0)
    goto rollback;
  new_version = version + 1;
  results = g_new0 (PushResult, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (records, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          storage->rollback (self->storage);
          bad_field (msg, i, "", "an object is required");
          goto out;
        }
      if (!push_record (self, msg, &user, i, json_node_get_object (element), new_version,
                        &results[i], &any_applied, &error))
        {
          storage->rollback (self->storage);
          if (error != NULL)
            goto failed;
          goto out;   /* answered 400 */
        }
    }

  if (any_applied && !storage->set_org_version (self->storage, user.org_id, new_version, &error))
    goto rollback;

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_LIBRARY_VERSION);
  json_builder_add_int_value (b, any_applied ? new_version : version);
  json_builder_set_member_name (b, HELDER_MEMBER_RESULTS);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, HELDER_MEMBER_ID);
      json_builder_add_string_value (b, json_object_get_string_member (json_array_get_object_element (records, i), HELDER_MEMBER_ID));
      json_builder_set_member_name (b, HELDER_MEMBER_STATUS);
      json_builder_add_string_value (b, results[i].status);
      json_builder_set_member_name (b, HELDER_MEMBER_VERSION);
      json_builder_add_int_value (b, results[i].version);
      if (results[i].error != NULL)
        {
          json_builder_set_member_name (b, HELDER_MEMBER_ERROR);
          json_builder_add_string_value (b, results[i].error);
        }
      if (results[i].server != NULL)
        {
          JsonNode *server = json_node_new (JSON_NODE_OBJECT);

          json_node_take_object (server, g_steal_pointer (&results[i].server));
          json_builder_set_member_name (b, HELDER_MEMBER_SERVER);
          json_builder_add_value (b, server);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  reply = json_builder_get_root (b);
  response = json_to_string (reply, FALSE);

  if (!storage->put_idempotent (self->storage, user.org_id, user_key, body_hash, response, &error) ||
      !storage->commit (self->storage, &error))
    goto rollback;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, HELDER_MEDIA_TYPE_JSON, SOUP_MEMORY_COPY, response, strlen (response));
  if (any_applied)
    helder_server_broadcast_version (self, user.org_id, new_version);
  goto out;

rollback:
  storage->rollback (self->storage);
failed:
  helder_server_respond_unavailable (msg, error);
out:
  for (guint i = 0; results != NULL && i < n; i++)
    g_clear_pointer (&results[i].server, json_object_unref);
}
