/* helder-quarter-compare-grid.h: two quarters on one radar grid, arrows from old cell to new
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-quarter.h"

G_BEGIN_DECLS

#define HELDER_TYPE_QUARTER_COMPARE_GRID (helder_quarter_compare_grid_get_type ())

G_DECLARE_FINAL_TYPE (HelderQuarterCompareGrid, helder_quarter_compare_grid, HELDER, QUARTER_COMPARE_GRID, GtkWidget)

void  helder_quarter_compare_grid_set       (HelderQuarterCompareGrid *self,
                                             HelderQuarterSnapshot    *before,
                                             HelderQuarterSnapshot    *after,
                                             GPtrArray                *changes);
guint helder_quarter_compare_grid_get_n_arrows (HelderQuarterCompareGrid *self);

G_END_DECLS
