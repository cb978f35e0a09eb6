/* test-library-page.c: Bibliotheek in a real window
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gui-test-app.h"
#include "library/helder-library-page-private.h"
#include "library/helder-library-attachments.h"
#include "library/helder-library-history.h"
#include "library/helder-markdown-view.h"
#include "library/helder-toolkit-pane.h"
#include "channels/helder-channel-editor.h"
#include "library/helder-library-text.h"
#include "service/helder-record-follower.h"
#include "service/helder-session.h"


/* With HELDER_TEST_SHOTS set, what @window shows goes to a PNG there. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *dir = g_getenv ("HELDER_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;
  helder_test_iterate (300);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  if (width == 0 || height == 0)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* The example data's toolkit documents and trainings. */
static void
test_example_data (void)
{
  HelderWindow *window = helder_test_open_window ("library-example.db");

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "toolkits_list")), >, 0);
  g_assert_cmpuint (helder_test_count_items (helder_test_find (window, "trainings_list")), >, 0);
}

/* A training saved elsewhere (sync writes the store the same way) joins
 * the open list, in start order. */
static void
test_training_arrives (void)
{
  HelderWindow *window = helder_test_open_window ("library-live.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) later = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) sooner = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) first = NULL;
  g_autoptr(GListModel) model = NULL;

  g_object_set (later, "title", "Schrijven op B1", "starts_at", "2027-03-10T09:30:00+01:00", NULL);
  g_assert_true (helder_store_save (store, later, NULL));
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  g_object_get (helder_test_find (window, "trainings_list"), "model", &model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  g_object_set (sooner, "title", "Webcare in de praktijk", "starts_at", "2027-02-03T13:00:00+01:00", NULL);
  g_assert_true (helder_store_save (store, sooner, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (helder_record_get_title (first), ==, "Webcare in de praktijk");
}

/* Staff read the library; writing toolkit documents is not offered. */
static void
test_staff_sees_no_new (void)
{
  HelderWindow *window = helder_test_open_window ("library-staff.db");
  GtkWidget *page = helder_test_page (window, "library");

  helder_test_page_state (window, "library");
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (page, "new_button")));
}


/* Every construct the library's documents use, rendered natively. */
static const char every_construct[] =
  "# Webteksten schrijven\n"
  "\n"
  "Schrijf *kort* en **duidelijk**, met `B1` als doel en ~~jargon~~ zonder.\n"
  "Lees ook [de schrijfwijzer](https://www.hillegom.nl/schrijfwijzer).\n"
  "\n"
  "## Stappen\n"
  "\n"
  "1. Bepaal de doelgroep\n"
  "2. Schrijf de kern eerst\n"
  "   - één boodschap\n"
  "   - korte zinnen\n"
  "\n"
  "- [x] Getest met lezers\n"
  "- [ ] Nagekeken\n"
  "\n"
  "> Een goede tekst lees je één keer.\n"
  "\n"
  "| Kanaal | Bereik | Snelheid |\n"
  "|--------|-------:|:--------:|\n"
  "| Nieuwsbrief | 4.200 | dagen |\n"
  "| **Webcare** | 1.100 | uren |\n"
  "\n"
  "![Logo Hillegom](logo.png)\n"
  "![Ontbreekt](geen.png)\n"
  "\n"
  "---\n"
  "\n"
  "```\n"
  "code blijft zoals het is\n"
  "```\n";

static GdkTexture *
test_image (const char *name,
            gpointer    user_data)
{
  static const guint8 pixels[4 * 4 * 4] = { 0 };
  g_autoptr(GBytes) bytes = NULL;

  if (!g_str_equal (name, "logo.png"))
    return NULL;
  bytes = g_bytes_new_static (pixels, sizeof pixels);
  return gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, bytes, 16);
}

static gboolean
has_tag_at (GtkTextView *view,
            const char  *text,
            const char  *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, text, 0, &match, NULL, NULL))
    return FALSE;
  return gtk_text_iter_has_tag (&match,
                                gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name));
}

static gboolean
markdown_complete (gpointer data)
{
  return helder_markdown_view_get_complete (data);
}

static guint
count_anchors (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "\xef\xbf\xbc")) != NULL; p += 3)
    n++;
  return n;
}

/* The ranges of @words in @text, as the search's match ranges give them. */
static GArray *
ranges_of (const char *text,
           ...)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (HelderLibraryRange));
  const char *word;
  va_list args;

  va_start (args, text);
  while ((word = va_arg (args, const char *)) != NULL)
    {
      const char *at = strstr (text, word);
      HelderLibraryRange range;

      g_assert_nonnull (at);
      range.start = g_utf8_pointer_to_offset (text, at);
      range.end = range.start + g_utf8_strlen (word, -1);
      g_array_append_val (ranges, range);
    }
  va_end (args);
  return ranges;
}

static void
test_markdown_constructs (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  HelderMarkdownView *view = HELDER_MARKDOWN_VIEW (helder_markdown_view_new ());
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  GPtrArray *tables;
  GtkWidget *cell;
  g_autoptr(GArray) ranges = NULL;
  int offset;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 800);
  helder_markdown_view_set_image_func (view, test_image, NULL, NULL);
  helder_markdown_view_set_markdown (view, every_construct);
  gtk_window_present (GTK_WINDOW (window));
  helder_test_wait_for (helder_test_is_mapped, view);

  text = helder_markdown_view_get_text (view);
  g_assert_true (g_str_has_prefix (text, "Webteksten schrijven\n"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "# "));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "Webteksten", "h1"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "Stappen", "h2"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "kort", "emphasis"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "duidelijk", "strong"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "B1", "code"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "jargon", "strikethrough"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "goede tekst", "quote"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "code blijft", "code-block"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "Ontbreekt", "missing-image"));
  /* Lists: numbers, nested bullets, task boxes */
  g_assert_nonnull (strstr (text, "1.\tBepaal de doelgroep"));
  g_assert_nonnull (strstr (text, "2.\tSchrijf de kern eerst"));
  g_assert_nonnull (strstr (text, "–\téén boodschap"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "één boodschap", "list-2"));
  g_assert_nonnull (strstr (text, "☑\tGetest met lezers"));
  g_assert_nonnull (strstr (text, "☐\tNagekeken"));
  /* The link keeps its address */
  offset = g_utf8_pointer_to_offset (text, strstr (text, "de schrijfwijzer"));
  link = helder_markdown_view_get_link_at (view, offset + 3);
  g_assert_cmpstr (link, ==, "https://www.hillegom.nl/schrijfwijzer");
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "de schrijfwijzer", "link"));
  /* One table, as a grid of cells with its header and alignment */
  tables = helder_markdown_view_get_tables (view);
  g_assert_cmpuint (tables->len, ==, 1);
  cell = gtk_grid_get_child_at (tables->pdata[0], 0, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "Kanaal");
  g_assert_true (gtk_widget_has_css_class (cell, "heading"));
  cell = gtk_grid_get_child_at (tables->pdata[0], 1, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "1.100");
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 1.0);
  cell = gtk_grid_get_child_at (tables->pdata[0], 0, 2);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "<b>Webcare</b>");
  g_assert_true (gtk_widget_get_mapped (tables->pdata[0]));
  /* The image found among the attachments is a picture; the other one's alt text shows */
  g_assert_cmpuint (count_anchors (text), ==, 2);
  g_assert_nonnull (strstr (text, "\xef\xbf\xbc\n\xef\xbf\xbc"));
  g_assert_null (strstr (text, "Logo Hillegom"));
  /* Highlights mark whole words, and clear */
  ranges = ranges_of (helder_markdown_view_get_document_text (view), "kort", "korte", "Webcare", NULL);
  g_assert_cmpuint (helder_markdown_view_highlight (view, ranges), ==, 3);
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "korte", "highlight"));
  g_assert_false (has_tag_at (GTK_TEXT_VIEW (view), "zinnen", "highlight"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (cell)), "<span background"));
  g_assert_true (helder_markdown_view_scroll_to_first_highlight (view));
  save_shot (window, "library-markdown");
  g_assert_cmpuint (helder_markdown_view_highlight (view, NULL), ==, 0);
  g_assert_false (has_tag_at (GTK_TEXT_VIEW (view), "korte", "highlight"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "<b>Webcare</b>");

  /* A long document: the first screens at once, the rest after the first
   * frame, in order */
  {
    g_autoptr(GString) lng = g_string_new ("# Lang\n\n");
    g_autofree char *all = NULL;

    for (guint i = 0; i < 400; i++)
      g_string_append_printf (lng, "Alinea %u met wat woorden om de regel te vullen, zoals in een handleiding.\n\n", i);
    helder_markdown_view_set_markdown (view, lng->str);
    g_assert_false (helder_markdown_view_get_complete (view));
    g_assert_true (helder_test_wait_for (markdown_complete, view));
    all = helder_markdown_view_get_text (view);
    g_assert_nonnull (strstr (all, "Alinea 0 met"));
    g_assert_nonnull (strstr (all, "Alinea 399 met"));
    g_assert_true (strstr (all, "Alinea 398 met") < strstr (all, "Alinea 399 met"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Three documents of the library, saved as sync would. */
static void
save_toolkit (HelderStore *store,
              const char  *id,
              const char  *title,
              const char  *category,
              const char  *owner,
              const char  *next_review,
              const char  *body)
{
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  const char *tags[] = { "webcare", NULL };

  helder_record_set_id (toolkit, id);
  g_object_set (toolkit, "title", title, "category", category, "owner", owner, "next_review", next_review,
                "body", body, "summary", "Voor iedereen die met inwoners communiceert", NULL);
  if (g_str_equal (category, "toolkit"))
    g_object_set (toolkit, "tags", tags, NULL);
  g_assert_true (helder_store_save (store, toolkit, NULL));
}

static void
save_library (HelderStore *store)
{
  g_autoptr(HelderRecord) user = helder_record_new (HELDER_TYPE_USER);

  g_object_set (user, "name", "Sanne de Vries", "login", "sanne", "role", "advisor", NULL);
  g_assert_true (helder_store_save (store, user, NULL));
  save_toolkit (store, "libgui-vergunning", "Vergunningen uitleggen", "instructie", "sanne", "2027-09-01",
                "# Vergunningen uitleggen\n\nEen **vergunning** leg je uit in gewone woorden.\n\n"
                "| Stap | Wie |\n|---|---|\n| Aanvraag ontvangen | Omgevingsloket |\n| Besluit | Team Vergunningen |\n");
  save_toolkit (store, "libgui-webcare", "Webcare in de praktijk", "toolkit", "karim", "2027-06-01",
                "## Reageren\n\nReageer binnen een uur. Bij een vergunning verwijs je naar het loket.\n");
  save_toolkit (store, "libgui-oud", "Bewonersbrief bij werkzaamheden", "sjabloon", "sanne", "2025-01-10",
                "Een brief over werkzaamheden in de wijk.\n");
}

static gboolean
index_ready (gpointer data)
{
  return helder_library_page_get_index (data) != NULL;
}

static gboolean
results_shown (gpointer data)
{
  HelderLibraryPage *page = data;
  GtkStack *stack = GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "results_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "all") != 0;
}

static void
type_query (HelderLibraryPage *page,
            const char        *text)
{
  GtkWidget *entry = helder_test_find_by_id (GTK_WIDGET (page), "search_entry");
  GtkStack *stack = GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "results_stack"));

  gtk_stack_set_visible_child_name (stack, "all");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (helder_test_wait_for (results_shown, page));
}

static GtkLabel *
result_title (HelderLibraryPage *page,
              int                index)
{
  GtkListBox *list = GTK_LIST_BOX (helder_test_find_by_id (GTK_WIDGET (page), "results_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *box;

  if (row == NULL)
    return NULL;
  box = gtk_list_box_row_get_child (row);
  return GTK_LABEL (gtk_widget_get_first_child (box));
}

static guint
n_results (HelderLibraryPage *page)
{
  GtkListBox *list = GTK_LIST_BOX (helder_test_find_by_id (GTK_WIDGET (page), "results_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
has_results (gpointer data)
{
  return n_results (data) > 0;
}

/* The example data as staff see it, in shots (HELDER_TEST_SHOTS): a
 * search with its matches marked, a document opened from it, an owner's
 * "Te beoordelen" and the trainings. */
static void
test_example_shots (void)
{
  HelderWindow *window = helder_test_open_window ("library-example-shots.db");
  HelderSession *session = helder_application_get_session (test_app);
  HelderLibraryPage *page;
  GtkWidget *views;

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "load-example-data", NULL);
  helder_session_set_login (session, "sanne");
  helder_session_set_role (session, HELDER_SESSION_ROLE_ADVISOR);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  helder_test_iterate (100);
  save_shot (GTK_WIDGET (window), "library-example-all");
  g_assert_true (helder_test_wait_for (index_ready, page));

  /* "crisis" while typing: the crisis instruction first, marked */
  type_query (page, "crisis");
  g_assert_cmpuint (n_results (page), >, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (result_title (page, 0)), "Crisis"));
  g_assert_nonnull (strstr (gtk_label_get_label (result_title (page, 0)), "<span background"));
  helder_test_iterate (100);
  save_shot (GTK_WIDGET (window), "library-example-search");

  g_signal_emit_by_name (helder_test_find_by_id (GTK_WIDGET (page), "search_entry"), "activate");
  helder_test_iterate (200);
  save_shot (GTK_WIDGET (window), "library-example-reading");

  views = helder_test_find_by_id (GTK_WIDGET (page), "views");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "review");
  helder_test_iterate (100);
  save_shot (GTK_WIDGET (window), "library-example-review");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "trainings");
  helder_test_iterate (100);
  save_shot (GTK_WIDGET (window), "library-example-trainings");
}

/* Typing shows ranked results with the matches marked; a filter narrows
 * them; opening one renders it with its matches marked too. */
static void
test_search (void)
{
  HelderWindow *window = helder_test_open_window ("library-search.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderLibraryPage *page;
  GtkWidget *toggle = NULL;
  HelderMarkdownView *view;
  GtkWidget *category_box;
  g_autofree char *suggestion = NULL;

  save_library (store);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  g_assert_true (helder_test_wait_for (index_ready, page));

  /* "vergunningen" finds both: the title hit first, highlighted */
  type_query (page, "vergunningen");
  g_assert_cmpuint (n_results (page), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (result_title (page, 0)), ==, "Vergunningen uitleggen");
  g_assert_nonnull (strstr (gtk_label_get_label (result_title (page, 0)), "<span background"));
  g_assert_cmpstr (gtk_label_get_text (result_title (page, 1)), ==, "Webcare in de praktijk");
  save_shot (GTK_WIDGET (window), "library-search");

  /* The toolkit category alone leaves the webcare toolkit */
  category_box = helder_test_find_by_id (GTK_WIDGET (page), "category_box");
  for (GtkWidget *child = gtk_widget_get_first_child (category_box); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "category"), "toolkit") == 0)
      toggle = child;
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  helder_test_iterate (50);
  g_assert_cmpuint (n_results (page), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (result_title (page, 0)), ==, "Webcare in de praktijk");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  helder_test_iterate (50);
  g_assert_cmpuint (n_results (page), ==, 2);

  /* Enter opens the best one: rendered, its matches marked */
  g_signal_emit_by_name (helder_test_find_by_id (GTK_WIDGET (page), "search_entry"), "activate");
  view = helder_library_reader_get_view (HELDER_LIBRARY_READER (helder_library_page_get_reader (page)));
  g_assert_true (helder_test_wait_for (helder_test_is_mapped, view));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "Vergunningen uitleggen", "h1"));
  g_assert_cmpuint (helder_markdown_view_get_tables (view)->len, ==, 1);
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (view), "vergunning", "highlight"));
  g_assert_cmpuint (helder_markdown_view_get_n_highlights (view), >=, 2);
  save_shot (GTK_WIDGET (window), "library-reading");

  /* A misspelt word: nothing found, and the nearest word offered */
  type_query (page, "vergunnnig");
  g_assert_cmpuint (n_results (page), ==, 0);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (GTK_WIDGET (page), "suggestion_button")));
  suggestion = g_strdup (g_object_get_data (G_OBJECT (helder_test_find_by_id (GTK_WIDGET (page), "suggestion_button")),
                                            "suggestion"));
  g_assert_true (g_str_has_prefix (suggestion, "vergunning"));
  g_signal_emit_by_name (helder_test_find_by_id (GTK_WIDGET (page), "suggestion_button"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (page), "search_entry"))),
                   ==, suggestion);
  g_assert_true (helder_test_wait_for (has_results, page));
  g_assert_cmpuint (n_results (page), >=, 1);
}

/* Without words, the filters narrow the list of all documents. */
static void
test_filters_without_words (void)
{
  HelderWindow *window = helder_test_open_window ("library-filters.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderLibraryPage *page;
  GtkWidget *list;

  save_library (store);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  list = helder_test_find_by_id (GTK_WIDGET (page), "toolkits_list");
  g_assert_cmpuint (helder_test_count_items (list), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (page), "library.owner", "s", "sanne");
  g_assert_cmpuint (helder_test_count_items (list), ==, 2);
  /* Owners by name */
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (helder_test_find_by_id (GTK_WIDGET (page), "owner_button"))),
                   ==, "Sanne de Vries");
  gtk_widget_activate_action (GTK_WIDGET (page), "library.tag", "s", "webcare");
  g_assert_cmpuint (helder_test_count_items (list), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "library.owner", "s", "");
  g_assert_cmpuint (helder_test_count_items (list), ==, 1);
}

/* What the plain-language check reads of the Markdown: the text in
 * place, the syntax blanked. */
static void
test_check_text (void)
{
  static const char *cases[][2] = {
    { "## Stappen\n", "   Stappen\n" },
    { "- [x] Getest met **lezers**", "      Getest met   lezers  " },
    { "1. Lees [de wijzer](https://x.nl/a_(b)) eerst.", "   Lees  de wijzer                      eerst." },
    { "| Kanaal | Bereik |\n|---|---:|\n| Één | 4 |", "  Kanaal   Bereik  \n          \n  Één   4  " },
    { "> *Citaat* met `code`", "   Citaat  met  code " },
    { "2024 was een goed jaar.", "2024 was een goed jaar." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = helder_library_editor_check_text (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
      g_assert_cmpint (g_utf8_strlen (text, -1), ==, g_utf8_strlen (cases[i][0], -1));
    }
}

static gboolean
preview_has_heading (gpointer data)
{
  g_autofree char *text = helder_markdown_view_get_text (data);

  return strstr (text, "Nieuw kopje\n") != NULL;
}

static gboolean
editor_marked (gpointer data)
{
  return helder_library_editor_get_n_marks (data) > 0;
}

/* "Bewerken": the source beside its preview, checked like a Schrijven
 * text, saved through the library service; staff do not get it. */
static void
test_editor (void)
{
  HelderWindow *window = helder_test_open_window ("library-editor.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderLibraryPage *page;
  HelderLibraryEditor *editor;
  GtkWidget *reader, *source, *preview;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(HelderRecord) stored = NULL;
  g_autofree char *preview_text = NULL;

  save_library (store);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  helder_test_activate_item (helder_test_find_by_id (GTK_WIDGET (page), "toolkits_list"), 0);
  reader = helder_library_page_get_reader (page);
  g_assert_nonnull (helder_library_reader_get_toolkit (HELDER_LIBRARY_READER (reader)));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (reader, "edit_button")));

  g_assert_true (gtk_widget_activate_action (reader, "reader.edit", NULL));
  helder_test_iterate (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "stack"))),
                   ==, "editor");
  editor = HELDER_LIBRARY_EDITOR (helder_test_find_by_id (GTK_WIDGET (page), "editor"));
  source = helder_test_find_by_id (GTK_WIDGET (editor), "source_view");
  preview = helder_test_find_by_id (GTK_WIDGET (editor), "preview");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (source));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end,
                          "\n## Nieuw kopje\n\nDe aanvraag wordt door de gemeente in behandeling genomen "
                          "teneinde een besluit te nemen.\n", -1);

  /* The preview follows while typing; the analyser marks the source */
  g_assert_true (helder_test_wait_for (preview_has_heading, preview));
  preview_text = helder_markdown_view_get_text (HELDER_MARKDOWN_VIEW (preview));
  g_assert_nonnull (strstr (preview_text, "Nieuw kopje\n"));
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (preview), "Nieuw kopje", "h2"));
  g_assert_true (helder_test_wait_for (helder_test_analyzer_ready, NULL));
  g_assert_true (helder_test_wait_for (editor_marked, editor));
  save_shot (GTK_WIDGET (window), "library-editor");

  /* Ctrl+S saves through the service */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "library-editor.save", NULL));
  g_assert_false (helder_library_editor_get_modified (editor));
  stored = helder_store_load (store, HELDER_TYPE_TOOLKIT,
                              helder_record_get_id (helder_library_editor_get_toolkit (editor)), NULL);
  g_assert_nonnull (stored);
  g_assert_nonnull (strstr (helder_record_get_text (stored, "body"), "## Nieuw kopje"));

  /* Back to reading the saved text */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "library-editor.close", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "stack"))),
                   ==, "content");
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (helder_library_reader_get_view (HELDER_LIBRARY_READER (reader))),
                             "Nieuw kopje", "h2"));

  /* A colleague changes the summary while the text is being edited here:
   * saving keeps both */
  g_assert_true (gtk_widget_activate_action (reader, "reader.edit", NULL));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNog een zin van mij.\n", -1);
  {
    g_autoptr(HelderRecord) theirs = helder_store_load (store, HELDER_TYPE_TOOLKIT,
                                                        helder_record_get_id (helder_library_editor_get_toolkit (editor)),
                                                        NULL);
    g_autoptr(HelderRecord) merged = NULL;

    g_object_set (theirs, "summary", "Nieuwe samenvatting van een collega", NULL);
    g_assert_true (helder_store_save (store, theirs, NULL));
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find_by_id (GTK_WIDGET (editor), "notice"))));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "library-editor.save", NULL));
    merged = helder_store_load (store, HELDER_TYPE_TOOLKIT, helder_record_get_id (theirs), NULL);
    g_assert_cmpstr (helder_record_get_text (merged, "summary"), ==, "Nieuwe samenvatting van een collega");
    g_assert_nonnull (strstr (helder_record_get_text (merged, "body"), "Nog een zin van mij."));
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find_by_id (GTK_WIDGET (editor), "notice"))));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (helder_test_find_by_id (GTK_WIDGET (editor), "summary_entry"))),
                     ==, "Nieuwe samenvatting van een collega");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "library-editor.close", NULL));

  /* Staff read only */
  helder_session_set_role (helder_application_get_session (test_app), HELDER_SESSION_ROLE_STAFF);
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (reader, "edit_button")));
  g_assert_false (gtk_widget_activate_action (reader, "reader.edit", NULL) &&
                  g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "stack"))), "editor") == 0);
}

/* Item 5: beside a Schrijven text, the toolkits for its channel and its
 * kind, to read right there or open in Bibliotheek. */
static void
test_toolkits_in_schrijven (void)
{
  HelderWindow *window = helder_test_open_window ("library-context.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(HelderRecord) channel = helder_record_new (HELDER_TYPE_CHANNEL);
  g_autoptr(HelderRecord) kinds = helder_record_new (HELDER_TYPE_TOOLKIT);
  const char *news[] = { "nieuwsbericht", NULL };
  HelderToolkitPane *pane;
  HelderLibraryPage *library;
  GtkWidget *reader;

  save_library (store);
  g_object_set (channel, "name", "Webcare", NULL);
  g_assert_true (helder_store_save (store, channel, NULL));
  g_object_set (kinds, "title", "Een nieuwsbericht schrijven", "category", "instructie",
                "document_kinds", news, "body", "# Nieuwsberichten\n\nBegin met het nieuws.", NULL);
  g_assert_true (helder_store_save (store, kinds, NULL));
  g_object_set (document, "title", "Reactie op Facebook", "channel", "Webcare", "kind", "overig",
                "body", "Bedankt voor uw bericht.", NULL);
  g_assert_true (helder_store_save (store, document, NULL));

  helder_test_page_state (window, "write");
  helder_test_activate_item (helder_test_find (window, "documents_list"), 0);
  g_assert_cmpstr (helder_test_page_state (window, "write"), ==, "editor");
  pane = HELDER_TOOLKIT_PANE (helder_test_find_by_id (helder_test_page (window, "write"), "toolkit_pane"));
  g_assert_nonnull (pane);
  /* Webcare: the toolkit tagged webcare */
  g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (pane), ==, 1);
  g_assert_true (helder_test_shows_text (window, "Webcare in de praktijk"));
  save_shot (GTK_WIDGET (window), "library-toolkits-in-schrijven");

  /* A kind of text brings its own */
  helder_toolkit_pane_set_context (pane, NULL, "nieuwsbericht");
  g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (pane), ==, 1);
  g_assert_true (helder_test_shows_text (window, "Een nieuwsbericht schrijven"));

  /* A planner message by its chosen channels (ids) */
  {
    g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
    g_autofree char *json = g_strdup_printf ("[{\"channel\": \"%s\", \"reason\": \"Snel\"}]",
                                             helder_record_get_id (channel));

    g_object_set (message, "title", "Afvalkalender", "channels", json, NULL);
    helder_toolkit_pane_set_record (pane, message);
    g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (pane), ==, 1);
    helder_toolkit_pane_set_record (pane, channel);
    g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (pane), ==, 1);
    helder_toolkit_pane_set_context (pane, NULL, "nieuwsbericht");
  }

  /* Kanalen: a channel's properties show its toolkits */
  {
    GtkWidget *channels = helder_test_page (window, "channels");
    GtkWidget *channel_editor = helder_test_find_by_id (channels, "channel_editor");

    helder_test_page_state (window, "channels");
    helder_channel_editor_open (HELDER_CHANNEL_EDITOR (channel_editor), channel);
    g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (channel_editor, "toolkits_group")));
    g_assert_cmpuint (helder_toolkit_pane_get_n_toolkits (HELDER_TOOLKIT_PANE (helder_test_find_by_id (channel_editor,
                                                                                                      "toolkit_pane"))),
                      ==, 1);
    helder_test_page_state (window, "write");
  }

  /* Read beside the text, then open in Bibliotheek */
  helder_toolkit_pane_show_toolkit (pane, 0);
  g_assert_true (has_tag_at (GTK_TEXT_VIEW (helder_test_find_by_id (GTK_WIDGET (pane), "view")), "Nieuwsberichten", "h1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "toolkit-pane.open", NULL));
  helder_test_iterate (50);
  g_assert_cmpstr (helder_window_get_page (window), ==, "library");
  library = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  reader = helder_library_page_get_reader (library);
  g_assert_cmpstr (helder_record_get_title (helder_library_reader_get_toolkit (HELDER_LIBRARY_READER (reader))),
                   ==, "Een nieuwsbericht schrijven");
}

static HelderRecord *
load_toolkit (HelderStore *store,
              const char  *id)
{
  return helder_store_load (store, HELDER_TYPE_TOOLKIT, id, NULL);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* Item 3: the owner's "Te beoordelen", the expired banner, and
 * "Gecontroleerd" clearing both; staff see the banner without it. */
static void
test_review (void)
{
  HelderWindow *window = helder_test_open_window ("library-review.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderSession *session = helder_application_get_session (test_app);
  HelderLibraryPage *page;
  GtkWidget *reader, *review_list;
  g_autoptr(HelderRecord) old = NULL;
  g_autoptr(HelderRecord) checked = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  save_library (store);
  helder_session_set_login (session, "sanne");
  helder_session_set_role (session, HELDER_SESSION_ROLE_ADVISOR);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  reader = helder_library_page_get_reader (page);

  /* Sanne looks after the expired letter template */
  review_list = helder_test_find_by_id (GTK_WIDGET (page), "review_list");
  g_assert_cmpuint (count_rows (review_list), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "review_stack"))),
                   ==, "list");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (helder_test_find_by_id (GTK_WIDGET (page), "views")), "review");
  helder_test_iterate (100);
  save_shot (GTK_WIDGET (window), "library-review");

  /* Opened, it shows the banner with "Gecontroleerd" */
  old = load_toolkit (store, "libgui-oud");
  helder_library_page_open (page, old);
  helder_test_iterate (100);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find_by_id (reader, "banner"))));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (reader, "check_button")));
  save_shot (GTK_WIDGET (window), "library-expired");

  /* Staff read the same warning, without the button */
  helder_session_set_role (session, HELDER_SESSION_ROLE_STAFF);
  helder_session_set_login (session, "piet");
  helder_library_page_update_banner (page);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find_by_id (reader, "banner"))));
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (reader, "check_button")));
  helder_session_set_role (session, HELDER_SESSION_ROLE_ADVISOR);
  helder_session_set_login (session, "sanne");
  helder_library_page_update_banner (page);

  g_assert_true (gtk_widget_activate_action (reader, "reader.check", NULL));
  helder_test_iterate (100);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (helder_test_find_by_id (reader, "banner"))));
  checked = load_toolkit (store, "libgui-oud");
  g_assert_cmpstr (helder_record_get_text (checked, "verified_by"), ==, "sanne");
  g_assert_cmpstr (helder_record_get_text (checked, "verified_at"), ==, today);
  g_assert_cmpstr (helder_record_get_text (checked, "next_review"), >, today);
  g_assert_cmpuint (count_rows (review_list), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (helder_test_find_by_id (GTK_WIDGET (page), "review_stack"))),
                   ==, "empty");
}

static const char *
subtitle_of (GtkWidget  *pane,
             const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (helder_test_find_by_id (pane, row)));
}

/* Item 4: a full session puts you on the waitlist; someone leaving moves
 * you up; the owner keeps attendance. */
static void
test_training_waitlist (void)
{
  HelderWindow *window = helder_test_open_window ("library-training.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderSession *session = helder_application_get_session (test_app);
  g_autoptr(HelderRecord) training = helder_record_new (HELDER_TYPE_TRAINING);
  g_autoptr(HelderRecord) karim = helder_record_new (HELDER_TYPE_REGISTRATION);
  HelderLibraryPage *page;
  GtkWidget *pane;
  g_autofree char *places = NULL;
  g_autofree char *waiting = NULL;

  save_library (store);
  helder_record_set_id (training, "libgui-training");
  g_object_set (training, "title", "Schrijven op B1", "starts_at", "2027-03-10T09:30:00+01:00",
                "ends_at", "2027-03-10T12:00:00+01:00", "place", "Raadzaal, Hillegom", "capacity", 1,
                "owner", "sanne", "description", "Een ochtend oefenen met echte brieven.",
                "toolkit", "libgui-webcare", NULL);
  g_assert_true (helder_store_save (store, training, NULL));
  g_object_set (karim, "training", "libgui-training", "user", "karim", "requested_at", "2026-11-01T10:00:00Z", NULL);
  g_assert_true (helder_store_save (store, karim, NULL));

  helder_session_set_login (session, "piet");
  helder_session_set_role (session, HELDER_SESSION_ROLE_STAFF);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  pane = helder_test_find_by_id (GTK_WIDGET (page), "training_pane");

  /* From the toolkit to its session */
  {
    g_autoptr(HelderRecord) webcare = load_toolkit (store, "libgui-webcare");
    GtkWidget *reader = helder_library_page_get_reader (page);

    helder_library_page_open (page, webcare);
    g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (reader, "sessions_button")));
    g_assert_true (gtk_widget_activate_action (reader, "reader.sessions", NULL));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (helder_test_find_by_id (GTK_WIDGET (page), "views"))),
                     ==, "trainings");
    g_assert_cmpstr (helder_record_get_id (helder_training_pane_get_training (HELDER_TRAINING_PANE (pane))), ==,
                     "libgui-training");
  }

  helder_test_activate_item (helder_test_find_by_id (GTK_WIDGET (page), "trainings_list"), 0);
  g_assert_nonnull (helder_training_pane_get_training (HELDER_TRAINING_PANE (pane)));
  places = g_strdup_printf (_("%u of %d places taken"), 1, 1);
  waiting = g_strdup_printf (_("You are on the waitlist, place %u"), 1);
  g_assert_cmpstr (subtitle_of (pane, "places_row"), ==, places);
  g_assert_cmpstr (subtitle_of (pane, "my_row"), ==, _("Full: signing up puts you on the waitlist"));
  /* Staff keep no attendance */
  g_assert_false (gtk_widget_get_visible (helder_test_find_by_id (pane, "attendance_box")));

  g_assert_true (gtk_widget_activate_action (pane, "training.register", NULL));
  g_assert_cmpstr (subtitle_of (pane, "my_row"), ==, waiting);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (pane, "unregister_button")));
  save_shot (GTK_WIDGET (window), "library-training");

  /* Karim leaves: Piet moves up */
  helder_session_set_login (session, "karim");
  g_assert_true (gtk_widget_activate_action (pane, "training.unregister", NULL));
  helder_session_set_login (session, "piet");
  helder_test_iterate (50);
  g_assert_cmpstr (subtitle_of (pane, "my_row"), ==, _("You have a place"));

  /* The owner sees the participants and records attendance */
  helder_session_set_login (session, "sanne");
  helder_session_set_role (session, HELDER_SESSION_ROLE_ADVISOR);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (pane, "attendance_box")));
  g_assert_cmpuint (count_rows (helder_test_find_by_id (pane, "seats_list")), ==, 1);
  save_shot (GTK_WIDGET (window), "library-training-owner");
}

/* Versies: two versions and the words that changed between them */
static void
test_versions (void)
{
  HelderWindow *window = helder_test_open_window ("library-versions.db");
  HelderStore *store = helder_application_get_store (test_app);
  HelderSession *session = helder_application_get_session (test_app);
  HelderLibraryPage *page;
  HelderLibraryService *service;
  g_autoptr(HelderRecord) toolkit = NULL;
  g_autoptr(HelderRecord) copy = NULL;
  HelderLibraryHistory *history;
  g_autofree char *diff = NULL;
  guint added, removed;
  GtkWidget *reader;

  save_library (store);
  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  service = HELDER_LIBRARY_SERVICE (helder_page_get_service (HELDER_PAGE (page)));

  helder_session_set_login (session, "sanne");
  toolkit = load_toolkit (store, "libgui-webcare");
  copy = helder_record_follower_copy (toolkit);
  g_object_set (copy, "body", "Reageer binnen een uur op vragen.", NULL);
  g_assert_true (helder_library_service_save_toolkit (service, copy, "Eerste versie", NULL));
  g_clear_object (&copy);
  helder_session_set_login (session, "karim");
  toolkit = (g_object_unref (toolkit), load_toolkit (store, "libgui-webcare"));
  copy = helder_record_follower_copy (toolkit);
  g_object_set (copy, "body", "Reageer binnen twee uur op alle vragen.", NULL);
  g_assert_true (helder_library_service_save_toolkit (service, copy, "Ruimere termijn", NULL));

  helder_library_page_open (page, copy);
  reader = helder_library_page_get_reader (page);
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (reader, "history_button")));
  history = helder_library_history_new (service, copy);
  gtk_window_set_transient_for (GTK_WINDOW (history), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (history));
  g_assert_cmpuint (helder_library_history_get_n_versions (history), >=, 2);
  diff = helder_library_history_get_diff_text (history, &added, &removed);
  g_assert_nonnull (strstr (diff, "Reageer binnen [-een-] {+twee+} uur op {+alle+} vragen."));
  g_assert_cmpuint (added, >=, 2);
  g_assert_cmpuint (removed, >=, 1);
  helder_test_wait_for (helder_test_is_mapped, history);
  save_shot (GTK_WIDGET (history), "library-versions");
  gtk_window_destroy (GTK_WINDOW (history));
}

/* Attachments: an image the body shows is drawn from its blob, offline;
 * the attachments menu lists it. */
static void
test_attachments (void)
{
  HelderWindow *window = helder_test_open_window ("library-attachments.db");
  HelderStore *store = helder_application_get_store (test_app);
  g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_attachment_free);
  static const guint8 pixels[8 * 8 * 4] = { 0x30 };
  g_autoptr(GBytes) raw = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (8, 8, GDK_MEMORY_R8G8B8A8, raw, 32);
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(GError) error = NULL;
  HelderAttachment *attachment;
  HelderLibraryPage *page;
  GtkWidget *reader;
  HelderMarkdownView *view;
  g_autofree char *text = NULL;

  attachment = helder_attachments_add_bytes (store, "schema.png", png, &error);
  g_assert_no_error (error);
  g_ptr_array_add (attachments, attachment);
  g_object_set (toolkit, "title", "Schema bewonersavond", "body", "# Schema\n\n![Het schema](schema.png)\n", NULL);
  helder_attachments_to_record (toolkit, attachments);
  g_assert_true (helder_store_save (store, toolkit, NULL));

  g_assert_cmpstr (helder_test_page_state (window, "library"), ==, "content");
  page = HELDER_LIBRARY_PAGE (helder_test_page (window, "library"));
  helder_library_page_open (page, toolkit);
  reader = helder_library_page_get_reader (page);
  view = helder_library_reader_get_view (HELDER_LIBRARY_READER (reader));
  text = helder_markdown_view_get_text (view);
  g_assert_cmpuint (count_anchors (text), ==, 1);
  g_assert_false (has_tag_at (GTK_TEXT_VIEW (view), "Het schema", "missing-image"));
  g_assert_true (gtk_widget_get_visible (helder_test_find_by_id (reader, "attachments_button")));
}

int
main (int   argc,
      char *argv[])
{
  int skip;

  if ((skip = helder_test_init (&argc, &argv)) != 0)
    return skip;

  helder_test_add_isolated ("/library/example-data", test_example_data);
  helder_test_add_isolated ("/library/example-shots", test_example_shots);
  helder_test_add_isolated ("/library/training-arrives", test_training_arrives);
  helder_test_add_isolated ("/library/staff-sees-no-new", test_staff_sees_no_new);
  helder_test_add_isolated ("/library/markdown-constructs", test_markdown_constructs);
  helder_test_add_isolated ("/library/search", test_search);
  helder_test_add_isolated ("/library/filters-without-words", test_filters_without_words);
  helder_test_add_isolated ("/library/check-text", test_check_text);
  helder_test_add_isolated ("/library/editor", test_editor);
  helder_test_add_isolated ("/library/toolkits-in-schrijven", test_toolkits_in_schrijven);
  helder_test_add_isolated ("/library/review", test_review);
  helder_test_add_isolated ("/library/training-waitlist", test_training_waitlist);
  helder_test_add_isolated ("/library/versions", test_versions);
  helder_test_add_isolated ("/library/attachments", test_attachments);
  return helder_test_app_main (&argc, &argv);
}
