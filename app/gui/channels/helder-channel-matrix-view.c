/* helder-channel-matrix-view.c: Matrix: messages × channels, the advice as heat, the choice marked
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channel-matrix-view.h"
#include "helder-channels-format.h"
#include "helder-matrix-cell.h"

/* A GtkColumnView: a row per message, a column per channel.  A cell is a
 * HelderMatrixCell (one drawn widget, focusable, with an accessible name:
 * channel, message, score, proposed, chosen, a text too hard for the
 * channel) showing the advice's score as text on a background of one hue
 * whose strength is the score; a chosen cell has a check mark, a proposed
 * one an outline, a text harder than the channel's target level a corner
 * in the warning colour.  Clicking a cell (or Enter) opens its reasons,
 * with the choice to tick or untick it; that goes to the page
 * ("toggle-channel"), which asks for a reason when the new set breaks a
 * rule.  GTK 4.8 keeps about 200 rows bound whatever is on screen: a cell
 * only learns its message when bound and asks for its content (the
 * advice, kept per message by the context) when first drawn, so rows off
 * screen compute nothing.  A change of the settings or the pressure
 * marks the cells to be filled again; only other channels rebuild the
 * columns. */

struct _HelderChannelMatrixView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkColumnView  *matrix;

  /* owned */
  HelderChannelsContext *context;
  GtkStringFilter       *filter;
  GtkNoSelection        *selection;
  GPtrArray             *channel_ids;   /* the columns, to see whether they changed */
  GHashTable            *cells;         /* every HelderMatrixCell the rows have (not owned) */
};

G_DEFINE_FINAL_TYPE (HelderChannelMatrixView, helder_channel_matrix_view, ADW_TYPE_BIN)

enum {
  TOGGLE_CHANNEL,
  OPEN_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_HEAT 6

/* 0 (a poor fit, or worse) to 5 (the best) */
int
helder_channel_heat (double score)
{
  if (score <= 0)
    return 0;
  return CLAMP ((int) (score / 12.0) + 1, 1, N_HEAT - 1);
}

static void
cell_activated (HelderChannelMatrixView *self,
                HelderMatrixCell        *cell);

/* The tooltip is the cell's name and its summary, made when asked for */
static gboolean
cell_query_tooltip (GtkWidget               *widget,
                    int                      x,
                    int                      y,
                    gboolean                 keyboard,
                    GtkTooltip              *tooltip,
                    HelderChannelMatrixView *self)
{
  HelderMatrixCell *cell = HELDER_MATRIX_CELL (widget);
  HelderRecord *message = helder_matrix_cell_get_message (cell);
  guint channel = helder_matrix_cell_get_channel (cell);
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  if (message == NULL || self->context == NULL)
    return FALSE;
  summary = helder_channel_advice_summary (helder_channels_context_get_advice (self->context, message), channel);
  text = g_strdup_printf ("%s\n%s", helder_matrix_cell_get_label (cell), summary);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A score cell's content: from the advice kept per message, asked for
 * when the cell is first drawn (rows off screen ask nothing) */
static void
fill_score (HelderMatrixCell *cell,
            gpointer          user_data)
{
  HelderChannelMatrixView *self = user_data;
  HelderRecord *message = helder_matrix_cell_get_message (cell);
  guint channel = helder_matrix_cell_get_channel (cell);
  HelderChannelSettings *settings;
  HelderChannelAdvice *advice;
  const HelderChannelScore *score;
  const gboolean *chosen;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hard = NULL;
  int level = 0, target = 0; /* the text's level and the channel's target */

  if (self->context == NULL)
    return;
  settings = helder_channels_context_get_settings (self->context);
  if (channel >= helder_channel_settings_get_n_channels (settings))
    return;
  advice = helder_channels_context_get_advice (self->context, message);
  score = &advice->scores[channel];
  chosen = helder_channels_context_peek_chosen (self->context, message);
  helder_channels_context_text_too_hard (self->context, message, channel, &level, &target);

  number = helder_channels_format_score (score->score);
  text = chosen[channel] ? g_strdup_printf ("✓ %s", number) : g_strdup (number);
  if (level > target && target > 0)
    /* Translators: said of a matrix cell: the text's level, the channel's target */
    hard = g_strdup_printf (_(", the text is at level %d, harder than the channel’s target %d"), level, target);
  /* Translators: a matrix cell: channel, message, score, then "proposed", "chosen", the level */
  name = g_strdup_printf (_("%s for “%s”: %s points%s%s%s"),
                          helder_channel_settings_get_channel (settings, channel)->name,
                          helder_record_get_title (message), number,
                          score->proposed ? _(", proposed") : "", chosen[channel] ? _(", chosen") : "",
                          hard ? hard : "");
  helder_matrix_cell_set_content (cell, text, NULL, helder_channel_heat (score->score), score->proposed,
                                  chosen[channel], hard != NULL, name);
}

static void
fill_title (HelderMatrixCell *cell,
            gpointer          user_data)
{
  HelderRecord *message = helder_matrix_cell_get_message (cell);
  HelderWeek w = helder_week_from_date (helder_record_get_text (message, "window_start"));
  g_autofree char *week = w ? helder_week_format (w) : g_strdup (_("No date"));

  helder_matrix_cell_set_content (cell, helder_record_get_title (message), week, -1, FALSE, FALSE, FALSE,
                                  helder_record_get_title (message));
}

static gboolean
title_query_tooltip (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  HelderRecord *message = helder_matrix_cell_get_message (HELDER_MATRIX_CELL (widget));

  if (message == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, helder_record_get_title (message));
  return TRUE;
}

static void
forget_cell (gpointer  data,
             GObject  *cell)
{
  HelderChannelMatrixView *self = data;

  g_hash_table_remove (self->cells, cell);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HelderChannelMatrixView  *self)
{
  GtkWidget *cell = helder_matrix_cell_new (HELDER_MATRIX_CELL_SCORE, fill_score, self);

  g_signal_connect_object (cell, "activate", G_CALLBACK (cell_activated), self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip), self, 0);
  gtk_list_item_set_child (item, cell);
  g_hash_table_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), forget_cell, self);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HelderChannelMatrixView  *self)
{
  guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "channel"));

  helder_matrix_cell_set_item (HELDER_MATRIX_CELL (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item), channel);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HelderChannelMatrixView  *self)
{
  helder_matrix_cell_set_item (HELDER_MATRIX_CELL (gtk_list_item_get_child (item)), NULL, 0);
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HelderChannelMatrixView  *self)
{
  GtkWidget *cell = helder_matrix_cell_new (HELDER_MATRIX_CELL_TITLE, fill_title, self);

  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (title_query_tooltip), NULL);
  gtk_list_item_set_child (item, cell);
  g_hash_table_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), forget_cell, self);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  helder_matrix_cell_set_item (HELDER_MATRIX_CELL (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item), 0);
}

/* The popover of a cell: its reasons, tick or untick, open in Advies */

static void
popover_toggled (HelderChannelMatrixView *self,
                 GtkCheckButton          *check)
{
  const char *id = g_object_get_data (G_OBJECT (check), "message-id");
  guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "channel")) - 1;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[TOGGLE_CHANNEL], 0, id, channel, gtk_check_button_get_active (check));
}

static void
popover_open (HelderChannelMatrixView *self,
              GtkButton               *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "message-id");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[OPEN_MESSAGE], 0, id);
}

static void
popover_closed (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

static void
cell_activated (HelderChannelMatrixView *self,
                HelderMatrixCell        *cell)
{
  HelderRecord *message = helder_matrix_cell_get_message (cell);
  guint channel = helder_matrix_cell_get_channel (cell);
  HelderChannelSettings *settings;
  HelderChannelAdvice *advice;
  const HelderChannelScore *score;
  GtkWidget *popover, *box, *heading, *check, *open;
  g_autofree gboolean *chosen = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  gboolean may;

  if (message == NULL || self->context == NULL)
    return;
  settings = helder_channels_context_get_settings (self->context);
  advice = helder_channels_context_get_advice (self->context, message);
  score = &advice->scores[channel];
  chosen = g_new0 (gboolean, helder_channel_settings_get_n_channels (settings));
  helder_channels_context_get_chosen (self->context, message, chosen);
  may = helder_service_may_create (HELDER_SERVICE (helder_channels_context_get_service (self->context)),
                                   HELDER_TYPE_MESSAGE);

  popover = gtk_popover_new ();
  gtk_widget_set_name (popover, "matrix_popover");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 360, -1);
  number = helder_channels_format_score (score->score);
  title = g_strdup_printf (_("%s: %s points"), helder_channel_settings_get_channel (settings, channel)->name, number);
  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  if (score->added_by != 0)
    {
      g_autofree char *text = g_strdup_printf (_("Added by a rule: %s"), helder_channel_rule_describe (score->added_by));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  for (guint r = 0; r < score->n_reasons; r++)
    {
      g_autofree char *text = helder_advice_reason_describe (settings, &score->reasons[r]);
      g_autofree char *points = helder_channels_format_points (score->reasons[r].points);
      g_autofree char *line = g_strdup_printf ("%s  %s", points, text);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_box_append (GTK_BOX (box), label);
    }
  check = gtk_check_button_new_with_label (_("Chosen for this message"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen[channel]);
  gtk_widget_set_sensitive (check, may);
  gtk_widget_set_margin_top (check, 6);
  g_object_set_data_full (G_OBJECT (check), "message-id", g_strdup (helder_record_get_id (message)), g_free);
  g_object_set_data (G_OBJECT (check), "channel", GUINT_TO_POINTER (channel + 1));
  g_signal_connect_object (check, "toggled", G_CALLBACK (popover_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), check);
  open = gtk_button_new_with_mnemonic (_("_Open in Advice"));
  g_object_set_data_full (G_OBJECT (open), "message-id", g_strdup (helder_record_get_id (message)), g_free);
  g_signal_connect_object (open, "clicked", G_CALLBACK (popover_open), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), open);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, GTK_WIDGET (cell));
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Columns */

static void
remove_columns (HelderChannelMatrixView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->matrix);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->matrix, column);
    }
}

static gboolean
same_channels (HelderChannelMatrixView *self,
               HelderChannelSettings   *settings)
{
  guint n = helder_channel_settings_get_n_channels (settings);

  if (self->channel_ids == NULL || self->channel_ids->len != n)
    return FALSE;
  for (guint c = 0; c < n; c++)
    if (g_strcmp0 (self->channel_ids->pdata[c], helder_channel_settings_get_channel (settings, c)->id) != 0)
      return FALSE;
  return TRUE;
}

static void
add_columns (HelderChannelMatrixView *self)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (self->context);
  g_autoptr(GtkListItemFactory) title_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) title = NULL;

  g_clear_pointer (&self->channel_ids, g_ptr_array_unref);
  self->channel_ids = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (title_factory, "setup", G_CALLBACK (setup_title), self);
  g_signal_connect (title_factory, "bind", G_CALLBACK (bind_title), NULL);
  title = gtk_column_view_column_new (_("Message"), g_object_ref (title_factory));
  gtk_column_view_column_set_fixed_width (title, 260);
  gtk_column_view_column_set_resizable (title, TRUE);
  gtk_column_view_append_column (self->matrix, title);

  for (guint c = 0; c < helder_channel_settings_get_n_channels (settings); c++)
    {
      const HelderChannelInfo *info = helder_channel_settings_get_channel (settings, c);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "channel", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      column = gtk_column_view_column_new (info->name, g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, 112);
      gtk_column_view_append_column (self->matrix, column);
      g_ptr_array_add (self->channel_ids, g_strdup (info->id));
    }
}

static void
invalidate_cells (HelderChannelMatrixView *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    helder_matrix_cell_invalidate (cell);
}

static void
context_changed (HelderChannelMatrixView *self)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (self->context);

  /* Other channels: other columns.  Otherwise new settings or pressure:
   * the cells are filled again when next drawn, in the rows they have. */
  if (!same_channels (self, settings))
    {
      gtk_column_view_set_model (self->matrix, NULL);
      remove_columns (self);
      add_columns (self);
      gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (self->selection));
    }
  else
    invalidate_cells (self);
}

/* The texts' levels of some messages are in: the cells again (each asks
 * the kept advice, so only the changed messages cost anything) */
static void
levels_changed (HelderChannelMatrixView *self)
{
  invalidate_cells (self);
}



static void
search_changed (HelderChannelMatrixView *self)
{
  if (self->filter != NULL)
    gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
helder_channel_matrix_view_set_context (HelderChannelMatrixView *self,
                                        HelderChannelsContext   *context)
{
  g_return_if_fail (HELDER_IS_CHANNEL_MATRIX_VIEW (self));

  if (self->context == context)
    return;
  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->context, context_changed, self);
      g_signal_handlers_disconnect_by_func (self->context, levels_changed, self);
    }
  gtk_column_view_set_model (self->matrix, NULL);
  remove_columns (self);
  g_clear_pointer (&self->channel_ids, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_set_object (&self->context, context);
  if (context == NULL)
    return;

  self->filter = gtk_string_filter_new (gtk_property_expression_new (HELDER_TYPE_MESSAGE, NULL, "title"));
  self->selection = gtk_no_selection_new (G_LIST_MODEL (
    gtk_filter_list_model_new (g_object_ref (helder_channels_context_get_messages (context)),
                               GTK_FILTER (g_object_ref (self->filter)))));
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "levels-changed", G_CALLBACK (levels_changed), self, G_CONNECT_SWAPPED);
  add_columns (self);
  gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (self->selection));
}

void
helder_channel_matrix_view_focus_search (HelderChannelMatrixView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWidget *
find_cell (GtkWidget  *root,
           const char *message_id,
           guint       channel)
{
  if (HELDER_IS_MATRIX_CELL (root) && gtk_widget_get_focusable (root) &&
      helder_matrix_cell_get_message (HELDER_MATRIX_CELL (root)) != NULL &&
      g_strcmp0 (helder_record_get_id (helder_matrix_cell_get_message (HELDER_MATRIX_CELL (root))), message_id) == 0 &&
      helder_matrix_cell_get_channel (HELDER_MATRIX_CELL (root)) == channel)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, message_id, channel);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * helder_channel_matrix_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell of @message_id and
 *   @channel, if its row is shown
 */
GtkWidget *
helder_channel_matrix_view_get_cell (HelderChannelMatrixView *self,
                                     const char              *message_id,
                                     guint                    channel)
{
  g_return_val_if_fail (HELDER_IS_CHANNEL_MATRIX_VIEW (self), NULL);
  return find_cell (GTK_WIDGET (self->matrix), message_id, channel);
}

static void
helder_channel_matrix_view_dispose (GObject *object)
{
  HelderChannelMatrixView *self = HELDER_CHANNEL_MATRIX_VIEW (object);

  if (self->matrix != NULL)
    helder_channel_matrix_view_set_context (self, NULL);
  self->matrix = NULL;
  /* dispose may run twice: the bin drops its child (the template's tree) once */
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (helder_channel_matrix_view_parent_class)->dispose (object);
}

static void
helder_channel_matrix_view_finalize (GObject *object)
{
  HelderChannelMatrixView *self = HELDER_CHANNEL_MATRIX_VIEW (object);
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    g_object_weak_unref (cell, forget_cell, self);
  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (helder_channel_matrix_view_parent_class)->finalize (object);
}

static void
helder_channel_matrix_view_class_init (HelderChannelMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_channel_matrix_view_dispose;
  object_class->finalize = helder_channel_matrix_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-channel-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderChannelMatrixView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelMatrixView, matrix);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);

  /**
   * HelderChannelMatrixView::toggle-channel:
   * @message_id: the message
   * @channel: the channel's index in the settings
   * @chosen: ticked or not
   *
   * The advisor changed the choice in a cell.
   */
  signals[TOGGLE_CHANNEL] = g_signal_new ("toggle-channel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_STRING, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /**
   * HelderChannelMatrixView::open-message:
   *
   * The advisor asked for the message's advice.
   */
  signals[OPEN_MESSAGE] = g_signal_new ("open-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
helder_channel_matrix_view_init (HelderChannelMatrixView *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
