/* helder-edition-export.h: an omgevingsbeeld edition as PDF, e-mail HTML and plain text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plan/helder-plan-editions.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_EDITION_FORMAT_PDF,
  HELDER_EDITION_FORMAT_HTML,
  HELDER_EDITION_FORMAT_TEXT,
} HelderEditionFormat;

/* What an exported edition shows; every member is owned. */
typedef struct
{
  char      *organisation;  /* "Gemeente Hillegom" */
  GBytes    *logo_png;      /* nullable; the PDF's header only */
  char      *title;         /* "Omgevingsbeeld 104" */
  char      *date;          /* YYYY-MM-DD */
  int        number;
  char      *intro;         /* nullable */
  char     **sent_to;       /* nullable */
  char      *author;        /* nullable: who sends it */
  GPtrArray *items;         /* HelderEditionItem, in order; dropped ones are left out */
} HelderEditionExport;

HelderEditionExport *helder_edition_export_new         (void);
HelderEditionExport *helder_edition_export_new_for_record (HelderPlanService   *plan,
                                                        HelderRecord        *edition);
void                 helder_edition_export_free        (HelderEditionExport *export);

GBytes              *helder_edition_export_pdf         (const HelderEditionExport *export,
                                                        guint               *n_pages,
                                                        GError             **error);
char                *helder_edition_export_html        (const HelderEditionExport *export);
char                *helder_edition_export_text        (const HelderEditionExport *export);
gboolean             helder_edition_export_save        (const HelderEditionExport *export,
                                                        HelderEditionFormat  format,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
const char          *helder_edition_format_extension   (HelderEditionFormat  format);
char                *helder_edition_export_file_name   (const HelderEditionExport *export,
                                                        HelderEditionFormat  format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderEditionExport, helder_edition_export_free)

G_END_DECLS
