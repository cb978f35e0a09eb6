/* helder-preferences-window.h
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PREFERENCES_WINDOW (helder_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderPreferencesWindow, helder_preferences_window, HELDER, PREFERENCES_WINDOW, AdwPreferencesWindow)

HelderPreferencesWindow *helder_preferences_window_new (HelderApplication *application);

G_END_DECLS
