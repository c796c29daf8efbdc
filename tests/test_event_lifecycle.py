"""Event lifecycle: registration and waiting list, calendars and feeds, werkbezoek chains, reports, agreements."""

import csv
import io
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration
from events.services.registrations import RegistrationError, cancel_registration, register_for_event, waiting_position
from events.services.reports import agreement_link_token
from moderation.models import ModerationState
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")
R = Registration.Status


@pytest.fixture
def event(db, coalition):
    return factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition, capacity=2,
                                  venue_name="Cultuurhuis", city="Veendam")


def users(n):
    return [factories.UserFactory(email=f"deelnemer{i}@example.org", organisation_name="OBS Winsum")
            for i in range(n)]


@pytest.mark.django_db
def test_capacity_waiting_list_and_promotion(event, django_capture_on_commit_callbacks):
    a, b, c, d = users(4)
    with django_capture_on_commit_callbacks(execute=True):
        ra, rb, rc, rd = (register_for_event(event, user=u) for u in (a, b, c, d))
    assert [r.status for r in (ra, rb, rc, rd)] == [R.CONFIRMED, R.CONFIRMED, R.WAITLISTED, R.WAITLISTED]
    assert (waiting_position(rc), waiting_position(rd)) == (1, 2)
    assert ra.organisation_name == "OBS Winsum"
    confirmation = next(m for m in mail.outbox if m.to == [a.email])
    assert "Cultuurhuis" in confirmation.body and "Veendam" in confirmation.body
    assert timezone.localtime(event.starts_at).strftime("%H:%M") in confirmation.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(ra)
    assert promoted.pk == rc.pk
    rc.refresh_from_db(), rd.refresh_from_db()
    assert rc.status == R.CONFIRMED and waiting_position(rd) == 1
    assert [m.to for m in mail.outbox] == [[c.email]]
    assert "plaats vrijgekomen" in mail.outbox[0].subject.lower() or "vrij" in mail.outbox[0].subject.lower()

    # Cancelling a waiting-list place promotes nobody.
    assert cancel_registration(rd) is None


@pytest.mark.django_db
def test_registering_twice_and_again_after_cancelling(event):
    user = factories.UserFactory()
    registration = register_for_event(event, user=user)
    with pytest.raises(RegistrationError):
        register_for_event(event, user=user)
    cancel_registration(registration)
    again = register_for_event(event, user=user, remark="Toch wel")
    assert again.pk == registration.pk and again.status == R.CONFIRMED and again.remark == "Toch wel"


@pytest.mark.django_db
def test_registration_window_edges(coalition):
    opens = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    closes = datetime(2026, 12, 10, 17, 0, tzinfo=AMS)
    event = factories.EventFactory(organiser=coalition, registration_opens_at=opens, registration_closes_at=closes,
                                   starts_at=datetime(2026, 12, 15, 13, 0, tzinfo=AMS),
                                   ends_at=datetime(2026, 12, 15, 17, 0, tzinfo=AMS))
    user = factories.UserFactory()
    second = timedelta(seconds=1)
    with time_machine.travel(opens - second, tick=False), pytest.raises(RegistrationError, match="opent"):
        register_for_event(event, user=user)
    with time_machine.travel(closes + second, tick=False), pytest.raises(RegistrationError, match="gesloten"):
        register_for_event(event, user=user)
    with time_machine.travel(closes, tick=False):
        assert register_for_event(event, user=user).status == R.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["past", "cancelled", "hidden"])
def test_no_registration_for_past_cancelled_or_hidden_events(coalition, change):
    now = timezone.now()
    values = {
        "past": {"starts_at": now - timedelta(days=2), "ends_at": now - timedelta(days=2, hours=-3)},
        "cancelled": {"cancelled_at": now},
        "hidden": {"state": ModerationState.HIDDEN},
    }[change]
    event = factories.EventFactory(organiser=coalition, **values)
    with pytest.raises(RegistrationError):
        register_for_event(event, user=factories.UserFactory())
    assert not Registration.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_take_the_last_seat_at_the_same_moment(coalition):
    """Real concurrent PostgreSQL connections: one gets the seat, the other the waiting list."""
    event = factories.EventFactory(organiser=coalition, capacity=1)
    racers = users(2)
    barrier = threading.Barrier(2)
    results, errors = {}, []

    def register(user):
        try:
            barrier.wait()
            results[user.pk] = register_for_event(event, user=user).status
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(u,)) for u in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(results.values()) == [R.CONFIRMED, R.WAITLISTED]
    assert Registration.objects.filter(event=event, status=R.CONFIRMED).count() == 1


@pytest.mark.django_db
def test_register_in_the_browser_flow(client, event):
    user = factories.UserFactory(full_name="Britt", organisation_name="De Vuurvogel")
    client.force_login(user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Je meldt je aan als Britt (De Vuurvogel)" in page
    response = client.post(reverse("events:register", args=[event.slug]), {"remark": "Vegetarisch"}, follow=True)
    assert "Je bent aangemeld" in response.content.decode()
    assert Registration.objects.get().remark == "Vegetarisch"
    response = client.post(reverse("events:unregister", args=[event.slug]), follow=True)
    assert Registration.objects.get().status == R.CANCELLED


@pytest.mark.django_db
def test_waiting_list_position_is_shown(client, event):
    for user in users(2):
        register_for_event(event, user=user)
    late = factories.UserFactory()
    client.force_login(late)
    response = client.post(reverse("events:register", args=[event.slug]), follow=True)
    html = response.content.decode()
    assert "nummer 1 op de wachtlijst" in html
    assert "op de wachtlijst, op plaats 1" in html


@pytest.fixture
def leader(client, coalition):
    user = factories.UserFactory(email="pl@example.org")
    factories.MembershipFactory(coalition=coalition, user=user, role=CoalitionMembership.Role.PROJECT_LEADER)
    return user


@pytest.mark.django_db
def test_csv_export_is_safe_against_formula_injection(client, event, leader):
    evil = factories.UserFactory(full_name="=HYPERLINK(\"https://evil.example\")", organisation_name="+SUM(A1)")
    register_for_event(event, user=evil, remark="@cmd")
    client.force_login(leader)
    response = client.get(reverse("events:registrations_csv", args=[event.slug]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Naam"
    assert rows[1][0] == "'=HYPERLINK(\"https://evil.example\")"
    assert rows[1][2] == "'+SUM(A1)" and rows[1][6] == "'@cmd"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
def test_attendance_marking(client, event, leader):
    a, b = users(2)
    ra, rb = register_for_event(event, user=a), register_for_event(event, user=b)
    client.force_login(leader)
    client.post(reverse("events:registrations", args=[event.slug]),
                {"shown": [ra.pk, rb.pk], "attended": [ra.pk]})
    ra.refresh_from_db(), rb.refresh_from_db()
    assert (ra.status, rb.status) == (R.ATTENDED, R.CONFIRMED)


@pytest.mark.django_db
def test_event_ics_parses_back(client, event):
    event.online_url = "https://meet.example.org/veendam"
    event.save()
    response = client.get(reverse("events:ics", args=[event.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == f"event-{event.pk}@kennisportaal.nl"
    assert vevent["DTSTART"].dt == event.starts_at.replace(microsecond=0)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    assert "Cultuurhuis" in str(vevent["LOCATION"])
    assert vevent.walk("VALARM")[0]["ACTION"] == "DISPLAY"
    # Same UID on a second export after an edit: calendars update instead of duplicating.
    event.title = "Gewijzigd"
    event.save()
    again = icalendar.Calendar.from_ical(client.get(reverse("events:ics", args=[event.slug])).content)
    assert str(again.walk("VEVENT")[0]["UID"]) == str(vevent["UID"])


@pytest.mark.django_db
def test_personal_calendar_feed_is_secret_and_revocable(client, event, coalition):
    user = factories.UserFactory()
    other_event = factories.EventFactory(title="Niet van mij", organiser=coalition)
    register_for_event(event, user=user)
    client.force_login(user)
    client.post(reverse("events:calendar_settings"))
    token = CalendarToken.objects.get(user=user).token
    client.logout()
    feed = client.get(reverse("events:personal_calendar", args=[token]))
    titles = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")]
    assert titles == ["Inspiratiemiddag Veendam"] and other_event.title not in titles
    client.force_login(user)
    client.post(reverse("events:calendar_settings"))
    client.logout()
    assert client.get(reverse("events:personal_calendar", args=[token])).status_code == 404
    assert client.get(reverse("events:personal_calendar", args=["geraden"])).status_code == 404


@pytest.mark.django_db
def test_coalition_and_region_feeds(client, event, coalition):
    factories.EventFactory(title="Elders", organiser=factories.CoalitionFactory())
    for url in (reverse("coalition_calendar", args=[coalition.slug]),
                reverse("region_calendar", args=[coalition.region.slug])):
        events = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Inspiratiemiddag Veendam"]


@pytest.mark.django_db
def test_atom_feeds_parse(client, event):
    factories.PracticeFactory(title="Talentenfluisteraars in Haarlem")
    events = feedparser.parse(client.get(reverse("feed_events")).content)
    practices = feedparser.parse(client.get(reverse("feed_practices")).content)
    assert events.version == practices.version == "atom10"
    assert events.entries[0].title.endswith("Inspiratiemiddag Veendam")
    assert events.entries[0].link.endswith(event.get_absolute_url())
    assert practices.entries[0].title == "Talentenfluisteraars in Haarlem"


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
def test_stands_filter_by_theme(client, coalition):
    talent = factories.ThemeFactory(name="Talentontwikkeling", slug="talent")
    sport = factories.ThemeFactory(name="Sport", slug="sport")
    market = factories.EventFactory(kind=Event.Kind.PROVIDER_MARKET, organiser=coalition, themes=[talent, sport])
    factories.StandFactory(event=market, offer="Theaterlessen", organisation__name="Theater Oost").themes.add(talent)
    factories.StandFactory(event=market, offer="Voetbal na school", organisation__name="Sportbedrijf").themes.add(sport)
    response = client.get(market.get_absolute_url(), {"stand_thema": "talent"})
    stands = [s.organisation.name for s in response.context["stands"]]
    assert stands == ["Theater Oost"]


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
    assert agreements["Terugbezoek plannen"].next_reminder_on == due - timedelta(days=7)

    client.force_login(participant)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Terugbezoek plannen" in html and "Verslag delen met de gemeente" in html and "Begin klein." in html
    client.force_login(factories.UserFactory())
    assert "Terugbezoek plannen" not in client.get(event.get_absolute_url()).content.decode()


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
    assert agreement.next_reminder_on is None
    client.force_login(factories.UserFactory())
    assert client.get(reverse("events:agreement_close", args=[agreement.pk])).status_code == 404


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


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 20])
def test_new_pages_query_counts(client, coalition, leader, region, count, django_assert_num_queries):
    now = timezone.now()
    event = factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=1),
                                   ends_at=now - timedelta(days=1, hours=-2))
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    for _ in range(count):
        registration = factories.RegistrationFactory(event=event)
        factories.AgreementFactory(event=event, owner=registration.user)
        factories.CoalitionFactory(region=region)
    client.force_login(leader)
    # session, user, event, permission, count, page, status counts, moderator check.
    with django_assert_num_queries(8):
        assert client.get(reverse("events:registrations", args=[event.slug])).status_code == 200
    # session, user, event, permission, report, participants, coalitions, open agreements, attended count,
    # related practices, moderator check.
    with django_assert_num_queries(11):
        assert client.get(reverse("events:report", args=[event.slug])).status_code == 200
    # event (+counts), themes, programme, stands, stand themes, followed by, practices, report, plus for a
    # logged-in organiser: session, user, permission, own registration, agreements, moderator check.
    with django_assert_num_queries(13):
        assert client.get(event.get_absolute_url()).status_code == 200
    client.force_login(coordinator)
    with django_assert_num_queries(7):
        assert client.get(reverse("region_overview", args=[region.slug])).status_code == 200
