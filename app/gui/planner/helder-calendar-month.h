/* helder-calendar-month.h: a month of the calendar, Monday first, with week numbers
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-calendar-week.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CALENDAR_MONTH (helder_calendar_month_get_type ())

G_DECLARE_FINAL_TYPE (HelderCalendarMonth, helder_calendar_month, HELDER, CALENDAR_MONTH, GtkWidget)

#define HELDER_CALENDAR_MONTH_WEEKS 6

HelderCalendarMonth *helder_calendar_month_new       (void);
void                 helder_calendar_month_show      (HelderCalendarMonth         *self,
                                                      guint                        year,
                                                      guint                        month,
                                                      const HelderCalendarContent *content);
HelderCalendarWeek  *helder_calendar_month_get_week  (HelderCalendarMonth         *self,
                                                      guint                        index);
GtkWidget           *helder_calendar_month_find_chip (HelderCalendarMonth         *self,
                                                      const char                  *message_id);
guint                helder_calendar_month_count_chips (HelderCalendarMonth       *self);
void                 helder_calendar_month_get_range (guint                        year,
                                                      guint                        month,
                                                      GDate                       *first,
                                                      GDate                       *last);

G_END_DECLS
