/* helder-channel-advice-view.c: Advies: the selected message's channels, ranked, with reasons
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-advice-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channel-advice-view.h"
#include "helder-channels-format.h"

/* The messages on the left; on the right the advice for the selected one:
 * its warnings (rules the choice breaks, the contact pressure in its
 * week, a kept reason for an earlier exception) and every channel best
 * first, ticked when chosen, marked when proposed, opening to its reasons.
 * Ticking changes the choice here; "Save Choice" keeps it through the
 * service, and a choice that breaks a hard rule first asks for a reason. */

struct _HelderChannelAdviceView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkListView    *message_list;
  GtkStack       *detail_stack;
  GtkLabel       *title_label;
  GtkLabel       *facts_label;
  GtkListBox     *advice_warnings;
  GtkListBox     *advice_channels;

  /* owned */
  HelderChannelsContext *context;
  GtkStringFilter       *filter;
  GtkSingleSelection    *selection;
  HelderRecord          *message;
  gboolean              *pending;      /* the choice being made, per channel */
  guint                  n_pending;
  gboolean               dirty;        /* pending differs from the stored choice */
};

G_DEFINE_FINAL_TYPE (HelderChannelAdviceView, helder_channel_advice_view, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
may_choose (HelderChannelAdviceView *self)
{
  return self->context != NULL &&
         helder_service_may_create (HELDER_SERVICE (helder_channels_context_get_service (self->context)),
                                    HELDER_TYPE_MESSAGE);
}

static void
actions_update (HelderChannelAdviceView *self)
{
  gboolean may = may_choose (self) && self->message != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "advice.save", may && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "advice.apply", may);
}

static void
add_warning (HelderChannelAdviceView *self,
             const char              *icon_name,
             const char              *style,
             const char              *title,
             const char              *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strcmp0 (style, "success") == 0 ? _("Fine") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->advice_warnings, row);
}

static void
show_warnings (HelderChannelAdviceView *self,
               HelderChannelAdvice     *advice)
{
  HelderContactPressure *pressure = helder_channels_context_get_pressure (self->context);
  g_autoptr(HelderChannelChoice) stored = helder_channel_choice_parse (helder_record_get_text (self->message, "channels"));
  g_auto(HelderPressureCheck) check = { 0 };
  HelderWeek week = helder_week_from_date (helder_record_get_text (self->message, "window_start"));
  guint broken = helder_channels_context_check_chosen (self->context, self->message, self->pending);
  gboolean any = FALSE;

  clear_list (self->advice_warnings);

  if (stored->override_rules != 0 && !self->dirty)
    {
      g_autofree char *rules = helder_channels_format_rules (stored->override_rules);
      g_autofree char *at = helder_channels_format_date (stored->override_at);
      g_autofree char *title = g_strdup_printf (_("An exception, with its reason: %s"),
                                                stored->override_reason ? stored->override_reason : "");
      g_autofree char *subtitle = g_strdup_printf (_("%s Kept by %s on %s."), rules,
                                                   stored->override_by ? stored->override_by : _("someone"), at);

      add_warning (self, "dialog-information-symbolic", "accent", title, subtitle);
      any = TRUE;
    }
  else
    for (guint r = 0; r < HELDER_N_CHANNEL_RULES; r++)
      if (broken & (1u << r))
        {
          add_warning (self, "dialog-warning-symbolic", "warning", helder_channel_rule_describe (1u << r),
                       _("The choice breaks this rule: saving it asks for a reason."));
          any = TRUE;
        }

  for (guint r = 0; r < HELDER_N_CHANNEL_RULES; r++)
    if (advice->unmet & (1u << r))
      {
        add_warning (self, "dialog-error-symbolic", "error", helder_channel_rule_describe (1u << r),
                     _("No channel in the settings can meet this rule: add or change a channel."));
        any = TRUE;
      }

  if (week != 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      HelderWeek today = helder_week_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                               g_date_time_get_day_of_month (now));
      g_autofree char *text = NULL;

      helder_contact_pressure_check (pressure, self->message, week, today, &check);
      if ((text = helder_pressure_check_describe (pressure, &check)) != NULL)
        {
          g_autofree char *w = helder_week_format (week);
          g_autofree char *title = g_strdup_printf (_("Too many messages in %s"), w);

          add_warning (self, "dialog-warning-symbolic", "warning", title, text);
          any = TRUE;
        }
    }

  if (advice->no_audience)
    {
      add_warning (self, "dialog-information-symbolic", NULL, _("No audience yet"),
                   _("The advice is for all residents until the message names its audiences."));
      any = TRUE;
    }
  if (advice->too_hard > 0)
    {
      g_autofree char *title = g_strdup_printf (_("The text is at level %d: harder than some channels’ target"),
                                                advice->text_level);

      add_warning (self, "dialog-warning-symbolic", "warning", title, NULL);
      any = TRUE;
    }

  if (!any)
    add_warning (self, "emblem-ok-symbolic", "success", _("No warnings"),
                 _("The choice keeps the rules, and no audience gets too many messages that week."));
}

static void
check_toggled (HelderChannelAdviceView *self,
               GtkCheckButton          *check)
{
  guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "channel")) - 1;
  g_autofree gboolean *stored = NULL;

  if (self->message == NULL || channel >= self->n_pending)
    return;
  self->pending[channel] = gtk_check_button_get_active (check);
  stored = g_new0 (gboolean, self->n_pending);
  helder_channels_context_get_chosen (self->context, self->message, stored);
  self->dirty = memcmp (stored, self->pending, self->n_pending * sizeof (gboolean)) != 0;
  show_warnings (self, helder_channels_context_get_advice (self->context, self->message));
  actions_update (self);
}

static GtkWidget *
channel_row (HelderChannelAdviceView *self,
             HelderChannelAdvice     *advice,
             guint                    c)
{
  HelderChannelSettings *settings = advice->settings;
  const HelderChannelInfo *info = helder_channel_settings_get_channel (settings, c);
  const HelderChannelScore *score = &advice->scores[c];
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *points = gtk_label_new (NULL);
  g_autofree char *summary = helder_channel_advice_summary (advice, c);
  g_autofree char *score_text = helder_channels_format_score (score->score);
  g_autofree char *check_label = g_strdup_printf (_("Choose %s"), info->name);
  g_autofree char *points_label = g_strdup_printf (_("%s points"), score_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  gtk_widget_set_name (row, info->key ? info->key : info->id);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->pending[c]);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (check, may_choose (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  g_object_set_data (G_OBJECT (check), "channel", GUINT_TO_POINTER (c + 1));
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  if (score->proposed)
    {
      GtkWidget *tag = gtk_label_new (score->added_by ? _("Required") : _("Proposed"));

      gtk_widget_add_css_class (tag, "channel-tag");
      gtk_widget_add_css_class (tag, score->added_by ? "required" : "proposed");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }
  gtk_label_set_text (GTK_LABEL (points), score_text);
  gtk_widget_add_css_class (points, "numeric");
  gtk_widget_add_css_class (points, "title-4");
  gtk_widget_set_tooltip_text (points, points_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (points), GTK_ACCESSIBLE_PROPERTY_LABEL, points_label, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), points);

  if (score->added_by != 0)
    {
      GtkWidget *reason = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Added by a rule: %s"), helder_channel_rule_describe (score->added_by));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (reason), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
    }
  for (guint r = 0; r < score->n_reasons; r++)
    {
      GtkWidget *reason = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (NULL);
      g_autofree char *text = helder_advice_reason_describe (settings, &score->reasons[r]);
      g_autofree char *value_text = helder_channels_format_points (score->reasons[r].points);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reason), helder_criterion_get_label (score->reasons[r].criterion));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (reason), 0);
      gtk_label_set_text (GTK_LABEL (value), value_text);
      gtk_label_set_width_chars (GTK_LABEL (value), 4);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, score->reasons[r].points > 0 ? "success" : "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (reason), value);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
    }
  return row;
}

static void
show_message (HelderChannelAdviceView *self,
              HelderRecord            *message)
{
  HelderChannelAdvice *advice;
  HelderChannelSettings *settings;
  g_autofree char *facts = NULL;

  g_set_object (&self->message, message);
  clear_list (self->advice_channels);
  clear_list (self->advice_warnings);
  if (message == NULL || self->context == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      actions_update (self);
      return;
    }

  settings = helder_channels_context_get_settings (self->context);
  advice = helder_channels_context_get_advice (self->context, message);
  g_free (self->pending);
  self->n_pending = helder_channel_settings_get_n_channels (settings);
  self->pending = g_new0 (gboolean, MAX (self->n_pending, 1));
  helder_channels_context_get_chosen (self->context, message, self->pending);
  self->dirty = FALSE;

  gtk_label_set_text (self->title_label, helder_record_get_title (message));
  facts = helder_channels_format_facts (self->context, message);
  gtk_label_set_text (self->facts_label, facts);
  show_warnings (self, advice);
  for (guint i = 0; i < advice->n_scores; i++)
    gtk_list_box_append (self->advice_channels, channel_row (self, advice, advice->ranking[i]));
  gtk_stack_set_visible_child_name (self->detail_stack, "advice");
  actions_update (self);
}

static void
selection_changed (HelderChannelAdviceView *self)
{
  show_message (self, self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL);
}

static void
context_changed (HelderChannelAdviceView *self)
{
  HelderRecord *selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  /* A hand choice being made stays while nothing about it changed */
  if (self->dirty && selected == self->message)
    return;
  show_message (self, selected);
}

static void
search_changed (HelderChannelAdviceView *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  HelderRecord *message = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(HelderChannelChoice) choice = helder_channel_choice_parse (helder_record_get_text (message, "channels"));
  HelderWeek week = helder_week_from_date (helder_record_get_text (message, "window_start"));
  g_autofree char *w = week ? helder_week_format (week) : g_strdup (_("No date"));
  g_autofree char *text = NULL;

  if (choice->entries->len == 0)
    text = g_strdup_printf (_("%s · no channels yet"), w);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u channel", "%s · %u channels",
                                         choice->entries->len), w, choice->entries->len);
  gtk_label_set_text (GTK_LABEL (title), helder_record_get_title (message));
  gtk_label_set_text (GTK_LABEL (subtitle), text);
}

static void
save_with (HelderChannelAdviceView *self,
           const char              *reason)
{
  g_autoptr(GError) error = NULL;
  HelderChannelAdvice *advice = helder_channels_context_get_advice (self->context, self->message);
  g_autoptr(HelderRecord) message = g_object_ref (self->message);

  if (!helder_channels_service_choose (helder_channels_context_get_service (self->context), message,
                                       helder_channels_context_get_settings (self->context), advice,
                                       self->pending, reason, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                  _("Could not keep the choice of channels"), error->message);
      return;
    }
  self->dirty = FALSE;
  actions_update (self);
}

static void
reason_changed (AdwMessageDialog *dialog,
                GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static void
reason_response (HelderChannelAdviceView *self,
                 const char              *response,
                 AdwMessageDialog        *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "save") == 0 && self->message != NULL)
    save_with (self, gtk_editable_get_text (entry));
}

/* Saves the choice; one that breaks a hard rule asks for the reason first. */
static void
save (HelderChannelAdviceView *self)
{
  guint broken;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;

  if (self->message == NULL)
    return;
  broken = helder_channels_context_check_chosen (self->context, self->message, self->pending);
  if (broken == 0)
    {
      save_with (self, NULL);
      return;
    }

  body = helder_channels_format_rules (broken);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Depart From the Rules?"), NULL));
  adw_message_dialog_format_body (dialog, _("%s Say why: the reason is kept with the message."), body);
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "reason_entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save With Reason"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (reason_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    gtk_window_set_application (GTK_WINDOW (dialog),
                                gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (HELDER_CHANNEL_ADVICE_VIEW (widget));
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderChannelAdviceView *self = HELDER_CHANNEL_ADVICE_VIEW (widget);
  HelderChannelAdvice *advice;

  if (self->message == NULL)
    return;
  advice = helder_channels_context_get_advice (self->context, self->message);
  for (guint c = 0; c < self->n_pending && c < advice->n_scores; c++)
    self->pending[c] = advice->scores[c].proposed;
  save (self);
}

void
helder_channel_advice_view_set_context (HelderChannelAdviceView *self,
                                        HelderChannelsContext   *context)
{
  g_return_if_fail (HELDER_IS_CHANNEL_ADVICE_VIEW (self));

  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed, self);
  g_set_object (&self->context, context);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  if (context != NULL)
    {
      GtkExpression *title = gtk_property_expression_new (HELDER_TYPE_MESSAGE, NULL, "title");
      GtkFilterListModel *filtered;

      self->filter = gtk_string_filter_new (title);
      gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
      filtered = gtk_filter_list_model_new (g_object_ref (helder_channels_context_get_messages (context)),
                                            GTK_FILTER (g_object_ref (self->filter)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
      g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "changed", G_CALLBACK (context_changed), self, G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->message_list, GTK_SELECTION_MODEL (self->selection));
  selection_changed (self);
}

/* Selects the message with @message_id; FALSE if the list has none. */
gboolean
helder_channel_advice_view_select (HelderChannelAdviceView *self,
                                   const char              *message_id)
{
  GListModel *model;

  g_return_val_if_fail (HELDER_IS_CHANNEL_ADVICE_VIEW (self), FALSE);

  if (self->selection == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (helder_record_get_id (record), message_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->message_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

HelderRecord *
helder_channel_advice_view_get_message (HelderChannelAdviceView *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNEL_ADVICE_VIEW (self), NULL);
  return self->message;
}

/* Ticks or unticks @channel, as the check button does. */
void
helder_channel_advice_view_set_chosen (HelderChannelAdviceView *self,
                                       guint                    channel,
                                       gboolean                 chosen)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->advice_channels)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      /* the check button is somewhere inside the row */
      g_ptr_array_add (stack, row);
      while (stack->len > 0)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_CHECK_BUTTON (w) &&
              g_object_get_data (G_OBJECT (w), "channel") == GUINT_TO_POINTER (channel + 1))
            {
              gtk_check_button_set_active (GTK_CHECK_BUTTON (w), chosen);
              return;
            }
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
}

/**
 * helder_channel_advice_view_toggle:
 *
 * Selects the message, ticks or unticks @channel and saves the choice:
 * a set that breaks a rule asks for the reason first (the matrix's cells
 * change the choice this way).
 */
void
helder_channel_advice_view_toggle (HelderChannelAdviceView *self,
                                   const char              *message_id,
                                   guint                    channel,
                                   gboolean                 chosen)
{
  g_return_if_fail (HELDER_IS_CHANNEL_ADVICE_VIEW (self));

  if (!helder_channel_advice_view_select (self, message_id) || self->message == NULL)
    return;
  helder_channel_advice_view_set_chosen (self, channel, chosen);
  if (self->dirty)
    save (self);
}

void
helder_channel_advice_view_focus_search (HelderChannelAdviceView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
helder_channel_advice_view_dispose (GObject *object)
{
  HelderChannelAdviceView *self = HELDER_CHANNEL_ADVICE_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed, self);
  if (self->message_list != NULL)
    gtk_list_view_set_model (self->message_list, NULL);
  self->message_list = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);
  g_clear_object (&self->message);
  /* dispose may run twice: the bin drops its child (the template's tree) once */
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (helder_channel_advice_view_parent_class)->dispose (object);
}

static void
helder_channel_advice_view_finalize (GObject *object)
{
  g_free (HELDER_CHANNEL_ADVICE_VIEW (object)->pending);

  G_OBJECT_CLASS (helder_channel_advice_view_parent_class)->finalize (object);
}

static void
helder_channel_advice_view_class_init (HelderChannelAdviceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_channel_advice_view_dispose;
  object_class->finalize = helder_channel_advice_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-channel-advice-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, message_list);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, facts_label);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, advice_warnings);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelAdviceView, advice_channels);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);

  gtk_widget_class_install_action (widget_class, "advice.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "advice.apply", NULL, apply_activated);
}

static void
helder_channel_advice_view_init (HelderChannelAdviceView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_list_view_set_factory (self->message_list, factory);
  actions_update (self);
}
