/* test-channels-page.c: Kanalen in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-app.h"
#include "service/helder-session.h"

/* The example data's channels and audiences, each in its view. */
static void
test_example_data (void)
{
  HelderWindow *window = helder_test_open_window ("channels-example.db");
  GtkWidget *page = helder_test_page (window, "channels");

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  helder_test_iterate (200);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "channels_list")), ==, 15);
  g_assert_true (helder_test_shows_text (window, "Fixi"));
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "audiences_list")), >, 0);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (helder_test_find_by_id (page, "views")), "audiences");
  helder_test_iterate (100);
  g_assert_false (helder_test_shows_text (window, "Fixi"));
}

/* A new channel through the dialog lands in the open list as one row. */
static void
test_new_channel (void)
{
  HelderWindow *window = helder_test_open_window ("channels-new.db");
  GtkWindow *dialog;

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);
  dialog = helder_test_other_window (window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (dialog), "name_row")), "Wijkapp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  helder_test_iterate (100);

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "channels_list")), ==, 1);
  g_assert_true (helder_test_shows_text (window, "Wijkapp"));
}

/* Staff may not change the channels: the dialog is not offered. */
static void
test_staff_sees_no_new (void)
{
  HelderWindow *window = helder_test_open_window ("channels-staff.db");
  GtkWidget *page = helder_test_page (window, "channels");

  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  helder_test_page_state (window, "channels");
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);
  g_assert_null (helder_test_other_window (window));
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/channels/example-data", test_example_data);
  helder_test_add_isolated ("/channels/new-channel", test_new_channel);
  helder_test_add_isolated ("/channels/staff-sees-no-new", test_staff_sees_no_new);
  return helder_test_app_main (&argc, &argv);
}
