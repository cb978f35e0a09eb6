/* helder-jargon.c: officialese ("ambtelijke taal") in every inflection
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-jargon"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-jargon.h"
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
static const char * const function_words[] = {
  "aan", "achter", "al", "alle", "allen", "als", "bij", "binnen", "boven",
  "buiten", "dan", "dat", "de", "deze", "dezen", "die", "dit", "door", "een",
  "eigen", "en", "er", "het", "hij", "hun", "ik", "in", "je", "langs", "maar",
  "me", "men", "met", "mij", "na", "naar", "naast", "niet", "nog", "of", "om",
  "onder", "ons", "onze", "op", "over", "per", "rond", "sinds", "te", "tegen",
  "ten", "ter", "tot", "tussen", "u", "uit", "uw", "van", "vanaf", "vanuit",
  "via", "voor", "wat", "we", "wel", "welke", "wij", "zich", "zij", "ze", "zo",
  "zonder", NULL
};

static const char * const prepositions[] = {
  "aan", "achter", "bij", "binnen", "boven", "buiten", "door", "in", "langs",
  "met", "na", "naar", "naast", "om", "onder", "op", "over", "per", "rond",
  "sinds", "te", "tegen", "ten", "ter", "tot", "tussen", "uit", "van", "vanaf",
  "vanuit", "via", "voor", "zonder", NULL
};

/* Before a word they make it a noun: "het voornemen", "ten overstaan",
 * "uw schrijven". */
static const char * const noun_markers[] = {
  "de", "het", "een", "uw", "ons", "onze", "mijn", "hun", "dit", "deze",
  "ten", "ter", NULL
};

/* A split-off particle closes its clause: after it comes punctuation, a
 * conjunction or a preposition ("wij zenden het toe met een brief"), not
 * a noun ("laten ... na afloop") or "te" ("dient het in te vullen"). */
static const char * const clause_followers[] = {
  "als", "dan", "dat", "die", "doordat", "en", "hoewel", "indien", "maar",
  "mits", "nadat", "of", "omdat", "tenzij", "terwijl", "totdat", "voordat",
  "waar", "waarbij", "waardoor", "waarin", "waarmee", "wanneer", "want",
  "wat", "zoals", "zodat", "zodra", NULL
};

/* Before a particle they make it a noun: "de plaats", "een deel"; and
 * before the stem of a split verb: "een keer", "de man", "twee maanden". */
static const char * const articles[] = {
  "de", "een", "uw", "mijn", "onze", "hun", "elke", "iedere", "geen", "welke",
  "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
  "elf", "twaalf", NULL
};

/* Pronouns may stand between a verb and the rest of its phrase without
 * breaking it: "wendt u zich tot", "draag er zorg voor". */
static const char * const gap_words[] = {
  "u", "zich", "ons", "wij", "we", "ik", "je", "jij", "men", "me", "mij",
  "hem", "haar", "hen", "hun", "zij", "ze", "hij", "het", "er", NULL
};

/* "u" is mostly the subject: it counts as reflexive only right after the
 * verb ("wend u tot de balie"). */
static const char * const reflexives[] = {
  "zich", "zichzelf", "me", "mij", "mezelf", "mijzelf", "je", "jezelf",
  "ons", "onszelf", "uzelf", NULL
};

/* Separable particles; the ambiguous ones are also inseparable prefixes
 * (overgaan / overhandigen), and split off only in the verbs listed in
 * separable_verbs. */
static const char * const particles[] = {
  "aan", "af", "bij", "bijeen", "bekend", "deel", "gebruik", "goed", "in",
  "kennis", "los", "mede", "mee", "na", "neer", "op", "open", "plaats",
  "samen", "tegemoet", "tegen", "terug", "teweeg", "toe", "uit", "vast",
  "voort", "vrij", "weg", "zorg",
  "achter", "door", "mis", "om", "onder", "over", "vol", "voor", "weer", NULL
};

static const char * const ambiguous_particles[] = {
  "achter", "door", "mis", "om", "onder", "over", "vol", "voor", "weer", NULL
};

static const char * const noun_particles[] = {
  "deel", "gebruik", "kennis", "plaats", "zorg", NULL
};

static const char * const separable_verbs[] = {
  "doorgaan", "doorgeven", "doorsturen", "doorverwijzen", "omruilen",
  "omzetten", "overgaan", "overmaken", "overnemen", "overstappen",
  "voordoen", "voorleggen", "voorlezen", "voorstellen", NULL
};

/* -eren verbs that are Dutch, not Latin: "uitkeren" is "uit" + "keren",
 * but "informeren" is no "in" + "formeren". */
static const char * const dutch_eren_verbs[] = {
  "hinderen", "keren", "leren", "leveren", "scheren", "smeren", "veranderen",
  "vorderen", "weren", NULL
};

/* Unstressed prefixes take no ge- in the participle. */
static const char * const unstressed_prefixes[] = {
  "be", "er", "ge", "her", "ont", "ver", NULL
};

/* Words ending in -en that are no verbs ("voornemen" and "inzien" are,
 * but the list means the noun: "het voornemen", "bij nader inzien"). */
static const char * const not_verbs[] = {
  "aanwonenden", "allen", "baten", "beleidsvoornemen", "daarenboven", "dagen",
  "derden", "dezen", "eigen", "gelegen", "genegen", "gevallen", "heden",
  "hetgeen", "indien", "inzien", "middelen", "nabijgelegen", "omwonenden",
  "personen", "tijden", "voornemen", NULL
};

/* Generated forms that are mostly other words: "immer" + s is "immers",
 * "voornamen" are first names, "verblijf" and "verzuim" are nouns more
 * often than verb stems, "termijnen" are mostly instalments.  Checked
 * against the frequency list. */
static const char * const never_generate[] = {
  "behoefte", "borg", "gebied", "immers", "ingevallen", "insteken", "inzet",
  "intrek", "lef", "monitor", "naderen", "ophef", "piloten", "termijnen",
  "verblijf", "verzuim", "voornamen", NULL
};

typedef struct
{
  const char *infinitive;
  const char *present;      /* when not regular, '|'-separated */
  const char *past;
  const char *participle;
} StrongVerb;

/* Strong and irregular verbs, the bases of officialese verbs and phrases.
 * Prefixed verbs find their base here: vernemen, ontvangen, heroverwegen. */
static const StrongVerb strong_verbs[] = {
  { "bevelen", NULL, "beval|bevalen", "bevolen" },
  { "bieden", NULL, "bood|boden", "geboden" },
  { "binden", NULL, "bond|bonden", "gebonden" },
  { "blijken", NULL, "bleek|bleken", "gebleken" },
  { "blijven", NULL, "bleef|bleven", "gebleven" },
  { "breken", NULL, "brak|braken", "gebroken" },
  { "brengen", NULL, "bracht|brachten", "gebracht" },
  { "denken", NULL, "dacht|dachten", "gedacht" },
  { "doen", "doe|doet", "deed|deden", "gedaan" },
  { "dragen", NULL, "droeg|droegen", "gedragen" },
  { "dringen", NULL, "drong|drongen", "gedrongen" },
  { "dwingen", NULL, "dwong|dwongen", "gedwongen" },
  { "gaan", "ga|gaat", "ging|gingen", "gegaan" },
  { "geven", NULL, "gaf|gaven", "gegeven" },
  { "grijpen", NULL, "greep|grepen", "gegrepen" },
  { "hangen", NULL, "hing|hingen", "gehangen" },
  { "hebben", "heb|hebt|heeft", "had|hadden", "gehad" },
  { "heffen", NULL, "hief|hieven", "geheven" },
  { "helpen", NULL, "hielp|hielpen", "geholpen" },
  { "heten", NULL, "heette|heetten", "geheten" },
  { "houden", "houd|houdt|hou", "hield|hielden", "gehouden" },
  { "kiezen", NULL, "koos|kozen", "gekozen" },
  { "kijken", NULL, "keek|keken", "gekeken" },
  { "komen", "kom|komt", "kwam|kwamen", "gekomen" },
  { "kopen", NULL, "kocht|kochten", "gekocht" },
  { "krijgen", NULL, "kreeg|kregen", "gekregen" },
  { "kunnen", "kan|kunt", "kon|konden", "gekund" },
  { "laten", NULL, "liet|lieten", "gelaten" },
  { "lezen", NULL, "las|lazen", "gelezen" },
  { "liggen", NULL, "lag|lagen", "gelegen" },
  { "lijken", NULL, "leek|leken", "geleken" },
  { "lopen", NULL, "liep|liepen", "gelopen" },
  { "meten", NULL, "mat|maten", "gemeten" },
  { "mogen", "mag", "mocht|mochten", "gemogen" },
  { "moeten", NULL, "moest|moesten", "gemoeten" },
  { "nemen", NULL, "nam|namen", "genomen" },
  { "roepen", NULL, "riep|riepen", "geroepen" },
  { "scheiden", NULL, "scheidde|scheidden", "gescheiden" },
  { "schenken", NULL, "schonk|schonken", "geschonken" },
  { "schrijven", NULL, "schreef|schreven", "geschreven" },
  { "schuiven", NULL, "schoof|schoven", "geschoven" },
  { "slaan", "sla|slaat", "sloeg|sloegen", "geslagen" },
  { "sluiten", NULL, "sloot|sloten", "gesloten" },
  { "spreken", NULL, "sprak|spraken", "gesproken" },
  { "staan", "sta|staat", "stond|stonden", "gestaan" },
  { "stijgen", NULL, "steeg|stegen", "gestegen" },
  { "treden", NULL, "trad|traden", "getreden" },
  { "treffen", NULL, "trof|troffen", "getroffen" },
  { "trekken", NULL, "trok|trokken", "getrokken" },
  { "vallen", NULL, "viel|vielen", "gevallen" },
  { "vangen", NULL, "ving|vingen", "gevangen" },
  { "vinden", NULL, "vond|vonden", "gevonden" },
  { "vragen", NULL, "vroeg|vroegen|vraagde|vraagden", "gevraagd" },
  { "wegen", NULL, "woog|wogen", "gewogen" },
  { "werpen", NULL, "wierp|wierpen", "geworpen" },
  { "werven", NULL, "wierf|wierven", "geworven" },
  { "weten", "weet", "wist|wisten", "geweten" },
  { "wijzen", NULL, "wees|wezen", "gewezen" },
  { "willen", "wil|wilt", "wilde|wilden|wou", "gewild" },
  { "winnen", NULL, "won|wonnen", "gewonnen" },
  { "worden", NULL, "werd|werden", "geworden" },
  { "zeggen", NULL, "zei|zeiden|zegde|zegden", "gezegd" },
  { "zenden", NULL, "zond|zonden", "gezonden" },
  { "zien", "zie|ziet", "zag|zagen", "gezien" },
  { "zijn", "ben|bent|is", "was|waren", "geweest" },
  { "zitten", NULL, "zat|zaten", "gezeten" },
  { "zoeken", NULL, "zocht|zochten", "gezocht" },
};

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_strong (const void *key,
                const void *item)
{
  return strcmp (key, ((const StrongVerb *) item)->infinitive);
}

static const StrongVerb *
lookup_strong (const char *infinitive)
{
  return bsearch (infinitive, strong_verbs, G_N_ELEMENTS (strong_verbs),
                  sizeof strong_verbs[0], compare_strong);
}

/* The strong verb that @verb is, or is made of after inseparable prefixes
 * (ver-nemen, her-over-wegen); @prefix_len tells how many bytes are
 * prefix. */
static const StrongVerb *
find_strong (const char *verb,
             gsize      *prefix_len)
{
  /* Not ge-: "gezien" is a participle, "aangezien" no verb. */
  static const char * const prefixes[] = {
    "be", "er", "her", "ont", "ver",
    "achter", "door", "mis", "om", "onder", "over", "vol", "voor", NULL
  };
  const StrongVerb *strong;

  if ((strong = lookup_strong (verb)) != NULL)
    {
      *prefix_len = 0;
      return strong;
    }
  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      gsize n = strlen (prefixes[i]);
      gsize inner = 0;

      if (strncmp (verb, prefixes[i], n) == 0 && strlen (verb + n) >= 4 &&
          (strong = find_strong (verb + n, &inner)) != NULL)
        {
          *prefix_len = n + inner;
          return strong;
        }
    }
  return NULL;
}

/* Folding */

/* Lower-case @word without diaereses and with straight apostrophes into
 * @out; FALSE when there was nothing to change. */
static gboolean
fold_into (const char *word,
           GString    *out)
{
  const guchar *p = (const guchar *) word;
  gboolean ascii = TRUE;

  for (const guchar *q = p; *q != '\0'; q++)
    if (*q >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return FALSE;

  g_string_truncate (out, 0);
  while (*p != '\0')
    {
      if (p[0] == 0xC3 && p[1] != '\0')
        {
          switch (p[1])
            {
            case 0xA4: case 0x84: g_string_append_c (out, 'a'); p += 2; continue;
            case 0xAB: case 0x8B: g_string_append_c (out, 'e'); p += 2; continue;
            case 0xAF: case 0x8F: g_string_append_c (out, 'i'); p += 2; continue;
            case 0xB6: case 0x96: g_string_append_c (out, 'o'); p += 2; continue;
            case 0xBC: case 0x9C: g_string_append_c (out, 'u'); p += 2; continue;
            default: break;
            }
        }
      else if (p[0] == 0xCC && p[1] == 0x88)
        {
          p += 2;   /* combining diaeresis */
          continue;
        }
      else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99))
        {
          g_string_append_c (out, '\'');
          p += 3;
          continue;
        }
      g_string_append_c (out, (char) *p);
      p++;
    }
  return TRUE;
}

static char *
fold_dup (const char *word)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (word, -1);

  if (!fold_into (lower, out))
    return g_steal_pointer (&lower);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Generating forms */

enum
{
  FORM_FULL      = 1 << 0,   /* a complete form on its own */
  FORM_INF       = 1 << 1,   /* an infinitive that "te" may precede */
  FORM_SPLIT     = 1 << 2,   /* finite, its particle later in the sentence */
  FORM_SPLIT_INF = 1 << 3,   /* bare infinitive of "aan te vragen" */
  FORM_EXACT     = 1 << 4,   /* the word as the list gives it */
};

/* folded form → GUINT_TO_POINTER (flags) */
static void
add_form (GHashTable *forms,
          const char *form,
          guint       flags)
{
  g_autofree char *key = fold_dup (form);
  guint old;

  if (!(flags & FORM_EXACT) && in_list (key, never_generate))
    return;
  old = GPOINTER_TO_UINT (g_hash_table_lookup (forms, key));
  g_hash_table_replace (forms, g_steal_pointer (&key), GUINT_TO_POINTER (old | flags));
}

static void
add_form_printf (GHashTable *forms,
                 guint       flags,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
add_form_printf (GHashTable *forms,
                 guint       flags,
                 const char *format,
                 ...)
{
  g_autofree char *form = NULL;
  va_list args;

  va_start (args, format);
  form = g_strdup_vprintf (format, args);
  va_end (args);
  add_form (forms, form, flags);
}

static inline gboolean
is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

static inline gboolean
is_consonant (char c)
{
  return g_ascii_isalpha (c) && !is_vowel (c);
}

static gboolean
ends_with (const char *word,
           const char *suffix)
{
  return g_str_has_suffix (word, suffix);
}

/* Nouns and adjectives: knelpunt(en), locatie(s), adequate, essentiële,
 * effectieve, dwangsommen, bevoegdheden, criteria, geringer, relevantste. */
static void
add_nominal_forms (GHashTable *forms,
                   const char *lemma)
{
  g_autofree char *w = fold_dup (lemma);
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (w);
  char last;
  guint consonants = 0;

  add_form (forms, w, FORM_FULL | FORM_EXACT);
  if (len < 3)
    return;

  if (ends_with (w, "heid"))
    add_form_printf (forms, FORM_FULL, "%.*sheden", (int) len - 4, w);
  if (ends_with (w, "um"))
    add_form_printf (forms, FORM_FULL, "%.*sa", (int) len - 2, w);

  last = w[len - 1];
  if (last == 'e')
    {
      add_form_printf (forms, FORM_FULL, "%sn", w);
      add_form_printf (forms, FORM_FULL, "%ss", w);
      return;
    }
  if (is_vowel (last))
    {
      add_form_printf (forms, FORM_FULL, "%s's", w);
      add_form_printf (forms, FORM_FULL, "%ss", w);
      return;
    }
  if (!g_ascii_isalpha (last))
    return;

  while (consonants < len && is_consonant (w[len - 1 - consonants]))
    consonants++;
  g_ptr_array_add (bases, g_strdup (w));
  if (consonants == 1 && len >= 3)
    {
      gsize v = len - 1;     /* one past the vowel group */
      gsize g = v;

      while (g > 0 && is_vowel (w[g - 1]))
        g--;
      if (v - g >= 2 && w[v - 1] == w[v - 2])
        /* open syllable: adequaat → adequate, perceel → percelen */
        g_ptr_array_add (bases, g_strdup_printf ("%.*s%c", (int) v - 1, w, last));
      else if (v - g == 1 && !strchr ("wjxh", last))
        /* short vowel: dwangsom → dwangsommen */
        g_ptr_array_add (bases, g_strdup_printf ("%s%c", w, last));
    }
  /* effectief → effectieve, advies → adviezen */
  for (guint i = 0, n = bases->len; i < n; i++)
    {
      const char *b = g_ptr_array_index (bases, i);
      char end = b[strlen (b) - 1];

      if (end == 'f' || end == 's')
        g_ptr_array_add (bases, g_strdup_printf ("%.*s%c", (int) strlen (b) - 1, b,
                                                 end == 'f' ? 'v' : 'z'));
    }
  for (guint i = 0; i < bases->len; i++)
    {
      const char *b = g_ptr_array_index (bases, i);

      add_form_printf (forms, FORM_FULL, "%se", b);
      add_form_printf (forms, FORM_FULL, "%sen", b);
      add_form_printf (forms, FORM_FULL, "%ser", b);
      add_form_printf (forms, FORM_FULL, "%sere", b);
    }
  add_form_printf (forms, FORM_FULL, "%ss", w);
  add_form_printf (forms, FORM_FULL, "%sst", w);
  add_form_printf (forms, FORM_FULL, "%sste", w);
}

/* The stems of a weak verb: maken → maak, stellen → stel, behoeven →
 * behoef, creëren → creëer.  Stress is not in the spelling (realiseren →
 * realiseer, vergaderen → vergader), so a verb with an open syllable gets
 * both stems.  @voiceless: the past tense takes -te ('t kofschip). */
static GPtrArray *
weak_stems (const char *infinitive,
            gboolean   *voiceless)
{
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);
  gsize n = strlen (infinitive);
  g_autofree char *x = NULL;

  if (n < 3 || !ends_with (infinitive, "en"))
    {
      g_ptr_array_add (stems, g_strdup (infinitive));
      *voiceless = FALSE;
      return stems;
    }
  x = g_strndup (infinitive, n - 2);
  n -= 2;

  if (n >= 2 && x[n - 1] == x[n - 2] && is_consonant (x[n - 1]))
    {
      x[--n] = '\0';                       /* stellen → stel */
      g_ptr_array_add (stems, g_strdup (x));
    }
  else if (ends_with (x, "i\xc3\xabr"))      /* subsidiëren → subsidieer */
    g_ptr_array_add (stems, g_strdup_printf ("%.*seer", (int) n - 3, x));
  else if (ends_with (x, "\xc3\xabr"))       /* creëren → creëer */
    g_ptr_array_add (stems, g_strdup_printf ("%.*ser", (int) n - 1, x));
  else
    {
      static const char * const digraphs[] = {
        "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ou", "au", NULL
      };
      char pair[3] = { n >= 3 ? x[n - 3] : '\0', n >= 2 ? x[n - 2] : '\0', '\0' };

      g_ptr_array_add (stems, g_strdup (x));
      if (n >= 3 && is_consonant (x[n - 1]) && !strchr ("wjh", x[n - 1]) &&
          strchr ("aeou", x[n - 2]) && !in_list (pair, digraphs))
        g_ptr_array_add (stems, g_strdup_printf ("%.*s%c%s", (int) n - 1, x, x[n - 2], x + n - 1));
    }

  *voiceless = strchr ("tkfspx", x[n - 1]) != NULL || ends_with (x, "ch");

  /* lezen → lees, behoeven → behoef */
  for (guint i = 0; i < stems->len; i++)
    {
      char *s = g_ptr_array_index (stems, i);
      gsize len = strlen (s);

      if (s[len - 1] == 'z')
        s[len - 1] = 's';
      else if (s[len - 1] == 'v')
        s[len - 1] = 'f';
    }
  return stems;
}

static gboolean
has_prefix_from (const char         *verb,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      gsize n = strlen (prefixes[i]);
      const char *rest = verb + n;

      if (strncmp (verb, prefixes[i], n) == 0 && strlen (rest) >= 4 &&
          !(rest[0] == rest[1] && is_consonant (rest[0])))
        return TRUE;
    }
  return FALSE;
}

static void
split_add (GPtrArray  *array,
           const char *prefix,
           const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return;
  items = g_strsplit (list, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (array, g_strconcat (prefix, items[i], NULL));
}

/* The forms of @base, a verb without separable particle.  With @particle,
 * the forms that carry it ("toegezonden", "toezendt" in a subordinate
 * clause), and with @split also the finite forms that leave it behind
 * ("zenden ... toe"). */
static void
add_paradigm (GHashTable *forms,
              const char *particle,
              const char *base,
              gboolean    split)
{
  g_autoptr(GPtrArray) finite = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) participles = g_ptr_array_new_with_free_func (g_free);
  const char *p = particle != NULL ? particle : "";
  const StrongVerb *strong;
  gsize prefix_len = 0;
  gboolean voiceless = FALSE;

  strong = find_strong (base, &prefix_len);
  if (strong != NULL)
    {
      g_autofree char *prefix = g_strndup (base, prefix_len);
      g_auto(GStrv) parts = g_strsplit (strong->participle, "|", -1);

      if (strong->present != NULL)
        split_add (finite, prefix, strong->present);
      else
        {
          g_autoptr(GPtrArray) stems = weak_stems (base, &voiceless);

          for (guint i = 0; i < stems->len; i++)
            {
              const char *s = g_ptr_array_index (stems, i);

              g_ptr_array_add (finite, g_strdup (s));
              if (!ends_with (s, "t"))
                g_ptr_array_add (finite, g_strconcat (s, "t", NULL));
            }
        }
      split_add (finite, prefix, strong->past);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          const char *part = parts[i];

          if (prefix_len > 0 && g_str_has_prefix (part, "ge"))
            part += 2;
          g_ptr_array_add (participles, g_strconcat (prefix, part, NULL));
        }
    }
  else
    {
      g_autoptr(GPtrArray) stems = weak_stems (base, &voiceless);
      gboolean latin = ends_with (base, "eren") || ends_with (base, "\xc3\xabren");
      gboolean ambiguous = has_prefix_from (base, ambiguous_particles);
      gboolean bare = has_prefix_from (base, unstressed_prefixes) || ambiguous;
      gboolean ge = !bare || ambiguous || latin;

      for (guint i = 0; i < stems->len; i++)
        {
          const char *s = g_ptr_array_index (stems, i);
          gboolean dental = ends_with (s, "t") || ends_with (s, "d");
          const char *suffix = dental ? "" : voiceless ? "t" : "d";

          g_ptr_array_add (finite, g_strdup (s));
          if (!ends_with (s, "t"))
            g_ptr_array_add (finite, g_strconcat (s, "t", NULL));
          g_ptr_array_add (finite, g_strconcat (s, voiceless ? "te" : "de", NULL));
          g_ptr_array_add (finite, g_strconcat (s, voiceless ? "ten" : "den", NULL));
          if (ge)
            g_ptr_array_add (participles, g_strconcat ("ge", s, suffix, NULL));
          if (bare)
            g_ptr_array_add (participles, g_strconcat (s, suffix, NULL));
        }
    }

  for (guint i = 0; i < finite->len; i++)
    {
      const char *f = g_ptr_array_index (finite, i);

      add_form_printf (forms, FORM_FULL, "%s%s", p, f);
      if (particle != NULL && split)
        add_form (forms, f, FORM_SPLIT);
    }

  if (particle == NULL)
    add_form (forms, base, FORM_FULL | FORM_INF);
  else
    {
      add_form_printf (forms, FORM_FULL, "%s%s", p, base);
      if (split)
        add_form (forms, base, FORM_SPLIT | FORM_SPLIT_INF);
    }
  add_form_printf (forms, FORM_FULL, "%s%sd", p, base);
  add_form_printf (forms, FORM_FULL, "%s%sde", p, base);

  for (guint i = 0; i < participles->len; i++)
    {
      const char *part = g_ptr_array_index (participles, i);

      add_form_printf (forms, FORM_FULL, "%s%s", p, part);
      if (ends_with (part, "d") || ends_with (part, "t"))
        add_form_printf (forms, FORM_FULL, "%s%se", p, part);
    }
}

typedef enum
{
  PARTICLE_NONE,
  PARTICLE_SPLITS,      /* aanvragen: "vraag ... aan" */
  PARTICLE_MAYBE,       /* overhandigen or overgaan: both readings, no split */
} ParticleKind;

static ParticleKind
find_particle_prefix (const char  *verb,
                      const char **particle)
{
  const char *best = NULL;
  const char *rest;
  gsize rest_len;

  for (guint i = 0; particles[i] != NULL; i++)
    if (g_str_has_prefix (verb, particles[i]) &&
        (best == NULL || strlen (particles[i]) > strlen (best)))
      {
        gsize dummy;
        const char *r = verb + strlen (particles[i]);

        if (strlen (r) >= 4 && (ends_with (r, "en") || find_strong (r, &dummy) != NULL))
          best = particles[i];
      }
  if (best == NULL)
    return PARTICLE_NONE;

  *particle = best;
  rest = verb + strlen (best);
  rest_len = strlen (rest);
  if ((ends_with (rest, "eren") || ends_with (rest, "\xc3\xabren")) &&
      !in_list (rest, dutch_eren_verbs))
    return rest_len >= 7 ? PARTICLE_NONE : PARTICLE_MAYBE;
  if (in_list (best, ambiguous_particles) && !in_list (verb, separable_verbs))
    return PARTICLE_MAYBE;
  return PARTICLE_SPLITS;
}

/* All forms of the verb @infinitive; returns the particle that split-off
 * forms need, if any. */
static const char *
add_verb_forms (GHashTable *forms,
                const char *infinitive)
{
  const char *particle = NULL;

  switch (find_particle_prefix (infinitive, &particle))
    {
    case PARTICLE_SPLITS:
      add_paradigm (forms, particle, infinitive + strlen (particle), TRUE);
      break;
    case PARTICLE_MAYBE:
      add_paradigm (forms, particle, infinitive + strlen (particle), FALSE);
      add_paradigm (forms, NULL, infinitive, FALSE);
      particle = NULL;
      break;
    case PARTICLE_NONE:
    default:
      add_paradigm (forms, NULL, infinitive, FALSE);
      particle = NULL;
      break;
    }
  add_form (forms, infinitive, FORM_EXACT);
  return particle;
}

static gboolean
looks_like_infinitive (const char *word)
{
  gsize len = strlen (word);
  gsize dummy;
  const char *particle;

  if (in_list (word, not_verbs))
    return FALSE;
  if (find_strong (word, &dummy) != NULL)
    return TRUE;
  if (find_particle_prefix (word, &particle) != PARTICLE_NONE &&
      find_strong (word + strlen (particle), &dummy) != NULL)
    return TRUE;
  if (in_list (word, function_words) || ends_with (word, "heden") ||
      ends_with (word, "kosten") || ends_with (word, "lasten"))
    return FALSE;
  /* -en after a consonant: "realiseren", not "geen" or "zijnde" */
  return len >= 5 && ends_with (word, "en") && is_consonant (word[len - 3]);
}

/* Entries */

typedef struct
{
  char    *text;       /* punctuation: the token's text */
  char   **forms;      /* folded forms of a word */
  gboolean punct;
} Word;

struct _HelderJargonEntry
{
  char      *phrase;
  char     **alternatives;
  char      *explanation;
  char      *key;         /* normalised phrase */

  Word      *rest;        /* the words besides the verb, in order */
  guint      n_rest;
  int        verb_gap;    /* the verb stands before rest[verb_gap]; -1: none */
  char      *particle;    /* separable verbs that split off */
  guint      anchored : 1;
  guint      reflexive : 1;

  guint      index;       /* order of loading: stable choices */
  GPtrArray *keys;        /* the index keys pointing here */
};

typedef struct
{
  HelderJargonEntry *entry;
  guint8             verb;    /* a verb form, or the first rest word */
  guint8             flags;
} Hit;

struct _HelderJargon
{
  GPtrArray  *entries;
  GHashTable *by_key;     /* normalised phrase → entry */
  GHashTable *index;      /* folded form → GArray of Hit */
};

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
      if (!w->punct && looks_like_infinitive (w->text) &&
          !(before != NULL && !before->punct &&
            (in_list (before->text, noun_markers) ||
             (in_list (before->text, prepositions) && strcmp (before->text, "te") != 0))))
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
      if (w->punct || in_list (w->text, function_words))
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
        add_nominal_forms (forms, w->text);
      else
        add_form (forms, w->text, FORM_FULL | FORM_EXACT);
      /* "m.b.t" without its last period is one word too */
      if (ends_with (w->text, ".") && strchr (w->text, '.') != w->text + strlen (w->text) - 1)
        {
          g_autofree char *bare = g_strndup (w->text, strlen (w->text) - 1);

          add_form (forms, bare, FORM_FULL);
        }
      w->forms = form_keys (forms);
      g_hash_table_steal_all (forms);
    }

  *verb_forms = NULL;
  if (verb >= 0)
    {
      const char *particle;

      *verb_forms = forms_new ();
      particle = add_verb_forms (*verb_forms, g_array_index (words, PhraseWord, verb).text);
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
      g_autofree char *lemma = fold_dup (entry->rest[0].text);

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

/* Matching */

/* Where a verb of an entry stands in the sentence. */
typedef struct
{
  guint                    start, end;   /* "te realiseren", "aan te vragen" */
  int                      particle;     /* split off, or -1 */
  gboolean                 exact;
  const HelderJargonEntry *entry;
} Occurrence;

typedef struct
{
  guint                    first, last;
  guint                    verb_start, verb_end;
  int                      particle;
  gboolean                 has_verb;
  guint                    words;        /* of the phrase, matched */
  guint                    distance;     /* of a verb away from the rest */
  gboolean                 exact;
  const HelderJargonEntry *entry;
} Candidate;

typedef struct
{
  const HelderSentenceView *view;
  guint                     n;
  const char              **words;       /* folded; NULL for no word */
  GArray                  **hits;
  GArray                   *occurrences;
  GArray                   *candidates;
  gboolean                  reflexive;
} Scan;

static inline gboolean
word_is (Scan       *s,
         guint       i,
         const char *word)
{
  return i < s->n && s->words[i] != NULL && strcmp (s->words[i], word) == 0;
}

/* Only pronouns stand between @a and @b (exclusive), at most two. */
static gboolean
gap_ok (Scan *s,
        guint a,
        guint b)
{
  if (b <= a || b - a - 1 > 2)
    return FALSE;
  for (guint i = a + 1; i < b; i++)
    if (!in_list (s->words[i], gap_words))
      return FALSE;
  return TRUE;
}

static gboolean
rest_word_matches (Scan       *s,
                   const Word *w,
                   guint       i)
{
  if (i >= s->n)
    return FALSE;
  if (w->punct)
    {
      const HelderToken *t = helder_sentence_view_token (s->view, i);

      return t->kind == HELDER_TOKEN_PUNCTUATION &&
             t->byte_end - t->byte_start == strlen (w->text) &&
             memcmp (s->view->text + t->byte_start, w->text, t->byte_end - t->byte_start) == 0;
    }
  if (s->words[i] == NULL)
    return FALSE;
  for (guint k = 0; w->forms[k] != NULL; k++)
    if (strcmp (w->forms[k], s->words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* rest[from..from+count) of @e at tokens start.. */
static gboolean
rest_matches (Scan                    *s,
              const HelderJargonEntry *e,
              guint                    from,
              guint                    count,
              guint                    start)
{
  for (guint k = 0; k < count; k++)
    if (!rest_word_matches (s, &e->rest[from + k], start + k))
      return FALSE;
  return TRUE;
}

/* The particle of a split verb after @after: "wij zenden u de stukken
 * toe".  It ends the clause, is no noun ("de plaats"), and stands in the
 * same clause: not after other punctuation than a pair of commas ("wij
 * stellen, na overleg, de datum vast", but not "wat we doen, spreek een
 * vervolg af"). */
static int
find_split_particle (Scan       *s,
                     guint       after,
                     const char *particle)
{
  gboolean noun = in_list (particle, noun_particles);
  guint commas = 0;

  for (guint j = after + 1; j < s->n; j++)
    {
      const HelderToken *t = helder_sentence_view_token (s->view, j);
      const char *prev = s->words[j - 1];
      const char *next = j + 1 < s->n ? s->words[j + 1] : NULL;

      if (t->kind == HELDER_TOKEN_PUNCTUATION)
        {
          if (s->view->text[t->byte_start] != ',')
            break;
          commas++;
          continue;
        }
      if (!word_is (s, j, particle) || commas % 2 != 0)
        continue;
      if (in_list (prev, articles) ||
          (noun && (in_list (prev, noun_markers) || in_list (prev, prepositions))))
        continue;
      if (next != NULL && !in_list (next, clause_followers) &&
          !(in_list (next, prepositions) && strcmp (next, "te") != 0))
        continue;
      if (j + 1 < s->n && next == NULL &&
          helder_sentence_view_token (s->view, j + 1)->kind != HELDER_TOKEN_PUNCTUATION)
        continue;   /* a number, a URL */
      return j;
    }
  return -1;
}

static void
add_occurrence (Scan                    *s,
                const HelderJargonEntry *entry,
                guint                    start,
                guint                    end,
                int                      particle,
                gboolean                 exact)
{
  Occurrence o = { start, end, particle, exact, entry };

  g_array_append_val (s->occurrences, o);
}

/* "een keer", "de man", "twee maanden": a noun, not the stem of a split
 * verb (uitkeren, aanmanen). */
static gboolean
after_article (Scan  *s,
               guint  i)
{
  return i > 0 && (in_list (s->words[i - 1], articles) ||
                   helder_sentence_view_token (s->view, i - 1)->kind == HELDER_TOKEN_NUMBER);
}

static void
collect_occurrences (Scan *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      GArray *hits = s->hits[i];

      if (hits == NULL)
        continue;
      for (guint k = 0; k < hits->len; k++)
        {
          const Hit *h = &g_array_index (hits, Hit, k);
          const HelderJargonEntry *e = h->entry;
          gboolean exact = (h->flags & FORM_EXACT) != 0;

          if (!h->verb)
            continue;
          if (h->flags & FORM_FULL)
            {
              if ((h->flags & FORM_INF) && i > 0 && word_is (s, i - 1, "te"))
                add_occurrence (s, e, i - 1, i, -1, exact);
              else
                add_occurrence (s, e, i, i, -1, exact);
            }
          if ((h->flags & FORM_SPLIT_INF) && i >= 2 && word_is (s, i - 1, "te") &&
              word_is (s, i - 2, e->particle))
            add_occurrence (s, e, i - 2, i, -1, exact);
          else if ((h->flags & FORM_SPLIT) && !after_article (s, i))
            {
              int p = find_split_particle (s, i, e->particle);

              if (p >= 0)
                add_occurrence (s, e, i, i, p, exact);
            }
        }
    }
}

/* Grows [first, last] by [a, b] when only pronouns stand between. */
static void
merge_adjacent (Scan  *s,
                guint *first,
                guint *last,
                guint  a,
                guint  b)
{
  if (b < *first && gap_ok (s, b, *first))
    *first = a;
  else if (a > *last && gap_ok (s, *last, a))
    *last = b;
}

static void
add_candidate (Scan                    *s,
               const HelderJargonEntry *entry,
               guint                    first,
               guint                    last,
               const Occurrence        *verb,
               guint                    distance,
               gboolean                 exact)
{
  Candidate c = { 0 };

  c.first = first;
  c.last = last;
  c.entry = entry;
  c.particle = -1;
  c.words = entry->n_rest;
  c.distance = distance;
  c.exact = exact;
  if (verb != NULL)
    {
      c.has_verb = TRUE;
      c.verb_start = verb->start;
      c.verb_end = verb->end;
      c.particle = verb->particle;
      c.words++;
    }
  g_array_append_val (s->candidates, c);
}

/* "voldoen aan", "zich wenden tot", "dienen te": the rest stands right
 * before or after the verb or its particle. */
static void
match_anchored (Scan             *s,
                const Occurrence *o)
{
  const HelderJargonEntry *e = o->entry;
  guint before = e->verb_gap;
  guint after = e->n_rest - e->verb_gap;
  /* a rest attaches to the verb itself or to its split-off particle */
  guint starts[2] = { o->start, o->particle >= 0 ? (guint) o->particle : o->start };
  guint ends[2] = { o->end, o->particle >= 0 ? (guint) o->particle : o->end };
  guint first = G_MAXUINT, last = 0;
  gboolean found;

  if (before > 0)
    {
      found = FALSE;
      for (guint a = 0; a < 2 && !found; a++)
        for (guint g = 0; g <= 2 && !found; g++)
          {
            guint end_at;

            if (starts[a] < before + g)
              continue;
            end_at = starts[a] - 1 - g;
            if ((g == 0 || gap_ok (s, end_at, starts[a])) &&
                rest_matches (s, e, 0, before, end_at - before + 1))
              {
                found = TRUE;
                first = end_at - before + 1;
                last = ends[a];
              }
          }
      if (!found)
        return;
    }

  if (after == 1 && !e->rest[before].punct && g_str_equal (e->rest[before].text, "te"))
    {
      /* "u dient het formulier te ondertekenen": the "te" stays out of
       * the range */
      found = FALSE;
      for (guint j = o->end + 1; j < s->n && !found; j++)
        found = word_is (s, j, "te");
      if (!found)
        return;
    }
  else if (after > 0)
    {
      found = FALSE;
      for (guint a = 0; a < 2 && !found; a++)
        for (guint g = 0; g <= 2 && !found; g++)
          {
            guint start_at = ends[a] + 1 + g;

            if ((g == 0 || gap_ok (s, ends[a], start_at)) &&
                rest_matches (s, e, before, after, start_at))
              {
                found = TRUE;
                first = MIN (first, starts[a]);
                last = MAX (last, start_at + after - 1);
              }
          }
      if (!found)
        return;
    }

  if (first == G_MAXUINT)
    {
      first = o->start;
      last = o->end;
    }
  merge_adjacent (s, &first, &last, o->start, o->end);
  if (o->particle >= 0)
    merge_adjacent (s, &first, &last, o->particle, o->particle);
  add_candidate (s, e, first, last, o, 0, o->exact);
}

/* A phrase with "zich" needs a reflexive pronoun in the sentence. */
static gboolean
reflexive_ok (Scan             *s,
              const Occurrence *o)
{
  return !o->entry->reflexive || s->reflexive || word_is (s, o->end + 1, "u");
}

static void
candidates_from_verbs (Scan *s)
{
  for (guint i = 0; i < s->occurrences->len; i++)
    {
      const Occurrence *o = &g_array_index (s->occurrences, Occurrence, i);
      const HelderJargonEntry *e = o->entry;

      if (!reflexive_ok (s, o))
        continue;
      if (e->n_rest == 0)
        {
          guint first = o->start, last = o->end;

          if (o->particle >= 0)
            merge_adjacent (s, &first, &last, o->particle, o->particle);
          add_candidate (s, e, first, last, o, 0, o->exact);
        }
      else if (e->anchored)
        match_anchored (s, o);
    }
}

static gboolean
overlaps (guint a,
          guint b,
          guint c,
          guint d)
{
  return a <= d && c <= b;
}

/* An entry whose rest starts at token @i. */
static void
match_rest (Scan                    *s,
            const HelderJargonEntry *e,
            guint                    i,
            gboolean                 exact)
{
  const Occurrence *inner = NULL;
  guint pos = i;

  for (guint k = 0; k < e->n_rest; k++)
    {
      if ((int) k == e->verb_gap && k > 0)
        for (guint o = 0; o < s->occurrences->len; o++)
          {
            const Occurrence *occ = &g_array_index (s->occurrences, Occurrence, o);

            if (occ->entry == e && occ->start == pos && occ->particle < 0)
              {
                inner = occ;
                pos = occ->end + 1;
                break;
              }
          }
      if (!rest_word_matches (s, &e->rest[k], pos))
        return;
      pos++;
    }

  if (e->verb_gap < 0)
    add_candidate (s, e, i, pos - 1, NULL, 0, exact);
  else if (inner != NULL)
    {
      if (reflexive_ok (s, inner))
        add_candidate (s, e, i, pos - 1, inner, 0, exact);
    }
  else
    for (guint o = 0; o < s->occurrences->len; o++)
      {
        const Occurrence *occ = &g_array_index (s->occurrences, Occurrence, o);
        guint first = i, last = pos - 1;
        guint distance;

        if (occ->entry != e || overlaps (occ->start, occ->end, first, last) ||
            (occ->particle >= 0 && overlaps (occ->particle, occ->particle, first, last)) ||
            !reflexive_ok (s, occ))
          continue;
        merge_adjacent (s, &first, &last, occ->start, occ->end);
        if (occ->particle >= 0)
          merge_adjacent (s, &first, &last, occ->particle, occ->particle);
        if (first <= occ->start && occ->end <= last)
          distance = 0;
        else
          distance = occ->end < i ? i - occ->end : occ->start - (pos - 1);
        add_candidate (s, e, first, last, occ, distance, exact);
      }
}

static int
compare_candidates (const void *a,
                    const void *b)
{
  const Candidate *x = a, *y = b;

  if (x->words != y->words)
    return x->words > y->words ? -1 : 1;
  if (x->last - x->first != y->last - y->first)
    return x->last - x->first > y->last - y->first ? -1 : 1;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->exact != y->exact)
    return x->exact ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->entry->index != y->entry->index)
    return x->entry->index < y->entry->index ? -1 : 1;
  return 0;
}

static int
compare_matches (const void *a,
                 const void *b)
{
  const HelderJargonMatch *x = a, *y = b;

  return x->first < y->first ? -1 : x->first > y->first;
}

static gboolean
is_claimed (const guint8 *claimed,
            guint         a,
            guint         b)
{
  for (guint i = a; i <= b; i++)
    if (claimed[i])
      return TRUE;
  return FALSE;
}

static void
set_claimed (guint8 *claimed,
             guint   a,
             guint   b)
{
  memset (claimed + a, TRUE, b - a + 1);
}

/**
 * helder_jargon_match:
 * @matches: (element-type HelderJargonMatch): appended to, in order
 *
 * Finds the entries in one sentence.  Matches never overlap: the one that
 * covers most words of its phrase wins.  A verb that stands apart from the
 * rest of its phrase is not in the range but cannot serve another match.
 */
void
helder_jargon_match (HelderJargon             *self,
                     const HelderSentenceView *sentence,
                     GArray                   *matches)
{
  Scan s = { 0 };
  g_autoptr(GString) buffer = NULL;
  g_autofree const char **words = NULL;
  g_autofree GArray **hits = NULL;
  g_autofree guint8 *claimed = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) candidates = NULL;
  guint n_before;
  gboolean any = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sentence != NULL);
  g_return_if_fail (matches != NULL);

  if (sentence->n == 0)
    return;

  s.view = sentence;
  s.n = sentence->n;
  s.words = words = g_new0 (const char *, s.n);
  s.hits = hits = g_new0 (GArray *, s.n);

  for (guint i = 0; i < s.n; i++)
    {
      const HelderToken *t = helder_sentence_view_token (sentence, i);
      const char *w = helder_sentence_view_word (sentence, i);

      if (w == NULL || (t->kind != HELDER_TOKEN_WORD && t->kind != HELDER_TOKEN_ABBREVIATION))
        continue;
      if (buffer == NULL)
        buffer = g_string_new (NULL);
      if (fold_into (w, buffer))
        {
          if (folded == NULL)
            folded = g_ptr_array_new_with_free_func (g_free);
          w = g_strdup (buffer->str);
          g_ptr_array_add (folded, (char *) w);
        }
      words[i] = w;
      if ((hits[i] = g_hash_table_lookup (self->index, w)) != NULL)
        any = TRUE;
      if (in_list (w, reflexives))
        s.reflexive = TRUE;
    }
  if (!any)
    return;

  s.occurrences = occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  s.candidates = candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  collect_occurrences (&s);
  candidates_from_verbs (&s);
  for (guint i = 0; i < s.n; i++)
    for (guint k = 0; hits[i] != NULL && k < hits[i]->len; k++)
      {
        const Hit *h = &g_array_index (hits[i], Hit, k);

        if (!h->verb)
          match_rest (&s, h->entry, i, (h->flags & FORM_EXACT) != 0);
      }

  if (candidates->len == 0)
    return;
  qsort (candidates->data, candidates->len, sizeof (Candidate), compare_candidates);

  claimed = g_new0 (guint8, s.n);
  n_before = matches->len;
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      HelderJargonMatch m = { c->first, c->last, c->entry };

      if (is_claimed (claimed, c->first, c->last) ||
          (c->has_verb && is_claimed (claimed, c->verb_start, c->verb_end)) ||
          (c->particle >= 0 && claimed[c->particle]))
        continue;
      set_claimed (claimed, c->first, c->last);
      if (c->has_verb)
        set_claimed (claimed, c->verb_start, c->verb_end);
      if (c->particle >= 0)
        claimed[c->particle] = TRUE;
      g_array_append_val (matches, m);
    }
  qsort (matches->data + (gsize) n_before * sizeof (HelderJargonMatch),
         matches->len - n_before, sizeof (HelderJargonMatch), compare_matches);
}
