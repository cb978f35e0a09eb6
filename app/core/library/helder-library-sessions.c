/* helder-library-sessions.c: registering for a training session, the waitlist, attendance
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-service"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-library-service-private.h"

/* A registration is one record per person and session; who has a place
 * follows from all of them (helder_training_seats), so nothing here
 * writes a place or a waitlist: a cancel moves everybody up by itself,
 * on every desk, once it is synchronised. */

GPtrArray *
helder_library_service_sessions_of (HelderLibraryService *self,
                                    const char           *toolkit_id)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);
  g_return_val_if_fail (toolkit_id != NULL, NULL);

  return helder_library_service_query (self, HELDER_TYPE_TRAINING,
                                       "SELECT id FROM training WHERE deleted = 0 AND toolkit = ?1 "
                                       "ORDER BY starts_at, title", toolkit_id, NULL);
}

static GPtrArray *
registrations_of (HelderLibraryService *self,
                  const char           *training_id)
{
  return helder_library_service_query (self, HELDER_TYPE_REGISTRATION,
                                       "SELECT id FROM registration WHERE deleted = 0 AND training = ?1 "
                                       "ORDER BY requested_at, id", training_id, NULL);
}

GPtrArray *
helder_library_service_seats (HelderLibraryService *self,
                              const char           *training_id)
{
  g_autoptr(HelderRecord) training = NULL;
  g_autoptr(GPtrArray) registrations = NULL;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);
  g_return_val_if_fail (training_id != NULL, NULL);

  training = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TRAINING, training_id);
  registrations = registrations_of (self, training_id);
  return helder_training_seats (registrations, training != NULL ? helder_record_get_int (training, "capacity") : 0);
}

HelderPlace
helder_library_service_my_place (HelderLibraryService *self,
                                 const char           *training_id,
                                 guint                *position)
{
  g_autoptr(GPtrArray) seats = NULL;
  const HelderTrainingSeat *seat;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), HELDER_PLACE_NONE);

  seats = helder_library_service_seats (self, training_id);
  seat = helder_training_seats_find (seats, helder_library_service_login (self));
  if (position != NULL)
    *position = seat != NULL ? seat->position : 0;
  return seat != NULL ? seat->place : HELDER_PLACE_NONE;
}

static gboolean
has_started (HelderRecord *training)
{
  const char *starts = helder_record_get_text (training, "starts_at");
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (starts == NULL || *starts == '\0')
    return FALSE;
  start = g_date_time_new_from_iso8601 (starts, zone);
  if (start == NULL && strlen (starts) == 10)
    {
      /* A date only: open until the end of that day */
      g_autofree char *evening = g_strconcat (starts, "T23:59:59", NULL);

      start = g_date_time_new_from_iso8601 (evening, zone);
    }
  return start != NULL && g_date_time_compare (start, now) < 0;
}

HelderPlace
helder_library_service_register (HelderLibraryService  *self,
                                 const char            *training_id,
                                 GError               **error)
{
  g_autoptr(HelderRecord) training = NULL;
  g_autoptr(HelderRecord) registration = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = NULL;
  HelderPlace place;
  const char *login;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), HELDER_PLACE_NONE);
  g_return_val_if_fail (training_id != NULL, HELDER_PLACE_NONE);

  login = helder_library_service_login (self);
  training = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TRAINING, training_id);
  if (training == NULL || helder_record_get_deleted (training))
    {
      g_set_error_literal (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND, _("This session no longer exists."));
      return HELDER_PLACE_NONE;
    }
  if (login == NULL || *login == '\0')
    {
      helder_library_refuse (error, _("Sign in to register for a session."));
      return HELDER_PLACE_NONE;
    }
  place = helder_library_service_my_place (self, training_id, NULL);
  if (place != HELDER_PLACE_NONE)
    return place;
  if (has_started (training))
    {
      helder_library_refuse (error, _("This session has already started."));
      return HELDER_PLACE_NONE;
    }

  /* Everyone sees who registered (the places follow from it): never
   * private, not even for staff */
  at = g_date_time_format_iso8601 (now);
  registration = helder_record_new (HELDER_TYPE_REGISTRATION);
  g_object_set (registration, "training", training_id, "user", login, "requested-at", at, NULL);
  if (!helder_service_save (HELDER_SERVICE (self), registration, error))
    return HELDER_PLACE_NONE;
  return helder_library_service_my_place (self, training_id, NULL);
}

gboolean
helder_library_service_unregister (HelderLibraryService  *self,
                                   const char            *training_id,
                                   GStrv                 *moved_up,
                                   GError               **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) deletions = g_ptr_array_new ();
  const char *login;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (training_id != NULL, FALSE);

  if (moved_up != NULL)
    *moved_up = NULL;
  login = helder_library_service_login (self);
  before = helder_library_service_seats (self, training_id);
  /* Every registration of this person (two desks offline may have made two) */
  {
    g_autoptr(GPtrArray) registrations = registrations_of (self, training_id);

    for (guint i = 0; i < registrations->len; i++)
      if (g_strcmp0 (helder_record_get_text (registrations->pdata[i], "user"), login) == 0)
        g_ptr_array_add (deletions, registrations->pdata[i]);
    if (deletions->len > 0 &&
        !helder_service_write (HELDER_SERVICE (self), NULL, deletions, error))
      return FALSE;
  }
  after = helder_library_service_seats (self, training_id);
  if (moved_up != NULL)
    *moved_up = helder_training_moved_up (before, after);
  return TRUE;
}

gboolean
helder_library_service_set_attended (HelderLibraryService  *self,
                                     const char            *registration_id,
                                     gboolean               attended,
                                     GError               **error)
{
  g_autoptr(HelderRecord) registration = NULL;
  g_autoptr(HelderRecord) training = NULL;
  HelderSession *session;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (registration_id != NULL, FALSE);

  session = helder_library_service_session (self);
  registration = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_REGISTRATION, registration_id);
  if (registration == NULL || helder_record_get_deleted (registration))
    {
      g_set_error_literal (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND, _("This registration no longer exists."));
      return FALSE;
    }
  training = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TRAINING,
                                  helder_record_get_text (registration, "training"));
  /* The organiser records it (or an administrator) */
  if (helder_session_get_role (session) != HELDER_SESSION_ROLE_ADMIN &&
      (helder_session_get_role (session) == HELDER_SESSION_ROLE_STAFF || training == NULL ||
       g_strcmp0 (helder_record_get_text (training, "owner"), helder_session_get_login (session)) != 0))
    return helder_library_refuse (error, _("Only the organiser records who attended."));
  g_object_set (registration, "attended", attended, NULL);
  return helder_service_save (HELDER_SERVICE (self), registration, error);
}

char *
helder_library_service_session_ics (HelderLibraryService *self,
                                    const char           *training_id)
{
  g_autoptr(HelderRecord) training = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  training = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TRAINING, training_id);
  return training != NULL ? helder_training_to_ics (training, now) : NULL;
}

GBytes *
helder_library_service_attendance_csv (HelderLibraryService *self,
                                       const char           *training_id)
{
  g_autoptr(HelderRecord) training = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  training = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TRAINING, training_id);
  if (training == NULL)
    return NULL;
  seats = helder_library_service_seats (self, training_id);
  for (guint i = 0; i < seats->len; i++)
    {
      const char *login = helder_record_get_text (((HelderTrainingSeat *) seats->pdata[i])->registration, "user");

      if (!g_hash_table_contains (names, login))
        g_hash_table_insert (names, (gpointer) login, helder_library_service_user_name (self, login));
    }
  return helder_training_attendance_csv (training, seats, names);
}
