/* helder-channels-format.c: dates and facts of a message, as the Kanalen views write them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "helder-channels-format.h"

/* "2027-01-31" as "31 januari 2027" */
char *
helder_channels_format_date (const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (date ? date : "");
  when = g_date_time_new_local (y, m, d, 12, 0, 0);
  return g_date_time_format (when, "%-d %B %Y");
}

/* "+12" or "−5", with a real minus sign */
char *
helder_channels_format_points (double points)
{
  int rounded = (int) (points >= 0 ? points + 0.5 : points - 0.5);

  if (rounded < 0)
    return g_strdup_printf ("−%d", -rounded);
  return g_strdup_printf ("+%d", rounded);
}

char *
helder_channels_format_rules (guint rules)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < HELDER_N_CHANNEL_RULES; r++)
    if (rules & (1u << r))
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        g_string_append (text, helder_channel_rule_describe (1u << r));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Inwoners, Ouderen (65+) · week 2 van 2027 · termijn 31 januari 2027 · …" */
char *
helder_channels_format_facts (HelderChannelsContext *context,
                              HelderRecord          *message)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (context);
  const char * const *audiences = helder_record_get_list (message, "audiences");
  const char *deadline = helder_record_get_text (message, "deadline");
  const char *area = helder_record_get_text (message, "area");
  HelderWeek week = helder_week_from_date (helder_record_get_text (message, "window_start"));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; audiences != NULL && audiences[i] != NULL; i++)
    {
      int a = helder_channel_settings_find_audience (settings, audiences[i]);

      if (a >= 0)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                                helder_channel_settings_get_audience (settings, a)->name);
    }
  g_string_append (text, names->len > 0 ? names->str : _("No audience"));
  if (area != NULL && area[0] != '\0')
    g_string_append_printf (text, " · %s", area);
  if (week != 0)
    {
      g_autofree char *w = helder_week_format (week);

      g_string_append_printf (text, " · %s", w);
    }
  switch (helder_record_get_int (message, "urgency"))
    {
    case 2:
      g_string_append_printf (text, " · %s", _("soon"));
      break;
    case 3:
      g_string_append_printf (text, " · %s", _("urgent"));
      break;
    default:
      break;
    }
  if (helder_record_get_bool (message, "legal_effect"))
    g_string_append_printf (text, " · %s", _("legal effect"));
  if (deadline != NULL && deadline[0] != '\0')
    {
      g_autofree char *d = helder_channels_format_date (deadline);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("deadline %s"), d);
    }
  if (helder_record_get_bool (message, "two_way"))
    g_string_append_printf (text, " · %s", _("two-way"));
  if (helder_record_get_bool (message, "omgevingswet"))
    g_string_append_printf (text, " · %s", _("Omgevingswet"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A score as a whole number, with a real minus sign ("−3", never "-0") */
char *
helder_channels_format_score (double score)
{
  int rounded = (int) (score >= 0 ? score + 0.5 : score - 0.5);

  if (rounded < 0)
    return g_strdup_printf ("−%d", -rounded);
  return g_strdup_printf ("%d", rounded);
}
