/* helder-conflicts-window.c: changes that need the user's decision
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-conflicts-window.h"
#include "model/helder-record-format.h"
#include "store/helder-store-sync.h"

/* One group per conflict: the fields where this computer and the server
 * differ, side by side, and keep mine / keep theirs / keep both.  A record
 * the server refused (a role may not change it) offers to undo the local
 * change. */

struct _HelderConflictsWindow
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkStack     *stack;
  GtkBox       *groups;

  /* owned */
  HelderStore  *store;
};

G_DEFINE_FINAL_TYPE (HelderConflictsWindow, helder_conflicts_window, ADW_TYPE_WINDOW)

static void reload (HelderConflictsWindow *self);

/* A field's value as the user reads it; absent, null and empty alike. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (*json_node_get_string (node) ? json_node_get_string (node) : _("(empty)"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *text = value_text (element);

          if (s->len)
            g_string_append (s, ", ");
          g_string_append (s, text);
        }
      if (s->len == 0)
        g_string_append (s, _("(empty)"));
      return g_string_free (s, FALSE);
    }
  return json_to_string (node, FALSE);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
resolve (GtkButton             *button,
         HelderConflictsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "record-id");
  HelderConflictChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));
  g_autoptr(GError) error = NULL;

  if (!helder_store_resolve_conflict (self->store, id, choice, &error))
    g_warning ("Could not resolve a conflict: %s", error->message);
  reload (self);
}

static GtkWidget *
choice_button (HelderConflictsWindow *self,
               const char            *label,
               const char            *id,
               HelderConflictChoice   choice)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "record-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  g_signal_connect (button, "clicked", G_CALLBACK (resolve), self);
  return button;
}

static GtkWidget *
conflict_group (HelderConflictsWindow *self,
                JsonObject            *conflict)
{
  const char *id = json_object_get_string_member (conflict, "id");
  GType type = helder_record_type_from_name (json_object_get_string_member (conflict, "type"));
  gboolean rejected = g_strcmp0 (json_object_get_string_member (conflict, "kind"), "rejected") == 0;
  g_autoptr(HelderRecord) mine = type ? helder_store_load (self->store, type, id, NULL) : NULL;
  g_autofree char *title = mine ? helder_record_format_title (mine) : g_strdup (id);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  JsonObject *server_data = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         !rejected ? _("This was changed here and on the server.")
                                         : g_strcmp0 (json_object_get_string_member_with_default (conflict, "reason", NULL),
                                                      "forbidden") == 0
                                           ? _("The server did not accept this change: your role may not change it.")
                                           : _("The server did not accept this change: it is too large or not valid."));

  if (json_object_has_member (conflict, "server"))
    {
      JsonObject *server = json_object_get_object_member (conflict, "server");
      server_data = json_object_get_object_member (server, "data");
    }

  if (mine != NULL && server_data != NULL)
    {
      g_autoptr(JsonObject) mine_data = helder_record_to_json_data (mine);
      guint n_fields;
      const HelderField *fields = helder_record_class_get_fields (HELDER_RECORD_GET_CLASS (mine), &n_fields);

      /* One grid for all fields, so the two versions line up in columns. */
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      int row = 1;

      gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
      gtk_widget_set_margin_start (grid, 12);
      gtk_widget_set_margin_end (grid, 12);
      gtk_widget_set_margin_top (grid, 12);
      gtk_widget_set_margin_bottom (grid, 12);
      gtk_grid_attach (GTK_GRID (grid), grid_label (_("On this computer"), "caption-heading"), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), grid_label (_("On the server"), "caption-heading"), 2, 0, 1, 1);

      for (guint i = 0; i < n_fields; i++)
        {
          JsonNode *a = json_object_get_member (mine_data, fields[i].name);
          JsonNode *b = json_object_get_member (server_data, fields[i].name);
          g_autofree char *ta = NULL, *tb = NULL;
          GtkWidget *mine_label, *theirs_label;

          ta = value_text (a);
          tb = value_text (b);
          if (g_strcmp0 (ta, tb) == 0)
            continue;
          /* "paused" reads as "gepauzeerd" */
          mine_label = grid_label (fields[i].kind == HELDER_FIELD_CHOICE ? helder_format_choice (ta) : ta, NULL);
          theirs_label = grid_label (fields[i].kind == HELDER_FIELD_CHOICE ? helder_format_choice (tb) : tb, NULL);
          gtk_label_set_selectable (GTK_LABEL (mine_label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (theirs_label), TRUE);
          gtk_widget_set_hexpand (mine_label, TRUE);
          gtk_widget_set_hexpand (theirs_label, TRUE);
          gtk_grid_attach (GTK_GRID (grid), grid_label (_(fields[i].label), "dim-label"), 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), mine_label, 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), theirs_label, 2, row, 1, 1);
          row++;
        }
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), grid);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
    }

  gtk_widget_set_margin_top (buttons, 12);
  if (!rejected)
    gtk_box_append (GTK_BOX (buttons), choice_button (self, _("Keep _Mine"), id, HELDER_KEEP_MINE));
  gtk_box_append (GTK_BOX (buttons), choice_button (self, rejected ? _("_Undo My Change") : _("Keep _Theirs"),
                                                    id, HELDER_KEEP_THEIRS));
  if (!rejected)
    gtk_box_append (GTK_BOX (buttons), choice_button (self, _("Keep _Both"), id, HELDER_KEEP_BOTH));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
  if (g_object_get_data (G_OBJECT (self), "first-choice") == NULL)
    g_object_set_data (G_OBJECT (self), "first-choice", gtk_widget_get_first_child (buttons));
  return group;
}

static void
reload (HelderConflictsWindow *self)
{
  g_autoptr(JsonArray) conflicts = helder_store_list_conflicts (self->store);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    gtk_box_append (self->groups, conflict_group (self, json_array_get_object_element (conflicts, i)));

  gtk_stack_set_visible_child_name (self->stack, json_array_get_length (conflicts) ? "list" : "empty");
  /* Start on the first choice, not in a value (focus would select it) */
  {
    GtkWidget *first = g_object_get_data (G_OBJECT (self), "first-choice");

    if (first != NULL)
      gtk_window_set_focus (GTK_WINDOW (self), first);
    g_object_set_data (G_OBJECT (self), "first-choice", NULL);
  }
}

static void
helder_conflicts_window_dispose (GObject *object)
{
  HelderConflictsWindow *self = HELDER_CONFLICTS_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_CONFLICTS_WINDOW);

  G_OBJECT_CLASS (helder_conflicts_window_parent_class)->dispose (object);
}

static void
helder_conflicts_window_class_init (HelderConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_conflicts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderConflictsWindow, groups);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
helder_conflicts_window_init (HelderConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HelderConflictsWindow *
helder_conflicts_window_new (HelderStore *store)
{
  HelderConflictsWindow *self;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);

  self = g_object_new (HELDER_TYPE_CONFLICTS_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::conflict", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
