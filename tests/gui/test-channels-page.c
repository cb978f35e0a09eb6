/* test-channels-page.c: Kanalen in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "gui-test-app.h"
#include "helder-page.h"
#include "channels/helder-channel-advice-view.h"
#include "channels/helder-channel-matrix-view.h"
#include "channels/helder-matrix-cell.h"
#include "channels/helder-pressure-view.h"
#include "channels/helder-channels-service.h"
#include "service/helder-session.h"
#include "helder-tooltip.h"

/* Messages of data/example-data/24-kanalen.json and the base file */
#define ENDELAAN  "d1a8b039-b408-4340-b1dc-f4bb8210198a"
#define AFVAL     "48c185df-74f2-51f0-967a-8b6ccefcc401"

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type_in (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type_in (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_switch_in (GtkWidget *root)
{
  return find_type_in (root, GTK_TYPE_SWITCH);
}

static GtkWidget *
find_spin_in (GtkWidget *root)
{
  return find_type_in (root, GTK_TYPE_SPIN_BUTTON);
}

static HelderWindow *
open_example (const char *name)
{
  HelderWindow *window = helder_test_open_window (name);

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  helder_test_iterate (200);
  return window;
}

static AdwViewStack *
views_of (HelderWindow *window)
{
  return ADW_VIEW_STACK (helder_test_find_by_id (helder_test_page (window, "channels"), "views"));
}

static HelderChannelsService *
service_of (HelderWindow *window)
{
  return HELDER_CHANNELS_SERVICE (helder_page_get_service (HELDER_PAGE (helder_test_page (window, "channels"))));
}

static HelderRecord *
load_message (HelderWindow *window,
              const char   *id)
{
  return helder_service_load (HELDER_SERVICE (service_of (window)), HELDER_TYPE_MESSAGE, id);
}

static HelderRecord *
load_channel (HelderWindow *window,
              const char   *id)
{
  return helder_service_load (HELDER_SERVICE (service_of (window)), HELDER_TYPE_CHANNEL, id);
}

/* The example data's channels and audiences, and the advice view first. */
static void
test_example_data (void)
{
  HelderWindow *window = open_example ("channels-example.db");
  AdwViewStack *views = views_of (window);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "advice");
  helder_test_save_shot (window, "kanalen-advies");
  adw_view_stack_set_visible_child_name (views, "settings");
  helder_test_iterate (200);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "channels_list")), ==, 15);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "audiences_list")), ==, 12);
  g_assert_true (helder_test_shows_text (window, "Fixi"));
  g_assert_true (helder_test_shows_text (window, "De Hillegommer"));
  helder_test_save_shot (window, "kanalen-instellingen");
}

static gboolean
shows_post_reach (gpointer window)
{
  return helder_test_shows_text (window, "Reaches about 90% of the audience.") ||
         helder_test_shows_text (window, "Bereikt ongeveer 90% van de doelgroep.");
}

/* An example message's advice: channels ranked, with their reasons. */
static void
test_advice_reasons (void)
{
  HelderWindow *window = open_example ("channels-advice.db");
  HelderChannelAdviceView *view = HELDER_CHANNEL_ADVICE_VIEW (helder_test_find (window, "advice_view"));
  GtkWidget *channels = helder_test_find (window, "advice_channels");
  GtkWidget *post;

  g_assert_true (helder_channel_advice_view_select (view, ENDELAAN));
  helder_test_iterate (100);
  g_assert_cmpstr (helder_record_get_id (helder_channel_advice_view_get_message (view)), ==, ENDELAAN);
  g_assert_true (helder_test_shows_text (window, "Verkeersbesluit en inloopavond herinrichting Van den Endelaan"));
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (channels)), ==, 15);

  /* Post carries the legal effect: its reasons say so when opened */
  post = find_by_name (channels, "post");
  g_assert_nonnull (post);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (post), TRUE);
  /* its reasons, not only its summary (the reach is not Post's summary here) */
  g_assert_true (helder_test_wait_for (shows_post_reach, window));
  g_assert_true (helder_test_shows_text (window, _("A formal channel: it may carry a message with legal effect.")));
  g_assert_true (helder_test_shows_text (window, _("Proposed")) || helder_test_shows_text (window, _("Required")));
  /* toolkits in context: the Bibliotheek's documents tagged with Post */
  g_assert_true (helder_test_shows_text (window, _("Toolkits for this channel in the Library")));
  helder_test_save_shot (window, "kanalen-advies-redenen");
}

/* A hand choice that breaks a rule asks for a reason and keeps it. */
static void
test_override (void)
{
  HelderWindow *window = open_example ("channels-override.db");
  HelderChannelAdviceView *view = HELDER_CHANNEL_ADVICE_VIEW (helder_test_find (window, "advice_view"));
  g_autoptr(HelderChannelSettings) settings = helder_channels_service_settings (service_of (window), NULL, NULL);
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderChannelChoice) choice = NULL;
  const char *reason = "De gemeentepagina staat al vol; de kalender ligt bij de balie.";
  GtkWindow *dialog;
  GtkWidget *entry;
  int krant = helder_channel_settings_find_channel (settings, "lokale-krant");
  int website = helder_channel_settings_find_channel (settings, "website");

  g_assert_true (helder_channel_advice_view_select (view, AFVAL));
  helder_test_iterate (100);
  /* only the website: no route without internet for all residents */
  helder_channel_advice_view_set_chosen (view, krant, FALSE);
  helder_channel_advice_view_set_chosen (view, website, TRUE);
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, helder_channel_rule_describe (HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "advice.save", NULL));
  helder_test_iterate (100);

  dialog = helder_test_other_window (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  entry = find_by_name (GTK_WIDGET (dialog), "reason_entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  helder_test_save_shot (dialog, "kanalen-afwijking");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  helder_test_iterate (200);

  stored = load_message (window, AFVAL);
  choice = helder_channel_choice_parse (helder_record_get_text (stored, "channels"));
  g_assert_cmpstr (choice->override_reason, ==, reason);
  g_assert_cmpuint (choice->override_rules, ==, HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE);
  g_assert_cmpuint (choice->entries->len, ==, 1);
  helder_test_save_shot (window, "kanalen-afwijking-bewaard");
  /* the kept reason is shown with the message */
  g_assert_true (helder_test_shows_text (window, "Een uitzondering, met reden: De gemeentepagina staat al vol; de kalender ligt bij de balie.") ||
                 helder_test_shows_text (window, "An exception, with its reason: De gemeentepagina staat al vol; de kalender ligt bij de balie."));
}

/* The matrix: a cell per message and channel, with an accessible name,
 * heat and marks; a cell opens its reasons, and unticking a needed
 * channel there asks for a reason. */
static void
test_matrix (void)
{
  HelderWindow *window = open_example ("channels-matrix.db");
  HelderChannelMatrixView *matrix = HELDER_CHANNEL_MATRIX_VIEW (helder_test_find (window, "matrix_view"));
  g_autoptr(HelderChannelSettings) settings = helder_channels_service_settings (service_of (window), NULL, NULL);
  int krant = helder_channel_settings_find_channel (settings, "lokale-krant");
  GtkWidget *cell, *popover, *check = NULL;
  g_autofree char *label = NULL;

  adw_view_stack_set_visible_child_name (views_of (window), "matrix");
  helder_test_iterate (300);
  cell = helder_channel_matrix_view_get_cell (matrix, AFVAL, krant);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_focusable (cell) || gtk_widget_get_can_focus (cell));
  g_assert_true (helder_matrix_cell_get_chosen (HELDER_MATRIX_CELL (cell)));
  g_assert_true (g_str_has_prefix (helder_matrix_cell_get_text (HELDER_MATRIX_CELL (cell)), "✓"));
  /* the GUI tests run without an accessibility backend (GTK_A11Y=none):
   * the cell keeps the name it gave its accessible label */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  label = g_strdup (helder_matrix_cell_get_label (HELDER_MATRIX_CELL (cell)));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_assert_nonnull (strstr (label, "De Hillegommer"));
  g_assert_nonnull (strstr (label, "Afvalkalender 2027 staat online"));
  g_assert_cmpint (helder_matrix_cell_get_heat (HELDER_MATRIX_CELL (cell)), >=, 0);
  g_assert_cmpint (helder_matrix_cell_get_heat (HELDER_MATRIX_CELL (cell)), <=, 5);
  helder_test_save_shot (window, "kanalen-matrix");

  /* Enter on the focused cell opens its reasons */
  gtk_widget_grab_focus (cell);
  g_assert_true (gtk_widget_activate (cell));
  helder_test_iterate (200);
  popover = find_by_name (cell, "matrix_popover");
  g_assert_nonnull (popover);
  helder_test_save_shot (window, "kanalen-matrix-cel");
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover))); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w))
      check = w;
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  helder_test_iterate (200);
  /* only the website left for all residents: a reason is asked */
  g_assert_true (ADW_IS_MESSAGE_DIALOG (helder_test_other_window (window)));
}

static gboolean
cell_warns (gpointer cell)
{
  return helder_matrix_cell_get_warning (HELDER_MATRIX_CELL (cell));
}

/* Begrijpelijke taal per channel: the Van den Endelaan decision's text
 * is level 4; its cells of channels with a lower target are marked, with
 * the reason in their name, once the level is measured (in a worker);
 * the Omgevingsloket's target is 3, still lower; none is higher. */
static void
test_matrix_level (void)
{
  HelderWindow *window = open_example ("channels-matrix-level.db");
  HelderChannelMatrixView *matrix = HELDER_CHANNEL_MATRIX_VIEW (helder_test_find (window, "matrix_view"));
  g_autoptr(HelderChannelSettings) settings = helder_channels_service_settings (service_of (window), NULL, NULL);
  int post = helder_channel_settings_find_channel (settings, "post");
  int afval_post;
  GtkWidget *cell, *easy;

  adw_view_stack_set_visible_child_name (views_of (window), "matrix");
  helder_test_iterate (200);
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (matrix), "search_entry")), "Endelaan");
  helder_test_iterate (300);
  cell = helder_channel_matrix_view_get_cell (matrix, ENDELAAN, post);
  g_assert_nonnull (cell);
  g_assert_true (helder_test_wait_for (cell_warns, cell));
  g_assert_nonnull (strstr (helder_matrix_cell_get_label (HELDER_MATRIX_CELL (cell)), "level 4"));
  helder_test_save_shot (window, "kanalen-matrix-niveau");

  /* a message without a text has no mark */
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (matrix), "search_entry")), "Afvalkalender");
  helder_test_iterate (300);
  afval_post = post;
  easy = helder_channel_matrix_view_get_cell (matrix, AFVAL, afval_post);
  g_assert_nonnull (easy);
  g_assert_false (helder_matrix_cell_get_warning (HELDER_MATRIX_CELL (easy)));
}

/* The heat map: weeks × audiences, over-budget weeks marked; a cell
 * names its messages. */
static void
test_pressure (void)
{
  HelderWindow *window = open_example ("channels-pressure.db");
  HelderPressureView *view = HELDER_PRESSURE_VIEW (helder_test_find (window, "pressure_view"));
  g_autoptr(HelderChannelSettings) settings = helder_channels_service_settings (service_of (window), NULL, NULL);
  int ouderen = helder_channel_settings_find_audience (settings, "ouderen");
  HelderWeek week = helder_week_from_date ("2027-01-11");
  GtkWidget *cell;

  adw_view_stack_set_visible_child_name (views_of (window), "pressure");
  helder_test_iterate (300);
  g_assert_cmpuint (helder_pressure_view_count_over (view), >, 0);
  /* week 2 of 2027: the sewer works, the waste calendar, the housing vision and more land on the 65+ */
  cell = helder_pressure_view_get_cell (view, week, ouderen);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "over"));
  g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (cell)), "!"));
  g_assert_true (g_str_has_prefix (helder_widget_get_tooltip (cell), g_object_get_data (G_OBJECT (cell), "accessible-label")));
  g_assert_true (gtk_widget_get_focusable (cell) || gtk_widget_get_can_focus (cell));
  g_signal_emit_by_name (cell, "clicked");
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, "Afvalkalender 2027 staat online"));
  g_assert_true (helder_test_shows_text (window, "Omwonenden informeren over riolering Pastoor van Leeuwenstraat"));
  helder_test_save_shot (window, "kanalen-contactdruk");
}

/* Kanalen en doelgroepen: a channel's properties edited in place, the
 * weights with their reset; each a save through the service. */
static void
test_settings (void)
{
  HelderWindow *window = open_example ("channels-settings.db");
  GtkWidget *list = helder_test_find (window, "channels_list");
  GtkWidget *editor = helder_test_find (window, "channel_editor");
  g_autoptr(GListModel) model = NULL;
  g_autoptr(HelderRecord) post = NULL;
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(HelderChannelSettings) weights = NULL;
  g_autoptr(HelderChannelSettings) reset = NULL;
  GtkWidget *formal, *reach;
  guint position = G_MAXUINT;

  adw_view_stack_set_visible_child_name (views_of (window), "settings");
  helder_test_iterate (200);
  g_object_get (list, "model", &model, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (helder_record_get_title (record), "Post") == 0)
        {
          position = i;
          g_set_object (&post, record);
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  helder_test_activate_item (list, position);
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, _("May carry legal messages")));
  helder_test_save_shot (window, "kanalen-kanaal-bewerken");

  /* the switch of "formal", off */
  formal = find_by_name (editor, "formal");
  g_assert_nonnull (formal);
  formal = find_switch_in (formal);
  g_assert_true (GTK_IS_SWITCH (formal));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (formal)));
  gtk_switch_set_active (GTK_SWITCH (formal), FALSE);
  helder_test_iterate (100);
  after = load_channel (window, helder_record_get_id (post));
  g_assert_false (helder_record_get_bool (after, "formal"));
  g_assert_cmpstr (helder_record_get_text (after, "name"), ==, "Post");

  /* the weight of reach, doubled; then reset */
  reach = find_by_name (editor, "reach");
  g_assert_nonnull (reach);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_spin_in (reach)), 2);
  helder_test_iterate (100);
  weights = helder_channels_service_settings (service_of (window), NULL, NULL);
  g_assert_cmpfloat (helder_channel_settings_get_weight (weights, HELDER_CRITERION_REACH), ==, 2);
  g_assert_true (gtk_widget_activate_action (editor, "editor.reset-weights", NULL));
  helder_test_iterate (100);
  reset = helder_channels_service_settings (service_of (window), NULL, NULL);
  g_assert_cmpfloat (helder_channel_settings_get_weight (reset, HELDER_CRITERION_REACH), ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_spin_in (reach))), ==, 1);
}

static void
after_paint (GdkFrameClock *clock,
             gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static gboolean
painted (gpointer data)
{
  return *(gint64 *) data != 0;
}

/* The main thread's own work, whatever else the machine runs */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The matrix of 1,000 messages × 15 channels: from switching to it to
 * the frame that shows its first cells.  Prints the figure (the issue's
 * budget is 100 ms); GTK 4.8's column view makes about 200 rows at once,
 * and Xvfb with a software renderer on a machine shared by eight builds
 * varies tenfold, so only a gross regression fails. */
static void
test_matrix_thousand (void)
{
  HelderWindow *window = helder_test_open_window ("channels-thousand.db");
  GtkWidget *page = helder_test_page (window, "channels");
  HelderChannelsService *service;
  HelderChannelMatrixView *matrix = HELDER_CHANNEL_MATRIX_VIEW (helder_test_find (window, "matrix_view"));
  g_autoptr(GPtrArray) saves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autofree char *first = NULL;
  gint64 start;
  double ms;

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "empty");
  g_assert_true (gtk_widget_activate_action (page, "channels.load-defaults", NULL));
  helder_test_iterate (100);
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  service = service_of (window);
  settings = helder_channels_service_settings (service, NULL, NULL);
  for (guint i = 0; i < 1000; i++)
    {
      HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Bericht %04u", i);
      g_autofree char *date = g_strdup_printf ("2027-%02u-%02u", 1 + i % 12, 1 + i % 28);
      const char *audiences[] = { helder_channel_settings_get_audience (settings, i % 12)->id, NULL };

      helder_record_set_id (message, id);
      g_object_set (message, "title", title, "window-start", date, "audiences", audiences,
                    "urgency", 1 + i % 3, "legal-effect", i % 7 == 0, NULL);
      if (i == 0)
        first = g_strdup (id);
      g_ptr_array_add (saves, message);
    }
  g_assert_true (helder_service_write (HELDER_SERVICE (service), saves, NULL, &error));
  g_assert_no_error (error);
  helder_test_iterate (300);
  g_object_set_data_full (G_OBJECT (matrix), "first", g_strdup (first), g_free);

  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    gint64 painted_at = 0;
    gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted_at);
    double cpu = thread_cpu_ms ();

    start = g_get_monotonic_time ();
    adw_view_stack_set_visible_child_name (views_of (window), "matrix");
    gtk_widget_queue_draw (GTK_WIDGET (window));
    g_assert_true (helder_test_wait_for (painted, &painted_at));
    /* the frame that shows the first row's cells */
    for (guint frames = 0; helder_channel_matrix_view_get_cell (matrix, first, 0) == NULL && frames < 100; frames++)
      {
        painted_at = 0;
        gtk_widget_queue_draw (GTK_WIDGET (window));
        g_assert_true (helder_test_wait_for (painted, &painted_at));
      }
    ms = (painted_at - start) / 1000.0;
    cpu = thread_cpu_ms () - cpu;
    g_signal_handler_disconnect (clock, handler);
    g_test_message ("matrix of 1,000 messages x 15 channels: first frame after %.0f ms, main thread's CPU %.0f ms",
                    ms, cpu);
    g_printerr ("matrix of 1,000 messages x 15 channels: first frame after %.0f ms, main thread's CPU %.0f ms\n",
                ms, cpu);
    g_assert_nonnull (helder_channel_matrix_view_get_cell (matrix, first, 0));
    g_assert_cmpfloat (cpu, <, 5000);
  }
  helder_test_save_shot (window, "kanalen-matrix-1000");
}

/* A new organisation loads the fifteen default channels. */
static void
test_defaults (void)
{
  HelderWindow *window = helder_test_open_window ("channels-defaults.db");
  GtkWidget *page = helder_test_page (window, "channels");

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "empty");
  helder_test_save_shot (window, "kanalen-leeg");
  g_assert_true (gtk_widget_activate_action (page, "channels.load-defaults", NULL));
  helder_test_iterate (200);
  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  g_assert_cmpuint (helder_store_count (helder_page_get_store (HELDER_PAGE (page)), HELDER_TYPE_CHANNEL), ==, 15);
  g_assert_cmpuint (helder_store_count (helder_page_get_store (HELDER_PAGE (page)), HELDER_TYPE_AUDIENCE), ==, 12);
}

/* A new channel through the dialog lands in the open list as one row. */
static void
test_new_channel (void)
{
  HelderWindow *window = helder_test_open_window ("channels-new.db");
  GtkWindow *dialog;

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);
  dialog = helder_test_other_window (window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (dialog), "name_row")), "Wijkapp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  helder_test_iterate (100);

  g_assert_cmpstr (helder_test_page_state (window, "channels"), ==, "content");
  adw_view_stack_set_visible_child_name (views_of (window), "settings");
  helder_test_iterate (100);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "channels_list")), ==, 1);
  g_assert_true (helder_test_shows_text (window, "Wijkapp"));
}

/* Staff may not change the channels: the dialog is not offered, nor a choice. */
static void
test_staff_sees_no_new (void)
{
  HelderWindow *window = helder_test_open_window ("channels-staff.db");
  GtkWidget *page = helder_test_page (window, "channels");

  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  helder_test_page_state (window, "channels");
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);
  g_assert_null (helder_test_other_window (window));
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/channels/example-data", test_example_data);
  helder_test_add_isolated ("/channels/advice-reasons", test_advice_reasons);
  helder_test_add_isolated ("/channels/override", test_override);
  helder_test_add_isolated ("/channels/matrix", test_matrix);
  helder_test_add_isolated ("/channels/matrix-level", test_matrix_level);
  helder_test_add_isolated ("/channels/pressure", test_pressure);
  helder_test_add_isolated ("/channels/settings", test_settings);
  helder_test_add_isolated ("/channels/matrix-thousand", test_matrix_thousand);
  helder_test_add_isolated ("/channels/defaults", test_defaults);
  helder_test_add_isolated ("/channels/new-channel", test_new_channel);
  helder_test_add_isolated ("/channels/staff-sees-no-new", test_staff_sees_no_new);
  return helder_test_app_main (&argc, &argv);
}
