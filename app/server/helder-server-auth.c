/* helder-server-auth.c: passwords, tokens and login
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <argon2.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"

G_DEFINE_QUARK (helder-server-user, helder_server_user)

/* Crypto helpers */

static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n > 0)
        done += n;
      else
        g_assert (n >= 0 || errno == EINTR);
    }
}

char *
helder_server_sha256_hex (const void *data,
                          gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

gboolean
helder_server_equal_in_constant_time (const char *a,
                                      const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint8 diff = la != lb;

  for (gsize i = 0; i < MIN (la, lb); i++)
    diff |= a[i] ^ b[i];
  return diff == 0;
}

/**
 * helder_server_hash_password:
 *
 * Returns: (transfer full): an encoded argon2id hash of @password.
 */
char *
helder_server_hash_password (const char  *password,
                             GError     **error)
{
  guint8 salt[16];
  char encoded[256];
  int rc;

  random_bytes (salt, sizeof salt);
  /* 3 passes over 64 MiB: OWASP's minimum for argon2id and about 0.1 s. */
  rc = argon2id_hash_encoded (3, 1 << 16, 1, password, strlen (password), salt, sizeof salt,
                              32, encoded, sizeof encoded);
  if (rc != ARGON2_OK)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                   "Could not hash the password: %s", argon2_error_message (rc));
      return NULL;
    }
  return g_strdup (encoded);
}

/* Authentication */

/* The SHA-256 of the request's bearer token, or NULL without one */
char *
helder_server_token_hash (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     HELDER_HEADER_AUTHORIZATION);

  if (header == NULL || !g_str_has_prefix (header, HELDER_BEARER_PREFIX) || strlen (header) > 200)
    return NULL;
  return helder_server_sha256_hex (header + 7, strlen (header + 7));
}

void
helder_server_refuse_token (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"helder\"");
  helder_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, HELDER_CODE_UNAUTHORIZED, "A valid bearer token is required");
}

/* @user's token was found: named in the request log; the data epoch read
 * with it goes on the answer. */
void
helder_server_authenticated (HelderServer           *self,
                             SoupServerMessage      *msg,
                             const HelderServerUser *user)
{
  g_object_set_qdata_full (G_OBJECT (msg), helder_server_user_quark (), g_strdup (user->login), g_free);
  helder_server_note_epoch (self, msg, user->epoch);
}

gboolean
helder_server_authenticate (HelderServer      *self,
                            SoupServerMessage *msg,
                            HelderServerUser  *user)
{
  g_autofree char *hash = helder_server_token_hash (msg);
  g_autoptr(GError) error = NULL;

  if (hash == NULL)
    goto refuse;

  if (!HELDER_SERVER_STORAGE_GET_IFACE (self->storage)->find_token (self->storage, hash, user, &error))
    {
      /* Only a token the storage does not know is refused: a storage
       * that cannot answer must not log anyone out. */
      if (!g_error_matches (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND))
        {
          helder_server_respond_unavailable (msg, error);
          return FALSE;
        }
      goto refuse;
    }

  helder_server_authenticated (self, msg, user);
  return TRUE;

refuse:
  helder_server_refuse_token (msg);
  return FALSE;
}

/* Login, with attempts limited per user and per address */

static const char *
client_address (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return host ? host : "unknown";
}

static Attempts *
attempts_for (HelderServer *self,
              const char   *key)
{
  Attempts *a = g_hash_table_lookup (self->attempts, key);
  gint64 now = g_get_monotonic_time ();

  if (a == NULL)
    {
      a = g_new0 (Attempts, 1);
      g_hash_table_insert (self->attempts, g_strdup (key), a);
    }
  if (now - a->window_start > LOGIN_WINDOW_USEC)
    {
      a->failures = 0;
      a->window_start = now;
    }
  return a;
}

static gboolean
refuse_if_limited (SoupServerMessage *msg,
                   Attempts          *a,
                   guint              max)
{
  gint64 wait;
  char seconds[32];

  if (a->failures < max)
    return FALSE;
  wait = (a->window_start + LOGIN_WINDOW_USEC - g_get_monotonic_time ()) / G_USEC_PER_SEC + 1;
  g_snprintf (seconds, sizeof seconds, "%" G_GINT64_FORMAT, MAX (wait, 1));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), HELDER_HEADER_RETRY_AFTER, seconds);
  helder_server_respond_error (msg, HELDER_STATUS_TOO_MANY_REQUESTS, HELDER_CODE_TOO_MANY_ATTEMPTS,
                               "Too many failed logins; try again later");
  return TRUE;
}

void
helder_server_handle_login (HelderServer      *self,
                            SoupServerMessage *msg)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_autoptr(JsonObject) body = NULL;
  g_auto(HelderServerUser) user = { 0 };
  g_autofree char *password_hash = NULL;
  g_autofree char *user_key = NULL;
  g_autofree char *address_key = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *login, *password;
  Attempts *by_user, *by_address;
  guint8 raw[32];
  gboolean ok;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      helder_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, HELDER_CODE_METHOD_NOT_ALLOWED, "Use POST");
      return;
    }
  if ((body = helder_server_parse_json_object (msg, NULL)) == NULL)
    return;

  login = json_object_get_string_member_with_default (body, HELDER_MEMBER_USER, NULL);
  password = json_object_get_string_member_with_default (body, HELDER_MEMBER_PASSWORD, NULL);
  if (login == NULL || *login == '\0')
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "user: a string is required");
      return;
    }
  if (password == NULL)
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD, "password: a string is required");
      return;
    }

  user_key = g_strconcat ("user:", login, NULL);
  address_key = g_strconcat ("addr:", client_address (msg), NULL);
  by_user = attempts_for (self, user_key);
  by_address = attempts_for (self, address_key);
  if (refuse_if_limited (msg, by_user, LOGIN_MAX_PER_USER) ||
      refuse_if_limited (msg, by_address, LOGIN_MAX_PER_ADDRESS))
    return;

  ok = storage->find_login (self->storage, login, &user, &password_hash, &error);
  if (!ok && !g_error_matches (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND))
    {
      helder_server_respond_unavailable (msg, error);
      return;
    }
  ok = ok && argon2id_verify (password_hash, password, strlen (password)) == ARGON2_OK;
  if (!ok)
    {
      by_user->failures++;
      by_address->failures++;
      helder_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, HELDER_CODE_BAD_CREDENTIALS, "Wrong user name or password");
      return;
    }
  by_user->failures = 0;

  random_bytes (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  token_hash = helder_server_sha256_hex (token, strlen (token));
  if (!storage->add_token (self->storage, user.id, token_hash, &error))
    {
      helder_server_respond_unavailable (msg, error);
      return;
    }
  g_object_set_qdata_full (G_OBJECT (msg), helder_server_user_quark (), g_strdup (user.login), g_free);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_TOKEN);
  json_builder_add_string_value (b, token);
  json_builder_set_member_name (b, HELDER_MEMBER_USER);
  json_builder_add_string_value (b, user.login);
  json_builder_set_member_name (b, HELDER_MEMBER_ORG);
  json_builder_add_string_value (b, user.org_slug);
  json_builder_set_member_name (b, HELDER_MEMBER_ROLE);
  json_builder_add_string_value (b, user.role);
  json_builder_end_object (b);
  reply = json_builder_get_root (b);
  helder_server_respond_json (msg, SOUP_STATUS_OK, reply);
}
