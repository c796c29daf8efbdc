"""Work visits as a network: what the seed coalitions can show a visitor and what they want to learn elsewhere.

Consistent with the seed story: Den Haag went to Maastricht to see how Limburg organises the enriched school
day and talent development; the Limburg coalitions come to the Randstad to see the Haagse attendance approach
and the parent coordinator.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from demo.data.people import DOMAIN
from demo.plan import in_week_of, local_datetime
from events.models import Event

# (coalition slug, what we can show, its themes, what we want to learn, its themes)
VISIT_PROFILES = [
    ("den-haag",
     "Project Buitenkans met de oudercoördinator en de Haagse aanwezigheidsaanpak: hoe scholen verzuim vroeg "
     "zien en samen met ouders en het jeugd- en gezinsteam aanpakken. Ook de app waarmee we het verrijkte "
     "aanbod plannen.",
     ["welbevinden-verzuim", "ouderbetrokkenheid", "samenwerking-jeugdhulp"],
     "Hoe andere coalities talentontwikkeling een vaste plek geven in een verrijkte schooldag, en hoe scholen "
     "en kinderopvang daarin samen optrekken.",
     ["talentontwikkeling", "verrijkte-schooldag", "school-kinderopvang"]),
    ("maastricht-heuvelland",
     "Kindcentra in het Heuvelland waar onderwijs, opvang en peuterwerk één dag vormen, en een verrijkte "
     "schooldag met sport en cultuur in de wijken van Maastricht-West.",
     ["verrijkte-schooldag", "school-kinderopvang", "talentontwikkeling"],
     "Hoe Haagse scholen ouders betrekken en verzuim vroeg aanpakken; wat werkt bij armoede in de klas.",
     ["ouderbetrokkenheid", "welbevinden-verzuim", "armoede"]),
    ("parkstad-limburg",
     "Hoe scholen en het jeugdteam in Parkstad samenwerken in wijken met veel armoede en krimp: vaste "
     "contactpersonen en korte lijnen.",
     ["samenwerking-jeugdhulp", "armoede"],
     "Een aanpak voor verzuim en welbevinden, en manieren om ouders die de school niet vanzelf vinden toch "
     "te betrekken.",
     ["welbevinden-verzuim", "ouderbetrokkenheid"]),
    ("oost-groningen",
     "De aanbiedersmarkt in Veendam en de samenwerking tussen school, kinderopvang en bso in de "
     "Veenkoloniën, met een verrijkte middagpauze.",
     ["verrijkte-schooldag", "school-kinderopvang"],
     "Hoe een stad talentontwikkeling breed organiseert, met rolmodellen en talentenfluisteraars.",
     ["talentontwikkeling"]),
    ("haarlem-en-west-friesland",
     "Talentenfluisteraars en rolmodellen: jeugdwerkers, cultuurdocenten en leerkrachten die samen talent "
     "van kinderen herkennen en stimuleren.",
     ["talentontwikkeling", "belevingswereld"],
     "Hoe een verrijkte middagpauze of schooldag werkt in kleine kernen, samen met kinderopvang en bso.",
     ["verrijkte-schooldag", "school-kinderopvang"]),
    ("rotterdam",
     "Sport en onderwijs die elkaar versterken, met de Feyenoord Foundation op scholen in Rotterdam-Zuid.",
     ["verrijkte-schooldag", "belevingswereld"],
     "Hoe scholen samenwerken met het wijkteam en de jeugdhulp zonder lange wachttijden.",
     ["samenwerking-jeugdhulp", "welbevinden-verzuim"]),
    ("utrecht",
     "Goed onderwijs als fundament: Utrechtse basisscholen die ongelijk behandelen voor gelijke kansen, "
     "samen met de buurtteams.",
     ["samenwerking-jeugdhulp", "taal-nt2"],
     "Hoe andere coalities ouders betrekken bij taal en de verrijkte schooldag.",
     ["ouderbetrokkenheid", "taal-nt2"]),
]


def host_requests(today: date, now: datetime) -> list[dict[str, Any]]:
    """A visit still waiting for its host's answer: Haarlem asks Oost-Groningen, whose project leader (the demo's
    main login) sees the request on "Mijn Kennisportaal" and on the coalition's page."""
    day = in_week_of(today + timedelta(days=35), 1)
    return [{
        "slug": "werkbezoek-haarlem-oost-groningen",
        "title": "Werkbezoek van Haarlem aan Oost-Groningen",
        "kind": Event.Kind.WORK_VISIT,
        "summary": "Projectleiders en schoolleiders uit Haarlem willen zien hoe Oost-Groningen school en "
                   "kinderopvang laat samenwerken.",
        "description": "Een dag langs kindcentra in Veendam en Stadskanaal, met gesprekken over de doorgaande "
                       "lijn van opvang naar school.",
        "organiser": "haarlem-en-west-friesland", "host": "oost-groningen",
        "host_status": Event.HostStatus.PENDING,
        "starts_at": local_datetime(day, "09:30"), "ends_at": local_datetime(day, "16:00"),
        "window": (now - timedelta(days=1), local_datetime(day - timedelta(days=3), "12:00")),
        "venue_name": "Kindcentrum De Tweemaster", "city": "Veendam", "capacity": 15,
        "audience": "Projectleiders en schoolleiders uit Haarlem en West-Friesland",
        "themes": ["school-kinderopvang", "talentontwikkeling"], "created_by": f"projectleider-haarlem@{DOMAIN}",
        "programme": [("09:30", "10:00", "Ontvangst", "", ""), ("10:00", "15:30", "Bezoek aan twee kindcentra", "", ""),
                      ("15:30", "16:00", "Nabespreking", "", "")],
    }]
