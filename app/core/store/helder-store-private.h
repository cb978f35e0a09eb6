/* helder-store-private.h: what the store's own files and tests share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "helder-store.h"

G_BEGIN_DECLS

#define HELDER_STORE_SCHEMA_VERSION 6

const char  *helder_store_schema_migration (guint         to_version);

/* Opens and migrates only up to @version: for tests of the migrations. */
HelderStore *helder_store_open_at_version  (const char   *path,
                                            guint         version,
                                            GError      **error);

sqlite3_stmt *helder_store_prepare          (HelderStore  *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      helder_store_exec             (HelderStore  *self,
                                            const char   *sql,
                                            GError      **error);
HelderRecord *helder_store_load_row         (HelderStore  *self,
                                            GType         type,
                                            const char   *id,
                                            GError      **error);
/* A local edit (row and outbox) inside a transaction the caller holds. */
gboolean      helder_store_write_local      (HelderStore  *self,
                                             HelderRecord *record,
                                             GDateTime    *now,
                                             gboolean     *changed,
                                             GError      **error);
gboolean      helder_store_write_row        (HelderStore  *self,
                                            HelderRecord *record,
                                            GError      **error);
void          helder_store_emit_changed     (HelderStore  *self,
                                            const char   *type_name,
                                            const char   *id);

G_END_DECLS
