/* helder-document-editor-follow.c: the open document follows the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"

/* The document in the editor is a copy; a HelderRecordFollower watches
 * the stored one.  A colleague's change that sync pulls in:
 *
 * - with nothing typed since the last save, shows at once: only the
 *   stretch of text that differs is replaced, so the cursor, the
 *   selection and the scroll position stay where they were, and the next
 *   typing builds on the new text;
 * - while typing, is merged three ways as sync merges; where both changed
 *   the text, what is typed stays here and the colleague's version waits
 *   beside it in "Needs attention";
 * - deleted, is said in the notice, which offers to keep the text as a
 *   new document (closing the editor does that too, if anything was
 *   typed).
 *
 * Every save goes through the follower, so the editor's own saves never
 * look like news. */

/* The editor's view (text, title) into @record. */
void
helder_document_editor_take_view (HelderDocumentEditor *self,
                                  HelderRecord         *record)
{
  g_autofree char *body = helder_document_editor_get_text (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  g_object_set (record, "body", body, NULL);
  if (*title != '\0')
    g_object_set (record, "title", title, NULL);
}

gboolean
helder_document_editor_save_document (HelderDocumentEditor  *self,
                                      GError               **error)
{
  if (self->follower == NULL)
    return helder_service_save (HELDER_SERVICE (self->service), self->document, error);
  return helder_record_follower_save (self->follower, self->document, error);
}

static void
show_notice (HelderDocumentEditor *self,
             const char           *text,
             const char           *button_label,
             const char           *action)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_button_set_label (self->notice_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->notice_button), action);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_button), button_label != NULL);
  gtk_revealer_set_reveal_child (self->notice, TRUE);
}

static void
hide_notice (HelderDocumentEditor *self)
{
  gtk_revealer_set_reveal_child (self->notice, FALSE);
}

/* Replaces only the stretch between the part at the start and the part at
 * the end that stayed the same: marks (the cursor, the selection, what
 * the view scrolled to) outside it stay with their text. */
static void
show_text (HelderDocumentEditor *self,
           const char           *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *old = helder_document_editor_get_text (self);
  const char *a = old, *b = text ? text : "";
  const char *a_end = a + strlen (a), *b_end = b + strlen (b);
  glong prefix, old_middle;
  GtkTextIter from, to;

  if (g_str_equal (a, b))
    return;
  while (*a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  while (a_end > a && b_end > b)
    {
      const char *pa = g_utf8_prev_char (a_end), *pb = g_utf8_prev_char (b_end);

      if (g_utf8_get_char (pa) != g_utf8_get_char (pb))
        break;
      a_end = pa;
      b_end = pb;
    }
  prefix = g_utf8_pointer_to_offset (old, a);
  old_middle = g_utf8_pointer_to_offset (a, a_end);

  self->loading = TRUE;
  /* A colleague's change is not for this computer's Undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, prefix);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, prefix + old_middle);
  gtk_text_buffer_delete (buffer, &from, &to);
  gtk_text_buffer_insert (buffer, &from, b, b_end - b);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;
  self->analysis_matches = FALSE;
}

/* The view shows @record (what was stored, or the merge). */
static void
show_record (HelderDocumentEditor *self,
             HelderRecord         *record)
{
  const char *title = helder_record_get_text (record, "title");

  if (g_strcmp0 (title, gtk_editable_get_text (GTK_EDITABLE (self->title_entry))) != 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
      self->loading = FALSE;
    }
  show_text (self, helder_record_get_text (record, "body"));
  helder_document_editor_read_ignored (self);
  helder_document_editor_fill_properties (self);
  self->retag_all = TRUE;
  helder_document_editor_analyse (self);
}

static void
stored_changed (HelderDocumentEditor *self,
                HelderRecord         *stored)
{
  g_autoptr(HelderRecord) copy = helder_record_follower_copy (stored);

  g_set_object (&self->document, copy);
  show_record (self, self->document);
}

static void
changed_under_edits (HelderDocumentEditor *self)
{
  g_autoptr(HelderRecord) local = helder_record_follower_copy (self->document);
  g_autoptr(GError) error = NULL;
  gboolean conflict;

  helder_document_editor_take_view (self, local);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!helder_record_follower_merge (self->follower, local, &conflict, &error))
    {
      helder_document_editor_show_error (self, _("Could not save the document"), error);
      return;
    }
  g_set_object (&self->document, local);
  if (conflict)
    show_notice (self, _("This text was also changed on another computer. Your text stays here; "
                         "both versions are kept in Needs Attention."),
                 _("_Show Both"), "win.show-conflicts");
  else
    show_record (self, self->document);
}

static void
deleted (HelderDocumentEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  show_notice (self, _("This text was deleted on another computer. You can keep it as a new document."),
               _("_Keep as New Document"), "editor.keep-copy");
}

static void
on_follower_changed (HelderDocumentEditor *self,
                     HelderFollowEvent     event,
                     HelderRecord         *stored)
{
  switch (event)
    {
    case HELDER_FOLLOW_CHANGED:
      stored_changed (self, stored);
      break;
    case HELDER_FOLLOW_CHANGED_UNDER_EDITS:
      changed_under_edits (self);
      break;
    case HELDER_FOLLOW_DELETED:
    default:
      deleted (self);
      break;
    }
}

/**
 * helder_document_editor_keep_copy:
 *
 * The document was deleted elsewhere: what the editor shows becomes a new
 * document, and stays open.
 *
 * Returns: (transfer none) (nullable): the new document
 */
HelderRecord *
helder_document_editor_keep_copy (HelderDocumentEditor *self)
{
  g_autoptr(HelderRecord) local = NULL;
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->follower == NULL || self->document == NULL)
    return NULL;
  local = helder_record_follower_copy (self->document);
  helder_document_editor_take_view (self, local);
  helder_record_set_deleted (local, FALSE);
  copy = helder_record_follower_keep_copy (self->follower, local, &error);
  if (copy == NULL)
    {
      helder_document_editor_show_error (self, _("Could not keep the text"), error);
      return NULL;
    }
  g_clear_object (&self->document);
  self->document = helder_record_follower_copy (copy);
  hide_notice (self);
  return self->document;
}

static void
keep_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  helder_document_editor_keep_copy (HELDER_DOCUMENT_EDITOR (widget));
}

static void
dismiss_notice_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  hide_notice (HELDER_DOCUMENT_EDITOR (widget));
}

void
helder_document_editor_unfollow (HelderDocumentEditor *self)
{
  if (self->follower != NULL)
    g_signal_handlers_disconnect_by_func (self->follower, on_follower_changed, self);
  g_clear_object (&self->follower);
}

/* Opens @document as the store has it, and follows it from now on. */
void
helder_document_editor_follow (HelderDocumentEditor *self,
                               HelderRecord         *document)
{
  helder_document_editor_unfollow (self);
  self->follower = helder_record_follower_new (HELDER_SERVICE (self->service), document);
  g_signal_connect_object (self->follower, "changed", G_CALLBACK (on_follower_changed), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->document);
  self->document = helder_record_follower_copy (helder_record_follower_get_base (self->follower));
  hide_notice (self);
  if (helder_record_follower_get_deleted (self->follower))
    deleted (self);
}

void
helder_document_editor_class_init_follow (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.keep-copy", NULL, keep_copy_activated);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-notice", NULL, dismiss_notice_activated);
}
