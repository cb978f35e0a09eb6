/* test-jargon.c: the officialese list in every inflection
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-jargon"

#include "config.h"

#include <string.h>

#include "text/helder-jargon.h"
#include "text/helder-tokenizer.h"

static HelderJargon *jargon;

static HelderJargon *
load_list (void)
{
  g_autoptr(HelderJargon) self = helder_jargon_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "jargon.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  helder_jargon_load_tsv (self, data, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&self);
}

typedef struct
{
  HelderJargon *jargon;
  GString      *out;
} FindData;

static void
find_in_sentence (const HelderSentenceView *view,
                  gpointer                  user_data)
{
  FindData *data = user_data;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HelderJargonMatch));
  int previous_last = -1;

  helder_jargon_match (data->jargon, view, matches);
  for (guint m = 0; m < matches->len; m++)
    {
      const HelderJargonMatch *match = &g_array_index (matches, HelderJargonMatch, m);
      const HelderToken *first = helder_sentence_view_token (view, match->first);
      const HelderToken *last = helder_sentence_view_token (view, match->last);

      g_assert_cmpuint (match->first, <=, match->last);
      g_assert_cmpuint (match->last, <, view->n);
      g_assert_cmpint ((int) match->first, >, previous_last);
      previous_last = match->last;

      if (data->out->len > 0)
        g_string_append (data->out, "; ");
      g_string_append_printf (data->out, "%.*s=%s", (int) (last->byte_end - first->byte_start),
                              view->text + first->byte_start,
                              helder_jargon_entry_get_phrase (match->entry));
    }
}

/* All matches in @text, sentence by sentence, as "words=phrase; ...".
 * Checks on the way that matches come in order and never overlap. */
static char *
find_in (HelderJargon *self,
         const char   *text)
{
  FindData data = { self, g_string_new (NULL) };

  helder_foreach_sentence (text, strlen (text), find_in_sentence, &data);
  return g_string_free (data.out, FALSE);
}

static char *
find (const char *text)
{
  return find_in (jargon, text);
}

#define assert_finds(text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find (text); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_load (void)
{
  g_autofree char *found = find ("Wij doen dit middels een brief.");

  g_assert_cmpuint (helder_jargon_get_n_entries (jargon), >=, 400);
  g_assert_cmpstr (found, ==, "middels=middels");
}

static void
test_entry (void)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HelderJargonMatch));
  const char *text = "Naar aanleiding van uw vraag.";
  char *lower[] = { "naar", "aanleiding", "van", "uw", "vraag", NULL };
  HelderSentenceView view;
  const HelderJargonMatch *m;
  const char * const *alternatives;

  helder_tokenize (text, strlen (text), tokens, sentences);
  g_assert_cmpuint (tokens->len, ==, 6);
  view = (HelderSentenceView) { text, (const HelderToken *) tokens->data, lower, 0, 6 };
  helder_jargon_match (jargon, &view, matches);

  g_assert_cmpuint (matches->len, ==, 1);
  m = &g_array_index (matches, HelderJargonMatch, 0);
  g_assert_cmpuint (m->first, ==, 0);
  g_assert_cmpuint (m->last, ==, 2);
  g_assert_cmpstr (helder_jargon_entry_get_phrase (m->entry), ==, "naar aanleiding van");
  alternatives = helder_jargon_entry_get_alternatives (m->entry);
  g_assert_nonnull (alternatives);
  g_assert_cmpstr (alternatives[0], ==, "na");
  g_assert_cmpuint (g_strv_length ((char **) alternatives), ==, 3);
  g_assert_cmpuint (strlen (helder_jargon_entry_get_explanation (m->entry)), >, 10);
}

static void
test_single_words (void)
{
  assert_finds ("Wij zijn thans gesloten.", "thans=thans");
  assert_finds ("Teneinde u te helpen, bellen wij u.", "Teneinde=teneinde");
  assert_finds ("Dat is een adequate oplossing.", "adequate=adequaat");
  assert_finds ("De knelpunten zijn bekend.", "knelpunten=knelpunt");
  assert_finds ("Dit zijn essentiële punten.", "essentiële=essentieel");
  assert_finds ("Het college heeft bevoegdheden.", "bevoegdheden=bevoegdheid");
  assert_finds ("Wij hanteren drie criteria.", "criteria=criterium");
  assert_finds ("De effectieve aanpak werkt.", "effectieve=effectief");
  assert_finds ("Er zijn geringe kosten.", "geringe=gering");
  assert_finds ("Voor alle locaties geldt dit.", "locaties=locatie");
  assert_finds ("Doe dit tijdig.", "tijdig=tijdig");
}

static void
test_verbs (void)
{
  assert_finds ("Wij prioriteren de aanvragen.", "prioriteren=prioriteren");
  assert_finds ("Hij prioriteert alles.", "prioriteert=prioriteren");
  assert_finds ("Zij prioriteerde het werk.", "prioriteerde=prioriteren");
  assert_finds ("Zij prioriteerden het werk.", "prioriteerden=prioriteren");
  assert_finds ("Het werk is geprioriteerd.", "geprioriteerd=prioriteren");
  assert_finds ("De geprioriteerde zaken gaan voor.", "geprioriteerde=prioriteren");
  assert_finds ("Prioriterend werken helpt.", "Prioriterend=prioriteren");
  assert_finds ("Het is een prioriterende aanpak.", "prioriterende=prioriteren");
  assert_finds ("Dat is lastig te prioriteren.", "te prioriteren=prioriteren");

  /* ge- before a vowel takes a diaeresis; without it is fine too */
  assert_finds ("Het plan is geëvalueerd.", "geëvalueerd=evalueren");
  assert_finds ("Het plan is geevalueerd.", "geevalueerd=evalueren");
  assert_finds ("Het plan wordt geëvalueerd.", "geëvalueerd=evalueren");
  assert_finds ("Wij hebben u geïnformeerd.", "geïnformeerd=informeren");
  assert_finds ("Dit zijn de gerealiseerde woningen.", "gerealiseerde=realiseren");
  assert_finds ("Dat is moeilijk te realiseren.", "te realiseren=realiseren");
  assert_finds ("De realiserende partij is bekend.", "realiserende=realiseren");
  assert_finds ("Hij realiseert het plan.", "realiseert=realiseren");

  /* unstressed prefixes take no ge- */
  assert_finds ("De gemeente verstrekt subsidie.", "verstrekt=verstrekken");
  assert_finds ("De verstrekte subsidie is op.", "verstrekte=verstrekken");
  assert_finds ("De vergunning is verleend.", "verleend=verlenen");
  assert_finds ("Het contract is beëindigd.", "beëindigd=beëindigen");
  assert_finds ("Wij hebben dit gecreëerd.", "gecreëerd=creëren");
  assert_finds ("De gemeente subsidieert dit.", "subsidieert=subsidiëren");
  assert_finds ("Het beleid wordt gehandhaafd.", "gehandhaafd=handhaven");
  assert_finds ("Het beoogde effect bleef uit.", "beoogde=beogen");
}

static void
test_strong_verbs (void)
{
  assert_finds ("Wij verzochten u te betalen.", "verzochten=verzoeken");
  assert_finds ("Ik heb u verzocht te betalen.", "verzocht=verzoeken");
  assert_finds ("Wij hebben vernomen dat u verhuist.", "vernomen=vernemen");
  assert_finds ("U verkreeg de vergunning.", "verkreeg=verkrijgen");
  assert_finds ("De vergunning is verkregen.", "verkregen=verkrijgen");
  assert_finds ("Het besluit is herroepen.", "herroepen=herroepen");
  assert_finds ("Het bestuur heeft dit heroverwogen.", "heroverwogen=heroverwegen");
  assert_finds ("Het betrof een klacht.", "betrof=betreffen");
  assert_finds ("De stichting is ontbonden.", "ontbonden=ontbinden");
}

static void
test_phrases (void)
{
  assert_finds ("Naar aanleiding van uw brief bellen wij u.", "Naar aanleiding van=naar aanleiding van");
  assert_finds ("Wij schrijven u met betrekking tot uw aanvraag.", "met betrekking tot=met betrekking tot");
  assert_finds ("U betaalt door middel van een formulier.", "door middel van=door middel van");
  assert_finds ("Wij zoeken naar natuurlijke personen.", "natuurlijke personen=natuurlijk persoon");
  assert_finds ("Mocht u vragen hebben, bel ons.", "Mocht u=mocht u");
  assert_finds ("U kiest wel en/of niet.", "en/of=en/of");
}

static void
test_verb_elsewhere (void)
{
  assert_finds ("Wij stellen de ruimte ter beschikking.", "ter beschikking=ter beschikking stellen");
  assert_finds ("De ruimte wordt ter beschikking gesteld.",
                "ter beschikking gesteld=ter beschikking stellen");
  assert_finds ("De ruimte zal ter beschikking worden gesteld.", "ter beschikking=ter beschikking stellen");
  assert_finds ("Wij willen de ruimte ter beschikking stellen.",
                "ter beschikking stellen=ter beschikking stellen");
  assert_finds ("Uw aanvraag is in behandeling genomen.", "in behandeling genomen=in behandeling nemen");
  assert_finds ("Wij nemen uw bezwaar in behandeling.", "in behandeling=in behandeling nemen");
  assert_finds ("Wij nemen dit spoedig in behandeling.", "spoedig=spoedig; in behandeling=in behandeling nemen");
  assert_finds ("Wij dragen zorg voor een goede afhandeling.", "dragen zorg voor=zorg dragen voor");
  assert_finds ("Wij dragen er zorg voor dat alles klopt.", "dragen er zorg voor=zorg dragen voor");
  assert_finds ("Wij zullen zorg dragen voor de afhandeling.", "zorg dragen voor=zorg dragen voor");
  assert_finds ("De wet trad op 1 januari in werking.", "in werking=in werking treden");
  assert_finds ("De regel is hier van toepassing.", "van toepassing=van toepassing zijn");
  assert_finds ("Wij hebben uw brief in goede orde ontvangen.",
                "in goede orde ontvangen=in goede orde ontvangen");
  /* "zich": the reflexive pronoun may stand between verb and rest */
  assert_finds ("U kunt zich wenden tot de balie.", "wenden tot=zich wenden tot");
  assert_finds ("Wendt u zich tot de balie.", "Wendt u zich tot=zich wenden tot");
  assert_finds ("Wend u tot de balie.", "Wend u tot=zich wenden tot");
  assert_finds ("U voldoet aan de eisen.", "voldoet aan=voldoen aan");
  assert_finds ("U dient het formulier te ondertekenen.", "dient=dienen te; te ondertekenen=ondertekenen");
  /* without its verb the phrase is no match, only the noun is */
  assert_finds ("De ruimte ter beschikking van de school is klein.", "beschikking=beschikking");
}

static void
test_separable (void)
{
  assert_finds ("Wij zenden u de stukken toe.", "zenden=toezenden");
  assert_finds ("Wij zenden u de stukken toe met een brief.", "zenden=toezenden");
  assert_finds ("De stukken zijn toegezonden.", "toegezonden=toezenden");
  assert_finds ("Wij zullen de stukken toezenden.", "toezenden=toezenden");
  assert_finds ("Wij vragen u de stukken toe te zenden.", "toe te zenden=toezenden");
  assert_finds ("Als u de stukken toezendt, helpt dat.", "toezendt=toezenden");
  assert_finds ("De bijeenkomst vindt plaats in het gemeentehuis.", "vindt plaats=plaatsvinden");
  assert_finds ("De bijeenkomst vindt morgen plaats.", "vindt=plaatsvinden");
  assert_finds ("De bijeenkomst heeft plaatsgevonden.", "plaatsgevonden=plaatsvinden");
  assert_finds ("Wij stellen, na overleg met u, de datum vast.", "stellen=vaststellen");
  assert_finds ("Wij gaan over tot invordering.", "gaan over tot=overgaan tot; invordering=invordering");
  assert_finds ("Dit brengt kosten met zich mee.", "met zich mee=met zich meebrengen");
  assert_finds ("Wij delen u mede dat de vergunning is verleend.",
                "delen u mede=mededelen; verleend=verlenen");
  assert_finds ("U dient het bezwaar in te dienen.", "dient=dienen te; in te dienen=indienen");
  /* a preposition, a noun or another verb's particle is no particle */
  assert_finds ("Wij gaan morgen aan de slag.", "");
  assert_finds ("Het moet goed te laten verlopen, ook na afloop.", "");
  assert_finds ("Leg uit wat we doen, spreek een vervolg af.", "");
  assert_finds ("Wij vinden de plaats mooi.", "");
}

static void
test_abbreviations (void)
{
  assert_finds ("Ik bel u m.b.t. uw aanvraag.", "m.b.t.=m.b.t.");
  assert_finds ("Een brief t.a.v. de directeur.", "t.a.v.=t.a.v.");
  assert_finds ("Bel ons, c.q. mail ons.", "c.q.=c.q.");
}

static void
test_house_style (void)
{
  g_autoptr(HelderJargon) local = load_list ();
  g_autofree char *found = NULL;
  g_autofree char *verbs = NULL;
  g_autofree char *replaced = NULL;
  const char *kliko[] = { "container", NULL };
  const char *via[] = { "via", "met", NULL };
  const char *request[] = { "vragen", NULL };
  const HelderJargonEntry *entry = NULL;
  guint n = helder_jargon_get_n_entries (local);

  /* a new entry */
  helder_jargon_add (local, "kliko", kliko, "Niet iedereen kent dit merk.");
  g_assert_cmpuint (helder_jargon_get_n_entries (local), ==, n + 1);
  found = find_in (local, "Zet de kliko's buiten. De kliko is vol.");
  g_assert_cmpstr (found, ==, "kliko's=kliko; kliko=kliko");

  /* a new verb gets its inflections too */
  helder_jargon_add (local, "aanvragen", request, NULL);
  verbs = find_in (local, "Vraag de pas aan. De pas is aangevraagd. U hoeft niets aan te vragen.");
  g_assert_cmpstr (verbs, ==, "Vraag=aanvragen; aangevraagd=aanvragen; aan te vragen=aanvragen");

  /* the same phrase replaces the entry */
  helder_jargon_add (local, "Middels", via, "Eigen uitleg.");
  g_assert_cmpuint (helder_jargon_get_n_entries (local), ==, n + 2);
  replaced = find_in (local, "Wij doen dit middels een brief.");
  g_assert_cmpstr (replaced, ==, "middels=Middels");

  {
    g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
    g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
    g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HelderJargonMatch));
    const char *text = "middels";
    char *lower[] = { "middels", NULL };
    HelderSentenceView view;

    helder_tokenize (text, strlen (text), tokens, sentences);
    view = (HelderSentenceView) { text, (const HelderToken *) tokens->data, lower, 0, 1 };
    helder_jargon_match (local, &view, matches);
    g_assert_cmpuint (matches->len, ==, 1);
    entry = g_array_index (matches, HelderJargonMatch, 0).entry;
  }
  g_assert_cmpstr (helder_jargon_entry_get_alternatives (entry)[0], ==, "via");
  g_assert_cmpstr (helder_jargon_entry_get_alternatives (entry)[1], ==, "met");
  g_assert_null (helder_jargon_entry_get_alternatives (entry)[2]);
  g_assert_cmpstr (helder_jargon_entry_get_explanation (entry), ==, "Eigen uitleg.");

  /* the shared list is untouched */
  assert_finds ("Zet de kliko buiten.", "");
}

static void
test_negatives (void)
{
  /* ordinary B1 text */
  assert_finds ("Wij gaan de straat opnieuw maken. Dat doen we in maart. "
                "U kunt dan niet met de auto voor uw huis staan. Heeft u vragen? Bel ons.", "");
  assert_finds ("Op maandag halen wij het afval op. Zet de container voor 7 uur aan de straat.", "");
  assert_finds ("Wij houden u op de hoogte. U krijgt binnen twee weken een brief.", "");
  assert_finds ("De bibliotheek is open van negen tot vijf. Kom gerust langs.", "");
  assert_finds ("Ik ga een keer uit eten. De man kijkt ons aan.", "");
  assert_finds ("U bent verplicht tot betaling van de rekening.", "");
  assert_finds ("Mijn dochter woont in Utrecht.", "");
  /* "door middel" without "van" */
  assert_finds ("Door middel kan het niet.", "");
  /* words that start with a jargon word */
  assert_finds ("Naderhand gingen wij naar huis. De notaris belt u. Het echtpaar is blij.", "");
  assert_finds ("Dit is een dakkapel aan de achterkant van het huis.", "");
}

static void
test_no_overlap (void)
{
  /* "beschikking" alone is an entry too: the longer match wins */
  assert_finds ("De ruimte wordt ter beschikking gesteld.",
                "ter beschikking gesteld=ter beschikking stellen");
  /* the verb of a phrase serves no second match */
  assert_finds ("Wij verlenen u toestemming.", "verlenen u toestemming=toestemming verlenen");
  assert_finds ("Wij verlenen hierbij toestemming.", "toestemming=toestemming verlenen");
  assert_finds ("Wij hebben u toestemming verleend.", "toestemming verleend=toestemming verlenen");
  /* find_in () checks order and overlap of every match */
  assert_finds ("Naar aanleiding van uw schrijven aangaande de vigerende parkeerregulering delen wij u "
                "mede dat het college teneinde de verkeersveiligheid te bevorderen heeft besloten om "
                "middels een verkeersbesluit de parkeerduur te limiteren, hetgeen derhalve impliceert "
                "dat belanghebbenden thans geen ontheffing meer kunnen verkrijgen.",
                "Naar aanleiding van=naar aanleiding van; uw schrijven=uw schrijven; "
                "aangaande=aangaande; vigerende=vigerend; delen wij u mede=mededelen; "
                "teneinde=teneinde; middels=middels; hetgeen=hetgeen; derhalve=derhalve; "
                "belanghebbenden=belanghebbende; thans=thans; ontheffing=ontheffing; "
                "verkrijgen=verkrijgen");
}

static void
test_malformed (void)
{
  g_autoptr(HelderJargon) local = helder_jargon_new ();
  g_autoptr(GError) error = NULL;
  const char *columns = "phrase\talternatives\texplanation\n"
                        "# a comment\n"
                        "middels\tmet\tStijf.\n"
                        "thans\tnu\n";
  const char *utf8 = "phrase\talternatives\texplanation\n"
                     "caf\xe9\tkoffie\tGeen UTF-8.\n";
  const char *empty = "phrase\talternatives\texplanation\n"
                      "\tmet\tGeen woord.\n";
  const char *good = "phrase\talternatives\texplanation\r\n"
                     "\r\n"
                     "middels\tmet | via\tStijf.\r\n";

  g_assert_false (helder_jargon_load_tsv (local, columns, strlen (columns), &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_cmpuint (helder_jargon_get_n_entries (local), ==, 0);
  g_clear_error (&error);

  g_assert_false (helder_jargon_load_tsv (local, utf8, strlen (utf8), &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  g_assert_false (helder_jargon_load_tsv (local, empty, strlen (empty), &error));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  g_assert_true (helder_jargon_load_tsv (local, good, strlen (good), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_jargon_get_n_entries (local), ==, 1);
}

/* About 5,000 words of officialese and plain text. */
static void
test_speed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *found = NULL;
  gint64 start, elapsed;
  guint words = 0;

  while (words < 5000)
    {
      g_string_append (text, "Naar aanleiding van uw schrijven stellen wij de ruimte ter beschikking. "
                             "Wij gaan de straat opnieuw maken, dat doen we in maart. "
                             "De werkzaamheden vinden plaats in de periode van mei tot juli. "
                             "Wij zenden u de stukken toe en verzoeken u de formulieren te ondertekenen. "
                             "Heeft u vragen? Bel ons dan gerust, wij helpen u graag verder.\n\n");
      words += 64;
    }
  start = g_get_monotonic_time ();
  found = find (text->str);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("5,000 words tokenized and matched in %.2f ms", elapsed / 1000.0);
  g_assert_nonnull (strstr (found, "ter beschikking"));
  /* Generous: well under 5 ms on an ordinary machine, with tokenizing. */
  g_assert_cmpint (elapsed, <, 100 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  jargon = load_list ();

  g_test_add_func ("/jargon/load", test_load);
  g_test_add_func ("/jargon/entry", test_entry);
  g_test_add_func ("/jargon/single-words", test_single_words);
  g_test_add_func ("/jargon/verbs", test_verbs);
  g_test_add_func ("/jargon/strong-verbs", test_strong_verbs);
  g_test_add_func ("/jargon/phrases", test_phrases);
  g_test_add_func ("/jargon/verb-elsewhere", test_verb_elsewhere);
  g_test_add_func ("/jargon/separable", test_separable);
  g_test_add_func ("/jargon/abbreviations", test_abbreviations);
  g_test_add_func ("/jargon/house-style", test_house_style);
  g_test_add_func ("/jargon/negatives", test_negatives);
  g_test_add_func ("/jargon/no-overlap", test_no_overlap);
  g_test_add_func ("/jargon/malformed", test_malformed);
  g_test_add_func ("/jargon/speed", test_speed);

  status = g_test_run ();
  helder_jargon_free (jargon);
  return status;
}
