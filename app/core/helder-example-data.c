/* helder-example-data.c: the Hillegom example data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-example-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-core-resources.h"
#include "helder-example-data.h"

/* The example data is data/example-data.json, compiled into the core's
 * resources, followed by the files of data/example-data/ in the order of
 * their names: each adds records, and a record whose id came before
 * overlays the fields it names (so a page's example data can extend what
 * the base file holds without copying it).  It goes through the same store
 * API as a user's edits, so it syncs like anything else once a server is
 * set up. */

#define EXAMPLE_DATA_RESOURCE "/nl/hltsamen/Helder/core/example-data.json"
#define EXAMPLE_DATA_MORE     "/nl/hltsamen/Helder/core/example-data/"

/* The "records" array of @json, or NULL with an error. */
static JsonArray *
parse_records (GBytes  *json,
               GError **error)
{
  /* Mutable: a later file's fields are set into an earlier record. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gsize size;
  const char *text = g_bytes_get_data (json, &size);

  if (!json_parser_load_from_data (parser, text, size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member ((root = json_node_get_object (json_parser_get_root (parser))), "records") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "records")))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "records: an array of records is required");
      return NULL;
    }

  return json_array_ref (json_object_get_array_member (root, "records"));
}

/* Adds the records of @array to @order and @by_id; a known id gets the
 * members of the new "data" over its old ones. */
static gboolean
collect_records (JsonArray   *array,
                 GPtrArray   *order,
                 GHashTable  *by_id,
                 GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object, *known, *data;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       "records[%u]: an object is required", i);
          return FALSE;
        }
      object = json_node_get_object (node);
      id = json_object_get_string_member_with_default (object, "id", NULL);
      known = id ? g_hash_table_lookup (by_id, id) : NULL;
      node = json_object_get_member (object, "data");
      data = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (known != NULL && data != NULL &&
          json_object_has_member (known, "data") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (known, "data")))
        {
          JsonObject *known_data = json_object_get_object_member (known, "data");
          g_autoptr(GList) members = json_object_get_members (data);

          for (GList *l = members; l != NULL; l = l->next)
            json_object_set_member (known_data, l->data,
                                    json_node_copy (json_object_get_member (data, l->data)));
          continue;
        }

      object = json_object_ref (object);
      g_ptr_array_add (order, object);
      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, object);
    }

  return TRUE;
}

static GPtrArray *
records_from_objects (GPtrArray  *objects,
                      GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < objects->len; i++)
    {
      HelderRecord *record = helder_record_new_from_wire (g_ptr_array_index (objects, i), error);

      if (record == NULL)
        {
          g_prefix_error (error, "records[%u].", i);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/**
 * helder_example_data_parse:
 *
 * Returns: (transfer full) (element-type HelderRecord): the records of
 *   @json, or %NULL with an error naming the record at fault.
 */
GPtrArray *
helder_example_data_parse (GBytes  *json,
                           GError **error)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (json != NULL, NULL);

  if ((array = parse_records (json, error)) == NULL ||
      !collect_records (array, objects, by_id, error))
    return NULL;

  return records_from_objects (objects, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * helder_example_data_load:
 *
 * Adds the example data to @store in one transaction.
 */
gboolean
helder_example_data_load (HelderStore  *store,
                          GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) more = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (store), FALSE);

  g_ptr_array_add (paths, g_strdup (EXAMPLE_DATA_RESOURCE));
  more = g_resources_enumerate_children (EXAMPLE_DATA_MORE, 0, NULL);
  if (more != NULL)
    {
      qsort (more, g_strv_length (more), sizeof (char *), compare_names);
      for (guint i = 0; more[i] != NULL; i++)
        if (g_str_has_suffix (more[i], ".json"))
          g_ptr_array_add (paths, g_strconcat (EXAMPLE_DATA_MORE, more[i], NULL));
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      JsonArray *array;

      if (bytes == NULL)
        return FALSE;
      if ((array = parse_records (bytes, error)) == NULL)
        {
          g_prefix_error (error, "The example data is not valid: %s: ", path);
          return FALSE;
        }
      g_ptr_array_add (arrays, array);
      if (!collect_records (array, objects, by_id, error))
        {
          g_prefix_error (error, "The example data is not valid: %s: ", path);
          return FALSE;
        }
    }

  records = records_from_objects (objects, error);
  if (records == NULL)
    {
      g_prefix_error (error, "The example data is not valid: ");
      return FALSE;
    }

  return helder_store_save_all (store, records, error);
}
