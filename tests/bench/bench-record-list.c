/* bench-record-list.c: how long a live list of 5,000 records takes to follow one change
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "model/helder-records.h"
#include "store/helder-record-list.h"
#include "store/helder-store-sync.h"

/* The list's own work is timed between two store signals: a handler of
 * records-changed connected before the list was made runs before the
 * list's own, and changed is emitted right after records-changed, so
 * the time between them is the list's update (reading the changed row,
 * finding its place, the items-changed).  The whole save (SQLite, the
 * outbox) is printed too. */

#define N_RECORDS 5000
#define ROUNDS    300

static gint64 started, finished;

static void
on_records_changed (void)
{
  started = g_get_monotonic_time ();
}

static void
on_changed (void)
{
  finished = g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
report (const char *what,
        GArray     *list_us,
        GArray     *save_us)
{
  g_print ("%-44s list update %7.1f us (median of %u), whole save %7.1f us\n",
           what, median (list_us), list_us->len, median (save_us));
}

static void
retitle (HelderRecord *record,
         GRand        *rand)
{
  g_autofree char *title = g_strdup_printf ("%s.", helder_record_get_text (record, "title"));

  /* It keeps its place: one item changes */
  g_object_set (record, "title", title, NULL);
}

static void
rerank (HelderRecord *record,
        GRand        *rand)
{
  /* It moves */
  g_object_set (record, "rank", g_rand_int_range (rand, 1, 500), NULL);
}

/* ROUNDS saves of one random record each, changed by @change. */
static void
time_saves (HelderStore *store,
            GPtrArray   *records,
            GRand       *rand,
            void       (*change) (HelderRecord *, GRand *),
            GArray      *list_us,
            GArray      *save_us)
{
  g_array_set_size (list_us, 0);
  g_array_set_size (save_us, 0);
  for (guint round = 0; round < ROUNDS; round++)
    {
      HelderRecord *record = records->pdata[g_rand_int_range (rand, 0, records->len)];
      gint64 t0;
      double list_time, save_time;

      change (record, rand);
      t0 = g_get_monotonic_time ();
      g_assert_true (helder_store_save (store, record, NULL));
      save_time = g_get_monotonic_time () - t0;
      list_time = finished - started;
      g_array_append_val (list_us, list_time);
      g_array_append_val (save_us, save_time);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-bench-list-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(HelderStore) store = helder_store_open (path, &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecordList) list = NULL;
  g_autoptr(GArray) list_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_us = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (42);
  gint64 t0;

  g_assert_no_error (error);
  for (guint i = 0; i < N_RECORDS; i++)
    {
      HelderRecord *record = helder_record_new (HELDER_TYPE_PRIORITY);
      g_autofree char *title = g_strdup_printf ("Prioriteit %05u uit het coalitieakkoord", i);

      g_object_set (record, "title", title, "rank", 1 + i / 10, "theme", "Wonen", "status", "active", NULL);
      g_ptr_array_add (records, record);
    }
  g_assert_true (helder_store_save_all (store, records, &error));

  g_signal_connect (store, "records-changed::priority", G_CALLBACK (on_records_changed), NULL);
  g_signal_connect (store, "changed::priority", G_CALLBACK (on_changed), NULL);
  t0 = g_get_monotonic_time ();
  list = helder_record_list_new (store, HELDER_TYPE_PRIORITY);
  g_print ("%u priorities; the list read and sorted them in %.1f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (list)), (g_get_monotonic_time () - t0) / 1000.0);

  time_saves (store, records, rand, retitle, list_us, save_us);
  report ("one record changed in place (5,000)", list_us, save_us);
  time_saves (store, records, rand, rerank, list_us, save_us);
  report ("one record moved by its rank (5,000)", list_us, save_us);

  /* A pulled page of 500 records changed on the server */
  g_array_set_size (list_us, 0);
  g_array_set_size (save_us, 0);
  {
    g_autoptr(JsonArray) page = json_array_new ();
    double list_time, save_time;

    for (guint i = 0; i < 500; i++)
      {
        HelderRecord *record = records->pdata[g_rand_int_range (rand, 0, N_RECORDS)];
        g_autoptr(JsonObject) data = helder_record_to_json_data (record);
        JsonObject *wire = json_object_new ();

        json_object_set_int_member (data, "rank", g_rand_int_range (rand, 1, 500));
        json_object_set_string_member (wire, "id", helder_record_get_id (record));
        json_object_set_string_member (wire, "type", "priority");
        json_object_set_int_member (wire, "version", 100 + i);
        json_object_set_object_member (wire, "data", json_object_ref (data));
        json_array_add_object_element (page, wire);
      }
    t0 = g_get_monotonic_time ();
    g_assert_true (helder_store_apply_changes (store, page, 1000, NULL));
    save_time = g_get_monotonic_time () - t0;
    list_time = finished - started;
    g_array_append_val (list_us, list_time);
    g_array_append_val (save_us, save_time);
  }
  report ("a pulled page of 500 changed records", list_us, save_us);

  g_rand_free (rand);
  g_clear_object (&list);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
