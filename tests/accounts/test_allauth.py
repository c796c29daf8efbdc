"""Accounts through allauth: sign up with verification, login by code, password reset, rate limits."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from notifications.models import OutboundEmail
from tests import factories

pytestmark = pytest.mark.django_db


PASSWORD = "een-lang-wachtwoord-2026"


def _link(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def test_signup_requires_verification_and_emails_go_through_the_outbox(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {
            "email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD,
        })
    assert response.status_code == 302
    assert OutboundEmail.objects.filter(recipient="nieuw@example.org", kind__startswith="account:").count() == 1
    assert len(mail.outbox) == 1
    # Not verified yet: logging in leads to the "verify your email" page, not into the portal.
    client.logout()
    login = client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD})
    assert login["Location"] == reverse("account_email_verification_sent")

    confirm_url = _link(mail.outbox[0].body)
    client.post(confirm_url)
    assert EmailAddress.objects.get(email="nieuw@example.org").verified
    client.logout()
    login = client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD})
    assert login["Location"] == reverse("home")


def test_login_by_emailed_code(client, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="code@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_request_login_code"), {"email": "code@example.org"})
    body = mail.outbox[0].body
    assert "Kennisportaal" in body
    code = re.search(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b", body).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("my_portal")).status_code == 200


def test_password_reset_does_not_reveal_accounts(client, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="bekend@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("account_reset_password"), {"email": "bekend@example.org"})
        unknown = client.post(reverse("account_reset_password"), {"email": "onbekend@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert sorted(m.to[0] for m in mail.outbox) == ["bekend@example.org", "onbekend@example.org"]


def test_signup_with_existing_address_looks_the_same(client, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="bestaat@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        existing = client.post(reverse("account_signup"), {
            "email": "bestaat@example.org", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(reverse("account_signup"), {
            "email": "nogniet@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert existing.status_code == new.status_code == 302
    assert existing["Location"] == new["Location"]


def test_failed_logins_are_rate_limited(client):
    user = factories.UserFactory(email="doelwit@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "doelwit@example.org", "password": "fout-wachtwoord"})
    response = client.post(reverse("account_login"), {"login": "doelwit@example.org", "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Te veel" in response.content.decode()


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_pages_in_dutch(client):
    for name in ["account_signup", "account_reset_password", "account_request_login_code"]:
        html = client.get(reverse(name)).content.decode()
        assert 'class="site-header"' in html
        assert "E-mail" in html
