/* test-window.c: the window and what it shares with every page, in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test-app.h"
#include "helder-page-title.h"
#include "planner/helder-priorities-view.h"
#include "store/helder-store-sync.h"

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_pages_visit (void)
{
  HelderWindow *window = helder_test_open_window ("visit.db");
  static const char *names[] = { "planner", "channels", "write", "library" };
  static const char *titles[] = { N_("Planner"), N_("Channels"), N_("Write"), N_("Library") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HelderPageTitle *title = HELDER_PAGE_TITLE (helder_test_find (window, "page_title"));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      helder_test_iterate (20);
      g_assert_cmpstr (helder_window_get_page (window), ==, names[i]);
      g_assert_cmpstr (helder_page_title_get_title (title), ==, _(titles[i]));
      /* An empty store: each page shows its empty state with actions. */
      g_assert_cmpstr (helder_test_page_state (window, names[i]), ==, "empty");
    }

  /* The keyboard way: Alt+1 goes back to the planner. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "planner");
  g_assert_cmpstr (helder_window_get_page (window), ==, "planner");
}

static void
test_example_data_shows (void)
{
  HelderWindow *window = helder_test_open_window ("example.db");
  GPtrArray *texts;
  gboolean found_fixi = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "channels");
  helder_test_iterate (300);
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");

  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "channels_list")), ==, 15);

  texts = helder_test_visible_texts (GTK_WIDGET (window));
  for (guint i = 0; i < texts->len; i++)
    found_fixi |= g_str_equal (g_ptr_array_index (texts, i), "Fixi");
  g_assert_true (found_fixi);
  g_ptr_array_unref (texts);

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "priorities_view")), >=, 3);
  /* The other planner views are made when first shown */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views")),
                                         "works");
  helder_test_iterate (100);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "works_list")), >=, 2);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "content");
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
}

static void
test_new_item (void)
{
  HelderWindow *window = helder_test_open_window ("new.db");
  GtkWindow *dialog = NULL;
  GList *windows;
  GtkEditable *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "write");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);

  for (windows = gtk_application_get_windows (GTK_APPLICATION (test_app)); windows; windows = windows->next)
    if (windows->data != (gpointer) window)
      dialog = windows->data;
  g_assert_nonnull (dialog);

  entry = GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (dialog), "name_row"));
  /* Nothing typed: nothing to create. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  helder_test_iterate (50);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "empty");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_editable_set_text (entry, "Brief aan omwonenden Van den Endelaan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  helder_test_iterate (100);

  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "content");
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "documents_list")), ==, 1);
  /* The other pages stay empty, without the example data offer. */
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "empty");
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (
    gtk_stack_get_child_by_name (GTK_STACK (helder_test_find (window, "page_stack")), "planner"), "example_button")));
}

static void
test_size_remembered (void)
{
  HelderWindow *window = helder_test_open_window ("size.db");
  GSettings *settings = helder_application_get_settings (test_app);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  helder_test_iterate (100);
  helder_test_close_windows ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "library");

  g_application_activate (G_APPLICATION (test_app));
  window = HELDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test_app)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (helder_window_get_page (window), ==, "library");
}

/* A change made here and on the server: the header bar says so, the
 * Needs Attention window shows both sides, and Keep Theirs settles it. */
static void
test_conflict_shown_and_resolved (void)
{
  HelderWindow *window = helder_test_open_window ("conflict.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) mine = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(JsonNode) batch = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  GtkWindow *conflicts = NULL;
  GtkWidget *keep_theirs;
  GList *windows;

  g_object_set (mine, "title", "Wonen voor iedereen", "rank", 1, NULL);
  helder_store_save (store, mine, NULL);
  batch = helder_store_take_push_batch (store, 100, &key, NULL);
  g_assert_nonnull (batch);
  json = g_strdup_printf ("{\"library_version\": 4, \"results\": [{\"id\": \"%s\", \"status\": \"conflict\", "
                          "\"version\": 4, \"server\": {\"id\": \"%s\", \"type\": \"priority\", \"version\": 4, "
                          "\"deleted\": false, \"data\": {\"title\": \"Betaalbaar wonen\", \"rank\": 1}}}]}",
                          helder_record_get_id (mine), helder_record_get_id (mine));
  response = json_from_string (json, NULL);
  g_assert_true (helder_store_finish_push_batch (store, key, json_node_get_object (response), NULL));
  helder_test_iterate (50);

  /* The sync popover, made when first opened, offers the conflict */
  gtk_menu_button_popup (GTK_MENU_BUTTON (helder_test_find (window, "sync_button")));
  helder_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (helder_test_find (window, "conflicts_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL);
  helder_test_iterate (200);
  for (windows = gtk_application_get_windows (GTK_APPLICATION (test_app)); windows; windows = windows->next)
    if (windows->data != (gpointer) window)
      conflicts = windows->data;
  g_assert_nonnull (conflicts);

  keep_theirs = helder_test_find_button (GTK_WIDGET (conflicts), "Keep _Theirs");
  g_assert_nonnull (keep_theirs);
  g_signal_emit_by_name (keep_theirs, "clicked");
  helder_test_iterate (100);

  g_assert_cmpuint (helder_store_count_conflicts (store), ==, 0);
  after = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (mine), NULL);
  g_assert_cmpstr (helder_record_get_text (after, "title"), ==, "Betaalbaar wonen");
  g_assert_false (gtk_widget_get_visible (helder_test_find (window, "conflicts_button")));
  gtk_window_close (conflicts);
}

/* What a window with a store does not show is not made before it is
 * needed: the error page, the primary menu's popover, the sync popover. */
static void
test_hidden_parts_made_when_needed (void)
{
  HelderWindow *window = helder_test_open_window ("hidden-parts.db");
  GtkMenuButton *menu = GTK_MENU_BUTTON (helder_test_find (window, "primary_menu_button"));
  GtkMenuButton *sync = GTK_MENU_BUTTON (helder_test_find (window, "sync_button"));
  GtkStack *main_stack = GTK_STACK (helder_test_find (window, "main_stack"));

  g_assert_null (gtk_stack_get_child_by_name (main_stack, "error"));
  g_assert_null (helder_test_find_by_id (GTK_WIDGET (window), "error_page"));
  g_assert_null (gtk_menu_button_get_popover (menu));
  g_assert_null (gtk_menu_button_get_popover (sync));
  /* Still working buttons */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (menu)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (sync)));

  /* Opened: the menu has its items, the sync popover says what goes on */
  gtk_menu_button_popup (menu);
  helder_test_iterate (20);
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (menu)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (menu)), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu))));
  gtk_menu_button_popdown (menu);

  gtk_menu_button_popup (sync);
  helder_test_iterate (20);
  g_assert_nonnull (gtk_menu_button_get_popover (sync));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (sync))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (helder_test_find (window, "sync_detail"))), !=, "");
  g_assert_false (gtk_widget_get_visible (helder_test_find (window, "conflicts_button")));
  gtk_menu_button_popdown (sync);
}

static gboolean
first_frame_drawn (gpointer data)
{
  return helder_application_get_first_frame_drawn (test_app);
}

/* With a priority in the store the first frame shows the ledger with
 * "Choose a Priority": the planner's empty state, the ledger's form and
 * its "No Priorities Found" are made only when first needed, and then
 * work as ever. */
static void
test_ledger_parts_made_when_needed (void)
{
  g_autofree char *path = g_build_filename (test_data_dir, "hidden-ledger.db", NULL);
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) stored = NULL;
  HelderPrioritiesView *view;
  GtkWindow *window;
  GtkWidget *planner, *theme, *search;
  GtkStack *planner_stack, *detail_stack, *list_stack;
  HelderStore *store;

  helder_test_close_windows ();
  g_remove (path);
  g_assert_true (helder_application_open_store (test_app, path, NULL));
  store = helder_application_get_store (test_app);
  g_object_set (priority, "title", "Betaalbaar wonen", "rank", 1, NULL);
  g_assert_true (helder_store_save (store, priority, NULL));
  g_application_activate (G_APPLICATION (test_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (test_app));
  g_assert_true (helder_test_wait_for (window_is_mapped, window));
  g_assert_true (helder_test_wait_for (first_frame_drawn, NULL));

  planner = helder_test_page (HELDER_WINDOW (window), "planner");
  planner_stack = GTK_STACK (helder_test_find_by_id (planner, "stack"));
  view = HELDER_PRIORITIES_VIEW (helder_test_find_by_id (planner, "priorities_view"));
  detail_stack = GTK_STACK (helder_test_find_by_id (GTK_WIDGET (view), "detail_stack"));
  list_stack = GTK_STACK (helder_test_find_by_id (GTK_WIDGET (view), "list_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (planner_stack), ==, "content");
  g_assert_null (gtk_stack_get_child_by_name (planner_stack, "empty"));
  g_assert_null (helder_test_find_by_id (planner, "new_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");
  g_assert_null (gtk_stack_get_child_by_name (detail_stack, "detail"));
  g_assert_null (helder_test_find_by_id (GTK_WIDGET (view), "title_row"));
  g_assert_null (gtk_stack_get_child_by_name (list_stack, "no-results"));
  g_assert_true (helder_test_shows_text (HELDER_WINDOW (window), "Choose a Priority"));

  /* Selected: the form shows the priority and saves an edit */
  g_assert_true (helder_priorities_view_select (view, helder_record_get_id (priority)));
  helder_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "detail");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (view), "title_row"))),
                   ==, "Betaalbaar wonen");
  g_assert_true (helder_test_shows_text (HELDER_WINDOW (window), "Place 1 of 1"));
  theme = helder_test_find_by_id (GTK_WIDGET (view), "theme_row");
  gtk_editable_set_text (GTK_EDITABLE (theme), "Wonen");
  g_signal_emit_by_name (theme, "apply");
  helder_test_iterate (50);
  stored = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (priority), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "theme"), ==, "Wonen");
  /* its status buttons follow the priority's status */
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (view), "pause_button")));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (view), "reactivate_button")));

  /* A search that finds nothing says so; cleared, the list is back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ledger.find", NULL));
  search = helder_test_find_by_id (GTK_WIDGET (view), "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "zwembad");
  helder_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_true (helder_test_shows_text (HELDER_WINDOW (window), "No Priorities Found"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  helder_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* The last record gone: the planner's empty state, with its New */
  g_assert_true (helder_store_delete (store, stored, NULL));
  helder_test_iterate (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (planner_stack), ==, "empty");
  g_assert_true (helder_test_shows_text (HELDER_WINDOW (window), "Plan Your Communication"));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (planner, "new_button")));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (planner, "example_button")));
}

static void
test_corrupt_store_reported (void)
{
  g_autofree char *path = g_build_filename (test_data_dir, "corrupt.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWindow *window;
  AdwStatusPage *error_page;

  helder_test_close_windows ();
  g_file_set_contents (path, "SQLite format 3\0 maar verder onzin", 34, NULL);
  g_file_get_contents (path, &before, NULL, NULL);

  g_test_expect_message ("helder-application", G_LOG_LEVEL_WARNING, "*damaged*left untouched*");
  g_assert_false (helder_application_open_store (test_app, path, NULL));
  g_test_assert_expected_messages ();
  g_application_activate (G_APPLICATION (test_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (test_app));
  g_assert_true (helder_test_wait_for (window_is_mapped, window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find (HELDER_WINDOW (window), "main_stack"))),
                   ==, "error");
  error_page = ADW_STATUS_PAGE (helder_test_find (HELDER_WINDOW (window), "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), path));

  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpmem (before, 34, after, 34);
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/window/pages/visit", test_pages_visit);
  helder_test_add_isolated ("/window/example-data/shows", test_example_data_shows);
  helder_test_add_isolated ("/window/new-item", test_new_item);
  helder_test_add_isolated ("/window/size-remembered", test_size_remembered);
  helder_test_add_isolated ("/window/hidden-parts-made-when-needed", test_hidden_parts_made_when_needed);
  helder_test_add_isolated ("/window/ledger-parts-made-when-needed", test_ledger_parts_made_when_needed);
  helder_test_add_isolated ("/window/store/corrupt", test_corrupt_store_reported);
  helder_test_add_isolated ("/window/sync/conflict", test_conflict_shown_and_resolved);
  return helder_test_app_main (&argc, &argv);
}
