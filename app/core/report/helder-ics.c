/* helder-ics.c: calendars as iCalendar (RFC 5545) files, through libical
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-ics"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>

#include "helder-ics-private.h"

/* libical writes the text: it escapes TEXT values (backslash, comma,
 * semicolon, newline), folds lines at 75 octets without splitting a UTF-8
 * sequence, and ends lines with CRLF.  This file only maps Helder's plain
 * values onto its components; helder-ics-parse.c reads them back. */

G_DEFINE_QUARK (helder-ics-error-quark, helder_ics_error)

/* Europe/Amsterdam, or UTC where tzdata is missing (then the file is
 * written in UTC, which is still right). */
GTimeZone *
helder_ics_amsterdam (void)
{
  static GTimeZone *zone;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      zone = g_time_zone_new_identifier (HELDER_ICS_TIMEZONE);
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      g_once_init_leave (&initialized, 1);
    }
  return zone;
}

G_DEFINE_BOXED_TYPE (HelderIcsEvent, helder_ics_event, helder_ics_event_ref, helder_ics_event_unref)

static gboolean
have_amsterdam (void)
{
  return g_strcmp0 (g_time_zone_get_identifier (helder_ics_amsterdam ()), HELDER_ICS_TIMEZONE) == 0;
}

static HelderIcsEvent *
event_new (const char *uid,
           const char *summary)
{
  HelderIcsEvent *self = g_new0 (HelderIcsEvent, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->uid = g_strdup (uid);
  self->summary = g_strdup (summary);
  self->categories = g_new0 (char *, 1);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  return self;
}

/**
 * helder_ics_event_new_all_day:
 * @first: the first day
 * @last: the last day, included (the file says the day after, as RFC 5545
 *   wants an exclusive end)
 */
HelderIcsEvent *
helder_ics_event_new_all_day (const char  *uid,
                              const char  *summary,
                              const GDate *first,
                              const GDate *last)
{
  HelderIcsEvent *self;

  g_return_val_if_fail (uid != NULL && *uid != '\0', NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last == NULL || g_date_valid (last), NULL);

  self = event_new (uid, summary);
  self->all_day = TRUE;
  self->transparent = TRUE;
  self->first = *first;
  self->last = (last != NULL && g_date_compare (last, first) > 0) ? *last : *first;
  return self;
}

/**
 * helder_ics_event_new_timed:
 * @end: (nullable): the end, or %NULL for a moment
 */
HelderIcsEvent *
helder_ics_event_new_timed (const char *uid,
                            const char *summary,
                            GDateTime  *start,
                            GDateTime  *end)
{
  HelderIcsEvent *self;

  g_return_val_if_fail (uid != NULL && *uid != '\0', NULL);
  g_return_val_if_fail (start != NULL, NULL);

  self = event_new (uid, summary);
  self->start = g_date_time_to_timezone (start, helder_ics_amsterdam ());
  if (end != NULL && g_date_time_compare (end, start) > 0)
    self->end = g_date_time_to_timezone (end, helder_ics_amsterdam ());
  g_date_set_dmy (&self->first, g_date_time_get_day_of_month (self->start),
                  g_date_time_get_month (self->start), g_date_time_get_year (self->start));
  self->last = self->first;
  if (self->end != NULL)
    g_date_set_dmy (&self->last, g_date_time_get_day_of_month (self->end),
                    g_date_time_get_month (self->end), g_date_time_get_year (self->end));
  return self;
}

HelderIcsEvent *
helder_ics_event_ref (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
helder_ics_event_unref (HelderIcsEvent *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uid);
  g_free (self->summary);
  g_free (self->description);
  g_free (self->location);
  g_free (self->url);
  g_strfreev (self->categories);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->stamp, g_date_time_unref);
  g_free (self);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
helder_ics_event_set_description (HelderIcsEvent *self,
                                  const char     *description)
{
  g_return_if_fail (self != NULL);
  set_string (&self->description, description);
}

void
helder_ics_event_set_location (HelderIcsEvent *self,
                               const char     *location)
{
  g_return_if_fail (self != NULL);
  set_string (&self->location, location);
}

void
helder_ics_event_set_url (HelderIcsEvent *self,
                          const char     *url)
{
  g_return_if_fail (self != NULL);
  set_string (&self->url, url);
}

void
helder_ics_event_set_status (HelderIcsEvent  *self,
                             HelderIcsStatus  status)
{
  g_return_if_fail (self != NULL);
  self->status = status;
}

/* CATEGORIES is a list separated by commas, so a comma inside one
 * category would split it: it becomes a space. */
void
helder_ics_event_add_category (HelderIcsEvent *self,
                               const char     *category)
{
  guint n;

  g_return_if_fail (self != NULL);

  if (category == NULL || *category == '\0')
    return;
  n = g_strv_length (self->categories);
  self->categories = g_renew (char *, self->categories, n + 2);
  self->categories[n] = g_strdelimit (g_strdup (category), ",", ' ');
  self->categories[n + 1] = NULL;
}

void
helder_ics_event_set_stamp (HelderIcsEvent *self,
                            GDateTime      *stamp)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->stamp, g_date_time_unref);
  if (stamp != NULL)
    self->stamp = g_date_time_to_utc (stamp);
}

void
helder_ics_event_set_sequence (HelderIcsEvent *self,
                               guint           sequence)
{
  g_return_if_fail (self != NULL);
  self->sequence = sequence;
}

/* Transparent events do not make the reader busy (TRANSP): all-day
 * planning items are, by default. */
void
helder_ics_event_set_transparent (HelderIcsEvent *self,
                                  gboolean        transparent)
{
  g_return_if_fail (self != NULL);
  self->transparent = transparent;
}

const char *
helder_ics_event_get_uid (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uid;
}

const char *
helder_ics_event_get_summary (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->summary;
}

const char *
helder_ics_event_get_description (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

const char *
helder_ics_event_get_location (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->location;
}

const char *
helder_ics_event_get_url (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

HelderIcsStatus
helder_ics_event_get_status (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, HELDER_ICS_STATUS_NONE);
  return self->status;
}

const char * const *
helder_ics_event_get_categories (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->categories;
}

guint
helder_ics_event_get_sequence (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sequence;
}

gboolean
helder_ics_event_get_transparent (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->transparent;
}

gboolean
helder_ics_event_is_all_day (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->all_day;
}

void
helder_ics_event_get_first_day (HelderIcsEvent *self,
                                GDate          *first)
{
  g_return_if_fail (self != NULL && first != NULL);
  *first = self->first;
}

void
helder_ics_event_get_last_day (HelderIcsEvent *self,
                               GDate          *last)
{
  g_return_if_fail (self != NULL && last != NULL);
  *last = self->last;
}

/**
 * helder_ics_event_get_start:
 *
 * Returns: (transfer none) (nullable): the start in Europe/Amsterdam, or
 *   %NULL for an all-day event
 */
GDateTime *
helder_ics_event_get_start (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->start;
}

GDateTime *
helder_ics_event_get_end (HelderIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->end;
}

/* Writing */

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

/* Local time in Amsterdam, marked with TZID by the caller; or UTC. */
static struct icaltimetype
ical_time (GDateTime *when,
           gboolean   utc)
{
  struct icaltimetype t = icaltime_null_time ();
  g_autoptr(GDateTime) local = utc ? g_date_time_to_utc (when)
                                   : g_date_time_to_timezone (when, helder_ics_amsterdam ());

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);
  if (utc)
    t.zone = icaltimezone_get_utc_timezone ();
  return t;
}

static icalproperty *
time_property (icalproperty *property,
               gboolean      utc)
{
  if (!utc)
    icalproperty_add_parameter (property, icalparameter_new_tzid (HELDER_ICS_TIMEZONE));
  return property;
}

/* Europe/Amsterdam as the EU has had it since 1996: the rule form that
 * Outlook and GNOME Calendar both read. */
static icalcomponent *
amsterdam_vtimezone (void)
{
  icalcomponent *zone = icalcomponent_new_vtimezone ();
  static const struct {
    icalcomponent_kind kind;
    int from, to, month, day;
    const char *name, *rule;
  } parts[] = {
    { ICAL_XDAYLIGHT_COMPONENT, 3600, 7200, 3, 29, "CEST", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" },
    { ICAL_XSTANDARD_COMPONENT, 7200, 3600, 10, 25, "CET", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" },
  };

  icalcomponent_add_property (zone, icalproperty_new_tzid (HELDER_ICS_TIMEZONE));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      icalcomponent *part = icalcomponent_new (parts[i].kind);
      struct icaltimetype start = icaltime_null_time ();

      start.year = 1970;
      start.month = parts[i].month;
      start.day = parts[i].day;
      start.hour = parts[i].kind == ICAL_XDAYLIGHT_COMPONENT ? 2 : 3;
      icalcomponent_add_property (part, icalproperty_new_tzoffsetfrom (parts[i].from));
      icalcomponent_add_property (part, icalproperty_new_tzoffsetto (parts[i].to));
      icalcomponent_add_property (part, icalproperty_new_tzname (parts[i].name));
      icalcomponent_add_property (part, icalproperty_new_dtstart (start));
      icalcomponent_add_property (part, icalproperty_new_rrule (icalrecurrencetype_from_string (parts[i].rule)));
      icalcomponent_add_component (zone, part);
    }
  return zone;
}

static icalcomponent *
event_to_ical (HelderIcsEvent *self,
               GDateTime      *now,
               gboolean        utc)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  static const icalproperty_status statuses[] = {
    [HELDER_ICS_STATUS_TENTATIVE] = ICAL_STATUS_TENTATIVE,
    [HELDER_ICS_STATUS_CONFIRMED] = ICAL_STATUS_CONFIRMED,
    [HELDER_ICS_STATUS_CANCELLED] = ICAL_STATUS_CANCELLED,
  };

  icalcomponent_add_property (event, icalproperty_new_uid (self->uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (ical_time (self->stamp ? self->stamp : now, TRUE)));
  if (self->all_day)
    {
      GDate after = self->last;

      g_date_add_days (&after, 1);
      icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&self->first)));
      icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&after)));
    }
  else
    {
      icalcomponent_add_property (event, time_property (icalproperty_new_dtstart (ical_time (self->start, utc)), utc));
      if (self->end != NULL)
        icalcomponent_add_property (event, time_property (icalproperty_new_dtend (ical_time (self->end, utc)), utc));
    }
  if (self->summary != NULL)
    icalcomponent_add_property (event, icalproperty_new_summary (self->summary));
  if (self->description != NULL)
    icalcomponent_add_property (event, icalproperty_new_description (self->description));
  if (self->location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (self->location));
  if (self->url != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (self->url));
  if (self->categories[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (",", self->categories);

      icalcomponent_add_property (event, icalproperty_new_categories (list));
    }
  if (self->status != HELDER_ICS_STATUS_NONE)
    icalcomponent_add_property (event, icalproperty_new_status (statuses[self->status]));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) self->sequence));
  icalcomponent_add_property (event, icalproperty_new_transp (self->transparent ? ICAL_TRANSP_TRANSPARENT
                                                                                : ICAL_TRANSP_OPAQUE));
  return event;
}

HelderIcsCalendar *
helder_ics_calendar_new (const char *name)
{
  HelderIcsCalendar *self = g_new0 (HelderIcsCalendar, 1);

  self->name = g_strdup (name);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_ics_event_unref);
  return self;
}

void
helder_ics_calendar_free (HelderIcsCalendar *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_ptr_array_unref (self->events);
  g_free (self);
}

const char *
helder_ics_calendar_get_name (HelderIcsCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

void
helder_ics_calendar_add (HelderIcsCalendar *self,
                         HelderIcsEvent    *event)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (event != NULL);

  g_ptr_array_add (self->events, helder_ics_event_ref (event));
}

guint
helder_ics_calendar_get_n_events (HelderIcsCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

/**
 * helder_ics_calendar_get_event:
 *
 * Returns: (transfer none): the event at @index
 */
HelderIcsEvent *
helder_ics_calendar_get_event (HelderIcsCalendar *self,
                               guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return g_ptr_array_index (self->events, index);
}

static void
add_x_property (icalcomponent *component,
                const char    *name,
                const char    *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (component, property);
}

/**
 * helder_ics_calendar_to_string:
 * @now: (nullable): the DTSTAMP of events without a stamp of their own;
 *   %NULL for the current time
 *
 * Returns: (transfer full): the calendar as an iCalendar file (UTF-8,
 *   CRLF, folded lines)
 */
char *
helder_ics_calendar_to_string (HelderIcsCalendar *self,
                               GDateTime         *now)
{
  g_autoptr(GDateTime) stamp = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  gboolean utc = !have_amsterdam ();
  gboolean timed = FALSE;
  char *ical, *text;

  g_return_val_if_fail (self != NULL, NULL);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//HLTsamen//Helder " PACKAGE_VERSION "//NL"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* No METHOD: a file to import, not an iTIP message (PUBLISH would want
   * an ORGANIZER for every event). */
  if (self->name != NULL)
    add_x_property (calendar, "X-WR-CALNAME", self->name);
  add_x_property (calendar, "X-WR-TIMEZONE", HELDER_ICS_TIMEZONE);

  for (guint i = 0; i < self->events->len; i++)
    timed |= !((HelderIcsEvent *) g_ptr_array_index (self->events, i))->all_day;
  if (timed && !utc)
    icalcomponent_add_component (calendar, amsterdam_vtimezone ());

  for (guint i = 0; i < self->events->len; i++)
    icalcomponent_add_component (calendar, event_to_ical (g_ptr_array_index (self->events, i), stamp, utc));

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  free (ical);
  icalcomponent_free (calendar);
  return text;
}

/**
 * helder_ics_uid_for_record:
 *
 * Returns: (transfer full): the UID of the event a record becomes; the
 *   same for the record in every export, so calendars update it in place
 */
char *
helder_ics_uid_for_record (const char *record_id)
{
  g_return_val_if_fail (record_id != NULL, NULL);
  return g_strdup_printf ("%s@helder.hltsamen.nl", record_id);
}
