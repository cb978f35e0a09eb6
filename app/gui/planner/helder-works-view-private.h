/* helder-works-view-private.h: what the works view's list and detail share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-works-view.h"
#include "plan/helder-plan-works.h"
#include "service/helder-record-follower.h"

G_BEGIN_DECLS

#define SAVE_DELAY_MS    500

struct _HelderWorksView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *list_column;
  GtkSearchEntry       *works_search_entry;
  GtkLabel             *works_summary_label;
  GtkStack             *works_list_stack;
  GtkListView          *works_list;
  AdwStatusPage        *empty_page;
  GtkStack             *works_detail_stack;
  GtkWidget            *works_back_button;
  AdwPreferencesGroup  *warnings_group;
  AdwEntryRow          *works_title_row;
  AdwEntryRow          *works_location_row;
  AdwEntryRow          *works_streets_row;
  AdwEntryRow          *works_wijk_row;
  AdwEntryRow          *works_contact_row;
  GtkMenuButton        *start_button;
  GtkCalendar          *start_calendar;
  GtkMenuButton        *end_button;
  GtkCalendar          *end_calendar;
  AdwActionRow         *lead_row;
  GtkSpinButton        *works_lead_spin;
  AdwActionRow         *deadline_row;
  AdwExpanderRow       *audiences_row;
  AdwPreferencesGroup  *works_messages_group;
  GtkTextView          *works_description_view;

  /* owned */
  HelderService        *service;
  HelderRecordList     *works;
  HelderRecordList     *messages;
  HelderRecordList     *audiences;
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  HelderRecordFollower *follower;
  GHashTable           *warnings;   /* works id → GPtrArray of HelderWorksWarning */
  GHashTable           *rows;       /* bound row widgets */
  GPtrArray            *detail_rows;/* rows the form added to its groups */
  GPtrArray            *audience_checks;
  char                 *start;      /* the form's dates, YYYY-MM-DD */
  char                 *end;
  guint                 save_id;
  guint                 refresh_id;
  guint                 reselect_id;
  gboolean              filling;
};

HelderPlanService *helder_works_view_plan           (HelderWorksView   *self);
void               helder_works_view_show_error     (HelderWorksView   *self,
                                                     const char        *title,
                                                     const GError      *error);
GPtrArray         *helder_works_view_warnings_of    (HelderWorksView   *self,
                                                     HelderRecord      *works);

/* helder-works-view-detail.c */
void               helder_works_view_fill_form      (HelderWorksView   *self);
void               helder_works_view_fill_dynamic   (HelderWorksView   *self);
void               helder_works_view_save_now       (HelderWorksView   *self);
void               helder_works_view_form_changed   (HelderWorksView   *self);
void               helder_works_view_start_selected (HelderWorksView   *self);
void               helder_works_view_end_selected   (HelderWorksView   *self);
void               helder_works_view_follower_changed (HelderWorksView *self,
                                                     HelderFollowEvent  event,
                                                     HelderRecord      *stored);

G_END_DECLS
