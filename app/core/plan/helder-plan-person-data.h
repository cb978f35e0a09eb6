/* helder-plan-person-data.h: what in a signal's text looks like a person's data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HELDER_PERSON_DATA_EMAIL,
  HELDER_PERSON_DATA_PHONE,
  HELDER_PERSON_DATA_BSN,
  HELDER_PERSON_DATA_ADDRESS,   /* a postcode with a house number */
} HelderPersonDataKind;

typedef struct
{
  guint                start;   /* characters from the start of the text */
  guint                end;     /* just after the part */
  HelderPersonDataKind kind;
} HelderPersonData;

GArray       *helder_person_data_find          (const char           *text);
const char   *helder_person_data_reason        (HelderPersonDataKind  kind);
char         *helder_person_data_describe      (const char           *text,
                                                GArray               *found);
gboolean      helder_bsn_eleven_proof          (const char           *digits);

G_END_DECLS
