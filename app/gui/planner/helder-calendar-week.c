/* helder-calendar-week.c: one week of the calendar: days, works as bands, meetings and messages in lanes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-week"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helder-calendar-chip.h"
#include "helder-calendar-week.h"
#include "plan/helder-plan-messages.h"
#include "helder-tooltip.h"

/* A week is a grid of seven homogeneous columns, modelled on a row of
 * GNOME Calendar's month view: each day a background cell spanning all
 * rows, its number on top, then works as bands over the days they run,
 * then council meetings and messages, each in the first lane free on
 * all its days (core/plan: helder_week_lanes).  A compact week (the month
 * view) shows a few lanes and "+N" for the rest of a day; the week view
 * shows them all.  Messages are buttons: focusable, with their title,
 * status and dates as accessible label, dragged to another day to move
 * them.  The grid is rebuilt when what it shows changes: a few dozen
 * widgets, never the thousands a month's store may hold. */

#define COMPACT_LANES       5   /* a compact week's lanes, until its month says how many fit */
#define COMPACT_WORKS_LANES 2
/* The week view makes the chips of this many message lanes at once (a
 * tall window's worth), the rest when the first frame is drawn */
#define FIRST_LANES         16  /* (the chips it has already are moved at once) */

struct _HelderCalendarWeek
{
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  GtkWidget  *days[7];      /* made once, behind the rest, over all rows */
  GtkWidget  *headers[7];
  GtkWidget  *more[7];      /* "+N", shown when a day has more than fits */
  GtkWidget  *filler;
  guint32     header_days[7];
  GHashTable *chips;        /* message id → chip (borrowed: the grid owns it) */
  GHashTable *widgets;      /* "m:", "w:" or "c:" and an id → what shows it now (borrowed) */
  gboolean    updating;     /* showing: focus that moves is not the user's */
  /* The week view's lanes below the first: placed after the first frame */
  GArray     *pending;      /* HelderWeekItem */
  GPtrArray  *pending_records;
  GHashTable *pending_old;  /* widgets kept (hidden) for them to take */
  char       *pending_selected;
  guint       pending_row;
  guint       pending_id;
  GdkFrameClock *pending_clock;  /* waited on for the frame that shows the first lanes */
  gulong      pending_paint_handler;
  GDate       monday;
  gboolean    compact;
  int         hover_day;
  char       *signature;    /* what the grid shows now */
  GHashTable *message_lanes; /* the week view: message id → its lane, kept while the week shows */
  GPtrArray  *spares;       /* keys of the chips whose messages left the week: to show others */
  guint       lanes;        /* compact: how many lanes fit */
};

G_DEFINE_FINAL_TYPE (HelderCalendarWeek, helder_calendar_week, GTK_TYPE_WIDGET)

enum {
  MESSAGE_SELECTED,
  MESSAGE_DROPPED,
  DAY_SELECTED,
  DAY_ACTIVATED,
  MORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *weekday_abbreviations[] = {
  N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};
static const char *month_abbreviations[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

static char *
iso_of_day (HelderCalendarWeek *self,
            int                 day)
{
  GDate date = self->monday;

  if (day > 0)
    g_date_add_days (&date, day);
  else if (day < 0)
    g_date_subtract_days (&date, -day);
  return helder_date_to_iso (&date);
}

static void
on_chip_clicked (HelderCalendarWeek *self,
                 GtkWidget          *chip)
{
  g_signal_emit (self, signals[MESSAGE_SELECTED], 0, g_object_get_data (G_OBJECT (chip), "record"));
}

static void
on_chip_focus (GtkEventControllerFocus *controller,
               HelderCalendarWeek      *self)
{
  /* A chip that goes while it has the focus passes it on: that selects nothing */
  if (self->updating)
    return;
  on_chip_clicked (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* The drag carries the message and the day of its window it was taken
 * by, so the day it lands on keeps under the pointer. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource      *source,
                 double              x,
                 double              y,
                 HelderCalendarWeek *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  HelderRecord *message = g_object_get_data (G_OBJECT (chip), "record");
  int first_day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chip), "first-day"));
  int n_days = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chip), "n-days"));
  int width = MAX (gtk_widget_get_width (chip), 1);
  int grabbed = first_day + CLAMP ((int) (x * n_days / width), 0, n_days - 1);
  GDate start, end;
  g_autofree char *payload = NULL;

  if (!helder_message_get_window (message, &start, &end))
    return NULL;
  payload = g_strdup_printf ("%s\t%d", helder_record_get_id (message),
                             grabbed - g_date_days_between (&self->monday, &start));
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource      *source,
               GdkDrag            *drag,
               HelderCalendarWeek *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chip);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
set_hover_day (HelderCalendarWeek *self,
               int                 day)
{
  if (self->hover_day == day)
    return;
  if (self->hover_day >= 0 && self->days[self->hover_day] != NULL)
    gtk_widget_remove_css_class (self->days[self->hover_day], "drop-target");
  self->hover_day = day;
  if (day >= 0 && self->days[day] != NULL)
    gtk_widget_add_css_class (self->days[day], "drop-target");
}

static int
day_at (HelderCalendarWeek *self,
        double              x)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  return CLAMP ((int) (x * 7 / width), 0, 6);
}

static GdkDragAction
on_drop_motion (GtkDropTarget      *target,
                double              x,
                double              y,
                HelderCalendarWeek *self)
{
  set_hover_day (self, day_at (self, x));
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget      *target,
               HelderCalendarWeek *self)
{
  set_hover_day (self, -1);
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         HelderCalendarWeek *self)
{
  const char *payload = g_value_get_string (value);
  g_auto(GStrv) parts = payload != NULL ? g_strsplit (payload, "\t", 2) : NULL;
  g_autofree char *start = NULL;

  set_hover_day (self, -1);
  if (parts == NULL || parts[0] == NULL || parts[1] == NULL)
    return FALSE;
  start = iso_of_day (self, day_at (self, x) - atoi (parts[1]));
  g_signal_emit (self, signals[MESSAGE_DROPPED], 0, parts[0], start);
  return TRUE;
}

static void
on_click (GtkGestureClick    *gesture,
          int                 n_press,
          double              x,
          double              y,
          HelderCalendarWeek *self)
{
  GtkWidget *hit = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  g_autofree char *day = NULL;

  /* A press on a message (or "+N") is the button's: a day selected too
   * would drop the message's selection and rebuild the week under the
   * pointer, and the focus left by the chip would select another */
  if (hit != NULL && (GTK_IS_BUTTON (hit) || gtk_widget_get_ancestor (hit, GTK_TYPE_BUTTON) != NULL))
    return;
  day = iso_of_day (self, day_at (self, x));
  g_signal_emit (self, signals[n_press >= 2 ? DAY_ACTIVATED : DAY_SELECTED], 0, day);
}

static void
on_more_clicked (GtkButton          *button,
                 HelderCalendarWeek *self)
{
  g_signal_emit (self, signals[MORE], 0, g_object_get_data (G_OBJECT (button), "day"));
}

static GtkWidget *
message_chip (HelderCalendarWeek          *self,
              const HelderWeekItem        *item,
              const HelderCalendarContent *content)
{
  GtkWidget *chip = helder_calendar_message_chip_new (item, self->compact);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_chip_focus), self, 0);
  gtk_widget_add_controller (chip, focus);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (source));
  return chip;
}

static GtkGridLayoutChild *
cell_of (HelderCalendarWeek *self,
         GtkWidget          *child)
{
  return GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (self->grid),
                                                                     child));
}

/* Puts @child at @column, @row over @columns days (where it is, or attached) */
static void
place (HelderCalendarWeek *self,
       GtkWidget          *child,
       int                 column,
       int                 row,
       int                 columns,
       int                 rows)
{
  GtkGridLayoutChild *cell;

  if (gtk_widget_get_parent (child) != self->grid)
    {
      gtk_grid_attach (GTK_GRID (self->grid), child, column, row, columns, rows);
      return;
    }
  cell = cell_of (self, child);
  if (gtk_grid_layout_child_get_column (cell) != column)
    gtk_grid_layout_child_set_column (cell, column);
  if (gtk_grid_layout_child_get_row (cell) != row)
    gtk_grid_layout_child_set_row (cell, row);
  if (gtk_grid_layout_child_get_column_span (cell) != columns)
    gtk_grid_layout_child_set_column_span (cell, columns);
  if (gtk_grid_layout_child_get_row_span (cell) != rows)
    gtk_grid_layout_child_set_row_span (cell, rows);
}

/* A chip of @old whose message this week no longer shows, for another */
static GtkWidget *
take_spare (HelderCalendarWeek *self,
            GHashTable         *old)
{
  while (self->spares->len > 0)
    {
      g_autofree char *key = g_ptr_array_steal_index (self->spares, self->spares->len - 1);
      gpointer stored, widget;

      if (!g_hash_table_lookup_extended (old, key, &stored, &widget) || gtk_widget_has_focus (widget) ||
          gtk_widget_is_focus (widget))
        continue;
      g_hash_table_steal (old, key);
      g_free (stored);
      return widget;
    }
  return NULL;
}

typedef GtkWidget *(*MakeFunc) (HelderCalendarWeek *, const HelderWeekItem *, const HelderCalendarContent *);

/* Places @items from @row on, at most @max_lanes lanes (0: all); the
 * rest counts towards each of its days' overflow.  Widgets of @old that
 * show the same are taken from it and moved; the rest are made.  Returns
 * the lanes used. */
static guint
place_items (HelderCalendarWeek          *self,
             GArray                      *items,
             guint                        n_lanes,
             guint                        row,
             guint                        max_lanes,
             guint                        overflow[7],
             const HelderCalendarContent *content,
             char                         kind,
             GHashTable                  *old,
             GArray                      *deferred,
             MakeFunc                     make)
{
  guint shown = max_lanes > 0 ? MIN (n_lanes, max_lanes) : n_lanes;

  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);
      g_autofree char *key = NULL;
      g_autofree char *look = NULL;
      gboolean stale;
      GtkWidget *widget;

      if (item->lane >= shown)
        {
          for (guint d = item->first_day; d <= item->last_day; d++)
            overflow[d]++;
          continue;
        }
      key = g_strdup_printf ("%c:%s", kind, helder_record_get_id (item->record));
      /* (the same record twice: shown once) */
      if (g_hash_table_contains (self->widgets, key))
        continue;
      look = helder_calendar_item_look (item, self->compact);
      widget = g_hash_table_lookup (old, key);
      stale = widget != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "look"), look) != 0;
      /* A chip to make in a lane below the first comes after the frame
       * (one kept is only moved; the selected message at once: it may
       * need the focus) */
      if ((widget == NULL || stale) && deferred != NULL && item->lane >= FIRST_LANES &&
          g_strcmp0 (content->selected_id, helder_record_get_id (item->record)) != 0)
        {
          HelderWeekItem later = *item;

          later.lane += row;
          g_array_append_val (deferred, later);
          continue;
        }
      if (widget != NULL && stale && kind != 'm')
        widget = NULL;
      /* A message chip another message left: shown again for this one */
      if (widget == NULL && kind == 'm')
        widget = take_spare (self, old);
      if (widget != NULL)
        {
          g_hash_table_steal (old, key);
          gtk_widget_set_visible (widget, TRUE);
          /* (only a message chip is kept when it shows another look) */
          if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "look"), look) != 0)
            {
              helder_calendar_message_chip_show (widget, item, self->compact);
              g_object_set_data_full (G_OBJECT (widget), "look", g_steal_pointer (&look), g_free);
            }
        }
      else
        {
          widget = make (self, item, content);
          g_object_set_data_full (G_OBJECT (widget), "look", g_steal_pointer (&look), g_free);
        }
      gtk_widget_set_margin_start (widget, item->starts_before ? 0 : 2);
      gtk_widget_set_margin_end (widget, item->ends_after ? 0 : 2);
      if (kind == 'm')
        {
          /* The newest copy of the message, for a drag and the pane */
          g_object_set_data_full (G_OBJECT (widget), "record", g_object_ref (item->record), g_object_unref);
          g_object_set_data (G_OBJECT (widget), "first-day", GINT_TO_POINTER (item->first_day));
          g_object_set_data (G_OBJECT (widget), "n-days", GINT_TO_POINTER (item->last_day - item->first_day + 1));
          if (g_strcmp0 (content->selected_id, helder_record_get_id (item->record)) == 0)
            gtk_widget_add_css_class (widget, "selected");
          else
            gtk_widget_remove_css_class (widget, "selected");
          g_hash_table_insert (self->chips, (gpointer) helder_record_get_id (item->record), widget);
        }
      place (self, widget, item->first_day, row + item->lane, item->last_day - item->first_day + 1, 1);
      g_hash_table_insert (self->widgets, g_steal_pointer (&key), widget);
    }
  return shown;
}

static GtkWidget *
make_works (HelderCalendarWeek *self, const HelderWeekItem *item, const HelderCalendarContent *content)
{
  return helder_calendar_works_band (item);
}

static GtkWidget *
make_meeting (HelderCalendarWeek *self, const HelderWeekItem *item, const HelderCalendarContent *content)
{
  return helder_calendar_meeting_chip (item, self->compact);
}

/* The day's number (and in the week view its weekday and month) */
static void
update_header (HelderCalendarWeek *self,
               guint               d,
               const GDate        *date)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (self->header_days[d] == g_date_get_julian (date))
    return;
  self->header_days[d] = g_date_get_julian (date);
  if (self->compact)
    text = g_strdup_printf ("%u", g_date_get_day (date));
  else
    text = g_strdup_printf ("%s %u %s", _(weekday_abbreviations[g_date_get_weekday (date) - 1]),
                            g_date_get_day (date), _(month_abbreviations[g_date_get_month (date) - 1]));
  gtk_label_set_text (GTK_LABEL (self->headers[d]), text);
  name = helder_format_day (date, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->headers[d]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_more (HelderCalendarWeek *self,
             guint               d,
             const GDate        *date,
             guint               n)
{
  GtkWidget *more = self->more[d];
  g_autofree char *label = NULL;
  g_autofree char *day_name = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (more, n > 0);
  if (n == 0)
    return;
  /* Translators: more messages on a day than the month shows */
  label = g_strdup_printf (_("+%u more"), n);
  day_name = helder_format_day (date, TRUE);
  /* Translators: the accessible name of "+2": how many more, and on which day */
  name = g_strdup_printf (ngettext ("%u more on %s: show the week", "%u more on %s: show the week", n), n,
                          day_name);
  gtk_button_set_label (GTK_BUTTON (more), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  helder_widget_set_tooltip (more, name);
  g_object_set_data_full (G_OBJECT (more), "day", helder_date_to_iso (date), g_free);
}

/* The days' cells, numbers and "+N": made once, shown again for each week */
static void
make_days (HelderCalendarWeek *self)
{
  for (guint d = 0; d < 7; d++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = gtk_label_new (NULL);
      GtkWidget *more = gtk_button_new_with_label ("");

      gtk_widget_add_css_class (cell, "calendar-day");
      if (d >= 5)
        gtk_widget_add_css_class (cell, "weekend");
      /* Behind the rest: attached first, over all rows */
      gtk_grid_attach (GTK_GRID (self->grid), cell, d, 0, 1, 2);
      self->days[d] = cell;
      gtk_widget_add_css_class (header, "calendar-day-number");
      gtk_label_set_xalign (GTK_LABEL (header), self->compact ? 1 : 0);
      gtk_grid_attach (GTK_GRID (self->grid), header, d, 0, 1, 1);
      self->headers[d] = header;
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_add_css_class (more, "calendar-more");
      gtk_widget_set_halign (more, GTK_ALIGN_START);
      gtk_widget_set_valign (more, GTK_ALIGN_END);
      gtk_widget_set_visible (more, FALSE);
      g_signal_connect_object (more, "clicked", G_CALLBACK (on_more_clicked), self, 0);
      gtk_grid_attach (GTK_GRID (self->grid), more, d, 1, 1, 1);
      self->more[d] = more;
    }
  self->filler = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (self->filler, TRUE);
  gtk_widget_set_size_request (self->filler, -1, 4);
  gtk_widget_set_can_target (self->filler, FALSE);
  gtk_grid_attach (GTK_GRID (self->grid), self->filler, 0, 1, 7, 1);
}

static void
sign_items (GString    *signature,
            GArray     *items,
            const char *fields[3])
{
  for (guint i = 0; i < items->len; i++)
    {
      HelderWeekItem *item = &g_array_index (items, HelderWeekItem, i);

      g_string_append_printf (signature, "|%s %u %u %u %d%d %s", helder_record_get_id (item->record),
                              item->first_day, item->last_day, item->lane, item->starts_before, item->ends_after,
                              helder_record_get_title (item->record));
      for (guint f = 0; f < 3; f++)
        if (fields[f] != NULL)
          g_string_append_printf (signature, " %s", helder_record_get_text (item->record, fields[f]) ?: "");
    }
}

/* 0 to 6 for a day of the week from @first, or -1 */
static int
day_in_week (const GDate *date,
             guint        first)
{
  int day = g_date_valid (date) ? (int) g_date_get_julian (date) - (int) first : -1;

  return day >= 0 && day < 7 ? day : -1;
}

static char *
week_signature (guint                        lanes,
                const GDate                 *monday,
                const HelderCalendarContent *content,
                GArray                      *works,
                GArray                      *meetings,
                GArray                      *messages)
{
  GString *signature = g_string_new (NULL);
  guint first = g_date_get_julian (monday);
  gboolean selected_here = FALSE;

  for (guint i = 0; content->selected_id != NULL && i < messages->len; i++)
    if (g_strcmp0 (helder_record_get_id (g_array_index (messages, HelderWeekItem, i).record),
                   content->selected_id) == 0)
      selected_here = TRUE;
  /* Only what this week shows: today, the selected day and message if they are in it */
  g_string_append_printf (signature, "%u %u %u %d %d %s", first, content->month, lanes,
                          day_in_week (&content->today, first), day_in_week (&content->selected_day, first),
                          selected_here ? content->selected_id : "");
  sign_items (signature, works, (const char *[3]) { "start_date", "end_date", "location" });
  sign_items (signature, meetings, (const char *[3]) { "starts_at", "gremium", "place" });
  sign_items (signature, messages, (const char *[3]) { "status", "window_start", "window_end" });
  return g_string_free (signature, FALSE);
}

/* Drops what was still to come; its kept widgets go to @old (or away) */
static void
clear_pending (HelderCalendarWeek *self,
               GHashTable         *old)
{
  GHashTableIter iter;
  gpointer key, widget;

  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->pending_clock != NULL)
    g_clear_signal_handler (&self->pending_paint_handler, self->pending_clock);
  g_clear_object (&self->pending_clock);
  g_clear_pointer (&self->pending, g_array_unref);
  g_ptr_array_set_size (self->pending_records, 0);
  g_clear_pointer (&self->pending_selected, g_free);
  g_hash_table_iter_init (&iter, self->pending_old);
  while (g_hash_table_iter_next (&iter, &key, &widget))
    {
      g_hash_table_iter_steal (&iter);
      if (old != NULL)
        g_hash_table_insert (old, key, widget);
      else
        {
          g_free (key);
          if (self->grid != NULL)
            gtk_grid_remove (GTK_GRID (self->grid), widget);
        }
    }
}

/* The week view's lanes below the first, after its first frame */
static gboolean
place_pending (gpointer data)
{
  HelderCalendarWeek *self = data;
  HelderCalendarContent content = { 0, };
  g_autoptr(GArray) items = g_steal_pointer (&self->pending);
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint overflow[7] = { 0 };

  self->pending_id = 0;
  self->updating = TRUE;
  content.selected_id = self->pending_selected;
  place_items (self, items, G_MAXUINT, 0, 0, overflow, &content, 'm', self->pending_old, NULL, message_chip);
  self->pending = NULL;
  clear_pending (self, old);
  {
    GHashTableIter iter;
    gpointer widget;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, NULL, &widget))
      gtk_grid_remove (GTK_GRID (self->grid), widget);
  }
  self->updating = FALSE;
  return G_SOURCE_REMOVE;
}

static void
first_lanes_painted (HelderCalendarWeek *self)
{
  g_clear_signal_handler (&self->pending_paint_handler, self->pending_clock);
  g_clear_object (&self->pending_clock);
  self->pending_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_pending, self, NULL);
}

/* Whether lanes are still to come (for tests and the benchmark) */
gboolean
helder_calendar_week_is_complete (HelderCalendarWeek *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_WEEK (self), TRUE);

  return self->pending_id == 0 && self->pending_paint_handler == 0;
}

/**
 * helder_calendar_week_show:
 * @monday: the week's first day
 *
 * Shows what @content holds for the week.
 */
void
helder_calendar_week_show (HelderCalendarWeek          *self,
                           const GDate                 *monday,
                           const HelderCalendarContent *content)
{
  g_autoptr(GArray) works = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GArray) messages = NULL;
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GArray) deferred = NULL;
  guint n_works, n_meetings, n_messages, row = 1, n_rows;
  guint overflow[7] = { 0 };

  g_return_if_fail (HELDER_IS_CALENDAR_WEEK (self));

  works = helder_week_lanes_of_spans (monday, content->works, &n_works);
  meetings = helder_week_lanes_of_spans (monday, content->meetings, &n_meetings);
  /* The week view keeps each message's lane: a move moves one chip, not the week */
  if (!g_date_valid (&self->monday) || g_date_compare (&self->monday, monday) != 0)
    g_hash_table_remove_all (self->message_lanes);
  if (self->compact)
    messages = helder_week_lanes_of_spans (monday, content->messages, &n_messages);
  else
    messages = helder_week_lanes_keeping (monday, content->messages, self->message_lanes, &n_messages);
  {
    /* A week that would show the same keeps its widgets: a move
     * rebuilds the weeks it touches, not the month */
    g_autofree char *signature = week_signature (self->lanes, monday, content, works, meetings, messages);

    if (g_strcmp0 (signature, self->signature) == 0)
      return;
    g_free (self->signature);
    self->signature = g_steal_pointer (&signature);
  }
  self->monday = *monday;
  self->updating = TRUE;
  set_hover_day (self, -1);
  g_hash_table_remove_all (self->chips);
  old = g_steal_pointer (&self->widgets);
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Lanes still to come take their part again: their kept widgets with the rest */
  clear_pending (self, old);
  /* The chips of messages the week no longer shows show others */
  {
    g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer key;

    for (guint i = 0; i < messages->len; i++)
      g_hash_table_add (shown, (gpointer) helder_record_get_id (g_array_index (messages, HelderWeekItem, i).record));
    g_ptr_array_set_size (self->spares, 0);
    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (g_str_has_prefix (key, "m:") && !g_hash_table_contains (shown, (const char *) key + 2))
        g_ptr_array_add (self->spares, g_strdup (key));
  }
  deferred = g_array_new (FALSE, FALSE, sizeof (HelderWeekItem));

  {
    /* Compact: works and meetings first, the messages in the lanes left (one at least) */
    guint shown_works = place_items (self, works, n_works, row, self->compact ? COMPACT_WORKS_LANES : 0, overflow,
                                     content, 'w', old, NULL, make_works);
    guint shown_meetings;

    row += shown_works;
    shown_meetings = place_items (self, meetings, n_meetings, row, self->compact ? 1 : 0, overflow, content,
                                  'c', old, NULL, make_meeting);
    row += shown_meetings;
    row += place_items (self, messages, n_messages, row,
                        self->compact ? MAX (1, (int) self->lanes - (int) (shown_works + shown_meetings)) : 0,
                        overflow, content, 'm', old, self->compact ? NULL : deferred, message_chip);
  }
  n_rows = row + 1;
  /* What is no longer shown; messages the lanes to come may show are kept, hidden */
  {
    GHashTableIter iter;
    gpointer key, widget;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, &key, &widget))
      if (deferred->len > 0 && g_str_has_prefix (key, "m:"))
        {
          gtk_widget_set_visible (widget, FALSE);
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (self->pending_old, key, widget);
        }
      else
        {
          g_hash_table_iter_remove (&iter);
          gtk_grid_remove (GTK_GRID (self->grid), widget);
        }
  }
  if (deferred->len > 0)
    {
      self->pending = g_steal_pointer (&deferred);
      for (guint i = 0; i < self->pending->len; i++)
        g_ptr_array_add (self->pending_records, g_object_ref (g_array_index (self->pending, HelderWeekItem, i).record));
      self->pending_selected = g_strdup (content->selected_id);
      /* After the frame that shows the first lanes: an idle alone may
       * run while the frame clock waits for its next frame, and delay it */
      self->pending_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      if (self->pending_clock != NULL)
        {
          g_object_ref (self->pending_clock);
          self->pending_paint_handler = g_signal_connect_swapped (self->pending_clock, "after-paint",
                                                                  G_CALLBACK (first_lanes_painted), self);
        }
      else
        self->pending_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_pending, self, NULL);
    }

  for (guint d = 0; d < 7; d++)
    {
      GDate date = *monday;
      gboolean today;

      g_date_add_days (&date, d);
      today = g_date_compare (&date, &content->today) == 0;
      helder_calendar_set_class (self->days[d], "today", today);
      helder_calendar_set_class (self->days[d], "selected-day",
                 g_date_valid (&content->selected_day) && g_date_compare (&date, &content->selected_day) == 0);
      helder_calendar_set_class (self->days[d], "other-month", content->month != 0 && g_date_get_month (&date) != content->month);
      place (self, self->days[d], d, 0, 1, n_rows);
      update_header (self, d, &date);
      helder_calendar_set_class (self->headers[d], "today", today);
      update_more (self, d, &date, overflow[d]);
      place (self, self->more[d], d, n_rows - 1, 1, 1);
    }
  /* The last row takes what height is left, over the "+N" buttons */
  place (self, self->filler, 0, n_rows - 1, 7, 1);
  self->updating = FALSE;
}

GtkWidget *
helder_calendar_week_find_chip (HelderCalendarWeek *self,
                                const char         *message_id)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_WEEK (self), NULL);

  return message_id ? g_hash_table_lookup (self->chips, message_id) : NULL;
}

/* How many lanes a compact week has room for; shown again when it changes */
void
helder_calendar_week_set_lanes (HelderCalendarWeek *self,
                                guint               lanes)
{
  g_return_if_fail (HELDER_IS_CALENDAR_WEEK (self));

  self->lanes = MAX (lanes, 2);
}

guint
helder_calendar_week_count_chips (HelderCalendarWeek *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_WEEK (self), 0);

  return g_hash_table_size (self->chips);
}

void
helder_calendar_week_get_monday (HelderCalendarWeek *self,
                                 GDate              *monday)
{
  *monday = self->monday;
}

static void
helder_calendar_week_dispose (GObject *object)
{
  HelderCalendarWeek *self = HELDER_CALENDAR_WEEK (object);

  if (self->chips != NULL)
    g_hash_table_remove_all (self->chips);
  if (self->widgets != NULL)
    g_hash_table_remove_all (self->widgets);
  if (self->pending_old != NULL)
    clear_pending (self, NULL);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (helder_calendar_week_parent_class)->dispose (object);
}

static void
helder_calendar_week_finalize (GObject *object)
{
  HelderCalendarWeek *self = HELDER_CALENDAR_WEEK (object);

  g_clear_pointer (&self->chips, g_hash_table_unref);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->pending_old, g_hash_table_unref);
  g_clear_pointer (&self->pending_records, g_ptr_array_unref);
  g_clear_pointer (&self->message_lanes, g_hash_table_unref);
  g_clear_pointer (&self->spares, g_ptr_array_unref);
  g_free (self->signature);

  G_OBJECT_CLASS (helder_calendar_week_parent_class)->finalize (object);
}

/* The day lines as plain rectangles under the days: a CSS border on
 * each cell costs the software renderer a path fill per cell, most of a
 * month's frame. */
static void
helder_calendar_week_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  HelderCalendarWeek *self = HELDER_CALENDAR_WEEK (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.15;
  /* Under the chips, which lie across the lines of the days they span */
  for (guint d = 0; d < 7; d++)
    gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (floorf (d * width / 7.0f), 0, 1, height));
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));
  gtk_widget_snapshot_child (widget, self->grid, snapshot);
}

static void
helder_calendar_week_class_init (HelderCalendarWeekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_calendar_week_dispose;
  object_class->finalize = helder_calendar_week_finalize;

  widget_class->snapshot = helder_calendar_week_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calendar-week");

  signals[MESSAGE_SELECTED] =
    g_signal_new ("message-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HELDER_TYPE_RECORD);
  /* @id, @new_start: the message dropped, and the first day it now has */
  signals[MESSAGE_DROPPED] =
    g_signal_new ("message-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[DAY_SELECTED] =
    g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[MORE] =
    g_signal_new ("more", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
helder_calendar_week_init (HelderCalendarWeek *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  GtkGesture *click = gtk_gesture_click_new ();

  self->chips = g_hash_table_new (g_str_hash, g_str_equal);
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_records = g_ptr_array_new_with_free_func (g_object_unref);
  self->message_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spares = g_ptr_array_new_with_free_func (g_free);
  self->hover_day = -1;
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  g_date_clear (&self->monday, 1);

  g_signal_connect_object (target, "motion", G_CALLBACK (on_drop_motion), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_motion), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

HelderCalendarWeek *
helder_calendar_week_new (gboolean compact)
{
  HelderCalendarWeek *self = g_object_new (HELDER_TYPE_CALENDAR_WEEK, NULL);

  self->compact = compact;
  self->lanes = COMPACT_LANES;
  make_days (self);
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  return self;
}
