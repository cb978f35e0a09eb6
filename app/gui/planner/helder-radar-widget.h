/* helder-radar-widget.h: the topic radar: a 5×5 grid of administrative × societal impact
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-radar-dot.h"
#include "plan/helder-plan-radar.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RADAR_WIDGET (helder_radar_widget_get_type ())

G_DECLARE_FINAL_TYPE (HelderRadarWidget, helder_radar_widget, HELDER, RADAR_WIDGET, GtkWidget)

GtkWidget      *helder_radar_widget_new          (void);
void            helder_radar_widget_set_topics   (HelderRadarWidget *self,
                                                  GListModel        *topics);
void            helder_radar_widget_set_signals  (HelderRadarWidget *self,
                                                  GListModel        *signals);
void            helder_radar_widget_set_today    (HelderRadarWidget *self,
                                                  const char        *today);
const char     *helder_radar_widget_get_selected (HelderRadarWidget *self);
void            helder_radar_widget_select       (HelderRadarWidget *self,
                                                  const char        *topic_id,
                                                  gboolean           focus);
guint           helder_radar_widget_get_n_dots   (HelderRadarWidget *self);
HelderRadarDot *helder_radar_widget_get_dot      (HelderRadarWidget *self,
                                                  guint              index);
HelderRadarDot *helder_radar_widget_find_dot     (HelderRadarWidget *self,
                                                  const char        *topic_id);
guint           helder_radar_widget_count_signals (HelderRadarWidget *self,
                                                  const char        *topic_id);
gboolean        helder_radar_widget_get_grid     (HelderRadarWidget *self,
                                                  HelderRadarRect   *grid);

/* The grid, its axes and cells, as the radar and the comparison draw it */
void            helder_radar_snapshot_grid       (GtkWidget         *widget,
                                                  GtkSnapshot       *snapshot,
                                                  const HelderRadarRect *grid,
                                                  int                highlight_admin,
                                                  int                highlight_societal);
void            helder_radar_label_fit           (PangoLayout       *layout,
                                                  double             width,
                                                  int               *w,
                                                  int               *h);
HelderRadarRect helder_radar_grid_for_size       (int                width,
                                                  int                height);

G_END_DECLS
