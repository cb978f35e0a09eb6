/* helder-channel-advice.c: which channels for a message, and why
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-advice"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "helder-channel-advice.h"

/* The advice is a pure function of a message and the settings.  Every
 * channel gets points per criterion (times the criterion's weight), each
 * with its reason; the best channels above the threshold are proposed,
 * and then the hard rules add what they require ("digitaal, tenzij", a
 * non-digital route, a formal channel, the Omgevingsloket), so the
 * proposal never breaks a rule the settings can meet.
 *
 * Reasons are kept as numbers (criterion, points, what was measured) and
 * become sentences only when shown: the matrix of a thousand messages
 * needs the scores, not fifteen thousand sentences. */

/* What a reason's value means for the formal criterion. */
enum {
  FORMAL_CARRIES = 0,
  FORMAL_OMGEVINGSLOKET = 1,
  FORMAL_MIJNOVERHEID_DEADLINE = 2,
};

/* Points before the weight: see each criterion in score_channel(). */
#define REACH_POINTS            0.5   /* per percent reached */
#define DIGITAL_POINTS          8.0
#define ROUTE_POINTS            6.0   /* per step of "suits low digital skills" above 3 */
#define PLAIN_POINTS            5.0   /* per step of "suits low literacy" above 3 */
#define TWO_WAY_POINTS         10.0
#define ONE_WAY_POINTS         -5.0
#define FORMAL_POINTS          15.0
#define INFORMAL_POINTS        -6.0
#define OMGEVINGSLOKET_POINTS  20.0
#define MIJNOVERHEID_POINTS    -5.0
#define AREA_POINTS             0.25  /* per percent of a street above 50 */
#define EFFORT_POINTS          -2.5   /* per step of cost above 1, for 1,000 people or fewer */
#define FULL_POINTS           -15.0
#define NEARLY_FULL_POINTS     -5.0
#define TOO_HARD_POINTS        -4.0   /* per level the text is above the channel's */

static void
add_reason (HelderChannelSettings *settings,
            HelderChannelScore    *score,
            HelderCriterion        criterion,
            double                 points,
            int                    value,
            int                    detail)
{
  HelderAdviceReason *reason;

  points *= settings->weights[criterion];
  if (points == 0 || score->n_reasons == HELDER_ADVICE_MAX_REASONS)
    return;
  reason = &score->reasons[score->n_reasons++];
  reason->criterion = criterion;
  reason->points = points;
  reason->value = value;
  reason->detail = detail;
  score->score += points;
}

/* What the message's audiences need, once per advice. */
typedef struct
{
  int  audiences[32];
  guint n_audiences;
  int  route_segment;    /* an audience (segment) that needs a non-digital route */
  int  plain_segment;    /* one with low literacy */
  gboolean route_itself; /* the audience itself needs the route, not only a segment of it */
  gboolean needs_route;  /* an audience, legal effect or a deadline */
  gboolean fallback;     /* no audience known: advice as for all residents */
  double   effort_scale; /* effort weighs more for more people: a letter per address */
} Needs;

static void
collect_needs (HelderChannelSettings   *settings,
               const HelderAdviceInput *input,
               Needs                   *needs)
{
  const char *fallback[] = { "inwoners", NULL };
  const char * const *audiences = input->audiences;
  double size = 0;

  memset (needs, 0, sizeof *needs);
  needs->route_segment = -1;
  needs->plain_segment = -1;

  /* A message without a known audience is advised as for all residents */
  for (guint i = 0; audiences != NULL && audiences[i] != NULL && !needs->fallback; i++)
    needs->fallback = helder_channel_settings_find_audience (settings, audiences[i]) >= 0;
  needs->fallback = !needs->fallback;
  if (needs->fallback)
    audiences = fallback;

  for (guint i = 0; audiences != NULL && audiences[i] != NULL; i++)
    {
      int a = helder_channel_settings_find_audience (settings, audiences[i]);
      const HelderAudienceInfo *info;
      gboolean seen = FALSE;

      if (a < 0)
        continue;
      for (guint j = 0; j < needs->n_audiences; j++)
        seen |= needs->audiences[j] == a;
      if (seen || needs->n_audiences == G_N_ELEMENTS (needs->audiences))
        continue;
      needs->audiences[needs->n_audiences++] = a;
      info = settings->audiences->pdata[a];
      if (needs->route_segment < 0 || info->route_segment == a)
        needs->route_segment = info->route_segment;
      needs->route_itself |= info->route_segment == a;
      size += MAX (info->size, 0);
      if (needs->plain_segment < 0)
        needs->plain_segment = info->plain_segment;
    }
  needs->needs_route = needs->route_segment >= 0 || input->legal_effect || input->deadline;
  needs->effort_scale = CLAMP (1 + log10 (MAX (size, 1) / 1000.0), 1.0, 3.0);
}

/* The size-weighted share of the audiences a channel reaches. */
static int
mean_reach (HelderChannelSettings *settings,
            const Needs           *needs,
            guint                  channel)
{
  double sum = 0, total = 0;
  guint n_audiences = settings->audiences->len;

  for (guint i = 0; i < needs->n_audiences; i++)
    {
      const HelderAudienceInfo *info = settings->audiences->pdata[needs->audiences[i]];
      double size = MAX (info->size, 1);

      sum += size * settings->reach[channel * n_audiences + needs->audiences[i]];
      total += size;
    }
  return total > 0 ? (int) (sum / total + 0.5) : 0;
}

static void
score_channel (HelderChannelSettings   *settings,
               const HelderAdviceInput *input,
               const Needs             *needs,
               guint                    c,
               HelderChannelScore      *score)
{
  const HelderChannelInfo *channel = settings->channels->pdata[c];
  int reach = mean_reach (settings, needs, c);

  score->channel = c;

  /* Reach: the share of the audiences it gets to */
  if (needs->n_audiences > 0)
    add_reason (settings, score, HELDER_CRITERION_REACH, reach * REACH_POINTS, reach, -1);

  /* Digitaal, tenzij */
  if (channel->digital)
    add_reason (settings, score, HELDER_CRITERION_DIGITAL_FIRST, DIGITAL_POINTS, 1, -1);
  else if (!needs->needs_route)
    add_reason (settings, score, HELDER_CRITERION_DIGITAL_FIRST, -DIGITAL_POINTS / 2, 0, -1);

  /* A route for those who cannot go digital */
  /* (half as much when only a segment of the audience needs it) */
  if (needs->route_segment >= 0)
    add_reason (settings, score, HELDER_CRITERION_NON_DIGITAL,
                (channel->low_digital - 3) * ROUTE_POINTS * (needs->route_itself ? 1 : 0.5),
                channel->low_digital, needs->route_segment);
  else if (needs->needs_route && !channel->digital)
    add_reason (settings, score, HELDER_CRITERION_NON_DIGITAL, ROUTE_POINTS, channel->low_digital, -1);

  if (needs->plain_segment >= 0)
    add_reason (settings, score, HELDER_CRITERION_LITERACY,
                (channel->low_literacy - 3) * PLAIN_POINTS, channel->low_literacy, needs->plain_segment);

  /* Speed against urgency and a deadline */
  {
    static const double by_urgency[3][4] = {
      /* direct, hours, days, weeks */
      { 0, 0, 0, -2 },
      { 3, 3, 0, -6 },
      { 12, 8, -15, -25 },
    };
    int urgency = CLAMP (input->urgency, 1, 3);
    double points = by_urgency[urgency - 1][channel->speed];

    if (points != 0)
      add_reason (settings, score, HELDER_CRITERION_SPEED, points, channel->speed, urgency);
    if (input->deadline && channel->speed == HELDER_CHANNEL_SPEED_WEEKS)
      add_reason (settings, score, HELDER_CRITERION_SPEED, -6, channel->speed, 0);
  }

  if (input->two_way)
    add_reason (settings, score, HELDER_CRITERION_TWO_WAY,
                channel->interaction ? TWO_WAY_POINTS : ONE_WAY_POINTS, channel->interaction, -1);

  /* Legal effect, Omgevingswet, MijnOverheid with a deadline */
  if (input->legal_effect)
    add_reason (settings, score, HELDER_CRITERION_FORMAL,
                channel->formal ? FORMAL_POINTS : INFORMAL_POINTS, FORMAL_CARRIES, channel->formal);
  if (input->omgevingswet && (int) c == settings->omgevingsloket)
    add_reason (settings, score, HELDER_CRITERION_FORMAL, OMGEVINGSLOKET_POINTS, FORMAL_OMGEVINGSLOKET, 1);
  if (input->deadline && (int) c == settings->mijnoverheid)
    add_reason (settings, score, HELDER_CRITERION_FORMAL, MIJNOVERHEID_POINTS, FORMAL_MIJNOVERHEID_DEADLINE, 0);

  /* A street or wijk: who reaches the addresses there */
  if (input->local && channel->area_reach >= 0)
    add_reason (settings, score, HELDER_CRITERION_AREA,
                (channel->area_reach - 50) * AREA_POINTS, channel->area_reach, -1);

  if (input->complexity >= 3)
    add_reason (settings, score, HELDER_CRITERION_COMPLEXITY, channel->interaction ? 6 : -3, channel->interaction, -1);

  if (input->sensitivity >= 3)
    {
      if (channel->interaction && !channel->digital)
        add_reason (settings, score, HELDER_CRITERION_SENSITIVITY, 6, 1, -1);
      else if (channel->digital && !channel->formal && !channel->interaction)
        add_reason (settings, score, HELDER_CRITERION_SENSITIVITY, -4, 0, -1);
    }

  add_reason (settings, score, HELDER_CRITERION_EFFORT, (channel->cost - 1) * EFFORT_POINTS * needs->effort_scale,
              channel->cost, -1);

  /* Contact pressure on the channel in the message's week */
  if (input->channel_load != NULL && channel->weekly_capacity > 0)
    {
      guint load = input->channel_load[c];

      if (load >= (guint) channel->weekly_capacity)
        add_reason (settings, score, HELDER_CRITERION_CAPACITY, FULL_POINTS, load, channel->weekly_capacity);
      else if (load + 1 == (guint) channel->weekly_capacity && load > 0)
        add_reason (settings, score, HELDER_CRITERION_CAPACITY, NEARLY_FULL_POINTS, load, channel->weekly_capacity);
    }

  /* Plain language per channel */
  if (input->text_level > channel->target_level)
    add_reason (settings, score, HELDER_CRITERION_TEXT_LEVEL,
                (input->text_level - channel->target_level) * TOO_HARD_POINTS,
                input->text_level, channel->target_level);
}

static gboolean
is_needed_route (const HelderChannelInfo *channel)
{
  return !channel->digital;
}

/**
 * helder_channel_input_needs_route:
 *
 * Whether the message needs a non-digital route: one of its audiences
 * (or a segment of it) needs one, or it has legal effect or a deadline.
 */
gboolean
helder_channel_input_needs_route (HelderChannelSettings   *settings,
                                  const HelderAdviceInput *input)
{
  Needs needs;

  g_return_val_if_fail (settings != NULL && input != NULL, FALSE);

  helder_channel_settings_seal (settings);
  collect_needs (settings, input, &needs);
  return needs.needs_route;
}

static guint
check_rules (HelderChannelSettings   *settings,
             const HelderAdviceInput *input,
             const Needs             *needs,
             const gboolean          *chosen)
{
  guint broken = 0, n = 0, digital = 0, route = 0, formal = 0, formal_not_mo = 0, others = 0;
  int mo = settings->mijnoverheid;

  for (guint c = 0; c < settings->channels->len; c++)
    {
      const HelderChannelInfo *channel = settings->channels->pdata[c];

      if (!chosen[c])
        continue;
      n++;
      digital += channel->digital;
      route += is_needed_route (channel);
      formal += channel->formal;
      formal_not_mo += channel->formal && (int) c != mo;
      others += (int) c != mo;
    }

  if (n == 0)
    return HELDER_CHANNEL_RULE_NO_CHANNEL;
  if (digital == 0)
    broken |= HELDER_CHANNEL_RULE_DIGITAL_FIRST;
  if (needs->needs_route && route == 0)
    broken |= HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE;
  if (input->legal_effect && formal == 0)
    broken |= HELDER_CHANNEL_RULE_FORMAL;
  /* MijnOverheid never alone with a deadline, nor the only formal channel
   * of a deadline with legal effect (about 40 % is never opened) */
  if (input->deadline && mo >= 0 && chosen[mo] &&
      (others == 0 || (input->legal_effect && formal_not_mo == 0)))
    broken |= HELDER_CHANNEL_RULE_MIJNOVERHEID;
  if (input->omgevingswet && (settings->omgevingsloket < 0 || !chosen[settings->omgevingsloket]))
    broken |= HELDER_CHANNEL_RULE_OMGEVINGSLOKET;
  return broken;
}

/**
 * helder_channel_rules_check:
 * @chosen: one per channel of @settings: whether it is in the set
 *
 * Returns: the hard rules (HelderChannelRule) the set breaks, 0 for none
 */
guint
helder_channel_rules_check (HelderChannelSettings   *settings,
                            const HelderAdviceInput *input,
                            const gboolean          *chosen)
{
  Needs needs;

  g_return_val_if_fail (settings != NULL && input != NULL, 0);

  helder_channel_settings_seal (settings);
  collect_needs (settings, input, &needs);
  return check_rules (settings, input, &needs, chosen);
}

/* The best channel not yet chosen that @accept takes; -1 for none. */
typedef gboolean (*Accept) (HelderChannelSettings *settings,
                            const HelderAdviceInput *input,
                            guint                  channel);

static int
best_unchosen (HelderChannelAdvice     *advice,
               const HelderAdviceInput *input,
               const gboolean          *chosen,
               Accept                   accept)
{
  for (guint i = 0; i < advice->n_scores; i++)
    {
      guint c = advice->ranking[i];

      if (!chosen[c] && accept (advice->settings, input, c))
        return (int) c;
    }
  return -1;
}

#define CHANNEL(s, c) ((const HelderChannelInfo *) (s)->channels->pdata[c])

static gboolean
accept_digital (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  /* Not MijnOverheid for a deadline: it would need yet another channel */
  return CHANNEL (s, c)->digital && !(input->deadline && (int) c == s->mijnoverheid);
}

static gboolean
accept_route (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  return is_needed_route (CHANNEL (s, c));
}

static gboolean
accept_formal_route (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  return is_needed_route (CHANNEL (s, c)) && CHANNEL (s, c)->formal;
}

static gboolean
accept_formal (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  return CHANNEL (s, c)->formal && (int) c != s->mijnoverheid;
}

static gboolean
accept_formal_any (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  return CHANNEL (s, c)->formal;
}

static gboolean
accept_other (HelderChannelSettings *s, const HelderAdviceInput *input, guint c)
{
  return (int) c != s->mijnoverheid;
}

static void
choose (HelderChannelAdvice *advice,
        gboolean            *chosen,
        int                  channel,
        HelderChannelRule    rule)
{
  if (channel < 0 || chosen[channel])
    return;
  chosen[channel] = TRUE;
  advice->scores[channel].added_by = rule;
}

/* Adds, for each rule the set breaks, the best channel that mends it. */
static void
apply_rules (HelderChannelAdvice     *advice,
             const HelderAdviceInput *input,
             const Needs             *needs,
             gboolean                *chosen)
{
  HelderChannelSettings *s = advice->settings;

  for (guint round = 0; round < 4; round++)
    {
      guint broken = check_rules (s, input, needs, chosen);

      if (broken == 0)
        return;
      if (broken & HELDER_CHANNEL_RULE_OMGEVINGSLOKET)
        choose (advice, chosen, s->omgevingsloket, HELDER_CHANNEL_RULE_OMGEVINGSLOKET);
      if (broken & (HELDER_CHANNEL_RULE_NO_CHANNEL | HELDER_CHANNEL_RULE_DIGITAL_FIRST))
        {
          int c = best_unchosen (advice, input, chosen, accept_digital);

          choose (advice, chosen, c >= 0 ? c : best_unchosen (advice, input, chosen, accept_other),
                  HELDER_CHANNEL_RULE_DIGITAL_FIRST);
        }
      if (broken & HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE)
        {
          /* With legal effect, one channel can be both: a letter */
          int c = input->legal_effect ? best_unchosen (advice, input, chosen, accept_formal_route) : -1;

          choose (advice, chosen, c >= 0 ? c : best_unchosen (advice, input, chosen, accept_route),
                  HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE);
        }
      if (broken & HELDER_CHANNEL_RULE_FORMAL)
        {
          int c = best_unchosen (advice, input, chosen, accept_formal);

          choose (advice, chosen, c >= 0 ? c : best_unchosen (advice, input, chosen, accept_formal_any),
                  HELDER_CHANNEL_RULE_FORMAL);
        }
      if (broken & HELDER_CHANNEL_RULE_MIJNOVERHEID)
        choose (advice, chosen,
                best_unchosen (advice, input, chosen, input->legal_effect ? accept_formal : accept_other),
                HELDER_CHANNEL_RULE_MIJNOVERHEID);
    }
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const HelderChannelScore *scores = user_data;
  double sa = scores[*(const guint *) a].score, sb = scores[*(const guint *) b].score;

  if (sa != sb)
    return sa > sb ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/**
 * helder_channel_advise:
 *
 * Scores every channel of @settings for the message @input describes
 * and proposes a set.
 *
 * Returns: (transfer full): the advice
 */
HelderChannelAdvice *
helder_channel_advise (HelderChannelSettings   *settings,
                       const HelderAdviceInput *input)
{
  HelderChannelAdvice *advice;
  g_autofree gboolean *chosen = NULL;
  guint n, taken = 0;
  Needs needs;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  helder_channel_settings_seal (settings);
  n = settings->channels->len;
  advice = g_new0 (HelderChannelAdvice, 1);
  advice->settings = helder_channel_settings_ref (settings);
  advice->n_scores = n;
  advice->scores = g_new0 (HelderChannelScore, MAX (n, 1));
  advice->ranking = g_new (guint, MAX (n, 1));
  advice->text_level = input->text_level;
  chosen = g_new0 (gboolean, MAX (n, 1));

  collect_needs (settings, input, &needs);
  advice->no_audience = needs.fallback;
  for (guint c = 0; c < n; c++)
    {
      score_channel (settings, input, &needs, c, &advice->scores[c]);
      advice->ranking[c] = c;
    }
  g_qsort_with_data (advice->ranking, n, sizeof (guint), compare_ranked, advice->scores);

  /* The best above the threshold; at least the best one */
  for (guint i = 0; i < n && taken < MAX (settings->max_channels, 1); i++)
    {
      guint c = advice->ranking[i];

      if (advice->scores[c].score < settings->threshold && taken > 0)
        break;
      chosen[c] = TRUE;
      taken++;
    }
  apply_rules (advice, input, &needs, chosen);
  advice->unmet = check_rules (settings, input, &needs, chosen);

  for (guint c = 0; c < n; c++)
    {
      advice->scores[c].proposed = chosen[c];
      if (chosen[c] && input->text_level > CHANNEL (settings, c)->target_level)
        advice->too_hard++;
    }
  return advice;
}

void
helder_channel_advice_free (HelderChannelAdvice *advice)
{
  if (advice == NULL)
    return;
  helder_channel_settings_unref (advice->settings);
  g_free (advice->scores);
  g_free (advice->ranking);
  g_free (advice);
}

gboolean
helder_channel_advice_is_proposed (HelderChannelAdvice *advice,
                                   guint                channel)
{
  g_return_val_if_fail (advice != NULL, FALSE);
  return channel < advice->n_scores && advice->scores[channel].proposed;
}

static const char *
audience_name (HelderChannelSettings *settings,
               int                    index)
{
  if (index < 0 || (guint) index >= settings->audiences->len)
    return _("the audience");
  return ((HelderAudienceInfo *) settings->audiences->pdata[index])->name;
}

static const char *
speed_phrase (int speed)
{
  switch (speed)
    {
    case HELDER_CHANNEL_SPEED_DIRECT:
      return _("at once");
    case HELDER_CHANNEL_SPEED_HOURS:
      return _("within hours");
    case HELDER_CHANNEL_SPEED_DAYS:
      return _("within days");
    default:
      return _("within weeks");
    }
}

/**
 * helder_advice_reason_describe:
 *
 * Returns: (transfer full): the reason as a sentence, in the user's
 *   language
 */
char *
helder_advice_reason_describe (HelderChannelSettings    *settings,
                               const HelderAdviceReason *reason)
{
  gboolean up = reason->points > 0;

  g_return_val_if_fail (settings != NULL && reason != NULL, NULL);

  switch (reason->criterion)
    {
    case HELDER_CRITERION_REACH:
      return g_strdup_printf (_("Reaches about %d%% of the audience."), reason->value);
    case HELDER_CRITERION_DIGITAL_FIRST:
      return g_strdup (up ? _("Digital unless: a digital channel comes first.")
                          : _("Not digital, while no one in the audience needs another route."));
    case HELDER_CRITERION_NON_DIGITAL:
      if (reason->detail < 0)
        return g_strdup (_("A route without internet, for a message with legal effect or a deadline."));
      return g_strdup_printf (up ? _("Suits people with few digital skills (%d of 5): %s need a non-digital route.")
                                 : _("Hard to use without digital skills (%d of 5), while %s need a non-digital route."),
                              reason->value, audience_name (settings, reason->detail));
    case HELDER_CRITERION_LITERACY:
      return g_strdup_printf (up ? _("Suits people with low literacy (%d of 5), such as %s.")
                                 : _("Hard for people with low literacy (%d of 5), such as %s."),
                              reason->value, audience_name (settings, reason->detail));
    case HELDER_CRITERION_SPEED:
      if (reason->detail == 0)
        return g_strdup_printf (_("Reaches people only %s, and the message has a deadline."),
                                speed_phrase (reason->value));
      return g_strdup_printf (up ? _("Reaches people %s: fits the urgency.")
                                 : _("Reaches people only %s: too slow for this urgency."),
                              speed_phrase (reason->value));
    case HELDER_CRITERION_TWO_WAY:
      return g_strdup (up ? _("Two-way: people can ask questions and react.")
                          : _("One-way, while the message needs two-way contact."));
    case HELDER_CRITERION_FORMAL:
      if (reason->value == FORMAL_OMGEVINGSLOKET)
        return g_strdup (_("Omgevingswet matters go through the Omgevingsloket."));
      if (reason->value == FORMAL_MIJNOVERHEID_DEADLINE)
        return g_strdup (_("About 4 in 10 MijnOverheid messages are still unopened after six weeks: "
                           "risky with a deadline."));
      return g_strdup (up ? _("A formal channel: it may carry a message with legal effect.")
                          : _("Not a formal channel: it may only point to the formal publication."));
    case HELDER_CRITERION_AREA:
      return g_strdup_printf (up ? _("Reaches about %d%% of the addresses in one street or wijk.")
                                 : _("Reaches only about %d%% of the addresses in one street or wijk."),
                              reason->value);
    case HELDER_CRITERION_COMPLEXITY:
      return g_strdup (up ? _("Room to explain and answer questions, for a complex message.")
                          : _("Little room to explain a complex message."));
    case HELDER_CRITERION_SENSITIVITY:
      return g_strdup (up ? _("Personal contact, for a sensitive message.")
                          : _("Public and fast: a sensitive message can get out of hand here."));
    case HELDER_CRITERION_EFFORT:
      return g_strdup_printf (_("Effort %d of 5 in time and money."), reason->value);
    case HELDER_CRITERION_CAPACITY:
      return g_strdup_printf (reason->value >= reason->detail
                              ? _("Full this week: %d of at most %d messages.")
                              : _("Nearly full this week: %d of at most %d messages."),
                              reason->value, reason->detail);
    case HELDER_CRITERION_TEXT_LEVEL:
      return g_strdup_printf (_("The text is at level %d, harder than this channel’s target, level %d."),
                              reason->value, reason->detail);
    case HELDER_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct {
  HelderChannelRule rule;
  const char *name;
  const char *description;
} rules[HELDER_N_CHANNEL_RULES] = {
  { HELDER_CHANNEL_RULE_NO_CHANNEL, "no-channel", N_("No channel is chosen.") },
  { HELDER_CHANNEL_RULE_DIGITAL_FIRST, "digital-first", N_("Digital unless: the set has no digital channel.") },
  { HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE, "non-digital-route",
    N_("The set has no route without internet, while an audience needs one or the message has legal effect or a deadline.") },
  { HELDER_CHANNEL_RULE_MIJNOVERHEID, "mijnoverheid-deadline",
    N_("MijnOverheid may never be the only channel for a message with a deadline.") },
  { HELDER_CHANNEL_RULE_FORMAL, "formal-channel", N_("A message with legal effect goes through a formal channel.") },
  { HELDER_CHANNEL_RULE_OMGEVINGSLOKET, "omgevingsloket", N_("Omgevingswet matters go through the Omgevingsloket.") },
};

const char *
helder_channel_rule_get_name (HelderChannelRule rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].rule == rule)
      return rules[i].name;
  return NULL;
}

HelderChannelRule
helder_channel_rule_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].name, name))
      return rules[i].rule;
  return 0;
}

const char *
helder_channel_rule_describe (HelderChannelRule rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].rule == rule)
      return _(rules[i].description);
  return NULL;
}

/**
 * helder_advice_input_from_record:
 * @message: a HelderMessage
 *
 * Fills @input from @message; its strings stay @message's.  A message for
 * areas (a street, a wijk) or with an area other than "Heel …" is local.
 */
void
helder_advice_input_from_record (HelderAdviceInput     *input,
                                 HelderRecord          *message,
                                 HelderChannelSettings *settings)
{
  const char * const *areas;
  const char *area, *deadline;

  g_return_if_fail (input != NULL);
  g_return_if_fail (HELDER_IS_MESSAGE (message));

  memset (input, 0, sizeof *input);
  input->id = helder_record_get_id (message);
  input->audiences = helder_record_get_list (message, "audiences");
  areas = helder_record_get_list (message, "areas");
  area = helder_record_get_text (message, "area");
  input->local = (areas != NULL && areas[0] != NULL) ||
                 (area != NULL && area[0] != '\0' && !g_str_has_prefix (area, "Heel "));
  input->urgency = CLAMP (helder_record_get_int (message, "urgency"), 1, 3);
  input->legal_effect = helder_record_get_bool (message, "legal_effect");
  deadline = helder_record_get_text (message, "deadline");
  input->deadline = deadline != NULL && deadline[0] != '\0';
  input->complexity = CLAMP (helder_record_get_int (message, "complexity"), 1, 3);
  input->sensitivity = CLAMP (helder_record_get_int (message, "sensitivity"), 1, 3);
  input->two_way = helder_record_get_bool (message, "two_way");
  input->omgevingswet = helder_record_get_bool (message, "omgevingswet");
}
