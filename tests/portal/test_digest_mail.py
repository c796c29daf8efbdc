"""The digest email's fast frame (portal.digest_mail) is character for character what the templates render."""

import itertools
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
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


@pytest.mark.parametrize("days_overdue", [2, 1, 0, -3])
def test_commitments_are_rendered_by_their_templates_into_the_frame(days_overdue):
    until = datetime(2027, 3, 10, 7, 0, tzinfo=AMS)
    agreement = SimpleNamespace(description="Verslag & foto's", event=SimpleNamespace(title="Werkbezoek <1>"),
                                days_overdue=days_overdue, due_date=until.date(), close_url="https://example.nl/l/t/")
    digest = Digest(user=None, since=until, until=until, agreements=[agreement], groups=GROUPS["named, nothing more"])
    context = {"digest": digest, "recipient": SimpleNamespace(display_name="Anne"), "frequency": "daily",
               "profile_url": "https://example.nl/mijn/profiel/"}
    with translation.override("nl"):
        subject, text, html = DigestMail("daily").render(context)
        assert (subject, text, html) == render_email("emails/digest", context)
    assert "Verslag & foto's\n  uit “Werkbezoek <1>” · " in text
    assert "<li>Verslag &amp; foto&#x27;s<br>" in html
