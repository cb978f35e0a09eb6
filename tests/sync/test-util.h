/* test-util.h: what the sync tests share: servers and their databases
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sync/helder-sync-client.h"

G_BEGIN_DECLS

/* The role helder-server connects as, in tests against PostgreSQL */
#define TEST_DATABASE_ROLE "helder_server"

char *test_database_create (void);
void  test_database_run    (const char *sql);
void  test_backup          (const char *data_dir,
                            const char *database,
                            const char *file);
void  test_restore         (const char *data_dir,
                            const char *database,
                            const char *file);

void         test_remove_tree     (const char *path);
void         test_die_with_parent (gpointer data);
GSubprocess *test_spawn_server (GError **error,
                                ...) G_GNUC_NULL_TERMINATED;

const char  *test_server_binary (void);
GSubprocess *test_admin_spawn   (const char *data_dir,
                                 const char *database,
                                 const char *password,
                                 const char *first,
                                 ...) G_GNUC_NULL_TERMINATED;
GSubprocess *test_admin_spawn_va (const char *data_dir,
                                  const char *database,
                                  const char *password,
                                  const char *first,
                                  va_list     ap);
void         test_admin_wait    (GSubprocess *process);
void         test_admin         (const char *data_dir,
                                 const char *database,
                                 const char *password,
                                 const char *first,
                                 ...) G_GNUC_NULL_TERMINATED;

GSubprocess *test_server_start  (const char        *data_dir,
                                 char             **url);
GSubprocess *test_server_start_with_config (const char  *data_dir,
                                            const char  *config,
                                            char       **url);
void         test_copy_store_files (const char     *from,
                                    const char     *to);
char        *test_client_login_token (HelderSyncClient *client,
                                      const char       *login,
                                      const char       *password);
void         test_client_login  (HelderSyncClient  *client,
                                 const char        *login,
                                 const char        *password);
gboolean     test_client_sync   (HelderSyncClient  *client,
                                 GError           **error);

G_END_DECLS
