/* test-pdf.c: A4 reports, read back with pdftotext
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "report/helder-pdf.h"

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
png_bytes (int width,
           int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean drawn;

static void
draw_cross (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  g_assert_cmpfloat (width, ==, 300);
  g_assert_cmpfloat (height, ==, 200);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, width, height);
  cairo_stroke (cr);
  drawn = TRUE;
}

/* The text of page @page (from 1), or NULL without pdftotext. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_find_program_in_path ("pdftotext") == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_report (void)
{
  g_autoptr(HelderPdf) pdf = helder_pdf_new ("Kwartaalrapport 2026-Q4");
  g_autoptr(GBytes) logo = png_bytes (40, 40);
  g_autoptr(GBytes) image = png_bytes (400, 100);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rapport.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *one = NULL, *last = NULL;
  const char *header[] = { "Onderwerp", "Was", "Nu", "Reden", NULL };
  const double widths[] = { 3, 1, 1, 4 };
  HelderPdfTable *table;
  guint n_pages = 0;

  g_assert_no_error (error);
  helder_pdf_set_organisation (pdf, "Gemeente Hillegom");
  g_assert_true (helder_pdf_set_logo_png (pdf, logo, &error));
  g_assert_no_error (error);
  helder_pdf_set_author (pdf, "Sanne de Vries");
  helder_pdf_set_footer (pdf, "2 december 2026");

  helder_pdf_add_heading (pdf, 1, "Onderwerpen en prioriteiten, vierde kwartaal 2026");
  helder_pdf_add_paragraph (pdf, "Dit rapport vat de kwartaalherziening samen: welke onderwerpen "
                                 "erbij kwamen, welke vervielen en welke verschoven op de radar.");
  helder_pdf_add_drawing (pdf, 300, 200, draw_cross, NULL, NULL);
  helder_pdf_add_caption (pdf, "De radar aan het eind van het kwartaal");
  g_assert_true (helder_pdf_add_image_png (pdf, image, 200, &error));
  helder_pdf_add_heading (pdf, 2, "Wijzigingen");
  table = helder_pdf_add_table (pdf, header);
  helder_pdf_table_set_widths (table, widths);
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *name = g_strdup_printf ("Onderwerp %u: coöperatie €", i + 1);
      const char *row[] = { name, "3 × 4", "4 × 5", i % 7 == 0
                            ? "Een lange reden die over meer regels loopt, zodat de rij hoger "
                              "wordt dan de andere rijen van de tabel en netjes afbreekt."
                            : "Blijft", NULL };

      helder_pdf_table_add_row (table, row);
    }
  /* Short rows are padded with empty cells. */
  helder_pdf_table_add_row (table, (const char *[]) { "Laatste", NULL });
  helder_pdf_add_page_break (pdf);
  helder_pdf_add_heading (pdf, 2, "Samenvatting");
  helder_pdf_add_paragraph (pdf, "Eind.");

  bytes = helder_pdf_render (pdf, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_true (drawn);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);

  g_assert_true (helder_pdf_save (pdf, file, NULL, &error));
  g_assert_no_error (error);

  one = page_text (path, 1);
  if (one == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (one, "Gemeente Hillegom"));
  g_assert_nonnull (strstr (one, "Kwartaalrapport 2026-Q4"));
  g_assert_nonnull (strstr (one, "2 december 2026"));
  {
    g_autofree char *page = g_strdup_printf ("Page 1 of %u", n_pages);
    g_assert_nonnull (strstr (one, page));
  }

  /* The table runs over the pages with its header on each. */
  for (guint p = 2; p < n_pages; p++)
    {
      g_autofree char *text = page_text (path, p);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_nonnull (strstr (text, "Gemeente Hillegom"));
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "Onderwerp"));
      g_assert_nonnull (strstr (text, "Reden"));
    }
  {
    g_autofree char *before = page_text (path, n_pages - 1);
    g_assert_nonnull (strstr (before, "Laatste"));
    g_assert_nonnull (strstr (before, "coöperatie €"));
  }
  last = page_text (path, n_pages);
  g_assert_nonnull (strstr (last, "Samenvatting"));
  g_assert_null (strstr (last, "Onderwerp 90"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_image (void)
{
  g_autoptr(HelderPdf) pdf = helder_pdf_new ("x");
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;

  g_assert_false (helder_pdf_set_logo_png (pdf, junk, &error));
  g_assert_error (error, HELDER_PDF_ERROR, HELDER_PDF_ERROR_IMAGE);
  g_clear_error (&error);
  g_assert_false (helder_pdf_add_image_png (pdf, junk, 0, &error));
  g_assert_error (error, HELDER_PDF_ERROR, HELDER_PDF_ERROR_IMAGE);
}

/* An empty document is one page with its header. */
static void
test_empty (void)
{
  g_autoptr(HelderPdf) pdf = helder_pdf_new ("Leeg");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  bytes = helder_pdf_render (pdf, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/report", test_report);
  g_test_add_func ("/pdf/bad-image", test_bad_image);
  g_test_add_func ("/pdf/empty", test_empty);

  return g_test_run ();
}
