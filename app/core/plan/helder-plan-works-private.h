/* helder-plan-works-private.h: what the works and editions rules share on the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

GPtrArray *helder_plan_works_load_all (HelderPlanService *self,
                                       GType              type);
char      *helder_plan_works_setting  (HelderPlanService *self,
                                       const char        *key);
GPtrArray *helder_plan_works_records  (HelderPlanService *self,
                                       GListModel        *model,
                                       GType              type);

G_END_DECLS
