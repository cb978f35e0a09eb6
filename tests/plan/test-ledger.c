/* test-ledger.c: the priority ledger's rules, without a display
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-example-data.h"
#include "plan/helder-plan-ledger.h"

typedef struct
{
  char              *dir;
  HelderStore       *store;
  HelderSession     *session;
  HelderPlanService *plan;
  guint              n_writes;   /* transactions that wrote priorities */
} Ledger;

static void
count_writes (HelderStore        *store,
              const char         *type_name,
              const char * const *ids,
              Ledger             *fixture)
{
  fixture->n_writes++;
}

static void
ledger_setup (Ledger        *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("helder-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "helder.db", NULL);
  fixture->store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (fixture->store, "sanne");
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  fixture->plan = helder_plan_service_new (fixture->store, fixture->session);
  g_signal_connect (fixture->store, "records-changed::priority", G_CALLBACK (count_writes), fixture);
}

static void
ledger_teardown (Ledger        *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static HelderRecord *
add (Ledger     *fixture,
     const char *title)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *priority = helder_plan_ledger_create (fixture->plan, title, &error);

  g_assert_no_error (error);
  return priority;
}

/* The titles in the ledger's order, joined by "|", and the ranks as
 * stored must be 1..n. */
static char *
order (Ledger *fixture)
{
  g_autoptr(GListModel) all = helder_store_list (fixture->store, HELDER_TYPE_PRIORITY, NULL);
  g_autoptr(GPtrArray) sorted = helder_ledger_sorted (all);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, helder_record_get_title (sorted->pdata[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
rank_of (Ledger       *fixture,
         HelderRecord *priority)
{
  g_autoptr(HelderRecord) stored = helder_store_load (fixture->store, HELDER_TYPE_PRIORITY,
                                                      helder_record_get_id (priority), NULL);

  return helder_record_get_int (stored, "rank");
}

static const char *
status_of (Ledger       *fixture,
           HelderRecord *priority)
{
  g_autoptr(HelderRecord) stored = helder_store_load (fixture->store, HELDER_TYPE_PRIORITY,
                                                      helder_record_get_id (priority), NULL);

  return g_intern_string (helder_record_get_text (stored, "status"));
}

#define assert_order(f, expected) G_STMT_START { \
  g_autofree char *got = order (f);               \
  g_assert_cmpstr (got, ==, expected);            \
} G_STMT_END

/* New priorities come last, active and ranked; a move renumbers in one
 * transaction, saving only the ranks that changed. */
static void
test_move (Ledger        *fixture,
           gconstpointer  data)
{
  g_autoptr(HelderRecord) wonen = add (fixture, "Wonen");
  g_autoptr(HelderRecord) energie = add (fixture, "Energie");
  g_autoptr(HelderRecord) zorg = add (fixture, "Zorg");
  g_autoptr(HelderRecord) veilig = add (fixture, "Veilig");
  g_autoptr(GError) error = NULL;
  guint old = 99;

  g_assert_cmpint (rank_of (fixture, wonen), ==, 1);
  g_assert_cmpint (rank_of (fixture, veilig), ==, 4);
  g_assert_cmpstr (status_of (fixture, zorg), ==, "active");
  assert_order (fixture, "Wonen|Energie|Zorg|Veilig");

  fixture->n_writes = 0;
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (veilig), 0, &old, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (old, ==, 3);
  g_assert_cmpuint (fixture->n_writes, ==, 1);
  assert_order (fixture, "Veilig|Wonen|Energie|Zorg");
  g_assert_cmpint (rank_of (fixture, veilig), ==, 1);
  g_assert_cmpint (rank_of (fixture, zorg), ==, 4);

  /* Down one, up one; at the top there is no further up */
  g_assert_true (helder_plan_ledger_move_by (fixture->plan, helder_record_get_id (wonen), 1, &old, &error));
  g_assert_cmpuint (old, ==, 1);
  assert_order (fixture, "Veilig|Energie|Wonen|Zorg");
  g_assert_true (helder_plan_ledger_move_by (fixture->plan, helder_record_get_id (zorg), -1, NULL, &error));
  assert_order (fixture, "Veilig|Energie|Zorg|Wonen");
  fixture->n_writes = 0;
  g_assert_false (helder_plan_ledger_move_by (fixture->plan, helder_record_get_id (veilig), -1, NULL, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_move_by (fixture->plan, helder_record_get_id (wonen), 1, NULL, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_writes, ==, 0);

  /* A place past the end is the end; the same place writes nothing */
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (veilig), 40, NULL, &error));
  assert_order (fixture, "Energie|Zorg|Wonen|Veilig");
  fixture->n_writes = 0;
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (veilig), 3, &old, &error));
  g_assert_cmpuint (old, ==, 3);
  g_assert_cmpuint (fixture->n_writes, ==, 0);

  /* Undo is a move back */
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (energie), 2, &old, &error));
  assert_order (fixture, "Zorg|Wonen|Energie|Veilig");
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (energie), old, NULL, &error));
  assert_order (fixture, "Energie|Zorg|Wonen|Veilig");

  g_assert_false (helder_plan_ledger_move (fixture->plan, "7b7f1a3c-0000-4000-8000-000000000000", 0, NULL, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION);
}

/* Ranks with gaps and doubles (from sync, or old data) become 1..n at
 * the first move; only the changed ones are written. */
static void
test_renumber (Ledger        *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  int ranks[] = { 1, 5, 5, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    {
      HelderRecord *priority = helder_record_new (HELDER_TYPE_PRIORITY);

      g_object_set (priority, "title", "P", "rank", ranks[i], NULL);
      g_ptr_array_add (ordered, priority);
    }
  g_assert_true (helder_ledger_renumber (ordered, changed));
  g_assert_cmpuint (changed->len, ==, 3);
  for (guint i = 0; i < ordered->len; i++)
    g_assert_cmpint (helder_record_get_int (ordered->pdata[i], "rank"), ==, i + 1);
  g_ptr_array_set_size (changed, 0);
  g_assert_false (helder_ledger_renumber (ordered, changed));
  g_assert_cmpuint (changed->len, ==, 0);
}

/* Finished priorities follow the others; moves keep within their part;
 * the status changes the ledger allows and refuses. */
static void
test_status (Ledger        *fixture,
             gconstpointer  data)
{
  g_autoptr(HelderRecord) wonen = add (fixture, "Wonen");
  g_autoptr(HelderRecord) energie = add (fixture, "Energie");
  g_autoptr(HelderRecord) zorg = add (fixture, "Zorg");
  g_autoptr(GError) error = NULL;
  const char *id = helder_record_get_id (wonen);

  g_assert_true (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_PAUSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (fixture, wonen), ==, "paused");
  assert_order (fixture, "Wonen|Energie|Zorg");   /* a paused one keeps its place */
  g_assert_false (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_PAUSE, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS);
  g_clear_error (&error);

  fixture->n_writes = 0;
  g_assert_true (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_FINISH, &error));
  g_assert_cmpuint (fixture->n_writes, ==, 1);
  g_assert_cmpstr (status_of (fixture, wonen), ==, "done");
  assert_order (fixture, "Energie|Zorg|Wonen");
  g_assert_cmpint (rank_of (fixture, wonen), ==, 3);
  g_assert_cmpint (rank_of (fixture, energie), ==, 1);
  g_assert_false (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_FINISH, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_PAUSE, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS);
  g_clear_error (&error);

  /* A finished one does not move above the open ones */
  g_assert_true (helder_plan_ledger_move (fixture->plan, id, 0, NULL, &error));
  assert_order (fixture, "Energie|Zorg|Wonen");
  g_assert_false (helder_plan_ledger_move_by (fixture->plan, id, -1, NULL, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION);
  g_clear_error (&error);
  /* ... nor an open one below the finished */
  g_assert_true (helder_plan_ledger_move (fixture->plan, helder_record_get_id (energie), 2, NULL, &error));
  assert_order (fixture, "Zorg|Energie|Wonen");
  /* A new one comes before the finished */
  g_clear_object (&zorg);
  zorg = add (fixture, "Cultuur");
  assert_order (fixture, "Zorg|Energie|Cultuur|Wonen");

  /* Back: last of the open ones */
  g_assert_true (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_REACTIVATE, &error));
  g_assert_cmpstr (status_of (fixture, wonen), ==, "active");
  assert_order (fixture, "Zorg|Energie|Cultuur|Wonen");
  g_assert_cmpint (rank_of (fixture, wonen), ==, 4);
  g_assert_false (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_REACTIVATE, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS);
  g_clear_error (&error);

  /* The pure rule, all nine cases */
  g_assert_true (helder_ledger_may_transition (NULL, HELDER_LEDGER_PAUSE, NULL));
  g_assert_true (helder_ledger_may_transition ("active", HELDER_LEDGER_FINISH, NULL));
  g_assert_false (helder_ledger_may_transition ("active", HELDER_LEDGER_REACTIVATE, NULL));
  g_assert_false (helder_ledger_may_transition ("paused", HELDER_LEDGER_PAUSE, NULL));
  g_assert_true (helder_ledger_may_transition ("paused", HELDER_LEDGER_FINISH, NULL));
  g_assert_true (helder_ledger_may_transition ("paused", HELDER_LEDGER_REACTIVATE, NULL));
  g_assert_false (helder_ledger_may_transition ("done", HELDER_LEDGER_PAUSE, NULL));
  g_assert_false (helder_ledger_may_transition ("done", HELDER_LEDGER_FINISH, NULL));
  g_assert_true (helder_ledger_may_transition ("done", HELDER_LEDGER_REACTIVATE, NULL));
}

/* Quarters as people type them */
static void
test_quarters (void)
{
  static const struct { const char *text; const char *expected; } ok[] = {
    { "2026-Q4, 2027-Q1", "2026-Q4, 2027-Q1" },
    { "2027-Q1, 2026-Q4", "2026-Q4, 2027-Q1" },
    { "Q1 2027; q4-2026", "2026-Q4, 2027-Q1" },
    { "K2 2027 en K3 2027", "2027-Q2, 2027-Q3" },
    { "2027Q2 / 2027 Q2", "2027-Q2" },
    { "  ", "" },
    { "", "" },
  };
  static const char *bad[] = { "2027-Q5", "Q0 2027", "kwartaal 1", "2027", "1999-Q1", "2027-Q1, morgen" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) quarters = helder_ledger_parse_quarters (ok[i].text, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = helder_ledger_format_quarters ((const char * const *) quarters);
      g_assert_cmpstr (text, ==, ok[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) quarters = helder_ledger_parse_quarters (bad[i], &error);

      g_assert_null (quarters);
      g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_QUARTERS);
    }
  g_assert_true (helder_ledger_quarter_valid ("2026-Q3"));
  g_assert_false (helder_ledger_quarter_valid ("2026-Q"));
}

/* Each field's check names the field (its error code) */
static void
test_check_field (void)
{
  g_autofree char *long_title = g_strnfill (HELDER_LEDGER_TITLE_MAX + 1, 'a');
  g_autofree char *long_rationale = g_strnfill (HELDER_LEDGER_RATIONALE_MAX + 1, 'b');
  g_autofree char *long_clause = g_strnfill (HELDER_LEDGER_SHORT_MAX + 1, 'c');
  /* characters, not bytes: 120 times "é" is a valid title */
  g_autoptr(GString) accents = g_string_new (NULL);
  static const struct { const char *field; int code; } fields[] = {
    { "title", HELDER_LEDGER_ERROR_TITLE },
    { "theme", HELDER_LEDGER_ERROR_THEME },
    { "owner", HELDER_LEDGER_ERROR_OWNER },
  };
  GError *error = NULL;

  for (guint i = 0; i < HELDER_LEDGER_TITLE_MAX; i++)
    g_string_append (accents, "é");
  g_assert_true (helder_ledger_check_field ("title", accents->str, NULL));
  g_assert_false (helder_ledger_check_field ("title", "   ", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_false (helder_ledger_check_field (fields[i].field, long_title, &error));
      g_assert_error (error, HELDER_LEDGER_ERROR, fields[i].code);
      g_assert_nonnull (strstr (error->message, "120"));
      g_clear_error (&error);
    }
  g_assert_false (helder_ledger_check_field ("rationale", long_rationale, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_RATIONALE);
  g_clear_error (&error);
  g_assert_false (helder_ledger_check_field ("source_clause", long_clause, &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_SOURCE_CLAUSE);
  g_clear_error (&error);
  g_assert_false (helder_ledger_check_field ("quarters", "volgend jaar", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_QUARTERS);
  g_assert_nonnull (strstr (error->message, "volgend jaar"));
  g_clear_error (&error);
  g_assert_false (helder_ledger_check_field ("rank", "3", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);
  g_assert_true (helder_ledger_check_field ("rationale", NULL, NULL));
}

/* Editing saves one field, checked; a refused edit saves nothing */
static void
test_set_field (Ledger        *fixture,
                gconstpointer  data)
{
  g_autoptr(HelderRecord) wonen = add (fixture, "Wonen");
  g_autoptr(HelderRecord) energie = add (fixture, "Energie");
  g_autoptr(HelderRecord) user = helder_record_new (HELDER_TYPE_USER);
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) caps = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = helder_record_get_id (wonen);

  g_object_set (user, "name", "Sanne de Vries", "login", "sanne", "role", "advisor", NULL);
  g_assert_true (helder_store_save (fixture->store, user, NULL));

  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "title", "  Betaalbaar wonen ", &error));
  g_assert_no_error (error);
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "quarters", "Q1 2027, 2026-Q4", &error));
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "owner", "Sanne de Vries", &error));
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "source_clause", "Hoofdstuk Wonen", &error));
  g_assert_no_error (error);
  stored = helder_store_load (fixture->store, HELDER_TYPE_PRIORITY, id, NULL);
  g_assert_cmpstr (helder_record_get_text (stored, "title"), ==, "Betaalbaar wonen");
  g_assert_cmpstr (helder_record_get_list (stored, "quarters")[0], ==, "2026-Q4");
  g_assert_cmpstr (helder_record_get_list (stored, "quarters")[1], ==, "2027-Q1");
  g_assert_cmpstr (helder_record_get_text (stored, "owner"), ==, "Sanne de Vries");

  /* Unchanged: no write */
  fixture->n_writes = 0;
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "quarters", "2026-Q4, 2027-Q1", &error));
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "title", "Betaalbaar wonen", &error));
  g_assert_cmpuint (fixture->n_writes, ==, 0);

  /* Refused, each with its field; nothing written */
  g_assert_false (helder_plan_ledger_set_field (fixture->plan, id, "title", "energie", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_set_field (fixture->plan, id, "title", "", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_set_field (fixture->plan, id, "owner", "Piet Onbekend", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_OWNER);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_set_field (fixture->plan, id, "quarters", "2027-Q7", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_QUARTERS);
  g_clear_error (&error);
  /* The old title is free again */
  caps = helder_plan_ledger_create (fixture->plan, "WONEN", &error);
  g_assert_no_error (error);
  g_assert_nonnull (caps);
  g_assert_null (helder_plan_ledger_create (fixture->plan, "Betaalbaar Wonen", &error));
  g_assert_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_writes, ==, 1);   /* the "WONEN" just made */

  /* Clearing an optional field */
  g_assert_true (helder_plan_ledger_set_field (fixture->plan, id, "owner", "", &error));
  g_clear_object (&stored);
  stored = helder_store_load (fixture->store, HELDER_TYPE_PRIORITY, id, NULL);
  g_assert_null (helder_record_get_text (stored, "owner"));
}

/* Staff do not edit priorities: the core refuses every action. */
static void
test_staff_refused (Ledger        *fixture,
                    gconstpointer  data)
{
  g_autoptr(HelderRecord) wonen = add (fixture, "Wonen");
  g_autoptr(HelderRecord) energie = add (fixture, "Energie");
  g_autoptr(GError) error = NULL;
  const char *id = helder_record_get_id (wonen);

  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_STAFF);
  fixture->n_writes = 0;
  g_assert_false (helder_plan_ledger_move (fixture->plan, id, 1, NULL, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_set_field (fixture->plan, id, "theme", "Wonen", &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_plan_ledger_transition (fixture->plan, id, HELDER_LEDGER_FINISH, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (helder_plan_ledger_create (fixture->plan, "Cultuur", &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_assert_cmpuint (fixture->n_writes, ==, 0);
  assert_order (fixture, "Wonen|Energie");
}

static HelderRecord *
record (GType       type,
        const char *title)
{
  HelderRecord *record = helder_record_new (type);

  g_object_set (record, "title", title, NULL);
  return record;
}

static GListModel *
model_of (HelderRecord *first,
          ...)
{
  GListStore *store = g_list_store_new (HELDER_TYPE_RECORD);
  va_list args;

  va_start (args, first);
  for (HelderRecord *r = first; r != NULL; r = va_arg (args, HelderRecord *))
    g_list_store_append (store, r);
  va_end (args);
  return G_LIST_MODEL (store);
}

/* What hangs from a priority: its topics, the messages of it or of its
 * topics, the works of those messages. */
static void
test_hangers (void)
{
  g_autoptr(HelderRecord) wonen = record (HELDER_TYPE_PRIORITY, "Wonen");
  g_autoptr(HelderRecord) energie = record (HELDER_TYPE_PRIORITY, "Energie");
  g_autoptr(HelderRecord) bouw = record (HELDER_TYPE_TOPIC, "Woningbouw");
  g_autoptr(HelderRecord) net = record (HELDER_TYPE_TOPIC, "Netcongestie");
  g_autoptr(HelderRecord) afval = record (HELDER_TYPE_TOPIC, "Zwerfafval");
  g_autoptr(HelderRecord) brief = record (HELDER_TYPE_MESSAGE, "Brief nieuwbouw");
  g_autoptr(HelderRecord) post = record (HELDER_TYPE_MESSAGE, "Bericht aansluitingen");
  g_autoptr(HelderRecord) other = record (HELDER_TYPE_MESSAGE, "Afvalkalender");
  g_autoptr(HelderRecord) gone = record (HELDER_TYPE_MESSAGE, "Weg");
  g_autoptr(HelderRecord) riool = record (HELDER_TYPE_WORKS, "Riolering");
  g_autoptr(HelderRecord) kabel = record (HELDER_TYPE_WORKS, "Kabels");
  g_autoptr(GListModel) topics = NULL, messages = NULL, works = NULL;
  g_auto(HelderLedgerHangers) hangers = { 0 };
  const char *id = helder_record_get_id (wonen);

  g_object_set (bouw, "priorities", (const char *[]) { id, NULL }, NULL);
  g_object_set (net, "priorities", (const char *[]) { helder_record_get_id (energie), id, NULL }, NULL);
  g_object_set (afval, "priorities", (const char *[]) { helder_record_get_id (energie), NULL }, NULL);
  g_object_set (brief, "priority", id, "works", (const char *[]) { helder_record_get_id (riool), NULL }, NULL);
  g_object_set (post, "topic", helder_record_get_id (net),
                "works", (const char *[]) { helder_record_get_id (riool), helder_record_get_id (kabel), NULL },
                NULL);
  g_object_set (other, "topic", helder_record_get_id (afval), NULL);
  g_object_set (gone, "priority", id, NULL);
  helder_record_set_deleted (gone, TRUE);

  topics = model_of (bouw, net, afval, NULL);
  messages = model_of (brief, post, other, gone, NULL);
  works = model_of (kabel, riool, NULL);
  helder_ledger_hangers_collect (&hangers, id, topics, messages, works);
  g_assert_cmpuint (hangers.topics->len, ==, 2);
  g_assert_true (hangers.topics->pdata[0] == bouw);
  g_assert_true (hangers.topics->pdata[1] == net);
  g_assert_cmpuint (hangers.messages->len, ==, 2);
  g_assert_true (hangers.messages->pdata[0] == brief);
  g_assert_true (hangers.messages->pdata[1] == post);
  g_assert_cmpuint (hangers.works->len, ==, 2);   /* each once */
  g_assert_true (hangers.works->pdata[0] == kabel);

  helder_ledger_hangers_collect (&hangers, helder_record_get_id (energie), topics, messages, works);
  g_assert_cmpuint (hangers.topics->len, ==, 2);
  g_assert_cmpuint (hangers.messages->len, ==, 2);   /* of Netcongestie and Zwerfafval */
  g_assert_cmpuint (hangers.works->len, ==, 2);

  /* Without lists: nothing */
  helder_ledger_hangers_collect (&hangers, id, NULL, NULL, NULL);
  g_assert_cmpuint (hangers.topics->len + hangers.messages->len + hangers.works->len, ==, 0);
}

/* The example ledger: the coalition agreement's priorities, each with
 * its clause, theme, owner and quarters, ranked 1..n, finished ones last */
static void
test_example_data (Ledger        *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean seen_done = FALSE;

  g_assert_true (helder_example_data_load (fixture->store, &error));
  g_assert_no_error (error);
  all = helder_store_list (fixture->store, HELDER_TYPE_PRIORITY, NULL);
  sorted = helder_ledger_sorted (all);
  g_assert_cmpuint (sorted->len, >=, 10);
  for (guint i = 0; i < sorted->len; i++)
    {
      HelderRecord *priority = sorted->pdata[i];
      const char * const *quarters = helder_record_get_list (priority, "quarters");

      g_assert_cmpint (helder_record_get_int (priority, "rank"), ==, i + 1);
      g_assert_true (g_str_has_prefix (helder_record_get_text (priority, "source_clause"), "Met trots vooruit"));
      g_assert_nonnull (helder_record_get_text (priority, "theme"));
      g_assert_nonnull (helder_record_get_text (priority, "owner"));
      g_assert_nonnull (helder_record_get_text (priority, "rationale"));
      g_assert_true (quarters != NULL && quarters[0] != NULL);
      for (guint q = 0; quarters[q] != NULL; q++)
        g_assert_true (helder_ledger_quarter_valid (quarters[q]));
      if (g_strcmp0 (helder_record_get_text (priority, "status"), "done") == 0)
        seen_done = TRUE;
      else
        g_assert_false (seen_done);
    }
  g_assert_true (seen_done);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ledger/move", Ledger, NULL, ledger_setup, test_move, ledger_teardown);
  g_test_add ("/ledger/renumber", Ledger, NULL, ledger_setup, test_renumber, ledger_teardown);
  g_test_add ("/ledger/status", Ledger, NULL, ledger_setup, test_status, ledger_teardown);
  g_test_add ("/ledger/set-field", Ledger, NULL, ledger_setup, test_set_field, ledger_teardown);
  g_test_add ("/ledger/staff-refused", Ledger, NULL, ledger_setup, test_staff_refused, ledger_teardown);
  g_test_add ("/ledger/example-data", Ledger, NULL, ledger_setup, test_example_data, ledger_teardown);
  g_test_add_func ("/ledger/quarters", test_quarters);
  g_test_add_func ("/ledger/check-field", test_check_field);
  g_test_add_func ("/ledger/hangers", test_hangers);
  return g_test_run ();
}
