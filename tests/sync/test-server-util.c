/* test-server-util.c: what the programs testing helder-server share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "test-server-util.h"

/* Every password and token any test used: none may appear in a log. */
GPtrArray *secrets;

static void
child_setup (gpointer data)
{
  guint fd_limit = GPOINTER_TO_UINT (data);

  test_die_with_parent (NULL);
  if (fd_limit > 0)
    {
      struct rlimit limit = { fd_limit, fd_limit };

      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

static GSubprocess *
spawn (const char * const  *argv,
       const char          *database,
       guint                fd_limit,
       GSubprocessFlags     flags,
       GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);

  if (database != NULL)
    g_subprocess_launcher_setenv (launcher, "HELDER_SERVER_DATABASE", database, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GUINT_TO_POINTER (fd_limit), NULL);
  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

static gpointer
read_output (gpointer data)
{
  Server *srv = data;
  GInputStream *in = g_subprocess_get_stdout_pipe (srv->process);
  char buffer[8192];
  gssize n;

  /* Drained all the time: 2,000 log lines would fill the pipe. */
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      g_mutex_lock (&srv->lock);
      g_string_append_len (srv->output, buffer, n);
      g_cond_broadcast (&srv->cond);
      g_mutex_unlock (&srv->lock);
    }
  g_mutex_lock (&srv->lock);
  srv->eof = TRUE;
  g_cond_broadcast (&srv->cond);
  g_mutex_unlock (&srv->lock);
  return NULL;
}

char *
server_output (Server *srv)
{
  char *copy;

  g_mutex_lock (&srv->lock);
  copy = g_strndup (srv->output->str, srv->output->len);
  g_mutex_unlock (&srv->lock);
  return copy;
}

gsize
server_output_length (Server *srv)
{
  gsize length;

  g_mutex_lock (&srv->lock);
  length = srv->output->len;
  g_mutex_unlock (&srv->lock);
  return length;
}

void
server_init (Server     *srv,
             const char *config_text)
{
  g_autoptr(GError) error = NULL;

  memset (srv, 0, sizeof *srv);
  srv->dir = g_dir_make_tmp ("helder-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_mutex_init (&srv->lock);
  g_cond_init (&srv->cond);
  srv->output = g_string_new (NULL);
  srv->database = test_database_create ();
  if (config_text != NULL)
    {
      srv->config = g_build_filename (srv->dir, "helder-server.conf", NULL);
      g_file_set_contents (srv->config, config_text, -1, &error);
      g_assert_no_error (error);
    }
}

void
server_start (Server *srv)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gsize from;
  const char *line;

  g_ptr_array_add (argv, (gpointer) test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, srv->dir);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  if (srv->config != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--config");
      g_ptr_array_add (argv, srv->config);
    }
  g_ptr_array_add (argv, NULL);

  g_mutex_lock (&srv->lock);
  from = srv->output->len;
  srv->eof = FALSE;
  g_mutex_unlock (&srv->lock);

  srv->process = spawn ((const char * const *) argv->pdata, srv->database, srv->fd_limit,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  srv->pid = atoi (g_subprocess_get_identifier (srv->process));
  srv->reader = g_thread_new ("server-output", read_output, srv);

  /* The first line says where it listens. */
  g_mutex_lock (&srv->lock);
  while (!srv->eof && strchr (srv->output->str + from, '\n') == NULL)
    if (!g_cond_wait_until (&srv->cond, &srv->lock, deadline))
      break;
  line = strstr (srv->output->str + from, "helder-server: listening on http://127.0.0.1:");
  g_assert_nonnull (line);
  srv->port = atoi (line + strlen ("helder-server: listening on http://127.0.0.1:"));
  g_mutex_unlock (&srv->lock);
  g_assert_cmpuint (srv->port, >, 0);

  g_free (srv->base);
  srv->base = g_strdup_printf ("http://127.0.0.1:%u", srv->port);
}

void
server_wait (Server *srv)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (srv->process, NULL, &error);
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&srv->reader));
  g_clear_object (&srv->process);
  srv->pid = 0;
}

/* Running, and not a zombie */
gboolean
server_alive (Server *srv)
{
  g_autofree char *path = NULL;
  g_autofree char *stat = NULL;
  const char *state;

  if (srv->process == NULL)
    return FALSE;
  path = g_strdup_printf ("/proc/%d/stat", srv->pid);
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');
  return state != NULL && state[1] == ' ' && state[2] != 'Z' && state[2] != 'X';
}

/* SIGTERM: a clean stop, which must exit 0. */
void
server_stop (Server *srv)
{
  if (srv->process == NULL)
    return;
  g_subprocess_send_signal (srv->process, SIGTERM);
  g_subprocess_wait (srv->process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (srv->process));
  g_assert_cmpint (g_subprocess_get_exit_status (srv->process), ==, 0);
  server_wait (srv);
}

void
server_clear (Server *srv)
{
  if (srv->process != NULL)
    {
      g_subprocess_force_exit (srv->process);
      server_wait (srv);
    }
  if (srv->dir != NULL)
    test_remove_tree (srv->dir);
  g_clear_pointer (&srv->dir, g_free);
  g_clear_pointer (&srv->config, g_free);
  g_clear_pointer (&srv->database, g_free);
  g_clear_pointer (&srv->base, g_free);
  if (srv->output != NULL)
    g_string_free (g_steal_pointer (&srv->output), TRUE);
  g_mutex_clear (&srv->lock);
  g_cond_clear (&srv->cond);
}

/* helder-server admin --data-dir DIR ARGS...; with @password on stdin. */
GSubprocess *
admin_spawn (Server     *srv,
             const char *password,
             const char *first,
             ...)
{
  GSubprocess *process;
  va_list ap;

  va_start (ap, first);
  process = test_admin_spawn_va (srv->dir, srv->database, password, first, ap);
  va_end (ap);
  return process;
}

/* HTTP */

void
reply_free (Reply *r)
{
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_free (r);
}

SoupSession *
new_session (void)
{
  /* No proxy: a proxy from the environment must not see loopback. */
  return soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 30, NULL);
}

SoupSession *session;

/* @content_type NULL with a body sends no Content-Type.  The varargs are
 * extra header name/value pairs, ending with NULL. */
Reply *
http_try_va (SoupSession  *with,
             const char   *base,
             const char   *method,
             const char   *path,
             const char   *token,
             const char   *content_type,
             GBytes       *body,
             GError      **error,
             va_list       ap)
{
  g_autofree char *uri = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  SoupMessageHeaders *headers;
  Reply *r;
  const char *name;
  gint64 start;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  while ((name = va_arg (ap, const char *)) != NULL)
    soup_message_headers_replace (headers, name, va_arg (ap, const char *));

  start = g_get_monotonic_time ();
  bytes = soup_session_send_and_read (with, msg, NULL, error);
  if (bytes == NULL)
    return NULL;

  r = g_new0 (Reply, 1);
  r->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  r->status = soup_message_get_status (msg);
  r->body = g_steal_pointer (&bytes);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (g_bytes_get_size (r->body) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));

      r->json = json_from_string (text, NULL);
    }
  return r;
}

Reply *
http_try (SoupSession  *with,
          const char   *base,
          const char   *method,
          const char   *path,
          const char   *token,
          const char   *content_type,
          GBytes       *body,
          GError      **error,
          ...)
{
  Reply *r;
  va_list ap;

  va_start (ap, error);
  r = http_try_va (with, base, method, path, token, content_type, body, error, ap);
  va_end (ap);
  return r;
}

Reply *
http (Server     *srv,
      const char *method,
      const char *path,
      const char *token,
      const char *content_type,
      const char *body,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;
  Reply *r;
  va_list ap;

  va_start (ap, body);
  r = http_try_va (session, srv->base, method, path, token, content_type, bytes, &error, ap);
  va_end (ap);
  g_assert_no_error (error);
  return r;
}

char *
reply_text (Reply *r)
{
  gsize size;
  const char *data = g_bytes_get_data (r->body, &size);

  if (!g_utf8_validate (data, size, NULL))
    return g_strdup ("(binary)");
  return g_strndup (data, size);
}

JsonObject *
root (Reply *r)
{
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  return json_node_get_object (r->json);
}

/* An error answer: the status, JSON {error, message}, and the message
 * names @needle when it is given. */
void
assert_error (Reply      *r,
              guint       status,
              const char *code,
              const char *needle)
{
  JsonObject *o;

  assert_status (r, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "application/json");
  o = root (r);
  g_assert_cmpstr (json_object_get_string_member_with_default (o, "error", NULL), ==, code);
  g_assert_nonnull (json_object_get_string_member_with_default (o, "message", NULL));
  if (needle != NULL && strstr (json_object_get_string_member (o, "message"), needle) == NULL)
    {
      g_test_message ("message \"%s\" does not name \"%s\"", json_object_get_string_member (o, "message"), needle);
      g_test_fail ();
    }
}

/* Records and pushes */

char *
new_id (void)
{
  return g_uuid_string_random ();
}

/* One record of a push; @visibility NULL leaves it out. */
char *
rec (const char *id,
     const char *type,
     gint64      base,
     gboolean    deleted,
     const char *visibility,
     const char *data)
{
  g_autofree char *vis = visibility ? g_strdup_printf ("\"visibility\":\"%s\",", visibility) : g_strdup ("");

  return g_strdup_printf ("{\"id\":\"%s\",\"type\":\"%s\",\"base_version\":%" G_GINT64_FORMAT ","
                          "\"deleted\":%s,%s\"data\":%s}",
                          id, type, base, deleted ? "true" : "false", vis, data);
}

/* {"records":[...]} from record texts, which it frees; NULL ends them. */
char *
batch (char *first,
       ...)
{
  GString *s = g_string_new ("{\"records\":[");
  va_list ap;

  va_start (ap, first);
  for (char *r = first; r != NULL; r = va_arg (ap, char *))
    {
      if (r != first)
        g_string_append_c (s, ',');
      g_string_append (s, r);
      g_free (r);
    }
  va_end (ap);
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

Reply *
push (Server     *srv,
      const char *token,
      const char *key,
      const char *body)
{
  return http (srv, "POST", "/v1/push", token, "application/json", body, "Idempotency-Key", key, NULL);
}

/* A push that must be answered 200, under a fresh key. */
Reply *
push_ok (Server     *srv,
         const char *token,
         const char *body)
{
  g_autofree char *key = new_id ();
  Reply *r = push (srv, token, key, body);

  assert_status (r, 200);
  return r;
}

JsonObject *
result_at (Reply *r,
           guint  i)
{
  JsonArray *results = json_object_get_array_member (root (r), "results");

  g_assert_nonnull (results);
  g_assert_cmpuint (i, <, json_array_get_length (results));
  return json_array_get_object_element (results, i);
}

guint
n_results (Reply *r)
{
  return json_array_get_length (json_object_get_array_member (root (r), "results"));
}

void
assert_result (Reply      *r,
               guint       i,
               const char *status,
               const char *error)
{
  JsonObject *o = result_at (r, i);

  if (g_strcmp0 (json_object_get_string_member (o, "status"), status) != 0)
    {
      g_autofree char *text = reply_text (r);
      g_test_message ("result %u: %s", i, text);
    }
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member_with_default (o, "error", NULL), ==, error);
}

gint64
result_version (Reply *r,
                guint  i)
{
  return json_object_get_int_member (result_at (r, i), "version");
}

gint64
create (Server     *srv,
        const char *token,
        const char *id,
        const char *type,
        const char *data)
{
  g_autofree char *body = batch (rec (id, type, 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) r = push_ok (srv, token, body);

  assert_result (r, 0, "applied", NULL);
  return result_version (r, 0);
}

Reply *
edit (Server     *srv,
      const char *token,
      const char *id,
      const char *type,
      gint64      base,
      gboolean    deleted,
      const char *data)
{
  g_autofree char *body = batch (rec (id, type, base, deleted, NULL, data), NULL);

  return push_ok (srv, token, body);
}

gint64
library_version (Server     *srv,
                 const char *token)
{
  g_autoptr(Reply) r = http (srv, "GET", "/v1/index", token, NULL, NULL, NULL);

  assert_status (r, 200);
  return json_object_get_int_member (root (r), "library_version");
}

/* GET /v1/records/ID: the data object, or NULL on 404. */
JsonObject *
get_record (Server     *srv,
            const char *token,
            const char *id)
{
  g_autofree char *path = g_strconcat ("/v1/records/", id, NULL);
  g_autoptr(Reply) r = http (srv, "GET", path, token, NULL, NULL, NULL);

  if (r->status == 404)
    {
      assert_error (r, 404, "not_found", NULL);
      return NULL;
    }
  assert_status (r, 200);
  return json_object_ref (root (r));
}

/* Every change since @since, page by page: id → record (the last one). */
GHashTable *
changes_all (Server     *srv,
             const char *token,
             gint64      since,
             guint       limit,
             guint      *n_pages)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  gboolean more = TRUE;
  guint pages = 0;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u", since, limit);
      g_autoptr(Reply) r = http (srv, "GET", path, token, NULL, NULL, NULL);
      JsonArray *records;
      gint64 next;

      assert_status (r, 200);
      records = json_object_get_array_member (root (r), "records");
      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *o = json_array_get_object_element (records, i);

          g_assert_cmpint (json_object_get_int_member (o, "version"), >, since);
          /* Over the limit only to finish the version a page ends in */
          if (i >= limit)
            g_assert_cmpint (json_object_get_int_member (o, "version"), ==,
                             json_object_get_int_member (json_array_get_object_element (records, limit - 1),
                                                         "version"));
          g_hash_table_replace (seen, g_strdup (json_object_get_string_member (o, "id")), json_object_ref (o));
        }
      next = json_object_get_int_member (root (r), "next");
      more = json_object_get_boolean_member (root (r), "more");
      g_assert_cmpint (next, >=, since);
      if (more)
        g_assert_cmpint (next, >, since);
      since = next;
      pages++;
      g_assert_cmpuint (pages, <, 10000);
    }
  if (n_pages != NULL)
    *n_pages = pages;
  return seen;
}

char *
document (const char *title)
{
  return g_strdup_printf ("{\"title\":\"%s\",\"kind\":\"brief\",\"body\":\"Beste bewoner,\"}", title);
}

/* A server of the test's own, with @config_text, one organisation and
 * the advisor anna logged in; returns her token. */
char *
own_server (Server     *srv,
            const char *config_text)
{
  g_autoptr(GSubprocess) adding = NULL;
  g_autoptr(Reply) logged_in = NULL;
  const char *password = "pw-anna-Kx9#quite-long";
  char *token;

  server_init (srv, config_text);
  add_org (srv, "gemeente", "Gemeente Helder");
  g_ptr_array_add (secrets, g_strdup (password));
  adding = admin_spawn (srv, password, "add-user", "--org", "gemeente", "--role", "advisor",
                        "--password-stdin", "anna", NULL);
  test_admin_wait (adding);
  server_start (srv);

  logged_in = server_login (srv, "anna", password);
  assert_status (logged_in, 200);
  token = g_strdup (json_object_get_string_member (root (logged_in), "token"));
  g_ptr_array_add (secrets, g_strdup (token));
  return token;
}

/* The shared server */

const TestUser users[N_USERS] = {
  { "anna",  "gemeente",     "admin",   TRUE },
  { "bram",  "gemeente",     "advisor", TRUE },
  { "carla", "gemeente",     "advisor", TRUE },
  { "daan",  "gemeente",     "staff",   TRUE },
  { "eva",   "gemeente",     "advisor", FALSE },   /* login limiting */
  { "finn",  "gemeente",     "advisor", TRUE },    /* revoked */
  { "gijs",  "buurgemeente", "advisor", TRUE },    /* the other organisation */
};

SharedServer shared;

char *
login_body (const char *user,
            const char *password)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, user);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, password);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  return json_to_string (node, FALSE);
}

Reply *
server_login (Server     *srv,
       const char *user,
       const char *password)
{
  g_autofree char *body = login_body (user, password);

  g_ptr_array_add (secrets, g_strdup (password));
  return http (srv, "POST", "/v1/login", NULL, "application/json", body, NULL);
}

/* Logs in and returns the token. */
char *
login_token (Server     *srv,
             const char *user,
             const char *password)
{
  g_autoptr(Reply) r = server_login (srv, user, password);
  const char *token;

  assert_status (r, 200);
  token = json_object_get_string_member (root (r), "token");
  g_ptr_array_add (secrets, g_strdup (token));
  return g_strdup (token);
}

void
add_org (Server     *srv,
         const char *slug,
         const char *name)
{
  g_autoptr(GSubprocess) p = admin_spawn (srv, NULL, "create-org", slug, name, NULL);

  test_admin_wait (p);
}

Server *
shared_server (void)
{
  g_autoptr(GPtrArray) adding = g_ptr_array_new_with_free_func (g_object_unref);

  if (shared.ready)
    {
      g_assert_true (server_alive (&shared.srv));
      return &shared.srv;
    }

  server_init (&shared.srv, NULL);
  /* The first admin command creates the schema; then the users are added
   * in parallel, as their argon2 hashes are what takes time. */
  add_org (&shared.srv, "gemeente", "Gemeente Helder");
  add_org (&shared.srv, "buurgemeente", "Buurgemeente");
  for (guint i = 0; i < N_USERS; i++)
    {
      shared.passwords[i] = g_strdup_printf ("pw-%s-Kx9#quite-long", users[i].login);
      g_ptr_array_add (secrets, g_strdup (shared.passwords[i]));
      g_ptr_array_add (adding, admin_spawn (&shared.srv, shared.passwords[i], "add-user", "--org", users[i].org,
                                            "--role", users[i].role, "--password-stdin", users[i].login, NULL));
    }
  for (guint i = 0; i < adding->len; i++)
    test_admin_wait (adding->pdata[i]);

  server_start (&shared.srv);
  for (guint i = 0; i < N_USERS; i++)
    if (users[i].log_in)
      {
        g_autoptr(Reply) r = server_login (&shared.srv, users[i].login, shared.passwords[i]);

        assert_status (r, 200);
        shared.logins[i] = json_object_ref (root (r));
        shared.tokens[i] = g_strdup (json_object_get_string_member (shared.logins[i], "token"));
        g_ptr_array_add (secrets, g_strdup (shared.tokens[i]));
      }
  shared.ready = TRUE;
  return &shared.srv;
}


gboolean
output_has (Server     *srv,
            gsize       from,
            const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  /* The line is written when the answer has gone out: wait for it. */
  for (;;)
    {
      g_autofree char *output = server_output (srv);

      if (strstr (output + from, needle) != NULL)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (10 * 1000);
    }
}


/* Last: everything the shared server printed, over all the tests. */
static void
test_log_no_secrets (void)
{
  Server *srv = shared_server ();
  g_autofree char *output = NULL;
  guint login_lines = 0;
  g_auto(GStrv) lines = NULL;

  /* One more login, so a login line is surely there */
  g_autofree char *token = login_token (srv, "carla", shared.passwords[CARLA]);

  g_assert_true (output_has (srv, 0, "POST /v1/login 200 "));
  output = server_output (srv);
  g_assert_cmpuint (secrets->len, >, 10);
  for (guint i = 0; i < secrets->len; i++)
    if (strstr (output, secrets->pdata[i]) != NULL)
      {
        g_test_message ("the log holds a secret (%u)", i);
        g_test_fail ();
      }
  g_assert_null (strstr (output, "Bearer"));
  g_assert_null (strstr (output, "password"));

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "POST /v1/login "))
      login_lines++;
  g_assert_cmpuint (login_lines, >=, 1);
  g_assert_true (server_alive (srv));
}

/* Every program of the server's tests: --keep-going, so every failing
 * behaviour is reported, not only the first. */
void
server_test_init (int    *argc,
                  char ***argv)
{
  static GPtrArray *args;

  args = g_ptr_array_new ();
  for (int i = 0; i < *argc; i++)
    g_ptr_array_add (args, (*argv)[i]);
  g_ptr_array_add (args, (gpointer) "--keep-going");
  g_ptr_array_add (args, NULL);
  *argc = args->len - 1;
  *argv = (char **) args->pdata;

  g_test_init (argc, argv, NULL);
  secrets = g_ptr_array_new_with_free_func (g_free);
  session = new_session ();
}

/* Runs the tests added, then the check that the shared server's log holds
 * no secret, and stops the shared server, which must have survived them. */
int
server_test_run (void)
{
  int status;

  g_test_add_func ("/server/log/no-secrets", test_log_no_secrets);
  status = g_test_run ();

  if (shared.ready)
    {
      gboolean alive = server_alive (&shared.srv);

      server_stop (&shared.srv);
      if (!alive)
        status = 1;
    }
  if (shared.srv.dir != NULL)
    server_clear (&shared.srv);
  for (guint i = 0; i < N_USERS; i++)
    {
      g_free (shared.passwords[i]);
      g_free (shared.tokens[i]);
      g_clear_pointer (&shared.logins[i], json_object_unref);
    }
  g_clear_object (&session);
  g_ptr_array_unref (secrets);
  return status;
}
