/* helder-message-pane-private.h: what the message pane's two files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-message-pane.h"
#include "channels/helder-channels-context.h"
#include "library/helder-toolkit-pane.h"

G_BEGIN_DECLS

struct _HelderMessagePane
{
  AdwBin             parent_instance;

  /* template widgets */
  AdwEntryRow       *title_row;
  AdwActionRow      *status_row;
  GtkImage          *status_icon;
  GtkFlowBox        *steps;
  GtkLabel          *reason_label;
  GtkWidget         *open_text_button;
  GtkBox            *fields;
  GtkListBox        *history_list;
  GtkWidget         *pressure_group;
  GtkLabel          *pressure_title;
  GtkLabel          *pressure_text;
  GtkButton         *pressure_move_button;
  GtkWidget         *level_group;
  GtkLabel          *level_label;
  HelderToolkitPane *toolkit_pane;

  /* owned */
  HelderPlanService *service;
  HelderRecord      *message;    /* the stored copy shown */
  HelderRecordList  *history;
  HelderRecordList  *users;
  GArray            *field_widgets;   /* Field */
  gboolean           updating;
  char              *steps_signature;  /* the step buttons shown */
  gboolean           fields_built;
  gboolean           choices_changed;  /* the fields' choices are out of date */

  /* the channels' view of the message (helder-message-pane-channels.c) */
  HelderChannelsService *channels_service;
  HelderChannelsContext *channels;
  int                    move_days;      /* to the nearest free week, 0: none */
  guint                  channels_idle;  /* makes the context after the first frame */
};

void helder_message_pane_show_error     (HelderMessagePane *self,
                                         const char        *title,
                                         const GError      *error);
void helder_message_pane_update_status  (HelderMessagePane *self);
void helder_message_pane_update_history (HelderMessagePane *self);

void helder_message_pane_channels_set_service (HelderMessagePane *self);
void helder_message_pane_update_channels      (HelderMessagePane *self);
void helder_message_pane_channels_class_init  (GtkWidgetClass    *widget_class);

G_END_DECLS
