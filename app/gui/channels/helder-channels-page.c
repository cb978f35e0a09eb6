/* helder-channels-page.c: Kanalen: advice per message, the matrix, contact pressure, the settings
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-channels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-channel-advice-view.h"
#include "helder-channel-editor.h"
#include "helder-channel-matrix-view.h"
#include "helder-channels-page.h"
#include "helder-pressure-view.h"

/* The page's views share one HelderChannelsContext (the settings and the
 * contact pressure, made once per change), made when the page is first
 * shown. */

struct _HelderChannelsPage
{
  HelderPage parent_instance;

  /* template widgets ("views" is the page's: see views_of()) */
  HelderChannelAdviceView *advice_view;
  HelderChannelMatrixView *matrix_view;
  HelderPressureView      *pressure_view;
  HelderChannelEditor     *channel_editor;

  /* owned */
  HelderChannelsContext *context;
};

G_DEFINE_FINAL_TYPE (HelderChannelsPage, helder_channels_page, HELDER_TYPE_PAGE)

static AdwViewStack *
views_of (HelderChannelsPage *self)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), HELDER_TYPE_CHANNELS_PAGE, "views"));
}

static void
set_context (HelderChannelsPage    *self,
             HelderChannelsContext *context)
{
  g_set_object (&self->context, context);
  helder_channel_advice_view_set_context (self->advice_view, context);
  helder_channel_matrix_view_set_context (self->matrix_view, context);
  helder_pressure_view_set_context (self->pressure_view, context);
  helder_channel_editor_set_context (self->channel_editor, context);
}

static void ensure_context (HelderChannelsPage *self);

/* A channel or audience of the lists opens in the editor beside them. */
static void
open_record (HelderPage   *page,
             HelderRecord *record)
{
  HelderChannelsPage *self = HELDER_CHANNELS_PAGE (page);

  ensure_context (self);
  helder_channel_editor_open (self->channel_editor, record);
}

static void
matrix_toggled (HelderChannelsPage *self,
                const char         *message_id,
                guint               channel,
                gboolean            chosen)
{
  helder_channel_advice_view_toggle (self->advice_view, message_id, channel, chosen);
}

static void
matrix_open (HelderChannelsPage *self,
             const char         *message_id)
{
  helder_channel_advice_view_select (self->advice_view, message_id);
  adw_view_stack_set_visible_child_name (views_of (self), "advice");
}

static void
ensure_context (HelderChannelsPage *self)
{
  HelderService *service = helder_page_get_service (HELDER_PAGE (self));

  if (self->context == NULL && HELDER_IS_CHANNELS_SERVICE (service))
    {
      g_autoptr(HelderChannelsContext) context = helder_channels_context_new (HELDER_CHANNELS_SERVICE (service));

      set_context (self, context);
    }
  if (self->context != NULL)
    helder_channels_context_set_paused (self->context, FALSE);
}

static void
service_changed (HelderChannelsPage *self)
{
  set_context (self, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_context (self);
}

static void
helder_channels_page_map (GtkWidget *widget)
{
  ensure_context (HELDER_CHANNELS_PAGE (widget));

  GTK_WIDGET_CLASS (helder_channels_page_parent_class)->map (widget);
}

static void
helder_channels_page_unmap (GtkWidget *widget)
{
  HelderChannelsPage *self = HELDER_CHANNELS_PAGE (widget);

  if (self->context != NULL)
    helder_channels_context_set_paused (self->context, TRUE);

  GTK_WIDGET_CLASS (helder_channels_page_parent_class)->unmap (widget);
}

static void
load_defaults (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderService *service = helder_page_get_service (HELDER_PAGE (widget));
  g_autoptr(GError) error = NULL;

  if (!HELDER_IS_CHANNELS_SERVICE (service))
    return;
  if (helder_channels_service_load_defaults (HELDER_CHANNELS_SERVICE (service), &error) == 0 && error != NULL)
    helder_page_show_error (HELDER_PAGE (widget), _("Could not load the default channels"), error);
}

/* Ctrl+F: the visible view's search */
static void
search (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  HelderChannelsPage *self = HELDER_CHANNELS_PAGE (widget);
  const char *visible = adw_view_stack_get_visible_child_name (views_of (self));

  if (g_strcmp0 (visible, "advice") == 0)
    helder_channel_advice_view_focus_search (self->advice_view);
  else if (g_strcmp0 (visible, "matrix") == 0)
    helder_channel_matrix_view_focus_search (self->matrix_view);
  else if (g_strcmp0 (visible, "pressure") == 0)
    helder_pressure_view_focus_search (self->pressure_view);
}

static void
helder_channels_page_dispose (GObject *object)
{
  HelderChannelsPage *self = HELDER_CHANNELS_PAGE (object);

  if (self->advice_view != NULL)
    set_context (self, NULL);

  G_OBJECT_CLASS (helder_channels_page_parent_class)->dispose (object);
}

static void
helder_channels_page_class_init (HelderChannelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HelderPageClass *page_class = HELDER_PAGE_CLASS (klass);

  g_type_ensure (HELDER_TYPE_CHANNEL_ADVICE_VIEW);
  g_type_ensure (HELDER_TYPE_CHANNEL_MATRIX_VIEW);
  g_type_ensure (HELDER_TYPE_PRESSURE_VIEW);
  g_type_ensure (HELDER_TYPE_CHANNEL_EDITOR);

  object_class->dispose = helder_channels_page_dispose;
  widget_class->map = helder_channels_page_map;
  widget_class->unmap = helder_channels_page_unmap;

  helder_page_class_set_template (page_class, "/nl/hltsamen/Helder/ui/helder-channels-page.ui");
  helder_page_class_set_views (page_class);
  helder_page_class_bind_list (page_class, "channels_list", HELDER_TYPE_CHANNEL);
  helder_page_class_bind_list (page_class, "audiences_list", HELDER_TYPE_AUDIENCE);
  helder_page_class_set_new_item (page_class, HELDER_TYPE_CHANNEL, N_("New Channel"));
  gtk_widget_class_bind_template_child (widget_class, HelderChannelsPage, advice_view);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelsPage, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelsPage, pressure_view);
  gtk_widget_class_bind_template_child (widget_class, HelderChannelsPage, channel_editor);
  page_class->open_record = open_record;

  gtk_widget_class_install_action (widget_class, "channels.load-defaults", NULL, load_defaults);
  gtk_widget_class_install_action (widget_class, "channels.search", NULL, search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "channels.search", NULL);
}

static void
helder_channels_page_init (HelderChannelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::service", G_CALLBACK (service_changed), NULL);
  g_signal_connect_object (self->matrix_view, "toggle-channel", G_CALLBACK (matrix_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matrix_view, "open-message", G_CALLBACK (matrix_open), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pressure_view, "open-message", G_CALLBACK (matrix_open), self, G_CONNECT_SWAPPED);
}
