/* helder-library-diff.h: a readable word-level difference between two versions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HELDER_DIFF_SAME,
  HELDER_DIFF_ADDED,
  HELDER_DIFF_REMOVED,
} HelderDiffKind;

typedef struct
{
  HelderDiffKind  kind;
  char           *text;   /* words with the white space between them */
} HelderDiffChunk;

/* The chunks that turn @old_text into @new_text, word by word (a longest
 * common subsequence of words, white space kept with the word before it),
 * in reading order: a removal comes before the addition that replaces it,
 * neighbouring chunks of one kind are merged, and a change of one word
 * between two unchanged ones is one removal and one addition, never a
 * jumble.  Pure.  Returns: (transfer full) (element-type HelderDiffChunk) */
GPtrArray *helder_library_diff_words    (const char *old_text,
                                         const char *new_text);

/* The number of words added and removed in @chunks. */
void       helder_library_diff_count    (GPtrArray  *chunks,
                                         guint      *added,
                                         guint      *removed);

void       helder_diff_chunk_free       (HelderDiffChunk *chunk);

G_END_DECLS
