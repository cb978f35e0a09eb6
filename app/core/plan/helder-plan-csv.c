/* helder-plan-csv.c: topics and priorities as CSV, and back
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helder-plan-csv.h"
#include "report/helder-csv.h"
#include "service/helder-record-follower.h"

/* One file for both: a row per topic and per priority, RFC 4180 (commas,
 * quotes doubled, CRLF), UTF-8 with a byte order mark so Excel reads the
 * diacritics, a formula guard, and Dutch column names and values, the
 * same whatever the user's language (it is a file to exchange).  Reading
 * takes what Excel writes back as well (semicolons, Windows-1252).  A row
 * with an id that exists updates that record; one without is new.  The
 * import is first a preview (rows and their errors, with line numbers)
 * and then one transaction, only when there are no errors. */

enum {
  COL_KIND, COL_ID, COL_TITLE, COL_TEXT, COL_ADMIN, COL_SOCIETAL, COL_TREND, COL_RANK, COL_THEME,
  COL_CLAUSE, COL_QUARTERS, COL_OWNER, COL_NEXT_REVIEW, COL_STATUS, N_COLUMNS
};

static const char *columns[N_COLUMNS + 1] = {
  "Soort", "Id", "Titel", "Omschrijving", "Bestuurlijke impact", "Maatschappelijke impact", "Trend",
  "Plaats", "Thema", "Bron in coalitieakkoord", "Kwartalen", "Aanspreekpunt", "Volgende bespreking",
  "Status", NULL,
};

#define KIND_TOPIC    "onderwerp"
#define KIND_PRIORITY "prioriteit"

/* Values in the file, Dutch, and in the records */
static const char *values[][2] = {
  { "stijgend", "rising" }, { "stabiel", "stable" }, { "dalend", "falling" },
  { "actief", "active" }, { "vervallen", "dropped" }, { "gepauzeerd", "paused" }, { "afgerond", "done" },
};

static const char *
to_file (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (values); i++)
    if (g_str_equal (values[i][1], value))
      return values[i][0];
  return value != NULL ? value : "";
}

static const char *
from_file (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (values); i++)
    if (g_ascii_strcasecmp (values[i][0], value) == 0 || g_ascii_strcasecmp (values[i][1], value) == 0)
      return values[i][1];
  return NULL;
}

static void
add_text (HelderCsvWriter *writer,
          HelderRecord    *record,
          const char      *field)
{
  const char *text = field != NULL ? helder_record_get_text (record, field) : NULL;

  helder_csv_writer_add_field (writer, text != NULL ? text : "");
}

static void
add_int (HelderCsvWriter *writer,
         HelderRecord    *record,
         const char      *field)
{
  g_autofree char *text = g_strdup_printf ("%d", helder_record_get_int (record, field));

  helder_csv_writer_add_field (writer, text);
}

/**
 * helder_plan_csv_export:
 * @topics: (nullable): topic records
 * @priorities: (nullable): priority records
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GBytes *
helder_plan_csv_export (GListModel *topics,
                        GListModel *priorities)
{
  HelderCsvWriter *writer = helder_csv_writer_new (',', HELDER_CSV_BOM | HELDER_CSV_FORMULA_GUARD);

  helder_csv_writer_add_row (writer, columns);
  for (guint i = 0; topics != NULL && i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (topics, i);

      helder_csv_writer_add_field (writer, KIND_TOPIC);
      helder_csv_writer_add_field (writer, helder_record_get_id (topic));
      add_text (writer, topic, "title");
      add_text (writer, topic, "summary");
      add_int (writer, topic, "admin_impact");
      add_int (writer, topic, "societal_impact");
      helder_csv_writer_add_field (writer, to_file (helder_record_get_text (topic, "trend")));
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, "");
      add_text (writer, topic, "owner");
      add_text (writer, topic, "next_review");
      helder_csv_writer_add_field (writer, to_file (helder_record_get_text (topic, "status")));
      helder_csv_writer_end_row (writer);
    }
  for (guint i = 0; priorities != NULL && i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(HelderRecord) priority = g_list_model_get_item (priorities, i);
      const char * const *quarters = helder_record_get_list (priority, "quarters");
      g_autofree char *joined = quarters != NULL ? g_strjoinv ("; ", (char **) quarters) : g_strdup ("");

      helder_csv_writer_add_field (writer, KIND_PRIORITY);
      helder_csv_writer_add_field (writer, helder_record_get_id (priority));
      add_text (writer, priority, "title");
      add_text (writer, priority, "rationale");
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, "");
      add_int (writer, priority, "rank");
      add_text (writer, priority, "theme");
      add_text (writer, priority, "source_clause");
      helder_csv_writer_add_field (writer, joined);
      add_text (writer, priority, "owner");
      helder_csv_writer_add_field (writer, "");
      helder_csv_writer_add_field (writer, to_file (helder_record_get_text (priority, "status")));
      helder_csv_writer_end_row (writer);
    }
  return helder_csv_writer_free_to_bytes (writer);
}

static void
row_free (gpointer data)
{
  HelderPlanCsvRow *row = data;

  g_clear_object (&row->record);
  g_free (row);
}

void
helder_plan_csv_import_free (HelderPlanCsvImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->errors);
  g_free (import);
}

static GHashTable *
index_records (GListModel *list)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      HelderRecord *record = g_list_model_get_item (list, i);

      g_hash_table_insert (index, (gpointer) helder_record_get_id (record), record);
    }
  return index;
}

typedef struct
{
  HelderCsvTable *table;
  guint           row;
  int             map[N_COLUMNS];
  GPtrArray      *errors;
  gboolean        bad;
} Reader;

static const char *
cell (Reader *reader,
      int     column)
{
  const char *text = reader->map[column] >= 0
                     ? helder_csv_table_get (reader->table, reader->row, reader->map[column]) : NULL;

  return text != NULL ? text : "";
}

static void
row_error (Reader     *reader,
           const char *message)
{
  /* Translators: a line of the imported file and what is wrong with it */
  g_ptr_array_add (reader->errors, g_strdup_printf (_("Line %u: %s"),
                                                    helder_csv_table_get_line (reader->table, reader->row),
                                                    message));
  reader->bad = TRUE;
}

static void
read_score (Reader       *reader,
            HelderRecord *record,
            int           column,
            const char   *property)
{
  const char *text = cell (reader, column);
  char *end = NULL;
  long value;

  if (*text == '\0')
    return;
  value = strtol (text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 5)
    {
      g_autofree char *message = g_strdup_printf (_("%s must be a whole number from 1 to 5, not “%s”."),
                                                  columns[column], text);

      row_error (reader, message);
      return;
    }
  g_object_set (record, property, (int) value, NULL);
}

static void
read_choice (Reader       *reader,
             HelderRecord *record,
             int           column,
             const char   *property,
             const char  **allowed)
{
  const char *text = cell (reader, column);
  const char *value;

  if (*text == '\0')
    return;
  value = from_file (text);
  if (value == NULL || !g_strv_contains (allowed, value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a value for %s."), text, columns[column]);

      row_error (reader, message);
      return;
    }
  g_object_set (record, property, value, NULL);
}

static void
read_text (Reader       *reader,
           HelderRecord *record,
           int           column,
           const char   *property)
{
  /* An empty cell is no text, as a field never filled in */
  if (reader->map[column] >= 0)
    g_object_set (record, property, *cell (reader, column) != '\0' ? cell (reader, column) : NULL, NULL);
}

static void
read_row (Reader              *reader,
          HelderPlanCsvImport *import,
          GHashTable          *topics,
          GHashTable          *priorities)
{
  static const char *topic_trends[] = { "rising", "stable", "falling", NULL };
  static const char *topic_states[] = { "active", "dropped", NULL };
  static const char *priority_states[] = { "active", "paused", "done", NULL };
  const char *kind = cell (reader, COL_KIND);
  const char *id = cell (reader, COL_ID);
  gboolean is_topic = g_ascii_strcasecmp (kind, KIND_TOPIC) == 0 || g_ascii_strcasecmp (kind, "topic") == 0;
  gboolean is_priority = g_ascii_strcasecmp (kind, KIND_PRIORITY) == 0 || g_ascii_strcasecmp (kind, "priority") == 0;
  HelderRecord *existing;
  g_autoptr(HelderRecord) record = NULL;
  g_autofree char *title = NULL;
  HelderPlanCsvRow *row;

  reader->bad = FALSE;
  if (!is_topic && !is_priority)
    {
      g_autofree char *message = g_strdup_printf (_("Soort must be “onderwerp” or “prioriteit”, not “%s”."), kind);

      row_error (reader, message);
      return;
    }
  existing = *id != '\0' ? g_hash_table_lookup (is_topic ? topics : priorities, id) : NULL;
  if (*id != '\0' && existing == NULL && !g_uuid_string_is_valid (id))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an id Helder made; leave Id empty for a new one."), id);

      row_error (reader, message);
      return;
    }
  if (existing != NULL)
    record = helder_record_follower_copy (existing);
  else
    {
      record = helder_record_new (is_topic ? HELDER_TYPE_TOPIC : HELDER_TYPE_PRIORITY);
      if (*id != '\0')
        helder_record_set_id (record, id);
      g_object_set (record, "status", "active", NULL);
      if (is_topic)
        g_object_set (record, "trend", "stable", NULL);
    }

  title = g_strstrip (g_strdup (cell (reader, COL_TITLE)));
  if (*title == '\0')
    row_error (reader, _("Titel may not be empty."));
  g_object_set (record, "title", title, NULL);
  if (is_topic)
    {
      read_text (reader, record, COL_TEXT, "summary");
      read_score (reader, record, COL_ADMIN, "admin-impact");
      read_score (reader, record, COL_SOCIETAL, "societal-impact");
      read_choice (reader, record, COL_TREND, "trend", topic_trends);
      read_text (reader, record, COL_OWNER, "owner");
      read_choice (reader, record, COL_STATUS, "status", topic_states);
      if (reader->map[COL_NEXT_REVIEW] >= 0)
        {
          const char *day = cell (reader, COL_NEXT_REVIEW);
          int y = 0, m = 0, d = 0;

          if (*day != '\0' && (strlen (day) != 10 || day[4] != '-' || day[7] != '-' ||
                                sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y)))
            {
              g_autofree char *message = g_strdup_printf (_("Volgende bespreking must be a date as "
                                                            "2027-01-14, not “%s”."), day);

              row_error (reader, message);
            }
          else
            g_object_set (record, "next-review", *day != '\0' ? day : NULL, NULL);
        }
    }
  else
    {
      const char *rank = cell (reader, COL_RANK);
      char *end = NULL;
      long value = strtol (rank, &end, 10);

      read_text (reader, record, COL_TEXT, "rationale");
      read_text (reader, record, COL_THEME, "theme");
      read_text (reader, record, COL_CLAUSE, "source-clause");
      read_text (reader, record, COL_OWNER, "owner");
      read_choice (reader, record, COL_STATUS, "status", priority_states);
      if (*rank != '\0' && (end == rank || *end != '\0' || value < 0 || value > 1000))
        {
          g_autofree char *message = g_strdup_printf (_("Plaats must be a whole number from 1 to 1000, not “%s”."),
                                                      rank);

          row_error (reader, message);
        }
      else if (*rank != '\0')
        g_object_set (record, "rank", (int) value, NULL);
      if (reader->map[COL_QUARTERS] >= 0)
        {
          g_auto(GStrv) parts = g_strsplit_set (cell (reader, COL_QUARTERS), ";,", -1);
          g_autoptr(GStrvBuilder) quarters = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_strstrip (parts[i]);
              if (*parts[i] != '\0')
                g_strv_builder_add (quarters, parts[i]);
            }
          list = g_strv_builder_end (quarters);
          g_object_set (record, "quarters", list, NULL);
        }
    }
  if (reader->bad)
    return;

  row = g_new0 (HelderPlanCsvRow, 1);
  row->line = helder_csv_table_get_line (reader->table, reader->row);
  row->is_new = existing == NULL;
  row->changed = existing != NULL && !helder_record_equal_data (existing, record);
  row->record = g_steal_pointer (&record);
  g_ptr_array_add (import->rows, row);
}

/**
 * helder_plan_csv_parse:
 * @topics: (nullable): the topics there are, for the rows with an id
 * @priorities: (nullable): the priorities there are
 *
 * The preview of an import: every row as it would be saved, and what is
 * wrong with the others, with their line numbers.
 *
 * Returns: (transfer full): the rows and errors, or %NULL with @error set
 *   when the file is no CSV of topics and priorities at all
 */
HelderPlanCsvImport *
helder_plan_csv_parse (const char  *data,
                       gsize        length,
                       GListModel  *topics,
                       GListModel  *priorities,
                       GError     **error)
{
  g_autoptr(HelderCsvTable) table = NULL;
  g_autoptr(GHashTable) topic_index = index_records (topics);
  g_autoptr(GHashTable) priority_index = index_records (priorities);
  HelderPlanCsvImport *import;
  Reader reader = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  table = helder_csv_read (data, length, HELDER_CSV_FORMULA_GUARD, NULL, error);
  if (table == NULL)
    return NULL;
  reader.table = table;
  for (guint c = 0; c < N_COLUMNS; c++)
    reader.map[c] = helder_csv_table_find_column (table, columns[c]);
  if (reader.map[COL_KIND] < 0 || reader.map[COL_TITLE] < 0)
    {
      g_set_error (error, HELDER_CSV_ERROR, HELDER_CSV_ERROR_EMPTY,
                   _("The first line must name the columns, with at least “%s” and “%s”."),
                   columns[COL_KIND], columns[COL_TITLE]);
      return NULL;
    }

  import = g_new0 (HelderPlanCsvImport, 1);
  import->rows = g_ptr_array_new_with_free_func (row_free);
  import->errors = g_ptr_array_new_with_free_func (g_free);
  reader.errors = import->errors;
  for (reader.row = 1; reader.row < helder_csv_table_get_n_rows (table); reader.row++)
    {
      gboolean empty = TRUE;

      for (guint f = 0; f < helder_csv_table_get_n_fields (table, reader.row) && empty; f++)
        empty = *helder_csv_table_get (table, reader.row, f) == '\0';
      if (!empty)
        read_row (&reader, import, topic_index, priority_index);
    }
  return import;
}

guint
helder_plan_csv_count (HelderPlanCsvImport *import,
                       gboolean             is_new,
                       gboolean             changed)
{
  guint n = 0;

  g_return_val_if_fail (import != NULL, 0);

  for (guint i = 0; i < import->rows->len; i++)
    {
      HelderPlanCsvRow *row = import->rows->pdata[i];

      n += is_new ? row->is_new : changed ? row->changed : (!row->is_new && !row->changed);
    }
  return n;
}

/**
 * helder_plan_csv_apply:
 *
 * Saves the new and changed rows in one transaction; nothing when the
 * preview found errors.
 */
gboolean
helder_plan_csv_apply (HelderPlanService    *self,
                       HelderPlanCsvImport  *import,
                       GError              **error)
{
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (import->errors->len > 0)
    {
      g_set_error (error, HELDER_CSV_ERROR, HELDER_CSV_ERROR_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE, "The file has %u error; nothing was imported.",
                                "The file has %u errors; nothing was imported.", import->errors->len),
                   import->errors->len);
      return FALSE;
    }
  for (guint i = 0; i < import->rows->len; i++)
    {
      HelderPlanCsvRow *row = import->rows->pdata[i];

      if (row->is_new || row->changed)
        g_ptr_array_add (saves, row->record);
    }
  return saves->len == 0 || helder_service_write (HELDER_SERVICE (self), saves, NULL, error);
}
