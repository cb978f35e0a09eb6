/* helder-plan-service.h: the planner's rules: priorities, topics, messages, works, editions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PLAN_SERVICE (helder_plan_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderPlanService, helder_plan_service, HELDER, PLAN_SERVICE, HelderService)

typedef enum
{
  HELDER_TOPIC_ORDER_TITLE,
  HELDER_TOPIC_ORDER_SCORE,   /* administrative × societal impact, highest first */
} HelderTopicOrder;

HelderPlanService *helder_plan_service_new          (HelderStore       *store,
                                                     HelderSession     *session);

HelderRecordList  *helder_plan_service_priorities   (HelderPlanService *self);
HelderRecordList  *helder_plan_service_topics       (HelderPlanService *self,
                                                     HelderTopicOrder   order);
HelderRecordList  *helder_plan_service_messages     (HelderPlanService *self,
                                                     const char        *from,
                                                     const char        *until);
HelderRecordList  *helder_plan_service_works        (HelderPlanService *self);
HelderRecordList  *helder_plan_service_editions     (HelderPlanService *self);

int                helder_topic_score               (HelderRecord      *topic);
gboolean           helder_message_in_window         (HelderRecord      *message,
                                                     const char        *from,
                                                     const char        *until);

HelderRecord      *helder_plan_service_message_text (HelderPlanService *self,
                                                     HelderRecord      *message,
                                                     GError           **error);

G_END_DECLS
