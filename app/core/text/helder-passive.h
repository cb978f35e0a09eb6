/* helder-passive.h: passive constructions in Dutch sentences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-text-types.h"

G_BEGIN_DECLS

/* Token indices count from the sentence's first token, as
 * helder_sentence_view_word() does. */
typedef struct
{
  guint    first;       /* the auxiliary or the participle, whichever comes first */
  guint    last;        /* the other of the two */
  guint    auxiliary;   /* the form of worden or zijn */
  guint    participle;
  gboolean impersonal;  /* "er wordt ... gepraat": no subject */
} HelderPassive;

void     helder_find_passives (const HelderSentenceView *sentence,
                               GArray                   *passives);
gboolean helder_is_participle (const char               *word);

G_END_DECLS
