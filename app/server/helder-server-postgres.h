/* helder-server-postgres.h: helder-server's PostgreSQL storage
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-server-storage.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SERVER_POSTGRES (helder_server_postgres_get_type ())

G_DECLARE_FINAL_TYPE (HelderServerPostgres, helder_server_postgres, HELDER, SERVER_POSTGRES, GObject)

HelderServerPostgres *helder_server_postgres_open   (const char           *conninfo,
                                                     GError              **error);
gboolean              helder_server_postgres_listen (HelderServerPostgres  *self,
                                                     GError              **error);

G_END_DECLS
