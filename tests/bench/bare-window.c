/* bare-window.c: the yardstick for Helder's start-up time
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare libadwaita window with a header bar and a text view, built and
 * timed the same way as Helder: it quits after its first frame (the first
 * frame clock cycle in which its surface was drawn: on X11 the first
 * cycles come before the window is mapped and draw nothing), printing
 * when that was and with which renderer, as helder
 * --quit-after-first-frame does.  The renderer is GTK's choice or
 * GSK_RENDERER's: the benchmark sets it to the one Helder chose.
 */

#include "config.h"

#include <adwaita.h>

static gboolean drawn;

static gboolean
surface_rendered (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  if (g_value_get_object (&values[0]) == gtk_native_get_surface (GTK_NATIVE (data)))
    drawn = TRUE;
  return !drawn;
}

/* @widget and the widgets under it */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
quit_after_paint (GdkFrameClock *frame_clock,
                  GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();

  if (!drawn)
    return;
  g_signal_handlers_disconnect_by_func (frame_clock, quit_after_paint, window);
  g_print ("first frame at %" G_GINT64_FORMAT " us (monotonic), renderer %s, %u widgets\n", now,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), count_widgets (window));
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
watch_first_frame (GtkWidget *window)
{
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0, surface_rendered, window, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (quit_after_paint), window);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), gtk_text_view_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  g_signal_connect (window, "realize", G_CALLBACK (watch_first_frame), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("nl.hltsamen.Helder.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
