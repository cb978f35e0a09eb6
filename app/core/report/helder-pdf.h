/* helder-pdf.h: A4 reports with the municipality's name on every page
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

/* Sizes are in points (1/72 inch), as cairo's PDF surface counts them. */
#define HELDER_PDF_MM(mm)       ((mm) * 72.0 / 25.4)
#define HELDER_PDF_PAGE_WIDTH   HELDER_PDF_MM (210.0)
#define HELDER_PDF_PAGE_HEIGHT  HELDER_PDF_MM (297.0)
#define HELDER_PDF_MARGIN       HELDER_PDF_MM (20.0)
/* The width of the text between the margins. */
#define HELDER_PDF_BODY_WIDTH   (HELDER_PDF_PAGE_WIDTH - 2 * HELDER_PDF_MARGIN)

#define HELDER_PDF_ERROR (helder_pdf_error_quark ())

typedef enum
{
  HELDER_PDF_ERROR_IMAGE,   /* a logo or image that cairo cannot read */
  HELDER_PDF_ERROR_FAILED,  /* cairo could not write the document */
} HelderPdfError;

GQuark helder_pdf_error_quark (void);

typedef struct _HelderPdf      HelderPdf;
typedef struct _HelderPdfTable HelderPdfTable;

/* Draws a figure into @cr, whose origin is the figure's top left corner;
 * called once, while the page it is on is drawn. */
typedef void (*HelderPdfDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  user_data);

HelderPdf      *helder_pdf_new                (const char          *title);
void            helder_pdf_free               (HelderPdf           *pdf);

void            helder_pdf_set_organisation   (HelderPdf           *pdf,
                                               const char          *name);
gboolean        helder_pdf_set_logo_png       (HelderPdf           *pdf,
                                               GBytes              *png,
                                               GError             **error);
void            helder_pdf_set_author         (HelderPdf           *pdf,
                                               const char          *author);
void            helder_pdf_set_footer         (HelderPdf           *pdf,
                                               const char          *text);

void            helder_pdf_add_heading        (HelderPdf           *pdf,
                                               guint                level,
                                               const char          *text);
void            helder_pdf_add_paragraph      (HelderPdf           *pdf,
                                               const char          *text);
void            helder_pdf_add_caption        (HelderPdf           *pdf,
                                               const char          *text);
HelderPdfTable *helder_pdf_add_table          (HelderPdf           *pdf,
                                               const char * const  *header);
void            helder_pdf_table_set_widths   (HelderPdfTable      *table,
                                               const double        *widths);
void            helder_pdf_table_add_row      (HelderPdfTable      *table,
                                               const char * const  *cells);
gboolean        helder_pdf_add_image_png      (HelderPdf           *pdf,
                                               GBytes              *png,
                                               double               width,
                                               GError             **error);
void            helder_pdf_add_image          (HelderPdf           *pdf,
                                               cairo_surface_t     *image,
                                               double               width);
void            helder_pdf_add_drawing        (HelderPdf           *pdf,
                                               double               width,
                                               double               height,
                                               HelderPdfDrawFunc    func,
                                               gpointer             user_data,
                                               GDestroyNotify       destroy);
void            helder_pdf_add_page_break     (HelderPdf           *pdf);

GBytes         *helder_pdf_render             (HelderPdf           *pdf,
                                               guint               *n_pages,
                                               GError             **error);
gboolean        helder_pdf_save               (HelderPdf           *pdf,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderPdf, helder_pdf_free)

G_END_DECLS
