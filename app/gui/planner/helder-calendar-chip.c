/* helder-calendar-chip.c: how a message, a works and a council meeting look on the calendar
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-chip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-calendar-chip.h"
#include "helder-calendar-week.h"
#include "helder-tooltip.h"
#include "plan/helder-plan-messages.h"

/* The widgets a week shows, made from a record: the week places them,
 * keeps those that look the same and connects what they do
 * (helder-calendar-week.c). */

/**
 * helder_calendar_describe_message:
 *
 * Returns: (transfer full): the message as one line: title, status,
 *   days; its chip's tooltip and accessible label
 */
char *
helder_calendar_describe_message (HelderRecord *message)
{
  GDate start, end;
  const char *status = helder_message_status_label (helder_message_get_status (message));
  const char *title = helder_record_get_title (message);

  if (!helder_message_get_window (message, &start, &end))
    /* Translators: a message without dates: title, status */
    return g_strdup_printf (_("%s, %s, no date yet"), title, status);
  if (g_date_compare (&start, &end) == 0)
    {
      g_autofree char *day = helder_format_day (&start, TRUE);

      /* Translators: title, status, day */
      return g_strdup_printf (_("%s, %s, on %s"), title, status, day);
    }
  else
    {
      g_autofree char *from = helder_format_day (&start, FALSE);
      g_autofree char *until = helder_format_day (&end, FALSE);

      /* Translators: title, status, first day, last day */
      return g_strdup_printf (_("%s, %s, from %s until %s"), title, status, from, until);
    }
}

GtkWidget *
helder_calendar_chip_box (const char *icon_name,
          const char *title,
          const char *detail,
          gboolean    wrap)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (title);

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  /* The week view has room for two lines of a title */
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), detail != NULL ? 3 : 2);
    }
  /* A second line in the same label (a paragraph of its own, ellipsized
   * on its own): fewer widgets per chip, one layout */
  if (detail != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<span font_size=\"smaller\" fgalpha=\"75%%\">%s</span>",
                                                         title, detail);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

void
helder_calendar_set_class (GtkWidget  *widget,
                           const char *name,
                           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/**
 * helder_calendar_item_look:
 *
 * Returns: (transfer full): what an item looks like, all but its place:
 *   a widget that would look the same is kept (moved, not made again)
 */
char *
helder_calendar_item_look (const HelderWeekItem *item,
                           gboolean              compact)
{
  HelderRecord *record = item->record;

  return g_strdup_printf ("%d%d %s %s %s %s %s %s", item->starts_before, item->ends_after,
                          helder_record_get_title (record),
                          helder_record_get_text (record, HELDER_IS_MESSAGE (record) ? "status" :
                                                  HELDER_IS_WORKS (record) ? "location" : "gremium") ?: "",
                          helder_record_get_text (record, HELDER_IS_MESSAGE (record) ? "window_start" :
                                                  HELDER_IS_WORKS (record) ? "start_date" : "starts_at") ?: "",
                          helder_record_get_text (record, HELDER_IS_MESSAGE (record) ? "window_end" :
                                                  HELDER_IS_WORKS (record) ? "end_date" : "place") ?: "",
                          HELDER_IS_MESSAGE (record) ? "" : helder_record_get_text (record, "title"),
                          compact ? "c" : "");
}

/**
 * helder_calendar_message_chip_show:
 *
 * What a message chip shows: everything that comes from its message.  A
 * chip made for one message may show another (a month's weeks give the
 * chips of the messages they no longer show to those that came).
 */
void
helder_calendar_message_chip_show (GtkWidget            *chip,
                                   const HelderWeekItem *item,
                                   gboolean              compact)
{
  HelderMessageStatus status = helder_message_get_status (item->record);
  g_autofree char *description = helder_calendar_describe_message (item->record);
  g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (status), NULL);
  const char *was = g_object_get_data (G_OBJECT (chip), "status-class");
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (chip));
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *title = helder_record_get_title (item->record);

  if (g_strcmp0 (was, css) != 0)
    {
      if (was != NULL)
        gtk_widget_remove_css_class (chip, was);
      gtk_widget_add_css_class (chip, css);
      g_object_set_data_full (G_OBJECT (chip), "status-class", g_steal_pointer (&css), g_free);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)), helder_message_status_icon_name (status));
  if (compact)
    gtk_label_set_text (GTK_LABEL (label), title);
  else
    {
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<span font_size=\"smaller\" fgalpha=\"75%%\">%s</span>",
                                                         title, helder_message_status_label (status));

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  helder_calendar_set_class (chip, "continues-before", item->starts_before);
  helder_calendar_set_class (chip, "continues-after", item->ends_after);
  helder_widget_set_tooltip (chip, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* A message's chip, without what it does (the week connects that) */
GtkWidget *
helder_calendar_message_chip_new (const HelderWeekItem *item,
                                  gboolean              compact)
{
  GtkWidget *chip = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (chip),
                        helder_calendar_chip_box (helder_message_status_icon_name (helder_message_get_status (item->record)),
                                                  "", compact ? NULL : "", FALSE));
  gtk_widget_add_css_class (chip, "calendar-chip");
  helder_calendar_message_chip_show (chip, item, compact);
  return chip;
}

static void
mark_continuation (GtkWidget            *widget,
                   const HelderWeekItem *item)
{
  if (item->starts_before)
    gtk_widget_add_css_class (widget, "continues-before");
  if (item->ends_after)
    gtk_widget_add_css_class (widget, "continues-after");
}

static char *
format_iso (const char *iso)
{
  GDate date;

  return helder_date_from_iso (iso, &date) ? helder_format_day (&date, FALSE) : NULL;
}

static char *
period_text (HelderRecord *record,
             const char   *start_field,
             const char   *end_field)
{
  g_autofree char *from = format_iso (helder_record_get_text (record, start_field));
  g_autofree char *until = end_field ? format_iso (helder_record_get_text (record, end_field)) : NULL;

  if (until == NULL || g_strcmp0 (from, until) == 0)
    return g_steal_pointer (&from);
  /* Translators: a period: "1 maart 2027 – 2 juli 2027" */
  return g_strdup_printf (_("%s – %s"), from ? from : "", until);
}

GtkWidget *
helder_calendar_works_band (const HelderWeekItem *item)
{
  g_autofree char *period = period_text (item->record, "start_date", "end_date");
  const char *location = helder_record_get_text (item->record, "location");
  g_autofree char *tooltip = g_strdup_printf (_("Works: %s\n%s\n%s"), helder_record_get_title (item->record),
                                              location ? location : "", period ? period : "");
  GtkWidget *band = helder_calendar_chip_box ("mark-location-symbolic", helder_record_get_title (item->record), NULL, FALSE);

  gtk_widget_add_css_class (band, "calendar-works");
  mark_continuation (band, item);
  helder_widget_set_tooltip (band, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (band), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return band;
}

/* "20:00" when the meeting has a time */
static char *
meeting_time (HelderRecord *meeting)
{
  const char *starts = helder_record_get_text (meeting, "starts_at");
  g_autoptr(GDateTime) when = NULL;

  if (starts == NULL || strlen (starts) <= 10)
    return NULL;
  when = g_date_time_new_from_iso8601 (starts, NULL);
  if (when == NULL)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      when = g_date_time_new_from_iso8601 (starts, local);
    }
  return when ? g_date_time_format (when, "%H:%M") : NULL;
}

GtkWidget *
helder_calendar_meeting_chip (const HelderWeekItem *item,
              gboolean              compact)
{
  g_autofree char *time = meeting_time (item->record);
  const char *gremium = helder_record_get_text (item->record, "gremium");
  const char *place = helder_record_get_text (item->record, "place");
  g_autofree char *title = time ? g_strdup_printf ("%s %s", time, helder_record_get_title (item->record))
                                : g_strdup (helder_record_get_title (item->record));
  g_autofree char *tooltip = g_strdup_printf (_("Council meeting: %s\n%s\n%s"), title,
                                              gremium ? gremium : "", place ? place : "");
  GtkWidget *chip = helder_calendar_chip_box ("system-users-symbolic", title,
                              compact || g_strcmp0 (gremium, helder_record_get_title (item->record)) == 0
                              ? NULL : gremium, !compact);

  gtk_widget_add_css_class (chip, "calendar-council");
  helder_widget_set_tooltip (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return chip;
}

