/* helder-window.h
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"

G_BEGIN_DECLS

#define HELDER_TYPE_WINDOW (helder_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderWindow, helder_window, HELDER, WINDOW, AdwApplicationWindow)

HelderWindow *helder_window_new          (HelderApplication *application);
const char   *helder_window_get_page     (HelderWindow      *self);
void          helder_window_set_page     (HelderWindow      *self,
                                          const char        *name);
HelderPage   *helder_window_ensure_page  (HelderWindow      *self,
                                          const char        *name);
void          helder_window_add_toast    (HelderWindow      *self,
                                          AdwToast          *toast);
void          helder_window_show_error   (HelderWindow      *self,
                                          const char        *title,
                                          const char        *detail);

G_END_DECLS
