/* helder-plan-editions.h: the omgevingsbeeld: schedule, pre-fill, items, sending, archive (E1)
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plan/helder-plan-service.h"

G_BEGIN_DECLS

/* setting record: {"png_base64": "..."}: the municipality's logo on exports */
#define HELDER_ORGANISATION_LOGO_SETTING "organisation.logo"
/* setting record: {"days": [2, 5]}, ISO weekdays (1 = Monday) */
#define HELDER_EDITIONS_DAYS_SETTING     "omgevingsbeeld.days"
/* how far ahead an edition looks in the calendar */
#define HELDER_EDITIONS_HORIZON_DAYS     14

typedef enum
{
  HELDER_EDITION_ITEM_TOPIC,     /* a topic whose scores or trend changed */
  HELDER_EDITION_ITEM_SIGNAL,    /* a new signal */
  HELDER_EDITION_ITEM_MESSAGE,   /* the coming 14 days: a message */
  HELDER_EDITION_ITEM_WORKS,     /* ... works in the street */
  HELDER_EDITION_ITEM_MEETING,   /* ... a council or committee meeting */
  HELDER_EDITION_ITEM_APPROVAL,  /* a message waiting for approval */
  HELDER_EDITION_ITEM_NOTE,      /* written by the advisor */
  HELDER_EDITION_N_KINDS,
} HelderEditionItemKind;

typedef struct
{
  HelderEditionItemKind  kind;
  char                  *ref;      /* the record's id; NULL for a note */
  char                  *title;
  char                  *change;   /* what changed, as pre-filled */
  char                  *duiding;  /* the advisor's interpretation */
  char                  *date;     /* YYYY-MM-DD when it has one */
  gboolean               dropped;  /* kept, but not sent */
} HelderEditionItem;

/* An edition's items field: its items in their order (the "order"
 * members are written from it), and the topics' scores and trends when
 * it was sent, so the next edition sees what changed. */
typedef struct
{
  GPtrArray  *items;   /* HelderEditionItem */
  JsonObject *state;   /* topic id → {"admin_impact", "societal_impact", "trend"}; nullable */
} HelderEditionContent;

HelderEditionItem    *helder_edition_item_new       (HelderEditionItemKind  kind,
                                                     const char            *ref,
                                                     const char            *title,
                                                     const char            *change);
HelderEditionItem    *helder_edition_item_copy      (const HelderEditionItem *item);
void                  helder_edition_item_free      (HelderEditionItem     *item);
const char           *helder_edition_item_kind_to_string   (HelderEditionItemKind kind);
HelderEditionItemKind helder_edition_item_kind_from_string (const char      *kind);
const char           *helder_edition_item_kind_label (HelderEditionItemKind kind);

HelderEditionContent *helder_edition_content_new    (void);
HelderEditionContent *helder_edition_content_parse  (const char            *json);
char                 *helder_edition_content_to_json (HelderEditionContent *content);
void                  helder_edition_content_free   (HelderEditionContent  *content);
HelderEditionContent *helder_edition_content_from_record (HelderRecord     *edition);

gboolean              helder_edition_items_move     (GPtrArray             *items,
                                                     guint                  from,
                                                     guint                  to);
guint                 helder_edition_items_n_kept   (GPtrArray             *items);

/* The schedule */
guint                 helder_editions_parse_days    (const char            *json,
                                                     gboolean               days[8]);
char                 *helder_editions_next_date     (const gboolean         days[8],
                                                     const char            *today,
                                                     const char            *last_date);
gboolean              helder_editions_is_edition_day (const gboolean        days[8],
                                                     const char            *date);
int                   helder_editions_next_number   (GPtrArray             *editions);

/* What a new edition starts with */
typedef struct
{
  const char *date;        /* the new edition's day, YYYY-MM-DD */
  const char *since;       /* the last edition's day; NULL: a week before */
  JsonObject *last_state;  /* the last edition's topics; nullable */
  GPtrArray  *topics;      /* HelderRecord, each may be NULL */
  GPtrArray  *signals;
  GPtrArray  *messages;
  GPtrArray  *works;
  GPtrArray  *meetings;
} HelderEditionSources;

GPtrArray            *helder_editions_prefill       (const HelderEditionSources *sources);
JsonObject           *helder_editions_topic_state   (GPtrArray             *topics);

gboolean              helder_edition_matches        (HelderRecord          *edition,
                                                     const char            *query);
char                 *helder_edition_format_title   (HelderRecord          *edition);
char                 *helder_editions_format_day    (const char            *iso_date);

/* On the store, through the service */
void                  helder_plan_service_editions_days   (HelderPlanService *self,
                                                           gboolean           days[8]);
GBytes               *helder_plan_service_organisation_logo (HelderPlanService *self);
HelderRecord         *helder_plan_service_last_edition    (HelderPlanService *self,
                                                           gboolean           sent_only);
/* Live lists a view holds, so a new edition needs no reading of the
 * store; a NULL member is read from the store. */
typedef struct
{
  GListModel *topics;
  GListModel *signals;
  GListModel *messages;
  GListModel *works;
  GListModel *meetings;
} HelderEditionLists;

HelderRecord         *helder_plan_service_edition_new     (HelderPlanService *self,
                                                           const char        *today,
                                                           GError           **error);
HelderRecord         *helder_plan_service_edition_new_from (HelderPlanService       *self,
                                                           const char              *today,
                                                           const HelderEditionLists *lists,
                                                           GError                 **error);
gboolean              helder_plan_service_edition_set_content (HelderPlanService    *self,
                                                           HelderRecord         *edition,
                                                           HelderEditionContent *content,
                                                           GError              **error);
gboolean              helder_plan_service_edition_mark_sent (HelderPlanService *self,
                                                           HelderRecord      *edition,
                                                           GDateTime         *now,
                                                           GError           **error);
HelderEditionContent *helder_plan_service_edition_content (HelderPlanService *self,
                                                           HelderRecord      *edition);
HelderRecordList     *helder_plan_service_editions_archive (HelderPlanService *self);
void                  helder_editions_archive_set_query   (HelderRecordList  *archive,
                                                           const char        *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderEditionItem, helder_edition_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderEditionContent, helder_edition_content_free)

G_END_DECLS
