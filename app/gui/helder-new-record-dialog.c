/* helder-new-record-dialog.c: asks for the name of a new record
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-new-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-new-record-dialog.h"

struct _HelderNewRecordDialog
{
  AdwWindow    parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  GtkLabel    *error_label;

  /* owned */
  HelderService *service;
  GType          type;
};

G_DEFINE_FINAL_TYPE (HelderNewRecordDialog, helder_new_record_dialog, ADW_TYPE_WINDOW)

static const char *
name_text (HelderNewRecordDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

static void
actions_update (HelderNewRecordDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (name_text (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", *text != '\0');
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderNewRecordDialog *self = HELDER_NEW_RECORD_DIALOG (widget);
  g_autofree char *text = g_strstrip (g_strdup (name_text (self)));
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;

  record = helder_service_create (self->service, self->type, text, &error);
  if (record == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_name_changed (HelderNewRecordDialog *self)
{
  actions_update (self);
}

static void
on_name_activated (HelderNewRecordDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
helder_new_record_dialog_dispose (GObject *object)
{
  HelderNewRecordDialog *self = HELDER_NEW_RECORD_DIALOG (object);

  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_NEW_RECORD_DIALOG);

  G_OBJECT_CLASS (helder_new_record_dialog_parent_class)->dispose (object);
}

static void
helder_new_record_dialog_class_init (HelderNewRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_new_record_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/hltsamen/Helder/ui/helder-new-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderNewRecordDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HelderNewRecordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
helder_new_record_dialog_init (HelderNewRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  actions_update (self);
}

/* A new record of @type, created through @service (which checks the
 * role and fills in the page's defaults). */
HelderNewRecordDialog *
helder_new_record_dialog_new (HelderService *service,
                              GType          type,
                              const char    *title)
{
  HelderNewRecordDialog *self;

  g_return_val_if_fail (HELDER_IS_SERVICE (service), NULL);
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);

  self = g_object_new (HELDER_TYPE_NEW_RECORD_DIALOG, "title", title, NULL);
  self->service = g_object_ref (service);
  self->type = type;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 g_strcmp0 (helder_record_type_name_field (type), "title") == 0
                                   ? _("Title") : _("Name"));
  return self;
}
