"""iCalendar (RFC 5545) files for events: one event, or a feed of many."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Alarm, Calendar, Timezone
from icalendar import Event as VEvent

from core.text import strip_control_characters

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


def _text(value: str) -> str:
    return strip_control_characters(value)


def _vevent(event, now) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", now)
    vevent.add("dtstart", timezone.localtime(event.starts_at, AMSTERDAM))
    vevent.add("dtend", timezone.localtime(event.ends_at, AMSTERDAM))
    vevent.add("summary", _text(event.title))
    if event.cancelled_at:
        # The title and times are enough for a calendar to find and remove the entry; the place, the
        # description and the organiser's contact stay out of a calendar that is no longer theirs to have.
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("description", _text(f"{event.summary}\n\n{settings.SITE_URL}{event.get_absolute_url()}"))
        vevent.add("url", settings.SITE_URL + event.get_absolute_url())
        if location := _location(event):
            vevent.add("location", _text(location))
        vevent.add("organizer", f"mailto:{event.organiser.contact_email or 'noreply@kennisportaal.nl'}",
                   parameters={"CN": _text(event.organiser.name)})
        vevent.add("status", "CONFIRMED")
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", int(event.updated_at.timestamp()) // 60 % 100000)
    if not event.cancelled_at:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _text(event.title))
        alarm.add("trigger", timedelta(hours=-2))
        vevent.add_component(alarm)
    return vevent


def build_calendar(events, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kennisportaal School & Omgeving//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _text(name))
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
