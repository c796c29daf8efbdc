"""Demo data: the world of the seed articles plus generated volume, loaded idempotently."""

from __future__ import annotations

import random
import time as clock
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple, TextIO
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    LearningNetwork,
    Municipality,
    Organisation,
    Province,
    Region,
    RegionCoordinator,
    Theme,
)
from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
from moderation.models import ModerationLogEntry, ModerationState
from practices.models import Mechanism, Practice, PracticeLink, Tip

AMS = ZoneInfo("Europe/Amsterdam")

# Public on purpose: the README and the command print it so anyone can try the demo roles.
DEMO_PASSWORD = "kennisportaal-demo"  # noqa: S105

DOMAIN = "kennisportaal.test"

# The generated rows must come out identical on every run: idempotency compares their slugs.
SEED = "kennisportaal-demo-v1"
GENERATED_COALITIONS_MIN = 40
GENERATED_PRACTICES = 320
GENERATED_EVENTS = 230
PARTICIPANTS = 48

COUNT_KEYS = (
    "provinces",
    "regions",
    "themes",
    "municipalities",
    "users",
    "email_addresses",
    "region_coordinators",
    "organisations",
    "coalitions",
    "memberships",
    "learning_networks",
    "practices",
    "practice_links",
    "moderation_log_entries",
    "tips",
    "events",
    "programme_items",
    "stands",
    "registrations",
    "event_reports",
    "agreements",
    "help_requests",
)


class DemoUser(NamedTuple):
    email: str
    role: str
    full_name: str
    job_function: str
    organisation_name: str


DEMO_USERS: list[DemoUser] = [
    DemoUser(f"beheerder@{DOMAIN}", "beheerder (Django-admin, rollen en taxonomieën)",
             "Beheer Kennisportaal", "", "Kennisportaal School & Omgeving"),
    DemoUser(f"regio-noord@{DOMAIN}", "regiocoördinator Noord (moderatie en hulpvragen)",
             "Femke Dijkstra", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"projectleider@{DOMAIN}", "projectleider van de coalitie Oost-Groningen",
             "Marja Hovenkamp", User.Function.PROJECT_LEADER, "Coalitie Oost-Groningen"),
    DemoUser(f"lid@{DOMAIN}", "lid van de coalitie Oost-Groningen (schoolleider)",
             "Sanne Mulder", User.Function.SCHOOL_LEADER, "IKC De Boomgaard, Veendam"),
    DemoUser(f"regio-oost@{DOMAIN}", "regiocoördinator Oost",
             "Bart Wolters", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"regio-midden@{DOMAIN}", "regiocoördinator Midden",
             "Samira Benali", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"regio-noordwest@{DOMAIN}", "regiocoördinator Noordwest",
             "Joost Kok", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"regio-zuidwest@{DOMAIN}", "regiocoördinator Zuidwest",
             "Linda Verbeek", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"regio-zuid@{DOMAIN}", "regiocoördinator Zuid",
             "Maud Willems", User.Function.OTHER, "Gelijke Kansen Alliantie"),
    DemoUser(f"projectleider-den-haag@{DOMAIN}", "projectleider van de coalitie Den Haag",
             "Rudy van der Bovenkamp", User.Function.PROJECT_LEADER, "Coalitie Den Haag"),
    DemoUser(f"projectleider-maastricht@{DOMAIN}", "projectleider van de coalitie Maastricht-Heuvelland",
             "Noor Janssen", User.Function.PROJECT_LEADER, "Coalitie Maastricht-Heuvelland"),
    DemoUser(f"projectleider-haarlem@{DOMAIN}", "projectleider van de coalitie Haarlem en West-Friesland",
             "Ruud Barnhoorn", User.Function.PROJECT_LEADER, "Coalitie Haarlem en West-Friesland"),
    DemoUser(f"projectleider-rotterdam@{DOMAIN}", "projectleider van de coalitie Rotterdam",
             "Inge Verhoef", User.Function.PROJECT_LEADER, "Coalitie Rotterdam"),
    DemoUser(f"projectleider-utrecht@{DOMAIN}", "projectleider van de coalitie Utrecht",
             "Thijs van den Berg", User.Function.PROJECT_LEADER, "Coalitie Utrecht"),
]

STAFF_EMAIL = f"beheerder@{DOMAIN}"
MEMBER_EMAIL = f"lid@{DOMAIN}"

# (user email, coalition slug, role)
DEMO_MEMBERSHIPS = [
    (f"projectleider@{DOMAIN}", "oost-groningen", CoalitionMembership.Role.PROJECT_LEADER),
    (MEMBER_EMAIL, "oost-groningen", CoalitionMembership.Role.MEMBER),
    (f"projectleider-den-haag@{DOMAIN}", "den-haag", CoalitionMembership.Role.PROJECT_LEADER),
    (f"projectleider-maastricht@{DOMAIN}", "maastricht-heuvelland", CoalitionMembership.Role.PROJECT_LEADER),
    (f"projectleider-haarlem@{DOMAIN}", "haarlem-en-west-friesland", CoalitionMembership.Role.PROJECT_LEADER),
    (f"projectleider-rotterdam@{DOMAIN}", "rotterdam", CoalitionMembership.Role.PROJECT_LEADER),
    (f"projectleider-utrecht@{DOMAIN}", "utrecht", CoalitionMembership.Role.PROJECT_LEADER),
]

# ---------------------------------------------------------------------------------------------------
# Taxonomies
# ---------------------------------------------------------------------------------------------------

# (slug, name, description, provinces)
REGIONS = [
    ("noord", "Noord", "Coalities in Groningen, Friesland en Drenthe: veel dorpen, grote afstanden en "
     "krimp, en daardoor juist veel samenwerking tussen school, opvang en vereniging.",
     ["Groningen", "Friesland", "Drenthe"]),
    ("oost", "Oost", "Coalities in Overijssel en Gelderland, van de steden langs de IJssel tot de "
     "Achterhoek en het Rijk van Nijmegen.", ["Overijssel", "Gelderland"]),
    ("midden", "Midden", "Coalities in Utrecht en Flevoland, met snelgroeiende steden en wijken waar veel "
     "kinderen Nederlands als tweede taal leren.", ["Utrecht", "Flevoland"]),
    ("noordwest", "Noordwest", "Coalities in Noord-Holland, van Amsterdam en Haarlem tot West-Friesland en "
     "de kop van de provincie.", ["Noord-Holland"]),
    ("zuidwest", "Zuidwest", "Coalities in Zuid-Holland en Zeeland, met de grote steden Den Haag en "
     "Rotterdam en de Zeeuwse kernen.", ["Zuid-Holland", "Zeeland"]),
    ("zuid", "Zuid", "Coalities in Noord-Brabant en Limburg, van de Brabantse steden tot Parkstad en "
     "het Heuvelland.", ["Noord-Brabant", "Limburg"]),
]

# (region slug, login email of the coordinator)
COORDINATORS = [(slug, f"regio-{slug}@{DOMAIN}") for slug, *_ in REGIONS]

# (slug, name, description)
THEMES = [
    ("talentontwikkeling", "Talentontwikkeling",
     "Kinderen ontdekken waar ze energie van krijgen en waarbij voor hen de tijd vliegt."),
    ("verrijkte-schooldag", "Verrijkte schooldag",
     "Sport, cultuur, natuur en techniek in en rond de schooldag, voor ieder kind."),
    ("ouderbetrokkenheid", "Ouderbetrokkenheid",
     "Ouders als partner van de school: ontmoeten, meedenken en meedoen."),
    ("samenwerking-jeugdhulp", "Samenwerking met jeugdhulp",
     "Onderwijs en jeugdhulp werken samen: dichtbij, vroeg en zonder lange wachttijden."),
    ("extra-onderwijstijd", "Extra onderwijstijd en tutoring",
     "Extra uren begeleiding, tutoring in kleine groepjes en hulp bij huiswerk."),
    ("belevingswereld", "Belevingswereld vergroten",
     "Kinderen maken kennis met beroepen, natuur, cultuur en plekken buiten hun eigen wijk."),
    ("taal-nt2", "Taal en NT2",
     "Taalontwikkeling van kinderen en ouders, ook als Nederlands de tweede taal is."),
    ("welbevinden-verzuim", "Welbevinden en verzuim",
     "Je veilig en gezien voelen als basis om naar school te komen en te leren."),
    ("school-kinderopvang", "School en kinderopvang",
     "Een doorgaande lijn tussen school, kinderopvang en buitenschoolse opvang."),
    ("cultureel-responsief-onderwijs", "Cultureel responsief onderwijs",
     "Lesgeven dat aansluit bij de achtergrond, taal en ervaringen van kinderen."),
    ("armoede", "Armoede",
     "Wat school en partners doen als er thuis weinig geld is, zonder dat kinderen zich apart voelen."),
]

# Province -> municipalities, in a fixed order (the generated coalitions follow it).
MUNICIPALITIES = [
    ("Groningen", ["Groningen", "Veendam", "Pekela", "Oldambt", "Stadskanaal", "Westerwolde",
                   "Het Hogeland", "Midden-Groningen", "Eemsdelta"]),
    ("Friesland", ["Leeuwarden", "Smallingerland", "Heerenveen", "Súdwest-Fryslân", "Harlingen"]),
    ("Drenthe", ["Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden"]),
    ("Overijssel", ["Zwolle", "Deventer", "Enschede", "Hengelo", "Almelo", "Kampen"]),
    ("Gelderland", ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Tiel", "Doetinchem"]),
    ("Utrecht", ["Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Veenendaal"]),
    ("Flevoland", ["Almere", "Lelystad", "Dronten"]),
    ("Noord-Holland", ["Amsterdam", "Haarlem", "Zandvoort", "Hoorn", "Enkhuizen", "Medemblik", "Zaanstad",
                       "Den Helder", "Alkmaar", "Hilversum"]),
    ("Zuid-Holland", ["Den Haag", "Rotterdam", "Schiedam", "Leidschendam-Voorburg", "Rijswijk", "Westland",
                      "Leiden", "Dordrecht", "Gouda", "Zoetermeer"]),
    ("Zeeland", ["Middelburg", "Vlissingen", "Terneuzen", "Goes"]),
    ("Noord-Brabant", ["Eindhoven", "Helmond", "Tilburg", "Breda", "'s-Hertogenbosch", "Oss"]),
    ("Limburg", ["Maastricht", "Eijsden-Margraten", "Heerlen", "Kerkrade", "Sittard-Geleen", "Venlo",
                 "Roermond"]),
]

# ---------------------------------------------------------------------------------------------------
# Curated organisations (slug, name, kind, municipality, description, website)
# ---------------------------------------------------------------------------------------------------

K = Organisation.Kind

CURATED_ORGANISATIONS = [
    # Oost-Groningen and the north
    ("gemeente-veendam", "Gemeente Veendam", K.MUNICIPALITY, "Veendam",
     "Gemeente en trekker van de lokale educatieve agenda in Veendam.", ""),
    ("ikc-de-boomgaard-veendam", "IKC De Boomgaard", K.IKC, "Veendam",
     "Integraal kindcentrum met onderwijs en opvang onder één dak.", ""),
    ("obs-de-veenpluis-pekela", "OBS De Veenpluis", K.SCHOOL_PO, "Pekela",
     "Openbare basisschool in een dorpskern van Pekela.", ""),
    ("kinderopvang-oost-groningen", "Kinderopvang Oost-Groningen", K.CHILDCARE, "Veendam",
     "Kinderdagverblijven en peuteropvang in de Veenkoloniën.", ""),
    ("bso-de-speelwerf-veendam", "BSO De Speelwerf", K.AFTER_SCHOOL, "Veendam",
     "Buitenschoolse opvang naast twee basisscholen.", ""),
    ("jeugdteam-veendam", "Jeugdteam Veendam", K.YOUTH_CARE, "Veendam",
     "Jeugd- en gezinsteam met spreekuren op scholen.", ""),
    ("welzijn-oost-groningen", "Welzijn Oost-Groningen", K.WELFARE, "Veendam",
     "Buurtwerk, ouderkamers en vrijwilligerswerk.", ""),
    ("hanzehogeschool-groningen", "Hanzehogeschool Groningen", K.UNIVERSITY, "Groningen",
     "Hogeschool met onderzoek en onderwijs over talentontwikkeling.", "https://www.hanze.nl/"),
    ("basisschool-winsum", "Basisschool Winsum", K.SCHOOL_PO, "Het Hogeland",
     "Basisschool in Winsum met een verrijkt programma in de middagpauze.", ""),
    ("gemeente-het-hogeland", "Gemeente Het Hogeland", K.MUNICIPALITY, "Het Hogeland",
     "Plattelandsgemeente in Noord-Groningen.", ""),
    # Den Haag
    ("gemeente-den-haag", "Gemeente Den Haag", K.MUNICIPALITY, "Den Haag",
     "Afdeling onderwijs en de Haagse aanwezigheidsaanpak.", ""),
    ("project-buitenkans", "Project Buitenkans", K.PROVIDER, "Den Haag",
     "Tweejarig project op zes po- en tien vo-scholen in Den Haag, gericht op aanwezigheid, "
     "welbevinden en ouderpartnerschap.", "https://www.project-buitenkans.nl/"),
    ("yolk", "Yolk", K.PROVIDER, "Den Haag",
     "Organisatie-ontwikkelbureau dat samenwerking tussen onderwijs en jeugdhulp begeleidt.", ""),
    ("basisschool-de-duinroos-den-haag", "Basisschool De Duinroos", K.SCHOOL_PO, "Den Haag",
     "Basisschool in een Haagse wijk met veel jonge gezinnen.", ""),
    ("haags-wijkcollege", "Haags Wijkcollege", K.SCHOOL_VO, "Den Haag",
     "School voor voortgezet onderwijs met een mentoraat voor iedere leerling.", ""),
    ("jeugd-en-gezinsteam-den-haag-zuidwest", "Jeugd- en gezinsteam Den Haag Zuidwest", K.YOUTH_CARE,
     "Den Haag", "Jeugdhulp in de wijk, met vaste contactpersonen per school.", ""),
    # Limburg
    ("gemeente-maastricht", "Gemeente Maastricht", K.MUNICIPALITY, "Maastricht",
     "Gemeente en partner van de coalitie Maastricht-Heuvelland.", ""),
    ("basisschool-de-maasboog-maastricht", "Basisschool De Maasboog", K.SCHOOL_PO, "Maastricht",
     "Basisschool in Maastricht-West.", ""),
    ("kindcentrum-mergelland", "Kindcentrum Mergelland", K.IKC, "Eijsden-Margraten",
     "Kindcentrum in het Heuvelland, met onderwijs, opvang en peuterwerk.", ""),
    ("welzijn-maastricht", "Welzijn Maastricht", K.WELFARE, "Maastricht",
     "Buurtwerk en jongerenwerk in de Maastrichtse wijken.", ""),
    ("gemeente-heerlen", "Gemeente Heerlen", K.MUNICIPALITY, "Heerlen",
     "Gemeente in Parkstad Limburg.", ""),
    ("basisschool-de-schacht-heerlen", "Basisschool De Schacht", K.SCHOOL_PO, "Heerlen",
     "Basisschool in een Heerlense wijk met veel armoede.", ""),
    ("jeugdteam-parkstad", "Jeugdteam Parkstad", K.YOUTH_CARE, "Kerkrade",
     "Jeugdhulp voor de gemeenten in Parkstad.", ""),
    # Haarlem en West-Friesland
    ("gemeente-haarlem", "Gemeente Haarlem", K.MUNICIPALITY, "Haarlem",
     "Gemeente en partner van de coalitie Haarlem en West-Friesland.", ""),
    ("ikc-zuid-kennemerland-schalkwijk", "IKC Zuid-Kennemerland", K.IKC, "Haarlem",
     "Integraal kindcentrum in Schalkwijk met veel leerlingen die Nederlands als tweede taal leren.", ""),
    ("triple-threat", "Triple Threat", K.PROVIDER, "Haarlem",
     "Jongerenorganisatie die met rolmodellen werkt aan talent en zelfvertrouwen van jongeren.", ""),
    ("kinderopvang-kennemerkids", "Kinderopvang KennemerKids", K.CHILDCARE, "Haarlem",
     "Kinderopvang en bso in Haarlem en Zandvoort.", ""),
    ("basisschool-de-strandloper-zandvoort", "Basisschool De Strandloper", K.SCHOOL_PO, "Zandvoort",
     "Basisschool in Zandvoort.", ""),
    ("basisschool-het-spaarne-haarlem", "Basisschool Het Spaarne", K.SCHOOL_PO, "Haarlem",
     "Basisschool in Haarlem-Oost.", ""),
    ("cultuurhuis-west-friesland", "Cultuurhuis West-Friesland", K.CULTURE, "Hoorn",
     "Cultuurdocenten en kunstlessen voor scholen in West-Friesland.", ""),
    ("jeugdwerk-haarlem", "Jeugdwerk Haarlem", K.WELFARE, "Haarlem",
     "Jongerenwerk en jeugdwerkers in de Haarlemse wijken.", ""),
    # Rotterdam
    ("gemeente-rotterdam", "Gemeente Rotterdam", K.MUNICIPALITY, "Rotterdam",
     "Gemeente en partner van de Rotterdamse coalities.", ""),
    ("feyenoord-foundation", "Feyenoord Foundation", K.SPORT, "Rotterdam",
     "Maatschappelijke tak van de voetbalclub, al jaren actief voor kansengelijkheid in de stad.", ""),
    ("basisschool-de-maaskade-rotterdam", "Basisschool De Maaskade", K.SCHOOL_PO, "Rotterdam",
     "Basisschool op Rotterdam-Zuid.", ""),
    ("kindcentrum-de-kaap-rotterdam", "Kindcentrum De Kaap", K.IKC, "Rotterdam",
     "Kindcentrum met onderwijs en opvang voor kinderen van 0 tot 13 jaar.", ""),
    ("wijkteam-rotterdam-zuid", "Wijkteam Rotterdam-Zuid", K.YOUTH_CARE, "Rotterdam",
     "Wijkteam met vaste contactpersonen voor de scholen.", ""),
    # Utrecht, Amersfoort
    ("gemeente-utrecht", "Gemeente Utrecht", K.MUNICIPALITY, "Utrecht",
     "Gemeente en partner van de coalitie Utrecht.", ""),
    ("montessorischool-arcade", "Montessorischool Arcade", K.SCHOOL_PO, "Utrecht",
     "Montessoribasisschool in Utrecht.", ""),
    ("wijzer-aan-de-vecht", "Wijzer aan de Vecht", K.SCHOOL_PO, "Utrecht",
     "Basisschool aan de Vecht met een sterk pedagogisch klimaat.", ""),
    ("buurtteam-jeugd-utrecht", "Buurtteam Jeugd en Gezin Utrecht", K.YOUTH_CARE, "Utrecht",
     "Buurtteams voor jeugd en gezin in de Utrechtse wijken.", ""),
    ("gemeente-amersfoort", "Gemeente Amersfoort", K.MUNICIPALITY, "Amersfoort",
     "Gemeente en partner van de coalitie Amersfoort.", ""),
    ("obs-de-wijde-wereld", "OBS De Wijde Wereld", K.SCHOOL_PO, "Amersfoort",
     "Openbare basisschool in een Amersfoortse wijk.", ""),
    ("bibliotheek-eemland", "Bibliotheek Eemland", K.CULTURE, "Amersfoort",
     "Bibliotheek met voorleesprogramma's en taalspreekuren.", ""),
    # Brabant, Leidschendam-Voorburg
    ("gemeente-helmond", "Gemeente Helmond", K.MUNICIPALITY, "Helmond",
     "Gemeente en partner van de coalitie Helmond.", ""),
    ("bbs-de-vuurvogel", "BBS De Vuurvogel", K.SCHOOL_PO, "Helmond",
     "Basisschool in de binnenstad van Helmond.", ""),
    ("sportbedrijf-helmond", "Sportbedrijf Helmond", K.SPORT, "Helmond",
     "Buurtsportcoaches en zwemlessen voor Helmondse kinderen.", ""),
    ("gemeente-leidschendam-voorburg", "Gemeente Leidschendam-Voorburg", K.MUNICIPALITY,
     "Leidschendam-Voorburg", "Gemeente met aandachtswijken zoals Leidschendam-Noord.", ""),
    ("basisschool-de-vliet-leidschendam", "Basisschool De Vliet", K.SCHOOL_PO, "Leidschendam-Voorburg",
     "Basisschool in Leidschendam-Noord.", ""),
]

# Providers at the Veendam market: (slug, name, kind, municipality, offer, themes).
VEENDAM_PROVIDERS = [
    ("sportbuurtwerk-veendam", "Sportbuurtwerk Veendam", K.SPORT, "Veendam",
     "Beweegactiviteiten op het schoolplein, tussen de middag en na schooltijd.", ["verrijkte-schooldag"]),
    ("muziekschool-oost-groningen", "Muziekschool Oost-Groningen", K.CULTURE, "Veendam",
     "Instrumentencarrousel: in zes weken vier instrumenten uitproberen.",
     ["talentontwikkeling", "verrijkte-schooldag"]),
    ("theaterwerkplaats-de-kolonie", "Theaterwerkplaats De Kolonie", K.CULTURE, "Pekela",
     "Theaterlessen waarin kinderen spelen met taal en hun eigen verhalen.",
     ["taal-nt2", "talentontwikkeling"]),
    ("natuurschool-het-veenland", "Natuurschool Het Veenland", K.PROVIDER, "Veendam",
     "Buitenlessen in bos en veen, en hulp bij het aanleggen van een schoolmoestuin.", ["belevingswereld"]),
    ("techniekplaats-oost", "Techniekplaats Oost", K.PROVIDER, "Stadskanaal",
     "Techniek- en programmeerclubs voor de groepen 5 tot en met 8.",
     ["talentontwikkeling", "belevingswereld"]),
    ("bibliotheek-veendam", "Bibliotheek Veendam", K.CULTURE, "Veendam",
     "Voorlezen in de klas en een taalspreekuur voor ouders.", ["taal-nt2", "ouderbetrokkenheid"]),
    ("kunstcentrum-oldambt", "Kunstcentrum Oldambt", K.CULTURE, "Oldambt",
     "Beeldende kunst in korte blokken, op school of in het atelier.", ["verrijkte-schooldag"]),
    ("judoschool-stadskanaal", "Judoschool Stadskanaal", K.SPORT, "Stadskanaal",
     "Judo als oefening in respect, samenwerken en omgaan met winnen en verliezen.",
     ["welbevinden-verzuim"]),
    ("zwemschool-oost-groningen", "Zwemschool Oost-Groningen", K.SPORT, "Veendam",
     "Zwemles onder schooltijd voor kinderen die nog geen diploma hebben.", ["armoede"]),
    ("schaakclub-de-denksport", "Schaakclub De Denksport", K.PROVIDER, "Veendam",
     "Schaakles in de klas: concentratie, geduld en vooruitdenken.", ["talentontwikkeling"]),
    ("huiswerkinstituut-noorderlicht", "Huiswerkinstituut Noorderlicht", K.PROVIDER, "Veendam",
     "Huiswerkbegeleiding en bijles in kleine groepen, ook voor het voortgezet onderwijs.",
     ["extra-onderwijstijd"]),
    ("studenten-tutoring-groningen", "Studenten Tutoring Groningen", K.PROVIDER, "Groningen",
     "Studenten als tutor voor rekenen en lezen, drie keer per week op school.", ["extra-onderwijstijd"]),
    ("leergeld-oost-groningen", "Stichting Leergeld Oost-Groningen", K.WELFARE, "Veendam",
     "Hulp bij schoolspullen, sport en cultuur voor gezinnen met weinig geld.", ["armoede"]),
    ("dansstudio-move-veendam", "Dansstudio Move", K.CULTURE, "Veendam",
     "Streetdance en hiphop in de middagpauze.", ["verrijkte-schooldag", "talentontwikkeling"]),
    ("scouting-veendam", "Scouting Veendam", K.PROVIDER, "Veendam",
     "Buitenavonturen waarin kinderen leren samenwerken in de natuur.", ["belevingswereld"]),
    ("boerderijeducatie-westerwolde", "Boerderijeducatie Westerwolde", K.PROVIDER, "Westerwolde",
     "Een dag meedraaien op de boerderij: waar komt ons eten vandaan?", ["belevingswereld"]),
    ("erfgoedlab-veenkolonien", "Erfgoedlab Veenkoloniën", K.CULTURE, "Veendam",
     "Erfgoedlessen over de geschiedenis van de veenkoloniën en de mensen die er woonden.",
     ["belevingswereld", "cultureel-responsief-onderwijs"]),
    ("kookstudio-samen-smullen", "Kookstudio Samen Smullen", K.PROVIDER, "Oldambt",
     "Gezond en goedkoop koken met kinderen en hun ouders.", ["armoede", "ouderbetrokkenheid"]),
    ("filmclub-beeldtaal", "Filmclub Beeldtaal", K.CULTURE, "Stadskanaal",
     "Filmen met een tablet: kinderen vertellen hun eigen verhaal in beeld.",
     ["taal-nt2", "talentontwikkeling"]),
    ("voetbalacademie-oost", "Voetbalacademie Oost", K.SPORT, "Veendam",
     "Voetbaltraining met aandacht voor samenspel en gedrag op en naast het veld.",
     ["welbevinden-verzuim", "verrijkte-schooldag"]),
    ("rust-en-ruimte-kindertraining", "Rust & Ruimte Kindertraining", K.PROVIDER, "Pekela",
     "Weerbaarheids- en ontspanningslessen voor groepen met veel onrust.", ["welbevinden-verzuim"]),
    ("wetenschapsknooppunt-noord", "Wetenschapsknooppunt Noord", K.PROVIDER, "Groningen",
     "Onderzoekend leren: kinderen doen proefjes samen met studenten.",
     ["belevingswereld", "talentontwikkeling"]),
    ("taalmaatjes-veendam", "Taalmaatjes Veendam", K.WELFARE, "Veendam",
     "Vrijwilligers die met kinderen en ouders Nederlands oefenen.", ["taal-nt2", "ouderbetrokkenheid"]),
    ("circusschool-hoge-hoed", "Circusschool Hoge Hoed", K.CULTURE, "Oldambt",
     "Jongleren, balanceren en durven: circuslessen voor alle groepen.", ["talentontwikkeling"]),
    ("muziekbus-noord", "Muziekbus Noord", K.CULTURE, "Groningen",
     "Een rijdende muziekstudio die naar het schoolplein komt.", ["verrijkte-schooldag"]),
    ("sportservice-pekela", "Sportservice Pekela", K.SPORT, "Pekela",
     "Sportkennismaking: elke maand een andere sport bij een lokale vereniging.", ["verrijkte-schooldag"]),
    ("kinderboerderij-de-wiede", "Kinderboerderij De Wiede", K.PROVIDER, "Veendam",
     "Dierenverzorging als naschoolse club, met aandacht voor verantwoordelijkheid.", ["belevingswereld"]),
    ("lezen-en-schrijven-noord", "Taalpunt Noord", K.WELFARE, "Stadskanaal",
     "Cursussen voor ouders die beter willen leren lezen en schrijven.", ["taal-nt2", "armoede"]),
]
# The two partners that also had a stand.
VEENDAM_PARTNER_STANDS = [
    ("kinderopvang-oost-groningen", "Een bso-programma dat aansluit op de schooldag, met vaste gezichten.",
     ["school-kinderopvang"]),
    ("hanzehogeschool-groningen",
     "Kennis en studenten voor onderzoek op school naar talentontwikkeling.", ["talentontwikkeling"]),
]

# ---------------------------------------------------------------------------------------------------
# Curated coalitions (slug, name, region, municipalities, partners, description, website)
# ---------------------------------------------------------------------------------------------------

CURATED_COALITIONS = [
    ("oost-groningen", "Oost-Groningen", "noord",
     ["Veendam", "Pekela", "Oldambt", "Stadskanaal", "Westerwolde"],
     ["gemeente-veendam", "ikc-de-boomgaard-veendam", "obs-de-veenpluis-pekela", "kinderopvang-oost-groningen",
      "bso-de-speelwerf-veendam", "jeugdteam-veendam", "welzijn-oost-groningen", "hanzehogeschool-groningen"],
     "In Oost-Groningen werken scholen, kinderopvang, jeugdhulp, welzijn en gemeenten samen aan een "
     "verrijkte schooldag in de Veenkoloniën. Projectleider Marja Hovenkamp brengt partners bij elkaar, "
     "onder meer met inspiratiemiddagen en een aanbiedersmarkt in Veendam."),
    ("noord-groningen", "Noord-Groningen", "noord", ["Het Hogeland", "Eemsdelta"],
     ["gemeente-het-hogeland", "basisschool-winsum"],
     "Dorpsscholen in Noord-Groningen zoeken samen met de gemeente en lokale verenigingen naar een "
     "verrijkt aanbod dat ook in kleine kernen haalbaar is."),
    ("den-haag", "Den Haag", "zuidwest", ["Den Haag"],
     ["gemeente-den-haag", "project-buitenkans", "yolk", "basisschool-de-duinroos-den-haag",
      "haags-wijkcollege", "jeugd-en-gezinsteam-den-haag-zuidwest"],
     "De Haagse coalitie, met projectleider Rudy van der Bovenkamp, werkt aan aanwezigheid, welbevinden en "
     "een verrijkte schooldag. De coalitie zoekt graag andere coalities op: met de bus naar Maastricht, "
     "en landelijk samen aan apps om het verrijkte aanbod te plannen."),
    ("maastricht-heuvelland", "Maastricht-Heuvelland", "zuid", ["Maastricht", "Eijsden-Margraten"],
     ["gemeente-maastricht", "basisschool-de-maasboog-maastricht", "kindcentrum-mergelland",
      "welzijn-maastricht"],
     "Een Limburgse coalitie van scholen, kindcentra, welzijn en gemeenten in Maastricht en het "
     "Heuvelland. Gastheer van het werkbezoek van de coalitie Den Haag; nu volgt een terugbezoek."),
    ("parkstad-limburg", "Parkstad Limburg", "zuid", ["Heerlen", "Kerkrade"],
     ["gemeente-heerlen", "basisschool-de-schacht-heerlen", "jeugdteam-parkstad"],
     "Scholen en jeugdhulp in Parkstad werken samen aan kansen voor kinderen in een regio met veel "
     "armoede en krimp."),
    ("haarlem-en-west-friesland", "Haarlem en West-Friesland", "noordwest",
     ["Haarlem", "Zandvoort", "Hoorn", "Enkhuizen", "Medemblik"],
     ["gemeente-haarlem", "ikc-zuid-kennemerland-schalkwijk", "triple-threat", "kinderopvang-kennemerkids",
      "basisschool-de-strandloper-zandvoort", "basisschool-het-spaarne-haarlem", "cultuurhuis-west-friesland",
      "jeugdwerk-haarlem"],
     "Jeugdwerkers, pedagogisch medewerkers, cultuurdocenten en leerkrachten werken samen aan brede "
     "talentontwikkeling. Ruud Barnhoorn is het aanspreekpunt; de droom is de tweede "
     "talentenfluisteraarstad van Nederland te worden."),
    ("rotterdam", "Rotterdam", "zuidwest", ["Rotterdam", "Schiedam"],
     ["gemeente-rotterdam", "feyenoord-foundation", "basisschool-de-maaskade-rotterdam",
      "kindcentrum-de-kaap-rotterdam", "wijkteam-rotterdam-zuid"],
     "Rotterdamse scholen en partners bouwen aan een gezamenlijke leeragenda. Sport, onderwijs en "
     "maatschappelijke betrokkenheid versterken elkaar, met onder meer de Feyenoord Foundation als partner."),
    ("utrecht", "Utrecht", "midden", ["Utrecht"],
     ["gemeente-utrecht", "montessorischool-arcade", "wijzer-aan-de-vecht", "buurtteam-jeugd-utrecht"],
     "Utrechtse basisscholen werken samen met buurtteams en gemeente aan goed onderwijs als fundament voor "
     "kansengelijkheid. De coalitie is ook gastheer van de bijeenkomsten van de leernetwerken."),
    ("amersfoort", "Amersfoort", "midden", ["Amersfoort"],
     ["gemeente-amersfoort", "obs-de-wijde-wereld", "bibliotheek-eemland"],
     "In Amersfoort investeren scholen, bibliotheek en gemeente in taal, basisvaardigheden en kennis van "
     "de wereld."),
    ("helmond", "Helmond", "zuid", ["Helmond"],
     ["gemeente-helmond", "bbs-de-vuurvogel", "sportbedrijf-helmond"],
     "Scholen in de Helmondse binnenstad werken met het sportbedrijf en de gemeente aan kansen voor "
     "kinderen die thuis weinig meekrijgen."),
    ("leidschendam-voorburg", "Leidschendam-Voorburg", "zuidwest", ["Leidschendam-Voorburg", "Rijswijk"],
     ["gemeente-leidschendam-voorburg", "basisschool-de-vliet-leidschendam"],
     "Een compacte gemeente naast Den Haag met grote verschillen tussen wijken. De coalitie betrekt ook "
     "cultuur en het ruimtelijk domein bij kansen voor kinderen."),
]

# ---------------------------------------------------------------------------------------------------
# Word material for the generated volume
# ---------------------------------------------------------------------------------------------------

FIRST_NAMES = ["Anouk", "Bram", "Daan", "Esra", "Fatima", "Gijs", "Hanna", "Ilse", "Jeroen", "Karin",
               "Lotte", "Mohamed", "Nadia", "Olaf", "Priya", "Ruben", "Sanne", "Tom", "Yara", "Zeynep",
               "Wouter", "Lisa", "Koen", "Mila", "Hatice", "Pieter", "Eva", "Ayoub", "Femke", "Jasper"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos",
              "Peters", "Hendriks", "van Dijk", "Kaya", "El Idrissi", "Brouwer", "de Graaf", "Dekker",
              "Kramer", "van Leeuwen", "Yilmaz", "Postma", "Hoekstra", "Verbruggen", "Koster"]

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

# ---------------------------------------------------------------------------------------------------
# Curated practices: the approaches named in the seed articles, in our own words
# ---------------------------------------------------------------------------------------------------

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
        "contact_name": "Project Buitenkans", "days_ago": 8,
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

# ---------------------------------------------------------------------------------------------------
# Tips (title, body, themes, source, practice slug, region slug)
# ---------------------------------------------------------------------------------------------------

S = Tip.Source

TIPS = [
    ("Begin klein", "Je hoeft niet meteen een heel programma op te tuigen. Eén inspiratiemiddag of één "
     "werkbezoek brengt vaak al meer in beweging dan je verwacht.", ["verrijkte-schooldag"], S.EDITORS,
     None, None),
    ("Zet in op ontmoeting", "Kies werkvormen waarin mensen echt met elkaar praten: tafelgesprekken, "
     "intervisie of een training die je samen volgt. Daar ontstaan uitwisseling en reflectie.",
     [], S.EDITORS, None, None),
    ("Betrek partners actief", "Nodig niet alleen scholen uit. Aanbieders, de gemeente en jeugdhulp denken "
     "en doen mee als je ze vanaf het begin aan tafel vraagt.", ["samenwerking-jeugdhulp"], S.EDITORS,
     None, None),
    ("Maak vervolgafspraken", "Laat een bijeenkomst niet eindigen bij goede energie. Spreek af wie wat gaat "
     "doen en wanneer, leg het vast en kom er later op terug. Zo wordt inspiratie een concreet plan.",
     [], S.EVENT, None, None),
    ("Vraag hulp", "De regiocoördinatoren van de Gelijke Kansen Alliantie en School & Omgeving denken graag "
     "met je mee. Gebruik ‘Vraag hulp’ op de pagina van je regio, of mail naar rijkeschooldag@minocw.nl.",
     [], S.EDITORS, None, None),
    ("Investeer in verbinding", "Kennis delen werkt het best als mensen elkaar kennen. Tijd voor "
     "kennismaking is geen bijzaak, maar de basis van samenwerking.", [], S.EDITORS, None, None),
    ("Luister naar de werkvloer", "Wie beleid maakt, begint bij de mensen die het moeten uitvoeren. Heb je "
     "een beeld van wat er nodig is? Toets het dan bij leerkrachten, pedagogisch medewerkers en "
     "jeugdwerkers.", [], S.EDITORS, None, None),
    ("Geef praktische richting", "Een beleidsplan komt pas tot leven met een duidelijke eerste stap. Maak "
     "concreet waarmee een school of opvang morgen kan beginnen.", [], S.EDITORS, None, None),
    ("Begin gewoon en leer van fouten", "Wachten op het perfecte plan levert niets op. Begin, kijk wat werkt "
     "en stel bij: fouten horen bij leren.", [], S.EDITORS, None, None),
    ("Werk vanuit een gedeelde agenda", "Je hoeft niet alles samen te doen. Zorg wel dat iedere partner "
     "weet hoe de eigen actie bijdraagt aan het gezamenlijke doel.", ["samenwerking-jeugdhulp"], S.EVENT,
     None, None),
    ("Ga naar buiten", "Ook bestuurders lopen het risico in het systeem te verdwijnen. Blijf op scholen en "
     "in wijken komen, zodat je scherp houdt voor wie je het doet.", [], S.EVENT, None, None),
    ("Betrek kinderen zelf", "Kinderen zijn geen project maar inwoners met een waardevolle inbreng. Vraag "
     "hen wat zij nodig hebben en wat ze zelf willen bijdragen.", ["talentontwikkeling"], S.EVENT,
     None, None),
    ("Wees je bewust van je eigen handelen", "Verdiep je in armoede en kansengelijkheid en kijk daarna "
     "kritisch naar wat je in de klas doet. Kleine dingen in hoe je je opstelt maken verschil voor het "
     "vertrouwen van een kind.", ["cultureel-responsief-onderwijs", "armoede"], S.EVENT,
     "vuurvogel-helmond-cultureel-responsief-lesgeven", "zuid"),
    ("Weet wie je zelf bent", "Je bent een betere partner in de ontwikkeling van een kind als je je eigen "
     "achtergrond en aannames kent.", ["cultureel-responsief-onderwijs"], S.EVENT, None, None),
    ("Verbreed je horizon", "Zoek schoolleiders op buiten je eigen netwerk. Juist een school met een heel "
     "andere populatie helpt je je eigen aannames positief-kritisch te bekijken.", [], S.EVENT,
     "ikc-schalkwijk-aanhaken-bij-het-gezin", "noordwest"),
    ("Zoek een ambitie die iedereen herkent", "Dezelfde mooie zin in ieders beleidsplan is nog geen "
     "gedeelde visie. Vraag door wat partners er in de praktijk onder verstaan, tot je samen een ambitie "
     "hebt.", ["samenwerking-jeugdhulp", "welbevinden-verzuim"], S.PRACTICE,
     "buitenkans-haagse-aanwezigheidsaanpak", "zuidwest"),
    ("Laat kinderen kiezen", "Wie zelf kiest, doet enthousiaster mee. Geef kinderen in de verrijkte "
     "schooldag steeds een keuze uit een paar activiteiten.", ["verrijkte-schooldag", "talentontwikkeling"],
     S.PRACTICE, "winsum-verrijkte-middagpauze", "noord"),
    ("Begin ergens, maar houd het doel voor ogen", "Omdat in een lerende organisatie alles met alles "
     "samenhangt, kun je overal beginnen: bij een lerend team, een datagesprek of een bijeenkomst voor "
     "schoolleiders. Blijf wel vragen met wie en voor wie je leert.", [], S.EDITORS, None, None),
]

STREETS = ["Stationsweg", "Kerkstraat", "Schoolstraat", "Marktplein", "Dorpsstraat", "Parklaan", "Molenweg",
           "Wilhelminalaan", "Julianastraat", "Raadhuisplein"]
DESCRIPTION_EXTRAS = [
    "Je hoort hoe een school uit de coalitie het aanpakt en gaat daarna zelf aan de slag.",
    "Er is ruimte voor vragen uit je eigen praktijk; neem gerust een casus mee.",
    "Neem een collega of een partner mee: samen pak je het daarna makkelijker op.",
    "Aanbieders, jeugdhulp en gemeente zijn ook uitgenodigd, zodat het gesprek breed is.",
]
PARTICIPANT_FUNCTIONS = [
    User.Function.TEACHER, User.Function.SCHOOL_LEADER, User.Function.INTERNAL_SUPERVISOR,
    User.Function.CHILDCARE, User.Function.POLICY_MAKER, User.Function.YOUTH_WORKER, User.Function.PROVIDER,
    User.Function.TEACHER, User.Function.ALDERMAN, User.Function.TEACHER, User.Function.SCHOOL_LEADER,
    User.Function.CHILDCARE,
]
SCHOOL_TYPE_BY_KIND = {
    K.SCHOOL_PO: P.PO, K.SCHOOL_VO: P.VO, K.SCHOOL_SO: P.SO, K.IKC: P.IKC,
    K.CHILDCARE: P.CHILDCARE, K.AFTER_SCHOOL: P.CHILDCARE,
}
SCHOOL_KINDS = {K.SCHOOL_PO, K.SCHOOL_VO, K.SCHOOL_SO, K.IKC}
MECHANISM_SLUGS = ["identificatie", "coordinatie", "reflectie", "transformatie"]


# ---------------------------------------------------------------------------------------------------
# The plan: a pure function of the constants and a fixed seed (no database, no clock), so every run
# computes the same slugs and only the missing rows are inserted.
# ---------------------------------------------------------------------------------------------------


class Plan(NamedTuple):
    organisations: list[dict[str, Any]]
    coalitions: list[dict[str, Any]]
    practices: list[dict[str, Any]]
    events: list[dict[str, Any]]
    participants: list[dict[str, Any]]


def _organisation(slug, name, kind, municipality, description="", website="") -> dict[str, Any]:
    return {"slug": slug, "name": name, "kind": kind, "municipality": municipality,
            "description": description, "website": website}


def _unique(items: list[dict[str, Any]], key: str, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item[key] in seen:
            raise ValueError(f"Duplicate {what} {key}: {item[key]}")
        seen.add(item[key])


def build_plan() -> Plan:
    """Everything the demo needs apart from the dates, which depend on the moment of loading."""
    rng = random.Random(SEED)
    organisations = [_organisation(*row) for row in CURATED_ORGANISATIONS]
    organisations += [_organisation(slug, name, kind, place, offer) for slug, name, kind, place, offer, _ in
                      VEENDAM_PROVIDERS]
    coalitions = [
        {"slug": slug, "name": name, "region": region, "municipalities": places, "partners": partners,
         "description": description, "contact_email": f"{slug}@{DOMAIN}"}
        for slug, name, region, places, partners, description in CURATED_COALITIONS
    ]
    generated_coalitions, generated_organisations = _plan_coalitions(rng, coalitions)
    coalitions += generated_coalitions
    organisations += generated_organisations
    organisations_by_slug = {o["slug"]: o for o in organisations}
    practices = _plan_practices(rng, coalitions, organisations_by_slug)
    events = _plan_events(rng, coalitions, practices)
    participants = _plan_participants(rng)
    _unique(organisations, "slug", "organisation")
    _unique(coalitions, "slug", "coalition")
    _unique(coalitions, "name", "coalition")
    _unique(practices, "slug", "practice")
    _unique(events, "slug", "event")
    return Plan(organisations, coalitions, practices, events, participants)


def _plan_coalitions(rng: random.Random, curated: list[dict[str, Any]]):
    region_of_province = {province: slug for slug, _, _, provinces in REGIONS for province in provinces}
    taken = {place for coalition in curated for place in coalition["municipalities"]}
    topics = list(THEME_TOPICS.values())
    coalitions, organisations = [], []
    for province, places in MUNICIPALITIES:
        for place in places:
            if place in taken:
                continue
            name = rng.choice(COALITION_NAME_PATTERNS).format(place=place)
            slug = slugify(name)
            partners = _plan_partners(rng, place)
            organisations += partners
            first, second = rng.sample(topics, 2)
            coalitions.append({
                "slug": slug, "name": name, "region": region_of_province[province], "municipalities": [place],
                "partners": [p["slug"] for p in partners],
                "description": f"In {place} werken scholen, opvang, jeugdhulp, welzijn en de gemeente samen "
                               f"aan kansen voor kinderen, onder meer {partners[1]['name']} en "
                               f"{partners[3]['name']}. De coalitie richt zich vooral op {first} en op {second}.",
                "contact_email": f"{slug}@{DOMAIN}",
            })
    if len(coalitions) < GENERATED_COALITIONS_MIN:
        raise ValueError("Not enough municipalities for the generated coalitions.")
    return coalitions, organisations


def _plan_partners(rng: random.Random, place: str) -> list[dict[str, Any]]:
    place_slug = slugify(place)
    partners = [_organisation(f"gemeente-{place_slug}", f"Gemeente {place}", K.MUNICIPALITY, place,
                              KIND_DESCRIPTIONS[K.MUNICIPALITY].format(place=place))]
    nouns = rng.sample(SCHOOL_NOUNS, 2)
    for noun in nouns:
        kind = rng.choice([K.SCHOOL_PO, K.SCHOOL_PO, K.IKC, K.SCHOOL_VO, K.SCHOOL_SO])
        if kind == K.SCHOOL_VO:
            name = f"{rng.choice(VO_NAMES)} {place}"
        else:
            name = {K.SCHOOL_PO: "Basisschool {noun}", K.IKC: "IKC {noun}",
                    K.SCHOOL_SO: "SO-school {noun}"}[kind].format(noun=noun)
        partners.append(_organisation(_partner_slug(name, place), name, kind, place,
                                      KIND_DESCRIPTIONS[kind].format(place=place)))
    for kind, pattern, choices in rng.sample(GENERATED_PARTNER_KINDS, 3):
        name = pattern.format(place=place, noun=rng.choice(choices) if choices else "")
        partners.append(_organisation(_partner_slug(name, place), name, kind, place,
                                      KIND_DESCRIPTIONS[kind].format(place=place)))
    return partners


def _partner_slug(name: str, place: str) -> str:
    slug = slugify(name)
    place_slug = slugify(place)
    return slug if slug.endswith(place_slug) else f"{slug}-{place_slug}"


def _lower_first(text: str) -> str:
    """'Ouderkamer' -> 'ouderkamer', but keep acronyms such as 'NT2' as they are."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _plan_practices(rng, coalitions, organisations_by_slug) -> list[dict[str, Any]]:
    theme_slugs = [slug for slug, _, _ in THEMES]
    seen = {p["slug"] for p in CURATED_PRACTICES}
    practices = []
    attempts = 0
    while len(practices) < GENERATED_PRACTICES:
        attempts += 1
        if attempts > GENERATED_PRACTICES * 20:
            raise ValueError("Could not compose enough distinct practice titles.")
        coalition = rng.choice(coalitions)
        partners = [organisations_by_slug[slug] for slug in coalition["partners"]]
        schools = [o for o in partners if o["kind"] in SCHOOL_KINDS] or partners
        organisation = rng.choice(schools)
        others = [o for o in partners if o is not organisation and o["kind"] != K.MUNICIPALITY] or partners
        partner = rng.choice(others)
        theme = rng.choice(theme_slugs)
        if organisation["kind"] == K.SCHOOL_VO and theme == "school-kinderopvang":
            continue
        fragment, what, how = rng.choice(PRACTICE_IDEAS[theme])
        place = organisation["municipality"]
        by_place = rng.random() < 0.6
        title = f"{fragment} in {place}" if by_place else f"{organisation['name']}: {_lower_first(fragment)}"
        slug = slugify(title)
        if slug in seen:
            continue
        seen.add(slug)
        themes = [theme]
        if rng.random() < 0.4:
            themes.append(rng.choice([t for t in theme_slugs if t != theme]))
        mechanisms = rng.sample(MECHANISM_SLUGS, rng.choice([1, 1, 2]))
        school_type = SCHOOL_TYPE_BY_KIND.get(organisation["kind"], P.OTHER)
        approach = how + "\n\n" + " ".join(MECHANISM_SENTENCES[m] for m in mechanisms)
        approach += f" {partner['name']} is vanaf het begin betrokken bij de plannen."
        practices.append({
            "slug": slug,
            "title": title,
            "summary": f"{organisation['name']} in {place} {what}. Dat gebeurt samen met {partner['name']} "
                       f"binnen de coalitie {coalition['name']}.",
            "school_type": school_type,
            "setting": f"{rng.choice(SETTINGS_BY_SCHOOL_TYPE[school_type])}, {place}",
            "context": " ".join(rng.sample(CHALLENGES, 2)),
            "approach": approach,
            "results": " ".join(rng.sample(RESULTS, 2)),
            "pitfalls": "\n".join(f"- {line}" for line in rng.sample(PITFALLS, 2)),
            "practical_tips": "\n".join(f"- {line}" for line in rng.sample(PRACTICAL_TIPS, 3)),
            "themes": themes,
            "mechanisms": mechanisms,
            "organisation": organisation["slug"],
            "coalition": coalition["slug"],
            "region": coalition["region"],
            "contact_name": f"{_person(rng)}, {rng.choice(CONTACT_ROLES)}",
            "days_ago": rng.randint(40, 900),
            "hour": rng.randint(8, 17),
            "links": [],
        })
    return practices


def _plan_events(rng, coalitions, practices) -> list[dict[str, Any]]:
    theme_slugs = [slug for slug, _, _ in THEMES]
    kinds = list(EVENT_KINDS)
    weights = [EVENT_KINDS[kind][5] for kind in kinds]
    practices_by_coalition: dict[str, list[str]] = {}
    for practice in practices:
        practices_by_coalition.setdefault(practice["coalition"], []).append(practice["slug"])
    seen: set[str] = set()
    events = []
    while len(events) < GENERATED_EVENTS:
        coalition = rng.choice(coalitions)
        kind = rng.choices(kinds, weights)[0]
        title_pattern, summary_pattern, start, end, capacity, _ = EVENT_KINDS[kind]
        theme = rng.choice(theme_slugs)
        topic = THEME_TOPICS[theme]
        city = rng.choice(coalition["municipalities"])
        host = None
        if kind == Event.Kind.WORK_VISIT:
            host = rng.choice([c for c in coalitions if c is not coalition])
            city = host["municipalities"][0]
        title = title_pattern.format(topic=topic, city=city, coalition=coalition["name"],
                                     host=host["name"] if host else "")
        slug = slugify(title)
        if slug in seen:
            continue
        seen.add(slug)
        offset = rng.randint(3, 270) if rng.random() < 0.4 else -rng.randint(3, 420)
        summary = summary_pattern.format(topic=topic, host=host["name"] if host else "")
        themes = [theme]
        if rng.random() < 0.3:
            themes.append(rng.choice([t for t in theme_slugs if t != theme]))
        linked = practices_by_coalition.get(coalition["slug"], [])
        online = kind == Event.Kind.WEBINAR
        events.append({
            "slug": slug,
            "title": title,
            "kind": kind,
            "summary": summary,
            "description": f"{summary} {rng.choice(DESCRIPTION_EXTRAS)} Na afloop maken we samen "
                           "vervolgafspraken, zodat het niet bij inspiratie blijft.",
            "organiser": coalition["slug"],
            "host": host["slug"] if host else None,
            "offset": offset,
            "start": start,
            "end": end,
            "venue_name": "" if online else rng.choice(VENUES).format(city=city),
            "address": "" if online else f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            "city": "" if online else city,
            "online_url": f"https://live.{DOMAIN}/{slug}" if online else "",
            "capacity": capacity,
            "audience": rng.choice(AUDIENCES),
            "themes": themes,
            "practices": [rng.choice(linked)] if linked and rng.random() < 0.3 else [],
            "speaker": f"{_person(rng)} ({rng.choice(SPEAKER_ROLES)})",
            "coalition_name": coalition["name"],
            "topic": topic,
            "cancelled": offset > 0 and rng.random() < 0.03,
        })
    return events


def _plan_participants(rng: random.Random) -> list[dict[str, Any]]:
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    chosen = rng.sample(names, PARTICIPANTS)
    coalition_slugs = [slug for slug, *_ in CURATED_COALITIONS]
    participants = []
    for number, name in enumerate(chosen, start=1):
        coalition = coalition_slugs[(number - 1) % len(coalition_slugs)]
        participants.append({
            "email": f"deelnemer{number:02d}@{DOMAIN}",
            "full_name": name,
            "job_function": PARTICIPANT_FUNCTIONS[(number - 1) % len(PARTICIPANT_FUNCTIONS)],
            "coalition": coalition,
        })
    return participants


# ---------------------------------------------------------------------------------------------------
# Small helpers for dates
# ---------------------------------------------------------------------------------------------------


def _at(day: date, hhmm: str | tuple[int, int]) -> datetime:
    hour, minute = map(int, hhmm.split(":")) if isinstance(hhmm, str) else hhmm
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


def _clock(hhmm: str) -> time:
    hour, minute = map(int, hhmm.split(":"))
    return time(hour, minute)


def _in_week_of(day: date, weekday: int) -> date:
    """The given weekday (0 = Monday) in the same week as `day`."""
    return day + timedelta(days=weekday - day.weekday())


def _workday(day: date) -> date:
    """Weekend days move back to the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _third_thursday_of_january(year: int) -> date:
    first = date(year, 1, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 14)


# ---------------------------------------------------------------------------------------------------
# The loader
# ---------------------------------------------------------------------------------------------------


def load_demo_data(
    *, now: datetime | None = None, verbosity: int = 1, stdout: TextIO | None = None
) -> dict[str, int]:
    """Create the demo world and return how many objects of each kind were created.

    Safe to run again: existing rows (found by slug, email or another natural key) are left exactly as
    they are and only what is missing is added, so a second run creates nothing. Dates are relative to
    `now` (default: the current time) at the first load.
    """
    now = now or timezone.now()
    if timezone.is_naive(now):
        now = timezone.make_aware(now, AMS)
    loader = _Loader(now=now, verbosity=verbosity, stdout=stdout)
    with transaction.atomic():
        loader.run()
    return dict(loader.counts)


class _Loader:
    def __init__(self, *, now: datetime, verbosity: int, stdout: TextIO | None):
        self.now = timezone.localtime(now, AMS)
        self.today = self.now.date()
        self.verbosity = verbosity
        self.stdout = stdout
        self.counts: dict[str, int] = dict.fromkeys(COUNT_KEYS, 0)

    # -- plumbing -----------------------------------------------------------------------------------

    def log(self, message: str) -> None:
        if self.stdout is not None and self.verbosity >= 2:
            self.stdout.write(message + "\n")

    def ensure(self, key: str, model: type[models.Model], field: str, rows: list[dict[str, Any]]):
        """Insert the rows whose natural key is missing; return ({key: object}, {keys created})."""
        values = [row[field] for row in rows]
        found = {getattr(obj, field): obj for obj in model.objects.filter(**{f"{field}__in": values})}
        new = [model(**row) for row in rows if row[field] not in found]
        if new:
            model.objects.bulk_create(new)
            self.counts[key] += len(new)
        created = set()
        for obj in new:
            found[getattr(obj, field)] = obj
            created.add(getattr(obj, field))
        return found, created

    @staticmethod
    def link(descriptor, pairs) -> None:
        """Bulk-insert many-to-many rows (only ever for objects created in this run)."""
        through = descriptor.through
        source = descriptor.field.m2m_field_name()
        target = descriptor.field.m2m_reverse_field_name()
        unique_pairs = list(dict.fromkeys(pairs))
        through.objects.bulk_create(
            [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in unique_pairs]
        )

    def run(self) -> None:
        plan = build_plan()
        for label, step in [
            ("taxonomieën", self.load_taxonomy),
            ("gebruikers", self.load_users),
            ("organisaties en coalities", self.load_network),
            ("leernetwerken", self.load_learning_networks),
            ("praktijkvoorbeelden", self.load_practices),
            ("tips", self.load_tips),
            ("bijeenkomsten", self.load_events),
            ("hulpvragen", self.load_help_requests),
        ]:
            started = clock.monotonic()
            step(plan)
            self.log(f"  {label}: {clock.monotonic() - started:.2f} s")

    # -- taxonomy -----------------------------------------------------------------------------------

    def load_taxonomy(self, plan: Plan) -> None:
        self.provinces, _ = self.ensure("provinces", Province, "name",
                                        [{"name": province} for province, _ in MUNICIPALITIES])
        self.regions, new_regions = self.ensure(
            "regions", Region, "slug",
            [{"slug": slug, "name": name, "description": description} for slug, name, description, _ in REGIONS],
        )
        self.link(Region.provinces, [
            (self.regions[slug].pk, self.provinces[province].pk)
            for slug, _, _, provinces in REGIONS if slug in new_regions for province in provinces
        ])
        self.themes, _ = self.ensure("themes", Theme, "slug", [
            {"slug": slug, "name": name, "description": description, "position": position}
            for position, (slug, name, description) in enumerate(THEMES)
        ])
        self.municipalities, _ = self.ensure("municipalities", Municipality, "name", [
            {"name": place, "province": self.provinces[province]}
            for province, places in MUNICIPALITIES for place in places
        ])
        self.mechanisms = {m.slug: m for m in Mechanism.objects.all()}

    # -- users --------------------------------------------------------------------------------------

    def load_users(self, plan: Plan) -> None:
        rows = [
            {"email": user.email, "full_name": user.full_name, "job_function": user.job_function,
             "organisation_name": user.organisation_name, "is_staff": user.email == STAFF_EMAIL,
             "is_superuser": user.email == STAFF_EMAIL}
            for user in DEMO_USERS
        ]
        rows += [
            {"email": p["email"], "full_name": p["full_name"], "job_function": p["job_function"],
             "digest_frequency": User.DigestFrequency.NEVER}
            for p in plan.participants
        ]
        existing = set(User.objects.filter(email__in=[r["email"] for r in rows]).values_list("email", flat=True))
        if len(existing) < len(rows):
            # Hashing is slow on purpose; one hash serves every new demo account.
            password = make_password(DEMO_PASSWORD)
            for row in rows:
                row["password"] = password
        self.users, _ = self.ensure("users", User, "email", rows)

        user_ids = [user.pk for user in self.users.values()]
        addresses = set(EmailAddress.objects.filter(user_id__in=user_ids).values_list("user_id", "email"))
        with_primary = set(
            EmailAddress.objects.filter(user_id__in=user_ids, primary=True).values_list("user_id", flat=True)
        )
        new_addresses = [
            EmailAddress(user=user, email=user.email, verified=True, primary=user.pk not in with_primary)
            for user in self.users.values() if (user.pk, user.email) not in addresses
        ]
        EmailAddress.objects.bulk_create(new_addresses)
        self.counts["email_addresses"] += len(new_addresses)

        self.load_taxonomy_people()

    def load_taxonomy_people(self) -> None:
        wanted = [(self.regions[slug], self.users[email]) for slug, email in COORDINATORS]
        existing = set(RegionCoordinator.objects.filter(user__in=[u for _, u in wanted])
                       .values_list("region_id", "user_id"))
        new = [RegionCoordinator(region=region, user=user, public_email=user.email)
               for region, user in wanted if (region.pk, user.pk) not in existing]
        RegionCoordinator.objects.bulk_create(new)
        self.counts["region_coordinators"] += len(new)

    # -- organisations and coalitions -------------------------------------------------------------

    def load_network(self, plan: Plan) -> None:
        self.organisations, _ = self.ensure("organisations", Organisation, "slug", [
            {"slug": o["slug"], "name": o["name"], "kind": o["kind"],
             "municipality": self.municipalities[o["municipality"]], "description": o["description"],
             "website": o["website"]}
            for o in plan.organisations
        ])
        self.coalitions, new_coalitions = self.ensure("coalitions", Coalition, "slug", [
            {"slug": c["slug"], "name": c["name"], "region": self.regions[c["region"]],
             "description": c["description"], "contact_email": c["contact_email"]}
            for c in plan.coalitions
        ])
        fresh = [c for c in plan.coalitions if c["slug"] in new_coalitions]
        self.link(Coalition.municipalities, [
            (self.coalitions[c["slug"]].pk, self.municipalities[place].pk)
            for c in fresh for place in c["municipalities"]
        ])
        self.link(Coalition.partners, [
            (self.coalitions[c["slug"]].pk, self.organisations[slug].pk) for c in fresh for slug in c["partners"]
        ])

        wanted = [(email, slug, role) for email, slug, role in DEMO_MEMBERSHIPS]
        wanted += [(p["email"], p["coalition"], CoalitionMembership.Role.MEMBER) for p in plan.participants]
        users = [self.users[email] for email, _, _ in wanted]
        existing = set(CoalitionMembership.objects.filter(user__in=users).values_list("coalition_id", "user_id"))
        new = []
        for email, slug, role in wanted:
            coalition, user = self.coalitions[slug], self.users[email]
            if (coalition.pk, user.pk) not in existing:
                existing.add((coalition.pk, user.pk))
                new.append(CoalitionMembership(coalition=coalition, user=user, role=role))
        CoalitionMembership.objects.bulk_create(new)
        self.counts["memberships"] += len(new)

    # -- learning networks ----------------------------------------------------------------------------

    def network_year(self) -> int:
        """The latest past year whose 4 November was a Monday: the year of the closing meeting."""
        year = self.today.year
        while date(year, 11, 4).weekday() != 0 or _at(date(year, 11, 4), "16:00") > self.now:
            year -= 1
        return year

    def load_learning_networks(self, plan: Plan) -> None:
        year = self.network_year()
        january = date(year, 1, 1)
        started = january + timedelta(days=(3 - january.weekday()) % 7 + 7)  # second Thursday
        audiences = LearningNetwork.Audience
        self.networks, new = self.ensure("learning_networks", LearningNetwork, "slug", [
            {"slug": "leernetwerk-wethouders", "name": "Leernetwerk wethouders", "audience": audiences.ALDERMEN,
             "started_on": started,
             "description": "Wethouders uit alle windstreken wisselen uit hoe zij cultuur, sport, zorg en het "
                            "ruimtelijk domein betrekken bij de opgave om alle kinderen veilig, gezond en "
                            "kansrijk te laten opgroeien."},
            {"slug": "leernetwerk-schoolleiders", "name": "Leernetwerk schoolleiders",
             "audience": audiences.SCHOOL_LEADERS, "started_on": started,
             "description": "Schoolleiders uit het hele land delen goede voorbeelden, uitdagingen en "
                            "leerprocessen rond kansengelijkheid, van speciaal onderwijs tot dorpsschool."},
            {"slug": "leernetwerk-leraren", "name": "Leernetwerk leraren", "audience": audiences.TEACHERS,
             "started_on": started,
             "description": "Leraren spreken collega's uit andere contexten, horen sprekers en brengen wat "
                            "ze leren terug naar hun eigen school, bijvoorbeeld over cultureel responsief "
                            "lesgeven."},
        ])
        by_function = {
            User.Function.ALDERMAN: "leernetwerk-wethouders",
            User.Function.SCHOOL_LEADER: "leernetwerk-schoolleiders",
            User.Function.TEACHER: "leernetwerk-leraren",
        }
        pairs = []
        for user in self.users.values():
            slug = by_function.get(user.job_function)
            if slug in new:
                pairs.append((self.networks[slug].pk, user.pk))
        self.link(LearningNetwork.members, pairs)

    # -- practices ------------------------------------------------------------------------------------

    def load_practices(self, plan: Plan) -> None:
        rows = []
        for spec in CURATED_PRACTICES + plan.practices:
            state = spec.get("state", ModerationState.PUBLISHED)
            published_at = None
            if state == ModerationState.PUBLISHED:
                published_at = _at(self.today - timedelta(days=spec["days_ago"]), (spec.get("hour", 10), 0))
            rows.append({
                "slug": spec["slug"], "title": spec["title"], "summary": spec["summary"],
                "school_type": spec["school_type"], "setting": spec["setting"], "context": spec["context"],
                "approach": spec["approach"], "results": spec["results"], "pitfalls": spec["pitfalls"],
                "practical_tips": spec["practical_tips"],
                "organisation": self.organisations[spec["organisation"]] if spec["organisation"] else None,
                "coalition": self.coalitions[spec["coalition"]] if spec["coalition"] else None,
                "region": self.regions[spec["region"]], "contact_name": spec["contact_name"],
                "author": self.users[spec["author"]] if spec.get("author") else None,
                "state": state, "published_at": published_at,
            })
        self.practices, new = self.ensure("practices", Practice, "slug", rows)
        fresh = [spec for spec in CURATED_PRACTICES + plan.practices if spec["slug"] in new]
        self.link(Practice.themes, [
            (self.practices[s["slug"]].pk, self.themes[t].pk) for s in fresh for t in s["themes"]
        ])
        self.link(Practice.mechanisms, [
            (self.practices[s["slug"]].pk, self.mechanisms[m].pk) for s in fresh for m in s["mechanisms"]
            if m in self.mechanisms
        ])
        links = [PracticeLink(practice=self.practices[s["slug"]], title=title, url=url)
                 for s in fresh for title, url in s["links"]]
        PracticeLink.objects.bulk_create(links)
        self.counts["practice_links"] += len(links)

        # Submitted examples wait in the coordinator's queue; their submission is logged like any other.
        log = [
            ModerationLogEntry(item=self.practices[s["slug"]], actor=self.users[s["author"]],
                               from_state=ModerationState.DRAFT, to_state=ModerationState.SUBMITTED,
                               comment="Ingediend vanuit het formulier ‘Deel je praktijkvoorbeeld’.")
            for s in fresh if s.get("state") == ModerationState.SUBMITTED
        ]
        ModerationLogEntry.objects.bulk_create(log)
        self.counts["moderation_log_entries"] += len(log)

    # -- tips -------------------------------------------------------------------------------------------

    def load_tips(self, plan: Plan) -> None:
        rows = [
            {"title": title, "body": body, "source": source,
             "practice": self.practices[practice] if practice else None,
             "region": self.regions[region] if region else None,
             "state": ModerationState.PUBLISHED,
             "published_at": _at(self.today - timedelta(days=3 + 4 * position), "09:00")}
            for position, (title, body, _, source, practice, region) in enumerate(TIPS)
        ]
        self.tips, new = self.ensure("tips", Tip, "title", rows)
        self.link(Tip.themes, [
            (self.tips[title].pk, self.themes[theme].pk)
            for title, _, themes, *_ in TIPS if title in new for theme in themes
        ])

    # -- events -----------------------------------------------------------------------------------------

    def load_events(self, plan: Plan) -> None:
        specs = self.curated_events() + [self.generated_event(g) for g in plan.events]
        # Follow-ups point at earlier events, so those go in first.
        self.events: dict[str, Event] = {}
        created: set[str] = set()
        for batch in ([s for s in specs if not s.get("follows_on")], [s for s in specs if s.get("follows_on")]):
            found, new = self.ensure("events", Event, "slug", [self.event_row(s) for s in batch])
            self.events.update(found)
            created |= new
        fresh = [s for s in specs if s["slug"] in created]
        event = self.events
        self.link(Event.themes, [(event[s["slug"]].pk, self.themes[t].pk) for s in fresh for t in s["themes"]])
        self.link(Event.practices, [
            (event[s["slug"]].pk, self.practices[p].pk) for s in fresh for p in s.get("practices", [])
        ])
        self.link(Event.tips, [(event[s["slug"]].pk, self.tips[t].pk) for s in fresh for t in s.get("tips", [])])

        items = [
            ProgrammeItem(event=event[s["slug"]], starts_at=_clock(start), ends_at=_clock(end) if end else None,
                          title=title, speaker=speaker, description=description)
            for s in fresh for start, end, title, speaker, description in s["programme"]
        ]
        ProgrammeItem.objects.bulk_create(items)
        self.counts["programme_items"] += len(items)

        stands = []
        stand_themes = []
        for s in fresh:
            for number, (organisation, offer, themes) in enumerate(s.get("stands", []), start=1):
                stands.append(Stand(event=event[s["slug"]], organisation=self.organisations[organisation],
                                    offer=offer, number=number))
                stand_themes.append(themes)
        Stand.objects.bulk_create(stands)
        self.counts["stands"] += len(stands)
        self.link(Stand.themes, [
            (stand.pk, self.themes[t].pk) for stand, themes in zip(stands, stand_themes, strict=True) for t in themes
        ])

        self.load_registrations(fresh)
        self.load_reports(fresh)

    def event_row(self, s: dict[str, Any]) -> dict[str, Any]:
        opens, closes = s.get("window") or (s["starts_at"] - timedelta(days=42), s["starts_at"] - timedelta(days=1))
        return {
            "slug": s["slug"], "title": s["title"], "kind": s["kind"], "summary": s["summary"],
            "description": s["description"], "organiser": self.coalitions[s["organiser"]],
            "host": self.coalitions[s["host"]] if s.get("host") else None,
            "learning_network": self.networks[s["network"]] if s.get("network") else None,
            "follows_on": self.events[s["follows_on"]] if s.get("follows_on") else None,
            "starts_at": s["starts_at"], "ends_at": s["ends_at"], "venue_name": s.get("venue_name", ""),
            "address": s.get("address", ""), "city": s.get("city", ""), "online_url": s.get("online_url", ""),
            "capacity": s.get("capacity"), "registration_opens_at": opens, "registration_closes_at": closes,
            "audience": s.get("audience", ""), "state": ModerationState.PUBLISHED,
            "cancelled_at": s.get("cancelled_at"),
            "created_by": self.users[s["created_by"]] if s.get("created_by") else None,
        }

    def load_registrations(self, fresh: list[dict[str, Any]]) -> None:
        registrations = []
        for s in fresh:
            wanted = s.get("registrations", [])
            if not wanted:
                continue
            event = self.events[s["slug"]]
            first = event.registration_opens_at
            last = min(event.registration_closes_at, self.now)
            step = (last - first) / (len(wanted) + 1)
            for position, (email, status) in enumerate(wanted, start=1):
                created_at = first + step * position
                user = self.users[email]
                registrations.append(Registration(
                    event=event, user=user, status=status, created_at=created_at,
                    organisation_name=user.organisation_name,
                    job_function=user.get_job_function_display() if user.job_function else "",
                    cancelled_at=min(created_at + timedelta(days=1), last)
                    if status == Registration.Status.CANCELLED else None,
                ))
        Registration.objects.bulk_create(registrations)
        self.counts["registrations"] += len(registrations)

    def load_reports(self, fresh: list[dict[str, Any]]) -> None:
        with_report = [s for s in fresh if s.get("report")]
        reports = [
            EventReport(event=self.events[s["slug"]], summary=s["report"]["summary"],
                        insights=s["report"]["insights"], participant_count=s["report"].get("participants"),
                        author=self.users[s["report"]["author"]])
            for s in with_report
        ]
        EventReport.objects.bulk_create(reports)
        self.counts["event_reports"] += len(reports)
        self.link(EventReport.related_practices, [
            (report.pk, self.practices[p].pk)
            for report, s in zip(reports, with_report, strict=True) for p in s["report"].get("practices", [])
        ])
        agreements = []
        for s in with_report:
            for a in s["report"].get("agreements", []):
                status = a.get("status", FollowUpAgreement.Status.OPEN)
                agreements.append(FollowUpAgreement(
                    event=self.events[s["slug"]], description=a["what"],
                    owner=self.users[a["owner"]] if a.get("owner") else None,
                    owner_name=a.get("owner_name", ""), owner_email=a.get("owner_email", ""),
                    coalition=self.coalitions[a["coalition"]], due_date=a["due"], status=status,
                    done_note=a.get("note", ""), closed_at=a.get("closed_at"),
                ))
        FollowUpAgreement.objects.bulk_create(agreements)
        self.counts["agreements"] += len(agreements)

    # -- help requests ----------------------------------------------------------------------------------

    def load_help_requests(self, plan: Plan) -> None:
        requests = [
            ("noord", "Sanne Mulder", MEMBER_EMAIL, "IKC De Boomgaard, Veendam",
             "Wij willen samen met de bso een doorgaande lijn opzetten, maar de roosters sluiten niet op "
             "elkaar aan. Kennen jullie een school in de regio die dit al goed geregeld heeft?",
             self.users[MEMBER_EMAIL]),
            ("noord", "Pieter Postma", f"p.postma@basisschool-emmen.{DOMAIN}", "Basisschool in Emmen",
             "Onze coalitie wil een werkbezoek organiseren aan een andere regio. Kunnen jullie helpen een "
             "coalitie te vinden die met vergelijkbare vraagstukken werkt, zoals krimp en armoede?", None),
            ("zuidwest", "Hatice Yilmaz", f"h.yilmaz@schiedam.{DOMAIN}", "Gemeente Schiedam",
             "Hoe pakken andere gemeenten de aanwezigheidsaanpak aan samen met jeugdhulp?", None),
        ]
        for region, name, email, organisation, question, user in requests:
            _, created = HelpRequest.objects.get_or_create(
                region=self.regions[region], email=email,
                defaults={"name": name, "organisation": organisation, "question": question, "user": user},
            )
            self.counts["help_requests"] += int(created)

    # -- event specifications ---------------------------------------------------------------------------

    def generated_event(self, g: dict[str, Any]) -> dict[str, Any]:
        day = _workday(self.today + timedelta(days=g["offset"]))
        starts_at, ends_at = _at(day, g["start"]), _at(day, g["end"])
        spec = {key: g[key] for key in ("slug", "title", "kind", "summary", "description", "organiser", "host",
                                         "venue_name", "address", "city", "online_url", "capacity", "audience",
                                         "themes", "practices")}
        spec.update(starts_at=starts_at, ends_at=ends_at,
                    programme=_generated_programme(g, starts_at, ends_at))
        if g["cancelled"]:
            spec["cancelled_at"] = min(self.now - timedelta(days=2), starts_at - timedelta(days=1))
        return spec

    def curated_events(self) -> list[dict[str, Any]]:
        today, now = self.today, self.now
        Kind, Status = Event.Kind, Registration.Status
        participants = [f"deelnemer{number:02d}@{DOMAIN}" for number in range(1, PARTICIPANTS + 1)]
        pl_og, pl_dh = f"projectleider@{DOMAIN}", f"projectleider-den-haag@{DOMAIN}"
        pl_ma, pl_ha = f"projectleider-maastricht@{DOMAIN}", f"projectleider-haarlem@{DOMAIN}"
        pl_ro = f"projectleider-rotterdam@{DOMAIN}"

        def day(offset: int, weekday: int) -> date:
            return _in_week_of(today + timedelta(days=offset), weekday)

        def open_now(starts_at: datetime) -> tuple[datetime, datetime]:
            """A registration window that is open at load time."""
            return now - timedelta(days=14), starts_at - timedelta(days=2)

        events: list[dict[str, Any]] = []

        # Oost-Groningen: the inspiration afternoon with a provider market in Veendam, and its follow-up.
        veendam = day(-40, 2)
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
            "starts_at": _at(veendam, "13:00"), "ends_at": _at(veendam, "17:30"),
            "venue_name": "Cultureel centrum Veendam", "city": "Veendam", "capacity": 150,
            "audience": "Scholen, kinderopvang, aanbieders, gemeenten en andere belangstellenden uit "
                        "Oost-Groningen",
            "themes": ["verrijkte-schooldag", "talentontwikkeling"],
            "practices": ["winsum-verrijkte-middagpauze", "oost-groningen-aanbiedersmarkt"],
            "tips": ["Begin klein", "Zet in op ontmoeting", "Laat kinderen kiezen"],
            "created_by": pl_og,
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
            "registrations": [(MEMBER_EMAIL, Status.ATTENDED)] + [(p, Status.ATTENDED) for p in participants[:40]],
            "report": {
                "author": pl_og, "participants": 110,
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
                             "kinderopvang en bso.", "owner": pl_og, "coalition": "oost-groningen",
                     "due": veendam + timedelta(days=21), "status": FollowUpAgreement.Status.DONE,
                     "note": "De vervolgbijeenkomst staat in de agenda; aanmelden kan al.",
                     "closed_at": _at(veendam + timedelta(days=9), "11:00")},
                    {"what": "Het overzicht van alle aanbieders en hun aanbod naar de scholen sturen.",
                     "owner": pl_og, "coalition": "oost-groningen", "due": today + timedelta(days=7)},
                    {"what": "Een praktijkvoorbeeld schrijven over samen eten met de bso.",
                     "owner": MEMBER_EMAIL, "coalition": "oost-groningen", "due": today + timedelta(days=21)},
                ],
            },
        })
        followup = day(24, 2)
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
            "starts_at": _at(followup, "14:00"), "ends_at": _at(followup, "17:00"),
            "window": open_now(_at(followup, "14:00")),
            "venue_name": "IKC De Boomgaard", "city": "Veendam", "capacity": 60,
            "audience": "Schoolleiders, leerkrachten, pedagogisch medewerkers en bso-coördinatoren",
            "themes": ["school-kinderopvang"], "created_by": pl_og,
            "programme": [
                ("14:00", "14:15", "Welkom en terugblik op de inspiratiemiddag", "Marja Hovenkamp, projectleider",
                 ""),
                ("14:15", "14:45", "Een school vertelt over de samenwerking met de opvang", "IKC De Boomgaard", ""),
                ("14:45", "15:15", "Een opvangorganisatie vertelt", "Kinderopvang Oost-Groningen", ""),
                ("15:15", "16:30", "In groepen: oplossingen voor jullie uitdagingen", "", ""),
                ("16:30", "17:00", "Vervolgafspraken maken", "", ""),
            ],
            "registrations": [(MEMBER_EMAIL, Status.CONFIRMED)] + [(p, Status.CONFIRMED) for p in participants[:11]],
        })

        # Den Haag travels to Maastricht by bus; the Limburg coalitions come back.
        visit = day(-75, 3)
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
            "starts_at": _at(visit, "07:30"), "ends_at": _at(visit, "19:30"),
            "venue_name": "Scholen van de coalitie Maastricht-Heuvelland", "city": "Maastricht",
            "address": "Vertrek met de bus vanaf Den Haag Centraal", "capacity": 25,
            "audience": "Schoolleiders, beleidsmakers en andere betrokkenen uit de coalitie Den Haag",
            "themes": ["armoede", "welbevinden-verzuim", "verrijkte-schooldag"],
            "tips": ["Maak vervolgafspraken", "Investeer in verbinding"], "created_by": pl_dh,
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
            "registrations": [(pl_dh, Status.ATTENDED)] + [(p, Status.ATTENDED) for p in participants[:24]],
            "report": {
                "author": pl_dh, "participants": 25,
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
                     "owner": pl_ma, "coalition": "maastricht-heuvelland", "due": visit + timedelta(days=30),
                     "status": FollowUpAgreement.Status.DONE,
                     "note": "Het terugbezoek staat gepland en is aangekondigd op het portaal.",
                     "closed_at": _at(visit + timedelta(days=19), "10:15")},
                    {"what": "De contactgegevens van de bezochte schoolleiders delen met alle deelnemers.",
                     "owner": pl_dh, "coalition": "den-haag", "due": today + timedelta(days=14)},
                    {"what": "De inzichten van het werkbezoek bespreken in het directeurenoverleg van de "
                             "Haagse schoolbesturen.",
                     "owner_name": "Secretariaat directeurenoverleg",
                     "owner_email": f"directeurenoverleg@den-haag.{DOMAIN}", "coalition": "den-haag",
                     "due": today - timedelta(days=10)},
                    {"what": "Uitzoeken welke Limburgse aanpak van armoede in de klas bruikbaar is voor Haagse "
                             "scholen, en daarover een praktijkvoorbeeld delen.",
                     "owner": pl_dh, "coalition": "den-haag", "due": today + timedelta(days=45)},
                    {"what": "Samen met Maastricht één app gebruiken om het verrijkte aanbod te plannen.",
                     "owner": pl_ma, "coalition": "maastricht-heuvelland", "due": visit + timedelta(days=40),
                     "status": FollowUpAgreement.Status.DROPPED,
                     "note": "Maastricht kiest voorlopig voor een eigen oplossing; we blijven kennis delen.",
                     "closed_at": _at(visit + timedelta(days=35), "15:00")},
                ],
            },
        })
        return_visit = day(45, 3)
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
            "starts_at": _at(return_visit, "08:00"), "ends_at": _at(return_visit, "19:00"),
            "window": open_now(_at(return_visit, "08:00")),
            "venue_name": "Basisschool De Duinroos en Haags Wijkcollege", "city": "Den Haag", "capacity": 30,
            "audience": "Schoolleiders, beleidsmakers en partners uit de Limburgse coalities",
            "themes": ["welbevinden-verzuim", "ouderbetrokkenheid", "verrijkte-schooldag"],
            "practices": ["den-haag-app-verrijkte-schooldag", "buitenkans-oudercoordinator",
                          "buitenkans-haagse-aanwezigheidsaanpak"],
            "created_by": pl_ma,
            "programme": [
                ("08:00", "11:00", "Busreis vanuit Maastricht en Heerlen", "", ""),
                ("11:00", "11:30", "Ontvangst door de coalitie Den Haag", "Rudy van der Bovenkamp, projectleider", ""),
                ("11:30", "13:00", "Bezoek aan een basisschool en een vo-school", "", ""),
                ("13:00", "14:00", "Lunch", "", ""),
                ("14:00", "15:30", "Buitenkans: oudercoördinator en aanwezigheidsaanpak", "Projectteam Buitenkans",
                 ""),
                ("15:30", "19:00", "Terugreis met nabespreking", "", ""),
            ],
            "registrations": [(pl_ma, Status.CONFIRMED)]
            + [(p, Status.CONFIRMED) for p in participants[24:30]] + [(participants[30], Status.CANCELLED)],
        })

        # Haarlem en West-Friesland: the talent day, and the partners' own talent day in Zandvoort.
        talent_day = day(-120, 1)
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
            "starts_at": _at(talent_day, "09:00"), "ends_at": _at(talent_day, "15:00"),
            "venue_name": "Wijkcentrum Schalkwijk", "city": "Haarlem", "capacity": 50,
            "audience": "Jeugdwerkers, pedagogisch medewerkers, cultuurdocenten, leerkrachten en coördinatoren",
            "themes": ["talentontwikkeling"],
            "practices": ["haarlem-talentenfluisteraars", "triple-threat-rolmodellen-als-talentenfluisteraar"],
            "tips": ["Betrek kinderen zelf"], "created_by": pl_ha,
            "programme": [
                ("09:00", "09:30", "Inloop", "", ""),
                ("09:30", "11:00", "Talent is waar de tijd vliegt", "Luc de Wulf, talentenfluisteraar", ""),
                ("11:00", "11:15", "Pauze", "", ""),
                ("11:15", "13:00", "Workshop: talenten herkennen en stimuleren", "Els Pronk, trainer", ""),
                ("13:00", "13:45", "Lunch", "", ""),
                ("13:45", "14:45", "In gesprek: wat doen we morgen anders?", "Ruud Barnhoorn", ""),
                ("14:45", "15:00", "Afsluiting en vervolgafspraken", "", ""),
            ],
            "registrations": [(p, Status.ATTENDED) for p in participants[10:40]],
            "report": {
                "author": pl_ha, "participants": 50,
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
                             "zelf een talentendag.", "owner": pl_ha, "coalition": "haarlem-en-west-friesland",
                     "due": talent_day + timedelta(days=60), "status": FollowUpAgreement.Status.DONE,
                     "note": "De talentendag in Zandvoort staat gepland.",
                     "closed_at": _at(talent_day + timedelta(days=33), "09:30")},
                    {"what": "Triple Threat leidt de eigen rolmodellen op als talentenfluisteraar.",
                     "owner_name": "Triple Threat", "owner_email": f"triple-threat@{DOMAIN}",
                     "coalition": "haarlem-en-west-friesland", "due": today + timedelta(days=60)},
                ],
            },
        })
        zandvoort = day(60, 2)
        events.append({
            "slug": "talentendag-zandvoort",
            "title": "Talentendag in Zandvoort",
            "kind": Kind.WORKSHOP,
            "summary": "Een kinderopvangorganisatie en twee scholen uit Haarlem en Zandvoort organiseren hun "
                       "eigen talentendag, geïnspireerd door de talentenfluisteraar.",
            "description": "Na de talentendag in Haarlem gaan partners zelf aan de slag. Rolmodellen van "
                           "Triple Threat laten zien hoe zij met jongeren over talent praten.",
            "organiser": "haarlem-en-west-friesland", "follows_on": "talentendag-haarlem",
            "starts_at": _at(zandvoort, "13:30"), "ends_at": _at(zandvoort, "16:30"),
            "window": open_now(_at(zandvoort, "13:30")),
            "venue_name": "Basisschool De Strandloper", "city": "Zandvoort", "capacity": 40,
            "audience": "Leerkrachten, pedagogisch medewerkers en jeugdwerkers",
            "themes": ["talentontwikkeling", "school-kinderopvang"], "created_by": pl_ha,
            "programme": [
                ("13:30", "14:00", "Welkom", "Ruud Barnhoorn", ""),
                ("14:00", "15:00", "Rolmodellen als talentenfluisteraar", "Triple Threat", ""),
                ("15:00", "16:30", "Aan de slag: talent herkennen in je eigen groep", "", ""),
            ],
            "registrations": [(p, Status.CONFIRMED) for p in participants[5:13]],
        })

        # Rotterdam: the workshop with Karim Benammar and the meeting that is planned next.
        rotterdam = day(-25, 1)
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
            "starts_at": _at(rotterdam, "15:00"), "ends_at": _at(rotterdam, "18:00"),
            "venue_name": "Kindcentrum De Kaap", "city": "Rotterdam", "capacity": 60,
            "audience": "Scholen en partners van de Rotterdamse coalities",
            "themes": ["verrijkte-schooldag", "belevingswereld", "cultureel-responsief-onderwijs"],
            "practices": ["rotterdam-aannames-bevragen-en-sport-als-bondgenoot"], "created_by": pl_ro,
            "programme": [
                ("15:00", "15:15", "Welkom", "Marloes Snel, schoolleider", ""),
                ("15:15", "16:30", "Interactieve workshop: waarom doen we wat we doen?",
                 "Karim Benammar, filosoof", ""),
                ("16:30", "17:15", "Sport, onderwijs en de stad", "Feyenoord Foundation", ""),
                ("17:15", "18:00", "Ontmoeting en reflectie", "", ""),
            ],
            "registrations": [(p, Status.ATTENDED) for p in participants[20:36]],
            "report": {
                "author": pl_ro, "participants": 55,
                "summary": "Een middag vol uitwisseling, reflectie en ontmoeting. Iedereen ging naar huis met "
                           "nieuwe inzichten en energie om het verschil te maken.",
                "insights": "- Diepgewortelde gewoontes komen vaak voort uit oude denkkaders; door ze te "
                            "bevragen ontstaat ruimte voor vernieuwing, met gelijke kansen als kompas.\n"
                            "- Sportclubs zijn sterke bondgenoten in de wijk.",
                "practices": ["rotterdam-aannames-bevragen-en-sport-als-bondgenoot"],
                "agreements": [
                    {"what": "Bij alle scholen ophalen welke thema's op de gezamenlijke leeragenda moeten.",
                     "owner": pl_ro, "coalition": "rotterdam", "due": today + timedelta(days=10)},
                ],
            },
        })
        agenda = day(18, 3)
        events.append({
            "slug": "bijeenkomst-leeragenda-rotterdam",
            "title": "Bouwen aan de gezamenlijke leeragenda van de Rotterdamse coalities",
            "kind": Kind.INTERVISION,
            "summary": "Coalities in Rotterdam zoeken elkaar op: welke vragen pakken we het komende jaar samen "
                       "op, en wie leert van wie?",
            "description": "Een vervolg op de workshop met Karim Benammar. We bespreken de thema's die scholen "
                           "hebben aangedragen en maken afspraken over de leeragenda.",
            "organiser": "rotterdam", "follows_on": "workshop-karim-benammar-rotterdam",
            "starts_at": _at(agenda, "15:30"), "ends_at": _at(agenda, "17:30"),
            "window": open_now(_at(agenda, "15:30")),
            "venue_name": "Basisschool De Maaskade", "city": "Rotterdam", "capacity": 20,
            "audience": "Schoolleiders en coördinatoren van de Rotterdamse coalities",
            "themes": ["verrijkte-schooldag"], "created_by": pl_ro,
            "programme": [
                ("15:30", "16:00", "Wat hebben scholen aangedragen?", "Inge Verhoef, projectleider", ""),
                ("16:00", "17:00", "Intervisie in drie groepen", "", ""),
                ("17:00", "17:30", "De leeragenda vastleggen", "", ""),
            ],
        })

        # Buitenkans in Den Haag: masterclasses, livecasts and a knowledge festival in January.
        past_livecast = day(-60, 2)
        events.append({
            "slug": "livecast-ouderpartnerschap-buitenkans",
            "title": "Livecast: ouderpartnerschap in het primair onderwijs",
            "kind": Kind.WEBINAR,
            "summary": "Het projectteam van Buitenkans vertelt hoe een oudercoördinator ouders de school in "
                       "haalt.",
            "description": "Een livecast van een uur met voorbeelden uit Haagse basisscholen en ruimte voor "
                           "vragen.",
            "organiser": "den-haag",
            "starts_at": _at(past_livecast, "16:00"), "ends_at": _at(past_livecast, "17:00"),
            "online_url": f"https://live.{DOMAIN}/buitenkans-ouderpartnerschap",
            "audience": "Iedereen die werkt aan ouderbetrokkenheid",
            "themes": ["ouderbetrokkenheid"], "practices": ["buitenkans-oudercoordinator"], "created_by": pl_dh,
            "programme": [("16:00", "17:00", "Livecast met vragen uit de chat", "Projectteam Buitenkans", "")],
        })
        masterclass = day(10, 1)
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
            "starts_at": _at(masterclass, "15:30"), "ends_at": _at(masterclass, "17:30"),
            "window": open_now(_at(masterclass, "15:30")),
            "venue_name": "Basisschool De Duinroos", "city": "Den Haag", "capacity": 20,
            "audience": "Schoolleiders, ouderconsulenten en intern begeleiders",
            "themes": ["ouderbetrokkenheid"], "practices": ["buitenkans-oudercoordinator"], "created_by": pl_dh,
            "programme": [
                ("15:30", "16:15", "Aansluiten bij wat er speelt", "Projectteam Buitenkans", ""),
                ("16:15", "17:00", "De rol van de oudercoördinator", "Projectteam Buitenkans", ""),
                ("17:00", "17:30", "Jouw eerste stap", "", ""),
            ],
            # Full, with a waiting list: a cancellation promotes the first person waiting.
            "registrations": [(p, Status.CONFIRMED) for p in participants[:20]]
            + [(p, Status.WAITLISTED) for p in participants[20:24]],
        })
        livecast = day(31, 2)
        events.append({
            "slug": "livecast-aanwezigheid-en-welbevinden",
            "title": "Livecast: aanwezigheid en welbevinden in het voortgezet onderwijs",
            "kind": Kind.WEBINAR,
            "summary": "Waarom Den Haag liever over aanwezigheid dan over verzuim praat, en wat welbevinden "
                       "ermee te maken heeft.",
            "description": "Jongeren vertelden dat er pas naar hen werd omgekeken als hun cijfers slecht "
                           "waren. In deze livecast hoor je wat scholen daarmee deden.",
            "organiser": "den-haag",
            "starts_at": _at(livecast, "16:00"), "ends_at": _at(livecast, "17:00"),
            "online_url": f"https://live.{DOMAIN}/buitenkans-aanwezigheid",
            "audience": "Mentoren, zorgcoördinatoren, leerplicht en jeugdhulp",
            "themes": ["welbevinden-verzuim", "samenwerking-jeugdhulp"],
            "practices": ["buitenkans-haagse-aanwezigheidsaanpak"], "created_by": pl_dh,
            "programme": [("16:00", "17:00", "Livecast met vragen uit de chat", "Projectteam Buitenkans", "")],
        })
        festival = _third_thursday_of_january(today.year)
        if festival <= today + timedelta(days=14):
            festival = _third_thursday_of_january(today.year + 1)
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
            "starts_at": _at(festival, "10:00"), "ends_at": _at(festival, "16:30"),
            "window": (min(now, _at(festival, "09:00") - timedelta(days=60)), _at(festival, "09:00")
                       - timedelta(days=3)),
            "venue_name": "Haags Wijkcollege", "city": "Den Haag", "capacity": 250,
            "audience": "Scholen, wijkteams, jeugdhulp, gemeenten en ouders",
            "themes": ["welbevinden-verzuim", "ouderbetrokkenheid", "samenwerking-jeugdhulp"],
            "practices": ["buitenkans-oudercoordinator", "buitenkans-haagse-aanwezigheidsaanpak"],
            "created_by": pl_dh,
            "programme": [
                ("10:00", "10:30", "Opening", "Projectteam Buitenkans", ""),
                ("10:30", "12:00", "Workshopronde 1", "", ""),
                ("12:00", "13:00", "Lunch en markt", "", ""),
                ("13:00", "14:30", "Workshopronde 2", "", ""),
                ("14:30", "16:00", "Hoe borgen we wat werkt?", "", ""),
                ("16:00", "16:30", "Afsluiting", "", ""),
            ],
        })

        events += self.network_events(participants)
        return events

    def network_events(self, participants: list[str]) -> list[dict[str, Any]]:
        year = self.network_year()
        Status = Registration.Status
        pl_ut = f"projectleider-utrecht@{DOMAIN}"
        meetings = {
            "leernetwerk-wethouders": ("wethouders", ["Zwolle", "Eindhoven", "Den Haag"]),
            "leernetwerk-schoolleiders": ("schoolleiders", ["Amersfoort", "Groningen", "Rotterdam"]),
            "leernetwerk-leraren": ("leraren", ["Utrecht", "Arnhem", "Tilburg"]),
        }
        events = []
        for network, (audience, cities) in meetings.items():
            for number, (month, city) in enumerate(zip((3, 6, 9), cities, strict=True), start=1):
                meeting = _in_week_of(date(year, month, 12), 1)
                events.append({
                    "slug": f"{network}-bijeenkomst-{number}",
                    "title": f"Leernetwerk {audience}: bijeenkomst {number} in {city}",
                    "kind": Event.Kind.NETWORK_MEETING,
                    "summary": f"De {number}e bijeenkomst van het leernetwerk voor {audience}: goede voorbeelden, "
                               "uitdagingen en wat je ervan leert.",
                    "description": f"Deelnemers uit het hele land spreken collega-{audience} uit andere "
                                   "contexten. Er is een gastspreker en er is tijd om ervaringen uit te wisselen.",
                    "organiser": "utrecht", "network": network,
                    "starts_at": _at(meeting, "13:30"), "ends_at": _at(meeting, "17:00"),
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
            "kind": Event.Kind.NETWORK_MEETING,
            "summary": "Bijna een jaar na de start komen wethouders, schoolleiders en leraren van alle drie "
                       "de leernetwerken voor het eerst samen, in Utrecht.",
            "description": "We delen inzichten en bespreken ieders rol in het bevorderen van "
                           "kansengelijkheid: wat heeft het leernetwerk gebracht, en wat ga je thuis anders "
                           "aanpakken?",
            "organiser": "utrecht", "network": "leernetwerk-schoolleiders",
            "starts_at": _at(closing, "10:00"), "ends_at": _at(closing, "15:30"),
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
                     "closed_at": _at(closing + timedelta(days=24), "12:00")},
                ],
            },
        })
        return events


def _generated_programme(g: dict[str, Any], starts_at: datetime, ends_at: datetime) -> list[tuple]:
    def hhmm(moment: datetime) -> str:
        return moment.strftime("%H:%M")

    if g["kind"] == Event.Kind.WEBINAR:
        return [(hhmm(starts_at), hhmm(ends_at), f"Livecast: {g['topic']} in de praktijk", g["speaker"], "")]
    welcome_end = starts_at + timedelta(minutes=30)
    closing_start = ends_at - timedelta(minutes=30)
    middle = welcome_end + min((closing_start - welcome_end) / 2, timedelta(minutes=75))
    middle = middle.replace(minute=(middle.minute // 15) * 15)
    work = {
        Event.Kind.WORK_VISIT: "Rondleiding en gesprekken op school",
        Event.Kind.TRAINING: "Oefenen met casussen uit de praktijk",
        Event.Kind.INTERVISION: "Casusbespreking in kleine groepen",
        Event.Kind.FESTIVAL: "Workshops en markt",
    }.get(g["kind"], "In gesprek in kleine groepen")
    return [
        (hhmm(starts_at), hhmm(welcome_end), "Ontvangst en kennismaking", "", ""),
        (hhmm(welcome_end), hhmm(middle), f"Inleiding: {g['topic']}", g["speaker"], ""),
        (hhmm(middle), hhmm(closing_start), work, "", ""),
        (hhmm(closing_start), hhmm(ends_at), "Vervolgafspraken maken", f"Projectleider {g['coalition_name']}", ""),
    ]
