/* helder-store-salvage.c: what still reads in a damaged store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "helder-store-private.h"

/* SQLite reads a damaged store only as far as it trusts it: a write-ahead
 * log is used up to its first frame that fails its checksum (so 8 KB of
 * noise early in the log hides every change after it, the user's latest
 * work), and a file whose schema or b-tree is damaged does not open.
 *
 * So the kept files are read here as bytes, never written: the image of
 * their pages (helder-store-image.c: the file with what still reads of
 * its log) is read cell by cell, every table leaf page of it, without
 * trusting the tree above it.  A row
 * says what it is: record rows carry their type name in their second
 * column, and the outbox, the bases and the conflicts have shapes of their
 * own.  What decodes is written into a fresh store through SQLite, whose
 * constraints turn away what is still nonsense; where one row was found
 * twice (a page and its newer copy), the newer version wins.
 *
 * The fresh store then syncs from library version 0: whatever did not come
 * back, and every stale row, comes from the server again, while the
 * changes that were not on the server wait in the outbox as they did. */

#define LEAF_TABLE_PAGE 0x0d

/* Rows */

typedef struct
{
  int           type;     /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL */
  gint64        integer;
  double        real;
  const guint8 *bytes;
  gsize         length;
} Value;

typedef struct
{
  guint8 *payload;        /* owned: the values point into it */
  GArray *values;         /* Value */
} Row;

static void
row_free (Row *row)
{
  g_free (row->payload);
  g_array_unref (row->values);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

static gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             guint64       *out)
{
  guint64 value = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (*p >= end)
        return FALSE;
      if (i == 8)
        {
          value = (value << 8) | *(*p)++;
          break;
        }
      value = (value << 7) | (**p & 0x7f);
      if ((*(*p)++ & 0x80) == 0)
        break;
    }
  *out = value;
  return TRUE;
}

/* The values of a record, or NULL when its bytes do not add up. */
static Row *
decode_record (guint8 *payload,
               gsize   length)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (Value));
  const guint8 *p = payload, *end = payload + length;
  const guint8 *header_end, *body;
  guint64 header_length;
  Row *row;

  if (!read_varint (&p, end, &header_length) || header_length > length || header_length < 1)
    return NULL;
  header_end = payload + header_length;
  body = header_end;

  while (p < header_end)
    {
      static const guint8 int_sizes[] = { 0, 1, 2, 3, 4, 6, 8 };
      Value value = { SQLITE_NULL, 0, 0, NULL, 0 };
      guint64 serial;

      if (!read_varint (&p, header_end, &serial) || serial == 10 || serial == 11)
        return NULL;

      if (serial >= 1 && serial <= 6)
        {
          guint size = int_sizes[serial];
          gint64 v;

          if (body + size > end)
            return NULL;
          v = (gint8) body[0];
          for (guint i = 1; i < size; i++)
            v = (v << 8) | body[i];
          value.type = SQLITE_INTEGER;
          value.integer = v;
          body += size;
        }
      else if (serial == 7)
        {
          guint64 bits = 0;

          if (body + 8 > end)
            return NULL;
          for (guint i = 0; i < 8; i++)
            bits = (bits << 8) | body[i];
          value.type = SQLITE_FLOAT;
          memcpy (&value.real, &bits, sizeof bits);
          body += 8;
        }
      else if (serial == 8 || serial == 9)
        {
          value.type = SQLITE_INTEGER;
          value.integer = serial - 8;
        }
      else if (serial >= 12)
        {
          gsize size = (serial - 12) / 2;

          if (size > (gsize) (end - body))
            return NULL;
          value.type = serial % 2 ? SQLITE_TEXT : SQLITE_BLOB;
          value.bytes = body;
          value.length = size;
          /* Text that is not UTF-8 is damage, not data. */
          if (value.type == SQLITE_TEXT && !g_utf8_validate ((const char *) body, size, NULL))
            return NULL;
          body += size;
        }
      g_array_append_val (values, value);
    }
  if (body != end)
    return NULL;

  row = g_new0 (Row, 1);
  row->payload = payload;
  row->values = g_steal_pointer (&values);
  return row;
}

/* The payload of the cell at @cell of a table leaf page (its overflow
 * pages followed), or NULL when it does not read. */
static guint8 *
read_cell (const HelderStoreImage *image,
           const guint8 *page,
           const guint8 *cell,
           gsize        *length)
{
  const guint8 *p = cell, *end = page + image->usable;
  guint64 size, rowid;
  gsize usable = image->usable, max_local = usable - 35, local, copied;
  guint32 next;
  guint8 *payload;

  if (!read_varint (&p, end, &size) || !read_varint (&p, end, &rowid) || size == 0 || size > (1u << 30))
    return NULL;

  local = size;
  if (size > max_local)
    {
      gsize min_local = ((usable - 12) * 32 / 255) - 23;
      gsize k = min_local + ((size - min_local) % (usable - 4));

      local = k <= max_local ? k : min_local;
    }
  if (p + local + (local < size ? 4 : 0) > end)
    return NULL;

  payload = g_malloc (size);
  memcpy (payload, p, local);
  copied = local;
  next = local < size ? helder_be32 (p + local) : 0;
  for (guint hops = 0; copied < size; hops++)
    {
      const guint8 *overflow;
      gsize take;

      if (next == 0 || next > image->n_pages || hops > image->n_pages ||
          (overflow = image->pages[next - 1]) == NULL)
        {
          g_free (payload);
          return NULL;
        }
      take = MIN (size - copied, usable - 4);
      memcpy (payload + copied, overflow + 4, take);
      copied += take;
      next = helder_be32 (overflow);
    }

  *length = size;
  return payload;
}

/* What the scan found: the best copy of each row, by table. */
typedef struct
{
  GHashTable *records;     /* "type id" → Row */
  GHashTable *outbox;      /* id → Row */
  GHashTable *bases;       /* id → Row */
  GHashTable *conflicts;   /* id → Row */
  guint       unreadable;  /* cells that did not decode */
} Found;

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->records, g_hash_table_unref);
  g_clear_pointer (&found->outbox, g_hash_table_unref);
  g_clear_pointer (&found->bases, g_hash_table_unref);
  g_clear_pointer (&found->conflicts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

static const Value *
value_at (Row   *row,
          guint  i)
{
  return i < row->values->len ? &g_array_index (row->values, Value, i) : NULL;
}

static gboolean
is_text (const Value *value)
{
  return value != NULL && value->type == SQLITE_TEXT;
}

static gboolean
is_integer (const Value *value)
{
  return value != NULL && value->type == SQLITE_INTEGER;
}

static gboolean
text_is (const Value *value,
         const char  *text)
{
  return is_text (value) && value->length == strlen (text) && memcmp (value->bytes, text, value->length) == 0;
}

static char *
text_of (const Value *value)
{
  return is_text (value) ? g_strndup ((const char *) value->bytes, value->length) : NULL;
}

/* A record id (a UUID) and a type this Helder knows in the first two
 * columns: the start of every row worth salvaging. */
static gboolean
row_is_about_a_record (Row *row)
{
  g_autofree char *id = text_of (value_at (row, 0));
  g_autofree char *type = text_of (value_at (row, 1));

  return id != NULL && type != NULL && g_uuid_string_is_valid (id) &&
         helder_record_type_from_name (type) != G_TYPE_INVALID;
}

/* Which copy of a row to keep: the higher number in column @column (the
 * server's version, an outbox generation), then the later text in column
 * @tie (an updated-at or detected-at). */
static gboolean
newer (Row   *row,
       Row   *than,
       guint  column,
       gint   tie)
{
  const Value *a = value_at (row, column), *b = value_at (than, column);
  g_autofree char *ta = NULL, *tb = NULL;

  if (is_integer (a) && is_integer (b) && a->integer != b->integer)
    return a->integer > b->integer;
  if (tie < 0)
    return FALSE;
  ta = text_of (value_at (row, tie));
  tb = text_of (value_at (than, tie));
  return g_strcmp0 (ta, tb) > 0;
}

static void
keep (GHashTable *table,
      char       *key,
      Row        *row,
      guint       column,
      gint        tie)
{
  Row *old = g_hash_table_lookup (table, key);

  if (old == NULL || newer (row, old, column, tie))
    g_hash_table_insert (table, key, row);
  else
    {
      g_free (key);
      row_free (row);
    }
}

static void
sort_row (Found *found,
          Row   *row)
{
  guint n = row->values->len;

  if (!row_is_about_a_record (row))
    {
      row_free (row);
      return;
    }

  /* id, type, version, deleted, updated_by, updated_at, visibility, fields… */
  if (n >= 7 && is_integer (value_at (row, 2)) && is_integer (value_at (row, 3)) &&
      (text_is (value_at (row, 6), "org") || text_is (value_at (row, 6), "private")))
    keep (found->records, g_strdup_printf ("%.*s %.*s", (int) value_at (row, 1)->length,
                                           value_at (row, 1)->bytes, (int) value_at (row, 0)->length,
                                           value_at (row, 0)->bytes),
          row, 2, 5);
  /* outbox: record_id, record_type, generation, queued_at, batch_key */
  else if (n == 5 && is_integer (value_at (row, 2)) && is_text (value_at (row, 3)))
    keep (found->outbox, text_of (value_at (row, 0)), row, 2, -1);
  /* record_base: record_id, record_type, version, deleted, data */
  else if (n == 5 && is_integer (value_at (row, 2)) && is_integer (value_at (row, 3)) &&
           is_text (value_at (row, 4)))
    keep (found->bases, text_of (value_at (row, 0)), row, 2, -1);
  /* conflicts: record_id, record_type, kind, reason, server, detected_at */
  else if (n == 6 && (text_is (value_at (row, 2), "conflict") || text_is (value_at (row, 2), "rejected")))
    keep (found->conflicts, text_of (value_at (row, 0)), row, 2, 5);
  else
    row_free (row);
}

static void
scan_pages (const HelderStoreImage *image,
            Found       *found)
{
  for (guint number = 1; number <= image->n_pages; number++)
    {
      const guint8 *page = image->pages[number - 1];
      const guint8 *header;
      guint n_cells, start;

      if (page == NULL || image->is_free[number - 1])
        continue;
      header = page + (number == 1 ? 100 : 0);
      if (header[0] != LEAF_TABLE_PAGE)
        continue;
      n_cells = helder_be16 (header + 3);
      start = (header - page) + 8;
      if (start + 2 * n_cells > image->usable)
        {
          found->unreadable++;
          continue;
        }

      for (guint k = 0; k < n_cells; k++)
        {
          guint offset = helder_be16 (header + 8 + 2 * k);
          guint8 *payload;
          gsize length;
          Row *row;

          if (offset < start + 2 * n_cells || offset >= image->usable ||
              (payload = read_cell (image, page, page + offset, &length)) == NULL)
            {
              found->unreadable++;
              continue;
            }
          if ((row = decode_record (payload, length)) == NULL)
            {
              g_free (payload);
              found->unreadable++;
              continue;
            }
          sort_row (found, row);
        }
    }
}

/* Writing what was found */

/* The column names of each record table at schema @version, in order:
 * rows of an older file have the columns of its own version. */
static GHashTable *
columns_at_version (guint    version,
                    GError **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_strfreev);
  const GType *types = helder_record_types ();
  sqlite3 *db = NULL;

  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "No memory for a schema");
      sqlite3_close (db);
      return NULL;
    }
  for (guint v = 1; v <= version; v++)
    if (sqlite3_exec (db, helder_store_schema_migration (v), NULL, NULL, NULL) != SQLITE_OK)
      {
        g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED,
                     "Could not build the schema of data version %u: %s", v, sqlite3_errmsg (db));
        sqlite3_close (db);
        return NULL;
      }

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      const char *name = helder_record_class_get_type_name (g_type_class_peek (types[i]));
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", name);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_finalize (stmt);
      g_hash_table_insert (columns, g_strdup (name), g_strv_builder_end (builder));
    }
  sqlite3_close (db);
  return g_steal_pointer (&columns);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           param,
            const Value  *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, param, value->integer);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, param, value->real);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, param, (const char *) value->bytes, value->length, SQLITE_STATIC);
      break;
    case SQLITE_BLOB:
      sqlite3_bind_blob (stmt, param, value->bytes, value->length, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null (stmt, param);
      break;
    }
}

/* INSERT INTO @table (@columns[0..n_values)) VALUES (the row's values) */
static gboolean
insert_row (HelderStore        *fresh,
            const char         *table,
            const char * const *columns,
            Row                *row)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (columns == NULL || row->values->len > g_strv_length ((char **) columns))
    return FALSE;
  g_string_append_printf (sql, "INSERT OR REPLACE INTO \"%s\" (", table);
  for (guint i = 0; i < row->values->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->values->len; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if ((stmt = helder_store_prepare (fresh, sql->str, NULL)) == NULL)
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    bind_value (stmt, i + 1, value_at (row, i));
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
run_with_id (HelderStore *fresh,
             const char  *sql,
             const char  *id,
             const char  *type)
{
  sqlite3_stmt *stmt = helder_store_prepare (fresh, sql, NULL);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (type != NULL)
    sqlite3_bind_text (stmt, 2, type, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  return ok;
}

/* A record with no outbox row that still differs from what the server
 * last confirmed (or was never on it) was a local edit whose outbox row
 * did not read: it is queued again.  One older than its base is a stale
 * copy, which the next sync replaces. */
static gboolean
is_unqueued_edit (HelderStore *fresh,
                  GType        type,
                  const char  *id,
                  Row         *base)
{
  g_autoptr(HelderRecord) record = helder_store_load_row (fresh, type, id, NULL);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *base_data = NULL;

  if (record == NULL)
    return FALSE;
  if (helder_record_get_version (record) == 0)
    return TRUE;
  if (base == NULL || value_at (base, 2)->integer != helder_record_get_version (record))
    return FALSE;
  if ((value_at (base, 3)->integer != 0) != helder_record_get_deleted (record))
    return TRUE;

  data = helder_record_to_json_data (record);
  mine = json_node_init_object (json_node_alloc (), data);
  base_data = text_of (value_at (base, 4));
  theirs = json_from_string (base_data, NULL);
  return theirs == NULL || !json_node_equal (mine, theirs);
}

static gboolean
write_found (HelderStore         *fresh,
             Found               *found,
             GHashTable          *columns,
             HelderSalvageReport *report,
             GError             **error)
{
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *queued_at = g_date_time_format_iso8601 (now);
  GHashTableIter iter;
  Row *row;

  if (!helder_store_exec (fresh, "BEGIN IMMEDIATE", error))
    return FALSE;

  g_hash_table_iter_init (&iter, found->records);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *type = text_of (value_at (row, 1));

      if (insert_row (fresh, type, g_hash_table_lookup (columns, type), row))
        {
          g_hash_table_insert (saved, text_of (value_at (row, 0)), (gpointer) g_intern_string (type));
          report->records++;
        }
      else
        report->unreadable++;
    }

  /* The outbox, the bases and the conflicts of the records that came back */
  g_hash_table_iter_init (&iter, found->outbox);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *id = text_of (value_at (row, 0));
      sqlite3_stmt *stmt;

      if (!g_hash_table_contains (saved, id))
        continue;
      stmt = helder_store_prepare (fresh, "INSERT OR REPLACE INTO outbox (record_id, record_type, generation, "
                                          "queued_at) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      for (guint i = 0; i < 4; i++)
        bind_value (stmt, i + 1, value_at (row, i));
      if (sqlite3_step (stmt) == SQLITE_DONE)
        report->unsynced++;
      sqlite3_reset (stmt);
    }
  g_hash_table_iter_init (&iter, found->bases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *id = text_of (value_at (row, 0));
      const char *type = g_hash_table_lookup (saved, id);

      if (type != NULL)
        insert_row (fresh, "record_base", (const char * const[]) { "record_id", "record_type", "version",
                                                                  "deleted", "data", NULL }, row);
    }
  g_hash_table_iter_init (&iter, found->conflicts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *id = text_of (value_at (row, 0));

      if (g_hash_table_contains (saved, id) &&
          insert_row (fresh, "conflicts", (const char * const[]) { "record_id", "record_type", "kind",
                                                                  "reason", "server", "detected_at", NULL }, row))
        report->unsynced++;
    }

  /* Local edits whose outbox row was lost */
  {
    const char *id, *type;

    g_hash_table_iter_init (&iter, saved);
    while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &type))
      {
        if (g_hash_table_contains (found->outbox, id) || g_hash_table_contains (found->conflicts, id) ||
            !is_unqueued_edit (fresh, helder_record_type_from_name (type), id,
                               g_hash_table_lookup (found->bases, id)))
          continue;
        if (!run_with_id (fresh, "INSERT OR IGNORE INTO outbox (record_id, record_type, queued_at) "
                                 "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", id, type))
          {
            g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Could not queue %s again", id);
            goto fail;
          }
        report->unsynced++;
      }
  }

  if (!helder_store_exec (fresh, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  helder_store_exec (fresh, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * helder_store_recovery_salvage:
 * @fresh: from helder_store_recovery_begin()
 * @damaged_path: the damaged store (its -wal is read too), left as it is
 * @report: (out caller-allocates): what came back
 *
 * Takes every record row that still reads from the damaged files, with
 * their outbox, into @fresh.
 */
gboolean
helder_store_recovery_salvage (HelderStore          *fresh,
                               const char           *damaged_path,
                               HelderSalvageReport  *report,
                               GError              **error)
{
  HelderStoreImage image;
  g_auto(Found) found = { 0 };
  g_autoptr(GHashTable) columns = NULL;
  guint version;

  g_return_val_if_fail (HELDER_IS_STORE (fresh), FALSE);
  g_return_val_if_fail (damaged_path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!helder_store_image_load (&image, damaged_path, error))
    return FALSE;

  found.records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  found.outbox = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  found.bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  found.conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  scan_pages (&image, &found);
  g_debug ("Salvage of %s: %u pages (%u from the log), %u record rows, %u in the outbox",
           damaged_path, image.n_pages, image.frames_used, g_hash_table_size (found.records),
           g_hash_table_size (found.outbox));

  /* A header that does not read: assume the rows are of this version. */
  version = image.version >= 1 && image.version <= HELDER_STORE_SCHEMA_VERSION
              ? image.version : HELDER_STORE_SCHEMA_VERSION;
  columns = columns_at_version (version, error);
  if (columns == NULL || !write_found (fresh, &found, columns, report, error))
    {
      helder_store_image_clear (&image);
      return FALSE;
    }
  report->unreadable += found.unreadable;
  helder_store_image_clear (&image);
  return TRUE;
}
