/* helder-editor-page.c: the plain-language editor's documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-editor-page.h"

struct _HelderEditorPage
{
  HelderPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderEditorPage, helder_editor_page, HELDER_TYPE_PAGE)

static void
helder_editor_page_class_init (HelderEditorPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-editor-page.ui");
  helder_page_class_bind_list (page_class, "documents_list", HELDER_TYPE_DOCUMENT);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_DOCUMENT, N_("New Document"));
}

static void
helder_editor_page_init (HelderEditorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
