/* test-editor-page.c: Schrijven in a real window: marks, the word menu, autosave, the house style
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "editor/helder-document-editor.h"
#include "editor/helder-editor-service.h"
#include "gui-test-app.h"
#include "store/helder-store-sync.h"
#include "test-util.h"

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
 * analyser is there (Schrijven shown loads it), and returns the editor's
 * buffer. */
static GtkTextBuffer *
open_in_editor (HelderWindow *window,
                HelderStore  *store,
                HelderRecord *document)
{
  helder_store_save (store, document, NULL);
  helder_test_page_state (window, "write");
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
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

  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "content");
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
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
    GtkFlowBox *legend = GTK_FLOW_BOX (helder_test_find_by_id (helder_test_find (window, "document_editor"), "legend"));
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
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find_by_id (helder_test_find (window, "document_editor"), "search_bar"), "search_entry")), "TENEINDE");
  gtk_editable_set_text (GTK_EDITABLE (helder_test_find_by_id (helder_test_find (window, "document_editor"), "replace_entry")), "om");
  g_signal_emit_by_name (helder_test_find_by_id (helder_test_find_by_id (helder_test_find (window, "document_editor"), "search_bar"), "search_entry"), "activate");
  {
    GtkWidget *replace_all = helder_test_find_button (helder_test_find_by_id (helder_test_find (window, "document_editor"), "search_bar"), "Replace _All");
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
  helder_editor_service_want_analyzer (HELDER_EDITOR_SERVICE (helder_application_get_service (test_app,
                                                                HELDER_TYPE_EDITOR_SERVICE)));
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


/* Two desks and a real helder-server: desk A is this window, desk B a
 * colleague's store with its own sync client.  Both sync by hand, so each
 * test says exactly when a change travels. */

typedef struct
{
  char             *server_dir;
  GSubprocess      *server;
  char             *url;
  HelderStore      *a_store;     /* the window's */
  HelderSyncClient *a;
  char             *b_dir;
  HelderStore      *b_store;
  HelderSyncClient *b;
} TwoDesks;

static HelderWindow *
two_desks_start (TwoDesks *t)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b_path = NULL;
  HelderWindow *window;

  t->server_dir = g_dir_make_tmp ("helder-server-XXXXXX", &error);
  g_assert_no_error (error);
  test_admin (t->server_dir, NULL, NULL, "create-org", "hillegom", "Gemeente Hillegom", NULL);
  test_admin (t->server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "sanne", NULL);
  test_admin (t->server_dir, NULL, "geheim-wachtwoord", "add-user", "--org", "hillegom", "--role", "advisor",
              "--password-stdin", "joost", NULL);
  t->server = test_server_start (t->server_dir, &t->url);

  window = helder_test_open_window ("two-desks.db");
  t->a_store = g_object_ref (helder_application_get_store (test_app));
  helder_store_set_user (t->a_store, "sanne");
  t->a = helder_sync_client_new (t->a_store, t->url);
  test_client_login (t->a, "sanne", "geheim-wachtwoord");

  t->b_dir = g_dir_make_tmp ("helder-desk-XXXXXX", &error);
  g_assert_no_error (error);
  b_path = g_build_filename (t->b_dir, "helder.db", NULL);
  t->b_store = helder_store_open (b_path, &error);
  g_assert_no_error (error);
  helder_store_set_user (t->b_store, "joost");
  t->b = helder_sync_client_new (t->b_store, t->url);
  test_client_login (t->b, "joost", "geheim-wachtwoord");
  return window;
}

static void
two_desks_stop (TwoDesks *t)
{
  g_clear_object (&t->a);
  g_clear_object (&t->b);
  g_clear_object (&t->a_store);
  g_clear_object (&t->b_store);
  g_subprocess_send_signal (t->server, SIGKILL);
  g_subprocess_wait (t->server, NULL, NULL);
  g_clear_object (&t->server);
  g_free (t->url);
  g_free (t->server_dir);
  g_free (t->b_dir);
}

static void
sync_ok (HelderSyncClient *client)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (test_client_sync (client, &error));
  g_assert_no_error (error);
}

static char *
buffer_contents (GtkTextBuffer *buffer)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

#define LETTER "Beste bewoner,\n\nDe straat gaat open.\n\nMet vriendelijke groet"

/* A letter on both desks, open in A's editor; returns A's buffer. */
static GtkTextBuffer *
open_shared_letter (TwoDesks      *t,
                    HelderWindow  *window,
                    const char    *body,
                    HelderRecord **document)
{
  GtkTextBuffer *buffer;

  *document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_object_set (*document, "title", "Werk in de straat", "body", body, "target-level", 2, NULL);
  g_assert_true (helder_store_save (t->a_store, *document, NULL));
  sync_ok (t->a);
  sync_ok (t->b);
  g_assert_cmpuint (helder_store_count (t->b_store, HELDER_TYPE_DOCUMENT), ==, 1);

  helder_test_page_state (window, "write");
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
  helder_test_activate_item (helder_test_find (window, "documents_list"), 0);
  helder_test_iterate (100);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (helder_test_find (window, "text_view")));
  {
    g_autofree char *text = buffer_contents (buffer);

    g_assert_cmpstr (text, ==, body);
  }
  return buffer;
}

/* Desk B changes @field of the document and pushes. */
static void
colleague_changes (TwoDesks     *t,
                   HelderRecord *document,
                   const char   *field,
                   const char   *value)
{
  g_autoptr(HelderRecord) theirs = helder_store_load (t->b_store, HELDER_TYPE_DOCUMENT,
                                                       helder_record_get_id (document), NULL);

  g_object_set (theirs, field, value, NULL);
  g_assert_true (helder_store_save (t->b_store, theirs, NULL));
  sync_ok (t->b);
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&cursor);
}

/* (a) A is idle: B's text shows in A's editor, the cursor stays by its
 * words, and A's next typing builds on B's text. */
static void
test_two_desks_idle (void)
{
  TwoDesks t = { 0 };
  HelderWindow *window = two_desks_start (&t);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderRecord) on_b = NULL;
  GtkTextBuffer *buffer = open_shared_letter (&t, window, LETTER, &document);
  const char *theirs = "Beste bewoner,\n\nDe straat gaat maandag 3 maart open.\n\nMet vriendelijke groet";
  g_autofree char *shown = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset_of (buffer, "Met vriendelijke"));
  gtk_text_buffer_place_cursor (buffer, &iter);

  colleague_changes (&t, document, "body", theirs);
  sync_ok (t.a);
  helder_test_iterate (100);
  shown = buffer_contents (buffer);
  g_assert_cmpstr (shown, ==, theirs);
  g_assert_cmpint (cursor_offset (buffer), ==, offset_of (buffer, "Met vriendelijke"));

  /* A types on: that builds on B's text */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, ",\nSanne", -1);
  helder_test_iterate (1300);
  sync_ok (t.a);
  sync_ok (t.b);
  on_b = helder_store_load (t.b_store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (on_b, "body"), ==,
                   "Beste bewoner,\n\nDe straat gaat maandag 3 maart open.\n\nMet vriendelijke groet,\nSanne");
  g_assert_cmpuint (helder_store_count_conflicts (t.a_store), ==, 0);
  g_assert_cmpuint (helder_store_count_conflicts (t.b_store), ==, 0);
  two_desks_stop (&t);
}

/* (b) A is typing while B's change to another field arrives: merged, and
 * both desks end with both edits. */
static void
test_two_desks_typing_merges (void)
{
  TwoDesks t = { 0 };
  HelderWindow *window = two_desks_start (&t);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderRecord) on_b = NULL;
  GtkTextBuffer *buffer = open_shared_letter (&t, window, LETTER, &document);
  g_autofree char *shown = NULL;
  GtkTextIter start;

  colleague_changes (&t, document, "title", "Werk in de Pastoor van Leeuwenstraat");
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Let op! ", -1);
  /* Before the autosave: the change meets unsaved typing */
  sync_ok (t.a);
  helder_test_iterate (100);

  shown = buffer_contents (buffer);
  g_assert_cmpstr (shown, ==, "Let op! " LETTER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find (window, "title_entry"))), ==,
                   "Werk in de Pastoor van Leeuwenstraat");
  g_assert_cmpuint (helder_store_count_conflicts (t.a_store), ==, 0);

  sync_ok (t.a);
  sync_ok (t.b);
  on_b = helder_store_load (t.b_store, HELDER_TYPE_DOCUMENT, helder_record_get_id (document), NULL);
  g_assert_cmpstr (helder_record_get_text (on_b, "title"), ==, "Werk in de Pastoor van Leeuwenstraat");
  g_assert_cmpstr (helder_record_get_text (on_b, "body"), ==, "Let op! " LETTER);
  two_desks_stop (&t);
}

/* (b) A is typing while B changes the same text: A's typing stays on
 * screen, B's version waits in Needs Attention, and Keep Both keeps both
 * on both desks. */
static void
test_two_desks_typing_conflict (void)
{
  TwoDesks t = { 0 };
  HelderWindow *window = two_desks_start (&t);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(JsonArray) conflicts = NULL;
  g_autoptr(GListModel) documents = NULL;
  GtkTextBuffer *buffer = open_shared_letter (&t, window, LETTER, &document);
  const char *theirs = "Beste bewoner,\n\nDe straat gaat dinsdag open.\n\nMet vriendelijke groet";
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;
  JsonObject *server;
  gboolean mine_seen = FALSE, theirs_seen = FALSE;
  GtkTextIter start;

  colleague_changes (&t, document, "body", theirs);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Let op! ", -1);
  sync_ok (t.a);
  helder_test_iterate (100);

  /* Nothing overwritten: A's text on screen and stored here, B's beside it */
  shown = buffer_contents (buffer);
  g_assert_cmpstr (shown, ==, "Let op! " LETTER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find (window, "notice"))));
  g_assert_cmpuint (helder_store_count_conflicts (t.a_store), ==, 1);
  conflicts = helder_store_list_conflicts (t.a_store);
  server = json_object_get_object_member (json_array_get_object_element (conflicts, 0), "server");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "data"), "body"), ==,
                   theirs);

  /* Keep both: B's text keeps the document, A's becomes a new one */
  g_assert_true (helder_store_resolve_conflict (t.a_store, helder_record_get_id (document), HELDER_KEEP_BOTH, NULL));
  helder_test_iterate (100);
  after = buffer_contents (buffer);
  g_assert_cmpstr (after, ==, theirs);
  sync_ok (t.a);
  sync_ok (t.b);
  documents = helder_store_list (t.b_store, HELDER_TYPE_DOCUMENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HelderRecord) d = g_list_model_get_item (documents, i);

      mine_seen |= g_strcmp0 (helder_record_get_text (d, "body"), "Let op! " LETTER) == 0;
      theirs_seen |= g_strcmp0 (helder_record_get_text (d, "body"), theirs) == 0;
    }
  g_assert_true (mine_seen);
  g_assert_true (theirs_seen);
  two_desks_stop (&t);
}

static gboolean
has_analysis (gpointer editor)
{
  return helder_document_editor_get_analysis (editor) != NULL;
}

/* A word to avoid that B adds reaches A's open analysis, no restart. */
static void
test_two_desks_word_list (void)
{
  TwoDesks t = { 0 };
  HelderWindow *window = two_desks_start (&t);
  g_autoptr(HelderRecord) document = NULL;
  g_autoptr(HelderRecord) entry = helder_record_new (HELDER_TYPE_WORD_LIST_ENTRY);
  GtkTextBuffer *buffer = open_shared_letter (&t, window, "Zet de kliko op maandag buiten.", &document);
  TagWait avoid = { buffer, "jargon", offset_of (buffer, "kliko") + 1 };
  HelderEditorService *editor =
    HELDER_EDITOR_SERVICE (helder_application_get_service (test_app, HELDER_TYPE_EDITOR_SERVICE));

  /* The first analysis is back (its panel shows the level) */
  g_assert_true (helder_test_wait_for (has_analysis, helder_test_find (window, "document_editor")));
  helder_test_iterate (300);
  g_assert_false (has_tag_at (buffer, "jargon", avoid.offset));

  g_object_set (entry, "word", "kliko", "alternatives", (const char *[]) { "container", NULL },
                "scope", "org", NULL);
  g_assert_true (helder_store_save (t.b_store, entry, NULL));
  sync_ok (t.b);
  sync_ok (t.a);
  g_assert_nonnull (helder_editor_service_get_house_style (editor));
  g_assert_true (helder_test_wait_for (tag_appears, &avoid));
  two_desks_stop (&t);
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
  helder_test_add_isolated ("/editor/two-desks/idle", test_two_desks_idle);
  helder_test_add_isolated ("/editor/two-desks/typing-merges", test_two_desks_typing_merges);
  helder_test_add_isolated ("/editor/two-desks/typing-conflict", test_two_desks_typing_conflict);
  helder_test_add_isolated ("/editor/two-desks/word-list", test_two_desks_word_list);

  if (argc == 3 && g_str_equal (argv[1], "--typist"))
    return run_typist (argv[2]);
  return helder_test_app_main (&argc, &argv);
}
