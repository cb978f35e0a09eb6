/* test-store-recovery.c: damaged stores on disk are noticed, kept and restored
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "store/helder-store-private.h"
#include "store/helder-store-recovery.h"
#include "store/helder-store-sync.h"
#include "store-fixture.h"

/* Every test works on real SQLite files in a folder of its own: the store
 * as Helder left it, a copy of its files taken while it was open (what a
 * crash leaves: the file, its write-ahead log and the key file), and that
 * copy damaged on disk. */

/* The fixture's store, and the name its crash copy goes by. */
static char *
crashed_path (Fixture *fixture)
{
  return g_build_filename (fixture->dir, "crashed.db", NULL);
}

/* No flushing to disk: these files need not survive a power cut. */
static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static GBytes *
contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    return NULL;
  return g_bytes_new_take (data, length);
}

static GBytes *
companion (const char *path,
           const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  return contents (file);
}

/* What a crash leaves: the store's files as they are while it is open. */
static void
copy_files (const char *from,
            const char *to)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".state" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GBytes) bytes = companion (from, suffixes[i]);
      g_autofree char *target = g_strconcat (to, suffixes[i], NULL);

      g_remove (target);
      if (bytes != NULL)
        write_file (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

static HelderRecord *
make_signal (guint i)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_SIGNAL);
  g_autofree char *text = g_strdup_printf ("Melding %u over de Hoofdstraat: losse tegel bij nummer %u", i, i * 7);

  g_object_set (record, "date", "2026-11-28", "channel", "Fixi", "text", text, NULL);
  return record;
}

/* @n signals, one save each (as a user makes them), and three long
 * documents, whose texts take overflow pages. */
static GPtrArray *
fill (HelderStore *store,
      guint        n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) record = make_signal (i);

      g_assert_true (helder_store_save (store, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (helder_record_get_id (record)));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
      g_autoptr(GString) body = g_string_new (NULL);

      while (body->len < 30000 * (i + 1))
        g_string_append_printf (body, "Zin %" G_GSIZE_FORMAT " van een lange brief aan de bewoners van de wijk. ", body->len);
      g_object_set (document, "title", "Bewonersbrief", "body", body->str, NULL);
      g_assert_true (helder_store_save (store, document, &error));
      g_ptr_array_add (ids, g_strdup (helder_record_get_id (document)));
    }
  return ids;
}

/* How many records (signals and documents) SQLite itself reads in the
 * files at @path. */
static gint64
sqlite_count (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM signal) + (SELECT count(*) FROM document)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length,
           guint8      byte)
{
  g_autoptr(GBytes) bytes = contents (path);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (offset + length, <=, g_bytes_get_size (bytes));
  memset (data + offset, byte, length);
  write_file (path, data, g_bytes_get_size (bytes));
}

/* Opening @path fails with @code and leaves the file and its log exactly
 * as they were. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(GBytes) db = contents (path);
  g_autoptr(GBytes) wal = companion (path, "-wal");
  g_autoptr(GBytes) db_after = NULL;
  g_autoptr(GBytes) wal_after = NULL;

  store = helder_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HELDER_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "untouched"));
  g_test_message ("%s", error->message);

  db_after = contents (path);
  wal_after = companion (path, "-wal");
  g_assert_true ((db == NULL) == (db_after == NULL));
  g_assert_true (db == NULL || g_bytes_equal (db, db_after));
  g_assert_true ((wal == NULL) == (wal_after == NULL));
  g_assert_true (wal == NULL || g_bytes_equal (wal, wal_after));
}

/* Restores the damaged store at @path from its own files, checks that the
 * damaged files are kept byte for byte, and returns what came back. */
static HelderSalvageReport
restore_from_copy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) fresh = helder_store_recovery_begin (path, &error);
  g_autoptr(HelderStore) restored = NULL;
  g_autoptr(GBytes) db = contents (path);
  g_autoptr(GBytes) wal = companion (path, "-wal");
  g_autofree char *kept = NULL;
  HelderSalvageReport report;

  g_assert_no_error (error);
  g_assert_true (helder_store_recovery_salvage (fresh, path, &report, &error));
  g_assert_no_error (error);
  g_assert_true (helder_store_recovery_finish (fresh, path, &kept, &error));
  g_assert_no_error (error);
  g_test_message ("%u records and %u unsynced changes came back, %u rows did not read; kept as %s",
                  report.records, report.unsynced, report.unreadable, kept);

  /* The damaged files, as they were */
  g_assert_nonnull (strstr (kept, ".damaged-"));
  {
    g_autoptr(GBytes) kept_db = contents (kept);
    g_autoptr(GBytes) kept_wal = companion (kept, "-wal");

    g_assert_true (db == NULL || g_bytes_equal (db, kept_db));
    g_assert_true (wal == NULL || g_bytes_equal (wal, kept_wal));
  }

  /* The restored store opens as the store, holding what came back. */
  restored = helder_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_auto(HelderStoreFacts) facts = { 0 };

    g_assert_true (helder_store_count_facts (helder_store_get_db (restored), &facts));
    g_assert_cmpuint (facts.records, ==, report.records);
    g_assert_cmpuint (facts.unsynced, ==, report.unsynced);
  }
  /* It pulls everything again on its next sync. */
  g_assert_cmpint (helder_store_get_library_version (restored), ==, 0);
  return report;
}

static void
test_remembers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *crashed = crashed_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_auto(HelderStoreFacts) facts = { 0 };
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_assert_true (helder_store_facts_load (fixture->path, &facts));
  g_assert_nonnull (facts.id);
  g_assert_cmpuint (facts.records, ==, 0);
  id = g_strdup (facts.id);

  /* The first edit after a clean state is written down at once… */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(HelderRecord) record = make_signal (i);

      g_assert_true (helder_store_save (store, record, &error));
      g_assert_true (helder_store_facts_load (fixture->path, &facts));
      g_assert_cmpint (facts.edits, ==, 1);
    }
  g_assert_cmpuint (facts.records, ==, 1);
  g_assert_cmpuint (facts.unsynced, ==, 1);

  /* …then every few edits… */
  {
    g_autoptr(HelderRecord) record = make_signal (8);

    helder_store_save (store, record, NULL);
  }
  g_assert_true (helder_store_facts_load (fixture->path, &facts));
  g_assert_cmpint (facts.edits, ==, 9);
  g_assert_cmpuint (facts.records, ==, 9);

  /* …and on closing. */
  {
    g_autoptr(HelderRecord) record = make_signal (9);

    helder_store_save (store, record, NULL);
  }
  g_clear_object (&store);
  g_assert_true (helder_store_facts_load (fixture->path, &facts));
  g_assert_cmpint (facts.edits, ==, 10);
  g_assert_cmpuint (facts.records, ==, 10);
  g_assert_cmpstr (facts.id, ==, id);
  g_assert_nonnull (facts.at);

  /* A store that is fine opens, and so does a crash copy that is intact. */
  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (fill (store, 20));
  copy_files (fixture->path, crashed);
  {
    g_autoptr(HelderStore) copy = helder_store_open (crashed, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (helder_store_count (copy, HELDER_TYPE_SIGNAL), ==, 30);
  }
}

static void
test_loss_rules (void)
{
  HelderStoreFacts was = { .id = "a", .records = 10, .unsynced = 2, .edits = 5 };
  HelderStoreFacts same = { .id = "a", .records = 10, .unsynced = 0, .edits = 5 };
  HelderStoreFacts more = { .id = "a", .records = 12, .unsynced = 4, .edits = 7 };
  HelderStoreFacts fewer = { .id = "a", .records = 9, .unsynced = 2, .edits = 5 };
  HelderStoreFacts undone = { .id = "a", .records = 10, .unsynced = 2, .edits = 4 };
  HelderStoreFacts other = { .id = "b", .records = 10, .unsynced = 2, .edits = 5 };
  HelderStoreFacts fresh = { 0 };
  HelderStoreFacts nothing = { .id = "a" };

  g_assert_false (helder_store_facts_show_loss (&was, &same));   /* synced */
  g_assert_false (helder_store_facts_show_loss (&was, &more));
  g_assert_true (helder_store_facts_show_loss (&was, &fewer));
  g_assert_true (helder_store_facts_show_loss (&was, &undone));  /* edits to old records lost */
  g_assert_true (helder_store_facts_show_loss (&was, &other));
  g_assert_true (helder_store_facts_show_loss (&was, &fresh));
  g_assert_false (helder_store_facts_show_loss (&nothing, &fresh));
}

/* The first case: after a crash, 8 KB of the write-ahead log are
 * noise.  SQLite reads the log only up to the damage and would open what
 * is left; Helder refuses it untouched, and restoring from the damaged
 * files brings back the changes after the damage too.  @folded signals
 * are saved and folded into the file, then @logged more stay in the log;
 * the damage starts at @where (0 to 1) of the log. */
static void
check_wal_damaged (Fixture *fixture,
                   guint    folded,
                   guint    logged,
                   double   where)
{
  g_autofree char *crashed = crashed_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *wal = g_strconcat (crashed, "-wal", NULL);
  g_autoptr(HelderStoreDamage) damage = NULL;
  g_auto(HelderStoreDamageText) text = { 0 };
  HelderSalvageReport report;
  GStatBuf st;
  gint64 sqlite_sees;
  goffset offset;
  guint n = folded + logged + (folded > 0 ? 6 : 3);   /* and three documents a fill */

  g_assert_no_error (error);
  /* Where the log ends does not depend on how many pages a save writes. */
  g_assert_true (helder_store_exec (store, "PRAGMA wal_autocheckpoint = 0", NULL));
  if (folded > 0)
    {
      g_ptr_array_unref (fill (store, folded));
      g_assert_true (helder_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
    }
  ids = fill (store, logged);
  copy_files (fixture->path, crashed);
  g_assert_cmpint (sqlite_count (crashed), ==, n);

  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  offset = 32 + (goffset) (where * (st.st_size - 32) / (24 + 4096)) * (24 + 4096) + 1000;
  g_test_message ("write-ahead log of %" G_GINT64_FORMAT " bytes, damaged from %" G_GINT64_FORMAT,
                  (gint64) st.st_size, (gint64) offset);
  overwrite (wal, offset, 8192, 0x5a);
  sqlite_sees = sqlite_count (crashed);
  g_test_message ("SQLite reads %" G_GINT64_FORMAT " of %u records", sqlite_sees, n);
  g_assert_cmpint (sqlite_sees, <=, n - 50);

  /* The crash, as the store finds it on the next start */
  g_clear_object (&store);
  copy_files (crashed, fixture->path);

  assert_refused_untouched (fixture->path, HELDER_STORE_ERROR_DATA_LOST);
  /* Again: nothing changed, the same answer. */
  assert_refused_untouched (fixture->path, HELDER_STORE_ERROR_DATA_LOST);

  {
    g_autoptr(GError) open_error = NULL;
    g_autoptr(HelderStore) refused = helder_store_open (fixture->path, &open_error);

    damage = helder_store_damage_new (fixture->path, open_error);
  }
  g_assert_nonnull (damage);
  g_assert_cmpint (damage->kind, ==, HELDER_STORE_DAMAGE_DATA_LOST);
  g_assert_true (damage->has_remembered);
  g_assert_cmpuint (damage->remembered.records, >=, n - 8);
  g_assert_cmpuint (damage->remembered.unsynced, ==, damage->remembered.records);
  g_assert_cmpuint (damage->found, ==, MAX (sqlite_sees, 0));
  helder_store_damage_describe (damage, &text);
  g_test_message ("%s", text.description);
  g_assert_nonnull (strstr (text.description, "helder.db"));
  g_assert_nonnull (strstr (text.server_choice, "changes that were not yet on the server"));

  report = restore_from_copy (fixture->path);
  /* Far more than SQLite reads, each with its outbox row: the frames
   * after the damage count. */
  g_assert_cmpuint (report.records, >=, n * 9 / 10);
  g_assert_cmpuint (report.unsynced, ==, report.records);
}

/* Everything is still in the log. */
static void
test_wal_damaged (Fixture       *fixture,
                  gconstpointer  data)
{
  check_wal_damaged (fixture, 0, 120, 0.25);
}

/* The log was folded into the file once and started again: the damage
 * hides everything since. */
static void
test_wal_damaged_after_checkpoint (Fixture       *fixture,
                                   gconstpointer  data)
{
  check_wal_damaged (fixture, 120, 110, 0.0);
}

/* What a crash leaves, unharmed, reads back whole: every row, the long
 * texts on their overflow pages, the outbox. */
static void
test_salvage_intact (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *crashed = crashed_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(HelderStore) fresh = NULL;
  HelderSalvageReport report;

  ids = fill (store, 300);
  copy_files (fixture->path, crashed);

  fresh = helder_store_recovery_begin (crashed, &error);
  g_assert_no_error (error);
  g_assert_true (helder_store_recovery_salvage (fresh, crashed, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.records, ==, 303);
  g_assert_cmpuint (report.unsynced, ==, 303);
  for (guint i = 0; i < ids->len; i++)
    {
      GType type = i < 300 ? HELDER_TYPE_SIGNAL : HELDER_TYPE_DOCUMENT;
      g_autoptr(HelderRecord) original = helder_store_load (store, type, ids->pdata[i], &error);
      g_autoptr(HelderRecord) back = helder_store_load (fresh, type, ids->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_true (helder_record_equal_data (original, back));
      g_assert_cmpstr (helder_record_get_updated_by (original), ==, helder_record_get_updated_by (back));
    }
  helder_store_recovery_abandon (fresh);
  g_assert_false (g_file_test (helder_store_get_path (fresh), G_FILE_TEST_EXISTS));
}

/* Noise anywhere, in the file or its log, forty times over (a thousand
 * with -m thorough): reading
 * the damaged files never reads outside them, never loops, never takes
 * more rows than there were, and takes most of them back. */
static void
test_salvage_random_damage (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *crashed = crashed_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *trial = g_build_filename (fixture->dir, "trial.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint total = 0, worst = G_MAXUINT;
  guint rounds = g_test_thorough () ? 1000 : 40;   /* -m thorough, under ASan */

  ids = fill (store, 150);
  /* Half of it folded into the file, half still in the log */
  g_assert_true (helder_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_ptr_array_unref (fill (store, 150));
  copy_files (fixture->path, crashed);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(HelderStore) fresh = NULL;
      HelderSalvageReport report;
      guint n_damages = g_rand_int_range (rand, 1, 4);

      copy_files (crashed, trial);
      for (guint d = 0; d < n_damages; d++)
        {
          g_autofree char *file = g_rand_boolean (rand) ? g_strdup (trial) : g_strconcat (trial, "-wal", NULL);
          g_autoptr(GBytes) bytes = contents (file);
          gsize size = g_bytes_get_size (bytes);
          gsize length = MIN (size, (gsize) g_rand_int_range (rand, 1, 8193));
          goffset offset = g_rand_int_range (rand, 0, size - length + 1);
          g_autofree guint8 *noise = g_new (guint8, length);

          for (gsize i = 0; i < length; i++)
            noise[i] = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 0, 256);
          {
            g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

            memcpy (copy + offset, noise, length);
            write_file (file, copy, size);
          }
        }

      fresh = helder_store_recovery_begin (trial, &error);
      g_assert_no_error (error);
      g_assert_true (helder_store_recovery_salvage (fresh, trial, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.records, <=, 306);
      total += report.records;
      worst = MIN (worst, report.records);
      helder_store_recovery_abandon (fresh);
    }
  g_test_message ("%u damaged copies: %u of 306 records back on average, %u at worst",
                  rounds, total / rounds, worst);
  g_assert_cmpuint (total / rounds, >=, 250);
}

/* The second case: the file cut to 0 bytes.  SQLite would take
 * it for a new database and delete the log beside it. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *crashed = crashed_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *wal = g_strconcat (crashed, "-wal", NULL);
  HelderSalvageReport report;

  ids = fill (store, 50);
  /* Closed cleanly: no log, only the key file remembers. */
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused_untouched (fixture->path, HELDER_STORE_ERROR_DATA_LOST);
  report = restore_from_copy (fixture->path);
  g_assert_cmpuint (report.records, ==, 0);

  /* After a crash, with its log: the log is kept, and everything in it
   * comes back. */
  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (fill (store, 50));
  copy_files (fixture->path, crashed);
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (crashed, "", 0, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_refused_untouched (crashed, HELDER_STORE_ERROR_DATA_LOST);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  report = restore_from_copy (crashed);
  g_test_message ("from the log alone: %u records", report.records);
  g_assert_cmpuint (report.records, ==, 53);
  g_assert_cmpuint (report.unsynced, ==, 53);
}

/* A file removed on purpose (SQLite never removes it) starts afresh. */
static void
test_removed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_auto(HelderStoreFacts) facts = { 0 };

  g_ptr_array_unref (fill (store, 5));
  g_clear_object (&store);
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (helder_store_is_empty (store));
  g_assert_true (helder_store_facts_load (fixture->path, &facts));
  g_assert_cmpuint (facts.records, ==, 0);
}

/* The third case: the schema page damaged, SQLite's message full
 * of its bytes.  The message reads, and the records still come back. */
static void
test_schema_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HelderStoreDamage) damage = NULL;
  g_auto(HelderStoreDamageText) text = { 0 };
  goffset at = -1;
  HelderSalvageReport report;

  ids = fill (store, 100);
  g_clear_object (&store);

  /* The name of a table in the schema, and its CREATE statement, turned
   * into bytes that are not UTF-8. */
  bytes = contents (fixture->path);
  for (gsize i = 0; i + 17 < g_bytes_get_size (bytes) && at < 0; i++)
    if (memcmp ((const char *) g_bytes_get_data (bytes, NULL) + i, "tablesignalsignal", 17) == 0)
      at = i;
  g_assert_cmpint (at, >, 0);
  overwrite (fixture->path, at + 5, 3, 0xff);

  {
    g_autoptr(HelderStore) refused = helder_store_open (fixture->path, &error);

    g_assert_null (refused);
  }
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "malformed database schema"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  assert_refused_untouched (fixture->path, HELDER_STORE_ERROR_CORRUPT);

  damage = helder_store_damage_new (fixture->path, error);
  g_assert_nonnull (damage);
  g_assert_cmpint (damage->kind, ==, HELDER_STORE_DAMAGE_CORRUPT);
  helder_store_damage_describe (damage, &text);
  g_assert_true (g_utf8_validate (text.description, -1, NULL));
  g_assert_nonnull (strstr (text.description, "malformed database schema"));

  report = restore_from_copy (fixture->path);
  g_assert_cmpuint (report.records, ==, 103);
  g_assert_cmpuint (report.unsynced, ==, 103);
}

/* A file that is not writable, in a folder that is: it opens read-only,
 * says so, and refuses every edit before SQLite sees it. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(HelderRecord) loaded = NULL;
  g_autoptr(HelderRecord) record = make_signal (1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) state_before = NULL;
  g_autoptr(GBytes) state_after = NULL;

  ids = fill (store, 10);
  g_assert_false (helder_store_is_read_only (store));
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = contents (fixture->path);
  state_before = companion (fixture->path, ".state");

  store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (helder_store_is_read_only (store));
  loaded = helder_store_load (store, HELDER_TYPE_SIGNAL, ids->pdata[3], &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_SIGNAL), ==, 10);

  g_assert_false (helder_store_save (store, record, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_false (helder_store_delete (store, loaded, &error));
  g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = contents (fixture->path);
  state_after = companion (fixture->path, ".state");
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_bytes_equal (state_before, state_after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/store/recovery/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("remembers", test_remembers);
  ADD ("wal-damaged", test_wal_damaged);
  ADD ("wal-damaged-after-checkpoint", test_wal_damaged_after_checkpoint);
  ADD ("salvage-intact", test_salvage_intact);
  ADD ("salvage-random-damage", test_salvage_random_damage);
  ADD ("truncated", test_truncated);
  ADD ("removed", test_removed);
  ADD ("schema-damaged", test_schema_damaged);
  ADD ("read-only", test_read_only);
#undef ADD
  g_test_add_func ("/store/recovery/loss-rules", test_loss_rules);

  return g_test_run ();
}
