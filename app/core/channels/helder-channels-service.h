/* helder-channels-service.h: the channel matrix's rules: channels and audiences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNELS_SERVICE (helder_channels_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelsService, helder_channels_service, HELDER, CHANNELS_SERVICE, HelderService)

HelderChannelsService *helder_channels_service_new       (HelderStore           *store,
                                                          HelderSession         *session);
HelderRecordList      *helder_channels_service_channels  (HelderChannelsService *self);
HelderRecordList      *helder_channels_service_audiences (HelderChannelsService *self);

G_END_DECLS
