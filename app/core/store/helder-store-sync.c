/* helder-store-sync.c: the store's side of synchronisation
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <string.h>

#include "helder-store-private.h"
#include "helder-store-sync.h"
#include "helder-store-sync-private.h"

/* Sync keeps, per record, the last copy the server confirmed (record_base).
 * A push sends only the fields that differ from that base, with its
 * version: the server merges field by field.  A pulled change merges three
 * ways into a record with unpushed edits: a field the user did not touch
 * takes the server's value.
 *
 * The push batch (its key, body and the outbox generations it covers) is
 * written to sync_state before it is sent and reused on every retry, so a
 * lost answer never makes a second, different push.  A pulled page and the
 * library version it brings commit in one transaction: the version never
 * runs ahead of the data. */

static char *
get_state (HelderStore *self,
           const char  *key)
{
  sqlite3_stmt *stmt = helder_store_prepare (self, "SELECT value FROM sync_state WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static gboolean
set_state (HelderStore  *self,
           const char   *key,
           const char   *value,
           GError      **error)
{
  sqlite3_stmt *stmt = helder_store_prepare (self,
                                             "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Could not save sync state");
      return FALSE;
    }
  return TRUE;
}

gboolean
helder_store_sync_run (HelderStore  *self,
                       const char   *sql,
                       const char   *text1,
                       const char   *text2,
                       gint64        number,
                       GError      **error)
{
  sqlite3_stmt *stmt = helder_store_prepare (self, sql, error);
  int rc, param = 1;

  if (stmt == NULL)
    return FALSE;
  if (text1 != NULL)
    sqlite3_bind_text (stmt, param++, text1, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, param++, text2, -1, SQLITE_TRANSIENT);
  if (number >= 0 && strchr (sql, '?') != NULL && param <= sqlite3_bind_parameter_count (stmt))
    sqlite3_bind_int64 (stmt, param, number);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Sync: %s failed", sql);
      return FALSE;
    }
  return TRUE;
}

gint64
helder_store_get_library_version (HelderStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (self), 0);

  value = get_state (self, "library_version");
  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/* For a full reconcile (the server answered 410, or its version went
 * down after a restore): pull everything again. */
gboolean
helder_store_forget_library_version (HelderStore  *self,
                                     GError      **error)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  return set_state (self, "library_version", "0", error);
}

/* The data epoch of the server this store synced with (NULL: none yet).
 * A server restored from a backup has a new one. */
char *
helder_store_get_data_epoch (HelderStore *self)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);

  return get_state (self, "data_epoch");
}

gboolean
helder_store_set_data_epoch (HelderStore  *self,
                             const char   *epoch,
                             GError      **error)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  return set_state (self, "data_epoch", epoch, error);
}

/* TRUE between helder_store_requeue_lost() and
 * helder_store_finish_restore(): what a restored server lost is queued
 * (on bases that fit the server's data as restored) and still to push. */
gboolean
helder_store_get_restore_pending (HelderStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  value = get_state (self, "restore_pending");
  return g_strcmp0 (value, "1") == 0;
}

/* What the restored server lacked is pushed: pull everything again. */
gboolean
helder_store_finish_restore (HelderStore  *self,
                             GError      **error)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!set_state (self, "library_version", "0", error) || !set_state (self, "restore_pending", "0", error) ||
      !helder_store_exec (self, "COMMIT", error))
    {
      helder_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* The base: the server's last confirmed copy, or NULL. */
JsonObject *
helder_store_sync_load_base (HelderStore *self,
                             const char  *id,
                             gint64      *version,
                             gboolean    *deleted)
{
  sqlite3_stmt *stmt = helder_store_prepare (self,
                                             "SELECT version, deleted, data FROM record_base WHERE record_id = ?",
                                             NULL);
  JsonObject *data = NULL;

  *version = 0;
  *deleted = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 2), NULL);

      *version = sqlite3_column_int64 (stmt, 0);
      *deleted = sqlite3_column_int (stmt, 1) != 0;
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        data = json_object_ref (json_node_get_object (node));
    }
  sqlite3_reset (stmt);
  return data;
}

gboolean
helder_store_sync_save_base (HelderStore  *self,
                             const char   *id,
                             const char   *type,
                             gint64        version,
                             gboolean      deleted,
                             JsonObject   *data,
                             GError      **error)
{
  sqlite3_stmt *stmt = helder_store_prepare (self,
                                             "INSERT INTO record_base (record_id, record_type, version, deleted, data) "
                                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET "
                                             "version = excluded.version, deleted = excluded.deleted, "
                                             "data = excluded.data", error);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), data);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  sqlite3_bind_int (stmt, 4, deleted);
  sqlite3_bind_text (stmt, 5, json_to_string (node, FALSE), -1, g_free);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Could not save a record's base");
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_member (JsonObject *a,
             JsonObject *b,
             const char *field)
{
  JsonNode *x = a ? json_object_get_member (a, field) : NULL;
  JsonNode *y = b ? json_object_get_member (b, field) : NULL;

  if (x == NULL || y == NULL)
    return x == y;
  return json_node_equal (x, y);
}

#define MAX_BATCH_BYTES (768 * 1024)

/**
 * helder_store_take_push_batch:
 * @key: (out): the batch's idempotency key
 *
 * Returns: (transfer full) (nullable): the body of the next push, the
 *   same one until helder_store_finish_push_batch() is called; %NULL with
 *   no error when there is nothing to push.
 */
JsonNode *
helder_store_take_push_batch (HelderStore  *self,
                              guint         max_records,
                              char        **key,
                              GError      **error)
{
  g_autofree char *pending_key = NULL;
  g_autofree char *pending_body = NULL;
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(JsonObject) generations = json_object_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) gens = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *new_key = NULL;
  gsize batch_bytes = 0;
  JsonNode *body;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  pending_key = get_state (self, "batch_key");
  pending_body = get_state (self, "batch_body");
  if (pending_key != NULL && *pending_key != '\0' && pending_body != NULL)
    {
      *key = g_steal_pointer (&pending_key);
      return json_from_string (pending_body, error);
    }

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = helder_store_prepare (self, "SELECT record_id, record_type, generation FROM outbox "
                                     "ORDER BY queued_at, record_id LIMIT ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, max_records);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 generation = sqlite3_column_int64 (stmt, 2);

      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (types, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_array_append_val (gens, generation);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      GType type = helder_record_type_from_name (types->pdata[i]);
      g_autoptr(HelderRecord) record = NULL;
      g_autoptr(JsonObject) base = NULL;
      g_autoptr(JsonObject) data = NULL;
      g_autoptr(JsonObject) changes = json_object_new ();
      JsonObject *pushed;
      gint64 base_version;
      gboolean base_deleted;
      GList *members;

      /* Organisations and users are the server's, set up by its admin
       * commands; local copies (the example data's) are not pushed. */
      if (type == G_TYPE_INVALID || type == HELDER_TYPE_ORGANISATION || type == HELDER_TYPE_USER ||
          (record = helder_store_load_row (self, type, id, NULL)) == NULL)
        {
          helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ?", id, NULL, -1, NULL);
          continue;
        }

      base = helder_store_sync_load_base (self, id, &base_version, &base_deleted);
      data = helder_record_to_json_data (record);
      members = json_object_get_members (data);
      for (GList *l = members; l != NULL; l = l->next)
        if (base == NULL || !same_member (data, base, l->data))
          json_object_set_member (changes, l->data, json_node_copy (json_object_get_member (data, l->data)));
      g_list_free (members);

      if (base != NULL && json_object_get_size (changes) == 0 &&
          base_deleted == helder_record_get_deleted (record))
        {
          /* Edited back to what the server has: nothing to send. */
          helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ?", id, NULL, -1, NULL);
          continue;
        }

      pushed = json_object_new ();
      json_object_set_string_member (pushed, "id", id);
      json_object_set_string_member (pushed, "type", types->pdata[i]);
      json_object_set_int_member (pushed, "base_version", base ? base_version : 0);
      json_object_set_boolean_member (pushed, "deleted", helder_record_get_deleted (record));
      json_object_set_string_member (pushed, "visibility",
                                     helder_record_get_visibility (record) == HELDER_VISIBILITY_PRIVATE
                                       ? "private" : "org");
      json_object_set_object_member (pushed, "data", g_steal_pointer (&changes));
      /* The server takes at most 1 MiB a request: a batch stops short of
       * it, and the rest waits for the next. */
      {
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), pushed);
        g_autofree char *text = json_to_string (node, FALSE);

        batch_bytes += strlen (text) + 1;
        if (json_array_get_length (records) > 0 && batch_bytes > MAX_BATCH_BYTES)
          {
            json_object_unref (pushed);
            break;
          }
      }
      json_array_add_object_element (records, pushed);
      json_object_set_int_member (generations, id, g_array_index (gens, gint64, i));
    }

  if (json_array_get_length (records) == 0)
    {
      helder_store_exec (self, "COMMIT", NULL);
      *key = NULL;
      return NULL;
    }

  {
    g_autoptr(JsonObject) root = json_object_new ();
    g_autoptr(JsonNode) gen_node = json_node_init_object (json_node_alloc (), generations);
    g_autofree char *body_text = NULL;
    g_autofree char *gen_text = json_to_string (gen_node, FALSE);

    json_object_set_array_member (root, "records", json_array_ref (records));
    body = json_node_init_object (json_node_alloc (), root);
    body_text = json_to_string (body, FALSE);
    new_key = g_uuid_string_random ();

    if (!set_state (self, "batch_key", new_key, error) ||
        !set_state (self, "batch_body", body_text, error) ||
        !set_state (self, "batch_generations", gen_text, error) ||
        !helder_store_exec (self, "COMMIT", error))
      {
        json_node_unref (body);
        goto fail;
      }
  }

  *key = g_steal_pointer (&new_key);
  return body;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  return NULL;
}

HelderRecord *
helder_store_sync_record_from_wire_or_null (JsonObject *object)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *record = helder_record_new_from_wire (object, &error);

  if (record == NULL)
    g_warning ("Skipping a record from the server: %s", error->message);
  return record;
}

void
helder_store_sync_set_server_columns (HelderRecord *record,
                                      JsonObject   *wire)
{
  const char *updated_at = json_object_get_string_member_with_default (wire, "updated_at", NULL);

  helder_record_set_version (record, json_object_get_int_member_with_default (wire, "version", 0));
  helder_record_set_updated_by (record, json_object_get_string_member_with_default (wire, "updated_by", NULL));
  if (updated_at != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (updated_at, NULL);
      helder_record_set_updated_at (record, when);
    }
}

/**
 * helder_record_merge:
 * @mine: the local record; on success it holds the merge
 * @base: (nullable): the data both sides started from (the server's last
 *   confirmed copy), or %NULL when there is none
 * @base_deleted: whether the base was deleted
 * @theirs: the other side's record
 * @conflicts: (element-type utf8) (nullable): filled with the fields
 *   both sides changed to different values
 *
 * The three-way merge sync uses, for everyone who keeps a record while
 * another copy of it changes (a pulled change, an open editor): a field
 * @mine changed since @base keeps its value, every other field takes
 * @theirs'.  A field both changed to different values is a conflict, and
 * so are an edit on one side and a deletion on the other, and a merge the
 * record refuses (a value no longer valid).  Without a base every field
 * counts as changed on both sides.
 *
 * Returns: %TRUE with @mine merged, or %FALSE for a conflict (@mine left
 *   as it was)
 */
gboolean
helder_record_merge (HelderRecord *mine,
                     JsonObject   *base,
                     gboolean      base_deleted,
                     HelderRecord *theirs,
                     GPtrArray    *conflicts)
{
  g_autoptr(JsonObject) mine_data = helder_record_to_json_data (mine);
  g_autoptr(JsonObject) theirs_data = helder_record_to_json_data (theirs);
  g_autoptr(JsonObject) merged = json_object_new ();
  GList *members = json_object_get_members (theirs_data);
  gboolean conflict = FALSE, mine_edited = FALSE, theirs_edited = FALSE;
  gboolean mine_deleted = base != NULL && helder_record_get_deleted (mine) != base_deleted;
  gboolean theirs_deleted = base != NULL && helder_record_get_deleted (theirs) != base_deleted;

  g_return_val_if_fail (HELDER_IS_RECORD (mine), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (theirs), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (mine) == G_OBJECT_TYPE (theirs), FALSE);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean mine_changed = base == NULL || !same_member (mine_data, base, l->data);
      gboolean theirs_changed = base == NULL || !same_member (theirs_data, base, l->data);
      JsonObject *from = mine_changed ? mine_data : theirs_data;

      mine_edited |= mine_changed;
      theirs_edited |= theirs_changed;
      if (mine_changed && theirs_changed && !same_member (mine_data, theirs_data, l->data))
        {
          conflict = TRUE;
          if (conflicts != NULL)
            g_ptr_array_add (conflicts, g_strdup (l->data));
        }
      json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (from, l->data)));
    }
  g_list_free (members);
  conflict |= (mine_deleted && theirs_edited) || (theirs_deleted && mine_edited);
  if (conflict || !helder_record_set_from_json_data (mine, merged, NULL))
    return FALSE;
  if (!mine_deleted)
    helder_record_set_deleted (mine, helder_record_get_deleted (theirs));
  return TRUE;
}

/* Whether @sql ("SELECT 1 FROM t WHERE record_id = ?") finds @id */
static gboolean
has_row (HelderStore *self,
         const char  *sql,
         const char  *id)
{
  sqlite3_stmt *stmt = helder_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
has_outbox_row (HelderStore *self,
                const char  *id)
{
  return has_row (self, "SELECT 1 FROM outbox WHERE record_id = ?", id);
}

static gboolean
has_conflict (HelderStore *self,
              const char  *id)
{
  return has_row (self, "SELECT 1 FROM conflicts WHERE record_id = ?", id);
}

/* A conflict's server copy becomes @wire, the newest one: the user
 * chooses against what the server has now. */
static gboolean
update_conflict_server (HelderStore  *self,
                        const char   *id,
                        JsonObject   *wire,
                        GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), wire);
  g_autofree char *text = json_to_string (node, FALSE);

  return helder_store_sync_run (self, "UPDATE conflicts SET server = ? WHERE record_id = ?", text, id, -1, error);
}

/**
 * helder_store_finish_push_batch:
 * @response: the server's answer to the batch @key
 *
 * Records what the server did with each record, in one transaction.
 */
gboolean
helder_store_finish_push_batch (HelderStore  *self,
                                const char   *key,
                                JsonObject   *response,
                                GError      **error)
{
  g_autofree char *stored_key = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *gen_text = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) gens_node = NULL;
  g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();
  JsonObject *pushed_by_id = NULL;
  JsonArray *results, *records;
  JsonObject *gens;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  stored_key = get_state (self, "batch_key");
  if (g_strcmp0 (stored_key, key) != 0)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Not the pending push batch");
      return FALSE;
    }
  body_text = get_state (self, "batch_body");
  gen_text = get_state (self, "batch_generations");
  body = json_from_string (body_text, NULL);
  gens_node = json_from_string (gen_text, NULL);
  if (body == NULL || gens_node == NULL || !json_object_has_member (response, "results"))
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "A push answer without results");
      return FALSE;
    }
  records = json_object_get_array_member (json_node_get_object (body), "records");
  gens = json_node_get_object (gens_node);
  results = json_object_get_array_member (response, "results");

  pushed_by_id = json_object_new ();
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *r = json_array_get_object_element (records, i);
      json_object_set_object_member (pushed_by_id, json_object_get_string_member (r, "id"), json_object_ref (r));
    }

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      json_object_unref (pushed_by_id);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *id = json_object_get_string_member_with_default (result, "id", NULL);
      const char *status = json_object_get_string_member_with_default (result, "status", "");
      gint64 version = json_object_get_int_member_with_default (result, "version", 0);
      JsonObject *pushed = id ? json_object_get_object_member (pushed_by_id, id) : NULL;
      const char *type;
      gint64 generation;

      if (pushed == NULL)
        continue;
      type = json_object_get_string_member (pushed, "type");
      generation = json_object_get_int_member_with_default (gens, id, 0);

      if (g_str_equal (status, "applied") || g_str_equal (status, "unchanged"))
        {
          gint64 old_version;
          gboolean old_deleted;
          g_autoptr(JsonObject) base = helder_store_sync_load_base (self, id, &old_version, &old_deleted);
          JsonObject *data = json_object_get_object_member (pushed, "data");
          GList *members = json_object_get_members (data);
          g_autofree char *update = g_strdup_printf ("UPDATE \"%s\" SET version = ? WHERE id = ?", type);
          sqlite3_stmt *stmt;

          if (base == NULL)
            base = json_object_new ();
          for (GList *l = members; l != NULL; l = l->next)
            json_object_set_member (base, l->data, json_node_copy (json_object_get_member (data, l->data)));
          g_list_free (members);
          if (!helder_store_sync_save_base (self, id, type, version, json_object_get_boolean_member (pushed, "deleted"), base, error))
            goto fail;

          /* The version is a sync column: no outbox entry for it. */
          if (helder_record_type_from_name (type) != G_TYPE_INVALID)
            {
              int rc;

              if ((stmt = helder_store_prepare (self, update, error)) == NULL)
                goto fail;
              sqlite3_bind_int64 (stmt, 1, version);
              sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
              rc = sqlite3_step (stmt);
              sqlite3_reset (stmt);
              if (rc != SQLITE_DONE)
                {
                  g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED,
                               "Could not record version %" G_GINT64_FORMAT " of %s", version, id);
                  goto fail;
                }
            }
          helder_store_changes_add (changes, type, id);
        }
      else
        {
          if (!helder_store_sync_add_conflict (self, id, type, g_str_equal (status, "conflict") ? "conflict" : "rejected",
                             json_object_get_string_member_with_default (result, "error", NULL),
                             json_object_get_member (result, "server"), error))
            goto fail;
          helder_store_changes_add (changes, "conflict", id);
        }

      /* An edit made while the batch was out stays queued. */
      if (!helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ? AND generation <= ?", id, NULL, generation, error) ||
          !helder_store_sync_run (self, "UPDATE outbox SET batch_key = NULL WHERE record_id = ?", id, NULL, -1, error))
        goto fail;
    }

  if (!helder_store_sync_run (self, "DELETE FROM sync_state WHERE key IN ('batch_key', 'batch_body', 'batch_generations')",
            NULL, NULL, -1, error) ||
      !helder_store_exec (self, "COMMIT", error))
    goto fail;

  json_object_unref (pushed_by_id);
  helder_store_changes_emit (self, changes);
  return TRUE;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  json_object_unref (pushed_by_id);
  return FALSE;
}

/**
 * helder_store_apply_changes:
 * @records: records as GET /v1/changes gives them
 * @library_version: the version the page brings the store to
 */
/**
 * helder_store_refuse_push_batch:
 * @reason: what the server said
 *
 * The server refused the pending batch as a whole (400, 413, 422):
 * sending the same body again can only be refused again.  Each of its
 * records becomes a rejected change for the user to see, and the
 * outbox moves on.
 */
gboolean
helder_store_refuse_push_batch (HelderStore  *self,
                                const char   *key,
                                const char   *reason,
                                GError      **error)
{
  g_autofree char *body_text = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) response = json_object_new ();
  JsonArray *results = json_array_new ();
  JsonArray *records;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  json_object_set_array_member (response, "results", results);
  body_text = get_state (self, "batch_body");
  body = body_text ? json_from_string (body_text, NULL) : NULL;
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "No pending push batch");
      return FALSE;
    }
  records = json_object_get_array_member (json_node_get_object (body), "records");
  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "id",
                                     json_object_get_string_member (json_array_get_object_element (records, i), "id"));
      json_object_set_string_member (result, "status", "rejected");
      json_object_set_string_member (result, "error", reason);
      json_array_add_object_element (results, result);
    }
  return helder_store_finish_push_batch (self, key, response, error);
}

gboolean
helder_store_apply_changes (HelderStore  *self,
                            JsonArray    *records,
                            gint64        library_version,
                            GError      **error)
{
  g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();
  g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, library_version);

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *wire = json_array_get_object_element (records, i);
      g_autoptr(HelderRecord) remote = wire ? helder_store_sync_record_from_wire_or_null (wire) : NULL;
      g_autoptr(HelderRecord) local = NULL;
      g_autoptr(JsonObject) base = NULL;
      g_autoptr(JsonObject) remote_data = NULL;
      HelderRecord *result;
      gint64 base_version;
      gboolean base_deleted, waiting;
      const char *id;

      if (remote == NULL)
        continue;   /* a type this version does not know */
      id = helder_record_get_id (remote);
      helder_store_sync_set_server_columns (remote, wire);
      remote_data = helder_record_to_json_data (remote);
      local = helder_store_load_row (self, G_OBJECT_TYPE (remote), id, NULL);
      base = helder_store_sync_load_base (self, id, &base_version, &base_deleted);
      result = remote;
      /* A record waiting in the conflicts has no outbox row, but its
       * local copy is what the user may keep: never written over. */
      waiting = local != NULL && has_conflict (self, id);

      if (waiting && !has_outbox_row (self, id))
        result = NULL;
      else if (local != NULL && has_outbox_row (self, id))
        {
          /* Unpushed local edits: merged three ways (helder_record_merge);
           * a conflict leaves the local record as it is, waiting for the
           * user. */
          gboolean conflict = !helder_record_merge (local, base, base_deleted, remote, NULL);

          if (conflict)
            {
              JsonNode *server_node = json_node_init_object (json_node_alloc (), wire);

              if (!helder_store_sync_add_conflict (self, id, helder_record_get_type_name (remote), "conflict", NULL,
                                 server_node, error) ||
                  !helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ?", id, NULL, -1, error))
                {
                  json_node_unref (server_node);
                  goto fail;
                }
              json_node_unref (server_node);
              helder_store_changes_add (changes, "conflict", id);
              result = NULL;
            }
          else
            {
              helder_store_sync_set_server_columns (local, wire);
              result = local;
            }
        }

      if ((result != NULL && !helder_store_write_row (self, result, error)) ||
          !helder_store_sync_save_base (self, id, helder_record_get_type_name (remote), helder_record_get_version (remote),
                      helder_record_get_deleted (remote), remote_data, error) ||
          (waiting && !update_conflict_server (self, id, wire, error)))
        goto fail;
      if (waiting)
        helder_store_changes_add (changes, "conflict", id);
      helder_store_changes_add (changes, helder_record_get_type_name (remote), id);
    }

  if (!set_state (self, "library_version", version_text, error) ||
      !helder_store_exec (self, "COMMIT", error))
    goto fail;

  helder_store_changes_emit (self, changes);
  return TRUE;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * helder_store_reconcile:
 * @index: the server's {id: version} of every record it still has
 *
 * After a 410: a record this store got from the server (it has a base)
 * that the index no longer lists was deleted long ago and its tombstone
 * forgotten; it is deleted here too.  Then everything is pulled again.
 */
gboolean
helder_store_reconcile (HelderStore  *self,
                        JsonObject   *index,
                        GError      **error)
{
  g_autoptr(GPtrArray) gone_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gone_types = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  if ((stmt = helder_store_prepare (self, "SELECT record_id, record_type FROM record_base", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (!json_object_has_member (index, id))
        {
          g_ptr_array_add (gone_ids, g_strdup (id));
          g_ptr_array_add (gone_types, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_reset (stmt);

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < gone_ids->len; i++)
    {
      GType type = helder_record_type_from_name (gone_types->pdata[i]);
      g_autoptr(HelderRecord) record = type ? helder_store_load_row (self, type, gone_ids->pdata[i], NULL) : NULL;

      if (record != NULL)
        {
          helder_record_set_deleted (record, TRUE);
          if (!helder_store_write_row (self, record, error))
            goto fail;
        }
      if (!helder_store_sync_run (self, "DELETE FROM record_base WHERE record_id = ?", gone_ids->pdata[i], NULL, -1, error) ||
          !helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ?", gone_ids->pdata[i], NULL, -1, error))
        goto fail;
    }
  if (!set_state (self, "library_version", "0", error) ||
      !helder_store_exec (self, "COMMIT", error))
    goto fail;

  {
    g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();

    for (guint i = 0; i < gone_types->len; i++)
      helder_store_changes_add (changes, gone_types->pdata[i], gone_ids->pdata[i]);
    helder_store_changes_emit (self, changes);
  }
  return TRUE;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * helder_store_requeue_lost:
 * @index: the server's {id: version}
 * @restored: the server's version when it was restored: what it issued
 *   above it came after the restore (the server's library version when it
 *   does not say)
 * @epoch: (nullable): the server's new data epoch, kept from now on
 *
 * A server restored from an older backup lacks what it confirmed after
 * that backup; this store still has it.  Every record this store has
 * confirmed above @restored comes from the lost history and is queued
 * again: one the server lacks as new (no base); one the server has, on
 * top of the server's version (with all its fields: an empty base), but
 * never above @restored: the server's versions above it were issued
 * again after the restore, to other edits, so a field a colleague changed
 * since is a conflict, not overwritten.  A record confirmed at or below
 * @restored that the server has older is queued again as well.  Nothing
 * is pulled before this is pushed (helder_store_get_restore_pending()
 * says so until helder_store_finish_restore()): a push cut short goes on
 * on the next sync, never a pull of the server's older copies against
 * these.  A batch taken for a push before is dropped: it was made on the
 * old bases.
 *
 * Returns: how many records were queued again, or -1 on error
 */
gint
helder_store_requeue_lost (HelderStore  *self,
                           JsonObject   *index,
                           gint64        restored,
                           const char   *epoch,
                           GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt;
  gint queued = 0;

  g_return_val_if_fail (HELDER_IS_STORE (self), -1);

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return -1;
  if ((stmt = helder_store_prepare (self, "SELECT record_id, record_type, version, deleted FROM record_base",
                                    error)) == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      gint64 version = sqlite3_column_int64 (stmt, 2);
      gboolean gone = sqlite3_column_int (stmt, 3) != 0;
      gint64 server = json_object_has_member (index, id) ? json_object_get_int_member (index, id) : -1;

      if (version <= restored && server >= version)
        continue;
      /* Above the restore point the server's number names another edit */
      if (server > restored && version > restored)
        server = restored;
      g_ptr_array_add (ids, g_strdup (id));
      g_ptr_array_add (types, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_array_append_val (versions, server);
      g_array_append_val (deleted, gone);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      gint64 server = g_array_index (versions, gint64, i);

      if (server < 0)
        {
          /* Never heard of: new again, unless it was deleted anyway. */
          if (!helder_store_sync_run (self, "DELETE FROM record_base WHERE record_id = ?", id, NULL, -1, error))
            goto fail;
          if (g_array_index (deleted, gboolean, i))
            continue;
        }
      else if (!helder_store_sync_run (self, "UPDATE record_base SET version = ?2, data = '{}' WHERE record_id = ?1",
                     id, NULL, server, error))
        goto fail;
      if (!helder_store_sync_run (self, "INSERT INTO outbox (record_id, record_type, queued_at) "
                      "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                      "ON CONFLICT (record_id) DO UPDATE SET generation = generation + 1",
                id, types->pdata[i], -1, error))
        goto fail;
      queued++;
    }
  if ((epoch != NULL && !set_state (self, "data_epoch", epoch, error)) ||
      !set_state (self, "restore_pending", "1", error) ||
      !set_state (self, "batch_key", "", error) ||
      !helder_store_exec (self, "COMMIT", error))
    goto fail;
  return queued;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  return -1;
}
