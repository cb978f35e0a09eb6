/* helder-editor-page.c: the plain-language editor's documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-application.h"
#include "helder-document-editor.h"
#include "helder-editor-page.h"
#include "helder-window.h"

struct _HelderEditorPage
{
  HelderPage            parent_instance;

  /* template widgets */
  HelderDocumentEditor *document_editor;

  /* owned */
  HelderRecord         *open_document;
};

G_DEFINE_FINAL_TYPE (HelderEditorPage, helder_editor_page, HELDER_TYPE_PAGE)

static HelderApplication *
application (HelderEditorPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return app ? HELDER_APPLICATION (app) : HELDER_APPLICATION (g_application_get_default ());
}

static void
analyzer_ready (HelderEditorPage *self)
{
  helder_document_editor_set_analyzer (self->document_editor,
                                       helder_application_get_analyzer (application (self)));
}

static void
helder_editor_page_open_record (HelderPage   *page,
                                HelderRecord *record)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (page);
  HelderApplication *app = application (self);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_EDITOR_PAGE, "stack"));

  if (!HELDER_IS_DOCUMENT (record))
    return;
  g_set_object (&self->open_document, record);
  helder_document_editor_open (self->document_editor, helder_page_get_store (page), record);
  helder_document_editor_set_analyzer (self->document_editor, helder_application_get_analyzer (app));
  g_signal_handlers_disconnect_by_func (app, analyzer_ready, self);
  g_signal_connect_object (app, "notify::analyzer-ready", G_CALLBACK (analyzer_ready), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (stack, "editor");
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (widget);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (widget, HELDER_TYPE_EDITOR_PAGE, "stack"));

  helder_document_editor_save (self->document_editor);
  gtk_stack_set_visible_child_name (stack, "content");
  HELDER_PAGE_GET_CLASS (self)->reload (HELDER_PAGE (self));
}

static void
undo_delete (AdwToast         *toast,
             HelderEditorPage *self)
{
  HelderRecord *document = g_object_get_data (G_OBJECT (toast), "document");
  g_autoptr(GError) error = NULL;

  helder_record_set_deleted (document, FALSE);
  if (!helder_store_save (helder_page_get_store (HELDER_PAGE (self)), document, &error))
    g_warning ("Could not restore the document: %s", error->message);
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
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->open_document == NULL)
    return;
  helder_document_editor_save (self->document_editor);
  document = g_steal_pointer (&self->open_document);
  gtk_widget_activate_action (widget, "editor.close", NULL);
  if (!helder_store_delete (helder_page_get_store (HELDER_PAGE (self)), document, &error))
    {
      g_warning ("Could not delete the document: %s", error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), helder_record_get_text (document, "title"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), toast);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderEditorPage *self = HELDER_EDITOR_PAGE (widget);
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->open_document == NULL)
    return;
  helder_document_editor_save (self->document_editor);
  data = helder_record_to_json_data (self->open_document);
  copy = helder_record_new (HELDER_TYPE_DOCUMENT);
  helder_record_set_from_json_data (copy, data, NULL);
  /* Translators: the title of a copy of a document */
  title = g_strdup_printf (_("%s (copy)"), helder_record_get_text (self->open_document, "title"));
  g_object_set (copy, "title", title, NULL);
  if (!helder_store_save (helder_page_get_store (HELDER_PAGE (self)), copy, &error))
    {
      g_warning ("Could not duplicate the document: %s", error->message);
      return;
    }
  helder_editor_page_open_record (HELDER_PAGE (self), copy);
}

static void
helder_editor_page_finalize (GObject *object)
{
  g_clear_object (&HELDER_EDITOR_PAGE (object)->open_document);

  G_OBJECT_CLASS (helder_editor_page_parent_class)->finalize (object);
}

static void
helder_editor_page_class_init (HelderEditorPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_DOCUMENT_EDITOR);
  page_class->open_record = helder_editor_page_open_record;
  G_OBJECT_CLASS (klass)->finalize = helder_editor_page_finalize;
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "document.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "document.duplicate", NULL, duplicate_activated);

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
