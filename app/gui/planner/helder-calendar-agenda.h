/* helder-calendar-agenda.h: the calendar as a list: messages and council meetings day by day
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-calendar-week.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CALENDAR_AGENDA (helder_calendar_agenda_get_type ())

G_DECLARE_FINAL_TYPE (HelderCalendarAgenda, helder_calendar_agenda, HELDER, CALENDAR_AGENDA, GtkWidget)

HelderCalendarAgenda *helder_calendar_agenda_new       (void);
void                  helder_calendar_agenda_show      (HelderCalendarAgenda        *self,
                                                        const GDate                 *from,
                                                        guint                        n_days,
                                                        const HelderCalendarContent *content);
GListModel           *helder_calendar_agenda_get_model (HelderCalendarAgenda        *self);
GtkListView          *helder_calendar_agenda_get_list_view (HelderCalendarAgenda    *self);

G_END_DECLS
