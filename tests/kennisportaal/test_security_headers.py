"""Security headers on every response, and pages the Content-Security-Policy can serve unchanged.

Every URL of the URL conf is requested as every role through the permission matrix's cases (imported, not
copied: a new page gets its case there and is checked here too), plus the admin's and allauth's pages that the
matrix leaves to one representative. Each response carries the exact policy and the other security headers;
every HTML page holds no inline script, style, event handler or javascript: URL, which the policy would block.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from coalitions.models import MemberProfile
from core.text import render_markdown
from events.models import Registration
from moderation.models import ModerationLogEntry, ModerationState
from notifications.models import OutboundEmail
from tests import factories
from tests.core.test_text import CORPUS as XSS_CORPUS
from tests.helpers import clear_own_cache
from tests.kennisportaal import test_permission_matrix as matrix
from tests.kennisportaal.test_permission_matrix import CASES, ROLES, our_url_names
from tools.models import JoinRequest

world = matrix.world  # the matrix's fixture: its users in every role and an object of every kind

POLICY = {
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}
# An uploaded attachment is sent with its own, stricter policy (practices.views.practice.practice_attachment).
ATTACHMENT_POLICY = {"sandbox", "default-src 'none'"}
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy_of(response) -> set[str]:
    """The policy's directives; django-csp writes them in no fixed order."""
    return set(response["Content-Security-Policy"].split("; "))


def assert_security_headers(response, label: str):
    sends_a_file = label.startswith("practices:attachment") and response.status_code == 200
    expected = ATTACHMENT_POLICY if sends_a_file else POLICY
    assert policy_of(response) == expected, label
    assert "Content-Security-Policy-Report-Only" not in response, label
    assert {name: response.get(name) for name in OTHER_HEADERS} == OTHER_HEADERS, label


class InlineCode(HTMLParser):
    """What a policy without 'unsafe-inline' blocks: inline scripts, style blocks and attributes, handlers."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> block")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_inline_code_finder_finds_each_kind():
    html = (
        '<script>alert(1)</script><script src="/static/js/formset.js"></script><style>p{}</style>'
        '<p style="color:red">x</p><button onclick="go()">x</button><a href=" JavaScript:go()">x</a>'
        '<svg><rect onload="x()"/></svg><form action="javascript:void(0)"></form><a href="/ok">ok</a>'
    )
    assert inline_code(html) == [
        "<script> without src", "<style> block", '<p style="color:red">', "<button onclick=…>",
        "<a href= JavaScript:go()>", "<rect onload=…>", "<form action=javascript:void(0)>",
    ]


def request(case, objects, client):
    data = case.data
    if data is None:  # the matrix's attendance form: the one registration shown, marked as present
        pk = str(Registration.objects.get(event=objects["event"]).pk)
        data = {"shown": [pk], "attended": [pk]}
    return getattr(client, case.method)(case.url(objects), data)


def each_role(case, world) -> list:
    """(role, response) for every role, each request in a transaction rolled back afterwards, so a POST by one
    role leaves the world as it was for the next: every response is the one the matrix expects."""
    users, objects = world
    responses = []
    for role in ROLES:
        clear_own_cache()  # rate limits
        with transaction.atomic():
            client = Client()
            if role != "anonymous":
                client.force_login(users[role])
            responses.append((role, request(case, objects, client)))
            transaction.set_rollback(True)
    for role, response in responses:
        assert response.status_code == case.expected[role], f"{case.name} as {role}"
    return responses


def test_the_cases_cover_every_url_of_ours():
    assert {case.name.split(" (")[0] for case in CASES} >= our_url_names()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_response_carries_the_security_headers(world, case):
    for role, response in each_role(case, world):
        assert_security_headers(response, f"{case.name} as {role}")


PAGE_CASES = [case for case in CASES if case.method == "get" and 200 in case.expected.values()]


@pytest.mark.parametrize("case", PAGE_CASES, ids=[case.name for case in PAGE_CASES])
def test_pages_hold_no_inline_script_or_style(world, case):
    for role, response in each_role(case, world):
        if response.status_code == 200:
            is_html = response["Content-Type"].startswith("text/html")
            assert is_html == (case.name not in NOT_HTML), f"{case.name} as {role}: {response['Content-Type']}"
            if is_html:
                assert inline_code(response.content.decode()) == [], f"{case.name} as {role}"


# Cases whose 200 answer is a file, a feed, a calendar or JSON rather than a page.
NOT_HTML = {"healthz", "health", "my_data_json", "region_funnel_csv", "practices:attachment", "feed_practices",
            "events:registrations_csv", "events:ics", "events:personal_calendar", "region_calendar",
            "coalition_calendar", "feed_events", "coalitions:names"}


# --- Theirs: the admin and allauth pages the site uses, as the one who sees them ----------------------------


@dataclass
class Page:
    name: str
    url: Callable[[dict], str]
    role: str  # "anonymous", "member" or "staff"
    status: int = 200
    # An admin add form: 200, or 403 where the model's admin allows no adding (the outbox, the moderation log).
    adds_to: type | None = None


def _admin_pages() -> list[Page]:
    pages = [Page("admin:index", lambda o: reverse("admin:index"), "staff"),
             Page("admin:password_change", lambda o: reverse("admin:password_change"), "staff")]
    for model in admin.site._registry:
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        pages.append(Page(f"admin:{info}_changelist", lambda o, i=info: reverse(f"admin:{i}_changelist"), "staff"))
        pages.append(Page(f"admin:{info}_add", lambda o, i=info: reverse(f"admin:{i}_add"), "staff", adds_to=model))
        pages.append(Page(f"admin:{info}_change", lambda o, m=model, i=info: reverse(
            f"admin:{i}_change", args=[m._default_manager.order_by("pk").values_list("pk", flat=True).first()]),
            "staff"))
    return pages


ACCOUNT_PAGES = [
    Page("account_login", lambda o: reverse("account_login"), "anonymous"),
    Page("account_signup", lambda o: reverse("account_signup"), "anonymous"),
    Page("account_reset_password", lambda o: reverse("account_reset_password"), "anonymous"),
    Page("account_reset_password_done", lambda o: reverse("account_reset_password_done"), "anonymous"),
    Page("account_request_login_code", lambda o: reverse("account_request_login_code"), "anonymous"),
    Page("account_email_verification_sent", lambda o: reverse("account_email_verification_sent"), "anonymous"),
    Page("account_logout", lambda o: reverse("account_logout"), "member"),
    Page("account_email", lambda o: reverse("account_email"), "member"),
    Page("account_change_password", lambda o: reverse("account_change_password"), "member"),
    Page("page not found", lambda o: "/bestaat-niet/", "anonymous", 404),
]
THEIR_PAGES = _admin_pages() + ACCOUNT_PAGES


@pytest.fixture
def admin_rows(world):
    """One row of each model the matrix's world leaves empty, so every admin change form opens."""
    users, objects = world
    municipality = factories.MunicipalityFactory(name="Veendam", province=factories.ProvinceFactory(name="Groningen"))
    factories.OrganisationFactory(name="OBS De Regenboog", municipality=municipality)
    Group.objects.create(name="Redactie")
    EmailAddress.objects.create(user=users["member"], email="lid@example.org", verified=True, primary=True)
    OutboundEmail.objects.create(recipient="lid@example.org", kind="registration", idempotency_key="matrix-1",
                                 subject="Aangemeld", body_text="Je bent aangemeld.", body_html="<p>Aangemeld</p>")
    MemberProfile.objects.create(user=users["member"], region=objects["north"])
    ModerationLogEntry.objects.create(item=objects["published"], actor=users["coord_own"],
                                      from_state=ModerationState.SUBMITTED, to_state=ModerationState.PUBLISHED)
    JoinRequest.objects.create(tool=objects["tool"], user=users["pl_own"], message="Wij doen graag mee.")
    return world


@pytest.mark.parametrize("page", THEIR_PAGES, ids=[page.name for page in THEIR_PAGES])
def test_admin_and_account_pages_carry_the_headers_and_no_inline_code(client, admin_rows, page):
    users, objects = admin_rows
    if page.role != "anonymous":
        client.force_login(users[page.role])
    response = client.get(page.url(objects))
    status = page.status
    if page.adds_to and not admin.site._registry[page.adds_to].has_add_permission(response.wsgi_request):
        status = 403
    assert response.status_code == status, page.name
    assert_security_headers(response, page.name)
    assert inline_code(response.content.decode()) == [], page.name


@pytest.mark.parametrize("payload", XSS_CORPUS + ['<p style="color:red">rood</p>', "<style>p{}</style>"])
def test_markdown_output_holds_no_inline_code(payload):
    html = render_markdown(f"Tekst met *nadruk* en [een link](https://example.org/).\n\n{payload}")
    assert '<a href="https://example.org/" rel="nofollow noopener noreferrer">een link</a>' in html
    assert inline_code(html) == []


def test_the_server_error_page_holds_no_inline_code():
    html = render_to_string("500.html")
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert inline_code(html) == []


# --- HTTPS behind the proxy, HSTS and cookies, with the production values -----------------------------------


@pytest.fixture
def production_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True


def test_plain_http_is_redirected_to_https(client, db, production_https):
    response = client.get("/over/?x=1", headers={"X-Forwarded-Proto": "http"})
    assert (response.status_code, response["Location"]) == (301, "https://testserver/over/?x=1")
    assert policy_of(response) == POLICY
    assert "Strict-Transport-Security" not in response


def test_https_through_the_proxy_is_served_with_hsts(client, db, production_https):
    response = client.get(reverse("about"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert_security_headers(response, "about")


def test_cookies_are_secure_and_http_only(client, db, production_https):
    user = factories.UserFactory(email="lid@example.org")
    user.set_password("een-heel-lang-wachtwoord-2026")
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    https = {"X-Forwarded-Proto": "https"}
    form = client.get(reverse("account_login"), headers=https)
    csrf = form.cookies["csrftoken"]
    assert (csrf["secure"], csrf["httponly"], csrf["samesite"]) == (True, True, "Lax")
    response = client.post(reverse("account_login"), {"login": "lid@example.org",
                                                      "password": "een-heel-lang-wachtwoord-2026"}, headers=https)
    assert (response.status_code, response["Location"]) == (302, "/")
    session = response.cookies["sessionid"]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")
