"""The regional coordinator's journey through the cockpit: see where to act, answer a help request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coalitions.models import HelpRequest
from moderation.models import ModerationState
from tests import factories
from tests.journeys.conftest import assert_accessible, can_log_in, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_reads_the_cockpit_and_answers_a_help_request(live_server, page):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)
    factories.CoalitionFactory(name="Assen verbindt", slug="assen-verbindt", region=region)  # quiet
    coordinator = can_log_in(factories.UserFactory(email="coord@example.org", full_name="Coördinator Noord"))
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    now = timezone.now()
    ended = factories.EventFactory(title="Werkplaats Veendam", organiser=coalition,
                                   starts_at=now - timedelta(days=20, hours=3), ends_at=now - timedelta(days=20))
    reported = factories.EventFactory(title="Intervisie Pekela", organiser=coalition,
                                      starts_at=now - timedelta(days=30, hours=3), ends_at=now - timedelta(days=30))
    factories.EventReportFactory(event=reported)
    factories.AgreementFactory(event=reported, description="Roosters naast elkaar leggen", coalition=coalition,
                               owner_email="pl@example.org", owner_name="Marja",
                               due_date=timezone.localdate() - timedelta(days=10))
    factories.PracticeFactory(title="Huiswerkklas", coalition=coalition, state=ModerationState.SUBMITTED,
                              published_at=None)
    question = HelpRequest.objects.create(region=region, name="Sanne Mulder", email="sanne@example.org",
                                          question="Wie kent een goede doorgaande lijn met de bso?")

    log_in(page, live_server, "coord@example.org")
    page.goto(live_server.url + f"/regio/{region.slug}/overzicht/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cockpit regio Noord"
    for heading in ("Nu doen", "Stille coalities", "Van inspiratie naar plannen"):
        assert page.get_by_role("heading", name=heading, level=2).count() == 1
    assert page.locator("#signal-agreements").inner_text() == "1 verlopen afspraak"
    assert page.locator(".quiet-coalitions").inner_text() == "Assen verbindt"
    assert page.get_by_role("img", name="Van inspiratie naar plannen in regio Noord").count() == 1
    assert page.locator("#funnel-region caption").inner_text() == (
        "Van inspiratie naar plannen in regio Noord, per kwartaal")
    assert_accessible(page)

    # The count of events without a report opens the event list filtered the same way.
    page.locator("#signal-reports a").click()
    assert page.locator(".results-count").inner_text() == "1 afgelopen bijeenkomst"
    assert page.get_by_role("link", name=ended.title).count() == 1
    page.go_back()

    page.get_by_label("Hoe is de vraag beantwoord?").fill("Gebeld en doorverwezen naar IKC De Boomgaard.")
    page.get_by_role("button", name="Markeer als beantwoord").click()
    assert page.locator(".messages").inner_text() == "De vraag van Sanne Mulder is gemarkeerd als beantwoord."
    assert page.locator("#signal-help").inner_text() == "0 open hulpvragen"
    question.refresh_from_db()
    assert (question.answered_by, question.answer_note) == (coordinator,
                                                           "Gebeld en doorverwezen naar IKC De Boomgaard.")
    assert_accessible(page)
