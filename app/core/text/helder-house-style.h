/* helder-house-style.h: the organisation's and the user's word lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-jargon.h"

G_BEGIN_DECLS

typedef struct _HelderHouseStyle HelderHouseStyle;

HelderHouseStyle *helder_house_style_new               (void);
HelderHouseStyle *helder_house_style_ref               (HelderHouseStyle   *self);
void              helder_house_style_unref             (HelderHouseStyle   *self);
void              helder_house_style_add_avoid_word    (HelderHouseStyle   *self,
                                                        const char         *phrase,
                                                        const char * const *alternatives,
                                                        const char         *explanation);
void              helder_house_style_add_spelling_word (HelderHouseStyle   *self,
                                                        const char         *word);
void              helder_house_style_add_ignored_word  (HelderHouseStyle   *self,
                                                        const char         *word);
void              helder_house_style_add_name          (HelderHouseStyle   *self,
                                                        const char         *name);

/* For the analyser: the style once it is shared (sealed) */
void              helder_house_style_seal              (HelderHouseStyle   *self);
guint             helder_house_style_get_serial        (HelderHouseStyle   *self);
HelderJargon     *helder_house_style_get_avoid         (HelderHouseStyle   *self);
gboolean          helder_house_style_is_ignored        (HelderHouseStyle   *self,
                                                        const char         *lower);
gboolean          helder_house_style_is_spelling_word  (HelderHouseStyle   *self,
                                                        const char         *lower);
gboolean          helder_house_style_is_name           (HelderHouseStyle   *self,
                                                        const char         *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderHouseStyle, helder_house_style_unref)

G_END_DECLS
