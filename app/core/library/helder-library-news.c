/* helder-library-news.c: telling staff what changed for them: a place from the waitlist
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-library-news.h"
#include "helder-library-service-private.h"

/* What the user was last told per session ("waiting", "confirmed") is
 * kept in helder-news.ini beside the store (group "places", key the
 * training id).  A change of any registration or training looks at the
 * sessions it touches: waiting before and a place now is news. */

struct _HelderLibraryNews
{
  GObject               parent_instance;

  HelderLibraryService *service;
  GApplication         *application;
  GKeyFile             *known;
  char                 *path;
  GPtrArray            *unseen;     /* training ids */
  gulong                registrations_handler;
  gulong                trainings_handler;
};

G_DEFINE_FINAL_TYPE (HelderLibraryNews, helder_library_news, G_TYPE_OBJECT)

enum {
  MOVED_UP,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_N_UNSEEN,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

#define GROUP "places"

static void
save_known (HelderLibraryNews *self)
{
  g_autoptr(GError) error = NULL;

  if (self->path != NULL && !g_key_file_save_to_file (self->known, self->path, &error))
    g_warning ("Could not keep what was told: %s", error->message);
}

static GNotification *
notification_for (HelderRecord *training)
{
  return helder_library_news_notification (training);
}

/* Looks at the sessions @training_ids (all the user is registered for
 * when NULL) */
static void
look_at (HelderLibraryNews  *self,
         GPtrArray          *training_ids)
{
  const char *login = helder_library_service_login (self->service);
  g_autoptr(GPtrArray) mine = NULL;
  gboolean changed = FALSE;

  if (login == NULL)
    return;
  if (training_ids == NULL)
    {
      /* Every session with a registration of the user */
      g_autoptr(GPtrArray) registrations =
        helder_library_service_query (self->service, HELDER_TYPE_REGISTRATION,
                                      "SELECT id FROM registration WHERE deleted = 0 AND user = ?1", login, NULL);

      mine = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < registrations->len; i++)
        g_ptr_array_add (mine, g_strdup (helder_record_get_text (registrations->pdata[i], "training")));
      training_ids = mine;
    }

  for (guint i = 0; i < training_ids->len; i++)
    {
      const char *id = training_ids->pdata[i];
      g_autofree char *was = g_key_file_get_string (self->known, GROUP, id, NULL);
      HelderPlace place = helder_library_service_my_place (self->service, id, NULL);
      const char *now = place == HELDER_PLACE_CONFIRMED ? "confirmed" : place == HELDER_PLACE_WAITING ? "waiting" : NULL;

      if (g_strcmp0 (was, now) == 0)
        continue;
      changed = TRUE;
      if (now == NULL)
        g_key_file_remove_key (self->known, GROUP, id, NULL);
      else
        g_key_file_set_string (self->known, GROUP, id, now);
      if (g_strcmp0 (was, "waiting") == 0 && place == HELDER_PLACE_CONFIRMED)
        {
          if (!g_ptr_array_find_with_equal_func (self->unseen, id, g_str_equal, NULL))
            g_ptr_array_add (self->unseen, g_strdup (id));
          if (self->application != NULL)
            {
              g_autoptr(HelderRecord) training = helder_service_load (HELDER_SERVICE (self->service),
                                                                      HELDER_TYPE_TRAINING, id);
              g_autoptr(GNotification) notification = training != NULL ? notification_for (training) : NULL;
              g_autofree char *notification_id = g_strconcat ("training-", id, NULL);

              if (notification != NULL)
                g_application_send_notification (self->application, notification_id, notification);
            }
          g_signal_emit (self, signals[MOVED_UP], 0, id);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNSEEN]);
        }
    }
  if (changed)
    {
      g_key_file_set_string_list (self->known, "unseen", "trainings",
                                  (const char * const *) self->unseen->pdata, self->unseen->len);
      save_known (self);
    }
}

static void
on_registrations_changed (HelderStore        *store,
                          const char         *type_name,
                          const char * const *ids,
                          gpointer            user_data)
{
  HelderLibraryNews *self = user_data;
  g_autoptr(GPtrArray) trainings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      /* Deleted ones too: a cancel is what moves the list */
      g_autoptr(HelderRecord) registration = helder_store_load (store, HELDER_TYPE_REGISTRATION, ids[i], NULL);
      const char *training = registration != NULL ? helder_record_get_text (registration, "training") : NULL;

      if (training != NULL && !g_ptr_array_find_with_equal_func (trainings, training, g_str_equal, NULL))
        g_ptr_array_add (trainings, g_strdup (training));
    }
  if (ids == NULL || ids[0] == NULL)
    look_at (self, NULL);
  else if (trainings->len > 0)
    look_at (self, trainings);
}

static void
on_trainings_changed (HelderStore        *store,
                      const char         *type_name,
                      const char * const *ids,
                      gpointer            user_data)
{
  HelderLibraryNews *self = user_data;
  g_autoptr(GPtrArray) trainings = g_ptr_array_new_with_free_func (g_free);

  /* A capacity raised gives places too */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_key_file_has_key (self->known, GROUP, ids[i], NULL))
      g_ptr_array_add (trainings, g_strdup (ids[i]));
  if (trainings->len > 0)
    look_at (self, trainings);
}

static void
helder_library_news_dispose (GObject *object)
{
  HelderLibraryNews *self = HELDER_LIBRARY_NEWS (object);

  if (self->service != NULL)
    {
      HelderStore *store = helder_library_service_store (self->service);

      g_clear_signal_handler (&self->registrations_handler, store);
      g_clear_signal_handler (&self->trainings_handler, store);
    }
  g_clear_object (&self->service);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (helder_library_news_parent_class)->dispose (object);
}

static void
helder_library_news_finalize (GObject *object)
{
  HelderLibraryNews *self = HELDER_LIBRARY_NEWS (object);

  g_key_file_unref (self->known);
  g_ptr_array_unref (self->unseen);
  g_free (self->path);

  G_OBJECT_CLASS (helder_library_news_parent_class)->finalize (object);
}

static void
helder_library_news_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HelderLibraryNews *self = HELDER_LIBRARY_NEWS (object);

  switch (prop_id)
    {
    case PROP_N_UNSEEN:
      g_value_set_uint (value, self->unseen->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_library_news_class_init (HelderLibraryNewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_library_news_dispose;
  object_class->finalize = helder_library_news_finalize;
  object_class->get_property = helder_library_news_get_property;

  /* The number of sessions with a place the user has not looked at */
  properties[PROP_N_UNSEEN] =
    g_param_spec_uint ("n-unseen", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HelderLibraryNews::moved-up:
   * @training_id: the session where the user now has a place
   */
  signals[MOVED_UP] =
    g_signal_new ("moved-up",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
helder_library_news_init (HelderLibraryNews *self)
{
  self->known = g_key_file_new ();
  self->unseen = g_ptr_array_new_with_free_func (g_free);
}

static char *
news_path (HelderStore *store)
{
  const char *path = helder_store_get_path (store);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *dot;

  if (path == NULL || g_str_equal (path, ":memory:"))
    return NULL;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s%c%s-news.ini", dir, G_DIR_SEPARATOR, base);
}

HelderLibraryNews *
helder_library_news_new (HelderLibraryService *service)
{
  HelderLibraryNews *self;
  HelderStore *store;
  g_auto(GStrv) unseen = NULL;
  gboolean first;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (service), NULL);

  self = g_object_new (HELDER_TYPE_LIBRARY_NEWS, NULL);
  self->service = g_object_ref (service);
  store = helder_library_service_store (service);
  self->path = news_path (store);
  first = self->path == NULL || !g_key_file_load_from_file (self->known, self->path, G_KEY_FILE_NONE, NULL);
  unseen = g_key_file_get_string_list (self->known, "unseen", "trainings", NULL, NULL);
  for (guint i = 0; unseen != NULL && unseen[i] != NULL; i++)
    g_ptr_array_add (self->unseen, g_strdup (unseen[i]));

  if (first)
    {
      /* Learns where the user stands; tells nothing */
      const char *login = helder_library_service_login (service);
      g_autoptr(GPtrArray) registrations =
        helder_library_service_query (service, HELDER_TYPE_REGISTRATION,
                                      "SELECT id FROM registration WHERE deleted = 0 AND user = ?1", login, NULL);

      for (guint i = 0; login != NULL && i < registrations->len; i++)
        {
          const char *id = helder_record_get_text (registrations->pdata[i], "training");
          HelderPlace place = helder_library_service_my_place (service, id, NULL);

          if (place != HELDER_PLACE_NONE)
            g_key_file_set_string (self->known, GROUP, id, place == HELDER_PLACE_CONFIRMED ? "confirmed" : "waiting");
        }
      save_known (self);
    }
  else
    /* What happened while Helder was closed */
    look_at (self, NULL);

  self->registrations_handler = g_signal_connect (store, "records-changed::registration",
                                                  G_CALLBACK (on_registrations_changed), self);
  self->trainings_handler = g_signal_connect (store, "records-changed::training",
                                              G_CALLBACK (on_trainings_changed), self);
  return self;
}

void
helder_library_news_set_application (HelderLibraryNews *self,
                                     GApplication      *application)
{
  g_return_if_fail (HELDER_IS_LIBRARY_NEWS (self));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  g_set_object (&self->application, application);
}

GPtrArray *
helder_library_news_get_unseen (HelderLibraryNews *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_NEWS (self), NULL);

  return self->unseen;
}

void
helder_library_news_mark_seen (HelderLibraryNews *self,
                               const char        *training_id)
{
  guint index;

  g_return_if_fail (HELDER_IS_LIBRARY_NEWS (self));

  if (training_id == NULL || !g_ptr_array_find_with_equal_func (self->unseen, training_id, g_str_equal, &index))
    return;
  g_ptr_array_remove_index (self->unseen, index);
  g_key_file_set_string_list (self->known, "unseen", "trainings",
                              (const char * const *) self->unseen->pdata, self->unseen->len);
  save_known (self);
  if (self->application != NULL)
    {
      g_autofree char *notification_id = g_strconcat ("training-", training_id, NULL);

      g_application_withdraw_notification (self->application, notification_id);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNSEEN]);
}

void
helder_library_news_check (HelderLibraryNews *self)
{
  g_return_if_fail (HELDER_IS_LIBRARY_NEWS (self));

  look_at (self, NULL);
}

GNotification *
helder_library_news_notification (HelderRecord *training)
{
  GNotification *notification;
  g_autofree char *body = NULL;
  const char *title, *starts, *place;

  g_return_val_if_fail (HELDER_IS_TRAINING (training), NULL);

  title = helder_record_get_text (training, "title");
  starts = helder_record_get_text (training, "starts_at");
  place = helder_record_get_text (training, "place");
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
    g_autoptr(GDateTime) when = starts != NULL ? g_date_time_new_from_iso8601 (starts, zone) : NULL;
    g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
    g_autofree char *date = local != NULL ? g_date_time_format (local, "%-d %B %Y, %H:%M") : NULL;

    if (date != NULL && place != NULL && *place != '\0')
      /* Translators: a session's title, date and place */
      body = g_strdup_printf (_("%s, %s, %s"), title, date, place);
    else if (date != NULL)
      body = g_strdup_printf (_("%s, %s"), title, date);
    else
      body = g_strdup (title);
  }
  notification = g_notification_new (_("You have a place"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-training", "s",
                                                helder_record_get_id (training));
  return notification;
}
