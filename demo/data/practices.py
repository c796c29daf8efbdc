"""The practice examples of the seed articles, in our own words."""

from __future__ import annotations

from typing import Any

from demo.data.people import MEMBER_EMAIL
from moderation.models import ModerationState
from practices.models import Practice

P = Practice.SchoolType


CURATED_PRACTICES: list[dict[str, Any]] = [
    {
        "slug": "arcade-utrecht-goed-onderwijs-als-fundament",
        "title": "Goed onderwijs als fundament: extra handen en een tandem met jeugdzorg",
        "summary": "Montessorischool Arcade in Utrecht bouwt aan gelijke kansen vanuit de kwaliteit van de "
                   "les. Het team werkt aan hoge verwachtingen van elkaar, drie extra onderwijsassistenten "
                   "helpen groepjes met rekenen en spelling, en directie en intern begeleider houden samen de "
                   "lijn met jeugdzorg kort.",
        "school_type": P.PO, "setting": "Montessoribasisschool in Utrecht",
        "context": "Het team ziet dat leerlingen met een achterstand het meest hebben aan goed onderwijs, elke "
                   "dag opnieuw. Tegelijk heeft een deel van de kinderen steun nodig die de school niet alleen "
                   "kan bieden: zorg rond het gezin, preventieve begeleiding of simpelweg extra oefentijd.",
        "approach": "- Samen met het team bouwt de directie aan een professionele schoolcultuur met hoge "
                    "verwachtingen: iedere dag een klein stapje beter.\n"
                    "- Directeur en intern begeleider trekken op als tandem. Zij zoeken jeugdzorg actief op, "
                    "zodat zorgarrangementen en preventieve begeleiding snel rond zijn.\n"
                    "- Drie extra onderwijsassistenten werken buiten de klas met kleine groepjes, op basis "
                    "van een interventieplan voor rekenen en spelling.\n"
                    "- Ouders worden positief betrokken; als het nodig is, gaat de school het inhoudelijke "
                    "gesprek niet uit de weg.",
        "results": "Kinderen die extra oefening nodig hebben krijgen die nu structureel, zonder dat de "
                   "leerkracht de groep hoeft te verlaten. Doordat de lijnen met jeugdzorg kort zijn, begint "
                   "hulp eerder.",
        "pitfalls": "- Extra handen zonder plan leveren weinig op: koppel de inzet van onderwijsassistenten "
                    "aan een interventieplan en kijk regelmatig of het werkt.\n"
                    "- Een tandem werkt alleen als directie én intern begeleider er echt tijd voor hebben.",
        "practical_tips": "- Begin bij de kwaliteit van de les; extra programma's vullen aan, ze vervangen "
                          "niets.\n"
                          "- Zet vaste overlegmomenten met jeugdzorg in het jaarrooster, niet pas als er "
                          "een probleem is.\n"
                          "- Wees helder naar ouders over wat je van hen vraagt en wat zij van de school "
                          "mogen verwachten.",
        "themes": ["extra-onderwijstijd", "samenwerking-jeugdhulp", "ouderbetrokkenheid"],
        "mechanisms": ["identificatie", "coordinatie"],
        "organisation": "montessorischool-arcade", "coalition": "utrecht", "region": "midden",
        "contact_name": "Angèle van der Star, interim-directeur", "days_ago": 12,
        "links": [("Schoolleidersregister PO", "https://www.schoolleidersregisterpo.nl/")],
    },
    {
        "slug": "wijde-wereld-amersfoort-taal-en-wereldkennis",
        "title": "Meer tijd voor taal en een wereld die groter wordt",
        "summary": "OBS De Wijde Wereld in Amersfoort investeert in de basisvakken, in Nederlands als tweede "
                   "taal en in kennis van de wereld. Zo stappen kinderen met kennis, zelfvertrouwen en de "
                   "juiste vaardigheden over naar het voortgezet onderwijs.",
        "school_type": P.PO, "setting": "Basisschool in een Amersfoortse wijk",
        "context": "In de wijk spelen werkloosheid, armoede, psychische problemen en opvoedingsvragen. Een "
                   "veilige thuisbasis is niet voor ieder kind vanzelfsprekend. Bijna alle leerlingen leren "
                   "Nederlands als tweede taal. Ouders zijn vaak zeer betrokken, maar kunnen hun kinderen "
                   "niet altijd helpen met school.",
        "approach": "- De basisvakken krijgen bewust meer tijd in het rooster.\n"
                    "- Taal loopt door alle vakken heen: woordenschat wordt bij elk thema expliciet "
                    "aangeleerd.\n"
                    "- Uitstapjes, gastlessen en projecten vergroten de kennis van de wereld buiten de wijk.\n"
                    "- Met de bibliotheek worden ouders uitgenodigd om samen met hun kind te lezen.",
        "results": "Het team ziet dat kinderen meer durven en meer begrippen meenemen uit de lessen "
                   "wereldoriëntatie. Ouders komen vaker naar activiteiten waarbij ze met hun kind iets doen.",
        "pitfalls": "- Alleen op taal en rekenen inzetten en de wereldoriëntatie laten schieten; juist die "
                    "kennis helpt bij begrijpend lezen.\n"
                    "- Ervan uitgaan dat betrokken ouders ook weten hoe ze thuis kunnen helpen.",
        "practical_tips": "- Koppel elke excursie aan een lessenserie, met voorbereiding en verwerking.\n"
                          "- Geef ouders één concreet ding dat ze thuis kunnen doen, in eenvoudige taal.",
        "themes": ["taal-nt2", "belevingswereld", "armoede"],
        "mechanisms": ["reflectie"],
        "organisation": "obs-de-wijde-wereld", "coalition": "amersfoort", "region": "midden",
        "contact_name": "Irma Wijdeven, schoolleider", "days_ago": 20,
        "links": [],
    },
    {
        "slug": "wijzer-aan-de-vecht-ongelijk-behandelen-voor-gelijke-kansen",
        "title": "Ongelijk behandelen om ieder kind een gelijke kans te geven",
        "summary": "Basisschool Wijzer aan de Vecht in Utrecht werkt vanuit vier kernwaarden: betrokkenheid, "
                   "gelijkwaardigheid, plezier en autonomie. De school brengt ouders en kinderen met elkaar in "
                   "contact en stemt het aanbod steeds af op de eigen leerlingen.",
        "school_type": P.PO, "setting": "Basisschool in Utrecht",
        "context": "De school wil meer zijn dan een plek waar les wordt gegeven. In een tijd waarin veel "
                   "individueel gebeurt, vraagt dat om leiderschap dat verbindt. Sociale veiligheid is de "
                   "basis: pas als kinderen zich veilig voelen, komen ze tot leren.",
        "approach": "- Ouders en kinderen worden bij elkaar betrokken: de school ondersteunt, luistert en "
                    "organiseert scholingsactiviteiten voor ouders.\n"
                    "- Het onderwijs wordt steeds bijgesteld op basis van wie er op school zit.\n"
                    "- De school behandelt kinderen bewust ongelijk: wie meer nodig heeft, krijgt meer. "
                    "Daarvoor zet de school middelen in en werkt ze met partners.",
        "results": "Een sterk pedagogisch klimaat waarin ouders zich welkom voelen en kinderen tot leren "
                   "komen.",
        "pitfalls": "- ‘Gelijk’ verwarren met ‘hetzelfde’. Leg aan team en ouders uit waarom de school "
                    "verschil maakt tussen kinderen.\n"
                    "- Partners binnenhalen zonder dat duidelijk is welk doel van de school zij dienen.",
        "practical_tips": "- Maak de kernwaarden zichtbaar in concrete afspraken, niet alleen in het "
                          "schoolplan.\n"
                          "- Vraag ouders zelf welke scholing of ondersteuning ze zouden willen.",
        "themes": ["ouderbetrokkenheid", "welbevinden-verzuim"],
        "mechanisms": ["reflectie", "transformatie"],
        "organisation": "wijzer-aan-de-vecht", "coalition": "utrecht", "region": "midden",
        "contact_name": "Marcia van Roo, schoolleider", "days_ago": 25,
        "links": [],
    },
    {
        "slug": "winsum-verrijkte-middagpauze",
        "title": "Verrijkte middagpauze: na de lunch kiezen uit activiteiten",
        "summary": "Een basisschool in Winsum gebruikt de middagpauze voor verrijking. Na het eten kiezen "
                   "kinderen uit verschillende activiteiten. De school liet op de inspiratiemiddag in "
                   "Veendam zien hoe dat is georganiseerd en deelde praktische tips.",
        "school_type": P.PO, "setting": "Dorpsschool in Winsum (gemeente Het Hogeland)",
        "context": "In een dorp liggen sportclubs en cultuuraanbod voor veel kinderen niet om de hoek. De "
                   "middagpauze is een moment waarop alle kinderen op school zijn, dus ook de kinderen die "
                   "na schooltijd nergens aan meedoen.",
        "approach": "- Na de lunch kunnen kinderen zich inschrijven voor een activiteit: sport, muziek, "
                    "knutselen, techniek of buitenspel.\n"
                    "- Het aanbod wisselt per periode, zodat kinderen steeds iets nieuws kunnen proberen.\n"
                    "- Begeleiding komt van vrijwilligers, aanbieders uit de omgeving en medewerkers van de "
                    "opvang.",
        "results": "Kinderen maken kennis met activiteiten die ze anders niet zouden doen, en de pauze is "
                   "rustiger en gezelliger geworden.",
        "pitfalls": "- Een te groot aanbod in het begin: dan wordt roosteren en begeleiden al snel te veel.\n"
                    "- Vergeten dat ook de begeleiders zelf pauze nodig hebben.",
        "practical_tips": "- Laat kinderen kiezen; wie zelf kiest, doet enthousiaster mee.\n"
                          "- Begin met twee of drie activiteiten en bouw uit wat werkt.\n"
                          "- Maak één persoon verantwoordelijk voor het rooster.",
        "themes": ["verrijkte-schooldag", "talentontwikkeling"],
        "mechanisms": ["coordinatie"],
        "organisation": "basisschool-winsum", "coalition": "noord-groningen", "region": "noord",
        "contact_name": "Team Basisschool Winsum", "days_ago": 30,
        "links": [],
    },
    {
        "slug": "buitenkans-oudercoordinator",
        "title": "Een oudercoördinator haalt ouders de school in",
        "summary": "Op een Haagse basisschool kwamen weinig ouders binnen. Project Buitenkans zette een "
                   "oudercoördinator in die activiteiten in en rond de school organiseert waar veel ouders op "
                   "afkomen. Ouders zijn nu veel vaker op school te zien.",
        "school_type": P.PO, "setting": "Basisschool in Den Haag",
        "context": "Na de coronaperiode was de afstand tussen school en ouders op een aantal scholen groter "
                   "geworden. Buitenkans werkt op zes scholen voor primair en tien scholen voor voortgezet "
                   "onderwijs in Den Haag, waar verzuim en vragen over gedrag en ouderbetrokkenheid het "
                   "grootst zijn.",
        "approach": "- Eerst kijken wat er speelt op deze school en bij deze ouders; pas daarna samen met "
                    "het team een ambitie formuleren.\n"
                    "- Een oudercoördinator organiseert laagdrempelige activiteiten in en rond de school, "
                    "aansluitend bij wat ouders zelf belangrijk vinden.\n"
                    "- De verantwoordelijkheid ligt bij de professionals op de school; het project "
                    "ondersteunt.",
        "results": "Ouders komen veel vaker de school in, ook bij activiteiten die door de school zelf "
                   "worden georganiseerd.",
        "pitfalls": "- Een standaardprogramma uitrollen zonder te weten wat er op de school speelt.\n"
                    "- De oudercoördinator alles laten doen, waardoor het team zelf niet verandert.",
        "practical_tips": "- Begin klein, met een activiteit in de buurt van de school.\n"
                          "- Zorg dat de oudercoördinator een vast gezicht is voor ouders én team.",
        "themes": ["ouderbetrokkenheid"],
        "mechanisms": ["identificatie", "transformatie"],
        "organisation": "project-buitenkans", "coalition": "den-haag", "region": "zuidwest",
        # Published yesterday morning, so the first demo digests have something new to tell.
        "contact_name": "Project Buitenkans", "days_ago": 1, "hour": 9,
        "links": [("Project Buitenkans", "https://www.project-buitenkans.nl/")],
    },
    {
        "slug": "buitenkans-haagse-aanwezigheidsaanpak",
        "title": "Aanwezigheid en welbevinden: de Haagse aanwezigheidsaanpak",
        "summary": "In Den Haag praten scholen liever over aanwezigheid dan over verzuim. Buitenkans "
                   "koppelt die aanpak aan het welbevinden van jongeren en aan één gedeelde ambitie van "
                   "onderwijs, zorg, jeugd en gemeente.",
        "school_type": P.VO, "setting": "Scholen voor voortgezet onderwijs in Den Haag",
        "context": "In dialoogsessies vertelden jongeren dat er pas naar hen werd omgekeken als hun cijfers "
                   "slecht waren. Wie goed presteerde, kreeg geen gesprek met de mentor, terwijl een deel "
                   "van hen veel stress had. Tegelijk liep de samenwerking tussen onderwijs en jeugdhulp "
                   "vast.",
        "approach": "- Met alle partners is gezocht naar een echt gedeelde visie. Op papier zei iedereen "
                    "dat het kind centraal staat, maar in gesprekken bleek dat voor ieder iets anders te "
                    "betekenen. De gezamenlijke ambitie werd: ieder kind heeft het recht zich veilig en "
                    "optimaal te ontwikkelen in de eigen context.\n"
                    "- De samenwerking is ingericht met een veranderkundig model voor samenwerken tussen "
                    "organisaties: recht doen aan ieders belangen, professioneel organiseren, persoonlijk "
                    "goed inrichten en steeds toetsen of het iets oplevert.\n"
                    "- Welbevinden staat naast de vakken: mentoren spreken ook leerlingen die goed "
                    "presteren.\n"
                    "- Korte lijnen tussen school, wijk, gemeente en gezin.",
        "results": "Er lopen inmiddels meer dan vijftien projecten, die allemaal op de werkvloer zijn "
                   "begonnen. Of het verzuim daalt, blijkt uit de verzuimcijfers van de scholen; de eerste "
                   "geluiden over de nieuwe samenwerking zijn positief.",
        "pitfalls": "- Aannemen dat dezelfde woorden in beleidsplannen hetzelfde betekenen.\n"
                    "- Een tijdelijk project draaien zonder de kennis te borgen voor als het project stopt.",
        "practical_tips": "- Vraag door op ieders visie tot je een ambitie hebt die iedereen herkent.\n"
                          "- Houd het praktisch en toegankelijk: een website, een tijdschrift, masterclasses "
                          "en livecasts.\n"
                          "- Vind het wiel niet opnieuw uit; kijk wat elders al werkt.",
        "themes": ["welbevinden-verzuim", "samenwerking-jeugdhulp"],
        "mechanisms": ["identificatie", "coordinatie", "reflectie"],
        "organisation": "project-buitenkans", "coalition": "den-haag", "region": "zuidwest",
        "contact_name": "Project Buitenkans", "days_ago": 15,
        "links": [("Project Buitenkans", "https://www.project-buitenkans.nl/")],
    },
    {
        "slug": "haarlem-talentenfluisteraars",
        "title": "Talentenfluisteraars: talent is waar voor jou de tijd vliegt",
        "summary": "De coalitie Haarlem en West-Friesland bracht vijftig professionals samen rond brede "
                   "talentontwikkeling. Partners nemen het gedachtegoed van de talentenfluisteraar nu over "
                   "in hun eigen werk.",
        "school_type": P.OTHER, "setting": "Scholen, kinderopvang en jeugdwerk in Haarlem en West-Friesland",
        "context": "Bij talent denken we vaak aan iets waar een kind in uitblinkt. De coalitie wilde het "
                   "breder zien: een talent is een vaardigheid waarbij een kind zelf voelt dat de tijd vliegt. "
                   "Wie doet wat hij leuk vindt, krijgt meer zelfvertrouwen en gaat daardoor meer doen.",
        "approach": "- Een talentendag met in de ochtend de visie van talentenfluisteraar Luc de Wulf en "
                    "daarna een praktische workshop van trainer Els Pronk.\n"
                    "- Jeugdwerkers, pedagogisch medewerkers, cultuurdocenten, leerkrachten en coördinatoren "
                    "gingen met elkaar in gesprek over het herkennen en stimuleren van talent, bij kinderen "
                    "én bij henzelf.\n"
                    "- Partners vertalen het gedachtegoed naar hun eigen praktijk.",
        "results": "Een kinderopvangorganisatie en twee scholen in Haarlem en Zandvoort organiseren nu zelf "
                   "een vergelijkbare dag. Jongerenorganisatie Triple Threat leidt haar rolmodellen op als "
                   "talentenfluisteraar.",
        "pitfalls": "- Talent alleen zien als presteren; dan vallen juist de kinderen buiten de boot voor "
                    "wie het bedoeld is.\n"
                    "- Een inspirerende dag zonder vervolg: spreek af wie wat gaat doen.",
        "practical_tips": "- Vraag kinderen wanneer voor hen de tijd vliegt.\n"
                          "- Laat professionals ook hun eigen talenten benoemen; dat verbindt.",
        "themes": ["talentontwikkeling"],
        "mechanisms": ["reflectie", "transformatie"],
        "organisation": None, "coalition": "haarlem-en-west-friesland", "region": "noordwest",
        "contact_name": "Ruud Barnhoorn", "days_ago": 40,
        "links": [],
    },
    {
        "slug": "triple-threat-rolmodellen-als-talentenfluisteraar",
        "title": "Jongeren als rolmodel: Triple Threat leidt talentenfluisteraars op",
        "summary": "Jongerenorganisatie Triple Threat vertaalde de ideeën over talentherkenning naar de eigen "
                   "aanpak en naar de taal van jongeren. De rolmodellen van de organisatie worden nu opgeleid "
                   "tot talentenfluisteraar.",
        "school_type": P.OTHER, "setting": "Jongerenwerk in Haarlem",
        "context": "Jongeren nemen sneller iets aan van iemand die op hen lijkt dan van een volwassene met "
                   "een functie. Triple Threat werkt daarom met rolmodellen uit de doelgroep zelf.",
        "approach": "- Rolmodellen volgen een training in het herkennen en benoemen van talent.\n"
                    "- Zij gebruiken hun eigen woorden en voorbeelden, zodat het gesprek over talent "
                    "aansluit bij de leefwereld van jongeren.\n"
                    "- Scholen en jeugdwerk in de coalitie kunnen de rolmodellen inschakelen.",
        "results": "De eerste groep rolmodellen is aan de slag; scholen in de coalitie vragen hen voor "
                   "klassenbezoeken.",
        "pitfalls": "- Rolmodellen inzetten zonder begeleiding en terugkoppeling.",
        "practical_tips": "- Laat jongeren zelf meebeslissen over de vorm.\n"
                          "- Koppel rolmodellen aan een vaste school of groep.",
        "themes": ["talentontwikkeling", "belevingswereld"],
        "mechanisms": ["transformatie"],
        "organisation": "triple-threat", "coalition": "haarlem-en-west-friesland", "region": "noordwest",
        "contact_name": "Triple Threat", "days_ago": 35,
        "links": [],
    },
    {
        "slug": "den-haag-app-verrijkte-schooldag",
        "title": "Samen één app bouwen om de verrijkte schooldag te programmeren",
        "summary": "De coalitie Den Haag vroeg landelijk uit welke coalities aan een app werkten om het "
                   "verrijkte aanbod te plannen, en sloeg met hen de handen ineen. Dat scheelt "
                   "ontwikkelkosten en voorkomt een wildgroei aan apps.",
        "school_type": P.OTHER, "setting": "Coalities in verschillende regio's",
        "context": "Het roosteren van activiteiten, aanbieders en groepen is veel werk. Verschillende "
                   "coalities waren los van elkaar bezig met een eigen app om dat eenvoudiger en "
                   "professioneler te maken.",
        "approach": "- Een landelijke uitvraag: wie is hier al mee bezig?\n"
                    "- De betrokken coalities delen wensen, ervaringen en ontwikkelkeuzes.\n"
                    "- Met die input ontwikkelt iedere coalitie haar app verder, met zoveel mogelijk "
                    "gedeelde onderdelen.",
        "results": "Lagere ontwikkelkosten, minder versnippering en een netwerk van coalities die elkaar "
                   "kunnen helpen.",
        "pitfalls": "- Ieder voor zich laten bouwen en pas achteraf ontdekken dat het dubbel werk was.\n"
                    "- Techniek voorop zetten in plaats van de vraag van scholen en aanbieders.",
        "practical_tips": "- Vraag eerst landelijk rond voordat je zelf iets laat ontwikkelen.\n"
                          "- Spreek af welke onderdelen je deelt en welke lokaal blijven.",
        "themes": ["verrijkte-schooldag"],
        "mechanisms": ["coordinatie", "transformatie"],
        "organisation": "gemeente-den-haag", "coalition": "den-haag", "region": "zuidwest",
        "contact_name": "Rudy van der Bovenkamp, projectleider", "days_ago": 50,
        "links": [],
    },
    {
        "slug": "vuurvogel-helmond-cultureel-responsief-lesgeven",
        "title": "Cultureel responsief lesgeven en de Familieschool in de Helmondse binnenstad",
        "summary": "Twee leerkrachten van BBS De Vuurvogel in Helmond namen een jaar deel aan het leernetwerk "
                   "voor leraren. Ze brengen cultureel responsief lesgeven en het idee van de Familieschool "
                   "terug naar hun team.",
        "school_type": P.PO, "setting": "Basisschool in de binnenstad van Helmond",
        "context": "Veel kinderen komen zonder ontbijt naar school, hebben versleten kleding of geen "
                   "zwemdiploma. Thuis is de situatie vaak onrustig, wat zich laat zien in stress, gedrag en "
                   "resultaten.",
        "approach": "- Het team verdiept zich in armoede en kansengelijkheid en kijkt daarna kritisch naar "
                    "het eigen handelen in de klas.\n"
                    "- Kleine aanpassingen in hoe leerkrachten zich opstellen helpen bij het opbouwen van "
                    "vertrouwen met kinderen en ouders.\n"
                    "- De school onderzoekt hoe een Familieschool, waarin ouders en kinderen samen leren, "
                    "binnen de school kan werken.",
        "results": "Meer bewustzijn in het team over de invloed van het eigen gedrag op de reactie van een "
                   "kind.",
        "pitfalls": "- Denken dat het om grote programma's moet gaan; juist kleine dingen maken verschil.",
        "practical_tips": "- Weet wie je zelf bent: ken je eigen achtergrond en aannames.\n"
                          "- Reflecteer samen op lessen: wat doe ik, en wat doet dat met dit kind?",
        "themes": ["cultureel-responsief-onderwijs", "armoede", "welbevinden-verzuim"],
        "mechanisms": ["reflectie"],
        "organisation": "bbs-de-vuurvogel", "coalition": "helmond", "region": "zuid",
        "contact_name": "Charlotte Thomassen en Britt van Ewijck, leerkrachten", "days_ago": 18,
        "links": [],
    },
    {
        "slug": "ikc-schalkwijk-aanhaken-bij-het-gezin",
        "title": "Hulp die verder reikt dan school: aanhaken bij het gezin in Schalkwijk",
        "summary": "IKC Zuid-Kennemerland in Haarlem-Schalkwijk heeft veel leerlingen met een taalachterstand "
                   "en ouders die zelf weinig Nederlands spreken. De school zoekt manieren om niet alleen op "
                   "school te helpen, maar ook het gezin te bereiken.",
        "school_type": P.IKC, "setting": "Integraal kindcentrum in Schalkwijk, Haarlem",
        "context": "Naast de taalachterstand zijn er veel zij-instromers in het team en gezinnen met "
                   "complexe thuissituaties. Dat is terug te zien in gedrag en sociaal-emotionele "
                   "ontwikkeling.",
        "approach": "- Onderwijs en opvang werken samen in één kindcentrum, zodat de lijn voor jonge "
                    "kinderen doorloopt.\n"
                    "- De school zoekt partners die het gezin kunnen ondersteunen, zoals jeugdwerk en "
                    "taalaanbod voor ouders.\n"
                    "- De schoolleider wisselt in het leernetwerk ervaringen uit met schoolleiders uit het "
                    "hele land.",
        "results": "Nieuwe ideeën uit het landelijke netwerk die direct toepasbaar zijn, ook van scholen met "
                   "een heel andere populatie.",
        "pitfalls": "- Alleen binnen de schoolmuren zoeken naar oplossingen.",
        "practical_tips": "- Verbreed je horizon: zoek schoolleiders buiten je eigen netwerk op.\n"
                          "- Bekijk je eigen aannames positief-kritisch.",
        "themes": ["taal-nt2", "ouderbetrokkenheid", "school-kinderopvang"],
        "mechanisms": ["identificatie", "reflectie"],
        "organisation": "ikc-zuid-kennemerland-schalkwijk", "coalition": "haarlem-en-west-friesland",
        "region": "noordwest", "contact_name": "Saskia Bruschke, schoolleider", "days_ago": 22,
        "links": [],
    },
    {
        "slug": "rotterdam-aannames-bevragen-en-sport-als-bondgenoot",
        "title": "Aannames bevragen en sport als bondgenoot: de Rotterdamse leeragenda",
        "summary": "Rotterdamse coalities zoeken elkaar vaker op en werken aan een gezamenlijke leeragenda. "
                   "Een workshop met filosoof Karim Benammar zette aan tot het bevragen van vanzelfsprekende "
                   "gewoontes; partners als de Feyenoord Foundation lieten zien hoe sport en onderwijs elkaar "
                   "versterken.",
        "school_type": P.OTHER, "setting": "Scholen en partners in Rotterdam",
        "context": "Scholen en partners willen actief van en met elkaar leren en hun maatschappelijke "
                   "opdracht verbinden met die van School & Omgeving.",
        "approach": "- Kennisdelingsbijeenkomsten binnen de coalitie, met ruimte voor uitwisseling, "
                    "reflectie en ontmoeting.\n"
                    "- Een interactieve workshop over de vraag waarom we in het onderwijs doen wat we doen.\n"
                    "- Partners uit sport en samenleving laten zien wat zij bijdragen aan kansengelijkheid.",
        "results": "Deelnemers gingen naar huis met nieuwe inzichten en energie; een volgende bijeenkomst "
                   "staat gepland.",
        "pitfalls": "- Leren organiseren als losse activiteit in plaats van als gezamenlijke agenda.",
        "practical_tips": "- Neem gelijke kansen als kompas bij elke keuze.\n"
                          "- Nodig partners buiten het onderwijs uit om hun praktijk te laten zien.",
        "themes": ["verrijkte-schooldag", "belevingswereld"],
        "mechanisms": ["reflectie"],
        "organisation": None, "coalition": "rotterdam", "region": "zuidwest",
        "contact_name": "Marloes Snel, schoolleider", "days_ago": 10,
        "links": [],
    },
    {
        "slug": "oost-groningen-aanbiedersmarkt",
        "title": "Aanbiedersmarkt: scholen en aanbieders leren elkaar kennen",
        "summary": "De coalitie Oost-Groningen combineerde een inspiratiemiddag met een markt van meer dan "
                   "25 aanbieders in Veendam. Scholen zagen in één middag wat er in de regio te halen is.",
        "school_type": P.OTHER, "setting": "Scholen en aanbieders in de Veenkoloniën",
        "context": "Scholen wisten vaak niet welk aanbod er in de regio is, en aanbieders wisten niet wat "
                   "scholen nodig hebben.",
        "approach": "- Eerst een inspiratiemiddag met een voorbeeld van een school en gesprekken in groepen.\n"
                    "- Daarna een minicollege over talentontwikkeling als opening van de markt.\n"
                    "- Aanbieders stonden met een kraam en lieten zien wat ze te bieden hebben.",
        "results": "Beide onderdelen waren goed bezocht; er werd niet alleen kennis gedeeld maar ook volop "
                   "kennisgemaakt. Een vervolg over school en kinderopvang staat gepland.",
        "pitfalls": "- Een markt zonder inhoudelijke opening wordt al snel een verkoopbeurs.",
        "practical_tips": "- Vraag aanbieders vooraf om hun aanbod te koppelen aan de thema's van de "
                          "coalitie.\n"
                          "- Plan direct een vervolg, zodat contacten niet verwateren.",
        "themes": ["verrijkte-schooldag", "talentontwikkeling"],
        "mechanisms": ["identificatie"],
        "organisation": "gemeente-veendam", "coalition": "oost-groningen", "region": "noord",
        "contact_name": "Marja Hovenkamp, projectleider", "days_ago": 28,
        "links": [],
    },
    {
        "slug": "leidschendam-voorburg-portefeuille-talentontwikkeling",
        "title": "Van ‘Jeugd en Onderwijs’ naar ‘Talentontwikkeling’: een gemeente kiest positie",
        "summary": "In Leidschendam-Voorburg lopen de verschillen tussen wijken sterk uiteen. Na het leernetwerk "
                   "voor wethouders heet de portefeuille voortaan Talentontwikkeling, en betrekt de gemeente "
                   "ook cultuur en het ruimtelijk domein bij kansen voor kinderen.",
        "school_type": P.OTHER, "setting": "Gemeente met aandachtswijken zoals Leidschendam-Noord",
        "context": "Een compacte gemeente naast Den Haag, met grootstedelijke vraagstukken en wijken met zeer "
                   "verschillende sociaaleconomische scores.",
        "approach": "- Werken vanuit een gedeelde agenda: niet alles samen doen, maar wel weten dat iedere "
                    "actie bijdraagt aan het gezamenlijke doel.\n"
                    "- Kinderen zelf betrekken: zij zijn geen project, maar inwoners met een waardevolle "
                    "inbreng.\n"
                    "- Als bestuurder vaker naar buiten, naar scholen en wijken.",
        "results": "Een nieuwe naam voor de portefeuille en meer verbinding tussen domeinen binnen de "
                   "gemeente.",
        "pitfalls": "- Als bestuurder in het gemeentehuis blijven en het zicht op de praktijk verliezen.",
        "practical_tips": "- Houd scherp voor wie je het doet.\n"
                          "- Vraag schoolleiders en leerkrachten hoe zij de gemeente zien.",
        "themes": ["talentontwikkeling"],
        "mechanisms": ["transformatie"],
        "organisation": "gemeente-leidschendam-voorburg", "coalition": "leidschendam-voorburg",
        "region": "zuidwest", "contact_name": "Jeffrey Keus, wethouder", "days_ago": 45,
        "links": [],
    },
    # Two examples waiting for the regional coordinator of Noord (moderation queue).
    {
        "slug": "veendam-samen-eten-met-de-bso",
        "title": "Samen eten met de bso: een warme overgang na schooltijd",
        "summary": "Op IKC De Boomgaard eten kinderen die naar de bso gaan samen met de pedagogisch "
                   "medewerkers die hen daarna opvangen. Zo is de overgang van school naar opvang rustiger.",
        "school_type": P.IKC, "setting": "Integraal kindcentrum in Veendam",
        "context": "De overgang van klas naar bso was voor een aantal kinderen onrustig.",
        "approach": "De pedagogisch medewerkers komen een halfuur voor het einde van de schooldag binnen en "
                    "eten met de kinderen een tussendoortje in de klas.",
        "results": "Minder onrust na schooltijd en meer contact tussen leerkrachten en opvang.",
        "pitfalls": "- Roosters van school en opvang sluiten niet vanzelf op elkaar aan.",
        "practical_tips": "- Begin met één groep en één dag per week.",
        "themes": ["school-kinderopvang"], "mechanisms": ["coordinatie"],
        "organisation": "ikc-de-boomgaard-veendam", "coalition": "oost-groningen", "region": "noord",
        "contact_name": "Sanne Mulder", "author": MEMBER_EMAIL,
        "state": ModerationState.SUBMITTED, "days_ago": None, "links": [],
    },
    {
        "slug": "pekela-leesouders-in-groep-3",
        "title": "Leesouders in groep 3",
        "summary": "Ouders lezen elke ochtend een kwartier met kinderen die moeite hebben met lezen.",
        "school_type": P.PO, "setting": "Dorpsschool in Pekela",
        "context": "Een groep kinderen kwam moeilijk op gang met technisch lezen.",
        "approach": "Vijf ouders zijn getraind door de leesspecialist en lezen op vaste ochtenden met "
                    "tweetallen.",
        "results": "", "pitfalls": "", "practical_tips": "",
        "themes": ["taal-nt2", "ouderbetrokkenheid"], "mechanisms": [],
        "organisation": "obs-de-veenpluis-pekela", "coalition": "oost-groningen", "region": "noord",
        "contact_name": "Sanne Mulder", "author": MEMBER_EMAIL,
        "state": ModerationState.SUBMITTED, "days_ago": None, "links": [],
    },
]
