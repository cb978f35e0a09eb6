/* test-record-list.c: live lists follow the store item by item
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/helder-records.h"
#include "store/helder-record-list.h"
#include "store/helder-store-sync.h"
#include "store-fixture.h"

typedef struct
{
  Fixture      files;
  HelderStore *store;
  GArray      *changes;   /* Change: what items-changed said */
} ListFixture;

typedef struct
{
  guint position, removed, added;
} Change;

static void
list_setup (ListFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (&fixture->files, data);
  fixture->store = helder_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
list_teardown (ListFixture   *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);
  fixture_teardown (&fixture->files, data);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ListFixture *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static HelderRecordList *
watched_list (ListFixture *fixture,
              GType    type)
{
  HelderRecordList *list = helder_record_list_new (fixture->store, type);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);
  return list;
}

static HelderRecord *
priority (const char *title,
          int         rank)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_PRIORITY);

  g_object_set (record, "title", title, "rank", rank, "status", "active", NULL);
  return record;
}

/* @n priorities with ranks 1..n/10 (ten to a rank), saved in one go. */
static GPtrArray *
save_priorities (ListFixture *fixture,
                 guint    n)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Prioriteit %05u", i);

      g_ptr_array_add (records, priority (title, 1 + i / 10));
    }
  g_assert_true (helder_store_save_all (fixture->store, records, &error));
  g_assert_no_error (error);
  return records;
}

/* The list holds what a fresh read of the store holds, in the same order,
 * and every item is the store's current copy. */
static void
assert_matches_store (HelderRecordList *list,
                      ListFixture      *fixture)
{
  GType type = helder_record_list_get_record_type (list);
  g_autoptr(GListModel) fresh = helder_store_list (fixture->store, type, NULL);
  guint n = g_list_model_get_n_items (fresh);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(HelderRecord) b = g_list_model_get_item (fresh, i);

      g_assert_cmpstr (helder_record_get_id (a), ==, helder_record_get_id (b));
      g_assert_true (helder_record_equal_data (a, b));
    }
}

static void
assert_change (ListFixture *fixture,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, fixture->changes->len);
  change = &g_array_index (fixture->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static guint
position_of (HelderRecordList *list,
             HelderRecord     *record)
{
  guint position = G_MAXUINT;

  g_assert_nonnull (helder_record_list_lookup (list, helder_record_get_id (record), &position));
  return position;
}

/* The heart of it: 5,000 records, one changes, one item changes. */
static void
test_one_change_one_item (ListFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 5000);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  HelderRecord *record = records->pdata[2345];
  g_autoptr(HelderRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  guint position = position_of (list, record);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);
  assert_matches_store (list, fixture);

  /* A new title that keeps its place (same rank, same neighbours) */
  g_object_set (record, "title", "Prioriteit 02345 (herzien)", NULL);
  g_assert_true (helder_store_save (fixture->store, record, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, position, 1, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_cmpstr (helder_record_get_text (item, "title"), ==, "Prioriteit 02345 (herzien)");
  /* A new object: the one the page held is left as it was */
  g_assert_true (item != record);

  /* Saving what is stored changes nothing, and says nothing */
  g_assert_true (helder_store_save (fixture->store, record, NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_matches_store (list, fixture);
}

/* A new sort key moves the item: out at its old place, in at its new. */
static void
test_move (ListFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 200);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  HelderRecord *record = records->pdata[150];
  guint before = position_of (list, record);

  g_object_set (record, "rank", 1, NULL);
  g_assert_true (helder_store_save (fixture->store, record, NULL));

  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 0, before, 1, 0);
  assert_change (fixture, 1, position_of (list, record), 0, 1);
  g_assert_cmpuint (position_of (list, record), <, 11);
  assert_matches_store (list, fixture);
}

static void
test_insert_and_delete (ListFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 100);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) added = priority ("Aaa eerst", 1);
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();
  g_autoptr(GPtrArray) deletions = g_ptr_array_new ();

  g_assert_true (helder_store_save (fixture->store, added, NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 0, 0, 1);

  g_assert_true (helder_store_delete (fixture->store, records->pdata[55], NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, 56, 1, 0);
  g_assert_null (helder_record_list_lookup (list, helder_record_get_id (records->pdata[55]), NULL));
  assert_matches_store (list, fixture);

  /* One action that saves one and deletes another: one transaction, and
   * the list hears both */
  g_object_set (records->pdata[10], "title", "Prioriteit 00010 bis", NULL);
  g_ptr_array_add (saves, records->pdata[10]);
  g_ptr_array_add (deletions, records->pdata[20]);
  g_assert_true (helder_store_write (fixture->store, saves, deletions, NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 4);
  g_assert_true (helder_record_get_deleted (records->pdata[20]));
  assert_matches_store (list, fixture);
}

static gboolean
is_active (HelderRecord *record,
           gpointer      user_data)
{
  return g_strcmp0 (helder_record_get_text (record, "status"), user_data) == 0;
}

static void
test_filter (ListFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 50);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  g_autofree char *wanted = g_strdup ("active");

  helder_record_list_set_filter_func (list, is_active, wanted, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  /* Nothing left or came: no signal */
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  g_object_set (records->pdata[7], "status", "done", NULL);
  g_assert_true (helder_store_save (fixture->store, records->pdata[7], NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 49);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* What the filter looks for changes: one items-changed */
  g_free (wanted);
  wanted = g_strdup ("done");
  helder_record_list_set_filter_func (list, is_active, wanted, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_true (helder_record_list_lookup (list, helder_record_get_id (records->pdata[7]), NULL) != NULL);

  g_object_set (records->pdata[8], "status", "done", NULL);
  g_assert_true (helder_store_save (fixture->store, records->pdata[8], NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

/* Many records in one transaction: one items-changed over what changed. */
static void
test_batch (ListFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 1000);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  for (guint i = 300; i < 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("Herzien %u", i);

      g_object_set (records->pdata[i], "title", title, "rank", (int) (i % 7), NULL);
      g_ptr_array_add (batch, records->pdata[i]);
    }
  g_assert_true (helder_store_save_all (fixture->store, batch, NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_matches_store (list, fixture);
}

/* A page the server sends: the same signal, one pass. */
static void
test_pulled_changes (ListFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 300);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  g_autoptr(JsonArray) page = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) item = NULL;

  for (guint i = 0; i < 40; i++)
    {
      HelderRecord *record = records->pdata[i * 7];
      g_autofree char *title = g_strdup_printf ("Van de server %u", i);
      JsonObject *wire;

      g_object_set (record, "title", title, NULL);
      helder_record_set_deleted (record, i == 3);
      wire = fixture_wire (record, 10 + i);
      json_array_add_object_element (page, wire);
    }
  /* (Their local edits were "pushed" long ago: nothing waits.) */
  fixture_push_all (fixture->store);
  g_array_set_size (fixture->changes, 0);

  g_assert_true (helder_store_apply_changes (fixture->store, page, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 299);
  item = g_object_ref (helder_record_list_lookup (list, helder_record_get_id (records->pdata[7]), NULL));
  g_assert_cmpstr (helder_record_get_text (item, "title"), ==, "Van de server 1");
  assert_matches_store (list, fixture);
}

/* A list nobody looks at waits, then catches up in one pass. */
static void
test_paused (ListFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 100);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);

  helder_record_list_set_paused (list, TRUE);
  for (guint i = 0; i < 30; i++)
    {
      g_object_set (records->pdata[i], "rank", 90 - (int) i, NULL);
      g_assert_true (helder_store_save (fixture->store, records->pdata[i], NULL));
    }
  g_assert_true (helder_store_delete (fixture->store, records->pdata[50], NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  helder_record_list_set_paused (list, FALSE);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_matches_store (list, fixture);
}

static void
test_sort_keys (ListFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(HelderRecordList) list = NULL;
  const char *dates[] = { "2027-01-14", NULL, "2026-12-01", "2027-03-02" };
  const char *expected[] = { "2027-03-02", "2027-01-14", "2026-12-01", NULL };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      HelderRecord *edition = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);

      g_object_set (edition, "date", dates[i], NULL);
      g_ptr_array_add (records, edition);
    }
  g_assert_true (helder_store_save_all (fixture->store, records, NULL));

  /* Editions: newest first, one without a date last */
  list = helder_record_list_new (fixture->store, HELDER_TYPE_OMGEVINGSBEELD);
  g_assert_cmpstr (helder_record_list_get_sort_keys (list), ==, "-date");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HelderRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (helder_record_get_text (item, "date"), ==, expected[i]);
    }
  /* Oldest first: the one without a date still last */
  helder_record_list_set_sort_keys (list, "date");
  {
    g_autoptr(HelderRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(HelderRecord) last = g_list_model_get_item (G_LIST_MODEL (list), 3);

    g_assert_cmpstr (helder_record_get_text (first, "date"), ==, "2026-12-01");
    g_assert_null (helder_record_get_text (last, "date"));
  }

  /* Registrations: the earliest request first, as places are given */
  {
    const char *at[] = { "2027-01-10T09:00:00Z", "2027-01-08T15:30:00Z", "2027-01-09T08:00:00Z" };
    g_autoptr(GPtrArray) registrations = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(HelderRecordList) waiting = NULL;
    g_autoptr(HelderRecord) first = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (at); i++)
      {
        HelderRecord *registration = helder_record_new (HELDER_TYPE_REGISTRATION);

        g_object_set (registration, "training", "b1", "user", "piet", "requested-at", at[i], NULL);
        g_ptr_array_add (registrations, registration);
      }
    g_assert_true (helder_store_save_all (fixture->store, registrations, NULL));
    waiting = helder_record_list_new (fixture->store, HELDER_TYPE_REGISTRATION);
    first = g_list_model_get_item (G_LIST_MODEL (waiting), 0);
    g_assert_cmpstr (helder_record_get_text (first, "requested_at"), ==, "2027-01-08T15:30:00Z");
  }
}

static int
by_title_length (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return (int) strlen (helder_record_get_title ((HelderRecord *) a)) -
         (int) strlen (helder_record_get_title ((HelderRecord *) b));
}

static void
test_sort_func (ListFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecordList) list = NULL;
  g_autoptr(HelderRecord) first = NULL;
  g_autoptr(HelderRecord) now_first = NULL;

  g_ptr_array_add (records, priority ("Middellang", 1));
  g_ptr_array_add (records, priority ("Kort", 2));
  g_ptr_array_add (records, priority ("Heel erg lang", 3));
  g_assert_true (helder_store_save_all (fixture->store, records, NULL));
  list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  helder_record_list_set_sort_func (list, by_title_length, NULL, NULL);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (helder_record_get_title (first), ==, "Kort");

  g_object_set (records->pdata[2], "title", "Kor", NULL);
  g_assert_true (helder_store_save (fixture->store, records->pdata[2], NULL));
  now_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (helder_record_get_title (now_first), ==, "Kor");
}

/* An items-changed handler that writes to the store: the list finishes
 * one update before it starts the next. */
static void
save_another (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              GPtrArray  *records)
{
  static gboolean done;
  HelderStore *store = helder_record_list_get_store (HELDER_RECORD_LIST (model));

  if (done)
    return;
  done = TRUE;
  g_object_set (records->pdata[1], "title", "Van een luisteraar", NULL);
  g_assert_true (helder_store_save (store, records->pdata[1], NULL));
  g_object_set (records->pdata[0], "title", "Weer veranderd", NULL);
  g_assert_true (helder_store_save (store, records->pdata[0], NULL));
}

static void
test_reentrant (ListFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 20);
  g_autoptr(HelderRecordList) list = helder_record_list_new (fixture->store, HELDER_TYPE_PRIORITY);

  g_signal_connect (list, "items-changed", G_CALLBACK (save_another), records);
  g_object_set (records->pdata[0], "title", "Eerste verandering", NULL);
  g_assert_true (helder_store_save (fixture->store, records->pdata[0], NULL));
  assert_matches_store (list, fixture);
  g_assert_cmpstr (helder_record_get_title (helder_record_list_lookup (list, helder_record_get_id (records->pdata[0]),
                                                                      NULL)), ==, "Weer veranderd");
}

/* What an items-changed handler sees of the moving record (a selection
 * that follows it by id): found only where it is. */
typedef struct
{
  const char *id;
  guint       seen;
} Follow;

static void
look_up_moving (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Follow     *follow)
{
  guint at = G_MAXUINT;
  HelderRecord *found = helder_record_list_lookup (HELDER_RECORD_LIST (model), follow->id, &at);

  if (found == NULL)
    return;
  {
    g_autoptr(HelderRecord) item = g_list_model_get_item (model, at);

    g_assert_nonnull (item);
    g_assert_true (item == found);
  }
  follow->seen++;
}

static void
test_lookup_while_moving (ListFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 50);
  g_autoptr(HelderRecordList) list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  HelderRecord *record = records->pdata[40];
  Follow follow = { helder_record_get_id (record), 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (look_up_moving), &follow);
  g_object_set (record, "rank", 1, NULL);
  g_assert_true (helder_store_save (fixture->store, record, NULL));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  /* Out at its old place (not there), in at its new one (there) */
  g_assert_cmpuint (follow.seen, ==, 1);
  assert_matches_store (list, fixture);
}

/* A ledger move: two neighbours swap ranks in one transaction.  One
 * items-changed over the two, and a handler that follows the moving
 * record by id finds it at every signal (a selection keeps it). */
static void
test_swap_one_stretch (ListFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecordList) list = NULL;
  g_autoptr(GPtrArray) swap = g_ptr_array_new ();
  Follow follow = { NULL, 0 };

  /* ranks 1..60, one to a rank: a title breaks no tie */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Prioriteit %05u", 100 - i);

      g_ptr_array_add (records, priority (title, i + 1));
    }
  g_assert_true (helder_store_save_all (fixture->store, records, NULL));
  list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  g_signal_connect (list, "items-changed", G_CALLBACK (look_up_moving), &follow);

  /* Both orders in which the store may name the two */
  for (guint round = 0; round < 2; round++)
    {
      HelderRecord *up = records->pdata[round == 0 ? 41 : 40];
      HelderRecord *down = records->pdata[round == 0 ? 40 : 41];

      g_array_set_size (fixture->changes, 0);
      follow.id = helder_record_get_id (up);
      follow.seen = 0;
      g_object_set (up, "rank", 41, NULL);
      g_object_set (down, "rank", 42, NULL);
      g_ptr_array_set_size (swap, 0);
      g_ptr_array_add (swap, round == 0 ? down : up);
      g_ptr_array_add (swap, round == 0 ? up : down);
      g_assert_true (helder_store_save_all (fixture->store, swap, NULL));

      g_assert_cmpuint (fixture->changes->len, ==, 1);
      assert_change (fixture, 0, 40, 2, 2);
      g_assert_cmpuint (follow.seen, ==, 1);
      g_assert_cmpuint (position_of (list, up), ==, 40);
      assert_matches_store (list, fixture);
    }
}

/* A handler that moves the record again while it is on its way: the
 * second move waits until the first is done, and the record is in the
 * list once. */
static void
move_again (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            GPtrArray  *records)
{
  HelderStore *store = helder_record_list_get_store (HELDER_RECORD_LIST (model));
  HelderRecord *record = records->pdata[40];

  if (helder_record_get_int (record, "rank") != 1)
    return;
  g_object_set (record, "rank", 3, NULL);
  g_assert_true (helder_store_save (store, record, NULL));
}

static void
test_reentrant_move (ListFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 50);
  g_autoptr(HelderRecordList) list = helder_record_list_new (fixture->store, HELDER_TYPE_PRIORITY);
  HelderRecord *record = records->pdata[40];

  g_signal_connect (list, "items-changed", G_CALLBACK (move_again), records);
  g_object_set (record, "rank", 1, NULL);
  g_assert_true (helder_store_save (fixture->store, record, NULL));
  assert_matches_store (list, fixture);
  g_assert_cmpint (helder_record_get_int (helder_record_list_lookup (list, helder_record_get_id (record), NULL),
                                          "rank"), ==, 3);
}

/* A batch in which most records come back as they are (a push answer
 * that only confirms them): those keep their items, and the one
 * items-changed covers only the stretch that changed. */
static void
test_batch_mostly_unchanged (ListFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) records = save_priorities (fixture, 100);
  g_autoptr(HelderRecordList) list = NULL;
  g_autoptr(JsonArray) page = json_array_new ();
  g_autoptr(HelderRecord) before = NULL;
  g_autoptr(HelderRecord) after = NULL;
  guint position;

  fixture_push_all (fixture->store);
  list = watched_list (fixture, HELDER_TYPE_PRIORITY);
  before = g_list_model_get_item (G_LIST_MODEL (list), 0);
  for (guint i = 30; i < 50; i++)
    {
      g_autoptr(HelderRecord) stored = helder_store_load (fixture->store, HELDER_TYPE_PRIORITY,
                                                           helder_record_get_id (records->pdata[i]), NULL);

      if (i == 44)
        g_object_set (stored, "title", "Prioriteit 00044 (herzien)", NULL);
      json_array_add_object_element (page, fixture_wire (stored, i == 44 ? 2 : 1));
    }
  g_assert_true (helder_store_apply_changes (fixture->store, page, 2, NULL));

  position = position_of (list, records->pdata[44]);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, position, 1, 1);
  assert_matches_store (list, fixture);
  after = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (before == after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/record-list/" name, ListFixture, NULL, list_setup, func, list_teardown)
  ADD ("one-change-one-item", test_one_change_one_item);
  ADD ("move", test_move);
  ADD ("lookup-while-moving", test_lookup_while_moving);
  ADD ("swap-one-stretch", test_swap_one_stretch);
  ADD ("insert-and-delete", test_insert_and_delete);
  ADD ("filter", test_filter);
  ADD ("batch", test_batch);
  ADD ("batch-mostly-unchanged", test_batch_mostly_unchanged);
  ADD ("pulled-changes", test_pulled_changes);
  ADD ("paused", test_paused);
  ADD ("sort-keys", test_sort_keys);
  ADD ("sort-func", test_sort_func);
  ADD ("reentrant", test_reentrant);
  ADD ("reentrant-move", test_reentrant_move);
#undef ADD

  return g_test_run ();
}
