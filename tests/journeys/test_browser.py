"""Browser journeys in headless Chromium with axe-core: the main paths through the portal."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from coalitions.models import Coalition
from notifications.unsubscribe import unsubscribe_token
from tests import factories
from tests.journeys.conftest import assert_accessible, can_log_in, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_to_filtered_practice_detail(live_server, page):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    theme = factories.ThemeFactory(name="Verrijkte schooldag", slug="verrijkte-schooldag")
    other = factories.ThemeFactory(name="Armoede", slug="armoede")
    factories.PracticeFactory(
        title="Middagpauze vol activiteiten in Winsum", coalition=coalition, themes=[theme],
        mechanisms=[factories.mechanism("coordinatie")], pitfalls="Niet alles tegelijk willen.",
    )
    for index in range(22):
        factories.PracticeFactory(title=f"Ander voorbeeld {index}", themes=[other])
    factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition)
    factories.TipFactory(title="Maak vervolgafspraken")

    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text().startswith("Leer van elkaar")
    assert page.get_by_text("Inspiratiemiddag Veendam").is_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkvoorbeelden").click()
    page.wait_for_url("**/praktijkvoorbeelden/")
    assert page.get_by_role("heading", name="23 praktijkvoorbeelden").is_visible()
    assert page.get_by_role("link", name="Volgende").is_visible()
    assert_accessible(page)

    page.get_by_label("Thema", exact=True).select_option("verrijkte-schooldag")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**/praktijkvoorbeelden/?*theme=verrijkte-schooldag*")
    assert page.get_by_role("heading", name="1 praktijkvoorbeeld", exact=True).is_visible()
    assert_accessible(page)

    # The coalition is typed; on focus the script fills its suggestions from the names endpoint.
    page.get_by_label("Coalitie", exact=True).focus()
    page.locator("#id_coalition_options option").first.wait_for(state="attached")
    suggested = page.locator("#id_coalition_options option").evaluate_all("os => os.map(o => o.value)")
    assert suggested == list(Coalition.objects.order_by("name").values_list("name", flat=True))
    assert "Oost-Groningen" in suggested
    page.get_by_label("Coalitie", exact=True).fill("oost-groningen")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**/praktijkvoorbeelden/?*coalition=oost-groningen*")
    assert page.get_by_role("heading", name="1 praktijkvoorbeeld", exact=True).is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Middagpauze vol activiteiten in Winsum").click()
    page.wait_for_url("**/praktijkvoorbeelden/middagpauze-vol-activiteiten-in-winsum/")
    assert page.get_by_role("heading", name="Valkuilen").is_visible()
    assert page.get_by_text("Coördinatie").first.is_visible()
    assert_accessible(page)


def test_search_and_event_pages_are_accessible(live_server, page):
    coalition = factories.CoalitionFactory(name="Den Haag")
    host = factories.CoalitionFactory(name="Maastricht")
    event = factories.EventFactory(title="Werkbezoek Maastricht", kind="werkbezoek", organiser=coalition,
                                   host=host)
    factories.ProgrammeItemFactory(event=event, title="Ontvangst op school")
    factories.PracticeFactory(title="Oudercoördinator in Den Haag", coalition=coalition)

    page.goto(live_server.url + "/praktijkvoorbeelden/?q=oudercoördinator")
    assert page.get_by_role("link", name="Oudercoördinator in Den Haag").is_visible()
    page.goto(live_server.url + event.get_absolute_url())
    assert page.get_by_role("heading", name="Werkbezoek Maastricht").is_visible()
    assert_accessible(page)
    for path in ["/bijeenkomsten/", "/coalities/", "/tips/", "/leernetwerken/", "/over/", "/account/login/",
                 "/bestaat-niet/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_member_signs_up_submits_and_coordinator_publishes(live_server, page):
    import re

    from django.core import mail

    from moderation.models import ModerationState
    from practices.models import Practice

    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    factories.ThemeFactory(name="Ouderbetrokkenheid", slug="ouderbetrokkenheid")
    coordinator = factories.UserFactory(email="coord@example.org", full_name="Coördinator Noord")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    password = "een-heel-lang-wachtwoord-2026"

    # Sign up and verify the email address through the link in the email.
    page.goto(live_server.url + "/account/signup/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill("ouder@example.org")
    page.get_by_label("Wachtwoord:", exact=True).fill(password)
    page.get_by_label("Wachtwoord (bevestigen)").fill(password)
    page.get_by_role("main").get_by_role("button").click()
    page.wait_for_load_state()
    link = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("main").get_by_role("button").click()
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("E-mail").fill("ouder@example.org")
    page.get_by_label("Wachtwoord:").fill(password)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server.url + "/")

    # Submit a practice example.
    page.goto(live_server.url + "/praktijkvoorbeelden/nieuw/")
    assert_accessible(page)
    page.get_by_label("Titel *").fill("Koffieochtend voor ouders")
    page.get_by_label("Samenvatting *").fill("Ouders kiezen zelf het onderwerp van de koffieochtend.")
    page.get_by_label("Schooltype *").select_option("po")
    page.get_by_label("Coalitie", exact=True).select_option(str(coalition.pk))
    page.get_by_label("Aanpak *").fill("Elke maand een ochtend met een taalmaatje erbij.")
    page.get_by_label("Ouderbetrokkenheid").check()
    page.get_by_role("button", name="Opslaan en ter beoordeling indienen").click()
    page.wait_for_url("**/praktijkvoorbeelden/koffieochtend-voor-ouders/")
    assert Practice.objects.get().state == ModerationState.SUBMITTED

    # The coordinator publishes it from the moderation queue.
    page.context.clear_cookies()
    page.goto(live_server.url + "/account/login/")
    coordinator.set_password(password)
    coordinator.save()
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True, primary=True)
    page.get_by_label("E-mail").fill("coord@example.org")
    page.get_by_label("Wachtwoord:").fill(password)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server.url + "/")
    page.get_by_role("link", name="Moderatie").click()
    page.wait_for_url("**" + reverse("moderation_queue"))
    assert_accessible(page)
    page.get_by_role("link", name="Koffieochtend voor ouders").click()
    page.wait_for_url("**/praktijkvoorbeelden/koffieochtend-voor-ouders/")
    assert_accessible(page)
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()
    assert Practice.objects.get().state == ModerationState.PUBLISHED

    # Everyone finds it in the list and through search.
    page.context.clear_cookies()
    page.goto(live_server.url + "/praktijkvoorbeelden/?q=koffieochtend")
    assert page.get_by_role("link", name="Koffieochtend voor ouders").is_visible()


def test_register_report_and_close_agreement(live_server, page):
    """From "register" to "agreement marked done", through the organiser's report."""
    from datetime import timedelta

    from django.utils import timezone

    from coalitions.models import CoalitionMembership
    from events.models import FollowUpAgreement, Registration

    coalition = factories.CoalitionFactory(name="Den Haag")
    leader = can_log_in(factories.UserFactory(email="pl@example.org", full_name="Rudy"))
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    member = can_log_in(factories.UserFactory(email="lid@example.org", full_name="Monique",
                                              organisation_name="Buitenkans"))
    event = factories.EventFactory(title="Masterclass Buitenkans", organiser=coalition, capacity=10)

    log_in(page, live_server, "lid@example.org")
    page.goto(live_server.url + event.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Je bent aangemeld voor deze bijeenkomst.").is_visible()
    assert Registration.objects.get(user=member).status == Registration.Status.CONFIRMED

    # The event takes place; the organiser writes the report with an agreement for the participant.
    Registration.objects.filter(user=member).update(status=Registration.Status.ATTENDED)
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=1), ends_at=timezone.now() - timedelta(hours=20))
    log_in(page, live_server, "pl@example.org")
    page.goto(live_server.url + event.get_absolute_url() + "verslag/")
    assert_accessible(page)
    page.get_by_label("Samenvatting *").fill("Veel energie en concrete plannen.")
    page.locator("#id_agreements-0-description").fill("Oudercoördinator inzetten op twee scholen")
    page.locator("#id_agreements-0-owner").select_option(str(member.pk))
    page.locator("#id_agreements-0-due_date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Verslag en afspraken opslaan").click()
    page.wait_for_url("**" + event.get_absolute_url())
    agreement = FollowUpAgreement.objects.get()

    # The owner marks it done.
    log_in(page, live_server, "lid@example.org")
    page.goto(live_server.url + event.get_absolute_url())
    assert page.get_by_text("Oudercoördinator inzetten op twee scholen").is_visible()
    page.get_by_role("link", name="Markeer als afgerond").click()
    page.wait_for_url("**" + reverse("events:agreement_close", args=[agreement.pk]))
    assert_accessible(page)
    page.get_by_label("Afgerond").check()
    page.get_by_label("Korte toelichting").fill("Beide scholen zijn gestart.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**" + event.get_absolute_url())
    agreement.refresh_from_db()
    assert agreement.status == FollowUpAgreement.Status.DONE
    assert agreement.done_note == "Beide scholen zijn gestart."


def test_provider_market_rows_are_added_in_the_browser(live_server, page):
    """The stands formset grows without a round trip; a new provider typed in an added row is saved."""
    from coalitions.models import CoalitionMembership, Organisation
    from events.models import Event

    password = "een-heel-lang-wachtwoord-2026"
    coalition = factories.CoalitionFactory(name="Oost-Groningen")
    leader = factories.UserFactory(email="pl@example.org", full_name="Marja")
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    leader.set_password(password)
    leader.save()
    EmailAddress.objects.create(user=leader, email=leader.email, verified=True, primary=True)
    veendam = factories.MunicipalityFactory(name="Veendam")
    event = factories.EventFactory(title="Aanbiedersmarkt Veendam", organiser=coalition,
                                   kind=Event.Kind.PROVIDER_MARKET)
    factories.StandFactory(event=event, organisation__name="Sportbedrijf", organisation__municipality=veendam)

    page.goto(live_server.url + "/account/login/")
    page.get_by_label("E-mail:").fill(leader.email)
    page.get_by_label("Wachtwoord:").fill(password)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server.url + "/")
    edit_url = live_server.url + event.get_absolute_url() + "bewerken/"
    page.goto(edit_url)
    assert_accessible(page)

    stands = page.locator("[data-formset=stands]")
    rows = stands.locator("[data-formset-rows] > .formset-row")
    total = page.locator("#id_stands-TOTAL_FORMS")
    assert (rows.count(), total.input_value()) == (3, "3")
    stands.get_by_role("button", name="Rij toevoegen").click()
    assert (rows.count(), total.input_value()) == (4, "4")
    assert page.evaluate("document.activeElement.id") == "id_stands-3-number"
    stands.get_by_role("button", name="Voeg 10 rijen toe").click()
    assert (rows.count(), total.input_value(), page.url) == (14, "14", edit_url)

    page.locator("#id_stands-13-organisation").fill("Muziekschool De Klank")
    page.locator("#id_stands-13-offer").fill("Muziekles op school")
    page.get_by_role("button", name="Bijeenkomst opslaan").click()
    page.wait_for_url("**" + event.get_absolute_url())
    created = Organisation.objects.get(name="Muziekschool De Klank")
    assert sorted(event.stands.values_list("organisation__name", "offer")) == [
        ("Muziekschool De Klank", "Muziekles op school"),
        ("Sportbedrijf", "Sport- en cultuuractiviteiten tussen de middag."),
    ]
    assert created.kind == Organisation.Kind.PROVIDER


def test_unsubscribe_from_an_email_link_and_follow_a_theme(live_server, page):
    """The link of an email, without logging in: it asks, then unsubscribes; then a member follows a theme."""
    reader = can_log_in(factories.UserFactory(email="lezer@example.org", digest_frequency="weekly"))
    factories.ThemeFactory(name="Talentontwikkeling", slug="talentontwikkeling")
    page.goto(live_server.url + reverse("notifications:unsubscribe", args=[unsubscribe_token(reader, "digest")]))
    assert page.get_by_role("heading", level=1).inner_text() == "Afmelden"
    assert_accessible(page)
    reader.refresh_from_db()
    assert reader.digest_frequency == "weekly"  # opening the link changed nothing
    page.get_by_role("button", name="Ja, afmelden").click()
    page.get_by_role("heading", name="Je bent afgemeld").wait_for()
    assert_accessible(page)
    reader.refresh_from_db()
    assert (reader.digest_frequency, reader.event_reminders_enabled) == ("never", True)

    log_in(page, live_server, "lezer@example.org")
    page.goto(live_server.url + "/praktijkvoorbeelden/?theme=talentontwikkeling")
    page.get_by_role("button", name="Volgen: Talentontwikkeling").click()
    page.get_by_text("Je volgt nu Talentontwikkeling.").wait_for()
    assert page.url == live_server.url + "/praktijkvoorbeelden/?theme=talentontwikkeling"
    assert page.get_by_role("button", name="Niet meer volgen: Talentontwikkeling").is_visible()
    assert_accessible(page)
