/* helder-planner-page.c: priorities, topics, works and what goes out when
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-planner-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-new-record-dialog.h"
#include "helder-planner-page.h"
#include "helder-priorities-view.h"
#include "helder-radar-view.h"
#include "helder-review-window.h"
#include "helder-signal-popover.h"
#include "helder-calendar-view.h"
#include "helder-edition-view.h"
#include "helder-works-view.h"
#include "plan/helder-plan-service.h"
#include "plan/helder-plan-quarter.h"
#include "plan/helder-plan-signals.h"

/* The planner's views in one AdwViewStack (the window's header switches
 * them), under a header of the planner's own actions: "New …" for the
 * record the visible view holds (Ctrl+N) and, at its end, what the
 * views share.  Each view's lane owns its stack page's child.
 *
 * Actions every planner view can use:
 *   planner.new                 a new record of the visible view's kind
 *   planner.add-signal (s)      the quick entry of a signal (Ctrl+Shift+S),
 *                               about the topic given ("" : as before)
 *   planner.show-record (ss)    shows a record (type name, id) in its
 *                               view: the page switches to the view and
 *                               emits show-record, which the view follows
 *                               (the ledger selects the priority)
 *
 * A view with widgets of its own is still bound (helder_page_class_bind_list)
 * so the page knows whether the planner is empty. */

struct _HelderPlannerPage
{
  HelderPage            parent_instance;

  /* template widgets */
  AdwViewStack         *views;   /* the page's, bound by HelderPage */
  HelderPrioritiesView *priorities_view;   /* bound by HelderPage too */
  GtkWidget            *new_item_button;
  AdwButtonContent     *new_item_content;
  GtkMenuButton        *signal_button;
  GtkWidget            *review_button;
  HelderSignalPopover  *signal_popover;
  gboolean              warmed;
};

G_DEFINE_FINAL_TYPE (HelderPlannerPage, helder_planner_page, HELDER_TYPE_PAGE)

enum {
  SHOW_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each view holds: its "New …" and the records it shows */
static const struct
{
  const char *view;
  const char *type_name;
  const char *new_label;   /* the button, with its mnemonic */
  const char *new_title;   /* the dialog's title */
} view_kinds[] = {
  { "priorities", "priority",       N_("_New Priority"), N_("New Priority") },
  { "topics",     "topic",          N_("_New Topic"),    N_("New Topic") },
  { "messages",   "message",        N_("_New Message"),  N_("New Message") },
  { "works",      "works",          N_("_New Works"),    N_("New Works") },
  { "editions",   "omgevingsbeeld", NULL,                NULL },
};

static int
kind_of_view (const char *view)
{
  for (guint i = 0; view != NULL && i < G_N_ELEMENTS (view_kinds); i++)
    if (g_str_equal (view_kinds[i].view, view))
      return i;
  return -1;
}

static int
kind_of_type (const char *type_name)
{
  for (guint i = 0; type_name != NULL && i < G_N_ELEMENTS (view_kinds); i++)
    if (g_str_equal (view_kinds[i].type_name, type_name))
      return i;
  return -1;
}

static void
actions_update (HelderPlannerPage *self)
{
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));
  int kind = kind_of_view (adw_view_stack_get_visible_child_name (self->views));
  gboolean may_new, may_signal;

  may_new = kind >= 0 && view_kinds[kind].new_label != NULL && service != NULL &&
            helder_service_may_create (service, helder_record_type_from_name (view_kinds[kind].type_name));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.new", may_new);
  /* (the Omgevingsbeeld makes its editions itself: no "New" there) */
  gtk_widget_set_visible (self->new_item_button, may_new);
  may_signal = service != NULL && helder_service_may_create (service, HELDER_TYPE_SIGNAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.add-signal", may_signal);
  gtk_widget_set_visible (GTK_WIDGET (self->signal_button), may_signal);
  /* The quarterly review goes over priorities and topics: from both */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.review-quarter", HELDER_IS_PLAN_SERVICE (service));
  gtk_widget_set_visible (self->review_button, kind == 0 || kind == 1);
  if (kind >= 0 && view_kinds[kind].new_label != NULL)
    adw_button_content_set_label (self->new_item_content, _(view_kinds[kind].new_label));
}

static void
service_changed (HelderPlannerPage *self)
{
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));

  if (service != NULL)
    g_signal_connect_object (helder_service_get_session (service), "notify::role", G_CALLBACK (actions_update),
                             self, G_CONNECT_SWAPPED);
  actions_update (self);
}

static void
stop_expecting (HelderPlannerPage *self)
{
  helder_priorities_view_expect_new (self->priorities_view, FALSE);
}

static GtkWidget *view_widget (HelderPlannerPage *self,
                               const char        *bin_name);

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderPlannerPage *self = HELDER_PLANNER_PAGE (widget);
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));
  int kind = kind_of_view (adw_view_stack_get_visible_child_name (self->views));
  GtkRoot *root = gtk_widget_get_root (widget);
  HelderNewRecordDialog *dialog;

  if (service == NULL || kind < 0 || view_kinds[kind].new_title == NULL || !GTK_IS_WINDOW (root))
    return;
  /* The calendar makes it on its selected day and opens it in its pane */
  if (g_str_equal (view_kinds[kind].view, "messages"))
    {
      GtkWidget *calendar = view_widget (self, "calendar_bin");

      if (calendar != NULL)
        gtk_widget_activate_action (calendar, "calendar.new-message", NULL);
      return;
    }
  dialog = helder_new_record_dialog_new (service, helder_record_type_from_name (view_kinds[kind].type_name),
                                         _(view_kinds[kind].new_title));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
  /* The ledger selects the priority made */
  if (kind == 0)
    {
      helder_priorities_view_expect_new (self->priorities_view, TRUE);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (stop_expecting), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A view made when first shown, in its bin (see lazy_views) */
static GtkWidget *
view_widget (HelderPlannerPage *self,
             const char        *bin_name)
{
  GObject *bin = gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_PLANNER_PAGE, bin_name);

  return ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;
}

/**
 * helder_planner_page_show_record:
 * @type_name: a record type, as in the sync protocol ("topic")
 *
 * Shows the record in the planner's view for its type.
 *
 * Returns: whether the planner has a view for it
 */
gboolean
helder_planner_page_show_record (HelderPlannerPage *self,
                                 const char        *type_name,
                                 const char        *id)
{
  int kind;

  g_return_val_if_fail (HELDER_IS_PLANNER_PAGE (self), FALSE);

  if ((kind = kind_of_type (type_name)) < 0)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->views, view_kinds[kind].view);
  /* Each view selects it, with its detail (switching made the view) */
  if (kind == 0)
    helder_priorities_view_select (self->priorities_view, id);
  else if (kind == 1 && HELDER_IS_RADAR_VIEW (view_widget (self, "radar_bin")))
    helder_radar_widget_select (helder_radar_view_get_radar (HELDER_RADAR_VIEW (view_widget (self, "radar_bin"))),
                                id, TRUE);
  else if (kind == 2 && HELDER_IS_CALENDAR_VIEW (view_widget (self, "calendar_bin")))
    helder_calendar_view_select_message (HELDER_CALENDAR_VIEW (view_widget (self, "calendar_bin")), id);
  else if (kind == 3 && HELDER_IS_WORKS_VIEW (view_widget (self, "works_bin")))
    helder_works_view_select (HELDER_WORKS_VIEW (view_widget (self, "works_bin")), id);
  g_signal_emit (self, signals[SHOW_RECORD], g_quark_from_string (type_name), type_name, id);
  return TRUE;
}

/**
 * helder_planner_page_show_view:
 * @what: a record type ("message", "works") or "edition"
 * @id: (nullable): a record of that type to show, or %NULL or ""
 *
 * Shows the planner's view for @what (a notice's target), with the record
 * when there is one.
 */
void
helder_planner_page_show_view (HelderPlannerPage *self,
                               const char        *what,
                               const char        *id)
{
  g_return_if_fail (HELDER_IS_PLANNER_PAGE (self));
  g_return_if_fail (what != NULL);

  if (id != NULL && *id != '\0' && helder_planner_page_show_record (self, what, id))
    return;
  if (g_str_equal (what, "edition"))
    adw_view_stack_set_visible_child_name (self->views, "editions");
  else if (kind_of_type (what) >= 0)
    adw_view_stack_set_visible_child_name (self->views, view_kinds[kind_of_type (what)].view);
}

/* The quick entry is made when first opened, not before the first frame
 * (a builder makes it, so it keeps its id for the tests). */
static void
ensure_signal_popover (HelderPlannerPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->signal_popover != NULL)
    return;
  builder = gtk_builder_new_from_string ("<interface><object class=\"HelderSignalPopover\" id=\"signal_popover\"/></interface>", -1);
  self->signal_popover = HELDER_SIGNAL_POPOVER (gtk_builder_get_object (builder, "signal_popover"));
  gtk_menu_button_set_popover (self->signal_button, GTK_WIDGET (self->signal_popover));
  g_object_bind_property (self, "service", self->signal_popover, "service", G_BINDING_SYNC_CREATE);
}

static void
create_signal_popover (GtkMenuButton *button,
                       gpointer       user_data)
{
  ensure_signal_popover (HELDER_PLANNER_PAGE (user_data));
}

static void
add_signal_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderPlannerPage *self = HELDER_PLANNER_PAGE (widget);

  ensure_signal_popover (self);
  helder_signal_popover_set_topic (self->signal_popover, g_variant_get_string (parameter, NULL));
  gtk_menu_button_popup (self->signal_button);
}

/* The quarter closed: the Radar (when made) shows the next one */
static void
quarter_closed (HelderPlannerPage *self)
{
  GtkWidget *radar = view_widget (self, "radar_bin");

  if (HELDER_IS_RADAR_VIEW (radar))
    helder_radar_view_refresh_quarter (HELDER_RADAR_VIEW (radar));
}

/* The quarterly review (Kwartaal afsluiten) of the quarter now open */
static void
review_quarter_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HelderPlannerPage *self = HELDER_PLANNER_PAGE (widget);
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *quarter = NULL;
  HelderReviewWindow *window;

  if (!HELDER_IS_PLAN_SERVICE (service))
    return;
  quarter = helder_plan_quarter_current (HELDER_PLAN_SERVICE (service), NULL);
  window = helder_review_window_new (HELDER_PLAN_SERVICE (service), quarter);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
    }
  g_signal_connect_object (window, "quarter-closed", G_CALLBACK (quarter_closed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *type_name, *id;

  g_variant_get (parameter, "(&s&s)", &type_name, &id);
  helder_planner_page_show_record (HELDER_PLANNER_PAGE (widget), type_name, id);
}

static gboolean
helder_planner_page_can_open (HelderPage *page,
                              GType       type)
{
  return type == HELDER_TYPE_MESSAGE;
}

/* A message opens its text in Schrijven; the service makes one (and
 * links it) when the message has none yet. */
static void
helder_planner_page_open_record (HelderPage   *page,
                                 HelderRecord *message)
{
  HelderService *service = helder_page_get_service (page);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!HELDER_IS_PLAN_SERVICE (service) || !HELDER_IS_MESSAGE (message))
    return;
  document = helder_plan_service_message_text (HELDER_PLAN_SERVICE (service), message, &error);
  if (document == NULL)
    {
      helder_page_show_error (page, _("Could not open the message’s text"), error);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "win.open-document", "s", helder_record_get_id (document));
}

/* What the views other than the ledger hold, counted in the store */
static guint
helder_planner_page_count_records (HelderPage *page)
{
  static const char *types[] = { "topic", "message", "works", "omgevingsbeeld" };
  HelderStore *store = helder_page_get_store (page);
  guint n = 0;

  for (guint i = 0; store != NULL && n == 0 && i < G_N_ELEMENTS (types); i++)
    n += helder_store_count (store, helder_record_type_from_name (types[i]));
  return n;
}

static void
helder_planner_page_class_init (HelderPlannerPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  g_type_ensure (HELDER_TYPE_PRIORITIES_VIEW);
  g_type_ensure (HELDER_TYPE_SIGNAL_POPOVER);
  g_type_ensure (HELDER_TYPE_WORKS_VIEW);
  g_type_ensure (HELDER_TYPE_RADAR_VIEW);
  g_type_ensure (HELDER_TYPE_EDITION_VIEW);

  page_class->open_record = helder_planner_page_open_record;
  page_class->can_open = helder_planner_page_can_open;
  g_type_ensure (HELDER_TYPE_CALENDAR_VIEW);
  helder_page_class_set_empty (page_class, "/nl/hltsamen/Helder/ui/helder-planner-empty.ui");
  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-planner-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "priorities_view", HELDER_TYPE_PRIORITY);
  /* The other views (made when first shown) are counted, not read, for
   * whether the planner is empty: reading 2,000 messages and 500 topics
   * for that was a third of the page's first frame */
  page_class->count_records = helder_planner_page_count_records;
  gtk_widget_class_bind_template_child_full (widget_class, "radar_bin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "calendar_bin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "works_bin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edition_bin", FALSE, 0);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_PRIORITY, N_("New Priority"));
  gtk_widget_class_bind_template_child (widget_class, HelderPlannerPage, new_item_button);
  gtk_widget_class_bind_template_child (widget_class, HelderPlannerPage, new_item_content);
  gtk_widget_class_bind_template_child (widget_class, HelderPlannerPage, signal_button);
  gtk_widget_class_bind_template_child (widget_class, HelderPlannerPage, review_button);

  /**
   * HelderPlannerPage::show-record:
   * @type_name: the record's type, as in the sync protocol
   * @id: the record
   *
   * A view is asked to show a record (a priority's topic, say); detailed
   * with the type name.  The page has switched to the view already.
   */
  signals[SHOW_RECORD] =
    g_signal_new ("show-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "planner.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "planner.show-record", "(ss)", show_record_activated);
  gtk_widget_class_install_action (widget_class, "planner.add-signal", "s", add_signal_activated);
  gtk_widget_class_install_action (widget_class, "planner.review-quarter", NULL, review_quarter_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "planner.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "planner.add-signal", "s", "");
}

/* The views other than the ledger are made when first shown, so what the
 * first frame does not show is neither built nor loaded before it (the
 * calendar's month, the radar, the works' warnings, the next edition).
 * Each is made by a builder, so it keeps its id for the tests. */
static const struct {
  const char *bin;
  const char *id;
  const char *xml;
} lazy_views[] = {
  { "radar_bin", "radar_view",
    "<interface><object class=\"HelderRadarView\" id=\"radar_view\"/></interface>" },
  { "calendar_bin", "calendar_view",
    "<interface><object class=\"HelderCalendarView\" id=\"calendar_view\"/></interface>" },
  { "works_bin", "works_view",
    "<interface><object class=\"HelderWorksView\" id=\"works_view\"/></interface>" },
  { "edition_bin", "edition_view",
    "<interface><object class=\"HelderEditionView\" id=\"edition_view\"/></interface>" },
};

static void
ensure_visible_view (HelderPlannerPage *self)
{
  GtkWidget *bin = adw_view_stack_get_visible_child (self->views);

  if (!ADW_IS_BIN (bin) || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (bin)), lazy_views[i].bin) == 0)
      {
        g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (lazy_views[i].xml, -1);
        GObject *view = gtk_builder_get_object (builder, lazy_views[i].id);

        adw_bin_set_child (ADW_BIN (bin), GTK_WIDGET (view));
        g_object_bind_property (self, "service", view, "service", G_BINDING_SYNC_CREATE);
        return;
      }
}

/* After the page's first frame, when the main loop is idle: the
 * planner's one list of signals, which the radar counts and a topic's log
 * filters, so the Radar's first showing does not wait for 10,000 signals
 * to be read (the list then follows the store live). */
static gboolean
warm_signals (gpointer data)
{
  HelderPlannerPage *self = data;
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));

  if (HELDER_IS_PLAN_SERVICE (service) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_autoptr(HelderRecordList) all = helder_plan_signals_all (HELDER_PLAN_SERVICE (service));

      self->warmed = TRUE;
    }
  return G_SOURCE_REMOVE;
}

static void
page_mapped (HelderPlannerPage *self)
{
  if (!self->warmed)
    g_idle_add_full (G_PRIORITY_LOW, warm_signals, g_object_ref (self), g_object_unref);
}

static void
helder_planner_page_init (HelderPlannerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->views = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_PLANNER_PAGE,
                                                               "views"));
  self->priorities_view = HELDER_PRIORITIES_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                 HELDER_TYPE_PLANNER_PAGE,
                                                                                 "priorities_view"));

  g_object_bind_property (self, "service", self->priorities_view, "service", G_BINDING_SYNC_CREATE);
  gtk_menu_button_set_create_popup_func (self->signal_button, create_signal_popover, self, NULL);
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (ensure_visible_view), self,
                           G_CONNECT_SWAPPED);
  ensure_visible_view (self);
  g_signal_connect_object (self->views, "notify::visible-child-name", G_CALLBACK (actions_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::service", G_CALLBACK (service_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);
  actions_update (self);
}
