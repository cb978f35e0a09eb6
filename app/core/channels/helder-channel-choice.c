/* helder-channel-choice.c: a message's chosen channels, as its "channels" JSON keeps them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-choice"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-channel-choice.h"

static void
entry_free (gpointer data)
{
  HelderChannelChoiceEntry *entry = data;

  g_free (entry->channel);
  g_free (entry->reason);
  g_free (entry);
}

void
helder_channel_choice_free (HelderChannelChoice *choice)
{
  if (choice == NULL)
    return;
  g_ptr_array_unref (choice->entries);
  g_free (choice->override_reason);
  g_free (choice->override_by);
  g_free (choice->override_at);
  g_free (choice);
}

static void
parse_override (HelderChannelChoice *choice,
                JsonObject          *object)
{
  JsonArray *names = json_object_has_member (object, "rules") &&
                     JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rules"))
                   ? json_object_get_array_member (object, "rules") : NULL;

  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    {
      JsonNode *node = json_array_get_element (names, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        choice->override_rules |= helder_channel_rule_from_name (json_node_get_string (node));
    }
  g_free (choice->override_reason);
  choice->override_reason = g_strdup (json_object_get_string_member_with_default (object, "reason", NULL));
  g_free (choice->override_by);
  choice->override_by = g_strdup (json_object_get_string_member_with_default (object, "by", NULL));
  g_free (choice->override_at);
  choice->override_at = g_strdup (json_object_get_string_member_with_default (object, "at", NULL));
}

/**
 * helder_channel_choice_parse:
 * @json: (nullable): a message's "channels"
 *
 * Returns: (transfer full): the choice; empty for %NULL or anything that
 *   is not an array of channel objects
 */
HelderChannelChoice *
helder_channel_choice_parse (const char *json)
{
  HelderChannelChoice *choice = g_new0 (HelderChannelChoice, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *array;

  choice->entries = g_ptr_array_new_with_free_func (entry_free);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return choice;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      HelderChannelChoiceEntry *entry;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (json_object_has_member (object, "override") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "override")))
        parse_override (choice, json_object_get_object_member (object, "override"));
      id = json_object_get_string_member_with_default (object, "channel", NULL);
      if (id == NULL || helder_channel_choice_contains (choice, id))
        continue;
      entry = g_new0 (HelderChannelChoiceEntry, 1);
      entry->channel = g_strdup (id);
      entry->reason = g_strdup (json_object_get_string_member_with_default (object, "reason", NULL));
      entry->by_hand = g_strcmp0 (json_object_get_string_member_with_default (object, "by", "hand"), "advice") != 0;
      g_ptr_array_add (choice->entries, entry);
    }
  return choice;
}

static HelderChannelChoiceEntry *
find_entry (HelderChannelChoice *choice,
            const char          *channel_id)
{
  for (guint i = 0; choice != NULL && i < choice->entries->len; i++)
    {
      HelderChannelChoiceEntry *entry = choice->entries->pdata[i];

      if (g_strcmp0 (entry->channel, channel_id) == 0)
        return entry;
    }
  return NULL;
}

gboolean
helder_channel_choice_contains (HelderChannelChoice *choice,
                                const char          *channel_id)
{
  return find_entry (choice, channel_id) != NULL;
}

/**
 * helder_channel_choice_to_chosen:
 * @chosen: (out caller-allocates): one per channel of @settings
 *
 * Returns: how many chosen channels @settings knows
 */
guint
helder_channel_choice_to_chosen (HelderChannelChoice   *choice,
                                 HelderChannelSettings *settings,
                                 gboolean              *chosen)
{
  guint n = 0;

  g_return_val_if_fail (choice != NULL && settings != NULL, 0);

  for (guint c = 0; c < helder_channel_settings_get_n_channels (settings); c++)
    n += chosen[c] = helder_channel_choice_contains (choice, helder_channel_settings_get_channel (settings, c)->id);
  return n;
}

/**
 * helder_channel_advice_summary:
 *
 * Returns: (transfer full): one sentence on why the advice proposes
 *   @channel: the rule that added it, or its strongest reason that sets
 *   it apart (reach only when nothing else speaks for it)
 */
char *
helder_channel_advice_summary (HelderChannelAdvice *advice,
                               guint                channel)
{
  const HelderChannelScore *score;
  const HelderAdviceReason *best = NULL;

  g_return_val_if_fail (advice != NULL && channel < advice->n_scores, NULL);

  score = &advice->scores[channel];
  if (score->added_by != 0)
    return g_strdup (helder_channel_rule_describe (score->added_by));
  for (guint i = 0; i < score->n_reasons; i++)
    if (score->reasons[i].criterion != HELDER_CRITERION_REACH && score->reasons[i].points > 0 &&
        (best == NULL || score->reasons[i].points > best->points))
      best = &score->reasons[i];
  for (guint i = 0; best == NULL && i < score->n_reasons; i++)
    if (score->reasons[i].criterion == HELDER_CRITERION_REACH)
      best = &score->reasons[i];
  if (best == NULL || best->points <= 0)
    return g_strdup (_("Chosen by hand."));
  return helder_advice_reason_describe (advice->settings, best);
}

/**
 * helder_channel_choice_to_json:
 * @advice: (nullable): the advice beside the choice
 * @chosen: one per channel of @settings
 * @previous: (nullable): the message's choice so far, whose reasons stay
 * @broken: the hard rules the set breaks
 * @override_reason: (nullable): the advisor's reason, kept when @broken
 *
 * Returns: (transfer full): the message's new "channels"
 */
char *
helder_channel_choice_to_json (HelderChannelSettings *settings,
                               HelderChannelAdvice   *advice,
                               const gboolean        *chosen,
                               HelderChannelChoice   *previous,
                               guint                  broken,
                               const char            *override_reason,
                               const char            *by,
                               const char            *at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = helder_channel_settings_get_n_channels (settings);
  gboolean first = TRUE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      guint c = advice != NULL ? advice->ranking[i] : i;
      const HelderChannelInfo *info = helder_channel_settings_get_channel (settings, c);
      HelderChannelChoiceEntry *old = find_entry (previous, info->id);
      gboolean proposed = advice != NULL && helder_channel_advice_is_proposed (advice, c);
      g_autofree char *reason = NULL;

      if (!chosen[c])
        continue;
      if (old != NULL && old->reason != NULL && old->reason[0] != '\0')
        reason = g_strdup (old->reason);
      else if (advice != NULL)
        reason = helder_channel_advice_summary (advice, c);
      else
        reason = g_strdup (_("Chosen by hand."));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, info->id);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, proposed ? "advice" : "hand");
      if (first && broken != 0)
        {
          json_builder_set_member_name (builder, "override");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rules");
          json_builder_begin_array (builder);
          for (guint r = 0; r < HELDER_N_CHANNEL_RULES; r++)
            if (broken & (1u << r))
              json_builder_add_string_value (builder, helder_channel_rule_get_name (1u << r));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, override_reason ? override_reason : "");
          if (by != NULL)
            {
              json_builder_set_member_name (builder, "by");
              json_builder_add_string_value (builder, by);
            }
          if (at != NULL)
            {
              json_builder_set_member_name (builder, "at");
              json_builder_add_string_value (builder, at);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      first = FALSE;
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
