/* helder-record-order.c: how records sort, for lists and snapshots
 *
 * Sort keys ("rank, title"; "-date" for newest first) parsed against a
 * type's fields, each record's key values computed once (collation keys
 * for texts), and the comparison that breaks ties by id so that every
 * order is total.
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record-list"

#include "config.h"

#include <string.h>

#include "helder-record-list.h"
#include "helder-record-order-private.h"

/**
 * helder_record_list_default_sort_keys:
 *
 * The order the pages show a type in when they choose none.
 */
const char *
helder_record_list_default_sort_keys (GType record_type)
{
  static const struct { const char *type; const char *keys; } orders[] = {
    { "priority",       "rank, title" },
    { "signal",         "-date" },
    { "message",        "window_start, title" },
    { "works",          "start_date, title" },
    { "omgevingsbeeld", "-date" },
    { "toolkit",        "category, title" },
    { "training",       "starts_at, title" },
    { "topic_review",   "-quarter" },
    { "quarter",        "-quarter" },
    { "priority_review", "-quarter, rank" },
    { "council_meeting", "starts_at, title" },
    { "message_event",  "at" },
    /* places go to the earliest request (ties by id: the list's own) */
    { "registration",   "requested_at" },
    { "setting",        "key" },
  };
  static const char *names[] = { "title", "name", "word" };
  HelderRecordClass *klass;

  g_return_val_if_fail (g_type_is_a (record_type, HELDER_TYPE_RECORD), NULL);

  klass = g_type_class_peek (record_type);
  if (klass == NULL)
    klass = g_type_class_ref (record_type);   /* kept: record classes live forever */
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (g_str_equal (orders[i].type, helder_record_class_get_type_name (klass)))
      return orders[i].keys;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (helder_record_class_find_field (klass, names[i]) != NULL)
      return names[i];
  return "";
}

/* Sort keys */

GArray *
helder_record_order_parse (HelderRecordClass *klass,
                           const char        *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec ? spec : "", ",", -1);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  guint n_fields;
  const HelderField *fields = helder_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      SortKey key = { 0 };
      guint f;

      if (*name == '\0')
        continue;
      key.descending = *name == '-';
      if (key.descending)
        name++;
      for (f = 0; f < n_fields && !g_str_equal (fields[f].name, name); f++)
        ;
      if (f == n_fields)
        {
          g_critical ("A %s has no field %s to sort by", helder_record_class_get_type_name (klass), name);
          continue;
        }
      key.field = f;
      key.kind = fields[f].kind;
      key.choices = fields[f].choices;
      g_array_append_val (keys, key);
    }
  return keys;
}

static void
key_value_init (KeyValue          *value,
                const SortKey     *key,
                HelderRecord      *record)
{
  const GValue *v = helder_record_get_field_value (record, key->field);
  const char *text = NULL;

  memset (value, 0, sizeof *value);
  switch (key->kind)
    {
    case HELDER_FIELD_INTEGER:
      value->number = g_value_get_int (v);
      return;
    case HELDER_FIELD_BOOLEAN:
      value->number = g_value_get_boolean (v);
      return;
    case HELDER_FIELD_CHOICE:
      text = g_value_get_string (v);
      value->missing = TRUE;
      for (guint i = 0; text != NULL && key->choices[i] != NULL; i++)
        if (g_str_equal (key->choices[i], text))
          {
            value->number = i;
            value->missing = FALSE;
          }
      return;
    case HELDER_FIELD_LIST:
      {
        const char * const *list = g_value_get_boxed (v);

        text = list != NULL ? list[0] : NULL;
      }
      break;
    case HELDER_FIELD_DATE:
    case HELDER_FIELD_JSON:
      text = g_value_get_string (v);
      value->missing = text == NULL || *text == '\0';
      value->text = value->missing ? NULL : g_strdup (text);
      return;
    case HELDER_FIELD_TEXT:
    case HELDER_FIELD_LONG_TEXT:
    default:
      text = g_value_get_string (v);
      break;
    }

  value->missing = text == NULL || *text == '\0';
  if (!value->missing)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      value->text = g_utf8_collate_key (folded, -1);
    }
}

void
helder_record_entry_set_keys (Entry       *entry,
                              const Order *order)
{
  g_assert (entry->keys == NULL);
  if (order->func != NULL || order->keys->len == 0)
    return;
  entry->keys = g_new (KeyValue, order->keys->len);
  for (guint i = 0; i < order->keys->len; i++)
    key_value_init (&entry->keys[i], &g_array_index (order->keys, SortKey, i), entry->record);
}

void
helder_record_entry_free_keys (Entry *entry,
                               guint  n_keys)
{
  for (guint i = 0; entry->keys != NULL && i < n_keys; i++)
    g_free (entry->keys[i].text);
  g_clear_pointer (&entry->keys, g_free);
}

int
helder_record_entry_compare (const Entry *a,
                             const Entry *b,
                             const Order *order)
{
  int cmp = 0;

  if (a == b)
    return 0;
  if (order->func != NULL)
    cmp = order->func (a->record, b->record, order->data);
  else if (a->keys != NULL)
    for (guint i = 0; i < order->keys->len && cmp == 0; i++)
      {
        const SortKey *key = &g_array_index (order->keys, SortKey, i);
        const KeyValue *x = &a->keys[i], *y = &b->keys[i];

        if (x->missing || y->missing)
          {
            cmp = (int) x->missing - (int) y->missing;
            continue;
          }
        if (x->text != NULL || y->text != NULL)
          cmp = g_strcmp0 (x->text, y->text);
        else
          cmp = x->number < y->number ? -1 : x->number > y->number;
        if (key->descending)
          cmp = -cmp;
      }
  if (cmp != 0)
    return cmp;
  return strcmp (helder_record_get_id (a->record), helder_record_get_id (b->record));
}

/* For g_ptr_array_sort_with_data over entries, with the order as data. */
int
helder_record_entry_compare_pointers (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      order)
{
  return helder_record_entry_compare (*(Entry **) a, *(Entry **) b, order);
}

/**
 * helder_record_sort:
 * @records: (element-type HelderRecord): records of @type
 *
 * Sorts @records in place by @sort_keys (as #HelderRecordList:sort-keys;
 * %NULL for the type's default order).
 */
void
helder_record_sort (GPtrArray  *records,
                    GType       type,
                    const char *sort_keys)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_sized_new (records->len);
  Order order = { 0 };

  order.keys = helder_record_order_parse (g_type_class_peek (type),
                                sort_keys ? sort_keys : helder_record_list_default_sort_keys (type));
  for (guint i = 0; i < records->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->record = records->pdata[i];
      helder_record_entry_set_keys (entry, &order);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort_with_data (entries, helder_record_entry_compare_pointers, &order);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = entries->pdata[i];

      records->pdata[i] = entry->record;
      helder_record_entry_free_keys (entry, order.keys->len);
      g_free (entry);
    }
  g_array_unref (order.keys);
}
