/* helder-jargon-private.h: the officialese list's entries, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-jargon.h"

G_BEGIN_DECLS

/* What a generated form may stand for */

enum
{
  FORM_FULL      = 1 << 0,   /* a complete form on its own */
  FORM_INF       = 1 << 1,   /* an infinitive that "te" may precede */
  FORM_SPLIT     = 1 << 2,   /* finite, its particle later in the sentence */
  FORM_SPLIT_INF = 1 << 3,   /* bare infinitive of "aan te vragen" */
  FORM_EXACT     = 1 << 4,   /* the word as the list gives it */
};

typedef struct
{
  char    *text;       /* punctuation: the token's text */
  char   **forms;      /* folded forms of a word */
  gboolean punct;
} Word;

struct _HelderJargonEntry
{
  char      *phrase;
  char     **alternatives;
  char      *explanation;
  char      *key;         /* normalised phrase */

  Word      *rest;        /* the words besides the verb, in order */
  guint      n_rest;
  int        verb_gap;    /* the verb stands before rest[verb_gap]; -1: none */
  char      *particle;    /* separable verbs that split off */
  guint      anchored : 1;
  guint      reflexive : 1;

  guint      index;       /* order of loading: stable choices */
  GPtrArray *keys;        /* the index keys pointing here */
};

typedef struct
{
  HelderJargonEntry *entry;
  guint8             verb;    /* a verb form, or the first rest word */
  guint8             flags;
} Hit;

struct _HelderJargon
{
  GPtrArray  *entries;
  GHashTable *by_key;     /* normalised phrase → entry */
  GHashTable *index;      /* folded form → GArray of Hit */
};

/* Word lists of helder-jargon.c */
extern const char * const helder_jargon_function_words[];
extern const char * const helder_jargon_prepositions[];
extern const char * const helder_jargon_noun_markers[];

/* helder-jargon-forms.c */
gboolean    helder_jargon_fold_into             (const char *word,
                                                 GString    *out);
char       *helder_jargon_fold_dup              (const char *word);
void        helder_jargon_add_form              (GHashTable *forms,
                                                 const char *form,
                                                 guint       flags);
void        helder_jargon_add_nominal_forms     (GHashTable *forms,
                                                 const char *lemma);
const char *helder_jargon_add_verb_forms        (GHashTable *forms,
                                                 const char *infinitive);
gboolean    helder_jargon_looks_like_infinitive (const char *word);

G_END_DECLS
