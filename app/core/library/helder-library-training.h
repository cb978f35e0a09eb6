/* helder-library-training.h: places and the waitlist of a training session, as pure functions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/helder-records.h"

G_BEGIN_DECLS

/* A session (a training record) has a capacity; its registration records
 * (one per person) get the places in order of requested_at, ties by id;
 * the rest wait, in that order.  Nobody stores who has a place: it follows
 * from the registrations, so a colleague's cancel pulled from the server
 * moves the waitlist up on every desk at once, without a conflict.  A
 * capacity of 0 means no limit. */

typedef enum
{
  HELDER_PLACE_NONE,      /* not registered */
  HELDER_PLACE_CONFIRMED, /* has a place */
  HELDER_PLACE_WAITING,   /* on the waitlist */
} HelderPlace;

typedef struct
{
  HelderRecord *registration;  /* owned */
  HelderPlace   place;
  guint         position;      /* 1-based: among the places, or on the waitlist */
} HelderTrainingSeat;

/* @registrations: (element-type HelderRegistration) of one training, any
 * order, deleted ones skipped.  Returns: (transfer full) (element-type
 * HelderTrainingSeat): every registration in seat order, places first. */
GPtrArray   *helder_training_seats           (GPtrArray    *registrations,
                                              int           capacity);
void         helder_training_seat_free       (HelderTrainingSeat *seat);

/* The seat of @user in @seats, or NULL. */
const HelderTrainingSeat *helder_training_seats_find (GPtrArray  *seats,
                                                      const char *user);
guint        helder_training_seats_count     (GPtrArray    *seats,
                                              HelderPlace   place);

/* The logins that have a place in @after but were waiting in @before:
 * whom to tell they moved up. */
GStrv        helder_training_moved_up        (GPtrArray    *before,
                                              GPtrArray    *after);

/* An iCalendar file (RFC 5545) with the one session: start and end
 * (ends_at, or two hours on), place, description, a stable UID from the
 * record id.  @now stamps it. */
char        *helder_training_to_ics          (HelderRecord *training,
                                              GDateTime    *now);

/* The attendance list as CSV (UTF-8 with BOM, ';' as Dutch Excel reads
 * it): name, login, registered on, place (Geplaatst / Wachtlijst n),
 * attended (ja/nee).  @names maps logins to names (nullable). */
GBytes      *helder_training_attendance_csv  (HelderRecord *training,
                                              GPtrArray    *seats,
                                              GHashTable   *names);

G_END_DECLS
