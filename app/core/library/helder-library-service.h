/* helder-library-service.h: the library's rules: toolkit documents and trainings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_SERVICE (helder_library_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryService, helder_library_service, HELDER, LIBRARY_SERVICE, HelderService)

HelderLibraryService *helder_library_service_new       (HelderStore          *store,
                                                        HelderSession        *session);
HelderRecordList     *helder_library_service_toolkits  (HelderLibraryService *self);
HelderRecordList     *helder_library_service_trainings (HelderLibraryService *self);

G_END_DECLS
