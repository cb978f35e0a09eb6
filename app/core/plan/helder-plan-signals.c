/* helder-plan-signals.c: signals about topics: the person-data check, saving, counts per channel and week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-signals"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helder-plan-signals.h"

/* Signals: saving them checked (the person-data check is in
 * helder-plan-person-data.c), their counts per channel and ISO week, and
 * the shared live list the planner's topic logs filter. */

G_DEFINE_QUARK (helder-signal-error-quark, helder_signal_error)

/* Counts */

/**
 * helder_signal_iso_week:
 * @date: YYYY-MM-DD (a time after it is ignored)
 *
 * Returns: (transfer full) (nullable): its ISO week, "2026-W46", or %NULL
 *   for no date
 */
char *
helder_signal_iso_week (const char *date)
{
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  day = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (day == NULL)
    return NULL;
  return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (day),
                          g_date_time_get_week_of_year (day));
}

static void
count_free (gpointer data)
{
  g_free (((HelderSignalCount *) data)->key);
}

static GDateTime *
noon_of (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 12, 0, 0);
}

/**
 * helder_signal_week_series:
 * @until: the last day, YYYY-MM-DD
 * @n_weeks: how many weeks, up to and with the week of @until
 *
 * The counts of @n_weeks weeks in a row, oldest first, weeks without
 * signals as 0: what a small bar chart of the topic shows.
 *
 * Returns: (transfer full) (element-type HelderSignalCount): the weeks,
 *   or an empty array for no @until
 */
GArray *
helder_signal_week_series (HelderSignalCounts *counts,
                           const char         *until,
                           guint               n_weeks)
{
  GArray *series = g_array_new (FALSE, FALSE, sizeof (HelderSignalCount));
  g_autoptr(GDateTime) last = noon_of (until);

  g_array_set_clear_func (series, count_free);
  if (last == NULL)
    return series;
  for (guint k = n_weeks; k-- > 0;)
    {
      g_autoptr(GDateTime) day = g_date_time_add_weeks (last, -(int) k);
      HelderSignalCount count = { g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (day),
                                                   g_date_time_get_week_of_year (day)), 0 };

      for (guint i = 0; counts != NULL && counts->weeks != NULL && i < counts->weeks->len; i++)
        if (g_str_equal (g_array_index (counts->weeks, HelderSignalCount, i).key, count.key))
          count.count = g_array_index (counts->weeks, HelderSignalCount, i).count;
      g_array_append_val (series, count);
    }
  return series;
}

/**
 * helder_signal_format_week:
 * @iso_week: "2026-W46"
 *
 * Returns: (transfer full): "week 46", as the log shows it
 */
char *
helder_signal_format_week (const char *iso_week)
{
  const char *w = iso_week ? strstr (iso_week, "-W") : NULL;

  /* TRANSLATORS: an ISO week number */
  return g_strdup_printf (_("week %d"), w ? atoi (w + 2) : 0);
}

/**
 * helder_signal_parse_date:
 * @text: a date as people type it: "2-12-2026", "02-12-2026",
 *   "2026-12-02", "2/12", "today" or "vandaag", "yesterday" or "gisteren"
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL
 *   when @text is not a date (a day and month without a year: this year)
 */
char *
helder_signal_parse_date (const char *text,
                          const char *today)
{
  g_autofree char *t = g_utf8_casefold (text ? text : "", -1);
  g_autoptr(GDateTime) now = noon_of (today);
  int a, b, c;
  char end;

  g_strstrip (t);
  if (now == NULL)
    return NULL;
  if (g_str_equal (t, "vandaag") || g_str_equal (t, _("today")))
    return g_date_time_format (now, "%Y-%m-%d");
  if (g_str_equal (t, "gisteren") || g_str_equal (t, _("yesterday")))
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -1);

      return g_date_time_format (day, "%Y-%m-%d");
    }
  g_strdelimit (t, "/.", '-');
  if (sscanf (t, "%4d-%2d-%2d%c", &a, &b, &c, &end) == 3 && a > 999)
    ;  /* year first */
  else if (sscanf (t, "%2d-%2d-%4d%c", &c, &b, &a, &end) == 3 && a > 999)
    ;
  else if (sscanf (t, "%2d-%2d%c", &c, &b, &end) == 2)
    a = g_date_time_get_year (now);
  else
    return NULL;
  if (!g_date_valid_dmy (c, b, a))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", a, b, c);
}


static int
by_count (gconstpointer a,
          gconstpointer b)
{
  const HelderSignalCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->key, y->key);
}

static int
by_key (gconstpointer a,
        gconstpointer b)
{
  return strcmp (((const HelderSignalCount *) a)->key, ((const HelderSignalCount *) b)->key);
}

static GArray *
counts_from (GHashTable   *table,
             GCompareFunc  order)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (HelderSignalCount));
  GHashTableIter iter;
  gpointer key, value;

  g_array_set_clear_func (counts, count_free);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HelderSignalCount count = { g_strdup (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (counts, count);
    }
  g_array_sort (counts, order);
  return counts;
}

/**
 * helder_signal_counts_collect:
 * @signals: signals (a live list, or any list)
 * @topic_id: (nullable): only those of this topic; %NULL: all
 *
 * Counts the signals per channel and per ISO week.  A signal without a
 * channel counts as "Unknown", one without a date in no week.
 */
void
helder_signal_counts_collect (HelderSignalCounts *counts,
                              GListModel         *signals,
                              const char         *topic_id)
{
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_if_fail (counts != NULL);

  helder_signal_counts_clear (counts);
  n = signals != NULL ? g_list_model_get_n_items (signals) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) signal = g_list_model_get_item (signals, i);
      const char *channel = helder_record_get_text (signal, "channel");
      g_autofree char *week = NULL;

      if (helder_record_get_deleted (signal) ||
          (topic_id != NULL && g_strcmp0 (helder_record_get_text (signal, "topic"), topic_id) != 0))
        continue;
      counts->total++;
      if (channel == NULL || *channel == '\0')
        channel = _("Unknown");
      g_hash_table_insert (channels, g_strdup (channel),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (channels, channel)) + 1));
      if ((week = helder_signal_iso_week (helder_record_get_text (signal, "date"))) != NULL)
        g_hash_table_insert (weeks, g_strdup (week),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (weeks, week)) + 1));
    }
  counts->channels = counts_from (channels, by_count);
  counts->weeks = counts_from (weeks, by_key);
}

void
helder_signal_counts_clear (HelderSignalCounts *counts)
{
  g_clear_pointer (&counts->channels, g_array_unref);
  g_clear_pointer (&counts->weeks, g_array_unref);
  counts->total = 0;
}

/* Actions */

static gboolean
of_topic (HelderRecord *signal,
          gpointer      topic_id)
{
  return g_strcmp0 (helder_record_get_text (signal, "topic"), topic_id) == 0;
}

/**
 * helder_plan_signals_for_topic:
 *
 * Returns: (transfer full): a live list of the topic's signals, newest
 *   first
 */
HelderRecordList *
helder_plan_signals_for_topic (HelderPlanService *self,
                               const char        *topic_id)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_SIGNAL);
  helder_record_list_set_sort_keys (list, "-date");
  helder_record_list_set_filter_func (list, of_topic, g_strdup (topic_id), g_free);
  return list;
}

/**
 * helder_plan_signals_all:
 *
 * Every signal, newest first, in one live list the planner's views share:
 * the store is read once (10,000 signals take a tenth of a second), and a
 * topic's log filters it in memory.
 *
 * Returns: (transfer full): the shared list
 */
HelderRecordList *
helder_plan_signals_all (HelderPlanService *self)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = g_object_get_data (G_OBJECT (self), "helder-plan-signals-all");
  if (list == NULL)
    {
      list = g_object_new (HELDER_TYPE_RECORD_LIST, "store", helder_service_get_store (HELDER_SERVICE (self)),
                           "record-type", HELDER_TYPE_SIGNAL, "sort-keys", "-date", NULL);
      g_object_set_data_full (G_OBJECT (self), "helder-plan-signals-all", list, g_object_unref);
    }
  return g_object_ref (list);
}

/* Where signals come in (the programme's front-office channels), first
 * in this order; the other channels (Post, MijnOverheid) carry messages
 * out more than they bring signals in. */
static const char *inbound[] = { "Webcare", "Fixi", "Inbox", "Telefonie", "Receptie", "Newsroom",
                                 "Contactfunctionarissen", "Omgevingsloket", NULL };

static int
inbound_rank (const char *name)
{
  for (guint i = 0; inbound[i] != NULL; i++)
    if (g_strcmp0 (inbound[i], name) == 0)
      return i;
  return G_N_ELEMENTS (inbound);
}

static int
by_inbound (gconstpointer a,
            gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  int rx = inbound_rank (x), ry = inbound_rank (y);

  if (rx != ry)
    return rx - ry;
  return g_utf8_collate (x ? x : "", y ? y : "");
}

/**
 * helder_plan_signal_channels:
 *
 * Returns: (transfer full) (element-type utf8): the names of the
 *   organisation's channels, those where signals come in first (Webcare,
 *   Fixi, Inbox, Telefonie, Receptie, ...), then the others by name
 */
GPtrArray *
helder_plan_signal_channels (HelderPlanService *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) channels = NULL;
  guint n;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), names);

  channels = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), HELDER_TYPE_CHANNEL, NULL);
  n = channels ? g_list_model_get_n_items (channels) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) channel = g_list_model_get_item (channels, i);

      g_ptr_array_add (names, g_strdup (helder_record_get_text (channel, "name")));
    }
  g_ptr_array_sort (names, by_inbound);
  return names;
}

static gboolean
date_valid (const char *date,
            GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int y, m, d;

  if (date == NULL || strlen (date) < 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE,
                           _("Give the date the signal came in."));
      return FALSE;
    }
  if (strncmp (date, today, 10) > 0)
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE,
                           _("A signal is something that came in: its date cannot be in the future."));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_plan_signal_add:
 * @date: YYYY-MM-DD, today or before
 * @text: what came in, about the topic
 *
 * Saves a new signal (one transaction) after checking it: the topic
 * exists, the channel is one of the organisation's (when it has any), the
 * date is not in the future, and the text holds no person's data.
 *
 * Returns: (transfer full): the saved signal, or %NULL with a
 *   %HELDER_SIGNAL_ERROR (%HELDER_SIGNAL_ERROR_PERSON_DATA: the message
 *   says what was found; the caller marks it with
 *   helder_person_data_find()) or the service's error
 */
HelderRecord *
helder_plan_signal_add (HelderPlanService  *self,
                        const char         *topic_id,
                        const char         *channel,
                        const char         *date,
                        const char         *text,
                        GError            **error)
{
  g_autoptr(HelderRecord) topic = NULL;
  g_autoptr(HelderRecord) signal = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *body = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  topic = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TOPIC, topic_id);
  if (topic == NULL || helder_record_get_deleted (topic))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TOPIC,
                           _("Choose the topic the signal is about."));
      return NULL;
    }
  channels = helder_plan_signal_channels (self);
  if (channel == NULL || *channel == '\0' ||
      (channels->len > 0 && !g_ptr_array_find_with_equal_func (channels, channel, g_str_equal, NULL)))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_CHANNEL,
                           _("Choose the channel the signal came in through."));
      return NULL;
    }
  if (!date_valid (date, error))
    return NULL;
  if (*body == '\0')
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT,
                           _("Write what came in."));
      return NULL;
    }
  if (g_utf8_strlen (body, -1) > HELDER_SIGNAL_TEXT_MAX)
    {
      g_set_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT,
                   _("A signal has at most %d characters; write the gist."), HELDER_SIGNAL_TEXT_MAX);
      return NULL;
    }
  found = helder_person_data_find (body);
  if (found->len > 0)
    {
      g_autofree char *message = helder_person_data_describe (body, found);

      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_PERSON_DATA, message);
      return NULL;
    }

  signal = helder_record_new (HELDER_TYPE_SIGNAL);
  g_object_set (signal, "topic", topic_id, "channel", channel, "text", body, NULL);
  {
    g_autofree char *day = g_strndup (date, 10);

    g_object_set (signal, "date", day, NULL);
  }
  if (!helder_service_save (HELDER_SERVICE (self), signal, error))
    return NULL;
  return g_steal_pointer (&signal);
}
