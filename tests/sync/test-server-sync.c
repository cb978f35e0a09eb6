/* test-server-sync.c: helder-server against a real process: push and merge
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "test-server-util.h"

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

  /* The key is the user's own (issue 9, item 9): a colleague's push under
   * the same key is hers, merged (nothing new), not bram's answer. */
  by_colleague = push (srv, TOKEN (CARLA), key, body);
  assert_status (by_colleague, 200);
  assert_result (by_colleague, 0, "unchanged", NULL);
  g_assert_cmpint (library_version (srv, TOKEN (BRAM)), ==, after_first);
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

int
main (int   argc,
      char *argv[])
{
  server_test_init (&argc, &argv);

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

  return server_test_run ();
}
