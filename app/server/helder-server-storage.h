/* helder-server-storage.h: where helder-server keeps its data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The server's logic (auth, merge, paging) works on this interface; the
 * embedded SQLite backend implements it for one process, the PostgreSQL
 * backend for several stateless server instances on one database.
 *
 * A push is begin, get_idempotent, get_org_version, records,
 * set_org_version, put_idempotent, commit: from get_idempotent on, a
 * backend holds the organisation's write lock until commit or rollback,
 * so two pushes never take the same version.  "version-changed"
 * (org_id, version) says another instance committed a push; the SQLite
 * backend, alone with its file, never emits it.
 *
 * A lookup that finds nothing fails with HELDER_SERVER_ERROR_NOT_FOUND;
 * any other error means the storage could not answer (the server says
 * 503, retry), and get_org_version returns -1 for it.
 *
 * A record row is a JsonObject:
 *   {id, type, version, deleted, visibility, owner, updated_by,
 *    updated_at, data: {...}, field_versions: {field: version}}
 * Next to it a backend keeps the record's wire JSON as text (written by
 * put_record from helder_server_row_texts): changes returns that text,
 * which the server splices into a page without parsing it.
 *
 * The data epoch is a random name the data gets when it is created and
 * again when it is restored from a backup (mark_restored); every answer
 * carries it, so a client notices a restore even when the versions went
 * on past its own.  mark_restored also keeps each organisation's version
 * at the restore ("restored"): versions above it were issued twice, once
 * in the lost history and once after the restore. */

/* Records for a page of changes, as wire JSON text: the backend appends
 * each record's text and a comma to @text (which may already hold the
 * start of the answer), and its version and where its text ends to the
 * arrays.  The page is cut after record k by truncating @text to ends[k]. */
typedef struct
{
  GString *text;
  gsize    start;      /* where the first record goes */
  GArray  *versions;   /* gint64 */
  GArray  *ends;       /* gsize */
} HelderServerPage;

void helder_server_page_init  (HelderServerPage *page,
                               GString          *text);
void helder_server_page_clear (HelderServerPage *page);
void helder_server_page_add   (HelderServerPage *page,
                               gint64            version,
                               const char       *wire,
                               gsize             length);
void helder_server_page_cut   (HelderServerPage *page,
                               guint             n);

typedef struct
{
  gint64  id;
  gint64  org_id;
  char   *login;
  char   *role;       /* admin | advisor | staff */
  char   *org_slug;
  /* Read with the user by find_token, in the same statement: a changes
   * request with nothing new costs one lookup. */
  gint64  org_version;
  gint64  org_horizon;
  gint64  org_restored;   /* the version at the last restore, 0: none */
  char   *epoch;          /* the data epoch */
} HelderServerUser;

void helder_server_user_clear (HelderServerUser *user);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderServerUser, helder_server_user_clear)

#define HELDER_TYPE_SERVER_STORAGE (helder_server_storage_get_type ())

G_DECLARE_INTERFACE (HelderServerStorage, helder_server_storage, HELDER, SERVER_STORAGE, GObject)

struct _HelderServerStorageInterface
{
  GTypeInterface parent_iface;

  gboolean    (*begin)            (HelderServerStorage *self, GError **error);
  gboolean    (*commit)           (HelderServerStorage *self, GError **error);
  void        (*rollback)         (HelderServerStorage *self);

  gboolean    (*create_org)       (HelderServerStorage *self, const char *slug, const char *name, GError **error);
  gboolean    (*add_user)         (HelderServerStorage *self, const char *org_slug, const char *login,
                                   const char *role, const char *password_hash, GError **error);
  gint        (*revoke_tokens)    (HelderServerStorage *self, const char *login, GError **error);
  gboolean    (*set_password)     (HelderServerStorage *self, const char *login, const char *password_hash,
                                   GError **error);
  gboolean    (*find_login)       (HelderServerStorage *self, const char *login, HelderServerUser *user,
                                   char **password_hash, GError **error);
  gboolean    (*add_token)        (HelderServerStorage *self, gint64 user_id, const char *token_hash, GError **error);
  gboolean    (*find_token)       (HelderServerStorage *self, const char *token_hash, HelderServerUser *user,
                                   GError **error);

  gint64      (*get_org_version)  (HelderServerStorage *self, gint64 org_id, gint64 *horizon, GError **error);
  gboolean    (*set_org_version)  (HelderServerStorage *self, gint64 org_id, gint64 version, GError **error);
  JsonObject *(*get_record)       (HelderServerStorage *self, gint64 org_id, const char *id,
                                   gboolean *elsewhere, GError **error);
  gboolean    (*put_record)       (HelderServerStorage *self, gint64 org_id, JsonObject *row, GError **error);
  /* Up to @limit records newer than @since, in version order */
  gboolean    (*changes)          (HelderServerStorage *self, gint64 org_id, gint64 user_id,
                                   gint64 since, guint limit, HelderServerPage *page, GError **error);
  JsonObject *(*index)            (HelderServerStorage *self, gint64 org_id, gint64 user_id, GError **error);
  char       *(*get_idempotent)   (HelderServerStorage *self, gint64 org_id, const char *key,
                                   char **body_hash, GError **error);
  gboolean    (*put_idempotent)   (HelderServerStorage *self, gint64 org_id, const char *key,
                                   const char *body_hash, const char *response, GError **error);
  gint        (*purge_tombstones) (HelderServerStorage *self, gint64 older_than_seconds, GError **error);
  gint        (*purge_idempotent) (HelderServerStorage *self, gint64 older_than_seconds, GError **error);

  char       *(*get_epoch)        (HelderServerStorage *self, GError **error);
  /* A new epoch, and every organisation's version kept as its restore
   * point; another instance hears of it as "epoch-changed" (epoch). */
  gboolean    (*mark_restored)    (HelderServerStorage *self, GError **error);
};

#define HELDER_SERVER_ERROR (helder_server_error_quark ())

typedef enum
{
  HELDER_SERVER_ERROR_FAILED,
  HELDER_SERVER_ERROR_EXISTS,
  HELDER_SERVER_ERROR_NOT_FOUND,
} HelderServerError;

GQuark helder_server_error_quark (void);

JsonObject *helder_server_row_new (const char *id,
                                   const char *type,
                                   gint64      version,
                                   gboolean    deleted,
                                   const char *visibility,
                                   gint64      owner,
                                   const char *updated_by,
                                   const char *updated_at,
                                   const char *data_json,
                                   const char *field_versions_json);
void        helder_server_row_texts (JsonObject  *row,
                                     char       **data_json,
                                     char       **field_versions_json,
                                     char       **wire_json);
JsonNode   *helder_server_row_wire  (JsonObject  *row);

G_END_DECLS
