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


FORMAL = re.compile(r"\b(u|U|uw|Uw|UW)\b|a\.u\.b\.|alstublieft|\w+s e-mail\b|\w+ie e-mail\b")


def _page_text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_too_short_password_at_signup_is_refused_in_dutch(client):
    response = client.post(reverse("account_signup"), {
        "email": "nieuw@example.org", "password1": "kort-2026", "password2": "kort-2026"})
    assert response.status_code == 200
    assert response.context["form"].errors["password1"] == [
        "Dit wachtwoord is te kort: het moet minstens 10 tekens bevatten."]


def test_too_short_password_at_password_change_is_refused_in_dutch(client):
    user = factories.UserFactory(email="lid@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    response = client.post(reverse("account_change_password"), {
        "oldpassword": PASSWORD, "password1": "12345", "password2": "12345"})
    assert response.context["form"].errors["password1"] == [
        "Dit wachtwoord is te kort: het moet minstens 10 tekens bevatten.",
        "Dit wachtwoord is te algemeen.",
        "Dit wachtwoord bevat alleen cijfers.",
    ]


def test_password_rules_speak_informally(client):
    text = _page_text(client.get(reverse("account_signup")))
    assert "Je wachtwoord moet minstens 10 tekens bevatten." in text
    assert "Je wachtwoord mag niet alleen uit cijfers bestaan." in text


def test_account_pages_speak_informally(client):
    """The account pages a member sees use "je", never "u"/"uw" or "a.u.b.", and write compounds as one word."""
    pages = [client.get(reverse(name)) for name in [
        "account_signup", "account_login", "account_reset_password", "account_reset_password_done",
        "account_request_login_code", "account_email_verification_sent"]]
    user = factories.UserFactory(email="lid@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    pages += [client.get(reverse(name)) for name in ["account_change_password", "account_email"]]
    pages.append(client.post(reverse("account_change_password"), {
        "oldpassword": "fout", "password1": "1234567890", "password2": "1234567890"}))
    for response in pages:
        assert response.status_code == 200
        assert FORMAL.findall(_page_text(response)) == [], response.request["PATH_INFO"]


def test_resending_the_confirmation_says_bevestigingsmail(client, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_email"), {"action_send": "", "email": "lid@example.org"},
                               follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Bevestigingsmail verstuurd naar lid@example.org."]
    assert len(mail.outbox) == 1


def _email_form(response) -> str:
    return re.search(r'<form [^>]*id="email-list".*?</form>', response.content.decode(), re.S).group(0)


def test_email_page_with_one_address_has_no_radio_button(client):
    user = factories.UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    form = _email_form(client.get(reverse("account_email")))
    assert 'type="radio"' not in form
    assert '<input type="hidden" name="email" value="lid@example.org">' in form
    assert re.findall(r'<button type="submit" name="(\w+)"', form) == ["action_send"]
    EmailAddress.objects.filter(user=user).update(verified=True)
    form = _email_form(client.get(reverse("account_email")))
    assert re.findall(r'<button type="submit" name="(\w+)"', form) == []
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", form)).split() == [
        "Het", "e-mailadres", "van", "je", "account:", "lid@example.org", "Bevestigd", "Primair"]


def test_email_page_with_two_addresses_offers_a_choice(client):
    user = factories.UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="werk@example.org", verified=False, primary=False)
    client.force_login(user)
    form = _email_form(client.get(reverse("account_email")))
    assert re.findall(r'<input type="radio" name="email" id="[^"]+" value="([^"]+)"', form) == [
        "lid@example.org", "werk@example.org"]
    assert "<legend>Deze e-mailadressen horen bij je account:</legend>" in form
    assert re.findall(r'<button type="submit" name="(\w+)"', form) == ["action_primary", "action_send",
                                                                         "action_remove"]
