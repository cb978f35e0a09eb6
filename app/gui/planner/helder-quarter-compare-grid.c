/* helder-quarter-compare-grid.c: two quarters on one radar grid, arrows from old cell to new
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-quarter-compare-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "helder-quarter-compare-grid.h"
#include "helder-radar-dot.h"
#include "helder-radar-widget.h"

/* The later quarter's topics where they are now, the dropped ones where
 * they were (faint), and an arrow from the old place of each moved topic
 * to its new one.  Unchanged topics are faint too; only changed ones
 * have labels.  Each dot is a child widget that says what changed, so
 * the comparison reads by keyboard and screen reader as well. */

typedef struct
{
  HelderRadarDot *dot;
  char           *title;
  int             admin, societal;         /* where it is drawn */
  int             from_admin, from_societal; /* moved: where it was */
  gboolean        changed;
  PangoLayout    *layout;
} Entry;

struct _HelderQuarterCompareGrid
{
  GtkWidget  parent_instance;

  GArray    *entries;   /* Entry */
  GArray    *items;     /* HelderRadarItem, the same order */
  GArray    *old_items; /* HelderRadarItem of the arrows' tails, the same order */
  guint      n_arrows;
  HelderRadarRect grid;
};

G_DEFINE_FINAL_TYPE (HelderQuarterCompareGrid, helder_quarter_compare_grid, GTK_TYPE_WIDGET)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  if (entry->dot != NULL)
    gtk_widget_unparent (GTK_WIDGET (entry->dot));
  g_free (entry->title);
  g_clear_object (&entry->layout);
}

static HelderQuarterChange *
change_of (GHashTable *by_id,
           const char *id)
{
  return g_hash_table_lookup (by_id, id);
}

static char *
describe (HelderQuarterChange *change,
          const char          *title,
          int                  admin,
          int                  societal)
{
  if (change == NULL)
    /* Translators: a topic in the comparison that did not change */
    return g_strdup_printf (_("%s: unchanged, administrative impact %d, societal impact %d"), title, admin, societal);
  switch (change->kind)
    {
    case HELDER_CHANGE_ADDED:
      return g_strdup_printf (_("%s: new, administrative impact %d, societal impact %d"), title, admin, societal);
    case HELDER_CHANGE_DROPPED:
      return g_strdup_printf (_("%s: dropped, was administrative impact %d, societal impact %d"),
                              title, admin, societal);
    case HELDER_CHANGE_MOVED:
      return g_strdup_printf (_("%s: moved from administrative impact %d, societal impact %d "
                                "to administrative impact %d, societal impact %d"),
                              title, change->from_admin, change->from_societal, admin, societal);
    case HELDER_CHANGE_TREND:
    case HELDER_CHANGE_RANK:
    default:
      return g_strdup_printf (_("%s: trend now %s, was %s"), title,
                              helder_radar_trend_label (change->to_trend),
                              helder_radar_trend_label (change->from_trend));
    }
}

static void
add_entry (HelderQuarterCompareGrid *self,
           HelderQuarterChange      *change,
           const char               *title,
           int                       admin,
           int                       societal,
           const char               *trend)
{
  Entry entry = { 0, };
  HelderRadarItem item = { 0, };
  g_autofree char *text = describe (change, title, admin, societal);

  entry.dot = HELDER_RADAR_DOT (helder_radar_dot_new ());
  entry.title = g_strdup (title);
  entry.admin = admin;
  entry.societal = societal;
  entry.changed = change != NULL;
  helder_radar_dot_set_trend (entry.dot, trend);
  helder_radar_dot_set_description (entry.dot, text);
  if (change == NULL || change->kind == HELDER_CHANGE_DROPPED)
    gtk_widget_add_css_class (GTK_WIDGET (entry.dot), "faint");
  if (change != NULL && change->kind == HELDER_CHANGE_MOVED)
    {
      entry.from_admin = change->from_admin;
      entry.from_societal = change->from_societal;
      self->n_arrows++;
    }
  gtk_widget_set_parent (GTK_WIDGET (entry.dot), GTK_WIDGET (self));
  g_array_append_val (self->entries, entry);
  g_array_append_val (self->items, item);
  g_array_append_val (self->old_items, item);
}

/**
 * helder_quarter_compare_grid_set:
 * @before: (nullable): the earlier quarter's snapshot
 * @after: (nullable): the later one
 * @changes: helder_quarter_compare() of the two
 */
void
helder_quarter_compare_grid_set (HelderQuarterCompareGrid *self,
                                 HelderQuarterSnapshot    *before,
                                 HelderQuarterSnapshot    *after,
                                 GPtrArray                *changes)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (HELDER_IS_QUARTER_COMPARE_GRID (self));

  g_array_set_size (self->entries, 0);
  g_array_set_size (self->items, 0);
  g_array_set_size (self->old_items, 0);
  self->n_arrows = 0;
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      HelderQuarterChange *change = changes->pdata[i];

      if (!change->is_priority)
        g_hash_table_insert (by_id, change->id, change);
    }
  for (guint i = 0; after != NULL && i < after->topics->len; i++)
    {
      HelderSnapshotTopic *topic = after->topics->pdata[i];

      add_entry (self, change_of (by_id, topic->id), topic->title,
                 topic->admin_impact, topic->societal_impact, topic->trend);
    }
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      HelderQuarterChange *change = changes->pdata[i];

      if (!change->is_priority && change->kind == HELDER_CHANGE_DROPPED)
        add_entry (self, change, change->title, change->from_admin, change->from_societal, change->from_trend);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
helder_quarter_compare_grid_get_n_arrows (HelderQuarterCompareGrid *self)
{
  g_return_val_if_fail (HELDER_IS_QUARTER_COMPARE_GRID (self), 0);

  return self->n_arrows;
}

static void
helder_quarter_compare_grid_size_allocate (GtkWidget *widget,
                                           int        width,
                                           int        height,
                                           int        baseline)
{
  HelderQuarterCompareGrid *self = HELDER_QUARTER_COMPARE_GRID (widget);
  HelderRadarItem *items = (HelderRadarItem *) self->items->data;
  HelderRadarItem *old_items = (HelderRadarItem *) self->old_items->data;
  double label_width;

  self->grid = helder_radar_grid_for_size (width, height);
  label_width = helder_radar_label_max_width (&self->grid, helder_radar_dot_radius (4));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      int w = 0, h = 0;

      if (entry->changed)
        {
          if (entry->layout == NULL)
            {
              PangoAttrList *attrs = pango_attr_list_new ();

              entry->layout = gtk_widget_create_pango_layout (widget, entry->title);
              pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
              pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
              pango_layout_set_attributes (entry->layout, attrs);
              pango_attr_list_unref (attrs);
              pango_layout_set_wrap (entry->layout, PANGO_WRAP_WORD);
              pango_layout_set_height (entry->layout, -2);
              pango_layout_set_ellipsize (entry->layout, PANGO_ELLIPSIZE_END);
            }
          helder_radar_label_fit (entry->layout, label_width, &w, &h);
        }
      items[i] = (HelderRadarItem) { .admin_impact = entry->admin, .societal_impact = entry->societal,
                                     .n_signals = 4, .label_width = w, .label_height = h };
      old_items[i] = (HelderRadarItem) { .admin_impact = entry->from_admin ? entry->from_admin : entry->admin,
                                         .societal_impact = entry->from_societal ? entry->from_societal
                                                                                 : entry->societal,
                                         .n_signals = 4 };
    }
  helder_radar_layout (items, self->entries->len, &self->grid);
  helder_radar_layout (old_items, self->entries->len, &self->grid);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      double r = items[i].radius + 2;
      GtkAllocation box = { (int) (items[i].x - r), (int) (items[i].y - r),
                            MAX ((int) (2 * r), 4), MAX ((int) (2 * r), 4) };

      gtk_widget_size_allocate (GTK_WIDGET (entry->dot), &box, -1);
    }
}

static void
append_line (GtkSnapshot   *snapshot,
             double         x0,
             double         y0,
             double         length,
             double         angle,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, y0));
  gtk_snapshot_rotate (snapshot, angle * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (0, -1, length, 2));
  gtk_snapshot_restore (snapshot);
}

static void
helder_quarter_compare_grid_snapshot (GtkWidget   *widget,
                                      GtkSnapshot *snapshot)
{
  HelderQuarterCompareGrid *self = HELDER_QUARTER_COMPARE_GRID (widget);
  HelderRadarItem *items = (HelderRadarItem *) self->items->data;
  HelderRadarItem *old_items = (HelderRadarItem *) self->old_items->data;
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent;

  helder_radar_snapshot_grid (widget, snapshot, &self->grid, 0, 0);
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = fg;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      double dx, dy, length, angle;

      if (entry->from_admin == 0)
        continue;
      dx = items[i].x - old_items[i].x;
      dy = items[i].y - old_items[i].y;
      length = sqrt (dx * dx + dy * dy) - items[i].radius - 2;
      if (length <= 4)
        continue;
      angle = atan2 (dy, dx);
      /* The tail: where it was, a small hollow mark */
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (old_items[i].x - 3, old_items[i].y - 3, 6, 6));
      append_line (snapshot, old_items[i].x, old_items[i].y, length, angle, &accent);
      {
        double hx = old_items[i].x + cos (angle) * length, hy = old_items[i].y + sin (angle) * length;

        append_line (snapshot, hx, hy, 9, angle + G_PI * 5 / 6, &accent);
        append_line (snapshot, hx, hy, 9, angle - G_PI * 5 / 6, &accent);
      }
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->layout != NULL && items[i].label_shown)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (items[i].label.x, items[i].label.y));
          gtk_snapshot_append_layout (snapshot, entry->layout, &fg);
          gtk_snapshot_restore (snapshot);
        }
      gtk_widget_snapshot_child (widget, GTK_WIDGET (entry->dot), snapshot);
    }
}

static void
helder_quarter_compare_grid_measure (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 700 : 480;
}

static void
helder_quarter_compare_grid_dispose (GObject *object)
{
  HelderQuarterCompareGrid *self = HELDER_QUARTER_COMPARE_GRID (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->old_items, g_array_unref);

  G_OBJECT_CLASS (helder_quarter_compare_grid_parent_class)->dispose (object);
}

static void
helder_quarter_compare_grid_class_init (HelderQuarterCompareGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_quarter_compare_grid_dispose;
  widget_class->size_allocate = helder_quarter_compare_grid_size_allocate;
  widget_class->snapshot = helder_quarter_compare_grid_snapshot;
  widget_class->measure = helder_quarter_compare_grid_measure;
  gtk_widget_class_set_css_name (widget_class, "radar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
helder_quarter_compare_grid_init (HelderQuarterCompareGrid *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->items = g_array_new (FALSE, TRUE, sizeof (HelderRadarItem));
  self->old_items = g_array_new (FALSE, TRUE, sizeof (HelderRadarItem));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topics on the radar, with arrows from their old cell to their new one"), -1);
}
