/* helder-quarter-compare.h: a quarter against the one before: the grid with arrows, and lists of changes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-quarter-compare-grid.h"
#include "plan/helder-plan-quarter.h"

G_BEGIN_DECLS

#define HELDER_TYPE_QUARTER_COMPARE (helder_quarter_compare_get_type ())

G_DECLARE_FINAL_TYPE (HelderQuarterCompare, helder_quarter_compare, HELDER, QUARTER_COMPARE, GtkWidget)

void        helder_quarter_compare_set_service (HelderQuarterCompare *self,
                                                HelderPlanService    *service);
void        helder_quarter_compare_set_quarter (HelderQuarterCompare *self,
                                                const char           *quarter);
const char *helder_quarter_compare_get_shown   (HelderQuarterCompare *self);
void        helder_quarter_compare_show        (HelderQuarterCompare *self,
                                                const char           *quarter);
void        helder_quarter_compare_refresh     (HelderQuarterCompare *self);
GPtrArray  *helder_quarter_compare_get_changes (HelderQuarterCompare *self);
HelderQuarterCompareGrid *helder_quarter_compare_get_grid (HelderQuarterCompare *self);

G_END_DECLS
