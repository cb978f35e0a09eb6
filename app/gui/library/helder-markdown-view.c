/* helder-markdown-view.c: a toolkit document's Markdown, rendered natively
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-markdown-view"

#include "config.h"

#include <adwaita.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n.h>
#include <string.h>

#include "helder-markdown-view.h"

/* cmark-gfm parses the Markdown (with GitHub's tables, strikethrough,
 * autolinks and task lists); one walk over its tree builds the text and
 * the tag ranges, which go into the buffer in one insert per stretch
 * between two child widgets (tables and images, in child anchors).  A
 * 10,000-word document so costs one insert and a few thousand tag
 * applications; GtkTextView lays out the visible part first.
 *
 * Native rather than WebKitGTK: no web process to start, the text is
 * selectable and searchable like any other, the theme and dark style
 * follow the desktop, and no second engine lives in memory (see
 * tests/bench/bench-reading-view.c for the figures). */

#define URL_KEY "helder-markdown-url"
#define IMAGE_MAX_WIDTH 560
#define MARGIN 24          /* the view's; a tag's left margin replaces it */

struct _HelderMarkdownView
{
  GtkTextView             parent_instance;

  HelderMarkdownImageFunc image_func;
  gpointer                image_data;
  GDestroyNotify          image_destroy;

  GPtrArray              *tables;        /* GtkGrid, in order */
  GtkTextTag             *highlight_tag;
  GtkTextTag             *link_tag;
  guint                   n_highlights;
  GCancellable           *cancellable;
};

G_DEFINE_FINAL_TYPE (HelderMarkdownView, helder_markdown_view, GTK_TYPE_TEXT_VIEW)

typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
} Span;

typedef struct
{
  HelderMarkdownView *self;
  GtkTextBuffer      *buffer;
  GString            *text;       /* not yet in the buffer */
  int                 offset;     /* characters in the buffer and in text */
  GArray             *spans;      /* Span, closed */
  GArray             *open;       /* Span, still open (a stack) */
  GArray             *lists;      /* int per open list: 0 bullets, else the next number */
  int                 line_start;       /* where the block being written began */
  int                 paragraph_start;  /* the last paragraph's line */
} Render;

static void
append (Render     *r,
        const char *text,
        gssize      len)
{
  if (len < 0)
    len = strlen (text);
  g_string_append_len (r->text, text, len);
  r->offset += g_utf8_strlen (text, len);
}

static void
push_tag (Render     *r,
          GtkTextTag *tag)
{
  Span span = { tag, r->offset, -1 };

  g_array_append_val (r->open, span);
}

static void
push (Render     *r,
      const char *name)
{
  push_tag (r, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (r->buffer), name));
}

static void
pop (Render *r)
{
  Span span;

  g_assert (r->open->len > 0);
  span = g_array_index (r->open, Span, r->open->len - 1);
  g_array_set_size (r->open, r->open->len - 1);
  span.end = r->offset;
  if (span.tag != NULL && span.end > span.start)
    g_array_append_val (r->spans, span);
}

/* The text so far into the buffer, so a child anchor can follow it. */
static void
flush (Render *r)
{
  GtkTextIter end;

  if (r->text->len == 0)
    return;
  gtk_text_buffer_get_end_iter (r->buffer, &end);
  gtk_text_buffer_insert (r->buffer, &end, r->text->str, r->text->len);
  g_string_truncate (r->text, 0);
}

static void
add_child (Render    *r,
           GtkWidget *child)
{
  GtkTextIter end;
  GtkTextChildAnchor *anchor;

  flush (r);
  gtk_text_buffer_get_end_iter (r->buffer, &end);
  anchor = gtk_text_buffer_create_child_anchor (r->buffer, &end);
  r->offset++;
  gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (r->self), child, anchor);
}

/* Ends a block: its line, and (in a list or quote) its indent. */
static void
end_block (Render *r)
{
  append (r, "\n", 1);
  r->line_start = r->offset;
}

static const char *
type_name (cmark_node *node)
{
  const char *name = cmark_node_get_type_string (node);

  return name != NULL ? name : "";
}

/* A table cell's inline content as Pango markup. */
static void
inline_markup (GString    *out,
               cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      const char *name = type_name (child);
      g_autofree char *escaped = NULL;

      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          escaped = g_markup_escape_text (cmark_node_get_literal (child), -1);
          g_string_append (out, escaped);
          break;
        case CMARK_NODE_CODE:
          escaped = g_markup_escape_text (cmark_node_get_literal (child), -1);
          g_string_append_printf (out, "<tt>%s</tt>", escaped);
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out, "<i>");
          inline_markup (out, child);
          g_string_append (out, "</i>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (out, "<b>");
          inline_markup (out, child);
          g_string_append (out, "</b>");
          break;
        case CMARK_NODE_LINK:
          escaped = g_markup_escape_text (cmark_node_get_url (child), -1);
          g_string_append_printf (out, "<a href=\"%s\">", escaped);
          inline_markup (out, child);
          g_string_append (out, "</a>");
          break;
        default:
          if (g_str_equal (name, "strikethrough"))
            {
              g_string_append (out, "<s>");
              inline_markup (out, child);
              g_string_append (out, "</s>");
            }
          else
            inline_markup (out, child);
        }
    }
}

static gboolean
on_table_link (GtkLabel   *label,
               const char *uri,
               gpointer    user_data);

static GtkWidget *
make_table (cmark_node *table)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE, NULL);
  guint8 *alignments = cmark_gfm_extensions_get_table_alignments (table);
  guint n_columns = cmark_gfm_extensions_get_table_columns (table);
  int row_index = 0;

  gtk_widget_add_css_class (grid, "helder-markdown-table");
  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row), row_index++)
    {
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);
      int column = 0;

      for (cmark_node *cell = cmark_node_first_child (row); cell != NULL; cell = cmark_node_next (cell), column++)
        {
          g_autoptr(GString) markup = g_string_new (NULL);
          GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                           "accessible-role", header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                                     : GTK_ACCESSIBLE_ROLE_CELL,
                                           "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                           "max-width-chars", 40, "selectable", TRUE,
                                           "xalign", 0.0, "yalign", 0.0, NULL);
          char alignment = (guint) column < n_columns && alignments != NULL ? alignments[column] : 0;

          inline_markup (markup, cell);
          gtk_label_set_markup (GTK_LABEL (label), markup->str);
          /* A child of a text view gets its minimum width: ask for the text's */
          gtk_label_set_width_chars (GTK_LABEL (label),
                                     MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), 28));
          if (alignment == 'r')
            gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          else if (alignment == 'c')
            gtk_label_set_xalign (GTK_LABEL (label), 0.5);
          gtk_widget_add_css_class (label, header ? "heading" : (row_index % 2 == 0 ? "even" : "odd"));
          g_signal_connect (label, "activate-link", G_CALLBACK (on_table_link), NULL);
          gtk_grid_attach (GTK_GRID (grid), label, column, row_index, 1, 1);
        }
    }
  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_set_margin_top (frame, 4);
  gtk_widget_set_margin_bottom (frame, 4);
  g_object_set_data (G_OBJECT (frame), "grid", grid);
  return frame;
}

static GtkWidget *
make_image (HelderMarkdownView *self,
            cmark_node         *image)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GString) alt = g_string_new (NULL);
  GtkWidget *picture;
  int width, height;

  if (self->image_func == NULL ||
      (texture = self->image_func (cmark_node_get_url (image), self->image_data)) == NULL)
    return NULL;

  for (cmark_node *child = cmark_node_first_child (image); child != NULL; child = cmark_node_next (child))
    if (cmark_node_get_literal (child) != NULL)
      g_string_append (alt, cmark_node_get_literal (child));

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt->str);
  gtk_widget_set_tooltip_text (picture, alt->len > 0 ? alt->str : NULL);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  if (width > IMAGE_MAX_WIDTH)
    {
      height = height * IMAGE_MAX_WIDTH / width;
      width = IMAGE_MAX_WIDTH;
    }
  gtk_widget_set_size_request (picture, width, height);
  return picture;
}

/* A link's own tag carries its address. */
static GtkTextTag *
link_tag (Render     *r,
          const char *url)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (r->buffer, NULL, NULL);

  g_object_set_data_full (G_OBJECT (tag), URL_KEY, g_strdup (url), g_free);
  return tag;
}

static void
list_item_prefix (Render     *r,
                  cmark_node *item)
{
  int depth = MIN (r->lists->len, 4);
  int *next = &g_array_index (r->lists, int, r->lists->len - 1);
  char name[16];

  g_snprintf (name, sizeof name, "list-%d", depth);
  push (r, name);
  if (g_str_equal (type_name (item), "tasklist"))
    append (r, cmark_gfm_extensions_get_tasklist_item_checked (item) ? "☑\t" : "☐\t", -1);
  else if (*next > 0)
    {
      g_autofree char *number = g_strdup_printf ("%d.\t", (*next)++);

      append (r, number, -1);
    }
  else
    append (r, depth % 2 == 1 ? "•\t" : "◦\t", -1);
}

static void
render_node (Render          *r,
             cmark_iter      *iter,
             cmark_node      *node,
             cmark_event_type event)
{
  gboolean entering = event == CMARK_EVENT_ENTER;
  const char *name = type_name (node);
  char heading[4];

  if (g_str_equal (name, "table"))
    {
      if (entering)
        {
          GtkWidget *table = make_table (node);

          push (r, "paragraph");
          add_child (r, table);
          g_ptr_array_add (r->self->tables, g_object_get_data (G_OBJECT (table), "grid"));
          end_block (r);
          pop (r);
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
      return;
    }
  if (g_str_equal (name, "strikethrough"))
    {
      if (entering)
        push (r, "strikethrough");
      else
        pop (r);
      return;
    }

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      if (entering)
        {
          /* A line's first character decides its spacing: a list item's
           * paragraph is spaced from its bullet on */
          r->paragraph_start = r->line_start;
          push (r, cmark_node_parent (node) != NULL &&
                   cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_ITEM &&
                   cmark_node_get_list_tight (cmark_node_parent (cmark_node_parent (node)))
                ? "tight" : "paragraph");
          g_array_index (r->open, Span, r->open->len - 1).start = r->line_start;
        }
      else
        {
          end_block (r);
          pop (r);
        }
      break;

    case CMARK_NODE_HEADING:
      g_snprintf (heading, sizeof heading, "h%d", CLAMP (cmark_node_get_heading_level (node), 1, 4));
      if (entering)
        push (r, heading);
      else
        {
          end_block (r);
          pop (r);
        }
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      if (entering)
        push (r, "quote");
      else
        pop (r);
      break;

    case CMARK_NODE_LIST:
      if (entering)
        {
          int next = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST
                   ? MAX (cmark_node_get_list_start (node), 1) : 0;

          g_array_append_val (r->lists, next);
        }
      else
        {
          g_array_set_size (r->lists, r->lists->len - 1);
          /* A whole list is spaced from what follows like a paragraph */
          if (r->lists->len == 0)
            {
              Span span = { gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (r->buffer), "list-end"),
                            r->paragraph_start, r->offset };

              g_array_append_val (r->spans, span);
            }
        }
      break;

    case CMARK_NODE_ITEM:
      if (entering)
        list_item_prefix (r, node);
      else
        pop (r);
      break;

    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
      {
        const char *literal = cmark_node_get_literal (node);
        gsize len = literal != NULL ? strlen (literal) : 0;

        while (len > 0 && literal[len - 1] == '\n')
          len--;
        push (r, "code-block");
        append (r, literal != NULL ? literal : "", len);
        end_block (r);
        pop (r);
      }
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      push (r, "rule");
      append (r, "⁂", -1);
      end_block (r);
      pop (r);
      break;

    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      append (r, cmark_node_get_literal (node), -1);
      break;

    case CMARK_NODE_CODE:
      push (r, "code");
      append (r, cmark_node_get_literal (node), -1);
      pop (r);
      break;

    case CMARK_NODE_SOFTBREAK:
      append (r, " ", 1);
      break;

    case CMARK_NODE_LINEBREAK:
      append (r, "\u2028", -1);
      break;

    case CMARK_NODE_EMPH:
      if (entering)
        push (r, "emphasis");
      else
        pop (r);
      break;

    case CMARK_NODE_STRONG:
      if (entering)
        push (r, "strong");
      else
        pop (r);
      break;

    case CMARK_NODE_LINK:
      if (entering)
        {
          push_tag (r, r->self->link_tag);
          push_tag (r, link_tag (r, cmark_node_get_url (node)));
        }
      else
        {
          pop (r);
          pop (r);
        }
      break;

    case CMARK_NODE_IMAGE:
      if (entering)
        {
          GtkWidget *picture = make_image (r->self, node);

          if (picture != NULL)
            {
              add_child (r, picture);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          else
            push (r, "missing-image");
        }
      else if (r->open->len > 0 &&
               g_array_index (r->open, Span, r->open->len - 1).tag ==
               gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (r->buffer), "missing-image"))
        pop (r);
      break;

    default:
      break;
    }
}

static cmark_node *
parse (const char *markdown)
{
  static const char *extensions[] = { "table", "strikethrough", "autolink", "tasklist" };
  cmark_parser *parser;
  cmark_node *document;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, markdown, strlen (markdown));
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return document;
}

/**
 * helder_markdown_view_set_markdown:
 * @markdown: (nullable): the document's body
 *
 * Shows @markdown rendered: headings, emphasis, code, lists, quotes,
 * links, tables and images (from the image function) in the view's
 * buffer, which replaces whatever it showed.
 */
void
helder_markdown_view_set_markdown (HelderMarkdownView *self,
                                   const char         *markdown)
{
  GtkTextBuffer *buffer;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  Render r = { self };

  g_return_if_fail (HELDER_IS_MARKDOWN_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  self->n_highlights = 0;
  g_ptr_array_set_size (self->tables, 0);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (markdown == NULL || *markdown == '\0')
    return;

  r.buffer = buffer;
  r.text = g_string_sized_new (strlen (markdown) + 64);
  r.spans = g_array_new (FALSE, FALSE, sizeof (Span));
  r.open = g_array_new (FALSE, FALSE, sizeof (Span));
  r.lists = g_array_new (FALSE, FALSE, sizeof (int));

  document = parse (markdown);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    render_node (&r, iter, cmark_iter_get_node (iter), event);
  cmark_iter_free (iter);
  cmark_node_free (document);

  while (r.open->len > 0)
    pop (&r);
  flush (&r);

  for (guint i = r.spans->len; i > 0; i--)
    {
      Span *span = &g_array_index (r.spans, Span, i - 1);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end);
      gtk_text_buffer_apply_tag (buffer, span->tag, &start, &end);
    }

  g_string_free (r.text, TRUE);
  g_array_unref (r.spans);
  g_array_unref (r.open);
  g_array_unref (r.lists);
}

/**
 * helder_markdown_view_set_image_func:
 *
 * Where images come from: the document's attachments.  Set it before the
 * Markdown.
 */
void
helder_markdown_view_set_image_func (HelderMarkdownView     *self,
                                     HelderMarkdownImageFunc func,
                                     gpointer                user_data,
                                     GDestroyNotify          destroy)
{
  g_return_if_fail (HELDER_IS_MARKDOWN_VIEW (self));

  if (self->image_destroy != NULL)
    self->image_destroy (self->image_data);
  self->image_func = func;
  self->image_data = user_data;
  self->image_destroy = destroy;
}

/**
 * helder_markdown_view_highlight:
 * @match: (nullable): which words match the search; %NULL clears
 *
 * Marks the words of the text that @match accepts.
 *
 * Returns: how many words it marked
 */
guint
helder_markdown_view_highlight (HelderMarkdownView     *self,
                                HelderMarkdownMatchFunc match,
                                gpointer                user_data)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);
  self->n_highlights = 0;
  if (match == NULL)
    return 0;

  while (gtk_text_iter_forward_word_end (&start))
    {
      GtkTextIter word_start = start;
      g_autofree char *word = NULL;

      gtk_text_iter_backward_word_start (&word_start);
      word = gtk_text_iter_get_slice (&word_start, &start);
      if (match (word, user_data))
        {
          gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &word_start, &start);
          self->n_highlights++;
        }
    }
  return self->n_highlights;
}

guint
helder_markdown_view_get_n_highlights (HelderMarkdownView *self)
{
  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), 0);

  return self->n_highlights;
}

/**
 * helder_markdown_view_scroll_to_first_highlight:
 *
 * Returns: whether there was a highlighted word to show
 */
gboolean
helder_markdown_view_scroll_to_first_highlight (HelderMarkdownView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, self->highlight_tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&iter, self->highlight_tag))
    return FALSE;
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.2, FALSE, 0, 0);
  return TRUE;
}

/**
 * helder_markdown_view_get_text:
 *
 * Returns: (transfer full): the rendered text, each table and image one
 *   U+FFFC
 */
char *
helder_markdown_view_get_text (HelderMarkdownView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &start, &end);
  return gtk_text_iter_get_slice (&start, &end);
}

/**
 * helder_markdown_view_get_tables:
 *
 * Returns: (transfer none) (element-type GtkGrid): the tables shown
 */
GPtrArray *
helder_markdown_view_get_tables (HelderMarkdownView *self)
{
  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), NULL);

  return self->tables;
}

/**
 * helder_markdown_view_get_link_at:
 *
 * Returns: (transfer full) (nullable): the address of the link at that
 *   character offset
 */
char *
helder_markdown_view_get_link_at (HelderMarkdownView *self,
                                  int                 offset)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), NULL);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, URL_KEY) != NULL)
      return g_strdup (g_object_get_data (l->data, URL_KEY));
  return NULL;
}

static void
launched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not open a link: %s", error->message);
}

/* GTK 4.8 has no GtkUriLauncher: GIO opens it (through the portal when
 * sandboxed). */
static void
open_uri (GtkWidget  *widget,
          const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  HelderMarkdownView *self = HELDER_MARKDOWN_VIEW (gtk_widget_get_ancestor (widget, HELDER_TYPE_MARKDOWN_VIEW));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context),
                                           self != NULL ? self->cancellable : NULL, launched, NULL);
}

static gboolean
on_table_link (GtkLabel   *label,
               const char *uri,
               gpointer    user_data)
{
  open_uri (GTK_WIDGET (label), uri);
  return TRUE;
}

static char *
link_at_coords (HelderMarkdownView *self,
                double              x,
                double              y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;
  return helder_markdown_view_get_link_at (self, gtk_text_iter_get_offset (&iter));
}

static void
on_released (HelderMarkdownView *self,
             int                 n_press,
             double              x,
             double              y,
             GtkGestureClick    *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *url = NULL;

  /* A drag that selected text is no click on a link */
  if (gtk_text_buffer_get_has_selection (buffer) ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) > 1)
    return;
  if ((url = link_at_coords (self, x, y)) != NULL)
    open_uri (GTK_WIDGET (self), url);
}

static void
on_motion (HelderMarkdownView *self,
           double              x,
           double              y)
{
  g_autofree char *url = link_at_coords (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), url != NULL ? "pointer" : NULL);
}

/* Enter on a link (the caret is there, F7) opens it too. */
static gboolean
on_key_pressed (HelderMarkdownView *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;
  g_autofree char *url = NULL;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if ((url = helder_markdown_view_get_link_at (self, gtk_text_iter_get_offset (&iter))) == NULL)
    return FALSE;
  open_uri (GTK_WIDGET (self), url);
  return TRUE;
}

/* Links in the accent colour of the style (light or dark). */
static void
update_colours (HelderMarkdownView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA accent;

  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  g_object_set (self->link_tag, "foreground-rgba", &accent, NULL);
}

static void
create_tags (HelderMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkRGBA code = { 0.5, 0.5, 0.5, 0.15 };
  GdkRGBA mark = { 0.96, 0.83, 0.18, 0.55 };
  GdkRGBA dim = { 0.5, 0.5, 0.5, 1 };

  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "tight", "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "list-end", "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6,
                              "pixels-above-lines", 8, "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.35,
                              "pixels-above-lines", 14, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 10, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "h4", "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 8, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "strikethrough", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", "background-rgba", &code, NULL);
  gtk_text_buffer_create_tag (buffer, "code-block", "family", "monospace", "wrap-mode", GTK_WRAP_CHAR,
                              "paragraph-background-rgba", &code, "left-margin", MARGIN + 12, "right-margin", MARGIN,
                              "pixels-below-lines", 0, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "style", PANGO_STYLE_ITALIC, "foreground-rgba", &dim,
                              "left-margin", MARGIN + 24, NULL);
  gtk_text_buffer_create_tag (buffer, "rule", "justification", GTK_JUSTIFY_CENTER,
                              "foreground-rgba", &dim, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "missing-image", "style", PANGO_STYLE_ITALIC,
                              "foreground-rgba", &dim, NULL);
  /* Hanging indents: the bullet or number sits left of the item's text */
  for (int depth = 1; depth <= 4; depth++)
    {
      g_autofree char *name = g_strdup_printf ("list-%d", depth);
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 0);

      gtk_text_buffer_create_tag (buffer, name, "left-margin", MARGIN + 24 * depth, "indent", -20,
                                  "tabs", tabs, NULL);
    }
  self->link_tag = gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight", "background-rgba", &mark, NULL);
  update_colours (self);
}

static void
helder_markdown_view_dispose (GObject *object)
{
  HelderMarkdownView *self = HELDER_MARKDOWN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  helder_markdown_view_set_image_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_markdown_view_parent_class)->dispose (object);
}

static void
helder_markdown_view_class_init (HelderMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_markdown_view_dispose;
}

static void
helder_markdown_view_init (HelderMarkdownView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->tables = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, MARGIN);
  gtk_text_view_set_right_margin (view, MARGIN);
  gtk_text_view_set_top_margin (view, 18);
  gtk_text_view_set_bottom_margin (view, 24);
  gtk_text_view_set_pixels_inside_wrap (view, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "helder-markdown-view");
  create_tags (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_colours),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
helder_markdown_view_new (void)
{
  return g_object_new (HELDER_TYPE_MARKDOWN_VIEW, NULL);
}
