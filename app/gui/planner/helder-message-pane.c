/* helder-message-pane.c: a message's details beside the calendar: every field, the approval, the history
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-message-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-message-pane-private.h"
#include "service/helder-record-follower.h"

/* The pane edits everything a message has.  Every change is saved at
 * once, one transaction through the plan service (which sends an
 * approved message back to review when its dates or text change); the
 * pane follows the stored message, so a colleague's change shows here.
 * The approval steps the status allows are buttons, insensitive with the
 * reason shown when the rules say no (four eyes: not the author).  Below
 * the fields, the message's history: every status change, who, when,
 * and what they said (helder-message-pane-approval.c). */

typedef enum
{
  FIELD_ENTRY,
  FIELD_DATE,
  FIELD_CHECKS,    /* a list of ids, or the chosen channels */
  FIELD_LINK,      /* one id, or none */
  FIELD_LEVEL,     /* 1 to 3 */
  FIELD_SWITCH,
} FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
  const char *label;
  GType     (*type) (void);   /* what CHECKS and LINK choose from */
  int         group;
} FieldSpec;

enum { GROUP_WHEN, GROUP_WHO, GROUP_HOW, GROUP_LINKS, N_GROUPS };

static const FieldSpec field_specs[] = {
  { "window_start", FIELD_DATE, N_("From"), NULL, GROUP_WHEN },
  { "window_end", FIELD_DATE, N_("Until"), NULL, GROUP_WHEN },
  { "deadline", FIELD_DATE, N_("Legal deadline"), NULL, GROUP_WHEN },
  { "audiences", FIELD_CHECKS, N_("Audiences"), helder_audience_get_type, GROUP_WHO },
  { "area", FIELD_ENTRY, N_("Area"), NULL, GROUP_WHO },
  { "areas", FIELD_CHECKS, N_("Wijken and streets"), helder_area_get_type, GROUP_WHO },
  { "channels", FIELD_CHECKS, N_("Channels"), helder_channel_get_type, GROUP_HOW },
  { "urgency", FIELD_LEVEL, N_("Urgency"), NULL, GROUP_HOW },
  { "complexity", FIELD_LEVEL, N_("Complexity"), NULL, GROUP_HOW },
  { "sensitivity", FIELD_LEVEL, N_("Sensitivity"), NULL, GROUP_HOW },
  { "legal_effect", FIELD_SWITCH, N_("Legal effect"), NULL, GROUP_HOW },
  { "two_way", FIELD_SWITCH, N_("Two-way contact needed"), NULL, GROUP_HOW },
  { "omgevingswet", FIELD_SWITCH, N_("Falls under the Omgevingswet"), NULL, GROUP_HOW },
  { "priority", FIELD_LINK, N_("Priority"), helder_priority_get_type, GROUP_LINKS },
  { "topic", FIELD_LINK, N_("Topic"), helder_topic_get_type, GROUP_LINKS },
  { "works", FIELD_CHECKS, N_("Works"), helder_works_get_type, GROUP_LINKS },
  { "council_meeting", FIELD_LINK, N_("Council meeting"), helder_council_meeting_get_type, GROUP_LINKS },
};

static const char *group_titles[N_GROUPS] = {
  N_("When"), N_("For Whom"), N_("How"), N_("Links"),
};

typedef struct
{
  const FieldSpec *spec;
  GtkWidget       *row;
  GtkWidget       *widget;    /* entry row, date button, combo row, switch */
  GtkWidget       *calendar;  /* DATE */
  GPtrArray       *ids;       /* CHECKS, LINK: the choices' ids */
  GPtrArray       *titles;    /* CHECKS: the choices' names */
  GPtrArray       *checks;    /* CHECKS: a GtkCheckButton per id, made when first expanded */
} Field;

G_DEFINE_FINAL_TYPE (HelderMessagePane, helder_message_pane, ADW_TYPE_BIN)

enum {
  OPEN_TEXT,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_values (HelderMessagePane *self);

void
helder_message_pane_show_error (HelderMessagePane *self,
            const char        *title,
            const GError      *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title,
                                   error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

/* Saving */

static gboolean
save_copy (HelderMessagePane *self,
           HelderRecord      *copy)
{
  g_autoptr(GError) error = NULL;

  if (!helder_plan_service_save_message (self->service, copy, &error))
    {
      helder_message_pane_show_error (self, _("Could not save the message"), error);
      update_values (self);
      return FALSE;
    }
  return TRUE;
}

static HelderRecord *
edit_copy (HelderMessagePane *self)
{
  return self->message != NULL && !self->updating ? helder_record_follower_copy (self->message) : NULL;
}

static void
on_title_apply (HelderMessagePane *self)
{
  g_autoptr(HelderRecord) copy = edit_copy (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (copy == NULL || *title == '\0')
    return;
  g_object_set (copy, "title", title, NULL);
  save_copy (self, copy);
}

static void
set_text_field (HelderRecord *copy,
                const char   *name,
                const char   *value)
{
  g_autofree char *property = g_strdelimit (g_strdup (name), "_", '-');

  g_object_set (copy, property, value, NULL);
}

static void
on_entry_apply (HelderMessagePane *self,
                AdwEntryRow       *row)
{
  Field *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (copy == NULL)
    return;
  set_text_field (copy, field->spec->name, *text ? text : NULL);
  save_copy (self, copy);
}

static void
on_day_selected (HelderMessagePane *self,
                 GtkCalendar       *calendar)
{
  Field *field = g_object_get_data (G_OBJECT (calendar), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *iso = NULL;

  if (copy == NULL)
    return;
  iso = g_date_time_format (day, "%Y-%m-%d");
  set_text_field (copy, field->spec->name, iso);
  /* A window ends on or after its start */
  if (g_str_equal (field->spec->name, "window_start") &&
      g_strcmp0 (helder_record_get_text (copy, "window_end"), iso) < 0)
    g_object_set (copy, "window-end", iso, NULL);
  if (g_str_equal (field->spec->name, "window_end") &&
      g_strcmp0 (helder_record_get_text (copy, "window_start"), iso) > 0)
    g_object_set (copy, "window-start", iso, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (field->widget));
  save_copy (self, copy);
}

static void
on_date_cleared (HelderMessagePane *self,
                 GtkButton         *button)
{
  Field *field = g_object_get_data (G_OBJECT (button), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);

  if (copy == NULL)
    return;
  set_text_field (copy, field->spec->name, NULL);
  save_copy (self, copy);
}

/* The chosen channels keep their reasons from the channel advice. */
static char *
channels_json (HelderRecord *message,
               Field        *field)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *old = NULL;
  const char *text = helder_record_get_text (message, "channels");

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    old = json_node_get_array (json_parser_get_root (parser));
  json_builder_begin_array (builder);
  for (guint i = 0; i < field->ids->len; i++)
    {
      const char *id = field->ids->pdata[i];
      const char *reason = NULL;

      if (!gtk_check_button_get_active (field->checks->pdata[i]))
        continue;
      for (guint j = 0; old != NULL && j < json_array_get_length (old); j++)
        {
          JsonNode *node = json_array_get_element (old, j);

          if (JSON_NODE_HOLDS_OBJECT (node) &&
              g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "channel", NULL),
                         id) == 0)
            reason = json_object_get_string_member_with_default (json_node_get_object (node), "reason", NULL);
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, id);
      if (reason != NULL)
        {
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, reason);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
channel_chosen (HelderRecord *message,
                const char   *channel)
{
  HelderMessageFilter filter = { .channel = (char *) channel };

  return helder_message_filter_matches (&filter, message);
}

static void
on_check_toggled (HelderMessagePane *self,
                  GtkCheckButton    *check)
{
  Field *field = g_object_get_data (G_OBJECT (check), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);
  g_autofree char *property = NULL;

  if (copy == NULL)
    return;
  property = g_strdelimit (g_strdup (field->spec->name), "_", '-');
  if (g_str_equal (field->spec->name, "channels"))
    {
      g_autofree char *json = channels_json (copy, field);

      g_object_set (copy, "channels", json, NULL);
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint i = 0; i < field->ids->len; i++)
        if (gtk_check_button_get_active (field->checks->pdata[i]))
          g_strv_builder_add (builder, field->ids->pdata[i]);
      ids = g_strv_builder_end (builder);
      g_object_set (copy, property, ids, NULL);
    }
  save_copy (self, copy);
}

static void
on_combo_selected (HelderMessagePane *self,
                   GParamSpec        *pspec,
                   AdwComboRow       *row)
{
  Field *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *property = NULL;

  if (copy == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  property = g_strdelimit (g_strdup (field->spec->name), "_", '-');
  if (field->spec->kind == FIELD_LEVEL)
    g_object_set (copy, property, (int) selected + 1, NULL);
  else
    g_object_set (copy, property, selected > 0 ? (char *) field->ids->pdata[selected - 1] : NULL, NULL);
  save_copy (self, copy);
}

static void
on_switch_active (HelderMessagePane *self,
                  GParamSpec        *pspec,
                  GtkSwitch         *widget)
{
  Field *field = g_object_get_data (G_OBJECT (widget), "field");
  g_autoptr(HelderRecord) copy = edit_copy (self);
  g_autofree char *property = NULL;

  if (copy == NULL)
    return;
  property = g_strdelimit (g_strdup (field->spec->name), "_", '-');
  g_object_set (copy, property, gtk_switch_get_active (widget), NULL);
  save_copy (self, copy);
}

/* Building the fields for one message */

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->ids, g_ptr_array_unref);
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_clear_pointer (&field->titles, g_ptr_array_unref);
}

/* The calendar of a date is made when its popover first opens: three
 * GtkCalendars cost more than the rest of the pane */
static void
on_date_popover_show (HelderMessagePane *self,
                      GtkPopover        *popover)
{
  Field *field = g_object_get_data (G_OBJECT (popover), "field");
  GDate date;

  if (field->calendar == NULL)
    {
      field->calendar = gtk_calendar_new ();
      g_object_set_data (G_OBJECT (field->calendar), "field", field);
      gtk_popover_set_child (popover, field->calendar);
    }
  else
    g_signal_handlers_disconnect_by_func (field->calendar, on_day_selected, self);
  if (self->message != NULL && helder_date_from_iso (helder_record_get_text (self->message, field->spec->name), &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 12, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (field->calendar), day);
    }
  g_signal_connect_object (field->calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
build_date (HelderMessagePane *self,
            Field             *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(field->spec->label), -1);
  g_object_set_data (G_OBJECT (popover), "field", field);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_date_popover_show), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (g_str_equal (field->spec->name, "deadline"))
    {
      GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_set_tooltip_text (clear, _("No deadline"));
      g_object_set_data (G_OBJECT (clear), "field", field);
      g_signal_connect_object (clear, "clicked", G_CALLBACK (on_date_cleared), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
    }
  field->widget = button;
  return row;
}

static void update_field (HelderMessagePane *self,
                          Field             *field);

/* The check rows are made when the row is first expanded: a store may
 * hold hundreds of works, and most rows are never opened. */
static void
on_checks_expanded (HelderMessagePane *self,
                    GParamSpec        *pspec,
                    AdwExpanderRow    *row)
{
  Field *field = g_object_get_data (G_OBJECT (row), "field");

  if (field->checks != NULL || !adw_expander_row_get_expanded (row))
    return;
  field->checks = g_ptr_array_new ();
  for (guint i = 0; i < field->ids->len; i++)
    {
      GtkWidget *choice = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice), field->titles->pdata[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (choice), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (choice), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      field->titles->pdata[i], -1);
      g_object_set_data (G_OBJECT (check), "field", field);
      g_ptr_array_add (field->checks, check);
      adw_expander_row_add_row (row, choice);
    }
  self->updating = TRUE;
  update_field (self, field);
  self->updating = FALSE;
  for (guint i = 0; i < field->checks->len; i++)
    g_signal_connect_object (field->checks->pdata[i], "toggled", G_CALLBACK (on_check_toggled), self,
                             G_CONNECT_SWAPPED);
}

static GtkWidget *
build_checks (HelderMessagePane *self,
              Field             *field)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(HelderRecordList) list = helder_service_list (HELDER_SERVICE (self->service), field->spec->type ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  field->ids = g_ptr_array_new_with_free_func (g_free);
  field->titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (field->ids, g_strdup (helder_record_get_id (record)));
      g_ptr_array_add (field->titles, g_strdup (helder_record_get_title (record)));
    }
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_checks_expanded), self, G_CONNECT_SWAPPED);
  field->widget = row;
  return row;
}

static GtkWidget *
build_combo (HelderMessagePane *self,
             Field             *field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  if (field->spec->kind == FIELD_LEVEL)
    {
      gtk_string_list_append (names, _("Low"));
      gtk_string_list_append (names, _("Medium"));
      gtk_string_list_append (names, _("High"));
    }
  else
    {
      g_autoptr(HelderRecordList) list = helder_service_list (HELDER_SERVICE (self->service), field->spec->type ());

      field->ids = g_ptr_array_new_with_free_func (g_free);
      gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        {
          g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

          gtk_string_list_append (names, helder_record_get_title (record));
          g_ptr_array_add (field->ids, g_strdup (helder_record_get_id (record)));
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected), self, G_CONNECT_SWAPPED);
  field->widget = row;
  return row;
}

static GtkWidget *
build_field (HelderMessagePane *self,
             Field             *field)
{
  GtkWidget *row = NULL;

  switch (field->spec->kind)
    {
    case FIELD_ENTRY:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_apply), self, G_CONNECT_SWAPPED);
      field->widget = row;
      break;
    case FIELD_DATE:
      row = build_date (self, field);
      break;
    case FIELD_CHECKS:
      row = build_checks (self, field);
      break;
    case FIELD_LINK:
    case FIELD_LEVEL:
      row = build_combo (self, field);
      break;
    case FIELD_SWITCH:
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
      field->widget = gtk_switch_new ();
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(field->spec->label), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->widget);
      g_signal_connect_object (field->widget, "notify::active", G_CALLBACK (on_switch_active), self,
                               G_CONNECT_SWAPPED);
      break;
    }
  field->row = row;
  g_object_set_data (G_OBJECT (field->widget), "field", field);
  return row;
}

static void
build_fields (HelderMessagePane *self)
{
  GtkWidget *child;
  GtkWidget *groups[N_GROUPS];

  if (self->message == NULL || self->service == NULL || (self->fields_built && !self->choices_changed))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields))) != NULL)
    gtk_box_remove (self->fields, child);
  g_array_set_size (self->field_widgets, 0);
  /* Made once; again only when what they choose from changes */
  self->fields_built = TRUE;
  self->choices_changed = FALSE;

  for (guint g = 0; g < N_GROUPS; g++)
    {
      groups[g] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[g]), _(group_titles[g]));
      gtk_box_append (self->fields, groups[g]);
    }
  /* Sized first: the fields point into the array */
  g_array_set_size (self->field_widgets, G_N_ELEMENTS (field_specs));
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      Field *field = &g_array_index (self->field_widgets, Field, i);

      field->spec = &field_specs[i];
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[field_specs[i].group]), build_field (self, field));
    }
}

/* Showing the message's values */

/* An entry's text, when it differs (setting it resets the cursor and
 * lays the text out again) */
static void
set_text_if_changed (GtkWidget  *editable,
                     const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

static void
update_field (HelderMessagePane *self,
              Field             *field)
{
  HelderRecord *message = self->message;
  const char *name = field->spec->name;

  switch (field->spec->kind)
    {
    case FIELD_ENTRY:
      if (!gtk_widget_has_focus (field->widget) && !gtk_widget_is_focus (field->widget))
        set_text_if_changed (field->widget, helder_record_get_text (message, name));
      break;
    case FIELD_DATE:
      {
        GDate date;
        g_autofree char *label = NULL;

        if (helder_date_from_iso (helder_record_get_text (message, name), &date))
          label = helder_format_day (&date, FALSE);
        /* (a menu button makes its child anew for every label it is given) */
        if (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (field->widget)),
                       label ? label : _("Choose a day")) != 0)
          gtk_menu_button_set_label (GTK_MENU_BUTTON (field->widget), label ? label : _("Choose a day"));
      }
      break;
    case FIELD_CHECKS:
      {
        const char * const *chosen = g_str_equal (name, "channels") ? NULL : helder_record_get_list (message, name);
        g_autoptr(GString) summary = g_string_new (NULL);
        guint n = 0;

        for (guint i = 0; i < field->ids->len; i++)
          {
            gboolean active = g_str_equal (name, "channels")
                            ? channel_chosen (message, field->ids->pdata[i])
                            : chosen != NULL && g_strv_contains (chosen, field->ids->pdata[i]);
            if (field->checks != NULL)
              gtk_check_button_set_active (field->checks->pdata[i], active);
            if (active && n++ < 3)
              g_string_append_printf (summary, "%s%s", summary->len ? ", " : "", (char *) field->titles->pdata[i]);
          }
        if (n > 3)
          /* Translators: the rest of a list, after three names */
          g_string_append_printf (summary, _(" and %u more"), n - 3);
        if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (field->widget)),
                       n ? summary->str : _("None")) != 0)
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field->widget), n ? summary->str : _("None"));
      }
      break;
    case FIELD_LINK:
      {
        const char *id = helder_record_get_text (message, name);
        guint selected = 0;

        for (guint i = 0; id != NULL && i < field->ids->len; i++)
          if (g_str_equal (field->ids->pdata[i], id))
            selected = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), selected);
      }
      break;
    case FIELD_LEVEL:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                  CLAMP (helder_record_get_int (message, name), 1, 3) - 1);
      break;
    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), helder_record_get_bool (message, name));
      break;
    }
}

static void
update_values (HelderMessagePane *self)
{
  HelderSession *session;
  gboolean may_edit;

  if (self->message == NULL)
    return;
  /* Staff read the plan; they do not change it */
  session = helder_service_get_session (HELDER_SERVICE (self->service));
  may_edit = helder_session_get_role (session) != HELDER_SESSION_ROLE_STAFF &&
             !helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (self->service)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), may_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), may_edit);
  self->updating = TRUE;
  if (!gtk_widget_has_focus (GTK_WIDGET (self->title_row)))
    set_text_if_changed (GTK_WIDGET (self->title_row), helder_record_get_title (self->message));
  for (guint i = 0; i < self->field_widgets->len; i++)
    update_field (self, &g_array_index (self->field_widgets, Field, i));
  helder_message_pane_update_status (self);
  self->updating = FALSE;
  helder_message_pane_update_channels (self);
}

/* Following the store */

static void
reload (HelderMessagePane *self)
{
  g_autoptr(HelderRecord) stored = NULL;

  if (self->message == NULL || self->service == NULL)
    return;
  stored = helder_service_load (HELDER_SERVICE (self->service), HELDER_TYPE_MESSAGE,
                                helder_record_get_id (self->message));
  if (stored == NULL || helder_record_get_deleted (stored))
    return;
  g_set_object (&self->message, stored);
  update_values (self);
}

static void
on_messages_changed (HelderStore        *store,
                     const char         *type_name,
                     const char * const *ids,
                     HelderMessagePane  *self)
{
  if (self->message != NULL && g_strv_contains (ids, helder_record_get_id (self->message)))
    reload (self);
}

/* A priority, topic, channel, audience, area, works or council meeting
 * was added, renamed or removed: the fields choose from the new ones */
static void
on_choices_changed (HelderStore        *store,
                    const char         *type_name,
                    const char * const *ids,
                    HelderMessagePane  *self)
{
  static const char *choices[] = { "priority", "topic", "channel", "audience", "area", "works",
                                   "council_meeting", NULL };

  if (!g_strv_contains (choices, type_name))
    return;
  self->choices_changed = TRUE;
  if (self->message != NULL)
    {
      build_fields (self);
      update_values (self);
    }
}

static void
on_open_text_clicked (HelderMessagePane *self)
{
  if (self->message != NULL)
    g_signal_emit (self, signals[OPEN_TEXT], 0, self->message);
}

static void
on_close_clicked (HelderMessagePane *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

void
helder_message_pane_set_service (HelderMessagePane *self,
                                 HelderPlanService *service)
{
  g_return_if_fail (HELDER_IS_MESSAGE_PANE (self));

  if (self->service == service)
    return;
  helder_message_pane_set_message (self, NULL);
  if (self->service != NULL)
    {
      g_signal_handlers_disconnect_by_func (helder_service_get_store (HELDER_SERVICE (self->service)),
                                            on_messages_changed, self);
      g_signal_handlers_disconnect_by_func (helder_service_get_store (HELDER_SERVICE (self->service)),
                                            on_choices_changed, self);
      g_signal_handlers_disconnect_by_func (helder_service_get_session (HELDER_SERVICE (self->service)),
                                            reload, self);
    }
  g_clear_object (&self->users);
  g_set_object (&self->service, service);
  helder_message_pane_channels_set_service (self);
  self->choices_changed = TRUE;
  if (service != NULL)
    {
      self->users = helder_service_list (HELDER_SERVICE (service), HELDER_TYPE_USER);
      g_signal_connect_object (helder_service_get_store (HELDER_SERVICE (service)), "records-changed::message",
                               G_CALLBACK (on_messages_changed), self, 0);
      g_signal_connect_object (helder_service_get_store (HELDER_SERVICE (service)), "records-changed",
                               G_CALLBACK (on_choices_changed), self, 0);
      /* Who sits at the desk decides which steps they may take */
      g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::login",
                               G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::role",
                               G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
}

/* A step's event arrives after its message (the store reports types in
 * order): the steps, which read who sent it for review, follow it too */
static void
on_history_changed (HelderMessagePane *self)
{
  helder_message_pane_update_history (self);
  if (self->message != NULL)
    helder_message_pane_update_status (self);
}

/**
 * helder_message_pane_set_message:
 * @message: (nullable): the message to show
 */
void
helder_message_pane_set_message (HelderMessagePane *self,
                                 HelderRecord      *message)
{
  g_return_if_fail (HELDER_IS_MESSAGE_PANE (self));
  g_return_if_fail (message == NULL || HELDER_IS_MESSAGE (message));

  if (self->message != NULL && message != NULL &&
      g_strcmp0 (helder_record_get_id (self->message), helder_record_get_id (message)) == 0)
    {
      reload (self);
      return;
    }
  g_clear_object (&self->message);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  g_clear_object (&self->history);
  if (message != NULL && self->service != NULL)
    {
      self->message = g_object_ref (message);
      self->history = helder_plan_service_message_history (self->service, helder_record_get_id (message));
      g_signal_connect_object (self->history, "items-changed", G_CALLBACK (on_history_changed), self,
                               G_CONNECT_SWAPPED);
    }
  build_fields (self);
  update_values (self);
  helder_message_pane_update_history (self);
  if (message == NULL)
    helder_message_pane_update_channels (self);
}

HelderRecord *
helder_message_pane_get_message (HelderMessagePane *self)
{
  g_return_val_if_fail (HELDER_IS_MESSAGE_PANE (self), NULL);

  return self->message;
}

void
helder_message_pane_focus_title (HelderMessagePane *self)
{
  g_return_if_fail (HELDER_IS_MESSAGE_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
helder_message_pane_dispose (GObject *object)
{
  HelderMessagePane *self = HELDER_MESSAGE_PANE (object);

  helder_message_pane_set_service (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_MESSAGE_PANE);

  G_OBJECT_CLASS (helder_message_pane_parent_class)->dispose (object);
}

static void
helder_message_pane_finalize (GObject *object)
{
  HelderMessagePane *self = HELDER_MESSAGE_PANE (object);

  g_clear_pointer (&self->field_widgets, g_array_unref);
  g_free (self->steps_signature);

  G_OBJECT_CLASS (helder_message_pane_parent_class)->finalize (object);
}

static void
helder_message_pane_class_init (HelderMessagePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_message_pane_dispose;
  object_class->finalize = helder_message_pane_finalize;

  signals[OPEN_TEXT] =
    g_signal_new ("open-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HELDER_TYPE_RECORD);
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-message-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, title_row);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, status_row);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, status_icon);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, steps);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, reason_label);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, open_text_button);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, fields);
  gtk_widget_class_bind_template_child (widget_class, HelderMessagePane, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_open_text_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  helder_message_pane_channels_class_init (widget_class);
}

static void
helder_message_pane_init (HelderMessagePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_widgets = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->field_widgets, field_clear);
}
