/* helder-radar-detail.c: the selected topic of the radar: its fields, edited in place, and its signals
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-radar-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "helder-radar-detail.h"
#include "helder-signal-log.h"
#include "plan/helder-plan-quarter.h"
#include "service/helder-record-follower.h"

/* Every field saves when it is applied (Enter or the apply button, a
 * changed score or trend, the summary when it loses the focus), each one
 * save through the service.  The pane follows its record: a change that
 * sync brings in shows at once. */

struct _HelderRadarDetail
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwEntryRow          *title_row;
  GtkSpinButton        *admin_spin;
  GtkSpinButton        *societal_spin;
  AdwComboRow          *trend_row;
  AdwEntryRow          *owner_row;
  AdwEntryRow          *review_date_row;
  GtkLabel             *error_label;
  GtkTextView          *summary_view;
  AdwPreferencesGroup  *review_group;
  AdwActionRow         *review_row;
  HelderSignalLog      *signal_log;

  /* Owned */
  HelderPlanService    *service;
  HelderRecordFollower *follower;
  char                 *quarter;
  gboolean              filling;   /* showing a record: no saves */
};

G_DEFINE_FINAL_TYPE (HelderRadarDetail, helder_radar_detail, ADW_TYPE_BIN)

static const char *trend_values[] = { "rising", "stable", "falling" };

static void
show_error (HelderRadarDetail *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static HelderRecord *
base (HelderRadarDetail *self)
{
  return self->follower != NULL ? helder_record_follower_get_base (self->follower) : NULL;
}

/* Saves @field changes on a copy of the shown record. */
static gboolean
save_with (HelderRadarDetail *self,
           const char        *first_property,
           ...)
{
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  if (self->filling || base (self) == NULL)
    return FALSE;
  copy = helder_record_follower_copy (base (self));
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (copy), first_property, args);
  va_end (args);
  if (helder_record_equal_data (copy, base (self)))
    return TRUE;
  if (!helder_record_follower_save (self->follower, copy, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

static void
title_applied (HelderRadarDetail *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (*title == '\0')
    {
      show_error (self, _("A topic needs a title."));
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  save_with (self, "title", title, NULL);
}

static void
owner_applied (HelderRadarDetail *self)
{
  g_autofree char *owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));

  save_with (self, "owner", owner, NULL);
}

/* "14-01-2027" (as people type it) or "2027-01-14"; "" clears it. */
static char *
parse_day (const char *text)
{
  int d, m, y;
  char end;

  if (sscanf (text, "%d-%d-%d%c", &d, &m, &y, &end) == 3 && d <= 31 && y >= 1000 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) == 3 && y >= 1000 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return NULL;
}

static void
review_date_applied (HelderRadarDetail *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->review_date_row))));
  g_autofree char *day = NULL;

  if (*text != '\0' && (day = parse_day (text)) == NULL)
    {
      show_error (self, _("Type the date as day-month-year, for example 14-01-2027."));
      gtk_widget_add_css_class (GTK_WIDGET (self->review_date_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_date_row), "error");
  save_with (self, "next-review", day, NULL);
}

static void
scores_changed (HelderRadarDetail *self)
{
  save_with (self,
             "admin-impact", gtk_spin_button_get_value_as_int (self->admin_spin),
             "societal-impact", gtk_spin_button_get_value_as_int (self->societal_spin),
             NULL);
}

static void
trend_changed (HelderRadarDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->trend_row);

  if (selected < G_N_ELEMENTS (trend_values))
    save_with (self, "trend", trend_values[selected], NULL);
}

static void
summary_left (HelderRadarDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save_with (self, "summary", text, NULL);
}

static void
fill_review (HelderRadarDetail *self,
             HelderRecord      *topic)
{
  g_autoptr(HelderRecord) review = NULL;
  g_autofree char *label = helder_quarter_label (self->quarter);
  g_autofree char *title = NULL;

  if (self->service == NULL || self->quarter == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->review_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), TRUE);
  adw_preferences_group_set_title (self->review_group, label);
  review = helder_plan_quarter_review_of (self->service, self->quarter, topic);
  if (review == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), _("Not reviewed yet"));
      adw_action_row_set_subtitle (self->review_row, _("The quarterly review decides: keep, adjust or drop."));
      return;
    }
  /* Translators: a review decision and who made it */
  title = g_strdup_printf (_("%s, by %s"),
                           helder_review_decision_label (helder_review_decision_from_string (
                             helder_record_get_text (review, "decision"))),
                           helder_record_get_text (review, "reviewer") ? helder_record_get_text (review, "reviewer") : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), title);
  adw_action_row_set_subtitle (self->review_row, helder_record_get_text (review, "reason"));
}

static void
fill (HelderRadarDetail *self,
      HelderRecord      *topic)
{
  const char *trend = helder_record_get_text (topic, "trend");
  g_autofree char *day = NULL;
  int d = 0, m = 0, y = 0;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), helder_record_get_title (topic));
  gtk_spin_button_set_value (self->admin_spin, helder_record_get_int (topic, "admin_impact"));
  gtk_spin_button_set_value (self->societal_spin, helder_record_get_int (topic, "societal_impact"));
  adw_combo_row_set_selected (self->trend_row, g_strcmp0 (trend, "rising") == 0 ? 0
                                               : g_strcmp0 (trend, "falling") == 0 ? 2 : 1);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row),
                         helder_record_get_text (topic, "owner") ? helder_record_get_text (topic, "owner") : "");
  if (helder_record_get_text (topic, "next_review") != NULL &&
      sscanf (helder_record_get_text (topic, "next_review"), "%4d-%2d-%2d", &y, &m, &d) == 3)
    day = g_strdup_printf ("%02d-%02d-%04d", d, m, y);
  gtk_editable_set_text (GTK_EDITABLE (self->review_date_row), day != NULL ? day : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            helder_record_get_text (topic, "summary") ? helder_record_get_text (topic, "summary") : "",
                            -1);
  fill_review (self, topic);
  self->filling = FALSE;
}

static void
follow_changed (HelderRadarDetail    *self,
                HelderFollowEvent     event,
                HelderRecord         *record)
{
  if (event == HELDER_FOLLOW_DELETED)
    {
      helder_radar_detail_set_topic (self, NULL);
      return;
    }
  fill (self, helder_record_follower_get_base (self->follower));
}

void
helder_radar_detail_set_topic (HelderRadarDetail *self,
                               HelderRecord      *topic)
{
  g_return_if_fail (HELDER_IS_RADAR_DETAIL (self));

  if (topic != NULL && base (self) != NULL &&
      g_strcmp0 (helder_record_get_id (topic), helder_record_get_id (base (self))) == 0)
    return;
  if (self->follower != NULL)
    g_signal_handlers_disconnect_by_func (self->follower, follow_changed, self);
  g_clear_object (&self->follower);
  helder_signal_log_set_topic_id (self->signal_log, NULL);
  show_error (self, NULL);

  if (topic == NULL || self->service == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->follower = helder_record_follower_new (HELDER_SERVICE (self->service), topic);
  g_signal_connect_object (self->follower, "changed", G_CALLBACK (follow_changed), self, G_CONNECT_SWAPPED);
  fill (self, helder_record_follower_get_base (self->follower));

  helder_signal_log_set_topic_id (self->signal_log, helder_record_get_id (topic));
  gtk_stack_set_visible_child_name (self->stack, "topic");
}

HelderRecord *
helder_radar_detail_get_topic (HelderRadarDetail *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DETAIL (self), NULL);

  return base (self);
}

void
helder_radar_detail_set_service (HelderRadarDetail *self,
                                 HelderPlanService *service)
{
  g_return_if_fail (HELDER_IS_RADAR_DETAIL (self));

  helder_radar_detail_set_topic (self, NULL);
  g_set_object (&self->service, service);
  helder_signal_log_set_service (self->signal_log, service);
}

void
helder_radar_detail_set_quarter (HelderRadarDetail *self,
                                 const char        *quarter)
{
  g_return_if_fail (HELDER_IS_RADAR_DETAIL (self));

  g_free (self->quarter);
  self->quarter = g_strdup (quarter);
  if (base (self) != NULL)
    fill_review (self, base (self));
}

/* Enter on the radar: the title, ready to change */
void
helder_radar_detail_focus (HelderRadarDetail *self)
{
  g_return_if_fail (HELDER_IS_RADAR_DETAIL (self));

  if (base (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
helder_radar_detail_dispose (GObject *object)
{
  HelderRadarDetail *self = HELDER_RADAR_DETAIL (object);

  helder_radar_detail_set_topic (self, NULL);
  g_clear_object (&self->service);
  /* The stack is both the bin's child and a template child: the bin
   * lets go of it first, or it would be unparented twice */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_RADAR_DETAIL);

  G_OBJECT_CLASS (helder_radar_detail_parent_class)->dispose (object);
}

static void
helder_radar_detail_finalize (GObject *object)
{
  g_free (HELDER_RADAR_DETAIL (object)->quarter);

  G_OBJECT_CLASS (helder_radar_detail_parent_class)->finalize (object);
}

static void
helder_radar_detail_class_init (HelderRadarDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_radar_detail_dispose;
  object_class->finalize = helder_radar_detail_finalize;

  g_type_ensure (HELDER_TYPE_SIGNAL_LOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-radar-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, admin_spin);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, societal_spin);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, trend_row);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, review_date_row);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, summary_view);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, review_group);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, review_row);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarDetail, signal_log);
  gtk_widget_class_bind_template_callback (widget_class, title_applied);
  gtk_widget_class_bind_template_callback (widget_class, owner_applied);
  gtk_widget_class_bind_template_callback (widget_class, review_date_applied);
  gtk_widget_class_bind_template_callback (widget_class, scores_changed);
  gtk_widget_class_bind_template_callback (widget_class, trend_changed);
}

static void
helder_radar_detail_init (HelderRadarDetail *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (focus, "leave", G_CALLBACK (summary_left), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), focus);
}
