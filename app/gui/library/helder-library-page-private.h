/* helder-library-page-private.h: what the library page's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-library-page.h"
#include "helder-library-editor.h"
#include "helder-library-reader.h"
#include "helder-training-pane.h"
#include "library/helder-library-index.h"
#include "library/helder-library-service.h"

G_BEGIN_DECLS

/* The page is one class over several files, by concern:
 *   helder-library-page.c          the views, the filters, opening
 *   helder-library-page-search.c   the index, the query, the results
 *   helder-library-page-views.c    Te beoordelen, the banner, Trainingen, Versies */

struct _HelderLibraryPage
{
  HelderPage          parent_instance;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkBox             *category_box;
  GtkMenuButton      *tag_button;
  GtkMenuButton      *owner_button;
  GtkLabel           *count_label;
  GtkStack           *results_stack;
  GtkListBox         *results_list;
  AdwStatusPage      *nothing_page;
  GtkButton          *suggestion_button;
  HelderLibraryReader *reader;
  HelderLibraryEditor *editor;
  GtkStack           *review_stack;
  GtkListBox         *review_list;
  HelderTrainingPane *training_pane;

  /* the filters */
  GPtrArray          *categories;    /* const char *, of the toggles that are on */
  char               *tag;
  char               *owner;
  GtkCustomFilter    *filter;        /* the same, over the live list */
  GtkFilterListModel *filtered;

  /* the search */
  HelderLibraryIndex *index;
  GCancellable       *cancellable;
  HelderLibraryQuery *query;         /* the last one run, with words */
  gboolean            opening_index;
};

HelderLibraryService *helder_library_page_get_library     (HelderLibraryPage *self);
char                 *helder_library_page_user_name       (HelderLibraryPage *self,
                                                           const char        *login);
gboolean              helder_library_page_passes_filters  (HelderLibraryPage *self,
                                                           HelderRecord      *toolkit);
gboolean              helder_library_page_has_filters     (HelderLibraryPage *self);
void                  helder_library_page_filters_changed (HelderLibraryPage *self);
void                  helder_library_page_update_menus    (HelderLibraryPage *self);
void                  helder_library_page_open_toolkit    (HelderLibraryPage *self,
                                                           HelderRecord      *toolkit);
void                  helder_library_page_edit            (HelderLibraryPage *self,
                                                           HelderRecord      *toolkit);

/* helder-library-page-search.c */
void                  helder_library_page_class_init_search (GtkWidgetClass  *widget_class);
void                  helder_library_page_init_search     (HelderLibraryPage *self);
void                  helder_library_page_dispose_search  (HelderLibraryPage *self);
void                  helder_library_page_ensure_index    (HelderLibraryPage *self);
void                  helder_library_page_search          (HelderLibraryPage *self);
void                  helder_library_page_show_matches    (HelderLibraryPage *self);
HelderLibraryIndex   *helder_library_page_get_index       (HelderLibraryPage *self);

/* helder-library-page-views.c */
void                  helder_library_page_init_views      (HelderLibraryPage *self);
void                  helder_library_page_views_service_changed (HelderLibraryPage *self);
void                  helder_library_page_update_review   (HelderLibraryPage *self);
void                  helder_library_page_update_banner   (HelderLibraryPage *self);
void                  helder_library_page_open_training   (HelderLibraryPage *self,
                                                           HelderRecord      *training);

G_END_DECLS
