/* helder-toolkit-pane.h: the toolkits that fit the work beside them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_TOOLKIT_PANE (helder_toolkit_pane_get_type ())

G_DECLARE_FINAL_TYPE (HelderToolkitPane, helder_toolkit_pane, HELDER, TOOLKIT_PANE, AdwBin)

GtkWidget *helder_toolkit_pane_new            (void);
void       helder_toolkit_pane_set_service    (HelderToolkitPane  *self,
                                               HelderService      *service);
void       helder_toolkit_pane_set_context    (HelderToolkitPane  *self,
                                               const char * const *channels,
                                               const char         *document_kind);
void       helder_toolkit_pane_set_record     (HelderToolkitPane  *self,
                                               HelderRecord       *record);
guint      helder_toolkit_pane_get_n_toolkits (HelderToolkitPane  *self);
void       helder_toolkit_pane_show_toolkit   (HelderToolkitPane  *self,
                                               guint               index);

G_END_DECLS
