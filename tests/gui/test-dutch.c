/* test-dutch.c: under LANGUAGE=nl every visible string is Dutch
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "helder-page-title.h"
#include "helder-application.h"
#include "helder-window.h"

static HelderApplication *app;

static void
visit_pages (HelderWindow *window,
             const char   *state)
{
  static const char *names[] = { "planner", "channels", "write", "library" };
  static const char *dutch[] = { "Planner", "Kanalen", "Schrijven", "Bibliotheek" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s (%s)", names[i], state);
      HelderPageTitle *title = HELDER_PAGE_TITLE (helder_test_find_by_id (GTK_WIDGET (window), "page_title"));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      helder_test_iterate (300);
      g_assert_cmpstr (helder_page_title_get_title (title), ==, dutch[i]);
      helder_test_assert_all_dutch (GTK_WIDGET (window), where);
    }
}

static void
test_dutch_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-nl-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  GtkWindow *window;

  g_assert_no_error (error);
  g_assert_true (helder_application_open_store (app, path, NULL));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1100, 720);
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));

  /* The source strings are English: the catalogue must be in use. */
  g_assert_cmpstr (_("Channels"), ==, "Kanalen");

  visit_pages (HELDER_WINDOW (window), "empty");

  g_action_group_activate_action (G_ACTION_GROUP (app), "load-example-data", NULL);
  visit_pages (HELDER_WINDOW (window), "example data");

  gtk_window_close (window);
  helder_test_iterate (50);
}

static void
test_dutch_dialogs (void)
{
  GList *windows;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  helder_test_iterate (300);
  for (windows = gtk_application_get_windows (GTK_APPLICATION (app)); windows; windows = windows->next)
    helder_test_assert_all_dutch (windows->data, G_OBJECT_TYPE_NAME (windows->data));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int skip, status;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  app = helder_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/dutch/window", test_dutch_window);
  g_test_add_func ("/dutch/dialogs", test_dutch_dialogs);
  status = g_test_run ();

  g_object_unref (app);
  return status;
}
