/* helder-calendar-agenda.c: the calendar as a list: messages and council meetings day by day
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-calendar-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-calendar-agenda.h"
#include "plan/helder-plan-messages.h"

/* The agenda lists what starts in the coming weeks, by day: a GtkListView
 * over a GListStore, so only the rows on screen are widgets.  A row
 * carries its day's heading when it is the first of that day (GTK 4.8
 * has no list sections).  Selecting a message row selects the message;
 * activating it (Enter, double click) opens its text in Schrijven. */

struct _HelderCalendarAgenda
{
  GtkWidget           parent_instance;

  GtkWidget          *stack;
  GtkWidget          *list_view;
  GListStore         *store;
  GtkSingleSelection *selection;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (HelderCalendarAgenda, helder_calendar_agenda, GTK_TYPE_WIDGET)

enum {
  MESSAGE_SELECTED,
  MESSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The day an agenda row is listed on: a message's first day (or the
 * agenda's first, for one that started before), a meeting's. */
static const char *
row_day (HelderRecord *record)
{
  const char *day = g_object_get_data (G_OBJECT (record), "agenda-day");

  if (day != NULL)
    return day;
  if (HELDER_IS_MESSAGE (record))
    return helder_record_get_text (record, "window_start");
  return helder_record_get_text (record, "starts_at");
}

static int
by_day (gconstpointer a,
        gconstpointer b,
        gpointer      user_data)
{
  HelderRecord *x = (HelderRecord *) a, *y = (HelderRecord *) b;
  int c = strncmp (row_day (x) ? row_day (x) : "", row_day (y) ? row_day (y) : "", 10);

  if (c != 0)
    return c;
  /* Meetings first on their day: messages are planned around them */
  if (HELDER_IS_COUNCIL_MEETING (x) != HELDER_IS_COUNCIL_MEETING (y))
    return HELDER_IS_COUNCIL_MEETING (x) ? -1 : 1;
  return g_utf8_collate (helder_record_get_title (x), helder_record_get_title (y));
}

static int
by_day_pointers (gconstpointer a,
                 gconstpointer b)
{
  return by_day (*(gconstpointer *) a, *(gconstpointer *) b, NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HelderCalendarAgenda     *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "agenda-day");
  gtk_box_append (GTK_BOX (outer), heading);
  gtk_widget_add_css_class (row, "agenda-row");
  gtk_widget_add_css_class (icon, "agenda-status");
  gtk_box_append (GTK_BOX (row), icon);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (outer), row);
  gtk_list_item_set_child (item, outer);
}

static char *
message_subtitle (HelderRecord *message)
{
  GDate start, end;
  const char *status = helder_message_status_label (helder_message_get_status (message));
  const char *area = helder_record_get_text (message, "area");
  g_autofree char *until = NULL;

  if (helder_message_get_window (message, &start, &end) && g_date_compare (&start, &end) != 0)
    {
      g_autofree char *last = helder_format_day (&end, FALSE);

      /* Translators: the last day of a message's window */
      until = g_strdup_printf (_("until %s"), last);
    }
  return g_strjoin (" · ", status, until ? until : (area ? area : ""), until && area ? area : NULL, NULL);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HelderCalendarAgenda     *self)
{
  HelderRecord *record = gtk_list_item_get_item (item);
  GtkWidget *outer = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (outer);
  GtkWidget *row = gtk_widget_get_next_sibling (heading);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(HelderRecord) previous = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->store),
                                                                           position - 1) : NULL;
  const char *day = row_day (record);
  gboolean first_of_day = previous == NULL || strncmp (row_day (previous), day, 10) != 0;
  g_autofree char *description = NULL;
  g_autofree char *detail = NULL;
  GDate date;

  for (guint i = 0; i < HELDER_MESSAGE_N_STATES; i++)
    {
      g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (i), NULL);

      gtk_widget_remove_css_class (icon, css);
    }
  gtk_widget_remove_css_class (icon, "council");
  gtk_widget_set_visible (heading, first_of_day);
  if (first_of_day && helder_date_from_iso (day, &date))
    {
      g_autofree char *text = helder_format_day (&date, TRUE);

      gtk_label_set_text (GTK_LABEL (heading), text);
    }
  gtk_label_set_text (GTK_LABEL (title), helder_record_get_title (record));
  if (HELDER_IS_MESSAGE (record))
    {
      HelderMessageStatus status = helder_message_get_status (record);
      g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (status), NULL);

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), helder_message_status_icon_name (status));
      gtk_widget_add_css_class (icon, css);
      detail = message_subtitle (record);
      description = helder_calendar_describe_message (record);
      gtk_list_item_set_activatable (item, TRUE);
      gtk_list_item_set_selectable (item, TRUE);
    }
  else
    {
      const char *gremium = helder_record_get_text (record, "gremium");
      const char *place = helder_record_get_text (record, "place");

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "system-users-symbolic");
      gtk_widget_add_css_class (icon, "council");
      /* Translators: a council meeting in the agenda: body · place */
      detail = g_strdup_printf (_("Council meeting · %s%s%s"), gremium ? gremium : "",
                                gremium && place ? " · " : "", place ? place : "");
      description = g_strdup_printf ("%s, %s", helder_record_get_title (record), detail);
      gtk_list_item_set_activatable (item, FALSE);
      gtk_list_item_set_selectable (item, FALSE);
    }
  gtk_label_set_text (GTK_LABEL (subtitle), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
on_selection_changed (HelderCalendarAgenda *self)
{
  HelderRecord *record = gtk_single_selection_get_selected_item (self->selection);

  if (!self->updating && HELDER_IS_MESSAGE (record))
    g_signal_emit (self, signals[MESSAGE_SELECTED], 0, record);
}

static void
on_activate (GtkListView          *view,
             guint                 position,
             HelderCalendarAgenda *self)
{
  g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (HELDER_IS_MESSAGE (record))
    g_signal_emit (self, signals[MESSAGE_ACTIVATED], 0, record);
}

/**
 * helder_calendar_agenda_show:
 * @from: the first day listed
 * @n_days: how many days
 */
void
helder_calendar_agenda_show (HelderCalendarAgenda        *self,
                             const GDate                 *from,
                             guint                        n_days,
                             const HelderCalendarContent *content)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = helder_date_to_iso (from);
  g_autofree char *last = NULL;
  GDate until = *from;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (HELDER_IS_CALENDAR_AGENDA (self));

  g_date_add_days (&until, n_days - 1);
  last = helder_date_to_iso (&until);
  for (guint i = 0; content->messages != NULL && i < content->messages->len; i++)
    {
      HelderRecord *message = g_array_index (content->messages, HelderDaySpan, i).record;
      const char *start = helder_record_get_text (message, "window_start");

      if (!helder_message_in_window (message, first, last))
        continue;
      /* A window that began earlier is listed on the agenda's first day */
      g_object_set_data_full (G_OBJECT (message), "agenda-day",
                              start == NULL || strncmp (start, first, 10) < 0 ? g_strdup (first) : NULL,
                              g_free);
      g_ptr_array_add (rows, g_object_ref (message));
    }
  for (guint i = 0; content->meetings != NULL && i < content->meetings->len; i++)
    {
      HelderRecord *meeting = g_array_index (content->meetings, HelderDaySpan, i).record;
      const char *day = helder_record_get_text (meeting, "starts_at");

      if (day != NULL && strncmp (day, first, 10) >= 0 && strncmp (day, last, 10) <= 0)
        g_ptr_array_add (rows, g_object_ref (meeting));
    }
  g_ptr_array_sort (rows, by_day_pointers);

  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (helder_record_get_id (rows->pdata[i]), content->selected_id) == 0)
      selected = i;
  gtk_single_selection_set_selected (self->selection, selected);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), rows->len > 0 ? "list" : "empty");
}

GListModel *
helder_calendar_agenda_get_model (HelderCalendarAgenda *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_AGENDA (self), NULL);

  return G_LIST_MODEL (self->store);
}

GtkListView *
helder_calendar_agenda_get_list_view (HelderCalendarAgenda *self)
{
  g_return_val_if_fail (HELDER_IS_CALENDAR_AGENDA (self), NULL);

  return GTK_LIST_VIEW (self->list_view);
}

static void
helder_calendar_agenda_dispose (GObject *object)
{
  HelderCalendarAgenda *self = HELDER_CALENDAR_AGENDA (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (helder_calendar_agenda_parent_class)->dispose (object);
}

static void
helder_calendar_agenda_class_init (HelderCalendarAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_calendar_agenda_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calendar-agenda");

  signals[MESSAGE_SELECTED] =
    g_signal_new ("message-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HELDER_TYPE_RECORD);
  signals[MESSAGE_ACTIVATED] =
    g_signal_new ("message-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HELDER_TYPE_RECORD);
}

static void
helder_calendar_agenda_init (HelderCalendarAgenda *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->store = g_list_store_new (HELDER_TYPE_RECORD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  self->list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "agenda-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self, 0);
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 800);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->list_view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Planned"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No messages or council meetings in these weeks that match the filters."));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

HelderCalendarAgenda *
helder_calendar_agenda_new (void)
{
  return g_object_new (HELDER_TYPE_CALENDAR_AGENDA, NULL);
}
