/* bench-channels.c: the channel advice, the matrix and the contact pressure, timed
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "channels/helder-channel-advice.h"
#include "channels/helder-channel-choice.h"
#include "channels/helder-contact-pressure.h"

/* Issue 14's budgets: advice for one message in at most 0.1 ms; the
 * matrix of 1,000 messages × 15 channels in at most 100 ms; the contact
 * pressure over a year of 5,000 messages in at most 20 ms.  The matrix is
 * timed as the Matrix view makes it: the settings and the pressure from
 * the records, then every message's advice with its channels' load in
 * its week.  Prints the figures; exits 1 when one is over its budget. */

static HelderChannelSettings *
default_settings (GPtrArray *records)
{
  HelderChannelSettings *settings = helder_channel_settings_new ();

  for (guint i = 0; i < records->len; i++)
    if (HELDER_IS_AUDIENCE (records->pdata[i]))
      helder_channel_settings_add_audience (settings, records->pdata[i]);
    else if (HELDER_IS_CHANNEL (records->pdata[i]))
      helder_channel_settings_add_channel (settings, records->pdata[i]);
  helder_channel_settings_seal (settings);
  return settings;
}

/* @n messages over 2027, each with one to three audiences and two or
 * three chosen channels. */
static GListStore *
make_messages (HelderChannelSettings *settings,
               guint                  n,
               GRand                 *rand)
{
  GListStore *store = g_list_store_new (HELDER_TYPE_MESSAGE);
  guint n_audiences = helder_channel_settings_get_n_audiences (settings);
  guint n_channels = helder_channel_settings_get_n_channels (settings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Bericht %u", i);
      g_autofree char *date = NULL;
      g_autofree char *channels = NULL;
      g_autofree gboolean *chosen = g_new0 (gboolean, n_channels);
      const char *audiences[4] = { NULL };
      guint k = g_rand_int_range (rand, 1, 4);
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, 1, 2027);
      g_date_add_days (&day, g_rand_int_range (rand, 0, 365));
      date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      for (guint j = 0; j < k; j++)
        audiences[j] = helder_channel_settings_get_audience (settings, g_rand_int_range (rand, 0, n_audiences))->id;
      for (guint j = 0; j < 3; j++)
        chosen[g_rand_int_range (rand, 0, n_channels)] = TRUE;
      channels = helder_channel_choice_to_json (settings, NULL, chosen, NULL, 0, NULL, NULL, NULL);
      helder_record_set_id (message, id);
      g_object_set (message, "title", title, "window-start", date, "audiences", audiences,
                    "urgency", g_rand_int_range (rand, 1, 4), "legal-effect", g_rand_int_range (rand, 0, 8) == 0,
                    "two-way", g_rand_boolean (rand), "complexity", g_rand_int_range (rand, 1, 4),
                    "channels", channels, NULL);
      g_list_store_append (store, message);
    }
  return store;
}

static double
bench_advice (HelderChannelSettings *settings,
              GRand                 *rand)
{
  guint n_audiences = helder_channel_settings_get_n_audiences (settings);
  const guint rounds = 20000;
  gint64 start = g_get_monotonic_time ();
  double checksum = 0;

  for (guint i = 0; i < rounds; i++)
    {
      const char *ids[3] = { helder_channel_settings_get_audience (settings, i % n_audiences)->id,
                             helder_channel_settings_get_audience (settings, (i * 7) % n_audiences)->id, NULL };
      HelderAdviceInput input = { .audiences = ids, .urgency = 1 + i % 3, .legal_effect = i % 5 == 0,
                                  .deadline = i % 4 == 0, .two_way = i % 2, .omgevingswet = i % 9 == 0,
                                  .complexity = 1 + i % 3, .sensitivity = 1 + (i / 3) % 3, .local = i % 3 == 0 };
      g_autoptr(HelderChannelAdvice) advice = helder_channel_advise (settings, &input);

      checksum += advice->scores[0].score;
    }
  (void) rand;
  return (g_get_monotonic_time () - start) / (double) rounds / 1000.0 + checksum * 0;
}

/* As HelderChannelsContext and the Matrix view do it */
static double
bench_matrix (HelderChannelSettings *settings,
              GListModel            *messages)
{
  guint n_channels = helder_channel_settings_get_n_channels (settings);
  g_autofree guint *load = g_new0 (guint, n_channels);
  g_autoptr(HelderContactPressure) pressure = NULL;
  gint64 start = g_get_monotonic_time ();
  double sum = 0;

  pressure = helder_contact_pressure_new (settings, messages, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (messages, i);
      g_autoptr(HelderChannelAdvice) advice = NULL;
      HelderAdviceInput input;

      helder_advice_input_from_record (&input, message, settings);
      helder_contact_pressure_channel_load (pressure, helder_week_from_date (helder_record_get_text (message, "window_start")),
                                            helder_record_get_id (message), load);
      input.channel_load = load;
      advice = helder_channel_advise (settings, &input);
      for (guint c = 0; c < n_channels; c++)
        sum += advice->scores[c].score;
    }
  return (g_get_monotonic_time () - start) / 1000.0 + sum * 0;
}

static double
bench_pressure (HelderChannelSettings *settings,
                GListModel            *messages,
                guint                 *n_over)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(HelderContactPressure) pressure = helder_contact_pressure_new (settings, messages, NULL);
  HelderWeek first = helder_contact_pressure_get_first (pressure), last = helder_contact_pressure_get_last (pressure);
  guint cells = 0;
  double ms;

  /* the heat map reads every cell */
  for (HelderWeek w = first; w <= last; w += 7)
    for (guint a = 0; a < helder_channel_settings_get_n_audiences (settings); a++)
      {
        HelderPressureCell cell;

        helder_contact_pressure_get_cell (pressure, w, a, &cell);
        cells += cell.over;
      }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *n_over = cells;
  return ms;
}

static double
best_of (double (*run) (void *), void *data, guint times)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < times; i++)
    best = MIN (best, run (data));
  return best;
}

typedef struct
{
  HelderChannelSettings *settings;
  GListModel            *messages;
  guint                  n_over;
} Data;

static double run_matrix (void *data) { Data *d = data; return bench_matrix (d->settings, d->messages); }
static double run_pressure (void *data) { Data *d = data; return bench_pressure (d->settings, d->messages, &d->n_over); }

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = helder_channel_defaults_records (&error);
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GListStore) thousand = NULL;
  g_autoptr(GListStore) year = NULL;
  Data data;
  double advice_ms, matrix_ms, pressure_ms;
  gboolean ok;

  if (records == NULL)
    {
      g_printerr ("bench-channels: %s\n", error->message);
      return 1;
    }
  settings = default_settings (records);
  thousand = make_messages (settings, 1000, rand);
  year = make_messages (settings, 5000, rand);

  advice_ms = bench_advice (settings, rand);
  data = (Data) { settings, G_LIST_MODEL (thousand), 0 };
  matrix_ms = best_of (run_matrix, &data, 5);
  data = (Data) { settings, G_LIST_MODEL (year), 0 };
  pressure_ms = best_of (run_pressure, &data, 5);

  printf ("channels: %u channels, %u audiences\n", helder_channel_settings_get_n_channels (settings),
          helder_channel_settings_get_n_audiences (settings));
  printf ("advice for one message: %.4f ms (budget 0.1 ms)\n", advice_ms);
  printf ("matrix of 1,000 messages x %u channels: %.1f ms (budget 100 ms)\n",
          helder_channel_settings_get_n_channels (settings), matrix_ms);
  printf ("contact pressure, a year of 5,000 messages: %.1f ms (budget 20 ms), %u cells over budget\n",
          pressure_ms, data.n_over);
  ok = advice_ms <= 0.1 && matrix_ms <= 100 && pressure_ms <= 20;
  printf ("%s\n", ok ? "all within budget" : "OVER BUDGET");
  return ok ? 0 : 1;
}
