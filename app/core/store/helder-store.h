/* helder-store.h: the local store, one SQLite file per user
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "helder-types.h"
#include "model/helder-records.h"

G_BEGIN_DECLS

#define HELDER_TYPE_STORE (helder_store_get_type ())

G_DECLARE_FINAL_TYPE (HelderStore, helder_store, HELDER, STORE, GObject)

#define HELDER_STORE_ERROR (helder_store_error_quark ())

typedef enum
{
  HELDER_STORE_ERROR_FAILED,     /* SQLite said no; the message says why */
  HELDER_STORE_ERROR_CORRUPT,    /* not a database, or quick_check failed */
  HELDER_STORE_ERROR_TOO_NEW,    /* written by a newer Helder */
  HELDER_STORE_ERROR_NOT_FOUND,
  HELDER_STORE_ERROR_INVALID,    /* a record that does not validate */
  HELDER_STORE_ERROR_DATA_LOST,  /* it opens, but holds less than it did: damaged */
  HELDER_STORE_ERROR_READ_ONLY,  /* the file is not writable: nothing is saved */
} HelderStoreError;

GQuark        helder_store_error_quark   (void);

char         *helder_store_default_path  (void);
HelderStore  *helder_store_open          (const char    *path,
                                          GError       **error);
const char   *helder_store_get_path      (HelderStore   *self);
gboolean      helder_store_is_read_only  (HelderStore   *self);
guint         helder_store_get_schema_version (HelderStore *self);

const char   *helder_store_get_user      (HelderStore   *self);
void          helder_store_set_user      (HelderStore   *self,
                                          const char    *user);

/* Local edits: each is one transaction that also fills the outbox. */
gboolean      helder_store_save          (HelderStore   *self,
                                          HelderRecord  *record,
                                          GError       **error);
gboolean      helder_store_save_all      (HelderStore   *self,
                                          GPtrArray     *records,
                                          GError       **error);
gboolean      helder_store_delete        (HelderStore   *self,
                                          HelderRecord  *record,
                                          GError       **error);
gboolean      helder_store_write         (HelderStore   *self,
                                          GPtrArray     *saves,
                                          GPtrArray     *deletions,
                                          GError       **error);

HelderRecord *helder_store_load          (HelderStore   *self,
                                          GType          type,
                                          const char    *id,
                                          GError       **error);
GPtrArray    *helder_store_load_many     (HelderStore         *self,
                                          GType                type,
                                          const char * const  *ids,
                                          GError             **error);
GListModel   *helder_store_list          (HelderStore   *self,
                                          GType          type,
                                          GError       **error);
GPtrArray    *helder_store_list_span     (HelderStore   *self,
                                          GType          type,
                                          const char    *start_field,
                                          const char    *end_field,
                                          const char    *from,
                                          const char    *until,
                                          GError       **error);
GPtrArray    *helder_store_list_equal    (HelderStore   *self,
                                          GType          type,
                                          const char    *field,
                                          const char    *value,
                                          GError       **error);
guint         helder_store_count         (HelderStore   *self,
                                          GType          type);
gboolean      helder_store_is_empty      (HelderStore   *self);
guint         helder_store_count_outbox  (HelderStore   *self);

G_END_DECLS
