/* test-works.c: Werkzaamheden and Omgevingsbeeld in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test-app.h"
#include "planner/helder-works-view.h"
#include "plan/helder-plan-works.h"

#define W_WATER     "23000000-0000-4000-8003-000000000001"
#define W_PAVING    "23000000-0000-4000-8003-000000000002"
#define W_TREES     "23000000-0000-4000-8003-000000000003"

/* With $HELDER_SCREENSHOT_DIR set, the screen as it is now, for a person
 * to look at (import from ImageMagick, under Xvfb). */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("HELDER_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL || g_find_program_in_path ("import") == NULL)
    return;
  helder_test_iterate (300);
  path = g_build_filename (dir, name, NULL);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static HelderWindow *
open_with_example_data (const char *name)
{
  HelderWindow *window = helder_test_open_window (name);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (200);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  return window;
}

static GtkWidget *
show_view (HelderWindow *window,
           const char   *view)
{
  GtkWidget *page = helder_test_page (window, "planner");
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));

  adw_view_stack_set_visible_child_name (views, view);
  helder_test_iterate (300);
  return adw_view_stack_get_visible_child (views);
}

static gboolean
row_badge_shown (GtkWidget  *list,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkWidget *label = row ? g_object_get_data (G_OBJECT (row), "title") : NULL;
      GtkWidget *badge = row ? g_object_get_data (G_OBJECT (row), "badge") : NULL;

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return gtk_widget_get_visible (badge);
    }
  g_error ("no row reads %s", title);
  return FALSE;
}

static HelderRecord *
load (HelderStore *store,
      GType        type,
      const char  *id)
{
  return helder_store_load (store, type, id, NULL);
}

/* The example data's warnings show on first start: a badge on the
 * works, the warning in words in the detail, with what to do. */
static void
test_warnings_shown (void)
{
  HelderWindow *window = open_with_example_data ("works-warnings.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  GtkWidget *list = helder_test_find (window, "works_list");
  GtkLabel *summary = GTK_LABEL (helder_test_find (window, "summary_label"));

  g_assert_cmpuint (helder_test_count_items (list), >=, 7);
  g_assert_true (row_badge_shown (list, "Bomen kappen en herplanten Meerlaan"));
  g_assert_true (row_badge_shown (list, "Vervangen waterleiding Hoofdstraat (Dunea)"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "need attention"));

  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (200);
  g_assert_true (helder_test_shows_text (window, "Residents’ letter goes out too late"));
  g_assert_true (helder_test_shows_text (window, "Bewonersbrief bomenkap Meerlaan"));
  screenshot ("works-late-letter.png");

  g_assert_true (helder_works_view_select (view, W_WATER));
  helder_test_iterate (200);
  g_assert_true (helder_test_shows_text (window, "Same street as “Herstraten Hoofdstraat en Weeresteinstraat”"));
  /* its letter is approved and out in time: no letter warning */
  g_assert_false (helder_test_shows_text (window, "Residents’ letter is late"));
  screenshot ("works-overlap.png");

  /* "Show" goes to the other works */
  gtk_widget_activate_action (GTK_WIDGET (view), "works.select", "s", W_PAVING);
  helder_test_iterate (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "title_row"))), ==,
                   "Herstraten Hoofdstraat en Weeresteinstraat");
  g_assert_true (helder_test_shows_text (window, "No residents’ letter planned"));
}

/* Every field goes to the store through the service, a moment after the
 * last change; the warnings follow. */
static void
test_edit_saves (void)
{
  HelderWindow *window = open_with_example_data ("works-edit.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) saved = NULL, again = NULL;
  GtkWidget *list = helder_test_find (window, "works_list");
  const char * const *streets;

  g_assert_true (helder_works_view_select (view, W_PAVING));
  helder_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "title_row")), "Herstraten Weeresteinstraat");
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "streets_row")), "Weeresteinstraat, Kerkstraat ,");
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "wijk_row")), "Hillegom-Centrum");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (helder_test_find (window, "lead_spin")), 35);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find (window, "description_view"))),
                            "Nieuwe klinkers.", -1);
  helder_test_iterate (900);

  saved = load (store, HELDER_TYPE_WORKS, W_PAVING);
  g_assert_cmpstr (helder_record_get_title (saved), ==, "Herstraten Weeresteinstraat");
  streets = helder_record_get_list (saved, "streets");
  g_assert_cmpuint (g_strv_length ((char **) streets), ==, 2);
  g_assert_cmpstr (streets[1], ==, "Kerkstraat");
  g_assert_cmpint (helder_record_get_int (saved, "lead_time_days"), ==, 35);
  g_assert_cmpstr (helder_record_get_text (saved, "description"), ==, "Nieuwe klinkers.");
  /* no longer in the Hoofdstraat: the water main has no overlap now */
  g_assert_false (row_badge_shown (list, "Vervangen waterleiding Hoofdstraat (Dunea)"));

  /* An empty title is not saved: the works keeps its name */
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "title_row")), "  ");
  helder_test_iterate (900);
  again = load (store, HELDER_TYPE_WORKS, W_PAVING);
  g_assert_cmpstr (helder_record_get_title (again), ==, "Herstraten Weeresteinstraat");
}

/* A change from elsewhere shows in the open form. */
static void
test_form_follows_store (void)
{
  HelderWindow *window = open_with_example_data ("works-follow.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) works = load (store, HELDER_TYPE_WORKS, W_TREES);

  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (100);
  g_object_set (works, "contact", "Team Groen, Jan de Wit", NULL);
  g_assert_true (helder_store_save (store, works, NULL));
  helder_test_iterate (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "works_view"), "contact_row"))), ==,
                   "Team Groen, Jan de Wit");
}

/* "Plan residents' letter" makes the message, linked; the warning
 * becomes "not approved yet". */
static void
test_plan_letter (void)
{
  HelderWindow *window = open_with_example_data ("works-letter.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  guint before = helder_store_count (store, HELDER_TYPE_MESSAGE);
  g_autoptr(GListModel) messages = NULL;
  gboolean linked = FALSE;

  g_assert_true (helder_works_view_select (view, W_PAVING));
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, "No residents’ letter planned"));
  gtk_widget_activate_action (GTK_WIDGET (view), "works.plan-letter", NULL);
  helder_test_iterate (400);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_MESSAGE), ==, before + 1);
  messages = helder_store_list (store, HELDER_TYPE_MESSAGE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) m = g_list_model_get_item (messages, i);
      const char * const *works = helder_record_get_list (m, "works");

      if (works != NULL && g_strv_contains (works, W_PAVING) &&
          g_str_has_prefix (helder_record_get_title (m), "Residents’ letter"))
        linked = TRUE;
    }
  g_assert_true (linked);
  g_assert_true (helder_test_shows_text (window, "Residents’ letter not approved yet"));
  g_assert_false (helder_test_shows_text (window, "No residents’ letter planned"));
}

/* Ctrl+F searches the works */
static void
test_search (void)
{
  HelderWindow *window = open_with_example_data ("works-search.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  GtkWidget *list = helder_test_find (window, "works_list");
  GtkWidget *entry = helder_test_find (window, "search_entry");

  gtk_widget_activate_action (GTK_WIDGET (view), "works.find", NULL);
  helder_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))));
  gtk_editable_set_text (GTK_EDITABLE (entry), "hoofdstraat");
  helder_test_iterate (300);
  /* Dunea's water main, the paving, and the Van den Endelaan (which includes the Hoofdstraat) */
  g_assert_cmpuint (helder_test_count_items (list), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Patrimonium");
  helder_test_iterate (300);
  g_assert_cmpuint (helder_test_count_items (list), ==, 2);
}

/* Under LANGUAGE=nl (run by hand, with $HELDER_SCREENSHOT_DIR for the
 * pictures) every visible text of both views is Dutch. */
static void
test_dutch (void)
{
  HelderWindow *window;
  HelderWorksView *view;

  window = open_with_example_data ("works-dutch.db");
  view = HELDER_WORKS_VIEW (show_view (window, "works"));
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works");
  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (200);
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works, late letter");
  screenshot ("works-nl-late-letter.png");
  g_assert_true (helder_works_view_select (view, W_WATER));
  helder_test_iterate (200);
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works, overlap");
  screenshot ("works-nl-overlap.png");
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  g_setenv ("HELDER_TODAY", "2026-12-02", TRUE);
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/works/warnings-shown", test_warnings_shown);
  helder_test_add_isolated ("/works/edit-saves", test_edit_saves);
  helder_test_add_isolated ("/works/form-follows-store", test_form_follows_store);
  helder_test_add_isolated ("/works/plan-letter", test_plan_letter);
  helder_test_add_isolated ("/works/search", test_search);
  /* by hand: LANGUAGE=nl LC_ALL=nl_NL.UTF-8 */
  if (g_strcmp0 (_("Works"), "Werkzaamheden") == 0)
    helder_test_add_isolated ("/works/dutch", test_dutch);
  return helder_test_app_main (&argc, &argv);
}
