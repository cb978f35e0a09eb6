/* helder-record-list.c: a live list of one record type, kept in step with the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record-list"

#include "config.h"

#include <string.h>

#include "helder-record-list.h"
#include "helder-store-private.h"
#include "helder-record-order-private.h"

/* A GListModel of the records of one type that are not deleted, sorted by
 * sort keys ("rank, title"; "-date" for newest first) or a compare
 * function, optionally filtered.  It reads the store once, then follows
 * the store's records-changed signal: it reads only the ids a transaction
 * wrote, and a change to one record emits one items-changed of that one
 * item (or a removal and an insertion when its sort key moved it far).  A
 * few records that change together in one stretch of the list (a ledger
 * move that swaps two ranks, a record that passes its neighbour) emit one
 * items-changed over that stretch, so a view never sees the moving record
 * gone in between; a batch of many ids (a pulled page) is merged in one
 * pass and emits one items-changed over the stretch that changed.
 *
 * The items are the store's copies: a change replaces the record object,
 * it never changes one in place, so a page may keep an item and edit it
 * without touching the list.  Ties in the order are broken by id, so the
 * order is total and every item's position is found by binary search.
 *
 * A paused list (a page that is not shown) only notes which ids changed,
 * and catches up in one pass when it is resumed. */

/* Up to this many ids a change is applied record by record, each with its
 * own items-changed; more are merged in one pass. */
#define MAX_SINGLE_UPDATES 8

struct _HelderRecordList
{
  GObject                 parent_instance;

  HelderStore            *store;
  GType                   record_type;
  HelderRecordClass      *klass;
  gulong                  handler;

  /* the order */
  char                   *sort_keys;
  Order                   order;
  GDestroyNotify          sort_destroy;

  HelderRecordFilterFunc  filter_func;
  gpointer                filter_data;
  GDestroyNotify          filter_destroy;

  GPtrArray              *items;       /* Entry, in order */
  GHashTable             *by_id;       /* id → Entry */

  /* changes that arrived while paused or while an update was emitting */
  gboolean                paused;
  gboolean                updating;
  GHashTable             *pending;     /* id set */
  gboolean                pending_all;
};

static void helder_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderRecordList, helder_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, helder_record_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD_TYPE,
  PROP_SORT_KEYS,
  PROP_PAUSED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Entry *
entry_new (HelderRecordList *self,
           HelderRecord     *record)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->record = g_object_ref (record);
  helder_record_entry_set_keys (entry, &self->order);
  return entry;
}

/* The first position in @items whose entry does not sort before @entry. */
static guint
lower_bound_in (HelderRecordList *self,
                GPtrArray        *items,
                const Entry      *entry)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (helder_record_entry_compare (items->pdata[mid], entry, &self->order) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
lower_bound (HelderRecordList *self,
             const Entry      *entry)
{
  return lower_bound_in (self, self->items, entry);
}

static void
entry_destroy (HelderRecordList *self,
               Entry            *entry)
{
  helder_record_entry_free_keys (entry, self->order.keys->len);
  g_object_unref (entry->record);
  g_free (entry);
}

static gboolean
belongs (HelderRecordList *self,
         HelderRecord     *record)
{
  return record != NULL && !helder_record_get_deleted (record) &&
         (self->filter_func == NULL || self->filter_func (record, self->filter_data));
}

/* GListModel */

static GType
helder_record_list_get_item_type (GListModel *model)
{
  return HELDER_RECORD_LIST (model)->record_type;
}

static guint
helder_record_list_get_n_items (GListModel *model)
{
  return HELDER_RECORD_LIST (model)->items->len;
}

static gpointer
helder_record_list_get_item (GListModel *model,
                             guint       position)
{
  HelderRecordList *self = HELDER_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (((Entry *) self->items->pdata[position])->record);
}

static void
helder_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = helder_record_list_get_item_type;
  iface->get_n_items = helder_record_list_get_n_items;
  iface->get_item = helder_record_list_get_item;
}

static void
items_changed (HelderRecordList *self,
               guint             position,
               guint             removed,
               guint             added)
{
  if (removed == 0 && added == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Updates */

static gboolean
same_record (HelderRecord *a,
             HelderRecord *b)
{
  return helder_record_get_version (a) == helder_record_get_version (b) &&
         helder_record_get_visibility (a) == helder_record_get_visibility (b) &&
         helder_record_equal_data (a, b);
}

/* One record (or its absence: deleted, gone, filtered out). */
static void
apply_one (HelderRecordList *self,
           const char       *id,
           HelderRecord     *record)
{
  Entry *old = g_hash_table_lookup (self->by_id, id);
  Entry *entry;
  guint n = self->items->len;
  guint pos, new_pos;

  if (!belongs (self, record))
    {
      if (old == NULL)
        return;
      pos = lower_bound (self, old);
      g_assert (self->items->pdata[pos] == old);
      g_hash_table_remove (self->by_id, id);
      g_ptr_array_remove_index (self->items, pos);
      entry_destroy (self, old);
      items_changed (self, pos, 1, 0);
      return;
    }

  if (old != NULL && same_record (old->record, record))
    return;

  entry = entry_new (self, record);
  if (old == NULL)
    {
      pos = lower_bound (self, entry);
      g_ptr_array_insert (self->items, pos, entry);
      g_hash_table_replace (self->by_id, (gpointer) helder_record_get_id (entry->record), entry);
      items_changed (self, pos, 0, 1);
      return;
    }

  pos = lower_bound (self, old);
  g_assert (self->items->pdata[pos] == old);
  if ((pos == 0 || helder_record_entry_compare (self->items->pdata[pos - 1], entry, &self->order) < 0) &&
      (pos + 1 == n || helder_record_entry_compare (entry, self->items->pdata[pos + 1], &self->order) < 0))
    {
      /* Still in its place: one item replaced. */
      self->items->pdata[pos] = entry;
      g_hash_table_replace (self->by_id, (gpointer) helder_record_get_id (entry->record), entry);
      entry_destroy (self, old);
      items_changed (self, pos, 1, 1);
      return;
    }

  /* Its sort key moved it: out here, in there.  In between, a handler
   * that looks it up finds it nowhere, as the list then has it. */
  g_ptr_array_remove_index (self->items, pos);
  g_hash_table_remove (self->by_id, id);
  entry_destroy (self, old);
  items_changed (self, pos, 1, 0);
  new_pos = lower_bound (self, entry);
  g_ptr_array_insert (self->items, new_pos, entry);
  g_hash_table_replace (self->by_id, (gpointer) helder_record_get_id (entry->record), entry);
  items_changed (self, new_pos, 0, 1);
}

/* Emits one items-changed for what differs between the old order and
 * @items: the stretch between the unchanged beginning and end (entries
 * kept from before are the same pointers). */
static void
replace_items (HelderRecordList *self,
               GPtrArray        *items)
{
  g_autoptr(GPtrArray) old = self->items;
  guint prefix = 0, suffix = 0;
  guint old_n = old->len, new_n = items->len;

  while (prefix < old_n && prefix < new_n && old->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old->pdata[old_n - 1 - suffix] == items->pdata[new_n - 1 - suffix])
    suffix++;

  self->items = g_ptr_array_ref (items);
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < items->len; i++)
    {
      Entry *entry = items->pdata[i];

      g_hash_table_replace (self->by_id, (gpointer) helder_record_get_id (entry->record), entry);
    }
  items_changed (self, prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

/* Many records at once: the changed entries leave, their new versions
 * are sorted and merged in, in one pass over the list. */
static void
apply_many (HelderRecordList *self,
            GHashTable       *ids,
            GPtrArray        *records)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  guint i = 0, j = 0;

  for (guint k = 0; k < records->len; k++)
    {
      HelderRecord *record = records->pdata[k];
      Entry *old = g_hash_table_lookup (self->by_id, helder_record_get_id (record));

      if (!belongs (self, record))
        continue;
      if (old != NULL && same_record (old->record, record))
        {
          g_hash_table_remove (ids, helder_record_get_id (record));   /* keeps its place */
          continue;
        }
      g_ptr_array_add (fresh, entry_new (self, record));
    }
  g_ptr_array_sort_with_data (fresh, helder_record_entry_compare_pointers, &self->order);

  merged = g_ptr_array_sized_new (self->items->len + fresh->len);
  while (i < self->items->len || j < fresh->len)
    {
      Entry *old = i < self->items->len ? self->items->pdata[i] : NULL;

      if (old != NULL && g_hash_table_contains (ids, helder_record_get_id (old->record)))
        {
          g_ptr_array_add (gone, old);
          i++;
        }
      else if (old != NULL && (j == fresh->len || helder_record_entry_compare (old, fresh->pdata[j], &self->order) < 0))
        {
          g_ptr_array_add (merged, old);
          i++;
        }
      else
        g_ptr_array_add (merged, fresh->pdata[j++]);
    }

  replace_items (self, merged);
  for (guint k = 0; k < gone->len; k++)
    entry_destroy (self, gone->pdata[k]);
}

/* Everything again (a new filter, or a change the store could not name):
 * entries of records that did not change are kept. */
static void
reload (HelderRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = helder_store_list_rows (self->store, self->record_type, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  guint n;

  if (all == NULL)
    {
      g_warning ("Could not list %s: %s", g_type_name (self->record_type), error->message);
      return;
    }
  n = all->len;
  items = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      HelderRecord *record = all->pdata[i];
      Entry *old = g_hash_table_lookup (self->by_id, helder_record_get_id (record));

      if (!belongs (self, record))
        continue;
      if (old != NULL && same_record (old->record, record))
        {
          g_ptr_array_add (items, old);
          g_hash_table_add (kept, old);
        }
      else
        g_ptr_array_add (items, entry_new (self, record));
    }
  g_ptr_array_sort_with_data (items, helder_record_entry_compare_pointers, &self->order);

  for (guint i = 0; i < self->items->len; i++)
    if (!g_hash_table_contains (kept, self->items->pdata[i]))
      g_ptr_array_add (gone, self->items->pdata[i]);
  replace_items (self, items);
  for (guint i = 0; i < gone->len; i++)
    entry_destroy (self, gone->pdata[i]);
}

/* A few records at once (@ids, their stored versions in @records; an id
 * the store no longer has counts as gone): when what differs between the
 * old order and the new is one stretch that holds mostly changed records,
 * the new order takes over with one items-changed over that stretch.
 * Returns FALSE, having changed nothing, when the changes lie apart (two
 * edits far from each other, a record that moves far): those go record by
 * record, each with its own small items-changed. */
static gboolean
apply_stretch (HelderRecordList *self,
               GPtrArray        *ids,
               GPtrArray        *records)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  guint prefix = 0, suffix = 0, old_n = self->items->len, new_n, n_changed;

  for (guint i = 0; i < ids->len; i++)
    {
      Entry *old = g_hash_table_lookup (self->by_id, ids->pdata[i]);
      HelderRecord *record = NULL;

      for (guint k = 0; k < records->len && record == NULL; k++)
        if (g_str_equal (helder_record_get_id (records->pdata[k]), ids->pdata[i]))
          record = records->pdata[k];
      if (!belongs (self, record))
        {
          if (old != NULL)
            g_ptr_array_add (gone, old);
          continue;
        }
      if (old != NULL && same_record (old->record, record))
        continue;
      if (old != NULL)
        g_ptr_array_add (gone, old);
      g_ptr_array_add (fresh, entry_new (self, record));
    }
  n_changed = MAX (gone->len, fresh->len);
  if (n_changed == 0)
    return TRUE;

  /* The new order: the old one without what left, with the new versions
   * put in their places */
  items = g_ptr_array_sized_new (old_n + fresh->len);
  for (guint i = 0; i < old_n; i++)
    if (!g_ptr_array_find (gone, self->items->pdata[i], NULL))
      g_ptr_array_add (items, self->items->pdata[i]);
  for (guint k = 0; k < fresh->len; k++)
    g_ptr_array_insert (items, lower_bound_in (self, items, fresh->pdata[k]), fresh->pdata[k]);
  new_n = items->len;

  while (prefix < old_n && prefix < new_n && self->items->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         self->items->pdata[old_n - 1 - suffix] == items->pdata[new_n - 1 - suffix])
    suffix++;

  /* Apart: at most as many records that stay as records that change may
   * lie in the stretch (a swap of two, one that passes one neighbour) */
  if (MAX (old_n, new_n) - prefix - suffix > 2 * n_changed)
    {
      for (guint k = 0; k < fresh->len; k++)
        entry_destroy (self, fresh->pdata[k]);
      return FALSE;
    }

  for (guint k = 0; k < gone->len; k++)
    g_hash_table_remove (self->by_id, helder_record_get_id (((Entry *) gone->pdata[k])->record));
  for (guint k = 0; k < fresh->len; k++)
    {
      Entry *entry = fresh->pdata[k];

      g_hash_table_replace (self->by_id, (gpointer) helder_record_get_id (entry->record), entry);
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  items_changed (self, prefix, old_n - prefix - suffix, new_n - prefix - suffix);
  for (guint k = 0; k < gone->len; k++)
    entry_destroy (self, gone->pdata[k]);
  return TRUE;
}

static void
apply_ids (HelderRecordList *self,
           GHashTable       *ids)
{
  g_autoptr(GPtrArray) id_list = g_ptr_array_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (id_list, id);
  g_ptr_array_add (id_list, NULL);

  records = helder_store_load_many (self->store, self->record_type,
                                    (const char * const *) id_list->pdata, &error);
  if (records == NULL)
    {
      g_warning ("Could not read changed %s records: %s", g_type_name (self->record_type), error->message);
      return;
    }

  if (g_hash_table_size (ids) <= MAX_SINGLE_UPDATES)
    {
      g_ptr_array_set_size (id_list, id_list->len - 1);   /* without the NULL */
      if (apply_stretch (self, id_list, records))
        return;
      /* Ids the store no longer has count as gone. */
      for (guint i = 0; i < id_list->len; i++)
        {
          HelderRecord *record = NULL;

          for (guint k = 0; k < records->len && record == NULL; k++)
            if (g_str_equal (helder_record_get_id (records->pdata[k]), id_list->pdata[i]))
              record = records->pdata[k];
          apply_one (self, id_list->pdata[i], record);
        }
    }
  else
    apply_many (self, ids, records);
}

/* Applies what is pending until nothing is (an items-changed handler may
 * write to the store, which lands here again as pending). */
static void
flush (HelderRecordList *self)
{
  if (self->paused || self->updating)
    return;

  self->updating = TRUE;
  while (self->pending_all || g_hash_table_size (self->pending) > 0)
    {
      g_autoptr(GHashTable) ids = g_steal_pointer (&self->pending);
      gboolean all = self->pending_all;

      self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->pending_all = FALSE;
      if (all)
        reload (self);
      else
        apply_ids (self, ids);
    }
  self->updating = FALSE;
}

static void
records_changed (HelderRecordList   *self,
                 const char         *type_name,
                 const char * const *ids,
                 HelderStore        *store)
{
  if (ids == NULL)
    self->pending_all = TRUE;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->pending, g_strdup (ids[i]));
  flush (self);
}

/* Properties and life */

static void
clear_items (HelderRecordList *self)
{
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->items->len; i++)
    entry_destroy (self, self->items->pdata[i]);
  g_ptr_array_set_size (self->items, 0);
}

static void
helder_record_list_constructed (GObject *object)
{
  HelderRecordList *self = HELDER_RECORD_LIST (object);
  g_autofree char *detailed = NULL;

  G_OBJECT_CLASS (helder_record_list_parent_class)->constructed (object);

  g_return_if_fail (HELDER_IS_STORE (self->store));
  g_return_if_fail (g_type_is_a (self->record_type, HELDER_TYPE_RECORD));

  self->klass = g_type_class_ref (self->record_type);
  if (self->sort_keys == NULL)
    self->sort_keys = g_strdup (helder_record_list_default_sort_keys (self->record_type));
  self->order.keys = helder_record_order_parse (self->klass, self->sort_keys);

  detailed = g_strdup_printf ("records-changed::%s", helder_record_class_get_type_name (self->klass));
  self->handler = g_signal_connect_object (self->store, detailed, G_CALLBACK (records_changed), self,
                                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
helder_record_list_dispose (GObject *object)
{
  HelderRecordList *self = HELDER_RECORD_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->handler, self->store);
  if (self->order.keys != NULL)
    clear_items (self);
  g_clear_object (&self->store);
  if (self->sort_destroy != NULL)
    g_clear_pointer (&self->order.data, self->sort_destroy);
  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->order.func = NULL;
  self->filter_func = NULL;

  G_OBJECT_CLASS (helder_record_list_parent_class)->dispose (object);
}

static void
helder_record_list_finalize (GObject *object)
{
  HelderRecordList *self = HELDER_RECORD_LIST (object);

  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->pending);
  g_clear_pointer (&self->order.keys, g_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_free (self->sort_keys);

  G_OBJECT_CLASS (helder_record_list_parent_class)->finalize (object);
}

static void
helder_record_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HelderRecordList *self = HELDER_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;
    case PROP_SORT_KEYS:
      g_value_set_string (value, self->sort_keys);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HelderRecordList *self = HELDER_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD_TYPE:
      self->record_type = g_value_get_gtype (value);
      break;
    case PROP_SORT_KEYS:
      if (self->order.keys == NULL)
        self->sort_keys = g_value_dup_string (value);   /* at construction */
      else
        helder_record_list_set_sort_keys (self, g_value_get_string (value));
      break;
    case PROP_PAUSED:
      helder_record_list_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_list_class_init (HelderRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = helder_record_list_constructed;
  object_class->dispose = helder_record_list_dispose;
  object_class->finalize = helder_record_list_finalize;
  object_class->get_property = helder_record_list_get_property;
  object_class->set_property = helder_record_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HELDER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL, HELDER_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * HelderRecordList:sort-keys:
   *
   * Field names separated by commas, each with "-" before it for the
   * reverse order ("rank, title", "-date").  Empty values sort last in
   * both directions; texts compare without case, choices in the order of
   * the field's choices.
   */
  properties[PROP_SORT_KEYS] =
    g_param_spec_string ("sort-keys", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_record_list_init (HelderRecordList *self)
{
  self->items = g_ptr_array_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * helder_record_list_new:
 * @record_type: a #HelderRecord type
 *
 * Returns: (transfer full): the records of @record_type that are not
 *   deleted, in the type's default order, kept in step with @store
 */
HelderRecordList *
helder_record_list_new (HelderStore *store,
                        GType        record_type)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, HELDER_TYPE_RECORD), NULL);

  return g_object_new (HELDER_TYPE_RECORD_LIST, "store", store, "record-type", record_type, NULL);
}

HelderStore *
helder_record_list_get_store (HelderRecordList *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST (self), NULL);

  return self->store;
}

GType
helder_record_list_get_record_type (HelderRecordList *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST (self), G_TYPE_INVALID);

  return self->record_type;
}

const char *
helder_record_list_get_sort_keys (HelderRecordList *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST (self), NULL);

  return self->order.func != NULL ? NULL : self->sort_keys;
}

/* The order changed: every entry gets its keys again, one items-changed
 * over the whole list. */
static void
resort (HelderRecordList *self)
{
  guint n = self->items->len;

  for (guint i = 0; i < n; i++)
    {
      Entry *entry = self->items->pdata[i];

      helder_record_entry_set_keys (entry, &self->order);   /* the old ones were dropped */
    }
  g_ptr_array_sort_with_data (self->items, helder_record_entry_compare_pointers, &self->order);
  items_changed (self, 0, n, n);
}

static void
drop_keys (HelderRecordList *self)
{
  for (guint i = 0; i < self->items->len; i++)
    helder_record_entry_free_keys (self->items->pdata[i], self->order.keys->len);
}

void
helder_record_list_set_sort_keys (HelderRecordList *self,
                                  const char       *sort_keys)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (self));

  if (sort_keys == NULL)
    sort_keys = helder_record_list_default_sort_keys (self->record_type);
  if (self->order.func == NULL && g_strcmp0 (self->sort_keys, sort_keys) == 0)
    return;

  drop_keys (self);
  if (self->sort_destroy != NULL)
    g_clear_pointer (&self->order.data, self->sort_destroy);
  self->order.func = NULL;
  self->sort_destroy = NULL;
  g_free (self->sort_keys);
  self->sort_keys = g_strdup (sort_keys);
  g_array_unref (self->order.keys);
  self->order.keys = helder_record_order_parse (self->klass, sort_keys);
  resort (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEYS]);
}

/**
 * helder_record_list_set_sort_func:
 * @func: compares two records (ties are broken by id); it must give the
 *   same answer for the same records for as long as it is set
 *
 * Orders the list by @func instead of sort keys (a topic's score, say).
 */
void
helder_record_list_set_sort_func (HelderRecordList *self,
                                  GCompareDataFunc  func,
                                  gpointer          user_data,
                                  GDestroyNotify    destroy)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (self));
  g_return_if_fail (func != NULL);

  drop_keys (self);
  if (self->sort_destroy != NULL)
    g_clear_pointer (&self->order.data, self->sort_destroy);
  self->order.func = func;
  self->order.data = user_data;
  self->sort_destroy = destroy;
  resort (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEYS]);
}

/**
 * helder_record_list_set_filter_func:
 * @func: (nullable): which records belong, or %NULL for all
 *
 * Filters the list.  When what @func decides on changes (a date window,
 * a search text), call helder_record_list_refilter().
 */
void
helder_record_list_set_filter_func (HelderRecordList       *self,
                                    HelderRecordFilterFunc  func,
                                    gpointer                user_data,
                                    GDestroyNotify          destroy)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (self));

  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->filter_func = func;
  self->filter_data = user_data;
  self->filter_destroy = destroy;
  helder_record_list_refilter (self);
}

/**
 * helder_record_list_refilter:
 *
 * Reads the type's records again and applies the filter: one
 * items-changed over the stretch that differs.
 */
void
helder_record_list_refilter (HelderRecordList *self)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (self));

  self->pending_all = TRUE;
  flush (self);
}

/**
 * helder_record_list_lookup:
 * @position: (out) (optional): where the record is
 *
 * Returns: (transfer none) (nullable): the list's record with @id, or
 *   %NULL when it is not in the list
 */
HelderRecord *
helder_record_list_lookup (HelderRecordList *self,
                           const char       *id,
                           guint            *position)
{
  Entry *entry;

  g_return_val_if_fail (HELDER_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry != NULL && position != NULL)
    *position = lower_bound (self, entry);
  return entry ? entry->record : NULL;
}

gboolean
helder_record_list_get_paused (HelderRecordList *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD_LIST (self), FALSE);

  return self->paused;
}

/**
 * helder_record_list_set_paused:
 *
 * A paused list keeps its items and notes which records changed; resumed,
 * it catches up with them in one pass.  For lists nobody sees.
 */
void
helder_record_list_set_paused (HelderRecordList *self,
                               gboolean          paused)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  flush (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}
