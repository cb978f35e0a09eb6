/* helder-edition-view.h: Omgevingsbeeld: the next edition being written, and the archive
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"
#include "report/helder-edition-export.h"
#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_EDITION_VIEW (helder_edition_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderEditionView, helder_edition_view, HELDER, EDITION_VIEW, AdwBin)

HelderService *helder_edition_view_get_service (HelderEditionView *self);
void           helder_edition_view_set_service (HelderEditionView *self,
                                                HelderService     *service);
gboolean       helder_edition_view_open        (HelderEditionView *self,
                                                const char        *edition_id);
const char    *helder_edition_view_get_open_id (HelderEditionView *self);
gboolean       helder_edition_view_export_to   (HelderEditionView    *self,
                                                HelderEditionFormat   format,
                                                GFile                *file,
                                                GError              **error);

G_END_DECLS
