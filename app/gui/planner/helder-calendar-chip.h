/* helder-calendar-chip.h: how a message, a works and a council meeting look on the calendar
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-messages.h"

G_BEGIN_DECLS

GtkWidget *helder_calendar_chip_box          (const char           *icon_name,
                                              const char           *title,
                                              const char           *detail,
                                              gboolean              wrap);
void       helder_calendar_set_class         (GtkWidget            *widget,
                                              const char           *name,
                                              gboolean              set);
char      *helder_calendar_item_look         (const HelderWeekItem *item,
                                              gboolean              compact);
GtkWidget *helder_calendar_message_chip_new  (const HelderWeekItem *item,
                                              gboolean              compact);
void       helder_calendar_message_chip_show (GtkWidget            *chip,
                                              const HelderWeekItem *item,
                                              gboolean              compact);
GtkWidget *helder_calendar_works_band        (const HelderWeekItem *item);
GtkWidget *helder_calendar_meeting_chip      (const HelderWeekItem *item,
                                              gboolean              compact);


G_END_DECLS
