/* test-sync.c: two desktops and a real helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "store/helder-store-recovery.h"
#include "store/helder-store-sync.h"
#include "sync/helder-sync-client.h"
#include "sync/helder-sync-status.h"

#include "test-util.h"

/* A server on loopback with one organisation and three users, and a
 * fresh local store per client. */

typedef struct
{
  char        *dir;
  GSubprocess *server;
  char        *url;
} Server;

static Server server;
static const char *helder_server;

static void
start_server_with (const char *config)
{
  g_free (server.url);
  server.server = test_server_start_with_config (server.dir, config, &server.url);
}

static void
start_server (void)
{
  start_server_with (NULL);
}

static void
stop_server (void)
{
  g_subprocess_send_signal (server.server, SIGKILL);
  g_subprocess_wait (server.server, NULL, NULL);
  g_clear_object (&server.server);
}

typedef struct
{
  char             *dir;
  HelderStore      *store;
  HelderSyncClient *client;
} Desk;

static gboolean
wait_for (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return *result != NULL;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A new client for the server as it runs now (its port changes with a
 * restart), logged in as @login. */
static void
desk_connect (Desk       *desk,
              const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;

  g_clear_object (&desk->client);
  desk->client = helder_sync_client_new (desk->store, server.url);
  helder_sync_client_login_async (desk->client, login, "geheim-wachtwoord", NULL, store_result, &result);
  g_assert_true (wait_for (&result));
  token = helder_sync_client_login_finish (desk->client, result, &error);
  g_assert_no_error (error);
  helder_sync_client_set_token (desk->client, token);
}

static Desk *
desk_new (const char *login)
{
  Desk *desk = g_new0 (Desk, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  desk->dir = g_dir_make_tmp ("helder-desk-XXXXXX", &error);
  path = g_build_filename (desk->dir, "helder.db", NULL);
  desk->store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (desk->store, login);
  desk_connect (desk, login);
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
  g_free (desk->dir);
  g_free (desk);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Desk, desk_free)

static gboolean
desk_sync (Desk    *desk,
           GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  helder_sync_client_sync_async (desk->client, NULL, store_result, &result);
  g_assert_true (wait_for (&result));
  return helder_sync_client_sync_finish (desk->client, result, error);
}

static void
sync_ok (Desk *desk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_sync (desk, &error));
  g_assert_no_error (error);
}

static HelderRecord *
make_priority (const char *title)
{
  HelderRecord *record = helder_record_new (HELDER_TYPE_PRIORITY);

  g_object_set (record, "title", title, "rank", 1, "theme", "Wonen", NULL);
  return record;
}

static HelderRecord *
load (Desk       *desk,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *record = helder_store_load (desk->store, HELDER_TYPE_PRIORITY, id, &error);

  g_assert_no_error (error);
  return record;
}

static void
test_round_trip (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) p = make_priority ("Betaalbaar wonen");
  g_autoptr(HelderRecord) seen = NULL;
  g_autoptr(GError) error = NULL;

  helder_store_save (a->store, p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 1);
  sync_ok (a);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);
  g_assert_cmpint (helder_store_get_library_version (a->store), >, 0);

  sync_ok (b);
  seen = load (b, helder_record_get_id (p));
  g_assert_cmpstr (helder_record_get_text (seen, "title"), ==, "Betaalbaar wonen");
  g_assert_cmpstr (helder_record_get_updated_by (seen), ==, "sanne");
  g_assert_cmpint (helder_record_get_version (seen), >, 0);
  /* A pulled record is no local edit. */
  g_assert_cmpuint (helder_store_count_outbox (b->store), ==, 0);

  /* Nothing new: a second sync changes nothing. */
  sync_ok (b);
  g_assert_cmpint (helder_store_get_library_version (b->store), ==, helder_store_get_library_version (a->store));
}

static void
count_signal (HelderStore *store,
              const char  *type_name,
              const char  *id,
              guint       *counter)
{
  (*counter)++;
}

static void
test_merge_and_conflict (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) p = make_priority ("Energietransitie");
  g_autoptr(HelderRecord) pa = NULL, pb = NULL, merged_a = NULL, merged_b = NULL;
  g_autoptr(HelderRecord) qa = NULL, qb = NULL;
  g_autoptr(JsonArray) conflicts = NULL;
  const char *id = helder_record_get_id (p);
  guint conflict_signals = 0;

  helder_store_save (a->store, p, NULL);
  sync_ok (a);
  sync_ok (b);

  /* Different fields: both land. */
  pa = load (a, id);
  pb = load (b, id);
  g_object_set (pa, "theme", "Energie", NULL);
  g_object_set (pb, "rank", 7, NULL);
  helder_store_save (a->store, pa, NULL);
  helder_store_save (b->store, pb, NULL);
  sync_ok (a);
  sync_ok (b);
  sync_ok (a);
  merged_a = load (a, id);
  merged_b = load (b, id);
  g_assert_cmpstr (helder_record_get_text (merged_a, "theme"), ==, "Energie");
  g_assert_cmpint (helder_record_get_int (merged_a, "rank"), ==, 7);
  g_assert_true (helder_record_equal_data (merged_a, merged_b));
  g_assert_cmpuint (helder_store_count_conflicts (b->store), ==, 0);

  /* The same field: exactly one conflict, on the second to push. */
  qa = load (a, id);
  qb = load (b, id);
  g_object_set (qa, "title", "Energietransitie met Hillezon", NULL);
  g_object_set (qb, "title", "Energie samen met inwoners", NULL);
  helder_store_save (a->store, qa, NULL);
  helder_store_save (b->store, qb, NULL);
  sync_ok (a);
  /* The window counts conflicts when the store says they changed */
  g_signal_connect (b->store, "changed::conflict", G_CALLBACK (count_signal), &conflict_signals);
  sync_ok (b);
  g_signal_handlers_disconnect_by_func (b->store, count_signal, &conflict_signals);
  g_assert_cmpuint (conflict_signals, >=, 1);
  g_assert_cmpuint (helder_store_count_conflicts (a->store), ==, 0);
  g_assert_cmpuint (helder_store_count_conflicts (b->store), ==, 1);
  conflicts = helder_store_list_conflicts (b->store);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "kind"), ==, "conflict");

  /* Keep mine: b's title wins on the next sync, a sees it. */
  g_assert_true (helder_store_resolve_conflict (b->store, id, HELDER_KEEP_MINE, NULL));
  sync_ok (b);
  sync_ok (a);
  {
    g_autoptr(HelderRecord) final_a = load (a, id);
    g_assert_cmpstr (helder_record_get_text (final_a, "title"), ==, "Energie samen met inwoners");
  }
  g_assert_cmpuint (helder_store_count_conflicts (b->store), ==, 0);
}

static void
test_delete_against_edit (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) p = make_priority ("Zorg dichtbij");
  g_autoptr(HelderRecord) pa = NULL, pb = NULL;
  const char *id = helder_record_get_id (p);

  helder_store_save (a->store, p, NULL);
  sync_ok (a);
  sync_ok (b);
  pa = load (a, id);
  pb = load (b, id);
  helder_store_delete (a->store, pa, NULL);
  g_object_set (pb, "theme", "Zorg", NULL);
  helder_store_save (b->store, pb, NULL);
  sync_ok (a);
  sync_ok (b);
  g_assert_cmpuint (helder_store_count_conflicts (b->store), ==, 1);

  /* Keep theirs: the record is deleted on b too. */
  g_assert_true (helder_store_resolve_conflict (b->store, id, HELDER_KEEP_THEIRS, NULL));
  {
    g_autoptr(HelderRecord) gone = load (b, id);
    g_assert_true (helder_record_get_deleted (gone));
  }
}

static void
test_staff_rejected (void)
{
  g_autoptr(Desk) staff = desk_new ("fatima");
  g_autoptr(HelderRecord) p = make_priority ("Niet van mij");
  g_autoptr(HelderRecord) d = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(JsonArray) conflicts = NULL;

  g_object_set (d, "title", "Mijn brief", NULL);
  helder_store_save (staff->store, p, NULL);
  helder_store_save (staff->store, d, NULL);
  sync_ok (staff);
  /* The document went through; the priority waits with its reason. */
  g_assert_cmpuint (helder_store_count_outbox (staff->store), ==, 0);
  conflicts = helder_store_list_conflicts (staff->store);
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "kind"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "reason"), ==, "forbidden");
}

/* Long texts: batches stop short of the server's 1 MiB, and a text too
 * large for any request is shown as refused instead of being sent again
 * on every sync, while the rest goes through. */
static void
test_large_texts (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) big = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(JsonArray) conflicts = NULL;
  g_autoptr(GPtrArray) medium = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *half_mib = g_strnfill (500 * 1024, 'a');
  g_autofree char *too_big = g_strnfill (1200 * 1024, 'b');

  for (guint i = 0; i < 3; i++)
    {
      HelderRecord *d = helder_record_new (HELDER_TYPE_DOCUMENT);

      g_object_set (d, "title", "Lange tekst", "body", half_mib, NULL);
      helder_store_save (a->store, d, NULL);
      g_ptr_array_add (medium, d);
    }
  g_object_set (big, "title", "Te lange tekst", "body", too_big, NULL);
  helder_store_save (a->store, big, NULL);

  sync_ok (a);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);
  conflicts = helder_store_list_conflicts (a->store);
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "id"), ==,
                   helder_record_get_id (big));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "kind"), ==, "rejected");
  /* The next sync has nothing to resend. */
  sync_ok (a);

  sync_ok (b);
  for (guint i = 0; i < medium->len; i++)
    {
      g_autoptr(HelderRecord) seen = helder_store_load (b->store, HELDER_TYPE_DOCUMENT,
                                                        helder_record_get_id (medium->pdata[i]), NULL);

      g_assert_nonnull (seen);
      g_assert_cmpuint (strlen (helder_record_get_text (seen, "body")), ==, 500 * 1024);
    }
  g_assert_null (helder_store_load (b->store, HELDER_TYPE_DOCUMENT, helder_record_get_id (big), NULL));
}

static void
test_lost_answer_retry (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) p = make_priority ("Veilig Hillegom");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  gint64 before;

  sync_ok (b);
  before = helder_store_get_library_version (b->store);
  helder_store_save (a->store, p, NULL);

  /* The batch is fixed before it is sent: taking it again gives the same
   * key and body, as a retry after a lost answer does. */
  first = helder_store_take_push_batch (a->store, 100, &key, &error);
  second = helder_store_take_push_batch (a->store, 100, &again, &error);
  g_assert_cmpstr (key, ==, again);
  g_assert_true (json_node_equal (first, second));

  /* Send it twice (the first answer "lost"), then sync normally. */
  sync_ok (a);
  sync_ok (a);
  sync_ok (b);
  g_assert_cmpint (helder_store_get_library_version (b->store), ==, before + 1);
}

static void
test_server_down (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(HelderRecord) p = make_priority ("Offline bewerkt");
  g_autoptr(GError) error = NULL;

  stop_server ();
  helder_store_save (a->store, p, NULL);
  g_assert_false (desk_sync (a, &error));
  g_assert_error (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  /* Nothing lost: the edit waits in the outbox. */
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 1);

  start_server ();
  desk_connect (a, "sanne");
  sync_ok (a);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);
}

/* The server's data: copied aside, or put back, while it is stopped.
 * SQLite: the database file with its WAL; PostgreSQL: a copy of the
 * database made from it as a template. */
static void
server_data (gboolean restore)
{
  const char *database = g_getenv ("HELDER_SERVER_DATABASE");

  if (database != NULL)
    {
      const char *name = g_strrstr (database, " dbname=") + strlen (" dbname=");
      g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                               "WHERE datname IN ('%s', '%s_backup')", name, name);
      g_autofree char *copy = g_strdup_printf ("CREATE DATABASE %s_backup TEMPLATE %s OWNER " TEST_DATABASE_ROLE,
                                               name, name);
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s", name);
      g_autofree char *rename = g_strdup_printf ("ALTER DATABASE %s_backup RENAME TO %s", name, name);

      test_database_run (kill);
      if (!restore)
        test_database_run (copy);
      else
        {
          test_database_run (drop);
          test_database_run (rename);
        }
      return;
    }

  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *name = g_strconcat ("helder-server.db", suffixes[i], NULL);
      g_autofree char *live = g_build_filename (server.dir, name, NULL);
      g_autofree char *kept = g_strconcat (live, ".backup", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (restore ? kept : live, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (restore ? live : kept, contents, length, NULL));
      else
        g_remove (restore ? live : kept);
    }
}

/* The server is restored from a backup older than some of what it
 * confirmed: the desk that still has those changes sends them again, and
 * another desk gets them; nothing ends in conflict. */
static void
test_server_restored (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = NULL;
  g_autoptr(HelderRecord) old = make_priority ("Voor de back-up");
  g_autoptr(HelderRecord) lost = make_priority ("Na de back-up");
  g_autoptr(HelderRecord) edited = NULL;
  g_autoptr(HelderRecord) at_b = NULL;
  g_autoptr(HelderRecord) lost_at_b = NULL;

  helder_store_save (a->store, old, NULL);
  sync_ok (a);
  stop_server ();
  server_data (FALSE);
  start_server ();
  desk_connect (a, "sanne");

  /* Confirmed after the backup */
  helder_store_save (a->store, lost, NULL);
  edited = load (a, helder_record_get_id (old));
  g_object_set (edited, "title", "Na de back-up bewerkt", NULL);
  helder_store_save (a->store, edited, NULL);
  sync_ok (a);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);

  stop_server ();
  server_data (TRUE);
  start_server ();
  desk_connect (a, "sanne");

  /* The first try loses the answer to the push of what the server lost
   * (a seed whose first draw lets the pull through and whose second drops
   * the push's answer); the next try finishes it, without conflicts. */
  {
    g_autoptr(GError) error = NULL;
    guint32 seed = 1;

    for (;; seed++)
      {
        GRand *rand = g_rand_new_with_seed (seed);
        gboolean fits = g_rand_double (rand) >= 0.5 && g_rand_double (rand) < 0.5;

        g_rand_free (rand);
        if (fits)
          break;
      }
    helder_sync_client_set_faults (a->client, 1.0, seed);
    g_assert_false (desk_sync (a, &error));
    g_assert_error (error, HELDER_SYNC_ERROR, HELDER_SYNC_ERROR_NETWORK);
    helder_sync_client_set_faults (a->client, 0, 0);
  }
  sync_ok (a);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);
  g_assert_cmpuint (helder_store_count_conflicts (a->store), ==, 0);

  b = desk_new ("joost");
  sync_ok (b);
  at_b = load (b, helder_record_get_id (old));
  lost_at_b = load (b, helder_record_get_id (lost));
  g_assert_nonnull (at_b);
  g_assert_nonnull (lost_at_b);
  g_assert_cmpstr (helder_record_get_text (at_b, "title"), ==, "Na de back-up bewerkt");
  g_assert_cmpstr (helder_record_get_text (lost_at_b, "title"), ==, "Na de back-up");
  {
    g_autoptr(HelderRecord) at_a = load (a, helder_record_get_id (old));

    g_assert_cmpstr (helder_record_get_text (at_a, "title"), ==, "Na de back-up bewerkt");
  }
}

/* The server is restored from a backup (`admin restore`, or pg_restore,
 * while it runs); a colleague then edits a record, which brings the
 * server's version back up to what this desk has.  The desk notices the
 * restore by the data epoch all the same (its version alone would get a
 * 304), and its own edit of the record, made on the lost history, is a
 * conflict instead of overwriting the colleague's. */
static void
test_restore_epoch (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) p = make_priority ("Voor de back-up");
  g_autoptr(HelderRecord) at_a = NULL;
  g_autoptr(HelderRecord) at_b = NULL;
  g_autoptr(HelderRecord) fresh = NULL;
  g_autoptr(Desk) c = NULL;
  g_autofree char *backup = g_build_filename (server.dir, "epoch.backup", NULL);
  g_autofree char *epoch_before = NULL;
  g_autofree char *epoch_after = NULL;
  gint64 version_a;

  helder_store_save (a->store, p, NULL);
  sync_ok (a);
  sync_ok (b);
  test_backup (server.dir, NULL, backup);
  epoch_before = helder_store_get_data_epoch (a->store);
  g_assert_nonnull (epoch_before);

  /* Confirmed after the backup, then lost */
  at_a = load (a, helder_record_get_id (p));
  g_object_set (at_a, "title", "Sanne na de back-up", NULL);
  helder_store_save (a->store, at_a, NULL);
  sync_ok (a);
  version_a = helder_store_get_library_version (a->store);

  test_restore (server.dir, NULL, backup);

  /* The colleague's edit takes the version the lost one had */
  at_b = load (b, helder_record_get_id (p));
  g_object_set (at_b, "title", "Joost na het terugzetten", NULL);
  helder_store_save (b->store, at_b, NULL);
  sync_ok (b);
  g_assert_cmpuint (helder_store_count_conflicts (b->store), ==, 0);
  g_assert_cmpint (helder_store_get_library_version (b->store), ==, version_a);

  /* This desk edits the record again, on its copy from the lost history */
  g_clear_object (&at_a);
  at_a = load (a, helder_record_get_id (p));
  g_object_set (at_a, "title", "Sanne opnieuw", NULL);
  helder_store_save (a->store, at_a, NULL);
  sync_ok (a);
  g_assert_cmpuint (helder_store_count_conflicts (a->store), ==, 1);
  epoch_after = helder_store_get_data_epoch (a->store);
  g_assert_cmpstr (epoch_after, !=, epoch_before);
  g_assert_cmpuint (helder_store_count_outbox (a->store), ==, 0);

  /* The server kept the colleague's edit */
  c = desk_new ("sanne");
  sync_ok (c);
  fresh = load (c, helder_record_get_id (p));
  g_assert_cmpstr (helder_record_get_text (fresh, "title"), ==, "Joost na het terugzetten");
}

/* A desk that last synced before the server forgot some tombstones gets
 * 410, reconciles with the index and ends equal to a fresh desk. */
static void
test_tombstone_horizon (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) b = desk_new ("joost");
  g_autoptr(HelderRecord) keep = make_priority ("Blijft");
  g_autoptr(HelderRecord) gone = make_priority ("Verdwijnt");
  g_autoptr(HelderRecord) gone_a = NULL;
  g_autoptr(HelderRecord) gone_b = NULL;
  g_autofree char *config = g_build_filename (server.dir, "purge.conf", NULL);
  g_autoptr(GError) error = NULL;

  helder_store_save (a->store, keep, NULL);
  helder_store_save (a->store, gone, NULL);
  sync_ok (a);
  sync_ok (b);

  gone_a = load (a, helder_record_get_id (gone));
  helder_store_delete (a->store, gone_a, NULL);
  sync_ok (a);

  /* The server restarts keeping tombstones for 0 days: all forgotten. */
  g_file_set_contents (config, "[server]\ntombstone-days=0\n", -1, NULL);
  stop_server ();
  start_server_with (config);
  /* b has not seen the delete; its next sync meets the horizon. */
  {
    g_autoptr(HelderSyncClient) client = helder_sync_client_new (b->store, server.url);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *token = NULL;

    helder_sync_client_login_async (client, "joost", "geheim-wachtwoord", NULL, store_result, &result);
    g_assert_true (wait_for (&result));
    token = helder_sync_client_login_finish (client, result, &error);
    g_assert_no_error (error);
    helder_sync_client_set_token (client, token);
    g_set_object (&b->client, client);
  }
  sync_ok (b);

  gone_b = load (b, helder_record_get_id (gone));
  g_assert_true (helder_record_get_deleted (gone_b));
  {
    g_autoptr(HelderRecord) still = load (b, helder_record_get_id (keep));
    g_assert_false (helder_record_get_deleted (still));
  }

  /* Back to the normal server for the other tests. */
  stop_server ();
  start_server ();
}

/* The child half of test_killed_while_pulling: a first sync into @path. */
static int
pull_child (const char *path,
            const char *url,
            const char *token)
{
  g_autoptr(HelderStore) store = helder_store_open (path, NULL);
  g_autoptr(HelderSyncClient) client = helder_sync_client_new (store, url);
  g_autoptr(GAsyncResult) result = NULL;

  helder_sync_client_set_token (client, token);
  helder_sync_client_sync_async (client, NULL, store_result, &result);
  wait_for (&result);
  return helder_sync_client_sync_finish (client, result, NULL) ? 0 : 1;
}

static const char *test_binary;

/* A desk killed in the middle of its first sync: whatever it committed
 * holds together (its version never runs ahead of its data), and the next
 * sync finishes the job. */
static void
test_killed_while_pulling (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(Desk) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-killed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *token = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Signaal %u", i);
      HelderRecord *r = helder_record_new (HELDER_TYPE_SIGNAL);

      g_object_set (r, "date", "2026-11-28", "channel", "Webcare", "text", title, NULL);
      g_ptr_array_add (records, r);
    }
  helder_store_save_all (a->store, records, NULL);
  sync_ok (a);

  reference = desk_new ("joost");
  sync_ok (reference);
  {
    g_autoptr(GAsyncResult) result = NULL;

    helder_sync_client_login_async (reference->client, "joost", "geheim-wachtwoord", NULL, store_result, &result);
    g_assert_true (wait_for (&result));
    token = helder_sync_client_login_finish (reference->client, result, &error);
  }

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(HelderStore) killed = NULL;
      g_autoptr(GListModel) mine = NULL;
      g_autoptr(GListModel) theirs = NULL;
      g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gint64 version;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                test_binary, "--pull-child", path, server.url, token, NULL);
      g_assert_no_error (error);
      g_usleep ((40 + 60 * round) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, NULL);

      killed = helder_store_open (path, &error);
      g_assert_no_error (error);
      version = helder_store_get_library_version (killed);
      mine = helder_store_list (killed, HELDER_TYPE_SIGNAL, NULL);
      theirs = helder_store_list (reference->store, HELDER_TYPE_SIGNAL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
        {
          g_autoptr(HelderRecord) r = g_list_model_get_item (mine, i);
          g_hash_table_add (have, g_strdup (helder_record_get_id (r)));
        }
      /* Every record the store claims to have reached is there. */
      for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
        {
          g_autoptr(HelderRecord) r = g_list_model_get_item (theirs, i);

          if (helder_record_get_version (r) <= version)
            g_assert_true (g_hash_table_contains (have, helder_record_get_id (r)));
        }
      g_test_message ("killed after %u ms: version %" G_GINT64_FORMAT ", %u of %u records",
                      40 + 60 * round, version, g_list_model_get_n_items (mine), g_list_model_get_n_items (theirs));
    }

  /* Once more, without a kill: all of it. */
  g_assert_cmpint (pull_child (path, server.url, token), ==, 0);
  {
    g_autoptr(HelderStore) done = helder_store_open (path, NULL);
    g_assert_cmpuint (helder_store_count (done, HELDER_TYPE_SIGNAL), ==, helder_store_count (reference->store, HELDER_TYPE_SIGNAL));
  }
}

/* A desk crashes and its write-ahead log is damaged: its store lost data.
 * Restoring from the server is a full pull into a fresh store that takes
 * the damaged one's place; the changes that were not yet on the server
 * are then only in the kept copy, and still read there. */
static void
test_restore_from_server (void)
{
  g_autoptr(Desk) a = desk_new ("sanne");
  g_autoptr(GPtrArray) synced = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HelderRecord) unsynced = make_priority ("Nog niet op de server");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-restore-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "helder.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(HelderStore) fresh = NULL;
  g_autoptr(HelderStore) restored = NULL;
  g_autoptr(HelderSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Prioriteit %u", i);
      HelderRecord *p = make_priority (title);

      g_assert_true (helder_store_save (a->store, p, NULL));
      g_ptr_array_add (synced, p);
    }
  sync_ok (a);
  /* The sync was a moment that matters: written down. */
  {
    g_auto(HelderStoreFacts) facts = { 0 };

    g_assert_true (helder_store_facts_load (helder_store_get_path (a->store), &facts));
    g_assert_cmpuint (facts.unsynced, ==, 0);
    g_assert_cmpint (facts.library_version, ==, helder_store_get_library_version (a->store));
  }
  g_assert_true (helder_store_save (a->store, unsynced, NULL));

  /* The crash, and 8 KB of noise at the start of the log */
  test_copy_store_files (helder_store_get_path (a->store), path);
  {
    g_autofree char *noise = g_strnfill (8192, 'Z');
    g_autoptr(GFile) file = g_file_new_for_path (wal);
    g_autoptr(GFileIOStream) stream = g_file_open_readwrite (file, NULL, &error);

    g_assert_no_error (error);
    g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)), noise, 8192,
                               NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(HelderStore) refused = helder_store_open (path, &error);

    g_assert_null (refused);
    g_assert_error (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_DATA_LOST);
    g_clear_error (&error);
  }

  /* Restore from the server: a fresh store, its first sync, the swap */
  fresh = helder_store_recovery_begin (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (fresh, "sanne");
  client = helder_sync_client_new (fresh, server.url);
  helder_sync_client_login_async (client, "sanne", "geheim-wachtwoord", NULL, store_result, &result);
  g_assert_true (wait_for (&result));
  token = helder_sync_client_login_finish (client, result, &error);
  g_assert_no_error (error);
  helder_sync_client_set_token (client, token);
  g_clear_object (&result);
  helder_sync_client_sync_async (client, NULL, store_result, &result);
  g_assert_true (wait_for (&result));
  g_assert_true (helder_sync_client_sync_finish (client, result, &error));
  g_assert_no_error (error);
  g_clear_object (&client);
  g_assert_true (helder_store_recovery_finish (fresh, path, &kept, &error));
  g_assert_no_error (error);
  g_test_message ("kept as %s", kept);

  restored = helder_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (helder_store_get_library_version (restored), >=, helder_store_get_library_version (a->store));
  g_assert_cmpuint (helder_store_count_outbox (restored), ==, 0);
  for (guint i = 0; i < synced->len; i++)
    {
      g_autoptr(HelderRecord) back = helder_store_load (restored, HELDER_TYPE_PRIORITY,
                                                        helder_record_get_id (synced->pdata[i]), &error);

      g_assert_no_error (error);
      g_assert_true (helder_record_equal_data (back, synced->pdata[i]));
    }
  g_assert_null (helder_store_load (restored, HELDER_TYPE_PRIORITY, helder_record_get_id (unsynced), NULL));
  g_assert_cmpuint (helder_store_count (restored, HELDER_TYPE_PRIORITY), ==,
                    helder_store_count (a->store, HELDER_TYPE_PRIORITY) - 1);

  /* The change the server never had is in the kept copy, and reads. */
  {
    g_autofree char *scratch = g_build_filename (dir, "scratch.db", NULL);
    g_autoptr(HelderStore) from_copy = helder_store_recovery_begin (scratch, &error);
    g_autoptr(HelderRecord) found = NULL;
    HelderSalvageReport report;

    g_assert_true (helder_store_recovery_salvage (from_copy, kept, &report, &error));
    g_assert_no_error (error);
    found = helder_store_load (from_copy, HELDER_TYPE_PRIORITY, helder_record_get_id (unsynced), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (helder_record_get_text (found, "title"), ==, "Nog niet op de server");
    g_assert_cmpuint (helder_store_count_outbox (from_copy), ==, 1);
    helder_store_recovery_abandon (from_copy);
  }

  /* The restored store syncs on as any other. */
  g_clear_object (&a->store);
  a->store = g_steal_pointer (&restored);
  desk_connect (a, "sanne");
  sync_ok (a);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    g_clear_object (&a->client);
    g_clear_object (&a->store);
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

static void
test_backoff (void)
{
  g_assert_cmpuint (helder_sync_backoff_seconds (0, 0.999), ==, 1);
  g_assert_cmpuint (helder_sync_backoff_seconds (0, 0.0), ==, 1);
  g_assert_cmpuint (helder_sync_backoff_seconds (3, 0.999), ==, 15);
  g_assert_cmpuint (helder_sync_backoff_seconds (3, 0.0), ==, 8);
  g_assert_cmpuint (helder_sync_backoff_seconds (20, 0.999), <=, 600);
  g_assert_cmpuint (helder_sync_backoff_seconds (20, 0.0), ==, 300);
}

/* What the header bar says, decided without a window. */
static void
test_status_words (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 28, 14, 5, 0);
  g_auto(HelderSyncStatus) none = { 0 };
  g_auto(HelderSyncStatus) fine = { 0 };
  g_auto(HelderSyncStatus) broken = { 0 };
  g_auto(HelderSyncStatus) attention = { 0 };

  helder_sync_status_describe (&none, FALSE, HELDER_SYNC_STATE_OFFLINE, NULL, NULL, 0);
  g_assert_cmpstr (none.label, ==, "Offline");
  g_assert_false (none.show_retry);

  helder_sync_status_describe (&fine, TRUE, HELDER_SYNC_STATE_UP_TO_DATE, at, NULL, 0);
  g_assert_cmpstr (fine.label, ==, "Up to date (14:05)");
  g_assert_cmpstr (fine.icon_name, ==, "emblem-ok-symbolic");

  helder_sync_status_describe (&broken, TRUE, HELDER_SYNC_STATE_ERROR, at, "The server answered 503", 0);
  g_assert_cmpstr (broken.detail, ==, "The server answered 503");
  g_assert_true (broken.show_retry);

  helder_sync_status_describe (&attention, TRUE, HELDER_SYNC_STATE_UP_TO_DATE, at, NULL, 2);
  g_assert_nonnull (strstr (attention.detail, "2 changes need your attention."));
  g_assert_cmpstr (attention.icon_name, ==, "dialog-warning-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (argc == 5 && g_str_equal (argv[1], "--pull-child"))
    return pull_child (argv[2], argv[3], argv[4]);
  test_binary = argv[0];

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  helder_server = g_getenv ("HELDER_SERVER");
  g_assert_nonnull (helder_server);
  server.dir = g_dir_make_tmp ("helder-server-XXXXXX", &error);
  {
    /* Under with-postgres.sh every server of this run shares one fresh
     * database, as they share one data directory otherwise. */
    g_autofree char *database = test_database_create ();

    if (database != NULL)
      g_setenv ("HELDER_SERVER_DATABASE", database, TRUE);
  }
  g_assert_no_error (error);
  test_admin (server.dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  test_admin (server.dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "sanne", NULL);
  test_admin (server.dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "joost", NULL);
  test_admin (server.dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "staff",
              "--password-stdin", "fatima", NULL);
  start_server ();

  g_test_add_func ("/sync/round-trip", test_round_trip);
  g_test_add_func ("/sync/merge-and-conflict", test_merge_and_conflict);
  g_test_add_func ("/sync/delete-against-edit", test_delete_against_edit);
  g_test_add_func ("/sync/staff-rejected", test_staff_rejected);
  g_test_add_func ("/sync/large-texts", test_large_texts);
  g_test_add_func ("/sync/lost-answer", test_lost_answer_retry);
  g_test_add_func ("/sync/server-down", test_server_down);
  g_test_add_func ("/sync/server-restored", test_server_restored);
  g_test_add_func ("/sync/restore-epoch", test_restore_epoch);
  g_test_add_func ("/sync/backoff", test_backoff);
  g_test_add_func ("/sync/tombstone-horizon", test_tombstone_horizon);
  g_test_add_func ("/sync/killed-while-pulling", test_killed_while_pulling);
  g_test_add_func ("/sync/restore-from-server", test_restore_from_server);
  g_test_add_func ("/sync/status-words", test_status_words);

  status = g_test_run ();
  stop_server ();
  return status;
}
