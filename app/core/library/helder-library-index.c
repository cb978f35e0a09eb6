/* helder-library-index.c: the Bibliotheek's search index, kept in step with the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-library-index-private.h"
#include "store/helder-store-private.h"

/* The object: its writer (helder-library-index-build.c), made on the
 * calling thread or in a worker, and the store's signal it follows.  The
 * search itself is in helder-library-search.c. */

struct _HelderLibraryIndex
{
  GObject              parent_instance;

  HelderStore         *store;
  HelderLibraryWriter *writer;
  gboolean             damaged;
  gulong               changed_handler;
};

G_DEFINE_FINAL_TYPE (HelderLibraryIndex, helder_library_index, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (helder-library-index-error-quark, helder_library_index_error)

static gboolean
is_damage (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_records_changed (HelderStore        *store,
                    const char         *type_name,
                    const char * const *ids,
                    gpointer            user_data)
{
  HelderLibraryIndex *self = user_data;
  g_autoptr(GError) error = NULL;

  if (ids == NULL || ids[0] == NULL)
    return;
  if (helder_library_writer_index_ids (self->writer, helder_store_get_db (store), ids, &error))
    {
      g_signal_emit (self, signals[CHANGED], 0, ids);
      return;
    }
  g_warning ("The search index missed a change: %s", error->message);
  g_clear_error (&error);
  /* Damaged: made again from the store (which has these changes), so the
   * search stays right */
  if (is_damage (self->writer->last_rc))
    {
      if (helder_library_index_rebuild (self, &error))
        g_signal_emit (self, signals[CHANGED], 0, ids);
      else
        g_warning ("The search index could not be made again: %s", error->message);
    }
}

static HelderLibraryIndex *
index_new (HelderStore         *store,
           HelderLibraryWriter *writer)
{
  HelderLibraryIndex *self = g_object_new (HELDER_TYPE_LIBRARY_INDEX, NULL);

  self->store = g_object_ref (store);
  self->writer = writer;
  self->changed_handler = g_signal_connect (store, "records-changed::toolkit",
                                            G_CALLBACK (on_records_changed), self);
  return self;
}

static void
helder_library_index_finalize (GObject *object)
{
  HelderLibraryIndex *self = HELDER_LIBRARY_INDEX (object);

  g_clear_signal_handler (&self->changed_handler, self->store);
  /* Its statement on the store's connection goes before the store */
  g_clear_pointer (&self->writer, helder_library_writer_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (helder_library_index_parent_class)->finalize (object);
}

static void
helder_library_index_class_init (HelderLibraryIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_library_index_finalize;

  /**
   * HelderLibraryIndex::changed:
   * @ids: (array zero-terminated=1): the toolkit records it indexed or removed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
helder_library_index_init (HelderLibraryIndex *self)
{
}

char *
helder_library_index_path_for (HelderStore *store)
{
  const char *path;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);

  path = helder_store_get_path (store);
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    return NULL;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s%c%s-search.db", dir, G_DIR_SEPARATOR, base);
}

static char *
index_path (HelderStore *store,
            const char  *path)
{
  char *found = path != NULL ? g_strdup (path) : helder_library_index_path_for (store);

  return found != NULL ? found : g_strdup (":memory:");
}

/**
 * helder_library_index_open:
 *
 * Returns: (transfer full): the index of @store, caught up, or %NULL with
 *   @error set (the store cannot be read, or no index can be written)
 */
HelderLibraryIndex *
helder_library_index_open (HelderStore  *store,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *file = NULL;
  HelderLibraryWriter *writer;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = index_path (store, path);
  writer = helder_library_writer_run (file, helder_store_get_db (store), error);
  return writer != NULL ? index_new (store, writer) : NULL;
}

typedef struct
{
  HelderStore         *store;
  char                *path;
  char                *store_path;
  HelderLibraryWriter *writer;
  GPtrArray           *pending;   /* ids the store told about while building */
  gulong               handler;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_signal_handler (&data->handler, data->store);
  g_object_unref (data->store);
  g_free (data->path);
  g_free (data->store_path);
  helder_library_writer_free (data->writer);
  g_ptr_array_unref (data->pending);
  g_free (data);
}

static void
on_pending (HelderStore        *store,
            const char         *type_name,
            const char * const *ids,
            gpointer            user_data)
{
  OpenData *data = user_data;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (data->pending, g_strdup (ids[i]));
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  sqlite3 *store_db = NULL;
  int rc;

  rc = sqlite3_open_v2 (data->store_path, &store_db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      helder_library_sql_error (store_db, rc, &error);
      sqlite3_close (store_db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_busy_timeout (store_db, 5000);
  data->writer = helder_library_writer_run (data->path, store_db, &error);
  /* Its statement on the worker's store connection goes with it */
  if (data->writer != NULL)
    g_clear_pointer (&data->writer->store_row, sqlite3_finalize);
  sqlite3_close (store_db);
  if (data->writer != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * helder_library_index_open_async:
 *
 * Opens the index in a worker thread, with its own connection to the
 * store's file; the main loop goes on meanwhile.  What the store changes
 * while it works is indexed when it is done.
 */
void
helder_library_index_open_async (HelderStore         *store,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (HELDER_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_library_index_open_async);
  data = g_new0 (OpenData, 1);
  data->store = g_object_ref (store);
  data->path = index_path (store, path);
  data->store_path = g_strdup (helder_store_get_path (store));
  data->pending = g_ptr_array_new_with_free_func (g_free);
  data->handler = g_signal_connect (store, "records-changed::toolkit", G_CALLBACK (on_pending), data);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  /* An index in memory belongs to one connection: made here */
  if (g_str_equal (data->path, ":memory:"))
    {
      GError *error = NULL;

      data->writer = helder_library_writer_run (data->path, helder_store_get_db (store), &error);
      if (data->writer != NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, open_in_thread);
}

HelderLibraryIndex *
helder_library_index_open_finish (GAsyncResult  *result,
                                  GError       **error)
{
  OpenData *data;
  HelderLibraryIndex *self;

  g_return_val_if_fail (G_IS_TASK (result) && g_task_get_source_tag (G_TASK (result)) == helder_library_index_open_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  g_clear_signal_handler (&data->handler, data->store);
  self = index_new (data->store, g_steal_pointer (&data->writer));
  if (data->pending->len > 0)
    {
      g_ptr_array_add (data->pending, NULL);
      on_records_changed (data->store, "toolkit", (const char * const *) data->pending->pdata, self);
      g_ptr_array_set_size (data->pending, data->pending->len - 1);
    }
  return self;
}

/**
 * helder_library_index_rebuild:
 *
 * Throws the index file away and builds it again from the store, on the
 * calling thread.
 */
gboolean
helder_library_index_rebuild (HelderLibraryIndex  *self,
                              GError             **error)
{
  g_autofree char *path = NULL;
  HelderLibraryWriter *writer;

  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), FALSE);

  path = g_strdup (self->writer->path);
  /* Its statements and connection closed before the files go */
  g_clear_pointer (&self->writer, helder_library_writer_free);
  if (!g_str_equal (path, ":memory:"))
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_remove (file);
        }
    }
  writer = helder_library_writer_run (path, helder_store_get_db (self->store), error);
  if (writer == NULL)
    {
      /* No file to be had (a full disk): searching goes on in memory */
      self->writer = helder_library_writer_run (":memory:", helder_store_get_db (self->store), NULL);
      return FALSE;
    }
  self->writer = writer;
  writer->rebuilt = TRUE;
  return TRUE;
}

HelderStore *
helder_library_index_get_store (HelderLibraryIndex *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);

  return self->store;
}

const char *
helder_library_index_get_path (HelderLibraryIndex *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), NULL);

  return self->writer->path;
}

guint
helder_library_index_get_n_documents (HelderLibraryIndex *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), 0);

  return g_hash_table_size (self->writer->docs);
}

gboolean
helder_library_index_was_rebuilt (HelderLibraryIndex *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_INDEX (self), FALSE);

  return self->writer->rebuilt;
}

HelderLibraryWriter *
helder_library_index_get_writer (HelderLibraryIndex *self)
{
  return self->writer;
}
