/* helder-plan-radar.c: the topic radar's layout: cells, dot sizes, labels that do not overlap, neighbours
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-radar"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helder-plan-radar.h"
#include "model/helder-records.h"

/* Pure geometry, so the radar widget only draws what this decides and the
 * tests check it without a display.  Coordinates are the widget's
 * (y grows downwards). */

#define CELL_PADDING   6.0
#define LABEL_GAP      4.0
#define MIN_RADIUS     5.0
#define MAX_RADIUS     18.0

int
helder_radar_column (int admin_impact)
{
  return CLAMP (admin_impact, 1, HELDER_RADAR_SIZE) - 1;
}

/* The top row holds the highest societal impact. */
int
helder_radar_row (int societal_impact)
{
  return HELDER_RADAR_SIZE - CLAMP (societal_impact, 1, HELDER_RADAR_SIZE);
}

/**
 * helder_radar_dot_radius:
 * @n_signals: the topic's signals in the last 30 days
 *
 * A dot's area grows with its signals (so twice the signals look about
 * twice as big), from 5 px for none to at most 18 px.
 */
double
helder_radar_dot_radius (guint n_signals)
{
  return MIN (MIN_RADIUS + 2.5 * sqrt ((double) n_signals), MAX_RADIUS);
}

HelderRadarRect
helder_radar_cell_rect (const HelderRadarRect *grid,
                        int                    admin_impact,
                        int                    societal_impact)
{
  double w = grid->width / HELDER_RADAR_SIZE, h = grid->height / HELDER_RADAR_SIZE;

  return (HelderRadarRect) { grid->x + helder_radar_column (admin_impact) * w,
                             grid->y + helder_radar_row (societal_impact) * h, w, h };
}

/**
 * helder_radar_cell_at:
 *
 * Returns: whether (@x, @y) is on the grid, with the cell's scores
 */
gboolean
helder_radar_cell_at (const HelderRadarRect *grid,
                      double                 x,
                      double                 y,
                      int                   *admin_impact,
                      int                   *societal_impact)
{
  int column, row;

  g_return_val_if_fail (grid != NULL, FALSE);

  if (grid->width <= 0 || grid->height <= 0 ||
      x < grid->x || y < grid->y || x >= grid->x + grid->width || y >= grid->y + grid->height)
    return FALSE;
  column = (int) ((x - grid->x) / (grid->width / HELDER_RADAR_SIZE));
  row = (int) ((y - grid->y) / (grid->height / HELDER_RADAR_SIZE));
  if (admin_impact != NULL)
    *admin_impact = CLAMP (column, 0, HELDER_RADAR_SIZE - 1) + 1;
  if (societal_impact != NULL)
    *societal_impact = HELDER_RADAR_SIZE - CLAMP (row, 0, HELDER_RADAR_SIZE - 1);
  return TRUE;
}

/* Labels are at most this wide (longer ones wrap to a second line and are
 * then ellipsized): one fits in its cell beside a column of dots of
 * @largest_radius. */
double
helder_radar_label_max_width (const HelderRadarRect *grid,
                              double                 largest_radius)
{
  return MAX (grid->width / HELDER_RADAR_SIZE - 2 * MIN (largest_radius, MAX_RADIUS) - 2 * CELL_PADDING - LABEL_GAP,
              24.0);
}

gboolean
helder_radar_rects_overlap (const HelderRadarRect *a,
                            const HelderRadarRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const HelderRadarRect *inner,
             const HelderRadarRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static HelderRadarRect
dot_rect (const HelderRadarItem *item)
{
  return (HelderRadarRect) { item->x - item->radius, item->y - item->radius,
                             2 * item->radius, 2 * item->radius };
}

/* Biggest first: their labels get the first choice of places. */
static int
by_weight (gconstpointer a,
           gconstpointer b,
           gpointer      data)
{
  const HelderRadarItem *items = data;
  const HelderRadarItem *x = &items[*(const guint *) a], *y = &items[*(const guint *) b];
  int score_x = x->admin_impact * x->societal_impact, score_y = y->admin_impact * y->societal_impact;

  if (x->n_signals != y->n_signals)
    return x->n_signals > y->n_signals ? -1 : 1;
  if (score_x != score_y)
    return score_y - score_x;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Dots of one cell: one column along the cell's left side while their
 * labels fit beside them, a grid of slots when the cell is crowded. */
static void
place_dots (HelderRadarItem       *items,
            const guint           *members,
            guint                  k,
            const HelderRadarRect *cell,
            double                 row_height)
{
  double inner_w = MAX (cell->width - 2 * CELL_PADDING, 1);
  double inner_h = MAX (cell->height - 2 * CELL_PADDING, 1);
  guint fit_in_column = MAX ((guint) (inner_h / row_height), 1);
  guint columns, rows;
  double slot_w, slot_h;

  if (k <= fit_in_column)
    {
      double largest = 0;

      slot_h = inner_h / k;
      for (guint j = 0; j < k; j++)
        largest = MAX (largest, MIN (helder_radar_dot_radius (items[members[j]].n_signals), slot_h / 2 - 1));
      for (guint j = 0; j < k; j++)
        {
          HelderRadarItem *item = &items[members[j]];

          item->radius = MAX (MIN (helder_radar_dot_radius (item->n_signals), slot_h / 2 - 1), 2);
          item->x = cell->x + CELL_PADDING + largest;
          item->y = cell->y + CELL_PADDING + slot_h * (j + 0.5);
        }
      return;
    }

  columns = (guint) ceil (sqrt (k * inner_w / inner_h));
  columns = CLAMP (columns, 1, k);
  rows = (k + columns - 1) / columns;
  slot_w = inner_w / columns;
  slot_h = inner_h / rows;
  for (guint j = 0; j < k; j++)
    {
      HelderRadarItem *item = &items[members[j]];

      item->radius = MAX (MIN (helder_radar_dot_radius (item->n_signals), MIN (slot_w, slot_h) / 2 - 1), 2);
      item->x = cell->x + CELL_PADDING + slot_w * (j % columns + 0.5);
      item->y = cell->y + CELL_PADDING + slot_h * (j / columns + 0.5);
    }
}

static gboolean
label_fits (const HelderRadarItem *items,
            guint                  n_items,
            const HelderRadarRect *grid,
            const HelderRadarRect *candidate,
            const GArray          *placed)
{
  if (!rect_inside (candidate, grid))
    return FALSE;
  for (guint i = 0; i < placed->len; i++)
    if (helder_radar_rects_overlap (candidate, &g_array_index (placed, HelderRadarRect, i)))
      return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      HelderRadarRect dot = dot_rect (&items[i]);

      if (helder_radar_rects_overlap (candidate, &dot))
        return FALSE;
    }
  return TRUE;
}

/**
 * helder_radar_layout:
 * @items: (array length=n_items): the topics, with scores, signal counts
 *   and label sizes
 * @grid: the grid's place in the widget
 *
 * Places each topic's dot in its cell, no two dots overlapping, and its
 * label beside it where there is room: right, left, below or above the
 * dot, inside the grid, over no dot and no other label.  Labels of the
 * topics with the most signals are placed first; one without room is not
 * shown (label_shown is FALSE).
 */
void
helder_radar_layout (HelderRadarItem       *items,
                     guint                  n_items,
                     const HelderRadarRect *grid)
{
  GArray *cells[HELDER_RADAR_SIZE * HELDER_RADAR_SIZE] = { NULL, };
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_items);
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (HelderRadarRect), n_items);
  double row_height = 2 * MIN_RADIUS + 2;

  g_return_if_fail (items != NULL || n_items == 0);
  g_return_if_fail (grid != NULL);

  for (guint i = 0; i < n_items; i++)
    {
      guint cell = helder_radar_row (items[i].societal_impact) * HELDER_RADAR_SIZE +
                   helder_radar_column (items[i].admin_impact);

      if (cells[cell] == NULL)
        cells[cell] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (cells[cell], i);
      g_array_append_val (order, i);
      row_height = MAX (row_height, items[i].label_height + 2);
      items[i].label_shown = FALSE;
    }
  g_array_sort_with_data (order, by_weight, items);

  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      HelderRadarRect cell;

      if (cells[c] == NULL)
        continue;
      g_array_sort_with_data (cells[c], by_weight, items);
      cell = helder_radar_cell_rect (grid, c % HELDER_RADAR_SIZE + 1, HELDER_RADAR_SIZE - c / HELDER_RADAR_SIZE);
      place_dots (items, (guint *) cells[c]->data, cells[c]->len, &cell, row_height);
      g_array_unref (cells[c]);
    }

  for (guint o = 0; o < order->len; o++)
    {
      HelderRadarItem *item = &items[g_array_index (order, guint, o)];
      double w = item->label_width, h = item->label_height;
      HelderRadarRect candidates[] = {
        { item->x + item->radius + LABEL_GAP, item->y - h / 2, w, h },
        { item->x - item->radius - LABEL_GAP - w, item->y - h / 2, w, h },
        { item->x - w / 2, item->y + item->radius + 1, w, h },
        { item->x - w / 2, item->y - item->radius - 1 - h, w, h },
      };

      if (w <= 0 || h <= 0)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (label_fits (items, n_items, grid, &candidates[k], placed))
          {
            item->label = candidates[k];
            item->label_shown = TRUE;
            g_array_append_val (placed, candidates[k]);
            break;
          }
    }
}

/**
 * helder_radar_neighbour:
 * @from: the index of the item that has the focus
 *
 * The item the arrow key @direction goes to from @from: the nearest one
 * that way, where being off to the side counts twice.
 *
 * Returns: its index, or G_MAXUINT when there is none that way
 */
guint
helder_radar_neighbour (const HelderRadarItem *items,
                        guint                  n_items,
                        guint                  from,
                        HelderRadarDirection   direction)
{
  guint best = G_MAXUINT;
  double best_cost = G_MAXDOUBLE;

  g_return_val_if_fail (from < n_items, G_MAXUINT);

  for (guint i = 0; i < n_items; i++)
    {
      double dx = items[i].x - items[from].x, dy = items[i].y - items[from].y;
      double along, across, cost;

      if (i == from)
        continue;
      switch (direction)
        {
        case HELDER_RADAR_LEFT:
          along = -dx, across = fabs (dy);
          break;
        case HELDER_RADAR_RIGHT:
          along = dx, across = fabs (dy);
          break;
        case HELDER_RADAR_UP:
          along = -dy, across = fabs (dx);
          break;
        case HELDER_RADAR_DOWN:
        default:
          along = dy, across = fabs (dx);
          break;
        }
      /* Straight across counts as that way when it is no further off */
      if (along <= 0.5)
        continue;
      cost = along + 2 * across;
      if (cost < best_cost)
        best_cost = cost, best = i;
    }
  return best;
}

static char *
cutoff_day (const char *today,
            guint       days)
{
  int y, m, d;
  GDate date;
  char text[16];

  if (today == NULL || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_days (&date, days > 0 ? days - 1 : 0);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/**
 * helder_radar_count_recent:
 * @signals: signal records
 * @today: YYYY-MM-DD
 * @days: how many days back, today included
 *
 * Returns: (transfer full) (element-type utf8 guint): per topic id, its
 *   signals dated in the last @days days (GUINT_TO_POINTER)
 */
GHashTable *
helder_radar_count_recent (GListModel *signals,
                           const char *today,
                           guint       days)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *from = cutoff_day (today, days);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (signals), counts);

  if (from == NULL)
    return counts;
  n = g_list_model_get_n_items (signals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) signal = g_list_model_get_item (signals, i);
      const char *date = helder_record_get_text (signal, "date");
      const char *topic = helder_record_get_text (signal, "topic");
      gpointer value;

      if (date == NULL || topic == NULL || *topic == '\0' ||
          strncmp (date, from, 10) < 0 || strncmp (date, today, 10) > 0)
        continue;
      value = g_hash_table_lookup (counts, topic);
      g_hash_table_replace (counts, g_strdup (topic), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
    }
  return counts;
}
