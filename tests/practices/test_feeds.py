"""The Atom feed of new practice examples: user text reaches feed readers as text; stored text never breaks it."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_summary_is_plain_text_so_markup_stays_text(client):
    factories.PracticeFactory(title="<b>Talent</b>", summary="<img src=x onerror=alert(1)> & meer")
    response = client.get(reverse("feed_practices"))
    assert response.status_code == 200
    [entry] = ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed
    summary = entry.find(f"{ATOM}summary")
    assert summary.attrib == {"type": "text"}
    assert summary.text == "<img src=x onerror=alert(1)> & meer"
    assert b'<summary type="text">&lt;img src=x onerror=alert(1)&gt; &amp; meer</summary>' in response.content
    assert entry.find(f"{ATOM}title").text == "<b>Talent</b>"


def test_control_characters_already_stored_do_not_break_the_feed_or_the_page(client):
    practice = factories.PracticeFactory(title="Talent\x01fluisteraars", summary="Ouders\x01 en\x1f school",
                                         approach="Stap\x02 voor stap")
    response = client.get(reverse("feed_practices"))
    assert response.status_code == 200
    [entry] = ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed
    assert entry.find(f"{ATOM}title").text == "Talentfluisteraars"
    assert entry.find(f"{ATOM}summary").text == "Ouders en school"
    page = client.get(practice.get_absolute_url())
    assert page.status_code == 200
    assert "<h1>Talent\x01fluisteraars</h1>" in page.content.decode()  # shown as stored: HTML can hold it
