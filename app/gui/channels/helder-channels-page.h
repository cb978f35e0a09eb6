/* helder-channels-page.h: the channel matrix: which channels reach whom, and how
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-page.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNELS_PAGE (helder_channels_page_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelsPage, helder_channels_page, HELDER, CHANNELS_PAGE, HelderPage)

G_END_DECLS
