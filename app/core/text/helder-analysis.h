/* helder-analysis.h: the result of checking a text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-readability.h"
#include "helder-text-types.h"

G_BEGIN_DECLS

/* The checks, as bits of a profile; their names are the categories of
 * helder-check's JSON. */
typedef enum
{
  HELDER_CHECK_SPELLING       = 1 << 0,
  HELDER_CHECK_LONG_SENTENCE  = 1 << 1,
  HELDER_CHECK_HARD_SENTENCE  = 1 << 2,
  HELDER_CHECK_PASSIVE        = 1 << 3,
  HELDER_CHECK_JARGON         = 1 << 4,
  HELDER_CHECK_RARE_WORD      = 1 << 5,
  HELDER_CHECK_LONG_WORD      = 1 << 6,
  HELDER_CHECK_NOMINALISATION = 1 << 7,
  HELDER_CHECK_ADDRESS        = 1 << 8,
} HelderCheck;

#define HELDER_CHECK_ALL 0x1ff
#define HELDER_N_CHECKS  9

const char  *helder_check_get_name  (HelderCheck  check);
HelderCheck  helder_check_from_name (const char  *name);

typedef struct
{
  guint32             start, end;     /* characters in the analysed text */
  HelderCheck         category;
  guint               severity;       /* 1 mild (a name?), 2, 3 strong */
  const char         *message;        /* short, Dutch */
  const char         *explanation;    /* why it matters, Dutch */
  const char * const *suggestions;    /* NULL-terminated; may be empty */
} HelderFinding;

typedef struct
{
  guint32       start, end;           /* characters */
  HelderScores  scores;
} HelderSpanScores;

typedef struct
{
  guint32     start, end;             /* characters */
  const char *text;                   /* not NUL-terminated: use length */
  gsize       length;
  guint       syllables;
} HelderWordInfo;

typedef struct _HelderAnalysis HelderAnalysis;

HelderAnalysis         *helder_analysis_ref              (HelderAnalysis *self);
void                    helder_analysis_unref            (HelderAnalysis *self);
const HelderScores     *helder_analysis_get_scores       (HelderAnalysis *self);
guint                   helder_analysis_get_n_sentences  (HelderAnalysis *self);
const HelderSpanScores *helder_analysis_get_sentence     (HelderAnalysis *self,
                                                          guint           index);
guint                   helder_analysis_get_n_paragraphs (HelderAnalysis *self);
const HelderSpanScores *helder_analysis_get_paragraph    (HelderAnalysis *self,
                                                          guint           index);
guint                   helder_analysis_get_n_findings   (HelderAnalysis *self);
const HelderFinding    *helder_analysis_get_finding      (HelderAnalysis *self,
                                                          guint           index);
GArray                 *helder_analysis_get_words        (HelderAnalysis *self);
guint                   helder_analysis_get_n_reused     (HelderAnalysis *self);
JsonNode               *helder_analysis_to_json          (HelderAnalysis *self,
                                                          gboolean        with_tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderAnalysis, helder_analysis_unref)

G_END_DECLS
