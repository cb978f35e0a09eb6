/* helder-record-private.h: the field values of a record, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-record.h"

G_BEGIN_DECLS

gboolean  helder_record_values_equal     (GParamSpec      *pspec,
                                          const GValue    *a,
                                          const GValue    *b);
GType     helder_record_field_value_type (HelderFieldKind  kind);
GValue   *helder_record_ensure_values    (HelderRecord    *self);

G_END_DECLS
