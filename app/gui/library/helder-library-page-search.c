/* helder-library-page-search.c: the library page's search ("Zoeken")
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-library-page-private.h"
#include "library/helder-library-review.h"
#include "model/helder-record-format.h"

/* The index opens in a worker when the page is first shown (a first
 * build of a large library takes seconds; the live list of all documents
 * shows meanwhile).  Every change of the entry (results while typing,
 * GtkSearchEntry's short delay) or of a filter runs the query again; the
 * last word is a prefix.  Matches are marked in the results and in the
 * opened document. */

#define MATCH_BACKGROUND "#f6d32d80"

/* @text with the characters of @ranges marked, as Pango markup. */
static char *
markup_with_ranges (const char *text,
                    GArray     *ranges)
{
  GString *out = g_string_new (NULL);
  g_autofree char *rest = NULL;
  glong n_chars;
  guint last = 0;

  if (text == NULL)
    return g_string_free (out, FALSE);
  n_chars = g_utf8_strlen (text, -1);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      HelderLibraryRange *range = &g_array_index (ranges, HelderLibraryRange, i);
      guint start = MIN (range->start, (guint) n_chars), end = MIN (range->end, (guint) n_chars);
      const char *a, *b, *c;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start < last || end <= start)
        continue;
      a = g_utf8_offset_to_pointer (text, last);
      b = g_utf8_offset_to_pointer (text, start);
      c = g_utf8_offset_to_pointer (text, end);
      before = g_markup_escape_text (a, b - a);
      match = g_markup_escape_text (b, c - b);
      g_string_append_printf (out, "%s<span background=\"" MATCH_BACKGROUND "\">%s</span>", before, match);
      last = end;
    }
  rest = g_markup_escape_text (g_utf8_offset_to_pointer (text, MIN (last, (guint) n_chars)), -1);
  g_string_append (out, rest);
  return g_string_free (out, FALSE);
}

static GtkWidget *
result_row (const HelderLibraryHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  g_autofree char *title_markup = markup_with_ranges (hit->title, hit->title_ranges);
  /* One line per result: a table's tabs and rows read as spaces (the
   * same number of characters, so the ranges still fit) */
  g_autofree char *flat = g_strdelimit (g_strdup (hit->snippet), "\n\t", ' ');
  g_autofree char *snippet_markup = markup_with_ranges (flat, hit->snippet_ranges);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *facts_text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  int days = 0;

  gtk_widget_add_css_class (row, "library-result");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (hit->snippet != NULL && *hit->snippet != '\0')
    {
      gtk_label_set_markup (GTK_LABEL (snippet), snippet_markup);
      gtk_label_set_xalign (GTK_LABEL (snippet), 0);
      gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
      gtk_label_set_lines (GTK_LABEL (snippet), 3);
      gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), snippet);
    }

  if (hit->category != NULL && *hit->category != '\0')
    g_ptr_array_add (facts, g_strdup (helder_format_choice (hit->category)));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (helder_library_review_state (hit->next_review, &today, &days) == HELDER_REVIEW_EXPIRED)
    g_ptr_array_add (facts, g_strdup (_("Review date passed")));
  g_ptr_array_add (facts, NULL);
  facts_text = g_strjoinv (" · ", (char **) facts->pdata);
  gtk_label_set_text (GTK_LABEL (meta), facts_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, hit->title, -1);
  g_object_set_data_full (G_OBJECT (row), "toolkit-id", g_strdup (hit->id), g_free);
  return row;
}

static void
clear_results (HelderLibraryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static HelderLibraryQuery *
make_query (HelderLibraryPage *self,
            const char        *text)
{
  HelderLibraryQuery *query = helder_library_query_new (text, TRUE);

  helder_library_query_set_limit (query, HELDER_LIBRARY_PAGE_RESULTS);

  for (guint i = 0; i < self->categories->len; i++)
    helder_library_query_add_filter (query, "category", self->categories->pdata[i]);
  if (self->tag != NULL)
    helder_library_query_add_filter (query, "tags", self->tag);
  if (self->owner != NULL)
    helder_library_query_add_filter (query, "owner", self->owner);
  return query;
}

/**
 * helder_library_page_search:
 *
 * Runs the entry's query with the filters; without words the filtered
 * list of all documents shows.
 */
void
helder_library_page_search (HelderLibraryPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(HelderLibraryQuery) query = NULL;
  g_autoptr(HelderLibraryResults) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *suggestion;

  if (*text == '\0')
    {
      g_clear_pointer (&self->query, helder_library_query_unref);
      gtk_stack_set_visible_child_name (self->results_stack, "all");
      clear_results (self);
      helder_library_page_show_matches (self);
      return;
    }
  if (self->index == NULL)
    {
      /* It runs when the index is open */
      helder_library_page_ensure_index (self);
      return;
    }

  query = make_query (self, text);
  if ((results = helder_library_index_search (self->index, query, &error)) == NULL)
    {
      helder_page_show_error (HELDER_PAGE (self), _("Could not search the library"), error);
      return;
    }

  clear_results (self);
  for (guint i = 0; i < helder_library_results_get_n_hits (results); i++)
    gtk_list_box_append (self->results_list, result_row (helder_library_results_get_hit (results, i)));

  suggestion = helder_library_results_get_suggestion (results);
  if (suggestion != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Did you mean “%s”?"), suggestion);

      gtk_button_set_label (self->suggestion_button, label);
      g_object_set_data_full (G_OBJECT (self->suggestion_button), "suggestion", g_strdup (suggestion), g_free);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_button), suggestion != NULL);

  if (helder_library_results_get_n_hits (results) == 0)
    {
      g_autofree char *description = helder_library_page_has_filters (self)
        ? g_strdup (_("No document matches these words with these filters."))
        : g_strdup_printf (_("No document contains “%s”."), text);

      adw_status_page_set_description (self->nothing_page, description);
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");

  g_clear_pointer (&self->query, helder_library_query_unref);
  self->query = g_steal_pointer (&query);
  helder_library_page_show_matches (self);
}

/**
 * helder_library_page_show_matches:
 *
 * Marks the last query's words in the opened document.
 */
void
helder_library_page_show_matches (HelderLibraryPage *self)
{
  HelderMarkdownView *view = helder_library_reader_get_view (self->reader);
  const char *text = helder_markdown_view_get_document_text (view);
  g_autoptr(GArray) ranges = NULL;

  if (self->query == NULL || text == NULL || helder_library_reader_get_toolkit (self->reader) == NULL)
    {
      helder_markdown_view_highlight (view, NULL);
      return;
    }
  ranges = helder_library_query_match_ranges (self->query, text);
  if (helder_markdown_view_highlight (view, ranges) > 0)
    helder_markdown_view_scroll_to_first_highlight (view);
}

static void
on_row_activated (HelderLibraryPage *self,
                  GtkListBoxRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "toolkit-id");
  g_autoptr(HelderRecord) toolkit = NULL;

  if (id == NULL || helder_page_get_service (HELDER_PAGE (self)) == NULL)
    return;
  toolkit = helder_service_load (helder_page_get_service (HELDER_PAGE (self)), HELDER_TYPE_TOOLKIT, id);
  if (toolkit != NULL)
    helder_library_page_open_toolkit (self, toolkit);
}

/* Enter in the entry opens the best result. */
static void
on_entry_activate (HelderLibraryPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") == 0)
    {
      gtk_list_box_select_row (self->results_list, first);
      on_row_activated (self, first);
      /* On to reading: the arrow keys scroll the text */
      gtk_widget_grab_focus (GTK_WIDGET (helder_library_reader_get_view (self->reader)));
    }
}

/* Down from the entry goes into the results (or the list of all). */
static gboolean
on_entry_key (HelderLibraryPage *self,
              guint              keyval,
              guint              keycode,
              GdkModifierType    state)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") == 0 &&
      (first = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (first));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "all") == 0)
    return gtk_widget_child_focus (gtk_stack_get_visible_child (self->results_stack), GTK_DIR_TAB_FORWARD);
  return FALSE;
}

static void
on_suggestion (HelderLibraryPage *self,
               GtkButton         *button)
{
  const char *suggestion = g_object_get_data (G_OBJECT (button), "suggestion");

  if (suggestion != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), suggestion);
}

static void
on_index_changed (HelderLibraryPage *self)
{
  if (self->query != NULL)
    helder_library_page_search (self);
}

static void
index_opened (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HelderLibraryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  HelderLibraryIndex *index = helder_library_index_open_finish (result, &error);

  self->opening_index = FALSE;
  if (index == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        helder_page_show_error (HELDER_PAGE (self), _("Could not open the library's search index"), error);
      return;
    }
  self->index = index;
  g_signal_connect_object (index, "changed", G_CALLBACK (on_index_changed), self, G_CONNECT_SWAPPED);
  helder_library_page_search (self);
}

void
helder_library_page_ensure_index (HelderLibraryPage *self)
{
  HelderStore *store = helder_page_get_store (HELDER_PAGE (self));

  if (self->index != NULL || self->opening_index || store == NULL)
    return;
  self->opening_index = TRUE;
  helder_library_index_open_async (store, NULL, self->cancellable, index_opened, g_object_ref (self));
}

/**
 * helder_library_page_get_index:
 *
 * Returns: (transfer none) (nullable): the search index, once open
 */
HelderLibraryIndex *
helder_library_page_get_index (HelderLibraryPage *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_PAGE (self), NULL);

  return self->index;
}

void
helder_library_page_dispose_search (HelderLibraryPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->index);
  g_clear_pointer (&self->query, helder_library_query_unref);
}

void
helder_library_page_class_init_search (GtkWidgetClass *widget_class)
{
}

void
helder_library_page_init_search (HelderLibraryPage *self)
{
  GtkEventController *keys;

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (helder_library_page_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_entry_activate), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect_object (self->results_list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestion_button, "clicked", G_CALLBACK (on_suggestion), self,
                           G_CONNECT_SWAPPED);
}
