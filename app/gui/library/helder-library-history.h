/* helder-library-history.h: a toolkit document's versions and what changed between two
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "library/helder-library-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_HISTORY (helder_library_history_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryHistory, helder_library_history, HELDER, LIBRARY_HISTORY, AdwWindow)

HelderLibraryHistory *helder_library_history_new     (HelderLibraryService *service,
                                                      HelderRecord         *toolkit);
guint                 helder_library_history_get_n_versions (HelderLibraryHistory *self);
void                  helder_library_history_compare (HelderLibraryHistory *self,
                                                      guint                 older,
                                                      guint                 newer);
char                 *helder_library_history_get_diff_text (HelderLibraryHistory *self,
                                                            guint               *added,
                                                            guint               *removed);

G_END_DECLS
