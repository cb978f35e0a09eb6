/* helder-library-page-views.c: the library page's review, trainings and versions
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-library-history.h"
#include "helder-library-page-private.h"
#include "helder-training-pane.h"
#include "helder-window.h"
#include "model/helder-record-format.h"
#include "service/helder-record-follower.h"

/* "Te beoordelen" lists the documents the user looks after that are past
 * or near their review date, most overdue first, each with its
 * "Gecontroleerd"; the reader's banner says the same for the document
 * open.  "Trainingen" shows the chosen session beside the list.  The
 * versions open in a window of their own (a comparison wants the room). */

static AdwViewStack *
views (HelderLibraryPage *self)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_PAGE, "views"));
}

static void
toast (HelderLibraryPage *self,
       const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HELDER_IS_WINDOW (root))
    helder_window_add_toast (HELDER_WINDOW (root), adw_toast_new (text));
}

static gboolean
mark_checked (HelderLibraryPage *self,
              HelderRecord      *toolkit)
{
  HelderLibraryService *service = helder_library_page_get_library (self);
  g_autoptr(HelderRecord) copy = helder_record_follower_copy (toolkit);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autofree char *next = NULL;
  g_autofree char *text = NULL;

  if (!helder_library_service_mark_checked (service, copy, NULL, &error))
    {
      helder_page_show_error (HELDER_PAGE (self), _("Could not mark the document as checked"), error);
      return FALSE;
    }
  stored = helder_service_load (HELDER_SERVICE (service), HELDER_TYPE_TOOLKIT, helder_record_get_id (toolkit));
  next = helder_format_date (stored != NULL ? helder_record_get_text (stored, "next_review") : NULL);
  text = next != NULL ? g_strdup_printf (_("Checked; next review %s"), next) : g_strdup (_("Checked"));
  toast (self, text);
  return TRUE;
}

/* The banner */

void
helder_library_page_update_banner (HelderLibraryPage *self)
{
  HelderLibraryService *service = helder_library_page_get_library (self);
  HelderRecord *toolkit = helder_library_reader_get_toolkit (self->reader);
  g_autoptr(HelderReviewBanner) banner = NULL;

  if (service != NULL && toolkit != NULL)
    banner = helder_library_service_banner (service, toolkit, NULL);
  helder_library_reader_show_banner (self->reader, banner);
}

static void
on_check (HelderLibraryPage *self)
{
  HelderRecord *toolkit = helder_library_reader_get_toolkit (self->reader);

  if (toolkit != NULL)
    mark_checked (self, toolkit);
}

/* Te beoordelen */

static void
on_review_check (HelderLibraryPage *self,
                 GtkButton         *button)
{
  HelderRecord *toolkit = g_object_get_data (G_OBJECT (button), "toolkit");

  mark_checked (self, toolkit);
}

static void
on_review_activated (HelderLibraryPage *self,
                     GtkListBoxRow     *row)
{
  HelderRecord *toolkit = g_object_get_data (G_OBJECT (row), "toolkit");

  if (toolkit != NULL)
    helder_library_page_open_toolkit (self, toolkit);
}

static GtkWidget *
review_row (HelderLibraryPage *self,
            HelderRecord      *toolkit)
{
  HelderLibraryService *service = helder_library_page_get_library (self);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Checked"));
  g_autoptr(HelderReviewBanner) banner = helder_library_service_banner (service, toolkit, NULL);
  g_autofree char *next = helder_format_date (helder_record_get_text (toolkit, "next_review"));
  g_autofree char *subtitle = NULL;

  if (banner != NULL && banner->state == HELDER_REVIEW_EXPIRED && banner->title != NULL)
    subtitle = g_strdup (banner->title);
  else
    subtitle = g_strdup_printf (_("Review due %s"), next != NULL ? next : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), helder_record_get_title (toolkit));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (banner != NULL && banner->state == HELDER_REVIEW_EXPIRED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("The content is still right: record who checked it and when, and set the "
                                         "next review date"));
  g_object_set_data_full (G_OBJECT (button), "toolkit", g_object_ref (toolkit), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_review_check), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data_full (G_OBJECT (row), "toolkit", g_object_ref (toolkit), g_object_unref);
  return row;
}

void
helder_library_page_update_review (HelderLibraryPage *self)
{
  HelderLibraryService *service = helder_library_page_get_library (self);
  g_autoptr(GPtrArray) due = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list))) != NULL)
    gtk_list_box_remove (self->review_list, child);
  if (service != NULL)
    due = helder_library_service_to_review (service, NULL, NULL);
  for (guint i = 0; due != NULL && i < due->len; i++)
    gtk_list_box_append (self->review_list, review_row (self, due->pdata[i]));
  gtk_stack_set_visible_child_name (self->review_stack, due != NULL && due->len > 0 ? "list" : "empty");
  /* The switcher counts them */
  g_object_set (adw_view_stack_get_page (views (self), GTK_WIDGET (self->review_stack)),
                "badge-number", due != NULL ? due->len : 0, "needs-attention", due != NULL && due->len > 0, NULL);
}

static void
on_toolkits_changed (HelderLibraryPage *self)
{
  helder_library_page_update_review (self);
  helder_library_page_update_banner (self);
}

/* Versies */

static void
on_history (HelderLibraryPage *self)
{
  HelderRecord *toolkit = helder_library_reader_get_toolkit (self->reader);
  HelderLibraryHistory *history;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (toolkit == NULL || helder_library_page_get_library (self) == NULL)
    return;
  history = helder_library_history_new (helder_library_page_get_library (self), toolkit);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (history), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (history));
}

/* Trainingen */

void
helder_library_page_open_training (HelderLibraryPage *self,
                                   HelderRecord      *training)
{
  adw_view_stack_set_visible_child_name (views (self), "trainings");
  helder_training_pane_set_training (self->training_pane, training);
}

void
helder_library_page_views_service_changed (HelderLibraryPage *self)
{
  HelderLibraryService *service = helder_library_page_get_library (self);

  helder_training_pane_set_service (self->training_pane, service);
  if (service == NULL)
    return;
  g_signal_connect_object (helder_service_get_store (HELDER_SERVICE (service)), "records-changed::toolkit",
                           G_CALLBACK (on_toolkits_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::login",
                           G_CALLBACK (on_toolkits_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (helder_service_get_session (HELDER_SERVICE (service)), "notify::role",
                           G_CALLBACK (on_toolkits_changed), self, G_CONNECT_SWAPPED);
  helder_library_page_update_review (self);
}

void
helder_library_page_init_views (HelderLibraryPage *self)
{
  g_signal_connect_object (self->reader, "shown", G_CALLBACK (helder_library_page_update_banner), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "check", G_CALLBACK (on_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "history", G_CALLBACK (on_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "open-training", G_CALLBACK (helder_library_page_open_training), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_list, "row-activated", G_CALLBACK (on_review_activated), self,
                           G_CONNECT_SWAPPED);
}
