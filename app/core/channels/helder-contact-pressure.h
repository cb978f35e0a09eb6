/* helder-contact-pressure.h: how many messages each audience gets per week, against its budget
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-settings.h"

G_BEGIN_DECLS

/* Weeks are ISO 8601 weeks, named by the Julian day of their Monday
 * (GDate's numbering), so week arithmetic is adding 7 and there is no
 * clock time, no time zone and no daylight saving in it. */
typedef guint32 HelderWeek;

HelderWeek  helder_week_from_date   (const char *date);
HelderWeek  helder_week_from_ymd    (int         year,
                                     int         month,
                                     int         day);
void        helder_week_get_iso     (HelderWeek  week,
                                     int        *iso_year,
                                     int        *iso_week);
char       *helder_week_format      (HelderWeek  week);
char       *helder_week_format_short (HelderWeek week);
char       *helder_week_to_date     (HelderWeek  week);

typedef struct _HelderContactPressure HelderContactPressure;

/* One audience in one week: the messages that land on one resident of
 * it (everyone's plus the most of any one area's). */
typedef struct
{
  guint count;       /* all of them, the exempt ones too */
  guint exempt;      /* urgent, crisis or legally required */
  guint budget;
  gboolean over;     /* count - exempt > budget */
} HelderPressureCell;

HelderContactPressure *helder_contact_pressure_new          (HelderChannelSettings *settings,
                                                             GListModel            *messages,
                                                             GListModel            *areas);
void                   helder_contact_pressure_free         (HelderContactPressure *self);
void                   helder_contact_pressure_update       (HelderContactPressure *self,
                                                             const char            *id,
                                                             HelderRecord          *message);

HelderChannelSettings *helder_contact_pressure_get_settings (HelderContactPressure *self);
HelderWeek             helder_contact_pressure_get_first    (HelderContactPressure *self);
HelderWeek             helder_contact_pressure_get_last     (HelderContactPressure *self);
void                   helder_contact_pressure_get_cell     (HelderContactPressure *self,
                                                             HelderWeek             week,
                                                             guint                  audience,
                                                             HelderPressureCell    *cell);
guint                  helder_contact_pressure_count_over   (HelderContactPressure *self);
GPtrArray             *helder_contact_pressure_messages_in  (HelderContactPressure *self,
                                                             HelderWeek             week,
                                                             guint                  audience);
void                   helder_contact_pressure_channel_load (HelderContactPressure *self,
                                                             HelderWeek             week,
                                                             const char            *except_id,
                                                             guint                 *load);

gboolean               helder_message_is_exempt             (HelderRecord          *message);

/* What adding (or moving) one message would do. */
typedef struct
{
  guint      audience;
  guint      count;       /* with the message */
  guint      budget;
  GPtrArray *collisions;  /* HelderRecord: the others that week */
} HelderPressureOver;

typedef struct
{
  HelderWeek    week;
  gboolean      exempt;        /* counted, never over */
  GArray       *over;          /* HelderPressureOver */
  HelderWeek    free_week;     /* the nearest week without going over, 0: none */
  HelderRecord *bundle_with;   /* the colliding message to bundle it with */
} HelderPressureCheck;

void                   helder_contact_pressure_check        (HelderContactPressure *self,
                                                             HelderRecord          *message,
                                                             HelderWeek             week,
                                                             HelderWeek             not_before,
                                                             HelderPressureCheck   *check);
void                   helder_pressure_check_clear          (HelderPressureCheck   *check);
char                  *helder_pressure_check_describe       (HelderContactPressure *self,
                                                             HelderPressureCheck   *check);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderPressureCheck, helder_pressure_check_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderContactPressure, helder_contact_pressure_free)

G_END_DECLS
