/* helder-passive.c: passive constructions in Dutch sentences
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-passive"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helder-passive.h"

/* A passive is a form of worden or zijn with a past participle in the same
 * clause: "De weg wordt afgesloten", "Het besluit is genomen", "dat de
 * brief verstuurd is", "kan worden aangevraagd", "Er wordt gestemd".
 *
 * There is no part-of-speech tagger behind this, so the detector leans on
 * closed word classes (auxiliaries, modals, prepositions, determiners,
 * conjunctions) and on the shape of Dutch participles:
 *
 *  - Participles are recognised by morphology: an optional separable
 *    particle (aan, op, toe, vast, bekend, ...), then ge- or an
 *    inseparable prefix (be-, ver-, ont-, her-, onder-, ...), then either
 *    a weak stem with -d/-t that passes some spelling checks (geeft,
 *    gebeurt and betaalt are verb forms, verschillend is a present
 *    participle, herfst has no Dutch onset) or the form of a strong verb
 *    from a list of about 170 (gesloten gives afgesloten and besloten;
 *    gesproken gives besproken).  Lists of lexicalised adjectives
 *    (bekend, gezond, bereid, ingewikkeld), present-tense forms (betreft,
 *    bestaat) and nouns of the same shape (gebied, bericht, verband, also
 *    as compound heads: buitengebied) keep those out.
 *
 *  - With zijn, the participle of a verb that forms its perfect with zijn
 *    is an active perfect (about 150: gekomen, gestegen, overleden,
 *    verdwenen; particle compounds of komen, gaan, vallen, lopen, blijven
 *    and raken such as aangekomen inherit this).  About 30 are both
 *    (veranderd, gestopt, verhuisd, hersteld, gebroken): active unless an
 *    agent with door is present, "De regels zijn door de raad veranderd".
 *    About 80 participles are adjectives of state after zijn: states of
 *    mind (bezorgd, verbaasd, geïnteresseerd, teleurgesteld) and a few
 *    lexicalised ones (verplicht, gevestigd, geboren, betrokken, gelegen,
 *    beperkt); again passive with door ("was verrast door").  After worden
 *    they are passive ("worden betrokken"), except verslaafd, opgewonden
 *    and gespannen.  Other states of transitive verbs count as passives,
 *    as the zijn-passive is defined: "is gesloten", "is toegestaan", "is
 *    bedoeld voor".
 *
 *  - A participle after a determiner, or after a preposition, numeral or
 *    demonstrative and before a noun, is attributive ("de gesloten deur",
 *    "met gesloten ogen", "een goed georganiseerd evenement"); after te it
 *    is an infinitive ("is te ontvangen"); after zoals, als or dan it is
 *    an elliptic clause ("hoger dan verwacht"); before an adjective it is
 *    an adverb ("beperkt beschikbaar").
 *
 *  - Clauses end at subordinators (omdat, terwijl, waarom), at dat, die,
 *    als, of and toen when a clause follows them, at want and om ... te,
 *    and at punctuation other than commas.  The search from an auxiliary
 *    goes on over a comma, en, of and maar only while no new clause shows
 *    (a verb form, a subject pronoun, er, or after a comma a determiner),
 *    and skips an aside (", als alles meezit,", "(na de markt)").
 *
 *  - The participle follows the auxiliary ("wordt ... afgesloten"), or
 *    comes right before the verb cluster at the end of a subordinate
 *    clause ("omdat de straat opgebroken wordt", "of de brug gerepareerd
 *    kan worden") or before an infinitive worden or zijn after a modal
 *    ("moet ondertekend worden").  Forms of worden claim their participle
 *    before forms of zijn; possessive zijn ("Zijn roman werd ...", "met
 *    zijn fiets") and a clause with hebben ("heeft zijn fiets
 *    gerepareerd") are no passives.
 *
 *  - A passive is impersonal when the finite verb is singular and no
 *    subject shows: after er, or in the whole clause when there is no er,
 *    no word outside a prepositional phrase starts a noun phrase ("Er
 *    wordt in de raad veel gepraat", "In de brief wordt gevraagd").
 *
 * "zijn ... geworden" needs a participle as well ("is gemaakt geworden");
 * with an adjective it is the main verb worden ("is ziek geworden"). */

typedef struct
{
  const char *word;
  guint32     flags;
} WordInfo;

enum
{
  PARTICIPLE_UNACCUSATIVE = 1 << 0, /* perfect with zijn: gekomen */
  PARTICIPLE_AMBIGUOUS    = 1 << 1, /* with zijn also passive, given door: veranderd */
  PARTICIPLE_INHERITED    = 1 << 2, /* so are particle compounds: aangekomen */
  PARTICIPLE_STATE        = 1 << 3, /* adjective after zijn: bezorgd */
  PARTICIPLE_COPULAR      = 1 << 4, /* adjective after worden too: verslaafd */
  PARTICIPLE_TRANSITIVE   = 1 << 5, /* no inheritance: aangevallen */
};

enum
{
  WORD_WORDEN             = 1 << 0,
  WORD_ZIJN               = 1 << 1,
  WORD_CLUSTER            = 1 << 2,  /* geworden, geweest */
  WORD_MODAL              = 1 << 3,  /* and other verbs with an infinitive */
  WORD_HEBBEN             = 1 << 4,
  WORD_VERB               = 1 << 5,  /* other common verb forms */
  WORD_FINITE             = 1 << 6,
  WORD_PLURAL             = 1 << 7,  /* finite plural or infinitive */
  WORD_PREPOSITION        = 1 << 8,
  WORD_DETERMINER         = 1 << 9,  /* de, een, uw: always before a noun */
  WORD_DEMONSTRATIVE      = 1 << 10, /* het, die, zijn: determiner or pronoun */
  WORD_PRONOUN            = 1 << 11, /* subject pronouns */
  WORD_SUBORDINATOR       = 1 << 12, /* omdat, terwijl, waarom */
  WORD_MAYBE_SUBORDINATOR = 1 << 13, /* als, of, toen, dat, die */
  WORD_COORDINATOR        = 1 << 14,
  WORD_ADVERB             = 1 << 15,
  WORD_NUMERAL            = 1 << 16,
  WORD_NOUN_PHRASE        = 1 << 17, /* iets, niemand, wat */
};

#define WORD_VERBISH (WORD_WORDEN | WORD_ZIJN | WORD_MODAL | WORD_HEBBEN | WORD_VERB)

/* Word lists, sorted by byte value for bsearch() */

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

/* Separable particles: aan|gelegd, vast|gesteld, bekend|gemaakt. */
static const char * const particles[] = {
  "aan", "aaneen", "achter", "achterna", "achteruit", "af", "bekend", "bij",
  "bijeen", "binnen", "bloot", "boven", "buiten", "deel", "dicht", "dood",
  "door", "dooreen", "droog", "fijn", "fout", "gade", "gelijk", "gerust",
  "glad", "goed", "groot", "heen", "hoog", "in", "ineen", "kaal", "kapot",
  "kennis", "klaar", "kwijt", "laag", "lam", "leeg", "lief", "los", "mede",
  "mee", "mis", "na", "neer", "om", "omhoog", "omlaag", "omver", "onder", "op",
  "opeen", "open", "over", "overeen", "plaats", "plat", "recht", "rond",
  "samen", "scheef", "schoon", "stil", "stop", "stuk", "tegemoet", "tegen",
  "tekort", "teleur", "teniet", "tentoon", "terecht", "terug", "teweeg",
  "tewerk", "thuis", "toe", "tussen", "uit", "uiteen", "vast", "veilig",
  "verder", "vol", "voor", "vooraf", "voorbij", "voorop", "voort", "vooruit",
  "vrij", "weer", "weg", "wit", "zeker", "zwart",
};

/* Lexicalised adjectives, verb forms and nouns with the shape of a
 * participle. */
static const char * const never_participles[] = {
  "aangezien", "achterhouden", "achterkomen", "achterlaten", "achteruit",
  "afgelegen", "bedaard", "bedraagt", "bedragen", "begint", "begrijpt",
  "behoeft", "bejaard", "bekend", "belezen", "belooft", "benauwd", "benieuwd",
  "bereid", "beroemd", "beroerd", "berucht", "beschaafd", "bescheiden",
  "beschonken", "bespreekt", "bestaan", "bestaat", "betreft", "beurt", "bevat",
  "beveelt", "bevlogen", "bevoegd", "bewust", "bezit", "bezoekt", "bezopen",
  "doorgaan", "doorgeven", "doorkomen", "doorlezen", "ernaast", "eruit",
  "gebiedt", "gedraagt", "geducht", "geldt", "geleden", "gemiddeld", "geniet",
  "gepast", "gereed", "gerenommeerd", "gerust", "geschikt", "gewend",
  "gewiekst", "gewoon", "gezant", "gezond", "herroept", "ingetogen",
  "ingewikkeld", "misdragen", "misgaan", "omelet", "omgaan", "omkomen",
  "omvallen", "ondergoed", "onderkomen", "onderneemt", "onderuit",
  "onderzoekt", "ontbreekt", "ontstaat", "ontvangt", "opgetogen", "overdragen",
  "overeind", "overgaan", "overgeven", "overlaten", "verbiedt", "verbindt",
  "verdwijnt", "vergeet", "vergelijkt", "verheven", "verkeerd", "verkoopt",
  "verleden", "verlegen", "verliefd", "verloopt", "vermogen", "verscheiden",
  "verschijnt", "verstaat", "vertrekt", "verwaand", "verwant", "verzoekt",
  "voldoet", "volhouden", "volkomen", "volstrekt", "volwassen", "voorgaan",
  "voorgeven", "voorgoed", "voorlezen", "voorraden", "voorruit",
  "voortbestaan", "vooruit",
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

/* How participles behave after zijn and worden.  The unaccusative ones
 * form their perfect with zijn; PARTICIPLE_STATE ones are adjectives after
 * zijn (bezorgd, verplicht: a choice, see above). */
static const WordInfo participle_info[] = {
  { "aangegaan", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "aangereden", PARTICIPLE_TRANSITIVE },
  { "aangevallen", PARTICIPLE_TRANSITIVE },
  { "afgebrand", PARTICIPLE_UNACCUSATIVE },
  { "afgekoeld", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "afgenomen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "afgereisd", PARTICIPLE_UNACCUSATIVE },
  { "afgestudeerd", PARTICIPLE_UNACCUSATIVE },
  { "afgetreden", PARTICIPLE_UNACCUSATIVE },
  { "bedorven", PARTICIPLE_UNACCUSATIVE },
  { "bedreven", PARTICIPLE_STATE },
  { "bedroefd", PARTICIPLE_STATE },
  { "begaafd", PARTICIPLE_STATE },
  { "begaan", PARTICIPLE_STATE },
  { "begonnen", PARTICIPLE_UNACCUSATIVE },
  { "bekommerd", PARTICIPLE_STATE },
  { "beland", PARTICIPLE_UNACCUSATIVE },
  { "beledigd", PARTICIPLE_STATE },
  { "beleefd", PARTICIPLE_STATE },
  { "benodigd", PARTICIPLE_STATE },
  { "beperkt", PARTICIPLE_STATE },
  { "beschaamd", PARTICIPLE_STATE },
  { "betrokken", PARTICIPLE_STATE },
  { "bevallen", PARTICIPLE_UNACCUSATIVE },
  { "bevroren", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "bezeten", PARTICIPLE_STATE },
  { "bezorgd", PARTICIPLE_STATE },
  { "bezweken", PARTICIPLE_UNACCUSATIVE },
  { "doodgebloed", PARTICIPLE_UNACCUSATIVE },
  { "ervaren", PARTICIPLE_STATE },
  { "gebeurd", PARTICIPLE_UNACCUSATIVE },
  { "gebleken", PARTICIPLE_UNACCUSATIVE },
  { "gebleven", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "geboeid", PARTICIPLE_STATE },
  { "geboren", PARTICIPLE_STATE },
  { "gebroken", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gedaald", PARTICIPLE_UNACCUSATIVE },
  { "gedateerd", PARTICIPLE_STATE },
  { "gedemotiveerd", PARTICIPLE_STATE },
  { "gediplomeerd", PARTICIPLE_STATE },
  { "gedreven", PARTICIPLE_STATE },
  { "gefascineerd", PARTICIPLE_STATE },
  { "gefietst", PARTICIPLE_UNACCUSATIVE },
  { "gefrustreerd", PARTICIPLE_STATE },
  { "gegaan", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gegleden", PARTICIPLE_UNACCUSATIVE },
  { "gegroeid", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gehaast", PARTICIPLE_STATE },
  { "gehalveerd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gehandicapt", PARTICIPLE_STATE },
  { "gehecht", PARTICIPLE_STATE },
  { "gekelderd", PARTICIPLE_UNACCUSATIVE },
  { "geklommen", PARTICIPLE_UNACCUSATIVE },
  { "geknapt", PARTICIPLE_UNACCUSATIVE },
  { "gekomen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gekrompen", PARTICIPLE_UNACCUSATIVE },
  { "gekropen", PARTICIPLE_UNACCUSATIVE },
  { "gekwalificeerd", PARTICIPLE_STATE },
  { "gekwetst", PARTICIPLE_STATE },
  { "geland", PARTICIPLE_UNACCUSATIVE },
  { "gelegen", PARTICIPLE_STATE },
  { "geliefd", PARTICIPLE_STATE },
  { "gelopen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gelukt", PARTICIPLE_UNACCUSATIVE },
  { "gemotiveerd", PARTICIPLE_STATE },
  { "genaderd", PARTICIPLE_UNACCUSATIVE },
  { "geneigd", PARTICIPLE_STATE },
  { "genezen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "genoodzaakt", PARTICIPLE_STATE },
  { "genormaliseerd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gepasseerd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gepensioneerd", PARTICIPLE_STATE },
  { "gepromoveerd", PARTICIPLE_UNACCUSATIVE },
  { "geraakt", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gerechtigd", PARTICIPLE_STATE },
  { "gereden", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gereisd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gerend", PARTICIPLE_UNACCUSATIVE },
  { "gerijpt", PARTICIPLE_UNACCUSATIVE },
  { "gescheiden", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gescheurd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "geschied", PARTICIPLE_UNACCUSATIVE },
  { "geschokt", PARTICIPLE_STATE },
  { "geslaagd", PARTICIPLE_UNACCUSATIVE },
  { "gesmolten", PARTICIPLE_UNACCUSATIVE },
  { "gesneuveld", PARTICIPLE_UNACCUSATIVE },
  { "gespannen", PARTICIPLE_STATE | PARTICIPLE_COPULAR },
  { "gespecialiseerd", PARTICIPLE_STATE },
  { "gesprongen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gestabiliseerd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gestapt", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gestart", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gestegen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gestikt", PARTICIPLE_UNACCUSATIVE },
  { "gestopt", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gestorven", PARTICIPLE_UNACCUSATIVE },
  { "gestrand", PARTICIPLE_UNACCUSATIVE },
  { "gestrest", PARTICIPLE_STATE },
  { "gestruikeld", PARTICIPLE_UNACCUSATIVE },
  { "getrouwd", PARTICIPLE_UNACCUSATIVE },
  { "gevallen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gevaren", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gevestigd", PARTICIPLE_STATE },
  { "gevlogen", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gevlucht", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_INHERITED },
  { "gevolgd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "gewaagd", PARTICIPLE_STATE },
  { "gewandeld", PARTICIPLE_UNACCUSATIVE },
  { "gewenst", PARTICIPLE_STATE },
  { "gewild", PARTICIPLE_STATE },
  { "gewond", PARTICIPLE_STATE },
  { "geworden", PARTICIPLE_UNACCUSATIVE },
  { "gezakt", PARTICIPLE_UNACCUSATIVE },
  { "gezonken", PARTICIPLE_UNACCUSATIVE },
  { "gezwommen", PARTICIPLE_UNACCUSATIVE },
  { "geëindigd", PARTICIPLE_UNACCUSATIVE },
  { "geëmigreerd", PARTICIPLE_UNACCUSATIVE },
  { "geëmotioneerd", PARTICIPLE_STATE },
  { "geërgerd", PARTICIPLE_STATE },
  { "geëscaleerd", PARTICIPLE_UNACCUSATIVE },
  { "geëvolueerd", PARTICIPLE_UNACCUSATIVE },
  { "geëxplodeerd", PARTICIPLE_UNACCUSATIVE },
  { "geïmmigreerd", PARTICIPLE_UNACCUSATIVE },
  { "geïnteresseerd", PARTICIPLE_STATE },
  { "geïrriteerd", PARTICIPLE_STATE },
  { "hersteld", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "hertrouwd", PARTICIPLE_UNACCUSATIVE },
  { "ingeslapen", PARTICIPLE_UNACCUSATIVE },
  { "ingestort", PARTICIPLE_UNACCUSATIVE },
  { "ingetreden", PARTICIPLE_UNACCUSATIVE },
  { "meegevallen", PARTICIPLE_UNACCUSATIVE },
  { "mislukt", PARTICIPLE_UNACCUSATIVE },
  { "nagegaan", PARTICIPLE_TRANSITIVE },
  { "nagelopen", PARTICIPLE_TRANSITIVE },
  { "omgekomen", PARTICIPLE_UNACCUSATIVE },
  { "ontbrand", PARTICIPLE_UNACCUSATIVE },
  { "ontdooid", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "ontgaan", PARTICIPLE_UNACCUSATIVE },
  { "ontglipt", PARTICIPLE_UNACCUSATIVE },
  { "ontkomen", PARTICIPLE_UNACCUSATIVE },
  { "ontmoedigd", PARTICIPLE_STATE },
  { "ontploft", PARTICIPLE_UNACCUSATIVE },
  { "ontroerd", PARTICIPLE_STATE },
  { "ontschoten", PARTICIPLE_UNACCUSATIVE },
  { "ontsnapt", PARTICIPLE_UNACCUSATIVE },
  { "ontspannen", PARTICIPLE_STATE },
  { "ontstaan", PARTICIPLE_UNACCUSATIVE },
  { "ontsteld", PARTICIPLE_STATE },
  { "ontvallen", PARTICIPLE_UNACCUSATIVE },
  { "ontwaakt", PARTICIPLE_UNACCUSATIVE },
  { "ontzet", PARTICIPLE_STATE },
  { "opgebrand", PARTICIPLE_UNACCUSATIVE },
  { "opgehouden", PARTICIPLE_UNACCUSATIVE },
  { "opgelucht", PARTICIPLE_STATE },
  { "opgestaan", PARTICIPLE_UNACCUSATIVE },
  { "opgetreden", PARTICIPLE_UNACCUSATIVE },
  { "opgevolgd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "opgewarmd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "opgewonden", PARTICIPLE_STATE | PARTICIPLE_COPULAR },
  { "overdreven", PARTICIPLE_STATE },
  { "overkomen", PARTICIPLE_UNACCUSATIVE },
  { "overleden", PARTICIPLE_UNACCUSATIVE },
  { "overstroomd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "overtuigd", PARTICIPLE_STATE },
  { "tegengegaan", PARTICIPLE_TRANSITIVE },
  { "tegengevallen", PARTICIPLE_UNACCUSATIVE },
  { "teleurgesteld", PARTICIPLE_STATE },
  { "teruggetreden", PARTICIPLE_UNACCUSATIVE },
  { "toegenomen", PARTICIPLE_UNACCUSATIVE },
  { "toegetreden", PARTICIPLE_UNACCUSATIVE },
  { "toegewijd", PARTICIPLE_STATE },
  { "uitgebrand", PARTICIPLE_UNACCUSATIVE },
  { "uitgebroken", PARTICIPLE_UNACCUSATIVE },
  { "uitgedroogd", PARTICIPLE_UNACCUSATIVE },
  { "uitgegleden", PARTICIPLE_UNACCUSATIVE },
  { "uitgeput", PARTICIPLE_STATE },
  { "uitgetreden", PARTICIPLE_UNACCUSATIVE },
  { "veranderd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verantwoord", PARTICIPLE_STATE },
  { "verarmd", PARTICIPLE_UNACCUSATIVE },
  { "verbaasd", PARTICIPLE_STATE },
  { "verbeterd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verbijsterd", PARTICIPLE_STATE },
  { "verbrand", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verdacht", PARTICIPLE_STATE },
  { "verdampt", PARTICIPLE_UNACCUSATIVE },
  { "verdronken", PARTICIPLE_UNACCUSATIVE },
  { "verdroogd", PARTICIPLE_UNACCUSATIVE },
  { "verdubbeld", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verdwaald", PARTICIPLE_UNACCUSATIVE },
  { "verdwenen", PARTICIPLE_UNACCUSATIVE },
  { "vergaan", PARTICIPLE_UNACCUSATIVE },
  { "vergeten", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "vergrijsd", PARTICIPLE_UNACCUSATIVE },
  { "verheugd", PARTICIPLE_STATE },
  { "verhongerd", PARTICIPLE_UNACCUSATIVE },
  { "verhuisd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verjaard", PARTICIPLE_UNACCUSATIVE },
  { "verkleurd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verknocht", PARTICIPLE_STATE },
  { "verloofd", PARTICIPLE_UNACCUSATIVE },
  { "verlopen", PARTICIPLE_UNACCUSATIVE },
  { "vermeerderd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verminderd", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "vermoeid", PARTICIPLE_STATE },
  { "verongelukt", PARTICIPLE_UNACCUSATIVE },
  { "verontrust", PARTICIPLE_STATE },
  { "verontwaardigd", PARTICIPLE_STATE },
  { "verouderd", PARTICIPLE_UNACCUSATIVE },
  { "verplicht", PARTICIPLE_STATE },
  { "verrast", PARTICIPLE_STATE },
  { "verrot", PARTICIPLE_UNACCUSATIVE },
  { "verrukt", PARTICIPLE_STATE },
  { "verschenen", PARTICIPLE_UNACCUSATIVE },
  { "verslaafd", PARTICIPLE_STATE | PARTICIPLE_COPULAR },
  { "verslagen", PARTICIPLE_STATE },
  { "verslechterd", PARTICIPLE_UNACCUSATIVE },
  { "verstikt", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "verstreken", PARTICIPLE_UNACCUSATIVE },
  { "vertrokken", PARTICIPLE_UNACCUSATIVE },
  { "vertrouwd", PARTICIPLE_STATE },
  { "vervallen", PARTICIPLE_UNACCUSATIVE },
  { "verveeld", PARTICIPLE_STATE },
  { "verward", PARTICIPLE_STATE },
  { "verwaterd", PARTICIPLE_UNACCUSATIVE },
  { "verwelkt", PARTICIPLE_UNACCUSATIVE },
  { "verwikkeld", PARTICIPLE_STATE },
  { "verwilderd", PARTICIPLE_UNACCUSATIVE },
  { "verwonderd", PARTICIPLE_STATE },
  { "verzakt", PARTICIPLE_UNACCUSATIVE },
  { "verzand", PARTICIPLE_UNACCUSATIVE },
  { "verzeild", PARTICIPLE_UNACCUSATIVE },
  { "verzekerd", PARTICIPLE_STATE },
  { "verzuurd", PARTICIPLE_UNACCUSATIVE },
  { "verzwakt", PARTICIPLE_UNACCUSATIVE | PARTICIPLE_AMBIGUOUS },
  { "voorgevallen", PARTICIPLE_UNACCUSATIVE },
};

/* Closed word classes. */
static const WordInfo function_words[] = {
  { "aan", WORD_PREPOSITION },
  { "aangezien", WORD_SUBORDINATOR },
  { "acht", WORD_NUMERAL },
  { "achter", WORD_PREPOSITION },
  { "actief", WORD_ADVERB },
  { "al", WORD_ADVERB },
  { "alle", WORD_DETERMINER },
  { "alleen", WORD_ADVERB },
  { "alles", WORD_NOUN_PHRASE },
  { "als", WORD_MAYBE_SUBORDINATOR },
  { "alsof", WORD_SUBORDINATOR },
  { "altijd", WORD_ADVERB },
  { "apart", WORD_ADVERB },
  { "behalve", WORD_PREPOSITION },
  { "behoorde", WORD_MODAL | WORD_FINITE },
  { "behoorden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "behoort", WORD_MODAL | WORD_FINITE },
  { "behoren", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "beide", WORD_DETERMINER },
  { "ben", WORD_ZIJN | WORD_FINITE },
  { "beneden", WORD_PREPOSITION },
  { "bent", WORD_ZIJN | WORD_FINITE },
  { "beter", WORD_ADVERB },
  { "betreffende", WORD_PREPOSITION },
  { "bij", WORD_PREPOSITION },
  { "bijvoorbeeld", WORD_ADVERB },
  { "binnen", WORD_PREPOSITION },
  { "binnenkort", WORD_ADVERB },
  { "bleef", WORD_VERB },
  { "bleek", WORD_MODAL | WORD_FINITE },
  { "bleken", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "bleven", WORD_VERB },
  { "blijft", WORD_VERB },
  { "blijken", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "blijkt", WORD_MODAL | WORD_FINITE },
  { "blijven", WORD_VERB },
  { "boven", WORD_PREPOSITION },
  { "bovendien", WORD_ADVERB },
  { "buiten", WORD_PREPOSITION },
  { "conform", WORD_PREPOSITION },
  { "d'r", WORD_DETERMINER },
  { "daar", WORD_ADVERB },
  { "daarbij", WORD_ADVERB },
  { "daardoor", WORD_ADVERB },
  { "daarin", WORD_ADVERB },
  { "daarmee", WORD_ADVERB },
  { "daarna", WORD_ADVERB },
  { "daarnaast", WORD_ADVERB },
  { "daarom", WORD_ADVERB },
  { "daarop", WORD_ADVERB },
  { "daarover", WORD_ADVERB },
  { "daarvoor", WORD_ADVERB },
  { "dagelijks", WORD_ADVERB },
  { "dan", WORD_ADVERB },
  { "dankzij", WORD_PREPOSITION },
  { "dat", WORD_DEMONSTRATIVE | WORD_MAYBE_SUBORDINATOR },
  { "de", WORD_DETERMINER },
  { "deden", WORD_VERB },
  { "deed", WORD_VERB },
  { "dertien", WORD_NUMERAL },
  { "dertig", WORD_NUMERAL },
  { "deze", WORD_DEMONSTRATIVE },
  { "die", WORD_DEMONSTRATIVE | WORD_MAYBE_SUBORDINATOR },
  { "diende", WORD_MODAL | WORD_FINITE },
  { "dienden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "dienen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "dient", WORD_MODAL | WORD_FINITE },
  { "dinsdag", WORD_ADVERB },
  { "direct", WORD_ADVERB },
  { "dit", WORD_DEMONSTRATIVE },
  { "diverse", WORD_DETERMINER },
  { "doch", WORD_COORDINATOR },
  { "doen", WORD_VERB },
  { "doet", WORD_VERB },
  { "donderdag", WORD_ADVERB },
  { "door", WORD_PREPOSITION },
  { "doordat", WORD_SUBORDINATOR },
  { "drie", WORD_NUMERAL },
  { "druk", WORD_ADVERB },
  { "duizend", WORD_NUMERAL },
  { "dus", WORD_COORDINATOR },
  { "echter", WORD_ADVERB },
  { "een", WORD_DETERMINER },
  { "eerder", WORD_ADVERB },
  { "eerst", WORD_ADVERB },
  { "elf", WORD_NUMERAL },
  { "elk", WORD_DETERMINER },
  { "elke", WORD_DETERMINER },
  { "en", WORD_COORDINATOR },
  { "enkele", WORD_DETERMINER },
  { "er", WORD_ADVERB },
  { "erg", WORD_ADVERB },
  { "even", WORD_ADVERB },
  { "exclusief", WORD_PREPOSITION },
  { "extra", WORD_ADVERB },
  { "flink", WORD_ADVERB },
  { "fors", WORD_ADVERB },
  { "gaan", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "gaat", WORD_MODAL | WORD_FINITE },
  { "gaf", WORD_VERB },
  { "gaven", WORD_VERB },
  { "gedurende", WORD_PREPOSITION },
  { "geeft", WORD_VERB },
  { "geen", WORD_DETERMINER },
  { "gehad", WORD_HEBBEN },
  { "gelukkig", WORD_ADVERB },
  { "geven", WORD_VERB },
  { "geweest", WORD_CLUSTER },
  { "geworden", WORD_CLUSTER },
  { "ging", WORD_MODAL | WORD_FINITE },
  { "gingen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "gisteren", WORD_ADVERB },
  { "goed", WORD_ADVERB },
  { "graag", WORD_ADVERB },
  { "haar", WORD_DEMONSTRATIVE },
  { "had", WORD_HEBBEN | WORD_FINITE },
  { "hadden", WORD_HEBBEN | WORD_FINITE | WORD_PLURAL },
  { "hard", WORD_ADVERB },
  { "heb", WORD_HEBBEN | WORD_FINITE },
  { "hebben", WORD_HEBBEN | WORD_FINITE | WORD_PLURAL },
  { "hebt", WORD_HEBBEN | WORD_FINITE },
  { "heeft", WORD_HEBBEN | WORD_FINITE },
  { "heel", WORD_ADVERB },
  { "helaas", WORD_ADVERB },
  { "het", WORD_DEMONSTRATIVE },
  { "hier", WORD_ADVERB },
  { "hierbij", WORD_ADVERB },
  { "hierdoor", WORD_ADVERB },
  { "hierin", WORD_ADVERB },
  { "hiermee", WORD_ADVERB },
  { "hierna", WORD_ADVERB },
  { "hierop", WORD_ADVERB },
  { "hierover", WORD_ADVERB },
  { "hiervoor", WORD_ADVERB },
  { "hij", WORD_PRONOUN },
  { "hoe", WORD_SUBORDINATOR | WORD_ADVERB },
  { "hoefde", WORD_MODAL | WORD_FINITE },
  { "hoefden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "hoeft", WORD_MODAL | WORD_FINITE },
  { "hoeven", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "hoewel", WORD_SUBORDINATOR },
  { "honderd", WORD_NUMERAL },
  { "hun", WORD_DETERMINER },
  { "i.p.v.", WORD_PREPOSITION },
  { "i.s.m.", WORD_PREPOSITION },
  { "i.v.m.", WORD_PREPOSITION },
  { "ieder", WORD_DETERMINER },
  { "iedere", WORD_DETERMINER },
  { "iedereen", WORD_NOUN_PHRASE },
  { "iemand", WORD_NOUN_PHRASE },
  { "iets", WORD_NOUN_PHRASE },
  { "ik", WORD_PRONOUN },
  { "immers", WORD_ADVERB },
  { "in", WORD_PREPOSITION },
  { "inclusief", WORD_PREPOSITION },
  { "indien", WORD_SUBORDINATOR },
  { "inmiddels", WORD_ADVERB },
  { "intensief", WORD_ADVERB },
  { "intussen", WORD_ADVERB },
  { "inzake", WORD_PREPOSITION },
  { "is", WORD_ZIJN | WORD_FINITE },
  { "jaarlijks", WORD_ADVERB },
  { "je", WORD_DEMONSTRATIVE | WORD_PRONOUN },
  { "jegens", WORD_PREPOSITION },
  { "jij", WORD_PRONOUN },
  { "jouw", WORD_DETERMINER },
  { "jullie", WORD_DEMONSTRATIVE | WORD_PRONOUN },
  { "kan", WORD_MODAL | WORD_FINITE },
  { "komen", WORD_VERB },
  { "komt", WORD_VERB },
  { "kon", WORD_MODAL | WORD_FINITE },
  { "konden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "kort", WORD_ADVERB },
  { "krachtens", WORD_PREPOSITION },
  { "kreeg", WORD_VERB },
  { "kregen", WORD_VERB },
  { "krijg", WORD_VERB },
  { "krijgen", WORD_VERB },
  { "krijgt", WORD_VERB },
  { "kun", WORD_MODAL | WORD_FINITE },
  { "kunnen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "kunt", WORD_MODAL | WORD_FINITE },
  { "kwam", WORD_VERB },
  { "kwamen", WORD_VERB },
  { "laat", WORD_VERB | WORD_ADVERB },
  { "lag", WORD_VERB },
  { "lagen", WORD_VERB },
  { "lang", WORD_ADVERB },
  { "langs", WORD_PREPOSITION },
  { "langzaam", WORD_ADVERB },
  { "laten", WORD_VERB },
  { "later", WORD_ADVERB },
  { "leek", WORD_MODAL | WORD_FINITE },
  { "leken", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "liet", WORD_VERB },
  { "lieten", WORD_VERB },
  { "liggen", WORD_VERB },
  { "ligt", WORD_VERB },
  { "lijken", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "lijkt", WORD_MODAL | WORD_FINITE },
  { "m'n", WORD_DETERMINER },
  { "m.b.t.", WORD_PREPOSITION },
  { "m.u.v.", WORD_PREPOSITION },
  { "maakt", WORD_VERB },
  { "maakte", WORD_VERB },
  { "maakten", WORD_VERB },
  { "maandag", WORD_ADVERB },
  { "maar", WORD_COORDINATOR },
  { "mag", WORD_MODAL | WORD_FINITE },
  { "maken", WORD_VERB },
  { "massaal", WORD_ADVERB },
  { "meer", WORD_ADVERB },
  { "meestal", WORD_ADVERB },
  { "men", WORD_PRONOUN },
  { "menig", WORD_DETERMINER },
  { "menige", WORD_DETERMINER },
  { "met", WORD_PREPOSITION },
  { "meteen", WORD_ADVERB },
  { "middels", WORD_PREPOSITION },
  { "mijn", WORD_DETERMINER },
  { "miljoen", WORD_NUMERAL },
  { "minder", WORD_ADVERB },
  { "misschien", WORD_ADVERB },
  { "mits", WORD_SUBORDINATOR },
  { "mocht", WORD_MODAL | WORD_FINITE },
  { "mochten", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "moest", WORD_MODAL | WORD_FINITE },
  { "moesten", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "moet", WORD_MODAL | WORD_FINITE },
  { "moeten", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "mogen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "momenteel", WORD_ADVERB },
  { "morgen", WORD_ADVERB },
  { "n.a.v.", WORD_PREPOSITION },
  { "na", WORD_PREPOSITION },
  { "naar", WORD_PREPOSITION },
  { "naarmate", WORD_SUBORDINATOR },
  { "naast", WORD_PREPOSITION },
  { "nabij", WORD_PREPOSITION },
  { "nadat", WORD_SUBORDINATOR },
  { "nam", WORD_VERB },
  { "namelijk", WORD_ADVERB },
  { "namen", WORD_VERB },
  { "namens", WORD_PREPOSITION },
  { "nauwelijks", WORD_ADVERB },
  { "neemt", WORD_VERB },
  { "negen", WORD_NUMERAL },
  { "net", WORD_ADVERB },
  { "niemand", WORD_NOUN_PHRASE },
  { "niet", WORD_ADVERB },
  { "niets", WORD_NOUN_PHRASE },
  { "noch", WORD_COORDINATOR },
  { "nog", WORD_ADVERB },
  { "nooit", WORD_ADVERB },
  { "nu", WORD_ADVERB },
  { "o.b.v.", WORD_PREPOSITION },
  { "o.l.v.", WORD_PREPOSITION },
  { "of", WORD_MAYBE_SUBORDINATOR | WORD_COORDINATOR },
  { "ofschoon", WORD_SUBORDINATOR },
  { "om", WORD_PREPOSITION },
  { "omdat", WORD_SUBORDINATOR },
  { "omtrent", WORD_PREPOSITION },
  { "ondanks", WORD_PREPOSITION },
  { "onder", WORD_PREPOSITION },
  { "ondertussen", WORD_ADVERB },
  { "ons", WORD_DEMONSTRATIVE },
  { "ontvangt", WORD_VERB },
  { "onze", WORD_DETERMINER },
  { "ook", WORD_ADVERB },
  { "op", WORD_PREPOSITION },
  { "opdat", WORD_SUBORDINATOR },
  { "openlijk", WORD_ADVERB },
  { "opnieuw", WORD_ADVERB },
  { "over", WORD_PREPOSITION },
  { "overdag", WORD_ADVERB },
  { "pas", WORD_ADVERB },
  { "per", WORD_PREPOSITION },
  { "raakt", WORD_VERB },
  { "raakte", WORD_VERB },
  { "raakten", WORD_VERB },
  { "raken", WORD_VERB },
  { "reed", WORD_VERB },
  { "regelmatig", WORD_ADVERB },
  { "richting", WORD_PREPOSITION },
  { "rijden", WORD_VERB },
  { "rijdt", WORD_VERB },
  { "rond", WORD_PREPOSITION },
  { "rondom", WORD_PREPOSITION },
  { "samen", WORD_ADVERB },
  { "scheen", WORD_MODAL | WORD_FINITE },
  { "schijnen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "schijnt", WORD_MODAL | WORD_FINITE },
  { "serieus", WORD_ADVERB },
  { "sinds", WORD_PREPOSITION },
  { "slecht", WORD_ADVERB },
  { "snel", WORD_ADVERB },
  { "sommige", WORD_DETERMINER },
  { "soms", WORD_ADVERB },
  { "staan", WORD_VERB },
  { "staat", WORD_VERB },
  { "steeds", WORD_ADVERB },
  { "stevig", WORD_ADVERB },
  { "stond", WORD_VERB },
  { "stonden", WORD_VERB },
  { "straks", WORD_ADVERB },
  { "t.a.v.", WORD_PREPOSITION },
  { "t.b.v.", WORD_PREPOSITION },
  { "tegen", WORD_PREPOSITION },
  { "tegenwoordig", WORD_ADVERB },
  { "ten", WORD_PREPOSITION },
  { "tenzij", WORD_SUBORDINATOR },
  { "ter", WORD_PREPOSITION },
  { "terwijl", WORD_SUBORDINATOR },
  { "tevens", WORD_ADVERB },
  { "tien", WORD_NUMERAL },
  { "tijdens", WORD_PREPOSITION },
  { "toch", WORD_ADVERB },
  { "toen", WORD_MAYBE_SUBORDINATOR | WORD_ADVERB },
  { "tot", WORD_PREPOSITION },
  { "totdat", WORD_SUBORDINATOR },
  { "tussen", WORD_PREPOSITION },
  { "twaalf", WORD_NUMERAL },
  { "twee", WORD_NUMERAL },
  { "twintig", WORD_NUMERAL },
  { "u", WORD_PRONOUN },
  { "uit", WORD_PREPOSITION },
  { "uiteindelijk", WORD_ADVERB },
  { "uitvoerig", WORD_ADVERB },
  { "uw", WORD_DETERMINER },
  { "vaak", WORD_ADVERB },
  { "vaker", WORD_ADVERB },
  { "van", WORD_PREPOSITION },
  { "vanaf", WORD_PREPOSITION },
  { "vanavond", WORD_ADVERB },
  { "vandaag", WORD_ADVERB },
  { "vanmiddag", WORD_ADVERB },
  { "vannacht", WORD_ADVERB },
  { "vanochtend", WORD_ADVERB },
  { "vanuit", WORD_PREPOSITION },
  { "vanwege", WORD_PREPOSITION },
  { "veel", WORD_ADVERB },
  { "veertig", WORD_NUMERAL },
  { "verder", WORD_ADVERB },
  { "vervalt", WORD_VERB },
  { "vervolgens", WORD_ADVERB },
  { "via", WORD_PREPOSITION },
  { "vier", WORD_NUMERAL },
  { "vijf", WORD_NUMERAL },
  { "vijftig", WORD_NUMERAL },
  { "vinden", WORD_VERB },
  { "vindt", WORD_VERB },
  { "volgens", WORD_PREPOSITION },
  { "volop", WORD_ADVERB },
  { "vond", WORD_VERB },
  { "vonden", WORD_VERB },
  { "voor", WORD_PREPOSITION },
  { "voordat", WORD_SUBORDINATOR },
  { "voorlopig", WORD_ADVERB },
  { "voortdurend", WORD_ADVERB },
  { "vraagt", WORD_VERB },
  { "vragen", WORD_VERB },
  { "vrijdag", WORD_ADVERB },
  { "vroeg", WORD_VERB | WORD_ADVERB },
  { "vroegen", WORD_VERB },
  { "vroeger", WORD_ADVERB },
  { "waar", WORD_SUBORDINATOR },
  { "waaraan", WORD_SUBORDINATOR },
  { "waarbij", WORD_SUBORDINATOR },
  { "waardoor", WORD_SUBORDINATOR },
  { "waarin", WORD_SUBORDINATOR },
  { "waarmee", WORD_SUBORDINATOR },
  { "waarna", WORD_SUBORDINATOR },
  { "waarnaar", WORD_SUBORDINATOR },
  { "waarom", WORD_SUBORDINATOR },
  { "waarop", WORD_SUBORDINATOR },
  { "waarover", WORD_SUBORDINATOR },
  { "waarschijnlijk", WORD_ADVERB },
  { "waartegen", WORD_SUBORDINATOR },
  { "waartoe", WORD_SUBORDINATOR },
  { "waaruit", WORD_SUBORDINATOR },
  { "waarvan", WORD_SUBORDINATOR },
  { "waarvoor", WORD_SUBORDINATOR },
  { "wanneer", WORD_SUBORDINATOR },
  { "want", WORD_COORDINATOR },
  { "waren", WORD_ZIJN | WORD_FINITE | WORD_PLURAL },
  { "was", WORD_ZIJN | WORD_FINITE },
  { "wat", WORD_MAYBE_SUBORDINATOR | WORD_NOUN_PHRASE },
  { "we", WORD_PRONOUN },
  { "weer", WORD_ADVERB },
  { "wees", WORD_ZIJN | WORD_FINITE },
  { "weet", WORD_VERB },
  { "wegens", WORD_PREPOSITION },
  { "weinig", WORD_ADVERB },
  { "wekelijks", WORD_ADVERB },
  { "wel", WORD_ADVERB },
  { "welke", WORD_MAYBE_SUBORDINATOR },
  { "werd", WORD_WORDEN | WORD_FINITE },
  { "werden", WORD_WORDEN | WORD_FINITE | WORD_PLURAL },
  { "weten", WORD_VERB },
  { "wie", WORD_SUBORDINATOR | WORD_NOUN_PHRASE },
  { "wij", WORD_PRONOUN },
  { "wil", WORD_MODAL | WORD_VERB | WORD_FINITE },
  { "wilde", WORD_MODAL | WORD_FINITE },
  { "wilden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "willen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "wilt", WORD_MODAL | WORD_FINITE },
  { "wist", WORD_VERB },
  { "wisten", WORD_VERB },
  { "woensdag", WORD_ADVERB },
  { "word", WORD_WORDEN | WORD_FINITE },
  { "worden", WORD_WORDEN | WORD_FINITE | WORD_PLURAL },
  { "wordt", WORD_WORDEN | WORD_FINITE },
  { "wou", WORD_MODAL | WORD_FINITE },
  { "z'n", WORD_DETERMINER },
  { "zag", WORD_VERB },
  { "zagen", WORD_VERB },
  { "zal", WORD_MODAL | WORD_FINITE },
  { "zat", WORD_VERB },
  { "zaten", WORD_VERB },
  { "zaterdag", WORD_ADVERB },
  { "ze", WORD_PRONOUN },
  { "zeer", WORD_ADVERB },
  { "zeggen", WORD_VERB },
  { "zegt", WORD_VERB },
  { "zei", WORD_VERB },
  { "zeiden", WORD_VERB },
  { "zelden", WORD_ADVERB },
  { "zelfs", WORD_ADVERB },
  { "zes", WORD_NUMERAL },
  { "zestig", WORD_NUMERAL },
  { "zeven", WORD_NUMERAL },
  { "zien", WORD_VERB },
  { "ziet", WORD_VERB },
  { "zij", WORD_PRONOUN },
  { "zijn", WORD_ZIJN | WORD_FINITE | WORD_PLURAL | WORD_DEMONSTRATIVE },
  { "zit", WORD_VERB },
  { "zitten", WORD_VERB },
  { "zo", WORD_ADVERB },
  { "zo'n", WORD_DETERMINER },
  { "zoals", WORD_MAYBE_SUBORDINATOR },
  { "zodat", WORD_SUBORDINATOR },
  { "zodra", WORD_SUBORDINATOR },
  { "zolang", WORD_SUBORDINATOR },
  { "zondag", WORD_ADVERB },
  { "zonder", WORD_PREPOSITION },
  { "zorgvuldig", WORD_ADVERB },
  { "zou", WORD_MODAL | WORD_FINITE },
  { "zouden", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "zulke", WORD_DETERMINER },
  { "zullen", WORD_MODAL | WORD_FINITE | WORD_PLURAL },
  { "zult", WORD_MODAL | WORD_FINITE },
  { "zwaar", WORD_ADVERB },
  { "één", WORD_NUMERAL },
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

/* Endings of adjectives: a participle before one is an adverb. */
static const char * const adjective_suffixes[] = {
  "aal", "baar", "eel", "er", "ief", "ig", "isch", "lijk", "zaam",
};

/* Heads of compound nouns that no participle ends in. */
static const char * const noun_suffixes[] = {
  "boord", "dienst", "dracht", "feest", "hand", "hemd", "kant", "komst",
  "markt", "pand", "raad", "schrift", "stand", "straat", "tocht", "wereld",
  "zicht",
};

/* Past tenses of strong verbs: besloot, verliet, overleed, bestond. */
static const char * const past_bodies[] = {
  "bood", "deed", "gat", "had", "hield", "leed", "liet", "sloot", "stond",
  "vond",
};

static int
compare_string (const void *key,
                const void *item)
{
  return strcmp (key, *(const char * const *) item);
}

static int
compare_word_info (const void *key,
                   const void *item)
{
  return strcmp (key, ((const WordInfo *) item)->word);
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  return bsearch (word, list, n, sizeof *list, compare_string) != NULL;
}

#define IN_LIST(list, word) in_list (list, G_N_ELEMENTS (list), word)

static guint32
lookup_flags (const WordInfo *table,
              gsize           n,
              const char     *word)
{
  const WordInfo *info = bsearch (word, table, n, sizeof *table,
                                  compare_word_info);

  return info != NULL ? info->flags : 0;
}

static void
check_sorted (const char * const *list,
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
#define CHECK(list) \
  check_sorted ((const char * const *) list, G_N_ELEMENTS (list), sizeof list[0])
      CHECK (strong_participles);
      CHECK (particles);
      CHECK (never_participles);
      CHECK (noun_heads);
      CHECK (end_bodies);
      CHECK (past_bodies);
      CHECK (participle_info);
      CHECK (function_words);
#undef CHECK
      g_once_init_leave (&checked, 1);
    }
}

/* Participle morphology */

static inline gboolean
is_vowel (char c)
{
  return c != '\0' && (strchr ("aeiouy", c) != NULL || (guchar) c >= 0x80);
}

static gboolean
is_letters (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && (guchar) *p < 0x80)
      return FALSE;
  return TRUE;
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

      if (!IN_LIST (onsets, onset))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (present_bodies); i++)
    if (g_str_has_suffix (body, present_bodies[i]))
      return FALSE;

  /* -end is a present participle (verschillend, ontbrekend) unless the
   * stem itself ends in -en: bekend, geopend, ondertekend, verleend. */
  if (g_str_has_suffix (body, "end"))
    return IN_LIST (end_bodies, body) ||
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

  if (g_str_has_prefix (rest, "ge") && IN_LIST (strong_participles, rest))
    return TRUE;
  if (g_snprintf (buf, sizeof buf, "ge%s", rest) >= (int) sizeof buf)
    return FALSE;
  return IN_LIST (strong_participles, buf);
}

static gboolean looks_like_participle (const char *word,
                                       guint       depth);

/* The part of a word after an optional separable particle. */
static gboolean
participle_stem (const char *stem,
                 gboolean    after_particle,
                 guint       depth)
{
  if (IN_LIST (noun_heads, stem))
    return FALSE;
  if (IN_LIST (strong_participles, stem))
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
      if (IN_LIST (noun_heads, rest))
        continue;
      if (IN_LIST (past_bodies, rest))
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
    if (g_str_has_prefix (word, particles[i]) &&
        strlen (word) > strlen (particles[i]) + 3 &&
        participle_stem (word + strlen (particles[i]), TRUE, depth))
      return TRUE;

  return FALSE;
}

/**
 * helder_is_participle:
 * @word: a word in lower case
 *
 * Whether @word looks like a Dutch past participle: gemaakt, geopend,
 * betaald, verleend, ontvangen, aangelegd, opgehaald, afgesloten,
 * toegezonden, geschreven, gedaan.  Inflected forms (ingevulde) and
 * lexicalised adjectives (bekend, gezond, bereid) are not participles.
 */
gboolean
helder_is_participle (const char *word)
{
  gsize len;

  g_return_val_if_fail (word != NULL, FALSE);

  check_lists ();

  len = strlen (word);
  if (len < 4 || len > 40 || !is_letters (word))
    return FALSE;
  /* Function words, but gehad, geweest and geworden are participles. */
  if (IN_LIST (never_participles, word) ||
      (lookup_flags (function_words, G_N_ELEMENTS (function_words), word) &
       ~(WORD_HEBBEN | WORD_CLUSTER)) != 0)
    return FALSE;

  return looks_like_participle (word, 0);
}

/* PARTICIPLE_* flags of @word: aangekomen inherits from gekomen. */
static guint32
participle_flags (const char *word)
{
  guint32 flags = lookup_flags (participle_info, G_N_ELEMENTS (participle_info),
                                word);

  if (flags != 0)
    return flags;
  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_str_has_prefix (word, particles[i]))
      {
        flags = lookup_flags (participle_info, G_N_ELEMENTS (participle_info),
                              word + strlen (particles[i]));
        if (flags & PARTICIPLE_INHERITED)
          return flags;
      }
  return 0;
}

/* The sentence as the search sees it */

typedef enum
{
  BOUNDARY_NONE,
  BOUNDARY_SOFT,         /* en, of, maar: phrases or clauses */
  BOUNDARY_COMMA,
  BOUNDARY_HARD,         /* other punctuation, want, om ... te */
  BOUNDARY_SUBORDINATE,  /* a subordinate clause starts here */
} Boundary;

typedef struct
{
  const char *word;        /* lower case; NULL for punctuation */
  gunichar    mark;        /* the punctuation mark */
  guint32     flags;       /* WORD_* */
  guint8      boundary;    /* Boundary */
  guint8      name : 1;    /* capitalised inside the sentence */
  guint8      number : 1;
  guint8      participle : 1;  /* a participle in this position */
  guint8      used : 1;    /* already part of a passive */
} Item;

typedef struct
{
  Item *items;
  guint n;
} Sentence;

static inline gboolean
word_is (const Item *item,
         const char *word)
{
  return item->word != NULL && strcmp (item->word, word) == 0;
}

static inline guint32
flags_at (const Sentence *s,
          gint            i)
{
  return i >= 0 && (guint) i < s->n ? s->items[i].flags : 0;
}

static inline gboolean
is_char (const Sentence *s,
         guint           i,
         gunichar        c)
{
  return s->items[i].word == NULL && s->items[i].mark == c;
}

static gboolean
is_cluster (const Item *item)
{
  return (item->flags & (WORD_WORDEN | WORD_ZIJN | WORD_MODAL | WORD_CLUSTER)) != 0 ||
         word_is (item, "te");
}

/* Could a noun phrase or a clause's subject start here? */
static gboolean
starts_noun_phrase (const Item *item)
{
  return (item->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE | WORD_PRONOUN |
                         WORD_NUMERAL | WORD_NOUN_PHRASE)) != 0 ||
         item->name || item->number;
}

/* A word that is neither a function word nor a participle: most likely a
 * noun or adjective. */
static gboolean
is_content_word (const Sentence *s,
                 guint           i)
{
  const Item *item;

  if (i >= s->n)
    return FALSE;
  item = &s->items[i];
  return item->word != NULL && !item->number && item->flags == 0 &&
         !helder_is_participle (item->word);
}

static Boundary
word_boundary (const Sentence *s,
               guint           i)
{
  const Item *item = &s->items[i];
  const Item *next = i + 1 < s->n ? &s->items[i + 1] : NULL;
  gboolean clause_follows;

  if (item->flags & WORD_SUBORDINATOR)
    return BOUNDARY_SUBORDINATE;
  if (word_is (item, "want"))
    return BOUNDARY_HARD;

  clause_follows = next != NULL && next->word != NULL &&
                   (starts_noun_phrase (next) || word_is (next, "er"));

  if (item->flags & WORD_MAYBE_SUBORDINATOR)
    {
      if (word_is (item, "dat") || word_is (item, "die") ||
          word_is (item, "wat") || word_is (item, "welke"))
        {
          const Item *prev = i > 0 ? &s->items[i - 1] : NULL;

          if (prev == NULL)
            return BOUNDARY_NONE;  /* "Die weg wordt ..." */
          if (prev->word == NULL || clause_follows ||
              (next != NULL && (next->flags & WORD_VERBISH)))
            return BOUNDARY_SUBORDINATE;
          /* "door dat besluit", "wordt die weg": a determiner */
          if (prev->flags & (WORD_PREPOSITION | WORD_VERBISH))
            return BOUNDARY_NONE;
          return BOUNDARY_SUBORDINATE;
        }
      if (clause_follows)
        return BOUNDARY_SUBORDINATE;
    }

  if (item->flags & WORD_COORDINATOR)
    return BOUNDARY_SOFT;

  /* "om de weg klaar te krijgen", but "om zeven uur" */
  if (word_is (item, "om") && next != NULL &&
      !(next->flags & WORD_NUMERAL) && !next->number)
    for (guint j = i + 1; j < s->n && s->items[j].word != NULL; j++)
      if (word_is (&s->items[j], "te"))
        return BOUNDARY_HARD;

  return BOUNDARY_NONE;
}

/* Adjectives by their ending, comparatives included. */
static gboolean
is_adjective (const char *word)
{
  for (guint k = 0; k < G_N_ELEMENTS (adjective_suffixes); k++)
    if (g_str_has_suffix (word, adjective_suffixes[k]))
      return TRUE;
  return FALSE;
}

/* Whether the participle-like word at @i is a participle here. */
static gboolean
participle_here (const Sentence *s,
                 guint           i)
{
  const Item *item = &s->items[i];
  const Item *prev = i > 0 ? &s->items[i - 1] : NULL;
  const Item *next = i + 1 < s->n ? &s->items[i + 1] : NULL;

  if (item->word == NULL || item->name || item->number || item->flags != 0 ||
      !helder_is_participle (item->word))
    return FALSE;

  if (prev != NULL)
    {
      /* "te ontvangen", "de gesloten deur", "twee gesloten wegen",
       * "hoger dan verwacht" */
      if (word_is (prev, "te") || word_is (prev, "zoals") ||
          word_is (prev, "als") || word_is (prev, "dan"))
        return FALSE;
      if (prev->flags & WORD_DETERMINER)
        return FALSE;
      /* "met gesloten ogen", "twee gesloten wegen", "het gesloten hek",
       * "zijn gebroken been"; but "daar voor gewaarschuwd", "in 2021
       * verkocht", "wordt het gemaakt door" */
      if (((prev->flags & (WORD_PREPOSITION | WORD_DEMONSTRATIVE | WORD_NUMERAL)) ||
           prev->number) && is_content_word (s, i + 1))
        {
          if (!word_is (prev, "zijn") ||
              (flags_at (s, (gint) i - 2) & (WORD_PREPOSITION | WORD_VERBISH)))
            return FALSE;
        }
      /* "een goed georganiseerd evenement", "twee speciaal gebouwde" */
      if (i >= 2 && is_content_word (s, i + 1) &&
          (prev->flags & ~WORD_ADVERB) == 0 && prev->word != NULL &&
          (flags_at (s, (gint) i - 2) & (WORD_DETERMINER | WORD_NUMERAL)))
        return FALSE;
      /* "aan het vervangen" */
      if (word_is (prev, "het") && i >= 2 && word_is (&s->items[i - 2], "aan"))
        return FALSE;
    }

  /* "is beperkt beschikbaar", "niet bepaald handig": an adverb */
  if (next != NULL && is_content_word (s, i + 1) && is_adjective (next->word))
    return FALSE;

  /* "gezien de kosten": a preposition */
  if ((word_is (item, "gezien") || word_is (item, "gegeven")) && next != NULL &&
      (next->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE)))
    return FALSE;

  return TRUE;
}

static void
analyse (const HelderSentenceView *view,
         Sentence                 *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      const HelderToken *token = helder_sentence_view_token (view, i);
      Item *item = &s->items[i];

      item->word = helder_sentence_view_word (view, i);
      if (token->kind != HELDER_TOKEN_PUNCTUATION && item->word == NULL)
        continue;  /* a caller that left it out: neither word nor boundary */
      if (token->kind == HELDER_TOKEN_PUNCTUATION)
        {
          gunichar c = g_utf8_get_char (view->text + token->byte_start);

          item->word = NULL;
          item->mark = c;
          if (c == ',')
            item->boundary = BOUNDARY_COMMA;
          else if (c != '\'' && c != 0x2019 && c != '/' && c != '&')
            item->boundary = BOUNDARY_HARD;
          continue;
        }

      item->flags = lookup_flags (function_words, G_N_ELEMENTS (function_words),
                                  item->word);
      item->number = token->kind == HELDER_TOKEN_NUMBER;
      item->name = (token->flags & HELDER_TOKEN_ALL_CAPS) ||
                   ((token->flags & HELDER_TOKEN_CAPITALIZED) &&
                    !(token->flags & HELDER_TOKEN_SENTENCE_START));
      if (token->kind != HELDER_TOKEN_WORD)
        item->name |= token->kind != HELDER_TOKEN_NUMBER;
    }

  for (guint i = 0; i < s->n; i++)
    if (s->items[i].word != NULL)
      {
        s->items[i].boundary = word_boundary (s, i);
        s->items[i].participle = participle_here (s, i);
      }
}

/* The first token of the clause of token @i. */
static guint
clause_start (const Sentence *s,
              guint           i)
{
  for (guint k = i + 1; k-- > 0;)
    {
      Boundary b = s->items[k].boundary;

      if (b == BOUNDARY_SUBORDINATE || (b == BOUNDARY_SOFT && k < i))
        return k;
      if ((b == BOUNDARY_HARD || b == BOUNDARY_COMMA) && k < i)
        return k + 1;
    }
  return 0;
}

/* One past the last token of the clause of token @i. */
static guint
clause_end (const Sentence *s,
            guint           i)
{
  for (guint k = i + 1; k < s->n; k++)
    if (s->items[k].boundary != BOUNDARY_NONE)
      return k;
  return s->n;
}

static gboolean
clause_is_subordinate (const Sentence *s,
                       guint           i)
{
  for (guint k = i + 1; k-- > 0;)
    {
      Boundary b = s->items[k].boundary;

      if (b == BOUNDARY_SUBORDINATE)
        return TRUE;
      if (b == BOUNDARY_HARD || b == BOUNDARY_COMMA)
        return FALSE;
    }
  return FALSE;
}

/* Whether the form of worden or zijn at @i is an auxiliary here rather
 * than a noun (de was) or the possessive zijn (met zijn fiets). */
static gboolean
is_auxiliary (const Sentence *s,
              guint           i)
{
  const Item *item = &s->items[i];

  if (!(item->flags & (WORD_WORDEN | WORD_ZIJN)))
    return FALSE;
  if (flags_at (s, (gint) i - 1) & WORD_DETERMINER)
    return FALSE;
  if (word_is (item, "zijn"))
    {
      const Item *prev = i > 0 ? &s->items[i - 1] : NULL;

      if (prev != NULL && (prev->flags & WORD_PREPOSITION))
        return FALSE;
      /* "Zijn laatste roman", "heeft zijn fiets", "omdat zijn fiets" */
      if (i + 1 < s->n && is_content_word (s, i + 1) &&
          (prev == NULL || prev->word == NULL ||
           prev->boundary != BOUNDARY_NONE || (prev->flags & WORD_VERBISH)))
        return FALSE;
    }
  return TRUE;
}

/* After a comma, en or maar: does a new clause start at @j? */
static gboolean
starts_new_clause (const Sentence *s,
                   guint           j,
                   gboolean        after_comma)
{
  const Item *item = &s->items[j];

  if ((item->flags & (WORD_VERBISH | WORD_PRONOUN)) || word_is (item, "er"))
    return TRUE;
  if (after_comma &&
      ((item->flags & (WORD_DETERMINER | WORD_DEMONSTRATIVE)) || item->name) &&
      !(flags_at (s, (gint) j - 1) & WORD_PREPOSITION))
    return TRUE;
  return FALSE;
}

/* The comma that closes an aside starting at @j, or 0. */
static guint
closing_comma (const Sentence *s,
               guint           j)
{
  for (guint k = j; k < s->n; k++)
    {
      if (s->items[k].boundary == BOUNDARY_COMMA)
        return k;
      if (s->items[k].boundary == BOUNDARY_HARD)
        return 0;
    }
  return 0;
}

/* "wordt ... afgesloten": the first participle after the auxiliary in its
 * clause.  Of two in a row the second is the verb: "uitgebreid besproken". */
static gboolean
find_forward (const Sentence *s,
              guint           aux,
              guint          *participle)
{
  gboolean crossed = FALSE, comma = FALSE;

  for (guint j = aux + 1; j < s->n; j++)
    {
      const Item *item = &s->items[j];

      switch ((Boundary) item->boundary)
        {
        case BOUNDARY_HARD:
          /* "worden vanaf maandag (na de markt) weer vrijgegeven" */
          if (item->word == NULL && is_char (s, j, '('))
            {
              guint close = j;

              while (close < s->n && !is_char (s, close, ')'))
                close++;
              if (close < s->n)
                {
                  j = close;
                  continue;
                }
            }
          return FALSE;
        case BOUNDARY_SUBORDINATE:
          return FALSE;
        case BOUNDARY_COMMA:
          if (j + 1 < s->n && s->items[j + 1].boundary == BOUNDARY_SUBORDINATE)
            {
              /* ", als alles meezit," */
              guint close = closing_comma (s, j + 1);

              if (close == 0)
                return FALSE;
              j = close;
              continue;
            }
          crossed = comma = TRUE;
          continue;
        case BOUNDARY_SOFT:
          crossed = TRUE;
          continue;
        case BOUNDARY_NONE:
        default:
          break;
        }

      if (item->flags & WORD_HEBBEN)
        return FALSE;
      if (crossed && starts_new_clause (s, j, comma))
        return FALSE;
      if (item->participle)
        {
          while (j + 1 < s->n && s->items[j + 1].participle)
            j++;
          *participle = j;
          return TRUE;
        }
    }
  return FALSE;
}

/* "dat de brief verstuurd is", "of de brug gerepareerd kan worden",
 * "moet ondertekend worden", "om gehoord te worden". */
static gboolean
find_backward (const Sentence *s,
               guint           aux,
               guint          *participle)
{
  const Item *item = &s->items[aux];
  gboolean infinitive = FALSE;
  guint j = aux;

  while (j > 0 && is_cluster (&s->items[j - 1]))
    {
      j--;
      infinitive |= word_is (&s->items[j], "te") ||
                    (s->items[j].flags & (WORD_MODAL | WORD_WORDEN | WORD_ZIJN));
    }
  if (j == 0 || !s->items[j - 1].participle)
    return FALSE;
  j--;

  if (!clause_is_subordinate (s, j))
    {
      /* In a main clause only an infinitive can follow the participle:
       * the finite verb stands second. */
      if (!(item->flags & WORD_PLURAL))
        return FALSE;
      if (!infinitive)
        {
          guint start = clause_start (s, j);

          for (guint k = start; k < j && !infinitive; k++)
            infinitive = (s->items[k].flags & (WORD_MODAL | WORD_FINITE)) ==
                         (WORD_MODAL | WORD_FINITE);
        }
      if (!infinitive)
        return FALSE;
    }

  *participle = j;
  return TRUE;
}

static gboolean
has_agent (const Sentence *s,
           guint           from,
           guint           to)
{
  for (guint k = from; k + 1 < to; k++)
    if (word_is (&s->items[k], "door") && s->items[k + 1].word != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_passive (const Sentence *s,
            guint           aux,
            guint           participle)
{
  guint lo = MIN (aux, participle), hi = MAX (aux, participle);
  guint start = clause_start (s, lo), end = clause_end (s, hi);
  guint32 flags = participle_flags (s->items[participle].word);
  gboolean agent = has_agent (s, start, end);

  if (s->items[aux].flags & WORD_ZIJN)
    {
      /* "heeft zijn fiets gerepareerd" */
      for (guint k = start; k < hi; k++)
        if (s->items[k].flags & WORD_HEBBEN)
          return FALSE;
      for (guint k = lo; k < hi; k++)
        if (word_is (&s->items[k], "geworden"))
          return TRUE;
      if (flags & PARTICIPLE_UNACCUSATIVE)
        return (flags & PARTICIPLE_AMBIGUOUS) && agent;
      if (flags & PARTICIPLE_STATE)
        return agent;
    }
  else if (flags & PARTICIPLE_COPULAR)
    return agent;

  return TRUE;
}

/* die, dat, wat, wie, welke, waarin: a relative clause */
static gboolean
is_relative (const Item *item)
{
  return word_is (item, "die") || word_is (item, "dat") ||
         word_is (item, "wat") || word_is (item, "wie") || word_is (item, "welke") ||
         (item->word != NULL && g_str_has_prefix (item->word, "waar"));
}

/* Whether the word at @k belongs to a prepositional phrase: "in de
 * nieuwe raad", "na vijf werkdagen". */
static gboolean
in_prepositional_phrase (const Sentence *s,
                         guint           k)
{
  for (guint m = k, steps = 0; m-- > 0 && steps < 4; steps++)
    {
      const Item *item = &s->items[m];

      if (item->flags & WORD_PREPOSITION)
        return TRUE;
      if (item->word == NULL || item->boundary != BOUNDARY_NONE ||
          (item->flags & ~(WORD_DETERMINER | WORD_DEMONSTRATIVE |
                           WORD_NUMERAL | WORD_ADVERB)))
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_impersonal (const Sentence *s,
               guint           aux,
               guint           participle)
{
  guint lo = MIN (aux, participle), hi = MAX (aux, participle);
  guint start = clause_start (s, lo), end = clause_end (s, hi);
  guint from = start;
  gboolean er = FALSE;

  /* "Wees gewaarschuwd": the imperative has its subject. */
  if (word_is (&s->items[aux], "wees"))
    return FALSE;

  /* The finite verb: "Er moet nog veel worden gedaan", "Er worden bomen
   * geplant". */
  for (guint k = start; k < end; k++)
    {
      const Item *item = &s->items[k];

      if ((item->flags & WORD_FINITE) &&
          ((item->flags & WORD_MODAL) || k == aux))
        {
          if (item->flags & WORD_PLURAL)
            return FALSE;
          break;
        }
    }

  for (guint k = start; k < hi; k++)
    if (word_is (&s->items[k], "er"))
      {
        er = TRUE;
        from = k + 1;
        break;
      }

  if (!er)
    {
      const Item *first = &s->items[start];

      /* "De brief, die gisteren is verstuurd, is niet ontvangen": the
       * subject stands before the relative clause. */
      if (start == aux && start >= 2 &&
          s->items[start - 1].boundary == BOUNDARY_COMMA)
        {
          guint before = clause_start (s, start - 2);

          if (s->items[before].boundary == BOUNDARY_SUBORDINATE &&
              is_relative (&s->items[before]))
            return FALSE;
        }

      /* "... en wordt verbreed": the subject of the first clause. */
      if (first->boundary == BOUNDARY_SOFT)
        return FALSE;
      /* "Bezwaar kan worden gemaakt" */
      if (first->word != NULL && first->boundary == BOUNDARY_NONE &&
          first->flags == 0 && !first->participle)
        return FALSE;
    }

  for (guint k = from; k < hi; k++)
    {
      const Item *item = &s->items[k];

      /* "Er wordt geld ingezameld", but "er wordt hard gewerkt" */
      if (er && k != participle && is_content_word (s, k) &&
          !is_adjective (item->word) && !in_prepositional_phrase (s, k))
        return FALSE;
      if (k == aux || k == participle || !starts_noun_phrase (item))
        continue;
      if (is_cluster (item) && !(word_is (item, "zijn") && !is_auxiliary (s, k)))
        continue;
      /* "dat er ..." is a conjunction, "die" a relative subject */
      if (k == start && item->boundary == BOUNDARY_SUBORDINATE &&
          word_is (item, "dat"))
        continue;
      if (in_prepositional_phrase (s, k))
        continue;
      return FALSE;
    }
  return TRUE;
}

static void
add_passive (Sentence *s,
             guint     aux,
             GArray   *passives)
{
  HelderPassive passive;
  guint participle;

  if (!find_forward (s, aux, &participle) &&
      !find_backward (s, aux, &participle))
    return;
  if (s->items[participle].used || !is_passive (s, aux, participle))
    return;

  s->items[participle].used = TRUE;
  passive.first = MIN (aux, participle);
  passive.last = MAX (aux, participle);
  passive.auxiliary = aux;
  passive.participle = participle;
  passive.impersonal = is_impersonal (s, aux, participle);
  g_array_append_val (passives, passive);
}

static int
compare_passives (const void *a,
                  const void *b)
{
  const HelderPassive *pa = a, *pb = b;

  return pa->auxiliary < pb->auxiliary ? -1 : pa->auxiliary > pb->auxiliary;
}

/**
 * helder_find_passives:
 * @sentence: the sentence
 * @passives: (element-type HelderPassive): appended to
 *
 * Appends every passive construction of @sentence to @passives, in the
 * order of their auxiliaries.  Pure and thread-safe.
 */
void
helder_find_passives (const HelderSentenceView *sentence,
                      GArray                   *passives)
{
  Item stack_items[64];
  g_autofree Item *heap_items = NULL;
  Sentence s;
  guint first;

  g_return_if_fail (sentence != NULL);
  g_return_if_fail (passives != NULL);
  g_return_if_fail (g_array_get_element_size (passives) ==
                    sizeof (HelderPassive));

  check_lists ();

  if (sentence->n == 0)
    return;

  first = passives->len;
  s.n = sentence->n;
  if (s.n <= G_N_ELEMENTS (stack_items))
    {
      memset (stack_items, 0, sizeof stack_items);
      s.items = stack_items;
    }
  else
    s.items = heap_items = g_new0 (Item, s.n);

  analyse (sentence, &s);

  /* Forms of worden first: in "Zijn roman werd goed ontvangen" the
   * participle is theirs. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < s.n; i++)
      if ((s.items[i].flags & (pass == 0 ? WORD_WORDEN : WORD_ZIJN)) &&
          is_auxiliary (&s, i))
        add_passive (&s, i, passives);

  if (passives->len - first > 1)
    qsort (passives->data + (gsize) first * sizeof (HelderPassive),
           passives->len - first, sizeof (HelderPassive), compare_passives);
}
