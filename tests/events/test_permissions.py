"""The rules of events/permissions.py, one by one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from coalitions.models import CoalitionMembership
from events.models import Event, Registration
from events.permissions import can_plan_return_visit, can_see_agreements, can_start_practice, can_view_event
from moderation.models import ModerationState
from tests import factories

pytestmark = pytest.mark.django_db


def test_agreements_are_for_participants_organisers_and_the_regions_coordinators(event, leader, region):
    coordinator, elsewhere, registered, waiting = (factories.UserFactory() for _ in range(4))
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"), user=elsewhere)
    seat = factories.RegistrationFactory(event=event, user=registered, status=Registration.Status.ATTENDED)
    queue = factories.RegistrationFactory(event=event, user=waiting, status=Registration.Status.WAITLISTED)
    assert [can_see_agreements(u, event, r) for u, r in [
        (registered, seat), (waiting, queue), (leader, None), (coordinator, None), (elsewhere, None),
        (AnonymousUser(), None)]] == [True, False, True, True, False, False]


def test_hidden_events_and_return_visits(coalition, leader):
    visitor = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    visitor_leader = factories.UserFactory()
    factories.MembershipFactory(coalition=visitor, user=visitor_leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    visit = factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=visitor, host=coalition,
                                   state=ModerationState.HIDDEN)
    assert [can_view_event(u, visit) for u in (AnonymousUser(), leader, visitor_leader)] == [False, False, True]
    # Both sides plan what comes next: the host a return visit, the visitors their next visit.
    assert [can_plan_return_visit(u, visit) for u in (leader, visitor_leader, factories.UserFactory())] == [
        True, True, False]
    workshop = factories.EventFactory(kind=Event.Kind.WORKSHOP, organiser=visitor, host=coalition)
    assert can_plan_return_visit(leader, workshop) is False


def test_a_practice_is_started_from_a_report_by_the_organisers(coalition, leader, region):
    event = factories.EventFactory(organiser=coalition)
    factories.ProgrammeItemFactory(event=event, speaker="Anna de Vries")
    report = factories.EventReportFactory(event=event)
    presenter, coordinator, other_leader = (factories.UserFactory() for _ in range(3))
    presenter.full_name = "Anna de Vries"
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    factories.MembershipFactory(coalition=factories.CoalitionFactory(), user=other_leader,
                                role=CoalitionMembership.Role.PROJECT_LEADER)
    staff = factories.UserFactory(is_staff=True)
    assert [can_start_practice(u, event, report) for u in (
        leader, staff, presenter, coordinator, other_leader, AnonymousUser())] == [
        True, True, False, False, False, False]
    assert [can_start_practice(u, event, None) for u in (leader, staff)] == [False, False]
