/* helder-matrix-cell.c: one drawn cell of the channel matrix
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-matrix-cell"

#include "config.h"

#include "helder-matrix-cell.h"

/* GTK 4.8's column view keeps some 200 rows alive whatever is on screen,
 * so the matrix's 15 channels make 3,000 cells at once.  A cell is
 * therefore one widget without children that draws itself: no label to
 * measure and shape, no style classes changed per row.  Binding a row
 * only tells the cell its message; what it shows is asked for (the fill
 * function, from the advice the view keeps per message) when it is first
 * drawn, so rows bound off screen compute nothing.  A score cell is a
 * focusable button for keyboard and screen reader (role button, its name
 * set when it is filled); Enter, Space or a click emit ::activate. */

struct _HelderMatrixCell
{
  GtkWidget parent_instance;

  HelderMatrixCellKind kind;
  HelderMatrixCellFill fill;
  gpointer             fill_data;

  HelderRecord *message;
  guint         channel;
  gboolean      stale;

  char        *text;
  char        *secondary;
  char        *label;
  int          heat;
  gboolean     proposed;
  gboolean     chosen;
  gboolean     warning;
  PangoLayout *layout;
  PangoLayout *secondary_layout;
};

G_DEFINE_FINAL_TYPE (HelderMatrixCell, helder_matrix_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const double heat_alpha[] = { 0, 0.10, 0.25, 0.45, 0.70, 1.0 };

/* One text line's height, from the first cell's font */
static int line_height;

static void
ensure_filled (HelderMatrixCell *self)
{
  if (self->stale && self->message != NULL && self->fill != NULL)
    {
      self->stale = FALSE;
      self->fill (self, self->fill_data);
    }
}

static int
get_line_height (GtkWidget *widget)
{
  if (line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      pango_font_metrics_unref (metrics);
      if (line_height <= 0)
        line_height = 17;
    }
  return line_height;
}

static void
helder_matrix_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HelderMatrixCell *self = HELDER_MATRIX_CELL (widget);
  int line = get_line_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->kind == HELDER_MATRIX_CELL_TITLE ? 120 : 64;
  else
    /* both kinds as tall, so rows are alike */
    *minimum = *natural = 2 * line + 8;
}

static void
helder_matrix_cell_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  /* a popover of the cell (its reasons) follows it */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static PangoLayout *
layout_for (HelderMatrixCell  *self,
            PangoLayout      **layout,
            const char        *text)
{
  if (*layout == NULL)
    *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_text (*layout, text ? text : "", -1);
  return *layout;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
snapshot_title (HelderMatrixCell *self,
                GtkSnapshot      *snapshot,
                int               width,
                int               height,
                const GdkRGBA    *fg)
{
  PangoLayout *title = layout_for (self, &self->layout, self->text);
  PangoLayout *week = layout_for (self, &self->secondary_layout, self->secondary);
  g_autoptr(PangoAttrList) small = pango_attr_list_new ();
  GdkRGBA dim = *fg;
  int line = get_line_height (GTK_WIDGET (self));
  int top = MAX (0, (height - 2 * line) / 2);

  pango_layout_set_width (title, MAX (0, width - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_attr_list_insert (small, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (week, small);
  pango_layout_set_width (week, MAX (0, width - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (week, PANGO_ELLIPSIZE_END);
  dim.alpha *= 0.55;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (4, top));
  gtk_snapshot_append_layout (snapshot, title, fg);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, line));
  gtk_snapshot_append_layout (snapshot, week, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_score (HelderMatrixCell *self,
                GtkSnapshot      *snapshot,
                int               width,
                int               height,
                const GdkRGBA    *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GskRoundedRect box;
  GdkRGBA accent, text_color = *fg;
  PangoLayout *layout = layout_for (self, &self->layout, self->text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int heat = CLAMP (self->heat, 0, (int) G_N_ELEMENTS (heat_alpha) - 1);
  PangoRectangle ink, logical;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (2, 2, MAX (0, width - 4), MAX (0, height - 4)), 6);
  if (heat > 0)
    {
      lookup_color (widget, "accent_bg_color", &accent);
      accent.alpha *= heat_alpha[heat];
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &accent, &box.bounds);
      gtk_snapshot_pop (snapshot);
      if (heat >= 4)
        lookup_color (widget, "accent_fg_color", &text_color);
    }
  if (self->proposed)
    {
      const float w[4] = { 2, 2, 2, 2 };
      const GdkRGBA c[4] = { *fg, *fg, *fg, *fg };

      gtk_snapshot_append_border (snapshot, &box, w, c);
    }
  if (self->warning)
    {
      /* a corner in the warning colour: the text is too hard for the channel */
      GdkRGBA warning;
      cairo_t *cr;

      lookup_color (widget, "warning_color", &warning);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (width - 16, 2, 14, 14));
      gdk_cairo_set_source_rgba (cr, &warning);
      cairo_move_to (cr, width - 16, 2);
      cairo_line_to (cr, width - 2 - 4, 2);
      cairo_arc (cr, width - 2 - 4, 2 + 4, 4, -G_PI / 2, 0);
      cairo_line_to (cr, width - 2, 16);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_destroy (cr);
    }

  if (self->chosen)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) / 2.0,
                                                          (height - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &text_color);
  gtk_snapshot_restore (snapshot);
}

static void
helder_matrix_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HelderMatrixCell *self = HELDER_MATRIX_CELL (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA fg;

  ensure_filled (self);
  if (self->text == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (self->kind == HELDER_MATRIX_CELL_TITLE)
    snapshot_title (self, snapshot, width, height, &fg);
  else
    snapshot_score (self, snapshot, width, height, &fg);
}

static void
clicked (GtkGestureClick  *gesture,
         int               n_press,
         double            x,
         double            y,
         HelderMatrixCell *self)
{
  if (self->kind != HELDER_MATRIX_CELL_SCORE)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
helder_matrix_cell_dispose (GObject *object)
{
  HelderMatrixCell *self = HELDER_MATRIX_CELL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->message);
  g_clear_object (&self->layout);
  g_clear_object (&self->secondary_layout);

  G_OBJECT_CLASS (helder_matrix_cell_parent_class)->dispose (object);
}

static void
helder_matrix_cell_finalize (GObject *object)
{
  HelderMatrixCell *self = HELDER_MATRIX_CELL (object);

  g_free (self->text);
  g_free (self->secondary);
  g_free (self->label);

  G_OBJECT_CLASS (helder_matrix_cell_parent_class)->finalize (object);
}

static void
helder_matrix_cell_class_init (HelderMatrixCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };

  object_class->dispose = helder_matrix_cell_dispose;
  object_class->finalize = helder_matrix_cell_finalize;
  widget_class->measure = helder_matrix_cell_measure;
  widget_class->size_allocate = helder_matrix_cell_size_allocate;
  widget_class->snapshot = helder_matrix_cell_snapshot;

  /**
   * HelderMatrixCell::activate:
   *
   * A score cell was clicked, or Enter or Space pressed on it.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, keys[i], 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "matrixcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
helder_matrix_cell_init (HelderMatrixCell *self)
{
  self->heat = -1;
}

GtkWidget *
helder_matrix_cell_new (HelderMatrixCellKind kind,
                        HelderMatrixCellFill fill,
                        gpointer             user_data)
{
  HelderMatrixCell *self = g_object_new (HELDER_TYPE_MATRIX_CELL,
                                         "accessible-role", kind == HELDER_MATRIX_CELL_TITLE
                                                            ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                                                            : GTK_ACCESSIBLE_ROLE_BUTTON,
                                         NULL);

  self->kind = kind;
  self->fill = fill;
  self->fill_data = user_data;
  if (kind == HELDER_MATRIX_CELL_SCORE)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      g_signal_connect (click, "released", G_CALLBACK (clicked), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
      gtk_widget_add_css_class (GTK_WIDGET (self), "score");
    }
  return GTK_WIDGET (self);
}

/**
 * helder_matrix_cell_set_item:
 * @message: (nullable): the row's message, %NULL when unbound
 *
 * What the cell is of; it is filled when next drawn or read.
 */
void
helder_matrix_cell_set_item (HelderMatrixCell *self,
                             HelderRecord     *message,
                             guint             channel)
{
  g_return_if_fail (HELDER_IS_MATRIX_CELL (self));

  g_set_object (&self->message, message);
  self->channel = channel;
  helder_matrix_cell_invalidate (self);
}

HelderRecord *
helder_matrix_cell_get_message (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), NULL);

  return self->message;
}

guint
helder_matrix_cell_get_channel (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), 0);

  return self->channel;
}

/* What the cell shows may have changed: filled again when next drawn */
void
helder_matrix_cell_invalidate (HelderMatrixCell *self)
{
  g_return_if_fail (HELDER_IS_MATRIX_CELL (self));

  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
helder_matrix_cell_set_content (HelderMatrixCell *self,
                                const char       *text,
                                const char       *secondary,
                                int               heat,
                                gboolean          proposed,
                                gboolean          chosen,
                                gboolean          warning,
                                const char       *accessible_label)
{
  g_return_if_fail (HELDER_IS_MATRIX_CELL (self));

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->secondary);
  self->secondary = g_strdup (secondary);
  self->heat = heat;
  self->proposed = proposed;
  self->chosen = chosen;
  self->warning = warning;
  if (g_strcmp0 (self->label, accessible_label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (accessible_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible_label ? accessible_label : "", -1);
    }
}

const char *
helder_matrix_cell_get_text (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), NULL);

  ensure_filled (self);
  return self->text;
}

const char *
helder_matrix_cell_get_label (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), NULL);

  ensure_filled (self);
  return self->label;
}

int
helder_matrix_cell_get_heat (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), -1);

  ensure_filled (self);
  return self->heat;
}

gboolean
helder_matrix_cell_get_proposed (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), FALSE);

  ensure_filled (self);
  return self->proposed;
}

gboolean
helder_matrix_cell_get_chosen (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), FALSE);

  ensure_filled (self);
  return self->chosen;
}

gboolean
helder_matrix_cell_get_warning (HelderMatrixCell *self)
{
  g_return_val_if_fail (HELDER_IS_MATRIX_CELL (self), FALSE);

  ensure_filled (self);
  return self->warning;
}
