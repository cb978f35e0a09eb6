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

/* The SHA-256 of the request's bearer token, NULL without one */
char *
helder_server_token_hash (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     HELDER_HEADER_AUTHORIZATION);

  if (header == NULL || !g_str_has_prefix (header, HELDER_BEARER_PREFIX) || strlen (header) > 200)
    return NULL;
  header += strlen (HELDER_BEARER_PREFIX);
  return helder_server_sha256_hex (header, strlen (header));
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
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;

  hash = helder_server_token_hash (msg);
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

/* Login, with attempts limited per user and per address
 *
 * - The address is the peer's, or, from a trusted proxy (trusted-proxies),
 *   the last address in X-Forwarded-For that is not itself a trusted
 *   proxy: behind nginx every client would otherwise be one address.
 * - A user name over LOGIN_MAX_USER_BYTES or a password over
 *   LOGIN_MAX_PASSWORD_BYTES is refused before anything is kept, and the
 *   table of attempts holds at most LOGIN_MAX_TRACKED keys (the oldest
 *   windows go first), so failed logins cannot grow the server.
 * - argon2id runs in worker threads (GTask), at most LOGIN_WORKERS at
 *   once, the rest waiting in line: other requests never wait for it, and
 *   its 64 MiB each stay bounded.  An unknown user costs the same argon2id
 *   work as a known one (against a hash made once), so timing does not
 *   tell which user names exist. */

#define LOGIN_MAX_USER_BYTES     256
#define LOGIN_MAX_PASSWORD_BYTES 1024
#define LOGIN_MAX_TRACKED        10000
#define LOGIN_WORKERS            2

static gboolean
is_trusted_proxy (HelderServer *self,
                  const char   *address)
{
  g_autoptr(GInetAddress) inet = address ? g_inet_address_new_from_string (address) : NULL;

  if (inet == NULL || self->trusted_proxies == NULL)
    return FALSE;
  for (guint i = 0; i < self->trusted_proxies->len; i++)
    if (g_inet_address_equal (inet, self->trusted_proxies->pdata[i]))
      return TRUE;
  return FALSE;
}

/**
 * helder_server_client_address:
 *
 * Returns: (transfer full): the address a request comes from, as login
 *   limits count it
 */
char *
helder_server_client_address (HelderServer      *self,
                              SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);
  const char *forwarded;
  g_auto(GStrv) hops = NULL;

  if (host == NULL)
    return g_strdup ("unknown");
  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "X-Forwarded-For");
  if (forwarded == NULL || !is_trusted_proxy (self, host))
    return g_strdup (host);

  /* Proxies append: the last hop a trusted proxy did not add is the
   * client.  Anything before it the client could have written itself. */
  hops = g_strsplit (forwarded, ",", -1);
  for (guint i = g_strv_length (hops); i > 0; i--)
    {
      g_autoptr(GInetAddress) inet = NULL;
      char *hop = g_strstrip (hops[i - 1]);

      if (is_trusted_proxy (self, hop))
        continue;
      inet = g_inet_address_new_from_string (hop);
      return inet ? g_inet_address_to_string (inet) : g_strdup (host);
    }
  return g_strdup (host);
}

/**
 * helder_server_set_trusted_proxies:
 * @addresses: (nullable): IP addresses whose X-Forwarded-For is believed
 */
gboolean
helder_server_set_trusted_proxies (HelderServer       *self,
                                   const char * const *addresses,
                                   GError            **error)
{
  g_autoptr(GPtrArray) proxies = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HELDER_IS_SERVER (self), FALSE);

  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    {
      GInetAddress *inet = g_inet_address_new_from_string (g_strstrip (g_strdup (addresses[i])));

      if (inet == NULL)
        {
          g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                       "trusted-proxies: not an IP address: %s", addresses[i]);
          return FALSE;
        }
      g_ptr_array_add (proxies, inet);
    }
  g_clear_pointer (&self->trusted_proxies, g_ptr_array_unref);
  if (proxies->len > 0)
    self->trusted_proxies = g_steal_pointer (&proxies);
  return TRUE;
}

/**
 * helder_server_set_login_limits:
 * @per_user, @per_address: failed logins allowed in five minutes; 0
 *   keeps the default (5 and 20)
 */
void
helder_server_set_login_limits (HelderServer *self,
                                guint         per_user,
                                guint         per_address)
{
  g_return_if_fail (HELDER_IS_SERVER (self));

  if (per_user > 0)
    self->login_failures_per_user = per_user;
  if (per_address > 0)
    self->login_failures_per_address = per_address;
}

/* The oldest windows go first when the table is full. */
static void
make_room (HelderServer *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, self->attempts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (now - ((Attempts *) value)->window_start > LOGIN_WINDOW_USEC)
      g_hash_table_iter_remove (&iter);
  while (g_hash_table_size (self->attempts) >= LOGIN_MAX_TRACKED)
    {
      gpointer oldest = NULL;
      gint64 oldest_start = G_MAXINT64;

      g_hash_table_iter_init (&iter, self->attempts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Attempts *) value)->window_start < oldest_start)
          {
            oldest = key;
            oldest_start = ((Attempts *) value)->window_start;
          }
      g_hash_table_remove (self->attempts, oldest);
    }
}

static Attempts *
attempts_for (HelderServer *self,
              const char   *key)
{
  Attempts *a = g_hash_table_lookup (self->attempts, key);
  gint64 now = g_get_monotonic_time ();

  if (a == NULL)
    {
      if (g_hash_table_size (self->attempts) >= LOGIN_MAX_TRACKED)
        make_room (self);
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

typedef struct
{
  HelderServer      *self;
  SoupServerMessage *msg;
  HelderServerUser   user;
  gboolean           known;
  char              *password_hash;
  char              *password;
  char              *user_key;
  char              *address_key;
} Login;

static void
login_free (Login *login)
{
  g_object_unref (login->self);
  g_object_unref (login->msg);
  helder_server_user_clear (&login->user);
  g_free (login->password_hash);
  if (login->password != NULL)
    memset (login->password, 0, strlen (login->password));
  g_free (login->password);
  g_free (login->user_key);
  g_free (login->address_key);
  g_free (login);
}

/* What an unknown user's password is checked against */
static const char *
unknown_user_hash (void)
{
  static gsize hash;

  if (g_once_init_enter (&hash))
    {
      guint8 secret[16];
      g_autofree char *text = NULL;

      random_bytes (secret, sizeof secret);
      text = g_base64_encode (secret, sizeof secret);
      g_once_init_leave (&hash, (gsize) helder_server_hash_password (text, NULL));
    }
  return (const char *) hash;
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Login *login = data;
  const char *hash = login->known ? login->password_hash : unknown_user_hash ();
  gboolean ok = hash != NULL && argon2id_verify (hash, login->password, strlen (login->password)) == ARGON2_OK;

  g_task_return_boolean (task, ok && login->known);
}

static void start_logins (HelderServer *self);

static void
verified (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  HelderServer *self = HELDER_SERVER (source);
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  Login *login = g_task_get_task_data (G_TASK (result));
  SoupServerMessage *msg = login->msg;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint8 raw[32];

  self->logins_running--;
  start_logins (self);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      helder_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, HELDER_CODE_BAD_CREDENTIALS,
                                   "Wrong user name or password");
      soup_server_message_unpause (msg);
      return;
    }
  /* The attempt counted as a failure while it was checked. */
  attempts_for (self, login->user_key)->failures = 0;
  {
    Attempts *by_address = attempts_for (self, login->address_key);

    if (by_address->failures > 0)
      by_address->failures--;
  }

  random_bytes (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  token_hash = helder_server_sha256_hex (token, strlen (token));
  if (!storage->add_token (self->storage, login->user.id, token_hash, &error))
    {
      helder_server_respond_unavailable (msg, error);
      soup_server_message_unpause (msg);
      return;
    }
  g_object_set_qdata_full (G_OBJECT (msg), helder_server_user_quark (), g_strdup (login->user.login), g_free);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, HELDER_MEMBER_TOKEN);
  json_builder_add_string_value (b, token);
  json_builder_set_member_name (b, HELDER_MEMBER_USER);
  json_builder_add_string_value (b, login->user.login);
  json_builder_set_member_name (b, HELDER_MEMBER_ORG);
  json_builder_add_string_value (b, login->user.org_slug);
  json_builder_set_member_name (b, HELDER_MEMBER_ROLE);
  json_builder_add_string_value (b, login->user.role);
  json_builder_end_object (b);
  reply = json_builder_get_root (b);
  helder_server_respond_json (msg, SOUP_STATUS_OK, reply);
  soup_server_message_unpause (msg);
}

static void
start_logins (HelderServer *self)
{
  while (self->logins_running < LOGIN_WORKERS && !g_queue_is_empty (self->logins))
    {
      g_autoptr(GTask) task = g_queue_pop_head (self->logins);

      self->logins_running++;
      g_task_run_in_thread (task, verify_in_thread);
    }
}

void
helder_server_handle_login (HelderServer      *self,
                            SoupServerMessage *msg)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  const char *user_name, *password;
  Attempts *by_user, *by_address;
  Login *login;
  GTask *task;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      helder_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, HELDER_CODE_METHOD_NOT_ALLOWED, "Use POST");
      return;
    }
  if ((body = helder_server_parse_json_object (msg, NULL)) == NULL)
    return;

  if (!helder_server_string_member (msg, body, HELDER_MEMBER_USER, HELDER_MEMBER_USER, &user_name) ||
      !helder_server_string_member (msg, body, HELDER_MEMBER_PASSWORD, HELDER_MEMBER_PASSWORD, &password))
    return;
  if (user_name == NULL || *user_name == '\0' || strlen (user_name) > LOGIN_MAX_USER_BYTES)
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD,
                                   "user: a string of 1 to 256 bytes is required");
      return;
    }
  if (password == NULL || strlen (password) > LOGIN_MAX_PASSWORD_BYTES)
    {
      helder_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_FIELD,
                                   "password: a string of at most 1024 bytes is required");
      return;
    }

  login = g_new0 (Login, 1);
  login->self = g_object_ref (self);
  login->msg = g_object_ref (msg);
  address = helder_server_client_address (self, msg);
  login->user_key = g_strconcat ("user:", user_name, NULL);
  login->address_key = g_strconcat ("addr:", address, NULL);
  by_user = attempts_for (self, login->user_key);
  by_address = attempts_for (self, login->address_key);
  if (refuse_if_limited (msg, by_user, self->login_failures_per_user) ||
      refuse_if_limited (msg, by_address, self->login_failures_per_address))
    {
      login_free (login);
      return;
    }

  login->known = storage->find_login (self->storage, user_name, &login->user, &login->password_hash, &error);
  if (!login->known && !g_error_matches (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND))
    {
      helder_server_respond_unavailable (msg, error);
      login_free (login);
      return;
    }
  login->password = g_strdup (password);

  /* Counted as failed until it is known to be right: logins waiting in
   * line count against the limits too. */
  by_user->failures++;
  by_address->failures++;

  task = g_task_new (self, NULL, verified, NULL);
  g_task_set_source_tag (task, helder_server_handle_login);
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);
  soup_server_message_pause (msg);
  g_queue_push_tail (self->logins, task);
  start_logins (self);
}
