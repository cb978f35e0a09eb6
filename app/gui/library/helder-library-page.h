/* helder-library-page.h: instructions, toolkits, templates and trainings for all staff
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-page.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_PAGE (helder_library_page_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryPage, helder_library_page, HELDER, LIBRARY_PAGE, HelderPage)

GtkWidget *helder_library_page_get_reader (HelderLibraryPage *self);
void       helder_library_page_open       (HelderLibraryPage *self,
                                           HelderRecord      *toolkit);

G_END_DECLS
