"""iCalendar (RFC 5545) files for events: one event, or a feed of many."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Alarm, Calendar, Timezone
from icalendar import Event as VEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UID_DOMAIN = "kennisportaal.nl"


def event_uid(event) -> str:
    """Stable across edits and exports, so calendars update the entry instead of adding another."""
    return f"event-{event.pk}@{UID_DOMAIN}"


def _location(event) -> str:
    parts = [event.venue_name, event.address, event.city]
    place = ", ".join(part for part in parts if part)
    if event.online_url:
        place = f"{place} · {event.online_url}" if place else event.online_url
    return place


def _vevent(event, now) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", now)
    vevent.add("dtstart", timezone.localtime(event.starts_at, AMSTERDAM))
    vevent.add("dtend", timezone.localtime(event.ends_at, AMSTERDAM))
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.summary}\n\n{settings.SITE_URL}{event.get_absolute_url()}")
    vevent.add("url", settings.SITE_URL + event.get_absolute_url())
    if location := _location(event):
        vevent.add("location", location)
    vevent.add("organizer", f"mailto:{event.organiser.contact_email or 'noreply@kennisportaal.nl'}",
               parameters={"CN": event.organiser.name})
    vevent.add("status", "CANCELLED" if event.cancelled_at else "CONFIRMED")
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", int(event.updated_at.timestamp()) // 60 % 100000)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event.title)
    alarm.add("trigger", timedelta(hours=-2))
    vevent.add_component(alarm)
    return vevent


def build_calendar(events, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kennisportaal School & Omgeving//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    events = list(events)
    if events:
        first, last = min(e.starts_at for e in events).date(), max(e.ends_at for e in events).date()
        calendar.add_component(Timezone.from_tzinfo(AMSTERDAM, tzid="Europe/Amsterdam", first_date=first,
                                                    last_date=last + timedelta(days=366)))
    now = timezone.now()
    for event in events:
        calendar.add_component(_vevent(event, now))
    return calendar.to_ical()
