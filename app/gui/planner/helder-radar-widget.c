/* helder-radar-widget.c: the topic radar: a 5×5 grid of administrative × societal impact
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-radar-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-radar-widget.h"

/* The grid is drawn with GtkSnapshot; each topic is a HelderRadarDot
 * child (focusable, with an accessible name and a tooltip), placed where
 * helder_radar_layout() says, its label drawn beside it when there is
 * room.  Arrows move between topics, Alt+arrows move the topic to the
 * next cell (as dragging it does), Enter opens it.  The widget changes
 * nothing itself: it asks ("move-topic") and the view saves through the
 * service. */

#define MARGIN_LEFT   56
#define MARGIN_BOTTOM 44
#define MARGIN_TOP    8
#define MARGIN_RIGHT  8
/* helder_radar_layout's padding inside a cell */
#define LAYOUT_CELL_PADDING 6.0

struct _HelderRadarWidget
{
  GtkWidget        parent_instance;

  GListModel      *topics;
  GListModel      *signals;
  char            *today;
  GHashTable      *counts;      /* topic id → signals in the last 30 days */

  GPtrArray       *dots;        /* HelderRadarDot, in the model's order */
  GArray          *items;       /* HelderRadarItem, the same order */
  GPtrArray       *layouts;     /* PangoLayout of each label, or NULL until measured */
  HelderRadarRect  grid;
  char            *selected;

  /* Dragging a dot */
  HelderRadarDot  *drag_dot;
  double           drag_x, drag_y;
  double           start_x, start_y;
  gboolean         dragging;
};

G_DEFINE_FINAL_TYPE (HelderRadarWidget, helder_radar_widget, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  ACTIVATE_TOPIC,
  MOVE_TOPIC,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
signals_of (HelderRadarWidget *self,
            HelderRecord      *topic)
{
  return self->counts != NULL
         ? GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, helder_record_get_id (topic))) : 0;
}

static void
recount (HelderRadarWidget *self)
{
  g_clear_pointer (&self->counts, g_hash_table_unref);
  if (self->signals != NULL)
    self->counts = helder_radar_count_recent (self->signals, self->today, HELDER_RADAR_RECENT_DAYS);
  for (guint i = 0; i < self->dots->len; i++)
    {
      HelderRadarDot *dot = self->dots->pdata[i];
      HelderRecord *topic = helder_radar_dot_get_topic (dot);

      helder_radar_dot_set_topic (dot, topic, signals_of (self, topic));
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
remove_dot (HelderRadarWidget *self,
            guint              index)
{
  GtkWidget *dot = self->dots->pdata[index];

  if (self->drag_dot == HELDER_RADAR_DOT (dot))
    self->drag_dot = NULL, self->dragging = FALSE;
  gtk_widget_unparent (dot);
  g_ptr_array_remove_index (self->dots, index);
  g_array_remove_index (self->items, index);
  g_ptr_array_remove_index (self->layouts, index);
}

/* Changed records come as a removal and an addition at one place: the
 * dot stays (and keeps the focus) and shows the new record. */
static void
topics_changed (HelderRadarWidget *self,
                guint              position,
                guint              removed,
                guint              added,
                GListModel        *model)
{
  guint reuse = MIN (removed, added);

  for (guint i = 0; i < reuse; i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (model, position + i);
      HelderRadarDot *dot = self->dots->pdata[position + i];

      helder_radar_dot_set_topic (dot, topic, signals_of (self, topic));
      helder_radar_dot_set_selected (dot, g_strcmp0 (self->selected, helder_record_get_id (topic)) == 0);
      g_clear_object (&g_ptr_array_index (self->layouts, position + i));
    }
  for (guint i = reuse; i < removed; i++)
    remove_dot (self, position + reuse);
  for (guint i = reuse; i < added; i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (model, position + i);
      GtkWidget *dot = helder_radar_dot_new ();
      HelderRadarItem item = { 0, };
      GtkWidget *next = position + i < self->dots->len ? self->dots->pdata[position + i] : NULL;

      helder_radar_dot_set_parent_draws (HELDER_RADAR_DOT (dot), TRUE);
      helder_radar_dot_set_topic (HELDER_RADAR_DOT (dot), topic, signals_of (self, topic));
      helder_radar_dot_set_selected (HELDER_RADAR_DOT (dot),
                                     g_strcmp0 (self->selected, helder_record_get_id (topic)) == 0);
      gtk_widget_insert_before (dot, GTK_WIDGET (self), next);
      g_ptr_array_insert (self->dots, position + i, dot);
      g_array_insert_val (self->items, position + i, item);
      g_ptr_array_insert (self->layouts, position + i, NULL);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
helder_radar_widget_set_topics (HelderRadarWidget *self,
                                GListModel        *topics)
{
  g_return_if_fail (HELDER_IS_RADAR_WIDGET (self));
  g_return_if_fail (topics == NULL || G_IS_LIST_MODEL (topics));

  if (self->topics == topics)
    return;
  if (self->topics != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->topics, topics_changed, self);
      topics_changed (self, 0, g_list_model_get_n_items (self->topics), 0, self->topics);
    }
  g_set_object (&self->topics, topics);
  if (topics != NULL)
    {
      g_signal_connect_object (topics, "items-changed", G_CALLBACK (topics_changed), self, G_CONNECT_SWAPPED);
      topics_changed (self, 0, 0, g_list_model_get_n_items (topics), topics);
    }
}

void
helder_radar_widget_set_signals (HelderRadarWidget *self,
                                 GListModel        *signal_list)
{
  g_return_if_fail (HELDER_IS_RADAR_WIDGET (self));

  if (self->signals != NULL)
    g_signal_handlers_disconnect_by_func (self->signals, recount, self);
  g_set_object (&self->signals, signal_list);
  if (signal_list != NULL)
    g_signal_connect_object (signal_list, "items-changed", G_CALLBACK (recount), self, G_CONNECT_SWAPPED);
  recount (self);
}

/* @today: YYYY-MM-DD; %NULL: today */
void
helder_radar_widget_set_today (HelderRadarWidget *self,
                               const char        *today)
{
  g_return_if_fail (HELDER_IS_RADAR_WIDGET (self));

  g_free (self->today);
  if (today != NULL)
    self->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->today = g_date_time_format (now, "%Y-%m-%d");
    }
  recount (self);
}

guint
helder_radar_widget_count_signals (HelderRadarWidget *self,
                                   const char        *topic_id)
{
  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), 0);

  return self->counts != NULL && topic_id != NULL
         ? GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, topic_id)) : 0;
}

guint
helder_radar_widget_get_n_dots (HelderRadarWidget *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), 0);

  return self->dots->len;
}

HelderRadarDot *
helder_radar_widget_get_dot (HelderRadarWidget *self,
                             guint              index)
{
  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), NULL);

  return index < self->dots->len ? self->dots->pdata[index] : NULL;
}

static int
dot_index (HelderRadarWidget *self,
           const char        *topic_id)
{
  for (guint i = 0; topic_id != NULL && i < self->dots->len; i++)
    if (g_strcmp0 (helder_record_get_id (helder_radar_dot_get_topic (self->dots->pdata[i])), topic_id) == 0)
      return i;
  return -1;
}

HelderRadarDot *
helder_radar_widget_find_dot (HelderRadarWidget *self,
                              const char        *topic_id)
{
  int index;

  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), NULL);

  index = dot_index (self, topic_id);
  return index >= 0 ? self->dots->pdata[index] : NULL;
}

const char *
helder_radar_widget_get_selected (HelderRadarWidget *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), NULL);

  return self->selected;
}

/**
 * helder_radar_widget_select:
 * @topic_id: (nullable): the topic to select
 * @focus: whether its dot takes the keyboard focus
 */
void
helder_radar_widget_select (HelderRadarWidget *self,
                            const char        *topic_id,
                            gboolean           focus)
{
  HelderRadarDot *dot;

  g_return_if_fail (HELDER_IS_RADAR_WIDGET (self));

  dot = helder_radar_widget_find_dot (self, topic_id);
  if (focus && dot != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (dot));
  if (g_strcmp0 (self->selected, topic_id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (topic_id);
  for (guint i = 0; i < self->dots->len; i++)
    helder_radar_dot_set_selected (self->dots->pdata[i], self->dots->pdata[i] == dot);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

gboolean
helder_radar_widget_get_grid (HelderRadarWidget *self,
                              HelderRadarRect   *grid)
{
  g_return_val_if_fail (HELDER_IS_RADAR_WIDGET (self), FALSE);

  *grid = self->grid;
  return self->grid.width > 0;
}

HelderRadarRect
helder_radar_grid_for_size (int width,
                            int height)
{
  return (HelderRadarRect) { MARGIN_LEFT, MARGIN_TOP,
                             MAX (width - MARGIN_LEFT - MARGIN_RIGHT, 0),
                             MAX (height - MARGIN_TOP - MARGIN_BOTTOM, 0) };
}

/* Layout */

#define CELL_INDEX(item) (helder_radar_row ((item)->societal_impact) * HELDER_RADAR_SIZE + \
                          helder_radar_column ((item)->admin_impact))

/**
 * helder_radar_label_fit:
 *
 * Sets a label's layout to @width: two lines broken between words, or
 * one ellipsized line when a word alone is wider.
 */
void
helder_radar_label_fit (PangoLayout *layout,
                        double       width,
                        int         *w,
                        int         *h)
{
  PangoRectangle ink;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_height (layout, -2);
  /* The ink, so a line's trailing space does not count */
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (ink.x + ink.width > width + 1)
    pango_layout_set_height (layout, -1);
  pango_layout_get_pixel_size (layout, w, h);
  *w = MIN (*w, (int) width);
}

static void
ensure_label (HelderRadarWidget *self,
              guint              index,
              double             width)
{
  PangoLayout *layout = self->layouts->pdata[index];
  HelderRadarItem *item = &g_array_index (self->items, HelderRadarItem, index);
  int w, h;

  if (layout == NULL)
    {
      HelderRecord *topic = helder_radar_dot_get_topic (self->dots->pdata[index]);
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), helder_record_get_title (topic));
      /* Two lines at most, broken between words, then an ellipsis: the
       * tooltip and the list have the whole title */
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      self->layouts->pdata[index] = layout;
    }
  helder_radar_label_fit (layout, width, &w, &h);
  item->label_width = w;
  item->label_height = h;
}

static void
helder_radar_widget_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);
  HelderRadarItem *items = (HelderRadarItem *) self->items->data;

  double largest[HELDER_RADAR_SIZE * HELDER_RADAR_SIZE] = { 0, };

  self->grid = helder_radar_grid_for_size (width, height);
  for (guint i = 0; i < self->dots->len; i++)
    {
      HelderRecord *topic = helder_radar_dot_get_topic (self->dots->pdata[i]);

      items[i].admin_impact = helder_record_get_int (topic, "admin_impact");
      items[i].societal_impact = helder_record_get_int (topic, "societal_impact");
      items[i].n_signals = helder_radar_dot_get_n_signals (self->dots->pdata[i]);
      largest[CELL_INDEX (&items[i])] = MAX (largest[CELL_INDEX (&items[i])],
                                             helder_radar_dot_radius (items[i].n_signals));
    }
  /* Labels as wide as their cell leaves beside its biggest dot.  A cell
   * with more topics than fit in one column at the smallest row height
   * gets a grid of dots (helder_radar_layout), where no label has room
   * beside its dot: those are not measured (with 500 topics, shaping 500
   * titles was a fifth of the first frame). */
  {
    guint members[HELDER_RADAR_SIZE * HELDER_RADAR_SIZE] = { 0, };
    double row = 2 * helder_radar_dot_radius (0) + 2;
    guint capacity = (guint) MAX ((self->grid.height / HELDER_RADAR_SIZE - 2 * LAYOUT_CELL_PADDING) / row, 1);

    for (guint i = 0; i < self->dots->len; i++)
      members[CELL_INDEX (&items[i])]++;
    for (guint i = 0; i < self->dots->len; i++)
      if (members[CELL_INDEX (&items[i])] <= capacity)
        ensure_label (self, i, helder_radar_label_max_width (&self->grid, largest[CELL_INDEX (&items[i])]));
      else
        items[i].label_width = items[i].label_height = 0;
  }
  helder_radar_layout (items, self->dots->len, &self->grid);
  for (guint i = 0; i < self->dots->len; i++)
    {
      double r = items[i].radius + 2;
      GtkAllocation box = { (int) (items[i].x - r), (int) (items[i].y - r), (int) (2 * r + 0.5), (int) (2 * r + 0.5) };

      box.width = MAX (box.width, 4);
      box.height = MAX (box.height, 4);
      gtk_widget_size_allocate (self->dots->pdata[i], &box, -1);
    }
}

static void
helder_radar_widget_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* The dots go where the grid puts them: their own sizes ask nothing */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 300;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 480;
}

/* Drawing */

static void
append_text (GtkWidget   *widget,
             GtkSnapshot *snapshot,
             const char  *text,
             double       x,
             double       y,
             double       x_align,
             const GdkRGBA *color,
             gboolean     vertical)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  if (vertical)
    gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-w * x_align, -h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * helder_radar_snapshot_grid:
 * @highlight_admin: a cell to mark (a drop target), or 0
 *
 * The cells (tinted more towards high impact, one hue so it reads in dark
 * style and for colour-blind users), the lines, the scores and the axis
 * titles.
 */
void
helder_radar_snapshot_grid (GtkWidget             *widget,
                            GtkSnapshot           *snapshot,
                            const HelderRadarRect *grid,
                            int                    highlight_admin,
                            int                    highlight_societal)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double cw = grid->width / HELDER_RADAR_SIZE, ch = grid->height / HELDER_RADAR_SIZE;
  GdkRGBA fg, accent, line, tint, dim;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  line = fg, line.alpha = 0.12;
  dim = fg, dim.alpha = 0.7;

  for (int a = 1; a <= HELDER_RADAR_SIZE; a++)
    for (int s = 1; s <= HELDER_RADAR_SIZE; s++)
      {
        HelderRadarRect cell = helder_radar_cell_rect (grid, a, s);

        tint = accent;
        tint.alpha = (a == highlight_admin && s == highlight_societal) ? 0.35 : 0.015 + 0.016 * (a + s - 2);
        gtk_snapshot_append_color (snapshot, &tint,
                                   &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, cell.height));
      }
  for (int i = 0; i <= HELDER_RADAR_SIZE; i++)
    {
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (grid->x + i * cw - 0.5, grid->y, 1, grid->height));
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (grid->x, grid->y + i * ch - 0.5, grid->width, 1));
    }
  for (int i = 1; i <= HELDER_RADAR_SIZE; i++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%d", i);
      append_text (widget, snapshot, number, grid->x + (i - 0.5) * cw, grid->y + grid->height + 10, 0.5, &dim, FALSE);
      append_text (widget, snapshot, number, grid->x - 8, grid->y + (HELDER_RADAR_SIZE - i + 0.5) * ch, 1, &dim, FALSE);
    }
  append_text (widget, snapshot, _("Administrative impact →"), grid->x + grid->width / 2,
               grid->y + grid->height + 32, 0.5, &fg, FALSE);
  append_text (widget, snapshot, _("Societal impact →"), grid->x - 34, grid->y + grid->height / 2, 0.5, &fg, TRUE);
}

static void
helder_radar_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);
  HelderRadarItem *items = (HelderRadarItem *) self->items->data;
  int target_admin = 0, target_societal = 0;
  GdkRGBA fg;

  if (self->dragging)
    helder_radar_cell_at (&self->grid, self->drag_x, self->drag_y, &target_admin, &target_societal);
  helder_radar_snapshot_grid (widget, snapshot, &self->grid, target_admin, target_societal);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint i = 0; i < self->dots->len; i++)
    {
      if (!items[i].label_shown || self->layouts->pdata[i] == NULL ||
          (self->dragging && self->dots->pdata[i] == self->drag_dot))
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (items[i].label.x, items[i].label.y));
      gtk_snapshot_append_layout (snapshot, self->layouts->pdata[i], &fg);
      gtk_snapshot_restore (snapshot);
    }

  /* The dots, all in one cairo node (500 clipped nodes cost a software
   * renderer far more), in the colours the style sheet gives a dot */
  if (self->dots->len > 0)
    {
      GtkStyleContext *style = gtk_widget_get_style_context (widget);
      GdkRGBA colors[3];
      const char *trends[3] = { g_intern_static_string ("rising"), g_intern_static_string ("stable"),
                                g_intern_static_string ("falling") };
      static const char *names[3] = { "error_color", "accent_color", "success_color" };
      static const GdkRGBA fallback[3] = { { 0.75, 0.11, 0.16, 1 }, { 0.21, 0.52, 0.89, 1 }, { 0.15, 0.64, 0.41, 1 } };
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                              gtk_widget_get_height (widget)));
      int drag_index = -1;

      for (guint t = 0; t < 3; t++)
        if (!gtk_style_context_lookup_color (style, names[t], &colors[t]))
          colors[t] = fallback[t];
      for (guint i = 0; i < self->dots->len; i++)
        {
          HelderRadarDot *dot = self->dots->pdata[i];
          const char *trend = helder_radar_dot_get_trend (dot);
          guint t = trend == trends[0] ? 0 : trend == trends[2] ? 2 : 1;
          double x = items[i].x, y = items[i].y;

          if (self->dragging && dot == self->drag_dot)
            {
              drag_index = i;
              continue;
            }
          helder_radar_dot_draw (cr, trends[t], x, y, 2 * items[i].radius, &colors[t],
                                 helder_radar_dot_get_selected (dot) ? &fg : NULL);
        }
      /* The dragged dot follows the pointer, on top */
      if (drag_index >= 0)
        {
          const char *trend = helder_radar_dot_get_trend (self->drag_dot);
          guint t = trend == trends[0] ? 0 : trend == trends[2] ? 2 : 1;

          helder_radar_dot_draw (cr, trends[t], self->drag_x, self->drag_y, 2 * items[drag_index].radius,
                                 &colors[t], &fg);
        }
      cairo_destroy (cr);
    }
  /* What the dots draw themselves: their focus ring */
  for (guint i = 0; i < self->dots->len; i++)
    if (!(self->dragging && self->dots->pdata[i] == self->drag_dot))
      gtk_widget_snapshot_child (widget, self->dots->pdata[i], snapshot);
}

/* Keyboard */

static HelderRadarDot *
focused_dot (HelderRadarWidget *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return HELDER_IS_RADAR_DOT (child) ? HELDER_RADAR_DOT (child) : NULL;
}

static int
current_index (HelderRadarWidget *self)
{
  HelderRadarDot *dot = focused_dot (self);

  if (dot != NULL)
    return dot_index (self, helder_record_get_id (helder_radar_dot_get_topic (dot)));
  return dot_index (self, self->selected);
}

static gboolean
move_focus (HelderRadarWidget    *self,
            HelderRadarDirection  direction)
{
  int from = current_index (self);
  guint to;

  if (self->dots->len == 0)
    return FALSE;
  if (from < 0)
    to = 0;
  else
    to = helder_radar_neighbour ((HelderRadarItem *) self->items->data, self->dots->len, from, direction);
  if (to == G_MAXUINT)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  gtk_widget_grab_focus (self->dots->pdata[to]);
  return TRUE;
}

static gboolean
on_arrow (GtkWidget *widget,
          GVariant  *args,
          gpointer   data)
{
  return move_focus (HELDER_RADAR_WIDGET (widget), g_variant_get_int32 (args));
}

static void
request_move (HelderRadarWidget *self,
              HelderRecord      *topic,
              int                admin,
              int                societal)
{
  admin = CLAMP (admin, 1, HELDER_RADAR_SIZE);
  societal = CLAMP (societal, 1, HELDER_RADAR_SIZE);
  if (admin == helder_record_get_int (topic, "admin_impact") &&
      societal == helder_record_get_int (topic, "societal_impact"))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  g_signal_emit (self, signals[MOVE_TOPIC], 0, topic, admin, societal);
}

/* Alt+arrow: the focused topic to the next cell that way */
static gboolean
on_move_topic (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);
  HelderRadarDot *dot = focused_dot (self);
  g_autoptr(HelderRecord) topic = NULL;
  int admin, societal;

  if (dot == NULL)
    return FALSE;
  topic = g_object_ref (helder_radar_dot_get_topic (dot));
  admin = helder_record_get_int (topic, "admin_impact");
  societal = helder_record_get_int (topic, "societal_impact");
  switch (g_variant_get_int32 (args))
    {
    case HELDER_RADAR_LEFT: admin--; break;
    case HELDER_RADAR_RIGHT: admin++; break;
    case HELDER_RADAR_UP: societal++; break;
    case HELDER_RADAR_DOWN: default: societal--; break;
    }
  request_move (self, topic, admin, societal);
  return TRUE;
}

static gboolean
on_activate (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);
  HelderRadarDot *dot = focused_dot (self);

  if (dot == NULL)
    return FALSE;
  g_signal_emit (self, signals[ACTIVATE_TOPIC], 0, helder_radar_dot_get_topic (dot));
  return TRUE;
}

static gboolean
on_home_end (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);

  if (self->dots->len == 0)
    return FALSE;
  gtk_widget_grab_focus (self->dots->pdata[g_variant_get_boolean (args) ? self->dots->len - 1 : 0]);
  return TRUE;
}

/* Tab goes past the radar in one step: into the selected topic, out
 * again from any; arrows go between the topics. */
static gboolean
helder_radar_widget_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (widget);
  int index;

  if (focused_dot (self) != NULL)
    {
      switch (direction)
        {
        case GTK_DIR_LEFT: return move_focus (self, HELDER_RADAR_LEFT);
        case GTK_DIR_RIGHT: return move_focus (self, HELDER_RADAR_RIGHT);
        case GTK_DIR_UP: return move_focus (self, HELDER_RADAR_UP);
        case GTK_DIR_DOWN: return move_focus (self, HELDER_RADAR_DOWN);
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return FALSE;
        }
    }
  if (self->dots->len == 0)
    return FALSE;
  index = dot_index (self, self->selected);
  gtk_widget_grab_focus (self->dots->pdata[index >= 0 ? index : 0]);
  return TRUE;
}

static gboolean
helder_radar_widget_grab_focus (GtkWidget *widget)
{
  return helder_radar_widget_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* Selection follows the focus. */
static void
helder_radar_widget_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  GTK_WIDGET_CLASS (helder_radar_widget_parent_class)->set_focus_child (widget, child);

  if (HELDER_IS_RADAR_DOT (child))
    helder_radar_widget_select (HELDER_RADAR_WIDGET (widget),
                                helder_record_get_id (helder_radar_dot_get_topic (HELDER_RADAR_DOT (child))), FALSE);
}

/* Pointer: a click selects, a drag moves the topic to another cell */

static void
drag_begin (HelderRadarWidget *self,
            double             x,
            double             y,
            GtkGestureDrag    *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && !HELDER_IS_RADAR_DOT (picked) && picked != GTK_WIDGET (self))
    picked = gtk_widget_get_parent (picked);
  if (!HELDER_IS_RADAR_DOT (picked))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_dot = HELDER_RADAR_DOT (picked);
  self->start_x = self->drag_x = x;
  self->start_y = self->drag_y = y;
  self->dragging = FALSE;
}

static void
drag_update (HelderRadarWidget *self,
             double             dx,
             double             dy,
             GtkGestureDrag    *gesture)
{
  if (self->drag_dot == NULL)
    return;
  if (!self->dragging && gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  self->drag_x = self->start_x + dx;
  self->drag_y = self->start_y + dy;
  if (self->dragging)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end (HelderRadarWidget *self,
          double             dx,
          double             dy,
          GtkGestureDrag    *gesture)
{
  HelderRadarDot *dot = self->drag_dot;
  gboolean dragged = self->dragging;
  int admin, societal;

  self->drag_dot = NULL;
  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (dot == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (dot));
  if (dragged && helder_radar_cell_at (&self->grid, self->start_x + dx, self->start_y + dy, &admin, &societal))
    {
      g_autoptr(HelderRecord) topic = g_object_ref (helder_radar_dot_get_topic (dot));

      request_move (self, topic, admin, societal);
    }
}

static void
helder_radar_widget_dispose (GObject *object)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (object);

  helder_radar_widget_set_topics (self, NULL);
  if (self->signals != NULL)
    g_signal_handlers_disconnect_by_func (self->signals, recount, self);
  g_clear_object (&self->signals);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (helder_radar_widget_parent_class)->dispose (object);
}

static void
helder_radar_widget_finalize (GObject *object)
{
  HelderRadarWidget *self = HELDER_RADAR_WIDGET (object);

  g_ptr_array_unref (self->dots);
  g_array_unref (self->items);
  g_ptr_array_unref (self->layouts);
  g_free (self->today);
  g_free (self->selected);

  G_OBJECT_CLASS (helder_radar_widget_parent_class)->finalize (object);
}

static void
add_direction_bindings (GtkWidgetClass  *widget_class,
                        GdkModifierType  mods,
                        GtkShortcutFunc  func)
{
  static const struct { guint key, kp; HelderRadarDirection direction; } keys[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, HELDER_RADAR_LEFT },
    { GDK_KEY_Right, GDK_KEY_KP_Right, HELDER_RADAR_RIGHT },
    { GDK_KEY_Up, GDK_KEY_KP_Up, HELDER_RADAR_UP },
    { GDK_KEY_Down, GDK_KEY_KP_Down, HELDER_RADAR_DOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, keys[i].key, mods, func, "i", keys[i].direction);
      gtk_widget_class_add_binding (widget_class, keys[i].kp, mods, func, "i", keys[i].direction);
    }
}

static void
helder_radar_widget_class_init (HelderRadarWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_radar_widget_dispose;
  object_class->finalize = helder_radar_widget_finalize;
  widget_class->measure = helder_radar_widget_measure;
  widget_class->size_allocate = helder_radar_widget_size_allocate;
  widget_class->snapshot = helder_radar_widget_snapshot;
  widget_class->focus = helder_radar_widget_focus;
  widget_class->grab_focus = helder_radar_widget_grab_focus;
  widget_class->set_focus_child = helder_radar_widget_set_focus_child;

  /* The selected topic changed (helder_radar_widget_get_selected) */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter on a topic: open it */
  signals[ACTIVATE_TOPIC] =
    g_signal_new ("activate-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_TOPIC);
  /* A topic dragged (or moved by Alt+arrow) to the cell of these scores */
  signals[MOVE_TOPIC] =
    g_signal_new ("move-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, HELDER_TYPE_TOPIC, G_TYPE_INT, G_TYPE_INT);

  add_direction_bindings (widget_class, 0, on_arrow);
  add_direction_bindings (widget_class, GDK_ALT_MASK, on_move_topic);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, on_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, on_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, on_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, on_home_end, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, on_home_end, "b", TRUE);

  gtk_widget_class_set_css_name (widget_class, "radar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static void
helder_radar_widget_init (HelderRadarWidget *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->dots = g_ptr_array_new ();
  self->items = g_array_new (FALSE, TRUE, sizeof (HelderRadarItem));
  self->layouts = g_ptr_array_new_with_free_func (unref_layout);
  helder_radar_widget_set_today (self, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic radar"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys go from topic to topic; Alt and an arrow key move the topic "
                                    "to the next cell; Enter opens it."), -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
helder_radar_widget_new (void)
{
  return g_object_new (HELDER_TYPE_RADAR_WIDGET, NULL);
}
