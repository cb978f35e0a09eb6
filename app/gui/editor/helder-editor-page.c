/* helder-editor-page.c: the plain-language editor's documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-editor-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "editor/helder-editor-service.h"
#include "helder-document-editor.h"
#include "helder-editor-page.h"

struct _HelderEditorPage
{
  HelderPage            parent_instance;

  /* template widgets */
  HelderDocumentEditor *document_editor;
};

G_DEFINE_FINAL_TYPE (HelderEditorPage, helder_editor_page, HELDER_TYPE_PAGE)

static HelderEditorService *
service (HelderEditorPage *self)
{
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));

  return HELDER_IS_EDITOR_SERVICE (service) ? HELDER_EDITOR_SERVICE (service) : NULL;
}

static GtkStack *
stack (HelderEditorPage *self)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_EDITOR_PAGE, "stack"));
}

static void
helder_editor_page_open_record (HelderPage   *page,
                                HelderRecord *record)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (page);

  if (!HELDER_IS_DOCUMENT (record) || service (self) == NULL)
    return;
  helder_document_editor_open (self->document_editor, service (self), record);
  gtk_stack_set_visible_child_name (stack (self), "editor");
}

static void
add_toast (HelderEditorPage *self,
           AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* Back to the list.  A text deleted elsewhere while it was being written
 * is kept as a new document: say so. */
static void
show_list (HelderEditorPage *self)
{
  HelderRecordList *documents = helder_page_get_list (HELDER_PAGE (self), "documents_list");
  g_autoptr(HelderRecord) copy = helder_document_editor_close (self->document_editor);

  gtk_stack_set_visible_child_name (stack (self),
                                    documents != NULL && g_list_model_get_n_items (G_LIST_MODEL (documents)) > 0
                                      ? "content" : "empty");
  if (copy != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” was deleted elsewhere; your text is kept as a new document"),
                                               helder_record_get_text (copy, "title"));

      add_toast (self, adw_toast_new (text));
    }
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_list (HELDER_EDITOR_PAGE (widget));
}

static void
undo_delete (AdwToast         *toast,
             HelderEditorPage *self)
{
  HelderRecord *document = g_object_get_data (G_OBJECT (toast), "document");
  g_autoptr(GError) error = NULL;

  if (service (self) != NULL && !helder_service_restore (HELDER_SERVICE (service (self)), document, &error))
    helder_page_show_error (HELDER_PAGE (self), _("Could not restore the document"), error);
}

/* Deleting closes the document and offers to undo it for a while. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (widget);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (helder_document_editor_get_document (self->document_editor) == NULL || service (self) == NULL)
    return;
  document = g_object_ref (helder_document_editor_get_document (self->document_editor));
  show_list (self);
  if (!helder_service_delete (HELDER_SERVICE (service (self)), document, &error))
    {
      helder_page_show_error (HELDER_PAGE (self), _("Could not delete the document"), error);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), helder_record_get_text (document, "title"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  add_toast (self, toast);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (widget);
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (helder_document_editor_get_document (self->document_editor) == NULL || service (self) == NULL)
    return;
  helder_document_editor_save (self->document_editor);
  copy = helder_editor_service_duplicate (service (self), helder_document_editor_get_document (self->document_editor),
                                          &error);
  if (copy == NULL)
    {
      helder_page_show_error (HELDER_PAGE (self), _("Could not duplicate the document"), error);
      return;
    }
  helder_editor_page_open_record (HELDER_PAGE (self), copy);
}

/* Open and import: a .txt or .md file becomes a new document. */
static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HelderEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (G_FILE (source));
  g_autoptr(HelderRecord) document = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      !g_utf8_validate (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a text file Helder can open"), basename);

      helder_page_show_error (HELDER_PAGE (self), message, error);
      return;
    }
  if (service (self) == NULL)
    return;

  document = helder_editor_service_import (service (self), basename, contents, &error);
  if (document == NULL)
    {
      helder_page_show_error (HELDER_PAGE (self), _("Could not save the document"), error);
      return;
    }
  helder_editor_page_open_record (HELDER_PAGE (self), document);
}

static void
open_response (GtkNativeDialog  *dialog,
               int               response,
               HelderEditorPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_load_contents_async (file, NULL, file_loaded, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
open_file_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text and Markdown"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  dialog = gtk_file_chooser_native_new (_("Open a Text"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Schrijven shown: the analyser starts loading while a document is
 * chosen. */
static void
helder_editor_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (helder_editor_page_parent_class)->map (widget);

  if (service (HELDER_EDITOR_PAGE (widget)) != NULL)
    helder_editor_service_want_analyzer (service (HELDER_EDITOR_PAGE (widget)));
}

static void
helder_editor_page_class_init (HelderEditorPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_DOCUMENT_EDITOR);
  widget_class->map = helder_editor_page_map;
  page_class->open_record = helder_editor_page_open_record;
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "document.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "document.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "document.open-file", NULL, open_file_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "document.open-file", NULL);

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-editor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderEditorPage, document_editor);
  helder_page_class_bind_list (page_class, "documents_list", HELDER_TYPE_DOCUMENT);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_DOCUMENT, N_("New Document"));
}

static void
helder_editor_page_init (HelderEditorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
