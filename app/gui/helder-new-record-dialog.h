/* helder-new-record-dialog.h: asks for the name of a new record
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-gui-types.h"
#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_NEW_RECORD_DIALOG (helder_new_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HelderNewRecordDialog, helder_new_record_dialog, HELDER, NEW_RECORD_DIALOG, AdwWindow)

HelderNewRecordDialog *helder_new_record_dialog_new (HelderService *service,
                                                     GType          type,
                                                     const char    *title);

G_END_DECLS
