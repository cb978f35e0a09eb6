/* helder-ics-parse.c: reading iCalendar files, through libical
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-ics"

#include "config.h"

#include <libical/ical.h>

#include "helder-ics-private.h"

/* Events from any calendar program: times in a zone the file defines, in
 * UTC, in an Olson zone it only names, or floating; all come back in
 * Europe/Amsterdam. */

static void
date_from_ical (GDate               *date,
                struct icaltimetype  t)
{
  g_date_clear (date, 1);
  if (g_date_valid_dmy (t.day, t.month, t.year))
    g_date_set_dmy (date, t.day, t.month, t.year);
}

/* A time as the file meant it, in Europe/Amsterdam: a zone the file
 * defines, UTC, an Olson name it only names, or else floating (read as
 * Amsterdam time, which is what a Dutch calendar means by it). */
static GDateTime *
time_from_ical (icalproperty        *property,
                struct icaltimetype  t)
{
  g_autoptr(GTimeZone) named = NULL;
  g_autoptr(GDateTime) local = NULL;
  icalparameter *tzid;

  if (t.zone != NULL)
    {
      time_t seconds = icaltime_as_timet_with_zone (t, t.zone);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

      return g_date_time_to_timezone (utc, helder_ics_amsterdam ());
    }

  tzid = property ? icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER) : NULL;
  if (tzid != NULL)
    named = g_time_zone_new_identifier (icalparameter_get_tzid (tzid));
  local = g_date_time_new (named ? named : helder_ics_amsterdam (), t.year, t.month, t.day,
                           t.hour, t.minute, t.second);
  return local ? g_date_time_to_timezone (local, helder_ics_amsterdam ()) : NULL;
}

static HelderIcsStatus
status_from_ical (icalproperty_status status)
{
  switch (status)
    {
    case ICAL_STATUS_TENTATIVE:
      return HELDER_ICS_STATUS_TENTATIVE;
    case ICAL_STATUS_CONFIRMED:
      return HELDER_ICS_STATUS_CONFIRMED;
    case ICAL_STATUS_CANCELLED:
      return HELDER_ICS_STATUS_CANCELLED;
    default:
      return HELDER_ICS_STATUS_NONE;
    }
}

static void
read_categories (HelderIcsEvent *event,
                 icalcomponent  *component)
{
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_CATEGORIES_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (component, ICAL_CATEGORIES_PROPERTY))
    {
      g_auto(GStrv) parts = g_strsplit (icalproperty_get_categories (p), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        helder_ics_event_add_category (event, g_strstrip (parts[i]));
    }
}

static HelderIcsEvent *
event_from_ical (icalcomponent  *component,
                 guint           index,
                 GError        **error)
{
  icalproperty *start_property = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  icalproperty *end_property = icalcomponent_get_first_property (component, ICAL_DTEND_PROPERTY);
  icalproperty *p;
  const char *uid = icalcomponent_get_uid (component);
  struct icaltimetype start, end;
  HelderIcsEvent *event;

  if (uid == NULL || *uid == '\0')
    {
      g_set_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_INVALID,
                   "event %u: no UID", index + 1);
      return NULL;
    }
  start = icalcomponent_get_dtstart (component);
  if (start_property == NULL || icaltime_is_null_time (start) || !icaltime_is_valid_time (start))
    {
      g_set_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_INVALID,
                   "event %u (%s): no valid DTSTART", index + 1, uid);
      return NULL;
    }
  end = icalcomponent_get_dtend (component);

  if (start.is_date)
    {
      GDate first, last;

      date_from_ical (&first, start);
      if (!icaltime_is_null_time (end) && icaltime_compare (end, start) > 0)
        {
          date_from_ical (&last, end);
          g_date_subtract_days (&last, 1);
        }
      else
        last = first;
      event = helder_ics_event_new_all_day (uid, icalcomponent_get_summary (component), &first, &last);
    }
  else
    {
      g_autoptr(GDateTime) from = time_from_ical (start_property, start);
      g_autoptr(GDateTime) until = NULL;

      if (from == NULL)
        {
          g_set_error (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_INVALID,
                       "event %u (%s): no valid DTSTART", index + 1, uid);
          return NULL;
        }
      if (!icaltime_is_null_time (end))
        until = time_from_ical (end_property, end);
      event = helder_ics_event_new_timed (uid, icalcomponent_get_summary (component), from, until);
      event->transparent = FALSE;
    }

  helder_ics_event_set_description (event, icalcomponent_get_description (component));
  helder_ics_event_set_location (event, icalcomponent_get_location (component));
  if ((p = icalcomponent_get_first_property (component, ICAL_URL_PROPERTY)) != NULL)
    helder_ics_event_set_url (event, icalproperty_get_url (p));
  if ((p = icalcomponent_get_first_property (component, ICAL_TRANSP_PROPERTY)) != NULL)
    event->transparent = icalproperty_get_transp (p) == ICAL_TRANSP_TRANSPARENT;
  if (icalcomponent_get_first_property (component, ICAL_STATUS_PROPERTY) != NULL)
    event->status = status_from_ical (icalcomponent_get_status (component));
  if (icalcomponent_get_first_property (component, ICAL_SEQUENCE_PROPERTY) != NULL)
    event->sequence = MAX (icalcomponent_get_sequence (component), 0);
  if ((p = icalcomponent_get_first_property (component, ICAL_DTSTAMP_PROPERTY)) != NULL)
    event->stamp = time_from_ical (p, icalproperty_get_dtstamp (p));
  read_categories (event, component);
  return event;
}

static gboolean
read_calendar (HelderIcsCalendar  *self,
               icalcomponent      *calendar,
               GError            **error)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      HelderIcsEvent *event = event_from_ical (c, self->events->len, error);

      if (event == NULL)
        return FALSE;
      g_ptr_array_add (self->events, event);
    }
  return TRUE;
}

/**
 * helder_ics_calendar_parse:
 * @length: the length of @text, or -1 when it ends with a nul
 *
 * Reads the VEVENTs of an iCalendar file (one VCALENDAR or several).
 * Times come back in Europe/Amsterdam.
 *
 * Returns: (transfer full): the calendar, or %NULL with an error
 */
HelderIcsCalendar *
helder_ics_calendar_parse (const char  *text,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(HelderIcsCalendar) self = NULL;
  g_autofree char *copy = NULL;
  icalcomponent *root, *first;
  icalcomponent_kind kind;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error_literal (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_PARSE,
                           "the file is not UTF-8 text");
      return NULL;
    }

  root = icalparser_parse_string (copy);
  kind = root ? icalcomponent_isa (root) : ICAL_NO_COMPONENT;
  if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT)
    {
      g_clear_pointer (&root, icalcomponent_free);
      g_set_error_literal (error, HELDER_ICS_ERROR, HELDER_ICS_ERROR_PARSE,
                           "the file holds no VCALENDAR");
      return NULL;
    }

  self = helder_ics_calendar_new (NULL);
  if (kind == ICAL_VCALENDAR_COMPONENT)
    ok = read_calendar (self, root, error);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL && ok;
         c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      ok = read_calendar (self, c, error);

  first = kind == ICAL_VCALENDAR_COMPONENT
    ? root : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  for (icalproperty *p = first ? icalcomponent_get_first_property (first, ICAL_X_PROPERTY) : NULL;
       ok && p != NULL && self->name == NULL;
       p = icalcomponent_get_next_property (first, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), "X-WR-CALNAME") == 0)
      self->name = g_strdup (icalproperty_get_x (p));

  icalcomponent_free (root);
  return ok ? g_steal_pointer (&self) : NULL;
}
