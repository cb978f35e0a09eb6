/* helder-markdown-table.c: a Markdown table in the reading view, as a grid of cells
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-markdown-view"

#include "config.h"

#include <string.h>

#include "helder-markdown-table.h"
#include "helder-markdown-view.h"
#include "library/helder-library-text.h"

/* A table is a child widget of the text view: a GtkGrid of selectable
 * labels (the table, column header and cell roles for assistive
 * technologies), aligned as the Markdown says, its matches marked with
 * Pango markup. */

/* A table cell's spans as Pango markup, the search's matches marked. */
char *
helder_markdown_cell_markup (GPtrArray *spans,
             GArray    *ranges,
             gboolean  *marked)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      HelderMarkdownSpan *span = spans->pdata[i];
      const char *p = span->text;

      if (span->style & HELDER_MARKDOWN_LINK)
        {
          g_autofree char *url = g_markup_escape_text (span->url != NULL ? span->url : "", -1);

          g_string_append_printf (out, "<a href=\"%s\">", url);
        }
      if (span->style & HELDER_MARKDOWN_STRONG)
        g_string_append (out, "<b>");
      if (span->style & HELDER_MARKDOWN_EMPHASIS)
        g_string_append (out, "<i>");
      if (span->style & HELDER_MARKDOWN_STRIKETHROUGH)
        g_string_append (out, "<s>");
      if (span->style & HELDER_MARKDOWN_CODE_SPAN)
        g_string_append (out, "<tt>");

      /* Character by character against the matches: cells are short */
      for (guint k = 0; k < span->length; k++)
        {
          guint at = span->offset + k;
          const char *next = g_utf8_next_char (p);
          gboolean in = FALSE, starts = FALSE, ends = FALSE;
          g_autofree char *escaped = g_markup_escape_text (p, next - p);

          for (guint m = 0; ranges != NULL && m < ranges->len; m++)
            {
              HelderLibraryRange *range = &g_array_index (ranges, HelderLibraryRange, m);

              if (at >= range->start && at < range->end)
                {
                  in = TRUE;
                  starts = at == range->start || k == 0;
                  ends = at + 1 == range->end || k + 1 == span->length;
                }
            }
          if (in && starts)
            g_string_append (out, "<span background=\"#f6d32d8c\">");
          if (in && marked != NULL)
            *marked = TRUE;
          g_string_append (out, escaped);
          if (in && ends)
            g_string_append (out, "</span>");
          p = next;
        }

      if (span->style & HELDER_MARKDOWN_CODE_SPAN)
        g_string_append (out, "</tt>");
      if (span->style & HELDER_MARKDOWN_STRIKETHROUGH)
        g_string_append (out, "</s>");
      if (span->style & HELDER_MARKDOWN_EMPHASIS)
        g_string_append (out, "</i>");
      if (span->style & HELDER_MARKDOWN_STRONG)
        g_string_append (out, "</b>");
      if (span->style & HELDER_MARKDOWN_LINK)
        g_string_append (out, "</a>");
    }
  return g_string_free (out, FALSE);
}

static gboolean
on_table_link (GtkLabel   *label,
               const char *uri,
               gpointer    user_data)
{
  helder_markdown_view_open_link (GTK_WIDGET (label), uri);
  return TRUE;
}

/**
 * helder_markdown_table_new:
 * @cells: (element-type HelderMarkdownCell): where the table's cells go,
 *   to mark the search's matches in them later
 * @grid: (out) (transfer none): the grid of cells
 *
 * Returns: (transfer floating): @block as a grid of labels in a frame
 */
GtkWidget *
helder_markdown_table_new (const HelderMarkdownBlock *block,
                           GArray                    *cells,
                           GtkWidget                **grid_out)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE, NULL);

  gtk_widget_add_css_class (grid, "helder-markdown-table");
  for (guint row = 0; row < block->rows->len; row++)
    {
      GPtrArray *row_cells = block->rows->pdata[row];
      gboolean header = row == 0;

      for (guint column = 0; column < row_cells->len; column++)
        {
          GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                           "accessible-role", header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                                     : GTK_ACCESSIBLE_ROLE_CELL,
                                           "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                           "max-width-chars", 40, "selectable", TRUE,
                                           "xalign", 0.0, "yalign", 0.0, NULL);
          HelderMarkdownAlign align = column < block->n_columns ? block->align[column]
                                                                : HELDER_MARKDOWN_ALIGN_NONE;
          g_autofree char *markup = helder_markdown_cell_markup (row_cells->pdata[column], NULL, NULL);
          HelderMarkdownCell cell = { GTK_LABEL (label), row_cells->pdata[column] };

          gtk_label_set_markup (GTK_LABEL (label), markup);
          /* A child of a text view gets its minimum width: ask for the text's */
          gtk_label_set_width_chars (GTK_LABEL (label),
                                     MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), 28));
          if (align == HELDER_MARKDOWN_ALIGN_RIGHT)
            gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          else if (align == HELDER_MARKDOWN_ALIGN_CENTER)
            gtk_label_set_xalign (GTK_LABEL (label), 0.5);
          gtk_widget_add_css_class (label, header ? "heading" : (row % 2 == 0 ? "even" : "odd"));
          g_signal_connect (label, "activate-link", G_CALLBACK (on_table_link), NULL);
          gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
          g_array_append_val (cells, cell);
        }
    }
  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_set_margin_top (frame, 4);
  gtk_widget_set_margin_bottom (frame, 4);
  *grid_out = grid;
  return frame;
}

