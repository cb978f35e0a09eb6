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

GBytes            *helder_plan_messages_csv         (GPtrArray         *messages,
                                                     GHashTable        *names);
GPtrArray         *helder_plan_messages_csv_read    (const char        *data,
                                                     gsize              length,
                                                     GHashTable        *ids,
                                                     GError           **error);
GBytes            *helder_plan_service_messages_csv (HelderPlanService *self);

G_END_DECLS
