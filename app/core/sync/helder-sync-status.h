/* helder-sync-status.h: what the header bar says about syncing
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-sync-client.h"

G_BEGIN_DECLS

typedef struct
{
  char       *label;      /* short, for the header bar */
  char       *detail;     /* a sentence, for the tooltip and popover */
  const char *icon_name;
  gboolean    show_retry;
} HelderSyncStatus;

void helder_sync_status_describe (HelderSyncStatus *status,
                                  gboolean          has_server,
                                  HelderSyncState   state,
                                  GDateTime        *last_sync,
                                  const char       *error,
                                  guint             n_conflicts);
void helder_sync_status_clear    (HelderSyncStatus *status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderSyncStatus, helder_sync_status_clear)

G_END_DECLS
