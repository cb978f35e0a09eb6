/* helder-application-restore.c: restoring a store that did not open
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-application"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-application-private.h"
#include "store/helder-store-recovery.h"

typedef struct
{
  HelderRestoreSource  source;
  char                *path;
  HelderStoreDamage   *damage;     /* a copy of what the store held */
  HelderStore         *fresh;
  HelderSyncClient    *client;
  HelderSalvageReport  report;
  char                *kept;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->path);
  helder_store_damage_free (data->damage);
  g_clear_object (&data->client);
  if (data->fresh != NULL)
    helder_store_recovery_abandon (data->fresh);
  g_clear_object (&data->fresh);
  g_free (data->kept);
  g_free (data);
}

/* The fresh store takes the damaged one's place; the windows show it. */
static void
restore_finish_task (GTask *task)
{
  HelderApplication *self = g_task_get_source_object (task);
  RestoreData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) fresh = g_steal_pointer (&data->fresh);

  if (data->source == HELDER_RESTORE_FROM_SERVER)
    data->report.records = helder_store_count_rows (fresh);
  if (!helder_store_recovery_finish (fresh, data->path, &data->kept, &error) ||
      !helder_application_open_store (self, data->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  helder_application_start_sync (self);
  g_task_return_pointer (task,
                         helder_store_damage_describe_restore (data->damage,
                                                               data->source == HELDER_RESTORE_FROM_SERVER,
                                                               &data->report, data->kept),
                         g_free);
}

static void
restore_pulled (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RestoreData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!helder_sync_client_sync_finish (HELDER_SYNC_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&data->client);
  restore_finish_task (task);
}

static void
salvage_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RestoreData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!helder_store_recovery_salvage (data->fresh, data->path, &data->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
salvaged (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  restore_finish_task (task);
}

/**
 * helder_application_restore_async:
 * @source: from the server (a full pull) or from the damaged files
 *
 * Restores the store that did not open (see
 * helder_application_get_store_damage()) into fresh data that takes its
 * place; the damaged files are kept beside it.  Every window then shows
 * the restored store.
 */
void
helder_application_restore_async (HelderApplication   *self,
                                  HelderRestoreSource  source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RestoreData *data;

  g_return_if_fail (HELDER_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_application_restore_async);
  if (self->damage == NULL || self->store != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("There is nothing to restore."));
      return;
    }
  if (source == HELDER_RESTORE_FROM_SERVER && !helder_application_get_logged_in (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "%s",
                               _("Helder is not logged in to a server on this computer."));
      return;
    }

  data = g_new0 (RestoreData, 1);
  data->source = source;
  data->path = g_strdup (self->store_path);
  data->damage = helder_store_damage_new (self->store_path, self->store_error);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);

  data->fresh = helder_store_recovery_begin (data->path, &error);
  if (data->fresh == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (source == HELDER_RESTORE_FROM_SERVER)
    {
      if (self->server_user != NULL && *self->server_user != '\0')
        helder_store_set_user (data->fresh, self->server_user);
      data->client = helder_sync_client_new (data->fresh, self->server_url);
      helder_sync_client_set_token (data->client, self->server_token);
      helder_sync_client_sync_async (data->client, cancellable, restore_pulled, g_steal_pointer (&task));
    }
  else
    {
      /* Reading a large file takes a while: in a worker. */
      g_autoptr(GTask) worker = g_task_new (self, cancellable, salvaged, g_steal_pointer (&task));

      g_task_set_task_data (worker, data, NULL);
      g_task_run_in_thread (worker, salvage_in_thread);
    }
}

/**
 * helder_application_restore_finish:
 *
 * Returns: (transfer full): what came back, in words for the user, or
 *   %NULL with @error set (the damaged store is then as it was)
 */
char *
helder_application_restore_finish (HelderApplication  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
