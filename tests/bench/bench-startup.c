/* bench-startup.c: cold start to first frame, against a bare window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts Helder (with the example data in its store) and the bare window
 * N times each, alternating, each until its first frame is drawn, and
 * prints the median wall-clock times and their ratio.
 *
 *   bench-startup HELDER BARE-WINDOW [RUNS]
 */

#include "config.h"

#include <glib.h>
#include <stdlib.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static double
time_run (char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GArray) helder = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  int runs = argc > 3 ? atoi (argv[3]) : 10;
  double helder_ms, bare_ms;

  if (argc < 3 || runs < 1)
    {
      g_printerr ("usage: %s HELDER BARE-WINDOW [RUNS]\n", argv[0]);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }

  data_dir = g_dir_make_tmp ("helder-bench-XXXXXX", &error);
  g_assert_no_error (error);

  {
    char *helder_argv[] = { argv[1], "--data-dir", data_dir, "--example-data",
                            "--quit-after-first-frame", NULL };
    char *bare_argv[] = { argv[2], NULL };

    /* Warm-up: fills the store with the example data and the page cache. */
    time_run (helder_argv);
    time_run (bare_argv);

    for (int i = 0; i < runs; i++)
      {
        double h = time_run (helder_argv);
        double b = time_run (bare_argv);

        g_array_append_val (helder, h);
        g_array_append_val (bare, b);
      }
  }

  helder_ms = median (helder);
  bare_ms = median (bare);
  g_print ("start-up to first frame, median of %d runs:\n", runs);
  g_print ("  helder (example data): %7.1f ms\n", helder_ms);
  g_print ("  bare libadwaita window: %6.1f ms\n", bare_ms);
  g_print ("  ratio: %.2f (goal: at most 1.50)\n", helder_ms / bare_ms);

  return 0;
}
