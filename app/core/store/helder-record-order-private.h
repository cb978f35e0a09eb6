/* helder-record-order-private.h: the order of a record list
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint              field;       /* index in the type's field table */
  HelderFieldKind    kind;
  const char       **choices;
  gboolean           descending;
} SortKey;

typedef struct
{
  gint64   number;
  char    *text;      /* a collation key for texts, the value for dates */
  gboolean missing;   /* empty: sorts last, whichever direction */
} KeyValue;

typedef struct
{
  HelderRecord *record;
  KeyValue     *keys;   /* one per sort key, or NULL with a sort function */
} Entry;

typedef struct
{
  GArray           *keys;        /* SortKey */
  GCompareDataFunc  func;        /* instead of the keys */
  gpointer          data;
} Order;

GArray *helder_record_order_parse     (HelderRecordClass *klass,
                                       const char        *spec);
void    helder_record_entry_set_keys  (Entry             *entry,
                                       const Order       *order);
void    helder_record_entry_free_keys (Entry             *entry,
                                       guint              n_keys);
int     helder_record_entry_compare   (const Entry       *a,
                                       const Entry       *b,
                                       const Order       *order);
int     helder_record_entry_compare_pointers (gconstpointer a,
                                              gconstpointer b,
                                              gpointer      order);

G_END_DECLS
