/* test-library-attachments.c: files kept by SHA-256, opened by name, synchronised as blobs
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "library/helder-library-service.h"
#include "sync/helder-sync-client.h"
#include "../sync/test-util.h"
#include "library-fixture.h"

static const char schema_png[] = "\x89PNG\r\n\x1a\n plaatje van de stappen";

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static void
test_attachments_local (LibraryFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(HelderRecord) toolkit = library_add (fixture, "Stappenplan", NULL, "![Schema](schema.png)", "toolkit", "sanne", NULL);
  g_autoptr(GFile) png = write_file (fixture->dir, "schema.png", schema_png, sizeof schema_png - 1);
  g_autoptr(GFile) copy = write_file (fixture->dir, "kopie.png", schema_png, sizeof schema_png - 1);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) unsent = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GFile) opened = NULL;
  g_autoptr(GFile) by_hash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) schema_png, sizeof schema_png - 1);
  g_autofree char *contents = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *ref = NULL;
  gsize length;
  HelderAttachment *attachment;

  g_assert_true (helder_library_service_attach (fixture->service, toolkit, png, &error));
  g_assert_no_error (error);
  attachments = helder_attachments_from_record (toolkit);
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = attachments->pdata[0];
  g_assert_cmpstr (attachment->sha256, ==, sha);
  g_assert_cmpstr (attachment->name, ==, "schema.png");
  g_assert_cmpstr (attachment->mime, ==, "image/png");
  g_assert_cmpint (attachment->size, ==, sizeof schema_png - 1);
  blob = helder_attachments_blob_path (fixture->store, sha);
  {
    g_autofree char *tail = g_strdup_printf ("helder-blobs/%.2s/%s", sha, sha);

    g_assert_true (g_str_has_suffix (blob, tail));
  }
  g_assert_true (helder_attachments_has_blob (fixture->store, sha));

  /* The same content under another name: one blob */
  g_assert_true (helder_library_service_attach (fixture->service, toolkit, copy, &error));
  g_clear_pointer (&attachments, g_ptr_array_unref);
  attachments = helder_attachments_from_record (toolkit);
  g_assert_cmpuint (attachments->len, ==, 1);
  unsent = helder_attachments_unsent_blobs (fixture->store);
  g_assert_cmpuint (unsent->len, ==, 1);
  missing = helder_attachments_missing_blobs (fixture->store);
  g_assert_cmpuint (missing->len, ==, 0);

  /* Opened by the name the body uses: a copy under that name */
  opened = helder_attachments_resolve (fixture->store, toolkit, "kopie.png", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_file_peek_path (opened), "/kopie.png"));
  g_assert_true (g_file_load_contents (opened, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpmem (contents, length, schema_png, sizeof schema_png - 1);
  ref = g_strconcat ("blob:", sha, NULL);
  by_hash = helder_attachments_resolve (fixture->store, toolkit, ref, &error);
  g_assert_no_error (error);
  g_assert_null (helder_attachments_resolve (fixture->store, toolkit, "geen.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Detached: gone from the record, the blob stays */
  g_assert_true (helder_library_service_detach (fixture->service, toolkit, sha, &error));
  g_clear_pointer (&attachments, g_ptr_array_unref);
  attachments = helder_attachments_from_record (toolkit);
  g_assert_cmpuint (attachments->len, ==, 0);
  g_assert_true (helder_attachments_has_blob (fixture->store, sha));
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
sync_blobs (HelderStore *store,
            const char  *url,
            const char  *token,
            guint        expect_up,
            guint        expect_down)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint up, down;

  helder_attachments_sync_async (store, session, url, token, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (helder_attachments_sync_finish (result, &up, &down, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (up, ==, expect_up);
  g_assert_cmpuint (down, ==, expect_down);
}

/* Up before the record that refers to it, down when a pulled record
 * refers to one this desk lacks. */
static void
test_attachments_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-attachments-XXXXXX", NULL);
  g_autofree char *server_dir = g_build_filename (dir, "server", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(HelderStore) a = NULL;
  g_autoptr(HelderStore) b = NULL;
  g_autoptr(HelderSyncClient) client_a = NULL;
  g_autoptr(HelderSyncClient) client_b = NULL;
  g_autoptr(HelderLibraryService) service = NULL;
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(HelderRecord) pulled = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFile) opened = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_mkdir (server_dir, 0700);
  test_admin (server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  test_admin (server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "sanne", NULL);
  server = test_server_start (server_dir, &url);

  a = helder_store_open (path_a, &error);
  g_assert_no_error (error);
  helder_store_set_user (a, "sanne");
  client_a = helder_sync_client_new (a, url);
  token = test_client_login_token (client_a, "sanne", "geheim-wachtwoord");
  helder_sync_client_set_token (client_a, token);

  service = helder_library_service_new (a, NULL);
  png = write_file (dir, "schema.png", schema_png, sizeof schema_png - 1);
  g_object_set (toolkit, "title", "Stappenplan", NULL);
  g_assert_true (helder_library_service_attach (service, toolkit, png, &error));
  g_assert_no_error (error);

  /* The sync uploads the blob before it pushes the record */
  g_assert_cmpuint (helder_attachments_unsent_blobs (a)->len, ==, 1);
  g_assert_true (test_client_sync (client_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_attachments_unsent_blobs (a)->len, ==, 0);
  g_assert_cmpuint (helder_store_count_outbox (a), ==, 0);
  /* Nothing left to do */
  sync_blobs (a, url, token, 0, 0);

  /* Another desk */
  b = helder_store_open (path_b, &error);
  helder_store_set_user (b, "sanne");
  client_b = helder_sync_client_new (b, url);
  helder_sync_client_set_token (client_b, token);
  /* Before any sync: not there */
  {
    g_autoptr(HelderRecord) copy = helder_record_new (HELDER_TYPE_TOOLKIT);

    helder_record_set_id (copy, helder_record_get_id (toolkit));
    g_object_set (copy, "title", "Stappenplan", "attachments", helder_record_get_text (toolkit, "attachments"), NULL);
    g_assert_null (helder_attachments_resolve (b, copy, "schema.png", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
    g_clear_error (&error);
  }
  /* The pull brings the record, the same sync its blob */
  g_assert_true (test_client_sync (client_b, &error));
  g_assert_no_error (error);
  pulled = helder_store_load (b, HELDER_TYPE_TOOLKIT, helder_record_get_id (toolkit), &error);
  g_assert_nonnull (pulled);
  missing = helder_attachments_missing_blobs (b);
  g_assert_cmpuint (missing->len, ==, 0);
  opened = helder_attachments_resolve (b, pulled, "schema.png", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (opened, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpmem (contents, length, schema_png, sizeof schema_png - 1);

  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&client_a);
  g_clear_object (&client_b);
  g_clear_object (&service);
  g_clear_object (&a);
  g_clear_object (&b);
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("helder-cache-XXXXXX", NULL);
  int status;

  /* The named copies to open go to the cache folder: a test's own */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/attachments/local", LibraryFixture, NULL, library_setup, test_attachments_local, library_teardown);
  if (g_getenv ("HELDER_SERVER") != NULL)
    g_test_add_func ("/library/attachments/sync", test_attachments_sync);
  status = g_test_run ();
  library_remove_tree (cache);
  return status;
}
