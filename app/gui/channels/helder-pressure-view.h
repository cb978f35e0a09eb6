/* helder-pressure-view.h: Contactdruk: messages per audience per week, against the budget
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "channels/helder-channels-context.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PRESSURE_VIEW (helder_pressure_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderPressureView, helder_pressure_view, HELDER, PRESSURE_VIEW, AdwBin)

void       helder_pressure_view_set_context  (HelderPressureView    *self,
                                              HelderChannelsContext *context);
void       helder_pressure_view_focus_search (HelderPressureView    *self);
GtkWidget *helder_pressure_view_get_cell     (HelderPressureView    *self,
                                              HelderWeek             week,
                                              guint                  audience);
guint      helder_pressure_view_count_over   (HelderPressureView    *self);

G_END_DECLS
