"""The permission matrix."""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from coalitions.models import CoalitionMembership
from moderation.models import ModerationState
from tests import factories

ROLES = ["anonymous", "member", "pl_own", "pl_other", "coord_own", "coord_other", "staff"]


ALL_OK = dict.fromkeys(ROLES, 200)


LOGIN = 302  # anonymous users are sent to the login page


@dataclass
class Case:
    name: str
    url: callable
    expected: dict
    method: str = "get"
    data: dict = field(default_factory=dict)
    contains: dict = field(default_factory=dict)
    not_contains: dict = field(default_factory=dict)


def only(ok: int, roles: list[str], other: int = 404, anonymous: int = LOGIN) -> dict:
    return {role: (ok if role in roles else (anonymous if role == "anonymous" else other)) for role in ROLES}


LOGGED_IN = {role: (LOGIN if role == "anonymous" else 200) for role in ROLES}


CASES = [
    Case("home", lambda o: reverse("home"), ALL_OK),
    Case("practice list", lambda o: reverse("practices:list"), ALL_OK,
         not_contains=dict.fromkeys(ROLES, "Ingediend voorbeeld Noord")),
    Case("published practice", lambda o: o["published"].get_absolute_url(), ALL_OK),
    Case("submitted practice", lambda o: o["submitted"].get_absolute_url(),
         only(200, ["member", "coord_own", "staff"], anonymous=404),
         contains={"coord_own": "Publiceren", "member": "niet openbaar"},
         not_contains={"member": "Publiceren"}),
    Case("practice create", lambda o: reverse("practices:create"), LOGGED_IN),
    Case("practice edit (draft of member)", lambda o: reverse("practices:edit", args=[o["draft"].slug]),
         only(200, ["member"])),
    Case("practice moderate", lambda o: reverse("practices:moderate", args=[o["submitted"].slug]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"}),
    Case("practice flag", lambda o: reverse("practices:flag", args=[o["published"].slug]),
         dict.fromkeys(ROLES, 302), method="post", data={"reason": "Klopt niet"}),
    Case("event list", lambda o: reverse("events:list"), ALL_OK,
         not_contains=dict.fromkeys(ROLES, "Verborgen bijeenkomst")),
    Case("event detail", lambda o: o["event"].get_absolute_url(), ALL_OK,
         contains={"pl_own": "Bijeenkomst bewerken"}, not_contains={"pl_other": "Bijeenkomst bewerken"}),
    Case("hidden event", lambda o: o["hidden_event"].get_absolute_url(),
         only(200, ["pl_own", "coord_own", "staff"], anonymous=404)),
    Case("event create", lambda o: reverse("events:create"), only(200, ["pl_own", "pl_other", "staff"])),
    Case("event edit", lambda o: reverse("events:edit", args=[o["event"].slug]), only(200, ["pl_own", "staff"])),
    Case("event cancel form", lambda o: reverse("events:cancel", args=[o["event"].slug]),
         only(200, ["pl_own", "staff"])),
    Case("event moderate", lambda o: reverse("events:moderate", args=[o["event"].slug]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "hide", "comment": "Dubbel"}),
    Case("coalition list", lambda o: reverse("coalitions:list"), ALL_OK),
    Case("coalition detail", lambda o: o["a"].get_absolute_url(), ALL_OK,
         contains={"pl_own": "Coalitie beheren"}, not_contains={"pl_other": "Coalitie beheren"}),
    Case("coalition manage", lambda o: reverse("coalitions:manage", args=[o["a"].slug]),
         only(200, ["pl_own", "staff"]), contains={"pl_own": "lid@example.org"}),
    Case("member remove", lambda o: reverse("coalitions:member_remove", args=[o["a"].slug, o["member_row"].pk]),
         only(302, ["pl_own", "staff"]), method="post"),
    Case("moderation queue", lambda o: reverse("moderation_queue"),
         only(200, ["coord_own", "coord_other", "staff"]),
         contains={"coord_own": "Ingediend voorbeeld Noord", "staff": "Ingediende tip Noord"},
         not_contains={"coord_other": "Ingediend voorbeeld Noord"}),
    Case("tip moderate", lambda o: reverse("practices:tip_moderate", args=[o["tip"].pk]),
         only(302, ["coord_own", "staff"]), method="post", data={"action": "publish"}),
    Case("tip create", lambda o: reverse("practices:tip_create"), LOGGED_IN),
    Case("my portal", lambda o: reverse("my_portal"), LOGGED_IN,
         contains={"member": "Concept van het lid"}, not_contains={"pl_own": "Concept van het lid"}),
    Case("profile", lambda o: reverse("profile"), LOGGED_IN),
    Case("tips", lambda o: reverse("practices:tips"), ALL_OK),
    Case("learning networks", lambda o: reverse("coalitions:network_list"), ALL_OK),
    Case("about", lambda o: reverse("about"), ALL_OK),
    Case("admin", lambda o: reverse("admin:index"), {**only(200, ["staff"], other=302)}),
]


@pytest.fixture
def world(db):
    north = factories.RegionFactory(name="Noord", slug="noord")
    south = factories.RegionFactory(name="Zuid", slug="zuid")
    a = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=north)
    b = factories.CoalitionFactory(name="Limburg", slug="limburg", region=south)
    users = {
        "member": factories.UserFactory(email="lid@example.org"),
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
    objects = {
        "a": a,
        "b": b,
        "published": factories.PracticeFactory(title="Gepubliceerd voorbeeld", coalition=a, themes=[theme]),
        "submitted": factories.PracticeFactory(
            title="Ingediend voorbeeld Noord", coalition=a, author=users["member"],
            state=ModerationState.SUBMITTED, published_at=None,
        ),
        "draft": factories.PracticeFactory(
            title="Concept van het lid", coalition=a, author=users["member"], state=ModerationState.DRAFT,
            published_at=None,
        ),
        "event": factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=a),
        "hidden_event": factories.EventFactory(title="Verborgen bijeenkomst", organiser=a,
                                               state=ModerationState.HIDDEN),
        "tip": factories.TipFactory(title="Ingediende tip Noord", region=north, author=users["member"],
                                    state=ModerationState.SUBMITTED, published_at=None),
        "member_row": CoalitionMembership.objects.get(coalition=a, user=users["member"]),
    }
    return users, objects


def test_matrix_size():
    assert len(CASES) * len(ROLES) >= 190


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_permission_matrix(client, world, case, role):
    users, objects = world
    if role != "anonymous":
        client.force_login(users[role])
    url = case.url(objects)
    response = getattr(client, case.method)(url, case.data)
    assert response.status_code == case.expected[role], f"{case.name} as {role}"
    if response.status_code == LOGIN and role == "anonymous" and case.expected[role] == LOGIN:
        assert "/login/" in response["Location"]
    body = response.content.decode()
    if role in case.contains:
        assert case.contains[role] in body
    if role in case.not_contains:
        assert case.not_contains[role] not in body


@pytest.mark.parametrize("role", ["member", "pl_own", "pl_other", "coord_other"])
def test_denied_moderation_changes_nothing(client, world, role):
    users, objects = world
    client.force_login(users[role])
    client.post(reverse("practices:moderate", args=[objects["submitted"].slug]), {"action": "publish"})
    objects["submitted"].refresh_from_db()
    assert objects["submitted"].state == ModerationState.SUBMITTED


def test_state_changing_views_refuse_get(client, world):
    users, objects = world
    client.force_login(users["coord_own"])
    response = client.get(reverse("practices:moderate", args=[objects["submitted"].slug]), {"action": "publish"})
    assert response.status_code == 405
    objects["submitted"].refresh_from_db()
    assert objects["submitted"].state == ModerationState.SUBMITTED


def test_csrf_is_enforced(world):
    from django.test import Client

    users, objects = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["coord_own"])
    response = client.post(reverse("practices:moderate", args=[objects["submitted"].slug]), {"action": "publish"})
    assert response.status_code == 403
    objects["submitted"].refresh_from_db()
    assert objects["submitted"].state == ModerationState.SUBMITTED
