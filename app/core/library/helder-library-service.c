/* helder-library-service.c: the library's rules: toolkit documents and trainings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-library-service-private.h"
#include "store/helder-store-private.h"

/* Bibliotheek's service: documents with their versions, attachments and
 * review, and the training sessions with their registrations
 * (helder-library-sessions.c).  Every action is one transaction through
 * helder_service_write; the role is checked by the session and, where
 * the library's rules ask more (who checks a document, who records
 * attendance), here. */

struct _HelderLibraryService
{
  HelderService parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderLibraryService, helder_library_service, HELDER_TYPE_SERVICE)

static void
helder_library_service_prepare_new (HelderService *service,
                                    HelderRecord  *record)
{
  /* The one who writes a toolkit document looks after it */
  if (HELDER_IS_TOOLKIT (record) || HELDER_IS_TRAINING (record))
    g_object_set (record, "owner", helder_session_get_login (helder_service_get_session (service)), NULL);
}

static void
helder_library_service_class_init (HelderLibraryServiceClass *klass)
{
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_library_service_prepare_new;
}

static void
helder_library_service_init (HelderLibraryService *self)
{
}

HelderLibraryService *
helder_library_service_new (HelderStore   *store,
                            HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_LIBRARY_SERVICE, "store", store, "session", session, NULL);
}

HelderRecordList *
helder_library_service_toolkits (HelderLibraryService *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_TOOLKIT);
}

/* By start, the next session first. */
HelderRecordList *
helder_library_service_trainings (HelderLibraryService *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_TRAINING);
}

/* Helpers for the library's files */

HelderStore *
helder_library_service_store (HelderLibraryService *self)
{
  return helder_service_get_store (HELDER_SERVICE (self));
}

HelderSession *
helder_library_service_session (HelderLibraryService *self)
{
  return helder_service_get_session (HELDER_SERVICE (self));
}

const char *
helder_library_service_login (HelderLibraryService *self)
{
  return helder_session_get_login (helder_library_service_session (self));
}

gboolean
helder_library_refuse (GError     **error,
                       const char  *message)
{
  g_set_error_literal (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN, message);
  return FALSE;
}

/**
 * helder_library_service_query:
 * @sql: "SELECT id FROM … WHERE … ?1 …" with up to two text parameters
 *
 * Returns: (transfer full) (element-type HelderRecord): the records of
 *   @type whose ids @sql gives, in its order
 */
GPtrArray *
helder_library_service_query (HelderLibraryService *self,
                              GType                 type,
                              const char           *sql,
                              const char           *arg1,
                              const char           *arg2)
{
  HelderStore *store = helder_library_service_store (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *records;

  stmt = helder_store_prepare (store, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (ids, NULL);
  loaded = helder_store_load_many (store, type, (const char * const *) ids->pdata, NULL);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  if (loaded == NULL)
    return records;
  /* In the query's order */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < loaded->len; i++)
    g_hash_table_insert (by_id, (gpointer) helder_record_get_id (loaded->pdata[i]), loaded->pdata[i]);
  for (guint i = 0; i + 1 < ids->len; i++)
    {
      HelderRecord *record = g_hash_table_lookup (by_id, ids->pdata[i]);

      if (record != NULL)
        g_ptr_array_add (records, g_object_ref (record));
    }
  return records;
}

char *
helder_library_service_user_name (HelderLibraryService *self,
                                  const char           *login)
{
  g_autoptr(GPtrArray) users = NULL;
  const char *name;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  if (login == NULL)
    return NULL;
  users = helder_library_service_query (self, HELDER_TYPE_USER,
                                        "SELECT id FROM user WHERE deleted = 0 AND login = ?1", login, NULL);
  name = users->len > 0 ? helder_record_get_text (users->pdata[0], "name") : NULL;
  return g_strdup (name != NULL && *name != '\0' ? name : login);
}

gboolean
helder_library_service_may_edit (HelderLibraryService *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);

  return helder_service_may_create (HELDER_SERVICE (self), HELDER_TYPE_TOOLKIT);
}

/* Versions */

static gboolean
content_differs (HelderRecord *a,
                 HelderRecord *b)
{
  static const char *fields[] = { "title", "summary", "body" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (helder_record_get_text (a, fields[i]), helder_record_get_text (b, fields[i])) != 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
helder_library_service_versions (HelderLibraryService *self,
                                 const char           *toolkit_id)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);
  g_return_val_if_fail (toolkit_id != NULL, NULL);

  return helder_library_service_query (self, HELDER_TYPE_TOOLKIT_REVISION,
                                       "SELECT id FROM toolkit_revision WHERE deleted = 0 AND toolkit = ?1 "
                                       "ORDER BY number DESC, updated_at DESC, id", toolkit_id, NULL);
}

/* Whether @version is @login's, made less than HELDER_LIBRARY_VERSION_MINUTES ago */
static gboolean
is_recent_own (HelderRecord *version,
               const char   *login,
               GDateTime    *now)
{
  GDateTime *made = helder_record_get_updated_at (version);

  return version != NULL && made != NULL &&
         g_strcmp0 (helder_record_get_text (version, "author"), login) == 0 &&
         g_date_time_difference (now, made) < HELDER_LIBRARY_VERSION_MINUTES * G_TIME_SPAN_MINUTE;
}

gboolean
helder_library_service_save_toolkit (HelderLibraryService  *self,
                                     HelderRecord          *toolkit,
                                     const char            *note,
                                     GError               **error)
{
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HelderRecord) version = NULL;
  const char *login;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);

  login = helder_library_service_login (self);
  stored = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TOOLKIT, helder_record_get_id (toolkit));
  g_ptr_array_add (saves, g_object_ref (toolkit));
  if (stored == NULL || helder_record_get_deleted (stored) || content_differs (stored, toolkit))
    {
      versions = helder_library_service_versions (self, helder_record_get_id (toolkit));
      if (versions->len > 0 && is_recent_own (versions->pdata[0], login, now))
        version = g_object_ref (versions->pdata[0]);
      else
        {
          version = helder_record_new (HELDER_TYPE_TOOLKIT_REVISION);
          g_object_set (version, "toolkit", helder_record_get_id (toolkit), "author", login,
                        "number", versions->len > 0 ? helder_record_get_int (versions->pdata[0], "number") + 1 : 1,
                        NULL);
        }
      g_object_set (version,
                    "title", helder_record_get_text (toolkit, "title"),
                    "summary", helder_record_get_text (toolkit, "summary"),
                    "body", helder_record_get_text (toolkit, "body"),
                    NULL);
      if (note != NULL && *note != '\0')
        g_object_set (version, "note", note, NULL);
      g_ptr_array_add (saves, g_steal_pointer (&version));
    }
  return helder_service_write (HELDER_SERVICE (self), saves, NULL, error);
}

gboolean
helder_library_service_delete_toolkit (HelderLibraryService  *self,
                                       HelderRecord          *toolkit,
                                       GError               **error)
{
  g_autoptr(GPtrArray) deletions = NULL;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);

  deletions = helder_library_service_versions (self, helder_record_get_id (toolkit));
  g_ptr_array_insert (deletions, 0, g_object_ref (toolkit));
  return helder_service_write (HELDER_SERVICE (self), NULL, deletions, error);
}

/* Review */

guint
helder_library_service_get_review_months (HelderLibraryService *self)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *value;
  gint64 months;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), HELDER_LIBRARY_REVIEW_MONTHS_DEFAULT);

  settings = helder_library_service_query (self, HELDER_TYPE_SETTING,
                                           "SELECT id FROM setting WHERE deleted = 0 AND key = ?1 "
                                           "ORDER BY updated_at DESC", HELDER_LIBRARY_REVIEW_MONTHS_KEY, NULL);
  value = settings->len > 0 ? helder_record_get_text (settings->pdata[0], "value") : NULL;
  node = value != NULL ? json_from_string (value, NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return HELDER_LIBRARY_REVIEW_MONTHS_DEFAULT;
  months = json_object_get_int_member_with_default (json_node_get_object (node), "months", 0);
  return months >= 1 && months <= 120 ? months : HELDER_LIBRARY_REVIEW_MONTHS_DEFAULT;
}

gboolean
helder_library_service_set_review_months (HelderLibraryService  *self,
                                          guint                  months,
                                          GError               **error)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(HelderRecord) setting = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (months >= 1 && months <= 120, FALSE);

  settings = helder_library_service_query (self, HELDER_TYPE_SETTING,
                                           "SELECT id FROM setting WHERE deleted = 0 AND key = ?1 "
                                           "ORDER BY updated_at DESC", HELDER_LIBRARY_REVIEW_MONTHS_KEY, NULL);
  if (settings->len > 0)
    setting = g_object_ref (settings->pdata[0]);
  else
    {
      setting = helder_record_new (HELDER_TYPE_SETTING);
      g_object_set (setting, "key", HELDER_LIBRARY_REVIEW_MONTHS_KEY, NULL);
    }
  value = g_strdup_printf ("{\"months\": %u}", months);
  g_object_set (setting, "value", value, NULL);
  return helder_service_save (HELDER_SERVICE (self), setting, error);
}

static void
today_or (const GDate *given,
          GDate       *out)
{
  if (given != NULL && g_date_valid (given))
    *out = *given;
  else
    {
      g_date_clear (out, 1);
      g_date_set_time_t (out, time (NULL));
    }
}

static char *
date_string (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

GPtrArray *
helder_library_service_to_review (HelderLibraryService *self,
                                  const char           *owner,
                                  const GDate          *today)
{
  GDate day, soon;
  g_autofree char *until = NULL;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  today_or (today, &day);
  soon = day;
  g_date_add_days (&soon, HELDER_LIBRARY_REVIEW_SOON_DAYS);
  until = date_string (&soon);
  /* Dates sort as text (YYYY-MM-DD first); the most overdue first */
  return helder_library_service_query (self, HELDER_TYPE_TOOLKIT,
                                       "SELECT id FROM toolkit WHERE deleted = 0 AND owner = ?1 "
                                       "AND next_review IS NOT NULL AND next_review <> '' "
                                       "AND substr (next_review, 1, 10) <= ?2 ORDER BY next_review, title",
                                       owner != NULL ? owner : helder_library_service_login (self), until);
}

gboolean
helder_library_service_mark_checked (HelderLibraryService  *self,
                                     HelderRecord          *toolkit,
                                     const GDate           *today,
                                     GError               **error)
{
  g_autofree char *checked = NULL;
  g_autofree char *next = NULL;
  GDate day;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);

  if (helder_session_get_role (helder_library_service_session (self)) == HELDER_SESSION_ROLE_STAFF)
    return helder_library_refuse (error, _("Only the owner or an advisor can mark a document as checked."));
  today_or (today, &day);
  checked = date_string (&day);
  next = helder_library_review_next_date (&day, helder_library_service_get_review_months (self));
  g_object_set (toolkit,
                "verified-by", helder_library_service_login (self),
                "verified-at", checked,
                "last-reviewed", checked,
                "next-review", next,
                NULL);
  return helder_service_save (HELDER_SERVICE (self), toolkit, error);
}

HelderReviewBanner *
helder_library_service_banner (HelderLibraryService *self,
                               HelderRecord         *toolkit,
                               const GDate          *today)
{
  g_autofree char *owner = NULL;
  g_autofree char *checker = NULL;
  GDate day;
  HelderSession *session;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), NULL);

  session = helder_library_service_session (self);
  today_or (today, &day);
  owner = helder_library_service_user_name (self, helder_record_get_text (toolkit, "owner"));
  checker = helder_library_service_user_name (self, helder_record_get_text (toolkit, "verified_by"));
  return helder_library_review_banner (helder_record_get_text (toolkit, "next_review"),
                                       owner, helder_record_get_text (toolkit, "owner"),
                                       checker, helder_record_get_text (toolkit, "verified_at"),
                                       helder_session_get_login (session), helder_session_get_role (session),
                                       &day);
}

/* Attachments */

gboolean
helder_library_service_attach (HelderLibraryService  *self,
                               HelderRecord          *toolkit,
                               GFile                 *file,
                               GError               **error)
{
  g_autoptr(GPtrArray) attachments = NULL;
  HelderAttachment *attachment;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!helder_library_service_may_edit (self))
    return helder_library_refuse (error, _("Your role does not let you change shared plans, channels or the library."));
  attachment = helder_attachments_add_file (helder_library_service_store (self), file, error);
  if (attachment == NULL)
    return FALSE;
  attachments = helder_attachments_from_record (toolkit);
  /* One entry per name: a new file under a known name replaces it */
  for (guint i = attachments->len; i > 0; i--)
    {
      HelderAttachment *old = attachments->pdata[i - 1];

      if (g_strcmp0 (old->name, attachment->name) == 0 || g_strcmp0 (old->sha256, attachment->sha256) == 0)
        g_ptr_array_remove_index (attachments, i - 1);
    }
  g_ptr_array_add (attachments, attachment);
  helder_attachments_to_record (toolkit, attachments);
  return helder_service_save (HELDER_SERVICE (self), toolkit, error);
}

gboolean
helder_library_service_detach (HelderLibraryService  *self,
                               HelderRecord          *toolkit,
                               const char            *sha256,
                               GError               **error)
{
  g_autoptr(GPtrArray) attachments = NULL;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);

  attachments = helder_attachments_from_record (toolkit);
  for (guint i = attachments->len; i > 0; i--)
    if (g_strcmp0 (((HelderAttachment *) attachments->pdata[i - 1])->sha256, sha256) == 0)
      g_ptr_array_remove_index (attachments, i - 1);
  helder_attachments_to_record (toolkit, attachments);
  /* The blob stays: another document may have the same file */
  return helder_service_save (HELDER_SERVICE (self), toolkit, error);
}
