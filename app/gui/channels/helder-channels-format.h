/* helder-channels-format.h: dates and facts of a message, as the Kanalen views write them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channels-context.h"

G_BEGIN_DECLS

char *helder_channels_format_date  (const char            *date);
char *helder_channels_format_facts (HelderChannelsContext *context,
                                    HelderRecord          *message);
char *helder_channels_format_rules (guint                  rules);
char *helder_channels_format_points (double                points);
char *helder_channels_format_score (double                score);

G_END_DECLS
