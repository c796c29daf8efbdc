"""Management command: load the demo world (idempotent) and print the demo logins."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.data.people import DEMO_PASSWORD, DEMO_USERS, PARTICIPANTS
from demo.loader import load_demo_data

COUNT_LABELS = {
    "provinces": "provincies",
    "regions": "regio's",
    "themes": "thema's",
    "municipalities": "gemeenten",
    "users": "gebruikers",
    "email_addresses": "e-mailadressen",
    "region_coordinators": "regiocoördinatoren",
    "organisations": "organisaties",
    "coalitions": "coalities",
    "memberships": "lidmaatschappen",
    "learning_networks": "leernetwerken",
    "practices": "praktijkvoorbeelden",
    "practice_links": "links bij praktijkvoorbeelden",
    "moderation_log_entries": "regels in het moderatielog",
    "tips": "tips",
    "events": "bijeenkomsten",
    "programme_items": "programmaonderdelen",
    "stands": "stands",
    "registrations": "aanmeldingen",
    "event_reports": "verslagen",
    "agreements": "vervolgafspraken",
    "help_requests": "hulpvragen",
    "visit_profiles": "werkbezoekprofielen",
    "tools": "gedeelde tools",
}


class Command(BaseCommand):
    help = (
        "Laadt demogegevens: de coalities, bijeenkomsten en praktijkvoorbeelden uit de artikelen, plus "
        "genoeg gegenereerde gegevens om lijsten te laten bladeren. Veilig om vaker te draaien: bestaande "
        "gegevens blijven ongewijzigd."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        started = time.monotonic()
        with transaction.atomic():
            counts = load_demo_data(verbosity=verbosity, stdout=self.stdout)
        elapsed = f"{time.monotonic() - started:.1f}".replace(".", ",")

        total = sum(counts.values())
        if total:
            self.stdout.write(self.style.SUCCESS(f"Demogegevens geladen in {elapsed} s. Aangemaakt:"))
            for key, count in counts.items():
                if count or verbosity >= 2:
                    self.stdout.write(f"  {COUNT_LABELS.get(key, key)}: {count}")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Niets nieuw aangemaakt ({elapsed} s): de demogegevens stonden er al en zijn niet gewijzigd."
            ))

        self.stdout.write("")
        self.stdout.write(f"Demo-accounts (wachtwoord: {DEMO_PASSWORD}):")
        width = max(len(user.email) for user in DEMO_USERS)
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.email.ljust(width)}  {user.role}")
        self.stdout.write(
            f"  plus {PARTICIPANTS} deelnemers: deelnemer01 t/m deelnemer{PARTICIPANTS:02d}@kennisportaal.test"
        )
        self.stdout.write(
            "Accounts die al bestonden zijn niet aangepast; hun wachtwoord is dus mogelijk anders."
        )
