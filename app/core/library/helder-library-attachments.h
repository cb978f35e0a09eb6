/* helder-library-attachments.h: a toolkit's files, kept by their SHA-256
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

/* A toolkit's "attachments" field is a JSON array of
 * {"sha256", "name", "mime", "size"}.  The files themselves are blobs:
 * kept once per content in the store's folder (helder.db →
 * helder-blobs/ab/abcdef…, read-only), uploaded to the server before the
 * record that refers to them (PUT /v1/blobs/SHA: the server refuses a
 * record whose blob it lacks) and fetched when a pulled record refers to
 * one this desk lacks. */

typedef struct
{
  char   *sha256;  /* 64 lower-case hex digits */
  char   *name;    /* the file name shown and used to open it */
  char   *mime;
  gint64  size;
} HelderAttachment;

void       helder_attachment_free              (HelderAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderAttachment, helder_attachment_free)

/* Parses a toolkit's attachments (skipping entries without a SHA-256).
 * Returns: (transfer full) (element-type HelderAttachment) */
GPtrArray *helder_attachments_from_record      (HelderRecord     *toolkit);
/* Sets @toolkit's attachments field from @attachments. */
void       helder_attachments_to_record        (HelderRecord     *toolkit,
                                                GPtrArray        *attachments);

/* The folder of @store's blobs; %NULL for a store in memory (attachments
 * then need a folder given by helder_attachments_set_blob_dir). */
char      *helder_attachments_blob_dir         (HelderStore      *store);
void       helder_attachments_set_blob_dir     (HelderStore      *store,
                                                const char       *dir);
/* Where the blob @sha256 lies (or would lie) on this desk. */
char      *helder_attachments_blob_path        (HelderStore      *store,
                                                const char       *sha256);
gboolean   helder_attachments_has_blob         (HelderStore      *store,
                                                const char       *sha256);

/* Copies @file into the blob folder, hashing it as it goes (a file
 * already there is not copied twice).  Returns: (transfer full): the
 * attachment entry for it (name from the file, MIME type from its
 * content), or %NULL with @error set. */
HelderAttachment *helder_attachments_add_file  (HelderStore      *store,
                                                GFile            *file,
                                                GError          **error);
HelderAttachment *helder_attachments_add_bytes (HelderStore      *store,
                                                const char       *name,
                                                GBytes           *bytes,
                                                GError          **error);

/* The file to open for @reference, as a Markdown image or link in the
 * body names it: an attachment's file name ("schema.png"), "attachment:NAME"
 * or "blob:SHA256".  The blob is opened through a copy under its own name
 * (in the user's cache folder), so the default application shows the
 * right name and type.  %NULL (with @error) when @toolkit has no such
 * attachment or its blob is not on this desk yet. */
GFile     *helder_attachments_resolve          (HelderStore      *store,
                                                HelderRecord     *toolkit,
                                                const char       *reference,
                                                GError          **error);

/* The blobs the toolkits in @store refer to that this desk lacks, and those
 * it has made that the server may lack (not yet uploaded).
 * Returns: (transfer full) (element-type utf8) */
GPtrArray *helder_attachments_missing_blobs    (HelderStore      *store);
GPtrArray *helder_attachments_unsent_blobs     (HelderStore      *store);

/* Uploads the unsent blobs, then downloads the missing ones, from the
 * server at @server_url with @token.  A blob that fails is tried again on
 * the next call; the others go on.  The sync client calls it before each
 * push. */
void       helder_attachments_sync_async       (HelderStore         *store,
                                                SoupSession         *session,
                                                const char          *server_url,
                                                const char          *token,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   helder_attachments_sync_finish      (GAsyncResult        *result,
                                                guint               *uploaded,
                                                guint               *downloaded,
                                                GError             **error);

G_END_DECLS
