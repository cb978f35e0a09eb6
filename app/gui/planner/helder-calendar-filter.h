/* helder-calendar-filter.h: the calendar's filters: priority, topic, channel, audience, status
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-messages.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CALENDAR_FILTER (helder_calendar_filter_get_type ())

G_DECLARE_FINAL_TYPE (HelderCalendarFilter, helder_calendar_filter, HELDER, CALENDAR_FILTER, GtkPopover)

HelderCalendarFilter      *helder_calendar_filter_new        (void);
void                       helder_calendar_filter_set_service (HelderCalendarFilter *self,
                                                              HelderService        *service);
const HelderMessageFilter *helder_calendar_filter_get_filter (HelderCalendarFilter *self);
void                       helder_calendar_filter_set_states (HelderCalendarFilter *self,
                                                              guint                 states);
void                       helder_calendar_filter_clear      (HelderCalendarFilter *self);

G_END_DECLS
