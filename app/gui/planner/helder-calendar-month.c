/* helder-calendar-month.c: a month of the calendar, Monday first, with week numbers
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-month"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-calendar-month.h"
#include "plan/helder-plan-messages.h"

/* Like GNOME Calendar's month view: the weekdays on top, then the four
 * to six weeks the month touches, each a compact HelderCalendarWeek with
 * its ISO week number beside it.  The weeks are made once and shown
 * again for each month; the view hides the ones a month does not need. */

struct _HelderCalendarMonth
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *rows[HELDER_CALENDAR_MONTH_WEEKS];
  GtkWidget          *numbers[HELDER_CALENDAR_MONTH_WEEKS];
  HelderCalendarWeek *weeks[HELDER_CALENDAR_MONTH_WEEKS];
  GtkWidget          *header;
  guint               n_weeks;
  guint               lanes;      /* per week, from the height it has */
  guint               lanes_idle;
};

G_DEFINE_FINAL_TYPE (HelderCalendarMonth, helder_calendar_month, GTK_TYPE_WIDGET)

enum {
  LANES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A compact lane is about this high, a week's day numbers and its "+N"
 * row each about one lane */
#define LANE_HEIGHT 20

static const char *weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
};

void
helder_calendar_month_show (HelderCalendarMonth         *self,
                            guint                        year,
                            guint                        month,
                            const HelderCalendarContent *content)
{
  g_autoptr(HelderMonthLayout) layout = NULL;
  HelderCalendarContent shown;

  g_return_if_fail (HELDER_IS_CALENDAR_MONTH (self));

  /* @content holds what meets the grid (helder_calendar_month_get_range) */
  layout = helder_month_layout_new (year, month, NULL);
  self->n_weeks = layout->n_weeks;
  shown = *content;
  shown.month = month;
  for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
    {
      gboolean visible = w < layout->n_weeks;

      gtk_widget_set_visible (self->rows[w], visible);
      if (visible)
        {
          GDate monday = layout->first;
          char number[16];

          g_date_add_days (&monday, w * 7);
          g_snprintf (number, sizeof number, "%u", layout->week_numbers[w]);
          if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->numbers[w])), number) != 0)
            {
              /* Translators: the accessible name of a week number */
              g_autofree char *name = g_strdup_printf (_("Week %u"), layout->week_numbers[w]);

              gtk_label_set_text (GTK_LABEL (self->numbers[w]), number);
              gtk_accessible_update_property (GTK_ACCESSIBLE (self->numbers[w]),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
            }
          helder_calendar_week_show (self->weeks[w], &monday, &shown);
        }
    }
}

/**
 * helder_calendar_month_get_range:
 * @first: (out): the Monday of the grid's first week
 * @last: (out): the Sunday of its last
 *
 * The days the grid of @month shows.
 */
void
helder_calendar_month_get_range (guint  year,
                                 guint  month,
                                 GDate *first,
                                 GDate *last)
{
  g_autoptr(HelderMonthLayout) layout = helder_month_layout_new (year, month, NULL);

  *first = layout->first;
  *last = layout->first;
  g_date_add_days (last, layout->n_weeks * 7 - 1);
}

HelderCalendarWeek *
helder_calendar_month_get_week (HelderCalendarMonth *self,
                                guint                index)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_MONTH (self), NULL);
  g_return_val_if_fail (index < HELDER_CALENDAR_MONTH_WEEKS, NULL);

  return self->weeks[index];
}

GtkWidget *
helder_calendar_month_find_chip (HelderCalendarMonth *self,
                                 const char          *message_id)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_MONTH (self), NULL);

  for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
    {
      GtkWidget *chip;

      if (gtk_widget_get_visible (self->rows[w]) &&
          (chip = helder_calendar_week_find_chip (self->weeks[w], message_id)) != NULL)
        return chip;
    }
  return NULL;
}

guint
helder_calendar_month_count_chips (HelderCalendarMonth *self)
{
  guint n = 0;

  for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
    if (gtk_widget_get_visible (self->rows[w]))
      n += helder_calendar_week_count_chips (self->weeks[w]);
  return n;
}

static void
helder_calendar_month_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  gtk_widget_measure (HELDER_CALENDAR_MONTH (widget)->box, orientation, for_size, minimum, natural, NULL, NULL);
}

static gboolean
lanes_changed_idle (gpointer data)
{
  HelderCalendarMonth *self = data;

  self->lanes_idle = 0;
  g_signal_emit (self, signals[LANES_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* The weeks get as many lanes as their height holds: a tall window shows
 * more messages per day, a short one "+N" sooner.  A change is shown
 * after this allocation (never during it). */
static void
helder_calendar_month_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  HelderCalendarMonth *self = HELDER_CALENDAR_MONTH (widget);
  int header = 0, row;
  guint lanes;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &header, NULL, NULL, NULL);
  row = (height - header) / (int) MAX (self->n_weeks, 4);
  lanes = MAX (2, row / LANE_HEIGHT - 2);
  if (lanes != self->lanes)
    {
      self->lanes = lanes;
      for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
        helder_calendar_week_set_lanes (self->weeks[w], lanes);
      if (self->lanes_idle == 0)
        self->lanes_idle = g_idle_add (lanes_changed_idle, self);
    }
}

static void
helder_calendar_month_dispose (GObject *object)
{
  HelderCalendarMonth *self = HELDER_CALENDAR_MONTH (object);

  g_clear_handle_id (&self->lanes_idle, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (helder_calendar_month_parent_class)->dispose (object);
}

static void
helder_calendar_month_class_init (HelderCalendarMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_calendar_month_dispose;
  widget_class->measure = helder_calendar_month_measure;
  widget_class->size_allocate = helder_calendar_month_size_allocate;

  /* The weeks have room for another number of lanes: show the month again */
  signals[LANES_CHANGED] =
    g_signal_new ("lanes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "calendar-month");
}

static void
helder_calendar_month_init (HelderCalendarMonth *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_label_new (NULL);
  GtkWidget *names = gtk_grid_new ();

  self->n_weeks = 5;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (spacer, "calendar-week-number");
  gtk_box_append (GTK_BOX (header), spacer);
  gtk_grid_set_column_homogeneous (GTK_GRID (names), TRUE);
  gtk_widget_set_hexpand (names, TRUE);
  for (guint d = 0; d < 7; d++)
    {
      GtkWidget *label = gtk_label_new (_(weekday_names[d]));

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "calendar-weekday");
      gtk_grid_attach (GTK_GRID (names), label, d, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (header), names);
  gtk_box_append (GTK_BOX (self->box), header);
  self->header = header;

  for (guint w = 0; w < HELDER_CALENDAR_MONTH_WEEKS; w++)
    {
      self->rows[w] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_vexpand (self->rows[w], TRUE);
      self->numbers[w] = gtk_label_new (NULL);
      gtk_widget_set_valign (self->numbers[w], GTK_ALIGN_START);
      gtk_widget_add_css_class (self->numbers[w], "calendar-week-number");
      gtk_box_append (GTK_BOX (self->rows[w]), self->numbers[w]);
      self->weeks[w] = helder_calendar_week_new (TRUE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->weeks[w]), TRUE);
      gtk_widget_set_vexpand (GTK_WIDGET (self->weeks[w]), TRUE);
      gtk_box_append (GTK_BOX (self->rows[w]), GTK_WIDGET (self->weeks[w]));
      gtk_box_append (GTK_BOX (self->box), self->rows[w]);
    }
}

HelderCalendarMonth *
helder_calendar_month_new (void)
{
  return g_object_new (HELDER_TYPE_CALENDAR_MONTH, NULL);
}
