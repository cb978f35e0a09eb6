/* helder-plan-exchange.c: the planner's calendar as iCalendar: messages, works, council meetings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-exchange"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "helder-plan-exchange.h"
#include "helder-plan-works.h"
#include "helder-plan-works-private.h"
#include "model/helder-record-format.h"

/* So the calendar shows in GNOME Calendar and Outlook: one event per
 * message (its date window, all day), per works (start to end, all
 * day, where and by when residents must know) and per council meeting
 * (at its time, Europe/Amsterdam).  The UID comes from the record's
 * id, so a calendar that imports again updates the events in place;
 * the record's version counts as the event's SEQUENCE. */

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
stamp (HelderIcsEvent *event,
       HelderRecord   *record)
{
  GDateTime *at = helder_record_get_updated_at (record);

  if (at != NULL)
    helder_ics_event_set_stamp (event, at);
  helder_ics_event_set_sequence (event, (guint) MAX (helder_record_get_version (record), 0));
}

static HelderIcsEvent *
message_event (HelderRecord *message)
{
  const char *start = helder_record_get_text (message, "window_start");
  const char *end = helder_record_get_text (message, "window_end");
  const char *status = helder_record_get_text (message, "status");
  const char *area = helder_record_get_text (message, "area");
  g_autofree char *uid = helder_ics_uid_for_record (helder_record_get_id (message));
  g_autofree char *description = NULL;
  HelderIcsEvent *event;
  GDate first, last;

  if (!parse_day (start, &first) && !parse_day (end, &first))
    return NULL;
  if (!parse_day (end, &last))
    last = first;
  event = helder_ics_event_new_all_day (uid, helder_record_get_title (message), &first, &last);
  /* Translators: an exported message's description: its status */
  description = g_strdup_printf (_("Status: %s"), status ? helder_format_choice (status) : "–");
  helder_ics_event_set_description (event, description);
  if (area != NULL && *area != '\0')
    helder_ics_event_set_location (event, area);
  helder_ics_event_set_status (event, g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "published") == 0
                                      ? HELDER_ICS_STATUS_CONFIRMED : HELDER_ICS_STATUS_TENTATIVE);
  helder_ics_event_add_category (event, _("Communication"));
  stamp (event, message);
  return event;
}

static HelderIcsEvent *
works_event (HelderRecord *works,
             int           org_lead_time)
{
  g_autofree char *uid = helder_ics_uid_for_record (helder_record_get_id (works));
  g_autoptr(GPtrArray) streets = helder_works_streets (works);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) about = g_string_new (NULL);
  g_autofree char *deadline = helder_works_letter_deadline (works, org_lead_time);
  g_autofree char *day = helder_works_format_day (deadline);
  const char *wijk = helder_record_get_text (works, "wijk");
  const char *description = helder_record_get_text (works, "description");
  const char *contact = helder_record_get_text (works, "contact");
  HelderIcsEvent *event;
  GDate first, last;

  if (!parse_day (helder_record_get_text (works, "start_date"), &first))
    return NULL;
  if (!parse_day (helder_record_get_text (works, "end_date"), &last))
    last = first;
  event = helder_ics_event_new_all_day (uid, helder_record_get_title (works), &first, &last);
  for (guint i = 0; i < streets->len; i++)
    g_string_append_printf (where, "%s%s", i ? ", " : "", (char *) streets->pdata[i]);
  if (wijk != NULL && *wijk != '\0')
    g_string_append_printf (where, "%s%s", where->len ? ", " : "", wijk);
  if (where->len > 0)
    helder_ics_event_set_location (event, where->str);
  if (description != NULL && *description != '\0')
    g_string_append_printf (about, "%s\n", description);
  if (day != NULL)
    g_string_append_printf (about, _("Residents told by %s."), day);
  if (contact != NULL && *contact != '\0')
    g_string_append_printf (about, "\n%s: %s", _("Point of contact"), contact);
  if (about->len > 0)
    helder_ics_event_set_description (event, about->str);
  helder_ics_event_set_status (event, HELDER_ICS_STATUS_CONFIRMED);
  helder_ics_event_add_category (event, _("Works"));
  stamp (event, works);
  return event;
}

static HelderIcsEvent *
meeting_event (HelderRecord *meeting)
{
  const char *starts = helder_record_get_text (meeting, "starts_at");
  const char *place = helder_record_get_text (meeting, "place");
  const char *agenda = helder_record_get_text (meeting, "agenda");
  g_autofree char *uid = helder_ics_uid_for_record (helder_record_get_id (meeting));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (HELDER_ICS_TIMEZONE);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(JsonNode) points = NULL;
  g_autoptr(GString) about = g_string_new (NULL);
  HelderIcsEvent *event;

  if (starts == NULL || (start = g_date_time_new_from_iso8601 (starts, zone)) == NULL)
    {
      GDate day;

      if (!parse_day (starts, &day))
        return NULL;
      event = helder_ics_event_new_all_day (uid, helder_record_get_title (meeting), &day, &day);
    }
  else
    event = helder_ics_event_new_timed (uid, helder_record_get_title (meeting), start, NULL);
  if (place != NULL && *place != '\0')
    helder_ics_event_set_location (event, place);
  points = agenda ? json_from_string (agenda, NULL) : NULL;
  if (points != NULL && JSON_NODE_HOLDS_ARRAY (points))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (points)); i++)
      {
        JsonNode *point = json_array_get_element (json_node_get_array (points), i);
        const char *title = JSON_NODE_HOLDS_OBJECT (point)
                            ? json_object_get_string_member_with_default (json_node_get_object (point), "title", NULL)
                            : NULL;

        if (title != NULL)
          g_string_append_printf (about, "%s- %s", about->len ? "\n" : "", title);
      }
  if (about->len > 0)
    helder_ics_event_set_description (event, about->str);
  helder_ics_event_set_status (event, HELDER_ICS_STATUS_CONFIRMED);
  helder_ics_event_add_category (event, _("Council"));
  stamp (event, meeting);
  return event;
}

/**
 * helder_plan_calendar_ics:
 * @messages: (element-type HelderRecord) (nullable): messages; those
 *   without a date are left out
 * @works: (element-type HelderRecord) (nullable): works; without a start left out
 * @meetings: (element-type HelderRecord) (nullable): council meetings
 *
 * Returns: (transfer full): the calendar
 */
HelderIcsCalendar *
helder_plan_calendar_ics (GPtrArray *messages,
                          GPtrArray *works,
                          GPtrArray *meetings,
                          int        org_lead_time)
{
  HelderIcsCalendar *calendar = helder_ics_calendar_new (_("Helder: communication calendar"));

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      g_autoptr(HelderIcsEvent) event = message_event (messages->pdata[i]);

      if (event != NULL)
        helder_ics_calendar_add (calendar, event);
    }
  for (guint i = 0; works != NULL && i < works->len; i++)
    {
      g_autoptr(HelderIcsEvent) event = works_event (works->pdata[i], org_lead_time);

      if (event != NULL)
        helder_ics_calendar_add (calendar, event);
    }
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      g_autoptr(HelderIcsEvent) event = meeting_event (meetings->pdata[i]);

      if (event != NULL)
        helder_ics_calendar_add (calendar, event);
    }
  return calendar;
}

/* Every message, works and council meeting in the store. */
HelderIcsCalendar *
helder_plan_service_calendar_ics (HelderPlanService *self)
{
  g_autoptr(GPtrArray) messages = NULL, works = NULL, meetings = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  messages = helder_plan_works_load_all (self, HELDER_TYPE_MESSAGE);
  works = helder_plan_works_load_all (self, HELDER_TYPE_WORKS);
  meetings = helder_plan_works_load_all (self, HELDER_TYPE_COUNCIL_MEETING);
  return helder_plan_calendar_ics (messages, works, meetings, helder_plan_service_works_lead_time (self));
}
