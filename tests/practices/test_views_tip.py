"""Tip pages: the themed list, sharing a tip, flagging and moderating one."""

import re

import pytest
from django.urls import reverse

from moderation.models import Flag, ModerationState
from practices.models import Tip
from tests import factories

pytestmark = pytest.mark.django_db


S = ModerationState


# A few rows, and more than a page (PAGE_SIZE is 20): the queries must not grow with the rows.
COUNTS = [3, 30]
PAGE_SIZE = 20


def test_tip_flag_and_hide_from_the_queue(client, region):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    tip = factories.TipFactory(title="Begin klein", region=region)
    client.force_login(factories.UserFactory())
    client.post(reverse("practices:tip_flag", args=[tip.pk]), {"reason": "Dit is reclame."})
    assert Flag.objects.get().reason == "Dit is reclame."
    client.force_login(coordinator)
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert "Dit is reclame." in queue
    client.post(reverse("practices:tip_moderate", args=[tip.pk]), {"action": "hide", "comment": "Reclame",
                                                         "next": reverse("moderation_queue")})
    tip.refresh_from_db()
    assert tip.state == S.HIDDEN
    assert "Begin klein" not in client.get(reverse("practices:tips")).content.decode()
    assert Flag.objects.get().resolved_at is not None


@pytest.mark.parametrize("count", COUNTS)
def test_tip_list_query_count(client, django_assert_num_queries, count, theme, coalition):
    for _ in range(count):
        tip = factories.TipFactory(themes=[theme], source=Tip.Source.PRACTICE,
                                   practice=factories.PracticeFactory(coalition=coalition))
        factories.EventFactory(organiser=coalition).tips.add(tip)
    # themes for the filter, count, page rows with their source practice (joined), tip themes prefetch,
    # source events prefetch (5 since tips link their source event).
    with django_assert_num_queries(5):
        response = client.get(reverse("practices:tips"))
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)


def test_tips_link_their_visible_source_practice_and_events(client, coalition):
    practice = factories.PracticeFactory(title="Middagpauze in Winsum", coalition=coalition)
    draft = factories.PracticeFactory(title="Concept", coalition=coalition, state=S.DRAFT, published_at=None)
    factories.TipFactory(title="Begin klein", source=Tip.Source.PRACTICE, practice=practice)
    from_draft = factories.TipFactory(title="Uit een concept", source=Tip.Source.PRACTICE, practice=draft)
    from_event = factories.TipFactory(title="Plan het terugbezoek", source=Tip.Source.EVENT)
    event = factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition)
    hidden = factories.EventFactory(title="Verborgen bijeenkomst", organiser=coalition, state=S.HIDDEN)
    event.tips.add(from_event)
    hidden.tips.add(from_event, from_draft)
    html = client.get(reverse("practices:tips")).content.decode()
    cards = {title: card for card in re.split(r'<article class="card tip-card" id="tip-\d+">', html)[1:]
             for title in re.findall(r'<h2 class="card-title">([^<]*)</h2>', card)}
    sources = {title: re.findall(r'<p class="tip-source">(.*?)</p>', card) for title, card in cards.items()}
    assert sources == {
        "Begin klein": [f'Uit het praktijkvoorbeeld <a href="{practice.get_absolute_url()}">Middagpauze in Winsum</a>'],
        "Uit een concept": [],
        "Plan het terugbezoek": [
            f'Uit de bijeenkomst <a href="{event.get_absolute_url()}">Inspiratiemiddag Veendam</a>'],
    }


def test_tip_list_filters_by_theme(client, theme):
    factories.TipFactory(title="Maak vervolgafspraken", themes=[theme])
    factories.TipFactory(title="Begin klein")
    response = client.get(reverse("practices:tips"), {"thema": theme.slug})
    assert [t.title for t in response.context["page"]] == ["Maak vervolgafspraken"]
    assert client.get(reverse("practices:tips"), {"thema": "onbekend"}).status_code == 404


def test_member_submits_tip(client, member, region, theme):
    client.post(reverse("practices:tip_create"), {"title": "Begin klein", "body": "Eén middag is genoeg.",
                                        "region": region.pk, "themes": [theme.pk], "action": "submit"})
    tip = Tip.objects.get()
    assert tip.state == ModerationState.SUBMITTED and tip.author == member and tip.source == Tip.Source.MEMBER


def test_tip_draft_needs_only_a_title(client, member):
    response = client.post(reverse("practices:tip_create"), {"title": "Begin klein", "action": "save"})
    assert response["Location"] == reverse("my_portal")
    tip = Tip.objects.get()
    assert (tip.title, tip.body, tip.region, tip.state) == ("Begin klein", "", None, ModerationState.DRAFT)


def test_submitting_an_incomplete_tip_gets_the_field_errors(client, member):
    response = client.post(reverse("practices:tip_create"), {"title": "Begin klein", "action": "submit"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"body": ["Dit veld is verplicht."],
                                               "region": ["Dit veld is verplicht."]}
    assert response.context["form"]["title"].value() == "Begin klein"
    assert not Tip.objects.exists()
