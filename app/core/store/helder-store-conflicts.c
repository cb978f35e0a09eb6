/* helder-store-conflicts.c: the records waiting for the user after a sync,
 * and keeping or resolving them
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

/* A record waiting for the user: keep mine, keep theirs or keep both. */
gboolean
helder_store_sync_add_conflict (HelderStore  *self,
                                const char   *id,
                                const char   *type,
                                const char   *kind,
                                const char   *reason,
                                JsonNode     *server,
                                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *server_text = server ? json_to_string (server, FALSE) : NULL;
  sqlite3_stmt *stmt = helder_store_prepare (self,
                                             "INSERT INTO conflicts (record_id, record_type, kind, reason, server, detected_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET "
                                             "kind = excluded.kind, reason = excluded.reason, "
                                             "server = excluded.server, detected_at = excluded.detected_at", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, server_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Could not record a conflict");
      return FALSE;
    }
  return TRUE;
}

guint
helder_store_count_conflicts (HelderStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_STORE (self), 0);

  if ((stmt = helder_store_prepare (self, "SELECT count(*) FROM conflicts", NULL)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * helder_store_list_conflicts:
 *
 * Returns: (transfer full): {id, type, kind, reason, server} objects
 */
JsonArray *
helder_store_list_conflicts (HelderStore *self)
{
  JsonArray *list = json_array_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (self), list);

  if ((stmt = helder_store_prepare (self, "SELECT record_id, record_type, kind, reason, server "
                                          "FROM conflicts ORDER BY detected_at", NULL)) == NULL)
    return list;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *o = json_object_new ();
      const char *server = (const char *) sqlite3_column_text (stmt, 4);

      json_object_set_string_member (o, "id", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (o, "type", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (o, "kind", (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_string_member (o, "reason", (const char *) sqlite3_column_text (stmt, 3));
      if (server != NULL)
        json_object_set_member (o, "server", json_from_string (server, NULL));
      json_array_add_object_element (list, o);
    }
  sqlite3_reset (stmt);
  return list;
}

/* @record as the sync protocol writes it, for a conflict's "server" copy */
static JsonNode *
record_to_wire (HelderRecord *record)
{
  g_autoptr(JsonObject) wire = json_object_new ();
  GDateTime *updated_at = helder_record_get_updated_at (record);

  json_object_set_string_member (wire, "id", helder_record_get_id (record));
  json_object_set_string_member (wire, "type", helder_record_get_type_name (record));
  json_object_set_int_member (wire, "version", helder_record_get_version (record));
  json_object_set_boolean_member (wire, "deleted", helder_record_get_deleted (record));
  json_object_set_string_member (wire, "visibility",
                                 helder_record_get_visibility (record) == HELDER_VISIBILITY_PRIVATE
                                   ? "private" : "org");
  if (helder_record_get_updated_by (record) != NULL)
    json_object_set_string_member (wire, "updated_by", helder_record_get_updated_by (record));
  if (updated_at != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (updated_at);

      json_object_set_string_member (wire, "updated_at", text);
    }
  json_object_set_object_member (wire, "data", helder_record_to_json_data (record));
  return json_node_init_object (json_node_alloc (), wire);
}

/**
 * helder_store_keep_conflict:
 * @mine: what this computer has (an open editor's unsaved text)
 * @theirs: the store's copy it could not be merged with
 *
 * For a change that cannot be merged outside sync (an open record whose
 * stored copy changed under local edits): @mine becomes the local record
 * and @theirs waits beside it in the conflicts, as a sync conflict does,
 * for the user's keep mine, keep theirs or keep both.  One transaction.
 */
gboolean
helder_store_keep_conflict (HelderStore   *self,
                            HelderRecord  *mine,
                            HelderRecord  *theirs,
                            GError       **error)
{
  g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();
  g_autoptr(JsonNode) server = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *id;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (mine) && HELDER_IS_RECORD (theirs), FALSE);
  g_return_val_if_fail (g_strcmp0 (helder_record_get_id (mine), helder_record_get_id (theirs)) == 0, FALSE);

  id = helder_record_get_id (mine);
  server = record_to_wire (theirs);
  helder_record_set_version (mine, helder_record_get_version (theirs));
  helder_record_set_updated_at (mine, now);
  helder_record_set_updated_by (mine, helder_store_get_user (self));

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!helder_store_write_row (self, mine, error) ||
      !helder_store_sync_add_conflict (self, id, helder_record_get_type_name (mine), "conflict", NULL, server, error) ||
      !helder_store_sync_run (self, "DELETE FROM outbox WHERE record_id = ?", id, NULL, -1, error) ||
      !helder_store_exec (self, "COMMIT", error))
    {
      helder_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  helder_store_changes_add (changes, helder_record_get_type_name (mine), id);
  helder_store_changes_add (changes, "conflict", id);
  helder_store_changes_emit (self, changes);
  return TRUE;
}

/**
 * helder_store_resolve_conflict:
 *
 * Keep mine: the local record is pushed again on top of the server's
 * version.  Keep theirs: the server's copy replaces the local one.  Keep
 * both: the server's copy takes the id, the local one is saved as a new
 * record.
 */
gboolean
helder_store_resolve_conflict (HelderStore           *self,
                               const char            *id,
                               HelderConflictChoice   choice,
                               GError               **error)
{
  g_autoptr(JsonArray) conflicts = helder_store_list_conflicts (self);
  g_autoptr(HelderRecord) server = NULL;
  g_autoptr(HelderRecord) mine = NULL;
  g_autoptr(HelderStoreChanges) changes = helder_store_changes_new ();
  JsonObject *conflict = NULL, *server_wire = NULL;
  GType type;

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (conflicts, i), "id"), id) == 0)
      conflict = json_array_get_object_element (conflicts, i);
  if (conflict == NULL)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND, "No conflict for %s", id);
      return FALSE;
    }

  type = helder_record_type_from_name (json_object_get_string_member (conflict, "type"));
  mine = helder_store_load_row (self, type, id, error);
  if (mine == NULL)
    return FALSE;
  if (json_object_has_member (conflict, "server"))
    {
      server_wire = json_object_get_object_member (conflict, "server");
      server = helder_store_sync_record_from_wire_or_null (server_wire);
      if (server != NULL)
        helder_store_sync_set_server_columns (server, server_wire);
    }

  if (!helder_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (server != NULL && choice != HELDER_KEEP_MINE)
    {
      if (!helder_store_write_row (self, server, error))
        goto fail;
    }
  else if (server == NULL && choice == HELDER_KEEP_THEIRS)
    {
      /* A refused change ("Undo My Change") has no server copy: the
       * server has the base, the last copy it confirmed, or nothing at
       * all for a record it never took. */
      gint64 base_version;
      gboolean base_deleted;
      g_autoptr(JsonObject) base = helder_store_sync_load_base (self, id, &base_version, &base_deleted);

      if (base != NULL && helder_record_set_from_json_data (mine, base, NULL))
        {
          helder_record_set_version (mine, base_version);
          helder_record_set_deleted (mine, base_deleted);
        }
      else
        helder_record_set_deleted (mine, TRUE);
      if (!helder_store_write_row (self, mine, error))
        goto fail;
    }
  /* The base only moves forward: a server copy no newer than it is
   * either the one the base already holds (a pulled conflict) or not the
   * server's at all (helder_store_keep_conflict() keeps the store's copy,
   * which may hold edits not pushed yet), and a push diffs against it. */
  if (server != NULL)
    {
      g_autoptr(JsonObject) data = helder_record_to_json_data (server);
      g_autoptr(JsonObject) base = NULL;
      gint64 base_version;
      gboolean base_deleted;

      base = helder_store_sync_load_base (self, id, &base_version, &base_deleted);
      if (helder_record_get_version (server) > (base != NULL ? base_version : 0) &&
          !helder_store_sync_save_base (self, id, helder_record_get_type_name (server),
                      helder_record_get_version (server), helder_record_get_deleted (server), data, error))
        goto fail;
    }
  /* What the choice keeps is written in the same transaction that
   * forgets the conflict: nothing of either version is lost if it fails.
   * It is queued again whatever was chosen: the outbox sends what differs
   * from the server's version, and nothing when nothing does. */
  if (choice == HELDER_KEEP_MINE || server != NULL)
    {
      if (!helder_store_sync_run (self, "INSERT INTO outbox (record_id, record_type, queued_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                      "ON CONFLICT (record_id) DO UPDATE SET generation = generation + 1",
                id, helder_record_get_type_name (mine), -1, error))
        goto fail;
    }
  if (choice == HELDER_KEEP_BOTH)
    {
      g_autofree char *copy_id = g_uuid_string_random ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gboolean changed;

      helder_record_set_id (mine, copy_id);
      helder_record_set_version (mine, 0);
      if (!helder_store_write_local (self, mine, now, &changed, error))
        goto fail;
      helder_store_changes_add (changes, helder_record_get_type_name (mine), copy_id);
    }

  if (!helder_store_sync_run (self, "DELETE FROM conflicts WHERE record_id = ?", id, NULL, -1, error) ||
      !helder_store_exec (self, "COMMIT", error))
    goto fail;

  helder_store_changes_add (changes, helder_record_class_get_type_name (g_type_class_peek (type)), id);
  helder_store_changes_add (changes, "conflict", id);
  helder_store_changes_emit (self, changes);
  return TRUE;

fail:
  helder_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}
