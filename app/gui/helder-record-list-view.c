/* helder-record-list-view.c: a live list of records, one row each
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-record-list-view.h"
#include "model/helder-record-format.h"

/* A GtkListView over a live list (HelderRecordList): rows are made for
 * what is on screen and bound again when their record changes, so a
 * change to one record redraws one row, in a list of any length.  Above
 * the list a line says what it holds; an empty list shows a status page
 * with the placeholder instead.  Activating a row (click, Enter) emits
 * activate with its record. */

struct _HelderRecordListView
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkLabel       *description_label;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;      /* made when first needed */

  /* owned */
  GListModel     *model;
  char           *title;
  char           *placeholder;
  char           *description;
  gboolean        activatable;
};

G_DEFINE_FINAL_TYPE (HelderRecordListView, helder_record_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TITLE,
  PROP_PLACEHOLDER,
  PROP_DESCRIPTION,
  PROP_ACTIVATABLE,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows are two ellipsized labels, not an AdwActionRow with wrapping
 * labels: lighter, and single-line measuring keeps long lists fast.  The
 * full texts are the row's accessible label and description. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HelderRecordListView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "record-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HelderRecordListView     *self)
{
  HelderRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now), g_date_time_get_year (now));
  g_autofree char *title_text = helder_record_format_title (record);
  g_autofree char *subtitle_text = helder_record_format_subtitle (record, today);

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text);
  gtk_widget_set_visible (subtitle, subtitle_text != NULL && *subtitle_text != '\0');
  gtk_list_item_set_activatable (item, self->activatable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle_text ? subtitle_text : "",
                                  -1);
}

/* The status page of an empty list is made the first time the list is
 * empty: most lists never are, and every page has several. */
static void
update_state (HelderRecordListView *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  if (empty && self->empty_page == NULL)
    {
      self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
      adw_status_page_set_title (self->empty_page, self->placeholder);
      adw_status_page_set_description (self->empty_page, self->description);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_activate (HelderRecordListView *self,
             guint                 position)
{
  helder_record_list_view_activate_item (self, position);
}

/**
 * helder_record_list_view_activate_item:
 *
 * Opens the record at @position, as a click on its row does.
 */
void
helder_record_list_view_activate_item (HelderRecordListView *self,
                                       guint                 position)
{
  g_autoptr(HelderRecord) record = NULL;

  g_return_if_fail (HELDER_IS_RECORD_LIST_VIEW (self));

  if (!self->activatable || self->model == NULL ||
      (record = g_list_model_get_item (self->model, position)) == NULL)
    return;
  g_signal_emit (self, signals[ACTIVATE], 0, record);
}

GListModel *
helder_record_list_view_get_model (HelderRecordListView *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST_VIEW (self), NULL);

  return self->model;
}

void
helder_record_list_view_set_model (HelderRecordListView *self,
                                   GListModel           *model)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_state, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (model));

      g_signal_connect_object (model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
  else
    gtk_list_view_set_model (self->list_view, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
helder_record_list_view_get_activatable (HelderRecordListView *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST_VIEW (self), FALSE);

  return self->activatable;
}

void
helder_record_list_view_set_activatable (HelderRecordListView *self,
                                         gboolean              activatable)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST_VIEW (self));

  activatable = !!activatable;
  if (self->activatable == activatable)
    return;
  self->activatable = activatable;
  gtk_list_view_set_single_click_activate (self->list_view, activatable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATABLE]);
}

GtkListView *
helder_record_list_view_get_list_view (HelderRecordListView *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST_VIEW (self), NULL);

  return self->list_view;
}

static void
set_text (char      **field,
          const char *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
helder_record_list_view_dispose (GObject *object)
{
  HelderRecordListView *self = HELDER_RECORD_LIST_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_state, self);
  g_clear_object (&self->model);
  /* The stack is the bin's child and a template child: the bin lets go
   * first, or the template would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_RECORD_LIST_VIEW);

  G_OBJECT_CLASS (helder_record_list_view_parent_class)->dispose (object);
}

static void
helder_record_list_view_finalize (GObject *object)
{
  HelderRecordListView *self = HELDER_RECORD_LIST_VIEW (object);

  g_free (self->title);
  g_free (self->placeholder);
  g_free (self->description);

  G_OBJECT_CLASS (helder_record_list_view_parent_class)->finalize (object);
}

static void
helder_record_list_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HelderRecordListView *self = HELDER_RECORD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->activatable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_list_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HelderRecordListView *self = HELDER_RECORD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      helder_record_list_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_PLACEHOLDER:
      set_text (&self->placeholder, g_value_get_string (value));
      if (self->empty_page != NULL)
        adw_status_page_set_title (self->empty_page, self->placeholder);
      break;
    case PROP_TITLE:
      set_text (&self->title, g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
      break;
    case PROP_DESCRIPTION:
      set_text (&self->description, g_value_get_string (value));
      gtk_label_set_text (self->description_label, self->description);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                              self->description != NULL && *self->description != '\0');
      if (self->empty_page != NULL)
        adw_status_page_set_description (self->empty_page, self->description);
      break;
    case PROP_ACTIVATABLE:
      helder_record_list_view_set_activatable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_list_view_class_init (HelderRecordListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_record_list_view_dispose;
  object_class->finalize = helder_record_list_view_finalize;
  object_class->get_property = helder_record_list_view_get_property;
  object_class->set_property = helder_record_list_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The list's name for screen readers ("Priorities") */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* What the empty list says ("No priorities yet") */
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATABLE] =
    g_param_spec_boolean ("activatable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HelderRecordListView::activate:
   * @record: the record of the row
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-record-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderRecordListView, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderRecordListView, description_label);
  gtk_widget_class_bind_template_child (widget_class, HelderRecordListView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
helder_record_list_view_init (HelderRecordListView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), FALSE);
}
