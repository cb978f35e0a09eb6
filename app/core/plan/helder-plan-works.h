/* helder-plan-works.h: works in the street: lead time, the residents' letter, overlaps (C3)
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

/* Residents hear of works this many days before the start, unless the
 * organisation's setting or the works itself says otherwise. */
#define HELDER_WORKS_LEAD_TIME_DEFAULT   14
/* setting records: {"days": N}; an array of audience ids */
#define HELDER_WORKS_LEAD_TIME_SETTING   "works.lead_time_days"
#define HELDER_WORKS_RESIDENTS_SETTING   "works.resident_audiences"

typedef enum
{
  HELDER_WORKS_LETTER_NOT_NEEDED,   /* no start date, or the works is over */
  HELDER_WORKS_LETTER_IN_TIME,      /* approved or published, out by the deadline */
  HELDER_WORKS_LETTER_MISSING,      /* no message to residents is linked */
  HELDER_WORKS_LETTER_NOT_APPROVED, /* planned in time, not approved yet */
  HELDER_WORKS_LETTER_TOO_LATE,     /* approved, but it goes out after the deadline */
} HelderWorksLetterState;

typedef struct
{
  HelderWorksLetterState  state;
  int                     lead_time;  /* days before the start */
  char                   *deadline;   /* YYYY-MM-DD: out by this day; NULL without a start */
  int                     days_left;  /* from today to the deadline; negative: past */
  HelderRecord           *message;    /* the best message found, or NULL */
} HelderWorksLetter;

typedef enum
{
  HELDER_WORKS_WARNING_LETTER,
  HELDER_WORKS_WARNING_OVERLAP,
} HelderWorksWarningKind;

typedef struct
{
  HelderWorksWarningKind  kind;
  char                   *works;        /* the works' id */
  char                   *title;        /* one line, translated */
  char                   *explanation;  /* what is wrong and why, translated */
  /* letter warnings */
  HelderWorksLetterState  letter;
  char                   *message;      /* the message found, if any */
  int                     days_left;    /* to the letter's deadline; negative: late */
  /* overlap warnings */
  char                   *other;        /* the other works' id */
  char                   *street;       /* the street both touch, as written */
  int                     first_week;   /* ISO week numbers of the shared weeks */
  int                     last_week;
} HelderWorksWarning;

typedef struct
{
  char *a;            /* the works' ids, a before b in the input */
  char *b;
  char *street;       /* as the first works writes it */
  char *first_monday; /* the Monday of the first shared week, YYYY-MM-DD */
  char *last_monday;  /* and of the last */
} HelderWorksOverlap;

/* Pure rules */
int                 helder_works_lead_time         (HelderRecord        *works,
                                                    int                  org_lead_time);
char               *helder_works_letter_deadline   (HelderRecord        *works,
                                                    int                  org_lead_time);
gboolean            helder_works_is_residents_message (HelderRecord      *message,
                                                    HelderRecord        *works,
                                                    const char * const  *residents);
HelderWorksLetter  *helder_works_check_letter      (HelderRecord        *works,
                                                    GPtrArray           *messages,
                                                    const char * const  *residents,
                                                    int                  org_lead_time,
                                                    const char          *today);
void                helder_works_letter_free       (HelderWorksLetter   *letter);

char               *helder_works_normalize_street  (const char          *street);
GPtrArray          *helder_works_streets           (HelderRecord        *works);
gboolean            helder_works_weeks_overlap     (HelderRecord        *a,
                                                    HelderRecord        *b,
                                                    char               **first_monday,
                                                    char               **last_monday);
GPtrArray          *helder_works_overlaps          (GPtrArray           *works);
void                helder_works_overlap_free      (HelderWorksOverlap  *overlap);

GPtrArray          *helder_works_warnings          (GPtrArray           *works,
                                                    GPtrArray           *messages,
                                                    const char * const  *residents,
                                                    int                  org_lead_time,
                                                    const char          *today);
void                helder_works_warning_free      (HelderWorksWarning  *warning);

char               *helder_works_format_day        (const char          *iso_date);
int                 helder_works_iso_week          (const char          *iso_date);

/* What the desktop is told (GNotification): one per works whose
 * residents' letter is late or due within HELDER_WORKS_NOTICE_DAYS, the
 * edition due today, the approvals waiting for me and the quarterly
 * review due within HELDER_REVIEW_NOTICE_DAYS of the quarter's end. */
#define HELDER_WORKS_NOTICE_DAYS  3
#define HELDER_REVIEW_NOTICE_DAYS 14

typedef struct
{
  char *id;     /* stable: the same notice replaces itself */
  char *title;
  char *body;
  /* What clicking it opens: a record type of the planner ("message",
   * "works"), "edition" or "review", and a record's id or "" */
  char *view;
  char *record;
} HelderPlanNotice;

GPtrArray          *helder_works_notices           (GPtrArray           *warnings,
                                                    GPtrArray           *works);
HelderPlanNotice   *helder_editions_notice         (const gboolean       days[8],
                                                    const char          *today,
                                                    HelderRecord        *last_sent);
HelderPlanNotice   *helder_approvals_notice        (GListModel          *messages,
                                                    GListModel          *events,
                                                    const char          *login,
                                                    HelderRole           role);
HelderPlanNotice   *helder_review_notice           (const char          *today,
                                                    const char          *last_closed,
                                                    HelderRole           role);
void                helder_plan_notice_free        (HelderPlanNotice    *notice);
char               *helder_plan_today              (void);

/* On the store, through the service */
int                 helder_plan_service_works_lead_time  (HelderPlanService *self);
char              **helder_plan_service_works_residents  (HelderPlanService *self);
GPtrArray          *helder_plan_service_works_warnings   (HelderPlanService *self,
                                                          const char        *today);
GPtrArray          *helder_plan_service_works_warnings_from (HelderPlanService *self,
                                                          GListModel        *works,
                                                          GListModel        *messages,
                                                          const char        *today);
HelderRecord       *helder_plan_service_create_works_letter (HelderPlanService *self,
                                                          HelderRecord      *works,
                                                          const char        *today,
                                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderWorksLetter, helder_works_letter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderWorksWarning, helder_works_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderWorksOverlap, helder_works_overlap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderPlanNotice, helder_plan_notice_free)

G_END_DECLS
