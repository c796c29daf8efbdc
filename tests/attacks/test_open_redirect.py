"""Open redirect: every ``next`` parameter, in every form of off-site URL we know, never leads off the site.

The targets are our views that read ``next`` through ``core.redirects.safe_next`` (moderation, flag dismissal,
the follow buttons) and allauth's login, logout and signup. A Location header passes when a browser reading it
(whitespace stripped, tabs and newlines dropped, backslashes as slashes) stays on our host.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.test import RequestFactory
from django.urls import reverse

from coalitions.models import CoalitionMembership
from core.redirects import safe_next
from moderation.models import Flag, ModerationState
from tests import factories
from tests.attacks.checks import stays_on_site

PASSWORD = "een-lang-wachtwoord-2026"

OFF_SITE = [
    "https://evil.example",
    "http://evil.example/pad?x=1",
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http:/\\/evil.example",
    "http:\\\\evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    " //evil.example",
    "\t//evil.example",
    "\n//evil.example",
    "\r\n//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\x00//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://kennisportaal.nl@evil.example",
    "https://testserver@evil.example",
    "https://testserver.evil.example",
    "https://evil.example\\@testserver",
    "http://evil.example#@testserver",
    "/%09/evil.example",
    "/%5Cevil.example",
    "\uff0f\uff0fevil.example",
    "\uff3c\uff3cevil.example",
    "https://evil。example",
    "http://[::1",
    "/\r\nSet-Cookie: sessionid=evil",
    "/\r\nLocation: https://evil.example",
]
IDS = [repr(url) for url in OFF_SITE]


@dataclass
class Target:
    name: str
    role: str  # "coordinator", "member" or "anonymous"
    url: Callable
    data: dict


def _world():
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)
    member = factories.UserFactory(email="lid@example.org")
    factories.MembershipFactory(coalition=coalition, user=member, role=CoalitionMembership.Role.PROJECT_LEADER)
    coordinator = factories.UserFactory(email="coord@example.org")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    published = factories.PracticeFactory(title="Gepubliceerd", coalition=coalition)
    objects = {
        "region": region, "coalition": coalition, "published": published,
        "practice": factories.PracticeFactory(title="Ingediend", coalition=coalition, author=member,
                                              state=ModerationState.SUBMITTED, published_at=None),
        "tip": factories.TipFactory(title="Tip", region=region, author=member, state=ModerationState.SUBMITTED,
                                    published_at=None),
        "adoption": factories.AdoptionFactory(practice=published, region=region, author=member,
                                              state=ModerationState.SUBMITTED, published_at=None),
        "tool": factories.ToolFactory(name="Tool Noord", slug="tool-noord", developer=coalition, author=member,
                                      state=ModerationState.SUBMITTED, published_at=None),
        "event": factories.EventFactory(title="Middag", slug="middag", organiser=coalition),
        "flag": Flag.objects.create(item=published, region=region, reporter=member, reason="Reclame"),
        "network": factories.LearningNetworkFactory(name="Netwerk", slug="netwerk"),
        "theme": factories.ThemeFactory(name="Talent", slug="talent"),
    }
    return {"coordinator": coordinator, "member": member}, objects


MODERATE = {"action": "publish", "comment": ""}
FOLLOW = {"action": "follow"}
OURS = [
    Target("flag_dismiss", "coordinator", lambda o: reverse("flag_dismiss", args=[o["flag"].pk]), {"note": "Nee."}),
    Target("practices:moderate", "coordinator",
           lambda o: reverse("practices:moderate", args=[o["practice"].slug]), MODERATE),
    Target("practices:tip_moderate", "coordinator", lambda o: reverse("practices:tip_moderate", args=[o["tip"].pk]),
           MODERATE),
    Target("practices:adoption_moderate", "coordinator",
           lambda o: reverse("practices:adoption_moderate", args=[o["adoption"].pk]), MODERATE),
    Target("tools:moderate", "coordinator", lambda o: reverse("tools:moderate", args=[o["tool"].slug]), MODERATE),
    Target("events:moderate", "coordinator", lambda o: reverse("events:moderate", args=[o["event"].slug]),
           {"action": "hide", "comment": "Dubbel"}),
    Target("coalitions:network_follow", "member",
           lambda o: reverse("coalitions:network_follow", args=[o["network"].slug]), FOLLOW),
    Target("coalitions:region_follow", "member",
           lambda o: reverse("coalitions:region_follow", args=[o["region"].slug]), FOLLOW),
    Target("coalitions:coalition_follow", "member",
           lambda o: reverse("coalitions:coalition_follow", args=[o["coalition"].slug]), FOLLOW),
    Target("coalitions:theme_follow", "member",
           lambda o: reverse("coalitions:theme_follow", args=[o["theme"].slug]), FOLLOW),
]


@pytest.mark.parametrize("where", ["post", "query"])
@pytest.mark.parametrize("target", OURS, ids=[t.name for t in OURS])
@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_our_next_parameters_stay_on_site(client, db, target, evil, where):
    users, objects = _world()
    client.force_login(users[target.role])
    url = target.url(objects)
    if where == "post":
        response = client.post(url, {**target.data, "next": evil})
    else:
        response = client.post(f"{url}?{_query(evil)}", target.data)
    assert_stays_on_site(response, evil, in_query=where == "query")


def assert_stays_on_site(response, evil: str, *, in_query: bool):
    """A redirect on our site; or, for a NUL byte in the query string, a bad request (core.middleware)."""
    if in_query and "\x00" in evil:
        assert response.status_code == 400
        return
    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


def _query(value: str) -> str:
    return urlencode({"next": value})


def test_a_next_on_our_site_is_followed(client, db):
    """The control: a local ``next`` is honoured, so the tests above would see an off-site one."""
    users, objects = _world()
    client.force_login(users["member"])
    response = client.post(reverse("coalitions:theme_follow", args=[objects["theme"].slug]),
                           {"action": "follow", "next": "/praktijkvoorbeelden/?thema=talent"})
    assert response["Location"] == "/praktijkvoorbeelden/?thema=talent"


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_safe_next_refuses_every_form(evil, secure):
    for request in (RequestFactory().get("/", {"next": evil}, secure=secure),
                    RequestFactory().post("/", {"next": evil}, secure=secure)):
        target = safe_next(request, "/standaard/")
        # Refused, or a path of ours that merely looks odd ("%2F%2Fevil.example" is a relative path here).
        assert target == "/standaard/" or stays_on_site(target), target


def _verified_user(email="lid@example.org"):
    user = factories.UserFactory(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_login_next_stays_on_site(client, db, evil):
    _verified_user()
    response = client.post(reverse("account_login") + "?" + _query(evil),
                           {"login": "lid@example.org", "password": PASSWORD, "next": evil})
    assert_stays_on_site(response, evil, in_query=True)
    assert ("_auth_user_id" in client.session) is ("\x00" not in evil)


@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_login_page_of_a_logged_in_user_stays_on_site(client, db, evil):
    client.force_login(_verified_user())
    response = client.get(reverse("account_login"), {"next": evil})
    assert_stays_on_site(response, evil, in_query=True)


@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_logout_next_stays_on_site(client, db, evil):
    client.force_login(_verified_user())
    response = client.post(reverse("account_logout"), {"next": evil})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("evil", OFF_SITE, ids=IDS)
def test_signup_next_stays_on_site(client, db, evil):
    response = client.post(reverse("account_signup") + "?" + _query(evil),
                           {"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD,
                            "next": evil})
    assert_stays_on_site(response, evil, in_query=True)


def test_a_forged_host_header_is_refused(client, db):
    """``safe_next`` trusts the request's host: a forged Host never gets that far (ALLOWED_HOSTS)."""
    users, objects = _world()
    client.force_login(users["member"])
    response = client.post(reverse("coalitions:theme_follow", args=[objects["theme"].slug]),
                           {"action": "follow", "next": "https://evil.example/"}, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert objects["theme"].followers.count() == 0
