/* helder-plan-signals.h: signals about topics: the person-data check, saving, counts per channel and week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-person-data.h"
#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_SIGNAL_ERROR (helder_signal_error_quark ())

typedef enum
{
  HELDER_SIGNAL_ERROR_PERSON_DATA,   /* the text holds what looks like a person's data */
  HELDER_SIGNAL_ERROR_TOPIC,
  HELDER_SIGNAL_ERROR_CHANNEL,
  HELDER_SIGNAL_ERROR_DATE,
  HELDER_SIGNAL_ERROR_TEXT,
} HelderSignalError;

#define HELDER_SIGNAL_TEXT_MAX 2000

GQuark        helder_signal_error_quark        (void);

/* Counts for one topic */
typedef struct
{
  char  *key;     /* a channel's name, or an ISO week "2026-W46" */
  guint  count;
} HelderSignalCount;

typedef struct
{
  GArray *channels;   /* HelderSignalCount, most first, then by name */
  GArray *weeks;      /* HelderSignalCount, by week, oldest first */
  guint   total;
} HelderSignalCounts;

void          helder_signal_counts_collect     (HelderSignalCounts   *counts,
                                                GListModel           *signals,
                                                const char           *topic_id);
void          helder_signal_counts_clear       (HelderSignalCounts   *counts);
char         *helder_signal_iso_week           (const char           *date);
GArray       *helder_signal_week_series        (HelderSignalCounts   *counts,
                                                const char           *until,
                                                guint                 n_weeks);
char         *helder_signal_parse_date         (const char           *text,
                                                const char           *today);
char         *helder_signal_format_week        (const char           *iso_week);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderSignalCounts, helder_signal_counts_clear)

/* Actions */
HelderRecordList *helder_plan_signals_for_topic (HelderPlanService   *self,
                                                 const char          *topic_id);
HelderRecordList *helder_plan_signals_all       (HelderPlanService   *self);
GPtrArray        *helder_plan_signal_channels   (HelderPlanService   *self);
HelderRecord     *helder_plan_signal_add        (HelderPlanService   *self,
                                                 const char          *topic_id,
                                                 const char          *channel,
                                                 const char          *date,
                                                 const char          *text,
                                                 GError             **error);

G_END_DECLS
