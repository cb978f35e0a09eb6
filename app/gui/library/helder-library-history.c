/* helder-library-history.c: a toolkit document's versions and what changed between two
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-history"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-library-history.h"
#include "library/helder-library-diff.h"
#include "model/helder-record-format.h"

/* "Versies": every saved version of the document, newest first, and the
 * words that changed between any two (the core's word diff): added words
 * marked green, removed ones red and struck through, the rest as it was.
 * Choosing a version compares it with the one before it; the two menus
 * compare any pair. */

struct _HelderLibraryHistory
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkListBox           *versions_list;
  GtkDropDown          *from_dropdown;
  GtkDropDown          *to_dropdown;
  GtkLabel             *counts_label;
  GtkTextView          *diff_view;

  /* owned */
  HelderLibraryService *service;
  GPtrArray            *versions;    /* HelderToolkitRevision, newest first */
  guint                 added, removed;
  gboolean              choosing;
};

G_DEFINE_FINAL_TYPE (HelderLibraryHistory, helder_library_history, ADW_TYPE_WINDOW)

/* "Versie 3 · 14 januari 2027 · Sanne de Vries" */
static char *
version_label (HelderLibraryHistory *self,
               HelderRecord         *revision)
{
  GDateTime *at = helder_record_get_updated_at (revision);
  g_autofree char *iso = at != NULL ? g_date_time_format_iso8601 (at) : NULL;
  g_autofree char *date = helder_format_date (iso);
  g_autofree char *author = helder_library_service_user_name (self->service,
                                                               helder_record_get_text (revision, "author"));
  GString *label = g_string_new (NULL);

  g_string_append_printf (label, _("Version %d"), helder_record_get_int (revision, "number"));
  if (date != NULL)
    g_string_append_printf (label, " · %s", date);
  if (author != NULL && *author != '\0')
    g_string_append_printf (label, " · %s", author);
  return g_string_free (label, FALSE);
}

static GtkWidget *
version_row (HelderLibraryHistory *self,
             HelderRecord         *revision)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *label = version_label (self, revision);
  GtkWidget *title = gtk_label_new (label);
  const char *note = helder_record_get_text (revision, "note");

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  if (note != NULL && *note != '\0')
    {
      GtkWidget *sub = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* A version's text as compared: its title, summary and body. */
static char *
version_text (HelderRecord *revision)
{
  const char *title = helder_record_get_text (revision, "title");
  const char *summary = helder_record_get_text (revision, "summary");
  const char *body = helder_record_get_text (revision, "body");

  return g_strdup_printf ("%s\n\n%s\n\n%s", title ? title : "", summary ? summary : "", body ? body : "");
}

/**
 * helder_library_history_compare:
 * @older: the older version's index (0 is the newest)
 * @newer: the newer one's
 */
void
helder_library_history_compare (HelderLibraryHistory *self,
                                guint                 older,
                                guint                 newer)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autoptr(GPtrArray) chunks = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *counts = NULL;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_LIBRARY_HISTORY (self));
  g_return_if_fail (older < self->versions->len && newer < self->versions->len);

  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, older);
  gtk_drop_down_set_selected (self->to_dropdown, newer);
  self->choosing = FALSE;

  old_text = version_text (self->versions->pdata[older]);
  new_text = version_text (self->versions->pdata[newer]);
  chunks = helder_library_diff_words (old_text, new_text);
  helder_library_diff_count (chunks, &self->added, &self->removed);

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < chunks->len; i++)
    {
      HelderDiffChunk *chunk = chunks->pdata[i];
      const char *tag = chunk->kind == HELDER_DIFF_ADDED ? "added"
                      : chunk->kind == HELDER_DIFF_REMOVED ? "removed" : NULL;

      if (tag != NULL)
        {
          /* The white space after a changed word is not marked */
          gsize length = strlen (chunk->text), words = length;

          while (words > 0 && g_ascii_isspace (chunk->text[words - 1]))
            words--;
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, chunk->text, words, tag, NULL);
          gtk_text_buffer_insert (buffer, &end, chunk->text + words, length - words);
        }
      else
        gtk_text_buffer_insert (buffer, &end, chunk->text, -1);
    }

  if (older == newer)
    counts = g_strdup (_("The same version"));
  else
    /* Translators: words added and removed between two versions */
    counts = g_strdup_printf (_("%u words added, %u removed"), self->added, self->removed);
  gtk_label_set_text (self->counts_label, counts);
}

static void
on_row_selected (HelderLibraryHistory *self,
                 GtkListBoxRow        *row)
{
  guint index;

  if (row == NULL || self->choosing)
    return;
  index = gtk_list_box_row_get_index (row);
  /* A version against the one before it; the first against itself */
  helder_library_history_compare (self, MIN (index + 1, self->versions->len - 1), index);
}

static void
on_dropdown_changed (HelderLibraryHistory *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  if (self->choosing || from >= self->versions->len || to >= self->versions->len)
    return;
  helder_library_history_compare (self, from, to);
}

guint
helder_library_history_get_n_versions (HelderLibraryHistory *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_HISTORY (self), 0);

  return self->versions->len;
}

/**
 * helder_library_history_get_diff_text:
 *
 * Returns: (transfer full): the comparison shown, with added words in
 *   "{+…+}" and removed ones in "[-…-]"
 */
char *
helder_library_history_get_diff_text (HelderLibraryHistory *self,
                                      guint                *added,
                                      guint                *removed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  GtkTextTag *plus = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "added");
  GtkTextTag *minus = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "removed");
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  g_return_val_if_fail (HELDER_IS_LIBRARY_HISTORY (self), NULL);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter next = iter;
      g_autofree char *slice = NULL;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL))
        gtk_text_iter_forward_to_end (&next);
      slice = gtk_text_iter_get_slice (&iter, &next);
      if (gtk_text_iter_has_tag (&iter, plus))
        g_string_append_printf (out, "{+%s+}", slice);
      else if (gtk_text_iter_has_tag (&iter, minus))
        g_string_append_printf (out, "[-%s-]", slice);
      else
        g_string_append (out, slice);
      iter = next;
    }
  if (added != NULL)
    *added = self->added;
  if (removed != NULL)
    *removed = self->removed;
  return g_string_free (out, FALSE);
}

static void
helder_library_history_dispose (GObject *object)
{
  HelderLibraryHistory *self = HELDER_LIBRARY_HISTORY (object);

  g_clear_object (&self->service);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_HISTORY);

  G_OBJECT_CLASS (helder_library_history_parent_class)->dispose (object);
}

static void
helder_library_history_class_init (HelderLibraryHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_library_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-library-history.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, window_title);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, versions_list);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryHistory, diff_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
helder_library_history_init (HelderLibraryHistory *self)
{
  GtkTextBuffer *buffer;
  GdkRGBA green = { 0.15, 0.64, 0.41, 0.30 };
  GdkRGBA red = { 0.88, 0.11, 0.14, 0.25 };

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->diff_view);
  gtk_text_buffer_create_tag (buffer, "added", "background-rgba", &green, "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "background-rgba", &red, "strikethrough", TRUE, NULL);
  g_signal_connect_object (self->versions_list, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * helder_library_history_new:
 *
 * Returns: (transfer full): the versions of @toolkit, the newest
 *   compared with the one before it
 */
HelderLibraryHistory *
helder_library_history_new (HelderLibraryService *service,
                            HelderRecord         *toolkit)
{
  HelderLibraryHistory *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (service), NULL);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), NULL);

  self = g_object_new (HELDER_TYPE_LIBRARY_HISTORY, NULL);
  self->service = g_object_ref (service);
  self->versions = helder_library_service_versions (service, helder_record_get_id (toolkit));
  adw_window_title_set_subtitle (self->window_title, helder_record_get_title (toolkit));
  for (guint i = 0; i < self->versions->len; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Version %d"),
                                                helder_record_get_int (self->versions->pdata[i], "number"));

      gtk_string_list_append (labels, label);
      gtk_list_box_append (self->versions_list, version_row (self, self->versions->pdata[i]));
    }
  self->choosing = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (labels));
  self->choosing = FALSE;
  if (self->versions->len > 0)
    gtk_list_box_select_row (self->versions_list, gtk_list_box_get_row_at_index (self->versions_list, 0));
  return self;
}
