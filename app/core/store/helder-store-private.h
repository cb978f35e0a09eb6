/* helder-store-private.h: what the store's own files and tests share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "helder-store.h"

G_BEGIN_DECLS

#define HELDER_STORE_SCHEMA_VERSION 3

const char  *helder_store_schema_migration (guint         to_version);

/* Opens and migrates only up to @version: for tests of the migrations. */
HelderStore *helder_store_open_at_version  (const char   *path,
                                            guint         version,
                                            GError      **error);

G_END_DECLS
