/* helder-frequency.h: how common a Dutch word is
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HelderFrequency HelderFrequency;

HelderFrequency *helder_frequency_new         (GBytes           *list,
                                               GError          **error);
HelderFrequency *helder_frequency_new_default (GError          **error);
void             helder_frequency_free        (HelderFrequency  *self);
double           helder_frequency_zipf        (HelderFrequency  *self,
                                               const char       *word);
guint            helder_frequency_get_size    (HelderFrequency  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderFrequency, helder_frequency_free)

G_END_DECLS
