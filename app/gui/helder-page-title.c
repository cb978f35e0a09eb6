/* helder-page-title.c: the header bar's title, the page's views to switch
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What AdwViewSwitcherTitle does, with one switcher instead of two: a
 * squeezer shows the page's views as a switcher (icons over labels) where
 * the header bar has room for it, and the page's title where it has not or
 * the page has no views to switch; "title-visible" tells the page to show
 * its switcher bar at the bottom instead.  AdwViewSwitcherTitle also keeps
 * a second switcher, icons beside labels, for very wide windows: its
 * buttons, eighty widgets, were made, styled and measured before the first
 * frame though a window of the usual width never shows them.
 */

#include "config.h"

#include "helder-page-title.h"

struct _HelderPageTitle
{
  GtkWidget        parent_instance;

  AdwSqueezer     *squeezer;
  AdwViewSwitcher *switcher;
  AdwWindowTitle  *title;

  /* The squeezer's choice holds from its first allocation after the
   * switcher was shown; till then the switcher is taken to fit. */
  gboolean         settled;
  gboolean         title_visible;
};

G_DEFINE_FINAL_TYPE (HelderPageTitle, helder_page_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STACK,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

GtkWidget *
helder_page_title_new (void)
{
  return g_object_new (HELDER_TYPE_PAGE_TITLE, NULL);
}

const char *
helder_page_title_get_title (HelderPageTitle *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_TITLE (self), NULL);

  return adw_window_title_get_title (self->title);
}

void
helder_page_title_set_title (HelderPageTitle *self,
                             const char      *title)
{
  g_return_if_fail (HELDER_IS_PAGE_TITLE (self));

  if (g_strcmp0 (title, adw_window_title_get_title (self->title)) == 0)
    return;
  adw_window_title_set_title (self->title, title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
}

/**
 * helder_page_title_get_stack:
 *
 * Returns: (transfer none) (nullable): the views the switcher switches
 */
AdwViewStack *
helder_page_title_get_stack (HelderPageTitle *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_TITLE (self), NULL);

  return adw_view_switcher_get_stack (self->switcher);
}

static gboolean
compute_title_visible (HelderPageTitle *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->switcher)))
    return TRUE;
  return self->settled && adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->title);
}

static void
update_title_visible (HelderPageTitle *self)
{
  gboolean title_visible = compute_title_visible (self);

  if (title_visible == self->title_visible)
    return;
  self->title_visible = title_visible;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE_VISIBLE]);
}

/* A stack of one view has nothing to switch: the title shows instead. */
static gboolean
has_views_to_switch (AdwViewStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (stack == NULL)
    return FALSE;
  pages = adw_view_stack_get_pages (stack);
  return g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1;
}

void
helder_page_title_set_stack (HelderPageTitle *self,
                             AdwViewStack    *stack)
{
  gboolean switches;

  g_return_if_fail (HELDER_IS_PAGE_TITLE (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (stack == adw_view_switcher_get_stack (self->switcher))
    return;
  adw_view_switcher_set_stack (self->switcher, stack);
  switches = has_views_to_switch (stack);
  if (switches != gtk_widget_get_visible (GTK_WIDGET (self->switcher)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->switcher), switches);
      self->settled = FALSE;
    }
  update_title_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STACK]);
}

/**
 * helder_page_title_get_title_visible:
 *
 * Returns: whether the title shows rather than the switcher (the window
 *   is too narrow for it, or the page has no views to switch)
 */
gboolean
helder_page_title_get_title_visible (HelderPageTitle *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_TITLE (self), FALSE);

  return self->title_visible;
}

static void
visible_child_changed (HelderPageTitle *self)
{
  if (self->settled)
    update_title_visible (self);
}

static void
helder_page_title_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  HelderPageTitle *self = HELDER_PAGE_TITLE (widget);

  gtk_widget_measure (GTK_WIDGET (self->squeezer), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
helder_page_title_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  HelderPageTitle *self = HELDER_PAGE_TITLE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->squeezer), width, height, baseline, NULL);
  self->settled = TRUE;
  update_title_visible (self);
}

static void
helder_page_title_dispose (GObject *object)
{
  HelderPageTitle *self = HELDER_PAGE_TITLE (object);

  if (self->squeezer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->squeezer));
      self->squeezer = NULL;
    }
  G_OBJECT_CLASS (helder_page_title_parent_class)->dispose (object);
}

static void
helder_page_title_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HelderPageTitle *self = HELDER_PAGE_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, helder_page_title_get_title (self));
      break;
    case PROP_STACK:
      g_value_set_object (value, helder_page_title_get_stack (self));
      break;
    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, helder_page_title_get_title_visible (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_page_title_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HelderPageTitle *self = HELDER_PAGE_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      helder_page_title_set_title (self, g_value_get_string (value));
      break;
    case PROP_STACK:
      helder_page_title_set_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_page_title_class_init (HelderPageTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_page_title_dispose;
  object_class->get_property = helder_page_title_get_property;
  object_class->set_property = helder_page_title_set_property;

  props[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_TITLE_VISIBLE] =
    g_param_spec_boolean ("title-visible", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  widget_class->measure = helder_page_title_measure;
  widget_class->size_allocate = helder_page_title_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "viewswitchertitle");
}

static void
helder_page_title_init (HelderPageTitle *self)
{
  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  self->switcher = ADW_VIEW_SWITCHER (adw_view_switcher_new ());
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  self->title_visible = TRUE;

  adw_view_switcher_set_policy (self->switcher, ADW_VIEW_SWITCHER_POLICY_NARROW);
  /* The switcher's buttons can ellipsize their labels to a few pixels:
   * where its labels do not fit whole, the title shows instead */
  adw_squeezer_set_switch_threshold_policy (self->squeezer, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), FALSE);
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->switcher));
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->title));
  g_signal_connect_object (self->squeezer, "notify::visible-child",
                           G_CALLBACK (visible_child_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->squeezer), GTK_WIDGET (self));
}
