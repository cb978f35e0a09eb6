/* helder-library-news.h: telling staff what changed for them: a place from the waitlist
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "library/helder-library-service.h"

G_BEGIN_DECLS

/* Follows the registrations in the store (local and pulled) and notices
 * when the session's user moves from the waitlist to a place, whoever's
 * cancel caused it and on whichever desk.  What the user was last told is
 * kept in a key file beside the store, so a restart neither repeats nor
 * misses it.  The first look at a store only learns; it tells nothing. */

#define HELDER_TYPE_LIBRARY_NEWS (helder_library_news_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryNews, helder_library_news, HELDER, LIBRARY_NEWS, GObject)

HelderLibraryNews *helder_library_news_new              (HelderLibraryService *service);

/* When set, each move up is also sent as a GNotification (id
 * "training-TRAINING_ID", default action "app.show-training" with the
 * training id as target). */
void               helder_library_news_set_application  (HelderLibraryNews    *self,
                                                         GApplication         *application);

/* The trainings where the user got a place and has not looked yet: for a
 * "news" flag in the GUI.  Returns: (transfer none) (element-type utf8) */
GPtrArray         *helder_library_news_get_unseen       (HelderLibraryNews    *self);
void               helder_library_news_mark_seen        (HelderLibraryNews    *self,
                                                         const char           *training_id);

/* The notification for @training (title "You have a place", the session's
 * title, date and place). */
GNotification     *helder_library_news_notification     (HelderRecord         *training);

/* Looks at the registrations now (the store's signal does this by itself;
 * for tests). */
void               helder_library_news_check            (HelderLibraryNews    *self);

/* Signals:
 *   "moved-up" (training_id: string): the user got a place in it
 *   "notify::n-unseen" */

G_END_DECLS
