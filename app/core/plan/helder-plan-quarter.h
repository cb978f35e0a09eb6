/* helder-plan-quarter.h: the quarterly review: decisions, closing a quarter, its snapshot and comparison
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_QUARTER_ERROR (helder_quarter_error_quark ())

typedef enum
{
  HELDER_QUARTER_ERROR_CLOSED,        /* the quarter is closed: read-only */
  HELDER_QUARTER_ERROR_INVALID,       /* a decision without a reason, scores out of range */
  HELDER_QUARTER_ERROR_SNAPSHOT,      /* a stored snapshot that cannot be read */
} HelderQuarterError;

GQuark helder_quarter_error_quark (void);

typedef enum
{
  HELDER_REVIEW_NONE,    /* not reviewed yet */
  HELDER_REVIEW_KEEP,
  HELDER_REVIEW_ADJUST,  /* new scores (topic) or a new rank (priority) */
  HELDER_REVIEW_DROP,
  HELDER_REVIEW_NEW,     /* added in this quarter's review */
} HelderReviewDecision;

/* Quarters are named "2026-Q4". */
gboolean              helder_quarter_parse            (const char  *quarter,
                                                       int         *year,
                                                       int         *number);
char                 *helder_quarter_for_date         (GDateTime   *when);
char                 *helder_quarter_for_iso_date     (const char  *date);
char                 *helder_quarter_offset           (const char  *quarter,
                                                       int          quarters);
char                 *helder_quarter_label            (const char  *quarter);
void                  helder_quarter_bounds           (const char  *quarter,
                                                       char       **first_day,
                                                       char       **last_day);
char                 *helder_quarter_to_review        (const char  *today_quarter,
                                                       const char  *last_closed);

HelderReviewDecision  helder_review_decision_from_string (const char *decision);
const char           *helder_review_decision_to_string   (HelderReviewDecision decision);
const char           *helder_review_decision_label       (HelderReviewDecision decision);

/* A snapshot: each topic's cell and trend and each priority's rank, as
 * the quarter record keeps them at closing (its "snapshot" field:
 * {"topics": [{id, title, admin_impact, societal_impact, trend}],
 *  "priorities": [{id, title, rank}]}). */
typedef struct
{
  char *id;
  char *title;
  int   admin_impact;
  int   societal_impact;
  char *trend;
} HelderSnapshotTopic;

typedef struct
{
  char *id;
  char *title;
  int   rank;
} HelderSnapshotPriority;

typedef struct
{
  GPtrArray *topics;      /* HelderSnapshotTopic */
  GPtrArray *priorities;  /* HelderSnapshotPriority */
} HelderQuarterSnapshot;

HelderQuarterSnapshot *helder_quarter_snapshot_new          (void);
void                   helder_quarter_snapshot_free         (HelderQuarterSnapshot *snapshot);
void                   helder_quarter_snapshot_add_topic    (HelderQuarterSnapshot *snapshot,
                                                             const char            *id,
                                                             const char            *title,
                                                             int                    admin_impact,
                                                             int                    societal_impact,
                                                             const char            *trend);
void                   helder_quarter_snapshot_add_priority (HelderQuarterSnapshot *snapshot,
                                                             const char            *id,
                                                             const char            *title,
                                                             int                    rank);
HelderQuarterSnapshot *helder_quarter_snapshot_from_records (GListModel            *topics,
                                                             GListModel            *priorities);
char                  *helder_quarter_snapshot_to_json      (HelderQuarterSnapshot *snapshot);
HelderQuarterSnapshot *helder_quarter_snapshot_from_json    (const char            *json,
                                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderQuarterSnapshot, helder_quarter_snapshot_free)

/* What changed from one quarter's snapshot to the next. */
typedef enum
{
  HELDER_CHANGE_ADDED,    /* in the later snapshot only */
  HELDER_CHANGE_DROPPED,  /* in the earlier only */
  HELDER_CHANGE_MOVED,    /* a topic in another cell */
  HELDER_CHANGE_RANK,     /* a priority at another rank */
  HELDER_CHANGE_TREND,    /* a topic in the same cell with another trend */
} HelderChangeKind;

typedef struct
{
  HelderChangeKind  kind;
  gboolean          is_priority;
  char             *id;
  char             *title;
  /* topics: the cell before and after (0 where it was not or is no more) */
  int               from_admin, from_societal;
  int               to_admin, to_societal;
  const char       *from_trend, *to_trend;   /* interned */
  /* priorities: the rank before and after */
  int               from_rank, to_rank;
} HelderQuarterChange;

GPtrArray *helder_quarter_compare       (HelderQuarterSnapshot *before,
                                         HelderQuarterSnapshot *after);
guint      helder_quarter_count_changes (GPtrArray             *changes,
                                         HelderChangeKind       kind,
                                         gboolean               priorities);

/* The review through the planner service: each call one transaction,
 * refused for a closed quarter and for roles that may not plan. */
HelderRecord *helder_plan_quarter_find           (HelderPlanService     *self,
                                                  const char            *quarter);
gboolean      helder_plan_quarter_is_closed      (HelderPlanService     *self,
                                                  const char            *quarter);
char         *helder_plan_quarter_current        (HelderPlanService     *self,
                                                  GDateTime             *now);
GPtrArray    *helder_plan_quarter_closed         (HelderPlanService     *self);
HelderRecord *helder_plan_quarter_review_of      (HelderPlanService     *self,
                                                  const char            *quarter,
                                                  HelderRecord          *item);
HelderRecord *helder_plan_quarter_review_topic   (HelderPlanService     *self,
                                                  const char            *quarter,
                                                  HelderRecord          *topic,
                                                  HelderReviewDecision   decision,
                                                  const char            *reason,
                                                  int                    admin_impact,
                                                  int                    societal_impact,
                                                  GError               **error);
HelderRecord *helder_plan_quarter_review_priority (HelderPlanService    *self,
                                                  const char            *quarter,
                                                  HelderRecord          *priority,
                                                  HelderReviewDecision   decision,
                                                  const char            *reason,
                                                  int                    rank,
                                                  GError               **error);
HelderRecord *helder_plan_quarter_add_topic      (HelderPlanService     *self,
                                                  const char            *quarter,
                                                  const char            *title,
                                                  int                    admin_impact,
                                                  int                    societal_impact,
                                                  const char            *reason,
                                                  GError               **error);
gboolean      helder_plan_quarter_may_close      (HelderPlanService     *self,
                                                  char                 **why_not);
HelderRecord *helder_plan_quarter_close          (HelderPlanService     *self,
                                                  const char            *quarter,
                                                  GDateTime             *now,
                                                  GError               **error);
HelderQuarterSnapshot *helder_plan_quarter_snapshot (HelderPlanService  *self,
                                                  const char            *quarter,
                                                  GError               **error);
char         *helder_plan_quarter_user_name      (HelderPlanService     *self);

G_END_DECLS
