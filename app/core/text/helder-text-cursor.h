/* helder-text-cursor.h: from character offsets to bytes, lines and columns
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Findings come sorted by their start: a cursor that only moves forward
 * turns all of them into byte positions in one walk over the text, where
 * g_utf8_offset_to_pointer() from the start for each would walk the text
 * once per finding.  Seeking backwards starts over from the beginning. */
typedef struct
{
  const char *text;
  const char *at;       /* the byte where character `offset` starts */
  guint32     offset;
  guint       line;     /* of `at`, from 1 */
  guint       column;   /* of `at`, from 1, in characters */
} HelderTextCursor;

static inline void
helder_text_cursor_init (HelderTextCursor *cursor,
                         const char       *text)
{
  cursor->text = cursor->at = text;
  cursor->offset = 0;
  cursor->line = cursor->column = 1;
}

/* The byte where character @offset of the text starts; stops at the
 * text's NUL. */
static inline const char *
helder_text_cursor_seek (HelderTextCursor *cursor,
                         guint32           offset)
{
  if (offset < cursor->offset)
    helder_text_cursor_init (cursor, cursor->text);
  while (cursor->offset < offset && *cursor->at != '\0')
    {
      if (*cursor->at == '\n')
        {
          cursor->line++;
          cursor->column = 1;
        }
      else
        cursor->column++;
      cursor->at = g_utf8_next_char (cursor->at);
      cursor->offset++;
    }
  return cursor->at;
}

G_END_DECLS
