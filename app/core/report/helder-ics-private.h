/* helder-ics-private.h: shared by the writing and reading of iCalendar
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-ics.h"

G_BEGIN_DECLS

struct _HelderIcsEvent
{
  gatomicrefcount  ref_count;
  char            *uid;
  char            *summary;
  char            *description;
  char            *location;
  char            *url;
  GStrv            categories;
  HelderIcsStatus  status;
  gboolean         all_day;
  gboolean         transparent;
  GDate            first;
  GDate            last;
  GDateTime       *start;
  GDateTime       *end;
  GDateTime       *stamp;
  guint            sequence;
};

struct _HelderIcsCalendar
{
  char      *name;
  GPtrArray *events;
};

GTimeZone *helder_ics_amsterdam (void);

G_END_DECLS
