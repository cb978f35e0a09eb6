/* gui-test-app.c: a real Helder window for the GUI tests of each page
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-app.h"
#include "helder-page.h"

HelderApplication *test_app;
char *test_data_dir;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
helder_test_close_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (test_app))) != NULL)
    gtk_window_close (windows->data);
  helder_test_iterate (50);
}

/* A window on a fresh store at @name in the test's data dir. */
HelderWindow *
helder_test_open_window (const char *name)
{
  g_autofree char *path = g_build_filename (test_data_dir, name, NULL);
  GtkWindow *window;

  helder_test_close_windows ();
  g_remove (path);
  helder_application_open_store (test_app, path, NULL);
  g_application_activate (G_APPLICATION (test_app));

  window = gtk_application_get_active_window (GTK_APPLICATION (test_app));
  g_assert_true (HELDER_IS_WINDOW (window));
  g_assert_true (helder_test_wait_for (window_is_mapped, window));
  return HELDER_WINDOW (window);
}

GtkWidget *
helder_test_find (HelderWindow *window,
                  const char   *id)
{
  GtkWidget *widget = helder_test_find_by_id (GTK_WIDGET (window), id);

  if (widget == NULL)
    g_error ("No widget with id %s", id);
  return widget;
}

/* The page @name, made now if it was not shown yet (the window makes
 * each page when it is first shown). */
GtkWidget *
helder_test_page (HelderWindow *window,
                  const char   *name)
{
  return GTK_WIDGET (helder_window_ensure_page (window, name));
}

/* Shows the page @name and returns its stack's visible child: "empty",
 * "content" (or "editor"). */
const char *
helder_test_page_state (HelderWindow *window,
                        const char   *name)
{
  GtkStack *stack = GTK_STACK (helder_test_find_by_id (helder_test_page (window, name), "stack"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  helder_test_iterate (50);
  return gtk_stack_get_visible_child_name (stack);
}

gboolean
helder_test_analyzer_ready (gpointer data)
{
  return helder_application_get_analyzer (test_app) != NULL;
}

/* The application's window other than @window: a dialog it opened. */
GtkWindow *
helder_test_other_window (HelderWindow *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      return l->data;
  return NULL;
}

/* Whether a mapped label (or tooltip) of @window reads @text. */
gboolean
helder_test_shows_text (HelderWindow *window,
                        const char   *text)
{
  g_autoptr(GPtrArray) texts = helder_test_visible_texts (GTK_WIDGET (window));

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (texts->pdata[i], text))
      return TRUE;
  return FALSE;
}

GtkWidget *
helder_test_find_button (GtkWidget  *root,
                         const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = helder_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/**
 * helder_test_app_main:
 *
 * Sets up GTK and the application for the tests the caller added, runs
 * them and cleans up.  Returns 77 (skip) without a display.
 */
int
helder_test_app_main (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_data_dir = g_dir_make_tmp ("helder-gui-XXXXXX", &error);
  g_assert_no_error (error);

  test_app = helder_application_new ();
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  status = g_test_run ();

  helder_test_close_windows ();
  g_clear_object (&test_app);
  remove_tree (test_data_dir);
  g_free (test_data_dir);
  return status;
}
