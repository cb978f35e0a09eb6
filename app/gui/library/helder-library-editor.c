/* helder-library-editor.c: a toolkit document's Markdown, edited beside its preview
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-library-editor.h"
#include "helder-markdown-view.h"
#include "model/helder-record-format.h"
#include "service/helder-record-follower.h"
#include "text/helder-text-summary.h"

/* "Bewerken": the Markdown source on the left, the document as readers
 * will see it on the right, updated while typing.  The source is checked
 * by the plain-language engine like any Schrijven text (the editor
 * service's analyser, in a worker on a copy), its findings marked in the
 * source with Schrijven's colours and summed up above the preview.
 * Saving goes through the library service, which keeps the version. */

#define PREVIEW_DELAY_MS 150
#define ANALYSE_DELAY_MS 600

static const char *categories[] = { "instructie", "toolkit", "advies", "training", "sjabloon", NULL };

/* Schrijven's marks (helder-document-editor-marks.c), by check */
static const struct
{
  HelderCheck check;
  const char *tag;
  const char *colour;
} marks[] = {
  { HELDER_CHECK_LONG_SENTENCE, "long-sentence", "#f9f06b" },
  { HELDER_CHECK_HARD_SENTENCE, "hard-sentence", "#f9f06b" },
  { HELDER_CHECK_PASSIVE, "passive", "#99c1f1" },
  { HELDER_CHECK_JARGON, "jargon", "#dc8add" },
  { HELDER_CHECK_RARE_WORD, "rare-word", "#8ff0a4" },
  { HELDER_CHECK_LONG_WORD, "long-word", "#b5e8b0" },
  { HELDER_CHECK_NOMINALISATION, "nominalisation", "#ffbe6f" },
  { HELDER_CHECK_ADDRESS, "address", "#cdab8f" },
};

struct _HelderLibraryEditor
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkEntry             *title_entry;
  GtkDropDown          *category_dropdown;
  GtkEntry             *summary_entry;
  GtkEntry             *tags_entry;
  GtkEntry             *note_entry;
  GtkTextView          *source_view;
  GtkLabel             *level_label;
  GtkLabel             *counts_label;
  HelderMarkdownView   *preview;
  GtkRevealer          *notice;
  GtkLabel             *notice_label;

  /* owned */
  HelderLibraryService *service;
  HelderEditorService  *checks;
  HelderTextAnalyzer   *analyzer;
  HelderRecord         *toolkit;     /* as stored when opened or last saved */
  HelderRecordFollower *follower;    /* the document in the store */
  HelderRecord         *newer;       /* changed elsewhere while edited here */
  gboolean              deleted;     /* deleted elsewhere */
  gboolean              saving;
  GCancellable         *cancellable;
  guint                 preview_id;
  guint                 analyse_id;
  guint                 n_marks;
  gboolean              loading;
  gboolean              modified;
};

G_DEFINE_FINAL_TYPE (HelderLibraryEditor, helder_library_editor, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * helder_library_editor_check_text:
 * @markdown: a document's Markdown
 *
 * What the plain-language check reads: the Markdown with its syntax
 * (heading and list marks, emphasis, table bars, link addresses) blanked
 * out by spaces, so sentences read as sentences and every finding's
 * offsets are the source's.
 *
 * Returns: (transfer full): as many characters as @markdown
 */
/* The bytes at the start of @line that are block syntax: indent, "#…",
 * ">", a list marker, a task box.  All ASCII, one character each. */
static gsize
block_marks (const char *line,
             gsize       length)
{
  gsize i = 0;

  for (;;)
    {
      gsize start = i, k;

      while (i < length && line[i] == ' ')
        i++;
      if (i < length && (line[i] == '#' || line[i] == '>'))
        {
          while (i < length && (line[i] == '#' || line[i] == '>'))
            i++;
        }
      else if (i + 1 < length && (line[i] == '-' || line[i] == '*' || line[i] == '+') && line[i + 1] == ' ')
        i++;
      else
        {
          for (k = i; k < length && g_ascii_isdigit (line[k]); k++)
            ;
          if (k > i && k + 1 < length && (line[k] == '.' || line[k] == ')') && line[k + 1] == ' ')
            i = k + 1;
        }
      if (i + 3 < length && line[i] == ' ' && line[i + 1] == '[' &&
          (line[i + 2] == ' ' || line[i + 2] == 'x' || line[i + 2] == 'X') && line[i + 3] == ']')
        i += 4;
      if (i == start)
        return i;
    }
}

/* A table's rule ("|---|:--:|"). */
static gboolean
is_table_rule (const char *line,
               gsize       length)
{
  gboolean dash = FALSE;

  for (gsize i = 0; i < length; i++)
    if (line[i] == '-')
      dash = TRUE;
    else if (line[i] != '|' && line[i] != ':' && line[i] != ' ')
      return FALSE;
  return dash;
}

/**
 * helder_library_editor_check_text:
 * @markdown: a document's Markdown
 *
 * What the plain-language check reads: the Markdown with its syntax
 * (heading and list marks, emphasis, table bars, link addresses) blanked
 * out by spaces, so sentences read as sentences and every finding's
 * offsets are the source's.
 *
 * Returns: (transfer full): as many characters as @markdown, the same
 *   characters where they are text
 */
char *
helder_library_editor_check_text (const char *markdown)
{
  GString *out = g_string_sized_new (strlen (markdown));
  const char *line = markdown;

  while (*line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize) (eol - line) : strlen (line);
      gsize skip = is_table_rule (line, length) ? length : block_marks (line, length);
      int in_url = 0;

      for (gsize i = 0; i < skip; i++)
        g_string_append_c (out, ' ');
      for (const char *p = line + skip; p < line + length; p = g_utf8_next_char (p))
        {
          char c = *p;
          gboolean blank = FALSE;

          if (in_url > 0)
            {
              blank = TRUE;
              in_url += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
          else if (c == ']' && p + 1 < line + length && p[1] == '(')
            {
              blank = TRUE;
              in_url = 1;
              g_string_append_c (out, ' ');
              p++;
            }
          else if (c == '*' || c == '_' || c == '`' || c == '~' || c == '|' || c == '[' ||
                   (c == '!' && p + 1 < line + length && p[1] == '['))
            blank = TRUE;
          if (blank)
            g_string_append_c (out, ' ');
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      if (eol == NULL)
        break;
      g_string_append_c (out, '\n');
      line = eol + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
source_text (HelderLibraryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Analysis, in a worker on a copy */

typedef struct
{
  char               *source;
  char               *text;
  HelderTextAnalyzer *analyzer;
} AnalyseJob;

static void
analyse_job_free (AnalyseJob *job)
{
  g_free (job->source);
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
  GError *error = NULL;
  HelderAnalysis *analysis = helder_text_analyzer_analyze (job->analyzer, job->text, -1, &error);

  if (analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, analysis, (GDestroyNotify) helder_analysis_unref);
}

static void
apply_analysis (HelderLibraryEditor *self,
                HelderAnalysis      *analysis)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start, end;
  g_auto(HelderTextSummary) summary = { 0 };

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    gtk_text_buffer_remove_tag_by_name (buffer, marks[i].tag, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "spelling", &start, &end);

  self->n_marks = 0;
  for (guint i = 0; i < helder_analysis_get_n_findings (analysis); i++)
    {
      const HelderFinding *finding = helder_analysis_get_finding (analysis, i);
      const char *tag = finding->category == HELDER_CHECK_SPELLING ? "spelling" : NULL;

      for (guint k = 0; tag == NULL && k < G_N_ELEMENTS (marks); k++)
        if (marks[k].check == finding->category)
          tag = marks[k].tag;
      if (tag == NULL)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, finding->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, finding->end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
      self->n_marks++;
    }

  helder_text_summary_init (&summary, analysis, 2);
  gtk_label_set_text (self->level_label, summary.level);
  gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), summary.on_target ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), summary.on_target ? "success" : "error");
  gtk_label_set_text (self->counts_label, summary.counts);
}

static void
analysed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  HelderLibraryEditor *self = HELDER_LIBRARY_EDITOR (source);
  AnalyseJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(HelderAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *now = NULL;

  if (analysis == NULL)
    return;
  /* Offsets fit only the text analysed: a later edit has its own run */
  now = source_text (self);
  if (g_str_equal (now, job->source))
    apply_analysis (self, analysis);
}

static void
analyse (HelderLibraryEditor *self)
{
  g_autoptr(GTask) task = NULL;
  AnalyseJob *job;

  if (self->analyzer == NULL)
    return;
  job = g_new0 (AnalyseJob, 1);
  job->source = source_text (self);
  job->text = helder_library_editor_check_text (job->source);
  job->analyzer = helder_text_analyzer_ref (self->analyzer);
  task = g_task_new (self, self->cancellable, analysed, NULL);
  g_task_set_source_tag (task, analyse);
  g_task_set_task_data (task, job, (GDestroyNotify) analyse_job_free);
  g_task_run_in_thread (task, analyse_in_thread);
}

static gboolean
analyse_timeout (gpointer user_data)
{
  HelderLibraryEditor *self = user_data;

  self->analyse_id = 0;
  analyse (self);
  return G_SOURCE_REMOVE;
}

static void
update_preview (HelderLibraryEditor *self)
{
  g_autofree char *text = source_text (self);

  helder_markdown_view_set_markdown (self->preview, text);
}

static gboolean
preview_timeout (gpointer user_data)
{
  HelderLibraryEditor *self = user_data;

  self->preview_id = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (HelderLibraryEditor *self)
{
  if (self->loading)
    return;
  self->modified = TRUE;
  if (self->follower != NULL)
    helder_record_follower_set_edited (self->follower, TRUE);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout, self);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  self->analyse_id = g_timeout_add (ANALYSE_DELAY_MS, analyse_timeout, self);
}

static void
on_analyzer_changed (HelderLibraryEditor *self)
{
  HelderTextAnalyzer *analyzer = helder_editor_service_get_analyzer (self->checks);

  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  self->analyzer = analyzer != NULL ? helder_text_analyzer_ref (analyzer) : NULL;
  analyse (self);
}

static void
set_checks (HelderLibraryEditor *self,
            HelderEditorService *checks)
{
  if (self->checks == checks)
    return;
  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_func (self->checks, on_analyzer_changed, self);
  g_set_object (&self->checks, checks);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  if (checks == NULL)
    return;
  g_signal_connect_object (checks, "notify::analyzer", G_CALLBACK (on_analyzer_changed), self,
                           G_CONNECT_SWAPPED);
  helder_editor_service_want_analyzer (checks);
  if (helder_editor_service_get_analyzer (checks) != NULL)
    self->analyzer = helder_text_analyzer_ref (helder_editor_service_get_analyzer (checks));
}

static void fill        (HelderLibraryEditor *self,
                         HelderRecord        *toolkit);
static void on_followed (HelderLibraryEditor *self,
                         HelderFollowEvent    event,
                         HelderRecord        *stored);

/**
 * helder_library_editor_open:
 * @checks: (nullable): Schrijven's service, whose analyser checks the text
 * @toolkit: the document, as stored
 */
void
helder_library_editor_open (HelderLibraryEditor  *self,
                            HelderLibraryService *service,
                            HelderEditorService  *checks,
                            HelderRecord         *toolkit)
{
  g_return_if_fail (HELDER_IS_LIBRARY_EDITOR (self));
  g_return_if_fail (HELDER_IS_LIBRARY_SERVICE (service));
  g_return_if_fail (HELDER_IS_TOOLKIT (toolkit));

  g_set_object (&self->service, service);
  set_checks (self, checks);
  g_clear_object (&self->follower);
  self->follower = helder_record_follower_new (HELDER_SERVICE (service), toolkit);
  g_signal_connect_object (self->follower, "changed", G_CALLBACK (on_followed), self, G_CONNECT_SWAPPED);
  fill (self, toolkit);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* Shows @toolkit as stored, with no edits of this editor's. */
static void
fill (HelderLibraryEditor *self,
      HelderRecord        *toolkit)
{
  const char *category;
  const char * const *tags;
  g_autofree char *joined = NULL;
  guint position = 0;

  g_set_object (&self->toolkit, toolkit);
  g_clear_object (&self->newer);
  self->deleted = FALSE;
  gtk_revealer_set_reveal_child (self->notice, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library-editor.save", TRUE);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), helder_record_get_title (toolkit));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_entry),
                         helder_record_get_text (toolkit, "summary") ? helder_record_get_text (toolkit, "summary") : "");
  tags = helder_record_get_list (toolkit, "tags");
  joined = tags != NULL ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), joined);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  category = helder_record_get_text (toolkit, "category");
  for (guint i = 0; categories[i] != NULL; i++)
    if (g_strcmp0 (categories[i], category) == 0)
      position = i;
  gtk_drop_down_set_selected (self->category_dropdown, position);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_view),
                            helder_record_get_text (toolkit, "body") ? helder_record_get_text (toolkit, "body") : "",
                            -1);
  self->loading = FALSE;
  self->modified = FALSE;
  self->n_marks = 0;
  gtk_label_set_text (self->level_label, self->analyzer != NULL ? "" : _("Checking the language…"));
  gtk_label_set_text (self->counts_label, "");
  update_preview (self);
  analyse (self);
  if (self->follower != NULL)
    helder_record_follower_set_edited (self->follower, FALSE);
}

/* A colleague's save (or a pull) while this editor is open: shown at once
 * when nothing was typed here; otherwise kept, and merged at saving. */
static void
on_followed (HelderLibraryEditor *self,
             HelderFollowEvent    event,
             HelderRecord        *stored)
{
  if (self->saving)
    return;
  if (event == HELDER_FOLLOW_DELETED)
    {
      self->deleted = TRUE;
      gtk_label_set_text (self->notice_label, _("This document was deleted elsewhere. Copy what you need: it "
                                                "can no longer be saved."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "library-editor.save", FALSE);
      gtk_revealer_set_reveal_child (self->notice, TRUE);
      return;
    }
  if (event == HELDER_FOLLOW_CHANGED && !self->modified)
    {
      fill (self, stored);
      return;
    }
  g_set_object (&self->newer, stored);
  gtk_label_set_text (self->notice_label, _("A colleague changed this document meanwhile. Saving keeps their "
                                            "changes to what you did not change; their text stays in the versions."));
  gtk_revealer_set_reveal_child (self->notice, TRUE);
}

static gboolean
differs (HelderRecord *a,
         HelderRecord *b,
         const char   *field)
{
  if (g_str_equal (field, "tags"))
    {
      const char * const *x = helder_record_get_list (a, field);
      const char * const *y = helder_record_get_list (b, field);
      g_autofree char *p = x != NULL ? g_strjoinv ("\n", (char **) x) : g_strdup ("");
      g_autofree char *q = y != NULL ? g_strjoinv ("\n", (char **) y) : g_strdup ("");

      return g_strcmp0 (p, q) != 0;
    }
  return g_strcmp0 (helder_record_get_text (a, field), helder_record_get_text (b, field)) != 0;
}

static GStrv
parse_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/**
 * helder_library_editor_save:
 *
 * Saves the document through the library service: a new version.
 */
gboolean
helder_library_editor_save (HelderLibraryEditor *self,
                            GError             **error)
{
  static const char *fields[] = { "title", "summary", "body", "tags", "category" };
  g_autoptr(HelderRecord) mine = NULL;
  g_autoptr(HelderRecord) copy = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) tags = NULL;
  guint selected;
  gboolean saved;

  g_return_val_if_fail (HELDER_IS_LIBRARY_EDITOR (self), FALSE);
  g_return_val_if_fail (self->toolkit != NULL, FALSE);

  if (self->deleted)
    return TRUE;

  mine = helder_record_follower_copy (self->toolkit);
  body = source_text (self);
  tags = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  selected = gtk_drop_down_get_selected (self->category_dropdown);
  g_object_set (mine,
                "title", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                "summary", gtk_editable_get_text (GTK_EDITABLE (self->summary_entry)),
                "body", body,
                "tags", tags,
                "category", selected < G_N_ELEMENTS (categories) - 1 ? categories[selected] : NULL,
                NULL);
  if (self->newer == NULL)
    copy = g_object_ref (mine);
  else
    {
      /* On the colleague's version: what was changed here, field by field */
      copy = helder_record_follower_copy (self->newer);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (differs (mine, self->toolkit, fields[i]))
          g_object_set (copy, fields[i], g_str_equal (fields[i], "tags") ? (gpointer) tags
                                         : (gpointer) helder_record_get_text (mine, fields[i]), NULL);
    }
  self->saving = TRUE;
  saved = helder_library_service_save_toolkit (self->service, copy,
                                               gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), error);
  self->saving = FALSE;
  if (!saved)
    return FALSE;
  if (self->newer != NULL)
    {
      /* Shows the merge */
      fill (self, copy);
      return TRUE;
    }
  g_set_object (&self->toolkit, copy);
  helder_record_follower_set_edited (self->follower, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  self->modified = FALSE;
  return TRUE;
}

HelderRecord *
helder_library_editor_get_toolkit (HelderLibraryEditor *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_EDITOR (self), NULL);

  return self->toolkit;
}

gboolean
helder_library_editor_get_modified (HelderLibraryEditor *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_EDITOR (self), FALSE);

  return self->modified;
}

/* How many findings the source shows marked. */
guint
helder_library_editor_get_n_marks (HelderLibraryEditor *self)
{
  g_return_val_if_fail (HELDER_IS_LIBRARY_EDITOR (self), 0);

  return self->n_marks;
}

static void
show_error (HelderLibraryEditor *self,
            const GError        *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                              _("Could not save the document"), error->message);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelderLibraryEditor *self = HELDER_LIBRARY_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!helder_library_editor_save (self, &error))
    show_error (self, error);
}

/* Back to reading; what was typed is saved first (the version keeps it). */
static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderLibraryEditor *self = HELDER_LIBRARY_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->modified && !helder_library_editor_save (self, &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[CLOSED], 0, self->toolkit);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderLibraryEditor *self = HELDER_LIBRARY_EDITOR (widget);

  if (self->newer != NULL)
    {
      g_autoptr(HelderRecord) newer = g_object_ref (self->newer);

      fill (self, newer);
    }
}

static void
create_tags (HelderLibraryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GdkRGBA red = { 0.88, 0.11, 0.14, 1 };
  GdkRGBA dark = { 0.14, 0.12, 0.19, 1 };

  gtk_text_buffer_create_tag (buffer, "spelling", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &red, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    gtk_text_buffer_create_tag (buffer, marks[i].tag, "background", marks[i].colour,
                                "foreground-rgba", &dark, NULL);
}

static void
helder_library_editor_dispose (GObject *object)
{
  HelderLibraryEditor *self = HELDER_LIBRARY_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  set_checks (self, NULL);
  g_clear_object (&self->follower);
  g_clear_object (&self->newer);
  g_clear_object (&self->service);
  g_clear_object (&self->toolkit);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_LIBRARY_EDITOR);

  G_OBJECT_CLASS (helder_library_editor_parent_class)->dispose (object);
}

static void
helder_library_editor_class_init (HelderLibraryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_library_editor_dispose;

  /**
   * HelderLibraryEditor::closed:
   * @toolkit: the document as saved
   *
   * The user went back to reading.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_RECORD);

  g_type_ensure (HELDER_TYPE_MARKDOWN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/hltsamen/Helder/ui/helder-library-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, summary_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, level_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, notice);
  gtk_widget_class_bind_template_child (widget_class, HelderLibraryEditor, notice_label);

  gtk_widget_class_install_action (widget_class, "library-editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "library-editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "library-editor.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "library-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "library-editor.close", NULL);
}

static void
helder_library_editor_init (HelderLibraryEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; categories[i] != NULL; i++)
    gtk_string_list_append (labels, helder_format_choice (categories[i]));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (labels));
  create_tags (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->source_view), "changed", G_CALLBACK (on_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_entry, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags_entry, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}
