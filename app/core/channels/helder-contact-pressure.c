/* helder-contact-pressure.c: how many messages each audience gets per week, against its budget
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-contact-pressure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-channel-choice.h"
#include "helder-contact-pressure.h"

/* "We don't flood residents": a message counts in the ISO week of its
 * first day, for each audience it names and every segment of those (a
 * message to all residents lands on the 65+ too).  A message for an area
 * (a street, a wijk) lands only there, and one for a wijk on its streets
 * too; a cell is what one resident of the audience gets: the messages
 * for everyone plus the most any one area gets.  Urgent, crisis and
 * legally required messages are counted but never put a week over its
 * budget. */

struct _HelderContactPressure
{
  HelderChannelSettings *settings;
  GHashTable *messages;      /* id → Entry */
  GHashTable *weeks;         /* HelderWeek → Week */
  GHashTable *area_ids;      /* area id → index + 1 */
  GArray     *area_parent;   /* int per area index: its parent's index or -1 */
  HelderWeek  first;
  HelderWeek  last;
  guint       n_over;
};

typedef struct
{
  HelderRecord *record;
  HelderWeek    week;
  gboolean      exempt;
  int           areas[8];    /* area indices; none: everyone */
  guint         n_areas;
  guint8       *reaches;     /* per audience: the message lands on it */
  guint8       *chosen;      /* per channel, read from "channels" when first asked */
} Entry;

typedef struct
{
  GPtrArray  *entries;       /* Entry, borrowed */
  guint      *count;         /* per audience, the cell's values */
  guint      *exempt;
  guint      *channel_load;  /* per channel, when first asked */
} Week;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->record);
  g_free (entry->reaches);
  g_free (entry->chosen);
  g_free (entry);
}

static void
week_free (gpointer data)
{
  Week *week = data;

  g_ptr_array_unref (week->entries);
  g_free (week->count);
  g_free (week->exempt);
  g_free (week->channel_load);
  g_free (week);
}

/* Weeks */

HelderWeek
helder_week_from_ymd (int year,
                      int month,
                      int day)
{
  GDate date;
  guint32 julian;

  if (!g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  julian = g_date_get_julian (&date);
  return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/**
 * helder_week_from_date:
 * @date: "YYYY-MM-DD", or an ISO 8601 date-time (its day in local time)
 *
 * Returns: the week, or 0 for no date
 */
HelderWeek
helder_week_from_date (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) < 10)
    return 0;
  if (date[10] != '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (date, local);
      g_autoptr(GDateTime) here = when ? g_date_time_to_timezone (when, local) : NULL;

      if (here == NULL)
        return 0;
      return helder_week_from_ymd (g_date_time_get_year (here), g_date_time_get_month (here),
                                   g_date_time_get_day_of_month (here));
    }
  if (!g_ascii_isdigit (date[0]) || date[4] != '-' || date[7] != '-')
    return 0;
  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  return helder_week_from_ymd (y, m, d);
}

void
helder_week_get_iso (HelderWeek  week,
                     int        *iso_year,
                     int        *iso_week)
{
  GDate thursday;

  /* The ISO year is the year of the week's Thursday. */
  g_date_clear (&thursday, 1);
  g_date_set_julian (&thursday, week + 3);
  if (iso_year != NULL)
    *iso_year = g_date_get_year (&thursday);
  if (iso_week != NULL)
    *iso_week = (g_date_get_day_of_year (&thursday) - 1) / 7 + 1;
}

/* "week 53 van 2026" */
char *
helder_week_format (HelderWeek week)
{
  int year, number;

  helder_week_get_iso (week, &year, &number);
  return g_strdup_printf (_("week %d of %d"), number, year);
}

/* "wk 53" */
char *
helder_week_format_short (HelderWeek week)
{
  int number;

  helder_week_get_iso (week, NULL, &number);
  return g_strdup_printf (_("wk %d"), number);
}

/* The Monday as "YYYY-MM-DD" */
char *
helder_week_to_date (HelderWeek week)
{
  GDate monday;

  g_date_clear (&monday, 1);
  g_date_set_julian (&monday, week);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&monday), g_date_get_month (&monday),
                          g_date_get_day (&monday));
}

/**
 * helder_message_is_exempt:
 *
 * Urgent and crisis messages (urgency 3) and legally required ones (legal
 * effect) are counted but never over the budget.
 */
gboolean
helder_message_is_exempt (HelderRecord *message)
{
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);

  return helder_record_get_int (message, "urgency") >= 3 || helder_record_get_bool (message, "legal_effect");
}

/* Building */

static int
area_index (HelderContactPressure *self,
            const char            *id)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->area_ids, id, NULL, &value))
    {
      int none = -1;

      g_array_append_val (self->area_parent, none);
      value = GUINT_TO_POINTER (self->area_parent->len);
      g_hash_table_insert (self->area_ids, g_strdup (id), value);
    }
  return GPOINTER_TO_INT (value) - 1;
}

static void
load_areas (HelderContactPressure *self,
            GListModel            *areas)
{
  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HelderRecord) area = g_list_model_get_item (areas, i);
      const char *parent = helder_record_get_text (area, "parent");
      int index = area_index (self, helder_record_get_id (area));

      if (parent != NULL && parent[0] != '\0')
        {
          int up = area_index (self, parent);

          g_array_index (self->area_parent, int, index) = up != index ? up : -1;
        }
    }
}

static Entry *
entry_new (HelderContactPressure *self,
           HelderRecord          *message,
           HelderWeek             week)
{
  HelderChannelSettings *settings = self->settings;
  guint n_audiences = helder_channel_settings_get_n_audiences (settings);
  const char * const *audiences = helder_record_get_list (message, "audiences");
  const char * const *areas = helder_record_get_list (message, "areas");
  Entry *entry = g_new0 (Entry, 1);

  entry->record = g_object_ref (message);
  entry->week = week;
  entry->exempt = helder_message_is_exempt (message);
  entry->reaches = g_new0 (guint8, MAX (n_audiences, 1));
  for (guint i = 0; audiences != NULL && audiences[i] != NULL; i++)
    {
      int a = helder_channel_settings_find_audience (settings, audiences[i]);
      const HelderAudienceInfo *info;

      if (a < 0)
        continue;
      info = helder_channel_settings_get_audience (settings, a);
      for (guint d = 0; d < info->n_reaches; d++)
        entry->reaches[info->reaches[d]] = TRUE;
    }
  for (guint i = 0; areas != NULL && areas[i] != NULL && entry->n_areas < G_N_ELEMENTS (entry->areas); i++)
    entry->areas[entry->n_areas++] = area_index (self, areas[i]);
  return entry;
}

static gboolean
area_within (HelderContactPressure *self,
             int                    area,
             int                    ancestor)
{
  for (guint depth = 0; area >= 0 && depth < 8; depth++)
    {
      if (area == ancestor)
        return TRUE;
      area = g_array_index (self->area_parent, int, area);
    }
  return FALSE;
}

static gboolean
entry_lands_in (HelderContactPressure *self,
                const Entry           *entry,
                int                    area)
{
  if (entry->n_areas == 0)
    return TRUE;
  for (guint i = 0; i < entry->n_areas; i++)
    if (area_within (self, area, entry->areas[i]))
      return TRUE;
  return FALSE;
}

/* Whether one resident can get both: one is for everyone, or an area of
 * one lies within an area of the other. */
static gboolean
entries_overlap (HelderContactPressure *self,
                 const Entry           *a,
                 const Entry           *b)
{
  for (guint i = 0; i < a->n_areas; i++)
    if (entry_lands_in (self, b, a->areas[i]))
      return TRUE;
  for (guint i = 0; i < b->n_areas; i++)
    if (entry_lands_in (self, a, b->areas[i]))
      return TRUE;
  return a->n_areas == 0 || b->n_areas == 0;
}

/* The messages of @entries (but @except) that land on @audience in @area
 * (-1: one resident anywhere: everyone's plus the most of one area). */
static void
count_cell (HelderContactPressure *self,
            GPtrArray             *entries,
            const Entry           *except,
            guint                  audience,
            int                    area,
            guint                 *count,
            guint                 *exempt)
{
  guint best = 0, best_exempt = 0, whole = 0, whole_exempt = 0;

  *count = *exempt = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = entries->pdata[i];

      if (e == except || !e->reaches[audience] || (area >= 0 && !entry_lands_in (self, e, area)))
        continue;
      if (area >= 0 || e->n_areas == 0)
        {
          whole++;
          whole_exempt += e->exempt;
        }
    }
  if (area >= 0)
    {
      *count = whole;
      *exempt = whole_exempt;
      return;
    }
  /* the busiest area: try each area a message of the week names, once */
  {
    int seen[32];
    guint n_seen = 0;

    for (guint i = 0; i < entries->len; i++)
      {
        const Entry *e = entries->pdata[i];

        for (guint j = 0; e != except && e->reaches[audience] && j < e->n_areas; j++)
          {
            gboolean known = FALSE;
            guint c, x;

            for (guint k = 0; k < n_seen && !known; k++)
              known = seen[k] == e->areas[j];
            if (known)
              continue;
            if (n_seen < G_N_ELEMENTS (seen))
              seen[n_seen++] = e->areas[j];
            count_cell (self, entries, except, audience, e->areas[j], &c, &x);
            if (c - x > best - best_exempt || (c - x == best - best_exempt && c > best))
              {
                best = c;
                best_exempt = x;
              }
          }
      }
  }
  *count = MAX (best, whole);
  *exempt = best > whole ? best_exempt : whole_exempt;
}

/* A week's messages in the order of their first day, then their title */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  HelderRecord *x = (*(Entry * const *) a)->record, *y = (*(Entry * const *) b)->record;
  int order = g_strcmp0 (helder_record_get_text (x, "window_start"), helder_record_get_text (y, "window_start"));

  if (order == 0)
    order = g_strcmp0 (helder_record_get_title (x), helder_record_get_title (y));
  return order != 0 ? order : g_strcmp0 (helder_record_get_id (x), helder_record_get_id (y));
}

static Week *
ensure_week (HelderContactPressure *self,
             HelderWeek             week)
{
  Week *w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (week));

  if (w == NULL)
    {
      guint n_audiences = MAX (helder_channel_settings_get_n_audiences (self->settings), 1);

      w = g_new0 (Week, 1);
      w->entries = g_ptr_array_new ();
      w->count = g_new0 (guint, n_audiences);
      w->exempt = g_new0 (guint, n_audiences);
      g_hash_table_insert (self->weeks, GUINT_TO_POINTER (week), w);
    }
  return w;
}

static guint
count_over (HelderContactPressure *self,
            Week                  *w)
{
  guint n_audiences = helder_channel_settings_get_n_audiences (self->settings), over = 0;

  for (guint a = 0; a < n_audiences; a++)
    if (w->count[a] - w->exempt[a] > (guint) helder_channel_settings_get_budget (self->settings, a))
      over++;
  return over;
}

/* Counts @w's cells (again) and what is over */
static void
count_week (HelderContactPressure *self,
            Week                  *w)
{
  guint n_audiences = helder_channel_settings_get_n_audiences (self->settings);

  self->n_over -= count_over (self, w);
  for (guint a = 0; a < n_audiences; a++)
    count_cell (self, w->entries, NULL, a, -1, &w->count[a], &w->exempt[a]);
  self->n_over += count_over (self, w);
  g_clear_pointer (&w->channel_load, g_free);
}

/* The first and last week with a message */
static void
find_span (HelderContactPressure *self)
{
  GHashTableIter iter;
  gpointer key;

  self->first = self->last = 0;
  g_hash_table_iter_init (&iter, self->weeks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      HelderWeek week = GPOINTER_TO_UINT (key);

      self->first = self->first == 0 ? week : MIN (self->first, week);
      self->last = MAX (self->last, week);
    }
}

/**
 * helder_contact_pressure_new:
 * @messages: (element-type HelderMessage): the planned messages
 * @areas: (element-type HelderArea) (nullable): the areas, for which
 *   street lies in which wijk
 *
 * Returns: (transfer full): the pressure per week and audience
 */
HelderContactPressure *
helder_contact_pressure_new (HelderChannelSettings *settings,
                             GListModel            *messages,
                             GListModel            *areas)
{
  HelderContactPressure *self;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (messages), NULL);

  helder_channel_settings_seal (settings);
  self = g_new0 (HelderContactPressure, 1);
  self->settings = helder_channel_settings_ref (settings);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->weeks = g_hash_table_new_full (NULL, NULL, NULL, week_free);
  self->area_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_parent = g_array_new (FALSE, FALSE, sizeof (int));
  load_areas (self, areas);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (messages, i);
      HelderWeek week = helder_week_from_date (helder_record_get_text (message, "window_start"));
      Entry *entry;

      if (week == 0 || g_hash_table_contains (self->messages, helder_record_get_id (message)))
        continue;
      entry = entry_new (self, message, week);
      g_hash_table_replace (self->messages, g_strdup (helder_record_get_id (message)), entry);
      g_ptr_array_add (ensure_week (self, week)->entries, entry);
    }

  g_hash_table_iter_init (&iter, self->weeks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Week *w = value;

      g_ptr_array_sort (w->entries, compare_entries);
      count_week (self, w);
    }
  find_span (self);
  return self;
}

/**
 * helder_contact_pressure_update:
 * @id: a message's id
 * @message: (nullable): the message as it is now, %NULL when it is gone
 *
 * Follows one message's change (made, edited, moved, deleted) by
 * counting only the week it left and the week it went to: a drag in the
 * Kalender does not count a year of messages again.
 */
void
helder_contact_pressure_update (HelderContactPressure *self,
                                const char            *id,
                                HelderRecord          *message)
{
  HelderWeek week = 0;
  Entry *old, *entry;
  Week *w;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);
  g_return_if_fail (message == NULL || HELDER_IS_MESSAGE (message));

  if (message != NULL)
    week = helder_week_from_date (helder_record_get_text (message, "window_start"));
  if ((old = g_hash_table_lookup (self->messages, id)) != NULL)
    {
      HelderWeek was = old->week;

      w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (was));
      g_ptr_array_remove (w->entries, old);
      g_hash_table_remove (self->messages, id);
      if (w->entries->len == 0)
        {
          self->n_over -= count_over (self, w);
          g_hash_table_remove (self->weeks, GUINT_TO_POINTER (was));
        }
      else if (was != week)
        count_week (self, w);
    }
  if (week != 0)
    {
      guint position = 0;

      entry = entry_new (self, message, week);
      g_hash_table_replace (self->messages, g_strdup (id), entry);
      w = ensure_week (self, week);
      /* (in order, as a week counted from scratch has them) */
      while (position < w->entries->len && compare_entries (&w->entries->pdata[position], &entry) < 0)
        position++;
      g_ptr_array_insert (w->entries, position, entry);
      count_week (self, w);
    }
  find_span (self);
}

void
helder_contact_pressure_free (HelderContactPressure *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->weeks);
  g_hash_table_unref (self->messages);
  g_hash_table_unref (self->area_ids);
  g_array_unref (self->area_parent);
  helder_channel_settings_unref (self->settings);
  g_free (self);
}

HelderChannelSettings *
helder_contact_pressure_get_settings (HelderContactPressure *self)
{
  return self->settings;
}

/* The first and last week with a message; 0 without any. */
HelderWeek
helder_contact_pressure_get_first (HelderContactPressure *self)
{
  return self->first;
}

HelderWeek
helder_contact_pressure_get_last (HelderContactPressure *self)
{
  return self->last;
}

/* How many cells (week × audience) are over their budget. */
guint
helder_contact_pressure_count_over (HelderContactPressure *self)
{
  return self->n_over;
}

void
helder_contact_pressure_get_cell (HelderContactPressure *self,
                                  HelderWeek             week,
                                  guint                  audience,
                                  HelderPressureCell    *cell)
{
  Week *w;

  g_return_if_fail (self != NULL && cell != NULL);
  g_return_if_fail (audience < helder_channel_settings_get_n_audiences (self->settings));

  w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (week));
  cell->count = w ? w->count[audience] : 0;
  cell->exempt = w ? w->exempt[audience] : 0;
  cell->budget = helder_channel_settings_get_budget (self->settings, audience);
  cell->over = cell->count - cell->exempt > cell->budget;
}

/**
 * helder_contact_pressure_messages_in:
 *
 * Returns: (transfer container) (element-type HelderMessage): the
 *   messages of @week that land on @audience
 */
GPtrArray *
helder_contact_pressure_messages_in (HelderContactPressure *self,
                                     HelderWeek             week,
                                     guint                  audience)
{
  GPtrArray *records = g_ptr_array_new ();
  Week *w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (week));

  for (guint i = 0; w != NULL && i < w->entries->len; i++)
    {
      Entry *e = w->entries->pdata[i];

      if (e->reaches[audience])
        g_ptr_array_add (records, e->record);
    }
  return records;
}

/**
 * helder_contact_pressure_channel_load:
 * @except_id: (nullable): a message not to count (the one being advised)
 * @load: (out caller-allocates): per channel of the settings, the
 *   messages of @week that chose it
 */
void
helder_contact_pressure_channel_load (HelderContactPressure *self,
                                      HelderWeek             week,
                                      const char            *except_id,
                                      guint                 *load)
{
  guint n = helder_channel_settings_get_n_channels (self->settings);
  Week *w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (week));

  memset (load, 0, n * sizeof (guint));
  if (w == NULL)
    return;
  /* Each message's channels are read once, each week's load summed once:
   * the matrix asks for every message's week. */
  if (w->channel_load == NULL)
    {
      g_autofree gboolean *chosen = g_new0 (gboolean, MAX (n, 1));

      w->channel_load = g_new0 (guint, MAX (n, 1));
      for (guint i = 0; i < w->entries->len; i++)
        {
          Entry *e = w->entries->pdata[i];
          g_autoptr(HelderChannelChoice) choice = helder_channel_choice_parse (helder_record_get_text (e->record, "channels"));

          helder_channel_choice_to_chosen (choice, self->settings, chosen);
          g_free (e->chosen);
          e->chosen = g_new0 (guint8, MAX (n, 1));
          for (guint c = 0; c < n; c++)
            {
              e->chosen[c] = chosen[c] != FALSE;
              w->channel_load[c] += e->chosen[c];
            }
        }
    }
  memcpy (load, w->channel_load, n * sizeof (guint));
  for (guint i = 0; except_id != NULL && i < w->entries->len; i++)
    {
      Entry *e = w->entries->pdata[i];

      if (e->chosen != NULL && g_strcmp0 (helder_record_get_id (e->record), except_id) == 0)
        for (guint c = 0; c < n; c++)
          load[c] -= e->chosen[c];
    }
}

/* Checking one message */

static void
over_clear (gpointer data)
{
  HelderPressureOver *over = data;

  g_clear_pointer (&over->collisions, g_ptr_array_unref);
}

void
helder_pressure_check_clear (HelderPressureCheck *check)
{
  g_clear_pointer (&check->over, g_array_unref);
  g_clear_object (&check->bundle_with);
  memset (check, 0, sizeof *check);
}

/* Whether @entry (at @week) puts an audience over; fills @over if given. */
static gboolean
goes_over (HelderContactPressure *self,
           Entry                 *entry,
           HelderWeek             week,
           GArray                *over)
{
  guint n_audiences = helder_channel_settings_get_n_audiences (self->settings);
  Week *w = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (week));
  g_autoptr(GPtrArray) with = g_ptr_array_new ();
  gboolean any = FALSE;

  if (entry->exempt)
    return FALSE;
  for (guint i = 0; w != NULL && i < w->entries->len; i++)
    if (g_strcmp0 (helder_record_get_id (((Entry *) w->entries->pdata[i])->record),
                   helder_record_get_id (entry->record)) != 0)
      g_ptr_array_add (with, w->entries->pdata[i]);
  g_ptr_array_add (with, entry);

  for (guint a = 0; a < n_audiences; a++)
    {
      guint budget = helder_channel_settings_get_budget (self->settings, a);
      guint count = 0, exempt = 0;

      if (!entry->reaches[a])
        continue;
      /* where the message lands: everywhere, or its areas */
      if (entry->n_areas == 0)
        count_cell (self, with, NULL, a, -1, &count, &exempt);
      else
        for (guint j = 0; j < entry->n_areas; j++)
          {
            guint c, x;

            count_cell (self, with, NULL, a, entry->areas[j], &c, &x);
            if (c - x > count - exempt)
              {
                count = c;
                exempt = x;
              }
          }
      if (count - exempt <= budget)
        continue;
      any = TRUE;
      if (over != NULL)
        {
          HelderPressureOver o = { a, count, budget, g_ptr_array_new_with_free_func (g_object_unref) };

          for (guint i = 0; i + 1 < with->len; i++)
            {
              Entry *e = with->pdata[i];

              if (e->reaches[a] && entries_overlap (self, entry, e))
                g_ptr_array_add (o.collisions, g_object_ref (e->record));
            }
          g_array_append_val (over, o);
        }
    }
  return any;
}

/**
 * helder_contact_pressure_check:
 * @message: a message, new or planned (it is not counted twice)
 * @week: the week it would go out in
 * @not_before: no free week is proposed before it (0: any)
 * @check: (out caller-allocates): what it would do
 *
 * Whether planning @message in @week puts one of its audiences over the
 * budget; if so, with which messages it collides, the nearest week where
 * it would not, and the colliding message to bundle it with.
 */
void
helder_contact_pressure_check (HelderContactPressure *self,
                               HelderRecord          *message,
                               HelderWeek             week,
                               HelderWeek             not_before,
                               HelderPressureCheck   *check)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (HELDER_IS_MESSAGE (message));
  g_return_if_fail (check != NULL);

  memset (check, 0, sizeof *check);
  check->week = week;
  check->over = g_array_new (FALSE, TRUE, sizeof (HelderPressureOver));
  g_array_set_clear_func (check->over, over_clear);
  entry = entry_new (self, message, week);
  check->exempt = entry->exempt;

  if (week != 0 && goes_over (self, entry, week, check->over))
    {
      /* The nearest free week, later first when equally near */
      for (guint k = 1; k <= 26 && check->free_week == 0; k++)
        {
          HelderWeek later = week + 7 * k, earlier = week - 7 * k;

          if (!goes_over (self, entry, later, NULL))
            check->free_week = later;
          else if ((not_before == 0 || earlier >= not_before) && !goes_over (self, entry, earlier, NULL))
            check->free_week = earlier;
        }
      /* Bundle with the colliding message that shares most of its audiences */
      {
        guint best = 0;

        for (guint i = 0; i < check->over->len; i++)
          {
            GPtrArray *collisions = g_array_index (check->over, HelderPressureOver, i).collisions;

            for (guint j = 0; j < collisions->len; j++)
              {
                HelderRecord *other = collisions->pdata[j];
                guint shared = 0;

                if (helder_message_is_exempt (other))
                  continue;
                for (guint k = 0; k < check->over->len; k++)
                  shared += g_ptr_array_find (g_array_index (check->over, HelderPressureOver, k).collisions,
                                              other, NULL);
                if (shared > best)
                  {
                    best = shared;
                    g_set_object (&check->bundle_with, other);
                  }
              }
          }
      }
    }
  entry_free (entry);
}

/**
 * helder_pressure_check_describe:
 *
 * Returns: (transfer full) (nullable): the warning as sentences, or %NULL
 *   when the message does not go over
 */
char *
helder_pressure_check_describe (HelderContactPressure *self,
                                HelderPressureCheck   *check)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *week = NULL;
  g_autofree gboolean *done = NULL;

  g_return_val_if_fail (self != NULL && check != NULL, NULL);

  if (check->over == NULL || check->over->len == 0)
    return NULL;
  text = g_string_new (NULL);
  week = helder_week_format (check->week);
  /* Audiences that collide with the same messages are named together */
  done = g_new0 (gboolean, check->over->len + 1);

  for (guint i = 0; i < check->over->len; i++)
    {
      HelderPressureOver *o = &g_array_index (check->over, HelderPressureOver, i);
      g_autoptr(GString) audiences = g_string_new (NULL);
      g_autoptr(GString) names = g_string_new (NULL);
      guint count = 0, n_audiences = 0;

      if (done[i])
        continue;
      for (guint j = i; j < check->over->len; j++)
        {
          HelderPressureOver *p = &g_array_index (check->over, HelderPressureOver, j);
          gboolean same = p->budget == o->budget && p->collisions->len == o->collisions->len;

          for (guint k = 0; same && k < o->collisions->len; k++)
            same = p->collisions->pdata[k] == o->collisions->pdata[k];
          if (!same)
            continue;
          done[j] = TRUE;
          count = MAX (count, p->count);
          if (n_audiences++ < 3)
            g_string_append_printf (audiences, "%s%s", audiences->len ? ", " : "",
                                    helder_channel_settings_get_audience (self->settings, p->audience)->name);
        }
      if (n_audiences > 3)
        {
          g_string_append (audiences, " ");
          g_string_append_printf (audiences, g_dngettext (GETTEXT_PACKAGE, "and %u other", "and %u others",
                                                          n_audiences - 3), n_audiences - 3);
        }
      for (guint j = 0; j < o->collisions->len; j++)
        g_string_append_printf (names, "%s“%s”", j == 0 ? "" : ", ",
                                helder_record_get_title (o->collisions->pdata[j]));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: %s: audiences, a week, messages */
                              _("%s get %u messages in %s, more than the %u a week they may get: with %s."),
                              audiences->str, count, week, o->budget, names->str);
    }
  if (check->bundle_with != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Bundle it with “%s”."), helder_record_get_title (check->bundle_with));
    }
  if (check->free_week != 0)
    {
      g_autofree char *free_week = helder_week_format (check->free_week);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Or plan it in %s: there it fits."), free_week);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
