/* helder-sync-client-private.h: the sync client's state, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "helder-sync-client.h"

G_BEGIN_DECLS

struct _HelderSyncClient
{
  GObject                  parent_instance;

  HelderStore             *store;
  SoupSession             *session;
  char                    *server_url;
  char                    *token;
  char                    *role;         /* what the last login said */

  HelderSyncState          state;
  char                    *last_error;
  GDateTime               *last_sync;
  double                   progress;

  /* automatic syncing */
  gboolean                 running;
  gboolean                 in_flight;
  gboolean                 again;       /* a change arrived during a sync */
  guint                    attempt;
  guint                    retry_after;  /* the server's Retry-After, seconds */
  guint                    timer_id;
  gulong                   store_handler;
  gulong                   network_handler;
  GCancellable            *cancellable;
  SoupWebsocketConnection *stream;

  /* fault injection, for tests */
  double                   drop_rate;
  GRand                   *fault_rand;
};

/* helder-sync-client.c */
void         helder_sync_client_set_progress (HelderSyncClient *self,
                                              double            progress);

/* helder-sync-client-exchange.c */
SoupMessage *helder_sync_client_new_request  (HelderSyncClient *self,
                                              const char       *method,
                                              const char       *path);

G_END_DECLS
