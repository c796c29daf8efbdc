"""A journey per role through what people ran into: each would have failed before its fix (issue 8)."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from coalitions.models import CoalitionMembership
from events import jobs
from events.models import FollowUpAgreement, Registration
from moderation.models import Flag, ModerationState
from practices.models import PracticeAttachment
from tests import factories
from tests.journeys.conftest import assert_accessible, can_log_in, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AMS = ZoneInfo("Europe/Amsterdam")
PDF = b"%PDF-1.4 draaiboek ouderkamer"


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=region)
    leader = can_log_in(factories.UserFactory(email="pl@example.org", full_name="Marja"))
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    member = can_log_in(factories.UserFactory(email="lid@example.org", full_name="Saskia"))
    factories.MembershipFactory(coalition=coalition, user=member)
    coordinator = can_log_in(factories.UserFactory(email="coord@example.org", full_name="Coördinator Noord"))
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    return {"region": region, "coalition": coalition, "leader": leader, "member": member,
            "coordinator": coordinator}


def attach(practice):
    return PracticeAttachment.objects.create(practice=practice, title="Draaiboek",
                                             file=ContentFile(PDF, name="draaiboek.pdf"))


def test_member_reads_a_practice_with_a_clean_head_and_downloads_its_attachment(live_server, page, world):
    practice = factories.PracticeFactory(title="Ouderkamer in Veendam", coalition=world["coalition"],
                                         summary="Ouders drinken elke week koffie op school.")
    attach(practice)
    log_in(page, live_server, "lid@example.org")
    page.goto(live_server.url + practice.get_absolute_url())
    assert page.title() == "Ouderkamer in Veendam · Kennisportaal School & Omgeving"
    # Nothing stray above the header: the first text on the page is the skip link, then the brand.
    assert page.locator("body").inner_text().startswith("Direct naar de inhoud\nKennisportaal\n")
    assert page.locator("head form, head input").count() == 0
    assert page.get_by_text("Meld dit bij de regiocoördinatoren").count() == 1
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Draaiboek").click()
    assert download.value.suggested_filename == "draaiboek.pdf"
    with open(download.value.path(), "rb") as handle:
        assert handle.read() == PDF


def test_visitor_gets_a_published_attachment_but_not_an_unpublished_one(live_server, page, world):
    published = attach(factories.PracticeFactory(title="Gepubliceerd", coalition=world["coalition"]))
    draft = attach(factories.PracticeFactory(title="Concept", coalition=world["coalition"],
                                             state=ModerationState.DRAFT, published_at=None))
    response = page.request.get(live_server.url + published.get_absolute_url())
    assert (response.status, response.body()) == (200, PDF)
    assert page.request.get(live_server.url + draft.get_absolute_url()).status == 404
    page.goto(live_server.url + draft.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Deze pagina is niet gevonden"
    assert_accessible(page)


def test_agreement_owner_hears_at_once_and_closes_it_by_the_link(live_server, page, world):
    """The project leader records an agreement; the owner is emailed right away and closes it without logging in."""
    event = factories.EventFactory(title="Werkbezoek Maastricht", organiser=world["coalition"],
                                   starts_at=timezone.now() - timedelta(days=1),
                                   ends_at=timezone.now() - timedelta(hours=20))
    factories.RegistrationFactory(event=event, user=world["member"], status=Registration.Status.ATTENDED)
    log_in(page, live_server, "pl@example.org")
    page.goto(live_server.url + event.get_absolute_url() + "verslag/")
    page.get_by_label("Samenvatting *").fill("Veel geleerd over de verrijkte schooldag.")
    page.locator("#id_agreements-0-description").fill("Terugbezoek plannen met de Maastrichtse scholen")
    page.locator("#id_agreements-0-owner").select_option(str(world["member"].pk))
    page.locator("#id_agreements-0-due_date").fill((timezone.localdate() - timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Verslag en afspraken opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("De streefdatum van een nieuwe afspraak kan niet in het verleden liggen.").is_visible()
    assert page.locator("#id_agreements-0-description").input_value() == (
        "Terugbezoek plannen met de Maastrichtse scholen")
    assert_accessible(page)
    page.locator("#id_agreements-0-due_date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Verslag en afspraken opslaan").click()
    page.wait_for_url("**" + event.get_absolute_url())

    [told] = [m for m in mail.outbox if m.to == ["lid@example.org"]]
    assert told.subject.startswith("Een vervolgafspraak voor jou, uiterlijk ")
    link = re.search(r"https?://[^/\s]+(/bijeenkomsten/afspraken/link/\S+)", told.body).group(1)
    assert jobs.send_agreement_reminders() == 0  # already told today

    page.context.clear_cookies()
    page.goto(live_server.url + link)
    assert_accessible(page)
    page.get_by_label("Afgerond").check()
    page.get_by_label("Korte toelichting").fill("Datum staat: 12 maart.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    agreement = FollowUpAgreement.objects.get()
    assert (agreement.status, agreement.done_note) == ("done", "Datum staat: 12 maart.")


def test_project_leader_moves_an_event_and_participants_get_the_new_time(live_server, page, world):
    start = timezone.localtime() + timedelta(days=10)
    event = factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=world["coalition"],
                                   starts_at=start.replace(hour=13, minute=0, second=0, microsecond=0),
                                   ends_at=start.replace(hour=17, minute=0, second=0, microsecond=0))
    factories.RegistrationFactory(event=event, user=world["member"])
    log_in(page, live_server, "pl@example.org")
    page.goto(live_server.url + event.get_absolute_url() + "bewerken/")
    assert_accessible(page)
    page.get_by_label("Begint", exact=False).first.fill(start.strftime("%Y-%m-%dT14:30"))
    page.get_by_label("Eindigt", exact=False).first.fill(start.strftime("%Y-%m-%dT17:30"))
    page.get_by_role("button", name="Bijeenkomst opslaan").click()
    page.wait_for_url("**" + event.get_absolute_url())

    [changed] = [m for m in mail.outbox if m.subject == "Gewijzigd: Inspiratiemiddag Veendam"]
    assert changed.to == ["lid@example.org"]
    assert "  was: " in changed.body and ", 13:00 – 17:00" in changed.body and ", 14:30 – 17:30" in changed.body
    [(filename, content, mimetype)] = changed.attachments
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    dtstart = Calendar.from_ical(content).walk("VEVENT")[0].decoded("dtstart")
    assert dtstart == datetime(start.year, start.month, start.day, 14, 30, tzinfo=AMS)


def test_coordinator_dismisses_an_unfounded_report(live_server, page, world):
    practice = factories.PracticeFactory(title="Talentdag Haarlem", coalition=world["coalition"])
    Flag.objects.create(item=practice, region=world["region"], reporter=world["member"],
                        reason="Dit klopt niet")
    log_in(page, live_server, "coord@example.org")
    page.get_by_role("link", name="Moderatie").click()
    page.wait_for_url("**" + reverse("moderation_queue"))
    assert_accessible(page)
    page.get_by_label("Waarom is de melding ongegrond?").fill("De talentdag bestaat echt; zie de website.")
    page.get_by_role("button", name="Melding afwijzen").click()
    page.wait_for_load_state()
    flag = Flag.objects.get()
    assert flag.resolved_at is not None
    assert practice.__class__.objects.get(pk=practice.pk).state == ModerationState.PUBLISHED


def test_staff_adds_an_agreement_in_the_admin_and_its_owner_is_told(live_server, page, world):
    """An agreement made in the admin is reminded like any other: the job tells its owner with the done-link."""
    staff = can_log_in(factories.UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    event = factories.EventFactory(title="Intervisie schoolleiders", organiser=world["coalition"])
    log_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/admin/events/event/{event.pk}/change/")
    page.get_by_text("Nog een Vervolgafspraak toevoegen").click()
    page.locator("#id_agreements-0-description").fill("Gastles organiseren bij de bso")
    page.locator("#id_agreements-0-owner_email").fill("bso@example.org")
    page.locator("#id_agreements-0-due_date").fill((timezone.localdate() - timedelta(days=1)).strftime("%d-%m-%Y"))
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    assert page.get_by_text("De streefdatum van een nieuwe afspraak kan niet in het verleden liggen.").is_visible()
    assert FollowUpAgreement.objects.count() == 0
    page.locator("#id_agreements-0-due_date").fill((timezone.localdate() + timedelta(days=21)).strftime("%d-%m-%Y"))
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/events/event/")
    agreement = FollowUpAgreement.objects.get()
    assert (agreement.description, agreement.owner_email) == ("Gastles organiseren bij de bso", "bso@example.org")

    assert jobs.send_agreement_reminders() == 1
    assert jobs.send_agreement_reminders() == 0
    [told] = [m for m in mail.outbox if m.to == ["bso@example.org"]]
    assert told.subject.startswith("Een vervolgafspraak voor jou, uiterlijk ")
    assert "Gastles organiseren bij de bso" in told.body and "/bijeenkomsten/afspraken/link/" in told.body
