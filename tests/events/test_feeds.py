"""The Atom feed of upcoming events: user text reaches feed readers as text, and no stored text breaks it."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response):
    assert response.status_code == 200
    return ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed


def test_summary_is_plain_text_so_markup_stays_text(client, coalition):
    factories.EventFactory(organiser=coalition, title="Ouders & school", summary="<img src=x onerror=alert(1)>")
    response = client.get(reverse("feed_events"))
    [entry] = _entries(response)
    summary = entry.find(f"{ATOM}summary")
    assert summary.attrib == {"type": "text"}
    assert summary.text == "<img src=x onerror=alert(1)>"
    assert b'<summary type="text">&lt;img src=x onerror=alert(1)&gt;</summary>' in response.content
    assert entry.find(f"{ATOM}title").text.endswith(" · Ouders & school")


def test_control_characters_already_stored_do_not_break_the_feed(client, coalition):
    factories.EventFactory(organiser=coalition, title="Inspiratie\x01middag", summary="Samen\x0b op\x1f pad\tnu")
    [entry] = _entries(client.get(reverse("feed_events")))
    assert entry.find(f"{ATOM}title").text.endswith(" · Inspiratiemiddag")
    assert entry.find(f"{ATOM}summary").text == "Samen op pad\tnu"


def test_control_characters_already_stored_do_not_break_the_event_page_or_its_calendar_file(client, coalition):
    event = factories.EventFactory(organiser=coalition, title="Inspiratie\x01middag", summary="Samen\x0b op pad")
    page = client.get(event.get_absolute_url())
    assert page.status_code == 200
    ics = client.get(reverse("events:ics", args=[event.slug]))
    assert ics.status_code == 200
    assert b"SUMMARY:Inspiratiemiddag\r\n" in ics.content
