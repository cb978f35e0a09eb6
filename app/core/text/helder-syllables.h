/* helder-syllables.h: syllables of Dutch words
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HelderSyllables HelderSyllables;

HelderSyllables *helder_syllables_new   (const char       *dictionary,
                                         GError          **error);
void             helder_syllables_free  (HelderSyllables  *self);
guint            helder_syllables_count (HelderSyllables  *self,
                                         const char       *word);
guint            helder_vowel_groups    (const char       *word,
                                         gssize            length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderSyllables, helder_syllables_free)

G_END_DECLS
