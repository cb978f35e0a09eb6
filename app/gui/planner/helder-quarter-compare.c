/* helder-quarter-compare.c: a quarter against the one before: the grid with arrows, and lists of changes
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-quarter-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-quarter-compare.h"
#include "helder-radar-dot.h"

/* The quarter picker holds the quarter under review (as closing it now
 * would leave it) and every closed quarter, which stay readable.  Each is
 * compared with the quarter before it when that one was closed: the
 * snapshots come from the quarter records, the counting from
 * helder_quarter_compare(). */

struct _HelderQuarterCompare
{
  GtkWidget                 parent_instance;

  /* Template widgets */
  GtkWidget                *box;
  GtkDropDown              *picker;
  GtkLabel                 *against_label;
  GtkStack                 *stack;
  AdwStatusPage            *none_page;
  HelderQuarterCompareGrid *grid;
  GtkBox                   *changes_box;

  /* Owned */
  HelderPlanService        *service;
  char                     *quarter;   /* under review */
  GStrv                     quarters;  /* the picker's */
  char                     *shown;
  GPtrArray                *changes;
  gboolean                  filling;
};

G_DEFINE_FINAL_TYPE (HelderQuarterCompare, helder_quarter_compare, GTK_TYPE_WIDGET)

static GtkWidget *
change_row (HelderQuarterChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->title);
  switch (change->kind)
    {
    case HELDER_CHANGE_MOVED:
      /* Translators: a topic's scores before and after: administrative × societal */
      subtitle = g_strdup_printf (_("From %d × %d to %d × %d"), change->from_admin, change->from_societal,
                                  change->to_admin, change->to_societal);
      break;
    case HELDER_CHANGE_TREND:
      subtitle = g_strdup_printf (_("From %s to %s"), helder_radar_trend_label (change->from_trend),
                                  helder_radar_trend_label (change->to_trend));
      break;
    case HELDER_CHANGE_RANK:
      subtitle = g_strdup_printf (_("From place %d to place %d"), change->from_rank, change->to_rank);
      break;
    case HELDER_CHANGE_ADDED:
      subtitle = change->is_priority ? g_strdup_printf (_("At place %d"), change->to_rank)
                                     : g_strdup_printf ("%d × %d", change->to_admin, change->to_societal);
      break;
    case HELDER_CHANGE_DROPPED:
    default:
      subtitle = change->is_priority ? g_strdup_printf (_("Was at place %d"), change->from_rank)
                                     : g_strdup_printf (_("Was %d × %d"), change->from_admin, change->from_societal);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_group (HelderQuarterCompare *self,
           const char           *title,
           HelderChangeKind      kind,
           gboolean              priorities)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < self->changes->len; i++)
    {
      HelderQuarterChange *change = self->changes->pdata[i];

      if (change->kind != kind || !change->is_priority != !priorities)
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (self->changes_box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), change_row (change));
    }
}

static void
clear_changes (HelderQuarterCompare *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_box))) != NULL)
    gtk_box_remove (self->changes_box, child);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
}

/**
 * helder_quarter_compare_show:
 *
 * Shows @quarter against the quarter before it.
 */
void
helder_quarter_compare_show (HelderQuarterCompare *self,
                             const char           *quarter)
{
  g_autofree char *previous = helder_quarter_offset (quarter, -1);
  g_autofree char *label = helder_quarter_label (quarter);
  g_autofree char *previous_label = helder_quarter_label (previous);
  g_autofree char *against = NULL;
  g_autoptr(HelderQuarterSnapshot) before = NULL;
  g_autoptr(HelderQuarterSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HELDER_IS_QUARTER_COMPARE (self));

  g_free (self->shown);
  self->shown = g_strdup (quarter);
  clear_changes (self);
  if (self->service == NULL || quarter == NULL)
    return;

  if (!helder_plan_quarter_is_closed (self->service, previous))
    {
      g_autofree char *text = g_strdup_printf (_("%s was not closed in Helder, so there is nothing to compare "
                                                 "%s with. Once it is, this shows what changed."),
                                               previous_label, label);

      adw_status_page_set_description (self->none_page, text);
      gtk_label_set_text (self->against_label, "");
      gtk_stack_set_visible_child_name (self->stack, "none");
      helder_quarter_compare_grid_set (self->grid, NULL, NULL, NULL);
      return;
    }
  before = helder_plan_quarter_snapshot (self->service, previous, &error);
  if (before != NULL)
    after = helder_plan_quarter_snapshot (self->service, quarter, &error);
  if (after == NULL)
    {
      adw_status_page_set_description (self->none_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->changes = helder_quarter_compare (before, after);
  if (helder_plan_quarter_is_closed (self->service, quarter))
    /* Translators: a closed quarter, compared with the one before */
    against = g_strdup_printf (_("Compared with %s"), previous_label);
  else
    /* Translators: the open quarter, as closing it now would leave it */
    against = g_strdup_printf (_("As closing it now would leave it, compared with %s"), previous_label);
  gtk_label_set_text (self->against_label, against);

  helder_quarter_compare_grid_set (self->grid, before, after, self->changes);
  add_group (self, _("New Topics"), HELDER_CHANGE_ADDED, FALSE);
  add_group (self, _("Dropped Topics"), HELDER_CHANGE_DROPPED, FALSE);
  add_group (self, _("Moved on the Radar"), HELDER_CHANGE_MOVED, FALSE);
  add_group (self, _("Other Trend"), HELDER_CHANGE_TREND, FALSE);
  add_group (self, _("Priorities at Another Place"), HELDER_CHANGE_RANK, TRUE);
  add_group (self, _("New Priorities"), HELDER_CHANGE_ADDED, TRUE);
  add_group (self, _("Dropped Priorities"), HELDER_CHANGE_DROPPED, TRUE);
  if (self->changes->len == 0)
    {
      GtkWidget *nothing = gtk_label_new (_("Nothing changed."));

      gtk_widget_add_css_class (nothing, "dim-label");
      gtk_box_append (self->changes_box, nothing);
    }
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

static void
picker_changed (HelderQuarterCompare *self)
{
  guint selected = gtk_drop_down_get_selected (self->picker);

  if (self->filling || self->quarters == NULL || selected >= g_strv_length (self->quarters))
    return;
  helder_quarter_compare_show (self, self->quarters[selected]);
}

/* The picker: the quarter under review, then the closed ones. */
void
helder_quarter_compare_refresh (HelderQuarterCompare *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) closed = NULL;
  g_autofree char *keep = g_strdup (self->shown);
  guint selected = 0, n = 0;

  g_return_if_fail (HELDER_IS_QUARTER_COMPARE (self));

  if (self->service == NULL)
    return;
  closed = helder_plan_quarter_closed (self->service);
  if (self->quarter != NULL && !helder_plan_quarter_is_closed (self->service, self->quarter))
    {
      g_autofree char *label = helder_quarter_label (self->quarter);
      /* Translators: the quarter under review in the quarter picker */
      g_autofree char *text = g_strdup_printf (_("%s (open)"), label);

      g_strv_builder_add (names, self->quarter);
      gtk_string_list_append (labels, text);
      n++;
    }
  for (guint i = 0; i < closed->len; i++)
    {
      const char *name = helder_record_get_text (closed->pdata[i], "quarter");
      g_autofree char *label = helder_quarter_label (name);

      if (g_strcmp0 (name, keep) == 0)
        selected = n;
      g_strv_builder_add (names, name);
      gtk_string_list_append (labels, label);
      n++;
    }
  g_strfreev (self->quarters);
  self->quarters = g_strv_builder_end (names);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->picker, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->picker, selected);
  self->filling = FALSE;
  helder_quarter_compare_show (self, n > 0 ? self->quarters[selected] : self->quarter);
}

void
helder_quarter_compare_set_service (HelderQuarterCompare *self,
                                    HelderPlanService    *service)
{
  g_return_if_fail (HELDER_IS_QUARTER_COMPARE (self));

  g_set_object (&self->service, service);
}

void
helder_quarter_compare_set_quarter (HelderQuarterCompare *self,
                                    const char           *quarter)
{
  g_return_if_fail (HELDER_IS_QUARTER_COMPARE (self));

  g_free (self->quarter);
  self->quarter = g_strdup (quarter);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    helder_quarter_compare_refresh (self);
}

const char *
helder_quarter_compare_get_shown (HelderQuarterCompare *self)
{
  g_return_val_if_fail (HELDER_IS_QUARTER_COMPARE (self), NULL);

  return self->shown;
}

/**
 * helder_quarter_compare_get_changes:
 *
 * Returns: (transfer none) (nullable): the changes shown
 */
GPtrArray *
helder_quarter_compare_get_changes (HelderQuarterCompare *self)
{
  g_return_val_if_fail (HELDER_IS_QUARTER_COMPARE (self), NULL);

  return self->changes;
}

HelderQuarterCompareGrid *
helder_quarter_compare_get_grid (HelderQuarterCompare *self)
{
  g_return_val_if_fail (HELDER_IS_QUARTER_COMPARE (self), NULL);

  return self->grid;
}

static void
helder_quarter_compare_dispose (GObject *object)
{
  HelderQuarterCompare *self = HELDER_QUARTER_COMPARE (object);

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_QUARTER_COMPARE);

  G_OBJECT_CLASS (helder_quarter_compare_parent_class)->dispose (object);
}

static void
helder_quarter_compare_finalize (GObject *object)
{
  HelderQuarterCompare *self = HELDER_QUARTER_COMPARE (object);

  g_free (self->quarter);
  g_free (self->shown);
  g_strfreev (self->quarters);

  G_OBJECT_CLASS (helder_quarter_compare_parent_class)->finalize (object);
}

static void
helder_quarter_compare_class_init (HelderQuarterCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HELDER_TYPE_QUARTER_COMPARE_GRID);

  object_class->dispose = helder_quarter_compare_dispose;
  object_class->finalize = helder_quarter_compare_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-quarter-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, box);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, picker);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, against_label);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, none_page);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, grid);
  gtk_widget_class_bind_template_child (widget_class, HelderQuarterCompare, changes_box);
  gtk_widget_class_bind_template_callback (widget_class, picker_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
helder_quarter_compare_init (HelderQuarterCompare *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
