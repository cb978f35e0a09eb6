/* helder-morphology.c: Dutch word rules shared by the text checks
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-morphology"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-morphology.h"

/* One place for the shapes of Dutch words that more than one check needs:
 * separable particles, inseparable prefixes, strong verbs and the spelling
 * of past participles.  The passive and officialese checks, and the word
 * frequency of compounds, all read these tables. */

/* Word lists, sorted by byte value for bsearch() */

#define PARTICIPLE HELDER_PARTICLE_PARTICIPLE
#define VERB       HELDER_PARTICLE_VERB
#define PREFIX     HELDER_PARTICLE_PREFIX
#define NOUN       HELDER_PARTICLE_NOUN
#define COMMON     HELDER_PARTICLE_COMMON

static const HelderParticle particles[] = {
  { "aan", PARTICIPLE | VERB | COMMON },
  { "aaneen", PARTICIPLE },
  { "achter", PARTICIPLE | VERB | PREFIX },
  { "achterna", PARTICIPLE },
  { "achteruit", PARTICIPLE },
  { "af", PARTICIPLE | VERB | COMMON },
  { "bekend", PARTICIPLE | VERB },
  { "bij", PARTICIPLE | VERB | COMMON },
  { "bijeen", PARTICIPLE | VERB },
  { "binnen", PARTICIPLE },
  { "bloot", PARTICIPLE },
  { "boven", PARTICIPLE },
  { "buiten", PARTICIPLE },
  { "deel", PARTICIPLE | VERB | NOUN },
  { "dicht", PARTICIPLE },
  { "dood", PARTICIPLE },
  { "door", PARTICIPLE | VERB | PREFIX | COMMON },
  { "dooreen", PARTICIPLE },
  { "droog", PARTICIPLE },
  { "fijn", PARTICIPLE },
  { "fout", PARTICIPLE },
  { "gade", PARTICIPLE },
  { "gebruik", VERB | NOUN },
  { "gelijk", PARTICIPLE },
  { "gerust", PARTICIPLE },
  { "glad", PARTICIPLE },
  { "goed", PARTICIPLE | VERB },
  { "groot", PARTICIPLE },
  { "heen", PARTICIPLE },
  { "hoog", PARTICIPLE },
  { "in", PARTICIPLE | VERB | COMMON },
  { "ineen", PARTICIPLE },
  { "kaal", PARTICIPLE },
  { "kapot", PARTICIPLE },
  { "kennis", PARTICIPLE | VERB | NOUN },
  { "klaar", PARTICIPLE },
  { "kwijt", PARTICIPLE },
  { "laag", PARTICIPLE },
  { "lam", PARTICIPLE },
  { "leeg", PARTICIPLE },
  { "lief", PARTICIPLE },
  { "los", PARTICIPLE | VERB | COMMON },
  { "mede", PARTICIPLE | VERB },
  { "mee", PARTICIPLE | VERB | COMMON },
  { "mis", PARTICIPLE | VERB | PREFIX },
  { "na", PARTICIPLE | VERB | COMMON },
  { "neer", PARTICIPLE | VERB | COMMON },
  { "om", PARTICIPLE | VERB | PREFIX | COMMON },
  { "omhoog", PARTICIPLE },
  { "omlaag", PARTICIPLE },
  { "omver", PARTICIPLE },
  { "onder", PARTICIPLE | VERB | PREFIX },
  { "op", PARTICIPLE | VERB | COMMON },
  { "opeen", PARTICIPLE },
  { "open", PARTICIPLE | VERB },
  { "over", PARTICIPLE | VERB | PREFIX | COMMON },
  { "overeen", PARTICIPLE },
  { "plaats", PARTICIPLE | VERB | NOUN },
  { "plat", PARTICIPLE },
  { "recht", PARTICIPLE },
  { "rond", PARTICIPLE | COMMON },
  { "samen", PARTICIPLE | VERB | COMMON },
  { "scheef", PARTICIPLE },
  { "schoon", PARTICIPLE },
  { "stil", PARTICIPLE },
  { "stop", PARTICIPLE },
  { "stuk", PARTICIPLE },
  { "tegemoet", PARTICIPLE | VERB },
  { "tegen", PARTICIPLE | VERB | COMMON },
  { "tekort", PARTICIPLE },
  { "teleur", PARTICIPLE },
  { "teniet", PARTICIPLE },
  { "tentoon", PARTICIPLE },
  { "terecht", PARTICIPLE },
  { "terug", PARTICIPLE | VERB | COMMON },
  { "teweeg", PARTICIPLE | VERB },
  { "tewerk", PARTICIPLE },
  { "thuis", PARTICIPLE },
  { "toe", PARTICIPLE | VERB | COMMON },
  { "tussen", PARTICIPLE },
  { "uit", PARTICIPLE | VERB | COMMON },
  { "uiteen", PARTICIPLE },
  { "vast", PARTICIPLE | VERB | COMMON },
  { "veilig", PARTICIPLE },
  { "verder", PARTICIPLE },
  { "vol", PARTICIPLE | VERB | PREFIX },
  { "voor", PARTICIPLE | VERB | PREFIX | COMMON },
  { "vooraf", PARTICIPLE },
  { "voorbij", PARTICIPLE },
  { "voorop", PARTICIPLE },
  { "voort", PARTICIPLE | VERB },
  { "vooruit", PARTICIPLE },
  { "vrij", PARTICIPLE | VERB },
  { "weer", PARTICIPLE | VERB | PREFIX },
  { "weg", PARTICIPLE | VERB | COMMON },
  { "wit", PARTICIPLE },
  { "zeker", PARTICIPLE },
  { "zorg", VERB | NOUN },
  { "zwart", PARTICIPLE },
};

#undef PARTICIPLE
#undef VERB
#undef PREFIX
#undef NOUN
#undef COMMON

/* Participles of strong and irregular verbs.  Prefixed forms are derived:
 * besproken from gesproken, afgesloten from gesloten. */
static const char * const strong_participles[] = {
  "aanschouwd", "aanvaard", "bedorven", "bedrogen", "begonnen", "bevolen",
  "bezweken", "erbarmd", "erkend", "ervaren", "gebakken", "gebannen",
  "gebarsten", "gebeden", "gebeten", "geblazen", "gebleken", "gebleven",
  "geblonken", "geboden", "gebogen", "gebonden", "gebraden", "gebroken",
  "gebrouwen", "gedaan", "gedoken", "gedongen", "gedragen", "gedreven",
  "gedrongen", "gedronken", "gedropen", "gedwongen", "gegaan", "gegeten",
  "gegeven", "gegleden", "geglommen", "gegolden", "gegoten", "gegraven",
  "gegrepen", "gehangen", "gehesen", "geheten", "geheven", "geholpen",
  "gehouden", "gehouwen", "gekeken", "geklommen", "geklonken", "geknepen",
  "gekomen", "gekozen", "gekregen", "gekrompen", "gekropen", "gelachen",
  "geladen", "gelaten", "geleden", "gelegen", "geleken", "gelezen", "gelogen",
  "gelopen", "gemalen", "gemeden", "gemeten", "gemolken", "genezen", "genomen",
  "genoten", "geprezen", "geraden", "gereden", "gerezen", "geroepen",
  "geroken", "geschapen", "gescheiden", "geschenen", "gescholden",
  "geschonden", "geschonken", "geschoren", "geschoten", "geschoven",
  "geschreden", "geschreven", "geschrokken", "geslagen", "geslapen",
  "geslepen", "gesleten", "geslonken", "geslopen", "gesloten", "gesmeten",
  "gesmolten", "gesneden", "gesnoten", "gespannen", "gespeten", "gespleten",
  "gespogen", "gesponnen", "gespoten", "gesproken", "gesprongen", "gestaan",
  "gestegen", "gestoken", "gestolen", "gestonken", "gestorven", "gestoten",
  "gestoven", "gestreden", "gestreken", "getreden", "getroffen", "getrokken",
  "gevallen", "gevangen", "gevaren", "gevlochten", "gevlogen", "gevochten",
  "gevonden", "gevouwen", "gevreten", "gevroren", "gewassen", "geweken",
  "geweten", "geweven", "gewezen", "gewogen", "gewonden", "gewonnen",
  "geworden", "geworpen", "geworven", "gewreven", "gewroken", "gewrongen",
  "gezeten", "gezien", "gezogen", "gezonden", "gezongen", "gezonken",
  "gezonnen", "gezopen", "gezouten", "gezwegen", "gezwollen", "gezwommen",
  "gezworen", "gezworven", "ontgonnen", "verdwenen", "vergeleken", "vergeten",
  "verloren",
};

/* Nouns with the shape of a participle, also as the head of a compound:
 * buitengebied, misverstand, weerbericht. */
static const char * const noun_heads[] = {
  "achterdocht", "achtergrond", "achterhoofd", "achterkant", "achterstand",
  "behoud", "beleid", "bericht", "besluit", "bestand", "doorstart", "gebed",
  "gebied", "gebit", "gebod", "gedicht", "gedrocht", "geduld", "gehucht",
  "gelaat", "gelid", "geluid", "gemoed", "genot", "gerecht", "gerucht",
  "geschrift", "geslacht", "gesticht", "gevecht", "gewaad", "geweld", "gewest",
  "gewicht", "gewricht", "gezicht", "herkomst", "misdaad", "misstand", "omzet",
  "ondergrond", "onderhand", "onderhoud", "onderkant", "onderscheid",
  "onderschrift", "ontbijt", "ontvangst", "overeenkomst", "overlast",
  "overschot", "overvloed", "overwicht", "overzicht", "verband", "verbod",
  "verbond", "verdriet", "verlet", "verschot", "verstand", "verwijt",
  "volmacht", "voorbeeld", "voorgrond", "voorhoofd", "voorraad", "voorrecht",
  "voorschot", "voorstad", "voorwoord", "weerbericht", "weerstand", "weerzien",
};

/* Weak stems in -en whose participle ends in -end: ge|opend, be|kend. */
static const char * const end_bodies[] = {
  "eigend", "kend", "opend", "ordend", "regend", "rekend", "rend", "tekend",
  "wapend", "wend", "zegend", "zoend",
};

/* Past tenses of strong verbs: besloot, verliet, overleed, bestond. */
static const char * const past_bodies[] = {
  "bood", "deed", "gat", "had", "hield", "leed", "liet", "sloot", "stond",
  "vond",
};

/* End of word lists */

/* Inseparable prefixes, longest first: verbs with these take no ge-. */
static const char * const inseparable_prefixes[] = {
  "achter", "onder", "door", "over", "voor", "weer", "her", "mis", "ont",
  "ver", "vol", "be", "om",
};

/* Consonant pairs that can start a Dutch (or borrowed) stem. */
static const char * const onsets[] = {
  "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl",
  "kn", "kr", "kw", "pl", "pr", "ps", "sc", "sh", "sj", "sk", "sl", "sm", "sn",
  "sp", "st", "sw", "th", "tr", "tw", "vl", "vr", "wr", "zw",
};

/* Stems that end a present participle or a present-tense form rather
 * than a participle: bestaand, voorafgaand, voldoet, ontgaat. */
static const char * const present_bodies[] = {
  "doend", "doet", "gaand", "gaat", "niet", "slaand", "slaat", "staand", "staat",
  "ziend", "ziet",
};

/* Heads of compound nouns that no participle ends in. */
static const char * const noun_suffixes[] = {
  "boord", "dienst", "dracht", "feest", "hand", "hemd", "kant", "komst",
  "markt", "pand", "raad", "schrift", "stand", "straat", "tocht", "wereld",
  "zicht",
};

/* Strong and irregular verbs, the bases of officialese verbs and phrases.
 * Prefixed verbs find their base here: vernemen, ontvangen, heroverwegen.
 * Not moeten: ontmoeten would become strong (it was listed out of order,
 * so bsearch() never found it). */
static const HelderStrongVerb strong_verbs[] = {
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

static int
compare_string (const void *key,
                const void *item)
{
  return strcmp (key, *(const char * const *) item);
}

/**
 * helder_word_in_list:
 * @word: (nullable): a word
 * @list: a %NULL-terminated list of words
 *
 * Whether @word is one of @list, by a linear search: for short lists.
 */
gboolean
helder_word_in_list (const char         *word,
                     const char * const *list)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @word is one of the @n words of @list, sorted by byte value. */
gboolean
helder_word_in_sorted (const char * const *list,
                       gsize               n,
                       const char         *word)
{
  return bsearch (word, list, n, sizeof *list, compare_string) != NULL;
}

/* @list: @n items of @stride bytes, each starting with a string; a list
 * out of order is a programming error. */
void
helder_word_list_check_sorted (const char * const *list,
                               gsize               n,
                               gsize               stride)
{
  for (gsize i = 1; i < n; i++)
    {
      const char *a = *(const char * const *) ((const char *) list + (i - 1) * stride);
      const char *b = *(const char * const *) ((const char *) list + i * stride);

      if (strcmp (a, b) >= 0)
        g_error ("Word list not sorted at “%s”, “%s”", a, b);
    }
}

/* bsearch() needs sorted lists; a mistake in editing them would fail
 * silently, so check once. */
static void
check_lists (void)
{
  static gsize checked = 0;

  if (g_once_init_enter (&checked))
    {
      HELDER_WORD_LIST_CHECK_SORTED (particles);
      HELDER_WORD_LIST_CHECK_SORTED (strong_participles);
      HELDER_WORD_LIST_CHECK_SORTED (noun_heads);
      HELDER_WORD_LIST_CHECK_SORTED (end_bodies);
      HELDER_WORD_LIST_CHECK_SORTED (past_bodies);
      HELDER_WORD_LIST_CHECK_SORTED (strong_verbs);
      g_once_init_leave (&checked, 1);
    }
}

/* Particles */

/**
 * helder_particles:
 * @n_particles: (out): the number of particles
 *
 * Every separable particle, sorted by byte value.
 */
const HelderParticle *
helder_particles (guint *n_particles)
{
  *n_particles = G_N_ELEMENTS (particles);
  return particles;
}

static int
compare_particle (const void *key,
                  const void *item)
{
  return strcmp (key, ((const HelderParticle *) item)->word);
}

/* The HelderParticleFlags of @word; 0 when it is no particle. */
guint
helder_particle_flags (const char *word)
{
  const HelderParticle *particle;

  check_lists ();
  particle = bsearch (word, particles, G_N_ELEMENTS (particles), sizeof particles[0],
                      compare_particle);
  return particle != NULL ? particle->flags : 0;
}

/* Strong verbs */

static int
compare_strong (const void *key,
                const void *item)
{
  return strcmp (key, ((const HelderStrongVerb *) item)->infinitive);
}

static const HelderStrongVerb *
lookup_strong (const char *infinitive)
{
  return bsearch (infinitive, strong_verbs, G_N_ELEMENTS (strong_verbs),
                  sizeof strong_verbs[0], compare_strong);
}

/* The strong verb that @verb is, or is made of after inseparable prefixes
 * (ver-nemen, her-over-wegen); @prefix_len tells how many bytes are
 * prefix. */
const HelderStrongVerb *
helder_find_strong_verb (const char *verb,
                         gsize      *prefix_len)
{
  /* Not ge-: "gezien" is a participle, "aangezien" no verb. */
  static const char * const prefixes[] = {
    "be", "er", "her", "ont", "ver",
    "achter", "door", "mis", "om", "onder", "over", "vol", "voor", NULL
  };
  const HelderStrongVerb *strong;

  check_lists ();
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
          (strong = helder_find_strong_verb (verb + n, &inner)) != NULL)
        {
          *prefix_len = n + inner;
          return strong;
        }
    }
  return NULL;
}

/* Participle morphology */

/* In a participle a byte of a non-ASCII letter is a vowel's: geëerd. */
static inline gboolean
is_vowel (char c)
{
  return helder_is_vowel (c) || (guchar) c >= 0x80;
}

/* A weak stem with its -d or -t, after ge- or an inseparable prefix.
 * @after_e: the prefix ends in e (ge-, be-), so a stem starting with e or i
 * would have been written with a diaeresis: geeft and geit are no
 * participles, geëerd is. */
static gboolean
weak_body (const char *body,
           gboolean    after_e)
{
  gsize len = strlen (body);
  char last, before;
  gboolean vowel = FALSE;

  if (len < 3)
    return FALSE;
  last = body[len - 1];
  before = body[len - 2];
  if (last != 'd' && last != 't')
    return FALSE;
  /* Nouns: begrotingsoverschot, ontwikkelstraat, herkomst */
  if (strstr (body, "heid") != NULL || strstr (body, "ings") != NULL ||
      strstr (body, "schap") != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (noun_suffixes); i++)
    if (g_str_has_suffix (body, noun_suffixes[i]) &&
        (!after_e || len >= strlen (noun_suffixes[i]) + 3))  /* but bestraat */
      return FALSE;
  for (gsize i = 0; i + 1 < len; i++)
    vowel |= is_vowel (body[i]);
  if (!vowel)
    return FALSE;

  if (after_e && (body[0] == 'e' || body[0] == 'i'))
    return FALSE;
  if (!is_vowel (body[0]) && !is_vowel (body[1]))
    {
      char onset[3] = { body[0], body[1], '\0' };

      if (!HELDER_WORD_IN_SORTED (onsets, onset))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (present_bodies); i++)
    if (g_str_has_suffix (body, present_bodies[i]))
      return FALSE;

  /* -end is a present participle (verschillend, ontbrekend) unless the
   * stem itself ends in -en: bekend, geopend, ondertekend, verleend. */
  if (g_str_has_suffix (body, "end"))
    return HELDER_WORD_IN_SORTED (end_bodies, body) ||
           g_str_has_suffix (body, "eend") || g_str_has_suffix (body, "iend");

  if (last == 't')
    {
      /* A long vowel before f stands for v, whose participle has -d
       * (geloofd, beleefd): gelooft and overleeft are present tenses. */
      if (before == 'f' && len >= 4 && is_vowel (body[len - 3]) &&
          is_vowel (body[len - 4]))
        return FALSE;
      /* Stems in t (gepraat, gezet) and 't kofschip: gewerkt, gemist. */
      if (is_vowel (before) || before == 'j' || strchr ("kfsphx", before) != NULL)
        return TRUE;
      /* A stem in -nt or -rt after a short vowel: geplant, gestart.  After
       * a long vowel or schwa it is a present tense: verdient, verandert,
       * gebeurt, bewaart. */
      if ((before == 'n' || before == 'r') && len >= 4)
        {
          char v = body[len - 3];
          char c = body[len - 4];

          return strchr ("aiou", v) != NULL && !is_vowel (c);
        }
      return FALSE;
    }

  /* -d after a voiceless consonant is a misspelling or no participle;
   * f and s stand for v and z: gedoofd, verhuisd. */
  return strchr ("kpxthd", before) == NULL;
}

/* A strong participle after an inseparable prefix: be|sproken from
 * gesproken, ver|geleken from geleken. */
static gboolean
strong_body (const char *rest)
{
  char buf[64];

  if (g_str_has_prefix (rest, "ge") && HELDER_WORD_IN_SORTED (strong_participles, rest))
    return TRUE;
  if (g_snprintf (buf, sizeof buf, "ge%s", rest) >= (int) sizeof buf)
    return FALSE;
  return HELDER_WORD_IN_SORTED (strong_participles, buf);
}

static gboolean looks_like_participle (const char *word,
                                       guint       depth);

/* The part of a word after an optional separable particle. */
static gboolean
participle_stem (const char *stem,
                 gboolean    after_particle,
                 guint       depth)
{
  if (HELDER_WORD_IN_SORTED (noun_heads, stem))
    return FALSE;
  if (HELDER_WORD_IN_SORTED (strong_participles, stem))
    return TRUE;
  if (g_str_has_prefix (stem, "ge") &&
      (strong_body (stem + 2) || weak_body (stem + 2, TRUE)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (inseparable_prefixes); i++)
    {
      const char *prefix = inseparable_prefixes[i];
      gsize len = strlen (prefix);
      const char *rest = stem + len;

      if (!g_str_has_prefix (stem, prefix) || strlen (rest) < 3)
        continue;
      /* A separable particle before an inseparable prefix: aanbesteed,
       * voorbereid; but not two particles without ge. */
      if (after_particle && len > 3)
        continue;
      if (HELDER_WORD_IN_SORTED (noun_heads, rest))
        continue;
      if (HELDER_WORD_IN_SORTED (past_bodies, rest))
        continue;
      if (strong_body (rest) || weak_body (rest, prefix[len - 1] == 'e'))
        return TRUE;
      /* her- before a whole participle: heroverwogen, heringericht */
      if (depth == 0 && g_str_equal (prefix, "her") &&
          looks_like_participle (rest, depth + 1))
        return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_participle (const char *word,
                       guint       depth)
{
  if (participle_stem (word, FALSE, depth))
    return TRUE;

  /* Separable verbs: vast|gesteld, bekend|gemaakt, toe|gezonden. */
  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    {
      const char *particle = particles[i].word;

      if ((particles[i].flags & HELDER_PARTICLE_PARTICIPLE) &&
          g_str_has_prefix (word, particle) &&
          strlen (word) > strlen (particle) + 3 &&
          participle_stem (word + strlen (particle), TRUE, depth))
        return TRUE;
    }

  return FALSE;
}

/**
 * helder_looks_like_participle:
 * @word: a word of lower-case letters
 *
 * Whether @word has the shape of a Dutch past participle: ge- or an
 * inseparable prefix with a weak stem or a strong participle, after an
 * optional separable particle.  Shape only: lexicalised adjectives such as
 * bekend are the caller's to keep out.
 */
gboolean
helder_looks_like_participle (const char *word)
{
  check_lists ();

  return looks_like_participle (word, 0);
}
