/* helder-channel-settings.c: channels, audiences and weights as the advice engine sees them
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channel-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-channel-settings.h"

#define DEFAULTS_RESOURCE "/nl/hltsamen/Helder/core/channels.json"

G_DEFINE_BOXED_TYPE (HelderChannelSettings, helder_channel_settings,
                     helder_channel_settings_ref, helder_channel_settings_unref)

static const struct {
  const char *name;
  const char *label;
} criteria[HELDER_N_CRITERIA] = {
  [HELDER_CRITERION_REACH] = { "reach", N_("Reach") },
  [HELDER_CRITERION_DIGITAL_FIRST] = { "digital_first", N_("Digital unless") },
  [HELDER_CRITERION_NON_DIGITAL] = { "non_digital", N_("Non-digital route") },
  [HELDER_CRITERION_LITERACY] = { "literacy", N_("Low literacy") },
  [HELDER_CRITERION_SPEED] = { "speed", N_("Speed") },
  [HELDER_CRITERION_TWO_WAY] = { "two_way", N_("Two-way contact") },
  [HELDER_CRITERION_FORMAL] = { "formal", N_("Legal effect") },
  [HELDER_CRITERION_AREA] = { "area", N_("Area") },
  [HELDER_CRITERION_COMPLEXITY] = { "complexity", N_("Complexity") },
  [HELDER_CRITERION_SENSITIVITY] = { "sensitivity", N_("Sensitivity") },
  [HELDER_CRITERION_EFFORT] = { "effort", N_("Effort") },
  [HELDER_CRITERION_CAPACITY] = { "capacity", N_("Capacity this week") },
  [HELDER_CRITERION_TEXT_LEVEL] = { "text_level", N_("Language level") },
};

const char *
helder_criterion_get_name (HelderCriterion criterion)
{
  g_return_val_if_fail (criterion < HELDER_N_CRITERIA, NULL);
  return criteria[criterion].name;
}

const char *
helder_criterion_get_label (HelderCriterion criterion)
{
  g_return_val_if_fail (criterion < HELDER_N_CRITERIA, NULL);
  return _(criteria[criterion].label);
}

/* The parsed data file, once. */
static JsonObject *
defaults_root (void)
{
  static JsonObject *root;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULTS_RESOURCE, 0, &error);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonObject *object = NULL;

      if (bytes == NULL ||
          !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        g_critical ("The default channels cannot be read: %s", error ? error->message : "not an object");
      else
        object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      if (object == NULL)
        object = json_object_new ();
      root = object;
      g_once_init_leave (&initialized, 1);
    }
  return root;
}

static double
member_double (JsonObject *object,
               const char *name,
               double      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return fallback;
}

/**
 * helder_channel_default_weights:
 *
 * The weights of data/channels.json (1 where it names none).
 */
void
helder_channel_default_weights (double weights[HELDER_N_CRITERIA])
{
  JsonObject *root = defaults_root ();
  JsonObject *object = json_object_has_member (root, "weights") ? json_object_get_object_member (root, "weights") : NULL;

  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    weights[i] = member_double (object, criteria[i].name, 1.0);
}

char *
helder_channel_weights_to_json (const double weights[HELDER_N_CRITERIA])
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    {
      json_builder_set_member_name (builder, criteria[i].name);
      json_builder_add_double_value (builder, weights[i]);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

/* "A1" … "C2" as the 1–4 levels of the text engine: A1/A2 are level 1,
 * B1 level 2, B2 level 3, C level 4. */
int
helder_channel_level_from_text (const char *language_level)
{
  if (language_level == NULL || language_level[0] == '\0')
    return 0;
  switch (g_ascii_toupper (language_level[0]))
    {
    case 'A':
      return 1;
    case 'B':
      return language_level[1] == '2' ? 3 : 2;
    case 'C':
      return 4;
    default:
      return CLAMP (atoi (language_level), 0, 4);
    }
}

static void
channel_info_free (gpointer data)
{
  HelderChannelInfo *info = data;

  g_free (info->id);
  g_free (info->key);
  g_free (info->name);
  g_clear_pointer (&info->reach, g_hash_table_unref);
  g_free (info);
}

static void
audience_info_free (gpointer data)
{
  HelderAudienceInfo *info = data;

  g_free (info->id);
  g_free (info->key);
  g_free (info->name);
  g_free (info->parent_id);
  g_free (info->reaches);
  g_free (info);
}

HelderChannelSettings *
helder_channel_settings_new (void)
{
  HelderChannelSettings *self = g_new0 (HelderChannelSettings, 1);
  JsonObject *root = defaults_root ();
  JsonObject *proposal = json_object_has_member (root, "proposal") ? json_object_get_object_member (root, "proposal") : NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->channels = g_ptr_array_new_with_free_func (channel_info_free);
  self->audiences = g_ptr_array_new_with_free_func (audience_info_free);
  self->audience_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->channel_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  helder_channel_default_weights (self->weights);
  self->default_budget = (int) member_double (root, "default_weekly_budget", 2);
  self->threshold = member_double (proposal, "threshold", 30);
  self->max_channels = (guint) member_double (proposal, "max_channels", 4);
  self->mijnoverheid = -1;
  self->omgevingsloket = -1;
  return self;
}

HelderChannelSettings *
helder_channel_settings_ref (HelderChannelSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
helder_channel_settings_unref (HelderChannelSettings *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->channels);
  g_ptr_array_unref (self->audiences);
  g_hash_table_unref (self->audience_index);
  g_hash_table_unref (self->channel_index);
  g_free (self->reach);
  g_free (self);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static HelderChannelSpeed
speed_from_text (const char *speed)
{
  if (g_strcmp0 (speed, "direct") == 0)
    return HELDER_CHANNEL_SPEED_DIRECT;
  if (g_strcmp0 (speed, "hours") == 0)
    return HELDER_CHANNEL_SPEED_HOURS;
  if (g_strcmp0 (speed, "weeks") == 0)
    return HELDER_CHANNEL_SPEED_WEEKS;
  return HELDER_CHANNEL_SPEED_DAYS;
}

/* A channel without a key is known by its name in lower case, so the
 * rules that name a channel (MijnOverheid, Omgevingsloket) still find it. */
static char *
key_of (HelderRecord *record)
{
  const char *key = nonempty (helder_record_get_text (record, "key"));

  if (key != NULL)
    return g_strdup (key);
  return nonempty (helder_record_get_title (record)) ? g_utf8_strdown (helder_record_get_title (record), -1) : NULL;
}

static void
parse_reach (HelderChannelInfo *info,
             const char        *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  info->reach = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      int percent = CLAMP ((int) member_double (object, l->data, 0), 0, 100);

      if (g_str_equal (l->data, HELDER_AREA_REACH_KEY))
        info->area_reach = percent;
      else
        g_hash_table_insert (info->reach, g_strdup (l->data), GINT_TO_POINTER (percent + 1));
    }
}

void
helder_channel_settings_add_channel (HelderChannelSettings *self,
                                     HelderRecord          *channel)
{
  HelderChannelInfo *info;

  g_return_if_fail (self != NULL && !self->sealed);
  g_return_if_fail (HELDER_IS_CHANNEL (channel));

  info = g_new0 (HelderChannelInfo, 1);
  info->id = g_strdup (helder_record_get_id (channel));
  info->key = key_of (channel);
  info->name = g_strdup (helder_record_get_title (channel));
  info->digital = helder_record_get_bool (channel, "digital");
  info->interaction = helder_record_get_bool (channel, "interaction");
  info->formal = helder_record_get_bool (channel, "formal");
  info->speed = speed_from_text (helder_record_get_text (channel, "speed"));
  info->low_literacy = CLAMP (helder_record_get_int (channel, "low_literacy"), 1, 5);
  info->low_digital = CLAMP (helder_record_get_int (channel, "low_digital"), 1, 5);
  info->cost = CLAMP (helder_record_get_int (channel, "cost"), 1, 5);
  info->weekly_capacity = MAX (helder_record_get_int (channel, "weekly_capacity"), 0);
  info->target_level = helder_record_get_int (channel, "target_level");
  if (info->target_level < 1)
    info->target_level = 2;
  info->area_reach = -1;
  parse_reach (info, helder_record_get_text (channel, "reach"));

  g_ptr_array_add (self->channels, info);
  if (info->id != NULL)
    g_hash_table_insert (self->channel_index, g_strdup (info->id), GUINT_TO_POINTER (self->channels->len));
  if (info->key != NULL && !g_hash_table_contains (self->channel_index, info->key))
    g_hash_table_insert (self->channel_index, g_strdup (info->key), GUINT_TO_POINTER (self->channels->len));
}

void
helder_channel_settings_add_audience (HelderChannelSettings *self,
                                      HelderRecord          *audience)
{
  HelderAudienceInfo *info;

  g_return_if_fail (self != NULL && !self->sealed);
  g_return_if_fail (HELDER_IS_AUDIENCE (audience));

  info = g_new0 (HelderAudienceInfo, 1);
  info->id = g_strdup (helder_record_get_id (audience));
  info->key = g_strdup (nonempty (helder_record_get_text (audience, "key")));
  info->name = g_strdup (helder_record_get_title (audience));
  info->parent_id = g_strdup (nonempty (helder_record_get_text (audience, "parent")));
  info->parent = -1;
  info->size = MAX (helder_record_get_int (audience, "size"), 0);
  info->non_digital = helder_record_get_bool (audience, "non_digital");
  info->low_literacy = helder_record_get_bool (audience, "low_literacy");
  info->low_digital = helder_record_get_bool (audience, "low_digital");
  info->level = helder_channel_level_from_text (helder_record_get_text (audience, "language_level"));
  info->weekly_budget = MAX (helder_record_get_int (audience, "weekly_budget"), 0);

  g_ptr_array_add (self->audiences, info);
  if (info->id != NULL)
    g_hash_table_insert (self->audience_index, g_strdup (info->id), GUINT_TO_POINTER (self->audiences->len));
  if (info->key != NULL && !g_hash_table_contains (self->audience_index, info->key))
    g_hash_table_insert (self->audience_index, g_strdup (info->key), GUINT_TO_POINTER (self->audiences->len));
}

/**
 * helder_channel_settings_set_weights_json:
 * @json: (nullable): the value of the "channel-weights" setting: an
 *   object of criterion names to numbers; missing ones keep the default
 *
 * Returns: whether @json was read
 */
gboolean
helder_channel_settings_set_weights_json (HelderChannelSettings *self,
                                          const char            *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;

  g_return_val_if_fail (self != NULL && !self->sealed, FALSE);

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    self->weights[i] = CLAMP (member_double (object, criteria[i].name, self->weights[i]), 0.0, 10.0);
  return TRUE;
}

static int
lookup (GHashTable *index,
        const char *id_or_key)
{
  gpointer value;

  if (id_or_key == NULL || !g_hash_table_lookup_extended (index, id_or_key, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value) - 1;
}

/* A channel's reach of an audience: by the audience's id, its key, or
 * else as for the segment it is part of. */
static int
resolve_reach (HelderChannelSettings *self,
               HelderChannelInfo     *channel,
               guint                  audience,
               guint                  depth)
{
  HelderAudienceInfo *info = self->audiences->pdata[audience];
  gpointer value;

  if ((info->id != NULL && g_hash_table_lookup_extended (channel->reach, info->id, NULL, &value)) ||
      (info->key != NULL && g_hash_table_lookup_extended (channel->reach, info->key, NULL, &value)))
    return GPOINTER_TO_INT (value) - 1;
  if (info->parent >= 0 && depth < 8)
    return resolve_reach (self, channel, info->parent, depth + 1);
  return 0;
}

/* Fixes the indices the engine uses; nothing is added afterwards. */
void
helder_channel_settings_seal (HelderChannelSettings *self)
{
  guint n_channels, n_audiences;

  g_return_if_fail (self != NULL);

  if (self->sealed)
    return;
  self->sealed = TRUE;
  n_channels = self->channels->len;
  n_audiences = self->audiences->len;

  for (guint a = 0; a < n_audiences; a++)
    {
      HelderAudienceInfo *info = self->audiences->pdata[a];

      info->parent = lookup (self->audience_index, info->parent_id);
      if (info->parent == (int) a)
        info->parent = -1;
    }
  /* A segment that needs another route (or plain words) makes every
   * audience it is part of need it too: a message to all residents
   * reaches the 65+. */
  for (guint a = 0; a < n_audiences; a++)
    {
      HelderAudienceInfo *info = self->audiences->pdata[a];

      info->route_segment = -1;
      info->plain_segment = -1;
    }
  for (guint a = 0; a < n_audiences; a++)
    {
      HelderAudienceInfo *info = self->audiences->pdata[a];
      gboolean route = info->non_digital || info->low_digital;
      gboolean plain = info->low_literacy || info->level == 1;

      for (int p = (int) a, depth = 0; p >= 0 && depth < 8 && (route || plain); depth++)
        {
          HelderAudienceInfo *up = self->audiences->pdata[p];

          /* its own need first, then the first segment's */
          if (route && (up->route_segment < 0 || p == (int) a))
            up->route_segment = (int) a;
          if (plain && (up->plain_segment < 0 || p == (int) a))
            up->plain_segment = (int) a;
          p = up->parent;
        }
    }

  /* Whom a message to an audience lands on: it and its segments */
  for (guint a = 0; a < n_audiences; a++)
    {
      HelderAudienceInfo *info = self->audiences->pdata[a];

      info->reaches = g_new (guint, n_audiences);
      for (guint d = 0; d < n_audiences; d++)
        {
          int p = (int) d;

          for (guint depth = 0; p >= 0 && p != (int) a && depth < 8; depth++)
            p = ((HelderAudienceInfo *) self->audiences->pdata[p])->parent;
          if (p == (int) a)
            info->reaches[info->n_reaches++] = d;
        }
    }

  self->reach = g_new0 (int, MAX (n_channels * n_audiences, 1));
  for (guint c = 0; c < n_channels; c++)
    for (guint a = 0; a < n_audiences; a++)
      self->reach[c * n_audiences + a] = resolve_reach (self, self->channels->pdata[c], a, 0);

  self->mijnoverheid = lookup (self->channel_index, "mijnoverheid");
  self->omgevingsloket = lookup (self->channel_index, "omgevingsloket");
}

/**
 * helder_channel_settings_new_from_records:
 * @channels: (element-type HelderChannel): the channels
 * @audiences: (element-type HelderAudience): the audiences
 * @weights: (nullable): the "channel-weights" setting
 *
 * Returns: (transfer full): sealed settings
 */
HelderChannelSettings *
helder_channel_settings_new_from_records (GListModel   *channels,
                                          GListModel   *audiences,
                                          HelderRecord *weights)
{
  HelderChannelSettings *self = helder_channel_settings_new ();

  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (channels, i);

      helder_channel_settings_add_channel (self, record);
    }
  for (guint i = 0; audiences != NULL && i < g_list_model_get_n_items (audiences); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (audiences, i);

      helder_channel_settings_add_audience (self, record);
    }
  if (weights != NULL)
    helder_channel_settings_set_weights_json (self, helder_record_get_text (weights, "value"));
  helder_channel_settings_seal (self);
  return self;
}

guint
helder_channel_settings_get_n_channels (HelderChannelSettings *self)
{
  return self->channels->len;
}

const HelderChannelInfo *
helder_channel_settings_get_channel (HelderChannelSettings *self,
                                     guint                  index)
{
  g_return_val_if_fail (index < self->channels->len, NULL);
  return self->channels->pdata[index];
}

int
helder_channel_settings_find_channel (HelderChannelSettings *self,
                                      const char            *id_or_key)
{
  return lookup (self->channel_index, id_or_key);
}

guint
helder_channel_settings_get_n_audiences (HelderChannelSettings *self)
{
  return self->audiences->len;
}

const HelderAudienceInfo *
helder_channel_settings_get_audience (HelderChannelSettings *self,
                                      guint                  index)
{
  g_return_val_if_fail (index < self->audiences->len, NULL);
  return self->audiences->pdata[index];
}

int
helder_channel_settings_find_audience (HelderChannelSettings *self,
                                       const char            *id_or_key)
{
  return lookup (self->audience_index, id_or_key);
}

int
helder_channel_settings_get_reach (HelderChannelSettings *self,
                                   guint                  channel,
                                   guint                  audience)
{
  g_return_val_if_fail (self->sealed, 0);
  g_return_val_if_fail (channel < self->channels->len && audience < self->audiences->len, 0);
  return self->reach[channel * self->audiences->len + audience];
}

int
helder_channel_settings_get_budget (HelderChannelSettings *self,
                                    guint                  audience)
{
  HelderAudienceInfo *info;

  g_return_val_if_fail (audience < self->audiences->len, 0);
  info = self->audiences->pdata[audience];
  return info->weekly_budget > 0 ? info->weekly_budget : self->default_budget;
}

double
helder_channel_settings_get_weight (HelderChannelSettings *self,
                                    HelderCriterion        criterion)
{
  g_return_val_if_fail (criterion < HELDER_N_CRITERIA, 0);
  return self->weights[criterion];
}

/* The members of a defaults object that are fields (not "_source"). */
static JsonObject *
record_data (JsonObject *object)
{
  JsonObject *data = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (((const char *) l->data)[0] != '_')
      json_object_set_member (data, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return data;
}

static gboolean
add_records (GPtrArray   *records,
             JsonObject  *root,
             const char  *member,
             GType        type,
             GHashTable  *ids,
             GError     **error)
{
  JsonArray *array = json_object_has_member (root, member) ? json_object_get_array_member (root, member) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autoptr(JsonObject) data = record_data (json_array_get_object_element (array, i));
      g_autoptr(HelderRecord) record = helder_record_new (type);
      g_autofree char *id = g_uuid_string_random ();
      const char *key = json_object_get_string_member_with_default (data, "key", NULL);
      const char *parent = json_object_get_string_member_with_default (data, "parent", NULL);

      /* Audiences name the segment they are part of by key; records by id. */
      if (parent != NULL && g_hash_table_contains (ids, parent))
        json_object_set_string_member (data, "parent", g_hash_table_lookup (ids, parent));
      helder_record_set_id (record, id);
      if (!helder_record_set_from_json_data (record, data, error))
        {
          g_prefix_error (error, "%s[%u]: ", member, i);
          return FALSE;
        }
      if (key != NULL && type == HELDER_TYPE_AUDIENCE)
        g_hash_table_insert (ids, g_strdup (key), g_strdup (id));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }
  return TRUE;
}

/**
 * helder_channel_defaults_records:
 *
 * The defaults of data/channels.json as new records for an organisation:
 * the audiences, the fifteen channels and the "channel-weights" setting.
 *
 * Returns: (transfer full) (element-type HelderRecord): new records
 */
GPtrArray *
helder_channel_defaults_records (GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *root = defaults_root ();
  g_autoptr(HelderRecord) setting = helder_record_new (HELDER_TYPE_SETTING);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *weights = NULL;
  double values[HELDER_N_CRITERIA];

  if (!add_records (records, root, "audiences", HELDER_TYPE_AUDIENCE, ids, error) ||
      !add_records (records, root, "channels", HELDER_TYPE_CHANNEL, ids, error))
    return NULL;

  helder_channel_default_weights (values);
  weights = helder_channel_weights_to_json (values);
  helder_record_set_id (setting, id);
  g_object_set (setting, "key", HELDER_CHANNEL_WEIGHTS_KEY, "value", weights, NULL);
  g_ptr_array_add (records, g_steal_pointer (&setting));
  return g_steal_pointer (&records);
}
