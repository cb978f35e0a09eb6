/* helder-plan-radar.h: the topic radar's layout: cells, dot sizes, labels that do not overlap, neighbours
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The radar is a 5×5 grid: administrative impact 1–5 from left to right,
 * societal impact 1–5 from bottom to top. */
#define HELDER_RADAR_SIZE 5

/* Signals count towards a dot's size for this many days. */
#define HELDER_RADAR_RECENT_DAYS 30

typedef struct
{
  double x, y, width, height;
} HelderRadarRect;

typedef struct
{
  /* What the caller fills in */
  int             admin_impact;     /* 1–5 */
  int             societal_impact;  /* 1–5 */
  guint           n_signals;        /* in the last 30 days */
  double          label_width;      /* the label's size as drawn */
  double          label_height;

  /* What helder_radar_layout() sets */
  double          x, y;             /* the dot's centre */
  double          radius;
  HelderRadarRect label;            /* where the label goes, when shown */
  gboolean        label_shown;      /* FALSE: no room (the tooltip and list have it) */
} HelderRadarItem;

typedef enum
{
  HELDER_RADAR_LEFT,
  HELDER_RADAR_RIGHT,
  HELDER_RADAR_UP,
  HELDER_RADAR_DOWN,
} HelderRadarDirection;

int      helder_radar_column       (int                    admin_impact);
int      helder_radar_row          (int                    societal_impact);
double   helder_radar_dot_radius   (guint                  n_signals);
gboolean helder_radar_cell_at      (const HelderRadarRect *grid,
                                    double                 x,
                                    double                 y,
                                    int                   *admin_impact,
                                    int                   *societal_impact);
HelderRadarRect helder_radar_cell_rect (const HelderRadarRect *grid,
                                    int                    admin_impact,
                                    int                    societal_impact);
double   helder_radar_label_max_width (const HelderRadarRect *grid,
                                    double                 largest_radius);

void     helder_radar_layout       (HelderRadarItem       *items,
                                    guint                  n_items,
                                    const HelderRadarRect *grid);
guint    helder_radar_neighbour    (const HelderRadarItem *items,
                                    guint                  n_items,
                                    guint                  from,
                                    HelderRadarDirection   direction);
gboolean helder_radar_rects_overlap (const HelderRadarRect *a,
                                    const HelderRadarRect *b);

GHashTable *helder_radar_count_recent (GListModel         *signals,
                                       const char         *today,
                                       guint               days);

G_END_DECLS
