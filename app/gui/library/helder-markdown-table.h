/* helder-markdown-table.h: a Markdown table in the reading view, as a grid of cells
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "library/helder-library-markdown.h"

G_BEGIN_DECLS

/* A table's cell: its label and spans, to mark matches in it again. */
typedef struct
{
  GtkLabel  *label;
  GPtrArray *spans;    /* HelderMarkdownSpan, owned by the document */
} HelderMarkdownCell;

char      *helder_markdown_cell_markup (GPtrArray                 *spans,
                                        GArray                    *ranges,
                                        gboolean                  *marked);
GtkWidget *helder_markdown_table_new   (const HelderMarkdownBlock *block,
                                        GArray                    *cells,
                                        GtkWidget                **grid);

G_END_DECLS
