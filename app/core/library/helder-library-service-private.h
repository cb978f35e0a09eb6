/* helder-library-service-private.h: what the library service's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-library-service.h"

G_BEGIN_DECLS

HelderStore   *helder_library_service_store   (HelderLibraryService *self);
HelderSession *helder_library_service_session (HelderLibraryService *self);
const char    *helder_library_service_login   (HelderLibraryService *self);
GPtrArray     *helder_library_service_query   (HelderLibraryService *self,
                                               GType                 type,
                                               const char           *sql,
                                               const char           *arg1,
                                               const char           *arg2);
gboolean       helder_library_refuse          (GError              **error,
                                               const char           *message);

G_END_DECLS
