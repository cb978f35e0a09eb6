/* helder-library-training.c: places and the waitlist of a training session, its .ics and attendance list
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-library-training.h"
#include "report/helder-csv.h"
#include "report/helder-ics.h"

void
helder_training_seat_free (HelderTrainingSeat *seat)
{
  if (seat == NULL)
    return;
  g_clear_object (&seat->registration);
  g_free (seat);
}

/* requested_at as microseconds; none: after everyone */
static gint64
requested_at (HelderRecord *registration)
{
  const char *text = helder_record_get_text (registration, "requested_at");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || *text == '\0')
    return G_MAXINT64;
  when = g_date_time_new_from_iso8601 (text, utc);
  if (when == NULL && strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);

      when = g_date_time_new_from_iso8601 (midnight, utc);
    }
  return when != NULL ? g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when)
                      : G_MAXINT64;
}

typedef struct
{
  HelderRecord *registration;
  gint64        at;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return g_strcmp0 (helder_record_get_id (x->registration), helder_record_get_id (y->registration));
}

/**
 * helder_training_seats:
 *
 * Places go to the earliest requested_at (ties by id), up to @capacity
 * (0: no limit); the rest wait in that order.  One registration per
 * person counts: a second of the same user (two desks offline) is
 * ignored, the earlier one stands.
 */
GPtrArray *
helder_training_seats (GPtrArray *registrations,
                       int        capacity)
{
  g_autoptr(GArray) ordered = g_array_new (FALSE, FALSE, sizeof (Ordered));
  g_autoptr(GHashTable) users = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *seats = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_training_seat_free);
  guint confirmed = 0, waiting = 0;

  for (guint i = 0; registrations != NULL && i < registrations->len; i++)
    {
      HelderRecord *registration = registrations->pdata[i];
      Ordered entry = { registration, requested_at (registration) };

      if (helder_record_get_deleted (registration) || helder_record_get_text (registration, "user") == NULL)
        continue;
      g_array_append_val (ordered, entry);
    }
  g_array_sort (ordered, compare_ordered);
  for (guint i = 0; i < ordered->len; i++)
    {
      HelderRecord *registration = g_array_index (ordered, Ordered, i).registration;
      HelderTrainingSeat *seat;

      if (!g_hash_table_add (users, (gpointer) helder_record_get_text (registration, "user")))
        continue;
      seat = g_new0 (HelderTrainingSeat, 1);
      seat->registration = g_object_ref (registration);
      if (capacity <= 0 || confirmed < (guint) capacity)
        {
          seat->place = HELDER_PLACE_CONFIRMED;
          seat->position = ++confirmed;
        }
      else
        {
          seat->place = HELDER_PLACE_WAITING;
          seat->position = ++waiting;
        }
      g_ptr_array_add (seats, seat);
    }
  return seats;
}

const HelderTrainingSeat *
helder_training_seats_find (GPtrArray  *seats,
                            const char *user)
{
  for (guint i = 0; seats != NULL && user != NULL && i < seats->len; i++)
    {
      HelderTrainingSeat *seat = seats->pdata[i];

      if (g_strcmp0 (helder_record_get_text (seat->registration, "user"), user) == 0)
        return seat;
    }
  return NULL;
}

guint
helder_training_seats_count (GPtrArray   *seats,
                             HelderPlace  place)
{
  guint n = 0;

  for (guint i = 0; seats != NULL && i < seats->len; i++)
    n += ((HelderTrainingSeat *) seats->pdata[i])->place == place;
  return n;
}

GStrv
helder_training_moved_up (GPtrArray *before,
                          GPtrArray *after)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; after != NULL && i < after->len; i++)
    {
      HelderTrainingSeat *seat = after->pdata[i];
      const char *user = helder_record_get_text (seat->registration, "user");
      const HelderTrainingSeat *was = helder_training_seats_find (before, user);

      if (seat->place == HELDER_PLACE_CONFIRMED && was != NULL && was->place == HELDER_PLACE_WAITING)
        g_strv_builder_add (builder, user);
    }
  return g_strv_builder_end (builder);
}

/* A session's start or end; a time without a zone is Dutch time */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (HELDER_ICS_TIMEZONE);

  if (text == NULL || *text == '\0')
    return NULL;
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  if (strlen (text) == 10)
    {
      g_autofree char *morning = g_strconcat (text, "T09:00:00", NULL);

      return g_date_time_new_from_iso8601 (morning, zone);
    }
  return g_date_time_new_from_iso8601 (text, zone);
}

char *
helder_training_to_ics (HelderRecord *training,
                        GDateTime    *now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(HelderIcsEvent) event = NULL;
  g_autoptr(HelderIcsCalendar) calendar = NULL;
  g_autofree char *uid = NULL;
  const char *text;

  g_return_val_if_fail (HELDER_IS_TRAINING (training), NULL);

  start = parse_time (helder_record_get_text (training, "starts_at"));
  if (start == NULL)
    return NULL;
  end = parse_time (helder_record_get_text (training, "ends_at"));
  if (end == NULL || g_date_time_compare (end, start) <= 0)
    {
      g_clear_pointer (&end, g_date_time_unref);
      end = g_date_time_add_hours (start, 2);
    }
  uid = helder_ics_uid_for_record (helder_record_get_id (training));
  event = helder_ics_event_new_timed (uid, helder_record_get_text (training, "title"), start, end);
  if ((text = helder_record_get_text (training, "place")) != NULL && *text != '\0')
    helder_ics_event_set_location (event, text);
  if ((text = helder_record_get_text (training, "description")) != NULL && *text != '\0')
    helder_ics_event_set_description (event, text);
  helder_ics_event_set_status (event, HELDER_ICS_STATUS_CONFIRMED);
  helder_ics_event_add_category (event, _("Training"));
  calendar = helder_ics_calendar_new (helder_record_get_text (training, "title"));
  helder_ics_calendar_add (calendar, event);
  return helder_ics_calendar_to_string (calendar, now);
}

GBytes *
helder_training_attendance_csv (HelderRecord *training,
                                GPtrArray    *seats,
                                GHashTable   *names)
{
  g_autoptr(HelderCsvWriter) writer = helder_csv_writer_new (';', HELDER_CSV_BOM | HELDER_CSV_FORMULA_GUARD);
  const char *header[] = { _("Name"), _("Login"), _("Registered on"), _("Place"), _("Attended"), NULL };

  g_return_val_if_fail (HELDER_IS_TRAINING (training), NULL);

  helder_csv_writer_add_row (writer, header);
  for (guint i = 0; seats != NULL && i < seats->len; i++)
    {
      HelderTrainingSeat *seat = seats->pdata[i];
      const char *login = helder_record_get_text (seat->registration, "user");
      const char *name = names != NULL ? g_hash_table_lookup (names, login) : NULL;
      const char *at = helder_record_get_text (seat->registration, "requested_at");
      g_autofree char *place = seat->place == HELDER_PLACE_CONFIRMED
                               ? g_strdup (_("Confirmed"))
                               : g_strdup_printf (_("Waitlist %u"), seat->position);
      g_autofree char *day = at != NULL ? g_strndup (at, 10) : g_strdup ("");

      helder_csv_writer_add_field (writer, name != NULL ? name : login);
      helder_csv_writer_add_field (writer, login);
      helder_csv_writer_add_field (writer, day);
      helder_csv_writer_add_field (writer, place);
      helder_csv_writer_add_field (writer, helder_record_get_bool (seat->registration, "attended") ? _("yes") : _("no"));
      helder_csv_writer_end_row (writer);
    }
  return helder_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}
