/* helder-document-editor.h: writing one document, with live checks
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-gui-types.h"
#include "editor/helder-editor-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_DOCUMENT_EDITOR (helder_document_editor_get_type ())

G_DECLARE_FINAL_TYPE (HelderDocumentEditor, helder_document_editor, HELDER, DOCUMENT_EDITOR, AdwBin)

void            helder_document_editor_open         (HelderDocumentEditor *self,
                                                     HelderEditorService  *service,
                                                     HelderRecord         *document);
HelderAnalysis *helder_document_editor_get_analysis (HelderDocumentEditor *self);
HelderRecord   *helder_document_editor_get_document (HelderDocumentEditor *self);
gboolean        helder_document_editor_save         (HelderDocumentEditor *self);
HelderRecord   *helder_document_editor_close        (HelderDocumentEditor *self);

G_END_DECLS
