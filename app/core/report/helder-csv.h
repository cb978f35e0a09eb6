/* helder-csv.h: comma-separated values as Excel and RFC 4180 write them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HELDER_CSV_ERROR (helder_csv_error_quark ())

typedef enum
{
  HELDER_CSV_ERROR_ENCODING,       /* neither UTF-8 nor Windows-1252 */
  HELDER_CSV_ERROR_UNCLOSED_QUOTE, /* a quoted field runs to the end */
  HELDER_CSV_ERROR_AFTER_QUOTE,    /* text after a field's closing quote */
  HELDER_CSV_ERROR_EMPTY,          /* no rows at all */
} HelderCsvError;

GQuark helder_csv_error_quark (void);

typedef enum
{
  HELDER_CSV_NONE          = 0,
  /* Writing: start with a UTF-8 byte order mark, so Excel reads UTF-8. */
  HELDER_CSV_BOM           = 1 << 0,
  /* A text cell starting with = + - or @ is a formula to a spreadsheet:
   * writing puts an apostrophe before it, reading takes that off again. */
  HELDER_CSV_FORMULA_GUARD = 1 << 1,
} HelderCsvFlags;

/* Reading */

typedef struct _HelderCsvTable HelderCsvTable;

HelderCsvTable     *helder_csv_read                (const char      *data,
                                                    gsize            length,
                                                    HelderCsvFlags   flags,
                                                    guint           *error_line,
                                                    GError         **error);
void                helder_csv_table_free          (HelderCsvTable  *table);
guint               helder_csv_table_get_n_rows    (HelderCsvTable  *table);
const char * const *helder_csv_table_get_row       (HelderCsvTable  *table,
                                                    guint            row);
guint               helder_csv_table_get_n_fields  (HelderCsvTable  *table,
                                                    guint            row);
const char         *helder_csv_table_get           (HelderCsvTable  *table,
                                                    guint            row,
                                                    guint            field);
guint               helder_csv_table_get_line      (HelderCsvTable  *table,
                                                    guint            row);
char                helder_csv_table_get_delimiter (HelderCsvTable  *table);
const char         *helder_csv_table_get_encoding  (HelderCsvTable  *table);
int                 helder_csv_table_find_column   (HelderCsvTable  *table,
                                                    const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderCsvTable, helder_csv_table_free)

/* Writing */

typedef struct _HelderCsvWriter HelderCsvWriter;

HelderCsvWriter *helder_csv_writer_new           (char              delimiter,
                                                  HelderCsvFlags    flags);
void             helder_csv_writer_add_field     (HelderCsvWriter  *writer,
                                                  const char       *text);
void             helder_csv_writer_add_int       (HelderCsvWriter  *writer,
                                                  gint64            value);
void             helder_csv_writer_add_row       (HelderCsvWriter  *writer,
                                                  const char * const *fields);
void             helder_csv_writer_end_row       (HelderCsvWriter  *writer);
GBytes          *helder_csv_writer_free_to_bytes (HelderCsvWriter  *writer);
void             helder_csv_writer_free          (HelderCsvWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderCsvWriter, helder_csv_writer_free)

G_END_DECLS
