/* channels-fixture.c: the default channels and audiences, for the channel tests
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "channels-fixture.h"

/* The defaults of data/channels.json, without the channels named in @keys. */
HelderChannelSettings *
fixture_settings_without (const char * const *keys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = helder_channel_defaults_records (&error);
  HelderChannelSettings *settings = helder_channel_settings_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (HELDER_IS_AUDIENCE (records->pdata[i]))
      helder_channel_settings_add_audience (settings, records->pdata[i]);
  for (guint i = 0; i < records->len; i++)
    if (HELDER_IS_CHANNEL (records->pdata[i]) &&
        (keys == NULL || !g_strv_contains (keys, helder_record_get_text (records->pdata[i], "key"))))
      helder_channel_settings_add_channel (settings, records->pdata[i]);
  helder_channel_settings_seal (settings);
  return settings;
}

HelderChannelSettings *
fixture_default_settings (void)
{
  return fixture_settings_without (NULL);
}

/* "inwoners,ouderen" as audience ids */
GStrv
fixture_audience_ids (HelderChannelSettings *settings,
                      const char            *keys)
{
  g_auto(GStrv) parts = g_strsplit (keys ? keys : "", ",", -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int a;

      if (parts[i][0] == '\0')
        continue;
      a = helder_channel_settings_find_audience (settings, parts[i]);
      g_assert_cmpint (a, >=, 0);
      g_strv_builder_add (ids, helder_channel_settings_get_audience (settings, a)->id);
    }
  return g_strv_builder_end (ids);
}

gboolean *
fixture_chosen (HelderChannelSettings *settings,
                const char            *keys)
{
  g_auto(GStrv) parts = g_strsplit (keys ? keys : "", ",", -1);
  gboolean *chosen = g_new0 (gboolean, helder_channel_settings_get_n_channels (settings) + 1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int c;

      if (parts[i][0] == '\0')
        continue;
      c = helder_channel_settings_find_channel (settings, parts[i]);
      g_assert_cmpint (c, >=, 0);
      chosen[c] = TRUE;
    }
  return chosen;
}

char *
fixture_describe_set (HelderChannelSettings *settings,
                      const gboolean        *chosen)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; c < helder_channel_settings_get_n_channels (settings); c++)
    if (chosen[c])
      g_string_append_printf (s, "%s%s", s->len ? "," : "", helder_channel_settings_get_channel (settings, c)->key);
  return g_string_free (s, FALSE);
}
