"""Brute force is locked out: allauth's rate limits (65.x defaults, ACCOUNT_RATE_LIMITS not overridden) and
core's limit on "vraag hulp", tested at their exact thresholds.

- login_failed "10/m/ip,5/300s/key": after 5 wrong passwords for an address even the right one is refused,
  for 5 minutes; after 10 failures from one IP any address is refused, for a minute.
- login "30/m/ip", signup "20/m/ip", reset_password "20/m/ip,5/m/key", request_login_code "20/m/ip,3/m/key".
- "vraag hulp" (portal.views.public.about): 5 questions per hour per IP.
"""

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coalitions.models import HelpRequest
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"
LOCKED = "Te veel inlogpogingen. Probeer het later nogmaals."
TOO_MANY_PAGE = "Je hebt dit te vaak geprobeerd in korte tijd. Wacht een paar minuten en probeer het opnieuw."


def _user(email):
    user = factories.UserFactory(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _errors(response) -> list[str]:
    """The form errors of a page: the general ones and those of each field."""
    page = parse_html(response)
    return [node.text for node in page.find_all(cls="form-errors") + page.find_all(cls="field-error")]


@pytest.mark.parametrize("failures", [4, 5])
def test_the_right_password_is_refused_after_five_wrong_ones(client, failures):
    _user("doelwit@example.org")
    for _ in range(failures):
        response = _login(client, "doelwit@example.org", "fout-wachtwoord")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    response = _login(client, "doelwit@example.org", PASSWORD)
    if failures == 4:
        assert response.status_code == 302
        assert "_auth_user_id" in client.session
    else:
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
        assert LOCKED in response.content.decode()


def test_the_lock_is_per_address_and_lifts_after_five_minutes(client):
    _user("doelwit@example.org")
    _user("ander@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(5):
            _login(client, "doelwit@example.org", "fout-wachtwoord")
        # Another address from the same IP still logs in (4 more failures stay under the IP's limit of 10).
        other = Client()
        assert _login(other, "ander@example.org", PASSWORD).status_code == 302
        clock.shift(timedelta(seconds=299))
        assert LOCKED in _login(client, "doelwit@example.org", PASSWORD).content.decode()
        clock.shift(timedelta(seconds=302))
        response = _login(client, "doelwit@example.org", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_ten_failures_from_one_ip_lock_every_address_for_a_minute(client):
    _user("doelwit@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for n in range(10):
            assert LOCKED not in _login(client, f"gok{n}@example.org", "fout-wachtwoord").content.decode()
        response = _login(client, "doelwit@example.org", PASSWORD)
        assert LOCKED in response.content.decode()
        assert "_auth_user_id" not in client.session
        # Another IP is not affected.
        elsewhere = Client(REMOTE_ADDR="192.0.2.7")
        assert _login(elsewhere, "doelwit@example.org", PASSWORD).status_code == 302
        clock.shift(timedelta(seconds=61))
        assert _login(client, "doelwit@example.org", PASSWORD).status_code == 302


def test_login_attempts_per_ip_are_limited_to_thirty_a_minute():
    _user("doelwit@example.org")
    with time_machine.travel(timezone.now(), tick=False):
        for n in range(30):
            response = Client().post(reverse("account_login"), {"login": f"x{n}@example.org"})  # no password
            assert response.status_code == 200
        response = Client().post(reverse("account_login"), {"login": "doelwit@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert TOO_MANY_PAGE in response.content.decode()


def test_password_reset_for_one_address_is_limited_to_five_a_minute(client):
    _user("doelwit@example.org")
    url = reverse("account_reset_password")
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [client.post(url, {"email": "doelwit@example.org"}).status_code for _ in range(5)]
        sent = OutboundEmail.objects.filter(recipient="doelwit@example.org").count()
        refused = client.post(url, {"email": "doelwit@example.org"})
        other = client.post(url, {"email": "ander@example.org"})
    assert statuses == [302] * 5
    assert refused.status_code == 429
    assert OutboundEmail.objects.filter(recipient="doelwit@example.org").count() == sent
    assert other.status_code == 302


def test_password_reset_from_one_ip_is_limited_to_twenty_a_minute(client):
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [client.post(reverse("account_reset_password"), {"email": f"p{n}@example.org"}).status_code
                    for n in range(21)]
    assert statuses == [302] * 20 + [429]


def test_the_429_page_is_dutch(client):
    _user("doelwit@example.org")
    for _ in range(6):
        response = client.post(reverse("account_reset_password"), {"email": "doelwit@example.org"})
    assert response.status_code == 429
    page = parse_html(response)
    assert page.find("h1").text == "Te veel pogingen"
    assert page.find("p", cls="lead").text == TOO_MANY_PAGE


def test_login_codes_for_one_address_are_limited_to_three_a_minute():
    _user("doelwit@example.org")
    with time_machine.travel(timezone.now(), tick=False):
        responses = [Client().post(reverse("account_request_login_code"), {"email": "doelwit@example.org"})
                     for _ in range(4)]
    assert [r.status_code for r in responses] == [302, 302, 302, 200]
    assert LOCKED in responses[-1].content.decode()
    assert OutboundEmail.objects.filter(recipient="doelwit@example.org").count() == 3


def test_signups_from_one_ip_are_limited_to_twenty_a_minute():
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [Client().post(reverse("account_signup"), {
            "email": f"nieuw{n}@example.org", "password1": PASSWORD, "password2": PASSWORD}).status_code
            for n in range(21)]
    assert statuses == [302] * 20 + [429]
    assert EmailAddress.objects.filter(email__startswith="nieuw").count() == 20


def test_help_requests_are_limited_to_five_an_hour_per_ip(client):
    region = factories.RegionFactory(name="Noord", slug="noord")
    data = {"region": region.pk, "name": "Sanne", "email": "sanne@example.org", "organisation": "OBS"}
    with time_machine.travel(timezone.now(), tick=False) as clock:
        statuses = [client.post(reverse("about"), {**data, "question": f"Vraag {n}"}).status_code for n in range(6)]
        refused = client.post(reverse("about"), {**data, "question": "Vraag 7"})
        elsewhere = Client(REMOTE_ADDR="192.0.2.7").post(reverse("about"), {**data, "question": "Vraag 8"})
        if settings.REDIS_URL:
            # Redis expires the window by its own clock, which the test cannot move: the counter lives an hour.
            ttl = cache._cache.get_client(write=False).ttl(cache.make_key("ratelimit:help-request:127.0.0.1"))
            assert 3500 < ttl <= 3600
            cache.delete("ratelimit:help-request:127.0.0.1")
        else:
            clock.shift(timedelta(seconds=3601))
        later = client.post(reverse("about"), {**data, "question": "Vraag 9"})
    assert statuses == [302] * 5 + [200]
    assert refused.status_code == 200
    assert "Je hebt in korte tijd meerdere vragen gestuurd. Probeer het later opnieuw." in _errors(refused)
    # What was typed stays in the form.
    assert parse_html(refused).find("textarea", name="question").text == "Vraag 7"
    assert elsewhere.status_code == 302
    assert later.status_code == 302
    assert sorted(HelpRequest.objects.values_list("question", flat=True)) == [
        "Vraag 0", "Vraag 1", "Vraag 2", "Vraag 3", "Vraag 4", "Vraag 8", "Vraag 9"]
