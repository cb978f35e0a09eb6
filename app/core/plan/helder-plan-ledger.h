/* helder-plan-ledger.h: the priority ledger: rank order, editing rules, what hangs from a priority
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

#define HELDER_LEDGER_ERROR (helder_ledger_error_quark ())

/* One code per field, so a form can show the message at the right row. */
typedef enum
{
  HELDER_LEDGER_ERROR_TITLE,
  HELDER_LEDGER_ERROR_RATIONALE,
  HELDER_LEDGER_ERROR_SOURCE_CLAUSE,
  HELDER_LEDGER_ERROR_THEME,
  HELDER_LEDGER_ERROR_OWNER,
  HELDER_LEDGER_ERROR_QUARTERS,
  HELDER_LEDGER_ERROR_STATUS,     /* a status change the ledger does not allow */
  HELDER_LEDGER_ERROR_POSITION,
  HELDER_LEDGER_ERROR_UNKNOWN_FIELD,
} HelderLedgerError;

/* Limits a form can show (characters) */
#define HELDER_LEDGER_TITLE_MAX     120
#define HELDER_LEDGER_SHORT_MAX     200
#define HELDER_LEDGER_RATIONALE_MAX 2000

typedef enum
{
  HELDER_LEDGER_PAUSE,
  HELDER_LEDGER_FINISH,
  HELDER_LEDGER_REACTIVATE,
} HelderLedgerTransition;

GQuark        helder_ledger_error_quark        (void);

/* Pure rules */
int           helder_ledger_compare            (gconstpointer            a,
                                                gconstpointer            b,
                                                gpointer                 user_data);
GPtrArray    *helder_ledger_sorted             (GListModel              *priorities);
gboolean      helder_ledger_renumber           (GPtrArray               *ordered,
                                                GPtrArray               *changed);
char        **helder_ledger_parse_quarters     (const char              *text,
                                                GError                 **error);
char         *helder_ledger_format_quarters    (const char * const      *quarters);
gboolean      helder_ledger_quarter_valid      (const char              *quarter);
gboolean      helder_ledger_check_field        (const char              *field,
                                                const char              *value,
                                                GError                 **error);
gboolean      helder_ledger_may_transition     (const char              *status,
                                                HelderLedgerTransition   transition,
                                                GError                 **error);
const char   *helder_ledger_status_label       (const char              *status);

/* What hangs from a priority, from the live lists of the planner */
typedef struct
{
  GPtrArray *topics;     /* HelderRecord: topics that name the priority */
  GPtrArray *messages;   /* messages of the priority or of one of its topics */
  GPtrArray *works;      /* works those messages are about */
} HelderLedgerHangers;

void          helder_ledger_hangers_collect    (HelderLedgerHangers     *hangers,
                                                const char              *priority_id,
                                                GListModel              *topics,
                                                GListModel              *messages,
                                                GListModel              *works);
void          helder_ledger_hangers_clear      (HelderLedgerHangers     *hangers);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderLedgerHangers, helder_ledger_hangers_clear)

/* Actions, each one transaction through the service */
guint         helder_plan_ledger_next_rank     (HelderPlanService       *self);
gboolean      helder_plan_ledger_move          (HelderPlanService       *self,
                                                const char              *priority_id,
                                                guint                    position,
                                                guint                   *old_position,
                                                GError                 **error);
gboolean      helder_plan_ledger_move_by       (HelderPlanService       *self,
                                                const char              *priority_id,
                                                int                      delta,
                                                guint                   *old_position,
                                                GError                 **error);
gboolean      helder_plan_ledger_set_field     (HelderPlanService       *self,
                                                const char              *priority_id,
                                                const char              *field,
                                                const char              *value,
                                                GError                 **error);
HelderRecord *helder_plan_ledger_create        (HelderPlanService       *self,
                                                const char              *title,
                                                GError                 **error);
gboolean      helder_plan_ledger_transition    (HelderPlanService       *self,
                                                const char              *priority_id,
                                                HelderLedgerTransition   transition,
                                                GError                 **error);

G_END_DECLS
