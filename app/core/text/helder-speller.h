/* helder-speller.h: Hunspell, with Dutch compounds and a cache
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-frequency.h"

G_BEGIN_DECLS

typedef struct _HelderSpeller HelderSpeller;

typedef enum
{
  HELDER_SPELLING_CORRECT,
  HELDER_SPELLING_COMPOUND,   /* accepted as a compound of known words */
  HELDER_SPELLING_UNKNOWN,
} HelderSpelling;

HelderSpeller  *helder_speller_new            (const char      *language,
                                               HelderFrequency *frequency,
                                               GError         **error);
void            helder_speller_free           (HelderSpeller   *self);
const char     *helder_speller_get_language   (HelderSpeller   *self);
HelderSpelling  helder_speller_check          (HelderSpeller   *self,
                                               const char      *word);
GStrv           helder_speller_suggest        (HelderSpeller   *self,
                                               const char      *word,
                                               guint            max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderSpeller, helder_speller_free)

G_END_DECLS
