/* helder-server-private.h: what helder-server's own files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-server.h"

G_BEGIN_DECLS

/* helder-server speaks DESIGN.md's sync protocol v1 over libsoup 3.
 *
 * - Bodies are limited before they are read (an early handler answers 413
 *   from the Content-Length), and a POST or PUT must say its length.
 * - Every response closes its connection: libsoup 3.2 leaks a file
 *   descriptor for each keep-alive connection the client closes.  In
 *   production nginx in front keeps connections to clients alive.
 * - Connections are accepted here, not by libsoup, so their number is
 *   bounded and each has timeouts (helder-server-connections.c).
 * - A push is one storage transaction: its records, the organisation's one
 *   version bump and the idempotency row commit together or not at all.
 * - Passwords are argon2id hashes; tokens are 256 random bits of which the
 *   server keeps only the SHA-256.
 *
 * The class is split by concern: helder-server.c (the object, dispatch,
 * early checks, the request log), -connections.c (accepting, limits and
 * timeouts), -responses.c (answers and reading
 * bodies), -auth.c (tokens and login), -records.c (changes, index and
 * single records), -push.c (push and merge), -blobs.c and -stream.c (the
 * WebSocket notifications), -reader.c (reads in worker threads) and
 * -epoch.c (the data epoch on every answer; a restore told to streams). */

typedef struct _HelderServerReader HelderServerReader;

/* In a reader thread, with a storage of its own */
typedef void (*HelderServerReadFunc) (HelderServerStorage *storage,
                                      gpointer             data);
/* On the main loop; @msg is NULL when its client went away */
typedef void (*HelderServerDoneFunc) (SoupServerMessage   *msg,
                                      gpointer             data);

typedef struct _HelderServerConnection HelderServerConnection;

struct _HelderServer
{
  GObject              parent_instance;

  HelderServerStorage *storage;
  SoupServer          *soup;
  char                *blob_dir;
  gsize                max_blob;
  GHashTable          *attempts;     /* "user:x" / "addr:y" → Attempts */
  GPtrArray           *streams;      /* Stream */
  GHashTable          *announced;    /* org id → newest version sent to its streams */
  HelderServerReader  *reader;       /* NULL: reads on the main loop */
  char                *epoch;        /* the data epoch last read */
  guint                epoch_check;
  guint                sweep_id;     /* checks the streams' tokens */
  GPtrArray           *trusted_proxies;  /* GInetAddress, or NULL */
  GQueue              *logins;       /* GTask waiting for a worker */
  guint                logins_running;
  guint                login_failures_per_user;
  guint                login_failures_per_address;

  /* Connections (helder-server-connections.c) */
  GSocket                *listener;
  GTlsCertificate        *tls_certificate;
  GSource                *accept_source;
  guint                   retry_id;
  gboolean                accept_paused;
  guint                   n_connections;
  guint                   max_connections;
  guint                   descriptor_cap;
  guint                   header_timeout;
  guint                   body_timeout;
  guint                   idle_timeout;
  HelderServerConnection *accepting;
};

typedef struct
{
  guint  failures;
  gint64 window_start;   /* monotonic µs */
} Attempts;

typedef struct
{
  SoupWebsocketConnection *connection;
  gint64                   org_id;
  char                    *token_hash;
} Stream;

#define LOGIN_WINDOW_USEC     (5 * 60 * G_USEC_PER_SEC)
#define LOGIN_MAX_PER_USER    5
#define LOGIN_MAX_PER_ADDRESS 20
#define DEFAULT_MAX_BLOB      (50 * 1024 * 1024)
/* libsoup 3.2 has no name for it */
#define HELDER_STATUS_TOO_MANY_REQUESTS 429

/* The login of the request's user, for the request log */
GQuark      helder_server_user_quark             (void);

/* Responses (helder-server-responses.c) */
void        helder_server_respond_json           (SoupServerMessage       *msg,
                                                  guint                    status,
                                                  JsonNode                *node);
void        helder_server_respond_error          (SoupServerMessage       *msg,
                                                  guint                    status,
                                                  const char              *code,
                                                  const char              *message);
void        helder_server_respond_unavailable    (SoupServerMessage       *msg,
                                                  const GError            *error);
void        helder_server_respond_status         (SoupServerMessage       *msg,
                                                  guint                    status);
void        helder_server_refuse_unread          (SoupServerMessage       *msg,
                                                  guint                    status,
                                                  const char              *code,
                                                  const char              *message);
JsonObject *helder_server_parse_json_object      (SoupServerMessage       *msg,
                                                  GBytes                 **raw);
gboolean    helder_server_string_member          (SoupServerMessage       *msg,
                                                  JsonObject              *object,
                                                  const char              *member,
                                                  const char              *what,
                                                  const char             **out);

void        helder_server_linger                 (GIOStream               *stream,
                                                  GSocket                 *socket,
                                                  gboolean                 tls,
                                                  guint                    seconds,
                                                  GDestroyNotify           done,
                                                  gpointer                 data);

/* Connections (helder-server-connections.c) */
void        helder_server_connections_init       (HelderServer            *self);
void        helder_server_connections_dispose    (HelderServer            *self);
void        helder_server_connection_started     (HelderServer            *self,
                                                  SoupServerMessage       *msg);
void        helder_server_connection_headers_read (SoupServerMessage      *msg);
void        helder_server_connection_body_read   (SoupServerMessage       *msg);
void        helder_server_connection_upgrading   (SoupServerMessage       *msg);
void        helder_server_connection_upgraded    (SoupServerMessage       *msg,
                                                  SoupWebsocketConnection *websocket);
GSocket    *helder_server_connection_socket      (SoupServerMessage       *msg,
                                                  gboolean                *tls);

/* Tokens and login (helder-server-auth.c) */
char       *helder_server_sha256_hex             (const void              *data,
                                                  gsize                    length);
gboolean    helder_server_equal_in_constant_time (const char              *a,
                                                  const char              *b);
char       *helder_server_token_hash             (SoupServerMessage       *msg);
gboolean    helder_server_authenticate           (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  HelderServerUser        *user);
char       *helder_server_client_address         (HelderServer            *self,
                                                  SoupServerMessage       *msg);
void        helder_server_handle_login           (HelderServer            *self,
                                                  SoupServerMessage       *msg);
void        helder_server_refuse_token           (SoupServerMessage       *msg);
void        helder_server_authenticated          (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  const HelderServerUser  *user);

/* Reads in worker threads (helder-server-reader.c) */
HelderServerReader *helder_server_reader_new     (GPtrArray               *storages);
void        helder_server_reader_free            (HelderServerReader      *reader);
void        helder_server_read                   (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  HelderServerReadFunc     work,
                                                  HelderServerDoneFunc     done,
                                                  gpointer                 data);

/* The data epoch (helder-server-epoch.c) */
void        helder_server_note_epoch             (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  const char              *epoch);
void        helder_server_epoch_start            (HelderServer            *self);

/* Reading records (helder-server-records.c) */
JsonNode   *helder_server_wire_record            (JsonObject              *row);
gboolean    helder_server_visible_to             (JsonObject              *row,
                                                  const HelderServerUser  *user);
void        helder_server_handle_changes         (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  GHashTable              *query);
void        helder_server_handle_index           (HelderServer            *self,
                                                  SoupServerMessage       *msg);
void        helder_server_handle_record          (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  const char              *path);

/* Push and merge (helder-server-push.c) */
void        helder_server_handle_push            (HelderServer            *self,
                                                  SoupServerMessage       *msg);

/* Blobs (helder-server-blobs.c) */
GPtrArray  *helder_server_blob_refs              (const char              *type,
                                                  JsonObject              *data);
gboolean    helder_server_blob_exists            (HelderServer            *self,
                                                  const HelderServerUser  *user,
                                                  const char              *sha);
void        helder_server_handle_blob            (HelderServer            *self,
                                                  SoupServerMessage       *msg,
                                                  const char              *path);

/* WebSocket notifications (helder-server-stream.c) */
void        helder_server_stream_free            (Stream                  *s);
void        helder_server_stream_send_version    (HelderServer            *self,
                                                  SoupWebsocketConnection *connection,
                                                  gint64                   version);
void        helder_server_broadcast_version      (HelderServer            *self,
                                                  gint64                   org_id,
                                                  gint64                   version);
void        helder_server_stream_early_handler   (SoupServer              *server,
                                                  SoupServerMessage       *msg,
                                                  const char              *path,
                                                  GHashTable              *query,
                                                  gpointer                 user_data);
void        helder_server_stream_handler         (SoupServer              *server,
                                                  SoupServerMessage       *msg,
                                                  const char              *path,
                                                  SoupWebsocketConnection *connection,
                                                  gpointer                 user_data);

G_END_DECLS
