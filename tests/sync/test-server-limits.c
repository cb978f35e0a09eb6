/* test-server-limits.c: helder-server against a real process: limits, blobs and the WebSocket stream
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "test-server-util.h"

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
  test_admin_wait (org);
  user = admin_spawn (&small, password, "add-user", "--org", "klein", "--role", "advisor",
                      "--password-stdin", "kees", NULL);
  test_admin_wait (user);
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

        test_admin_wait (revoke);
      }

    stream_open (&s, ws_session, srv, TOKEN (FINN), &msg);
    g_assert_null (s.connection);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
    stream_clear (&s);
  }
}

/* Issue 9, item 6: blobs are the organisation's, and records refer only
 * to blobs that exist */
static char *
toolkit_with (const char *id,
              const char *sha)
{
  g_autofree char *data = g_strdup_printf ("{\"title\":\"Handleiding\",\"attachments\":"
                                           "[{\"sha256\":\"%s\",\"size\":4,\"mime\":\"text/plain\","
                                           "\"name\":\"a.txt\"}]}", sha);

  return batch (rec (id, "toolkit", 0, FALSE, NULL, data), NULL);
}

static void
test_blobs_per_organisation (void)
{
  Server *srv = shared_server ();
  g_autofree char *uuid = new_id ();
  g_autofree char *content = g_strconcat ("Bijlage van Helder ", uuid, NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *missing = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uuid, -1);
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autofree char *path = blob_path (sha);
  g_autofree char *t1 = new_id ();
  g_autofree char *t2 = new_id ();
  g_autofree char *t3 = new_id ();
  g_autofree char *t4 = new_id ();

  {
    g_autoptr(Reply) put = put_blob (srv, TOKEN (CARLA), sha, bytes);

    assert_status (put, 201);
  }
  {
    g_autoptr(Reply) mine = http (srv, "GET", path, TOKEN (BRAM), NULL, NULL, NULL);
    g_autoptr(Reply) theirs = http (srv, "GET", path, TOKEN (GIJS), NULL, NULL, NULL);

    assert_status (mine, 200);
    assert_error (theirs, 404, "not_found", NULL);
  }

  /* missing_blob: a record refers only to a blob its organisation has */
  {
    g_autofree char *bad = toolkit_with (t1, missing);
    g_autofree char *good = toolkit_with (t2, sha);
    g_autofree char *elsewhere = toolkit_with (t3, sha);
    g_autofree char *not_a_hash = toolkit_with (t4, "../../etc/passwd");
    g_autoptr(Reply) a = push_ok (srv, TOKEN (BRAM), bad);
    g_autoptr(Reply) b = push_ok (srv, TOKEN (BRAM), good);
    g_autoptr(Reply) c = push_ok (srv, TOKEN (GIJS), elsewhere);
    g_autoptr(Reply) d = push_ok (srv, TOKEN (BRAM), not_a_hash);

    assert_result (a, 0, "rejected", "missing_blob");
    assert_result (b, 0, "applied", NULL);
    assert_result (c, 0, "rejected", "missing_blob");
    assert_result (d, 0, "rejected", "missing_blob");
  }

  /* A blob where an older server kept it (blobs/ab/abcd...): it becomes
   * the organisation's whose record refers to it, and no one else's */
  {
    g_autofree char *legacy_content = g_strconcat ("Oude bijlage ", uuid, NULL);
    g_autofree char *legacy_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, legacy_content, -1);
    g_autoptr(GBytes) legacy_bytes = g_bytes_new (legacy_content, strlen (legacy_content));
    g_autofree char *legacy_path = blob_path (legacy_sha);
    g_autofree char *t5 = new_id ();
    g_autofree char *refers = toolkit_with (t5, legacy_sha);
    g_autoptr(GPtrArray) files = NULL;
    g_autofree char *prefix = g_strndup (legacy_sha, 2);
    g_autofree char *old_dir = g_build_filename (srv->dir, "blobs", prefix, NULL);
    g_autofree char *old_file = g_build_filename (old_dir, legacy_sha, NULL);

    {
      g_autoptr(Reply) put = put_blob (srv, TOKEN (BRAM), legacy_sha, legacy_bytes);
      g_autoptr(Reply) pushed = push_ok (srv, TOKEN (BRAM), refers);

      assert_status (put, 201);
      assert_result (pushed, 0, "applied", NULL);
    }
    files = blob_files (srv, legacy_sha);
    g_assert_cmpuint (files->len, ==, 1);
    g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
    g_assert_cmpint (g_rename (files->pdata[0], old_file), ==, 0);
    {
      g_autoptr(Reply) theirs = http (srv, "GET", legacy_path, TOKEN (GIJS), NULL, NULL, NULL);
      g_autoptr(Reply) mine = http (srv, "GET", legacy_path, TOKEN (CARLA), NULL, NULL, NULL);

      assert_error (theirs, 404, "not_found", NULL);
      assert_status (mine, 200);
      g_assert_true (g_bytes_equal (mine->body, legacy_bytes));
    }
  }

  /* The other organisation uploads the same file: its own copy */
  {
    g_autoptr(Reply) put = put_blob (srv, TOKEN (GIJS), sha, bytes);
    g_autoptr(Reply) get = http (srv, "GET", path, TOKEN (GIJS), NULL, NULL, NULL);
    g_autofree char *elsewhere = toolkit_with (t3, sha);
    g_autoptr(Reply) c = push_ok (srv, TOKEN (GIJS), elsewhere);

    assert_status (put, 201);
    assert_status (get, 200);
    assert_result (c, 0, "applied", NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  server_test_init (&argc, &argv);

  g_test_add_func ("/server/limits/body-size", test_limit_body_size);
  g_test_add_func ("/server/limits/records", test_limit_records);
  g_test_add_func ("/server/limits/content-type", test_limit_content_type);
  g_test_add_func ("/server/limits/length-required", test_limit_length_required);
  g_test_add_func ("/server/blobs/put-get", test_blobs);
  g_test_add_func ("/server/blobs/too-large", test_blobs_too_large);
  g_test_add_func ("/server/blobs/cut-off", test_blobs_cut_off);
  g_test_add_func ("/server/blobs/per-organisation", test_blobs_per_organisation);
  g_test_add_func ("/server/stream/notifies", test_stream_notifies);
  g_test_add_func ("/server/stream/refused", test_stream_refused);

  return server_test_run ();
}
