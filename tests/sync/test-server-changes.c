/* test-server-changes.c: helder-server against a real process: GET /v1/changes
 * (paging, 304, tombstones, writes while paging)
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "test-server-util.h"

/* Changes */

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

int
main (int   argc,
      char *argv[])
{
  server_test_init (&argc, &argv);

  g_test_add_func ("/server/changes/paging", test_changes_paging);
  g_test_add_func ("/server/changes/paging-one-version", test_changes_paging_one_version);
  g_test_add_func ("/server/changes/not-modified", test_changes_not_modified);
  g_test_add_func ("/server/changes/tombstones", test_changes_tombstones);
  g_test_add_func ("/server/changes/writes-while-paging", test_changes_writes_while_paging);

  return server_test_run ();
}
