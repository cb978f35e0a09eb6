/* helder-plan-days.c: records indexed by the days they cover, kept in step with a live list
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-days"

#include "config.h"

#include "helder-plan-days.h"

/* The calendar shows a month or a week of thousands of messages.  It
 * asked every message, on every rebuild, whether its window meets the
 * days on screen, reading and parsing two dates each time.  A day index
 * reads each record's days once, when it enters the list, and keeps the
 * records sorted by their first day; a query is a binary search and a
 * walk over the records that start in the range (or up to the longest
 * span before it).  The index follows the list's items-changed: a
 * changed record costs a removal and an insertion, not a new index.
 *
 * The days follow helder_message_get_window(): a start alone is one
 * day, an end alone too, and an end before the start is the start. */

/* Up to this many records a change is inserted one by one; more are
 * appended and sorted once (the first fill, a pulled page). */
#define MAX_SINGLE_INSERTS 64

typedef struct
{
  HelderDaySpan span;
  gboolean      dated;
} Entry;

struct _HelderDayIndex
{
  GObject     parent_instance;

  GListModel *model;
  char       *start_field;
  char       *end_field;
  GPtrArray  *mirror;     /* Entry, in the model's order */
  GPtrArray  *sorted;     /* the dated entries, by first day, then address */
  guint32     max_span;   /* no dated entry is longer (may be longer than the longest left) */
};

G_DEFINE_FINAL_TYPE (HelderDayIndex, helder_day_index, G_TYPE_OBJECT)

static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* "YYYY-MM-DD…" as a Julian day, or 0 */
static guint32
parse_julian (const char *iso)
{
  int y, m, d;
  GDate date;

  if (iso == NULL || iso[0] == '\0' || iso[1] == '\0' || iso[2] == '\0' || iso[3] == '\0' || iso[4] != '-' ||
      iso[5] == '\0' || iso[6] == '\0' || iso[7] != '-' || iso[8] == '\0' || iso[9] == '\0')
    return 0;
  y = digits (iso, 4);
  m = digits (iso + 5, 2);
  d = digits (iso + 8, 2);
  if (y < 1 || m < 1 || d < 1 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/**
 * helder_day_span_parse:
 * @end_field: (nullable): the field of the last day; %NULL for one day
 * @span: (out): the record and its days
 *
 * Returns: whether @record has a day at all
 */
gboolean
helder_day_span_parse (HelderRecord  *record,
                       const char    *start_field,
                       const char    *end_field,
                       HelderDaySpan *span)
{
  guint32 first = parse_julian (helder_record_get_text (record, start_field));
  guint32 last = end_field != NULL ? parse_julian (helder_record_get_text (record, end_field)) : 0;

  span->record = record;
  if (first == 0)
    first = last;
  if (last < first)
    last = first;
  span->first = first;
  span->last = last;
  return first != 0;
}

static int
entry_compare (const Entry *a,
               const Entry *b)
{
  if (a->span.first != b->span.first)
    return a->span.first < b->span.first ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
entry_compare_indirect (gconstpointer a,
                        gconstpointer b)
{
  return entry_compare (*(Entry **) a, *(Entry **) b);
}

/* The first position in sorted whose first day is @first or later */
static guint
lower_bound (HelderDayIndex *self,
             guint32         first)
{
  guint lo = 0, hi = self->sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((Entry *) self->sorted->pdata[mid])->span.first < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
sorted_remove (HelderDayIndex *self,
               Entry          *entry)
{
  for (guint i = lower_bound (self, entry->span.first); i < self->sorted->len; i++)
    if (self->sorted->pdata[i] == entry)
      {
        g_ptr_array_remove_index (self->sorted, i);
        return;
      }
  g_warn_if_reached ();
}

static void
sorted_insert (HelderDayIndex *self,
               Entry          *entry)
{
  guint i = lower_bound (self, entry->span.first);

  while (i < self->sorted->len && entry_compare (self->sorted->pdata[i], entry) < 0)
    i++;
  g_ptr_array_insert (self->sorted, i, entry);
}

static Entry *
entry_new (HelderDayIndex *self,
           HelderRecord   *record)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->dated = helder_day_span_parse (record, self->start_field, self->end_field, &entry->span);
  if (entry->dated)
    self->max_span = MAX (self->max_span, entry->span.last - entry->span.first);
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->span.record);
  g_free (entry);
}

static void
on_items_changed (HelderDayIndex *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_return_if_fail (position + removed <= self->mirror->len);

  for (guint i = position; i < position + removed; i++)
    {
      Entry *entry = self->mirror->pdata[i];

      if (entry->dated)
        sorted_remove (self, entry);
    }
  /* (the mirror frees them) */
  g_ptr_array_remove_range (self->mirror, position, removed);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (fresh, entry_new (self, g_list_model_get_item (model, position + i)));
  if (added <= MAX_SINGLE_INSERTS)
    for (guint i = 0; i < added; i++)
      {
        Entry *entry = fresh->pdata[i];

        g_ptr_array_insert (self->mirror, position + i, entry);
        if (entry->dated)
          sorted_insert (self, entry);
      }
  else
    {
      /* The mirror as its head, the new ones and its tail; sorted once */
      GPtrArray *mirror = g_ptr_array_new_full (self->mirror->len + added, entry_free);

      for (guint i = 0; i < position; i++)
        g_ptr_array_add (mirror, self->mirror->pdata[i]);
      for (guint i = 0; i < added; i++)
        {
          g_ptr_array_add (mirror, fresh->pdata[i]);
          if (((Entry *) fresh->pdata[i])->dated)
            g_ptr_array_add (self->sorted, fresh->pdata[i]);
        }
      for (guint i = position; i < self->mirror->len; i++)
        g_ptr_array_add (mirror, self->mirror->pdata[i]);
      g_ptr_array_set_free_func (self->mirror, NULL);
      g_ptr_array_unref (self->mirror);
      self->mirror = mirror;
      g_ptr_array_sort (self->sorted, entry_compare_indirect);
    }
}

/**
 * helder_day_index_query:
 * @from: the first day
 * @until: the last day
 *
 * Returns: (transfer full) (element-type HelderDaySpan): the records
 *   whose days meet [@from, @until], by first day; the spans borrow the
 *   index's reference on their record, good until the model changes
 */
GArray *
helder_day_index_query (HelderDayIndex *self,
                        const GDate    *from,
                        const GDate    *until)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HelderDaySpan));
  guint32 first, last;

  g_return_val_if_fail (HELDER_IS_DAY_INDEX (self), spans);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (until), spans);

  first = g_date_get_julian (from);
  last = g_date_get_julian (until);
  /* A record that starts before @from can reach into it by max_span days */
  for (guint i = lower_bound (self, first > self->max_span ? first - self->max_span : 0); i < self->sorted->len; i++)
    {
      Entry *entry = self->sorted->pdata[i];

      if (entry->span.first > last)
        break;
      if (entry->span.last >= first)
        g_array_append_val (spans, entry->span);
    }
  return spans;
}

guint
helder_day_index_get_n_spans (HelderDayIndex *self)
{
  g_return_val_if_fail (HELDER_IS_DAY_INDEX (self), 0);

  return self->sorted->len;
}

static void
helder_day_index_dispose (GObject *object)
{
  HelderDayIndex *self = HELDER_DAY_INDEX (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (helder_day_index_parent_class)->dispose (object);
}

static void
helder_day_index_finalize (GObject *object)
{
  HelderDayIndex *self = HELDER_DAY_INDEX (object);

  g_ptr_array_unref (self->sorted);
  g_ptr_array_unref (self->mirror);
  g_free (self->start_field);
  g_free (self->end_field);

  G_OBJECT_CLASS (helder_day_index_parent_class)->finalize (object);
}

static void
helder_day_index_class_init (HelderDayIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_day_index_dispose;
  object_class->finalize = helder_day_index_finalize;
}

static void
helder_day_index_init (HelderDayIndex *self)
{
  self->mirror = g_ptr_array_new_with_free_func (entry_free);
  self->sorted = g_ptr_array_new ();
}

/**
 * helder_day_index_new:
 * @model: a list of records, followed from now on
 * @start_field: the field of the first day ("window_start", "start_date")
 * @end_field: (nullable): the field of the last day
 *
 * Returns: (transfer full): an index of @model's records by their days.
 *   Connect to @model's items-changed after making it: the index is up to
 *   date when the later handlers run.
 */
HelderDayIndex *
helder_day_index_new (GListModel *model,
                      const char *start_field,
                      const char *end_field)
{
  HelderDayIndex *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (start_field != NULL, NULL);

  self = g_object_new (HELDER_TYPE_DAY_INDEX, NULL);
  self->model = g_object_ref (model);
  self->start_field = g_strdup (start_field);
  self->end_field = g_strdup (end_field);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  on_items_changed (self, 0, 0, g_list_model_get_n_items (model), model);
  return self;
}
