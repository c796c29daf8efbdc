"""Saving an event: changes to its time or place reach everyone still expecting to come, once per change."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from events import jobs
from events.models import Event, Registration
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import event_data, formset

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
R = Registration.Status


@pytest.fixture
def planned(client, leader, coalition):
    """An event created through the form on 1 March 2027 for 20 March, 13:00–17:00, with three registrations."""
    with time_machine.travel(datetime(2027, 3, 1, 10, 0, tzinfo=AMS), tick=False):
        client.force_login(leader)
        client.post(reverse("events:create"), event_data(
            coalition, title="Inspiratiemiddag Veendam", starts_at="2027-03-20T13:00", ends_at="2027-03-20T17:00",
            venue_name="Cultuurhuis", address="Kerkstraat 1", city="Veendam"))
    event = Event.objects.get()
    for email, status in [("komt@example.org", R.CONFIRMED), ("wacht@example.org", R.WAITLISTED),
                          ("afgemeld@example.org", R.CANCELLED)]:
        factories.RegistrationFactory(event=event, status=status,
                                      user=factories.UserFactory(email=email, full_name=email.split("@")[0]))
    return event


def edit(client, event, coalition, day=datetime(2027, 3, 5, 9, 0, tzinfo=AMS), **overrides):
    values = {"title": "Inspiratiemiddag Veendam", "starts_at": "2027-03-20T13:00", "ends_at": "2027-03-20T17:00",
              "venue_name": "Cultuurhuis", "address": "Kerkstraat 1", "city": "Veendam", **overrides}
    with time_machine.travel(day, tick=False):
        client.force_login(event.created_by)
        response = client.post(reverse("events:edit", args=[event.slug]),
                               {**event_data(coalition, **values), **formset("programme", total=0)})
    assert response.status_code == 302
    return list(OutboundEmail.objects.filter(kind="event-changed").order_by("pk"))


def test_moved_time_reaches_confirmed_and_waiting_participants_with_the_new_ics(client, planned, coalition):
    emails = edit(client, planned, coalition, starts_at="2027-03-27T14:00", ends_at="2027-03-27T17:30")
    assert [(e.recipient, e.subject) for e in emails] == [
        ("komt@example.org", "Gewijzigd: Inspiratiemiddag Veendam"),
        ("wacht@example.org", "Gewijzigd: Inspiratiemiddag Veendam"),
    ]
    text = emails[0].body_text
    assert "Wanneer:\n  was: zaterdag 20 maart 2027, 13:00 – 17:00\n  nu: zaterdag 27 maart 2027, 14:00 – 17:30" in text
    assert "Waar:" not in text
    assert "(je staat op de wachtlijst)" not in text and "(je staat op de wachtlijst)" in emails[1].body_text
    assert f"downloaden: {settings.SITE_URL}/bijeenkomsten/{planned.slug}/agenda.ics\n" in text
    [attachment] = emails[0].attachments
    assert (attachment["filename"], attachment["mimetype"]) == (f"{planned.slug}.ics", "text/calendar")
    vevent = Calendar.from_ical(attachment["content"]).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime(2027, 3, 27, 14, 0, tzinfo=AMS)
    assert str(vevent["uid"]) == f"event-{planned.pk}@kennisportaal.nl"


def test_moved_venue_says_where_from_and_to(client, planned, coalition):
    emails = edit(client, planned, coalition, venue_name="OBS De Regenboog", address="Schoolstraat 3")
    assert len(emails) == 2
    text = emails[0].body_text
    assert ("Waar:\n  was: Cultuurhuis, Kerkstraat 1, Veendam\n  nu: OBS De Regenboog, Schoolstraat 3, Veendam"
            in text)
    assert "Wanneer:" not in text


def test_each_change_is_told_once_and_other_edits_tell_nobody(client, planned, coalition):
    assert edit(client, planned, coalition, title="Inspiratiemiddag Veendam (vol)", capacity="80") == []
    first = edit(client, planned, coalition, city="Stadskanaal")
    assert len(first) == 2
    # Saving the form again without a change, a day later, sends nothing new.
    assert edit(client, planned, coalition, city="Stadskanaal", day=datetime(2027, 3, 6, 9, 0, tzinfo=AMS)) == first
    # Moving it back is a change of its own.
    again = edit(client, planned, coalition, day=datetime(2027, 3, 7, 9, 0, tzinfo=AMS))
    assert len(again) == 4
    assert "nu: Cultuurhuis, Kerkstraat 1, Veendam" in again[-1].body_text


def test_no_change_emails_for_a_cancelled_or_past_event(client, planned, coalition):
    Event.objects.filter(pk=planned.pk).update(cancelled_at=datetime(2027, 3, 2, tzinfo=AMS))
    assert edit(client, planned, coalition, city="Stadskanaal") == []
    Event.objects.filter(pk=planned.pk).update(cancelled_at=None)
    assert edit(client, planned, coalition, city="Pekela", day=datetime(2027, 3, 21, 9, 0, tzinfo=AMS)) == []


def test_the_day_before_reminder_follows_a_moved_start(client, planned, coalition):
    with time_machine.travel(datetime(2027, 3, 19, 14, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 1
    edit(client, planned, coalition, day=datetime(2027, 3, 19, 15, 0, tzinfo=AMS),
         starts_at="2027-03-27T13:00", ends_at="2027-03-27T17:00")
    with time_machine.travel(datetime(2027, 3, 26, 14, 0, tzinfo=AMS), tick=False):
        assert jobs.send_event_reminders() == 1
    assert list(OutboundEmail.objects.filter(kind="event-reminder").values_list("recipient", flat=True)) == [
        "komt@example.org", "komt@example.org"]
