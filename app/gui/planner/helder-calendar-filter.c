/* helder-calendar-filter.c: the calendar's filters: priority, topic, channel, audience, status
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-calendar-filter.h"

/* A popover with a drop-down per link (priority, topic, channel,
 * audience: "All" or one) and a check button per status.  The choices
 * are read from the store each time the popover opens; what matches is
 * decided by helder_message_filter_matches() in the core.  "changed" is
 * emitted on every change. */

typedef struct
{
  GType        type;
  const char  *label;
  GtkDropDown *drop_down;
  GPtrArray   *ids;          /* index - 1 → id */
} Choice;

enum { PRIORITY, TOPIC, CHANNEL, AUDIENCE, N_CHOICES };

struct _HelderCalendarFilter
{
  GtkPopover           parent_instance;

  HelderService       *service;
  Choice               choices[N_CHOICES];
  GtkCheckButton      *states[HELDER_MESSAGE_N_STATES];
  HelderMessageFilter  filter;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (HelderCalendarFilter, helder_calendar_filter, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
member (HelderCalendarFilter *self,
        guint                 choice)
{
  switch (choice)
    {
    case PRIORITY: return &self->filter.priority;
    case TOPIC: return &self->filter.topic;
    case CHANNEL: return &self->filter.channel;
    default: return &self->filter.audience;
    }
}

static void
on_choice_changed (HelderCalendarFilter *self)
{
  if (self->updating)
    return;
  for (guint c = 0; c < N_CHOICES; c++)
    {
      guint selected = gtk_drop_down_get_selected (self->choices[c].drop_down);
      char **value = member (self, c);

      g_clear_pointer (value, g_free);
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->choices[c].ids->len)
        *value = g_strdup (self->choices[c].ids->pdata[selected - 1]);
    }
  self->filter.states = 0;
  for (guint s = 0; s < HELDER_MESSAGE_N_STATES; s++)
    if (gtk_check_button_get_active (self->states[s]))
      self->filter.states |= 1u << s;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The choices as the store has them now, keeping what was chosen. */
static void
fill_choices (HelderCalendarFilter *self)
{
  if (self->service == NULL)
    return;
  self->updating = TRUE;
  for (guint c = 0; c < N_CHOICES; c++)
    {
      Choice *choice = &self->choices[c];
      g_autoptr(HelderRecordList) list = helder_service_list (self->service, choice->type);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      const char *chosen = *member (self, c);
      guint selected = 0;

      gtk_string_list_append (names, _("All"));
      g_ptr_array_set_size (choice->ids, 0);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        {
          g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

          gtk_string_list_append (names, helder_record_get_title (record));
          g_ptr_array_add (choice->ids, g_strdup (helder_record_get_id (record)));
          if (g_strcmp0 (chosen, helder_record_get_id (record)) == 0)
            selected = i + 1;
        }
      gtk_drop_down_set_model (choice->drop_down, G_LIST_MODEL (names));
      gtk_drop_down_set_selected (choice->drop_down, selected);
    }
  self->updating = FALSE;
}

void
helder_calendar_filter_set_service (HelderCalendarFilter *self,
                                    HelderService        *service)
{
  g_return_if_fail (HELDER_IS_CALENDAR_FILTER (self));

  g_set_object (&self->service, service);
}

const HelderMessageFilter *
helder_calendar_filter_get_filter (HelderCalendarFilter *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_FILTER (self), NULL);

  return &self->filter;
}

/* Shows only messages of @states (1 << status; 0: all). */
void
helder_calendar_filter_set_states (HelderCalendarFilter *self,
                                   guint                 states)
{
  g_return_if_fail (HELDER_IS_CALENDAR_FILTER (self));

  self->updating = TRUE;
  for (guint s = 0; s < HELDER_MESSAGE_N_STATES; s++)
    gtk_check_button_set_active (self->states[s], (states & (1u << s)) != 0);
  self->updating = FALSE;
  on_choice_changed (self);
}

void
helder_calendar_filter_clear (HelderCalendarFilter *self)
{
  g_return_if_fail (HELDER_IS_CALENDAR_FILTER (self));

  self->updating = TRUE;
  for (guint c = 0; c < N_CHOICES; c++)
    gtk_drop_down_set_selected (self->choices[c].drop_down, 0);
  for (guint s = 0; s < HELDER_MESSAGE_N_STATES; s++)
    gtk_check_button_set_active (self->states[s], FALSE);
  self->updating = FALSE;
  on_choice_changed (self);
}

static void
helder_calendar_filter_dispose (GObject *object)
{
  HelderCalendarFilter *self = HELDER_CALENDAR_FILTER (object);

  g_clear_object (&self->service);

  G_OBJECT_CLASS (helder_calendar_filter_parent_class)->dispose (object);
}

static void
helder_calendar_filter_finalize (GObject *object)
{
  HelderCalendarFilter *self = HELDER_CALENDAR_FILTER (object);

  for (guint c = 0; c < N_CHOICES; c++)
    g_clear_pointer (&self->choices[c].ids, g_ptr_array_unref);
  helder_message_filter_clear (&self->filter);

  G_OBJECT_CLASS (helder_calendar_filter_parent_class)->finalize (object);
}

static void
helder_calendar_filter_class_init (HelderCalendarFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_calendar_filter_dispose;
  object_class->finalize = helder_calendar_filter_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
helder_calendar_filter_init (HelderCalendarFilter *self)
{
  static const struct { GType (*type) (void); const char *label; } kinds[N_CHOICES] = {
    { helder_priority_get_type, N_("Priority") },
    { helder_topic_get_type, N_("Topic") },
    { helder_channel_get_type, N_("Channel") },
    { helder_audience_get_type, N_("Audience") },
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *status_label = gtk_label_new (_("Status"));
  GtkWidget *states = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  for (guint c = 0; c < N_CHOICES; c++)
    {
      GtkWidget *label = gtk_label_new (_(kinds[c].label));
      GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

      self->choices[c].type = kinds[c].type ();
      self->choices[c].label = kinds[c].label;
      self->choices[c].ids = g_ptr_array_new_with_free_func (g_free);
      self->choices[c].drop_down = GTK_DROP_DOWN (drop_down);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_size_request (drop_down, 240, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_choice_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (GTK_GRID (grid), label, 0, c, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), drop_down, 1, c, 1, 1);
    }
  gtk_label_set_xalign (GTK_LABEL (status_label), 0);
  gtk_widget_set_valign (status_label, GTK_ALIGN_START);
  for (guint s = 0; s < HELDER_MESSAGE_N_STATES; s++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (helder_message_status_label (s));

      self->states[s] = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (states), check);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (states), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  status_label, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), status_label, 0, N_CHOICES, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), states, 1, N_CHOICES, 1, 1);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (helder_calendar_filter_clear), self,
                           G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), clear, 0, N_CHOICES + 1, 2, 1);
  gtk_popover_set_child (GTK_POPOVER (self), grid);
  g_signal_connect (self, "show", G_CALLBACK (fill_choices), NULL);
}

HelderCalendarFilter *
helder_calendar_filter_new (void)
{
  return g_object_new (HELDER_TYPE_CALENDAR_FILTER, NULL);
}
