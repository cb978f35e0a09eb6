/* helder-signal-popover.c: quick entry of a signal, with the person-data check before it saves
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-signal-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "helder-signal-popover.h"
#include "helder-window.h"
#include "plan/helder-plan-signals.h"

/* What came in, logged in a few seconds from anywhere in the planner
 * (Ctrl+Shift+S): topic, channel (the organisation's), date and text.
 * While the text is typed the core's person-data check runs on it; what
 * looks like an e-mail address, a phone number, a BSN or an address is
 * marked in the text and named under it, and the signal cannot be saved
 * until that part is gone.  Saving goes through the planner's service,
 * which checks the same again. */

struct _HelderSignalPopover
{
  GtkPopover     parent_instance;

  /* template widgets */
  AdwComboRow   *topic_row;
  AdwComboRow   *channel_row;
  AdwEntryRow   *date_row;
  GtkTextView   *text_view;
  GtkWidget     *person_box;
  GtkLabel      *person_label;
  GtkLabel      *error_label;
  GtkWidget     *save_button;

  /* owned */
  HelderService *service;
  HelderRecordList *topics;
  GtkStringList *channels;
  GtkTextTag    *mark_tag;
  char          *topic_id;     /* asked for before the topics were there */
  guint          n_marks;
};

G_DEFINE_FINAL_TYPE (HelderSignalPopover, helder_signal_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
buffer_text (HelderSignalPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static HelderRecord *
chosen_topic (HelderSignalPopover *self)
{
  return adw_combo_row_get_selected_item (self->topic_row);
}

static const char *
chosen_channel (HelderSignalPopover *self)
{
  guint index = adw_combo_row_get_selected (self->channel_row);

  if (self->channels == NULL || index == GTK_INVALID_LIST_POSITION ||
      index >= g_list_model_get_n_items (G_LIST_MODEL (self->channels)))
    return NULL;
  return gtk_string_list_get_string (self->channels, index);
}

static void
update_save (HelderSignalPopover *self)
{
  g_autofree char *text = buffer_text (self);
  g_autofree char *now = today ();
  g_autofree char *date = helder_signal_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), now);

  g_strstrip (text);
  gtk_widget_set_sensitive (self->save_button, self->n_marks == 0 && *text != '\0' && date != NULL &&
                            chosen_topic (self) != NULL && chosen_channel (self) != NULL);
  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
on_input_changed (HelderSignalPopover *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_save (self);
}

/* The person-data check, on every change of the text */
static void
on_text_changed (HelderSignalPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = buffer_text (self);
  g_autoptr(GArray) found = helder_person_data_find (text);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->mark_tag, &start, &end);
  for (guint i = 0; i < found->len; i++)
    {
      HelderPersonData *data = &g_array_index (found, HelderPersonData, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, data->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, data->end);
      gtk_text_buffer_apply_tag (buffer, self->mark_tag, &start, &end);
    }
  self->n_marks = found->len;
  if (found->len > 0)
    {
      g_autofree char *message = helder_person_data_describe (text, found);

      gtk_label_set_text (self->person_label, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (self->person_box, found->len > 0);
  on_input_changed (self);
}

static void
select_topic (HelderSignalPopover *self,
              const char          *topic_id)
{
  guint position;

  if (self->topics != NULL && topic_id != NULL && *topic_id != '\0' &&
      helder_record_list_lookup (self->topics, topic_id, &position))
    adw_combo_row_set_selected (self->topic_row, position);
}

static void
on_save_clicked (HelderSignalPopover *self)
{
  g_autofree char *text = buffer_text (self);
  g_autofree char *now = today ();
  g_autofree char *date = helder_signal_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), now);
  HelderRecord *topic = chosen_topic (self);
  g_autoptr(HelderRecord) signal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  GtkRoot *root;

  if (!HELDER_IS_PLAN_SERVICE (self->service) || !gtk_widget_get_sensitive (self->save_button))
    return;
  signal = helder_plan_signal_add (HELDER_PLAN_SERVICE (self->service), topic ? helder_record_get_id (topic) : NULL,
                                   chosen_channel (self), date, text, &error);
  if (signal == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* TRANSLATORS: %s is a topic */
  done = g_strdup_printf (_("Signal logged for “%s”"), helder_record_get_title (topic));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_popover_popdown (GTK_POPOVER (self));
  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), adw_toast_new (done));
}

static gboolean
not_dropped (HelderRecord *topic,
             gpointer      user_data)
{
  return g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") != 0;
}

/* Fresh choices each time it opens: channels and today's date */
static void
refresh (HelderSignalPopover *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *now = today ();
  const char *channel = chosen_channel (self);
  g_autofree char *was = g_strdup (channel);
  guint n;
  int day, month, year;

  if (!HELDER_IS_PLAN_SERVICE (self->service))
    return;
  if (self->topics == NULL)
    {
      self->topics = helder_plan_service_topics (HELDER_PLAN_SERVICE (self->service), HELDER_TOPIC_ORDER_TITLE);
      helder_record_list_set_filter_func (self->topics, not_dropped, NULL, NULL);
      adw_combo_row_set_model (self->topic_row, G_LIST_MODEL (self->topics));
    }
  names = helder_plan_signal_channels (HELDER_PLAN_SERVICE (self->service));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->channels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->channels)),
                          (const char * const *) names->pdata);
  n = names->len - 1;
  for (guint i = 0; was != NULL && i < n; i++)
    if (g_str_equal (names->pdata[i], was))
      adw_combo_row_set_selected (self->channel_row, i);
  if (sscanf (now, "%d-%d-%d", &year, &month, &day) == 3)
    {
      g_autofree char *shown = g_strdup_printf ("%d-%d-%d", day, month, year);

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
    }
  select_topic (self, self->topic_id);
  update_save (self);
}

static void
helder_signal_popover_show (GtkWidget *widget)
{
  HelderSignalPopover *self = HELDER_SIGNAL_POPOVER (widget);

  refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  GTK_WIDGET_CLASS (helder_signal_popover_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
helder_signal_popover_dispose (GObject *object)
{
  HelderSignalPopover *self = HELDER_SIGNAL_POPOVER (object);

  if (self->topic_row != NULL)
    adw_combo_row_set_model (self->topic_row, NULL);
  g_clear_object (&self->topics);
  g_clear_object (&self->channels);
  g_clear_object (&self->service);
  /* dispose may run twice; the template goes once */
  if (self->text_view != NULL)
    {
      gtk_popover_set_child (GTK_POPOVER (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_SIGNAL_POPOVER);
    }

  G_OBJECT_CLASS (helder_signal_popover_parent_class)->dispose (object);
}

static void
helder_signal_popover_finalize (GObject *object)
{
  g_free (HELDER_SIGNAL_POPOVER (object)->topic_id);

  G_OBJECT_CLASS (helder_signal_popover_parent_class)->finalize (object);
}

static void
helder_signal_popover_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, HELDER_SIGNAL_POPOVER (object)->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_signal_popover_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_signal_popover_set_service (HELDER_SIGNAL_POPOVER (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_signal_popover_class_init (HelderSignalPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_signal_popover_dispose;
  object_class->finalize = helder_signal_popover_finalize;
  object_class->get_property = helder_signal_popover_get_property;
  object_class->set_property = helder_signal_popover_set_property;
  widget_class->show = helder_signal_popover_show;

  /* The planner's service (a HelderPlanService) */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-signal-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, topic_row);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, channel_row);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, date_row);
  gtk_widget_class_bind_template_child_full (widget_class, "signal_text_view", FALSE, G_STRUCT_OFFSET (HelderSignalPopover, text_view));
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, person_box);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, person_label);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalPopover, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
helder_signal_popover_init (HelderSignalPopover *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Marked as the editor marks a problem: a wavy line, and a tint
   * that reads in dark style too */
  self->mark_tag = gtk_text_buffer_create_tag (buffer, "person-data",
                                               "underline", PANGO_UNDERLINE_ERROR,
                                               "background", "rgba(224,27,36,0.18)",
                                               NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  self->channels = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (self->channels));
  adw_combo_row_set_expression (self->topic_row,
                                gtk_property_expression_new (HELDER_TYPE_TOPIC, NULL, "title"));
  update_save (self);
}

GtkWidget *
helder_signal_popover_new (void)
{
  return g_object_new (HELDER_TYPE_SIGNAL_POPOVER, NULL);
}

HelderService *
helder_signal_popover_get_service (HelderSignalPopover *self)
{
  g_return_val_if_fail (HELDER_IS_SIGNAL_POPOVER (self), NULL);

  return self->service;
}

void
helder_signal_popover_set_service (HelderSignalPopover *self,
                                   HelderService       *service)
{
  g_return_if_fail (HELDER_IS_SIGNAL_POPOVER (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;
  /* The topics are read when the entry first opens */
  adw_combo_row_set_model (self->topic_row, NULL);
  g_clear_object (&self->topics);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
helder_signal_popover_get_topic (HelderSignalPopover *self)
{
  HelderRecord *topic;

  g_return_val_if_fail (HELDER_IS_SIGNAL_POPOVER (self), NULL);

  topic = chosen_topic (self);
  return topic ? helder_record_get_id (topic) : NULL;
}

/**
 * helder_signal_popover_set_topic:
 * @topic_id: (nullable): the topic the next signal is about
 */
void
helder_signal_popover_set_topic (HelderSignalPopover *self,
                                 const char          *topic_id)
{
  g_return_if_fail (HELDER_IS_SIGNAL_POPOVER (self));

  if (topic_id == NULL || *topic_id == '\0')
    return;
  g_free (self->topic_id);
  self->topic_id = g_strdup (topic_id);
  select_topic (self, topic_id);
}

/* How many parts of the text are marked as a person's data */
guint
helder_signal_popover_count_marks (HelderSignalPopover *self)
{
  g_return_val_if_fail (HELDER_IS_SIGNAL_POPOVER (self), 0);

  return self->n_marks;
}
