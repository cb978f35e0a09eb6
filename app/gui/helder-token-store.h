/* helder-token-store.h: the server token, in the keyring
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      helder_token_store_lookup_async  (const char           *server,
                                            const char           *user,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char     *helder_token_store_lookup_finish (GAsyncResult         *result,
                                            GError              **error);
void      helder_token_store_save          (const char           *server,
                                            const char           *user,
                                            const char           *token);
void      helder_token_store_clear         (const char           *server,
                                            const char           *user);

G_END_DECLS
