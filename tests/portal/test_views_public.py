"""Home, about with "vraag hulp", error pages, login page and the health check."""

from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from coalitions.models import HelpRequest
from moderation.models import ModerationState
from notifications.models import OutboundEmail
from portal.views.public import tip_of_the_day
from tests import factories
from tests.helpers import parse_html, text_of

pytestmark = pytest.mark.django_db


COUNTS = [3, 30]


@pytest.mark.parametrize("count", COUNTS)
def test_home_query_count(client, django_assert_num_queries, count):
    for _ in range(count):
        factories.EventFactory(themes=[factories.ThemeFactory()])
        factories.PracticeFactory(themes=[factories.ThemeFactory()])
        factories.TipFactory()
    # events, practices (with their theme names), the range of tip ids, tip of the day.
    with django_assert_num_queries(4):
        response = client.get(reverse("home"))
    assert len(response.context["upcoming_events"]) == min(count, 6)


def test_tip_of_the_day_changes_daily_and_skips_unpublished_tips():
    tips = [factories.TipFactory(title=f"Tip {n}") for n in range(3)]
    factories.TipFactory(title="Ingediend", state=ModerationState.SUBMITTED)
    day = date(2026, 12, 3)
    shown = [tip_of_the_day(day + timedelta(days=n)).title for n in range(8)]
    assert sorted(set(shown)) == ["Tip 0", "Tip 1", "Tip 2"]
    assert shown[:3] != shown[1:4] and shown[0] == shown[3] == shown[6]  # a new one each day, in turn
    assert tip_of_the_day(day) == tip_of_the_day(day)
    tips[1].state = ModerationState.HIDDEN
    tips[1].save()
    assert {tip_of_the_day(day + timedelta(days=n)).title for n in range(8)} == {"Tip 0", "Tip 2"}


def test_no_tip_of_the_day_without_published_tips():
    factories.TipFactory(state=ModerationState.SUBMITTED)
    assert tip_of_the_day(date(2026, 12, 3)) is None


def test_home_content(client):
    factories.EventFactory(title="Inspiratiemiddag Veendam")
    factories.PracticeFactory(title="Middagpauze in Winsum")
    factories.TipFactory(title="Begin klein")
    html = text_of(client.get(reverse("home")))
    assert '<html lang="nl">' in html
    assert "Inspiratiemiddag Veendam" in html and "Middagpauze in Winsum" in html
    assert "Begin klein" in html


def test_home_empty_states(client):
    html = text_of(client.get(reverse("home")))
    assert "Er zijn nog geen bijeenkomsten gepland." in html
    assert "Er zijn nog geen praktijkvoorbeelden gepubliceerd." in html


def test_about_lists_coordinators(client, django_assert_num_queries, region):
    coordinator = factories.RegionCoordinatorFactory(region=region, public_email="noord@example.org",
                                                     user__full_name="Anne de Vries")
    with django_assert_num_queries(4):
        html = text_of(client.get(reverse("about")))
    assert "Anne de Vries" in html and "noord@example.org" in html
    assert coordinator.region.name in html


def test_help_request_emails_coordinators_and_no_receipt_to_an_anonymous_address(
        client, region, mailoutbox, django_capture_on_commit_callbacks):
    factories.RegionCoordinatorFactory(region=region, user__email="coordinator@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("about"), {
            "region": region.pk, "name": "Saskia", "email": "saskia@example.org",
            "organisation": "IKC Schalkwijk", "question": "Hoe betrekken we ouders met een taalachterstand?",
        }, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Bedankt! Je vraag is verstuurd naar de regiocoördinatoren van regio Noord."]
    # Anyone can type any address: a receipt to it would let the form send mail to strangers.
    assert list(OutboundEmail.objects.values_list("recipient", "kind")) == [
        ("coordinator@example.org", "help-request")]
    assert [m.to for m in mailoutbox] == [["coordinator@example.org"]]
    to_coordinator = mailoutbox[0]
    assert "Hoe betrekken we ouders" in to_coordinator.body
    assert to_coordinator.extra_headers["Reply-To"] == "saskia@example.org"
    assert to_coordinator.alternatives and "IKC Schalkwijk" in to_coordinator.alternatives[0][0]


def test_about_page_says_who_gets_a_copy_of_the_question(client, region):
    note = parse_html(client.get(reverse("about"))).find("p", id="help-copy")
    assert note.text == ("De coördinator antwoordt op het e-mailadres dat je invult. Je krijgt geen kopie per "
                         "e-mail; log in als je die wel wilt.")
    user = factories.UserFactory(email="lid@example.org")
    client.force_login(user)
    note = parse_html(client.get(reverse("about"))).find("p", id="help-copy")
    assert note.text == ("Je krijgt een kopie van je vraag per e-mail als je het bevestigde e-mailadres van je "
                         "account invult.")


@pytest.mark.parametrize(("verified", "typed", "receipt"), [
    (True, "lid@example.org", True),
    (True, "LID@example.org", True),
    (True, "iemand-anders@example.org", False),
    (False, "lid@example.org", False),
])
def test_help_request_receipt_only_to_the_verified_address_of_the_logged_in_asker(
        client, region, verified, typed, receipt, django_capture_on_commit_callbacks):
    coordinator = factories.RegionCoordinatorFactory(region=region, user__email="coordinator@example.org")
    user = factories.UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("about"), {"region": region.pk, "name": "Saskia", "email": typed,
                                                  "question": "Hoe begin ik?"})
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    expected = [("coordinator@example.org", "help-request", coordinator.user_id)]
    if receipt:
        expected.append((typed, "help-request-receipt", user.pk))
    assert sorted(OutboundEmail.objects.values_list("recipient", "kind", "user"),
                  key=lambda row: row[1]) == expected
    assert (help_request.email, help_request.user) == (typed, user)


def test_help_request_invalid_keeps_input(client, region):
    response = client.post(reverse("about"), {"region": region.pk, "name": "Saskia", "email": "geen-email",
                                              "question": "Mijn vraag blijft staan"})
    html = text_of(response)
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in html
    assert "Mijn vraag blijft staan" in html and 'value="Saskia"' in html
    from coalitions.models import HelpRequest

    assert HelpRequest.objects.count() == 0


def test_friendly_404(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = text_of(response)
    assert "Deze pagina is niet gevonden" in html
    assert 'href="/praktijkvoorbeelden/"' in html


def test_login_page_in_dutch_and_site_layout(client):
    html = text_of(client.get(reverse("account_login")))
    heading = html[html.index("<h1>"):html.index("</h1>")]
    assert heading.split() == ["<h1>", "Inloggen"]
    assert "Wachtwoord vergeten?" in html
    assert 'class="site-header"' in html


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_help_requests_are_rate_limited(client, region):
    data = {"region": region.pk, "name": "Saskia", "email": "saskia@example.org", "question": "Vraag"}
    for _ in range(5):
        assert client.post(reverse("about"), data).status_code == 302
    response = client.post(reverse("about"), data)
    assert response.status_code == 200
    assert "Probeer het later opnieuw" in text_of(response)
    assert 'value="Saskia"' in text_of(response)
    assert HelpRequest.objects.count() == 5
