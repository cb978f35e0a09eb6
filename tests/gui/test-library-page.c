/* test-library-page.c: Bibliotheek in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-app.h"
#include "service/helder-session.h"

/* The example data's toolkit documents and trainings. */
static void
test_example_data (void)
{
  HelderWindow *window = helder_test_open_window ("library-example.db");

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "toolkits_list")), >, 0);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "trainings_list")), >, 0);
}

/* A training saved elsewhere (sync writes the store the same way) joins
 * the open list, in start order. */
static void
test_training_arrives (void)
{
  HelderWindow *window = helder_test_open_window ("library-live.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) later = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) sooner = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) first = NULL;
  g_autoptr(GListModel) model = NULL;

  g_object_set (later, "title", "Schrijven op B1", "starts_at", "2027-03-10T09:30:00+01:00", NULL);
  g_assert_true (helder_store_save (store, later, NULL));
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  g_object_get (helder_test_find (window, "trainings_list"), "model", &model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  g_object_set (sooner, "title", "Webcare in de praktijk", "starts_at", "2027-02-03T13:00:00+01:00", NULL);
  g_assert_true (helder_store_save (store, sooner, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (helder_record_get_title (first), ==, "Webcare in de praktijk");
}

/* Staff read the library; writing toolkit documents is not offered. */
static void
test_staff_sees_no_new (void)
{
  HelderWindow *window = helder_test_open_window ("library-staff.db");
  GtkWidget *page = helder_test_page (window, "library");

  helder_test_page_state (window, "library");
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/library/example-data", test_example_data);
  helder_test_add_isolated ("/library/training-arrives", test_training_arrives);
  helder_test_add_isolated ("/library/staff-sees-no-new", test_staff_sees_no_new);
  return helder_test_app_main (&argc, &argv);
}
