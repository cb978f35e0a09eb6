/* helder-plan-csv.h: topics and priorities as CSV, and back
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

typedef struct
{
  guint         line;      /* where the row starts in the file */
  HelderRecord *record;    /* as it will be saved */
  gboolean      is_new;
  gboolean      changed;   /* an existing record with other fields */
} HelderPlanCsvRow;

typedef struct
{
  GPtrArray *rows;    /* HelderPlanCsvRow, in the file's order */
  GPtrArray *errors;  /* char *, "Regel 4: …", in the file's order */
} HelderPlanCsvImport;

GBytes              *helder_plan_csv_export      (GListModel           *topics,
                                                  GListModel           *priorities);
HelderPlanCsvImport *helder_plan_csv_parse       (const char           *data,
                                                  gsize                 length,
                                                  GListModel           *topics,
                                                  GListModel           *priorities,
                                                  GError              **error);
guint                helder_plan_csv_count       (HelderPlanCsvImport  *import,
                                                  gboolean              is_new,
                                                  gboolean              changed);
gboolean             helder_plan_csv_apply       (HelderPlanService    *self,
                                                  HelderPlanCsvImport  *import,
                                                  GError              **error);
void                 helder_plan_csv_import_free (HelderPlanCsvImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderPlanCsvImport, helder_plan_csv_import_free)

G_END_DECLS
