/* helder-calendar-view.h: the planner's Kalender: month, week and agenda of messages
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CALENDAR_VIEW (helder_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderCalendarView, helder_calendar_view, HELDER, CALENDAR_VIEW, AdwBin)

HelderService *helder_calendar_view_get_service      (HelderCalendarView *self);
void           helder_calendar_view_set_service      (HelderCalendarView *self,
                                                      HelderService      *service);
const char    *helder_calendar_view_get_mode         (HelderCalendarView *self);
void           helder_calendar_view_set_mode         (HelderCalendarView *self,
                                                      const char         *mode);
void           helder_calendar_view_go_to            (HelderCalendarView *self,
                                                      const GDate        *day);
void           helder_calendar_view_set_today        (HelderCalendarView *self,
                                                      const GDate        *today);
const char    *helder_calendar_view_get_selected_id  (HelderCalendarView *self);
void           helder_calendar_view_select_message   (HelderCalendarView *self,
                                                      const char         *message_id);
GtkWidget     *helder_calendar_view_find_chip        (HelderCalendarView *self,
                                                      const char         *message_id);
char          *helder_calendar_view_get_period_text  (HelderCalendarView *self);

G_END_DECLS
