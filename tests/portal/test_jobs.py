"""The digest job, with a moved clock: sections, exact periods, repeats, late runs, and queries per batch."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coalitions.models import MemberProfile
from events.models import Event, Registration
from notifications.models import OutboundEmail
from portal import jobs
from portal.digests import period_end
from portal.models import DigestState
from tests import factories

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_7 = datetime(2027, 3, 8, 7, 0, tzinfo=AMS)


def at(moment: datetime):
    return time_machine.travel(moment, tick=False)


def run(moment: datetime) -> int:
    with at(moment):
        return jobs.send_digests()


def digests():
    return list(OutboundEmail.objects.filter(kind="digest").order_by("pk"))


def reader(email="lezer@example.org", frequency="daily", *, region=None, themes=(), regions=(), coalitions=()):
    with at(datetime(2027, 2, 1, 12, 0, tzinfo=AMS)):
        user = factories.UserFactory(email=email, full_name="Sanne Mulder", digest_frequency=frequency)
    profile = MemberProfile.objects.create(user=user, region=region)
    profile.followed_themes.set(themes)
    profile.followed_regions.set(regions)
    profile.followed_coalitions.set(coalitions)
    return user


def published(title, moment, **kwargs):
    return factories.PracticeFactory(title=title, published_at=moment, **kwargs)


def test_period_end_is_seven_in_the_morning_and_monday_for_weekly():
    assert period_end("daily", datetime(2027, 3, 10, 6, 59, tzinfo=AMS)) == datetime(2027, 3, 9, 7, 0, tzinfo=AMS)
    assert period_end("daily", datetime(2027, 3, 10, 7, 0, tzinfo=AMS)) == datetime(2027, 3, 10, 7, 0, tzinfo=AMS)
    assert period_end("weekly", datetime(2027, 3, 10, 12, 0, tzinfo=AMS)) == MONDAY_7
    assert period_end("weekly", datetime(2027, 3, 8, 6, 0, tzinfo=AMS)) == MONDAY_7 - timedelta(days=7)
    # Summer time: still 07:00 on the wall clock.
    assert period_end("daily", datetime(2027, 4, 1, 8, 0, tzinfo=AMS)) == datetime(2027, 4, 1, 7, 0, tzinfo=AMS)


def test_each_item_is_in_exactly_one_digest_even_when_runs_repeat_or_are_late(theme):
    user = reader(themes=[theme])
    published("Voor de eerste", datetime(2027, 3, 9, 15, 0, tzinfo=AMS), themes=[theme])
    published("Net na zevenen", datetime(2027, 3, 10, 7, 0, 1, tzinfo=AMS), themes=[theme])
    published("Op de grens", datetime(2027, 3, 10, 7, 0, tzinfo=AMS), themes=[theme])
    assert run(datetime(2027, 3, 10, 7, 0, tzinfo=AMS)) == 1
    assert run(datetime(2027, 3, 10, 8, 0, tzinfo=AMS)) == 0  # repeated: nothing due
    # The next morning's run is four hours late: it still ends at 07:00, so what was published at 07:00:01
    # yesterday is in it, once, and what was published at 09:00 today waits for tomorrow.
    published("Later op de dag", datetime(2027, 3, 11, 9, 0, tzinfo=AMS), themes=[theme])
    assert run(datetime(2027, 3, 11, 11, 0, tzinfo=AMS)) == 1
    assert run(datetime(2027, 3, 12, 7, 0, tzinfo=AMS)) == 1
    # Nothing new: the fourth morning sends nothing, but the state moves on.
    assert run(datetime(2027, 3, 13, 7, 0, tzinfo=AMS)) == 0
    assert DigestState.objects.get(user=user).covered_until == datetime(2027, 3, 13, 7, 0, tzinfo=AMS)
    first, second, third = digests()
    assert "Voor de eerste" in first.body_text and "Op de grens" in first.body_text
    assert "Net na zevenen" not in first.body_text and "Bekijk" not in first.body_text
    assert "Net na zevenen" in second.body_text and "Op de grens" not in second.body_text
    assert "Later op de dag" not in second.body_text and "Later op de dag" in third.body_text
    assert "Net na zevenen" not in third.body_text
    assert [d.idempotency_key for d in digests()] == [
        f"digest:{user.pk}:2027-03-10T07:00", f"digest:{user.pk}:2027-03-11T07:00",
        f"digest:{user.pk}:2027-03-12T07:00"]


def test_weekly_readers_get_monday_digests_and_never_readers_none(theme):
    weekly = reader("week@example.org", "weekly", themes=[theme])
    reader("nooit@example.org", "never", themes=[theme])
    published("Talentdag Haarlem", datetime(2027, 3, 3, 10, 0, tzinfo=AMS), themes=[theme])
    assert run(datetime(2027, 3, 7, 12, 0, tzinfo=AMS)) == 0  # Sunday: the week ended last Monday, nothing then
    assert run(MONDAY_7) == 1
    assert run(datetime(2027, 3, 9, 7, 0, tzinfo=AMS)) == 0
    [digest] = digests()
    assert (digest.recipient, digest.user, digest.subject) == (
        "week@example.org", weekly, "Je weekoverzicht van het Kennisportaal")
    assert "Talentdag Haarlem" in digest.body_text


def every_section(region, coalition, theme):
    """A member whose digest has every section: commitments, a report, new items and an event near them."""
    user = reader(region=region, themes=[theme])
    factories.MembershipFactory(coalition=coalition, user=user)
    visitor = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    elsewhere = factories.CoalitionFactory(name="Utrecht", slug="utrecht")
    with at(datetime(2027, 2, 10, 12, 0, tzinfo=AMS)):
        visit = factories.EventFactory(title="Werkbezoek Den Haag in Veendam", kind=Event.Kind.WORK_VISIT,
                                       organiser=visitor, host=coalition,
                                       starts_at=datetime(2027, 2, 20, 9, 0, tzinfo=AMS),
                                       ends_at=datetime(2027, 2, 20, 15, 0, tzinfo=AMS))
        unrelated = factories.EventFactory(title="Intervisie Utrecht", organiser=elsewhere,
                                           starts_at=datetime(2027, 2, 20, 9, 0, tzinfo=AMS),
                                           ends_at=datetime(2027, 2, 20, 15, 0, tzinfo=AMS))
        coming = factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition, capacity=30,
                                        starts_at=datetime(2027, 3, 15, 13, 0, tzinfo=AMS),
                                        ends_at=datetime(2027, 3, 15, 17, 0, tzinfo=AMS),
                                        venue_name="Cultuurhuis", city="Veendam")
        full = factories.EventFactory(title="Volle training", organiser=coalition, capacity=1,
                                      starts_at=datetime(2027, 3, 16, 13, 0, tzinfo=AMS),
                                      ends_at=datetime(2027, 3, 16, 17, 0, tzinfo=AMS))
    Registration.objects.create(event=coming, user=user, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=full, user=factories.UserFactory(), status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=full, user=user, status=Registration.Status.WAITLISTED)
    factories.AgreementFactory(event=visit, owner=user, owner_email="", description="Terugbezoek plannen",
                               due_date=date(2027, 3, 5))
    factories.AgreementFactory(event=visit, owner_email="LEZER@example.org", description="Verslag delen",
                               due_date=date(2027, 3, 20))
    factories.AgreementFactory(event=visit, owner=user, owner_email="", description="Ver weg",
                               due_date=date(2027, 5, 1))
    with at(datetime(2027, 3, 9, 20, 0, tzinfo=AMS)):
        factories.EventReportFactory(event=visit, summary="Veel geleerd over de verrijkte schooldag.")
        factories.EventReportFactory(event=unrelated, summary="Niet voor jou.")
        factories.EventFactory(title="Nieuwe masterclass in Noord", organiser=coalition,
                               starts_at=datetime(2027, 4, 1, 13, 0, tzinfo=AMS),
                               ends_at=datetime(2027, 4, 1, 17, 0, tzinfo=AMS))
    published("Ouderkamer in Winsum", datetime(2027, 3, 9, 16, 0, tzinfo=AMS), themes=[theme])
    factories.TipFactory(title="Begin klein", themes=[theme], published_at=datetime(2027, 3, 9, 17, 0, tzinfo=AMS))
    published("Niet gevolgd", datetime(2027, 3, 9, 16, 0, tzinfo=AMS),
              coalition=factories.CoalitionFactory(region=factories.RegionFactory(name="Zuid", slug="zuid")))
    return user, coming


def test_sections_in_order_with_commitments_reports_follows_and_events(region, coalition, theme):
    user, coming = every_section(region, coalition, theme)
    run(datetime(2027, 3, 10, 7, 5, tzinfo=AMS))
    [digest] = [d for d in digests() if d.user == user]
    text = digest.body_text
    headings = [line for line in text.splitlines() if line.startswith("== ")]
    assert headings == ["== Mijn afspraken en aanmeldingen ==", "== Uit je coalities en hun werkbezoeken ==",
                        "== Nieuw in wat je volgt ==", "== Binnenkort bij jou in de buurt =="]
    assert "* Terugbezoek plannen\n  uit “Werkbezoek Den Haag in Veendam” · 5 dagen over de termijn" in text
    mine = text.split("== Mijn afspraken en aanmeldingen ==")[1].split("== Uit je coalities")[0]
    assert "Verslag delen" in mine and "Ver weg" not in mine
    assert "  - Ver weg (Sanne Mulder, 1 mei)" in text  # among the agreements the report made
    assert "/bijeenkomsten/afspraken/link/" in text
    assert "Inspiratiemiddag Veendam" in text and f"/bijeenkomsten/{coming.slug}/agenda.ics" in text
    assert "Je staat op plek 1 van de wachtlijst." in text
    assert "Veel geleerd over de verrijkte schooldag." in text and "Niet voor jou." not in text
    assert "Talentontwikkeling\n* Ouderkamer in Winsum" in text and "* Begin klein (tip)" in text
    assert "Niet gevolgd" not in text
    near = text.split("== Binnenkort bij jou in de buurt ==")[1]
    assert "Nieuwe masterclass in Noord" in near and "Volle training" not in near
    assert digest.body_html.count("<h2>") == 4


def test_an_empty_digest_is_not_sent(theme):
    reader(themes=[theme])
    assert run(datetime(2027, 3, 10, 7, 0, tzinfo=AMS)) == 0
    assert digests() == []
    assert DigestState.objects.count() == 1


def test_many_items_per_theme_are_capped_with_a_more_link(theme, coalition):
    reader(themes=[theme])
    for n in range(7):
        published(f"Voorbeeld {n}", datetime(2027, 3, 9, 10, n, tzinfo=AMS), themes=[theme], coalition=coalition)
    run(datetime(2027, 3, 10, 7, 0, tzinfo=AMS))
    text = digests()[0].body_text
    assert [line for line in text.splitlines() if line.startswith("* Voorbeeld")] == [
        "* Voorbeeld 6 (praktijkvoorbeeld, Noord)", "* Voorbeeld 5 (praktijkvoorbeeld, Noord)",
        "* Voorbeeld 4 (praktijkvoorbeeld, Noord)", "* Voorbeeld 3 (praktijkvoorbeeld, Noord)",
        "* Voorbeeld 2 (praktijkvoorbeeld, Noord)"]
    assert "Bekijk alle 7 nieuwe items: http://127.0.0.1:8000/praktijkvoorbeelden/?theme=talentontwikkeling" in text


@pytest.mark.parametrize("readers", [1, 3, 30])
def test_queries_per_batch_are_constant(theme, region, coalition, readers, django_assert_num_queries):
    for n in range(readers):
        user = reader(f"lezer{n}@example.org", region=region, themes=[theme], regions=[region],
                      coalitions=[coalition])
        factories.MembershipFactory(coalition=coalition, user=user)
        factories.AgreementFactory(owner=user, owner_email="", due_date=date(2027, 3, 12),
                                   event=factories.EventFactory(organiser=coalition))
        published(f"Voorbeeld {n}", datetime(2027, 3, 9, 10, 0, tzinfo=AMS), themes=[theme], coalition=coalition)
    ids = list(jobs.due_for_digest("daily", datetime(2027, 3, 10, 7, 0, tzinfo=AMS)).values_list("pk", flat=True))
    with at(datetime(2027, 3, 10, 7, 0, tzinfo=AMS)), CaptureQueriesContext(connection) as queries:
        assert jobs.send_digest_batch(ids, frequency="daily", until=datetime(2027, 3, 10, 7, 0, tzinfo=AMS)) == readers
    assert len(queries) == 18


def test_digest_carries_the_one_click_unsubscribe_that_stops_only_digests(client, theme):
    user = reader(themes=[theme])
    published("Ouderkamer", datetime(2027, 3, 9, 15, 0, tzinfo=AMS), themes=[theme])
    run(datetime(2027, 3, 10, 7, 0, tzinfo=AMS))
    [digest] = digests()
    url = digest.headers["List-Unsubscribe"].strip("<>")
    assert digest.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url.startswith("http://127.0.0.1:8000/e-mail/afmelden/") and f"\n{url}\n" in digest.body_text
    assert f'<a href="{url}"' in digest.body_html
    response = client.post(url.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.digest_frequency, user.event_reminders_enabled, user.agreement_reminders_enabled) == (
        "never", True, True)
    published("Nog een", datetime(2027, 3, 10, 15, 0, tzinfo=AMS), themes=[theme])
    assert run(datetime(2027, 3, 11, 7, 0, tzinfo=AMS)) == 0



EXPECTED = Path(__file__).parent / "expected"


def _stable(body: str) -> str:
    """The body with what differs per run (signed tokens, a row id, a factory's numbered name) as placeholders."""
    body = re.sub(r"/link/[^/\"]+/", "/link/TOKEN/", body)
    body = re.sub(r"/afmelden/[^/\"]+/", "/afmelden/TOKEN/", body)
    body = re.sub(r"Regio \d+", "Regio N", body)
    return re.sub(r"#tip-\d+", "#tip-ID", body)


def test_digest_text_and_html_are_exactly_as_before_rendering_items_once_per_batch(region, coalition, theme):
    # The expected files are the output of the templates before each item's lines were rendered once per batch
    # (emails/_digest_<item>.txt|.html); every character must stay the same.
    user, _ = every_section(region, coalition, theme)
    run(datetime(2027, 3, 10, 7, 5, tzinfo=AMS))
    [digest] = [d for d in digests() if d.user == user]
    assert digest.subject == "Je dagoverzicht van het Kennisportaal"
    assert _stable(digest.body_text) == (EXPECTED / "digest_every_section.txt").read_text()
    assert _stable(digest.body_html) == (EXPECTED / "digest_every_section.html").read_text()


def test_a_task_run_sends_a_bounded_chunk_and_the_next_run_goes_on_where_it_stopped(theme):
    for n in range(3):
        reader(f"lezer{n}@example.org", themes=[theme])
    published("Ouderkamer", datetime(2027, 3, 9, 15, 0, tzinfo=AMS), themes=[theme])
    with at(datetime(2027, 3, 10, 7, 0, tzinfo=AMS)):
        assert jobs.send_digests_chunk(batch_size=1, max_batches=2) == (2, True)
        assert jobs.send_digests_chunk(batch_size=1, max_batches=2) == (1, False)
        assert jobs.send_digests_chunk(batch_size=1, max_batches=2) == (0, False)
    assert sorted(d.recipient for d in digests()) == [
        "lezer0@example.org", "lezer1@example.org", "lezer2@example.org"]
    assert OutboundEmail.objects.count() == 3
