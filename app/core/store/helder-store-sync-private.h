/* helder-store-sync-private.h: what the store's sync and its conflicts share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-store-private.h"

G_BEGIN_DECLS

gboolean helder_store_sync_add_conflict (HelderStore *self, const char *id, const char *type, const char *kind, const char *reason, JsonNode *server, GError **error);
gboolean helder_store_sync_run (HelderStore *self, const char *sql, const char *text1, const char *text2, gint64 number, GError **error);
HelderRecord * helder_store_sync_record_from_wire_or_null (JsonObject *object);
void helder_store_sync_set_server_columns (HelderRecord *record, JsonObject *wire);
JsonObject * helder_store_sync_load_base (HelderStore *self, const char *id, gint64 *version, gboolean *deleted);
gboolean helder_store_sync_save_base (HelderStore *self, const char *id, const char *type, gint64 version, gboolean deleted, JsonObject *data, GError **error);

G_END_DECLS
