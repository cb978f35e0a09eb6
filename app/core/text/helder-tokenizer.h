/* helder-tokenizer.h: paragraphs, sentences and words of Dutch text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-text-types.h"

G_BEGIN_DECLS

typedef struct
{
  gsize   byte_start, byte_end;
  guint32 start, end;             /* characters */
} HelderSpan;

GArray  *helder_split_paragraphs (const char *text,
                                  gsize       length);
void     helder_tokenize         (const char *text,
                                  gsize       length,
                                  GArray     *tokens,
                                  GArray     *sentences);
gboolean helder_is_abbreviation  (const char *word,
                                  gsize       length);

/* Calls @func for every sentence of @text (valid UTF-8), with the view the
 * sentence checks take; offsets in the view count from its paragraph. */
typedef void (*HelderSentenceFunc) (const HelderSentenceView *sentence,
                                    gpointer                  user_data);

void     helder_foreach_sentence (const char         *text,
                                  gsize               length,
                                  HelderSentenceFunc  func,
                                  gpointer            user_data);

G_END_DECLS
