"""The role rules of coalitions/permissions.py, one by one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from coalitions.models import CoalitionMembership
from coalitions.permissions import (
    coordinated_region_ids,
    is_any_coordinator,
    is_coordinator,
    is_project_leader,
    led_coalition_ids,
    manageable_coalitions,
    moderated_regions,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_coordinators_are_known_by_region_whatever_the_row_numbers():
    regions = [factories.RegionFactory(name=f"Regio {i}", slug=f"regio-{i}") for i in range(4)]
    someone_else = factories.UserFactory()
    for region in regions:  # rows whose ids differ from the regions' ids
        factories.RegionCoordinatorFactory(region=region, user=someone_else)
    coordinator = factories.UserFactory()
    row = factories.RegionCoordinatorFactory(region=regions[3], user=coordinator)
    if row.pk == regions[3].pk:  # the two sequences happened to meet (PostgreSQL keeps them across tests)
        row.delete()
        row = factories.RegionCoordinatorFactory(region=regions[3], user=coordinator)
    assert row.pk != regions[3].pk
    assert coordinated_region_ids(coordinator) == frozenset({regions[3].pk})
    assert [is_coordinator(coordinator, r) for r in (regions[3], regions[3].pk, regions[0], None)] == [
        True, True, False, False]
    assert list(moderated_regions(coordinator)) == [regions[3]]
    assert (is_any_coordinator(coordinator), is_any_coordinator(factories.UserFactory())) == (True, False)
    assert (is_coordinator(AnonymousUser(), regions[3]), is_any_coordinator(AnonymousUser())) == (False, False)


def test_project_leaders_lead_their_own_coalitions_only(coalition):
    other = factories.CoalitionFactory(name="Limburg", slug="limburg")
    leader, member = factories.UserFactory(), factories.UserFactory()
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.MembershipFactory(coalition=other, user=member)
    assert (led_coalition_ids(leader), led_coalition_ids(member)) == (frozenset({coalition.pk}), frozenset())
    assert [is_project_leader(leader, c) for c in (coalition, other)] == [True, False]
    assert is_project_leader(member, other) is False
    assert list(manageable_coalitions(leader)) == [coalition]
    assert list(manageable_coalitions(AnonymousUser())) == []
    staff = factories.UserFactory(is_staff=True)
    assert (is_project_leader(staff, other), is_coordinator(staff, other.region)) == (True, True)
    assert sorted(c.pk for c in manageable_coalitions(staff)) == sorted([coalition.pk, other.pk])
