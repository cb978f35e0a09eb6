/* test-util.h: what the sync tests share: servers and their databases
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *test_database_create (void);
void  test_database_run    (const char *sql);

void         test_die_with_parent (gpointer data);
GSubprocess *test_spawn_server (GError **error,
                                ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
