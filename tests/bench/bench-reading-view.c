/* bench-reading-view.c: a 10,000-word toolkit document opened in the native reading view
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under a display (xvfb-run): builds a realistic Markdown document of
 * 10,000 words from the example data's texts (headings, paragraphs with
 * emphasis and links, bullet and numbered lists, a table every 40
 * paragraphs), opens it in a HelderMarkdownView in a window and prints
 *   - the time from setting the Markdown to the first frame drawn with
 *     it (parse, the first screens into the buffer, layout of what shows,
 *     paint), the first open and the median of 10 more;
 *   - the time until the whole document is in the buffer (the view renders
 *     the rest in slices of a few milliseconds after the first frame);
 *   - the memory the open document adds (resident set, after the first
 *     open and after all of them).
 * The figure: at most 100 ms.  WebKitGTK 6.0 is not installed on
 * this machine, so it is not measured here.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gui-test-util.h"
#include "helder-renderer.h"
#include "library/helder-markdown-view.h"

#define WORDS 10000
#define RUNS  10

static char *
make_markdown (guint n_words)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/nl/hltsamen/Helder/core/example-data.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  JsonArray *records;
  guint words = 0, n = 0;

  g_assert_nonnull (bytes);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), NULL));
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *data = json_object_get_object_member (json_array_get_object_element (records, i), "data");
      const char *body = data != NULL ? json_object_get_string_member_with_default (data, "body", NULL) : NULL;
      g_auto(GStrv) parts = NULL;

      if (body == NULL)
        continue;
      parts = g_strsplit (body, "\n", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        if (strlen (g_strstrip (parts[k])) > 40 && parts[k][0] != '#' && parts[k][0] != '|')
          g_ptr_array_add (paragraphs, g_strdup (parts[k]));
    }
  g_assert_cmpuint (paragraphs->len, >, 0);

  g_string_append (text, "# Communicatie bij werkzaamheden in de wijk\n\n");
  while (words < n_words)
    {
      const char *paragraph = paragraphs->pdata[n % paragraphs->len];
      g_auto(GStrv) tokens = g_strsplit (paragraph, " ", -1);

      if (n % 8 == 0)
        g_string_append_printf (text, "## Stap %u: wie, wat en wanneer\n\n", n / 8 + 1);
      if (n % 5 == 1)
        g_string_append_printf (text, "Lees ook [de schrijfwijzer](https://www.hillegom.nl/schrijfwijzer) en "
                                      "houd het **kort**. %s\n\n", paragraph);
      else if (n % 5 == 3)
        g_string_append_printf (text, "- %s\n- *Bewoners* eerst informeren\n- Daarna de pers\n\n", paragraph);
      else if (n % 40 == 20)
        g_string_append_printf (text, "%s\n\n| Kanaal | Bereik | Snelheid |\n|---|---:|---|\n"
                                      "| Nieuwsbrief | 4.200 | dagen |\n| Webcare | 1.100 | uren |\n"
                                      "| Bewonersbrief | 2.300 | week |\n\n", paragraph);
      else
        g_string_append_printf (text, "%s\n\n", paragraph);
      words += g_strv_length (tokens) + (n % 5 == 1 ? 8 : n % 5 == 3 ? 6 : 0);
      n++;
    }
  return g_string_free (text, FALSE);
}

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return strtol (line + 6, NULL, 10);
}

typedef struct
{
  gint64   start;
  gint64   painted;
} Frame;

static double set_ms[RUNS + 1];
static double complete_ms[RUNS + 1];
static guint  n_set;

static gboolean
complete (gpointer data)
{
  return helder_markdown_view_get_complete (data);
}

static void
after_paint (GdkFrameClock *clock,
             Frame         *frame)
{
  if (frame->painted == 0)
    frame->painted = g_get_monotonic_time ();
}

static gboolean
painted (gpointer data)
{
  return ((Frame *) data)->painted != 0;
}

static double
open_once (GtkWidget          *window,
           HelderMarkdownView *view,
           const char         *markdown)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { 0 };
  gulong handler;

  helder_markdown_view_set_markdown (view, "");
  helder_test_iterate (100);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &frame);
  frame.start = g_get_monotonic_time ();
  helder_markdown_view_set_markdown (view, markdown);
  set_ms[n_set++] = (g_get_monotonic_time () - frame.start) / 1000.0;
  gtk_widget_queue_draw (GTK_WIDGET (view));
  g_assert_true (helder_test_wait_for (painted, &frame));
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (helder_test_wait_for (complete, view));
  complete_ms[n_set - 1] = (g_get_monotonic_time () - frame.start) / 1000.0;
  return (frame.painted - frame.start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *markdown = NULL;
  GtkWidget *window, *scrolled;
  HelderMarkdownView *view;
  double first, times[RUNS], parse_ms;
  long before, after_first, after_all;
  guint words;
  g_auto(GStrv) tokens = NULL;
  g_autofree char *plain = NULL;

  /* As main() does: cairo where OpenGL is only software (Xvfb) */
  helder_prepare_renderer ();
  gtk_init ();
  adw_init ();
  helder_choose_renderer (gdk_display_get_default ());
  markdown = make_markdown (WORDS);
  plain = helder_markdown_to_text (markdown, -1);
  {
    gint64 start = g_get_monotonic_time ();
    HelderMarkdownDocument *document = helder_markdown_parse (markdown, -1);

    parse_ms = (g_get_monotonic_time () - start) / 1000.0;
    helder_markdown_document_free (document);
  }
  tokens = g_strsplit_set (plain, " \n\t", -1);
  words = 0;
  for (guint i = 0; tokens[i] != NULL; i++)
    words += *tokens[i] != '\0';

  window = gtk_window_new ();
  scrolled = gtk_scrolled_window_new ();
  view = HELDER_MARKDOWN_VIEW (helder_markdown_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, view));
  helder_test_iterate (300);

  before = resident_kib ();
  first = open_once (window, view, markdown);
  helder_test_iterate (500);
  after_first = resident_kib ();
  for (guint i = 0; i < RUNS; i++)
    times[i] = open_once (window, view, markdown);
  helder_test_iterate (500);
  after_all = resident_kib ();
  qsort (times, RUNS, sizeof times[0], compare_doubles);

  g_print ("document: %u words, %zu bytes of Markdown, %u tables\n", words, strlen (markdown),
           helder_markdown_view_get_tables (view)->len);
  g_print ("open to first frame, first time: %.1f ms\n", first);
  g_print ("open to first frame, median of %d: %.1f ms (max %.1f ms; target <= 100 ms)\n",
           RUNS, times[RUNS / 2], times[RUNS - 1]);
  g_print ("the whole document in the buffer (the rest renders after the first frame): first %.1f ms, then %.1f ms\n",
           complete_ms[0], complete_ms[1]);
  g_print ("before the first frame, parsing and filling the first screens: first %.1f ms, then %.1f ms\n", set_ms[0], set_ms[1]);
  g_print ("of which parsing alone (cmark-gfm and the core's blocks): %.1f ms\n", parse_ms);
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("memory added by the open document: %ld KiB (after %d more opens: %ld KiB)\n",
           after_first - before, RUNS, after_all - before);
  g_print ("WebKitGTK 6.0: not installed here, not measured\n");
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
