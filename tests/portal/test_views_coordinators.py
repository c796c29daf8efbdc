"""The coordinators' pages: moderation queue and regional overview."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from moderation.models import ModerationState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 20])
def test_moderation_queue_query_count(client, region, coalition, count, django_assert_num_queries):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    reporter = factories.UserFactory()
    for _ in range(count):
        factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None,
                                  author=reporter)
        factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None, author=reporter)
        from moderation.services import flag_item

        flag_item(factories.PracticeFactory(coalition=coalition), reporter=reporter, reason="Controleren")
    client.force_login(coordinator)
    # session, user, regions (exists, ids, names), then count + page for practices and tips, and for flags
    # count + page + the flagged items, plus the moderator check of the menu.
    with django_assert_num_queries(13):
        response = client.get(reverse("moderation_queue"))
    assert len(response.context["flags"].object_list) == count


@pytest.mark.django_db
def test_region_overview_counts(client, region, coalition):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    now = timezone.now()
    past = [factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=d),
                                   ends_at=now - timedelta(days=d, hours=-2)) for d in (10, 20, 30)]
    factories.EventReportFactory(event=past[0])
    today = timezone.localdate()
    factories.AgreementFactory(event=past[0], due_date=today + timedelta(days=5))
    factories.AgreementFactory(event=past[0], due_date=today - timedelta(days=5))
    factories.AgreementFactory(event=past[1], status="done", closed_at=now)
    client.force_login(coordinator)
    row = client.get(reverse("region_overview", args=[region.slug])).context["page"].object_list[0]
    assert (row.events_held, row.events_reported) == (3, 1)
    assert (row.agreements_open, row.agreements_overdue, row.agreements_done) == (1, 1, 1)
    client.force_login(factories.UserFactory())
    assert client.get(reverse("region_overview", args=[region.slug])).status_code == 404
