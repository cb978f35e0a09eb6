/* helder-preferences-window.c
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-application.h"
#include "helder-preferences-window.h"

struct _HelderPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *language_row;
  AdwComboRow          *level_row;
  GtkSwitch            *live_switch;
  AdwActionRow         *data_row;
  AdwEntryRow          *server_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *server_status;
  GtkWidget            *login_button;
  GtkWidget            *logout_button;

  /* owned */
  HelderApplication    *application;
  HelderSyncClient     *login_client;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (HelderPreferencesWindow, helder_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the language row's items. */
static const char *languages[] = { "nl_NL", "nl_BE", "en_US" };

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (languages))
    return NULL;
  return g_variant_new_string (languages[selected]);
}

static gboolean
level_to_selected (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_int32 (variant), 1, 4) - 1);
  return TRUE;
}

static GVariant *
selected_to_level (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > 3)
    return NULL;
  return g_variant_new_int32 (selected + 1);
}

static void
update_server_status (HelderPreferencesWindow *self)
{
  HelderSyncClient *sync = helder_application_get_sync (self->application);
  gboolean logged_in = sync != NULL && helder_sync_client_get_state (sync) != HELDER_SYNC_STATE_LOGGED_OUT;
  g_autofree char *text = NULL;

  if (logged_in)
    text = g_strdup_printf (_("Logged in to %s."), helder_sync_client_get_server_url (sync));
  else
    text = g_strdup (_("Not logged in: your work stays on this computer."));
  gtk_label_set_text (self->server_status, text);
  gtk_widget_set_visible (self->logout_button, logged_in);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HelderPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = helder_sync_client_login_finish (HELDER_SYNC_CLIENT (source), result, &error);

  gtk_widget_set_sensitive (self->login_button, TRUE);
  if (token == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Could not log in: %s"), error->message);
          gtk_label_set_text (self->server_status, text);
        }
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  helder_application_connect (self->application, helder_sync_client_get_server_url (HELDER_SYNC_CLIENT (source)),
                              gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                              helder_sync_client_get_role (HELDER_SYNC_CLIENT (source)), token);
  update_server_status (self);
}

static void
on_log_in (HelderPreferencesWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  HelderStore *store = helder_application_get_store (self->application);

  if (store == NULL || *url == '\0' || *user == '\0' || *password == '\0')
    {
      gtk_label_set_text (self->server_status, _("Fill in the server address, your user name and your password."));
      return;
    }

  g_clear_object (&self->login_client);
  self->login_client = helder_sync_client_new (store, url);
  gtk_widget_set_sensitive (self->login_button, FALSE);
  gtk_label_set_text (self->server_status, _("Logging in…"));
  helder_sync_client_login_async (self->login_client, user, password, self->cancellable,
                                  login_done, g_object_ref (self));
}

static void
on_log_out (HelderPreferencesWindow *self)
{
  helder_application_disconnect (self->application);
  update_server_status (self);
}

static void
helder_preferences_window_dispose (GObject *object)
{
  HelderPreferencesWindow *self = HELDER_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->login_client);
  g_clear_object (&self->application);

  gtk_widget_dispose_template (GTK_WIDGET (object), HELDER_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (helder_preferences_window_parent_class)->dispose (object);
}

static void
helder_preferences_window_class_init (HelderPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/hltsamen/Helder/ui/helder-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, level_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, live_switch);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, data_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, server_status);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, login_button);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, logout_button);
  gtk_widget_class_bind_template_callback (widget_class, on_log_in);
  gtk_widget_class_bind_template_callback (widget_class, on_log_out);
}

static void
helder_preferences_window_init (HelderPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

HelderPreferencesWindow *
helder_preferences_window_new (HelderApplication *application)
{
  HelderPreferencesWindow *self;
  GSettings *settings;
  HelderStore *store;

  g_return_val_if_fail (HELDER_IS_APPLICATION (application), NULL);

  self = g_object_new (HELDER_TYPE_PREFERENCES_WINDOW, NULL);
  settings = helder_application_get_settings (application);

  g_settings_bind_with_mapping (settings, "spelling-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_selected, selected_to_language,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "target-level", self->level_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, level_to_selected, selected_to_level,
                                NULL, NULL);
  g_settings_bind (settings, "live-checking", self->live_switch, "active", G_SETTINGS_BIND_DEFAULT);

  store = helder_application_get_store (application);
  adw_action_row_set_subtitle (self->data_row, store ? helder_store_get_path (store) : _("Not opened"));

  self->application = g_object_ref (application);
  {
    g_autofree char *url = g_settings_get_string (settings, "server-url");
    g_autofree char *user = g_settings_get_string (settings, "server-user");

    gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  }
  update_server_status (self);

  return self;
}
