/* helder-markdown-view.h: a toolkit document's Markdown, rendered natively
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "library/helder-library-markdown.h"

G_BEGIN_DECLS

#define HELDER_TYPE_MARKDOWN_VIEW (helder_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderMarkdownView, helder_markdown_view, HELDER, MARKDOWN_VIEW, GtkTextView)

/**
 * HelderMarkdownImageFunc:
 * @name: the image's address as the Markdown gives it (an attachment's
 *   file name, mostly)
 *
 * Returns: (transfer full) (nullable): the image's texture, or %NULL when
 *   there is no such attachment (the alt text shows instead)
 */
typedef GdkTexture *(*HelderMarkdownImageFunc) (const char *name,
                                                gpointer    user_data);

GtkWidget  *helder_markdown_view_new              (void);
void        helder_markdown_view_launch           (GtkWidget              *widget,
                                                   const char             *uri);
void        helder_markdown_view_open_link        (GtkWidget              *widget,
                                                   const char             *uri);
void        helder_markdown_view_set_markdown     (HelderMarkdownView     *self,
                                                   const char             *markdown);
void        helder_markdown_view_finish           (HelderMarkdownView     *self);
gboolean    helder_markdown_view_get_complete     (HelderMarkdownView     *self);
void        helder_markdown_view_set_image_func   (HelderMarkdownView     *self,
                                                   HelderMarkdownImageFunc func,
                                                   gpointer                user_data,
                                                   GDestroyNotify          destroy);
const char *helder_markdown_view_get_document_text (HelderMarkdownView *self);
guint       helder_markdown_view_highlight        (HelderMarkdownView     *self,
                                                   GArray                 *ranges);
guint       helder_markdown_view_get_n_highlights (HelderMarkdownView     *self);
gboolean    helder_markdown_view_scroll_to_first_highlight (HelderMarkdownView *self);
char       *helder_markdown_view_get_text         (HelderMarkdownView     *self);
GPtrArray  *helder_markdown_view_get_tables       (HelderMarkdownView     *self);
char       *helder_markdown_view_get_link_at      (HelderMarkdownView     *self,
                                                   int                     offset);

G_END_DECLS
