"""A coalition's page and a learning network's page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests import factories
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


COUNTS = [1, 20]


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
    # coalition, municipalities, partners, project leaders, upcoming (+themes), past (+themes),
    # practices (+themes).
    with django_assert_num_queries(10):
        response = client.get(coalition.get_absolute_url())
    assert response.status_code == 200


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
        assert len(client.get(reverse("coalitions:network_list")).context["page"].object_list) == count
    # network, count, page rows, themes prefetch.
    with django_assert_num_queries(4):
        response = client.get(networks[0].get_absolute_url())
    assert len(response.context["page"].object_list) == count


def test_coalition_detail_splits_upcoming_and_past_events(client, coalition):
    now = timezone.now()
    for title, days in [("Volgende maand", 30), ("Volgende week", 7), ("Vorige week", -7), ("Vorige maand", -30)]:
        factories.EventFactory(title=title, organiser=coalition, starts_at=now + timedelta(days=days),
                               ends_at=now + timedelta(days=days, hours=3))
    response = client.get(coalition.get_absolute_url())
    assert [e.title for e in response.context["upcoming_events"]] == ["Volgende week", "Volgende maand"]
    assert [e.title for e in response.context["past_events"]] == ["Vorige week", "Vorige maand"]
