/* helder-priorities-view.h: the priority ledger: ranked list and a detail column that edits in place
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PRIORITIES_VIEW (helder_priorities_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderPrioritiesView, helder_priorities_view, HELDER, PRIORITIES_VIEW, AdwBin)

HelderService *helder_priorities_view_get_service     (HelderPrioritiesView *self);
void           helder_priorities_view_set_service     (HelderPrioritiesView *self,
                                                       HelderService        *service);
GListModel    *helder_priorities_view_get_model       (HelderPrioritiesView *self);
const char    *helder_priorities_view_get_selected_id (HelderPrioritiesView *self);
gboolean       helder_priorities_view_select          (HelderPrioritiesView *self,
                                                       const char           *priority_id);
void           helder_priorities_view_expect_new      (HelderPrioritiesView *self,
                                                       gboolean              expect);

G_END_DECLS
