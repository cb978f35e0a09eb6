/* helder-channel-editor.h: a channel's or audience's properties, edited in place; the advice's weights
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "channels/helder-channels-context.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNEL_EDITOR (helder_channel_editor_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelEditor, helder_channel_editor, HELDER, CHANNEL_EDITOR, AdwBin)

void          helder_channel_editor_set_context (HelderChannelEditor   *self,
                                                 HelderChannelsContext *context);
void          helder_channel_editor_open        (HelderChannelEditor   *self,
                                                 HelderRecord          *record);
HelderRecord *helder_channel_editor_get_record  (HelderChannelEditor   *self);

G_END_DECLS
