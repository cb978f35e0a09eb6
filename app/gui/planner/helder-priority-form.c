/* helder-priority-form.c: the ledger's detail column, made when a priority is first shown
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-priorities-view"

#include "config.h"

#include "helder-priorities-view-private.h"

/* Only the widgets (helder-priority-form.ui): the ledger fills them,
 * connects their signals and acts on them (helder-priorities-view-detail.c).
 * The ledger's first frame shows "Choose a Priority", so the form (some
 * 160 widgets) waits until a priority is selected. */

G_DEFINE_FINAL_TYPE (HelderPriorityForm, helder_priority_form, ADW_TYPE_BIN)

static void
helder_priority_form_dispose (GObject *object)
{
  HelderPriorityForm *self = HELDER_PRIORITY_FORM (object);

  /* The scrolled window is the bin's child: the bin lets go first, or
   * the template would unparent it twice.  Dispose may run twice. */
  if (self->title_row != NULL)
    {
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_PRIORITY_FORM);
    }

  G_OBJECT_CLASS (helder_priority_form_parent_class)->dispose (object);
}

static void
helder_priority_form_class_init (HelderPriorityFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_priority_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-priority-form.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HelderPriorityForm, name)
  CHILD (back_button);
  CHILD (detail_title);
  CHILD (rank_label);
  CHILD (status_label);
  CHILD (field_error);
  CHILD (title_row);
  CHILD (theme_row);
  CHILD (owner_row);
  CHILD (quarters_row);
  CHILD (clause_row);
  CHILD (status_group);
  CHILD (rationale_save);
  CHILD (rationale_view);
  CHILD (pause_button);
  CHILD (finish_button);
  CHILD (reactivate_button);
  CHILD (topics_group);
  CHILD (messages_group);
  CHILD (works_group);
  CHILD (hanging_topics);
  CHILD (hanging_messages);
  CHILD (hanging_works);
#undef CHILD
}

static void
helder_priority_form_init (HelderPriorityForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HelderPriorityForm *
helder_priority_form_new (void)
{
  return g_object_new (HELDER_TYPE_PRIORITY_FORM, NULL);
}
