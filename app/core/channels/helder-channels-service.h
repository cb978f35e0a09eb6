/* helder-channels-service.h: the channel matrix's rules: channels and audiences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-advice.h"
#include "channels/helder-channel-choice.h"
#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNELS_SERVICE (helder_channels_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelsService, helder_channels_service, HELDER, CHANNELS_SERVICE, HelderService)

HelderChannelsService *helder_channels_service_new       (HelderStore           *store,
                                                          HelderSession         *session);
HelderRecordList      *helder_channels_service_channels  (HelderChannelsService *self);
HelderRecordList      *helder_channels_service_audiences (HelderChannelsService *self);
HelderRecordList      *helder_channels_service_messages  (HelderChannelsService *self);

guint                  helder_channels_service_load_defaults (HelderChannelsService *self,
                                                              GError               **error);

HelderRecord          *helder_channels_service_find_weights  (HelderChannelsService *self);
HelderChannelSettings *helder_channels_service_settings      (HelderChannelsService *self,
                                                              GListModel            *channels,
                                                              GListModel            *audiences);
gboolean               helder_channels_service_set_weight    (HelderChannelsService *self,
                                                              HelderCriterion        criterion,
                                                              double                 weight,
                                                              GError               **error);
gboolean               helder_channels_service_reset_weights (HelderChannelsService *self,
                                                              GError               **error);

gboolean               helder_channels_service_choose        (HelderChannelsService *self,
                                                              HelderRecord          *message,
                                                              HelderChannelSettings *settings,
                                                              HelderChannelAdvice   *advice,
                                                              const gboolean        *chosen,
                                                              const char            *override_reason,
                                                              GError               **error);

#define HELDER_CHANNELS_ERROR (helder_channels_error_quark ())

typedef enum
{
  HELDER_CHANNELS_ERROR_REASON_NEEDED, /* a choice that breaks a hard rule, without a reason */
} HelderChannelsError;

GQuark                 helder_channels_error_quark       (void);

G_END_DECLS
