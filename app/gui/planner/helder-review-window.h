/* helder-review-window.h: the quarterly review, a guided flow in its own window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plan/helder-plan-quarter.h"

G_BEGIN_DECLS

#define HELDER_TYPE_REVIEW_WINDOW (helder_review_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderReviewWindow, helder_review_window, HELDER, REVIEW_WINDOW, AdwWindow)

HelderReviewWindow *helder_review_window_new         (HelderPlanService  *service,
                                                      const char         *quarter);
const char         *helder_review_window_get_quarter (HelderReviewWindow *self);
const char         *helder_review_window_get_step    (HelderReviewWindow *self);
guint               helder_review_window_get_n_items (HelderReviewWindow *self);
void                helder_review_window_open_item   (HelderReviewWindow *self,
                                                      guint               index);
void                helder_review_window_decide      (HelderReviewWindow *self,
                                                      HelderReviewDecision decision,
                                                      const char         *reason);

G_END_DECLS
