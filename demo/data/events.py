"""The events of the seed articles, dated relative to the day of the first load."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from demo.data.network import VEENDAM_PARTNER_STANDS, VEENDAM_PROVIDERS
from demo.data.people import DOMAIN, MEMBER_EMAIL, PARTICIPANTS
from demo.plan import in_week_of, local_datetime, third_thursday_of_january
from events.models import Event, FollowUpAgreement, Registration

Kind, Status = Event.Kind, Registration.Status

# Who posts and reports the curated events: the demo project leaders (demo.data.people).
PL_OG, PL_DH = f"projectleider@{DOMAIN}", f"projectleider-den-haag@{DOMAIN}"
PL_MA, PL_HA = f"projectleider-maastricht@{DOMAIN}", f"projectleider-haarlem@{DOMAIN}"
PL_RO = f"projectleider-rotterdam@{DOMAIN}"
PARTICIPANT_EMAILS = [f"deelnemer{number:02d}@{DOMAIN}" for number in range(1, PARTICIPANTS + 1)]


def _day(today: date, offset: int, weekday: int) -> date:
    """The given weekday (0 = Monday) in the week ``offset`` days from the load date."""
    return in_week_of(today + timedelta(days=offset), weekday)


def _open_now(now: datetime, starts_at: datetime) -> tuple[datetime, datetime]:
    """A registration window that is open at load time."""
    return now - timedelta(days=14), starts_at - timedelta(days=2)


def curated_events(today: date, now: datetime) -> list[dict[str, Any]]:
    """Every event of the seed articles, in story order, then the learning networks' meetings."""
    events: list[dict[str, Any]] = []
    for story in (_oost_groningen, _den_haag_and_maastricht, _haarlem, _rotterdam, _buitenkans):
        events += story(today, now)
    return events + network_events(today, now, PARTICIPANT_EMAILS)


def _oost_groningen(today: date, now: datetime) -> list[dict[str, Any]]:
    """Oost-Groningen: the inspiration afternoon with a provider market in Veendam, and its follow-up."""
    events: list[dict[str, Any]] = []
    veendam = _day(today, -40, 2)
    events.append({
        "slug": "inspiratiemiddag-aanbiedersmarkt-veendam",
        "title": "Inspiratiemiddag en aanbiedersmarkt in Veendam",
        "kind": Kind.PROVIDER_MARKET,
        "summary": "Een middag om van elkaars aanpak te leren, met een school uit Winsum, gesprekken in "
                   "groepen en daarna een markt met meer dan 25 aanbieders.",
        "description": "De coalitie Oost-Groningen nodigt scholen, kinderopvang, gemeenten en aanbieders "
                       "uit voor een middag over de verrijkte schooldag.\n\n"
                       "Een basisschool uit Winsum vertelt hoe zij de middagpauze hebben verrijkt: na de "
                       "lunch kiezen kinderen uit verschillende activiteiten. Daarna praten we in groepen "
                       "verder over onderwerpen die jullie zelf inbrengen.\n\n"
                       "Arjan Pruim van de Hanzehogeschool opent de aanbiedersmarkt met een minicollege "
                       "over talentontwikkeling. Op de markt laten ruim 25 aanbieders zien wat ze scholen "
                       "te bieden hebben.",
        "organiser": "oost-groningen",
        "starts_at": local_datetime(veendam, "13:00"), "ends_at": local_datetime(veendam, "17:30"),
        "venue_name": "Cultureel centrum Veendam", "city": "Veendam", "capacity": 150,
        "audience": "Scholen, kinderopvang, aanbieders, gemeenten en andere belangstellenden uit "
                    "Oost-Groningen",
        "themes": ["verrijkte-schooldag", "talentontwikkeling"],
        "practices": ["winsum-verrijkte-middagpauze", "oost-groningen-aanbiedersmarkt"],
        "tips": ["Begin klein", "Zet in op ontmoeting", "Laat kinderen kiezen"],
        "created_by": PL_OG,
        "programme": [
            ("13:00", "13:30", "Ontvangst met koffie en thee", "", ""),
            ("13:30", "13:45", "Welkom en doel van de middag", "Marja Hovenkamp, projectleider", ""),
            ("13:45", "14:30", "Zo verrijken wij de middagpauze", "Team van een basisschool uit Winsum",
             "Hoe de school het aanbod na de lunch organiseert, met praktische tips."),
            ("14:30", "15:30", "In groepen uiteen: uitwisselen en kennismaken", "",
             "Tafelgesprekken over onderwerpen die deelnemers zelf inbrengen."),
            ("15:30", "16:00", "Minicollege talentontwikkeling", "Arjan Pruim, Hanzehogeschool",
             "Opening van de aanbiedersmarkt."),
            ("16:00", "17:30", "Aanbiedersmarkt", "", "Meer dan 25 aanbieders laten hun aanbod zien."),
        ],
        "stands": [(slug, offer, themes) for slug, _, _, _, offer, themes in VEENDAM_PROVIDERS]
        + VEENDAM_PARTNER_STANDS,
        "registrations": [(MEMBER_EMAIL, Status.ATTENDED)] + [(p, Status.ATTENDED) for p in PARTICIPANT_EMAILS[:40]],
        "report": {
            "author": PL_OG, "participants": 110,
            "summary": "Zowel de inspiratiemiddag als de aanbiedersmarkt waren goed bezocht. De school uit "
                       "Winsum liet zien hoe het verrijkte aanbod na de lunch werkt en deelde tips die "
                       "andere scholen direct kunnen gebruiken. In de groepen werd niet alleen kennis "
                       "gedeeld, er werd ook volop kennisgemaakt.",
            "insights": "- Een concreet voorbeeld van een school werkt beter dan een algemeen verhaal.\n"
                        "- Scholen willen weten welk aanbod er in de buurt is; de markt voorzag daarin.\n"
                        "- De samenwerking met kinderopvang en bso vraagt om een eigen bijeenkomst.",
            "practices": ["winsum-verrijkte-middagpauze"],
            "agreements": [
                {"what": "Een vervolgbijeenkomst organiseren over de samenwerking tussen school, "
                         "kinderopvang en bso.", "owner": PL_OG, "coalition": "oost-groningen",
                 "due": veendam + timedelta(days=21), "status": FollowUpAgreement.Status.DONE,
                 "note": "De vervolgbijeenkomst staat in de agenda; aanmelden kan al.",
                 "closed_at": local_datetime(veendam + timedelta(days=9), "11:00")},
                {"what": "Het overzicht van alle aanbieders en hun aanbod naar de scholen sturen.",
                 "owner": PL_OG, "coalition": "oost-groningen", "due": today + timedelta(days=7)},
                {"what": "Een praktijkvoorbeeld schrijven over samen eten met de bso.",
                 "owner": MEMBER_EMAIL, "coalition": "oost-groningen", "due": today + timedelta(days=21)},
            ],
        },
    })
    followup = _day(today, 24, 2)
    events.append({
        "slug": "vervolg-school-en-kinderopvang-veendam",
        "title": "Vervolg: samenwerking tussen school, kinderopvang en bso",
        "kind": Kind.INSPIRATION,
        "summary": "Het beloofde vervolg op de inspiratiemiddag in Veendam: een school en een "
                   "opvangorganisatie vertellen hoe hun samenwerking loopt, daarna zoeken we in groepen "
                   "naar oplossingen.",
        "description": "Op de inspiratiemiddag bleek dat de samenwerking tussen school, kinderopvang en "
                       "buitenschoolse opvang veel vragen oproept. Daarom gaan we er nu dieper op in.\n\n"
                       "Een school en een opvangorganisatie vertellen eerlijk wat goed gaat en waar het "
                       "schuurt. Daarna werken we in groepen aan oplossingen voor uitdagingen die jullie "
                       "zelf meebrengen, en sluiten we af met concrete vervolgafspraken.",
        "organiser": "oost-groningen", "follows_on": "inspiratiemiddag-aanbiedersmarkt-veendam",
        "starts_at": local_datetime(followup, "14:00"), "ends_at": local_datetime(followup, "17:00"),
        "window": _open_now(now, local_datetime(followup, "14:00")),
        "venue_name": "IKC De Boomgaard", "city": "Veendam", "capacity": 60,
        "audience": "Schoolleiders, leerkrachten, pedagogisch medewerkers en bso-coördinatoren",
        "themes": ["school-kinderopvang"], "created_by": PL_OG,
        "programme": [
            ("14:00", "14:15", "Welkom en terugblik op de inspiratiemiddag", "Marja Hovenkamp, projectleider",
             ""),
            ("14:15", "14:45", "Een school vertelt over de samenwerking met de opvang", "IKC De Boomgaard", ""),
            ("14:45", "15:15", "Een opvangorganisatie vertelt", "Kinderopvang Oost-Groningen", ""),
            ("15:15", "16:30", "In groepen: oplossingen voor jullie uitdagingen", "", ""),
            ("16:30", "17:00", "Vervolgafspraken maken", "", ""),
        ],
        "registrations": [(MEMBER_EMAIL, Status.CONFIRMED)] + [(p, Status.CONFIRMED) for p in PARTICIPANT_EMAILS[:11]],
    })
    return events


def _den_haag_and_maastricht(today: date, now: datetime) -> list[dict[str, Any]]:
    """Den Haag travels to Maastricht by bus; the Limburg coalitions come back."""
    events: list[dict[str, Any]] = []
    visit = _day(today, -75, 3)
    events.append({
        "slug": "werkbezoek-den-haag-maastricht",
        "title": "Werkbezoek van de coalitie Den Haag aan Maastricht",
        "kind": Kind.WORK_VISIT,
        "summary": "Met 25 schoolleiders, beleidsmakers en andere betrokkenen met de bus naar Maastricht, "
                   "om te zien hoe Limburgse collega's werken aan kansengelijkheid.",
        "description": "We reizen bewust naar de andere kant van het land: Limburgse scholen hebben met "
                       "andere vraagstukken te maken dan wij. In de bus is tijd om echt met elkaar in "
                       "gesprek te gaan; onderweg terug laten we de indrukken samen bezinken.",
        "organiser": "den-haag", "host": "maastricht-heuvelland",
        "starts_at": local_datetime(visit, "07:30"), "ends_at": local_datetime(visit, "19:30"),
        "venue_name": "Scholen van de coalitie Maastricht-Heuvelland", "city": "Maastricht",
        "address": "Vertrek met de bus vanaf Den Haag Centraal", "capacity": 25,
        "audience": "Schoolleiders, beleidsmakers en andere betrokkenen uit de coalitie Den Haag",
        "themes": ["armoede", "welbevinden-verzuim", "verrijkte-schooldag"],
        "tips": ["Maak vervolgafspraken", "Investeer in verbinding"], "created_by": PL_DH,
        "programme": [
            ("07:30", "11:00", "Busreis met gesprekken in tweetallen", "Rudy van der Bovenkamp, projectleider",
             "Elk tweetal krijgt een vraag mee over de eigen school."),
            ("11:00", "11:30", "Ontvangst door de coalitie Maastricht-Heuvelland", "Noor Janssen, projectleider",
             ""),
            ("11:30", "13:00", "Schoolbezoeken in kleine groepen", "", ""),
            ("13:00", "14:00", "Lunch met Limburgse schoolleiders", "", ""),
            ("14:00", "15:30", "Gesprek: wat betekent kansengelijkheid hier?", "",
             "Over armoede, krimp en de verschillen met de Randstad."),
            ("15:30", "19:30", "Terugreis en nabespreking in de bus", "", ""),
        ],
        "registrations": [(PL_DH, Status.ATTENDED)] + [(p, Status.ATTENDED) for p in PARTICIPANT_EMAILS[:24]],
        "report": {
            "author": PL_DH, "participants": 25,
            "summary": "Met 25 deelnemers reisden we per bus naar Maastricht. Het bezoek gaf nieuwe "
                       "inzichten en nauwere contacten tussen scholen, en leverde meteen vervolgplannen "
                       "op: de Limburgse coalities komen op hun beurt naar Den Haag.",
            "insights": "- Kansengelijkheid is meer dan een taal- of cultuurachterstand; in Limburg spelen "
                        "andere problemen dan bij ons.\n"
                        "- Samen een dag in de bus dwingt tot echte gesprekken die de diepte ingaan.\n"
                        "- Tijd om indrukken te laten bezinken levert meer op dan een vol programma: "
                        "kwaliteit boven kwantiteit.",
            "practices": ["den-haag-app-verrijkte-schooldag"],
            "agreements": [
                {"what": "Met de Limburgse coalities een datum prikken voor hun terugbezoek aan Den Haag.",
                 "owner": PL_MA, "coalition": "maastricht-heuvelland", "due": visit + timedelta(days=30),
                 "status": FollowUpAgreement.Status.DONE,
                 "note": "Het terugbezoek staat gepland en is aangekondigd op het portaal.",
                 "closed_at": local_datetime(visit + timedelta(days=19), "10:15")},
                {"what": "De contactgegevens van de bezochte schoolleiders delen met alle deelnemers.",
                 "owner": PL_DH, "coalition": "den-haag", "due": today + timedelta(days=14)},
                {"what": "De inzichten van het werkbezoek bespreken in het directeurenoverleg van de "
                         "Haagse schoolbesturen.",
                 "owner_name": "Secretariaat directeurenoverleg",
                 "owner_email": f"directeurenoverleg@den-haag.{DOMAIN}", "coalition": "den-haag",
                 "due": today - timedelta(days=10)},
                {"what": "Uitzoeken welke Limburgse aanpak van armoede in de klas bruikbaar is voor Haagse "
                         "scholen, en daarover een praktijkvoorbeeld delen.",
                 "owner": PL_DH, "coalition": "den-haag", "due": today + timedelta(days=45)},
                {"what": "Samen met Maastricht één app gebruiken om het verrijkte aanbod te plannen.",
                 "owner": PL_MA, "coalition": "maastricht-heuvelland", "due": visit + timedelta(days=40),
                 "status": FollowUpAgreement.Status.DROPPED,
                 "note": "Maastricht kiest voorlopig voor een eigen oplossing; we blijven kennis delen.",
                 "closed_at": local_datetime(visit + timedelta(days=35), "15:00")},
            ],
        },
    })
    return_visit = _day(today, 45, 3)
    events.append({
        "slug": "terugbezoek-limburg-den-haag",
        "title": "Terugbezoek: Limburgse coalities op werkbezoek in Den Haag",
        "kind": Kind.WORK_VISIT,
        "summary": "Na het werkbezoek van Den Haag aan Maastricht komen de Limburgse coalities naar de "
                   "Randstad. Zo wordt kennisdeling een kettingreactie.",
        "description": "De coalities Maastricht-Heuvelland en Parkstad Limburg bezoeken Haagse scholen en "
                       "maken kennis met Project Buitenkans, de oudercoördinator en de Haagse "
                       "aanwezigheidsaanpak. Ook de app voor het programmeren van de verrijkte schooldag "
                       "komt aan bod.",
        "organiser": "maastricht-heuvelland", "host": "den-haag", "follows_on": "werkbezoek-den-haag-maastricht",
        "starts_at": local_datetime(return_visit, "08:00"), "ends_at": local_datetime(return_visit, "19:00"),
        "window": _open_now(now, local_datetime(return_visit, "08:00")),
        "venue_name": "Basisschool De Duinroos en Haags Wijkcollege", "city": "Den Haag", "capacity": 30,
        "audience": "Schoolleiders, beleidsmakers en partners uit de Limburgse coalities",
        "themes": ["welbevinden-verzuim", "ouderbetrokkenheid", "verrijkte-schooldag"],
        "practices": ["den-haag-app-verrijkte-schooldag", "buitenkans-oudercoordinator",
                      "buitenkans-haagse-aanwezigheidsaanpak"],
        "created_by": PL_MA,
        "programme": [
            ("08:00", "11:00", "Busreis vanuit Maastricht en Heerlen", "", ""),
            ("11:00", "11:30", "Ontvangst door de coalitie Den Haag", "Rudy van der Bovenkamp, projectleider", ""),
            ("11:30", "13:00", "Bezoek aan een basisschool en een vo-school", "", ""),
            ("13:00", "14:00", "Lunch", "", ""),
            ("14:00", "15:30", "Buitenkans: oudercoördinator en aanwezigheidsaanpak", "Projectteam Buitenkans",
             ""),
            ("15:30", "19:00", "Terugreis met nabespreking", "", ""),
        ],
        "registrations": [(PL_MA, Status.CONFIRMED)]
        + [(p, Status.CONFIRMED) for p in PARTICIPANT_EMAILS[24:30]] + [(PARTICIPANT_EMAILS[30], Status.CANCELLED)],
    })
    return events


def _haarlem(today: date, now: datetime) -> list[dict[str, Any]]:
    """Haarlem en West-Friesland: the talent day, and the partners' own talent day in Zandvoort."""
    events: list[dict[str, Any]] = []
    talent_day = _day(today, -120, 1)
    events.append({
        "slug": "talentendag-haarlem",
        "title": "Talentendag: kinderen in hun kracht zetten",
        "kind": Kind.WORKSHOP,
        "summary": "Talentenfluisteraar Luc de Wulf over brede talentontwikkeling, gevolgd door een "
                   "praktische workshop van trainer Els Pronk voor vijftig professionals.",
        "description": "Talent hoeft niet te gaan over iets waar een kind in uitblinkt. Het gaat om een "
                       "vaardigheid waarbij voor het kind de tijd vliegt. In de ochtend neemt Luc de Wulf "
                       "ons mee in die visie; daarna vertaalt Els Pronk het naar de praktijk.\n\n"
                       "We gaan met elkaar in gesprek over het herkennen en stimuleren van talent, bij "
                       "kinderen en bij onszelf.",
        "organiser": "haarlem-en-west-friesland",
        "starts_at": local_datetime(talent_day, "09:00"), "ends_at": local_datetime(talent_day, "15:00"),
        "venue_name": "Wijkcentrum Schalkwijk", "city": "Haarlem", "capacity": 50,
        "audience": "Jeugdwerkers, pedagogisch medewerkers, cultuurdocenten, leerkrachten en coördinatoren",
        "themes": ["talentontwikkeling"],
        "practices": ["haarlem-talentenfluisteraars", "triple-threat-rolmodellen-als-talentenfluisteraar"],
        "tips": ["Betrek kinderen zelf"], "created_by": PL_HA,
        "programme": [
            ("09:00", "09:30", "Inloop", "", ""),
            ("09:30", "11:00", "Talent is waar de tijd vliegt", "Luc de Wulf, talentenfluisteraar", ""),
            ("11:00", "11:15", "Pauze", "", ""),
            ("11:15", "13:00", "Workshop: talenten herkennen en stimuleren", "Els Pronk, trainer", ""),
            ("13:00", "13:45", "Lunch", "", ""),
            ("13:45", "14:45", "In gesprek: wat doen we morgen anders?", "Ruud Barnhoorn", ""),
            ("14:45", "15:00", "Afsluiting en vervolgafspraken", "", ""),
        ],
        "registrations": [(p, Status.ATTENDED) for p in PARTICIPANT_EMAILS[10:40]],
        "report": {
            "author": PL_HA, "participants": 50,
            "summary": "Vijftig professionals uit de coalitie spraken een dag lang over talent. Luc de "
                       "Wulf kreeg de zaal met humor en voorbeelden enthousiast; de workshop van Els Pronk "
                       "maakte het praktisch.",
            "insights": "- Als kinderen doen wat ze leuk vinden, groeit hun zelfvertrouwen en gaan ze meer "
                        "doen.\n"
                        "- Relaties met dezelfde verbondenheid aangaan geeft energie; partners vinden "
                        "elkaar beter.",
            "practices": ["haarlem-talentenfluisteraars"],
            "agreements": [
                {"what": "Een kinderopvangorganisatie en twee scholen in Haarlem en Zandvoort organiseren "
                         "zelf een talentendag.", "owner": PL_HA, "coalition": "haarlem-en-west-friesland",
                 "due": talent_day + timedelta(days=60), "status": FollowUpAgreement.Status.DONE,
                 "note": "De talentendag in Zandvoort staat gepland.",
                 "closed_at": local_datetime(talent_day + timedelta(days=33), "09:30")},
                {"what": "Triple Threat leidt de eigen rolmodellen op als talentenfluisteraar.",
                 "owner_name": "Triple Threat", "owner_email": f"triple-threat@{DOMAIN}",
                 "coalition": "haarlem-en-west-friesland", "due": today + timedelta(days=60)},
            ],
        },
    })
    zandvoort = _day(today, 60, 2)
    events.append({
        "slug": "talentendag-zandvoort",
        "title": "Talentendag in Zandvoort",
        "kind": Kind.WORKSHOP,
        "summary": "Een kinderopvangorganisatie en twee scholen uit Haarlem en Zandvoort organiseren hun "
                   "eigen talentendag, geïnspireerd door de talentenfluisteraar.",
        "description": "Na de talentendag in Haarlem gaan partners zelf aan de slag. Rolmodellen van "
                       "Triple Threat laten zien hoe zij met jongeren over talent praten.",
        "organiser": "haarlem-en-west-friesland", "follows_on": "talentendag-haarlem",
        "starts_at": local_datetime(zandvoort, "13:30"), "ends_at": local_datetime(zandvoort, "16:30"),
        "window": _open_now(now, local_datetime(zandvoort, "13:30")),
        "venue_name": "Basisschool De Strandloper", "city": "Zandvoort", "capacity": 40,
        "audience": "Leerkrachten, pedagogisch medewerkers en jeugdwerkers",
        "themes": ["talentontwikkeling", "school-kinderopvang"], "created_by": PL_HA,
        "programme": [
            ("13:30", "14:00", "Welkom", "Ruud Barnhoorn", ""),
            ("14:00", "15:00", "Rolmodellen als talentenfluisteraar", "Triple Threat", ""),
            ("15:00", "16:30", "Aan de slag: talent herkennen in je eigen groep", "", ""),
        ],
        "registrations": [(p, Status.CONFIRMED) for p in PARTICIPANT_EMAILS[5:13]],
    })
    return events


def _rotterdam(today: date, now: datetime) -> list[dict[str, Any]]:
    """Rotterdam: the workshop with Karim Benammar and the meeting that is planned next."""
    events: list[dict[str, Any]] = []
    rotterdam = _day(today, -25, 1)
    events.append({
        "slug": "workshop-karim-benammar-rotterdam",
        "title": "Waarom doen we wat we doen? Workshop met filosoof Karim Benammar",
        "kind": Kind.WORKSHOP,
        "summary": "Een interactieve workshop over onze aannames in het onderwijs, en partners als de "
                   "Feyenoord Foundation over sport en kansengelijkheid.",
        "description": "Karim Benammar daagt ons uit vanzelfsprekende gewoontes te bevragen: waar komen ze "
                       "vandaan, en hoe kunnen we anders denken en handelen zodat kinderen echt meer "
                       "kansen krijgen? Daarna laten partners uit de praktijk zien hoe sport, onderwijs en "
                       "maatschappelijke betrokkenheid elkaar versterken.",
        "organiser": "rotterdam",
        "starts_at": local_datetime(rotterdam, "15:00"), "ends_at": local_datetime(rotterdam, "18:00"),
        "venue_name": "Kindcentrum De Kaap", "city": "Rotterdam", "capacity": 60,
        "audience": "Scholen en partners van de Rotterdamse coalities",
        "themes": ["verrijkte-schooldag", "belevingswereld", "cultureel-responsief-onderwijs"],
        "practices": ["rotterdam-aannames-bevragen-en-sport-als-bondgenoot"], "created_by": PL_RO,
        "programme": [
            ("15:00", "15:15", "Welkom", "Marloes Snel, schoolleider", ""),
            ("15:15", "16:30", "Interactieve workshop: waarom doen we wat we doen?",
             "Karim Benammar, filosoof", ""),
            ("16:30", "17:15", "Sport, onderwijs en de stad", "Feyenoord Foundation", ""),
            ("17:15", "18:00", "Ontmoeting en reflectie", "", ""),
        ],
        "registrations": [(p, Status.ATTENDED) for p in PARTICIPANT_EMAILS[20:36]],
        "report": {
            "author": PL_RO, "participants": 55,
            "summary": "Een middag vol uitwisseling, reflectie en ontmoeting. Iedereen ging naar huis met "
                       "nieuwe inzichten en energie om het verschil te maken.",
            "insights": "- Diepgewortelde gewoontes komen vaak voort uit oude denkkaders; door ze te "
                        "bevragen ontstaat ruimte voor vernieuwing, met gelijke kansen als kompas.\n"
                        "- Sportclubs zijn sterke bondgenoten in de wijk.",
            "practices": ["rotterdam-aannames-bevragen-en-sport-als-bondgenoot"],
            "agreements": [
                {"what": "Bij alle scholen ophalen welke thema's op de gezamenlijke leeragenda moeten.",
                 "owner": PL_RO, "coalition": "rotterdam", "due": today + timedelta(days=10)},
            ],
        },
    })
    agenda = _day(today, 18, 3)
    events.append({
        "slug": "bijeenkomst-leeragenda-rotterdam",
        "title": "Bouwen aan de gezamenlijke leeragenda van de Rotterdamse coalities",
        "kind": Kind.INTERVISION,
        "summary": "Coalities in Rotterdam zoeken elkaar op: welke vragen pakken we het komende jaar samen "
                   "op, en wie leert van wie?",
        "description": "Een vervolg op de workshop met Karim Benammar. We bespreken de thema's die scholen "
                       "hebben aangedragen en maken afspraken over de leeragenda.",
        "organiser": "rotterdam", "follows_on": "workshop-karim-benammar-rotterdam",
        "starts_at": local_datetime(agenda, "15:30"), "ends_at": local_datetime(agenda, "17:30"),
        "window": _open_now(now, local_datetime(agenda, "15:30")),
        "venue_name": "Basisschool De Maaskade", "city": "Rotterdam", "capacity": 20,
        "audience": "Schoolleiders en coördinatoren van de Rotterdamse coalities",
        "themes": ["verrijkte-schooldag"], "created_by": PL_RO,
        "programme": [
            ("15:30", "16:00", "Wat hebben scholen aangedragen?", "Inge Verhoef, projectleider", ""),
            ("16:00", "17:00", "Intervisie in drie groepen", "", ""),
            ("17:00", "17:30", "De leeragenda vastleggen", "", ""),
        ],
    })
    return events


def _buitenkans(today: date, now: datetime) -> list[dict[str, Any]]:
    """Buitenkans in Den Haag: masterclasses, livecasts and a knowledge festival in January."""
    events: list[dict[str, Any]] = []
    past_livecast = _day(today, -60, 2)
    events.append({
        "slug": "livecast-ouderpartnerschap-buitenkans",
        "title": "Livecast: ouderpartnerschap in het primair onderwijs",
        "kind": Kind.WEBINAR,
        "summary": "Het projectteam van Buitenkans vertelt hoe een oudercoördinator ouders de school in "
                   "haalt.",
        "description": "Een livecast van een uur met voorbeelden uit Haagse basisscholen en ruimte voor "
                       "vragen.",
        "organiser": "den-haag",
        "starts_at": local_datetime(past_livecast, "16:00"), "ends_at": local_datetime(past_livecast, "17:00"),
        "online_url": f"https://live.{DOMAIN}/buitenkans-ouderpartnerschap",
        "audience": "Iedereen die werkt aan ouderbetrokkenheid",
        "themes": ["ouderbetrokkenheid"], "practices": ["buitenkans-oudercoordinator"], "created_by": PL_DH,
        "programme": [("16:00", "17:00", "Livecast met vragen uit de chat", "Projectteam Buitenkans", "")],
    })
    masterclass = _day(today, 10, 1)
    events.append({
        "slug": "masterclass-ouderpartnerschap-buitenkans",
        "title": "Masterclass ouderpartnerschap: een oudercoördinator in de school",
        "kind": Kind.MASTERCLASS,
        "summary": "Hoe zet je een oudercoördinator in die activiteiten organiseert waar ouders echt op "
                   "afkomen? Een verdiepende masterclass van Project Buitenkans.",
        "description": "We beginnen bij wat er op jouw school speelt en bij jouw ouders. Daarna bespreken "
                       "we hoe je samen met het team een ambitie formuleert en hoe je de rol van "
                       "oudercoördinator inricht. De masterclass is klein, zodat er ruimte is voor je "
                       "eigen situatie.",
        "organiser": "den-haag",
        "starts_at": local_datetime(masterclass, "15:30"), "ends_at": local_datetime(masterclass, "17:30"),
        "window": _open_now(now, local_datetime(masterclass, "15:30")),
        "venue_name": "Basisschool De Duinroos", "city": "Den Haag", "capacity": 20,
        "audience": "Schoolleiders, ouderconsulenten en intern begeleiders",
        "themes": ["ouderbetrokkenheid"], "practices": ["buitenkans-oudercoordinator"], "created_by": PL_DH,
        "programme": [
            ("15:30", "16:15", "Aansluiten bij wat er speelt", "Projectteam Buitenkans", ""),
            ("16:15", "17:00", "De rol van de oudercoördinator", "Projectteam Buitenkans", ""),
            ("17:00", "17:30", "Jouw eerste stap", "", ""),
        ],
        # Full, with a waiting list: a cancellation promotes the first person waiting.
        "registrations": [(p, Status.CONFIRMED) for p in PARTICIPANT_EMAILS[:20]]
        + [(p, Status.WAITLISTED) for p in PARTICIPANT_EMAILS[20:24]],
    })
    livecast = _day(today, 31, 2)
    events.append({
        "slug": "livecast-aanwezigheid-en-welbevinden",
        "title": "Livecast: aanwezigheid en welbevinden in het voortgezet onderwijs",
        "kind": Kind.WEBINAR,
        "summary": "Waarom Den Haag liever over aanwezigheid dan over verzuim praat, en wat welbevinden "
                   "ermee te maken heeft.",
        "description": "Jongeren vertelden dat er pas naar hen werd omgekeken als hun cijfers slecht "
                       "waren. In deze livecast hoor je wat scholen daarmee deden.",
        "organiser": "den-haag",
        "starts_at": local_datetime(livecast, "16:00"), "ends_at": local_datetime(livecast, "17:00"),
        "online_url": f"https://live.{DOMAIN}/buitenkans-aanwezigheid",
        "audience": "Mentoren, zorgcoördinatoren, leerplicht en jeugdhulp",
        "themes": ["welbevinden-verzuim", "samenwerking-jeugdhulp"],
        "practices": ["buitenkans-haagse-aanwezigheidsaanpak"], "created_by": PL_DH,
        "programme": [("16:00", "17:00", "Livecast met vragen uit de chat", "Projectteam Buitenkans", "")],
    })
    festival = third_thursday_of_january(today.year)
    if festival <= today + timedelta(days=14):
        festival = third_thursday_of_january(today.year + 1)
    events.append({
        "slug": "kennisfestival-buitenkans",
        "title": "Kennisfestival Buitenkans: leren van wat werkt",
        "kind": Kind.FESTIVAL,
        "summary": "Een dag om de kennis uit twee jaar Buitenkans te delen en te borgen, zodat scholen "
                   "straks zelf verder kunnen.",
        "description": "Buitenkans is een tijdelijk project. Op dit festival delen scholen, wijkteams en "
                       "gemeente wat er is ontwikkeld en geleerd, met workshops, een markt en korte "
                       "presentaties. Het landschap is al versnipperd genoeg: niemand hoeft het wiel "
                       "opnieuw uit te vinden.",
        "organiser": "den-haag",
        "starts_at": local_datetime(festival, "10:00"), "ends_at": local_datetime(festival, "16:30"),
        "window": (min(now, local_datetime(festival, "09:00") - timedelta(days=60)), local_datetime(festival, "09:00")
                   - timedelta(days=3)),
        "venue_name": "Haags Wijkcollege", "city": "Den Haag", "capacity": 250,
        "audience": "Scholen, wijkteams, jeugdhulp, gemeenten en ouders",
        "themes": ["welbevinden-verzuim", "ouderbetrokkenheid", "samenwerking-jeugdhulp"],
        "practices": ["buitenkans-oudercoordinator", "buitenkans-haagse-aanwezigheidsaanpak"],
        "created_by": PL_DH,
        "programme": [
            ("10:00", "10:30", "Opening", "Projectteam Buitenkans", ""),
            ("10:30", "12:00", "Workshopronde 1", "", ""),
            ("12:00", "13:00", "Lunch en markt", "", ""),
            ("13:00", "14:30", "Workshopronde 2", "", ""),
            ("14:30", "16:00", "Hoe borgen we wat werkt?", "", ""),
            ("16:00", "16:30", "Afsluiting", "", ""),
        ],
    })
    return events


def network_events(today: date, now: datetime, participants: list[str]) -> list[dict[str, Any]]:
    year = network_year(today, now)
    pl_ut = f"projectleider-utrecht@{DOMAIN}"
    meetings = {
        "leernetwerk-wethouders": ("wethouders", ["Zwolle", "Eindhoven", "Den Haag"]),
        "leernetwerk-schoolleiders": ("schoolleiders", ["Amersfoort", "Groningen", "Rotterdam"]),
        "leernetwerk-leraren": ("leraren", ["Utrecht", "Arnhem", "Tilburg"]),
    }
    events = []
    for network, (audience, cities) in meetings.items():
        for number, (month, city) in enumerate(zip((3, 6, 9), cities, strict=True), start=1):
            meeting = in_week_of(date(year, month, 12), 1)
            events.append({
                "slug": f"{network}-bijeenkomst-{number}",
                "title": f"Leernetwerk {audience}: bijeenkomst {number} in {city}",
                "kind": Kind.NETWORK_MEETING,
                "summary": f"De {number}e bijeenkomst van het leernetwerk voor {audience}: goede voorbeelden, "
                           "uitdagingen en wat je ervan leert.",
                "description": f"Deelnemers uit het hele land spreken collega-{audience} uit andere "
                               "contexten. Er is een gastspreker en er is tijd om ervaringen uit te wisselen.",
                "organiser": "utrecht", "network": network,
                "starts_at": local_datetime(meeting, "13:30"), "ends_at": local_datetime(meeting, "17:00"),
                "venue_name": f"Stadhuis {city}", "city": city, "capacity": 30,
                "audience": f"Deelnemers van het leernetwerk {audience}",
                "themes": ["cultureel-responsief-onderwijs"] if audience == "leraren" else ["talentontwikkeling"],
                "created_by": pl_ut,
                "programme": [
                    ("13:30", "14:15", "Gastspreker", "", ""),
                    ("14:15", "16:15", "Uitwisselen in kleine groepen", "", ""),
                    ("16:15", "17:00", "Wat neem je mee?", "", ""),
                ],
            })
    closing = date(year, 11, 4)
    events.append({
        "slug": "slotbijeenkomst-leernetwerken-utrecht",
        "title": "Slotbijeenkomst van de drie leernetwerken",
        "kind": Kind.NETWORK_MEETING,
        "summary": "Bijna een jaar na de start komen wethouders, schoolleiders en leraren van alle drie "
                   "de leernetwerken voor het eerst samen, in Utrecht.",
        "description": "We delen inzichten en bespreken ieders rol in het bevorderen van "
                       "kansengelijkheid: wat heeft het leernetwerk gebracht, en wat ga je thuis anders "
                       "aanpakken?",
        "organiser": "utrecht", "network": "leernetwerk-schoolleiders",
        "starts_at": local_datetime(closing, "10:00"), "ends_at": local_datetime(closing, "15:30"),
        "venue_name": "Vergadercentrum De Werkplaats", "city": "Utrecht", "capacity": 120,
        "audience": "Deelnemers van de leernetwerken voor wethouders, schoolleiders en leraren",
        "themes": ["cultureel-responsief-onderwijs", "talentontwikkeling", "armoede"],
        "practices": ["arcade-utrecht-goed-onderwijs-als-fundament", "wijde-wereld-amersfoort-taal-en-wereldkennis",
                      "wijzer-aan-de-vecht-ongelijk-behandelen-voor-gelijke-kansen",
                      "vuurvogel-helmond-cultureel-responsief-lesgeven", "ikc-schalkwijk-aanhaken-bij-het-gezin",
                      "leidschendam-voorburg-portefeuille-talentontwikkeling"],
        "tips": ["Werk vanuit een gedeelde agenda", "Ga naar buiten", "Betrek kinderen zelf",
                 "Wees je bewust van je eigen handelen", "Weet wie je zelf bent", "Verbreed je horizon"],
        "created_by": pl_ut,
        "programme": [
            ("10:00", "10:30", "Ontvangst", "", ""),
            ("10:30", "11:00", "Terugblik op een jaar leernetwerken", "", ""),
            ("11:00", "12:30", "Gesprekken per leernetwerk", "", ""),
            ("12:30", "13:30", "Lunch", "", ""),
            ("13:30", "15:00", "Samen: wie doet wat voor kansengelijkheid?", "",
             "Wethouders, schoolleiders en leraren over elkaars rol."),
            ("15:00", "15:30", "Afsluiting", "", ""),
        ],
        "registrations": [(MEMBER_EMAIL, Status.ATTENDED)] + [(p, Status.ATTENDED) for p in participants[30:46]],
        "report": {
            "author": pl_ut, "participants": None,
            "summary": "Voor het eerst zaten deelnemers van alle drie de leernetwerken bij elkaar. Ze "
                       "deelden wat het jaar hen heeft gebracht en wat ze thuis anders gaan doen.",
            "insights": "- Een landelijk netwerk levert andere ideeën op dan je eigen regio; ook een school "
                        "met een heel andere populatie blijkt veel overlap te hebben.\n"
                        "- Je hoeft niet alles samen te doen, als je maar weet dat je actie bijdraagt aan "
                        "het gezamenlijke doel.\n"
                        "- Kleine bewustwording maakt al verschil in de relatie met kinderen en ouders.",
            "practices": ["ikc-schalkwijk-aanhaken-bij-het-gezin",
                          "vuurvogel-helmond-cultureel-responsief-lesgeven"],
            "agreements": [
                {"what": "De inzichten van de drie leernetwerken bundelen en delen met alle deelnemers.",
                 "owner": pl_ut, "coalition": "utrecht", "due": closing + timedelta(days=30),
                 "status": FollowUpAgreement.Status.DONE, "note": "Gedeeld als verslag op het portaal.",
                 "closed_at": local_datetime(closing + timedelta(days=24), "12:00")},
            ],
        },
    })
    return events


def network_year(today: date, now: datetime) -> int:
    """The latest past year whose 4 November was a Monday: the year of the closing meeting."""
    year = today.year
    while date(year, 11, 4).weekday() != 0 or local_datetime(date(year, 11, 4), "16:00") > now:
        year -= 1
    return year
