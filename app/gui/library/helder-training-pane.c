/* helder-training-pane.c: one training session: places, signing up, attendance
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-training-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-training-pane.h"
#include "helder-window.h"
#include "model/helder-record-format.h"

/* "Trainingen": a session's date, place and places; staff sign themselves
 * up and off (a full session puts them on the waitlist, and someone
 * leaving moves the first one up: the library service decides, this only
 * shows it); the owner (and advisors) mark attendance and export the
 * list; everyone can save the session to a calendar.  Registrations are
 * records of their own, so the pane follows that type in the store. */

struct _HelderTrainingPane
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GtkLabel             *title_label;
  GtkLabel             *when_label;
  GtkLabel             *description_label;
  AdwActionRow         *places_row;
  AdwActionRow         *my_row;
  GtkButton            *register_button;
  GtkButton            *unregister_button;
  GtkButton            *csv_button;
  GtkWidget            *attendance_box;
  GtkListBox           *seats_list;

  /* owned */
  HelderLibraryService *service;
  HelderRecord         *training;
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (HelderTrainingPane, helder_training_pane, ADW_TYPE_BIN)

static void refresh (HelderTrainingPane *self);

static void
toast (HelderTrainingPane *self,
       const char         *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), adw_toast_new (text));
}

static void
show_error (HelderTrainingPane *self,
            const char         *title,
            const GError       *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title, error->message))
    g_warning ("%s: %s", title, error->message);
}

/* "woensdag 10 maart 2027, 09:30–12:00 · Raadzaal" */
static char *
when_text (HelderRecord *training)
{
  const char *starts = helder_record_get_text (training, "starts_at");
  const char *ends = helder_record_get_text (training, "ends_at");
  const char *place = helder_record_get_text (training, "place");
  g_autoptr(GDateTime) start = starts != NULL ? g_date_time_new_from_iso8601 (starts, NULL) : NULL;
  g_autoptr(GDateTime) end = ends != NULL ? g_date_time_new_from_iso8601 (ends, NULL) : NULL;
  g_autoptr(GDateTime) local_start = start != NULL ? g_date_time_to_local (start) : NULL;
  g_autoptr(GDateTime) local_end = end != NULL ? g_date_time_to_local (end) : NULL;
  g_autofree char *date = helder_format_date (starts);
  g_autofree char *from = local_start != NULL ? g_date_time_format (local_start, "%H:%M") : NULL;
  g_autofree char *until = local_end != NULL ? g_date_time_format (local_end, "%H:%M") : NULL;
  GString *text = g_string_new (date != NULL ? date : _("Date not set yet"));

  if (from != NULL && until != NULL)
    g_string_append_printf (text, ", %s–%s", from, until);
  else if (from != NULL)
    g_string_append_printf (text, ", %s", from);
  if (place != NULL && *place != '\0')
    g_string_append_printf (text, " · %s", place);
  return g_string_free (text, FALSE);
}

static gboolean
may_keep_attendance (HelderTrainingPane *self)
{
  HelderSession *session = helder_service_get_session (HELDER_SERVICE (self->service));

  return helder_session_get_role (session) != HELDER_SESSION_ROLE_STAFF ||
         g_strcmp0 (helder_record_get_text (self->training, "owner"), helder_session_get_login (session)) == 0;
}

static void
on_attended_toggled (HelderTrainingPane *self,
                     GtkCheckButton     *check)
{
  const char *registration = g_object_get_data (G_OBJECT (check), "registration");
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!helder_library_service_set_attended (self->service, registration, gtk_check_button_get_active (check),
                                            &error))
    {
      show_error (self, _("Could not record the attendance"), error);
      refresh (self);
    }
}

static GtkWidget *
seat_row (HelderTrainingPane       *self,
          const HelderTrainingSeat *seat)
{
  GtkWidget *row = adw_action_row_new ();
  const char *login = helder_record_get_text (seat->registration, "user");
  g_autofree char *name = helder_library_service_user_name (self->service, login);
  g_autofree char *where = seat->place == HELDER_PLACE_CONFIRMED
                         ? g_strdup (_("Has a place"))
                         : g_strdup_printf (_("Waitlist, place %u"), seat->position);
  GtkWidget *check;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  if (seat->place == HELDER_PLACE_CONFIRMED)
    {
      check = gtk_check_button_new_with_label (_("Attended"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), helder_record_get_bool (seat->registration, "attended"));
      g_object_set_data_full (G_OBJECT (check), "registration",
                              g_strdup (helder_record_get_id (seat->registration)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_attended_toggled), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }
  return row;
}

static void
refresh (HelderTrainingPane *self)
{
  const char *id, *description;
  g_autoptr(GPtrArray) seats = NULL;
  g_autofree char *when = NULL;
  g_autofree char *places = NULL;
  g_autofree char *mine = NULL;
  HelderPlace place;
  guint position = 0, taken, waiting;
  int capacity;
  gboolean keeper;
  GtkWidget *child;

  if (self->training == NULL || self->service == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.register", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.unregister", FALSE);
      return;
    }

  id = helder_record_get_id (self->training);
  seats = helder_library_service_seats (self->service, id);
  capacity = helder_record_get_int (self->training, "capacity");
  taken = helder_training_seats_count (seats, HELDER_PLACE_CONFIRMED);
  waiting = helder_training_seats_count (seats, HELDER_PLACE_WAITING);
  place = helder_library_service_my_place (self->service, id, &position);
  keeper = may_keep_attendance (self);

  gtk_label_set_text (self->title_label, helder_record_get_title (self->training));
  when = when_text (self->training);
  gtk_label_set_text (self->when_label, when);
  description = helder_record_get_text (self->training, "description");
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');

  if (capacity > 0)
    places = waiting > 0
      ? g_strdup_printf (_("%u of %d places taken · %u on the waitlist"), taken, capacity, waiting)
      : g_strdup_printf (_("%u of %d places taken"), taken, capacity);
  else
    places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant, no limit", "%u participants, no limit",
                                           taken), taken);
  adw_action_row_set_subtitle (self->places_row, places);

  if (place == HELDER_PLACE_CONFIRMED)
    mine = g_strdup (_("You have a place"));
  else if (place == HELDER_PLACE_WAITING)
    mine = g_strdup_printf (_("You are on the waitlist, place %u"), position);
  else if (capacity > 0 && taken >= (guint) capacity)
    mine = g_strdup (_("Full: signing up puts you on the waitlist"));
  else
    mine = g_strdup (_("Not signed up"));
  adw_action_row_set_subtitle (self->my_row, mine);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), place == HELDER_PLACE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->unregister_button), place != HELDER_PLACE_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.register", place == HELDER_PLACE_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.unregister", place != HELDER_PLACE_NONE);

  gtk_widget_set_visible (GTK_WIDGET (self->csv_button), keeper);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.export-csv", keeper);
  gtk_widget_set_visible (self->attendance_box, keeper);
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->seats_list))) != NULL)
    gtk_list_box_remove (self->seats_list, child);
  for (guint i = 0; keeper && i < seats->len; i++)
    gtk_list_box_append (self->seats_list, seat_row (self, seats->pdata[i]));
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "session");
}

static void
on_records_changed (HelderTrainingPane *self,
                    const char         *type_name,
                    const char * const *ids)
{
  if (self->training == NULL)
    return;
  if (g_str_equal (type_name, "training"))
    {
      const char *id = helder_record_get_id (self->training);
      g_autoptr(HelderRecord) stored = NULL;

      if (ids == NULL || !g_strv_contains (ids, id))
        return;
      stored = helder_service_load (HELDER_SERVICE (self->service), HELDER_TYPE_TRAINING, id);
      if (stored == NULL || helder_record_get_deleted (stored))
        g_clear_object (&self->training);
      else
        g_set_object (&self->training, stored);
    }
  refresh (self);
}

void
helder_training_pane_set_service (HelderTrainingPane   *self,
                                  HelderLibraryService *service)
{
  g_return_if_fail (HELDER_IS_TRAINING_PANE (self));

  if (self->service == service)
    return;
  if (self->service != NULL)
    {
      g_signal_handlers_disconnect_by_func (helder_service_get_store (HELDER_SERVICE (self->service)),
                                            on_records_changed, self);
      g_signal_handlers_disconnect_by_func (helder_service_get_session (HELDER_SERVICE (self->service)),
                                            refresh, self);
    }
  g_set_object (&self->service, service);
  g_clear_object (&self->training);
  if (service != NULL)
    {
      HelderStore *store = helder_service_get_store (HELDER_SERVICE (service));

      g_signal_connect_object (store, "records-changed::registration", G_CALLBACK (on_records_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "records-changed::training", G_CALLBACK (on_records_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::role",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::login",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

void
helder_training_pane_set_training (HelderTrainingPane *self,
                                   HelderRecord       *training)
{
  g_return_if_fail (HELDER_IS_TRAINING_PANE (self));
  g_return_if_fail (training == NULL || HELDER_IS_TRAINING (training));

  g_set_object (&self->training, training);
  refresh (self);
}

HelderRecord *
helder_training_pane_get_training (HelderTrainingPane *self)
{
  g_return_val_if_fail (HELDER_IS_TRAINING_PANE (self), NULL);

  return self->training;
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderTrainingPane *self = HELDER_TRAINING_PANE (widget);
  g_autoptr(GError) error = NULL;
  HelderPlace place;

  if (self->training == NULL)
    return;
  place = helder_library_service_register (self->service, helder_record_get_id (self->training), &error);
  if (place == HELDER_PLACE_NONE)
    show_error (self, _("Could not sign you up"), error);
  else
    toast (self, place == HELDER_PLACE_CONFIRMED ? _("You are signed up")
                                                 : _("The session is full: you are on the waitlist"));
  refresh (self);
}

static void
unregister_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderTrainingPane *self = HELDER_TRAINING_PANE (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) moved_up = NULL;

  if (self->training == NULL)
    return;
  if (!helder_library_service_unregister (self->service, helder_record_get_id (self->training), &moved_up, &error))
    show_error (self, _("Could not sign you off"), error);
  else if (moved_up != NULL && moved_up[0] != NULL)
    {
      g_autofree char *name = helder_library_service_user_name (self->service, moved_up[0]);
      g_autofree char *text = g_strdup_printf (_("You are signed off; %s moves up from the waitlist"), name);

      toast (self, text);
    }
  else
    toast (self, _("You are signed off"));
  refresh (self);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_warning ("Could not save %s: %s", g_file_peek_path (G_FILE (source)), error->message);
}

static void
save_response (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (dialog), "bytes");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                           saved, NULL);
    }
  g_object_unref (dialog);
}

static void
save_file (HelderTrainingPane *self,
           const char         *title,
           const char         *extension,
           GBytes             *bytes)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("%s.%s", helder_record_get_title (self->training), extension);

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), g_strdelimit (name, "/\\", '-'));
  g_object_set_data_full (G_OBJECT (dialog), "bytes", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_ics_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderTrainingPane *self = HELDER_TRAINING_PANE (widget);
  char *ics;
  g_autoptr(GBytes) bytes = NULL;

  if (self->training == NULL ||
      (ics = helder_library_service_session_ics (self->service, helder_record_get_id (self->training))) == NULL)
    return;
  bytes = g_bytes_new_take (ics, strlen (ics));
  save_file (self, _("Save to Calendar"), "ics", bytes);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderTrainingPane *self = HELDER_TRAINING_PANE (widget);
  g_autoptr(GBytes) bytes = NULL;

  if (self->training == NULL ||
      (bytes = helder_library_service_attendance_csv (self->service, helder_record_get_id (self->training))) == NULL)
    return;
  save_file (self, _("Export Attendance List"), "csv", bytes);
}

static void
helder_training_pane_dispose (GObject *object)
{
  HelderTrainingPane *self = HELDER_TRAINING_PANE (object);

  helder_training_pane_set_service (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_TRAINING_PANE);

  G_OBJECT_CLASS (helder_training_pane_parent_class)->dispose (object);
}

static void
helder_training_pane_class_init (HelderTrainingPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_training_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/hltsamen/Helder/ui/helder-library-training-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, when_label);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, places_row);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, my_row);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, register_button);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, unregister_button);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, csv_button);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, attendance_box);
  gtk_widget_class_bind_template_child (widget_class, HelderTrainingPane, seats_list);

  gtk_widget_class_install_action (widget_class, "training.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "training.unregister", NULL, unregister_activated);
  gtk_widget_class_install_action (widget_class, "training.save-ics", NULL, save_ics_activated);
  gtk_widget_class_install_action (widget_class, "training.export-csv", NULL, export_csv_activated);
}

static void
helder_training_pane_init (HelderTrainingPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}
