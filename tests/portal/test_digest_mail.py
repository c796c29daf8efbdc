"""The digest email's fast frame (portal.digest_mail) is character for character what the templates render."""

import itertools
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from notifications.services import render_email
from portal.digest_mail import DigestMail
from portal.digests import Digest, ThemeGroup

AMS = ZoneInfo("Europe/Amsterdam")


def item(n: int):
    return SimpleNamespace(digest_text=f"* Item {n} & co\n  https://example.nl/?a={n}&b=2\n",
                           digest_html=mark_safe(  # noqa: S308 (a fixed test string)
                               f'<li><a href="https://example.nl/?a={n}&amp;b=2">Item {n} &amp; co</a></li>'))


def group(name: str, shown: int, total: int) -> ThemeGroup:
    return ThemeGroup(key=name or "overig", name=name, more_url="https://example.nl/praktijk/?thema=x&sinds=1",
                      practices=[item(n) for n in range(shown)], tips=[item(9)] if shown else [], total=total)


GROUPS = {
    "none": [],
    "named, nothing more": [group("Taal & <lezen>", 2, 3)],
    "unnamed, one more": [group("", 0, 1)],
    "several, many more": [group("Sport", 1, 2), group("", 2, 1250), group("Natuur", 3, 40)],
}


@pytest.mark.parametrize(("frequency", "reports", "groups", "events", "unsubscribe"), list(itertools.product(
    ("daily", "weekly"), (False, True), list(GROUPS), (False, True), (False, True))))
def test_the_frame_is_exactly_what_the_templates_render(frequency, reports, groups, events, unsubscribe):
    until = datetime(2027, 3, 10, 7, 0, tzinfo=AMS)
    digest = Digest(user=None, since=until, until=until, reports=[item(1), item(2)] if reports else [],
                    groups=GROUPS[groups], events=[item(3)] if events else [])
    context = {"digest": digest, "recipient": SimpleNamespace(display_name="Anne & <Bo> \"B\""),
               "frequency": frequency, "profile_url": "https://example.nl/mijn/profiel/?a=1&b=2"}
    if unsubscribe:
        context |= {"unsubscribe_url": "https://example.nl/e-mail/afmelden/eyJ1Ijo:abc-_/",
                    "preferences_url": "https://example.nl/mijn/profiel/?x=<1>"}
    with translation.override("nl"):
        fast = DigestMail(frequency).render(context)
        assert fast == render_email("emails/digest", context)
    assert fast[1].startswith("Beste Anne & <Bo> \"B\",\n")


def event(pk: int, starts: datetime, ends: datetime, **place):
    values = {"venue_name": "", "address": "", "city": "", "online_url": ""} | place
    return SimpleNamespace(pk=pk, slug=f"bijeenkomst-{pk}", title=f"Werkbezoek <{pk}> & 'co'", starts_at=starts,
                           ends_at=ends, get_absolute_url=lambda: f"/bijeenkomsten/bijeenkomst-{pk}/", **values)


UTC = ZoneInfo("UTC")
EVENTS = [
    # Same day; venue, address, city and an online link (with characters HTML escapes).
    event(1, datetime(2027, 3, 12, 13, 0, tzinfo=UTC), datetime(2027, 3, 12, 16, 30, tzinfo=UTC),
          venue_name="Café 'De Hoek' & zn", address="Dorpsstraat 1", city="Zwolle",
          online_url="https://meet.example.nl/?a=1&b=<2>"),
    # Over two days; a venue without address or city.
    event(2, datetime(2027, 3, 15, 8, 0, tzinfo=UTC), datetime(2027, 3, 16, 15, 0, tzinfo=UTC), venue_name="OBS De Es"),
    # A city and an online link, no venue; starts late in the evening, Amsterdam time (another UTC day).
    event(3, datetime(2027, 3, 20, 22, 30, tzinfo=UTC), datetime(2027, 3, 21, 0, 30, tzinfo=UTC), city="Assen",
          online_url="https://meet.example.nl/x"),
    # Online only; and one with no place at all, in summer time.
    event(4, datetime(2027, 4, 2, 7, 0, tzinfo=UTC), datetime(2027, 4, 2, 8, 0, tzinfo=UTC),
          online_url="https://teams.example.nl/y"),
    event(5, datetime(2027, 7, 1, 10, 0, tzinfo=UTC), datetime(2027, 7, 1, 11, 0, tzinfo=UTC), address="Ergens 2"),
]


def agreement(n: int, days_overdue: int, until: datetime):
    return SimpleNamespace(description=f"Verslag & foto's <{n}>", event_title=f"Werkbezoek <{n}> & co",
                           days_overdue=days_overdue, due_date=until.date() - timedelta(days=days_overdue),
                           close_url=f"https://example.nl/afspraak/t{n}:a-b_c/?x=1&y=2")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("agreements", "registrations"), [(True, False), (False, True), (True, True)])
def test_commitments_are_exactly_what_their_templates_render(language, agreements, registrations):
    until = datetime(2027, 3, 10, 7, 0, tzinfo=AMS)
    digest = Digest(
        user=None, since=until, until=until, groups=GROUPS["named, nothing more"],
        agreements=[agreement(n, days, until) for n, days in enumerate([1500, 2, 1, 0, -3, -40])] if agreements else [],
        registrations=[SimpleNamespace(event=ev, waiting_position=position) for ev, position in
                       zip([*EVENTS, EVENTS[0]], [None, 3, None, 1, 1200, None], strict=True)] if registrations else [],
    )
    context = {"digest": digest, "recipient": SimpleNamespace(display_name="Anne"), "frequency": "daily",
               "profile_url": "https://example.nl/mijn/profiel/"}
    with translation.override(language):
        fast = DigestMail("daily").render(context)
        assert fast == render_email("emails/digest", context)


def test_commitments_in_dutch():
    until = datetime(2027, 3, 10, 7, 0, tzinfo=AMS)
    digest = Digest(user=None, since=until, until=until,
                    agreements=[agreement(1, 2, until), agreement(2, 0, until), agreement(3, -3, until)],
                    registrations=[SimpleNamespace(event=EVENTS[0], waiting_position=None),
                                   SimpleNamespace(event=EVENTS[2], waiting_position=4)])
    context = {"digest": digest, "recipient": SimpleNamespace(display_name="Anne"), "frequency": "daily",
               "profile_url": "https://example.nl/mijn/profiel/"}
    with translation.override("nl"):
        _, text, html = DigestMail("daily").render(context)
    assert text.split("\n")[4:21] == [
        "== Mijn afspraken en aanmeldingen ==",
        "",
        "* Verslag & foto's <1>",
        "  uit “Werkbezoek <1> & co” · 2 dagen over de termijn",
        "  Markeer als afgerond of vervallen: https://example.nl/afspraak/t1:a-b_c/?x=1&y=2",
        "",
        "* Verslag & foto's <2>",
        "  uit “Werkbezoek <2> & co” · uiterlijk vandaag",
        "  Markeer als afgerond of vervallen: https://example.nl/afspraak/t2:a-b_c/?x=1&y=2",
        "",
        "* Verslag & foto's <3>",
        "  uit “Werkbezoek <3> & co” · uiterlijk zaterdag 13 maart",
        "  Markeer als afgerond of vervallen: https://example.nl/afspraak/t3:a-b_c/?x=1&y=2",
        "",
        "* Werkbezoek <1> & 'co'",
        "  vrijdag 12 maart 2027, 14:00 – 17:30 · Café 'De Hoek' & zn, Dorpsstraat 1, Zwolle · "
        "https://meet.example.nl/?a=1&b=<2>",
        f"  Zet in je agenda (.ics): {settings.SITE_URL}/bijeenkomsten/bijeenkomst-1/agenda.ics",
    ]
    assert "<li>Verslag &amp; foto&#x27;s &lt;1&gt;<br>" in html
    assert "<strong>2 dagen over de termijn</strong>" in html
    assert "zondag 21 maart 2027, 01:30 · Assen · https://meet.example.nl/x</small>" in html
