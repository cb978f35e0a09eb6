/* test-flatpak.c: the Flatpak manifests say what Helder needs
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

static JsonObject *
load_manifest (const char *name,
               JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", name, NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
find_module (JsonArray  *modules,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);

      if (module != NULL && g_strcmp0 (json_object_get_string_member_with_default (module, "name", NULL), name) == 0)
        return module;
    }
  return NULL;
}

static void
check_manifest (gconstpointer data)
{
  const char *const *expected = data;
  const char *file = expected[0], *app_id = expected[1];
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (file, parser);
  const char *id;
  JsonArray *finish_args, *modules;
  JsonObject *helder;
  static const char *needed_args[] = {
    "--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
  };
  static const char *needed_modules[] = {
    "hunspell-dictionaries", "hyphen", "libstemmer", "cmark-gfm", "argon2", "libical",
  };

  id = json_object_get_string_member_with_default (manifest, "id",
         json_object_get_string_member_with_default (manifest, "app-id", NULL));
  g_assert_cmpstr (id, ==, app_id);
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "runtime", NULL), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "sdk", NULL), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "command", NULL), ==, "helder");

  finish_args = json_object_get_array_member (manifest, "finish-args");
  for (guint i = 0; i < G_N_ELEMENTS (needed_args); i++)
    g_assert_true (array_has_string (finish_args, needed_args[i]));
  /* Nothing beyond what it needs: no home folder, no session-wide bus. */
  g_assert_false (array_has_string (finish_args, "--filesystem=home"));
  g_assert_false (array_has_string (finish_args, "--filesystem=host"));
  g_assert_false (array_has_string (finish_args, "--socket=session-bus"));

  modules = json_object_get_array_member (manifest, "modules");
  for (guint i = 0; i < G_N_ELEMENTS (needed_modules); i++)
    {
      JsonObject *module = find_module (modules, needed_modules[i]);

      if (module == NULL)
        g_error ("%s has no module %s", file, needed_modules[i]);
      g_assert_true (json_object_has_member (module, "sources"));
    }

  /* Helder itself comes last, built with meson from this tree. */
  helder = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_cmpstr (json_object_get_string_member (helder, "name"), ==, "helder");
  g_assert_cmpstr (json_object_get_string_member (helder, "buildsystem"), ==, "meson");
}

int
main (int   argc,
      char *argv[])
{
  static const char *release[] = { "nl.hltsamen.Helder.json", "nl.hltsamen.Helder" };
  static const char *devel[] = { "nl.hltsamen.Helder.Devel.json", "nl.hltsamen.Helder.Devel" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/flatpak/release", release, check_manifest);
  g_test_add_data_func ("/flatpak/devel", devel, check_manifest);

  return g_test_run ();
}
