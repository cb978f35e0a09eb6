/* helder-calendar-view.c: the planner's Kalender: month, week and agenda of messages
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-calendar-agenda.h"
#include "helder-calendar-filter.h"
#include "helder-calendar-month.h"
#include "helder-calendar-view.h"
#include "helder-message-pane.h"
#include "helder-page.h"
#include "helder-window.h"
#include "plan/helder-plan-messages.h"

/* The calendar every advisor opens in the morning, modelled on GNOME
 * Calendar: a month of weeks, one week in full, or the coming weeks as a
 * list, with "Vandaag", previous and next.  Messages show their status
 * as colour and icon; works lie under them as bands; council meetings
 * have their own chips.  A message moves by dragging it to another day,
 * or from the keyboard (Alt+arrows: a day, a week), with an undo toast.
 * The selected message opens in the pane on the right.
 *
 * The view follows three live lists (messages, works, council meetings)
 * made when it is first shown; any change queues one rebuild of what is
 * on screen, in an idle, after the store's transaction. */

#define AGENDA_DAYS 56

struct _HelderCalendarView
{
  AdwBin                parent_instance;

  /* template widgets */
  AdwFlap              *flap;
  GtkLabel             *period_label;
  GtkMenuButton        *filter_button;
  GtkStack             *mode_stack;
  HelderCalendarMonth  *month_view;
  GtkScrolledWindow    *week_scroller;
  HelderCalendarAgenda *agenda_view;
  HelderMessagePane    *pane;

  /* owned */
  HelderCalendarWeek   *week_view;
  HelderCalendarFilter *filter;
  HelderService        *service;
  HelderRecordList     *messages;
  HelderRecordList     *works;
  HelderRecordList     *meetings;
  HelderDayIndex       *message_days;  /* the lists by day, kept in step with them */
  HelderDayIndex       *works_days;
  HelderDayIndex       *meeting_days;
  char                 *mode;
  char                 *selected_id;
  GDate                 anchor;      /* a day of the period shown */
  GDate                 today;
  GDate                 selected_day;
  gboolean              today_fixed; /* set by a test */
  guint                 rebuild_id;
  gboolean              refocus;     /* give the selected chip focus after the rebuild */
  char                 *undo_id;     /* the last move, for its toast */
  int                   undo_days;
};

G_DEFINE_FINAL_TYPE (HelderCalendarView, helder_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HelderPlanService *
plan (HelderCalendarView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

static void
update_today (HelderCalendarView *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today_fixed)
    return;
  now = g_date_time_new_now_local ();
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* What meets [@from, @until], the messages filtered: read from the day
 * indexes, never from all the store holds */
static GArray *
messages_in (HelderCalendarView *self,
             const GDate        *from,
             const GDate        *until)
{
  const HelderMessageFilter *filter = helder_calendar_filter_get_filter (self->filter);
  GArray *spans = helder_day_index_query (self->message_days, from, until);

  if (helder_message_filter_is_empty (filter))
    return spans;
  for (guint i = spans->len; i-- > 0;)
    if (!helder_message_filter_matches (filter, g_array_index (spans, HelderDaySpan, i).record))
      g_array_remove_index (spans, i);
  return spans;
}

/* The days the view shows in its mode */
static void
shown_range (HelderCalendarView *self,
             GDate              *from,
             GDate              *until)
{
  if (g_str_equal (self->mode, "month"))
    helder_calendar_month_get_range (g_date_get_year (&self->anchor), g_date_get_month (&self->anchor), from,
                                     until);
  else if (g_str_equal (self->mode, "week"))
    {
      helder_week_monday (&self->anchor, from);
      *until = *from;
      g_date_add_days (until, 6);
    }
  else
    {
      *from = self->anchor;
      *until = self->anchor;
      g_date_add_days (until, AGENDA_DAYS - 1);
    }
}

/**
 * helder_calendar_view_get_period_text:
 *
 * Returns: (transfer full): what the view shows: "januari 2027",
 *   "week 3, 11 – 17 januari 2027" or "vanaf 14 januari 2027"
 */
char *
helder_calendar_view_get_period_text (HelderCalendarView *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_VIEW (self), NULL);

  if (g_str_equal (self->mode, "week"))
    {
      GDate monday, sunday;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      helder_week_monday (&self->anchor, &monday);
      sunday = monday;
      g_date_add_days (&sunday, 6);
      last = helder_format_day (&sunday, FALSE);
      first = g_strdup_printf ("%u", g_date_get_day (&monday));
      if (g_date_get_month (&monday) != g_date_get_month (&sunday))
        first = (g_free (first), helder_format_day (&monday, FALSE));
      /* Translators: week number, first day, last day: "week 3, 11 – 17 januari 2027" */
      return g_strdup_printf (_("Week %u, %s – %s"), g_date_get_iso8601_week_of_year (&monday), first, last);
    }
  if (g_str_equal (self->mode, "agenda"))
    {
      g_autofree char *day = helder_format_day (&self->anchor, FALSE);

      /* Translators: the agenda's first day */
      return g_strdup_printf (_("From %s"), day);
    }
  return helder_format_month (g_date_get_year (&self->anchor), g_date_get_month (&self->anchor));
}

static void
update_filter_label (HelderCalendarView *self)
{
  guint n = helder_message_filter_count (helder_calendar_filter_get_filter (self->filter));
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("Filters"));
  else
    /* Translators: the filter button with the number of filters set */
    label = g_strdup_printf (ngettext ("%u Filter", "%u Filters", n), n);
  /* (a menu button makes its child anew for every label it is given) */
  if (g_strcmp0 (gtk_menu_button_get_label (self->filter_button), label) != 0)
    gtk_menu_button_set_label (self->filter_button, label);
}

static GtkWidget *
find_chip (HelderCalendarView *self,
           const char         *id)
{
  if (g_str_equal (self->mode, "month"))
    return helder_calendar_month_find_chip (self->month_view, id);
  if (g_str_equal (self->mode, "week"))
    return helder_calendar_week_find_chip (self->week_view, id);
  return NULL;
}

static HelderRecord *lookup_message (HelderCalendarView *self, const char *id);
static void set_selected (HelderCalendarView *self, const char *id);

static void
rebuild (HelderCalendarView *self)
{
  g_autoptr(GArray) messages = NULL;
  g_autoptr(GArray) works = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autofree char *period = NULL;
  HelderCalendarContent content = { 0, };
  GDate from, until;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  /* A selected message deleted elsewhere leaves the pane */
  if (self->selected_id != NULL && lookup_message (self, self->selected_id) == NULL)
    set_selected (self, NULL);
  update_today (self);
  shown_range (self, &from, &until);
  messages = messages_in (self, &from, &until);
  works = helder_day_index_query (self->works_days, &from, &until);
  meetings = helder_day_index_query (self->meeting_days, &from, &until);
  content.messages = messages;
  content.works = works;
  content.meetings = meetings;
  content.today = self->today;
  content.selected_day = self->selected_day;
  content.selected_id = self->selected_id;

  if (g_str_equal (self->mode, "month"))
    helder_calendar_month_show (self->month_view, g_date_get_year (&self->anchor),
                                g_date_get_month (&self->anchor), &content);
  else if (g_str_equal (self->mode, "week"))
    {
      GDate monday;

      helder_week_monday (&self->anchor, &monday);
      helder_calendar_week_show (self->week_view, &monday, &content);
    }
  else
    helder_calendar_agenda_show (self->agenda_view, &self->anchor, AGENDA_DAYS, &content);

  period = helder_calendar_view_get_period_text (self);
  gtk_label_set_text (self->period_label, period);
  update_filter_label (self);
  if (self->refocus)
    {
      GtkWidget *chip = find_chip (self, self->selected_id);

      self->refocus = FALSE;
      if (chip != NULL)
        gtk_widget_grab_focus (chip);
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  HelderCalendarView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (HelderCalendarView *self)
{
  if (self->rebuild_id == 0 && self->messages != NULL)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, rebuild_idle, self, NULL);
}

static HelderRecord *
lookup_message (HelderCalendarView *self,
                const char         *id)
{
  HelderRecord *message = self->messages && id ? helder_record_list_lookup (self->messages, id, NULL) : NULL;

  return message;
}

static void
show_in_pane (HelderCalendarView *self,
              HelderRecord       *message)
{
  helder_message_pane_set_message (self->pane, message);
  adw_flap_set_reveal_flap (self->flap, message != NULL);
}

/* The selected chip; the pane shows its message when @with_pane */
static void
select_chip (HelderCalendarView *self,
             const char         *id,
             gboolean            with_pane)
{
  GtkWidget *old = self->selected_id ? find_chip (self, self->selected_id) : NULL;
  GtkWidget *chip;
  HelderRecord *message;

  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (old, "selected");
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  if ((chip = find_chip (self, id)) != NULL)
    gtk_widget_add_css_class (chip, "selected");
  message = lookup_message (self, id);
  if (with_pane)
    show_in_pane (self, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.move", message != NULL);
}

static void
set_selected (HelderCalendarView *self,
              const char         *id)
{
  select_chip (self, id, TRUE);
}

void
helder_calendar_view_select_message (HelderCalendarView *self,
                                     const char         *message_id)
{
  g_return_if_fail (HELDER_IS_CALENDAR_VIEW (self));

  set_selected (self, message_id);
}

const char *
helder_calendar_view_get_selected_id (HelderCalendarView *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_VIEW (self), NULL);

  return self->selected_id;
}

GtkWidget *
helder_calendar_view_find_chip (HelderCalendarView *self,
                                const char         *message_id)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_VIEW (self), NULL);

  return find_chip (self, message_id);
}

static void
on_message_selected (HelderCalendarView *self,
                     HelderRecord       *message)
{
  set_selected (self, helder_record_get_id (message));
}

/* The message's text opens in Schrijven, through the page. */
static void
open_text (HelderCalendarView *self,
           HelderRecord       *message)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), HELDER_TYPE_PAGE);
  g_autoptr(HelderRecord) stored = NULL;

  /* As stored now: a row may show a copy a change has not reached yet */
  if (self->service != NULL)
    stored = helder_service_load (self->service, HELDER_TYPE_MESSAGE, helder_record_get_id (message));
  if (page != NULL && HELDER_PAGE_GET_CLASS (page)->open_record != NULL)
    HELDER_PAGE_GET_CLASS (page)->open_record (HELDER_PAGE (page), stored ? stored : message);
}

static void
show_error (HelderCalendarView *self,
            const char         *title,
            const GError       *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title,
                                   error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

static void undo_move (HelderCalendarView *self);

static void
add_toast (HelderCalendarView *self,
           AdwToast           *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Moves @message @days and says where to, with undo. */
static void
move_message (HelderCalendarView *self,
              HelderRecord       *message,
              int                 days,
              gboolean            with_toast)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) moved = NULL;
  HelderMessageStatus before = helder_message_get_status (message);
  g_autofree char *id = g_strdup (helder_record_get_id (message));
  GDate start, end;

  if (plan (self) == NULL || days == 0)
    return;
  if (!helder_plan_service_move_message (plan (self), message, days, &error))
    {
      show_error (self, _("Could not move the message"), error);
      return;
    }
  moved = helder_service_load (self->service, HELDER_TYPE_MESSAGE, id);
  /* The period follows the message, so it stays in view (and in focus) */
  if (moved != NULL && helder_message_get_window (moved, &start, &end))
    {
      self->anchor = start;
      self->selected_day = start;
    }
  /* Now, not in the list's idle (which this drops): the chip keeps the focus */
  self->refocus = TRUE;
  rebuild (self);

  if (with_toast && moved != NULL)
    {
      g_autofree char *day = helder_format_day (&start, FALSE);
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (before == HELDER_MESSAGE_APPROVED && helder_message_get_status (moved) == HELDER_MESSAGE_REVIEW)
        /* Translators: a moved approved message needs approval again */
        text = g_strdup_printf (_("Moved to %s, back in review"), day);
      else
        /* Translators: where a message moved to */
        text = g_strdup_printf (_("Moved to %s"), day);
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_move), self, G_CONNECT_SWAPPED);
      g_free (self->undo_id);
      self->undo_id = g_strdup (id);
      self->undo_days = days;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-move", TRUE);
      add_toast (self, toast);
    }
}

static void
undo_move (HelderCalendarView *self)
{
  g_autoptr(HelderRecord) message = NULL;

  if (self->undo_id == NULL || self->service == NULL)
    return;
  message = helder_service_load (self->service, HELDER_TYPE_MESSAGE, self->undo_id);
  if (message != NULL)
    move_message (self, message, -self->undo_days, FALSE);
  g_clear_pointer (&self->undo_id, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-move", FALSE);
}

static void
on_message_dropped (HelderCalendarView *self,
                    const char         *id,
                    const char         *new_start)
{
  HelderRecord *message = lookup_message (self, id);
  g_autofree char *moved = g_strdup (id);
  g_autoptr(HelderRecord) before = NULL;
  gboolean show_after;
  GDate start, end, target;

  if (message == NULL || !helder_message_get_window (message, &start, &end) ||
      !helder_date_from_iso (new_start, &target))
    return;
  /* (the list lets go of it when the move is written) */
  before = g_object_ref (message);
  /* A message dropped that the pane did not show: the pane shows it once
   * it moved, not before and again after */
  if ((show_after = g_strcmp0 (self->selected_id, id) != 0))
    select_chip (self, id, FALSE);
  move_message (self, before, g_date_days_between (&start, &target), TRUE);
  if (show_after && g_strcmp0 (self->selected_id, moved) == 0)
    show_in_pane (self, lookup_message (self, moved));
}

static void
on_day_selected (HelderCalendarView *self,
                 const char         *day)
{
  GDate date;

  if (!helder_date_from_iso (day, &date))
    return;
  self->selected_day = date;
  set_selected (self, NULL);
  queue_rebuild (self);
}

static void new_message (HelderCalendarView *self);

static void
on_day_activated (HelderCalendarView *self,
                  const char         *day)
{
  on_day_selected (self, day);
  new_message (self);
}

static void
on_more (HelderCalendarView *self,
         const char         *day)
{
  GDate date;

  if (!helder_date_from_iso (day, &date))
    return;
  self->anchor = date;
  self->selected_day = date;
  helder_calendar_view_set_mode (self, "week");
}

static void
connect_week (HelderCalendarView *self,
              HelderCalendarWeek *week)
{
  g_signal_connect_object (week, "message-selected", G_CALLBACK (on_message_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (week, "message-dropped", G_CALLBACK (on_message_dropped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (week, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (week, "day-activated", G_CALLBACK (on_day_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (week, "more", G_CALLBACK (on_more), self, G_CONNECT_SWAPPED);
}

static void
on_messages_changed (HelderCalendarView *self)
{
  /* (whether the selected message is gone is asked in rebuild(): a moved
   * message leaves the sorted list and comes back in two signals) */
  queue_rebuild (self);
}

static void
bind_lists (HelderCalendarView *self)
{
  if (self->messages != NULL || plan (self) == NULL)
    return;
  self->messages = helder_plan_service_messages (plan (self), NULL, NULL);
  self->works = helder_plan_service_works (plan (self));
  self->meetings = helder_plan_service_council_meetings (plan (self));
  /* Made first, so they are up to date when the view's handlers run */
  self->message_days = helder_day_index_new (G_LIST_MODEL (self->messages), "window_start", "window_end");
  self->works_days = helder_day_index_new (G_LIST_MODEL (self->works), "start_date", "end_date");
  self->meeting_days = helder_day_index_new (G_LIST_MODEL (self->meetings), "starts_at", NULL);
  g_signal_connect_object (self->messages, "items-changed", G_CALLBACK (on_messages_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->works, "items-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
unbind_lists (HelderCalendarView *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->messages != NULL)
    g_signal_handlers_disconnect_by_data (self->messages, self);
  if (self->works != NULL)
    g_signal_handlers_disconnect_by_data (self->works, self);
  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_data (self->meetings, self);
  g_clear_object (&self->message_days);
  g_clear_object (&self->works_days);
  g_clear_object (&self->meeting_days);
  g_clear_object (&self->messages);
  g_clear_object (&self->works);
  g_clear_object (&self->meetings);
}

static void
helder_calendar_view_map (GtkWidget *widget)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (helder_calendar_view_parent_class)->map (widget);
  bind_lists (self);
  for (HelderRecordList **l = (HelderRecordList *[]) { self->messages, self->works, self->meetings, NULL }; *l; l++)
    helder_record_list_set_paused (*l, FALSE);
}

static void
helder_calendar_view_unmap (GtkWidget *widget)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (widget);

  for (HelderRecordList **l = (HelderRecordList *[]) { self->messages, self->works, self->meetings, NULL }; *l; l++)
    helder_record_list_set_paused (*l, TRUE);
  GTK_WIDGET_CLASS (helder_calendar_view_parent_class)->unmap (widget);
}

/* A role that may not plan makes no messages (the page's "New Message"
 * comes here, and a double click on a day) */
static void
actions_update (HelderCalendarView *self)
{
  gboolean may_create = self->service != NULL && helder_service_may_create (self->service, HELDER_TYPE_MESSAGE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.new-message", may_create);
}

HelderService *
helder_calendar_view_get_service (HelderCalendarView *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_VIEW (self), NULL);

  return self->service;
}

void
helder_calendar_view_set_service (HelderCalendarView *self,
                                  HelderService      *service)
{
  g_return_if_fail (HELDER_IS_CALENDAR_VIEW (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  set_selected (self, NULL);
  unbind_lists (self);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_func (helder_service_get_session (self->service), actions_update, self);
  g_set_object (&self->service, service);
  helder_calendar_filter_set_service (self->filter, service);
  helder_message_pane_set_service (self->pane, plan (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_lists (self);
  if (service != NULL)
    g_signal_connect_object (helder_service_get_session (service), "notify::role", G_CALLBACK (actions_update),
                             self, G_CONNECT_SWAPPED);
  actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
helder_calendar_view_get_mode (HelderCalendarView *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_VIEW (self), NULL);

  return self->mode;
}

/* @mode: "month", "week" or "agenda" */
void
helder_calendar_view_set_mode (HelderCalendarView *self,
                               const char         *mode)
{
  g_return_if_fail (HELDER_IS_CALENDAR_VIEW (self));
  g_return_if_fail (g_strv_contains ((const char *[]) { "month", "week", "agenda", NULL }, mode));

  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  g_free (self->mode);
  self->mode = g_strdup (mode);
  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  if (self->messages != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
helder_calendar_view_go_to (HelderCalendarView *self,
                            const GDate        *day)
{
  g_return_if_fail (HELDER_IS_CALENDAR_VIEW (self));

  self->anchor = *day;
  self->selected_day = *day;
  if (self->messages != NULL)
    rebuild (self);
}

/* For tests: the day the view takes for today. */
void
helder_calendar_view_set_today (HelderCalendarView *self,
                                const GDate        *today)
{
  g_return_if_fail (HELDER_IS_CALENDAR_VIEW (self));

  self->today = *today;
  self->today_fixed = TRUE;
  helder_calendar_view_go_to (self, today);
}

static void
step_period (HelderCalendarView *self,
             int                 direction)
{
  if (g_str_equal (self->mode, "month"))
    {
      g_date_set_day (&self->anchor, 1);
      if (direction > 0)
        g_date_add_months (&self->anchor, 1);
      else
        g_date_subtract_months (&self->anchor, 1);
    }
  else
    {
      int days = g_str_equal (self->mode, "week") ? 7 : 28;

      if (direction > 0)
        g_date_add_days (&self->anchor, days);
      else
        g_date_subtract_days (&self->anchor, days);
    }
  rebuild (self);
}

static void
previous_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_period (HELDER_CALENDAR_VIEW (widget), -1);
}

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_period (HELDER_CALENDAR_VIEW (widget), 1);
}

static void
today_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (widget);

  update_today (self);
  helder_calendar_view_go_to (self, &self->today);
}

static void
move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (widget);
  HelderRecord *message = lookup_message (self, self->selected_id);

  if (message != NULL)
    move_message (self, message, g_variant_get_int32 (parameter), TRUE);
}

static void
new_message (HelderCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autofree char *day = NULL;

  if (plan (self) == NULL)
    return;
  day = helder_date_to_iso (g_date_valid (&self->selected_day) ? &self->selected_day : &self->anchor);
  message = helder_plan_service_create_message (plan (self), _("New message"), day, &error);
  if (message == NULL)
    {
      show_error (self, _("Could not add the message"), error);
      return;
    }
  rebuild (self);
  set_selected (self, helder_record_get_id (message));
  helder_message_pane_focus_title (self->pane);
}

static void
new_message_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  new_message (HELDER_CALENDAR_VIEW (widget));
}

static void
undo_move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  undo_move (HELDER_CALENDAR_VIEW (widget));
}

static void
filter_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_menu_button_popup (HELDER_CALENDAR_VIEW (widget)->filter_button);
}

/* At once: the user sees the filter take effect as they choose */
static void
on_filter_changed (HelderCalendarView *self)
{
  if (self->messages != NULL)
    rebuild (self);
}

static void
on_pane_closed (HelderCalendarView *self)
{
  set_selected (self, NULL);
}

static void
helder_calendar_view_dispose (GObject *object)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (object);

  unbind_lists (self);
  g_clear_object (&self->service);
  /* The flap is the bin's child and a template child: the bin lets go first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_CALENDAR_VIEW);

  G_OBJECT_CLASS (helder_calendar_view_parent_class)->dispose (object);
}

static void
helder_calendar_view_finalize (GObject *object)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (object);

  g_free (self->mode);
  g_free (self->selected_id);
  g_free (self->undo_id);

  G_OBJECT_CLASS (helder_calendar_view_parent_class)->finalize (object);
}

static void
helder_calendar_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_calendar_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  HelderCalendarView *self = HELDER_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_calendar_view_set_service (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      helder_calendar_view_set_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/nl/hltsamen/Helder/calendar.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
helder_calendar_view_class_init (HelderCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int days; } moves[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_Up, -7 }, { GDK_KEY_Down, 7 },
  };

  object_class->dispose = helder_calendar_view_dispose;
  object_class->finalize = helder_calendar_view_finalize;
  object_class->get_property = helder_calendar_view_get_property;
  object_class->set_property = helder_calendar_view_set_property;
  widget_class->map = helder_calendar_view_map;
  widget_class->unmap = helder_calendar_view_unmap;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HELDER_TYPE_CALENDAR_MONTH);
  g_type_ensure (HELDER_TYPE_CALENDAR_AGENDA);
  g_type_ensure (HELDER_TYPE_MESSAGE_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, flap);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, period_label);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, month_view);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, HelderCalendarView, pane);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.move", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "calendar.new-message", NULL, new_message_activated);
  gtk_widget_class_install_action (widget_class, "calendar.filter", NULL, filter_activated);
  gtk_widget_class_install_action (widget_class, "calendar.undo-move", NULL, undo_move_activated);
  gtk_widget_class_install_property_action (widget_class, "calendar.mode", "mode");

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK, "calendar.move", "i",
                                         moves[i].days);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "calendar.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "calendar.undo-move", NULL);
}

static void
helder_calendar_view_init (HelderCalendarView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->mode = g_strdup ("month");
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  g_date_clear (&self->today, 1);
  g_date_clear (&self->anchor, 1);
  g_date_clear (&self->selected_day, 1);
  update_today (self);
  self->anchor = self->today;

  self->week_view = helder_calendar_week_new (FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->week_view), TRUE);
  gtk_scrolled_window_set_child (self->week_scroller, GTK_WIDGET (self->week_view));
  for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
    connect_week (self, helder_calendar_month_get_week (self->month_view, w));
  connect_week (self, self->week_view);
  g_signal_connect_object (self->month_view, "lanes-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_view, "message-selected", G_CALLBACK (on_message_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_view, "message-activated", G_CALLBACK (open_text), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pane, "open-text", G_CALLBACK (open_text), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pane, "closed", G_CALLBACK (on_pane_closed), self, G_CONNECT_SWAPPED);

  self->filter = helder_calendar_filter_new ();
  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (self->filter));
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.move", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.new-message", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-move", FALSE);
}
