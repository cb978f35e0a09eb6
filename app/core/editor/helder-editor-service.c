/* helder-editor-service.c: Schrijven's rules: documents and the house style
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-editor-service"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-editor-service.h"

/* Documents, and the house style that reaches the analyser through here:
 * the text engine never reads the store.  The style is a snapshot
 * (HelderHouseStyle) built from the store's word lists (words to avoid,
 * spelling words, words to ignore) and known names (the organisation,
 * areas, channels, the streets and wijken of works).  The service follows
 * those types and gives the analyser a new snapshot when one of them
 * changes, here or pulled from a colleague, and says so
 * (house-style-changed) so open editors check their text again. */

struct _HelderEditorService
{
  HelderService       parent_instance;

  HelderTextAnalyzer *analyzer;     /* NULL until the application has loaded one */
  HelderHouseStyle   *style;        /* NULL: read it again when asked */
  GPtrArray          *handlers;     /* store signal handler ids */
};

G_DEFINE_FINAL_TYPE (HelderEditorService, helder_editor_service, HELDER_TYPE_SERVICE)

enum {
  PROP_0,
  PROP_ANALYZER,
  N_PROPS
};

enum {
  HOUSE_STYLE_CHANGED,
  ANALYZER_WANTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the house style is made of: each type and the fields of it that
 * are known names. */
static const struct
{
  const char *type_name;
  const char *names[3];
} style_sources[] = {
  { "word_list_entry", { NULL } },
  { "dictionary_word", { NULL } },
  { "organisation",    { "name", NULL } },
  { "area",            { "name", NULL } },
  { "channel",         { "name", NULL } },
  { "works",           { "location", "wijk", NULL } },
};

static void
add_entries (HelderHouseStyle *style,
             GListModel       *entries)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(HelderRecord) entry = g_list_model_get_item (entries, i);
      const char *word = helder_record_get_text (entry, "word");

      if (word != NULL)
        helder_house_style_add_avoid_word (style, word,
                                           helder_record_get_list (entry, "alternatives"),
                                           helder_record_get_text (entry, "explanation"));
    }
}

static void
add_words (HelderHouseStyle *style,
           GListModel       *words)
{
  for (guint i = 0; i < g_list_model_get_n_items (words); i++)
    {
      g_autoptr(HelderRecord) word = g_list_model_get_item (words, i);
      const char *text = helder_record_get_text (word, "word");

      if (text == NULL)
        continue;
      if (g_strcmp0 (helder_record_get_text (word, "kind"), "ignore") == 0)
        helder_house_style_add_ignored_word (style, text);
      else
        helder_house_style_add_spelling_word (style, text);
    }
}

static void
add_names (HelderHouseStyle   *style,
           GListModel         *records,
           const char * const *fields)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (records, i);
      const char * const *streets = NULL;

      for (guint f = 0; fields[f] != NULL; f++)
        {
          const char *name = helder_record_get_text (record, fields[f]);

          if (name != NULL && *name != '\0')
            helder_house_style_add_name (style, name);
        }
      /* Works name the streets they touch */
      if (HELDER_IS_WORKS (record))
        streets = helder_record_get_list (record, "streets");
      for (guint s = 0; streets != NULL && streets[s] != NULL; s++)
        helder_house_style_add_name (style, streets[s]);
    }
}

static HelderHouseStyle *
read_house_style (HelderEditorService  *self,
                  GError              **error)
{
  HelderStore *store = helder_service_get_store (HELDER_SERVICE (self));
  g_autoptr(HelderHouseStyle) style = helder_house_style_new ();

  for (guint k = 0; k < G_N_ELEMENTS (style_sources); k++)
    {
      GType type = helder_record_type_from_name (style_sources[k].type_name);
      g_autoptr(GListModel) records = helder_store_list (store, type, error);

      if (records == NULL)
        return NULL;
      if (type == HELDER_TYPE_WORD_LIST_ENTRY)
        add_entries (style, records);
      else if (type == HELDER_TYPE_DICTIONARY_WORD)
        add_words (style, records);
      else
        add_names (style, records, style_sources[k].names);
    }
  return g_steal_pointer (&style);
}

/**
 * helder_editor_service_get_house_style:
 *
 * Returns: (transfer none) (nullable): the house style as the store has
 *   it now, or %NULL when it could not be read
 */
HelderHouseStyle *
helder_editor_service_get_house_style (HelderEditorService *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), NULL);

  if (self->style == NULL && (self->style = read_house_style (self, &error)) == NULL)
    g_warning ("Could not read the house style: %s", error->message);
  return self->style;
}

static void
apply_house_style (HelderEditorService *self)
{
  HelderHouseStyle *style;

  if (self->analyzer == NULL)
    return;
  if ((style = helder_editor_service_get_house_style (self)) != NULL)
    helder_text_analyzer_set_house_style (self->analyzer, style);
}

/* A word added to a list, here or on another computer, counts at once:
 * the next analysis uses the new house style. */
static void
house_style_source_changed (HelderEditorService *self)
{
  g_clear_pointer (&self->style, helder_house_style_unref);
  apply_house_style (self);
  g_signal_emit (self, signals[HOUSE_STYLE_CHANGED], 0);
}

HelderTextAnalyzer *
helder_editor_service_get_analyzer (HelderEditorService *self)
{
  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), NULL);

  return self->analyzer;
}

/**
 * helder_editor_service_want_analyzer:
 *
 * Says that an editor is about to check text.  The analyser is loaded
 * only then (its dictionaries take a while and some 30 MB): while the
 * service has none, this emits ::analyzer-wanted, which the application
 * answers by loading one and handing it over with
 * helder_editor_service_set_analyzer() (notify::analyzer).
 */
void
helder_editor_service_want_analyzer (HelderEditorService *self)
{
  g_return_if_fail (HELDER_IS_EDITOR_SERVICE (self));

  if (self->analyzer == NULL)
    g_signal_emit (self, signals[ANALYZER_WANTED], 0);
}

/**
 * helder_editor_service_set_analyzer:
 * @analyzer: (nullable): the loaded analyser, or %NULL while another loads
 *
 * The analyser the editors check with; it gets the house style now and
 * every time it changes.
 */
void
helder_editor_service_set_analyzer (HelderEditorService *self,
                                    HelderTextAnalyzer  *analyzer)
{
  g_return_if_fail (HELDER_IS_EDITOR_SERVICE (self));

  if (self->analyzer == analyzer)
    return;
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  self->analyzer = analyzer ? helder_text_analyzer_ref (analyzer) : NULL;
  apply_house_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYZER]);
}

static void
helder_editor_service_prepare_new (HelderService *service,
                                   HelderRecord  *record)
{
  if (HELDER_IS_DOCUMENT (record))
    g_object_set (record, "target-level", 2, NULL);
}

static void
helder_editor_service_constructed (GObject *object)
{
  HelderEditorService *self = HELDER_EDITOR_SERVICE (object);
  HelderStore *store;

  G_OBJECT_CLASS (helder_editor_service_parent_class)->constructed (object);

  store = helder_service_get_store (HELDER_SERVICE (self));
  for (guint k = 0; k < G_N_ELEMENTS (style_sources); k++)
    {
      g_autofree char *signal = g_strdup_printf ("records-changed::%s", style_sources[k].type_name);
      gulong id = g_signal_connect_object (store, signal, G_CALLBACK (house_style_source_changed), self,
                                           G_CONNECT_SWAPPED);

      g_ptr_array_add (self->handlers, GSIZE_TO_POINTER (id));
    }
}

static void
helder_editor_service_dispose (GObject *object)
{
  HelderEditorService *self = HELDER_EDITOR_SERVICE (object);
  HelderStore *store = helder_service_get_store (HELDER_SERVICE (self));

  for (guint i = 0; store != NULL && i < self->handlers->len; i++)
    g_signal_handler_disconnect (store, GPOINTER_TO_SIZE (self->handlers->pdata[i]));
  g_ptr_array_set_size (self->handlers, 0);
  g_clear_pointer (&self->analyzer, helder_text_analyzer_unref);
  g_clear_pointer (&self->style, helder_house_style_unref);

  G_OBJECT_CLASS (helder_editor_service_parent_class)->dispose (object);
}

static void
helder_editor_service_finalize (GObject *object)
{
  g_ptr_array_unref (HELDER_EDITOR_SERVICE (object)->handlers);

  G_OBJECT_CLASS (helder_editor_service_parent_class)->finalize (object);
}

static void
helder_editor_service_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ANALYZER:
      g_value_set_pointer (value, HELDER_EDITOR_SERVICE (object)->analyzer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_editor_service_class_init (HelderEditorServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = helder_editor_service_constructed;
  object_class->dispose = helder_editor_service_dispose;
  object_class->finalize = helder_editor_service_finalize;
  object_class->get_property = helder_editor_service_get_property;
  HELDER_SERVICE_CLASS (klass)->prepare_new = helder_editor_service_prepare_new;

  /* A HelderTextAnalyzer, or NULL while one loads */
  properties[PROP_ANALYZER] =
    g_param_spec_pointer ("analyzer", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HelderEditorService::house-style-changed:
   *
   * The word lists or known names changed (the analyser has the new
   * style already): open texts should be checked again.
   */
  signals[HOUSE_STYLE_CHANGED] =
    g_signal_new ("house-style-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HelderEditorService::analyzer-wanted:
   *
   * An editor wants the analyser and the service has none yet (see
   * helder_editor_service_want_analyzer()).
   */
  signals[ANALYZER_WANTED] =
    g_signal_new ("analyzer-wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
helder_editor_service_init (HelderEditorService *self)
{
  self->handlers = g_ptr_array_new ();
}

HelderEditorService *
helder_editor_service_new (HelderStore   *store,
                           HelderSession *session)
{
  g_return_val_if_fail (HELDER_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || HELDER_IS_SESSION (session), NULL);

  return g_object_new (HELDER_TYPE_EDITOR_SERVICE, "store", store, "session", session, NULL);
}

HelderRecordList *
helder_editor_service_documents (HelderEditorService *self)
{
  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), NULL);

  return helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_DOCUMENT);
}

/**
 * helder_editor_service_import:
 * @file_name: the file's name; its extension is dropped for the title
 * @text: its contents, UTF-8
 *
 * Returns: (transfer full): a new document holding @text, or %NULL with
 *   @error set
 */
HelderRecord *
helder_editor_service_import (HelderEditorService  *self,
                              const char           *file_name,
                              const char           *text,
                              GError              **error)
{
  g_autofree char *title = g_strdup (file_name);
  g_autoptr(HelderRecord) document = NULL;
  char *dot;

  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), NULL);
  g_return_val_if_fail (file_name != NULL && text != NULL, NULL);

  if ((dot = strrchr (title, '.')) != NULL && dot != title)
    *dot = '\0';
  document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_object_set (document, "title", title, "body", text, "kind", "overig", NULL);
  if (helder_session_get_role (helder_service_get_session (HELDER_SERVICE (self))) == HELDER_SESSION_ROLE_STAFF)
    helder_record_set_visibility (document, HELDER_VISIBILITY_PRIVATE);
  helder_editor_service_prepare_new (HELDER_SERVICE (self), document);
  if (!helder_service_save (HELDER_SERVICE (self), document, error))
    return NULL;
  return g_steal_pointer (&document);
}

/**
 * helder_editor_service_duplicate:
 *
 * Returns: (transfer full): a new document with the text and properties
 *   of @document, titled as a copy, or %NULL with @error set
 */
HelderRecord *
helder_editor_service_duplicate (HelderEditorService  *self,
                                 HelderRecord         *document,
                                 GError              **error)
{
  g_autoptr(HelderRecord) copy = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_DOCUMENT (document), NULL);

  data = helder_record_to_json_data (document);
  if (!helder_record_set_from_json_data (copy, data, error))
    return NULL;
  /* Translators: the title of a copy of a document */
  title = g_strdup_printf (_("%s (copy)"), helder_record_get_text (document, "title"));
  g_object_set (copy, "title", title, NULL);
  if (helder_session_get_role (helder_service_get_session (HELDER_SERVICE (self))) == HELDER_SESSION_ROLE_STAFF)
    helder_record_set_visibility (copy, HELDER_VISIBILITY_PRIVATE);
  if (!helder_service_save (HELDER_SERVICE (self), copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * helder_editor_service_add_word:
 * @personal: the user's own dictionary (private) or the organisation's
 *
 * Adds @word as a correctly spelled word.  The house style follows the
 * store, so the analyser accepts it from the next analysis on.
 */
gboolean
helder_editor_service_add_word (HelderEditorService  *self,
                                const char           *word,
                                gboolean              personal,
                                GError              **error)
{
  g_autoptr(HelderRecord) record = helder_record_new (HELDER_TYPE_DICTIONARY_WORD);

  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  g_object_set (record, "word", word, "scope", personal ? "personal" : "org", "kind", "spelling",
                "language", "nl_NL", NULL);
  if (personal)
    helder_record_set_visibility (record, HELDER_VISIBILITY_PRIVATE);
  return helder_service_save (HELDER_SERVICE (self), record, error);
}

/**
 * helder_editor_service_add_ignored:
 *
 * Adds @word to the words @document's spelling check ignores (not saved).
 *
 * Returns: whether it was not there yet
 */
gboolean
helder_editor_service_add_ignored (HelderRecord *document,
                                   const char   *word)
{
  const char * const *ignored;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HELDER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  ignored = helder_record_get_list (document, "ignored");
  if (ignored != NULL && g_strv_contains (ignored, word))
    return FALSE;
  if (ignored != NULL)
    g_strv_builder_addv (builder, (const char **) ignored);
  g_strv_builder_add (builder, word);
  words = g_strv_builder_end (builder);
  g_object_set (document, "ignored", words, NULL);
  return TRUE;
}

/**
 * helder_editor_service_ignore_word:
 *
 * Keeps @word out of the spelling check of @document: kept with the
 * document, so it holds after a restart and on the other computers the
 * document syncs to.
 */
gboolean
helder_editor_service_ignore_word (HelderEditorService  *self,
                                   HelderRecord         *document,
                                   const char           *word,
                                   GError              **error)
{
  g_return_val_if_fail (HELDER_IS_EDITOR_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (!helder_editor_service_add_ignored (document, word))
    return TRUE;
  return helder_service_save (HELDER_SERVICE (self), document, error);
}
