/* test-message-pane-channels.c: what Kanalen says in the planner's message pane, in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-app.h"
#include "gui-test-util.h"
#include "helder-page.h"
#include "channels/helder-channel-editor.h"
#include "channels/helder-channels-service.h"
#include "channels/helder-text-levels.h"
#include "library/helder-toolkit-pane.h"
#include "planner/helder-calendar-view.h"
#include "planner/helder-calendar-week.h"
#include "planner/helder-message-pane.h"

/* Messages of data/example-data/24-kanalen.json and the base file */
#define ENDELAAN "d1a8b039-b408-4340-b1dc-f4bb8210198a"
#define AFVAL    "48c185df-74f2-51f0-967a-8b6ccefcc401"
#define OUDEREN  "80d7de38-59f0-4d6f-b59c-17e74eea6c82"
#define INSTELLINGEN "0a92999c-fc34-5702-90c8-2b312b63e9d7"  /* 3 a week */

static HelderWindow *
open_example (const char *name)
{
  HelderWindow *window = helder_test_open_window (name);

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  helder_test_iterate (200);
  return window;
}

static GtkWidget *
in_calendar (HelderWindow *window,
             const char   *id)
{
  GtkWidget *widget = helder_test_find_by_id (helder_test_find (window, "calendar_view"), id);

  g_assert_nonnull (widget);
  return widget;
}

/* The Kalender on @date, showing @message_id in its pane */
static HelderMessagePane *
open_message (HelderWindow *window,
              const char   *date,
              const char   *message_id)
{
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));
  HelderCalendarView *view;
  GDate day;
  HelderMessagePane *pane;

  adw_view_stack_set_visible_child_name (views, "messages");
  helder_test_iterate (50);
  view = HELDER_CALENDAR_VIEW (helder_test_find (window, "calendar_view"));
  g_assert_true (helder_date_from_iso (date, &day));
  helder_calendar_view_set_today (view, &day);
  helder_calendar_view_set_mode (view, "month");
  helder_calendar_view_go_to (view, &day);
  helder_test_iterate (100);
  helder_calendar_view_select_message (view, message_id);
  pane = HELDER_MESSAGE_PANE (in_calendar (window, "pane"));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, pane));
  helder_test_iterate (100);
  return pane;
}

static gboolean
visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static HelderRecord *
stored (const char *id)
{
  return helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_MESSAGE, id, NULL);
}

/* The pane lists the Bibliotheek's toolkits tagged with the message's
 * channels; a channel in Kanalen shows its own. */
static void
test_toolkits (void)
{
  HelderWindow *window = open_example ("pane-toolkits.db");
  HelderMessagePane *pane = open_message (window, "2027-06-28", ENDELAAN);
  HelderToolkitPane *toolkits = HELDER_TOOLKIT_PANE (helder_test_find_by_id (GTK_WIDGET (pane), "toolkit_pane"));
  GtkWidget *editor;
  HelderToolkitPane *channel_toolkits;
  g_autoptr(HelderRecord) post = NULL;

  g_assert_nonnull (toolkits);
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, toolkits));
  /* Post, Newsroom and Telefonie are tagged in five toolkits between them */
  g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (toolkits), >=, 3);
  g_assert_true (helder_test_shows_text (window, "Raadsinformatiebrief schrijven"));
  g_assert_true (helder_test_shows_text (window, "Crisiscommunicatie: de eerste uren"));

  /* another message: other channels, other toolkits */
  open_message (window, "2027-01-11", AFVAL);
  g_assert_false (helder_test_shows_text (window, "Raadsinformatiebrief schrijven"));

  /* Kanalen: the channel Post's properties list its toolkits too */
  post = helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_CHANNEL,
                            "a6b2976c-2be4-4cea-9cac-52f2c4818214", NULL);
  g_assert_nonnull (post);
  helder_test_page_state (window, "channels");
  editor = helder_test_find (window, "channel_editor");
  g_assert_nonnull (editor);
  helder_channel_editor_open (HELDER_CHANNEL_EDITOR (editor), post);
  channel_toolkits = HELDER_TOOLKIT_PANE (helder_test_find_by_id (editor, "toolkit_pane"));
  g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (channel_toolkits), >=, 1);
}

/* Contactdruk: a message moved by keyboard into a week its audience
 * already has enough messages in gets a warning in the pane that names
 * them and offers the nearest free week; the button moves it there and
 * the warning goes. */
static void
test_pressure_warning (void)
{
  HelderWindow *window = open_example ("pane-pressure.db");
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderRecord) owned = message;
  g_autoptr(HelderRecord) moved = NULL;
  g_autoptr(HelderRecord) after = NULL;
  const char *audiences[] = { INSTELLINGEN, NULL };
  static const char *others[] = { "Scholen: nieuwe regels voor de gymzaal", "Zorginstellingen: griepprik in het dorpshuis",
                                  "Kinderopvang: inschrijving Julianapark" };
  HelderMessagePane *pane;
  GtkWidget *group, *button;
  const char *text;
  HelderCalendarView *view;

  /* week 4 of 2027: the institutions' three a week are planned */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(HelderRecord) other = helder_record_new (HELDER_TYPE_MESSAGE);

      g_object_set (other, "title", others[i], "window-start", "2027-01-26", "window-end", "2027-01-26",
                    "status", "draft", "audiences", audiences, "author", "sanne", NULL);
      g_assert_true (helder_store_save (helder_application_get_store (test_app), other, NULL));
    }
  g_object_set (message, "title", "Subsidie voor vrijwilligerswerk: aanvragen tot 1 maart", "window-start", "2027-01-19",
                "window-end", "2027-01-19", "status", "draft", "audiences", audiences, "author", "sanne", NULL);
  g_assert_true (helder_store_save (helder_application_get_store (test_app), message, NULL));
  pane = open_message (window, "2027-01-19", helder_record_get_id (message));
  group = helder_test_find_by_id (GTK_WIDGET (pane), "pressure_group");
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  /* Alt+Down: a week on, into week 4, where the institutions already get their fill */
  view = HELDER_CALENDAR_VIEW (helder_test_find (window, "calendar_view"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.move", "i", 7));
  /* the pane stays with the moved message */
  helder_test_iterate (100);
  g_assert_nonnull (helder_message_pane_get_message (pane));
  g_assert_true (helder_test_wait_for (visible, group));
  moved = stored (helder_record_get_id (message));
  g_assert_cmpstr (helder_record_get_text (moved, "window_start"), ==, "2027-01-26");
  text = gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (GTK_WIDGET (pane), "pressure_text")));
  g_assert_nonnull (strstr (text, "Zorginstellingen: griepprik in het dorpshuis"));
  g_assert_true (strstr (text, "Bundle it with") != NULL || strstr (text, "Bundel") != NULL);
  button = helder_test_find_by_id (GTK_WIDGET (pane), "pressure_move_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "week"));
  helder_test_save_shot (window, "planner-contactdruk");

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (helder_test_wait_for (hidden, group));
  after = stored (helder_record_get_id (message));
  g_assert_cmpstr (helder_record_get_text (after, "window_start"), !=, "2027-01-26");
}

/* A date changed in the pane itself warns the same way */
static void
test_pressure_date_in_pane (void)
{
  HelderWindow *window = open_example ("pane-pressure-date.db");
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderRecord) owned = message;
  g_autoptr(HelderRecord) copy = NULL;
  const char *audiences[] = { OUDEREN, NULL };
  HelderMessagePane *pane;
  GtkWidget *group;
  g_autoptr(GError) error = NULL;
  /* week 53 of 2026 has room for the 65+; week 2 of 2027 has none */
  HelderService *plan;

  g_object_set (message, "title", "Koffieochtend in het dorpshuis", "window-start", "2026-12-30",
                "status", "draft", "audiences", audiences, "author", "sanne", NULL);
  g_assert_true (helder_store_save (helder_application_get_store (test_app), message, NULL));
  pane = open_message (window, "2026-12-30", helder_record_get_id (message));
  group = helder_test_find_by_id (GTK_WIDGET (pane), "pressure_group");
  g_assert_false (gtk_widget_get_visible (group));
  /* as the pane's date field saves it: through the plan service */
  plan = helder_page_get_service (HELDER_PAGE (helder_test_page (window, "planner")));
  copy = stored (helder_record_get_id (message));
  g_object_set (copy, "window-start", "2027-01-12", NULL);
  g_assert_true (helder_plan_service_save_message (HELDER_PLAN_SERVICE (plan), copy, &error));
  g_assert_no_error (error);
  g_assert_true (helder_test_wait_for (visible, group));
}

/* A drag in the month view (the drop, as the week row reports it) warns
 * the same way; and a message made new, once it has its audience */
static void
test_pressure_drag_and_new (void)
{
  HelderWindow *window = open_example ("pane-pressure-drag.db");
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderRecord) owned = message;
  g_autoptr(HelderRecord) created = NULL;
  g_autoptr(GError) error = NULL;
  const char *audiences[] = { OUDEREN, NULL };
  HelderCalendarView *view;
  HelderMessagePane *pane;
  GtkWidget *group, *chip, *week;
  HelderService *plan;

  g_object_set (message, "title", "Seniorenmiddag in De Blinkert", "window-start", "2026-12-30",
                "window-end", "2026-12-30", "status", "draft", "audiences", audiences, "author", "sanne", NULL);
  g_assert_true (helder_store_save (helder_application_get_store (test_app), message, NULL));
  pane = open_message (window, "2027-01-04", helder_record_get_id (message));
  group = helder_test_find_by_id (GTK_WIDGET (pane), "pressure_group");
  g_assert_false (gtk_widget_get_visible (group));
  view = HELDER_CALENDAR_VIEW (helder_test_find (window, "calendar_view"));
  /* the week view shows every message of the week (the month folds some away) */
  helder_calendar_view_set_mode (view, "week");
  {
    GDate day;

    g_assert_true (helder_date_from_iso ("2026-12-30", &day));
    helder_calendar_view_go_to (view, &day);
  }
  helder_test_iterate (100);
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  g_assert_nonnull (chip);
  week = gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK);
  g_assert_nonnull (week);
  /* dropped on Tuesday 12 January: week 2, full for the 65+ */
  g_signal_emit_by_name (week, "message-dropped", helder_record_get_id (message), "2027-01-12");
  g_assert_true (helder_test_wait_for (visible, group));
  g_assert_cmpstr (helder_record_get_id (helder_message_pane_get_message (pane)), ==, helder_record_get_id (message));

  /* New message (Ctrl+N in the Kalender) on a day of week 2; its audience chosen in the pane */
  helder_calendar_view_select_message (view, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.new-message", NULL));
  helder_test_iterate (100);
  created = helder_message_pane_get_message (pane) ? g_object_ref (helder_message_pane_get_message (pane)) : NULL;
  g_assert_nonnull (created);
  g_assert_cmpstr (helder_record_get_id (created), !=, helder_record_get_id (message));
  g_assert_false (gtk_widget_get_visible (group));
  plan = helder_page_get_service (HELDER_PAGE (helder_test_page (window, "planner")));
  {
    g_autoptr(HelderRecord) copy = stored (helder_record_get_id (created));

    g_object_set (copy, "window-start", "2027-01-13", "window-end", "2027-01-13", "audiences", audiences, NULL);
    g_assert_true (helder_plan_service_save_message (HELDER_PLAN_SERVICE (plan), copy, &error));
    g_assert_no_error (error);
  }
  g_assert_true (helder_test_wait_for (visible, group));
}

static gboolean
level_known (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Begrijpelijke taal: the Van den Endelaan decision's text is level 4,
 * harder than each of its channels' targets; the pane names them. */
static void
test_level (void)
{
  HelderWindow *window = open_example ("pane-level.db");
  HelderMessagePane *pane = open_message (window, "2027-06-28", ENDELAAN);
  GtkWidget *group = helder_test_find_by_id (GTK_WIDGET (pane), "level_group");
  const char *text;

  g_assert_true (helder_test_wait_for (level_known, group));
  text = gtk_label_get_text (GTK_LABEL (helder_test_find_by_id (GTK_WIDGET (pane), "level_label")));
  g_assert_nonnull (strstr (text, "level 4"));
  g_assert_nonnull (strstr (text, "Post (level 2)"));
  g_assert_nonnull (strstr (text, "Contactfunctionarissen (level 1)"));
  helder_test_save_shot (window, "planner-bericht-niveau");
}

/* Schrijven: the text of a planned message says, in the side panel,
 * which of its channels' target levels it exceeds; what the editor
 * measured goes to the store's table, so Kanalen knows it too. */
static void
test_editor_level (void)
{
  HelderWindow *window = open_example ("editor-level.db");
  GtkWidget *page = helder_test_page (window, "write");
  g_autoptr(HelderRecord) message = stored (ENDELAAN);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderTextLevels) levels = NULL;
  GtkWidget *label;
  const char *text;

  document = helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_DOCUMENT,
                                helder_record_get_text (message, "body"), NULL);
  g_assert_nonnull (document);
  helder_test_page_state (window, "write");
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
  HELDER_PAGE_GET_CLASS (page)->open_record (HELDER_PAGE (page), document);
  label = helder_test_find (window, "channels_level_label");
  g_assert_nonnull (label);
  g_assert_true (helder_test_wait_for (visible, label));
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, "Verkeersbesluit en inloopavond herinrichting Van den Endelaan"));
  g_assert_nonnull (strstr (text, "Post (level 2)"));
  g_assert_nonnull (strstr (text, "Telefonie (level 2)"));
  levels = helder_text_levels_for_store (helder_application_get_store (test_app));
  g_assert_cmpint (helder_text_levels_lookup (levels, helder_record_get_id (document)), ==, 4);
  helder_test_save_shot (window, "schrijven-niveau-per-kanaal");
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/message-pane/toolkits", test_toolkits);
  helder_test_add_isolated ("/message-pane/pressure-warning", test_pressure_warning);
  helder_test_add_isolated ("/message-pane/pressure-date", test_pressure_date_in_pane);
  helder_test_add_isolated ("/message-pane/pressure-drag-and-new", test_pressure_drag_and_new);
  helder_test_add_isolated ("/message-pane/level", test_level);
  helder_test_add_isolated ("/message-pane/editor-level", test_editor_level);
  return helder_test_app_main (&argc, &argv);
}
