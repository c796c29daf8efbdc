"""Home, about with "vraag hulp", error pages, login page and the health check."""

import pytest
from django.urls import reverse

from tests import factories
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


COUNTS = [1, 20]


@pytest.mark.parametrize("count", COUNTS)
def test_home_query_count(client, django_assert_num_queries, count):
    for _ in range(count):
        factories.EventFactory(themes=[factories.ThemeFactory()])
        factories.PracticeFactory(themes=[factories.ThemeFactory()])
        factories.TipFactory()
    # events (+themes), practices (+themes), tip count, tip of the day.
    with django_assert_num_queries(6):
        response = client.get(reverse("home"))
    assert len(response.context["upcoming_events"]) == min(count, 6)


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


def test_help_request_emails_coordinators(client, region, mailoutbox, django_capture_on_commit_callbacks):
    coordinator = factories.RegionCoordinatorFactory(region=region, user__email="coordinator@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("about"), {
            "region": region.pk, "name": "Saskia", "email": "saskia@example.org",
            "organisation": "IKC Schalkwijk", "question": "Hoe betrekken we ouders met een taalachterstand?",
        }, follow=True)
    assert "Je vraag is verstuurd" in text_of(response) or "Bedankt" in text_of(response)
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == ["coordinator@example.org", "saskia@example.org"]
    to_coordinator = next(m for m in mailoutbox if m.to == [coordinator.user.email])
    assert "Hoe betrekken we ouders" in to_coordinator.body
    assert to_coordinator.extra_headers["Reply-To"] == "saskia@example.org"
    assert to_coordinator.alternatives and "IKC Schalkwijk" in to_coordinator.alternatives[0][0]


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
    from coalitions.models import HelpRequest

    data = {"region": region.pk, "name": "Saskia", "email": "saskia@example.org", "question": "Vraag"}
    for _ in range(5):
        assert client.post(reverse("about"), data).status_code == 302
    response = client.post(reverse("about"), data)
    assert response.status_code == 200
    assert "Probeer het later opnieuw" in text_of(response)
    assert 'value="Saskia"' in text_of(response)
    assert HelpRequest.objects.count() == 5
