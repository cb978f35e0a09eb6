/* helder-planner-page.c: priorities, topics, works and what goes out when
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-planner-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-calendar-view.h"
#include "helder-planner-page.h"
#include "helder-works-view.h"
#include "plan/helder-plan-service.h"

struct _HelderPlannerPage
{
  HelderPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderPlannerPage, helder_planner_page, HELDER_TYPE_PAGE)

static gboolean
helder_planner_page_can_open (HelderPage *page,
                              GType       type)
{
  return type == HELDER_TYPE_MESSAGE;
}

/* A message opens its text in Schrijven; the service makes one (and
 * links it) when the message has none yet. */
static void
helder_planner_page_open_record (HelderPage   *page,
                                 HelderRecord *message)
{
  HelderService *service = helder_page_get_service (page);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!HELDER_IS_PLAN_SERVICE (service) || !HELDER_IS_MESSAGE (message))
    return;
  document = helder_plan_service_message_text (HELDER_PLAN_SERVICE (service), message, &error);
  if (document == NULL)
    {
      helder_page_show_error (page, _("Could not open the message’s text"), error);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "win.open-document", "s", helder_record_get_id (document));
}

static void
helder_planner_page_class_init (HelderPlannerPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  g_type_ensure (HELDER_TYPE_WORKS_VIEW);

  page_class->open_record = helder_planner_page_open_record;
  page_class->can_open = helder_planner_page_can_open;
  g_type_ensure (HELDER_TYPE_CALENDAR_VIEW);
  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-planner-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "priorities_list", HELDER_TYPE_PRIORITY);
  helder_page_class_bind_list (page_class, "topics_list", HELDER_TYPE_TOPIC);
  helder_page_class_bind_list (page_class, "editions_list", HELDER_TYPE_OMGEVINGSBEELD);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_PRIORITY, N_("New Priority"));
}

static void
helder_planner_page_init (HelderPlannerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
