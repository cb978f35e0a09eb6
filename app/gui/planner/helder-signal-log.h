/* helder-signal-log.h: the signals of one topic, with counts per channel and week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SIGNAL_LOG (helder_signal_log_get_type ())

G_DECLARE_FINAL_TYPE (HelderSignalLog, helder_signal_log, HELDER, SIGNAL_LOG, AdwBin)

GtkWidget         *helder_signal_log_new           (void);
HelderPlanService *helder_signal_log_get_service   (HelderSignalLog   *self);
void               helder_signal_log_set_service   (HelderSignalLog   *self,
                                                    HelderPlanService *service);
const char        *helder_signal_log_get_topic_id  (HelderSignalLog   *self);
void               helder_signal_log_set_topic_id  (HelderSignalLog   *self,
                                                    const char        *topic_id);
guint              helder_signal_log_get_n_signals (HelderSignalLog   *self);

G_END_DECLS
