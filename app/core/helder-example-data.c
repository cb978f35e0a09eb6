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
 * resources.  It goes through the same store API as a user's edits, so it
 * syncs like anything else once a server is set up. */

#define EXAMPLE_DATA_RESOURCE "/nl/hltsamen/Helder/core/example-data.json"

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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root;
  JsonArray *array;
  gsize size;
  const char *text = g_bytes_get_data (json, &size);

  g_return_val_if_fail (json != NULL, NULL);

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

  array = json_object_get_array_member (root, "records");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      HelderRecord *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       "records[%u]: an object is required", i);
          return NULL;
        }
      record = helder_record_new_from_wire (json_node_get_object (node), error);
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
 * helder_example_data_load:
 *
 * Adds the example data to @store in one transaction.
 */
gboolean
helder_example_data_load (HelderStore  *store,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (store), FALSE);

  bytes = g_resources_lookup_data (EXAMPLE_DATA_RESOURCE, 0, error);
  if (bytes == NULL)
    return FALSE;

  records = helder_example_data_parse (bytes, error);
  if (records == NULL)
    {
      g_prefix_error (error, "The example data is not valid: ");
      return FALSE;
    }

  return helder_store_save_all (store, records, error);
}
