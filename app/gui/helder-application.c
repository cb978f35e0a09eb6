/* helder-application.c
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-application"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "channels/helder-channels-service.h"
#include "editor/helder-editor-service.h"
#include "helder-application-private.h"
#include "helder-example-data.h"
#include "store/helder-store-recovery.h"
#include "library/helder-library-service.h"
#include "plan/helder-plan-service.h"
#include "helder-preferences-window.h"
#include "helder-renderer.h"
#include "helder-window.h"

G_DEFINE_FINAL_TYPE (HelderApplication, helder_application, ADW_TYPE_APPLICATION)

GParamSpec *helder_application_properties[N_PROPS];

static void load_analyzer (HelderApplication *self);
static void analyzer_wanted (HelderApplication *self);

/* Not unique here (tests and benchmarks run several side by side);
 * helder's own start makes it unique on the user's data (see
 * handle_local_options). */
HelderApplication *
helder_application_new (void)
{
  HelderApplication *self = g_object_new (HELDER_TYPE_APPLICATION,
                                          "application-id", APP_ID,
                                          "flags", G_APPLICATION_NON_UNIQUE,
                                          NULL);

  /* No resource base path: Helder has no icons, menus or help overlay
   * where GtkApplication would look for them, and adding the icon path
   * makes GTK throw away the icon theme its thread is loading (or has
   * loaded) and load it again on the main thread, before the first frame
   * (8 ms here).  The stylesheet is loaded in startup. */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

HelderStore *
helder_application_get_store (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
helder_application_get_store_error (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * helder_application_get_store_damage:
 *
 * Returns: (nullable): what is known of the damage when the store did not
 *   open because it is damaged or lost data (then it can be restored)
 */
const HelderStoreDamage *
helder_application_get_store_damage (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->damage;
}
GSettings *
helder_application_get_settings (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The session (login, and the role the server gave at login) and one
 * service per page, on the store just opened.  The windows hand them to
 * their pages. */
static void
create_services (HelderApplication *self)
{
  g_autofree char *role = g_settings_get_string (self->settings, "server-role");
  HelderEditorService *editor;

  helder_application_stop_notices (self);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->session);
  self->session = helder_session_new (helder_store_get_user (self->store), helder_role_from_string (role));
  g_object_bind_property (self->store, "user", self->session, "login", G_BINDING_DEFAULT);

  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->services, helder_plan_service_new (self->store, self->session));
  g_ptr_array_add (self->services, helder_channels_service_new (self->store, self->session));
  g_ptr_array_add (self->services, editor = helder_editor_service_new (self->store, self->session));
  g_ptr_array_add (self->services, helder_library_service_new (self->store, self->session));
  helder_editor_service_set_analyzer (editor, self->analyzer);
  g_signal_connect_object (editor, "analyzer-wanted", G_CALLBACK (analyzer_wanted), self, G_CONNECT_SWAPPED);
  /* (a store opened again, after a restore: its notices follow it) */
  if (self->first_frame_drawn)
    helder_application_start_notices (self);
}

/**
 * helder_application_get_session:
 *
 * Returns: (transfer none) (nullable): who works here, once the store is
 *   open
 */
HelderSession *
helder_application_get_session (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * helder_application_get_service:
 * @service_type: a #HelderService type, such as HELDER_TYPE_PLAN_SERVICE
 *
 * Returns: (transfer none) (nullable): the application's service of that
 *   type, once the store is open
 */
HelderService *
helder_application_get_service (HelderApplication *self,
                                GType              service_type)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  for (guint i = 0; self->services != NULL && i < self->services->len; i++)
    if (G_OBJECT_TYPE (self->services->pdata[i]) == service_type)
      return self->services->pdata[i];
  return NULL;
}

static HelderEditorService *
editor_service (HelderApplication *self)
{
  return (HelderEditorService *) helder_application_get_service (self, HELDER_TYPE_EDITOR_SERVICE);
}

/**
 * helder_application_open_store:
 *
 * Opens the local store at @path (or the default one) for every window.
 * On failure the windows show the error instead of the pages.
 */
gboolean
helder_application_open_store (HelderApplication  *self,
                               const char         *path,
                               GError            **error)
{
  g_autofree char *default_path = NULL;

  g_return_val_if_fail (HELDER_IS_APPLICATION (self), FALSE);

  if (path == NULL)
    path = default_path = helder_store_default_path ();

  /* Nothing syncs, and no service holds, a store that is gone. */
  if (self->sync != NULL)
    helder_application_replace_sync (self, NULL);
  helder_application_stop_notices (self);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->damage, helder_store_damage_free);
  g_free (self->store_path);
  self->store_path = g_strdup (path);

  self->store = helder_store_open (path, &self->store_error);
  if (self->store == NULL)
    {
      g_warning ("Could not open the local store: %s", self->store_error->message);
      self->damage = helder_store_damage_new (path, self->store_error);
      if (error != NULL)
        *error = g_error_copy (self->store_error);
      g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_STORE]);
      return FALSE;
    }
  /* Nothing offers to write into a read-only store. */
  {
    GAction *example = g_action_map_lookup_action (G_ACTION_MAP (self), "load-example-data");

    if (example != NULL)
      g_simple_action_set_enabled (G_SIMPLE_ACTION (example), !helder_store_is_read_only (self->store));
  }
  create_services (self);
  g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_STORE]);
  return TRUE;
}

/**
 * helder_application_get_analyzer:
 *
 * Returns: (nullable): the plain-language analyser, or %NULL while its
 *   dictionaries are still loading (see the analyzer-ready property).
 */
HelderTextAnalyzer *
helder_application_get_analyzer (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), NULL);

  return self->analyzer;
}

/* Hunspell, the hyphenation patterns and the word lists take ~150 ms and
 * some 30 MB: loaded when an editor first wants them (the Schrijven page
 * shown, a document opened), in a worker. */
static void
load_analyzer_in_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  HelderTextAnalyzer *analyzer = helder_text_analyzer_new (task_data, &error);

  if (analyzer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analyzer, (GDestroyNotify) helder_text_analyzer_unref);
}

static void
analyzer_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HelderApplication *self = HELDER_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  HelderTextAnalyzer *analyzer = g_task_propagate_pointer (G_TASK (result), &error);

  g_autofree char *wanted = g_settings_get_string (self->settings, "spelling-language");

  self->analyzer_loading = FALSE;
  /* The language changed while this one loaded: load the newer one. */
  if (!g_str_equal (wanted, g_task_get_task_data (G_TASK (result))))
    {
      g_clear_pointer (&analyzer, helder_text_analyzer_unref);
      load_analyzer (self);
      return;
    }
  if (analyzer == NULL)
    {
      g_message ("The plain-language checks are not available: %s", error->message);
      return;
    }
  self->analyzer = analyzer;
#ifdef __GLIBC__
  /* The workers' malloc arenas keep the memory the word lists were read
   * and parsed in (some 10 MB): back to the system. */
  malloc_trim (0);
#endif
  /* The editor service gives it the house style and keeps it current */
  if (editor_service (self) != NULL)
    helder_editor_service_set_analyzer (editor_service (self), analyzer);
  g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_ANALYZER_READY]);
}

/* An editor wants the analyser: load it, once. */
static void
analyzer_wanted (HelderApplication *self)
{
  self->analyzer_wanted = TRUE;
  load_analyzer (self);
}

/* Another spelling language: a new analyser, loaded like the first. */
static void
spelling_language_changed (HelderApplication *self)
{
  /* One loading now finds the new setting when it finishes; none was
   * wanted yet: the first one loads the new language. */
  if (self->analyzer_loading || !self->analyzer_wanted)
    return;
  /* Open editors keep their reference until they get the new one. */
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  if (editor_service (self) != NULL)
    helder_editor_service_set_analyzer (editor_service (self), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), helder_application_properties[PROP_ANALYZER_READY]);
  load_analyzer (self);
}

static void
load_analyzer (HelderApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->analyzer != NULL || self->analyzer_loading)
    return;
  self->analyzer_loading = TRUE;
  task = g_task_new (self, NULL, analyzer_loaded, NULL);
  g_task_set_source_tag (task, load_analyzer);
  g_task_set_task_data (task, g_settings_get_string (self->settings, "spelling-language"), g_free);
  g_task_run_in_thread (task, load_analyzer_in_thread);
}

static void
load_example_data (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HelderApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!helder_store_is_empty (self->store))
    {
      g_debug ("Not loading example data into a store that has data");
      return;
    }

  if (!helder_example_data_load (self->store, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (HELDER_IS_WINDOW (window))
        helder_window_show_error (HELDER_WINDOW (window), _("Could not load the example data"),
                                  error->message);
      g_warning ("Could not load the example data: %s", error->message);
    }
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  HelderApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HelderPreferencesWindow *preferences;

  preferences = helder_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  HelderApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Helder authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APP_ID,
                        "application-name", _("Helder"),
                        "developer-name", _("The Helder authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan, weigh and write the communication of a municipality, in plain language."),
                        "website", "https://gitlab.gnome.org/hltsamen/helder",
                        "issue-url", "https://gitlab.gnome.org/hltsamen/helder/-/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Dutch word frequencies"),
                                      "© Hermit Dave, FrequencyWords; OPUS OpenSubtitles 2018",
                                      GTK_LICENSE_CUSTOM,
                                      _("The word frequency list (data/frequency/nl_50k.txt) is "
                                        "shared under the <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
                                        "Creative Commons Attribution-ShareAlike 4.0</a> licence."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Dutch spelling dictionary"),
                                      "© Stichting OpenTaal",
                                      GTK_LICENSE_CUSTOM,
                                      _("The OpenTaal word list, used for spelling, is shared under the "
                                        "<a href=\"https://opensource.org/licenses/BSD-3-Clause\">BSD</a> and "
                                        "<a href=\"https://creativecommons.org/licenses/by/3.0/\">Creative Commons "
                                        "Attribution 3.0</a> licences."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Dutch hyphenation patterns"),
                                      "© Stichting OpenTaal",
                                      GTK_LICENSE_CUSTOM,
                                      _("The hyphenation patterns, used to count syllables, are shared under the "
                                        "<a href=\"https://opensource.org/licenses/BSD-3-Clause\">BSD</a> and "
                                        "<a href=\"https://creativecommons.org/licenses/by/3.0/\">Creative Commons "
                                        "Attribution 3.0</a> licences."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  HelderApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close, not destroy, so each window stores its size. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
}

static void
show_planner (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *view, *record;

  g_variant_get (parameter, "(&s&s)", &view, &record);
  helder_application_show_planner (HELDER_APPLICATION (user_data), view, record);
}

static const GActionEntry app_actions[] = {
  { "load-example-data", load_example_data },
  { "show-planner", show_planner, "(ss)" },
  { "preferences", show_preferences },
  { "about", show_about },
  { "quit", quit },
};

static void
helder_application_startup (GApplication *application)
{
  HelderApplication *self = HELDER_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (helder_application_parent_class)->startup (application);

  helder_choose_renderer (gdk_display_get_default ());
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/nl/hltsamen/Helder/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* app.spelling-language, for the editor's menu; stateful, so it shows
   * as radio items. */
  {
    g_autoptr(GAction) language = g_settings_create_action (self->settings, "spelling-language");
    g_action_map_add_action (G_ACTION_MAP (self), language);
  }
  g_signal_connect_object (self->settings, "changed::spelling-language",
                           G_CALLBACK (spelling_language_changed), self, G_CONNECT_SWAPPED);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

/* After the first frame, at idle: what it did not show.  (The analyser
 * waits for an editor, each page's content for its first showing.) */
static gboolean
start_deferred (gpointer data)
{
  HelderApplication *self = data;

  self->deferred_id = 0;
  helder_application_start_notices (self);
  if (self->sync_pending)
    {
      self->sync_pending = FALSE;
      helder_application_setup_sync (self);
    }
  return G_SOURCE_REMOVE;
}

/* A Helder window's surface drew (GTK's own handler stops the signal, so
 * an emission hook sees it): the frame clock cycle it was in is the first
 * frame.  The cycles before it, on X11 before the window is mapped, draw
 * nothing. */
static gboolean
surface_rendered (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  HelderApplication *self = data;
  GtkNative *native = gtk_native_get_for_surface (g_value_get_object (&values[0]));

  if (HELDER_IS_WINDOW (native) && gtk_window_get_application (GTK_WINDOW (native)) == GTK_APPLICATION (self))
    {
      self->window_rendered = TRUE;
      self->render_hook = 0;
      return FALSE;
    }
  return TRUE;
}

/* @widget and the widgets under it (popovers included) */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* Nothing the first frame does not show is made or loaded before it:
 * the window's first frame starts the rest (or, for start-up
 * benchmarks, ends the process, saying when it was drawn and how). */
static void
first_frame_drawn (GdkFrameClock *frame_clock,
                   GtkWidget     *window)
{
  HelderApplication *self = HELDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self != NULL && !self->window_rendered)
    return;
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_drawn, window);
  if (self == NULL || self->first_frame_drawn)
    return;
  self->first_frame_drawn = TRUE;
  if (self->quit_after_first_frame)
    {
      gint64 now = g_get_monotonic_time ();

      /* How many widgets were made for it: counted after the time is taken */
      g_print ("first frame at %" G_GINT64_FORMAT " us (monotonic), renderer %s, %u widgets\n", now,
               G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), count_widgets (window));
      g_application_quit (G_APPLICATION (self));
      return;
    }
  self->deferred_id = g_idle_add (start_deferred, self);
}

static void
watch_first_frame (GtkWidget *window)
{
  HelderApplication *self = HELDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  g_signal_handlers_disconnect_by_func (window, watch_first_frame, NULL);
  if (self->render_hook == 0 && !self->window_rendered)
    self->render_hook = g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                                    surface_rendered, self, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_drawn), window, 0);
}

/**
 * helder_application_get_first_frame_drawn:
 *
 * Whether the first window has drawn its first frame: from then on (at
 * idle) the application starts what that frame did not need, such as
 * syncing.
 */
gboolean
helder_application_get_first_frame_drawn (HelderApplication *self)
{
  g_return_val_if_fail (HELDER_IS_APPLICATION (self), FALSE);

  return self->first_frame_drawn;
}

static void
helder_application_activate (GApplication *application)
{
  HelderApplication *self = HELDER_APPLICATION (application);
  GtkWindow *window;

  if (self->store == NULL && self->store_error == NULL)
    {
      g_autofree char *path = NULL;

      if (self->data_dir != NULL)
        path = g_build_filename (self->data_dir, "helder.db", NULL);
      helder_application_open_store (self, path, NULL);

      if (self->store != NULL && self->example_data && helder_store_is_empty (self->store) &&
          !helder_store_is_read_only (self->store))
        g_action_group_activate_action (G_ACTION_GROUP (self), "load-example-data", NULL);
      /* The server and the keyring: after the first frame */
      self->sync_pending = TRUE;
      if (self->first_frame_drawn && self->deferred_id == 0)
        self->deferred_id = g_idle_add (start_deferred, self);
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (helder_window_new (self));
      if (!self->first_frame_drawn)
        g_signal_connect (window, "realize", G_CALLBACK (watch_first_frame), NULL);
    }

  gtk_window_present (window);
}

static int
helder_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  HelderApplication *self = HELDER_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("helder %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  g_variant_dict_lookup (options, "server", "s", &self->server_override);
  self->example_data = g_variant_dict_contains (options, "example-data");
  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");
  /* Helder on the user's own data is one application: a second start
   * shows its window, and the desktop reaches it by its name (a
   * notification's click under GNOME Shell activates app.show-planner
   * through it).  Another data folder is another Helder beside it. */
  if (self->data_dir == NULL && !self->quit_after_first_frame)
    g_application_set_flags (application, g_application_get_flags (application) & ~G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
helder_application_dispose (GObject *object)
{
  HelderApplication *self = HELDER_APPLICATION (object);

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  helder_application_stop_notices (self);
  if (self->render_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), self->render_hook);
  self->render_hook = 0;
  if (self->sync != NULL)
    helder_sync_client_stop (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (helder_application_parent_class)->dispose (object);
}

static void
helder_application_finalize (GObject *object)
{
  HelderApplication *self = HELDER_APPLICATION (object);

  g_clear_error (&self->store_error);
  g_clear_pointer (&self->damage, helder_store_damage_free);
  g_free (self->store_path);
  g_free (self->server_url);
  g_free (self->server_user);
  g_free (self->server_token);
  g_free (self->data_dir);
  g_free (self->server_override);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);

  G_OBJECT_CLASS (helder_application_parent_class)->finalize (object);
}

static void
helder_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, HELDER_APPLICATION (object)->store);
      break;
    case PROP_SYNC:
      g_value_set_object (value, HELDER_APPLICATION (object)->sync);
      break;
    case PROP_LOGGED_IN:
      g_value_set_boolean (value, helder_application_get_logged_in (HELDER_APPLICATION (object)));
      break;
    case PROP_ANALYZER_READY:
      g_value_set_boolean (value, HELDER_APPLICATION (object)->analyzer != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_application_class_init (HelderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = helder_application_dispose;
  object_class->finalize = helder_application_finalize;
  object_class->get_property = helder_application_get_property;

  app_class->startup = helder_application_startup;
  app_class->activate = helder_application_activate;
  app_class->handle_local_options = helder_application_handle_local_options;

  helder_application_properties[PROP_ANALYZER_READY] =
    g_param_spec_boolean ("analyzer-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  helder_application_properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HELDER_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  helder_application_properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, HELDER_TYPE_SYNC_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  helder_application_properties[PROP_LOGGED_IN] =
    g_param_spec_boolean ("logged-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, helder_application_properties);
}

static void
helder_application_init (HelderApplication *self)
{
  static const GOptionEntry options[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the local data in DIR instead of the user's data folder"), N_("DIR") },
    { "example-data", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Load the example data when the local data is empty"), NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Sync with the helder-server at URL"), N_("URL") },
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Quit once the first frame is drawn, printing when and with which renderer (for start-up benchmarks)",
      NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  self->notices_shown = -1;
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan, weigh and write the communication of a municipality."));
}
