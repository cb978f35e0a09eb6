/* helder-record-list-view.h: a live list of records, one row each
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"
#include "model/helder-records.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RECORD_LIST_VIEW (helder_record_list_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderRecordListView, helder_record_list_view, HELDER, RECORD_LIST_VIEW, AdwBin)

GListModel  *helder_record_list_view_get_model       (HelderRecordListView *self);
void         helder_record_list_view_set_model       (HelderRecordListView *self,
                                                      GListModel           *model);
gboolean     helder_record_list_view_get_activatable (HelderRecordListView *self);
void         helder_record_list_view_set_activatable (HelderRecordListView *self,
                                                      gboolean              activatable);
GtkListView *helder_record_list_view_get_list_view   (HelderRecordListView *self);
void         helder_record_list_view_activate_item   (HelderRecordListView *self,
                                                      guint                 position);

G_END_DECLS
