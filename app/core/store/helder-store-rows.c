/* helder-store-rows.c: the store's rows as records, and the reads
 *
 * How a record type maps to its table (its fields after the sync
 * columns), how a row becomes a record and a record a row, and the
 * store's read API: load one, load many, list, count.
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "helder-store-private.h"
#include "model/helder-record-private.h"

/* Sync columns, in the order every query selects them. */
#define SYNC_COLUMNS "id, version, deleted, updated_by, updated_at, visibility"
#define N_SYNC_COLUMNS 6

static HelderRecordClass *
record_class (GType type)
{
  return g_type_class_peek (type) ? g_type_class_peek (type) : g_type_class_ref (type);
}

static char *
field_columns (HelderRecordClass *klass)
{
  GString *s = g_string_new (SYNC_COLUMNS);

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (s, ", %s", klass->fields[i].name);
  return g_string_free (s, FALSE);
}

static char *
select_sql (HelderRecordClass *klass,
            gboolean           by_id)
{
  g_autofree char *columns = field_columns (klass);

  if (by_id)
    return g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?", columns, klass->type_name);
  return g_strdup_printf ("SELECT %s FROM \"%s\" WHERE deleted = 0", columns, klass->type_name);
}

/* Rows ↔ records */

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

/* NULL for an empty list, as a record holds one it was never given */
static GStrv
strv_from_json (const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  /* Most lists are empty: they are not parsed for nothing (that was a
   * third of reading 5,000 messages) */
  if (text == NULL || g_str_equal (text, "[]"))
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);

      if (s != NULL)
        g_strv_builder_add (builder, s);
    }
  {
    GStrv strv = g_strv_builder_end (builder);

    if (strv[0] == NULL)
      g_clear_pointer (&strv, g_strfreev);
    return strv;
  }
}

static HelderRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  HelderRecord *record = helder_record_new (type);
  HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (record);
  const char *updated_at = (const char *) sqlite3_column_text (stmt, 4);
  const char *visibility = (const char *) sqlite3_column_text (stmt, 5);
  GValue *values;

  helder_record_set_id (record, (const char *) sqlite3_column_text (stmt, 0));
  helder_record_set_version (record, sqlite3_column_int64 (stmt, 1));
  helder_record_set_deleted (record, sqlite3_column_int (stmt, 2) != 0);
  helder_record_set_updated_by (record, (const char *) sqlite3_column_text (stmt, 3));
  if (updated_at != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (updated_at, NULL);
      helder_record_set_updated_at (record, dt);
    }
  helder_record_set_visibility (record, g_strcmp0 (visibility, "private") == 0
                                          ? HELDER_VISIBILITY_PRIVATE
                                          : HELDER_VISIBILITY_ORG);

  /* A record nobody holds yet: its values are filled in place, without
   * a property's set and notify for each field */
  values = helder_record_ensure_values (record);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      int col = N_SYNC_COLUMNS + i;
      GValue *value = &values[i];

      switch (klass->fields[i].kind)
        {
        case HELDER_FIELD_INTEGER:
          g_value_set_int (value, CLAMP (sqlite3_column_int (stmt, col),
                                         klass->fields[i].min, klass->fields[i].max));
          break;
        case HELDER_FIELD_BOOLEAN:
          g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
          break;
        case HELDER_FIELD_LIST:
          g_value_take_boxed (value, strv_from_json ((const char *) sqlite3_column_text (stmt, col)));
          break;
        default:
          g_value_set_string (value, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
    }

  return record;
}

static void
bind_record (sqlite3_stmt *stmt,
             HelderRecord *record)
{
  HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (record);
  GDateTime *updated_at = helder_record_get_updated_at (record);
  g_autofree char *updated_at_text = updated_at ? g_date_time_format_iso8601 (updated_at) : NULL;

  sqlite3_bind_text (stmt, 1, helder_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, helder_record_get_version (record));
  sqlite3_bind_int (stmt, 3, helder_record_get_deleted (record));
  sqlite3_bind_text (stmt, 4, helder_record_get_updated_by (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, updated_at_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, helder_record_get_visibility (record) == HELDER_VISIBILITY_PRIVATE
                                ? "private" : "org", -1, SQLITE_STATIC);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *v = helder_record_get_field_value (record, i);
      int param = N_SYNC_COLUMNS + 1 + i;

      switch (klass->fields[i].kind)
        {
        case HELDER_FIELD_INTEGER:
          sqlite3_bind_int (stmt, param, g_value_get_int (v));
          break;
        case HELDER_FIELD_BOOLEAN:
          sqlite3_bind_int (stmt, param, g_value_get_boolean (v));
          break;
        case HELDER_FIELD_LIST:
          sqlite3_bind_text (stmt, param, strv_to_json (g_value_get_boxed (v)), -1, g_free);
          break;
        default:
          sqlite3_bind_text (stmt, param, g_value_get_string (v), -1, SQLITE_TRANSIENT);
          break;
        }
    }
}

static char *
upsert_sql (HelderRecordClass *klass)
{
  g_autofree char *columns = field_columns (klass);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO \"%s\" (%s) VALUES (?", klass->type_name, columns);
  for (guint i = 1; i < N_SYNC_COLUMNS + klass->n_fields; i++)
    g_string_append (s, ", ?");
  g_string_append (s, ") ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
                      "deleted = excluded.deleted, updated_by = excluded.updated_by, "
                      "updated_at = excluded.updated_at, visibility = excluded.visibility");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (s, ", %s = excluded.%s", klass->fields[i].name, klass->fields[i].name);
  return g_string_free (s, FALSE);
}

/* Inserts or replaces @record's row as it is; @what names the write in
 * the error. */
gboolean
helder_store_upsert (HelderStore   *self,
                     HelderRecord  *record,
                     const char    *what,
                     GError       **error)
{
  g_autofree char *sql = upsert_sql (HELDER_RECORD_GET_CLASS (record));
  sqlite3_stmt *stmt = helder_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_record (stmt, record);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return helder_store_sqlite_error (error, helder_store_get_db (self), rc, what);
  return TRUE;
}

static HelderRecord *
load_row (HelderStore  *self,
          GType         type,
          const char   *id,
          GError      **error)
{
  g_autofree char *sql = select_sql (record_class (type), TRUE);
  sqlite3_stmt *stmt = helder_store_prepare (self, sql, error);
  HelderRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (type, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND,
                 "No %s with id %s", record_class (type)->type_name, id);
  else
    helder_store_sqlite_error (error, helder_store_get_db (self), rc, "Could not read a record");
  sqlite3_reset (stmt);
  return record;
}

HelderRecord *
helder_store_load_row (HelderStore  *self,
                       GType         type,
                       const char   *id,
                       GError      **error)
{
  return load_row (self, type, id, error);
}

/* Writes @record as it is (version, updated_*, deleted): a copy from the
 * server, not a local edit. */
gboolean
helder_store_write_row (HelderStore   *self,
                        HelderRecord  *record,
                        GError       **error)
{
  return helder_store_upsert (self, record, "Could not store a record from the server", error);
}

HelderRecord *
helder_store_load (HelderStore  *self,
                   GType         type,
                   const char   *id,
                   GError      **error)
{
  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_row (self, type, id, error);
}

/**
 * helder_store_load_many:
 * @ids: (array zero-terminated=1): record ids
 *
 * Reads the records of @type with these ids in one query, deleted ones
 * too (a live list needs to see tombstones); ids the store does not have
 * are left out.
 *
 * Returns: (transfer container) (element-type HelderRecord): the records,
 *   in no particular order, or %NULL with @error set
 */
GPtrArray *
helder_store_load_many (HelderStore         *self,
                        GType                type,
                        const char * const  *ids,
                        GError             **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *columns = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  columns = field_columns (record_class (type));
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id IN (SELECT value FROM json_each (?))",
                         columns, record_class (type)->type_name);
  if ((stmt = helder_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, strv_to_json (ids), -1, g_free);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      helder_store_sqlite_error (error, helder_store_get_db (self), rc, "Could not read records");
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* Reads the rows of @stmt (bound already) as records of @type. */
static GPtrArray *
read_rows (HelderStore   *self,
           GType          type,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      helder_store_sqlite_error (error, helder_store_get_db (self), rc, "Could not list records");
      return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
helder_store_list_rows (HelderStore  *self,
                        GType         type,
                        GError      **error)
{
  g_autofree char *sql = select_sql (record_class (type), FALSE);
  sqlite3_stmt *stmt;

  if ((stmt = helder_store_prepare (self, sql, error)) == NULL)
    return NULL;
  return read_rows (self, type, stmt, error);
}

/* Whether @name is a text field of @type: only such names go into SQL. */
static gboolean
is_text_field (GType       type,
               const char *name)
{
  const HelderField *field = helder_record_class_find_field (record_class (type), name);

  return field != NULL && field->kind != HELDER_FIELD_INTEGER && field->kind != HELDER_FIELD_BOOLEAN &&
         field->kind != HELDER_FIELD_LIST;
}

/**
 * helder_store_list_span:
 * @start_field: a date field of @type (YYYY-MM-DD, a time may follow)
 * @end_field: (nullable): the date field where the span ends; %NULL
 *   for a span of one day
 * @from: (nullable): YYYY-MM-DD, the first day; %NULL for no bound
 * @until: (nullable): the last day; %NULL for no bound
 *
 * Reads only the records of @type, not deleted, whose span from
 * @start_field to @end_field meets the days @from to @until: dates
 * compare by their first ten characters, an empty start or end is the
 * other's day, and a record with neither is left out.  The rows that
 * do not meet it are never made into records: a rule that needs the
 * coming two weeks of 5,000 messages reads those.
 *
 * Returns: (transfer container) (element-type HelderRecord): the
 *   records in the order the pages show them, or %NULL with @error set
 */
GPtrArray *
helder_store_list_span (HelderStore  *self,
                        GType         type,
                        const char   *start_field,
                        const char   *end_field,
                        const char   *from,
                        const char   *until,
                        GError      **error)
{
  g_autofree char *columns = NULL, *sql = NULL, *start = NULL, *end = NULL;
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);
  g_return_val_if_fail (start_field != NULL && is_text_field (type, start_field), NULL);
  g_return_val_if_fail (end_field == NULL || is_text_field (type, end_field), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (end_field == NULL)
    end_field = start_field;
  start = g_strdup_printf ("substr (coalesce (nullif (%s, ''), nullif (%s, '')), 1, 10)", start_field, end_field);
  end = g_strdup_printf ("substr (coalesce (nullif (%s, ''), nullif (%s, '')), 1, 10)", end_field, start_field);
  columns = field_columns (record_class (type));
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE deleted = 0 AND %s IS NOT NULL"
                         " AND (?1 IS NULL OR %s >= ?1) AND (?2 IS NULL OR %s <= ?2)",
                         columns, record_class (type)->type_name, start, end, start);
  if ((stmt = helder_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, from ? MIN (strlen (from), 10) : 0, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, until ? MIN (strlen (until), 10) : 0, SQLITE_TRANSIENT);
  if ((records = read_rows (self, type, stmt, error)) == NULL)
    return NULL;
  helder_record_sort (records, type, NULL);
  return g_steal_pointer (&records);
}

/**
 * helder_store_list_equal:
 * @field: a text or choice field of @type
 * @value: what it holds
 *
 * Reads only the records of @type, not deleted, whose @field is @value
 * (the messages waiting for approval, say).
 *
 * Returns: (transfer container) (element-type HelderRecord): the
 *   records in the order the pages show them, or %NULL with @error set
 */
GPtrArray *
helder_store_list_equal (HelderStore  *self,
                         GType         type,
                         const char   *field,
                         const char   *value,
                         GError      **error)
{
  g_autofree char *columns = NULL, *sql = NULL;
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);
  g_return_val_if_fail (field != NULL && is_text_field (type, field), NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = field_columns (record_class (type));
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE deleted = 0 AND %s = ?",
                         columns, record_class (type)->type_name, field);
  if ((stmt = helder_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if ((records = read_rows (self, type, stmt, error)) == NULL)
    return NULL;
  helder_record_sort (records, type, NULL);
  return g_steal_pointer (&records);
}

/**
 * helder_store_list:
 *
 * A snapshot; pages show a #HelderRecordList, which follows the store.
 *
 * Returns: (transfer full): a #GListModel of the records of @type that
 *   are not deleted, in the order the pages show them.
 */
GListModel *
helder_store_list (HelderStore  *self,
                   GType         type,
                   GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GListStore *list;

  g_return_val_if_fail (HELDER_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);

  if ((records = helder_store_list_rows (self, type, error)) == NULL)
    return NULL;
  helder_record_sort (records, type, NULL);
  list = g_list_store_new (type);
  g_list_store_splice (list, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (list);
}

guint
helder_store_count (HelderStore *self,
                    GType        type)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_STORE (self), 0);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), 0);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted = 0",
                         record_class (type)->type_name);
  if ((stmt = helder_store_prepare (self, sql, NULL)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
helder_store_is_empty (HelderStore *self)
{
  const GType *types = helder_record_types ();

  g_return_val_if_fail (HELDER_IS_STORE (self), TRUE);

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    if (helder_store_count (self, types[i]) > 0)
      return FALSE;
  return TRUE;
}

guint
helder_store_count_outbox (HelderStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_STORE (self), 0);

  if ((stmt = helder_store_prepare (self, "SELECT count(*) FROM outbox", NULL)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
