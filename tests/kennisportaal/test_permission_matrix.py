"""The permission matrix, kept as data: every URL of the URL conf × every role, with the expected status.

Roles: anonymous, member (of coalition A), project leader of A ("pl_own") and of B in another region
("pl_other"), regional coordinator of A's region ("coord_own") and of B's region ("coord_other"), staff.
Another coalition's or region's private object answers 404, never 403.

Personal data: a member's own data ("mijn gegevens", the JSON download, deleting the account) is only ever
theirs, for every logged-in role; the contact person (name and address) of a practice example or tool is shown
to logged-in members only, anonymous visitors get a link to log in; who registered for an event (names,
addresses) only its managers see, on the registrations page and in its CSV.

A test walks the resolver and fails on a URL of ours without a case, so a new page cannot skip the matrix.
Every POST case names an outcome read before and after the request: the roles that may act change it to the
expected value, every other role leaves it exactly as it was.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import User
from coalitions.models import CoalitionMembership, HelpRequest, Invitation
from events.models import CalendarToken, Event, Registration
from events.services.reports import agreement_link_token
from moderation.models import Flag, ModerationState
from notifications.unsubscribe import unsubscribe_token
from practices.models import Adoption, Practice, PracticeAttachment, Tip
from tests import factories
from tools.models import JoinRequest, Tool

ROLES = ["anonymous", "member", "pl_own", "pl_other", "coord_own", "coord_other", "staff"]
LOGIN = 302  # anonymous users are sent to the login page
ALL_OK = dict.fromkeys(ROLES, 200)
LOGGED_IN = {role: (LOGIN if role == "anonymous" else 200) for role in ROLES}
# Our own apps; the admin's and allauth's URLs are theirs (tested in test_admin.py and accounts/).
OUR_PACKAGES = ("portal.", "practices.", "tools.", "events.", "coalitions.", "moderation.", "accounts.",
                "notifications.")


def only(ok: int, roles: list[str], other: int = 404, anonymous: int = LOGIN) -> dict:
    return {role: (ok if role in roles else (anonymous if role == "anonymous" else other)) for role in ROLES}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    north = factories.RegionFactory(name="Noord", slug="noord")
    south = factories.RegionFactory(name="Zuid", slug="zuid")
    a = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=north)
    b = factories.CoalitionFactory(name="Limburg", slug="limburg", region=south)
    users = {
        "member": factories.UserFactory(email="lid@example.org", full_name="Lid Noord"),
        "pl_own": factories.UserFactory(email="pl-a@example.org"),
        "pl_other": factories.UserFactory(email="pl-b@example.org"),
        "coord_own": factories.UserFactory(email="coord-noord@example.org"),
        "coord_other": factories.UserFactory(email="coord-zuid@example.org"),
        "staff": factories.UserFactory(email="staff@example.org", is_staff=True, is_superuser=True),
    }
    factories.MembershipFactory(coalition=a, user=users["member"])
    factories.MembershipFactory(coalition=a, user=users["pl_own"], role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.MembershipFactory(coalition=b, user=users["pl_other"], role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.RegionCoordinatorFactory(region=north, user=users["coord_own"])
    factories.RegionCoordinatorFactory(region=south, user=users["coord_other"])
    theme = factories.ThemeFactory(name="Talentontwikkeling", slug="talentontwikkeling")
    event = factories.EventFactory(title="Inspiratiemiddag Veendam", slug="inspiratiemiddag-veendam", organiser=a)
    past = factories.EventFactory(title="Werkbezoek Maastricht", slug="werkbezoek-maastricht", organiser=b, host=a,
                                  kind=Event.Kind.WORK_VISIT, starts_at=timezone.now() - timedelta(days=10),
                                  ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=5))
    # B asks A to host a visit; A's project leaders, A's region's coordinators and staff answer.
    pending_visit = factories.EventFactory(title="Werkbezoek aan Oost-Groningen", slug="werkbezoek-aan-oost-groningen",
                                           organiser=b, host=a, kind=Event.Kind.WORK_VISIT,
                                           host_status=Event.HostStatus.PENDING)
    factories.RegistrationFactory(event=event, user=users["member"], organisation_name="OBS De Regenboog")
    agreement = factories.AgreementFactory(event=past, owner=users["member"], owner_email="lid@example.org")
    reported_event = factories.EventFactory(
        title="Lunchprogramma Winsum", slug="lunchprogramma-winsum", organiser=a,
        starts_at=timezone.now() - timedelta(days=5), ends_at=timezone.now() - timedelta(days=5) + timedelta(hours=3))
    factories.EventReportFactory(event=reported_event, summary="Een school uit Winsum vertelde.")
    submitted = factories.PracticeFactory(
        title="Ingediend voorbeeld Noord", coalition=a, author=users["member"],
        state=ModerationState.SUBMITTED, published_at=None,
    )
    reported = factories.PracticeFactory(title="Gemeld voorbeeld", coalition=a)
    published = factories.PracticeFactory(title="Gepubliceerd voorbeeld", coalition=a, themes=[theme],
                                          contact_name="Marloes", contact_email="marloes@example.org")
    objects = {
        "help": HelpRequest.objects.create(region=north, name="Sanne", email="sanne@example.org",
                                           question="Wie helpt met de doorgaande lijn?"),
        "flag": Flag.objects.create(item=reported, region=north, reporter=users["member"], reason="Reclame"),
        "a": a,
        "b": b,
        "north": north,
        "published": published,
        "adoption": factories.AdoptionFactory(practice=published, organisation_name="OBS Ingediend", region=north,
                                              author=users["member"], state=ModerationState.SUBMITTED,
                                              published_at=None),
        "submitted": submitted,
        "attachment": PracticeAttachment.objects.create(
            practice=submitted, title="Draaiboek", file=ContentFile(b"%PDF-1.4 draaiboek", name="draaiboek.pdf")),
        "draft": factories.PracticeFactory(
            title="Concept van het lid", coalition=a, author=users["member"], state=ModerationState.DRAFT,
            published_at=None, themes=[theme],
        ),
        "event": event,
        "past": past,
        "pending_visit": pending_visit,
        "reported_event": reported_event,
        "hidden_event": factories.EventFactory(title="Verborgen bijeenkomst", organiser=a,
                                               state=ModerationState.HIDDEN),
        "tip": factories.TipFactory(title="Ingediende tip Noord", region=north, author=users["member"],
                                    state=ModerationState.SUBMITTED, published_at=None),
        "draft_tip": factories.TipFactory(title="Concepttip van het lid", region=north, author=users["member"],
                                          state=ModerationState.DRAFT, published_at=None),
        "published_tip": factories.TipFactory(title="Begin klein", region=north),
        "member_row": CoalitionMembership.objects.get(coalition=a, user=users["member"]),
        "network": factories.LearningNetworkFactory(name="Leernetwerk schoolleiders", slug="schoolleiders"),
        "calendar": CalendarToken.objects.create(user=users["member"], token="geheim-" + "x" * 30),
        "agreement": agreement,
        "agreement_token": agreement_link_token(agreement),
        "theme": theme,
        "unsubscribe_token": unsubscribe_token(users["member"], "event-reminders"),
        # Developed by B (Limburg, region Zuid): A's project leader and staff may add A to its users.
        "tool": factories.ToolFactory(name="Roosterapp Limburg", slug="roosterapp-limburg", developer=b,
                                      contact_name="Noor", contact_email="noor@example.org"),
        "submitted_tool": factories.ToolFactory(name="Ingediende tool Noord", slug="ingediende-tool-noord",
                                                developer=a, author=users["member"],
                                                state=ModerationState.SUBMITTED, published_at=None),
        "draft_tool": factories.ToolFactory(name="Concepttool van het lid", slug="concepttool", developer=a,
                                            author=users["member"], state=ModerationState.DRAFT,
                                            published_at=None, themes=[theme]),
        "invitation": Invitation.objects.create(coalition=a, email="nieuw@example.org", token="uitnodiging-" + "y" * 30,
                                                expires_at=timezone.now() + timedelta(days=30)),
    }
    return users, objects


@dataclass
class Case:
    name: str  # the URL name in the resolver, e.g. "events:registrations_csv"
    url: Callable[[dict], str]
    expected: dict
    method: str = "get"
    data: dict = field(default_factory=dict)
    # Exact text of an element (link, button, heading, cell, …) that must or must not be on the page.
    contains: dict = field(default_factory=dict)
    not_contains: dict = field(default_factory=dict)
    # For POST: a value read before and after; `changes` maps the roles that act to the value afterwards.
    outcome: Callable[[dict], Any] | None = None
    changes: dict = field(default_factory=dict)


def state(key: str, model) -> Callable[[dict], Any]:
    return lambda o: model.objects.get(pk=o[key].pk).state


def flags(o) -> int:
    """The reports made in the request (the world holds one already, for the dismissal case)."""
    return Flag.objects.exclude(pk=o["flag"].pk).count()


LOGGED_IN_ROLES = [role for role in ROLES if role != "anonymous"]

CASES = [
    # Portal: composed pages
    Case("home", lambda o: reverse("home"), ALL_OK),
    Case("about", lambda o: reverse("about"), ALL_OK),
    Case("health", lambda o: reverse("health"), ALL_OK),
    Case("healthz", lambda o: reverse("healthz"), ALL_OK),
    Case("my_portal", lambda o: reverse("my_portal"), LOGGED_IN,
         contains={"member": "Concept van het lid"}, not_contains={"pl_own": "Concept van het lid"}),
    Case("profile", lambda o: reverse("profile"), LOGGED_IN),
    # Privacy: one's own data only; deleting needs one's own address, so only the member's POST deletes.
    Case("my_data", lambda o: reverse("my_data"), LOGGED_IN,
         contains={"member": "Concept van het lid", "pl_own": "Mijn gegevens"},
         not_contains={"pl_own": "Concept van het lid", "staff": "Concept van het lid"}),
    Case("my_data_json", lambda o: reverse("my_data_json"), LOGGED_IN),
    Case("account_delete", lambda o: reverse("account_delete"), LOGGED_IN,
         contains=dict.fromkeys(LOGGED_IN_ROLES, "Mijn account definitief verwijderen")),
    Case("account_delete (post)", lambda o: reverse("account_delete"),
         {**dict.fromkeys(LOGGED_IN_ROLES, 200), "anonymous": LOGIN, "member": 302}, method="post",
         data={"email": "lid@example.org"},
         contains=dict.fromkeys(["pl_own", "staff"],
                                "Dit is niet het e-mailadres van je account. Er is niets verwijderd."),
         outcome=lambda o: User.objects.filter(email="lid@example.org").exists(), changes={"member": False}),
    Case("privacy", lambda o: reverse("privacy"), ALL_OK, contains=dict.fromkeys(ROLES, "Privacyverklaring")),
    Case("accessibility", lambda o: reverse("accessibility"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Toegankelijkheidsverklaring")),
    Case("moderation_queue", lambda o: reverse("moderation_queue"),
         only(200, ["coord_own", "coord_other", "staff"]),
         contains={"coord_own": "Ingediend voorbeeld Noord", "staff": "Ingediende tip Noord"},
         not_contains={"coord_other": "Ingediend voorbeeld Noord"}),
    Case("moderation_queue (adoptions)", lambda o: reverse("moderation_queue"),
         only(200, ["coord_own", "coord_other", "staff"]),
         contains=dict.fromkeys(["coord_own", "staff"], "OBS Ingediend probeerde Gepubliceerd voorbeeld"),
         not_contains={"coord_other": "OBS Ingediend"}),
    Case("flag_dismiss", lambda o: reverse("flag_dismiss", args=[o["flag"].pk]),
         only(302, ["coord_own", "staff"]), method="post", data={"note": "Geen reclame."},
         outcome=lambda o: Flag.objects.values_list("dismissed", "resolution_note").get(pk=o["flag"].pk),
         changes=dict.fromkeys(["coord_own", "staff"], (True, "Geen reclame."))),
    Case("region_overview", lambda o: reverse("region_overview", args=[o["north"].slug]),
         only(200, ["coord_own", "staff"]), contains={"coord_own": "Oost-Groningen", "staff": "1 open hulpvraag"}),
    Case("region_funnel_csv", lambda o: reverse("region_funnel_csv", args=[o["north"].slug]),
         only(200, ["coord_own", "staff"])),
    Case("help_request_answer", lambda o: reverse("help_request_answer", args=[o["north"].slug, o["help"].pk]),
         only(200, ["coord_own", "staff"]), contains={"coord_own": "Markeer als beantwoord"}),
    Case("help_request_answer (post)",
         lambda o: reverse("help_request_answer", args=[o["north"].slug, o["help"].pk]),
         only(302, ["coord_own", "staff"]), method="post", data={"note": "Gebeld."},
         outcome=lambda o: HelpRequest.objects.values_list("answer_note", flat=True).get(pk=o["help"].pk),
         changes=dict.fromkeys(["coord_own", "staff"], "Gebeld.")),
    Case("region_detail", lambda o: reverse("region_detail", args=[o["north"].slug]), ALL_OK,
         contains={**dict.fromkeys(ROLES, "Oost-Groningen"), "member": "Volgen",
                   "anonymous": "Log in om dit te volgen"},
         not_contains=dict.fromkeys(ROLES, "Limburg")),
    Case("coalition_detail", lambda o: o["a"].get_absolute_url(), ALL_OK,
         contains={"pl_own": "Coalitie beheren"}, not_contains={"pl_other": "Coalitie beheren"}),
    # A visit B asked A to host is not A's event until A accepts; those who answer for A see the request.
    Case("coalition_detail (requests to host)", lambda o: o["a"].get_absolute_url(), ALL_OK,
         contains=dict.fromkeys(["pl_own", "coord_own", "staff"], "Verzoeken om gastheer te zijn"),
         not_contains=dict.fromkeys(["anonymous", "member", "pl_other", "coord_other"],
                                    "Werkbezoek aan Oost-Groningen")),
    Case("my_portal (requests to host)", lambda o: reverse("my_portal"), LOGGED_IN,
         contains=dict.fromkeys(["pl_own", "coord_own"], "Werkbezoek aan Oost-Groningen"),
         not_contains=dict.fromkeys(["member", "pl_other", "coord_other", "staff"], "Verzoeken om gastheer te zijn")),
    Case("network_detail", lambda o: o["network"].get_absolute_url(), ALL_OK),
    # Work visits as a network: public pages (published visits and what coalitions say about themselves).
    Case("visit_chains", lambda o: reverse("visit_chains"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Werkbezoek Maastricht")),
    Case("region_visit_chains", lambda o: reverse("region_visit_chains", args=[o["north"].slug]), ALL_OK,
         contains=dict.fromkeys(ROLES, "Werkbezoek Maastricht")),
    Case("coalition_matches", lambda o: reverse("coalition_matches", args=[o["a"].slug]), ALL_OK,
         contains={"pl_own": "Vul het in op de beheerpagina."},
         not_contains={"pl_other": "Vul het in op de beheerpagina."}),
    # Practices and tips
    Case("practices:list", lambda o: reverse("practices:list"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Gepubliceerd voorbeeld"),
         not_contains=dict.fromkeys(ROLES, "Ingediend voorbeeld Noord")),
    # Filtered by one theme, the list offers to follow it (anonymous: a link to log in first).
    Case("practices:list (one theme)", lambda o: o["theme"].get_absolute_url(), ALL_OK,
         contains={**dict.fromkeys(LOGGED_IN_ROLES, "Volgen"), "anonymous": "Log in om dit te volgen"}),
    Case("practices:create", lambda o: reverse("practices:create"), LOGGED_IN),
    Case("practices:detail (contact)", lambda o: o["published"].get_absolute_url(), ALL_OK,
         contains={**dict.fromkeys(LOGGED_IN_ROLES, "Marloes · marloes@example.org"),
                   "anonymous": "Log in om de contactgegevens te zien."},
         not_contains={"anonymous": "marloes@example.org"}),
    Case("practices:detail", lambda o: o["submitted"].get_absolute_url(),
         only(200, ["member", "coord_own", "staff"], anonymous=404),
         contains={"coord_own": "Publiceren",
                   "member": "Dit praktijkvoorbeeld is niet openbaar: de status is “Ingediend”."},
         not_contains={"member": "Publiceren"}),
    Case("practices:attachment", lambda o: o["attachment"].get_absolute_url(),
         only(200, ["member", "coord_own", "staff"], anonymous=404)),
    Case("practices:edit", lambda o: reverse("practices:edit", args=[o["draft"].slug]), only(200, ["member"])),
    Case("practices:submit", lambda o: reverse("practices:submit", args=[o["draft"].slug]),
         only(302, ["member"]), method="post",
         outcome=state("draft", Practice), changes={"member": ModerationState.SUBMITTED}),
    Case("practices:moderate", lambda o: reverse("practices:moderate", args=[o["submitted"].slug]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"},
         outcome=state("submitted", Practice), changes=dict.fromkeys(["coord_own", "staff"], "published")),
    Case("practices:flag", lambda o: reverse("practices:flag", args=[o["published"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"reason": "Klopt niet"},
         outcome=flags, changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("practices:adoption_create", lambda o: reverse("practices:adoption_create", args=[o["published"].slug]),
         LOGGED_IN, contains=dict.fromkeys(LOGGED_IN_ROLES, "Ter beoordeling versturen")),
    Case("practices:adoption_create (unpublished practice)",
         lambda o: reverse("practices:adoption_create", args=[o["submitted"].slug]), only(200, [])),
    Case("practices:adoption_create (post)",
         lambda o: reverse("practices:adoption_create", args=[o["published"].slug]),
         dict.fromkeys(ROLES, 302), method="post",
         data={"organisation_name": "OBS De Linde", "tried_on": "2025-03", "school_type": "po", "region": "noord",
               "changes": "Op woensdag.", "result": "deels", "lesson": "Begin klein."},
         outcome=lambda o: Adoption.objects.filter(practice=o["published"]).count(),
         changes=dict.fromkeys(LOGGED_IN_ROLES, 2)),
    Case("practices:adoption_moderate", lambda o: reverse("practices:adoption_moderate", args=[o["adoption"].pk]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"},
         outcome=state("adoption", Adoption), changes=dict.fromkeys(["coord_own", "staff"], "published")),
    Case("practices:tips", lambda o: reverse("practices:tips"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Begin klein"), not_contains=dict.fromkeys(ROLES, "Ingediende tip Noord")),
    Case("practices:tip_create", lambda o: reverse("practices:tip_create"), LOGGED_IN),
    Case("practices:tip_edit", lambda o: reverse("practices:tip_edit", args=[o["draft_tip"].pk]),
         only(200, ["member"])),
    Case("practices:tip_moderate", lambda o: reverse("practices:tip_moderate", args=[o["tip"].pk]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"},
         outcome=state("tip", Tip), changes=dict.fromkeys(["coord_own", "staff"], "published")),
    Case("practices:tip_flag", lambda o: reverse("practices:tip_flag", args=[o["published_tip"].pk]),
         dict.fromkeys(ROLES, 302), method="post", data={"reason": "Reclame"},
         outcome=flags, changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("feed_practices", lambda o: reverse("feed_practices"), ALL_OK),
    # The tools register: published tools for everyone, the contact for members; moderated by the developer's
    # region; "we use this too" for project leaders (of a coalition other than the developer), "we want to
    # join" for members outside the developing coalition.
    Case("tools:list", lambda o: reverse("tools:list"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Roosterapp Limburg"),
         not_contains=dict.fromkeys(ROLES, "Ingediende tool Noord")),
    Case("tools:create", lambda o: reverse("tools:create"), LOGGED_IN),
    Case("tools:detail", lambda o: o["tool"].get_absolute_url(), ALL_OK,
         contains={**dict.fromkeys(LOGGED_IN_ROLES, "Noor · noor@example.org"),
                   "anonymous": "Log in om de contactgegevens te zien.", "pl_own": "Wij gebruiken dit ook",
                   "member": "Wij willen meedoen"},
         not_contains={"anonymous": "noor@example.org", "member": "Wij gebruiken dit ook",
                       "pl_other": "Wij willen meedoen"}),
    Case("tools:detail (submitted)", lambda o: o["submitted_tool"].get_absolute_url(),
         only(200, ["member", "coord_own", "staff"], anonymous=404),
         contains={"coord_own": "Publiceren",
                   "member": "Deze tool is niet openbaar: de status is “Ingediend”."},
         not_contains={"member": "Publiceren"}),
    Case("tools:edit", lambda o: reverse("tools:edit", args=[o["draft_tool"].slug]), only(200, ["member"])),
    Case("tools:submit", lambda o: reverse("tools:submit", args=[o["draft_tool"].slug]),
         only(302, ["member"]), method="post",
         outcome=state("draft_tool", Tool), changes={"member": ModerationState.SUBMITTED}),
    Case("tools:moderate", lambda o: reverse("tools:moderate", args=[o["submitted_tool"].slug]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"},
         outcome=state("submitted_tool", Tool), changes=dict.fromkeys(["coord_own", "staff"], "published")),
    Case("tools:use", lambda o: reverse("tools:use", args=[o["tool"].slug]),
         only(302, ["pl_own", "pl_other", "staff"]), method="post", data={"coalition": "oost-groningen"},
         outcome=lambda o: list(o["tool"].users.values_list("slug", flat=True)),
         changes=dict.fromkeys(["pl_own", "staff"], ["oost-groningen"])),
    Case("tools:join", lambda o: reverse("tools:join", args=[o["tool"].slug]),
         {**LOGGED_IN, "pl_other": 404}, contains={"member": "Meedoen aan de ontwikkeling van Roosterapp Limburg"}),
    Case("tools:join (post)", lambda o: reverse("tools:join", args=[o["tool"].slug]),
         {**dict.fromkeys(ROLES, 302), "pl_other": 404}, method="post", data={"message": "Wij doen graag mee."},
         outcome=lambda o: JoinRequest.objects.filter(tool=o["tool"]).count(),
         changes=dict.fromkeys(["member", "pl_own", "coord_own", "coord_other", "staff"], 1)),
    # Events
    Case("events:list", lambda o: reverse("events:list"), ALL_OK,
         contains=dict.fromkeys(ROLES, "Inspiratiemiddag Veendam"),
         not_contains=dict.fromkeys(ROLES, "Verborgen bijeenkomst")),
    Case("events:detail", lambda o: o["event"].get_absolute_url(), ALL_OK,
         contains={"pl_own": "Bijeenkomst bewerken"}, not_contains={"pl_other": "Bijeenkomst bewerken"}),
    Case("events:detail (hidden)", lambda o: o["hidden_event"].get_absolute_url(),
         only(200, ["pl_own", "coord_own", "staff"], anonymous=404)),
    Case("events:detail (request to host)", lambda o: o["pending_visit"].get_absolute_url(), ALL_OK,
         contains={**dict.fromkeys(ROLES, "wacht op bevestiging van Oost-Groningen"),
                   **dict.fromkeys(["pl_own", "coord_own", "staff"], "Verzoek om gastheer te zijn")},
         not_contains=dict.fromkeys(["anonymous", "member", "pl_other", "coord_other"], "Bevestigen")),
    Case("events:host_accept", lambda o: reverse("events:host_accept", args=[o["pending_visit"].slug]),
         only(302, ["pl_own", "coord_own", "staff"]), method="post",
         outcome=lambda o: Event.objects.get(pk=o["pending_visit"].pk).host_status,
         changes=dict.fromkeys(["pl_own", "coord_own", "staff"], Event.HostStatus.ACCEPTED)),
    Case("events:host_decline", lambda o: reverse("events:host_decline", args=[o["pending_visit"].slug]),
         only(200, ["pl_own", "coord_own", "staff"]),
         contains={"pl_own": "Gastheerschap van “Werkbezoek aan Oost-Groningen” afwijzen"}),
    Case("events:host_decline (post)", lambda o: reverse("events:host_decline", args=[o["pending_visit"].slug]),
         only(302, ["pl_own", "coord_own", "staff"]), method="post", data={"reason": "Past niet in onze planning."},
         outcome=lambda o: Event.objects.values_list("host_status", "host_answer_reason").get(
             pk=o["pending_visit"].pk),
         changes=dict.fromkeys(["pl_own", "coord_own", "staff"],
                               (Event.HostStatus.DECLINED, "Past niet in onze planning."))),
    # A hosted B's past visit (accepted): A's side may stop hosting it.
    Case("events:host_withdraw", lambda o: reverse("events:host_withdraw", args=[o["past"].slug]),
         only(200, ["pl_own", "coord_own", "staff"]),
         contains={"coord_own": "Niet langer gastheer van “Werkbezoek Maastricht”"}),
    Case("events:host_withdraw (post)", lambda o: reverse("events:host_withdraw", args=[o["past"].slug]),
         only(302, ["pl_own", "coord_own", "staff"]), method="post", data={"reason": ""},
         outcome=lambda o: Event.objects.get(pk=o["past"].pk).host_status,
         changes=dict.fromkeys(["pl_own", "coord_own", "staff"], Event.HostStatus.WITHDRAWN)),
    Case("events:create", lambda o: reverse("events:create"), only(200, ["pl_own", "pl_other", "staff"])),
    Case("events:edit", lambda o: reverse("events:edit", args=[o["event"].slug]), only(200, ["pl_own", "staff"])),
    Case("events:cancel", lambda o: reverse("events:cancel", args=[o["event"].slug]),
         only(200, ["pl_own", "staff"])),
    Case("events:cancel (post)", lambda o: reverse("events:cancel", args=[o["event"].slug]),
         only(302, ["pl_own", "staff"]), method="post", data={"reason": "De zaal is niet beschikbaar."},
         outcome=lambda o: Event.objects.get(pk=o["event"].pk).cancelled_at is not None,
         changes=dict.fromkeys(["pl_own", "staff"], True)),
    Case("events:moderate", lambda o: reverse("events:moderate", args=[o["event"].slug]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "hide", "comment": "Dubbel"},
         outcome=state("event", Event), changes=dict.fromkeys(["coord_own", "staff"], "hidden")),
    Case("events:flag", lambda o: reverse("events:flag", args=[o["event"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"reason": "Verkeerde datum"},
         outcome=flags, changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("events:register", lambda o: reverse("events:register", args=[o["event"].slug]),
         dict.fromkeys(ROLES, 302), method="post",
         outcome=lambda o: Registration.objects.filter(event=o["event"]).count(),
         changes=dict.fromkeys(["pl_own", "pl_other", "coord_own", "coord_other", "staff"], 2)),
    Case("events:unregister", lambda o: reverse("events:unregister", args=[o["event"].slug]),
         only(302, ["member"]), method="post",
         outcome=lambda o: Registration.objects.get(event=o["event"]).status,
         changes={"member": Registration.Status.CANCELLED}),
    Case("events:registrations", lambda o: reverse("events:registrations", args=[o["event"].slug]),
         only(200, ["pl_own", "staff"]), contains={"pl_own": "lid@example.org"}),
    Case("events:registrations (attendance)", lambda o: reverse("events:registrations", args=[o["event"].slug]),
         only(302, ["pl_own", "staff"]), method="post",
         data=None,  # filled in by the test: the registration shown and marked as attended
         outcome=lambda o: Registration.objects.get(event=o["event"]).status,
         changes=dict.fromkeys(["pl_own", "staff"], Registration.Status.ATTENDED)),
    Case("events:registrations_csv", lambda o: reverse("events:registrations_csv", args=[o["event"].slug]),
         only(200, ["pl_own", "staff"])),
    Case("events:ics", lambda o: reverse("events:ics", args=[o["event"].slug]), ALL_OK),
    Case("events:calendar_settings", lambda o: reverse("events:calendar_settings"), LOGGED_IN),
    Case("events:personal_calendar", lambda o: reverse("events:personal_calendar", args=[o["calendar"].token]),
         ALL_OK),
    # The host (A) plans the return visit, the visitors (B) their next visit.
    Case("events:return_visit", lambda o: reverse("events:return_visit", args=[o["past"].slug]),
         only(302, ["pl_own", "pl_other", "staff"])),
    Case("events:report", lambda o: reverse("events:report", args=[o["event"].slug]), only(200, ["pl_own", "staff"])),
    # An event with a report becomes a draft practice example, started by the organiser's project leaders.
    Case("events:detail (report)", lambda o: o["reported_event"].get_absolute_url(), ALL_OK,
         contains={"pl_own": "Maak hier een praktijkvoorbeeld van", "staff": "Maak hier een praktijkvoorbeeld van"},
         not_contains=dict.fromkeys(["anonymous", "member", "pl_other", "coord_own"],
                                    "Maak hier een praktijkvoorbeeld van")),
    Case("events:practice_from_report",
         lambda o: reverse("events:practice_from_report", args=[o["reported_event"].slug]),
         only(302, ["pl_own", "staff"]), method="post",
         outcome=lambda o: list(o["reported_event"].practices.values_list("title", "state")),
         changes=dict.fromkeys(["pl_own", "staff"], [("Lunchprogramma Winsum", ModerationState.DRAFT)])),
    Case("events:agreement_close", lambda o: reverse("events:agreement_close", args=[o["agreement"].pk]),
         only(200, ["member"])),
    Case("events:agreement_link", lambda o: reverse("events:agreement_link", args=[o["agreement_token"]]), ALL_OK),
    Case("region_calendar", lambda o: reverse("region_calendar", args=[o["north"].slug]), ALL_OK),
    Case("coalition_calendar", lambda o: reverse("coalition_calendar", args=[o["a"].slug]), ALL_OK),
    Case("feed_events", lambda o: reverse("feed_events"), ALL_OK),
    # Coalitions
    Case("coalitions:list", lambda o: reverse("coalitions:list"), ALL_OK),
    Case("coalitions:names", lambda o: reverse("coalitions:names"), ALL_OK),
    Case("coalitions:manage", lambda o: reverse("coalitions:manage", args=[o["a"].slug]),
         only(200, ["pl_own", "staff"]), contains={"pl_own": "lid@example.org"}),
    Case("coalitions:member_remove",
         lambda o: reverse("coalitions:member_remove", args=[o["a"].slug, o["member_row"].pk]),
         only(302, ["pl_own", "staff"]), method="post",
         outcome=lambda o: CoalitionMembership.objects.filter(pk=o["member_row"].pk).exists(),
         changes=dict.fromkeys(["pl_own", "staff"], False)),
    Case("coalitions:invitation", lambda o: reverse("coalitions:invitation", args=[o["invitation"].token]), ALL_OK),
    Case("coalitions:network_list", lambda o: reverse("coalitions:network_list"), ALL_OK),
    # Any member may follow a learning network, region or coalition: the follower count goes from 0 to 1.
    Case("coalitions:network_follow", lambda o: reverse("coalitions:network_follow", args=[o["network"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"action": "follow"},
         outcome=lambda o: o["network"].followers.count(), changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("coalitions:region_follow", lambda o: reverse("coalitions:region_follow", args=[o["north"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"action": "follow"},
         outcome=lambda o: o["north"].followers.count(), changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("coalitions:coalition_follow", lambda o: reverse("coalitions:coalition_follow", args=[o["b"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"action": "follow"},
         outcome=lambda o: o["b"].followers.count(), changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    Case("coalitions:theme_follow", lambda o: reverse("coalitions:theme_follow", args=[o["theme"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"action": "follow"},
         outcome=lambda o: o["theme"].followers.count(), changes=dict.fromkeys(LOGGED_IN_ROLES, 1)),
    # Notifications: the signed token is what authorises, whoever is logged in (or nobody).
    Case("notifications:unsubscribe", lambda o: reverse("notifications:unsubscribe", args=[o["unsubscribe_token"]]),
         ALL_OK, contains=dict.fromkeys(ROLES, "Ja, afmelden"),
         outcome=lambda o: User.objects.get(email="lid@example.org").event_reminders_enabled),
    Case("notifications:unsubscribe (post)",
         lambda o: reverse("notifications:unsubscribe", args=[o["unsubscribe_token"]]), ALL_OK, method="post",
         contains=dict.fromkeys(ROLES, "Je bent afgemeld"),
         outcome=lambda o: User.objects.get(email="lid@example.org").event_reminders_enabled,
         changes=dict.fromkeys(ROLES, False)),
    Case("notifications:unsubscribe (tampered)",
         lambda o: reverse("notifications:unsubscribe", args=[o["unsubscribe_token"][:-2] + "xx"]),
         dict.fromkeys(ROLES, 404), contains=dict.fromkeys(ROLES, "Deze afmeldlink is niet geldig")),
    # Theirs, one representative each
    Case("admin:index", lambda o: reverse("admin:index"), only(200, ["staff"], other=302)),
    # Ours, inside the admin: the outbox summary
    Case("admin:notifications_outboundemail_summary",
         lambda o: reverse("admin:notifications_outboundemail_summary"), only(200, ["staff"], other=302),
         contains={"staff": "Uitgaande e-mails per dag en soort"}),
    Case("account_login", lambda o: reverse("account_login"), {**ALL_OK, **dict.fromkeys(LOGGED_IN_ROLES, 302)}),
]


class ElementTexts(HTMLParser):
    """The whitespace-collapsed text of every element of a page, so a check names one element exactly."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[list[str]] = []
        self.texts: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append([])

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            text = " ".join("".join(self.stack.pop()).split())
            self.texts.add(text)
            if self.stack:
                self.stack[-1].append(" " + text + " ")

    def handle_data(self, data):
        if self.stack:
            self.stack[-1].append(data)


def element_texts(html: str) -> set[str]:
    parser = ElementTexts()
    parser.feed(html)
    return parser.texts


def our_url_names() -> set[str]:
    """Every named URL pattern of the URL conf whose view is one of ours."""
    names = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(pattern.url_patterns, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "") or type(pattern.callback).__module__
                if module.startswith(OUR_PACKAGES):
                    assert pattern.name, f"{pattern.pattern} has no name"
                    names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_is_in_the_matrix():
    covered = {case.name.split(" (")[0] for case in CASES}
    missing = our_url_names() - covered
    assert missing == set(), f"URLs without a permission-matrix case: {sorted(missing)}"
    assert len(our_url_names()) == 83


def test_every_post_case_checks_its_outcome():
    for case in CASES:
        if case.method == "post":
            assert case.outcome is not None and case.changes, case.name


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_permission_matrix(client, world, case, role):
    users, objects = world
    if role != "anonymous":
        client.force_login(users[role])
    url = case.url(objects)
    data = case.data
    if data is None:  # the attendance form: the one registration shown, marked as present
        pk = str(Registration.objects.get(event=objects["event"]).pk)
        data = {"shown": [pk], "attended": [pk]}
    before = case.outcome(objects) if case.outcome else None
    response = getattr(client, case.method)(url, data)
    assert response.status_code == case.expected[role], f"{case.name} as {role}"
    if role == "anonymous" and case.expected[role] == LOGIN and not case.name.startswith(("account_login", "admin:")):
        assert response["Location"].startswith(reverse("account_login") + "?next="), case.name
    if case.outcome:
        after = case.outcome(objects)
        assert after == case.changes.get(role, before), f"{case.name} as {role}: {before!r} → {after!r}"
    if role in case.contains or role in case.not_contains:
        texts = element_texts(response.content.decode())
        if role in case.contains:
            assert case.contains[role] in texts, f"{case.name} as {role}: no element “{case.contains[role]}”"
        if role in case.not_contains:
            assert not any(case.not_contains[role] in text for text in texts), case.name


@pytest.mark.parametrize("role", ["pl_own", "staff"])
def test_registrations_csv_holds_the_participants_for_the_organisers(client, world, role):
    users, objects = world
    client.force_login(users[role])
    rows = client.get(reverse("events:registrations_csv", args=[objects["event"].slug])).content.decode("utf-8-sig")
    assert rows.splitlines()[1].split(";")[:3] == ["Lid Noord", "lid@example.org", "OBS De Regenboog"]


def test_state_changing_views_refuse_get(client, world):
    users, objects = world
    client.force_login(users["coord_own"])
    response = client.get(reverse("practices:moderate", args=[objects["submitted"].slug]), {"action": "publish"})
    assert response.status_code == 405
    objects["submitted"].refresh_from_db()
    assert objects["submitted"].state == ModerationState.SUBMITTED


def test_csrf_is_enforced(world):
    users, objects = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["coord_own"])
    response = client.post(reverse("practices:moderate", args=[objects["submitted"].slug]), {"action": "publish"})
    assert response.status_code == 403
    objects["submitted"].refresh_from_db()
    assert objects["submitted"].state == ModerationState.SUBMITTED
