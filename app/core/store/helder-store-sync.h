/* helder-store-sync.h: the store's side of synchronisation
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-store.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_KEEP_MINE,
  HELDER_KEEP_THEIRS,
  HELDER_KEEP_BOTH,
} HelderConflictChoice;

gint64      helder_store_get_library_version  (HelderStore          *self);
gboolean    helder_store_forget_library_version (HelderStore        *self,
                                               GError              **error);
JsonNode   *helder_store_take_push_batch      (HelderStore          *self,
                                               guint                 max_records,
                                               char                **key,
                                               GError              **error);
gboolean    helder_store_finish_push_batch    (HelderStore          *self,
                                               const char           *key,
                                               JsonObject           *response,
                                               GError              **error);
gboolean    helder_store_refuse_push_batch    (HelderStore          *self,
                                               const char           *key,
                                               const char           *reason,
                                               GError              **error);
gboolean    helder_store_apply_changes        (HelderStore          *self,
                                               JsonArray            *records,
                                               gint64                library_version,
                                               GError              **error);
gboolean    helder_store_reconcile            (HelderStore          *self,
                                               JsonObject           *index,
                                               GError              **error);
gint        helder_store_requeue_lost         (HelderStore          *self,
                                               JsonObject           *index,
                                               gint64                restored,
                                               const char           *epoch,
                                               GError              **error);
char       *helder_store_get_data_epoch       (HelderStore          *self);
gboolean    helder_store_set_data_epoch       (HelderStore          *self,
                                               const char           *epoch,
                                               GError              **error);
gboolean    helder_store_get_restore_pending  (HelderStore          *self);
gboolean    helder_store_finish_restore       (HelderStore          *self,
                                               GError              **error);
guint       helder_store_count_conflicts      (HelderStore          *self);
JsonArray  *helder_store_list_conflicts       (HelderStore          *self);
gboolean    helder_record_merge               (HelderRecord         *mine,
                                               JsonObject           *base,
                                               gboolean              base_deleted,
                                               HelderRecord         *theirs,
                                               GPtrArray            *conflicts);
gboolean    helder_store_keep_conflict        (HelderStore          *self,
                                               HelderRecord         *mine,
                                               HelderRecord         *theirs,
                                               GError              **error);
gboolean    helder_store_resolve_conflict     (HelderStore          *self,
                                               const char           *id,
                                               HelderConflictChoice  choice,
                                               GError              **error);

G_END_DECLS
