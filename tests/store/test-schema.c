/* test-schema.c: the store's schema, as the field tables generate it
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "model/helder-records.h"
#include "store/helder-store-private.h"

#include "store-fixture.h"

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Appends every row of @sql, its columns joined by "|". */
static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *prefix,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (out, prefix);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text ? text : "");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* What a schema means, whatever the spacing of the SQL that made it: the
 * tables with their columns (type, NOT NULL, default, key), their CHECK
 * constraints, and the indexes with their columns. */
static char *
describe_schema (const char *path)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *columns = g_strdup_printf ("SELECT cid, name, type, \"notnull\", dflt_value, pk "
                                                  "FROM pragma_table_info('%s')", name);
      g_autoptr(GRegex) check = g_regex_new ("CHECK \\(([^()]|\\([^()]*\\))*\\)", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_string_append_printf (out, "table %s\n", name);
      append_rows (out, db, "  ", columns);
      g_regex_match (check, sql, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *text = g_match_info_fetch (match, 0);

          g_string_append_printf (out, "  %s\n", text);
          g_match_info_next (match, NULL);
        }
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, tbl_name FROM sqlite_master "
                                           "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *columns = g_strdup_printf ("SELECT seqno, name FROM pragma_index_info('%s')", name);

      g_string_append_printf (out, "index %s on %s\n", name, sqlite3_column_text (stmt, 1));
      append_rows (out, db, "  ", columns);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* Released migrations never change: what versions 1 to 5 make is what
 * Helder 0.1 made (tests/store/schema-v5.txt). */
static void
test_released_schema (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open_at_version (fixture->path, 5, &error);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "store", "schema-v5.txt", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  actual = describe_schema (fixture->path);
  if (g_getenv ("HELDER_WRITE_SCHEMA") != NULL)
    g_file_set_contents (g_getenv ("HELDER_WRITE_SCHEMA"), actual, -1, NULL);
  g_assert_cmpstr (actual, ==, expected);
}

/* Every live field has its column, every table its sync columns; retired
 * fields are columns but not properties. */
static void
test_columns_from_fields (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autofree char *schema = NULL;
  const GType *types = helder_record_types ();

  g_assert_no_error (error);
  g_clear_object (&store);
  schema = describe_schema (fixture->path);

  for (guint t = 0; types[t] != G_TYPE_INVALID; t++)
    {
      HelderRecordClass *klass = g_type_class_peek (types[t]);
      const char *name = helder_record_class_get_type_name (klass);
      g_autofree char *table = g_strdup_printf ("table %s\n", name);
      const char *at = strstr (schema, table);
      const char *end;
      g_autofree char *columns = NULL;
      const HelderField *fields;
      guint n;

      g_assert_nonnull (at);
      end = strstr (at + 1, "\ntable ");
      columns = g_strndup (at, end ? (gsize) (end - at) : strlen (at));
      fields = helder_record_class_get_schema_fields (klass, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *column = g_strdup_printf ("|%s|", fields[i].name);
          g_autofree char *prop = g_strdelimit (g_strdup (fields[i].name), "_", '-');
          gboolean retired = (fields[i].flags & HELDER_FIELD_RETIRED) != 0;

          if (strstr (columns, column) == NULL)
            g_error ("%s.%s has no column", name, fields[i].name);
          g_assert_true ((g_object_class_find_property (G_OBJECT_CLASS (klass), prop) == NULL) == retired);
          g_assert_true ((helder_record_class_find_field (klass, fields[i].name) == NULL) == retired);
        }
      for (guint i = 0; i < 7; i++)
        {
          const char *sync[] = { "id", "type", "version", "deleted", "updated_by", "updated_at", "visibility" };
          g_autofree char *column = g_strdup_printf ("|%s|", sync[i]);

          g_assert_nonnull (strstr (columns, column));
        }
      g_assert_nonnull (strstr (columns, "CHECK (visibility IN ('org', 'private'))"));
    }
}

/* A row that an older Helder wrote (only the columns of its version) reads
 * after the migrations, its new fields at their defaults. */
static void
test_migrate_older (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint from = 1; from < HELDER_STORE_SCHEMA_VERSION; from++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HelderStore) old = NULL;
      g_autoptr(HelderStore) store = NULL;
      g_autoptr(HelderRecord) message = NULL;
      g_autoptr(HelderRecord) word = NULL;
      const char *id = "0b5cf0b6-4a38-4d5c-9a55-1e4f4bb9f0a1";
      const char *word_id = "8f7c1e3a-5b2d-4a49-8f0e-3c1d2b4a5e6f";
      sqlite3 *db;

      g_remove (fixture->path);
      old = helder_store_open_at_version (fixture->path, from, &error);
      g_assert_no_error (error);
      g_clear_object (&old);

      db = open_db (fixture->path);
      exec (db, "INSERT INTO message (id, title, status, urgency, legal_effect, audiences, window_start) "
                "VALUES ('0b5cf0b6-4a38-4d5c-9a55-1e4f4bb9f0a1', 'Brief aan “omwonenden”', 'draft', 2, 1, "
                "'[\"één\",\"twee\"]', '2027-01-11');"
                "INSERT INTO dictionary_word (id, word, scope) "
                "VALUES ('8f7c1e3a-5b2d-4a49-8f0e-3c1d2b4a5e6f', 'Hillezon', 'org');"
                "INSERT INTO outbox (record_id, record_type, queued_at) "
                "VALUES ('0b5cf0b6-4a38-4d5c-9a55-1e4f4bb9f0a1', 'message', '2026-12-01T10:00:00Z');");
      sqlite3_close (db);

      store = helder_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (helder_store_get_schema_version (store), ==, HELDER_STORE_SCHEMA_VERSION);
      message = helder_store_load (store, HELDER_TYPE_MESSAGE, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (helder_record_get_text (message, "title"), ==, "Brief aan “omwonenden”");
      g_assert_cmpstr (helder_record_get_text (message, "status"), ==, "draft");
      g_assert_cmpint (helder_record_get_int (message, "urgency"), ==, 2);
      g_assert_true (helder_record_get_bool (message, "legal_effect"));
      g_assert_cmpstr (helder_record_get_list (message, "audiences")[1], ==, "twee");
      /* fields of version 6 */
      g_assert_null (helder_record_get_text (message, "author"));
      g_assert_false (helder_record_get_bool (message, "omgevingswet"));
      g_assert_cmpint (helder_record_get_int (message, "complexity"), ==, 1);
      g_assert_cmpuint (helder_store_count_outbox (store), ==, 1);
      /* version 3 made every house-style word a spelling word */
      word = helder_store_load (store, HELDER_TYPE_DICTIONARY_WORD, word_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (helder_record_get_text (word, "kind"), ==, from < 3 ? "spelling" : NULL);
    }
}

/* The types of version 6 work in a store migrated from version 5. */
static void
test_new_types_after_migration (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) old = helder_store_open_at_version (fixture->path, 5, &error);
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(HelderRecord) registration = helder_record_new (HELDER_TYPE_REGISTRATION);
  g_autoptr(HelderRecord) training = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) loaded = NULL;
  g_autoptr(JsonObject) data_json = NULL;

  g_assert_no_error (error);
  g_clear_object (&old);
  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_object_set (training, "title", "Schrijven op B1-niveau", "capacity", 12,
                "ends-at", "2027-01-14T12:00:00+01:00", NULL);
  g_object_set (registration, "training", helder_record_get_id (training), "user", "sanne",
                "requested-at", "2026-12-02T09:00:00+01:00", NULL);
  g_assert_true (helder_store_save (store, training, &error));
  g_assert_true (helder_store_save (store, registration, &error));
  g_assert_no_error (error);
  loaded = helder_store_load (store, HELDER_TYPE_REGISTRATION, helder_record_get_id (registration), &error);
  g_assert_no_error (error);
  g_assert_true (helder_record_equal_data (registration, loaded));
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_REGISTRATION), ==, 1);

  /* A retired field is not part of the record's data any more. */
  data_json = helder_record_to_json_data (training);
  g_assert_false (json_object_has_member (data_json, "registrations"));
  g_assert_true (json_object_has_member (data_json, "ends_at"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/schema/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("released", test_released_schema);
  ADD ("columns-from-fields", test_columns_from_fields);
  ADD ("migrate-older", test_migrate_older);
  ADD ("new-types-after-migration", test_new_types_after_migration);

  return g_test_run ();
}
