/* helder-page.h: what the four pages of the window share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/helder-store.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PAGE (helder_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HelderPage, helder_page, HELDER, PAGE, AdwBin)

struct _HelderPageClass
{
  AdwBinClass parent_class;

  /* Reads the page's records from the store again; called when the store
   * is set and when one of the page's record types changes. */
  void (*reload) (HelderPage *self);

  /* Opens a record of one of the page's lists; pages without it show
   * their lists only. */
  void (*open_record) (HelderPage   *self,
                       HelderRecord *record);

  /* Whether records of @type open; without it, all of them do. */
  gboolean (*can_open) (HelderPage *self,
                        GType       type);

  /*< private >*/
  GType   new_item_type;       /* what "page.new" creates */
  char   *new_item_title;      /* the dialog's title */
  GArray *lists;               /* ListBinding: template list → record type */
};

void         helder_page_class_set_new_item (HelderPageClass *klass,
                                             GType            type,
                                             const char      *dialog_title);
HelderStore *helder_page_get_store          (HelderPage      *self);
void         helder_page_set_store          (HelderPage      *self,
                                             HelderStore     *store);
void         helder_page_class_set_template (HelderPageClass *klass,
                                             const char      *resource);
void         helder_page_class_bind_list    (HelderPageClass *klass,
                                             const char      *list_box_name,
                                             GType            type);
gboolean     helder_page_is_empty           (HelderPage      *self);

G_END_DECLS
