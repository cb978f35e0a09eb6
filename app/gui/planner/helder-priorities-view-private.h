/* helder-priorities-view-private.h: what the ledger view's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-priorities-view.h"
#include "plan/helder-plan-ledger.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PRIORITY_FORM (helder_priority_form_get_type ())
G_DECLARE_FINAL_TYPE (HelderPriorityForm, helder_priority_form, HELDER, PRIORITY_FORM, AdwBin)

/* The detail column's widgets (helder-priority-form.c) */
struct _HelderPriorityForm
{
  AdwBin               parent_instance;

  GtkWidget           *back_button;
  GtkLabel            *detail_title;
  GtkLabel            *rank_label;
  GtkLabel            *status_label;
  GtkLabel            *field_error;
  AdwEntryRow         *title_row;
  AdwEntryRow         *theme_row;
  AdwComboRow         *owner_row;
  AdwEntryRow         *quarters_row;
  AdwEntryRow         *clause_row;
  AdwPreferencesGroup *status_group;
  GtkButton           *rationale_save;
  GtkTextView         *rationale_view;
  GtkWidget           *pause_button;
  GtkWidget           *finish_button;
  GtkWidget           *reactivate_button;
  AdwPreferencesGroup *topics_group;
  AdwPreferencesGroup *messages_group;
  AdwPreferencesGroup *works_group;
  GtkListBox          *hanging_topics;
  GtkListBox          *hanging_messages;
  GtkListBox          *hanging_works;
};

HelderPriorityForm *helder_priority_form_new (void);

struct _HelderPrioritiesView
{
  AdwBin               parent_instance;

  /* template widgets: the list */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkWidget           *hint_label;

  /* template widgets: the detail */
  GtkStack            *detail_stack;

  /* the detail's form: NULL until a priority is first shown */
  HelderPriorityForm  *form;

  /* owned */
  HelderService       *service;
  HelderRecordList    *priorities;   /* the ledger, in its order */
  HelderRecordList    *topics;
  HelderRecordList    *messages;
  HelderRecordList    *works;
  HelderRecordList    *users;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GtkStringList       *owners;
  char                *search;
  char                *selected_id;
  HelderRecord        *shown;        /* the selected priority as the detail shows it */
  gboolean             loading;      /* the detail is being filled: not the user's edits */
  gboolean             reselecting;
  gboolean             expect_new;   /* a priority is being made here: select it */
  gboolean             role_changed; /* show again, though the record is the same */
};

/* helder-priorities-view.c */
void     helder_priorities_view_update_form_actions (HelderPrioritiesView *self);
void     helder_priorities_view_back          (HelderPrioritiesView *self);

/* helder-priorities-view-detail.c */
void     helder_priorities_view_detail_init    (HelderPrioritiesView *self);
void     helder_priorities_view_show           (HelderPrioritiesView *self,
                                                HelderRecord         *priority);
void     helder_priorities_view_update_hangers (HelderPrioritiesView *self);
void     helder_priorities_view_update_owners  (HelderPrioritiesView *self);
void     helder_priorities_view_ensure_lists   (HelderPrioritiesView *self);
gboolean helder_priorities_view_may_edit       (HelderPrioritiesView *self);
void     helder_priorities_view_report         (HelderPrioritiesView *self,
                                                const char           *title,
                                                const GError         *error);

G_END_DECLS
