/* channels-fixture.h: the default channels and audiences, for the channel tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-advice.h"

G_BEGIN_DECLS

HelderChannelSettings *fixture_default_settings  (void);
HelderChannelSettings *fixture_settings_without  (const char * const *keys);
GStrv                  fixture_audience_ids      (HelderChannelSettings *settings,
                                                  const char            *keys);
gboolean              *fixture_chosen            (HelderChannelSettings *settings,
                                                  const char            *keys);
char                  *fixture_describe_set      (HelderChannelSettings *settings,
                                                  const gboolean        *chosen);

G_END_DECLS
