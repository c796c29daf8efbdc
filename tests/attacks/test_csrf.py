"""CSRF is required on every POST in the URL conf.

The permission matrix's POST cases are reused as they are (imported, with its ``world``): posted without a
CSRF token by a role that may act, each answers 403 and its outcome stays as it was. The URLs whose POST the
matrix does not exercise (forms that are also pages) get a case here, each with a control that the same post
with a token does change the outcome; plus allauth's POSTs. The one deliberate exception is the one-click
unsubscribe (RFC 8058): its signed token authorises, which a test below pins.
"""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from accounts.models import User
from coalitions.models import Coalition, CoalitionMembership, HelpRequest
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement
from notifications.models import OutboundEmail
from practices.models import Practice, Tip
from tests.helpers import event_data, formset, practice_data
from tests.kennisportaal.test_permission_matrix import CASES, Case  # `world` comes through conftest.py
from tools.models import Tool

CSRF_EXEMPT = {"notifications:unsubscribe (post)"}
MATRIX_POSTS = [case for case in CASES if case.method == "post" and case.name not in CSRF_EXEMPT]


def _acting_role(case: Case) -> str:
    """A role that may act: the first one whose outcome the matrix expects to change."""
    return next(iter(case.changes))


def _client(users, role, *, enforce=True) -> Client:
    client = Client(enforce_csrf_checks=enforce)
    if role != "anonymous":
        client.force_login(users[role])
    return client


@pytest.mark.parametrize("case", MATRIX_POSTS, ids=[case.name for case in MATRIX_POSTS])
def test_matrix_post_without_csrf_token_is_refused(world, case):
    users, objects = world
    data = case.data
    if data is None:  # the attendance form, as in the matrix
        pk = str(objects["event"].registrations.get().pk)
        data = {"shown": [pk], "attended": [pk]}
    before = case.outcome(objects)
    response = _client(users, _acting_role(case)).post(case.url(objects), data)
    assert response.status_code == 403, case.name
    assert case.outcome(objects) == before, case.name


def _practice_titles(o):
    return sorted(Practice.objects.values_list("title", flat=True))


def _tool_post(o):
    return {"name": "Nieuwe planner", "description": "Plant de middag.", "status": Tool.Status.IN_USE,
            "developer": o["a"].pk, "themes": [o["theme"].pk], "contact_name": "Noor",
            "contact_email": "noor@example.org", "url": "https://example.org/planner"}


EXTRA_POSTS = [
    Case("about", lambda o: reverse("about"), {}, method="post", data=None,
         outcome=lambda o: HelpRequest.objects.count()),
    Case("profile", lambda o: reverse("profile"), {}, method="post", data=None,
         outcome=lambda o: User.objects.get(email="lid@example.org").full_name),
    Case("practices:create", lambda o: reverse("practices:create"), {}, method="post", data=None,
         outcome=_practice_titles),
    Case("practices:edit", lambda o: reverse("practices:edit", args=[o["draft"].slug]), {}, method="post", data=None,
         outcome=_practice_titles),
    Case("practices:tip_create", lambda o: reverse("practices:tip_create"), {}, method="post", data=None,
         outcome=lambda o: Tip.objects.count()),
    Case("practices:tip_edit", lambda o: reverse("practices:tip_edit", args=[o["draft_tip"].pk]), {}, method="post",
         data=None, outcome=lambda o: Tip.objects.get(pk=o["draft_tip"].pk).title),
    Case("tools:create", lambda o: reverse("tools:create"), {}, method="post", data=None,
         outcome=lambda o: Tool.objects.count()),
    Case("tools:edit", lambda o: reverse("tools:edit", args=[o["draft_tool"].slug]), {}, method="post", data=None,
         outcome=lambda o: Tool.objects.get(pk=o["draft_tool"].pk).name),
    Case("events:create", lambda o: reverse("events:create"), {}, method="post", data=None,
         outcome=lambda o: Event.objects.count()),
    Case("events:edit", lambda o: reverse("events:edit", args=[o["event"].slug]), {}, method="post", data=None,
         outcome=lambda o: Event.objects.get(pk=o["event"].pk).title),
    Case("events:report", lambda o: reverse("events:report", args=[o["event"].slug]), {}, method="post", data=None,
         outcome=lambda o: EventReport.objects.filter(event=o["event"]).count()),
    Case("events:calendar_settings", lambda o: reverse("events:calendar_settings"), {}, method="post", data=None,
         outcome=lambda o: list(CalendarToken.objects.values_list("token", flat=True))),
    Case("events:agreement_close", lambda o: reverse("events:agreement_close", args=[o["agreement"].pk]), {},
         method="post", data=None, outcome=lambda o: FollowUpAgreement.objects.get(pk=o["agreement"].pk).status),
    Case("events:agreement_link", lambda o: reverse("events:agreement_link", args=[o["agreement_token"]]), {},
         method="post", data=None, outcome=lambda o: FollowUpAgreement.objects.get(pk=o["agreement"].pk).status),
    Case("coalitions:manage", lambda o: reverse("coalitions:manage", args=[o["a"].slug]), {}, method="post",
         data=None, outcome=lambda o: Coalition.objects.get(pk=o["a"].pk).description),
    Case("coalitions:invitation", lambda o: reverse("coalitions:invitation", args=[o["invitation"].token]), {},
         method="post", data=None, outcome=lambda o: CoalitionMembership.objects.filter(coalition=o["a"]).count()),
]
EXTRA_ROLES = {
    "about": "anonymous", "events:create": "pl_own", "events:edit": "pl_own", "events:report": "pl_own",
    "coalitions:manage": "pl_own", "events:agreement_link": "anonymous", "coalitions:invitation": "pl_other",
}


def _extra_data(name, o):
    """Valid data for each form, so that only the missing token can be why nothing changed."""
    return {
        "about": {"region": o["north"].pk, "name": "Sanne", "email": "sanne@example.org", "question": "Hulp?"},
        "profile": {"full_name": "Nieuwe naam", "organisation_name": "OBS", "job_function": "",
                    "digest_frequency": "never", "region": ""},
        "practices:create": practice_data(o["a"], o["theme"], title="Nieuw voorbeeld"),
        "practices:edit": practice_data(o["a"], o["theme"], title="Bewerkt concept"),
        "practices:tip_create": {"title": "Nieuwe tip", "body": "Begin klein.", "region": o["north"].pk},
        "practices:tip_edit": {"title": "Bewerkte tip", "body": "Begin klein.", "region": o["north"].pk},
        "tools:create": _tool_post(o),
        "tools:edit": {**_tool_post(o), "name": "Bewerkte tool"},
        "events:create": event_data(o["a"]),
        "events:edit": event_data(o["a"], title="Bewerkte titel"),
        "events:report": {"summary": "Verslag.", "insights": "", "participant_count": "3",
                          **formset("agreements", total=0)},
        "events:calendar_settings": {},
        "events:agreement_close": {"status": "done", "note": "Gelukt."},
        "events:agreement_link": {"status": "dropped", "note": "Geen tijd."},
        "coalitions:manage": {"form": "page", "description": "Nieuwe tekst.", "website": "", "contact_email": "",
                              "partners": []},
        "coalitions:invitation": {},
    }[name]


@pytest.mark.parametrize("with_token", [False, True], ids=["without token", "control: with token"])
@pytest.mark.parametrize("case", EXTRA_POSTS, ids=[case.name for case in EXTRA_POSTS])
def test_form_post_without_csrf_token_is_refused(world, case, with_token):
    users, objects = world
    role = EXTRA_ROLES.get(case.name, "member")
    if case.name == "coalitions:invitation":  # the invitation is for whoever follows its link
        objects["invitation"].email = "pl-b@example.org"
        objects["invitation"].save()
    before = case.outcome(objects)
    response = _client(users, role, enforce=not with_token).post(case.url(objects), _extra_data(case.name, objects))
    if with_token:
        assert response.status_code == 302, case.name
        assert case.outcome(objects) != before, case.name
    else:
        assert response.status_code == 403, case.name
        assert case.outcome(objects) == before, case.name


PASSWORD = "een-lang-wachtwoord-2026"


def _verified(email="lid@example.org"):
    user = User.objects.get(email=email) if User.objects.filter(email=email).exists() else None
    if user is None:
        user = User.objects.create_user(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


ALLAUTH_POSTS = {
    "account_login": ({"login": "lid@example.org", "password": PASSWORD},
                      lambda client: "_auth_user_id" in client.session),
    "account_signup": ({"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD},
                       lambda client: User.objects.filter(email="nieuw@example.org").exists()),
    "account_reset_password": ({"email": "lid@example.org"},
                               lambda client: OutboundEmail.objects.filter(kind__contains="password_reset").count()),
    "account_request_login_code": ({"email": "lid@example.org"},
                                   lambda client: OutboundEmail.objects.filter(kind__contains="login_code").count()),
}


@pytest.mark.parametrize("with_token", [False, True], ids=["without token", "control: with token"])
@pytest.mark.parametrize("name", sorted(ALLAUTH_POSTS))
def test_allauth_post_without_csrf_token_is_refused(db, name, with_token):
    _verified()
    data, changed = ALLAUTH_POSTS[name]
    client = Client(enforce_csrf_checks=not with_token)
    before = changed(client)
    response = client.post(reverse(name), data)
    if with_token:
        assert response.status_code == 302
        assert changed(client) != before
    else:
        assert response.status_code == 403
        assert changed(client) == before


@pytest.mark.parametrize("with_token", [False, True], ids=["without token", "control: with token"])
def test_logout_without_csrf_token_is_refused(db, with_token):
    client = Client(enforce_csrf_checks=not with_token)
    client.force_login(_verified())
    response = client.post(reverse("account_logout"))
    assert response.status_code == (302 if with_token else 403)
    assert ("_auth_user_id" in client.session) is not with_token


def test_one_click_unsubscribe_is_csrf_exempt_and_only_the_signed_token_authorises(world):
    """RFC 8058: a mail client's POST carries no CSRF token; a tampered token changes nothing."""
    users, objects = world
    client = Client(enforce_csrf_checks=True)
    tampered = client.post(reverse("notifications:unsubscribe", args=[objects["unsubscribe_token"][:-2] + "xx"]))
    assert tampered.status_code == 404
    assert User.objects.get(email="lid@example.org").event_reminders_enabled is True
    genuine = client.post(reverse("notifications:unsubscribe", args=[objects["unsubscribe_token"]]))
    assert genuine.status_code == 200
    assert User.objects.get(email="lid@example.org").event_reminders_enabled is False
