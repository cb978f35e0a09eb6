/* helder-text-levels.c: the language level of each Schrijven text, measured once per version
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-levels"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-text-levels.h"

/* Kanalen, the planner's message pane and the editor all ask how hard a
 * message's text is, to hold it against its channels' target levels.
 * One HelderTextLevels per store answers them all from a table: document
 * id → the level of the text it had, with the text's hash and length as
 * its version.  A lookup that finds nothing (or a document that changed
 * in the store) puts the id on a list; once per main-loop turn the
 * listed documents are read from the store in one go, and those whose
 * text is not the measured one go, copied, to a worker that measures
 * them with the text engine (helder_text_analyzer_analyze(): its level,
 * 1 easy to 4 hard).  When the levels are in, ::changed names the
 * documents.  Nothing is measured on the drawing path, and a text is
 * measured again only when it changed.
 *
 * The analyser is the application's when it has given one (the editor's,
 * helder_text_levels_set_analyzer()); otherwise the worker loads one of
 * its own for the batch (some 110 ms, in the worker) and drops it a
 * minute after the last batch, so Kanalen open without Schrijven does not
 * keep the dictionaries in memory. */

#define DROP_OWN_ANALYZER_S 60

typedef struct
{
  guint hash;
  gsize length;
  int   level;    /* 1–4; 0: no words */
} Entry;

typedef struct
{
  char *id;
  char *text;
  guint hash;
  gsize length;
  int   level;
} Job;

typedef struct
{
  GPtrArray          *jobs;      /* Job */
  HelderTextAnalyzer *analyzer;  /* the shared one, or NULL: the worker loads one */
  HelderTextAnalyzer *loaded;    /* what the worker loaded */
} Batch;

struct _HelderTextLevels
{
  GObject parent_instance;

  HelderStore        *store;     /* weak: the store owns this */
  HelderTextAnalyzer *analyzer;
  gboolean            own_analyzer;
  GHashTable         *entries;   /* id → Entry */
  GHashTable         *wanted;    /* ids to read and, if changed, measure */
  guint               idle_id;
  guint               drop_id;
  gboolean            busy;
  GCancellable       *cancellable;
  guint               n_analysed;
};

G_DEFINE_FINAL_TYPE (HelderTextLevels, helder_text_levels, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->id);
  g_free (job->text);
  g_free (job);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_ptr_array_unref (batch->jobs);
  g_clear_pointer (&batch->analyzer, helder_text_analyzer_unref);
  g_clear_pointer (&batch->loaded, helder_text_analyzer_unref);
  g_free (batch);
}

static void schedule (HelderTextLevels *self);

static void
analyse_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Batch *batch = task_data;
  HelderTextAnalyzer *analyzer = batch->analyzer;
  g_autoptr(GError) error = NULL;

  if (analyzer == NULL)
    {
      if ((batch->loaded = helder_text_analyzer_new ("nl_NL", &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* the level needs the scores only, not the findings */
      helder_text_analyzer_set_checks (batch->loaded, 0);
      analyzer = batch->loaded;
    }
  for (guint i = 0; i < batch->jobs->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Job *job = batch->jobs->pdata[i];
      g_autoptr(HelderAnalysis) analysis = helder_text_analyzer_analyze (analyzer, job->text, -1, NULL);

      job->level = analysis != NULL ? helder_analysis_get_scores (analysis)->level : 0;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
drop_own_analyzer (gpointer data)
{
  HelderTextLevels *self = data;

  self->drop_id = 0;
  if (self->own_analyzer && !self->busy)
    {
      g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
      self->own_analyzer = FALSE;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
set_entry (HelderTextLevels *self,
           const char       *id,
           guint             hash,
           gsize             length,
           int               level)
{
  Entry *entry = g_hash_table_lookup (self->entries, id);
  gboolean changed = entry == NULL || entry->level != level;

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->entries, g_strdup (id), entry);
    }
  entry->hash = hash;
  entry->length = length;
  entry->level = level;
  return changed;
}

static void
emit_changed (HelderTextLevels *self,
              GPtrArray        *ids)
{
  if (ids->len == 0)
    return;
  g_ptr_array_add (ids, NULL);
  g_signal_emit (self, signals[CHANGED], 0, (const char * const *) ids->pdata);
}

static void
analysed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  HelderTextLevels *self = HELDER_TEXT_LEVELS (source);
  Batch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The texts' levels are not known: %s", error->message);
      return;
    }
  if (batch->loaded != NULL && self->analyzer == NULL)
    {
      self->analyzer = g_steal_pointer (&batch->loaded);
      self->own_analyzer = TRUE;
    }
  if (self->own_analyzer)
    {
      g_clear_handle_id (&self->drop_id, g_source_remove);
      self->drop_id = g_timeout_add_seconds (DROP_OWN_ANALYZER_S, drop_own_analyzer, self);
    }
  for (guint i = 0; i < batch->jobs->len; i++)
    {
      Job *job = batch->jobs->pdata[i];

      self->n_analysed++;
      if (set_entry (self, job->id, job->hash, job->length, job->level))
        g_ptr_array_add (changed, g_strdup (job->id));
    }
  emit_changed (self, changed);
  if (g_hash_table_size (self->wanted) > 0)
    schedule (self);
}

/* The listed documents, read in one go; the changed texts to the worker */
static gboolean
read_wanted (gpointer data)
{
  HelderTextLevels *self = data;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (job_free);
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer id;
  Batch *batch;

  self->idle_id = 0;
  if (self->busy || self->store == NULL)
    return G_SOURCE_REMOVE;
  g_hash_table_iter_init (&iter, self->wanted);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_ptr_array_add (ids, id);
      g_hash_table_iter_steal (&iter);
    }
  if (ids->len == 0)
    return G_SOURCE_REMOVE;
  g_ptr_array_add (ids, NULL);
  documents = helder_store_load_many (self->store, HELDER_TYPE_DOCUMENT, (const char * const *) ids->pdata, NULL);
  g_ptr_array_remove_index (ids, ids->len - 1);

  /* a text that is not (or no longer) in the store has no level */
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; documents != NULL && j < documents->len && !found; j++)
        found = g_strcmp0 (helder_record_get_id (documents->pdata[j]), ids->pdata[i]) == 0;
      if (!found && set_entry (self, ids->pdata[i], 0, 0, 0))
        g_ptr_array_add (changed, g_strdup (ids->pdata[i]));
    }
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      HelderRecord *document = documents->pdata[i];
      const char *text = helder_record_get_deleted (document) ? NULL : helder_record_get_text (document, "body");
      const char *doc_id = helder_record_get_id (document);
      gsize length = text ? strlen (text) : 0;
      guint hash = text ? g_str_hash (text) : 0;
      Entry *entry = g_hash_table_lookup (self->entries, doc_id);

      if (entry != NULL && entry->hash == hash && entry->length == length)
        continue;
      if (length == 0)
        {
          if (set_entry (self, doc_id, 0, 0, 0))
            g_ptr_array_add (changed, g_strdup (doc_id));
          continue;
        }
      {
        Job *job = g_new0 (Job, 1);

        job->id = g_strdup (doc_id);
        job->text = g_strdup (text);
        job->hash = hash;
        job->length = length;
        g_ptr_array_add (jobs, job);
      }
    }
  emit_changed (self, changed);
  if (jobs->len == 0)
    return G_SOURCE_REMOVE;

  batch = g_new0 (Batch, 1);
  batch->jobs = g_steal_pointer (&jobs);
  batch->analyzer = self->analyzer ? helder_text_analyzer_ref (self->analyzer) : NULL;
  task = g_task_new (self, self->cancellable, analysed, NULL);
  g_task_set_source_tag (task, read_wanted);
  g_task_set_task_data (task, batch, batch_free);
  self->busy = TRUE;
  g_task_run_in_thread (task, analyse_in_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule (HelderTextLevels *self)
{
  if (self->idle_id == 0 && !self->busy)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_wanted, self, NULL);
}

static void
want (HelderTextLevels *self,
      const char       *id)
{
  if (!g_hash_table_contains (self->wanted, id))
    g_hash_table_add (self->wanted, g_strdup (id));
  schedule (self);
}

/* A document the table knows was written: read again (measured again
 * only when its text changed) */
static void
documents_changed (HelderStore        *store,
                   const char         *type_name,
                   const char * const *ids,
                   HelderTextLevels   *self)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_contains (self->entries, ids[i]))
      want (self, ids[i]);
}

static void
helder_text_levels_dispose (GObject *object)
{
  HelderTextLevels *self = HELDER_TEXT_LEVELS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->drop_id, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_object_remove_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
      self->store = NULL;
    }
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);

  G_OBJECT_CLASS (helder_text_levels_parent_class)->dispose (object);
}

static void
helder_text_levels_finalize (GObject *object)
{
  HelderTextLevels *self = HELDER_TEXT_LEVELS (object);

  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->wanted);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (helder_text_levels_parent_class)->finalize (object);
}

static void
helder_text_levels_class_init (HelderTextLevelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = helder_text_levels_dispose;
  object_class->finalize = helder_text_levels_finalize;

  /**
   * HelderTextLevels::changed:
   * @ids: (array zero-terminated=1): the documents whose level is new
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
helder_text_levels_init (HelderTextLevels *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * helder_text_levels_for_store:
 *
 * Returns: (transfer full): the one table of @store, made when first asked for
 */
HelderTextLevels *
helder_text_levels_for_store (HelderStore *store)
{
  HelderTextLevels *self;

  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), "helder-text-levels");
  if (self == NULL)
    {
      self = g_object_new (HELDER_TYPE_TEXT_LEVELS, NULL);
      self->store = store;
      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &self->store);
      g_signal_connect (store, "records-changed::document", G_CALLBACK (documents_changed), self);
      g_object_set_data_full (G_OBJECT (store), "helder-text-levels", self, g_object_unref);
    }
  return g_object_ref (self);
}

/**
 * helder_text_levels_set_analyzer:
 * @analyzer: (nullable): the application's analyser, to share
 */
void
helder_text_levels_set_analyzer (HelderTextLevels   *self,
                                 HelderTextAnalyzer *analyzer)
{
  g_return_if_fail (HELDER_IS_TEXT_LEVELS (self));

  if (self->analyzer == analyzer || analyzer == NULL)
    return;
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  g_clear_handle_id (&self->drop_id, g_source_remove);
  self->analyzer = helder_text_analyzer_ref (analyzer);
  self->own_analyzer = FALSE;
}

/**
 * helder_text_levels_lookup:
 * @document_id: (nullable): a Schrijven document
 *
 * The level of the document's text as last measured: 1 (easy) to 4
 * (hard), or 0 while it is not known yet (it is then measured, and
 * ::changed tells) or when the text has no words.
 */
int
helder_text_levels_lookup (HelderTextLevels *self,
                           const char       *document_id)
{
  Entry *entry;

  g_return_val_if_fail (HELDER_IS_TEXT_LEVELS (self), 0);

  if (document_id == NULL || *document_id == '\0')
    return 0;
  if ((entry = g_hash_table_lookup (self->entries, document_id)) != NULL)
    return entry->level;
  want (self, document_id);
  return 0;
}

/**
 * helder_text_levels_put:
 * @text: the document's text, as measured
 * @level: its level
 *
 * A level measured elsewhere (the editor measures the open text as it is
 * typed): kept for the text it was measured on, so that version is not
 * measured again.
 */
void
helder_text_levels_put (HelderTextLevels *self,
                        const char       *document_id,
                        const char       *text,
                        int               level)
{
  g_return_if_fail (HELDER_IS_TEXT_LEVELS (self));
  g_return_if_fail (document_id != NULL && text != NULL);

  if (set_entry (self, document_id, *text ? g_str_hash (text) : 0, strlen (text), level))
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      g_ptr_array_add (ids, (gpointer) document_id);
      emit_changed (self, ids);
    }
}

/* How many texts the worker measured (for the tests: once per version) */
guint
helder_text_levels_get_n_analysed (HelderTextLevels *self)
{
  g_return_val_if_fail (HELDER_IS_TEXT_LEVELS (self), 0);

  return self->n_analysed;
}

/* Whether documents are being read or measured */
gboolean
helder_text_levels_is_busy (HelderTextLevels *self)
{
  g_return_val_if_fail (HELDER_IS_TEXT_LEVELS (self), FALSE);

  return self->busy || self->idle_id != 0;
}

/* How many of the @chosen channels have a target below @level */
guint
helder_text_level_n_too_hard (HelderChannelSettings *settings,
                              const gboolean        *chosen,
                              int                    level)
{
  guint n = 0;

  g_return_val_if_fail (settings != NULL, 0);

  for (guint c = 0; chosen != NULL && level > 0 && c < helder_channel_settings_get_n_channels (settings); c++)
    if (chosen[c] && level > helder_channel_settings_get_channel (settings, c)->target_level &&
        helder_channel_settings_get_channel (settings, c)->target_level > 0)
      n++;
  return n;
}

/**
 * helder_text_level_describe:
 * @chosen: (nullable): one per channel of @settings
 * @level: the text's level, 1–4
 *
 * Returns: (transfer full) (nullable): a Dutch sentence naming the chosen
 *   channels whose target level the text exceeds, or saying it keeps to
 *   them all; %NULL for an unknown level
 */
char *
helder_text_level_describe (HelderChannelSettings *settings,
                            const gboolean        *chosen,
                            int                    level)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_chosen = 0, n_over = 0;

  g_return_val_if_fail (settings != NULL, NULL);

  if (level <= 0)
    return NULL;
  for (guint c = 0; chosen != NULL && c < helder_channel_settings_get_n_channels (settings); c++)
    {
      const HelderChannelInfo *info = helder_channel_settings_get_channel (settings, c);

      if (!chosen[c])
        continue;
      n_chosen++;
      if (info->target_level > 0 && level > info->target_level)
        {
          if (n_over++ > 0)
            g_string_append (names, ", ");
          /* Translators: a channel and its target level, e.g. "Post (level 2)" */
          g_string_append_printf (names, _("%s (level %d)"), info->name, info->target_level);
        }
    }
  if (n_over > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the text's level, then channels with their targets */
                                         "The text is at level %d: harder than the target of %s. "
                                         "Write it simpler for that channel, or choose another.",
                                         "The text is at level %d: harder than the targets of %s. "
                                         "Write it simpler for those channels, or choose others.", n_over),
                            level, names->str);
  if (n_chosen == 0)
    return g_strdup_printf (_("The text is at level %d. No channel is chosen yet."), level);
  return g_strdup_printf (_("The text is at level %d: within the target level of every chosen channel."), level);
}
