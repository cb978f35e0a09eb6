/* helder-priorities-view.c: the priority ledger: ranked list and a detail column that edits in place
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-priorities-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-priorities-view-private.h"
#include "helder-window.h"

/* The ledger (issue 12, item 1): the priorities of the coalition
 * agreement in rank order in a GtkListView over the live list, and the
 * selected one in a second leaflet column where every field edits in
 * place.  A priority moves by drag and drop or Alt+Up/Down; the core
 * renumbers the ledger in one transaction and a toast offers to undo it.
 * The list follows the store item by item: a colleague's move re-sorts
 * it, and the selection stays with the priority, not the place.
 *
 * This file holds the list, the moves and the actions; the detail
 * column is helder-priorities-view-detail.c. */

G_DEFINE_FINAL_TYPE (HelderPrioritiesView, helder_priorities_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HelderPlanService *
plan (HelderPrioritiesView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

static HelderRecord *
selected (HelderPrioritiesView *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/* Which actions apply: a role that may not plan moves and edits nothing */
static void
actions_update (HelderPrioritiesView *self)
{
  HelderRecord *priority = selected (self);
  gboolean may = helder_priorities_view_may_edit (self) && priority != NULL;
  const char *status = priority ? helder_record_get_text (priority, "status") : NULL;
  guint position = 0, n = self->priorities ? g_list_model_get_n_items (G_LIST_MODEL (self->priorities)) : 0;
  gboolean done = g_strcmp0 (status, "done") == 0;
  gboolean up = FALSE, down = FALSE;

  /* A neighbour of its own part: finished ones stay among the finished */
  if (priority != NULL && self->priorities != NULL &&
      helder_record_list_lookup (self->priorities, helder_record_get_id (priority), &position))
    {
      if (position > 0)
        {
          g_autoptr(HelderRecord) prev = g_list_model_get_item (G_LIST_MODEL (self->priorities), position - 1);

          up = (g_strcmp0 (helder_record_get_text (prev, "status"), "done") == 0) == done;
        }
      if (position + 1 < n)
        {
          g_autoptr(HelderRecord) next = g_list_model_get_item (G_LIST_MODEL (self->priorities), position + 1);

          down = (g_strcmp0 (helder_record_get_text (next, "status"), "done") == 0) == done;
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.move-up", may && up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.move-down", may && down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.pause",
                                 may && helder_ledger_may_transition (status, HELDER_LEDGER_PAUSE, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.finish",
                                 may && helder_ledger_may_transition (status, HELDER_LEDGER_FINISH, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.reactivate",
                                 may && helder_ledger_may_transition (status, HELDER_LEDGER_REACTIVATE, NULL));
  gtk_widget_set_visible (self->hint_label, helder_priorities_view_may_edit (self));
  helder_priorities_view_update_form_actions (self);
}

/* The form's buttons for the selected priority's status (once made) */
void
helder_priorities_view_update_form_actions (HelderPrioritiesView *self)
{
  HelderRecord *priority = selected (self);
  const char *status = priority ? helder_record_get_text (priority, "status") : NULL;

  if (self->form == NULL)
    return;
  gtk_widget_set_visible (self->form->pause_button, helder_ledger_may_transition (status, HELDER_LEDGER_PAUSE, NULL));
  gtk_widget_set_visible (self->form->finish_button,
                          helder_ledger_may_transition (status, HELDER_LEDGER_FINISH, NULL));
  gtk_widget_set_visible (self->form->reactivate_button,
                          helder_ledger_may_transition (status, HELDER_LEDGER_REACTIVATE, NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->form->status_group), helder_priorities_view_may_edit (self));
}

/* The list's rows */

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static GdkContentProvider *
drag_prepare (GtkDragSource        *source,
              double                x,
              double                y,
              HelderPrioritiesView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "list-item");
  HelderRecord *priority = item ? gtk_list_item_get_item (item) : NULL;

  if (priority == NULL || !helder_priorities_view_may_edit (self))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, helder_record_get_id (priority));
}

static void
move_to (HelderPrioritiesView *self,
         const char           *id,
         guint                 position);

static gboolean
drop_on_row (GtkDropTarget        *target,
             const GValue         *value,
             double                x,
             double                y,
             HelderPrioritiesView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "list-item");
  HelderRecord *onto = item ? gtk_list_item_get_item (item) : NULL;
  guint position;

  if (onto == NULL || !G_VALUE_HOLDS_STRING (value) ||
      !helder_record_list_lookup (self->priorities, helder_record_get_id (onto), &position))
    return FALSE;
  move_to (self, g_value_get_string (value), position);
  return TRUE;
}

/* The row's tooltip (its whole title), asked for when shown: setting one
 * on each bind asks the display where the pointer is, a round trip per
 * row, and a move rebinds every row it renumbers. */
static gboolean
row_tooltip (GtkWidget   *box,
             int          x,
             int          y,
             gboolean     keyboard,
             GtkTooltip  *tooltip,
             GtkListItem *item)
{
  HelderRecord *priority = gtk_list_item_get_item (item);

  if (priority == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, helder_record_get_title (priority));
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HelderPrioritiesView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *rank = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (box, "priority-row");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_add_css_class (rank, "priority-rank");
  gtk_label_set_width_chars (GTK_LABEL (rank), 2);
  gtk_label_set_xalign (GTK_LABEL (rank), 1);
  /* One line each, ellipsized (the full title is the row's tooltip and
   * accessible label): wrapping labels are measured again and again on
   * every change, single lines once.  The list stays narrow enough for
   * the detail column beside it. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 34);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "priority-status");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), rank);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), status);

  g_object_set_data (G_OBJECT (box), "list-item", item);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect_object (box, "query-tooltip", G_CALLBACK (row_tooltip), item, 0);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare), self, 0);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_on_row), self, 0);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, box);
}

/* "Wonen · Sanne de Vries · 2026-Q4, 2027-Q1" */
static char *
row_subtitle (HelderRecord *priority)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quarters = helder_ledger_format_quarters (helder_record_get_list (priority, "quarters"));
  const char *fields[] = { "theme", "owner" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (helder_record_get_text (priority, fields[i]) != NULL && *helder_record_get_text (priority, fields[i]))
      g_ptr_array_add (parts, g_strdup (helder_record_get_text (priority, fields[i])));
  if (*quarters != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&quarters));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HelderPrioritiesView     *self)
{
  HelderRecord *priority = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *handle = gtk_widget_get_first_child (box);
  GtkWidget *rank = gtk_widget_get_next_sibling (handle);
  GtkWidget *texts = gtk_widget_get_next_sibling (rank);
  GtkWidget *status = gtk_widget_get_next_sibling (texts);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *state = helder_record_get_text (priority, "status");
  g_autofree char *place = NULL;
  g_autofree char *sub = row_subtitle (priority);
  g_autofree char *description = NULL;
  guint position = 0;

  helder_record_list_lookup (self->priorities, helder_record_get_id (priority), &position);
  place = g_strdup_printf ("%u", position + 1);
  gtk_label_set_text (GTK_LABEL (rank), place);
  gtk_label_set_text (GTK_LABEL (title), helder_record_get_title (priority));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_widget_set_visible (subtitle, *sub != '\0');
  gtk_label_set_text (GTK_LABEL (status), helder_ledger_status_label (state));
  gtk_widget_set_visible (status, g_strcmp0 (state, "paused") == 0 || g_strcmp0 (state, "done") == 0);
  gtk_widget_set_visible (handle, helder_priorities_view_may_edit (self));
  if (g_strcmp0 (state, "done") == 0)
    gtk_widget_add_css_class (box, "done");
  else
    gtk_widget_remove_css_class (box, "done");
  gtk_widget_remove_css_class (status, "paused");
  gtk_widget_remove_css_class (status, "done");
  if (g_strcmp0 (state, "paused") == 0 || g_strcmp0 (state, "done") == 0)
    gtk_widget_add_css_class (status, state);

  /* TRANSLATORS: a priority's place in the ledger, its status and what describes it */
  description = g_strdup_printf (_("Place %u, %s. %s"), position + 1, helder_ledger_status_label (state), sub);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, helder_record_get_title (priority),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The search: title, theme, owner and clause */

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  HelderPrioritiesView *self = user_data;
  const char *fields[] = { "title", "theme", "owner", "source_clause", "rationale" };

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = helder_record_get_text (item, fields[i]);
      g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

      if (folded != NULL && strstr (folded, self->search) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
on_search_changed (HelderPrioritiesView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (HelderPrioritiesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Selection: it stays with the priority, wherever the list moves it */

static gboolean
find_in_filtered (HelderPrioritiesView *self,
                  const char           *id,
                  guint                *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (helder_record_get_id (record), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_selection_changed (HelderPrioritiesView *self)
{
  HelderRecord *priority = selected (self);

  if (self->reselecting)
    return;
  /* Its row moved (a removal, then an insertion): the detail stays, and
   * on_list_changed selects the row again where it went */
  if (priority == NULL && self->selected_id != NULL && self->priorities != NULL &&
      helder_record_list_lookup (self->priorities, self->selected_id, NULL) != NULL)
    return;
  if (priority != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (helder_record_get_id (priority));
    }
  helder_priorities_view_show (self, priority);
  actions_update (self);
}

static void
on_list_changed (HelderPrioritiesView *self)
{
  guint position;
  gboolean empty_search = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                          self->search != NULL && *self->search != '\0';

  if (empty_search && gtk_stack_get_child_by_name (self->list_stack, "no-results") == NULL)
    {
      GtkWidget *none = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Priorities Found"));
      adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                       _("Try other words: the search looks in titles, themes, owners and clauses."));
      gtk_widget_add_css_class (none, "compact");
      gtk_stack_add_named (self->list_stack, none, "no-results");
    }
  gtk_stack_set_visible_child_name (self->list_stack, empty_search ? "no-results" : "list");
  if (self->selected_id != NULL && find_in_filtered (self, self->selected_id, &position))
    {
      if (gtk_single_selection_get_selected (self->selection) != position)
        {
          self->reselecting = TRUE;
          gtk_single_selection_set_selected (self->selection, position);
          self->reselecting = FALSE;
        }
      helder_priorities_view_show (self, selected (self));
    }
  else if (self->selected_id != NULL && !helder_record_list_lookup (self->priorities, self->selected_id, NULL))
    {
      /* deleted, here or elsewhere */
      g_clear_pointer (&self->selected_id, g_free);
      helder_priorities_view_show (self, NULL);
    }
  actions_update (self);
}

/* A priority made through the planner's New: selected, its title ready */
static void
on_items_added (HelderPrioritiesView *self,
                guint                 position,
                guint                 removed,
                guint                 added)
{
  g_autoptr(HelderRecord) made = NULL;

  if (!self->expect_new || added != 1 || removed != 0)
    return;
  self->expect_new = FALSE;
  made = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  helder_priorities_view_select (self, helder_record_get_id (made));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_row_activated (HelderPrioritiesView *self,
                  guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Moves */

static void
undo_move (AdwToast             *toast,
           HelderPrioritiesView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "priority-id");
  guint old = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "old-position"));
  g_autoptr(GError) error = NULL;

  if (plan (self) != NULL && !helder_plan_ledger_move (plan (self), id, old, NULL, &error))
    helder_priorities_view_report (self, _("Could not undo the move"), error);
}

static void
moved (HelderPrioritiesView *self,
       const char           *id,
       guint                 old_position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint position;
  g_autofree char *text = NULL;
  HelderRecord *priority;
  AdwToast *toast;

  if (!helder_record_list_lookup (self->priorities, id, &position) || position == old_position)
    return;
  priority = helder_record_list_lookup (self->priorities, id, NULL);
  /* TRANSLATORS: a priority moved in the ledger: its title and new place */
  text = g_strdup_printf (_("“%s” moved to place %u"), helder_record_get_title (priority), position + 1);
  if (!HELDER_IS_WINDOW (root))
    return;
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "priority-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (toast), "old-position", GUINT_TO_POINTER (old_position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_move), self, 0);
  helder_window_add_toast (HELDER_WINDOW (root), toast);
}

static void
move_to (HelderPrioritiesView *self,
         const char           *id,
         guint                 position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moving = g_strdup (id);
  guint old;

  if (plan (self) == NULL || !helder_priorities_view_may_edit (self))
    return;
  if (!helder_plan_ledger_move (plan (self), moving, position, &old, &error))
    {
      helder_priorities_view_report (self, _("Could not move the priority"), error);
      return;
    }
  helder_priorities_view_select (self, moving);
  moved (self, moving, old);
}

static void
move_by (HelderPrioritiesView *self,
         int                   delta)
{
  HelderRecord *priority = selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint old, position;

  if (priority == NULL || plan (self) == NULL || !helder_priorities_view_may_edit (self))
    return;
  id = g_strdup (helder_record_get_id (priority));
  if (!helder_plan_ledger_move_by (plan (self), id, delta, &old, &error))
    {
      if (g_error_matches (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION))
        gtk_widget_error_bell (GTK_WIDGET (self));
      else
        helder_priorities_view_report (self, _("Could not move the priority"), error);
      return;
    }
  helder_priorities_view_select (self, id);
  moved (self, id, old);
  /* Keep the keyboard on the row that moved */
  if (find_in_filtered (self, id, &position))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (HELDER_PRIORITIES_VIEW (widget), g_str_equal (action_name, "ledger.move-up") ? -1 : 1);
}

static void
transition_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderPrioritiesView *self = HELDER_PRIORITIES_VIEW (widget);
  HelderRecord *priority = selected (self);
  HelderLedgerTransition transition = g_str_equal (action_name, "ledger.pause") ? HELDER_LEDGER_PAUSE
                                    : g_str_equal (action_name, "ledger.finish") ? HELDER_LEDGER_FINISH
                                    : HELDER_LEDGER_REACTIVATE;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (priority == NULL || plan (self) == NULL)
    return;
  id = g_strdup (helder_record_get_id (priority));
  if (!helder_plan_ledger_transition (plan (self), id, transition, &error))
    helder_priorities_view_report (self, _("Could not change the priority’s status"), error);
  helder_priorities_view_select (self, id);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderPrioritiesView *self = HELDER_PRIORITIES_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
helder_priorities_view_back (HelderPrioritiesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The lists */

static void set_paused (HelderPrioritiesView *self,
                        gboolean              paused);

static void
unbind (HelderPrioritiesView *self)
{
  HelderRecordList **lists[] = { &self->priorities, &self->topics, &self->messages, &self->works, &self->users };

  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      if (*lists[i] != NULL)
        g_signal_handlers_disconnect_by_data (*lists[i], self);
      g_clear_object (lists[i]);
    }
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (helder_service_get_session (self->service), self);
}

static void
on_role_changed (HelderPrioritiesView *self)
{
  self->role_changed = TRUE;
  actions_update (self);
  helder_priorities_view_show (self, selected (self));
  /* the rows' drag handles */
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
bind (HelderPrioritiesView *self)
{
  if (self->service == NULL)
    return;
  self->priorities = helder_service_list (self->service, HELDER_TYPE_PRIORITY);
  helder_record_list_set_sort_func (self->priorities, helder_ledger_compare, NULL, NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->priorities));
  g_signal_connect_object (helder_service_get_session (self->service), "notify::role",
                           G_CALLBACK (on_role_changed), self, G_CONNECT_SWAPPED);
}

/* The lists the detail needs (what hangs from a priority, the owners):
 * made when a priority is first shown, so the ledger's first frame reads
 * only the priorities. */
void
helder_priorities_view_ensure_lists (HelderPrioritiesView *self)
{
  if (self->topics != NULL || self->service == NULL)
    return;
  self->topics = helder_service_list (self->service, HELDER_TYPE_TOPIC);
  self->messages = helder_service_list (self->service, HELDER_TYPE_MESSAGE);
  self->works = helder_service_list (self->service, HELDER_TYPE_WORKS);
  self->users = helder_service_list (self->service, HELDER_TYPE_USER);
  g_signal_connect_object (self->topics, "items-changed", G_CALLBACK (helder_priorities_view_update_hangers),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->messages, "items-changed", G_CALLBACK (helder_priorities_view_update_hangers),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->works, "items-changed", G_CALLBACK (helder_priorities_view_update_hangers),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->users, "items-changed", G_CALLBACK (helder_priorities_view_update_owners),
                           self, G_CONNECT_SWAPPED);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    set_paused (self, TRUE);
  helder_priorities_view_update_owners (self);
}

static void
set_paused (HelderPrioritiesView *self,
            gboolean              paused)
{
  HelderRecordList *lists[] = { self->priorities, self->topics, self->messages, self->works, self->users };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i] != NULL)
      helder_record_list_set_paused (lists[i], paused);
}

static void
helder_priorities_view_map (GtkWidget *widget)
{
  set_paused (HELDER_PRIORITIES_VIEW (widget), FALSE);
  GTK_WIDGET_CLASS (helder_priorities_view_parent_class)->map (widget);
}

static void
helder_priorities_view_unmap (GtkWidget *widget)
{
  set_paused (HELDER_PRIORITIES_VIEW (widget), TRUE);
  GTK_WIDGET_CLASS (helder_priorities_view_parent_class)->unmap (widget);
}

static void
helder_priorities_view_dispose (GObject *object)
{
  HelderPrioritiesView *self = HELDER_PRIORITIES_VIEW (object);

  unbind (self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->owners);
  g_clear_object (&self->shown);
  g_clear_object (&self->service);
  /* The leaflet is both the bin's child and a template child: the bin
   * lets go first, or it would unparent it twice.  Dispose may run twice;
   * the template goes once. */
  if (self->leaflet != NULL)
    {
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_PRIORITIES_VIEW);
    }
  /* went with the detail stack */
  self->form = NULL;

  G_OBJECT_CLASS (helder_priorities_view_parent_class)->dispose (object);
}

static void
helder_priorities_view_finalize (GObject *object)
{
  HelderPrioritiesView *self = HELDER_PRIORITIES_VIEW (object);

  g_free (self->search);
  g_free (self->selected_id);

  G_OBJECT_CLASS (helder_priorities_view_parent_class)->finalize (object);
}

static void
helder_priorities_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, HELDER_PRIORITIES_VIEW (object)->service);
      break;
    case PROP_MODEL:
      g_value_set_object (value, helder_priorities_view_get_model (HELDER_PRIORITIES_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_priorities_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_priorities_view_set_service (HELDER_PRIORITIES_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_priorities_view_class_init (HelderPrioritiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_priorities_view_dispose;
  object_class->finalize = helder_priorities_view_finalize;
  object_class->get_property = helder_priorities_view_get_property;
  object_class->set_property = helder_priorities_view_set_property;
  widget_class->map = helder_priorities_view_map;
  widget_class->unmap = helder_priorities_view_unmap;

  /* The planner's service (a HelderPlanService): lists and the ledger's actions */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the list shows (helder_priorities_view_get_model) */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-priorities-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HelderPrioritiesView, name)
  CHILD (leaflet);
  CHILD (list_pane);
  CHILD (search_bar);
  CHILD (search_entry);
  CHILD (list_stack);
  CHILD (list_view);
  CHILD (hint_label);
  CHILD (detail_stack);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "ledger.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "ledger.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "ledger.pause", NULL, transition_activated);
  gtk_widget_class_install_action (widget_class, "ledger.finish", NULL, transition_activated);
  gtk_widget_class_install_action (widget_class, "ledger.reactivate", NULL, transition_activated);
  gtk_widget_class_install_action (widget_class, "ledger.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "ledger.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "ledger.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "ledger.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "ledger.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "ledger.find", NULL);
}

static void
helder_priorities_view_init (HelderPrioritiesView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (matches_search, self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* After the selection model has followed: the detail follows the row */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_list_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_added), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  helder_priorities_view_detail_init (self);
  helder_priorities_view_show (self, NULL);
  actions_update (self);
}

HelderService *
helder_priorities_view_get_service (HelderPrioritiesView *self)
{
  g_return_val_if_fail (HELDER_IS_PRIORITIES_VIEW (self), NULL);

  return self->service;
}

/**
 * helder_priorities_view_set_service:
 * @service: (nullable): the planner's service
 */
void
helder_priorities_view_set_service (HelderPrioritiesView *self,
                                    HelderService        *service)
{
  g_return_if_fail (HELDER_IS_PRIORITIES_VIEW (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  unbind (self);
  g_set_object (&self->service, service);
  bind (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    set_paused (self, TRUE);
  on_list_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

/**
 * helder_priorities_view_get_model:
 *
 * Returns: (transfer none) (nullable): the ledger as the list shows it
 *   (in rank order, filtered by the search)
 */
GListModel *
helder_priorities_view_get_model (HelderPrioritiesView *self)
{
  g_return_val_if_fail (HELDER_IS_PRIORITIES_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

const char *
helder_priorities_view_get_selected_id (HelderPrioritiesView *self)
{
  g_return_val_if_fail (HELDER_IS_PRIORITIES_VIEW (self), NULL);

  return selected (self) ? helder_record_get_id (selected (self)) : NULL;
}

/**
 * helder_priorities_view_select:
 *
 * Selects the priority and shows it in the detail column.
 *
 * Returns: whether the list shows it (the search may hide it)
 */
gboolean
helder_priorities_view_select (HelderPrioritiesView *self,
                               const char           *priority_id)
{
  guint position;

  g_return_val_if_fail (HELDER_IS_PRIORITIES_VIEW (self), FALSE);

  if (!find_in_filtered (self, priority_id, &position))
    return FALSE;
  g_free (self->selected_id);
  self->selected_id = g_strdup (priority_id);
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  else
    helder_priorities_view_show (self, selected (self));
  actions_update (self);
  return TRUE;
}

/**
 * helder_priorities_view_expect_new:
 * @expect: whether a priority is being made now (the New dialog is open)
 *
 * The next priority that arrives is selected.
 */
void
helder_priorities_view_expect_new (HelderPrioritiesView *self,
                                   gboolean              expect)
{
  g_return_if_fail (HELDER_IS_PRIORITIES_VIEW (self));

  self->expect_new = expect;
}
