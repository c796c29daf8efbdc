"""Demo accounts and their roles, and the names generated people are made of."""

from __future__ import annotations

from typing import NamedTuple

from accounts.models import User
from coalitions.models import (
    CoalitionMembership,
)
from demo.data.taxonomy import REGIONS

# Public on purpose: the README and the command print it so anyone can try the demo roles.
DEMO_PASSWORD = "kennisportaal-demo"  # noqa: S105


DOMAIN = "kennisportaal.test"


PARTICIPANTS = 48


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


# (region slug, login email of the coordinator)
COORDINATORS = [(slug, f"regio-{slug}@{DOMAIN}") for slug, *_ in REGIONS]


FIRST_NAMES = ["Anouk", "Bram", "Daan", "Esra", "Fatima", "Gijs", "Hanna", "Ilse", "Jeroen", "Karin",
               "Lotte", "Mohamed", "Nadia", "Olaf", "Priya", "Ruben", "Sanne", "Tom", "Yara", "Zeynep",
               "Wouter", "Lisa", "Koen", "Mila", "Hatice", "Pieter", "Eva", "Ayoub", "Femke", "Jasper"]


LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos",
              "Peters", "Hendriks", "van Dijk", "Kaya", "El Idrissi", "Brouwer", "de Graaf", "Dekker",
              "Kramer", "van Leeuwen", "Yilmaz", "Postma", "Hoekstra", "Verbruggen", "Koster"]


PARTICIPANT_FUNCTIONS = [
    User.Function.TEACHER, User.Function.SCHOOL_LEADER, User.Function.INTERNAL_SUPERVISOR,
    User.Function.CHILDCARE, User.Function.POLICY_MAKER, User.Function.YOUTH_WORKER, User.Function.PROVIDER,
    User.Function.TEACHER, User.Function.ALDERMAN, User.Function.TEACHER, User.Function.SCHOOL_LEADER,
    User.Function.CHILDCARE,
]


# What demo members follow and how often they get the digest, so `make run` shows a real one.
# (email, digest frequency, own region, themes, regions, coalitions)
DEMO_FOLLOWS = [
    (MEMBER_EMAIL, User.DigestFrequency.DAILY, "noord", ["verrijkte-schooldag", "ouderbetrokkenheid"], ["noord"],
     ["den-haag"]),
    (f"projectleider@{DOMAIN}", User.DigestFrequency.DAILY, "noord", ["talentontwikkeling", "school-kinderopvang"],
     [], ["haarlem-en-west-friesland"]),
    (f"projectleider-den-haag@{DOMAIN}", User.DigestFrequency.WEEKLY, "zuidwest", ["verrijkte-schooldag"], [],
     ["maastricht-heuvelland"]),
    (f"projectleider-maastricht@{DOMAIN}", User.DigestFrequency.WEEKLY, "zuid", ["talentontwikkeling"], ["zuid"],
     ["den-haag"]),
]

# Demo accounts joined a month before the first load, so their first digest has a whole period to cover.
DEMO_MEMBER_SINCE_DAYS = 30
