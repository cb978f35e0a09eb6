/* helder-document-editor-export.c: the document editor's ways out: clipboard, file, paper
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"

static void
copy_text_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  g_autofree char *text = helder_document_editor_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
saved_to_file (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_warning ("Could not save %s: %s", g_file_peek_path (G_FILE (source)), error->message);
}

static void
save_response (GtkNativeDialog      *dialog,
               int                   response,
               HelderDocumentEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      char *text = helder_document_editor_get_text (self);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                           saved_to_file, NULL);
    }
  g_object_unref (dialog);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (g_str_equal (kind, "md") ? _("Save as Markdown") : _("Save as Text"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  char        *text;
  PangoLayout *layout;
  GArray      *page_starts;   /* line index where each page starts */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->text);
  g_clear_object (&data->layout);
  g_array_unref (data->page_starts);
  g_free (data);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  double used = 0;
  int n_lines;
  guint first = 0;

  data->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (data->layout, font);
  pango_layout_set_width (data->layout, width * PANGO_SCALE);
  pango_layout_set_wrap (data->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (data->layout, data->text, -1);

  n_lines = pango_layout_get_line_count (data->layout);
  g_array_append_val (data->page_starts, first);
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (data->layout, i), NULL, &logical);
      if (used + logical.height / (double) PANGO_SCALE > height && used > 0)
        {
          guint start = i;

          g_array_append_val (data->page_starts, start);
          used = 0;
        }
      used += logical.height / (double) PANGO_SCALE;
    }
  gtk_print_operation_set_n_pages (operation, data->page_starts->len);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (data->page_starts, guint, page);
  guint last = page + 1 < (int) data->page_starts->len
               ? g_array_index (data->page_starts, guint, page + 1)
               : (guint) pango_layout_get_line_count (data->layout);
  double y = 0;

  for (guint i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (data->layout, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, 0, y - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += logical.height / (double) PANGO_SCALE;
    }
}

/* GtkPrintOperation prints, and its dialog saves a PDF too. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintData *data = g_new0 (PrintData, 1);

  data->text = helder_document_editor_get_text (self);
  data->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_print_operation_set_job_name (operation, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), data);
  g_object_set_data_full (G_OBJECT (operation), "print-data", data, (GDestroyNotify) print_data_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print: %s", error->message);
}

void
helder_document_editor_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.copy-text", NULL, copy_text_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-as", "s", save_as_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.copy-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.save-as", "s", "txt");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
}
