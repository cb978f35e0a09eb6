/* helder-edition-view.c: Omgevingsbeeld: the next edition being written, and the archive
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-edition-view"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-edition-view-private.h"
#include "helder-window.h"
#include "helder-works-view.h"
#include "plan/helder-plan-works.h"
#include "report/helder-edition-export.h"

/* Left: the next edition (or the button that starts it, pre-filled by
 * the core) and the searchable archive of sent editions.  Right: the
 * open edition: its readers, introduction and items; a sent edition
 * reads the same, without editing.  Export writes what is shown. */

G_DEFINE_FINAL_TYPE (HelderEditionView, helder_edition_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HelderPlanService *
helder_edition_view_plan (HelderEditionView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

void
helder_edition_view_show_error (HelderEditionView *self,
                                const char        *title,
                                const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_show_error (HELDER_WINDOW (root), title, error ? error->message : NULL);
  else
    g_warning ("%s: %s", title, error ? error->message : "");
}

static void
toast (HelderEditionView *self,
       const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), adw_toast_new (text));
}

static char *
items_line (HelderRecord *edition)
{
  g_autoptr(HelderEditionContent) content = helder_edition_content_from_record (edition);
  guint n = helder_edition_items_n_kept (content->items);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
}

/* "Sent on 1 December 2026 by sanne · 3 items" */
static char *
status_line (HelderRecord *edition)
{
  g_autofree char *items = items_line (edition);
  const char *by = helder_record_get_text (edition, "sent_by");
  g_autofree char *day = helder_works_format_day (helder_record_get_text (edition, "sent_at"));

  if (g_strcmp0 (helder_record_get_text (edition, "status"), "sent") != 0)
    return g_strdup_printf (_("Draft · %s"), items);
  if (day != NULL && by != NULL)
    return g_strdup_printf (_("Sent on %s by %s · %s"), day, by, items);
  if (day != NULL)
    return g_strdup_printf (_("Sent on %s · %s"), day, items);
  return g_strdup_printf (_("Sent · %s"), items);
}

/* The archive */

static void
setup_edition_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 34);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 34);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_edition_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  HelderRecord *edition = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *title = helder_edition_format_title (edition);
  g_autofree char *status = status_line (edition);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), status);
}

static void
update_archive_state (HelderEditionView *self)
{
  guint n = self->archive ? g_list_model_get_n_items (G_LIST_MODEL (self->archive)) : 0;

  gtk_stack_set_visible_child_name (self->archive_stack, n > 0 ? "list" : "empty");
}

static void
archive_search_changed (HelderEditionView *self)
{
  if (self->archive != NULL)
    helder_editions_archive_set_query (self->archive, gtk_editable_get_text (GTK_EDITABLE (self->archive_search)));
  update_archive_state (self);
}

/* The next edition */

static HelderRecord *
find_draft (HelderEditionView *self)
{
  guint n = self->editions ? g_list_model_get_n_items (G_LIST_MODEL (self->editions)) : 0;

  /* newest first: the first draft is the one being written */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) edition = g_list_model_get_item (G_LIST_MODEL (self->editions), i);

      if (g_strcmp0 (helder_record_get_text (edition, "status"), "sent") != 0)
        return g_steal_pointer (&edition);
    }
  return NULL;
}

static void
update_next (HelderEditionView *self)
{
  g_autoptr(HelderRecord) draft = find_draft (self);

  g_free (self->draft_id);
  self->draft_id = draft ? g_strdup (helder_record_get_id (draft)) : NULL;
  if (draft != NULL)
    {
      g_autofree char *title = helder_edition_format_title (draft);
      g_autofree char *status = status_line (draft);

      gtk_label_set_text (self->draft_title, title);
      gtk_label_set_text (self->draft_subtitle, status);
      gtk_stack_set_visible_child_name (self->next_stack, "draft");
    }
  else
    {
      g_autofree char *today = helder_plan_today ();
      g_autofree char *date = NULL, *day = NULL, *text = NULL;
      g_autoptr(HelderRecord) last = NULL;
      gboolean days[8];

      if (helder_edition_view_plan (self) != NULL)
        {
          helder_plan_service_editions_days (helder_edition_view_plan (self), days);
          last = helder_plan_service_last_edition (helder_edition_view_plan (self), FALSE);
          date = helder_editions_next_date (days, today, last ? helder_record_get_text (last, "date") : NULL);
          day = helder_editions_format_day (date);
        }
      text = day ? g_strdup_printf (_("The next edition comes out on %s."), day)
                 : g_strdup (_("No edition is being written."));
      gtk_label_set_text (self->next_label, text);
      gtk_stack_set_visible_child_name (self->next_stack, "new");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.new",
                                 self->service && draft == NULL &&
                                 helder_service_may_create (self->service, HELDER_TYPE_OMGEVINGSBEELD));
}

/* The open edition */

static void
update_actions (HelderEditionView *self)
{
  gboolean open = self->follower != NULL && !helder_record_follower_get_deleted (self->follower);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.mark-sent", open && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.add-note", open && self->editable);
  helder_edition_view_add_update (self, open && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.move-up", open && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.move-down", open && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.export", open);
  gtk_widget_set_visible (self->send_button, open && self->editable);
}

static void
fill_edition (HelderEditionView *self)
{
  HelderRecord *edition = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  const char * const *readers;
  g_autofree char *title = NULL, *status = NULL, *joined = NULL;

  g_clear_pointer (&self->content, helder_edition_content_free);
  if (edition == NULL || helder_record_follower_get_deleted (self->follower))
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      update_actions (self);
      return;
    }
  self->editable = g_strcmp0 (helder_record_get_text (edition, "status"), "sent") != 0 &&
                   helder_service_may_create (self->service, HELDER_TYPE_OMGEVINGSBEELD);
  self->content = helder_plan_service_edition_content (helder_edition_view_plan (self), edition);

  self->filling = TRUE;
  title = helder_edition_format_title (edition);
  status = status_line (edition);
  gtk_label_set_text (self->edition_title, title);
  gtk_label_set_text (self->edition_status, status);
  readers = helder_record_get_list (edition, "sent_to");
  joined = readers ? g_strjoinv (", ", (char **) readers) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->recipients_row), joined);
  gtk_editable_set_editable (GTK_EDITABLE (self->recipients_row), self->editable);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->intro_view),
                            helder_record_get_text (edition, "intro") ?: "", -1);
  gtk_text_view_set_editable (self->intro_view, self->editable);
  self->filling = FALSE;
  helder_edition_view_fill_items (self);
  gtk_stack_set_visible_child_name (self->editor_stack, "edition");
  update_actions (self);
}

static void
follower_changed (HelderEditionView *self,
                  HelderFollowEvent  event,
                  HelderRecord      *stored)
{
  /* Under edits the next save merges what came in */
  if (event != HELDER_FOLLOW_CHANGED_UNDER_EDITS)
    fill_edition (self);
}

/**
 * helder_edition_view_open:
 *
 * Opens the edition @edition_id in the right column.
 *
 * Returns: whether the store has it
 */
gboolean
helder_edition_view_open (HelderEditionView *self,
                          const char        *edition_id)
{
  g_autoptr(HelderRecord) edition = NULL;

  g_return_val_if_fail (HELDER_IS_EDITION_VIEW (self), FALSE);

  if (self->service == NULL)
    return FALSE;
  if (self->save_id != 0)
    helder_edition_view_save_now (self);
  edition = helder_service_load (self->service, HELDER_TYPE_OMGEVINGSBEELD, edition_id);
  g_clear_object (&self->follower);
  if (edition != NULL && !helder_record_get_deleted (edition))
    {
      self->follower = helder_record_follower_new (self->service, edition);
      g_signal_connect_object (self->follower, "changed", G_CALLBACK (follower_changed), self, G_CONNECT_SWAPPED);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor_stack));
    }
  fill_edition (self);
  return self->follower != NULL;
}

const char *
helder_edition_view_get_open_id (HelderEditionView *self)
{
  g_return_val_if_fail (HELDER_IS_EDITION_VIEW (self), NULL);

  return self->follower ? helder_record_follower_get_id (self->follower) : NULL;
}

static void
draft_activated (HelderEditionView *self)
{
  if (self->draft_id != NULL)
    {
      gtk_single_selection_set_selected (self->archive_selection, GTK_INVALID_LIST_POSITION);
      helder_edition_view_open (self, self->draft_id);
    }
}

static void
archive_selected (HelderEditionView *self)
{
  HelderRecord *edition = gtk_single_selection_get_selected_item (self->archive_selection);

  if (edition != NULL && g_strcmp0 (helder_record_get_id (edition), helder_edition_view_get_open_id (self)) != 0)
    helder_edition_view_open (self, helder_record_get_id (edition));
}

static void
editions_changed (HelderEditionView *self)
{
  g_autofree char *draft = g_strdup (self->draft_id);

  update_next (self);
  update_archive_state (self);
  /* a new draft (made here or pulled) opens when nothing else is */
  if (self->draft_id != NULL && self->follower == NULL && g_strcmp0 (draft, self->draft_id) != 0)
    helder_edition_view_open (self, self->draft_id);
}

static void
back_clicked (HelderEditionView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_column);
}

static void
folded_changed (HelderEditionView *self)
{
  gtk_widget_set_visible (self->edition_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
edition_changed (HelderEditionView *self)
{
  helder_edition_view_changed (self);
}

/* Live lists of what a new edition starts from: kept in step with the
 * store, so starting an edition reads nothing. */
static void
ensure_sources (HelderEditionView *self)
{
  GType types[] = { HELDER_TYPE_TOPIC, HELDER_TYPE_SIGNAL, HELDER_TYPE_MESSAGE, HELDER_TYPE_WORKS,
                    HELDER_TYPE_COUNCIL_MEETING };

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (self->sources));
  for (guint i = 0; self->service != NULL && i < G_N_ELEMENTS (types); i++)
    if (self->sources[i] == NULL)
      self->sources[i] = helder_service_list (self->service, types[i]);
}

static void
clear_sources (HelderEditionView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sources); i++)
    g_clear_object (&self->sources[i]);
}

/* Actions */

static void
new_edition (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);
  g_autofree char *today = helder_plan_today ();
  g_autoptr(HelderRecord) edition = NULL;
  g_autoptr(GError) error = NULL;
  HelderEditionLists lists;

  if (helder_edition_view_plan (self) == NULL)
    return;
  ensure_sources (self);
  lists.topics = G_LIST_MODEL (self->sources[0]);
  lists.signals = G_LIST_MODEL (self->sources[1]);
  lists.messages = G_LIST_MODEL (self->sources[2]);
  lists.works = G_LIST_MODEL (self->sources[3]);
  lists.meetings = G_LIST_MODEL (self->sources[4]);
  edition = helder_plan_service_edition_new_from (helder_edition_view_plan (self), today, &lists, &error);
  if (edition == NULL)
    {
      helder_edition_view_show_error (self, _("Could not start the next edition"), error);
      return;
    }
  update_next (self);
  helder_edition_view_open (self, helder_record_get_id (edition));
}

static void
mark_sent (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);
  g_autoptr(HelderRecord) edition = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *text = NULL, *id = NULL;

  if (self->follower == NULL)
    return;
  helder_edition_view_save_now (self);
  id = g_strdup (helder_record_follower_get_id (self->follower));
  edition = helder_record_follower_copy (helder_record_follower_get_base (self->follower));
  if (!helder_plan_service_edition_mark_sent (helder_edition_view_plan (self), edition, now, &error))
    {
      helder_edition_view_show_error (self, _("Could not mark the edition as sent"), error);
      return;
    }
  title = helder_edition_format_title (edition);
  text = g_strdup_printf (_("%s marked as sent"), title);
  toast (self, text);
  helder_edition_view_open (self, id);
}

static void
add_note (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  helder_edition_view_add_note (HELDER_EDITION_VIEW (widget));
}

static void
move_focused (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);
  int index = helder_edition_view_focused_item (self);
  int step = g_str_equal (action, "edition.move-up") ? -1 : 1;

  if (index >= 0 && index + step >= 0)
    helder_edition_view_move_item (self, index, index + step);
}

static void
find (GtkWidget  *widget,
      const char *action,
      GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_column);
  gtk_widget_grab_focus (GTK_WIDGET (self->archive_search));
}

static HelderEditionFormat
format_from_name (const char *name)
{
  if (g_strcmp0 (name, "pdf") == 0)
    return HELDER_EDITION_FORMAT_PDF;
  if (g_strcmp0 (name, "html") == 0)
    return HELDER_EDITION_FORMAT_HTML;
  return HELDER_EDITION_FORMAT_TEXT;
}

/**
 * helder_edition_view_export_to:
 *
 * Writes the open edition to @file in @format (what the export dialog's
 * answer does), and says so in a toast.
 */
gboolean
helder_edition_view_export_to (HelderEditionView    *self,
                               HelderEditionFormat   format,
                               GFile                *file,
                               GError              **error)
{
  g_autoptr(HelderEditionExport) export = NULL;
  g_autofree char *name = NULL, *text = NULL;

  g_return_val_if_fail (HELDER_IS_EDITION_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->follower == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No edition is open."));
      return FALSE;
    }
  helder_edition_view_save_now (self);
  export = helder_edition_export_new_for_record (helder_edition_view_plan (self),
                                                 helder_record_follower_get_base (self->follower));
  if (!helder_edition_export_save (export, format, file, NULL, error))
    return FALSE;
  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Saved as “%s”"), name);
  toast (self, text);
  return TRUE;
}

static void
export_response (GtkNativeDialog   *chooser,
                 int                response,
                 HelderEditionView *self)
{
  HelderEditionFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !helder_edition_view_export_to (self, format, file, &error))
    helder_edition_view_show_error (self, _("Could not export the edition"), error);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);
}

static void
export_edition (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (widget);
  HelderEditionFormat format = format_from_name (g_variant_get_string (parameter, NULL));
  g_autoptr(HelderEditionExport) export = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  HelderRecord *edition;

  if (self->follower == NULL)
    return;
  helder_edition_view_save_now (self);
  edition = helder_record_follower_get_base (self->follower);
  export = helder_edition_export_new_for_record (helder_edition_view_plan (self), edition);
  name = helder_edition_export_file_name (export, format);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Edition"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The service */

HelderService *
helder_edition_view_get_service (HelderEditionView *self)
{
  g_return_val_if_fail (HELDER_IS_EDITION_VIEW (self), NULL);

  return self->service;
}

void
helder_edition_view_set_service (HelderEditionView *self,
                                 HelderService     *service)
{
  g_return_if_fail (HELDER_IS_EDITION_VIEW (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  if (self->save_id != 0)
    helder_edition_view_save_now (self);
  g_clear_object (&self->follower);
  gtk_list_view_set_model (self->archive_list, NULL);
  g_clear_object (&self->archive_selection);
  g_clear_object (&self->archive);
  g_clear_object (&self->editions);
  clear_sources (self);
  g_set_object (&self->service, service);

  if (HELDER_IS_PLAN_SERVICE (service))
    {
      self->editions = helder_service_list (service, HELDER_TYPE_OMGEVINGSBEELD);
      helder_record_list_set_sort_keys (self->editions, "-date, -number");
      self->archive = helder_plan_service_editions_archive (HELDER_PLAN_SERVICE (service));
      self->archive_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->archive)));
      gtk_single_selection_set_autoselect (self->archive_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->archive_selection, TRUE);
      gtk_single_selection_set_selected (self->archive_selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->archive_selection, "notify::selected-item", G_CALLBACK (archive_selected), self,
                               G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->archive_list, GTK_SELECTION_MODEL (self->archive_selection));
      g_signal_connect_object (self->editions, "items-changed", G_CALLBACK (editions_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->archive, "notify::n-items", G_CALLBACK (update_archive_state), self,
                               G_CONNECT_SWAPPED);
    }
  update_next (self);
  update_archive_state (self);
  if (self->draft_id != NULL)
    helder_edition_view_open (self, self->draft_id);
  else
    fill_edition (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

static void
helder_edition_view_dispose (GObject *object)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (object);

  helder_edition_view_set_service (self, NULL);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (helder_edition_view_parent_class)->dispose (object);
}

static void
helder_edition_view_finalize (GObject *object)
{
  HelderEditionView *self = HELDER_EDITION_VIEW (object);

  g_clear_pointer (&self->content, helder_edition_content_free);
  g_free (self->draft_id);

  G_OBJECT_CLASS (helder_edition_view_parent_class)->finalize (object);
}

static void
helder_edition_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, HELDER_EDITION_VIEW (object)->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_edition_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_edition_view_set_service (HELDER_EDITION_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_edition_view_class_init (HelderEditionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_edition_view_dispose;
  object_class->finalize = helder_edition_view_finalize;
  object_class->get_property = helder_edition_view_get_property;
  object_class->set_property = helder_edition_view_set_property;

  /* The planner's service: editions, topics, signals, the calendar */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-edition-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, list_column);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, next_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, draft_row);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, draft_title);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, draft_subtitle);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, archive_search);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, archive_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, archive_list);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, edition_back_button);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, edition_title);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, edition_status);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, send_button);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, recipients_row);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, intro_view);
  gtk_widget_class_bind_template_child (widget_class, HelderEditionView, items_box);
  gtk_widget_class_bind_template_callback (widget_class, archive_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, draft_activated);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, edition_changed);
  helder_edition_view_add_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "edition.new", NULL, new_edition);
  gtk_widget_class_install_action (widget_class, "edition.mark-sent", NULL, mark_sent);
  gtk_widget_class_install_action (widget_class, "edition.add-note", NULL, add_note);
  gtk_widget_class_install_action (widget_class, "edition.move-up", NULL, move_focused);
  gtk_widget_class_install_action (widget_class, "edition.move-down", NULL, move_focused);
  gtk_widget_class_install_action (widget_class, "edition.export", "s", export_edition);
  gtk_widget_class_install_action (widget_class, "edition.find", NULL, find);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "edition.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "edition.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "edition.find", NULL);
}

static void
helder_edition_view_init (HelderEditionView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  helder_edition_view_add_init (self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_edition_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_edition_row), self);
  gtk_list_view_set_factory (self->archive_list, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->intro_view), "changed", G_CALLBACK (edition_changed),
                           self, G_CONNECT_SWAPPED);
  /* the lists a new edition starts from are made when the view first shows */
  g_signal_connect (self, "map", G_CALLBACK (ensure_sources), NULL);
  folded_changed (self);
  update_actions (self);
}
