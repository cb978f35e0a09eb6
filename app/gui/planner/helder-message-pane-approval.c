/* helder-message-pane-approval.c: the pane's approval steps, status and history
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-message-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-message-pane-private.h"

/* The steps the status allows are buttons, insensitive with the reason
 * shown when the rules say no; sending someone else's message back asks
 * why.  The history lists every status change, newest first. */

typedef struct
{
  HelderMessageStatus to;
  const char         *label;
  gboolean            suggested;
} Step;

static const Step steps[] = {
  { HELDER_MESSAGE_DRAFT, N_("Start Draft"), TRUE },
  { HELDER_MESSAGE_REVIEW, N_("Send for Review"), TRUE },
  { HELDER_MESSAGE_APPROVED, N_("Approve"), TRUE },
  { HELDER_MESSAGE_DRAFT, N_("Send Back…"), FALSE },
  { HELDER_MESSAGE_PUBLISHED, N_("Mark Published"), TRUE },
  { HELDER_MESSAGE_IDEA, N_("Back to Idea"), FALSE },
  { HELDER_MESSAGE_REVIEW, N_("Review Again"), FALSE },
  { HELDER_MESSAGE_APPROVED, N_("Not Published"), FALSE },
};

static char *
user_name (HelderMessagePane *self,
           const char        *login)
{
  guint n = self->users ? g_list_model_get_n_items (G_LIST_MODEL (self->users)) : 0;

  if (login == NULL)
    return g_strdup (_("someone"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) user = g_list_model_get_item (G_LIST_MODEL (self->users), i);

      if (g_strcmp0 (helder_record_get_text (user, "login"), login) == 0)
        return g_strdup (helder_record_get_text (user, "name"));
    }
  return g_strdup (login);
}

static char *
format_moment (const char *iso)
{
  g_autoptr(GDateTime) when = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  GDate date;

  if (local == NULL)
    {
      if (!helder_date_from_iso (iso, &date))
        return g_strdup ("");
      return helder_format_day (&date, FALSE);
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = helder_format_day (&date, FALSE);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time: "2 december 2026 om 14:05" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

static void
on_step_clicked (HelderMessagePane *self,
                 GtkButton         *button);

/* Whether the one at the desk wrote the message or sent it for review */
static gboolean
is_own (HelderMessagePane *self)
{
  g_autofree char *submitter = helder_message_find_submitter (self->message, G_LIST_MODEL (self->history));
  const char *login = helder_session_get_login (helder_service_get_session (HELDER_SERVICE (self->service)));

  return login != NULL &&
         (g_strcmp0 (login, submitter) == 0 || g_strcmp0 (login, helder_record_get_text (self->message, "author")) == 0);
}

static void
update_steps (HelderMessagePane *self)
{
  HelderMessageStatus status = helder_message_get_status (self->message);
  HelderSession *session = helder_service_get_session (HELDER_SERVICE (self->service));
  const char *login = helder_session_get_login (session);
  /* From the history the pane follows: each step's rule needs it */
  g_autofree char *submitter = helder_message_find_submitter (self->message, G_LIST_MODEL (self->history));
  gboolean own = login != NULL && (g_strcmp0 (login, submitter) == 0 ||
                                   g_strcmp0 (login, helder_record_get_text (self->message, "author")) == 0);
  g_autofree char *first_reason = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *reason = NULL;
      const char *label;
      GtkWidget *button;
      gboolean allowed;

      if (!helder_message_step_exists (status, steps[i].to))
        continue;
      /* "Send back" is the reviewer's word; "start draft" the way forward from an idea */
      if (steps[i].to == HELDER_MESSAGE_DRAFT && (i == 0) != (status == HELDER_MESSAGE_IDEA))
        continue;
      if (steps[i].to == HELDER_MESSAGE_REVIEW && (i == 1) != (status == HELDER_MESSAGE_DRAFT))
        continue;
      if (steps[i].to == HELDER_MESSAGE_APPROVED && (i == 2) != (status == HELDER_MESSAGE_REVIEW))
        continue;
      /* The comment a send-back needs is asked for when it is taken */
      allowed = helder_message_may_step (self->message, steps[i].to, login, helder_session_get_role (session),
                                         submitter, "…", &reason);
      /* The author takes their own message back; a reviewer sends it back */
      label = i == 3 && status == HELDER_MESSAGE_REVIEW && own ? _("Back to Draft") : _(steps[i].label);
      g_string_append_printf (signature, "%u %s %d %s|", i, label, allowed, reason ? reason : "");
      button = g_object_ref_sink (gtk_button_new_with_label (label));
      if (steps[i].suggested)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_set_sensitive (button, allowed);
      if (!allowed)
        gtk_widget_set_tooltip_text (button, reason);
      if (!allowed && first_reason == NULL)
        first_reason = g_steal_pointer (&reason);
      g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_step_clicked), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (buttons, button);
      any = TRUE;
    }
  /* The same steps keep their buttons (and the focus on them) */
  if (g_strcmp0 (signature->str, self->steps_signature) == 0)
    return;
  g_free (self->steps_signature);
  self->steps_signature = g_strdup (signature->str);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps))) != NULL)
    gtk_flow_box_remove (self->steps, child);
  for (guint i = 0; i < buttons->len; i++)
    gtk_flow_box_append (self->steps, buttons->pdata[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->steps), any);
  gtk_label_set_text (self->reason_label, first_reason ? first_reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), first_reason != NULL);
}

void
helder_message_pane_update_status (HelderMessagePane *self)
{
  HelderMessageStatus status = helder_message_get_status (self->message);
  const char *approver = helder_record_get_text (self->message, "approver");
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < HELDER_MESSAGE_N_STATES; i++)
    {
      g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (i), NULL);

      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), css);
    }
  {
    g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (status), NULL);

    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css);
  }
  gtk_image_set_from_icon_name (self->status_icon, helder_message_status_icon_name (status));
  if (approver != NULL && status >= HELDER_MESSAGE_APPROVED)
    {
      g_autofree char *name = user_name (self, approver);
      g_autofree char *when = format_moment (helder_record_get_text (self->message, "approved_at"));

      /* Translators: status, approver, when: "Goedgekeurd door Joost Bakker op 2 december 2026 om 14:05" */
      subtitle = g_strdup_printf (_("%s by %s on %s"), helder_message_status_label (status), name, when);
    }
  else
    {
      g_autofree char *author = user_name (self, helder_record_get_text (self->message, "author"));

      /* Translators: status and who wrote the message */
      subtitle = helder_record_get_text (self->message, "author")
               ? g_strdup_printf (_("%s, written by %s"), helder_message_status_label (status), author)
               : g_strdup (helder_message_status_label (status));
    }
  adw_action_row_set_subtitle (self->status_row, subtitle);
  update_steps (self);
}

/* History */

void
helder_message_pane_update_history (HelderMessagePane *self)
{
  GtkWidget *child;
  guint n = self->history ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  /* Newest first */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(HelderRecord) event = g_list_model_get_item (G_LIST_MODEL (self->history), i - 1);
      HelderMessageStatus to = helder_message_status_from_string (helder_record_get_text (event, "to_status"));
      const char *comment = helder_record_get_text (event, "comment");
      g_autofree char *who = user_name (self, helder_record_get_text (event, "actor"));
      g_autofree char *when = format_moment (helder_record_get_text (event, "at"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (helder_message_status_icon_name (to));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_message_status_label (to));
      subtitle = comment ? g_strdup_printf ("%s · %s\n“%s”", who, when, comment)
                         : g_strdup_printf ("%s · %s", who, when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      {
        g_autofree char *css = g_strconcat ("status-", helder_message_status_to_string (to), NULL);

        gtk_widget_add_css_class (icon, css);
      }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->history_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No status changes yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

/* Steps */

/**
 * helder_message_pane_step:
 * @comment: (nullable): with a send-back, why
 *
 * Takes the shown message to @to, as its buttons do.
 */
gboolean
helder_message_pane_step (HelderMessagePane   *self,
                          HelderMessageStatus  to,
                          const char          *comment)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HELDER_IS_MESSAGE_PANE (self), FALSE);

  if (self->message == NULL || self->service == NULL)
    return FALSE;
  if (!helder_plan_service_step_message (self->service, self->message, to, comment, &error))
    {
      helder_message_pane_show_error (self, _("Could not change the message’s status"), error);
      return FALSE;
    }
  return TRUE;
}

static void
on_send_back_response (AdwMessageDialog  *dialog,
                       const char        *response,
                       HelderMessagePane *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "send-back") == 0)
    helder_message_pane_step (self, HELDER_MESSAGE_DRAFT, gtk_editable_get_text (entry));
}

static void
on_comment_changed (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "send-back", *text != '\0');
}

static void
ask_comment (HelderMessagePane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Send Back to the Author?"),
                                                       _("Say what should change, so the author knows. "
                                                         "The message goes back to draft.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "send-back", _("_Send Back"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "send-back", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "send-back", FALSE);
  adw_message_dialog_set_default_response (dialog, "send-back");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What should change"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_comment_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_send_back_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_step_clicked (HelderMessagePane *self,
                 GtkButton         *button)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));

  /* Sending someone else's message back asks why */
  if (steps[i].to == HELDER_MESSAGE_DRAFT && helder_message_get_status (self->message) == HELDER_MESSAGE_REVIEW &&
      !is_own (self))
    {
      ask_comment (self);
      return;
    }
  helder_message_pane_step (self, steps[i].to, NULL);
}
