/* test-window.c: the window and its four pages, in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "gui-test-util.h"
#include "helder-application.h"
#include "helder-window.h"
#include "store/helder-store-sync.h"

static HelderApplication *app;
static char *data_dir;

/* A window on a fresh store at @name in the test's data dir. */
static HelderWindow *
open_window (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  GtkWindow *window;

  helder_test_close_windows (GTK_APPLICATION (app));
  g_remove (path);
  helder_application_open_store (app, path, NULL);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HELDER_IS_WINDOW (window));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));
  return HELDER_WINDOW (window);
}

static GtkWidget *
find (HelderWindow *window,
      const char   *id)
{
  GtkWidget *widget = helder_test_find_by_id (GTK_WIDGET (window), id);

  if (widget == NULL)
    g_error ("No widget with id %s", id);
  return widget;
}

/* Shows the page @name and returns its stack's visible child: "empty"
 * or "content". */
static const char *
page_state (HelderWindow *window,
            const char   *name)
{
  GtkStack *pages = GTK_STACK (find (window, "page_stack"));
  GtkWidget *page = gtk_stack_get_child_by_name (pages, name);
  GtkStack *stack = GTK_STACK (helder_test_find_by_id (page, "stack"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  helder_test_iterate (50);

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_pages_visit (void)
{
  HelderWindow *window = open_window ("visit.db");
  static const char *names[] = { "planner", "channels", "write", "library" };
  static const char *titles[] = { N_("Planner"), N_("Channels"), N_("Write"), N_("Library") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AdwWindowTitle *title = ADW_WINDOW_TITLE (find (window, "page_title"));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      helder_test_iterate (20);
      g_assert_cmpstr (helder_window_get_page (window), ==, names[i]);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, _(titles[i]));
      /* An empty store: each page shows its empty state with actions. */
      g_assert_cmpstr (page_state (window, names[i]), ==, "empty");
    }

  /* The keyboard way: Alt+1 goes back to the planner. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "planner");
  g_assert_cmpstr (helder_window_get_page (window), ==, "planner");
}

static void
test_example_data_shows (void)
{
  HelderWindow *window = open_window ("example.db");
  GtkListBox *channels;
  GPtrArray *texts;
  gboolean found_fixi = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (app), "load-example-data", NULL);
  helder_test_iterate (50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "channels");
  helder_test_iterate (300);
  g_assert_cmpstr (page_state (window, "channels"), ==, "content");

  channels = GTK_LIST_BOX (find (window, "channels_list"));
  g_assert_cmpuint (helder_test_count_rows (channels), ==, 10);

  texts = helder_test_visible_texts (GTK_WIDGET (window));
  for (guint i = 0; i < texts->len; i++)
    found_fixi |= g_str_equal (g_ptr_array_index (texts, i), "Fixi");
  g_assert_true (found_fixi);
  g_ptr_array_unref (texts);

  g_assert_cmpstr (page_state (window, "planner"), ==, "content");
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (find (window, "priorities_list"))), >=, 3);
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (find (window, "works_list"))), >=, 2);
  g_assert_cmpstr (page_state (window, "write"), ==, "content");
  g_assert_cmpstr (page_state (window, "library"), ==, "content");
}

static void
test_new_item (void)
{
  HelderWindow *window = open_window ("new.db");
  GtkWindow *dialog = NULL;
  GList *windows;
  GtkEditable *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "write");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  helder_test_iterate (100);

  for (windows = gtk_application_get_windows (GTK_APPLICATION (app)); windows; windows = windows->next)
    if (windows->data != (gpointer) window)
      dialog = windows->data;
  g_assert_nonnull (dialog);

  entry = GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (dialog), "name_row"));
  /* Nothing typed: nothing to create. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  helder_test_iterate (50);
  g_assert_cmpstr (page_state (window, "write"), ==, "empty");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_editable_set_text (entry, "Brief aan omwonenden Van den Endelaan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  helder_test_iterate (100);

  g_assert_cmpstr (page_state (window, "write"), ==, "content");
  g_assert_cmpuint (helder_test_count_rows (GTK_LIST_BOX (find (window, "documents_list"))), ==, 1);
  /* The other pages stay empty, without the example data offer. */
  g_assert_cmpstr (page_state (window, "planner"), ==, "empty");
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (
    gtk_stack_get_child_by_name (GTK_STACK (find (window, "page_stack")), "planner"), "example_button")));
}

static void
test_size_remembered (void)
{
  HelderWindow *window = open_window ("size.db");
  GSettings *settings = helder_application_get_settings (app);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  helder_test_iterate (100);
  helder_test_close_windows (GTK_APPLICATION (app));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "library");

  g_application_activate (G_APPLICATION (app));
  window = HELDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (helder_window_get_page (window), ==, "library");
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A change made here and on the server: the header bar says so, the
 * Needs Attention window shows both sides, and Keep Theirs settles it. */
static void
test_conflict_shown_and_resolved (void)
{
  HelderWindow *window = open_window ("conflict.db");
  HelderStore *store = helder_application_get_store (app);
  g_autoptr(HelderRecord) mine = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) after = NULL;
  g_autoptr(JsonNode) batch = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  GtkWindow *conflicts = NULL;
  GtkWidget *keep_theirs;
  GList *windows;

  g_object_set (mine, "title", "Wonen voor iedereen", "rank", 1, NULL);
  helder_store_save (store, mine, NULL);
  batch = helder_store_take_push_batch (store, 100, &key, NULL);
  g_assert_nonnull (batch);
  json = g_strdup_printf ("{\"library_version\": 4, \"results\": [{\"id\": \"%s\", \"status\": \"conflict\", "
                          "\"version\": 4, \"server\": {\"id\": \"%s\", \"type\": \"priority\", \"version\": 4, "
                          "\"deleted\": false, \"data\": {\"title\": \"Betaalbaar wonen\", \"rank\": 1}}}]}",
                          helder_record_get_id (mine), helder_record_get_id (mine));
  response = json_from_string (json, NULL);
  g_assert_true (helder_store_finish_push_batch (store, key, json_node_get_object (response), NULL));
  helder_test_iterate (50);

  g_assert_true (gtk_widget_get_visible (find (window, "conflicts_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL);
  helder_test_iterate (200);
  for (windows = gtk_application_get_windows (GTK_APPLICATION (app)); windows; windows = windows->next)
    if (windows->data != (gpointer) window)
      conflicts = windows->data;
  g_assert_nonnull (conflicts);

  keep_theirs = find_button_with_label (GTK_WIDGET (conflicts), "Keep _Theirs");
  g_assert_nonnull (keep_theirs);
  g_signal_emit_by_name (keep_theirs, "clicked");
  helder_test_iterate (100);

  g_assert_cmpuint (helder_store_count_conflicts (store), ==, 0);
  after = helder_store_load (store, HELDER_TYPE_PRIORITY, helder_record_get_id (mine), NULL);
  g_assert_cmpstr (helder_record_get_text (after, "title"), ==, "Betaalbaar wonen");
  g_assert_false (gtk_widget_get_visible (find (window, "conflicts_button")));
  gtk_window_close (conflicts);
}

static gboolean
analyzer_ready (gpointer data)
{
  return helder_application_get_analyzer (app) != NULL;
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            const char    *tag_name,
            int            offset)
{
  GtkTextIter iter;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

/* Whether @model, or a section or submenu in it, has an item for
 * @action with the string target @target. */
static gboolean
menu_offers (GMenuModel *model,
             const char *action,
             const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *t = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &a) &&
          g_str_equal (a, action) &&
          (target == NULL ||
           (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &t) &&
            g_str_equal (t, target))))
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_offers (link, action, target);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *tag;
  int            offset;
} TagWait;

static gboolean
tag_appears (gpointer data)
{
  TagWait *w = data;

  return has_tag_at (w->buffer, w->tag, w->offset);
}

static gboolean
tag_goes (gpointer data)
{
  return !tag_appears (data);
}

static int
offset_of (GtkTextBuffer *buffer,
           const char    *word)
{
  g_autofree char *text = NULL;
  GtkTextIter a, b;
  const char *at;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  at = strstr (text, word);
  g_assert_nonnull (at);
  return (int) g_utf8_pointer_to_offset (text, at);
}

/* Puts the cursor inside @word and opens the word menu there, as
 * Shift+F10 does, after @wait_ms of main loop; returns the menu. */
static GMenuModel *
word_menu_after (HelderWindow  *window,
                 GtkTextBuffer *buffer,
                 const char    *word,
                 guint          wait_ms)
{
  GtkTextIter iter;
  gboolean seen_popover = FALSE;

  helder_test_iterate (wait_ms);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset_of (buffer, word) + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (find (window, "document_editor"), "editor.word-menu", NULL);
  helder_test_iterate (50);
  /* The menu is up; close it as Escape would, the model stays. */
  for (GtkWidget *child = gtk_widget_get_first_child (find (window, "text_view"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      {
        seen_popover = TRUE;
        gtk_popover_popdown (GTK_POPOVER (child));
      }
  g_assert_true (seen_popover);
  helder_test_iterate (50);
  return gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (find (window, "text_view")));
}

/* The same once the analysis of the last edit has come back (200 ms
 * after it). */
static GMenuModel *
word_menu (HelderWindow  *window,
           GtkTextBuffer *buffer,
           const char    *word)
{
  return word_menu_after (window, buffer, word, 600);
}

/* Open a document, type, and see the marks, the panel and the autosave. */
static void
test_editor_live_checks (void)
{
  HelderWindow *window = open_window ("editor.db");
  HelderStore *store = helder_application_get_store (app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) saved = NULL;
  GtkListBox *documents;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  const char *text = "Wij hebben de vergaderign verplaatst teneinde iedereen te laten komen.";
  TagWait typo, jargon;

  g_object_set (document, "title", "Brief aan de buurt", "target-level", 2, NULL);
  helder_store_save (store, document, NULL);
  g_assert_true (helder_test_wait_for (analyzer_ready, NULL));

  g_assert_cmpstr (page_state (window, "write"), ==, "content");
  documents = GTK_LIST_BOX (find (window, "documents_list"));
  g_signal_emit_by_name (documents, "row-activated", gtk_list_box_get_row_at_index (documents, 0));
  helder_test_iterate (100);
  g_assert_cmpstr (page_state (window, "write"), ==, "editor");

  view = GTK_TEXT_VIEW (find (window, "text_view"));
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  /* The cursor leaves the last word, as a writer would. */
  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  typo = (TagWait) { buffer, "spelling", (int) (strstr (text, "vergaderign") - text) + 2 };
  jargon = (TagWait) { buffer, "jargon", (int) (strstr (text, "teneinde") - text) + 2 };
  g_assert_true (helder_test_wait_for (tag_appears, &typo));
  g_assert_true (helder_test_wait_for (tag_appears, &jargon));
  g_assert_false (has_tag_at (buffer, "spelling", 1));

  /* The panel shows the level against the document's target. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (window, "level_label"))), "doel: niveau 2"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (window, "findings_list")), 0));

  /* Kind and target level are set by the title; the panel follows. */
  {
    g_autoptr(HelderRecord) changed = NULL;
    GtkDropDown *kind = GTK_DROP_DOWN (find (window, "kind_dropdown"));
    GtkStringObject *label;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (find (window, "level_dropdown")), 3);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (window, "level_label"))), "doel: niveau 4"));
    gtk_drop_down_set_selected (kind, 2);
    label = g_list_model_get_item (gtk_drop_down_get_model (kind), 2);
    g_assert_cmpstr (gtk_string_object_get_string (label), ==, "news item");
    g_object_unref (label);
    changed = helder_store_load (store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
    g_assert_cmpint (helder_record_get_int (changed, "target_level"), ==, 4);
    g_assert_cmpstr (helder_record_get_text (changed, "kind"), ==, "nieuwsbericht");
  }

  /* Saved within a second of the last key. */
  helder_test_iterate (1300);
  saved = helder_store_load (store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (saved, "body"), ==, text);

  /* The legend switches a category's marks off and on. */
  {
    GtkFlowBox *legend = GTK_FLOW_BOX (find (window, "legend"));
    GtkCheckButton *spelling = GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (legend, 0)));

    g_assert_true (g_str_has_prefix (gtk_check_button_get_label (spelling), "Spelling (1)"));
    gtk_check_button_set_active (spelling, FALSE);
    g_assert_false (has_tag_at (buffer, "spelling", typo.offset));
    g_assert_true (has_tag_at (buffer, "jargon", jargon.offset));
    gtk_check_button_set_active (spelling, TRUE);
    g_assert_true (has_tag_at (buffer, "spelling", typo.offset));
  }

  /* Find and replace all, case-insensitive. */
  gtk_widget_activate_action (find (window, "document_editor"), "editor.find", NULL);
  /* (GtkDropDown has a "search_entry" of its own: look in the bar.) */
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (find (window, "search_bar"), "search_entry")), "TENEINDE");
  gtk_editable_set_text (GTK_EDITABLE (find (window, "replace_entry")), "om");
  g_signal_emit_by_name (helder_test_find_by_id (find (window, "search_bar"), "search_entry"), "activate");
  {
    GtkWidget *replace_all = find_button_with_label (find (window, "search_bar"), "Replace _All");
    g_autofree char *after = NULL;
    GtkTextIter a, b;

    g_assert_nonnull (replace_all);
    g_signal_emit_by_name (replace_all, "clicked");
    gtk_text_buffer_get_bounds (buffer, &a, &b);
    after = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (after, ==, "Wij hebben de vergaderign verplaatst om iedereen te laten komen.");
  }

  /* Duplicate opens the copy; delete closes it and can be undone. */
  gtk_widget_activate_action (find (window, "document_editor"), "document.duplicate", NULL);
  helder_test_iterate (100);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (window, "title_entry"))), ==, "Brief aan de buurt (copy)");
  gtk_widget_activate_action (find (window, "document_editor"), "document.delete", NULL);
  helder_test_iterate (100);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 1);
  g_assert_cmpstr (page_state (window, "write"), ==, "content");
}

/* The word menu: a spelling suggestion, an officialese replacement,
 * adding to the personal dictionary and ignoring, which the document
 * keeps. */
/* Saves @document as the only one, opens it in Schrijven once the
 * analyser is there, and returns the editor's buffer. */
static GtkTextBuffer *
open_in_editor (HelderWindow *window,
                HelderStore  *store,
                HelderRecord *document)
{
  GtkListBox *documents;

  helder_store_save (store, document, NULL);
  g_assert_true (helder_test_wait_for (analyzer_ready, NULL));
  page_state (window, "write");
  documents = GTK_LIST_BOX (find (window, "documents_list"));
  g_signal_emit_by_name (documents, "row-activated", gtk_list_box_get_row_at_index (documents, 0));
  helder_test_iterate (100);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (window, "text_view")));
}

/* Right after typing, before the new analysis is back: the words before
 * and after the edit still offer their corrections, at their new place. */
static void
test_editor_word_menu_while_typing (void)
{
  HelderWindow *window = open_window ("word-menu-typing.db");
  HelderStore *store = helder_application_get_store (app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *editor;
  GMenuModel *menu;
  GtkTextIter at, a, b;
  TagWait wait;

  g_object_set (document, "title", "Bewonersbrief", "body",
                "De vergaderign is op maandag. Dan meer tekst over de straat. "
                "Wij komen teneinde u te informeren.", NULL);
  buffer = open_in_editor (window, store, document);
  editor = find (window, "document_editor");
  wait = (TagWait) { buffer, "spelling", offset_of (buffer, "vergaderign") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  wait = (TagWait) { buffer, "jargon", offset_of (buffer, "teneinde") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  helder_test_iterate (300);

  /* Typed between them; no main loop runs, so no analysis can come back */
  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset_of (buffer, "meer"));
  gtk_text_buffer_insert (buffer, &at, "veel ", -1);

  menu = word_menu_after (window, buffer, "vergaderign", 0);
  g_assert_true (menu_offers (menu, "editor.correct", "vergadering"));
  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset_of (buffer, "veel meer") + 2);
  gtk_text_buffer_insert (buffer, &at, "x", -1);
  menu = word_menu_after (window, buffer, "teneinde", 0);
  g_assert_true (menu_offers (menu, "editor.correct", "om"));
  gtk_widget_activate_action (editor, "editor.correct", "s", "om");

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_assert_cmpstr (text, ==, "De vergaderign is op maandag. Dan vexel meer tekst over de straat. "
                             "Wij komen om u te informeren.");

  /* A word the typing is joined to is not offered: its finding no longer
   * covers the word as it now is */
  helder_test_iterate (800);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset_of (buffer, "vergaderign") + strlen ("vergaderign"));
  gtk_text_buffer_insert (buffer, &at, "s", -1);
  menu = word_menu_after (window, buffer, "vergaderigns", 0);
  g_assert_false (menu_offers (menu, "editor.correct", "vergadering"));
  helder_test_iterate (300);
}

static void
test_editor_word_menu (void)
{
  HelderWindow *window = open_window ("word-menu.db");
  HelderStore *store = helder_application_get_store (app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) saved = NULL;
  g_autoptr(GListModel) words = NULL;
  g_autoptr(HelderRecord) word = NULL;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  GMenuModel *menu;
  g_autofree char *text = NULL;
  GtkTextIter a, b;
  TagWait wait;
  const char * const *ignored;

  g_object_set (document, "title", "Uitnodiging", "body",
                "De vergaderign is teneinde de buurt te informeren over de Vlorpen. "
                "Wij nodigen ook Grumsel uit.", NULL);
  buffer = open_in_editor (window, store, document);
  editor = find (window, "document_editor");

  wait = (TagWait) { buffer, "spelling", offset_of (buffer, "vergaderign") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));

  /* A spelling suggestion replaces the word. */
  menu = word_menu (window, buffer, "vergaderign");
  g_assert_true (menu_offers (menu, "editor.correct", "vergadering"));
  g_assert_true (menu_offers (menu, "editor.add-word", "personal"));
  g_assert_true (menu_offers (menu, "app.spelling-language", "nl_BE"));
  gtk_widget_activate_action (editor, "editor.correct", "s", "vergadering");

  /* Officialese is replaced in one click. */
  wait = (TagWait) { buffer, "jargon", offset_of (buffer, "teneinde") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  menu = word_menu (window, buffer, "teneinde");
  g_assert_true (menu_offers (menu, "editor.correct", "om"));
  g_assert_false (menu_offers (menu, "editor.add-word", NULL));
  gtk_widget_activate_action (editor, "editor.correct", "s", "om");
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_assert_true (g_str_has_prefix (text, "De vergadering is om de buurt"));

  /* Added to my dictionary: stored, private, and no longer marked. */
  wait = (TagWait) { buffer, "spelling", offset_of (buffer, "Vlorpen") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  menu = word_menu (window, buffer, "Vlorpen");
  g_assert_true (menu_offers (menu, "editor.add-word", "personal"));
  gtk_widget_activate_action (editor, "editor.add-word", "s", "personal");
  g_assert_true (helder_test_wait_for (tag_goes, &wait));
  words = helder_store_list (store, HELDER_TYPE_DICTIONARY_WORD, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (words), ==, 1);
  word = g_list_model_get_item (words, 0);
  g_assert_cmpstr (helder_record_get_text (word, "word"), ==, "Vlorpen");
  g_assert_cmpstr (helder_record_get_text (word, "scope"), ==, "personal");
  g_assert_cmpint (helder_record_get_visibility (word), ==, HELDER_VISIBILITY_PRIVATE);

  /* Ignored in this document: unmarked, and kept with the document. */
  wait = (TagWait) { buffer, "spelling", offset_of (buffer, "Grumsel") + 1 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  menu = word_menu (window, buffer, "Grumsel");
  g_assert_true (menu_offers (menu, "editor.ignore", NULL));
  gtk_widget_activate_action (editor, "editor.ignore", NULL);
  g_assert_true (helder_test_wait_for (tag_goes, &wait));
  saved = helder_store_load (store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  ignored = helder_record_get_list (saved, "ignored");
  g_assert_nonnull (ignored);
  g_assert_true (g_strv_contains (ignored, "Grumsel"));
  g_assert_nonnull (strstr (helder_record_get_text (saved, "body"), "vergadering is om"));

  /* Another language, and back while it loads: the open document is
   * checked again, by the analyser of the language chosen last. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "spelling-language", g_variant_new_string ("en_US"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "spelling-language", g_variant_new_string ("nl_NL"));
  g_assert_true (helder_test_wait_for (analyzer_ready, NULL));
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " Tot ziens bij de vergaderign.", -1);
    gtk_text_buffer_get_start_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }
  wait = (TagWait) { buffer, "spelling", offset_of (buffer, "ziens bij de vergaderign") + 14 };
  g_assert_true (helder_test_wait_for (tag_appears, &wait));
  /* Dutch again: "Tot ziens" is no spelling error. */
  g_assert_false (has_tag_at (buffer, "spelling", offset_of (buffer, "Tot ziens") + 1));
}

/* A planner message opens its text in Schrijven; one without a text
 * gets a new document that the message then points to. */
static void
test_message_opens_text (void)
{
  HelderWindow *window = open_window ("message-text.db");
  HelderStore *store = helder_application_get_store (app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(HelderRecord) priority = helder_record_new (HELDER_TYPE_PRIORITY);
  g_autoptr(HelderRecord) saved = NULL;
  GtkListBox *messages;

  g_object_set (document, "title", "Brief over de riolering", "body", "Beste bewoner,", NULL);
  helder_store_save (store, document, NULL);
  g_object_set (message, "title", "Riolering Pastoor van Leeuwenstraat",
                "body", helder_record_get_id (document), NULL);
  helder_store_save (store, message, NULL);
  g_object_set (priority, "title", "Betaalbaar wonen", NULL);
  helder_store_save (store, priority, NULL);

  g_assert_cmpstr (page_state (window, "planner"), ==, "content");
  messages = GTK_LIST_BOX (find (window, "messages_list"));
  g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (messages, 0)));
  /* Other planner rows do not pretend to open. */
  g_assert_false (gtk_list_box_row_get_activatable (
    gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (window, "priorities_list")), 0)));
  g_signal_emit_by_name (messages, "row-activated", gtk_list_box_get_row_at_index (messages, 0));
  helder_test_iterate (100);
  g_assert_cmpstr (helder_window_get_page (window), ==, "write");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (window, "title_entry"))), ==, "Brief over de riolering");

  /* Without a text: a new one, linked. */
  g_object_set (message, "body", NULL, NULL);
  helder_store_save (store, message, NULL);
  page_state (window, "planner");
  messages = GTK_LIST_BOX (find (window, "messages_list"));
  g_signal_emit_by_name (messages, "row-activated", gtk_list_box_get_row_at_index (messages, 0));
  helder_test_iterate (100);
  g_assert_cmpstr (helder_window_get_page (window), ==, "write");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (window, "title_entry"))), ==,
                   "Riolering Pastoor van Leeuwenstraat");
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 2);
  saved = helder_store_load (store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
  g_assert_nonnull (helder_record_get_text (saved, "body"));
  g_assert_cmpstr (helder_record_get_text (saved, "body"), !=, helder_record_get_id (document));
}

/* The child half of test_autosave_after_kill: types, waits for the
 * autosave, types again and says so; the parent then kills it. */
static int
run_typist (const char *path)
{
  HelderWindow *window;
  HelderStore *store;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  GtkListBox *documents;
  GtkTextBuffer *buffer;

  helder_application_open_store (app, path, NULL);
  g_application_activate (G_APPLICATION (app));
  window = HELDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  helder_test_wait_for (helder_test_is_mapped, window);
  store = helder_application_get_store (app);
  g_object_set (document, "title", "Bewaard", NULL);
  helder_store_save (store, document, NULL);

  page_state (window, "write");
  documents = GTK_LIST_BOX (find (window, "documents_list"));
  g_signal_emit_by_name (documents, "row-activated", gtk_list_box_get_row_at_index (documents, 0));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (window, "text_view")));

  gtk_text_buffer_insert_at_cursor (buffer, "Eerste zin.", -1);
  helder_test_iterate (1400);
  gtk_text_buffer_insert_at_cursor (buffer, " Tweede zin.", -1);
  g_print ("typed\n");
  fflush (stdout);
  helder_test_iterate (60 * 1000);
  return 0;
}

static const char *test_binary;

/* A killed app loses at most the last second of typing. */
static void
test_autosave_after_kill (void)
{
  g_autofree char *path = g_build_filename (data_dir, "killed.db", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderStore) store = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(HelderRecord) document = NULL;
  g_autofree char *line = NULL;

  g_remove (path);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, test_binary, "--typist", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  /* (GTest's own comment lines come first.) */
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL && line[0] == '#')
    g_clear_pointer (&line, g_free);
  g_assert_cmpstr (line, ==, "typed");
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);

  store = helder_store_open (path, &error);
  g_assert_no_error (error);
  documents = helder_store_list (store, HELDER_TYPE_DOCUMENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  document = g_list_model_get_item (documents, 0);
  /* What was typed more than a second before the kill is there. */
  g_assert_true (g_str_has_prefix (helder_record_get_text (document, "body"), "Eerste zin."));
}

static void
test_corrupt_store_reported (void)
{
  g_autofree char *path = g_build_filename (data_dir, "corrupt.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWindow *window;
  AdwStatusPage *error_page;

  helder_test_close_windows (GTK_APPLICATION (app));
  g_file_set_contents (path, "SQLite format 3\0 maar verder onzin", 34, NULL);
  g_file_get_contents (path, &before, NULL, NULL);

  g_test_expect_message ("helder-application", G_LOG_LEVEL_WARNING, "*damaged*left untouched*");
  g_assert_false (helder_application_open_store (app, path, NULL));
  g_test_assert_expected_messages ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find (HELDER_WINDOW (window), "main_stack"))),
                   ==, "error");
  error_page = ADW_STATUS_PAGE (find (HELDER_WINDOW (window), "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), path));

  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpmem (before, 34, after, 34);
}

static guint
count_findings (const char  *text,
                HelderCheck  category)
{
  g_autoptr(HelderAnalysis) analysis = helder_text_analyzer_analyze (helder_application_get_analyzer (app),
                                                                     text, -1, NULL);
  guint n = 0;

  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    n += helder_analysis_get_finding (analysis, i)->category == category;
  return n;
}

/* The house style follows the store: a word to avoid counts once it is
 * saved and no longer once it is deleted; the wijk of works is a name. */
static void
test_house_style_follows_store (void)
{
  const char *text = "Zet de kliko in Kagerhof buiten.";
  HelderStore *store;
  g_autoptr(HelderRecord) entry = helder_record_new (HELDER_TYPE_WORD_LIST_ENTRY);
  g_autoptr(HelderRecord) works = helder_record_new (HELDER_TYPE_WORKS);
  g_autoptr(GError) error = NULL;

  open_window ("house-style.db");
  store = helder_application_get_store (app);
  g_assert_true (helder_test_wait_for (analyzer_ready, NULL));
  g_assert_cmpuint (count_findings (text, HELDER_CHECK_JARGON), ==, 0);
  g_assert_cmpuint (count_findings (text, HELDER_CHECK_SPELLING), ==, 1);

  g_object_set (entry, "word", "kliko", "scope", "org", NULL);
  g_object_set (works, "title", "Riolering", "wijk", "Kagerhof", NULL);
  g_assert_true (helder_store_save (store, entry, &error));
  g_assert_true (helder_store_save (store, works, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings (text, HELDER_CHECK_JARGON), ==, 1);
  g_assert_cmpuint (count_findings (text, HELDER_CHECK_SPELLING), ==, 0);

  g_assert_true (helder_store_delete (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings (text, HELDER_CHECK_JARGON), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int skip, status;

  test_binary = argv[0];
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  data_dir = g_dir_make_tmp ("helder-gui-XXXXXX", &error);
  g_assert_no_error (error);

  app = helder_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/pages/visit", test_pages_visit);
  g_test_add_func ("/gui/example-data/shows", test_example_data_shows);
  g_test_add_func ("/gui/new-item", test_new_item);
  g_test_add_func ("/gui/window/size-remembered", test_size_remembered);
  g_test_add_func ("/gui/store/corrupt", test_corrupt_store_reported);
  g_test_add_func ("/gui/sync/conflict", test_conflict_shown_and_resolved);
  g_test_add_func ("/gui/editor/live-checks", test_editor_live_checks);
  g_test_add_func ("/gui/editor/word-menu", test_editor_word_menu);
  g_test_add_func ("/gui/editor/word-menu-while-typing", test_editor_word_menu_while_typing);
  g_test_add_func ("/gui/planner/message-opens-text", test_message_opens_text);
  g_test_add_func ("/gui/editor/autosave-after-kill", test_autosave_after_kill);
  g_test_add_func ("/gui/editor/house-style-follows-store", test_house_style_follows_store);

  if (argc == 3 && g_str_equal (argv[1], "--typist"))
    return run_typist (argv[2]);

  status = g_test_run ();

  helder_test_close_windows (GTK_APPLICATION (app));
  g_object_unref (app);
  return status;
}
