/* helder-document-editor-menu.c: the document editor's word menu
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"

/* The context menu: what the finding under the pointer offers.
 * Suggestions cost about 100 ms, so they are computed here, on a
 * right-click, never while typing. */

static void
replace_range (HelderDocumentEditor *self,
               const char           *replacement)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, self->menu_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &a, &b);
  gtk_text_buffer_insert (buffer, &a, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  replace_range (HELDER_DOCUMENT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
add_word (HelderDocumentEditor *self,
          const char           *scope)
{
  g_autoptr(GError) error = NULL;

  if (self->menu_word == NULL || self->service == NULL)
    return;
  /* The service follows the store: the analyser has the new house style
   * before the save returns, and house-style-changed checks the text
   * again (the word may be marked anywhere in it). */
  if (!helder_editor_service_add_word (self->service, self->menu_word, g_str_equal (scope, "personal"), &error))
    helder_document_editor_show_error (self, _("Could not add the word"), error);
}

static void
add_word_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_word (HELDER_DOCUMENT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
ignore_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  if (self->menu_word != NULL && self->document != NULL &&
      g_hash_table_add (self->ignored, g_strdup (self->menu_word)))
    {
      /* Kept with the document (and the text typed so far goes with it) */
      helder_editor_service_add_ignored (self->document, self->menu_word);
      helder_document_editor_save (self);
    }
  self->retag_all = TRUE;
  if (self->analysis != NULL)
    helder_document_editor_apply_marks (self);
}

/* The spelling language, for every text: the app's setting. */
static void
append_language_menu (HelderDocumentEditor *self)
{
  g_autoptr(GMenu) languages = g_menu_new ();

  g_menu_append (languages, _("Dutch (Netherlands)"), "app.spelling-language::nl_NL");
  g_menu_append (languages, _("Dutch (Belgium)"), "app.spelling-language::nl_BE");
  g_menu_append (languages, _("English (United States)"), "app.spelling-language::en_US");
  {
    g_autoptr(GMenuItem) item = g_menu_item_new_submenu (_("Spelling _Language"), G_MENU_MODEL (languages));

    g_menu_append_item (self->extra_menu, item);
  }
}

static void
prepare_menu (HelderDocumentEditor *self,
              double                x,
              double                y)
{
  GtkTextIter iter;
  int bx, by;
  gint32 delta;
  const HelderFinding *f;
  g_autoptr(GMenu) suggestions = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();

  g_menu_remove_all (self->extra_menu);
  g_clear_pointer (&self->menu_word, g_free);

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  f = helder_document_editor_finding_at_current (self, gtk_text_iter_get_offset (&iter), HELDER_CHECK_SPELLING | HELDER_CHECK_JARGON,
                          &delta);
  if (f == NULL)
    {
      append_language_menu (self);
      return;
    }

  self->menu_start = f->start + delta;
  self->menu_end = f->end + delta;
  self->menu_word = helder_document_editor_text_range (self, self->menu_start, self->menu_end);

  if (f->category == HELDER_CHECK_SPELLING && self->analyzer != NULL)
    {
      g_auto(GStrv) words = helder_text_analyzer_suggest (self->analyzer, self->menu_word, 5);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (words[i], NULL);

          g_menu_item_set_action_and_target (item, "editor.correct", "s", words[i]);
          g_menu_append_item (suggestions, item);
        }
      g_menu_append (actions, _("_Add to My Dictionary"), "editor.add-word::personal");
      g_menu_append (actions, _("Add to the _Organisation’s Dictionary"), "editor.add-word::org");
      g_menu_append (actions, _("_Ignore in This Document"), "editor.ignore");
    }
  else
    for (guint i = 0; f->suggestions[i] != NULL; i++)
      {
        g_autofree char *label = g_strdup_printf (_("Replace with “%s”"), f->suggestions[i]);
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        /* "om ... te verbeteren": a pattern, not a replacement */
        if (strstr (f->suggestions[i], "...") != NULL || strstr (f->suggestions[i], "…") != NULL)
          continue;
        g_menu_item_set_action_and_target (item, "editor.correct", "s", f->suggestions[i]);
        g_menu_append_item (suggestions, item);
      }

  g_menu_append_section (self->extra_menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (self->extra_menu, NULL, G_MENU_MODEL (actions));
  append_language_menu (self);
}

static void
on_pressed (GtkGestureClick      *gesture,
            int                   n_press,
            double                x,
            double                y,
            HelderDocumentEditor *self)
{
  prepare_menu (self, x, y);
}

/* Shift+F10 and the Menu key open the same menu for the word at the
 * cursor: prepare it, then let the text view show it. */
static void
prepare_menu_at_cursor (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &cursor, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  prepare_menu (self, x, y + rect.height / 2);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HelderDocumentEditor  *self)
{
  if ((keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)) || keyval == GDK_KEY_Menu)
    prepare_menu_at_cursor (self);
  /* The text view itself then shows the menu. */
  return FALSE;
}

/* The same, as an action: for scripts and assistive technology. */
static void
word_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  prepare_menu_at_cursor (self);
  gtk_widget_activate_action (GTK_WIDGET (self->text_view), "menu.popup", NULL);
}

void
helder_document_editor_class_init_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.correct", "s", correct_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-word", "s", add_word_activated);
  gtk_widget_class_install_action (widget_class, "editor.ignore", NULL, ignore_activated);
  gtk_widget_class_install_action (widget_class, "editor.word-menu", NULL, word_menu_activated);
}

void
helder_document_editor_init_menu (HelderDocumentEditor *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Right-click: fill the view's extra menu for what is under the pointer */
  self->extra_menu = g_menu_new ();
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->extra_menu));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
}
