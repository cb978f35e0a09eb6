/* helder-radar-view.h: the Radar view of the planner: the radar, the sortable topic list and the detail
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-radar-detail.h"
#include "helder-radar-widget.h"
#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RADAR_VIEW (helder_radar_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderRadarView, helder_radar_view, HELDER, RADAR_VIEW, GtkWidget)

HelderService     *helder_radar_view_get_service (HelderRadarView *self);
void               helder_radar_view_set_service (HelderRadarView *self,
                                                  HelderService   *service);
HelderRadarWidget *helder_radar_view_get_radar   (HelderRadarView *self);
HelderRadarDetail *helder_radar_view_get_detail  (HelderRadarView *self);
GtkColumnView     *helder_radar_view_get_list    (HelderRadarView *self);
const char        *helder_radar_view_get_quarter (HelderRadarView *self);
AdwToast          *helder_radar_view_get_undo_toast (HelderRadarView *self);
gboolean           helder_radar_view_move_topic  (HelderRadarView *self,
                                                  HelderRecord    *topic,
                                                  int              admin_impact,
                                                  int              societal_impact);
void               helder_radar_view_refresh_quarter (HelderRadarView *self);

G_END_DECLS
