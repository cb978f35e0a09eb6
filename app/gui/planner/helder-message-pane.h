/* helder-message-pane.h: a message's details beside the calendar: every field, the approval, the history
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-messages.h"

G_BEGIN_DECLS

#define HELDER_TYPE_MESSAGE_PANE (helder_message_pane_get_type ())

G_DECLARE_FINAL_TYPE (HelderMessagePane, helder_message_pane, HELDER, MESSAGE_PANE, AdwBin)

void          helder_message_pane_set_service  (HelderMessagePane  *self,
                                                HelderPlanService  *service);
void          helder_message_pane_set_message  (HelderMessagePane  *self,
                                                HelderRecord       *message);
HelderRecord *helder_message_pane_get_message  (HelderMessagePane  *self);
void          helder_message_pane_focus_title  (HelderMessagePane  *self);
gboolean      helder_message_pane_step         (HelderMessagePane  *self,
                                                HelderMessageStatus to,
                                                const char         *comment);

G_END_DECLS
