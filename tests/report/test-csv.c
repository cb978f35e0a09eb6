/* test-csv.c: reading and writing CSV as Excel and RFC 4180 do
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "report/helder-csv.h"

static HelderCsvTable *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  HelderCsvTable *table = helder_csv_read (text, strlen (text), HELDER_CSV_FORMULA_GUARD,
                                           NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (HelderCsvTable *table,
            guint           row,
            const char     *first,
            ...)
{
  const char * const *fields = helder_csv_table_get_row (table, row);
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *), i++)
    g_assert_cmpstr (fields[i], ==, expected);
  va_end (args);
  g_assert_null (fields[i]);
}

/* Everything the advisors' texts hold comes back as it went in. */
static void
test_round_trip (void)
{
  const char *cells[][4] = {
    { "Titel", "Toelichting", "Rang", NULL },
    { "Zorg; dichtbij", "Zei: \"één loket\", niet twee", "1", NULL },
    { "Café-overlast", "Regel één\nRegel twee\r\nRegel drie", "2", NULL },
    { "  spaties  ", "", "3", NULL },
    { "=SOM(A1:A2)", "-kop", "-4", NULL },
    { "'=al beschermd", "@noem", "+31 6", NULL },
    { "naïef, coöperatie", "Hillezon “energie”", "€ 12,50", NULL },
  };

  for (char delimiter = 0; delimiter < 2; delimiter++)
    {
      g_autoptr(HelderCsvWriter) writer = helder_csv_writer_new (delimiter ? ';' : ',',
                                                                 HELDER_CSV_BOM | HELDER_CSV_FORMULA_GUARD);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(HelderCsvTable) table = NULL;
      g_autoptr(GError) error = NULL;
      const char *data;
      gsize size;

      for (guint r = 0; r < G_N_ELEMENTS (cells); r++)
        helder_csv_writer_add_row (writer, cells[r]);
      bytes = helder_csv_writer_free_to_bytes (g_steal_pointer (&writer));
      data = g_bytes_get_data (bytes, &size);

      g_assert_true (memcmp (data, "\xEF\xBB\xBF", 3) == 0);
      /* RFC 4180: every row ends with CRLF */
      g_assert_true (g_str_has_suffix (data, "\r\n"));
      /* A formula is written as text, a negative number as a number. */
      g_assert_nonnull (strstr (data, "'=SOM(A1:A2)"));
      g_assert_nonnull (strstr (data, "'-kop"));
      g_assert_null (strstr (data, "'-4"));
      /* Semicolons and commas are quoted whichever the delimiter. */
      g_assert_nonnull (strstr (data, "\"Zorg; dichtbij\""));
      g_assert_nonnull (strstr (data, "\"naïef, coöperatie\""));

      table = helder_csv_read (data, size, HELDER_CSV_FORMULA_GUARD, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (helder_csv_table_get_delimiter (table), ==, delimiter ? ';' : ',');
      g_assert_cmpstr (helder_csv_table_get_encoding (table), ==, "UTF-8");
      g_assert_cmpuint (helder_csv_table_get_n_rows (table), ==, G_N_ELEMENTS (cells));
      for (guint r = 0; r < G_N_ELEMENTS (cells); r++)
        for (guint c = 0; c < 3; c++)
          g_assert_cmpstr (helder_csv_table_get (table, r, c), ==, cells[r][c]);
      /* The row after the one with two line breaks starts two lines on. */
      g_assert_cmpuint (helder_csv_table_get_line (table, 2), ==, 3);
      g_assert_cmpuint (helder_csv_table_get_line (table, 3), ==, 6);
    }
}

static void
test_line_ends (void)
{
  g_autoptr(HelderCsvTable) crlf = read_ok ("a,b\r\n1,2\r\n");
  g_autoptr(HelderCsvTable) lf = read_ok ("a,b\n1,2");
  g_autoptr(HelderCsvTable) cr = read_ok ("a,b\r1,2\r\r3,4\r");

  assert_row (crlf, 1, "1", "2", NULL);
  assert_row (lf, 1, "1", "2", NULL);
  g_assert_cmpuint (helder_csv_table_get_n_rows (cr), ==, 3);
  /* a blank line is skipped, but counted */
  g_assert_cmpuint (helder_csv_table_get_line (cr, 2), ==, 4);
  assert_row (cr, 2, "3", "4", NULL);
}

static void
test_excel (void)
{
  /* Dutch Excel: semicolons, a sep= hint, rows of only delimiters. */
  g_autoptr(HelderCsvTable) hinted = read_ok ("sep=,\r\nTitel;Thema,Rang\r\n,,\r\n\r\nA;B,1\r\n");
  g_autoptr(HelderCsvTable) semi = read_ok ("Titel;Rang;Thema\r\n\"Wonen, betaalbaar\";1;Wonen\r\n;;\r\n");
  g_autoptr(HelderCsvTable) tabs = read_ok ("Titel\tRang\nWonen\t1\n");
  /* "Café" and "coöperatie" in Windows-1252, as Excel's plain CSV saves */
  const char ansi[] = "Titel;Rang\r\nCaf\xe9;1\r\nco\xf6peratie \x80 5;2\r\n";
  g_autoptr(HelderCsvTable) windows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (helder_csv_table_get_delimiter (hinted), ==, ',');
  g_assert_cmpuint (helder_csv_table_get_n_rows (hinted), ==, 2);
  assert_row (hinted, 0, "Titel;Thema", "Rang", NULL);
  g_assert_cmpuint (helder_csv_table_get_line (hinted, 1), ==, 5);

  g_assert_cmpint (helder_csv_table_get_delimiter (semi), ==, ';');
  g_assert_cmpuint (helder_csv_table_get_n_rows (semi), ==, 2);
  assert_row (semi, 1, "Wonen, betaalbaar", "1", "Wonen", NULL);
  g_assert_cmpint (helder_csv_table_find_column (semi, " thema "), ==, 2);
  g_assert_cmpint (helder_csv_table_find_column (semi, "RANG"), ==, 1);
  g_assert_cmpint (helder_csv_table_find_column (semi, "Eigenaar"), ==, -1);

  g_assert_cmpint (helder_csv_table_get_delimiter (tabs), ==, '\t');
  assert_row (tabs, 1, "Wonen", "1", NULL);

  windows = helder_csv_read (ansi, sizeof ansi - 1, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_csv_table_get_encoding (windows), ==, "WINDOWS-1252");
  assert_row (windows, 1, "Café", "1", NULL);
  assert_row (windows, 2, "coöperatie € 5", "2", NULL);
}

static void
test_ragged (void)
{
  g_autoptr(HelderCsvTable) table = read_ok ("a,b,c\n1\n1,2,3,4\n\"\",x\n");

  g_assert_cmpuint (helder_csv_table_get_n_fields (table, 1), ==, 1);
  g_assert_null (helder_csv_table_get (table, 1, 1));
  g_assert_cmpuint (helder_csv_table_get_n_fields (table, 2), ==, 4);
  assert_row (table, 3, "", "x", NULL);
}

typedef struct
{
  const char *text;
  int         code;
  guint       line;
} BadCase;

static void
test_errors (void)
{
  static const BadCase cases[] = {
    { "a,b\n1,\"open\n2,3\n4,5\n", HELDER_CSV_ERROR_UNCLOSED_QUOTE, 2 },
    { "a,b\n1,2\n\"x\"y,3\n", HELDER_CSV_ERROR_AFTER_QUOTE, 3 },
    { "a,b\n\"twee\nregels\" en meer,3\n", HELDER_CSV_ERROR_AFTER_QUOTE, 3 },
    { "sep=;\na;b\n\"x\"y;2\n", HELDER_CSV_ERROR_AFTER_QUOTE, 3 },
    { "", HELDER_CSV_ERROR_EMPTY, 1 },
    { "\xEF\xBB\xBF\r\n;;\r\n", HELDER_CSV_ERROR_EMPTY, 1 },
    { "a,b\n\x81\x8d\n", HELDER_CSV_ERROR_ENCODING, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HelderCsvTable) table = NULL;
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", cases[i].line);
      guint line = 0;

      table = helder_csv_read (cases[i].text, strlen (cases[i].text), 0, &line, &error);
      g_assert_null (table);
      g_assert_error (error, HELDER_CSV_ERROR, cases[i].code);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }

  {
    const char zero[] = "a,b\n1,2\n3\0,4\n";
    g_autoptr(GError) error = NULL;
    guint line = 0;

    g_assert_null (helder_csv_read (zero, sizeof zero - 1, 0, &line, &error));
    g_assert_error (error, HELDER_CSV_ERROR, HELDER_CSV_ERROR_ENCODING);
    g_assert_cmpuint (line, ==, 3);
  }
}

/* Without the guard, an apostrophe is just text. */
static void
test_no_guard (void)
{
  g_autoptr(HelderCsvWriter) writer = helder_csv_writer_new (',', HELDER_CSV_NONE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HelderCsvTable) table = NULL;

  helder_csv_writer_add_field (writer, "=1+1");
  helder_csv_writer_add_int (writer, -12);
  helder_csv_writer_add_field (writer, NULL);
  bytes = helder_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, "=1+1,-12,\r\n");

  table = helder_csv_read ("'=1,x\n", 6, 0, NULL, NULL);
  assert_row (table, 0, "'=1", "x", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/excel", test_excel);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/no-guard", test_no_guard);

  return g_test_run ();
}
