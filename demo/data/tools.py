"""The shared tools register: the apps and tools the seed coalitions build or use.

Den Haag asked nationally who was building an app to programme the enriched offer, to avoid every coalition
building its own; several coalitions now use and improve the same planner.
"""

from __future__ import annotations

from demo.data.people import DOMAIN

# slug, name, description, developing coalition, developing organisation, status, url, contact (name, email),
# themes, coalitions that use it, author's email, moderation state
TOOLS = [
    {
        "slug": "planner-verrijkt-aanbod",
        "name": "Planner verrijkt aanbod",
        "description": "Een app waarmee scholen en de coalitie het verrijkte aanbod programmeren: welke "
                       "activiteiten er zijn, welke aanbieder ze geeft, voor welke groep en op welk moment. "
                       "Den Haag vroeg landelijk na wie al aan zo'n app werkte en ontwikkelt er nu samen met "
                       "andere coalities één, zodat niet iedere coalitie een eigen app hoeft te bouwen.",
        "developer": "den-haag",
        "developer_organisation": "Gemeente Den Haag, afdeling Onderwijs",
        "status": "in-gebruik",
        "url": "https://planner.kennisportaal.test/",
        "contact": ("Rudy van der Bovenkamp", f"projectleider-den-haag@{DOMAIN}"),
        "themes": ["verrijkte-schooldag", "talentontwikkeling"],
        "users": ["rotterdam", "maastricht-heuvelland", "oost-groningen"],
        "author": f"projectleider-den-haag@{DOMAIN}",
        "state": "published",
    },
    {
        "slug": "talentenpaspoort",
        "name": "Talentenpaspoort",
        "description": "Een digitaal paspoort waarin kinderen, ouders en talentenfluisteraars bijhouden welke "
                       "talenten een kind ontdekt bij activiteiten na schooltijd.",
        "developer": "haarlem-en-west-friesland",
        "developer_organisation": "",
        "status": "in-ontwikkeling",
        "url": "",
        "contact": ("Ruud Barnhoorn", f"projectleider-haarlem@{DOMAIN}"),
        "themes": ["talentontwikkeling", "belevingswereld"],
        "users": ["utrecht"],
        "author": f"projectleider-haarlem@{DOMAIN}",
        "state": "published",
    },
    {
        "slug": "verzuimsignaal",
        "name": "Verzuimsignaal",
        "description": "Een eenvoudig dashboard dat scholen laat zien welke leerlingen vaker afwezig zijn, zodat "
                       "de oudercoördinator en het jeugd- en gezinsteam vroeg contact kunnen zoeken.",
        "developer": "rotterdam",
        "developer_organisation": "Stichting Wijkdata",
        "status": "idee",
        "url": "",
        "contact": ("Inge Verhoef", f"projectleider-rotterdam@{DOMAIN}"),
        "themes": ["welbevinden-verzuim", "samenwerking-jeugdhulp"],
        "users": [],
        "author": f"projectleider-rotterdam@{DOMAIN}",
        "state": "published",
    },
    {
        "slug": "aanbiedersmarkt-inschrijfformulier",
        "name": "Inschrijfformulier aanbiedersmarkt",
        "description": "Een online formulier waarmee aanbieders zich inschreven voor een stand op de "
                       "aanbiedersmarkt. Vervangen door de stands in het Kennisportaal.",
        "developer": "oost-groningen",
        "developer_organisation": "",
        "status": "gestopt",
        "url": "",
        "contact": ("", ""),
        "themes": ["verrijkte-schooldag", "school-kinderopvang"],
        "users": [],
        "author": f"projectleider@{DOMAIN}",
        "state": "published",
    },
    {
        "slug": "oudercontact-app",
        "name": "Oudercontact-app",
        "description": "Een app in meerdere talen waarmee de school ouders uitnodigt voor activiteiten van de "
                       "verrijkte schooldag en hun reactie ophaalt.",
        "developer": "utrecht",
        "developer_organisation": "",
        "status": "in-ontwikkeling",
        "url": "https://oudercontact.kennisportaal.test/",
        "contact": ("Thijs van den Berg", f"projectleider-utrecht@{DOMAIN}"),
        "themes": ["ouderbetrokkenheid", "taal-nt2"],
        "users": [],
        "author": f"projectleider-utrecht@{DOMAIN}",
        "state": "submitted",
    },
]
