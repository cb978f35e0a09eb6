/* library-fixture.h: a store in a temporary folder, with the library's service
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "library/helder-library-service.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  HelderStore          *store;
  HelderSession        *session;
  HelderLibraryService *service;
} LibraryFixture;

void          library_setup    (LibraryFixture *fixture,
                                gconstpointer   data);
void          library_teardown (LibraryFixture *fixture,
                                gconstpointer   data);
/* Saves a toolkit straight to the store; @tags: NULL-terminated, or NULL */
HelderRecord *library_add      (LibraryFixture *fixture,
                                const char     *title,
                                const char     *summary,
                                const char     *body,
                                const char     *category,
                                const char     *owner,
                                const char * const *tags);
void          library_remove_tree (const char  *path);
