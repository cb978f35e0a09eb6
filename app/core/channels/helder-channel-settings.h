/* helder-channel-settings.h: channels, audiences and weights as the advice engine sees them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

/* A snapshot of the Kanalen settings in plain C: the advice and the
 * contact pressure are pure functions of it (and of a message), so they
 * are fast and tested without a store. */

typedef enum
{
  HELDER_CHANNEL_SPEED_DIRECT,
  HELDER_CHANNEL_SPEED_HOURS,
  HELDER_CHANNEL_SPEED_DAYS,
  HELDER_CHANNEL_SPEED_WEEKS,
} HelderChannelSpeed;

/* The criteria of the advice; each has a weight (default 1). */
typedef enum
{
  HELDER_CRITERION_REACH,
  HELDER_CRITERION_DIGITAL_FIRST,
  HELDER_CRITERION_NON_DIGITAL,
  HELDER_CRITERION_LITERACY,
  HELDER_CRITERION_SPEED,
  HELDER_CRITERION_TWO_WAY,
  HELDER_CRITERION_FORMAL,
  HELDER_CRITERION_AREA,
  HELDER_CRITERION_COMPLEXITY,
  HELDER_CRITERION_SENSITIVITY,
  HELDER_CRITERION_EFFORT,
  HELDER_CRITERION_CAPACITY,
  HELDER_CRITERION_TEXT_LEVEL,
  HELDER_N_CRITERIA
} HelderCriterion;

#define HELDER_AREA_REACH_KEY "area"

typedef struct
{
  char              *id;
  char              *key;             /* "post", "mijnoverheid", ... */
  char              *name;
  gboolean           digital;
  gboolean           interaction;     /* two-way */
  gboolean           formal;          /* may carry legal effect */
  HelderChannelSpeed speed;
  int                low_literacy;    /* 1–5 */
  int                low_digital;     /* 1–5 */
  int                cost;            /* 1–5 */
  int                weekly_capacity; /* 0: no limit */
  int                target_level;    /* 1–4 */
  int                area_reach;      /* percent of a street or wijk, -1: unknown */
  GHashTable        *reach;           /* audience id or key → GINT_TO_POINTER (percent + 1) */
} HelderChannelInfo;

typedef struct
{
  char     *id;
  char     *key;
  char     *name;
  char     *parent_id;
  int       parent;                   /* index, -1 for none */
  int       size;
  gboolean  non_digital;
  gboolean  low_literacy;
  gboolean  low_digital;
  int       level;                    /* 1–4 from "A2", "B1", ...; 0 unknown */
  int       weekly_budget;            /* 0: the default */
  int       route_segment;            /* it, or a segment of it, that needs
                                       * a non-digital route; -1: none */
  int       plain_segment;            /* …that has low literacy; -1: none */
  guint    *reaches;                  /* itself and every segment below it */
  guint     n_reaches;
} HelderAudienceInfo;

typedef struct _HelderChannelSettings HelderChannelSettings;

struct _HelderChannelSettings
{
  /*< private >*/
  gatomicrefcount ref_count;
  GPtrArray  *channels;               /* HelderChannelInfo */
  GPtrArray  *audiences;              /* HelderAudienceInfo */
  GHashTable *audience_index;         /* id and key → index + 1 */
  GHashTable *channel_index;          /* id and key → index + 1 */
  double      weights[HELDER_N_CRITERIA];
  int         default_budget;
  double      threshold;              /* a channel at or above it is proposed */
  guint       max_channels;           /* at most this many besides the rules */
  int        *reach;                  /* [channel * n_audiences + audience], once sealed */
  int         mijnoverheid;           /* channel index or -1 */
  int         omgevingsloket;
  gboolean    sealed;
};

#define HELDER_TYPE_CHANNEL_SETTINGS (helder_channel_settings_get_type ())

GType                  helder_channel_settings_get_type        (void) G_GNUC_CONST;
HelderChannelSettings *helder_channel_settings_new             (void);
HelderChannelSettings *helder_channel_settings_ref             (HelderChannelSettings *self);
void                   helder_channel_settings_unref           (HelderChannelSettings *self);

void                   helder_channel_settings_add_channel     (HelderChannelSettings *self,
                                                                HelderRecord          *channel);
void                   helder_channel_settings_add_audience    (HelderChannelSettings *self,
                                                                HelderRecord          *audience);
gboolean               helder_channel_settings_set_weights_json (HelderChannelSettings *self,
                                                                 const char            *json);
void                   helder_channel_settings_seal            (HelderChannelSettings *self);

HelderChannelSettings *helder_channel_settings_new_from_records (GListModel           *channels,
                                                                 GListModel           *audiences,
                                                                 HelderRecord         *weights);

guint                  helder_channel_settings_get_n_channels  (HelderChannelSettings *self);
const HelderChannelInfo *helder_channel_settings_get_channel   (HelderChannelSettings *self,
                                                                guint                  index);
int                    helder_channel_settings_find_channel    (HelderChannelSettings *self,
                                                                const char            *id_or_key);
guint                  helder_channel_settings_get_n_audiences (HelderChannelSettings *self);
const HelderAudienceInfo *helder_channel_settings_get_audience (HelderChannelSettings *self,
                                                                guint                  index);
int                    helder_channel_settings_find_audience   (HelderChannelSettings *self,
                                                                const char            *id_or_key);
int                    helder_channel_settings_get_reach       (HelderChannelSettings *self,
                                                                guint                  channel,
                                                                guint                  audience);
int                    helder_channel_settings_get_budget      (HelderChannelSettings *self,
                                                                guint                  audience);
double                 helder_channel_settings_get_weight      (HelderChannelSettings *self,
                                                                HelderCriterion        criterion);

/* The defaults of data/channels.json */
#define HELDER_CHANNEL_WEIGHTS_KEY "channel-weights"

const char            *helder_criterion_get_name               (HelderCriterion        criterion);
const char            *helder_criterion_get_label              (HelderCriterion        criterion);
void                   helder_channel_default_weights          (double                 weights[HELDER_N_CRITERIA]);
char                  *helder_channel_weights_to_json          (const double           weights[HELDER_N_CRITERIA]);
GPtrArray             *helder_channel_defaults_records         (GError               **error);
int                    helder_channel_level_from_text          (const char            *language_level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderChannelSettings, helder_channel_settings_unref)

G_END_DECLS
