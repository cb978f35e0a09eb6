/* helder-training-pane.h: one training session: places, signing up, attendance
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "library/helder-library-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_TRAINING_PANE (helder_training_pane_get_type ())

G_DECLARE_FINAL_TYPE (HelderTrainingPane, helder_training_pane, HELDER, TRAINING_PANE, AdwBin)

void          helder_training_pane_set_service  (HelderTrainingPane   *self,
                                                 HelderLibraryService *service);
void          helder_training_pane_set_training (HelderTrainingPane   *self,
                                                 HelderRecord         *training);
HelderRecord *helder_training_pane_get_training (HelderTrainingPane   *self);

G_END_DECLS
