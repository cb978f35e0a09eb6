/* bench-radar.c: the radar, the Planner page and the comparison with 500 topics and 10,000 signals
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "gui-test-app.h"
#include "planner/helder-radar-view.h"
#include "plan/helder-plan-quarter.h"

/* Issue 12's figures: the radar draws in at most 8 ms, the Planner page
 * opens in at most 100 ms, the comparison of two quarters takes at most
 * 50 ms, with 500 topics and 10,000 signals.  Each figure is the median
 * of its runs, printed with its limit and marked when it is over it (the
 * machine's load moves them: read them, do not gate on them). */

#define N_TOPICS   500
#define N_SIGNALS  10000
#define TODAY      "2026-12-02"

static const char *trends[] = { "rising", "stable", "falling" };
static const char *channels[] = { "Webcare", "Fixi", "Inbox", "Telefonie", "Receptie", "Newsroom",
                                  "Contactfunctionarissen" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* The main thread's CPU time, in ms: wall time is high on a shared machine */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double span_cpu = -1;   /* the CPU of the span just timed, or -1 */

static void
report (const char *what,
        double      ms,
        double      limit)
{
  g_autofree char *cpu = span_cpu >= 0 ? g_strdup_printf ("  (main thread CPU %.1f ms)", span_cpu) : g_strdup ("");

  g_printerr ("bench-radar: %-52s %8.2f ms%s%s\n", what, ms,
              limit <= 0 ? "" : ms <= limit ? " (within its limit)" : " (OVER its limit)", cpu);
  span_cpu = -1;
  g_test_message ("%s: %.2f ms", what, ms);
}

/* 500 topics all over the grid, 10,000 signals over the last 60 days,
 * ten priorities, a closed third quarter and half the topics reviewed. */
static void
fill_store (HelderStore *store)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(HelderQuarterSnapshot) q3 = helder_quarter_snapshot_new ();
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
  g_autoptr(HelderRecord) quarter = helder_record_new (HELDER_TYPE_QUARTER);
  g_autofree char *json = NULL;

  for (guint i = 0; i < N_TOPICS; i++)
    {
      HelderRecord *topic = helder_record_new (HELDER_TYPE_TOPIC);
      g_autofree char *title = g_strdup_printf ("Onderwerp %u: zorgen over de wijk en de buurt", i + 1);
      int admin = g_rand_int_range (rand, 1, 6), societal = g_rand_int_range (rand, 1, 6);

      g_object_set (topic, "title", title, "admin-impact", admin, "societal-impact", societal,
                    "trend", trends[i % 3], "status", "active", NULL);
      g_ptr_array_add (topic_ids, g_strdup (helder_record_get_id (topic)));
      g_ptr_array_add (records, topic);
      if (i % 10 != 0)
        helder_quarter_snapshot_add_topic (q3, helder_record_get_id (topic), title,
                                           i % 4 == 0 ? CLAMP (admin - 1, 1, 5) : admin, societal, trends[(i + 1) % 3]);
    }
  for (guint i = 0; i < 10; i++)
    {
      HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);
      g_autofree char *title = g_strdup_printf ("Prioriteit %u", i + 1);

      g_object_set (priority, "title", title, "rank", (int) i + 1, "status", "active", NULL);
      helder_quarter_snapshot_add_priority (q3, helder_record_get_id (priority), title, (int) (10 - i));
      g_ptr_array_add (records, priority);
    }
  for (guint i = 0; i < N_SIGNALS; i++)
    {
      HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);
      GDate date = *day;
      char text[16];

      g_date_subtract_days (&date, g_rand_int_range (rand, 0, 60));
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      g_object_set (signal, "date", text, "channel", channels[i % G_N_ELEMENTS (channels)],
                    "text", "Vragen van inwoners over dit onderwerp via het kanaal.",
                    "topic", topic_ids->pdata[g_rand_int_range (rand, 0, N_TOPICS)], NULL);
      g_ptr_array_add (records, signal);
    }
  for (guint i = 0; i < N_TOPICS; i += 2)
    {
      HelderRecord *review = helder_record_new (HELDER_TYPE_TOPIC_REVIEW);

      g_object_set (review, "topic", topic_ids->pdata[i], "quarter", "2026-Q4",
                    "decision", i % 6 == 0 ? "adjust" : i % 10 == 0 ? "drop" : "keep",
                    "reason", "Besproken in het team.", "admin-impact", i % 6 == 0 ? 5 : 0,
                    "societal-impact", i % 6 == 0 ? 5 : 0, NULL);
      g_ptr_array_add (records, review);
    }
  json = helder_quarter_snapshot_to_json (q3);
  g_object_set (quarter, "quarter", "2026-Q3", "status", "closed", "closed-by", "Sanne de Vries",
                "closed-at", "2026-09-29T16:40:00+02:00", "snapshot", json, NULL);
  g_ptr_array_add (records, g_object_ref (quarter));
  g_assert_true (helder_store_save_all (store, records, NULL));
}

typedef struct
{
  gint64   since;
  gboolean painted;
} Paint;

static void
after_paint (GdkFrameClock *clock,
             Paint         *paint)
{
  paint->painted = TRUE;
}

static gboolean
is_painted (gpointer data)
{
  return ((Paint *) data)->painted;
}

static gint64 open_start;   /* when time_open switched */
static double open_cpu;

static gboolean
list_filled (gpointer data)
{
  return gtk_column_view_get_model (helder_radar_view_get_list (data)) != NULL;
}

static HelderRadarView *
radar_view_of (HelderWindow *window)
{
  return HELDER_RADAR_VIEW (helder_test_find_by_id (helder_test_page (window, "planner"), "radar_view"));
}

/* From the click on Planner (its Radar view) to the first frame that
 * shows it: the page, its lists from the store, the radar's layout and
 * drawing. */
static double
time_open (HelderWindow *window,
           const char   *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Paint paint = { 0, };
  gulong handler;
  gint64 start;
  AdwViewStack *views;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "write");
  helder_test_iterate (200);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &paint);
  start = open_start = g_get_monotonic_time ();
  open_cpu = thread_cpu_ms ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "planner");
  views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));
  adw_view_stack_set_visible_child_name (views, view);
  paint.painted = FALSE;
  g_assert_true (helder_test_wait_for (is_painted, &paint));
  g_signal_handler_disconnect (clock, handler);
  span_cpu = thread_cpu_ms () - open_cpu;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
test_bench (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HelderWindow *window;
  HelderRadarView *view;
  HelderRadarWidget *radar;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HelderQuarterSnapshot) before = NULL;
  g_autoptr(HelderQuarterSnapshot) after = NULL;
  HelderPlanService *plan;
  double first_open;
  int w, h;

  /* The window opens on another page, so the planner is made when asked */
  g_settings_set_string (settings, "last-page", "write");
  window = helder_test_open_window ("bench-radar.db");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  fill_store (helder_application_get_store (test_app));
  helder_test_iterate (200);

  /* Apart: the page on its first view (the ledger), then the Radar view
   * the first time it shows, then the whole page again on the Radar */
  report ("Planner page opens on Prioriteiten (first time)", time_open (window, "priorities"), 100);
  first_open = time_open (window, "topics");
  report ("Radar view shows the first time (the page made)", first_open, 100);
  view = radar_view_of (window);
  /* The topic list beside it gets its rows after that first frame: to
   * the frame that shows them */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    Paint paint = { 0, };
    gulong handler;

    g_assert_true (helder_test_wait_for (list_filled, view));
    handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &paint);
    g_assert_true (helder_test_wait_for (is_painted, &paint));
    g_signal_handler_disconnect (clock, handler);
    span_cpu = thread_cpu_ms () - open_cpu;
    report ("  and its topic list's rows, to their frame", (g_get_monotonic_time () - open_start) / 1000.0, 0);
  }
  radar = helder_radar_view_get_radar (view);
  helder_radar_widget_set_today (radar, TODAY);
  helder_test_iterate (300);
  g_assert_cmpuint (helder_radar_widget_get_n_dots (radar), ==, N_TOPICS);
  for (guint i = 0; i < 5; i++)
    {
      double ms = time_open (window, i % 2 ? "priorities" : "topics");

      g_array_append_val (times, ms);
    }
  span_cpu = -1;
  report ("Planner page opens again (median of 5)", median (times), 100);

  /* Drawing: the radar's snapshot (the grid, 500 labels, 500 dots), with
   * every dot drawn afresh, and only the radar (a drag's frame) */
  gtk_window_maximize (GTK_WINDOW (window));
  helder_test_iterate (300);
  w = gtk_widget_get_width (GTK_WIDGET (radar));
  h = gtk_widget_get_height (GTK_WIDGET (radar));
  for (guint pass = 0; pass < 2; pass++)
    {
      g_array_set_size (times, 0);
      for (guint i = 0; i < 40; i++)
        {
          GtkSnapshot *snapshot;
          g_autoptr(GskRenderNode) node = NULL;
          gint64 start;

          gtk_widget_queue_draw (GTK_WIDGET (radar));
          for (guint d = 0; pass == 0 && d < helder_radar_widget_get_n_dots (radar); d++)
            gtk_widget_queue_draw (GTK_WIDGET (helder_radar_widget_get_dot (radar, d)));
          start = g_get_monotonic_time ();
          snapshot = gtk_snapshot_new ();
          /* What a frame runs for the radar: its snapshot, which snapshots
           * each dot (afresh, or its cached node) */
          GTK_WIDGET_GET_CLASS (radar)->snapshot (GTK_WIDGET (radar), snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          {
            double ms = (g_get_monotonic_time () - start) / 1000.0;

            g_array_append_val (times, ms);
          }
          g_assert_nonnull (node);
        }
      report (pass == 0 ? "Radar draws, every dot afresh (median of 40)"
                        : "Radar draws, its dots cached (median of 40)", median (times), 8);
    }

  /* Making the 500 dots (focusable, accessible, with tooltips) */
  {
    g_autoptr(GListModel) topics = helder_store_list (helder_application_get_store (test_app), HELDER_TYPE_TOPIC, NULL);
    GtkWidget *fresh = g_object_ref_sink (helder_radar_widget_new ());
    gint64 start = g_get_monotonic_time ();

    helder_radar_widget_set_topics (HELDER_RADAR_WIDGET (fresh), topics);
    report ("Radar makes its 500 dots", (g_get_monotonic_time () - start) / 1000.0, 0);
    helder_radar_widget_set_topics (HELDER_RADAR_WIDGET (fresh), NULL);
    g_object_unref (fresh);
  }

  /* Layout: where 500 dots and labels go (on a resize or a change) */
  g_array_set_size (times, 0);
  for (guint i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();

      gtk_widget_queue_allocate (GTK_WIDGET (radar));
      gtk_widget_size_allocate (GTK_WIDGET (radar),
                                &(GtkAllocation) { 0, 0, w, h }, -1);
      {
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        g_array_append_val (times, ms);
      }
    }
  report ("Radar lays out 500 dots and labels (median of 20)", median (times), 0);
  gtk_widget_queue_resize (GTK_WIDGET (radar));
  helder_test_iterate (100);

  /* The comparison: the two snapshots from the store (the open quarter's
   * with its 250 decisions applied) and what changed */
  plan = HELDER_PLAN_SERVICE (helder_radar_view_get_service (view));
  g_array_set_size (times, 0);
  for (guint i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) changes = NULL;

      g_clear_pointer (&before, helder_quarter_snapshot_free);
      g_clear_pointer (&after, helder_quarter_snapshot_free);
      before = helder_plan_quarter_snapshot (plan, "2026-Q3", NULL);
      after = helder_plan_quarter_snapshot (plan, "2026-Q4", NULL);
      changes = helder_quarter_compare (before, after);
      g_assert_cmpuint (changes->len, >, 100);
      {
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        g_array_append_val (times, ms);
      }
    }
  report ("Comparison of two quarters, snapshots from the store", median (times), 50);
  g_array_set_size (times, 0);
  for (guint i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) changes = helder_quarter_compare (before, after);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
    }
  report ("Comparison of two quarters, the counting alone", median (times), 50);
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/bench/radar", test_bench);
  return helder_test_app_main (&argc, &argv);
}
