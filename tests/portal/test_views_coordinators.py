"""The coordinators' pages: the moderation queue and the region's cockpit."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coalitions.models import HelpRequest
from events.models import FollowUpAgreement
from moderation.models import ModerationLogEntry, ModerationState
from moderation.services import flag_item
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [3, 30])
def test_moderation_queue_query_count(client, region, coalition, count, django_assert_num_queries):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    reporter = factories.UserFactory()
    for _ in range(count):
        factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None,
                                  author=reporter)
        factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None, author=reporter)
        factories.ToolFactory(developer=coalition, state=ModerationState.SUBMITTED, published_at=None,
                              author=reporter)
        flag_item(factories.PracticeFactory(coalition=coalition), reporter=reporter, reason="Controleren")
        factories.AdoptionFactory(region=region, state=ModerationState.SUBMITTED, published_at=None,
                                  author=reporter, coalition=coalition)
    client.force_login(coordinator)
    # session, user, the regions (one query), then count + page for practices, tips, tools and adoptions
    # (with their practice), and for flags count + page + the flagged items, plus the moderator check of the menu.
    with django_assert_num_queries(15):
        response = client.get(reverse("moderation_queue"))
    # The queue's lists are pages of QUEUE_PAGE_SIZE (10), not PAGE_SIZE: five lists of cards with forms.
    for name in ("practices", "tips", "tools", "adoptions", "flags"):
        assert len(response.context[name].object_list) == min(count, 10), name


def test_the_moderation_queue_counts_up_to_the_cap(client, region, coalition, settings):
    settings.PAGINATION_COUNT_CAP = 2
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    for _ in range(3):
        factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None)
    factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None)
    client.force_login(coordinator)
    page = parse_html(client.get(reverse("moderation_queue")))
    assert (page.by_id("queue-practices").text, page.by_id("queue-tips").text) == (
        "2+ ingediende praktijkvoorbeelden", "1 ingediende tip")


def test_the_shared_queue_carries_each_coordinators_own_csrf_token(region, coalition, settings):
    settings.LIVE_FRAGMENT_SECONDS = 600
    tips = [factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None, title=title)
            for title in ("Eerste tip", "Tweede tip")]
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for browser in (first, second):
        coordinator = factories.UserFactory()
        factories.RegionCoordinatorFactory(region=region, user=coordinator)
        browser.force_login(coordinator)
    first.get(reverse("moderation_queue"))
    with CaptureQueriesContext(connection) as captured:
        response = second.get(reverse("moderation_queue"))
    # The lists came from the fragment the first coordinator's request stored: no query of the tips.
    assert not [query for query in captured.captured_queries if "practices_tip" in query["sql"]]
    assert "csrf-token" not in response.content.decode()
    forms = parse_html(response).by_id("queue-tips").parent.find_all("form")
    tokens = {form.find("input", name="csrfmiddlewaretoken")["value"] for form in forms}
    assert len(forms) == 2 and len(tokens) == 1
    data = {"csrfmiddlewaretoken": tokens.pop(), "action": "publish", "comment": "", "next": "/moderatie/"}
    # The second coordinator's token is their own: it passes the CSRF check with their cookie, not the first's.
    assert first.post(reverse("practices:tip_moderate", args=[tips[0].pk]), data).status_code == 403
    assert second.post(reverse("practices:tip_moderate", args=[tips[0].pk]), data).status_code == 302
    tips[0].refresh_from_db()
    assert tips[0].state == ModerationState.PUBLISHED


# -- the cockpit --------------------------------------------------------------------------------------------

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2025, 10, 15, 10, 0, tzinfo=AMS)  # a Wednesday in the fourth quarter


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def coordinator(client, region):
    user = factories.UserFactory(email="coord@example.org")
    factories.RegionCoordinatorFactory(region=region, user=user)
    client.force_login(user)
    return user


def cockpit(client, region, **params):
    response = client.get(reverse("region_overview", args=[region.slug]), params)
    assert response.status_code == 200
    return parse_html(response)


def signal(page, name) -> str:
    return page.by_id(f"signal-{name}").text


def held(coalition, days_ago, **kwargs):
    """An event that ended ``days_ago`` days ago (it lasted three hours)."""
    ends = timezone.now() - timedelta(days=days_ago)
    return factories.EventFactory(organiser=coalition, starts_at=ends - timedelta(hours=3), ends_at=ends, **kwargs)


@pytest.mark.parametrize(("days", "expected"), [(13, 0), (15, 1)])
def test_an_event_without_report_needs_action_after_14_days(client, clock, region, coalition, coordinator,
                                                            days, expected):
    held(coalition, days, title="Zonder verslag")
    held(coalition, 20, title="Met verslag").report = factories.EventReportFactory(
        event=held(coalition, 21, title="Wel verslag"))
    held(coalition, 30, title="Geannuleerd", cancelled_at=timezone.now() - timedelta(days=40))
    held(coalition, 30, title="Verborgen", state=ModerationState.HIDDEN)
    held(factories.CoalitionFactory(), 30, title="Andere regio")
    # A work visit hosted by a coalition of the region counts for the region too.
    held(factories.CoalitionFactory(), 30, title="Werkbezoek bij ons", host=coalition)
    page = cockpit(client, region)
    total = expected + 2  # "Met verslag" has no report either (its report belongs to "Wel verslag")
    link = page.by_id("signal-reports").find("a")
    assert link.text == f"{total} bijeenkomsten meer dan 14 dagen geleden afgelopen zonder verslag"
    # The count links to the event list filtered the same way, which shows the same events.
    listed = parse_html(client.get(link["href"].replace("&amp;", "&")))
    titles = sorted(a.text for a in listed.find_all("h3") + listed.find_all("h2", cls="card-title"))
    expected_titles = sorted(["Met verslag", "Werkbezoek bij ons"] + (["Zonder verslag"] if expected else []))
    assert [t for t in titles if t in {"Met verslag", "Werkbezoek bij ons", "Zonder verslag", "Wel verslag",
                                       "Geannuleerd", "Verborgen", "Andere regio"}] == expected_titles


@pytest.mark.parametrize(("days", "expected"), [(6, 0), (8, 1)])
def test_a_submission_needs_action_after_7_days_in_the_queue(client, clock, region, coalition, coordinator,
                                                             days, expected):
    practice = factories.PracticeFactory(title="Wachtend voorbeeld", coalition=coalition,
                                         state=ModerationState.SUBMITTED, published_at=None)
    tip = factories.TipFactory(title="Wachtende tip", region=region, state=ModerationState.SUBMITTED,
                               published_at=None)
    for item in (practice, tip):
        # Created long ago, submitted `days` ago: the moderation log says when.
        entry = ModerationLogEntry.objects.create(item=item, from_state=ModerationState.DRAFT,
                                                  to_state=ModerationState.SUBMITTED)
        ModerationLogEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=days))
    type(practice).objects.filter(pk=practice.pk).update(created_at=timezone.now() - timedelta(days=60))
    type(tip).objects.filter(pk=tip.pk).update(created_at=timezone.now() - timedelta(days=60))
    factories.PracticeFactory(coalition=factories.CoalitionFactory(), state=ModerationState.SUBMITTED,
                              published_at=None)  # another region's
    page = cockpit(client, region)
    noun = "praktijkvoorbeeld wacht" if expected == 1 else "praktijkvoorbeelden wachten"
    assert signal(page, "practices") == f"{expected} {noun} langer dan 7 dagen op moderatie"
    rows = page.by_id("waiting-practices").find("tbody").find_all("tr")
    assert [row.find("td").text for row in rows] == (
        ["Wachtend voorbeeld"] if expected else ["Er wachten geen praktijkvoorbeelden zo lang."])
    tip_rows = page.by_id("inzendingen-tips").find("tbody").find_all("tr")
    assert [row.find("td").text for row in tip_rows][0] == ("Wachtende tip" if expected else
                                                            "Er wachten geen tips zo lang.")


@pytest.mark.parametrize(("due", "expected"), [(-1, 1), (0, 0)])
def test_an_agreement_is_overdue_from_the_day_after_its_due_date(client, clock, region, coalition, coordinator,
                                                                  due, expected):
    event = held(coalition, 30)
    factories.AgreementFactory(event=event, description="Vervolg plannen", coalition=coalition,
                               due_date=timezone.localdate() + timedelta(days=due))
    factories.AgreementFactory(event=event, due_date=timezone.localdate() - timedelta(days=5),
                               status=FollowUpAgreement.Status.DONE, closed_at=timezone.now())
    page = cockpit(client, region)
    assert signal(page, "agreements") == f"{expected} {'verlopen afspraak' if expected == 1 else 'verlopen afspraken'}"
    rows = page.by_id("overdue-agreements").find("tbody").find_all("tr")
    assert [row.find("td").text for row in rows] == (
        ["Vervolg plannen"] if expected else ["Er zijn geen verlopen afspraken."])


def test_overdue_agreements_are_grouped_by_owner_and_coalition_and_each_count_filters_the_list(
        client, clock, region, coalition, coordinator):
    other = factories.CoalitionFactory(name="Emmen", slug="emmen", region=region)
    owner = factories.UserFactory(email="Anna@example.org", full_name="Anna de Vries")
    late = timezone.localdate() - timedelta(days=10)
    event = held(coalition, 40)
    factories.AgreementFactory(event=event, description="Een", owner=owner, coalition=coalition, due_date=late)
    factories.AgreementFactory(event=event, description="Twee", owner_email="anna@example.org", due_date=late)
    factories.AgreementFactory(event=held(other, 40), description="Drie", owner_email="bob@example.org",
                               owner_name="Bob", due_date=late)
    page = cockpit(client, region)
    by_owner = [(row.find("th").text, row.find("a").text, row.find("a")["href"])
                for row in page.by_id("overdue-by-owner").find("tbody").find_all("tr")]
    assert by_owner == [("Anna de Vries", "2", "?eigenaar=anna%40example.org#afspraken"),
                        ("Bob", "1", "?eigenaar=bob%40example.org#afspraken")]
    # Without a coalition of its own, an agreement answers to its event's organiser.
    by_coalition = [(row.find("th").text, row.find("a").text)
                    for row in page.by_id("overdue-by-coalition").find("tbody").find_all("tr")]
    assert by_coalition == [(coalition.name, "2"), ("Emmen", "1")]
    filtered = cockpit(client, region, eigenaar="anna@example.org")
    assert [row.find("td").text for row in filtered.by_id("overdue-agreements").find("tbody").find_all("tr")] == [
        "Een", "Twee"]
    filtered = cockpit(client, region, coalitie="emmen")
    assert [row.find("td").text for row in filtered.by_id("overdue-agreements").find("tbody").find_all("tr")] == [
        "Drie"]
    assert signal(filtered, "agreements") == "3 verlopen afspraken"


@pytest.mark.parametrize(("days", "quiet"), [(89, False), (91, True)])
@pytest.mark.parametrize("activity", ["organised", "hosted", "report", "practice", "tip"])
def test_a_coalition_is_quiet_after_90_days_without_activity(client, clock, region, coordinator, activity,
                                                            days, quiet):
    coalition = factories.CoalitionFactory(name="Stille coalitie", region=region)
    moment = timezone.now() - timedelta(days=days)
    if activity == "organised":
        factories.EventFactory(organiser=coalition, starts_at=moment, ends_at=moment + timedelta(hours=2))
    elif activity == "hosted":
        factories.EventFactory(host=coalition, starts_at=moment, ends_at=moment + timedelta(hours=2))
    elif activity == "report":
        report = factories.EventReportFactory(event=held(coalition, 200))
        type(report).objects.filter(pk=report.pk).update(created_at=moment)
    elif activity == "practice":
        factories.PracticeFactory(coalition=coalition, published_at=moment)
    else:
        factories.TipFactory(practice=factories.PracticeFactory(coalition=coalition, published_at=moment
                                                                - timedelta(days=100)), published_at=moment)
    page = cockpit(client, region)
    names = [li.text for li in page.find("ul", cls="quiet-coalitions").find_all("li")]
    assert names == (["Stille coalitie"] if quiet else ["Elke coalitie in de regio was actief."])
    assert signal(page, "quiet") == ("1 stille coalitie" if quiet else "0 stille coalities")


@pytest.fixture
def funnel_world(clock, region, coalition):
    """Two coalitions of the region, one elsewhere; events in the third quarter of 2025 and earlier."""
    emmen = factories.CoalitionFactory(name="Emmen", slug="emmen", region=region)
    elsewhere = factories.CoalitionFactory(name="Limburg", slug="limburg")
    done = {"status": FollowUpAgreement.Status.DONE, "closed_at": timezone.now()}

    def event(organiser, day, host=None, report=False, agreements=(), **kwargs):
        start = datetime.combine(day, datetime.min.time(), tzinfo=AMS).replace(hour=13)
        made = factories.EventFactory(organiser=organiser, host=host, starts_at=start,
                                      ends_at=start + timedelta(hours=3), **kwargs)
        if report:
            factories.EventReportFactory(event=made)
        for status in agreements:
            factories.AgreementFactory(event=made, **(done if status == "done" else {}))
        return made

    q3 = datetime(2025, 8, 1).date()
    event(coalition, q3, report=True, agreements=["open", "done", "done"])
    event(coalition, q3, report=True)
    event(coalition, q3)
    event(elsewhere, q3, host=emmen, report=True, agreements=["done"])  # a work visit to Emmen
    event(elsewhere, q3, report=True, agreements=["open"])  # not in the region
    event(coalition, q3, cancelled_at=timezone.now())  # cancelled: not held
    event(emmen, datetime(2025, 1, 1).date(), report=True)  # 1 January at 13:00: first quarter
    event(emmen, datetime(2023, 1, 5).date(), report=True)  # too long ago
    event(coalition, datetime(2025, 10, 20).date())  # upcoming: not held yet
    return emmen


def test_the_funnel_counts_events_reports_and_agreements_per_quarter(client, funnel_world, region, coordinator):
    page = cockpit(client, region)
    rows = [[cell.text for cell in row.children] for row in page.by_id("funnel-region").find("tbody").find_all("tr")]
    assert rows == [
        ["K3 2024", "0", "0", "0", "0"],
        ["K4 2024", "0", "0", "0", "0"],
        ["K1 2025", "1", "1", "0", "0"],
        ["K2 2025", "0", "0", "0", "0"],
        ["K3 2025", "4", "3", "4", "3"],
        ["K4 2025", "0", "0", "0", "0"],
    ]
    caption = page.by_id("funnel-region").find("caption").text
    assert caption == "Van inspiratie naar plannen in regio Noord, per kwartaal"
    chart = page.find("svg")
    assert (chart["role"], chart["aria-labelledby"]) == ("img", "funnel-title funnel-desc")
    assert "K3 2025: 4 gehouden, 3 met verslag, 4 afspraken gemaakt, 3 afgerond." in page.by_id("funnel-desc").text
    # The bars of K3 2025: the tallest (4) reaches the top of the plot.
    bars = [(rect["class"], rect["height"]) for rect in chart.find_all("g")[4].find_all("rect")]
    assert bars == [("funnel-held", "200.0"), ("funnel-reported", "150.0"), ("funnel-made", "200.0"),
                    ("funnel-done", "150.0")]
    coalition_rows = {row.find("th").text: [cell.text for cell in row.find_all("td")]
                      for row in page.by_id("funnel-coalitions").find("tbody").find_all("tr")}
    assert coalition_rows["Emmen"][2] == "1 gehouden, → 1 met verslag, → 0 afspraken gemaakt, → 0 afgerond"
    assert coalition_rows["Emmen"][4] == "1 gehouden, → 1 met verslag, → 1 afspraken gemaakt, → 1 afgerond"
    assert coalition_rows["Oost-Groningen"][4] == "3 gehouden, → 2 met verslag, → 3 afspraken gemaakt, → 2 afgerond"


def test_the_funnel_as_csv(client, funnel_world, region, coordinator):
    response = client.get(reverse("region_funnel_csv", args=[region.slug]))
    assert response["Content-Disposition"] == 'attachment; filename="van-inspiratie-naar-plannen-noord.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ("Regio of coalitie;Kwartaal;Gehouden bijeenkomsten;Met verslag;Afspraken gemaakt;"
                        "Afspraken afgerond")
    assert lines[1:] == [
        "Noord;K3 2024;0;0;0;0", "Noord;K4 2024;0;0;0;0", "Noord;K1 2025;1;1;0;0", "Noord;K2 2025;0;0;0;0",
        "Noord;K3 2025;4;3;4;3", "Noord;K4 2025;0;0;0;0",
        "Emmen;K3 2024;0;0;0;0", "Emmen;K4 2024;0;0;0;0", "Emmen;K1 2025;1;1;0;0", "Emmen;K2 2025;0;0;0;0",
        "Emmen;K3 2025;1;1;1;1", "Emmen;K4 2025;0;0;0;0",
        "Oost-Groningen;K3 2024;0;0;0;0", "Oost-Groningen;K4 2024;0;0;0;0", "Oost-Groningen;K1 2025;0;0;0;0",
        "Oost-Groningen;K2 2025;0;0;0;0", "Oost-Groningen;K3 2025;3;2;3;2", "Oost-Groningen;K4 2025;0;0;0;0",
    ]


def test_answering_a_help_request_from_the_cockpit(client, clock, region, coordinator):
    question = HelpRequest.objects.create(region=region, name="Sanne Mulder", email="sanne@example.org",
                                          question="Wie kent een goede doorgaande lijn met de bso?")
    HelpRequest.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=3))
    page = cockpit(client, region)
    assert signal(page, "help") == "1 open hulpvraag"
    article = page.by_id(f"hulpvraag-{question.pk}")
    assert article.find("p", cls="card-meta").text == "Gesteld 3 dagen geleden, op 12 oktober 2025 · sanne@example.org"
    form = article.find("form")
    url = form["action"]
    assert url == reverse("help_request_answer", args=[region.slug, question.pk])
    # An empty note is refused; the page keeps the question and says what is wrong.
    response = client.post(url, {"note": "  "})
    assert response.status_code == 400
    assert parse_html(response).find("p", cls="field-error").text == "Dit veld is verplicht."
    response = client.post(url, {"note": "Gebeld en doorverwezen naar IKC De Boomgaard."}, follow=True)
    assert response.redirect_chain == [(reverse("region_overview", args=[region.slug]) + "#hulpvragen", 302)]
    question.refresh_from_db()
    assert (question.answered_at, question.answered_by, question.answer_note) == (
        timezone.now(), coordinator, "Gebeld en doorverwezen naar IKC De Boomgaard.")
    page = parse_html(response)
    assert page.find("div", cls="messages").text == "De vraag van Sanne Mulder is gemarkeerd als beantwoord."
    assert signal(page, "help") == "0 open hulpvragen"
    # A second answer is refused and changes nothing.
    response = client.post(url, {"note": "Nog eens."}, follow=True)
    assert parse_html(response).find("div", cls="messages").text == "Deze vraag is al als beantwoord gemarkeerd."
    question.refresh_from_db()
    assert question.answer_note == "Gebeld en doorverwezen naar IKC De Boomgaard."


def test_only_the_regions_coordinators_answer_its_help_requests(client, region):
    question = HelpRequest.objects.create(region=region, name="Sanne", email="sanne@example.org", question="Hulp?")
    other = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(), user=other)
    client.force_login(other)
    url = reverse("help_request_answer", args=[region.slug, question.pk])
    assert client.post(url, {"note": "Gedaan"}).status_code == 404
    # The region in the URL must be the question's own.
    client.force_login(factories.UserFactory(is_staff=True))
    assert client.get(reverse("help_request_answer", args=["elders", question.pk])).status_code == 404
    question.refresh_from_db()
    assert question.answered_at is None


@pytest.mark.parametrize("count", [3, 30])
def test_cockpit_query_count(client, clock, region, coordinator, count, django_assert_num_queries):
    late = timezone.localdate() - timedelta(days=3)
    for index in range(count):
        coalition = factories.CoalitionFactory(region=region)
        owner = factories.UserFactory()
        event = held(coalition, 20 + index)
        factories.EventReportFactory(event=held(coalition, 100))
        factories.AgreementFactory(event=event, owner=owner, coalition=coalition, due_date=late)
        factories.AgreementFactory(event=event, due_date=late, status="done", closed_at=timezone.now())
        factories.EventFactory(organiser=factories.CoalitionFactory(), host=coalition,
                               starts_at=timezone.now() - timedelta(days=40 + index),
                               ends_at=timezone.now() - timedelta(days=40 + index) + timedelta(hours=2))
        practice = factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None)
        ModerationLogEntry.objects.create(item=practice, to_state=ModerationState.SUBMITTED)
        factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None)
        HelpRequest.objects.create(region=region, name=f"Vrager {index}", email="v@example.org", question="Hulp?")
        factories.CoalitionFactory(region=region)  # quiet
    # Ten days later the submissions have waited long enough.
    # session, user, the coordinator's regions, the region, other regions (5); the region's coalitions by id, and
    # the overdue agreements' count and page (3); waiting practices and tips and help requests, count + page each (6);
    # the first request computes the summary as well: the coalitions, the events count, the overdue agreements'
    # total, grouped by owner and by coalition, the quiet coalitions, the region's funnel and the coalitions'
    # funnels as organiser and as host (9); later requests take it from the cache.
    with time_machine.travel(NOW + timedelta(days=10), tick=False):
        with django_assert_num_queries(20):
            cockpit(client, region)
        with django_assert_num_queries(11):
            page = cockpit(client, region)
    assert len(page.by_id("overdue-agreements").find("tbody").find_all("tr")) == min(count, 20)
    assert len(page.find_all("article", cls="help-request")) == min(count, 20)
    assert len(page.by_id("funnel-coalitions").find("tbody").find_all("tr")) == min(2 * count, 20)


def test_the_summary_is_kept_five_minutes_and_says_when_it_was_computed_while_the_lists_stay_live(
        client, clock, region, coalition, coordinator):
    event = held(coalition, 30)
    late = timezone.localdate() - timedelta(days=3)
    factories.AgreementFactory(event=event, description="Eerste", coalition=coalition, due_date=late)
    page = cockpit(client, region)
    assert page.by_id("computed-at").text.startswith("De tellingen, de groepen verlopen afspraken, de stille "
                                                     "coalities en de trechter zijn berekend om 10:00;")
    factories.AgreementFactory(event=event, description="Tweede", coalition=coalition, due_date=late)

    def seen(page):
        rows = page.by_id("overdue-agreements").find("tbody").find_all("tr")
        return (signal(page, "agreements"), page.by_id("overdue-by-coalition").find("td").text,
                [row.find("td").text for row in rows], page.by_id("computed-at").text.split(";")[0][-5:])

    with time_machine.travel(NOW + timedelta(minutes=4, seconds=59), tick=False):
        assert seen(cockpit(client, region)) == ("1 verlopen afspraak", "1", ["Eerste", "Tweede"], "10:00")
    with time_machine.travel(NOW + timedelta(minutes=5, seconds=1), tick=False):
        assert seen(cockpit(client, region)) == ("2 verlopen afspraken", "2", ["Eerste", "Tweede"], "10:05")


def test_the_summarys_fragments_are_rendered_once_per_summary_and_keep_the_urls_other_parameters(
        client, clock, region, coordinator, monkeypatch, settings):
    settings.PAGE_SIZE = 2
    for name in ("Assen", "Borger", "Coevorden"):
        factories.CoalitionFactory(name=name, region=region)
    first = cockpit(client, region, afspraken="2")
    links = first.by_id("plannen").parent.find("nav", cls="pagination").find_all("a")
    assert [a["href"] for a in links] == ["?afspraken=2&coalities=2#plannen-coalities"]
    # Taken from the cache: the chart and the cells are not computed again.
    monkeypatch.setattr("portal.cockpit.funnel_chart", lambda rows: pytest.fail("computed again"))
    monkeypatch.setattr("portal.cockpit.coalition_cells", lambda rows: pytest.fail("computed again"))
    again = cockpit(client, region, afspraken="2")
    assert again.by_id("plannen").parent.text == first.by_id("plannen").parent.text
    assert [a["href"] for a in again.by_id("plannen").parent.find("nav", cls="pagination").find_all("a")] == [
        "?afspraken=2&coalities=2#plannen-coalities"]
    # Another URL is another fragment: its links keep that URL's parameters.
    monkeypatch.undo()
    other = cockpit(client, region, coalities="2")
    assert [a["href"] for a in other.by_id("plannen").parent.find("nav", cls="pagination").find_all("a")] == [
        "?coalities=1#plannen-coalities"]
    assert [row.find("th").text for row in other.by_id("funnel-coalitions").find("tbody").find_all("tr")] == [
        "Coevorden"]


@pytest.fixture
def live_fragments(settings):
    settings.LIVE_FRAGMENT_SECONDS = 600  # longer than the minute of the clock in the key
    return settings


def test_the_live_lists_are_shared_until_the_next_write_or_minute(
        client, clock, region, coalition, coordinator, live_fragments, django_assert_num_queries,
        django_capture_on_commit_callbacks):
    event = held(coalition, 30)
    late = timezone.localdate() - timedelta(days=3)
    factories.AgreementFactory(event=event, description="Eerste", coalition=coalition, due_date=late)

    def agreements(page):
        return [row.find("td").text for row in page.by_id("overdue-agreements").find("tbody").find_all("tr")]

    assert agreements(cockpit(client, region)) == ["Eerste"]
    # From the cache: session, user, the coordinator's regions and the regions, the open help requests' count.
    with django_assert_num_queries(5):
        page = cockpit(client, region)
    assert (agreements(page), signal(page, "practices")) == (
        ["Eerste"], "0 praktijkvoorbeelden wachten langer dan 7 dagen op moderatie")
    # A write the page cache does not see (no commit in a test's transaction) leaves the fragment as it was ...
    factories.AgreementFactory(event=event, description="Tweede", coalition=coalition, due_date=late)
    assert agreements(cockpit(client, region)) == ["Eerste"]
    # ... a committed write outdates it at once.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        factories.AgreementFactory(event=event, description="Derde", coalition=coalition, due_date=late)
    assert agreements(cockpit(client, region)) == ["Eerste", "Tweede", "Derde"]
    # Waiting longer than seven days is a matter of the clock: it shows within the minute.
    practice = factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None)
    ModerationLogEntry.objects.filter(object_id=practice.pk).delete()
    type(practice).objects.filter(pk=practice.pk).update(created_at=timezone.now() - timedelta(days=7, seconds=-30))
    assert signal(cockpit(client, region), "practices") == (
        "0 praktijkvoorbeelden wachten langer dan 7 dagen op moderatie")
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        assert signal(cockpit(client, region), "practices") == (
            "1 praktijkvoorbeeld wacht langer dan 7 dagen op moderatie")


def test_the_live_lists_are_not_kept_without_a_content_generation(
        client, clock, region, coalition, coordinator, live_fragments, monkeypatch):
    monkeypatch.setattr("core.pagecache.current_generation", lambda: None)
    event = held(coalition, 30)
    late = timezone.localdate() - timedelta(days=3)
    factories.AgreementFactory(event=event, description="Eerste", coalition=coalition, due_date=late)
    cockpit(client, region)
    factories.AgreementFactory(event=event, description="Tweede", coalition=coalition, due_date=late)
    rows = cockpit(client, region).by_id("overdue-agreements").find("tbody").find_all("tr")
    assert [row.find("td").text for row in rows] == ["Eerste", "Tweede"]
