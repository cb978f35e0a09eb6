/* helder-quarter-report.h: the quarterly report for the college: the radar and what changed, as PDF
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "plan/helder-plan-quarter.h"
#include "report/helder-pdf.h"

G_BEGIN_DECLS

void       helder_quarter_report_draw_radar (cairo_t               *cr,
                                             double                 width,
                                             double                 height,
                                             HelderQuarterSnapshot *snapshot,
                                             GHashTable            *signal_counts);
HelderPdf *helder_quarter_report_new        (const char            *organisation,
                                             const char            *quarter,
                                             gboolean               closed,
                                             const char            *closed_by,
                                             HelderQuarterSnapshot *snapshot,
                                             GPtrArray             *changes,
                                             GHashTable            *signal_counts);

G_END_DECLS
