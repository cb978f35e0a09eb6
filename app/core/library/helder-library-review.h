/* helder-library-review.h: whether a document is current, as pure functions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "service/helder-session.h"

G_BEGIN_DECLS

/* Every document has an owner and a next review date (GOV.UK's content
 * model): past that date it is expired and shows a banner until its owner
 * (or an advisor) marks it "Gecontroleerd", which sets the next date
 * (default 6 months on; the setting "library.review_months", whose
 * value is {"months": N}). */

#define HELDER_LIBRARY_REVIEW_MONTHS_DEFAULT 6
#define HELDER_LIBRARY_REVIEW_MONTHS_KEY     "library.review_months"
/* Due soon: at most this many days before the next review date. */
#define HELDER_LIBRARY_REVIEW_SOON_DAYS      30

typedef enum
{
  HELDER_REVIEW_UNSET,    /* no next review date */
  HELDER_REVIEW_CURRENT,
  HELDER_REVIEW_DUE_SOON, /* within HELDER_LIBRARY_REVIEW_SOON_DAYS */
  HELDER_REVIEW_EXPIRED,  /* @today is after the next review date */
} HelderReviewState;

/* @next_review: YYYY-MM-DD (or an ISO 8601 date-time), or NULL.
 * @days: (out) (optional): days overdue when expired, days left when due
 * soon or current, 0 otherwise. */
HelderReviewState helder_library_review_state      (const char   *next_review,
                                                    const GDate  *today,
                                                    int          *days);

/* @from plus @months (31 January + 1 month: 28 or 29 February), as
 * YYYY-MM-DD. */
char             *helder_library_review_next_date  (const GDate  *from,
                                                    guint         months);

/* What the reading view shows above a document. */
typedef struct
{
  HelderReviewState state;
  gboolean  visible;      /* expired: always; otherwise not */
  gboolean  can_check;    /* the viewer may mark it "Gecontroleerd" */
  char     *title;        /* "Verlopen sinds 3 maart 2026" (translated) */
  char     *detail;       /* who looks after it, when last checked */
} HelderReviewBanner;

/* Pure: from the document's fields, who looks at it and the day.  The
 * owner and advisors/admins may check; staff may not. */
HelderReviewBanner *helder_library_review_banner   (const char   *next_review,
                                                    const char   *owner_name,
                                                    const char   *owner_login,
                                                    const char   *verified_by_name,
                                                    const char   *verified_at,
                                                    const char   *viewer_login,
                                                    HelderRole    viewer_role,
                                                    const GDate  *today);
void              helder_review_banner_free        (HelderReviewBanner *banner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderReviewBanner, helder_review_banner_free)

G_END_DECLS
