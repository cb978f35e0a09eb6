/* helder-tooltip.h: tooltips asked for when they show
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        helder_widget_set_tooltip (GtkWidget  *widget,
                                       const char *text);
const char *helder_widget_get_tooltip (GtkWidget  *widget);

G_END_DECLS
