"""Sign up: an address that has an account answers like a new one, in what it shows and in the work it does."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"


class CountingHasher(MD5PasswordHasher):
    """Django's test hasher, counting how often a password is hashed: the slow step of a real signup."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_signup.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def _sign_up(client, email, capture):
    with capture(execute=True):
        response = client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD,
                                                             "password2": PASSWORD}, follow=True)
    client.logout()
    return response


def _shown(response, email) -> tuple:
    """What the page shows, with the address typed in as a placeholder."""
    main = parse_html(response).find("main")
    messages = [str(m).replace(email, "{email}") for m in response.context["messages"]]
    return response.status_code, response.redirect_chain, messages, main.text.replace(email, "{email}")


def test_signup_with_an_existing_address_does_the_same_work_as_a_new_one(
        client, counting_hasher, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="bestaat@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    counting_hasher.calls = 0

    existing = _sign_up(client, "bestaat@example.org", django_capture_on_commit_callbacks)
    assert counting_hasher.calls == 1
    new = _sign_up(client, "nieuw@example.org", django_capture_on_commit_callbacks)
    assert counting_hasher.calls == 2

    assert _shown(existing, "bestaat@example.org") == _shown(new, "nieuw@example.org")
    assert existing.redirect_chain == [(reverse("account_email_verification_sent"), 302)]
    assert [str(m) for m in existing.context["messages"]] == ["Bevestigingsmail verstuurd naar bestaat@example.org."]
    assert sorted(OutboundEmail.objects.values_list("recipient", "kind")) == [
        ("bestaat@example.org", "account:account_already_exists"),
        ("nieuw@example.org", "account:email_confirmation_signup"),
    ]
