/* helder-channel-advice-view.h: Advies: the selected message's channels, ranked, with reasons
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "channels/helder-channels-context.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNEL_ADVICE_VIEW (helder_channel_advice_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelAdviceView, helder_channel_advice_view, HELDER, CHANNEL_ADVICE_VIEW, AdwBin)

void          helder_channel_advice_view_set_context  (HelderChannelAdviceView *self,
                                                       HelderChannelsContext   *context);
gboolean      helder_channel_advice_view_select       (HelderChannelAdviceView *self,
                                                       const char              *message_id);
HelderRecord *helder_channel_advice_view_get_message  (HelderChannelAdviceView *self);
void          helder_channel_advice_view_set_chosen   (HelderChannelAdviceView *self,
                                                       guint                    channel,
                                                       gboolean                 chosen);
void          helder_channel_advice_view_toggle       (HelderChannelAdviceView *self,
                                                       const char              *message_id,
                                                       guint                    channel,
                                                       gboolean                 chosen);
void          helder_channel_advice_view_focus_search (HelderChannelAdviceView *self);

G_END_DECLS
