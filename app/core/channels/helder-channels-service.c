/* helder-channels-service.c: the channel matrix's rules: channels and audiences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-service"

#include "config.h"

#include "helder-channels-service.h"

/* Kanalen's service.  The page lane adds the channel advice ("digitaal,
 * tenzij"), the matrix and the contact pressure here. */

struct _HelderChannelsService
{
  HelderService parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderChannelsService, helder_channels_service, HELDER_TYPE_SERVICE)

static void
helder_channels_service_prepare_new (HelderService *service,
                                     HelderRecord  *record)
{
  /* Digital unless there is a reason not to */
  if (HELDER_IS_CHANNEL (record))
    g_object_set (record, "digital", TRUE, NULL);
}

static void
helder_channels_service_class_init (HelderChannelsServiceClass *klass)
{
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_channels_service_prepare_new;
}

static void
helder_channels_service_init (HelderChannelsService *self)
{
}

HelderChannelsService *
helder_channels_service_new (HelderStore   *store,
                             HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_CHANNELS_SERVICE, "store", store, "session", session, NULL);
}

HelderRecordList *
helder_channels_service_channels (HelderChannelsService *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_CHANNEL);
}

HelderRecordList *
helder_channels_service_audiences (HelderChannelsService *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_AUDIENCE);
}
