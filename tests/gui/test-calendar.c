/* test-calendar.c: the planner's Kalender and its message pane in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-app.h"
#include "helder-example-data.h"
#include "planner/helder-calendar-agenda.h"
#include "planner/helder-calendar-filter.h"
#include "planner/helder-calendar-month.h"
#include "helder-tooltip.h"
#include "planner/helder-calendar-view.h"
#include "planner/helder-calendar-week.h"
#include "planner/helder-message-pane.h"
#include "plan/helder-plan-messages.h"
#include "service/helder-session.h"

/* A widget of the calendar view: ids like "pane" or "fields" are in
 * other views too */
static GtkWidget *
in_calendar (HelderWindow *window,
             const char   *id)
{
  GtkWidget *widget = helder_test_find_by_id (helder_test_find (window, "calendar_view"), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
become (const char *login,
        HelderRole  role)
{
  HelderSession *session = helder_application_get_session (test_app);

  helder_session_set_login (session, login);
  helder_session_set_role (session, role);
  helder_store_set_user (helder_application_get_store (test_app), login);
}

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static HelderRecord *
save_message (const char *title,
              const char *start,
              const char *end,
              const char *status,
              const char *author)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (message, "title", title, "window-start", start, "window-end", end, "status", status,
                "author", author, NULL);
  g_assert_true (helder_store_save (helder_application_get_store (test_app), message, NULL));
  return message;
}

static HelderRecord *
stored (HelderRecord *message)
{
  return helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_MESSAGE,
                            helder_record_get_id (message), NULL);
}

/* The calendar on 14 January 2027, in @mode */
static HelderCalendarView *
open_calendar (HelderWindow *window,
               const char   *mode)
{
  AdwViewStack *views;
  HelderCalendarView *view;
  GDate today = day (2027, 1, 14);

  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  views = ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "planner"), "views"));
  adw_view_stack_set_visible_child_name (views, "messages");
  helder_test_iterate (50);
  view = HELDER_CALENDAR_VIEW (helder_test_find (window, "calendar_view"));
  helder_calendar_view_set_today (view, &today);
  helder_calendar_view_set_mode (view, mode);
  helder_test_iterate (100);
  return view;
}

static HelderRecord *
save_priority (void)
{
  HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);

  /* The planner shows its views once it holds something */
  g_object_set (priority, "title", "Dienstverlening op maat", "rank", 1, NULL);
  helder_store_save (helder_application_get_store (test_app), priority, NULL);
  return priority;
}

static guint
column_of (GtkWidget *chip)
{
  int column = -1, row, width, height;

  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (chip)), chip, &column, &row, &width, &height);
  return column;
}

/* Messages sit on their days: a window on each of its days of the week */
static void
test_month_shows_messages (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-month.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) thursday = save_message ("Raadsinformatie", "2027-01-14", NULL, "draft", "sanne");
  g_autoptr(HelderRecord) window_message = save_message ("Inloopavond", "2027-01-11", "2027-01-13", "review", "sanne");
  g_autoptr(HelderRecord) february = save_message ("Later", "2027-02-10", NULL, "idea", "sanne");
  g_autoptr(HelderRecord) works = helder_record_new (HELDER_TYPE_WORKS);
  HelderCalendarView *view;
  GtkWidget *chip;
  GDate monday;
  g_autofree char *period = NULL;

  g_object_set (works, "title", "Riolering Pastoor van Leeuwenstraat", "start-date", "2027-01-04",
                "end-date", "2027-02-26", NULL);
  helder_store_save (helder_application_get_store (test_app), works, NULL);
  view = open_calendar (window, "month");
  period = helder_calendar_view_get_period_text (view);
  g_assert_cmpstr (period, ==, "January 2027");

  chip = helder_calendar_view_find_chip (view, helder_record_get_id (thursday));
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_mapped (chip));
  helder_calendar_week_get_monday (HELDER_CALENDAR_WEEK (gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK)),
                                   &monday);
  g_assert_cmpuint (g_date_get_day (&monday), ==, 11);
  g_assert_cmpuint (column_of (chip), ==, 3);
  /* The accessible name says what and when */
  g_assert_cmpstr (helder_widget_get_tooltip (chip), ==, "Raadsinformatie, Draft, on Thursday 14 January 2027");
  g_assert_true (gtk_widget_get_has_tooltip (chip));

  chip = helder_calendar_view_find_chip (view, helder_record_get_id (window_message));
  g_assert_nonnull (chip);
  g_assert_cmpuint (column_of (chip), ==, 0);
  g_assert_true (gtk_widget_has_css_class (chip, "status-review"));
  g_assert_null (helder_calendar_view_find_chip (view, helder_record_get_id (february)));
  g_assert_true (helder_test_shows_text (window, "Riolering Pastoor van Leeuwenstraat"));

  /* Next month */
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL);
  helder_test_iterate (50);
  g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (february)));
  g_assert_null (helder_calendar_view_find_chip (view, helder_record_get_id (thursday)));
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.today", NULL);
  helder_test_iterate (50);
  g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (thursday)));

  /* A filter by status leaves the others out */
  {
    GtkPopover *filter = gtk_menu_button_get_popover (GTK_MENU_BUTTON (helder_test_find_by_id (GTK_WIDGET (view),
                                                                                           "filter_button")));

    helder_calendar_filter_set_states (HELDER_CALENDAR_FILTER (filter), 1 << HELDER_MESSAGE_REVIEW);
    helder_test_iterate (50);
    g_assert_null (helder_calendar_view_find_chip (view, helder_record_get_id (thursday)));
    g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (window_message)));
    helder_calendar_filter_clear (HELDER_CALENDAR_FILTER (filter));
    helder_test_iterate (50);
    g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (thursday)));
  }

  /* The week view shows it too; the agenda from today on (not the window that ended yesterday) */
  helder_calendar_view_set_mode (view, "week");
  helder_test_iterate (50);
  g_clear_pointer (&period, g_free);
  period = helder_calendar_view_get_period_text (view);
  g_assert_cmpstr (period, ==, "Week 2, 11 – 17 January 2027");
  g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (thursday)));
  helder_calendar_view_set_mode (view, "agenda");
  helder_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (helder_calendar_agenda_get_model (
                      HELDER_CALENDAR_AGENDA (in_calendar (window, "agenda_view")))), ==, 2);
}

/* Select, Alt+Right and Alt+Down move it; undo puts it back */
static void
test_keyboard_move_and_undo (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-move.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) message = save_message ("Inloopavond", "2027-01-11", "2027-01-13", "draft", "sanne");
  g_autoptr(HelderRecord) after = NULL;
  HelderCalendarView *view = open_calendar (window, "month");
  GtkWidget *chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));

  g_assert_nonnull (chip);
  gtk_widget_grab_focus (chip);
  helder_test_iterate (20);
  g_assert_cmpstr (helder_calendar_view_get_selected_id (view), ==, helder_record_get_id (message));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.move", "i", 1));
  helder_test_iterate (20);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, "2027-01-12");
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, "2027-01-14");
  /* The moved message keeps the focus, for the next key */
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  g_assert_true (gtk_widget_has_focus (chip));
  g_assert_cmpuint (column_of (chip), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.move", "i", 7));
  helder_test_iterate (20);
  g_clear_object (&after);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, "2027-01-19");
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, "2027-01-21");

  /* Undo takes back the last move */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.undo-move", NULL));
  helder_test_iterate (20);
  g_clear_object (&after);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, "2027-01-12");
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, "2027-01-14");
}

static GtkWidget *
step_button (HelderWindow *window,
             const char   *label)
{
  return helder_test_find_button (in_calendar (window, "pane"), label);
}

/* Four eyes: the author cannot approve; another advisor can, and is recorded */
static void
test_four_eyes (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-approval.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) after = NULL;
  HelderCalendarView *view;
  GtkWidget *approve;
  HelderMessagePane *pane;

  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  message = save_message ("Inloopavond woningbouw", "2027-01-18", "2027-01-25", "review", "sanne");
  view = open_calendar (window, "month");
  helder_calendar_view_select_message (view, helder_record_get_id (message));
  helder_test_iterate (50);
  pane = HELDER_MESSAGE_PANE (in_calendar (window, "pane"));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, pane));

  approve = step_button (window, "Approve");
  g_assert_nonnull (approve);
  g_assert_false (gtk_widget_get_sensitive (approve));
  g_assert_true (gtk_widget_get_visible (in_calendar (window, "reason_label")));
  g_assert_true (helder_test_shows_text (window, "You wrote this message or sent it for review: "
                                                 "someone else approves it (four eyes)."));
  g_assert_false (helder_message_pane_step (pane, HELDER_MESSAGE_APPROVED, NULL));
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "review");
  g_clear_object (&after);

  /* Staff read it, change nothing */
  become ("felamrani", HELDER_SESSION_ROLE_STAFF);
  helder_test_iterate (50);
  g_assert_false (gtk_widget_get_sensitive (step_button (window, "Approve")));
  g_assert_true (helder_test_shows_text (window, "Only advisors and administrators change a message’s status."));
  g_assert_false (gtk_widget_get_sensitive (in_calendar (window, "fields")));
  g_assert_false (gtk_widget_get_visible (helder_test_find (window, "new_item_button")));

  /* Joost, another advisor, at the same desk: first he sends it back, with why */
  become ("jbakker", HELDER_SESSION_ROLE_ADVISOR);
  helder_calendar_view_select_message (view, NULL);
  helder_calendar_view_select_message (view, helder_record_get_id (message));
  helder_test_iterate (50);
  g_assert_nonnull (step_button (window, "Send Back…"));
  g_assert_false (helder_message_pane_step (pane, HELDER_MESSAGE_DRAFT, ""));
  g_assert_true (helder_message_pane_step (pane, HELDER_MESSAGE_DRAFT, "Noem de datum van de inloopavond"));
  helder_test_iterate (50);
  g_assert_true (helder_test_shows_text (window, "Draft"));
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (in_calendar (window, "history_list"))), ==, 1);
  g_assert_nonnull (step_button (window, "Send for Review"));

  /* Sanne changes it and sends it again; Joost approves */
  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_message_pane_step (pane, HELDER_MESSAGE_REVIEW, NULL));
  become ("jbakker", HELDER_SESSION_ROLE_ADVISOR);
  helder_calendar_view_select_message (view, NULL);
  helder_calendar_view_select_message (view, helder_record_get_id (message));
  helder_test_iterate (50);
  approve = step_button (window, "Approve");
  g_assert_true (gtk_widget_get_sensitive (approve));
  g_signal_emit_by_name (approve, "clicked");
  helder_test_iterate (50);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "approved");
  g_assert_cmpstr (helder_record_get_text (after, "approver"), ==, "jbakker");
  g_assert_nonnull (helder_record_get_text (after, "approved_at"));
  /* The pane shows it, and the history has the step */
  g_assert_nonnull (step_button (window, "Mark Published"));
  g_assert_null (step_button (window, "Approve"));
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (in_calendar (window, "history_list"))), ==, 3);
}

static GtkWidget *
find_nth_in (GtkWidget *root,
             GType      type,
             guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && --(*n) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_in (child, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The @n-th widget of @type under @root, counting from 1 */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      n)
{
  return find_nth_in (root, type, &n);
}

/* Moving an approved message, by drag and drop or by its date in the
 * pane, sends it back to review */
static void
test_date_change_back_to_review (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-review.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) message = save_message ("Receptie op afspraak", "2027-01-12", "2027-01-15",
                                                  "approved", "jbakker");
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(GDateTime) new_end = NULL;
  HelderCalendarView *view;
  GtkWidget *chip, *week, *calendar;

  g_object_set (message, "approver", "sanne", "approved-at", "2027-01-10T10:00:00+01:00", NULL);
  helder_store_save (helder_application_get_store (test_app), message, NULL);
  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  view = open_calendar (window, "month");

  /* Dropped two days later */
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  week = gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK);
  g_signal_emit_by_name (week, "message-dropped", helder_record_get_id (message), "2027-01-14");
  helder_test_iterate (50);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, "2027-01-14");
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, "2027-01-17");
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "review");
  g_assert_null (helder_record_get_text (after, "approver"));
  g_clear_object (&after);

  /* Approved again, by Mark (an admin: Joost wrote it); then its end date changes in the pane */
  become ("mjansen", HELDER_SESSION_ROLE_ADMIN);
  helder_calendar_view_select_message (view, helder_record_get_id (message));
  helder_test_iterate (50);
  g_assert_true (helder_message_pane_step (HELDER_MESSAGE_PANE (in_calendar (window, "pane")),
                                           HELDER_MESSAGE_APPROVED, NULL));
  helder_test_iterate (50);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "approved");
  g_clear_object (&after);
  {
    /* The second date, "Until": its calendar is made when it opens */
    GtkWidget *until = find_nth (in_calendar (window, "fields"), GTK_TYPE_MENU_BUTTON, 2);

    gtk_menu_button_popup (GTK_MENU_BUTTON (until));
    helder_test_iterate (50);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (until)));
  }
  g_assert_nonnull (calendar);
  new_end = g_date_time_new_local (2027, 1, 20, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), new_end);
  g_signal_emit_by_name (calendar, "day-selected");
  helder_test_iterate (50);
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, "2027-01-20");
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "review");
  g_assert_true (helder_test_shows_text (window, "In review"));
}

/* The planner's "New Message" makes one on the calendar's selected day,
 * written by who sits at the desk, and opens it in the pane */
static void
test_new_message (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-new.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) message = NULL;
  HelderCalendarView *view;
  GDate when = day (2027, 1, 20);

  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  view = open_calendar (window, "month");
  helder_calendar_view_go_to (view, &when);
  g_assert_true (gtk_widget_activate_action (helder_test_page (window, "planner"), "planner.new", NULL));
  helder_test_iterate (50);
  g_assert_nonnull (helder_calendar_view_get_selected_id (view));
  message = helder_store_load (helder_application_get_store (test_app), HELDER_TYPE_MESSAGE,
                               helder_calendar_view_get_selected_id (view), NULL);
  g_assert_nonnull (message);
  g_assert_cmpstr (helder_record_get_text (message, "window_start"), ==, "2027-01-20");
  g_assert_cmpstr (helder_record_get_text (message, "author"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (message, "status"), ==, "idea");
  g_assert_nonnull (helder_calendar_view_find_chip (view, helder_record_get_id (message)));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, in_calendar (window, "pane")));
}

/* Its text changed in Schrijven after approval: back to review */
static void
test_text_change_back_to_review (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-text.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(HelderRecord) saved = NULL;
  HelderCalendarView *view;
  GtkTextBuffer *buffer;

  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_object_set (document, "title", "Brief inloopavond", "body", "Beste bewoner,", NULL);
  g_assert_true (helder_store_save (store, document, NULL));
  message = save_message ("Inloopavond", "2027-01-12", "2027-01-15", "approved", "jbakker");
  /* Approved an hour ago */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) before = g_date_time_add_hours (now, -1);
    g_autofree char *at = g_date_time_format_iso8601 (before);

    g_object_set (message, "body", helder_record_get_id (document), "approver", "sanne", "approved-at", at, NULL);
  }
  g_assert_true (helder_store_save (store, message, NULL));
  view = open_calendar (window, "month");

  /* The user opens the message's text from its pane in Schrijven */
  helder_calendar_view_select_message (view, helder_record_get_id (message));
  helder_test_iterate (50);
  g_signal_emit_by_name (in_calendar (window, "open_text_button"), "clicked");
  helder_test_iterate (100);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "editor");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find (window, "text_view")));
  {
    g_autofree char *shown = NULL;
    GtkTextIter a, b;

    gtk_text_buffer_get_bounds (buffer, &a, &b);
    shown = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (shown, ==, "Beste bewoner,");
    /* and types at the end */
    gtk_text_buffer_insert (buffer, &b, " de inloopavond is op 20 januari.", -1);
  }
  /* Nothing goes back before the editor saved the text */
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "approved");
  g_clear_object (&after);
  /* The editor saves within a second of the last key */
  helder_test_iterate (1300);
  saved = helder_store_load (store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (saved, "body"), ==, "Beste bewoner, de inloopavond is op 20 januari.");
  after = stored (message);
  g_assert_cmpstr (helder_record_get_text (after, "status"), ==, "review");
  g_assert_null (helder_record_get_text (after, "approver"));
}

/* The example data's month, as the screenshots have it */
static HelderCalendarView *
open_example_month (HelderWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_example_data_load (helder_application_get_store (test_app), NULL));
  return open_calendar (window, "month");
}

#define PARKEERVERGUNNING "98e18dc9-0a07-501c-a86d-4b8ff4afd8db"
#define GLADHEID          "ca1e0000-0000-4000-8000-000000000006"

/* A click with the pointer (through the X server, as a mouse's) selects
 * the message under it: "Parkeervergunning" on 4 January 2027, in the
 * week under "Gladheid", selected "Gladheid" when the press also selected
 * the day and the week was made again under the pointer */
static void
test_click_selects_message (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-click.db");
  HelderCalendarView *view = open_example_month (window);
  GtkWidget *chip;

  if (!helder_test_pointer_available ())
    {
      g_test_skip ("no X server to move the pointer (XTest)");
      return;
    }
  helder_test_iterate (200);
  chip = helder_calendar_view_find_chip (view, PARKEERVERGUNNING);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_mapped (chip));
  g_assert_true (helder_test_pointer_click (chip));
  helder_test_iterate (200);
  g_assert_cmpstr (helder_calendar_view_get_selected_id (view), ==, PARKEERVERGUNNING);
  chip = helder_calendar_view_find_chip (view, PARKEERVERGUNNING);
  g_assert_true (gtk_widget_has_css_class (chip, "selected"));
  g_assert_false (gtk_widget_has_css_class (helder_calendar_view_find_chip (view, GLADHEID), "selected"));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, in_calendar (window, "pane")));

  /* And the one above it, with the pane open (the month is narrower now) */
  helder_test_iterate (200);
  chip = helder_calendar_view_find_chip (view, GLADHEID);
  g_assert_true (helder_test_pointer_click (chip));
  helder_test_iterate (200);
  g_assert_cmpstr (helder_calendar_view_get_selected_id (view), ==, GLADHEID);

  /* A click on a day's empty part selects the day, not a message */
  {
    HelderCalendarWeek *week = helder_calendar_month_get_week (HELDER_CALENDAR_MONTH (in_calendar (window,
                                                                                                   "month_view")),
                                                               1);
    int width = gtk_widget_get_width (GTK_WIDGET (week)), height = gtk_widget_get_height (GTK_WIDGET (week));

    g_assert_true (helder_test_pointer_move (GTK_WIDGET (week), width * 5.5 / 7, height - 3));
    helder_test_pointer_button (TRUE);
    helder_test_pointer_button (FALSE);
    helder_test_iterate (200);
    g_assert_null (helder_calendar_view_get_selected_id (view));
  }
}

/* Drags @chip, taken at @grab (0 to 1 of its width), to the middle of
 * @column of @week, with the pointer: press, motion past the drag's
 * threshold, release over the day */
static void
pointer_drag (GtkWidget          *chip,
              double              grab,
              HelderCalendarWeek *week,
              guint               column)
{
  g_assert_true (helder_test_pointer_move (chip, gtk_widget_get_width (chip) * grab,
                                           gtk_widget_get_height (chip) / 2.0));
  helder_test_pointer_button (TRUE);
  for (guint i = 1; i <= 4; i++)
    g_assert_true (helder_test_pointer_move (chip, gtk_widget_get_width (chip) * grab + i * 6,
                                             gtk_widget_get_height (chip) / 2.0 + i * 3));
  /* (the pane opened at the press: the week is narrower than it was; a
   * chip's own week is dropped on at its row, which is in view) */
  for (guint i = 0; i < 3; i++)
    {
      graphene_point_t row = GRAPHENE_POINT_INIT (0, gtk_widget_get_height (GTK_WIDGET (week)) * 0.6);

      if (gtk_widget_is_ancestor (chip, GTK_WIDGET (week)))
        g_assert_true (gtk_widget_compute_point (chip, GTK_WIDGET (week),
                                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (chip) / 2.0),
                                                 &row));
      g_assert_true (helder_test_pointer_move (GTK_WIDGET (week), gtk_widget_get_width (GTK_WIDGET (week)) *
                                               (column + 0.5) / 7 + i, row.y));
    }
  helder_test_pointer_button (FALSE);
  helder_test_iterate (300);
}

static void
assert_window (HelderRecord *message,
               const char   *start,
               const char   *end)
{
  g_autoptr(HelderRecord) after = stored (message);

  g_assert_cmpstr (helder_record_get_text (after, "window_start"), ==, start);
  g_assert_cmpstr (helder_record_get_text (after, "window_end"), ==, end);
}

/* Drag and drop with the pointer, in the month and in the week: the day
 * taken lands on the day dropped on; undo puts it back */
static void
test_pointer_drag_and_undo (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-drag.db");
  g_autoptr(HelderRecord) priority = save_priority ();
  g_autoptr(HelderRecord) message = save_message ("Inloopavond", "2027-01-12", "2027-01-13", "draft", "sanne");
  HelderCalendarView *view;
  HelderCalendarMonth *month;
  GtkWidget *chip;

  if (!helder_test_pointer_available ())
    {
      g_test_skip ("no X server to move the pointer (XTest)");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  view = open_calendar (window, "month");
  helder_test_iterate (200);
  month = HELDER_CALENDAR_MONTH (in_calendar (window, "month_view"));

  /* Taken by its Tuesday, dropped on Thursday 21 January (the grid's fourth week) */
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  g_assert_nonnull (chip);
  pointer_drag (chip, 0.25, helder_calendar_month_get_week (month, 3), 3);
  assert_window (message, "2027-01-21", "2027-01-22");
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  g_assert_nonnull (chip);
  g_assert_cmpuint (column_of (chip), ==, 3);
  g_assert_cmpstr (helder_calendar_view_get_selected_id (view), ==, helder_record_get_id (message));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.undo-move", NULL));
  helder_test_iterate (100);
  assert_window (message, "2027-01-12", "2027-01-13");

  /* The week view: taken by its Wednesday, dropped on Thursday (a day
   * later; what the window's width shows of the week beside the pane) */
  helder_calendar_view_set_mode (view, "week");
  helder_test_iterate (200);
  chip = helder_calendar_view_find_chip (view, helder_record_get_id (message));
  g_assert_nonnull (chip);
  pointer_drag (chip, 0.75, HELDER_CALENDAR_WEEK (gtk_widget_get_ancestor (chip, HELDER_TYPE_CALENDAR_WEEK)), 3);
  assert_window (message, "2027-01-13", "2027-01-14");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.undo-move", NULL));
  helder_test_iterate (100);
  assert_window (message, "2027-01-12", "2027-01-13");
}

/* Screenshots, when asked for (HELDER_SCREENSHOT_DIR): the example data
 * in month, week and agenda, and the pane. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("HELDER_SCREENSHOT_DIR");
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  const char *argv[] = { "import", "-window", "root", path, NULL };

  helder_test_iterate (400);
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "nl"))
    helder_test_assert_all_dutch (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (test_app))),
                                  name);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_screenshots (void)
{
  HelderWindow *window = helder_test_open_window ("calendar-shots.db");
  HelderCalendarView *view;
  GDate today = day (2026, 12, 2);

  /* HELDER_SCREENSHOT_SIZE: "1280x800" by default */
  {
    g_auto(GStrv) size = g_strsplit (g_getenv ("HELDER_SCREENSHOT_SIZE") ?: "1280x800", "x", 2);

    gtk_window_set_default_size (GTK_WINDOW (window), atoi (size[0]), size[1] ? atoi (size[1]) : 800);
  }
  become ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (helder_example_data_load (helder_application_get_store (test_app), NULL));
  view = open_calendar (window, "month");
  helder_calendar_view_set_today (view, &today);
  helder_test_iterate (100);
  screenshot ("calendar-month");
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.filter", NULL);
  screenshot ("calendar-filters");
  gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (in_calendar (window, "filter_button"))));
  today = day (2027, 3, 10);
  helder_calendar_view_go_to (view, &today);
  screenshot ("calendar-month-works");
  helder_calendar_view_set_mode (view, "week");
  today = day (2027, 1, 13);
  helder_calendar_view_go_to (view, &today);
  screenshot ("calendar-week");
  helder_calendar_view_set_mode (view, "agenda");
  today = day (2026, 12, 2);
  helder_calendar_view_go_to (view, &today);
  screenshot ("calendar-agenda");
  helder_calendar_view_set_mode (view, "month");
  helder_calendar_view_go_to (view, &today);
  helder_calendar_view_select_message (view, "9fa3e442-af00-41fc-8a80-b8c40ca62b27");
  today = day (2027, 1, 11);
  helder_calendar_view_go_to (view, &today);
  screenshot ("calendar-pane-approve");
  helder_calendar_view_select_message (view, "ca1e0000-0000-4000-8000-000000000004");
  screenshot ("calendar-pane-own");
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/calendar/month-shows-messages", test_month_shows_messages);
  helder_test_add_isolated ("/calendar/keyboard-move-and-undo", test_keyboard_move_and_undo);
  helder_test_add_isolated ("/calendar/four-eyes", test_four_eyes);
  helder_test_add_isolated ("/calendar/date-change-back-to-review", test_date_change_back_to_review);
  helder_test_add_isolated ("/calendar/new-message", test_new_message);
  helder_test_add_isolated ("/calendar/text-change-back-to-review", test_text_change_back_to_review);
  helder_test_add_isolated ("/calendar/click-selects-message", test_click_selects_message);
  helder_test_add_isolated ("/calendar/pointer-drag-and-undo", test_pointer_drag_and_undo);
  if (g_getenv ("HELDER_SCREENSHOT_DIR") != NULL)
    helder_test_add_isolated ("/calendar/screenshots", test_screenshots);

  return helder_test_app_main (&argc, &argv);
}
