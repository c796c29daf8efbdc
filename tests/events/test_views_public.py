"""The public event pages: list, filters, detail, stands and seats."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from moderation.models import ModerationState
from tests import factories
from tests.helpers import parse_html, text_of

pytestmark = pytest.mark.django_db


COUNTS = [3, 30]


@pytest.mark.parametrize("count", COUNTS)
def test_event_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.EventFactory(themes=[theme])
    # count, page rows (the cards show no themes), seats taken on the page, and the region and theme choices of
    # the form in one query (the coalition is typed: its suggestions come from the names endpoint).
    with django_assert_num_queries(4):
        response = client.get(reverse("events:list"))
    assert len(response.context["page"].object_list) == min(count, settings.PAGE_SIZE)


def test_event_list_upcoming_and_past(client, coalition):
    now = timezone.now()
    factories.EventFactory(title="Werkbezoek Maastricht", organiser=coalition,
                           starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30, hours=-6))
    factories.EventFactory(title="Vervolg Veendam", organiser=coalition, starts_at=now + timedelta(days=7))
    factories.EventFactory(title="Later", organiser=coalition, starts_at=now + timedelta(days=70))
    factories.EventFactory(title="Verborgen", organiser=coalition, state=ModerationState.HIDDEN)
    upcoming = client.get(reverse("events:list"))
    past = client.get(reverse("events:list"), {"when": "afgelopen"})
    assert [e.title for e in upcoming.context["page"]] == ["Vervolg Veendam", "Later"]
    assert [e.title for e in past.context["page"]] == ["Werkbezoek Maastricht"]
    assert "2 komende bijeenkomsten" in text_of(upcoming)


def test_an_event_still_running_is_upcoming_until_it_ends(client, coalition):
    """"Upcoming" reads a range of starts (at most the longest duration back): a long event stays in it."""
    now = timezone.now()
    factories.EventFactory(title="Zomerschool", organiser=coalition, starts_at=now - timedelta(days=13, hours=23),
                           ends_at=now + timedelta(minutes=5))
    factories.EventFactory(title="Net voorbij", organiser=coalition, starts_at=now - timedelta(days=1),
                           ends_at=now - timedelta(minutes=5))
    assert list(Event.objects.upcoming(now).values_list("title", flat=True)) == ["Zomerschool"]
    assert list(Event.objects.past(now).values_list("title", flat=True)) == ["Net voorbij"]
    assert [e.title for e in client.get(reverse("events:list")).context["page"]] == ["Zomerschool"]


def test_event_list_count_stops_at_the_cap(client, coalition, settings):
    settings.PAGINATION_COUNT_CAP = 3
    for day in range(1, 5):
        factories.EventFactory(organiser=coalition, starts_at=timezone.now() + timedelta(days=day))
    assert "3+ komende bijeenkomsten" in text_of(client.get(reverse("events:list")))
    settings.PAGINATION_COUNT_CAP = 4
    assert "4 komende bijeenkomsten" in text_of(client.get(reverse("events:list")))


def test_event_list_filters_kind_region_theme(client, coalition, theme):
    other = factories.CoalitionFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"))
    factories.EventFactory(title="Werkbezoek", kind=Event.Kind.WORK_VISIT, organiser=other, host=coalition)
    factories.EventFactory(title="Training", kind=Event.Kind.TRAINING, organiser=other, themes=[theme])

    def titles(**params):
        return [e.title for e in client.get(reverse("events:list"), params).context["page"]]

    assert titles(kind="werkbezoek") == ["Werkbezoek"]
    assert titles(region="noord") == ["Werkbezoek"]  # hosted in Noord
    assert titles(theme=theme.slug) == ["Training"]
    assert titles(coalition=coalition.slug) == ["Werkbezoek"]
    # The coalition is typed: its name in any case does as well as its slug.
    assert titles(coalition="OOST-groningen") == ["Werkbezoek"]


def test_event_list_unknown_coalition_is_an_error_that_keeps_the_text(client, coalition):
    response = client.get(reverse("events:list"), {"coalition": "Oost-Gronigen"})
    page = parse_html(response)
    assert page.by_id("id_coalition_error").text == (
        "Er is geen coalitie met de naam “Oost-Gronigen”. Typ de naam zoals die in de lijst met coalities staat.")
    assert page.find("input", name="coalition")["value"] == "Oost-Gronigen"
    assert page.find("select", name="coalition") is None


@pytest.mark.parametrize("count", COUNTS)
def test_event_detail_query_count(client, django_assert_num_queries, count, coalition):
    event = factories.EventFactory(kind=Event.Kind.PROVIDER_MARKET, capacity=50,
                                   themes=[factories.ThemeFactory() for _ in range(count)])
    for index in range(count):
        factories.ProgrammeItemFactory(event=event, title=f"Onderdeel {index}")
        factories.StandFactory(event=event)
        factories.RegistrationFactory(event=event)
        factories.EventFactory(follows_on=event)
        event.practices.add(factories.PracticeFactory())
    # event (+counts), themes, programme, stands, stand themes, followed by, practices, report.
    with django_assert_num_queries(8):
        response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert f"{50 - count} van 50 plaatsen vrij" in text_of(response)


def test_event_detail_work_visit_content(client, coalition):
    host = factories.CoalitionFactory(name="Maastricht-Heuvelland", slug="maastricht")
    earlier = factories.EventFactory(title="Inspiratiemiddag", organiser=coalition)
    event = factories.EventFactory(
        title="Werkbezoek Maastricht", kind=Event.Kind.WORK_VISIT, organiser=coalition, host=host,
        follows_on=earlier, capacity=2,
    )
    factories.ProgrammeItemFactory(event=event, title="Rondleiding op school", speaker="Schoolleider")
    factories.StandFactory(event=event, offer="Muziek in de middagpauze")
    factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event)
    html = text_of(client.get(event.get_absolute_url()))
    assert "Maastricht-Heuvelland" in html and "Gastcoalitie" in html
    assert "Rondleiding op school" in html
    assert "Muziek in de middagpauze" in html
    assert "Vol: nieuwe aanmeldingen komen op de wachtlijst" in html
    assert "Inspiratiemiddag" in html and "Vervolg op" in html


def test_event_list_shows_seats_left_per_event(client, coalition):
    roomy = factories.EventFactory(title="Ruim", organiser=coalition, capacity=3)
    full = factories.EventFactory(title="Vol", organiser=coalition, capacity=1)
    factories.RegistrationFactory(event=roomy)
    factories.RegistrationFactory(event=full)
    html = text_of(client.get(reverse("events:list")))
    roomy_card = html[html.index(">Ruim<"):html.index("</article>", html.index(">Ruim<"))]
    full_card = html[html.index(">Vol<"):html.index("</article>", html.index(">Vol<"))]
    assert "2 plaatsen vrij" in roomy_card
    assert "Vol: wachtlijst" in full_card


@pytest.mark.django_db
def test_stands_filter_by_theme(client, coalition):
    talent = factories.ThemeFactory(name="Talentontwikkeling", slug="talent")
    sport = factories.ThemeFactory(name="Sport", slug="sport")
    market = factories.EventFactory(kind=Event.Kind.PROVIDER_MARKET, organiser=coalition, themes=[talent, sport])
    factories.StandFactory(event=market, offer="Theaterlessen", organisation__name="Theater Oost").themes.add(talent)
    factories.StandFactory(event=market, offer="Voetbal na school", organisation__name="Sportbedrijf").themes.add(sport)
    response = client.get(market.get_absolute_url(), {"stand_thema": "talent"})
    stands = [s.organisation.name for s in response.context["stands"]]
    assert stands == ["Theater Oost"]
