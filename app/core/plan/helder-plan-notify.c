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
#include "helder-plan-messages.h"
#include "helder-plan-quarter.h"
#include "helder-plan-works.h"

/* Decided here, sent by the application (GNotification, through
 * HelderPlanNotifier): a notice has a stable id, so sending it again
 * replaces it instead of piling up, and what it opens when clicked. */

static HelderPlanNotice *
notice_new (char       *id,
            char       *title,
            char       *body,
            const char *view,
            const char *record)
{
  HelderPlanNotice *notice = g_new0 (HelderPlanNotice, 1);

  notice->id = id;
  notice->title = title;
  notice->body = body;
  notice->view = g_strdup (view);
  notice->record = g_strdup (record ? record : "");
  return notice;
}

/**
 * helder_plan_today:
 *
 * Returns: (transfer full): today, YYYY-MM-DD; $HELDER_TODAY when set
 *   (for demonstrations and tests of date rules)
 */
char *
helder_plan_today (void)
{
  const char *fixed = g_getenv ("HELDER_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && *fixed != '\0')
    return g_strndup (fixed, 10);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

void
helder_plan_notice_free (HelderPlanNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice->view);
  g_free (notice->record);
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
      notice = notice_new (g_strdup_printf ("works-letter-%s", warning->works),
                           g_strdup_printf (warning->days_left < 0 ? _("Residents’ letter late: %s")
                                                                   : _("Residents’ letter due: %s"),
                                            helder_record_get_title (record)),
                           g_strdup (warning->explanation), "works", warning->works);
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
  notice = notice_new (g_strdup_printf ("edition-due-%.10s", today),
                       g_strdup (_("The omgevingsbeeld goes out today")),
                       g_strdup (_("Write the duiding and mark the edition as sent in the planner.")),
                       "edition", NULL);
  return notice;
}

/**
 * helder_approvals_notice:
 * @messages: (element-type HelderMessage): the messages
 * @events: (element-type HelderMessageEvent) (nullable): their history,
 *   for who sent each for review
 * @login: (nullable): who sits at the desk
 *
 * Returns: (transfer full) (nullable): "messages wait for your
 *   approval": those in review that @login may approve (four eyes: not
 *   their own, and only for advisors and administrators)
 */
HelderPlanNotice *
helder_approvals_notice (GListModel *messages,
                         GListModel *events,
                         const char *login,
                         HelderRole  role)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) submitters = NULL;
  g_autoptr(GString) body = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (messages), NULL);

  if (login == NULL || *login == '\0' || role == HELDER_SESSION_ROLE_STAFF)
    return NULL;
  /* Who sent each message for review last, in one pass over the history
   * (as helder_message_find_submitter() reads it, for every message) */
  submitters = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(HelderRecord) event = g_list_model_get_item (events, i);
      const char *message = helder_record_get_text (event, "message");

      if (message != NULL && g_strcmp0 (helder_record_get_text (event, "to_status"), "review") == 0 &&
          g_strcmp0 (helder_record_get_text (event, "from_status"), "draft") == 0)
        /* (the list holds the event, and so its texts) */
        g_hash_table_insert (submitters, (gpointer) message, (gpointer) helder_record_get_text (event, "actor"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (messages, i);
      const char *submitter;

      if (helder_message_get_status (message) != HELDER_MESSAGE_REVIEW)
        continue;
      if (!g_hash_table_lookup_extended (submitters, helder_record_get_id (message), NULL, (gpointer *) &submitter))
        submitter = helder_record_get_text (message, "author");
      if (helder_message_may_step (message, HELDER_MESSAGE_APPROVED, login, role, submitter, NULL, NULL))
        g_ptr_array_add (waiting, g_steal_pointer (&message));
    }
  if (waiting->len == 0)
    return NULL;

  body = g_string_new (NULL);
  for (guint i = 0; i < waiting->len && i < 3; i++)
    {
      if (i > 0)
        g_string_append (body, ", ");
      /* Translators: a message's title, quoted */
      g_string_append_printf (body, _("“%s”"), helder_record_get_title (waiting->pdata[i]));
    }
  if (waiting->len > 3)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u other", "and %u others", waiting->len - 3),
                              waiting->len - 3);
    }
  return notice_new (g_strdup ("approvals-waiting"),
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message waits for your approval",
                                                   "%u messages wait for your approval", waiting->len),
                                      waiting->len),
                     g_string_free (g_steal_pointer (&body), FALSE), "message",
                     waiting->len == 1 ? helder_record_get_id (waiting->pdata[0]) : NULL);
}

/**
 * helder_review_notice:
 * @today: YYYY-MM-DD
 * @last_closed: (nullable): the latest closed quarter ("2026-Q3")
 *
 * Returns: (transfer full) (nullable): "the quarterly review is due" in
 *   the last HELDER_REVIEW_NOTICE_DAYS days of a quarter not closed yet,
 *   for those who may close it (advisors and administrators)
 */
HelderPlanNotice *
helder_review_notice (const char *today,
                      const char *last_closed,
                      HelderRole  role)
{
  g_autofree char *quarter = NULL;
  g_autofree char *under_review = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *label = NULL;
  GDate now, end;
  int days_left;

  g_return_val_if_fail (today != NULL, NULL);

  if (role == HELDER_SESSION_ROLE_STAFF || (quarter = helder_quarter_for_iso_date (today)) == NULL)
    return NULL;
  under_review = helder_quarter_to_review (quarter, last_closed);
  /* Today's quarter closed already: the next one is prepared, not due */
  if (g_strcmp0 (under_review, quarter) != 0)
    return NULL;
  helder_quarter_bounds (quarter, NULL, &last_day);
  if (!helder_date_from_iso (today, &now) || !helder_date_from_iso (last_day, &end))
    return NULL;
  days_left = g_date_days_between (&now, &end);
  if (days_left < 0 || days_left >= HELDER_REVIEW_NOTICE_DAYS)
    return NULL;
  label = helder_quarter_label (quarter);
  return notice_new (g_strdup_printf ("review-due-%s", quarter),
                     /* Translators: the quarter, "Q4 2026" */
                     g_strdup_printf (_("The quarterly review of %s is due"), label),
                     days_left == 0
                     ? g_strdup (_("The quarter ends today: keep, adjust or drop each topic and priority, then close it."))
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The quarter ends in %d day: keep, adjust or drop each topic and priority, then close it.",
                                                     "The quarter ends in %d days: keep, adjust or drop each topic and priority, then close it.",
                                                     days_left), days_left),
                     "review", NULL);
}
