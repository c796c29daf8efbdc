"""Word lists and sentence parts from which the generated volume is composed."""

from __future__ import annotations

from demo.data.network import K
from demo.data.practices import P
from events.models import Event
from practices.models import Practice

SCHOOL_NOUNS = ["De Regenboog", "De Wegwijzer", "Het Kompas", "De Springplank", "De Vlieger", "De Horizon",
                "'t Palet", "De Zonnewijzer", "Het Baken", "De Ontdekking", "De Klimop", "De Sterrenboog",
                "De Tweemaster", "Het Mozaïek", "De Fontein", "De Windroos", "De Linde", "Het Anker"]


CHILDCARE_NOUNS = ["Kindkracht", "Het Speelhuis", "De Boomhut", "Kleine Reus", "Ukkepuk", "De Speeltuin",
                   "Zonnestraal", "Het Nest"]


VO_NAMES = ["Stedelijk College", "Vakcollege", "Het Lyceum", "Scholengemeenschap De Brug", "Montessori College"]


# Per kind: how generated partners are named (the place is added to the slug, not to the name).
GENERATED_PARTNER_KINDS = [
    (K.CHILDCARE, "Kinderopvang {noun}", CHILDCARE_NOUNS),
    (K.AFTER_SCHOOL, "BSO {noun}", CHILDCARE_NOUNS),
    (K.YOUTH_CARE, "Jeugd- en gezinsteam {place}", None),
    (K.WELFARE, "Welzijn {place}", None),
    (K.SPORT, "Sportbedrijf {place}", None),
    (K.CULTURE, "Bibliotheek {place}", None),
    (K.PROVIDER, "Huiswerkhuis {place}", None),
]


KIND_DESCRIPTIONS = {
    K.SCHOOL_PO: "Basisschool in {place}.",
    K.SCHOOL_VO: "School voor voortgezet onderwijs in {place}.",
    K.SCHOOL_SO: "School voor speciaal onderwijs in {place} en omgeving.",
    K.IKC: "Integraal kindcentrum in {place}: onderwijs en opvang onder één dak.",
    K.CHILDCARE: "Kinderdagverblijf en peuteropvang in {place}.",
    K.AFTER_SCHOOL: "Buitenschoolse opvang bij verschillende scholen in {place}.",
    K.YOUTH_CARE: "Jeugdhulp in de wijk, met vaste contactpersonen voor scholen in {place}.",
    K.MUNICIPALITY: "Gemeente {place}, trekker van de lokale educatieve agenda.",
    K.WELFARE: "Buurtwerk, jongerenwerk en ouderkamers in {place}.",
    K.SPORT: "Buurtsportcoaches en sportkennismaking voor kinderen in {place}.",
    K.CULTURE: "Bibliotheek met voorleesprogramma's, taalspreekuren en cultuuraanbod in {place}.",
    K.PROVIDER: "Huiswerkbegeleiding en bijles in kleine groepen in {place}.",
    K.UNIVERSITY: "Hogeschool in {place}.",
}


COALITION_NAME_PATTERNS = ["{place}", "{place}", "{place}", "Kansrijk {place}", "Samen voor {place}",
                           "{place} Verbindt"]


# Per theme: short topic (for event titles) and ideas for practices: (title, what they do, how).
THEME_TOPICS = {
    "talentontwikkeling": "talentontwikkeling",
    "verrijkte-schooldag": "de verrijkte schooldag",
    "ouderbetrokkenheid": "ouderbetrokkenheid",
    "samenwerking-jeugdhulp": "samenwerken met jeugdhulp",
    "extra-onderwijstijd": "tutoring en extra leertijd",
    "belevingswereld": "de wereld van kinderen vergroten",
    "taal-nt2": "taal en NT2",
    "welbevinden-verzuim": "welbevinden en verzuim",
    "school-kinderopvang": "school en kinderopvang",
    "cultureel-responsief-onderwijs": "cultureel responsief lesgeven",
    "armoede": "armoede in de klas",
}


PRACTICE_IDEAS = {
    "talentontwikkeling": [
        ("Talentenmiddag", "organiseert elke week een talentenmiddag waarop kinderen kiezen uit activiteiten "
         "van lokale aanbieders",
         "Kinderen kiezen per periode een blok van zes weken: muziek, sport, techniek of kunst. Aanbieders "
         "geven de lessen op of vlak bij school; een leerkracht is het vaste aanspreekpunt."),
        ("Talentgesprekken met ieder kind", "voert twee keer per jaar een talentgesprek met ieder kind",
         "In het gesprek staat niet de toets centraal, maar de vraag waar een kind energie van krijgt. De "
         "uitkomst bepaalt mee welke activiteiten het kind kiest."),
        ("Talentenroute na schooltijd", "biedt een talentenroute waarin kinderen na schooltijd proeven aan "
         "sport, cultuur en techniek",
         "De route loopt het hele schooljaar. Per blok is er een kennismakingsles, een verdiepingsles en een "
         "presentatie voor ouders."),
    ],
    "verrijkte-schooldag": [
        ("Verrijkte lunchpauze", "benut de lunchpauze voor korte activiteiten met sport, spel en cultuur",
         "Na het eten sluiten kinderen aan bij een activiteit op het plein of in de speelzaal. Vrijwilligers "
         "en pedagogisch medewerkers van de bso begeleiden."),
        ("Weekprogramma met sport en cultuur", "zette met partners een vast weekprogramma op waarin sport "
         "en cultuur een plek in de schooldag krijgen",
         "Een coördinator stemt het rooster af met de aanbieders en bewaakt dat de activiteiten aansluiten "
         "bij wat er in de klas gebeurt."),
        ("Wijkschool met middagaanbod", "opent na lestijd de deuren voor activiteiten van buurtpartners",
         "De school stelt lokalen en de gymzaal beschikbaar; welzijn, sportbedrijf en bibliotheek verzorgen "
         "om beurten het aanbod."),
    ],
    "ouderbetrokkenheid": [
        ("Ouderkamer", "richtte een ouderkamer in waar ouders elkaar en het team informeel ontmoeten",
         "Twee ochtenden per week is de ouderkamer open. Een vaste ouder en een medewerker van welzijn "
         "ontvangen met koffie en een onderwerp dat ouders zelf aandragen."),
        ("Koffieochtenden met een thema", "organiseert elke maand een koffieochtend over een onderwerp dat "
         "ouders zelf kiezen",
         "De onderwerpen lopen uiteen van slapen en schermtijd tot de overstap naar het voortgezet onderwijs. "
         "Er is altijd een taalmaatje aanwezig."),
        ("Huisbezoeken bij de start van het schooljaar", "zoekt alle nieuwe gezinnen thuis op voordat het "
         "schooljaar begint",
         "De leerkracht gaat samen met een collega langs. Het gesprek gaat over het kind en over wat je van "
         "elkaar mag verwachten, niet over regels."),
    ],
    "samenwerking-jeugdhulp": [
        ("Jeugdhulp in de school", "heeft een jeugdhulpverlener die vaste dagdelen op school werkt",
         "Leerkrachten en ouders kunnen zonder verwijzing binnenlopen. De jeugdhulpverlener schuift aan bij "
         "het zorgoverleg en kent de kinderen uit de klas."),
        ("Wijkteam aan tafel bij het zorgoverleg", "nodigt het wijkteam standaard uit bij het zorgoverleg",
         "Wijkteam en intern begeleider bespreken samen welke gezinnen steun kunnen gebruiken, met "
         "toestemming van de ouders."),
        ("Snelle lijn met het jeugdteam", "maakte vaste afspraken met het jeugdteam over reactietijd en "
         "terugkoppeling",
         "Binnen een week na een signaal is er contact; na drie maanden volgt een gezamenlijke evaluatie met "
         "school en ouders."),
    ],
    "extra-onderwijstijd": [
        ("Tutoring door studenten", "zet studenten in als tutor voor kleine groepjes leerlingen",
         "Drie keer per week werken tutoren twintig minuten met groepjes van drie leerlingen aan rekenen of "
         "lezen. De leerkracht bepaalt de doelen."),
        ("Huiswerkklas in de bibliotheek", "zette samen met de bibliotheek een huiswerkklas op",
         "Leerlingen kunnen na schooltijd terecht voor hulp bij huiswerk en plannen; vrijwilligers en "
         "oud-leerlingen begeleiden."),
        ("Zaterdagschool", "biedt op zaterdagochtend extra lessen en activiteiten aan",
         "De ochtend is voor de helft gericht op taal en rekenen en voor de helft op kennismaking met "
         "beroepen en de wereld."),
    ],
    "belevingswereld": [
        ("Excursies naar bedrijven en beroepen", "neemt leerlingen mee naar bedrijven en instellingen in de "
         "regio",
         "Elke groep gaat minstens vier keer per jaar op pad. Ouders met een bijzonder beroep vertellen in "
         "de klas over hun werk."),
        ("Museumlessen voor iedere groep", "bouwt met musea en cultuurinstellingen een doorlopende leerlijn",
         "Iedere groep bezoekt jaarlijks een museum of voorstelling; voorbereiding en verwerking gebeuren in "
         "de klas."),
        ("Natuurlessen buiten de wijk", "gaat met kinderen naar het bos, het strand en de boerderij",
         "De lessen sluiten aan bij wereldoriëntatie. Voor veel kinderen is het de eerste keer dat ze zo ver "
         "buiten hun eigen wijk komen."),
    ],
    "taal-nt2": [
        ("Voorleesprogramma met de bibliotheek", "werkt met de bibliotheek aan een voorleesprogramma voor "
         "kinderen en ouders",
         "Voorlezers komen elke week in de klas en ouders lenen boeken in hun eigen taal én in het "
         "Nederlands."),
        ("Taalklas voor nieuwkomers", "heeft een taalklas waarin nieuwkomers intensief Nederlands leren",
         "Nieuwkomers krijgen een jaar lang les in een kleine groep met veel aandacht voor woordenschat. "
         "Daarna stromen ze door naar een gewone groep, begeleid door een taalcoach."),
        ("Taalcafé voor ouders", "organiseert een taalcafé waar ouders samen Nederlands oefenen",
         "Het taalcafé draait op vrijwilligers en is gekoppeld aan de koffieochtenden van de school."),
    ],
    "welbevinden-verzuim": [
        ("Aanwezigheidsaanpak", "werkt met een aanwezigheidsaanpak die begint bij de vraag waarom een "
         "leerling wegblijft",
         "De mentor belt op de eerste dag van afwezigheid. Bij herhaling volgt een gesprek met ouders, "
         "leerplicht en jeugdhulp samen."),
        ("Mentorgesprekken voor iedereen", "voert met iedere leerling mentorgesprekken, ook als de cijfers "
         "goed zijn",
         "Elke zes weken heeft de mentor een kort gesprek over hoe het gaat, thuis en op school. Zo komen "
         "signalen van stress eerder boven."),
        ("Ontbijt op school", "biedt elke ochtend een gezond ontbijt aan",
         "Het ontbijt staat klaar in de aula. Er wordt niet gevraagd wie het nodig heeft: iedereen mag "
         "aanschuiven."),
    ],
    "school-kinderopvang": [
        ("Doorgaande lijn met de bso", "stemt het programma van school en bso op elkaar af",
         "Leerkrachten en pedagogisch medewerkers werken met dezelfde thema's en hebben elke maand een kort "
         "overleg."),
        ("Warme overdracht van opvang naar school", "regelde een warme overdracht van kinderopvang naar "
         "groep 1",
         "De pedagogisch medewerker en de leerkracht bespreken samen met de ouders hoe het kind zich "
         "ontwikkelt."),
        ("Gezamenlijke pedagogische visie van school en opvang", "schreef samen met de kinderopvang "
         "één pedagogische visie",
         "Teams van school en opvang volgden samen scholing en hanteren nu dezelfde afspraken over gedrag en "
         "taal."),
    ],
    "cultureel-responsief-onderwijs": [
        ("Cultureel responsief lesgeven", "traint het hele team in cultureel responsief lesgeven",
         "Leerkrachten onderzoeken hun eigen aannames en maken lessen waarin de achtergrond van kinderen een "
         "plek krijgt."),
        ("Familieschool", "werkt met een familieschool waarin ouders en kinderen samen leren",
         "Op vaste middagen volgen ouders samen met hun kind een les. Zo zien ouders wat hun kind leert en "
         "hoe ze thuis kunnen helpen."),
        ("Verhalenproject over herkomst", "laat kinderen verhalen verzamelen over hun familie en herkomst",
         "De verhalen komen terug in taal- en geschiedenislessen en worden aan het eind van het jaar aan "
         "ouders gepresenteerd."),
    ],
    "armoede": [
        ("Schoolspullenpunt", "heeft een schoolspullenpunt waar gezinnen kosteloos spullen ophalen",
         "Samen met de gemeente en een fonds zorgt de school voor tassen, gymkleding en materialen; ophalen "
         "kan zonder formulieren."),
        ("Zwemles voor ieder kind", "zorgt ervoor dat ieder kind een zwemdiploma haalt",
         "Kinderen zonder diploma krijgen zwemles onder schooltijd, betaald uit de middelen voor de "
         "verrijkte schooldag."),
        ("Kosteloze clubs na schooltijd", "biedt clubs na schooltijd aan zonder eigen bijdrage",
         "Ouders hoeven niets te betalen of aan te vragen; de school regelt de financiering via de "
         "coalitie."),
    ],
}


SETTINGS_BY_SCHOOL_TYPE = {
    Practice.SchoolType.PO: ["basisschool in een stadswijk", "dorpsschool", "basisschool met veel "
                             "nieuwkomers", "basisschool in een krimpgebied"],
    Practice.SchoolType.VO: ["vmbo-school in de stad", "brede scholengemeenschap", "school voor praktijk- "
                             "en vmbo-onderwijs"],
    Practice.SchoolType.SO: ["school voor speciaal onderwijs met leerlingen uit de hele regio"],
    Practice.SchoolType.IKC: ["integraal kindcentrum voor kinderen van 0 tot 13 jaar",
                              "kindcentrum in een nieuwbouwwijk"],
    Practice.SchoolType.CHILDCARE: ["kinderopvang en bso naast twee basisscholen"],
    Practice.SchoolType.OTHER: ["samenwerking van meerdere scholen en partners"],
}


CHALLENGES = [
    "Veel kinderen groeien op in gezinnen met weinig geld en komen buiten school nauwelijks in aanraking "
    "met sport en cultuur.",
    "Een groot deel van de kinderen spreekt thuis een andere taal dan Nederlands.",
    "Na de coronaperiode zag het team meer onrust in de klas en meer afwezigheid.",
    "In de wijk zijn weinig voorzieningen voor kinderen en jongeren.",
    "Het team merkte dat ouders de weg naar school moeilijk vonden.",
    "Kinderen hebben weinig zicht op beroepen en opleidingen buiten hun eigen omgeving.",
    "De afstanden zijn groot en verenigingen liggen voor veel gezinnen buiten bereik.",
    "Er liepen veel losse initiatieven, maar niemand had het overzicht.",
    "Leerkrachten zagen dat zorgen thuis doorwerkten in gedrag en resultaten.",
]


MECHANISM_SENTENCES = {
    "identificatie": "Aan het begin liepen de partners een dag bij elkaar mee, zodat iedereen weet wat de "
                     "ander kan en wil.",
    "coordinatie": "Er zijn vaste overlegmomenten en één contactpersoon per organisatie, zodat afspraken "
                   "niet blijven liggen.",
    "reflectie": "Elk kwartaal kijken school en partners samen terug: wat zien we bij de kinderen, en wat "
                 "betekent dat voor ons eigen werk?",
    "transformatie": "Er is een nieuwe rol ontstaan: een verbinder die tussen school, opvang en wijk in "
                     "werkt.",
}


RESULTS = [
    "Kinderen doen vaker mee en leerkrachten zien meer zelfvertrouwen in de klas.",
    "Ouders zijn vaker in school te zien en stellen sneller een vraag.",
    "Het verzuim is gedaald en leerlingen zeggen dat ze zich beter gezien voelen.",
    "Partners weten elkaar sneller te vinden; er zijn minder doorverwijzingen nodig.",
    "De aanpak staat inmiddels in het schoolplan en wordt volgend jaar uitgebreid naar meer groepen.",
    "Leerkrachten ervaren minder werkdruk doordat partners een deel van de begeleiding dragen.",
    "Twee andere scholen in de coalitie zijn met dezelfde aanpak begonnen.",
]


PITFALLS = [
    "Te veel tegelijk willen. Kies één aanpak en maak die eerst goed.",
    "Afspraken die aan één persoon hangen. Leg ze vast, zodat ze een personeelswisseling overleven.",
    "Aanbieders die hun eigen programma draaien zonder te weten wat er in de klas gebeurt.",
    "Ouders pas betrekken als alles al vastligt.",
    "Geen tijd voor evaluatie inplannen, waardoor niemand weet of het werkt.",
    "Financiering voor één jaar, terwijl een aanpak pas na twee jaar echt landt.",
    "De bso en de kinderopvang vergeten in de planning.",
    "Het team overvragen: zonder extra handen wordt het een taak erbij.",
]


PRACTICAL_TIPS = [
    "Begin met één groep of één dag en breid uit als het loopt.",
    "Vraag kinderen wat ze willen doen; dat verhoogt de opkomst.",
    "Leg in een korte samenwerkingsafspraak vast wie wat doet.",
    "Plan de evaluatie al bij de start.",
    "Nodig de wethouder of de beleidsmedewerker uit om te komen kijken.",
    "Deel successen met ouders, bijvoorbeeld met foto's in de nieuwsbrief.",
    "Zoek een school op die al verder is en ga daar op werkbezoek.",
    "Gebruik de regiocoördinator als sparringpartner.",
    "Maak na elk overleg met partners concrete vervolgafspraken.",
]


CONTACT_ROLES = ["intern begeleider", "schoolleider", "coördinator verrijkte schooldag", "leerkracht",
                 "pedagogisch medewerker", "beleidsmedewerker"]


# Generated events: per kind the title pattern, summary, time slot, capacity and weight.
EVENT_KINDS = {
    Event.Kind.INSPIRATION: ("Inspiratiemiddag over {topic} in {city}",
                             "Een middag vol voorbeelden over {topic}, met tijd om in kleine groepen door "
                             "te praten.", (13, 30), (17, 0), 80, 5),
    Event.Kind.WORK_VISIT: ("Werkbezoek aan {host}: {topic}",
                            "We gaan op bezoek bij de coalitie {host} om te zien hoe zij werken aan {topic}.",
                            (9, 0), (16, 0), 25, 2),
    Event.Kind.TRAINING: ("Training over {topic} in {city}",
                          "Een praktische training over {topic} voor leerkrachten, pedagogisch medewerkers "
                          "en aanbieders.", (9, 30), (12, 30), 24, 4),
    Event.Kind.INTERVISION: ("Intervisie over {topic} – {coalition}",
                             "Intervisie in een kleine groep: we bespreken casussen rond {topic}.",
                             (15, 30), (17, 30), 12, 3),
    Event.Kind.WORKSHOP: ("Workshop over {topic} in {city}",
                          "Een interactieve workshop over {topic}, met voorbeelden uit de eigen coalitie.",
                          (14, 0), (16, 30), 30, 4),
    Event.Kind.MASTERCLASS: ("Masterclass over {topic} in {city}",
                             "Een verdiepende masterclass over {topic} met een spreker uit de praktijk.",
                             (19, 30), (21, 30), 40, 2),
    Event.Kind.WEBINAR: ("Livecast over {topic} vanuit {city}",
                         "Een livecast van een uur over {topic}: kijk mee en stel je vragen in de chat.",
                         (16, 0), (17, 0), None, 3),
    Event.Kind.FESTIVAL: ("Kennisfestival {coalition}",
                          "Een dag vol workshops, een markt en ontmoeting rond {topic} en meer.",
                          (10, 0), (16, 0), 150, 1),
}


AUDIENCES = [
    "Schoolleiders, leerkrachten en intern begeleiders",
    "Leerkrachten, pedagogisch medewerkers en aanbieders",
    "Beleidsmakers, schoolleiders en partners uit de coalitie",
    "Iedereen die in de coalitie met kinderen werkt",
    "Jeugdhulp, welzijn en onderwijs",
]


VENUES = ["Bibliotheek {city}", "Wijkcentrum De Ontmoeting", "Cultuurhuis {city}", "Stadhuis {city}",
          "Sporthal De Vaart", "Kindcentrum De Bron", "Theater {city}", "Buurthuis Het Trefpunt"]


SPEAKER_ROLES = ["lector", "schoolleider", "trainer", "projectleider", "onderzoeker", "ervaringsdeskundige",
                 "pedagoog", "jeugdhulpverlener"]


STREETS = ["Stationsweg", "Kerkstraat", "Schoolstraat", "Marktplein", "Dorpsstraat", "Parklaan", "Molenweg",
           "Wilhelminalaan", "Julianastraat", "Raadhuisplein"]


DESCRIPTION_EXTRAS = [
    "Je hoort hoe een school uit de coalitie het aanpakt en gaat daarna zelf aan de slag.",
    "Er is ruimte voor vragen uit je eigen praktijk; neem gerust een casus mee.",
    "Neem een collega of een partner mee: samen pak je het daarna makkelijker op.",
    "Aanbieders, jeugdhulp en gemeente zijn ook uitgenodigd, zodat het gesprek breed is.",
]


SCHOOL_TYPE_BY_KIND = {
    K.SCHOOL_PO: P.PO, K.SCHOOL_VO: P.VO, K.SCHOOL_SO: P.SO, K.IKC: P.IKC,
    K.CHILDCARE: P.CHILDCARE, K.AFTER_SCHOOL: P.CHILDCARE,
}


SCHOOL_KINDS = {K.SCHOOL_PO, K.SCHOOL_VO, K.SCHOOL_SO, K.IKC}
