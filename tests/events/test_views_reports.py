"""After an event: return visits, the report with follow-up agreements, closing an agreement."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership
from events import jobs
from events.models import Event, EventReport, FollowUpAgreement, Registration
from events.services.reports import AgreementLinks, agreement_from_token, agreement_link_token
from moderation.models import ModerationState
from notifications.models import OutboundEmail
from practices.models import Practice
from tests import factories
from tests.helpers import parse_html

R = Registration.Status


@pytest.mark.django_db
def test_work_visit_return_visit_and_chain(client, coalition):
    den_haag = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    visit = factories.EventFactory(title="Werkbezoek Maastricht", kind=Event.Kind.WORK_VISIT, organiser=den_haag,
                                   host=coalition)
    host_leader = factories.UserFactory()
    factories.MembershipFactory(coalition=coalition, user=host_leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    assert "Werkbezoek Maastricht" in client.get(den_haag.get_absolute_url()).content.decode()
    assert "Werkbezoek Maastricht" in client.get(coalition.get_absolute_url()).content.decode()

    client.force_login(host_leader)
    assert "Plan een terugbezoek" in client.get(visit.get_absolute_url()).content.decode()
    form_page = client.get(reverse("events:return_visit", args=[visit.slug]), follow=True)
    form = form_page.context["form"]
    assert form.initial["organiser"] == coalition and form.initial["host"] == den_haag
    assert form.initial["follows_on"] == visit and form.initial["kind"] == Event.Kind.WORK_VISIT
    start = timezone.localtime() + timedelta(days=40)
    client.post(reverse("events:create"), {
        "title": "Terugbezoek Den Haag", "kind": "werkbezoek", "organiser": coalition.pk, "host": den_haag.pk,
        "follows_on": visit.pk, "summary": "Limburg komt naar de Randstad.",
        "starts_at": start.strftime("%Y-%m-%dT09:00"), "ends_at": start.strftime("%Y-%m-%dT17:00"),
        "venue_name": "Stadhuis", "programme-TOTAL_FORMS": "0", "programme-INITIAL_FORMS": "0",
        "stands-TOTAL_FORMS": "0", "stands-INITIAL_FORMS": "0",
    })
    returning = Event.objects.get(title="Terugbezoek Den Haag")
    assert (returning.organiser, returning.host, returning.follows_on) == (coalition, den_haag, visit)
    html = client.get(visit.get_absolute_url()).content.decode()
    assert "Gevolgd door" in html and "Terugbezoek Den Haag" in html
    assert "Vervolg op" in client.get(returning.get_absolute_url()).content.decode()
    # Only the host's project leaders may plan the return visit.
    client.force_login(factories.UserFactory())
    assert client.get(reverse("events:return_visit", args=[visit.slug])).status_code == 404


@pytest.mark.django_db
def test_report_with_agreements_and_who_sees_them(client, coalition, leader):
    now = timezone.now()
    event = factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=1),
                                   ends_at=now - timedelta(days=1, hours=-3))
    participant = factories.UserFactory(email="deelnemer@example.org", full_name="Charlotte")
    Registration.objects.create(event=event, user=participant, status=R.ATTENDED)
    practice = factories.PracticeFactory(title="Familieschool", coalition=coalition)
    client.force_login(leader)
    due = timezone.localdate() + timedelta(days=30)
    response = client.post(reverse("events:report", args=[event.slug]), {
        "summary": "Een middag vol uitwisseling.", "insights": "Begin klein.", "participant_count": "40",
        "related_practices": [practice.pk],
        "agreements-TOTAL_FORMS": "2", "agreements-INITIAL_FORMS": "0",
        "agreements-0-description": "Terugbezoek plannen", "agreements-0-owner": participant.pk,
        "agreements-0-due_date": due.isoformat(), "agreements-0-coalition": coalition.pk,
        "agreements-1-description": "Verslag delen met de gemeente",
        "agreements-1-owner_email": "wethouder@example.org",
        "agreements-1-owner_name": "Jeffrey", "agreements-1-due_date": due.isoformat(),
    })
    assert response.status_code == 302
    report = EventReport.objects.get(event=event)
    assert report.participant_count == 40 and list(report.related_practices.all()) == [practice]
    agreements = {a.description: a for a in FollowUpAgreement.objects.all()}
    assert agreements["Terugbezoek plannen"].owner_email == "deelnemer@example.org"
    # Both owners are told at once, each with their own done-link; the job has nothing left to send today.
    told = OutboundEmail.objects.filter(kind="agreement-assigned").order_by("recipient")
    assert [(e.recipient, e.subject) for e in told] == [
        ("deelnemer@example.org", f"Een vervolgafspraak voor jou, uiterlijk {due.day} {MONTHS[due.month]}"),
        ("wethouder@example.org", f"Een vervolgafspraak voor jou, uiterlijk {due.day} {MONTHS[due.month]}"),
    ]
    assert "Terugbezoek plannen" in told[0].body_text and "Terugbezoek plannen" not in told[1].body_text
    link = told[0].body_text.split("/bijeenkomsten/afspraken/link/")[1].split("/")[0]
    assert agreement_from_token(link) == agreements["Terugbezoek plannen"]
    assert jobs.send_agreement_reminders() == 0

    client.force_login(participant)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Terugbezoek plannen" in html and "Verslag delen met de gemeente" in html and "Begin klein." in html
    client.force_login(factories.UserFactory())
    assert "Terugbezoek plannen" not in client.get(event.get_absolute_url()).content.decode()


MONTHS = {1: "januari", 2: "februari", 3: "maart", 4: "april", 5: "mei", 6: "juni", 7: "juli", 8: "augustus",
          9: "september", 10: "oktober", 11: "november", 12: "december"}


@pytest.mark.django_db
def test_new_agreement_with_a_past_due_date_is_refused_and_nothing_is_saved(client, coalition, leader):
    event = factories.EventFactory(organiser=coalition)
    client.force_login(leader)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(reverse("events:report", args=[event.slug]), {
        "summary": "Samenvatting", "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "0",
        "agreements-0-description": "Te laat bedacht", "agreements-0-owner_email": "x@example.org",
        "agreements-0-due_date": yesterday.isoformat(),
    })
    assert response.status_code == 200
    assert response.context["agreements"].forms[0].errors == {
        "due_date": ["De streefdatum van een nieuwe afspraak kan niet in het verleden liggen."]}
    assert "Te laat bedacht" in response.content.decode()
    assert not EventReport.objects.exists() and not FollowUpAgreement.objects.exists()
    assert not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_existing_agreement_past_its_due_date_can_still_be_kept_in_the_report(client, coalition, leader):
    event = factories.EventFactory(organiser=coalition)
    factories.EventReportFactory(event=event)
    agreement = factories.AgreementFactory(event=event, due_date=timezone.localdate() - timedelta(days=3),
                                           owner_email="x@example.org")
    client.force_login(leader)
    response = client.post(reverse("events:report", args=[event.slug]), {
        "summary": "Bijgewerkt", "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "1",
        "agreements-0-id": agreement.pk, "agreements-0-description": "Nog steeds open",
        "agreements-0-owner_email": "x@example.org", "agreements-0-due_date": agreement.due_date.isoformat(),
    })
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.description == "Nog steeds open"


@pytest.mark.django_db
def test_admin_refuses_a_new_agreement_due_in_the_past(admin_client, coalition):
    event = factories.EventFactory(organiser=coalition)
    response = admin_client.post(reverse("admin:events_followupagreement_add"), {
        "event": event.pk, "description": "Iets", "owner_email": "x@example.org", "status": "open",
        "due_date": (timezone.localdate() - timedelta(days=1)).isoformat(),
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "due_date": ["De streefdatum van een nieuwe afspraak kan niet in het verleden liggen."]}
    assert not FollowUpAgreement.objects.exists()


@pytest.mark.django_db
def test_report_needs_an_owner_per_agreement(client, coalition, leader):
    event = factories.EventFactory(organiser=coalition)
    client.force_login(leader)
    response = client.post(reverse("events:report", args=[event.slug]), {
        "summary": "Samenvatting", "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "0",
        "agreements-0-description": "Zonder eigenaar", "agreements-0-due_date": "2027-01-01",
    })
    assert response.status_code == 200
    assert not EventReport.objects.exists() and not FollowUpAgreement.objects.exists()
    assert "Zonder eigenaar" in response.content.decode()


@pytest.mark.django_db
def test_owner_closes_agreement_on_the_site(client, coalition):
    owner = factories.UserFactory(email="eigenaar@example.org")
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=owner,
                                           owner_email=owner.email)
    client.force_login(owner)
    client.post(reverse("events:agreement_close", args=[agreement.pk]), {"status": "done", "note": "Gelukt!"})
    agreement.refresh_from_db()
    assert agreement.status == "done" and agreement.done_note == "Gelukt!" and agreement.closed_at
    assert FollowUpAgreement.objects.needing_email(timezone.localdate() + timedelta(days=60)).count() == 0
    client.force_login(factories.UserFactory())
    assert client.get(reverse("events:agreement_close", args=[agreement.pk])).status_code == 404


@pytest.mark.django_db
def test_batch_links_are_the_single_links(client, coalition, settings):
    agreements = [factories.AgreementFactory(event=factories.EventFactory(organiser=coalition),
                                             owner_email=f"Extern{n}@Example.org") for n in range(2)]
    agreements.append(factories.AgreementFactory(event=agreements[0].event, owner=factories.UserFactory()))
    with time_machine.travel("2027-03-10 07:00 +01:00", tick=False):
        links = AgreementLinks()
        urls = [links.url(agreement) for agreement in agreements]
        assert urls == [settings.SITE_URL + reverse("events:agreement_link", args=[agreement_link_token(agreement)])
                        for agreement in agreements]
        assert len(set(urls)) == 3
        for agreement, url in zip(agreements, urls, strict=True):
            response = client.get(url.removeprefix(settings.SITE_URL))
            assert (response.status_code, response.context["agreement"].pk) == (200, agreement.pk)


@pytest.mark.django_db
def test_signed_link_closes_agreement_and_resists_tampering_and_expiry(client, coalition):
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition),
                                           owner_email="extern@example.org")
    other = factories.AgreementFactory(event=agreement.event, owner_email="ander@example.org")
    token = agreement_link_token(agreement)
    assert client.get(reverse("events:agreement_link", args=[token + "x"])).status_code == 404
    assert client.get(reverse("events:agreement_link", args=[token.replace(token[5], "A" if token[5] != "A" else "B")])
                      ).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=61)):
        assert client.get(reverse("events:agreement_link", args=[token])).status_code == 404
    # A link for one agreement never closes another, and the owner address must still match.
    assert client.get(reverse("events:agreement_link", args=[agreement_link_token(other)])).context[
        "agreement"].pk == other.pk
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(owner_email="nieuw@example.org")
    assert client.get(reverse("events:agreement_link", args=[token])).status_code == 404
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(owner_email="extern@example.org")
    response = client.post(reverse("events:agreement_link", args=[token]), {"status": "dropped", "note": "Geen budget"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "dropped" and agreement.done_note == "Geen budget"
    other.refresh_from_db()
    assert other.status == "open"


@pytest.mark.django_db
def test_report_participant_count_has_a_sensible_maximum(client, coalition, leader):
    now = timezone.now()
    event = factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=1),
                                   ends_at=now - timedelta(days=1, hours=-3))
    client.force_login(leader)
    response = client.post(reverse("events:report", args=[event.slug]), {
        "summary": "Een middag vol uitwisseling.", "participant_count": "9223372036854775808",
        "agreements-TOTAL_FORMS": "0", "agreements-INITIAL_FORMS": "0",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["participant_count"] == ["Het aantal deelnemers is hoogstens 10000."]
    assert not EventReport.objects.exists()


@pytest.mark.django_db
def test_past_work_visit_asks_both_sides_to_plan_the_next_visit(client, coalition, leader):
    den_haag = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    visitor = factories.UserFactory()
    factories.MembershipFactory(coalition=den_haag, user=visitor, role=CoalitionMembership.Role.PROJECT_LEADER)
    start = timezone.now() - timedelta(days=3)
    visit = factories.EventFactory(title="Werkbezoek Veendam", kind=Event.Kind.WORK_VISIT, organiser=den_haag,
                                   host=coalition, starts_at=start, ends_at=start + timedelta(hours=6))

    client.force_login(leader)  # the host's project leader: the return visit
    panel = parse_html(client.get(visit.get_absolute_url())).find("section", cls="next-visit")
    assert panel.find("h2").text == "Plan het terugbezoek"
    assert panel.find("a", cls="button").text == "Plan een terugbezoek"

    client.force_login(visitor)  # the visitors' project leader: their next visit, the host still to choose
    panel = parse_html(client.get(visit.get_absolute_url())).find("section", cls="next-visit")
    assert panel.find("h2").text == "Plan het volgende bezoek"
    form = client.get(reverse("events:return_visit", args=[visit.slug]), follow=True).context["form"]
    assert (form.initial["organiser"], form.initial["kind"], form.initial["follows_on"]) == (
        den_haag, Event.Kind.WORK_VISIT, visit)
    assert (form.initial["host"], form.initial["title"]) == (None, "")

    client.force_login(factories.UserFactory())  # anyone else: no call to action
    assert parse_html(client.get(visit.get_absolute_url())).find("section", cls="next-visit") is None
    factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=coalition, host=den_haag, follows_on=visit)
    client.force_login(leader)  # once a visit follows on it: no call to action either
    assert parse_html(client.get(visit.get_absolute_url())).find("section", cls="next-visit") is None


@pytest.fixture
def reported_event(coalition, theme):
    event = factories.EventFactory(
        title="Lunchprogramma van Winsum", slug="lunchprogramma-van-winsum", organiser=coalition, themes=[theme],
        summary="Een school uit Winsum vertelt over haar lunchprogramma.",
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=3, hours=-3),
    )
    factories.ProgrammeItemFactory(event=event, title="Het lunchprogramma", speaker="Anna de Vries")
    factories.EventReportFactory(event=event, summary="Dertig deelnemers.", insights="Begin klein.")
    return event


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_project_leader_turns_the_report_into_a_draft_practice(client, leader, reported_event, coalition, theme):
    client.force_login(leader)
    button = parse_html(client.get(reported_event.get_absolute_url())).find("form", cls="practice-from-report")
    assert button["method"] == "post"
    assert button["action"] == reverse("events:practice_from_report", args=[reported_event.slug])
    assert button.find("button").text == "Maak hier een praktijkvoorbeeld van"
    assert button.find("input", name="csrfmiddlewaretoken") is not None

    response = client.post(reverse("events:practice_from_report", args=[reported_event.slug]), follow=True)

    practice = Practice.objects.get()
    assert response.redirect_chain == [(reverse("practices:edit", args=[practice.slug]), 302)]
    assert _messages(response) == [
        "Er staat een concept-praktijkvoorbeeld klaar, ingevuld uit deze bijeenkomst en het verslag. "
        "Vul het aan en dien het in ter beoordeling als het klaar is."]
    form = response.context["form"]
    assert (form["title"].value(), form["summary"].value(), form["results"].value()) == (
        "Lunchprogramma van Winsum", "Een school uit Winsum vertelt over haar lunchprogramma.", "Begin klein.")
    assert form["approach"].value() == (
        "Dertig deelnemers.\n\n**Programma**\n\n- 13:30 Het lunchprogramma (Anna de Vries)")
    assert (form["coalition"].value(), form["themes"].value()) == (coalition.pk, [theme.pk])
    assert (practice.author, practice.state) == (leader, ModerationState.DRAFT)
    assert list(reported_event.practices.all()) == [practice]

    # Starting again goes back to the same draft.
    again = client.post(reverse("events:practice_from_report", args=[reported_event.slug]), follow=True)
    assert again.redirect_chain == [(reverse("practices:edit", args=[practice.slug]), 302)]
    assert _messages(again) == ["Je was al begonnen aan een praktijkvoorbeeld uit deze bijeenkomst: hier is je "
                                "concept weer, er is geen nieuwe kopie gemaakt."]
    assert Practice.objects.count() == 1


@pytest.mark.django_db
def test_only_the_organisers_start_a_practice_and_only_from_a_report(client, leader, reported_event, coalition):
    url = reverse("events:practice_from_report", args=[reported_event.slug])
    # A presenter named in the programme who leads no coalition: a self-chosen name grants nothing.
    presenter = factories.UserFactory(full_name="Anna de Vries")
    factories.MembershipFactory(coalition=coalition, user=presenter)
    client.force_login(presenter)
    assert parse_html(client.get(reported_event.get_absolute_url())).find("form", cls="practice-from-report") is None
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405

    client.force_login(leader)
    without_report = factories.EventFactory(organiser=coalition, starts_at=timezone.now() - timedelta(days=2),
                                            ends_at=timezone.now() - timedelta(days=2, hours=-2))
    assert parse_html(client.get(without_report.get_absolute_url())).find("form", cls="practice-from-report") is None
    assert client.post(reverse("events:practice_from_report", args=[without_report.slug])).status_code == 404
    assert Practice.objects.count() == 0


@pytest.mark.django_db
def test_the_event_and_the_practice_link_each_other_once_published(client, leader, reported_event):
    client.force_login(leader)
    client.post(reverse("events:practice_from_report", args=[reported_event.slug]))
    practice = Practice.objects.get()
    # A draft is not listed on the event page.
    client.logout()
    assert parse_html(client.get(reported_event.get_absolute_url())).by_id("practices-heading") is None

    Practice.objects.filter(pk=practice.pk).update(state=ModerationState.PUBLISHED, published_at=timezone.now())

    event_page = parse_html(client.get(reported_event.get_absolute_url()))
    section = event_page.by_id("practices-heading").parent
    assert [(a.text, a["href"]) for a in section.find_all("a")] == [
        ("Lunchprogramma van Winsum", practice.get_absolute_url())]
    practice_page = parse_html(client.get(practice.get_absolute_url()))
    presented = practice_page.by_id("presented-heading").parent
    assert presented.by_id("presented-heading").text == "Gepresenteerd op"
    assert [(a.text, a["href"]) for a in presented.find_all("a")] == [
        ("Lunchprogramma van Winsum", reported_event.get_absolute_url())]


@pytest.mark.django_db
def test_starting_a_practice_needs_the_csrf_token(leader, reported_event):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    assert client.post(reverse("events:practice_from_report", args=[reported_event.slug])).status_code == 403
    assert Practice.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 20])
def test_event_page_with_report_for_its_project_leader_query_count(
        client, leader, coalition, count, django_assert_num_queries):
    event = factories.EventFactory(organiser=coalition, themes=[factories.ThemeFactory() for _ in range(count)],
                                   starts_at=timezone.now() - timedelta(days=2),
                                   ends_at=timezone.now() - timedelta(days=2, hours=-2))
    report = factories.EventReportFactory(event=event)
    for index in range(count):
        factories.ProgrammeItemFactory(event=event, title=f"Onderdeel {index}")
        practice = factories.PracticeFactory()
        event.practices.add(practice)
        report.related_practices.add(practice)
        factories.AgreementFactory(event=event, owner_email=f"eigenaar{index}@example.org")
    client.force_login(leader)
    # session, user, event (+counts), themes, programme, followed by, report, its related practices, the
    # coordinated regions, the registration, the led coalitions, stands, practices presented, agreements.
    # The button costs none: it asks the led coalitions (cached) and the report already read.
    with django_assert_num_queries(14):
        response = client.get(event.get_absolute_url())
    assert parse_html(response).find("form", cls="practice-from-report").find("button").text == (
        "Maak hier een praktijkvoorbeeld van")


@pytest.mark.django_db
def test_agreement_rows_offer_the_events_practices_and_save_the_chosen_one(client, coalition, leader):
    now = timezone.now()
    event = factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=1),
                                   ends_at=now - timedelta(days=1, hours=-3))
    own = factories.PracticeFactory(title="Familieschool", coalition=coalition)
    presented = factories.PracticeFactory(title="Talentdag Haarlem")
    event.practices.add(presented)
    factories.PracticeFactory(title="Van een ander")
    factories.PracticeFactory(title="Nog concept", coalition=coalition, state="draft", published_at=None)
    client.force_login(leader)
    url = reverse("events:report", args=[event.slug])
    select = parse_html(client.get(url)).find("select", name="agreements-0-practice")
    assert [o.text for o in select.find_all("option")] == ["---------", "Familieschool", "Talentdag Haarlem"]
    due = timezone.localdate() + timedelta(days=30)
    response = client.post(url, {
        "summary": "Een middag vol uitwisseling.", "insights": "Begin klein.", "participant_count": "40",
        "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "0",
        "agreements-0-description": "Wij proberen de talentdag", "agreements-0-owner_email": "x@example.org",
        "agreements-0-due_date": due.isoformat(), "agreements-0-practice": presented.pk,
    })
    assert response.status_code == 302
    assert FollowUpAgreement.objects.get().practice == presented
    # Another practice cannot be posted into a row.
    response = client.post(url, {
        "summary": "Een middag.", "insights": "", "participant_count": "40",
        "agreements-TOTAL_FORMS": "1", "agreements-INITIAL_FORMS": "0",
        "agreements-0-description": "Iets anders", "agreements-0-owner_email": "x@example.org",
        "agreements-0-due_date": due.isoformat(), "agreements-0-practice": own.pk + 1000,
    })
    assert response.status_code == 200 and FollowUpAgreement.objects.count() == 1


@pytest.mark.django_db
def test_closing_an_agreement_about_a_practice_offers_to_record_the_adoption(client, coalition):
    owner = factories.UserFactory(email="eigenaar@example.org")
    practice = factories.PracticeFactory(title="Talentdag Haarlem")
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=owner,
                                           owner_email=owner.email, practice=practice, coalition=coalition)
    client.force_login(owner)
    url = reverse("events:agreement_close", args=[agreement.pk])
    with time_machine.travel("2025-03-12 10:00 +01:00"):
        response = client.post(url, {"status": "done", "note": "Op woensdag gedaan"})
    assert response["Location"] == url
    page = parse_html(client.get(url))
    link = page.find("a", cls="button")
    assert link.text == "Leg vast dat jullie dit hebben uitgeprobeerd"
    assert link["href"] == (reverse("practices:adoption_create", args=[practice.slug])
                            + f"?tried_on=2025-03&changes=Op+woensdag+gedaan&coalition={coalition.pk}")
    # The link fills in the form.
    factories.MembershipFactory(coalition=coalition, user=owner)
    form = parse_html(client.get(link["href"]))
    assert form.find("input", name="tried_on")["value"] == "2025-03"
    assert form.find("textarea", name="changes").text == "Op woensdag gedaan"
    assert form.find("select", name="coalition").find("option", selected=True).text == coalition.name


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "practice_state"), [("dropped", "published"), ("done", "hidden"), ("done", None)])
def test_no_adoption_link_when_dropped_or_without_a_visible_practice(client, coalition, status, practice_state):
    owner = factories.UserFactory(email="eigenaar@example.org")
    practice = factories.PracticeFactory(state=practice_state) if practice_state else None
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=owner,
                                           owner_email=owner.email, practice=practice)
    client.force_login(owner)
    url = reverse("events:agreement_close", args=[agreement.pk])
    response = client.post(url, {"status": status, "note": ""})
    assert response["Location"] == agreement.event.get_absolute_url()
    page = parse_html(client.get(url))
    assert page.find("a", cls="button") is None
    assert "Deze afspraak is afgesloten; je hoeft niets meer te doen." in [p.text for p in page.find_all("p")]
