/* helder-channels-page.c: the channel matrix: which channels reach whom, and how
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channels-page.h"

struct _HelderChannelsPage
{
  HelderPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderChannelsPage, helder_channels_page, HELDER_TYPE_PAGE)

static void
helder_channels_page_class_init (HelderChannelsPageClass *klass)
{
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-channels-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "channels_list", HELDER_TYPE_CHANNEL);
  helder_page_class_bind_list (page_class, "audiences_list", HELDER_TYPE_AUDIENCE);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_CHANNEL, N_("New Channel"));
}

static void
helder_channels_page_init (HelderChannelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
