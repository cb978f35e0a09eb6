/* test-database.h: a fresh PostgreSQL database for a test's helder-server
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_database_create (void);
void  test_database_run    (const char *sql);

G_END_DECLS
