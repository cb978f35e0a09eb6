/* fuzz-analyzer.c: libFuzzer target for the tokenizer and the analyser
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build with -Dfuzzing=true and clang (see README), then
 *   ./_fuzz/tests/fuzz/fuzz-analyzer -max_total_time=600 tests/fuzz/corpus
 */

#include "config.h"

#include <string.h>

#include "text/helder-text-analyzer.h"
#include "text/helder-tokenizer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static HelderTextAnalyzer *analyzer;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderAnalysis) analysis = NULL;
  const char *text = (const char *) data;

  if (analyzer == NULL)
    {
      analyzer = helder_text_analyzer_new ("nl_NL", &error);
      g_assert_no_error (error);
    }

  /* No data at all, as helder-check gets from an empty standard input. */
  if (size == 0)
    {
      g_autoptr(HelderAnalysis) none = helder_text_analyzer_analyze (analyzer, NULL, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (helder_analysis_get_scores (none)->words, ==, 0);
    }

  analysis = helder_text_analyzer_analyze (analyzer, text, size, &error);

  if (g_utf8_validate (text, size, NULL) && memchr (text, '\0', size) == NULL)
    {
      g_autoptr(GArray) spans = helder_split_paragraphs (text, size);
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
      g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
      glong n_chars = g_utf8_strlen (text, size);

      g_assert_nonnull (analysis);
      /* Scores stay in the range helder-check's help names. */
      {
        const HelderScores *scores = helder_analysis_get_scores (analysis);

        g_assert_cmpfloat (scores->flesch_douma, >=, 0);
        g_assert_cmpfloat (scores->flesch_douma, <=, 100);
        g_assert_cmpfloat (scores->brouwer, >=, 0);
        g_assert_cmpfloat (scores->brouwer, <=, 100);
        g_assert_cmpint (scores->level, >=, scores->words > 0 ? 1 : 0);
        g_assert_cmpint (scores->level, <=, 4);
      }
      /* Every offset lies inside the text, every range is ordered. */
      for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
        {
          const HelderFinding *f = helder_analysis_get_finding (analysis, i);

          g_assert_cmpuint (f->start, <=, f->end);
          g_assert_cmpuint (f->end, <=, n_chars);
        }
      for (guint i = 0; i < spans->len; i++)
        {
          HelderSpan *span = &g_array_index (spans, HelderSpan, i);

          g_assert_cmpuint (span->byte_end, <=, size);
          helder_tokenize (text + span->byte_start, span->byte_end - span->byte_start, tokens, sentences);
        }
      {
        g_autoptr(JsonNode) json = helder_analysis_to_json (analysis, TRUE);
        g_assert_nonnull (json);
      }
    }
  else if (!g_utf8_validate (text, size, NULL))
    g_assert_null (analysis);

  return 0;
}
