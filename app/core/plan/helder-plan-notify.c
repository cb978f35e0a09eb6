/* helder-plan-notify.c: what the planner tells the desktop: late residents' letters, the edition due
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-notify"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-plan-editions.h"
#include "helder-plan-works.h"

/* Decided here, sent by the views (GNotification): a notice has a
 * stable id, so sending it again replaces it instead of piling up. */

void
helder_plan_notice_free (HelderPlanNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

static HelderRecord *
find_works (GPtrArray  *works,
            const char *id)
{
  for (guint i = 0; works != NULL && i < works->len; i++)
    if (g_strcmp0 (helder_record_get_id (works->pdata[i]), id) == 0)
      return works->pdata[i];
  return NULL;
}

/**
 * helder_works_notices:
 * @warnings: (element-type HelderWorksWarning): helder_works_warnings()
 * @works: (element-type HelderRecord): the works they are about
 *
 * Returns: (transfer full) (element-type HelderPlanNotice): a notice per
 *   works whose residents' letter is late, or due within three days
 *   without an approved message
 */
GPtrArray *
helder_works_notices (GPtrArray *warnings,
                      GPtrArray *works)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_plan_notice_free);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      HelderWorksWarning *warning = warnings->pdata[i];
      HelderRecord *record = find_works (works, warning->works);
      HelderPlanNotice *notice;

      if (warning->kind != HELDER_WORKS_WARNING_LETTER || record == NULL ||
          warning->days_left > HELDER_WORKS_NOTICE_DAYS)
        continue;
      notice = g_new0 (HelderPlanNotice, 1);
      notice->id = g_strdup_printf ("works-letter-%s", warning->works);
      notice->title = g_strdup_printf (warning->days_left < 0 ? _("Residents’ letter late: %s")
                                                              : _("Residents’ letter due: %s"),
                                       helder_record_get_title (record));
      notice->body = g_strdup (warning->explanation);
      g_ptr_array_add (notices, notice);
    }
  return notices;
}

/**
 * helder_editions_notice:
 * @today: YYYY-MM-DD
 * @last_sent: (nullable): the last edition sent
 *
 * Returns: (transfer full) (nullable): "the omgevingsbeeld is due
 *   today" on an edition day whose edition has not gone out
 */
HelderPlanNotice *
helder_editions_notice (const gboolean  days[8],
                        const char     *today,
                        HelderRecord   *last_sent)
{
  const char *sent = last_sent ? helder_record_get_text (last_sent, "date") : NULL;
  HelderPlanNotice *notice;

  g_return_val_if_fail (today != NULL, NULL);

  if (!helder_editions_is_edition_day (days, today) || (sent != NULL && strncmp (sent, today, 10) >= 0))
    return NULL;
  notice = g_new0 (HelderPlanNotice, 1);
  notice->id = g_strdup_printf ("edition-due-%.10s", today);
  notice->title = g_strdup (_("The omgevingsbeeld goes out today"));
  notice->body = g_strdup (_("Write the duiding and mark the edition as sent in the planner."));
  return notice;
}
