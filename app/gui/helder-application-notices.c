/* helder-application-notices.c: the planner's notices on the desktop, and what clicking one opens
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-application"

#include "config.h"

#include "helder-application-private.h"
#include "helder-window.h"
#include "plan/helder-plan-notifier.h"
#include "planner/helder-planner-page.h"

/* The application's HelderPlanNotifier decides (core, tested without a
 * display); this file hands its notices to the desktop as GNotification
 * with "app.show-planner" as the default action, and takes them back.
 * Notices go out only where something shows them: GLib warns when no
 * notification service answers (a bare session, the tests).  The bus is
 * asked once, without waiting; notices decided before it answers wait. */

#define NOTIFIER_DELAY_SECONDS 2

static GNotification *
notification_for (HelderPlanNotice *notice)
{
  GNotification *notification = g_notification_new (notice->title);

  if (notice->body != NULL && *notice->body != '\0')
    g_notification_set_body (notification, notice->body);
  g_notification_set_default_action_and_target (notification, "app.show-planner", "(ss)", notice->view,
                                                notice->record ? notice->record : "");
  return notification;
}

static void
flush_waiting (HelderApplication *self)
{
  GHashTableIter iter;
  gpointer id, notification;

  if (self->notices_waiting == NULL)
    return;
  g_hash_table_iter_init (&iter, self->notices_waiting);
  while (g_hash_table_iter_next (&iter, &id, &notification))
    if (self->notices_shown == 1)
      g_application_send_notification (G_APPLICATION (self), id, notification);
  g_clear_pointer (&self->notices_waiting, g_hash_table_unref);
}

static void
names_listed (GObject      *bus,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(HelderApplication) self = data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (bus), result, NULL);
  g_autofree const char **names = NULL;

  self->notices_shown = 0;
  if (reply != NULL)
    {
      /* GLib sends through the portal only inside a sandbox (or when
       * told to); elsewhere a running portal does not carry notices. */
      gboolean portal_carries = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
                                g_strcmp0 (g_getenv ("GTK_USE_PORTAL"), "1") == 0;

      g_variant_get (reply, "(^a&s)", &names);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (g_str_equal (names[i], "org.freedesktop.Notifications") ||
            g_str_equal (names[i], "org.gtk.Notifications") ||
            (portal_carries && g_str_equal (names[i], "org.freedesktop.portal.Desktop")))
          self->notices_shown = 1;
    }
  flush_waiting (self);
}

static void
on_notice (const char       *id,
           HelderPlanNotice *notice,
           gpointer          data)
{
  HelderApplication *self = data;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (notice == NULL)
    {
      if (self->notices_waiting != NULL)
        g_hash_table_remove (self->notices_waiting, id);
      if (self->notices_shown == 1)
        g_application_withdraw_notification (G_APPLICATION (self), id);
      return;
    }
  if (self->notices_shown == 0 || bus == NULL || !g_application_get_is_registered (G_APPLICATION (self)))
    return;
  if (self->notices_shown == 1)
    {
      g_autoptr(GNotification) notification = notification_for (notice);

      g_application_send_notification (G_APPLICATION (self), id, notification);
      return;
    }
  if (self->notices_waiting == NULL)
    {
      self->notices_waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "ListNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL,
                              names_listed, g_object_ref (self));
    }
  g_hash_table_replace (self->notices_waiting, g_strdup (id), notification_for (notice));
}

static gboolean
make_notifier (gpointer data)
{
  HelderApplication *self = data;
  HelderService *plan = helder_application_get_service (self, HELDER_TYPE_PLAN_SERVICE);

  self->notifier_id = 0;
  if (self->notifier == NULL && plan != NULL)
    self->notifier = helder_plan_notifier_new (HELDER_PLAN_SERVICE (plan), on_notice, self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * helder_application_start_notices:
 *
 * After the first frame, with the store open: the planner's notices
 * follow the store from a moment later on (the lists they come from are
 * read then, not while the window is still busy showing its first page).
 */
void
helder_application_start_notices (HelderApplication *self)
{
  if (self->notifier != NULL || self->notifier_id != 0 ||
      helder_application_get_service (self, HELDER_TYPE_PLAN_SERVICE) == NULL)
    return;
  self->notifier_id = g_timeout_add_seconds (NOTIFIER_DELAY_SECONDS, make_notifier, self);
}

void
helder_application_stop_notices (HelderApplication *self)
{
  g_clear_handle_id (&self->notifier_id, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_pointer (&self->notices_waiting, g_hash_table_unref);
}

/* app.show-planner ("(ss)": a record type or "edition" or "review", and
 * a record's id or ""): what a notice opens, in the planner */
void
helder_application_show_planner (HelderApplication *self,
                                 const char        *view,
                                 const char        *record)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  HelderPage *page;

  if (!HELDER_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!HELDER_IS_WINDOW (window))
    return;
  gtk_window_present (window);
  page = helder_window_ensure_page (HELDER_WINDOW (window), "planner");
  helder_window_set_page (HELDER_WINDOW (window), "planner");
  if (!HELDER_IS_PLANNER_PAGE (page))
    return;
  if (g_str_equal (view, "review"))
    gtk_widget_activate_action (GTK_WIDGET (page), "planner.review-quarter", NULL);
  else
    helder_planner_page_show_view (HELDER_PLANNER_PAGE (page), view, record);
}
