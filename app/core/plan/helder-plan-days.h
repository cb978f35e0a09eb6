/* helder-plan-days.h: records indexed by the days they cover, kept in step with a live list
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

/* A record and its days, as Julian day numbers (GDate's) */
typedef struct
{
  HelderRecord *record;
  guint32       first;
  guint32       last;
} HelderDaySpan;

#define HELDER_TYPE_DAY_INDEX (helder_day_index_get_type ())

G_DECLARE_FINAL_TYPE (HelderDayIndex, helder_day_index, HELDER, DAY_INDEX, GObject)

HelderDayIndex *helder_day_index_new         (GListModel     *model,
                                              const char     *start_field,
                                              const char     *end_field);
guint           helder_day_index_get_n_spans (HelderDayIndex *self);
GArray         *helder_day_index_query       (HelderDayIndex *self,
                                              const GDate    *from,
                                              const GDate    *until);
gboolean        helder_day_span_parse        (HelderRecord   *record,
                                              const char     *start_field,
                                              const char     *end_field,
                                              HelderDaySpan  *span);

G_END_DECLS
