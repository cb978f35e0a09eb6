/* helder-library-markdown.h: a toolkit's Markdown as blocks and spans for a reading view
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cmark-gfm parses the body (with the table, strikethrough, autolink and
 * tasklist extensions); the result is flat: a list of blocks, each with
 * the inline spans of its text, so a GtkTextView can insert them in order
 * with a tag per style, an indent per depth and a child widget per table
 * or image.  Every block and span knows where its text lies in the
 * document's rendered text (helder_markdown_document_get_text), which is
 * also what the search indexes, so the search's match ranges
 * (helder_library_query_match_ranges on that text) fall on spans. */

typedef enum
{
  HELDER_MARKDOWN_PARAGRAPH,
  HELDER_MARKDOWN_HEADING,     /* level 1–6 */
  HELDER_MARKDOWN_CODE,        /* a code block: one span, style CODE */
  HELDER_MARKDOWN_TABLE,       /* rows of cells; no spans of its own */
  HELDER_MARKDOWN_RULE,        /* a thematic break: no text */
  HELDER_MARKDOWN_HTML,        /* raw HTML, shown as its source text */
} HelderMarkdownBlockKind;

typedef enum
{
  HELDER_MARKDOWN_EMPHASIS      = 1 << 0,
  HELDER_MARKDOWN_STRONG        = 1 << 1,
  HELDER_MARKDOWN_CODE_SPAN     = 1 << 2,
  HELDER_MARKDOWN_STRIKETHROUGH = 1 << 3,
  HELDER_MARKDOWN_LINK          = 1 << 4,  /* @url is the target */
  HELDER_MARKDOWN_IMAGE         = 1 << 5,  /* @url is the source, @text the alt text */
  HELDER_MARKDOWN_LINE_BREAK    = 1 << 6,  /* a hard break: @text is "\n" */
} HelderMarkdownStyle;

typedef struct
{
  char   *text;
  guint   style;        /* HelderMarkdownStyle flags */
  char   *url;          /* links and images, else NULL */
  char   *title;        /* a link's or image's title, or NULL */
  guint   offset;       /* characters into the document's text */
  guint   length;       /* characters of @text */
} HelderMarkdownSpan;

typedef enum
{
  HELDER_MARKDOWN_ALIGN_NONE,
  HELDER_MARKDOWN_ALIGN_LEFT,
  HELDER_MARKDOWN_ALIGN_CENTER,
  HELDER_MARKDOWN_ALIGN_RIGHT,
} HelderMarkdownAlign;

typedef struct
{
  HelderMarkdownBlockKind  kind;
  guint        level;       /* headings: 1–6 */
  guint        list_depth;  /* 0 outside lists; 1 in a top-level item … */
  guint        quote_depth; /* block quotes it lies in */
  char        *bullet;      /* the first block of a list item: "•", "–",
                             * "3." or, for tasks, "☐"/"☑"; else NULL */
  GPtrArray   *spans;       /* HelderMarkdownSpan; empty for tables and rules */
  char        *info;        /* code blocks: the info string ("c"), or NULL */
  /* Tables */
  guint        n_columns;
  HelderMarkdownAlign *align; /* n_columns */
  GPtrArray   *rows;        /* GPtrArray (cells) of GPtrArray (spans); row
                             * 0 is the header */
  /* Where it is */
  guint        offset;      /* characters into the document's text */
  guint        length;
  guint        line;        /* its first line in the Markdown source, from 1 */
} HelderMarkdownBlock;

typedef struct _HelderMarkdownDocument HelderMarkdownDocument;

HelderMarkdownDocument *helder_markdown_parse          (const char             *markdown,
                                                        gssize                  length);
void                    helder_markdown_document_free  (HelderMarkdownDocument *self);
guint                   helder_markdown_document_get_n_blocks (HelderMarkdownDocument *self);
const HelderMarkdownBlock *helder_markdown_document_get_block (HelderMarkdownDocument *self,
                                                               guint                   index);
/* The rendered text: blocks separated by a newline, table cells by a tab
 * and rows by a newline, images as their alt text. */
const char             *helder_markdown_document_get_text (HelderMarkdownDocument *self);
/* The headings (HelderMarkdownBlock *, owned by the document), for an
 * outline. */
GPtrArray              *helder_markdown_document_get_headings (HelderMarkdownDocument *self);
/* The image sources it refers to, in order, each once. */
GPtrArray              *helder_markdown_document_get_image_urls (HelderMarkdownDocument *self);

/* The rendered text of @markdown, without the structure. */
char                   *helder_markdown_to_text        (const char             *markdown,
                                                        gssize                  length);
/* cmark-gfm's HTML for @markdown (the same extensions). */
char                   *helder_markdown_to_html        (const char             *markdown,
                                                        gssize                  length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderMarkdownDocument, helder_markdown_document_free)

G_END_DECLS
