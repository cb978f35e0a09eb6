/* helder-token-store.c: the server token, in the keyring
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "helder-token-store.h"

/* The token that lets this desktop sync lives in the user's keyring
 * (Secret Service, or the portal in a Flatpak), never in a plain file.
 * Every call is asynchronous: a keyring may ask to be unlocked, and the
 * main loop must not wait for that.  Without a keyring the token lives in
 * memory only and the user logs in again next time. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "nl.hltsamen.Helder.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

void
helder_token_store_lookup_async (const char          *server,
                                 const char          *user,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  secret_password_lookup (token_schema (), cancellable, callback, user_data,
                          "server", server, "user", user, NULL);
}

char *
helder_token_store_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

static void
stored (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("No keyring: the server token is kept until Helder quits (%s)", error->message);
}

void
helder_token_store_save (const char *server,
                         const char *user,
                         const char *token)
{
  g_autofree char *label = g_strdup_printf (_("Helder: %s on %s"), user, server);

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token, NULL, stored, NULL,
                         "server", server, "user", user, NULL);
}

static void
cleared (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_message ("Could not remove the server token from the keyring: %s", error->message);
}

void
helder_token_store_clear (const char *server,
                          const char *user)
{
  secret_password_clear (token_schema (), NULL, cleared, NULL, "server", server, "user", user, NULL);
}
