/* helder-session.h: who works at this desk, and what their role lets them change
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_SESSION_ROLE_ADMIN,     /* everything */
  HELDER_SESSION_ROLE_ADVISOR,   /* everything but organisation and user records */
  HELDER_SESSION_ROLE_STAFF,     /* their own documents, private word lists, registrations */
} HelderRole;

#define HELDER_TYPE_SESSION (helder_session_get_type ())

G_DECLARE_FINAL_TYPE (HelderSession, helder_session, HELDER, SESSION, GObject)

#define HELDER_SESSION_ERROR (helder_session_error_quark ())

typedef enum
{
  HELDER_SESSION_ERROR_FORBIDDEN,   /* the role may not do this; the message says so */
} HelderSessionError;

GQuark         helder_session_error_quark     (void);

HelderSession *helder_session_new             (const char    *login,
                                               HelderRole     role);
const char    *helder_session_get_login       (HelderSession *self);
void           helder_session_set_login       (HelderSession *self,
                                               const char    *login);
HelderRole     helder_session_get_role        (HelderSession *self);
void           helder_session_set_role        (HelderSession *self,
                                               HelderRole     role);

HelderRole     helder_role_from_string        (const char    *role);
const char    *helder_role_to_string          (HelderRole     role);

gboolean       helder_session_may_create      (HelderSession *self,
                                               GType          type);
gboolean       helder_session_check_write     (HelderSession *self,
                                               HelderRecord  *record,
                                               HelderRecord  *stored,
                                               GError       **error);

gboolean       helder_session_follows_edits   (HelderSession *self,
                                               GType          type);
void           helder_session_edited          (HelderSession *self,
                                               HelderRecord  *before,
                                               HelderRecord  *after);

G_END_DECLS
