/* bench-calendar.c: the planner's Kalender with 5,000 messages and 300 works
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run).  Fills a store with 5,000 messages
 * (over two years; most windows one to fourteen days, one in twenty a
 * campaign of one to three months, some a start alone; every status;
 * short and long titles), 300 works and 100 council meetings, shows the
 * calendar view in a 1280×800 window and prints:
 *   - month view: from asking for a month to its first painted frame
 *     (median and longest of 12 months), and from the week view to the
 *     month view;
 *   - week view: the same for 12 weeks, and from the month view;
 *   - a drag-move: from the drop (the week's message-dropped, as its drop
 *     target emits it: the store write, the view's update) to the next
 *     painted frame, over 20 moves of 10 messages by a day, a week or
 *     back, in the month view and in the week view.  The message is
 *     selected first, untimed, as pressing its chip to drag it does (the
 *     press focuses the chip, and the focus selects it: the pane shows it
 *     while it is dragged); the keyboard's move acts on the focused chip
 *     too.  BENCH_PHASES=1 prints each move's parts.
 * Each with the main thread's and the whole process's CPU time: on a
 * shared machine the wall-clock time holds the waits for a core as well,
 * so the load is printed before and after.
 * The targets: 50 ms to open, a move within a frame (16 ms).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "gui-test-util.h"
#include "helder-renderer.h"
#include "plan/helder-plan-messages.h"
#include "planner/helder-calendar-view.h"
#include "planner/helder-calendar-week.h"
#include "planner/helder-calendar-month.h"

#define N_MESSAGES 5000
#define N_WORKS    300
#define N_MEETINGS 100
#define RUNS       12
#define MOVES      20
#define DRAG_MS    400   /* from the press to the drop */

typedef struct
{
  gint64 start;
  gint64 before;     /* the frame began */
  gint64 laid_out;   /* its layout done */
  gint64 drawn;      /* its snapshot and rendering done */
  gint64 painted;
  double changed_cpu;   /* the main thread's CPU time when the change was made */
  double before_cpu;    /* and when the frame began */
} Frame;

static double thread_cpu_ms (void);

static void
before_paint (GdkFrameClock *clock,
              Frame         *frame)
{
  if (frame->before == 0)
    {
      frame->before = g_get_monotonic_time ();
      frame->before_cpu = thread_cpu_ms ();
    }
}

/* (connected after GTK's own: they run when its layout and paint are done) */
static void
on_layout (GdkFrameClock *clock,
           Frame         *frame)
{
  if (frame->laid_out == 0)
    frame->laid_out = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Frame         *frame)
{
  if (frame->drawn == 0)
    frame->drawn = g_get_monotonic_time ();
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gint64 last_start;
static double built_ms[MOVES];
static guint  n_built;
static double cpu_ms[MOVES];
static guint  n_cpu;
static double process_ms[MOVES];
static guint  n_process;
static double layout_ms[MOVES];
static double paint_ms[MOVES];
static guint  n_phases;

static double
cpu_clock_ms (clockid_t clock)
{
  struct timespec now;

  clock_gettime (clock, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The main thread's own work, whatever else the machine runs */
static double
thread_cpu_ms (void)
{
  return cpu_clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

/* And every thread's (a renderer's or GLib's workers) */
static double
process_cpu_ms (void)
{
  return cpu_clock_ms (CLOCK_PROCESS_CPUTIME_ID);
}

static void
print_load (const char *when)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("load %s: %s", when, load);
}

static void
report (const char *what,
        double     *times,
        guint       n,
        double      target)
{
  qsort (times, n, sizeof (double), compare_doubles);
  qsort (built_ms, n, sizeof (double), compare_doubles);
  qsort (cpu_ms, n, sizeof (double), compare_doubles);
  qsort (process_ms, n, sizeof (double), compare_doubles);
  qsort (layout_ms, n, sizeof (double), compare_doubles);
  qsort (paint_ms, n, sizeof (double), compare_doubles);
  g_print ("%-30s wall median %6.1f ms, longest %6.1f ms (target %.0f ms); CPU median: main thread %5.1f ms, "
           "process %5.1f ms; the change itself (store, widgets; wall) %5.1f ms; the frame's layout %4.1f ms, "
           "its snapshot and rendering %4.1f ms\n", what, times[n / 2],
           times[n - 1], target, cpu_ms[n / 2], process_ms[n / 2], built_ms[n / 2], layout_ms[n / 2],
           paint_ms[n / 2]);
  n_phases = 0;
  n_built = 0;
  n_cpu = 0;
  n_process = 0;
}

static void
fill (HelderStore *store)
{
  static const char *states[] = { "idea", "draft", "review", "approved", "published" };
  static const char *subjects[] = {
    "Afvalkalender", "Inloopavond over de herinrichting van het centrum en de parkeerplaatsen", "Raadsbesluit",
    "Werkzaamheden", "Bewonersbrief riolering", "Omgevingsvisie: denk mee over Hillegom in 2040", "Storing",
    "Subsidie energiebesparing voor huurders en eigenaren", "Koningsdag", "Verkiezingen",
  };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (13);
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, 2027);
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
      GDate start = first, end;
      g_autofree char *title = g_strdup_printf ("%s %u", subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))],
                                                i);
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      guint kind = g_rand_int_range (rand, 0, 20);

      g_date_add_days (&start, g_rand_int_range (rand, 0, 730));
      end = start;
      /* One in twenty a campaign of months, one in twenty a start alone */
      g_date_add_days (&end, kind == 0 ? g_rand_int_range (rand, 30, 92) : g_rand_int_range (rand, 0, 14));
      from = helder_date_to_iso (&start);
      until = kind == 1 ? NULL : helder_date_to_iso (&end);
      g_object_set (message, "title", title, "window-start", from, "window-end", until,
                    "status", states[g_rand_int_range (rand, 0, G_N_ELEMENTS (states))], "author", "sanne", NULL);
      g_ptr_array_add (records, message);
    }
  for (guint i = 0; i < N_WORKS; i++)
    {
      HelderRecord *works = helder_record_new (HELDER_TYPE_WORKS);
      GDate start = first, end;
      g_autofree char *title = g_strdup_printf ("Werkzaamheden %u", i);
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;

      g_date_add_days (&start, g_rand_int_range (rand, 0, 730));
      end = start;
      g_date_add_days (&end, g_rand_int_range (rand, 5, 90));
      from = helder_date_to_iso (&start);
      until = helder_date_to_iso (&end);
      g_object_set (works, "title", title, "start-date", from, "end-date", until, NULL);
      g_ptr_array_add (records, works);
    }
  for (guint i = 0; i < N_MEETINGS; i++)
    {
      HelderRecord *meeting = helder_record_new (HELDER_TYPE_COUNCIL_MEETING);
      GDate day = first;
      g_autofree char *date = NULL;
      g_autofree char *at = NULL;

      g_date_add_days (&day, g_rand_int_range (rand, 0, 730));
      date = helder_date_to_iso (&day);
      at = g_strdup_printf ("%sT20:00:00+01:00", date);
      g_object_set (meeting, "title", i % 4 == 0 ? "Raadsvergadering" : "Commissie Ruimte", "starts-at", at,
                    "gremium", i % 4 == 0 ? "Gemeenteraad" : "Commissie Ruimte", NULL);
      g_ptr_array_add (records, meeting);
    }
  g_assert_true (helder_store_save_all (store, records, NULL));
  g_rand_free (rand);
}

/* From @change to the next painted frame */
static double
time_frame (GtkWidget *window,
            void     (*change) (gpointer),
            gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { 0 };
  gulong handler, before_handler, layout_handler, paint_handler;
  double cpu;

  double process;

  helder_test_iterate (30);
  cpu = thread_cpu_ms ();
  process = process_cpu_ms ();
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &frame);
  before_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), &frame);
  layout_handler = g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &frame);
  paint_handler = g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &frame);
  frame.start = g_get_monotonic_time ();
  last_start = frame.start;
  change (data);
  built_ms[n_built++ % MOVES] = (g_get_monotonic_time () - frame.start) / 1000.0;
  frame.changed_cpu = thread_cpu_ms ();
  gtk_widget_queue_draw (window);
  g_assert_true (helder_test_wait_for (painted, &frame));
  cpu_ms[n_cpu++ % MOVES] = thread_cpu_ms () - cpu;
  process_ms[n_process++ % MOVES] = process_cpu_ms () - process;
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, before_handler);
  g_signal_handler_disconnect (clock, layout_handler);
  g_signal_handler_disconnect (clock, paint_handler);
  if (g_getenv ("BENCH_PHASES"))
    g_print ("  change %.1f wait %.1f (busy %.1f) layout %.1f paint %.1f after %.1f\n", built_ms[(n_built - 1) % MOVES],
             (frame.before - frame.start) / 1000.0 - built_ms[(n_built - 1) % MOVES],
             frame.before_cpu - frame.changed_cpu,
             (frame.laid_out - frame.before) / 1000.0, (frame.drawn - frame.laid_out) / 1000.0,
             (frame.painted - frame.drawn) / 1000.0);
  layout_ms[n_phases % MOVES] = frame.laid_out && frame.before ? (frame.laid_out - frame.before) / 1000.0 : 0;
  paint_ms[n_phases++ % MOVES] = frame.drawn && frame.laid_out ? (frame.drawn - frame.laid_out) / 1000.0 : 0;
  return (frame.painted - frame.start) / 1000.0;
}

typedef struct
{
  HelderCalendarView *view;
  GDate               day;
  HelderCalendarWeek *week;
  const char         *id;
  char               *target;
  const char         *mode;
} Step;

static void
go (gpointer data)
{
  Step *step = data;

  helder_calendar_view_go_to (step->view, &step->day);
}

static void
nothing (gpointer data)
{
}

static void
relayout (gpointer data)
{
  gtk_widget_queue_resize (GTK_WIDGET (((Step *) data)->view));
}

static void
drop (gpointer data)
{
  Step *step = data;

  g_signal_emit_by_name (step->week, "message-dropped", step->id, step->target);
}

static gboolean
week_complete (gpointer data)
{
  return helder_calendar_week_is_complete (data);
}

static void
switch_mode (gpointer data)
{
  Step *step = data;

  helder_calendar_view_set_mode (step->view, step->mode);
}

/* Ten messages that start on a Tuesday to Thursday in June, each moved
 * twice, as far as a drag can in the view: a day or two (or in the month
 * a week) on, then back; the period shown stays */
static void
time_moves (GtkWidget          *window,
            HelderCalendarView *view,
            HelderStore        *store,
            HelderPlanService  *plan,
            Step               *step,
            const char         *mode)
{
  static const int month_shifts[] = { 1, 7, -1, 2, -7, -2 };
  static const int week_shifts[] = { 1, -1, 2, -1, 1, -2 };
  const int *shifts = g_str_equal (mode, "month") ? month_shifts : week_shifts;
  g_autoptr(HelderRecordList) list = helder_plan_service_messages (plan, "2027-06-15", "2027-06-17");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *what = g_strdup_printf ("drag-move in the %s view", mode);
  double times[MOVES];

  step->week = NULL;
  helder_calendar_view_set_mode (view, mode);
  g_date_set_dmy (&step->day, 16, 6, 2027);
  helder_calendar_view_go_to (view, &step->day);
  helder_test_iterate (50);
  /* Shown ones: the month has room for a few lanes only */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && ids->len < MOVES / 2; i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *start = helder_record_get_text (message, "window_start");

      GtkWidget *chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));

      /* (the month shows a few lanes: some of the moved lie under "+N") */
      if (chip != NULL && step->week == NULL)
        step->week = HELDER_CALENDAR_WEEK (gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK));
      if (start != NULL && strcmp (start, "2027-06-15") >= 0 && strcmp (start, "2027-06-17") <= 0 &&
          (chip != NULL || g_str_equal (mode, "month")))
        g_ptr_array_add (ids, g_strdup (helder_record_get_id (message)));
    }
  g_assert_cmpuint (ids->len, >, 0);
  if (g_getenv ("BENCH_PHASES"))
    g_print ("  %s from %.6f\n", what, g_get_monotonic_time () / 1e6);
  for (guint i = 0; i < MOVES; i++)
    {
      const char *id = ids->pdata[(i / 2) % ids->len];
      g_autoptr(HelderRecord) now = helder_store_load (store, HELDER_TYPE_MESSAGE, id, NULL);
      int shift = shifts[(i / 2) % G_N_ELEMENTS (month_shifts)] * (i % 2 == 0 ? 1 : -1);
      g_autoptr(HelderRecord) after = NULL;
      GDate first, last;
      GtkWidget *chip;

      helder_message_get_window (now, &first, &last);
      /* (in the month it may lie under "+N" now: any week emits the drop) */
      if ((chip = helder_calendar_view_find_chip (view, id)) != NULL)
        step->week = HELDER_CALENDAR_WEEK (gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK));
      g_assert_nonnull (step->week);
      if (shift > 0)
        g_date_add_days (&first, shift);
      else
        g_date_subtract_days (&first, -shift);
      g_free (step->target);
      step->target = helder_date_to_iso (&first);
      step->id = id;
      /* (the press that starts the drag, and the drag itself: what the
       * press changed is drawn by the time the pointer lets go) */
      helder_calendar_view_select_message (view, id);
      helder_test_iterate (DRAG_MS);
      times[i] = time_frame (window, drop, step);
      /* It did move, and shows */
      after = helder_store_load (store, HELDER_TYPE_MESSAGE, id, NULL);
      g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, step->target);
      if (g_str_equal (mode, "week"))
        g_assert_nonnull (helder_calendar_view_find_chip (view, id));
    }
  g_clear_pointer (&step->target, g_free);
  if (g_getenv ("BENCH_PHASES"))
    g_print ("  %s until %.6f\n", what, g_get_monotonic_time () / 1e6);
  report (what, times, MOVES, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-bench-calendar-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(HelderSession) session = NULL;
  g_autoptr(HelderPlanService) plan = NULL;
  GtkWidget *window;
  HelderCalendarView *view;
  double times[MOVES];
  double complete[RUNS];
  g_autoptr(HelderRecordList) spring = NULL;
  Step step = { 0 };
  gint64 start;

  print_load ("before");
  helder_prepare_renderer ();
  gtk_init ();
  adw_init ();

  store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (store, "sanne");
  session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  start = g_get_monotonic_time ();
  fill (store);
  g_print ("%u messages and %u works saved in %.0f ms\n", N_MESSAGES, N_WORKS,
           (g_get_monotonic_time () - start) / 1000.0);
  plan = helder_plan_service_new (store, session);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = g_object_new (HELDER_TYPE_CALENDAR_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));
  start = g_get_monotonic_time ();
  helder_calendar_view_set_service (view, HELDER_SERVICE (plan));
  helder_test_iterate (10);
  g_print ("lists of the view made and first month shown in %.0f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  step.view = view;
  g_date_clear (&step.day, 1);
  if (g_getenv ("BENCH_PHASES"))
    g_print ("  months from %.6f\n", g_get_monotonic_time () / 1e6);
  for (guint i = 0; i < RUNS; i++)
    {
      g_date_set_dmy (&step.day, 15, i + 1, 2027);
      times[i] = time_frame (window, go, &step);
    }
  if (g_getenv ("BENCH_PHASES"))
    g_print ("  months until %.6f\n", g_get_monotonic_time () / 1e6);
  report ("month view to first frame", times, RUNS, 50);
  for (guint i = 0; i < RUNS; i++)
    times[i] = time_frame (window, nothing, &step);
  report ("  the same month repainted", times, RUNS, 16);
  for (guint i = 0; i < RUNS; i++)
    times[i] = time_frame (window, relayout, &step);
  report ("  the same month laid out", times, RUNS, 16);

  helder_calendar_view_set_mode (view, "week");
  /* (made before: a new list reads the store) */
  spring = helder_plan_service_messages (plan, "2027-03-01", "2027-06-30");
  for (guint i = 0; i < RUNS; i++)
    {
      /* Twelve weeks, each another */
      g_date_set_dmy (&step.day, 3, 3, 2027);
      g_date_add_days (&step.day, i * 7);
      times[i] = time_frame (window, go, &step);
      /* Its lanes below the first tall window's worth come after the frame */
      {
        GtkWidget *chip = NULL;
        g_autofree char *day = helder_date_to_iso (&step.day);

        for (guint j = 0; chip == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (spring)); j++)
          {
            g_autoptr(HelderRecord) message = g_list_model_get_item (G_LIST_MODEL (spring), j);

            if (helder_message_in_window (message, day, day))
              chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
          }
        g_assert_nonnull (chip);
        step.week = HELDER_CALENDAR_WEEK (gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK));
        g_assert_true (helder_test_wait_for (week_complete, step.week));
        complete[i] = (g_get_monotonic_time () - last_start) / 1000.0;
      }
    }
  report ("week view to first frame", times, RUNS, 50);
  qsort (complete, RUNS, sizeof (double), compare_doubles);
  g_print ("  and all its lanes made        wall median %6.1f ms, longest %6.1f ms (the lanes out of view, after "
           "the first frame)\n", complete[RUNS / 2], complete[RUNS - 1]);

  /* Opening one from the other, each time on another day */
  for (guint i = 0; i < RUNS; i++)
    {
      /* (another week each time, and another month each second time) */
      g_date_set_dmy (&step.day, 5, 5, 2027);
      g_date_add_days (&step.day, i * 18);
      helder_calendar_view_go_to (view, &step.day);
      step.mode = i % 2 == 0 ? "month" : "week";
      times[i] = time_frame (window, switch_mode, &step);
    }
  report ("month or week from the other", times, RUNS, 50);

  time_moves (window, view, store, plan, &step, "month");
  time_moves (window, view, store, plan, &step, "week");

  print_load ("after");
  gtk_window_destroy (GTK_WINDOW (window));
  helder_test_iterate (50);
  g_clear_object (&plan);
  g_clear_object (&store);
  {
    g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
    const char *name;

    while (files != NULL && (name = g_dir_read_name (files)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
