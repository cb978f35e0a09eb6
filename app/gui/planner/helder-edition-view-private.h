/* helder-edition-view-private.h: what the edition view's columns and item rows share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-edition-view.h"
#include "plan/helder-plan-editions.h"
#include "plan/helder-plan-works.h"
#include "service/helder-record-follower.h"

G_BEGIN_DECLS

struct _HelderEditionView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwLeaflet            *leaflet;
  GtkWidget             *list_column;
  GtkStack              *next_stack;
  GtkLabel              *next_label;
  GtkWidget             *draft_row;
  GtkLabel              *draft_title;
  GtkLabel              *draft_subtitle;
  GtkSearchEntry        *archive_search;
  GtkStack              *archive_stack;
  GtkListView           *archive_list;
  GtkStack              *editor_stack;
  GtkWidget             *edition_back_button;
  GtkLabel              *edition_title;
  GtkLabel              *edition_status;
  GtkWidget             *send_button;
  AdwEntryRow           *recipients_row;
  GtkTextView           *intro_view;
  GtkListBox            *items_box;
  GtkMenuButton         *add_item_button;
  GtkPopover            *add_popover;
  GtkSearchEntry        *add_search;
  GtkListBox            *add_list;

  /* owned */
  HelderService         *service;
  HelderRecordList      *editions;   /* all of them: the draft is found here */
  HelderRecordList      *archive;    /* the sent ones, searched */
  GtkSingleSelection    *archive_selection;
  HelderRecordList      *sources[5];  /* topics, signals, messages, works, meetings:
                                       * what a new edition starts from, made when
                                       * the view is first shown */
  HelderRecordFollower  *follower;   /* the open edition */
  HelderEditionContent  *content;    /* its items as being edited */
  GtkFileChooserNative  *chooser;
  char                  *draft_id;
  guint                  save_id;
  gboolean               editable;   /* a draft, and the role may */
  gboolean               filling;
};

HelderPlanService *helder_edition_view_plan        (HelderEditionView *self);
void               helder_edition_view_show_error  (HelderEditionView *self,
                                                    const char        *title,
                                                    const GError      *error);

/* helder-edition-view-items.c */
void               helder_edition_view_fill_items  (HelderEditionView *self);
gboolean           helder_edition_view_move_item   (HelderEditionView *self,
                                                    guint              from,
                                                    guint              to);
void               helder_edition_view_changed     (HelderEditionView *self);
void               helder_edition_view_save_now    (HelderEditionView *self);
void               helder_edition_view_add_note    (HelderEditionView *self);
int                helder_edition_view_focused_item (HelderEditionView *self);

/* helder-edition-view-add.c */
gboolean           helder_edition_view_add_record  (HelderEditionView     *self,
                                                    HelderEditionItemKind  kind,
                                                    HelderRecord          *record);
void               helder_edition_view_add_update  (HelderEditionView *self,
                                                    gboolean           enabled);
void               helder_edition_view_add_class_init (GtkWidgetClass *widget_class);
void               helder_edition_view_add_init    (HelderEditionView *self);

G_END_DECLS
