/* helder-window.c
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "channels/helder-channels-service.h"
#include "editor/helder-editor-service.h"
#include "helder-application.h"
#include "helder-conflicts-window.h"
#include "helder-page-title.h"
#include "helder-window.h"
#include "library/helder-library-service.h"
#include "plan/helder-plan-service.h"
#include "channels/helder-channels-page.h"
#include "store/helder-store-sync.h"
#include "sync/helder-sync-status.h"
#include "editor/helder-editor-page.h"
#include "library/helder-library-page.h"
#include "planner/helder-planner-page.h"

struct _HelderWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *page_stack;
  HelderPageTitle      *page_title;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkLabel             *sync_label;
  GtkImage             *sync_icon;
  GtkMenuButton        *sync_button;
  GtkRevealer          *read_only_banner;

  /* the sync popover (helder-window-sync.ui), NULL until first opened */
  GtkLabel             *sync_detail;
  GtkProgressBar       *sync_progress;
  GtkWidget            *sync_now_button;
  GtkWidget            *conflicts_button;

  /* the error page (helder-window-error.ui), NULL until first needed */
  AdwStatusPage        *error_page;
  GtkWidget            *restore_choices;
  AdwActionRow         *restore_server_row;
  AdwActionRow         *restore_copy_row;
  GtkWidget            *restore_busy;
  GtkSpinner           *restore_spinner;
  GtkLabel             *restore_status;

  /* owned */
  GSettings            *settings;
  HelderSyncClient     *sync;      /* watched, may be NULL */
  HelderStore          *store;     /* the one the pages show, may be NULL */
  GCancellable         *cancellable;
  guint                 n_conflicts;
  gboolean              restoring;
};

G_DEFINE_FINAL_TYPE (HelderWindow, helder_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages, in the order of the sidebar: each has a GtkStackPage of
 * that name in the template, holding an empty AdwBin.  The window makes
 * the page when it is first shown (or asked for: helder_window_ensure_page),
 * gives it its service and puts it in the bin, so start-up makes only the
 * page the first frame shows. */
static const struct
{
  const char *name;
  GType     (*page_type) (void);
  GType     (*service_type) (void);
} pages[] = {
  { "planner",  helder_planner_page_get_type,  helder_plan_service_get_type },
  { "channels", helder_channels_page_get_type, helder_channels_service_get_type },
  { "write",    helder_editor_page_get_type,   helder_editor_service_get_type },
  { "library",  helder_library_page_get_type,  helder_library_service_get_type },
};

static void on_page_changed (HelderWindow *self);

static int
page_index (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return i;
  return -1;
}

static AdwBin *
page_bin (HelderWindow *self,
          guint         index)
{
  return ADW_BIN (gtk_stack_get_child_by_name (self->page_stack, pages[index].name));
}

/* The page at @index, or NULL while it was never shown. */
static HelderPage *
made_page (HelderWindow *self,
           guint         index)
{
  GtkWidget *page = adw_bin_get_child (page_bin (self, index));

  return page != NULL ? HELDER_PAGE (page) : NULL;
}

static HelderService *
page_service (HelderWindow *self,
              guint         index)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL || self->store == NULL)
    return NULL;
  return helder_application_get_service (HELDER_APPLICATION (app), pages[index].service_type ());
}

/* A page's switcher bar gets its views when it is first revealed (a
 * narrow window): its buttons, about 80 widgets, are not made before the
 * first frame of a wide one. */
static void
switcher_bar_revealed (AdwViewSwitcherBar *bar,
                       GParamSpec         *pspec,
                       HelderPage         *page)
{
  if (adw_view_switcher_bar_get_reveal (bar) && adw_view_switcher_bar_get_stack (bar) == NULL)
    adw_view_switcher_bar_set_stack (bar, helder_page_get_views (page));
}

/* Narrow: the header bar shows the title, the views switch below.  Bound
 * once the page is first shown and its views are in the header bar, so
 * that the title of the page before it does not reveal its bar. */
static void
follow_title (HelderWindow *self,
              HelderPage   *page)
{
  AdwViewSwitcherBar *bar = helder_page_get_switcher_bar (page);

  if (bar == NULL || g_object_get_data (G_OBJECT (bar), "helder-follows-title") != NULL)
    return;
  g_object_set_data (G_OBJECT (bar), "helder-follows-title", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (bar, "notify::reveal", G_CALLBACK (switcher_bar_revealed), page, 0);
  g_object_bind_property (self->page_title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
}

static HelderPage *
make_page (HelderWindow *self,
           guint         index)
{
  HelderPage *page = made_page (self, index);

  if (page != NULL)
    return page;
  page = g_object_new (pages[index].page_type (), "service", page_service (self, index), NULL);
  g_signal_connect_object (page, "notify::views", G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (page_bin (self, index), GTK_WIDGET (page));
  return page;
}

/**
 * helder_window_ensure_page:
 * @name: a page's name, such as "planner"
 *
 * Returns: (transfer none) (nullable): the page, made now if it was
 *   never shown, or %NULL when there is no page of that name
 */
HelderPage *
helder_window_ensure_page (HelderWindow *self,
                           const char   *name)
{
  int index;

  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  index = page_index (name);
  return index >= 0 ? make_page (self, index) : NULL;
}

const char *
helder_window_get_page (HelderWindow *self)
{
  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
helder_window_set_page (HelderWindow *self,
                        const char   *name)
{
  g_return_if_fail (HELDER_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->page_stack, name) == NULL)
    {
      g_warning ("No page named %s", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->page_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
helder_window_add_toast (HelderWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (HELDER_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * helder_window_show_error:
 *
 * Shows a problem the user must know about in a toast; for errors that
 * leave nothing to work with (the store), see the error page.
 */
void
helder_window_show_error (HelderWindow *self,
                          const char   *title,
                          const char   *detail)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (HELDER_IS_WINDOW (self));

  text = detail ? g_strdup_printf ("%s: %s", title, detail) : g_strdup (title);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_page_changed (HelderWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  GtkStackPage *stack_page;
  HelderPage *page;
  int index;

  if (child == NULL)
    return;

  stack_page = gtk_stack_get_page (self->page_stack, child);
  index = page_index (gtk_stack_page_get_name (stack_page));
  if (index < 0)
    return;
  /* Shown for the first time: made now */
  page = make_page (self, index);
  helder_page_title_set_title (self->page_title, gtk_stack_page_get_title (stack_page));
  /* A page of several views shows their switcher in the header bar */
  helder_page_title_set_stack (self->page_title, helder_page_get_views (page));
  follow_title (self, page);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));
}

static void
on_sidebar_row_activated (HelderWindow  *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (pages))
    helder_window_set_page (self, pages[index].name);
}

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *title, *detail;

  g_variant_get (parameter, "(&s&s)", &title, &detail);
  helder_window_show_error (HELDER_WINDOW (widget), title, *detail != '\0' ? detail : NULL);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  helder_window_set_page (HELDER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static HelderStore *window_store (HelderWindow *self);

/* Opens the document with the given id in Schrijven. */
static void
open_document_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderStore *store = window_store (self);
  HelderPage *page = helder_window_ensure_page (self, "write");
  g_autoptr(HelderRecord) document = NULL;

  if (store == NULL || page == NULL)
    return;
  document = helder_store_load (store, HELDER_TYPE_DOCUMENT, g_variant_get_string (parameter, NULL), NULL);
  if (document == NULL)
    return;
  helder_window_set_page (self, "write");
  HELDER_PAGE_GET_CLASS (page)->open_record (page, document);
}

static void
new_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderPage *page = helder_window_ensure_page (self, helder_window_get_page (self));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (HELDER_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The shortcuts window, made when first asked for: GtkApplication would
 * build one with every window, before its first frame. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/nl/hltsamen/Helder/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
open_data_folder_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HelderStore *store = helder_application_get_store (HELDER_APPLICATION (app));
  g_autofree char *default_path = helder_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (store ? helder_store_get_path (store) : default_path);
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static HelderStore *
window_store (HelderWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? helder_application_get_store (HELDER_APPLICATION (app)) : NULL;
}

/* Sync progress notifies often; the conflicts are counted only when the
 * store says they changed. */
static void
update_sync_status (HelderWindow *self)
{
  guint n_conflicts = self->n_conflicts;
  g_auto(HelderSyncStatus) status = { 0 };
  HelderSyncState state = self->sync ? helder_sync_client_get_state (self->sync) : HELDER_SYNC_STATE_OFFLINE;

  helder_sync_status_describe (&status, self->sync != NULL, state,
                               self->sync ? helder_sync_client_get_last_sync (self->sync) : NULL,
                               self->sync ? helder_sync_client_get_last_error (self->sync) : NULL,
                               n_conflicts);
  gtk_label_set_text (self->sync_label, status.label);
  gtk_image_set_from_icon_name (self->sync_icon, status.icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), status.detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status.detail, -1);
  if (self->sync_detail == NULL)
    return;
  gtk_label_set_text (self->sync_detail, status.detail);
  gtk_widget_set_visible (self->sync_now_button, self->sync != NULL && state != HELDER_SYNC_STATE_LOGGED_OUT);
  gtk_widget_set_visible (self->conflicts_button, n_conflicts > 0);

  /* A progress bar on a first sync of many records */
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress),
                          state == HELDER_SYNC_STATE_SYNCING && self->sync &&
                          helder_sync_client_get_progress (self->sync) < 1.0);
  if (self->sync != NULL)
    gtk_progress_bar_set_fraction (self->sync_progress, helder_sync_client_get_progress (self->sync));
}

/* The sync button's popover, made when it is first opened. */
static void
create_sync_popover (GtkMenuButton *button,
                     gpointer       user_data)
{
  HelderWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/nl/hltsamen/Helder/ui/helder-window-sync.ui");
  self->sync_detail = GTK_LABEL (gtk_builder_get_object (builder, "sync_detail"));
  self->sync_progress = GTK_PROGRESS_BAR (gtk_builder_get_object (builder, "sync_progress"));
  self->sync_now_button = GTK_WIDGET (gtk_builder_get_object (builder, "sync_now_button"));
  self->conflicts_button = GTK_WIDGET (gtk_builder_get_object (builder, "conflicts_button"));
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder, "sync_popover")));
  update_sync_status (self);
}

static void
conflicts_changed (HelderWindow *self)
{
  HelderStore *store = window_store (self);

  self->n_conflicts = store ? helder_store_count_conflicts (store) : 0;
  update_sync_status (self);
}

static void
watch_sync (HelderWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HelderSyncClient *sync = app ? helder_application_get_sync (HELDER_APPLICATION (app)) : NULL;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, update_sync_status, self);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    g_signal_connect_object (sync, "notify", G_CALLBACK (update_sync_status), self, G_CONNECT_SWAPPED);
  update_sync_status (self);
}

static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->sync != NULL)
    helder_sync_client_sync_now (self->sync);
}

static void
show_conflicts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderStore *store = window_store (self);
  HelderConflictsWindow *conflicts;

  if (store == NULL)
    return;
  conflicts = helder_conflicts_window_new (store);
  gtk_window_set_transient_for (GTK_WINDOW (conflicts), GTK_WINDOW (self));
  gtk_window_set_application (GTK_WINDOW (conflicts), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (conflicts));
}

/* Restoring a damaged store */

static void
set_restoring (HelderWindow *self,
               gboolean      restoring,
               const char   *status)
{
  self->restoring = restoring;
  if (self->error_page == NULL)
    return;
  gtk_widget_set_sensitive (self->restore_choices, !restoring);
  gtk_widget_set_visible (self->restore_busy, status != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_spinner), restoring);
  gtk_spinner_set_spinning (self->restore_spinner, restoring);
  gtk_label_set_text (self->restore_status, status ? status : "");
}

static void
restore_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HelderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = helder_application_restore_finish (HELDER_APPLICATION (source), result, &error);
  GtkWidget *dialog;

  if (report == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not restore your data: %s"), error->message);
      set_restoring (self, FALSE, message);
      return;
    }

  set_restoring (self, FALSE, NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Data Is Back"), report);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean from_server = g_str_equal (g_variant_get_string (parameter, NULL), "server");

  if (self->restoring || app == NULL)
    return;
  set_restoring (self, TRUE, from_server ? _("Getting your data from the server…")
                                         : _("Reading the damaged files…"));
  helder_application_restore_async (HELDER_APPLICATION (app),
                                    from_server ? HELDER_RESTORE_FROM_SERVER : HELDER_RESTORE_FROM_COPY,
                                    self->cancellable, restore_done, g_object_ref (self));
}

static char *
escaped (const char *text)
{
  return g_markup_escape_text (text, -1);
}

/* The error page, made and added to the main stack when a store first
 * fails to open: a store that opens never builds it. */
static void
ensure_error_page (HelderWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->error_page != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/nl/hltsamen/Helder/ui/helder-window-error.ui");
  self->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));
  self->restore_choices = GTK_WIDGET (gtk_builder_get_object (builder, "restore_choices"));
  self->restore_server_row = ADW_ACTION_ROW (gtk_builder_get_object (builder, "restore_server_row"));
  self->restore_copy_row = ADW_ACTION_ROW (gtk_builder_get_object (builder, "restore_copy_row"));
  self->restore_busy = GTK_WIDGET (gtk_builder_get_object (builder, "restore_busy"));
  self->restore_spinner = GTK_SPINNER (gtk_builder_get_object (builder, "restore_spinner"));
  self->restore_status = GTK_LABEL (gtk_builder_get_object (builder, "restore_status"));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (gtk_builder_get_object (builder, "error_box")), "error");
}

/* The store did not open: why, in words that read (a damaged file puts
 * its own bytes into SQLite's messages), and the ways to restore it. */
static void
show_error_page (HelderWindow      *self,
                 HelderApplication *application)
{
  const GError *error = helder_application_get_store_error (application);
  const HelderStoreDamage *damage = helder_application_get_store_damage (application);
  g_autofree char *description = NULL;

  ensure_error_page (self);

  if (damage != NULL)
    {
      g_auto(HelderStoreDamageText) text = { 0 };
      gboolean logged_in = helder_application_get_logged_in (application);
      g_autofree char *server = NULL;
      g_autofree char *copy = NULL;

      helder_store_damage_describe (damage, &text);
      description = escaped (text.description);
      server = escaped (logged_in ? text.server_choice
                                  : _("Helder is not logged in to a server on this computer."));
      copy = escaped (text.copy_choice);
      adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->error_page, _("Your Data Was Damaged"));
      adw_action_row_set_subtitle (self->restore_server_row, server);
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_server_row), logged_in);
      adw_action_row_set_subtitle (self->restore_copy_row, copy);
    }
  else
    {
      g_autofree char *message = g_utf8_make_valid (error ? error->message : _("Unknown error"), -1);
      g_autofree char *text = g_strdup_printf (_("%s\n\nHelder did not change the file. Make a copy of it for "
                                                 "the administrator, or start with a new data folder "
                                                 "(helder --data-dir)."), message);

      description = escaped (text);
      adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->error_page, _("Your Data Could Not Be Opened"));
    }
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->restore_choices, damage != NULL);
  if (!self->restoring)
    set_restoring (self, FALSE, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static gboolean
helder_window_close_request (GtkWindow *window)
{
  HelderWindow *self = HELDER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (helder_window_parent_class)->close_request (window);
}

static void
helder_window_dispose (GObject *object)
{
  HelderWindow *self = HELDER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, update_sync_status, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  /* The header's switcher lets go of the page's views before they go */
  if (self->page_title != NULL)
    helder_page_title_set_stack (self->page_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_WINDOW);

  G_OBJECT_CLASS (helder_window_parent_class)->dispose (object);
}

static void
helder_window_class_init (HelderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = helder_window_dispose;
  window_class->close_request = helder_window_close_request;
  g_type_ensure (HELDER_TYPE_PAGE_TITLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, read_only_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  /* (title, detail): how pages and editors tell that an action failed */
  gtk_widget_class_install_action (widget_class, "win.show-error", "(ss)", show_error_activated);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_activated);
  gtk_widget_class_install_action (widget_class, "win.open-document", "s", open_document_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.open-data-folder", NULL, open_data_folder_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_activated);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, show_conflicts_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", "s", restore_activated);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].name);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* The primary menu gets its model, and so its popover (about 30
 * widgets), when it is first opened: not before the first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  HelderWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
helder_window_init (HelderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sync_button, create_sync_popover, self, NULL);
  self->cancellable = g_cancellable_new ();

  if (g_strcmp0 (PROFILE, "devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Shows the application's store, or why there is none; again when it
 * changes (a restore puts a fresh one in place). */
static void
attach_store (HelderWindow *self)
{
  HelderApplication *application = HELDER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  HelderStore *store = helder_application_get_store (application);
  gboolean read_only;

  if (store == NULL)
    {
      /* The pages let go of the store that is gone. */
      g_clear_object (&self->store);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        if (made_page (self, i) != NULL)
          helder_page_set_service (made_page (self, i), NULL);
      show_error_page (self, application);
      return;
    }
  if (store == self->store)
    return;
  g_set_object (&self->store, store);

  /* Pages not made yet get their service when they are */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (made_page (self, i) != NULL)
      helder_page_set_service (made_page (self, i), page_service (self, i));
  gtk_stack_set_visible_child_name (self->main_stack, "pages");

  /* Read-only: it says so, and nothing offers to make what cannot be saved. */
  read_only = helder_store_is_read_only (store);
  /* Hidden, not only folded away: a revealer measures its child even when
   * it is closed, and the banner's wrapped text is costly to lay out. */
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_banner), read_only);
  gtk_revealer_set_reveal_child (self->read_only_banner, read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-item", !read_only);

  g_signal_connect_object (store, "changed::conflict", G_CALLBACK (conflicts_changed), self, G_CONNECT_SWAPPED);
  self->n_conflicts = helder_store_count_conflicts (store);
  watch_sync (self);
}

static void
logged_in_changed (HelderWindow *self)
{
  if (self->store == NULL)
    attach_store (self);
}

HelderWindow *
helder_window_new (HelderApplication *application)
{
  HelderWindow *self;
  g_autofree char *last_page = NULL;
  GSettings *settings;

  g_return_val_if_fail (HELDER_IS_APPLICATION (application), NULL);

  self = g_object_new (HELDER_TYPE_WINDOW, "application", application, NULL);
  settings = helder_application_get_settings (application);
  self->settings = g_object_ref (settings);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (settings, "last-page");
  gtk_stack_set_visible_child_name (self->page_stack, last_page);
  g_settings_bind (settings, "last-page", self->page_stack, "visible-child-name", G_SETTINGS_BIND_SET);
  on_page_changed (self);

  g_signal_connect_object (application, "notify::store", G_CALLBACK (attach_store), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::sync", G_CALLBACK (watch_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::logged-in", G_CALLBACK (logged_in_changed), self,
                           G_CONNECT_SWAPPED);
  attach_store (self);

  return self;
}
