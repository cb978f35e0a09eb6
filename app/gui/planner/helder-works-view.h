/* helder-works-view.h: Werkzaamheden: works in the street with their warnings, and their detail
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"
#include "plan/helder-plan-works.h"
#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_WORKS_VIEW (helder_works_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderWorksView, helder_works_view, HELDER, WORKS_VIEW, AdwBin)

HelderService *helder_works_view_get_service (HelderWorksView *self);
void           helder_works_view_set_service (HelderWorksView *self,
                                              HelderService   *service);
gboolean       helder_works_view_select      (HelderWorksView *self,
                                              const char      *works_id);
gboolean       helder_works_view_export      (HelderWorksView *self,
                                              gboolean         csv,
                                              GFile           *file,
                                              GError         **error);

G_END_DECLS
