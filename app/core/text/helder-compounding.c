/* helder-compounding.c: the Hunspell dictionary's stems and compound flags
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-compounding"

#include "config.h"

#include <string.h>

#include "helder-compounding.h"
#include "helder-text-types.h"

/* Hunspell answers whether a word is right, not what its parts may do.
 * The .dic file says that per stem, in its flags, so it is read once: a
 * map of the file and an open-addressing table of offsets into it, one
 * slot per stem that may stand in a compound (about 20,000 of nl_NL's
 * 180,000 lines; a scan of 2.4 MB).
 *
 * The dictionary writes "ij" as the ligature "ĳ" (ICONV in the .aff):
 * lookups are converted the same way.  Flags are two characters each
 * (FLAG long); the nl_NL dictionary uses no flag aliases. */

struct _HelderCompounding
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  guint32     *slots;      /* offset + 1 of the stem's line, 0 = empty */
  guint8      *flags;      /* per slot */
  guint32      mask;       /* slots - 1 */
};

/* The stem of the line at @p ends at a slash (not escaped), a tab or the
 * end of the line. */
static gsize
stem_length (const char *p,
             const char *end)
{
  const char *q = p;

  while (q < end && *q != '\n' && *q != '\t' && *q != '/')
    q += (*q == '\\' && q + 1 < end) ? 2 : 1;
  return q - p;
}

static guint
parse_flags (const char *p,
             const char *end)
{
  static const struct { char flag[3]; guint meaning; } table[] = {
    { "Ca", HELDER_STEM_BEGIN }, { "Cb", HELDER_STEM_MIDDLE }, { "Cc", HELDER_STEM_END },
    { "Cx", HELDER_STEM_ONLY_PART }, { "Ce", HELDER_STEM_BEGIN | HELDER_STEM_MIDDLE },
    { "Cd", HELDER_STEM_LINK_S }, { "Ch", HELDER_STEM_LINK_S },
    { "Zb", HELDER_STEM_LINK_EN }, { "Ze", HELDER_STEM_LINK_EN }, { "Zd", HELDER_STEM_LINK_EN },
    { "Zf", HELDER_STEM_LINK_EN },
    { "Cl", HELDER_STEM_HYPHEN },
  };
  guint flags = 0;

  for (; p + 1 < end && *p != '\n' && *p != '\t' && *p != ' '; p += 2)
    {
      if (p[0] != 'C' && p[0] != 'Z')
        continue;   /* every flag that matters here is C* or Z* */
      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        if (p[0] == table[i].flag[0] && p[1] == table[i].flag[1])
          flags |= table[i].meaning;
    }
  return flags;
}

static gboolean
same_stem (HelderCompounding *self,
           guint32            slot,
           const char        *stem,
           gsize              length)
{
  const char *p = self->data + self->slots[slot] - 1;

  return stem_length (p, self->data + self->size) == length && memcmp (p, stem, length) == 0;
}

/**
 * helder_compounding_new:
 * @dic_path: the Hunspell .dic file
 */
HelderCompounding *
helder_compounding_new (const char  *dic_path,
                        GError     **error)
{
  g_autoptr(HelderCompounding) self = g_new0 (HelderCompounding, 1);
  const char *p, *end;
  guint n_lines = 0;
  gsize n_slots = 1;

  if ((self->file = g_mapped_file_new (dic_path, FALSE, error)) == NULL)
    return NULL;
  self->data = g_mapped_file_get_contents (self->file);
  self->size = g_mapped_file_get_length (self->file);
  end = self->data + self->size;

  /* The first line is the count of stems; it sizes the table. */
  n_lines = (guint) g_ascii_strtoull (self->data, NULL, 10);
  while (n_slots < 2 * (gsize) MAX (n_lines, 1024))
    n_slots <<= 1;
  self->slots = g_new0 (guint32, n_slots);
  self->flags = g_new0 (guint8, n_slots);
  self->mask = n_slots - 1;

  p = memchr (self->data, '\n', self->size);
  for (p = p ? p + 1 : end; p < end; )
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize length = stem_length (p, end);
      guint flags = p + length < end && p[length] == '/' ? parse_flags (p + length + 1, eol ? eol : end) : 0;
      guint32 slot;
      guint used = 0;

      if (eol == NULL)
        eol = end;
      /* Only stems that may stand in a compound are kept. */
      if (flags == 0)
        {
          p = eol + 1;
          continue;
        }
      flags |= HELDER_STEM_KNOWN;
      slot = helder_hash_bytes (p, length) & self->mask;
      /* A full table would loop; the count line may lie, so stop filling. */
      while (self->slots[slot] != 0 && !same_stem (self, slot, p, length) && used++ < self->mask)
        slot = (slot + 1) & self->mask;
      if (length > 0 && used < self->mask)
        {
          if (self->slots[slot] == 0)
            self->slots[slot] = (guint32) (p - self->data) + 1;
          self->flags[slot] |= flags;   /* a stem listed twice has both */
        }
      p = eol + 1;
    }

  return g_steal_pointer (&self);
}

void
helder_compounding_free (HelderCompounding *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->slots);
  g_free (self->flags);
  g_free (self);
}

/**
 * helder_compounding_lookup:
 * @stem: lower case, as written ("wijk": the ij is converted here)
 * @length: its length in bytes, or -1
 *
 * Returns: its #HelderStemFlags, 0 if the dictionary has no such stem or
 *   it may not stand in a compound
 */
guint
helder_compounding_lookup (HelderCompounding *self,
                           const char        *stem,
                           gssize             length)
{
  char buffer[256];
  gsize n = 0;
  guint32 slot;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (stem != NULL, 0);

  if (length < 0)
    length = strlen (stem);

  /* ij → ĳ (U+0133), ’ → ' */
  for (gssize i = 0; i < length; i++)
    {
      if (n + 3 >= sizeof buffer)
        return 0;
      if (stem[i] == 'i' && i + 1 < length && stem[i + 1] == 'j')
        {
          buffer[n++] = '\xc4';
          buffer[n++] = '\xb3';
          i++;
        }
      else if (i + 2 < length && memcmp (stem + i, "\xe2\x80\x99", 3) == 0)
        {
          buffer[n++] = '\'';
          i += 2;
        }
      else
        buffer[n++] = stem[i];
    }

  for (slot = helder_hash_bytes (buffer, n) & self->mask; self->slots[slot] != 0; slot = (slot + 1) & self->mask)
    if (same_stem (self, slot, buffer, n))
      return self->flags[slot];
  return 0;
}
