/* helder-planner-page.h: priorities, topics, works and what goes out when
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-page.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PLANNER_PAGE (helder_planner_page_get_type ())

G_DECLARE_FINAL_TYPE (HelderPlannerPage, helder_planner_page, HELDER, PLANNER_PAGE, HelderPage)

void     helder_planner_page_show_view   (HelderPlannerPage *self,
                                         const char        *what,
                                         const char        *id);
gboolean helder_planner_page_show_record (HelderPlannerPage *self,
                                          const char        *type_name,
                                          const char        *id);

G_END_DECLS
