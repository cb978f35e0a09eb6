/* gui-test-util.c: driving a real window in the GUI tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Runs the main context until @condition holds, for at most ten seconds. */
gboolean
helder_test_wait_for (HelderTestCondition condition,
                      gpointer            data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* For helder_test_wait_for(): whether the widget @data is mapped. */
gboolean
helder_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
helder_test_iterate (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

GtkWidget *
helder_test_find_by_id (GtkWidget  *root,
                        const char *buildable_id)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (id, buildable_id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = helder_test_find_by_id (child, buildable_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
helder_test_count_rows (GtkListBox *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;
  return n;
}

/* The records a list view (a HelderRecordListView) shows. */
guint
helder_test_count_items (GtkWidget *list)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (list, "model", &model, NULL);
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static GtkWidget *
find_list_view (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activates the row at @position of the GtkListView in @list, as a
 * click or Enter does. */
void
helder_test_activate_item (GtkWidget *list,
                           guint      position)
{
  GtkWidget *view = find_list_view (list);

  g_assert_nonnull (view);
  g_signal_emit_by_name (view, "activate", position);
}

static void
run_isolated (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  if (g_test_subprocess ())
    {
      func ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/**
 * helder_test_add_isolated:
 *
 * Adds a test that runs in a process of its own, so a crash in one test
 * is reported as that test's failure and the others still run.
 */
void
helder_test_add_isolated (const char *path,
                          GTestFunc   func)
{
  g_test_add_data_func (path, (gconstpointer) func, run_isolated);
}

static gboolean
is_really_visible (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!is_really_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        g_ptr_array_add (texts, g_strdup (text));
    }
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_widget_get_tooltip_text (widget)));
  /* (a tooltip asked for when it shows keeps its text here: helder_widget_set_tooltip()) */
  if (g_object_get_data (G_OBJECT (widget), "helder-tooltip") != NULL)
    g_ptr_array_add (texts, g_strdup (g_object_get_data (G_OBJECT (widget), "helder-tooltip")));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/**
 * helder_test_visible_texts:
 *
 * Returns: (element-type utf8): the texts of every mapped label and the
 *   tooltips of every mapped widget below @root.
 */
GPtrArray *
helder_test_visible_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (root, texts);
  return texts;
}

/* A visible text that is one of our English source strings with a
 * different translation was shown untranslated. */
void
helder_test_assert_all_dutch (GtkWidget  *root,
                              const char *where)
{
  g_autoptr(GPtrArray) texts = helder_test_visible_texts (root);

  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (g_strcmp0 (translated, text) != 0)
        g_error ("%s shows English \"%s\" (Dutch: \"%s\")", where, text, translated);
      g_test_message ("%s: %s", where, text);
    }
}

/* Sets up gettext as main.c does, then GTK; returns 77 (skip) without a
 * display. */
int
helder_test_init (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("HELDER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Screen readers are tested through AT-SPI elsewhere; here no bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run (build-aux/test does)\n");
      return 77;
    }

  gtk_init ();
  adw_init ();
  return 0;
}

/* With HELDER_TEST_SHOTS set, the window as a PNG there. */
void
helder_test_save_shot (gpointer    window,
                       const char *name)
{
  const char *dir = g_getenv ("HELDER_TEST_SHOTS");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL || width == 0 || height == 0)
    return;
  helder_test_iterate (300);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* A real pointer.  GTK 4.8 has no way to put an event into its own
 * queue, so the tests ask the X server (under Xvfb) to move its pointer
 * and press its button: XTest, as xdotool does.  The events come back to
 * GTK as from a mouse and go through its picking and gestures.  libXtst
 * is loaded when first asked for (its headers need not be installed). */

typedef int (*FakeMotion) (gpointer display, int screen, int x, int y, unsigned long delay);
typedef int (*FakeButton) (gpointer display, unsigned int button, int press, unsigned long delay);
typedef int (*Flush) (gpointer display);
typedef int (*Translate) (gpointer display, unsigned long from, unsigned long to, int x, int y, int *out_x,
                          int *out_y, unsigned long *child);

static struct
{
  gboolean   tried;
  FakeMotion motion;
  FakeButton button;
  Flush      flush;
  Translate  translate;
} xtest;

static gpointer
x_display (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    return gdk_x11_display_get_xdisplay (display);
#endif
  return NULL;
}

gboolean
helder_test_pointer_available (void)
{
  if (!xtest.tried)
    {
      gpointer library = x_display () ? dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL) : NULL;

      xtest.tried = TRUE;
      if (library != NULL)
        {
          xtest.motion = (FakeMotion) dlsym (library, "XTestFakeMotionEvent");
          xtest.button = (FakeButton) dlsym (library, "XTestFakeButtonEvent");
          xtest.flush = (Flush) dlsym (RTLD_DEFAULT, "XFlush");
          xtest.translate = (Translate) dlsym (RTLD_DEFAULT, "XTranslateCoordinates");
        }
    }
  return xtest.motion != NULL && xtest.button != NULL && xtest.flush != NULL && xtest.translate != NULL;
}

/* Moves the pointer to (@x, @y) of @widget, in a few steps from where it
 * is (a drag needs motion past its threshold), and lets GTK see it. */
gboolean
helder_test_pointer_move (GtkWidget *widget,
                          double     x,
                          double     y)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  unsigned long child;
  gpointer display = x_display ();

  if (!helder_test_pointer_available () || surface == NULL || !GDK_IS_X11_SURFACE (surface) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  gtk_native_get_surface_transform (native, &dx, &dy);
  xtest.translate (display, gdk_x11_surface_get_xid (surface),
                   gdk_x11_display_get_xrootwindow (gdk_display_get_default ()),
                   (int) (point.x + dx), (int) (point.y + dy), &root_x, &root_y, &child);
  xtest.motion (display, -1, root_x, root_y, 0);
  xtest.flush (display);
  helder_test_iterate (30);
  return TRUE;
#else
  return FALSE;
#endif
}

void
helder_test_pointer_button (gboolean press)
{
  gpointer display = x_display ();

  if (!helder_test_pointer_available ())
    return;
  xtest.button (display, 1, press, 0);
  xtest.flush (display);
  helder_test_iterate (50);
}

/* A click of the first button at @widget's middle */
gboolean
helder_test_pointer_click (GtkWidget *widget)
{
  if (!helder_test_pointer_move (widget, gtk_widget_get_width (widget) / 2.0,
                                 gtk_widget_get_height (widget) / 2.0))
    return FALSE;
  helder_test_pointer_button (TRUE);
  helder_test_pointer_button (FALSE);
  return TRUE;
}
