"""Demo rows for the regional coordinator's cockpit: so that under `make run` the cockpits of Noord and Zuidwest
show every section filled (overdue agreements, submissions waiting longer than a week, a funnel with reports and
agreements in more than one quarter). Events without a report, open help requests and quiet coalitions come
from the rest of the demo world already."""

from datetime import date, datetime, timedelta

from demo.data.events import PL_DH, PL_OG
from demo.data.people import DOMAIN, MEMBER_EMAIL
from demo.plan import local_datetime, workday
from events.models import Event, FollowUpAgreement


def cockpit_events(today: date, now: datetime) -> list[dict]:
    """Two Noord events with a report: one agreement done, two overdue (25 and 4 days), one still open."""
    workshop = workday(today - timedelta(days=150))
    intervision = workday(today - timedelta(days=75))
    return [
        {
            "slug": "werkplaats-doorgaande-lijn-veendam", "title": "Werkplaats doorgaande lijn school en bso",
            "kind": Event.Kind.WORKSHOP, "organiser": "oost-groningen", "city": "Veendam",
            "venue_name": "IKC De Boomgaard", "themes": ["school-kinderopvang"],
            "summary": "Schoolteams en pedagogisch medewerkers werken samen aan één dagritme voor kinderen.",
            "description": "Een middag werken aan de overgang van school naar bso: roosters, afspraken en taal.",
            "starts_at": local_datetime(workshop, "13:30"), "ends_at": local_datetime(workshop, "16:30"),
            "created_by": PL_OG,
            "programme": [("13:30", "14:00", "Ontvangst en kennismaking", "", ""),
                          ("14:00", "16:00", "Het dagritme van een kind in kaart", "", ""),
                          ("16:00", "16:30", "Vervolgafspraken maken", "Projectleider Oost-Groningen", "")],
            "report": {
                "summary": "Twintig deelnemers van drie scholen en twee bso's brachten hun dagritme in kaart.",
                "insights": "De overdracht om drie uur is het kwetsbaarste moment van de dag.",
                "participants": 20, "author": PL_OG,
                "agreements": [
                    {"what": "Een gezamenlijk overdrachtsformulier school–bso uitproberen.", "owner": PL_OG,
                     "coalition": "oost-groningen", "due": today - timedelta(days=60),
                     "status": FollowUpAgreement.Status.DONE, "closed_at": now - timedelta(days=62),
                     "note": "Werkt op twee scholen; de derde volgt na de zomer."},
                    {"what": "De roosters van school en bso naast elkaar leggen en knelpunten delen.",
                     "owner": PL_OG, "coalition": "oost-groningen", "due": today - timedelta(days=25)},
                ],
            },
        },
        {
            "slug": "intervisie-ouderbetrokkenheid-winsum", "title": "Intervisie ouderbetrokkenheid Winsum",
            "kind": Event.Kind.INTERVISION, "organiser": "noord-groningen", "city": "Winsum",
            "venue_name": "Basisschool Winsum", "themes": ["ouderbetrokkenheid"],
            "summary": "Schoolleiders bespreken hoe zij ouders betrekken die de school moeilijk weten te vinden.",
            "description": "Casusbespreking in kleine groepen, met een oudercoördinator als gast.",
            "starts_at": local_datetime(intervision, "15:00"), "ends_at": local_datetime(intervision, "17:00"),
            "programme": [("15:00", "16:30", "Casusbespreking in kleine groepen", "", ""),
                          ("16:30", "17:00", "Vervolgafspraken maken", "", "")],
            "report": {
                "summary": "Acht schoolleiders brachten een casus in; de oudercoördinator vertelde over huisbezoeken.",
                "insights": "Huisbezoeken werken alleen als de school ze structureel inplant.", "participants": 8,
                "author": MEMBER_EMAIL,
                "agreements": [
                    {"what": "Een voorstel voor huisbezoeken in groep 1 aan het bestuur voorleggen.",
                     "owner_name": "Jelle Bakker", "owner_email": f"j.bakker@basisschool-winsum.{DOMAIN}",
                     "coalition": "noord-groningen", "due": today - timedelta(days=4)},
                    {"what": "Een tweede intervisie plannen met de kinderopvang erbij.",
                     "owner": MEMBER_EMAIL, "coalition": "noord-groningen", "due": today + timedelta(days=30)},
                ],
            },
        },
    ]


# Submissions waiting longer than a week: (days since submitting, practice fields).
WAITING_PRACTICES = [
    (9, {
        "slug": "winsum-huiswerkklas-in-de-bibliotheek", "title": "Huiswerkklas in de dorpsbibliotheek",
        "summary": "Twee middagen per week helpen vrijwilligers en een leerkracht kinderen in de bibliotheek.",
        "approach": "De school, de bibliotheek en de welzijnsorganisatie delen rooster en vrijwilligers.",
        "organisation": "basisschool-winsum", "coalition": "noord-groningen", "region": "noord",
        "author": MEMBER_EMAIL,
    }),
    (12, {
        "slug": "den-haag-zomerschool-in-de-wijk", "title": "Zomerschool in de wijk",
        "summary": "In de laatste twee zomerweken een programma van taal, sport en cultuur in de buurtschool.",
        "approach": "Gemeente en scholen financieren samen; aanbieders uit de wijk verzorgen de middagen.",
        "organisation": "gemeente-den-haag", "coalition": "den-haag", "region": "zuidwest", "author": PL_DH,
    }),
]

# Tips waiting longer than a week: (days since submitting, title, text, region, author).
WAITING_TIPS = [
    (10, "Plan de overdracht op het schoolplein",
     "Laat de pedagogisch medewerker van de bso de kinderen op het plein ophalen: zo spreek je elkaar elke dag.",
     "noord", MEMBER_EMAIL),
]
