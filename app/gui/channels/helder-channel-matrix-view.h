/* helder-channel-matrix-view.h: Matrix: messages × channels, the advice as heat, the choice marked
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "channels/helder-channels-context.h"

G_BEGIN_DECLS

#define HELDER_TYPE_CHANNEL_MATRIX_VIEW (helder_channel_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderChannelMatrixView, helder_channel_matrix_view, HELDER, CHANNEL_MATRIX_VIEW, AdwBin)

void        helder_channel_matrix_view_set_context  (HelderChannelMatrixView *self,
                                                     HelderChannelsContext   *context);
void        helder_channel_matrix_view_focus_search (HelderChannelMatrixView *self);
GtkWidget  *helder_channel_matrix_view_get_cell     (HelderChannelMatrixView *self,
                                                     const char              *message_id,
                                                     guint                    channel);
int         helder_channel_heat                     (double                   score);

G_END_DECLS
