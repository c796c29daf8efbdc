"""Adoptions ("wij doen dit ook"): the form, the practice page, the list's count, filter and order, moderation."""

import pytest
from django.urls import reverse

from moderation.models import ModerationState
from notifications.models import OutboundEmail
from practices.models import Adoption
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

S = ModerationState
COUNTS = [1, 20]


def form_data(**overrides):
    data = {"organisation_name": "IKC De Linde", "tried_on": "2025-03", "school_type": "ikc", "region": "noord",
            "setting": "Dorp, 120 leerlingen", "changes": "Op woensdag in plaats van in de pauze.",
            "result": "deels", "lesson": "Spreek af wie ophaalt."}
    data.update(overrides)
    return data


@pytest.mark.parametrize("count", COUNTS)
def test_adoption_form_query_count(client, django_assert_num_queries, count, region):
    user = factories.UserFactory()
    practice = factories.PracticeFactory(region=region)
    for _ in range(count):
        factories.MembershipFactory(user=user, coalition=factories.CoalitionFactory(region=region))
    client.force_login(user)
    # session, user, the practice, the member's coalitions and the regions for the selects, the menu's check.
    with django_assert_num_queries(6):
        response = client.get(reverse("practices:adoption_create", args=[practice.slug]))
    options = parse_html(response).find("select", name="coalition").find_all("option")
    assert len(options) == count + 1


def test_form_is_prefilled_from_the_member_and_the_link(client, coalition, member):
    member.organisation_name = "OBS Winsum"
    member.save()
    practice = factories.PracticeFactory(coalition=coalition)
    other = factories.CoalitionFactory(name="Niet van mij")
    url = reverse("practices:adoption_create", args=[practice.slug])
    page = parse_html(client.get(url, {"coalition": coalition.pk, "tried_on": "2025-03"}))
    assert page.find("input", name="organisation_name")["value"] == "OBS Winsum"
    assert page.find("input", name="tried_on")["value"] == "2025-03"
    assert page.find("select", name="coalition").find("option", selected=True).text == "Oost-Groningen"
    assert page.find("h1").text == "Wij doen dit ook"
    # A coalition the member is not in is not offered, so nothing is selected.
    page = parse_html(client.get(url, {"coalition": other.pk}))
    assert page.find("select", name="coalition").find("option", selected=True) is None


def test_recording_an_adoption_sends_it_for_review(client, coalition, member, region):
    practice = factories.PracticeFactory(coalition=coalition)
    response = client.post(reverse("practices:adoption_create", args=[practice.slug]),
                           form_data(coalition=coalition.pk, tried_on="2025-03-17"))
    assert response.status_code == 302 and response["Location"] == practice.get_absolute_url()
    adoption = Adoption.objects.get()
    assert (adoption.practice, adoption.author, adoption.coalition, adoption.region, adoption.state) == (
        practice, member, coalition, region, S.SUBMITTED)
    assert (str(adoption.tried_on), adoption.result, adoption.lesson) == (
        "2025-03-01", Adoption.Result.PARTLY, "Spreek af wie ophaalt.")
    page = parse_html(client.get(practice.get_absolute_url()))
    assert page.find(cls="message-success").text.startswith("Bedankt! Je ervaring is ter beoordeling")
    # Not published yet: the practice does not count it.
    assert page.by_id("adoptions-heading").parent.find("p", cls="empty") is not None


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client, coalition, member):
    practice = factories.PracticeFactory(coalition=coalition)
    url = reverse("practices:adoption_create", args=[practice.slug])
    response = client.post(url, form_data(tried_on="maart", lesson=""))
    page = parse_html(response)
    assert response.status_code == 200 and not Adoption.objects.exists()
    assert page.find("input", name="organisation_name")["value"] == "IKC De Linde"
    assert page.find("textarea", name="changes").text == "Op woensdag in plaats van in de pauze."
    assert "checked" in page.find("input", name="result", value="deels").attrs
    assert page.find("p", id="id_tried_on_error").text == "Vul een maand in zoals 2025-03."
    assert page.find("p", id="id_lesson_error").text == "Dit veld is verplicht."
    response = client.post(url, form_data(tried_on="2999-01"))
    assert parse_html(response).find("p", id="id_tried_on_error").text == (
        "Vul een maand in die al begonnen is: leg vast wat jullie al hebben uitgeprobeerd.")
    assert not Adoption.objects.exists()


def test_only_published_practices_can_be_adopted(client, coalition, member):
    draft = factories.PracticeFactory(coalition=coalition, state=S.SUBMITTED, published_at=None, author=member)
    response = client.post(reverse("practices:adoption_create", args=[draft.slug]), form_data())
    assert response.status_code == 404 and not Adoption.objects.exists()


def test_practice_page_counts_and_lists_the_published_adoptions(client, coalition):
    practice = factories.PracticeFactory(coalition=coalition)
    for name, result in [("OBS A", "werkte"), ("OBS B", "werkte"), ("OBS C", "deels"), ("OBS D", "werkte")]:
        factories.AdoptionFactory(practice=practice, organisation_name=name, result=result)
    factories.AdoptionFactory(practice=practice, organisation_name="Ingediend", state=S.SUBMITTED,
                              published_at=None)
    factories.AdoptionFactory(practice=practice, organisation_name="Verborgen", state=S.HIDDEN)
    factories.AdoptionFactory(organisation_name="Ander voorbeeld")
    factories.AdoptionFactory(practice=practice, organisation_name="IKC De Linde", coalition=coalition,
                              result="werkte_niet", setting="Dorp", changes="Op woensdag.",
                              lesson="Spreek af wie ophaalt.", tried_on="2025-03-01")
    page = parse_html(client.get(practice.get_absolute_url()))
    section = page.by_id("adoptions-heading").parent
    assert section.find("p", cls="adoption-summary").text == (
        "Uitgeprobeerd op 5 plekken: 3 werkte, 1 deels, 1 werkte niet")
    titles = [card.find("h3").text for card in section.find_all("article")]
    assert sorted(titles) == ["IKC De Linde · Oost-Groningen", "OBS A", "OBS B", "OBS C", "OBS D"]
    linde = next(card for card in section.find_all("article") if card.find("h3").text.startswith("IKC"))
    assert linde.find("p", cls="card-meta").text == f"maart 2025 · Primair onderwijs · Dorp · {practice.region}"
    assert [dd.text for dd in linde.find_all("dd")] == ["Werkte niet", "Op woensdag.", "Spreek af wie ophaalt."]
    # Anonymous visitors are asked to log in; members get the button.
    assert section.find("a", href=True).text == "Zelf uitgeprobeerd? Log in en vertel anderen hoe het ging."


def test_the_practice_page_offers_the_button_to_members(client, coalition, member):
    practice = factories.PracticeFactory(coalition=coalition)
    section = parse_html(client.get(practice.get_absolute_url())).by_id("adoptions-heading").parent
    button = section.find("a", cls="button")
    assert (button.text, button["href"]) == (
        "Wij doen dit ook", reverse("practices:adoption_create", args=[practice.slug]))


def test_practice_page_summary_of_one(client):
    practice = factories.PracticeFactory()
    factories.AdoptionFactory(practice=practice, result="deels")
    section = parse_html(client.get(practice.get_absolute_url())).by_id("adoptions-heading").parent
    assert section.find("p", cls="adoption-summary").text == "Uitgeprobeerd op 1 plek: 1 deels"


# -- the list -----------------------------------------------------------------------------------------------

def _titles(response):
    return [card.find("h3").text for card in parse_html(response).find_all("article", cls="card")]


@pytest.mark.parametrize("count", COUNTS)
def test_list_counts_adoptions_without_a_query_per_card(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        practice = factories.PracticeFactory(themes=[theme])
        factories.AdoptionFactory.create_batch(2, practice=practice)
        factories.AdoptionFactory(practice=practice, state=S.SUBMITTED, published_at=None)
    # Still the list's three (see test_views_practice): the count is a subquery of the page's query.
    with django_assert_num_queries(3):
        response = client.get(reverse("practices:list"), {"tried_elsewhere": "on", "sort": "uitgeprobeerd"})
    cards = parse_html(response).find_all("article", cls="card")
    assert len(cards) == count
    assert {card.find("p", cls="card-adoptions").text for card in cards} == {"Uitgeprobeerd op 2 plekken"}


def test_list_filters_on_tried_elsewhere_and_sorts_by_most_adoptions(client, theme):
    once = factories.PracticeFactory(title="Eén keer", themes=[theme])
    factories.AdoptionFactory(practice=once)
    twice = factories.PracticeFactory(title="Twee keer", themes=[theme])
    factories.AdoptionFactory.create_batch(2, practice=twice)
    submitted_only = factories.PracticeFactory(title="Alleen ingediend", themes=[theme])
    factories.AdoptionFactory(practice=submitted_only, state=S.SUBMITTED, published_at=None)
    factories.PracticeFactory(title="Nieuwste", themes=[theme])
    url = reverse("practices:list")
    assert _titles(client.get(url)) == ["Nieuwste", "Alleen ingediend", "Twee keer", "Eén keer"]
    assert _titles(client.get(url, {"tried_elsewhere": "on"})) == ["Twee keer", "Eén keer"]
    assert _titles(client.get(url, {"sort": "uitgeprobeerd"})) == ["Twee keer", "Eén keer", "Nieuwste",
                                                                   "Alleen ingediend"]
    # Within a search and a theme, and with the theme's join: each practice counted once, sorted.
    response = client.get(url, {"q": "middagpauze", "theme": theme.slug, "sort": "uitgeprobeerd"})
    assert _titles(response) == ["Twee keer", "Eén keer", "Nieuwste", "Alleen ingediend"]
    assert [card.find("p", cls="card-adoptions") and card.find("p", cls="card-adoptions").text
            for card in parse_html(response).find_all("article", cls="card")] == [
        "Uitgeprobeerd op 2 plekken", "Uitgeprobeerd op 1 plek", None, None]
    page = parse_html(client.get(url))
    assert page.find("label", for_="id_tried_elsewhere").text == "Elders uitgeprobeerd"
    assert [o.text for o in page.find("select", name="sort").find_all("option")] == [
        "Beste treffer of nieuwste eerst", "Vaakst elders uitgeprobeerd"]


# -- moderation ---------------------------------------------------------------------------------------------

def test_coordinator_publishes_from_the_queue_and_the_author_hears(client, region, coalition):
    author = factories.UserFactory(email="auteur@example.org")
    practice = factories.PracticeFactory(coalition=coalition, author=author, title="Talentdag Haarlem")
    adoption = factories.AdoptionFactory(practice=practice, region=region, state=S.SUBMITTED, published_at=None,
                                         organisation_name="Kinderopvang Zonnetje")
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    client.force_login(coordinator)
    queue = parse_html(client.get(reverse("moderation_queue")))
    section = queue.by_id("queue-adoptions").parent
    assert section.find("h2").text == "1 ingediende ervaring met een praktijkvoorbeeld"
    assert section.find("h3").text == "Kinderopvang Zonnetje probeerde Talentdag Haarlem"
    form = section.find("form")
    assert form["action"] == reverse("practices:adoption_moderate", args=[adoption.pk])
    response = client.post(form["action"], {"action": "publish", "next": reverse("moderation_queue")})
    assert response["Location"] == reverse("moderation_queue")
    adoption.refresh_from_db()
    assert adoption.state == S.PUBLISHED
    assert list(OutboundEmail.objects.filter(kind="adoption-published").values_list("recipient", flat=True)) == [
        "auteur@example.org"]
    section = parse_html(client.get(reverse("moderation_queue"))).by_id("queue-adoptions").parent
    assert section.find("p", cls="empty").text == "Er wachten geen ervaringen met praktijkvoorbeelden op beoordeling."


def test_a_coordinator_of_another_region_cannot_moderate(client, region):
    adoption = factories.AdoptionFactory(region=region, state=S.SUBMITTED, published_at=None)
    other = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(), user=other)
    client.force_login(other)
    response = client.post(reverse("practices:adoption_moderate", args=[adoption.pk]), {"action": "publish"})
    assert response.status_code == 404
    adoption.refresh_from_db()
    assert adoption.state == S.SUBMITTED
