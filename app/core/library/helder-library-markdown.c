/* helder-library-markdown.c: a toolkit's Markdown as blocks and spans for a reading view
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "helder-library-markdown.h"

/* cmark-gfm does the parsing; this walks its tree once into a flat list
 * of blocks (see the header) and the rendered text, so the reading view
 * and the search index see the same characters. */

/* Deeper nesting than this (quotes in quotes, emphasis in emphasis) is
 * kept at this depth: hostile input cannot run the stack out. */
#define MAX_DEPTH 48

struct _HelderMarkdownDocument
{
  GPtrArray *blocks;    /* HelderMarkdownBlock */
  GString   *text;
  guint      n_chars;
  GPtrArray *headings;  /* HelderMarkdownBlock, not owned */
  GPtrArray *images;    /* char *, owned */
};

typedef struct
{
  HelderMarkdownDocument *doc;
  guint  list_depth;
  guint  quote_depth;
  guint  depth;
  char  *bullet;        /* for the next block: the list item's marker */
} Walk;

static void
span_free (gpointer data)
{
  HelderMarkdownSpan *span = data;

  g_free (span->text);
  g_free (span->url);
  g_free (span->title);
  g_free (span);
}

static void
block_free (gpointer data)
{
  HelderMarkdownBlock *block = data;

  g_free (block->bullet);
  g_clear_pointer (&block->spans, g_ptr_array_unref);
  g_free (block->info);
  g_free (block->align);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
append_text (HelderMarkdownDocument *doc,
             const char             *text)
{
  g_string_append (doc->text, text);
  doc->n_chars += g_utf8_strlen (text, -1);
}

/* Adds @text in @style to @spans, joined to the span before when that has
 * the same style and target. */
static void
add_span (HelderMarkdownDocument *doc,
          GPtrArray              *spans,
          const char             *text,
          guint                   style,
          const char             *url,
          const char             *title)
{
  HelderMarkdownSpan *last = spans->len > 0 ? spans->pdata[spans->len - 1] : NULL;
  guint length;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = "\xef\xbf\xbd";
  length = g_utf8_strlen (text, -1);
  if (last != NULL && last->style == style && (style & (HELDER_MARKDOWN_IMAGE | HELDER_MARKDOWN_LINE_BREAK)) == 0 &&
      g_strcmp0 (last->url, url) == 0 && g_strcmp0 (last->title, title) == 0 &&
      last->offset + last->length == doc->n_chars)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      last->length += length;
    }
  else
    {
      HelderMarkdownSpan *span = g_new0 (HelderMarkdownSpan, 1);

      span->text = g_strdup (text);
      span->style = style;
      span->url = url != NULL && *url != '\0' ? g_strdup (url) : NULL;
      span->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
      span->offset = doc->n_chars;
      span->length = length;
      g_ptr_array_add (spans, span);
    }
  append_text (doc, text);
}

static void
collect_plain (cmark_node *node,
               GString    *out,
               guint       depth)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          if (depth < MAX_DEPTH)
            collect_plain (child, out, depth + 1);
          break;
        }
    }
}

static void
walk_inlines (Walk       *walk,
              cmark_node *parent,
              GPtrArray  *spans,
              guint       style,
              const char *url,
              const char *title,
              guint       depth)
{
  HelderMarkdownDocument *doc = walk->doc;

  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      const char *type_string = cmark_node_get_type_string (node);
      guint inner = depth < MAX_DEPTH ? depth + 1 : depth;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          add_span (doc, spans, cmark_node_get_literal (node), style, url, title);
          break;
        case CMARK_NODE_SOFTBREAK:
          add_span (doc, spans, " ", style, url, title);
          break;
        case CMARK_NODE_LINEBREAK:
          add_span (doc, spans, "\n", style | HELDER_MARKDOWN_LINE_BREAK, NULL, NULL);
          break;
        case CMARK_NODE_CODE:
          add_span (doc, spans, cmark_node_get_literal (node), style | HELDER_MARKDOWN_CODE_SPAN, url, title);
          break;
        case CMARK_NODE_EMPH:
          walk_inlines (walk, node, spans, style | HELDER_MARKDOWN_EMPHASIS, url, title, inner);
          break;
        case CMARK_NODE_STRONG:
          walk_inlines (walk, node, spans, style | HELDER_MARKDOWN_STRONG, url, title, inner);
          break;
        case CMARK_NODE_LINK:
          walk_inlines (walk, node, spans, style | HELDER_MARKDOWN_LINK,
                        cmark_node_get_url (node), cmark_node_get_title (node), inner);
          break;
        case CMARK_NODE_IMAGE:
          {
            g_autoptr(GString) alt = g_string_new (NULL);
            const char *src = cmark_node_get_url (node);

            collect_plain (node, alt, 0);
            add_span (doc, spans, alt->str, style | HELDER_MARKDOWN_IMAGE, src, cmark_node_get_title (node));
            if (src != NULL && *src != '\0' &&
                !g_ptr_array_find_with_equal_func (doc->images, src, g_str_equal, NULL))
              g_ptr_array_add (doc->images, g_strdup (src));
          }
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          {
            g_autofree char *mark = g_strdup_printf ("[%s]", cmark_node_get_literal (node));

            add_span (doc, spans, mark, style, url, title);
          }
          break;
        default:
          if (g_strcmp0 (type_string, "strikethrough") == 0)
            walk_inlines (walk, node, spans, style | HELDER_MARKDOWN_STRIKETHROUGH, url, title, inner);
          else
            walk_inlines (walk, node, spans, style, url, title, inner);
          break;
        }
    }
}

static HelderMarkdownBlock *
begin_block (Walk                    *walk,
             HelderMarkdownBlockKind  kind,
             cmark_node              *node)
{
  HelderMarkdownDocument *doc = walk->doc;
  HelderMarkdownBlock *block = g_new0 (HelderMarkdownBlock, 1);

  if (doc->blocks->len > 0)
    append_text (doc, "\n");
  block->kind = kind;
  block->list_depth = walk->list_depth;
  block->quote_depth = walk->quote_depth;
  block->bullet = g_steal_pointer (&walk->bullet);
  block->spans = g_ptr_array_new_with_free_func (span_free);
  block->offset = doc->n_chars;
  block->line = MAX (cmark_node_get_start_line (node), 1);
  g_ptr_array_add (doc->blocks, block);
  return block;
}

static void
end_block (Walk                *walk,
           HelderMarkdownBlock *block)
{
  block->length = walk->doc->n_chars - block->offset;
}

/* A literal without the newline a code or HTML block ends with. */
static char *
literal_block_text (cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  gsize length = literal != NULL ? strlen (literal) : 0;

  while (length > 0 && (literal[length - 1] == '\n' || literal[length - 1] == '\r'))
    length--;
  return g_strndup (literal != NULL ? literal : "", length);
}

static void
walk_table (Walk       *walk,
            cmark_node *table)
{
  HelderMarkdownDocument *doc = walk->doc;
  HelderMarkdownBlock *block = begin_block (walk, HELDER_MARKDOWN_TABLE, table);
  guint8 *alignments = cmark_gfm_extensions_get_table_alignments (table);
  gboolean first_row = TRUE;

  block->n_columns = cmark_gfm_extensions_get_table_columns (table);
  block->align = g_new0 (HelderMarkdownAlign, MAX (block->n_columns, 1));
  for (guint i = 0; alignments != NULL && i < block->n_columns; i++)
    block->align[i] = alignments[i] == 'l' ? HELDER_MARKDOWN_ALIGN_LEFT :
                      alignments[i] == 'c' ? HELDER_MARKDOWN_ALIGN_CENTER :
                      alignments[i] == 'r' ? HELDER_MARKDOWN_ALIGN_RIGHT : HELDER_MARKDOWN_ALIGN_NONE;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      gboolean first_cell = TRUE;

      if (!first_row)
        append_text (doc, "\n");
      first_row = FALSE;
      for (cmark_node *cell = cmark_node_first_child (row); cell != NULL; cell = cmark_node_next (cell))
        {
          GPtrArray *spans = g_ptr_array_new_with_free_func (span_free);

          if (!first_cell)
            append_text (doc, "\t");
          first_cell = FALSE;
          walk_inlines (walk, cell, spans, 0, NULL, NULL, 0);
          g_ptr_array_add (cells, spans);
        }
      /* A short row still has a cell per column */
      while (cells->len < block->n_columns)
        g_ptr_array_add (cells, g_ptr_array_new_with_free_func (span_free));
      g_ptr_array_add (block->rows, cells);
    }
  end_block (walk, block);
}

static void walk_blocks (Walk *walk, cmark_node *parent);

static void
walk_list (Walk       *walk,
           cmark_node *list)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start (list);
  char delim = cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.';

  walk->list_depth++;
  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item), number++)
    {
      guint before = walk->doc->blocks->len;

      g_free (walk->bullet);
      if (g_strcmp0 (cmark_node_get_type_string (item), "tasklist") == 0)
        walk->bullet = g_strdup (cmark_gfm_extensions_get_tasklist_item_checked (item) ? "☑" : "☐");
      else if (ordered)
        walk->bullet = g_strdup_printf ("%d%c", number, delim);
      else
        walk->bullet = g_strdup (walk->list_depth % 2 == 1 ? "•" : "–");
      walk_blocks (walk, item);
      /* An empty item is still a line with its marker */
      if (walk->doc->blocks->len == before)
        end_block (walk, begin_block (walk, HELDER_MARKDOWN_PARAGRAPH, item));
      g_clear_pointer (&walk->bullet, g_free);
    }
  walk->list_depth--;
}

static void
walk_blocks (Walk       *walk,
             cmark_node *parent)
{
  gboolean deeper = walk->depth < MAX_DEPTH;

  walk->depth++;
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      const char *type_string = cmark_node_get_type_string (node);
      HelderMarkdownBlock *block;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          block = begin_block (walk, HELDER_MARKDOWN_PARAGRAPH, node);
          walk_inlines (walk, node, block->spans, 0, NULL, NULL, 0);
          end_block (walk, block);
          break;
        case CMARK_NODE_HEADING:
          block = begin_block (walk, HELDER_MARKDOWN_HEADING, node);
          block->level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
          walk_inlines (walk, node, block->spans, 0, NULL, NULL, 0);
          end_block (walk, block);
          g_ptr_array_add (walk->doc->headings, block);
          break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          {
            g_autofree char *text = literal_block_text (node);
            gboolean code = cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK;
            const char *info = code ? cmark_node_get_fence_info (node) : NULL;

            block = begin_block (walk, code ? HELDER_MARKDOWN_CODE : HELDER_MARKDOWN_HTML, node);
            if (info != NULL && *info != '\0')
              block->info = g_strdup (info);
            add_span (walk->doc, block->spans, text, code ? HELDER_MARKDOWN_CODE_SPAN : 0, NULL, NULL);
            end_block (walk, block);
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          end_block (walk, begin_block (walk, HELDER_MARKDOWN_RULE, node));
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          if (deeper)
            walk->quote_depth++;
          walk_blocks (walk, node);
          if (deeper)
            walk->quote_depth--;
          break;
        case CMARK_NODE_LIST:
          if (deeper)
            walk_list (walk, node);
          else
            walk_blocks (walk, node);
          break;
        default:
          if (g_strcmp0 (type_string, "table") == 0)
            walk_table (walk, node);
          else if (deeper)
            walk_blocks (walk, node);
          break;
        }
    }
  walk->depth--;
}

static cmark_parser *
new_parser (void)
{
  static const char *extensions[] = { "table", "strikethrough", "autolink", "tasklist" };
  cmark_parser *parser;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
      else
        g_warning ("cmark-gfm has no %s extension", extensions[i]);
    }
  return parser;
}

/**
 * helder_markdown_parse:
 * @markdown: (nullable): UTF-8 (invalid bytes become U+FFFD)
 * @length: bytes, or -1 when @markdown ends with a nul
 *
 * Returns: (transfer full): the blocks of @markdown
 */
HelderMarkdownDocument *
helder_markdown_parse (const char *markdown,
                       gssize      length)
{
  HelderMarkdownDocument *doc = g_new0 (HelderMarkdownDocument, 1);
  cmark_parser *parser;
  cmark_node *root;
  Walk walk = { doc, 0, 0, 0, NULL };

  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->text = g_string_new (NULL);
  doc->headings = g_ptr_array_new ();
  doc->images = g_ptr_array_new_with_free_func (g_free);
  if (markdown == NULL)
    return doc;
  if (length < 0)
    length = strlen (markdown);

  parser = new_parser ();
  cmark_parser_feed (parser, markdown, length);
  root = cmark_parser_finish (parser);
  walk_blocks (&walk, root);
  g_free (walk.bullet);
  cmark_node_free (root);
  cmark_parser_free (parser);
  return doc;
}

void
helder_markdown_document_free (HelderMarkdownDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_string_free (self->text, TRUE);
  g_ptr_array_unref (self->headings);
  g_ptr_array_unref (self->images);
  g_free (self);
}

guint
helder_markdown_document_get_n_blocks (HelderMarkdownDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

const HelderMarkdownBlock *
helder_markdown_document_get_block (HelderMarkdownDocument *self,
                                    guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return self->blocks->pdata[index];
}

const char *
helder_markdown_document_get_text (HelderMarkdownDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

GPtrArray *
helder_markdown_document_get_headings (HelderMarkdownDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->headings;
}

GPtrArray *
helder_markdown_document_get_image_urls (HelderMarkdownDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->images;
}

/**
 * helder_markdown_to_html:
 * @markdown: UTF-8
 * @length: bytes, or -1 when @markdown ends with a nul
 *
 * cmark-gfm's own HTML for @markdown, parsed as helder_markdown_parse()
 * parses it (the same extensions), raw HTML left out.  Only the reading
 * view's benchmark uses it, to measure a web view against the native one.
 *
 * Returns: (transfer full): an HTML fragment
 */
char *
helder_markdown_to_html (const char *markdown,
                         gssize      length)
{
  cmark_parser *parser = new_parser ();
  cmark_node *root;
  char *html, *copy;

  g_return_val_if_fail (markdown != NULL, NULL);

  cmark_parser_feed (parser, markdown, length < 0 ? strlen (markdown) : (gsize) length);
  root = cmark_parser_finish (parser);
  html = cmark_render_html (root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions (parser));
  copy = g_strdup (html);
  free (html);
  cmark_node_free (root);
  cmark_parser_free (parser);
  return copy;
}

char *
helder_markdown_to_text (const char *markdown,
                         gssize      length)
{
  g_autoptr(HelderMarkdownDocument) doc = helder_markdown_parse (markdown, length);

  return g_strdup (doc->text->str);
}
