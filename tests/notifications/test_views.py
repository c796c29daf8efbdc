"""The unsubscribe page: a GET only asks, a POST (from the page or a mail client's one click) unsubscribes."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from notifications.unsubscribe import KINDS, unsubscribe_token
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

ALL_ON = ("weekly", True, True)


def preferences(user) -> tuple:
    user = User.objects.get(pk=user.pk)
    return user.digest_frequency, user.event_reminders_enabled, user.agreement_reminders_enabled


def shown(response) -> dict:
    """The page's heading, lead sentence, button and preferences link, as the reader sees them."""
    main = parse_html(response).find("main")
    button, lead, link = main.find("button"), main.find("p", cls="lead"), main.find("a", cls="button")
    return {"h1": main.find("h1").text, "lead": lead.text if lead else None, "button": button.text if button else None,
            "link": (link.text, link["href"]) if link else None}


def page_url(user, kind) -> str:
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)])


@pytest.fixture
def reader(db):
    return factories.UserFactory(email="lezer@example.org", digest_frequency="weekly")


@pytest.mark.parametrize(("kind", "question"), [
    ("digest", "Wil je het nieuwsoverzicht per e-mail niet meer ontvangen op lezer@example.org?"),
    ("event-reminders", "Wil je herinneringen voor bijeenkomsten waarvoor je je hebt aangemeld niet meer ontvangen "
                        "op lezer@example.org?"),
    ("agreement-reminders", "Wil je herinneringen over je vervolgafspraken niet meer ontvangen op lezer@example.org?"),
])
def test_get_asks_and_changes_nothing(client, reader, kind, question):
    response = client.get(page_url(reader, kind))
    assert response.status_code == 200
    assert shown(response) == {"h1": "Afmelden", "lead": question, "button": "Ja, afmelden",
                               "link": ("Mijn e-mailvoorkeuren", reverse("profile"))}
    assert client.head(page_url(reader, kind)).status_code == 200
    assert preferences(reader) == ALL_ON
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(("kind", "expected"), [
    ("digest", ("never", True, True)),
    ("event-reminders", ("weekly", False, True)),
    ("agreement-reminders", ("weekly", True, False)),
])
def test_post_from_the_page_unsubscribes_exactly_that_kind(client, reader, kind, expected):
    bystander = factories.UserFactory(email="ander@example.org", digest_frequency="weekly")
    url = page_url(reader, kind)
    form = parse_html(client.get(url)).find("main").find("form")
    assert (form["method"], form["action"]) == ("post", url)
    response = client.post(url)
    assert response.status_code == 200
    assert shown(response)["h1"] == "Je bent afgemeld"
    assert preferences(reader) == expected
    assert preferences(bystander) == ALL_ON
    # Opening the link again says so, and offers no button.
    again = shown(client.get(url))
    assert again["button"] is None
    assert again["lead"].startswith("Je bent al afgemeld voor ")


def test_confirmation_names_the_kind_and_links_to_the_preferences(client, reader):
    assert shown(client.post(page_url(reader, "digest"))) == {
        "h1": "Je bent afgemeld", "lead": "Je bent afgemeld voor het nieuwsoverzicht per e-mail op lezer@example.org.",
        "button": None, "link": ("Mijn e-mailvoorkeuren", reverse("profile")),
    }


def test_one_click_post_from_a_mail_client_without_csrf_token_or_cookies(reader):
    """RFC 8058: the mail client POSTs ``List-Unsubscribe=One-Click`` to the URL of the header, nothing else."""
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(page_url(reader, "event-reminders"), "List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert preferences(reader) == ("weekly", False, True)
    assert not mail_client.cookies  # nothing was needed, nothing was set


def test_the_preferences_link_asks_to_log_in_first(client, reader):
    client.post(page_url(reader, "digest"))
    response = client.get(reverse("profile"))
    assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_token_gets_a_friendly_dutch_404_and_changes_nothing(client, reader, method):
    token = unsubscribe_token(reader, "digest")
    for bad in (token[:-3] + "abc", "willekeurig", token.replace(":", "x", 1)):
        response = getattr(client, method)(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 404
        assert shown(response)["h1"] == "Deze afmeldlink is niet geldig"
    assert preferences(reader) == ALL_ON


def test_a_link_sent_to_a_former_address_no_longer_works(client, reader):
    url = page_url(reader, "digest")
    User.objects.filter(pk=reader.pk).update(email="nieuw@example.org")
    assert client.post(url).status_code == 404
    assert preferences(reader) == ALL_ON


def test_other_methods_are_refused(client, reader):
    assert client.put(page_url(reader, "digest")).status_code == 405
    assert preferences(reader) == ALL_ON


@pytest.mark.parametrize("count", [1, 5])
def test_unsubscribe_page_query_count(client, count, django_assert_num_queries):
    readers = [factories.UserFactory(email=f"lezer{n}@example.org") for n in range(count)]
    for reader in readers:
        for kind in KINDS:
            client.post(page_url(reader, kind))
    # The user of the token; nothing else (no session: the reader need not be logged in).
    with django_assert_num_queries(1):
        response = client.get(page_url(readers[-1], "digest"))
    assert response.status_code == 200
    # The user of the token, then the update in its transaction (savepoint, update, release).
    with django_assert_num_queries(4):
        response = client.post(page_url(readers[0], "event-reminders"))
    assert response.status_code == 200
