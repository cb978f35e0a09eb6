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
void          helder_store_emit_records_changed (HelderStore        *self,
                                                 const char         *type_name,
                                                 const char * const *ids);

/* The records of @type that are not deleted, in no order. */
GPtrArray    *helder_store_list_rows        (HelderStore  *self,
                                            GType         type,
                                            GError      **error);
/* helder-record-list.c: the pages' orders */
void          helder_record_sort            (GPtrArray    *records,
                                            GType         type,
                                            const char   *sort_keys);

/* What one transaction wrote (helder-store-changes.c): collected while it
 * runs, emitted after it committed. */
typedef struct _HelderStoreChanges HelderStoreChanges;

HelderStoreChanges *helder_store_changes_new      (void);
void                helder_store_changes_free     (HelderStoreChanges *changes);
void                helder_store_changes_add      (HelderStoreChanges *changes,
                                                   const char         *type_name,
                                                   const char         *id);
gboolean            helder_store_changes_is_empty (HelderStoreChanges *changes);
void                helder_store_changes_emit     (HelderStore        *self,
                                                   HelderStoreChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderStoreChanges, helder_store_changes_free)

G_END_DECLS
