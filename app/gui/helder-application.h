/* helder-application.h
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-gui-types.h"
#include "service/helder-service.h"
#include "store/helder-store.h"
#include "store/helder-store-recovery.h"
#include "sync/helder-sync-client.h"
#include "text/helder-text-analyzer.h"

G_BEGIN_DECLS

#define HELDER_TYPE_APPLICATION (helder_application_get_type ())

G_DECLARE_FINAL_TYPE (HelderApplication, helder_application, HELDER, APPLICATION, AdwApplication)

typedef enum
{
  HELDER_RESTORE_FROM_SERVER,
  HELDER_RESTORE_FROM_COPY,    /* the damaged files */
} HelderRestoreSource;

HelderApplication *helder_application_new             (void);
HelderStore       *helder_application_get_store       (HelderApplication *self);
const GError      *helder_application_get_store_error (HelderApplication *self);
const HelderStoreDamage *helder_application_get_store_damage (HelderApplication *self);
gboolean           helder_application_get_logged_in   (HelderApplication *self);
void               helder_application_restore_async   (HelderApplication   *self,
                                                       HelderRestoreSource  source,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char              *helder_application_restore_finish  (HelderApplication  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
GSettings         *helder_application_get_settings    (HelderApplication *self);
gboolean           helder_application_open_store      (HelderApplication *self,
                                                       const char        *path,
                                                       GError           **error);
HelderSyncClient  *helder_application_get_sync        (HelderApplication *self);
HelderTextAnalyzer *helder_application_get_analyzer   (HelderApplication *self);
gboolean           helder_application_get_first_frame_drawn (HelderApplication *self);
HelderSession     *helder_application_get_session     (HelderApplication *self);
HelderService     *helder_application_get_service     (HelderApplication *self,
                                                       GType              service_type);
void               helder_application_connect         (HelderApplication *self,
                                                       const char        *server_url,
                                                       const char        *user,
                                                       const char        *role,
                                                       const char        *token);
void               helder_application_disconnect      (HelderApplication *self);

G_END_DECLS
