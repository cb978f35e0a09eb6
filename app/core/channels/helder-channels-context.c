/* helder-channels-context.c: what the Kanalen views share: live lists, the settings, the pressure
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-context"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-channels-context.h"
#include "helder-text-levels.h"

/* The four Kanalen views work from the same snapshot: the settings (the
 * channels, audiences and weights as the advice sees them) and the
 * contact pressure of all planned messages.  A change of a channel, an
 * audience or the weights makes new settings; a change of a message a new
 * pressure map; both once per main-loop turn (an idle), after which
 * "changed" tells the views.  Advice is made when asked for and kept
 * until either changes. */

struct _HelderChannelsContext
{
  GObject parent_instance;

  HelderChannelsService *service;
  HelderRecordList      *messages;
  HelderRecordList      *channels;
  HelderRecordList      *audiences;
  HelderRecordList      *areas;
  HelderRecordList      *settings_records;
  HelderRecordList      *toolkits;

  HelderChannelSettings *settings;
  HelderContactPressure *pressure;
  GHashTable            *advice;        /* message id → HelderChannelAdvice */
  GHashTable            *chosen;        /* message id → gboolean per channel */
  HelderTextLevels      *levels;        /* the texts' levels, shared per store */
  GHashTable            *texts;         /* document id → message id, of the texts asked for */
  GHashTable            *moved;         /* ids of the messages written since the pressure was counted */
  gboolean               moved_all;     /* or every message (a pull without ids) */
  guint                  rebuild_id;
  gboolean               settings_stale;
  gboolean               pressure_stale;
  gboolean               paused;
};

G_DEFINE_FINAL_TYPE (HelderChannelsContext, helder_channels_context, G_TYPE_OBJECT)

enum {
  CHANGED,
  LEVELS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
rebuild (gpointer data)
{
  HelderChannelsContext *self = data;

  self->rebuild_id = 0;
  helder_channels_context_flush (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule (HelderChannelsContext *self)
{
  g_hash_table_remove_all (self->advice);
  g_hash_table_remove_all (self->chosen);
  if (self->rebuild_id == 0 && !self->paused)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild, self, NULL);
}

static void
settings_changed (HelderChannelsContext *self)
{
  self->settings_stale = TRUE;
  self->pressure_stale = TRUE;
  schedule (self);
}

static void
areas_changed (HelderChannelsContext *self)
{
  self->pressure_stale = TRUE;
  schedule (self);
}

/* The messages' list follows the store; the pressure follows the
 * messages the store names, one by one, when they are few. */
static void
messages_written (HelderChannelsContext *self,
                  const char            *type_name,
                  const char * const    *ids)
{
  /* (a paused list reads them later: the pressure then counts anew) */
  if (ids == NULL || self->paused)
    self->moved_all = TRUE;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->moved, g_strdup (ids[i]));
}

static void
messages_changed (HelderChannelsContext *self)
{
  schedule (self);
}

/* At most this many written messages are counted one by one */
#define MAX_MOVED 64

/**
 * helder_channels_context_flush:
 *
 * Makes the settings and the pressure current now, rather than at the
 * next idle.
 */
void
helder_channels_context_flush (HelderChannelsContext *self)
{
  g_return_if_fail (HELDER_IS_CHANNELS_CONTEXT (self));

  if (self->settings_stale || self->settings == NULL)
    {
      g_clear_pointer (&self->settings, helder_channel_settings_unref);
      self->settings = helder_channels_service_settings (self->service, G_LIST_MODEL (self->channels),
                                                         G_LIST_MODEL (self->audiences));
      self->settings_stale = FALSE;
      self->pressure_stale = TRUE;
      g_hash_table_remove_all (self->advice);
      g_hash_table_remove_all (self->chosen);
    }
  if (self->pressure != NULL && !self->pressure_stale &&
      (self->moved_all || g_hash_table_size (self->moved) > MAX_MOVED))
    self->pressure_stale = TRUE;
  if (!self->pressure_stale && self->pressure != NULL && g_hash_table_size (self->moved) > 0)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->moved);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        helder_contact_pressure_update (self->pressure, id, helder_record_list_lookup (self->messages, id, NULL));
      g_hash_table_remove_all (self->advice);
    }
  g_hash_table_remove_all (self->moved);
  self->moved_all = FALSE;
  if (self->pressure_stale || self->pressure == NULL)
    {
      g_clear_pointer (&self->pressure, helder_contact_pressure_free);
      self->pressure = helder_contact_pressure_new (self->settings, G_LIST_MODEL (self->messages),
                                                    G_LIST_MODEL (self->areas));
      self->pressure_stale = FALSE;
      g_hash_table_remove_all (self->advice);
    }
}

/* Some texts' levels are in: the advice of their messages again */
static void
levels_changed (HelderChannelsContext *self,
                const char * const    *ids)
{
  gboolean any = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *message = g_hash_table_lookup (self->texts, ids[i]);

      if (message != NULL)
        {
          g_hash_table_remove (self->advice, message);
          any = TRUE;
        }
    }
  if (any)
    g_signal_emit (self, signals[LEVELS_CHANGED], 0);
}

static HelderRecordList *
watch (HelderChannelsContext *self,
       GType                  type,
       GCallback              callback)
{
  HelderRecordList *list = helder_service_list (HELDER_SERVICE (self->service), type);

  g_signal_connect_object (list, "items-changed", callback, self, G_CONNECT_SWAPPED);
  return list;
}

HelderChannelsContext *
helder_channels_context_new (HelderChannelsService *service)
{
  HelderChannelsContext *self;

  g_return_val_if_fail (HELDER_IS_CHANNELS_SERVICE (service), NULL);

  self = g_object_new (HELDER_TYPE_CHANNELS_CONTEXT, NULL);
  self->service = g_object_ref (service);
  self->messages = helder_channels_service_messages (service);
  g_signal_connect_object (self->messages, "items-changed", G_CALLBACK (messages_changed), self, G_CONNECT_SWAPPED);
  /* (connected after the list, which follows the same signal) */
  g_signal_connect_object (helder_service_get_store (HELDER_SERVICE (service)), "records-changed::message",
                           G_CALLBACK (messages_written), self, G_CONNECT_SWAPPED);
  self->channels = watch (self, HELDER_TYPE_CHANNEL, G_CALLBACK (settings_changed));
  self->audiences = watch (self, HELDER_TYPE_AUDIENCE, G_CALLBACK (settings_changed));
  self->settings_records = watch (self, HELDER_TYPE_SETTING, G_CALLBACK (settings_changed));
  self->areas = watch (self, HELDER_TYPE_AREA, G_CALLBACK (areas_changed));
  self->levels = helder_text_levels_for_store (helder_service_get_store (HELDER_SERVICE (service)));
  g_signal_connect_object (self->levels, "changed", G_CALLBACK (levels_changed), self, G_CONNECT_SWAPPED);
  return self;
}

static void
helder_channels_context_dispose (GObject *object)
{
  HelderChannelsContext *self = HELDER_CHANNELS_CONTEXT (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->messages);
  g_clear_object (&self->channels);
  g_clear_object (&self->audiences);
  g_clear_object (&self->areas);
  g_clear_object (&self->settings_records);
  g_clear_object (&self->toolkits);
  g_clear_object (&self->levels);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (helder_channels_context_parent_class)->dispose (object);
}

static void
helder_channels_context_finalize (GObject *object)
{
  HelderChannelsContext *self = HELDER_CHANNELS_CONTEXT (object);

  g_hash_table_unref (self->advice);
  g_hash_table_unref (self->chosen);
  g_hash_table_unref (self->texts);
  g_hash_table_unref (self->moved);
  g_clear_pointer (&self->pressure, helder_contact_pressure_free);
  g_clear_pointer (&self->settings, helder_channel_settings_unref);

  G_OBJECT_CLASS (helder_channels_context_parent_class)->finalize (object);
}

static void
helder_channels_context_class_init (HelderChannelsContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_channels_context_dispose;
  object_class->finalize = helder_channels_context_finalize;

  /**
   * HelderChannelsContext::changed:
   *
   * The settings or the pressure are new: advice may differ.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HelderChannelsContext::levels-changed:
   *
   * The language level of some messages' texts is known or new: their
   * advice and their too-hard marks may differ.
   */
  signals[LEVELS_CHANGED] = g_signal_new ("levels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
helder_channels_context_init (HelderChannelsContext *self)
{
  self->advice = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) helder_channel_advice_free);
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

HelderChannelsService *
helder_channels_context_get_service (HelderChannelsContext *self)
{
  return self->service;
}

GListModel *
helder_channels_context_get_messages (HelderChannelsContext *self)
{
  return G_LIST_MODEL (self->messages);
}

GListModel *
helder_channels_context_get_channels (HelderChannelsContext *self)
{
  return G_LIST_MODEL (self->channels);
}

GListModel *
helder_channels_context_get_audiences (HelderChannelsContext *self)
{
  return G_LIST_MODEL (self->audiences);
}

HelderChannelSettings *
helder_channels_context_get_settings (HelderChannelsContext *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), NULL);

  if (self->settings == NULL || self->settings_stale)
    helder_channels_context_flush (self);
  return self->settings;
}

HelderContactPressure *
helder_channels_context_get_pressure (HelderChannelsContext *self)
{
  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), NULL);

  if (self->pressure == NULL || self->pressure_stale || self->moved_all || g_hash_table_size (self->moved) > 0)
    helder_channels_context_flush (self);
  return self->pressure;
}

/**
 * helder_channels_context_get_advice:
 *
 * The advice for @message with the channels' load in its week.
 *
 * Returns: (transfer none): the advice, kept until the settings or the
 *   messages change
 */
HelderChannelAdvice *
helder_channels_context_get_advice (HelderChannelsContext *self,
                                    HelderRecord          *message)
{
  HelderChannelAdvice *advice;
  HelderChannelSettings *settings;
  HelderContactPressure *pressure;
  g_autofree guint *load = NULL;
  HelderAdviceInput input;
  HelderWeek week;

  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), NULL);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), NULL);

  settings = helder_channels_context_get_settings (self);
  pressure = helder_channels_context_get_pressure (self);
  advice = g_hash_table_lookup (self->advice, helder_record_get_id (message));
  if (advice != NULL)
    return advice;

  helder_advice_input_from_record (&input, message, settings);
  input.text_level = helder_channels_context_get_text_level (self, message);
  week = helder_week_from_date (helder_record_get_text (message, "window_start"));
  if (week != 0)
    {
      load = g_new0 (guint, MAX (helder_channel_settings_get_n_channels (settings), 1));
      helder_contact_pressure_channel_load (pressure, week, helder_record_get_id (message), load);
      input.channel_load = load;
    }
  advice = helder_channel_advise (settings, &input);
  g_hash_table_insert (self->advice, g_strdup (helder_record_get_id (message)), advice);
  return advice;
}

/* @chosen: (out caller-allocates): one per channel of the settings */
void
helder_channels_context_get_chosen (HelderChannelsContext *self,
                                    HelderRecord          *message,
                                    gboolean              *chosen)
{
  g_autoptr(HelderChannelChoice) choice = helder_channel_choice_parse (helder_record_get_text (message, "channels"));

  helder_channel_choice_to_chosen (choice, helder_channels_context_get_settings (self), chosen);
}

/**
 * helder_channels_context_peek_chosen:
 *
 * Returns: (transfer none): @message's chosen channels, one per channel
 *   of the settings, kept until the settings or the messages change
 */
const gboolean *
helder_channels_context_peek_chosen (HelderChannelsContext *self,
                                     HelderRecord          *message)
{
  gboolean *chosen = g_hash_table_lookup (self->chosen, helder_record_get_id (message));

  if (chosen == NULL)
    {
      chosen = g_new0 (gboolean, helder_channel_settings_get_n_channels (helder_channels_context_get_settings (self)) + 1);
      helder_channels_context_get_chosen (self, message, chosen);
      g_hash_table_insert (self->chosen, g_strdup (helder_record_get_id (message)), chosen);
    }
  return chosen;
}

/* The rules @chosen breaks for @message (0 for an empty choice: not chosen yet). */
guint
helder_channels_context_check_chosen (HelderChannelsContext *self,
                                      HelderRecord          *message,
                                      const gboolean        *chosen)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (self);
  HelderAdviceInput input;
  gboolean any = FALSE;

  for (guint c = 0; c < helder_channel_settings_get_n_channels (settings); c++)
    any |= chosen[c];
  if (!any)
    return 0;
  helder_advice_input_from_record (&input, message, settings);
  return helder_channel_rules_check (settings, &input, chosen);
}

/* A hidden page's context waits: its lists are paused too. */
void
helder_channels_context_set_paused (HelderChannelsContext *self,
                                    gboolean               paused)
{
  g_return_if_fail (HELDER_IS_CHANNELS_CONTEXT (self));

  self->paused = paused;
  helder_record_list_set_paused (self->messages, paused);
  helder_record_list_set_paused (self->channels, paused);
  helder_record_list_set_paused (self->audiences, paused);
  helder_record_list_set_paused (self->areas, paused);
  helder_record_list_set_paused (self->settings_records, paused);
  if (self->toolkits != NULL)
    helder_record_list_set_paused (self->toolkits, paused);
  if (paused)
    g_clear_handle_id (&self->rebuild_id, g_source_remove);
  else if (self->settings_stale || self->pressure_stale || self->moved_all || g_hash_table_size (self->moved) > 0)
    schedule (self);
}

/**
 * helder_channels_context_toolkits_for:
 * @channel: a channel's index in the settings
 *
 * The Bibliotheek's documents tagged with the channel (its id, key or
 * name in their "channels").
 *
 * Returns: (transfer container) (element-type HelderToolkit): the documents
 */
GPtrArray *
helder_channels_context_toolkits_for (HelderChannelsContext *self,
                                      guint                  channel)
{
  const HelderChannelInfo *info;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), found);

  if (self->toolkits == NULL)
    self->toolkits = helder_service_list (HELDER_SERVICE (self->service), HELDER_TYPE_TOOLKIT);
  info = helder_channel_settings_get_channel (helder_channels_context_get_settings (self), channel);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->toolkits)); i++)
    {
      g_autoptr(HelderRecord) toolkit = g_list_model_get_item (G_LIST_MODEL (self->toolkits), i);
      const char * const *channels = helder_record_get_list (toolkit, "channels");
      gboolean match = FALSE;

      for (guint j = 0; channels != NULL && channels[j] != NULL && !match; j++)
        match = g_strcmp0 (channels[j], info->id) == 0 || g_strcmp0 (channels[j], info->key) == 0 ||
                (info->name != NULL && g_utf8_collate (channels[j], info->name) == 0) ||
                (info->name != NULL && g_ascii_strcasecmp (channels[j], info->name) == 0);
      if (match)
        g_ptr_array_add (found, g_steal_pointer (&toolkit));
    }
  return found;
}

/**
 * helder_channels_context_get_text_level:
 *
 * The level of @message's text (its Schrijven document), 1 to 4, as
 * last measured; 0 when it has none or it is being measured
 * (::levels-changed tells when it is in).
 */
int
helder_channels_context_get_text_level (HelderChannelsContext *self,
                                        HelderRecord          *message)
{
  const char *body;

  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), 0);
  g_return_val_if_fail (HELDER_IS_MESSAGE (message), 0);

  body = helder_record_get_text (message, "body");
  if (body == NULL || *body == '\0')
    return 0;
  if (g_strcmp0 (g_hash_table_lookup (self->texts, body), helder_record_get_id (message)) != 0)
    g_hash_table_insert (self->texts, g_strdup (body), g_strdup (helder_record_get_id (message)));
  return helder_text_levels_lookup (self->levels, body);
}

/**
 * helder_channels_context_text_too_hard:
 * @level: (out) (optional): the text's level, 0 unknown
 * @target: (out) (optional): the channel's target level
 *
 * Whether @message's text is harder than @channel's target level.
 */
gboolean
helder_channels_context_text_too_hard (HelderChannelsContext *self,
                                       HelderRecord          *message,
                                       guint                  channel,
                                       int                   *level,
                                       int                   *target)
{
  HelderChannelSettings *settings = helder_channels_context_get_settings (self);
  int l = helder_channels_context_get_text_level (self, message);
  int t = channel < helder_channel_settings_get_n_channels (settings)
          ? helder_channel_settings_get_channel (settings, channel)->target_level : 0;

  if (level != NULL)
    *level = l;
  if (target != NULL)
    *target = t;
  return l > 0 && t > 0 && l > t;
}

/**
 * helder_channels_context_describe_level:
 *
 * Returns: (transfer full) (nullable): what the message pane and the
 *   editor say of @message's text against its chosen channels' target
 *   levels, or %NULL while nothing is known (no text, no channel chosen,
 *   or the level being measured)
 */
char *
helder_channels_context_describe_level (HelderChannelsContext *self,
                                        HelderRecord          *message)
{
  HelderChannelSettings *settings;
  const gboolean *chosen;
  int level;

  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), NULL);

  if (message == NULL || (level = helder_channels_context_get_text_level (self, message)) == 0)
    return NULL;
  settings = helder_channels_context_get_settings (self);
  chosen = helder_channels_context_peek_chosen (self, message);
  return helder_text_level_describe (settings, chosen, level);
}

/**
 * helder_channels_context_describe_document:
 * @document_id: a Schrijven document
 * @level: its text's level, as the editor measured it
 *
 * Returns: (transfer full) (nullable): for the editor's side panel: the
 *   planned messages whose text @document_id is, and which of their
 *   chosen channels' target levels @level exceeds; %NULL when no message
 *   has this text
 */
char *
helder_channels_context_describe_document (HelderChannelsContext *self,
                                           const char            *document_id,
                                           int                    level)
{
  HelderChannelSettings *settings;
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree gboolean *chosen = NULL;
  g_autofree char *said = NULL;
  guint n_channels, n_messages = 0;

  g_return_val_if_fail (HELDER_IS_CHANNELS_CONTEXT (self), NULL);

  if (document_id == NULL || level <= 0)
    return NULL;
  settings = helder_channels_context_get_settings (self);
  n_channels = helder_channel_settings_get_n_channels (settings);
  chosen = g_new0 (gboolean, n_channels + 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->messages)); i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);
      const gboolean *its;

      if (g_strcmp0 (helder_record_get_text (message, "body"), document_id) != 0)
        continue;
      its = helder_channels_context_peek_chosen (self, message);
      for (guint c = 0; c < n_channels; c++)
        chosen[c] |= its[c];
      g_string_append_printf (titles, "%s“%s”", n_messages++ > 0 ? ", " : "", helder_record_get_title (message));
    }
  if (n_messages == 0)
    return NULL;
  said = helder_text_level_describe (settings, chosen, level);
  /* Translators: the planned messages of a text, then what its level is against their channels */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For the message %s: %s", "For the messages %s: %s",
                                       n_messages), titles->str, said);
}
