/* helder-plan-messages.h: the calendar's rules: message status, four-eyes approval, history, filters, layout
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-days.h"
#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_MESSAGE_IDEA,
  HELDER_MESSAGE_DRAFT,
  HELDER_MESSAGE_REVIEW,
  HELDER_MESSAGE_APPROVED,
  HELDER_MESSAGE_PUBLISHED,
  HELDER_MESSAGE_N_STATES,
} HelderMessageStatus;

#define HELDER_PLAN_ERROR (helder_plan_error_quark ())

typedef enum
{
  HELDER_PLAN_ERROR_NOT_ALLOWED,   /* the rules say no; the message says why */
  HELDER_PLAN_ERROR_NOT_FOUND,
} HelderPlanError;

GQuark              helder_plan_error_quark            (void);

HelderMessageStatus helder_message_status_from_string  (const char          *status);
const char         *helder_message_status_to_string    (HelderMessageStatus  status);
const char         *helder_message_status_label        (HelderMessageStatus  status);
const char         *helder_message_status_icon_name    (HelderMessageStatus  status);
HelderMessageStatus helder_message_get_status          (HelderRecord        *message);

/* The status machine: which steps exist, and whether this person may
 * take one.  @submitter is who sent the message for review (its author,
 * or the last one who sent it); NULL when unknown. */
gboolean            helder_message_step_exists         (HelderMessageStatus  from,
                                                        HelderMessageStatus  to);
gboolean            helder_message_may_step            (HelderRecord        *message,
                                                        HelderMessageStatus  to,
                                                        const char          *actor,
                                                        HelderRole           role,
                                                        const char          *submitter,
                                                        const char          *comment,
                                                        char               **reason);
char               *helder_message_find_submitter      (HelderRecord        *message,
                                                        GListModel          *events);
gboolean            helder_message_needs_review_after  (HelderRecord        *stored,
                                                        HelderRecord        *edited);

/* Dates: YYYY-MM-DD strings */
gboolean            helder_message_get_window          (HelderRecord        *message,
                                                        GDate               *start,
                                                        GDate               *end);
void                helder_message_shift_window        (const char          *start,
                                                        const char          *end,
                                                        int                  days,
                                                        char               **new_start,
                                                        char               **new_end);
char               *helder_date_to_iso                 (const GDate         *date);
gboolean            helder_date_from_iso               (const char          *iso,
                                                        GDate               *date);

/* Filters, as a pure predicate: an empty member matches everything */
typedef struct
{
  char  *priority;      /* a priority's id */
  char  *topic;
  char  *channel;       /* a channel's id */
  char  *audience;
  guint  states;        /* 1 << HelderMessageStatus; 0: all */
} HelderMessageFilter;

void                helder_message_filter_clear        (HelderMessageFilter *filter);
gboolean            helder_message_filter_is_empty     (const HelderMessageFilter *filter);
gboolean            helder_message_filter_matches      (const HelderMessageFilter *filter,
                                                        HelderRecord        *message);
guint               helder_message_filter_count        (const HelderMessageFilter *filter);

/* Layout of a month: six (or five, four) weeks of seven days, Monday
 * first; each day holds the messages whose window covers it. */
typedef struct
{
  GDate      first;      /* the Monday of the first row */
  guint      n_weeks;
  guint      week_numbers[6];   /* ISO 8601 */
  GPtrArray *days[42];   /* (element-type HelderRecord) per cell, by start then title */
} HelderMonthLayout;

HelderMonthLayout  *helder_month_layout_new            (guint                year,
                                                        guint                month,
                                                        GPtrArray           *messages);
void                helder_month_layout_free           (HelderMonthLayout   *layout);
int                 helder_month_layout_cell_of        (HelderMonthLayout   *layout,
                                                        const GDate         *date);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderMonthLayout, helder_month_layout_free)

/* A week's windows in lanes: two that overlap never share a lane */
typedef struct
{
  HelderRecord *record;
  guint         first_day;   /* 0 = Monday of the week */
  guint         last_day;    /* 6 = Sunday */
  guint         lane;
  gboolean      starts_before;
  gboolean      ends_after;
} HelderWeekItem;

GArray             *helder_week_lanes                  (const GDate         *monday,
                                                        GPtrArray           *records,
                                                        const char          *start_field,
                                                        const char          *end_field,
                                                        guint               *n_lanes);
GArray             *helder_week_lanes_of_spans         (const GDate         *monday,
                                                        GArray              *spans,
                                                        guint               *n_lanes);
GArray             *helder_week_lanes_keeping          (const GDate         *monday,
                                                        GArray              *spans,
                                                        GHashTable          *lanes,
                                                        guint               *n_lanes);
void                helder_week_monday                 (const GDate         *date,
                                                        GDate               *monday);
char               *helder_format_day                  (const GDate         *date,
                                                        gboolean             with_weekday);
char               *helder_format_month               (guint                year,
                                                        guint                month);

/* The service's actions: each one transaction */
HelderRecord       *helder_plan_service_create_message (HelderPlanService   *self,
                                                        const char          *title,
                                                        const char          *day,
                                                        GError             **error);
gboolean            helder_plan_service_save_message   (HelderPlanService   *self,
                                                        HelderRecord        *message,
                                                        GError             **error);
gboolean            helder_plan_service_step_message   (HelderPlanService   *self,
                                                        HelderRecord        *message,
                                                        HelderMessageStatus  to,
                                                        const char          *comment,
                                                        GError             **error);
gboolean            helder_plan_service_may_step_message (HelderPlanService *self,
                                                        HelderRecord        *message,
                                                        HelderMessageStatus  to,
                                                        char               **reason);
gboolean            helder_plan_service_move_message   (HelderPlanService   *self,
                                                        HelderRecord        *message,
                                                        int                  days,
                                                        GError             **error);
guint               helder_plan_service_texts_changed  (HelderPlanService   *self,
                                                        GListModel          *messages,
                                                        const char * const  *document_ids,
                                                        GError             **error);
HelderRecordList   *helder_plan_service_message_history (HelderPlanService  *self,
                                                        const char          *message_id);
char               *helder_plan_service_submitter      (HelderPlanService   *self,
                                                        HelderRecord        *message);
HelderRecordList   *helder_plan_service_council_meetings (HelderPlanService *self);

G_END_DECLS
