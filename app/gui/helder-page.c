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
#include "helder-record-list-view.h"

/* A page is a thin view over its service: it shows live lists
 * (HelderRecordList in a HelderRecordListView), which follow the store
 * item by item, and every change goes through the service.  Lists are
 * made when the page is first shown, which keeps start-up to the visible
 * page; a hidden page's lists are paused and catch up when it shows
 * again.  The page shows its template's "empty" stack page while all its
 * lists are empty (with the example data offer while the whole store is),
 * "content" otherwise. */

typedef struct
{
  HelderService *service;
  GPtrArray     *lists;          /* HelderRecordList per binding, once made */
  guint          n_records;
  char          *empty_icon;     /* the empty state's, until it is shown */
  GtkWidget     *new_button;     /* of an empty state made when first shown */
  GtkWidget     *example_button;
} HelderPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HelderPage, helder_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_STORE,
  PROP_VIEWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  GType       type;
} ListBinding;

static GObject *
template_child (HelderPage *self,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), name);
}

/* The empty state's buttons: the template's, or those of the empty
 * state made when first shown (NULL before) */
static GtkWidget *
empty_button (HelderPage *self,
              gboolean    example)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  if (HELDER_PAGE_GET_CLASS (self)->empty_resource != NULL)
    return example ? priv->example_button : priv->new_button;
  return GTK_WIDGET (template_child (self, example ? "example_button" : "new_button"));
}

static void actions_update (HelderPage *self);

/* An empty state of its own resource: made when first shown */
static void
ensure_empty (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  const char *resource = HELDER_PAGE_GET_CLASS (self)->empty_resource;
  GtkStack *stack = GTK_STACK (template_child (self, "stack"));
  g_autoptr(GtkBuilder) builder = NULL;

  if (resource == NULL || gtk_stack_get_child_by_name (stack, "empty") != NULL)
    return;
  builder = gtk_builder_new_from_resource (resource);
  gtk_stack_add_named (stack, GTK_WIDGET (gtk_builder_get_object (builder, "status_page")), "empty");
  priv->new_button = GTK_WIDGET (gtk_builder_get_object (builder, "new_button"));
  priv->example_button = GTK_WIDGET (gtk_builder_get_object (builder, "example_button"));
  actions_update (self);
}

/* Which actions the session's role allows: a role that may not create
 * the page's records does not see the button. */
static void
actions_update (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);
  gboolean may_create = priv->service != NULL && klass->new_item_type != G_TYPE_INVALID &&
                        helder_service_may_create (priv->service, klass->new_item_type);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", may_create);
  if (empty_button (self, FALSE) != NULL)
    gtk_widget_set_visible (empty_button (self, FALSE), may_create);
}

/* Empty or not, and the example data offer. */
static void
update_state (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  GtkStack *stack = GTK_STACK (template_child (self, "stack"));
  const char *visible = gtk_stack_get_visible_child_name (stack);
  gboolean had_content = g_strcmp0 (visible, "content") == 0;
  guint n = 0;

  for (guint i = 0; priv->lists != NULL && i < priv->lists->len; i++)
    n += g_list_model_get_n_items (priv->lists->pdata[i]);
  if (n == 0 && priv->service != NULL && HELDER_PAGE_GET_CLASS (self)->count_records != NULL)
    n = HELDER_PAGE_GET_CLASS (self)->count_records (self);
  priv->n_records = n;

  /* A page showing one record (the editor) stays on it. */
  if (had_content || g_strcmp0 (visible, "empty") == 0)
    {
      if (n == 0)
        ensure_empty (self);
      gtk_stack_set_visible_child_name (stack, n > 0 ? "content" : "empty");
    }
  if (priv->empty_icon != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0)
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "empty")),
                                     priv->empty_icon);
      g_clear_pointer (&priv->empty_icon, g_free);
    }
  if (had_content != (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "content") == 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWS]);
  if (empty_button (self, TRUE) != NULL)
    gtk_widget_set_visible (empty_button (self, TRUE), n == 0 && helder_page_is_empty (self));
}

/* Any record anywhere may end the whole store's emptiness: only an
 * empty page needs to know. */
static void
store_changed (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  if (priv->n_records == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_state (self);
}

static void
record_activated (HelderPage   *self,
                  HelderRecord *record)
{
  HELDER_PAGE_GET_CLASS (self)->open_record (self, record);
}

static gboolean
can_open (HelderPage *self,
          GType       type)
{
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);

  return klass->open_record != NULL && (klass->can_open == NULL || klass->can_open (self, type));
}

static void
bind_lists (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);

  if (priv->lists != NULL || priv->service == NULL)
    return;

  priv->lists = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; klass->lists != NULL && i < klass->lists->len; i++)
    {
      ListBinding *binding = &g_array_index (klass->lists, ListBinding, i);
      GObject *child = template_child (self, binding->name);
      HelderRecordListView *view;
      HelderRecordList *list = klass->create_list != NULL
                             ? klass->create_list (self, binding->type)
                             : helder_service_list (priv->service, binding->type);

      g_ptr_array_add (priv->lists, list);
      g_signal_connect_object (list, "notify::n-items", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      /* A view of its own (a page lane's): the list only counts */
      if (!HELDER_IS_RECORD_LIST_VIEW (child))
        continue;
      view = HELDER_RECORD_LIST_VIEW (child);
      helder_record_list_view_set_activatable (view, can_open (self, binding->type));
      helder_record_list_view_set_model (view, G_LIST_MODEL (list));
      g_signal_connect_object (view, "activate", G_CALLBACK (record_activated), self, G_CONNECT_SWAPPED);
    }
}

static void
unbind_lists (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);

  if (priv->lists == NULL)
    return;
  for (guint i = 0; klass->lists != NULL && i < klass->lists->len; i++)
    {
      ListBinding *binding = &g_array_index (klass->lists, ListBinding, i);
      GObject *view = template_child (self, binding->name);

      if (HELDER_IS_RECORD_LIST_VIEW (view))
        {
          g_signal_handlers_disconnect_by_func (view, record_activated, self);
          helder_record_list_view_set_model (HELDER_RECORD_LIST_VIEW (view), NULL);
        }
      g_signal_handlers_disconnect_by_func (priv->lists->pdata[i], update_state, self);
    }
  g_clear_pointer (&priv->lists, g_ptr_array_unref);
}

static void
set_paused (HelderPage *self,
            gboolean    paused)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  for (guint i = 0; priv->lists != NULL && i < priv->lists->len; i++)
    helder_record_list_set_paused (priv->lists->pdata[i], paused);
}

static void
helder_page_map (GtkWidget *widget)
{
  HelderPage *self = HELDER_PAGE (widget);

  bind_lists (self);
  set_paused (self, FALSE);
  update_state (self);

  GTK_WIDGET_CLASS (helder_page_parent_class)->map (widget);
}

static void
helder_page_unmap (GtkWidget *widget)
{
  set_paused (HELDER_PAGE (widget), TRUE);

  GTK_WIDGET_CLASS (helder_page_parent_class)->unmap (widget);
}

HelderService *
helder_page_get_service (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return priv->service;
}

HelderStore *
helder_page_get_store (HelderPage *self)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return priv->service != NULL ? helder_service_get_store (priv->service) : NULL;
}

/**
 * helder_page_set_service:
 * @service: (nullable): the page's service, which also brings the store
 *   and the session
 */
void
helder_page_set_service (HelderPage    *self,
                         HelderService *service)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);

  g_return_if_fail (HELDER_IS_PAGE (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (priv->service == service)
    return;

  unbind_lists (self);
  if (priv->service != NULL)
    {
      g_signal_handlers_disconnect_by_func (helder_service_get_store (priv->service), store_changed, self);
      g_signal_handlers_disconnect_by_func (helder_service_get_session (priv->service), actions_update, self);
    }
  g_set_object (&priv->service, service);
  if (service != NULL)
    {
      g_signal_connect_object (helder_service_get_store (service), "changed", G_CALLBACK (store_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helder_service_get_session (service), "notify::role", G_CALLBACK (actions_update),
                               self, G_CONNECT_SWAPPED);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      bind_lists (self);
      update_state (self);
    }
  actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * helder_page_get_list:
 * @list_name: a list view bound with helder_page_class_bind_list()
 *
 * Returns: (transfer none) (nullable): its live list, once the page has
 *   been shown
 */
HelderRecordList *
helder_page_get_list (HelderPage *self,
                      const char *list_name)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  HelderPageClass *klass = HELDER_PAGE_GET_CLASS (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  for (guint i = 0; priv->lists != NULL && i < klass->lists->len; i++)
    if (g_str_equal (g_array_index (klass->lists, ListBinding, i).name, list_name))
      return priv->lists->pdata[i];
  return NULL;
}

/**
 * helder_page_get_views:
 *
 * Returns: (transfer none) (nullable): the page's views, for the window's
 *   view switcher, or %NULL for a page of one view and while the page
 *   shows its empty state
 */
AdwViewStack *
helder_page_get_views (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  if (!HELDER_PAGE_GET_CLASS (self)->has_views ||
      g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (template_child (self, "stack"))), "content") != 0)
    return NULL;
  return ADW_VIEW_STACK (template_child (self, "views"));
}

AdwViewSwitcherBar *
helder_page_get_switcher_bar (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  if (!HELDER_PAGE_GET_CLASS (self)->has_views)
    return NULL;
  return ADW_VIEW_SWITCHER_BAR (template_child (self, "switcher_bar"));
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
  HelderStore *store = helder_page_get_store (self);

  g_return_val_if_fail (HELDER_IS_PAGE (self), TRUE);

  return store == NULL || helder_store_is_empty (store);
}

/**
 * helder_page_show_error:
 *
 * Tells the user that an action failed (a service's refusal, a store
 * error), through the window.
 */
void
helder_page_show_error (HelderPage   *self,
                        const char   *title,
                        const GError *error)
{
  g_return_if_fail (HELDER_IS_PAGE (self));

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title,
                                   error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

/**
 * helder_page_class_set_template:
 *
 * Sets the page's template, which must have a GtkStack "stack" with the
 * pages "empty" and "content", a "new_button" and an "example_button";
 * or, after helder_page_class_set_empty(), only the page "content".
 */
void
helder_page_class_set_template (HelderPageClass *klass,
                                const char      *resource)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE, 0);
  if (klass->empty_resource != NULL)
    return;
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "example_button", FALSE, 0);
}

/**
 * helder_page_class_set_empty:
 * @resource: a builder file whose AdwStatusPage "status_page" holds a
 *   "new_button" and an "example_button"
 *
 * The page's empty state comes from @resource, made when it is first
 * shown (a page with records never makes it).  Call it before
 * helder_page_class_set_template().
 */
void
helder_page_class_set_empty (HelderPageClass *klass,
                             const char      *resource)
{
  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  klass->empty_resource = g_strdup (resource);
}

/**
 * helder_page_class_set_views:
 *
 * The page's template has an AdwViewStack "views" and an
 * AdwViewSwitcherBar "switcher_bar": the window shows its switcher in the
 * header bar (and the bar at the bottom when narrow).
 */
void
helder_page_class_set_views (HelderPageClass *klass)
{
  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  klass->has_views = TRUE;
  gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), "views", FALSE, 0);
  gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), "switcher_bar", FALSE, 0);
}

/**
 * helder_page_class_bind_list:
 * @list_view_name: a HelderRecordListView of the page's template
 *
 * Shows the records of @type in that list view, from a live list made by
 * the page's create_list (or the service).  A template child that is not
 * a HelderRecordListView (a view with lists of its own) is left alone:
 * the list then only tells whether the page is empty.
 */
void
helder_page_class_bind_list (HelderPageClass *klass,
                             const char      *list_view_name,
                             GType            type)
{
  ListBinding binding = { g_intern_string (list_view_name), type };

  g_return_if_fail (HELDER_IS_PAGE_CLASS (klass));

  if (klass->lists == NULL)
    klass->lists = g_array_new (FALSE, FALSE, sizeof (ListBinding));
  g_array_append_val (klass->lists, binding);
  gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), list_view_name, FALSE, 0);
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
  GtkRoot *root = gtk_widget_get_root (widget);

  if (priv->service == NULL || klass->new_item_type == G_TYPE_INVALID)
    return;

  dialog = helder_new_record_dialog_new (priv->service, klass->new_item_type, _(klass->new_item_title));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
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

/* The empty state's icon is large (an SVG, and librsvg to draw it; GTK
 * loads it even while the state is hidden): it is set when the state is
 * first shown. */
static void
helder_page_constructed (GObject *object)
{
  HelderPage *self = HELDER_PAGE (object);
  HelderPagePrivate *priv = helder_page_get_instance_private (self);
  GtkStack *stack = GTK_STACK (template_child (self, "stack"));
  GtkWidget *empty = stack != NULL ? gtk_stack_get_child_by_name (stack, "empty") : NULL;

  G_OBJECT_CLASS (helder_page_parent_class)->constructed (object);

  if (ADW_IS_STATUS_PAGE (empty) && adw_status_page_get_icon_name (ADW_STATUS_PAGE (empty)) != NULL)
    {
      priv->empty_icon = g_strdup (adw_status_page_get_icon_name (ADW_STATUS_PAGE (empty)));
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), NULL);
    }
}

static void
helder_page_finalize (GObject *object)
{
  HelderPagePrivate *priv = helder_page_get_instance_private (HELDER_PAGE (object));

  g_free (priv->empty_icon);

  G_OBJECT_CLASS (helder_page_parent_class)->finalize (object);
}

static void
helder_page_dispose (GObject *object)
{
  HelderPage *self = HELDER_PAGE (object);

  helder_page_set_service (self, NULL);
  /* The bar lets go of the views before they go (libadwaita 1.2 would
   * touch the views' pages after they were disposed). */
  if (helder_page_get_switcher_bar (self) != NULL)
    adw_view_switcher_bar_set_stack (helder_page_get_switcher_bar (self), NULL);

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
    case PROP_SERVICE:
      g_value_set_object (value, helder_page_get_service (self));
      break;
    case PROP_STORE:
      g_value_set_object (value, helder_page_get_store (self));
      break;
    case PROP_VIEWS:
      g_value_set_object (value, helder_page_get_views (self));
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
    case PROP_SERVICE:
      helder_page_set_service (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_page_class_init (HelderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_RECORD_LIST_VIEW);

  object_class->constructed = helder_page_constructed;
  object_class->dispose = helder_page_dispose;
  object_class->finalize = helder_page_finalize;
  object_class->get_property = helder_page_get_property;
  object_class->set_property = helder_page_set_property;

  widget_class->map = helder_page_map;
  widget_class->unmap = helder_page_unmap;

  /* The page's service: its rules, its lists, the store and the session */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The service's store */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HELDER_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the window's view switcher shows (helder_page_get_views) */
  properties[PROP_VIEWS] =
    g_param_spec_object ("views", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_item_activated);
}

static void
helder_page_init (HelderPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", FALSE);
}
