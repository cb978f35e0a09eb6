/* helder-server.h: the HTTP side of helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "helder-server-storage.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SERVER (helder_server_get_type ())

G_DECLARE_FINAL_TYPE (HelderServer, helder_server, HELDER, SERVER, GObject)

#define HELDER_SERVER_MAX_BODY      (1024 * 1024)
#define HELDER_SERVER_MAX_RECORDS   100

HelderServer *helder_server_new             (HelderServerStorage  *storage,
                                             const char           *blob_dir);
void          helder_server_set_max_blob    (HelderServer         *self,
                                             gsize                 bytes);
SoupServer   *helder_server_get_soup_server (HelderServer         *self);
void          helder_server_add_readers     (HelderServer         *self,
                                             GPtrArray            *storages);

char         *helder_server_hash_password   (const char           *password,
                                             GError              **error);

G_END_DECLS
