/* helder-library-page.c: instructions, toolkits, templates and trainings for all staff
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-library-page.h"
#include "helder-library-page-private.h"
#include "helder-library-reader.h"
#include "helder-application.h"
#include "helder-record-list-view.h"
#include "model/helder-record-format.h"

/* Bibliotheek: the search entry and the filters over the results, the
 * reading view beside them; "Te beoordelen" and "Trainingen" as views of
 * their own.  The page is a thin view over the library service (and its
 * search index); it is made when first shown, and so is the index. */

G_DEFINE_FINAL_TYPE (HelderLibraryPage, helder_library_page, HELDER_TYPE_PAGE)

/* The base page binds these two */
static AdwViewStack *
all_views (HelderLibraryPage *self)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_PAGE, "views"));
}

static GtkWidget *
toolkits_view (HelderLibraryPage *self)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_PAGE, "toolkits_list"));
}

static GtkStack *
main_stack (HelderLibraryPage *self)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_PAGE, "stack"));
}

static const char *categories[] = { "instructie", "toolkit", "advies", "training", "sjabloon" };

HelderLibraryService *
helder_library_page_get_library (HelderLibraryPage *self)
{
  return HELDER_LIBRARY_SERVICE (helder_page_get_service (HELDER_PAGE (self)));
}

char *
helder_library_page_user_name (HelderLibraryPage *self,
                               const char        *login)
{
  return helder_library_user_name (helder_page_get_service (HELDER_PAGE (self)), login);
}

/* Filters */

static gboolean
toolkit_passes (gpointer item,
                gpointer user_data)
{
  HelderLibraryPage *self = user_data;

  return helder_library_page_passes_filters (self, HELDER_RECORD (item));
}

gboolean
helder_library_page_passes_filters (HelderLibraryPage *self,
                                    HelderRecord      *toolkit)
{
  const char *category = helder_record_get_text (toolkit, "category");
  const char *owner = helder_record_get_text (toolkit, "owner");
  const char * const *tags = helder_record_get_list (toolkit, "tags");

  if (self->categories->len > 0 &&
      !g_ptr_array_find_with_equal_func (self->categories, category != NULL ? category : "", g_str_equal, NULL))
    return FALSE;
  if (self->tag != NULL && (tags == NULL || !g_strv_contains (tags, self->tag)))
    return FALSE;
  if (self->owner != NULL && g_strcmp0 (owner, self->owner) != 0)
    return FALSE;
  return TRUE;
}

gboolean
helder_library_page_has_filters (HelderLibraryPage *self)
{
  return self->categories->len > 0 || self->tag != NULL || self->owner != NULL;
}

static void
update_count (HelderLibraryPage *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (self->filtered == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (helder_library_page_has_filters (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
  gtk_label_set_text (self->count_label, text != NULL ? text : "");
}

void
helder_library_page_filters_changed (HelderLibraryPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_menu_button_set_label (self->tag_button, self->tag != NULL ? self->tag : _("Tag"));
  if (self->owner != NULL)
    {
      g_autofree char *name = helder_library_page_user_name (self, self->owner);

      gtk_menu_button_set_label (self->owner_button, name);
    }
  else
    gtk_menu_button_set_label (self->owner_button, _("Owner"));
  update_count (self);
  helder_library_page_search (self);
}

static void
on_category_toggled (HelderLibraryPage *self,
                     GtkToggleButton   *button)
{
  const char *category = g_object_get_data (G_OBJECT (button), "category");
  guint index;

  if (gtk_toggle_button_get_active (button))
    {
      if (!g_ptr_array_find_with_equal_func (self->categories, category, g_str_equal, NULL))
        g_ptr_array_add (self->categories, (gpointer) category);
    }
  else if (g_ptr_array_find_with_equal_func (self->categories, category, g_str_equal, &index))
    g_ptr_array_remove_index (self->categories, index);
  helder_library_page_filters_changed (self);
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The tag and owner menus list what the documents have, when opened. */
static GMenuModel *
values_menu (HelderLibraryPage *self,
             const char        *field,
             const char        *action,
             const char        *all_label)
{
  HelderRecordList *list = helder_page_get_list (HELDER_PAGE (self), "toolkits_list");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *all_action = g_strdup_printf ("%s::", action);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (field, "tags"))
        {
          const char * const *tags = helder_record_get_list (record, "tags");

          for (guint k = 0; tags != NULL && tags[k] != NULL; k++)
            if (g_hash_table_add (seen, (gpointer) tags[k]))
              g_ptr_array_add (values, (gpointer) tags[k]);
        }
      else
        {
          const char *value = helder_record_get_text (record, field);

          if (value != NULL && *value != '\0' && g_hash_table_add (seen, (gpointer) value))
            g_ptr_array_add (values, (gpointer) value);
        }
    }
  g_ptr_array_sort (values, compare_values);

  g_menu_append (menu, all_label, all_action);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *label = g_str_equal (field, "owner") ? helder_library_page_user_name (self, values->pdata[i])
                                                            : g_strdup (values->pdata[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (values->pdata[i]));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

/* GTK 4.8's menu button has no "active" to fill its menu when it opens:
 * the menus follow the documents instead (a few dozen, cheap). */
void
helder_library_page_update_menus (HelderLibraryPage *self)
{
  g_autoptr(GMenuModel) tags = values_menu (self, "tags", "library.tag", _("All Tags"));
  g_autoptr(GMenuModel) owners = values_menu (self, "owner", "library.owner", _("All Owners"));

  gtk_menu_button_set_menu_model (self->tag_button, tags);
  gtk_menu_button_set_menu_model (self->owner_button, owners);
}

static void
tag_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (widget);
  const char *value = g_variant_get_string (parameter, NULL);

  g_free (self->tag);
  self->tag = *value != '\0' ? g_strdup (value) : NULL;
  helder_library_page_filters_changed (self);
}

static void
owner_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (widget);
  const char *value = g_variant_get_string (parameter, NULL);

  g_free (self->owner);
  self->owner = *value != '\0' ? g_strdup (value) : NULL;
  helder_library_page_filters_changed (self);
}

GtkWidget *
helder_library_page_get_reader (HelderLibraryPage *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_PAGE (self), NULL);

  return GTK_WIDGET (self->reader);
}

/* Opening */

void
helder_library_page_open_toolkit (HelderLibraryPage *self,
                                  HelderRecord      *toolkit)
{
  adw_view_stack_set_visible_child_name (all_views (self), "documents");
  helder_library_reader_set_toolkit (self->reader, toolkit);
  helder_library_page_show_matches (self);
}

/**
 * helder_library_page_open:
 * @toolkit: a toolkit document
 *
 * Shows @toolkit in the reading view (from a side pane elsewhere).
 */
void
helder_library_page_open (HelderLibraryPage *self,
                          HelderRecord      *toolkit)
{
  g_return_if_fail (HELDER_IS_LIBRARY_PAGE (self));
  g_return_if_fail (HELDER_IS_TOOLKIT (toolkit));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (main_stack (self)), "editor") == 0)
    return;
  helder_library_page_open_toolkit (self, toolkit);
}

static void
helder_library_page_open_record (HelderPage   *page,
                                 HelderRecord *record)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (page);

  if (HELDER_IS_TOOLKIT (record))
    helder_library_page_open_toolkit (self, record);
  else if (HELDER_IS_TRAINING (record))
    helder_library_page_open_training (self, record);
}

static gboolean
helder_library_page_can_open (HelderPage *page,
                              GType       type)
{
  return type == HELDER_TYPE_TOOLKIT || type == HELDER_TYPE_TRAINING;
}

/* The filters work on the live list too, before the index is open. */
static void
helder_library_page_map (GtkWidget *widget)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (widget);
  HelderRecordListView *view = HELDER_RECORD_LIST_VIEW (toolkits_view (self));
  GListModel *model;

  GTK_WIDGET_CLASS (helder_library_page_parent_class)->map (widget);

  model = helder_record_list_view_get_model (view);
  if (model != NULL && model != G_LIST_MODEL (self->filtered))
    {
      g_clear_object (&self->filtered);
      self->filtered = gtk_filter_list_model_new (g_object_ref (model), g_object_ref (GTK_FILTER (self->filter)));
      g_signal_connect_object (self->filtered, "notify::n-items", G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      helder_record_list_view_set_model (view, G_LIST_MODEL (self->filtered));
      g_signal_connect_object (model, "items-changed", G_CALLBACK (helder_library_page_update_menus), self,
                               G_CONNECT_SWAPPED);
      helder_library_page_update_menus (self);
    }
  helder_library_page_ensure_index (self);
}

/* The plain-language check is Schrijven's: the editor service of the
 * window's application has the analyser (loaded on first use). */
static HelderEditorService *
checks_service (HelderLibraryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (!HELDER_IS_APPLICATION (app))
    return NULL;
  return HELDER_EDITOR_SERVICE (helder_application_get_service (HELDER_APPLICATION (app),
                                                                HELDER_TYPE_EDITOR_SERVICE));
}

/**
 * helder_library_page_edit:
 *
 * Opens "Bewerken" for @toolkit, for the roles that may edit.
 */
void
helder_library_page_edit (HelderLibraryPage *self,
                          HelderRecord      *toolkit)
{
  HelderLibraryService *service = helder_library_page_get_library (self);

  if (service == NULL || !helder_library_service_may_edit (service))
    return;
  helder_library_editor_open (self->editor, service, checks_service (self), toolkit);
  gtk_stack_set_visible_child_name (main_stack (self), "editor");
}

static void
on_edit (HelderLibraryPage *self)
{
  HelderRecord *toolkit = helder_library_reader_get_toolkit (self->reader);

  if (toolkit != NULL)
    helder_library_page_edit (self, toolkit);
}

static void
on_editor_closed (HelderLibraryPage *self,
                  HelderRecord      *toolkit)
{
  g_autoptr(HelderRecord) stored = helder_service_load (helder_page_get_service (HELDER_PAGE (self)),
                                                        HELDER_TYPE_TOOLKIT, helder_record_get_id (toolkit));

  gtk_stack_set_visible_child_name (main_stack (self), "content");
  /* Deleted elsewhere meanwhile: nothing to read */
  helder_library_page_open_toolkit (self, stored != NULL && !helder_record_get_deleted (stored) ? stored : NULL);
}

static void
on_service_changed (HelderLibraryPage *self)
{
  helder_library_reader_set_service (self->reader, helder_library_page_get_library (self));
  g_clear_object (&self->filtered);
  helder_library_page_views_service_changed (self);
}


static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (widget);

  adw_view_stack_set_visible_child_name (all_views (self), "documents");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
helder_library_page_dispose (GObject *object)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (object);

  helder_library_page_dispose_search (self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (helder_library_page_parent_class)->dispose (object);
}

static void
helder_library_page_finalize (GObject *object)
{
  HelderLibraryPage *self = HELDER_LIBRARY_PAGE (object);

  g_ptr_array_unref (self->categories);
  g_free (self->tag);
  g_free (self->owner);

  G_OBJECT_CLASS (helder_library_page_parent_class)->finalize (object);
}

static void
helder_library_page_class_init (HelderLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  object_class->dispose = helder_library_page_dispose;
  object_class->finalize = helder_library_page_finalize;
  widget_class->map = helder_library_page_map;
  page_class->open_record = helder_library_page_open_record;
  page_class->can_open = helder_library_page_can_open;

  g_type_ensure (HELDER_TYPE_LIBRARY_READER);
  g_type_ensure (HELDER_TYPE_LIBRARY_EDITOR);
  g_type_ensure (HELDER_TYPE_TRAINING_PANE);
  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-library-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "toolkits_list", HELDER_TYPE_TOOLKIT);
  helder_page_class_bind_list (page_class, "trainings_list", HELDER_TYPE_TRAINING);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_TOOLKIT, N_("New Toolkit Document"));

  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, category_box);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, tag_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, owner_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, reader);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, editor);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, review_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryPage, training_pane);

  gtk_widget_class_install_action (widget_class, "library.tag", "s", tag_activated);
  gtk_widget_class_install_action (widget_class, "library.owner", "s", owner_activated);
  gtk_widget_class_install_action (widget_class, "library.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "library.find", NULL);

  helder_library_page_class_init_search (widget_class);
}

static void
helder_library_page_init (HelderLibraryPage *self)
{
  self->categories = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (toolkit_passes, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (helder_format_choice (categories[i]));

      g_object_set_data (G_OBJECT (toggle), "category", (gpointer) categories[i]);
      gtk_widget_set_tooltip_text (toggle, _("Show only documents of this category"));
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_category_toggled), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->category_box, toggle);
    }

  g_signal_connect (self, "notify::service", G_CALLBACK (on_service_changed), NULL);
  g_signal_connect_object (self->reader, "edit", G_CALLBACK (on_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_editor_closed), self, G_CONNECT_SWAPPED);
  helder_library_page_init_search (self);
  helder_library_page_init_views (self);
}
