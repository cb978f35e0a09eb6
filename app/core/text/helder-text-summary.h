/* helder-text-summary.h: what the editor's side panel says about a text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-analysis.h"

G_BEGIN_DECLS

#define HELDER_SUMMARY_HARDEST 3

typedef struct
{
  char    *level;           /* "Niveau 3 — doel: niveau 2 of lager" */
  gboolean on_target;
  char    *flesch_douma;    /* "Flesch-Douma 56 (vrij moeilijk)" */
  char    *brouwer;
  char    *counts;          /* "245 woorden · 14 zinnen · gemiddeld 17,5 woorden per zin" */
  guint    hardest[HELDER_SUMMARY_HARDEST];  /* sentence indices, hardest first */
  guint    n_hardest;
  guint    per_category[HELDER_N_CHECKS];    /* findings per check */
} HelderTextSummary;

void helder_text_summary_init  (HelderTextSummary *summary,
                                HelderAnalysis    *analysis,
                                int                target_level);
void helder_text_summary_clear (HelderTextSummary *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderTextSummary, helder_text_summary_clear)

G_END_DECLS
