/* helder-channel-choice.h: a message's chosen channels, as its "channels" JSON keeps them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-advice.h"

G_BEGIN_DECLS

/* A message's "channels" field is an array, one object per chosen channel:
 *
 *   {"channel": ID, "reason": "…", "by": "advice" | "hand",
 *    "override": {"rules": ["mijnoverheid-deadline", …], "reason": "…",
 *                 "by": NAME, "at": "YYYY-MM-DD"}}
 *
 * "by" says whether the advice proposed the channel or the advisor chose
 * it (older records without it: by hand).  A set that breaks a hard rule
 * keeps the advisor's reason in "override" on its first entry: the array
 * stays one entry per channel for everything that counts them. */

typedef struct
{
  char     *channel;
  char     *reason;
  gboolean  by_hand;
} HelderChannelChoiceEntry;

typedef struct
{
  GPtrArray *entries;           /* HelderChannelChoiceEntry */
  guint      override_rules;    /* HelderChannelRule */
  char      *override_reason;
  char      *override_by;
  char      *override_at;
} HelderChannelChoice;

HelderChannelChoice *helder_channel_choice_parse      (const char            *json);
void                 helder_channel_choice_free       (HelderChannelChoice   *choice);
gboolean             helder_channel_choice_contains   (HelderChannelChoice   *choice,
                                                       const char            *channel_id);
guint                helder_channel_choice_to_chosen  (HelderChannelChoice   *choice,
                                                       HelderChannelSettings *settings,
                                                       gboolean              *chosen);
char                *helder_channel_choice_to_json    (HelderChannelSettings *settings,
                                                       HelderChannelAdvice   *advice,
                                                       const gboolean        *chosen,
                                                       HelderChannelChoice   *previous,
                                                       guint                  broken,
                                                       const char            *override_reason,
                                                       const char            *by,
                                                       const char            *at);
char                *helder_channel_advice_summary    (HelderChannelAdvice   *advice,
                                                       guint                  channel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderChannelChoice, helder_channel_choice_free)

G_END_DECLS
