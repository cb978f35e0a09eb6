/* helder-pdf.c: A4 reports with the municipality's name on every page
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-pdf"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "helder-pdf.h"

/* A document is a list of blocks (headings, paragraphs, tables, figures)
 * that flow over A4 pages.  The pages are laid out twice with the same
 * Pango context, first only to count them and then to draw them, so every
 * footer can say "page 2 of 5".  Text is set with Pango in points on a
 * PDF surface (no hinting, so both passes measure alike), and figures stay
 * vectors where the caller draws them with cairo. */

G_DEFINE_QUARK (helder-pdf-error-quark, helder_pdf_error)

#define FONT          "Sans"
#define BODY_SIZE     10.5
#define SMALL_SIZE    8.5
#define TABLE_SIZE    9.0
#define HEADER_HEIGHT HELDER_PDF_MM (14.0)
#define BODY_TOP      (HELDER_PDF_MARGIN + HEADER_HEIGHT)
#define BODY_BOTTOM   (HELDER_PDF_PAGE_HEIGHT - HELDER_PDF_MARGIN - HELDER_PDF_MM (8.0))
#define CELL_PADDING  4.0
#define LOGO_HEIGHT   HELDER_PDF_MM (10.0)

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CAPTION,
  BLOCK_TABLE,
  BLOCK_IMAGE,
  BLOCK_DRAWING,
  BLOCK_PAGE_BREAK,
} BlockKind;

struct _HelderPdfTable
{
  guint      n_columns;
  double    *widths;   /* parts of the body width, summing to 1 */
  GPtrArray *rows;     /* of GStrv; the first is the header */
};

typedef struct
{
  BlockKind          kind;
  guint              level;     /* headings: 1 to 3 */
  char              *text;
  HelderPdfTable    *table;
  cairo_surface_t   *image;
  double             width;
  double             height;
  HelderPdfDrawFunc  func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Block;

struct _HelderPdf
{
  char            *title;
  char            *organisation;
  char            *author;
  char            *footer;
  cairo_surface_t *logo;
  GPtrArray       *blocks;
};

/* Where the pass is: one per layout pass. */
typedef struct
{
  HelderPdf       *pdf;
  PangoContext    *context;
  cairo_surface_t *surface;   /* NULL while counting */
  cairo_t         *cr;        /* NULL while counting */
  guint            page;      /* from 1 */
  guint            n_pages;   /* known in the drawing pass */
  double           y;
  int              outline[4];
} Pass;

static void
table_free (HelderPdfTable *table)
{
  g_free (table->widths);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

/**
 * helder_pdf_new:
 * @title: the document's title, in its metadata and every page's header
 */
HelderPdf *
helder_pdf_new (const char *title)
{
  HelderPdf *pdf = g_new0 (HelderPdf, 1);

  pdf->title = g_strdup (title ? title : "");
  pdf->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  return pdf;
}

void
helder_pdf_free (HelderPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_free (pdf->title);
  g_free (pdf->organisation);
  g_free (pdf->author);
  g_free (pdf->footer);
  g_clear_pointer (&pdf->logo, cairo_surface_destroy);
  g_ptr_array_unref (pdf->blocks);
  g_free (pdf);
}

/* The municipality's name, top left on every page. */
void
helder_pdf_set_organisation (HelderPdf  *pdf,
                             const char *name)
{
  g_return_if_fail (pdf != NULL);

  g_free (pdf->organisation);
  pdf->organisation = g_strdup (name);
}

void
helder_pdf_set_author (HelderPdf  *pdf,
                       const char *author)
{
  g_return_if_fail (pdf != NULL);

  g_free (pdf->author);
  pdf->author = g_strdup (author);
}

/* Text at the bottom left of every page (a date, say). */
void
helder_pdf_set_footer (HelderPdf  *pdf,
                       const char *text)
{
  g_return_if_fail (pdf != NULL);

  g_free (pdf->footer);
  pdf->footer = g_strdup (text);
}

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_from_png (GBytes  *png,
                  GError **error)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HELDER_PDF_ERROR, HELDER_PDF_ERROR_IMAGE,
                   _("The image could not be read: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/* The municipality's logo, left of its name in every page's header. */
gboolean
helder_pdf_set_logo_png (HelderPdf  *pdf,
                         GBytes     *png,
                         GError    **error)
{
  cairo_surface_t *logo;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (png != NULL, FALSE);

  if ((logo = surface_from_png (png, error)) == NULL)
    return FALSE;
  g_clear_pointer (&pdf->logo, cairo_surface_destroy);
  pdf->logo = logo;
  return TRUE;
}

static Block *
add_block (HelderPdf *pdf,
           BlockKind  kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (pdf->blocks, block);
  return block;
}

/* @level: 1 (the document's title) to 3; headings are the PDF's outline. */
void
helder_pdf_add_heading (HelderPdf  *pdf,
                        guint       level,
                        const char *text)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  add_block (pdf, BLOCK_HEADING, text)->level = level;
}

/* Plain text; a line break in @text starts a new line. */
void
helder_pdf_add_paragraph (HelderPdf  *pdf,
                          const char *text)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (text != NULL);

  add_block (pdf, BLOCK_PARAGRAPH, text);
}

/* Small grey text, for under a figure or a table. */
void
helder_pdf_add_caption (HelderPdf  *pdf,
                        const char *text)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (text != NULL);

  add_block (pdf, BLOCK_CAPTION, text);
}

/**
 * helder_pdf_add_table:
 * @header: the column names; the table has as many columns
 *
 * Returns: (transfer none): the table, to add rows to; it is repeated with
 *   its header on every page it runs onto.
 */
HelderPdfTable *
helder_pdf_add_table (HelderPdf          *pdf,
                      const char * const *header)
{
  HelderPdfTable *table;
  Block *block;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (header != NULL && header[0] != NULL, NULL);

  table = g_new0 (HelderPdfTable, 1);
  table->n_columns = g_strv_length ((char **) header);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->widths = g_new (double, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    table->widths[i] = 1.0 / table->n_columns;
  g_ptr_array_add (table->rows, g_strdupv ((char **) header));

  block = add_block (pdf, BLOCK_TABLE, NULL);
  block->table = table;
  return table;
}

/* @widths: one number per column, in any unit: only their ratio counts. */
void
helder_pdf_table_set_widths (HelderPdfTable *table,
                             const double   *widths)
{
  double sum = 0;

  g_return_if_fail (table != NULL);
  g_return_if_fail (widths != NULL);

  for (guint i = 0; i < table->n_columns; i++)
    sum += MAX (widths[i], 0);
  g_return_if_fail (sum > 0);
  for (guint i = 0; i < table->n_columns; i++)
    table->widths[i] = MAX (widths[i], 0) / sum;
}

/* @cells: up to one per column; missing cells stay empty. */
void
helder_pdf_table_add_row (HelderPdfTable     *table,
                          const char * const *cells)
{
  char **row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0, done = FALSE; i < table->n_columns; i++)
    {
      done = done || cells[i] == NULL;
      row[i] = g_strdup (done ? "" : cells[i]);
    }
  g_ptr_array_add (table->rows, row);
}

/**
 * helder_pdf_add_image:
 * @width: in points; 0 for the body's width.  Never wider than that; the
 *   height keeps the image's proportions.
 */
void
helder_pdf_add_image (HelderPdf       *pdf,
                      cairo_surface_t *image,
                      double           width)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (image != NULL);
  g_return_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE);

  block = add_block (pdf, BLOCK_IMAGE, NULL);
  block->image = cairo_surface_reference (image);
  block->width = width > 0 ? MIN (width, HELDER_PDF_BODY_WIDTH) : HELDER_PDF_BODY_WIDTH;
  block->height = block->width * cairo_image_surface_get_height (image) /
                  MAX (1, cairo_image_surface_get_width (image));
}

gboolean
helder_pdf_add_image_png (HelderPdf  *pdf,
                          GBytes     *png,
                          double      width,
                          GError    **error)
{
  cairo_surface_t *image;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (png != NULL, FALSE);

  if ((image = surface_from_png (png, error)) == NULL)
    return FALSE;
  helder_pdf_add_image (pdf, image, width);
  cairo_surface_destroy (image);
  return TRUE;
}

/**
 * helder_pdf_add_drawing:
 * @width: in points, at most the body's width (a wider one is scaled)
 * @func: draws the figure as vectors when its page is drawn
 */
void
helder_pdf_add_drawing (HelderPdf         *pdf,
                        double             width,
                        double             height,
                        HelderPdfDrawFunc  func,
                        gpointer           user_data,
                        GDestroyNotify     destroy)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (func != NULL);

  block = add_block (pdf, BLOCK_DRAWING, NULL);
  block->width = width;
  block->height = height;
  block->func = func;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
helder_pdf_add_page_break (HelderPdf *pdf)
{
  g_return_if_fail (pdf != NULL);

  add_block (pdf, BLOCK_PAGE_BREAK, NULL);
}

/* Laying out */

static PangoLayout *
new_layout (Pass       *pass,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pass->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_colour (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

#define INK    0x241f31
#define GREY   0x5e5c64
#define RULE   0xc0bfbc
#define ACCENT 0x1a5fb4
#define SHADE  0xebebed

static void
show_layout (Pass        *pass,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      colour)
{
  if (pass->cr == NULL)
    return;
  set_colour (pass->cr, colour);
  cairo_move_to (pass->cr, x, y);
  pango_cairo_show_layout (pass->cr, layout);
}

static void
draw_page_frame (Pass *pass)
{
  HelderPdf *pdf = pass->pdf;
  cairo_t *cr = pass->cr;
  double x = HELDER_PDF_MARGIN;
  double top = HELDER_PDF_MARGIN;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) page = NULL;
  g_autofree char *page_text = NULL;

  if (cr == NULL)
    return;

  if (pdf->logo != NULL)
    {
      double w = cairo_image_surface_get_width (pdf->logo);
      double h = cairo_image_surface_get_height (pdf->logo);
      double scale = LOGO_HEIGHT / MAX (h, 1);

      cairo_save (cr);
      cairo_translate (cr, x, top);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, pdf->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      x += w * scale + HELDER_PDF_MM (3.0);
    }

  if (pdf->organisation != NULL)
    {
      name = new_layout (pass, pdf->organisation, 11.0, TRUE, 0);
      show_layout (pass, name, x, top + (LOGO_HEIGHT - layout_height (name)) / 2, INK);
    }

  title = new_layout (pass, pdf->title, SMALL_SIZE, FALSE, HELDER_PDF_BODY_WIDTH / 2);
  pango_layout_set_alignment (title, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show_layout (pass, title, HELDER_PDF_PAGE_WIDTH / 2,
               top + (LOGO_HEIGHT - layout_height (title)) / 2, GREY);

  set_colour (cr, RULE);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, HELDER_PDF_MARGIN, top + LOGO_HEIGHT + HELDER_PDF_MM (2.0));
  cairo_line_to (cr, HELDER_PDF_PAGE_WIDTH - HELDER_PDF_MARGIN, top + LOGO_HEIGHT + HELDER_PDF_MM (2.0));
  cairo_stroke (cr);

  /* Translators: the footer of every page of a report */
  page_text = g_strdup_printf (_("Page %u of %u"), pass->page, pass->n_pages);
  page = new_layout (pass, page_text, SMALL_SIZE, FALSE, HELDER_PDF_BODY_WIDTH);
  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  show_layout (pass, page, HELDER_PDF_MARGIN, HELDER_PDF_PAGE_HEIGHT - HELDER_PDF_MARGIN, GREY);

  if (pdf->footer != NULL)
    {
      g_autoptr(PangoLayout) footer = new_layout (pass, pdf->footer, SMALL_SIZE, FALSE,
                                                  HELDER_PDF_BODY_WIDTH * 0.7);

      pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
      show_layout (pass, footer, HELDER_PDF_MARGIN, HELDER_PDF_PAGE_HEIGHT - HELDER_PDF_MARGIN, GREY);
    }
}

static void
new_page (Pass *pass)
{
  if (pass->page > 0 && pass->cr != NULL)
    cairo_show_page (pass->cr);
  pass->page++;
  pass->y = BODY_TOP;
  draw_page_frame (pass);
}

/* Starts a new page unless @height fits below the current position.  On
 * a fresh page everything "fits": what is taller is cut by the caller. */
static void
need (Pass   *pass,
      double  height)
{
  if (pass->y + height > BODY_BOTTOM && pass->y > BODY_TOP)
    new_page (pass);
}

static void
lay_out_text (Pass        *pass,
              PangoLayout *layout,
              double       x,
              guint32      colour)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      double top, height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      need (pass, height);
      if (pass->cr != NULL)
        {
          set_colour (pass->cr, colour);
          cairo_move_to (pass->cr, x + (double) logical.x / PANGO_SCALE,
                         pass->y + (double) baseline / PANGO_SCALE - top);
          pango_cairo_show_layout_line (pass->cr, pango_layout_iter_get_line_readonly (iter));
        }
      pass->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
lay_out_heading (Pass  *pass,
                 Block *block)
{
  static const double sizes[] = { 0, 17.0, 13.5, 11.5 };
  static const double before[] = { 0, 4.0, 14.0, 10.0 };
  g_autoptr(PangoLayout) layout = new_layout (pass, block->text, sizes[block->level], TRUE,
                                              HELDER_PDF_BODY_WIDTH);
  double height = layout_height (layout);
  int parent;

  /* Keep a heading with a few lines of what follows it. */
  pass->y += pass->y > BODY_TOP ? before[block->level] : 0;
  need (pass, height + 3 * BODY_SIZE * 1.4);

  if (pass->surface != NULL)
    {
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", pass->page,
                                               HELDER_PDF_MARGIN, pass->y);

      parent = block->level > 1 ? pass->outline[block->level - 1] : CAIRO_PDF_OUTLINE_ROOT;
      pass->outline[block->level] =
        cairo_pdf_surface_add_outline (pass->surface, parent, block->text, link, 0);
      for (guint i = block->level + 1; i < G_N_ELEMENTS (pass->outline); i++)
        pass->outline[i] = pass->outline[block->level];
    }

  show_layout (pass, layout, HELDER_PDF_MARGIN, pass->y, block->level == 1 ? ACCENT : INK);
  pass->y += height + 4.0;
}

static double
row_height (Pass             *pass,
            HelderPdfTable   *table,
            char            **row,
            gboolean          header,
            PangoLayout     **layouts)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] * HELDER_PDF_BODY_WIDTH - 2 * CELL_PADDING;

      layouts[c] = new_layout (pass, row[c], TABLE_SIZE, header, MAX (width, 1));
      height = MAX (height, layout_height (layouts[c]));
    }

  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pass            *pass,
          HelderPdfTable  *table,
          PangoLayout    **layouts,
          double           height,
          gboolean         header)
{
  double x = HELDER_PDF_MARGIN;

  if (pass->cr != NULL && header)
    {
      set_colour (pass->cr, SHADE);
      cairo_rectangle (pass->cr, HELDER_PDF_MARGIN, pass->y, HELDER_PDF_BODY_WIDTH, height);
      cairo_fill (pass->cr);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      show_layout (pass, layouts[c], x + CELL_PADDING, pass->y + CELL_PADDING, INK);
      x += table->widths[c] * HELDER_PDF_BODY_WIDTH;
    }

  if (pass->cr != NULL)
    {
      set_colour (pass->cr, RULE);
      cairo_set_line_width (pass->cr, 0.5);
      cairo_move_to (pass->cr, HELDER_PDF_MARGIN, pass->y + height);
      cairo_line_to (pass->cr, HELDER_PDF_MARGIN + HELDER_PDF_BODY_WIDTH, pass->y + height);
      cairo_stroke (pass->cr);
    }
  pass->y += height;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

static void
lay_out_table (Pass           *pass,
               HelderPdfTable *table)
{
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, table->n_columns);
  g_autofree PangoLayout **cells = g_new0 (PangoLayout *, table->n_columns);
  double header_height = row_height (pass, table, g_ptr_array_index (table->rows, 0), TRUE, header);

  pass->y += 4.0;
  if (table->rows->len > 1)
    {
      double first = row_height (pass, table, g_ptr_array_index (table->rows, 1), FALSE, cells);

      free_layouts (cells, table->n_columns);
      need (pass, header_height + first);
    }
  draw_row (pass, table, header, header_height, TRUE);

  for (guint r = 1; r < table->rows->len; r++)
    {
      double height = row_height (pass, table, g_ptr_array_index (table->rows, r), FALSE, cells);
      guint page = pass->page;

      need (pass, height);
      if (pass->page != page)
        draw_row (pass, table, header, header_height, TRUE);
      draw_row (pass, table, cells, height, FALSE);
      free_layouts (cells, table->n_columns);
    }

  free_layouts (header, table->n_columns);
  pass->y += 8.0;
}

/* A figure taller than a page is scaled down to fit one. */
static void
lay_out_figure (Pass  *pass,
                Block *block)
{
  double scale = MIN (1.0, HELDER_PDF_BODY_WIDTH / block->width);
  double room = BODY_BOTTOM - BODY_TOP;
  double width, height;

  scale = MIN (scale, room / block->height);
  width = block->width * scale;
  height = block->height * scale;

  pass->y += 6.0;
  need (pass, height);
  if (pass->cr != NULL)
    {
      cairo_t *cr = pass->cr;

      cairo_save (cr);
      cairo_translate (cr, HELDER_PDF_MARGIN, pass->y);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      if (block->kind == BLOCK_IMAGE)
        {
          double s = width / cairo_image_surface_get_width (block->image);

          cairo_scale (cr, s, s);
          cairo_set_source_surface (cr, block->image, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
          cairo_paint (cr);
        }
      else
        {
          cairo_scale (cr, scale, scale);
          block->func (cr, block->width, block->height, block->user_data);
        }
      cairo_restore (cr);
    }
  pass->y += height + 6.0;
}

static void
lay_out (Pass *pass)
{
  HelderPdf *pdf = pass->pdf;

  pass->page = 0;
  new_page (pass);

  for (guint i = 0; i < pdf->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (pdf->blocks, i);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          lay_out_heading (pass, block);
          break;
        case BLOCK_PARAGRAPH:
        case BLOCK_CAPTION:
          {
            gboolean caption = block->kind == BLOCK_CAPTION;
            g_autoptr(PangoLayout) layout = new_layout (pass, block->text,
                                                        caption ? SMALL_SIZE : BODY_SIZE,
                                                        FALSE, HELDER_PDF_BODY_WIDTH);

            pango_layout_set_spacing (layout, (int) (BODY_SIZE * 0.25 * PANGO_SCALE));
            lay_out_text (pass, layout, HELDER_PDF_MARGIN, caption ? GREY : INK);
            pass->y += caption ? 4.0 : BODY_SIZE * 0.6;
          }
          break;
        case BLOCK_TABLE:
          lay_out_table (pass, block->table);
          break;
        case BLOCK_IMAGE:
        case BLOCK_DRAWING:
          lay_out_figure (pass, block);
          break;
        case BLOCK_PAGE_BREAK:
          if (i + 1 < pdf->blocks->len)
            new_page (pass);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static PangoContext *
new_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics measure the same on every surface. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("nl-nl"));
  return context;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * helder_pdf_render:
 * @n_pages: (out) (optional): how many pages the document has
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL.
 */
GBytes *
helder_pdf_render (HelderPdf  *pdf,
                   guint      *n_pages,
                   GError    **error)
{
  g_autoptr(GObject) context = G_OBJECT (new_context ());
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Pass pass = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pass.pdf = pdf;
  pass.context = PANGO_CONTEXT (context);
  lay_out (&pass);
  pass.n_pages = pass.page;

  pass.surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes,
                                                      HELDER_PDF_PAGE_WIDTH, HELDER_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pass.surface, CAIRO_PDF_METADATA_TITLE, pdf->title);
  cairo_pdf_surface_set_metadata (pass.surface, CAIRO_PDF_METADATA_CREATOR, "Helder " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (pass.surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  if (pdf->author != NULL)
    cairo_pdf_surface_set_metadata (pass.surface, CAIRO_PDF_METADATA_AUTHOR, pdf->author);
  pass.cr = cairo_create (pass.surface);
  lay_out (&pass);
  g_warn_if_fail (pass.page == pass.n_pages);
  cairo_show_page (pass.cr);

  status = cairo_status (pass.cr);
  cairo_destroy (pass.cr);
  cairo_surface_finish (pass.surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pass.surface);
  cairo_surface_destroy (pass.surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HELDER_PDF_ERROR, HELDER_PDF_ERROR_FAILED,
                   _("The report could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = pass.n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Renders the document and writes it to @file, replacing it whole. */
gboolean
helder_pdf_save (HelderPdf     *pdf,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((bytes = helder_pdf_render (pdf, NULL, error)) == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
