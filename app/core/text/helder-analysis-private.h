/* helder-analysis-private.h: what the analyser and its results share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-analysis.h"
#include "helder-tokenizer.h"

G_BEGIN_DECLS

/* One paragraph's results, with offsets from the paragraph's start.  They
 * depend only on the paragraph's text and the analyser's settings, so an
 * unchanged paragraph of a new version of the text reuses them. */
typedef struct
{
  gatomicrefcount  ref;
  guint            generation;     /* the analyser settings it was made with */
  guint            style;          /* the serial of its house style */
  char            *text;
  gsize            length;
  guint            hash;           /* of the text, for the analyser's cache */
  GArray          *tokens;         /* HelderToken */
  GArray          *sentences;      /* HelderSentence */
  GArray          *sentence_scores;/* HelderScores, one per sentence */
  HelderScores     scores;
  GArray          *findings;       /* HelderFinding, paragraph offsets */
  GStringChunk    *strings;
  GPtrArray       *owned;          /* suggestion arrays */
  GArray          *address;        /* token index | 0x80000000 for informal */
} HelderParagraph;

HelderParagraph *helder_paragraph_ref   (HelderParagraph *self);
void             helder_paragraph_unref (HelderParagraph *self);

struct _HelderAnalysis
{
  gatomicrefcount  ref;
  GPtrArray       *paragraphs;     /* HelderParagraph */
  GArray          *spans;          /* HelderSpan, where each paragraph is */
  HelderScores     scores;
  GArray          *sentences;      /* HelderSpanScores, absolute */
  GArray          *paragraph_scores; /* HelderSpanScores, absolute */
  GArray          *findings;       /* HelderFinding, absolute */
  guint            n_reused;       /* paragraphs taken from the cache */
};

HelderAnalysis  *helder_analysis_new    (void);
void             helder_analysis_finish (HelderAnalysis *self);

G_END_DECLS
