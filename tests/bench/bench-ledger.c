/* bench-ledger.c: the planner page and its ledger with 500 topics and 10,000 signals
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run).  Fills a store with 40 priorities,
 * 500 topics, 10,000 signals and 2,000 messages, and prints:
 *   - the planner page: from making it to its first painted frame
 *     (the target: 100 ms), median and longest of 5;
 *   - a ledger move by Alt+Up/Down: from the action (one transaction
 *     that saves the ranks that changed) to the next painted frame, over
 *     40 moves, as p50, p95 and longest of the wall time and of the main
 *     thread's CPU time, so that a spike shows (BENCH_LEDGER_EACH=1 lists
 *     every move);
 *   - the person-data check over the 10,000 signal texts;
 *   - the counts per channel and week of one topic, from the live list.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "gui-test-util.h"
#include "helder-renderer.h"
#include "plan/helder-plan-ledger.h"
#include "plan/helder-plan-signals.h"
#include "planner/helder-planner-page.h"
#include "planner/helder-priorities-view.h"
#include "planner/helder-signal-log.h"

#define N_PRIORITIES 40
#define N_TOPICS     500
#define N_SIGNALS    10000
#define N_MESSAGES   2000
#define RUNS         5
#define MOVES        40

typedef struct
{
  gint64 start;
  gint64 painted;
} Frame;

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

/* The main thread's CPU time, in ms: on a shared machine wall time waits
 * for other processes too */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double cpu_ms[64];

/* The value below which @fraction of the sorted @values lie */
static double
percentile (const double *values,
            guint         n,
            double        fraction)
{
  guint at = (guint) (fraction * n + 0.999999);

  return values[CLAMP (at, 1, n) - 1];
}

static void
report_cpu (guint n)
{
  qsort (cpu_ms, n, sizeof (double), compare_doubles);
  g_print ("%-36s p50 %7.1f   p95 %7.1f   longest %7.1f ms\n", "  main thread CPU of it",
           percentile (cpu_ms, n, 0.5), percentile (cpu_ms, n, 0.95), cpu_ms[n - 1]);
}

static void
report (const char *what,
        double     *times,
        guint       n,
        const char *target)
{
  qsort (times, n, sizeof (double), compare_doubles);
  g_print ("%-36s p50 %7.1f   p95 %7.1f   longest %7.1f ms   (%s)\n", what,
           percentile (times, n, 0.5), percentile (times, n, 0.95), times[n - 1], target);
}

static void
report_each (const char *what,
             double     *times,
             guint       n)
{
  if (g_getenv ("BENCH_LEDGER_EACH") == NULL)
    return;
  g_print ("  %s:", what);
  for (guint i = 0; i < n; i++)
    g_print (" %.1f/%.1f", times[i], cpu_ms[i]);
  g_print ("  (wall/CPU ms, in order)\n");
}

static const char *channels[] = { "Webcare", "Fixi", "Inbox", "Telefonie", "Receptie", "Newsroom",
                                  "Contactfunctionarissen" };
static const char *texts[] = {
  "Veertien meldingen over bijplaatsingen bij de ondergrondse containers in de wijk.",
  "Bellers vragen naar de energietoeslag; veel van hen zijn ouder en niet digitaal vaardig.",
  "Reacties op Facebook over knalvuurwerk in de avonduren, op 09-11-2026 vanaf 21.00 uur.",
  "Ondernemers horen dat een zwaardere aansluiting pas over een jaar mogelijk is (zaak Z-2026-012345).",
  "Bezoekers vragen of zij voor een dakkapel van € 12.500 een vergunning nodig hebben.",
};

static void
fill (HelderStore *store,
      GPtrArray   *topic_ids)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < N_PRIORITIES; i++)
    {
      HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);
      g_autofree char *title = g_strdup_printf ("Prioriteit %u uit het coalitieakkoord", i + 1);

      g_object_set (priority, "title", title, "rank", (int) i + 1, "status", i % 9 == 8 ? "done" : "active",
                    "theme", "Wonen", "owner", "Sanne de Vries",
                    "quarters", (const char *[]) { "2026-Q4", "2027-Q1", NULL }, NULL);
      g_ptr_array_add (records, priority);
    }
  for (guint i = 0; i < N_TOPICS; i++)
    {
      HelderRecord *topic = helder_record_new (HELDER_TYPE_TOPIC);
      g_autofree char *title = g_strdup_printf ("Onderwerp %u", i + 1);
      const char *priority = helder_record_get_id (records->pdata[i % N_PRIORITIES]);

      g_object_set (topic, "title", title, "admin-impact", g_rand_int_range (rand, 1, 6),
                    "societal-impact", g_rand_int_range (rand, 1, 6), "trend", "stable",
                    "priorities", (const char *[]) { priority, NULL }, NULL);
      g_ptr_array_add (topic_ids, g_strdup (helder_record_get_id (topic)));
      g_ptr_array_add (records, topic);
    }
  for (guint i = 0; i < N_SIGNALS; i++)
    {
      HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 12),
                                               g_rand_int_range (rand, 1, 29));

      g_object_set (signal, "topic", topic_ids->pdata[g_rand_int_range (rand, 0, N_TOPICS)],
                    "channel", channels[i % G_N_ELEMENTS (channels)], "date", date,
                    "text", texts[i % G_N_ELEMENTS (texts)], NULL);
      g_ptr_array_add (records, signal);
    }
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
      g_autofree char *title = g_strdup_printf ("Bericht %u", i + 1);

      g_object_set (message, "title", title, "topic", topic_ids->pdata[i % N_TOPICS],
                    "window-start", "2027-01-11", "status", "draft", NULL);
      g_ptr_array_add (records, message);
    }
  g_assert_true (helder_store_save_all (store, records, NULL));
  g_rand_free (rand);
}

static double
wait_for_frame (GtkWidget *window,
                gint64     start,
                Frame     *frame,
                gulong     handler)
{
  gtk_widget_queue_draw (window);
  g_assert_true (helder_test_wait_for (painted, frame));
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);
  return (frame->painted - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-bench-ledger-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(HelderSession) session = NULL;
  g_autoptr(HelderPlanService) plan = NULL;
  GtkWidget *window, *page = NULL;
  double times[MOVES], sync_ms[MOVES];
  gint64 start;

  helder_prepare_renderer ();
  gtk_init ();
  adw_init ();

  store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (store, "sanne");
  session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  start = g_get_monotonic_time ();
  fill (store, topic_ids);
  g_print ("%u priorities, %u topics, %u signals and %u messages saved in %.0f ms\n", N_PRIORITIES, N_TOPICS,
           N_SIGNALS, N_MESSAGES, (g_get_monotonic_time () - start) / 1000.0);
  plan = helder_plan_service_new (store, session);

  /* The move alone: the core's one transaction, no page listening */
  {
    g_autoptr(GListModel) all = helder_store_list (store, HELDER_TYPE_PRIORITY, NULL);
    g_autoptr(GPtrArray) ledger = helder_ledger_sorted (all);
    const char *id = helder_record_get_id (ledger->pdata[N_PRIORITIES - N_PRIORITIES / 9 - 1]);

    for (guint i = 0; i < MOVES; i++)
      {
        start = g_get_monotonic_time ();
        cpu_ms[i] = thread_cpu_ms ();
        g_assert_true (helder_plan_ledger_move_by (plan, id, i % 2 == 0 ? -1 : 1, NULL, NULL));
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
        cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
      }
    report_each ("transaction", times, MOVES);
    report ("ledger move, the transaction alone", times, MOVES, "no target");
    report_cpu (MOVES);
  }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));
  helder_test_iterate (50);

  /* What a frame costs here at all (software rendering under Xvfb): a
   * label changed, to the next frame */
  {
    GtkWidget *label = gtk_label_new ("Prioriteiten");

    gtk_window_set_child (GTK_WINDOW (window), label);
    for (guint i = 0; i < MOVES; i++)
      {
        Frame frame = { 0 };
        gulong handler;
        g_autofree char *text = g_strdup_printf ("Prioriteiten %u", i);

        helder_test_iterate (20);
        handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint), &frame);
        start = g_get_monotonic_time ();
        gtk_label_set_text (GTK_LABEL (label), text);
        times[i] = wait_for_frame (window, start, &frame, handler);
      }
    report ("baseline: a label's change to frame", times, MOVES, "what any frame costs here");
    gtk_window_set_child (GTK_WINDOW (window), NULL);
  }

  /* The ledger view alone: its first frame, and a move */
  {
    Frame frame = { 0 };
    gulong handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                       G_CALLBACK (after_paint), &frame);
    GtkWidget *view;
    GListModel *model;
    g_autoptr(HelderRecord) last = NULL;

    start = g_get_monotonic_time ();
    view = g_object_new (HELDER_TYPE_PRIORITIES_VIEW, "service", plan, NULL);
    gtk_window_set_child (GTK_WINDOW (window), view);
    times[0] = wait_for_frame (window, start, &frame, handler);
    g_print ("%-34s %7.1f ms\n", "ledger view alone to first frame", times[0]);
    model = helder_priorities_view_get_model (HELDER_PRIORITIES_VIEW (view));
    last = g_list_model_get_item (model, N_PRIORITIES - N_PRIORITIES / 9 - 1);
    /* The list alone follows a move (nothing selected) */
    for (guint i = 0; i < MOVES; i++)
      {
        Frame moved = { 0 };

        helder_test_iterate (20);
        handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint), &moved);
        start = g_get_monotonic_time ();
        cpu_ms[i] = thread_cpu_ms ();
        g_assert_true (helder_plan_ledger_move_by (plan, helder_record_get_id (last), i % 2 == 0 ? -1 : 1,
                                                   NULL, NULL));
        times[i] = wait_for_frame (window, start, &moved, handler);
        cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
      }
    report_each ("list alone", times, MOVES);
    report ("ledger list alone: move to frame", times, MOVES, "a frame is 16 ms");
    report_cpu (MOVES);
    helder_test_iterate (100);
    g_assert_true (helder_priorities_view_select (HELDER_PRIORITIES_VIEW (view), helder_record_get_id (last)));
    for (guint i = 0; i < MOVES; i++)
      {
        Frame moved = { 0 };

        helder_test_iterate (20);
        handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint), &moved);
        start = g_get_monotonic_time ();
        cpu_ms[i] = thread_cpu_ms ();
        g_assert_true (gtk_widget_activate_action (view, i % 2 == 0 ? "ledger.move-up" : "ledger.move-down", NULL));
        times[i] = wait_for_frame (window, start, &moved, handler);
        cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
      }
    report_each ("view alone", times, MOVES);
    report ("ledger view alone: move to frame", times, MOVES, "a frame is 16 ms");
    report_cpu (MOVES);
    gtk_window_set_child (GTK_WINDOW (window), NULL);
  }
  /* For a profiler: the view alone, nothing after it */
  if (g_getenv ("BENCH_LEDGER_VIEW_ONLY") != NULL)
    return 0;

  /* The planner page, made and shown, to its first frame */
  for (guint i = 0; i < RUNS; i++)
    {
      Frame frame = { 0 };
      gulong handler;

      gtk_window_set_child (GTK_WINDOW (window), NULL);
      helder_test_iterate (30);
      handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                  G_CALLBACK (after_paint), &frame);
      start = g_get_monotonic_time ();
      cpu_ms[i] = thread_cpu_ms ();
      page = g_object_new (HELDER_TYPE_PLANNER_PAGE, "service", plan, NULL);
      gtk_window_set_child (GTK_WINDOW (window), page);
      times[i] = wait_for_frame (window, start, &frame, handler);
      cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
    }
  report ("planner page to first frame", times, RUNS, "target 100 ms");
  report_cpu (RUNS);

  /* Alt+Up on the last open priority, to the next frame, then Alt+Down
   * back: each move passes another neighbour */
  {
    HelderPrioritiesView *view = HELDER_PRIORITIES_VIEW (gtk_widget_get_template_child (
                                   page, HELDER_TYPE_PLANNER_PAGE, "priorities_view"));
    GListModel *model = helder_priorities_view_get_model (view);
    g_autoptr(HelderRecord) last = g_list_model_get_item (model, N_PRIORITIES - N_PRIORITIES / 9 - 1);

    helder_test_iterate (100);
    g_assert_true (helder_priorities_view_select (view, helder_record_get_id (last)));
    for (guint i = 0; i < MOVES; i++)
      {
        Frame frame = { 0 };
        gulong handler;

        helder_test_iterate (20);
        handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint), &frame);
        start = g_get_monotonic_time ();
        cpu_ms[i] = thread_cpu_ms ();
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), i < MOVES / 2 ? "ledger.move-up"
                                                                                   : "ledger.move-down", NULL));
        sync_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        times[i] = wait_for_frame (window, start, &frame, handler);
        cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
      }
    report_each ("page moves", times, MOVES);
    report ("ledger move (Alt+Up/Down) to frame", times, MOVES, "a frame is 16 ms");
    report_cpu (MOVES);
    report ("  of which the action (store, list)", sync_ms, MOVES, "before layout");
  }

  /* The person-data check on 10,000 texts */
  {
    guint found = 0;

    start = g_get_monotonic_time ();
    for (guint i = 0; i < N_SIGNALS; i++)
      {
        g_autoptr(GArray) parts = helder_person_data_find (texts[i % G_N_ELEMENTS (texts)]);

        found += parts->len;
      }
    g_print ("%-34s %7.1f ms for %u texts (%.1f µs each), %u parts found (none expected)\n",
             "person-data check", (g_get_monotonic_time () - start) / 1000.0, N_SIGNALS,
             (g_get_monotonic_time () - start) / (double) N_SIGNALS, found);
  }

  /* A topic's signal log (the radar's topic pane): the first (which reads
   * the planner's shared list of signals), then switching topics */
  {
    GtkWidget *log = helder_signal_log_new ();
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    /* as in a topic pane: scrolled, beside the radar */
    gtk_widget_set_size_request (scrolled, 420, -1);
    gtk_widget_set_halign (scrolled, GTK_ALIGN_END);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), log);
    gtk_window_set_child (GTK_WINDOW (window), scrolled);
    start = g_get_monotonic_time ();
    helder_signal_log_set_service (HELDER_SIGNAL_LOG (log), plan);
    helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), topic_ids->pdata[0]);
    g_print ("%-34s %7.1f ms (%u signals)\n", "first topic log, shared list read",
             (g_get_monotonic_time () - start) / 1000.0, helder_signal_log_get_n_signals (HELDER_SIGNAL_LOG (log)));
    for (guint i = 0; i < MOVES; i++)
      {
        Frame frame = { 0 };
        gulong handler;

        helder_test_iterate (20);
        handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint), &frame);
        start = g_get_monotonic_time ();
        cpu_ms[i] = thread_cpu_ms ();
        helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), topic_ids->pdata[i + 1]);
        sync_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        times[i] = wait_for_frame (window, start, &frame, handler);
        cpu_ms[i] = thread_cpu_ms () - cpu_ms[i];
      }
    report ("another topic's log to frame", times, MOVES, "a frame is 16 ms");
    report_cpu (MOVES);
    report ("  of which filtering and rows", sync_ms, MOVES, "before layout");
    gtk_window_set_child (GTK_WINDOW (window), NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&plan);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
