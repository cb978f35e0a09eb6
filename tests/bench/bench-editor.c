/* bench-editor.c: typing into a 20,000-word document in the real editor
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the app's window under a display (xvfb-run), opens a 20,000-word
 * municipal text in Schrijven and prints:
 *   - the time from opening it to all its marks being shown;
 *   - the main loop's work while typing 300 keys at 20 keys a second into
 *     a paragraph in the middle (after the view has moved there and laid
 *     it out): each dispatch of the main loop is timed (median, p99,
 *     longest), which bounds the work per keystroke and per frame,
 *     including applying the marks of each new analysis;
 *   - the process's peak memory.
 * Then it runs itself again with --bare: a plain GtkTextView in a plain
 * window, the same text and the same typing, as the yardstick for what
 * the renderer itself costs on this machine.  Both make Helder's choice
 * of renderer, as main() does (cairo without loading OpenGL where it can
 * only be software), unless GSK_RENDERER is set (editor-gl).
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "gui-test-util.h"
#include "helder-application.h"
#include "helder-window.h"
#include "editor/helder-document-editor.h"
#include "helder-renderer.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static char *
make_text (guint n_words)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/nl/hltsamen/Helder/core/example-data.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GString *text = g_string_new (NULL);
  JsonArray *records;
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  guint words = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *data = json_object_get_object_member (json_array_get_object_element (records, i), "data");
      const char *body = json_object_get_string_member_with_default (data, "body", NULL);
      g_auto(GStrv) parts = NULL;

      if (body == NULL)
        continue;
      parts = g_strsplit (body, "\n\n", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        if (strlen (parts[k]) > 60)
          g_ptr_array_add (paragraphs, g_strdup (parts[k]));
    }
  for (guint i = 0; words < n_words; i++)
    {
      const char *p = g_ptr_array_index (paragraphs, i % paragraphs->len);
      g_auto(GStrv) w = g_strsplit (p, " ", -1);

      g_string_append_printf (text, "%s Ronde %u.\n\n", p, i);
      words += g_strv_length (w) + 2;
    }
  g_ptr_array_unref (paragraphs);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *id)
{
  GtkWidget *w = helder_test_find_by_id (root, id);

  g_assert_nonnull (w);
  return w;
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
analyzer_ready (gpointer data)
{
  return helder_application_get_analyzer (data) != NULL;
}

static gboolean
has_marks (gpointer data)
{
  return helder_document_editor_get_analysis (data) != NULL;
}

/* Types 300 keys at 20 a second at the cursor, timing every dispatch. */
static void
type_keys (GtkTextBuffer *buffer,
           GArray        *dispatches)
{
  const char *typed = "We vervangen in maart de buizen in uw straat. ";

  for (guint key = 0; key < 300; key++)
    {
      gint64 until = g_get_monotonic_time () + 50 * 1000;
      char c[2] = { typed[key % strlen (typed)], 0 };
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_text_buffer_insert_at_cursor (buffer, c, 1);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (dispatches, ms);
      while (g_get_monotonic_time () < until)
        {
          gint64 a = g_get_monotonic_time ();

          if (g_main_context_iteration (NULL, FALSE))
            {
              ms = (g_get_monotonic_time () - a) / 1000.0;
              g_array_append_val (dispatches, ms);
            }
          else
            g_usleep (500);
        }
    }
  g_array_sort (dispatches, compare_doubles);
}

static void
print_dispatches (const char *what,
                  GArray     *dispatches)
{
  g_print ("%s: main-loop work per dispatch median %.2f ms, p99 %.2f ms, longest %.1f ms",
           what,
           g_array_index (dispatches, double, dispatches->len / 2),
           g_array_index (dispatches, double, (guint) (dispatches->len * 0.99)),
           g_array_index (dispatches, double, dispatches->len - 1));
}

static void
move_to_middle (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter middle;

  gtk_text_buffer_get_iter_at_offset (buffer, &middle, gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_buffer_place_cursor (buffer, &middle);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
  /* Moving there lays out half the text once; that is not typing. */
  helder_test_iterate (1500);
}

static int
run_bare (void)
{
  g_autofree char *text = make_text (20000);
  g_autoptr(GArray) dispatches = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  struct rusage usage;

  /* The renderer the app would use */
  helder_choose_renderer (gdk_display_get_default ());
  window = gtk_window_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  helder_test_wait_for (window_mapped, window);
  helder_test_iterate (500);
  move_to_middle (GTK_TEXT_VIEW (view));
  type_keys (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), dispatches);
  getrusage (RUSAGE_SELF, &usage);

  print_dispatches ("yardstick, a bare GtkTextView in a bare window with the same text and typing", dispatches);
  g_print ("; peak memory %.0f MB (%s)\n", usage.ru_maxrss / 1024.0,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HelderApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(GArray) dispatches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = make_text (20000);
  const char *argv0;
  HelderWindow *window;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  gint64 start, opened;
  struct rusage usage;
  int skip;

  argv0 = argv[0];
  /* As main() does, before GTK opens the display */
  helder_prepare_renderer ();
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;
  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare ();

  dir = g_dir_make_tmp ("bench-editor-XXXXXX", NULL);
  path = g_build_filename (dir, "helder.db", NULL);
  app = helder_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  helder_application_open_store (app, path, NULL);
  g_object_set (document, "title", "Lange tekst", "body", text, "target-level", 2, NULL);
  helder_store_save (helder_application_get_store (app), document, NULL);

  g_application_activate (G_APPLICATION (app));
  window = HELDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  helder_test_wait_for (window_mapped, window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "write");
  helder_test_iterate (200);
  helder_test_wait_for (analyzer_ready, app);

  /* Open it: time to the first analysis shown as marks */
  editor = find (GTK_WIDGET (window), "document_editor");
  start = g_get_monotonic_time ();
  helder_test_activate_item (find (GTK_WIDGET (window), "documents_list"), 0);
  helder_test_wait_for (has_marks, editor);
  opened = g_get_monotonic_time ();

  /* Type into the middle, 20 keys a second, timing every dispatch */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (GTK_WIDGET (window), "text_view")));
  move_to_middle (GTK_TEXT_VIEW (find (GTK_WIDGET (window), "text_view")));
  type_keys (buffer, dispatches);
  helder_test_iterate (1500);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("renderer: %s (Helder picks cairo where OpenGL is software, as under Xvfb; GSK_RENDERER=gl forces OpenGL)\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("20,000-word document opened: all marks shown after %.0f ms (goal: at most 300)\n",
           (opened - start) / 1000.0);
  print_dispatches ("typing 300 keys", dispatches);
  g_print (" (goals: 2, 8, 16)\n");
  g_print ("peak memory of the app with the document open: %.0f MB (goal: at most 130)\n",
           usage.ru_maxrss / 1024.0);

  gtk_window_close (GTK_WINDOW (window));
  helder_test_iterate (200);

  /* The yardstick, in a process of its own for its own peak memory */
  {
    const char *bare_argv[] = { argv0, "--bare", NULL };
    g_autofree char *out = NULL;

    if (g_spawn_sync (NULL, (char **) bare_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error))
      g_print ("%s", out);
    else
      g_print ("yardstick: %s\n", error->message);
  }
  return 0;
}
