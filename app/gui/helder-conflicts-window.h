/* helder-conflicts-window.h: changes that need the user's decision
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CONFLICTS_WINDOW (helder_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderConflictsWindow, helder_conflicts_window, HELDER, CONFLICTS_WINDOW, AdwWindow)

HelderConflictsWindow *helder_conflicts_window_new (HelderStore *store);

G_END_DECLS
