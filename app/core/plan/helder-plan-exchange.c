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
#include "report/helder-csv.h"

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

static int
by_window (gconstpointer a,
           gconstpointer b)
{
  HelderRecord *x = *(HelderRecord **) a, *y = *(HelderRecord **) b;
  int c = g_strcmp0 (helder_record_get_text (x, "window_start"), helder_record_get_text (y, "window_start"));

  return c != 0 ? c : g_strcmp0 (helder_record_get_title (x), helder_record_get_title (y));
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

/* Messages as CSV, for a spreadsheet: one row per message, the linked
 * records by their names, choices and yes/no in the user's words.  The
 * first column is the id, so a file read back finds its messages. */

static const char *csv_fields[] = {
  "title", "status", "window_start", "window_end", "audiences", "area", "channels", "priority",
  "topic", "works", "urgency", "legal_effect", "deadline", "two_way", "approver", "author",
};

static const char *
field_label (const char *name)
{
  HelderRecordClass *klass = g_type_class_ref (HELDER_TYPE_MESSAGE);
  const HelderField *field = helder_record_class_find_field (klass, name);

  g_type_class_unref (klass);
  return field ? _(field->label) : name;
}

static const char *
name_of (GHashTable *names,
         const char *id)
{
  const char *name = names && id ? g_hash_table_lookup (names, id) : NULL;

  return name ? name : id;
}

static char *
names_joined (GHashTable         *names,
              const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", name_of (names, ids[i]));
  return g_strdup (text->str);
}

static char **
channel_ids (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *e = json_array_get_element (json_node_get_array (node), i);
        const char *id = JSON_NODE_HOLDS_OBJECT (e)
                         ? json_object_get_string_member_with_default (json_node_get_object (e), "channel", NULL)
                         : NULL;

        if (id != NULL)
          g_strv_builder_add (ids, id);
      }
  return g_strv_builder_end (ids);
}

/**
 * helder_plan_messages_csv:
 * @messages: (element-type HelderRecord): the messages
 * @names: (nullable): record id → the name to write for it (audiences,
 *   channels, priorities, topics, works)
 *
 * Returns: (transfer full): a CSV file (UTF-8 with a byte order mark,
 *   semicolons, as Excel in the Netherlands reads it)
 */
GBytes *
helder_plan_messages_csv (GPtrArray  *messages,
                          GHashTable *names)
{
  g_autoptr(HelderCsvWriter) writer = helder_csv_writer_new (';', HELDER_CSV_BOM | HELDER_CSV_FORMULA_GUARD);

  helder_csv_writer_add_field (writer, _("Id"));
  for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
    helder_csv_writer_add_field (writer, field_label (csv_fields[f]));
  helder_csv_writer_end_row (writer);

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      HelderRecord *m = messages->pdata[i];

      helder_csv_writer_add_field (writer, helder_record_get_id (m));
      for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
        {
          const char *name = csv_fields[f];
          g_autofree char *text = NULL;

          if (g_str_equal (name, "audiences") || g_str_equal (name, "works"))
            text = names_joined (names, helder_record_get_list (m, name));
          else if (g_str_equal (name, "channels"))
            {
              g_auto(GStrv) ids = channel_ids (helder_record_get_text (m, name));

              text = names_joined (names, (const char * const *) ids);
            }
          else if (g_str_equal (name, "priority") || g_str_equal (name, "topic"))
            text = g_strdup (name_of (names, helder_record_get_text (m, name)));
          else if (g_str_equal (name, "status"))
            text = g_strdup (helder_format_choice (helder_record_get_text (m, name)));
          else if (g_str_equal (name, "urgency"))
            text = helder_record_get_int (m, name) > 0 ? g_strdup_printf ("%d", helder_record_get_int (m, name)) : NULL;
          else if (g_str_equal (name, "legal_effect") || g_str_equal (name, "two_way"))
            text = g_strdup (helder_record_get_bool (m, name) ? _("yes") : _("no"));
          else
            text = g_strdup (helder_record_get_text (m, name));
          helder_csv_writer_add_field (writer, text ? text : "");
        }
      helder_csv_writer_end_row (writer);
    }
  return helder_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

static const char *
id_of (GHashTable *ids,
       const char *name)
{
  const char *id = ids && name ? g_hash_table_lookup (ids, name) : NULL;

  return id ? id : name;
}

static char **
ids_split (GHashTable *ids,
           const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, id_of (ids, parts[i]));
  return g_strv_builder_end (builder);
}

static const char *
status_from_label (const char *label)
{
  static const char *states[] = { "idea", "draft", "review", "approved", "published" };

  for (guint i = 0; label != NULL && i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (helder_format_choice (states[i]), label) == 0 || g_str_equal (states[i], label))
      return states[i];
  return NULL;
}

/**
 * helder_plan_messages_csv_read:
 * @ids: (nullable): name → record id, the other way round from
 *   helder_plan_messages_csv()
 *
 * Reads a file helder_plan_messages_csv() wrote (or a spreadsheet saved
 * from it): the messages with the ids of their rows.  Channels come
 * back without their reasons.
 *
 * Returns: (transfer full) (element-type HelderRecord): the messages, or
 *   %NULL with @error set
 */
GPtrArray *
helder_plan_messages_csv_read (const char  *data,
                               gsize        length,
                               GHashTable  *ids,
                               GError     **error)
{
  g_autoptr(HelderCsvTable) table = helder_csv_read (data, length, HELDER_CSV_FORMULA_GUARD, NULL, error);
  g_autoptr(GPtrArray) messages = NULL;
  int columns[G_N_ELEMENTS (csv_fields)];
  int id_column;

  if (table == NULL)
    return NULL;
  id_column = helder_csv_table_find_column (table, _("Id"));
  for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
    columns[f] = helder_csv_table_find_column (table, field_label (csv_fields[f]));
  messages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint row = 1; row < helder_csv_table_get_n_rows (table); row++)
    {
      g_autoptr(HelderRecord) m = helder_record_new (HELDER_TYPE_MESSAGE);
      const char *id = id_column >= 0 ? helder_csv_table_get (table, row, id_column) : NULL;

      if (id != NULL && g_uuid_string_is_valid (id))
        helder_record_set_id (m, id);
      for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
        {
          const char *name = csv_fields[f];
          const char *text = columns[f] >= 0 ? helder_csv_table_get (table, row, columns[f]) : NULL;
          g_autofree char *property = g_strdelimit (g_strdup (name), "_", '-');

          if (text == NULL || *text == '\0')
            continue;
          if (g_str_equal (name, "audiences") || g_str_equal (name, "works"))
            {
              g_auto(GStrv) list = ids_split (ids, text);

              g_object_set (m, property, list, NULL);
            }
          else if (g_str_equal (name, "channels"))
            {
              g_auto(GStrv) list = ids_split (ids, text);
              g_autoptr(JsonBuilder) builder = json_builder_new ();
              g_autoptr(JsonNode) root = NULL;
              g_autofree char *json = NULL;

              json_builder_begin_array (builder);
              for (guint k = 0; list[k] != NULL; k++)
                {
                  json_builder_begin_object (builder);
                  json_builder_set_member_name (builder, "channel");
                  json_builder_add_string_value (builder, list[k]);
                  json_builder_end_object (builder);
                }
              json_builder_end_array (builder);
              root = json_builder_get_root (builder);
              json = json_to_string (root, FALSE);
              g_object_set (m, property, json, NULL);
            }
          else if (g_str_equal (name, "priority") || g_str_equal (name, "topic"))
            g_object_set (m, property, id_of (ids, text), NULL);
          else if (g_str_equal (name, "status"))
            g_object_set (m, property, status_from_label (text), NULL);
          else if (g_str_equal (name, "urgency"))
            g_object_set (m, property, CLAMP ((int) g_ascii_strtoll (text, NULL, 10), 1, 3), NULL);
          else if (g_str_equal (name, "legal_effect") || g_str_equal (name, "two_way"))
            g_object_set (m, property, g_strcmp0 (text, _("yes")) == 0, NULL);
          else
            g_object_set (m, property, text, NULL);
        }
      g_ptr_array_add (messages, g_steal_pointer (&m));
    }
  return g_steal_pointer (&messages);
}

/* Every message in the store, with the names of what they link to. */
GBytes *
helder_plan_service_messages_csv (HelderPlanService *self)
{
  GType named[] = { HELDER_TYPE_AUDIENCE, HELDER_TYPE_CHANNEL, HELDER_TYPE_PRIORITY, HELDER_TYPE_TOPIC,
                    HELDER_TYPE_WORKS };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) messages = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  for (guint t = 0; t < G_N_ELEMENTS (named); t++)
    {
      g_autoptr(GPtrArray) records = helder_plan_works_load_all (self, named[t]);

      for (guint i = 0; i < records->len; i++)
        g_hash_table_insert (names, g_strdup (helder_record_get_id (records->pdata[i])),
                             g_strdup (helder_record_get_title (records->pdata[i])));
    }
  messages = helder_plan_works_load_all (self, HELDER_TYPE_MESSAGE);
  g_ptr_array_sort (messages, by_window);
  return helder_plan_messages_csv (messages, names);
}
