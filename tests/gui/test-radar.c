/* test-radar.c: the topic radar, the quarterly review and the comparison in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-app.h"
#include "planner/helder-quarter-compare.h"
#include "planner/helder-radar-export.h"
#include "planner/helder-radar-view.h"
#include "planner/helder-review-window.h"
#include "plan/helder-plan-quarter.h"
#include "service/helder-session.h"

/* The example data's topics that are not dropped */
#define N_EXAMPLE_TOPICS 15

/* The topic list gets its model after the radar's first frame, later
 * on a busy machine than 100 ms: waited for */
static gboolean
list_filled (gpointer data)
{
  return gtk_column_view_get_model (helder_radar_view_get_list (data)) != NULL;
}

static HelderRadarView *
show_radar (HelderWindow *window)
{
  GtkWidget *page = helder_test_page (window, "planner");
  HelderRadarView *view;
  AdwViewStack *views;

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));
  adw_view_stack_set_visible_child_name (views, "topics");
  helder_test_iterate (100);
  view = HELDER_RADAR_VIEW (helder_test_find_by_id (page, "radar_view"));
  g_assert_true (helder_test_wait_for (list_filled, view));
  return view;
}

static HelderRadarView *
open_example (const char *name)
{
  HelderWindow *window = helder_test_open_window (name);

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (100);
  return show_radar (window);
}

/* Presses @keyval on the focused widget as GTK would: the first shortcut
 * of the focus widget or an ancestor whose trigger it is runs. */
static gboolean
press (GtkWidget       *focus,
       guint            keyval,
       GdkModifierType  mods)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                w, gtk_shortcut_get_arguments (shortcut)))
                {
                  helder_test_iterate (20);
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static HelderRecord *
stored_topic (const char *id)
{
  return helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_TOPIC, id, NULL);
}

/* Each topic a dot: a focusable child, a button to a screen reader, named
 * with its title, scores, trend and signals; the dropped one is not
 * there. */
static void
test_dots_accessible (void)
{
  HelderRadarView *view = open_example ("radar-dots.db");
  HelderRadarWidget *radar = helder_radar_view_get_radar (view);
  guint n = helder_radar_widget_get_n_dots (radar), with_signals = 0;

  g_assert_cmpuint (n, ==, N_EXAMPLE_TOPICS);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (radar)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
  for (guint i = 0; i < n; i++)
    {
      HelderRadarDot *dot = helder_radar_widget_get_dot (radar, i);
      HelderRecord *topic = helder_radar_dot_get_topic (dot);
      const char *name = helder_radar_dot_get_description (dot);
      g_autofree char *scores = g_strdup_printf ("administrative impact %d, societal impact %d",
                                                 helder_record_get_int (topic, "admin_impact"),
                                                 helder_record_get_int (topic, "societal_impact"));

      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (dot)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dot)));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dot)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_true (g_str_has_prefix (name, helder_record_get_title (topic)));
      g_assert_nonnull (strstr (name, scores));
      g_assert_nonnull (strstr (name, "in the last 30 days"));
      /* Its tooltip says the same (asked for when shown) */
      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (dot)));
      g_assert_cmpstr (helder_record_get_text (topic, "status"), !=, "dropped");
      with_signals += helder_radar_dot_get_n_signals (dot) > 0;
    }
  /* The example data has signals of the last 30 days on most topics */
  g_assert_cmpuint (with_signals, >=, 10);
  g_assert_cmpuint (helder_test_count_items (GTK_WIDGET (helder_radar_view_get_list (view))), ==, N_EXAMPLE_TOPICS);

  /* The planner shows a topic (from a priority, say): the radar selects it */
  {
    HelderRecord *topic = helder_radar_dot_get_topic (helder_radar_widget_get_dot (radar, 3));
    g_autofree char *id = g_strdup (helder_record_get_id (topic));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "planner.show-record", "(ss)", "topic", id));
    helder_test_iterate (50);
    g_assert_cmpstr (helder_radar_widget_get_selected (radar), ==, id);
    g_assert_cmpstr (helder_record_get_id (helder_radar_detail_get_topic (helder_radar_view_get_detail (view))), ==, id);
  }
}

/* Arrows go from dot to dot by where they are; Enter opens the topic in
 * the detail pane; the list follows the selection; Ctrl+F searches. */
static void
test_keyboard (void)
{
  HelderRadarView *view = open_example ("radar-keys.db");
  HelderRadarWidget *radar = helder_radar_view_get_radar (view);
  HelderRadarDetail *detail = helder_radar_view_get_detail (view);
  GtkWidget *focus, *search;
  HelderRecord *first, *right;
  GtkSelectionModel *selection;
  g_autoptr(HelderRecord) selected = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (radar));
  focus = focus_of (GTK_WIDGET (radar));
  g_assert_true (HELDER_IS_RADAR_DOT (focus));
  first = helder_radar_dot_get_topic (HELDER_RADAR_DOT (focus));
  g_assert_cmpstr (helder_radar_widget_get_selected (radar), ==, helder_record_get_id (first));
  g_assert_true (helder_radar_detail_get_topic (detail) != NULL);
  g_assert_cmpstr (helder_record_get_id (helder_radar_detail_get_topic (detail)), ==, helder_record_get_id (first));

  /* Home: the first; Right: a topic further right */
  g_assert_true (press (focus, GDK_KEY_Home, 0));
  focus = focus_of (GTK_WIDGET (radar));
  first = helder_radar_dot_get_topic (HELDER_RADAR_DOT (focus));
  if (helder_record_get_int (first, "admin_impact") == 5)
    g_assert_true (press (focus, GDK_KEY_Left, 0));
  else
    g_assert_true (press (focus, GDK_KEY_Right, 0));
  focus = focus_of (GTK_WIDGET (radar));
  g_assert_true (HELDER_IS_RADAR_DOT (focus));
  right = helder_radar_dot_get_topic (HELDER_RADAR_DOT (focus));
  g_assert_cmpstr (helder_record_get_id (right), !=, helder_record_get_id (first));
  g_assert_cmpstr (helder_radar_widget_get_selected (radar), ==, helder_record_get_id (right));
  /* The list selects it too */
  selection = gtk_column_view_get_model (helder_radar_view_get_list (view));
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection))
             ? g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection))) : NULL;
  g_assert_nonnull (selected);
  g_assert_cmpstr (helder_record_get_id (selected), ==, helder_record_get_id (right));

  /* Up from the bottom row goes up; nothing above the top row */
  for (guint i = 0; i < 10; i++)
    press (focus_of (GTK_WIDGET (radar)), GDK_KEY_Up, 0);
  focus = focus_of (GTK_WIDGET (radar));
  g_assert_true (HELDER_IS_RADAR_DOT (focus));
  g_assert_cmpint (helder_record_get_int (helder_radar_dot_get_topic (HELDER_RADAR_DOT (focus)), "societal_impact"), ==, 5);

  /* Enter opens it: the detail's title takes the focus */
  g_assert_true (press (focus, GDK_KEY_Return, 0));
  focus = focus_of (GTK_WIDGET (radar));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (detail)));

  /* Ctrl+F: the search, which filters radar and list alike */
  g_assert_true (press (focus, GDK_KEY_f, GDK_CONTROL_MASK));
  focus = focus_of (GTK_WIDGET (radar));
  /* (the drop-downs have search entries of their own: this one is the side pane's) */
  search = helder_test_find_by_id (helder_test_find_by_id (GTK_WIDGET (view), "side"), "search_entry");
  g_assert_true (gtk_widget_is_ancestor (focus, search));
  gtk_editable_set_text (GTK_EDITABLE (search), "vuurwerk");
  helder_test_iterate (400);
  g_assert_cmpuint (helder_radar_widget_get_n_dots (radar), ==, 1);
  g_assert_cmpuint (helder_test_count_items (GTK_WIDGET (helder_radar_view_get_list (view))), ==, 1);
}

/* Alt+Right (what dragging a dot does, by keyboard) saves new scores
 * through the service; the toast's undo restores them. */
static void
test_move_and_undo (void)
{
  HelderRadarView *view = open_example ("radar-move.db");
  HelderRadarWidget *radar = helder_radar_view_get_radar (view);
  HelderRadarDot *dot = NULL;
  g_autofree char *id = NULL;
  g_autoptr(HelderRecord) before = NULL;
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(HelderRecord) undone = NULL;
  g_autoptr(HelderRecord) dragged = NULL;
  AdwToast *toast;

  for (guint i = 0; i < helder_radar_widget_get_n_dots (radar) && dot == NULL; i++)
    if (helder_record_get_int (helder_radar_dot_get_topic (helder_radar_widget_get_dot (radar, i)),
                               "admin_impact") < 5)
      dot = helder_radar_widget_get_dot (radar, i);
  g_assert_nonnull (dot);
  id = g_strdup (helder_record_get_id (helder_radar_dot_get_topic (dot)));
  before = stored_topic (id);
  gtk_widget_grab_focus (GTK_WIDGET (dot));
  g_assert_true (press (GTK_WIDGET (dot), GDK_KEY_Right, GDK_ALT_MASK));
  helder_test_iterate (100);

  after = stored_topic (id);
  g_assert_cmpint (helder_record_get_int (after, "admin_impact"), ==, helder_record_get_int (before, "admin_impact") + 1);
  g_assert_cmpint (helder_record_get_int (after, "societal_impact"), ==, helder_record_get_int (before, "societal_impact"));
  /* The dot kept its focus, and sits in its new cell */
  g_assert_true (HELDER_IS_RADAR_DOT (focus_of (GTK_WIDGET (radar))));
  g_assert_cmpstr (helder_record_get_id (helder_radar_dot_get_topic (HELDER_RADAR_DOT (focus_of (GTK_WIDGET (radar))))),
                   ==, id);

  toast = helder_radar_view_get_undo_toast (view);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "moved to administrative impact"));
  g_signal_emit_by_name (toast, "button-clicked");
  helder_test_iterate (100);
  undone = stored_topic (id);
  g_assert_cmpint (helder_record_get_int (undone, "admin_impact"), ==, helder_record_get_int (before, "admin_impact"));

  /* A drop on another cell asks the same: new scores, saved */
  g_signal_emit_by_name (radar, "move-topic", undone, 1, 1);
  helder_test_iterate (100);
  dragged = stored_topic (id);
  g_assert_cmpint (helder_record_get_int (dragged, "admin_impact"), ==, 1);
  g_assert_cmpint (helder_record_get_int (dragged, "societal_impact"), ==, 1);
}

static guint
count_priorities_in_play (void)
{
  g_autoptr(GListModel) priorities = helder_store_list (helder_application_get_store (test_app),
                                                        HELDER_TYPE_PRIORITY, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(HelderRecord) priority = g_list_model_get_item (priorities, i);

      n += g_strcmp0 (helder_record_get_text (priority, "status"), "done") != 0;
    }
  return n;
}

static HelderReviewWindow *
open_review (HelderRadarView *view)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "radar.review", NULL));
  helder_test_iterate (200);
  window = helder_test_other_window (HELDER_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  g_assert_true (HELDER_IS_REVIEW_WINDOW (window));
  return HELDER_REVIEW_WINDOW (window);
}

/* The review from start to closed quarter, as an advisor: a decision
 * with its reason, then closing; the quarter is recorded closed with who
 * and when, and shown read-only. */
static void
test_review_closes (void)
{
  HelderRadarView *view = open_example ("radar-review.db");
  HelderPlanService *plan = HELDER_PLAN_SERVICE (helder_radar_view_get_service (view));
  HelderReviewWindow *review = open_review (view);
  GtkWidget *root = GTK_WIDGET (review);
  g_autoptr(HelderRecord) quarter = NULL;
  GtkTextBuffer *reason;
  guint n;

  g_assert_cmpstr (helder_review_window_get_quarter (review), ==, helder_radar_view_get_quarter (view));
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "overview");
  n = helder_review_window_get_n_items (review);
  g_assert_cmpuint (n, ==, N_EXAMPLE_TOPICS + count_priorities_in_play ());

  /* The first item: drop it, without a reason first */
  helder_review_window_open_item (review, 0);
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "decide");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (helder_test_find_by_id (root, "drop_button")), TRUE);
  reason = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find_by_id (root, "reason_view")));
  gtk_text_buffer_set_text (reason, "", -1);
  gtk_widget_activate_action (root, "review.save", NULL);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (root, "decide_error")));
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "decide");
  gtk_text_buffer_set_text (reason, "Na de jaarwisseling voorbij.", -1);
  gtk_widget_activate_action (root, "review.save", NULL);
  helder_test_iterate (50);
  /* On to the next without a decision */
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "decide");

  gtk_widget_activate_action (root, "review.to-close", NULL);
  helder_test_iterate (50);
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "close");
  g_assert_true (gtk_widget_get_sensitive (helder_test_find_by_id (root, "close_button")));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (root, "why_not_label")));
  gtk_widget_activate_action (root, "review.close", NULL);
  helder_test_iterate (100);

  quarter = helder_plan_quarter_find (plan, "2026-Q4");
  g_assert_nonnull (quarter);
  g_assert_cmpstr (helder_record_get_text (quarter, "status"), ==, "closed");
  g_assert_nonnull (helder_record_get_text (quarter, "closed_by"));
  g_assert_nonnull (helder_record_get_text (quarter, "closed_at"));
  g_assert_nonnull (helder_record_get_text (quarter, "snapshot"));
  /* Read-only now, and the view moved on to the next quarter */
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (root, "done_button")));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (root, "close_button")));
  g_assert_cmpstr (helder_radar_view_get_quarter (view), ==, "2027-Q1");
  gtk_window_destroy (GTK_WINDOW (review));
}

/* Staff read the review but cannot close: the button is off and says
 * why; the core refuses too. */
static void
test_review_refuses_staff (void)
{
  HelderRadarView *view = open_example ("radar-staff.db");
  HelderPlanService *plan = HELDER_PLAN_SERVICE (helder_radar_view_get_service (view));
  HelderReviewWindow *review;
  GtkWidget *root;

  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  review = open_review (view);
  root = GTK_WIDGET (review);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (root, "add_button")));
  helder_review_window_open_item (review, 0);
  g_assert_false (gtk_widget_get_sensitive (helder_test_find_by_id (root, "decision_box")));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (root, "save_button")));

  gtk_widget_activate_action (root, "review.to-close", NULL);
  helder_test_iterate (50);
  g_assert_false (gtk_widget_get_sensitive (helder_test_find_by_id (root, "close_button")));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (root, "why_not_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (root, "why_not_label"))),
                            "advisor or an administrator"));
  gtk_widget_activate_action (root, "review.close", NULL);
  helder_test_iterate (50);
  g_assert_false (helder_plan_quarter_is_closed (plan, "2026-Q4"));
  gtk_window_destroy (GTK_WINDOW (review));
}

/* The comparison on first start: Q4 as closing it would leave it, against
 * the closed Q3 of the example data. */
static void
test_compare (void)
{
  HelderRadarView *view = open_example ("radar-compare.db");
  HelderQuarterCompare *compare = HELDER_QUARTER_COMPARE (helder_test_find_by_id (GTK_WIDGET (view), "compare"));
  GPtrArray *changes;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (helder_test_find_by_id (GTK_WIDGET (view), "compare_button")),
                                TRUE);
  helder_test_iterate (200);
  g_assert_cmpstr (helder_quarter_compare_get_shown (compare), ==, "2026-Q4");
  changes = helder_quarter_compare_get_changes (compare);
  g_assert_nonnull (changes);
  /* Netcongestie and the statushouders are new, drinking water is dropped */
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_ADDED, FALSE), ==, 2);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_DROPPED, FALSE), ==, 1);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_MOVED, FALSE), >=, 3);
  g_assert_cmpuint (helder_quarter_count_changes (changes, HELDER_CHANGE_RANK, TRUE), >=, 1);
  g_assert_cmpuint (helder_quarter_compare_grid_get_n_arrows (helder_quarter_compare_get_grid (compare)), ==,
                    helder_quarter_count_changes (changes, HELDER_CHANGE_MOVED, FALSE));
  g_assert_true (helder_test_shows_text (HELDER_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))), "New Topics"));
}

/* The export menu: the CSV that comes back unchanged, the radar as PNG,
 * the quarterly report as PDF; staff may not import. */
static void
test_export (void)
{
  HelderRadarView *view = open_example ("radar-export.db");
  g_autofree char *csv_path = g_build_filename (test_data_dir, "radar.csv", NULL);
  g_autofree char *png_path = g_build_filename (test_data_dir, "radar.png", NULL);
  g_autofree char *pdf_path = g_build_filename (test_data_dir, "radar.pdf", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  AdwMessageDialog *dialog;
  gsize length;
  gboolean ok;

  g_assert_true (helder_radar_save_csv (view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBFSoort,Id,Titel"));
  g_assert_nonnull (strstr (data, "Woningbouw en wachttijden sociale huur"));
  dialog = helder_radar_preview_import (view, csv, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "New: 0 · changed: 0"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  helder_test_iterate (100);
  ok = helder_radar_save_png (view, png, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (helder_radar_view_get_radar (view))));

  g_assert_true (helder_radar_save_pdf (view, pdf, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (pdf_path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));

  /* Staff export, but do not import (the action is off: no file chooser opens) */
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  helder_test_iterate (20);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before = g_list_model_get_n_items (toplevels);

    gtk_widget_activate_action (GTK_WIDGET (view), "radar.import-csv", NULL);
    helder_test_iterate (200);
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
  }
}

/* In a narrow window the radar and its list fold: nothing cut, no
 * sideways scrolling; Enter on a topic goes to its detail, back returns
 * to the radar; wide, they are side by side again. */
static void
test_folds (void)
{
  HelderRadarView *view = open_example ("radar-folds.db");
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  AdwLeaflet *leaflet = ADW_LEAFLET (helder_test_find_by_id (GTK_WIDGET (view), "box"));
  GtkWidget *side = helder_test_find_by_id (GTK_WIDGET (view), "side");
  HelderRadarWidget *radar = helder_radar_view_get_radar (view);
  int widths[] = { 1100, 800 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gtk_window_unmaximize (window);
      gtk_window_set_default_size (window, widths[i], 720);
      helder_test_iterate (300);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[i]);
      g_assert_true (adw_leaflet_get_folded (leaflet));
      g_assert_true (adw_leaflet_get_visible_child (leaflet) != side);
      /* the radar whole in its view */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (radar)), <=, gtk_widget_get_width (GTK_WIDGET (view)));
      g_assert_true (gtk_widget_get_mapped (helder_test_find_by_id (GTK_WIDGET (view), "list_button")));
      gtk_widget_grab_focus (GTK_WIDGET (radar));
      press (focus_of (GTK_WIDGET (radar)), GDK_KEY_Return, 0);
      helder_test_iterate (100);
      g_assert_true (adw_leaflet_get_visible_child (leaflet) == side);
      g_assert_true (gtk_widget_get_mapped (helder_test_find_by_id (side, "back_button")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "radar.show-radar", NULL));
      helder_test_iterate (100);
      g_assert_true (adw_leaflet_get_visible_child (leaflet) != side);
    }
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_maximize (window);
  helder_test_iterate (300);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (side));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (side, "back_button")));
}

/* With HELDER_SCREENSHOT_DIR set: every view as PNG, for a look. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int w, h;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", g_getenv ("HELDER_SCREENSHOT_DIR"), name);

  /* A window between layout and drawing has nothing to show yet */
  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      helder_test_iterate (200);
      w = gtk_widget_get_width (window);
      h = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshots (void)
{
  HelderRadarView *view;
  GtkWidget *window;
  HelderReviewWindow *review;
  HelderRadarWidget *radar;

  window = GTK_WIDGET (helder_test_open_window ("radar-shots.db"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_maximize (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (300);
  view = show_radar (HELDER_WINDOW (window));
  radar = helder_radar_view_get_radar (view);
  save_shot (window, "radar-1");
  gtk_widget_grab_focus (GTK_WIDGET (radar));
  press (focus_of (GTK_WIDGET (radar)), GDK_KEY_Right, 0);
  save_shot (window, "radar-2-selected");
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (helder_test_find_by_id (GTK_WIDGET (helder_radar_view_get_detail (view)), "scroller")));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_shot (window, "radar-2-signals");
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (helder_test_find_by_id (GTK_WIDGET (view), "compare_button")),
                                TRUE);
  save_shot (window, "radar-3-compare");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (helder_test_find_by_id (GTK_WIDGET (view), "compare_button")),
                                FALSE);
  {
    g_autofree char *pdf_path = g_strdup_printf ("%s/report.pdf", g_getenv ("HELDER_SCREENSHOT_DIR"));
    g_autofree char *csv_path = g_strdup_printf ("%s/export.csv", g_getenv ("HELDER_SCREENSHOT_DIR"));
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    AdwMessageDialog *dialog;
    g_autofree char *data = NULL;

    g_assert_true (helder_radar_save_pdf (view, pdf, NULL));
    g_assert_true (helder_radar_save_csv (view, csv, NULL));
    g_assert_true (g_file_get_contents (csv_path, &data, NULL, NULL));
    /* A line with a wrong score, to see the preview's errors */
    g_assert_true (g_file_set_contents (csv_path, g_strconcat (data, "onderwerp,,Nieuw onderwerp,,7,3,stijgend,,,,,,,\r\n",
                                                               NULL), -1, NULL));
    dialog = helder_radar_preview_import (view, csv, NULL);
    gtk_window_present (GTK_WINDOW (dialog));
    save_shot (GTK_WIDGET (dialog), "radar-5-import");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  review = open_review (view);
  save_shot (GTK_WIDGET (review), "review-1-overview");
  helder_review_window_open_item (review, 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (helder_test_find_by_id (GTK_WIDGET (review), "adjust_button")),
                                TRUE);
  save_shot (GTK_WIDGET (review), "review-2-decide");
  gtk_widget_activate_action (GTK_WIDGET (review), "review.to-close", NULL);
  save_shot (GTK_WIDGET (review), "review-3-close");
  gtk_widget_activate_action (GTK_WIDGET (review), "review.close", NULL);
  save_shot (GTK_WIDGET (review), "review-4-closed");
  gtk_window_destroy (GTK_WINDOW (review));
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  review = open_review (view);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.to-close", NULL);
  save_shot (GTK_WIDGET (review), "review-5-staff");
  gtk_window_destroy (GTK_WINDOW (review));
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_ADVISOR);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (window, "radar-4-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* A laptop's 1100 px and 800 px: folded, nothing cut; the list and
   * the detail a step away */
  gtk_window_unmaximize (GTK_WINDOW (window));
  for (guint w = 0; w < 2; w++)
    {
      int width = w == 0 ? 1100 : 800;
      g_autofree char *radar_name = g_strdup_printf ("radar-6-%d", width);
      g_autofree char *list_name = g_strdup_printf ("radar-7-%d-list", width);

      gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
      helder_test_iterate (300);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, width);
      g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (helder_test_find_by_id (GTK_WIDGET (view), "box"))));
      gtk_widget_activate_action (GTK_WIDGET (view), "radar.show-radar", NULL);
      save_shot (window, radar_name);
      gtk_widget_activate_action (GTK_WIDGET (view), "radar.show-list", NULL);
      helder_test_iterate (300);
      save_shot (window, list_name);
      gtk_widget_activate_action (GTK_WIDGET (view), "radar.show-radar", NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/radar/dots-accessible", test_dots_accessible);
  helder_test_add_isolated ("/radar/keyboard", test_keyboard);
  helder_test_add_isolated ("/radar/move-and-undo", test_move_and_undo);
  helder_test_add_isolated ("/radar/review-closes", test_review_closes);
  helder_test_add_isolated ("/radar/review-refuses-staff", test_review_refuses_staff);
  helder_test_add_isolated ("/radar/compare", test_compare);
  helder_test_add_isolated ("/radar/export", test_export);
  helder_test_add_isolated ("/radar/folds", test_folds);
  if (g_getenv ("HELDER_SCREENSHOT_DIR") != NULL)
    helder_test_add_isolated ("/radar/screenshots", test_screenshots);
  return helder_test_app_main (&argc, &argv);
}
