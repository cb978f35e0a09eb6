/* helder-editor-page.h: the plain-language editor's documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-page.h"

G_BEGIN_DECLS

#define HELDER_TYPE_EDITOR_PAGE (helder_editor_page_get_type ())

G_DECLARE_FINAL_TYPE (HelderEditorPage, helder_editor_page, HELDER, EDITOR_PAGE, HelderPage)

G_END_DECLS
