/* helder-radar-dot.h: one topic on the radar: a focusable, accessible dot
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RADAR_DOT (helder_radar_dot_get_type ())

G_DECLARE_FINAL_TYPE (HelderRadarDot, helder_radar_dot, HELDER, RADAR_DOT, GtkWidget)

GtkWidget    *helder_radar_dot_new          (void);
HelderRecord *helder_radar_dot_get_topic    (HelderRadarDot *self);
void          helder_radar_dot_set_topic    (HelderRadarDot *self,
                                             HelderRecord   *topic,
                                             guint           n_signals);
guint         helder_radar_dot_get_n_signals (HelderRadarDot *self);
void          helder_radar_dot_set_trend    (HelderRadarDot *self,
                                             const char     *trend);
gboolean      helder_radar_dot_get_selected (HelderRadarDot *self);
void          helder_radar_dot_set_selected (HelderRadarDot *self,
                                             gboolean        selected);
void          helder_radar_dot_set_description (HelderRadarDot *self,
                                             const char     *description);
const char   *helder_radar_dot_get_description (HelderRadarDot *self);
char         *helder_radar_dot_describe     (HelderRecord   *topic,
                                             guint           n_signals);
const char   *helder_radar_trend_label      (const char     *trend);
void          helder_radar_dot_set_parent_draws (HelderRadarDot *self,
                                             gboolean        parent_draws);
const char   *helder_radar_dot_get_trend    (HelderRadarDot *self);
void          helder_radar_dot_draw         (cairo_t        *cr,
                                             const char     *trend,
                                             double          x,
                                             double          y,
                                             double          body,
                                             const GdkRGBA  *color,
                                             const GdkRGBA  *ring);

G_END_DECLS
