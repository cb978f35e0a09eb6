/* helder-planner-page.c: priorities, topics, works and what goes out when
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-planner-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-planner-page.h"

struct _HelderPlannerPage
{
  HelderPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderPlannerPage, helder_planner_page, HELDER_TYPE_PAGE)

static void
helder_planner_page_class_init (HelderPlannerPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-planner-page.ui");
  helder_page_class_bind_list (page_class, "priorities_list", HELDER_TYPE_PRIORITY);
  helder_page_class_bind_list (page_class, "topics_list", HELDER_TYPE_TOPIC);
  helder_page_class_bind_list (page_class, "messages_list", HELDER_TYPE_MESSAGE);
  helder_page_class_bind_list (page_class, "works_list", HELDER_TYPE_WORKS);
  helder_page_class_bind_list (page_class, "editions_list", HELDER_TYPE_OMGEVINGSBEELD);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_PRIORITY, N_("New Priority"));
}

static void
helder_planner_page_init (HelderPlannerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
