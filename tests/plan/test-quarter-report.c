/* test-quarter-report.c: the quarterly report: A4, the radar, the table of changes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "report/helder-quarter-report.h"

static HelderQuarterSnapshot *
snapshot_of (guint n)
{
  HelderQuarterSnapshot *snapshot = helder_quarter_snapshot_new ();
  static const char *trends[] = { "rising", "stable", "falling" };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *title = g_strdup_printf ("Onderwerp %u over de wijk", i);

      helder_quarter_snapshot_add_topic (snapshot, id, title, i % 5 + 1, (i / 5) % 5 + 1, trends[i % 3]);
    }
  helder_quarter_snapshot_add_priority (snapshot, "p1", "Betaalbaar wonen", 1);
  return snapshot;
}

/* A PDF of A4 pages with the radar and the changes; a long list of
 * changes runs onto more pages. */
static void
test_report (void)
{
  g_autoptr(HelderQuarterSnapshot) before = snapshot_of (40);
  g_autoptr(HelderQuarterSnapshot) after = snapshot_of (60);
  g_autoptr(GPtrArray) changes = helder_quarter_compare (before, after);
  g_autoptr(HelderPdf) pdf = NULL;
  g_autoptr(HelderPdf) first = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_cmpuint (changes->len, ==, 20);
  pdf = helder_quarter_report_new ("Gemeente Hillegom", "2026-Q4", TRUE, "Sanne de Vries", after, changes, NULL);
  bytes = helder_pdf_render (pdf, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF"));
  g_assert_cmpuint (n_pages, >=, 2);

  /* Without an earlier quarter: the radar and a sentence, one page */
  first = helder_quarter_report_new ("Gemeente Hillegom", "2026-Q3", FALSE, NULL, before, NULL, NULL);
  first_bytes = helder_pdf_render (first, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
}

/* The radar as the report draws it: something on the grid in each
 * topic's cell. */
static void
test_radar_drawing (void)
{
  g_autoptr(HelderQuarterSnapshot) snapshot = snapshot_of (25);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 400);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  guint painted = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  helder_quarter_report_draw_radar (cr, 500, 400, snapshot, NULL);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (guint i = 0; i < 500 * 400; i++)
    painted += (pixels[i] & 0xffffff) != 0xffffff;
  g_assert_cmpuint (painted, >, 500 * 400 / 2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quarter-report/report", test_report);
  g_test_add_func ("/quarter-report/radar-drawing", test_radar_drawing);
  return g_test_run ();
}
