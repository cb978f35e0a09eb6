/* test-server.c: helder-server's sync protocol, against a real server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "test-util.h"

/* Every test talks HTTP to a helder-server process on loopback, started
 * from $HELDER_SERVER with a temporary data directory.  One shared server
 * (two organisations, seven users, each logged in once: argon2 costs about
 * 0.1-0.3 s a login) serves most tests; each test uses fresh record ids so
 * the tests stay independent of each other.  The crash test and the small
 * blob limit have servers of their own. */

#define MIB (1024 * 1024)

/* A server process */

typedef struct
{
  char        *dir;
  char        *config;
  char        *database;    /* PostgreSQL under with-postgres.sh, else NULL */
  GSubprocess *process;
  GPid         pid;
  guint16      port;
  char        *base;        /* http://127.0.0.1:PORT */
  GThread     *reader;
  GMutex       lock;
  GCond        cond;
  GString     *output;      /* all it printed on stdout, over restarts */
  gboolean     eof;
} Server;

/* Every password and token any test used: none may appear in a log. */
static GPtrArray *secrets;

static const char *
server_binary (void)
{
  const char *path = g_getenv ("HELDER_SERVER");

  if (path == NULL)
    g_error ("HELDER_SERVER must name the helder-server binary");
  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static GSubprocess *
spawn (const char * const  *argv,
       const char          *database,
       GSubprocessFlags     flags,
       GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);

  if (database != NULL)
    g_subprocess_launcher_setenv (launcher, "HELDER_SERVER_DATABASE", database, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
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

static char *
server_output (Server *srv)
{
  char *copy;

  g_mutex_lock (&srv->lock);
  copy = g_strndup (srv->output->str, srv->output->len);
  g_mutex_unlock (&srv->lock);
  return copy;
}

static gsize
server_output_length (Server *srv)
{
  gsize length;

  g_mutex_lock (&srv->lock);
  length = srv->output->len;
  g_mutex_unlock (&srv->lock);
  return length;
}

static void
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

static void
server_start (Server *srv)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gsize from;
  const char *line;

  g_ptr_array_add (argv, (gpointer) server_binary ());
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

  srv->process = spawn ((const char * const *) argv->pdata, srv->database, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
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

static void
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
static gboolean
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
static void
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

static void
server_clear (Server *srv)
{
  if (srv->process != NULL)
    {
      g_subprocess_force_exit (srv->process);
      server_wait (srv);
    }
  if (srv->dir != NULL)
    remove_tree (srv->dir);
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
static GSubprocess *
admin_spawn (Server      *srv,
             const char  *password,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) server_binary ());
  g_ptr_array_add (argv, (gpointer) "admin");
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, srv->dir);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* Its "Added ..." would break the TAP output. */
  process = spawn ((const char * const *) argv->pdata, srv->database,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               (password ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE),
                               &error);
  g_assert_no_error (error);
  if (password != NULL)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (process);

      g_output_stream_write_all (in, password, strlen (password), NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (in, "\n", 1, NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_close (in, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&process);
}

static void
admin_wait (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* HTTP */

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;      /* NULL when the body is not JSON */
  SoupMessageHeaders *headers;
  double              seconds;
} Reply;

static void
reply_free (Reply *r)
{
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static SoupSession *
new_session (void)
{
  /* No proxy: a proxy from the environment must not see loopback. */
  return soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 30, NULL);
}

static SoupSession *session;

/* @content_type NULL with a body sends no Content-Type.  The varargs are
 * extra header name/value pairs, ending with NULL. */
static Reply *
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

static Reply *
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

static Reply *
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

static char *
reply_text (Reply *r)
{
  gsize size;
  const char *data = g_bytes_get_data (r->body, &size);

  if (!g_utf8_validate (data, size, NULL))
    return g_strdup ("(binary)");
  return g_strndup (data, size);
}

#define assert_status(r, expected)                                       \
  G_STMT_START {                                                         \
    if ((r)->status != (guint) (expected))                               \
      {                                                                  \
        g_autofree char *_text = reply_text (r);                         \
        g_test_message ("unexpected answer %u: %s", (r)->status, _text); \
      }                                                                  \
    g_assert_cmpuint ((r)->status, ==, (expected));                      \
  } G_STMT_END

static JsonObject *
root (Reply *r)
{
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  return json_node_get_object (r->json);
}

/* An error answer: the status, JSON {error, message}, and the message
 * names @needle when it is given. */
static void
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

static char *
new_id (void)
{
  return g_uuid_string_random ();
}

/* One record of a push; @visibility NULL leaves it out. */
static char *
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
static char *
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

static Reply *
push (Server     *srv,
      const char *token,
      const char *key,
      const char *body)
{
  return http (srv, "POST", "/v1/push", token, "application/json", body, "Idempotency-Key", key, NULL);
}

/* A push that must be answered 200, under a fresh key. */
static Reply *
push_ok (Server     *srv,
         const char *token,
         const char *body)
{
  g_autofree char *key = new_id ();
  Reply *r = push (srv, token, key, body);

  assert_status (r, 200);
  return r;
}

static JsonObject *
result_at (Reply *r,
           guint  i)
{
  JsonArray *results = json_object_get_array_member (root (r), "results");

  g_assert_nonnull (results);
  g_assert_cmpuint (i, <, json_array_get_length (results));
  return json_array_get_object_element (results, i);
}

static guint
n_results (Reply *r)
{
  return json_array_get_length (json_object_get_array_member (root (r), "results"));
}

static void
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

static gint64
result_version (Reply *r,
                guint  i)
{
  return json_object_get_int_member (result_at (r, i), "version");
}

static gint64
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

static Reply *
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

static gint64
library_version (Server     *srv,
                 const char *token)
{
  g_autoptr(Reply) r = http (srv, "GET", "/v1/index", token, NULL, NULL, NULL);

  assert_status (r, 200);
  return json_object_get_int_member (root (r), "library_version");
}

/* GET /v1/records/ID: the data object, or NULL on 404. */
static JsonObject *
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
static GHashTable *
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

/* Raw sockets, for what libsoup will not send */

static GSocketConnection *
raw_connect_with_timeout (guint16 port,
                          guint   timeout)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, timeout);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static GSocketConnection *
raw_connect (guint16 port)
{
  return raw_connect_with_timeout (port, 10);
}

/* Sends @request and reads until the server closes (it answers
 * Connection: close), or for @timeout seconds. */
static char *
raw_exchange (guint16     port,
              const char *request,
              guint       timeout,
              double     *seconds)
{
  g_autoptr(GSocketConnection) connection = raw_connect_with_timeout (port, timeout);
  g_autoptr(GError) error = NULL;
  GString *answer = g_string_new (NULL);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  gint64 start = g_get_monotonic_time ();
  char buffer[4096];
  gssize n;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (answer, buffer, n);
  /* A reset after the answer is fine; a timeout leaves no answer. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_test_message ("no answer within %u s", timeout);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return g_string_free (answer, FALSE);
}

/* The status of a raw answer, 0 for none */
static guint
raw_status (const char *answer)
{
  if (!g_str_has_prefix (answer, "HTTP/1.1 ") && !g_str_has_prefix (answer, "HTTP/1.0 "))
    return 0;
  return atoi (answer + 9);
}

/* A check of the server's behaviour after which the test can go on: the
 * failure is reported and the rest of the suite still runs. */
#define expect(cond, what)                                       \
  G_STMT_START {                                                 \
    if (!(cond))                                                 \
      {                                                          \
        g_test_message ("expected %s: %s", what, #cond);         \
        g_test_fail ();                                          \
      }                                                          \
  } G_STMT_END

static guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The shared server */

enum { ANNA, BRAM, CARLA, DAAN, EVA, FINN, GIJS, N_USERS };

static const struct
{
  const char *login;
  const char *org;
  const char *role;
  gboolean    log_in;
} users[N_USERS] = {
  { "anna",  "gemeente",     "admin",   TRUE },
  { "bram",  "gemeente",     "advisor", TRUE },
  { "carla", "gemeente",     "advisor", TRUE },
  { "daan",  "gemeente",     "staff",   TRUE },
  { "eva",   "gemeente",     "advisor", FALSE },   /* login limiting */
  { "finn",  "gemeente",     "advisor", TRUE },    /* revoked */
  { "gijs",  "buurgemeente", "advisor", TRUE },    /* the other organisation */
};

static struct
{
  Server      srv;
  gboolean    ready;
  char       *passwords[N_USERS];
  char       *tokens[N_USERS];
  JsonObject *logins[N_USERS];    /* the login answers */
} shared;

static char *
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

static Reply *
login (Server     *srv,
       const char *user,
       const char *password)
{
  g_autofree char *body = login_body (user, password);

  g_ptr_array_add (secrets, g_strdup (password));
  return http (srv, "POST", "/v1/login", NULL, "application/json", body, NULL);
}

/* Logs in and returns the token. */
static char *
login_token (Server     *srv,
             const char *user,
             const char *password)
{
  g_autoptr(Reply) r = login (srv, user, password);
  const char *token;

  assert_status (r, 200);
  token = json_object_get_string_member (root (r), "token");
  g_ptr_array_add (secrets, g_strdup (token));
  return g_strdup (token);
}

static void
add_org (Server     *srv,
         const char *slug,
         const char *name)
{
  g_autoptr(GSubprocess) p = admin_spawn (srv, NULL, "create-org", slug, name, NULL);

  admin_wait (p);
}

static Server *
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
    admin_wait (adding->pdata[i]);

  server_start (&shared.srv);
  for (guint i = 0; i < N_USERS; i++)
    if (users[i].log_in)
      {
        g_autoptr(Reply) r = login (&shared.srv, users[i].login, shared.passwords[i]);

        assert_status (r, 200);
        shared.logins[i] = json_object_ref (root (r));
        shared.tokens[i] = g_strdup (json_object_get_string_member (shared.logins[i], "token"));
        g_ptr_array_add (secrets, g_strdup (shared.tokens[i]));
      }
  shared.ready = TRUE;
  return &shared.srv;
}

#define TOKEN(who) (shared.tokens[who])

/* Login */

static void
test_login_ok (void)
{
  shared_server ();

  for (guint i = 0; i < N_USERS; i++)
    {
      JsonObject *o = shared.logins[i];
      const char *token;

      if (!users[i].log_in)
        continue;
      token = json_object_get_string_member_with_default (o, "token", NULL);
      g_assert_nonnull (token);
      /* 256 random bits */
      g_assert_cmpuint (strlen (token), >=, 43);
      g_assert_cmpstr (json_object_get_string_member (o, "user"), ==, users[i].login);
      g_assert_cmpstr (json_object_get_string_member (o, "org"), ==, users[i].org);
      g_assert_cmpstr (json_object_get_string_member (o, "role"), ==, users[i].role);
      for (guint j = 0; j < i; j++)
        if (shared.tokens[j] != NULL)
          g_assert_cmpstr (shared.tokens[j], !=, token);
    }
}

static void
test_login_wrong_password (void)
{
  Server *srv = shared_server ();
  g_autoptr(Reply) wrong = login (srv, "carla", "wrong-password-1234");
  g_autoptr(Reply) unknown = login (srv, "nobody", "wrong-password-1234");

  assert_error (wrong, 401, "bad_credentials", NULL);
  g_assert_false (json_object_has_member (root (wrong), "token"));
  /* An unknown user looks the same as a wrong password. */
  assert_error (unknown, 401, "bad_credentials", NULL);
  g_assert_cmpstr (json_object_get_string_member (root (unknown), "message"), ==,
                   json_object_get_string_member (root (wrong), "message"));
}

static void
test_login_missing_fields (void)
{
  Server *srv = shared_server ();
  g_autoptr(Reply) no_user = http (srv, "POST", "/v1/login", NULL, "application/json",
                                   "{\"password\":\"whatever-1234\"}", NULL);
  g_autoptr(Reply) no_password = http (srv, "POST", "/v1/login", NULL, "application/json",
                                       "{\"user\":\"carla\"}", NULL);
  g_autoptr(Reply) wrong_type = http (srv, "POST", "/v1/login", NULL, "application/json",
                                      "{\"user\":\"carla\",\"password\":12345678}", NULL);
  g_autoptr(Reply) not_json = http (srv, "POST", "/v1/login", NULL, "application/json", "{user", NULL);
  g_autoptr(Reply) get = http (srv, "GET", "/v1/login", NULL, NULL, NULL, NULL);

  assert_error (no_user, 400, "bad_field", "user");
  assert_error (no_password, 400, "bad_field", "password");
  assert_error (wrong_type, 400, "bad_field", "password");
  assert_error (not_json, 400, "bad_json", NULL);
  assert_error (get, 405, "method_not_allowed", NULL);
}

static void
test_login_limit (void)
{
  Server *srv = shared_server ();
  g_autoptr(Reply) limited = NULL;
  g_autoptr(Reply) right = NULL;
  g_autofree char *other = NULL;
  const char *retry;
  guint64 seconds;

  /* eva is only used here: her failures block nobody else. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *password = g_strdup_printf ("not-evas-password-%u", i);
      g_autoptr(Reply) r = login (srv, "eva", password);

      assert_error (r, 401, "bad_credentials", NULL);
    }

  limited = login (srv, "eva", "not-evas-password-5");
  assert_error (limited, 429, "too_many_attempts", NULL);
  retry = soup_message_headers_get_one (limited->headers, "Retry-After");
  g_assert_nonnull (retry);
  g_assert_true (g_ascii_string_to_unsigned (retry, 10, 1, 5 * 60 + 1, &seconds, NULL));

  /* Even the right password waits now ... */
  right = login (srv, "eva", shared.passwords[EVA]);
  assert_error (right, 429, "too_many_attempts", NULL);
  g_assert_nonnull (soup_message_headers_get_one (right->headers, "Retry-After"));

  /* ... but the limit is per user. */
  other = login_token (srv, "carla", shared.passwords[CARLA]);
  g_assert_nonnull (other);
}

/* Authentication */

static void
assert_unauthorized (Reply *r)
{
  const char *challenge;

  assert_error (r, 401, "unauthorized", NULL);
  challenge = soup_message_headers_get_one (r->headers, "WWW-Authenticate");
  g_assert_nonnull (challenge);
  g_assert_true (g_str_has_prefix (challenge, "Bearer"));
}

static void
test_auth_required (void)
{
  Server *srv = shared_server ();
  g_autofree char *blob = g_strconcat ("/v1/blobs/", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", NULL);
  g_autofree char *bad = g_strdup (TOKEN (BRAM));
  const char *paths[] = { "/v1/changes", "/v1/index", "/v1/records/6f1c4b1e-8f6a-4b8e-9d64-3f5b1c1b2a10", blob };

  /* The same token with one character changed */
  bad[0] = bad[0] == 'A' ? 'B' : 'A';

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Reply) none = http (srv, "GET", paths[i], NULL, NULL, NULL, NULL);
      g_autoptr(Reply) wrong = http (srv, "GET", paths[i], bad, NULL, NULL, NULL);
      g_autoptr(Reply) basic = http (srv, "GET", paths[i], NULL, NULL, NULL,
                                     "Authorization", "Basic YnJhbTpwYXNzd29yZA==", NULL);

      assert_unauthorized (none);
      assert_unauthorized (wrong);
      assert_unauthorized (basic);
    }

  {
    g_autoptr(Reply) r = http (srv, "POST", "/v1/push", NULL, "application/json", "{\"records\":[]}",
                               "Idempotency-Key", "k-unauthorized", NULL);
    assert_unauthorized (r);
  }
  {
    g_autoptr(Reply) r = http (srv, "POST", "/v1/push", "", "application/json", "{\"records\":[]}",
                               "Idempotency-Key", "k-unauthorized", NULL);
    assert_unauthorized (r);
  }
}

static void
test_auth_revoke (void)
{
  Server *srv = shared_server ();
  g_autoptr(Reply) before = http (srv, "GET", "/v1/changes", TOKEN (FINN), NULL, NULL, NULL);
  g_autoptr(Reply) after = NULL;
  g_autoptr(Reply) others = NULL;
  g_autoptr(GSubprocess) revoke = NULL;

  assert_status (before, 200);
  revoke = admin_spawn (srv, NULL, "revoke-tokens", "finn", NULL);
  admin_wait (revoke);

  after = http (srv, "GET", "/v1/changes", TOKEN (FINN), NULL, NULL, NULL);
  assert_unauthorized (after);
  /* Only finn's tokens */
  others = http (srv, "GET", "/v1/changes", TOKEN (CARLA), NULL, NULL, NULL);
  assert_status (others, 200);
}

/* Changes */

static char *
document (const char *title)
{
  return g_strdup_printf ("{\"title\":\"%s\",\"kind\":\"brief\",\"body\":\"Beste bewoner,\"}", title);
}

static void
test_changes_paging (void)
{
  Server *srv = shared_server ();
  gint64 v0 = library_version (srv, TOKEN (BRAM));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gint64 since = v0;
  guint seen = 0;

  /* Five pushes, five versions */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *data = document ("Pagina");
      g_autofree char *body = NULL;
      g_autoptr(Reply) r = NULL;

      g_ptr_array_add (ids, new_id ());
      body = batch (rec (ids->pdata[i], "document", 0, FALSE, NULL, data), NULL);
      r = push_ok (srv, TOKEN (BRAM), body);
      assert_result (r, 0, "applied", NULL);
      g_assert_cmpint (result_version (r, 0), ==, v0 + i + 1);
    }

  /* Pages of two: 2, 2, 1 */
  for (guint page = 0; page < 3; page++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=2", since);
      g_autoptr(Reply) r = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
      JsonArray *records;

      assert_status (r, 200);
      records = json_object_get_array_member (root (r), "records");
      g_assert_cmpuint (json_array_get_length (records), ==, page < 2 ? 2 : 1);
      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *o = json_array_get_object_element (records, i);

          g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, ids->pdata[seen]);
          g_assert_cmpint (json_object_get_int_member (o, "version"), ==, v0 + seen + 1);
          g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "document");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "data"), "title"), ==,
                           "Pagina");
          g_assert_false (json_object_get_boolean_member (o, "deleted"));
          g_assert_cmpstr (json_object_get_string_member (o, "updated_by"), ==, "bram");
          seen++;
        }
      g_assert_cmpint (json_object_get_int_member (root (r), "next"), ==, v0 + seen);
      g_assert_cmpint (json_object_get_int_member (root (r), "library_version"), ==, v0 + 5);
      g_assert_true (json_object_get_boolean_member (root (r), "more") == (page < 2));
      since = json_object_get_int_member (root (r), "next");
    }
  g_assert_cmpuint (seen, ==, 5);

  /* Nothing after the last */
  {
    g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, since);
    g_autoptr(Reply) r = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);

    assert_status (r, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root (r), "records")), ==, 0);
    g_assert_false (json_object_get_boolean_member (root (r), "more"));
    g_assert_cmpint (json_object_get_int_member (root (r), "next"), ==, since);
  }

  /* Bad parameters */
  {
    g_autoptr(Reply) a = http (srv, "GET", "/v1/changes?since=abc", TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(Reply) b = http (srv, "GET", "/v1/changes?limit=0", TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(Reply) c = http (srv, "GET", "/v1/changes?since=-1", TOKEN (CARLA), NULL, NULL, NULL);

    assert_error (a, 400, "bad_field", "since");
    assert_error (b, 400, "bad_field", "limit");
    assert_error (c, 400, "bad_field", "since");
  }
}

/* One push gives all its records one version: a page boundary inside
 * that version must not lose any of them. */
static void
test_changes_paging_one_version (void)
{
  Server *srv = shared_server ();
  gint64 v0 = library_version (srv, TOKEN (BRAM));
  g_autofree char *a = new_id (), *b = new_id (), *c = new_id (), *d = new_id ();
  g_autofree char *data = document ("Samen");
  g_autofree char *body1 = batch (rec (a, "document", 0, FALSE, NULL, data),
                                  rec (b, "document", 0, FALSE, NULL, data),
                                  rec (c, "document", 0, FALSE, NULL, data), NULL);
  g_autofree char *body2 = batch (rec (d, "document", 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) r1 = push_ok (srv, TOKEN (BRAM), body1);
  g_autoptr(Reply) r2 = push_ok (srv, TOKEN (BRAM), body2);

  for (guint limit = 1; limit <= 4; limit++)
    {
      g_autoptr(GHashTable) seen = changes_all (srv, TOKEN (CARLA), v0, limit, NULL);

      if (g_hash_table_size (seen) != 4)
        g_test_message ("limit %u: %u of 4 records seen", limit, g_hash_table_size (seen));
      expect (g_hash_table_contains (seen, a), "every record of the version");
      expect (g_hash_table_contains (seen, b), "every record of the version");
      expect (g_hash_table_contains (seen, c), "every record of the version");
      expect (g_hash_table_contains (seen, d), "the next version");
    }
}

static void
test_changes_not_modified (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  gint64 created = create (srv, TOKEN (BRAM), id, "document", "{\"title\":\"Nieuw\"}");
  gint64 v = library_version (srv, TOKEN (CARLA));
  g_autofree char *current = g_strdup_printf ("%" G_GINT64_FORMAT, v);
  g_autofree char *older = g_strdup_printf ("%" G_GINT64_FORMAT, v - 1);
  g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, v);
  g_autoptr(Reply) same = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, "If-Modified-Since-Version", current, NULL);
  g_autoptr(Reply) changed = http (srv, "GET", "/v1/changes?since=0&limit=1", TOKEN (CARLA), NULL, NULL,
                                   "If-Modified-Since-Version", older, NULL);

  g_assert_cmpint (v, ==, created);
  assert_status (same, 304);
  g_assert_cmpuint (g_bytes_get_size (same->body), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (same->headers, "Last-Modified-Version"), ==, current);

  assert_status (changed, 200);
  g_assert_cmpint (json_object_get_int_member (root (changed), "library_version"), ==, v);

  /* A client ahead of the server (which was restored from a backup) is
   * told the lower version, not "not modified" */
  {
    g_autofree char *ahead = g_strdup_printf ("%" G_GINT64_FORMAT, v + 5);
    g_autofree char *ahead_path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, v + 5);
    g_autoptr(Reply) restored = http (srv, "GET", ahead_path, TOKEN (CARLA), NULL, NULL,
                                      "If-Modified-Since-Version", ahead, NULL);

    assert_status (restored, 200);
    g_assert_cmpint (json_object_get_int_member (root (restored), "library_version"), ==, v);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root (restored), "records")), ==, 0);
  }
}

static void
test_changes_tombstones (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  g_autofree char *data = document ("Weg ermee");
  g_autofree char *create = batch (rec (id, "document", 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) created = push_ok (srv, TOKEN (BRAM), create);
  gint64 v1 = result_version (created, 0);
  g_autofree char *remove = batch (rec (id, "document", v1, TRUE, NULL, "{}"), NULL);
  g_autoptr(Reply) removed = push_ok (srv, TOKEN (BRAM), remove);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(JsonObject) stored = NULL;
  JsonObject *tombstone;

  assert_result (removed, 0, "applied", NULL);
  g_assert_cmpint (result_version (removed, 0), ==, v1 + 1);

  seen = changes_all (srv, TOKEN (CARLA), v1, 100, NULL);
  tombstone = g_hash_table_lookup (seen, id);
  g_assert_nonnull (tombstone);
  g_assert_true (json_object_get_boolean_member (tombstone, "deleted"));
  g_assert_cmpint (json_object_get_int_member (tombstone, "version"), ==, v1 + 1);

  /* and from the start too */
  g_clear_pointer (&seen, g_hash_table_unref);
  seen = changes_all (srv, TOKEN (CARLA), 0, 1000, NULL);
  tombstone = g_hash_table_lookup (seen, id);
  g_assert_nonnull (tombstone);
  g_assert_true (json_object_get_boolean_member (tombstone, "deleted"));

  stored = get_record (srv, TOKEN (CARLA), id);
  g_assert_nonnull (stored);
  g_assert_true (json_object_get_boolean_member (stored, "deleted"));
}

/* Paging while writes arrive: a record edited while the reader is paging
 * moves to a newer version, past the reader's cursor, so it comes again
 * later; nothing may fall between two pages. */

typedef struct
{
  char   *id;
  gint64  version;    /* the last version it was pushed at */
  char   *title;      /* and its title then */
} Tracked;

static void
tracked_free (Tracked *t)
{
  g_free (t->id);
  g_free (t->title);
  g_free (t);
}

/* @n new documents in one push, so at one new version */
static void
push_new_documents (Server     *srv,
                    GPtrArray  *tracked,
                    guint       n,
                    const char *what)
{
  GString *body = g_string_new ("{\"records\":[");
  g_autofree char *text = NULL;
  g_autoptr(Reply) r = NULL;
  guint first = tracked->len;

  for (guint i = 0; i < n; i++)
    {
      Tracked *t = g_new0 (Tracked, 1);
      g_autofree char *data = NULL;
      g_autofree char *one = NULL;

      t->id = new_id ();
      t->title = g_strdup_printf ("%s %u", what, tracked->len);
      data = document (t->title);
      one = rec (t->id, "document", 0, FALSE, NULL, data);
      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, one);
      g_ptr_array_add (tracked, t);
    }
  g_string_append (body, "]}");
  text = g_string_free (body, FALSE);
  r = push_ok (srv, TOKEN (BRAM), text);
  g_assert_cmpuint (n_results (r), ==, n);
  for (guint i = 0; i < n; i++)
    {
      Tracked *t = tracked->pdata[first + i];

      assert_result (r, i, "applied", NULL);
      g_assert_cmpint (result_version (r, i), ==, result_version (r, 0));
      t->version = result_version (r, i);
    }
}

/* One or two new records, then an edit of an older one: two versions */
static void
paging_writes (Server    *srv,
               GPtrArray *tracked,
               guint      round)
{
  Tracked *old;
  g_autofree char *title = NULL;
  g_autofree char *data = NULL;
  g_autoptr(Reply) r = NULL;

  push_new_documents (srv, tracked, 1 + round % 2, "Tussendoor");

  /* Any older record: one the reader has had, or one still ahead of it */
  old = tracked->pdata[g_test_rand_int_range (0, tracked->len - 1 - round % 2)];
  title = g_strdup_printf ("Bewerkt in ronde %u", round);
  data = g_strdup_printf ("{\"title\":\"%s\"}", title);
  r = edit (srv, TOKEN (BRAM), old->id, "document", old->version, FALSE, data);
  assert_result (r, 0, "applied", NULL);
  g_assert_cmpint (result_version (r, 0), >, old->version);
  old->version = result_version (r, 0);
  g_free (old->title);
  old->title = g_steal_pointer (&title);
}

/* One page of changes from *@since into @seen (id → the newest copy seen);
 * moves *@since to its "next" and returns its "more". */
static gboolean
changes_page (Server     *srv,
              const char *token,
              gint64     *since,
              guint       limit,
              GHashTable *seen)
{
  g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u", *since, limit);
  g_autoptr(Reply) r = http (srv, "GET", path, token, NULL, NULL, NULL);
  JsonArray *records;
  gint64 last = *since, next, library;
  gboolean more;

  assert_status (r, 200);
  records = json_object_get_array_member (root (r), "records");
  library = json_object_get_int_member (root (r), "library_version");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *o = json_array_get_object_element (records, i);
      gint64 v = json_object_get_int_member (o, "version");
      const char *id = json_object_get_string_member (o, "id");
      JsonObject *before = g_hash_table_lookup (seen, id);

      /* in version order, after the cursor, none beyond the library */
      g_assert_cmpint (v, >, *since);
      g_assert_cmpint (v, >=, last);
      g_assert_cmpint (v, <=, library);
      last = v;
      if (before == NULL || json_object_get_int_member (before, "version") < v)
        g_hash_table_replace (seen, g_strdup (id), json_object_ref (o));
    }
  next = json_object_get_int_member (root (r), "next");
  more = json_object_get_boolean_member (root (r), "more");
  if (json_array_get_length (records) > 0)
    g_assert_cmpint (next, ==, last);
  else
    g_assert_cmpint (next, ==, *since);
  if (more)
    g_assert_cmpint (next, >, *since);
  *since = next;
  return more;
}

#define PAGING_WRITE_ROUNDS 30

static void
test_changes_writes_while_paging (void)
{
  Server *srv = shared_server ();
  static const guint sizes[] = { 1, 4, 1, 2 };
  g_autoptr(GPtrArray) tracked = g_ptr_array_new_with_free_func ((GDestroyNotify) tracked_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_object_unref);
  g_autoptr(Reply) index = NULL;
  JsonObject *listed;
  GList *members;
  gint64 v0 = library_version (srv, TOKEN (BRAM));
  gint64 since = v0;
  guint pages = 0, rounds = 0, listed_after = 0, missing = 0, stale = 0;
  gboolean more = TRUE;

  /* 40 records in 20 versions of 1, 4, 1 and 2 records: with pages of 3
   * some pages end early so as not to split a version, and a version of 4
   * fills a page on its own. */
  for (guint i = 0; i < 20; i++)
    push_new_documents (srv, tracked, sizes[i % G_N_ELEMENTS (sizes)], "Vooraf");
  g_assert_cmpuint (tracked->len, ==, 40);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 20);

  /* Writes between every two pages; after PAGING_WRITE_ROUNDS of them
   * (two versions each, faster than pages of 3 drain them) the reader is
   * let catch up. */
  while (more)
    {
      more = changes_page (srv, TOKEN (CARLA), &since, 3, seen);
      pages++;
      g_assert_cmpuint (pages, <, 1000);
      if (more && rounds < PAGING_WRITE_ROUNDS)
        paging_writes (srv, tracked, rounds++);
    }
  g_assert_cmpuint (rounds, ==, PAGING_WRITE_ROUNDS);

  /* Writes just after the reader thought it was done: the next sync from
   * its "next" gets them. */
  paging_writes (srv, tracked, rounds++);
  more = TRUE;
  while (more)
    {
      more = changes_page (srv, TOKEN (CARLA), &since, 3, seen);
      pages++;
      g_assert_cmpuint (pages, <, 1000);
    }
  g_test_message ("%u pages, %u write rounds, %u records", pages, rounds, tracked->len);

  /* Everything the server lists that changed after v0 was seen, at its
   * version or newer. */
  index = http (srv, "GET", "/v1/index", TOKEN (CARLA), NULL, NULL, NULL);
  assert_status (index, 200);
  g_assert_cmpint (since, ==, json_object_get_int_member (root (index), "library_version"));
  listed = json_object_get_object_member (root (index), "records");
  members = json_object_get_members (listed);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 v = json_object_get_int_member (listed, l->data);
      JsonObject *o;

      if (v <= v0)
        continue;
      listed_after++;
      o = g_hash_table_lookup (seen, l->data);
      if (o == NULL)
        {
          g_test_message ("%s (version %" G_GINT64_FORMAT ") was never seen", (char *) l->data, v);
          missing++;
        }
      else if (json_object_get_int_member (o, "version") < v)
        {
          g_test_message ("%s: seen at %" G_GINT64_FORMAT ", listed at %" G_GINT64_FORMAT,
                          (char *) l->data, json_object_get_int_member (o, "version"), v);
          stale++;
        }
    }
  g_list_free (members);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (stale, ==, 0);

  /* Nobody else wrote: the index lists exactly what was pushed, and the
   * last copy seen of each is its last edit. */
  g_assert_cmpuint (listed_after, ==, tracked->len);
  g_assert_cmpuint (g_hash_table_size (seen), ==, tracked->len);
  for (guint i = 0; i < tracked->len; i++)
    {
      Tracked *t = tracked->pdata[i];
      JsonObject *o = g_hash_table_lookup (seen, t->id);

      g_assert_nonnull (o);
      g_assert_cmpint (json_object_get_int_member (listed, t->id), ==, t->version);
      g_assert_cmpint (json_object_get_int_member (o, "version"), ==, t->version);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "data"), "title"), ==,
                       t->title);
    }
}

/* Visibility and organisations */

static void
test_private_records (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  g_autofree char *data = document ("Mijn concept");
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, "private", data), NULL);
  g_autoptr(Reply) r = push_ok (srv, TOKEN (BRAM), body);
  gint64 v = result_version (r, 0);
  g_autoptr(JsonObject) own = NULL;
  g_autoptr(JsonObject) theirs = NULL;
  g_autoptr(JsonObject) admins = NULL;
  g_autoptr(GHashTable) bram_sees = NULL;
  g_autoptr(GHashTable) carla_sees = NULL;
  g_autoptr(GHashTable) anna_sees = NULL;
  g_autoptr(Reply) index = NULL;
  g_autoptr(Reply) edit = NULL;
  g_autoptr(Reply) edit_with_key = NULL;
  g_autofree char *edit_body = NULL;

  assert_result (r, 0, "applied", NULL);

  own = get_record (srv, TOKEN (BRAM), id);
  g_assert_nonnull (own);
  g_assert_cmpstr (json_object_get_string_member (own, "visibility"), ==, "private");
  theirs = get_record (srv, TOKEN (CARLA), id);
  g_assert_null (theirs);
  admins = get_record (srv, TOKEN (ANNA), id);
  g_assert_null (admins);

  bram_sees = changes_all (srv, TOKEN (BRAM), 0, 1000, NULL);
  carla_sees = changes_all (srv, TOKEN (CARLA), 0, 1000, NULL);
  anna_sees = changes_all (srv, TOKEN (ANNA), 0, 1000, NULL);
  g_assert_true (g_hash_table_contains (bram_sees, id));
  g_assert_false (g_hash_table_contains (carla_sees, id));
  g_assert_false (g_hash_table_contains (anna_sees, id));
  {
    g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, v - 1);
    g_autoptr(Reply) page = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
    g_autofree char *text = reply_text (page);

    assert_status (page, 200);
    g_assert_null (strstr (text, id));
    g_assert_null (strstr (text, "Mijn concept"));
  }

  index = http (srv, "GET", "/v1/index", TOKEN (CARLA), NULL, NULL, NULL);
  assert_status (index, 200);
  g_assert_false (json_object_has_member (json_object_get_object_member (root (index), "records"), id));

  /* Nor can she write to it, or learn it exists */
  edit_body = batch (rec (id, "document", v, FALSE, "org", "{\"title\":\"Van mij\"}"), NULL);
  edit_with_key = push_ok (srv, TOKEN (CARLA), edit_body);
  assert_result (edit_with_key, 0, "rejected", "not_found");
  g_assert_false (json_object_has_member (result_at (edit_with_key, 0), "server"));
  g_clear_pointer (&own, json_object_unref);
  own = get_record (srv, TOKEN (BRAM), id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (own, "data"), "title"), ==,
                   "Mijn concept");
  g_assert_cmpint (json_object_get_int_member (own, "version"), ==, v);
}

static void
test_org_isolation (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  g_autofree char *data = document ("Alleen voor Helder");
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) r = push_ok (srv, TOKEN (BRAM), body);
  gint64 v = result_version (r, 0);
  gint64 gemeente_version, buur_version;
  g_autoptr(GHashTable) gijs_sees = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(Reply) takeover = NULL;
  g_autoptr(Reply) index = NULL;
  g_autofree char *takeover_body = NULL;
  g_autofree char *own = new_id ();
  g_autofree char *own_body = NULL;
  g_autoptr(Reply) own_push = NULL;
  g_autoptr(JsonObject) seen_by_bram = NULL;

  stored = get_record (srv, TOKEN (GIJS), id);
  g_assert_null (stored);

  gijs_sees = changes_all (srv, TOKEN (GIJS), 0, 1000, NULL);
  g_assert_false (g_hash_table_contains (gijs_sees, id));
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, gijs_sees);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (value, "data"), "title"), !=,
                       "Alleen voor Helder");
  }
  index = http (srv, "GET", "/v1/index", TOKEN (GIJS), NULL, NULL, NULL);
  assert_status (index, 200);
  g_assert_false (json_object_has_member (json_object_get_object_member (root (index), "records"), id));

  /* Pushing the same id from the other organisation changes nothing. */
  buur_version = library_version (srv, TOKEN (GIJS));
  gemeente_version = library_version (srv, TOKEN (BRAM));
  takeover_body = batch (rec (id, "document", v, FALSE, NULL, "{\"title\":\"Overgenomen\"}"), NULL);
  takeover = push_ok (srv, TOKEN (GIJS), takeover_body);
  assert_result (takeover, 0, "rejected", "not_found");
  g_assert_false (json_object_has_member (result_at (takeover, 0), "server"));
  g_assert_cmpint (library_version (srv, TOKEN (GIJS)), ==, buur_version);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, gemeente_version);
  g_clear_pointer (&stored, json_object_unref);
  stored = get_record (srv, TOKEN (BRAM), id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "data"), "title"), ==,
                   "Alleen voor Helder");
  g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, v);

  /* The other way round, and each organisation has its own counter */
  own_body = batch (rec (own, "document", 0, FALSE, NULL, "{\"title\":\"Buren\"}"), NULL);
  own_push = push_ok (srv, TOKEN (GIJS), own_body);
  assert_result (own_push, 0, "applied", NULL);
  g_assert_cmpint (result_version (own_push, 0), ==, buur_version + 1);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, gemeente_version);
  seen_by_bram = get_record (srv, TOKEN (BRAM), own);
  g_assert_null (seen_by_bram);
}

static void
test_roles (void)
{
  Server *srv = shared_server ();
  g_autofree char *priority = new_id ();
  g_autofree char *doc = new_id ();
  g_autofree char *word = new_id ();
  g_autofree char *personal = new_id ();
  g_autofree char *data = document ("Brief van daan");
  g_autofree char *body = batch (rec (priority, "priority", 0, FALSE, NULL, "{\"title\":\"Meer groen\",\"rank\":5}"),
                                 rec (doc, "document", 0, FALSE, NULL, data),
                                 rec (word, "word_list_entry", 0, FALSE, NULL, "{\"word\":\"derhalve\"}"),
                                 rec (personal, "word_list_entry", 0, FALSE, "private", "{\"word\":\"middels\"}"),
                                 NULL);
  gint64 v0 = library_version (srv, TOKEN (DAAN));
  g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);
  g_autoptr(JsonObject) p = NULL;
  g_autoptr(JsonObject) d = NULL;
  g_autoptr(JsonObject) w = NULL;
  g_autofree char *advisor_body = NULL;
  g_autoptr(Reply) advisor = NULL;
  g_autofree char *staff_edit_body = NULL;
  g_autoptr(Reply) staff_edit = NULL;

  assert_result (r, 0, "rejected", "forbidden");
  assert_result (r, 1, "applied", NULL);
  assert_result (r, 2, "rejected", "forbidden");
  assert_result (r, 3, "applied", NULL);
  g_assert_cmpint (json_object_get_int_member (root (r), "library_version"), ==, v0 + 1);
  g_assert_cmpint (result_version (r, 1), ==, v0 + 1);

  p = get_record (srv, TOKEN (ANNA), priority);
  g_assert_null (p);
  w = get_record (srv, TOKEN (ANNA), word);
  g_assert_null (w);
  d = get_record (srv, TOKEN (ANNA), doc);
  g_assert_nonnull (d);

  /* An advisor may write the priority; staff may not then edit it. */
  advisor_body = batch (rec (priority, "priority", 0, FALSE, NULL, "{\"title\":\"Meer groen\",\"rank\":5}"), NULL);
  advisor = push_ok (srv, TOKEN (BRAM), advisor_body);
  assert_result (advisor, 0, "applied", NULL);
  staff_edit_body = batch (rec (priority, "priority", result_version (advisor, 0), FALSE, NULL,
                                "{\"rank\":1}"), NULL);
  staff_edit = push_ok (srv, TOKEN (DAAN), staff_edit_body);
  assert_result (staff_edit, 0, "rejected", "forbidden");
  g_clear_pointer (&p, json_object_unref);
  p = get_record (srv, TOKEN (ANNA), priority);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (p, "data"), "rank"), ==, 5);

  /* Nobody but an admin writes users */
  {
    g_autofree char *uid = new_id ();
    g_autofree char *ub = batch (rec (uid, "user", 0, FALSE, NULL,
                                      "{\"name\":\"Nieuw\",\"login\":\"nieuw\",\"role\":\"admin\"}"), NULL);
    g_autoptr(Reply) by_advisor = push_ok (srv, TOKEN (BRAM), ub);

    assert_result (by_advisor, 0, "rejected", "forbidden");
  }
}

/* Push */

static void
test_push_idempotent_replay (void)
{
  Server *srv = shared_server ();
  g_autofree char *key = new_id ();
  g_autofree char *id = new_id ();
  g_autofree char *data = document ("Eenmaal");
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) first = push (srv, TOKEN (BRAM), key, body);
  gint64 after_first = library_version (srv, TOKEN (BRAM));
  g_autoptr(Reply) second = push (srv, TOKEN (BRAM), key, body);
  g_autoptr(Reply) by_colleague = NULL;

  assert_status (first, 200);
  assert_result (first, 0, "applied", NULL);
  assert_status (second, 200);
  g_assert_true (g_bytes_equal (first->body, second->body));
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, after_first);
  g_assert_cmpint (json_object_get_int_member (root (first), "library_version"), ==, after_first);

  /* The key belongs to the organisation, whoever sends it */
  by_colleague = push (srv, TOKEN (CARLA), key, body);
  assert_status (by_colleague, 200);
  g_assert_true (g_bytes_equal (first->body, by_colleague->body));
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, after_first);
}

/* A server of the test's own, with @config_text, one organisation and
 * the advisor anna logged in; returns her token. */
static char *
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
  admin_wait (adding);
  server_start (srv);

  logged_in = login (srv, "anna", password);
  assert_status (logged_in, 200);
  token = g_strdup (json_object_get_string_member (root (logged_in), "token"));
  g_ptr_array_add (secrets, g_strdup (token));
  return token;
}

/* An old batch replayed after the server forgot its answer (here at once:
 * idempotency-hours=0, and a restart purges): the merge finds its changes
 * already there, and nothing is applied twice. */
static void
test_push_replay_after_expiry (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, "[server]\nidempotency-hours=0\n");
  g_autofree char *id = new_id ();
  g_autofree char *create_key = new_id ();
  g_autofree char *edit_key = new_id ();
  g_autofree char *create_body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Eenmaal\"}"), NULL);
  g_autofree char *edit_body = NULL;
  g_autoptr(Reply) created = push (&srv, token, create_key, create_body);
  g_autoptr(Reply) edited = NULL;
  g_autoptr(Reply) old_create = NULL;
  g_autoptr(Reply) old_edit = NULL;
  g_autoptr(JsonObject) now = NULL;
  const char *status;
  gint64 v;

  assert_status (created, 200);
  assert_result (created, 0, "applied", NULL);
  edit_body = batch (rec (id, "document", result_version (created, 0), FALSE, NULL, "{\"title\":\"Andermaal\"}"),
                     NULL);
  edited = push (&srv, token, edit_key, edit_body);
  assert_status (edited, 200);
  assert_result (edited, 0, "applied", NULL);
  v = library_version (&srv, token);

  server_stop (&srv);
  server_start (&srv);

  /* The creation again: its title was changed since, so it is a conflict
   * (or unchanged), never a second creation over the edit */
  old_create = push (&srv, token, create_key, create_body);
  assert_status (old_create, 200);
  g_assert_false (g_bytes_equal (old_create->body, created->body));
  status = json_object_get_string_member (result_at (old_create, 0), "status");
  g_assert_true (g_str_equal (status, "conflict") || g_str_equal (status, "unchanged"));
  /* The edit again: already there */
  old_edit = push (&srv, token, edit_key, edit_body);
  assert_status (old_edit, 200);
  assert_result (old_edit, 0, "unchanged", NULL);

  g_assert_cmpint (library_version (&srv, token), ==, v);
  now = get_record (&srv, token, id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (now, "data"), "title"), ==, "Andermaal");

  server_stop (&srv);
  server_clear (&srv);
}

static void
test_push_key_reused (void)
{
  Server *srv = shared_server ();
  g_autofree char *key = new_id ();
  g_autofree char *id = new_id ();
  g_autofree char *other_id = new_id ();
  g_autofree char *data = document ("Eerste");
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, data), NULL);
  g_autofree char *other = batch (rec (other_id, "document", 0, FALSE, NULL, data), NULL);
  g_autoptr(Reply) first = push (srv, TOKEN (BRAM), key, body);
  gint64 v = library_version (srv, TOKEN (BRAM));
  g_autoptr(Reply) reused = push (srv, TOKEN (BRAM), key, other);
  g_autoptr(JsonObject) missing = NULL;
  g_autoptr(Reply) elsewhere = NULL;

  assert_status (first, 200);
  assert_error (reused, 422, "key_reused", NULL);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);
  missing = get_record (srv, TOKEN (BRAM), other_id);
  g_assert_null (missing);

  /* Another organisation's keys are its own. */
  elsewhere = push (srv, TOKEN (GIJS), key, other);
  assert_status (elsewhere, 200);
  assert_result (elsewhere, 0, "applied", NULL);
}

static void
test_push_one_version (void)
{
  Server *srv = shared_server ();
  gint64 v0 = library_version (srv, TOKEN (BRAM));
  g_autofree char *a = new_id (), *b = new_id (), *c = new_id ();
  g_autofree char *body = batch (rec (a, "document", 0, FALSE, NULL, "{\"title\":\"Een\"}"),
                                 rec (b, "priority", 0, FALSE, NULL, "{\"title\":\"Twee\",\"rank\":1000}"),
                                 rec (c, "topic", 0, FALSE, NULL, "{\"title\":\"Drie\",\"admin_impact\":3}"), NULL);
  g_autoptr(Reply) r = push_ok (srv, TOKEN (BRAM), body);
  g_autoptr(GHashTable) seen = NULL;

  g_assert_cmpint (json_object_get_int_member (root (r), "library_version"), ==, v0 + 1);
  g_assert_cmpuint (n_results (r), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      assert_result (r, i, "applied", NULL);
      g_assert_cmpint (result_version (r, i), ==, v0 + 1);
    }
  g_assert_cmpstr (json_object_get_string_member (result_at (r, 0), "id"), ==, a);
  g_assert_cmpstr (json_object_get_string_member (result_at (r, 1), "id"), ==, b);
  g_assert_cmpstr (json_object_get_string_member (result_at (r, 2), "id"), ==, c);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 1);

  seen = changes_all (srv, TOKEN (CARLA), v0, 100, NULL);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 3);

  /* An empty push, or one with nothing applied, bumps nothing */
  {
    g_autoptr(Reply) empty = push_ok (srv, TOKEN (BRAM), "{\"records\":[]}");

    g_assert_cmpint (json_object_get_int_member (root (empty), "library_version"), ==, v0 + 1);
    g_assert_cmpuint (n_results (empty), ==, 0);
    g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 1);
  }
}

/* Field-level merge */

static void
test_merge_different_fields (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  gint64 base = create (srv, TOKEN (BRAM), id, "priority",
                        "{\"title\":\"Fietspad\",\"rank\":10,\"status\":\"active\",\"theme\":\"verkeer\"}");
  g_autoptr(Reply) a = edit (srv, TOKEN (BRAM), id, "priority", base, FALSE, "{\"title\":\"Fietspad Noord\"}");
  g_autoptr(Reply) b = edit (srv, TOKEN (CARLA), id, "priority", base, FALSE, "{\"rank\":20,\"status\":\"paused\"}");
  g_autoptr(JsonObject) stored = get_record (srv, TOKEN (ANNA), id);
  JsonObject *data = json_object_get_object_member (stored, "data");

  assert_result (a, 0, "applied", NULL);
  assert_result (b, 0, "applied", NULL);
  g_assert_cmpint (result_version (b, 0), ==, result_version (a, 0) + 1);
  g_assert_cmpstr (json_object_get_string_member (data, "title"), ==, "Fietspad Noord");
  g_assert_cmpint (json_object_get_int_member (data, "rank"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "paused");
  g_assert_cmpstr (json_object_get_string_member (data, "theme"), ==, "verkeer");
  g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, result_version (b, 0));
  g_assert_cmpstr (json_object_get_string_member (stored, "updated_by"), ==, "carla");
}

static void
test_merge_same_field (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  g_autofree char *bystander = new_id ();
  gint64 base = create (srv, TOKEN (BRAM), id, "priority", "{\"title\":\"Woningbouw\",\"theme\":\"wonen\"}");
  gint64 bystander_base = create (srv, TOKEN (BRAM), bystander, "document", "{\"title\":\"Los\"}");
  g_autoptr(Reply) a = edit (srv, TOKEN (BRAM), id, "priority", base, FALSE, "{\"theme\":\"zorg\"}");
  gint64 v_a = result_version (a, 0);
  g_autofree char *body = batch (rec (id, "priority", base, FALSE, NULL, "{\"theme\":\"werk\",\"rank\":3}"),
                                 rec (bystander, "document", bystander_base, FALSE, NULL, "{\"title\":\"Los 2\"}"),
                                 NULL);
  g_autoptr(Reply) b = push_ok (srv, TOKEN (CARLA), body);
  g_autoptr(JsonObject) stored = get_record (srv, TOKEN (ANNA), id);
  JsonObject *server;
  guint conflicts = 0;

  assert_result (a, 0, "applied", NULL);
  assert_result (b, 0, "conflict", NULL);
  assert_result (b, 1, "applied", NULL);
  for (guint i = 0; i < n_results (b); i++)
    if (g_str_equal (json_object_get_string_member (result_at (b, i), "status"), "conflict"))
      conflicts++;
  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_false (json_object_has_member (result_at (b, 1), "server"));

  /* The conflict carries the server's copy, at its version. */
  g_assert_cmpint (result_version (b, 0), ==, v_a);
  server = json_object_get_object_member (result_at (b, 0), "server");
  g_assert_nonnull (server);
  g_assert_cmpstr (json_object_get_string_member (server, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (server, "version"), ==, v_a);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "data"), "theme"), ==,
                   "zorg");
  g_assert_false (json_object_has_member (server, "field_versions"));
  g_assert_false (json_object_has_member (server, "owner"));

  /* and nothing of the conflicting record was applied, not even rank */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "data"), "theme"), ==,
                   "zorg");
  g_assert_cmpint (json_object_get_int_member_with_default (json_object_get_object_member (stored, "data"),
                                                            "rank", 0), !=, 3);
  g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, v_a);

  /* On the server's version the same edit goes through. */
  {
    g_autoptr(Reply) again = edit (srv, TOKEN (CARLA), id, "priority", v_a, FALSE, "{\"theme\":\"werk\"}");

    assert_result (again, 0, "applied", NULL);
  }
}

static void
test_merge_edit_vs_delete (void)
{
  Server *srv = shared_server ();
  g_autofree char *gone = new_id ();
  g_autofree char *kept = new_id ();
  gint64 base_gone = create (srv, TOKEN (BRAM), gone, "topic", "{\"title\":\"Zwerfafval\",\"trend\":\"rising\"}");
  gint64 base_kept = create (srv, TOKEN (BRAM), kept, "topic", "{\"title\":\"Parkeren\",\"trend\":\"stable\"}");
  g_autoptr(Reply) deleted = edit (srv, TOKEN (BRAM), gone, "topic", base_gone, TRUE, "{}");
  g_autoptr(Reply) edited_after = edit (srv, TOKEN (CARLA), gone, "topic", base_gone, FALSE, "{\"trend\":\"falling\"}");
  g_autoptr(Reply) edited = edit (srv, TOKEN (BRAM), kept, "topic", base_kept, FALSE, "{\"summary\":\"Meer klachten\"}");
  g_autoptr(Reply) deleted_after = edit (srv, TOKEN (CARLA), kept, "topic", base_kept, TRUE, "{}");
  g_autoptr(JsonObject) stored_gone = get_record (srv, TOKEN (ANNA), gone);
  g_autoptr(JsonObject) stored_kept = get_record (srv, TOKEN (ANNA), kept);
  JsonObject *server;

  assert_result (deleted, 0, "applied", NULL);
  assert_result (edited, 0, "applied", NULL);

  /* edit against a delete */
  assert_result (edited_after, 0, "conflict", NULL);
  server = json_object_get_object_member (result_at (edited_after, 0), "server");
  g_assert_nonnull (server);
  g_assert_true (json_object_get_boolean_member (server, "deleted"));
  g_assert_true (json_object_get_boolean_member (stored_gone, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored_gone, "data"), "trend"), ==,
                   "rising");

  /* delete against an edit */
  assert_result (deleted_after, 0, "conflict", NULL);
  server = json_object_get_object_member (result_at (deleted_after, 0), "server");
  g_assert_nonnull (server);
  g_assert_false (json_object_get_boolean_member (server, "deleted"));
  g_assert_false (json_object_get_boolean_member (stored_kept, "deleted"));

  /* Deleting what is already deleted is no conflict. */
  {
    g_autoptr(Reply) twice = edit (srv, TOKEN (CARLA), gone, "topic", base_gone, TRUE, "{}");

    assert_result (twice, 0, "unchanged", NULL);
  }
}

static void
test_merge_unchanged (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  const char *data = "{\"title\":\"Gelijk\",\"kind\":\"webtekst\",\"target_level\":2}";
  gint64 base = create (srv, TOKEN (BRAM), id, "document", data);
  gint64 v = library_version (srv, TOKEN (BRAM));
  g_autoptr(Reply) same = edit (srv, TOKEN (CARLA), id, "document", base, FALSE, data);
  g_autoptr(Reply) newer = NULL;
  g_autoptr(Reply) stale = NULL;
  gint64 v_newer;

  assert_result (same, 0, "unchanged", NULL);
  g_assert_cmpint (result_version (same, 0), ==, base);
  g_assert_false (json_object_has_member (result_at (same, 0), "server"));
  g_assert_cmpint (json_object_get_int_member (root (same), "library_version"), ==, v);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);

  /* A stale client that made the same change as the server: unchanged, not
   * a conflict. */
  newer = edit (srv, TOKEN (BRAM), id, "document", base, FALSE, "{\"target_level\":1}");
  assert_result (newer, 0, "applied", NULL);
  v_newer = result_version (newer, 0);
  stale = edit (srv, TOKEN (CARLA), id, "document", base, FALSE, "{\"title\":\"Gelijk\",\"target_level\":1}");
  assert_result (stale, 0, "unchanged", NULL);
  g_assert_cmpint (result_version (stale, 0), ==, v_newer);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v_newer);
}

/* Client clocks: the protocol sends no client time, so one a day off, or
 * one in 2001, changes nothing.  Any time the client adds (updated_at on
 * the record or in its data) is ignored: updated_at is the server's. */

#define OLD_CLIENT_TIME "2001-01-01T00:00:00Z"

/* A record of a push, with @when as its updated_at, created_at and
 * client_time, and as updated_at in its data; @fields are the data's
 * members without braces. */
static char *
rec_at (const char *id,
        const char *type,
        gint64      base,
        gboolean    deleted,
        const char *fields,
        const char *when)
{
  if (when == NULL)
    return g_strdup_printf ("{\"id\":\"%s\",\"type\":\"%s\",\"base_version\":%" G_GINT64_FORMAT ","
                            "\"deleted\":%s,\"data\":{%s}}",
                            id, type, base, deleted ? "true" : "false", fields);
  return g_strdup_printf ("{\"id\":\"%s\",\"type\":\"%s\",\"base_version\":%" G_GINT64_FORMAT ","
                          "\"deleted\":%s,\"updated_at\":\"%s\",\"created_at\":\"%s\",\"client_time\":\"%s\","
                          "\"data\":{%s%s\"updated_at\":\"%s\"}}",
                          id, type, base, deleted ? "true" : "false", when, when, when,
                          fields, *fields ? "," : "", when);
}

/* updated_at of a record as sent by the server: the server's time now */
static void
assert_server_time (JsonObject *o)
{
  const char *text = json_object_get_string_member_with_default (o, "updated_at", NULL);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan off;

  g_assert_nonnull (text);
  when = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (when);
  off = g_date_time_difference (now, when);
  if (ABS (off) > 60 * G_TIME_SPAN_SECOND)
    g_test_message ("updated_at %s is not now", text);
  g_assert_cmpint (ABS (off), <=, 60 * G_TIME_SPAN_SECOND);
  /* and no client time crept into the data */
  if (json_object_has_member (o, "data"))
    g_assert_false (json_object_has_member (json_object_get_object_member (o, "data"), "updated_at"));
}

static Reply *
push_at (Server     *srv,
         const char *token,
         char       *record)
{
  g_autofree char *body = batch (record, NULL);

  return push_ok (srv, token, body);
}

/* The same-field conflict and its neighbours, with client times @when or
 * none: what happened, as text, with versions relative to the first. */
static char *
clock_scenario (Server     *srv,
                const char *when)
{
  GString *outcome = g_string_new (NULL);
  g_autofree char *id = new_id ();
  g_autoptr(Reply) created = push_at (srv, TOKEN (BRAM), rec_at (id, "priority", 0, FALSE,
                                      "\"title\":\"Groen\",\"theme\":\"natuur\",\"rank\":4", when));
  gint64 base = result_version (created, 0);
  struct
  {
    guint       who;
    const char *fields;
    gboolean    deleted;
  } steps[] = {
    { BRAM,  "\"theme\":\"zorg\"", FALSE },            /* applied */
    { CARLA, "\"theme\":\"werk\"", FALSE },            /* the same field: conflict */
    { CARLA, "\"rank\":9", FALSE },                    /* another field: merged */
    { CARLA, "\"theme\":\"zorg\"", FALSE },            /* what the server has: unchanged */
    { CARLA, "", TRUE },                               /* delete after an edit: conflict */
  };
  g_autoptr(JsonObject) stored = NULL;
  JsonObject *data;

  g_string_append_printf (outcome, "%s@0", json_object_get_string_member (result_at (created, 0), "status"));
  {
    g_autoptr(JsonObject) first = get_record (srv, TOKEN (CARLA), id);

    assert_server_time (first);
  }

  /* every later push on the creation's version, as a client that was
   * offline since */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(Reply) r = push_at (srv, TOKEN (steps[i].who),
                                    rec_at (id, "priority", base, steps[i].deleted, steps[i].fields, when));
      JsonObject *result = result_at (r, 0);
      const char *status = json_object_get_string_member (result, "status");

      g_string_append_printf (outcome, " %s@%" G_GINT64_FORMAT, status,
                              json_object_get_int_member (result, "version") - base);
      if (json_object_has_member (result, "server"))
        assert_server_time (json_object_get_object_member (result, "server"));
      if (g_str_equal (status, "applied"))
        {
          g_autoptr(JsonObject) now = get_record (srv, TOKEN (CARLA), id);

          assert_server_time (now);
        }
    }

  stored = get_record (srv, TOKEN (CARLA), id);
  data = json_object_get_object_member (stored, "data");
  g_string_append_printf (outcome, " | theme=%s rank=%" G_GINT64_FORMAT " deleted=%d version@%" G_GINT64_FORMAT
                          " by=%s",
                          json_object_get_string_member (data, "theme"), json_object_get_int_member (data, "rank"),
                          json_object_get_boolean_member (stored, "deleted"),
                          json_object_get_int_member (stored, "version") - base,
                          json_object_get_string_member (stored, "updated_by"));
  return g_string_free (outcome, FALSE);
}

static void
test_clock_skewed_client (void)
{
  Server *srv = shared_server ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) behind = g_date_time_add_days (now, -1);
  g_autofree char *ahead_text = g_date_time_format_iso8601 (ahead);
  g_autofree char *behind_text = g_date_time_format_iso8601 (behind);
  const char *whens[] = { OLD_CLIENT_TIME, ahead_text, behind_text };
  g_autofree char *plain = clock_scenario (srv, NULL);

  g_assert_cmpstr (plain, ==, "applied@0 applied@1 conflict@1 applied@2 unchanged@2 conflict@2"
                              " | theme=zorg rank=9 deleted=0 version@2 by=carla");
  for (guint i = 0; i < G_N_ELEMENTS (whens); i++)
    {
      g_autofree char *skewed = clock_scenario (srv, whens[i]);

      if (g_strcmp0 (skewed, plain) != 0)
        g_test_message ("with client times %s: %s", whens[i], skewed);
      g_assert_cmpstr (skewed, ==, plain);
    }

  /* Changes come in version order whatever times the client claimed:
   * tomorrow first, then 2001, then none. */
  {
    gint64 v0 = library_version (srv, TOKEN (BRAM));
    g_autofree char *x = new_id (), *y = new_id (), *z = new_id ();
    const char *ids[] = { x, y, z };
    const char *claimed[] = { ahead_text, OLD_CLIENT_TIME, NULL };
    g_autofree char *path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, v0);
    g_autofree char *http_ahead = soup_date_time_to_string (ahead, SOUP_DATE_HTTP);
    g_autoptr(Reply) page = NULL;
    JsonArray *records;
    g_autoptr(GDateTime) previous = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(Reply) r = push_at (srv, TOKEN (BRAM),
                                      rec_at (ids[i], "document", 0, FALSE, "\"title\":\"Klok\"", claimed[i]));

        assert_result (r, 0, "applied", NULL);
        g_assert_cmpint (result_version (r, 0), ==, v0 + i + 1);
      }

    /* HTTP dates a day ahead (If-Modified-Since, Date) mean nothing
     * either: only If-Modified-Since-Version gives a 304. */
    page = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL,
                 "If-Modified-Since", http_ahead, "Date", http_ahead, NULL);
    assert_status (page, 200);
    records = json_object_get_array_member (root (page), "records");
    g_assert_cmpuint (json_array_get_length (records), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *o = json_array_get_object_element (records, i);
        g_autoptr(GDateTime) at = NULL;

        g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, ids[i]);
        g_assert_cmpint (json_object_get_int_member (o, "version"), ==, v0 + i + 1);
        assert_server_time (o);
        /* the server's times follow its versions */
        at = g_date_time_new_from_iso8601 (json_object_get_string_member (o, "updated_at"), NULL);
        if (previous != NULL)
          g_assert_cmpint (g_date_time_compare (previous, at), <=, 0);
        g_clear_pointer (&previous, g_date_time_unref);
        previous = g_steal_pointer (&at);
      }

    /* and "since" is a version, not a time */
    {
      g_autofree char *after_x = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT, v0 + 1);
      g_autoptr(Reply) rest = http (srv, "GET", after_x, TOKEN (CARLA), NULL, NULL, NULL);
      JsonArray *later;

      assert_status (rest, 200);
      later = json_object_get_array_member (root (rest), "records");
      g_assert_cmpuint (json_array_get_length (later), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (later, 0), "id"), ==, y);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (later, 1), "id"), ==, z);
    }
  }
}

/* Bad requests */

static void
test_push_bad_json (void)
{
  Server *srv = shared_server ();
  const char *bodies[] = { "{\"records\":[", "[]", "\"records\"", "{}", "{\"records\":{}}", "{\"records\":[1]}" };
  const char *codes[] = { "bad_json", "bad_json", "bad_json", "bad_field", "bad_field", "bad_field" };
  const char *needles[] = { NULL, NULL, NULL, "records", "records", "records[0]" };
  gint64 v = library_version (srv, TOKEN (BRAM));

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *key = new_id ();
      g_autoptr(Reply) r = push (srv, TOKEN (BRAM), key, bodies[i]);

      assert_error (r, 400, codes[i], needles[i]);
    }
  {
    static const char latin1[] = "{\"records\":[],\"x\":\"caf\xe9\"}";
    g_autofree char *key = new_id ();
    g_autoptr(Reply) r = push (srv, TOKEN (BRAM), key, latin1);

    assert_error (r, 400, "bad_json", NULL);
  }
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);
}

static void
test_push_bad_field (void)
{
  Server *srv = shared_server ();
  gint64 v = library_version (srv, TOKEN (BRAM));
  g_autofree char *good = new_id ();
  g_autofree char *bad = new_id ();
  struct
  {
    const char *type;
    const char *data;
    const char *needle;
  } cases[] = {
    { "priority", "{\"title\":\"Te hoog\",\"rank\":5000}", "records[1].data.rank" },
    { "priority", "{\"title\":\"Half\",\"rank\":1.5}", "records[1].data.rank" },
    { "priority", "{\"title\":\"Tekst\",\"rank\":\"hoog\"}", "records[1].data.rank" },
    { "priority", "{\"rank\":1}", "records[1].data.title" },
    { "priority", "{\"title\":\"\"}", "records[1].data.title" },
    { "priority", "{\"title\":\"Status\",\"status\":\"misschien\"}", "records[1].data.status" },
    { "topic", "{\"title\":\"Datum\",\"next_review\":\"morgen\"}", "records[1].data.next_review" },
    { "message", "{\"title\":\"Vlag\",\"legal_effect\":\"ja\"}", "records[1].data.legal_effect" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = new_id ();
      g_autofree char *body = batch (rec (good, "document", 0, FALSE, NULL, "{\"title\":\"Goed\"}"),
                                     rec (bad, cases[i].type, 0, FALSE, NULL, cases[i].data), NULL);
      g_autoptr(Reply) r = push (srv, TOKEN (BRAM), key, body);

      assert_error (r, 400, "bad_field", cases[i].needle);
    }

  /* The shape of a record */
  {
    struct
    {
      const char *record;
      const char *needle;
    } shapes[] = {
      { "{\"id\":\"not-a-uuid\",\"type\":\"document\",\"base_version\":0,\"data\":{\"title\":\"x\"}}", "records[1].id" },
      { "{\"id\":\"%s\",\"type\":\"planet\",\"base_version\":0,\"data\":{\"title\":\"x\"}}", "records[1].type" },
      { "{\"id\":\"%s\",\"type\":\"document\",\"data\":{\"title\":\"x\"}}", "records[1].base_version" },
      { "{\"id\":\"%s\",\"type\":\"document\",\"base_version\":-1,\"data\":{\"title\":\"x\"}}", "records[1].base_version" },
      { "{\"id\":\"%s\",\"type\":\"document\",\"base_version\":0}", "records[1].data" },
      { "{\"id\":\"%s\",\"type\":\"document\",\"base_version\":0,\"deleted\":\"yes\",\"data\":{}}", "records[1].deleted" },
      { "{\"id\":\"%s\",\"type\":\"document\",\"base_version\":0,\"visibility\":\"world\",\"data\":{\"title\":\"x\"}}",
        "records[1].visibility" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
      {
        g_autofree char *key = new_id ();
        g_autofree char *second = NULL;
        g_autofree char *body = NULL;
        g_autoptr(Reply) r = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        second = g_strdup_printf (shapes[i].record, bad);
#pragma GCC diagnostic pop
        body = g_strdup_printf ("{\"records\":[{\"id\":\"%s\",\"type\":\"document\",\"base_version\":0,"
                                "\"data\":{\"title\":\"Goed\"}},%s]}", good, second);
        r = push (srv, TOKEN (BRAM), key, body);
        assert_error (r, 400, "bad_field", shapes[i].needle);
      }
  }

  /* All or nothing: the good record of those pushes was not stored. */
  {
    g_autoptr(JsonObject) missing = get_record (srv, TOKEN (BRAM), good);

    g_assert_null (missing);
  }
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);

  /* A stored record keeps its type */
  {
    g_autofree char *body = NULL;
    g_autoptr(Reply) r = NULL;
    g_autofree char *key = new_id ();

    create (srv, TOKEN (BRAM), good, "document", "{\"title\":\"Goed\"}");
    body = batch (rec (good, "priority", 0, FALSE, NULL, "{\"title\":\"Anders\"}"), NULL);
    r = push (srv, TOKEN (BRAM), key, body);
    assert_error (r, 400, "bad_field", "records[0].type");
  }
}

static void
test_push_missing_key (void)
{
  Server *srv = shared_server ();
  g_autofree char *id = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Zonder sleutel\"}"), NULL);
  g_autofree char *long_key = g_strnfill (129, 'k');
  g_autoptr(Reply) missing = http (srv, "POST", "/v1/push", TOKEN (BRAM), "application/json", body, NULL);
  g_autoptr(Reply) empty = push (srv, TOKEN (BRAM), "", body);
  g_autoptr(Reply) too_long = push (srv, TOKEN (BRAM), long_key, body);
  g_autoptr(JsonObject) stored = NULL;

  assert_error (missing, 400, "bad_field", "Idempotency-Key");
  assert_error (empty, 400, "bad_field", "Idempotency-Key");
  assert_error (too_long, 400, "bad_field", "Idempotency-Key");
  stored = get_record (srv, TOKEN (BRAM), id);
  g_assert_null (stored);
}

/* Limits */

static void
test_limit_body_size (void)
{
  Server *srv = shared_server ();
  g_autofree char *request = g_strdup_printf ("POST /v1/push HTTP/1.1\r\n"
                                              "Host: 127.0.0.1:%u\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Idempotency-Key: too-large\r\n"
                                              "Content-Type: application/json\r\n"
                                              "Content-Length: %u\r\n"
                                              "\r\n",
                                              srv->port, TOKEN (BRAM), 2 * MIB);
  double seconds = 0;
  g_autofree char *answer = raw_exchange (srv->port, request, 3, &seconds);
  gint64 v = library_version (srv, TOKEN (BRAM));

  /* The body never comes: the answer must not wait for it. */
  expect (raw_status (answer) == 413, "413 before the body is read");
  expect (strstr (answer, "\"too_large\"") != NULL, "413 before the body is read");
  expect (seconds < 2.0, "a quick 413");

  /* With libsoup: a real body one byte over, sent after 100-continue */
  {
    g_autofree char *big = g_malloc (MIB + 1);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(Reply) r = NULL;
    g_autoptr(GError) error = NULL;

    memset (big, ' ', MIB + 1);
    memcpy (big, "{\"records\":[]}", strlen ("{\"records\":[]}"));
    bytes = g_bytes_new_take (g_steal_pointer (&big), MIB + 1);
    r = http_try (session, srv->base, "POST", "/v1/push", TOKEN (BRAM), "application/json", bytes, &error,
                  "Idempotency-Key", "too-large-2", "Expect", "100-continue", NULL);
    g_assert_no_error (error);
    assert_error (r, 413, "too_large", NULL);
  }

  /* ... and without 100-continue: libsoup sends the body at once, and
   * must still get the answer, not a reset connection. */
  {
    g_autofree char *big = g_malloc (2 * MIB);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(Reply) r = NULL;
    g_autoptr(GError) error = NULL;

    memset (big, ' ', 2 * MIB);
    bytes = g_bytes_new_take (g_steal_pointer (&big), 2 * MIB);
    r = http_try (session, srv->base, "POST", "/v1/push", TOKEN (BRAM), "application/json", bytes, &error,
                  "Idempotency-Key", "too-large-3", NULL);
    if (error != NULL)
      g_test_message ("a 2 MiB push without 100-continue: %s", error->message);
    expect (r != NULL, "an answer to a body sent in full");
    if (r != NULL)
      assert_error (r, 413, "too_large", NULL);
  }

  /* Exactly 1 MiB is allowed */
  {
    g_autofree char *full = g_malloc (MIB);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(Reply) r = NULL;
    g_autoptr(GError) error = NULL;

    memset (full, ' ', MIB);
    memcpy (full, "{\"records\":[]}", strlen ("{\"records\":[]}"));
    bytes = g_bytes_new_take (g_steal_pointer (&full), MIB);
    r = http_try (session, srv->base, "POST", "/v1/push", TOKEN (BRAM), "application/json", bytes, &error,
                  "Idempotency-Key", "exactly-one-mib", NULL);
    g_assert_no_error (error);
    assert_status (r, 200);
  }

  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);
}

static void
test_limit_records (void)
{
  Server *srv = shared_server ();
  GString *body = g_string_new ("{\"records\":[");
  g_autofree char *text = NULL;
  g_autofree char *hundred = NULL;
  g_autofree char *key = new_id ();
  g_autoptr(Reply) r = NULL;
  g_autoptr(Reply) ok = NULL;
  gint64 v = library_version (srv, TOKEN (BRAM));
  char *last;

  for (guint i = 0; i < 101; i++)
    {
      g_autofree char *id = new_id ();
      g_autofree char *one = rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Veel\"}");

      if (i > 0)
        g_string_append_c (body, ',');
      if (i == 100)
        hundred = g_strdup_printf ("%s]}", body->str);
      g_string_append (body, one);
    }
  g_string_append (body, "]}");
  text = g_string_free (body, FALSE);
  g_assert_cmpuint (strlen (text), <, MIB);

  r = push (srv, TOKEN (BRAM), key, text);
  assert_error (r, 413, "too_many_records", "100");
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v);

  /* 100 is fine, in one version; hundred ends with ",]}": drop the comma */
  last = strrchr (hundred, ',');
  memmove (last, last + 1, strlen (last));
  ok = push_ok (srv, TOKEN (BRAM), hundred);
  g_assert_cmpuint (n_results (ok), ==, 100);
  for (guint i = 0; i < 100; i++)
    {
      assert_result (ok, i, "applied", NULL);
      g_assert_cmpint (result_version (ok, i), ==, v + 1);
    }
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v + 1);
}

static void
test_limit_content_type (void)
{
  Server *srv = shared_server ();
  const char *body = "{\"records\":[]}";
  g_autoptr(Reply) text = http (srv, "POST", "/v1/push", TOKEN (BRAM), "text/plain", body,
                                "Idempotency-Key", "ct-1", NULL);
  g_autoptr(Reply) form = http (srv, "POST", "/v1/push", TOKEN (BRAM), "application/x-www-form-urlencoded", body,
                                "Idempotency-Key", "ct-2", NULL);
  g_autoptr(Reply) none = http (srv, "POST", "/v1/push", TOKEN (BRAM), NULL, body, "Idempotency-Key", "ct-3", NULL);
  g_autoptr(Reply) login_text = http (srv, "POST", "/v1/login", NULL, "text/plain",
                                      "{\"user\":\"bram\",\"password\":\"x\"}", NULL);
  g_autoptr(Reply) with_charset = http (srv, "POST", "/v1/push", TOKEN (BRAM), "application/json; charset=utf-8",
                                        body, "Idempotency-Key", "ct-4", NULL);

  assert_error (text, 415, "unsupported_media_type", NULL);
  assert_error (form, 415, "unsupported_media_type", NULL);
  assert_error (none, 415, "unsupported_media_type", NULL);
  assert_error (login_text, 415, "unsupported_media_type", NULL);
  /* parameters of the type are fine */
  assert_status (with_charset, 200);
}

static void
test_limit_length_required (void)
{
  Server *srv = shared_server ();
  g_autofree char *request = g_strdup_printf ("POST /v1/push HTTP/1.1\r\n"
                                              "Host: 127.0.0.1:%u\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Idempotency-Key: chunked\r\n"
                                              "Content-Type: application/json\r\n"
                                              "Transfer-Encoding: chunked\r\n"
                                              "\r\n",
                                              srv->port, TOKEN (BRAM));
  double seconds = 0;
  g_autofree char *answer = raw_exchange (srv->port, request, 3, &seconds);

  /* No chunk comes: the answer must not wait for them. */
  expect (raw_status (answer) == 411, "411 before the body is read");
  expect (strstr (answer, "\"length_required\"") != NULL, "411 before the body is read");
  expect (seconds < 2.0, "a quick 411");

  /* libsoup sends a stream of unknown length chunked */
  {
    g_autofree char *uri = g_strconcat (srv->base, "/v1/push", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("{\"records\":[]}", 14, NULL);
    g_autofree char *auth = g_strconcat ("Bearer ", TOKEN (BRAM), NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

    soup_message_headers_replace (headers, "Authorization", auth);
    soup_message_headers_replace (headers, "Idempotency-Key", "chunked-2");
    soup_message_set_request_body (msg, "application/json", stream, -1);
    bytes = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_headers_get_encoding (headers), ==, SOUP_ENCODING_CHUNKED);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 411);
  }
}

/* Blobs */

static char *
blob_path (const char *sha)
{
  return g_strconcat ("/v1/blobs/", sha, NULL);
}

static Reply *
put_blob (Server     *srv,
          const char *token,
          const char *sha,
          GBytes     *bytes)
{
  g_autofree char *path = blob_path (sha);
  g_autoptr(GError) error = NULL;
  Reply *r = http_try (session, srv->base, "PUT", path, token, "application/octet-stream", bytes, &error, NULL);

  g_assert_no_error (error);
  return r;
}

static void
test_blobs (void)
{
  Server *srv = shared_server ();
  static const guint8 content[] = { 0x89, 'P', 'N', 'G', 0x00, 0xff, 0x10, 'x', 'y', 'z' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, sizeof content);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *path = blob_path (sha);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha);
  g_autofree char *other_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "something else", -1);
  g_autoptr(Reply) created = put_blob (srv, TOKEN (BRAM), sha, bytes);
  g_autoptr(Reply) again = put_blob (srv, TOKEN (CARLA), sha, bytes);
  g_autoptr(Reply) mismatch = put_blob (srv, TOKEN (BRAM), other_sha, bytes);
  g_autoptr(Reply) got = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
  g_autoptr(Reply) cached = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, "If-None-Match", etag, NULL);
  g_autoptr(Reply) stale = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, "If-None-Match", "\"other\"", NULL);
  g_autofree char *other_path = blob_path (other_sha);
  g_autoptr(Reply) unknown = http (srv, "GET", other_path, TOKEN (CARLA), NULL, NULL, NULL);
  g_autofree char *upper = g_ascii_strup (sha, -1);
  g_autofree char *upper_path = blob_path (upper);
  g_autoptr(Reply) not_a_hash = http (srv, "GET", upper_path, TOKEN (CARLA), NULL, NULL, NULL);

  assert_status (created, 201);
  assert_status (again, 200);
  assert_error (mismatch, 422, "hash_mismatch", NULL);

  assert_status (got, 200);
  g_assert_true (g_bytes_equal (got->body, bytes));
  g_assert_cmpstr (soup_message_headers_get_one (got->headers, "ETag"), ==, etag);
  g_assert_nonnull (strstr (soup_message_headers_get_one (got->headers, "Cache-Control"), "immutable"));

  assert_status (cached, 304);
  g_assert_cmpuint (g_bytes_get_size (cached->body), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (cached->headers, "ETag"), ==, etag);
  assert_status (stale, 200);
  g_assert_true (g_bytes_equal (stale->body, bytes));

  assert_error (unknown, 404, "not_found", NULL);
  assert_error (not_a_hash, 404, "not_found", NULL);

  /* The mismatched upload left nothing under the other name */
  {
    g_autoptr(Reply) still = http (srv, "GET", other_path, TOKEN (CARLA), NULL, NULL, NULL);

    assert_status (still, 404);
  }
}

static void
test_blobs_too_large (void)
{
  Server *srv = shared_server ();
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "big", -1);
  g_autofree char *request = g_strdup_printf ("PUT /v1/blobs/%s HTTP/1.1\r\n"
                                              "Host: 127.0.0.1:%u\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Content-Type: application/octet-stream\r\n"
                                              "Content-Length: %u\r\n"
                                              "\r\n",
                                              sha, srv->port, TOKEN (BRAM), 60 * MIB);
  double seconds = 0;
  g_autofree char *answer = raw_exchange (srv->port, request, 3, &seconds);
  Server small;
  g_autoptr(GSubprocess) org = NULL;
  g_autoptr(GSubprocess) user = NULL;
  g_autofree char *token = NULL;
  g_autofree char *password = g_strdup ("blob-user-password-42");

  /* Above the default 50 MiB, and the body is not read */
  expect (raw_status (answer) == 413, "413 before the blob is read");
  expect (seconds < 2.0, "a quick 413");

  /* A server with max-blob-bytes=1000 in its config file */
  server_init (&small, "[server]\nmax-blob-bytes=1000\n");
  g_ptr_array_add (secrets, g_strdup (password));
  org = admin_spawn (&small, NULL, "create-org", "klein", "Klein", NULL);
  admin_wait (org);
  user = admin_spawn (&small, password, "add-user", "--org", "klein", "--role", "advisor",
                      "--password-stdin", "kees", NULL);
  admin_wait (user);
  server_start (&small);
  token = login_token (&small, "kees", password);

  for (gsize size = 999; size <= 1001; size++)
    {
      g_autofree char *data = g_malloc (size);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *blob_sha = NULL;
      g_autoptr(Reply) r = NULL;

      memset (data, 'a' + (size - 999), size);
      bytes = g_bytes_new_take (g_steal_pointer (&data), size);
      blob_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      r = put_blob (&small, token, blob_sha, bytes);
      if (size <= 1000)
        assert_status (r, 201);
      else
        assert_error (r, 413, "too_large", "1000");
    }

  /* The record limit is not the blob limit */
  {
    g_autoptr(Reply) r = NULL;
    g_autofree char *id = new_id ();
    g_autofree char *body = g_strdup_printf ("{\"records\":[{\"id\":\"%s\",\"type\":\"document\",\"base_version\":0,"
                                             "\"data\":{\"title\":\"Lang\",\"body\":\"%0*d\"}}]}", id, 2000, 0);

    r = push_ok (&small, token, body);
    assert_result (r, 0, "applied", NULL);
  }

  server_stop (&small);
  server_clear (&small);
}

/* The files under the blob store whose name holds @sha: the blob itself,
 * and any temporary file of an upload. */
static void
blob_files_in (const char *dir,
               const char *sha,
               GPtrArray  *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        blob_files_in (child, sha, found);
      else if (strstr (name, sha) != NULL)
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

static GPtrArray *
blob_files (Server     *srv,
            const char *sha)
{
  g_autofree char *dir = g_build_filename (srv->dir, "blobs", NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  blob_files_in (dir, sha, found);
  return found;
}

/* PUT of @bytes with its whole length announced, cut off after @sent
 * bytes of the body: the connection is closed, no answer is read. */
static void
put_blob_cut_off (Server     *srv,
                  const char *sha,
                  GBytes     *bytes,
                  gsize       sent)
{
  g_autoptr(GSocketConnection) connection = raw_connect (srv->port);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GError) error = NULL;
  g_autofree char *head = g_strdup_printf ("PUT /v1/blobs/%s HTTP/1.1\r\n"
                                           "Host: 127.0.0.1:%u\r\n"
                                           "Authorization: Bearer %s\r\n"
                                           "Content-Type: application/octet-stream\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                           "\r\n",
                                           sha, srv->port, TOKEN (BRAM), g_bytes_get_size (bytes));

  g_assert_cmpuint (sent, <, g_bytes_get_size (bytes));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), sent, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

static void
test_blobs_cut_off (void)
{
  Server *srv = shared_server ();
  gsize size = 256 * 1024;
  guint8 *data = g_malloc (size);
  guint8 *other_data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *other_sha = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;

  for (gsize i = 0; i < size; i++)
    {
      data[i] = g_test_rand_int_range (0, 256);
      other_data[i] = g_test_rand_int_range (0, 256);
    }
  bytes = g_bytes_new_take (data, size);
  other = g_bytes_new_take (other_data, size);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  other_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, other);
  path = blob_path (sha);
  other_path = blob_path (other_sha);

  /* Cut off half way, and one byte short */
  {
    const gsize cuts[] = { size / 2, size - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autoptr(Reply) got = NULL;
        g_autoptr(GPtrArray) files = NULL;

        put_blob_cut_off (srv, sha, bytes, cuts[i]);
        /* let the server see the connection go */
        g_usleep (100 * 1000);
        got = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
        assert_error (got, 404, "not_found", NULL);
        files = blob_files (srv, sha);
        for (guint j = 0; j < files->len; j++)
          g_test_message ("left behind: %s", (char *) files->pdata[j]);
        g_assert_cmpuint (files->len, ==, 0);
      }
  }

  /* Then the whole upload: stored, byte for byte, under its name only */
  {
    g_autoptr(Reply) created = put_blob (srv, TOKEN (BRAM), sha, bytes);
    g_autoptr(Reply) got = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(Reply) again = put_blob (srv, TOKEN (BRAM), sha, bytes);
    g_autoptr(Reply) still = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(GPtrArray) files = blob_files (srv, sha);
    g_autofree char *name = NULL;

    assert_status (created, 201);
    assert_status (got, 200);
    g_assert_true (g_bytes_equal (got->body, bytes));
    assert_status (again, 200);
    assert_status (still, 200);
    g_assert_true (g_bytes_equal (still->body, bytes));

    g_assert_cmpuint (files->len, ==, 1);
    name = g_path_get_basename (files->pdata[0]);
    g_assert_cmpstr (name, ==, sha);
  }

  /* A body of the same size under another blob's hash: refused, and
   * nothing is stored under that hash; the first blob is untouched. */
  {
    g_autoptr(Reply) mismatch = put_blob (srv, TOKEN (BRAM), other_sha, bytes);
    g_autoptr(Reply) got_other = http (srv, "GET", other_path, TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(Reply) got = http (srv, "GET", path, TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(GPtrArray) files = blob_files (srv, other_sha);

    assert_error (mismatch, 422, "hash_mismatch", NULL);
    assert_error (got_other, 404, "not_found", NULL);
    g_assert_cmpuint (files->len, ==, 0);
    assert_status (got, 200);
    g_assert_true (g_bytes_equal (got->body, bytes));
  }
}

/* WebSocket stream */

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  gboolean                 done;
  GQueue                   messages;   /* char * */
} Stream;

static void
stream_message (SoupWebsocketConnection *connection,
                int                      type,
                GBytes                  *message,
                Stream                  *s)
{
  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_queue_push_tail (&s->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
stream_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Stream *s = data;

  s->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &s->error);
  if (s->connection != NULL)
    g_signal_connect (s->connection, "message", G_CALLBACK (stream_message), s);
  s->done = TRUE;
}

static gboolean
wake_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @flag or the timeout. */
static void
run_until (gboolean *flag,
           guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake_up, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static gboolean
has_message (Stream *s)
{
  return !g_queue_is_empty (&s->messages);
}

/* The next message within @timeout_ms, or NULL. */
static char *
next_message (Stream *s,
              guint   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!has_message (s) && g_get_monotonic_time () < deadline)
    {
      gboolean got = FALSE;
      guint id = g_timeout_add (10, wake_up, &got);

      g_main_context_iteration (NULL, TRUE);
      if (!got)
        g_source_remove (id);
    }
  return g_queue_pop_head (&s->messages);
}

static void
stream_open (Stream      *s,
             SoupSession *with,
             Server      *srv,
             const char  *token,
             SoupMessage **out_msg)
{
  g_autofree char *uri = g_strdup_printf ("ws://127.0.0.1:%u/v1/stream", srv->port);
  SoupMessage *msg = soup_message_new ("GET", uri);

  memset (s, 0, sizeof *s);
  g_queue_init (&s->messages);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (with, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, stream_connected, s);
  run_until (&s->done, 10000);
  g_assert_true (s->done);
  *out_msg = msg;
}

static void
stream_clear (Stream *s)
{
  if (s->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (s->connection, s);
      if (soup_websocket_connection_get_state (s->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (s->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&s->connection);
    }
  g_clear_error (&s->error);
  g_queue_clear_full (&s->messages, g_free);
}

static gint64
version_message (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  g_assert_nonnull (text);
  node = json_from_string (text, NULL);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  o = json_node_get_object (node);
  g_assert_true (json_object_has_member (o, "library_version"));
  return json_object_get_int_member (o, "library_version");
}

static void
test_stream_notifies (void)
{
  Server *srv = shared_server ();
  g_autoptr(SoupSession) ws_session = new_session ();
  g_autoptr(SoupMessage) msg = NULL;
  Stream s;
  gint64 v = library_version (srv, TOKEN (CARLA));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *id = new_id ();
  g_autofree char *other = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Live\"}"), NULL);
  g_autofree char *other_body = batch (rec (other, "document", 0, FALSE, NULL, "{\"title\":\"Elders\"}"), NULL);
  g_autoptr(Reply) pushed = NULL;
  g_autoptr(Reply) elsewhere = NULL;
  g_autoptr(Reply) replay = NULL;

  stream_open (&s, ws_session, srv, TOKEN (CARLA), &msg);
  g_assert_no_error (s.error);
  g_assert_nonnull (s.connection);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_SWITCHING_PROTOCOLS);

  first = next_message (&s, 5000);
  g_assert_cmpint (version_message (first), ==, v);

  /* Another organisation's push says nothing here */
  elsewhere = push_ok (srv, TOKEN (GIJS), other_body);
  assert_result (elsewhere, 0, "applied", NULL);
  quiet = next_message (&s, 300);
  g_assert_null (quiet);

  pushed = push_ok (srv, TOKEN (BRAM), body);
  assert_result (pushed, 0, "applied", NULL);
  second = next_message (&s, 5000);
  g_assert_cmpint (version_message (second), ==, v + 1);
  g_assert_cmpint (version_message (second), ==, json_object_get_int_member (root (pushed), "library_version"));

  /* A push that changes nothing sends nothing */
  replay = push_ok (srv, TOKEN (BRAM), body);
  assert_result (replay, 0, "unchanged", NULL);
  g_clear_pointer (&quiet, g_free);
  quiet = next_message (&s, 300);
  g_assert_null (quiet);

  stream_clear (&s);
}

static void
test_stream_refused (void)
{
  Server *srv = shared_server ();
  g_autoptr(SoupSession) ws_session = new_session ();
  const char *tokens[] = { NULL, "not-a-token" };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      Stream s;

      stream_open (&s, ws_session, srv, tokens[i], &msg);
      g_assert_null (s.connection);
      g_assert_nonnull (s.error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
      g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (msg), "WWW-Authenticate"));
      stream_clear (&s);
    }

  /* A revoked token too */
  {
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(Reply) check = http (srv, "GET", "/v1/index", TOKEN (FINN), NULL, NULL, NULL);
    Stream s;

    /* revoked by /server/auth/revoke, unless that did not run */
    if (check->status != 401)
      {
        g_autoptr(GSubprocess) revoke = admin_spawn (srv, NULL, "revoke-tokens", "finn", NULL);

        admin_wait (revoke);
      }

    stream_open (&s, ws_session, srv, TOKEN (FINN), &msg);
    g_assert_null (s.connection);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
    stream_clear (&s);
  }
}

/* File descriptors */

static guint
settled_fds (Server *srv,
             guint   target)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint n = count_fds (srv->pid);

  /* Closing is asynchronous in the server: give it a moment. */
  while (n > target && g_get_monotonic_time () < deadline)
    {
      g_usleep (20 * 1000);
      n = count_fds (srv->pid);
    }
  return n;
}

/* The count once it has not changed for 100 ms */
static guint
steady_fds (Server *srv)
{
  guint n = count_fds (srv->pid), previous = 0;

  for (guint i = 0; i < 50 && n != previous; i++)
    {
      previous = n;
      g_usleep (100 * 1000);
      n = count_fds (srv->pid);
    }
  return n;
}

#define FD_TOLERANCE 4

/* Resident memory of the server, in KiB. */
static guint64
server_rss (Server *srv)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", srv->pid);
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Every request comes on a connection of its own: none may leave memory
 * behind (libsoup 3.2 leaks each accepted socket, some 350 bytes, unless
 * the server drops that reference: 8,000 requests would grow it 2.7 MB). */
static void
test_memory_many_connections (void)
{
  Server *srv;
  g_autofree char *changes = NULL;
  gint64 v;
  guint64 before = 0, after;

  if (g_getenv ("HELDER_TEST_POSTGRES") != NULL)
    {
      g_test_skip ("the connection handling does not depend on the storage: run with SQLite");
      return;
    }
  srv = shared_server ();
  v = library_version (srv, TOKEN (CARLA));

  changes = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=1", v);
  for (guint round = 0; round < 2; round++)
    {
      /* The first round warms up (caches, malloc's arenas) */
      if (round == 1)
        before = server_rss (srv);
      for (guint i = 0; i < (round == 0 ? 2000 : 8000); i++)
        {
          g_autoptr(Reply) r = http (srv, "GET", changes, TOKEN (CARLA), NULL, NULL, NULL);

          assert_status (r, 200);
        }
    }
  after = server_rss (srv);
  g_test_message ("server memory: %" G_GUINT64_FORMAT " KiB before 8,000 requests, %" G_GUINT64_FORMAT " after",
                  before, after);
  g_assert_cmpuint (after, <, before + 1200);
}

static void
test_fd_many_connections (void)
{
  Server *srv = shared_server ();
  g_autofree char *changes = NULL;
  guint before, after;
  gint64 start;
  gint64 v = library_version (srv, TOKEN (CARLA));

  changes = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=1", v);
  /* warm up: statements prepared, WAL open */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(Reply) r = http (srv, "GET", changes, TOKEN (CARLA), NULL, NULL, NULL);
      assert_status (r, 200);
    }
  before = steady_fds (srv);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(SoupSession) fresh = NULL;
      SoupSession *with = session;
      g_autoptr(Reply) r = NULL;
      g_autoptr(GError) error = NULL;

      /* A fresh session now and then: its connections are dropped with it */
      if (i % 100 == 99)
        with = fresh = new_session ();
      switch (i % 4)
        {
        case 0:
        case 1:
          r = http_try (with, srv->base, "GET", changes, TOKEN (CARLA), NULL, NULL, &error, NULL);
          g_assert_no_error (error);
          assert_status (r, 200);
          g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Connection"), ==, "close");
          break;
        case 2:
          r = http_try (with, srv->base, "GET", "/v1/changes", NULL, NULL, NULL, &error, NULL);
          g_assert_no_error (error);
          assert_status (r, 401);
          break;
        default:
          r = http_try (with, srv->base, "GET", "/v1/nothing-here", TOKEN (CARLA), NULL, NULL, &error, NULL);
          g_assert_no_error (error);
          assert_status (r, 404);
          break;
        }
    }
  g_test_message ("2000 requests in %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  after = settled_fds (srv, before + FD_TOLERANCE);
  g_test_message ("server fds: %u before, %u after", before, after);
  g_assert_cmpuint (after, <=, before + FD_TOLERANCE);
}

/* Connections that go away without a proper request or without reading
 * the answer, and requests refused before their body is read, must not
 * leave their descriptor behind either. */
static void
test_fd_abandoned_connections (void)
{
  Server *srv = shared_server ();
  guint before, after;
  g_autofree char *partial = g_strdup_printf ("GET /v1/changes HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n", srv->port);
  g_autofree char *unread = g_strdup_printf ("GET /v1/changes HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                             "Authorization: Bearer %s\r\n\r\n", srv->port, TOKEN (CARLA));
  g_autofree char *no_body = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                              "Authorization: Bearer %s\r\nIdempotency-Key: gone\r\n"
                                              "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"rec",
                                              srv->port, TOKEN (CARLA));
  g_autofree char *too_large = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                                "Content-Type: application/json\r\nContent-Length: %u\r\n\r\n",
                                                srv->port, 2 * MIB);
  g_autofree char *chunked = g_strdup_printf ("PUT /v1/blobs/%064u HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                              "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 0, srv->port);
  const char *requests[] = { NULL, partial, unread, no_body, too_large, chunked };

  {
    g_autoptr(Reply) warm = http (srv, "GET", "/v1/index", TOKEN (CARLA), NULL, NULL, NULL);
    assert_status (warm, 200);
  }
  before = steady_fds (srv);

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(GSocketConnection) connection = raw_connect (srv->port);
      const char *request = requests[i % G_N_ELEMENTS (requests)];

      if (request != NULL)
        {
          g_autoptr(GError) error = NULL;

          g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                     request, strlen (request), NULL, NULL, &error);
          g_assert_no_error (error);
        }
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

      /* A request that is answered now and then keeps the client from
       * outrunning the server's accept queue (10 deep). */
      if (i % 6 == 5)
        {
          g_autoptr(Reply) r = http (srv, "GET", "/v1/index", TOKEN (CARLA), NULL, NULL, NULL);
          assert_status (r, 200);
        }
    }

  /* and refused requests whose answer is read */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *answer = raw_exchange (srv->port, i % 2 ? too_large : chunked, 3, NULL);

      expect (raw_status (answer) == (i % 2 ? 413u : 411u), "a refusal");
    }

  after = settled_fds (srv, before + FD_TOLERANCE);
  g_test_message ("server fds: %u before, %u after", before, after);
  g_assert_cmpuint (after, <=, before + FD_TOLERANCE);

  /* and it still answers */
  {
    g_autoptr(Reply) r = http (srv, "GET", "/v1/index", TOKEN (CARLA), NULL, NULL, NULL);
    assert_status (r, 200);
  }
}

/* Faults */

/* The answer is lost after the commit (the client hung up): the retry with
 * the same key gets the stored answer and nothing is applied twice. */
static void
test_fault_lost_answer (void)
{
  Server *srv = shared_server ();
  g_autofree char *key = new_id ();
  g_autofree char *a = new_id ();
  g_autofree char *b = new_id ();
  g_autofree char *body = batch (rec (a, "document", 0, FALSE, NULL, "{\"title\":\"Kwijt\"}"),
                                 rec (b, "priority", 0, FALSE, NULL, "{\"title\":\"Ook kwijt\",\"rank\":7}"), NULL);
  g_autofree char *request = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                              "Authorization: Bearer %s\r\nIdempotency-Key: %s\r\n"
                                              "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                                              srv->port, TOKEN (BRAM), key, strlen (body), body);
  gint64 v0 = library_version (srv, TOKEN (BRAM));
  gint64 deadline;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(Reply) retry = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(GHashTable) seen = NULL;

  {
    g_autoptr(GSocketConnection) connection = raw_connect (srv->port);
    g_autoptr(GError) error = NULL;

    g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                               request, strlen (request), NULL, NULL, &error);
    g_assert_no_error (error);
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  }

  /* The server got the whole request: it commits. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (stored == NULL && g_get_monotonic_time () < deadline)
    {
      stored = get_record (srv, TOKEN (BRAM), a);
      if (stored == NULL)
        g_usleep (10 * 1000);
    }
  g_assert_nonnull (stored);
  g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, v0 + 1);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 1);

  retry = push (srv, TOKEN (BRAM), key, body);
  assert_status (retry, 200);
  assert_result (retry, 0, "applied", NULL);
  assert_result (retry, 1, "applied", NULL);
  g_assert_cmpint (result_version (retry, 0), ==, v0 + 1);
  g_assert_cmpint (result_version (retry, 1), ==, v0 + 1);
  g_assert_cmpint (json_object_get_int_member (root (retry), "library_version"), ==, v0 + 1);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 1);

  /* and once more, as a client that retries twice would */
  again = push (srv, TOKEN (BRAM), key, body);
  g_assert_true (g_bytes_equal (retry->body, again->body));

  seen = changes_all (srv, TOKEN (BRAM), v0, 1000, NULL);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, v0 + 1);
}

/* SIGKILL during a stream of pushes */

#define CRASH_BATCH 10

typedef struct
{
  char   *key;
  char   *body;
  char   *ids[CRASH_BATCH];
  gint64  version;      /* the acknowledged version, 0 if none */
} CrashBatch;

static void
crash_batch_free (CrashBatch *b)
{
  g_free (b->key);
  g_free (b->body);
  for (guint i = 0; i < CRASH_BATCH; i++)
    g_free (b->ids[i]);
  g_free (b);
}

typedef struct
{
  char       *base;
  const char *token;
  GMutex      lock;
  GPtrArray  *batches;     /* CrashBatch, every one attempted */
  guint       acked;
  char       *failure;     /* an answer that was not 200 */
} Pusher;

static CrashBatch *
crash_batch_new (guint serial)
{
  CrashBatch *b = g_new0 (CrashBatch, 1);
  GString *body = g_string_new ("{\"records\":[");

  g_autofree char *uuid = g_uuid_string_random ();

  b->key = g_strdup_printf ("crash-%u-%s", serial, uuid);
  for (guint i = 0; i < CRASH_BATCH; i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"title\":\"Batch %u record %u\",\"body\":\"%0*u\"}",
                                               serial, i, 200, serial);
      g_autofree char *one = NULL;

      b->ids[i] = new_id ();
      one = rec (b->ids[i], i % 2 ? "document" : "toolkit", 0, FALSE, NULL, data);
      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, one);
    }
  g_string_append (body, "]}");
  b->body = g_string_free (body, FALSE);
  return b;
}

static gpointer
pusher_run (gpointer data)
{
  Pusher *p = data;
  g_autoptr(SoupSession) own = new_session ();

  for (guint serial = 0;; serial++)
    {
      CrashBatch *b = crash_batch_new (serial);
      g_autoptr(GBytes) bytes = g_bytes_new (b->body, strlen (b->body));
      g_autoptr(GError) error = NULL;
      g_autoptr(Reply) r = NULL;

      g_mutex_lock (&p->lock);
      g_ptr_array_add (p->batches, b);
      g_mutex_unlock (&p->lock);

      r = http_try (own, p->base, "POST", "/v1/push", p->token, "application/json", bytes, &error,
                    "Idempotency-Key", b->key, NULL);
      if (r == NULL)
        break;   /* killed */
      if (r->status != 200 || r->json == NULL)
        {
          p->failure = reply_text (r);
          break;
        }

      g_mutex_lock (&p->lock);
      b->version = json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (root (r), "results"), 0), "version");
      p->acked++;
      g_mutex_unlock (&p->lock);
    }
  return NULL;
}

static guint
pusher_acked (Pusher *p)
{
  guint n;

  g_mutex_lock (&p->lock);
  n = p->acked;
  g_mutex_unlock (&p->lock);
  return n;
}

/* What the restarted server holds must be a prefix of what was pushed:
 * every acknowledged batch at its version, every batch whole or absent,
 * versions 1..library_version one batch each. */
static void
check_after_crash (Server     *srv,
                   const char *token,
                   GPtrArray  *batches)
{
  g_autoptr(Reply) r = http (srv, "GET", "/v1/index", token, NULL, NULL, NULL);
  JsonObject *index;
  gint64 library, max = 0;
  g_autoptr(GHashTable) versions = g_hash_table_new (g_direct_hash, g_direct_equal);
  GList *members;

  assert_status (r, 200);
  index = json_object_get_object_member (root (r), "records");
  library = json_object_get_int_member (root (r), "library_version");

  members = json_object_get_members (index);
  for (GList *l = members; l != NULL; l = l->next)
    max = MAX (max, json_object_get_int_member (index, l->data));
  g_list_free (members);
  g_assert_cmpint (library, ==, max);

  for (guint i = 0; i < batches->len; i++)
    {
      CrashBatch *b = batches->pdata[i];
      guint present = 0;
      gint64 version = 0;

      for (guint j = 0; j < CRASH_BATCH; j++)
        if (json_object_has_member (index, b->ids[j]))
          {
            gint64 v = json_object_get_int_member (index, b->ids[j]);

            if (present > 0)
              g_assert_cmpint (v, ==, version);
            version = v;
            present++;
          }
      if (present != 0 && present != CRASH_BATCH)
        g_test_message ("batch %s: %u of %u records", b->key, present, CRASH_BATCH);
      g_assert_true (present == 0 || present == CRASH_BATCH);
      if (b->version > 0)
        {
          g_assert_cmpuint (present, ==, CRASH_BATCH);
          g_assert_cmpint (version, ==, b->version);
        }
      if (present > 0)
        {
          g_assert_cmpint (version, >=, 1);
          g_assert_cmpint (version, <=, library);
          g_assert_false (g_hash_table_contains (versions, GSIZE_TO_POINTER (version)));
          g_hash_table_add (versions, GSIZE_TO_POINTER (version));
        }
    }
  /* one version per committed batch, no gaps: no half-applied bump */
  g_assert_cmpuint (g_hash_table_size (versions), ==, (guint) library);
}

static void
test_fault_sigkill (void)
{
  Server srv;
  g_autoptr(GSubprocess) org = NULL;
  g_autoptr(GSubprocess) user = NULL;
  g_autofree char *token = NULL;
  g_autofree char *password = g_strdup ("crash-user-password-77");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) crash_batch_free);
  guint replayed_committed = 0, replayed_new = 0;

  server_init (&srv, NULL);
  g_ptr_array_add (secrets, g_strdup (password));
  org = admin_spawn (&srv, NULL, "create-org", "crash", "Crash", NULL);
  admin_wait (org);
  user = admin_spawn (&srv, password, "add-user", "--org", "crash", "--role", "advisor",
                      "--password-stdin", "karel", NULL);
  admin_wait (user);
  server_start (&srv);
  token = login_token (&srv, "karel", password);

  for (guint round = 0; round < 4; round++)
    {
      Pusher p = { 0 };
      GThread *thread;
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      guint target = 5 + g_random_int_range (0, 15);

      p.base = g_strdup (srv.base);
      p.token = token;
      g_mutex_init (&p.lock);
      p.batches = g_ptr_array_new ();
      thread = g_thread_new ("pusher", pusher_run, &p);

      while (pusher_acked (&p) < target && g_get_monotonic_time () < deadline)
        g_usleep (500);
      g_usleep (g_random_int_range (0, 3000));
      g_subprocess_force_exit (srv.process);   /* SIGKILL */
      g_thread_join (thread);
      g_subprocess_wait (srv.process, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (srv.process));
      g_assert_cmpint (g_subprocess_get_term_sig (srv.process), ==, SIGKILL);
      server_wait (&srv);
      if (p.failure != NULL)
        g_test_message ("push answered: %s", p.failure);
      g_assert_null (p.failure);
      g_assert_cmpuint (p.acked, >=, target);

      /* The same data directory; tokens survive a restart. */
      server_start (&srv);
      for (guint i = 0; i < p.batches->len; i++)
        g_ptr_array_add (all, p.batches->pdata[i]);
      check_after_crash (&srv, token, all);

      /* Retry what got no answer, with its key: stored answer or applied
       * now, never twice. */
      for (guint i = 0; i < p.batches->len; i++)
        {
          CrashBatch *b = p.batches->pdata[i];
          g_autofree char *first = NULL;
          g_autoptr(Reply) r = NULL;
          g_autoptr(JsonObject) stored = NULL;
          gint64 before;

          if (b->version > 0)
            continue;
          before = library_version (&srv, token);
          stored = get_record (&srv, token, b->ids[0]);
          r = push (&srv, token, b->key, b->body);
          assert_status (r, 200);
          for (guint j = 0; j < CRASH_BATCH; j++)
            assert_result (r, j, "applied", NULL);
          if (stored != NULL)
            {
              g_assert_cmpint (result_version (r, 0), ==, json_object_get_int_member (stored, "version"));
              g_assert_cmpint (library_version (&srv, token), ==, before);
              replayed_committed++;
            }
          else
            {
              g_assert_cmpint (result_version (r, 0), ==, before + 1);
              g_assert_cmpint (library_version (&srv, token), ==, before + 1);
              replayed_new++;
            }
          b->version = result_version (r, 0);
        }
      check_after_crash (&srv, token, all);

      g_free (p.base);
      g_free (p.failure);
      g_ptr_array_unref (p.batches);
      g_mutex_clear (&p.lock);
    }
  g_test_message ("%u batches pushed; unanswered ones found committed: %u, not committed: %u",
                  all->len, replayed_committed, replayed_new);

  server_stop (&srv);
  {
    g_autofree char *output = server_output (&srv);

    for (guint i = 0; i < secrets->len; i++)
      g_assert_null (strstr (output, secrets->pdata[i]));
  }
  server_clear (&srv);
}

/* Logging */

static gboolean
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

/* The lines of the log, from @from, that name @path */
static GPtrArray *
log_lines_for (Server     *srv,
               gsize       from,
               const char *path)
{
  g_autofree char *output = server_output (srv);
  g_auto(GStrv) lines = g_strsplit (output + from, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);

      if (g_strv_length (fields) >= 2 && g_str_equal (fields[1], path))
        g_ptr_array_add (found, g_steal_pointer (&fields));
    }
  return found;
}

static void
test_log_lines (void)
{
  Server *srv = shared_server ();
  gsize from = server_output_length (srv);
  g_autofree char *uuid = new_id ();
  g_autofree char *unknown = g_strconcat ("/v1/elsewhere-", uuid, NULL);
  g_autofree char *record = g_strconcat ("/v1/records/", uuid, NULL);
  g_autofree char *changes = g_strconcat ("/v1/changes?since=0&limit=1&x=", uuid, NULL);
  g_autoptr(GPtrArray) unknown_lines = NULL;
  g_autoptr(GPtrArray) record_lines = NULL;
  g_autoptr(GPtrArray) changes_lines = NULL;
  g_autoptr(GPtrArray) blob_lines = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uuid, -1);
  g_autofree char *blob = g_strconcat ("/v1/blobs/", sha, NULL);

  {
    g_autoptr(Reply) a = http (srv, "GET", record, TOKEN (CARLA), NULL, NULL, NULL);
    g_autoptr(Reply) b = http (srv, "GET", changes, NULL, NULL, NULL, NULL);
    g_autoptr(Reply) c = http (srv, "GET", unknown, TOKEN (ANNA), NULL, NULL, NULL);

    g_autofree char *put = g_strdup_printf ("PUT %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nAuthorization: Bearer %s\r\n"
                                            "Content-Length: %u\r\n\r\n", blob, srv->port, TOKEN (CARLA), 60 * MIB);
    g_autofree char *d = NULL;

    assert_status (a, 404);
    assert_status (b, 401);
    assert_status (c, 404);
    /* refused before the body is read */
    d = raw_exchange (srv->port, put, 3, NULL);
    expect (raw_status (d) == 413, "413 before the blob is read");
  }
  g_assert_true (output_has (srv, from, unknown));
  /* let any line still on its way arrive */
  g_usleep (100 * 1000);

  /* METHOD PATH STATUS 1.2ms USER: one line per request */
  record_lines = log_lines_for (srv, from, record);
  g_assert_cmpuint (record_lines->len, ==, 1);
  {
    char **f = record_lines->pdata[0];

    g_assert_cmpuint (g_strv_length (f), ==, 5);
    g_assert_cmpstr (f[0], ==, "GET");
    g_assert_cmpstr (f[2], ==, "404");
    g_assert_true (g_str_has_suffix (f[3], "ms"));
    g_assert_cmpfloat (g_ascii_strtod (f[3], NULL), >=, 0.0);
    g_assert_cmpfloat (g_ascii_strtod (f[3], NULL), <, 10000.0);
    g_assert_cmpstr (f[4], ==, "carla");
  }

  blob_lines = log_lines_for (srv, from, blob);
  g_assert_cmpuint (blob_lines->len, ==, 1);
  {
    char **f = blob_lines->pdata[0];

    g_assert_cmpuint (g_strv_length (f), ==, 5);
    g_assert_cmpstr (f[0], ==, "PUT");
    g_assert_cmpstr (f[2], ==, "413");
    g_assert_true (g_str_has_suffix (f[3], "ms"));
  }

  unknown_lines = log_lines_for (srv, from, unknown);
  g_assert_cmpuint (unknown_lines->len, ==, 1);
  g_assert_cmpstr (((char **) unknown_lines->pdata[0])[2], ==, "404");

  /* No query string in the log: it could carry anything */
  output = server_output (srv);
  g_assert_null (strstr (output + from, "since=0"));
  changes_lines = log_lines_for (srv, from, "/v1/changes");
  g_assert_cmpuint (changes_lines->len, >=, 1);
  {
    char **f = changes_lines->pdata[changes_lines->len - 1];

    g_assert_cmpuint (g_strv_length (f), ==, 5);
    g_assert_cmpstr (f[2], ==, "401");
    g_assert_cmpstr (f[4], ==, "-");
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

/* The administrator reads the command line's messages in Dutch; the
 * request log stays as it is. */
static void
test_admin_dutch (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "nl", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "nl_NL.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, server_binary (), "admin", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "geef een opdracht: create-org, add-user of revoke-tokens"));
  g_assert_nonnull (strstr (err, "Probeer “helder-server --help”"));
}

/* PostgreSQL: several instances, one database */

typedef struct
{
  const char *base;
  const char *token;
  guint       n;
  gint64     *versions;    /* n library versions, one for each push */
} Racer;

static gpointer
racer_run (gpointer data)
{
  Racer *p = data;
  g_autoptr(SoupSession) own = new_session ();

  for (guint i = 0; i < p->n; i++)
    {
      g_autofree char *id = new_id ();
      g_autofree char *key = new_id ();
      g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Tegelijk\"}"), NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr(GError) error = NULL;
      g_autoptr(Reply) r = http_try (own, p->base, "POST", "/v1/push", p->token, "application/json", bytes,
                                     &error, "Idempotency-Key", key, NULL);

      g_assert_no_error (error);
      assert_status (r, 200);
      assert_result (r, 0, "applied", NULL);
      p->versions[i] = json_object_get_int_member (root (r), "library_version");
    }
  return NULL;
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Two instances on one database, @a logged in as anna; returns her token. */
static char *
postgres_pair (Server *a,
               Server *b)
{
  char *token = own_server (a, NULL);

  server_init (b, NULL);
  g_free (b->database);
  b->database = g_strdup (a->database);
  server_start (b);
  return token;
}

static void
test_postgres_instances (void)
{
  enum { PUSHERS = 4, EACH = 10 };
  Server a, b;
  Server *both[] = { &a, &b };
  g_autoptr(SoupSession) ws_session = new_session ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(Reply) first = NULL;
  g_autoptr(Reply) replay = NULL;
  g_autoptr(Reply) changes = NULL;
  g_autofree char *token = NULL;
  g_autofree char *id = new_id ();
  g_autofree char *key = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Via A\"}"), NULL);
  g_autofree char *hello = NULL;
  g_autofree char *heard = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *replay_text = NULL;
  gint64 versions[PUSHERS * EACH];
  Racer pushers[PUSHERS];
  GThread *threads[PUSHERS];
  JsonArray *records;
  Stream s;
  gint64 v0;

  if (g_getenv ("HELDER_TEST_POSTGRES") == NULL)
    {
      g_test_skip ("PostgreSQL only: meson test --suite postgres runs it");
      return;
    }

  /* Two instances, each with its own data directory, on one database;
   * a token from one is good at the other */
  token = postgres_pair (&a, &b);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autofree char *sqlite = g_build_filename (both[i]->dir, "helder-server.db", NULL);

      g_assert_false (g_file_test (sqlite, G_FILE_TEST_EXISTS));
    }
  v0 = library_version (&b, token);

  /* A push through A reaches a stream held by B */
  stream_open (&s, ws_session, &b, token, &msg);
  g_assert_no_error (s.error);
  hello = next_message (&s, 5000);
  g_assert_cmpint (version_message (hello), ==, v0);
  first = push (&a, token, key, body);
  assert_status (first, 200);
  assert_result (first, 0, "applied", NULL);
  g_assert_cmpint (json_object_get_int_member (root (first), "library_version"), ==, v0 + 1);
  heard = next_message (&s, 5000);
  g_assert_cmpint (version_message (heard), ==, v0 + 1);
  stream_clear (&s);

  /* The same batch retried at B gets A's stored answer */
  replay = push (&b, token, key, body);
  assert_status (replay, 200);
  first_text = reply_text (first);
  replay_text = reply_text (replay);
  g_assert_cmpstr (replay_text, ==, first_text);

  /* Pushes racing through both instances take one version each */
  for (guint i = 0; i < PUSHERS; i++)
    {
      pushers[i] = (Racer) { both[i % 2]->base, token, EACH, versions + i * EACH };
      threads[i] = g_thread_new ("pusher", racer_run, &pushers[i]);
    }
  for (guint i = 0; i < PUSHERS; i++)
    g_thread_join (threads[i]);
  qsort (versions, G_N_ELEMENTS (versions), sizeof versions[0], compare_versions);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    g_assert_cmpint (versions[i], ==, v0 + 2 + i);

  /* and either instance pages them all, in order */
  changes = http (&b, "GET", "/v1/changes?since=0&limit=1000", token, NULL, NULL, NULL);
  assert_status (changes, 200);
  records = json_object_get_array_member (root (changes), "records");
  g_assert_cmpuint (json_array_get_length (records), ==, 1 + PUSHERS * EACH);
  for (guint i = 0; i < json_array_get_length (records); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (records, i), "version"), ==,
                     v0 + 1 + i);

  server_stop (&a);
  server_stop (&b);
  server_clear (&a);
  server_clear (&b);
}

static void
test_postgres_connection_lost (void)
{
  Server a, b;
  g_autoptr(SoupSession) ws_session = new_session ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *token = NULL;
  g_autofree char *kill = NULL;
  g_autofree char *refuse = NULL;
  g_autofree char *allow = NULL;
  g_autofree char *hello = NULL;
  g_autofree char *heard = NULL;
  g_autofree char *id = new_id ();
  g_autofree char *lost = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Na de storing\"}"), NULL);
  g_autofree char *lost_body = batch (rec (lost, "document", 0, FALSE, NULL, "{\"title\":\"Kwijt\"}"), NULL);
  g_autoptr(Reply) changes = NULL;
  g_autoptr(Reply) pushed = NULL;
  g_autoptr(Reply) down_changes = NULL;
  g_autoptr(Reply) down_login = NULL;
  g_autoptr(Reply) down_push = NULL;
  g_autoptr(Reply) back = NULL;
  const char *name;
  Stream s;
  gint64 v0;

  if (g_getenv ("HELDER_TEST_POSTGRES") == NULL)
    {
      g_test_skip ("PostgreSQL only: meson test --suite postgres runs it");
      return;
    }

  token = postgres_pair (&a, &b);
  name = g_strrstr (a.database, " dbname=") + strlen (" dbname=");
  kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE datname = '%s'", name);
  refuse = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS false", name);
  allow = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS true", name);
  v0 = library_version (&a, token);
  stream_open (&s, ws_session, &b, token, &msg);
  g_assert_no_error (s.error);
  hello = next_message (&s, 5000);
  g_assert_cmpint (version_message (hello), ==, v0);

  /* Every connection of both instances cut: the next requests find new
   * ones, and B's listener, back within seconds, announces what it missed */
  test_database_run (kill);
  changes = http (&a, "GET", "/v1/changes?since=0", token, NULL, NULL, NULL);
  assert_status (changes, 200);
  pushed = push_ok (&a, token, body);
  assert_result (pushed, 0, "applied", NULL);
  heard = next_message (&s, 15000);
  g_assert_nonnull (heard);
  g_assert_cmpint (version_message (heard), ==, v0 + 1);
  stream_clear (&s);

  /* A database that takes no connections: 503 and Retry-After, never a
   * 401 that would log the user out, and the push is not half-applied */
  test_database_run (refuse);
  test_database_run (kill);
  down_changes = http (&a, "GET", "/v1/changes?since=0", token, NULL, NULL, NULL);
  assert_error (down_changes, 503, "storage", NULL);
  g_assert_nonnull (soup_message_headers_get_one (down_changes->headers, "Retry-After"));
  down_login = login (&a, "anna", "pw-anna-Kx9#quite-long");
  assert_error (down_login, 503, "storage", NULL);
  down_push = push (&a, token, "down-key", lost_body);
  assert_error (down_push, 503, "storage", NULL);

  test_database_run (allow);
  back = http (&b, "GET", "/v1/changes?since=0", token, NULL, NULL, NULL);
  assert_status (back, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root (back), "records")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root (back), "library_version"), ==, v0 + 1);

  server_stop (&a);
  server_stop (&b);
  server_clear (&a);
  server_clear (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status;

  /* Every failing behaviour is reported, not only the first. */
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, (gpointer) "--keep-going");
  g_ptr_array_add (args, NULL);
  argc = args->len - 1;
  argv = (char **) args->pdata;

  g_test_init (&argc, &argv, NULL);
  secrets = g_ptr_array_new_with_free_func (g_free);
  session = new_session ();

  g_test_add_func ("/server/login/ok", test_login_ok);
  g_test_add_func ("/server/login/wrong-password", test_login_wrong_password);
  g_test_add_func ("/server/login/missing-fields", test_login_missing_fields);
  g_test_add_func ("/server/login/limit", test_login_limit);
  g_test_add_func ("/server/auth/required", test_auth_required);
  g_test_add_func ("/server/auth/revoke", test_auth_revoke);
  g_test_add_func ("/server/changes/paging", test_changes_paging);
  g_test_add_func ("/server/changes/paging-one-version", test_changes_paging_one_version);
  g_test_add_func ("/server/changes/not-modified", test_changes_not_modified);
  g_test_add_func ("/server/changes/tombstones", test_changes_tombstones);
  g_test_add_func ("/server/changes/writes-while-paging", test_changes_writes_while_paging);
  g_test_add_func ("/server/access/private", test_private_records);
  g_test_add_func ("/server/access/organisations", test_org_isolation);
  g_test_add_func ("/server/access/roles", test_roles);
  g_test_add_func ("/server/push/idempotent-replay", test_push_idempotent_replay);
  g_test_add_func ("/server/push/key-reused", test_push_key_reused);
  g_test_add_func ("/server/push/replay-after-expiry", test_push_replay_after_expiry);
  g_test_add_func ("/server/push/one-version", test_push_one_version);
  g_test_add_func ("/server/push/bad-json", test_push_bad_json);
  g_test_add_func ("/server/push/bad-field", test_push_bad_field);
  g_test_add_func ("/server/push/missing-key", test_push_missing_key);
  g_test_add_func ("/server/merge/different-fields", test_merge_different_fields);
  g_test_add_func ("/server/merge/same-field", test_merge_same_field);
  g_test_add_func ("/server/merge/edit-vs-delete", test_merge_edit_vs_delete);
  g_test_add_func ("/server/merge/unchanged", test_merge_unchanged);
  g_test_add_func ("/server/clock/skewed-client", test_clock_skewed_client);
  g_test_add_func ("/server/limits/body-size", test_limit_body_size);
  g_test_add_func ("/server/limits/records", test_limit_records);
  g_test_add_func ("/server/limits/content-type", test_limit_content_type);
  g_test_add_func ("/server/limits/length-required", test_limit_length_required);
  g_test_add_func ("/server/blobs/put-get", test_blobs);
  g_test_add_func ("/server/blobs/too-large", test_blobs_too_large);
  g_test_add_func ("/server/blobs/cut-off", test_blobs_cut_off);
  g_test_add_func ("/server/stream/notifies", test_stream_notifies);
  g_test_add_func ("/server/stream/refused", test_stream_refused);
  g_test_add_func ("/server/fd/many-connections", test_fd_many_connections);
  g_test_add_func ("/server/fd/abandoned-connections", test_fd_abandoned_connections);
  g_test_add_func ("/server/memory/many-connections", test_memory_many_connections);
  g_test_add_func ("/server/fault/lost-answer", test_fault_lost_answer);
  g_test_add_func ("/server/fault/sigkill", test_fault_sigkill);
  g_test_add_func ("/server/log/lines", test_log_lines);
  g_test_add_func ("/server/log/no-secrets", test_log_no_secrets);
  g_test_add_func ("/server/admin/dutch", test_admin_dutch);
  g_test_add_func ("/server/postgres/instances", test_postgres_instances);
  g_test_add_func ("/server/postgres/connection-lost", test_postgres_connection_lost);

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
