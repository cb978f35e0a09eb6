/* gui-test-app.h: a real Helder window for the GUI tests of each page
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gui-test-util.h"
#include "helder-application.h"
#include "helder-window.h"

G_BEGIN_DECLS

extern HelderApplication *test_app;
extern char              *test_data_dir;

int           helder_test_app_main      (int          *argc,
                                         char       ***argv);
HelderWindow *helder_test_open_window   (const char   *name);
void          helder_test_close_windows (void);
GtkWidget    *helder_test_find          (HelderWindow *window,
                                         const char   *id);
GtkWidget    *helder_test_page          (HelderWindow *window,
                                         const char   *name);
const char   *helder_test_page_state    (HelderWindow *window,
                                         const char   *name);
gboolean      helder_test_analyzer_ready (gpointer     data);
GtkWindow    *helder_test_other_window  (HelderWindow *window);
GtkWidget    *helder_test_find_button   (GtkWidget    *root,
                                         const char   *label);
gboolean      helder_test_shows_text    (HelderWindow *window,
                                         const char   *text);

G_END_DECLS
