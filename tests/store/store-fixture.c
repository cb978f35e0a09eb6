/* store-fixture.c: a temporary folder with a store path, for store tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store-fixture.h"
#include "store/helder-store-sync.h"

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("helder-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "helder.db", NULL);
}

/* The folder holds files only (the store, its WAL, copies a test made). */
void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Answers the pending push as a server would, each record with @status
 * ("applied" at version 1, or "rejected" as forbidden).  Returns FALSE
 * when nothing was pending. */
gboolean
fixture_answer_push (HelderStore *store,
                     const char  *status)
{
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) body = helder_store_take_push_batch (store, 100, &key, NULL);
  g_autoptr(JsonObject) answer = json_object_new ();
  JsonArray *results = json_array_new ();
  JsonArray *pushed;

  json_object_set_array_member (answer, "results", results);
  if (body == NULL)
    return FALSE;
  pushed = json_object_get_array_member (json_node_get_object (body), "records");
  for (guint i = 0; i < json_array_get_length (pushed); i++)
    {
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "id",
                                     json_object_get_string_member (json_array_get_object_element (pushed, i), "id"));
      json_object_set_string_member (result, "status", status);
      if (g_str_equal (status, "applied"))
        json_object_set_int_member (result, "version", 1);
      else
        json_object_set_string_member (result, "error", "forbidden");
      json_array_add_object_element (results, result);
    }
  g_assert_true (helder_store_finish_push_batch (store, key, answer, NULL));
  return TRUE;
}

/* Answers every pending push as a server that applied it: afterwards the
 * store has nothing waiting, and pulled changes replace records. */
void
fixture_push_all (HelderStore *store)
{
  while (fixture_answer_push (store, "applied"))
    ;
}

/* @record as the server sends it, at @version. */
JsonObject *
fixture_wire (HelderRecord *record,
              gint64        version)
{
  JsonObject *wire = json_object_new ();

  json_object_set_string_member (wire, "id", helder_record_get_id (record));
  json_object_set_string_member (wire, "type", helder_record_get_type_name (record));
  json_object_set_int_member (wire, "version", version);
  json_object_set_boolean_member (wire, "deleted", helder_record_get_deleted (record));
  json_object_set_string_member (wire, "updated_by", "joost");
  json_object_set_object_member (wire, "data", helder_record_to_json_data (record));
  return wire;
}

/* Applies @record as one pulled page. */
void
fixture_pull (HelderStore  *store,
              HelderRecord *record,
              gint64        version)
{
  g_autoptr(JsonArray) page = json_array_new ();
  g_autoptr(GError) error = NULL;

  json_array_add_object_element (page, fixture_wire (record, version));
  g_assert_true (helder_store_apply_changes (store, page, version, &error));
  g_assert_no_error (error);
}
