/* bench-startup.c: cold start to first frame, against a bare window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts Helder (with the example data in its store) and the bare window
 * (a libadwaita window with a header bar and a text view) in turns, N
 * times each, each until its first frame is drawn, and compares them
 * drawing with the same renderer:
 *
 *   - the renderer Helder chooses here (cairo where OpenGL is only a
 *     software rasteriser; Helder then does not load OpenGL at all), the
 *     bare window drawing with the same one as GTK makes it; and the
 *     bare window also told not to load OpenGL (GDK_DEBUG=gl-disable), so
 *     that only what Helder itself does differs;
 *   - OpenGL forced for both (GSK_RENDERER=gl).
 *
 * Each child prints the monotonic time of its first frame (the first
 * frame clock cycle in which its window was drawn), its renderer and how
 * many widgets its window held then; the
 * benchmark reads the time to that frame from its own start of the child,
 * and the child's CPU time and peak memory (RSS) from the kernel when it
 * exits.  It prints medians with their range, the ratio of the medians and
 * the range of the pairs' ratios, and the load average before and after.
 *
 *   bench-startup HELDER BARE-WINDOW [RUNS]
 */

#include "config.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  double first_frame_ms;   /* from start to first frame */
  double cpu_ms;           /* user + system, to exit */
  double peak_mb;          /* peak RSS */
  char   renderer[64];
  guint  widgets;          /* in the window at its first frame */
} Run;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median, min and max of @values (sorted in place). */
static double
stats (GArray *values,
       double *min,
       double *max)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  *min = g_array_index (values, double, 0);
  *max = g_array_index (values, double, n - 1);
  if (n % 2)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (text, " ", 4);
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/* Runs @argv with @envp until it exits; its output is read for the line
 * "first frame at T us (monotonic), renderer NAME, N widgets". */
static Run
run_child (char **argv,
           char **envp)
{
  Run run = { 0 };
  int out[2];
  gint64 start, frame = 0;
  GString *output = g_string_new (NULL);
  struct rusage usage;
  const char *line;
  char buffer[4096];
  ssize_t n;
  int status;
  pid_t pid;

  if (pipe (out) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (out[1], STDOUT_FILENO);
      close (out[0]);
      close (out[1]);
      dup2 (out[1], STDERR_FILENO);
      execve (argv[0], argv, envp);
      _exit (127);
    }
  close (out[1]);
  while ((n = read (out[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, buffer, n);
  close (out[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed (status %d):\n%s\n", argv[0], status, output->str);
      exit (1);
    }
  line = strstr (output->str, "first frame at ");
  if (line == NULL ||
      sscanf (line, "first frame at %" G_GINT64_FORMAT " us (monotonic), renderer %63[^,\n], %u widgets",
              &frame, run.renderer, &run.widgets) != 3)
    {
      g_printerr ("%s did not say when it drew its first frame\n", argv[0]);
      exit (1);
    }
  run.first_frame_ms = (frame - start) / 1000.0;
  run.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run.peak_mb = usage.ru_maxrss / 1024.0;
  g_string_free (output, TRUE);
  return run;
}

static const char *
renderer_name (const char *type_name)
{
  if (g_str_equal (type_name, "GskCairoRenderer"))
    return "cairo";
  if (g_str_equal (type_name, "GskGLRenderer") || g_str_equal (type_name, "GskNglRenderer"))
    return "gl";
  if (g_str_equal (type_name, "GskVulkanRenderer"))
    return "vulkan";
  return NULL;
}

static void
print_figure (const char *what,
              const char *unit,
              GArray     *helder,
              GArray     *bare)
{
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  double h_min, h_max, b_min, b_max, r_min, r_max, h, b;

  for (guint i = 0; i < helder->len; i++)
    {
      double r = g_array_index (helder, double, i) / g_array_index (bare, double, i);

      g_array_append_val (ratios, r);
    }
  stats (ratios, &r_min, &r_max);
  h = stats (helder, &h_min, &h_max);
  b = stats (bare, &b_min, &b_max);
  g_print ("  %-15s helder %7.1f %s (%.1f-%.1f), bare %7.1f %s (%.1f-%.1f): ratio %.2f (pairs %.2f-%.2f)\n",
           what, h, unit, h_min, h_max, b, unit, b_min, b_max, h / b, r_min, r_max);
}

/* Helder and the bare window in turns, @runs times each after one
 * warm-up; the bare window with @bare_envp, Helder with @helder_envp. */
static void
compare (const char *title,
         char      **helder_argv,
         char      **helder_envp,
         char      **bare_argv,
         char      **bare_envp,
         int         runs)
{
  g_autoptr(GArray) h_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) h_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) h_peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *load_before = load_average ();
  g_autofree char *load_after = NULL;
  Run h, b;

  run_child (helder_argv, helder_envp);
  run_child (bare_argv, bare_envp);
  for (int i = 0; i < runs; i++)
    {
      h = run_child (helder_argv, helder_envp);
      b = run_child (bare_argv, bare_envp);
      if (!g_str_equal (h.renderer, b.renderer))
        {
          g_printerr ("Helder drew with %s, the bare window with %s\n", h.renderer, b.renderer);
          exit (1);
        }
      g_array_append_val (h_frame, h.first_frame_ms);
      g_array_append_val (b_frame, b.first_frame_ms);
      g_array_append_val (h_cpu, h.cpu_ms);
      g_array_append_val (b_cpu, b.cpu_ms);
      g_array_append_val (h_peak, h.peak_mb);
      g_array_append_val (b_peak, b.peak_mb);
    }
  load_after = load_average ();

  g_print ("%s: both drew with %s; median of %d runs each, in turns (min-max)\n", title, h.renderer, runs);
  g_print ("  %-15s helder %7u, bare %7u\n", "widgets", h.widgets, b.widgets);
  print_figure ("first frame", "ms", h_frame, b_frame);
  print_figure ("CPU to exit", "ms", h_cpu, b_cpu);
  print_figure ("peak RSS", "MB", h_peak, b_peak);
  g_print ("  load average before %s, after %s (%u cores)\n", load_before, load_after, g_get_num_processors ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) chosen_env = NULL;
  g_auto(GStrv) bare_env = NULL;
  g_auto(GStrv) bare_nogl_env = NULL;
  g_auto(GStrv) gl_env = NULL;
  const char *chosen;
  int runs = argc > 3 ? atoi (argv[3]) : 10;
  Run probe;

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

    /* Which renderer Helder picks here (this first run also fills its
     * store with the example data) */
    env = g_environ_unsetenv (env, "GSK_RENDERER");
    env = g_environ_unsetenv (env, "GDK_DEBUG");
    probe = run_child (helder_argv, env);
    chosen = renderer_name (probe.renderer);
    if (chosen == NULL)
      {
        g_printerr ("Helder drew with %s, which the bare window cannot be told to use\n", probe.renderer);
        return 1;
      }
    chosen_env = g_strdupv (env);
    bare_env = g_environ_setenv (g_strdupv (env), "GSK_RENDERER", chosen, TRUE);
    gl_env = g_environ_setenv (g_strdupv (env), "GSK_RENDERER", "gl", TRUE);

    compare ("Helder's choice of renderer, the bare window as GTK makes it",
             helder_argv, chosen_env, bare_argv, bare_env, runs);
    if (g_str_equal (chosen, "cairo"))
      {
        bare_nogl_env = g_environ_setenv (g_strdupv (bare_env), "GDK_DEBUG", "gl-disable", TRUE);
        compare ("Helder's choice of renderer, the bare window not loading OpenGL either",
                 helder_argv, chosen_env, bare_argv, bare_nogl_env, runs);
      }
    compare ("OpenGL forced for both", helder_argv, gl_env, bare_argv, gl_env, runs);
  }
  g_print ("goal: Helder's first frame at most 1.30 times the bare window's with the same renderer\n");

  {
    const char *rm_argv[] = { "rm", "-rf", data_dir, NULL };

    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return 0;
}
