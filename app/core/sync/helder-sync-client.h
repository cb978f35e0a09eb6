/* helder-sync-client.h: keeps the local store and helder-server in step
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_SYNC_STATE_OFFLINE,      /* no server, or the network is down */
  HELDER_SYNC_STATE_LOGGED_OUT,   /* a server, but no (valid) token */
  HELDER_SYNC_STATE_SYNCING,
  HELDER_SYNC_STATE_UP_TO_DATE,
  HELDER_SYNC_STATE_ERROR,  /* see last-error; a retry is scheduled */
} HelderSyncState;

#define HELDER_TYPE_SYNC_CLIENT (helder_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (HelderSyncClient, helder_sync_client, HELDER, SYNC_CLIENT, GObject)

#define HELDER_SYNC_ERROR (helder_sync_error_quark ())

typedef enum
{
  HELDER_SYNC_ERROR_NETWORK,
  HELDER_SYNC_ERROR_UNAUTHORIZED,
  HELDER_SYNC_ERROR_SERVER,
  HELDER_SYNC_ERROR_STORE,
} HelderSyncError;

GQuark            helder_sync_error_quark          (void);

HelderSyncClient *helder_sync_client_new           (HelderStore          *store,
                                                    const char           *server_url);
const char       *helder_sync_client_get_server_url (HelderSyncClient    *self);
void              helder_sync_client_set_token     (HelderSyncClient     *self,
                                                    const char           *token);
HelderSyncState   helder_sync_client_get_state     (HelderSyncClient     *self);
const char       *helder_sync_client_get_last_error (HelderSyncClient    *self);
GDateTime        *helder_sync_client_get_last_sync (HelderSyncClient     *self);
double            helder_sync_client_get_progress  (HelderSyncClient     *self);

void              helder_sync_client_login_async   (HelderSyncClient     *self,
                                                    const char           *user,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char             *helder_sync_client_login_finish  (HelderSyncClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
const char       *helder_sync_client_get_role      (HelderSyncClient     *self);
void              helder_sync_client_sync_async    (HelderSyncClient     *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          helder_sync_client_sync_finish   (HelderSyncClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void              helder_sync_client_start         (HelderSyncClient     *self);
void              helder_sync_client_stop          (HelderSyncClient     *self);
void              helder_sync_client_sync_now      (HelderSyncClient     *self);

guint             helder_sync_backoff_seconds      (guint                 attempt,
                                                    double                jitter);

/* Tests only: lose this share of requests before they are sent and of
 * answers after the server handled them, drawn from @seed. */
void              helder_sync_client_set_faults    (HelderSyncClient     *self,
                                                    double                drop_rate,
                                                    guint32               seed);

G_END_DECLS
