/* bench-reading-webkit.c: the same documents as the native reading view, in a WebKitWebView
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other way issue 15 allows: cmark-gfm's HTML renderer (the same
 * parser and extensions as the native view's blocks) into a WebKitGTK 6.0
 * web view.  Each open is timed from the Markdown to the first frame the
 * window paints after the page has been laid out and painted: the HTML is
 * rendered, loaded (load-changed FINISHED, which waits for the image),
 * then a script forces the layout (reading the page's height) and waits
 * two animation frames in the web process (so its frame with the page is
 * out), and the timer stops at the window's next after-paint.  The first
 * open creates the first web view, so it includes starting WebKit's web
 * and network processes (cold); the rest reuse the view (warm).  Memory:
 * the peak resident set (VmHWM) of this process and of every process it
 * started (WebKit's), read just before the view goes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <webkit/webkit.h>

#include "gui-test-util.h"
#include "library/helder-library-markdown.h"
#include "bench-reading-webkit.h"

static const char style[] =
  "body{font:11pt Cantarell,'Noto Sans',sans-serif;line-height:1.5;max-width:46em;margin:1em auto;padding:0 1em}"
  "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em}"
  "img{max-width:100%}a{color:#1c71d8}";

/* Forces the layout, then waits for the web process's next two frames */
static const char layout_script[] =
  "const height = document.documentElement.getBoundingClientRect().height;"
  "await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));"
  "const image = document.images[0];"
  "return JSON.stringify({height: Math.round(height), images: document.images.length,"
  "                       imageWidth: image ? image.naturalWidth : 0});";

typedef struct
{
  gint64   start;
  gint64   html;       /* the HTML made and handed to the view */
  gint64   loaded;     /* load-changed FINISHED */
  gint64   laid_out;   /* the script's answer */
  gint64   painted;    /* the window's next frame */
  char    *answer;
  GError  *error;
  gulong   paint_handler;
  GtkWidget *view;
} Open;

static void
after_paint (GdkFrameClock *clock,
             Open          *open)
{
  if (open->laid_out != 0 && open->painted == 0)
    open->painted = g_get_monotonic_time ();
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Open *open = data;
  g_autoptr(JSCValue) value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source),
                                                                                     result, &open->error);

  open->laid_out = g_get_monotonic_time ();
  if (value != NULL)
    open->answer = jsc_value_to_string (value);
  gtk_widget_queue_draw (open->view);
}

static void
on_load_changed (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 Open            *open)
{
  if (event != WEBKIT_LOAD_FINISHED || open->loaded != 0)
    return;
  open->loaded = g_get_monotonic_time ();
  webkit_web_view_call_async_javascript_function (view, layout_script, -1, NULL, NULL, NULL, NULL,
                                                  on_laid_out, open);
}

static gboolean
done (gpointer data)
{
  Open *open = data;

  return open->painted != 0 || open->error != NULL;
}

static void
open_one (GtkWidget  *window,
          GtkWidget **view,
          const char *markdown,
          const char *base_uri,
          Open       *open)
{
  g_autofree char *fragment = NULL;
  g_autofree char *page = NULL;
  gulong load_handler;
  gboolean finished = FALSE;

  open->start = g_get_monotonic_time ();
  if (*view == NULL)
    {
      *view = webkit_web_view_new ();
      gtk_window_set_child (GTK_WINDOW (window), *view);
    }
  open->view = *view;
  fragment = helder_markdown_to_html (markdown, -1);
  page = g_strconcat ("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><style>", style,
                      "</style></head><body>", fragment, "</body></html>", NULL);
  load_handler = g_signal_connect (*view, "load-changed", G_CALLBACK (on_load_changed), open);
  open->paint_handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                          G_CALLBACK (after_paint), open);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (*view), page, base_uri);
  open->html = g_get_monotonic_time ();
  /* A cold start on a loaded machine may take more than one wait */
  for (guint i = 0; i < 6 && !finished; i++)
    finished = helder_test_wait_for (done, open);
  g_signal_handler_disconnect (*view, load_handler);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), open->paint_handler);
  if (!finished)
    g_error ("WebKit did not paint the document within 60 s");
  if (open->error != NULL)
    g_error ("the layout script failed: %s", open->error->message);
}

/* The processes this one started (WebKit's web and network processes, and
 * any sandbox launcher between), children first found */
static GArray *
descendants (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  int self = getpid ();
  gboolean grew = TRUE;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      int pid = atoi (name);
      g_autofree char *path = NULL;
      g_autofree char *status = NULL;
      const char *line;

      if (pid <= 0)
        continue;
      path = g_strdup_printf ("/proc/%d/status", pid);
      if (g_file_get_contents (path, &status, NULL, NULL) && (line = strstr (status, "\nPPid:")) != NULL)
        g_hash_table_insert (parents, GINT_TO_POINTER (pid), GINT_TO_POINTER (atoi (line + 6)));
    }
  /* Grow the set until no process has its parent in it */
  while (grew)
    {
      GHashTableIter iter;
      gpointer pid, parent;

      grew = FALSE;
      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, &pid, &parent))
        {
          gboolean ours = GPOINTER_TO_INT (parent) == self;

          for (guint i = 0; i < pids->len && !ours; i++)
            ours = g_array_index (pids, int, i) == GPOINTER_TO_INT (parent);
          if (ours)
            {
              int p = GPOINTER_TO_INT (pid);

              g_array_append_val (pids, p);
              g_hash_table_iter_remove (&iter);
              grew = TRUE;
            }
        }
    }
  return pids;
}

static char *
process_name (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", pid);
  char *comm = NULL;

  if (!g_file_get_contents (path, &comm, NULL, NULL))
    return g_strdup ("?");
  return g_strstrip (comm);
}

static double
ms (gint64 from,
    gint64 to)
{
  return (to - from) / 1000.0;
}

void
bench_webkit_run (const char * const *documents,
                  guint               n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-bench-webkit-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *base_uri = NULL;
  g_autoptr(GdkTexture) image = bench_make_image ();
  g_autoptr(GArray) children = NULL;
  g_autofree double *warm = g_new (double, n);
  g_autofree double *warm_html = g_new (double, n);
  g_autofree double *warm_loaded = g_new (double, n);
  g_autofree double *warm_laid_out = g_new (double, n);
  GtkWidget *window, *view = NULL;
  Open cold = { 0 };
  long app_before, app_peak, app_resident, web_peak = 0, web_resident = 0;
  const char *policy;

  g_assert_no_error (error);
  png = g_build_filename (dir, BENCH_IMAGE, NULL);
  g_assert_true (gdk_texture_save_to_png (image, png));
  base_uri = g_strconcat ("file://", dir, "/", NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new (""));
  gtk_window_present (GTK_WINDOW (window));
  helder_test_iterate (300);
  app_before = bench_status_kib (0, "VmRSS");

  open_one (window, &view, documents[0], base_uri, &cold);
  for (guint i = 1; i < n; i++)
    {
      Open open = { 0 };

      open_one (window, &view, documents[i], base_uri, &open);
      warm[i - 1] = ms (open.start, open.painted);
      warm_html[i - 1] = ms (open.start, open.html);
      warm_loaded[i - 1] = ms (open.start, open.loaded);
      warm_laid_out[i - 1] = ms (open.start, open.laid_out);
      g_free (open.answer);
    }
  helder_test_iterate (500);
  /* The page is what the native view shows: its images loaded, every table */
  g_assert_nonnull (strstr (cold.answer, "\"imageWidth\":640"));

  app_peak = bench_status_kib (0, "VmHWM");
  app_resident = bench_status_kib (0, "VmRSS");
  children = descendants ();
  switch (webkit_settings_get_hardware_acceleration_policy (webkit_web_view_get_settings (WEBKIT_WEB_VIEW (view))))
    {
    case WEBKIT_HARDWARE_ACCELERATION_POLICY_ALWAYS: policy = "always"; break;
    case WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER: policy = "never"; break;
    default: policy = "?"; break;
    }

  g_print ("WebKitGTK %u.%u.%u (WebKitWebView, cmark-gfm's HTML; hardware acceleration policy: %s):\n",
           webkit_get_major_version (), webkit_get_minor_version (), webkit_get_micro_version (), policy);
  g_print ("  the first page: %s\n", cold.answer);
  g_print ("  open to the painted, laid-out page, cold (the first web view, WebKit's processes started): %.1f ms\n"
           "    (HTML made and handed over %.1f ms, loaded %.1f ms, laid out and its frame out %.1f ms)\n",
           ms (cold.start, cold.painted), ms (cold.start, cold.html), ms (cold.start, cold.loaded),
           ms (cold.start, cold.laid_out));
  qsort (warm, n - 1, sizeof warm[0], bench_compare_doubles);
  qsort (warm_html, n - 1, sizeof warm[0], bench_compare_doubles);
  qsort (warm_loaded, n - 1, sizeof warm[0], bench_compare_doubles);
  qsort (warm_laid_out, n - 1, sizeof warm[0], bench_compare_doubles);
  g_print ("  open to the painted, laid-out page, warm: median of %u %.1f ms (min %.1f, max %.1f; target <= 100 ms)\n"
           "    (medians: HTML made and handed over %.1f ms, loaded %.1f ms, laid out and its frame out %.1f ms)\n",
           n - 1, warm[(n - 1) / 2], warm[0], warm[n - 2], warm_html[(n - 1) / 2], warm_loaded[(n - 1) / 2],
           warm_laid_out[(n - 1) / 2]);
  g_print ("  memory: this process %.1f MiB resident after (%.1f MiB before the web view), peak %.1f MiB\n",
           app_resident / 1024.0, app_before / 1024.0, app_peak / 1024.0);
  for (guint i = 0; i < children->len; i++)
    {
      int pid = g_array_index (children, int, i);
      g_autofree char *name = process_name (pid);
      long peak = bench_status_kib (pid, "VmHWM"), resident = bench_status_kib (pid, "VmRSS");

      g_print ("    %s (%d): peak %.1f MiB, resident %.1f MiB\n", name, pid, peak / 1024.0, resident / 1024.0);
      web_peak += peak;
      web_resident += resident;
    }
  g_print ("  memory of WebKit's %u processes: peaks added %.1f MiB, resident %.1f MiB; with this process %.1f MiB "
           "(sum of peaks)\n", children->len, web_peak / 1024.0, web_resident / 1024.0, (web_peak + app_peak) / 1024.0);
  g_free (cold.answer);
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (png);
  g_rmdir (dir);
}
