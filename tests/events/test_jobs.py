"""The scheduled jobs, with a moved clock: event reminders, report requests, agreement reminders."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from coalitions.models import CoalitionMembership
from events import jobs
from events.models import FollowUpAgreement, Registration
from events.services.reports import close_agreement, first_reminder_date
from notifications.delivery import deliver_due_emails
from tests import factories

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
    agreement = factories.AgreementFactory(event=event, due_date=due, owner_email="eigenaar@example.org", **kwargs)
    with time_machine.travel(datetime(2027, 3, 11, 9, 0, tzinfo=AMS), tick=False):
        FollowUpAgreement.objects.filter(pk=agreement.pk).update(next_reminder_on=first_reminder_date(due))
    return agreement


def run_on(day: date) -> int:
    with time_machine.travel(datetime(day.year, day.month, day.day, 10, 10, tzinfo=AMS), tick=False):
        return jobs.send_agreement_reminders()


def test_event_reminder_the_day_before_once(event):
    going = factories.UserFactory(email="gaat@example.org")
    quiet = factories.UserFactory(email="stil@example.org", reminders_enabled=False)
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


def test_agreement_reminders_before_on_and_after_the_due_date(event):
    due = date(2027, 4, 30)
    _agreement(event, due)
    schedule = {day: run_on(day) for day in (date(2027, 4, 22), date(2027, 4, 23), date(2027, 4, 23),
                                             date(2027, 4, 29), date(2027, 4, 30), date(2027, 5, 6),
                                             date(2027, 5, 7), date(2027, 5, 8), date(2027, 5, 14))}
    assert schedule == {
        date(2027, 4, 22): 0,  # eight days before: nothing
        date(2027, 4, 23): 0,  # seven days before: sent on the first run (the dict keeps the second run: 0)
        date(2027, 4, 29): 0,
        date(2027, 4, 30): 1,  # on the due date
        date(2027, 5, 6): 0,
        date(2027, 5, 7): 1,  # a week overdue
        date(2027, 5, 8): 0,
        date(2027, 5, 14): 1,  # and every week after
    }
    messages = sent()
    assert len(messages) == 4
    assert [m.to for m in messages] == [["eigenaar@example.org"]] * 4
    assert "30 april" in messages[0].subject
    assert "vandaag" in messages[1].subject
    assert "verlopen" in messages[2].subject and "7 dagen" in messages[2].body
    assert "/bijeenkomsten/afspraken/link/" in messages[0].body


def test_agreement_reminders_stop_when_done(event):
    agreement = _agreement(event, date(2027, 4, 30))
    assert run_on(date(2027, 4, 23)) == 1
    close_agreement(agreement, status="done", note="Gelukt")
    assert run_on(date(2027, 4, 30)) == 0
    assert run_on(date(2027, 5, 7)) == 0
    assert len(sent()) == 1


def test_agreement_reminders_respect_the_owners_preference(event):
    owner = factories.UserFactory(email="liever-niet@example.org", reminders_enabled=False)
    _agreement(event, date(2027, 4, 30), owner=owner)
    assert run_on(date(2027, 4, 30)) == 0
    assert sent() == []


def test_catch_up_after_downtime_sends_one_reminder_not_a_backlog(event):
    _agreement(event, date(2027, 4, 30))
    # The scheduler was down for weeks; the first run after sends a single overdue reminder.
    assert run_on(date(2027, 6, 1)) == 1
    assert run_on(date(2027, 6, 1)) == 0
    assert run_on(date(2027, 6, 8)) == 1
