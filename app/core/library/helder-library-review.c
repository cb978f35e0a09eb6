/* helder-library-review.c: whether a document is current, as pure functions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "helder-library-review.h"

/* YYYY-MM-DD at the start of @text (a date or a date-time) */
static gboolean
parse_day (const char *text,
           GDate      *out)
{
  int year, month, day;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

HelderReviewState
helder_library_review_state (const char  *next_review,
                             const GDate *today,
                             int         *days)
{
  GDate next;
  int left;

  g_return_val_if_fail (today != NULL && g_date_valid (today), HELDER_REVIEW_UNSET);

  if (days != NULL)
    *days = 0;
  if (!parse_day (next_review, &next))
    return HELDER_REVIEW_UNSET;
  left = g_date_days_between (today, &next);
  if (days != NULL)
    *days = ABS (left);
  /* On the review date itself it is still current: due today */
  if (left < 0)
    return HELDER_REVIEW_EXPIRED;
  if (left <= HELDER_LIBRARY_REVIEW_SOON_DAYS)
    return HELDER_REVIEW_DUE_SOON;
  return HELDER_REVIEW_CURRENT;
}

char *
helder_library_review_next_date (const GDate *from,
                                 guint        months)
{
  GDate next;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  next = *from;
  /* GLib keeps the day within the shorter month (31 Jan + 1: 28/29 Feb) */
  g_date_add_months (&next, months);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&next), g_date_get_month (&next), g_date_get_day (&next));
}

void
helder_review_banner_free (HelderReviewBanner *banner)
{
  if (banner == NULL)
    return;
  g_free (banner->title);
  g_free (banner->detail);
  g_free (banner);
}

static char *
format_day (const GDate *date)
{
  char buffer[64];

  /* "3 March 2026" in the user's language */
  if (g_date_strftime (buffer, sizeof buffer, "%-d %B %Y", date) == 0)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buffer);
}

HelderReviewBanner *
helder_library_review_banner (const char  *next_review,
                              const char  *owner_name,
                              const char  *owner_login,
                              const char  *verified_by_name,
                              const char  *verified_at,
                              const char  *viewer_login,
                              HelderRole   viewer_role,
                              const GDate *today)
{
  HelderReviewBanner *banner = g_new0 (HelderReviewBanner, 1);
  g_autofree char *due = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *who = NULL;
  GDate next, when;
  int days;

  g_return_val_if_fail (today != NULL && g_date_valid (today), banner);

  banner->state = helder_library_review_state (next_review, today, &days);
  banner->visible = banner->state == HELDER_REVIEW_EXPIRED;
  banner->can_check = viewer_role != HELDER_SESSION_ROLE_STAFF ||
                      (owner_login != NULL && g_strcmp0 (owner_login, viewer_login) == 0);
  /* Staff can never write the document, owner or not */
  if (viewer_role == HELDER_SESSION_ROLE_STAFF)
    banner->can_check = FALSE;
  if (parse_day (next_review, &next))
    due = format_day (&next);

  switch (banner->state)
    {
    case HELDER_REVIEW_EXPIRED:
      /* Translators: %s is a date, "3 March 2026" */
      banner->title = g_strdup_printf (_("Out of date since %s"), due);
      break;
    case HELDER_REVIEW_DUE_SOON:
      banner->title = days == 0 ? g_strdup (_("To be checked today"))
                                /* Translators: %s is a date */
                                : g_strdup_printf (_("To be checked by %s"), due);
      break;
    case HELDER_REVIEW_CURRENT:
      banner->title = g_strdup_printf (_("Current until %s"), due);
      break;
    case HELDER_REVIEW_UNSET:
    default:
      banner->title = g_strdup (_("No review date"));
      break;
    }

  who = owner_name != NULL && *owner_name != '\0'
        /* Translators: %s is a person's name */
        ? g_strdup_printf (_("%s looks after this document."), owner_name)
        : g_strdup (_("Nobody looks after this document yet."));
  if (parse_day (verified_at, &when))
    {
      g_autofree char *on = format_day (&when);

      checked = verified_by_name != NULL && *verified_by_name != '\0'
                /* Translators: the first %s is a name, the second a date */
                ? g_strdup_printf (_("Last checked by %s on %s."), verified_by_name, on)
                : g_strdup_printf (_("Last checked on %s."), on);
    }
  banner->detail = checked != NULL ? g_strdup_printf ("%s %s", who, checked) : g_steal_pointer (&who);
  return banner;
}
