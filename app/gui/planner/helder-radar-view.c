/* helder-radar-view.c: the Radar view of the planner: the radar, the sortable topic list and the detail
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-radar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-quarter-compare.h"
#include "helder-radar-export.h"
#include "helder-planner-page.h"
#include "helder-radar-view.h"
#include "helder-review-window.h"
#include "helder-window.h"
#include "plan/helder-plan-quarter.h"
#include "plan/helder-plan-signals.h"

/* The radar and the topic list show one filtered model of the topics
 * that are not dropped (Ctrl+F filters both); selecting in one selects
 * in the other and shows the topic in the detail pane.  A topic dragged
 * to another cell is saved through the service at once, with an undo
 * toast.  The lists are made when the view is first shown. */

struct _HelderRadarView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwLeaflet         *box;
  GtkWidget          *main_pane;
  GtkLabel           *quarter_label;
  GtkLabel           *quarter_state;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *compare_button;
  GtkWidget          *export_button;
  GtkStack           *left_stack;
  GtkWidget          *side;
  GtkWidget          *side_separator;
  HelderRadarWidget  *radar;
  HelderRadarDot     *legend_rising;
  HelderRadarDot     *legend_stable;
  HelderRadarDot     *legend_falling;
  HelderQuarterCompare *compare;
  GtkColumnView      *topic_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *score_column;
  GtkColumnViewColumn *trend_column;
  GtkColumnViewColumn *signals_column;
  HelderRadarDetail  *detail;

  /* Owned */
  HelderService      *service;
  HelderRecordList   *topics;
  HelderRecordList   *signals;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *quarter;
  char               *search;       /* folded */
  AdwToast           *undo_toast;   /* weak */
  char               *undo_id;
  int                 undo_admin, undo_societal;
  gboolean            syncing;
  gboolean            follows_page;
  guint               list_source;   /* fills the topic list after the first frame */
};

G_DEFINE_FINAL_TYPE (HelderRadarView, helder_radar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HelderPlanService *
plan (HelderRadarView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

static void
actions_update (HelderRadarView *self)
{
  gboolean has = plan (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.review", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.undo", has && self->undo_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.export-csv", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.export-png", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.export-pdf", has);
  /* Importing changes shared plans: not for staff */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "radar.import-csv",
                                 has && helder_service_may_create (self->service, HELDER_TYPE_TOPIC));
}

/* The quarter under review, and whether it is closed. */
void
helder_radar_view_refresh_quarter (HelderRadarView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *state = NULL;
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GPtrArray) closed = NULL;

  g_return_if_fail (HELDER_IS_RADAR_VIEW (self));

  if (plan (self) == NULL)
    return;
  g_free (self->quarter);
  self->quarter = helder_plan_quarter_current (plan (self), NULL);
  label = helder_quarter_label (self->quarter);
  gtk_label_set_text (self->quarter_label, label);
  closed = helder_plan_quarter_closed (plan (self));
  if (closed->len > 0)
    {
      g_autofree char *last = helder_quarter_label (helder_record_get_text (closed->pdata[0], "quarter"));
      /* Translators: the quarter under review is open; the one named was closed last */
      state = g_strdup_printf (_("Open · %s closed"), last);
    }
  else
    state = g_strdup (_("Open"));
  gtk_label_set_text (self->quarter_state, state);
  helder_radar_detail_set_quarter (self->detail, self->quarter);
  helder_quarter_compare_set_quarter (self->compare, self->quarter);
}

/* Filter: not dropped, and matching the search */

static gboolean
topic_shown (gpointer item,
             gpointer data)
{
  HelderRadarView *self = data;
  HelderRecord *topic = item;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") == 0)
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  title = g_utf8_casefold (helder_record_get_title (topic), -1);
  if (strstr (title, self->search) != NULL)
    return TRUE;
  summary = g_utf8_casefold (helder_record_get_text (topic, "summary") ? helder_record_get_text (topic, "summary") : "", -1);
  return strstr (summary, self->search) != NULL;
}

static void
search_changed (HelderRadarView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search);
  self->search = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_stopped (HelderRadarView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->radar));
}

/* Selection: radar ↔ list ↔ detail */

static guint
position_of (HelderRadarView *self,
             const char      *id)
{
  guint n = self->sorted != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (g_strcmp0 (helder_record_get_id (topic), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_topic (HelderRadarView *self,
            const char      *id)
{
  HelderRecord *topic = self->topics != NULL && id != NULL ? helder_record_list_lookup (self->topics, id, NULL) : NULL;

  helder_radar_detail_set_topic (self->detail, topic);
}

static void
radar_selection_changed (HelderRadarView *self)
{
  const char *id = helder_radar_widget_get_selected (self->radar);

  show_topic (self, id);
  if (self->syncing || self->selection == NULL)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position_of (self, id));
  self->syncing = FALSE;
}

static void
list_selection_changed (HelderRadarView *self)
{
  HelderRecord *topic = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing)
    return;
  self->syncing = TRUE;
  helder_radar_widget_select (self->radar, topic != NULL ? helder_record_get_id (topic) : NULL, FALSE);
  self->syncing = FALSE;
}

static void
radar_activated (HelderRadarView *self,
                 HelderRecord    *topic)
{
  helder_radar_widget_select (self->radar, helder_record_get_id (topic), FALSE);
  /* Folded: the detail is in the leaflet's other page */
  if (adw_leaflet_get_folded (self->box))
    adw_leaflet_set_visible_child (self->box, self->side);
  helder_radar_detail_focus (self->detail);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);

  adw_leaflet_set_visible_child (self->box, self->side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_radar_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);

  adw_leaflet_set_visible_child (self->box, self->main_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->radar));
}

/* Moving a topic, with undo */

static void
toast_dismissed (HelderRadarView *self,
                 AdwToast        *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

static void
undo_clicked (HelderRadarView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "radar.undo", NULL);
}

static gboolean
save_scores (HelderRadarView  *self,
             const char       *id,
             int               admin,
             int               societal,
             GError          **error)
{
  g_autoptr(HelderRecord) stored = helder_service_load (self->service, HELDER_TYPE_TOPIC, id);

  if (stored == NULL)
    return TRUE;
  g_object_set (stored, "admin-impact", admin, "societal-impact", societal, NULL);
  return helder_service_save (self->service, stored, error);
}

static void
show_error (HelderRadarView *self,
            const char      *title,
            const GError    *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title,
                                   error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

/**
 * helder_radar_view_move_topic:
 *
 * What dragging a dot does: the topic gets the scores of its new cell,
 * saved through the service, and a toast offers to undo it.
 */
gboolean
helder_radar_view_move_topic (HelderRadarView *self,
                              HelderRecord    *topic,
                              int              admin,
                              int              societal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  int old_admin, old_societal;
  GtkRoot *root;

  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOPIC (topic), FALSE);

  if (self->service == NULL)
    return FALSE;
  id = g_strdup (helder_record_get_id (topic));
  old_admin = helder_record_get_int (topic, "admin_impact");
  old_societal = helder_record_get_int (topic, "societal_impact");
  if (!save_scores (self, id, admin, societal, &error))
    {
      show_error (self, _("Could not move the topic"), error);
      return FALSE;
    }
  g_free (self->undo_id);
  self->undo_id = g_steal_pointer (&id);
  self->undo_admin = old_admin;
  self->undo_societal = old_societal;
  actions_update (self);

  /* Translators: a topic moved on the radar: its title, its new scores */
  text = g_strdup_printf (_("“%s” moved to administrative impact %d, societal impact %d"),
                          helder_record_get_title (topic), admin, societal);
  /* A toast still up says the latest move (libadwaita 1.2 must not be
   * asked to dismiss a toast while it is still coming in) */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, text);
      return TRUE;
    }
  self->undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->undo_toast, "button-clicked", G_CALLBACK (undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (toast_dismissed), self, G_CONNECT_SWAPPED);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), self->undo_toast);
  else
    g_clear_object (&self->undo_toast);
  return TRUE;
}

static void
radar_move (HelderRadarView *self,
            HelderRecord    *topic,
            int              admin,
            int              societal)
{
  helder_radar_view_move_topic (self, topic, admin, societal);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_steal_pointer (&self->undo_id);

  actions_update (self);
  if (id == NULL)
    return;
  /* The toast's button dismisses it; an undo by other means leaves it to
   * time out (its button then does nothing) */
  if (!save_scores (self, id, self->undo_admin, self->undo_societal, &error))
    show_error (self, _("Could not undo the move"), error);
  helder_radar_widget_select (self->radar, id, TRUE);
}

AdwToast *
helder_radar_view_get_undo_toast (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->undo_toast;
}

/* The quarterly review and the comparison */

static void
review_closed (HelderRadarView *self)
{
  helder_radar_view_refresh_quarter (self);
}

static void
review_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HelderReviewWindow *window;

  if (plan (self) == NULL)
    return;
  window = helder_review_window_new (plan (self), self->quarter);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
    }
  g_signal_connect_object (window, "quarter-closed", G_CALLBACK (review_closed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
compare_toggled (HelderRadarView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->compare_button);

  if (active)
    helder_quarter_compare_refresh (self->compare);
  gtk_stack_set_visible_child_name (self->left_stack, active ? "compare" : "radar");
  /* The comparison is about quarters, not one topic: it takes the room */
  if (active)
    adw_leaflet_set_visible_child (self->box, self->main_pane);
  gtk_widget_set_visible (self->side, !active);
  gtk_widget_set_visible (self->side_separator, !active);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);

  if (g_str_equal (action_name, "radar.export-csv"))
    helder_radar_export_csv (self);
  else if (g_str_equal (action_name, "radar.import-csv"))
    helder_radar_import_csv (self);
  else if (g_str_equal (action_name, "radar.export-png"))
    helder_radar_export_png (self);
  else
    helder_radar_export_pdf (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);

  if (gtk_widget_get_visible (self->side))
    adw_leaflet_set_visible_child (self->box, self->side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The list's columns */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (xalign) / 100.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HelderRadarView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      helder_record_get_title (gtk_list_item_get_item (item)));
}

static void
bind_score (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HelderRadarView          *self)
{
  HelderRecord *topic = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%d × %d", helder_record_get_int (topic, "admin_impact"),
                                           helder_record_get_int (topic, "societal_impact"));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* The score's tooltip, asked for when shown (setting one on each row
 * asks the display where the pointer is, a round trip per row) */
static gboolean
score_tooltip (GtkWidget   *label,
               int          x,
               int          y,
               gboolean     keyboard,
               GtkTooltip  *tooltip,
               GtkListItem *item)
{
  HelderRecord *topic = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (topic == NULL)
    return FALSE;
  text = g_strdup_printf (_("Administrative impact %d, societal impact %d"),
                          helder_record_get_int (topic, "admin_impact"),
                          helder_record_get_int (topic, "societal_impact"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_score (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect_object (label, "query-tooltip", G_CALLBACK (score_tooltip), item, 0);
}

static void
bind_trend (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HelderRadarView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      helder_radar_trend_label (helder_record_get_text (gtk_list_item_get_item (item), "trend")));
}

static void
bind_signals (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HelderRadarView          *self)
{
  g_autofree char *text = g_strdup_printf ("%u", helder_radar_widget_count_signals (
                                             self->radar, helder_record_get_id (gtk_list_item_get_item (item))));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_score (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  int x = helder_topic_score ((HelderRecord *) a), y = helder_topic_score ((HelderRecord *) b);

  if (x != y)
    return x < y ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  x = helder_record_get_int ((HelderRecord *) a, "societal_impact");
  y = helder_record_get_int ((HelderRecord *) b, "societal_impact");
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
trend_rank (HelderRecord *topic)
{
  const char *trend = helder_record_get_text (topic, "trend");

  return g_strcmp0 (trend, "rising") == 0 ? 2 : g_strcmp0 (trend, "falling") == 0 ? 0 : 1;
}

static int
compare_trend (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  int x = trend_rank ((HelderRecord *) a), y = trend_rank ((HelderRecord *) b);

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_signals (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  HelderRadarView *self = data;
  guint x = helder_radar_widget_count_signals (self->radar, helder_record_get_id ((HelderRecord *) a));
  guint y = helder_radar_widget_count_signals (self->radar, helder_record_get_id ((HelderRecord *) b));

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_title (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  int c = g_utf8_collate (helder_record_get_title ((HelderRecord *) a), helder_record_get_title ((HelderRecord *) b));

  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_column (HelderRadarView     *self,
            GtkColumnViewColumn *column,
            GCallback            bind,
            int                  xalign,
            GCompareDataFunc     compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, self, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (xalign));
  g_signal_connect_object (factory, "bind", bind, self, 0);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (factory);
}

/* The planner asks to show a topic (a priority's, say) */
static void
show_record (HelderRadarView *self,
             const char      *type_name,
             const char      *id)
{
  if (self->compare_button != NULL)
    gtk_toggle_button_set_active (self->compare_button, FALSE);
  helder_radar_widget_select (self->radar, id, TRUE);
}

/* Lists, made when first shown */

/* The topic list gets its rows after the radar's first frame: GTK 4.8
 * makes up to 200 rows at once (800 labels here), which would double the
 * time to the first frame of the Radar view. */
static gboolean
fill_list (gpointer data)
{
  HelderRadarView *self = data;

  self->list_source = 0;
  if (self->selection != NULL)
    gtk_column_view_set_model (self->topic_view, GTK_SELECTION_MODEL (self->selection));
  return G_SOURCE_REMOVE;
}

static void
ensure_lists (HelderRadarView *self)
{
  GtkSorter *sorter;
  GtkWidget *page;

  if (self->topics != NULL || self->service == NULL)
    return;
  self->topics = helder_plan_service_topics (plan (self), HELDER_TOPIC_ORDER_SCORE);
  /* The planner's one list of signals, which the topic's log reads too:
   * the 10,000 signals are read once, not per view */
  self->signals = helder_plan_signals_all (plan (self));
  self->filter = gtk_custom_filter_new (topic_shown, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->topics)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  helder_radar_widget_set_signals (self->radar, G_LIST_MODEL (self->signals));
  helder_radar_widget_set_topics (self->radar, G_LIST_MODEL (self->filtered));

  sorter = gtk_column_view_get_sorter (self->topic_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (list_selection_changed), self,
                           G_CONNECT_SWAPPED);
  if (self->list_source == 0)
    self->list_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, fill_list, self, NULL);
  helder_quarter_compare_set_service (self->compare, plan (self));
  helder_radar_view_refresh_quarter (self);
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), HELDER_TYPE_PLANNER_PAGE);
  if (page != NULL && !self->follows_page)
    {
      g_signal_connect_object (page, "show-record::topic", G_CALLBACK (show_record), self, G_CONNECT_SWAPPED);
      self->follows_page = TRUE;
    }
}

static void
drop_lists (HelderRadarView *self)
{
  helder_radar_detail_set_topic (self->detail, NULL);
  helder_radar_widget_set_topics (self->radar, NULL);
  helder_radar_widget_set_signals (self->radar, NULL);
  g_clear_handle_id (&self->list_source, g_source_remove);
  gtk_column_view_set_model (self->topic_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->signals);
  g_clear_object (&self->topics);
}

static void
set_paused (HelderRadarView *self,
            gboolean         paused)
{
  if (self->topics != NULL)
    helder_record_list_set_paused (self->topics, paused);
  if (self->signals != NULL)
    helder_record_list_set_paused (self->signals, paused);
}

static void
helder_radar_view_map (GtkWidget *widget)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (widget);

  ensure_lists (self);
  set_paused (self, FALSE);

  GTK_WIDGET_CLASS (helder_radar_view_parent_class)->map (widget);
}

static void
helder_radar_view_unmap (GtkWidget *widget)
{
  set_paused (HELDER_RADAR_VIEW (widget), TRUE);

  GTK_WIDGET_CLASS (helder_radar_view_parent_class)->unmap (widget);
}

HelderService *
helder_radar_view_get_service (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->service;
}

void
helder_radar_view_set_service (HelderRadarView *self,
                               HelderService   *service)
{
  g_return_if_fail (HELDER_IS_RADAR_VIEW (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  drop_lists (self);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_func (helder_service_get_session (self->service), actions_update, self);
  g_set_object (&self->service, service);
  if (service != NULL)
    g_signal_connect_object (helder_service_get_session (service), "notify::role", G_CALLBACK (actions_update),
                             self, G_CONNECT_SWAPPED);
  helder_radar_detail_set_service (self->detail, plan (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_lists (self);
  actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

HelderRadarWidget *
helder_radar_view_get_radar (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->radar;
}

HelderRadarDetail *
helder_radar_view_get_detail (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->detail;
}

GtkColumnView *
helder_radar_view_get_list (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->topic_view;
}

const char *
helder_radar_view_get_quarter (HelderRadarView *self)
{
  g_return_val_if_fail (HELDER_IS_RADAR_VIEW (self), NULL);

  return self->quarter;
}

static void
helder_radar_view_dispose (GObject *object)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (object);

  drop_lists (self);
  g_clear_object (&self->service);
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  self->undo_toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_RADAR_VIEW);

  G_OBJECT_CLASS (helder_radar_view_parent_class)->dispose (object);
}

static void
helder_radar_view_finalize (GObject *object)
{
  HelderRadarView *self = HELDER_RADAR_VIEW (object);

  g_free (self->quarter);
  g_free (self->search);
  g_free (self->undo_id);

  G_OBJECT_CLASS (helder_radar_view_parent_class)->finalize (object);
}

static void
helder_radar_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, HELDER_RADAR_VIEW (object)->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_radar_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_radar_view_set_service (HELDER_RADAR_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_radar_view_class_init (HelderRadarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_RADAR_WIDGET);
  g_type_ensure (HELDER_TYPE_RADAR_DOT);
  g_type_ensure (HELDER_TYPE_RADAR_DETAIL);
  g_type_ensure (HELDER_TYPE_QUARTER_COMPARE);

  object_class->dispose = helder_radar_view_dispose;
  object_class->finalize = helder_radar_view_finalize;
  object_class->get_property = helder_radar_view_get_property;
  object_class->set_property = helder_radar_view_set_property;
  widget_class->map = helder_radar_view_map;
  widget_class->unmap = helder_radar_view_unmap;

  /* The planner service (a HelderPlanService) */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-radar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, box);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, main_pane);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, quarter_label);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, quarter_state);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, export_button);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, left_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, side);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, side_separator);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, radar);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, legend_rising);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, legend_stable);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, legend_falling);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, compare);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, topic_view);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, title_column);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, score_column);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, trend_column);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, signals_column);
  gtk_widget_class_bind_template_child (widget_class, HelderRadarView, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, compare_toggled);
  gtk_widget_class_bind_template_callback (widget_class, radar_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, radar_activated);
  gtk_widget_class_bind_template_callback (widget_class, radar_move);

  gtk_widget_class_install_action (widget_class, "radar.review", NULL, review_activated);
  gtk_widget_class_install_action (widget_class, "radar.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "radar.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "radar.show-radar", NULL, show_radar_activated);
  gtk_widget_class_install_action (widget_class, "radar.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "radar.export-csv", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "radar.import-csv", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "radar.export-png", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "radar.export-pdf", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "radar.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "radar.undo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
helder_radar_view_init (HelderRadarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  helder_radar_dot_set_trend (self->legend_rising, "rising");
  helder_radar_dot_set_trend (self->legend_stable, "stable");
  helder_radar_dot_set_trend (self->legend_falling, "falling");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->legend_rising), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->legend_stable), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->legend_falling), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  set_column (self, self->title_column, G_CALLBACK (bind_title), 0, compare_title);
  set_column (self, self->score_column, G_CALLBACK (bind_score), 50, compare_score);
  g_signal_connect_after (gtk_column_view_column_get_factory (self->score_column), "setup",
                          G_CALLBACK (setup_score), NULL);
  set_column (self, self->trend_column, G_CALLBACK (bind_trend), 0, compare_trend);
  set_column (self, self->signals_column, G_CALLBACK (bind_signals), 100, compare_signals);
  gtk_column_view_sort_by_column (self->topic_view, self->score_column, GTK_SORT_DESCENDING);
  actions_update (self);
}
