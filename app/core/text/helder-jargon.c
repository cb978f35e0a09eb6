/* helder-jargon.c: officialese ("ambtelijke taal") in every inflection
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-jargon"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-jargon-private.h"
#include "helder-morphology.h"
#include "helder-tokenizer.h"

/* How it works.
 *
 * Loading analyses every phrase once.  A leading "zich" is dropped (the
 * sentence must then hold a reflexive pronoun).  The last word that looks
 * like an infinitive is the verb; the other words are the "rest", which
 * must stand together and in order in the sentence, while the verb may
 * stand anywhere in it ("wij stellen de zaal ter beschikking").  A rest of
 * prepositions only ("voldoen aan", "zich wenden tot") cannot stand on its
 * own: there the verb anchors the match and the rest must stand next to it.
 *
 * Every surface form a word can take is generated up front and put in one
 * hash table: the forms of an entry's first rest word and the forms of its
 * verb, each pointing at its entries.  Matching a sentence is one lookup per
 * token and a check of the few entries that a token can start.
 *
 * Verbs get their whole paradigm: present and past (strong and irregular
 * verbs from a table), participles with ge- or without it after an
 * unstressed prefix, present participles, "te" + infinitive, separable
 * verbs joined ("toegezonden", "aan te vragen") and split ("wij zenden u de
 * stukken toe").  Nouns and adjectives get plural, inflected, comparative
 * and superlative forms.  Forms are generated generously (both -eren stems,
 * both readings of "over-", "onder-"...): a form that is no Dutch word costs
 * a few bytes and never matches.  Forms that are other, common words are the
 * risk; a short list keeps those out.
 *
 * Keys are folded: lower case without diaereses, with straight apostrophes,
 * so that "geëvalueerd" and "geevalueerd" are one key. */

/* Word lists */

/* Prepositions, articles, pronouns and conjunctions: words that do not
 * inflect inside a phrase and cannot carry a match on their own. */
const char * const helder_jargon_function_words[] = {
  "aan", "achter", "al", "alle", "allen", "als", "bij", "binnen", "boven",
  "buiten", "dan", "dat", "de", "deze", "dezen", "die", "dit", "door", "een",
  "eigen", "en", "er", "het", "hij", "hun", "ik", "in", "je", "langs", "maar",
  "me", "men", "met", "mij", "na", "naar", "naast", "niet", "nog", "of", "om",
  "onder", "ons", "onze", "op", "over", "per", "rond", "sinds", "te", "tegen",
  "ten", "ter", "tot", "tussen", "u", "uit", "uw", "van", "vanaf", "vanuit",
  "via", "voor", "wat", "we", "wel", "welke", "wij", "zich", "zij", "ze", "zo",
  "zonder", NULL
};

const char * const helder_jargon_prepositions[] = {
  "aan", "achter", "bij", "binnen", "boven", "buiten", "door", "in", "langs",
  "met", "na", "naar", "naast", "om", "onder", "op", "over", "per", "rond",
  "sinds", "te", "tegen", "ten", "ter", "tot", "tussen", "uit", "van", "vanaf",
  "vanuit", "via", "voor", "zonder", NULL
};

/* Before a word they make it a noun: "het voornemen", "ten overstaan",
 * "uw schrijven". */
const char * const helder_jargon_noun_markers[] = {
  "de", "het", "een", "uw", "ons", "onze", "mijn", "hun", "dit", "deze",
  "ten", "ter", NULL
};

/* Entries */

static void
entry_free (HelderJargonEntry *entry)
{
  for (guint i = 0; i < entry->n_rest; i++)
    {
      g_free (entry->rest[i].text);
      g_strfreev (entry->rest[i].forms);
    }
  g_free (entry->rest);
  g_free (entry->phrase);
  g_strfreev (entry->alternatives);
  g_free (entry->explanation);
  g_free (entry->key);
  g_free (entry->particle);
  g_clear_pointer (&entry->keys, g_ptr_array_unref);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderJargonEntry, entry_free)

typedef struct
{
  char    *text;    /* lower case, not folded */
  gboolean punct;
} PhraseWord;

static void
phrase_word_clear (PhraseWord *word)
{
  g_free (word->text);
}

/* The words of @phrase as the tokenizer cuts text, so that "m.b.t." and
 * "en/of" match the tokens of a sentence. */
static GArray *
phrase_words (const char *phrase)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (PhraseWord));
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
  gsize length = strlen (phrase);

  g_array_set_clear_func (words, (GDestroyNotify) phrase_word_clear);
  if (!g_utf8_validate (phrase, length, NULL))
    return g_steal_pointer (&words);

  helder_tokenize (phrase, length, tokens, sentences);
  for (guint i = 0; i < tokens->len; i++)
    {
      const HelderToken *t = &g_array_index (tokens, HelderToken, i);
      PhraseWord word;

      word.punct = t->kind == HELDER_TOKEN_PUNCTUATION;
      word.text = word.punct ? g_strndup (phrase + t->byte_start, t->byte_end - t->byte_start)
                             : g_utf8_strdown (phrase + t->byte_start, t->byte_end - t->byte_start);
      g_array_append_val (words, word);
    }
  return g_steal_pointer (&words);
}

static char *
normalise_phrase (const char *phrase)
{
  g_autofree char *lower = g_utf8_strdown (phrase, -1);
  g_auto(GStrv) parts = g_strsplit_set (g_strstrip (lower), " \t\n\r", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, parts[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char **
form_keys (GHashTable *forms)
{
  return (char **) g_hash_table_get_keys_as_array (forms, NULL);
}

static GHashTable *
forms_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Analyses @phrase; NULL when it has no words. */
static HelderJargonEntry *
entry_new (const char         *phrase,
           const char * const *alternatives,
           const char         *explanation,
           GHashTable        **verb_forms)
{
  g_autoptr(HelderJargonEntry) entry = g_new0 (HelderJargonEntry, 1);
  g_autoptr(GArray) words = phrase_words (phrase);
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  guint start = 0, n;
  int verb = -1, skip_te = -1;
  gboolean inflect = TRUE, anchored = TRUE;
  guint r = 0;

  n = words->len;
  if (n > 1 && !g_array_index (words, PhraseWord, 0).punct &&
      strcmp (g_array_index (words, PhraseWord, 0).text, "zich") == 0)
    {
      entry->reflexive = TRUE;
      start = 1;
    }
  if (start >= n)
    return NULL;

  for (int i = n - 1; i >= (int) start; i--)
    {
      const PhraseWord *w = &g_array_index (words, PhraseWord, i);
      const PhraseWord *before = i > (int) start ? &g_array_index (words, PhraseWord, i - 1) : NULL;

      /* "uw schrijven", "ten overstaan", "naar behoren" are nouns */
      if (!w->punct && helder_jargon_looks_like_infinitive (w->text) &&
          !(before != NULL && !before->punct &&
            (helder_word_in_list (before->text, helder_jargon_noun_markers) ||
             (helder_word_in_list (before->text, helder_jargon_prepositions) &&
              strcmp (before->text, "te") != 0))))
        {
          verb = i;
          break;
        }
    }
  /* "nader te bepalen": the "te" goes with the verb */
  if (verb > (int) start && strcmp (g_array_index (words, PhraseWord, verb - 1).text, "te") == 0)
    skip_te = verb - 1;
  /* but "te weten" is a fixed phrase, not every form of "weten" */
  if (skip_te == (int) start && verb == (int) start + 1 && n - start == 2)
    verb = skip_te = -1;

  entry->rest = g_new0 (Word, n);
  entry->verb_gap = -1;
  for (guint i = start; i < n; i++)
    {
      const PhraseWord *w = &g_array_index (words, PhraseWord, i);

      if ((int) i == verb || (int) i == skip_te)
        {
          if (entry->verb_gap < 0)
            entry->verb_gap = r;
          continue;
        }
      if (w->punct || helder_word_in_list (w->text, helder_jargon_function_words))
        inflect = FALSE;
      else
        anchored = FALSE;
      entry->rest[r].punct = w->punct;
      entry->rest[r].text = g_strdup (w->text);
      r++;
    }
  entry->n_rest = r;
  entry->anchored = verb >= 0 && r > 0 && anchored;
  if (r == 0 && verb < 0)
    return NULL;

  for (guint i = 0; i < entry->n_rest; i++)
    {
      Word *w = &entry->rest[i];
      g_autoptr(GHashTable) forms = forms_new ();

      if (w->punct)
        continue;
      if (inflect)
        helder_jargon_add_nominal_forms (forms, w->text);
      else
        helder_jargon_add_form (forms, w->text, FORM_FULL | FORM_EXACT);
      /* "m.b.t" without its last period is one word too */
      if (g_str_has_suffix (w->text, ".") &&
          strchr (w->text, '.') != w->text + strlen (w->text) - 1)
        {
          g_autofree char *bare = g_strndup (w->text, strlen (w->text) - 1);

          helder_jargon_add_form (forms, bare, FORM_FULL);
        }
      w->forms = form_keys (forms);
      g_hash_table_steal_all (forms);
    }

  *verb_forms = NULL;
  if (verb >= 0)
    {
      const char *particle;

      *verb_forms = forms_new ();
      particle = helder_jargon_add_verb_forms (*verb_forms,
                                               g_array_index (words, PhraseWord, verb).text);
      entry->particle = particle != NULL ? g_strdup (particle) : NULL;
    }

  entry->phrase = g_strstrip (g_strdup (phrase));
  entry->key = normalise_phrase (phrase);
  entry->explanation = g_strdup (explanation != NULL ? explanation : "");
  for (guint i = 0; alternatives != NULL && alternatives[i] != NULL; i++)
    g_ptr_array_add (alts, g_strdup (alternatives[i]));
  g_ptr_array_add (alts, NULL);
  entry->alternatives = (char **) g_ptr_array_free (g_steal_pointer (&alts), FALSE);
  entry->keys = g_ptr_array_new_with_free_func (g_free);

  return g_steal_pointer (&entry);
}

static void
index_add (HelderJargon      *self,
           HelderJargonEntry *entry,
           const char        *key,
           gboolean           verb,
           guint              flags)
{
  GArray *hits = g_hash_table_lookup (self->index, key);
  Hit hit = { entry, verb, flags };

  if (hits == NULL)
    {
      hits = g_array_new (FALSE, FALSE, sizeof (Hit));
      g_hash_table_insert (self->index, g_strdup (key), hits);
    }
  g_array_append_val (hits, hit);
  g_ptr_array_add (entry->keys, g_strdup (key));
}

static void
index_remove (HelderJargon      *self,
              HelderJargonEntry *entry)
{
  for (guint i = 0; i < entry->keys->len; i++)
    {
      const char *key = g_ptr_array_index (entry->keys, i);
      GArray *hits = g_hash_table_lookup (self->index, key);

      if (hits == NULL)
        continue;
      for (guint k = hits->len; k > 0; k--)
        if (g_array_index (hits, Hit, k - 1).entry == entry)
          g_array_remove_index (hits, k - 1);
      if (hits->len == 0)
        g_hash_table_remove (self->index, key);
    }
  g_ptr_array_set_size (entry->keys, 0);
}

static void
add_entry (HelderJargon      *self,
           HelderJargonEntry *entry,
           GHashTable        *verb_forms)
{
  HelderJargonEntry *old = g_hash_table_lookup (self->by_key, entry->key);

  if (old != NULL)
    {
      entry->index = old->index;
      index_remove (self, old);
      g_hash_table_remove (self->by_key, old->key);
      self->entries->pdata[old->index] = entry;
      entry_free (old);
    }
  else
    {
      entry->index = self->entries->len;
      g_ptr_array_add (self->entries, entry);
    }
  g_hash_table_insert (self->by_key, entry->key, entry);

  /* The anchored ones are found through their verb only. */
  if (entry->n_rest > 0 && !entry->anchored && entry->rest[0].forms != NULL)
    {
      g_autofree char *lemma = helder_jargon_fold_dup (entry->rest[0].text);

      for (guint i = 0; entry->rest[0].forms[i] != NULL; i++)
        {
          const char *form = entry->rest[0].forms[i];

          index_add (self, entry, form, FALSE, g_str_equal (form, lemma) ? FORM_EXACT : 0);
        }
    }
  if (verb_forms != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, verb_forms);
      while (g_hash_table_iter_next (&iter, &key, &value))
        index_add (self, entry, key, TRUE, GPOINTER_TO_UINT (value));
    }
}

HelderJargon *
helder_jargon_new (void)
{
  HelderJargon *self = g_new0 (HelderJargon, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  return self;
}

void
helder_jargon_free (HelderJargon *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

/**
 * helder_jargon_add:
 * @phrase: a word or phrase; verbs as infinitive
 * @alternatives: (nullable) (array zero-terminated=1): plainer words
 * @explanation: (nullable): why to avoid it
 *
 * House style: one more entry, from an organisation's or a user's word
 * list.  An entry with the same phrase is replaced.
 */
void
helder_jargon_add (HelderJargon       *self,
                   const char         *phrase,
                   const char * const *alternatives,
                   const char         *explanation)
{
  g_autoptr(GHashTable) verb_forms = NULL;
  HelderJargonEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (phrase != NULL);

  entry = entry_new (phrase, alternatives, explanation, &verb_forms);
  if (entry == NULL)
    {
      g_debug ("Ignoring officialese entry without words: \"%s\"", phrase);
      return;
    }
  add_entry (self, entry, verb_forms);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static char **
split_alternatives (const char *column)
{
  g_auto(GStrv) parts = g_strsplit (column, "|", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *alt = g_strstrip (parts[i]);

      if (alt[0] != '\0')
        g_ptr_array_add (out, g_strdup (alt));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/**
 * helder_jargon_load_tsv:
 * @data: UTF-8: a header "phrase, alternatives, explanation", lines of
 *   three tab-separated columns, alternatives separated by " | ", lines
 *   starting with # are comments
 *
 * Adds the entries of @data; on an error none are added and the message
 * names the line.
 */
gboolean
helder_jargon_load_tsv (HelderJargon  *self,
                        const char    *data,
                        gsize          length,
                        GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *p = data;
  const char *end = data + length;
  gboolean seen_content = FALSE;
  guint line = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Check everything first, so that a bad file leaves the list as it was. */
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol != NULL ? eol : end;
      gsize len = line_end - p;
      g_autofree char *text = NULL;
      g_auto(GStrv) columns = NULL;
      g_autoptr(GArray) words = NULL;
      guint n_columns;

      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (!g_utf8_validate_len (p, len, NULL))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "Officialese list, line %u: not valid UTF-8", line);
          return FALSE;
        }
      text = g_strndup (p, len);
      p = eol != NULL ? eol + 1 : end;

      if (text[0] == '#' || is_blank (text))
        continue;
      if (!seen_content)
        {
          seen_content = TRUE;
          if (g_str_equal (text, "phrase\talternatives\texplanation"))
            continue;
        }

      columns = g_strsplit (text, "\t", -1);
      n_columns = g_strv_length (columns);
      if (n_columns != 3)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "Officialese list, line %u: expected 3 tab-separated columns "
                       "(phrase, alternatives, explanation), found %u", line, n_columns);
          return FALSE;
        }
      words = phrase_words (columns[0]);
      if (words->len == 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "Officialese list, line %u: the phrase is empty", line);
          return FALSE;
        }
      g_ptr_array_add (rows, g_steal_pointer (&columns));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **columns = g_ptr_array_index (rows, i);
      g_auto(GStrv) alternatives = split_alternatives (columns[1]);

      helder_jargon_add (self, g_strstrip (columns[0]),
                         (const char * const *) alternatives, g_strstrip (columns[2]));
    }
  return TRUE;
}

guint
helder_jargon_get_n_entries (HelderJargon *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const char *
helder_jargon_entry_get_phrase (const HelderJargonEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->phrase;
}

const char * const *
helder_jargon_entry_get_alternatives (const HelderJargonEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return (const char * const *) entry->alternatives;
}

const char *
helder_jargon_entry_get_explanation (const HelderJargonEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->explanation;
}
