/* helder-edition-export.c: an omgevingsbeeld edition as PDF, e-mail HTML and plain text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-edition-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-edition-export.h"
#include "helder-pdf.h"
#include "plan/helder-plan-works.h"

/* The boards read the omgevingsbeeld as a PDF, in their mail, or as
 * plain text pasted into another system.  All three show the items the
 * advisor kept, in her order, under the heading of their part (topics,
 * signals, the coming 14 days, approvals), each with what changed and
 * its duiding.  The HTML is for mail programs, Outlook's Word engine
 * included: tables for layout, inline styles only, no scripts, style
 * sheets, images or anything fetched from elsewhere. */

#define TEXT_WIDTH 72

HelderEditionExport *
helder_edition_export_new (void)
{
  HelderEditionExport *export = g_new0 (HelderEditionExport, 1);

  export->items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_edition_item_free);
  return export;
}

void
helder_edition_export_free (HelderEditionExport *export)
{
  if (export == NULL)
    return;
  g_free (export->organisation);
  g_clear_pointer (&export->logo_png, g_bytes_unref);
  g_free (export->title);
  g_free (export->date);
  g_free (export->intro);
  g_strfreev (export->sent_to);
  g_free (export->author);
  g_ptr_array_unref (export->items);
  g_free (export);
}

/**
 * helder_edition_export_new_for_record:
 *
 * Returns: (transfer full): what @edition exports as, with the
 *   organisation's name and logo from the store
 */
HelderEditionExport *
helder_edition_export_new_for_record (HelderPlanService *plan,
                                      HelderRecord      *edition)
{
  HelderEditionExport *export = helder_edition_export_new ();
  g_autoptr(HelderEditionContent) content = NULL;
  g_autoptr(GListModel) organisations = NULL;
  int number;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (plan), export);
  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), export);

  organisations = helder_store_list (helder_service_get_store (HELDER_SERVICE (plan)),
                                     HELDER_TYPE_ORGANISATION, NULL);
  if (organisations != NULL && g_list_model_get_n_items (organisations) > 0)
    {
      g_autoptr(HelderRecord) organisation = g_list_model_get_item (organisations, 0);

      export->organisation = g_strdup (helder_record_get_text (organisation, "name"));
    }
  number = helder_record_get_int (edition, "number");
  export->number = number;
  export->title = number > 0 ? g_strdup_printf (_("Omgevingsbeeld %d"), number) : g_strdup (_("Omgevingsbeeld"));
  export->date = g_strdup (helder_record_get_text (edition, "date"));
  export->intro = g_strdup (helder_record_get_text (edition, "intro"));
  export->sent_to = g_strdupv ((char **) helder_record_get_list (edition, "sent_to"));
  export->author = g_strdup (helder_record_get_text (edition, "sent_by"));
  export->logo_png = helder_plan_service_organisation_logo (plan);
  content = helder_plan_service_edition_content (plan, edition);
  for (guint i = 0; i < content->items->len; i++)
    g_ptr_array_add (export->items, helder_edition_item_copy (content->items->pdata[i]));
  return export;
}

typedef enum
{
  PART_NONE,
  PART_TOPICS,
  PART_SIGNALS,
  PART_COMING,
  PART_APPROVALS,
} Part;

static Part
part_of (HelderEditionItemKind kind)
{
  switch (kind)
    {
    case HELDER_EDITION_ITEM_TOPIC: return PART_TOPICS;
    case HELDER_EDITION_ITEM_SIGNAL: return PART_SIGNALS;
    case HELDER_EDITION_ITEM_MESSAGE:
    case HELDER_EDITION_ITEM_WORKS:
    case HELDER_EDITION_ITEM_MEETING: return PART_COMING;
    case HELDER_EDITION_ITEM_APPROVAL: return PART_APPROVALS;
    case HELDER_EDITION_ITEM_NOTE:
    case HELDER_EDITION_N_KINDS:
    default:
      return PART_NONE;
    }
}

static const char *
part_label (Part part)
{
  switch (part)
    {
    case PART_TOPICS: return _("Topics that moved");
    case PART_SIGNALS: return _("New signals");
    case PART_COMING: return _("The coming 14 days");
    case PART_APPROVALS: return _("Waiting for approval");
    case PART_NONE:
    default:
      return NULL;
    }
}

/* The part heading @item opens, or NULL: a part begins where an item's
 * part differs from the last one shown (a note belongs to none). */
static const char *
opens_part (const HelderEditionItem *item,
            Part                    *current)
{
  Part part = part_of (item->kind);

  if (part == PART_NONE || part == *current)
    return NULL;
  *current = part;
  return part_label (part);
}

/* "Works · 7 December 2026": the line above an item's title */
static char *
item_label (const HelderEditionItem *item)
{
  g_autofree char *day = helder_works_format_day (item->date);

  if (day != NULL && item->kind != HELDER_EDITION_ITEM_NOTE)
    return g_strdup_printf ("%s · %s", helder_edition_item_kind_label (item->kind), day);
  return g_strdup (helder_edition_item_kind_label (item->kind));
}

static char *
subtitle (const HelderEditionExport *export)
{
  g_autofree char *day = helder_works_format_day (export->date);

  if (day != NULL && export->organisation != NULL)
    return g_strdup_printf ("%s · %s", export->organisation, day);
  return g_strdup (day ? day : export->organisation ? export->organisation : "");
}

static char *
sent_to_line (const HelderEditionExport *export)
{
  g_autofree char *readers = NULL;

  if (export->sent_to == NULL || export->sent_to[0] == NULL)
    return NULL;
  readers = g_strjoinv (", ", export->sent_to);
  return g_strdup_printf (_("For: %s"), readers);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* PDF */

/**
 * helder_edition_export_pdf:
 *
 * An A4 document: the municipality's name and logo in every page's
 * header, the edition's number and date, the items, page numbers.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
helder_edition_export_pdf (const HelderEditionExport  *export,
                           guint                      *n_pages,
                           GError                    **error)
{
  g_autoptr(HelderPdf) pdf = NULL;
  g_autofree char *sub = NULL, *readers = NULL, *footer = NULL;
  Part part = PART_NONE;

  g_return_val_if_fail (export != NULL, NULL);

  pdf = helder_pdf_new (export->title ? export->title : _("Omgevingsbeeld"));
  if (export->organisation != NULL)
    helder_pdf_set_organisation (pdf, export->organisation);
  if (export->logo_png != NULL && !helder_pdf_set_logo_png (pdf, export->logo_png, error))
    return NULL;
  if (export->author != NULL)
    helder_pdf_set_author (pdf, export->author);
  sub = subtitle (export);
  footer = g_strdup_printf ("%s · %s", export->title ? export->title : _("Omgevingsbeeld"), sub);
  helder_pdf_set_footer (pdf, footer);

  helder_pdf_add_heading (pdf, 1, export->title ? export->title : _("Omgevingsbeeld"));
  {
    /* the header names the municipality already */
    g_autofree char *day = helder_editions_format_day (export->date);

    if (day != NULL)
      helder_pdf_add_caption (pdf, day);
  }
  readers = sent_to_line (export);
  if (readers != NULL)
    helder_pdf_add_caption (pdf, readers);
  if (has_text (export->intro))
    helder_pdf_add_paragraph (pdf, export->intro);

  for (guint i = 0; i < export->items->len; i++)
    {
      const HelderEditionItem *item = export->items->pdata[i];
      const char *heading;
      g_autofree char *label = NULL;

      if (item->dropped)
        continue;
      if ((heading = opens_part (item, &part)) != NULL)
        helder_pdf_add_heading (pdf, 2, heading);
      label = item_label (item);
      helder_pdf_add_heading (pdf, 3, has_text (item->title) ? item->title : _("Untitled"));
      helder_pdf_add_caption (pdf, label);
      if (has_text (item->change))
        helder_pdf_add_paragraph (pdf, item->change);
      if (has_text (item->duiding))
        {
          g_autofree char *duiding = g_strdup_printf (_("Duiding: %s"), item->duiding);

          helder_pdf_add_paragraph (pdf, duiding);
        }
    }
  if (helder_edition_items_n_kept (export->items) == 0)
    helder_pdf_add_paragraph (pdf, _("This edition has no items."));

  return helder_pdf_render (pdf, n_pages, error);
}

/* HTML for mail */

#define FONT_STACK "font-family:Arial,Helvetica,sans-serif;"

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (html, "<br>");
      g_string_append (html, lines[i]);
    }
}

static void
append_row (GString    *html,
            const char *style,
            const char *text)
{
  g_string_append_printf (html, "<tr><td style=\"%s" FONT_STACK "\">", style);
  append_escaped (html, text);
  g_string_append (html, "</td></tr>\n");
}

/**
 * helder_edition_export_html:
 *
 * Returns: (transfer full): a whole HTML document to paste into or send
 *   as a mail: 640 pixels wide, tables for layout, inline styles only
 */
char *
helder_edition_export_html (const HelderEditionExport *export)
{
  GString *html = g_string_new (NULL);
  g_autofree char *sub = NULL, *readers = NULL;
  const char *title;
  Part part = PART_NONE;

  g_return_val_if_fail (export != NULL, NULL);

  title = export->title ? export->title : _("Omgevingsbeeld");
  sub = subtitle (export);
  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
                         "<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  append_escaped (html, title);
  g_string_append (html, "</title>\n</head>\n"
                         "<body style=\"margin:0;padding:0;background-color:#f2f2f2;\">\n"
                         "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                         "style=\"background-color:#f2f2f2;\">\n<tr><td align=\"center\" style=\"padding:24px 8px;\">\n"
                         "<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                         "style=\"width:640px;max-width:640px;background-color:#ffffff;border:1px solid #d9d9d9;\">\n");
  if (export->organisation != NULL)
    append_row (html, "padding:24px 32px 0 32px;font-size:13px;color:#5e5c64;", export->organisation);
  append_row (html, "padding:8px 32px 0 32px;font-size:26px;line-height:32px;font-weight:bold;color:#241f31;", title);
  {
    g_autofree char *day = helder_editions_format_day (export->date);

    if (day != NULL)
      append_row (html, "padding:4px 32px 0 32px;font-size:14px;color:#5e5c64;", day);
  }
  readers = sent_to_line (export);
  if (readers != NULL)
    append_row (html, "padding:4px 32px 0 32px;font-size:13px;color:#5e5c64;", readers);
  if (has_text (export->intro))
    append_row (html, "padding:16px 32px 0 32px;font-size:15px;line-height:22px;color:#241f31;", export->intro);

  for (guint i = 0; i < export->items->len; i++)
    {
      const HelderEditionItem *item = export->items->pdata[i];
      const char *heading;
      g_autofree char *label = NULL;

      if (item->dropped)
        continue;
      if ((heading = opens_part (item, &part)) != NULL)
        append_row (html, "padding:28px 32px 0 32px;font-size:18px;line-height:24px;font-weight:bold;"
                          "color:#1c71d8;border-bottom:2px solid #1c71d8;", heading);
      label = item_label (item);
      g_string_append (html, "<tr><td style=\"padding:16px 32px 0 32px;" FONT_STACK "\">\n");
      g_string_append (html, "<p style=\"margin:0 0 2px 0;font-size:12px;color:#77767b;\">");
      append_escaped (html, label);
      g_string_append (html, "</p>\n<p style=\"margin:0 0 4px 0;font-size:16px;line-height:22px;font-weight:bold;"
                             "color:#241f31;\">");
      append_escaped (html, has_text (item->title) ? item->title : _("Untitled"));
      g_string_append (html, "</p>\n");
      if (has_text (item->change))
        {
          g_string_append (html, "<p style=\"margin:0 0 6px 0;font-size:14px;line-height:20px;color:#3d3846;\">");
          append_escaped (html, item->change);
          g_string_append (html, "</p>\n");
        }
      if (has_text (item->duiding))
        {
          /* a cell as the bar: Outlook draws no border on a paragraph */
          g_string_append (html, "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                                 "width=\"100%\"><tr><td width=\"4\" style=\"width:4px;background-color:#1c71d8;\">"
                                 "&nbsp;</td><td style=\"padding:2px 0 2px 12px;" FONT_STACK
                                 "font-size:14px;line-height:20px;color:#241f31;\"><b>");
          append_escaped (html, _("Duiding"));
          g_string_append (html, ":</b> ");
          append_escaped (html, item->duiding);
          g_string_append (html, "</td></tr></table>\n");
        }
      g_string_append (html, "</td></tr>\n");
    }
  if (helder_edition_items_n_kept (export->items) == 0)
    append_row (html, "padding:16px 32px 0 32px;font-size:14px;color:#3d3846;", _("This edition has no items."));

  append_row (html, "padding:28px 32px 24px 32px;font-size:12px;color:#77767b;", sub);
  g_string_append (html, "</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/* Plain text */

/* Appends @text wrapped at TEXT_WIDTH characters, each line after
 * @indent; paragraphs stay paragraphs. */
static void
append_wrapped (GString    *out,
                const char *text,
                const char *first_indent,
                const char *indent)
{
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit_set (paragraphs[p], " \t", -1);
      const char *lead = p == 0 ? first_indent : indent;
      glong column = g_utf8_strlen (lead, -1);
      gboolean line_empty = TRUE;

      g_string_append (out, lead);
      for (guint w = 0; words[w] != NULL; w++)
        {
          glong length = g_utf8_strlen (words[w], -1);

          if (length == 0)
            continue;
          if (!line_empty && column + 1 + length > TEXT_WIDTH)
            {
              g_string_append_c (out, '\n');
              g_string_append (out, indent);
              column = g_utf8_strlen (indent, -1);
              line_empty = TRUE;
            }
          if (!line_empty)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[w]);
          column += length;
          line_empty = FALSE;
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_underlined (GString    *out,
                   const char *text,
                   char        line)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  g_string_append_c (out, '\n');
  for (glong i = 0; i < n; i++)
    g_string_append_c (out, line);
  g_string_append_c (out, '\n');
}

/**
 * helder_edition_export_text:
 *
 * Returns: (transfer full): the edition as plain text, lines of at most
 *   72 characters (a longer word stays whole)
 */
char *
helder_edition_export_text (const HelderEditionExport *export)
{
  GString *out = g_string_new (NULL);
  g_autofree char *sub = NULL, *readers = NULL;
  Part part = PART_NONE;

  g_return_val_if_fail (export != NULL, NULL);

  append_underlined (out, export->title ? export->title : _("Omgevingsbeeld"), '=');
  sub = subtitle (export);
  append_wrapped (out, sub, "", "");
  readers = sent_to_line (export);
  if (readers != NULL)
    append_wrapped (out, readers, "", "  ");
  if (has_text (export->intro))
    {
      g_string_append_c (out, '\n');
      append_wrapped (out, export->intro, "", "");
    }

  for (guint i = 0; i < export->items->len; i++)
    {
      const HelderEditionItem *item = export->items->pdata[i];
      const char *heading;
      g_autofree char *label = NULL, *duiding = NULL;

      if (item->dropped)
        continue;
      if ((heading = opens_part (item, &part)) != NULL)
        {
          g_string_append_c (out, '\n');
          append_underlined (out, heading, '-');
        }
      g_string_append_c (out, '\n');
      append_wrapped (out, has_text (item->title) ? item->title : _("Untitled"), "* ", "  ");
      label = item_label (item);
      append_wrapped (out, label, "  ", "  ");
      if (has_text (item->change))
        append_wrapped (out, item->change, "  ", "  ");
      if (has_text (item->duiding))
        {
          duiding = g_strdup_printf (_("Duiding: %s"), item->duiding);
          append_wrapped (out, duiding, "  ", "  ");
        }
    }
  if (helder_edition_items_n_kept (export->items) == 0)
    {
      g_string_append_c (out, '\n');
      append_wrapped (out, _("This edition has no items."), "", "");
    }
  return g_string_free (out, FALSE);
}

const char *
helder_edition_format_extension (HelderEditionFormat format)
{
  switch (format)
    {
    case HELDER_EDITION_FORMAT_PDF: return "pdf";
    case HELDER_EDITION_FORMAT_HTML: return "html";
    case HELDER_EDITION_FORMAT_TEXT:
    default:
      return "txt";
    }
}

/* "Omgevingsbeeld 104 2026-12-01.pdf" */
char *
helder_edition_export_file_name (const HelderEditionExport *export,
                                 HelderEditionFormat        format)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (export != NULL, NULL);

  base = g_strdup_printf ("%s%s%s", export->title ? export->title : _("Omgevingsbeeld"),
                          export->date ? " " : "", export->date ? export->date : "");
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, helder_edition_format_extension (format));
}

/**
 * helder_edition_export_save:
 *
 * Writes the edition to @file in @format, replacing what was there.
 */
gboolean
helder_edition_export_save (const HelderEditionExport  *export,
                            HelderEditionFormat         format,
                            GFile                      *file,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == HELDER_EDITION_FORMAT_PDF)
    bytes = helder_edition_export_pdf (export, NULL, error);
  else
    {
      char *text = format == HELDER_EDITION_FORMAT_HTML ? helder_edition_export_html (export)
                                                        : helder_edition_export_text (export);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
