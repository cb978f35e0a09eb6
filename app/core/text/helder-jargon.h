/* helder-jargon.h: officialese ("ambtelijke taal") in every inflection
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-text-types.h"

G_BEGIN_DECLS

/* Immutable after loading: safe to share between threads. */
typedef struct _HelderJargon HelderJargon;
typedef struct _HelderJargonEntry HelderJargonEntry;

typedef struct
{
  guint first;   /* sentence-relative token index where the match starts */
  guint last;    /* sentence-relative index of its last token */
  const HelderJargonEntry *entry;
} HelderJargonMatch;

HelderJargon       *helder_jargon_new                    (void);
void                helder_jargon_free                   (HelderJargon             *self);
gboolean            helder_jargon_load_tsv               (HelderJargon             *self,
                                                          const char               *data,
                                                          gsize                     length,
                                                          GError                  **error);
void                helder_jargon_add                    (HelderJargon             *self,
                                                          const char               *phrase,
                                                          const char * const       *alternatives,
                                                          const char               *explanation);
guint               helder_jargon_get_n_entries          (HelderJargon             *self);
void                helder_jargon_match                  (HelderJargon             *self,
                                                          const HelderSentenceView *sentence,
                                                          GArray                   *matches);

const char         *helder_jargon_entry_get_phrase       (const HelderJargonEntry  *entry);
const char * const *helder_jargon_entry_get_alternatives (const HelderJargonEntry  *entry);
const char         *helder_jargon_entry_get_explanation  (const HelderJargonEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderJargon, helder_jargon_free)

G_END_DECLS
