/* test-edition-export.c: the omgevingsbeeld as PDF (read back with pdftotext), mail HTML and text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <cairo.h>

#include "report/helder-edition-export.h"

static HelderEditionItem *
item (HelderEditionItemKind  kind,
      const char            *title,
      const char            *change,
      const char            *duiding,
      const char            *date)
{
  HelderEditionItem *i = helder_edition_item_new (kind, NULL, title, change);

  i->duiding = g_strdup (duiding);
  i->date = g_strdup (date);
  return i;
}

static HelderEditionExport *
example (void)
{
  HelderEditionExport *export = helder_edition_export_new ();
  const char *readers[] = { "College van burgemeester en wethouders Hillegom", "Directie HLTsamen", NULL };
  HelderEditionItem *dropped;

  export->organisation = g_strdup ("Gemeente Hillegom");
  export->title = g_strdup ("Omgevingsbeeld 104");
  export->date = g_strdup ("2026-12-01");
  export->number = 104;
  export->intro = g_strdup ("Rustige week; de jaarwisseling vraagt aandacht.");
  export->sent_to = g_strdupv ((char **) readers);
  g_ptr_array_add (export->items,
                   item (HELDER_EDITION_ITEM_TOPIC, "Jaarwisseling en vuurwerk",
                         "Changed: impact from 3 × 3 to 4 × 3.",
                         "De toon op sociale media is feller dan vorig jaar. Advies: voor 15 december "
                         "samen met politie en jongerenwerk laten weten wat de gemeente doet.", NULL));
  g_ptr_array_add (export->items,
                   item (HELDER_EDITION_ITEM_SIGNAL, "Afval · Fixi", "Veertien meldingen over bijplaatsingen.",
                         NULL, "2026-11-30"));
  g_ptr_array_add (export->items,
                   item (HELDER_EDITION_ITEM_WORKS, "Riolering Mariastraat <fase 2> & Julianastraat",
                         "Starts 7 December 2026", "Omwonenden kregen de brief op tijd.", "2026-12-07"));
  dropped = item (HELDER_EDITION_ITEM_MESSAGE, "Geschrapt bericht", "Niet meer nodig", NULL, "2026-12-08");
  dropped->dropped = TRUE;
  g_ptr_array_add (export->items, dropped);
  g_ptr_array_add (export->items,
                   item (HELDER_EDITION_ITEM_MEETING, "Raadsvergadering", "10 December 2026 · Gemeenteraad",
                         NULL, "2026-12-10"));
  g_ptr_array_add (export->items,
                   item (HELDER_EDITION_ITEM_APPROVAL, "Bewonersbrief Meerlaan", "Waiting for approval",
                         NULL, "2026-12-14"));
  return export;
}

static char *
pdf_text (GBytes *pdf,
          guint   page)
{
  g_autofree char *dir = g_dir_make_tmp ("helder-edition-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edition.pdf", NULL);
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return out;
}

/* pdftotext breaks lines where the PDF does: compare with spaces only */
static char *
flatten (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p))
      {
        if (s->len > 0 && s->str[s->len - 1] != ' ')
          g_string_append_c (s, ' ');
      }
    else
      g_string_append_c (s, *p);
  return g_strdup (s->str);
}

static void
test_pdf (void)
{
  g_autoptr(HelderEditionExport) export = example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *flat = NULL;
  guint n_pages = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  pdf = helder_edition_export_pdf (export, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  text = pdf_text (pdf, 1);
  flat = flatten (text);
  g_assert_nonnull (strstr (flat, "Gemeente Hillegom"));
  g_assert_nonnull (strstr (flat, "Omgevingsbeeld 104"));
  g_assert_nonnull (strstr (flat, "1 December 2026"));
  g_assert_nonnull (strstr (flat, "Jaarwisseling en vuurwerk"));
  g_assert_nonnull (strstr (flat, "De toon op sociale media is feller"));
  g_assert_nonnull (strstr (flat, "Riolering Mariastraat <fase 2> & Julianastraat"));
  g_assert_nonnull (strstr (flat, "Raadsvergadering"));
  g_assert_nonnull (strstr (flat, "The coming 14 days"));
  g_assert_nonnull (strstr (flat, "Waiting for approval"));
  g_assert_nonnull (strstr (flat, "Directie HLTsamen"));
  g_assert_nonnull (strstr (flat, "Page 1 of 1"));
  g_assert_null (strstr (flat, "Geschrapt bericht"));
  /* the parts in the order of the items */
  g_assert_true (strstr (flat, "Topics that moved") < strstr (flat, "New signals"));
  g_assert_true (strstr (flat, "New signals") < strstr (flat, "The coming 14 days"));
}

static void
test_pdf_pages (void)
{
  g_autoptr(HelderEditionExport) export = example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL, *flat = NULL;
  guint n_pages = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Signaal nummer %u", i);

      g_ptr_array_add (export->items, item (HELDER_EDITION_ITEM_SIGNAL, title, "Een melding via Webcare.",
                                            "Nog geen patroon.", "2026-11-30"));
    }
  pdf = helder_edition_export_pdf (export, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 3);
  last = pdf_text (pdf, n_pages);
  flat = flatten (last);
  g_assert_nonnull (strstr (flat, "Signaal nummer 59"));
  g_assert_nonnull (strstr (flat, "Gemeente Hillegom"));
  {
    g_autofree char *footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (flat, footer));
  }
}

static void
test_html (void)
{
  g_autoptr(HelderEditionExport) export = example ();
  g_autofree char *html = helder_edition_export_html (export);
  g_autofree char *lower = g_ascii_strdown (html, -1);
  const char *forbidden[] = { "<style", "<script", "<link", "<img", "<iframe", "@import", "url(",
                              "src=", "href=", "class=", "javascript:", "http://", "https://" };
  guint opened = 0, closed = 0;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (lower, forbidden[i]) != NULL)
      g_error ("the mail HTML holds %s", forbidden[i]);
  /* escaped text */
  g_assert_nonnull (strstr (html, "Riolering Mariastraat &lt;fase 2&gt; &amp; Julianastraat"));
  g_assert_null (strstr (html, "<fase 2>"));
  g_assert_nonnull (strstr (html, "Gemeente Hillegom"));
  g_assert_nonnull (strstr (html, "Omgevingsbeeld 104"));
  g_assert_nonnull (strstr (html, "1 December 2026"));
  g_assert_nonnull (strstr (html, "De toon op sociale media is feller"));
  g_assert_null (strstr (html, "Geschrapt bericht"));
  /* layout by tables, balanced */
  for (const char *p = lower; (p = strstr (p, "<table")) != NULL; p++)
    opened++;
  for (const char *p = lower; (p = strstr (p, "</table>")) != NULL; p++)
    closed++;
  g_assert_cmpuint (opened, >=, 2);
  g_assert_cmpuint (opened, ==, closed);
  g_assert_nonnull (strstr (lower, "role=\"presentation\""));
  /* every element with a look has it inline */
  g_assert_nonnull (strstr (lower, "<td style=\""));
}

static void
test_text (void)
{
  g_autoptr(HelderEditionExport) export = example ();
  g_autofree char *text = helder_edition_export_text (export);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_prefix (text, "Omgevingsbeeld 104\n==================\n"));
  g_assert_nonnull (strstr (text, "Gemeente Hillegom · 1 December 2026"));
  g_assert_nonnull (strstr (text, "* Jaarwisseling en vuurwerk"));
  g_assert_nonnull (strstr (text, "  Duiding: De toon op sociale media is feller"));
  g_assert_nonnull (strstr (text, "The coming 14 days\n------------------"));
  g_assert_nonnull (strstr (text, "  Works · 7 December 2026"));
  g_assert_null (strstr (text, "Geschrapt bericht"));
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 72);
}

static void
test_empty (void)
{
  g_autoptr(HelderEditionExport) export = helder_edition_export_new ();
  g_autofree char *html = helder_edition_export_html (export);
  g_autofree char *text = helder_edition_export_text (export);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (html, "This edition has no items."));
  g_assert_nonnull (strstr (text, "This edition has no items."));
  pdf = helder_edition_export_pdf (export, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

static void
test_save (void)
{
  g_autoptr(HelderEditionExport) export = example ();
  g_autofree char *dir = g_dir_make_tmp ("helder-edition-XXXXXX", NULL);
  HelderEditionFormat formats[] = { HELDER_EDITION_FORMAT_PDF, HELDER_EDITION_FORMAT_HTML,
                                    HELDER_EDITION_FORMAT_TEXT };
  const char *starts[] = { "%PDF-", "<!DOCTYPE html>", "Omgevingsbeeld 104" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = helder_edition_export_file_name (export, formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (helder_edition_export_save (export, formats[i], file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_true (g_str_has_prefix (contents, starts[i]));
      g_unlink (path);
    }
  {
    g_autofree char *name = helder_edition_export_file_name (export, HELDER_EDITION_FORMAT_PDF);

    g_assert_cmpstr (name, ==, "Omgevingsbeeld 104 2026-12-01.pdf");
  }
  g_rmdir (dir);
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* From the store: the municipality's name and logo, the edition's items;
 * the PDF carries the logo as an image. */
static void
test_from_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("helder-edition-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "e.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (path, &error);
  g_autoptr(HelderSession) session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_autoptr(HelderPlanService) plan = NULL;
  g_autoptr(HelderRecord) organisation = helder_record_new (HELDER_TYPE_ORGANISATION);
  g_autoptr(HelderRecord) logo = helder_record_new (HELDER_TYPE_SETTING);
  g_autoptr(HelderRecord) edition = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);
  g_autoptr(HelderEditionExport) export = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *encoded = NULL, *value = NULL, *images = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 48);
  const char *argv[] = { "pdfimages", "-list", pdf_path, NULL };

  g_assert_no_error (error);
  plan = helder_plan_service_new (store, session);
  cairo_surface_write_to_png_stream (surface, append, png);
  cairo_surface_destroy (surface);
  encoded = g_base64_encode (png->data, png->len);
  value = g_strdup_printf ("{\"png_base64\": \"%s\"}", encoded);
  g_object_set (organisation, "name", "Gemeente Hillegom", "slug", "hillegom", NULL);
  g_object_set (logo, "key", HELDER_ORGANISATION_LOGO_SETTING, "value", value, NULL);
  g_object_set (edition, "number", 7, "date", "2026-12-04", "status", "draft",
                "items", "[{\"kind\": \"note\", \"title\": \"Inloopavond\", \"duiding\": \"Goed bezocht.\"}]", NULL);
  g_assert_true (helder_store_save (store, organisation, NULL));
  g_assert_true (helder_store_save (store, logo, NULL));
  g_assert_true (helder_store_save (store, edition, NULL));

  export = helder_edition_export_new_for_record (plan, edition);
  g_assert_cmpstr (export->organisation, ==, "Gemeente Hillegom");
  g_assert_cmpstr (export->title, ==, "Omgevingsbeeld 7");
  g_assert_nonnull (export->logo_png);
  g_assert_cmpuint (g_bytes_get_size (export->logo_png), ==, png->len);
  g_assert_cmpuint (export->items->len, ==, 1);
  pdf = helder_edition_export_pdf (export, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  if (g_find_program_in_path ("pdfimages") != NULL)
    {
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &images, NULL, &status, &error);
      g_assert_no_error (error);
      /* the header and one image line at least */
      g_assert_nonnull (strstr (images, "image"));
    }
  g_clear_object (&plan);
  g_clear_object (&store);
  {
    const char *leftovers[] = { "helder.db", "helder.db-wal", "helder.db-shm", "e.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
      {
        g_autofree char *p = g_build_filename (dir, leftovers[i], NULL);

        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edition-export/pdf", test_pdf);
  g_test_add_func ("/edition-export/pdf-pages", test_pdf_pages);
  g_test_add_func ("/edition-export/html", test_html);
  g_test_add_func ("/edition-export/text", test_text);
  g_test_add_func ("/edition-export/empty", test_empty);
  g_test_add_func ("/edition-export/save", test_save);
  g_test_add_func ("/edition-export/from-store", test_from_store);

  return g_test_run ();
}
