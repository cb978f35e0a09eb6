/* test-editor-page.c: Schrijven in a real window: marks, the word menu, autosave, the house style
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "gui-test-app.h"

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
  gtk_widget_activate_action (helder_test_find (window, "document_editor"), "editor.word-menu", NULL);
  helder_test_iterate (50);
  /* The menu is up; close it as Escape would, the model stays. */
  for (GtkWidget *child = gtk_widget_get_first_child (helder_test_find (window, "text_view"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      {
        seen_popover = TRUE;
        gtk_popover_popdown (GTK_POPOVER (child));
      }
  g_assert_true (seen_popover);
  helder_test_iterate (50);
  return gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (helder_test_find (window, "text_view")));
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

/* Saves @document as the only one, opens it in Schrijven once the
 * analyser is there, and returns the editor's buffer. */
static GtkTextBuffer *
open_in_editor (HelderWindow *window,
                HelderStore  *store,
                HelderRecord *document)
{
  helder_store_save (store, document, NULL);
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
  helder_test_page_state (window, "write");
  helder_test_activate_item (helder_test_find (window, "documents_list"), 0);
  helder_test_iterate (100);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find (window, "text_view")));
}

/* Open a document, type, and see the marks, the panel and the autosave. */
static void
test_editor_live_checks (void)
{
  HelderWindow *window = helder_test_open_window ("editor.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) saved = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  const char *text = "Wij hebben de vergaderign verplaatst teneinde iedereen te laten komen.";
  TagWait typo, jargon;

  g_object_set (document, "title", "Brief aan de buurt", "target-level", 2, NULL);
  helder_store_save (store, document, NULL);
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));

  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "content");
  helder_test_activate_item (helder_test_find (window, "documents_list"), 0);
  helder_test_iterate (100);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "editor");

  view = GTK_TEXT_VIEW (helder_test_find (window, "text_view"));
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
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (helder_test_find (window, "level_label"))), "doel: niveau 2"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (helder_test_find (window, "findings_list")), 0));

  /* Kind and target level are set by the title; the panel follows. */
  {
    g_autoptr(HelderRecord) changed = NULL;
    GtkDropDown *kind = GTK_DROP_DOWN (helder_test_find (window, "kind_dropdown"));
    GtkStringObject *label;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (helder_test_find (window, "level_dropdown")), 3);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (helder_test_find (window, "level_label"))), "doel: niveau 4"));
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
    GtkFlowBox *legend = GTK_FLOW_BOX (helder_test_find (window, "legend"));
    GtkCheckButton *spelling = GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (legend, 0)));

    g_assert_true (g_str_has_prefix (gtk_check_button_get_label (spelling), "Spelling (1)"));
    gtk_check_button_set_active (spelling, FALSE);
    g_assert_false (has_tag_at (buffer, "spelling", typo.offset));
    g_assert_true (has_tag_at (buffer, "jargon", jargon.offset));
    gtk_check_button_set_active (spelling, TRUE);
    g_assert_true (has_tag_at (buffer, "spelling", typo.offset));
  }

  /* Find and replace all, case-insensitive. */
  gtk_widget_activate_action (helder_test_find (window, "document_editor"), "editor.find", NULL);
  /* (GtkDropDown has a "search_entry" of its own: look in the bar.) */
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "search_bar"), "search_entry")), "TENEINDE");
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find (window, "replace_entry")), "om");
  g_signal_emit_by_name (helder_test_find_by_id (helder_test_find (window, "search_bar"), "search_entry"), "activate");
  {
    GtkWidget *replace_all = helder_test_find_button (helder_test_find (window, "search_bar"), "Replace _All");
    g_autofree char *after = NULL;
    GtkTextIter a, b;

    g_assert_nonnull (replace_all);
    g_signal_emit_by_name (replace_all, "clicked");
    gtk_text_buffer_get_bounds (buffer, &a, &b);
    after = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (after, ==, "Wij hebben de vergaderign verplaatst om iedereen te laten komen.");
  }

  /* Duplicate opens the copy; delete closes it and can be undone. */
  gtk_widget_activate_action (helder_test_find (window, "document_editor"), "document.duplicate", NULL);
  helder_test_iterate (100);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find (window, "title_entry"))), ==, "Brief aan de buurt (copy)");
  gtk_widget_activate_action (helder_test_find (window, "document_editor"), "document.delete", NULL);
  helder_test_iterate (100);
  g_assert_cmpuint (helder_store_count (store, HELDER_TYPE_DOCUMENT), ==, 1);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "content");
}

/* Right after typing, before the new analysis is back: the words before
 * and after the edit still offer their corrections, at their new place. */
static void
test_editor_word_menu_while_typing (void)
{
  HelderWindow *window = helder_test_open_window ("word-menu-typing.db");
  HelderStore *store = helder_application_get_store (test_app);
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
  editor = helder_test_find (window, "document_editor");
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
  HelderWindow *window = helder_test_open_window ("word-menu.db");
  HelderStore *store = helder_application_get_store (test_app);
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
  editor = helder_test_find (window, "document_editor");

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
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "spelling-language", g_variant_new_string ("en_US"));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "spelling-language", g_variant_new_string ("nl_NL"));
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
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

/* The child half of test_autosave_after_kill: types, waits for the
 * autosave, types again and says so; the parent then kills it. */
static int
run_typist (const char *path)
{
  HelderWindow *window;
  HelderStore *store;
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;

  test_app = helder_application_new ();
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
  helder_application_open_store (test_app, path, NULL);
  g_application_activate (G_APPLICATION (test_app));
  window = HELDER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test_app)));
  store = helder_application_get_store (test_app);
  g_object_set (document, "title", "Bewaard", NULL);
  helder_store_save (store, document, NULL);

  helder_test_page_state (window, "write");
  helder_test_activate_item (helder_test_find (window, "documents_list"), 0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find (window, "text_view")));

  gtk_text_buffer_insert_at_cursor (buffer, "Eerste zin.", -1);
  helder_test_iterate (1400);
  gtk_text_buffer_insert_at_cursor (buffer, " Tweede zin.", -1);
  g_print ("typed\n");
  fflush (stdout);
  helder_test_iterate (60 * 1000);
  return 0;
}

static const char *test_binary;

/* A killed test_app loses at most the last second of typing. */
static void
test_autosave_after_kill (void)
{
  g_autofree char *path = g_build_filename (test_data_dir, "killed.db", NULL);
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

static guint
count_findings (const char  *text,
                HelderCheck  category)
{
  g_autoptr(HelderAnalysis) analysis = helder_text_analyzer_analyze (helder_application_get_analyzer (test_app),
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

  helder_test_open_window ("house-style.db");
  store = helder_application_get_store (test_app);
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
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
  int skip;

  test_binary = argv[0];
  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/editor/live-checks", test_editor_live_checks);
  helder_test_add_isolated ("/editor/word-menu", test_editor_word_menu);
  helder_test_add_isolated ("/editor/word-menu-while-typing", test_editor_word_menu_while_typing);
  helder_test_add_isolated ("/editor/autosave-after-kill", test_autosave_after_kill);
  helder_test_add_isolated ("/editor/house-style-follows-store", test_house_style_follows_store);

  if (argc == 3 && g_str_equal (argv[1], "--typist"))
    return run_typist (argv[2]);
  return helder_test_app_main (&argc, &argv);
}
