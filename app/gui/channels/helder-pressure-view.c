/* helder-pressure-view.c: Contactdruk: messages per audience per week, against the budget
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-pressure-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channel-matrix-view.h"
#include "helder-pressure-view.h"
#include "helder-tooltip.h"

/* A heat map: a row per ISO week from the first planned message to the
 * last, a column per audience.  Each cell is a flat button (focusable,
 * with its name: audience, week, count, budget, over or not) showing the
 * count on one hue's strength; a week over the budget is outlined and
 * marked "!".  A cell shows its messages on the right. */

#define MAX_WEEKS 110

struct _HelderPressureView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkLabel       *summary_label;
  GtkGrid        *grid;
  GtkLabel       *cell_title;
  GtkLabel       *cell_detail;
  GtkListBox     *cell_messages;

  /* owned */
  HelderChannelsContext *context;
  gboolean               stale;
  guint                  n_over;      /* cells over the budget that are shown */
};

G_DEFINE_FINAL_TYPE (HelderPressureView, helder_pressure_view, ADW_TYPE_BIN)

enum {
  OPEN_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_grid (HelderPressureView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
open_clicked (HelderPressureView *self,
              GtkButton          *button)
{
  g_signal_emit (self, signals[OPEN_MESSAGE], 0, g_object_get_data (G_OBJECT (button), "message-id"));
}

static void
cell_clicked (HelderPressureView *self,
              GtkButton          *button)
{
  HelderContactPressure *pressure = helder_channels_context_get_pressure (self->context);
  HelderChannelSettings *settings = helder_contact_pressure_get_settings (pressure);
  HelderWeek week = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "week"));
  guint audience = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "audience")) - 1;
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *w = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  HelderPressureCell cell;
  GtkWidget *child;

  if (audience >= helder_channel_settings_get_n_audiences (settings))
    return;
  helder_contact_pressure_get_cell (pressure, week, audience, &cell);
  w = helder_week_format (week);
  title = g_strdup_printf ("%s · %s", helder_channel_settings_get_audience (settings, audience)->name, w);
  gtk_label_set_text (self->cell_title, title);
  if (cell.over)
    detail = g_strdup_printf (_("%u messages, %u of them exempt: over the budget of %u a week. Bundle messages or move one to a quieter week."),
                              cell.count, cell.exempt, cell.budget);
  else
    detail = g_strdup_printf (_("%u messages, %u of them exempt, within the budget of %u a week."),
                              cell.count, cell.exempt, cell.budget);
  gtk_label_set_text (self->cell_detail, detail);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cell_messages))) != NULL)
    gtk_list_box_remove (self->cell_messages, child);
  messages = helder_contact_pressure_messages_in (pressure, week, audience);
  for (guint i = 0; i < messages->len; i++)
    {
      HelderRecord *message = messages->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
      g_autofree char *open_label = g_strdup_printf (_("Open “%s” in Advice"), helder_record_get_title (message));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_record_get_title (message));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      if (helder_message_is_exempt (message))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Exempt: urgent or legally required"));
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      helder_widget_set_tooltip (open, open_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
      g_object_set_data_full (G_OBJECT (open), "message-id", g_strdup (helder_record_get_id (message)), g_free);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (self->cell_messages, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cell_messages), messages->len > 0);
}

static gboolean
shown (HelderPressureView       *self,
       const HelderAudienceInfo *info)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (search == NULL || search[0] == '\0')
    return TRUE;
  name = g_utf8_casefold (info->name, -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (name, needle) != NULL;
}

static void
rebuild (HelderPressureView *self)
{
  HelderContactPressure *pressure;
  HelderChannelSettings *settings;
  HelderWeek first, last;
  guint column = 1, n_weeks;
  g_autofree char *summary = NULL;

  clear_grid (self);
  self->stale = FALSE;
  self->n_over = 0;
  if (self->context == NULL)
    return;
  pressure = helder_channels_context_get_pressure (self->context);
  settings = helder_contact_pressure_get_settings (pressure);
  first = helder_contact_pressure_get_first (pressure);
  last = helder_contact_pressure_get_last (pressure);
  n_weeks = first != 0 ? MIN ((last - first) / 7 + 1, MAX_WEEKS) : 0;

  for (guint r = 0; r < n_weeks; r++)
    {
      g_autofree char *text = helder_week_format (first + 7 * r);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->grid, label, 0, r + 1, 1, 1);
    }

  for (guint a = 0; a < helder_channel_settings_get_n_audiences (settings); a++)
    {
      const HelderAudienceInfo *info = helder_channel_settings_get_audience (settings, a);
      GtkWidget *header;

      if (!shown (self, info))
        continue;
      header = gtk_label_new (info->name);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 10);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_grid_attach (self->grid, header, column, 0, 1, 1);

      for (guint r = 0; r < n_weeks; r++)
        {
          HelderWeek week = first + 7 * r;
          HelderPressureCell cell;
          GtkWidget *button;
          g_autofree char *label = NULL;
          g_autofree char *name = NULL;
          g_autofree char *w = helder_week_format (week);
          char heat[16];

          helder_contact_pressure_get_cell (pressure, week, a, &cell);
          label = cell.over ? g_strdup_printf ("%u !", cell.count) : g_strdup_printf ("%u", cell.count);
          button = gtk_button_new_with_label (label);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "matrix-cell");
          gtk_widget_add_css_class (button, "pressure-cell");
          gtk_widget_add_css_class (button, "numeric");
          g_snprintf (heat, sizeof heat, "heat-%u", MIN (cell.count, 5));
          gtk_widget_add_css_class (button, heat);
          if (cell.over)
            {
              gtk_widget_add_css_class (button, "over");
              self->n_over++;
            }
          /* Translators: audience, week, count, exempt, budget, and "over the budget" or nothing */
          name = g_strdup_printf (_("%s, %s: %u messages (%u exempt), budget %u%s"), info->name, w, cell.count,
                                  cell.exempt, cell.budget, cell.over ? _(", over the budget") : "");
          helder_widget_set_tooltip (button, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "accessible-label", g_strdup (name), g_free);
          g_object_set_data (G_OBJECT (button), "week", GUINT_TO_POINTER (week));
          g_object_set_data (G_OBJECT (button), "audience", GUINT_TO_POINTER (a + 1));
          g_signal_connect_object (button, "clicked", G_CALLBACK (cell_clicked), self, G_CONNECT_SWAPPED);
          gtk_grid_attach (self->grid, button, column, r + 1, 1, 1);
        }
      column++;
    }

  if (n_weeks == 0)
    summary = g_strdup (_("No planned messages yet."));
  else if (self->n_over == 0)
    summary = g_strdup (_("No audience gets more messages than its budget in any week."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time an audience gets more than its budget in a week.",
                                            "%u times an audience gets more than its budget in a week.", self->n_over),
                               self->n_over);
  gtk_label_set_text (self->summary_label, summary);
}

static void
context_changed (HelderPressureView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

static void
search_changed (HelderPressureView *self)
{
  rebuild (self);
}

static void
helder_pressure_view_map (GtkWidget *widget)
{
  HelderPressureView *self = HELDER_PRESSURE_VIEW (widget);

  if (self->stale)
    rebuild (self);

  GTK_WIDGET_CLASS (helder_pressure_view_parent_class)->map (widget);
}

void
helder_pressure_view_set_context (HelderPressureView    *self,
                                  HelderChannelsContext *context)
{
  g_return_if_fail (HELDER_IS_PRESSURE_VIEW (self));

  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed), self, G_CONNECT_SWAPPED);
  clear_grid (self);
  self->stale = TRUE;
  if (context != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

void
helder_pressure_view_focus_search (HelderPressureView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The cell of @week and @audience, or NULL */
GtkWidget *
helder_pressure_view_get_cell (HelderPressureView *self,
                               HelderWeek          week,
                               guint               audience)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_object_get_data (G_OBJECT (child), "week") == GUINT_TO_POINTER (week) &&
        g_object_get_data (G_OBJECT (child), "audience") == GUINT_TO_POINTER (audience + 1))
      return child;
  return NULL;
}

/* How many shown cells are over their budget */
guint
helder_pressure_view_count_over (HelderPressureView *self)
{
  return self->n_over;
}

static void
helder_pressure_view_dispose (GObject *object)
{
  HelderPressureView *self = HELDER_PRESSURE_VIEW (object);

  if (self->grid != NULL)
    helder_pressure_view_set_context (self, NULL);
  self->grid = NULL;
  /* dispose may run twice: the bin drops its child (the template's tree) once */
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (helder_pressure_view_parent_class)->dispose (object);
}

static void
helder_pressure_view_class_init (HelderPressureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_pressure_view_dispose;
  widget_class->map = helder_pressure_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-pressure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, grid);
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, cell_title);
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, cell_detail);
  gtk_widget_class_bind_template_child (widget_class, HelderPressureView, cell_messages);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);

  /**
   * HelderPressureView::open-message:
   *
   * The advisor asked for a message's advice.
   */
  signals[OPEN_MESSAGE] = g_signal_new ("open-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
helder_pressure_view_init (HelderPressureView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
