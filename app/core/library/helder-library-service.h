/* helder-library-service.h: the library's rules: toolkit documents and trainings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "service/helder-service.h"
#include "library/helder-library-attachments.h"
#include "library/helder-library-review.h"
#include "library/helder-library-training.h"

G_BEGIN_DECLS

#define HELDER_TYPE_LIBRARY_SERVICE (helder_library_service_get_type ())

G_DECLARE_FINAL_TYPE (HelderLibraryService, helder_library_service, HELDER, LIBRARY_SERVICE, HelderService)

HelderLibraryService *helder_library_service_new       (HelderStore          *store,
                                                        HelderSession        *session);
HelderRecordList     *helder_library_service_toolkits  (HelderLibraryService *self);
HelderRecordList     *helder_library_service_trainings (HelderLibraryService *self);

/* Roles: staff read, search and register; advisors and admins edit.  The
 * GUI asks these to hide what a role may not do; every writing call below
 * refuses it too (HELDER_SESSION_ERROR_FORBIDDEN). */
gboolean              helder_library_service_may_edit  (HelderLibraryService *self);

/* Documents and versions */

/* Saves @toolkit and, when its title, summary or body changed, a version
 * (a toolkit_revision record: number, author, the text as saved, @note)
 * in the same transaction.  Saves by one author within
 * HELDER_LIBRARY_VERSION_MINUTES of their last version of it (an editing
 * session, autosave included) update that version instead of adding one. */
#define HELDER_LIBRARY_VERSION_MINUTES 15
gboolean              helder_library_service_save_toolkit (HelderLibraryService *self,
                                                           HelderRecord         *toolkit,
                                                           const char           *note,
                                                           GError              **error);
/* The versions of @toolkit_id, newest first.
 * Returns: (transfer full) (element-type HelderToolkitRevision) */
GPtrArray            *helder_library_service_versions  (HelderLibraryService *self,
                                                        const char           *toolkit_id);
/* Deletes @toolkit and its versions (tombstones, one transaction). */
gboolean              helder_library_service_delete_toolkit (HelderLibraryService *self,
                                                             HelderRecord         *toolkit,
                                                             GError              **error);

/* Attachments: the blob is stored, the entry added and the toolkit saved
 * (no new version). */
gboolean              helder_library_service_attach    (HelderLibraryService *self,
                                                        HelderRecord         *toolkit,
                                                        GFile                *file,
                                                        GError              **error);
gboolean              helder_library_service_detach    (HelderLibraryService *self,
                                                        HelderRecord         *toolkit,
                                                        const char           *sha256,
                                                        GError              **error);

/* Review */

/* Months from a check to the next review: the setting
 * HELDER_LIBRARY_REVIEW_MONTHS_KEY, HELDER_LIBRARY_REVIEW_MONTHS_DEFAULT
 * when unset. */
guint                 helder_library_service_get_review_months (HelderLibraryService *self);
gboolean              helder_library_service_set_review_months (HelderLibraryService *self,
                                                                guint                 months,
                                                                GError              **error);
/* "Te beoordelen": the documents @owner looks after (NULL: the session's
 * user) that are expired or due soon on @today (NULL: today), the most
 * overdue first.  Returns: (transfer full) (element-type HelderToolkit) */
GPtrArray            *helder_library_service_to_review (HelderLibraryService *self,
                                                        const char           *owner,
                                                        const GDate          *today);
/* "Gecontroleerd": records who (verified_by: the session's login) and when
 * (verified_at and last_reviewed: @today) and sets next_review the review
 * months on.  The owner, advisors and admins may; staff may not. */
gboolean              helder_library_service_mark_checked (HelderLibraryService *self,
                                                           HelderRecord         *toolkit,
                                                           const GDate          *today,
                                                           GError              **error);
/* The banner for @toolkit as the session's user sees it on @today (NULL:
 * today); owner names come from the user records. */
HelderReviewBanner   *helder_library_service_banner    (HelderLibraryService *self,
                                                        HelderRecord         *toolkit,
                                                        const GDate          *today);

/* Trainings */

/* The sessions of @toolkit_id, by start.
 * Returns: (transfer full) (element-type HelderTraining) */
GPtrArray            *helder_library_service_sessions_of (HelderLibraryService *self,
                                                          const char           *toolkit_id);
/* The seats of @training (see helder_training_seats).
 * Returns: (transfer full) (element-type HelderTrainingSeat) */
GPtrArray            *helder_library_service_seats     (HelderLibraryService *self,
                                                        const char           *training_id);
/* The session user's place in @training_id. */
HelderPlace           helder_library_service_my_place  (HelderLibraryService *self,
                                                        const char           *training_id,
                                                        guint                *position);
/* Registers the session's user (requested_at: now); a second call does
 * nothing.  Returns the place it gave, or HELDER_PLACE_NONE with @error. */
HelderPlace           helder_library_service_register  (HelderLibraryService *self,
                                                        const char           *training_id,
                                                        GError              **error);
/* Unregisters the session's user (deletes the registration).  @moved_up:
 * (out) (optional) (transfer full): the logins that got a place by it. */
gboolean              helder_library_service_unregister (HelderLibraryService *self,
                                                         const char           *training_id,
                                                         GStrv                *moved_up,
                                                         GError              **error);
/* Attendance, by the training's owner (or an advisor/admin); staff may not. */
gboolean              helder_library_service_set_attended (HelderLibraryService *self,
                                                           const char           *registration_id,
                                                           gboolean              attended,
                                                           GError              **error);
/* The .ics of one session and its attendance list as CSV. */
char                 *helder_library_service_session_ics (HelderLibraryService *self,
                                                          const char           *training_id);
GBytes               *helder_library_service_attendance_csv (HelderLibraryService *self,
                                                             const char           *training_id);

/* A login's name from the user records (the login itself when unknown). */
char                 *helder_library_service_user_name (HelderLibraryService *self,
                                                        const char           *login);

G_END_DECLS
