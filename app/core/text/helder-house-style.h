/* helder-house-style.h: the organisation's and the user's word lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/helder-store.h"
#include "text/helder-text-analyzer.h"

G_BEGIN_DECLS

guint helder_house_style_apply (HelderTextAnalyzer  *analyzer,
                                HelderStore         *store,
                                GError             **error);

G_END_DECLS
