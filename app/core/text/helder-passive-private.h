/* helder-passive-private.h: the passive check's word classes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-passive.h"

G_BEGIN_DECLS

enum
{
  PARTICIPLE_UNACCUSATIVE = 1 << 0, /* perfect with zijn: gekomen */
  PARTICIPLE_AMBIGUOUS    = 1 << 1, /* with zijn also passive, given door: veranderd */
  PARTICIPLE_INHERITED    = 1 << 2, /* so are particle compounds: aangekomen */
  PARTICIPLE_STATE        = 1 << 3, /* adjective after zijn: bezorgd */
  PARTICIPLE_COPULAR      = 1 << 4, /* adjective after worden too: verslaafd */
  PARTICIPLE_TRANSITIVE   = 1 << 5, /* no inheritance: aangevallen */
};

enum
{
  WORD_WORDEN             = 1 << 0,
  WORD_ZIJN               = 1 << 1,
  WORD_CLUSTER            = 1 << 2,  /* geworden, geweest */
  WORD_MODAL              = 1 << 3,  /* and other verbs with an infinitive */
  WORD_HEBBEN             = 1 << 4,
  WORD_VERB               = 1 << 5,  /* other common verb forms */
  WORD_FINITE             = 1 << 6,
  WORD_PLURAL             = 1 << 7,  /* finite plural or infinitive */
  WORD_PREPOSITION        = 1 << 8,
  WORD_DETERMINER         = 1 << 9,  /* de, een, uw: always before a noun */
  WORD_DEMONSTRATIVE      = 1 << 10, /* het, die, zijn: determiner or pronoun */
  WORD_PRONOUN            = 1 << 11, /* subject pronouns */
  WORD_SUBORDINATOR       = 1 << 12, /* omdat, terwijl, waarom */
  WORD_MAYBE_SUBORDINATOR = 1 << 13, /* als, of, toen, dat, die */
  WORD_COORDINATOR        = 1 << 14,
  WORD_ADVERB             = 1 << 15,
  WORD_NUMERAL            = 1 << 16,
  WORD_NOUN_PHRASE        = 1 << 17, /* iets, niemand, wat */
};

#define WORD_VERBISH (WORD_WORDEN | WORD_ZIJN | WORD_MODAL | WORD_HEBBEN | WORD_VERB)

guint32 helder_passive_word_flags       (const char *word);
guint32 helder_passive_participle_flags (const char *word);

G_END_DECLS
