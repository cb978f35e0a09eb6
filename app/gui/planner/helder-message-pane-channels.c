/* helder-message-pane-channels.c: the message pane's channel parts: contact pressure, the text's level, toolkits
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-message-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-message-pane-private.h"
#include "library/helder-toolkit-pane.h"

/* What Kanalen knows of the message, beside its fields:
 *   - Contactdruk: when the message's week (after it was made, moved in
 *     the Kalender by drag or keyboard, or given another date here) puts
 *     an audience over its weekly budget, a warning names the messages
 *     it collides with, proposes bundling or the nearest free week, and
 *     offers to move it there;
 *   - the text's level (its Schrijven document, measured once per
 *     version by HelderTextLevels) against the target level of each of
 *     its chosen channels;
 *   - the Bibliotheek's toolkits tagged with its chosen channels.
 * The pressure and the channels come from a HelderChannelsContext of its
 * own, made when the pane first shows a message; it rebuilds once per
 * change of the messages and tells the pane ("changed"). */

static HelderChannelsContext *
ensure_channels (HelderMessagePane *self)
{
  HelderService *service = HELDER_SERVICE (self->service);

  if (self->channels == NULL && service != NULL)
    {
      self->channels_service = helder_channels_service_new (helder_service_get_store (service),
                                                            helder_service_get_session (service));
      self->channels = helder_channels_context_new (self->channels_service);
      g_signal_connect_object (self->channels, "changed", G_CALLBACK (helder_message_pane_update_channels), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->channels, "levels-changed", G_CALLBACK (helder_message_pane_update_channels),
                               self, G_CONNECT_SWAPPED);
    }
  return self->channels;
}

void
helder_message_pane_channels_set_service (HelderMessagePane *self)
{
  g_clear_handle_id (&self->channels_idle, g_source_remove);
  if (self->channels != NULL)
    g_signal_handlers_disconnect_by_data (self->channels, self);
  g_clear_object (&self->channels);
  g_clear_object (&self->channels_service);
  helder_toolkit_pane_set_service (self->toolkit_pane, self->service ? HELDER_SERVICE (self->service) : NULL);
}

static HelderWeek
this_week (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return helder_week_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now));
}

static void
update_pressure (HelderMessagePane     *self,
                 HelderChannelsContext *channels)
{
  g_auto(HelderPressureCheck) check = { 0 };
  HelderContactPressure *pressure;
  g_autofree char *text = NULL;
  g_autofree char *week_name = NULL;
  g_autofree char *title = NULL;
  HelderWeek week;

  self->move_days = 0;
  week = helder_week_from_date (helder_record_get_text (self->message, "window_start"));
  if (week == 0 || helder_message_get_status (self->message) == HELDER_MESSAGE_PUBLISHED)
    {
      gtk_widget_set_visible (self->pressure_group, FALSE);
      return;
    }
  pressure = helder_channels_context_get_pressure (channels);
  helder_contact_pressure_check (pressure, self->message, week, this_week (), &check);
  if ((text = helder_pressure_check_describe (pressure, &check)) == NULL)
    {
      gtk_widget_set_visible (self->pressure_group, FALSE);
      return;
    }
  week_name = helder_week_format (week);
  title = g_strdup_printf (_("Too many messages in %s"), week_name);
  gtk_label_set_text (self->pressure_title, title);
  gtk_label_set_text (self->pressure_text, text);
  if (check.free_week != 0 && check.free_week != week)
    {
      g_autofree char *free_name = helder_week_format (check.free_week);
      /* Translators: a button: move the message to the nearest week with room, e.g. "week 13 of 2027" */
      g_autofree char *label = g_strdup_printf (_("_Move to %s"), free_name);

      self->move_days = (int) check.free_week - (int) week;
      gtk_button_set_label (self->pressure_move_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pressure_move_button), self->move_days != 0);
  gtk_widget_set_visible (self->pressure_group, TRUE);
}

static void
update_level (HelderMessagePane     *self,
              HelderChannelsContext *channels)
{
  g_autofree char *text = helder_channels_context_describe_level (channels, self->message);

  gtk_label_set_text (self->level_label, text ? text : "");
  gtk_widget_set_visible (self->level_group, text != NULL);
}

static gboolean
make_channels (gpointer data)
{
  HelderMessagePane *self = data;

  self->channels_idle = 0;
  if (self->message != NULL && ensure_channels (self) != NULL)
    helder_message_pane_update_channels (self);
  return G_SOURCE_REMOVE;
}

/* The message (or the messages, or the texts' levels) changed */
void
helder_message_pane_update_channels (HelderMessagePane *self)
{
  helder_toolkit_pane_set_record (self->toolkit_pane, self->message);
  if (self->message == NULL || self->service == NULL)
    {
      gtk_widget_set_visible (self->pressure_group, FALSE);
      gtk_widget_set_visible (self->level_group, FALSE);
      return;
    }
  /* The first message shown: the channels' lists (all messages) are
   * read after the pane's first frame, not before it */
  if (self->channels == NULL)
    {
      if (self->channels_idle == 0)
        self->channels_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_channels, self, NULL);
      return;
    }
  update_pressure (self, self->channels);
  update_level (self, self->channels);
}

static void
on_pressure_move_clicked (HelderMessagePane *self)
{
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->message == NULL || self->move_days == 0 || self->service == NULL)
    return;
  stored = helder_service_load (HELDER_SERVICE (self->service), HELDER_TYPE_MESSAGE,
                                helder_record_get_id (self->message));
  if (stored == NULL)
    return;
  if (!helder_plan_service_move_message (self->service, stored, self->move_days, &error))
    helder_message_pane_show_error (self, _("Could not move the message"), error);
}

void
helder_message_pane_channels_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (HELDER_TYPE_TOOLKIT_PANE);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, pressure_group);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, pressure_title);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, pressure_text);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, pressure_move_button);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, level_group);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, level_label);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, toolkit_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_pressure_move_clicked);
}
