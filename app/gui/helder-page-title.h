/* helder-page-title.h: the header bar's title, the page's views to switch
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HELDER_TYPE_PAGE_TITLE (helder_page_title_get_type ())

G_DECLARE_FINAL_TYPE (HelderPageTitle, helder_page_title, HELDER, PAGE_TITLE, GtkWidget)

GtkWidget    *helder_page_title_new               (void);
const char   *helder_page_title_get_title         (HelderPageTitle *self);
void          helder_page_title_set_title         (HelderPageTitle *self,
                                                   const char      *title);
AdwViewStack *helder_page_title_get_stack         (HelderPageTitle *self);
void          helder_page_title_set_stack         (HelderPageTitle *self,
                                                   AdwViewStack    *stack);
gboolean      helder_page_title_get_title_visible (HelderPageTitle *self);

G_END_DECLS
