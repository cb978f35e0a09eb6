/* helder-types.h: forward declarations for the core library
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _HelderRecord      HelderRecord;
typedef struct _HelderRecordClass HelderRecordClass;
typedef struct _HelderStore       HelderStore;

G_END_DECLS
