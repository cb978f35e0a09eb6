/* helder-record-follower.h: an open record that follows the store
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_FOLLOW_CHANGED,              /* changed elsewhere, no local edits: show it */
  HELDER_FOLLOW_CHANGED_UNDER_EDITS,  /* changed elsewhere while the view has unsaved edits */
  HELDER_FOLLOW_DELETED,              /* deleted elsewhere */
} HelderFollowEvent;

#define HELDER_TYPE_RECORD_FOLLOWER (helder_record_follower_get_type ())

G_DECLARE_FINAL_TYPE (HelderRecordFollower, helder_record_follower, HELDER, RECORD_FOLLOWER, GObject)

HelderRecordFollower *helder_record_follower_new         (HelderService         *service,
                                                          HelderRecord          *record);
HelderService        *helder_record_follower_get_service (HelderRecordFollower  *self);
HelderRecord         *helder_record_follower_get_base    (HelderRecordFollower  *self);
const char           *helder_record_follower_get_id      (HelderRecordFollower  *self);
gboolean              helder_record_follower_get_edited  (HelderRecordFollower  *self);
void                  helder_record_follower_set_edited  (HelderRecordFollower  *self,
                                                          gboolean               edited);
gboolean              helder_record_follower_get_deleted (HelderRecordFollower  *self);

gboolean              helder_record_follower_save        (HelderRecordFollower  *self,
                                                          HelderRecord          *record,
                                                          GError               **error);
gboolean              helder_record_follower_merge       (HelderRecordFollower  *self,
                                                          HelderRecord          *local,
                                                          gboolean              *conflict,
                                                          GError               **error);
HelderRecord         *helder_record_follower_keep_copy   (HelderRecordFollower  *self,
                                                          HelderRecord          *local,
                                                          GError               **error);

HelderRecord         *helder_record_follower_copy        (HelderRecord          *record);

G_END_DECLS
