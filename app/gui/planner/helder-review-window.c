/* helder-review-window.c: the quarterly review, a guided flow in its own window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-radar-dot.h"
#include "helder-review-window.h"
#include "model/helder-record-format.h"

/* Steps in an AdwLeaflet (libadwaita 1.2 has no navigation view): the
 * overview of every topic and priority with its decision, a decision page
 * per item (keep, adjust, drop, each with a reason; "Save and Next" goes
 * on to the next one not yet decided), a page to add a topic, and the
 * closing.  Only an advisor or administrator closes the quarter; others
 * read why not.  A closed quarter, picked in the header, is shown
 * read-only. */

struct _HelderReviewWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *back_button;
  GtkDropDown       *picker;
  AdwWindowTitle    *window_title;
  AdwLeaflet        *leaflet;
  GtkLabel          *intro_label;
  GtkWidget         *add_button;
  GtkListBox        *topic_rows;
  GtkListBox        *priority_rows;
  GtkWidget         *to_close_button;
  GtkLabel          *item_title;
  GtkLabel          *item_now;
  GtkWidget         *decision_box;
  GtkToggleButton   *keep_button;
  GtkToggleButton   *adjust_button;
  GtkToggleButton   *drop_button;
  GtkWidget         *adjust_group;
  GtkWidget         *new_admin_row;
  GtkWidget         *new_societal_row;
  GtkWidget         *new_rank_row;
  GtkSpinButton     *new_admin;
  GtkSpinButton     *new_societal;
  GtkSpinButton     *new_rank;
  GtkTextView       *reason_view;
  GtkLabel          *decide_error;
  GtkWidget         *save_button;
  AdwEntryRow       *add_title;
  GtkSpinButton     *add_admin;
  GtkSpinButton     *add_societal;
  GtkTextView       *add_reason;
  GtkLabel          *add_error;
  AdwStatusPage     *close_page;
  GtkLabel          *why_not_label;
  GtkLabel          *close_error;
  GtkWidget         *close_button;
  GtkWidget         *done_button;

  /* Owned */
  HelderPlanService *service;
  char              *quarter;
  GStrv              quarters;   /* the picker's */
  GPtrArray         *items;      /* topics, then priorities */
  guint              current;
  gboolean           closed;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (HelderReviewWindow, helder_review_window, ADW_TYPE_WINDOW)

enum {
  QUARTER_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
may_edit (HelderReviewWindow *self)
{
  return !self->closed && helder_plan_quarter_may_close (self->service, NULL);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_error (GtkLabel   *label,
           const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static HelderReviewDecision
decision_of (HelderReviewWindow *self,
             HelderRecord       *item)
{
  g_autoptr(HelderRecord) review = helder_plan_quarter_review_of (self->service, self->quarter, item);

  return review != NULL ? helder_review_decision_from_string (helder_record_get_text (review, "decision"))
                        : HELDER_REVIEW_NONE;
}

static char *
describe_now (HelderRecord *item)
{
  if (HELDER_IS_PRIORITY (item))
    return g_strdup_printf (_("Now at place %d in the ledger"), helder_record_get_int (item, "rank"));
  /* Translators: a topic's scores and trend now */
  return g_strdup_printf (_("Now: administrative impact %d, societal impact %d, %s"),
                          helder_record_get_int (item, "admin_impact"),
                          helder_record_get_int (item, "societal_impact"),
                          helder_radar_trend_label (helder_record_get_text (item, "trend")));
}

static GtkWidget *
item_row (HelderReviewWindow *self,
          HelderRecord       *item,
          guint               index)
{
  g_autoptr(HelderRecord) review = helder_plan_quarter_review_of (self->service, self->quarter, item);
  HelderReviewDecision decision = review != NULL
    ? helder_review_decision_from_string (helder_record_get_text (review, "decision")) : HELDER_REVIEW_NONE;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (helder_review_decision_label (decision));
  g_autofree char *now = describe_now (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_record_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               review != NULL && helder_record_get_text (review, "reason") != NULL
                               ? helder_record_get_text (review, "reason") : now);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (status, decision == HELDER_REVIEW_NONE ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  return row;
}

static void
clear_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
collect (HelderReviewWindow *self,
         GListModel         *list,
         gboolean            topics)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HelderRecord) item = g_list_model_get_item (list, i);
      const char *status = helder_record_get_text (item, "status");
      gboolean gone = g_strcmp0 (status, topics ? "dropped" : "done") == 0;

      /* An open quarter reviews what is in play; a closed one shows what
       * it decided on */
      if (self->closed ? decision_of (self, item) == HELDER_REVIEW_NONE : gone)
        continue;
      g_ptr_array_add (self->items, g_steal_pointer (&item));
    }
}

static void
fill_overview (HelderReviewWindow *self)
{
  g_autoptr(HelderRecordList) topics = helder_plan_service_topics (self->service, HELDER_TOPIC_ORDER_SCORE);
  g_autoptr(HelderRecordList) priorities = helder_plan_service_priorities (self->service);
  g_autofree char *label = helder_quarter_label (self->quarter);
  g_autofree char *intro = NULL;
  guint n_topics, reviewed = 0;

  g_ptr_array_set_size (self->items, 0);
  collect (self, G_LIST_MODEL (topics), TRUE);
  n_topics = self->items->len;
  collect (self, G_LIST_MODEL (priorities), FALSE);

  clear_rows (self->topic_rows);
  clear_rows (self->priority_rows);
  for (guint i = 0; i < self->items->len; i++)
    {
      gtk_list_box_append (i < n_topics ? self->topic_rows : self->priority_rows,
                           item_row (self, self->items->pdata[i], i));
      reviewed += decision_of (self, self->items->pdata[i]) != HELDER_REVIEW_NONE;
    }

  adw_window_title_set_subtitle (self->window_title, label);
  if (self->closed)
    intro = g_strdup_printf (_("%s is closed. These are the decisions it was closed with."), label);
  else
    /* Translators: the review's progress: decided items of all items, and the quarter */
    intro = g_strdup_printf (_("%u of %u topics and priorities of %s have a decision. Choose one to decide; "
                               "the decisions take effect when the quarter is closed."),
                             reviewed, self->items->len, label);
  gtk_label_set_text (self->intro_label, intro);
  gtk_widget_set_visible (self->add_button, may_edit (self));
  gtk_widget_set_visible (self->to_close_button, !self->closed);
}

/* Deciding on one item */

static void
update_adjust (HelderReviewWindow *self)
{
  HelderRecord *item = self->current < self->items->len ? self->items->pdata[self->current] : NULL;
  gboolean priority = item != NULL && HELDER_IS_PRIORITY (item);

  gtk_widget_set_visible (self->adjust_group, gtk_toggle_button_get_active (self->adjust_button));
  gtk_widget_set_visible (self->new_admin_row, !priority);
  gtk_widget_set_visible (self->new_societal_row, !priority);
  gtk_widget_set_visible (self->new_rank_row, priority);
}

static void
decision_toggled (HelderReviewWindow *self)
{
  update_adjust (self);
}

/**
 * helder_review_window_open_item:
 *
 * Shows the decision page of item @index (topics first, then priorities).
 */
void
helder_review_window_open_item (HelderReviewWindow *self,
                                guint               index)
{
  HelderRecord *item;
  g_autoptr(HelderRecord) review = NULL;
  g_autofree char *now = NULL;
  HelderReviewDecision decision;
  gboolean editable = may_edit (self);

  g_return_if_fail (HELDER_IS_REVIEW_WINDOW (self));
  g_return_if_fail (index < self->items->len);

  self->current = index;
  item = self->items->pdata[index];
  review = helder_plan_quarter_review_of (self->service, self->quarter, item);
  decision = review != NULL ? helder_review_decision_from_string (helder_record_get_text (review, "decision"))
                            : HELDER_REVIEW_NONE;
  now = describe_now (item);

  gtk_label_set_text (self->item_title, helder_record_get_title (item));
  gtk_label_set_text (self->item_now, now);
  gtk_toggle_button_set_active (self->keep_button, decision == HELDER_REVIEW_KEEP || decision == HELDER_REVIEW_NEW);
  gtk_toggle_button_set_active (self->adjust_button, decision == HELDER_REVIEW_ADJUST);
  gtk_toggle_button_set_active (self->drop_button, decision == HELDER_REVIEW_DROP);
  if (decision == HELDER_REVIEW_NONE)
    {
      gtk_toggle_button_set_active (self->keep_button, FALSE);
      gtk_toggle_button_set_active (self->adjust_button, FALSE);
      gtk_toggle_button_set_active (self->drop_button, FALSE);
    }
  if (HELDER_IS_TOPIC (item))
    {
      int admin = review != NULL ? helder_record_get_int (review, "admin_impact") : 0;
      int societal = review != NULL ? helder_record_get_int (review, "societal_impact") : 0;

      gtk_spin_button_set_value (self->new_admin, admin > 0 ? admin : helder_record_get_int (item, "admin_impact"));
      gtk_spin_button_set_value (self->new_societal,
                                 societal > 0 ? societal : helder_record_get_int (item, "societal_impact"));
    }
  else
    {
      int rank = review != NULL ? helder_record_get_int (review, "rank") : 0;

      gtk_spin_button_set_value (self->new_rank, rank > 0 ? rank : MAX (helder_record_get_int (item, "rank"), 1));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view),
                            review != NULL && helder_record_get_text (review, "reason") != NULL
                            ? helder_record_get_text (review, "reason") : "", -1);
  gtk_widget_set_sensitive (self->decision_box, editable);
  gtk_widget_set_sensitive (self->adjust_group, editable);
  gtk_text_view_set_editable (self->reason_view, editable);
  gtk_widget_set_visible (self->save_button, editable);
  set_error (self->decide_error, NULL);
  update_adjust (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "decide");
}

static void
item_activated (HelderReviewWindow *self,
                GtkListBoxRow      *row)
{
  helder_review_window_open_item (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index")));
}

static gboolean
save_decision (HelderReviewWindow   *self,
               HelderReviewDecision  decision,
               const char           *reason)
{
  HelderRecord *item = self->items->pdata[self->current];
  g_autoptr(HelderRecord) review = NULL;
  g_autoptr(GError) error = NULL;

  if (decision == HELDER_REVIEW_NONE)
    {
      set_error (self->decide_error, _("Choose keep, adjust or drop."));
      return FALSE;
    }
  /* A topic added this quarter stays "new" when it is kept */
  if (decision == HELDER_REVIEW_KEEP && decision_of (self, item) == HELDER_REVIEW_NEW)
    decision = HELDER_REVIEW_NEW;
  if (HELDER_IS_TOPIC (item))
    review = helder_plan_quarter_review_topic (self->service, self->quarter, item, decision, reason,
                                               gtk_spin_button_get_value_as_int (self->new_admin),
                                               gtk_spin_button_get_value_as_int (self->new_societal), &error);
  else
    review = helder_plan_quarter_review_priority (self->service, self->quarter, item, decision, reason,
                                                  gtk_spin_button_get_value_as_int (self->new_rank), &error);
  if (review == NULL)
    {
      set_error (self->decide_error, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
go_on (HelderReviewWindow *self)
{
  guint from = self->current;

  fill_overview (self);
  for (guint i = 1; i <= self->items->len; i++)
    {
      guint next = (from + i) % self->items->len;

      if (decision_of (self, self->items->pdata[next]) == HELDER_REVIEW_NONE)
        {
          helder_review_window_open_item (self, next);
          return;
        }
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

/**
 * helder_review_window_decide:
 *
 * What "Save and Next" does, with @decision and @reason as chosen.
 */
void
helder_review_window_decide (HelderReviewWindow   *self,
                             HelderReviewDecision  decision,
                             const char           *reason)
{
  g_return_if_fail (HELDER_IS_REVIEW_WINDOW (self));

  if (save_decision (self, decision, reason))
    go_on (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);
  g_autofree char *reason = text_of (self->reason_view);
  HelderReviewDecision decision = gtk_toggle_button_get_active (self->keep_button) ? HELDER_REVIEW_KEEP
                                : gtk_toggle_button_get_active (self->adjust_button) ? HELDER_REVIEW_ADJUST
                                : gtk_toggle_button_get_active (self->drop_button) ? HELDER_REVIEW_DROP
                                : HELDER_REVIEW_NONE;

  helder_review_window_decide (self, decision, reason);
}

/* Adding a topic */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->add_title), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->add_reason), "", -1);
  set_error (self->add_error, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "add");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_title));
}

static void
add_save_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);
  g_autofree char *reason = text_of (self->add_reason);
  g_autoptr(HelderRecord) topic = NULL;
  g_autoptr(GError) error = NULL;

  topic = helder_plan_quarter_add_topic (self->service, self->quarter,
                                         gtk_editable_get_text (GTK_EDITABLE (self->add_title)),
                                         gtk_spin_button_get_value_as_int (self->add_admin),
                                         gtk_spin_button_get_value_as_int (self->add_societal),
                                         reason, &error);
  if (topic == NULL)
    {
      set_error (self->add_error, error->message);
      return;
    }
  fill_overview (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

/* Closing */

static void
fill_close (HelderReviewWindow *self)
{
  g_autofree char *label = helder_quarter_label (self->quarter);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *why_not = NULL;
  guint counts[HELDER_REVIEW_NEW + 1] = { 0, };
  gboolean may;

  for (guint i = 0; i < self->items->len; i++)
    counts[decision_of (self, self->items->pdata[i])]++;

  if (self->closed)
    {
      g_autoptr(HelderRecord) record = helder_plan_quarter_find (self->service, self->quarter);
      g_autofree char *when = helder_format_date (helder_record_get_text (record, "closed_at"));

      title = g_strdup_printf (_("%s Is Closed"), label);
      /* Translators: when a quarter was closed, and by whom */
      description = g_strdup_printf (_("Closed on %s by %s."), when != NULL ? when : "",
                                     helder_record_get_text (record, "closed_by")
                                     ? helder_record_get_text (record, "closed_by") : "");
      adw_status_page_set_icon_name (self->close_page, "object-select-symbolic");
    }
  else
    {
      title = g_strdup_printf (_("Close %s"), label);
      /* Translators: what closing the quarter does, counted */
      description = g_strdup_printf (_("Kept: %u · adjusted: %u · dropped: %u · new: %u · without a decision: %u "
                                       "(those stay as they are). Closing applies the decisions and keeps the "
                                       "radar and the ranks of this quarter; it cannot be undone."),
                                     counts[HELDER_REVIEW_KEEP], counts[HELDER_REVIEW_ADJUST],
                                     counts[HELDER_REVIEW_DROP], counts[HELDER_REVIEW_NEW],
                                     counts[HELDER_REVIEW_NONE]);
      adw_status_page_set_icon_name (self->close_page, "document-edit-symbolic");
    }
  adw_status_page_set_title (self->close_page, title);
  adw_status_page_set_description (self->close_page, description);

  may = helder_plan_quarter_may_close (self->service, &why_not);
  gtk_widget_set_visible (self->close_button, !self->closed);
  gtk_widget_set_sensitive (self->close_button, may);
  gtk_label_set_text (self->why_not_label, why_not != NULL ? why_not : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_not_label), !self->closed && !may);
  gtk_widget_set_visible (self->done_button, self->closed);
  set_error (self->close_error, NULL);
}

static void
to_close_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);

  fill_close (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "close");
}

static void fill_picker (HelderReviewWindow *self);

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = helder_plan_quarter_close (self->service, self->quarter, NULL, &error);
  if (record == NULL)
    {
      set_error (self->close_error, error->message);
      return;
    }
  self->closed = TRUE;
  fill_picker (self);
  fill_close (self);
  g_signal_emit (self, signals[QUARTER_CLOSED], 0, self->quarter);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (widget);

  fill_overview (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

static void
step_changed (HelderReviewWindow *self)
{
  gtk_widget_set_visible (self->back_button,
                          g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "overview") != 0);
}

/* The quarter picker: the one under review and the closed ones */

static void
show_quarter (HelderReviewWindow *self,
              const char         *quarter)
{
  g_free (self->quarter);
  self->quarter = g_strdup (quarter);
  self->closed = helder_plan_quarter_is_closed (self->service, quarter);
  fill_overview (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

static void
picker_changed (HelderReviewWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->picker);

  if (!self->filling && self->quarters != NULL && selected < g_strv_length (self->quarters))
    show_quarter (self, self->quarters[selected]);
}

static void
fill_picker (HelderReviewWindow *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) closed = helder_plan_quarter_closed (self->service);
  g_autofree char *current = helder_plan_quarter_current (self->service, NULL);
  guint selected = 0, n = 0;

  if (!helder_plan_quarter_is_closed (self->service, current))
    {
      g_autofree char *label = helder_quarter_label (current);
      g_autofree char *text = g_strdup_printf (_("%s (open)"), label);

      g_strv_builder_add (names, current);
      gtk_string_list_append (labels, text);
      if (g_strcmp0 (current, self->quarter) == 0)
        selected = n;
      n++;
    }
  for (guint i = 0; i < closed->len; i++)
    {
      const char *name = helder_record_get_text (closed->pdata[i], "quarter");
      g_autofree char *label = helder_quarter_label (name);

      g_strv_builder_add (names, name);
      gtk_string_list_append (labels, label);
      if (g_strcmp0 (name, self->quarter) == 0)
        selected = n;
      n++;
    }
  g_strfreev (self->quarters);
  self->quarters = g_strv_builder_end (names);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->picker, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->picker, selected);
  self->filling = FALSE;
}

const char *
helder_review_window_get_quarter (HelderReviewWindow *self)
{
  g_return_val_if_fail (HELDER_IS_REVIEW_WINDOW (self), NULL);

  return self->quarter;
}

const char *
helder_review_window_get_step (HelderReviewWindow *self)
{
  g_return_val_if_fail (HELDER_IS_REVIEW_WINDOW (self), NULL);

  return adw_leaflet_get_visible_child_name (self->leaflet);
}

guint
helder_review_window_get_n_items (HelderReviewWindow *self)
{
  g_return_val_if_fail (HELDER_IS_REVIEW_WINDOW (self), 0);

  return self->items->len;
}

/**
 * helder_review_window_new:
 * @quarter: (nullable): the quarter to show; %NULL: the one under review
 */
HelderReviewWindow *
helder_review_window_new (HelderPlanService *service,
                          const char        *quarter)
{
  HelderReviewWindow *self;
  g_autofree char *current = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (service), NULL);

  self = g_object_new (HELDER_TYPE_REVIEW_WINDOW, NULL);
  self->service = g_object_ref (service);
  if (quarter == NULL)
    quarter = current = helder_plan_quarter_current (service, NULL);
  self->quarter = g_strdup (quarter);
  fill_picker (self);
  show_quarter (self, quarter);
  return self;
}

static void
helder_review_window_dispose (GObject *object)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (object);

  g_clear_object (&self->service);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (helder_review_window_parent_class)->dispose (object);
}

static void
helder_review_window_finalize (GObject *object)
{
  HelderReviewWindow *self = HELDER_REVIEW_WINDOW (object);

  g_free (self->quarter);
  g_strfreev (self->quarters);

  G_OBJECT_CLASS (helder_review_window_parent_class)->finalize (object);
}

static void
helder_review_window_class_init (HelderReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_review_window_dispose;
  object_class->finalize = helder_review_window_finalize;

  /* The quarter was closed (its name) */
  signals[QUARTER_CLOSED] =
    g_signal_new ("quarter-closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-review-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HelderReviewWindow, name)
  BIND (back_button); BIND (picker); BIND (window_title); BIND (leaflet); BIND (intro_label);
  BIND (add_button); BIND (topic_rows); BIND (priority_rows); BIND (to_close_button); BIND (item_title);
  BIND (item_now); BIND (decision_box); BIND (keep_button); BIND (adjust_button); BIND (drop_button);
  BIND (adjust_group); BIND (new_admin_row); BIND (new_societal_row); BIND (new_rank_row);
  BIND (new_admin); BIND (new_societal); BIND (new_rank); BIND (reason_view); BIND (decide_error);
  BIND (save_button); BIND (add_title); BIND (add_admin); BIND (add_societal); BIND (add_reason);
  BIND (add_error); BIND (close_page); BIND (why_not_label); BIND (close_error); BIND (close_button);
  BIND (done_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, item_activated);
  gtk_widget_class_bind_template_callback (widget_class, decision_toggled);
  gtk_widget_class_bind_template_callback (widget_class, step_changed);
  gtk_widget_class_bind_template_callback (widget_class, picker_changed);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "review.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "review.add-save", NULL, add_save_activated);
  gtk_widget_class_install_action (widget_class, "review.to-close", NULL, to_close_activated);
  gtk_widget_class_install_action (widget_class, "review.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "review.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "review.back", NULL);
}

static void
helder_review_window_init (HelderReviewWindow *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  step_changed (self);
}
