/* library-fixture.c: a store in a temporary folder, with the library's service
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "library-fixture.h"

void
library_setup (LibraryFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("helder-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "helder.db", NULL);
  fixture->store = helder_store_open (fixture->path, &error);
  g_assert_no_error (error);
  helder_store_set_user (fixture->store, "sanne");
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  fixture->service = helder_library_service_new (fixture->store, fixture->session);
}

void
library_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        library_remove_tree (child);
      else
        {
          g_chmod (child, 0600);
          g_remove (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

void
library_teardown (LibraryFixture *fixture,
                  gconstpointer   data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  library_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

HelderRecord *
library_add (LibraryFixture      *fixture,
             const char          *title,
             const char          *summary,
             const char          *body,
             const char          *category,
             const char          *owner,
             const char * const  *tags)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *record = helder_record_new (HELDER_TYPE_TOOLKIT);

  g_object_set (record, "title", title, "summary", summary, "body", body,
                "category", category, "owner", owner, "tags", tags, NULL);
  g_assert_true (helder_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  return record;
}
