/* helder-library-attachments.c: a toolkit's files, kept by their SHA-256
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "helder-library-attachments.h"
#include "store/helder-store-private.h"
#include "sync/helder-protocol.h"

/* The blob folder (helder.db → helder-blobs/) holds ab/abcdef… files,
 * read-only once written, and unsent/abcdef… markers for the ones this
 * desk made and the server may not have yet.  A blob is written to a
 * temporary name and renamed when its hash is known, so a cut copy never
 * lies under a hash. */

#define BLOB_DIR_KEY "helder-library-blob-dir"

void
helder_attachment_free (HelderAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->sha256);
  g_free (attachment->name);
  g_free (attachment->mime);
  g_free (attachment);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static GPtrArray *
attachments_from_json (const char *json)
{
  GPtrArray *attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_attachment_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (json == NULL || *json == '\0' || (root = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return attachments;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      HelderAttachment *attachment;
      const char *sha;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      sha = json_object_get_string_member_with_default (object, "sha256", NULL);
      if (!is_sha256 (sha))
        continue;
      attachment = g_new0 (HelderAttachment, 1);
      attachment->sha256 = g_strdup (sha);
      attachment->name = g_strdup (json_object_get_string_member_with_default (object, "name", sha));
      attachment->mime = g_strdup (json_object_get_string_member_with_default (object, "mime", "application/octet-stream"));
      attachment->size = json_object_get_int_member_with_default (object, "size", 0);
      g_ptr_array_add (attachments, attachment);
    }
  return attachments;
}

GPtrArray *
helder_attachments_from_record (HelderRecord *toolkit)
{
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), NULL);

  return attachments_from_json (helder_record_get_text (toolkit, "attachments"));
}

void
helder_attachments_to_record (HelderRecord *toolkit,
                              GPtrArray    *attachments)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_if_fail (HELDER_IS_TOOLKIT (toolkit));

  json_builder_begin_array (builder);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      HelderAttachment *attachment = attachments->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, attachment->sha256);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, attachment->name);
      json_builder_set_member_name (builder, "mime");
      json_builder_add_string_value (builder, attachment->mime);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, attachment->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_object_set (toolkit, "attachments", json, NULL);
}

char *
helder_attachments_blob_dir (HelderStore *store)
{
  const char *set, *path;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);

  if ((set = g_object_get_data (G_OBJECT (store), BLOB_DIR_KEY)) != NULL)
    return g_strdup (set);
  path = helder_store_get_path (store);
  if (path == NULL || g_str_equal (path, ":memory:"))
    return NULL;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s%c%s-blobs", dir, G_DIR_SEPARATOR, base);
}

void
helder_attachments_set_blob_dir (HelderStore *store,
                                 const char  *dir)
{
  g_return_if_fail (HELDER_IS_STORE (store));

  g_object_set_data_full (G_OBJECT (store), BLOB_DIR_KEY, g_strdup (dir), g_free);
}

char *
helder_attachments_blob_path (HelderStore *store,
                              const char  *sha256)
{
  g_autofree char *dir = helder_attachments_blob_dir (store);
  char prefix[3] = { 0, };

  if (dir == NULL || !is_sha256 (sha256))
    return NULL;
  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  return g_build_filename (dir, prefix, sha256, NULL);
}

gboolean
helder_attachments_has_blob (HelderStore *store,
                             const char  *sha256)
{
  g_autofree char *path = helder_attachments_blob_path (store, sha256);

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static char *
unsent_marker (HelderStore *store,
               const char  *sha256)
{
  g_autofree char *dir = helder_attachments_blob_dir (store);

  return dir != NULL ? g_build_filename (dir, "unsent", sha256, NULL) : NULL;
}

/* Writes @bytes as the blob @sha256 (known or computed); marks it unsent
 * when @unsent. */
static gboolean
write_blob (HelderStore  *store,
            const char   *sha256,
            GBytes       *bytes,
            gboolean      unsent,
            GError      **error)
{
  g_autofree char *path = helder_attachments_blob_path (store, sha256);
  g_autofree char *dir = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("This store keeps no attachments."));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0400, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
          return FALSE;
        }
    }
  if (unsent)
    {
      g_autofree char *marker = unsent_marker (store, sha256);
      g_autofree char *marker_dir = g_path_get_dirname (marker);

      if (g_mkdir_with_parents (marker_dir, 0700) != 0 || !g_file_set_contents (marker, "", 0, error))
        return FALSE;
    }
  return TRUE;
}

HelderAttachment *
helder_attachments_add_bytes (HelderStore  *store,
                              const char   *name,
                              GBytes       *bytes,
                              GError      **error)
{
  g_autofree char *sha = NULL;
  g_autofree char *type = NULL;
  HelderAttachment *attachment;
  gsize size;
  const guchar *data;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL && bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  if (!write_blob (store, sha, bytes, TRUE, error))
    return NULL;
  type = g_content_type_guess (name, data, MIN (size, 4096), NULL);
  attachment = g_new0 (HelderAttachment, 1);
  attachment->sha256 = g_steal_pointer (&sha);
  attachment->name = g_path_get_basename (name);
  attachment->mime = g_content_type_get_mime_type (type);
  if (attachment->mime == NULL)
    attachment->mime = g_strdup ("application/octet-stream");
  attachment->size = size;
  return attachment;
}

HelderAttachment *
helder_attachments_add_file (HelderStore  *store,
                             GFile        *file,
                             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return helder_attachments_add_bytes (store, name, bytes, error);
}

GFile *
helder_attachments_resolve (HelderStore   *store,
                            HelderRecord  *toolkit,
                            const char    *reference,
                            GError       **error)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *name = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *copy_dir = NULL;
  g_autofree char *copy = NULL;
  HelderAttachment *found = NULL;
  const char *wanted;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  attachments = helder_attachments_from_record (toolkit);
  wanted = g_str_has_prefix (reference, "attachment:") ? reference + strlen ("attachment:") :
           g_str_has_prefix (reference, "blob:") ? reference + strlen ("blob:") : reference;
  name = g_uri_unescape_string (wanted, NULL);
  for (guint i = 0; i < attachments->len && found == NULL; i++)
    {
      HelderAttachment *attachment = attachments->pdata[i];

      if (g_strcmp0 (attachment->name, name) == 0 || g_strcmp0 (attachment->sha256, name) == 0)
        found = attachment;
    }
  if (found == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This document has no attachment “%s”."), name);
      return NULL;
    }
  blob = helder_attachments_blob_path (store, found->sha256);
  if (blob == NULL || !g_file_test (blob, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                   _("“%s” is not on this computer yet; it comes with the next synchronisation."), found->name);
      return NULL;
    }

  /* Opened under its own name, so the application shows it */
  {
    char prefix[13];
    g_autofree char *base = g_path_get_basename (found->name);

    memcpy (prefix, found->sha256, 12);
    prefix[12] = '\0';
    copy_dir = g_build_filename (g_get_user_cache_dir (), "helder", "attachments", prefix, NULL);
    copy = g_build_filename (copy_dir, base[0] == '.' || base[0] == '\0' ? found->sha256 : base, NULL);
  }
  if (!g_file_test (copy, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) from = g_file_new_for_path (blob);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      if (g_mkdir_with_parents (copy_dir, 0700) != 0 ||
          !g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return NULL;
    }
  return g_file_new_for_path (copy);
}

GPtrArray *
helder_attachments_missing_blobs (HelderStore *store)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HELDER_IS_STORE (store), missing);

  stmt = helder_store_prepare (store, "SELECT attachments FROM toolkit WHERE deleted = 0 "
                                      "AND attachments IS NOT NULL AND attachments <> '[]'", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) attachments = attachments_from_json ((const char *) sqlite3_column_text (stmt, 0));

      for (guint i = 0; i < attachments->len; i++)
        {
          const char *sha = ((HelderAttachment *) attachments->pdata[i])->sha256;

          if (g_hash_table_add (seen, g_strdup (sha)) && !helder_attachments_has_blob (store, sha))
            g_ptr_array_add (missing, g_strdup (sha));
        }
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return missing;
}

GPtrArray *
helder_attachments_unsent_blobs (HelderStore *store)
{
  GPtrArray *unsent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = helder_attachments_blob_dir (store);
  g_autofree char *markers = dir != NULL ? g_build_filename (dir, "unsent", NULL) : NULL;
  g_autoptr(GDir) d = markers != NULL ? g_dir_open (markers, 0, NULL) : NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (is_sha256 (name) && helder_attachments_has_blob (store, name))
      g_ptr_array_add (unsent, g_strdup (name));
  g_ptr_array_sort (unsent, (GCompareFunc) g_strcmp0);
  return unsent;
}

/* Synchronising */

typedef struct
{
  HelderStore *store;
  SoupSession *session;
  char        *server_url;
  char        *token;
  GPtrArray   *uploads;
  GPtrArray   *downloads;
  guint        next;
  guint        uploaded;
  guint        downloaded;
  GError      *first_error;
} Sync;

static void
sync_free (Sync *sync)
{
  g_object_unref (sync->store);
  g_object_unref (sync->session);
  g_free (sync->server_url);
  g_free (sync->token);
  g_ptr_array_unref (sync->uploads);
  g_ptr_array_unref (sync->downloads);
  g_clear_error (&sync->first_error);
  g_free (sync);
}

static void sync_next (GTask *task);

static SoupMessage *
blob_message (Sync       *sync,
              const char *method,
              const char *sha)
{
  g_autofree char *base = g_str_has_suffix (sync->server_url, "/")
                          ? g_strndup (sync->server_url, strlen (sync->server_url) - 1)
                          : g_strdup (sync->server_url);
  g_autofree char *uri = g_strconcat (base, HELDER_PATH_BLOBS, sha, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", sync->token, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  if (msg != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  return msg;
}

static void
note_failure (Sync       *sync,
              const char *what,
              const char *sha,
              GError     *error)
{
  g_debug ("Blob %s %s: %s", what, sha, error->message);
  if (sync->first_error == NULL)
    sync->first_error = error;
  else
    g_error_free (error);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  GError *error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  gboolean upload = sync->next <= sync->uploads->len;
  const char *sha = upload ? sync->uploads->pdata[sync->next - 1]
                           : sync->downloads->pdata[sync->next - 1 - sync->uploads->len];
  guint status = msg != NULL ? soup_message_get_status (msg) : 0;

  if (body == NULL)
    note_failure (sync, upload ? "upload" : "download", sha, error);
  else if (upload)
    {
      if (status == SOUP_STATUS_OK || status == SOUP_STATUS_CREATED)
        {
          g_autofree char *marker = unsent_marker (sync->store, sha);

          g_remove (marker);
          sync->uploaded++;
        }
      else
        note_failure (sync, "upload", sha, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u", status));
    }
  else if (status == SOUP_STATUS_OK)
    {
      g_autofree char *actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

      /* Only what it claims to be is kept */
      if (!g_str_equal (actual, sha))
        note_failure (sync, "download", sha, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "hash mismatch"));
      else if (!write_blob (sync->store, sha, body, FALSE, &error))
        note_failure (sync, "download", sha, error);
      else
        sync->downloaded++;
    }
  else
    note_failure (sync, "download", sha, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u", status));
  sync_next (g_steal_pointer (&task));
}

static void
sync_next (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  guint total = sync->uploads->len + sync->downloads->len;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (sync->next >= total)
    {
      if (sync->first_error != NULL)
        g_task_return_error (task, g_steal_pointer (&sync->first_error));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (sync->next < sync->uploads->len)
    {
      const char *sha = sync->uploads->pdata[sync->next];
      g_autofree char *path = helder_attachments_blob_path (sync->store, sha);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
      g_autoptr(GBytes) bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;

      msg = blob_message (sync, "PUT", sha);
      if (msg != NULL && bytes != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/octet-stream", bytes);
    }
  else
    msg = blob_message (sync, "GET", sync->downloads->pdata[sync->next - sync->uploads->len]);
  sync->next++;
  if (msg == NULL)
    {
      note_failure (sync, "request", "", g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "bad server address"));
      sync_next (task);
      return;
    }
  soup_session_send_and_read_async (sync->session, msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    on_sent, task);
}

void
helder_attachments_sync_async (HelderStore         *store,
                               SoupSession         *session,
                               const char          *server_url,
                               const char          *token,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Sync *sync;

  g_return_if_fail (HELDER_IS_STORE (store));
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (server_url != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_attachments_sync_async);
  sync = g_new0 (Sync, 1);
  sync->store = g_object_ref (store);
  sync->session = g_object_ref (session);
  sync->server_url = g_strdup (server_url);
  sync->token = g_strdup (token != NULL ? token : "");
  sync->uploads = helder_attachments_unsent_blobs (store);
  sync->downloads = helder_attachments_missing_blobs (store);
  g_task_set_task_data (task, sync, (GDestroyNotify) sync_free);
  sync_next (task);
}

gboolean
helder_attachments_sync_finish (GAsyncResult  *result,
                                guint         *uploaded,
                                guint         *downloaded,
                                GError       **error)
{
  Sync *sync;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  sync = g_task_get_task_data (G_TASK (result));
  if (uploaded != NULL)
    *uploaded = sync->uploaded;
  if (downloaded != NULL)
    *downloaded = sync->downloaded;
  return g_task_propagate_boolean (G_TASK (result), error);
}
