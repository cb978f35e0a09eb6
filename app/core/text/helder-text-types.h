/* helder-text-types.h: tokens, sentences and findings of the text engine
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The per-word caches (spelling, syllables, frequency) start over when
 * they hold this many words, so a long session stays bounded (a few MB). */
#define HELDER_WORD_CACHE_MAX 65536

/* FNV-1a over @length bytes: hash tables keyed by slices of a text. */
static inline guint32
helder_hash_bytes (const char *text,
                   gsize       length)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    h = (h ^ (guint8) text[i]) * 16777619u;
  return h;
}

/* Offsets: `start` and `end` count Unicode characters from the start of the
 * analysed text (end exclusive), as helder-check's JSON does; the byte_*
 * twins index the UTF-8 text itself. */

typedef enum
{
  HELDER_TOKEN_WORD,          /* letters, with inner apostrophes and hyphens */
  HELDER_TOKEN_NUMBER,        /* 3,5  10.000  28-11-2026  14:30 */
  HELDER_TOKEN_URL,
  HELDER_TOKEN_EMAIL,
  HELDER_TOKEN_CODE,          /* letters and digits mixed: A1, 2026-Q4 */
  HELDER_TOKEN_ABBREVIATION,  /* bijv.  o.a.  VNG */
  HELDER_TOKEN_PUNCTUATION,
} HelderTokenKind;

typedef enum
{
  HELDER_TOKEN_CAPITALIZED    = 1 << 0, /* first letter upper case */
  HELDER_TOKEN_ALL_CAPS       = 1 << 1,
  HELDER_TOKEN_SENTENCE_START = 1 << 2, /* first word of its sentence */
  HELDER_TOKEN_HYPHENATED     = 1 << 3, /* communicatie-instructies */
} HelderTokenFlags;

typedef struct
{
  guint32 start, end;             /* characters */
  guint32 byte_start, byte_end;   /* bytes */
  guint8  kind;                   /* HelderTokenKind */
  guint8  flags;                  /* HelderTokenFlags */
  guint16 syllables;              /* words only, 0 until counted */
} HelderToken;

typedef enum
{
  HELDER_SENTENCE_HEADING   = 1 << 0, /* a line of its own without end punctuation */
  HELDER_SENTENCE_LIST_ITEM = 1 << 1,
} HelderSentenceFlags;

typedef struct
{
  guint32 start, end;             /* characters */
  guint32 first_token, n_tokens;  /* into the paragraph's tokens */
  guint32 flags;                  /* HelderSentenceFlags */
} HelderSentence;

G_END_DECLS

G_BEGIN_DECLS

/* One sentence as the checks see it: its paragraph's text and tokens, the
 * lower-case form of every token (NULL for punctuation), and which of the
 * paragraph's tokens are the sentence's. */
typedef struct
{
  const char        *text;
  const HelderToken *tokens;
  char * const      *lower;
  guint              first;
  guint              n;
} HelderSentenceView;

/* The lower-case text of the sentence's @i-th token, or NULL. */
static inline const char *
helder_sentence_view_word (const HelderSentenceView *view,
                           guint                     i)
{
  return view->lower[view->first + i];
}

static inline const HelderToken *
helder_sentence_view_token (const HelderSentenceView *view,
                            guint                     i)
{
  return &view->tokens[view->first + i];
}

G_END_DECLS
