/* helder-store-private.h: what the store's own files and tests share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "helder-store.h"
#include "helder-store-recovery.h"

G_BEGIN_DECLS

#define HELDER_STORE_SCHEMA_VERSION 6

const char  *helder_store_schema_migration (guint         to_version);

/* Opens and migrates only up to @version: for tests of the migrations. */
HelderStore *helder_store_open_at_version  (const char   *path,
                                            guint         version,
                                            GError      **error);

gboolean      helder_store_sqlite_error     (GError      **error,
                                             sqlite3      *db,
                                             int           rc,
                                             const char   *what);
gboolean      helder_store_upsert           (HelderStore  *self,
                                             HelderRecord *record,
                                             const char   *what,
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

sqlite3      *helder_store_get_db           (HelderStore  *self);
void          helder_store_close            (HelderStore  *self);

/* What the store remembers of itself beside the file, and when it writes
 * that down (helder-store-recovery.c). */
typedef struct
{
  HelderStoreFacts facts;       /* as the key file says */
  guint            unremembered; /* local edits since it was written */
  gboolean         active;      /* opened writable to the end */
} HelderStoreMemory;

HelderStoreMemory *helder_store_get_memory  (HelderStore  *self);
gboolean      helder_store_file_is_read_only (const char  *path);
gboolean      helder_store_check_file       (const char   *path,
                                             gboolean      read_only,
                                             HelderStoreFacts *found,
                                             GError      **error);
gboolean      helder_store_recovery_init    (HelderStore  *self,
                                             HelderStoreFacts *found,
                                             GError      **error);
gboolean      helder_store_count_edits      (HelderStore  *self,
                                             guint         n,
                                             GError      **error);
void          helder_store_note_edits       (HelderStore  *self,
                                             guint         n);
gboolean      helder_store_count_facts      (sqlite3      *db,
                                             HelderStoreFacts *facts);
void          helder_store_look_at_file     (const char   *path,
                                             guint        *records,
                                             char        **detail);

/* The pages of a damaged store as SQLite last wrote them: its file
 * overlaid with what still reads in its log (helder-store-image.c). */
typedef struct
{
  GMappedFile   *db_map;
  GMappedFile   *wal_map;
  guint          page_size;
  guint          usable;       /* page size less the reserved bytes */
  guint          n_pages;
  const guint8 **pages;        /* page number - 1 → newest readable bytes, or NULL */
  guint8        *is_free;      /* page number - 1 → on the freelist */
  guint          version;      /* PRAGMA user_version of the image */
  guint          frames_used;
} HelderStoreImage;

gboolean      helder_store_image_load       (HelderStoreImage  *image,
                                             const char        *path,
                                             GError           **error);
void          helder_store_image_clear      (HelderStoreImage  *image);

static inline guint32
helder_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static inline guint16
helder_be16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static inline guint32
helder_le32 (const guint8 *p)
{
  return (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

G_END_DECLS
