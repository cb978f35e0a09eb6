/* test-server-rows.c: the texts a storage backend keeps for a record row
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "helder-server-storage.h"

/* The wire text a backend keeps is spliced from the data's text: it must
 * be the very bytes of helder_server_row_wire() written out, which the
 * single-record answers send, for every kind of data. */
static void
test_wire_text (void)
{
  static const char * const datas[] = {
    "{}",
    "{\"title\":\"Prioriteit 1\",\"rank\":1}",
    "{\"title\":\"Caf\\u00e9 \\\"De Zwaan\\\" \\\\ \\n\",\"tags\":[\"a\",\"b\"],\"done\":false}",
    "{\"body\":\"Geëvalueerd – “zo” 🌷\",\"nested\":{\"list\":[1,2.5,null,{\"x\":true}]}}",
  };

  /* Strings that json-glib writes as they are, and ones it escapes */
  static const char * const names[] = {
    "sanne", NULL, "Sanne \"de\" Vries\\/é", "tab\there\x1f\x7f", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (datas); i++)
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        g_autoptr(JsonObject) row = helder_server_row_new ("0000000a-0000-4000-8000-000000000001", "priority",
                                                           42 + i - (gint64) k * 1000000000000, k % 2,
                                                           "organisation", 7, names[k],
                                                           k == 1 ? NULL : "2026-12-02T16:00:00Z",
                                                           datas[i], "{\"title\":3}");
        g_autoptr(JsonNode) wire = helder_server_row_wire (row);
        g_autofree char *expected = json_to_string (wire, FALSE);
        g_autofree char *data = NULL, *versions = NULL, *text = NULL;
        g_autoptr(JsonNode) parsed = NULL;

        helder_server_row_texts (row, &data, &versions, &text);
        g_assert_cmpstr (text, ==, expected);
        g_assert_cmpstr (versions, ==, "{\"title\":3}");
        parsed = json_from_string (data, NULL);
        g_assert_nonnull (parsed);
        g_assert_true (json_node_equal (parsed, json_object_get_member (row, "data")));
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/rows/wire-text", test_wire_text);

  return g_test_run ();
}
