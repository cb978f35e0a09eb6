/* helder-signal-log.c: the signals of one topic, with counts per channel and week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-signal-log"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "helder-signal-log.h"
#include "model/helder-record-format.h"
#include "plan/helder-plan-signals.h"
#include "helder-tooltip.h"

/* What came in about a topic, newest first: date, channel and text, from
 * a live list (a signal a colleague logs appears as it syncs), with the
 * counts per channel and a small bar per week of the last eight.  A topic
 * pane embeds it (the radar's); "Log Signal" opens the planner's quick
 * entry for this topic (the planner.add-signal action). */

#define N_WEEKS 8

struct _HelderSignalLog
{
  AdwBin             parent_instance;

  /* template widgets */
  GtkLabel          *total_label;
  GtkLabel          *channels_label;
  GtkBox            *weeks_box;
  GtkListBox        *list_box;
  GtkLabel          *empty_label;
  GtkButton         *add_button;

  /* owned */
  HelderPlanService *service;
  char              *topic_id;
  HelderRecordList  *all;       /* the planner's shared list of signals */
  GtkFilterListModel *signals;  /* this topic's */
};

G_DEFINE_FINAL_TYPE (HelderSignalLog, helder_signal_log, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_TOPIC_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row is two labels in a box, not an AdwActionRow: its nested boxes
 * measured each wrapped text many times over, 150 ms per topic switch
 * with a handful of signals. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HelderRecord *signal = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *caption;
  g_autofree char *date = helder_format_date (helder_record_get_text (signal, "date"));
  const char *channel = helder_record_get_text (signal, "channel");
  const char *text = helder_record_get_text (signal, "text");
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  /* TRANSLATORS: a signal's date and the channel it came in through */
  subtitle = g_strdup_printf (_("%s · %s"), date ? date : _("No date"), channel ? channel : _("Unknown"));
  title = gtk_label_new (text ? text : "");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* its natural width is a line of 40 characters, not the whole text */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  caption = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  name = g_strdup_printf ("%s, %s", text ? text : "", subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (row, "signal-row");
  return row;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
week_bar (const HelderSignalCount *week,
          guint                    max)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (max, 1));
  g_autofree char *name = helder_signal_format_week (week->key);
  g_autofree char *number = g_strdup_printf ("%d", atoi (strstr (week->key, "-W") + 2));
  g_autofree char *tooltip = g_strdup_printf (ngettext ("%s: %u signal", "%s: %u signals", week->count),
                                              name, week->count);
  GtkWidget *label = gtk_label_new (number);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (bar), GTK_ORIENTATION_VERTICAL);
  gtk_level_bar_set_inverted (GTK_LEVEL_BAR (bar), TRUE);
  /* one colour: the count is in the tooltip and the accessible label */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), week->count);
  gtk_widget_set_vexpand (bar, TRUE);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  /* (asked for when it shows: setting one asks the display where the pointer is) */
  helder_widget_set_tooltip (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (box, "signal-week");
  return box;
}

/* The counts, from the list as it is now */
static void
update_counts (HelderSignalLog *self)
{
  g_auto(HelderSignalCounts) counts = { 0 };
  g_autoptr(GString) channels = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GArray) series = NULL;
  g_autofree char *total = NULL;
  guint max = 0;

  helder_signal_counts_collect (&counts, self->signals ? G_LIST_MODEL (self->signals) : NULL, NULL);
  total = g_strdup_printf (ngettext ("%u signal", "%u signals", counts.total), counts.total);
  gtk_label_set_text (self->total_label, total);
  for (guint i = 0; counts.channels != NULL && i < counts.channels->len; i++)
    {
      HelderSignalCount *c = &g_array_index (counts.channels, HelderSignalCount, i);

      if (i > 0)
        g_string_append (channels, " · ");
      g_string_append_printf (channels, "%s %u", c->key, c->count);
    }
  gtk_label_set_text (self->channels_label, channels->str);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_label), counts.total > 0);

  clear_box (self->weeks_box);
  series = helder_signal_week_series (&counts, today, N_WEEKS);
  for (guint i = 0; i < series->len; i++)
    max = MAX (max, g_array_index (series, HelderSignalCount, i).count);
  for (guint i = 0; i < series->len; i++)
    gtk_box_append (self->weeks_box, week_bar (&g_array_index (series, HelderSignalCount, i), max));
  gtk_widget_set_visible (GTK_WIDGET (self->weeks_box), counts.total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), counts.total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), counts.total == 0);
}

static gboolean
of_topic (gpointer item,
          gpointer user_data)
{
  HelderSignalLog *self = user_data;

  return self->topic_id != NULL && g_strcmp0 (helder_record_get_text (item, "topic"), self->topic_id) == 0;
}

/* A new topic: the shared list filtered again, in memory */
static void
rebind (HelderSignalLog *self)
{
  if (self->all == NULL && self->service != NULL)
    {
      self->all = helder_plan_signals_all (self->service);
      gtk_filter_list_model_set_model (self->signals, G_LIST_MODEL (self->all));
    }
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->signals), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", self->topic_id ? self->topic_id : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->topic_id != NULL);
  update_counts (self);
}

static void
helder_signal_log_dispose (GObject *object)
{
  HelderSignalLog *self = HELDER_SIGNAL_LOG (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->signals != NULL)
    g_signal_handlers_disconnect_by_func (self->signals, update_counts, self);
  g_clear_object (&self->signals);
  g_clear_object (&self->all);
  g_clear_object (&self->service);
  /* dispose may run twice; the template goes once */
  if (self->total_label != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_SIGNAL_LOG);

  G_OBJECT_CLASS (helder_signal_log_parent_class)->dispose (object);
}

static void
helder_signal_log_finalize (GObject *object)
{
  g_free (HELDER_SIGNAL_LOG (object)->topic_id);

  G_OBJECT_CLASS (helder_signal_log_parent_class)->finalize (object);
}

static void
helder_signal_log_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HelderSignalLog *self = HELDER_SIGNAL_LOG (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_TOPIC_ID:
      g_value_set_string (value, self->topic_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_signal_log_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HelderSignalLog *self = HELDER_SIGNAL_LOG (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_signal_log_set_service (self, g_value_get_object (value));
      break;
    case PROP_TOPIC_ID:
      helder_signal_log_set_topic_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_signal_log_class_init (HelderSignalLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_signal_log_dispose;
  object_class->finalize = helder_signal_log_finalize;
  object_class->get_property = helder_signal_log_get_property;
  object_class->set_property = helder_signal_log_set_property;

  /* Where the signals come from */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_PLAN_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The topic whose signals it shows */
  properties[PROP_TOPIC_ID] =
    g_param_spec_string ("topic-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-signal-log.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, total_label);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, channels_label);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, weeks_box);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, list_box);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HelderSignalLog, add_button);
}

static void
helder_signal_log_init (HelderSignalLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signals = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (of_topic, self, NULL)));
  g_signal_connect_object (self->signals, "items-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->signals), create_row, self, NULL);
  rebind (self);
}

GtkWidget *
helder_signal_log_new (void)
{
  return g_object_new (HELDER_TYPE_SIGNAL_LOG, NULL);
}

HelderPlanService *
helder_signal_log_get_service (HelderSignalLog *self)
{
  g_return_val_if_fail (HELDER_IS_SIGNAL_LOG (self), NULL);

  return self->service;
}

void
helder_signal_log_set_service (HelderSignalLog   *self,
                               HelderPlanService *service)
{
  g_return_if_fail (HELDER_IS_SIGNAL_LOG (self));
  g_return_if_fail (service == NULL || HELDER_IS_PLAN_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;
  gtk_filter_list_model_set_model (self->signals, NULL);
  g_clear_object (&self->all);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
helder_signal_log_get_topic_id (HelderSignalLog *self)
{
  g_return_val_if_fail (HELDER_IS_SIGNAL_LOG (self), NULL);

  return self->topic_id;
}

/**
 * helder_signal_log_set_topic_id:
 * @topic_id: (nullable): the topic whose signals to show
 */
void
helder_signal_log_set_topic_id (HelderSignalLog *self,
                                const char      *topic_id)
{
  g_return_if_fail (HELDER_IS_SIGNAL_LOG (self));

  if (g_strcmp0 (self->topic_id, topic_id) == 0)
    return;
  g_free (self->topic_id);
  self->topic_id = g_strdup (topic_id);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC_ID]);
}

/* How many signals it shows */
guint
helder_signal_log_get_n_signals (HelderSignalLog *self)
{
  g_return_val_if_fail (HELDER_IS_SIGNAL_LOG (self), 0);

  return self->signals ? g_list_model_get_n_items (G_LIST_MODEL (self->signals)) : 0;
}
