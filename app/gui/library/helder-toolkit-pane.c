/* helder-toolkit-pane.c: the toolkits that fit the work beside them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-toolkit-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-library-page.h"
#include "helder-markdown-view.h"
#include "helder-toolkit-pane.h"
#include "helder-window.h"
#include "channels/helder-channel-choice.h"
#include "model/helder-record-format.h"
#include "store/helder-record-list.h"

/* Bibliotheek in context (issue 15, item 5): beside a text in Schrijven
 * (or a message, or a channel), the toolkit documents tagged with its
 * channels or its kind of text, to read right there or open in the
 * library.  A toolkit fits when its channels (ids or names), its kinds of
 * text or its tags name one of them.  The pane follows the live list of
 * toolkits, so a document added elsewhere shows up. */

struct _HelderToolkitPane
{
  AdwBin             parent_instance;

  /* template widgets */
  GtkStack          *stack;
  GtkLabel          *context_label;
  GtkListBox        *list;
  GtkLabel          *title_label;
  HelderMarkdownView *view;

  /* owned */
  HelderService     *service;
  HelderRecordList  *toolkits;
  GPtrArray         *keys;       /* folded channel ids and names, and the kind */
  char              *kind;
  GStrv              channel_names;
  GPtrArray         *shown;      /* HelderRecord per row */
  HelderRecord      *open;
};

G_DEFINE_FINAL_TYPE (HelderToolkitPane, helder_toolkit_pane, ADW_TYPE_BIN)

static gboolean
has_key (HelderToolkitPane  *self,
         const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (values[i], -1);

      if (g_ptr_array_find_with_equal_func (self->keys, folded, g_str_equal, NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
fits (HelderToolkitPane *self,
      HelderRecord      *toolkit)
{
  return has_key (self, helder_record_get_list (toolkit, "channels")) ||
         has_key (self, helder_record_get_list (toolkit, "document_kinds")) ||
         has_key (self, helder_record_get_list (toolkit, "tags"));
}

static GtkWidget *
toolkit_row (HelderRecord *toolkit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (helder_record_get_title (toolkit));
  const char *summary = helder_record_get_text (toolkit, "summary");
  const char *category = helder_record_get_text (toolkit, "category");

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  if ((summary != NULL && *summary != '\0') || category != NULL)
    {
      g_autofree char *text = summary != NULL && *summary != '\0' && category != NULL
                            ? g_strdup_printf ("%s · %s", helder_format_choice (category), summary)
                            : g_strdup (summary != NULL && *summary != '\0' ? summary : helder_format_choice (category));
      GtkWidget *sub = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_lines (GTK_LABEL (sub), 2);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  helder_record_get_title (toolkit), -1);
  return row;
}

static void
update_context_label (HelderToolkitPane *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; self->channel_names != NULL && self->channel_names[i] != NULL; i++)
    g_ptr_array_add (parts, self->channel_names[i]);
  if (self->kind != NULL)
    g_ptr_array_add (parts, (gpointer) helder_format_choice (self->kind));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: the channels and kind of text the listed toolkits fit */
  text = parts->len > 1 ? g_strdup_printf (_("For %s"), joined)
                        : g_strdup (_("Choose a channel or a kind of text to see the toolkits that go with it."));
  gtk_label_set_text (self->context_label, text);
}

static void
rebuild (HelderToolkitPane *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->shown, 0);
  update_context_label (self);
  if (self->toolkits == NULL || self->keys->len == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->toolkits));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) toolkit = g_list_model_get_item (G_LIST_MODEL (self->toolkits), i);

      if (!fits (self, toolkit))
        continue;
      gtk_list_box_append (self->list, toolkit_row (toolkit));
      g_ptr_array_add (self->shown, g_object_ref (toolkit));
    }
}

void
helder_toolkit_pane_set_service (HelderToolkitPane *self,
                                 HelderService     *service)
{
  g_return_if_fail (HELDER_IS_TOOLKIT_PANE (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  if (self->toolkits != NULL)
    g_signal_handlers_disconnect_by_func (self->toolkits, rebuild, self);
  g_clear_object (&self->toolkits);
  g_set_object (&self->service, service);
  if (service != NULL)
    {
      self->toolkits = helder_service_list (service, HELDER_TYPE_TOOLKIT);
      g_signal_connect_object (self->toolkits, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

static void
add_key (HelderToolkitPane *self,
         const char        *value)
{
  char *folded;

  if (value == NULL || *value == '\0')
    return;
  folded = g_utf8_casefold (value, -1);
  if (g_ptr_array_find_with_equal_func (self->keys, folded, g_str_equal, NULL))
    g_free (folded);
  else
    g_ptr_array_add (self->keys, folded);
}

/**
 * helder_toolkit_pane_set_context:
 * @channels: (nullable): the work's channels, by id or name
 * @document_kind: (nullable): its kind of text, such as "nieuwsbericht"
 *
 * Lists the toolkits that fit.
 */
void
helder_toolkit_pane_set_context (HelderToolkitPane  *self,
                                 const char * const *channels,
                                 const char         *document_kind)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_if_fail (HELDER_IS_TOOLKIT_PANE (self));

  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    {
      g_autoptr(HelderRecord) channel = NULL;

      if (*channels[i] == '\0')
        continue;
      /* A channel's id also brings its name, which tags use */
      if (self->service != NULL)
        channel = helder_service_load (self->service, HELDER_TYPE_CHANNEL, channels[i]);
      add_key (self, channels[i]);
      if (channel != NULL)
        {
          add_key (self, helder_record_get_text (channel, "name"));
          g_strv_builder_add (names, helder_record_get_text (channel, "name"));
        }
      else
        g_strv_builder_add (names, channels[i]);
    }
  g_free (self->kind);
  self->kind = document_kind != NULL && *document_kind != '\0' ? g_strdup (document_kind) : NULL;
  add_key (self, self->kind);
  g_strfreev (self->channel_names);
  self->channel_names = g_strv_builder_end (names);
  gtk_stack_set_visible_child_name (self->stack, "list");
  rebuild (self);
}

/**
 * helder_toolkit_pane_set_record:
 * @record: (nullable): the work beside the pane: a Schrijven document
 *   (its channel and kind), a planner message (its chosen channels) or a
 *   channel
 *
 * Lists the toolkits that fit @record: one call for every embedder.
 */
void
helder_toolkit_pane_set_record (HelderToolkitPane *self,
                                HelderRecord      *record)
{
  g_return_if_fail (HELDER_IS_TOOLKIT_PANE (self));
  g_return_if_fail (record == NULL || HELDER_IS_RECORD (record));

  if (HELDER_IS_DOCUMENT (record))
    {
      const char *channels[] = { helder_record_get_text (record, "channel"), NULL };

      helder_toolkit_pane_set_context (self, channels, helder_record_get_text (record, "kind"));
    }
  else if (HELDER_IS_MESSAGE (record))
    {
      g_autoptr(HelderChannelChoice) choice = helder_channel_choice_parse (helder_record_get_text (record, "channels"));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) channels = NULL;

      for (guint i = 0; choice != NULL && i < choice->entries->len; i++)
        g_strv_builder_add (builder, ((HelderChannelChoiceEntry *) choice->entries->pdata[i])->channel);
      channels = g_strv_builder_end (builder);
      helder_toolkit_pane_set_context (self, (const char * const *) channels, NULL);
    }
  else if (HELDER_IS_CHANNEL (record))
    {
      const char *channels[] = { helder_record_get_id (record), NULL };

      helder_toolkit_pane_set_context (self, channels, NULL);
    }
  else
    helder_toolkit_pane_set_context (self, NULL, NULL);
}

guint
helder_toolkit_pane_get_n_toolkits (HelderToolkitPane *self)
{
  g_return_val_if_fail (HELDER_IS_TOOLKIT_PANE (self), 0);

  return self->shown->len;
}

/**
 * helder_toolkit_pane_show_toolkit:
 *
 * Shows the toolkit in row @index to read, in the pane.
 */
void
helder_toolkit_pane_show_toolkit (HelderToolkitPane *self,
                                  guint              index)
{
  HelderRecord *toolkit;

  g_return_if_fail (HELDER_IS_TOOLKIT_PANE (self));
  g_return_if_fail (index < self->shown->len);

  toolkit = self->shown->pdata[index];
  g_set_object (&self->open, toolkit);
  gtk_label_set_text (self->title_label, helder_record_get_title (toolkit));
  helder_markdown_view_set_markdown (self->view, helder_record_get_text (toolkit, "body"));
  gtk_stack_set_visible_child_name (self->stack, "toolkit");
}

static void
on_row_activated (HelderToolkitPane *self,
                  GtkListBoxRow     *row)
{
  helder_toolkit_pane_show_toolkit (self, gtk_list_box_row_get_index (row));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_stack_set_visible_child_name (HELDER_TOOLKIT_PANE (widget)->stack, "list");
}

/* In the window's Bibliotheek, with its versions, review and trainings */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderToolkitPane *self = HELDER_TOOLKIT_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HelderPage *page;

  if (self->open == NULL || !HELDER_IS_WINDOW (root) ||
      (page = helder_window_ensure_page (HELDER_WINDOW (root), "library")) == NULL)
    return;
  helder_window_set_page (HELDER_WINDOW (root), "library");
  helder_library_page_open (HELDER_LIBRARY_PAGE (page), self->open);
}

static void
helder_toolkit_pane_dispose (GObject *object)
{
  HelderToolkitPane *self = HELDER_TOOLKIT_PANE (object);

  helder_toolkit_pane_set_service (self, NULL);
  g_clear_object (&self->open);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_TOOLKIT_PANE);

  G_OBJECT_CLASS (helder_toolkit_pane_parent_class)->dispose (object);
}

static void
helder_toolkit_pane_finalize (GObject *object)
{
  HelderToolkitPane *self = HELDER_TOOLKIT_PANE (object);

  g_ptr_array_unref (self->keys);
  g_free (self->kind);
  g_strfreev (self->channel_names);

  G_OBJECT_CLASS (helder_toolkit_pane_parent_class)->finalize (object);
}

static void
helder_toolkit_pane_class_init (HelderToolkitPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_toolkit_pane_dispose;
  object_class->finalize = helder_toolkit_pane_finalize;

  g_type_ensure (HELDER_TYPE_MARKDOWN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/hltsamen/Helder/ui/helder-library-toolkit-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderToolkitPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderToolkitPane, context_label);
  gtk_widget_class_bind_template_child (widget_class, HelderToolkitPane, list);
  gtk_widget_class_bind_template_child (widget_class, HelderToolkitPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, HelderToolkitPane, view);

  gtk_widget_class_install_action (widget_class, "toolkit-pane.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "toolkit-pane.open", NULL, open_activated);
}

static void
helder_toolkit_pane_init (HelderToolkitPane *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  update_context_label (self);
}

GtkWidget *
helder_toolkit_pane_new (void)
{
  return g_object_new (HELDER_TYPE_TOOLKIT_PANE, NULL);
}
