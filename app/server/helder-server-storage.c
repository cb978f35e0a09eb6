/* helder-server-storage.c: where helder-server keeps its data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server-storage"

#include "config.h"

#include "helder-server-storage.h"

G_DEFINE_INTERFACE (HelderServerStorage, helder_server_storage, G_TYPE_OBJECT)

G_DEFINE_QUARK (helder-server-error-quark, helder_server_error)

static void
helder_server_storage_default_init (HelderServerStorageInterface *iface)
{
}

void
helder_server_user_clear (HelderServerUser *user)
{
  g_clear_pointer (&user->login, g_free);
  g_clear_pointer (&user->role, g_free);
  g_clear_pointer (&user->org_slug, g_free);
  user->id = user->org_id = 0;
}
