/* helder-radar-dot.c: one topic on the radar: a focusable, accessible dot
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-radar-dot"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-radar-dot.h"

/* A child widget per topic, so each one is reachable by keyboard and
 * screen reader (GTK 4.8 has no accessible objects without a widget) and
 * has its own tooltip.  Its colour comes from the style sheet by trend
 * (libadwaita's named colours, so dark style works), and its shape too,
 * so colour is not the only cue: rising a circle, stable a rounded
 * square, falling a diamond. */

struct _HelderRadarDot
{
  GtkWidget parent_instance;

  HelderRecord *topic;
  guint         n_signals;
  const char   *trend;     /* interned */
  gboolean      selected;
  char         *description;  /* instead of the topic's own */
  char         *label;        /* the accessible name and tooltip, as set */
  gboolean      parent_draws; /* the radar draws its shape (all in one go) */
};

G_DEFINE_FINAL_TYPE (HelderRadarDot, helder_radar_dot, GTK_TYPE_WIDGET)

const char *
helder_radar_trend_label (const char *trend)
{
  if (g_strcmp0 (trend, "rising") == 0)
    return _("Rising");
  if (g_strcmp0 (trend, "falling") == 0)
    return _("Falling");
  return _("Stable");
}

/**
 * helder_radar_dot_describe:
 *
 * Returns: (transfer full): what a screen reader says of the topic: its
 *   name, scores, trend and recent signals
 */
char *
helder_radar_dot_describe (HelderRecord *topic,
                           guint         n_signals)
{
  g_autofree char *signals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signal in the last 30 days",
                                                           "%u signals in the last 30 days", n_signals),
                                              n_signals);
  g_autofree char *trend = g_utf8_strdown (helder_radar_trend_label (helder_record_get_text (topic, "trend")), -1);

  /* Translators: a topic on the radar: its title, its two scores, its trend and its signals */
  return g_strdup_printf (_("%s: administrative impact %d, societal impact %d, %s, %s"),
                          helder_record_get_title (topic),
                          helder_record_get_int (topic, "admin_impact"),
                          helder_record_get_int (topic, "societal_impact"),
                          trend, signals);
}

static void
update_description (HelderRadarDot *self)
{
  g_autofree char *text = NULL;

  if (self->description != NULL)
    text = g_strdup (self->description);
  else if (self->topic == NULL)
    return;
  else
    text = helder_radar_dot_describe (self->topic, self->n_signals);
  if (g_strcmp0 (text, self->label) == 0)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_free (self->label);
  self->label = g_steal_pointer (&text);
}

/* What the dot's accessible name was set to (GTK 4.8 cannot read it back) */
/* The radar draws all its dots in one go (see helder_radar_dot_draw):
 * the dot then draws nothing itself but its focus ring, and stays for
 * the keyboard, the screen reader, the tooltip and the pointer. */
void
helder_radar_dot_set_parent_draws (HelderRadarDot *self,
                                   gboolean        parent_draws)
{
  g_return_if_fail (HELDER_IS_RADAR_DOT (self));

  self->parent_draws = !!parent_draws;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
helder_radar_dot_get_trend (HelderRadarDot *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DOT (self), NULL);

  return self->trend;
}

/**
 * helder_radar_dot_draw:
 * @trend: interned: "rising", "stable" or "falling"
 * @body: the shape's width
 * @ring: (nullable): the selection ring's colour, or %NULL
 *
 * A dot's shape with cairo, centred on @x, @y, as a dot draws itself:
 * rising a circle, stable a rounded square, falling a diamond.
 */
void
helder_radar_dot_draw (cairo_t       *cr,
                       const char    *trend,
                       double         x,
                       double         y,
                       double         body,
                       const GdkRGBA *color,
                       const GdkRGBA *ring)
{
  double half, r;

  if (body <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (trend == g_intern_static_string ("falling"))
    {
      body /= G_SQRT2;
      cairo_rotate (cr, G_PI / 4);
      r = 1;
    }
  else if (trend == g_intern_static_string ("rising"))
    r = body / 2;
  else
    r = body / 5;
  half = body / 2;
  cairo_new_sub_path (cr);
  cairo_arc (cr, half - r, -half + r, r, -G_PI / 2, 0);
  cairo_arc (cr, half - r, half - r, r, 0, G_PI / 2);
  cairo_arc (cr, -half + r, half - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, -half + r, -half + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  if (ring == NULL)
    cairo_fill (cr);
  else
    {
      /* The ring inside the shape, 2 px, as the dot draws its border */
      cairo_fill_preserve (cr);
      cairo_clip_preserve (cr);
      cairo_set_line_width (cr, 4);
      gdk_cairo_set_source_rgba (cr, ring);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

const char *
helder_radar_dot_get_description (HelderRadarDot *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DOT (self), NULL);

  return self->label;
}

void
helder_radar_dot_set_trend (HelderRadarDot *self,
                            const char     *trend)
{
  static const char *trends[] = { "rising", "stable", "falling" };

  g_return_if_fail (HELDER_IS_RADAR_DOT (self));

  if (trend == NULL || (g_strcmp0 (trend, "rising") != 0 && g_strcmp0 (trend, "falling") != 0))
    trend = "stable";
  if (self->trend == g_intern_string (trend))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (trends); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), trends[i]);
  self->trend = g_intern_string (trend);
  gtk_widget_add_css_class (GTK_WIDGET (self), trend);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
helder_radar_dot_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HelderRadarDot *self = HELDER_RADAR_DOT (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double size = MIN (w, h), inset = 2.0;
  double body = size - 2 * inset;
  GdkRGBA color, ring;
  GskRoundedRect shape;
  graphene_rect_t rect;
  float corner;

  if (self->parent_draws)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (body <= 0)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w / 2, h / 2));
  if (self->trend == g_intern_static_string ("falling"))
    {
      /* A diamond: a square turned a quarter, the same area */
      body /= G_SQRT2;
      gtk_snapshot_rotate (snapshot, 45);
      corner = 1;
    }
  else if (self->trend == g_intern_static_string ("rising"))
    corner = body / 2;
  else
    corner = body / 5;

  rect = GRAPHENE_RECT_INIT (-body / 2, -body / 2, body, body);
  gsk_rounded_rect_init_from_rect (&shape, &rect, corner);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &color, &rect);
  gtk_snapshot_pop (snapshot);

  /* Selected: a ring in the text colour; a thin light edge keeps dots
   * apart from each other and from the cell */
  ring = self->selected ? (GdkRGBA) { 0, 0, 0, 0 } : color;
  if (self->selected)
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (parent != NULL)
        gtk_style_context_get_color (gtk_widget_get_style_context (parent), &ring);
      gtk_snapshot_append_border (snapshot, &shape, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ring, ring, ring, ring });
    }
  gtk_snapshot_restore (snapshot);
}

static void
helder_radar_dot_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 4;
  *natural = 16;
}

/* The tooltip is asked for when shown, not set on each dot: setting one
 * asks the display where the pointer is (a round trip per dot). */
static gboolean
helder_radar_dot_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  HelderRadarDot *self = HELDER_RADAR_DOT (widget);

  if (self->label == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->label);
  return TRUE;
}

static void
helder_radar_dot_dispose (GObject *object)
{
  HelderRadarDot *self = HELDER_RADAR_DOT (object);

  g_clear_object (&self->topic);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (helder_radar_dot_parent_class)->dispose (object);
}

static void
helder_radar_dot_class_init (HelderRadarDotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_radar_dot_dispose;
  widget_class->snapshot = helder_radar_dot_snapshot;
  widget_class->measure = helder_radar_dot_measure;
  widget_class->query_tooltip = helder_radar_dot_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "radardot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
helder_radar_dot_init (HelderRadarDot *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  helder_radar_dot_set_trend (self, "stable");
}

GtkWidget *
helder_radar_dot_new (void)
{
  return g_object_new (HELDER_TYPE_RADAR_DOT, NULL);
}

HelderRecord *
helder_radar_dot_get_topic (HelderRadarDot *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DOT (self), NULL);

  return self->topic;
}

guint
helder_radar_dot_get_n_signals (HelderRadarDot *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DOT (self), 0);

  return self->n_signals;
}

void
helder_radar_dot_set_topic (HelderRadarDot *self,
                            HelderRecord   *topic,
                            guint           n_signals)
{
  g_return_if_fail (HELDER_IS_RADAR_DOT (self));
  g_return_if_fail (topic == NULL || HELDER_IS_TOPIC (topic));

  g_set_object (&self->topic, topic);
  self->n_signals = n_signals;
  helder_radar_dot_set_trend (self, topic != NULL ? helder_record_get_text (topic, "trend") : NULL);
  update_description (self);
}

/* What the comparison says of a topic ("moved from … to …"). */
void
helder_radar_dot_set_description (HelderRadarDot *self,
                                  const char     *description)
{
  g_return_if_fail (HELDER_IS_RADAR_DOT (self));

  g_free (self->description);
  self->description = g_strdup (description);
  update_description (self);
}

gboolean
helder_radar_dot_get_selected (HelderRadarDot *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_DOT (self), FALSE);

  return self->selected;
}

void
helder_radar_dot_set_selected (HelderRadarDot *self,
                               gboolean        selected)
{
  g_return_if_fail (HELDER_IS_RADAR_DOT (self));

  if (self->selected == !!selected)
    return;
  self->selected = !!selected;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, self->selected, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
