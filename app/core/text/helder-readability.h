/* helder-readability.h: readability scores and the 1–4 level
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Counts add up over sentences, paragraphs and documents; the figures
 * are derived from them by helder_scores_finish(). */
typedef struct
{
  /* counts */
  guint  words;
  guint  sentences;
  guint  syllables;
  guint  long_words;         /* four syllables or more */
  guint  rare_words;         /* content words below Zipf 2.5 */
  guint  content_words;
  guint  clauses;
  double content_zipf_sum;   /* Zipf values of the content words */

  /* figures */
  double words_per_sentence;
  double syllables_per_100_words;
  double flesch_douma;
  double brouwer;
  double long_word_share;
  double rare_word_share;
  double content_words_per_clause;
  double mean_content_zipf;
  double difficulty;
  int    level;              /* 1 (easy) to 4 (hard); 0 without words */
} HelderScores;

#define HELDER_LEVEL_B1 2

void        helder_scores_add             (HelderScores       *total,
                                           const HelderScores *part);
void        helder_scores_finish          (HelderScores       *scores);
double      helder_flesch_douma           (double              syllables_per_100_words,
                                           double              words_per_sentence);
double      helder_brouwer                (double              syllables_per_100_words,
                                           double              words_per_sentence);
const char *helder_reading_ease_band      (double              score);
int         helder_level_from_difficulty  (double              difficulty);

G_END_DECLS
