/* test-library-import.c: Markdown files with YAML front matter as documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "library/helder-library-import.h"
#include "library-fixture.h"

static const char good[] =
  "---\n"
  "title: Inwonersbrief over werkzaamheden\n"
  "summary: Zo laat u bewoners op tijd weten wat er in hun straat gebeurt.\n"
  "category: Instructie\n"
  "tags: [brief, werkzaamheden]\n"
  "channels:\n"
  "  - post\n"
  "  - website\n"
  "owner: sanne\n"
  "next_review: 2027-03-01\n"
  "eigen-veld: wordt overgeslagen\n"
  "---\n"
  "\n"
  "# Inwonersbrief\n"
  "\n"
  "Schrijf **twee weken** van tevoren.\n";

static void
test_parse (void)
{
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(HelderRecord) plain = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(GError) error = NULL;
  guint line = 99;

  g_assert_true (helder_import_parse_markdown (good, strlen (good), toolkit, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (toolkit, "title"), ==, "Inwonersbrief over werkzaamheden");
  g_assert_cmpstr (helder_record_get_text (toolkit, "category"), ==, "instructie");
  g_assert_cmpstrv (helder_record_get_list (toolkit, "tags"), ((const char *[]) { "brief", "werkzaamheden", NULL }));
  g_assert_cmpstrv (helder_record_get_list (toolkit, "channels"), ((const char *[]) { "post", "website", NULL }));
  g_assert_cmpstr (helder_record_get_text (toolkit, "owner"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (toolkit, "next_review"), ==, "2027-03-01");
  g_assert_cmpstr (helder_record_get_text (toolkit, "body"), ==, "# Inwonersbrief\n\nSchrijf **twee weken** van tevoren.\n");

  /* No front matter: the first heading is the title */
  g_assert_true (helder_import_parse_markdown ("Intro\n\n## Webcare in het weekend\n\nTekst.", -1 + sizeof "Intro\n\n## Webcare in het weekend\n\nTekst.",
                                               plain, NULL, &error));
  g_assert_cmpstr (helder_record_get_text (plain, "title"), ==, "Webcare in het weekend");
}

static void
assert_broken (const char *text,
               guint       expected_line)
{
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_false (helder_import_parse_markdown (text, strlen (text), toolkit, &line, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (line, ==, expected_line);
}

static void
test_parse_broken (void)
{
  /* line 4: a tab-less mapping gone wrong */
  assert_broken ("---\ntitle: Goed\nsummary: ook goed\ntags: [brief, \"open\n---\nTekst\n", 4);
  assert_broken ("---\ntitle: Goed\ncategory: folder\n---\nTekst\n", 3);
  assert_broken ("---\ntitle: Goed\n\nnext_review: 1 maart\n---\nTekst\n", 4);
  assert_broken ("---\ntitle: Nooit dicht\n", 1);
  assert_broken ("caf\xe9\n", 0);
  assert_broken ("---\n- een\n- lijst\n---\n", 2);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
make_folder (LibraryFixture *fixture)
{
  char *folder = g_build_filename (fixture->dir, "toolkits", NULL);

  write_file (folder, "brief.md", good);
  write_file (folder, "webcare/weekend.md", "---\ntitle: Webcare in het weekend\ncategory: toolkit\n---\nWie reageert er?\n");
  write_file (folder, "zonder-kop.md", "Gewoon tekst, zonder kop.\n");
  write_file (folder, "kapot.md", "---\ntitle: Kapot\nsummary: ja\ntags: [open\n---\nTekst\n");
  write_file (folder, "notities.txt", "geen Markdown");
  return folder;
}

static void
test_import_folder (LibraryFixture *fixture,
                    gconstpointer   data)
{
  g_autofree char *path = make_folder (fixture);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderImportReport) report = NULL;
  g_autoptr(HelderImportReport) again = NULL;
  g_autoptr(HelderImportReport) changed = NULL;
  g_autoptr(HelderImportReport) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderSession) staff = helder_session_new ("kees", HELDER_SESSION_ROLE_STAFF);
  g_autoptr(HelderLibraryService) as_staff = helder_library_service_new (fixture->store, staff);
  HelderImportProblem *problem;

  report = helder_library_import_folder (fixture->service, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = report->problems->pdata[0];
  g_assert_cmpstr (problem->path, ==, "kapot.md");
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOOLKIT), ==, 3);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOOLKIT_REVISION), ==, 3);

  /* Again: the same documents, nothing new */
  again = helder_library_import_folder (fixture->service, folder, &error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 3);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOOLKIT), ==, 3);

  /* A file changed: that document is updated */
  write_file (path, "webcare/weekend.md", "---\ntitle: Webcare in het weekend\ncategory: toolkit\n---\nWie reageert er op zaterdag?\n");
  changed = helder_library_import_folder (fixture->service, folder, &error);
  g_assert_cmpuint (changed->updated, ==, 1);
  g_assert_cmpuint (changed->unchanged, ==, 2);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_TOOLKIT), ==, 3);

  refused = helder_library_import_folder (as_staff, folder, &error);
  g_assert_null (refused);
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (total, ==, 4);
  last[0] = done;
  last[1]++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_import_async (LibraryFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *path = make_folder (fixture);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HelderImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint progress[2] = { 0, 0 };

  helder_library_import_folder_async (fixture->service, folder, on_progress, progress, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = helder_library_import_folder_finish (fixture->service, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (progress[0], ==, 4);
  g_assert_cmpuint (progress[1], >=, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/import/parse", test_parse);
  g_test_add_func ("/library/import/parse-broken", test_parse_broken);
  g_test_add ("/library/import/folder", LibraryFixture, NULL, library_setup, test_import_folder, library_teardown);
  g_test_add ("/library/import/async", LibraryFixture, NULL, library_setup, test_import_async, library_teardown);
  return g_test_run ();
}
