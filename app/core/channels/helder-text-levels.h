/* helder-text-levels.h: the language level of each Schrijven text, measured once per version
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-settings.h"
#include "store/helder-store.h"
#include "text/helder-text-analyzer.h"

G_BEGIN_DECLS

#define HELDER_TYPE_TEXT_LEVELS (helder_text_levels_get_type ())

G_DECLARE_FINAL_TYPE (HelderTextLevels, helder_text_levels, HELDER, TEXT_LEVELS, GObject)

HelderTextLevels *helder_text_levels_for_store      (HelderStore        *store);
void              helder_text_levels_set_analyzer   (HelderTextLevels   *self,
                                                     HelderTextAnalyzer *analyzer);
int               helder_text_levels_lookup         (HelderTextLevels   *self,
                                                     const char         *document_id);
void              helder_text_levels_put            (HelderTextLevels   *self,
                                                     const char         *document_id,
                                                     const char         *text,
                                                     int                 level);
guint             helder_text_levels_get_n_analysed (HelderTextLevels   *self);
gboolean          helder_text_levels_is_busy        (HelderTextLevels   *self);

/* What a text of @level says against the @chosen channels' targets */
char             *helder_text_level_describe        (HelderChannelSettings *settings,
                                                     const gboolean        *chosen,
                                                     int                    level);
guint             helder_text_level_n_too_hard      (HelderChannelSettings *settings,
                                                     const gboolean        *chosen,
                                                     int                    level);

G_END_DECLS
