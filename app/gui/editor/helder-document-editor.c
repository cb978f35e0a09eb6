/* helder-document-editor.c: writing one document, with live checks
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-document-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-document-editor-private.h"
#include "model/helder-record-format.h"

/* The text is saved at most a second after typing stops, so a killed app
 * loses at most that second.  Checks run in a worker on a copy of the text
 * (the analyser reuses every unchanged paragraph), and their marks come
 * back as text tags (helder-document-editor-marks.c); the word being typed
 * is never marked.  The document follows the store
 * (helder-document-editor-follow.c): a colleague's change pulled by sync
 * shows at once, or merges with what is being typed. */

#define SAVE_DELAY_MS     1000
#define ANALYSE_DELAY_MS  200

G_DEFINE_FINAL_TYPE (HelderDocumentEditor, helder_document_editor, ADW_TYPE_BIN)

char *
helder_document_editor_get_text (HelderDocumentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}


/* What the window says when an action fails: the service's refusal, or
 * the store's error. */
void
helder_document_editor_show_error (HelderDocumentEditor *self,
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
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HELDER_IS_DOCUMENT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->document == NULL || self->service == NULL ||
      helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (self->service))))
    return FALSE;

  /* Deleted elsewhere: saving would bring it back over the deletion;
   * the notice offers to keep it as a new copy instead. */
  if (self->follower != NULL && helder_record_follower_get_deleted (self->follower))
    return FALSE;

  helder_document_editor_take_view (self, self->document);
  if (!helder_document_editor_save_document (self, &error))
    {
      helder_document_editor_show_error (self, _("Could not save the document"), error);
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
  now = helder_document_editor_get_text (self);
  if (!g_str_equal (now, job->text))
    {
      helder_analysis_unref (analysis);
      return;
    }
  g_clear_pointer (&self->analysis, helder_analysis_unref);
  self->analysis = analysis;
  self->analysis_matches = TRUE;
  helder_document_editor_apply_marks (self);
  helder_document_editor_update_panel (self, job->text);
}

void
helder_document_editor_analyse (HelderDocumentEditor *self)
{
  g_autoptr(GTask) task = NULL;
  AnalyseJob *job;

  if (self->analyzer == NULL || self->document == NULL)
    return;
  job = g_new0 (AnalyseJob, 1);
  job->text = helder_document_editor_get_text (self);
  job->analyzer = helder_text_analyzer_ref (self->analyzer);
  task = g_task_new (self, self->cancellable, analysed, NULL);
  g_task_set_source_tag (task, helder_document_editor_analyse);
  g_task_set_task_data (task, job, (GDestroyNotify) analyse_job_free);
  g_task_run_in_thread (task, analyse_in_thread);
}

static gboolean
analyse_timeout (gpointer user_data)
{
  HelderDocumentEditor *self = user_data;

  self->analyse_id = 0;
  helder_document_editor_analyse (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (HelderDocumentEditor *self)
{
  if (self->loading)
    return;
  self->analysis_matches = FALSE;
  self->last_edit = g_get_monotonic_time ();
  if (self->follower != NULL)
    helder_record_follower_set_edited (self->follower, TRUE);
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
  helder_document_editor_analyse (self);
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
  helder_document_editor_analyse (self);
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
  helder_document_editor_drop_channel_levels (self);
  if (service != NULL)
    {
      g_signal_connect_object (service, "notify::analyzer", G_CALLBACK (service_analyzer_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (service, "house-style-changed", G_CALLBACK (house_style_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

/* The words ignored in this document, as it is now. */
void
helder_document_editor_read_ignored (HelderDocumentEditor *self)
{
  const char * const *ignored = helder_record_get_list (self->document, "ignored");

  g_hash_table_remove_all (self->ignored);
  for (guint i = 0; ignored != NULL && ignored[i] != NULL; i++)
    g_hash_table_add (self->ignored, g_strdup (ignored[i]));
}

/**
 * helder_document_editor_get_document:
 *
 * Returns: (transfer none) (nullable): the document open now (a copy
 *   kept as a new document replaces the one deleted elsewhere)
 */
HelderRecord *
helder_document_editor_get_document (HelderDocumentEditor *self)
{
  g_return_val_if_fail (HELDER_IS_DOCUMENT_EDITOR (self), NULL);

  return self->document;
}

/**
 * helder_document_editor_close:
 *
 * Saves what was typed and stops following the document.  A document
 * deleted elsewhere while it had unsaved edits is kept as a new copy, so
 * nothing typed is lost.
 *
 * Returns: (transfer full) (nullable): that copy, or %NULL
 */
HelderRecord *
helder_document_editor_close (HelderDocumentEditor *self)
{
  HelderRecord *copy = NULL;

  g_return_val_if_fail (HELDER_IS_DOCUMENT_EDITOR (self), NULL);

  if (self->follower != NULL && helder_record_follower_get_deleted (self->follower) &&
      helder_record_follower_get_edited (self->follower))
    copy = helder_document_editor_keep_copy (self);
  else
    helder_document_editor_save (self);
  if (copy != NULL)
    g_object_ref (copy);
  g_clear_handle_id (&self->save_id, g_source_remove);
  helder_document_editor_unfollow (self);
  g_clear_object (&self->document);
  return copy;
}

/* Closing to open another, or to go: a copy kept stays in the list. */
static void
close_document (HelderDocumentEditor *self)
{
  g_autoptr(HelderRecord) copy = helder_document_editor_close (self);
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
  gboolean read_only;

  g_return_if_fail (HELDER_IS_DOCUMENT_EDITOR (self));
  g_return_if_fail (HELDER_IS_EDITOR_SERVICE (service));
  g_return_if_fail (HELDER_IS_DOCUMENT (document));

  if (self->document != NULL)
    close_document (self);

  set_service (self, service);
  helder_editor_service_want_analyzer (service);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  if (helder_editor_service_get_analyzer (service) != NULL)
    self->analyzer = helder_text_analyzer_ref (helder_editor_service_get_analyzer (service));
  helder_document_editor_follow (self, document);
  document = self->document;
  buffer = gtk_text_view_get_buffer (self->text_view);
  body = helder_record_get_text (document, "body");

  helder_document_editor_read_ignored (self);
  self->loading = TRUE;
  self->analysis_matches = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), helder_record_get_text (document, "title"));
  gtk_text_buffer_set_text (buffer, body ? body : "", -1);
  self->loading = FALSE;
  self->retag_all = TRUE;
  helder_document_editor_fill_properties (self);
  /* A read-only store: the text shows, but nothing pretends to save it. */
  read_only = helder_store_is_read_only (helder_service_get_store (HELDER_SERVICE (service)));
  gtk_text_view_set_editable (self->text_view, !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), !read_only);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  helder_document_editor_analyse (self);
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

/* The side panel's toolkits: those for the document's channel and kind */
static void
update_toolkits (HelderDocumentEditor *self)
{
  helder_toolkit_pane_set_service (self->toolkit_pane, HELDER_SERVICE (self->service));
  helder_toolkit_pane_set_record (self->toolkit_pane, self->document);
}

void
helder_document_editor_fill_properties (HelderDocumentEditor *self)
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
  update_toolkits (self);
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
  update_toolkits (self);
  if (self->analysis != NULL)
    {
      g_autofree char *text = helder_document_editor_get_text (self);

      helder_document_editor_update_panel (self, text);
    }
}

static void
properties_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (HELDER_DOCUMENT_EDITOR (widget)->properties_button);
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
  if (self->document != NULL)
    close_document (self);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  set_service (self, NULL);
  helder_document_editor_drop_channel_levels (self);
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
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, channels_level_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, properties_button);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, toolkit_pane);
  g_type_ensure (HELDER_TYPE_TOOLKIT_PANE);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, douma_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, brouwer_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, hardest_list);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, findings_list);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, legend);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, notice);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, notice_label);
  gtk_widget_class_bind_template_child (widget_class, HelderDocumentEditor, notice_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  helder_document_editor_class_init_marks (widget_class);
  helder_document_editor_class_init_search (widget_class);
  helder_document_editor_class_init_export (widget_class);
  helder_document_editor_class_init_menu (widget_class);
  helder_document_editor_class_init_follow (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.properties", NULL, properties_activated);
}

static void
helder_document_editor_init (HelderDocumentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
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
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  helder_document_editor_init_marks (self);
  helder_document_editor_init_search (self);
  helder_document_editor_init_menu (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}
