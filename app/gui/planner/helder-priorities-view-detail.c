/* helder-priorities-view-detail.c: the ledger's detail column: every field edits in place
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-priorities-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-priorities-view-private.h"
#include "model/helder-record-format.h"
#include "helder-tooltip.h"

/* Each entry row saves its field when applied (the check button, or
 * Enter) through the ledger's service call, which checks it; while typing
 * the same check runs on the text, so a too long title or a quarter
 * written wrongly shows its Dutch message under the fields before it is
 * saved.  The owner is a choice among the organisation's users.  When the
 * priority changes elsewhere, a field shows the new value unless the user
 * is editing it (its text differs from what was shown). */

static HelderPlanService *
plan (HelderPrioritiesView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

gboolean
helder_priorities_view_may_edit (HelderPrioritiesView *self)
{
  return self->service != NULL && helder_service_may_create (self->service, HELDER_TYPE_PRIORITY);
}

/* A failure the user must know about, through the window */
void
helder_priorities_view_report (HelderPrioritiesView *self,
                               const char           *title,
                               const GError         *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title,
                                   error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

static const char *
field_of (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), "ledger-field");
}

static const char *
text_or_empty (const char *text)
{
  return text ? text : "";
}

/* The field's value as the form shows it */
static char *
shown_value (HelderRecord *priority,
             const char   *field)
{
  if (priority == NULL)
    return g_strdup ("");
  if (g_str_equal (field, "quarters"))
    return helder_ledger_format_quarters (helder_record_get_list (priority, "quarters"));
  return g_strdup (text_or_empty (helder_record_get_text (priority, field)));
}

static void
set_field_error (HelderPrioritiesView *self,
                 GtkWidget            *row,
                 const char           *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (self->form->field_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->form->field_error), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      g_object_set_data (G_OBJECT (self->form->field_error), "row", row);
      return;
    }
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (g_object_get_data (G_OBJECT (self->form->field_error), "row") == row)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->form->field_error), FALSE);
      g_object_set_data (G_OBJECT (self->form->field_error), "row", NULL);
    }
}

static void
on_field_changed (HelderPrioritiesView *self,
                  GtkEditable          *row)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (helder_ledger_check_field (field_of (row), gtk_editable_get_text (row), &error))
    set_field_error (self, GTK_WIDGET (row), NULL);
  else
    set_field_error (self, GTK_WIDGET (row), error->message);
}

static void
on_field_apply (HelderPrioritiesView *self,
                GtkEditable          *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HelderRecord *saved;
  const char *field = field_of (row);

  if (self->shown == NULL || plan (self) == NULL)
    return;
  id = g_strdup (helder_record_get_id (self->shown));
  if (!helder_plan_ledger_set_field (plan (self), id, field, gtk_editable_get_text (row), &error))
    {
      if (error->domain == HELDER_LEDGER_ERROR)
        set_field_error (self, GTK_WIDGET (row), error->message);
      else
        helder_priorities_view_report (self, _("Could not save the priority"), error);
      return;
    }
  set_field_error (self, GTK_WIDGET (row), NULL);
  /* As stored: trimmed, quarters in their one form */
  saved = self->priorities ? helder_record_list_lookup (self->priorities, id, NULL) : NULL;
  if (saved != NULL)
    {
      g_autofree char *value = shown_value (saved, field);

      self->loading = TRUE;
      gtk_editable_set_text (row, value);
      self->loading = FALSE;
    }
}

static void
on_owner_selected (HelderPrioritiesView *self)
{
  guint index = adw_combo_row_get_selected (self->form->owner_row);
  g_autoptr(GError) error = NULL;
  const char *owner;

  if (self->loading || self->shown == NULL || plan (self) == NULL || index == GTK_INVALID_LIST_POSITION)
    return;
  owner = index == 0 ? "" : gtk_string_list_get_string (self->owners, index);
  if (!helder_plan_ledger_set_field (plan (self), helder_record_get_id (self->shown), "owner", owner, &error))
    {
      if (error->domain == HELDER_LEDGER_ERROR)
        set_field_error (self, GTK_WIDGET (self->form->owner_row), error->message);
      else
        helder_priorities_view_report (self, _("Could not save the priority"), error);
      return;
    }
  set_field_error (self, GTK_WIDGET (self->form->owner_row), NULL);
}

static char *
rationale_text (HelderPrioritiesView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->form->rationale_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_rationale_changed (HelderPrioritiesView *self)
{
  g_autofree char *text = rationale_text (self);
  g_autofree char *was = shown_value (self->shown, "rationale");
  g_autoptr(GError) error = NULL;
  gboolean valid = helder_ledger_check_field ("rationale", text, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->form->rationale_save),
                            valid && self->shown != NULL && g_strcmp0 (text, was) != 0);
  if (!self->loading)
    set_field_error (self, GTK_WIDGET (self->form->rationale_view), valid ? NULL : error->message);
}

static void
on_rationale_save (HelderPrioritiesView *self)
{
  g_autofree char *text = rationale_text (self);
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL || plan (self) == NULL)
    return;
  if (!helder_plan_ledger_set_field (plan (self), helder_record_get_id (self->shown), "rationale", text, &error))
    {
      if (error->domain == HELDER_LEDGER_ERROR)
        set_field_error (self, GTK_WIDGET (self->form->rationale_view), error->message);
      else
        helder_priorities_view_report (self, _("Could not save the priority"), error);
      return;
    }
  on_rationale_changed (self);
}

static void
on_hanger_activated (HelderPrioritiesView *self,
                     GtkListBoxRow        *row)
{
  const char *type = g_object_get_data (G_OBJECT (row), "record-type");
  const char *id = g_object_get_data (G_OBJECT (row), "record-id");

  if (type != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "planner.show-record", "(ss)", type, id);
}

/* The form, made when a priority is first shown */
static void
ensure_form (HelderPrioritiesView *self)
{
  HelderPriorityForm *form;
  AdwEntryRow *rows[4];
  const char *fields[] = { "title", "theme", "quarters", "source_clause" };
  GtkListBox *hangers[3];

  if (self->form != NULL)
    return;
  form = self->form = helder_priority_form_new ();
  rows[0] = form->title_row;
  rows[1] = form->theme_row;
  rows[2] = form->quarters_row;
  rows[3] = form->clause_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data (G_OBJECT (rows[i]), "ledger-field", (gpointer) fields[i]);
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rows[i], "apply", G_CALLBACK (on_field_apply), self, G_CONNECT_SWAPPED);
    }
  adw_combo_row_set_model (form->owner_row, G_LIST_MODEL (self->owners));
  g_signal_connect_object (form->owner_row, "notify::selected", G_CALLBACK (on_owner_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (form->rationale_view), "changed",
                           G_CALLBACK (on_rationale_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form->rationale_save, "clicked", G_CALLBACK (on_rationale_save), self,
                           G_CONNECT_SWAPPED);
  hangers[0] = form->hanging_topics;
  hangers[1] = form->hanging_messages;
  hangers[2] = form->hanging_works;
  for (guint i = 0; i < G_N_ELEMENTS (hangers); i++)
    g_signal_connect_object (hangers[i], "row-activated", G_CALLBACK (on_hanger_activated), self,
                             G_CONNECT_SWAPPED);
  /* Back to the list: only where the leaflet shows one column */
  g_object_bind_property (self->leaflet, "folded", form->back_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (form->back_button, "clicked", G_CALLBACK (helder_priorities_view_back), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (form), "detail");
  helder_priorities_view_update_form_actions (self);
}

void
helder_priorities_view_detail_init (HelderPrioritiesView *self)
{
  self->owners = gtk_string_list_new (NULL);
}

/* The owner choice: "No owner", then the organisation's users */
static void
select_owner (HelderPrioritiesView *self)
{
  const char *owner = self->shown ? helder_record_get_text (self->shown, "owner") : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->owners)), found = 0;

  if (self->form == NULL)
    return;

  for (guint i = 1; owner != NULL && *owner != '\0' && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->owners, i), owner))
      found = i;
  /* An owner who is not (or no longer) a user still shows */
  if (owner != NULL && *owner != '\0' && found == 0)
    {
      gtk_string_list_append (self->owners, owner);
      found = n;
    }
  self->loading = TRUE;
  adw_combo_row_set_selected (self->form->owner_row, found);
  self->loading = FALSE;
}

void
helder_priorities_view_update_owners (HelderPrioritiesView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = self->users ? g_list_model_get_n_items (G_LIST_MODEL (self->users)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) user = g_list_model_get_item (G_LIST_MODEL (self->users), i);
      const char *name = helder_record_get_text (user, "name");

      if (name != NULL && *name != '\0')
        g_ptr_array_add (names, (gpointer) g_intern_string (name));
    }
  g_ptr_array_add (names, NULL);
  self->loading = TRUE;
  gtk_string_list_splice (self->owners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->owners)),
                          (const char * const[]) { _("No owner"), NULL });
  gtk_string_list_splice (self->owners, 1, 0, (const char * const *) names->pdata);
  self->loading = FALSE;
  select_owner (self);
}

/* What hangs from the priority */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
hanger_subtitle (HelderRecord *record)
{
  if (HELDER_IS_TOPIC (record))
    {
      const char *trend = helder_record_get_text (record, "trend");

      /* TRANSLATORS: a topic's two scores (1-5) and its trend */
      return g_strdup_printf (_("Administrative impact %d, societal impact %d, %s"),
                              helder_record_get_int (record, "admin_impact"),
                              helder_record_get_int (record, "societal_impact"),
                              trend ? helder_format_choice (trend) : _("no trend"));
    }
  if (HELDER_IS_MESSAGE (record))
    {
      g_autofree char *date = helder_format_date (helder_record_get_text (record, "window_start"));
      const char *status = helder_format_choice (helder_record_get_text (record, "status"));

      return date ? g_strdup_printf ("%s · %s", text_or_empty (status), date) : g_strdup (text_or_empty (status));
    }
  {
    g_autofree char *date = helder_format_date (helder_record_get_text (record, "start_date"));
    const char *street = helder_record_get_text (record, "location");

    if (street != NULL && date != NULL)
      return g_strdup_printf ("%s · %s", street, date);
    return g_strdup (street ? street : text_or_empty (date));
  }
}

static void
fill_hangers (GtkListBox          *list,
              AdwPreferencesGroup *group,
              GPtrArray           *records,
              const char          *title,
              const char          *none)
{
  g_autofree char *heading = g_strdup_printf ("%s (%u)", title, records->len);

  clear_list (list);
  adw_preferences_group_set_title (group, heading);
  for (guint i = 0; i < records->len; i++)
    {
      HelderRecord *record = records->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = hanger_subtitle (record);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text_or_empty (helder_record_get_title (record)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Single lines: cheap to measure; the full title in the tooltip */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      helder_widget_set_tooltip (row, helder_record_get_title (record));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "record-type", (gpointer) helder_record_get_type_name (record));
      g_object_set_data_full (G_OBJECT (row), "record-id", g_strdup (helder_record_get_id (record)), g_free);
      gtk_list_box_append (list, row);
    }
  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), none);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }
}

void
helder_priorities_view_update_hangers (HelderPrioritiesView *self)
{
  g_auto(HelderLedgerHangers) hangers = { 0 };

  if (self->shown == NULL || self->service == NULL || self->form == NULL)
    return;
  helder_priorities_view_ensure_lists (self);
  helder_ledger_hangers_collect (&hangers, helder_record_get_id (self->shown),
                                 G_LIST_MODEL (self->topics), G_LIST_MODEL (self->messages),
                                 G_LIST_MODEL (self->works));
  fill_hangers (self->form->hanging_topics, self->form->topics_group, hangers.topics, _("Topics"),
                _("No topics name this priority yet."));
  fill_hangers (self->form->hanging_messages, self->form->messages_group, hangers.messages, _("Messages"),
                _("No messages about this priority or its topics yet."));
  fill_hangers (self->form->hanging_works, self->form->works_group, hangers.works, _("Works"),
                _("No works linked through its messages."));
}

/* Showing a priority */

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
show_entry (HelderPrioritiesView *self,
            AdwEntryRow          *row,
            HelderRecord         *was,
            HelderRecord         *priority,
            gboolean              same)
{
  const char *field = field_of (row);
  g_autofree char *old = shown_value (was, field);
  g_autofree char *value = shown_value (priority, field);
  gboolean may = helder_priorities_view_may_edit (self);

  /* Edits in progress stay; a text that is the same is not set again
   * (that would measure the row again for nothing) */
  if ((!same || g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), old)) &&
      !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), value))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), value);
      set_field_error (self, GTK_WIDGET (row), NULL);
    }
  if (!same)
    set_field_error (self, GTK_WIDGET (row), NULL);
  if (gtk_editable_get_editable (GTK_EDITABLE (row)) != may)
    {
      gtk_editable_set_editable (GTK_EDITABLE (row), may);
      adw_entry_row_set_show_apply_button (row, may);
    }
}

/**
 * helder_priorities_view_show:
 * @priority: (nullable): the priority to show, or %NULL for none
 */
void
helder_priorities_view_show (HelderPrioritiesView *self,
                             HelderRecord         *priority)
{
  g_autoptr(HelderRecord) was = self->shown ? g_object_ref (self->shown) : NULL;
  gboolean same = was != NULL && priority != NULL &&
                  g_strcmp0 (helder_record_get_id (was), helder_record_get_id (priority)) == 0;
  AdwEntryRow *rows[4];
  GtkTextBuffer *buffer;
  const char *status;
  guint position = 0, n;
  g_autofree char *place = NULL;
  gboolean may = helder_priorities_view_may_edit (self);

  /* The same record as shown: nothing changed (the list replaces a
   * record's object only when the record changed) */
  if (priority != NULL && priority == was && !self->role_changed)
    return;
  self->role_changed = FALSE;
  g_set_object (&self->shown, priority);
  if (priority == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  ensure_form (self);
  rows[0] = self->form->title_row;
  rows[1] = self->form->theme_row;
  rows[2] = self->form->quarters_row;
  rows[3] = self->form->clause_row;
  buffer = gtk_text_view_get_buffer (self->form->rationale_view);
  helder_priorities_view_ensure_lists (self);
  self->loading = TRUE;
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  set_label (self->form->detail_title, text_or_empty (helder_record_get_title (priority)));
  n = self->priorities ? g_list_model_get_n_items (G_LIST_MODEL (self->priorities)) : 0;
  if (self->priorities != NULL)
    helder_record_list_lookup (self->priorities, helder_record_get_id (priority), &position);
  /* TRANSLATORS: a priority's place in the ledger */
  place = g_strdup_printf (_("Place %u of %u"), position + 1, n);
  set_label (self->form->rank_label, place);
  status = helder_record_get_text (priority, "status");
  set_label (self->form->status_label, helder_ledger_status_label (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->form->status_label), "paused");
  gtk_widget_remove_css_class (GTK_WIDGET (self->form->status_label), "done");
  if (g_strcmp0 (status, "paused") == 0 || g_strcmp0 (status, "done") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->form->status_label), status);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    show_entry (self, rows[i], was, priority, same);
  {
    g_autofree char *old = shown_value (was, "rationale");
    g_autofree char *text = rationale_text (self);
    g_autofree char *value = shown_value (priority, "rationale");

    if ((!same || g_str_equal (text, old)) && !g_str_equal (text, value))
      gtk_text_buffer_set_text (buffer, value, -1);
    gtk_text_view_set_editable (self->form->rationale_view, may);
    gtk_widget_set_visible (GTK_WIDGET (self->form->rationale_save), may);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->form->owner_row), may);
  if (!same)
    gtk_widget_set_visible (GTK_WIDGET (self->form->field_error), FALSE);
  self->loading = FALSE;
  select_owner (self);
  on_rationale_changed (self);
  /* What hangs from it depends on its id only: the lists say when it changes */
  if (!same)
    helder_priorities_view_update_hangers (self);
}
