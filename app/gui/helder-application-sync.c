/* helder-application-sync.c: the login to a server and syncing with it
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-application"

#include "config.h"

#include "helder-application-private.h"
#include "helder-token-store.h"

/* Whether Helder holds a login to a server: needed to restore from it. */
gboolean
helder_application_get_logged_in (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), FALSE);

  return self->server_url != NULL && self->server_token != NULL;
}

static void
set_login (HelderApplication *self,
           const char        *url,
           const char        *user,
           const char        *token)
{
  gboolean was = helder_application_get_logged_in (self);

  if (url != self->server_url)
    {
      g_free (self->server_url);
      self->server_url = g_strdup (url);
    }
  if (user != self->server_user)
    {
      g_free (self->server_user);
      self->server_user = g_strdup (user);
    }
  if (token != self->server_token)
    {
      g_free (self->server_token);
      self->server_token = g_strdup (token);
    }
  if (was != helder_application_get_logged_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_LOGGED_IN]);
}

HelderSyncClient *
helder_application_get_sync (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->sync;
}

void
helder_application_replace_sync (HelderApplication *self,
                                 HelderSyncClient  *sync)
{
  if (self->sync != NULL)
    helder_sync_client_stop (self->sync);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    helder_sync_client_start (sync);
  g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_SYNC]);
}

/* Syncs the store with the server Helder is logged in to (a client
 * without a token shows "not logged in"); a read-only store does not
 * sync, as it could not take what the server sends. */
void
helder_application_start_sync (HelderApplication *self)
{
  g_autoptr(HelderSyncClient) sync = NULL;

  if (self->store == NULL || helder_store_is_read_only (self->store) || self->server_url == NULL)
    return;
  if (self->server_user != NULL && *self->server_user != '\0')
    helder_store_set_user (self->store, self->server_user);
  sync = helder_sync_client_new (self->store, self->server_url);
  helder_sync_client_set_token (sync, self->server_token);
  helder_application_replace_sync (self, sync);
}

/**
 * helder_application_connect:
 * @role: (nullable): the role the server gave at login, or %NULL to keep
 *   the one known
 *
 * Syncs with @server_url from now on as @user, keeping @token in the
 * keyring.
 */
void
helder_application_connect (HelderApplication *self,
                            const char        *server_url,
                            const char        *user,
                            const char        *role,
                            const char        *token)
{
  g_return_if_fail (HELDER_IS_APPLICATION (self));
  g_return_if_fail (self->store != NULL);

  g_settings_set_string (self->settings, "server-url", server_url);
  g_settings_set_string (self->settings, "server-user", user);
  if (role != NULL)
    {
      g_settings_set_string (self->settings, "server-role", role);
      helder_session_set_role (self->session, helder_role_from_string (role));
    }
  helder_token_store_save (server_url, user, token);

  set_login (self, server_url, user, token);
  helder_application_start_sync (self);
}

void
helder_application_disconnect (HelderApplication *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  g_return_if_fail (HELDER_IS_APPLICATION (self));

  url = g_settings_get_string (self->settings, "server-url");
  user = g_settings_get_string (self->settings, "server-user");
  helder_token_store_clear (url, user);
  set_login (self, self->server_url, self->server_user, NULL);
  if (self->sync != NULL)
    helder_sync_client_set_token (self->sync, NULL);
  helder_application_replace_sync (self, NULL);
}

static void
token_found (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HelderApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = helder_token_store_lookup_finish (result, &error);

  if (error != NULL)
    g_message ("No keyring: log in again in Preferences (%s)", error->message);
  set_login (self, self->server_url, self->server_user, token);
  helder_application_start_sync (self);
}

/* At start: the configured server, with the token from the keyring (or,
 * for scripts such as build-aux/run, from HELDER_SERVER_TOKEN, which is
 * then moved into the keyring).  Also when the store did not open: the
 * login may restore it. */
void
helder_application_setup_sync (HelderApplication *self)
{
  g_autofree char *url = g_strdup (self->server_override);
  g_autofree char *user = g_settings_get_string (self->settings, "server-user");
  const char *env_token = g_getenv ("HELDER_SERVER_TOKEN");
  const char *env_user = g_getenv ("HELDER_SERVER_USER");

  if (url == NULL)
    url = g_settings_get_string (self->settings, "server-url");
  if (url == NULL || *url == '\0')
    return;

  if (env_token != NULL && *env_token != '\0' && env_user != NULL)
    {
      if (self->store != NULL)
        helder_application_connect (self, url, env_user, NULL, env_token);
      else
        set_login (self, url, env_user, env_token);
      g_unsetenv ("HELDER_SERVER_TOKEN");
      return;
    }

  set_login (self, url, user, NULL);
  helder_token_store_lookup_async (url, user, NULL, token_found, g_object_ref (self));
}
