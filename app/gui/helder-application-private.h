/* helder-application-private.h: the application's state, shared by its files
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-application.h"
#include "plan/helder-plan-notifier.h"

G_BEGIN_DECLS

struct _HelderApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  HelderStore    *store;
  GError         *store_error;   /* why the store could not be opened */
  HelderStoreDamage *damage;     /* and what a restore can do about it */
  char           *store_path;    /* the store opened, or tried */

  /* who works here, and the pages' services on the store */
  HelderSession  *session;
  GPtrArray      *services;

  HelderSyncClient *sync;         /* NULL without a server */
  /* The server login, kept when the store does not open: a restore
   * from the server needs it. */
  char           *server_url;
  char           *server_user;
  char           *server_token;
  HelderTextAnalyzer *analyzer;   /* NULL until loaded, off the main thread */
  gboolean        analyzer_loading;
  gboolean        analyzer_wanted; /* an editor asked for it */
  char           *server_override;

  char           *data_dir;
  gboolean        example_data;
  gboolean        quit_after_first_frame;
  /* What waits for the first frame (see first_frame_drawn) */
  gboolean        window_rendered;  /* a window's surface was drawn */
  gboolean        first_frame_drawn;
  gboolean        sync_pending;
  guint           deferred_id;
  gulong          render_hook;

  /* The planner's notices (helder-application-notices.c) */
  HelderPlanNotifier *notifier;
  guint           notifier_id;      /* it is made a moment after the first frame */
  int             notices_shown;    /* a notification service: -1 not known yet, 0 none, 1 there */
  GHashTable     *notices_waiting;  /* id → GNotification, until it is known */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SYNC,
  PROP_LOGGED_IN,
  PROP_ANALYZER_READY,
  N_PROPS
};

extern GParamSpec *helder_application_properties[N_PROPS];

/* helder-application-notices.c */
void helder_application_start_notices (HelderApplication *self);
void helder_application_stop_notices  (HelderApplication *self);
void helder_application_show_planner  (HelderApplication *self,
                                       const char        *view,
                                       const char        *record);

/* helder-application-sync.c */
void helder_application_replace_sync (HelderApplication *self,
                                      HelderSyncClient  *sync);
void helder_application_start_sync   (HelderApplication *self);
void helder_application_setup_sync   (HelderApplication *self);

G_END_DECLS
