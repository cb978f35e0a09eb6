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

struct _HelderEditorPage
{
  HelderPage            parent_instance;

  /* template widgets */
  HelderDocumentEditor *document_editor;
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
helder_editor_page_class_init (HelderEditorPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_DOCUMENT_EDITOR);
  page_class->open_record = helder_editor_page_open_record;
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);

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
