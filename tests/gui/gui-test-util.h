/* gui-test-util.h: driving a real window in the GUI tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*HelderTestCondition) (gpointer data);

gboolean   helder_test_wait_for      (HelderTestCondition  condition,
                                      gpointer             data);
void       helder_test_iterate       (guint                milliseconds);
void       helder_test_save_shot     (gpointer             window,
                                      const char          *name);
gboolean   helder_test_is_mapped     (gpointer             data);
GtkWidget *helder_test_find_by_id    (GtkWidget           *root,
                                      const char          *buildable_id);
guint      helder_test_count_rows    (GtkListBox          *list_box);
guint      helder_test_count_items   (GtkWidget           *list);
void       helder_test_activate_item (GtkWidget           *list,
                                      guint                position);
void       helder_test_add_isolated  (const char          *path,
                                      GTestFunc            func);
GPtrArray *helder_test_visible_texts (GtkWidget           *root);
void       helder_test_assert_all_dutch (GtkWidget        *root,
                                         const char       *where);
int        helder_test_init          (int                 *argc,
                                      char              ***argv);

/* A real pointer, through the X server (XTest): FALSE where there is none */
gboolean   helder_test_pointer_available (void);
gboolean   helder_test_pointer_move  (GtkWidget           *widget,
                                      double               x,
                                      double               y);
void       helder_test_pointer_button (gboolean            press);
gboolean   helder_test_pointer_click (GtkWidget           *widget);

G_END_DECLS
