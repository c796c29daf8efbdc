"""Mass assignment: every form posted with valid data plus fields it does not offer (state, author, owner,
staff flags, ids, timestamps …) saves none of those extra values.

Each scenario posts as a role that may use the form and reads the saved row's guarded fields afterwards,
asserting their exact values. The extra fields a form really has (a practice's coalition, an event's
organiser, a tip's region) are left out of that form's extras.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from coalitions.models import Coalition, CoalitionMembership, HelpRequest, Invitation, VisitProfile
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration
from moderation.models import Flag, ModerationState
from practices.models import Adoption, Practice, Tip
from tests.helpers import event_data, formset, parse_html, practice_data
from tools.models import JoinRequest, Tool

FAR_PAST = "2001-01-01 00:00"


def extras(o, users) -> dict:
    """Fields no form of ours offers, with values an attacker would like to see saved."""
    evil = users["pl_other"]
    return {
        "state": ModerationState.PUBLISHED, "moderation_state": ModerationState.PUBLISHED,
        "author": evil.pk, "author_id": evil.pk, "user": evil.pk, "user_id": evil.pk, "owner": evil.pk,
        "created_by": evil.pk, "created_by_id": evil.pk, "reporter": evil.pk, "answered_by": evil.pk,
        "invited_by": evil.pk, "resolved_by": evil.pk,
        "coalition": o["b"].pk, "coalition_id": o["b"].pk, "organiser": o["b"].pk, "developer": o["b"].pk,
        "region": o["b"].region.pk, "region_id": o["b"].region.pk, "event": o["past"].pk, "practice": o["draft"].pk,
        "tool": o["submitted_tool"].pk, "is_staff": "on", "is_superuser": "on", "is_active": "", "email": "evil@x.nl",
        "password": "gekaapt", "published_at": FAR_PAST, "created_at": FAR_PAST, "cancelled_at": FAR_PAST,
        "closed_at": FAR_PAST, "answered_at": FAR_PAST, "resolved_at": FAR_PAST, "expires_at": FAR_PAST,
        "id": "987654", "pk": "987654", "slug": "gekaapt", "name": "Gekaapte naam", "source": "editors",
        "status": "attended", "dismissed": "on", "resolution_note": "Gekaapt", "answer_note": "Gekaapt",
        "notified_email": "evil@x.nl", "token": "zelfgekozen-token", "role": "project_leader",
        "reminders_sent_at": FAR_PAST, "report_requests_sent": "9", "users": [o["b"].pk],
    }


@dataclass
class Scenario:
    name: str
    role: str
    url: Callable
    data: Callable  # (objects, users) -> the valid data
    read: Callable  # (objects, users) -> the guarded fields of the saved row
    expected: Callable  # (objects, users) -> what they must be
    own_fields: tuple = ()
    status: int = 302
    prepare: Callable = field(default=lambda o, u: None)


def _row(model, lookup, fields):
    return lambda o, u: model.objects.filter(**lookup(o, u)).values(*fields).get()


P_FIELDS = ("pk", "state", "author", "published_at", "slug", "region", "coalition")
SCENARIOS = [
    Scenario("practice (new draft)", "member", lambda o: reverse("practices:create"),
             lambda o, u: practice_data(o["a"], o["theme"], title="Nieuw voorbeeld"),
             _row(Practice, lambda o, u: {"title": "Nieuw voorbeeld"}, P_FIELDS),
             lambda o, u: {"state": "draft", "author": u["member"].pk, "published_at": None,
                           "slug": "nieuw-voorbeeld", "region": o["north"].pk, "coalition": o["a"].pk},
             own_fields=("coalition", "region")),
    Scenario("practice (submitted)", "member", lambda o: reverse("practices:create"),
             lambda o, u: {**practice_data(o["a"], o["theme"], title="Nieuw voorbeeld"), "action": "submit"},
             _row(Practice, lambda o, u: {"title": "Nieuw voorbeeld"}, P_FIELDS),
             lambda o, u: {"state": "submitted", "author": u["member"].pk, "published_at": None,
                           "slug": "nieuw-voorbeeld", "region": o["north"].pk, "coalition": o["a"].pk},
             own_fields=("coalition", "region")),
    Scenario("practice (edit draft)", "member", lambda o: reverse("practices:edit", args=[o["draft"].slug]),
             lambda o, u: practice_data(o["a"], o["theme"], title="Bewerkt concept"),
             _row(Practice, lambda o, u: {"title": "Bewerkt concept"}, P_FIELDS),
             lambda o, u: {"state": "draft", "author": u["member"].pk, "published_at": None,
                           "slug": o["draft"].slug, "region": o["north"].pk, "coalition": o["a"].pk},
             own_fields=("coalition", "region")),
    Scenario("tip", "member", lambda o: reverse("practices:tip_create"),
             lambda o, u: {"title": "Nieuwe tip", "body": "Begin klein.", "region": o["north"].pk},
             _row(Tip, lambda o, u: {"title": "Nieuwe tip"}, ("pk", "state", "author", "published_at", "source",
                                                             "practice")),
             lambda o, u: {"state": "draft", "author": u["member"].pk, "published_at": None, "source": "lid",
                           "practice": None},
             own_fields=("region", "region_id")),
    Scenario("tip (edit draft)", "member", lambda o: reverse("practices:tip_edit", args=[o["draft_tip"].pk]),
             lambda o, u: {"title": "Bewerkte tip", "body": "Begin klein.", "region": o["north"].pk},
             _row(Tip, lambda o, u: {"title": "Bewerkte tip"}, ("pk", "state", "author", "published_at")),
             lambda o, u: {"state": "draft", "author": u["member"].pk, "published_at": None},
             own_fields=("region", "region_id")),
    Scenario("tool", "member", lambda o: reverse("tools:create"),
             lambda o, u: {"name": "Nieuwe planner", "description": "Plant.", "status": Tool.Status.IN_USE,
                           "developer": o["a"].pk, "themes": [o["theme"].pk]},
             _row(Tool, lambda o, u: {"name": "Nieuwe planner"}, ("pk", "state", "author", "published_at", "slug",
                                                                 "developer", "status", "users")),
             lambda o, u: {"state": "draft", "author": u["member"].pk, "published_at": None,
                           "slug": "nieuwe-planner", "developer": o["a"].pk, "status": "in-gebruik", "users": None},
             own_fields=("developer", "status", "name")),
    Scenario("adoption", "member", lambda o: reverse("practices:adoption_create", args=[o["published"].slug]),
             lambda o, u: {"organisation_name": "OBS De Linde", "tried_on": "2025-03", "school_type": "po",
                           "region": "noord", "changes": "Op woensdag.", "result": "deels", "lesson": "Klein."},
             _row(Adoption, lambda o, u: {"organisation_name": "OBS De Linde"},
                  ("pk", "state", "author", "published_at", "practice", "coalition", "region")),
             lambda o, u: {"state": "submitted", "author": u["member"].pk, "published_at": None,
                           "practice": o["published"].pk, "coalition": None, "region": o["north"].pk},
             own_fields=("region", "coalition")),
    Scenario("event", "pl_own", lambda o: reverse("events:create"),
             lambda o, u: event_data(o["a"], title="Nieuwe middag"),
             _row(Event, lambda o, u: {"title": "Nieuwe middag"},
                  ("pk", "state", "created_by", "organiser", "slug", "cancelled_at", "reminders_sent_at",
                   "report_requests_sent")),
             lambda o, u: {"state": "published", "created_by": u["pl_own"].pk, "organiser": o["a"].pk,
                           "slug": f"nieuwe-middag-{timezone.localdate() + timedelta(days=20)}",
                           "cancelled_at": None, "reminders_sent_at": None, "report_requests_sent": 0},
             own_fields=("organiser",)),
    Scenario("event (edit)", "pl_own", lambda o: reverse("events:edit", args=[o["event"].slug]),
             lambda o, u: event_data(o["a"], title="Bewerkte middag"),
             _row(Event, lambda o, u: {"title": "Bewerkte middag"},
                  ("pk", "state", "organiser", "slug", "cancelled_at", "reminders_sent_at")),
             lambda o, u: {"state": "published", "organiser": o["a"].pk, "slug": o["event"].slug,
                           "cancelled_at": None, "reminders_sent_at": None},
             own_fields=("organiser",)),
    Scenario("report + agreements", "pl_own", lambda o: reverse("events:report", args=[o["event"].slug]),
             lambda o, u: {"summary": "Verslag.", "insights": "", "participant_count": "3",
                           **formset("agreements", [{"description": "Vervolg plannen", "owner_email": "a@b.nl",
                                                     "due_date": "2099-01-01", "status": "done",
                                                     "closed_at": FAR_PAST, "notified_email": "x@y.nl"}])},
             lambda o, u: {"report": EventReport.objects.values("event", "author").get(event=o["event"]),
                           "agreement": FollowUpAgreement.objects.filter(description="Vervolg plannen").values(
                               "event", "status", "closed_at", "owner").get()},
             lambda o, u: {"report": {"event": o["event"].pk, "author": u["pl_own"].pk},
                           "agreement": {"event": o["event"].pk, "status": "open", "closed_at": None,
                                         "owner": None}},
             own_fields=("owner",)),
    Scenario("profile", "member", lambda o: reverse("profile"),
             lambda o, u: {"full_name": "Saskia", "organisation_name": "OBS", "job_function": "",
                           "digest_frequency": "never"},
             _row(User, lambda o, u: {"pk": u["member"].pk},
                  ("full_name", "email", "is_staff", "is_superuser", "is_active", "password")),
             lambda o, u: {"full_name": "Saskia", "email": "lid@example.org", "is_staff": False,
                           "is_superuser": False, "is_active": True, "password": u["member"].password},
             own_fields=("region",)),
    Scenario("coalition page", "pl_own", lambda o: reverse("coalitions:manage", args=[o["a"].slug]),
             lambda o, u: {"form": "page", "description": "Nieuwe tekst.", "website": "", "contact_email": "",
                           "partners": []},
             _row(Coalition, lambda o, u: {"pk": o["a"].pk}, ("name", "slug", "region", "description")),
             lambda o, u: {"name": "Oost-Groningen", "slug": "oost-groningen", "region": o["north"].pk,
                           "description": "Nieuwe tekst."}),
    Scenario("visit profile", "pl_own", lambda o: reverse("coalitions:manage", args=[o["a"].slug]),
             lambda o, u: {"form": "visits", "offer": "Onze lunch.", "wish": "Jullie rooster."},
             _row(VisitProfile, lambda o, u: {"offer": "Onze lunch."}, ("coalition",)),
             lambda o, u: {"coalition": o["a"].pk}),
    Scenario("invitation sent", "pl_own", lambda o: reverse("coalitions:manage", args=[o["a"].slug]),
             lambda o, u: {"form": "invite", "email": "nieuwkomer@example.org", "role": "lid"},
             _row(Invitation, lambda o, u: {"email": "nieuwkomer@example.org"},
                  ("coalition", "role", "invited_by", "token")),
             lambda o, u: {"coalition": o["a"].pk, "role": "lid", "invited_by": u["pl_own"].pk,
                           "token": Invitation.objects.get(email="nieuwkomer@example.org").token},
             own_fields=("role", "email")),
    Scenario("help request", "member", lambda o: reverse("about"),
             lambda o, u: {"region": o["north"].pk, "name": "Saskia", "email": "lid@example.org",
                           "question": "Wie helpt?"},
             _row(HelpRequest, lambda o, u: {"question": "Wie helpt?"},
                  ("region", "user", "answered_at", "answered_by", "answer_note")),
             lambda o, u: {"region": o["north"].pk, "user": u["member"].pk, "answered_at": None,
                           "answered_by": None, "answer_note": ""},
             own_fields=("region", "email", "name")),
    Scenario("flag", "member", lambda o: reverse("practices:flag", args=[o["published"].slug]),
             lambda o, u: {"reason": "Klopt niet"},
             _row(Flag, lambda o, u: {"reason": "Klopt niet"},
                  ("reporter", "region", "dismissed", "resolved_at", "resolved_by", "resolution_note")),
             lambda o, u: {"reporter": u["member"].pk, "region": o["north"].pk, "dismissed": False,
                           "resolved_at": None, "resolved_by": None, "resolution_note": ""}),
    Scenario("registration", "pl_own", lambda o: reverse("events:register", args=[o["event"].slug]),
             lambda o, u: {"remark": "Vegetarisch"},
             _row(Registration, lambda o, u: {"remark": "Vegetarisch"}, ("event", "user", "status", "cancelled_at")),
             lambda o, u: {"event": o["event"].pk, "user": u["pl_own"].pk, "status": "confirmed",
                           "cancelled_at": None}),
    Scenario("join request", "member", lambda o: reverse("tools:join", args=[o["tool"].slug]),
             lambda o, u: {"message": "Wij doen mee."},
             _row(JoinRequest, lambda o, u: {"message": "Wij doen mee."}, ("tool", "user")),
             lambda o, u: {"tool": o["tool"].pk, "user": u["member"].pk}),
    Scenario("agreement closed", "member", lambda o: reverse("events:agreement_close", args=[o["agreement"].pk]),
             lambda o, u: {"status": "done", "note": "Gelukt."},
             _row(FollowUpAgreement, lambda o, u: {"pk": o["agreement"].pk},
                  ("event", "owner", "owner_email", "description", "status", "done_note")),
             lambda o, u: {"event": o["past"].pk, "owner": u["member"].pk, "owner_email": "lid@example.org",
                           "description": o["agreement"].description, "status": "done", "done_note": "Gelukt."},
             own_fields=("status",)),
    Scenario("invitation accepted", "pl_other", lambda o: reverse("coalitions:invitation",
                                                                  args=[o["invitation"].token]),
             lambda o, u: {},
             _row(CoalitionMembership, lambda o, u: {"user": u["pl_other"], "coalition": o["a"]}, ("role",)),
             lambda o, u: {"role": "lid"},
             prepare=lambda o, u: Invitation.objects.filter(pk=o["invitation"].pk).update(email="pl-b@example.org")),
    Scenario("calendar link", "member", lambda o: reverse("events:calendar_settings"), lambda o, u: {},
             lambda o, u: {"count": CalendarToken.objects.filter(token="zelfgekozen-token").count(),
                           "user": CalendarToken.objects.values_list("user", flat=True).get(
                               user__email="lid@example.org")},
             lambda o, u: {"count": 0, "user": u["member"].pk}),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_extra_fields_are_not_saved(client, world, scenario):
    users, objects = world
    scenario.prepare(objects, users)
    client.force_login(users[scenario.role])
    smuggled = {key: value for key, value in extras(objects, users).items() if key not in scenario.own_fields}
    response = client.post(scenario.url(objects), {**smuggled, **scenario.data(objects, users)})
    assert response.status_code == scenario.status, (scenario.name, _errors(response))
    saved = scenario.read(objects, users)
    expected = scenario.expected(objects, users)
    if "pk" in saved:
        assert str(saved.pop("pk")) != "987654"
    assert saved == expected


def _errors(response):
    form_errors = [node.text for node in parse_html(response).find_all(cls="field-error")]
    return form_errors + [node.text for node in parse_html(response).find_all(cls="form-errors")]


def test_an_agreement_row_cannot_be_moved_to_another_event(client, world):
    """The inline formset's parent key is checked: a row naming another event is refused, nothing is saved."""
    users, objects = world
    client.force_login(users["pl_own"])
    response = client.post(reverse("events:report", args=[objects["event"].slug]), {
        "summary": "Verslag.", **formset("agreements", [{"description": "Vervolg plannen", "owner_email": "a@b.nl",
                                                         "due_date": "2099-01-01", "event": objects["past"].pk}])})
    assert response.status_code == 200
    assert EventReport.objects.count() == 1  # the world's report of another event only
    assert not FollowUpAgreement.objects.filter(description="Vervolg plannen").exists()
