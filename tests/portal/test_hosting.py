"""A visit counts as the host's only once the host accepted: the host's page, calendars, region, the event list's
filters, visit chains, suggested visits, digests and the cockpit. Until then it is the organiser's alone."""

from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership, VisitProfile
from events.models import Event
from events.permissions import can_plan_return_visit
from portal.cockpit import coalition_funnels, quiet_coalitions, recent_quarters
from portal.digests import build_digests, users_for_digest
from portal.matches import suggested_matches
from portal.visits import visit_chains
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

H = Event.HostStatus
PL = CoalitionMembership.Role.PROJECT_LEADER
STATUSES = [H.PENDING, H.ACCEPTED, H.DECLINED, H.WITHDRAWN]


@pytest.fixture
def sides(db):
    north, south = factories.RegionFactory(name="Noord", slug="noord"), factories.RegionFactory(name="Zuid")
    host = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=north)
    organiser = factories.CoalitionFactory(name="Limburg", slug="limburg", region=south)
    return north, host, organiser


def visit(sides, status, *, past=False, **fields):
    _north, host, organiser = sides
    starts = timezone.now() + (timedelta(days=-20) if past else timedelta(days=10))
    return factories.EventFactory(title="Werkbezoek aan Oost-Groningen", organiser=organiser, host=host,
                                  kind=Event.Kind.WORK_VISIT, host_status=status, starts_at=starts,
                                  ends_at=starts + timedelta(hours=4), **fields)


def ics_titles(response) -> list[str]:
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.parametrize("status", STATUSES)
def test_the_hosts_page_and_calendar_show_the_visit_only_once_accepted(client, sides, status):
    north, host, organiser = sides
    visit(sides, status)
    shown = ["Werkbezoek aan Oost-Groningen"] if status == H.ACCEPTED else []
    page = client.get(host.get_absolute_url())
    assert [e.title for e in page.context["upcoming_events"]] == shown
    assert ics_titles(client.get(reverse("coalition_calendar", args=[host.slug]))) == shown
    # The organiser's page and calendar have it whatever the host answered.
    assert [e.title for e in client.get(organiser.get_absolute_url()).context["upcoming_events"]] == [
        "Werkbezoek aan Oost-Groningen"]
    assert ics_titles(client.get(reverse("coalition_calendar", args=[organiser.slug]))) == [
        "Werkbezoek aan Oost-Groningen"]


@pytest.mark.parametrize("status", STATUSES)
def test_the_hosts_region_shows_the_visit_only_once_accepted(client, sides, status):
    north, host, organiser = sides
    visit(sides, status)
    shown = ["Werkbezoek aan Oost-Groningen"] if status == H.ACCEPTED else []
    assert [e.title for e in client.get(reverse("region_detail", args=[north.slug])).context["upcoming_events"]] \
        == shown
    assert ics_titles(client.get(reverse("region_calendar", args=[north.slug]))) == shown
    listed = client.get(reverse("events:list"), {"region": north.slug}).context["page"].object_list
    assert [e.title for e in listed] == shown
    listed = client.get(reverse("events:list"), {"coalition": host.slug}).context["page"].object_list
    assert [e.title for e in listed] == shown


@pytest.mark.parametrize(("status", "meta"), [
    (H.PENDING, "Werkbezoek Limburg · wacht op bevestiging van Oost-Groningen · Veendam"),
    (H.ACCEPTED, "Werkbezoek Limburg → Oost-Groningen · Veendam"),
    (H.DECLINED, "Werkbezoek Limburg · Veendam"),
    (H.WITHDRAWN, "Werkbezoek Limburg · Veendam"),
])
def test_the_organisers_card_marks_a_host_that_has_not_accepted(client, sides, status, meta):
    north, host, organiser = sides
    visit(sides, status)
    card = parse_html(client.get(organiser.get_absolute_url())).find("article", cls="event-card")
    assert card.find("p", cls="card-meta").text == meta


@pytest.mark.parametrize("status", [H.DECLINED, H.WITHDRAWN])
def test_the_organisers_managers_see_the_refusal_on_their_card(client, sides, status):
    north, host, organiser = sides
    visit(sides, status)
    leader = factories.UserFactory()
    factories.MembershipFactory(coalition=organiser, user=leader, role=PL)
    client.force_login(leader)
    card = parse_html(client.get(organiser.get_absolute_url())).find("article", cls="event-card")
    assert card.find("p", cls="card-meta").text == "Werkbezoek Limburg · Afgewezen door gastcoalitie · Veendam"


@pytest.mark.parametrize("status", STATUSES)
def test_visit_chains_and_suggested_visits_count_only_accepted_visits(sides, status):
    north, host, organiser = sides
    event = visit(sides, status, past=True)
    accepted = status == H.ACCEPTED
    assert visit_chains(north) == ([[event.pk]] if accepted else [])
    assert visit_chains() == ([[event.pk]] if accepted else [])
    VisitProfile.objects.create(coalition=organiser, wish="Talentontwikkeling in de wijk")
    VisitProfile.objects.create(coalition=host, offer="Talentontwikkeling met de bibliotheek")
    assert [m.coalition.name for m in suggested_matches(organiser)] == ([] if accepted else ["Oost-Groningen"])


@pytest.mark.parametrize("status", STATUSES)
def test_only_an_accepted_host_plans_the_return_visit(sides, status):
    north, host, organiser = sides
    event = visit(sides, status, past=True)
    leader = factories.UserFactory()
    factories.MembershipFactory(coalition=host, user=leader, role=PL)
    assert can_plan_return_visit(leader, event) is (status == H.ACCEPTED)


@pytest.mark.parametrize("status", STATUSES)
def test_a_hosts_member_reads_the_visits_report_in_the_digest_only_once_accepted(sides, status):
    north, host, organiser = sides
    event = visit(sides, status, past=True)
    reader = factories.UserFactory()
    factories.MembershipFactory(coalition=host, user=reader)
    factories.EventReportFactory(event=event, summary="Wat we zagen.")
    now = timezone.now()
    digests = build_digests(users_for_digest([reader.pk]), since={reader.pk: now - timedelta(days=1)},
                            until=now + timedelta(minutes=1))
    assert [r.event.title for r in digests[reader.pk].reports] == (
        ["Werkbezoek aan Oost-Groningen"] if status == H.ACCEPTED else [])


@pytest.mark.parametrize("status", STATUSES)
def test_the_cockpit_counts_a_hosting_only_once_accepted(sides, status):
    north, host, organiser = sides
    visit(sides, status, past=True)
    now = timezone.now()
    assert [c.name for c in quiet_coalitions(north, now)] == ([] if status == H.ACCEPTED else ["Oost-Groningen"])
    quarters = recent_quarters(timezone.localdate(now))
    held = sum(row.held for row in coalition_funnels([host], now, quarters)[host.pk])
    assert held == (1 if status == H.ACCEPTED else 0)


@pytest.mark.parametrize("count", [1, 3])
def test_coalition_page_query_count_with_requests_to_host(client, sides, count, django_assert_num_queries):
    north, host, organiser = sides
    for index in range(count):
        factories.EventFactory(organiser=organiser, host=host, host_status=H.PENDING,
                               starts_at=timezone.now() + timedelta(days=index + 1),
                               ends_at=timezone.now() + timedelta(days=index + 1, hours=2))
    leader = factories.UserFactory()
    factories.MembershipFactory(coalition=host, user=leader, role=PL)
    client.force_login(leader)
    # session, user, coalition (+ work visit profile), municipalities, partners, led coalitions, requests to host
    # (count and page), follows, moderator check, project leaders, upcoming, past, practices (none has events
    # or themes to prefetch).
    with django_assert_num_queries(14):
        response = client.get(host.get_absolute_url())
    assert len(response.context["host_requests"].object_list) == count


@pytest.mark.parametrize("count", [1, 3])
def test_my_portal_query_count_with_requests_to_host(client, sides, count, django_assert_num_queries):
    north, host, organiser = sides
    for _index in range(count):
        factories.EventFactory(organiser=organiser, host=host, host_status=H.PENDING)
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=north, user=coordinator)
    client.force_login(coordinator)
    # session, user, memberships (and from them the led coalitions), registrations, practices, tips, agreements
    # (each its first page, found empty), coordinated regions (shared with the moderator check), requests to host
    # (their first page, not full: no count).
    with django_assert_num_queries(9):
        response = client.get(reverse("my_portal"))
    assert len(response.context["host_requests"].object_list) == count
