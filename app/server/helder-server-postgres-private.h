/* helder-server-postgres-private.h: the PostgreSQL storage's connection, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "helder-server-postgres.h"

G_BEGIN_DECLS

#define CHANNEL        "helder_versions"

typedef enum
{
  ST_CREATE_ORG,
  ST_ADD_USER,
  ST_REVOKE_TOKENS,
  ST_SET_PASSWORD,
  ST_FIND_LOGIN,
  ST_ADD_TOKEN,
  ST_FIND_TOKEN,
  ST_ORG_VERSION,
  ST_LOCK_ORG,
  ST_SET_VERSION,
  ST_NOTIFY,
  ST_GET_RECORD,
  ST_PUT_RECORD,
  ST_CHANGES,
  ST_INDEX,
  ST_GET_IDEMPOTENT,
  ST_PUT_IDEMPOTENT,
  ST_MOVE_HORIZON,
  ST_PURGE_TOMBSTONES,
  ST_PURGE_IDEMPOTENT,
  ST_SCOPE,
  ST_RECORD_OWNER,
  ST_EPOCH,
  ST_ORGS,
  N_STATEMENTS
} Statement;

struct _HelderServerPostgres
{
  GObject   parent_instance;

  char     *conninfo;
  PGconn   *conn;
  gboolean  in_transaction;
  gboolean  prepared;         /* the statements exist on this connection */
  gint64    scope;            /* the connection's helder.org; 0: unknown */

  PGconn   *listener;        /* LISTEN helder_versions */
  guint     listener_watch;
  guint     listener_retry;
};

#define INT_TEXT(buffer, value) (g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64) (value)), buffer)

/* helder-server-postgres.c */
gboolean  helder_pg_result_error     (GError               **error,
                                      PGresult              *result,
                                      PGconn                *conn,
                                      const char            *what);
gboolean  helder_pg_exec_simple      (PGconn                *conn,
                                      const char            *sql,
                                      GError               **error);
gboolean  helder_pg_ensure_connected (HelderServerPostgres  *self,
                                      GError               **error);
PGresult *helder_pg_run_for          (HelderServerPostgres  *self,
                                      gint64                 org,
                                      Statement              which,
                                      int                    n,
                                      const char * const    *values,
                                      GError               **error);
PGresult *helder_pg_run              (HelderServerPostgres  *self,
                                      Statement              which,
                                      int                    n,
                                      const char * const    *values,
                                      GError               **error);
gboolean  helder_pg_run_done_for     (HelderServerPostgres  *self,
                                      gint64                 org,
                                      Statement              which,
                                      int                    n,
                                      const char * const    *values,
                                      gint                  *changed,
                                      GError               **error);
gboolean  helder_pg_run_done         (HelderServerPostgres  *self,
                                      Statement              which,
                                      int                    n,
                                      const char * const    *values,
                                      gint                  *changed,
                                      GError               **error);

/* helder-server-postgres-storage.c */
void      helder_server_postgres_storage_iface_init (HelderServerStorageInterface *iface);

G_END_DECLS
