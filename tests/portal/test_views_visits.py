"""The work visit pages: the chains nationally and per region, and a coalition's suggested visits."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coalitions.models import VisitProfile
from events.models import Event, FollowUpAgreement
from moderation.models import ModerationState
from portal.views import visits as visit_views
from portal.visits import VisitChains, build_chains
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db


def _visit(organiser, host, days, **kwargs):
    starts = timezone.now() + timedelta(days=days)
    return factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=organiser, host=host, starts_at=starts,
                                  ends_at=starts + timedelta(hours=6), **kwargs)


@pytest.fixture
def story(region):
    zuid = factories.RegionFactory(name="Zuid", slug="zuid")
    den_haag = factories.CoalitionFactory(name="Den Haag", region=region)
    maastricht = factories.CoalitionFactory(name="Maastricht-Heuvelland", region=zuid)
    visit = _visit(den_haag, maastricht, -60, title="Werkbezoek Den Haag aan Maastricht")
    factories.EventReportFactory(event=visit, summary="Met **25 deelnemers** met de bus naar Maastricht.")
    factories.AgreementFactory(event=visit, status=FollowUpAgreement.Status.DONE, closed_at=timezone.now())
    factories.AgreementFactory(event=visit)
    back = _visit(maastricht, den_haag, 30, title="Terugbezoek Limburg aan Den Haag", follows_on=visit)
    return {"visit": visit, "back": back, "zuid": zuid, "den_haag": den_haag, "maastricht": maastricht}


def test_build_chains_groups_follow_ups_newest_chain_first():
    t = timezone.now()
    rows = [(1, None, t), (2, 1, t + timedelta(days=5)), (3, None, t + timedelta(days=1)),
            (4, 2, t + timedelta(days=9)), (5, 99, t + timedelta(days=2)),  # follows on something not listed
            (6, 7, t + timedelta(days=3)), (7, 6, t + timedelta(days=4))]  # a loop: starts at its earliest
    assert build_chains(rows) == [[1, 2, 4], [6, 7], [5], [3]]


def test_national_chain_shows_who_visited_whom_with_report_agreements_and_links(client, story):
    page = parse_html(client.get(reverse("visit_chains")))
    chain = page.find("section", cls="visit-chain")
    assert chain.find("h2").text == "Ketting van 2 bezoeken, te beginnen met “Werkbezoek Den Haag aan Maastricht”"
    first, second = chain.find_all("li", cls="visit")
    assert first.find(cls="visit-who").text.endswith("Den Haag bezocht Maastricht-Heuvelland")
    assert first.find(cls="visit-report").text == "Met 25 deelnemers met de bus naar Maastricht."
    assert first.find(cls="visit-agreements").text == "2 vervolgafspraken, 1 afgerond"
    assert first.find(cls="visit-followed-by").find("a")["href"] == f"#bezoek-{story['back'].pk}"
    assert second.find(cls="visit-who").text.endswith("Gepland Maastricht-Heuvelland bezoekt Den Haag")
    assert second.find(cls="visit-follows-on").text == "Werkbezoek Den Haag aan Maastricht"
    assert second.find(cls="visit-report").text == "Het bezoek heeft nog niet plaatsgevonden."
    assert second.find(cls="visit-agreements").text == "Geen vervolgafspraken vastgelegd."


def test_region_page_shows_chains_touching_the_region_only(client, story, region):
    elsewhere = factories.CoalitionFactory(name="Zwolle", region=factories.RegionFactory(name="Oost"))
    _visit(elsewhere, factories.CoalitionFactory(name="Deventer", region=elsewhere.region), -5, title="Zwolle-Deventer")
    titles = [h.text for h in parse_html(client.get(reverse("region_visit_chains", args=["zuid"]))).find_all("h3")]
    assert titles == ["Werkbezoek Den Haag aan Maastricht", "Terugbezoek Limburg aan Den Haag"]
    national = [h.text for h in parse_html(client.get(reverse("visit_chains"))).find_all("h3")]
    assert national == ["Werkbezoek Den Haag aan Maastricht", "Terugbezoek Limburg aan Den Haag", "Zwolle-Deventer"]


def test_hidden_and_cancelled_visits_are_left_out_and_empty_states(client, region, coalition):
    other = factories.CoalitionFactory(name="Elders", region=factories.RegionFactory(name="Zuid", slug="zuid"))
    _visit(coalition, other, -5, state=ModerationState.HIDDEN)
    _visit(coalition, other, 5, cancelled_at=timezone.now())
    assert parse_html(client.get(reverse("visit_chains"))).find("p", cls="empty").text == (
        "Er zijn nog geen werkbezoeken gedeeld.")
    assert parse_html(client.get(reverse("region_visit_chains", args=["noord"]))).find("p", cls="empty").text == (
        "Nog geen coalitie uit deze regio heeft een werkbezoek gebracht of ontvangen.")
    assert client.get(reverse("region_visit_chains", args=["nergens"])).status_code == 404


def test_chains_are_paginated(client, coalition):
    other = factories.CoalitionFactory(name="Elders")
    for day in range(12):
        _visit(coalition, other, -day - 1, title=f"Bezoek {day:02d}")
    first = [h.text for h in parse_html(client.get(reverse("visit_chains"))).find_all("h3")]
    second = [h.text for h in parse_html(client.get(reverse("visit_chains") + "?pagina=2")).find_all("h3")]
    assert first == [f"Bezoek {day:02d}" for day in range(10)]
    assert second == ["Bezoek 10", "Bezoek 11"]


@pytest.mark.parametrize("count", [3, 30])
def test_chain_pages_query_count(client, django_assert_num_queries, story, count, monkeypatch):
    monkeypatch.setattr(VisitChains, "BATCH", 200)  # every visit in the first batch: the chains are whole
    for index in range(count - 1):
        later = _visit(story["den_haag"], story["maastricht"], -10 - index, follows_on=story["visit"])
        factories.EventReportFactory(event=later)
        factories.AgreementFactory(event=later)
        _visit(story["maastricht"], story["den_haag"], -20 - index)
    # the newest visits, the visits linked to them (none new: the chains are whole), the page's events with
    # coalitions and reports, their agreement counts
    with django_assert_num_queries(4):
        client.get(reverse("visit_chains"))
    with django_assert_num_queries(6):  # and the region with its coalitions
        client.get(reverse("region_visit_chains", args=["zuid"]))


@pytest.mark.parametrize("batch", [1, 2, 3, 200])
def test_chains_read_in_batches_equal_the_chains_of_all_visits(monkeypatch, story, batch):
    """Whatever the batch, the lazy walk finds the chains of ``build_chains`` over every visit, in its order."""
    den_haag, maastricht, zuid = story["den_haag"], story["maastricht"], story["zuid"]
    noord = factories.CoalitionFactory(name="Groningen", region=den_haag.region)
    v2 = _visit(maastricht, noord, -10, follows_on=story["back"])  # a chain of three, spread over time
    _visit(noord, den_haag, 40, follows_on=v2)
    _visit(noord, den_haag, -50)
    first = _visit(den_haag, noord, -5)
    _visit(noord, den_haag, -90, follows_on=first)  # a follow-up dated before the visit it follows on
    loop_a = _visit(maastricht, noord, -30)
    loop_b = _visit(noord, maastricht, -31, follows_on=loop_a)
    Event.objects.filter(pk=loop_a.pk).update(follows_on=loop_b)
    _visit(noord, den_haag, -3, follows_on=factories.EventFactory(starts_at=timezone.now() - timedelta(days=8)))
    _visit(noord, den_haag, -4, state="hidden", follows_on=first)  # not public: no link
    # Two new visits: one follows on an older visit that follows on a hidden one, the other on that hidden one.
    hidden = _visit(noord, maastricht, -200, state="hidden")
    older = _visit(maastricht, noord, -150, follows_on=hidden)
    _visit(den_haag, maastricht, 60, follows_on=older)
    _visit(den_haag, noord, 59, follows_on=hidden)
    rows = list(Event.objects.filter(kind=Event.Kind.WORK_VISIT, state="published")
                .values_list("pk", "follows_on_id", "starts_at"))
    expected = build_chains(rows)
    monkeypatch.setattr(VisitChains, "BATCH", batch)
    assert VisitChains().all() == expected
    assert VisitChains()[0:3] == expected[:3]
    in_zuid = {pk for pk, organiser, host in Event.objects.values_list("pk", "organiser__region", "host__region")
               if zuid.pk in (organiser, host)}
    assert VisitChains(zuid).all() == [chain for chain in expected if in_zuid.intersection(chain)]
    assert len(expected) == 7 and len(VisitChains(zuid).all()) == 3


def test_chain_pages_stop_at_the_cap(client, coalition, monkeypatch):
    monkeypatch.setattr(visit_views, "CHAINS_CAP", 2)
    monkeypatch.setattr(visit_views, "CHAINS_PER_PAGE", 1)
    host = factories.CoalitionFactory()
    for day in range(3):
        _visit(coalition, host, day + 1, title=f"Bezoek {day}")
    page = client.get(reverse("visit_chains")).context["page"]
    assert (page.paginator.count, page.paginator.open_ended, page.paginator.num_pages) == (2, True, 2)
    second = client.get(reverse("visit_chains") + "?pagina=3").context["page"]
    assert (second.number, second.paginator.open_ended, second.has_next()) == (2, False, False)


def test_chain_pages_read_only_their_own_chains_and_one_more(client, coalition, monkeypatch):
    monkeypatch.setattr(visit_views, "CHAINS_PER_PAGE", 2)
    monkeypatch.setattr(VisitChains, "BATCH", 1)
    host = factories.CoalitionFactory()
    for day in range(6):
        _visit(coalition, host, -day - 1, title=f"Bezoek {day}")
    page = client.get(reverse("visit_chains")).context["page"]
    assert (page.paginator.open_ended, len(page.paginator.object_list.chains), page.has_next()) == (True, 3, True)
    html = client.get(reverse("visit_chains")).content.decode()
    assert '<span class="page-current" aria-current="page">Pagina 1</span>' in html


def test_matches_page_shows_reasons_and_plan_button_for_own_project_leaders(client, story, leader, coalition):
    talent = factories.ThemeFactory(name="Talentontwikkeling")
    wish = VisitProfile.objects.create(coalition=story["den_haag"], wish="Talent in de middagpauze")
    wish.wish_themes.set([talent])
    offer = VisitProfile.objects.create(coalition=coalition, offer="Talent herkennen in de middagpauze")
    offer.offer_themes.set([talent])
    VisitProfile.objects.create(coalition=story["maastricht"], offer="Talent")  # visited already
    url = reverse("coalition_matches", args=[story["den_haag"].slug])
    match = parse_html(client.get(url)).find("li", cls="match")
    assert match.find("h2").text == "Oost-Groningen (Noord)"
    assert match.find(cls="match-themes").text == "Deelt: Talentontwikkeling"
    assert match.find(cls="match-words").text == "Woorden: talent, middagpauze"
    assert "Plan een werkbezoek aan Oost-Groningen" not in match.text
    client.force_login(leader)  # leads Oost-Groningen, not Den Haag
    assert "Plan een werkbezoek aan Oost-Groningen" not in client.get(url).content.decode()
    client.force_login(factories.UserFactory(is_staff=True))
    button = parse_html(client.get(url)).find("li", cls="match").find("a", cls="button")
    assert button.text == "Plan een werkbezoek aan Oost-Groningen"
    assert button["href"] == f"/bijeenkomsten/nieuw/?coalitie={story['den_haag'].slug}&gastheer=oost-groningen"
    empty = parse_html(client.get(reverse("coalition_matches", args=["oost-groningen"]))).find("p", cls="empty")
    assert empty.text.startswith("Deze coalitie heeft nog niet verteld wat ze wil leren")


@pytest.mark.parametrize("count", [1, 4])
def test_matches_page_query_count(client, django_assert_num_queries, story, count):
    talent = factories.ThemeFactory(name="Talentontwikkeling")
    VisitProfile.objects.create(coalition=story["den_haag"], wish="Talent").wish_themes.set([talent])
    for _index in range(count):
        profile = VisitProfile.objects.create(coalition=factories.CoalitionFactory(), offer="Talent")
        profile.offer_themes.set([talent])
    # the coalition, the four of suggested_matches
    with django_assert_num_queries(5):
        response = client.get(reverse("coalition_matches", args=[story["den_haag"].slug]))
    assert len(parse_html(response).find_all("li", cls="match")) == count
