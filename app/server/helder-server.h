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
/* How deep a request body's JSON may nest: a push needs 5 (body,
 * records, record, data, a JSON field) and a JSON field a few more. */
#define HELDER_SERVER_MAX_DEPTH     16
/* The request line and headers together */
#define HELDER_SERVER_MAX_HEADER    (32 * 1024)
/* Seconds: a request's headers, then its body, must arrive in time, and
 * no read or write may wait longer than the idle timeout. */
#define HELDER_SERVER_HEADER_TIMEOUT 15
#define HELDER_SERVER_BODY_TIMEOUT   120
#define HELDER_SERVER_IDLE_TIMEOUT   60

HelderServer *helder_server_new             (HelderServerStorage  *storage,
                                             const char           *blob_dir);
void          helder_server_set_max_blob    (HelderServer         *self,
                                             gsize                 bytes);
SoupServer   *helder_server_get_soup_server (HelderServer         *self);
void          helder_server_add_readers     (HelderServer         *self,
                                             GPtrArray            *storages);
gboolean      helder_server_listen          (HelderServer         *self,
                                             GSocket              *socket,
                                             GTlsCertificate      *certificate,
                                             GError              **error);
void          helder_server_set_limits      (HelderServer         *self,
                                             guint                 max_connections,
                                             guint                 header_timeout,
                                             guint                 body_timeout,
                                             guint                 idle_timeout);
guint         helder_server_get_max_connections (HelderServer     *self);
void          helder_server_set_login_limits (HelderServer        *self,
                                              guint                per_user,
                                              guint                per_address);
gboolean      helder_server_set_trusted_proxies (HelderServer       *self,
                                                 const char * const *addresses,
                                                 GError            **error);

char         *helder_server_hash_password   (const char           *password,
                                             GError              **error);

JsonObject   *helder_server_json_parse_object (const char         *data,
                                               gsize               size,
                                               GError            **error);

G_END_DECLS
