/* helder-record-follower.c: an open record that follows the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record-follower"

#include "config.h"

#include "helder-record-follower.h"
#include "store/helder-store-sync.h"

/* A view that shows one record (the document in the editor, a message's
 * pane) keeps a copy and edits it; meanwhile sync may pull a colleague's
 * change to the same record.  Without care the view's next save writes
 * its copy over that change, and because the store's base is by then the
 * colleague's version, the server sees no conflict.  A follower prevents
 * that.  It keeps the base: the stored version the view builds on, which
 * its own saves (helder_record_follower_save) move along.  When the
 * store's copy changes otherwise it says how:
 *
 * - changed, and the view has no unsaved edits (set_edited): the view
 *   shows the new copy, which is the base from now on;
 * - changed under local edits: the view calls merge() with what it has,
 *   which merges three ways against the base as sync does
 *   (helder_record_merge) and saves, or, where both changed one field,
 *   keeps the view's version and puts the stored one beside it in the
 *   conflicts ("Needs attention"): both texts are kept;
 * - deleted: the view says so and may keep its copy as a new record
 *   (keep_copy).  Nothing typed is lost without a word. */

struct _HelderRecordFollower
{
  GObject        parent_instance;

  HelderService *service;
  HelderRecord  *base;       /* the stored copy the view builds on */
  HelderRecord  *stored;     /* a change not yet merged, under edits */
  gulong         handler;
  gboolean       edited;
  gboolean       deleted;    /* deleted elsewhere */
};

G_DEFINE_FINAL_TYPE (HelderRecordFollower, helder_record_follower, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * helder_record_follower_copy:
 *
 * Returns: (transfer full): a copy of @record: the same id, sync columns
 *   and fields, for a view to edit while the original stays as stored
 */
HelderRecord *
helder_record_follower_copy (HelderRecord *record)
{
  HelderRecord *copy = helder_record_new (G_OBJECT_TYPE (record));
  g_autoptr(JsonObject) data = helder_record_to_json_data (record);

  helder_record_set_id (copy, helder_record_get_id (record));
  helder_record_set_version (copy, helder_record_get_version (record));
  helder_record_set_deleted (copy, helder_record_get_deleted (record));
  helder_record_set_visibility (copy, helder_record_get_visibility (record));
  helder_record_set_updated_by (copy, helder_record_get_updated_by (record));
  helder_record_set_updated_at (copy, helder_record_get_updated_at (record));
  helder_record_set_from_json_data (copy, data, NULL);
  return copy;
}

static gboolean
same_content (HelderRecord *a,
              HelderRecord *b)
{
  return helder_record_get_deleted (a) == helder_record_get_deleted (b) &&
         helder_record_get_visibility (a) == helder_record_get_visibility (b) &&
         helder_record_equal_data (a, b);
}

static void
records_changed (HelderRecordFollower *self,
                 const char           *type_name,
                 const char * const   *ids)
{
  const char *id = helder_record_get_id (self->base);
  g_autoptr(HelderRecord) stored = NULL;

  if (ids == NULL || !g_strv_contains (ids, id))
    return;
  stored = helder_store_load (helder_service_get_store (self->service), G_OBJECT_TYPE (self->base), id, NULL);

  if (stored == NULL || helder_record_get_deleted (stored))
    {
      if (self->deleted)
        return;
      self->deleted = TRUE;
      g_signal_emit (self, signals[CHANGED], 0, HELDER_FOLLOW_DELETED, stored);
      return;
    }
  self->deleted = FALSE;

  /* Its own save coming back, or only the version moved (a push): the
   * base follows, nothing to tell. */
  if (same_content (stored, self->base))
    {
      g_set_object (&self->base, stored);
      return;
    }

  if (!self->edited)
    {
      g_set_object (&self->base, stored);
      g_clear_object (&self->stored);
      g_signal_emit (self, signals[CHANGED], 0, HELDER_FOLLOW_CHANGED, stored);
    }
  else
    {
      g_set_object (&self->stored, stored);
      g_signal_emit (self, signals[CHANGED], 0, HELDER_FOLLOW_CHANGED_UNDER_EDITS, stored);
    }
}

static void
helder_record_follower_dispose (GObject *object)
{
  HelderRecordFollower *self = HELDER_RECORD_FOLLOWER (object);

  if (self->service != NULL)
    g_clear_signal_handler (&self->handler, helder_service_get_store (self->service));
  g_clear_object (&self->service);
  g_clear_object (&self->base);
  g_clear_object (&self->stored);

  G_OBJECT_CLASS (helder_record_follower_parent_class)->dispose (object);
}

static void
helder_record_follower_class_init (HelderRecordFollowerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = helder_record_follower_dispose;

  /**
   * HelderRecordFollower::changed:
   * @event: a #HelderFollowEvent
   * @stored: (nullable): the store's copy now
   *
   * The record changed in the store otherwise than by this follower's
   * saves: pulled from the server, or written by another view.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, HELDER_TYPE_RECORD);
}

static void
helder_record_follower_init (HelderRecordFollower *self)
{
}

/**
 * helder_record_follower_new:
 * @record: the record the view opens, as stored
 *
 * Returns: (transfer full): a follower of @record, saving through
 *   @service
 */
HelderRecordFollower *
helder_record_follower_new (HelderService *service,
                            HelderRecord  *record)
{
  HelderRecordFollower *self;
  g_autofree char *signal = NULL;
  g_autoptr(HelderRecord) stored = NULL;

  g_return_val_if_fail (HELDER_IS_SERVICE (service), NULL);
  g_return_val_if_fail (HELDER_IS_RECORD (record), NULL);

  self = g_object_new (HELDER_TYPE_RECORD_FOLLOWER, NULL);
  self->service = g_object_ref (service);
  /* The base is what is stored; a record the caller has not saved yet
   * is its own base. */
  stored = helder_store_load (helder_service_get_store (service), G_OBJECT_TYPE (record),
                              helder_record_get_id (record), NULL);
  self->base = stored != NULL ? g_steal_pointer (&stored) : helder_record_follower_copy (record);
  self->deleted = helder_record_get_deleted (self->base);
  signal = g_strdup_printf ("records-changed::%s", helder_record_get_type_name (record));
  self->handler = g_signal_connect_object (helder_service_get_store (service), signal,
                                           G_CALLBACK (records_changed), self, G_CONNECT_SWAPPED);
  return self;
}

HelderService *
helder_record_follower_get_service (HelderRecordFollower *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), NULL);

  return self->service;
}

/**
 * helder_record_follower_get_base:
 *
 * Returns: (transfer none): the stored version the view builds on
 */
HelderRecord *
helder_record_follower_get_base (HelderRecordFollower *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), NULL);

  return self->base;
}

const char *
helder_record_follower_get_id (HelderRecordFollower *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), NULL);

  return helder_record_get_id (self->base);
}

gboolean
helder_record_follower_get_edited (HelderRecordFollower *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), FALSE);

  return self->edited;
}

/**
 * helder_record_follower_set_edited:
 * @edited: whether the view holds edits it has not saved yet
 */
void
helder_record_follower_set_edited (HelderRecordFollower *self,
                                   gboolean              edited)
{
  g_return_if_fail (HELDER_IS_RECORD_FOLLOWER (self));

  self->edited = !!edited;
}

/* Deleted elsewhere since the view opened it (or since its last save). */
gboolean
helder_record_follower_get_deleted (HelderRecordFollower *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), FALSE);

  return self->deleted;
}

/**
 * helder_record_follower_save:
 * @record: the view's record, with its edits
 *
 * Saves @record through the service; it becomes the base, and the view
 * has no unsaved edits.  While a change waits to be merged (changed under
 * edits), save through helder_record_follower_merge() instead: a plain
 * save would write over it.
 */
gboolean
helder_record_follower_save (HelderRecordFollower  *self,
                             HelderRecord          *record,
                             GError               **error)
{
  g_autoptr(HelderRecord) old_base = NULL;

  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (g_strcmp0 (helder_record_get_id (record), helder_record_get_id (self->base)) == 0, FALSE);

  if (self->stored != NULL)
    {
      gboolean conflict;

      return helder_record_follower_merge (self, record, &conflict, error);
    }

  old_base = g_steal_pointer (&self->base);
  self->base = helder_record_follower_copy (record);
  if (!helder_service_save (self->service, record, error))
    {
      g_set_object (&self->base, old_base);
      return FALSE;
    }
  self->edited = FALSE;
  return TRUE;
}

/**
 * helder_record_follower_merge:
 * @local: the view's record with its unsaved edits; on success it holds
 *   what was saved (the merge, or itself beside a conflict)
 * @conflict: (out): whether the two could not be merged
 *
 * After changed under edits: merges @local and the store's new copy
 * three ways against the base, as sync merges, and saves the merge.  A
 * field both changed (the text) cannot merge: @local is kept as this
 * computer's version and the store's copy waits beside it in the
 * conflicts, for the user to keep one or both.
 */
gboolean
helder_record_follower_merge (HelderRecordFollower  *self,
                              HelderRecord          *local,
                              gboolean              *conflict,
                              GError               **error)
{
  HelderStore *store;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderRecord) merged = NULL;
  g_autoptr(JsonObject) base_data = NULL;

  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (local), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  *conflict = FALSE;
  store = helder_service_get_store (self->service);
  stored = self->stored != NULL ? g_object_ref (self->stored)
                                : helder_store_load (store, G_OBJECT_TYPE (local), helder_record_get_id (local), NULL);
  if (stored == NULL || same_content (stored, self->base))
    {
      g_clear_object (&self->stored);
      return helder_record_follower_save (self, local, error);
    }

  base_data = helder_record_to_json_data (self->base);
  merged = helder_record_follower_copy (local);
  if (helder_record_merge (merged, base_data, helder_record_get_deleted (self->base), stored, NULL))
    {
      g_autoptr(JsonObject) data = helder_record_to_json_data (merged);

      g_clear_object (&self->stored);
      g_set_object (&self->base, stored);   /* what the merge builds on */
      helder_record_set_from_json_data (local, data, NULL);
      helder_record_set_deleted (local, helder_record_get_deleted (merged));
      return helder_record_follower_save (self, local, error);
    }

  /* Both changed the same field: keep both. */
  *conflict = TRUE;
  {
    g_autoptr(HelderRecord) mine = helder_record_follower_copy (local);

    if (!helder_session_check_write (helder_service_get_session (self->service), mine, stored, error))
      return FALSE;
    g_set_object (&self->base, mine);
    if (!helder_store_keep_conflict (store, mine, stored, error))
      {
        g_set_object (&self->base, stored);
        return FALSE;
      }
  }
  g_clear_object (&self->stored);
  self->edited = FALSE;
  return TRUE;
}

/**
 * helder_record_follower_keep_copy:
 * @local: the view's record, as it shows it
 *
 * After deleted: saves @local as a new record (a new id, never synced)
 * and follows that from now on.
 *
 * Returns: (transfer full): the new record, or %NULL with @error set
 */
HelderRecord *
helder_record_follower_keep_copy (HelderRecordFollower  *self,
                                  HelderRecord          *local,
                                  GError               **error)
{
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (HELDER_IS_RECORD_FOLLOWER (self), NULL);
  g_return_val_if_fail (HELDER_IS_RECORD (local), NULL);

  copy = helder_record_new (G_OBJECT_TYPE (local));
  data = helder_record_to_json_data (local);
  helder_record_set_id (copy, id);
  helder_record_set_visibility (copy, helder_record_get_visibility (local));
  if (!helder_record_set_from_json_data (copy, data, error))
    return NULL;
  if (helder_session_get_role (helder_service_get_session (self->service)) == HELDER_SESSION_ROLE_STAFF)
    helder_record_set_visibility (copy, HELDER_VISIBILITY_PRIVATE);

  /* Saved before it is followed: its own save is not news (a new id the
   * follower does not watch yet), and a refused copy leaves the follower
   * on the deleted record, still saying so. */
  if (!helder_service_save (self->service, copy, error))
    return NULL;
  g_clear_object (&self->base);
  self->base = helder_service_load (self->service, G_OBJECT_TYPE (copy), id);
  if (self->base == NULL)
    self->base = helder_record_follower_copy (copy);
  self->deleted = FALSE;
  g_clear_object (&self->stored);
  self->edited = FALSE;
  return g_steal_pointer (&copy);
}
