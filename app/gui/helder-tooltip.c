/* helder-tooltip.c: tooltips asked for when they show
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "helder-tooltip.h"

/* Setting a visible widget's tooltip text makes GTK ask the display
 * where the pointer is, in case the tooltip shows now: on X11 a round
 * trip to the server each time (about 0.06 ms; a month of calendar
 * chips, a year of contact-pressure cells: hundreds).  The text is kept
 * on the widget instead and given when GTK asks for the tooltip. */

#define TOOLTIP_KEY "helder-tooltip"

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    data)
{
  const char *text = helder_widget_get_tooltip (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * helder_widget_set_tooltip:
 * @text: (nullable): the tooltip, %NULL or empty for none
 *
 * Like gtk_widget_set_tooltip_text(), for widgets made or changed by the
 * hundred.  Do not mix with gtk_widget_set_tooltip_text() on one widget.
 */
void
helder_widget_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY "-asked") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_KEY "-asked", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}

/* The text helder_widget_set_tooltip() keeps, or %NULL */
const char *
helder_widget_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
}
