/* helder-plan-layout.c: the calendar's layout: the month's grid, a week's lanes, days and months in words
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-plan-messages.h"

void
helder_week_monday (const GDate *date,
                    GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static int
by_window (gconstpointer a,
           gconstpointer b)
{
  HelderRecord *x = *(HelderRecord **) a, *y = *(HelderRecord **) b;
  int c = g_strcmp0 (helder_record_get_text (x, "window_start"), helder_record_get_text (y, "window_start"));

  return c != 0 ? c : g_strcmp0 (helder_record_get_title (x), helder_record_get_title (y));
}

/**
 * helder_month_layout_new:
 * @messages: (element-type HelderRecord): the messages to place
 *
 * Returns: (transfer full): the month's grid: whole weeks from the Monday
 *   on or before the 1st to the Sunday on or after its last day
 */
HelderMonthLayout *
helder_month_layout_new (guint      year,
                         guint      month,
                         GPtrArray *messages)
{
  HelderMonthLayout *layout = g_new0 (HelderMonthLayout, 1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GDate first_of_month, last;
  guint offset, n_cells;

  g_return_val_if_fail (g_date_valid_dmy (1, month, year), layout);

  g_date_clear (&first_of_month, 1);
  g_date_set_dmy (&first_of_month, 1, month, year);
  helder_week_monday (&first_of_month, &layout->first);
  offset = g_date_get_weekday (&first_of_month) - G_DATE_MONDAY;
  layout->n_weeks = (offset + g_date_get_days_in_month (month, year) + 6) / 7;
  n_cells = layout->n_weeks * 7;
  for (guint w = 0; w < layout->n_weeks; w++)
    {
      GDate thursday = layout->first;

      g_date_add_days (&thursday, w * 7 + 3);
      layout->week_numbers[w] = g_date_get_iso8601_week_of_year (&thursday);
    }
  for (guint i = 0; i < n_cells; i++)
    layout->days[i] = g_ptr_array_new_with_free_func (g_object_unref);
  last = layout->first;
  g_date_add_days (&last, n_cells - 1);

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    g_ptr_array_add (sorted, messages->pdata[i]);
  g_ptr_array_sort (sorted, by_window);
  for (guint i = 0; i < sorted->len; i++)
    {
      HelderRecord *message = sorted->pdata[i];
      GDate start, end;
      int from, until;

      if (!helder_message_get_window (message, &start, &end) ||
          g_date_compare (&end, &layout->first) < 0 || g_date_compare (&start, &last) > 0)
        continue;
      from = MAX (0, g_date_days_between (&layout->first, &start));
      until = MIN ((int) n_cells - 1, g_date_days_between (&layout->first, &end));
      for (int cell = from; cell <= until; cell++)
        g_ptr_array_add (layout->days[cell], g_object_ref (message));
    }
  return layout;
}

void
helder_month_layout_free (HelderMonthLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (layout->days); i++)
    g_clear_pointer (&layout->days[i], g_ptr_array_unref);
  g_free (layout);
}

/* The cell of @date, or -1 outside the grid. */
int
helder_month_layout_cell_of (HelderMonthLayout *layout,
                             const GDate       *date)
{
  int days = g_date_days_between (&layout->first, date);

  return days >= 0 && days < (int) layout->n_weeks * 7 ? days : -1;
}

static int
by_first_then_longest (gconstpointer a,
                       gconstpointer b)
{
  const HelderWeekItem *x = a, *y = b;
  int c;

  if (x->first_day != y->first_day)
    return (int) x->first_day - (int) y->first_day;
  if (x->last_day != y->last_day)
    return (int) y->last_day - (int) x->last_day;
  if ((c = g_strcmp0 (helder_record_get_title (x->record), helder_record_get_title (y->record))) != 0)
    return c;
  /* The same order on every rebuild, whatever order the records came in */
  return g_strcmp0 (helder_record_get_id (x->record), helder_record_get_id (y->record));
}

/**
 * helder_week_lanes_of_spans:
 * @monday: the week's first day
 * @spans: (element-type HelderDaySpan): records and their days (a day index's query)
 * @n_lanes: (out) (optional): how many lanes the week needs
 *
 * Like helder_week_lanes(), for days already read.
 *
 * Returns: (transfer full) (element-type HelderWeekItem)
 */
static GArray *
week_items (const GDate *monday,
            GArray      *spans)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (HelderWeekItem));
  gint64 week = g_date_get_julian (monday);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const HelderDaySpan *span = &g_array_index (spans, HelderDaySpan, i);
      HelderWeekItem item = { span->record, };
      gint64 first = (gint64) span->first - week, last = (gint64) span->last - week;

      if (span->first == 0 || last < 0 || first > 6)
        continue;
      item.starts_before = first < 0;
      item.ends_after = last > 6;
      item.first_day = MAX (first, 0);
      item.last_day = MIN (last, 6);
      g_array_append_val (items, item);
    }
  g_array_sort (items, by_first_then_longest);
  return items;
}

/* Each item in the first lane free from its first day on: the fewest lanes */
static guint
pack_lanes (GArray *items)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, TRUE, sizeof (int));

  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);
      guint lane;

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) < (int) item->first_day)
          break;
      if (lane == lane_ends->len)
        g_array_set_size (lane_ends, lane + 1);
      g_array_index (lane_ends, int, lane) = item->last_day;
      item->lane = lane;
    }
  return lane_ends->len;
}

/**
 * helder_week_lanes_of_spans:
 * @monday: the week's first day
 * @spans: (element-type HelderDaySpan): records and their days (a day index's query)
 * @n_lanes: (out) (optional): how many lanes the week needs
 *
 * Like helder_week_lanes(), for days already read.
 *
 * Returns: (transfer full) (element-type HelderWeekItem)
 */
GArray *
helder_week_lanes_of_spans (const GDate *monday,
                            GArray      *spans,
                            guint       *n_lanes)
{
  GArray *items = week_items (monday, spans);
  guint lanes = pack_lanes (items);

  if (n_lanes != NULL)
    *n_lanes = lanes;
  return items;
}

/* A lane as helder_week_lanes_keeping() keeps it: the lane and the days */
#define LANE_HINT(lane, first, last) GUINT_TO_POINTER (((lane) + 1) | ((guint) (first) << 24) | ((guint) (last) << 28))
#define HINT_LANE(hint) ((GPOINTER_TO_UINT (hint) & 0xffffff) - 1)
#define HINT_SAME_DAYS(hint, item) ((GPOINTER_TO_UINT (hint) >> 24) == ((item)->first_day | ((item)->last_day << 4)))

static guint8
day_mask (const HelderWeekItem *item)
{
  return (guint8) (((1u << (item->last_day + 1)) - 1) & ~((1u << item->first_day) - 1));
}

/* Puts @item in @lane if its days are free there */
static gboolean
take_lane (GByteArray     *used,
           HelderWeekItem *item,
           guint           lane)
{
  guint8 mask = day_mask (item);

  if (lane >= used->len)
    {
      guint n = used->len;

      g_byte_array_set_size (used, lane + 1);
      memset (used->data + n, 0, lane + 1 - n);
    }
  if ((used->data[lane] & mask) != 0)
    return FALSE;
  used->data[lane] |= mask;
  item->lane = lane;
  return TRUE;
}

/**
 * helder_week_lanes_keeping:
 * @monday: the week's first day
 * @spans: (element-type HelderDaySpan): records and their days
 * @lanes: (element-type utf8 gpointer): the lanes the week showed, by
 *   record id, as this function leaves them; emptied for another week
 * @n_lanes: (out) (optional): how many lanes the week needs
 *
 * Like helder_week_lanes_of_spans(), but what stays where it was keeps its
 * lane: a message moved by a day moves sideways, and the messages around
 * it stay put, instead of the whole week shuffling.  Unchanged items keep
 * their lane first, then changed ones where they fit, then the rest in
 * the first lane free on all their days.  When that needs more than two
 * lanes beyond the fewest possible, the week is packed anew.
 *
 * Returns: (transfer full) (element-type HelderWeekItem)
 */
GArray *
helder_week_lanes_keeping (const GDate *monday,
                           GArray      *spans,
                           GHashTable  *lanes,
                           guint       *n_lanes)
{
  GArray *items = week_items (monday, spans);
  g_autoptr(GByteArray) used = g_byte_array_new ();
  g_autofree gboolean *placed = g_new0 (gboolean, items->len + 1);
  guint fewest, n;

  g_return_val_if_fail (lanes != NULL, items);

  /* Kept, unchanged; kept, changed; new */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);
        gpointer hint = g_hash_table_lookup (lanes, helder_record_get_id (item->record));

        if (placed[i])
          continue;
        if (pass < 2)
          {
            if (hint == NULL || HINT_SAME_DAYS (hint, item) != (pass == 0))
              continue;
            placed[i] = take_lane (used, item, HINT_LANE (hint));
          }
        else
          for (guint lane = 0; !placed[i]; lane++)
            placed[i] = take_lane (used, item, lane);
      }
  n = used->len;
  while (n > 0 && used->data[n - 1] == 0)
    n--;
  {
    g_autoptr(GArray) packed = g_array_copy (items);

    fewest = pack_lanes (packed);
    if (n > fewest + 2)
      {
        g_array_unref (items);
        items = g_steal_pointer (&packed);
        n = fewest;
      }
  }
  g_hash_table_remove_all (lanes);
  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);

      g_hash_table_insert (lanes, g_strdup (helder_record_get_id (item->record)),
                           LANE_HINT (item->lane, item->first_day, item->last_day));
    }
  if (n_lanes != NULL)
    *n_lanes = n;
  return items;
}

/**
 * helder_week_lanes:
 * @monday: the week's first day
 * @records: (element-type HelderRecord): messages, works or meetings
 * @start_field: the field of the first day ("window_start", "start_date")
 * @end_field: (nullable): the field of the last day
 * @n_lanes: (out) (optional): how many lanes the week needs
 *
 * The records whose days meet the week, each in the first lane free on
 * all its days: overlapping windows lie beside each other.  The days are
 * read as helder_message_get_window() reads them.
 *
 * Returns: (transfer full) (element-type HelderWeekItem): in lane order
 *   per day; the items do not hold a reference on their record
 */
GArray *
helder_week_lanes (const GDate *monday,
                   GPtrArray   *records,
                   const char  *start_field,
                   const char  *end_field,
                   guint       *n_lanes)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (HelderDaySpan));

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      HelderDaySpan span;

      if (helder_day_span_parse (records->pdata[i], start_field, end_field, &span))
        g_array_append_val (spans, span);
    }
  return helder_week_lanes_of_spans (monday, spans, n_lanes);
}

static const char *month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};
static const char *weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/**
 * helder_format_day:
 *
 * Returns: (transfer full): "14 januari 2027", or with the weekday
 *   "donderdag 14 januari 2027"
 */
char *
helder_format_day (const GDate *date,
                   gboolean     with_weekday)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (with_weekday)
    /* Translators: weekday, day, month, year: "donderdag 14 januari 2027" */
    return g_strdup_printf (C_("date", "%s %u %s %u"), _(weekday_names[g_date_get_weekday (date) - 1]),
                            g_date_get_day (date), _(month_names[g_date_get_month (date) - 1]),
                            g_date_get_year (date));
  /* Translators: day, month, year: "14 januari 2027" */
  return g_strdup_printf (C_("date", "%u %s %u"), g_date_get_day (date),
                          _(month_names[g_date_get_month (date) - 1]), g_date_get_year (date));
}

char *
helder_format_month (guint year,
                     guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* Translators: month and year: "januari 2027" */
  return g_strdup_printf (C_("date", "%s %u"), _(month_names[month - 1]), year);
}

