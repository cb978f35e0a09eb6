/* helder-document-editor-marks.c: the document editor's marks, side panel and legend
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"
#include "channels/helder-text-levels.h"
#include "text/helder-text-summary.h"

#define MAX_FINDING_ROWS  30   /* in all; the legend counts them all */

/* Findings come back from the analyser as text tags.  Only the stretch
 * the text changed in (between two marks that move with the text) is
 * tagged again; marks elsewhere moved with their text and are still
 * right.  The word being typed is not marked until it is finished. */

const HelderEditorCategory helder_document_editor_categories[] = {
  { HELDER_CHECK_SPELLING, "spelling", N_("Spelling") },
  { HELDER_CHECK_LONG_SENTENCE, "long-sentence", N_("Long sentences") },
  { HELDER_CHECK_HARD_SENTENCE, "hard-sentence", N_("Hard sentences") },
  { HELDER_CHECK_PASSIVE, "passive", N_("Passive voice") },
  { HELDER_CHECK_JARGON, "jargon", N_("Officialese") },
  { HELDER_CHECK_RARE_WORD, "rare-word", N_("Rare words") },
  { HELDER_CHECK_LONG_WORD, "long-word", N_("Long words") },
  { HELDER_CHECK_NOMINALISATION, "nominalisation", N_("Nominalisations") },
  { HELDER_CHECK_ADDRESS, "address", N_("Forms of address") },
};

static const char *
tag_name (const HelderFinding *f)
{
  if ((f->category == HELDER_CHECK_LONG_SENTENCE || f->category == HELDER_CHECK_HARD_SENTENCE) &&
      f->severity >= 3)
    return "very-hard-sentence";
  for (guint i = 0; i < HELDER_EDITOR_N_CATEGORIES; i++)
    if (helder_document_editor_categories[i].check == f->category)
      return helder_document_editor_categories[i].tag;
  return NULL;
}

static const char *
category_label (HelderCheck check)
{
  for (guint i = 0; i < HELDER_EDITOR_N_CATEGORIES; i++)
    if (helder_document_editor_categories[i].check == check)
      return _(helder_document_editor_categories[i].label);
  return "";
}

static void
create_tags (GtkTextBuffer *buffer)
{
  GdkRGBA red = { 0.88, 0.11, 0.14, 1 };

  gtk_text_buffer_create_tag (buffer, "spelling", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &red, NULL);
  /* Hemingway's colours: yellow for hard, red for very hard sentences */
  gtk_text_buffer_create_tag (buffer, "long-sentence", "background", "#f9f06b", NULL);
  gtk_text_buffer_create_tag (buffer, "hard-sentence", "background", "#f9f06b", NULL);
  gtk_text_buffer_create_tag (buffer, "very-hard-sentence", "background", "#f6a5a5", NULL);
  gtk_text_buffer_create_tag (buffer, "passive", "background", "#99c1f1", NULL);
  gtk_text_buffer_create_tag (buffer, "jargon", "background", "#dc8add", NULL);
  gtk_text_buffer_create_tag (buffer, "rare-word", "background", "#8ff0a4", NULL);
  gtk_text_buffer_create_tag (buffer, "long-word", "background", "#b5e8b0", NULL);
  gtk_text_buffer_create_tag (buffer, "nominalisation", "background", "#ffbe6f", NULL);
  gtk_text_buffer_create_tag (buffer, "address", "background", "#cdab8f", NULL);
}

static void
select_range (HelderDocumentEditor *self,
              guint32               start,
              guint32               end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_text_view_scroll_to_iter (self->text_view, &a, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_row_activated (HelderDocumentEditor *self,
                  GtkListBoxRow        *row)
{
  select_range (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "start")),
                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "end")));
}

static GtkWidget *
panel_row (const char *title,
           const char *subtitle,
           guint32     start,
           guint32     end)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_add_css_class (box, "record-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "start", GUINT_TO_POINTER (start));
  g_object_set_data (G_OBJECT (row), "end", GUINT_TO_POINTER (end));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle ? subtitle : "", -1);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
slice (const char *text,
       guint32     start,
       guint32     end,
       guint       max_chars)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *z = g_utf8_offset_to_pointer (a, MIN (end - start, max_chars));
  g_autofree char *s = g_strndup (a, z - a);

  return end - start > max_chars ? g_strconcat (s, "…", NULL) : g_steal_pointer (&s);
}

static void
show_channel_levels (HelderDocumentEditor *self)
{
  g_autofree char *said = NULL;

  if (self->levels_context != NULL && self->document != NULL)
    said = helder_channels_context_describe_document (self->levels_context, helder_record_get_id (self->document),
                                                      self->last_level);
  gtk_label_set_text (self->channels_level_label, said ? said : "");
  gtk_widget_set_visible (GTK_WIDGET (self->channels_level_label), said != NULL);
}

/* The text of a planned message: which of its channels' target levels
 * the text exceeds, as measured now; the measurement also goes to the
 * store's table of levels (Kanalen's matrix and the planner's pane), so
 * the version saved is not measured again there. */
static void
update_channel_levels (HelderDocumentEditor *self,
                       const char           *text)
{
  g_autoptr(HelderTextLevels) levels = NULL;
  HelderService *service = HELDER_SERVICE (self->service);

  if (self->document == NULL || service == NULL || self->analysis == NULL)
    return;
  self->last_level = helder_analysis_get_scores (self->analysis)->level;
  levels = helder_text_levels_for_store (helder_service_get_store (service));
  if (self->analyzer != NULL)
    helder_text_levels_set_analyzer (levels, self->analyzer);
  helder_text_levels_put (levels, helder_record_get_id (self->document), text, self->last_level);
  if (self->levels_context == NULL)
    {
      self->levels_service = helder_channels_service_new (helder_service_get_store (service),
                                                          helder_service_get_session (service));
      self->levels_context = helder_channels_context_new (self->levels_service);
      g_signal_connect_object (self->levels_context, "changed", G_CALLBACK (show_channel_levels), self,
                               G_CONNECT_SWAPPED);
    }
  show_channel_levels (self);
}

void
helder_document_editor_drop_channel_levels (HelderDocumentEditor *self)
{
  if (self->levels_context != NULL)
    g_signal_handlers_disconnect_by_data (self->levels_context, self);
  g_clear_object (&self->levels_context);
  g_clear_object (&self->levels_service);
}

void
helder_document_editor_update_panel (HelderDocumentEditor *self,
              const char           *text)
{
  g_auto(HelderTextSummary) summary = { 0 };
  int target = helder_record_get_int (self->document, "target_level");
  guint n = helder_analysis_get_n_findings (self->analysis);

  helder_text_summary_init (&summary, self->analysis, target > 0 ? target : 2);
  gtk_label_set_text (self->level_label, summary.level);
  update_channel_levels (self, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), summary.on_target ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), summary.on_target ? "success" : "error");
  gtk_label_set_text (self->douma_label, summary.flesch_douma);
  gtk_label_set_text (self->brouwer_label, summary.brouwer);
  gtk_label_set_text (self->counts_label, summary.counts);
  {
    g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                                           helder_analysis_get_scores (self->analysis)->words),
                                              helder_analysis_get_scores (self->analysis)->words);
    gtk_label_set_text (self->word_count, words);
  }

  for (guint c = 0; c < HELDER_EDITOR_N_CATEGORIES; c++)
    {
      guint bit = 0;
      g_autofree char *label = NULL;

      while ((1u << bit) != helder_document_editor_categories[c].check)
        bit++;
      label = g_strdup_printf ("%s (%u)", _(helder_document_editor_categories[c].label), summary.per_category[bit]);
      gtk_check_button_set_label (self->legend_checks[c], label);
    }

  clear_list (self->hardest_list);
  for (guint i = 0; i < summary.n_hardest; i++)
    {
      const HelderSpanScores *s = helder_analysis_get_sentence (self->analysis, summary.hardest[i]);
      g_autofree char *sentence = slice (text, s->start, s->end, 120);
      g_autofree char *level = g_strdup_printf (_("Level %d, %u words"), s->scores.level, s->scores.words);

      gtk_list_box_append (self->hardest_list, panel_row (sentence, level, s->start, s->end));
    }

  clear_list (self->findings_list);
  for (guint c = 0, shown = 0; c < HELDER_EDITOR_N_CATEGORIES; c++)
    for (guint i = 0; i < n && shown < MAX_FINDING_ROWS; i++)
      {
        const HelderFinding *f = helder_analysis_get_finding (self->analysis, i);
        g_autofree char *quoted = NULL;
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;

        if (f->category != helder_document_editor_categories[c].check)
          continue;
        quoted = slice (text, f->start, f->end, 60);
        title = g_strdup_printf ("%s: “%s”", category_label (f->category), quoted);
        if (f->suggestions[0] != NULL)
          {
            g_autofree char *alternatives = g_strjoinv (", ", (char **) f->suggestions);
            subtitle = g_strdup_printf ("%s → %s. %s", f->message, alternatives, f->explanation);
          }
        else
          subtitle = g_strdup_printf ("%s. %s", f->message, f->explanation);
        gtk_list_box_append (self->findings_list, panel_row (title, subtitle, f->start, f->end));
        shown++;
      }
}

static const HelderFinding *
finding_at (HelderDocumentEditor *self,
            guint32               offset,
            HelderCheck           categories_wanted)
{
  if (self->analysis == NULL)
    return NULL;
  for (guint i = 0; i < helder_analysis_get_n_findings (self->analysis); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (self->analysis, i);

      if ((f->category & categories_wanted) && f->start <= offset && offset < f->end)
        return f;
    }
  return NULL;
}

/* The finding at @offset in the text as it is now, while an analysis of
 * the latest edits is still on its way: the text before the edited stretch
 * is as it was analysed, the text after it moved by @delta characters.
 * A finding that touches the edited stretch is not offered: its words may
 * be gone. */
const HelderFinding *
helder_document_editor_finding_at_current (HelderDocumentEditor *self,
                    guint32               offset,
                    HelderCheck           categories_wanted,
                    gint32               *delta)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const HelderFinding *f;
  GtkTextIter a, b;
  guint32 from, to;

  *delta = 0;
  if (self->analysis == NULL || (!self->dirty && !self->analysis_matches))
    return NULL;
  if (!self->dirty)
    return finding_at (self, offset, categories_wanted);

  gtk_text_buffer_get_iter_at_mark (buffer, &a, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &b, self->dirty_end);
  from = gtk_text_iter_get_offset (&a);
  to = gtk_text_iter_get_offset (&b);
  if (offset < from)
    {
      /* Strictly before: a word the edit was joined to is not offered */
      f = finding_at (self, offset, categories_wanted);
      return f != NULL && f->end < from ? f : NULL;
    }
  if (offset < to)
    return NULL;
  *delta = (gint32) gtk_text_buffer_get_char_count (buffer) - (gint32) self->analysed_chars;
  f = finding_at (self, offset - *delta, categories_wanted);
  return f != NULL && (gint64) f->start + *delta > to ? f : NULL;
}

char *
helder_document_editor_text_range (HelderDocumentEditor *self,
         guint32               start,
         guint32               end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static gboolean
is_ignored (HelderDocumentEditor *self,
            const HelderFinding  *f)
{
  g_autofree char *word = NULL;

  if (g_hash_table_size (self->ignored) == 0 || f->category != HELDER_CHECK_SPELLING)
    return FALSE;
  word = helder_document_editor_text_range (self, f->start, f->end);
  return g_hash_table_contains (self->ignored, word);
}

/* Word-level marks wait until the word is finished. */
static gboolean
is_being_typed (HelderDocumentEditor *self,
                const HelderFinding  *f,
                guint32               cursor)
{
  if (f->category != HELDER_CHECK_SPELLING && f->category != HELDER_CHECK_RARE_WORD &&
      f->category != HELDER_CHECK_LONG_WORD)
    return FALSE;
  return g_get_monotonic_time () - self->last_edit < 1500 * 1000 && cursor >= f->start && cursor <= f->end;
}

static void
tag_range (HelderDocumentEditor *self,
           guint32               from,
           guint32               to,
           gboolean              address_only)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end, cursor;
  guint32 cursor_offset;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  for (guint i = 0; i < HELDER_EDITOR_N_CATEGORIES; i++)
    if (!address_only || helder_document_editor_categories[i].check == HELDER_CHECK_ADDRESS)
      gtk_text_buffer_remove_tag_by_name (buffer, helder_document_editor_categories[i].tag, &start, &end);
  if (!address_only)
    gtk_text_buffer_remove_tag_by_name (buffer, "very-hard-sentence", &start, &end);

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  cursor_offset = gtk_text_iter_get_offset (&cursor);

  for (guint i = 0; i < helder_analysis_get_n_findings (self->analysis); i++)
    {
      const HelderFinding *f = helder_analysis_get_finding (self->analysis, i);
      const char *name;
      GtkTextIter a, b;

      if (f->end <= from || f->start >= to ||
          (address_only && f->category != HELDER_CHECK_ADDRESS))
        continue;
      name = tag_name (f);
      if (name == NULL || (f->category & self->hidden) || is_ignored (self, f))
        continue;
      if (is_being_typed (self, f, cursor_offset))
        {
          self->held_back = TRUE;
          continue;
        }
      gtk_text_buffer_get_iter_at_offset (buffer, &a, f->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, f->end);
      gtk_text_buffer_apply_tag_by_name (buffer, name, &a, &b);
    }
}

/* Typing stopped: show the marks that waited for the word to be done. */
static void mark_dirty (HelderDocumentEditor *self,
                        GtkTextIter          *start,
                        GtkTextIter          *end);

static gboolean
settle_timeout (gpointer user_data)
{
  HelderDocumentEditor *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor;

  self->settle_id = 0;
  if (self->analysis == NULL || self->analyse_id != 0)
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  mark_dirty (self, &cursor, &cursor);
  helder_document_editor_apply_marks (self);
  return G_SOURCE_REMOVE;
}

/* Applies the analysis's marks where the text changed (whole paragraphs)
 * or, after a change of what to show, everywhere. */
void
helder_document_editor_apply_marks (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint32 total = gtk_text_buffer_get_char_count (buffer);
  guint32 from = 0, to = total;

  /* An analysis of an older text would put marks on the wrong words (a
   * legend switch or "Ignore" while typing): the analysis of this text is
   * on its way, and it marks everything. */
  if (!self->analysis_matches)
    {
      self->retag_all = TRUE;
      return;
    }

  if (!self->retag_all && self->dirty)
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_mark (buffer, &a, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (buffer, &b, self->dirty_end);
      from = gtk_text_iter_get_offset (&a);
      to = gtk_text_iter_get_offset (&b);
      /* Out to the paragraphs around the change */
      for (guint i = 0; i < helder_analysis_get_n_paragraphs (self->analysis); i++)
        {
          const HelderSpanScores *p = helder_analysis_get_paragraph (self->analysis, i);

          if (p->start <= from && from <= p->end)
            from = p->start;
          if (p->start <= to && to <= p->end)
            to = p->end;
        }
      /* ... and the line break around it */
      from = from > 0 ? from - 1 : 0;
      to = MIN (to + 1, total);
    }
  else if (!self->retag_all && !self->dirty)
    from = to = 0;

  if (to > from)
    tag_range (self, from, to, FALSE);
  /* u and je mixed: a finding anywhere may come or go with any edit */
  if (from > 0 || to < total)
    tag_range (self, 0, total, TRUE);

  self->dirty = FALSE;
  self->analysed_chars = total;
  self->retag_all = FALSE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->held_back)
    self->settle_id = g_timeout_add (1600, settle_timeout, self);
  self->held_back = FALSE;
}

static void
mark_dirty (HelderDocumentEditor *self,
            GtkTextIter          *start,
            GtkTextIter          *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  if (!self->dirty)
    {
      gtk_text_buffer_move_mark (buffer, self->dirty_start, start);
      gtk_text_buffer_move_mark (buffer, self->dirty_end, end);
      self->dirty = TRUE;
      return;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &a, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &b, self->dirty_end);
  if (gtk_text_iter_compare (start, &a) < 0)
    gtk_text_buffer_move_mark (buffer, self->dirty_start, start);
  if (gtk_text_iter_compare (end, &b) > 0)
    gtk_text_buffer_move_mark (buffer, self->dirty_end, end);
}

static void
after_insert (HelderDocumentEditor *self,
              GtkTextIter          *location,
              const char           *text,
              int                   length,
              GtkTextBuffer        *buffer)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (self, &start, location);
}

static void
after_delete (HelderDocumentEditor *self,
              GtkTextIter          *start,
              GtkTextIter          *end,
              GtkTextBuffer        *buffer)
{
  mark_dirty (self, start, end);
}

/* The legend: a switch and a count per category, in the mark's colour. */
static void
legend_toggled (GtkCheckButton       *check,
                HelderDocumentEditor *self)
{
  HelderCheck category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "category"));

  if (gtk_check_button_get_active (check))
    self->hidden &= ~category;
  else
    self->hidden |= category;
  self->retag_all = TRUE;
  if (self->analysis != NULL)
    helder_document_editor_apply_marks (self);
}

static void
build_legend (HelderDocumentEditor *self)
{
  for (guint c = 0; c < HELDER_EDITOR_N_CATEGORIES; c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(helder_document_editor_categories[c].label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_add_css_class (check, "legend");
      gtk_widget_add_css_class (check, helder_document_editor_categories[c].tag);
      g_object_set_data (G_OBJECT (check), "category", GUINT_TO_POINTER (helder_document_editor_categories[c].check));
      g_signal_connect_object (check, "toggled", G_CALLBACK (legend_toggled), self, 0);
      self->legend_checks[c] = GTK_CHECK_BUTTON (check);
      gtk_flow_box_append (self->legend, check);
    }
}

void
helder_document_editor_class_init_marks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

void
helder_document_editor_init_marks (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;

  create_tags (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->dirty_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->dirty_end = gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (after_insert), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (after_delete), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  build_legend (self);
}
