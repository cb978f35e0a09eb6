/* helder-store-changes.c: what one transaction changed, told once it committed
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include "helder-store-private.h"

/* Every transaction that writes records (a local edit, a pulled page, a
 * push answer, a resolved conflict) collects the ids it wrote, per record
 * type, and tells them after COMMIT: never before, so a listener that
 * reads the store sees the new rows, and never for a rolled-back write.
 * Listeners get all ids of a type in one emission, so a pulled page of
 * 500 records costs a live list one update, not 500. */

struct _HelderStoreChanges
{
  GPtrArray  *types;     /* interned type names, in the order first written */
  GHashTable *ids;       /* type name → GPtrArray of ids (owned strings) */
  GHashTable *seen;      /* "type\x1fid" → itself, so an id counts once */
};

HelderStoreChanges *
helder_store_changes_new (void)
{
  HelderStoreChanges *changes = g_new0 (HelderStoreChanges, 1);

  changes->types = g_ptr_array_new ();
  changes->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  changes->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return changes;
}

void
helder_store_changes_free (HelderStoreChanges *changes)
{
  if (changes == NULL)
    return;
  g_ptr_array_unref (changes->types);
  g_hash_table_unref (changes->ids);
  g_hash_table_unref (changes->seen);
  g_free (changes);
}

/* @id may be NULL: "records of this type changed", for writes that do not
 * know which (none do today; listeners then look at everything). */
void
helder_store_changes_add (HelderStoreChanges *changes,
                          const char         *type_name,
                          const char         *id)
{
  const char *type = g_intern_string (type_name);
  GPtrArray *ids = g_hash_table_lookup (changes->ids, type);
  char *key;

  if (ids == NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (changes->ids, (gpointer) type, ids);
      g_ptr_array_add (changes->types, (gpointer) type);
    }
  if (id == NULL)
    return;
  key = g_strconcat (type, "\x1f", id, NULL);
  if (!g_hash_table_add (changes->seen, key))
    return;
  g_ptr_array_add (ids, g_strdup (id));
}

gboolean
helder_store_changes_is_empty (HelderStoreChanges *changes)
{
  return changes->types->len == 0;
}

/* Emits records-changed and then changed for each type, in the order the
 * transaction first wrote them. */
void
helder_store_changes_emit (HelderStore        *self,
                           HelderStoreChanges *changes)
{
  for (guint i = 0; i < changes->types->len; i++)
    {
      const char *type = changes->types->pdata[i];
      GPtrArray *ids = g_hash_table_lookup (changes->ids, type);

      g_ptr_array_add (ids, NULL);
      helder_store_emit_records_changed (self, type, (const char * const *) ids->pdata);
      g_ptr_array_set_size (ids, ids->len - 1);
      helder_store_emit_changed (self, type, ids->len == 1 ? ids->pdata[0] : NULL);
    }
}
