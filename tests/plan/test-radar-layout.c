/* test-radar-layout.c: the topic radar's layout: cells, dot sizes, labels that do not overlap, arrows
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/helder-records.h"
#include "plan/helder-plan-radar.h"

static const HelderRadarRect grid = { 40, 10, 750, 500 };

static void
test_cells (void)
{
  HelderRadarRect cell;
  int admin = 0, societal = 0;

  /* Administrative impact left to right, societal impact bottom to top */
  g_assert_cmpint (helder_radar_column (1), ==, 0);
  g_assert_cmpint (helder_radar_column (5), ==, 4);
  g_assert_cmpint (helder_radar_row (5), ==, 0);
  g_assert_cmpint (helder_radar_row (1), ==, 4);
  /* Out of range is clamped, so a topic is always on the grid */
  g_assert_cmpint (helder_radar_column (0), ==, 0);
  g_assert_cmpint (helder_radar_row (9), ==, 0);

  cell = helder_radar_cell_rect (&grid, 2, 4);
  g_assert_cmpfloat (cell.x, ==, 40 + 150);
  g_assert_cmpfloat (cell.y, ==, 10 + 100);
  g_assert_cmpfloat (cell.width, ==, 150);
  g_assert_cmpfloat (cell.height, ==, 100);

  g_assert_true (helder_radar_cell_at (&grid, cell.x + 5, cell.y + 5, &admin, &societal));
  g_assert_cmpint (admin, ==, 2);
  g_assert_cmpint (societal, ==, 4);
  g_assert_true (helder_radar_cell_at (&grid, 789, 509, &admin, &societal));
  g_assert_cmpint (admin, ==, 5);
  g_assert_cmpint (societal, ==, 1);
  g_assert_false (helder_radar_cell_at (&grid, 20, 100, NULL, NULL));
  g_assert_false (helder_radar_cell_at (&grid, 100, 600, NULL, NULL));
}

static void
test_dot_size (void)
{
  double previous = 0;

  /* Grows with the signals, never past the cap */
  for (guint n = 0; n < 100; n++)
    {
      double r = helder_radar_dot_radius (n);

      g_assert_cmpfloat (r, >=, previous);
      g_assert_cmpfloat (r, <=, 18);
      previous = r;
    }
  g_assert_cmpfloat (helder_radar_dot_radius (0), <, helder_radar_dot_radius (4));
  g_assert_cmpfloat (helder_radar_dot_radius (4), <, helder_radar_dot_radius (12));
}

static void
assert_layout_sound (HelderRadarItem *items,
                     guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      HelderRadarRect cell = helder_radar_cell_rect (&grid, items[i].admin_impact, items[i].societal_impact);
      HelderRadarRect dot = { items[i].x - items[i].radius, items[i].y - items[i].radius,
                              2 * items[i].radius, 2 * items[i].radius };

      /* The dot is in its own cell */
      g_assert_cmpfloat (dot.x, >=, cell.x);
      g_assert_cmpfloat (dot.y, >=, cell.y);
      g_assert_cmpfloat (dot.x + dot.width, <=, cell.x + cell.width);
      g_assert_cmpfloat (dot.y + dot.height, <=, cell.y + cell.height);
      g_assert_cmpfloat (items[i].radius, >=, 2);

      for (guint j = 0; j < n; j++)
        {
          HelderRadarRect other = { items[j].x - items[j].radius, items[j].y - items[j].radius,
                                    2 * items[j].radius, 2 * items[j].radius };

          if (j == i)
            continue;
          /* No two dots overlap */
          g_assert_false (helder_radar_rects_overlap (&dot, &other));
          /* A label covers no dot and no other label */
          if (items[i].label_shown)
            {
              g_assert_false (helder_radar_rects_overlap (&items[i].label, &other));
              if (items[j].label_shown)
                g_assert_false (helder_radar_rects_overlap (&items[i].label, &items[j].label));
            }
        }
      if (items[i].label_shown)
        {
          g_assert_false (helder_radar_rects_overlap (&items[i].label, &dot));
          g_assert_cmpfloat (items[i].label.x, >=, grid.x);
          g_assert_cmpfloat (items[i].label.x + items[i].label.width, <=, grid.x + grid.width);
          g_assert_cmpfloat (items[i].label.y, >=, grid.y);
          g_assert_cmpfloat (items[i].label.y + items[i].label.height, <=, grid.y + grid.height);
        }
    }
}

/* A few topics: every label has room. */
static void
test_labels_sparse (void)
{
  HelderRadarItem items[] = {
    { .admin_impact = 4, .societal_impact = 5, .n_signals = 6, .label_width = 90, .label_height = 16 },
    { .admin_impact = 3, .societal_impact = 4, .n_signals = 3, .label_width = 90, .label_height = 16 },
    { .admin_impact = 3, .societal_impact = 4, .n_signals = 1, .label_width = 90, .label_height = 16 },
    { .admin_impact = 3, .societal_impact = 3, .n_signals = 0, .label_width = 90, .label_height = 16 },
    { .admin_impact = 5, .societal_impact = 5, .n_signals = 0, .label_width = 90, .label_height = 16 },
  };

  helder_radar_layout (items, G_N_ELEMENTS (items), &grid);
  assert_layout_sound (items, G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (items[i].label_shown);
  /* More signals, a bigger dot */
  g_assert_cmpfloat (items[0].radius, >, items[3].radius);
}

/* One crowded cell: dots still apart and inside, labels never overlap,
 * the busiest topics keep theirs, the rest go without. */
static void
test_labels_crowded (void)
{
  HelderRadarItem items[30];
  guint shown = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = (HelderRadarItem) { .admin_impact = 4, .societal_impact = 4, .n_signals = 30 - i,
                                   .label_width = 96, .label_height = 16 };
  /* And neighbours all around it */
  items[28].admin_impact = 5;
  items[29].societal_impact = 5;

  helder_radar_layout (items, G_N_ELEMENTS (items), &grid);
  assert_layout_sound (items, G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    shown += items[i].label_shown;
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, G_N_ELEMENTS (items));
  /* The busiest topic of the cell has its label */
  g_assert_true (items[0].label_shown);
}

/* Many topics all over the grid: still sound. */
static void
test_labels_full_grid (void)
{
  g_autofree HelderRadarItem *items = g_new0 (HelderRadarItem, 500);

  for (guint i = 0; i < 500; i++)
    items[i] = (HelderRadarItem) { .admin_impact = i % 5 + 1, .societal_impact = (i / 5) % 5 + 1,
                                   .n_signals = (i * 7) % 23, .label_width = 60 + i % 40, .label_height = 16 };
  helder_radar_layout (items, 500, &grid);
  assert_layout_sound (items, 500);
}

static void
test_neighbours (void)
{
  HelderRadarItem items[] = {
    { .admin_impact = 1, .societal_impact = 1, .label_width = 40, .label_height = 16 },
    { .admin_impact = 3, .societal_impact = 1, .label_width = 40, .label_height = 16 },
    { .admin_impact = 3, .societal_impact = 4, .label_width = 40, .label_height = 16 },
    { .admin_impact = 5, .societal_impact = 5, .label_width = 40, .label_height = 16 },
  };

  helder_radar_layout (items, G_N_ELEMENTS (items), &grid);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 0, HELDER_RADAR_RIGHT), ==, 1);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 1, HELDER_RADAR_UP), ==, 2);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 2, HELDER_RADAR_DOWN), ==, 1);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 2, HELDER_RADAR_RIGHT), ==, 3);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 1, HELDER_RADAR_LEFT), ==, 0);
  /* Nothing further that way */
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 0, HELDER_RADAR_LEFT), ==, G_MAXUINT);
  g_assert_cmpuint (helder_radar_neighbour (items, 4, 3, HELDER_RADAR_UP), ==, G_MAXUINT);
}

static HelderRecord *
signal_on (const char *topic,
           const char *date)
{
  HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);

  g_object_set (signal, "topic", topic, "date", date, "channel", "Fixi", "text", "Meldingen", NULL);
  return signal;
}

static void
test_recent_signals (void)
{
  g_autoptr(GListStore) signals = g_list_store_new (HELDER_TYPE_SIGNAL);
  g_autoptr(GHashTable) counts = NULL;
  const char *dates[][2] = {
    { "a", "2026-12-02" }, { "a", "2026-11-03" }, { "a", "2026-11-02" },   /* the last one: 31 days back */
    { "b", "2026-11-20T10:00:00+01:00" }, { "b", "2026-12-03" },           /* tomorrow does not count */
    { "c", "2026-10-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(HelderRecord) signal = signal_on (dates[i][0], dates[i][1]);

      g_list_store_append (signals, signal);
    }
  counts = helder_radar_count_recent (G_LIST_MODEL (signals), "2026-12-02", 30);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "a")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "b")), ==, 1);
  g_assert_false (g_hash_table_contains (counts, "c"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/radar/cells", test_cells);
  g_test_add_func ("/radar/dot-size", test_dot_size);
  g_test_add_func ("/radar/labels-sparse", test_labels_sparse);
  g_test_add_func ("/radar/labels-crowded", test_labels_crowded);
  g_test_add_func ("/radar/labels-full-grid", test_labels_full_grid);
  g_test_add_func ("/radar/neighbours", test_neighbours);
  g_test_add_func ("/radar/recent-signals", test_recent_signals);
  return g_test_run ();
}
