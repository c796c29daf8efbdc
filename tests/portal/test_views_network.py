"""A coalition's page and a learning network's page."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from coalitions.models import VisitProfile
from events.models import Event
from tests import factories
from tests.helpers import text_of
from tests.kennisportaal.test_permission_matrix import element_texts

pytestmark = pytest.mark.django_db


COUNTS = [3, 30]


@pytest.mark.parametrize("count", COUNTS)
def test_coalition_detail_query_count(client, django_assert_num_queries, count, coalition):
    now = timezone.now()
    for index in range(count):
        coalition.partners.add(factories.OrganisationFactory())
        coalition.municipalities.add(factories.MunicipalityFactory())
        factories.EventFactory(organiser=coalition)
        factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=index + 2),
                               ends_at=now - timedelta(days=index + 1))
        factories.PracticeFactory(coalition=coalition)
        factories.MembershipFactory(coalition=coalition, role="projectleider")
    profile = VisitProfile.objects.create(coalition=coalition, offer="Aanbiedersmarkt", wish="Talent")
    profile.offer_themes.set(factories.ThemeFactory.create_batch(count))
    profile.wish_themes.set(factories.ThemeFactory.create_batch(count))
    # coalition (+ work visit profile), municipalities, partners, the profile's two lists of themes, project
    # leaders, upcoming, past (event cards show no themes), practices (their theme names in the same query).
    with django_assert_num_queries(9):
        response = client.get(coalition.get_absolute_url())
    assert response.status_code == 200
    assert (len(response.context["upcoming_events"]), len(response.context["past_events"])) == (min(count, 5),) * 2


def test_coalition_detail_shows_work_visit_of_host(client, coalition):
    visitor = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    factories.EventFactory(title="Werkbezoek", kind=Event.Kind.WORK_VISIT, organiser=visitor, host=coalition)
    partner = factories.OrganisationFactory(name="Hanzehogeschool", kind="hogeschool")
    coalition.partners.add(partner)
    html = text_of(client.get(coalition.get_absolute_url()))
    assert "Werkbezoek" in html and "Hanzehogeschool" in html
    assert "Werkbezoek" in text_of(client.get(visitor.get_absolute_url()))


@pytest.mark.parametrize("count", COUNTS)
def test_network_pages_query_count(client, django_assert_num_queries, count):
    networks = [factories.LearningNetworkFactory() for _ in range(count)]
    for _ in range(count):
        factories.EventFactory(learning_network=networks[0], kind=Event.Kind.NETWORK_MEETING)
    with django_assert_num_queries(2):
        assert len(client.get(reverse("coalitions:network_list")).context["page"].object_list) == min(
            count, settings.PAGE_SIZE)
    # network, count (capped), page rows (the cards show no themes).
    with django_assert_num_queries(3):
        response = client.get(networks[0].get_absolute_url())
    assert len(response.context["page"].object_list) == min(count, settings.PAGE_SIZE)


def test_coalition_detail_splits_upcoming_and_past_events(client, coalition):
    now = timezone.now()
    for title, days in [("Volgende maand", 30), ("Volgende week", 7), ("Vorige week", -7), ("Vorige maand", -30)]:
        factories.EventFactory(title=title, organiser=coalition, starts_at=now + timedelta(days=days),
                               ends_at=now + timedelta(days=days, hours=3))
    response = client.get(coalition.get_absolute_url())
    assert [e.title for e in response.context["upcoming_events"]] == ["Volgende week", "Volgende maand"]
    assert [e.title for e in response.context["past_events"]] == ["Vorige week", "Vorige maand"]


def _region_world(region, coalition, count):
    now = timezone.now()
    for index in range(count):
        other = factories.CoalitionFactory(region=region)
        factories.RegionCoordinatorFactory(region=region, user=factories.UserFactory())
        factories.EventFactory(organiser=other, starts_at=now + timedelta(days=index + 1),
                               ends_at=now + timedelta(days=index + 1, hours=2),
                               themes=[factories.ThemeFactory()])
        factories.PracticeFactory(coalition=coalition, themes=[factories.ThemeFactory()])
    region.provinces.add(factories.ProvinceFactory())


@pytest.mark.parametrize("count", COUNTS)
def test_region_detail_query_count(client, django_assert_num_queries, count, region, coalition):
    _region_world(region, coalition, count)
    # region, provinces, coalitions, coordinators, upcoming events, practices (with their theme names).
    with django_assert_num_queries(6):
        response = client.get(region.get_absolute_url())
    assert len(response.context["practices"]) == min(count, 6)
    assert len(response.context["upcoming_events"]) == min(count, 5)


@pytest.mark.parametrize("count", COUNTS)
def test_region_detail_query_count_logged_in(client, django_assert_num_queries, count, region, coalition):
    _region_world(region, coalition, count)
    client.force_login(factories.UserFactory())
    # session, user, the six of the page, whether the member follows the region, the menu's moderator check.
    with django_assert_num_queries(10):
        response = client.get(region.get_absolute_url())
    assert response.context["following"] is False


def test_region_detail_shows_its_own_coalitions_coordinators_events_and_practices(client, region, coalition):
    other_region = factories.RegionFactory(name="Zuid", slug="zuid")
    elsewhere = factories.CoalitionFactory(name="Limburg", region=other_region)
    coordinator = factories.UserFactory(full_name="Coördinator Noord")
    factories.RegionCoordinatorFactory(region=region, user=coordinator, public_email="noord@example.org")
    factories.RegionCoordinatorFactory(region=other_region, user=factories.UserFactory(full_name="Coördinator Zuid"))
    now = timezone.now()
    factories.EventFactory(title="Inspiratiemiddag", organiser=coalition)
    factories.EventFactory(title="Afgelopen middag", organiser=coalition, starts_at=now - timedelta(days=3),
                           ends_at=now - timedelta(days=3, hours=-2))
    factories.EventFactory(title="Werkbezoek Zuid", organiser=elsewhere)
    factories.EventFactory(title="Afgelast", organiser=coalition, cancelled_at=now)
    factories.PracticeFactory(title="Voorbeeld Noord", coalition=coalition)
    factories.PracticeFactory(title="Concept Noord", coalition=coalition, state="draft", published_at=None)
    factories.PracticeFactory(title="Voorbeeld Zuid", coalition=elsewhere)
    response = client.get(reverse("region_detail", args=[region.slug]))
    assert [c.name for c in response.context["coalitions"]] == [coalition.name]
    assert [c.user.full_name for c in response.context["coordinators"]] == ["Coördinator Noord"]
    assert [e.title for e in response.context["upcoming_events"]] == ["Inspiratiemiddag"]
    assert [p.title for p in response.context["practices"]] == ["Voorbeeld Noord"]
    texts = element_texts(response.content.decode())
    assert "Regio Noord" in texts
    assert "Coördinator Noord · noord@example.org" in texts
    html = response.content.decode()
    assert f'href="{reverse("about")}?regio={region.slug}#help-form"' in html
    assert f'href="{reverse("practices:list")}?region={region.slug}"' in html
    assert f'href="{reverse("events:list")}?region={region.slug}"' in html
    assert f'href="{reverse("coalitions:list")}?region={region.slug}"' in html


def test_region_detail_lists_are_bounded(client, region, coalition):
    for index in range(8):
        factories.PracticeFactory(title=f"Voorbeeld {index}", coalition=coalition,
                                  published_at=timezone.now() - timedelta(days=index))
    response = client.get(region.get_absolute_url())
    assert [p.title for p in response.context["practices"]] == [f"Voorbeeld {index}" for index in range(6)]


def test_region_detail_empty_states_in_dutch(client):
    region = factories.RegionFactory(name="Oost", slug="oost")
    texts = element_texts(client.get(region.get_absolute_url()).content.decode())
    assert {
        "Aan deze regio is nog geen coördinator gekoppeld.",
        "Er zijn nog geen coalities in deze regio.",
        "Geen komende bijeenkomsten in deze regio.",
        "Er zijn nog geen praktijkvoorbeelden uit deze regio gepubliceerd.",
    } <= texts


def test_region_detail_of_an_unknown_region_is_404(client, region):
    assert client.get(reverse("region_detail", args=["nergens"])).status_code == 404


def test_region_names_link_to_the_region_page(client, region, coalition):
    practice = factories.PracticeFactory(coalition=coalition)
    link = f'<a href="/regio/{region.slug}/">{region.name}</a>'
    assert link in client.get(coalition.get_absolute_url()).content.decode()
    assert link in client.get(practice.get_absolute_url()).content.decode()
    assert link in client.get(reverse("about")).content.decode()
