/* helder-service.h: what the page services share: the store, the session, one transaction per action
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "service/helder-session.h"
#include "store/helder-record-list.h"
#include "store/helder-store.h"

G_BEGIN_DECLS

#define HELDER_TYPE_SERVICE (helder_service_get_type ())

G_DECLARE_DERIVABLE_TYPE (HelderService, helder_service, HELDER, SERVICE, GObject)

struct _HelderServiceClass
{
  GObjectClass parent_class;

  /* Fills in a record made by helder_service_create() (defaults of the
   * page's rules); the base sets the name and, for staff, private. */
  void (*prepare_new) (HelderService *self,
                       HelderRecord  *record);

  /*< private >*/
  gpointer padding[7];
};

HelderStore      *helder_service_get_store   (HelderService  *self);
HelderSession    *helder_service_get_session (HelderService  *self);

HelderRecordList *helder_service_list        (HelderService  *self,
                                              GType           type);
HelderRecord     *helder_service_load        (HelderService  *self,
                                              GType           type,
                                              const char     *id);

gboolean          helder_service_may_create  (HelderService  *self,
                                              GType           type);
HelderRecord     *helder_service_create      (HelderService  *self,
                                              GType           type,
                                              const char     *name,
                                              GError        **error);
gboolean          helder_service_save        (HelderService  *self,
                                              HelderRecord   *record,
                                              GError        **error);
gboolean          helder_service_delete      (HelderService  *self,
                                              HelderRecord   *record,
                                              GError        **error);
gboolean          helder_service_restore     (HelderService  *self,
                                              HelderRecord   *record,
                                              GError        **error);
gboolean          helder_service_write       (HelderService  *self,
                                              GPtrArray      *saves,
                                              GPtrArray      *deletions,
                                              GError        **error);

const char       *helder_record_type_name_field (GType        type);

G_END_DECLS
