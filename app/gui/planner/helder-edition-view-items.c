/* helder-edition-view-items.c: the edition's items: duiding, order by drag and keys, leave out, notes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-edition-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-edition-view-private.h"
#include "plan/helder-plan-works.h"
#include "helder-tooltip.h"

/* One row per item, in the edition's order.  What the advisor writes
 * goes into the content at once and to the store a moment after the
 * last keystroke; a move or a note is saved at once and the rows are
 * made again, with the focus on the moved item. */

#define SAVE_DELAY_MS 600

static HelderEditionItem *
row_item (GtkWidget *row,
          guint     *index)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (index != NULL)
    *index = i;
  return self && self->content && i < self->content->items->len ? self->content->items->pdata[i] : NULL;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
duiding_changed (GtkTextBuffer *buffer,
                 GtkWidget     *row)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  HelderEditionItem *item = row_item (row, NULL);

  if (item == NULL || self->filling)
    return;
  g_free (item->duiding);
  item->duiding = buffer_text (buffer);
  helder_edition_view_changed (self);
}

static void
note_title_changed (GtkEditable *entry,
                    GtkWidget   *row)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  HelderEditionItem *item = row_item (row, NULL);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (item == NULL || self->filling)
    return;
  g_free (item->title);
  item->title = *title ? g_steal_pointer (&title) : NULL;
  helder_edition_view_changed (self);
}

static void
set_dropped_look (GtkWidget *row,
                  gboolean   dropped)
{
  GtkWidget *body = g_object_get_data (G_OBJECT (row), "body");

  gtk_widget_set_opacity (body, dropped ? 0.5 : 1.0);
}

static void
include_toggled (GtkCheckButton *check,
                 GtkWidget      *row)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  HelderEditionItem *item = row_item (row, NULL);

  if (item == NULL || self->filling)
    return;
  item->dropped = !gtk_check_button_get_active (check);
  set_dropped_look (row, item->dropped);
  helder_edition_view_changed (self);
  helder_edition_view_save_now (self);
}

static void
move_clicked (GtkButton *button,
              GtkWidget *row)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  guint index;

  if (row_item (row, &index) != NULL && ((int) index + step) >= 0)
    helder_edition_view_move_item (self, index, index + step);
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkWidget     *row)
{
  guint index;

  if (row_item (row, &index) == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, index);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y,
      GtkWidget     *row)
{
  HelderEditionView *self = g_object_get_data (G_OBJECT (row), "view");
  guint to;

  if (!G_VALUE_HOLDS_UINT (value) || row_item (row, &to) == NULL)
    return FALSE;
  return helder_edition_view_move_item (self, g_value_get_uint (value), to);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             int         step,
             GtkWidget  *row)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  helder_widget_set_tooltip (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked), row);
  return button;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
item_row (HelderEditionView *self,
          HelderEditionItem *item,
          guint              index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Include"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *duiding = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (duiding));
  g_autofree char *day = helder_works_format_day (item->date);
  g_autofree char *kind = day ? g_strdup_printf ("%s · %s", helder_edition_item_kind_label (item->kind), day)
                              : g_strdup (helder_edition_item_kind_label (item->kind));
  g_autofree char *name = NULL;
  const char *title = item->title ? item->title : _("Untitled");
  GtkWidget *kind_label = wrapped_label (kind, "caption");
  GtkDragSource *source;
  GtkDropTarget *target;

  g_object_set_data (G_OBJECT (row), "view", self);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "body", body);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);

  helder_widget_set_tooltip (handle, _("Drag to move"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_widget_set_hexpand (kind_label, TRUE);
  gtk_box_append (GTK_BOX (header), handle);
  gtk_box_append (GTK_BOX (header), kind_label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !item->dropped);
  gtk_widget_set_sensitive (check, self->editable);
  name = g_strdup_printf (_("Include “%s” in the edition"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (include_toggled), row);
  gtk_box_append (GTK_BOX (header), check);
  if (self->editable)
    {
      gtk_box_append (GTK_BOX (header), icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"), -1, row));
      gtk_box_append (GTK_BOX (header), icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"), 1, row));
    }
  gtk_box_append (GTK_BOX (box), header);

  if (item->kind == HELDER_EDITION_ITEM_NOTE && self->editable)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (entry), item->title ? item->title : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title of the note"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Title of the note"), -1);
      g_signal_connect (entry, "changed", G_CALLBACK (note_title_changed), row);
      gtk_box_append (GTK_BOX (body), entry);
    }
  else
    gtk_box_append (GTK_BOX (body), wrapped_label (title, "heading"));
  if (item->change != NULL)
    gtk_box_append (GTK_BOX (body), wrapped_label (item->change, NULL));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (duiding), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (duiding), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (duiding), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (duiding), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (duiding), 8);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (duiding), self->editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (duiding), self->editable);
  gtk_widget_set_size_request (duiding, -1, 48);
  gtk_text_buffer_set_text (buffer, item->duiding ? item->duiding : "", -1);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf (_("Duiding of “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (duiding), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (duiding_changed), row);
  gtk_frame_set_child (GTK_FRAME (frame), duiding);
  gtk_box_append (GTK_BOX (body), wrapped_label (item->kind == HELDER_EDITION_ITEM_NOTE ? _("Text") : _("Duiding"),
                                                 "caption-heading"));
  gtk_box_append (GTK_BOX (body), frame);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "duiding", duiding);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  set_dropped_look (row, item->dropped);

  if (self->editable)
    {
      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), row);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), row);
      gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
      target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
      g_signal_connect (target, "drop", G_CALLBACK (drop), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
    }
  return row;
}

void
helder_edition_view_fill_items (HelderEditionView *self)
{
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_list_box_remove (self->items_box, child);
  for (guint i = 0; self->content != NULL && i < self->content->items->len; i++)
    gtk_list_box_append (self->items_box, item_row (self, self->content->items->pdata[i], i));
  if (self->content == NULL || self->content->items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No items"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Nothing changed since the last edition; add a note."));
      gtk_list_box_append (self->items_box, row);
    }
  self->filling = FALSE;
}

/* The index of the item whose row holds the focus, or -1. */
int
helder_edition_view_focused_item (HelderEditionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  guint index;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->items_box) || row_item (row, &index) == NULL)
    return -1;
  return (int) index;
}

/**
 * helder_edition_view_move_item:
 *
 * Moves an item, saves, and keeps the focus on it.
 *
 * Returns: whether it moved
 */
gboolean
helder_edition_view_move_item (HelderEditionView *self,
                               guint              from,
                               guint              to)
{
  GtkListBoxRow *row;
  GtkWidget *duiding;

  if (!self->editable || self->content == NULL || !helder_edition_items_move (self->content->items, from, to))
    return FALSE;
  helder_edition_view_changed (self);
  helder_edition_view_save_now (self);
  helder_edition_view_fill_items (self);
  row = gtk_list_box_get_row_at_index (self->items_box, to);
  duiding = row ? g_object_get_data (G_OBJECT (row), "duiding") : NULL;
  if (duiding != NULL)
    gtk_widget_grab_focus (duiding);
  return TRUE;
}

void
helder_edition_view_add_note (HelderEditionView *self)
{
  GtkListBoxRow *row;

  if (!self->editable || self->content == NULL)
    return;
  g_ptr_array_insert (self->content->items, 0,
                      helder_edition_item_new (HELDER_EDITION_ITEM_NOTE, NULL, NULL, NULL));
  helder_edition_view_changed (self);
  helder_edition_view_save_now (self);
  helder_edition_view_fill_items (self);
  row = gtk_list_box_get_row_at_index (self->items_box, 0);
  if (row != NULL)
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

void
helder_edition_view_save_now (HelderEditionView *self)
{
  HelderRecord *base = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *intro = NULL;
  g_auto(GStrv) readers = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (base == NULL || !self->editable || self->content == NULL)
    return;
  json = helder_edition_content_to_json (self->content);
  intro = buffer_text (gtk_text_view_get_buffer (self->intro_view));
  readers = split_list (gtk_editable_get_text (GTK_EDITABLE (self->recipients_row)));
  copy = helder_record_follower_copy (base);
  g_object_set (copy, "items", json, "intro", intro, "sent-to", readers[0] ? readers : NULL, NULL);
  if (helder_record_equal_data (copy, base))
    {
      helder_record_follower_set_edited (self->follower, FALSE);
      return;
    }
  if (!helder_record_follower_save (self->follower, copy, &error))
    helder_edition_view_show_error (self, _("Could not save the edition"), error);
}

static gboolean
save_cb (gpointer data)
{
  HelderEditionView *self = data;

  self->save_id = 0;
  helder_edition_view_save_now (self);
  return G_SOURCE_REMOVE;
}

/* Something in the open edition changed: saved shortly. */
void
helder_edition_view_changed (HelderEditionView *self)
{
  if (self->filling || self->follower == NULL || !self->editable)
    return;
  helder_record_follower_set_edited (self->follower, TRUE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}
