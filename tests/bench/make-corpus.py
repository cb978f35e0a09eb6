#!/usr/bin/env python3
# make-corpus.py: a varied corpus of Dutch municipal text for the text benchmarks
#
# Copyright 2026 The Helder authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make-corpus.py EXAMPLE-DATA.json LEVELS-DIR OUTPUT [WORDS] [--depfile FILE]
#
# Writes WORDS (default 100,000) words of letters, web pages, news items,
# council decisions, policy notes, omgevingsbeeld items and social posts:
# the labelled texts of tests/text/levels and the example data's texts as
# they are, and documents generated from templates with streets, wijken,
# names, dates, amounts and topics drawn by a fixed seed, so every run
# writes the same bytes.  Documents are shuffled, so any prefix (the
# benchmarks take the first 5,000 and 20,000 words) mixes every kind.  One
# word in about 700 gets a typo, as real text has, so the benchmarks also
# pay for unknown words.  Paragraphs are separated by blank lines.

import json
import os
import random
import sys

STREETS = [
    "Hoofdstraat", "Leidsestraat", "Weeresteinstraat", "Van den Endelaan", "Meerlaan",
    "Pastoor van Leeuwenstraat", "Olympiaplein", "Stationsweg", "Sixlaan", "Marktstraat",
    "Prinses Irenestraat", "Oranjelaan", "Beukenlaan", "Eikenlaan", "Wilhelminastraat",
    "Julianastraat", "Bernhardlaan", "Kerkstraat", "Molenstraat", "Vogelenzangstraat",
    "Patrimoniumstraat", "Hyacintenlaan", "Tulpenlaan", "Narcissenstraat", "Krokusstraat",
    "Irisstraat", "Dahliastraat", "Rozenstraat", "Lelieweg", "Bloemhof", "Zanderij",
    "Haven", "Vosselaan", "Elsbroekerlaan", "Pellikaanweg", "Industrieweg", "Ringvaartweg",
    "Noordelijke Randweg", "Zuider Leidsevaart", "Hoge Weg", "Beeklaan", "Parklaan",
    "Sportlaan", "Schoollaan", "Burgemeester Van Nispenstraat", "Kastanjelaan", "Lindenlaan",
    "Populierenlaan", "Meidoornstraat", "Hazelaarstraat", "Jacob van Ruysdaelstraat",
    "Vermeerstraat", "Rembrandtlaan", "Frans Halsstraat", "Karel Doormanstraat",
    "Piet Heinstraat", "De Ruyterstraat", "Trompstraat", "Evertsenstraat", "Witte de Withstraat",
]
WIJKEN = [
    "Centrum", "Hillegom-Noord", "Hillegom-Zuid", "Vosse en Weerlanden", "Elsbroek",
    "Bloemhof", "de Hoek", "Weeresteinwijk", "Molenwijk", "de Zanderij", "Patrimonium",
    "Olympiawijk", "Meerwijk", "het Bollenveld",
]
PLACES = ["Hillegom", "Lisse", "Teylingen", "Noordwijk", "Haarlem", "Leiden", "Bennebroek",
          "Sassenheim", "Voorhout", "Nieuw-Vennep", "De Zilk", "Noordwijkerhout"]
FIRST = ["Sanne", "Karin", "Marco", "Ilse", "Daan", "Fatima", "Youssef", "Anouk", "Bas",
         "Ingrid", "Pieter", "Noor", "Lucas", "Sophie", "Kees", "Mila", "Henk", "Emma",
         "Ahmed", "Lotte", "Jeroen", "Yara", "Thijs", "Marloes", "Ruud", "Esther", "Willem",
         "Naima", "Gert", "Femke"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Verhoeven", "van der Meer", "El Amrani", "Hoekstra",
        "Vermeulen", "van Leeuwen", "Kok", "Schouten", "de Graaf", "van Dam", "Kuipers", "Postma"]
ROLES = ["wethouder", "burgemeester", "projectleider", "wijkregisseur", "beleidsadviseur",
         "wijkagent", "consulent", "coördinator", "communicatieadviseur", "gebiedsmanager"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
WORKS = [
    ("de riolering", "vervangen"), ("de bestrating", "vernieuwen"), ("de stoep", "opnieuw leggen"),
    ("het fietspad", "verbreden"), ("de straatverlichting", "vervangen door ledlampen"),
    ("de waterleiding", "vernieuwen"), ("de kademuur", "herstellen"), ("de brug", "renoveren"),
    ("het plantsoen", "opnieuw inrichten"), ("de bomen", "snoeien"), ("de speeltuin", "vernieuwen"),
    ("de rotonde", "aanpassen"), ("de gasleiding", "vervangen"), ("de glasvezelkabel", "aanleggen"),
    ("de parkeerplaatsen", "herinrichten"), ("de oversteekplaats", "veiliger maken"),
    ("de bushalte", "toegankelijk maken"), ("de duiker", "vervangen"), ("de beschoeiing", "herstellen"),
    ("het trottoir", "verhogen"),
]
PRODUCTS = [
    ("een paspoort", "Burgerzaken"), ("een identiteitskaart", "Burgerzaken"),
    ("een rijbewijs", "Burgerzaken"), ("een parkeervergunning", "Team Parkeren"),
    ("een gehandicaptenparkeerkaart", "het Wmo-loket"), ("een omgevingsvergunning", "het Omgevingsloket"),
    ("een evenementenvergunning", "Team Vergunningen"), ("bijzondere bijstand", "Werk en Inkomen"),
    ("een uittreksel uit de basisregistratie", "Burgerzaken"), ("een verklaring omtrent het gedrag", "Burgerzaken"),
    ("een standplaatsvergunning", "Team Vergunningen"), ("kwijtschelding van gemeentelijke belastingen", "Belastingen"),
    ("een ontheffing voor de milieuzone", "Team Parkeren"), ("huishoudelijke hulp", "het Wmo-loket"),
    ("leerlingenvervoer", "Team Onderwijs"), ("een afvalpas", "Team Afval"),
    ("een extra container", "Team Afval"), ("een subsidie voor groene daken", "Team Duurzaamheid"),
]
FACILITIES = ["de bibliotheek", "het zwembad", "de sporthal", "het buurthuis", "De Vonk",
              "het gemeentehuis", "de milieustraat", "het Servicepunt", "de speeltuin", "het park",
              "de kinderboerderij", "het jongerencentrum", "de muziekschool", "het dorpshuis",
              "de skatebaan", "het Werkplein", "de voedselbank", "het wijkcentrum"]
PARTNERS = ["de woningcorporatie", "de GGD Hollands Midden", "de Omgevingsdienst West-Holland",
            "HLTsamen", "Meerlanden", "de politie", "de brandweer", "Holland Rijnland",
            "het hoogheemraadschap", "Welzijn Hillegom", "de Veiligheidsregio Hollands Midden",
            "de scholen", "de huisartsen", "de ondernemersvereniging", "de Dorpsraad"]
LAWS = ["de Gemeentewet", "de Omgevingswet", "de Wet maatschappelijke ondersteuning 2015",
        "de Jeugdwet", "de Participatiewet", "de Algemene wet bestuursrecht",
        "de Wet open overheid", "de Algemene plaatselijke verordening", "de Wegenverkeerswet 1994",
        "de Woningwet", "de Wet gemeentelijke schuldhulpverlening", "de Drank- en Horecawet"]
TOPICS = {
    "energie": [
        "Steeds meer inwoners willen hun huis beter isoleren.",
        "Een energiecoach komt gratis bij u thuis en geeft tips om energie te besparen.",
        "Met zonnepanelen op het dak wekt u zelf stroom op.",
        "De gemeente wil dat in {year} de helft van de huizen in {wijk} van het aardgas af is.",
        "Voor een warmtepomp kunt u subsidie krijgen van het Rijk.",
        "De energiecoöperatie Hillezon zoekt daken voor een nieuw zonnepark.",
        "Huurders kunnen bij {partner} vragen om extra isolatie.",
    ],
    "wonen": [
        "Er komen {n} nieuwe woningen aan de {street}.",
        "Een derde van de nieuwe woningen is sociale huur.",
        "Starters kunnen moeilijk een betaalbare woning vinden.",
        "Ouderen die kleiner willen wonen, krijgen voorrang op een appartement in hun eigen wijk.",
        "Het college wil leegstaande kantoren ombouwen tot woningen.",
        "De bouw begint naar verwachting in {month} {year}.",
        "Omwonenden kunnen hun mening geven over het ontwerp van de nieuwe buurt.",
    ],
    "verkeer": [
        "Rond de scholen wordt het in de ochtend erg druk.",
        "De maximumsnelheid in {wijk} gaat naar 30 kilometer per uur.",
        "Er komt een nieuwe oversteekplaats bij de {street}.",
        "Fietsers krijgen een eigen fietspad, gescheiden van de auto's.",
        "Vrachtverkeer mag niet meer door het centrum rijden.",
        "Bij de rotonde komen tijdelijke verkeerslichten.",
        "Ouders worden gevraagd hun kinderen lopend of op de fiets naar school te brengen.",
    ],
    "zorg": [
        "Heeft u hulp nodig in het huishouden? Neem dan contact op met het Wmo-loket.",
        "Mantelzorgers kunnen terecht bij het Steunpunt Mantelzorg.",
        "Een consulent komt bij u thuis voor een gesprek over wat u nodig heeft.",
        "Voor een scootmobiel of een traplift betaalt u een eigen bijdrage.",
        "Jongeren met vragen kunnen anoniem chatten met een jeugdconsulent.",
        "De wachtlijsten in de jeugdzorg zijn de afgelopen maanden korter geworden.",
        "Het sociaal wijkteam werkt samen met {partner}.",
    ],
    "afval": [
        "Gooi groente-, fruit- en tuinafval in de groene container.",
        "Het restafval wordt vanaf {month} om de week opgehaald.",
        "Papier en karton kunt u kwijt in de blauwe container.",
        "Plastic verpakkingen, blik en drinkpakken gaan samen in één zak.",
        "De milieustraat is op zaterdag open van 9.00 tot 16.00 uur.",
        "Grofvuil halen wij gratis op als u een afspraak maakt.",
        "Wie afval naast de container zet, kan een boete krijgen.",
    ],
    "veiligheid": [
        "In {wijk} is het aantal woninginbraken gedaald.",
        "Buurtpreventie werkt: bewoners lopen samen 's avonds een ronde door de wijk.",
        "Deel verdachte situaties met de politie via 112 of 0900 8844.",
        "De burgemeester kan een woning sluiten als er drugs worden verkocht.",
        "Rond de jaarwisseling is er extra toezicht in het centrum.",
        "Camera's in de {street} helpen de politie bij het opsporen van daders.",
        "Jongeren die overlast geven, krijgen eerst een gesprek met de jongerenwerker.",
    ],
    "werk": [
        "Werkzoekenden kunnen elke dinsdag binnenlopen op het Werkplein.",
        "Met een leerwerktraject leert u een vak en krijgt u tegelijk ervaring.",
        "Ondernemers die iemand met een afstand tot de arbeidsmarkt aannemen, krijgen loonkostensubsidie.",
        "Heeft u schulden? De schuldhulpverlening van de gemeente is gratis.",
        "Inwoners met een laag inkomen kunnen een bijdrage krijgen voor sport en cultuur.",
        "De bijstandsuitkering wordt elke maand rond de 25e betaald.",
    ],
    "groen": [
        "In het park komen {n} nieuwe bomen en bloeiende struiken.",
        "Bewoners kunnen samen een stukje groen in hun straat adopteren.",
        "Tegels eruit, planten erin: een groene tuin houdt regenwater vast.",
        "De gemeente maait de bermen minder vaak, zodat bloemen en insecten een kans krijgen.",
        "Bij hevige regen loopt het water beter weg als er minder bestrating is.",
        "De bollenvelden rond Hillegom trekken in het voorjaar veel bezoekers.",
    ],
    "onderwijs": [
        "Basisschool {school} krijgt een nieuw gebouw.",
        "De nieuwe school wordt gebouwd volgens de nieuwste eisen voor ventilatie en energie.",
        "Kinderen met een taalachterstand krijgen extra les in de voorschool.",
        "De leerplichtambtenaar neemt contact op als een kind vaak verzuimt.",
        "Voor leerlingenvervoer vraagt u voor 1 mei een vergoeding aan.",
        "Het schoolplein wordt na schooltijd een openbare speelplek.",
    ],
}

# Words for generated sentences: nouns with their article, adjectives
# (base and inflected), verbs (he-form, participle, infinitive), groups of
# people, and compound parts (the second part gives the article).
NOUNS = """de aanvraag het besluit de regeling het plan de brief het onderzoek de vergunning
de subsidie de bijdrage het budget de begroting de wijziging de uitvoering het overleg
de bijeenkomst de informatieavond de inloop de enquête de vragenlijst de peiling het gesprek
het advies de zienswijze het bezwaar de klacht de melding het signaal de oplossing het knelpunt
de maatregel de afspraak het contract de aanbesteding de aannemer de opdracht de planning
de fasering de evaluatie de monitor de rapportage het verslag de notitie de visie de nota
de verordening de wet de regel het reglement het protocol de richtlijn de procedure de termijn
de datum het tijdstip de locatie de ruimte het gebouw het pand de woning het huis de flat
het appartement de tuin het park het plein de straat de weg de stoep het fietspad de brug
de kade de haven het water de sloot de vaart de dijk de berm de boom de struik het gras
het bloembed de speeltuin het schoolplein de sporthal het zwembad de bibliotheek het buurthuis
het gemeentehuis het station de bushalte de parkeerplaats de garage de laadpaal de container
de afvalbak de milieustraat het afval het restafval het papier het glas het plastic de energie
de warmte het gas de stroom de isolatie het dak het zonnepaneel de warmtepomp de lening
de belasting de heffing de toeslag de uitkering de bijstand de schuld de betaling de rekening
de factuur het tarief de prijs de kosten de opbrengst de reserve de voorziening het risico
de veiligheid de overlast de inbraak de camera het toezicht de handhaving de boete de waarschuwing
de controle de inspectie de school de leerling de leraar de ouder het kind de jongere de oudere
de mantelzorger de vrijwilliger de bewoner de buurman de ondernemer de winkelier de markt
de winkel het bedrijf de vereniging de stichting de club de kerk de zorg de hulp de begeleiding
de ondersteuning de thuiszorg de huisarts het ziekenhuis de apotheek de consulent de coach
het team het loket de balie de website de app het formulier de pas het paspoort het rijbewijs
de stempas de verkiezing de raad het college de wethouder de burgemeester de griffier de fractie
de motie het amendement de vergadering de commissie de agenda het voorstel de stemming
het akkoord de coalitie de oppositie de inwoner de omgeving de buurt de wijk het dorp de kern
het centrum het bollenveld de bollenstreek de regio de provincie het Rijk de minister
het ministerie de samenwerking de partner de organisatie de afdeling de medewerker de collega
de opleiding de training de cursus de workshop de les de stage de baan het werk de werkgever
de werknemer de sollicitatie het inkomen het geld de tijd het jaar de maand de week de dag
de kwestie het onderwerp de vraag het antwoord de uitnodiging de reactie de mening het idee
de wens de zorg de prioriteit het doel de ambitie de opgave de uitdaging de kans het probleem
de ontwikkeling de groei de daling de stijging het aantal de hoeveelheid de kwaliteit de capaciteit
het personeel de formatie de vacature de functie de rol de taak de verantwoordelijkheid het mandaat
de bevoegdheid het besluitvormingsproces de inspraak de participatie de communicatie de voorlichting
de nieuwsbrief het persbericht de folder de poster de advertentie het bord de wegwijzer
de omleiding de afsluiting de wegwerkzaamheden de bouwplaats het bouwverkeer de vrachtwagen de bus
de trein de fiets de scooter de auto de taxi de ambulance de brandweerwagen de hulpdienst
het noodnummer de storing de lekkage de wateroverlast de droogte de hittegolf de storm de sneeuw
het ijs de gladheid het strooizout de strooiwagen de veegwagen de kolk het riool de put de pomp
het gemaal de stuw de sluis de oever de beschoeiing de vijver het moeras de natuur de vogel
de vleermuis de bij de vlinder het insect de egel de vos het hert de hond de kat het paard
de boerderij de kas de kwekerij de bol de tulp de hyacint de narcis het bollenland het landschap
het monument het erfgoed de molen de villa de boerenschuur het museum het theater het concert
de voorstelling de tentoonstelling het festival de braderie de kermis de markt de optocht
de herdenking de viering de opening de ontvangst de lezing het debat de hoorzitting het spreekuur""".split()
NOUNS = [(NOUNS[i], NOUNS[i + 1]) for i in range(0, len(NOUNS), 2)]
ADJECTIVES = [("nieuw", "nieuwe"), ("oud", "oude"), ("groot", "grote"), ("klein", "kleine"),
    ("belangrijk", "belangrijke"), ("duidelijk", "duidelijke"), ("veilig", "veilige"),
    ("goed", "goede"), ("slecht", "slechte"), ("snel", "snelle"), ("langzaam", "langzame"),
    ("duur", "dure"), ("goedkoop", "goedkope"), ("eenvoudig", "eenvoudige"), ("moeilijk", "moeilijke"),
    ("lokaal", "lokale"), ("regionaal", "regionale"), ("landelijk", "landelijke"), ("tijdelijk", "tijdelijke"),
    ("definitief", "definitieve"), ("eerste", "eerste"), ("laatste", "laatste"), ("volgend", "volgende"),
    ("vorig", "vorige"), ("jaarlijks", "jaarlijkse"), ("wekelijks", "wekelijkse"), ("groen", "groene"),
    ("schoon", "schone"), ("stil", "stille"), ("druk", "drukke"), ("rustig", "rustige"), ("breed", "brede"),
    ("smal", "smalle"), ("openbaar", "openbare"), ("gratis", "gratis"), ("extra", "extra"),
    ("zorgvuldig", "zorgvuldige"), ("gezamenlijk", "gezamenlijke"), ("sociaal", "sociale"),
    ("financieel", "financiële"), ("digitaal", "digitale"), ("praktisch", "praktische"),
    ("concreet", "concrete"), ("structureel", "structurele"), ("incidenteel", "incidentele"),
    ("bestaand", "bestaande"), ("huidig", "huidige"), ("toekomstig", "toekomstige"),
    ("betaalbaar", "betaalbare"), ("toegankelijk", "toegankelijke"), ("duurzaam", "duurzame"),
    ("gezond", "gezonde"), ("actief", "actieve"), ("zichtbaar", "zichtbare"), ("tevreden", "tevreden"),
    ("bezorgd", "bezorgde"), ("enthousiast", "enthousiaste"), ("kritisch", "kritische"),
    ("positief", "positieve"), ("negatief", "negatieve"), ("stevig", "stevige"), ("flexibel", "flexibele")]
VERBS = [("bespreekt", "besproken", "bespreken"), ("onderzoekt", "onderzocht", "onderzoeken"),
    ("verbetert", "verbeterd", "verbeteren"), ("vernieuwt", "vernieuwd", "vernieuwen"),
    ("bouwt", "gebouwd", "bouwen"), ("plant", "gepland", "plannen"), ("regelt", "geregeld", "regelen"),
    ("betaalt", "betaald", "betalen"), ("ontvangt", "ontvangen", "ontvangen"),
    ("verstuurt", "verstuurd", "versturen"), ("beoordeelt", "beoordeeld", "beoordelen"),
    ("controleert", "gecontroleerd", "controleren"), ("organiseert", "georganiseerd", "organiseren"),
    ("ondersteunt", "ondersteund", "ondersteunen"), ("start", "gestart", "starten"),
    ("stopt", "gestopt", "stoppen"), ("verlengt", "verlengd", "verlengen"), ("verlaagt", "verlaagd", "verlagen"),
    ("verhoogt", "verhoogd", "verhogen"), ("verandert", "veranderd", "veranderen"),
    ("bekijkt", "bekeken", "bekijken"), ("meet", "gemeten", "meten"), ("telt", "geteld", "tellen"),
    ("verdeelt", "verdeeld", "verdelen"), ("herstelt", "hersteld", "herstellen"),
    ("vervangt", "vervangen", "vervangen"), ("opent", "geopend", "openen"), ("sluit", "gesloten", "sluiten"),
    ("verplaatst", "verplaatst", "verplaatsen"), ("beschermt", "beschermd", "beschermen"),
    ("stimuleert", "gestimuleerd", "stimuleren"), ("evalueert", "geëvalueerd", "evalueren"),
    ("presenteert", "gepresenteerd", "presenteren"), ("publiceert", "gepubliceerd", "publiceren"),
    ("deelt", "gedeeld", "delen"), ("verzamelt", "verzameld", "verzamelen"), ("maakt", "gemaakt", "maken"),
    ("zoekt", "gezocht", "zoeken"), ("vindt", "gevonden", "vinden"), ("helpt", "geholpen", "helpen"),
    ("kiest", "gekozen", "kiezen"), ("koopt", "gekocht", "kopen"), ("verkoopt", "verkocht", "verkopen"),
    ("huurt", "gehuurd", "huren"), ("plaatst", "geplaatst", "plaatsen"), ("verwijdert", "verwijderd", "verwijderen"),
    ("beantwoordt", "beantwoord", "beantwoorden"), ("vraagt", "gevraagd", "vragen"),
    ("legt", "gelegd", "leggen"), ("zet", "gezet", "zetten"), ("brengt", "gebracht", "brengen"),
    ("haalt", "gehaald", "halen"), ("schrijft", "geschreven", "schrijven"), ("leest", "gelezen", "lezen"),
    ("test", "getest", "testen"), ("bewaart", "bewaard", "bewaren"), ("inventariseert", "geïnventariseerd", "inventariseren"),
    ("vereenvoudigt", "vereenvoudigd", "vereenvoudigen"), ("versnelt", "versneld", "versnellen"),
    ("bundelt", "gebundeld", "bundelen"), ("begeleidt", "begeleid", "begeleiden")]
GROUPS = ["bewoners", "ouders", "ondernemers", "jongeren", "ouderen", "mantelzorgers", "vrijwilligers",
    "huurders", "huiseigenaren", "scholieren", "fietsers", "automobilisten", "statushouders",
    "werkzoekenden", "verenigingen", "inwoners met een laag inkomen", "kinderen", "studenten",
    "winkeliers", "agrariërs", "bollenkwekers", "zorgaanbieders", "woningzoekenden", "gezinnen",
    "alleenstaanden", "nieuwe inwoners", "buurtbewoners", "raadsleden", "medewerkers", "partners"]
FIRST_PARTS = ["verkeers", "woning", "jeugd", "afval", "parkeer", "school", "buurt", "wijk", "fiets",
    "zorg", "energie", "water", "bouw", "speel", "sport", "huur", "belasting", "subsidie", "bewoners",
    "gemeente", "college", "beleids", "project", "informatie", "klimaat", "groen", "markt", "winkel",
    "haven", "veiligheids", "inkomens", "schuld", "vrijwilligers", "mantelzorg", "onderwijs", "cultuur",
    "evenementen", "omgevings", "participatie", "communicatie", "natuur", "erfgoed", "monumenten",
    "bollen", "toerisme", "recreatie", "horeca", "bedrijven", "kantoor", "station", "dorps",
    "straat", "plein", "park", "speeltuin", "zwembad", "bibliotheek", "museum", "gezondheids",
    "ouderen", "kinder", "gezins", "armoede", "integratie", "taal", "digitale", "data", "privacy"]
SECOND_PARTS = [("het", "plan"), ("de", "regeling"), ("het", "beleid"), ("het", "overleg"), ("de", "avond"),
    ("het", "team"), ("de", "vergunning"), ("de", "aanvraag"), ("de", "kosten"), ("het", "budget"),
    ("de", "route"), ("de", "plek"), ("het", "loket"), ("de", "brief"), ("het", "besluit"), ("het", "onderzoek"),
    ("het", "project"), ("het", "programma"), ("de", "agenda"), ("de", "monitor"), ("de", "commissie"),
    ("het", "fonds"), ("de", "pas"), ("het", "punt"), ("de", "kaart"), ("de", "kalender"), ("de", "bijdrage"),
    ("de", "toeslag"), ("de", "zone"), ("de", "coach"), ("de", "strategie"), ("de", "visie"), ("de", "nota"),
    ("het", "spreekuur"), ("de", "campagne"), ("de", "aanpak"), ("de", "bijeenkomst"), ("de", "werkgroep"),
    ("de", "monitor"), ("het", "register"), ("de", "database"), ("het", "verslag"), ("de", "rapportage"),
    ("de", "index"), ("het", "keurmerk"), ("de", "norm"), ("de", "ambitie"), ("de", "opgave"), ("de", "vraag"),
    ("het", "aanbod"), ("de", "markt"), ("de", "dienst"), ("de", "organisatie"), ("het", "netwerk"),
    ("de", "partner"), ("de", "ambtenaar"), ("de", "adviseur"), ("de", "medewerker"), ("het", "loket")]
PLACES_PP = ["in {wijk}", "bij {facility}", "aan de {street}", "in het centrum", "rond de scholen",
    "in de hele gemeente", "in de bollenstreek", "in {place}", "langs de {street}", "op het plein",
    "in alle wijken", "bij de ingang van {facility}", "tussen {place} en Hillegom"]
TIMES = ["in {month}", "voor {date}", "na de zomer", "in het voorjaar", "volgend jaar", "in {year}",
    "vanaf {day}", "deze week", "binnen {weeks} weken", "voor het einde van het jaar", "op {day} {date}"]
FRAMES = [
    "{Subj} {v3} {np} {pp}.",
    "{Subj} {v3} {time} {np}.",
    "{Subj} wil {np} {pp} {inf}.",
    "{Time} wordt {np} {pp} {part}.",
    "{NP} is {adj} voor {group}.",
    "Volgens {partner} is {np} {adj}.",
    "Wij vragen {group} om {np} te {inf}.",
    "Door {np} kunnen {group} {np2} beter {inf}.",
    "{NP} wordt {time} {part}.",
    "Heeft u een vraag over {np}? Neem dan contact op met {np2}.",
    "Ook {group} kunnen meedoen aan {np}.",
    "{Subj} heeft {np} {pp} {part}.",
    "Het is de bedoeling dat {np} {time} klaar is.",
    "Daarom {v3} {subj} {np} samen met {partner}.",
    "{NP} {pp} kost ongeveer {amount} euro.",
    "Veel {group} vinden {np} {adj}.",
    "Na {np} volgt {np2}.",
    "{Subj} zorgt ervoor dat {np} {adj} blijft.",
    "Met {np} willen we {group} beter bereiken.",
    "{NP} staat op de agenda van {np2}.",
]
SUBJECTS = ["de gemeente", "het college", "de raad", "wij", "de wethouder", "{partner}", "de aannemer",
    "het wijkteam", "de projectgroep", "de werkgroep", "de buitendienst", "de afdeling"]

SCHOOLS = ["De Regenboog", "De Klimop", "Het Mozaïek", "De Vogelhorst", "Sint Jozef",
           "De Schakel", "Het Kompas", "De Fontein"]


class Maker:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def person(self):
        return "%s %s" % (self.pick(FIRST), self.pick(LAST))

    def surname(self):
        last = self.pick(LAST)
        return last[0].upper() + last[1:]

    def date(self):
        return "%d %s" % (self.r.randint(1, 28), self.pick(MONTHS))

    def fill(self, s):
        values = {
            "street": self.pick(STREETS), "wijk": self.pick(WIJKEN), "place": self.pick(PLACES),
            "person": self.person(), "surname": self.surname(), "role": self.pick(ROLES),
            "month": self.pick(MONTHS), "day": self.pick(DAYS), "date": self.date(),
            "year": self.r.randint(2026, 2032), "n": self.r.choice([12, 18, 24, 30, 45, 60, 80, 120, 150]),
            "weeks": self.r.randint(2, 16), "amount": self.r.choice(["45", "120", "250", "350", "1.200", "2.500", "15.000", "48.000"]),
            "partner": self.pick(PARTNERS), "facility": self.pick(FACILITIES), "law": self.pick(LAWS),
            "number": "%d/%04d" % (self.r.randint(2025, 2027), self.r.randint(1, 9999)),
            "hour": self.r.choice(["7.30", "8.00", "9.00", "10.00", "13.30", "19.00", "19.30", "20.00"]),
            "phone": self.r.choice(["14 0252", "0252 123 456", "06 1234 5678", "0252 987 654"]),
            "school": self.pick(SCHOOLS), "percent": self.r.randint(2, 40),
        }
        return s.format(**values)

    def para(self, sentences, n_min=2, n_max=5):
        k = min(len(sentences), self.r.randint(n_min, n_max))
        return " ".join(self.fill(s) for s in self.r.sample(sentences, k))

    def topic(self):
        return self.pick(sorted(TOPICS))


    def np(self, definite=None):
        r = self.r
        if r.random() < 0.35:
            article, second = self.pick(SECOND_PARTS)
            noun = self.pick(FIRST_PARTS) + second
        else:
            article, noun = self.pick(NOUNS)
        if definite is None:
            definite = r.random() < 0.7
        if r.random() < 0.4:
            base, inflected = self.pick(ADJECTIVES)
            if definite:
                return "%s %s %s" % (article, inflected, noun)
            return "een %s %s" % (base if article == "het" else inflected, noun)
        return ("%s %s" % (article, noun)) if definite else ("een %s" % noun)

    def sentence(self):
        v3, part, inf = self.pick(VERBS)
        frame = self.pick(FRAMES)
        subj = self.fill(self.pick(SUBJECTS))
        np, np2 = self.np(), self.np()
        time = self.fill(self.pick(TIMES))
        values = {
            "Subj": subj[0].upper() + subj[1:], "subj": subj, "v3": v3, "part": part, "inf": inf,
            "np": np, "NP": np[0].upper() + np[1:], "np2": np2, "pp": self.fill(self.pick(PLACES_PP)),
            "time": time, "Time": time[0].upper() + time[1:], "adj": self.pick(ADJECTIVES)[0],
            "group": self.pick(GROUPS), "partner": self.pick(PARTNERS),
            "amount": self.pick(["4.500", "12.000", "80.000", "250.000", "1,2 miljoen"]),
        }
        return frame.format(**values)

    def general(self, n_min=2, n_max=5):
        return " ".join(self.sentence() for _ in range(self.r.randint(n_min, n_max)))

    # Document kinds

    def letter_works(self):
        what, verb = self.pick(WORKS)
        street = self.pick(STREETS)
        opening = self.pick([
            "Beste bewoner,", "Beste bewoners van de %s," % street, "Geachte heer, mevrouw,", "Beste buren,",
        ])
        intro = self.pick([
            "Van {date} tot en met {date} gaan wij %s in de %s %s." % (what, street, verb),
            "Binnenkort gaan wij %s in de %s %s. Het werk begint op {date}." % (what, street, verb),
            "U woont in de %s. Daar gaan wij in {month} %s %s." % (street, what, verb),
            "Wij willen u laten weten dat %s in uw straat in slechte staat is. Daarom gaan wij die %s." % (what, verb),
        ])
        middle = self.para([
            "Het werk duurt ongeveer {weeks} weken.",
            "Tijdens het werk is de straat afgesloten voor auto's.",
            "U kunt uw woning altijd te voet bereiken.",
            "Uw auto kunt u kwijt op het parkeerterrein bij {facility}.",
            "Het werk maakt soms lawaai en er kan trilling ontstaan.",
            "De aannemer werkt op werkdagen van 7.00 tot 16.00 uur.",
            "Afval wordt gewoon opgehaald; zet uw container aan het begin van de straat.",
            "Hulpdiensten kunnen er altijd langs.",
            "Bent u slecht ter been? Laat het ons weten, dan zoeken we samen naar een oplossing.",
            "Na afloop is de straat veiliger voor fietsers en voetgangers.",
            "Wij doen ons best om de overlast zo klein mogelijk te houden.",
            "De planning kan veranderen door het weer.",
        ], 3, 6)
        meeting = self.pick([
            "Op {day} {date} houden wij een inloopavond in {facility}. U bent welkom vanaf {hour} uur.",
            "Heeft u vragen? Bel dan {person}, {role}, op {phone}.",
            "Kijk voor de laatste stand van zaken op onze website of in de app van het project.",
            "Heeft u vragen over het werk? Mail dan naar info@hillegom.nl of bel {phone}.",
        ])
        closing = self.pick(["Met vriendelijke groet,", "Met vriendelijke groeten,", "Hoogachtend,"])
        return [self.fill(opening), self.fill(intro), middle, self.general(1, 3), self.fill(meeting),
                closing + "\n\n" + self.fill("{person}\n{role}")]

    def web_product(self):
        product, team = self.pick(PRODUCTS)
        title = self.pick(["%s aanvragen", "Zo vraagt u %s aan", "%s: wat moet u doen?"]) % product
        title = title[0].upper() + title[1:]
        who = self.para([
            "U vraagt %s aan bij %s." % (product, team),
            "Maak eerst een afspraak. Dat kan online of via {phone}.",
            "U moet zelf naar het gemeentehuis komen.",
            "Neem een geldig identiteitsbewijs mee.",
            "Log in met DigiD om de aanvraag te doen.",
            "De kosten zijn {amount} euro.",
            "U betaalt aan de balie met uw pinpas.",
            "Binnen {weeks} weken krijgt u bericht.",
            "Woont u niet in Hillegom? Dan vraagt u het aan in uw eigen gemeente.",
            "Voor kinderen onder de 18 jaar gelden andere regels.",
            "U kunt de aanvraag ook laten doen door iemand die u machtigt.",
        ], 3, 6)
        steps = "\n".join("%d. %s" % (i + 1, self.fill(s)) for i, s in enumerate(self.r.sample([
            "Vul het formulier in.", "Voeg de gevraagde stukken toe.", "Betaal de kosten online.",
            "Kies een datum en tijd.", "Kom op tijd naar de balie.", "Neem uw oude document mee.",
            "Wacht op de bevestiging per e-mail.", "Haal het document op bij {facility}.",
        ], self.r.randint(3, 5))))
        extra = self.para([
            "Heeft u hulp nodig bij het invullen? Ga dan naar het Servicepunt.",
            "Lukt het niet online? Bel ons, dan helpen wij u.",
            "Bent u het niet eens met het besluit? Dan kunt u binnen zes weken bezwaar maken.",
            "Meer informatie vindt u op de website van de Rijksoverheid.",
            "Let op: zonder afspraak kunnen wij u niet helpen.",
        ], 1, 3)
        return [title, who, steps, extra]

    def news(self):
        topic = self.topic()
        headline = self.pick([
            "Nieuws uit {wijk}", "Gemeente start met plan voor %s" % topic,
            "Inwoners denken mee over %s" % topic, "Raad praat over %s" % topic,
            "Meer aandacht voor %s in {wijk}" % topic, "Wethouder {surname} opent {facility}",
        ])
        body = self.para(TOPICS[topic], 3, 5)
        quote = self.fill(self.pick([
            "Wethouder {surname}: \"Wij willen dat iedereen kan meedoen. Daarom luisteren we eerst naar de bewoners.\"",
            "\"Dit is een belangrijke stap voor {wijk}\", zegt {person}, {role}.",
            "Volgens {person} van {partner} is de samenwerking goed verlopen.",
            "\"We hebben veel reacties gekregen\", vertelt {role} {person}. \"Daar zijn we blij mee.\"",
        ]))
        more = self.para(TOPICS[topic] + [
            "Het plan is gemaakt samen met {partner}.",
            "De gemeenteraad neemt in {month} een besluit.",
            "Op {day} {date} is er een bijeenkomst in {facility}.",
            "Het project kost ongeveer {amount} euro.",
        ], 2, 4)
        return [self.fill(headline), body, quote, more, self.general()]

    def council_decision(self):
        subject = self.pick([
            "de Verordening maatschappelijke ondersteuning", "de Afvalstoffenverordening",
            "de Verordening onroerendezaakbelastingen", "het Parkeerbeleid", "de Subsidieverordening",
            "de Verordening jeugdhulp", "het Omgevingsplan", "de Legesverordening",
            "de Nota grondbeleid", "het Integraal Veiligheidsplan", "de Woonvisie",
        ])
        parts = [
            "De raad van de gemeente Hillegom;",
            self.fill("gelezen het voorstel van burgemeester en wethouders van {date}, nummer {number};"),
            self.fill("gelet op %s en %s;" % (self.pick(LAWS), self.pick(LAWS))),
            self.fill(self.pick([
                "overwegende dat het wenselijk is %s in overeenstemming te brengen met de gewijzigde regelgeving;" % subject,
                "overwegende dat uit de evaluatie is gebleken dat %s op onderdelen dient te worden aangepast;" % subject,
                "overwegende dat het noodzakelijk is de tarieven met ingang van 1 januari {year} te indexeren;",
                "overwegende dat de ingediende zienswijzen aanleiding geven tot ambtshalve wijzigingen;",
            ])),
            "besluit:",
            self.fill(self.pick([
                "vast te stellen %s {year}, zoals opgenomen in de bijlage bij dit besluit;" % subject,
                "%s te wijzigen overeenkomstig het bij dit besluit behorende wijzigingsbesluit;" % subject,
                "in te stemmen met de herziening van %s en het college op te dragen de uitvoering ter hand te nemen;" % subject,
            ])),
            self.fill(self.pick([
                "Dit besluit treedt in werking op de dag na die van de bekendmaking.",
                "Aldus besloten in de openbare vergadering van {date} {year}.",
                "De griffier, {person}. De voorzitter, {person}.",
            ])),
        ]
        return parts

    def policy(self):
        topic = self.topic()
        title = self.pick(["Beleidsnotitie %s", "Uitvoeringsagenda %s", "Evaluatie %s", "Visie op %s"]) % topic
        intro = self.fill(self.pick([
            "Deze notitie beschrijft hoe de gemeente de komende jaren werkt aan %s en welke keuzes het college daarbij maakt." % topic,
            "In het coalitieakkoord is afgesproken dat %s een prioriteit is. Deze uitvoeringsagenda werkt die afspraak uit." % topic,
            "De evaluatie laat zien dat de aanpak van %s op onderdelen effect heeft gehad, maar dat er ook knelpunten zijn." % topic,
        ]))
        body = self.para([
            "Daarbij werkt de gemeente nauw samen met {partner} en met inwoners en ondernemers.",
            "De ambitie is om in {year} een merkbare verbetering te bereiken in alle wijken.",
            "Om de voortgang te volgen, wordt jaarlijks een monitor opgesteld.",
            "De kosten worden gedekt uit de reserve sociaal domein en uit bijdragen van het Rijk.",
            "Een deel van de maatregelen vraagt om extra capaciteit in de ambtelijke organisatie.",
            "Het college kiest ervoor om eerst in {wijk} te beginnen, omdat de opgave daar het grootst is.",
            "De risico's zijn in beeld gebracht en worden beheerst door een gefaseerde aanpak.",
            "Participatie is een vast onderdeel van elk project: bewoners worden vroeg betrokken.",
            "Wij verwachten dat de eerste resultaten in het najaar van {year} zichtbaar zijn.",
            "De raad wordt twee keer per jaar geïnformeerd over de voortgang.",
            "Tegelijkertijd constateren wij dat de beschikbare middelen beperkt zijn.",
            "Een integrale benadering is noodzakelijk, omdat de opgaven met elkaar samenhangen.",
        ] + TOPICS[topic], 4, 7)
        closing = self.fill(self.pick([
            "Het college stelt de raad voor om in te stemmen met deze notitie en de benodigde middelen beschikbaar te stellen.",
            "Na vaststelling wordt de aanpak uitgewerkt in concrete projecten, die afzonderlijk aan de raad worden voorgelegd.",
            "Wij nodigen de raad uit om wensen en bedenkingen kenbaar te maken voor {date}.",
        ]))
        return [self.fill(title), intro, body, self.general(3, 6), closing]

    def omgevingsbeeld(self):
        items = []
        for _ in range(self.r.randint(3, 6)):
            topic = self.topic()
            items.append(self.fill(self.pick([
                "{wijk}: bewoners maken zich zorgen over %s. Zij vragen om een gesprek met de wethouder." % topic,
                "Op sociale media veel reacties op het bericht over %s; de toon is overwegend positief." % topic,
                "De lokale krant schrijft deze week over %s in {wijk}." % topic,
                "Signaal via Fixi: losliggende tegels in de {street}. Doorgezet naar de buitendienst.",
                "Raadsvragen gesteld over %s; het antwoord volgt binnen dertig dagen." % topic,
                "%s meldt een toename van vragen over %s." % (self.pick(PARTNERS), topic),
                "Komende week: informatieavond over %s in {facility}, {day} om {hour} uur." % topic,
            ])))
        return ["Omgevingsbeeld week %d" % self.r.randint(1, 52)] + items + [self.general(1, 2)]

    def social(self):
        topic = self.topic()
        return [self.fill(self.pick([
            "Let op! Vanaf {day} is de {street} afgesloten. Volg de gele borden.",
            "Vandaag opende wethouder {surname} {facility}. Kom gerust een kijkje nemen!",
            "Heeft u een idee voor uw buurt? Laat het ons weten voor {date}.",
            "Het is weer bollentijd! Parkeer niet in de berm en blijf van de velden af.",
            "Wat vindt u belangrijk als het gaat om %s? Vul de korte vragenlijst in." % topic,
            "Storm op komst. Zet losse spullen in uw tuin vast en houd de weg vrij voor hulpdiensten.",
            "Gevonden: een grijze kat bij de {street}. Herkent u hem? Bel {phone}.",
        ])) + " " + self.fill(self.pick(TOPICS[topic]))]

    def newsletter(self):
        parts = [self.fill(self.pick(["Nieuwsbrief {wijk}", "Wijkbericht {wijk}", "Raadsnieuws {month}",
                                      "Collegebericht week %d" % self.r.randint(1, 52)]))]
        for _ in range(self.r.randint(3, 5)):
            topic = self.topic()
            parts.append(topic[0].upper() + topic[1:])
            parts.append(self.general(2, 4) + " " + self.para(TOPICS[topic], 1, 2))
        return parts

    def decision_letter(self):
        product, team = self.pick(PRODUCTS)
        return [
            self.pick(["Geachte heer %s," % self.surname(), "Geachte mevrouw %s," % self.surname(), "Beste %s," % self.pick(FIRST)]),
            self.fill(self.pick([
                "Op {date} heeft u %s aangevraagd. Wij hebben uw aanvraag beoordeeld." % product,
                "Naar aanleiding van uw aanvraag van {date} voor %s delen wij u het volgende mee." % product,
                "U heeft ons gevraagd om %s. Dank u wel voor uw aanvraag." % product,
            ])),
            self.para([
                "Wij hebben besloten uw aanvraag toe te kennen.",
                "Helaas moeten wij uw aanvraag afwijzen, omdat uw inkomen hoger is dan de grens.",
                "Uit de stukken blijkt dat u voldoet aan de voorwaarden.",
                "Het besluit is genomen op grond van {law}.",
                "U ontvangt het bedrag van {amount} euro binnen tien werkdagen.",
                "Wij hebben daarbij rekening gehouden met het advies van {partner}.",
                "De beslissing geldt tot en met {date} {year}.",
                "Verandert er iets in uw situatie? Geef dat dan direct aan ons door.",
            ], 2, 4),
            "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken.",
            "Met vriendelijke groet,\n\n" + team,
        ]


def typo(r, word):
    i = r.randrange(1, len(word) - 1)
    kind = r.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + r.choice("aeiouenrst") + word[i + 1:]


def with_typos(r, paragraph):
    words = paragraph.split(" ")
    for k, w in enumerate(words):
        if len(w) >= 7 and w.isalpha() and r.random() < 1 / 400:
            words[k] = typo(r, w)
    return " ".join(words)


def main():
    args = sys.argv[1:]
    depfile = None
    if "--depfile" in args:
        k = args.index("--depfile")
        depfile = args[k + 1]
        del args[k:k + 2]
    example, levels, output = args[:3]
    target = int(args[3]) if len(args) > 3 else 100000
    maker = Maker(2026)

    fixed = []
    with open(example, encoding="utf-8") as f:
        for record in json.load(f)["records"]:
            for field in ("body", "summary", "rationale", "text", "description"):
                value = record.get("data", {}).get(field)
                if isinstance(value, str) and len(value.split()) >= 12:
                    fixed.append([p for p in value.split("\n\n") if p.strip()])
    for name in sorted(os.listdir(levels)):
        if name.endswith(".txt"):
            with open(os.path.join(levels, name), encoding="utf-8") as f:
                fixed.append([p for p in f.read().split("\n\n") if p.strip()])

    kinds = [maker.letter_works, maker.web_product, maker.news, maker.council_decision,
             maker.policy, maker.omgevingsbeeld, maker.social, maker.decision_letter,
             maker.newsletter, maker.newsletter, maker.newsletter]
    documents = list(fixed)
    words = sum(len(" ".join(d).split()) for d in documents)
    while words < target * 1.02:
        document = maker.pick(kinds)()
        documents.append(document)
        words += len(" ".join(document).split())
    maker.r.shuffle(documents)

    out, count = [], 0
    for document in documents:
        for paragraph in document:
            if count >= target:
                break
            paragraph = with_typos(maker.r, paragraph)
            out.append(paragraph)
            count += len(paragraph.split())
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n\n".join(out) + "\n")
    if depfile is not None:
        inputs = [example] + [os.path.join(levels, n) for n in sorted(os.listdir(levels)) if n.endswith(".txt")]
        with open(depfile, "w", encoding="utf-8") as f:
            f.write("%s: %s\n" % (output, " ".join(inputs)))


if __name__ == "__main__":
    main()
