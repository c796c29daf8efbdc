"""Issue 12's privacy journey: a member downloads their data, deletes their account, and cannot log in again."""

import json

import pytest

from accounts.models import User
from coalitions.models import CoalitionMembership
from events.models import Registration
from moderation.models import ModerationState
from practices.models import Practice
from tests import factories
from tests.journeys.conftest import PASSWORD, assert_accessible, can_log_in, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_downloads_their_data_deletes_the_account_and_cannot_log_in(live_server, page):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)
    leader = factories.UserFactory(email="pl@example.org", full_name="Marja Hovenkamp")
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    member = can_log_in(factories.UserFactory(email="sanne@example.org", full_name="Sanne Mulder",
                                              organisation_name="IKC De Boomgaard"))
    factories.MembershipFactory(coalition=coalition, user=member)
    event = factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition, capacity=1)
    factories.RegistrationFactory(event=event, user=member)
    waiting = factories.RegistrationFactory(event=event, user=factories.UserFactory(email="wacht@example.org"),
                                            status=Registration.Status.WAITLISTED)
    practice = factories.PracticeFactory(title="De lunch van Winsum", author=member, coalition=coalition,
                                         state=ModerationState.SUBMITTED, published_at=None)

    # The footer leads to both statements, for everyone.
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Privacyverklaring").click()
    page.wait_for_url(live_server.url + "/privacy/")
    assert_accessible(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheidsverklaring").click()
    page.wait_for_url(live_server.url + "/toegankelijkheid/")
    assert_accessible(page)

    # The member sees their data and downloads it.
    log_in(page, live_server, member.email)
    page.goto(live_server.url + "/mijn/")
    page.get_by_role("main").get_by_role("link", name="Mijn gegevens", exact=True).click()
    page.wait_for_url(live_server.url + "/mijn/gegevens/")
    assert page.get_by_role("cell", name="De lunch van Winsum").is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Mijn gegevens downloaden (JSON)").click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["profile"]["email"] == "sanne@example.org"
    assert [row["title"] for row in data["submissions"]["practices"]] == ["De lunch van Winsum"]

    # A wrong address deletes nothing; their own does.
    page.get_by_role("link", name="Mijn account verwijderen").click()
    page.wait_for_url(live_server.url + "/mijn/account-verwijderen/")
    assert_accessible(page)
    page.get_by_label("Je e-mailadres").fill("iemand@example.org")
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    page.wait_for_load_state()
    assert page.locator("#id_email_error").inner_text() == (
        "Dit is niet het e-mailadres van je account. Er is niets verwijderd.")
    assert_accessible(page)
    assert User.objects.filter(email="sanne@example.org").exists()
    page.get_by_label("Je e-mailadres").fill("sanne@example.org")
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_text("Je account en je persoonsgegevens zijn verwijderd. Tot ziens!").is_visible()
    assert not User.objects.filter(email="sanne@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert Practice.objects.get(pk=practice.pk).author is None

    # Logging in again fails.
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("E-mail:").fill("sanne@example.org")
    page.get_by_label("Wachtwoord:").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.url.startswith(live_server.url + "/account/login/")
    assert page.get_by_text("Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct.").is_visible()
