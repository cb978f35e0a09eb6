/* helder-store-image.c: the pages of a damaged store, as SQLite last wrote them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <string.h>

#include "helder-store-private.h"

/* The image of a store that SQLite will not read whole: the file's pages,
 * overlaid with every frame of its write-ahead log that still checks out
 * and belongs to a committed transaction.  SQLite itself stops at the
 * first frame that fails its checksum; here each frame is checked against
 * the stored checksum of the frame before it (the checksums are chained),
 * so the frames after a damaged stretch count again.  Nothing is written,
 * and SQLite never sees these files (it deletes a log beside an empty
 * file). */

#define WAL_HEADER      32
#define FRAME_HEADER    24

void
helder_store_image_clear (HelderStoreImage *image)
{
  g_clear_pointer (&image->db_map, g_mapped_file_unref);
  g_clear_pointer (&image->wal_map, g_mapped_file_unref);
  g_clear_pointer (&image->pages, g_free);
  g_clear_pointer (&image->is_free, g_free);
}

/* The log's checksum: pairs of 32-bit words, in the byte order its magic
 * number names, added into two running sums. */
static void
wal_checksum (gboolean      big_endian,
              const guint8 *data,
              gsize         length,
              guint32      *s0,
              guint32      *s1)
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      *s0 += (big_endian ? helder_be32 (data + i) : helder_le32 (data + i)) + *s1;
      *s1 += (big_endian ? helder_be32 (data + i + 4) : helder_le32 (data + i + 4)) + *s0;
    }
}

static gboolean
frame_checks_out (const guint8 *frame,
                  guint         page_size,
                  gboolean      big_endian,
                  guint32       s0,
                  guint32       s1)
{
  wal_checksum (big_endian, frame, 8, &s0, &s1);
  wal_checksum (big_endian, frame + FRAME_HEADER, page_size, &s0, &s1);
  return s0 == helder_be32 (frame + 16) && s1 == helder_be32 (frame + 20);
}

/* Which frames check out against the stored checksum before them (the
 * header's for the first, when the header reads). */
static guint
check_frames (const guint8 *wal,
              guint         n_frames,
              guint         page_size,
              gboolean      big_endian,
              gboolean      header_ok,
              gboolean     *valid)
{
  gsize frame_size = FRAME_HEADER + page_size;
  guint n_valid = 0;

  for (guint i = 0; i < n_frames; i++)
    {
      const guint8 *frame = wal + WAL_HEADER + i * frame_size;
      const guint8 *before = i == 0 ? wal + 24 : frame - frame_size + 16;

      valid[i] = (i > 0 || header_ok) &&
                 frame_checks_out (frame, page_size, big_endian, helder_be32 (before), helder_be32 (before + 4));
      n_valid += valid[i];
    }
  return n_valid;
}

/* Puts the committed frames of the log that still read over the file's
 * pages. */
static void
overlay_log (HelderStoreImage *image,
             const guint8 *wal,
             gsize         length)
{
  gsize frame_size = FRAME_HEADER + image->page_size;
  guint n_frames = length > WAL_HEADER ? (length - WAL_HEADER) / frame_size : 0;
  guint32 magic = length >= WAL_HEADER ? helder_be32 (wal) : 0;
  gboolean header_ok = FALSE, big_endian = (magic & 1) != 0;
  g_autofree gboolean *valid = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (guint));
  guint32 salt1 = 0, salt2 = 0;
  guint n_pages = image->n_pages;

  if (n_frames == 0)
    return;
  valid = g_new0 (gboolean, n_frames);

  if ((magic == 0x377f0682 || magic == 0x377f0683) && helder_be32 (wal + 8) == image->page_size)
    {
      guint32 s0 = 0, s1 = 0;

      wal_checksum (big_endian, wal, 24, &s0, &s1);
      header_ok = s0 == helder_be32 (wal + 24) && s1 == helder_be32 (wal + 28);
    }

  if (header_ok)
    check_frames (wal, n_frames, image->page_size, big_endian, TRUE, valid);
  else
    {
      g_autofree gboolean *other = g_new0 (gboolean, n_frames);
      guint little = check_frames (wal, n_frames, image->page_size, FALSE, FALSE, valid);

      /* A damaged header: its byte order is the one the frames agree on. */
      if (check_frames (wal, n_frames, image->page_size, TRUE, FALSE, other) > little)
        memcpy (valid, other, n_frames * sizeof (gboolean));
    }

  /* A frame whose successor checks out against its stored checksum has an
   * intact header, so the damage ended before it. */
  for (guint i = 0; i + 1 < n_frames; i++)
    valid[i] = valid[i] || valid[i + 1];   /* valid[i + 1] is not changed yet */

  /* The frames of this generation of the log: the header's salts, or the
   * newest salts the frames carry (each restart of the log counts salt-1 up). */
  if (header_ok)
    {
      salt1 = helder_be32 (wal + 16);
      salt2 = helder_be32 (wal + 20);
    }
  else
    for (guint i = 0; i < n_frames; i++)
      {
        const guint8 *frame = wal + WAL_HEADER + i * frame_size;

        if (valid[i] && (salt1 == 0 || (gint32) (helder_be32 (frame + 8) - salt1) > 0))
          {
            salt1 = helder_be32 (frame + 8);
            salt2 = helder_be32 (frame + 12);
          }
      }

  /* Frames count once the transaction they belong to committed; those
   * after the last commit were never committed. */
  for (guint i = 0; i < n_frames; i++)
    {
      const guint8 *frame = wal + WAL_HEADER + i * frame_size;
      guint32 page = helder_be32 (frame);
      guint32 commit = helder_be32 (frame + 4);

      if (!valid[i] || helder_be32 (frame + 8) != salt1 || helder_be32 (frame + 12) != salt2 ||
          page == 0 || page > (1u << 24))
        continue;
      g_array_append_val (pending, i);
      if (commit == 0)
        continue;

      n_pages = commit;
      for (guint k = 0; k < pending->len; k++)
        {
          const guint8 *f = wal + WAL_HEADER + g_array_index (pending, guint, k) * frame_size;
          guint32 number = helder_be32 (f);

          if (number > image->n_pages)
            {
              image->pages = g_renew (const guint8 *, image->pages, number);
              memset (image->pages + image->n_pages, 0, (number - image->n_pages) * sizeof (guint8 *));
              image->n_pages = number;
            }
          image->pages[number - 1] = f + FRAME_HEADER;
          image->frames_used++;
        }
      g_array_set_size (pending, 0);
    }

  /* A commit that shrank the file */
  image->n_pages = MIN (image->n_pages, MAX (n_pages, 1));
}

static void
mark_free_pages (HelderStoreImage *image)
{
  const guint8 *first = image->pages[0];
  guint32 trunk, steps = 0;

  image->is_free = g_new0 (guint8, image->n_pages);
  if (first == NULL || memcmp (first, "SQLite format 3", 16) != 0)
    return;

  for (trunk = helder_be32 (first + 32); trunk != 0 && trunk <= image->n_pages && steps++ < image->n_pages;)
    {
      const guint8 *page = image->pages[trunk - 1];
      guint32 n_leaves;

      if (page == NULL || image->is_free[trunk - 1])
        break;
      image->is_free[trunk - 1] = TRUE;
      n_leaves = MIN (helder_be32 (page + 4), (image->usable - 8) / 4);
      for (guint32 k = 0; k < n_leaves; k++)
        {
          guint32 leaf = helder_be32 (page + 8 + 4 * k);

          if (leaf != 0 && leaf <= image->n_pages)
            image->is_free[leaf - 1] = TRUE;
        }
      trunk = helder_be32 (page);
    }
}

/* Maps the kept files: never written, never handed to SQLite. */
gboolean
helder_store_image_load (HelderStoreImage  *image,
                         const char        *path,
                         GError           **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  const guint8 *db = NULL;
  gsize db_length = 0;

  memset (image, 0, sizeof *image);
  image->db_map = g_mapped_file_new (path, FALSE, NULL);
  image->wal_map = g_mapped_file_new (wal_path, FALSE, NULL);
  if (image->db_map == NULL && image->wal_map == NULL)
    {
      g_set_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_NOT_FOUND,
                   "Neither %s nor its write-ahead log can be read", path);
      return FALSE;
    }

  if (image->db_map != NULL)
    {
      db = (const guint8 *) g_mapped_file_get_contents (image->db_map);
      db_length = g_mapped_file_get_length (image->db_map);
    }

  /* The page size from the file's header, else the log's, else SQLite's
   * default (Helder never changes it). */
  image->page_size = 4096;
  if (db_length >= 100 && memcmp (db, "SQLite format 3", 16) == 0)
    {
      guint size = helder_be16 (db + 16);

      image->page_size = size == 1 ? 65536 : size;
      image->usable = image->page_size - db[20];
    }
  else if (image->wal_map != NULL && g_mapped_file_get_length (image->wal_map) >= WAL_HEADER)
    {
      const guint8 *wal = (const guint8 *) g_mapped_file_get_contents (image->wal_map);

      if ((helder_be32 (wal) & ~1u) == 0x377f0682)
        image->page_size = helder_be32 (wal + 8);
    }
  if (image->page_size < 512 || image->page_size > 65536 || (image->page_size & (image->page_size - 1)) != 0)
    image->page_size = 4096;
  if (image->usable < 480 || image->usable > image->page_size)
    image->usable = image->page_size;

  image->n_pages = db_length / image->page_size;
  image->pages = g_new0 (const guint8 *, MAX (image->n_pages, 1));
  for (guint i = 0; i < image->n_pages; i++)
    image->pages[i] = db + (gsize) i * image->page_size;

  if (image->wal_map != NULL)
    overlay_log (image, (const guint8 *) g_mapped_file_get_contents (image->wal_map),
                 g_mapped_file_get_length (image->wal_map));

  if (image->n_pages == 0)
    {
      image->n_pages = 1;
      image->pages[0] = NULL;
    }
  mark_free_pages (image);
  image->version = image->pages[0] != NULL ? helder_be32 (image->pages[0] + 60) : 0;
  return TRUE;
}
