/* helder-works-view-detail.c: the works view's detail: the form, its warnings, saving
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-works-view"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "helder-works-view-private.h"
#include "model/helder-record-format.h"

/* The detail */

static void
clear_detail_rows (HelderWorksView *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = self->detail_rows->pdata[i];
      GtkWidget *group = g_object_get_data (G_OBJECT (row), "group");

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
}

static void
clear_audiences (HelderWorksView *self)
{
  for (guint i = 0; i < self->audience_checks->len; i++)
    adw_expander_row_remove (self->audiences_row, g_object_get_data (self->audience_checks->pdata[i], "row"));
  g_ptr_array_set_size (self->audience_checks, 0);
}

static void
add_detail_row (HelderWorksView     *self,
                AdwPreferencesGroup *group,
                GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static GtkWidget *
suffix_button (const char *label,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
fill_warnings (HelderWorksView *self,
               HelderRecord    *works)
{
  GPtrArray *warnings = helder_works_view_warnings_of (self, works);

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings != NULL && warnings->len > 0);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      HelderWorksWarning *warning = warnings->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (warning->kind == HELDER_WORKS_WARNING_LETTER
                                                      ? "mail-unread-symbolic" : "dialog-warning-symbolic");
      GtkWidget *button = NULL;

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning->explanation);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (warning->kind == HELDER_WORKS_WARNING_LETTER && warning->message == NULL)
        button = suffix_button (_("Plan _Residents’ Letter"), "works.plan-letter", NULL);
      else if (warning->kind == HELDER_WORKS_WARNING_LETTER)
        button = suffix_button (_("Open _Text"), "works.open-message", g_variant_new_string (warning->message));
      else
        button = suffix_button (_("_Show"), "works.select", g_variant_new_string (warning->other));
      gtk_widget_add_css_class (button, warning->kind == HELDER_WORKS_WARNING_LETTER &&
                                        warning->message == NULL ? "suggested-action" : "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_detail_row (self, self->warnings_group, row);
    }
}

static void
fill_messages (HelderWorksView *self,
               HelderRecord    *works)
{
  guint n = self->messages ? g_list_model_get_n_items (G_LIST_MODEL (self->messages)) : 0, shown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);
      const char * const *linked = helder_record_get_list (message, "works");
      g_autofree char *day = NULL, *subtitle = NULL;
      GtkWidget *row;

      if (linked == NULL || !g_strv_contains (linked, helder_record_get_id (works)))
        continue;
      day = helder_works_format_day (helder_record_get_text (message, "window_start"));
      subtitle = day ? g_strdup_printf ("%s · %s", helder_format_choice (helder_record_get_text (message, "status")), day)
                     : g_strdup (helder_format_choice (helder_record_get_text (message, "status")));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_record_get_title (message));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suffix_button (_("Open _Text"), "works.open-message",
                                                g_variant_new_string (helder_record_get_id (message))));
      add_detail_row (self, self->works_messages_group, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No messages linked yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Plan the residents’ letter here; it appears in the calendar."));
      add_detail_row (self, self->works_messages_group, row);
    }
}

void
helder_works_view_form_changed (HelderWorksView *self);

static void
fill_audiences (HelderWorksView *self,
                HelderRecord    *works)
{
  const char * const *chosen = helder_record_get_list (works, "audiences");
  guint n = self->audiences ? g_list_model_get_n_items (G_LIST_MODEL (self->audiences)) : 0, count = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) audience = g_list_model_get_item (G_LIST_MODEL (self->audiences), i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = chosen != NULL && g_strv_contains (chosen, helder_record_get_id (audience));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_record_get_title (audience));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      helder_record_get_title (audience), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "id", g_strdup (helder_record_get_id (audience)), g_free);
      g_object_set_data (G_OBJECT (check), "row", row);
      g_signal_connect_object (check, "toggled", G_CALLBACK (helder_works_view_form_changed), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->audiences_row, row);
      g_ptr_array_add (self->audience_checks, check);
      count += on;
    }
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", count), count);
  adw_expander_row_set_subtitle (self->audiences_row, subtitle);
}

static void
set_date_button (GtkMenuButton *button,
                 GtkCalendar   *calendar,
                 const char    *iso)
{
  g_autofree char *day = helder_works_format_day (iso);
  int y, m, d;

  gtk_menu_button_set_label (button, day ? day : _("No date"));
  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      if (date != NULL)
        gtk_calendar_select_day (calendar, date);
    }
}

static void
fill_deadline (HelderWorksView *self,
               HelderRecord    *works)
{
  int org = helder_works_view_plan (self) ? helder_plan_service_works_lead_time (helder_works_view_plan (self)) : HELDER_WORKS_LEAD_TIME_DEFAULT;
  g_autofree char *deadline = helder_works_letter_deadline (works, org);
  g_autofree char *day = helder_works_format_day (deadline);
  g_autofree char *lead = NULL;
  int days = helder_works_lead_time (works, org);

  adw_action_row_set_subtitle (self->deadline_row, day ? day : _("Set a start date first"));
  if (helder_record_get_int (works, "lead_time_days") > 0)
    lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before the start, for these works",
                                         "%d days before the start, for these works", days), days);
  else
    lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "0: the organisation’s %d day",
                                         "0: the organisation’s %d days", org), org);
  adw_action_row_set_subtitle (self->lead_row, lead);
}

void
helder_works_view_fill_form (HelderWorksView *self)
{
  HelderRecord *base = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  const char * const *streets;
  g_autofree char *joined = NULL;
  gboolean may;

  if (base == NULL || helder_record_follower_get_deleted (self->follower))
    {
      gtk_stack_set_visible_child_name (self->works_detail_stack, "none");
      return;
    }

  self->filling = TRUE;
  clear_audiences (self);
  gtk_stack_set_visible_child_name (self->works_detail_stack, "detail");
  gtk_editable_set_text (GTK_EDITABLE (self->works_title_row), helder_record_get_text (base, "title") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->works_location_row), helder_record_get_text (base, "location") ?: "");
  streets = helder_record_get_list (base, "streets");
  joined = streets ? g_strjoinv (", ", (char **) streets) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->works_streets_row), joined);
  gtk_editable_set_text (GTK_EDITABLE (self->works_wijk_row), helder_record_get_text (base, "wijk") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->works_contact_row), helder_record_get_text (base, "contact") ?: "");
  g_free (self->start);
  self->start = g_strdup (helder_record_get_text (base, "start_date"));
  g_free (self->end);
  self->end = g_strdup (helder_record_get_text (base, "end_date"));
  set_date_button (self->start_button, self->start_calendar, self->start);
  set_date_button (self->end_button, self->end_calendar, self->end);
  gtk_spin_button_set_value (self->works_lead_spin, helder_record_get_int (base, "lead_time_days"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->works_description_view),
                            helder_record_get_text (base, "description") ?: "", -1);
  fill_audiences (self, base);
  helder_works_view_fill_dynamic (self);

  may = self->service && helder_service_may_create (self->service, HELDER_TYPE_WORKS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "works.delete", may);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "works.plan-letter",
                                 self->service && helder_service_may_create (self->service, HELDER_TYPE_MESSAGE));
  self->filling = FALSE;
}

/* What the rules say about the form's works: its deadline, warnings and
 * messages, shown again whenever the store changes. */
void
helder_works_view_fill_dynamic (HelderWorksView *self)
{
  HelderRecord *base = self->follower ? helder_record_follower_get_base (self->follower) : NULL;

  clear_detail_rows (self);
  if (base == NULL || helder_record_follower_get_deleted (self->follower))
    return;
  fill_deadline (self, base);
  fill_warnings (self, base);
  fill_messages (self, base);
}

static char **
split_streets (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

void
helder_works_view_save_now (HelderWorksView *self)
{
  HelderRecord *base = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) streets = NULL, audiences = NULL;
  g_autofree char *title = NULL, *location = NULL, *wijk = NULL, *contact = NULL, *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->works_description_view);
  GtkTextIter start, end;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (base == NULL || helder_record_follower_get_deleted (self->follower))
    return;

  title = entry_text (self->works_title_row);
  if (title == NULL)
    return;  /* a works needs its title: wait for one */
  location = entry_text (self->works_location_row);
  wijk = entry_text (self->works_wijk_row);
  contact = entry_text (self->works_contact_row);
  streets = split_streets (gtk_editable_get_text (GTK_EDITABLE (self->works_streets_row)));
  for (guint i = 0; i < self->audience_checks->len; i++)
    if (gtk_check_button_get_active (self->audience_checks->pdata[i]))
      g_strv_builder_add (chosen, g_object_get_data (self->audience_checks->pdata[i], "id"));
  audiences = g_strv_builder_end (chosen);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  copy = helder_record_follower_copy (base);
  g_object_set (copy,
                "title", title,
                "location", location,
                "streets", streets[0] ? streets : NULL,
                "wijk", wijk,
                "contact", contact,
                "start-date", self->start,
                "end-date", self->end,
                "lead-time-days", gtk_spin_button_get_value_as_int (self->works_lead_spin),
                "audiences", audiences[0] ? audiences : NULL,
                "description", *description ? description : NULL,
                NULL);
  if (helder_record_equal_data (copy, base))
    {
      helder_record_follower_set_edited (self->follower, FALSE);
      return;
    }
  if (!helder_record_follower_save (self->follower, copy, &error))
    helder_works_view_show_error (self, _("Could not save the works"), error);
}

static gboolean
save_cb (gpointer data)
{
  HelderWorksView *self = data;

  self->save_id = 0;
  helder_works_view_save_now (self);
  return G_SOURCE_REMOVE;
}

void
helder_works_view_form_changed (HelderWorksView *self)
{
  if (self->filling || self->follower == NULL)
    return;
  helder_record_follower_set_edited (self->follower, TRUE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static char *
calendar_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

void
helder_works_view_start_selected (HelderWorksView *self)
{
  if (self->filling)
    return;
  g_free (self->start);
  self->start = calendar_iso (self->start_calendar);
  set_date_button (self->start_button, self->start_calendar, self->start);
  gtk_menu_button_popdown (self->start_button);
  helder_works_view_form_changed (self);
}

void
helder_works_view_end_selected (HelderWorksView *self)
{
  if (self->filling)
    return;
  g_free (self->end);
  self->end = calendar_iso (self->end_calendar);
  set_date_button (self->end_button, self->end_calendar, self->end);
  gtk_menu_button_popdown (self->end_button);
  helder_works_view_form_changed (self);
}

void
helder_works_view_follower_changed (HelderWorksView      *self,
                  HelderFollowEvent     event,
                  HelderRecord         *stored)
{
  /* Under edits the next save merges; otherwise show what came in */
  if (event != HELDER_FOLLOW_CHANGED_UNDER_EDITS)
    helder_works_view_fill_form (self);
}

