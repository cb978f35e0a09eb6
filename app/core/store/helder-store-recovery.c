/* helder-store-recovery.c: noticing a store that lost data, and bringing it back
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "helder-store-private.h"

/* SQLite survives a crash of the app, but not everything around it: a
 * power cut on a disk that lies about flushing, a sync tool or a backup
 * program that copies half a file back.  Then the write-ahead log fails
 * its checksums, or the file is cut to nothing, and SQLite quietly opens
 * what is left: an empty store, which Helder would have filled with a new
 * schema while rewriting the log that still held the user's work.
 *
 * So the store remembers, in a small key file beside it (helder.db.state),
 * its own id, how many record rows it holds, how many of its changes are
 * not on the server, and how many local edits it ever saved.  None of
 * these goes down in normal use: a delete is a tombstone row, and the edit
 * counter only grows.  The file is written atomically at the moments that
 * matter (when the store opens, after a sync, when it closes, at the first
 * edit after a clean state and every few edits after), and read before
 * SQLite touches the store.  A store that is empty, another one (a new id),
 * or holds fewer rows or edits than remembered is refused with
 * HELDER_STORE_ERROR_DATA_LOST and left byte for byte as it is: the user
 * chooses to restore it from the server or from the damaged files, which
 * are kept aside either way (helder-store-salvage.c reads them). */

#define REMEMBER_EVERY 8   /* local edits between two writes of the key file */

void
helder_store_facts_clear (HelderStoreFacts *facts)
{
  g_clear_pointer (&facts->id, g_free);
  g_clear_pointer (&facts->at, g_date_time_unref);
  facts->records = facts->unsynced = 0;
  facts->edits = facts->library_version = 0;
}

gboolean
helder_store_facts_hold_something (const HelderStoreFacts *facts)
{
  return facts->records > 0 || facts->unsynced > 0 || facts->edits > 0;
}

static gboolean
facts_equal (const HelderStoreFacts *a,
             const HelderStoreFacts *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && a->records == b->records &&
         a->unsynced == b->unsynced && a->edits == b->edits &&
         a->library_version == b->library_version;
}

/**
 * helder_store_facts_show_loss:
 * @remembered: what the key file says the store held
 * @now: what the file holds
 *
 * Returns: whether @now lost something @remembered had: the store is
 *   another one (or a new file without an id), or holds fewer record rows
 *   or fewer local edits.  Rows and edits never go down in normal use, so
 *   any drop is a loss.
 */
gboolean
helder_store_facts_show_loss (const HelderStoreFacts *remembered,
                              const HelderStoreFacts *now)
{
  g_return_val_if_fail (remembered != NULL && now != NULL, FALSE);

  if (!helder_store_facts_hold_something (remembered))
    return FALSE;
  if (remembered->id != NULL && g_strcmp0 (remembered->id, now->id) != 0)
    return TRUE;
  return now->records < remembered->records || now->edits < remembered->edits;
}

char *
helder_store_state_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_strconcat (path, ".state", NULL);
}

/**
 * helder_store_facts_load:
 * @path: the store's file
 *
 * Reads what the key file beside @path remembers.
 *
 * Returns: whether there was a readable key file
 */
gboolean
helder_store_facts_load (const char       *path,
                         HelderStoreFacts *facts)
{
  g_autofree char *state = helder_store_state_path (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *at = NULL;

  helder_store_facts_clear (facts);
  if (!g_key_file_load_from_file (key_file, state, G_KEY_FILE_NONE, NULL))
    return FALSE;

  facts->id = g_key_file_get_string (key_file, "store", "id", NULL);
  facts->records = MAX (0, g_key_file_get_int64 (key_file, "store", "records", NULL));
  facts->unsynced = MAX (0, g_key_file_get_int64 (key_file, "store", "unsynced", NULL));
  facts->edits = MAX (0, g_key_file_get_int64 (key_file, "store", "edits", NULL));
  facts->library_version = g_key_file_get_int64 (key_file, "store", "library-version", NULL);
  at = g_key_file_get_string (key_file, "store", "at", NULL);
  facts->at = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  return TRUE;
}

static gboolean
facts_save (const char              *path,
            const HelderStoreFacts  *facts,
            GError                 **error)
{
  g_autofree char *state = helder_store_state_path (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *at = g_date_time_format_iso8601 (facts->at);
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_comment (key_file, NULL, NULL,
                          " What Helder's data file held at a moment that mattered, so that Helder\n"
                          " notices when the file loses data (after a crash or a power cut).\n"
                          " Written by Helder; safe to delete, never to edit.", NULL);
  if (facts->id != NULL)
    g_key_file_set_string (key_file, "store", "id", facts->id);
  g_key_file_set_int64 (key_file, "store", "records", facts->records);
  g_key_file_set_int64 (key_file, "store", "unsynced", facts->unsynced);
  g_key_file_set_int64 (key_file, "store", "edits", facts->edits);
  g_key_file_set_int64 (key_file, "store", "library-version", facts->library_version);
  g_key_file_set_string (key_file, "store", "at", at);
  data = g_key_file_to_data (key_file, &length, NULL);

  /* Written beside and renamed over, flushed first: the old file or the
   * new one, never half of either. */
  return g_file_set_contents_full (state, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Counting */

static gint64
query_number (sqlite3    *db,
              const char *sql,
              gboolean   *failed)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  /* A table a file of this age does not have yet holds nothing. */
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    *failed = TRUE;
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* What @db holds now.  Returns FALSE when a table does not read. */
gboolean
helder_store_count_facts (sqlite3          *db,
                          HelderStoreFacts *facts)
{
  const GType *types = helder_record_types ();
  gboolean failed = FALSE;

  helder_store_facts_clear (facts);
  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      HelderRecordClass *klass = g_type_class_peek (types[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              helder_record_class_get_type_name (klass));

      facts->records += query_number (db, sql, &failed);
    }
  facts->unsynced = query_number (db, "SELECT count(*) FROM outbox", &failed) +
                    query_number (db, "SELECT count(*) FROM conflicts", &failed);
  facts->edits = query_number (db, "SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'local_edits'",
                               &failed);
  facts->library_version = query_number (db, "SELECT CAST(value AS INTEGER) FROM sync_state "
                                             "WHERE key = 'library_version'", &failed);
  facts->id = query_text (db, "SELECT value FROM store_meta WHERE key = 'store_id'");
  return !failed;
}

/* Looking at a file before opening it */

gboolean
helder_store_file_is_read_only (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  /* The mode, not only access(): a file someone made read-only stays so
   * for an administrator too. */
  return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || g_access (path, W_OK) != 0;
}

/* A write-ahead log with frames in it: changes that were never folded
 * into the file. */
static gboolean
has_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* @detail is SQLite's: a damaged file puts its own bytes into it. */
static gboolean
refuse_corrupt (GError     **error,
                const char  *path,
                const char  *detail,
                char       **detail_out)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *valid = g_utf8_make_valid (detail ? detail : "?", -1);

  g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_CORRUPT,
               "%s is damaged or is not a Helder data file (%s); it was left untouched",
               display, valid);
  if (detail_out != NULL)
    *detail_out = g_steal_pointer (&valid);
  return FALSE;
}

static gboolean
refuse_lost (GError     **error,
             const char  *path,
             const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_DATA_LOST,
               "%s has lost data: %s; it was left untouched", display, detail);
  return FALSE;
}

/* Looks at an existing file without writing to it, and counts what it
 * holds.  Returns FALSE with a CORRUPT or TOO_NEW error when the file
 * must be left alone. */
static gboolean
inspect (const char        *path,
         gboolean           read_only,
         HelderStoreFacts  *facts,
         char             **detail,
         GError           **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *message = g_utf8_make_valid (sqlite3_errmsg (db), -1);

      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "%s: %s", path, message);
      goto out;
    }
  /* Closing the last connection would checkpoint a leftover WAL into the
   * main file: not on a file we have not accepted yet. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        refuse_corrupt (error, path, sqlite3_errmsg (db), detail);
      else
        {
          g_autofree char *message = g_utf8_make_valid (sqlite3_errmsg (db), -1);

          g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "%s: %s", path, message);
        }
      goto out;
    }
  version = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > HELDER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_TOO_NEW,
                   "%s was written by a newer version of Helder (data version %"
                   G_GINT64_FORMAT ", this version knows up to %d); it was left untouched",
                   path, version, HELDER_STORE_SCHEMA_VERSION);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      refuse_corrupt (error, path, sqlite3_errmsg (db), detail);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      refuse_corrupt (error, path, (const char *) sqlite3_column_text (stmt, 0), detail);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!helder_store_count_facts (db, facts))
    {
      refuse_corrupt (error, path, sqlite3_errmsg (db), detail);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

typedef enum
{
  FILE_MISSING,
  FILE_EMPTY,
  FILE_PRESENT,
} FileState;

/* The file at @path: what it holds, without SQLite where SQLite would
 * change it.  FALSE with @error when it cannot be read at all. */
static gboolean
look (const char        *path,
      gboolean           read_only,
      FileState         *state,
      HelderStoreFacts  *facts,
      char             **detail,
      GError           **error)
{
  GStatBuf st;

  helder_store_facts_clear (facts);
  *state = g_stat (path, &st) != 0 ? FILE_MISSING : st.st_size == 0 ? FILE_EMPTY : FILE_PRESENT;
  /* SQLite deletes the write-ahead log beside an empty file as it opens
   * it: an empty file is empty, no questions asked. */
  if (*state != FILE_PRESENT)
    return TRUE;
  return inspect (path, read_only, facts, detail, error);
}

/**
 * helder_store_check_file: (skip)
 * @found: (out caller-allocates): what the file holds, when it passes
 *
 * Before the store at @path is opened: refuses it, untouched, when it is
 * damaged or written by a newer Helder, or when it holds less than the key
 * file beside it remembers.
 */
gboolean
helder_store_check_file (const char        *path,
                         gboolean           read_only,
                         HelderStoreFacts  *found,
                         GError           **error)
{
  g_auto(HelderStoreFacts) remembered = { 0 };
  HelderStoreFacts *now = found;
  gboolean known = helder_store_facts_load (path, &remembered);
  FileState state;

  if (!look (path, read_only, &state, now, NULL, error))
    return FALSE;

  /* SQLite never removes its file: one that is gone was removed on
   * purpose, and its key file is replaced.  Unless its log is still
   * there, which SQLite would overwrite. */
  if (state == FILE_MISSING)
    return has_log (path) ? refuse_lost (error, path, "the file is gone, but its write-ahead log is there")
                          : TRUE;
  if (state == FILE_EMPTY && has_log (path))
    return refuse_lost (error, path, "it is empty, but its write-ahead log holds changes");

  if (known && helder_store_facts_show_loss (&remembered, now))
    {
      g_autofree char *at = remembered.at ? g_date_time_format_iso8601 (remembered.at) : g_strdup ("?");
      g_autofree char *detail =
        g_strdup_printf ("it holds %u records and %" G_GINT64_FORMAT " local edits (store %s), "
                         "but held %u and %" G_GINT64_FORMAT " (store %s) at %s",
                         now->records, now->edits, now->id ? now->id : "without an id",
                         remembered.records, remembered.edits,
                         remembered.id ? remembered.id : "without an id", at);

      return refuse_lost (error, path, detail);
    }
  return TRUE;
}

/**
 * helder_store_count_rows:
 *
 * Returns: every record row of the store, tombstones too (what the key
 *   file counts)
 */
guint
helder_store_count_rows (HelderStore *self)
{
  g_auto(HelderStoreFacts) facts = { 0 };

  g_return_val_if_fail (HELDER_IS_STORE (self), 0);

  helder_store_count_facts (helder_store_get_db (self), &facts);
  return facts.records;
}

/* Remembering */

/* Writes @now down (it is taken), unless the key file says just that. */
static gboolean
remember_facts (HelderStore       *self,
                HelderStoreFacts  *now,
                GError           **error)
{
  HelderStoreMemory *memory = helder_store_get_memory (self);

  memory->unremembered = 0;
  if (facts_equal (&memory->facts, now))
    {
      helder_store_facts_clear (now);
      return TRUE;
    }
  g_clear_pointer (&now->at, g_date_time_unref);
  now->at = g_date_time_new_now_utc ();
  if (!facts_save (helder_store_get_path (self), now, error))
    {
      helder_store_facts_clear (now);
      return FALSE;
    }
  helder_store_facts_clear (&memory->facts);
  memory->facts = *now;
  memset (now, 0, sizeof *now);
  return TRUE;
}

/* Once the store is open and writable: gives it an id (a new file, or one
 * from before ids) and notes what it holds, which @found counted as the
 * file was checked (a migration adds no rows that matter here; the next
 * moment that matters counts again). */
gboolean
helder_store_recovery_init (HelderStore       *self,
                            HelderStoreFacts  *found,
                            GError           **error)
{
  HelderStoreMemory *memory = helder_store_get_memory (self);
  g_autoptr(GError) local_error = NULL;

  if (found->id == NULL)
    {
      g_autofree char *sql = NULL;

      found->id = g_uuid_string_random ();
      found->edits = 0;
      sql = g_strdup_printf ("INSERT OR REPLACE INTO store_meta (key, value) "
                             "VALUES ('store_id', '%s'), ('local_edits', '0')", found->id);
      if (!helder_store_exec (self, sql, error))
        return FALSE;
    }

  helder_store_facts_load (helder_store_get_path (self), &memory->facts);
  memory->active = TRUE;
  /* Not being able to write it down is no reason to refuse the store. */
  if (!remember_facts (self, found, &local_error))
    g_message ("Could not note what %s holds: %s", helder_store_get_path (self), local_error->message);
  return TRUE;
}

/**
 * helder_store_remember:
 *
 * Writes down beside the store what it holds now (when that differs from
 * what the key file says): after a sync, on quit, and when many edits were
 * saved.  A read-only store writes nothing.
 */
gboolean
helder_store_remember (HelderStore  *self,
                       GError      **error)
{
  HelderStoreMemory *memory;
  g_auto(HelderStoreFacts) now = { 0 };

  g_return_val_if_fail (HELDER_IS_STORE (self), FALSE);

  memory = helder_store_get_memory (self);
  if (!memory->active || helder_store_get_db (self) == NULL)
    return TRUE;

  if (!helder_store_count_facts (helder_store_get_db (self), &now))
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED,
                   "Could not count what %s holds", helder_store_get_path (self));
      return FALSE;
    }
  return remember_facts (self, &now, error);
}

/* Inside the transaction of @n local edits. */
gboolean
helder_store_count_edits (HelderStore  *self,
                          guint         n,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (n == 0 || !helder_store_get_memory (self)->active)
    return TRUE;
  stmt = helder_store_prepare (self, "UPDATE store_meta SET value = CAST(value AS INTEGER) + ? "
                                     "WHERE key = 'local_edits'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, n);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_FAILED, "Could not count an edit");
      return FALSE;
    }
  return TRUE;
}

/* After @n local edits committed: the first after a clean state, and
 * every few after, are worth writing down. */
void
helder_store_note_edits (HelderStore *self,
                         guint        n)
{
  HelderStoreMemory *memory = helder_store_get_memory (self);
  g_autoptr(GError) error = NULL;

  if (n == 0 || !memory->active)
    return;
  memory->unremembered += n;
  if (memory->facts.unsynced > 0 && memory->unremembered < REMEMBER_EVERY)
    return;
  if (!helder_store_remember (self, &error))
    g_message ("Could not note what %s holds: %s", helder_store_get_path (self), error->message);
}

/* What the file at @path holds (its record rows), or when it does not
 * read, SQLite's words for why. */
void
helder_store_look_at_file (const char  *path,
                           guint       *records,
                           char       **detail)
{
  g_auto(HelderStoreFacts) now = { 0 };
  FileState state;

  *records = 0;
  if (look (path, helder_store_file_is_read_only (path), &state, &now, detail, NULL))
    *records = now.records;
}

/* Restoring */

static const char * const companions[] = { "", "-wal", "-shm", ".state" };

static void
remove_with_companions (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (path, companions[i], NULL);

      g_remove (file);
    }
}

/**
 * helder_store_recovery_begin:
 * @path: the damaged store
 *
 * Returns: (transfer full): a fresh store beside @path, to be filled and
 *   then put in its place with helder_store_recovery_finish() (or thrown
 *   away with helder_store_recovery_abandon())
 */
HelderStore *
helder_store_recovery_begin (const char  *path,
                             GError     **error)
{
  g_autofree char *restoring = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* What an earlier try left, cut short */
  restoring = g_strconcat (path, ".restoring", NULL);
  remove_with_companions (restoring);
  return helder_store_open (restoring, error);
}

void
helder_store_recovery_abandon (HelderStore *fresh)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HELDER_IS_STORE (fresh));

  path = g_strdup (helder_store_get_path (fresh));
  helder_store_close (fresh);
  remove_with_companions (path);
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not move %s to %s: %s", from, to, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Moves @from and its companions to @to; on failure, moves back what moved. */
static gboolean
move_with_companions (const char  *from,
                      const char  *to,
                      GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *a = g_strconcat (from, companions[i], NULL);
      g_autofree char *b = g_strconcat (to, companions[i], NULL);

      if (!move_file (a, b, error))
        {
          while (i-- > 0)
            {
              g_autofree char *back_a = g_strconcat (to, companions[i], NULL);
              g_autofree char *back_b = g_strconcat (from, companions[i], NULL);

              move_file (back_a, back_b, NULL);
            }
          return FALSE;
        }
    }
  return TRUE;
}

/* PATH.damaged-DATE, one that is not there yet. */
static char *
kept_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  char *kept = g_strdup_printf ("%s.damaged-%s", path, date);

  for (guint i = 2; g_file_test (kept, G_FILE_TEST_EXISTS); i++)
    {
      g_free (kept);
      kept = g_strdup_printf ("%s.damaged-%s-%u", path, date, i);
    }
  return kept;
}

/**
 * helder_store_recovery_finish:
 * @fresh: from helder_store_recovery_begin(), filled; it is closed here
 * @path: the damaged store
 * @kept_path: (out) (optional): where the damaged files are kept now
 *
 * Keeps the damaged files as @path.damaged-DATE (with their -wal, -shm
 * and key file, byte for byte) and puts @fresh in their place; open @path
 * again to use it.
 */
gboolean
helder_store_recovery_finish (HelderStore  *fresh,
                              const char   *path,
                              char        **kept_path,
                              GError      **error)
{
  g_autofree char *restoring = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (fresh), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  restoring = g_strdup (helder_store_get_path (fresh));
  /* Closing notes what it holds and folds its log into the file. */
  helder_store_close (fresh);

  kept = kept_name (path);
  if (!move_with_companions (path, kept, error))
    return FALSE;
  if (!move_with_companions (restoring, path, error))
    {
      move_with_companions (kept, path, NULL);
      return FALSE;
    }
  g_message ("Restored %s; the damaged files are kept as %s", path, kept);

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}
