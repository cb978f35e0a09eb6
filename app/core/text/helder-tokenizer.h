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

G_END_DECLS
