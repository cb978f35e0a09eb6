/* test-works.c: Werkzaamheden and Omgevingsbeeld in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test-app.h"
#include "planner/helder-edition-view.h"
#include "planner/helder-works-view.h"
#include "plan/helder-plan-editions.h"
#include "plan/helder-plan-works.h"
#include "report/helder-ics.h"

#define W_WATER     "23000000-0000-4000-8003-000000000001"
#define W_PAVING    "23000000-0000-4000-8003-000000000002"
#define W_TREES     "23000000-0000-4000-8003-000000000003"

/* With $HELDER_SCREENSHOT_DIR set, the screen as it is now, for a person
 * to look at (import from ImageMagick, under Xvfb). */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("HELDER_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL || g_find_program_in_path ("import") == NULL)
    return;
  helder_test_iterate (300);
  path = g_build_filename (dir, name, NULL);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static HelderWindow *
open_with_example_data (const char *name)
{
  HelderWindow *window = helder_test_open_window (name);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_test_iterate (200);
  g_assert_cmpstr (helder_test_page_state (window, "planner"), ==, "content");
  return window;
}

/* Widgets by id within one view: other views have ids of their own. */
static GtkWidget *
in_view (HelderWindow *window,
         const char   *view,
         const char   *id)
{
  GtkWidget *widget = helder_test_find_by_id (helder_test_find (window, view), id);

  if (widget == NULL)
    g_error ("%s has no widget %s", view, id);
  return widget;
}

#define WORKS(id)   in_view (window, "works_view", id)
#define EDITION(id) in_view (window, "edition_view", id)

typedef struct
{
  GtkWidget *list;
  guint      n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;

  return helder_test_count_items (count->list) == count->n;
}

/* The search entry answers after a short delay: wait for the list. */
static void
assert_count (GtkWidget *list,
              guint      n)
{
  Count count = { list, n };

  helder_test_wait_for (count_is, &count);
  g_assert_cmpuint (helder_test_count_items (list), ==, n);
}

static GtkWidget *
show_view (HelderWindow *window,
           const char   *view)
{
  GtkWidget *page = helder_test_page (window, "planner");
  AdwViewStack *views = ADW_VIEW_STACK (helder_test_find_by_id (page, "views"));

  adw_view_stack_set_visible_child_name (views, view);
  helder_test_iterate (300);
  /* (the planner makes a view when it is first shown, in a bin) */
  return adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views)));
}

static gboolean
row_badge_shown (GtkWidget  *list,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkWidget *label = row ? g_object_get_data (G_OBJECT (row), "title") : NULL;
      GtkWidget *badge = row ? g_object_get_data (G_OBJECT (row), "badge") : NULL;

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return gtk_widget_get_visible (badge);
    }
  g_error ("no row reads %s", title);
  return FALSE;
}

static HelderRecord *
load (HelderStore *store,
      GType        type,
      const char  *id)
{
  return helder_store_load (store, type, id, NULL);
}

/* The example data's warnings show on first start: a badge on the
 * works, the warning in words in the detail, with what to do. */
static void
test_warnings_shown (void)
{
  HelderWindow *window = open_with_example_data ("works-warnings.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  GtkWidget *list = WORKS ("works_list");
  GtkLabel *summary = GTK_LABEL (WORKS ("works_summary_label"));

  g_assert_cmpuint (helder_test_count_items (list), >=, 7);
  g_assert_true (row_badge_shown (list, "Bomen kappen en herplanten Meerlaan"));
  g_assert_true (row_badge_shown (list, "Vervangen waterleiding Hoofdstraat (Dunea)"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "need attention"));

  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (200);
  g_assert_true (helder_test_shows_text (window, "Residents’ letter goes out too late"));
  g_assert_true (helder_test_shows_text (window, "Bewonersbrief bomenkap Meerlaan"));
  screenshot ("works-late-letter.png");

  g_assert_true (helder_works_view_select (view, W_WATER));
  helder_test_iterate (200);
  g_assert_true (helder_test_shows_text (window, "Same street as “Herstraten Hoofdstraat en Weeresteinstraat”"));
  /* its letter is approved and out in time: no letter warning */
  g_assert_false (helder_test_shows_text (window, "Residents’ letter is late"));
  screenshot ("works-overlap.png");

  /* "Show" goes to the other works */
  gtk_widget_activate_action (GTK_WIDGET (view), "works.select", "s", W_PAVING);
  helder_test_iterate (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WORKS ("works_title_row"))), ==,
                   "Herstraten Hoofdstraat en Weeresteinstraat");
  g_assert_true (helder_test_shows_text (window, "Same street as “Vervangen waterleiding Hoofdstraat (Dunea)”"));
  /* only the late letter and the overlap ask for attention */
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "3 works need attention");
}

/* Every field goes to the store through the service, a moment after the
 * last change; the warnings follow. */
static void
test_edit_saves (void)
{
  HelderWindow *window = open_with_example_data ("works-edit.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) saved = NULL, again = NULL;
  GtkWidget *list = WORKS ("works_list");
  const char * const *streets;

  g_assert_true (helder_works_view_select (view, W_PAVING));
  helder_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (WORKS ("works_title_row")), "Herstraten Weeresteinstraat");
  gtk_editable_set_text (GTK_EDITABLE (WORKS ("works_streets_row")), "Weeresteinstraat, Kerkstraat ,");
  gtk_editable_set_text (GTK_EDITABLE (WORKS ("works_wijk_row")), "Hillegom-Centrum");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (WORKS ("works_lead_spin")), 35);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (WORKS ("works_description_view"))),
                            "Nieuwe klinkers.", -1);
  helder_test_iterate (900);

  saved = load (store, HELDER_TYPE_WORKS, W_PAVING);
  g_assert_cmpstr (helder_record_get_title (saved), ==, "Herstraten Weeresteinstraat");
  streets = helder_record_get_list (saved, "streets");
  g_assert_cmpuint (g_strv_length ((char **) streets), ==, 2);
  g_assert_cmpstr (streets[1], ==, "Kerkstraat");
  g_assert_cmpint (helder_record_get_int (saved, "lead_time_days"), ==, 35);
  g_assert_cmpstr (helder_record_get_text (saved, "description"), ==, "Nieuwe klinkers.");
  /* no longer in the Hoofdstraat: the water main has no overlap now */
  g_assert_false (row_badge_shown (list, "Vervangen waterleiding Hoofdstraat (Dunea)"));

  /* An empty title is not saved: the works keeps its name */
  gtk_editable_set_text (GTK_EDITABLE (WORKS ("works_title_row")), "  ");
  helder_test_iterate (900);
  again = load (store, HELDER_TYPE_WORKS, W_PAVING);
  g_assert_cmpstr (helder_record_get_title (again), ==, "Herstraten Weeresteinstraat");
}

/* A change from elsewhere shows in the open form. */
static void
test_form_follows_store (void)
{
  HelderWindow *window = open_with_example_data ("works-follow.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) works = load (store, HELDER_TYPE_WORKS, W_TREES);

  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (100);
  g_object_set (works, "contact", "Team Groen, Jan de Wit", NULL);
  g_assert_true (helder_store_save (store, works, NULL));
  helder_test_iterate (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WORKS ("works_contact_row"))), ==,
                   "Team Groen, Jan de Wit");
}

/* "Plan residents' letter" makes the message, linked; the warning
 * becomes "not approved yet". */
static void
test_plan_letter (void)
{
  HelderWindow *window = open_with_example_data ("works-letter.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  HelderStore *store = helder_application_get_store (test_app);
  guint before = helder_store_count (store, HELDER_TYPE_MESSAGE);
  g_autoptr(GListModel) messages = NULL;
  gboolean linked = FALSE;

  g_autoptr(HelderRecord) works = helder_record_new (HELDER_TYPE_WORKS);

  /* new works in the Kerkstraat, five weeks ahead, nobody told yet */
  g_object_set (works, "title", "Riolering Kerkstraat", "location", "Kerkstraat", "start-date", "2027-01-11",
                "end-date", "2027-02-05", NULL);
  g_assert_true (helder_store_save (store, works, NULL));
  helder_test_iterate (300);
  g_assert_true (helder_works_view_select (view, helder_record_get_id (works)));
  helder_test_iterate (100);
  g_assert_true (helder_test_shows_text (window, "No residents’ letter planned"));
  gtk_widget_activate_action (GTK_WIDGET (view), "works.plan-letter", NULL);
  helder_test_iterate (400);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_MESSAGE), ==, before + 1);
  messages = helder_store_list (store, HELDER_TYPE_MESSAGE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(HelderRecord) m = g_list_model_get_item (messages, i);
      const char * const *linked_works = helder_record_get_list (m, "works");

      if (linked_works != NULL && g_strv_contains (linked_works, helder_record_get_id (works)) &&
          g_str_has_prefix (helder_record_get_title (m), "Residents’ letter"))
        linked = TRUE;
    }
  g_assert_true (linked);
  g_assert_true (helder_test_shows_text (window, "Residents’ letter not approved yet"));
  g_assert_false (helder_test_shows_text (window, "No residents’ letter planned"));
}

/* The calendar goes out as iCalendar: a VEVENT per message, works and meeting */
static void
test_export_ics (void)
{
  HelderWindow *window = open_with_example_data ("works-ics.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  g_autofree char *dir = g_dir_make_tmp ("helder-ics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kalender.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderIcsCalendar) calendar = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (helder_works_view_export (view, FALSE, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  calendar = helder_ics_calendar_parse (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_ics_calendar_get_n_events (calendar), >=, 7 + 6);
  g_assert_nonnull (strstr (text, "SUMMARY:Bomen kappen en herplanten Meerlaan"));
  g_clear_pointer (&text, g_free);

  /* and the messages as CSV, their audiences by name */
  g_assert_true (helder_works_view_export (view, TRUE, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_nonnull (strstr (text, "Bewonersbrief bomenkap Meerlaan"));
  g_assert_nonnull (strstr (text, "Omwonenden van werkzaamheden"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Ctrl+F searches the works */
static void
test_search (void)
{
  HelderWindow *window = open_with_example_data ("works-search.db");
  HelderWorksView *view = HELDER_WORKS_VIEW (show_view (window, "works"));
  GtkWidget *list = WORKS ("works_list");
  GtkWidget *entry = WORKS ("works_search_entry");

  gtk_widget_activate_action (GTK_WIDGET (view), "works.find", NULL);
  helder_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))));
  gtk_editable_set_text (GTK_EDITABLE (entry), "hoofdstraat");
  /* Dunea's water main, the paving, and the Van den Endelaan (which includes the Hoofdstraat) */
  assert_count (list, 3);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Patrimonium");
  assert_count (list, 2);
}

/* Omgevingsbeeld */

static HelderRecord *
open_edition (HelderWindow      *window,
              HelderEditionView *view)
{
  HelderStore *store = helder_application_get_store (test_app);
  const char *id = helder_edition_view_get_open_id (view);

  g_assert_nonnull (id);
  return helder_store_load (store, HELDER_TYPE_OMGEVINGSBEELD, id, NULL);
}

static HelderEditionView *
start_edition (HelderWindow *window)
{
  HelderEditionView *view = HELDER_EDITION_VIEW (show_view (window, "editions"));
  GtkStack *next = GTK_STACK (EDITION ("next_stack"));

  /* every edition of the example data went out: the next one starts here */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (next), ==, "new");
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.new", NULL);
  helder_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (next), ==, "draft");
  return view;
}

/* A new edition is pre-filled with what changed since edition 103. */
static void
test_edition_prefilled (void)
{
  HelderWindow *window = open_with_example_data ("edition-new.db");
  HelderEditionView *view = start_edition (window);
  g_autoptr(HelderRecord) edition = open_edition (window, view);
  g_autoptr(HelderEditionContent) content = helder_edition_content_from_record (edition);
  GtkListBox *items = GTK_LIST_BOX (EDITION ("items_box"));
  gboolean topic = FALSE, works = FALSE, approval = FALSE;

  /* Friday after Wednesday 2 December, numbered on */
  g_assert_cmpstr (helder_record_get_text (edition, "date"), ==, "2026-12-04");
  g_assert_cmpint (helder_record_get_int (edition, "number"), ==, 104);
  g_assert_cmpstr (helder_record_get_text (edition, "status"), ==, "draft");
  g_assert_cmpuint (g_strv_length ((char **) helder_record_get_list (edition, "sent_to")), ==, 3);
  for (guint i = 0; i < content->items->len; i++)
    {
      HelderEditionItem *item = content->items->pdata[i];

      /* the energy topic went from 3 × 3 stable to 3 × 4 rising */
      topic |= item->kind == HELDER_EDITION_ITEM_TOPIC && g_strcmp0 (item->ref, "5ef6bb9f-7917-4037-86e9-5affc7d295ae") == 0;
      works |= item->kind == HELDER_EDITION_ITEM_WORKS && g_strcmp0 (item->ref, W_TREES) == 0;
      approval |= item->kind == HELDER_EDITION_ITEM_APPROVAL;
    }
  g_assert_true (topic);
  g_assert_true (works);
  g_assert_true (approval);
  g_assert_nonnull (gtk_list_box_get_row_at_index (items, content->items->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (items, content->items->len));
  g_assert_true (helder_test_shows_text (window, "Omgevingsbeeld 104 · Friday 4 December 2026"));
  g_assert_true (helder_test_shows_text (window, "Hoge energierekening en energiearmoede"));
}

/* The duiding, the order (Alt+Up) and leaving out are saved. */
static void
test_edition_edits (void)
{
  HelderWindow *window = open_with_example_data ("edition-edit.db");
  HelderEditionView *view = start_edition (window);
  GtkListBox *items = GTK_LIST_BOX (EDITION ("items_box"));
  GtkListBoxRow *second = gtk_list_box_get_row_at_index (items, 1);
  GtkWidget *duiding = g_object_get_data (G_OBJECT (second), "duiding");
  g_autoptr(HelderRecord) before = open_edition (window, view);
  g_autoptr(HelderEditionContent) was = helder_edition_content_from_record (before);
  g_autoptr(HelderRecord) after = NULL, sent = NULL;
  g_autoptr(HelderEditionContent) now = NULL;
  char *second_title = ((HelderEditionItem *) was->items->pdata[1])->title;
  GtkWidget *include;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (duiding)), "Advies: energiecafés ook op papier.", -1);
  gtk_widget_grab_focus (duiding);
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.move-up", NULL);
  helder_test_iterate (100);
  /* and leave out what is now second */
  include = gtk_widget_get_first_child (GTK_WIDGET (gtk_list_box_get_row_at_index (items, 1)));
  include = gtk_widget_get_first_child (include);
  for (GtkWidget *w = gtk_widget_get_first_child (include); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), FALSE);
  helder_test_iterate (900);

  after = open_edition (window, view);
  now = helder_edition_content_from_record (after);
  g_assert_cmpstr (((HelderEditionItem *) now->items->pdata[0])->title, ==, second_title);
  g_assert_cmpstr (((HelderEditionItem *) now->items->pdata[0])->duiding, ==, "Advies: energiecafés ook op papier.");
  g_assert_true (((HelderEditionItem *) now->items->pdata[1])->dropped);
  g_assert_cmpuint (now->items->len, ==, was->items->len);

  /* a note on top */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-note", NULL);
  helder_test_iterate (100);
  g_clear_object (&after);
  g_clear_pointer (&now, helder_edition_content_free);
  after = open_edition (window, view);
  now = helder_edition_content_from_record (after);
  g_assert_cmpuint (now->items->len, ==, was->items->len + 1);
  g_assert_cmpint (((HelderEditionItem *) now->items->pdata[0])->kind, ==, HELDER_EDITION_ITEM_NOTE);

  /* marked sent: read-only, in the archive, and the next one can start */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.mark-sent", NULL);
  helder_test_iterate (300);
  sent = open_edition (window, view);
  g_assert_cmpstr (helder_record_get_text (sent, "status"), ==, "sent");
  g_assert_nonnull (helder_record_get_text (sent, "sent_at"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (EDITION ("next_stack"))), ==, "new");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (EDITION ("intro_view"))));
  g_assert_cmpuint (helder_test_count_items (EDITION ("archive_list")), ==, 4);
}

/* The archive answers words of the titles and the duiding. */
static void
test_edition_archive (void)
{
  HelderWindow *window = open_with_example_data ("edition-archive.db");
  HelderEditionView *view = HELDER_EDITION_VIEW (show_view (window, "editions"));
  GtkWidget *list = EDITION ("archive_list");
  GtkWidget *search = EDITION ("archive_search");

  g_assert_cmpuint (helder_test_count_items (list), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "alliander");
  assert_count (list, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "jongerenwerk");
  assert_count (list, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "geen editie zegt dit");
  assert_count (list, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (EDITION ("archive_stack"))), ==, "empty");
}

/* GtkFileChooserNative without a portal shows a dialog of its own,
 * outside the application's windows. */
static GtkWindow *
file_chooser_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
other_window_shown (gpointer data)
{
  return file_chooser_dialog () != NULL;
}

/* Export asks where, with a name of the edition, and writes the file
 * in the format chosen. */
static void
test_edition_export (void)
{
  HelderWindow *window = open_with_example_data ("edition-export.db");
  HelderEditionView *view = start_edition (window);
  g_autofree char *dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  const char *formats[] = { "pdf", "html", "text" };
  const char *names[] = { "Omgevingsbeeld 104 2026-12-04.pdf", "Omgevingsbeeld 104 2026-12-04.html",
                          "Omgevingsbeeld 104 2026-12-04.txt" };
  const char *starts[] = { "%PDF-", "<!DOCTYPE html>", "Omgevingsbeeld 104" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL, *name = NULL;
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (view), "edition.export", "s", formats[i]);
      g_assert_true (helder_test_wait_for (other_window_shown, window));
      dialog = file_chooser_dialog ();
      name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
      g_assert_cmpstr (name, ==, names[i]);
      gtk_window_close (dialog);
      helder_test_iterate (100);

      /* what the dialog's answer does */
      g_assert_true (helder_edition_view_export_to (view, i == 0 ? HELDER_EDITION_FORMAT_PDF
                                                          : i == 1 ? HELDER_EDITION_FORMAT_HTML
                                                                   : HELDER_EDITION_FORMAT_TEXT, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, starts[i]));
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* In "Add Item", searches @words and activates the first match of @type:
 * the popover lists only what the edition does not hold yet. */
static HelderRecord *
add_from_popover (HelderWindow      *window,
                  HelderEditionView *view,
                  const char        *words,
                  GType              type)
{
  GtkWidget *popover = EDITION ("add_popover");
  GtkWidget *list = EDITION ("add_list");
  HelderRecord *record = NULL;
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-item", NULL);
  helder_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_has_focus (EDITION ("add_search")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), EDITION ("add_search")));
  gtk_editable_set_text (GTK_EDITABLE (EDITION ("add_search")), words);
  helder_test_iterate (400);
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if ((record = g_object_get_data (G_OBJECT (row), "record")) != NULL && G_TYPE_CHECK_INSTANCE_TYPE (record, type))
      break;
  g_assert_nonnull (row);
  g_object_ref (record);
  gtk_widget_activate (row);
  helder_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (popover));
  return record;
}

static gboolean
holds (HelderEditionContent  *content,
       HelderEditionItemKind  kind,
       const char            *id)
{
  for (guint i = 0; i < content->items->len; i++)
    {
      HelderEditionItem *item = content->items->pdata[i];

      if (item->kind == kind && g_strcmp0 (item->ref, id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Any works or topic can be added beside what the pre-fill picked: it
 * is stored in the edition and goes out in its text. */
/* A key in the Add Item search, as its shortcuts take it (the entry's
 * own controllers). */
static gboolean
press_in_search (HelderWindow *window,
                 guint         keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (EDITION ("add_search"));

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, EDITION ("add_search"),
                                                            gtk_shortcut_get_arguments (shortcut));

              helder_test_iterate (20);
              return done;
            }
        }
    }
  return FALSE;
}

/* The stored edition's last item, once it holds @n. */
static HelderEditionItem *
last_added (HelderWindow      *window,
            HelderEditionView *view,
            guint              n)
{
  g_autoptr(HelderRecord) stored = open_edition (window, view);
  g_autoptr(HelderEditionContent) content = helder_edition_content_from_record (stored);

  g_assert_cmpuint (content->items->len, ==, n);
  return helder_edition_item_copy (content->items->pdata[n - 1]);
}

static void
test_edition_add_item (void)
{
  HelderWindow *window = open_with_example_data ("edition-add.db");
  HelderEditionView *view = start_edition (window);
  g_autoptr(HelderRecord) before = open_edition (window, view);
  g_autoptr(HelderEditionContent) was = helder_edition_content_from_record (before);
  g_autoptr(HelderRecord) works = NULL, topic = NULL, after = NULL;
  g_autoptr(HelderEditionContent) now = NULL;
  g_autoptr(HelderEditionItem) first = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helder-add-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edition.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = EDITION ("add_list");

  works = add_from_popover (window, view, "containers", HELDER_TYPE_WORKS);
  topic = add_from_popover (window, view, "zomerevenementen", HELDER_TYPE_TOPIC);
  g_assert_false (holds (was, HELDER_EDITION_ITEM_WORKS, helder_record_get_id (works)));
  g_assert_false (holds (was, HELDER_EDITION_ITEM_TOPIC, helder_record_get_id (topic)));

  after = open_edition (window, view);
  now = helder_edition_content_from_record (after);
  g_assert_cmpuint (now->items->len, ==, was->items->len + 2);
  g_assert_true (holds (now, HELDER_EDITION_ITEM_WORKS, helder_record_get_id (works)));
  g_assert_true (holds (now, HELDER_EDITION_ITEM_TOPIC, helder_record_get_id (topic)));
  g_assert_cmpstr (((HelderEditionItem *) now->items->pdata[now->items->len - 1])->title, ==,
                   helder_record_get_title (topic));

  /* what was added is not offered twice */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-item", NULL);
  helder_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (EDITION ("add_search")), "zomerevenementen");
  helder_test_iterate (400);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      HelderRecord *offered = g_object_get_data (G_OBJECT (row), "record");

      if (offered != NULL)
        g_assert_cmpstr (helder_record_get_id (offered), !=, helder_record_get_id (topic));
    }
  gtk_popover_popdown (GTK_POPOVER (EDITION ("add_popover")));
  helder_test_iterate (50);

  /* By keyboard: Enter in the search adds the first match (at once,
   * before the search's delay) and closes the popover */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-item", NULL);
  helder_test_iterate (100);
  g_assert_true (gtk_widget_has_focus (EDITION ("add_search")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), EDITION ("add_search")));
  gtk_editable_set_text (GTK_EDITABLE (EDITION ("add_search")), "herstraten");
  g_signal_emit_by_name (EDITION ("add_search"), "activate");
  helder_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (EDITION ("add_popover")));
  first = last_added (window, view, was->items->len + 3);
  {
    g_autofree char *title = g_utf8_casefold (first->title, -1);
    g_autofree char *change = first->change ? g_utf8_casefold (first->change, -1) : NULL;

    g_assert_true (strstr (title, "herstraten") != NULL || (change && strstr (change, "herstraten") != NULL));
  }

  /* Down in the search goes into the list, to the first match; Enter
   * there adds it */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-item", NULL);
  helder_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (EDITION ("add_search")), "inloop");
  g_assert_true (press_in_search (window, GDK_KEY_Down));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    HelderRecord *offered;

    g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, list));
    offered = g_object_get_data (G_OBJECT (focus), "record");
    g_assert_nonnull (offered);
    /* the first match: the rows above it are headings */
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != focus; row = gtk_widget_get_next_sibling (row))
      g_assert_null (g_object_get_data (G_OBJECT (row), "record"));
    g_signal_emit_by_name (focus, "activate");
    helder_test_iterate (100);
    g_assert_false (gtk_widget_get_visible (EDITION ("add_popover")));
    g_clear_pointer (&first, helder_edition_item_free);
    first = last_added (window, view, was->items->len + 4);
    g_assert_cmpstr (first->ref, ==, helder_record_get_id (offered));
  }
  /* nothing to go to: Down stays in the search */
  gtk_widget_activate_action (GTK_WIDGET (view), "edition.add-item", NULL);
  helder_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (EDITION ("add_search")), "qqqzzz");
  g_assert_false (press_in_search (window, GDK_KEY_Down));
  gtk_popover_popdown (GTK_POPOVER (EDITION ("add_popover")));

  g_assert_true (helder_edition_view_export_to (view, HELDER_EDITION_FORMAT_TEXT, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, helder_record_get_title (works)));
  g_assert_nonnull (strstr (text, helder_record_get_title (topic)));
  g_unlink (path);
  g_rmdir (dir);
}

/* Under LANGUAGE=nl (run by hand, with $HELDER_SCREENSHOT_DIR for the
 * pictures) every visible text of both views is Dutch. */
static void
test_dutch (void)
{
  HelderWindow *window;
  HelderWorksView *view;

  window = open_with_example_data ("works-dutch.db");
  view = HELDER_WORKS_VIEW (show_view (window, "works"));
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works");
  g_assert_true (helder_works_view_select (view, W_TREES));
  helder_test_iterate (200);
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works, late letter");
  screenshot ("works-nl-late-letter.png");
  g_assert_true (helder_works_view_select (view, W_WATER));
  helder_test_iterate (200);
  helder_test_assert_all_dutch (GTK_WIDGET (window), "works, overlap");
  screenshot ("works-nl-overlap.png");

  show_view (window, "editions");
  helder_test_assert_all_dutch (GTK_WIDGET (window), "omgevingsbeeld, archive");
  screenshot ("editions-nl-start.png");
  gtk_widget_activate_action (helder_test_find (window, "edition_view"), "edition.new", NULL);
  helder_test_iterate (300);
  helder_test_assert_all_dutch (GTK_WIDGET (window), "omgevingsbeeld, new edition");
  screenshot ("editions-nl-new.png");
  gtk_widget_activate_action (helder_test_find (window, "edition_view"), "edition.add-item", NULL);
  helder_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (EDITION ("add_popover")));
  helder_test_assert_all_dutch (GTK_WIDGET (window), "omgevingsbeeld, add item");
  screenshot ("editions-nl-add.png");
  gtk_popover_popdown (GTK_POPOVER (EDITION ("add_popover")));
  helder_test_iterate (100);
  if (g_getenv ("HELDER_SCREENSHOT_DIR") != NULL)
    {
      GtkListBox *items = GTK_LIST_BOX (EDITION ("items_box"));
      GtkWidget *duiding = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (items, 0)), "duiding");
      const char *names[] = { "edition-nl.pdf", "edition-nl.html", "edition-nl.txt" };
      HelderEditionFormat formats[] = { HELDER_EDITION_FORMAT_PDF, HELDER_EDITION_FORMAT_HTML,
                                        HELDER_EDITION_FORMAT_TEXT };

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (duiding)),
                                "Meer vragen over betalen dan over besparen. Advies: de energiecafés ook op papier "
                                "en via de telefoon aankondigen.", -1);
      helder_test_iterate (900);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (g_getenv ("HELDER_SCREENSHOT_DIR"), names[i], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);

          g_assert_true (helder_edition_view_export_to (HELDER_EDITION_VIEW (helder_test_find (window, "edition_view")),
                                                        formats[i], file, NULL));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  g_setenv ("HELDER_TODAY", "2026-12-02", TRUE);
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/works/warnings-shown", test_warnings_shown);
  helder_test_add_isolated ("/works/edit-saves", test_edit_saves);
  helder_test_add_isolated ("/works/form-follows-store", test_form_follows_store);
  helder_test_add_isolated ("/works/plan-letter", test_plan_letter);
  helder_test_add_isolated ("/works/search", test_search);
  helder_test_add_isolated ("/works/export-ics", test_export_ics);
  helder_test_add_isolated ("/editions/prefilled", test_edition_prefilled);
  helder_test_add_isolated ("/editions/edits", test_edition_edits);
  helder_test_add_isolated ("/editions/archive", test_edition_archive);
  helder_test_add_isolated ("/editions/export", test_edition_export);
  helder_test_add_isolated ("/editions/add-item", test_edition_add_item);
  /* by hand: LANGUAGE=nl LC_ALL=nl_NL.UTF-8 */
  if (g_strcmp0 (_("Works"), "Werkzaamheden") == 0)
    helder_test_add_isolated ("/works/dutch", test_dutch);
  return helder_test_app_main (&argc, &argv);
}
