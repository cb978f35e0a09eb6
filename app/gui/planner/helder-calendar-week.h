/* helder-calendar-week.h: one week of the calendar: days, works as bands, meetings and messages in lanes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CALENDAR_WEEK (helder_calendar_week_get_type ())

G_DECLARE_FINAL_TYPE (HelderCalendarWeek, helder_calendar_week, HELDER, CALENDAR_WEEK, GtkWidget)

/* What a week shows, shared by the weeks of one view */
typedef struct
{
  /* (element-type HelderDaySpan): what meets the days the view shows,
   * the messages filtered; by first day */
  GArray     *messages;
  GArray     *works;
  GArray     *meetings;
  GDate       today;
  GDate       selected_day;
  const char *selected_id;   /* the selected message */
  guint       month;         /* the month a month view shows; 0 in the week view */
} HelderCalendarContent;

HelderCalendarWeek *helder_calendar_week_new           (gboolean                     compact);
void                helder_calendar_week_show          (HelderCalendarWeek          *self,
                                                        const GDate                 *monday,
                                                        const HelderCalendarContent *content);
GtkWidget          *helder_calendar_week_find_chip     (HelderCalendarWeek          *self,
                                                        const char                  *message_id);
guint               helder_calendar_week_count_chips   (HelderCalendarWeek          *self);
void                helder_calendar_week_set_lanes     (HelderCalendarWeek          *self,
                                                        guint                        lanes);
void                helder_calendar_week_get_monday    (HelderCalendarWeek          *self,
                                                        GDate                       *monday);
gboolean            helder_calendar_week_is_complete   (HelderCalendarWeek          *self);
char               *helder_calendar_describe_message   (HelderRecord                *message);

G_END_DECLS
