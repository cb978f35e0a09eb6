/* helder-preferences-window.c
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-preferences-window.h"

struct _HelderPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *language_row;
  AdwComboRow          *level_row;
  GtkSwitch            *live_switch;
  AdwActionRow         *data_row;
};

G_DEFINE_FINAL_TYPE (HelderPreferencesWindow, helder_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the language row's items. */
static const char *languages[] = { "nl_NL", "nl_BE", "en_US" };

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (languages))
    return NULL;
  return g_variant_new_string (languages[selected]);
}

static gboolean
level_to_selected (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_int32 (variant), 1, 4) - 1);
  return TRUE;
}

static GVariant *
selected_to_level (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > 3)
    return NULL;
  return g_variant_new_int32 (selected + 1);
}

static void
helder_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HELDER_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (helder_preferences_window_parent_class)->dispose (object);
}

static void
helder_preferences_window_class_init (HelderPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/hltsamen/Helder/ui/helder-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, level_row);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, live_switch);
  gtk_widget_class_bind_template_child (widget_class, HelderPreferencesWindow, data_row);
}

static void
helder_preferences_window_init (HelderPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HelderPreferencesWindow *
helder_preferences_window_new (HelderApplication *application)
{
  HelderPreferencesWindow *self;
  GSettings *settings;
  HelderStore *store;

  g_return_val_if_fail (HELDER_IS_APPLICATION (application), NULL);

  self = g_object_new (HELDER_TYPE_PREFERENCES_WINDOW, NULL);
  settings = helder_application_get_settings (application);

  g_settings_bind_with_mapping (settings, "spelling-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_selected, selected_to_language,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "target-level", self->level_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, level_to_selected, selected_to_level,
                                NULL, NULL);
  g_settings_bind (settings, "live-checking", self->live_switch, "active", G_SETTINGS_BIND_DEFAULT);

  store = helder_application_get_store (application);
  adw_action_row_set_subtitle (self->data_row, store ? helder_store_get_path (store) : _("Not opened"));

  return self;
}
