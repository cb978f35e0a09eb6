/* helder-library-page.c: instructions, toolkits, templates and trainings for all staff
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-library-page.h"

struct _HelderLibraryPage
{
  HelderPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderLibraryPage, helder_library_page, HELDER_TYPE_PAGE)

static void
helder_library_page_class_init (HelderLibraryPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-library-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "toolkits_list", HELDER_TYPE_TOOLKIT);
  helder_page_class_bind_list (page_class, "trainings_list", HELDER_TYPE_TRAINING);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_TOOLKIT, N_("New Toolkit Document"));
}

static void
helder_library_page_init (HelderLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
