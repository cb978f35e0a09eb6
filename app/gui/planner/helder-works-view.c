/* helder-works-view.c: Werkzaamheden: works in the street with their warnings, and their detail
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-works-view"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "helder-works-view.h"
#include "helder-works-view-private.h"
#include "helder-window.h"
#include "plan/helder-plan-exchange.h"
#include "model/helder-record-format.h"
#include "plan/helder-plan-works.h"
#include "service/helder-record-follower.h"
#include "helder-tooltip.h"

/* The list shows every works with a badge for its warnings (the
 * residents' letter, overlaps in one street), the detail column edits
 * every field and says in words what is wrong and what to do.  The
 * warnings come from the core's rules, recomputed shortly after the
 * store changes; the form follows its record and saves a moment after
 * the last keystroke, through the service. */

#define REFRESH_DELAY_MS 150


G_DEFINE_FINAL_TYPE (HelderWorksView, helder_works_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


HelderPlanService *
helder_works_view_plan (HelderWorksView *self)
{
  return HELDER_IS_PLAN_SERVICE (self->service) ? HELDER_PLAN_SERVICE (self->service) : NULL;
}

static HelderRecord *
selected (HelderWorksView *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

void
helder_works_view_show_error (HelderWorksView *self,
            const char      *title,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_show_error (HELDER_WINDOW (root), title, error ? error->message : NULL);
  else
    g_warning ("%s: %s", title, error ? error->message : "");
}

static void
toast (HelderWorksView *self,
       AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* The list */

GPtrArray *
helder_works_view_warnings_of (HelderWorksView *self,
             HelderRecord    *works)
{
  return works ? g_hash_table_lookup (self->warnings, helder_record_get_id (works)) : NULL;
}

static char *
works_subtitle (HelderRecord *works)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) streets = helder_works_streets (works);
  g_autofree char *start = helder_works_format_day (helder_record_get_text (works, "start_date"));
  g_autofree char *end = helder_works_format_day (helder_record_get_text (works, "end_date"));
  const char *wijk = helder_record_get_text (works, "wijk");

  if (streets->len > 0)
    g_ptr_array_add (parts, streets->len > 1
                            /* Translators: the first street of works and how many more */
                            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                                            streets->len - 1),
                                               (char *) streets->pdata[0], streets->len - 1)
                            : g_strdup (streets->pdata[0]));
  if (wijk != NULL && *wijk != '\0')
    g_ptr_array_add (parts, g_strdup (wijk));
  if (start != NULL)
    g_ptr_array_add (parts, end ? g_strdup_printf (_("%s – %s"), start, end) : g_strdup (start));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_row (HelderWorksView *self,
            GtkWidget       *row)
{
  HelderRecord *works = g_object_get_data (G_OBJECT (row), "works");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  GtkWidget *count = g_object_get_data (G_OBJECT (row), "count");
  GPtrArray *warnings = helder_works_view_warnings_of (self, works);
  g_autofree char *sub = works ? works_subtitle (works) : NULL;
  g_autoptr(GString) tip = g_string_new (NULL);
  g_autofree char *n = NULL, *label = NULL;

  if (works == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (title), helder_record_get_title (works));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_widget_set_visible (badge, warnings != NULL && warnings->len > 0);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_string_append_printf (tip, "%s%s", i ? "\n" : "", ((HelderWorksWarning *) warnings->pdata[i])->title);
  n = g_strdup_printf ("%u", warnings ? warnings->len : 0);
  gtk_label_set_text (GTK_LABEL (count), n);
  helder_widget_set_tooltip (badge, tip->len ? tip->str : NULL);
  /* the row reads as one: title, where and when, what is wrong */
  label = tip->len ? g_strdup_printf ("%s, %s. %s", helder_record_get_title (works), sub, tip->str)
                   : g_strdup_printf ("%s, %s", helder_record_get_title (works), sub);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row) ? gtk_widget_get_parent (row) : row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HelderWorksView          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* the list keeps its width; long titles end in an ellipsis */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (badge), count);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "warning");
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), badge);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "count", count);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HelderWorksView          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (row), "works", g_object_ref (gtk_list_item_get_item (item)), g_object_unref);
  g_hash_table_add (self->rows, row);
  update_row (self, row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HelderWorksView          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_hash_table_remove (self->rows, row);
  g_object_set_data (G_OBJECT (row), "works", NULL);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HelderWorksView          *self)
{
  g_hash_table_remove (self->rows, gtk_list_item_get_child (item));
}

static gboolean
search_matches (gpointer item,
                gpointer data)
{
  HelderWorksView *self = data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->works_search_entry));
  g_autofree char *haystack = NULL, *needle = NULL;
  g_autoptr(GPtrArray) streets = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (query == NULL || *query == '\0')
    return TRUE;
  streets = helder_works_streets (item);
  g_string_append_printf (text, "%s %s %s", helder_record_get_title (item) ?: "",
                          helder_record_get_text (item, "wijk") ?: "",
                          helder_record_get_text (item, "contact") ?: "");
  for (guint i = 0; i < streets->len; i++)
    g_string_append_printf (text, " %s", (char *) streets->pdata[i]);
  haystack = g_utf8_casefold (text->str, -1);
  needle = g_utf8_casefold (query, -1);
  return strstr (haystack, g_strstrip (needle)) != NULL;
}

static void
search_changed (HelderWorksView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_list_state (HelderWorksView *self)
{
  guint n = self->works ? g_list_model_get_n_items (G_LIST_MODEL (self->works)) : 0;
  guint attention = 0;
  g_autofree char *summary = NULL;
  GHashTableIter iter;
  gpointer value;

  gtk_stack_set_visible_child_name (self->works_list_stack, n > 0 ? "list" : "empty");
  g_hash_table_iter_init (&iter, self->warnings);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    attention += ((GPtrArray *) value)->len > 0;
  if (n == 0)
    summary = NULL;
  else if (attention == 0)
    summary = g_strdup (_("Residents of every works are told in time."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u works needs attention",
                                            "%u works need attention", attention), attention);
  gtk_label_set_text (self->works_summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->works_summary_label), summary != NULL);
}

/* Warnings (the desktop is told of them by the application's
 * HelderPlanNotifier, whichever page is open) */

static void
refresh_warnings (HelderWorksView *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *today = helder_plan_today ();
  GHashTableIter iter;
  gpointer row;

  g_hash_table_remove_all (self->warnings);
  if (helder_works_view_plan (self) != NULL)
    {
      /* on the lists the view holds: nothing read from the store */
      all = helder_plan_service_works_warnings_from (helder_works_view_plan (self), G_LIST_MODEL (self->works),
                                                     G_LIST_MODEL (self->messages), today);
      for (guint i = 0; i < all->len; i++)
        {
          HelderWorksWarning *warning = all->pdata[i];
          GPtrArray *list = g_hash_table_lookup (self->warnings, warning->works);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_works_warning_free);
              g_hash_table_insert (self->warnings, g_strdup (warning->works), list);
            }
          g_ptr_array_add (list, g_steal_pointer (&all->pdata[i]));
        }
    }
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);
  update_list_state (self);
  if (!self->filling)
    helder_works_view_fill_dynamic (self);
}

static gboolean
refresh_cb (gpointer data)
{
  HelderWorksView *self = data;

  self->refresh_id = 0;
  refresh_warnings (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed (HelderWorksView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static gboolean select_position (HelderWorksView *self,
                                 const char      *works_id);

/* A record the store changed comes back as a new object, which drops
 * the selection: the same works is chosen again. */
static gboolean
reselect_cb (gpointer data)
{
  HelderWorksView *self = data;

  self->reselect_id = 0;
  if (self->follower != NULL && selected (self) == NULL &&
      !select_position (self, helder_record_follower_get_id (self->follower)))
    {
      g_clear_object (&self->follower);
      helder_works_view_fill_form (self);
    }
  return G_SOURCE_REMOVE;
}

static void
selection_changed (HelderWorksView *self)
{
  HelderRecord *works = selected (self);

  if (works != NULL && self->follower != NULL &&
      g_strcmp0 (helder_record_get_id (works), helder_record_follower_get_id (self->follower)) == 0)
    return;
  if (works == NULL && self->follower != NULL && !helder_record_follower_get_deleted (self->follower) &&
      helder_record_list_lookup (self->works, helder_record_follower_get_id (self->follower), NULL))
    {
      if (self->reselect_id == 0)
        self->reselect_id = g_idle_add (reselect_cb, self);
      return;
    }

  if (self->save_id != 0)
    helder_works_view_save_now (self);
  g_clear_object (&self->follower);
  if (works != NULL && self->service != NULL)
    {
      self->follower = helder_record_follower_new (self->service, works);
      g_signal_connect_object (self->follower, "changed", G_CALLBACK (helder_works_view_follower_changed), self, G_CONNECT_SWAPPED);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->works_detail_stack));
    }
  helder_works_view_fill_form (self);
}

static void
back_clicked (HelderWorksView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_column);
}

static void
folded_changed (HelderWorksView *self)
{
  gtk_widget_set_visible (self->works_back_button, adw_leaflet_get_folded (self->leaflet));
}

/**
 * helder_works_view_select:
 *
 * Shows the works @works_id (clearing a search that hides it).
 *
 * Returns: whether the list has it
 */
gboolean
helder_works_view_select (HelderWorksView *self,
                          const char      *works_id)
{
  g_return_val_if_fail (HELDER_IS_WORKS_VIEW (self), FALSE);

  if (self->selection == NULL || works_id == NULL)
    return FALSE;
  if (!helder_record_list_lookup (self->works, works_id, NULL))
    return FALSE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->works_search_entry)), "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->works_search_entry), "");
  search_changed (self);
  return select_position (self, works_id);
}

static gboolean
select_position (HelderWorksView *self,
                 const char      *works_id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) works = g_list_model_get_item (model, i);

      if (g_strcmp0 (helder_record_get_id (works), works_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->works_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Actions */

static void
new_works (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);
  g_autoptr(HelderRecord) works = NULL;
  g_autoptr(GError) error = NULL;

  if (self->service == NULL)
    return;
  works = helder_service_create (self->service, HELDER_TYPE_WORKS, _("New works"), &error);
  if (works == NULL)
    {
      helder_works_view_show_error (self, _("Could not add works"), error);
      return;
    }
  helder_works_view_select (self, helder_record_get_id (works));
  gtk_widget_grab_focus (GTK_WIDGET (self->works_title_row));
}

static void
plan_letter (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);
  HelderRecord *works = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  g_autoptr(HelderRecord) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = helder_plan_today (), *day = NULL, *text = NULL;

  if (works == NULL || helder_works_view_plan (self) == NULL)
    return;
  if (self->save_id != 0)
    helder_works_view_save_now (self);
  letter = helder_plan_service_create_works_letter (helder_works_view_plan (self), works, today, &error);
  if (letter == NULL)
    {
      helder_works_view_show_error (self, _("Could not plan the residents’ letter"), error);
      return;
    }
  day = helder_works_format_day (helder_record_get_text (letter, "window_start"));
  text = day ? g_strdup_printf (_("Residents’ letter planned from %s"), day)
             : g_strdup (_("Residents’ letter planned"));
  toast (self, adw_toast_new (text));
  store_changed (self);
}

static void
open_message (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);
  g_autoptr(HelderRecord) message = NULL, document = NULL;
  g_autoptr(GError) error = NULL;

  if (helder_works_view_plan (self) == NULL)
    return;
  message = helder_service_load (self->service, HELDER_TYPE_MESSAGE, g_variant_get_string (parameter, NULL));
  if (message == NULL)
    return;
  document = helder_plan_service_message_text (helder_works_view_plan (self), message, &error);
  if (document == NULL)
    {
      helder_works_view_show_error (self, _("Could not open the message’s text"), error);
      return;
    }
  gtk_widget_activate_action (widget, "win.open-document", "s", helder_record_get_id (document));
}

static void
select_works (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  helder_works_view_select (HELDER_WORKS_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
undo_delete (AdwToast        *toast,
             HelderWorksView *self)
{
  HelderRecord *works = g_object_get_data (G_OBJECT (toast), "works");
  g_autoptr(GError) error = NULL;

  if (self->service != NULL && !helder_service_restore (self->service, works, &error))
    helder_works_view_show_error (self, _("Could not restore the works"), error);
}

static void
delete_works (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);
  HelderRecord *base = self->follower ? helder_record_follower_get_base (self->follower) : NULL;
  g_autoptr(HelderRecord) works = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *t;

  if (base == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  works = helder_record_follower_copy (base);
  if (!helder_service_delete (self->service, works, &error))
    {
      helder_works_view_show_error (self, _("Could not delete the works"), error);
      return;
    }
  text = g_strdup_printf (_("“%s” deleted"), helder_record_get_title (works));
  t = adw_toast_new (text);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "works", g_steal_pointer (&works), g_object_unref);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  toast (self, t);
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 HelderWorksView *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "csv"));
  g_autoptr(GError) error = NULL;

  if (file != NULL && helder_works_view_plan (self) != NULL)
    {
      if (helder_works_view_export (self, csv, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Saved as “%s”"), name);

          toast (self, adw_toast_new (text));
        }
      else
        helder_works_view_show_error (self, _("Could not export the calendar"), error);
    }
  g_object_unref (chooser);
}

/**
 * helder_works_view_export:
 * @csv: the messages as CSV; otherwise every message, works and council
 *   meeting as iCalendar
 *
 * Writes the export to @file (what the export dialog's answer does).
 */
gboolean
helder_works_view_export (HelderWorksView  *self,
                          gboolean          csv,
                          GFile            *file,
                          GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HELDER_IS_WORKS_VIEW (self), FALSE);
  g_return_val_if_fail (helder_works_view_plan (self) != NULL, FALSE);

  if (csv)
    bytes = helder_plan_service_messages_csv (helder_works_view_plan (self));
  else
    {
      g_autoptr(HelderIcsCalendar) calendar = helder_plan_service_calendar_ics (helder_works_view_plan (self));
      char *text = helder_ics_calendar_to_string (calendar, NULL);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
export_calendar (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean csv = g_str_equal (action, "works.export-csv");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (csv ? _("Export the Messages") : _("Export the Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file names of the exported calendar and messages */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     csv ? _("messages.csv") : _("communication-calendar.ics"));
  g_object_set_data (G_OBJECT (chooser), "csv", GINT_TO_POINTER (csv));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
find (GtkWidget  *widget,
      const char *action,
      GVariant   *parameter)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_column);
  gtk_widget_grab_focus (GTK_WIDGET (self->works_search_entry));
}

/* The service */

HelderService *
helder_works_view_get_service (HelderWorksView *self)
{
  g_return_val_if_fail (HELDER_IS_WORKS_VIEW (self), NULL);

  return self->service;
}

void
helder_works_view_set_service (HelderWorksView *self,
                               HelderService   *service)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;

  g_return_if_fail (HELDER_IS_WORKS_VIEW (self));
  g_return_if_fail (service == NULL || HELDER_IS_SERVICE (service));

  if (self->service == service)
    return;
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (helder_service_get_store (self->service), self);
  g_clear_object (&self->follower);
  gtk_list_view_set_model (self->works_list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->works);
  g_clear_object (&self->messages);
  g_clear_object (&self->audiences);
  g_set_object (&self->service, service);

  if (service != NULL)
    {
      self->works = helder_service_list (service, HELDER_TYPE_WORKS);
      self->messages = helder_service_list (service, HELDER_TYPE_MESSAGE);
      self->audiences = helder_service_list (service, HELDER_TYPE_AUDIENCE);
      helder_record_list_set_sort_keys (self->audiences, "name");
      filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->works)),
                                            GTK_FILTER (g_object_ref (self->filter)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->works, "notify::n-items", G_CALLBACK (update_list_state), self,
                               G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->works_list, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (helder_service_get_store (service), "changed", G_CALLBACK (store_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "works.new",
                                     helder_service_may_create (service, HELDER_TYPE_WORKS));
    }
  refresh_warnings (self);
  helder_works_view_fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

static void
helder_works_view_dispose (GObject *object)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (object);

  if (self->save_id != 0)
    helder_works_view_save_now (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  helder_works_view_set_service (self, NULL);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (helder_works_view_parent_class)->dispose (object);
}

static void
helder_works_view_finalize (GObject *object)
{
  HelderWorksView *self = HELDER_WORKS_VIEW (object);

  g_hash_table_unref (self->warnings);
  g_hash_table_unref (self->rows);
  g_ptr_array_unref (self->detail_rows);
  g_ptr_array_unref (self->audience_checks);
  g_free (self->start);
  g_free (self->end);

  G_OBJECT_CLASS (helder_works_view_parent_class)->finalize (object);
}

static void
helder_works_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, HELDER_WORKS_VIEW (object)->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_works_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SERVICE:
      helder_works_view_set_service (HELDER_WORKS_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_works_view_class_init (HelderWorksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_works_view_dispose;
  object_class->finalize = helder_works_view_finalize;
  object_class->get_property = helder_works_view_get_property;
  object_class->set_property = helder_works_view_set_property;

  /* The planner's service: works, messages, audiences and settings */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, HELDER_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-works-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, list_column);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_summary_label);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_list_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_list);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_back_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_title_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_location_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_streets_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_wijk_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_contact_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, start_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, end_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, lead_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_lead_spin);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, audiences_row);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_messages_group);
  gtk_widget_class_bind_template_child (widget_class, HelderWorksView, works_description_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "form_changed", G_CALLBACK (helder_works_view_form_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "start_selected", G_CALLBACK (helder_works_view_start_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "end_selected", G_CALLBACK (helder_works_view_end_selected));
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);

  gtk_widget_class_install_action (widget_class, "works.new", NULL, new_works);
  gtk_widget_class_install_action (widget_class, "works.plan-letter", NULL, plan_letter);
  gtk_widget_class_install_action (widget_class, "works.open-message", "s", open_message);
  gtk_widget_class_install_action (widget_class, "works.select", "s", select_works);
  gtk_widget_class_install_action (widget_class, "works.delete", NULL, delete_works);
  gtk_widget_class_install_action (widget_class, "works.find", NULL, find);
  gtk_widget_class_install_action (widget_class, "works.export-ics", NULL, export_calendar);
  gtk_widget_class_install_action (widget_class, "works.export-csv", NULL, export_calendar);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "works.find", NULL);
}

static void
helder_works_view_init (HelderWorksView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->detail_rows = g_ptr_array_new ();
  self->audience_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (search_matches, self, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
  gtk_list_view_set_factory (self->works_list, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->works_description_view), "changed",
                           G_CALLBACK (helder_works_view_form_changed), self, G_CONNECT_SWAPPED);
  /* in a window now: what is late can be told */
  folded_changed (self);
  update_list_state (self);
}
