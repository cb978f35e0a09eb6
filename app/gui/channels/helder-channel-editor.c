/* helder-channel-editor.c: a channel's or audience's properties, edited in place; the advice's weights
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channel-editor.h"
#include "library/helder-toolkit-pane.h"

/* Rows made from the record's fields: switches, numbers, choices and
 * texts; a channel also gets its reach per audience.  Each change is one
 * save through the service, of the store's copy of the record (so a live
 * list's item is never edited in place).  Below, the advice's weights,
 * one number per criterion, with a reset to the defaults. */

struct _HelderChannelEditor
{
  AdwBin parent_instance;

  /* template widgets */
  AdwPreferencesPage  *preferences;
  AdwPreferencesGroup *record_group;
  AdwPreferencesGroup *reach_group;
  AdwPreferencesGroup *weights_group;
  AdwPreferencesGroup *toolkits_group;  /* Bibliotheek's toolkits for the channel */
  HelderToolkitPane   *toolkit_pane;

  /* owned */
  HelderChannelsContext *context;
  HelderRecord          *record;
  GPtrArray             *record_rows;   /* rows added to the two record groups */
  GtkSpinButton         *weights[HELDER_N_CRITERIA];
  gboolean               populating;
};

G_DEFINE_FINAL_TYPE (HelderChannelEditor, helder_channel_editor, ADW_TYPE_BIN)

static HelderService *
service_of (HelderChannelEditor *self)
{
  return HELDER_SERVICE (helder_channels_context_get_service (self->context));
}

static gboolean
may_edit (HelderChannelEditor *self)
{
  return self->context != NULL && helder_service_may_create (service_of (self), HELDER_TYPE_CHANNEL);
}

/* Sets @property of the store's copy of the record and saves it. */
static void
edit (HelderChannelEditor *self,
      const char          *field,
      const GValue        *value)
{
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *property = NULL;

  if (self->populating || self->record == NULL || self->context == NULL)
    return;
  copy = helder_service_load (service_of (self), G_OBJECT_TYPE (self->record), helder_record_get_id (self->record));
  if (copy == NULL)
    return;
  property = g_strdelimit (g_strdup (field), "_", '-');
  g_object_set_property (G_OBJECT (copy), property, value);
  if (!helder_service_save (service_of (self), copy, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", _("Could not save the change"),
                                error->message);
  else
    g_set_object (&self->record, copy);
}

static const char *
field_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "field");
}

static void
switch_changed (HelderChannelEditor *self,
                GParamSpec          *pspec,
                GtkSwitch           *widget)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (widget));
  edit (self, field_of (widget), &value);
}

static void
spin_changed (HelderChannelEditor *self,
              GtkSpinButton       *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  edit (self, field_of (spin), &value);
}

static void
entry_applied (HelderChannelEditor *self,
               AdwEntryRow         *row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  edit (self, field_of (row), &value);
}

static void
combo_changed (HelderChannelEditor *self,
               GParamSpec          *pspec,
               AdwComboRow         *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "values");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (values == NULL || selected >= g_strv_length ((char **) values))
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, values[selected][0] != '\0' ? values[selected] : NULL);
  edit (self, field_of (row), &value);
}

static void
add_row (HelderChannelEditor *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  gtk_widget_set_sensitive (row, may_edit (self));
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->record_rows, row);
  g_object_set_data (G_OBJECT (row), "group", group);
}

static const char *
label_of (HelderRecord *record,
          const char   *field)
{
  const HelderField *f = helder_record_class_find_field (HELDER_RECORD_GET_CLASS (record), field);

  return f != NULL ? _(f->label) : field;
}

static void
add_switch (HelderChannelEditor *self,
            const char          *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (self->record, field));
  gtk_switch_set_active (GTK_SWITCH (widget), helder_record_get_bool (self->record, field));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label_of (self->record, field), -1);
  g_object_set_data_full (G_OBJECT (widget), "field", g_strdup (field), g_free);
  g_signal_connect_object (widget, "notify::active", G_CALLBACK (switch_changed), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  gtk_widget_set_name (row, field);
  add_row (self, self->record_group, row);
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          double      min,
          double      max,
          double      step,
          double      value,
          GtkWidget **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  *spin_out = spin;
  return row;
}

static void
add_spin (HelderChannelEditor *self,
          const char          *field,
          const char          *subtitle)
{
  const HelderField *f = helder_record_class_find_field (HELDER_RECORD_GET_CLASS (self->record), field);
  GtkWidget *spin;
  GtkWidget *row = spin_row (label_of (self->record, field), subtitle, f->min, MIN (f->max, 1000000), 1,
                             helder_record_get_int (self->record, field), &spin);

  g_object_set_data_full (G_OBJECT (spin), "field", g_strdup (field), g_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (row, field);
  add_row (self, self->record_group, row);
}

static void
add_entry (HelderChannelEditor *self,
           const char          *field)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *text = helder_record_get_text (self->record, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (self->record, field));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_applied), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (row, field);
  add_row (self, self->record_group, row);
}

/* @values: what is stored; @labels: what is shown ("" values store NULL) */
static void
add_combo (HelderChannelEditor *self,
           const char          *field,
           GStrv                values,
           GStrv                labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);
  const char *current = helder_record_get_text (self->record, field);
  guint selected = 0;

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], current ? current : "") == 0)
      selected = i;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (self->record, field));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (row), "values", values, (GDestroyNotify) g_strfreev);
  g_strfreev (labels);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (row, field);
  add_row (self, self->record_group, row);
}

/* Reach per audience: a JSON object by audience key (or id) */

static void
reach_changed (HelderChannelEditor *self,
               GtkSpinButton       *spin)
{
  const char *member = g_object_get_data (G_OBJECT (spin), "member");
  const char *other = g_object_get_data (G_OBJECT (spin), "other");
  g_autoptr(HelderRecord) fresh = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  JsonObject *object;

  if (self->populating || self->record == NULL)
    return;
  fresh = helder_service_load (service_of (self), HELDER_TYPE_CHANNEL, helder_record_get_id (self->record));
  node = fresh ? json_from_string (helder_record_get_text (fresh, "reach"), NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  object = json_node_get_object (node);
  /* the member the record already uses for this audience */
  if (other != NULL && json_object_has_member (object, other) && !json_object_has_member (object, member))
    member = other;
  json_object_set_int_member (object, member, gtk_spin_button_get_value_as_int (spin));
  json = json_to_string (node, FALSE);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, json);
  edit (self, "reach", &value);
}

static void
add_reach (HelderChannelEditor *self)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (self->context);
  int channel = helder_channel_settings_find_channel (settings, helder_record_get_id (self->record));
  const HelderChannelInfo *info = channel >= 0 ? helder_channel_settings_get_channel (settings, channel) : NULL;

  for (guint a = 0; a <= helder_channel_settings_get_n_audiences (settings); a++)
    {
      gboolean area = a == helder_channel_settings_get_n_audiences (settings);
      const HelderAudienceInfo *audience = area ? NULL : helder_channel_settings_get_audience (settings, a);
      int reach = info == NULL ? 0 : area ? MAX (info->area_reach, 0) : helder_channel_settings_get_reach (settings, channel, a);
      g_autofree char *title = area ? g_strdup (_("One street or wijk")) : g_strdup (audience->name);
      GtkWidget *spin;
      GtkWidget *row = spin_row (title, NULL, 0, 100, 5, reach, &spin);

      g_object_set_data_full (G_OBJECT (spin), "member",
                              g_strdup (area ? HELDER_AREA_REACH_KEY : audience->key ? audience->key : audience->id),
                              g_free);
      if (!area)
        g_object_set_data_full (G_OBJECT (spin), "other", g_strdup (audience->id), g_free);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (reach_changed), self, G_CONNECT_SWAPPED);
      add_row (self, self->reach_group, row);
    }
}

static void
clear_rows (HelderChannelEditor *self)
{
  for (guint i = 0; i < self->record_rows->len; i++)
    {
      GtkWidget *row = self->record_rows->pdata[i];

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->record_rows, 0);
}

static GStrv
strv (const char *first, ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  return g_strv_builder_end (builder);
}

static void
add_parent (HelderChannelEditor *self)
{
  GListModel *audiences = helder_channels_context_get_audiences (self->context);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  g_strv_builder_add (values, "");
  g_strv_builder_add (labels, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (audiences); i++)
    {
      g_autoptr(HelderRecord) audience = g_list_model_get_item (audiences, i);

      if (g_strcmp0 (helder_record_get_id (audience), helder_record_get_id (self->record)) == 0)
        continue;
      g_strv_builder_add (values, helder_record_get_id (audience));
      g_strv_builder_add (labels, helder_record_get_title (audience));
    }
  add_combo (self, "parent", g_strv_builder_end (values), g_strv_builder_end (labels));
}

static void
populate (HelderChannelEditor *self)
{
  self->populating = TRUE;
  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->reach_group), FALSE);
  if (self->record == NULL || self->context == NULL)
    {
      adw_preferences_group_set_title (self->record_group, _("Choose a Channel or Audience"));
      adw_preferences_group_set_description (self->record_group,
                                             _("Its properties appear here, and every change is kept at once."));
      self->populating = FALSE;
      return;
    }

  adw_preferences_group_set_title (self->record_group, helder_record_get_title (self->record));
  if (HELDER_IS_CHANNEL (self->record))
    {
      adw_preferences_group_set_description (self->record_group, _("A channel: how it reaches people, and what it may carry."));
      add_entry (self, "name");
      add_entry (self, "description");
      add_switch (self, "digital");
      add_switch (self, "formal");
      add_switch (self, "interaction");
      add_combo (self, "speed", strv ("direct", "hours", "days", "weeks", NULL),
                 strv (_("At once"), _("Within hours"), _("Within days"), _("Within weeks"), NULL));
      add_spin (self, "low_literacy", _("1 poor to 5 good"));
      add_spin (self, "low_digital", _("1 poor to 5 good"));
      add_spin (self, "cost", _("1 cheap to 5 costly, in time and money"));
      add_spin (self, "weekly_capacity", _("0: no limit"));
      add_spin (self, "target_level", _("1 easy to 4 hard; B1 is level 2"));
      add_reach (self);
      gtk_widget_set_visible (GTK_WIDGET (self->reach_group), TRUE);
    }
  else
    {
      adw_preferences_group_set_description (self->record_group, _("An audience: who they are, and what they need."));
      add_entry (self, "name");
      add_parent (self);
      add_spin (self, "size", NULL);
      add_switch (self, "non_digital");
      add_switch (self, "low_literacy");
      add_switch (self, "low_digital");
      add_entry (self, "language_level");
      add_spin (self, "weekly_budget", _("0: the default of 2 a week"));
      add_entry (self, "needs");
    }
  self->populating = FALSE;
}

/* Weights */

static void
weight_changed (HelderChannelEditor *self,
                GtkSpinButton       *spin)
{
  HelderCriterion criterion = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "criterion"));
  g_autoptr(GError) error = NULL;

  if (self->populating || self->context == NULL)
    return;
  if (!helder_channels_service_set_weight (helder_channels_context_get_service (self->context), criterion,
                                           gtk_spin_button_get_value (spin), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", _("Could not save the weight"),
                                error->message);
}

static void
show_weights (HelderChannelEditor *self)
{
  HelderChannelSettings *settings;

  if (self->context == NULL)
    return;
  settings = helder_channels_context_get_settings (self->context);
  self->populating = TRUE;
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    {
      gtk_spin_button_set_value (self->weights[i], helder_channel_settings_get_weight (settings, i));
      gtk_widget_set_sensitive (GTK_WIDGET (self->weights[i]), may_edit (self));
    }
  self->populating = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reset-weights", may_edit (self));
}

static void
reset_weights (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderChannelEditor *self = HELDER_CHANNEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  if (!helder_channels_service_reset_weights (helder_channels_context_get_service (self->context), &error))
    gtk_widget_activate_action (widget, "win.show-error", "(ss)", _("Could not reset the weights"), error->message);
  helder_channels_context_flush (self->context);
  show_weights (self);
}

void
helder_channel_editor_set_context (HelderChannelEditor   *self,
                                   HelderChannelsContext *context)
{
  g_return_if_fail (HELDER_IS_CHANNEL_EDITOR (self));

  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, show_weights, self);
  g_set_object (&self->context, context);
  g_clear_object (&self->record);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (show_weights), self, G_CONNECT_SWAPPED);
  populate (self);
  show_weights (self);
}

void
helder_channel_editor_open (HelderChannelEditor *self,
                            HelderRecord        *record)
{
  g_return_if_fail (HELDER_IS_CHANNEL_EDITOR (self));
  g_return_if_fail (record == NULL || HELDER_IS_CHANNEL (record) || HELDER_IS_AUDIENCE (record));

  g_set_object (&self->record, record);
  populate (self);
  helder_toolkit_pane_set_service (self->toolkit_pane, self->context != NULL
                                   ? HELDER_SERVICE (helder_channels_context_get_service (self->context)) : NULL);
  helder_toolkit_pane_set_record (self->toolkit_pane, record);
  gtk_widget_set_visible (GTK_WIDGET (self->toolkits_group), HELDER_IS_CHANNEL (record));
}

HelderRecord *
helder_channel_editor_get_record (HelderChannelEditor *self)
{
  return self->record;
}

static void
helder_channel_editor_dispose (GObject *object)
{
  HelderChannelEditor *self = HELDER_CHANNEL_EDITOR (object);

  if (self->record_rows != NULL && self->record_group != NULL)
    {
      self->populating = TRUE;
      clear_rows (self);
    }
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, show_weights, self);
  g_clear_object (&self->context);
  g_clear_object (&self->record);
  self->record_group = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (helder_channel_editor_parent_class)->dispose (object);
}

static void
helder_channel_editor_finalize (GObject *object)
{
  g_clear_pointer (&HELDER_CHANNEL_EDITOR (object)->record_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_channel_editor_parent_class)->finalize (object);
}

static void
helder_channel_editor_class_init (HelderChannelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_channel_editor_dispose;
  object_class->finalize = helder_channel_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-channel-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, preferences);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, record_group);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, reach_group);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, weights_group);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, toolkits_group);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelEditor, toolkit_pane);
  g_type_ensure (HELDER_TYPE_TOOLKIT_PANE);

  gtk_widget_class_install_action (widget_class, "editor.reset-weights", NULL, reset_weights);
}

static void
helder_channel_editor_init (HelderChannelEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->record_rows = g_ptr_array_new ();
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    {
      GtkWidget *spin;
      GtkWidget *row = spin_row (helder_criterion_get_label (i), NULL, 0, 10, 0.5, 1, &spin);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      g_object_set_data (G_OBJECT (spin), "criterion", GUINT_TO_POINTER (i));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (weight_changed), self, G_CONNECT_SWAPPED);
      gtk_widget_set_name (row, helder_criterion_get_name (i));
      self->weights[i] = GTK_SPIN_BUTTON (spin);
      adw_preferences_group_add (self->weights_group, row);
    }
}
