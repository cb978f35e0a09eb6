/* test-server-faults.c: helder-server against a real process: descriptors, memory, crashes, lost answers and several PostgreSQL instances
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "test-server-util.h"

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
  test_admin_wait (org);
  user = admin_spawn (&srv, password, "add-user", "--org", "crash", "--role", "advisor",
                      "--password-stdin", "karel", NULL);
  test_admin_wait (user);
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
  down_login = server_login (&a, "anna", "pw-anna-Kx9#quite-long");
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
  server_test_init (&argc, &argv);

  g_test_add_func ("/server/fd/many-connections", test_fd_many_connections);
  g_test_add_func ("/server/fd/abandoned-connections", test_fd_abandoned_connections);
  g_test_add_func ("/server/memory/many-connections", test_memory_many_connections);
  g_test_add_func ("/server/fault/lost-answer", test_fault_lost_answer);
  g_test_add_func ("/server/fault/sigkill", test_fault_sigkill);
  g_test_add_func ("/server/postgres/instances", test_postgres_instances);
  g_test_add_func ("/server/postgres/connection-lost", test_postgres_connection_lost);

  return server_test_run ();
}
