"""IDOR: object URLs tried with another coalition's, region's or user's objects answer 404 and change nothing.

The permission matrix covers each URL per role with its own objects; here the ids, slugs and tokens are
swapped: an object of coalition B (region Zuid) through coalition A's URL, another user's draft, a tampered
or foreign signed token. Every case reads an outcome before and after.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core import signing
from django.urls import reverse

from accounts.models import User
from coalitions.models import CoalitionMembership, HelpRequest
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration
from events.services.reports import agreement_link_token
from moderation.models import Flag, ModerationState
from notifications.unsubscribe import unsubscribe_token
from practices.models import Adoption, Practice, PracticeAttachment, Tip
from tests import factories
from tests.helpers import event_data, formset, practice_data
from tools.models import Tool


def _extra(users, o):
    """B's objects (region Zuid) next to the matrix world's A (region Noord)."""
    b, south = o["b"], o["b"].region
    o["b_event"] = factories.EventFactory(title="Limburgse middag", slug="limburgse-middag", organiser=b)
    o["b_registration"] = factories.RegistrationFactory(event=o["b_event"], user=users["pl_other"])
    o["b_agreement"] = factories.AgreementFactory(event=o["b_event"], owner=users["pl_other"],
                                                  owner_email="pl-b@example.org", description="Afspraak Zuid")
    o["b_member_row"] = CoalitionMembership.objects.get(coalition=b, user=users["pl_other"])
    o["b_help"] = HelpRequest.objects.create(region=south, name="Jan", email="jan@example.org", question="Zuid?")
    b_practice = factories.PracticeFactory(title="Zuidelijk voorbeeld", coalition=b)
    o["b_flag"] = Flag.objects.create(item=b_practice, region=south, reporter=users["pl_other"], reason="Oud")
    o["b_submitted"] = factories.PracticeFactory(title="Ingediend Zuid", coalition=b, author=users["pl_other"],
                                                 state=ModerationState.SUBMITTED, published_at=None)
    o["b_tip"] = factories.TipFactory(title="Tip Zuid", region=south, author=users["pl_other"],
                                      state=ModerationState.SUBMITTED, published_at=None)
    o["b_calendar"] = CalendarToken.objects.create(user=users["pl_other"], token="zuid-" + "z" * 30)
    o["other_attachment"] = PracticeAttachment.objects.create(
        practice=o["published"], title="Openbaar", file="bijlagen/openbaar.pdf")
    return o


@dataclass
class Attempt:
    name: str
    role: str
    url: Callable[[dict], str]
    outcome: Callable[[dict], Any]
    method: str = "post"
    data: Callable[[dict], dict] = field(default=lambda o: {})
    status: int = 404


def _title(model, key):
    return lambda o: model.objects.values_list("title", flat=True).get(pk=o[key].pk)


def _state(model, key):
    return lambda o: model.objects.values_list("state", flat=True).get(pk=o[key].pk)


ATTEMPTS = [
    # Another coalition's event: edit, cancel, report, attendance, CSV, the report's practice.
    Attempt("edit B's event as A's project leader", "pl_own",
            lambda o: reverse("events:edit", args=[o["b_event"].slug]), _title(Event, "b_event"),
            data=lambda o: event_data(o["a"], title="Gekaapt")),
    Attempt("cancel B's event as A's project leader", "pl_own",
            lambda o: reverse("events:cancel", args=[o["b_event"].slug]),
            lambda o: Event.objects.get(pk=o["b_event"].pk).cancelled_at, data=lambda o: {"reason": "Weg ermee"}),
    Attempt("write the report of B's event", "pl_own", lambda o: reverse("events:report", args=[o["b_event"].slug]),
            lambda o: EventReport.objects.filter(event=o["b_event"]).count(),
            data=lambda o: {"summary": "Vals verslag", **formset("agreements", total=0)}),
    Attempt("mark attendance at B's event", "pl_own",
            lambda o: reverse("events:registrations", args=[o["b_event"].slug]),
            lambda o: Registration.objects.get(pk=o["b_registration"].pk).status,
            data=lambda o: {"shown": [o["b_registration"].pk], "attended": [o["b_registration"].pk]}),
    Attempt("download B's registrations", "pl_own",
            lambda o: reverse("events:registrations_csv", args=[o["b_event"].slug]), lambda o: None, method="get"),
    Attempt("moderate B's event as Noord's coordinator", "coord_own",
            lambda o: reverse("events:moderate", args=[o["b_event"].slug]), _state(Event, "b_event"),
            data=lambda o: {"action": "hide"}),
    # Another user's registration and agreement.
    Attempt("cancel another user's registration", "pl_own",
            lambda o: reverse("events:unregister", args=[o["b_event"].slug]),
            lambda o: Registration.objects.get(pk=o["b_registration"].pk).status),
    Attempt("close another user's agreement", "member",
            lambda o: reverse("events:agreement_close", args=[o["b_agreement"].pk]),
            lambda o: FollowUpAgreement.objects.get(pk=o["b_agreement"].pk).status,
            data=lambda o: {"status": "done", "note": "Niet van mij"}),
    Attempt("close another user's agreement (page)", "member",
            lambda o: reverse("events:agreement_close", args=[o["b_agreement"].pk]),
            lambda o: FollowUpAgreement.objects.get(pk=o["b_agreement"].pk).status, method="get"),
    # Another region's moderation.
    Attempt("moderate B's practice as Noord's coordinator", "coord_own",
            lambda o: reverse("practices:moderate", args=[o["b_submitted"].slug]), _state(Practice, "b_submitted"),
            data=lambda o: {"action": "publish"}),
    Attempt("moderate Zuid's tip as Noord's coordinator", "coord_own",
            lambda o: reverse("practices:tip_moderate", args=[o["b_tip"].pk]), _state(Tip, "b_tip"),
            data=lambda o: {"action": "publish"}),
    Attempt("moderate Noord's adoption as Zuid's coordinator", "coord_other",
            lambda o: reverse("practices:adoption_moderate", args=[o["adoption"].pk]), _state(Adoption, "adoption"),
            data=lambda o: {"action": "publish"}),
    Attempt("moderate Noord's tool as Zuid's coordinator", "coord_other",
            lambda o: reverse("tools:moderate", args=[o["submitted_tool"].slug]), _state(Tool, "submitted_tool"),
            data=lambda o: {"action": "publish"}),
    Attempt("dismiss Zuid's flag as Noord's coordinator", "coord_own",
            lambda o: reverse("flag_dismiss", args=[o["b_flag"].pk]),
            lambda o: Flag.objects.get(pk=o["b_flag"].pk).dismissed, data=lambda o: {"note": "Onzin"}),
    Attempt("answer Zuid's help request through Noord's cockpit", "coord_own",
            lambda o: reverse("help_request_answer", args=["noord", o["b_help"].pk]),
            lambda o: HelpRequest.objects.get(pk=o["b_help"].pk).answer_note, data=lambda o: {"note": "Gedaan"}),
    Attempt("answer Zuid's help request through Zuid's cockpit as Noord's coordinator", "coord_own",
            lambda o: reverse("help_request_answer", args=["zuid", o["b_help"].pk]),
            lambda o: HelpRequest.objects.get(pk=o["b_help"].pk).answer_note, data=lambda o: {"note": "Gedaan"}),
    Attempt("read Zuid's cockpit as Noord's coordinator", "coord_own",
            lambda o: reverse("region_overview", args=["zuid"]), lambda o: None, method="get"),
    # Another coalition's members.
    Attempt("remove B's member through A's management page", "pl_own",
            lambda o: reverse("coalitions:member_remove", args=[o["a"].slug, o["b_member_row"].pk]),
            lambda o: CoalitionMembership.objects.filter(pk=o["b_member_row"].pk).exists()),
    Attempt("remove B's member through B's page as A's project leader", "pl_own",
            lambda o: reverse("coalitions:member_remove", args=[o["b"].slug, o["b_member_row"].pk]),
            lambda o: CoalitionMembership.objects.filter(pk=o["b_member_row"].pk).exists()),
    Attempt("edit B's coalition page", "pl_own", lambda o: reverse("coalitions:manage", args=[o["b"].slug]),
            lambda o: o["b"].__class__.objects.get(pk=o["b"].pk).description,
            data=lambda o: {"form": "page", "description": "Gekaapt", "partners": []}),
    Attempt("invite into B's coalition", "pl_own", lambda o: reverse("coalitions:manage", args=[o["b"].slug]),
            lambda o: o["b"].invitations.count(),
            data=lambda o: {"form": "invite", "email": "indringer@example.org", "role": "project_leader"}),
    # Another user's drafts.
    Attempt("edit another user's draft practice", "pl_own", lambda o: reverse("practices:edit", args=[o["draft"].slug]),
            _title(Practice, "draft"), data=lambda o: practice_data(o["a"], o["theme"], title="Gekaapt")),
    Attempt("edit another user's draft practice as its region's coordinator", "coord_own",
            lambda o: reverse("practices:edit", args=[o["draft"].slug]), _title(Practice, "draft"),
            data=lambda o: practice_data(o["a"], o["theme"], title="Gekaapt")),
    Attempt("submit another user's draft practice", "pl_own",
            lambda o: reverse("practices:submit", args=[o["draft"].slug]), _state(Practice, "draft")),
    Attempt("read another user's draft practice", "pl_own", lambda o: o["draft"].get_absolute_url(),
            lambda o: None, method="get"),
    Attempt("edit another user's draft tip", "pl_own",
            lambda o: reverse("practices:tip_edit", args=[o["draft_tip"].pk]),
            _title(Tip, "draft_tip"), data=lambda o: {"title": "Gekaapt", "body": "x", "region": o["north"].pk}),
    Attempt("edit another user's draft tool", "pl_own", lambda o: reverse("tools:edit", args=[o["draft_tool"].slug]),
            lambda o: Tool.objects.get(pk=o["draft_tool"].pk).name,
            data=lambda o: {"name": "Gekaapt", "developer": o["a"].pk, "status": "in_use"}),
    Attempt("submit another user's draft tool", "pl_own",
            lambda o: reverse("tools:submit", args=[o["draft_tool"].slug]), _state(Tool, "draft_tool")),
    Attempt("read another user's draft tool", "pl_own", lambda o: o["draft_tool"].get_absolute_url(),
            lambda o: None, method="get"),
    # Attachments: another practice's attachment under this slug, a wrong file name.
    Attempt("attachment of another practice under a public slug", "anonymous",
            lambda o: reverse("practices:attachment",
                              args=[o["published"].slug, o["attachment"].pk, o["attachment"].filename]),
            lambda o: None, method="get"),
    Attempt("attachment with another file name", "member",
            lambda o: reverse("practices:attachment",
                              args=[o["submitted"].slug, o["attachment"].pk, "ander.pdf"]),
            lambda o: None, method="get"),
    # Tokens: tampered, foreign, or of the wrong kind.
    Attempt("agreement link with a tampered token", "anonymous",
            lambda o: reverse("events:agreement_link", args=[o["agreement_token"][:-3] + "abc"]),
            lambda o: FollowUpAgreement.objects.get(pk=o["agreement"].pk).status,
            data=lambda o: {"status": "done"}),
    Attempt("agreement link for another agreement id, re-signed without our key", "anonymous",
            lambda o: reverse("events:agreement_link", args=[signing.dumps(
                {"a": o["b_agreement"].pk, "e": "pl-b@example.org"}, key="niet-onze-sleutel",
                salt="events.agreement-link", compress=True)]),
            lambda o: FollowUpAgreement.objects.get(pk=o["b_agreement"].pk).status,
            data=lambda o: {"status": "done"}),
    Attempt("agreement link with an unsubscribe token", "anonymous",
            lambda o: reverse("events:agreement_link", args=[o["unsubscribe_token"]]),
            lambda o: FollowUpAgreement.objects.get(pk=o["agreement"].pk).status,
            data=lambda o: {"status": "done"}),
    Attempt("agreement link after the owner's address changed", "anonymous",
            lambda o: reverse("events:agreement_link", args=[agreement_link_token(o["b_agreement"])]),
            lambda o: FollowUpAgreement.objects.get(pk=o["b_agreement"].pk).status,
            data=lambda o: {"status": "done"}),
    Attempt("unsubscribe with a tampered token", "anonymous",
            lambda o: reverse("notifications:unsubscribe", args=[o["unsubscribe_token"][:-3] + "abc"]),
            lambda o: User.objects.get(email="lid@example.org").event_reminders_enabled),
    Attempt("unsubscribe with the payload of another user", "anonymous",
            lambda o: reverse("notifications:unsubscribe", args=[
                _swap_payload(o["unsubscribe_token"], unsubscribe_token(User.objects.get(email="pl-b@example.org"),
                                                                        "event-reminders"))]),
            lambda o: User.objects.get(email="pl-b@example.org").event_reminders_enabled),
    Attempt("unsubscribe with an agreement token", "anonymous",
            lambda o: reverse("notifications:unsubscribe", args=[o["agreement_token"]]),
            lambda o: User.objects.get(email="lid@example.org").event_reminders_enabled),
    Attempt("another user's calendar with a guessed token", "pl_own",
            lambda o: reverse("events:personal_calendar", args=[o["calendar"].token[:-1] + "y"]),
            lambda o: None, method="get"),
    Attempt("accept an invitation with a guessed token", "pl_other",
            lambda o: reverse("coalitions:invitation", args=[o["invitation"].token[:-1] + "z"]),
            lambda o: CoalitionMembership.objects.filter(coalition=o["a"]).count()),
]


def _swap_payload(mine: str, theirs: str) -> str:
    """Their payload with my signature: what an attacker who can read both tokens could try."""
    return theirs.rsplit(":", 1)[0] + ":" + mine.rsplit(":", 1)[1]


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[a.name for a in ATTEMPTS])
def test_foreign_objects_answer_404_and_change_nothing(client, world, attempt):
    users, objects = world
    objects = _extra(users, objects)
    if attempt.name == "agreement link after the owner's address changed":
        token = agreement_link_token(objects["b_agreement"])
        FollowUpAgreement.objects.filter(pk=objects["b_agreement"].pk).update(owner_email="nieuw@example.org")
        users["pl_other"].email = "pl-b-nieuw@example.org"
        users["pl_other"].save()
        url = reverse("events:agreement_link", args=[token])
    else:
        url = attempt.url(objects)
    if attempt.role != "anonymous":
        client.force_login(users[attempt.role])
    before = attempt.outcome(objects)
    response = getattr(client, attempt.method)(url, attempt.data(objects))
    assert response.status_code == attempt.status, attempt.name
    assert attempt.outcome(objects) == before, attempt.name


def test_a_calendar_token_shows_only_its_owners_events(client, world):
    users, objects = world
    objects = _extra(users, objects)
    body = client.get(reverse("events:personal_calendar", args=[objects["b_calendar"].token])).content.decode()
    assert "Limburgse middag" in body
    assert "Inspiratiemiddag Veendam" not in body  # the member's registration, not pl_other's


@pytest.mark.parametrize("delete", [False, True], ids=["edit", "delete"])
def test_report_formset_cannot_reach_another_events_agreement(client, world, delete):
    """The agreements formset of A's event posted with the id of B's agreement leaves B's agreement alone."""
    users, objects = world
    objects = _extra(users, objects)
    client.force_login(users["pl_own"])
    other = objects["b_agreement"]
    data = {"summary": "Verslag", "insights": "", "participant_count": "2",
            "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "1", "agreements-MIN_NUM_FORMS": "0",
            "agreements-MAX_NUM_FORMS": "1000", "agreements-0-id": str(other.pk),
            "agreements-0-description": "Gekaapte afspraak", "agreements-0-owner_email": "indringer@example.org",
            "agreements-0-due_date": str(other.due_date)}
    if delete:
        data["agreements-0-DELETE"] = "on"
    client.post(reverse("events:report", args=[objects["event"].slug]), data)
    assert FollowUpAgreement.objects.filter(pk=other.pk).values_list(
        "event__slug", "description", "owner_email").get() == ("limburgse-middag", "Afspraak Zuid", "pl-b@example.org")
    assert not FollowUpAgreement.objects.filter(description="Gekaapte afspraak").exists()


@pytest.mark.parametrize("field_name, value", [
    ("organiser", "b"), ("follows_on", "b_event"),
])
def test_an_event_cannot_be_created_for_or_linked_to_another_coalition(client, world, field_name, value):
    users, objects = world
    objects = _extra(users, objects)
    client.force_login(users["pl_own"])
    before = Event.objects.count()
    response = client.post(reverse("events:create"), event_data(objects["a"], **{field_name: objects[value].pk}))
    assert response.status_code == 200
    assert Event.objects.count() == before


def test_tool_use_cannot_name_a_coalition_the_user_does_not_lead(client, world):
    users, objects = world
    client.force_login(users["pl_own"])
    response = client.post(reverse("tools:use", args=[objects["tool"].slug]), {"coalition": "limburg"})
    assert response.status_code == 302
    assert list(objects["tool"].users.all()) == []


def test_adoption_cannot_name_a_coalition_the_user_is_not_in(client, world):
    users, objects = world
    client.force_login(users["member"])
    before = Adoption.objects.count()
    response = client.post(reverse("practices:adoption_create", args=[objects["published"].slug]), {
        "organisation_name": "OBS", "coalition": objects["b"].pk, "tried_on": "2025-03", "school_type": "po",
        "region": "noord", "changes": "x", "result": "worked", "lesson": "y"})
    assert response.status_code == 200
    assert Adoption.objects.count() == before
