/* helder-radar-detail.h: the selected topic of the radar: its fields, edited in place, and its signals
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RADAR_DETAIL (helder_radar_detail_get_type ())

G_DECLARE_FINAL_TYPE (HelderRadarDetail, helder_radar_detail, HELDER, RADAR_DETAIL, AdwBin)

void          helder_radar_detail_set_service (HelderRadarDetail *self,
                                               HelderPlanService *service);
void          helder_radar_detail_set_topic   (HelderRadarDetail *self,
                                               HelderRecord      *topic);
HelderRecord *helder_radar_detail_get_topic   (HelderRadarDetail *self);
void          helder_radar_detail_set_quarter (HelderRadarDetail *self,
                                               const char        *quarter);
void          helder_radar_detail_focus       (HelderRadarDetail *self);

G_END_DECLS
