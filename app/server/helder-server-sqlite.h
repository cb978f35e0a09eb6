/* helder-server-sqlite.h: the embedded SQLite storage of helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-server-storage.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SERVER_SQLITE (helder_server_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (HelderServerSqlite, helder_server_sqlite, HELDER, SERVER_SQLITE, GObject)

HelderServerSqlite *helder_server_sqlite_open (const char  *data_dir,
                                               GError     **error);
gboolean            helder_server_sqlite_backup  (HelderServerSqlite  *self,
                                                  const char          *path,
                                                  GError             **error);
gboolean            helder_server_sqlite_restore (HelderServerSqlite  *self,
                                                  const char          *path,
                                                  GError             **error);

G_END_DECLS
