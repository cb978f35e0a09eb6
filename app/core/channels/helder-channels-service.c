/* helder-channels-service.c: the channel matrix's rules: channels and audiences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-channels-service.h"

/* Kanalen's service: the default channels for a new organisation, the
 * advice's weights (one setting record), and a message's choice of
 * channels; every user action is one transaction. */

struct _HelderChannelsService
{
  HelderService parent_instance;
};

G_DEFINE_FINAL_TYPE (HelderChannelsService, helder_channels_service, HELDER_TYPE_SERVICE)

G_DEFINE_QUARK (helder-channels-error-quark, helder_channels_error)

static void
helder_channels_service_prepare_new (HelderService *service,
                                     HelderRecord  *record)
{
  /* Digital unless there is a reason not to */
  if (HELDER_IS_CHANNEL (record))
    g_object_set (record, "digital", TRUE, NULL);
}

static void
helder_channels_service_class_init (HelderChannelsServiceClass *klass)
{
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_channels_service_prepare_new;
}

static void
helder_channels_service_init (HelderChannelsService *self)
{
}

HelderChannelsService *
helder_channels_service_new (HelderStore   *store,
                             HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_CHANNELS_SERVICE, "store", store, "session", session, NULL);
}

HelderRecordList *
helder_channels_service_channels (HelderChannelsService *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_CHANNEL);
}

HelderRecordList *
helder_channels_service_audiences (HelderChannelsService *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_AUDIENCE);
}

/* Messages by their first day, the order of the matrix and the advice. */
HelderRecordList *
helder_channels_service_messages (HelderChannelsService *self)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE);
  helder_record_list_set_sort_keys (list, "window_start,title");
  return list;
}

static gboolean
known (GListModel *list,
       const char *key,
       const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (list, i);
      const char *k = helder_record_get_text (record, "key");

      if ((key != NULL && g_strcmp0 (k, key) == 0) ||
          (name != NULL && g_ascii_strcasecmp (helder_record_get_title (record), name) == 0))
        return TRUE;
    }
  return FALSE;
}

/**
 * helder_channels_service_load_defaults:
 *
 * Adds the default channels and audiences of data/channels.json that the
 * store does not have yet (by key or name), and the default weights when
 * there are none, in one transaction.
 *
 * Returns: how many records were added, or 0 with @error set on failure
 */
guint
helder_channels_service_load_defaults (HelderChannelsService  *self,
                                       GError                **error)
{
  g_autoptr(GPtrArray) defaults = NULL;
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();
  g_autoptr(HelderRecordList) channels = NULL;
  g_autoptr(HelderRecordList) audiences = NULL;
  g_autoptr(HelderRecord) weights = NULL;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), 0);

  if ((defaults = helder_channel_defaults_records (error)) == NULL)
    return 0;
  channels = helder_channels_service_channels (self);
  audiences = helder_channels_service_audiences (self);
  weights = helder_channels_service_find_weights (self);

  for (guint i = 0; i < defaults->len; i++)
    {
      HelderRecord *record = defaults->pdata[i];
      GListModel *list = HELDER_IS_CHANNEL (record) ? G_LIST_MODEL (channels)
                       : HELDER_IS_AUDIENCE (record) ? G_LIST_MODEL (audiences) : NULL;

      if (list != NULL
          ? !known (list, helder_record_get_text (record, "key"), helder_record_get_title (record))
          : weights == NULL)
        g_ptr_array_add (saves, record);
    }
  if (saves->len == 0)
    return 0;
  if (!helder_service_write (HELDER_SERVICE (self), saves, NULL, error))
    return 0;
  return saves->len;
}

/**
 * helder_channels_service_find_weights:
 *
 * Returns: (transfer full) (nullable): the "channel-weights" setting
 */
HelderRecord *
helder_channels_service_find_weights (HelderChannelsService *self)
{
  g_autoptr(HelderRecordList) settings = NULL;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  settings = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_SETTING);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (settings)); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (G_LIST_MODEL (settings), i);

      if (g_strcmp0 (helder_record_get_text (record, "key"), HELDER_CHANNEL_WEIGHTS_KEY) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

/**
 * helder_channels_service_settings:
 * @channels: (nullable): the channels, or %NULL for the store's
 * @audiences: (nullable): the audiences, or %NULL for the store's
 *
 * Returns: (transfer full): the settings the advice works from
 */
HelderChannelSettings *
helder_channels_service_settings (HelderChannelsService *self,
                                  GListModel            *channels,
                                  GListModel            *audiences)
{
  g_autoptr(HelderRecordList) own_channels = NULL;
  g_autoptr(HelderRecordList) own_audiences = NULL;
  g_autoptr(HelderRecord) weights = NULL;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), NULL);

  if (channels == NULL)
    channels = G_LIST_MODEL ((own_channels = helder_channels_service_channels (self)));
  if (audiences == NULL)
    audiences = G_LIST_MODEL ((own_audiences = helder_channels_service_audiences (self)));
  weights = helder_channels_service_find_weights (self);
  return helder_channel_settings_new_from_records (channels, audiences, weights);
}

static gboolean
save_weights (HelderChannelsService  *self,
              const double            weights[HELDER_N_CRITERIA],
              GError                **error)
{
  g_autoptr(HelderRecord) record = helder_channels_service_find_weights (self);
  g_autofree char *json = helder_channel_weights_to_json (weights);

  if (record == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      record = helder_record_new (HELDER_TYPE_SETTING);
      helder_record_set_id (record, id);
      g_object_set (record, "key", HELDER_CHANNEL_WEIGHTS_KEY, NULL);
    }
  g_object_set (record, "value", json, NULL);
  return helder_service_save (HELDER_SERVICE (self), record, error);
}

/* One weight, 0 (the criterion does not count) to 10. */
gboolean
helder_channels_service_set_weight (HelderChannelsService  *self,
                                    HelderCriterion         criterion,
                                    double                  weight,
                                    GError                **error)
{
  g_autoptr(HelderChannelSettings) settings = helder_channel_settings_new ();
  g_autoptr(HelderRecord) record = NULL;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), FALSE);
  g_return_val_if_fail (criterion < HELDER_N_CRITERIA, FALSE);

  record = helder_channels_service_find_weights (self);
  if (record != NULL)
    helder_channel_settings_set_weights_json (settings, helder_record_get_text (record, "value"));
  settings->weights[criterion] = CLAMP (weight, 0.0, 10.0);
  return save_weights (self, settings->weights, error);
}

gboolean
helder_channels_service_reset_weights (HelderChannelsService  *self,
                                       GError                **error)
{
  double weights[HELDER_N_CRITERIA];

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), FALSE);

  helder_channel_default_weights (weights);
  return save_weights (self, weights, error);
}

/**
 * helder_channels_service_choose:
 * @message: a HelderMessage
 * @advice: (nullable): the advice shown beside the choice
 * @chosen: one per channel of @settings
 * @override_reason: (nullable): why the set may break a hard rule
 *
 * Keeps the advisor's choice of channels in @message's "channels" (in the
 * store's copy: @message itself, perhaps a live list's item, stays as it
 * is).  A set that breaks a hard rule needs a reason, which is kept with
 * it; an empty set means "not chosen yet".
 *
 * Returns: %TRUE, or %FALSE with %HELDER_CHANNELS_ERROR_REASON_NEEDED (or
 *   a store or session error) and nothing written
 */
gboolean
helder_channels_service_choose (HelderChannelsService  *self,
                                HelderRecord           *message,
                                HelderChannelSettings  *settings,
                                HelderChannelAdvice    *advice,
                                const gboolean         *chosen,
                                const char             *override_reason,
                                GError                **error)
{
  g_autoptr(HelderChannelChoice) previous = NULL;
  g_autoptr(HelderRecord) copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *json = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (override_reason ? override_reason : ""));
  HelderAdviceInput input;
  guint broken, n = 0;
  const char *user;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (settings != NULL && chosen != NULL, FALSE);

  helder_advice_input_from_record (&input, message, settings);
  for (guint c = 0; c < helder_channel_settings_get_n_channels (settings); c++)
    n += chosen[c] != FALSE;
  broken = n > 0 ? helder_channel_rules_check (settings, &input, chosen) : 0;
  if (broken != 0 && reason[0] == '\0')
    {
      g_set_error_literal (error, HELDER_CHANNELS_ERROR, HELDER_CHANNELS_ERROR_REASON_NEEDED,
                           _("This choice breaks a rule of the channel advice: say why."));
      return FALSE;
    }

  user = helder_store_get_user (helder_service_get_store (HELDER_SERVICE (self)));
  previous = helder_channel_choice_parse (helder_record_get_text (message, "channels"));
  json = helder_channel_choice_to_json (settings, advice, chosen, previous, broken, reason, user, today);
  copy = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_MESSAGE, helder_record_get_id (message));
  if (copy == NULL)
    copy = g_object_ref (message);
  g_object_set (copy, "channels", json, NULL);
  return helder_service_save (HELDER_SERVICE (self), copy, error);
}
