/* helder-server-postgres-storage.c: the storage interface on PostgreSQL: users, tokens, records
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server-postgres"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-server-postgres-private.h"

static gboolean
pg_begin (HelderServerStorage  *storage,
          GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);

  if (!helder_pg_ensure_connected (self, error))
    return FALSE;
  if (!helder_pg_exec_simple (self->conn, "BEGIN", error))
    {
      /* A connection that dropped since the last request: once more. */
      if (PQstatus (self->conn) != CONNECTION_BAD)
        return FALSE;
      g_clear_error (error);
      if (!helder_pg_ensure_connected (self, error) || !helder_pg_exec_simple (self->conn, "BEGIN", error))
        return FALSE;
    }
  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
pg_commit (HelderServerStorage  *storage,
           GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  PGresult *result = PQexec (self->conn, "COMMIT");
  /* A COMMIT of a failed transaction answers "ROLLBACK": not a success. */
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK && g_strcmp0 (PQcmdStatus (result), "COMMIT") == 0;

  if (!ok)
    {
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED,
                             "COMMIT: the transaction had failed and was rolled back");
      else
        helder_pg_result_error (error, result, self->conn, "COMMIT");
    }
  PQclear (result);
  self->in_transaction = FALSE;
  if (!ok)
    self->scope = 0;   /* rolled back, with the setting made in it */
  return ok;
}

static void
pg_rollback (HelderServerStorage *storage)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);

  if (PQstatus (self->conn) == CONNECTION_OK)
    helder_pg_exec_simple (self->conn, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  self->scope = 0;   /* a setting made in the transaction goes with it */
}

static gboolean
pg_create_org (HelderServerStorage  *storage,
               const char           *slug,
               const char           *name,
               GError              **error)
{
  const char *values[] = { slug, name };

  return helder_pg_run_done (HELDER_SERVER_POSTGRES (storage), ST_CREATE_ORG, 2, values, NULL, error);
}

static gboolean
pg_add_user (HelderServerStorage  *storage,
             const char           *org_slug,
             const char           *login,
             const char           *role,
             const char           *password_hash,
             GError              **error)
{
  const char *values[] = { org_slug, login, role, password_hash };
  gint added = 0;

  if (!helder_pg_run_done (HELDER_SERVER_POSTGRES (storage), ST_ADD_USER, 4, values, &added, error))
    return FALSE;
  if (added == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No organisation %s", org_slug);
      return FALSE;
    }
  return TRUE;
}

static gint
pg_revoke_tokens (HelderServerStorage  *storage,
                  const char           *login,
                  GError              **error)
{
  const char *values[] = { login };
  gint revoked = 0;

  if (!helder_pg_run_done (HELDER_SERVER_POSTGRES (storage), ST_REVOKE_TOKENS, 1, values, &revoked, error))
    return -1;
  return revoked;
}

static gboolean
pg_set_password (HelderServerStorage  *storage,
                 const char           *login,
                 const char           *password_hash,
                 GError              **error)
{
  const char *values[] = { login, password_hash };
  gint changed = 0;

  if (!helder_pg_run_done (HELDER_SERVER_POSTGRES (storage), ST_SET_PASSWORD, 2, values, &changed, error))
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
      return FALSE;
    }
  return TRUE;
}

static void
read_user (PGresult         *result,
           HelderServerUser *user)
{
  user->id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  user->org_id = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  user->login = g_strdup (PQgetvalue (result, 0, 2));
  user->role = g_strdup (PQgetvalue (result, 0, 3));
  user->org_slug = g_strdup (PQgetvalue (result, 0, 4));
}

static gboolean
pg_find_login (HelderServerStorage  *storage,
               const char           *login,
               HelderServerUser     *user,
               char                **password_hash,
               GError              **error)
{
  const char *values[] = { login };
  PGresult *result = helder_pg_run (HELDER_SERVER_POSTGRES (storage), ST_FIND_LOGIN, 1, values, error);
  gboolean found;

  if (result == NULL)
    return FALSE;
  found = PQntuples (result) > 0;
  if (found)
    {
      read_user (result, user);
      *password_hash = g_strdup (PQgetvalue (result, 0, 5));
    }
  else
    g_set_error (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "No user %s", login);
  PQclear (result);
  return found;
}

static gboolean
pg_add_token (HelderServerStorage  *storage,
              gint64                user_id,
              const char           *token_hash,
              GError              **error)
{
  char id[32];
  const char *values[] = { token_hash, INT_TEXT (id, user_id) };

  return helder_pg_run_done (HELDER_SERVER_POSTGRES (storage), ST_ADD_TOKEN, 2, values, NULL, error);
}

static gboolean
pg_find_token (HelderServerStorage  *storage,
               const char           *token_hash,
               HelderServerUser     *user,
               GError              **error)
{
  const char *values[] = { token_hash };
  PGresult *result = helder_pg_run (HELDER_SERVER_POSTGRES (storage), ST_FIND_TOKEN, 1, values, error);
  gboolean found;

  /* Looked up by the token's SHA-256, as in the SQLite backend. */
  if (result == NULL)
    return FALSE;
  found = PQntuples (result) > 0;
  if (found)
    {
      read_user (result, user);
      user->org_version = g_ascii_strtoll (PQgetvalue (result, 0, 5), NULL, 10);
      user->org_horizon = g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10);
      user->org_restored = g_ascii_strtoll (PQgetvalue (result, 0, 7), NULL, 10);
      user->epoch = g_strdup (PQgetvalue (result, 0, 8));
    }
  else
    g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_NOT_FOUND, "Unknown token");
  PQclear (result);
  return found;
}

/* In a push, the organisation's row stays locked until commit. */
static gint64
read_org_version (HelderServerPostgres  *self,
                  gint64                 org_id,
                  gint64                *horizon,
                  GError               **error)
{
  char id[32];
  const char *values[] = { INT_TEXT (id, org_id) };
  PGresult *result = helder_pg_run (self, self->in_transaction ? ST_LOCK_ORG : ST_ORG_VERSION, 1, values, error);
  gint64 version = 0;

  if (result == NULL)
    return -1;
  if (PQntuples (result) > 0)
    {
      version = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      if (horizon != NULL)
        *horizon = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
    }
  PQclear (result);
  return version;
}

static gint64
pg_get_org_version (HelderServerStorage  *storage,
                    gint64                org_id,
                    gint64               *horizon,
                    GError              **error)
{
  return read_org_version (HELDER_SERVER_POSTGRES (storage), org_id, horizon, error);
}

static gboolean
pg_set_org_version (HelderServerStorage  *storage,
                    gint64                org_id,
                    gint64                version,
                    GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char id[32], number[32];
  const char *values[] = { INT_TEXT (id, org_id), INT_TEXT (number, version) };
  g_autofree char *payload = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, org_id, version);
  const char *notify[] = { payload };

  /* The notification goes out when (and only if) the push commits. */
  return helder_pg_run_done (self, ST_SET_VERSION, 2, values, NULL, error) &&
         helder_pg_run_done (self, ST_NOTIFY, 1, notify, NULL, error);
}

static const char *
value_or_null (PGresult *result,
               int       row,
               int       column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

static JsonObject *
read_row (PGresult *result,
          int       i)
{
  const char *owner = value_or_null (result, i, 5);

  return helder_server_row_new (PQgetvalue (result, i, 0),
                                PQgetvalue (result, i, 1),
                                g_ascii_strtoll (PQgetvalue (result, i, 2), NULL, 10),
                                PQgetvalue (result, i, 3)[0] == 't',
                                PQgetvalue (result, i, 4),
                                owner ? g_ascii_strtoll (owner, NULL, 10) : 0,
                                value_or_null (result, i, 6),
                                value_or_null (result, i, 7),
                                PQgetvalue (result, i, 8),
                                PQgetvalue (result, i, 9));
}

static JsonObject *
pg_get_record (HelderServerStorage  *storage,
               gint64                org_id,
               const char           *id,
               gboolean             *elsewhere,
               GError              **error)
{
  const char *values[] = { id };
  PGresult *result;
  JsonObject *row = NULL;

  *elsewhere = FALSE;
  result = helder_pg_run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_GET_RECORD, 1, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0 && g_ascii_strtoll (PQgetvalue (result, 0, 10), NULL, 10) == org_id)
    row = read_row (result, 0);
  PQclear (result);
  if (row != NULL)
    return row;
  /* Row-level security hides another organisation's record: whether the
   * id is taken there is in record_owners. */
  result = helder_pg_run (HELDER_SERVER_POSTGRES (storage), ST_RECORD_OWNER, 1, values, error);
  if (result == NULL)
    return NULL;
  *elsewhere = PQntuples (result) > 0 && g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) != org_id;
  PQclear (result);
  return NULL;
}

static gboolean
pg_put_record (HelderServerStorage  *storage,
               gint64                org_id,
               JsonObject           *row,
               GError              **error)
{
  g_autofree char *data_text = NULL;
  g_autofree char *versions_text = NULL;
  g_autofree char *wire = NULL;
  char org[32], version[32], owner[32];
  const char *values[12];

  helder_server_row_texts (row, &data_text, &versions_text, &wire);
  values[0] = INT_TEXT (org, org_id);
  values[1] = json_object_get_string_member (row, "id");
  values[2] = json_object_get_string_member (row, "type");
  values[3] = INT_TEXT (version, json_object_get_int_member (row, "version"));
  values[4] = json_object_get_boolean_member (row, "deleted") ? "true" : "false";
  values[5] = json_object_get_string_member (row, "visibility");
  values[6] = INT_TEXT (owner, json_object_get_int_member (row, "owner"));
  values[7] = json_object_get_string_member_with_default (row, "updated_by", NULL);
  values[8] = json_object_get_string_member_with_default (row, "updated_at", NULL);
  values[9] = data_text;
  values[10] = versions_text;
  values[11] = wire;
  return helder_pg_run_done_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_PUT_RECORD, G_N_ELEMENTS (values), values,
                                 NULL, error);
}

static gboolean
pg_changes (HelderServerStorage  *storage,
            gint64                org_id,
            gint64                user_id,
            gint64                since,
            guint                 limit,
            HelderServerPage     *page,
            GError              **error)
{
  char org[32], from[32], user[32], count[32];
  const char *values[] = { INT_TEXT (org, org_id), INT_TEXT (from, since), INT_TEXT (user, user_id),
                           INT_TEXT (count, limit) };
  PGresult *result = helder_pg_run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_CHANGES, 4, values, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    helder_server_page_add (page, g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
                            PQgetvalue (result, i, 1), PQgetlength (result, i, 1));
  PQclear (result);
  return TRUE;
}

static JsonObject *
pg_index (HelderServerStorage  *storage,
          gint64                org_id,
          gint64                user_id,
          GError              **error)
{
  char org[32], user[32];
  const char *values[] = { INT_TEXT (org, org_id), INT_TEXT (user, user_id) };
  PGresult *result = helder_pg_run_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_INDEX, 2, values, error);
  JsonObject *index;

  if (result == NULL)
    return NULL;
  index = json_object_new ();
  for (int i = 0; i < PQntuples (result); i++)
    json_object_set_int_member (index, PQgetvalue (result, i, 0),
                                g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10));
  PQclear (result);
  return index;
}

static char *
pg_get_idempotent (HelderServerStorage  *storage,
                   gint64                org_id,
                   const char           *key,
                   char                **body_hash,
                   GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char org[32];
  const char *values[] = { INT_TEXT (org, org_id), key };
  PGresult *result;
  char *response = NULL;

  /* A push takes its organisation's lock first: the same batch arriving
   * at two instances at once is applied by one and answered from the
   * stored response by the other. */
  if (self->in_transaction && read_org_version (self, org_id, NULL, error) < 0)
    return NULL;
  result = helder_pg_run_for (self, org_id, ST_GET_IDEMPOTENT, 2, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0)
    {
      response = g_strdup (PQgetvalue (result, 0, 0));
      *body_hash = g_strdup (PQgetvalue (result, 0, 1));
    }
  PQclear (result);
  return response;
}

static gboolean
pg_put_idempotent (HelderServerStorage  *storage,
                   gint64                org_id,
                   const char           *key,
                   const char           *body_hash,
                   const char           *response,
                   GError              **error)
{
  char org[32];
  const char *values[] = { INT_TEXT (org, org_id), key, body_hash, response };

  return helder_pg_run_done_for (HELDER_SERVER_POSTGRES (storage), org_id, ST_PUT_IDEMPOTENT, 4, values, NULL, error);
}

/* The organisations, for maintenance that row-level security makes go
 * through them one by one; NULL on error. */
static GArray *
org_ids (HelderServerPostgres  *self,
         GError               **error)
{
  PGresult *result = helder_pg_run (self, ST_ORGS, 0, NULL, error);
  GArray *ids;

  if (result == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  PQclear (result);
  return ids;
}

static gint
pg_purge_tombstones (HelderServerStorage  *storage,
                     gint64                older_than_seconds,
                     GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(gdouble) older_than_seconds);
  g_autofree char *cutoff_text = g_date_time_format_iso8601 (cutoff);
  const char *values[] = { cutoff_text };
  g_autoptr(GArray) orgs = org_ids (self, error);
  gint purged = 0;

  if (orgs == NULL || !pg_begin (storage, error))
    return -1;
  for (guint i = 0; i < orgs->len; i++)
    {
      gint64 org = g_array_index (orgs, gint64, i);
      gint n = 0;

      if (!helder_pg_run_done_for (self, org, ST_MOVE_HORIZON, 1, values, NULL, error) ||
          !helder_pg_run_done_for (self, org, ST_PURGE_TOMBSTONES, 1, values, &n, error))
        {
          pg_rollback (storage);
          return -1;
        }
      purged += n;
    }
  if (!pg_commit (storage, error))
    {
      pg_rollback (storage);
      return -1;
    }
  return purged;
}

static gint
pg_purge_idempotent (HelderServerStorage  *storage,
                     gint64                older_than_seconds,
                     GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  char seconds[32];
  const char *values[] = { INT_TEXT (seconds, older_than_seconds) };
  g_autoptr(GArray) orgs = org_ids (self, error);
  gint purged = 0;

  if (orgs == NULL)
    return -1;
  for (guint i = 0; i < orgs->len; i++)
    {
      gint n = 0;

      if (!helder_pg_run_done_for (self, g_array_index (orgs, gint64, i), ST_PURGE_IDEMPOTENT, 1, values, &n, error))
        return -1;
      purged += n;
    }
  return purged;
}

static char *
pg_get_epoch (HelderServerStorage  *storage,
              GError              **error)
{
  PGresult *result = helder_pg_run (HELDER_SERVER_POSTGRES (storage), ST_EPOCH, 0, NULL, error);
  char *epoch = NULL;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) > 0)
    epoch = g_strdup (PQgetvalue (result, 0, 0));
  else
    g_set_error_literal (error, HELDER_SERVER_ERROR, HELDER_SERVER_ERROR_FAILED, "The database has no data epoch");
  PQclear (result);
  return epoch;
}

/* After the database was restored (pg_restore): a new epoch, each
 * organisation's restore point, and word to every running instance. */
static gboolean
pg_mark_restored (HelderServerStorage  *storage,
                  GError              **error)
{
  HelderServerPostgres *self = HELDER_SERVER_POSTGRES (storage);
  g_autofree char *epoch = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf ("UPDATE orgs SET restored = version; "
                                          "UPDATE helder_meta SET value = '%s' WHERE key = 'epoch'; "
                                          "NOTIFY " CHANNEL ", 'epoch %s'", epoch, epoch);

  if (!pg_begin (storage, error))
    return FALSE;
  if (!helder_pg_exec_simple (self->conn, sql, error) || !pg_commit (storage, error))
    {
      pg_rollback (storage);
      return FALSE;
    }
  return TRUE;
}

void
helder_server_postgres_storage_iface_init (HelderServerStorageInterface *iface)
{
  iface->begin = pg_begin;
  iface->commit = pg_commit;
  iface->rollback = pg_rollback;
  iface->create_org = pg_create_org;
  iface->add_user = pg_add_user;
  iface->revoke_tokens = pg_revoke_tokens;
  iface->set_password = pg_set_password;
  iface->find_login = pg_find_login;
  iface->add_token = pg_add_token;
  iface->find_token = pg_find_token;
  iface->get_org_version = pg_get_org_version;
  iface->set_org_version = pg_set_org_version;
  iface->get_record = pg_get_record;
  iface->put_record = pg_put_record;
  iface->changes = pg_changes;
  iface->index = pg_index;
  iface->get_idempotent = pg_get_idempotent;
  iface->put_idempotent = pg_put_idempotent;
  iface->purge_tombstones = pg_purge_tombstones;
  iface->purge_idempotent = pg_purge_idempotent;
  iface->get_epoch = pg_get_epoch;
  iface->mark_restored = pg_mark_restored;
}
