/* helder-record-format.c: how records read in lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record-format"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "helder-record-format.h"

/* The words the pages show for a record, decided here and not in the
 * widgets, so that tests check them without a display. */

static GDate *
parse_date (const char *iso_date)
{
  int y, m, d;

  /* Also takes the date part of an ISO 8601 date-time. */
  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

static char *
format_gdate (const GDate *date)
{
  char buf[64];

  /* Translators: a date in lists, strftime format, e.g. "12 Jan 2027" */
  if (g_date_strftime (buf, sizeof buf, _("%e %b %Y"), date) == 0)
    return NULL;
  return g_strdup (g_strstrip (buf));
}

/**
 * helder_format_date:
 * @iso_date: (nullable): "YYYY-MM-DD", or an ISO 8601 date-time
 *
 * Returns: (transfer full) (nullable): the date as the user reads it.
 */
char *
helder_format_date (const char *iso_date)
{
  g_autoptr(GDate) date = parse_date (iso_date);

  return date ? format_gdate (date) : NULL;
}

/**
 * helder_format_choice:
 * @value: a choice field's value, such as "nieuwsbericht"
 *
 * Returns: the choice's label in the user's language, or @value
 * itself when it has none
 */
const char *
helder_format_choice (const char *value)
{
  static const struct { const char *value; const char *label; } labels[] = {
    { "active", N_("active") },
    { "paused", N_("paused") },
    { "done", N_("done") },
    { "rising", N_("rising") },
    { "stable", N_("stable") },
    { "falling", N_("falling") },
    { "idea", N_("idea") },
    { "draft", N_("draft") },
    { "review", N_("for approval") },
    { "approved", N_("approved") },
    { "published", N_("published") },
    { "sent", N_("sent") },
    { "keep", N_("keep") },
    { "adjust", N_("adjust") },
    { "drop", N_("drop") },
    { "new", N_("new") },
    { "direct", N_("immediate") },
    { "hours", N_("within hours") },
    { "days", N_("within days") },
    { "weeks", N_("within weeks") },
    { "instructie", N_("instruction") },
    { "toolkit", N_("toolkit") },
    { "advies", N_("advice") },
    { "training", N_("training") },
    { "sjabloon", N_("template") },
    { "brief", N_("letter") },
    { "webtekst", N_("web text") },
    { "nieuwsbericht", N_("news item") },
    { "social-mediabericht", N_("social media post") },
    { "nieuwsbrief", N_("newsletter") },
    { "persbericht", N_("press release") },
    { "raadsinformatiebrief", N_("council information letter") },
    { "overig", N_("other") },
  };

  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return _(labels[i].label);
  return value;
}

/* Joins the non-empty parts with a middle dot. */
static char *
join_parts (const char * const *parts,
            guint               n_parts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, parts[i]);
    }

  return g_string_free (s, FALSE);
}

#define JOIN(...) join_parts ((const char *[]) { __VA_ARGS__ }, \
                              G_N_ELEMENTS (((const char *[]) { __VA_ARGS__ })))

static char *
format_window (const char *start,
               const char *end)
{
  g_autofree char *a = helder_format_date (start);
  g_autofree char *b = helder_format_date (end);

  if (a != NULL && b != NULL && g_strcmp0 (start, end) != 0)
    /* Translators: a date range, "12 Jan 2027 – 26 Jan 2027" */
    return g_strdup_printf (_("%s – %s"), a, b);
  return g_strdup (a ? a : b);
}

/**
 * helder_works_inform_by:
 *
 * Returns: (transfer full) (nullable): the ISO date by which residents
 *   must be told of @works: its start minus its lead time (C3).
 */
char *
helder_works_inform_by (HelderRecord *works)
{
  g_autoptr(GDate) start = NULL;
  char buf[16];

  g_return_val_if_fail (HELDER_IS_WORKS (works), NULL);

  start = parse_date (helder_record_get_text (works, "start_date"));
  if (start == NULL)
    return NULL;
  g_date_subtract_days (start, helder_record_get_int (works, "lead_time_days"));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", start);
  return g_strdup (buf);
}

char *
helder_record_format_title (HelderRecord *record)
{
  const char *title;

  g_return_val_if_fail (HELDER_IS_RECORD (record), NULL);

  if (HELDER_IS_OMGEVINGSBEELD (record))
    {
      g_autofree char *date = helder_format_date (helder_record_get_text (record, "date"));

      /* Translators: the title of an omgevingsbeeld edition, with its date */
      return date ? g_strdup_printf (_("Omgevingsbeeld of %s"), date)
                  : g_strdup (_("Omgevingsbeeld"));
    }

  title = helder_record_get_title (record);
  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled"));
  return g_strdup (title);
}

static guint
json_length (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node));
  return 0;
}

/**
 * helder_record_format_subtitle:
 * @today: (nullable): the date to judge deadlines against, or %NULL
 *
 * Returns: (transfer full): one line that says what matters about
 *   @record in a list (may be empty).
 */
char *
helder_record_format_subtitle (HelderRecord *record,
                               GDate        *today)
{
  g_return_val_if_fail (HELDER_IS_RECORD (record), NULL);

  if (HELDER_IS_PRIORITY (record))
    {
      const char * const *quarters = helder_record_get_list (record, "quarters");
      g_autofree char *q = quarters ? g_strjoinv (", ", (char **) quarters) : NULL;

      return JOIN (helder_record_get_text (record, "theme"), q,
                         helder_format_choice (helder_record_get_text (record, "status")));
    }

  if (HELDER_IS_TOPIC (record))
    {
      /* Translators: administrative and societal impact, each 1 to 5 */
      g_autofree char *impact = g_strdup_printf (_("Impact: administrative %d, societal %d"),
                                                 helder_record_get_int (record, "admin_impact"),
                                                 helder_record_get_int (record, "societal_impact"));

      return JOIN (impact, helder_format_choice (helder_record_get_text (record, "trend")),
                         helder_record_get_text (record, "owner"));
    }

  if (HELDER_IS_MESSAGE (record))
    {
      g_autofree char *window = format_window (helder_record_get_text (record, "window_start"),
                                               helder_record_get_text (record, "window_end"));
      guint n = json_length (helder_record_get_text (record, "channels"));
      g_autofree char *channels = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u channel", "%u channels", n), n) : NULL;

      return JOIN (helder_format_choice (helder_record_get_text (record, "status")), window, channels);
    }

  if (HELDER_IS_WORKS (record))
    {
      g_autofree char *window = format_window (helder_record_get_text (record, "start_date"),
                                               helder_record_get_text (record, "end_date"));
      g_autofree char *inform_iso = helder_works_inform_by (record);
      g_autofree char *inform_date = helder_format_date (inform_iso);
      g_autofree char *inform = NULL;
      g_autoptr(GDate) inform_gdate = parse_date (inform_iso);

      if (inform_date != NULL)
        {
          if (today != NULL && inform_gdate != NULL && g_date_compare (inform_gdate, today) < 0)
            /* Translators: residents should have been told by this date */
            inform = g_strdup_printf (_("residents to be informed by %s (past)"), inform_date);
          else
            inform = g_strdup_printf (_("residents to be informed by %s"), inform_date);
        }

      return JOIN (helder_record_get_text (record, "location"),
                         helder_record_get_text (record, "wijk"), window, inform);
    }

  if (HELDER_IS_OMGEVINGSBEELD (record))
    {
      guint n = json_length (helder_record_get_text (record, "items"));
      g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);

      return JOIN (helder_format_choice (helder_record_get_text (record, "status")), items);
    }

  if (HELDER_IS_CHANNEL (record))
    return JOIN (helder_record_get_bool (record, "digital") ? _("digital") : _("physical"),
                 helder_format_choice (helder_record_get_text (record, "speed")),
                 helder_record_get_bool (record, "interaction") ? _("two-way") : NULL,
                 helder_record_get_bool (record, "formal") ? _("formal") : NULL);

  if (HELDER_IS_AUDIENCE (record))
    {
      g_autofree char *size = g_strdup_printf (_("about %'d people"), helder_record_get_int (record, "size"));

      return JOIN (size, helder_record_get_bool (record, "non_digital") ? _("needs a non-digital route") : NULL,
                         helder_record_get_text (record, "language_level"));
    }

  if (HELDER_IS_DOCUMENT (record))
    {
      g_autofree char *level = g_strdup_printf (_("target level %d"), helder_record_get_int (record, "target_level"));

      return JOIN (helder_format_choice (helder_record_get_text (record, "kind")),
                         helder_record_get_text (record, "channel"), level);
    }

  if (HELDER_IS_TOOLKIT (record))
    return JOIN (helder_format_choice (helder_record_get_text (record, "category")),
                       helder_record_get_text (record, "summary"));

  if (HELDER_IS_TRAINING (record))
    {
      g_autofree char *date = helder_format_date (helder_record_get_text (record, "starts_at"));
      int capacity = helder_record_get_int (record, "capacity");
      g_autofree char *places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place", "%d places",
                                                              capacity), capacity);

      return JOIN (date, helder_record_get_text (record, "place"), places);
    }

  return g_strdup ("");
}
