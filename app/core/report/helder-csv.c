/* helder-csv.c: comma-separated values as Excel and RFC 4180 write them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-csv.h"

/* What advisors open and save these files with is Excel, set to Dutch:
 * its list separator is the semicolon, it reads UTF-8 only after a byte
 * order mark, and "CSV (gescheiden door lijstscheidingsteken)" saves in
 * Windows-1252.  So reading finds the delimiter itself (comma, semicolon
 * or tab, or Excel's "sep=" line), takes Windows-1252 when the bytes are
 * not UTF-8, and accepts CRLF, LF and CR line ends; writing quotes every
 * field that holds a comma or a semicolon, whichever the delimiter, so a
 * file reads the same with either. */

G_DEFINE_QUARK (helder-csv-error-quark, helder_csv_error)

struct _HelderCsvTable
{
  GPtrArray  *rows;      /* of GStrv */
  GArray     *lines;     /* guint: the line each row starts on, from 1 */
  char        delimiter;
  const char *encoding;  /* "UTF-8" or "WINDOWS-1252" */
};

#define BOM "\xEF\xBB\xBF"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* The line (from 1) that byte @offset of @text is on. */
static guint
line_at (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;

  return line;
}

static gboolean
fail (guint       *error_line,
      GError     **error,
      guint        line,
      int          code,
      const char  *message)
{
  if (error_line != NULL)
    *error_line = line;
  /* Translators: a line of a file and what is wrong on it */
  g_set_error (error, HELDER_CSV_ERROR, code, _("Line %u: %s"), line, message);
  return FALSE;
}

/* @text as UTF-8, without a byte order mark, or NULL. */
static char *
to_utf8 (const char   *data,
         gsize         length,
         const char  **encoding,
         guint        *error_line,
         GError      **error)
{
  const char *end = NULL;
  const char *nul = memchr (data, '\0', length);
  g_autofree char *converted = NULL;

  if (nul != NULL)
    {
      g_autofree char *before = g_strndup (data, nul - data);

      fail (error_line, error, line_at (before, nul - data), HELDER_CSV_ERROR_ENCODING,
            _("the file holds a zero byte, so it is not a text file"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate (data, length, &end))
    {
      *encoding = "UTF-8";
      return g_strndup (data, length);
    }

  converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (converted != NULL)
    {
      *encoding = "WINDOWS-1252";
      return g_steal_pointer (&converted);
    }

  {
    g_autofree char *copy = g_strndup (data, length);

    fail (error_line, error, line_at (copy, end - data), HELDER_CSV_ERROR_ENCODING,
          _("the text is not UTF-8 and not Windows-1252; save the file as “CSV UTF-8”"));
  }
  return NULL;
}

/* The delimiter of the first record: the most frequent of comma,
 * semicolon and tab outside quotes; a comma when there is none. */
static char
detect_delimiter (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  text += strspn (text, "\r\n");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

static void
add_row (HelderCsvTable *table,
         GPtrArray      *fields,
         guint           line,
         HelderCsvFlags  flags)
{
  gboolean empty = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      char *field = g_ptr_array_index (fields, i);
      gsize n = strspn (field, "'");

      if (*field != '\0')
        empty = FALSE;
      /* Undo the writer's guard: one apostrophe less before a formula. */
      if ((flags & HELDER_CSV_FORMULA_GUARD) && n > 0 && is_formula_start (field[n]))
        memmove (field, field + 1, strlen (field));
    }

  /* Excel writes ";;;" for a row that only has formatting: skip it, as
   * blank lines are. */
  if (empty)
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
  g_array_append_val (table->lines, line);
}

static gboolean
parse (HelderCsvTable  *table,
       const char      *text,
       guint            first_line,
       HelderCsvFlags   flags,
       guint           *error_line,
       GError         **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  guint line = first_line, row_line = first_line;
  char delimiter = table->delimiter;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          guint quote_line = line;

          for (p++;; p++)
            {
              if (*p == '\0')
                return fail (error_line, error, quote_line, HELDER_CSV_ERROR_UNCLOSED_QUOTE,
                             _("a field that starts with a quote (\") is never closed"));
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                break;
              else
                {
                  if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                    line++;
                  g_string_append_c (field, *p);
                }
            }
          p++;
          /* Spaces after the closing quote are harmless; text is not. */
          while (*p == ' ' || (*p == '\t' && delimiter != '\t'))
            p++;
          if (*p != delimiter && *p != '\n' && *p != '\r' && *p != '\0')
            return fail (error_line, error, line, HELDER_CSV_ERROR_AFTER_QUOTE,
                         _("there is text after the closing quote of a field; "
                           "write a quote inside a field as two quotes (\"\")"));
          continue;
        }

      if (*p == delimiter)
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (*p == '\n' || *p == '\r')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          add_row (table, fields, row_line, flags);
          p += (*p == '\r' && p[1] == '\n') ? 2 : 1;
          row_line = ++line;
          continue;
        }

      g_string_append_c (field, *p);
      p++;
    }

  if (field->len > 0 || fields->len > 0)
    {
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      add_row (table, fields, row_line, flags);
    }

  return TRUE;
}

/**
 * helder_csv_read:
 * @data: the file's bytes
 * @error_line: (out) (optional): the line an error is on, from 1
 *
 * Reads a whole CSV file.  Rows whose fields are all empty are skipped;
 * rows may have different numbers of fields (a caller that needs a fixed
 * number checks it, with helder_csv_table_get_line() for its message).
 *
 * Returns: (transfer full): the rows, or %NULL with an error whose
 *   message starts with the line, in the user's language.
 */
HelderCsvTable *
helder_csv_read (const char      *data,
                 gsize            length,
                 HelderCsvFlags   flags,
                 guint           *error_line,
                 GError         **error)
{
  g_autoptr(HelderCsvTable) table = NULL;
  g_autofree char *text = NULL;
  const char *start;
  guint first_line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;

  table = g_new0 (HelderCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if ((text = to_utf8 (data ? data : "", length, &table->encoding, error_line, error)) == NULL)
    return NULL;

  start = text;
  /* Excel's hint "sep=;" on a line of its own names the delimiter. */
  if (g_ascii_strncasecmp (start, "sep=", 4) == 0 && start[4] != '\0' &&
      (start[5] == '\n' || start[5] == '\r' || start[5] == '\0'))
    {
      table->delimiter = start[4];
      start += 5;
      start += (*start == '\r' && start[1] == '\n') ? 2 : (*start != '\0');
      first_line = 2;
    }
  else
    table->delimiter = detect_delimiter (start);

  if (!parse (table, start, first_line, flags, error_line, error))
    return NULL;

  if (table->rows->len == 0)
    {
      fail (error_line, error, 1, HELDER_CSV_ERROR_EMPTY, _("the file holds no rows"));
      return NULL;
    }

  return g_steal_pointer (&table);
}

void
helder_csv_table_free (HelderCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

guint
helder_csv_table_get_n_rows (HelderCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

const char * const *
helder_csv_table_get_row (HelderCsvTable *table,
                          guint           row)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  return g_ptr_array_index (table->rows, row);
}

guint
helder_csv_table_get_n_fields (HelderCsvTable *table,
                               guint           row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_strv_length (g_ptr_array_index (table->rows, row));
}

/**
 * helder_csv_table_get:
 *
 * Returns: the field, or %NULL when the row is shorter.
 */
const char *
helder_csv_table_get (HelderCsvTable *table,
                      guint           row,
                      guint           field)
{
  char **fields;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  fields = g_ptr_array_index (table->rows, row);
  for (guint i = 0; i <= field; i++)
    if (fields[i] == NULL)
      return NULL;

  return fields[field];
}

/* The line of the file the row starts on, from 1 (a quoted field may
 * hold line breaks, so rows and lines differ). */
guint
helder_csv_table_get_line (HelderCsvTable *table,
                           guint           row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->lines, guint, row);
}

char
helder_csv_table_get_delimiter (HelderCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->delimiter;
}

/* "UTF-8", or "WINDOWS-1252" for a file Excel saved as plain CSV. */
const char *
helder_csv_table_get_encoding (HelderCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->encoding;
}

static char *
column_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

/**
 * helder_csv_table_find_column:
 *
 * Returns: the field of the first row (the header) named @name, ignoring
 *   case and surrounding spaces, or -1.
 */
int
helder_csv_table_find_column (HelderCsvTable *table,
                              const char     *name)
{
  g_autofree char *wanted = NULL;
  char **header;

  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (table->rows->len == 0)
    return -1;

  wanted = column_key (name);
  header = g_ptr_array_index (table->rows, 0);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *key = column_key (header[i]);

      if (g_strcmp0 (key, wanted) == 0)
        return i;
    }

  return -1;
}

/* Writing */

struct _HelderCsvWriter
{
  GString        *out;
  char            delimiter;
  HelderCsvFlags  flags;
  gboolean        row_open;
};

/**
 * helder_csv_writer_new:
 * @delimiter: ',' (RFC 4180) or ';' (what Dutch Excel opens by a double
 *   click)
 */
HelderCsvWriter *
helder_csv_writer_new (char           delimiter,
                       HelderCsvFlags flags)
{
  HelderCsvWriter *writer;

  g_return_val_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  writer = g_new0 (HelderCsvWriter, 1);
  writer->out = g_string_new (NULL);
  writer->delimiter = delimiter;
  writer->flags = flags;
  if (flags & HELDER_CSV_BOM)
    g_string_append (writer->out, BOM);

  return writer;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static gboolean
needs_quotes (HelderCsvWriter *writer,
              const char      *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return FALSE;
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '"' || *p == ',' || *p == ';' || *p == '\n' || *p == '\r' || *p == writer->delimiter)
      return TRUE;

  return FALSE;
}

void
helder_csv_writer_add_field (HelderCsvWriter *writer,
                             const char      *text)
{
  g_autofree char *guarded = NULL;

  g_return_if_fail (writer != NULL);

  if (text == NULL)
    text = "";
  if (writer->row_open)
    g_string_append_c (writer->out, writer->delimiter);
  writer->row_open = TRUE;

  if ((writer->flags & HELDER_CSV_FORMULA_GUARD) &&
      is_formula_start (text[strspn (text, "'")]) && !is_number (text))
    text = guarded = g_strconcat ("'", text, NULL);

  if (!needs_quotes (writer, text))
    {
      g_string_append (writer->out, text);
      return;
    }

  g_string_append_c (writer->out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (writer->out, '"');
      g_string_append_c (writer->out, *p);
    }
  g_string_append_c (writer->out, '"');
}

void
helder_csv_writer_add_int (HelderCsvWriter *writer,
                           gint64           value)
{
  char text[32];

  g_return_if_fail (writer != NULL);

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  helder_csv_writer_add_field (writer, text);
}

/* Adds @fields and ends the row. */
void
helder_csv_writer_add_row (HelderCsvWriter    *writer,
                           const char * const *fields)
{
  g_return_if_fail (writer != NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    helder_csv_writer_add_field (writer, fields[i]);
  helder_csv_writer_end_row (writer);
}

/* RFC 4180 ends every row with CRLF, the last one too. */
void
helder_csv_writer_end_row (HelderCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  g_string_append (writer->out, "\r\n");
  writer->row_open = FALSE;
}

/**
 * helder_csv_writer_free_to_bytes:
 *
 * Ends an open row and frees @writer.
 *
 * Returns: (transfer full): the file's bytes.
 */
GBytes *
helder_csv_writer_free_to_bytes (HelderCsvWriter *writer)
{
  GString *out;

  g_return_val_if_fail (writer != NULL, NULL);

  if (writer->row_open)
    helder_csv_writer_end_row (writer);
  out = writer->out;
  g_free (writer);

  return g_string_free_to_bytes (out);
}

void
helder_csv_writer_free (HelderCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->out, TRUE);
  g_free (writer);
}
