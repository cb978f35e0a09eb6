/* helder-text-analyzer-private.h: the analyser's state, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-analysis-private.h"
#include "helder-frequency.h"
#include "helder-house-style.h"
#include "helder-jargon.h"
#include "helder-syllables.h"
#include "helder-text-analyzer.h"

G_BEGIN_DECLS

struct _HelderTextAnalyzer
{
  gatomicrefcount   ref_count;
  GMutex            lock;
  guint             checks;
  guint             generation;   /* bumped when settings change */

  HelderSyllables  *syllables;
  HelderFrequency  *frequency;
  HelderSpeller    *speller;
  HelderJargon     *jargon;
  GMutex            style_lock;
  HelderHouseStyle *style;        /* sealed; replaced, never changed */
  HelderHouseStyle *places;       /* Dutch place names, as known names */
  GHashTable       *syllable_cache; /* lower-case word → count */
  GHashTable       *zipf_cache;   /* lower-case word → Zipf × 100 + 1 */

  GHashTable       *cache;        /* paragraph text → HelderParagraph */
};

/* helder-text-analyzer-paragraph.c */
void             helder_text_analyzer_init_word_sets    (void);
HelderParagraph *helder_text_analyzer_analyse_paragraph (HelderTextAnalyzer *self,
                                                         HelderHouseStyle   *style,
                                                         const char         *text,
                                                         gsize               length,
                                                         guint               hash);
void             helder_text_analyzer_check_address     (HelderAnalysis     *analysis);

G_END_DECLS
