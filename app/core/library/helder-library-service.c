/* helder-library-service.c: the library's rules: toolkit documents and trainings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-service"

#include "config.h"

#include "helder-library-service.h"

/* Bibliotheek's service.  The page lane adds the library search, reviews
 * and the training registrations (one registration record per person)
 * here. */

struct _HelderLibraryService
{
  HelderService parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderLibraryService, helder_library_service, HELDER_TYPE_SERVICE)

static void
helder_library_service_prepare_new (HelderService *service,
                                    HelderRecord  *record)
{
  /* The one who writes a toolkit document looks after it */
  if (HELDER_IS_TOOLKIT (record) || HELDER_IS_TRAINING (record))
    g_object_set (record, "owner", helder_session_get_login (helder_service_get_session (service)), NULL);
}

static void
helder_library_service_class_init (HelderLibraryServiceClass *klass)
{
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_library_service_prepare_new;
}

static void
helder_library_service_init (HelderLibraryService *self)
{
}

HelderLibraryService *
helder_library_service_new (HelderStore   *store,
                            HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_LIBRARY_SERVICE, "store", store, "session", session, NULL);
}

HelderRecordList *
helder_library_service_toolkits (HelderLibraryService *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_TOOLKIT);
}

/* By start, the next session first. */
HelderRecordList *
helder_library_service_trainings (HelderLibraryService *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_TRAINING);
}
