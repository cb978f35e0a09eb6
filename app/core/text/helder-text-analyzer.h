/* helder-text-analyzer.h: checks Dutch text for plain language
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-analysis.h"
#include "helder-house-style.h"
#include "helder-speller.h"

G_BEGIN_DECLS

typedef struct _HelderTextAnalyzer HelderTextAnalyzer;

#define HELDER_TEXT_ERROR (helder_text_error_quark ())

typedef enum
{
  HELDER_TEXT_ERROR_INVALID_UTF8,
  HELDER_TEXT_ERROR_RESOURCES,
} HelderTextError;

GQuark              helder_text_error_quark              (void);

HelderTextAnalyzer *helder_text_analyzer_new             (const char          *language,
                                                          GError             **error);
HelderTextAnalyzer *helder_text_analyzer_ref              (HelderTextAnalyzer  *self);
void                helder_text_analyzer_unref            (HelderTextAnalyzer  *self);
void                helder_text_analyzer_set_checks      (HelderTextAnalyzer  *self,
                                                          guint                checks);
guint               helder_text_analyzer_get_checks      (HelderTextAnalyzer  *self);
void                helder_text_analyzer_set_house_style (HelderTextAnalyzer  *self,
                                                          HelderHouseStyle    *style);
HelderHouseStyle   *helder_text_analyzer_dup_house_style (HelderTextAnalyzer  *self);
HelderSpeller      *helder_text_analyzer_get_speller     (HelderTextAnalyzer  *self);
GStrv               helder_text_analyzer_suggest          (HelderTextAnalyzer  *self,
                                                           const char          *word,
                                                           guint                max);
HelderAnalysis     *helder_text_analyzer_analyze         (HelderTextAnalyzer  *self,
                                                          const char          *text,
                                                          gssize               length,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderTextAnalyzer, helder_text_analyzer_unref)

G_END_DECLS
