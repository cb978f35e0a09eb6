/* test-passive.c: the Dutch passive-voice detector
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "text/helder-passive.h"
#include "text/helder-tokenizer.h"

/* The passives of every sentence of @text, with the words of each. */
typedef struct
{
  GPtrArray *descriptions;  /* "aux+participle", one per passive */
  GArray    *passives;      /* HelderPassive, of all sentences */
  GPtrArray *words;         /* per passive: the sentence's words (GStrv) */
} Result;

static void
result_free (Result *result)
{
  g_ptr_array_unref (result->descriptions);
  g_array_unref (result->passives);
  g_ptr_array_unref (result->words);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
collect_passives (const HelderSentenceView *sentence,
                  gpointer                  user_data)
{
  Result *result = user_data;
  const HelderSentenceView *view = sentence;
  guint before = result->passives->len;

  helder_find_passives (view, result->passives);
  for (guint k = before; k < result->passives->len; k++)
    {
      const HelderPassive *passive = &g_array_index (result->passives, HelderPassive, k);
      GStrvBuilder *builder = g_strv_builder_new ();

      g_assert_cmpuint (passive->first, <=, passive->last);
      g_assert_cmpuint (passive->last, <, view->n);
      g_assert_cmpuint (passive->first, ==, MIN (passive->auxiliary, passive->participle));
      g_assert_cmpuint (passive->last, ==, MAX (passive->auxiliary, passive->participle));

      for (guint w = 0; w < view->n; w++)
        {
          const char *word = helder_sentence_view_word (view, w);

          g_strv_builder_add (builder, word != NULL ? word : "");
        }
      g_ptr_array_add (result->words, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);

      g_ptr_array_add (result->descriptions,
                       g_strdup_printf ("%s+%s%s",
                                        helder_sentence_view_word (view, passive->auxiliary),
                                        helder_sentence_view_word (view, passive->participle),
                                        passive->impersonal ? " (impersonal)" : ""));
    }
}

static Result *
analyse (const char *text)
{
  Result *result = g_new0 (Result, 1);

  result->descriptions = g_ptr_array_new_with_free_func (g_free);
  result->passives = g_array_new (FALSE, FALSE, sizeof (HelderPassive));
  result->words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  helder_foreach_sentence (text, strlen (text), collect_passives, result);

  return result;
}

/* "wordt+afgesloten, was+ingevuld" or "" */
static char *
describe (const char *text)
{
  g_autoptr(Result) result = analyse (text);

  g_ptr_array_add (result->descriptions, NULL);
  return g_strjoinv (", ", (char **) result->descriptions->pdata);
}

#define assert_passives(text, expected) \
  G_STMT_START { \
    g_autofree char *got__ = describe (text); \
    g_assert_cmpstr (got__, ==, expected); \
  } G_STMT_END

/* The labelled set */

static void
test_labelled_set (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "text", "passive.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint true_pos = 0, false_pos = 0, false_neg = 0, total = 0;
  double precision, recall;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "label\tsentence"));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(Result) result = NULL;
      gboolean expected, predicted;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_nonnull (fields[1]);
      g_assert_true (g_str_equal (fields[0], "passive") || g_str_equal (fields[0], "active"));

      expected = g_str_equal (fields[0], "passive");
      result = analyse (fields[1]);
      predicted = result->passives->len > 0;
      total++;

      if (expected && predicted)
        true_pos++;
      else if (predicted)
        {
          false_pos++;
          g_test_message ("false positive: %s [%s]", fields[1],
                          (char *) g_ptr_array_index (result->descriptions, 0));
        }
      else if (expected)
        {
          false_neg++;
          g_test_message ("missed: %s", fields[1]);
        }
    }

  g_assert_cmpuint (total, >=, 150);
  precision = true_pos / (double) MAX (true_pos + false_pos, 1);
  recall = true_pos / (double) MAX (true_pos + false_neg, 1);
  g_test_message ("%u sentences: precision %.3f, recall %.3f (%u true, %u false positives, %u missed)",
                  total, precision, recall, true_pos, false_pos, false_neg);
  g_assert_cmpfloat (precision, >=, 0.9);
  g_assert_cmpfloat (recall, >=, 0.9);
}

/* Participles */

static void
test_participle_morphology (void)
{
  const char *participles[] = {
    /* ge- with -d or -t, 't kofschip */
    "gemaakt", "gewerkt", "gebouwd", "gestemd", "gepraat", "gezet", "geplant",
    "gestart", "geopend", "getekend", "geïnformeerd", "geëvalueerd", "geregeld",
    /* inseparable prefixes */
    "betaald", "beoordeeld", "verleend", "vernieuwd", "ontwikkeld", "herkend",
    "erkend", "hersteld", "ondertekend", "berekend", "gebruikt", "verkocht",
    "onderzocht", "voltooid", "misbruikt", "overhandigd",
    /* separable verbs */
    "aangelegd", "opgehaald", "vastgesteld", "goedgekeurd", "bekendgemaakt",
    "vrijgegeven", "toegekend", "ingediend", "omgeleid", "aanbesteed",
    "voorbereid", "teleurgesteld", "tentoongesteld",
    /* strong and irregular */
    "geschreven", "gesloten", "gegeven", "genomen", "gedaan", "gezien",
    "gebracht", "besproken", "afgesloten", "toegezonden", "ontvangen",
    "vervangen", "opgebroken", "ontworpen", "aangeboden", "vergeten",
    "begonnen", "overleden", "vergeleken", "uitgegeven", "aanvaard",
    "aangeraden", "heroverwogen",
    /* stems in v and z: -fd, -sd */
    "gedoofd", "gehandhaafd", "verhuisd", "gereisd",
    /* participles of zijn, hebben, worden */
    "geweest", "gehad", "geworden",
  };
  const char *others[] = {
    /* nouns, adjectives and verb forms of the same shape */
    "gebied", "gezicht", "gewicht", "geluid", "bericht", "besluit", "verband",
    "beleid", "buitengebied", "misverstand", "weerbericht", "herfst", "erfgoed",
    "gezond", "bekend", "gereed", "bereid", "verkeerd", "ingewikkeld", "bewust",
    "geleden", "volwassen",
    /* present tense and present participles */
    "gebeurt", "betaalt", "verandert", "verdient", "geeft", "geldt", "bewaart",
    "verschillend", "ontbrekend", "volgend", "bestaand", "voorafgaand",
    /* infinitives, inflected forms, function words */
    "gebruiken", "geven", "gevolgen", "ingevulde", "gesloten e", "omdat",
    "geworden x", "gemeente", "belangrijk", "duidelijk", "geld", "geit",
    "ergens", "eruit", "te", "", "benauwd", "achterhoofd", "eredienst",
    "begrotingsoverschot", "herkomst", "voorbeeld", "uitgangspunt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (participles); i++)
    if (!helder_is_participle (participles[i]))
      g_error ("“%s” should be a participle", participles[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (helder_is_participle (others[i]))
      g_error ("“%s” should not be a participle", others[i]);
}

/* Matches */

static void
test_indices (void)
{
  g_autoptr(Result) main_clause = analyse ("De weg wordt volgende week afgesloten.");
  g_autoptr(Result) subordinate = analyse ("Ik weet niet of de brief al verstuurd is.");
  g_autoptr(Result) two = analyse ("De aanvraag werd afgewezen omdat het formulier niet volledig was ingevuld.");
  const HelderPassive *p;

  g_assert_cmpuint (main_clause->passives->len, ==, 1);
  p = &g_array_index (main_clause->passives, HelderPassive, 0);
  g_assert_cmpuint (p->auxiliary, ==, 2);
  g_assert_cmpuint (p->participle, ==, 5);
  g_assert_cmpuint (p->first, ==, 2);
  g_assert_cmpuint (p->last, ==, 5);
  g_assert_false (p->impersonal);

  g_assert_cmpuint (subordinate->passives->len, ==, 1);
  p = &g_array_index (subordinate->passives, HelderPassive, 0);
  g_assert_cmpuint (p->participle, ==, 7);
  g_assert_cmpuint (p->auxiliary, ==, 8);
  g_assert_cmpuint (p->first, ==, 7);
  g_assert_cmpuint (p->last, ==, 8);

  g_assert_cmpuint (two->passives->len, ==, 2);
  p = &g_array_index (two->passives, HelderPassive, 0);
  g_assert_cmpuint (p->auxiliary, ==, 2);
  g_assert_cmpuint (p->participle, ==, 3);
  p = &g_array_index (two->passives, HelderPassive, 1);
  g_assert_cmpuint (p->auxiliary, ==, 9);
  g_assert_cmpuint (p->participle, ==, 10);
  g_assert_cmpstr (((char **) g_ptr_array_index (two->words, 1))[10], ==, "ingevuld");
}

static void
test_worden_and_zijn (void)
{
  assert_passives ("Het afval wordt elke dinsdag opgehaald.", "wordt+opgehaald");
  assert_passives ("De brieven werden gisteren door de griffier verstuurd.", "werden+verstuurd");
  assert_passives ("Ik word morgen gebeld door de wijkagent.", "word+gebeld");
  assert_passives ("Het besluit is genomen.", "is+genomen");
  assert_passives ("De vergunningen waren al verleend.", "waren+verleend");
  assert_passives ("U bent uitgenodigd voor de bijeenkomst.", "bent+uitgenodigd");
  assert_passives ("Het voorstel werd uitgebreid besproken in de commissie.", "werd+besproken");
  assert_passives ("De weg wordt, als alles meezit, volgende week afgesloten.", "wordt+afgesloten");
  assert_passives ("De weg wordt in maart en april afgesloten.", "wordt+afgesloten");
  assert_passives ("Daar is niet aan gedacht.", "is+gedacht (impersonal)");
  assert_passives ("De regels zijn door de raad veranderd.", "zijn+veranderd");
  assert_passives ("Zijn laatste roman werd goed ontvangen.", "werd+ontvangen");
  assert_passives ("Wees gewaarschuwd.", "wees+gewaarschuwd");
  assert_passives ("De parkeerplaatsen worden vanaf maandag (na de markt) weer vrijgegeven.",
                   "worden+vrijgegeven");
}

static void
test_geworden (void)
{
  /* worden as main verb in the perfect, unless a participle is there */
  assert_passives ("Het plan is door de raad aangenomen geworden.", "is+aangenomen");
  assert_passives ("Het plan is na de inspraakavond veel beter geworden.", "");
  assert_passives ("Hij is burgemeester geworden.", "");
}

static void
test_impersonal (void)
{
  assert_passives ("Er wordt in de raad veel gepraat over de begroting.", "wordt+gepraat (impersonal)");
  assert_passives ("Tijdens de vergadering werd er ook gestemd.", "werd+gestemd (impersonal)");
  assert_passives ("In de brief wordt gevraagd om voor 1 mei te reageren.", "wordt+gevraagd (impersonal)");
  assert_passives ("Er is gisteren lang vergaderd.", "is+vergaderd (impersonal)");
  assert_passives ("Er worden dit najaar honderd bomen geplant.", "worden+geplant");
  assert_passives ("Er wordt een bos bloemen gegeven.", "wordt+gegeven");
  assert_passives ("Het zwembad wordt gesloten.", "wordt+gesloten");
  assert_passives ("Er wordt geld ingezameld voor de voedselbank.", "wordt+ingezameld");
  assert_passives ("Dat moet goed geregeld worden.", "worden+geregeld");
  assert_passives ("De brief, die op 3 mei is verstuurd, is niet ontvangen.",
                   "is+verstuurd, is+ontvangen");
}

static void
test_modals (void)
{
  assert_passives ("Het bedrag moet binnen dertig dagen worden betaald.", "worden+betaald");
  assert_passives ("Een parkeervergunning kan online worden aangevraagd.", "worden+aangevraagd");
  assert_passives ("De afvalkalender zal in december worden verstuurd.", "worden+verstuurd");
  assert_passives ("Dit formulier moet door beide ouders ondertekend worden.", "worden+ondertekend");
  assert_passives ("Er moet nog veel worden gedaan.", "worden+gedaan (impersonal)");
  assert_passives ("Het formulier dient ingevuld te worden.", "worden+ingevuld");
  assert_passives ("U kunt de vergunning online aanvragen.", "");
  assert_passives ("Hij wil graag burgemeester worden.", "");
}

static void
test_subordinate_clauses (void)
{
  assert_passives ("Omdat de straat wordt opgebroken, rijdt de bus een andere route.", "wordt+opgebroken");
  assert_passives ("Omdat de straat opgebroken wordt, rijdt de bus een andere route.", "wordt+opgebroken");
  assert_passives ("We hebben gehoord dat het geld is uitgegeven.", "is+uitgegeven");
  assert_passives ("We hebben gehoord dat het geld al uitgegeven is.", "is+uitgegeven");
  assert_passives ("Het is de vraag of de brug op tijd gerepareerd kan worden.", "worden+gerepareerd");
  assert_passives ("De brief die gisteren verstuurd is, komt morgen aan.", "is+verstuurd");
  assert_passives ("Als het formulier niet op tijd ingeleverd wordt, vervalt uw aanvraag.", "wordt+ingeleverd");
  assert_passives ("Zij weet niet of er al gestemd is.", "is+gestemd (impersonal)");
}

static void
test_negatives (void)
{
  /* copular worden and zijn */
  assert_passives ("Na de uitleg wordt het plan duidelijk.", "");
  assert_passives ("De lantaarnpaal is goed zichtbaar vanaf de weg.", "");
  assert_passives ("De kosten worden hoger dan verwacht.", "");
  assert_passives ("Het is nog niet bekend wanneer de raad vergadert.", "");
  assert_passives ("Het is te ingewikkeld voor de meeste inwoners.", "");
  /* worden as main verb */
  assert_passives ("Hij wordt burgemeester.", "");
  assert_passives ("Het wordt een mooie dag.", "");
  assert_passives ("De wethouder is vorige week ziek geworden.", "");
  /* perfect with zijn */
  assert_passives ("De bus is te laat gekomen.", "");
  assert_passives ("Er is een ongeluk gebeurd.", "");
  assert_passives ("Uw brief is niet aangekomen.", "");
  assert_passives ("De regels zijn veranderd.", "");
  assert_passives ("De politie onderzoekt hoe het ongeluk gebeurd is.", "");
  assert_passives ("De kosten zijn flink opgelopen.", "");
  /* state of mind */
  assert_passives ("De bewoners zijn bezorgd over de verkeersveiligheid.", "");
  assert_passives ("U bent verplicht om een paspoort mee te nemen.", "");
  assert_passives ("Het bedrijf is gevestigd in Hillegom.", "");
  /* active perfects and attributive participles */
  assert_passives ("De gemeente heeft het besluit genomen.", "");
  assert_passives ("Hij heeft zijn fiets gerepareerd.", "");
  assert_passives ("De gesloten deur zorgde voor verwarring.", "");
  assert_passives ("Het is een gegeven.", "");
  assert_passives ("Het pakket is te ontvangen bij de balie.", "");
  assert_passives ("Het is koud, de gemeente heeft gestrooid.", "");
  assert_passives ("Hij was met zijn gebroken been naar huis gegaan.", "");
  assert_passives ("De buurman werd boos over de drukte in zijn straat.", "");
  assert_passives ("Het is een goed georganiseerd evenement.", "");
  assert_passives ("De parkeerplaatsen zijn beperkt beschikbaar.", "");
  assert_passives ("Het dak is door de storm beschadigd geraakt.", "");
  assert_passives ("Ik ben mijn sleutels kwijtgeraakt.", "");
  assert_passives ("Het werd benauwd in de zaal.", "");
  assert_passives ("Het glas is gebroken.", "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/passive/labelled-set", test_labelled_set);
  g_test_add_func ("/passive/participles", test_participle_morphology);
  g_test_add_func ("/passive/indices", test_indices);
  g_test_add_func ("/passive/worden-zijn", test_worden_and_zijn);
  g_test_add_func ("/passive/geworden", test_geworden);
  g_test_add_func ("/passive/impersonal", test_impersonal);
  g_test_add_func ("/passive/modals", test_modals);
  g_test_add_func ("/passive/subordinate", test_subordinate_clauses);
  g_test_add_func ("/passive/negatives", test_negatives);

  return g_test_run ();
}
