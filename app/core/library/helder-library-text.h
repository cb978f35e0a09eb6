/* helder-library-text.h: the words of the library's search: folded, stemmed, matched
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stretch of a text in Unicode characters (not bytes) from its start;
 * @end is exclusive.  GtkTextBuffer offsets, so the GUI can tag them. */
typedef struct
{
  guint start;
  guint end;
} HelderLibraryRange;

/* How a word is compared: lower case, decomposed (NFKD) and without its
 * marks, so "Coördinatie" and "coordinatie", "één" and "een" are one. */
char    *helder_library_fold          (const char *text,
                                       gssize      length);

/* The Dutch stem (libstemmer's Snowball "dutch") of one folded word:
 * "vergunningen" and "vergunning" share one, as do "aanvragen" and
 * "aanvraag".  Words with digits are kept as they are. */
char    *helder_library_stem          (const char *folded_word);

/* Calls @func for each word of @text (letters and digits; an apostrophe
 * or hyphen inside a word splits it) with the folded word and its byte
 * range in @text. */
typedef void (*HelderLibraryWordFunc) (const char *folded,
                                       gsize       start_byte,
                                       gsize       end_byte,
                                       gpointer    user_data);

void     helder_library_foreach_word  (const char            *text,
                                       gssize                 length,
                                       HelderLibraryWordFunc  func,
                                       gpointer               user_data);

/* The same, until @func returns FALSE */
typedef gboolean (*HelderLibraryWordWhileFunc) (const char *folded,
                                                gsize       start_byte,
                                                gsize       end_byte,
                                                gpointer    user_data);

void     helder_library_foreach_word_while (const char                 *text,
                                            gssize                      length,
                                            HelderLibraryWordWhileFunc  func,
                                            gpointer                    user_data);

/* Levenshtein distance of two folded words in characters, or @max + 1
 * as soon as it is known to be more than @max. */
guint    helder_library_edit_distance (const char *a,
                                       const char *b,
                                       guint       max);

G_END_DECLS
