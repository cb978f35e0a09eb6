/* helder-text-summary.c: what the editor's side panel says about a text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-summary"

#include "config.h"

#include <string.h>

#include "helder-text-summary.h"

/* Decided here, from the analysis, so that tests check it without a
 * window.  Like the findings, it speaks Dutch: it is about Dutch text. */

static double
hardness (const HelderSpanScores *s)
{
  /* The level first, then the score behind it */
  return s->scores.level * 1000.0 + s->scores.difficulty;
}

void
helder_text_summary_init (HelderTextSummary *summary,
                          HelderAnalysis    *analysis,
                          int                target_level)
{
  const HelderScores *s;
  guint n;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (analysis != NULL);

  memset (summary, 0, sizeof *summary);
  s = helder_analysis_get_scores (analysis);

  if (s->words == 0)
    summary->level = g_strdup ("Nog geen tekst");
  else
    summary->level = g_strdup_printf ("Niveau %d — doel: niveau %d of lager", s->level, target_level);
  summary->on_target = s->words == 0 || s->level <= target_level;
  if (s->words == 0)
    {
      summary->flesch_douma = g_strdup ("Flesch-Douma —");
      summary->brouwer = g_strdup ("Leesindex Brouwer —");
    }
  else
    {
      summary->flesch_douma = g_strdup_printf ("Flesch-Douma %.0f (%s)", s->flesch_douma,
                                               helder_reading_ease_band (s->flesch_douma));
      summary->brouwer = g_strdup_printf ("Leesindex Brouwer %.0f (%s)", s->brouwer,
                                          helder_reading_ease_band (s->brouwer));
    }
  summary->counts = g_strdup_printf ("%u %s · %u %s · gemiddeld %.1f woorden per zin",
                                     s->words, s->words == 1 ? "woord" : "woorden",
                                     s->sentences, s->sentences == 1 ? "zin" : "zinnen",
                                     s->words_per_sentence);

  /* The three hardest sentences of level 3 or more, hardest first. */
  n = helder_analysis_get_n_sentences (analysis);
  for (guint i = 0; i < n; i++)
    {
      const HelderSpanScores *sentence = helder_analysis_get_sentence (analysis, i);
      guint at;

      if (sentence->scores.level < 3)
        continue;
      for (at = 0; at < summary->n_hardest; at++)
        if (hardness (sentence) > hardness (helder_analysis_get_sentence (analysis, summary->hardest[at])))
          break;
      if (at >= HELDER_SUMMARY_HARDEST)
        continue;
      memmove (&summary->hardest[at + 1], &summary->hardest[at],
               (HELDER_SUMMARY_HARDEST - at - 1) * sizeof (guint));
      summary->hardest[at] = i;
      summary->n_hardest = MIN (summary->n_hardest + 1, HELDER_SUMMARY_HARDEST);
    }

  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    {
      HelderCheck category = helder_analysis_get_finding (analysis, i)->category;

      for (guint bit = 0; bit < HELDER_N_CHECKS; bit++)
        if (category == (1u << bit))
          summary->per_category[bit]++;
    }
}

void
helder_text_summary_clear (HelderTextSummary *summary)
{
  g_clear_pointer (&summary->level, g_free);
  g_clear_pointer (&summary->flesch_douma, g_free);
  g_clear_pointer (&summary->brouwer, g_free);
  g_clear_pointer (&summary->counts, g_free);
}
