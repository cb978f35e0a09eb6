/* helder-channel-advice.h: which channels for a message, and why
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "channels/helder-channel-settings.h"

G_BEGIN_DECLS

/* The hard rules: a set of channels that breaks one needs a reason. */
typedef enum
{
  HELDER_CHANNEL_RULE_NO_CHANNEL        = 1 << 0, /* at least one channel */
  HELDER_CHANNEL_RULE_DIGITAL_FIRST     = 1 << 1, /* a digital channel */
  HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE = 1 << 2, /* a non-digital one when an audience
                                                   * needs it, or legal effect, or a deadline */
  HELDER_CHANNEL_RULE_MIJNOVERHEID      = 1 << 3, /* never the only channel with a deadline */
  HELDER_CHANNEL_RULE_FORMAL            = 1 << 4, /* legal effect through a formal channel */
  HELDER_CHANNEL_RULE_OMGEVINGSLOKET    = 1 << 5, /* Omgevingswet through the Omgevingsloket */
} HelderChannelRule;

#define HELDER_N_CHANNEL_RULES 6
#define HELDER_CHANNEL_RULES_ALL ((1 << HELDER_N_CHANNEL_RULES) - 1)

/* What the advice knows of a message (helder_advice_input_from_record). */
typedef struct
{
  const char         *id;
  const char * const *audiences;    /* audience ids (or keys) */
  gboolean            local;        /* for a street or wijk, not everyone */
  int                 urgency;      /* 1 normal, 2 soon, 3 urgent or crisis */
  gboolean            legal_effect;
  gboolean            deadline;
  int                 complexity;   /* 1–3 */
  int                 sensitivity;  /* 1–3 */
  gboolean            two_way;
  gboolean            omgevingswet;
  int                 text_level;   /* the text's level 1–4, 0 unknown */
  /* Contact pressure in the message's week (nullable): other messages per
   * channel, as helder_contact_pressure_channel_load() counts them. */
  const guint        *channel_load;
} HelderAdviceInput;

typedef struct
{
  HelderCriterion criterion;
  double          points;           /* weighted */
  int             value;            /* what it measured (a percentage, a level, …) */
  int             detail;           /* an audience index, a capacity, … or -1 */
} HelderAdviceReason;

#define HELDER_ADVICE_MAX_REASONS 16

typedef struct
{
  guint              channel;       /* index in the settings */
  double             score;
  gboolean           proposed;
  HelderChannelRule  added_by;      /* the rule that added it, or 0 */
  guint              n_reasons;
  HelderAdviceReason reasons[HELDER_ADVICE_MAX_REASONS];
} HelderChannelScore;

typedef struct _HelderChannelAdvice HelderChannelAdvice;

struct _HelderChannelAdvice
{
  HelderChannelSettings *settings;
  guint                  n_scores;
  HelderChannelScore    *scores;     /* by channel index */
  guint                 *ranking;    /* channel indices, best first */
  guint                  unmet;      /* rules no channel of the settings can meet */
  int                    text_level; /* the message's, 0 unknown */
  guint                  too_hard;   /* how many proposed channels it is too hard for */
  gboolean               no_audience; /* none known: advised as for all residents */
};

HelderChannelAdvice *helder_channel_advise           (HelderChannelSettings   *settings,
                                                      const HelderAdviceInput *input);
void                 helder_channel_advice_free      (HelderChannelAdvice     *advice);
gboolean             helder_channel_advice_is_proposed (HelderChannelAdvice   *advice,
                                                        guint                  channel);

guint                helder_channel_rules_check      (HelderChannelSettings   *settings,
                                                      const HelderAdviceInput *input,
                                                      const gboolean          *chosen);
gboolean             helder_channel_input_needs_route (HelderChannelSettings  *settings,
                                                       const HelderAdviceInput *input);

char                *helder_advice_reason_describe   (HelderChannelSettings   *settings,
                                                      const HelderAdviceReason *reason);
const char          *helder_channel_rule_get_name    (HelderChannelRule        rule);
HelderChannelRule    helder_channel_rule_from_name   (const char              *name);
const char          *helder_channel_rule_describe    (HelderChannelRule        rule);

/* A message record as the advice's input: strings point into @message. */
void                 helder_advice_input_from_record (HelderAdviceInput       *input,
                                                      HelderRecord            *message,
                                                      HelderChannelSettings   *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderChannelAdvice, helder_channel_advice_free)

G_END_DECLS
