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
void         test_server_admin (const char  *binary,
                                const char  *data_dir,
                                const char  *input,
                                ...) G_GNUC_NULL_TERMINATED;
GSubprocess *test_server_start (const char  *binary,
                                const char  *data_dir,
                                const char  *config,
                                char       **url);
void         test_copy_store_files (const char *from,
                                    const char *to);

G_END_DECLS
