/* helder-page.h: what the four pages of the window share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-gui-types.h"
#include "service/helder-service.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PAGE (helder_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HelderPage, helder_page, HELDER, PAGE, AdwBin)

struct _HelderPageClass
{
  AdwBinClass parent_class;

  /* Opens a record of one of the page's lists; pages without it show
   * their lists only. */
  void (*open_record) (HelderPage   *self,
                       HelderRecord *record);

  /* Whether records of @type open; without it, all of them do. */
  gboolean (*can_open) (HelderPage *self,
                        GType       type);

  /* The live list a bound list shows (helder_page_class_bind_list);
   * without it, helder_service_list() of the type. */
  HelderRecordList *(*create_list) (HelderPage *self,
                                    GType       type);

  /* Records the page holds beyond its bound lists (views of their own,
   * counted without reading them); whether the page is empty counts them */
  guint (*count_records) (HelderPage *self);

  /*< private >*/
  GType    new_item_type;       /* what "page.new" creates */
  char    *new_item_title;      /* the dialog's title */
  GArray  *lists;               /* ListBinding: template list → record type */
  gboolean has_views;
  char    *empty_resource;      /* the empty state, made when first shown */
};

HelderService      *helder_page_get_service        (HelderPage      *self);
void                helder_page_set_service        (HelderPage      *self,
                                                    HelderService   *service);
HelderStore        *helder_page_get_store          (HelderPage      *self);
HelderRecordList   *helder_page_get_list           (HelderPage      *self,
                                                    const char      *list_name);
AdwViewStack       *helder_page_get_views          (HelderPage      *self);
AdwViewSwitcherBar *helder_page_get_switcher_bar   (HelderPage      *self);
gboolean            helder_page_is_empty           (HelderPage      *self);
void                helder_page_show_error         (HelderPage      *self,
                                                    const char      *title,
                                                    const GError    *error);

void                helder_page_class_set_template (HelderPageClass *klass,
                                                    const char      *resource);
void                helder_page_class_set_empty    (HelderPageClass *klass,
                                                    const char      *resource);
void                helder_page_class_set_views    (HelderPageClass *klass);
void                helder_page_class_bind_list    (HelderPageClass *klass,
                                                    const char      *list_view_name,
                                                    GType            type);
void                helder_page_class_set_new_item (HelderPageClass *klass,
                                                    GType            type,
                                                    const char      *dialog_title);

G_END_DECLS
