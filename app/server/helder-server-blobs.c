/* helder-server-blobs.c: content-addressed files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"
/* Blobs: content-addressed files */

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
blob_path (HelderServer *self,
           const char   *sha)
{
  char prefix[3] = { sha[0], sha[1], 0 };

  return g_build_filename (self->blob_dir, prefix, sha, NULL);
}

void
helder_server_handle_blob (HelderServer      *self,
                           SoupServerMessage *msg,
                           const char        *path)
{
  g_auto(HelderServerUser) user = { 0 };
  const char *sha = path + strlen (HELDER_PATH_BLOBS);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *file = NULL;
  g_autofree char *etag = NULL;

  if (!helder_server_authenticate (self, msg, &user))
    return;
  if (!is_sha256 (sha))
    {
      helder_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, HELDER_CODE_NOT_FOUND, "A blob is named by its SHA-256, in lower-case hex");
      return;
    }
  file = blob_path (self, sha);
  etag = g_strdup_printf ("\"%s\"", sha);

  if (g_str_equal (method, "GET"))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (file, FALSE, NULL);
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      const char *if_none = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "If-None-Match");
      g_autoptr(GBytes) bytes = NULL;

      if (mapped == NULL)
        {
          helder_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, HELDER_CODE_NOT_FOUND, "No such blob");
          return;
        }
      soup_message_headers_replace (headers, "ETag", etag);
      soup_message_headers_replace (headers, "Cache-Control", "private, max-age=31536000, immutable");
      if (g_strcmp0 (if_none, etag) == 0)
        {
          helder_server_respond_status (msg, SOUP_STATUS_NOT_MODIFIED);
          return;
        }
      bytes = g_mapped_file_get_bytes (mapped);
      helder_server_respond_status (msg, SOUP_STATUS_OK);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  else if (g_str_equal (method, "PUT"))
    {
      g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      g_autofree char *actual = helder_server_sha256_hex (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_autofree char *dir = g_path_get_dirname (file);
      g_autoptr(GError) error = NULL;

      if (!g_str_equal (actual, sha))
        {
          helder_server_respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, HELDER_CODE_HASH_MISMATCH,
                                       "The body's SHA-256 is not the one in the path");
          return;
        }
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        {
          helder_server_respond_status (msg, SOUP_STATUS_OK);
          return;
        }
      /* g_file_set_contents writes a temporary file and renames it: a cut
       * upload never leaves half a blob under its name. */
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (file, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, &error))
        {
          helder_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, HELDER_CODE_STORAGE, "Could not store the blob");
          return;
        }
      helder_server_respond_status (msg, SOUP_STATUS_CREATED);
    }
  else
    helder_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, HELDER_CODE_METHOD_NOT_ALLOWED, "Use GET or PUT");
}
