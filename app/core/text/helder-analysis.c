/* helder-analysis.c: the result of checking a text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "helder-analysis-private.h"
#include "helder-text-cursor.h"

/* An analysis is immutable once made: it can be handed from the worker
 * that made it to the main thread, and shared. */

static const char *check_names[HELDER_N_CHECKS] = {
  "spelling", "long-sentence", "hard-sentence", "passive", "jargon",
  "rare-word", "long-word", "nominalisation", "address",
};

const char *
helder_check_get_name (HelderCheck check)
{
  for (guint i = 0; i < HELDER_N_CHECKS; i++)
    if (check == (1u << i))
      return check_names[i];
  return NULL;
}

HelderCheck
helder_check_from_name (const char *name)
{
  for (guint i = 0; i < HELDER_N_CHECKS; i++)
    if (g_strcmp0 (check_names[i], name) == 0)
      return 1u << i;
  return 0;
}

HelderParagraph *
helder_paragraph_ref (HelderParagraph *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
helder_paragraph_unref (HelderParagraph *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;

  g_free (self->text);
  g_array_unref (self->tokens);
  g_array_unref (self->sentences);
  g_array_unref (self->sentence_scores);
  g_array_unref (self->findings);
  g_array_unref (self->address);
  g_ptr_array_unref (self->owned);
  g_string_chunk_free (self->strings);
  g_free (self);
}

HelderAnalysis *
helder_analysis_new (void)
{
  HelderAnalysis *self = g_new0 (HelderAnalysis, 1);

  g_atomic_ref_count_init (&self->ref);
  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_paragraph_unref);
  self->spans = g_array_new (FALSE, FALSE, sizeof (HelderSpan));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (HelderSpanScores));
  self->paragraph_scores = g_array_new (FALSE, FALSE, sizeof (HelderSpanScores));
  self->findings = g_array_new (FALSE, FALSE, sizeof (HelderFinding));
  return self;
}

HelderAnalysis *
helder_analysis_ref (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
helder_analysis_unref (HelderAnalysis *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;

  g_ptr_array_unref (self->paragraphs);
  g_array_unref (self->spans);
  g_array_unref (self->sentences);
  g_array_unref (self->paragraph_scores);
  g_array_unref (self->findings);
  g_free (self);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const HelderFinding *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (int) x->category - (int) y->category;
}

/* Adds up the paragraphs and lays their sentences and findings out at
 * their place in the whole text.  Document-level findings (mixed forms of
 * address) are appended by the analyser before this runs. */
void
helder_analysis_finish (HelderAnalysis *self)
{
  memset (&self->scores, 0, sizeof self->scores);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      HelderParagraph *p = g_ptr_array_index (self->paragraphs, i);
      HelderSpan *span = &g_array_index (self->spans, HelderSpan, i);
      HelderSpanScores ps = { span->start, span->end, p->scores };

      helder_scores_add (&self->scores, &p->scores);
      helder_scores_finish (&ps.scores);
      g_array_append_val (self->paragraph_scores, ps);

      for (guint s = 0; s < p->sentences->len; s++)
        {
          HelderSentence *sentence = &g_array_index (p->sentences, HelderSentence, s);
          HelderSpanScores ss = { span->start + sentence->start, span->start + sentence->end,
                                  g_array_index (p->sentence_scores, HelderScores, s) };

          g_array_append_val (self->sentences, ss);
        }

      for (guint f = 0; f < p->findings->len; f++)
        {
          HelderFinding finding = g_array_index (p->findings, HelderFinding, f);

          finding.start += span->start;
          finding.end += span->start;
          g_array_append_val (self->findings, finding);
        }
    }

  helder_scores_finish (&self->scores);
  g_array_sort (self->findings, compare_findings);
}

const HelderScores *
helder_analysis_get_scores (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->scores;
}

guint
helder_analysis_get_n_sentences (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sentences->len;
}

const HelderSpanScores *
helder_analysis_get_sentence (HelderAnalysis *self,
                              guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  return &g_array_index (self->sentences, HelderSpanScores, index);
}

guint
helder_analysis_get_n_paragraphs (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->paragraph_scores->len;
}

const HelderSpanScores *
helder_analysis_get_paragraph (HelderAnalysis *self,
                               guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->paragraph_scores->len, NULL);

  return &g_array_index (self->paragraph_scores, HelderSpanScores, index);
}

guint
helder_analysis_get_n_findings (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->findings->len;
}

const HelderFinding *
helder_analysis_get_finding (HelderAnalysis *self,
                             guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->findings->len, NULL);

  return &g_array_index (self->findings, HelderFinding, index);
}

guint
helder_analysis_get_n_reused (HelderAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_reused;
}

/**
 * helder_analysis_get_words:
 *
 * Returns: (transfer full) (element-type HelderWordInfo): every word with
 *   its syllables; the texts point into the analysis.
 */
GArray *
helder_analysis_get_words (HelderAnalysis *self)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (HelderWordInfo));

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      HelderParagraph *p = g_ptr_array_index (self->paragraphs, i);
      HelderSpan *span = &g_array_index (self->spans, HelderSpan, i);

      for (guint t = 0; t < p->tokens->len; t++)
        {
          HelderToken *token = &g_array_index (p->tokens, HelderToken, t);
          HelderWordInfo info;

          if (token->kind == HELDER_TOKEN_PUNCTUATION)
            continue;
          info.start = span->start + token->start;
          info.end = span->start + token->end;
          info.text = p->text + token->byte_start;
          info.length = token->byte_end - token->byte_start;
          info.syllables = token->syllables;
          g_array_append_val (words, info);
        }
    }
  return words;
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, round (value * 100) / 100);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_scores (JsonBuilder        *b,
            const HelderScores *s)
{
  add_int (b, "words", s->words);
  add_int (b, "sentences", s->sentences);
  add_int (b, "syllables", s->syllables);
  add_double (b, "words_per_sentence", s->words_per_sentence);
  add_double (b, "syllables_per_100_words", s->syllables_per_100_words);
  /* An empty text has scores of 0 but no band: it is not "zeer moeilijk". */
  add_double (b, "flesch_douma", s->flesch_douma);
  json_builder_set_member_name (b, "flesch_douma_band");
  if (s->words > 0)
    json_builder_add_string_value (b, helder_reading_ease_band (s->flesch_douma));
  else
    json_builder_add_null_value (b);
  add_double (b, "brouwer", s->brouwer);
  json_builder_set_member_name (b, "brouwer_band");
  if (s->words > 0)
    json_builder_add_string_value (b, helder_reading_ease_band (s->brouwer));
  else
    json_builder_add_null_value (b);
  add_double (b, "long_word_share", s->long_word_share);
  add_double (b, "rare_word_share", s->rare_word_share);
  add_double (b, "content_words_per_clause", s->content_words_per_clause);
  add_double (b, "mean_content_zipf", s->mean_content_zipf);
  add_double (b, "difficulty", s->difficulty);
  add_int (b, "level", s->level);
}

/**
 * helder_analysis_to_json:
 *
 * Returns: (transfer full): the analysis in helder-check's JSON shape.
 */
JsonNode *
helder_analysis_to_json (HelderAnalysis *self,
                         gboolean        with_tokens)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HelderTextCursor cursor;

  g_return_val_if_fail (self != NULL, NULL);

  helder_text_cursor_init (&cursor, self->paragraphs->len > 0
                                    ? ((HelderParagraph *) g_ptr_array_index (self->paragraphs, 0))->text
                                    : "");

  json_builder_begin_object (b);

  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  add_scores (b, &self->scores);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "sentences");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->sentences->len; i++)
    {
      HelderSpanScores *s = &g_array_index (self->sentences, HelderSpanScores, i);

      json_builder_begin_object (b);
      add_int (b, "start", s->start);
      add_int (b, "end", s->end);
      add_int (b, "words", s->scores.words);
      add_int (b, "syllables", s->scores.syllables);
      add_int (b, "level", s->scores.level);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0, p = 0; i < self->findings->len; i++)
    {
      HelderFinding *f = &g_array_index (self->findings, HelderFinding, i);
      g_autofree char *text = NULL;

      /* The finding's text, from the paragraph that holds it: findings
       * are sorted by their start, so paragraph and cursor only move on. */
      while (p + 1 < self->spans->len && f->start >= g_array_index (self->spans, HelderSpan, p).end)
        {
          p++;
          helder_text_cursor_init (&cursor, ((HelderParagraph *) g_ptr_array_index (self->paragraphs, p))->text);
        }
      if (p < self->spans->len)
        {
          HelderSpan *span = &g_array_index (self->spans, HelderSpan, p);

          if (f->start >= span->start && f->end <= span->end)
            {
              const char *a = helder_text_cursor_seek (&cursor, f->start - span->start);
              const char *z = g_utf8_offset_to_pointer (a, f->end - f->start);
              text = g_strndup (a, z - a);
            }
        }

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, helder_check_get_name (f->category));
      add_int (b, "start", f->start);
      add_int (b, "end", f->end);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text ? text : "");
      add_int (b, "severity", f->severity);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, f->message);
      json_builder_set_member_name (b, "explanation");
      json_builder_add_string_value (b, f->explanation);
      json_builder_set_member_name (b, "suggestions");
      json_builder_begin_array (b);
      for (guint k = 0; f->suggestions != NULL && f->suggestions[k] != NULL; k++)
        json_builder_add_string_value (b, f->suggestions[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (with_tokens)
    {
      g_autoptr(GArray) words = helder_analysis_get_words (self);

      json_builder_set_member_name (b, "tokens");
      json_builder_begin_array (b);
      for (guint i = 0; i < words->len; i++)
        {
          HelderWordInfo *w = &g_array_index (words, HelderWordInfo, i);
          g_autofree char *text = g_strndup (w->text, w->length);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, text);
          add_int (b, "start", w->start);
          add_int (b, "end", w->end);
          add_int (b, "syllables", w->syllables);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
