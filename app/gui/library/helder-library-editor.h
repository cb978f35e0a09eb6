/* helder-library-editor.h: a toolkit document's Markdown, edited beside its preview
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "editor/helder-editor-service.h"
#include "library/helder-library-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_EDITOR (helder_library_editor_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryEditor, helder_library_editor, HELDER, LIBRARY_EDITOR, AdwBin)

void          helder_library_editor_open         (HelderLibraryEditor  *self,
                                                  HelderLibraryService *service,
                                                  HelderEditorService  *checks,
                                                  HelderRecord         *toolkit);
gboolean      helder_library_editor_save         (HelderLibraryEditor  *self,
                                                  GError              **error);
HelderRecord *helder_library_editor_get_toolkit  (HelderLibraryEditor  *self);
gboolean      helder_library_editor_get_modified (HelderLibraryEditor  *self);
guint         helder_library_editor_get_n_marks  (HelderLibraryEditor  *self);
char         *helder_library_editor_check_text   (const char           *markdown);

G_END_DECLS
