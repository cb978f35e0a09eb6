/* test-convergence.c: three desks, random edits, lost messages, a crash
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-convergence [--seeds N] [--first S]
 *
 * For each seed: three desktops make seeded random edits, online and
 * offline; requests and answers are lost at random (a lost answer makes
 * the client send the same batch again: a duplicate); the server is killed
 * and restarted once.  At the end every desk resolves what needs attention,
 * syncs, and must hold exactly what a fresh desk pulls from the server.
 * A failing seed is printed, so it can be run again on its own.
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "store/helder-store-sync.h"
#include "sync/helder-sync-client.h"

#include "test-util.h"

#define N_DESKS 3
#define N_STEPS 80

static const char *helder_server;
static char *server_dir;
static GSubprocess *server;
static char *url;
static char *tokens[N_DESKS];
static const char *logins[N_DESKS] = { "sanne", "joost", "mark" };

static void
start_server (void)
{
  g_free (url);
  server = test_server_start (server_dir, &url);
}

static void
kill_server (void)
{
  g_subprocess_send_signal (server, SIGKILL);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);
}

static void
got (GObject      *source,
     GAsyncResult *result,
     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  char             *dir;
  HelderStore      *store;
  HelderSyncClient *client;
  gboolean          online;
  guint             index;
} Desk;

static void
desk_connect (Desk    *desk,
              double   drop_rate,
              guint32  seed)
{
  g_clear_object (&desk->client);
  desk->client = helder_sync_client_new (desk->store, url);
  helder_sync_client_set_token (desk->client, tokens[desk->index]);
  helder_sync_client_set_faults (desk->client, drop_rate, seed);
}

static gboolean
desk_sync (Desk *desk)
{
  g_autoptr(GAsyncResult) result = NULL;

  helder_sync_client_sync_async (desk->client, NULL, got, &result);
  wait_for (&result);
  return helder_sync_client_sync_finish (desk->client, result, NULL);
}

static Desk *
desk_new (guint index)
{
  Desk *desk = g_new0 (Desk, 1);
  g_autofree char *path = NULL;

  desk->dir = g_dir_make_tmp ("helder-conv-XXXXXX", NULL);
  path = g_build_filename (desk->dir, "helder.db", NULL);
  desk->store = helder_store_open (path, NULL);
  g_assert_nonnull (desk->store);
  desk->index = index;
  desk->online = TRUE;
  helder_store_set_user (desk->store, logins[index]);
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

/* id → data (with the deleted flag), for comparing desks */
static GHashTable *
snapshot (Desk *desk)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) list = helder_store_list (desk->store, HELDER_TYPE_PRIORITY, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HelderRecord) r = g_list_model_get_item (list, i);
      g_autoptr(JsonObject) data = helder_record_to_json_data (r);
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), data);

      g_hash_table_insert (table, g_strdup (helder_record_get_id (r)), json_to_string (node, FALSE));
    }
  return table;
}

static gboolean
same_snapshot (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static HelderRecord *
random_record (Desk  *desk,
               GRand *rand)
{
  g_autoptr(GListModel) list = helder_store_list (desk->store, HELDER_TYPE_PRIORITY, NULL);
  guint n = g_list_model_get_n_items (list);

  return n ? g_list_model_get_item (list, g_rand_int_range (rand, 0, n)) : NULL;
}

static gboolean
run_seed (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Desk *desks[N_DESKS];
  Desk *fresh;
  static const char *themes[] = { "Wonen", "Energie", "Zorg", "Veiligheid", "Dienstverlening" };
  gboolean ok = TRUE;

  for (guint i = 0; i < N_DESKS; i++)
    {
      desks[i] = desk_new (i);
      desk_connect (desks[i], 0.3, seed * 7 + i);
    }

  for (guint step = 0; step < N_STEPS; step++)
    {
      Desk *d = desks[g_rand_int_range (rand, 0, N_DESKS)];
      double r = g_rand_double (rand);

      if (step == N_STEPS / 2)
        {
          /* The server crashes and comes back (on another port). */
          kill_server ();
          start_server ();
          for (guint i = 0; i < N_DESKS; i++)
            desk_connect (desks[i], 0.3, seed * 13 + i + step);
        }

      if (r < 0.25)
        {
          g_autoptr(HelderRecord) p = helder_record_new (HELDER_TYPE_PRIORITY);
          g_autofree char *title = g_strdup_printf ("Prioriteit %u-%u", seed, step);

          g_object_set (p, "title", title, "rank", g_rand_int_range (rand, 0, 100),
                        "theme", themes[g_rand_int_range (rand, 0, 5)], NULL);
          helder_store_save (d->store, p, NULL);
        }
      else if (r < 0.55)
        {
          g_autoptr(HelderRecord) p = random_record (d, rand);

          if (p != NULL)
            {
              switch (g_rand_int_range (rand, 0, 3))
                {
                case 0:
                  {
                    g_autofree char *title = g_strdup_printf ("Bewerkt %u-%u", seed, step);
                    g_object_set (p, "title", title, NULL);
                  }
                  break;
                case 1:
                  g_object_set (p, "theme", themes[g_rand_int_range (rand, 0, 5)], NULL);
                  break;
                default:
                  g_object_set (p, "rank", g_rand_int_range (rand, 0, 100), NULL);
                  break;
                }
              helder_store_save (d->store, p, NULL);
            }
        }
      else if (r < 0.62)
        {
          g_autoptr(HelderRecord) p = random_record (d, rand);

          if (p != NULL)
            helder_store_delete (d->store, p, NULL);
        }
      else if (r < 0.72)
        d->online = !d->online;
      else if (d->online)
        desk_sync (d);
    }

  /* Calm: no more faults, everyone online, conflicts resolved. */
  for (guint i = 0; i < N_DESKS; i++)
    helder_sync_client_set_faults (desks[i]->client, 0, 0);
  for (guint round = 0; round < 6; round++)
    for (guint i = 0; i < N_DESKS; i++)
      {
        g_autoptr(JsonArray) conflicts = helder_store_list_conflicts (desks[i]->store);

        for (guint c = 0; c < json_array_get_length (conflicts); c++)
          helder_store_resolve_conflict (desks[i]->store,
                                         json_object_get_string_member (json_array_get_object_element (conflicts, c), "id"),
                                         HELDER_KEEP_THEIRS, NULL);
        if (!desk_sync (desks[i]))
          {
            g_printerr ("seed %u: a sync failed when all was calm\n", seed);
            ok = FALSE;
          }
      }

  /* Every desk equals what a fresh desk pulls from the server. */
  fresh = desk_new (0);
  desk_connect (fresh, 0, 0);
  desk_sync (fresh);
  {
    g_autoptr(GHashTable) truth = snapshot (fresh);

    for (guint i = 0; i < N_DESKS && ok; i++)
      {
        g_autoptr(GHashTable) mine = snapshot (desks[i]);

        if (helder_store_count_outbox (desks[i]->store) != 0 || helder_store_count_conflicts (desks[i]->store) != 0)
          {
            g_printerr ("seed %u: desk %u still has %u to push and %u conflicts\n", seed, i,
                        helder_store_count_outbox (desks[i]->store), helder_store_count_conflicts (desks[i]->store));
            ok = FALSE;
          }
        else if (!same_snapshot (mine, truth))
          {
            g_printerr ("seed %u: desk %u holds %u records, the server %u, and they differ\n", seed, i,
                        g_hash_table_size (mine), g_hash_table_size (truth));
            ok = FALSE;
          }
        else if (helder_store_get_library_version (desks[i]->store) != helder_store_get_library_version (fresh->store))
          {
            g_printerr ("seed %u: desk %u is at version %" G_GINT64_FORMAT ", the server at %" G_GINT64_FORMAT "\n",
                        seed, i, helder_store_get_library_version (desks[i]->store),
                        helder_store_get_library_version (fresh->store));
            ok = FALSE;
          }
      }
  }

  desk_free (fresh);
  for (guint i = 0; i < N_DESKS; i++)
    desk_free (desks[i]);
  return ok;
}

static guint n_seeds = 20;
static guint first_seed = 1;

static void
test_convergence (void)
{
  guint failed = 0;

  for (guint s = first_seed; s < first_seed + n_seeds; s++)
    if (!run_seed (s))
      {
        g_printerr ("FAILED seed %u (run it alone: test-convergence --first %u --seeds 1)\n", s, s);
        failed++;
      }
  g_test_message ("%u seeds, %u failed", n_seeds, failed);
  g_assert_cmpuint (failed, ==, 0);
}

static void
login_all (void)
{
  for (guint i = 0; i < N_DESKS; i++)
    {
      g_autoptr(HelderStore) scratch = NULL;
      g_autoptr(HelderSyncClient) client = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *dir = g_dir_make_tmp ("helder-login-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "helder.db", NULL);

      scratch = helder_store_open (path, NULL);
      client = helder_sync_client_new (scratch, url);
      helder_sync_client_login_async (client, logins[i], "geheim-wachtwoord", NULL, got, &result);
      wait_for (&result);
      tokens[i] = helder_sync_client_login_finish (client, result, NULL);
      g_assert_nonnull (tokens[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "seeds", 0, 0, G_OPTION_ARG_INT, &n_seeds, "How many seeds", "N" },
    { "first", 0, 0, G_OPTION_ARG_INT, &first_seed, "The first seed", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int status;

  g_test_init (&argc, &argv, NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_parse (context, &argc, &argv, NULL);

  helder_server = g_getenv ("HELDER_SERVER");
  g_assert_nonnull (helder_server);
  server_dir = g_dir_make_tmp ("helder-conv-server-XXXXXX", NULL);
  {
    /* Under with-postgres.sh every server of this run shares one fresh
     * database, as they share one data directory otherwise. */
    g_autofree char *database = test_database_create ();

    if (database != NULL)
      g_setenv ("HELDER_SERVER_DATABASE", database, TRUE);
  }
  test_admin (server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  for (guint i = 0; i < N_DESKS; i++)
    test_admin (server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
                "--password-stdin", logins[i], NULL);
  start_server ();
  login_all ();

  g_test_add_func ("/sync/convergence", test_convergence);
  status = g_test_run ();
  kill_server ();
  return status;
}
