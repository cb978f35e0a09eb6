/* helder-server-blobs.c: content-addressed files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"
/* Blobs: content-addressed files, kept per organisation
 *
 * An organisation sees a blob only when one of its users uploaded it
 * (blobs/org-ID/ab/abcd...), so a hash learnt elsewhere opens nothing.
 * Blobs of older servers lie in blobs/ab/abcd...; such a blob becomes an
 * organisation's the first time one of its records is found to refer to
 * it.  A record may refer only to a blob its organisation has
 * (DESIGN.md: rejected, missing_blob). */

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
org_blob_path (HelderServer *self,
               gint64        org_id,
               const char   *sha)
{
  g_autofree char *org = g_strdup_printf ("org-%" G_GINT64_FORMAT, org_id);
  char prefix[3] = { sha[0], sha[1], 0 };

  return g_build_filename (self->blob_dir, org, prefix, sha, NULL);
}

static char *
legacy_blob_path (HelderServer *self,
                  const char   *sha)
{
  char prefix[3] = { sha[0], sha[1], 0 };

  return g_build_filename (self->blob_dir, prefix, sha, NULL);
}

/**
 * helder_server_blob_refs:
 *
 * The one place that knows which fields of a record refer to blobs: the
 * "sha256" members of a toolkit's "attachments" entries.  A value that
 * is not a SHA-256 is returned as it is, so it counts as missing.
 *
 * Returns: (transfer container): the blob hashes @data refers to
 */
GPtrArray *
helder_server_blob_refs (const char *type,
                         JsonObject *data)
{
  GPtrArray *refs = g_ptr_array_new ();
  JsonNode *attachments;

  if (!g_str_equal (type, "toolkit") || data == NULL ||
      (attachments = json_object_get_member (data, "attachments")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (attachments))
    return refs;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (attachments)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (attachments), i);
      JsonNode *sha;

      if (!JSON_NODE_HOLDS_OBJECT (entry) ||
          (sha = json_object_get_member (json_node_get_object (entry), "sha256")) == NULL)
        continue;
      if (JSON_NODE_HOLDS_VALUE (sha) && json_node_get_value_type (sha) == G_TYPE_STRING)
        g_ptr_array_add (refs, (gpointer) json_node_get_string (sha));
      else
        g_ptr_array_add (refs, (gpointer) "");
    }
  return refs;
}

/* An older server's blob that one of the organisation's records refers
 * to becomes the organisation's (a hard link, or a copy). */
static gboolean
adopt_legacy_blob (HelderServer           *self,
                   const HelderServerUser *user,
                   const char             *sha,
                   const char             *file)
{
  HelderServerStorageInterface *storage = HELDER_SERVER_STORAGE_GET_IFACE (self->storage);
  g_autofree char *legacy = legacy_blob_path (self, sha);
  g_autofree char *dir = NULL;
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(JsonNode) all = NULL;
  JsonArray *rows = NULL;
  HelderServerPage page;
  gboolean referred = FALSE;

  if (!g_file_test (legacy, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  /* Every record the user sees, as the wire has them (a rare look) */
  helder_server_page_init (&page, text);
  if (storage->changes (self->storage, user->org_id, user->id, 0, G_MAXINT, &page, NULL))
    {
      if (page.versions->len > 0)
        g_string_truncate (text, text->len - 1);
      g_string_append_c (text, ']');
      all = json_from_string (text->str, NULL);
      if (all != NULL && JSON_NODE_HOLDS_ARRAY (all))
        rows = json_node_get_array (all);
    }
  helder_server_page_clear (&page);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows) && !referred; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GPtrArray) refs = helder_server_blob_refs (json_object_get_string_member (row, HELDER_MEMBER_TYPE),
                                                           json_object_get_object_member (row, HELDER_MEMBER_DATA));

      for (guint j = 0; j < refs->len && !referred; j++)
        referred = g_str_equal (refs->pdata[j], sha);
    }
  if (!referred)
    return FALSE;
  dir = g_path_get_dirname (file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return FALSE;
  if (link (legacy, file) != 0 && errno != EEXIST)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (legacy, &contents, &length, NULL) ||
          !g_file_set_contents_full (file, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Whether @user's organisation has the blob */
gboolean
helder_server_blob_exists (HelderServer           *self,
                           const HelderServerUser *user,
                           const char             *sha)
{
  g_autofree char *file = NULL;

  if (!is_sha256 (sha))
    return FALSE;
  file = org_blob_path (self, user->org_id, sha);
  return g_file_test (file, G_FILE_TEST_IS_REGULAR) || adopt_legacy_blob (self, user, sha, file);
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
  file = org_blob_path (self, user.org_id, sha);
  etag = g_strdup_printf ("\"%s\"", sha);

  if (g_str_equal (method, "GET"))
    {
      g_autoptr(GMappedFile) mapped = NULL;
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      const char *if_none = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "If-None-Match");
      g_autoptr(GBytes) bytes = NULL;

      /* Another organisation's blob is as unknown as a missing one. */
      if (helder_server_blob_exists (self, &user, sha))
        mapped = g_mapped_file_new (file, FALSE, NULL);
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
