/* test-planner-page.c: the planner in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gui-test-app.h"
#include "planner/helder-signal-log.h"
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
  gboolean activatable;
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
  /* Other planner rows do not pretend to open. */
  g_object_get (helder_test_find (window, "priorities_list"), "activatable", &activatable, NULL);
  g_assert_false (activatable);
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
  g_object_get (helder_test_find (window, "priorities_list"), "model", &model, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &n_changes);

  g_object_set (second, "title", "Energietransitie samen met inwoners", NULL);
  g_assert_true (helder_store_save (store, second, NULL));
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, "Energietransitie samen met inwoners"));
  g_assert_false (helder_test_shows_text (window, "Energietransitie"));
  g_assert_true (helder_test_shows_text (window, "Betaalbaar wonen"));
  g_assert_cmpuint (n_changes, ==, 1);
  g_object_get (helder_test_find (window, "priorities_list"), "model", &model_after, NULL);
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
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (helder_test_find (window, "page_title"));
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));

  /* An empty planner offers its first action, not views of nothing */
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "empty");
  g_assert_null (adw_view_switcher_title_get_stack (title));
  priority = save_priority (store, "Betaalbaar wonen", 1);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  g_assert_true (adw_view_switcher_title_get_stack (title) == views);
  adw_view_stack_set_visible_child_name (views, "works");
  helder_test_iterate (50);
  g_assert_true (helder_test_shows_text (window, "No works yet"));
  /* Schrijven has one view: the title only */
  helder_test_page_state (window, "write");
  g_assert_null (adw_view_switcher_title_get_stack (title));
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Write");
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
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (
                     GTK_LIST_BOX (helder_test_find_by_id (log, "list_box")), 2))), ==, "Vragen op Facebook");
  {
    GtkWidget *weeks = helder_test_find_by_id (log, "weeks_box");
    guint n = 0;

    for (GtkWidget *w = gtk_widget_get_first_child (weeks); w != NULL; w = gtk_widget_get_next_sibling (w))
      n++;
    g_assert_cmpuint (n, ==, 8);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_last_child (weeks)), "2 signals"));
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
  helder_test_add_isolated ("/planner/staff-sees-no-new", test_staff_sees_no_new);
  helder_test_add_isolated ("/planner/signal-log", test_signal_log);
  return helder_test_app_main (&argc, &argv);
}
