/* helder-page.c: what the four pages of the window share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-new-record-dialog.h"
#include "helder-page.h"
#include "model/helder-record-format.h"

typedef struct
{
  HelderStore *store;
  gboolean     stale;   /* the store changed while the page was hidden */
} HelderPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HelderPage, helder_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pages read the store when they are shown: a hidden page only notes
 * that it is stale, which keeps start-up to the one visible page. */
static void
reload_or_mark_stale (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = FALSE;
      HELDER_PAGE_GET_CLASS (self)->reload (self);
    }
  else
    priv->stale = TRUE;
}

static void
helder_page_store_changed (HelderPage  *self,
                           const char  *type_name,
                           const char  *id,
                           HelderStore *store)
{
  reload_or_mark_stale (self);
}

static void
helder_page_map (GtkWidget *widget)
{
  HelderPage *self = HELDER_PAGE (widget);
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  if (priv->stale)
    {
      priv->stale = FALSE;
      HELDER_PAGE_GET_CLASS (self)->reload (self);
    }

  GTK_WIDGET_CLASS (helder_page_parent_class)->map (widget);
}

HelderStore *
helder_page_get_store (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return priv->store;
}

void
helder_page_set_store (HelderPage  *self,
                       HelderStore *store)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_if_fail (HELDER_IS_PAGE (self));
  g_return_if_fail (store == NULL || HELDER_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, helder_page_store_changed, self);
  g_set_object (&priv->store, store);
  /* Any change may flip a page between empty and filled (the example
   * data changes every type at once), and a reload is cheap. */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (helder_page_store_changed),
                             self, G_CONNECT_SWAPPED);

  /* A read-only store takes no new records: no button pretends it does. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new",
                                 store != NULL && !helder_store_is_read_only (store));
  reload_or_mark_stale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * helder_page_is_empty:
 *
 * Whether the whole store is empty: then every page offers the example
 * data next to its own first action.
 */
gboolean
helder_page_is_empty (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), TRUE);

  return priv->store == NULL || helder_store_is_empty (priv->store);
}

/* Rows are two ellipsized labels, not an AdwActionRow with wrapping
 * labels: a page shows dozens of them, and the lighter widget tree and
 * single-line measuring keep start-up within budget.  The full texts are
 * the row's accessible label and description. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HelderRecord *record = item;
  GDate *today = g_object_get_data (user_data, "today");
  g_autofree char *title = helder_record_format_title (record);
  g_autofree char *subtitle = helder_record_format_subtitle (record, today);
  GtkWidget *row, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (box, "record-row");

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "title");
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL && *subtitle != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "subtitle");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), GPOINTER_TO_INT (g_object_get_data (user_data, "activatable")));
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static GDate *
today_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static guint
bind_list (HelderPage *self,
           GtkListBox *list_box,
           GType       type)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (priv->store != NULL)
    {
      model = helder_store_list (priv->store, type, &error);
      if (model == NULL)
        g_warning ("Could not list %s: %s", g_type_name (type), error->message);
    }
  g_object_set_data_full (G_OBJECT (list_box), "today", today_new (), (GDestroyNotify) g_date_free);
  g_object_set_data (G_OBJECT (list_box), "activatable",
                     GINT_TO_POINTER (HELDER_PAGE_GET_CLASS (self)->open_record != NULL &&
                                      (HELDER_PAGE_GET_CLASS (self)->can_open == NULL ||
                                       HELDER_PAGE_GET_CLASS (self)->can_open (self, type))));

  gtk_list_box_bind_model (list_box, model, create_row, list_box, NULL);
  return model ? g_list_model_get_n_items (model) : 0;
}

typedef struct
{
  const char *name;
  GType       type;
} ListBinding;

/**
 * helder_page_class_set_template:
 *
 * Sets the page's template, which must have a GtkStack "stack" with the
 * pages "empty" and "content", and an "example_button".
 */
void
helder_page_class_set_template (HelderPageClass *klass,
                                const char      *resource)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "example_button", FALSE, 0);
}

/**
 * helder_page_class_bind_list:
 * @list_box_name: a GtkListBox of the page's template
 *
 * Shows the records of @type in that list, one row each.  A page whose
 * lists are all empty shows its template's "empty" stack page instead of
 * "content", with the example data button while the whole store is empty.
 */
void
helder_page_class_bind_list (HelderPageClass *klass,
                             const char      *list_box_name,
                             GType            type)
{
  ListBinding binding = { g_intern_string (list_box_name), type };

  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  if (klass->lists == NULL)
    klass->lists = g_array_new (FALSE, FALSE, sizeof (ListBinding));
  g_array_append_val (klass->lists, binding);
  gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), list_box_name, FALSE, 0);
}

static GObject *
template_child (HelderPage *self,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), name);
}

static void
new_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderPage *self = HELDER_PAGE (widget);
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  HelderNewRecordDialog *dialog;

  if (priv->store == NULL || klass->new_item_type == G_TYPE_INVALID)
    return;

  dialog = helder_new_record_dialog_new (priv->store, klass->new_item_type,
                                         _(klass->new_item_title));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_application (GTK_WINDOW (dialog),
                              gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (widget))));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
helder_page_class_set_new_item (HelderPageClass *klass,
                                GType            type,
                                const char      *dialog_title)
{
  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  klass->new_item_type = type;
  klass->new_item_title = g_strdup (dialog_title);
}

static void
helder_page_dispose (GObject *object)
{
  HelderPage *self = HELDER_PAGE (object);
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, helder_page_store_changed, self);
  g_clear_object (&priv->store);

  /* Every page's stack is both the bin's child and a template child: let
   * the bin drop it first, or the template would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  G_OBJECT_CLASS (helder_page_parent_class)->dispose (object);
}

static void
helder_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HelderPage *self = HELDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, helder_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HelderPage *self = HELDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      helder_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
row_activated (HelderPage    *self,
               GtkListBoxRow *row)
{
  HelderRecord *record = g_object_get_data (G_OBJECT (row), "record");

  if (record != NULL && gtk_list_box_row_get_activatable (row))
    HELDER_PAGE_GET_CLASS (self)->open_record (self, record);
}

static void
helder_page_real_reload (HelderPage *self)
{
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);
  GtkStack *stack = GTK_STACK (template_child (self, "stack"));
  GtkWidget *example_button = GTK_WIDGET (template_child (self, "example_button"));
  guint n_records = 0;

  for (guint i = 0; klass->lists != NULL && i < klass->lists->len; i++)
    {
      ListBinding *binding = &g_array_index (klass->lists, ListBinding, i);
      GtkListBox *list_box = GTK_LIST_BOX (template_child (self, binding->name));

      n_records += bind_list (self, list_box, binding->type);
      if (klass->open_record != NULL && g_object_get_data (G_OBJECT (list_box), "row-activated") == NULL)
        {
          g_signal_connect_object (list_box, "row-activated", G_CALLBACK (row_activated), self, G_CONNECT_SWAPPED);
          g_object_set_data (G_OBJECT (list_box), "row-activated", GINT_TO_POINTER (TRUE));
        }
    }

  /* A page showing one record (the editor) stays on it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "content") == 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0)
    gtk_stack_set_visible_child_name (stack, n_records > 0 ? "content" : "empty");
  gtk_widget_set_visible (example_button, helder_page_is_empty (self));
}

static void
helder_page_class_init (HelderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_page_dispose;
  object_class->get_property = helder_page_get_property;
  object_class->set_property = helder_page_set_property;

  widget_class->map = helder_page_map;

  klass->reload = helder_page_real_reload;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HELDER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_item_activated);
}

static void
helder_page_init (HelderPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", FALSE);
}
