"""Unsubscribe links: signed per user, kind and address; the RFC 8058 headers; the preference each kind turns off."""

import pytest
from django.core import signing

from accounts.models import User
from notifications.services import unsubscribe
from notifications.unsubscribe import (
    KINDS,
    UNSUBSCRIBE_SALT,
    UnsubscribeLinks,
    read_unsubscribe_token,
    unsubscribe_context,
    unsubscribe_headers,
    unsubscribe_token,
    unsubscribe_url,
)
from tests import factories

pytestmark = pytest.mark.django_db


def preferences(user) -> tuple:
    user = User.objects.get(pk=user.pk)
    return user.digest_frequency, user.event_reminders_enabled, user.agreement_reminders_enabled


def test_kinds_are_the_three_kinds_of_bulk_email():
    assert KINDS == ("digest", "event-reminders", "agreement-reminders")


@pytest.mark.parametrize("kind", KINDS)
def test_a_token_reads_back_as_its_user_and_kind(kind):
    user = factories.UserFactory(email="lid@example.org")
    factories.UserFactory(email="ander@example.org")
    assert read_unsubscribe_token(unsubscribe_token(user, kind)) == (user, kind)


def test_a_tampered_token_is_refused():
    user = factories.UserFactory(email="lid@example.org")
    token = unsubscribe_token(user, "digest")
    value, signature = token.rsplit(":", 1)
    assert read_unsubscribe_token(value + ":" + signature[::-1]) is None
    assert read_unsubscribe_token(token[:-1]) is None
    assert read_unsubscribe_token("") is None
    assert read_unsubscribe_token("geen-token") is None


def test_a_token_cannot_be_turned_into_another_kind_or_user():
    user = factories.UserFactory(email="lid@example.org")
    other = factories.UserFactory(email="ander@example.org")
    good = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(unsubscribe_token(user, "event-reminders"))
    # The same payload with another kind or user, signed without the key, does not verify.
    forged_kind = signing.Signer(key="niet-de-sleutel", salt=UNSUBSCRIBE_SALT).sign_object({**good, "k": "digest"})
    forged_user = signing.Signer(key="niet-de-sleutel", salt=UNSUBSCRIBE_SALT).sign_object({**good, "u": other.pk})
    assert read_unsubscribe_token(forged_kind) is None
    assert read_unsubscribe_token(forged_user) is None
    # Signed with the key but for another purpose (another salt): refused too.
    assert read_unsubscribe_token(signing.Signer(salt="kennisportaal.agreement-close").sign_object(good)) is None
    # A kind we do not know, even when properly signed, is refused.
    assert read_unsubscribe_token(signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({**good, "k": "alles"})) is None


def test_a_token_stops_working_when_the_address_changes_and_works_again_for_the_new_one():
    user = factories.UserFactory(email="oud@example.org")
    old = unsubscribe_token(user, "digest")
    User.objects.filter(pk=user.pk).update(email="nieuw@example.org")
    assert read_unsubscribe_token(old) is None
    user.refresh_from_db()
    assert read_unsubscribe_token(unsubscribe_token(user, "digest")) == (user, "digest")


def test_a_token_of_a_deleted_user_is_refused():
    user = factories.UserFactory(email="weg@example.org")
    token = unsubscribe_token(user, "digest")
    user.delete()
    assert read_unsubscribe_token(token) is None


def test_url_and_headers(settings):
    settings.SITE_URL = "https://kennisportaal.example.nl"
    user = factories.UserFactory(email="lid@example.org")
    url = unsubscribe_url(user, "agreement-reminders")
    token = unsubscribe_token(user, "agreement-reminders")
    assert url == f"https://kennisportaal.example.nl/e-mail/afmelden/{token}/"
    assert unsubscribe_headers(user, "agreement-reminders") == {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@pytest.mark.parametrize("kind", KINDS)
def test_bulk_links_are_the_same_as_the_single_ones(settings, kind):
    settings.SITE_URL = "https://kennisportaal.example.nl"
    links = UnsubscribeLinks(kind)
    for email in ("lid@example.org", "Iemand.Anders+tag@Example.ORG"):
        user = factories.UserFactory(email=email)
        assert links.url(user) == unsubscribe_url(user, kind)
        assert links.headers_and_context(user) == (unsubscribe_headers(user, kind), unsubscribe_context(user, kind))
        assert read_unsubscribe_token(links.url(user).split("/")[-2]) == (user, kind)


def test_an_unknown_kind_is_a_programming_error():
    user = factories.UserFactory()
    with pytest.raises(ValueError, match="alles"):
        unsubscribe_url(user, "alles")
    with pytest.raises(ValueError, match="alles"):
        UnsubscribeLinks("alles")
    with pytest.raises(ValueError, match="alles"):
        unsubscribe(user, "alles")


@pytest.mark.parametrize(("kind", "expected"), [
    ("digest", ("never", True, True)),
    ("event-reminders", ("daily", False, True)),
    ("agreement-reminders", ("daily", True, False)),
])
def test_unsubscribe_turns_off_exactly_one_kind_once(kind, expected):
    user = factories.UserFactory(email="lid@example.org", digest_frequency="daily")
    bystander = factories.UserFactory(email="ander@example.org", digest_frequency="daily")
    assert unsubscribe(user, kind) is True
    assert preferences(user) == expected
    assert unsubscribe(user, kind) is False  # twice: nothing more to turn off
    assert preferences(user) == expected
    assert preferences(bystander) == ("daily", True, True)
