"""Shared fixtures."""

import os

import pytest
from django.conf import settings

from coalitions.models import CoalitionMembership
from tests import factories
from tests.helpers import clear_own_cache


def pytest_collection_modifyitems(config, items):
    """Skip backend-specific tests on the other backend; say why."""
    on_postgres = settings.USING_POSTGRES
    has_redis = bool(settings.REDIS_URL)
    for item in items:
        if item.get_closest_marker("postgres") and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if item.get_closest_marker("redis") and not has_redis:
            item.add_marker(pytest.mark.skip(reason="needs Redis (set REDIS_URL)"))
        if item.get_closest_marker("browser") and not os.path.exists(os.environ.get("CHROMIUM", "/usr/bin/chromium")):
            item.add_marker(pytest.mark.skip(reason="needs Chromium at /usr/bin/chromium"))


@pytest.fixture
def region(db):
    return factories.RegionFactory(name="Noord", slug="noord")


@pytest.fixture
def coalition(region):
    return factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)


@pytest.fixture
def theme(db):
    return factories.ThemeFactory(name="Talentontwikkeling", slug="talentontwikkeling")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; every test starts with none.

    On Redis only this process's keys go: the database is shared with the Celery broker and with the
    other test processes, so a FLUSHDB would pull messages from under their feet.
    """
    clear_own_cache()
    yield


@pytest.fixture
def member(client, coalition):
    user = factories.UserFactory(email="lid@example.org", full_name="Saskia")
    factories.MembershipFactory(coalition=coalition, user=user)
    client.force_login(user)
    return user


@pytest.fixture
def leader(coalition):
    """A project leader of ``coalition`` (not logged in)."""
    user = factories.UserFactory(email="pl@example.org", full_name="Marja")
    factories.MembershipFactory(coalition=coalition, user=user, role=CoalitionMembership.Role.PROJECT_LEADER)
    return user


@pytest.fixture
def event(db, coalition):
    return factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition, capacity=2,
                                  venue_name="Cultuurhuis", city="Veendam")
