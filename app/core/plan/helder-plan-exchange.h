/* helder-plan-exchange.h: the planner's calendar as iCalendar: messages, works, council meetings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"
#include "report/helder-ics.h"

G_BEGIN_DECLS

HelderIcsCalendar *helder_plan_calendar_ics         (GPtrArray         *messages,
                                                     GPtrArray         *works,
                                                     GPtrArray         *meetings,
                                                     int                org_lead_time);
HelderIcsCalendar *helder_plan_service_calendar_ics (HelderPlanService *self);

G_END_DECLS
