/* test-recovery.c: a damaged store in a real window, in Dutch: the error
 * page with its choices, both of them restoring, and the read-only banner
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "gui-test-app.h"
#include "store/helder-store-sync.h"
#include "test-util.h"

/* One real helder-server for the run, with the advisor sanne; the
 * application logs in to it as Helder does. */
static GSubprocess *server;
static char *server_dir;
static char *server_url;
static char *token;
static char *run_dir;      /* the server's data and the login, beside the app's */

static HelderWindow *
show_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (test_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (test_app));
  g_assert_true (HELDER_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1100, 720);
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));
  helder_test_iterate (200);
  return HELDER_WINDOW (window);
}

#define find helder_test_find

static const char *
main_page (HelderWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (window, "main_stack")));
}

/* With HELDER_TEST_SHOTS set, what @window shows goes to a PNG there. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *dir = g_getenv ("HELDER_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  if (dir == NULL || width == 0 || height == 0)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

static void
damage_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 32 + 8192);
  memset (contents + 32, 'Z', 8192);
  g_assert_true (g_file_set_contents (wal, contents, length, NULL));
}

static char *
store_path (const char *name)
{
  return g_build_filename (test_data_dir, name, NULL);
}

/* Opens the store at @path for the application (a fresh one when it is
 * not there). */
static HelderStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;

  helder_test_close_windows ();
  g_assert_true (helder_application_open_store (test_app, path, &error));
  g_assert_no_error (error);
  return helder_application_get_store (test_app);
}

/* Opens the damaged store at @path: the window shows the error page. */
static HelderWindow *
open_damaged (const char *path)
{
  helder_test_close_windows ();
  g_test_expect_message ("helder-application", G_LOG_LEVEL_WARNING, "*it was left untouched*");
  g_assert_false (helder_application_open_store (test_app, path, NULL));
  g_test_assert_expected_messages ();
  return show_window ();
}

static gboolean
synced (gpointer data)
{
  HelderSyncClient *sync = helder_application_get_sync (test_app);

  return sync != NULL && helder_sync_client_get_state (sync) == HELDER_SYNC_STATE_UP_TO_DATE &&
         helder_store_count_outbox (helder_application_get_store (test_app)) == 0;
}

static gboolean
pages_shown (gpointer data)
{
  return g_strcmp0 (main_page (data), "pages") == 0 &&
         helder_test_find_by_id (GTK_WIDGET (data), "restore_busy") != NULL &&
         !gtk_widget_get_visible (find (data, "restore_busy"));
}

/* The report of a finished restore, and the dialog closed. */
static char *
take_report (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  char *body;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, dialog));
  helder_test_iterate (200);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Uw gegevens zijn terug");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_test_message ("%s", body);
  helder_test_assert_all_dutch (GTK_WIDGET (dialog), "report");
  save_shot (GTK_WIDGET (dialog), strstr (body, "van de server") ? "report-server" : "report-copy");
  gtk_window_close (dialog);
  helder_test_iterate (50);
  return body;
}

/* The same damage, twice: for the page in Dutch, then each choice. */
static GPtrArray *synced_ids;
static char *unsynced_id;
static guint held;      /* rows of the store when it crashed */

static char *
make_damaged_synced_store (const char *name)
{
  g_autofree char *path = store_path (name);
  HelderStore *store = open_store (path);
  g_autoptr(HelderRecord) unsynced = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autofree char *damaged = NULL;

  helder_application_connect (test_app, server_url, "sanne", "advisor", token);
  g_clear_pointer (&synced_ids, g_ptr_array_unref);
  synced_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(HelderRecord) p = helder_record_new (HELDER_TYPE_PRIORITY);
      g_autofree char *title = g_strdup_printf ("Prioriteit %u", i);

      g_object_set (p, "title", title, "rank", i + 1, NULL);
      g_assert_true (helder_store_save (store, p, NULL));
      g_ptr_array_add (synced_ids, g_strdup (helder_record_get_id (p)));
    }
  helder_sync_client_sync_now (helder_application_get_sync (test_app));
  g_assert_true (helder_test_wait_for (synced, NULL));

  /* Saved after the last sync, offline: only in this store */
  helder_sync_client_stop (helder_application_get_sync (test_app));
  g_object_set (unsynced, "title", "Nog niet op de server", "rank", 11, NULL);
  g_assert_true (helder_store_save (store, unsynced, NULL));
  g_free (unsynced_id);
  unsynced_id = g_strdup (helder_record_get_id (unsynced));

  held = helder_store_count_rows (store);
  damaged = g_strconcat (path, ".crashed", NULL);
  test_copy_store_files (path, damaged);
  damage_log (damaged);
  return g_steal_pointer (&damaged);
}

static void
test_choices_in_dutch (void)
{
  g_autofree char *damaged = make_damaged_synced_store ("dutch.db");
  HelderWindow *window = open_damaged (damaged);
  const char *description;

  g_assert_cmpstr (main_page (window), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find (window, "error_page"))), ==,
                   "Uw gegevens zijn beschadigd");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (find (window, "error_page")));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "11 items, waarvan 1 wijziging die nog niet op de server stond"));
  g_assert_nonnull (strstr (description, "bevat nu 0 items"));
  g_assert_true (gtk_widget_get_mapped (find (window, "restore_choices")));
  g_assert_true (gtk_widget_is_sensitive (find (window, "restore_server_button")));
  g_assert_true (gtk_widget_is_sensitive (find (window, "restore_copy_button")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (window, "restore_server_row"))), ==,
                   "Herstellen vanaf de server");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (window, "restore_server_row"))),
                            "blijft alleen in de bewaarde kopie"));
  helder_test_assert_all_dutch (GTK_WIDGET (window), "error page");
  save_shot (GTK_WIDGET (window), "error-page");
}

static void
test_restore_from_server (void)
{
  g_autofree char *damaged = make_damaged_synced_store ("server.db");
  HelderWindow *window = open_damaged (damaged);
  g_autofree char *report = NULL;
  HelderStore *store;

  g_signal_emit_by_name (find (window, "restore_server_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (find (window, "restore_busy")));
  g_assert_true (helder_test_wait_for (pages_shown, window));
  helder_test_iterate (100);

  report = take_report ();
  g_assert_nonnull (strstr (report, "items van de server gehaald"));
  g_assert_nonnull (strstr (report, "1 wijziging die nog niet op de server stond, staat alleen in de "
                                    "bewaarde kopie"));
  g_assert_nonnull (strstr (report, ".crashed.damaged-"));

  store = helder_application_get_store (test_app);
  g_assert_cmpstr (helder_store_get_path (store), ==, damaged);
  for (guint i = 0; i < synced_ids->len; i++)
    {
      g_autoptr(HelderRecord) back = helder_store_load (store, HELDER_TYPE_PRIORITY, synced_ids->pdata[i], NULL);

      g_assert_nonnull (back);
    }
  g_assert_null (helder_store_load (store, HELDER_TYPE_PRIORITY, unsynced_id, NULL));
  /* Logged in still: it syncs on. */
  g_assert_nonnull (helder_application_get_sync (test_app));
  save_shot (GTK_WIDGET (window), "restored");
}

static void
test_restore_from_copy (void)
{
  g_autofree char *damaged = make_damaged_synced_store ("copy.db");
  HelderWindow *window = open_damaged (damaged);
  g_autofree char *report = NULL;
  g_autoptr(HelderRecord) back = NULL;
  g_autofree char *expected = g_strdup_printf ("%u items zijn teruggekomen uit de beschadigde bestanden, "
                                               "van de %u die uw gegevens bevatten", held, held);
  HelderStore *store;

  g_signal_emit_by_name (find (window, "restore_copy_button"), "clicked");
  g_assert_true (helder_test_wait_for (pages_shown, window));
  helder_test_iterate (100);

  report = take_report ();
  g_assert_nonnull (strstr (report, expected));
  g_assert_nonnull (strstr (report, "1 wijziging die nog niet op de server stond, is ook terug"));

  store = helder_application_get_store (test_app);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_PRIORITY), ==, held);
  /* The change that came back goes to the server as the report says. */
  g_assert_true (helder_test_wait_for (synced, NULL));
  back = helder_store_load (store, HELDER_TYPE_PRIORITY, unsynced_id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (helder_record_get_text (back, "title"), ==, "Nog niet op de server");
  g_assert_cmpint (helder_record_get_version (back), >, 0);
}

static gboolean
restore_failed (gpointer data)
{
  return gtk_widget_get_visible (find (data, "restore_busy")) &&
         !gtk_widget_get_visible (find (data, "restore_spinner"));
}

/* The server does not answer: the page says so, the damaged files stay as
 * they were (nothing half-restored is left), and the other choice works. */
static void
test_server_unreachable (void)
{
  g_autofree char *damaged = make_damaged_synced_store ("unreachable.db");
  g_autofree char *restoring = g_strconcat (damaged, ".restoring", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  HelderWindow *window;
  const char *status;
  gsize before_length, after_length;

  g_subprocess_send_signal (server, SIGKILL);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);

  window = open_damaged (damaged);
  g_assert_true (g_file_get_contents (damaged, &before, &before_length, NULL));
  g_signal_emit_by_name (find (window, "restore_server_button"), "clicked");
  g_assert_true (helder_test_wait_for (restore_failed, window));
  status = gtk_label_get_text (GTK_LABEL (find (window, "restore_status")));
  g_test_message ("%s", status);
  g_assert_true (g_str_has_prefix (status, "Uw gegevens konden niet worden hersteld: "));
  g_assert_cmpstr (main_page (window), ==, "error");
  g_assert_true (gtk_widget_is_sensitive (find (window, "restore_choices")));
  g_assert_false (g_file_test (restoring, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (damaged, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  helder_test_iterate (300);
  save_shot (GTK_WIDGET (window), "server-unreachable");

  g_signal_emit_by_name (find (window, "restore_copy_button"), "clicked");
  g_assert_true (helder_test_wait_for (pages_shown, window));
  report = take_report ();
  g_assert_nonnull (strstr (report, "zijn teruggekomen uit de beschadigde bestanden"));
}

/* A schema page damaged so that SQLite's message holds bytes that are not
 * UTF-8: the page reads, with the same choices. */
static void
test_schema_damaged (void)
{
  g_autofree char *path = store_path ("schema.db");
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  HelderStore *store = open_store (path);
  HelderWindow *window;
  const char *description;
  gsize length;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HelderRecord) p = helder_record_new (HELDER_TYPE_PRIORITY);

      g_object_set (p, "title", "Veilig naar school", "rank", 1, NULL);
      helder_store_save (store, p, NULL);
    }
  /* Closed: the log is folded into the file. */
  open_store (store_path ("other.db"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + 21 < length; i++)
    if (memcmp (contents + i, "tableprioritypriority", 21) == 0)
      {
        memset (contents + i + 5, 0xff, 3);
        break;
      }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  window = open_damaged (path);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (find (window, "error_page")));
  g_test_message ("%s", description);
  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_nonnull (strstr (description, "schema.db is beschadigd: ‘malformed database schema ("));
  g_assert_true (gtk_widget_get_mapped (find (window, "restore_choices")));
  helder_test_assert_all_dutch (GTK_WIDGET (window), "damaged schema");
  save_shot (GTK_WIDGET (window), "schema-damaged");

  g_signal_emit_by_name (find (window, "restore_copy_button"), "clicked");
  g_assert_true (helder_test_wait_for (pages_shown, window));
  report = take_report ();
  g_assert_nonnull (strstr (report, "5 items zijn teruggekomen"));
  /* (and, logged in still, what the server has) */
  g_assert_cmpuint (helder_store_count (helder_application_get_store (test_app), HELDER_TYPE_PRIORITY), >=, 5);
}

/* A read-only data file: a banner says so, and nothing offers to make
 * what cannot be saved. */
static void
test_read_only_banner (void)
{
  g_autofree char *path = store_path ("read-only.db");
  HelderStore *store = open_store (path);
  HelderWindow *window;
  GtkWidget *page;

  {
    g_autoptr(HelderRecord) p = helder_record_new (HELDER_TYPE_PRIORITY);

    g_object_set (p, "title", "Alleen lezen", "rank", 1, NULL);
    helder_store_save (store, p, NULL);
  }
  open_store (store_path ("other.db"));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  store = open_store (path);
  g_assert_true (helder_store_is_read_only (store));
  window = show_window ();
  g_assert_cmpstr (main_page (window), ==, "pages");
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (find (window, "read_only_banner"))));
  helder_test_assert_all_dutch (find (window, "read_only_banner"), "read-only banner");
  helder_test_assert_all_dutch (GTK_WIDGET (window), "read-only window");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (test_app), "load-example-data"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "channels");
  helder_test_iterate (600);
  page = gtk_stack_get_child_by_name (GTK_STACK (find (window, "page_stack")), "channels");
  g_assert_false (gtk_widget_is_sensitive (helder_test_find_by_id (page, "new_button")));
  save_shot (GTK_WIDGET (window), "read-only");

  /* Writable again: no banner. */
  g_chmod (path, 0600);
  open_store (path);
  window = show_window ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find (window, "read_only_banner"))));
}

static void
logged_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  token = helder_sync_client_login_finish (HELDER_SYNC_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
have_token (gpointer data)
{
  return token != NULL;
}

static void
log_in (void)
{
  g_autofree char *path = g_build_filename (run_dir, "login.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = helder_store_open (path, &error);
  g_autoptr(HelderSyncClient) client = helder_sync_client_new (store, server_url);

  helder_sync_client_login_async (client, "sanne", "geheim-wachtwoord", NULL, logged_in, NULL);
  g_assert_true (helder_test_wait_for (have_token, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int skip, status;

  /* No session bus: the keyring answers at once that it is not there. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  run_dir = g_dir_make_tmp ("helder-gui-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  server_dir = g_build_filename (run_dir, "server", NULL);
  g_mkdir_with_parents (server_dir, 0700);
  test_admin (server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  test_admin (server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "sanne", NULL);
  server = test_server_start (server_dir, &server_url);
  log_in ();

  g_test_add_func ("/recovery/choices-in-dutch", test_choices_in_dutch);
  g_test_add_func ("/recovery/restore-from-server", test_restore_from_server);
  g_test_add_func ("/recovery/restore-from-copy", test_restore_from_copy);
  g_test_add_func ("/recovery/schema-damaged", test_schema_damaged);
  g_test_add_func ("/recovery/read-only-banner", test_read_only_banner);
  /* Last: it stops the server. */
  g_test_add_func ("/recovery/server-unreachable", test_server_unreachable);
  status = helder_test_app_main (&argc, &argv);

  if (server != NULL)
    {
      g_subprocess_send_signal (server, SIGKILL);
      g_subprocess_wait (server, NULL, NULL);
      g_clear_object (&server);
    }
  remove_tree (run_dir);
  return status;
}
