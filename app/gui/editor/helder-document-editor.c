/* helder-document-editor.c: writing one document, with live checks
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor.h"
#include "editor/helder-editor-service.h"
#include "model/helder-record-format.h"
#include "text/helder-text-summary.h"

/* The text is saved at most a second after typing stops, so a killed app
 * loses at most that second.  Checks run in a worker on a copy of the text
 * (the analyser reuses every unchanged paragraph), and their marks come
 * back as text tags; the word being typed is never marked. */

#define SAVE_DELAY_MS     1000
#define ANALYSE_DELAY_MS  200
#define MAX_FINDING_ROWS  30   /* in all; the legend counts them all */

struct _HelderDocumentEditor
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkEntry           *title_entry;
  GtkLabel           *word_count;
  GtkTextView        *text_view;
  GtkLabel           *level_label;
  GtkMenuButton      *properties_button;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *channel_dropdown;
  GtkDropDown        *level_dropdown;
  const char * const *kinds;         /* kind_dropdown's values: the field's choices */
  GStrv               channels;       /* channel_dropdown's values; [0] is "" */
  GtkLabel           *douma_label;
  GtkLabel           *brouwer_label;
  GtkLabel           *counts_label;
  GtkListBox         *hardest_list;
  GtkListBox         *findings_list;
  GtkFlowBox         *legend;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkEntry           *replace_entry;
  GtkCheckButton     *legend_checks[9];

  /* owned */
  HelderEditorService *service;
  HelderRecord       *document;
  HelderTextAnalyzer *analyzer;     /* the service's, when it has one */
  HelderAnalysis     *analysis;
  GCancellable       *cancellable;
  guint               save_id;
  guint               analyse_id;
  gboolean            loading;
  gint64              last_edit;    /* monotonic µs */

  /* the context menu's finding */
  GMenu              *extra_menu;
  guint32             menu_start, menu_end;
  char               *menu_word;
  GHashTable         *ignored;      /* words ignored in this document */
  guint               hidden;       /* HelderCheck bits switched off in the legend */

  /* The text changed since the marks were last applied, between two marks
   * that move with the text: only there are marks applied again.  Marks
   * elsewhere moved with their text and are still right. */
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  gboolean            dirty;
  guint32             analysed_chars;  /* the text's length when its marks were applied */
  gboolean            analysis_matches; /* the analysis is of the text as it is now */
  gboolean            retag_all;
  gboolean            held_back;    /* a mark waits for the word to be finished */
  guint               settle_id;
};

G_DEFINE_FINAL_TYPE (HelderDocumentEditor, helder_document_editor, ADW_TYPE_BIN)

static const struct
{
  HelderCheck  check;
  const char  *tag;
  const char  *label;
} categories[] = {
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
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (categories[i].check == f->category)
      return categories[i].tag;
  return NULL;
}

static const char *
category_label (HelderCheck check)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (categories[i].check == check)
      return _(categories[i].label);
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

static char *
buffer_text (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void fill_properties (HelderDocumentEditor *self);

/* What the window says when an action fails: the service's refusal, or
 * the store's error. */
static void
show_error (HelderDocumentEditor *self,
            const char           *title,
            const GError         *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title, error->message))
    g_warning ("%s: %s", title, error->message);
}

/* Saving */

gboolean
helder_document_editor_save (HelderDocumentEditor *self)
{
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HELDER_IS_DOCUMENT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->document == NULL || self->service == NULL ||
      helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (self->service))))
    return FALSE;

  body = buffer_text (self);
  g_object_set (self->document, "body", body, NULL);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->title_entry)) != '\0')
    g_object_set (self->document, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), NULL);
  if (!helder_service_save (HELDER_SERVICE (self->service), self->document, &error))
    {
      show_error (self, _("Could not save the document"), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  HelderDocumentEditor *self = user_data;

  self->save_id = 0;
  helder_document_editor_save (self);
  return G_SOURCE_REMOVE;
}

/* Marks and the side panel */

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
update_panel (HelderDocumentEditor *self,
              const char           *text)
{
  g_auto(HelderTextSummary) summary = { 0 };
  int target = helder_record_get_int (self->document, "target_level");
  guint n = helder_analysis_get_n_findings (self->analysis);

  helder_text_summary_init (&summary, self->analysis, target > 0 ? target : 2);
  gtk_label_set_text (self->level_label, summary.level);
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

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      guint bit = 0;
      g_autofree char *label = NULL;

      while ((1u << bit) != categories[c].check)
        bit++;
      label = g_strdup_printf ("%s (%u)", _(categories[c].label), summary.per_category[bit]);
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
  for (guint c = 0, shown = 0; c < G_N_ELEMENTS (categories); c++)
    for (guint i = 0; i < n && shown < MAX_FINDING_ROWS; i++)
      {
        const HelderFinding *f = helder_analysis_get_finding (self->analysis, i);
        g_autofree char *quoted = NULL;
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;

        if (f->category != categories[c].check)
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
static const HelderFinding *
finding_at_current (HelderDocumentEditor *self,
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

static char *
text_of (HelderDocumentEditor *self,
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
  word = text_of (self, f->start, f->end);
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
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (!address_only || categories[i].check == HELDER_CHECK_ADDRESS)
      gtk_text_buffer_remove_tag_by_name (buffer, categories[i].tag, &start, &end);
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

static void apply_marks (HelderDocumentEditor *self);
static void mark_dirty  (HelderDocumentEditor *self,
                         GtkTextIter          *start,
                         GtkTextIter          *end);

/* Typing stopped: show the marks that waited for the word to be done. */
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
  apply_marks (self);
  return G_SOURCE_REMOVE;
}

/* Applies the analysis's marks where the text changed (whole paragraphs)
 * or, after a change of what to show, everywhere. */
static void
apply_marks (HelderDocumentEditor *self)
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

/* What one analysis works on: the text, and the analyser it started
 * with (a language change may replace the application's meanwhile). */
typedef struct
{
  char               *text;
  HelderTextAnalyzer *analyzer;
} AnalyseJob;

static void
analyse_job_free (AnalyseJob *job)
{
  g_free (job->text);
  helder_text_analyzer_unref (job->analyzer);
  g_free (job);
}

static void
analyse_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AnalyseJob *job = task_data;
  g_autoptr(GError) error = NULL;
  HelderAnalysis *analysis = helder_text_analyzer_analyze (job->analyzer, job->text, -1, &error);

  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, (GDestroyNotify) helder_analysis_unref);
}

static void
analysed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (source);
  AnalyseJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  HelderAnalysis *analysis = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *now = NULL;

  if (analysis == NULL)
    return;
  /* Offsets are right only for the text analysed.  A result for an
   * older text (typing went on, or an earlier analysis came back late)
   * is dropped: the edit since has scheduled a newer one. */
  now = buffer_text (self);
  if (!g_str_equal (now, job->text))
    {
      helder_analysis_unref (analysis);
      return;
    }
  g_clear_pointer (&self->analysis, helder_analysis_unref);
  self->analysis = analysis;
  self->analysis_matches = TRUE;
  apply_marks (self);
  update_panel (self, job->text);
}

static void
analyse (HelderDocumentEditor *self)
{
  g_autoptr(GTask) task = NULL;
  AnalyseJob *job;

  if (self->analyzer == NULL || self->document == NULL)
    return;
  job = g_new0 (AnalyseJob, 1);
  job->text = buffer_text (self);
  job->analyzer = helder_text_analyzer_ref (self->analyzer);
  task = g_task_new (self, self->cancellable, analysed, NULL);
  g_task_set_source_tag (task, analyse);
  g_task_set_task_data (task, job, (GDestroyNotify) analyse_job_free);
  g_task_run_in_thread (task, analyse_in_thread);
}

static gboolean
analyse_timeout (gpointer user_data)
{
  HelderDocumentEditor *self = user_data;

  self->analyse_id = 0;
  analyse (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (HelderDocumentEditor *self)
{
  if (self->loading)
    return;
  self->analysis_matches = FALSE;
  self->last_edit = g_get_monotonic_time ();
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  self->analyse_id = g_timeout_add (ANALYSE_DELAY_MS, analyse_timeout, self);
}

static void
set_analyzer (HelderDocumentEditor *self,
              HelderTextAnalyzer   *analyzer)
{
  if (analyzer == self->analyzer)
    return;
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  self->analyzer = analyzer ? helder_text_analyzer_ref (analyzer) : NULL;
  self->retag_all = TRUE;
  analyse (self);
}

HelderAnalysis *
helder_document_editor_get_analysis (HelderDocumentEditor *self)
{
  g_return_val_if_fail (HELDER_IS_DOCUMENT_EDITOR (self), NULL);

  return self->analysis;
}

/* The service's analyser arrives (or is replaced after a change of
 * language): check the text with it. */
static void
service_analyzer_changed (HelderDocumentEditor *self)
{
  set_analyzer (self, helder_editor_service_get_analyzer (self->service));
}

/* A word list changed, here or on a colleague's computer: the analyser
 * has the new house style, the marks anywhere may change. */
static void
house_style_changed (HelderDocumentEditor *self)
{
  self->retag_all = TRUE;
  analyse (self);
}

static void
set_service (HelderDocumentEditor *self,
             HelderEditorService  *service)
{
  if (self->service == service)
    return;
  if (self->service != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->service, service_analyzer_changed, self);
      g_signal_handlers_disconnect_by_func (self->service, house_style_changed, self);
    }
  g_set_object (&self->service, service);
  if (service != NULL)
    {
      g_signal_connect_object (service, "notify::analyzer", G_CALLBACK (service_analyzer_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (service, "house-style-changed", G_CALLBACK (house_style_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

/**
 * helder_document_editor_open:
 * @service: Schrijven's service: it saves, and brings the analyser and
 *   the house style
 */
void
helder_document_editor_open (HelderDocumentEditor *self,
                             HelderEditorService  *service,
                             HelderRecord         *document)
{
  GtkTextBuffer *buffer;
  const char *body;
  const char * const *ignored;
  gboolean read_only;

  g_return_if_fail (HELDER_IS_DOCUMENT_EDITOR (self));
  g_return_if_fail (HELDER_IS_EDITOR_SERVICE (service));
  g_return_if_fail (HELDER_IS_DOCUMENT (document));

  if (self->document != NULL)
    helder_document_editor_save (self);

  set_service (self, service);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  if (helder_editor_service_get_analyzer (service) != NULL)
    self->analyzer = helder_text_analyzer_ref (helder_editor_service_get_analyzer (service));
  g_set_object (&self->document, document);
  buffer = gtk_text_view_get_buffer (self->text_view);
  body = helder_record_get_text (document, "body");

  g_hash_table_remove_all (self->ignored);
  ignored = helder_record_get_list (document, "ignored");
  for (guint i = 0; ignored != NULL && ignored[i] != NULL; i++)
    g_hash_table_add (self->ignored, g_strdup (ignored[i]));

  self->loading = TRUE;
  self->analysis_matches = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), helder_record_get_text (document, "title"));
  gtk_text_buffer_set_text (buffer, body ? body : "", -1);
  self->loading = FALSE;
  self->retag_all = TRUE;
  fill_properties (self);
  /* A read-only store: the text shows, but nothing pretends to save it. */
  read_only = helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (service)));
  gtk_text_view_set_editable (self->text_view, !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), !read_only);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  analyse (self);
}

/* Kind, channel and target level: the popover by the title. */
static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
fill_properties (HelderDocumentEditor *self)
{
  const HelderField *kind_field = helder_record_class_find_field (HELDER_RECORD_GET_CLASS (self->document), "kind");
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) channel_values = g_strv_builder_new ();
  g_autoptr(GListModel) channel_records = NULL;
  const char *channel = helder_record_get_text (self->document, "channel");
  int target = helder_record_get_int (self->document, "target_level");
  gboolean listed = FALSE;
  guint selected;

  self->kinds = (const char * const *) kind_field->choices;
  for (guint i = 0; self->kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, helder_format_choice (self->kinds[i]));

  /* Translators: no channel chosen for a document */
  gtk_string_list_append (channels, _("None"));
  g_strv_builder_add (channel_values, "");
  if (self->service != NULL)
    channel_records = G_LIST_MODEL (helder_service_list (HELDER_SERVICE (self->service), HELDER_TYPE_CHANNEL));
  for (guint i = 0; channel_records != NULL && i < g_list_model_get_n_items (channel_records); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (channel_records, i);
      const char *name = helder_record_get_text (record, "name");

      gtk_string_list_append (channels, name);
      g_strv_builder_add (channel_values, name);
      listed = listed || g_strcmp0 (name, channel) == 0;
    }
  /* A channel the list no longer has is kept, not dropped. */
  if (channel != NULL && *channel != '\0' && !listed)
    {
      gtk_string_list_append (channels, channel);
      g_strv_builder_add (channel_values, channel);
    }
  g_clear_pointer (&self->channels, g_strfreev);
  self->channels = g_strv_builder_end (channel_values);

  for (int level = 1; level <= 4; level++)
    {
      g_autofree char *label = g_strdup_printf (_("Level %d"), level);

      gtk_string_list_append (levels, label);
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  selected = index_of (self->kinds, helder_record_get_text (self->document, "kind"));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  selected = index_of ((const char * const *) self->channels, channel ? channel : "");
  gtk_drop_down_set_selected (self->channel_dropdown, selected);
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (levels));
  gtk_drop_down_set_selected (self->level_dropdown, target >= 1 && target <= 4 ? (guint) target - 1
                                                                              : GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
}

static void
on_property_selected (HelderDocumentEditor *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint level = gtk_drop_down_get_selected (self->level_dropdown);

  if (self->loading || self->document == NULL)
    return;
  if (self->kinds != NULL && kind < g_strv_length ((GStrv) self->kinds))
    g_object_set (self->document, "kind", self->kinds[kind], NULL);
  if (self->channels != NULL && channel < g_strv_length (self->channels))
    g_object_set (self->document, "channel", *self->channels[channel] ? self->channels[channel] : NULL, NULL);
  if (level != GTK_INVALID_LIST_POSITION)
    g_object_set (self->document, "target-level", (int) level + 1, NULL);
  helder_document_editor_save (self);
  if (self->analysis != NULL)
    {
      g_autofree char *text = buffer_text (self);

      update_panel (self, text);
    }
}

static void
properties_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (HELDER_DOCUMENT_EDITOR (widget)->properties_button);
}

/* Search and replace, case-insensitive, from the cursor, wrapping. */
static gboolean
find_from (HelderDocumentEditor *self,
           gboolean              forward,
           gboolean              include_current)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter sel_start, sel_end, from, match_start, match_end, wrap;
  gboolean found;

  if (*needle == '\0')
    return FALSE;
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  from = forward ? (include_current ? sel_start : sel_end) : sel_start;

  if (forward)
    found = gtk_text_iter_forward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &match_start, &match_end, NULL);
  else
    found = gtk_text_iter_backward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                           &match_start, &match_end, NULL);
  if (!found)
    {
      if (forward)
        gtk_text_buffer_get_start_iter (buffer, &wrap);
      else
        gtk_text_buffer_get_end_iter (buffer, &wrap);
      found = forward
        ? gtk_text_iter_forward_search (&wrap, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start, &match_end, NULL)
        : gtk_text_iter_backward_search (&wrap, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start, &match_end, NULL);
    }
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (self->text_view, &match_start, 0.1, FALSE, 0, 0);
    }
  if (!found)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  return found;
}

static void
on_search_changed (HelderDocumentEditor *self)
{
  find_from (self, TRUE, TRUE);
}

static void
on_find_next (HelderDocumentEditor *self)
{
  find_from (self, TRUE, FALSE);
}

static void
on_find_previous (HelderDocumentEditor *self)
{
  find_from (self, FALSE, FALSE);
}

/* Replaces the selection if it is a match, then finds the next one. */
static void
on_replace (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter a, b;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      g_autofree char *x = g_utf8_casefold (selected, -1);
      g_autofree char *y = g_utf8_casefold (needle, -1);

      if (g_str_equal (x, y))
        {
          gtk_text_buffer_begin_user_action (buffer);
          gtk_text_buffer_delete (buffer, &a, &b);
          gtk_text_buffer_insert (buffer, &a, gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), -1);
          gtk_text_buffer_end_user_action (buffer);
        }
    }
  find_from (self, TRUE, FALSE);
}

static void
on_replace_all (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter iter, a, b;

  if (*needle == '\0')
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &a, &b, NULL))
    {
      gtk_text_buffer_delete (buffer, &a, &b);
      gtk_text_buffer_insert (buffer, &a, replacement, -1);
      iter = a;
    }
  gtk_text_buffer_end_user_action (buffer);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
    apply_marks (self);
}

static void
build_legend (HelderDocumentEditor *self)
{
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(categories[c].label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_add_css_class (check, "legend");
      gtk_widget_add_css_class (check, categories[c].tag);
      g_object_set_data (G_OBJECT (check), "category", GUINT_TO_POINTER (categories[c].check));
      g_signal_connect_object (check, "toggled", G_CALLBACK (legend_toggled), self, 0);
      self->legend_checks[c] = GTK_CHECK_BUTTON (check);
      gtk_flow_box_append (self->legend, check);
    }
}

/* Out: the clipboard, a file, paper */

static void
copy_text_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  g_autofree char *text = buffer_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
saved_to_file (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_warning ("Could not save %s: %s", g_file_peek_path (G_FILE (source)), error->message);
}

static void
save_response (GtkNativeDialog      *dialog,
               int                   response,
               HelderDocumentEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      char *text = buffer_text (self);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                           saved_to_file, NULL);
    }
  g_object_unref (dialog);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (g_str_equal (kind, "md") ? _("Save as Markdown") : _("Save as Text"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  char        *text;
  PangoLayout *layout;
  GArray      *page_starts;   /* line index where each page starts */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->text);
  g_clear_object (&data->layout);
  g_array_unref (data->page_starts);
  g_free (data);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  double used = 0;
  int n_lines;
  guint first = 0;

  data->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (data->layout, font);
  pango_layout_set_width (data->layout, width * PANGO_SCALE);
  pango_layout_set_wrap (data->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (data->layout, data->text, -1);

  n_lines = pango_layout_get_line_count (data->layout);
  g_array_append_val (data->page_starts, first);
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (data->layout, i), NULL, &logical);
      if (used + logical.height / (double) PANGO_SCALE > height && used > 0)
        {
          guint start = i;

          g_array_append_val (data->page_starts, start);
          used = 0;
        }
      used += logical.height / (double) PANGO_SCALE;
    }
  gtk_print_operation_set_n_pages (operation, data->page_starts->len);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (data->page_starts, guint, page);
  guint last = page + 1 < (int) data->page_starts->len
               ? g_array_index (data->page_starts, guint, page + 1)
               : (guint) pango_layout_get_line_count (data->layout);
  double y = 0;

  for (guint i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (data->layout, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, 0, y - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += logical.height / (double) PANGO_SCALE;
    }
}

/* GtkPrintOperation prints, and its dialog saves a PDF too. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintData *data = g_new0 (PrintData, 1);

  data->text = buffer_text (self);
  data->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_print_operation_set_job_name (operation, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), data);
  g_object_set_data_full (G_OBJECT (operation), "print-data", data, (GDestroyNotify) print_data_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print: %s", error->message);
}

/* The context menu: what the finding under the pointer offers.
 * Suggestions cost about 100 ms, so they are computed here, on a
 * right-click, never while typing. */
static void
replace_range (HelderDocumentEditor *self,
               const char           *replacement)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, self->menu_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &a, &b);
  gtk_text_buffer_insert (buffer, &a, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  replace_range (HELDER_DOCUMENT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
add_word (HelderDocumentEditor *self,
          const char           *scope)
{
  g_autoptr(GError) error = NULL;

  if (self->menu_word == NULL || self->service == NULL)
    return;
  /* The service follows the store: the analyser has the new house style
   * before the save returns, and house-style-changed checks the text
   * again (the word may be marked anywhere in it). */
  if (!helder_editor_service_add_word (self->service, self->menu_word, g_str_equal (scope, "personal"), &error))
    show_error (self, _("Could not add the word"), error);
}

static void
add_word_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_word (HELDER_DOCUMENT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
ignore_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  if (self->menu_word != NULL && self->document != NULL &&
      g_hash_table_add (self->ignored, g_strdup (self->menu_word)))
    {
      g_autoptr(GError) error = NULL;

      /* The text typed so far goes with it */
      helder_document_editor_save (self);
      if (!helder_editor_service_ignore_word (self->service, self->document, self->menu_word, &error))
        show_error (self, _("Could not ignore the word"), error);
    }
  self->retag_all = TRUE;
  if (self->analysis != NULL)
    apply_marks (self);
}

/* The spelling language, for every text: the app's setting. */
static void
append_language_menu (HelderDocumentEditor *self)
{
  g_autoptr(GMenu) languages = g_menu_new ();

  g_menu_append (languages, _("Dutch (Netherlands)"), "app.spelling-language::nl_NL");
  g_menu_append (languages, _("Dutch (Belgium)"), "app.spelling-language::nl_BE");
  g_menu_append (languages, _("English (United States)"), "app.spelling-language::en_US");
  {
    g_autoptr(GMenuItem) item = g_menu_item_new_submenu (_("Spelling _Language"), G_MENU_MODEL (languages));

    g_menu_append_item (self->extra_menu, item);
  }
}

static void
prepare_menu (HelderDocumentEditor *self,
              double                x,
              double                y)
{
  GtkTextIter iter;
  int bx, by;
  gint32 delta;
  const HelderFinding *f;
  g_autoptr(GMenu) suggestions = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();

  g_menu_remove_all (self->extra_menu);
  g_clear_pointer (&self->menu_word, g_free);

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  f = finding_at_current (self, gtk_text_iter_get_offset (&iter), HELDER_CHECK_SPELLING | HELDER_CHECK_JARGON,
                          &delta);
  if (f == NULL)
    {
      append_language_menu (self);
      return;
    }

  self->menu_start = f->start + delta;
  self->menu_end = f->end + delta;
  self->menu_word = text_of (self, self->menu_start, self->menu_end);

  if (f->category == HELDER_CHECK_SPELLING && self->analyzer != NULL)
    {
      g_auto(GStrv) words = helder_text_analyzer_suggest (self->analyzer, self->menu_word, 5);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (words[i], NULL);

          g_menu_item_set_action_and_target (item, "editor.correct", "s", words[i]);
          g_menu_append_item (suggestions, item);
        }
      g_menu_append (actions, _("_Add to My Dictionary"), "editor.add-word::personal");
      g_menu_append (actions, _("Add to the _Organisation’s Dictionary"), "editor.add-word::org");
      g_menu_append (actions, _("_Ignore in This Document"), "editor.ignore");
    }
  else
    for (guint i = 0; f->suggestions[i] != NULL; i++)
      {
        g_autofree char *label = g_strdup_printf (_("Replace with “%s”"), f->suggestions[i]);
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        /* "om ... te verbeteren": a pattern, not a replacement */
        if (strstr (f->suggestions[i], "...") != NULL || strstr (f->suggestions[i], "…") != NULL)
          continue;
        g_menu_item_set_action_and_target (item, "editor.correct", "s", f->suggestions[i]);
        g_menu_append_item (suggestions, item);
      }

  g_menu_append_section (self->extra_menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (self->extra_menu, NULL, G_MENU_MODEL (actions));
  append_language_menu (self);
}

static void
on_pressed (GtkGestureClick      *gesture,
            int                   n_press,
            double                x,
            double                y,
            HelderDocumentEditor *self)
{
  prepare_menu (self, x, y);
}

/* Shift+F10 and the Menu key open the same menu for the word at the
 * cursor: prepare it, then let the text view show it. */
static void
prepare_menu_at_cursor (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &cursor, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  prepare_menu (self, x, y + rect.height / 2);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HelderDocumentEditor  *self)
{
  if ((keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)) || keyval == GDK_KEY_Menu)
    prepare_menu_at_cursor (self);
  /* The text view itself then shows the menu. */
  return FALSE;
}

/* The same, as an action: for scripts and assistive technology. */
static void
word_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (widget);

  prepare_menu_at_cursor (self);
  gtk_widget_activate_action (GTK_WIDGET (self->text_view), "menu.popup", NULL);
}

static void
on_title_changed (HelderDocumentEditor *self)
{
  on_changed (self);
}

static void
helder_document_editor_dispose (GObject *object)
{
  HelderDocumentEditor *self = HELDER_DOCUMENT_EDITOR (object);

  /* Nothing typed is lost by closing. */
  if (self->save_id != 0)
    helder_document_editor_save (self);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  set_service (self, NULL);
  g_clear_pointer (&self->analysis, helder_analysis_unref);
  g_clear_object (&self->extra_menu);
  g_clear_pointer (&self->menu_word, g_free);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  g_clear_pointer (&self->channels, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_DOCUMENT_EDITOR);

  G_OBJECT_CLASS (helder_document_editor_parent_class)->dispose (object);
}

static void
helder_document_editor_class_init (HelderDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_document_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, word_count);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, level_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, properties_button);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, douma_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, brouwer_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, hardest_list);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);

  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, legend);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_replace);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.copy-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.save-as", "s", "txt");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_install_action (widget_class, "editor.correct", "s", correct_activated);
  gtk_widget_class_install_action (widget_class, "editor.copy-text", NULL, copy_text_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-as", "s", save_as_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-word", "s", add_word_activated);
  gtk_widget_class_install_action (widget_class, "editor.ignore", NULL, ignore_activated);
  gtk_widget_class_install_action (widget_class, "editor.word-menu", NULL, word_menu_activated);
  gtk_widget_class_install_action (widget_class, "editor.properties", NULL, properties_activated);
}

static void
helder_document_editor_init (HelderDocumentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  create_tags (gtk_text_view_get_buffer (self->text_view));
  /* Alt+Return before the text view takes it as a line break. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_ALT_MASK),
                                                            gtk_named_action_new ("editor.properties")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_property_selected), self);
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected", G_CALLBACK (on_property_selected), self);
  g_signal_connect_swapped (self->level_dropdown, "notify::selected", G_CALLBACK (on_property_selected), self);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->dirty_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
    self->dirty_end = gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE);
    g_signal_connect_object (buffer, "insert-text", G_CALLBACK (after_insert), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    g_signal_connect_object (buffer, "delete-range", G_CALLBACK (after_delete), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  }
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_legend (self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Right-click: fill the view's extra menu for what is under the pointer */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    self->extra_menu = g_menu_new ();
    gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->extra_menu));
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  }
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}
