/* test-startup.c: what waits for the first frame still comes when needed
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helder makes and loads only what its first frame shows: the visible
 * page, not the others; no analyser, no sync client, no shortcuts window.
 * These tests check that each comes when it is needed (the sync after the
 * first frame, against a real helder-server; the analyser when an editor
 * opens; a page when it is shown) and that the cheap renderer check says
 * what a GL context says.
 */

#include "config.h"

#include <epoxy/gl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "editor/helder-document-editor.h"
#include "channels/helder-channels-service.h"
#include "editor/helder-editor-service.h"
#include "library/helder-library-service.h"
#include "gui-test-app.h"
#include "helder-page.h"
#include "helder-renderer.h"
#include "store/helder-store-sync.h"
#include "test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static GSubprocess *server;
static char *server_url;
static char *token;

/* Whether the window made the page @name (the stack page holds it in an
 * AdwBin once made). */
static gboolean
page_made (HelderWindow *window,
           const char   *name)
{
  GtkStack *stack = GTK_STACK (helder_test_find (window, "page_stack"));

  return adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, name))) != NULL;
}

static guint
pages_made (HelderWindow *window)
{
  static const char *names[] = { "planner", "channels", "write", "library" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    n += page_made (window, names[i]);
  return n;
}

/* What was there when the first frame had been drawn */
static struct
{
  gboolean seen;
  gboolean sync;
  gboolean analyzer;
  gboolean help_overlay;
  guint    pages;
  gboolean synced;           /* later: the sync ran */
  gboolean analyzer_later;   /* and still no analyser */
} first;

static void
after_paint (GdkFrameClock *clock,
             GtkWidget     *window)
{
  if (first.seen || !helder_application_get_first_frame_drawn (test_app))
    return;
  first.seen = TRUE;
  first.sync = helder_application_get_sync (test_app) != NULL;
  first.analyzer = helder_application_get_analyzer (test_app) != NULL;
  first.help_overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL;
  first.pages = pages_made (HELDER_WINDOW (window));
}

static void
window_realized (GtkWidget *window)
{
  /* After the application's own handler, which notes the first frame */
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), window);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realized), NULL);
}

/* Once the sync has sent the example data to the server: done. */
static gboolean
synced_then_close (gpointer data)
{
  HelderSyncClient *sync = helder_application_get_sync (test_app);
  HelderStore *store = helder_application_get_store (test_app);

  if (sync == NULL || helder_sync_client_get_state (sync) != HELDER_SYNC_STATE_UP_TO_DATE ||
      helder_store_count_outbox (store) > 0)
    return G_SOURCE_CONTINUE;
  first.synced = TRUE;
  first.analyzer_later = helder_application_get_analyzer (test_app) != NULL;
  helder_test_close_windows ();
  return G_SOURCE_REMOVE;
}

/* Started as build-aux/run starts it (a data folder, the example data,
 * a server and a token): the first frame comes before the sync client,
 * with one page made, and the sync starts right after it. */
static void
test_sync_after_first_frame (void)
{
  g_autofree char *dir = g_build_filename (test_data_dir, "started", NULL);
  char *argv[] = { "helder", "--data-dir", dir, "--example-data", "--server", server_url, NULL };

  g_setenv ("HELDER_SERVER_TOKEN", token, TRUE);
  g_setenv ("HELDER_SERVER_USER", "sanne", TRUE);
  g_signal_connect (test_app, "window-added", G_CALLBACK (window_added), NULL);
  g_timeout_add (50, synced_then_close, NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (test_app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);

  g_assert_true (first.seen);
  g_assert_false (first.sync);
  g_assert_false (first.analyzer);
  g_assert_false (first.help_overlay);
  g_assert_cmpuint (first.pages, ==, 1);
  /* After it: synced with the server (the example data went there) */
  g_assert_true (first.synced);
  g_assert_false (first.analyzer_later);
}

static gboolean
has_analysis (gpointer data)
{
  return helder_document_editor_get_analysis (data) != NULL;
}

/* No editor, no analyser (not even when the language changes); a
 * document opened from elsewhere makes Schrijven, loads the analyser
 * and shows its marks. */
static void
test_analyzer_when_editor_opens (void)
{
  HelderWindow *window = helder_test_open_window ("analyzer.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(HelderRecord) document = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "spelling-language", g_variant_new_string ("en_US"));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "spelling-language", g_variant_new_string ("nl_NL"));
  helder_test_iterate (500);
  g_assert_cmpstr (helder_window_get_page (window), ==, "planner");
  g_assert_false (page_made (window, "write"));
  g_assert_null (helder_application_get_analyzer (test_app));

  documents = helder_store_list (store, HELDER_TYPE_DOCUMENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), >, 0);
  document = g_list_model_get_item (documents, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", helder_record_get_id (document));
  g_assert_true (page_made (window, "write"));
  g_assert_cmpstr (helder_window_get_page (window), ==, "write");
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "editor");
  g_assert_true (helder_test_wait_for (has_analysis, helder_test_find (window, "document_editor")));
  g_assert_nonnull (helder_application_get_analyzer (test_app));
}

/* A page is made when first shown, with the service of the store open
 * then; made pages follow a new store. */
static void
test_pages_made_when_shown (void)
{
  HelderWindow *window = helder_test_open_window ("pages.db");
  g_autofree char *other = g_build_filename (test_data_dir, "other.db", NULL);
  HelderPage *channels, *library;

  g_assert_cmpuint (pages_made (window), ==, 1);
  g_assert_true (page_made (window, "planner"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "channels");
  helder_test_iterate (50);
  g_assert_cmpuint (pages_made (window), ==, 2);
  channels = helder_window_ensure_page (window, "channels");
  g_assert_true (helder_page_get_store (channels) == helder_application_get_store (test_app));
  g_assert_true (helder_page_get_service (channels) ==
                 helder_application_get_service (test_app, HELDER_TYPE_CHANNELS_SERVICE));
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "empty");
  /* Its icon is set when the empty state is first shown */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (helder_test_find_by_id (GTK_WIDGET (channels),
                                                                                           "status_page"))),
                   ==, "mail-send-symbolic");

  /* Another store: the made pages show it, the others get it when made */
  g_assert_true (helder_application_open_store (test_app, other, NULL));
  helder_test_iterate (50);
  g_assert_true (helder_page_get_store (channels) == helder_application_get_store (test_app));
  g_assert_false (page_made (window, "library"));
  library = helder_window_ensure_page (window, "library");
  g_assert_true (page_made (window, "library"));
  g_assert_cmpstr (helder_window_get_page (window), ==, "channels");
  g_assert_true (helder_page_get_service (library) ==
                 helder_application_get_service (test_app, HELDER_TYPE_LIBRARY_SERVICE));
  g_assert_null (helder_window_ensure_page (window, "no-such-page"));
}

/* The shortcuts window is made when first asked for, with its key. */
static void
test_shortcuts_window (void)
{
  HelderWindow *window = helder_test_open_window ("shortcuts.db");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "win.show-help-overlay");
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  helder_test_iterate (100);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
}

/* What a GL context of the display says, the slow way Helder no longer
 * takes. */
static gboolean
gl_context_says_software (GdkDisplay *display)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer", "SWR" };
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  const char *renderer;
  gboolean result = FALSE;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  g_test_message ("GL renderer: %s", renderer);
  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (software); i++)
    result |= strstr (renderer, software[i]) != NULL;
  gdk_gl_context_clear_current ();
  return result;
}

static void
check_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (!gdk_display_prepare_gl (display, NULL))
    {
      g_test_skip ("No OpenGL on this display");
      return;
    }
  g_assert_cmpint (helder_gl_is_software (display), ==, gl_context_says_software (display));
}

/* GTK's default on X11 (GLX here) */
static void
test_renderer_default (void)
{
  check_renderer ();
}

/* The same through EGL, in a process of its own started with
 * GDK_DEBUG=gl-egl. */
static void
test_renderer_egl (void)
{
  if (g_test_subprocess ())
    {
#ifdef GDK_WINDOWING_X11
      GdkDisplay *display = gdk_display_get_default ();

      if (GDK_IS_X11_DISPLAY (display) && gdk_display_prepare_gl (display, NULL) &&
          gdk_x11_display_get_egl_display (display) == NULL)
        {
          g_test_skip ("GDK did not use EGL");
          return;
        }
#endif
      check_renderer ();
      return;
    }
  g_setenv ("GDK_DEBUG", "gl-egl", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("GDK_DEBUG");
  g_test_trap_assert_passed ();
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* Only a render node that opens counts, not a card without one. */
static void
test_render_node (void)
{
  g_autofree char *dir = g_build_filename (test_data_dir, "dri", NULL);

  if (g_access ("/dev/nvidiactl", R_OK | W_OK) == 0)
    {
      g_test_skip ("NVIDIA's device is here: every folder counts as hardware");
      return;
    }
  g_assert_false (helder_gl_has_render_node (dir));
  g_mkdir_with_parents (dir, 0700);
  g_assert_false (helder_gl_has_render_node (dir));
  touch (dir, "card0");
  g_assert_false (helder_gl_has_render_node (dir));
  touch (dir, "renderD128");
  g_assert_true (helder_gl_has_render_node (dir));
}

/* Before the display: cairo and no OpenGL where it can only be
 * software, GDK_DEBUG kept; GSK_RENDERER decides when set. */
static void
test_prepare_renderer (void)
{
  gboolean software = !helder_gl_has_render_node ("/dev/dri");

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "portals", TRUE);
  g_assert_cmpint (helder_prepare_renderer (), ==, software);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, software ? "cairo" : NULL);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, software ? "portals:gl-disable" : "portals");

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_unsetenv ("GDK_DEBUG");
  g_assert_false (helder_prepare_renderer ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

/* On the user's own data Helder is one application (a second start
 * shows its window; a notification's click reaches it by its name); a
 * data folder of its own is another Helder beside it, and so are the
 * tests' and benchmarks' applications. */
static void
test_unique_on_own_data (void)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HelderApplication) app = helder_application_new ();
      g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
      int handled = 0;

      g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_NON_UNIQUE);
      if (i == 1)
        g_variant_dict_insert (options, "data-dir", "^ay", "/tmp/elsewhere");
      else if (i == 2)
        g_variant_dict_insert (options, "quit-after-first-frame", "b", TRUE);
      g_signal_emit_by_name (app, "handle-local-options", options, &handled);
      g_assert_cmpint (handled, ==, -1);
      g_assert_cmpint (!!(g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_NON_UNIQUE), ==, i != 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *server_dir = NULL;
  g_autoptr(GError) error = NULL;
  int skip, status;

  /* No session bus: the keyring answers at once that it is not there. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  /* One real server for the start-up test, in the parent only (each test
   * runs in a process of its own, which finds it through the
   * environment) */
  if (g_getenv ("HELDER_TEST_STARTUP_URL") == NULL)
    {
      g_autoptr(HelderStore) store = NULL;
      g_autoptr(HelderSyncClient) client = NULL;
      g_autofree char *store_path = NULL;

      server_dir = g_dir_make_tmp ("helder-gui-startup-XXXXXX", &error);
      g_assert_no_error (error);
      test_admin (server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
      test_admin (server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
                  "--password-stdin", "sanne", NULL);
      server = test_server_start (server_dir, &server_url);
      store_path = g_build_filename (server_dir, "login.db", NULL);
      store = helder_store_open (store_path, &error);
      g_assert_no_error (error);
      client = helder_sync_client_new (store, server_url);
      token = test_client_login_token (client, "sanne", "geheim-wachtwoord");
      g_setenv ("HELDER_TEST_STARTUP_URL", server_url, TRUE);
      g_setenv ("HELDER_TEST_STARTUP_TOKEN", token, TRUE);
    }
  else
    {
      server_url = g_strdup (g_getenv ("HELDER_TEST_STARTUP_URL"));
      token = g_strdup (g_getenv ("HELDER_TEST_STARTUP_TOKEN"));
    }

  helder_test_add_isolated ("/startup/sync-after-first-frame", test_sync_after_first_frame);
  g_test_add_func ("/startup/unique-on-own-data", test_unique_on_own_data);
  helder_test_add_isolated ("/startup/analyzer-when-editor-opens", test_analyzer_when_editor_opens);
  helder_test_add_isolated ("/startup/pages-made-when-shown", test_pages_made_when_shown);
  helder_test_add_isolated ("/startup/shortcuts-window", test_shortcuts_window);
  helder_test_add_isolated ("/startup/renderer/default", test_renderer_default);
  g_test_add_func ("/startup/renderer/egl", test_renderer_egl);
  helder_test_add_isolated ("/startup/renderer/render-node", test_render_node);
  helder_test_add_isolated ("/startup/renderer/prepare", test_prepare_renderer);
  status = helder_test_app_main (&argc, &argv);

  if (server != NULL)
    {
      g_subprocess_send_signal (server, SIGKILL);
      g_subprocess_wait (server, NULL, NULL);
      g_clear_object (&server);
      test_remove_tree (server_dir);
    }
  g_free (server_url);
  g_free (token);
  return status;
}
