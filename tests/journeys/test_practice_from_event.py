"""Issue 11's journey: an event's report becomes a practice example, which another school tries and records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coalitions.models import CoalitionMembership
from moderation.models import ModerationState
from practices.models import Adoption, Practice
from tests import factories
from tests.journeys.conftest import assert_accessible, can_log_in, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_to_practice_to_published_to_adoption_shown_on_the_practice(live_server, page):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)
    theme = factories.ThemeFactory(name="Verrijkte schooldag", slug="verrijkte-schooldag")
    leader = can_log_in(factories.UserFactory(email="pl@example.org", full_name="Marja Hovenkamp"))
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    coordinator = can_log_in(factories.UserFactory(email="coord@example.org", full_name="Femke Dijkstra"))
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    school = can_log_in(factories.UserFactory(email="school@example.org", full_name="Sanne Mulder",
                                              organisation_name="IKC De Boomgaard"))
    event = factories.EventFactory(
        title="Inspiratiemiddag Veendam: de lunch van Winsum", organiser=coalition, themes=[theme],
        summary="Een school uit Winsum vertelt hoe de middagpauze een verrijkte schooldag werd.",
        starts_at=timezone.now() - timedelta(days=5), ends_at=timezone.now() - timedelta(days=5, hours=-3))
    factories.ProgrammeItemFactory(event=event, title="Het lunchprogramma van Winsum", speaker="Team Winsum")
    factories.EventReportFactory(event=event, summary="Veertig deelnemers hoorden hoe Winsum het aanpakte.",
                                 insights="Begin met één dag in de week.")

    # The project leader turns the report into a draft and submits it.
    log_in(page, live_server, leader.email)
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("button", name="Maak hier een praktijkvoorbeeld van").click()
    page.wait_for_load_state()
    practice = Practice.objects.get()
    assert page.locator("[name=title]").input_value() == "Inspiratiemiddag Veendam: de lunch van Winsum"
    assert_accessible(page)
    page.locator("[name=school_type]").select_option("po")
    page.get_by_role("button", name="Opslaan en ter beoordeling indienen").click()
    page.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.state == ModerationState.SUBMITTED

    # The coordinator publishes it.
    log_in(page, live_server, coordinator.email)
    page.goto(live_server.url + practice.get_absolute_url())
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.state == ModerationState.PUBLISHED

    # Another school records that they tried it.
    log_in(page, live_server, school.email)
    page.goto(live_server.url + practice.get_absolute_url())
    page.get_by_role("link", name="Wij doen dit ook").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.locator("[name=tried_on]").fill((timezone.localdate() - timedelta(days=40)).strftime("%Y-%m"))
    page.locator("[name=school_type]").select_option("po")
    page.locator("[name=region]").select_option("noord")
    page.locator("[name=changes]").fill("Wij begonnen met twee dagen en een vaste begeleider uit de bso.")
    page.get_by_label("Werkte", exact=True).check()
    page.locator("[name=lesson]").fill("Spreek de rollen vooraf af met de opvang.")
    page.get_by_role("button", name="Ter beoordeling versturen").click()
    page.wait_for_load_state()
    adoption = Adoption.objects.get()
    assert (adoption.state, adoption.organisation_name) == (ModerationState.SUBMITTED, "IKC De Boomgaard")

    # The coordinator publishes the experience from the queue.
    log_in(page, live_server, coordinator.email)
    page.goto(live_server.url + "/moderatie/")
    page.locator(f"form[action$='/uitgeprobeerd/{adoption.pk}/modereren/']").get_by_role(
        "button", name="Publiceren").click()
    page.wait_for_load_state()
    adoption.refresh_from_db()
    assert adoption.state == ModerationState.PUBLISHED

    # Everyone sees it on the practice, and the event links the practice.
    page.context.clear_cookies()
    page.goto(live_server.url + practice.get_absolute_url())
    assert page.locator(".adoption-summary").inner_text() == "Uitgeprobeerd op 1 plek: 1 werkte"
    assert page.get_by_text("Spreek de rollen vooraf af met de opvang.").is_visible()
    assert page.locator(f"main a[href='{event.get_absolute_url()}']").count() == 1
    assert_accessible(page)
    page.goto(live_server.url + event.get_absolute_url())
    assert page.locator(f"main a[href='{practice.get_absolute_url()}']").count() == 1
