"""The host's side on the event page: accept or decline a request, stop hosting later; the organiser's view."""

import pytest
from django.urls import reverse

from coalitions.models import CoalitionMembership
from events.models import Event
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import event_data, parse_html

pytestmark = pytest.mark.django_db

PL = CoalitionMembership.Role.PROJECT_LEADER
H = Event.HostStatus


@pytest.fixture
def people(db):
    north, south = factories.RegionFactory(name="Noord"), factories.RegionFactory(name="Zuid")
    host = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=north)
    organiser = factories.CoalitionFactory(name="Limburg", slug="limburg", region=south)
    users = {name: factories.UserFactory(email=f"{name}@example.org") for name in (
        "host_pl", "host_member", "coordinator", "other_coordinator", "organiser_pl", "stranger")}
    factories.MembershipFactory(coalition=host, user=users["host_pl"], role=PL)
    factories.MembershipFactory(coalition=host, user=users["host_member"])
    factories.RegionCoordinatorFactory(region=north, user=users["coordinator"])
    factories.RegionCoordinatorFactory(region=south, user=users["other_coordinator"])
    factories.MembershipFactory(coalition=organiser, user=users["organiser_pl"], role=PL)
    users.update(host=host, organiser=organiser)
    return users


@pytest.fixture
def visit(people):
    return factories.EventFactory(title="Werkbezoek aan Oost-Groningen", slug="werkbezoek-aan-oost-groningen",
                                  organiser=people["organiser"], host=people["host"], kind=Event.Kind.WORK_VISIT,
                                  host_status=H.PENDING)


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _status(event) -> tuple:
    return Event.objects.values_list("host_status", "host_answered_by", "host_answer_reason").get(pk=event.pk)


def test_the_host_sees_the_request_with_accept_and_decline_buttons(client, people, visit):
    client.force_login(people["host_pl"])
    page = parse_html(client.get(visit.get_absolute_url()))
    panel = page.find("section", cls="host-request-panel")
    assert panel.find("h2").text == "Verzoek om gastheer te zijn"
    assert panel.find("p").text == (
        "Limburg vraagt Oost-Groningen om gastheer te zijn van deze bijeenkomst. Zolang je niet bevestigt, staat ze "
        "niet op de pagina's en in de agenda's van Oost-Groningen.")
    accept, decline = panel.find_all("form")
    assert (accept["method"], accept["action"], accept.find("button").text) == (
        "post", reverse("events:host_accept", args=[visit.slug]), "Bevestigen")
    assert (decline["method"], decline["action"], decline.find("button").text) == (
        "post", reverse("events:host_decline", args=[visit.slug]), "Afwijzen")
    assert decline.find("label").text == "Reden voor de organisatoren (niet verplicht)"
    assert decline.find("textarea")["name"] == "reason"
    assert page.find("dd", cls="host-pending").text == "wacht op bevestiging van Oost-Groningen"


@pytest.mark.parametrize("who", ["organiser_pl", "host_member", "other_coordinator", "stranger"])
def test_others_see_the_request_as_waiting_without_buttons(client, people, visit, who):
    client.force_login(people[who])
    page = parse_html(client.get(visit.get_absolute_url()))
    assert page.find("section", cls="host-request-panel") is None
    assert page.find("form", action=reverse("events:host_accept", args=[visit.slug])) is None
    assert page.find("dd", cls="host-pending").text == "wacht op bevestiging van Oost-Groningen"


@pytest.mark.parametrize("who", ["host_pl", "coordinator"])
def test_accepting_makes_the_visit_the_hosts(client, people, visit, who):
    client.force_login(people[who])
    response = client.post(reverse("events:host_accept", args=[visit.slug]), follow=True)
    assert response.redirect_chain == [(visit.get_absolute_url(), 302)]
    assert _messages(response) == ["Je hebt het verzoek bevestigd: “Werkbezoek aan Oost-Groningen” staat nu ook op de "
                                   "pagina van Oost-Groningen, en de organisatoren hebben bericht gekregen."]
    assert _status(visit) == (H.ACCEPTED, people[who].pk, "")
    assert [e.recipient for e in OutboundEmail.objects.filter(kind="host-answer")] == ["organiser_pl@example.org"]
    facts = parse_html(response).find("dl", cls="facts")
    assert "Gastcoalitie Oost-Groningen (Noord)" in facts.text


def test_accepting_goes_back_to_the_page_it_came_from(client, people, visit):
    client.force_login(people["host_pl"])
    back = people["host"].get_absolute_url() + "?verzoeken=1"
    response = client.post(reverse("events:host_accept", args=[visit.slug]), {"next": back})
    assert (response.status_code, response["Location"]) == (302, back)
    elsewhere = client.post(reverse("events:host_accept", args=[visit.slug]), {"next": "https://example.com/"})
    assert elsewhere["Location"] == visit.get_absolute_url()


@pytest.mark.parametrize("who", ["organiser_pl", "host_member", "other_coordinator", "stranger"])
def test_only_those_who_answer_for_the_host_may_answer(client, people, visit, who):
    client.force_login(people[who])
    for name in ("events:host_accept", "events:host_decline", "events:host_withdraw"):
        assert client.post(reverse(name, args=[visit.slug]), {"reason": "Nee."}).status_code == 404
    assert client.get(reverse("events:host_decline", args=[visit.slug])).status_code == 404
    assert _status(visit) == (H.PENDING, None, "")
    assert not OutboundEmail.objects.filter(kind="host-answer").exists()


def test_an_event_without_host_has_nobody_to_answer(client, people):
    event = factories.EventFactory(organiser=people["organiser"], host_status=H.PENDING)
    client.force_login(people["host_pl"])
    assert client.post(reverse("events:host_accept", args=[event.slug])).status_code == 404


def test_accepting_needs_a_post(client, people, visit):
    client.force_login(people["host_pl"])
    assert client.get(reverse("events:host_accept", args=[visit.slug])).status_code == 405
    assert _status(visit) == (H.PENDING, None, "")


def test_declining_with_a_reason(client, people, visit):
    client.force_login(people["host_pl"])
    page = parse_html(client.get(reverse("events:host_decline", args=[visit.slug])))
    assert page.find("h1").text == "Gastheerschap van “Werkbezoek aan Oost-Groningen” afwijzen"
    assert page.find("form", cls="stacked-form").find("button", type="submit").text == "Afwijzen"
    response = client.post(reverse("events:host_decline", args=[visit.slug]),
                           {"reason": "Past niet in onze planning."}, follow=True)
    assert response.redirect_chain == [(visit.get_absolute_url(), 302)]
    assert _messages(response) == ["Je hebt het verzoek om gastheer te zijn van “Werkbezoek aan Oost-Groningen” "
                                   "afgewezen; de organisatoren hebben bericht gekregen."]
    assert _status(visit) == (H.DECLINED, people["host_pl"].pk, "Past niet in onze planning.")
    # The public page shows no host any more.
    assert "Gastcoalitie" not in parse_html(response).find("dl", cls="facts").text


def test_a_too_long_reason_is_refused_and_kept_in_the_form(client, people, visit):
    client.force_login(people["host_pl"])
    reason = "Te lang. " * 120
    response = client.post(reverse("events:host_decline", args=[visit.slug]), {"reason": reason})
    assert response.status_code == 200
    assert _messages(response) == ["Er is nog niets opgeslagen: verbeter het veld dat hieronder is gemarkeerd."]
    page = parse_html(response)
    assert page.find("textarea", name="reason").text == reason.strip()
    assert page.find("p", cls="field-error").text == (
        f"Zorg dat deze waarde niet meer dan 1000 tekens bevat (het zijn er nu {len(reason.strip())}).")
    assert _status(visit) == (H.PENDING, None, "")


def test_answering_twice_is_refused_with_a_message(client, people, visit):
    client.force_login(people["host_pl"])
    client.post(reverse("events:host_accept", args=[visit.slug]), follow=True)
    client.force_login(people["coordinator"])
    again = client.post(reverse("events:host_accept", args=[visit.slug]), follow=True)
    assert _messages(again) == ["Dit verzoek is al beantwoord."]
    decline = client.get(reverse("events:host_decline", args=[visit.slug]), follow=True)
    assert decline.redirect_chain == [(visit.get_absolute_url(), 302)]
    assert _messages(decline) == ["Dit verzoek is al beantwoord."]
    client.post(reverse("events:host_decline", args=[visit.slug]), {"reason": "Toch niet."})
    assert _status(visit) == (H.ACCEPTED, people["host_pl"].pk, "")
    assert OutboundEmail.objects.filter(kind="host-answer").count() == 1


def test_the_host_stops_hosting_an_accepted_visit(client, people, visit):
    Event.objects.filter(pk=visit.pk).update(host_status=H.ACCEPTED)
    client.force_login(people["host_pl"])
    link = parse_html(client.get(visit.get_absolute_url())).find(
        "a", href=reverse("events:host_withdraw", args=[visit.slug]))
    assert link.text == "Niet langer gastheer"
    page = parse_html(client.get(reverse("events:host_withdraw", args=[visit.slug])))
    assert page.find("h1").text == "Niet langer gastheer van “Werkbezoek aan Oost-Groningen”"
    response = client.post(reverse("events:host_withdraw", args=[visit.slug]), {"reason": "Ander team."},
                           follow=True)
    assert _messages(response) == ["Oost-Groningen is niet langer gastheer van “Werkbezoek aan Oost-Groningen”: de "
                                   "bijeenkomst staat niet meer op de pagina van Oost-Groningen, en de organisatoren "
                                   "hebben bericht gekregen."]
    assert _status(visit) == (H.WITHDRAWN, people["host_pl"].pk, "Ander team.")
    coalition_page = client.get(people["host"].get_absolute_url())
    assert [e.pk for e in coalition_page.context["upcoming_events"]] == []


def test_a_request_not_accepted_cannot_be_stopped(client, people, visit):
    client.force_login(people["host_pl"])
    response = client.post(reverse("events:host_withdraw", args=[visit.slug]), follow=True)
    assert _messages(response) == ["Deze coalitie is (niet langer) gastheer van deze bijeenkomst."]
    assert _status(visit) == (H.PENDING, None, "")


@pytest.mark.parametrize(("status", "said"), [
    (H.DECLINED, "Afgewezen door gastcoalitie Oost-Groningen."),
    (H.WITHDRAWN, "Oost-Groningen is niet langer gastheer van deze bijeenkomst."),
])
def test_the_organisers_see_the_refusal_and_may_choose_another_host(client, people, visit, status, said):
    Event.objects.filter(pk=visit.pk).update(host_status=status, host_answer_reason="Geen tijd.")
    client.force_login(people["organiser_pl"])
    notice = parse_html(client.get(visit.get_absolute_url())).find("p", cls="host-refused")
    assert notice.text == (
        f"{said} Hun reden: “Geen tijd.”. De bijeenkomst toont geen gastcoalitie. Kies een andere gastcoalitie")
    assert notice.find("a")["href"] == reverse("events:edit", args=[visit.slug])
    for who in ("host_pl", "stranger"):
        client.force_login(people[who])
        page = parse_html(client.get(visit.get_absolute_url()))
        assert page.find("p", cls="host-refused") is None
        assert "Oost-Groningen" not in page.find("dl", cls="facts").text


def test_the_hosts_coalition_page_lists_the_requests_for_those_who_answer(client, people, visit):
    client.force_login(people["coordinator"])
    page = parse_html(client.get(people["host"].get_absolute_url()))
    section = page.by_id("host-requests-heading").parent
    cards = section.find_all("article", cls="host-request")
    assert [card.find("h3").text for card in cards] == ["Werkbezoek aan Oost-Groningen"]
    assert cards[0].find("p", cls="card-meta").text == (
        "Werkbezoek Limburg vraagt Oost-Groningen om gastheer te zijn van deze bijeenkomst.")
    assert [form["action"] for form in cards[0].find_all("form")] == [
        reverse("events:host_accept", args=[visit.slug]), reverse("events:host_decline", args=[visit.slug])]
    assert cards[0].find("input", name="next")["value"] == people["host"].get_absolute_url()
    client.force_login(people["host_member"])
    assert parse_html(client.get(people["host"].get_absolute_url())).by_id("host-requests-heading") is None


def test_my_portal_lists_the_requests_for_the_hosts_project_leader(client, people, visit):
    factories.EventFactory(title="Geannuleerd bezoek", organiser=people["organiser"], host=people["host"],
                           host_status=H.PENDING, cancelled_at=visit.starts_at)
    factories.EventFactory(title="Al bevestigd", organiser=people["organiser"], host=people["host"])
    client.force_login(people["host_pl"])
    page = parse_html(client.get(reverse("my_portal")))
    section = page.by_id("host-requests-heading").parent
    assert [card.find("h3").text for card in section.find_all("article", cls="host-request")] == [
        "Werkbezoek aan Oost-Groningen"]
    client.force_login(people["organiser_pl"])
    assert parse_html(client.get(reverse("my_portal"))).by_id("host-requests-heading") is None


@pytest.mark.parametrize("count", [1, 3])
def test_event_detail_query_count_for_the_host(client, people, count, django_assert_num_queries):
    event = factories.EventFactory(organiser=people["organiser"], host=people["host"], kind=Event.Kind.WORK_VISIT,
                                   host_status=H.PENDING, themes=[factories.ThemeFactory() for _ in range(count)])
    for _index in range(count):
        factories.ProgrammeItemFactory(event=event)
    client.force_login(people["host_pl"])
    # session, user, event (+counts), themes, programme, stands, followed by, practices, report,
    # registration, led coalitions, coordinated regions (host's answerers and the moderator check share them).
    with django_assert_num_queries(12):
        response = client.get(event.get_absolute_url())
    assert response.context["can_answer_host"] is True


@pytest.mark.parametrize("count", [1, 3])
def test_decline_page_query_count(client, people, count, django_assert_num_queries):
    event = factories.EventFactory(organiser=people["organiser"], host=people["host"], kind=Event.Kind.WORK_VISIT,
                                   host_status=H.PENDING, themes=[factories.ThemeFactory() for _ in range(count)])
    client.force_login(people["host_pl"])
    # session, user, event with organiser and host, led coalitions, coordinated regions (the menu).
    with django_assert_num_queries(5):
        response = client.get(reverse("events:host_decline", args=[event.slug]))
    assert response.status_code == 200


def test_the_organiser_is_told_the_host_has_been_asked(client, people):
    client.force_login(people["organiser_pl"])
    response = client.post(reverse("events:create"), event_data(
        people["organiser"], title="Werkbezoek aan Oost-Groningen", kind="werkbezoek", host=people["host"].pk),
        follow=True)
    assert _messages(response) == [
        "De bijeenkomst is opgeslagen en staat op de site.",
        "Oost-Groningen is gevraagd om te bevestigen dat zij gastheer is; tot die tijd staat de bijeenkomst niet op "
        "de pagina van Oost-Groningen."]
    assert parse_html(response).find("dd", cls="host-pending").text == "wacht op bevestiging van Oost-Groningen"


def test_declining_without_any_field_posted_is_still_an_answer(client, people, visit):
    client.force_login(people["host_pl"])
    response = client.post(reverse("events:host_decline", args=[visit.slug]))
    assert (response.status_code, response["Location"]) == (302, visit.get_absolute_url())
    assert _status(visit) == (H.DECLINED, people["host_pl"].pk, "")
