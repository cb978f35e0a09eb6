/* helder-record-list.h: a live list of one record type, kept in step with the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RECORD_LIST (helder_record_list_get_type ())

G_DECLARE_FINAL_TYPE (HelderRecordList, helder_record_list, HELDER, RECORD_LIST, GObject)

/* Whether @record belongs in the list; it sees every saved record of the
 * list's type that is not deleted. */
typedef gboolean (*HelderRecordFilterFunc) (HelderRecord *record,
                                            gpointer      user_data);

HelderRecordList *helder_record_list_new             (HelderStore            *store,
                                                      GType                   record_type);
HelderStore      *helder_record_list_get_store       (HelderRecordList       *self);
GType             helder_record_list_get_record_type (HelderRecordList       *self);

const char       *helder_record_list_get_sort_keys   (HelderRecordList       *self);
void              helder_record_list_set_sort_keys   (HelderRecordList       *self,
                                                      const char             *sort_keys);
void              helder_record_list_set_sort_func   (HelderRecordList       *self,
                                                      GCompareDataFunc        func,
                                                      gpointer                user_data,
                                                      GDestroyNotify          destroy);
void              helder_record_list_set_filter_func (HelderRecordList       *self,
                                                      HelderRecordFilterFunc  func,
                                                      gpointer                user_data,
                                                      GDestroyNotify          destroy);
void              helder_record_list_refilter        (HelderRecordList       *self);

HelderRecord     *helder_record_list_lookup          (HelderRecordList       *self,
                                                      const char             *id,
                                                      guint                  *position);

gboolean          helder_record_list_get_paused      (HelderRecordList       *self);
void              helder_record_list_set_paused      (HelderRecordList       *self,
                                                      gboolean                paused);

const char       *helder_record_list_default_sort_keys (GType                 record_type);

G_END_DECLS
