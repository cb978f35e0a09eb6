/* helder-ics.h: calendars as iCalendar (RFC 5545) files, through libical
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The time zone every timed event is written in (with its VTIMEZONE), so
 * the file shows the same hours in GNOME Calendar and Outlook. */
#define HELDER_ICS_TIMEZONE "Europe/Amsterdam"

#define HELDER_ICS_ERROR (helder_ics_error_quark ())

typedef enum
{
  HELDER_ICS_ERROR_PARSE,   /* not an iCalendar file */
  HELDER_ICS_ERROR_INVALID, /* an event without what RFC 5545 requires */
} HelderIcsError;

typedef enum
{
  HELDER_ICS_STATUS_NONE,
  HELDER_ICS_STATUS_TENTATIVE,
  HELDER_ICS_STATUS_CONFIRMED,
  HELDER_ICS_STATUS_CANCELLED,
} HelderIcsStatus;

GQuark helder_ics_error_quark (void);

/* One VEVENT: all day (dates, the last day included) or timed. */
typedef struct _HelderIcsEvent HelderIcsEvent;

#define HELDER_TYPE_ICS_EVENT (helder_ics_event_get_type ())

GType            helder_ics_event_get_type        (void) G_GNUC_CONST;
HelderIcsEvent  *helder_ics_event_new_all_day     (const char      *uid,
                                                   const char      *summary,
                                                   const GDate     *first,
                                                   const GDate     *last);
HelderIcsEvent  *helder_ics_event_new_timed       (const char      *uid,
                                                   const char      *summary,
                                                   GDateTime       *start,
                                                   GDateTime       *end);
HelderIcsEvent  *helder_ics_event_ref             (HelderIcsEvent  *self);
void             helder_ics_event_unref           (HelderIcsEvent  *self);

void             helder_ics_event_set_description (HelderIcsEvent  *self,
                                                   const char      *description);
void             helder_ics_event_set_location    (HelderIcsEvent  *self,
                                                   const char      *location);
void             helder_ics_event_set_url         (HelderIcsEvent  *self,
                                                   const char      *url);
void             helder_ics_event_set_status      (HelderIcsEvent  *self,
                                                   HelderIcsStatus  status);
void             helder_ics_event_add_category    (HelderIcsEvent  *self,
                                                   const char      *category);
void             helder_ics_event_set_stamp       (HelderIcsEvent  *self,
                                                   GDateTime       *stamp);
void             helder_ics_event_set_sequence    (HelderIcsEvent  *self,
                                                   guint            sequence);
void             helder_ics_event_set_transparent (HelderIcsEvent  *self,
                                                   gboolean         transparent);

const char      *helder_ics_event_get_uid         (HelderIcsEvent  *self);
const char      *helder_ics_event_get_summary     (HelderIcsEvent  *self);
const char      *helder_ics_event_get_description (HelderIcsEvent  *self);
const char      *helder_ics_event_get_location    (HelderIcsEvent  *self);
const char      *helder_ics_event_get_url         (HelderIcsEvent  *self);
HelderIcsStatus  helder_ics_event_get_status      (HelderIcsEvent  *self);
const char * const *helder_ics_event_get_categories (HelderIcsEvent *self);
guint            helder_ics_event_get_sequence    (HelderIcsEvent  *self);
gboolean         helder_ics_event_get_transparent (HelderIcsEvent  *self);
gboolean         helder_ics_event_is_all_day      (HelderIcsEvent  *self);
void             helder_ics_event_get_first_day   (HelderIcsEvent  *self,
                                                   GDate           *first);
void             helder_ics_event_get_last_day    (HelderIcsEvent  *self,
                                                   GDate           *last);
GDateTime       *helder_ics_event_get_start       (HelderIcsEvent  *self);
GDateTime       *helder_ics_event_get_end         (HelderIcsEvent  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderIcsEvent, helder_ics_event_unref)

/* A VCALENDAR of events. */
typedef struct _HelderIcsCalendar HelderIcsCalendar;

HelderIcsCalendar *helder_ics_calendar_new        (const char        *name);
void               helder_ics_calendar_free       (HelderIcsCalendar *self);
const char        *helder_ics_calendar_get_name   (HelderIcsCalendar *self);
void               helder_ics_calendar_add        (HelderIcsCalendar *self,
                                                   HelderIcsEvent    *event);
guint              helder_ics_calendar_get_n_events (HelderIcsCalendar *self);
HelderIcsEvent    *helder_ics_calendar_get_event  (HelderIcsCalendar *self,
                                                   guint              index);
char              *helder_ics_calendar_to_string  (HelderIcsCalendar *self,
                                                   GDateTime         *now);
HelderIcsCalendar *helder_ics_calendar_parse      (const char        *text,
                                                   gssize             length,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderIcsCalendar, helder_ics_calendar_free)

char              *helder_ics_uid_for_record      (const char        *record_id);

G_END_DECLS
