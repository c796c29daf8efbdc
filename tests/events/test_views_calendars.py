"""Calendars and feeds: .ics per event, the secret personal feed, coalition and region feeds, Atom."""

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import CalendarToken, Event
from events.services.calendars import create_calendar_token
from events.services.registrations import register_for_event
from moderation.models import ModerationState
from tests import factories


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
def test_coalition_and_region_feeds_include_the_visits_they_host(client, event, coalition):
    visitor = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    assert visitor.region_id != coalition.region_id
    factories.EventFactory(title="Werkbezoek aan Oost-Groningen", kind=Event.Kind.WORK_VISIT, organiser=visitor,
                           host=coalition)
    for url in (reverse("coalition_calendar", args=[coalition.slug]),
                reverse("region_calendar", args=[coalition.region.slug])):
        events = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
        summaries = sorted(str(e["SUMMARY"]) for e in events)
        assert summaries == ["Inspiratiemiddag Veendam", "Werkbezoek aan Oost-Groningen"]
    visitor_feed = client.get(reverse("region_calendar", args=[visitor.region.slug])).content
    assert [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(visitor_feed).walk("VEVENT")] == [
        "Werkbezoek aan Oost-Groningen"]


@pytest.mark.django_db
def test_first_calendar_link_does_not_mention_an_old_link(client):
    client.force_login(factories.UserFactory())
    first = client.post(reverse("events:calendar_settings"), follow=True)
    assert [str(m) for m in first.context["messages"]] == [
        "Je agendalink is klaar. Voeg hem toe aan je agenda-app."]
    again = client.post(reverse("events:calendar_settings"), follow=True)
    assert [str(m) for m in again.context["messages"]] == [
        "Je hebt een nieuwe agendalink. De oude link werkt niet meer."]


@pytest.mark.django_db
def test_personal_feed_leaves_out_hidden_events_and_gives_cancelled_ones_only_their_title(client, coalition):
    user = factories.UserFactory()
    kept = factories.EventFactory(title="Gaat door", organiser=coalition, venue_name="Cultuurhuis", city="Veendam")
    cancelled = factories.EventFactory(title="Gaat niet door", organiser=coalition, venue_name="Geheime zaal",
                                       city="Winsum", summary="Details die weg moeten")
    hidden = factories.EventFactory(title="Verborgen", organiser=coalition, venue_name="Ergens")
    for event in (kept, cancelled, hidden):
        register_for_event(event, user=user)
    Event.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    Event.objects.filter(pk=hidden.pk).update(state=ModerationState.HIDDEN)
    token = create_calendar_token(user)[0].token
    response = client.get(reverse("events:personal_calendar", args=[token]))
    vevents = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(v["SUMMARY"]) for v in vevents] == ["Gaat door", "Gaat niet door"]
    full, gone = vevents
    assert str(full["STATUS"]) == "CONFIRMED" and "Cultuurhuis" in str(full["LOCATION"])
    assert sorted(gone.keys()) == ["DTEND", "DTSTAMP", "DTSTART", "LAST-MODIFIED", "SEQUENCE", "STATUS", "SUMMARY",
                                   "UID"]
    assert str(gone["STATUS"]) == "CANCELLED" and str(gone["UID"]) == f"event-{cancelled.pk}@kennisportaal.nl"
    assert gone.subcomponents == []
    assert b"Geheime zaal" not in response.content and b"Details die weg moeten" not in response.content
    assert b"Verborgen" not in response.content and b"Ergens" not in response.content


@pytest.mark.django_db
def test_public_feeds_give_a_cancelled_event_only_its_title(client, coalition):
    cancelled = factories.EventFactory(title="Gaat niet door", organiser=coalition, venue_name="Geheime zaal",
                                       cancelled_at=timezone.now())
    for url in (reverse("coalition_calendar", args=[coalition.slug]), reverse("events:ics", args=[cancelled.slug])):
        [vevent] = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
        assert (str(vevent["SUMMARY"]), str(vevent["STATUS"])) == ("Gaat niet door", "CANCELLED")
        assert "LOCATION" not in vevent and "DESCRIPTION" not in vevent and "ORGANIZER" not in vevent
