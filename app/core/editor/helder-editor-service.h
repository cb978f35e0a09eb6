/* helder-editor-service.h: Schrijven's rules: documents and the house style
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"
#include "text/helder-text-analyzer.h"

G_BEGIN_DECLS

#define HELDER_TYPE_EDITOR_SERVICE (helder_editor_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderEditorService, helder_editor_service, HELDER, EDITOR_SERVICE, HelderService)

HelderEditorService *helder_editor_service_new             (HelderStore          *store,
                                                            HelderSession        *session);
HelderRecordList    *helder_editor_service_documents       (HelderEditorService  *self);

HelderRecord        *helder_editor_service_import          (HelderEditorService  *self,
                                                            const char           *file_name,
                                                            const char           *text,
                                                            GError              **error);
HelderRecord        *helder_editor_service_duplicate       (HelderEditorService  *self,
                                                            HelderRecord         *document,
                                                            GError              **error);
gboolean             helder_editor_service_add_word        (HelderEditorService  *self,
                                                            const char           *word,
                                                            gboolean              personal,
                                                            GError              **error);
gboolean             helder_editor_service_add_ignored     (HelderRecord         *document,
                                                            const char           *word);
gboolean             helder_editor_service_ignore_word     (HelderEditorService  *self,
                                                            HelderRecord         *document,
                                                            const char           *word,
                                                            GError              **error);

/* The house style, read from the store and followed */
HelderHouseStyle    *helder_editor_service_get_house_style (HelderEditorService  *self);
HelderTextAnalyzer  *helder_editor_service_get_analyzer    (HelderEditorService  *self);
void                 helder_editor_service_want_analyzer   (HelderEditorService  *self);
void                 helder_editor_service_set_analyzer    (HelderEditorService  *self,
                                                            HelderTextAnalyzer   *analyzer);

G_END_DECLS
