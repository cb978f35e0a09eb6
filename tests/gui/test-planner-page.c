/* test-planner-page.c: the planner in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gui-test-app.h"
#include "helder-page-title.h"
#include "helder-example-data.h"
#include "helder-tooltip.h"
#include "planner/helder-calendar-view.h"
#include "planner/helder-planner-page.h"
#include "planner/helder-priorities-view.h"
#include "planner/helder-radar-view.h"
#include "planner/helder-review-window.h"
#include "planner/helder-signal-log.h"
#include "planner/helder-signal-popover.h"
#include "plan/helder-plan-quarter.h"
#include "plan/helder-plan-service.h"
#include "service/helder-session.h"

/* The document a message gets is saved together with the link to it:
 * when the document arrives, the message points to it already. */
static void
document_arrives_linked (HelderStore        *store,
                         const char         *type_name,
                         const char * const *ids,
                         HelderRecord       *message)
{
  g_autoptr(HelderRecord) stored = helder_store_load (store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);

  if (ids[0] != NULL && g_strcmp0 (helder_record_get_text (stored, "body"), ids[0]) == 0)
    g_object_set_data (G_OBJECT (message), "linked-in-one-go", GINT_TO_POINTER (TRUE));
}

/* A planner message opens its text in Schrijven; one without a text
 * gets a new document that the message then points to. */
static void
test_message_opens_text (void)
{
  HelderWindow *window = helder_test_open_window ("message-text.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) saved = NULL;
  GtkWidget *messages;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwViewStack *views;

  g_object_set (document, "title", "Brief over de riolering", "body", "Beste bewoner,", NULL);
  helder_store_save (store, document, NULL);
  g_object_set (message, "title", "Riolering Pastoor van Leeuwenstraat",
                "body", helder_record_get_id (document), "window-start", today, NULL);
  helder_store_save (store, message, NULL);
  g_object_set (priority, "title", "Betaalbaar wonen", NULL);
  helder_store_save (store, priority, NULL);

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  /* The calendar's agenda lists the message; activating it opens its text */
  views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));
  adw_view_stack_set_visible_child_name (views, "messages");
  g_object_set (helder_test_find (window, "calendar_view"), "mode", "agenda", NULL);
  helder_test_iterate (100);
  messages = helder_test_find (window, "agenda_view");
  helder_test_activate_item (messages, 0);
  helder_test_iterate (100);
  g_assert_cmpstr (helder_window_get_page (window), ==, "write");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find (window, "title_entry"))), ==, "Brief over de riolering");

  /* Without a text: a new one, linked. */
  g_object_set (message, "body", NULL, NULL);
  helder_store_save (store, message, NULL);
  helder_test_page_state (window, "planner");
  g_signal_connect (store, "records-changed::document", G_CALLBACK (document_arrives_linked), message);
  helder_test_activate_item (messages, 0);
  helder_test_iterate (100);
  g_assert_cmpstr (helder_window_get_page (window), ==, "write");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find (window, "title_entry"))), ==,
                   "Riolering Pastoor van Leeuwenstraat");
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 2);
  saved = helder_store_load (store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
  g_assert_nonnull (helder_record_get_text (saved, "body"));
  g_assert_cmpstr (helder_record_get_text (saved, "body"), !=, helder_record_get_id (document));
  g_assert_true (g_object_get_data (G_OBJECT (message), "linked-in-one-go") != NULL);
  g_signal_handlers_disconnect_by_func (store, document_arrives_linked, message);
}

static HelderRecord *
save_priority (HelderStore *store,
               const char  *title,
               int          rank)
{
  HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);

  g_object_set (priority, "title", title, "rank", rank, NULL);
  g_assert_true (helder_store_save (store, priority, NULL));
  return priority;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n)
{
  (*n)++;
}

/* A record changed elsewhere (here: straight in the store, as sync does)
 * changes its row: the list is not read again. */
static void
test_row_follows_store (void)
{
  HelderWindow *window = helder_test_open_window ("planner-live.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) first = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) second = save_priority (store, "Energietransitie", 2);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) model_after = NULL;
  guint n_changes = 0;

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  g_assert_true (helder_test_shows_text (window, "Energietransitie"));
  model = g_object_ref (helder_priorities_view_get_model (HELDER_PRIORITIES_VIEW (helder_test_find (window, "priorities_view"))));
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &n_changes);

  g_object_set (second, "title", "Energietransitie samen met inwoners", NULL);
  g_assert_true (helder_store_save (store, second, NULL));
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, "Energietransitie samen met inwoners"));
  g_assert_false (helder_test_shows_text (window, "Energietransitie"));
  g_assert_true (helder_test_shows_text (window, "Betaalbaar wonen"));
  g_assert_cmpuint (n_changes, ==, 1);
  model_after = g_object_ref (helder_priorities_view_get_model (HELDER_PRIORITIES_VIEW (helder_test_find (window, "priorities_view"))));
  g_assert_true (model == model_after);
  g_signal_handlers_disconnect_by_func (model, count_changes, &n_changes);
}

/* The planner's views switch in the header bar. */
static void
test_views_in_header (void)
{
  HelderWindow *window = helder_test_open_window ("planner-views.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) priority = NULL;
  HelderPageTitle *title = HELDER_PAGE_TITLE (helder_test_find (window, "page_title"));
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));

  /* An empty planner offers its first action, not views of nothing */
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "empty");
  g_assert_null (helder_page_title_get_stack (title));
  /* A planner with only a message (counted, not read) has content */
  {
    g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);

    g_object_set (message, "title", "Afvalkalender 2027", "window-start", "2027-01-04", NULL);
    g_assert_true (helder_store_save (store, message, NULL));
    g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
    g_assert_true (helder_store_delete (store, message, NULL));
    helder_test_page_state (window, "write");
    g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "empty");
  }
  priority = save_priority (store, "Betaalbaar wonen", 1);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  g_assert_true (helder_page_title_get_stack (title) == views);
  adw_view_stack_set_visible_child_name (views, "works");
  helder_test_iterate (50);
  g_assert_true (helder_test_shows_text (window, "No works yet"));
  /* Schrijven has one view: the title only */
  helder_test_page_state (window, "write");
  g_assert_null (helder_page_title_get_stack (title));
  g_assert_cmpstr (helder_page_title_get_title (title), ==, "Write");
}

/* One switcher in the header bar where it fits; narrow, the page's title
 * there and the views switch in the bar below, whose buttons are made
 * only then. */
static void
test_switcher_narrow (void)
{
  HelderWindow *window = helder_test_open_window ("planner-narrow.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) priority = save_priority (store, "Betaalbaar wonen", 1);
  HelderPageTitle *title = HELDER_PAGE_TITLE (helder_test_find (window, "page_title"));
  GtkWidget *page = GTK_WIDGET (helder_test_page (window, "planner"));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (helder_test_find_by_id (page, "switcher_bar"));
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));
  int widths[] = { 1100, 640, 1100 };

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gboolean narrow = widths[i] < 800;

      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 720);
      helder_test_iterate (300);
      g_assert_true (helder_page_title_get_stack (title) == views);
      g_assert_cmpint (helder_page_title_get_title_visible (title), ==, narrow);
      g_assert_cmpint (adw_view_switcher_bar_get_reveal (bar), ==, narrow);
      if (i == 0)
        /* wide from the start: the bar's buttons were never made */
        g_assert_null (adw_view_switcher_bar_get_stack (bar));
      if (narrow)
        {
          g_assert_true (adw_view_switcher_bar_get_stack (bar) == views);
          g_assert_cmpstr (helder_page_title_get_title (title), ==, "Planner");
        }
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_maximize (GTK_WINDOW (window));
  helder_test_iterate (100);
}

/* Staff do not plan: no "New Priority", and the action is off. */
static void
test_staff_sees_no_new (void)
{
  HelderWindow *window = helder_test_open_window ("planner-staff.db");
  GtkWidget *page = helder_test_page (window, "planner");

  helder_test_page_state (window, "planner");
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  g_assert_false (gtk_widget_activate_action (page, "page.new", NULL) &&
                  helder_test_other_window (window) != NULL);
  /* Their own documents they write */
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (helder_test_page (window, "write"), "new_button")));
}

static HelderRecord *
save_signal (HelderStore *store,
             const char  *topic,
             const char  *channel,
             const char  *date,
             const char  *text)
{
  HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);

  g_object_set (signal, "topic", topic, "channel", channel, "date", date, "text", text, NULL);
  g_assert_true (helder_store_save (store, signal, NULL));
  return signal;
}

/* The signal log a topic pane embeds: the topic's signals only, with
 * their counts, following the store. */
static void
test_signal_log (void)
{
  HelderWindow *window = helder_test_open_window ("signal-log.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderService *plan = helder_application_get_service (test_app, HELDER_TYPE_PLAN_SERVICE);
  g_autoptr(HelderRecord) topic = helder_record_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) other = helder_record_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *log = helder_signal_log_new ();
  GtkWidget *popup = gtk_window_new ();

  g_object_set (topic, "title", "Zwerfafval", NULL);
  g_object_set (other, "title", "Vuurwerk", NULL);
  helder_store_save (store, topic, NULL);
  helder_store_save (store, other, NULL);
  a = save_signal (store, helder_record_get_id (topic), "Fixi", today, "Veertien meldingen over bijplaatsingen");
  b = save_signal (store, helder_record_get_id (topic), "Fixi", today, "Containers vol aan de Leidsestraat");
  c = save_signal (store, helder_record_get_id (topic), "Webcare", "2026-01-12", "Vragen op Facebook");
  d = save_signal (store, helder_record_get_id (other), "Webcare", today, "Knalvuurwerk");

  gtk_window_set_child (GTK_WINDOW (popup), log);
  gtk_window_present (GTK_WINDOW (popup));
  helder_signal_log_set_service (HELDER_SIGNAL_LOG (log), HELDER_PLAN_SERVICE (plan));
  helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), helder_record_get_id (topic));
  helder_test_iterate (50);
  g_assert_cmpuint (helder_signal_log_get_n_signals (HELDER_SIGNAL_LOG (log)), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (log, "total_label"))), ==, "3 signals");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (log, "channels_label"))), ==,
                   "Fixi 2 · Webcare 1");
  /* Newest first; eight weeks of bars */
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (helder_test_find_by_id (log, "list_box"))), ==, 3);
  /* a row: the text, then date and channel */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_list_box_row_get_child (
                     gtk_list_box_get_row_at_index (GTK_LIST_BOX (helder_test_find_by_id (log, "list_box")), 2))))),
                   ==, "Vragen op Facebook");
  {
    GtkWidget *weeks = helder_test_find_by_id (log, "weeks_box");
    guint n = 0;

    for (GtkWidget *w = gtk_widget_get_first_child (weeks); w != NULL; w = gtk_widget_get_next_sibling (w))
      n++;
    g_assert_cmpuint (n, ==, 8);
    /* the tooltip is asked for when shown; its text is kept on the bar */
    g_assert_true (gtk_widget_get_has_tooltip (gtk_widget_get_last_child (weeks)));
    g_assert_nonnull (strstr (helder_widget_get_tooltip (gtk_widget_get_last_child (weeks)), "2 signals"));
  }

  /* A signal that arrives (from sync) shows, counted */
  g_clear_object (&a);
  a = save_signal (store, helder_record_get_id (topic), "Telefonie", today, "Bellers over de afvalpas");
  helder_test_iterate (50);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (log, "total_label"))), ==, "4 signals");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (log, "channels_label"))), ==,
                   "Fixi 2 · Telefonie 1 · Webcare 1");

  /* Another topic, and none */
  helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), helder_record_get_id (other));
  g_assert_cmpuint (helder_signal_log_get_n_signals (HELDER_SIGNAL_LOG (log)), ==, 1);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (log, "empty_label")));
  helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), NULL);
  g_assert_cmpuint (helder_signal_log_get_n_signals (HELDER_SIGNAL_LOG (log)), ==, 0);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (log, "empty_label")));
  gtk_window_destroy (GTK_WINDOW (popup));
  (void) window;
}


static void
count_writes (HelderStore        *store,
              const char         *type_name,
              const char * const *ids,
              guint              *n)
{
  (*n)++;
}

static void
note_shown (HelderPlannerPage *page,
            const char        *type_name,
            const char        *id,
            char             **shown)
{
  g_free (*shown);
  *shown = g_strdup (id);
}

static HelderPrioritiesView *
ledger_view (HelderWindow *window)
{
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  return HELDER_PRIORITIES_VIEW (helder_test_find (window, "priorities_view"));
}

static int
stored_rank (HelderStore  *store,
             HelderRecord *priority)
{
  g_autoptr(HelderRecord) stored = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (priority), NULL);

  return helder_record_get_int (stored, "rank");
}

/* Whether @widget binds @accel to @action (its class's shortcuts are in
 * one of its controllers) */
static gboolean
binds (GtkWidget  *widget,
       const char *accel,
       const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *a = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (a) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), action))
            return TRUE;
        }
    }
  return FALSE;
}

/* Alt+Up and Alt+Down move the selected priority: the ranks change in
 * the store, the selection stays with it, the list shows the new order. */
static void
test_reorder_by_keyboard (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-keys.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) energie = save_priority (store, "Energietransitie", 2);
  g_autoptr(HelderRecord) zorg = save_priority (store, "Zorg dichtbij", 3);
  HelderPrioritiesView *view = ledger_view (window);
  GListModel *model = helder_priorities_view_get_model (view);
  g_autoptr(HelderRecord) first = NULL;

  g_assert_true (binds (GTK_WIDGET (view), "<Alt>Up", "ledger.move-up"));
  g_assert_true (binds (GTK_WIDGET (view), "<Alt>Down", "ledger.move-down"));
  g_assert_true (binds (helder_test_page (window, "planner"), "<Control><Shift>s", "planner.add-signal"));

  g_assert_true (helder_priorities_view_select (view, helder_record_get_id (zorg)));
  helder_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ledger.move-up", NULL));
  helder_test_iterate (50);
  g_assert_cmpint (stored_rank (store, zorg), ==, 2);
  g_assert_cmpint (stored_rank (store, energie), ==, 3);
  g_assert_cmpint (stored_rank (store, wonen), ==, 1);
  g_assert_cmpstr (helder_priorities_view_get_selected_id (view), ==, helder_record_get_id (zorg));

  /* Again: to the top; then no further (the action is off) */
  gtk_widget_activate_action (GTK_WIDGET (view), "ledger.move-up", NULL);
  helder_test_iterate (50);
  g_assert_cmpint (stored_rank (store, zorg), ==, 1);
  g_assert_cmpint (stored_rank (store, wonen), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (helder_record_get_title (first), ==, "Zorg dichtbij");
  g_assert_false (gtk_widget_is_sensitive (helder_test_find_by_id (GTK_WIDGET (view), "up_button")));
  g_assert_true (gtk_widget_is_sensitive (helder_test_find_by_id (GTK_WIDGET (view), "down_button")));

  /* Down to the end */
  gtk_widget_activate_action (GTK_WIDGET (view), "ledger.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "ledger.move-down", NULL);
  helder_test_iterate (50);
  g_assert_cmpint (stored_rank (store, zorg), ==, 3);
  g_assert_cmpint (stored_rank (store, wonen), ==, 1);
  g_assert_cmpint (stored_rank (store, energie), ==, 2);
  g_assert_true (helder_test_shows_text (window, "Place 3 of 3"));
}

/* A field edits in place and saves through the service when applied;
 * a wrong value shows its message and saves nothing. */
static void
test_edit_in_place (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-edit.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) energie = save_priority (store, "Energietransitie", 2);
  g_autoptr(HelderRecord) stored = NULL;
  HelderPrioritiesView *view = ledger_view (window);
  GtkWidget *theme, *title, *quarters, *error;
  guint n_writes = 0;

  helder_priorities_view_select (view, helder_record_get_id (wonen));
  helder_test_iterate (20);
  theme = helder_test_find_by_id (GTK_WIDGET (view), "theme_row");
  title = helder_test_find_by_id (GTK_WIDGET (view), "title_row");
  quarters = helder_test_find_by_id (GTK_WIDGET (view), "quarters_row");
  error = helder_test_find_by_id (GTK_WIDGET (view), "field_error");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Betaalbaar wonen");

  g_signal_connect (store, "records-changed::priority", G_CALLBACK (count_writes), &n_writes);
  gtk_editable_set_text (GTK_EDITABLE (theme), "Wonen");
  g_signal_emit_by_name (theme, "apply");
  gtk_editable_set_text (GTK_EDITABLE (quarters), "Q1 2027, 2026-Q4");
  g_signal_emit_by_name (quarters, "apply");
  helder_test_iterate (50);
  stored = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (wonen), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "theme"), ==, "Wonen");
  g_assert_cmpstr (helder_record_get_list (stored, "quarters")[0], ==, "2026-Q4");
  g_assert_cmpuint (n_writes, ==, 2);
  /* shown as stored */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quarters)), ==, "2026-Q4, 2027-Q1");
  g_assert_true (helder_test_shows_text (window, "Wonen · 2026-Q4, 2027-Q1"));

  /* Checked while typing */
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "A priority needs a title.");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  gtk_editable_set_text (GTK_EDITABLE (title), "Betaalbaar wonen voor iedereen");
  g_assert_false (gtk_widget_get_visible (error));
  /* ... and when applied: a title another priority has */
  gtk_editable_set_text (GTK_EDITABLE (title), "energietransitie");
  g_signal_emit_by_name (title, "apply");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "Another priority has this title"));
  gtk_editable_set_text (GTK_EDITABLE (quarters), "volgend jaar");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "“volgend jaar” is not a quarter"));
  g_signal_emit_by_name (quarters, "apply");
  helder_test_iterate (50);
  g_assert_cmpuint (n_writes, ==, 2);
  g_clear_object (&stored);
  stored = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (wonen), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "title"), ==, "Betaalbaar wonen");

  /* Status: finish it, and it moves after the others */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ledger.finish", NULL));
  helder_test_iterate (50);
  g_clear_object (&stored);
  stored = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (wonen), NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "done");
  g_assert_cmpint (helder_record_get_int (stored, "rank"), ==, 2);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (view), "finish_button")));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (view), "reactivate_button")));
  g_signal_handlers_disconnect_by_func (store, count_writes, &n_writes);

  /* Staff see it, and edit nothing */
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  helder_test_iterate (20);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (theme)));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (view), "status_group")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "ledger.move-up", NULL) &&
                  stored_rank (store, wonen) != 2);
}

/* What hangs from a priority is listed with counts; a topic opens in
 * the planner's topic view. */
static void
test_hangers_open (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-hangers.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) topic = helder_record_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  HelderPrioritiesView *view;
  AdwViewStack *views;
  GtkListBox *topics;
  char *shown = NULL;

  g_object_set (topic, "title", "Woningbouw", "priorities", (const char *[]) { helder_record_get_id (wonen), NULL },
                NULL);
  helder_store_save (store, topic, NULL);
  view = ledger_view (window);
  helder_priorities_view_select (view, helder_record_get_id (wonen));
  helder_test_iterate (20);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                     helder_test_find_by_id (GTK_WIDGET (view), "topics_group"))), ==, "Topics (1)");
  /* A message arrives: counted at once */
  g_object_set (message, "title", "Nieuwsbericht starterswoningen", "topic", helder_record_get_id (topic), NULL);
  helder_store_save (store, message, NULL);
  helder_test_iterate (50);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                     helder_test_find_by_id (GTK_WIDGET (view), "messages_group"))), ==, "Messages (1)");

  g_signal_connect (helder_test_page (window, "planner"), "show-record::topic", G_CALLBACK (note_shown), &shown);
  topics = GTK_LIST_BOX (helder_test_find_by_id (GTK_WIDGET (view), "hanging_topics"));
  g_signal_emit_by_name (topics, "row-activated", gtk_list_box_get_row_at_index (topics, 0));
  helder_test_iterate (50);
  views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "topics");
  g_assert_cmpstr (shown, ==, helder_record_get_id (topic));
  /* ... selected on the radar */
  g_assert_cmpstr (helder_radar_widget_get_selected (helder_radar_view_get_radar (
                     HELDER_RADAR_VIEW (helder_test_find (window, "radar_view")))), ==, helder_record_get_id (topic));
  g_free (shown);
}

/* The quick entry marks what looks like a person's data and does not
 * save until it is gone; then it saves through the service. */
static void
test_quick_entry_refuses_person_data (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-signal.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) topic = helder_record_new (HELDER_TYPE_TOPIC);
  g_autoptr(HelderRecord) fixi = helder_record_new (HELDER_TYPE_CHANNEL);
  GtkWidget *page, *popover, *save, *person;
  GtkTextBuffer *buffer;

  g_object_set (topic, "title", "Zwerfafval", NULL);
  helder_store_save (store, topic, NULL);
  g_object_set (fixi, "name", "Fixi", NULL);
  helder_store_save (store, fixi, NULL);
  ledger_view (window);
  page = helder_test_page (window, "planner");
  g_assert_true (gtk_widget_activate_action (page, "planner.add-signal", "s", helder_record_get_id (topic)));
  helder_test_iterate (100);
  popover = helder_test_find_by_id (page, "signal_popover");
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (helder_signal_popover_get_topic (HELDER_SIGNAL_POPOVER (popover)), ==,
                   helder_record_get_id (topic));
  save = helder_test_find_by_id (popover, "save_button");
  person = helder_test_find_by_id (popover, "person_box");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find_by_id (popover, "signal_text_view")));

  gtk_text_buffer_set_text (buffer, "Mevrouw belde: bel 06-12345678 terug over de containers", -1);
  g_assert_cmpuint (helder_signal_popover_count_marks (HELDER_SIGNAL_POPOVER (popover)), ==, 1);
  g_assert_true (gtk_widget_get_visible (person));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (popover, "person_label"))),
                            "a phone number"));
  {
    GtkTextIter at;
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "person-data");

    gtk_text_buffer_get_iter_at_offset (buffer, &at, 19);
    g_assert_true (gtk_text_iter_has_tag (&at, tag));
    gtk_text_buffer_get_iter_at_offset (buffer, &at, 10);
    g_assert_false (gtk_text_iter_has_tag (&at, tag));
  }
  g_assert_false (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_SIGNAL), ==, 0);

  /* Without the number it saves */
  gtk_text_buffer_set_text (buffer, "Vraag om terugbellen over de containers aan de Leidsestraat", -1);
  g_assert_false (gtk_widget_get_visible (person));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  helder_test_iterate (50);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_SIGNAL), ==, 1);
  g_assert_false (gtk_widget_get_visible (popover));
}

/* The row widget that shows the priority at @position of the list */
static GtkWidget *
find_row (GtkWidget *root,
          guint      position)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (root), "list-item");

  if (item != NULL && gtk_list_item_get_position (item) == position)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* The header's New makes a priority last among the open ones and
 * selects it */
static void
test_new_selected (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-new.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  HelderPrioritiesView *view = ledger_view (window);
  GtkWindow *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_is_visible (helder_test_find (window, "new_item_button")));
  g_assert_true (gtk_widget_activate_action (helder_test_page (window, "planner"), "planner.new", NULL));
  helder_test_iterate (100);
  dialog = helder_test_other_window (window);
  g_assert_nonnull (dialog);
  entry = helder_test_find_by_id (GTK_WIDGET (dialog), "name_row");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Cultuur voor iedereen");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  helder_test_iterate (100);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_PRIORITY), ==, 2);
  g_assert_nonnull (helder_priorities_view_get_selected_id (view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (view), "title_row"))),
                   ==, "Cultuur voor iedereen");
  g_assert_true (helder_test_shows_text (window, "Place 2 of 2"));
}

/* Drag and drop: a row offers its priority; dropped on another row it
 * takes that row's place, saved in the store; the toast undoes it. */
static void
test_drag_and_undo (void)
{
  HelderWindow *window = helder_test_open_window ("ledger-drag.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) wonen = save_priority (store, "Betaalbaar wonen", 1);
  g_autoptr(HelderRecord) energie = save_priority (store, "Energietransitie", 2);
  g_autoptr(HelderRecord) zorg = save_priority (store, "Zorg dichtbij", 3);
  HelderPrioritiesView *view = ledger_view (window);
  GtkWidget *source_row, *target_row, *undo;
  GtkDragSource *source;
  GtkDropTarget *target;
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  helder_test_iterate (100);
  source_row = find_row (GTK_WIDGET (view), 2);
  target_row = find_row (GTK_WIDGET (view), 0);
  g_assert_nonnull (source_row);
  g_assert_nonnull (target_row);
  source = find_controller (source_row, GTK_TYPE_DRAG_SOURCE);
  target = find_controller (target_row, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (source);
  g_assert_nonnull (target);

  /* What the drag carries: the priority's id */
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, helder_record_get_id (zorg));

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  helder_test_iterate (100);
  g_assert_cmpint (stored_rank (store, zorg), ==, 1);
  g_assert_cmpint (stored_rank (store, wonen), ==, 2);
  g_assert_cmpint (stored_rank (store, energie), ==, 3);
  g_assert_cmpstr (helder_priorities_view_get_selected_id (view), ==, helder_record_get_id (zorg));

  /* The toast says where it went and undoes it */
  g_assert_true (helder_test_shows_text (window, "“Zorg dichtbij” moved to place 1"));
  undo = helder_test_find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  helder_test_iterate (100);
  g_assert_cmpint (stored_rank (store, zorg), ==, 3);
  g_assert_cmpint (stored_rank (store, wonen), ==, 1);

  /* Staff drag nothing */
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  g_clear_object (&content);
  source = find_controller (find_row (GTK_WIDGET (view), 2), GTK_TYPE_DRAG_SOURCE);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_null (content);
}

/* Screenshots of the ledger's views, for a person to look at: only with
 * HELDER_SCREENSHOT_DIR set (run this test under LANGUAGE=nl for Dutch). */
static void
shoot (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SCREENSHOT_DIR"), name, NULL);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);

  helder_test_iterate (300);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_screenshots (void)
{
  HelderWindow *window;
  HelderStore *store;
  HelderPrioritiesView *view;
  GtkWidget *page, *popover, *log, *popup;
  g_autoptr(HelderRecord) first = NULL;
  GtkTextBuffer *buffer;

  window = helder_test_open_window ("ledger-shots.db");
  store = helder_application_get_store (test_app);
  g_assert_true (helder_example_data_load (store, NULL));
  view = ledger_view (window);
  page = helder_test_page (window, "planner");
  first = g_list_model_get_item (helder_priorities_view_get_model (view), 0);
  helder_priorities_view_select (view, helder_record_get_id (first));
  shoot ("ledger-1-detail.png");
  scroll_to_end (helder_test_find_by_id (GTK_WIDGET (view), "hanging_works"));
  shoot ("ledger-2-hangers.png");
  {
    g_autoptr(HelderRecord) last = g_list_model_get_item (helder_priorities_view_get_model (view), 9);

    helder_priorities_view_select (view, helder_record_get_id (last));
    shoot ("ledger-3-finished.png");
  }
  helder_priorities_view_select (view, helder_record_get_id (first));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (helder_test_find_by_id (GTK_WIDGET (view), "quarters_row"),
                                                   GTK_TYPE_SCROLLED_WINDOW);

    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  }
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (view), "quarters_row")),
                         "2026-Q4, volgend jaar");
  shoot ("ledger-4-validation.png");
  gtk_widget_activate_action (GTK_WIDGET (view), "ledger.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (view), "search_entry")), "energie");
  helder_test_iterate (400);
  shoot ("ledger-5-search.png");
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (view), "search_entry")), "");

  gtk_widget_activate_action (page, "planner.add-signal", "s", "38b8b7d9-51dc-478c-9f77-013e369da814");
  helder_test_iterate (200);
  popover = helder_test_find_by_id (page, "signal_popover");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find_by_id (popover, "signal_text_view")));
  gtk_text_buffer_set_text (buffer, "Mevrouw van 2181 AB 12 belde over de containers; terugbellen op 06-12345678 "
                                    "of mailen naar j.jansen@example.nl.", -1);
  shoot ("ledger-6-quick-entry.png");
  gtk_text_buffer_set_text (buffer, "Bewoners vragen om een extra container bij de Leidsestraat.", -1);
  shoot ("ledger-7-quick-entry-ok.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The log in the radar's topic pane */
  gtk_widget_activate_action (page, "planner.show-record", "(ss)", "topic", "38b8b7d9-51dc-478c-9f77-013e369da814");
  helder_test_iterate (1500);
  shoot ("ledger-9-radar-log.png");
  {
    GtkWidget *embedded = helder_test_find_by_id (helder_test_find (window, "radar_view"), "signal_log");

    if (embedded != NULL)
      {
        GtkWidget *scrolled = gtk_widget_get_ancestor (embedded, GTK_TYPE_SCROLLED_WINDOW);

        if (scrolled != NULL)
          {
            GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

            gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          }
        shoot ("ledger-10-radar-log-scrolled.png");
      }
  }

  popup = gtk_window_new ();
  log = helder_signal_log_new ();
  gtk_widget_set_margin_start (log, 18);
  gtk_widget_set_margin_end (log, 18);
  gtk_widget_set_margin_top (log, 18);
  gtk_widget_set_margin_bottom (log, 18);
  gtk_window_set_default_size (GTK_WINDOW (popup), 520, 700);
  gtk_window_set_child (GTK_WINDOW (popup), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (popup))), log);
  helder_signal_log_set_service (HELDER_SIGNAL_LOG (log),
                                 HELDER_PLAN_SERVICE (helder_application_get_service (test_app,
                                                                                       HELDER_TYPE_PLAN_SERVICE)));
  helder_signal_log_set_topic_id (HELDER_SIGNAL_LOG (log), "38b8b7d9-51dc-478c-9f77-013e369da814");
  gtk_window_present (GTK_WINDOW (popup));
  shoot ("ledger-8-signal-log.png");
  gtk_window_destroy (GTK_WINDOW (popup));
}

/* Kwartaal afsluiten from Prioriteiten: the review goes over every topic
 * and priority of the quarter, so the button is in the planner's header
 * on Prioriteiten and on the Radar (not on the other views); its review
 * closes the quarter, and the Radar shows the next one. */
static void
test_review_from_priorities (void)
{
  HelderWindow *window = helder_test_open_window ("review-priorities.db");
  HelderStore *store = helder_application_get_store (test_app);
  GtkWidget *page, *button, *root;
  AdwViewStack *views;
  HelderPlanService *plan;
  HelderReviewWindow *review;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GListModel) priorities = NULL;
  g_autoptr(HelderRecord) closed = NULL;
  g_autofree char *quarter = NULL;
  guint in_play = 0, shown = 0;

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (100);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  page = helder_test_page (window, "planner");
  views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));
  adw_view_stack_set_visible_child_name (views, "priorities");
  helder_test_iterate (50);
  button = helder_test_find_by_id (page, "review_button");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "planner.review-quarter");

  /* Not on the calendar; back on the Radar */
  adw_view_stack_set_visible_child_name (views, "messages");
  helder_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (button));
  adw_view_stack_set_visible_child_name (views, "topics");
  helder_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (button));
  adw_view_stack_set_visible_child_name (views, "priorities");
  helder_test_iterate (50);

  /* The review opens over every topic and every priority in play */
  g_signal_emit_by_name (button, "clicked");
  helder_test_iterate (100);
  review = HELDER_REVIEW_WINDOW (helder_test_other_window (window));
  g_assert_true (HELDER_IS_REVIEW_WINDOW (review));
  plan = HELDER_PLAN_SERVICE (helder_page_get_service (HELDER_PAGE (page)));
  quarter = helder_plan_quarter_current (plan, NULL);
  g_assert_cmpstr (helder_review_window_get_quarter (review), ==, quarter);
  topics = helder_store_list (store, HELDER_TYPE_TOPIC, NULL);
  priorities = helder_store_list (store, HELDER_TYPE_PRIORITY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(HelderRecord) priority = g_list_model_get_item (priorities, i);

      in_play += g_strcmp0 (helder_record_get_text (priority, "status"), "done") != 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (topics, i);

      shown += g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") != 0;
    }
  g_assert_cmpuint (helder_review_window_get_n_items (review), ==, shown + in_play);

  /* To the end and closed, as an advisor: recorded with who and when */
  root = GTK_WIDGET (review);
  gtk_widget_activate_action (root, "review.to-close", NULL);
  helder_test_iterate (50);
  g_assert_cmpstr (helder_review_window_get_step (review), ==, "close");
  gtk_widget_activate_action (root, "review.close", NULL);
  helder_test_iterate (100);
  closed = helder_plan_quarter_find (plan, quarter);
  g_assert_nonnull (closed);
  g_assert_cmpstr (helder_record_get_text (closed, "status"), ==, "closed");
  g_assert_nonnull (helder_record_get_text (closed, "closed_by"));
  g_assert_nonnull (helder_record_get_text (closed, "closed_at"));
  gtk_window_destroy (GTK_WINDOW (review));
  helder_test_iterate (50);

  /* The Radar moved on to the next quarter */
  adw_view_stack_set_visible_child_name (views, "topics");
  helder_test_iterate (100);
  {
    g_autofree char *next = helder_plan_quarter_current (plan, NULL);
    HelderRadarView *radar = HELDER_RADAR_VIEW (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views))));

    g_assert_cmpstr (next, !=, quarter);
    g_assert_cmpstr (helder_radar_view_get_quarter (radar), ==, next);
  }
}

/* What a notice opens when clicked (app.show-planner, its default
 * action): the message in the calendar, a works, the omgevingsbeeld, the
 * quarterly review. */
static void
test_notice_opens (void)
{
  HelderWindow *window = helder_test_open_window ("notice-opens.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GListModel) works = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) one_works = NULL;
  GtkWidget *page;
  AdwViewStack *views;
  GtkWidget *review;

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (100);
  helder_test_page_state (window, "write");
  messages = helder_store_list (store, HELDER_TYPE_MESSAGE, NULL);
  works = helder_store_list (store, HELDER_TYPE_WORKS, NULL);
  message = g_list_model_get_item (messages, 0);
  one_works = g_list_model_get_item (works, 0);

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "show-planner",
                                  g_variant_new ("(ss)", "message", helder_record_get_id (message)));
  helder_test_iterate (200);
  g_assert_cmpstr (helder_window_get_page (window), ==, "planner");
  page = helder_test_page (window, "planner");
  views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "messages");
  {
    HelderCalendarView *calendar = HELDER_CALENDAR_VIEW (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views))));

    g_assert_cmpstr (helder_calendar_view_get_selected_id (calendar), ==, helder_record_get_id (message));
  }

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "show-planner",
                                  g_variant_new ("(ss)", "works", helder_record_get_id (one_works)));
  helder_test_iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "works");

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "show-planner", g_variant_new ("(ss)", "edition", ""));
  helder_test_iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "editions");
  /* (the Omgevingsbeeld makes its own editions: no "New" in the header) */
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_item_button")));

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "show-planner", g_variant_new ("(ss)", "review", ""));
  helder_test_iterate (200);
  review = GTK_WIDGET (helder_test_other_window (window));
  g_assert_true (HELDER_IS_REVIEW_WINDOW (review));
  gtk_window_destroy (GTK_WINDOW (review));
  helder_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/planner/message-opens-text", test_message_opens_text);
  helder_test_add_isolated ("/planner/row-follows-store", test_row_follows_store);
  helder_test_add_isolated ("/planner/views-in-header", test_views_in_header);
  helder_test_add_isolated ("/planner/switcher-narrow", test_switcher_narrow);
  helder_test_add_isolated ("/planner/staff-sees-no-new", test_staff_sees_no_new);
  helder_test_add_isolated ("/planner/signal-log", test_signal_log);
  helder_test_add_isolated ("/planner/reorder-by-keyboard", test_reorder_by_keyboard);
  helder_test_add_isolated ("/planner/edit-in-place", test_edit_in_place);
  helder_test_add_isolated ("/planner/hangers-open", test_hangers_open);
  helder_test_add_isolated ("/planner/drag-and-undo", test_drag_and_undo);
  helder_test_add_isolated ("/planner/new-selected", test_new_selected);
  helder_test_add_isolated ("/planner/quick-entry-refuses-person-data", test_quick_entry_refuses_person_data);
  helder_test_add_isolated ("/planner/review-from-priorities", test_review_from_priorities);
  helder_test_add_isolated ("/planner/notice-opens", test_notice_opens);
  /* Only when asked: it runs `import` for each view */
  if (g_getenv ("HELDER_SCREENSHOT_DIR") != NULL)
    helder_test_add_isolated ("/planner/screenshots", test_screenshots);
  return helder_test_app_main (&argc, &argv);
}
