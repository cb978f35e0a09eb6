/* helder-quarter-report.c: the quarterly report for the college: the radar and what changed, as PDF
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-quarter-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "helder-quarter-report.h"
#include "plan/helder-plan-radar.h"

/* A4 through helder-pdf: the municipality's name on every page, the
 * quarter, the radar as the app draws it (the same layout functions, in
 * print colours, the trend also as shape), and tables of the changes
 * against the quarter before.  The radar is drawn with cairo, so the PDF
 * keeps it as vectors. */

static const struct { const char *trend; double r, g, b; } trend_colours[] = {
  { "rising", 0.75, 0.11, 0.16 }, { "stable", 0.21, 0.52, 0.89 }, { "falling", 0.15, 0.64, 0.41 },
};

static void
set_trend_colour (cairo_t    *cr,
                  const char *trend)
{
  for (guint i = 0; i < G_N_ELEMENTS (trend_colours); i++)
    if (g_strcmp0 (trend, trend_colours[i].trend) == 0)
      {
        cairo_set_source_rgb (cr, trend_colours[i].r, trend_colours[i].g, trend_colours[i].b);
        return;
      }
  cairo_set_source_rgb (cr, trend_colours[1].r, trend_colours[1].g, trend_colours[1].b);
}

/* Rising a circle, stable a rounded square, falling a diamond. */
static void
dot_path (cairo_t    *cr,
          const char *trend,
          double      x,
          double      y,
          double      r)
{
  if (g_strcmp0 (trend, "rising") == 0)
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  else if (g_strcmp0 (trend, "falling") == 0)
    {
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
    }
  else
    cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           double      x,
           double      y,
           double      x_align,
           gboolean    vertical)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (vertical)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -w * x_align, -h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * helder_quarter_report_draw_radar:
 * @signal_counts: (nullable): topic id → signals of the last 30 days
 *
 * The radar of @snapshot in @width × @height (points or pixels).
 */
void
helder_quarter_report_draw_radar (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  HelderQuarterSnapshot *snapshot,
                                  GHashTable            *signal_counts)
{
  HelderRadarRect grid = { 40, 4, width - 44, height - 36 };
  guint n = snapshot->topics->len;
  g_autofree HelderRadarItem *items = g_new0 (HelderRadarItem, MAX (n, 1));
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double cw = grid.width / HELDER_RADAR_SIZE, ch = grid.height / HELDER_RADAR_SIZE;
  double label_width = helder_radar_label_max_width (&grid, 8);

  g_return_if_fail (cr != NULL && snapshot != NULL);

  /* Cells, tinted towards high impact, and lines */
  for (int a = 1; a <= HELDER_RADAR_SIZE; a++)
    for (int s = 1; s <= HELDER_RADAR_SIZE; s++)
      {
        HelderRadarRect cell = helder_radar_cell_rect (&grid, a, s);

        cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.03 + 0.025 * (a + s - 2));
        cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
        cairo_fill (cr);
      }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 0.5);
  for (int i = 0; i <= HELDER_RADAR_SIZE; i++)
    {
      cairo_move_to (cr, grid.x + i * cw, grid.y);
      cairo_line_to (cr, grid.x + i * cw, grid.y + grid.height);
      cairo_move_to (cr, grid.x, grid.y + i * ch);
      cairo_line_to (cr, grid.x + grid.width, grid.y + i * ch);
    }
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (int i = 1; i <= HELDER_RADAR_SIZE; i++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%d", i);
      show_text (cr, number, 8, grid.x + (i - 0.5) * cw, grid.y + grid.height + 8, 0.5, FALSE);
      show_text (cr, number, 8, grid.x - 6, grid.y + (HELDER_RADAR_SIZE - i + 0.5) * ch, 1, FALSE);
    }
  show_text (cr, _("Administrative impact →"), 9, grid.x + grid.width / 2, grid.y + grid.height + 24, 0.5, FALSE);
  show_text (cr, _("Societal impact →"), 9, grid.x - 26, grid.y + grid.height / 2, 0.5, TRUE);

  /* The topics where the app puts them */
  for (guint i = 0; i < n; i++)
    {
      HelderSnapshotTopic *topic = snapshot->topics->pdata[i];
      PangoLayout *layout = text_layout (cr, topic->title, 7);
      int w, h;

      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      {
        PangoRectangle ink;

        /* A word wider than the label: one ellipsized line instead */
        pango_layout_get_pixel_extents (layout, &ink, NULL);
        if (ink.x + ink.width > label_width + 1)
          pango_layout_set_height (layout, -1);
      }
      pango_layout_get_pixel_size (layout, &w, &h);
      g_ptr_array_add (layouts, layout);
      items[i] = (HelderRadarItem) {
        .admin_impact = topic->admin_impact, .societal_impact = topic->societal_impact,
        .n_signals = signal_counts != NULL
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (signal_counts, topic->id)) : 0,
        .label_width = MIN (w, label_width), .label_height = h,
      };
    }
  helder_radar_layout (items, n, &grid);
  for (guint i = 0; i < n; i++)
    {
      HelderSnapshotTopic *topic = snapshot->topics->pdata[i];
      double r = items[i].radius * 0.8;

      cairo_new_path (cr);
      dot_path (cr, topic->trend, items[i].x, items[i].y, r);
      set_trend_colour (cr, topic->trend);
      cairo_fill (cr);
      if (items[i].label_shown)
        {
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, items[i].label.x, items[i].label.y);
          pango_cairo_show_layout (cr, layouts->pdata[i]);
          cairo_new_path (cr);
        }
    }
}

typedef struct
{
  HelderQuarterSnapshot *snapshot;
  GHashTable            *counts;
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_clear_pointer (&figure->counts, g_hash_table_unref);
  g_free (figure);
}

static void
draw_figure (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  data)
{
  Figure *figure = data;

  helder_quarter_report_draw_radar (cr, width, height, figure->snapshot, figure->counts);
}

static char *
cell_text (int admin,
           int societal)
{
  return admin > 0 ? g_strdup_printf ("%d × %d", admin, societal) : g_strdup ("–");
}

static const char *
change_label (HelderQuarterChange *change)
{
  switch (change->kind)
    {
    case HELDER_CHANGE_ADDED:
      return _("New");
    case HELDER_CHANGE_DROPPED:
      return _("Dropped");
    case HELDER_CHANGE_MOVED:
      return _("Moved");
    case HELDER_CHANGE_TREND:
      return _("Other trend");
    case HELDER_CHANGE_RANK:
    default:
      return _("Other place");
    }
}

/**
 * helder_quarter_report_new:
 * @organisation: the municipality, on every page
 * @closed_by: (nullable): who closed the quarter, when it is closed
 * @changes: (nullable): helder_quarter_compare() against the quarter
 *   before; %NULL when that one was not closed
 * @signal_counts: (nullable): topic id → recent signals, for dot sizes
 *
 * Returns: (transfer full): the report, to render or save
 */
HelderPdf *
helder_quarter_report_new (const char            *organisation,
                           const char            *quarter,
                           gboolean               closed,
                           const char            *closed_by,
                           HelderQuarterSnapshot *snapshot,
                           GPtrArray             *changes,
                           GHashTable            *signal_counts)
{
  g_autofree char *label = helder_quarter_label (quarter);
  g_autofree char *previous = helder_quarter_offset (quarter, -1);
  g_autofree char *previous_label = helder_quarter_label (previous);
  g_autofree char *title = g_strdup_printf (_("Quarterly report %s"), label);
  g_autofree char *intro = NULL;
  HelderPdf *pdf;
  Figure *figure;

  g_return_val_if_fail (snapshot != NULL, NULL);

  pdf = helder_pdf_new (title);
  helder_pdf_set_organisation (pdf, organisation);
  helder_pdf_add_heading (pdf, 1, title);
  if (closed)
    intro = g_strdup_printf (_("%s was closed by %s. The radar shows the %u topics with their administrative and "
                               "societal impact; the ledger holds %u priorities."),
                             label, closed_by != NULL ? closed_by : "", snapshot->topics->len,
                             snapshot->priorities->len);
  else
    intro = g_strdup_printf (_("%s is not closed yet: this is how closing it now would leave the %u topics and %u "
                               "priorities."), label, snapshot->topics->len, snapshot->priorities->len);
  helder_pdf_add_paragraph (pdf, intro);

  helder_pdf_add_heading (pdf, 2, _("Topic radar"));
  figure = g_new0 (Figure, 1);
  figure->snapshot = snapshot;
  figure->counts = signal_counts != NULL ? g_hash_table_ref (signal_counts) : NULL;
  helder_pdf_add_drawing (pdf, HELDER_PDF_BODY_WIDTH, HELDER_PDF_BODY_WIDTH * 0.72, draw_figure, figure,
                          figure_free);
  helder_pdf_add_caption (pdf, _("Circle: rising · square: stable · diamond: falling. "
                                 "The bigger the dot, the more signals in the last 30 days."));

  helder_pdf_add_heading (pdf, 2, _("Changes"));
  if (changes == NULL)
    {
      g_autofree char *none = g_strdup_printf (_("%s was not closed in Helder: there is nothing to compare with."),
                                               previous_label);

      helder_pdf_add_paragraph (pdf, none);
    }
  else if (changes->len == 0)
    helder_pdf_add_paragraph (pdf, _("Nothing changed."));
  else
    {
      const char *topic_header[] = { _("Topic"), _("Change"), _("Was"), _("Now"), NULL };
      const char *priority_header[] = { _("Priority"), _("Change"), _("Was"), _("Now"), NULL };
      const double widths[] = { 5, 2, 1.3, 1.3 };
      g_autofree char *against = g_strdup_printf (_("Compared with %s."), previous_label);
      HelderPdfTable *topics = NULL, *priorities = NULL;

      helder_pdf_add_paragraph (pdf, against);
      for (guint i = 0; i < changes->len; i++)
        {
          HelderQuarterChange *change = changes->pdata[i];
          g_autofree char *was = NULL, *now = NULL;
          const char *row[5];

          if (change->is_priority)
            {
              if (priorities == NULL)
                {
                  priorities = helder_pdf_add_table (pdf, priority_header);
                  helder_pdf_table_set_widths (priorities, widths);
                }
              was = change->from_rank > 0 ? g_strdup_printf ("%d", change->from_rank) : g_strdup ("–");
              now = change->to_rank > 0 ? g_strdup_printf ("%d", change->to_rank) : g_strdup ("–");
            }
          else
            {
              if (topics == NULL)
                {
                  topics = helder_pdf_add_table (pdf, topic_header);
                  helder_pdf_table_set_widths (topics, widths);
                }
              was = cell_text (change->from_admin, change->from_societal);
              now = cell_text (change->to_admin, change->to_societal);
            }
          row[0] = change->title;
          row[1] = change_label (change);
          row[2] = was;
          row[3] = now;
          row[4] = NULL;
          helder_pdf_table_add_row (change->is_priority ? priorities : topics, row);
        }
    }
  return pdf;
}
