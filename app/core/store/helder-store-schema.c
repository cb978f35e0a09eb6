/* helder-store-schema.c: the local store's schema, one migration a version
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include "helder-store-private.h"

/* Each migration takes the file from version N to N + 1 and runs in one
 * transaction together with the PRAGMA user_version that records it.  A
 * migration, once released, is never edited: add a new one instead.
 *
 * The tables of the record types come from their field tables
 * (model/helder-records.c): version N creates the table of every type whose
 * table is from N, and adds the column of every field added in N to the
 * tables that already exist.  Retired fields keep their column, so what
 * each version does stays the same.  The statements below are what each
 * version adds beyond those tables. */

/* 1: the outbox and the store's own keys. */
static const char extra_1[] =
  /* One row per record with local edits the server has not acknowledged.
   * Several edits of one record collapse into one row; generation counts
   * them, so an acknowledgement of an older push leaves a newer edit. */
  "CREATE TABLE outbox ("
  "  record_id TEXT PRIMARY KEY NOT NULL,"
  "  record_type TEXT NOT NULL,"
  "  generation INTEGER NOT NULL DEFAULT 1,"
  "  queued_at TEXT NOT NULL,"
  "  batch_key TEXT"
  ");"
  "CREATE TABLE store_meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");";

/* 2: indexes for the orders the pages list records in. */
static const char extra_2[] =
  "CREATE INDEX priority_rank ON priority (deleted, rank, title);"
  "CREATE INDEX topic_title ON topic (deleted, title);"
  "CREATE INDEX signal_date ON signal (deleted, date);"
  "CREATE INDEX message_window ON message (deleted, window_start);"
  "CREATE INDEX works_start ON works (deleted, start_date);"
  "CREATE INDEX omgevingsbeeld_date ON omgevingsbeeld (deleted, date);"
  "CREATE INDEX toolkit_title ON toolkit (deleted, category, title);"
  "CREATE INDEX training_start ON training (deleted, starts_at);"
  "CREATE INDEX outbox_queued ON outbox (queued_at);";

/* 3: a house-style word is either a spelling word or one to ignore. */
static const char extra_3[] =
  "UPDATE dictionary_word SET kind = 'spelling';";

/* 4: what sync needs: the last server copy of each record (the base of
 * three-way merges), sync state, and conflicts waiting for the user. */
static const char extra_4[] =
  "CREATE TABLE record_base ("
  "  record_id TEXT PRIMARY KEY NOT NULL,"
  "  record_type TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  data TEXT NOT NULL"
  ");"
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"
  "CREATE TABLE conflicts ("
  "  record_id TEXT PRIMARY KEY NOT NULL,"
  "  record_type TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('conflict', 'rejected')),"
  "  reason TEXT,"
  "  server TEXT,"
  "  detected_at TEXT NOT NULL"
  ");";

/* 5: the words a document's writer chose to ignore in that document
 * (document.ignored, from the field table). */
static const char extra_5[] = "";

/* 6: what the Planner, Kanalen and Bibliotheek pages keep: settings, areas,
 * quarters and their reviews, council meetings, the history of messages,
 * training registrations, and their new fields. */
static const char extra_6[] =
  "CREATE INDEX setting_key ON setting (key);"
  "CREATE INDEX area_parent ON area (deleted, parent, name);"
  "CREATE INDEX quarter_quarter ON quarter (deleted, quarter);"
  "CREATE INDEX topic_review_quarter ON topic_review (deleted, quarter);"
  "CREATE INDEX priority_review_quarter ON priority_review (deleted, quarter);"
  "CREATE INDEX council_meeting_start ON council_meeting (deleted, starts_at);"
  "CREATE INDEX message_event_message ON message_event (deleted, message, at);"
  "CREATE INDEX signal_topic ON signal (deleted, topic, date);"
  "CREATE INDEX registration_training ON registration (deleted, training, requested_at);";

static const char * const extras[] = {
  extra_1,
  extra_2,
  extra_3,
  extra_4,
  extra_5,
  extra_6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (extras) == HELDER_STORE_SCHEMA_VERSION);

static guint
field_since (const HelderField *field)
{
  return MAX (field->since, 1);
}

static void
append_column (GString           *sql,
               const HelderField *field,
               gboolean           added)
{
  g_string_append_printf (sql, "%s ", field->name);
  switch (field->kind)
    {
    case HELDER_FIELD_INTEGER:
    case HELDER_FIELD_BOOLEAN:
      g_string_append (sql, "INTEGER NOT NULL DEFAULT 0");
      break;
    default:
      g_string_append (sql, "TEXT");
      /* A column added to rows that exist needs a default to be NOT NULL. */
      if (field->flags & HELDER_FIELD_REQUIRED)
        g_string_append (sql, added ? " NOT NULL DEFAULT ''" : " NOT NULL");
      break;
    }
}

/* The sync columns every record table has (DESIGN.md's data model). */
static void
append_create_table (GString           *sql,
                     HelderRecordClass *klass,
                     guint              version)
{
  const char *name = helder_record_class_get_type_name (klass);
  const HelderField *fields;
  guint n_fields;

  fields = helder_record_class_get_schema_fields (klass, &n_fields);
  g_string_append_printf (sql,
                          "CREATE TABLE %s ("
                          "id TEXT PRIMARY KEY NOT NULL, "
                          "type TEXT NOT NULL DEFAULT '%s' CHECK (type = '%s'), "
                          "version INTEGER NOT NULL DEFAULT 0, "
                          "deleted INTEGER NOT NULL DEFAULT 0, "
                          "updated_by TEXT, "
                          "updated_at TEXT, "
                          "visibility TEXT NOT NULL DEFAULT 'org' "
                          "CHECK (visibility IN ('org', 'private'))",
                          name, name, name);
  for (guint i = 0; i < n_fields; i++)
    if (field_since (&fields[i]) <= version)
      {
        g_string_append (sql, ", ");
        append_column (sql, &fields[i], FALSE);
      }
  g_string_append (sql, ");");
}

static char *
build_migration (guint version)
{
  const GType *types = helder_record_types ();
  GString *sql = g_string_new (NULL);

  for (guint t = 0; types[t] != G_TYPE_INVALID; t++)
    {
      HelderRecordClass *klass = g_type_class_peek (types[t]);
      guint since = helder_record_class_get_since (klass);
      const HelderField *fields;
      guint n_fields;

      if (since == version)
        {
          append_create_table (sql, klass, version);
          continue;
        }
      if (since > version)
        continue;
      fields = helder_record_class_get_schema_fields (klass, &n_fields);
      for (guint i = 0; i < n_fields; i++)
        if (field_since (&fields[i]) == version)
          {
            g_string_append_printf (sql, "ALTER TABLE %s ADD COLUMN ",
                                    helder_record_class_get_type_name (klass));
            append_column (sql, &fields[i], TRUE);
            g_string_append (sql, ";");
          }
    }

  g_string_append (sql, extras[version - 1]);
  return g_string_free (sql, FALSE);
}

const char *
helder_store_schema_migration (guint to_version)
{
  static char *migrations[HELDER_STORE_SCHEMA_VERSION];
  static gsize built;

  g_return_val_if_fail (to_version >= 1 && to_version <= HELDER_STORE_SCHEMA_VERSION, NULL);

  if (g_once_init_enter (&built))
    {
      for (guint v = 1; v <= HELDER_STORE_SCHEMA_VERSION; v++)
        migrations[v - 1] = build_migration (v);
      g_once_init_leave (&built, 1);
    }

  return migrations[to_version - 1];
}
