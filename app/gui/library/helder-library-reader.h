/* helder-library-reader.h: one toolkit document, to read
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "library/helder-library-review.h"
#include "library/helder-library-service.h"
#include "library/helder-markdown-view.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_READER (helder_library_reader_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryReader, helder_library_reader, HELDER, LIBRARY_READER, AdwBin)

char               *helder_library_user_name           (HelderService        *service,
                                                        const char           *login);
void                helder_library_reader_set_service  (HelderLibraryReader  *self,
                                                        HelderLibraryService *service);
void                helder_library_reader_set_toolkit  (HelderLibraryReader  *self,
                                                        HelderRecord         *toolkit);
HelderRecord       *helder_library_reader_get_toolkit  (HelderLibraryReader  *self);
HelderMarkdownView *helder_library_reader_get_view     (HelderLibraryReader  *self);
void                helder_library_reader_show_banner  (HelderLibraryReader  *self,
                                                        const HelderReviewBanner *banner);

G_END_DECLS
