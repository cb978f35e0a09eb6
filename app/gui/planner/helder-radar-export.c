/* helder-radar-export.c: the Radar view's export and import: CSV, the radar as PNG, the quarterly report
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-radar-export"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-radar-export.h"
#include "helder-window.h"
#include "plan/helder-plan-csv.h"
#include "plan/helder-plan-quarter.h"
#include "report/helder-quarter-report.h"

/* What the view's export menu does.  Files are chosen with
 * GtkFileChooserNative (GTK 4.8; the portal in the Flatpak); the import
 * shows what it will do, with the file's errors by line, before it saves
 * anything. */

static HelderPlanService *
plan_of (HelderRadarView *view)
{
  HelderService *service = helder_radar_view_get_service (view);

  return HELDER_IS_PLAN_SERVICE (service) ? HELDER_PLAN_SERVICE (service) : NULL;
}

static void
toast (HelderRadarView *view,
       const char      *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), adw_toast_new (text));
}

static void
show_error (HelderRadarView *view,
            const char      *title,
            const GError    *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (view), "win.show-error", "(ss)", title, error ? error->message : ""))
    g_warning ("%s: %s", title, error ? error->message : "");
}

static void
saved (HelderRadarView *view,
       GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a file was written; its name */
  g_autofree char *text = g_strdup_printf (_("Saved as “%s”"), name);

  toast (view, text);
}

gboolean
helder_radar_save_csv (HelderRadarView  *view,
                       GFile            *file,
                       GError          **error)
{
  HelderPlanService *plan = plan_of (view);
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GListModel) priorities = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);

  topics = G_LIST_MODEL (helder_plan_service_topics (plan, HELDER_TOPIC_ORDER_SCORE));
  priorities = G_LIST_MODEL (helder_plan_service_priorities (plan));
  bytes = helder_plan_csv_export (topics, priorities);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* The radar as it is on screen, on the window's background. */
gboolean
helder_radar_save_png (HelderRadarView  *view,
                       GFile            *file,
                       GError          **error)
{
  GtkWidget *radar = GTK_WIDGET (helder_radar_view_get_radar (view));
  GtkNative *native = gtk_widget_get_native (radar);
  int w = gtk_widget_get_width (radar), h = gtk_widget_get_height (radar);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_file_get_path (file);
  GtkSnapshot *snapshot;
  GdkRGBA background = { 1, 1, 1, 1 };

  if (native == NULL || w <= 0 || h <= 0 || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The radar is not on screen."));
      return FALSE;
    }
  gtk_style_context_lookup_color (gtk_widget_get_style_context (radar), "window_bg_color", &background);
  paintable = gtk_widget_paintable_new (radar);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), path);
      return FALSE;
    }
  return TRUE;
}

static char *
organisation_name (HelderPlanService *plan)
{
  g_autoptr(GListModel) organisations = helder_store_list (helder_service_get_store (HELDER_SERVICE (plan)),
                                                           HELDER_TYPE_ORGANISATION, NULL);
  g_autoptr(HelderRecord) first = organisations != NULL && g_list_model_get_n_items (organisations) > 0
                                  ? g_list_model_get_item (organisations, 0) : NULL;

  return g_strdup (first != NULL ? helder_record_get_text (first, "name") : _("Municipality"));
}

/* The quarterly report of the quarter under review (or closed last) */
gboolean
helder_radar_save_pdf (HelderRadarView  *view,
                       GFile            *file,
                       GError          **error)
{
  HelderPlanService *plan = plan_of (view);
  const char *quarter = helder_radar_view_get_quarter (view);
  g_autofree char *previous = helder_quarter_offset (quarter, -1);
  g_autofree char *organisation = NULL;
  g_autoptr(HelderQuarterSnapshot) snapshot = NULL;
  g_autoptr(HelderQuarterSnapshot) before = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(HelderRecord) record = NULL;
  g_autoptr(HelderPdf) pdf = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HelderRadarWidget *radar = helder_radar_view_get_radar (view);

  g_return_val_if_fail (plan != NULL, FALSE);

  if ((snapshot = helder_plan_quarter_snapshot (plan, quarter, error)) == NULL)
    return FALSE;
  if (helder_plan_quarter_is_closed (plan, previous))
    {
      if ((before = helder_plan_quarter_snapshot (plan, previous, error)) == NULL)
        return FALSE;
      changes = helder_quarter_compare (before, snapshot);
    }
  for (guint i = 0; i < snapshot->topics->len; i++)
    {
      HelderSnapshotTopic *topic = snapshot->topics->pdata[i];

      g_hash_table_insert (counts, g_strdup (topic->id),
                           GUINT_TO_POINTER (helder_radar_widget_count_signals (radar, topic->id)));
    }
  record = helder_plan_quarter_find (plan, quarter);
  organisation = organisation_name (plan);
  pdf = helder_quarter_report_new (organisation, quarter, helder_plan_quarter_is_closed (plan, quarter),
                                   record != NULL ? helder_record_get_text (record, "closed_by") : NULL,
                                   snapshot, changes, counts);
  return helder_pdf_save (pdf, file, NULL, error);
}

/* File choosers */

typedef gboolean (*SaveFunc) (HelderRadarView *view, GFile *file, GError **error);

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               gpointer         data)
{
  HelderRadarView *view = g_object_get_data (G_OBJECT (chooser), "view");
  SaveFunc save = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (save (view, file, &error))
        saved (view, file);
      else
        show_error (view, _("Could not save the file"), error);
    }
  g_object_unref (chooser);
}

static void
choose_file (HelderRadarView      *view,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *name,
             const char           *pattern,
             GCallback             response,
             gpointer              data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "view", g_object_ref (view), g_object_unref);
  g_signal_connect (chooser, "response", response, data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
helder_radar_export_csv (HelderRadarView *view)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.csv", _("topics-and-priorities"), helder_radar_view_get_quarter (view));

  choose_file (view, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Topics and Priorities"), name, "*.csv",
               G_CALLBACK (save_response), helder_radar_save_csv);
}

void
helder_radar_export_png (HelderRadarView *view)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", _("radar"), helder_radar_view_get_quarter (view));

  choose_file (view, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Radar as Image"), name, "*.png",
               G_CALLBACK (save_response), helder_radar_save_png);
}

void
helder_radar_export_pdf (HelderRadarView *view)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", _("quarterly-report"), helder_radar_view_get_quarter (view));

  choose_file (view, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Quarterly Report"), name, "*.pdf",
               G_CALLBACK (save_response), helder_radar_save_pdf);
}

/* Import: a preview, then one transaction */

static void
import_response (AdwMessageDialog    *dialog,
                 const char          *response,
                 HelderRadarView     *view)
{
  HelderPlanCsvImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "import") != 0 || import == NULL)
    return;
  if (!helder_plan_csv_apply (plan_of (view), import, &error))
    show_error (view, _("Could not import the file"), error);
  else
    toast (view, _("Imported"));
}

/**
 * helder_radar_preview_import:
 *
 * Returns: (transfer floating): the dialog that shows what importing
 *   @file does ("import" saves it), or %NULL with @error set when the file
 *   cannot be read as topics and priorities
 */
AdwMessageDialog *
helder_radar_preview_import (HelderRadarView  *view,
                             GFile            *file,
                             GError          **error)
{
  HelderPlanService *plan = plan_of (view);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GListModel) priorities = NULL;
  HelderPlanCsvImport *import;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWidget *dialog;

  g_return_val_if_fail (plan != NULL, NULL);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  topics = G_LIST_MODEL (helder_plan_service_topics (plan, HELDER_TOPIC_ORDER_TITLE));
  priorities = G_LIST_MODEL (helder_plan_service_priorities (plan));
  if ((import = helder_plan_csv_parse (data, length, topics, priorities, error)) == NULL)
    return NULL;

  /* Translators: the import's preview; the file's name */
  heading = g_strdup_printf (_("Import “%s”?"), name);
  /* Translators: what the import does: new, changed and unchanged rows */
  body = g_strdup_printf (_("New: %u · changed: %u · unchanged: %u."), helder_plan_csv_count (import, TRUE, FALSE),
                          helder_plan_csv_count (import, FALSE, TRUE), helder_plan_csv_count (import, FALSE, FALSE));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (import->errors->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *label = gtk_label_new (NULL);

      for (guint i = 0; i < import->errors->len && i < 12; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) import->errors->pdata[i]);
      if (import->errors->len > 12)
        g_string_append_printf (text, "\n%s", _("…and more: correct these first."));
      gtk_label_set_text (GTK_LABEL (label), text->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The file has errors. Correct them and import it again; nothing is saved "
                                     "until every line is right."));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
    }
  g_object_set_data_full (G_OBJECT (dialog), "import", import, (GDestroyNotify) helder_plan_csv_import_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response), view, 0);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               gpointer         data)
{
  HelderRadarView *view = g_object_get_data (G_OBJECT (chooser), "view");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      AdwMessageDialog *dialog = helder_radar_preview_import (view, file, &error);

      if (dialog != NULL)
        gtk_window_present (GTK_WINDOW (dialog));
      else
        show_error (view, _("Could not read the file"), error);
    }
  g_object_unref (chooser);
}

void
helder_radar_import_csv (HelderRadarView *view)
{
  choose_file (view, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Topics and Priorities"), NULL, "*.csv",
               G_CALLBACK (open_response), NULL);
}
