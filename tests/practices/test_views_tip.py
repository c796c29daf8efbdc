"""Tip pages: the themed list, sharing a tip, flagging and moderating one."""


import pytest
from django.urls import reverse

from moderation.models import Flag, ModerationState
from practices.models import Tip
from tests import factories

pytestmark = pytest.mark.django_db


S = ModerationState


COUNTS = [1, 20]


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
def test_tip_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.TipFactory(themes=[theme])
    # themes for the filter, count, page rows, tip themes prefetch.
    with django_assert_num_queries(4):
        response = client.get(reverse("practices:tips"))
    assert len(response.context["page"].object_list) == count


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
