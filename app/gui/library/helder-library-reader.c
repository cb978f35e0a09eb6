/* helder-library-reader.c: one toolkit document, to read
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-library-reader.h"
#include "library/helder-library-attachments.h"
#include "model/helder-record-format.h"
#include "service/helder-record-follower.h"
#include "store/helder-record-list.h"

/* The reading side of Bibliotheek: the document's title, summary and
 * facts above its rendered body, the expired banner with "Gecontroleerd",
 * and the way to its editor and versions (which the page opens: it emits
 * "edit" and "history").  It follows its record, so a change pulled from
 * a colleague shows at once. */

struct _HelderLibraryReader
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkStack             *stack;
  AdwStatusPage        *none_page;
  GtkRevealer          *banner;
  GtkLabel             *banner_title;
  GtkLabel             *banner_detail;
  GtkButton            *check_button;
  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkLabel             *meta_label;
  GtkButton            *edit_button;
  GtkButton            *history_button;
  GtkMenuButton        *attachments_button;
  GtkButton            *sessions_button;
  HelderMarkdownView   *body_view;

  /* owned */
  HelderLibraryService *service;
  HelderRecord         *toolkit;
  HelderRecordFollower *follower;
};

G_DEFINE_FINAL_TYPE (HelderLibraryReader, helder_library_reader, ADW_TYPE_BIN)

enum {
  EDIT,
  HISTORY,
  CHECK,
  SHOWN,
  OPEN_TRAINING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Edit and the versions show where someone opens them (the page). */
static void
actions_update (HelderLibraryReader *self)
{
  gboolean may_edit = self->service != NULL && helder_library_service_may_edit (self->service) &&
                      g_signal_has_handler_pending (self, signals[EDIT], 0, FALSE);
  gboolean has_history = g_signal_has_handler_pending (self, signals[HISTORY], 0, FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.edit", may_edit && self->toolkit != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.history", has_history && self->toolkit != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_button), has_history);
}

/**
 * helder_library_user_name:
 * @service: (nullable): any service of the store
 *
 * Returns: (transfer full): the name of the user with @login, from the
 *   user records, or @login itself when there is none
 */
char *
helder_library_user_name (HelderService *service,
                          const char    *login)
{
  g_autoptr(HelderRecordList) users = NULL;

  if (service == NULL || login == NULL)
    return g_strdup (login != NULL ? login : "");
  users = helder_service_list (service, HELDER_TYPE_USER);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (users)); i++)
    {
      g_autoptr(HelderRecord) user = g_list_model_get_item (G_LIST_MODEL (users), i);

      if (g_strcmp0 (helder_record_get_text (user, "login"), login) == 0 &&
          helder_record_get_text (user, "name") != NULL)
        return g_strdup (helder_record_get_text (user, "name"));
    }
  return g_strdup (login);
}

static char *
meta_text (HelderLibraryReader *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *category = helder_record_get_text (self->toolkit, "category");
  const char *owner = helder_record_get_text (self->toolkit, "owner");
  const char * const *tags = helder_record_get_list (self->toolkit, "tags");
  g_autofree char *next = helder_format_date (helder_record_get_text (self->toolkit, "next_review"));
  g_autofree char *checked = helder_format_date (helder_record_get_text (self->toolkit, "last_reviewed"));

  if (category != NULL && *category != '\0')
    g_ptr_array_add (parts, g_strdup (helder_format_choice (category)));
  if (owner != NULL && *owner != '\0')
    {
      g_autofree char *name = helder_library_user_name (HELDER_SERVICE (self->service), owner);

      /* Translators: who looks after a toolkit document */
      g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), name));
    }
  if (checked != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Checked on %s"), checked));
  if (next != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Next review %s"), next));
  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      g_ptr_array_add (parts, g_strdup_printf (_("Tags: %s"), joined));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Attachments: images in the text, links to them, and the menu */

static GFile *
resolve (HelderLibraryReader *self,
         const char          *reference,
         GError             **error)
{
  if (self->service == NULL || self->toolkit == NULL)
    return NULL;
  return helder_attachments_resolve (helder_service_get_store (HELDER_SERVICE (self->service)), self->toolkit,
                                     reference, error);
}

static GdkTexture *
attachment_image (const char *name,
                  gpointer    user_data)
{
  HelderLibraryReader *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  /* A web address is not fetched: the library reads offline */
  if (g_uri_peek_scheme (name) != NULL && !g_str_has_prefix (name, "attachment:") && !g_str_has_prefix (name, "blob:"))
    return NULL;
  if ((file = resolve (self, name, NULL)) == NULL)
    return NULL;
  if ((texture = gdk_texture_new_from_file (file, &error)) == NULL)
    g_debug ("Attachment %s is no image: %s", name, error->message);
  return texture;
}

static void
open_attachment (HelderLibraryReader *self,
                 const char          *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = resolve (self, reference, &error);
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", _("Could not open the attachment"),
                                  error != NULL ? error->message : "");
      return;
    }
  uri = g_file_get_uri (file);
  helder_markdown_view_launch (GTK_WIDGET (self), uri);
}

/* A link to an attachment ("schema.pdf", "attachment:…") opens its file */
static gboolean
on_activate_link (HelderLibraryReader *self,
                  const char          *uri)
{
  if (g_uri_peek_scheme (uri) != NULL && !g_str_has_prefix (uri, "attachment:") && !g_str_has_prefix (uri, "blob:"))
    return FALSE;
  open_attachment (self, uri);
  return TRUE;
}

static void
open_attachment_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  g_autofree char *reference = g_strconcat ("blob:", g_variant_get_string (parameter, NULL), NULL);

  open_attachment (HELDER_LIBRARY_READER (widget), reference);
}

static void
update_attachments (HelderLibraryReader *self)
{
  g_autoptr(GPtrArray) attachments = helder_attachments_from_record (self->toolkit);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < attachments->len; i++)
    {
      HelderAttachment *attachment = attachments->pdata[i];
      g_autofree char *size = g_format_size (attachment->size);
      g_autofree char *label = g_strdup_printf ("%s (%s)", attachment->name, size);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "reader.open-attachment",
                                               g_variant_new_string (attachment->sha256));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->attachments_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_button), attachments->len > 0);
}

/* The toolkit's training sessions: the button says how many, and opens
 * the first (the next) in Trainingen. */
static void
update_sessions (HelderLibraryReader *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *label = NULL;

  if (self->service != NULL && g_signal_has_handler_pending (self, signals[OPEN_TRAINING], 0, FALSE))
    sessions = helder_library_service_sessions_of (self->service, helder_record_get_id (self->toolkit));
  if (sessions == NULL || sessions->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sessions_button), FALSE);
      return;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Session", "%u Sessions", sessions->len), sessions->len);
  gtk_button_set_label (self->sessions_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_button), TRUE);
}

static void
sessions_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderLibraryReader *self = HELDER_LIBRARY_READER (widget);
  g_autoptr(GPtrArray) sessions = NULL;

  if (self->service == NULL || self->toolkit == NULL)
    return;
  sessions = helder_library_service_sessions_of (self->service, helder_record_get_id (self->toolkit));
  if (sessions->len > 0)
    g_signal_emit (self, signals[OPEN_TRAINING], 0, sessions->pdata[0]);
}

static void
show (HelderLibraryReader *self)
{
  const char *summary;
  g_autofree char *meta = NULL;

  if (self->toolkit == NULL)
    {
      helder_library_reader_show_banner (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "none");
      helder_markdown_view_set_markdown (self->body_view, NULL);
      actions_update (self);
      return;
    }

  summary = helder_record_get_text (self->toolkit, "summary");
  meta = meta_text (self);

  gtk_label_set_text (self->title_label, helder_record_get_title (self->toolkit));
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  gtk_label_set_text (self->meta_label, meta);
  update_attachments (self);
  update_sessions (self);
  helder_markdown_view_set_markdown (self->body_view, helder_record_get_text (self->toolkit, "body"));
  gtk_stack_set_visible_child_name (self->stack, "document");
  actions_update (self);
  g_signal_emit (self, signals[SHOWN], 0);
}

static void
on_followed (HelderLibraryReader *self,
             HelderFollowEvent    event,
             HelderRecord        *stored)
{
  if (event == HELDER_FOLLOW_DELETED || stored == NULL)
    {
      helder_library_reader_set_toolkit (self, NULL);
      return;
    }
  g_set_object (&self->toolkit, stored);
  show (self);
}

/**
 * helder_library_reader_set_toolkit:
 * @toolkit: (nullable): the document to show, as stored
 */
void
helder_library_reader_set_toolkit (HelderLibraryReader *self,
                                   HelderRecord        *toolkit)
{
  g_return_if_fail (HELDER_IS_LIBRARY_READER (self));
  g_return_if_fail (toolkit == NULL || HELDER_IS_TOOLKIT (toolkit));

  g_clear_object (&self->follower);
  g_set_object (&self->toolkit, toolkit);
  if (toolkit != NULL && self->service != NULL)
    {
      self->follower = helder_record_follower_new (HELDER_SERVICE (self->service), toolkit);
      g_signal_connect_object (self->follower, "changed", G_CALLBACK (on_followed), self, G_CONNECT_SWAPPED);
    }
  show (self);
}

HelderRecord *
helder_library_reader_get_toolkit (HelderLibraryReader *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_READER (self), NULL);

  return self->toolkit;
}

/**
 * helder_library_reader_show_banner:
 * @banner: (nullable): the review banner for the document shown, as the
 *   library service words it for the viewer; %NULL hides it
 *
 * Shows the expired banner, with "Gecontroleerd" for those who may.
 */
void
helder_library_reader_show_banner (HelderLibraryReader      *self,
                                   const HelderReviewBanner *banner)
{
  gboolean visible = banner != NULL && banner->visible;
  gboolean can_check = visible && banner->can_check && g_signal_has_handler_pending (self, signals[CHECK], 0, FALSE);

  g_return_if_fail (HELDER_IS_LIBRARY_READER (self));

  gtk_label_set_text (self->banner_title, visible && banner->title != NULL ? banner->title : "");
  gtk_label_set_text (self->banner_detail, visible && banner->detail != NULL ? banner->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_detail), visible && banner->detail != NULL && *banner->detail);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), can_check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.check", can_check);
  gtk_revealer_set_reveal_child (self->banner, visible);
}

HelderMarkdownView *
helder_library_reader_get_view (HelderLibraryReader *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_READER (self), NULL);

  return self->body_view;
}

void
helder_library_reader_set_service (HelderLibraryReader  *self,
                                   HelderLibraryService *service)
{
  g_return_if_fail (HELDER_IS_LIBRARY_READER (self));

  if (self->service == service)
    return;
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_func (helder_service_get_session (HELDER_SERVICE (self->service)),
                                          actions_update, self);
  g_set_object (&self->service, service);
  if (service != NULL)
    g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::role",
                             G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  helder_library_reader_set_toolkit (self, NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[EDIT], 0);
}

static void
history_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[HISTORY], 0);
}

static void
check_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[CHECK], 0);
}

static void
helder_library_reader_dispose (GObject *object)
{
  HelderLibraryReader *self = HELDER_LIBRARY_READER (object);

  g_clear_object (&self->follower);
  g_clear_object (&self->toolkit);
  g_clear_object (&self->service);
  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, or it would be unparented twice */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_READER);

  G_OBJECT_CLASS (helder_library_reader_parent_class)->dispose (object);
}

static void
helder_library_reader_class_init (HelderLibraryReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_library_reader_dispose;

  /* The user asks to edit the document shown */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asks for the document's versions */
  signals[HISTORY] = g_signal_new ("history", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The user marks the document "Gecontroleerd" */
  signals[CHECK] = g_signal_new ("check", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The user asks for one of the toolkit's training sessions */
  signals[OPEN_TRAINING] = g_signal_new ("open-training", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_RECORD);
  /* A document (or a new state of it) is shown: the page adds its banner */
  signals[SHOWN] = g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HELDER_TYPE_MARKDOWN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-library-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, none_page);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, banner);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, banner_title);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, banner_detail);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, check_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, history_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, attachments_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, sessions_button);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryReader, body_view);

  gtk_widget_class_install_action (widget_class, "reader.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "reader.history", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "reader.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "reader.open-attachment", "s", open_attachment_activated);
  gtk_widget_class_install_action (widget_class, "reader.sessions", NULL, sessions_activated);
}

static void
helder_library_reader_init (HelderLibraryReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  helder_library_reader_show_banner (self, NULL);
  helder_markdown_view_set_image_func (self->body_view, attachment_image, self, NULL);
  g_signal_connect_object (self->body_view, "activate-link", G_CALLBACK (on_activate_link), self,
                           G_CONNECT_SWAPPED);
  actions_update (self);
}
