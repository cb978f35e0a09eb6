/* helder-gui-types.h: forward declarations for the GUI
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-types.h"

G_BEGIN_DECLS

/* Headers of the GUI include this, not each other: the application
 * knows its windows, the windows and pages never need the application's
 * header to be declared. */
typedef struct _HelderApplication       HelderApplication;
typedef struct _HelderConflictsWindow   HelderConflictsWindow;
typedef struct _HelderDocumentEditor    HelderDocumentEditor;
typedef struct _HelderNewRecordDialog   HelderNewRecordDialog;
typedef struct _HelderPage              HelderPage;
typedef struct _HelderPreferencesWindow HelderPreferencesWindow;
typedef struct _HelderRecordListView    HelderRecordListView;
typedef struct _HelderWindow            HelderWindow;

G_END_DECLS
