/* test-server-auth.c: helder-server against a real process: login, tokens, who may see and change what, the request log
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "test-server-util.h"

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
  g_autoptr(Reply) wrong = server_login (srv, "carla", "wrong-password-1234");
  g_autoptr(Reply) unknown = server_login (srv, "nobody", "wrong-password-1234");

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
      g_autoptr(Reply) r = server_login (srv, "eva", password);

      assert_error (r, 401, "bad_credentials", NULL);
    }

  limited = server_login (srv, "eva", "not-evas-password-5");
  assert_error (limited, 429, "too_many_attempts", NULL);
  retry = soup_message_headers_get_one (limited->headers, "Retry-After");
  g_assert_nonnull (retry);
  g_assert_true (g_ascii_string_to_unsigned (retry, 10, 1, 5 * 60 + 1, &seconds, NULL));

  /* Even the right password waits now ... */
  right = server_login (srv, "eva", shared.passwords[EVA]);
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
  test_admin_wait (revoke);

  after = http (srv, "GET", "/v1/changes", TOKEN (FINN), NULL, NULL, NULL);
  assert_unauthorized (after);
  /* Only finn's tokens */
  others = http (srv, "GET", "/v1/changes", TOKEN (CARLA), NULL, NULL, NULL);
  assert_status (others, 200);
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

/* Issue 9, item 5: staff change only what is theirs, judged by the
 * record the server keeps, not by what the push claims */
static void
test_staff_own_records (void)
{
  Server *srv = shared_server ();
  g_autofree char *entry = new_id ();
  g_autofree char *word = new_id ();
  g_autofree char *doc = new_id ();
  g_autofree char *own_doc = new_id ();
  g_autofree char *training = new_id ();
  g_autofree char *mine = new_id ();
  g_autofree char *theirs = new_id ();
  gint64 v_entry = create (srv, TOKEN (BRAM), entry, "word_list_entry", "{\"word\":\"derhalve\"}");
  gint64 v_word = create (srv, TOKEN (BRAM), word, "dictionary_word", "{\"word\":\"HLTsamen\"}");
  gint64 v_doc = create (srv, TOKEN (BRAM), doc, "document", "{\"title\":\"Van bram\"}");
  gint64 v_training = create (srv, TOKEN (BRAM), training, "training",
                              "{\"title\":\"B1 schrijven\",\"starts_at\":\"2027-01-12T09:00:00Z\"}");
  g_autoptr(JsonObject) stored = NULL;

  {
    g_autofree char *body = batch (rec (entry, "word_list_entry", v_entry, FALSE, "private",
                                        "{\"word\":\"overgenomen\"}"), NULL);
    g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);

    assert_result (r, 0, "rejected", "forbidden");
  }
  stored = get_record (srv, TOKEN (BRAM), entry);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "data"), "word"), ==,
                   "derhalve");
  g_assert_cmpstr (json_object_get_string_member (stored, "visibility"), ==, "org");
  g_clear_pointer (&stored, json_object_unref);
  {
    g_autofree char *body = batch (rec (word, "dictionary_word", v_word, TRUE, "private", "{}"), NULL);
    g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);

    assert_result (r, 0, "rejected", "forbidden");
  }
  {
    g_autofree char *body = batch (rec (doc, "document", v_doc, FALSE, NULL, "{\"title\":\"Van daan\"}"),
                                   rec (own_doc, "document", 0, FALSE, NULL, "{\"title\":\"Eigen brief\"}"),
                                   rec (training, "training", v_training, FALSE, NULL, "{\"title\":\"Anders\"}"),
                                   NULL);
    g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);

    assert_result (r, 0, "rejected", "forbidden");
    assert_result (r, 1, "applied", NULL);
    assert_result (r, 2, "rejected", "forbidden");
  }
  {
    g_autofree char *body = batch (rec (training, "training", v_training, TRUE, NULL, "{}"), NULL);
    g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);

    assert_result (r, 0, "rejected", "forbidden");
  }
  stored = get_record (srv, TOKEN (BRAM), doc);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "data"), "title"), ==,
                   "Van bram");
  g_clear_pointer (&stored, json_object_unref);

  /* Registrations: their own, not someone else's, and not "attended" */
  {
    g_autofree char *data = g_strdup_printf ("{\"training\":\"%s\",\"user\":\"daan\","
                                             "\"requested_at\":\"2026-12-01T10:00:00Z\"}", training);
    g_autofree char *other = g_strdup_printf ("{\"training\":\"%s\",\"user\":\"bram\"}", training);
    g_autofree char *body = batch (rec (mine, "registration", 0, FALSE, NULL, data),
                                   rec (theirs, "registration", 0, FALSE, NULL, other), NULL);
    g_autoptr(Reply) r = push_ok (srv, TOKEN (DAAN), body);
    gint64 v_mine;

    assert_result (r, 0, "applied", NULL);
    assert_result (r, 1, "rejected", "forbidden");
    v_mine = result_version (r, 0);
    {
      g_autofree char *attend = batch (rec (mine, "registration", v_mine, FALSE, NULL, "{\"attended\":true}"),
                                       NULL);
      g_autoptr(Reply) a = push_ok (srv, TOKEN (DAAN), attend);
      g_autoptr(Reply) b = push_ok (srv, TOKEN (BRAM), attend);

      assert_result (a, 0, "rejected", "forbidden");
      assert_result (b, 0, "applied", NULL);
    }
  }
}

/* Issue 9, item 9: an Idempotency-Key is the user's own */
static void
test_idempotency_per_user (void)
{
  Server *srv = shared_server ();
  g_autofree char *key = new_id ();
  g_autofree char *id = new_id ();
  g_autofree char *other = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Zelfde sleutel\"}"), NULL);
  g_autofree char *other_body = batch (rec (other, "document", 0, FALSE, NULL, "{\"title\":\"Ander\"}"), NULL);
  g_autoptr(Reply) first = push (srv, TOKEN (BRAM), key, body);
  g_autoptr(Reply) second = push (srv, TOKEN (CARLA), key, body);
  g_autoptr(Reply) third = push (srv, TOKEN (CARLA), key, other_body);
  g_autoptr(Reply) again = push (srv, TOKEN (BRAM), key, body);

  assert_status (first, 200);
  assert_result (first, 0, "applied", NULL);
  /* carla's push is hers: merged, not bram's stored answer */
  assert_status (second, 200);
  assert_result (second, 0, "unchanged", NULL);
  assert_error (third, 422, "key_reused", NULL);
  /* bram's replay still gets his own answer */
  assert_status (again, 200);
  g_assert_cmpstr (reply_text (again), ==, reply_text (first));
}

/* A stream of @token, open and greeted */
static void
open_greeted (Stream      *s,
              SoupSession *ws_session,
              Server      *srv,
              const char  *token)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *hello = NULL;

  stream_open (s, ws_session, srv, token, &msg);
  g_assert_nonnull (s->connection);
  hello = next_message (s, 5000);
  g_assert_nonnull (hello);
}

/* A push with @token makes a new version; the stream @s, whose token was
 * revoked, hears nothing of it and is closed. */
static void
assert_closed_before_next_version (Server     *srv,
                                   Stream     *s,
                                   const char *token)
{
  g_autofree char *id = new_id ();
  g_autofree char *body = batch (rec (id, "document", 0, FALSE, NULL, "{\"title\":\"Daarna\"}"), NULL);
  g_autoptr(Reply) r = push_ok (srv, token, body);
  g_autofree char *after = NULL;
  gboolean never = FALSE;

  assert_result (r, 0, "applied", NULL);
  after = next_message (s, 3000);
  g_assert_null (after);
  run_until (&never, 500);
  g_assert_cmpint (soup_websocket_connection_get_state (s->connection), !=, SOUP_WEBSOCKET_STATE_OPEN);
}

/* Issue 9, item 10: revoking a token closes its open stream */
static void
test_revoke_closes_stream (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  g_autoptr(SoupSession) ws_session = new_session ();
  g_autoptr(GSubprocess) revoke = NULL;
  g_autofree char *fresh = NULL;
  Stream s;

  open_greeted (&s, ws_session, &srv, token);
  revoke = admin_spawn (&srv, NULL, "revoke-tokens", "anna", NULL);
  test_admin_wait (revoke);
  fresh = login_token (&srv, "anna", "pw-anna-Kx9#quite-long");
  assert_closed_before_next_version (&srv, &s, fresh);
  stream_clear (&s);
  server_stop (&srv);
  server_clear (&srv);
}

/* ...and a new password revokes all of the user's tokens and streams */
static void
test_password_reset (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  g_autofree char *second = login_token (&srv, "anna", "pw-anna-Kx9#quite-long");
  g_autoptr(SoupSession) ws_session = new_session ();
  g_autoptr(GSubprocess) reset = NULL;
  g_autofree char *fresh = NULL;
  Stream s;

  open_greeted (&s, ws_session, &srv, token);
  g_ptr_array_add (secrets, g_strdup ("pw-anna-new-Kx9#long"));
  reset = admin_spawn (&srv, "pw-anna-new-Kx9#long", "set-password", "--password-stdin", "anna", NULL);
  test_admin_wait (reset);
  {
    g_autoptr(Reply) a = http (&srv, "GET", "/v1/index", token, NULL, NULL, NULL);
    g_autoptr(Reply) b = http (&srv, "GET", "/v1/index", second, NULL, NULL, NULL);
    g_autoptr(Reply) old_password = server_login (&srv, "anna", "pw-anna-Kx9#quite-long");

    assert_error (a, 401, "unauthorized", NULL);
    assert_error (b, 401, "unauthorized", NULL);
    assert_status (old_password, 401);
  }
  fresh = login_token (&srv, "anna", "pw-anna-new-Kx9#long");
  assert_closed_before_next_version (&srv, &s, fresh);
  stream_clear (&s);
  server_stop (&srv);
  server_clear (&srv);
}

/* Issue 9, item 11: login throttling behind a proxy, timing, memory and
 * the main loop */

static guint
login_status (Server     *srv,
              const char *user,
              const char *password,
              const char *forwarded_for)
{
  g_autofree char *body = login_body (user, password);
  g_autoptr(Reply) r = http (srv, "POST", "/v1/login", NULL, "application/json", body,
                             forwarded_for ? "X-Forwarded-For" : NULL, forwarded_for, NULL);

  return r->status;
}

static void
test_login_forwarded_for (void)
{
  Server trusting, plain;
  g_autofree char *t1 = own_server (&trusting, "[server]\ntrusted-proxies=127.0.0.1\n"
                                               "login-failures-per-address=3\n");
  g_autofree char *t2 = own_server (&plain, "[server]\nlogin-failures-per-address=3\n");

  /* Behind a trusted proxy: each client has its own limit */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("iemand-%u", i);

      g_assert_cmpuint (login_status (&trusting, name, "fout", "203.0.113.9, 198.51.100.7"), ==, 401);
    }
  g_assert_cmpuint (login_status (&trusting, "nog-iemand", "fout", "203.0.113.9, 198.51.100.7"), ==, 429);
  /* another client behind the same proxy (what it wrote before the
   * proxy's hop does not count) */
  g_assert_cmpuint (login_status (&trusting, "nog-iemand", "fout", "198.51.100.7, 198.51.100.8"), ==, 401);

  /* From an untrusted peer the header changes nothing */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("iemand-%u", i);
      g_autofree char *spoofed = g_strdup_printf ("198.51.100.%u", i + 1);

      g_assert_cmpuint (login_status (&plain, name, "fout", spoofed), ==, 401);
    }
  g_assert_cmpuint (login_status (&plain, "nog-iemand", "fout", "198.51.100.99"), ==, 429);

  server_stop (&trusting);
  server_clear (&trusting);
  server_stop (&plain);
  server_clear (&plain);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
login_seconds (Server     *srv,
               const char *user)
{
  g_autofree char *body = login_body (user, "helemaal-fout");
  g_autoptr(Reply) r = http (srv, "POST", "/v1/login", NULL, "application/json", body, NULL);

  assert_status (r, 401);
  return r->seconds;
}

/* Known and unknown users take about as long to fail: medians of
 * interleaved tries (the machine may be busy with other things). */
static void
test_login_timing (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  double known[4], unknown[4];

  login_seconds (&srv, "warm-up");
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *name = g_strdup_printf ("niemand-%u", i);

      known[i] = login_seconds (&srv, "anna");
      unknown[i] = login_seconds (&srv, name);
    }
  qsort (known, G_N_ELEMENTS (known), sizeof known[0], compare_doubles);
  qsort (unknown, G_N_ELEMENTS (unknown), sizeof unknown[0], compare_doubles);
  g_test_message ("failed login, median: known user %.3f s, unknown user %.3f s", known[1], unknown[1]);
  g_assert_cmpfloat (unknown[1], >, known[1] / 3);
  server_stop (&srv);
  server_clear (&srv);
}

static void
test_login_oversized (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  g_autofree char *huge = g_strnfill (100 * 1024, 'x');
  guint64 before, after;

  /* A first round, so what the process allocates once is in place */
  g_assert_cmpuint (login_status (&srv, huge, "fout", NULL), ==, 400);
  before = server_rss (&srv);
  for (guint i = 0; i < 200; i++)
    {
      huge[0] = 'a' + i % 26;
      huge[1] = 'a' + i / 26;
      g_assert_cmpuint (login_status (&srv, huge, "fout", NULL), ==, 400);
    }
  after = server_rss (&srv);
  g_test_message ("200 logins with 100 KB user names: %+" G_GINT64_FORMAT " kB", (gint64) after - (gint64) before);
  g_assert_cmpuint (after, <, before + 2048);
  /* A long password is refused too, before argon2 sees it */
  g_assert_cmpuint (login_status (&srv, "anna", huge, NULL), ==, 400);
  server_stop (&srv);
  server_clear (&srv);
}

typedef struct
{
  const char *base;
  gint       *stop;
  guint       logins;
} Looper;

static gpointer
login_loop (gpointer data)
{
  Looper *l = data;
  g_autoptr(SoupSession) own = new_session ();
  g_autofree char *body = login_body ("anna", "pw-anna-Kx9#quite-long");
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  while (!g_atomic_int_get (l->stop))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(Reply) r = http_try (own, l->base, "POST", "/v1/login", NULL, "application/json", bytes, &error,
                                     NULL);

      if (r != NULL && r->status == 200)
        {
          g_ptr_array_add (secrets, g_strdup (json_object_get_string_member (root (r), "token")));
          l->logins++;
        }
    }
  return NULL;
}

static void
test_login_off_main_loop (void)
{
  Server srv;
  g_autofree char *token = own_server (&srv, NULL);
  Looper loopers[3];
  GThread *threads[3];
  double times[20];
  gint stop = 0;
  guint logins = 0;
  double quiet[10];

  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autoptr(Reply) r = http (&srv, "GET", "/v1/index", token, NULL, NULL, NULL);

      quiet[i] = r->seconds;
    }
  qsort (quiet, G_N_ELEMENTS (quiet), sizeof quiet[0], compare_doubles);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      loopers[i] = (Looper) { srv.base, &stop, 0 };
      threads[i] = g_thread_new ("login-loop", login_loop, &loopers[i]);
    }
  g_usleep (G_USEC_PER_SEC / 2);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(Reply) r = http (&srv, "GET", "/v1/index", token, NULL, NULL, NULL);

      assert_status (r, 200);
      times[i] = r->seconds;
      g_usleep (G_USEC_PER_SEC / 20);
    }
  g_atomic_int_set (&stop, 1);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      logins += loopers[i].logins;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  g_test_message ("GET /v1/index: median %.1f ms alone; during %u logins median %.1f ms, slowest %.1f ms",
                  quiet[G_N_ELEMENTS (quiet) / 2] * 1000, logins, times[G_N_ELEMENTS (times) / 2] * 1000,
                  times[G_N_ELEMENTS (times) - 1] * 1000);
  g_assert_cmpuint (logins, >, 0);
  /* argon2 on the main loop would hold each request up to a login's
   * 0.1-0.3 s */
  g_assert_cmpfloat (times[G_N_ELEMENTS (times) / 2], <, 2 * quiet[G_N_ELEMENTS (quiet) / 2] + 0.05);
  server_stop (&srv);
  server_clear (&srv);
}

/* Logging */

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
  process = g_subprocess_launcher_spawn (launcher, &error, test_server_binary (), "admin", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "geef een opdracht: create-org, add-user of revoke-tokens"));
  g_assert_nonnull (strstr (err, "Probeer “helder-server --help”"));
}

int
main (int   argc,
      char *argv[])
{
  server_test_init (&argc, &argv);

  g_test_add_func ("/server/login/ok", test_login_ok);
  g_test_add_func ("/server/login/wrong-password", test_login_wrong_password);
  g_test_add_func ("/server/login/missing-fields", test_login_missing_fields);
  g_test_add_func ("/server/login/limit", test_login_limit);
  g_test_add_func ("/server/login/forwarded-for", test_login_forwarded_for);
  g_test_add_func ("/server/login/timing", test_login_timing);
  g_test_add_func ("/server/login/oversized", test_login_oversized);
  g_test_add_func ("/server/login/off-main-loop", test_login_off_main_loop);
  g_test_add_func ("/server/auth/required", test_auth_required);
  g_test_add_func ("/server/auth/revoke", test_auth_revoke);
  g_test_add_func ("/server/access/private", test_private_records);
  g_test_add_func ("/server/access/organisations", test_org_isolation);
  g_test_add_func ("/server/access/roles", test_roles);
  g_test_add_func ("/server/access/staff-own-records", test_staff_own_records);
  g_test_add_func ("/server/push/idempotency-per-user", test_idempotency_per_user);
  g_test_add_func ("/server/stream/revoke-closes", test_revoke_closes_stream);
  g_test_add_func ("/server/stream/password-reset", test_password_reset);
  g_test_add_func ("/server/log/lines", test_log_lines);
  g_test_add_func ("/server/admin/dutch", test_admin_dutch);

  return server_test_run ();
}
