"""The scheduled jobs, with a moved clock: event reminders, report requests, agreement reminders."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership
from events import jobs
from events.models import Event, FollowUpAgreement, Registration
from events.services.reports import close_agreement
from notifications.delivery import deliver_due_emails
from notifications.models import OutboundEmail
from notifications.unsubscribe import unsubscribe_token
from tests import factories
from tests.helpers import parse_html_text

pytestmark = pytest.mark.django_db


AMS = ZoneInfo("Europe/Amsterdam")


def sent():
    """Deliver the outbox (rows queued at travelled times are due by 2030) and return what went out."""
    with time_machine.travel(datetime(2030, 1, 1, tzinfo=AMS), tick=False):
        deliver_due_emails()
    return list(mail.outbox)


@pytest.fixture
def event(coalition):
    return factories.EventFactory(
        title="Werkbezoek Maastricht", organiser=coalition, venue_name="Basisschool De Sterren", city="Maastricht",
        starts_at=datetime(2027, 3, 10, 9, 0, tzinfo=AMS), ends_at=datetime(2027, 3, 10, 16, 0, tzinfo=AMS),
    )


def _agreement(event, due, **kwargs):
    return factories.AgreementFactory(event=event, due_date=due, **{"owner_email": "eigenaar@example.org", **kwargs})


def run_on(day: date) -> int:
    with time_machine.travel(datetime(day.year, day.month, day.day, 10, 10, tzinfo=AMS), tick=False):
        return jobs.send_agreement_reminders()


def test_event_reminder_the_day_before_once(event):
    going = factories.UserFactory(email="gaat@example.org")
    quiet = factories.UserFactory(email="stil@example.org", event_reminders_enabled=False)
    waiting = factories.UserFactory(email="wacht@example.org")
    cancelled = factories.UserFactory(email="afgemeld@example.org")
    Registration.objects.create(event=event, user=going, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=event, user=quiet, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=event, user=waiting, status=Registration.Status.WAITLISTED)
    Registration.objects.create(event=event, user=cancelled, status=Registration.Status.CANCELLED)

    with time_machine.travel(datetime(2027, 3, 9, 8, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 0  # 25 hours before: not yet
    with time_machine.travel(datetime(2027, 3, 9, 9, 15, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 1
        assert jobs.send_event_reminders() == 0  # a second run sends nothing
    messages = sent()
    assert [m.to for m in messages] == [["gaat@example.org"]]
    assert "Morgen" in messages[0].subject
    assert "Basisschool De Sterren" in messages[0].body and "09:00" in messages[0].body
    with time_machine.travel(datetime(2027, 3, 10, 8, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 0


def test_no_reminder_for_cancelled_event(event):
    Registration.objects.create(event=event, user=factories.UserFactory(), status=Registration.Status.CONFIRMED)
    event.cancelled_at = timezone.now()
    event.save()
    with time_machine.travel(datetime(2027, 3, 9, 12, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 0


def test_report_request_after_the_event_and_once_more_after_a_week(event, coalition):
    leader = factories.UserFactory(email="pl@example.org")
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    with time_machine.travel(datetime(2027, 3, 10, 15, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 0  # still going on
    with time_machine.travel(datetime(2027, 3, 10, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 1
        assert jobs.send_report_requests() == 0
    with time_machine.travel(datetime(2027, 3, 16, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 0  # six days later: not yet
    with time_machine.travel(datetime(2027, 3, 17, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 1
    with time_machine.travel(datetime(2027, 3, 30, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 0  # never a third time
    messages = sent()
    assert [m.to for m in messages] == [["pl@example.org"], ["pl@example.org"]]
    assert "verslag" in messages[0].subject.lower() and "/verslag/" in messages[0].body
    assert messages[1].subject.startswith("Herinnering")


def test_no_report_request_when_the_report_exists(event, coalition):
    factories.MembershipFactory(coalition=coalition, role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.EventReportFactory(event=event)
    with time_machine.travel(datetime(2027, 3, 11, 9, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 0


def run_days(*days: date) -> list[int]:
    return [run_on(day) for day in days]


def test_agreement_from_anywhere_is_assigned_then_reminded_before_on_and_after_the_due_date(event):
    """An agreement made outside the report form (the admin, demo data) is told and reminded all the same."""
    due = date(2027, 4, 30)
    _agreement(event, due)
    counts = run_days(date(2027, 3, 11), date(2027, 3, 11), date(2027, 4, 22), date(2027, 4, 23), date(2027, 4, 23),
                      date(2027, 4, 29), date(2027, 4, 30), date(2027, 4, 30), date(2027, 5, 6), date(2027, 5, 7),
                      date(2027, 5, 8), date(2027, 5, 13), date(2027, 5, 14))
    assert counts == [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]
    messages = sent()
    assert [m.to for m in messages] == [["eigenaar@example.org"]] * 5
    assert [m.subject for m in messages] == [
        "Een vervolgafspraak voor jou, uiterlijk 30 april",
        "Vervolgafspraak uiterlijk 30 april",
        "Vervolgafspraak: uiterlijk vandaag",
        "Vervolgafspraak: termijn verlopen",
        "Vervolgafspraak: termijn verlopen",
    ]
    assert "Werkbezoek Maastricht" in messages[0].body and "vrijdag 30 april 2027" in messages[0].body
    assert "geleden" not in messages[0].body
    assert "7 dagen" in messages[3].body and "14 dagen" in messages[4].body
    assert all("/bijeenkomsten/afspraken/link/" in m.body for m in messages)


def test_overdue_agreement_never_told_gets_one_notice_then_weekly_reminders(event):
    # As in the demo data: created in bulk, ten days overdue, nobody ever emailed.
    _agreement(event, date(2027, 4, 20))
    assert run_days(date(2027, 4, 30), date(2027, 4, 30), date(2027, 5, 6), date(2027, 5, 7)) == [1, 0, 0, 1]
    first, second = sent()
    assert first.subject == "Een vervolgafspraak voor jou, uiterlijk 20 april"
    assert "Dat was 10 dagen geleden." in first.body
    assert second.subject == "Vervolgafspraak: termijn verlopen" and "17 dagen" in second.body


def test_agreement_reminders_stop_when_done_and_resume_when_reopened(event):
    agreement = _agreement(event, date(2027, 4, 30))
    assert run_days(date(2027, 4, 23)) == [1]  # told, a week ahead
    close_agreement(agreement, status="done", note="Gelukt")
    assert run_days(date(2027, 4, 30), date(2027, 5, 7)) == [0, 0]
    # Reopened in the admin: the due-date reminder it missed comes at once, then weekly.
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(status="open", closed_at=None)
    assert run_days(date(2027, 5, 10), date(2027, 5, 16), date(2027, 5, 17)) == [1, 0, 1]
    assert [m.subject for m in sent()] == ["Een vervolgafspraak voor jou, uiterlijk 30 april",
                                           "Vervolgafspraak: termijn verlopen", "Vervolgafspraak: termijn verlopen"]


def test_moved_due_date_moves_the_reminders(event):
    agreement = _agreement(event, date(2027, 4, 30))
    assert run_days(date(2027, 3, 11), date(2027, 4, 23)) == [1, 1]
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(due_date=date(2027, 5, 31))
    assert run_days(date(2027, 4, 30), date(2027, 5, 23), date(2027, 5, 24), date(2027, 5, 31)) == [0, 0, 1, 1]
    assert [m.subject for m in sent()][-2:] == ["Vervolgafspraak uiterlijk 31 mei",
                                                "Vervolgafspraak: uiterlijk vandaag"]


def test_new_owner_is_told_and_the_old_link_stops_working(client, event):
    agreement = _agreement(event, date(2027, 4, 30))
    assert run_days(date(2027, 3, 11)) == [1]
    old_link = sent()[0].body.split("/bijeenkomsten/afspraken/link/")[1].split("/")[0]
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(owner_email="opvolger@example.org")
    assert run_days(date(2027, 3, 12), date(2027, 3, 12)) == [1, 0]
    messages = sent()
    assert [m.to for m in messages] == [["eigenaar@example.org"], ["opvolger@example.org"]]
    assert messages[1].subject == "Een vervolgafspraak voor jou, uiterlijk 30 april"
    assert client.get(reverse("events:agreement_link", args=[old_link])).status_code == 404
    new_link = messages[1].body.split("/bijeenkomsten/afspraken/link/")[1].split("/")[0]
    assert client.get(reverse("events:agreement_link", args=[new_link])).status_code == 200


def test_agreement_reminders_respect_the_owners_preference(event):
    owner = factories.UserFactory(email="liever-niet@example.org", agreement_reminders_enabled=False)
    agreement = _agreement(event, date(2027, 4, 30), owner=owner, owner_email="")
    # Being given the agreement is always told; the reminders after it are not sent.
    assert run_days(date(2027, 3, 11), date(2027, 4, 23), date(2027, 4, 30), date(2027, 5, 7)) == [1, 0, 0, 0]
    assert [m.to for m in sent()] == [["liever-niet@example.org"]]
    agreement.refresh_from_db()
    assert agreement.last_reminder_on == date(2027, 5, 7)


def test_catch_up_after_downtime_sends_one_reminder_not_a_backlog(event):
    _agreement(event, date(2027, 4, 30))
    assert run_on(date(2027, 3, 11)) == 1
    # The scheduler was down for weeks; the first run after sends a single overdue reminder.
    assert run_on(date(2027, 6, 1)) == 1
    assert run_on(date(2027, 6, 1)) == 0
    assert run_on(date(2027, 6, 7)) == 0
    assert run_on(date(2027, 6, 8)) == 1


def test_the_scan_finds_exactly_the_agreements_the_rule_says_are_due(event):
    """The indexed scan (SQL) and ``email_due`` (Python) agree on every combination around the due date."""
    today = date(2027, 5, 10)
    offsets = [-30, -8, -7, -6, -1, 0, 1, 6, 7, 8, 30]
    for due_offset in offsets:
        for last_offset in [None, *offsets]:
            due = today + timedelta(days=due_offset)
            last = None if last_offset is None else today + timedelta(days=last_offset)
            if last is not None and last > today:
                continue
            factories.AgreementFactory(event=event, due_date=due, last_reminder_on=last,
                                       notified_email="eigenaar@example.org")
    factories.AgreementFactory(event=event, due_date=today + timedelta(days=60), notified_email="")
    factories.AgreementFactory(event=event, due_date=today, status="done", closed_at=timezone.now())
    agreements = list(FollowUpAgreement.objects.select_related("owner"))
    expected = sorted(a.pk for a in agreements if a.email_due(today))
    assert sorted(FollowUpAgreement.objects.needing_email(today).values_list("pk", flat=True)) == expected
    stages = sorted({a.email_due(today) for a in agreements} - {None})
    assert stages == ["assigned", "before", "due", "overdue"]
    # 15 ahead of the due date, 27 on or after it (worked out by hand), and the one never told.
    assert len(expected) == 43


SITE = "https://kennisportaal.example.nl"
# After a blank line, the signature separator ("-- "), the two links; the body ends with a blank line as before.
ONE_CLICK_FOOTER = ("\n\n-- \nWil je deze e-mails niet meer ontvangen? Meld je af met één klik:\n{url}\n"
                    "Al je e-mailvoorkeuren:\n{site}/mijn/profiel/\n\n")


def one_click(user, kind) -> tuple[str, dict]:
    url = f"{SITE}/e-mail/afmelden/{unsubscribe_token(user, kind)}/"
    return url, {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def footer_links(row) -> list[tuple[str, str]]:
    """The links of the HTML email's unsubscribe line (the paragraph after the standard footer)."""
    last_paragraph = parse_html_text(row.body_html).find("body").find_all("p")[-1]
    return [(a.text, a["href"]) for a in last_paragraph.find_all("a")]


def test_event_reminder_carries_the_one_click_unsubscribe(client, event, settings):
    settings.SITE_URL = SITE
    going = factories.UserFactory(email="gaat@example.org")
    Registration.objects.create(event=event, user=going, status=Registration.Status.CONFIRMED)
    with time_machine.travel(datetime(2027, 3, 9, 12, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 1
    row = OutboundEmail.objects.get(kind="event-reminder")
    url, headers = one_click(going, "event-reminders")
    assert row.headers == headers
    assert row.body_text.endswith(ONE_CLICK_FOOTER.format(url=url, site=SITE))
    assert footer_links(row) == [("Afmelden voor deze e-mails", url),
                                 ("Al je e-mailvoorkeuren", f"{SITE}/mijn/profiel/")]
    delivered = sent()[0].extra_headers
    assert {name: delivered[name] for name in headers} == headers
    # The link in the header is the one that works, for this kind only.
    client.post(url.removeprefix(SITE), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    going.refresh_from_db()
    assert (going.event_reminders_enabled, going.agreement_reminders_enabled) == (False, True)


def test_agreement_reminders_carry_the_one_click_unsubscribe_and_the_assigned_notice_does_not(event, settings):
    settings.SITE_URL = SITE
    owner = factories.UserFactory(email="eigenaar-lid@example.org")
    _agreement(event, date(2027, 4, 30), owner=owner, owner_email="")
    assert run_days(date(2027, 3, 11), date(2027, 4, 23)) == [1, 1]
    assigned = OutboundEmail.objects.get(kind="agreement-assigned")
    reminder = OutboundEmail.objects.get(kind="agreement-reminder")
    assert assigned.headers == {}
    assert "afmelden" not in assigned.body_text.lower() and "afmelden" not in assigned.body_html.lower()
    url, headers = one_click(owner, "agreement-reminders")
    assert reminder.headers == headers
    assert reminder.body_text.endswith(ONE_CLICK_FOOTER.format(url=url, site=SITE))
    assert footer_links(reminder) == [("Afmelden voor deze e-mails", url),
                                      ("Al je e-mailvoorkeuren", f"{SITE}/mijn/profiel/")]


def test_an_owner_without_an_account_is_still_reminded_without_an_unsubscribe(event, settings):
    """No account holds a preference for them: the reminder's "done or dropped" link is how they stop it."""
    settings.SITE_URL = SITE
    _agreement(event, date(2027, 4, 30), owner_email="extern@example.org")
    assert run_days(date(2027, 3, 11), date(2027, 4, 23)) == [1, 1]
    reminder = OutboundEmail.objects.get(kind="agreement-reminder")
    assert (reminder.recipient, reminder.headers) == ("extern@example.org", {})
    assert "/e-mail/afmelden/" not in reminder.body_text and "/e-mail/afmelden/" not in reminder.body_html
    assert "/bijeenkomsten/afspraken/link/" in reminder.body_text


def test_event_and_agreement_reminders_each_follow_their_own_preference(event):
    only_events = factories.UserFactory(email="alleen-bijeenkomsten@example.org", agreement_reminders_enabled=False)
    only_agreements = factories.UserFactory(email="alleen-afspraken@example.org", event_reminders_enabled=False)
    for user in (only_events, only_agreements):
        Registration.objects.create(event=event, user=user, status=Registration.Status.CONFIRMED)
        _agreement(event, date(2027, 4, 30), owner=user, owner_email="")
    with time_machine.travel(datetime(2027, 3, 9, 12, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 1
    # Both are told of their agreement; only the one who wants them is reminded.
    assert run_days(date(2027, 3, 11), date(2027, 4, 23)) == [2, 1]
    assert sorted(OutboundEmail.objects.values_list("kind", "recipient")) == [
        ("agreement-assigned", "alleen-afspraken@example.org"),
        ("agreement-assigned", "alleen-bijeenkomsten@example.org"),
        ("agreement-reminder", "alleen-afspraken@example.org"),
        ("event-reminder", "alleen-bijeenkomsten@example.org"),
    ]


def test_after_a_work_visit_both_sides_are_asked_to_plan_the_next_visit(event, coalition):
    """The organisers get the report request with the link to plan the next visit (twice); the host's project
    leaders get one email asking for the return visit; a leader of both sides gets only the organisers' email."""
    host = factories.CoalitionFactory(name="Maastricht-Heuvelland", slug="maastricht")
    Event.objects.filter(pk=event.pk).update(kind=Event.Kind.WORK_VISIT, host=host)
    organiser = factories.UserFactory(email="pl@example.org")
    hosting = factories.UserFactory(email="pl-maastricht@example.org", full_name="Noor")
    both = factories.UserFactory(email="beide@example.org")
    for coalition_, user in [(coalition, organiser), (host, hosting), (coalition, both), (host, both)]:
        factories.MembershipFactory(coalition=coalition_, user=user, role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.MembershipFactory(coalition=host, user=factories.UserFactory(email="lid-maastricht@example.org"))
    with time_machine.travel(datetime(2027, 3, 10, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 3
    with time_machine.travel(datetime(2027, 3, 17, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 2  # the reminder goes to the organisers only
    assert sorted(OutboundEmail.objects.values_list("idempotency_key", "recipient")) == sorted([
        (f"report-request:{event.pk}:1:{organiser.pk}", "pl@example.org"),
        (f"report-request:{event.pk}:1:{both.pk}", "beide@example.org"),
        (f"return-visit-request:{event.pk}:{hosting.pk}", "pl-maastricht@example.org"),
        (f"report-request:{event.pk}:2:{organiser.pk}", "pl@example.org"),
        (f"report-request:{event.pk}:2:{both.pk}", "beide@example.org"),
    ])
    messages = {(m.to[0], m.subject): m for m in sent()}
    to_host = messages[("pl-maastricht@example.org", "Plan een terugbezoek aan Oost-Groningen")]
    link = reverse("events:return_visit", args=[event.slug])
    assert link in to_host.body and "Oost-Groningen kwam bij jullie op bezoek" in to_host.body
    to_organiser = messages[("pl@example.org", "Schrijf het verslag van Werkbezoek Maastricht")]
    assert "Plan het volgende bezoek: http" in to_organiser.body and link in to_organiser.body


def test_no_plan_link_once_a_follow_up_visit_exists(event, coalition):
    host = factories.CoalitionFactory(name="Maastricht-Heuvelland", slug="maastricht")
    Event.objects.filter(pk=event.pk).update(kind=Event.Kind.WORK_VISIT, host=host)
    factories.MembershipFactory(coalition=coalition, user=factories.UserFactory(email="pl@example.org"),
                                role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.MembershipFactory(coalition=host, user=factories.UserFactory(email="pl-maastricht@example.org"),
                                role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=host, host=coalition, follows_on=event)
    with time_machine.travel(datetime(2027, 3, 10, 17, 0, tzinfo=AMS), tick=False):
        assert jobs.send_report_requests() == 1
    (message,) = sent()
    assert message.to == ["pl@example.org"] and "Plan het volgende bezoek" not in message.body


def test_a_reminder_run_handles_a_bounded_chunk_earliest_due_first_and_the_next_run_the_rest(event):
    late = _agreement(event, date(2027, 3, 20), owner_email="laat@example.org")
    early = _agreement(event, date(2027, 3, 12), owner_email="vroeg@example.org")
    middle = _agreement(event, date(2027, 3, 15), owner_email="midden@example.org")
    with time_machine.travel(datetime(2027, 3, 11, 10, 10, tzinfo=AMS), tick=False):
        assert jobs.send_agreement_reminders_chunk(limit=2) == (2, True)
        assert sorted(a.pk for a in FollowUpAgreement.objects.exclude(notified_email="")) == sorted(
            [early.pk, middle.pk])
        assert jobs.send_agreement_reminders_chunk(limit=2) == (1, False)
        assert jobs.send_agreement_reminders_chunk(limit=2) == (0, False)
    assert FollowUpAgreement.objects.filter(notified_email="").count() == 0
    assert late.pk in set(FollowUpAgreement.objects.exclude(notified_email="").values_list("pk", flat=True))
