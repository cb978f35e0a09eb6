/* test-store.c: the local store and the record model
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "helder-example-data.h"
#include "model/helder-records.h"
#include "store/helder-store-private.h"
#include "store/helder-store-sync.h"

#include "store-fixture.h"

/* A record of @type with every field set to a valid, non-default value,
 * varied by @seed. */
static HelderRecord *
make_full_record (GType type,
                  int   seed)
{
  HelderRecord *record = helder_record_new (type);
  guint n_fields;
  const HelderField *fields = helder_record_class_get_fields (HELDER_RECORD_GET_CLASS (record), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const HelderField *f = &fields[i];
      g_autofree char *prop = g_strdelimit (g_strdup (f->name), "_", '-');

      switch (f->kind)
        {
        case HELDER_FIELD_INTEGER:
          g_object_set (record, prop, seed % 2 ? f->max : f->min + 1, NULL);
          break;
        case HELDER_FIELD_BOOLEAN:
          g_object_set (record, prop, seed % 2 == 0, NULL);
          break;
        case HELDER_FIELD_DATE:
          g_object_set (record, prop, seed % 2 ? "2026-11-28" : "2027-02-01", NULL);
          break;
        case HELDER_FIELD_CHOICE:
          g_object_set (record, prop, f->choices[seed % g_strv_length ((char **) f->choices)], NULL);
          break;
        case HELDER_FIELD_LIST:
          {
            const char *list[] = { "één", seed % 2 ? "twee" : "drie", NULL };
            g_object_set (record, prop, list, NULL);
          }
          break;
        case HELDER_FIELD_JSON:
          g_object_set (record, prop, seed % 2 ? "[{\"kanaal\":\"Post\"}]" : "{\"a\":1}", NULL);
          break;
        default:
          {
            g_autofree char *text = g_strdup_printf ("%s “%d” ‘zó’", f->name, seed);
            g_object_set (record, prop, text, NULL);
          }
          break;
        }
    }

  return record;
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migrate_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  const GType *types = helder_record_types ();

  g_assert_no_error (error);
  g_assert_cmpuint (helder_store_get_schema_version (store), ==, HELDER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, HELDER_STORE_SCHEMA_VERSION);
  g_assert_true (helder_store_is_empty (store));

  {
    g_autofree char *mode = sql_text (fixture->path, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }

  /* Every field of every type has its column, and every type has the
   * sync columns. */
  for (guint t = 0; types[t] != G_TYPE_INVALID; t++)
    {
      HelderRecordClass *klass = g_type_class_peek (types[t]);
      const char *sync_columns[] = { "id", "type", "version", "deleted", "updated_by", "updated_at", "visibility" };
      guint n_fields;
      const HelderField *fields = helder_record_class_get_fields (klass, &n_fields);

      for (guint i = 0; i < G_N_ELEMENTS (sync_columns); i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'",
                                                  helder_record_class_get_type_name (klass), sync_columns[i]);
          g_assert_cmpint (sql_int (fixture->path, sql), ==, 1);
        }
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'",
                                                  helder_record_class_get_type_name (klass), fields[i].name);
          if (sql_int (fixture->path, sql) != 1)
            g_error ("%s.%s has no column", helder_record_class_get_type_name (klass), fields[i].name);
        }
    }
}

static void
test_crud_every_type (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  const GType *types = helder_record_types ();
  guint n_written = 0;

  g_assert_no_error (error);
  helder_store_set_user (store, "sanne");

  for (guint t = 0; types[t] != G_TYPE_INVALID; t++)
    {
      g_autoptr(HelderRecord) record = make_full_record (types[t], 1);
      g_autoptr(HelderRecord) loaded = NULL;
      g_autoptr(HelderRecord) changed = NULL;
      g_autoptr(GListModel) list = NULL;
      HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (record);
      const char *id = helder_record_get_id (record);
      guint n_fields;
      const HelderField *fields = helder_record_class_get_fields (klass, &n_fields);

      /* Create */
      g_assert_true (helder_store_save (store, record, &error));
      g_assert_no_error (error);
      n_written++;
      g_assert_cmpuint (helder_store_count_outbox (store), ==, n_written);
      g_assert_cmpstr (helder_record_get_updated_by (record), ==, "sanne");
      g_assert_nonnull (helder_record_get_updated_at (record));

      /* Read */
      loaded = helder_store_load (store, types[t], id, &error);
      g_assert_no_error (error);
      g_assert_true (helder_record_equal_data (record, loaded));
      g_assert_cmpstr (helder_record_get_id (loaded), ==, id);
      g_assert_cmpint (helder_record_get_version (loaded), ==, 0);
      g_assert_cmpstr (helder_record_get_updated_by (loaded), ==, "sanne");
      g_assert_cmpuint (helder_store_count (store, types[t]), ==, 1);

      /* Update: every field to another value */
      changed = make_full_record (types[t], 2);
      helder_record_set_id (changed, id);
      g_assert_false (helder_record_equal_data (changed, loaded) && n_fields > 1);
      g_assert_true (helder_store_save (store, changed, &error));
      g_assert_no_error (error);
      g_clear_object (&loaded);
      loaded = helder_store_load (store, types[t], id, &error);
      g_assert_true (helder_record_equal_data (changed, loaded));
      /* Edits of one record collapse into one outbox row. */
      g_assert_cmpuint (helder_store_count_outbox (store), ==, n_written);
      {
        g_autofree char *sql = g_strdup_printf ("SELECT generation FROM outbox WHERE record_id = '%s'", id);
        g_assert_cmpint (sql_int (fixture->path, sql), ==, 2);
      }

      /* Delete: a tombstone, out of the lists, still readable. */
      g_assert_true (helder_store_delete (store, loaded, &error));
      g_assert_no_error (error);
      list = helder_store_list (store, types[t], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      g_assert_cmpuint (helder_store_count (store, types[t]), ==, 0);
      g_clear_object (&loaded);
      loaded = helder_store_load (store, types[t], id, &error);
      g_assert_no_error (error);
      g_assert_true (helder_record_get_deleted (loaded));

      (void) fields;
    }

  /* Outbox: one row per record, each written in the same transaction as
   * its record, with the record's type. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(DISTINCT record_type) FROM outbox"), ==, n_written);
}

static void
count_call (guint *n_calls)
{
  (*n_calls)++;
}

static void
test_unchanged_save_writes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(HelderRecord) record = make_full_record (HELDER_TYPE_PRIORITY, 3);
  g_autoptr(HelderRecord) again = NULL;
  guint n_changed = 0;

  g_signal_connect_swapped (store, "changed::priority", G_CALLBACK (count_call), &n_changed);

  g_assert_true (helder_store_save (store, record, &error));
  g_assert_cmpuint (n_changed, ==, 1);

  again = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (record), &error);
  g_assert_true (helder_store_save (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT generation FROM outbox WHERE record_id = '%s'",
                                            helder_record_get_id (record));
    g_assert_cmpint (sql_int (fixture->path, sql), ==, 1);
  }
}

static void
test_invalid_record_writes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(HelderRecord) good = make_full_record (HELDER_TYPE_TOPIC, 1);
  g_autoptr(HelderRecord) untitled = helder_record_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) bad_date = make_full_record (HELDER_TYPE_TOPIC, 1);
  g_autoptr(HelderRecord) bad_utf8 = make_full_record (HELDER_TYPE_TOPIC, 1);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  g_object_set (bad_date, "next-review", "2026-02-30", NULL);
  g_object_set (bad_utf8, "summary", "caf\xc3", NULL);

  g_assert_false (helder_store_save (store, untitled, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "topic.title"));
  g_clear_error (&error);

  g_assert_false (helder_store_save (store, bad_date, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "topic.next_review"));
  g_clear_error (&error);

  g_assert_false (helder_store_save (store, bad_utf8, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* A batch is all or nothing. */
  g_ptr_array_add (batch, good);
  g_ptr_array_add (batch, untitled);
  g_assert_false (helder_store_save_all (store, batch, &error));
  g_clear_error (&error);

  g_assert_true (helder_store_is_empty (store));
  g_assert_cmpuint (helder_store_count_outbox (store), ==, 0);
}

static void
test_json_round_trip (void)
{
  const GType *types = helder_record_types ();

  for (guint t = 0; types[t] != G_TYPE_INVALID; t++)
    {
      g_autoptr(HelderRecord) record = make_full_record (types[t], 1);
      g_autoptr(HelderRecord) copy = helder_record_new (types[t]);
      g_autoptr(JsonObject) data = helder_record_to_json_data (record);
      g_autoptr(GError) error = NULL;

      g_assert_true (helder_record_set_from_json_data (copy, data, &error));
      g_assert_no_error (error);
      g_assert_true (helder_record_equal_data (record, copy));
    }
}

static void
test_json_errors_name_the_field (void)
{
  static const struct { const char *json; const char *expected; } cases[] = {
    { "{\"title\": \"x\", \"rank\": \"eerste\"}", "priority.rank: must be an integer" },
    { "{\"title\": \"x\", \"rank\": 5000}", "priority.rank: out of range" },
    { "{\"title\": 12}", "priority.title: must be a string" },
    { "{\"title\": \"\"}", "priority.title: is required" },
    { "{\"title\": \"x\", \"quarters\": [1, 2]}", "priority.quarters: must be an array of strings" },
    { "{\"title\": \"x\", \"status\": \"klaar\"}", "priority.status: is not one of the allowed values" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HelderRecord) record = helder_record_new (HELDER_TYPE_PRIORITY);
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;

      g_object_set (record, "title", "unchanged", NULL);
      g_assert_false (helder_record_set_from_json_data (record, json_node_get_object (node), &error));
      g_assert_error (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (error->message, ==, cases[i].expected);
      /* A failed update leaves the record as it was. */
      g_assert_cmpstr (helder_record_get_text (record, "title"), ==, "unchanged");
    }
}

static void
test_wire_errors (void)
{
  static const struct { const char *json; const char *expected; } cases[] = {
    { "{\"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": {}}", "type: a string is required" },
    { "{\"type\": \"raadsvoorstel\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": {}}", "type: unknown record type \"raadsvoorstel\"" },
    { "{\"type\": \"priority\", \"id\": \"42\", \"data\": {}}", "id: a UUID is required" },
    { "{\"type\": \"priority\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": []}", "data: an object is required" },
    { "{\"type\": \"priority\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"visibility\": \"public\", \"data\": {\"title\": \"x\"}}", "visibility: must be \"org\" or \"private\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HelderRecord) record = helder_record_new_from_wire (json_node_get_object (node), &error);

      g_assert_null (record);
      g_assert_cmpstr (error->message, ==, cases[i].expected);
    }
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_left_untouched (const char *path,
                       GQuark      domain,
                       int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gsize before_len, after_len;

  before = read_file (path, &before_len);
  store = helder_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "untouched"));
  g_test_message ("%s", error->message);

  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (had_wal, ==, g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(HelderRecord) record = make_full_record (HELDER_TYPE_CHANNEL, 1);
  sqlite3 *db;

  helder_store_save (store, record, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_left_untouched (fixture->path, HELDER_STORE_ERROR, HELDER_STORE_ERROR_TOO_NEW);
}

static void
test_corrupt_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_no_error (error);
  helder_example_data_load (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Fold the WAL in and leave journal mode so the file stands alone. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Scribble over the second page: a b-tree page of some table. */
  contents = read_file (fixture->path, &length);
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 4096 + 8, 0x5a, 2048);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  assert_left_untouched (fixture->path, HELDER_STORE_ERROR, HELDER_STORE_ERROR_CORRUPT);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Dit is geen database, maar een boodschappenlijst.\n"
                                      "\xff\xfe binary \x01\x02\x03", -1, &error);
  g_assert_no_error (error);

  assert_left_untouched (fixture->path, HELDER_STORE_ERROR, HELDER_STORE_ERROR_CORRUPT);
}

/* The writer half of test_killed_writer, run in a child process: saves
 * records in a loop and prints each id once its transaction committed. */
static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; ; i++)
    {
      g_autoptr(HelderRecord) record = make_full_record (i % 2 ? HELDER_TYPE_SIGNAL : HELDER_TYPE_MESSAGE, i);

      if (!helder_store_save (store, record, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("%s %s\n", helder_record_get_type_name (record), helder_record_get_id (record));
      fflush (stdout);
    }
  return 0;
}

static const char *test_binary;

static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HelderStore) store = NULL;
  g_autofree char *integrity = NULL;
  char *line;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             test_binary, "--writer", fixture->path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

  /* Let it commit a few hundred records, then kill it mid-stride. */
  while (committed->len < 300 &&
         (line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    g_ptr_array_add (committed, line);
  g_assert_no_error (error);
  g_subprocess_send_signal (writer, SIGKILL);
  /* Lines it printed before the signal landed are committed too. */
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    g_ptr_array_add (committed, line);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
  g_assert_cmpuint (committed->len, >=, 300);

  integrity = sql_text (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < committed->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (committed, i), " ", 2);
      g_autoptr(HelderRecord) record = NULL;

      record = helder_store_load (store, helder_record_type_from_name (parts[0]), parts[1], &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
    }
  g_test_message ("%u committed records survived SIGKILL", committed->len);
  /* Every record has its outbox row: written in the same transaction. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM outbox"), ==,
                   sql_int (fixture->path, "SELECT (SELECT count(*) FROM message) + (SELECT count(*) FROM signal)"));
}

static void
test_example_data (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GListModel) channels = NULL;
  const char *expected[] = { "Newsroom", "Post", "Inbox", "Webcare", "Fixi", "Telefonie",
                             "Receptie", "MijnOverheid", "Omgevingsloket", "Contactfunctionarissen", NULL };

  g_assert_true (helder_example_data_load (store, &error));
  g_assert_no_error (error);
  g_assert_false (helder_store_is_empty (store));

  channels = helder_store_list (store, HELDER_TYPE_CHANNEL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 15);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (channels); j++)
        {
          g_autoptr(HelderRecord) channel = g_list_model_get_item (channels, j);
          found |= g_strcmp0 (helder_record_get_text (channel, "name"), expected[i]) == 0;
        }
      g_assert_true (found);
    }

  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_PRIORITY), >=, 3);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_TOPIC), >=, 3);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_MESSAGE), >=, 3);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_WORKS), >=, 2);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), >=, 2);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_TOOLKIT), >=, 3);
  /* It went through the store API: every record waits in the outbox. */
  g_assert_cmpint (helder_store_count_outbox (store), ==,
                   sql_int (fixture->path, "SELECT count(*) FROM outbox"));
  g_assert_cmpint (helder_store_count_outbox (store), >=, 50);
}

/* A record whose id came before takes the new file's fields over its own. */
static void
test_example_data_overlay (void)
{
  static const char json[] =
    "{\"records\": ["
    " {\"type\": \"channel\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\","
    "  \"data\": {\"name\": \"Post\", \"cost\": 3, \"digital\": false}},"
    " {\"type\": \"audience\", \"id\": \"1d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": {\"name\": \"65+\"}},"
    " {\"type\": \"channel\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\","
    "  \"data\": {\"key\": \"post\", \"cost\": 4}}"
    "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = helder_example_data_parse (bytes, &error);
  HelderRecord *channel;

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  channel = g_ptr_array_index (records, 0);
  g_assert_cmpstr (helder_record_get_text (channel, "name"), ==, "Post");
  g_assert_cmpstr (helder_record_get_text (channel, "key"), ==, "post");
  g_assert_cmpint (helder_record_get_int (channel, "cost"), ==, 4);
}

static void
test_example_data_malformed (void)
{
  static const char *inputs[] = {
    "{\"records\": [",
    "[]",
    "{\"records\": {}}",
    "{\"records\": [42]}",
    "{\"records\": [{\"type\": \"channel\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": {\"name\": \"Post\", \"cost\": 9}}]}",
    "{\"records\": [{\"type\": \"channel\", \"id\": \"7d2a1c9e-3b8f-4f6a-9c1d-2e5b7a8f9c0d\", \"data\": {\"name\": \"\xc3\x28\"}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = helder_example_data_parse (bytes, &error);

      g_assert_null (records);
      g_assert_nonnull (error);
      {
        g_autofree char *escaped = g_strescape (inputs[i], NULL);
        g_test_message ("%s: %s", escaped, error->message);
      }
    }
}

/* A change the server refused, undone ("Undo My Change" is keep theirs
 * without a server copy): the record is as the server has it again, and
 * one the server never had is gone. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, NULL);
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) invented = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) undone = NULL;
  g_autoptr(HelderRecord) gone = NULL;

  g_object_set (priority, "title", "Betaalbaar wonen", "rank", 1, NULL);
  g_assert_true (helder_store_save (store, priority, NULL));
  fixture_push_all (store);

  g_object_set (priority, "title", "Wonen voor iedereen", NULL);
  g_object_set (invented, "title", "Nieuw van mij", NULL);
  g_assert_true (helder_store_save (store, priority, NULL));
  g_assert_true (helder_store_save (store, invented, NULL));
  g_assert_true (fixture_answer_push (store, "rejected"));
  g_assert_cmpuint (helder_store_count_conflicts (store), ==, 2);

  g_assert_true (helder_store_resolve_conflict (store, helder_record_get_id (priority), HELDER_KEEP_THEIRS, NULL));
  g_assert_true (helder_store_resolve_conflict (store, helder_record_get_id (invented), HELDER_KEEP_THEIRS, NULL));
  g_assert_cmpuint (helder_store_count_conflicts (store), ==, 0);
  undone = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (priority), NULL);
  g_assert_cmpstr (helder_record_get_title (undone), ==, "Betaalbaar wonen");
  g_assert_cmpint (helder_record_get_version (undone), ==, 1);
  gone = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (invented), NULL);
  g_assert_true (helder_record_get_deleted (gone));
  g_assert_cmpuint (helder_store_count_outbox (store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  test_binary = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("migrate/empty", test_migrate_empty);
  ADD ("crud/every-type", test_crud_every_type);
  ADD ("crud/unchanged", test_unchanged_save_writes_nothing);
  ADD ("crud/invalid", test_invalid_record_writes_nothing);
  ADD ("open/newer-schema", test_newer_schema);
  ADD ("open/corrupt", test_corrupt_file);
  ADD ("open/not-a-database", test_not_a_database);
  ADD ("crash/killed-writer", test_killed_writer);
  ADD ("conflict/undo-refused", test_undo_refused);
  ADD ("example-data/load", test_example_data);
#undef ADD
  g_test_add_func ("/record/json/round-trip", test_json_round_trip);
  g_test_add_func ("/record/json/errors", test_json_errors_name_the_field);
  g_test_add_func ("/record/wire/errors", test_wire_errors);
  g_test_add_func ("/example-data/malformed", test_example_data_malformed);
  g_test_add_func ("/example-data/overlay", test_example_data_overlay);

  return g_test_run ();
}
