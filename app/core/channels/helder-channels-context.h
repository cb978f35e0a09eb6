/* helder-channels-context.h: what the Kanalen views share: live lists, the settings, the pressure
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channels-service.h"
#include "channels/helder-contact-pressure.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNELS_CONTEXT (helder_channels_context_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelsContext, helder_channels_context, HELDER, CHANNELS_CONTEXT, GObject)

HelderChannelsContext *helder_channels_context_new          (HelderChannelsService *service);
HelderChannelsService *helder_channels_context_get_service  (HelderChannelsContext *self);
GListModel            *helder_channels_context_get_messages (HelderChannelsContext *self);
GListModel            *helder_channels_context_get_channels (HelderChannelsContext *self);
GListModel            *helder_channels_context_get_audiences (HelderChannelsContext *self);
HelderChannelSettings *helder_channels_context_get_settings (HelderChannelsContext *self);
HelderContactPressure *helder_channels_context_get_pressure (HelderChannelsContext *self);
HelderChannelAdvice   *helder_channels_context_get_advice   (HelderChannelsContext *self,
                                                             HelderRecord          *message);
void                   helder_channels_context_get_chosen   (HelderChannelsContext *self,
                                                             HelderRecord          *message,
                                                             gboolean              *chosen);
const gboolean        *helder_channels_context_peek_chosen  (HelderChannelsContext *self,
                                                             HelderRecord          *message);
guint                  helder_channels_context_check_chosen (HelderChannelsContext *self,
                                                             HelderRecord          *message,
                                                             const gboolean        *chosen);
GPtrArray             *helder_channels_context_toolkits_for (HelderChannelsContext *self,
                                                             guint                  channel);
int                    helder_channels_context_get_text_level (HelderChannelsContext *self,
                                                               HelderRecord          *message);
gboolean               helder_channels_context_text_too_hard (HelderChannelsContext *self,
                                                              HelderRecord          *message,
                                                              guint                  channel,
                                                              int                   *level,
                                                              int                   *target);
char                  *helder_channels_context_describe_level (HelderChannelsContext *self,
                                                               HelderRecord          *message);
char                  *helder_channels_context_describe_document (HelderChannelsContext *self,
                                                                  const char            *document_id,
                                                                  int                    level);
void                   helder_channels_context_flush        (HelderChannelsContext *self);
void                   helder_channels_context_set_paused   (HelderChannelsContext *self,
                                                             gboolean               paused);

G_END_DECLS
