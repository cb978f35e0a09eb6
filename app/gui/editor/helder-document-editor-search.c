/* helder-document-editor-search.c: the document editor's search and replace
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"

/* Search and replace, case-insensitive, from the cursor, wrapping. */
static gboolean
find_from (HelderDocumentEditor *self,
           gboolean              forward,
           gboolean              include_current)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter sel_start, sel_end, from, match_start, match_end, wrap;
  gboolean found;

  if (*needle == '\0')
    return FALSE;
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  from = forward ? (include_current ? sel_start : sel_end) : sel_start;

  if (forward)
    found = gtk_text_iter_forward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &match_start, &match_end, NULL);
  else
    found = gtk_text_iter_backward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                           &match_start, &match_end, NULL);
  if (!found)
    {
      if (forward)
        gtk_text_buffer_get_start_iter (buffer, &wrap);
      else
        gtk_text_buffer_get_end_iter (buffer, &wrap);
      found = forward
        ? gtk_text_iter_forward_search (&wrap, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start, &match_end, NULL)
        : gtk_text_iter_backward_search (&wrap, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start, &match_end, NULL);
    }
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (self->text_view, &match_start, 0.1, FALSE, 0, 0);
    }
  if (!found)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  return found;
}

static void
on_search_changed (HelderDocumentEditor *self)
{
  find_from (self, TRUE, TRUE);
}

static void
on_find_next (HelderDocumentEditor *self)
{
  find_from (self, TRUE, FALSE);
}

static void
on_find_previous (HelderDocumentEditor *self)
{
  find_from (self, FALSE, FALSE);
}

/* Replaces the selection if it is a match, then finds the next one. */
static void
on_replace (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter a, b;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      g_autofree char *x = g_utf8_casefold (selected, -1);
      g_autofree char *y = g_utf8_casefold (needle, -1);

      if (g_str_equal (x, y))
        {
          gtk_text_buffer_begin_user_action (buffer);
          gtk_text_buffer_delete (buffer, &a, &b);
          gtk_text_buffer_insert (buffer, &a, gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), -1);
          gtk_text_buffer_end_user_action (buffer);
        }
    }
  find_from (self, TRUE, FALSE);
}

static void
on_replace_all (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter iter, a, b;

  if (*needle == '\0')
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &a, &b, NULL))
    {
      gtk_text_buffer_delete (buffer, &a, &b);
      gtk_text_buffer_insert (buffer, &a, replacement, -1);
      iter = a;
    }
  gtk_text_buffer_end_user_action (buffer);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
helder_document_editor_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_replace);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.find", NULL);
}

void
helder_document_editor_init_search (HelderDocumentEditor *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
