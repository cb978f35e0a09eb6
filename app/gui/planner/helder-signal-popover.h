/* helder-signal-popover.h: quick entry of a signal, with the person-data check before it saves
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SIGNAL_POPOVER (helder_signal_popover_get_type ())

G_DECLARE_FINAL_TYPE (HelderSignalPopover, helder_signal_popover, HELDER, SIGNAL_POPOVER, GtkPopover)

GtkWidget     *helder_signal_popover_new         (void);
HelderService *helder_signal_popover_get_service (HelderSignalPopover *self);
void           helder_signal_popover_set_service (HelderSignalPopover *self,
                                                  HelderService       *service);
const char    *helder_signal_popover_get_topic   (HelderSignalPopover *self);
void           helder_signal_popover_set_topic   (HelderSignalPopover *self,
                                                  const char          *topic_id);
guint          helder_signal_popover_count_marks (HelderSignalPopover *self);

G_END_DECLS
