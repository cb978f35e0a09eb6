/* helder-edition-view-add.c: "Add Item": any message, works, topic, signal or council meeting into the edition
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-edition-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "helder-edition-view-private.h"
#include "plan/helder-plan-works.h"

/* The pre-fill picks what changed; the advisor may want something else
 * as well.  The popover searches the view's live source lists (made when
 * the view was shown, so opening it reads nothing from the store) and
 * lists the matches grouped by kind, a few per kind, leaving out what
 * the edition holds already. */

#define PER_KIND 8

typedef struct
{
  HelderEditionItemKind  kind;
  const char            *heading;
  const char            *date_field;
} Source;

/* in the order of self->sources */
static const Source source_kinds[] = {
  { HELDER_EDITION_ITEM_TOPIC, N_("Topics"), NULL },
  { HELDER_EDITION_ITEM_SIGNAL, N_("Signals"), "date" },
  { HELDER_EDITION_ITEM_MESSAGE, N_("Messages"), "window_start" },
  { HELDER_EDITION_ITEM_WORKS, N_("Works"), "start_date" },
  { HELDER_EDITION_ITEM_MEETING, N_("Council Meetings"), "starts_at" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (source_kinds) == G_N_ELEMENTS (((HelderEditionView *) NULL)->sources));

/* The item's title as the pre-fill writes it: a signal has none of its
 * own, so its topic and channel stand for it and its text is the change. */
static char *
record_title (HelderEditionView *self,
              const Source      *source,
              HelderRecord      *record)
{
  HelderRecord *topic;
  const char *channel;

  if (source->kind != HELDER_EDITION_ITEM_SIGNAL)
    return g_strdup (helder_record_get_title (record));
  topic = self->sources[0] && helder_record_get_text (record, "topic")
          ? helder_record_list_lookup (self->sources[0], helder_record_get_text (record, "topic"), NULL) : NULL;
  channel = helder_record_get_text (record, "channel");
  if (topic != NULL && channel != NULL)
    return g_strdup_printf ("%s · %s", helder_record_get_title (topic), channel);
  return g_strdup (topic ? helder_record_get_title (topic) : channel ? channel : _("Signal"));
}

static const char *
record_change (const Source *source,
               HelderRecord *record)
{
  return source->kind == HELDER_EDITION_ITEM_SIGNAL ? helder_record_get_text (record, "text") : NULL;
}

static gboolean
matches (const char *text,
         const char *wanted)
{
  g_autofree char *folded = NULL;

  if (*wanted == '\0')
    return TRUE;
  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, wanted) != NULL;
}

static gboolean
in_edition (HelderEditionView     *self,
            HelderEditionItemKind  kind,
            const char            *id)
{
  for (guint i = 0; self->content != NULL && i < self->content->items->len; i++)
    {
      HelderEditionItem *item = self->content->items->pdata[i];

      /* an approval waiting is the message itself */
      if (g_strcmp0 (item->ref, id) == 0 &&
          (item->kind == kind || (kind == HELDER_EDITION_ITEM_MESSAGE && item->kind == HELDER_EDITION_ITEM_APPROVAL)))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
candidate_row (const Source *source,
               HelderRecord *record,
               const char   *title)
{
  const char *date = source->date_field ? helder_record_get_text (record, source->date_field) : NULL;
  const char *change = record_change (source, record);
  g_autofree char *day = date ? helder_works_format_day (date) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *sub = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title ? title : _("Untitled"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  sub = day && change ? g_strdup_printf ("%s · %s", day, change) : g_strdup (day ? day : change);
  if (sub != NULL)
    {
      GtkWidget *detail = gtk_label_new (sub);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (box), detail);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (day != NULL)
    /* Translators: an item that can be added: its kind, its title, its day */
    name = g_strdup_printf (_("%s: %s, %s"), helder_edition_item_kind_label (source->kind),
                            title ? title : _("Untitled"), day);
  else
    /* Translators: an item that can be added: its kind and its title */
    name = g_strdup_printf (_("%s: %s"), helder_edition_item_kind_label (source->kind), title ? title : _("Untitled"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (row), "source", (gpointer) source);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  return row;
}

static GtkWidget *
heading_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
fill_candidates (HelderEditionView *self)
{
  g_autofree char *wanted = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->add_search)), -1);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->add_list))) != NULL)
    gtk_list_box_remove (self->add_list, child);
  g_strstrip (wanted);
  for (guint s = 0; s < G_N_ELEMENTS (source_kinds); s++)
    {
      GListModel *list = G_LIST_MODEL (self->sources[s]);
      guint n = list ? g_list_model_get_n_items (list) : 0, found = 0;

      for (guint i = 0; i < n && found < PER_KIND; i++)
        {
          g_autoptr(HelderRecord) record = g_list_model_get_item (list, i);
          g_autofree char *title = record_title (self, &source_kinds[s], record);

          if (title == NULL || in_edition (self, source_kinds[s].kind, helder_record_get_id (record)) ||
              !(matches (title, wanted) || matches (record_change (&source_kinds[s], record), wanted)))
            continue;
          if (found++ == 0)
            gtk_list_box_append (self->add_list, heading_row (_(source_kinds[s].heading)));
          gtk_list_box_append (self->add_list, candidate_row (&source_kinds[s], record, title));
          shown++;
        }
    }
  if (shown == 0)
    gtk_list_box_append (self->add_list, heading_row (_("Nothing found")));
}

/**
 * helder_edition_view_add_record:
 * @kind: what the item is
 * @record: the message, works, topic, signal or meeting
 *
 * Adds @record to the end of the open edition, saves at once and puts
 * the focus on its duiding.
 *
 * Returns: whether it was added
 */
gboolean
helder_edition_view_add_record (HelderEditionView     *self,
                                HelderEditionItemKind  kind,
                                HelderRecord          *record)
{
  const Source *source = NULL;
  g_autofree char *title = NULL;
  HelderEditionItem *item;
  const char *date;
  GtkListBoxRow *row;
  GtkWidget *duiding;

  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);

  for (guint s = 0; s < G_N_ELEMENTS (source_kinds); s++)
    if (source_kinds[s].kind == kind)
      source = &source_kinds[s];
  if (source == NULL || !self->editable || self->content == NULL ||
      in_edition (self, kind, helder_record_get_id (record)))
    return FALSE;
  title = record_title (self, source, record);
  item = helder_edition_item_new (kind, helder_record_get_id (record), title, record_change (source, record));
  date = source->date_field ? helder_record_get_text (record, source->date_field) : NULL;
  item->date = date ? g_strndup (date, 10) : NULL;
  g_ptr_array_add (self->content->items, item);
  helder_edition_view_changed (self);
  helder_edition_view_save_now (self);
  helder_edition_view_fill_items (self);
  row = gtk_list_box_get_row_at_index (self->items_box, self->content->items->len - 1);
  duiding = row ? g_object_get_data (G_OBJECT (row), "duiding") : NULL;
  if (duiding != NULL)
    gtk_widget_grab_focus (duiding);
  return TRUE;
}

static void
add_row_activated (HelderEditionView *self,
                   GtkListBoxRow     *row)
{
  const Source *source = g_object_get_data (G_OBJECT (row), "source");
  HelderRecord *record = g_object_get_data (G_OBJECT (row), "record");

  if (source == NULL || record == NULL)
    return;
  gtk_popover_popdown (self->add_popover);
  helder_edition_view_add_record (self, source->kind, record);
}

/* The first row that is an item, not a heading; the list as the search
 * says now (the search's "search-changed" comes a moment after a key). */
static GtkWidget *
first_match (HelderEditionView *self)
{
  fill_candidates (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->add_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "record") != NULL)
      return row;
  return NULL;
}

/* Enter in the search adds the first match. */
static void
add_search_activated (HelderEditionView *self)
{
  GtkWidget *row = first_match (self);

  if (row != NULL)
    add_row_activated (self, GTK_LIST_BOX_ROW (row));
}

/* Down in the search goes to the first match; Up and Down move on in
 * the list, and Enter there adds. */
static gboolean
add_search_down (GtkWidget *entry,
                 GVariant  *arguments,
                 gpointer   data)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (data);
  GtkWidget *row = first_match (self);

  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->add_list, GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  return TRUE;
}

/* Called from the view's init, once the template is made. */
void
helder_edition_view_add_init (HelderEditionView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Down, GDK_KEY_KP_Down };

  /* before the entry's own keys */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                                            gtk_callback_action_new (add_search_down, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->add_search), shortcuts);
}

static void
add_search_changed (HelderEditionView *self)
{
  fill_candidates (self);
}

static void
add_popover_shown (HelderEditionView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_search), "");
  fill_candidates (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_search));
}

static void
add_item (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);

  if (self->editable && self->content != NULL)
    gtk_menu_button_popup (self->add_item_button);
}

/* Whether an item can be added now: an open draft the role may edit. */
void
helder_edition_view_add_update (HelderEditionView *self,
                                gboolean           enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.add-item", enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_item_button), enabled);
  if (!enabled)
    gtk_popover_popdown (self->add_popover);
}

void
helder_edition_view_add_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, add_item_button);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, add_popover);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, add_search);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, add_list);
  gtk_widget_class_bind_template_callback (widget_class, add_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, add_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, add_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_popover_shown);
  gtk_widget_class_install_action (widget_class, "edition.add-item", NULL, add_item);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "edition.add-item", NULL);
}
