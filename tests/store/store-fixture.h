/* store-fixture.h: a temporary folder with a store path, for store tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;    /* a new temporary folder */
  char *path;   /* helder.db in it (not created) */
} Fixture;

void fixture_setup    (Fixture       *fixture,
                       gconstpointer  data);
void fixture_teardown (Fixture       *fixture,
                       gconstpointer  data);

gboolean    fixture_answer_push (HelderStore  *store,
                                 const char   *status);
void        fixture_push_all (HelderStore  *store);
JsonObject *fixture_wire     (HelderRecord *record,
                              gint64        version);
void        fixture_pull     (HelderStore  *store,
                              HelderRecord *record,
                              gint64        version);

G_END_DECLS
