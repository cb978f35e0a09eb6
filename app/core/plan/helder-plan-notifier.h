/* helder-plan-notifier.h: the planner's notices, followed while Helder runs
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"
#include "plan/helder-plan-works.h"

G_BEGIN_DECLS

/* @notice to show (again: its text changed), or %NULL to take back the
 * notice @id shown before */
typedef void (*HelderNoticeFunc) (const char       *id,
                                  HelderPlanNotice *notice,
                                  gpointer          user_data);

#define HELDER_TYPE_PLAN_NOTIFIER (helder_plan_notifier_get_type ())
G_DECLARE_FINAL_TYPE (HelderPlanNotifier, helder_plan_notifier, HELDER, PLAN_NOTIFIER, GObject)

HelderPlanNotifier *helder_plan_notifier_new   (HelderPlanService  *plan,
                                                HelderNoticeFunc    func,
                                                gpointer            user_data,
                                                GDestroyNotify      destroy);
void                helder_plan_notifier_check (HelderPlanNotifier *self,
                                                const char         *today);

G_END_DECLS
