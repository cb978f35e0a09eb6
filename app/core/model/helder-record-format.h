/* helder-record-format.h: how records read in lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-records.h"

G_BEGIN_DECLS

char *helder_record_format_title    (HelderRecord *record);
char *helder_record_format_subtitle (HelderRecord *record,
                                     GDate        *today);
char *helder_format_date            (const char   *iso_date);
const char *helder_format_choice     (const char   *value);
char *helder_works_inform_by        (HelderRecord *works);

G_END_DECLS
