/* helder-markdown-view.c: a toolkit document's Markdown, rendered natively
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-markdown-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "helder-markdown-table.h"
#include "helder-markdown-view.h"
#include "library/helder-library-text.h"

/* The core parses the Markdown with cmark-gfm (helder-library-markdown:
 * GitHub's tables, strikethrough, autolinks and task lists) into flat
 * blocks of spans; one pass over them builds the text and the tag ranges,
 * which go into the buffer in one insert per stretch between two child
 * widgets (tables and images, in child anchors).  Each span remembers
 * where its text went, so the search's match ranges (counted on the
 * document's rendered text) land on the right words.  A
 * 10,000-word document so costs one insert and a few thousand tag
 * applications; GtkTextView lays out the visible part first.
 *
 * Native rather than WebKitGTK, chosen by measuring both on the same
 * documents (the benchmark reading-view-webkit, where WebKitGTK 6.0 is
 * installed; the figures are in the README): the native view paints a
 * 10,000-word document's first screen in about 25–30 ms, a WebKitWebView
 * takes 60–150 ms to a laid-out, painted page once it runs and 0.5–0.7 s
 * for the first, which starts WebKit's processes; WebKit adds some 80 MB
 * to this process and 250 MB in its own.  Besides: the text is selectable
 * and searchable like any other, the theme and dark style follow the
 * desktop, and the search's highlights are tags on the same text. */

#define URL_KEY "helder-markdown-url"
#define IMAGE_MAX_WIDTH 560
#define MARGIN 24          /* the view's; a tag's left margin replaces it */
#define FIRST_CHARS 6000   /* rendered before the first frame: a few screens */
#define SLICE_US 4000      /* the rest, this long per main loop turn */

struct _HelderMarkdownView
{
  GtkTextView             parent_instance;

  HelderMarkdownImageFunc image_func;
  gpointer                image_data;
  GDestroyNotify          image_destroy;

  HelderMarkdownDocument *document;
  GPtrArray              *tables;        /* GtkGrid, in order */
  GArray                 *cells;         /* HelderMarkdownCell, of every table */
  GArray                 *pieces;        /* Piece: the document's text in the buffer */
  guint                   next_block;    /* the first block not rendered yet */
  guint                   render_id;
  GtkTextTag             *highlight_tag;
  GtkTextTag             *link_tag;
  guint                   n_highlights;
  GCancellable           *cancellable;
};

G_DEFINE_FINAL_TYPE (HelderMarkdownView, helder_markdown_view, GTK_TYPE_TEXT_VIEW)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where a span of the document's text went in the buffer. */
typedef struct
{
  guint doc_offset;
  guint buffer_offset;
  guint length;
} Piece;

typedef struct
{
  HelderMarkdownView *self;
  GtkTextBuffer      *buffer;
  GtkTextTagTable    *tags;
  GString            *text;       /* not yet in the buffer */
  guint               offset;     /* characters in the buffer and in text */
  GArray             *ranges;     /* TagRange */
} Render;

typedef struct
{
  GtkTextTag *tag;
  guint       start;
  guint       end;
} TagRange;

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
tag_range (Render     *r,
           GtkTextTag *tag,
           guint       start,
           guint       end)
{
  TagRange range = { tag, start, end };

  if (tag != NULL && end > start)
    g_array_append_val (r->ranges, range);
}

static void
tag_named (Render     *r,
           const char *name,
           guint       start,
           guint       end)
{
  tag_range (r, gtk_text_tag_table_lookup (r->tags, name), start, end);
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

static GtkWidget *
make_image (HelderMarkdownView       *self,
            const HelderMarkdownSpan *span)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *picture;
  int width, height;

  if (self->image_func == NULL || span->url == NULL ||
      (texture = self->image_func (span->url, self->image_data)) == NULL)
    return NULL;

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), span->text);
  gtk_widget_set_tooltip_text (picture, *span->text != '\0' ? span->text : NULL);
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
render_span (Render                   *r,
             const HelderMarkdownSpan *span)
{
  guint start = r->offset;
  Piece piece = { span->offset, start, span->length };

  if (span->style & HELDER_MARKDOWN_IMAGE)
    {
      GtkWidget *picture = make_image (r->self, span);

      if (picture != NULL)
        {
          add_child (r, picture);
          return;
        }
      append (r, span->text, -1);
      tag_named (r, "missing-image", start, r->offset);
      g_array_append_val (r->self->pieces, piece);
      return;
    }
  if (span->style & HELDER_MARKDOWN_LINE_BREAK)
    {
      /* One line of the paragraph, so it keeps its spacing */
      append (r, "\u2028", -1);
      return;
    }

  append (r, span->text, -1);
  g_array_append_val (r->self->pieces, piece);
  if (span->style & HELDER_MARKDOWN_EMPHASIS)
    tag_named (r, "emphasis", start, r->offset);
  if (span->style & HELDER_MARKDOWN_STRONG)
    tag_named (r, "strong", start, r->offset);
  if (span->style & HELDER_MARKDOWN_CODE_SPAN)
    tag_named (r, "code", start, r->offset);
  if (span->style & HELDER_MARKDOWN_STRIKETHROUGH)
    tag_named (r, "strikethrough", start, r->offset);
  if ((span->style & HELDER_MARKDOWN_LINK) && span->url != NULL)
    {
      tag_range (r, r->self->link_tag, start, r->offset);
      tag_range (r, link_tag (r, span->url), start, r->offset);
    }
}

/* A line's first character decides its spacing and indent, so block tags
 * run from the line's start (a list item's bullet) to its newline. */
static void
render_block (Render                    *r,
              const HelderMarkdownBlock *block,
              const HelderMarkdownBlock *next)
{
  guint start = r->offset;
  char name[16];

  if (block->list_depth > 0)
    {
      append (r, block->bullet != NULL ? block->bullet : "", -1);
      append (r, "\t", 1);
    }

  switch (block->kind)
    {
    case HELDER_MARKDOWN_TABLE:
      {
        GtkWidget *grid;

        add_child (r, helder_markdown_table_new (block, r->self->cells, &grid));
        g_ptr_array_add (r->self->tables, grid);
      }
      break;
    case HELDER_MARKDOWN_RULE:
      append (r, "⁂", -1);
      tag_named (r, "rule", start, r->offset + 1);
      break;
    default:
      for (guint i = 0; i < block->spans->len; i++)
        render_span (r, block->spans->pdata[i]);
      break;
    }
  append (r, "\n", 1);

  switch (block->kind)
    {
    case HELDER_MARKDOWN_HEADING:
      g_snprintf (name, sizeof name, "h%u", CLAMP (block->level, 1, 4));
      tag_named (r, name, start, r->offset);
      break;
    case HELDER_MARKDOWN_CODE:
    case HELDER_MARKDOWN_HTML:
      tag_named (r, "code-block", start, r->offset);
      break;
    case HELDER_MARKDOWN_RULE:
      break;
    default:
      /* Items of a list close together, the list apart from what follows */
      if (block->list_depth > 0 && next != NULL && next->list_depth > 0)
        tag_named (r, "tight", start, r->offset);
      else
        tag_named (r, "paragraph", start, r->offset);
      break;
    }
  if (block->list_depth > 0)
    {
      g_snprintf (name, sizeof name, "list-%u", MIN (block->list_depth, 4));
      tag_named (r, name, start, r->offset);
    }
  if (block->quote_depth > 0)
    tag_named (r, "quote", start, r->offset);
}

static void
collect_link_tag (GtkTextTag *tag,
                  gpointer    data)
{
  if (g_object_get_data (G_OBJECT (tag), URL_KEY) != NULL)
    *(GSList **) data = g_slist_prepend (*(GSList **) data, tag);
}

static void
clear (HelderMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GSList) links = NULL;

  g_clear_handle_id (&self->render_id, g_source_remove);
  self->next_block = 0;
  self->n_highlights = 0;
  g_ptr_array_set_size (self->tables, 0);
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->pieces, 0);
  gtk_text_buffer_set_text (buffer, "", 0);
  g_clear_pointer (&self->document, helder_markdown_document_free);
  /* The links' own tags go with their text */
  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (buffer), collect_link_tag, &links);
  for (GSList *l = links; l != NULL; l = l->next)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), l->data);
}

/* Blocks [@from, @to) onto the end of the buffer, in one insert per
 * stretch between child widgets, then their tags. */
static void
render_blocks (HelderMarkdownView *self,
               guint               from,
               guint               to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n_blocks = helder_markdown_document_get_n_blocks (self->document);
  Render r = { self };

  r.buffer = buffer;
  r.tags = gtk_text_buffer_get_tag_table (buffer);
  r.text = g_string_new (NULL);
  r.ranges = g_array_new (FALSE, FALSE, sizeof (TagRange));
  r.offset = gtk_text_buffer_get_char_count (buffer);

  for (guint i = from; i < to; i++)
    render_block (&r, helder_markdown_document_get_block (self->document, i),
                  i + 1 < n_blocks ? helder_markdown_document_get_block (self->document, i + 1) : NULL);
  flush (&r);

  for (guint i = 0; i < r.ranges->len; i++)
    {
      TagRange *range = &g_array_index (r.ranges, TagRange, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
      gtk_text_buffer_apply_tag (buffer, range->tag, &start, &end);
    }

  g_string_free (r.text, TRUE);
  g_array_unref (r.ranges);
  self->next_block = to;
}

/* The rest of a long document, a few milliseconds at a time after the
 * first frame (idle priority: below redrawing). */
static gboolean
render_more (gpointer user_data)
{
  HelderMarkdownView *self = user_data;
  guint n_blocks = helder_markdown_document_get_n_blocks (self->document);
  gint64 until = g_get_monotonic_time () + SLICE_US;

  while (self->next_block < n_blocks && g_get_monotonic_time () < until)
    render_blocks (self, self->next_block, MIN (self->next_block + 8, n_blocks));
  if (self->next_block < n_blocks)
    return G_SOURCE_CONTINUE;
  self->render_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * helder_markdown_view_finish:
 *
 * Renders at once what a long document still has to render (what the
 * view shows first comes first; the rest follows after the first frame).
 */
void
helder_markdown_view_finish (HelderMarkdownView *self)
{
  g_return_if_fail (HELDER_IS_MARKDOWN_VIEW (self));

  if (self->render_id == 0)
    return;
  g_clear_handle_id (&self->render_id, g_source_remove);
  render_blocks (self, self->next_block, helder_markdown_document_get_n_blocks (self->document));
}

/* Whether the whole document is in the buffer. */
gboolean
helder_markdown_view_get_complete (HelderMarkdownView *self)
{
  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), TRUE);

  return self->render_id == 0;
}

/**
 * helder_markdown_view_set_markdown:
 * @markdown: (nullable): the document's body
 *
 * Shows @markdown rendered: headings, emphasis, code, lists, quotes,
 * links, tables and images (from the image function) in the view's
 * buffer, which replaces whatever it showed.  The first screens render
 * now, the rest of a long document right after the first frame.
 */
void
helder_markdown_view_set_markdown (HelderMarkdownView *self,
                                   const char         *markdown)
{
  guint n_blocks, first = 0, chars = 0;

  g_return_if_fail (HELDER_IS_MARKDOWN_VIEW (self));

  clear (self);
  if (markdown == NULL || *markdown == '\0')
    return;

  self->document = helder_markdown_parse (markdown, -1);
  n_blocks = helder_markdown_document_get_n_blocks (self->document);
  while (first < n_blocks && chars < FIRST_CHARS)
    chars += helder_markdown_document_get_block (self->document, first++)->length + 1;
  render_blocks (self, 0, first);
  if (first < n_blocks)
    self->render_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, render_more, self, NULL);
}

/**
 * helder_markdown_view_get_document_text:
 *
 * Returns: (nullable): the document's rendered text
 *   (helder_markdown_document_get_text), on which the search's match
 *   ranges are counted
 */
const char *
helder_markdown_view_get_document_text (HelderMarkdownView *self)
{
  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), NULL);

  return self->document != NULL ? helder_markdown_document_get_text (self->document) : NULL;
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
 * @ranges: (nullable) (element-type HelderLibraryRange): matches in the
 *   document's text (helder_library_query_match_ranges on
 *   helder_markdown_view_get_document_text); %NULL clears
 *
 * Marks the search's matches in the text and in the tables.
 *
 * Returns: how many matches it marked
 */
guint
helder_markdown_view_highlight (HelderMarkdownView *self,
                                GArray             *ranges)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint piece = 0;

  g_return_val_if_fail (HELDER_IS_MARKDOWN_VIEW (self), 0);

  helder_markdown_view_finish (self);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);
  self->n_highlights = 0;

  /* Both in order: walk the pieces along the ranges */
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      HelderLibraryRange *range = &g_array_index (ranges, HelderLibraryRange, i);
      gboolean marked = FALSE;

      while (piece < self->pieces->len &&
             g_array_index (self->pieces, Piece, piece).doc_offset +
             g_array_index (self->pieces, Piece, piece).length <= range->start)
        piece++;
      for (guint k = piece; k < self->pieces->len; k++)
        {
          Piece *p = &g_array_index (self->pieces, Piece, k);
          guint from = MAX (range->start, p->doc_offset), to = MIN (range->end, p->doc_offset + p->length);

          if (p->doc_offset >= range->end)
            break;
          if (from >= to)
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, p->buffer_offset + (from - p->doc_offset));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, p->buffer_offset + (to - p->doc_offset));
          gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);
          marked = TRUE;
        }
      if (marked)
        self->n_highlights++;
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      HelderMarkdownCell *cell = &g_array_index (self->cells, HelderMarkdownCell, i);
      gboolean marked = FALSE;
      g_autofree char *markup = helder_markdown_cell_markup (cell->spans, ranges, &marked);

      if (g_strcmp0 (markup, gtk_label_get_label (cell->label)) != 0)
        gtk_label_set_markup (cell->label, markup);
      if (marked)
        self->n_highlights++;
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

  helder_markdown_view_finish (self);

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

  helder_markdown_view_finish (self);

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

  helder_markdown_view_finish (self);

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

/**
 * helder_markdown_view_launch:
 * @widget: where it was asked for
 *
 * Opens @uri with the default application.  GTK 4.8 has no
 * GtkUriLauncher: GIO opens it (through the portal when sandboxed).
 */
void
helder_markdown_view_launch (GtkWidget  *widget,
                             const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launched, NULL);
}

/**
 * helder_markdown_view_open_link:
 * @widget: the view or a widget in it
 *
 * Opens a link of the text: the view's owner may take it (an
 * attachment's name, ::activate-link), else the default application
 * opens it.
 */
void
helder_markdown_view_open_link (GtkWidget  *widget,
                                const char *uri)
{
  HelderMarkdownView *self = HELDER_MARKDOWN_VIEW (gtk_widget_get_ancestor (widget, HELDER_TYPE_MARKDOWN_VIEW));
  gboolean handled = FALSE;

  if (self != NULL)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  if (!handled)
    helder_markdown_view_launch (widget, uri);
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
    helder_markdown_view_open_link (GTK_WIDGET (self), url);
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
  helder_markdown_view_open_link (GTK_WIDGET (self), url);
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
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 20);

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
  g_clear_handle_id (&self->render_id, g_source_remove);
  helder_markdown_view_set_image_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->document, helder_markdown_document_free);

  G_OBJECT_CLASS (helder_markdown_view_parent_class)->dispose (object);
}

static void
helder_markdown_view_class_init (HelderMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_markdown_view_dispose;

  /**
   * HelderMarkdownView::activate-link:
   * @uri: the link's address as the Markdown gives it
   *
   * Returns: %TRUE when a handler opened it (an attachment); otherwise
   *   the default application opens it
   */
  signals[ACTIVATE_LINK] = g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, g_signal_accumulator_true_handled, NULL, NULL,
                                         G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
}

static void
helder_markdown_view_init (HelderMarkdownView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->tables = g_ptr_array_new ();
  self->cells = g_array_new (FALSE, FALSE, sizeof (HelderMarkdownCell));
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
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
