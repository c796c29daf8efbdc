"""Project leaders create, edit and cancel their coalition's events."""


from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coalitions.models import Organisation
from events.models import Event, ProgrammeItem
from moderation.models import ModerationState
from tests import factories
from tests.helpers import event_data, formset, parse_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(leader, client):
    client.force_login(leader)
    return leader


def test_project_leader_creates_edits_and_cancels_event(client, leader, coalition, django_capture_on_commit_callbacks):
    response = client.post(reverse("events:create"), event_data(coalition))
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.state == ModerationState.PUBLISHED and event.created_by == leader
    assert ProgrammeItem.objects.get(event=event).title == "Welkom"
    assert client.get(reverse("events:list")).context["page"].object_list[0] == event

    client.post(reverse("events:edit", args=[event.slug]), {
        **event_data(coalition, title="Vervolg Veendam", capacity="80"),
        **formset("programme", total=0)})
    event.refresh_from_db()
    assert event.title == "Vervolg Veendam" and event.capacity == 80

    participant = factories.UserFactory(email="deelnemer@example.org")
    factories.RegistrationFactory(event=event, user=participant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:cancel", args=[event.slug]), {"reason": "De zaal is niet beschikbaar."})
    event.refresh_from_db()
    assert event.cancelled_at is not None
    message = mail.outbox[-1]
    assert message.to == ["deelnemer@example.org"] and "De zaal is niet beschikbaar." in message.body
    assert "Cultuurhuis" in message.body and event.starts_at.astimezone().strftime("%H:%M") in message.body


@pytest.mark.parametrize(("overrides", "field"), [
    ({"ends_at": "2020-01-01T10:00"}, "ends_at"),
    ({"kind": "werkbezoek"}, "host"),
    ({"venue_name": "", "online_url": ""}, "venue_name"),
    ({"online_url": "javascript:alert(1)"}, "online_url"),
    ({"capacity": "-5"}, "capacity"),
])
def test_invalid_event_is_not_saved(client, leader, coalition, overrides, field):
    response = client.post(reverse("events:create"), event_data(coalition, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()
    assert 'value="Vervolg: school en kinderopvang"' in response.content.decode()


def test_project_leader_cannot_organise_for_another_coalition(client, leader):
    other = factories.CoalitionFactory()
    response = client.post(reverse("events:create"), event_data(other))
    assert "organiser" in response.context["form"].errors
    assert not Event.objects.exists()


@pytest.mark.parametrize(("capacity", "error"), [
    ("10001", "Een bijeenkomst heeft hoogstens 10000 plaatsen; laat het veld leeg voor geen maximum."),
    ("99999999999999999999", "Een bijeenkomst heeft hoogstens 10000 plaatsen; laat het veld leeg voor geen maximum."),
])
def test_event_capacity_has_a_sensible_maximum(client, leader, coalition, capacity, error):
    response = client.post(reverse("events:create"), event_data(coalition, capacity=capacity))
    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [error]
    assert response.context["form"]["capacity"].value() == capacity
    assert 'max="10000"' in str(response.context["form"]["capacity"])
    assert not Event.objects.exists()


def test_event_capacity_of_ten_thousand_is_accepted(client, leader, coalition):
    client.post(reverse("events:create"), event_data(coalition, capacity="10000"))
    assert Event.objects.get().capacity == 10000


def test_stand_number_has_a_sensible_maximum(client, leader, coalition):
    provider = factories.OrganisationFactory(name="Muziekschool")
    data = event_data(coalition, **formset("stands", [{"number": "1000", "organisation": provider.pk}]))
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 200
    assert response.context["stands"].forms[0].errors["number"] == ["Een standnummer is hoogstens 999."]
    assert not Event.objects.exists()


def _stand_rows(count, **overrides):
    return [{"organisation": f"Aanbieder {i} (Veendam)", "offer": f"Aanbod {i}", **overrides} for i in range(count)]


@pytest.fixture
def veendam():
    return factories.MunicipalityFactory(name="Veendam")


def test_add_ten_rows_without_javascript_keeps_what_was_typed_and_saves_nothing(client, leader, coalition):
    data = event_data(coalition, **formset("stands", [{"organisation": "Nieuwe Aanbieder", "offer": "Dans"}]),
                      add_rows="stands")
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 200
    assert not Event.objects.exists() and not Organisation.objects.exists()
    html = parse_html(response)
    assert html.by_id("id_stands-TOTAL_FORMS")["value"] == "11"
    rows = html.find(data_formset="stands").find(data_formset_rows=True).children
    assert len([row for row in rows if "formset-row" in row.classes()]) == 11
    assert html.by_id("id_stands-0-organisation")["value"] == "Nieuwe Aanbieder"
    assert html.by_id("id_stands-0-offer").text == "Dans"
    assert html.by_id("id_stands-10-organisation").get("value") is None
    assert html.by_id("id_title")["value"] == "Vervolg: school en kinderopvang"
    assert html.by_id("id_programme-0-title")["value"] == "Welkom"
    assert html.find_all(cls="form-errors") == [] and html.find_all(cls="field-error") == []
    assert [p.text for p in html.find_all(cls="message")] == [
        "Er zijn lege rijen toegevoegd. De bijeenkomst is nog niet opgeslagen."]

    response = client.post(reverse("events:create"), {**data, "add_rows": "programme"})
    html = parse_html(response)
    assert html.by_id("id_programme-TOTAL_FORMS")["value"] == "11"
    assert html.by_id("id_stands-TOTAL_FORMS")["value"] == "1"
    assert not Event.objects.exists()


def test_add_rows_stops_at_the_maximum(client, leader, coalition):
    data = event_data(coalition, add_rows="programme", **formset("programme", total=25))
    html = parse_html(client.post(reverse("events:create"), data))
    assert html.by_id("id_programme-TOTAL_FORMS")["value"] == "30"


def test_twenty_five_stands_in_one_submit(client, leader, coalition, veendam):
    for i in range(25):
        factories.OrganisationFactory(name=f"Aanbieder {i}", municipality=veendam, kind="aanbieder")
    response = client.post(reverse("events:create"), event_data(coalition, **formset("stands", _stand_rows(25))))
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert sorted((s.organisation.name, s.offer) for s in event.stands.select_related("organisation")) == sorted(
        (f"Aanbieder {i}", f"Aanbod {i}") for i in range(25))
    assert Organisation.objects.count() == 25


@pytest.mark.parametrize("count", [1, 12])
def test_event_form_query_count(client, leader, coalition, veendam, theme, count, django_assert_num_queries):
    event = factories.EventFactory(organiser=coalition, kind=Event.Kind.PROVIDER_MARKET)
    for i in range(count):
        stand = factories.StandFactory(event=event, organisation__municipality=veendam, number=i)
        stand.themes.add(theme)
        factories.ProgrammeItemFactory(event=event)
    # session, user, event, membership, event themes, coordinator check, programme rows, stand rows and their
    # themes, the stands' theme choices (once), the choices of organiser, host, themes, learning network and
    # follows-on, and the organisation directory (once, for every row and the datalist).
    with django_assert_num_queries(16):
        response = client.get(reverse("events:edit", args=[event.slug]))
    html = parse_html(response)
    assert len(html.by_id("organisation-options").find_all("option")) == count
    assert html.by_id("id_stands-0-organisation")["value"] == f"{event.stands.first().organisation.name} (Veendam)"


def test_new_provider_is_created_once_and_reused(client, leader, coalition, veendam):
    factories.OrganisationFactory(name="Sportbedrijf", municipality=veendam)
    rows = [{"organisation": "  Muziekschool   De Klank ", "offer": "Muziekles"},
            {"organisation": "sportbedrijf", "offer": "Sport"}]
    client.post(reverse("events:create"), event_data(coalition, **formset("stands", rows)))
    created = Organisation.objects.get(name="Muziekschool De Klank")
    assert (created.kind, created.municipality, created.slug) == ("aanbieder", None, "muziekschool-de-klank")
    assert sorted(Event.objects.get().stands.values_list("organisation__name", flat=True)) == [
        "Muziekschool De Klank", "Sportbedrijf"]

    client.post(reverse("events:create"), event_data(
        coalition, title="Tweede markt", **formset("stands", [{"organisation": "muziekschool de klank",
                                                                "offer": "Muziekles"}])))
    second = Event.objects.get(title="Tweede markt")
    assert list(second.stands.values_list("organisation", flat=True)) == [created.pk]
    assert Organisation.objects.count() == 2


def test_new_provider_is_not_created_when_the_event_is_invalid(client, leader, coalition):
    rows = [{"organisation": "Muziekschool De Klank", "offer": "Muziekles"}]
    response = client.post(reverse("events:create"), event_data(coalition, venue_name="", **formset("stands", rows)))
    assert "venue_name" in response.context["form"].errors
    assert not Organisation.objects.exists() and not Event.objects.exists()
    assert parse_html(response).by_id("id_stands-0-organisation")["value"] == "Muziekschool De Klank"


def test_ambiguous_provider_name_is_refused(client, leader, coalition, veendam):
    factories.OrganisationFactory(name="BSO De Speeltuin", slug="bso-de-speeltuin-veendam", municipality=veendam)
    factories.OrganisationFactory(name="BSO De Speeltuin", municipality=factories.MunicipalityFactory(name="Assen"))
    rows = [{"organisation": "bso de speeltuin", "offer": "Opvang"}, {"organisation": "Nieuw", "offer": "Iets"}]
    response = client.post(reverse("events:create"), event_data(coalition, **formset("stands", rows)))
    assert [p.text for p in parse_html(response).find_all(id="id_stands-0-organisation_error")] == [
        "Er zijn meerdere organisaties met de naam “bso de speeltuin”. Kies er een uit de lijst: de plaats tussen "
        "haakjes maakt het verschil."]
    assert not Event.objects.exists() and Organisation.objects.count() == 2

    rows[0]["organisation"] = "BSO De Speeltuin (Assen)"
    client.post(reverse("events:create"), event_data(coalition, **formset("stands", rows)))
    assert list(Event.objects.get().stands.order_by("offer").values_list(
        "organisation__name", "organisation__municipality__name")) == [
        ("Nieuw", None), ("BSO De Speeltuin", "Assen")]


def test_the_same_provider_twice_is_refused(client, leader, coalition):
    rows = [{"organisation": "Nieuw", "offer": "Iets"}, {"organisation": "nieuw", "offer": "Nog iets"}]
    response = client.post(reverse("events:create"), event_data(coalition, **formset("stands", rows)))
    assert [p.text for p in parse_html(response).find_all(id="id_stands-1-organisation_error")] == [
        "Deze aanbieder heeft al een stand op deze bijeenkomst."]
    assert not Event.objects.exists() and not Organisation.objects.exists()


def test_editing_keeps_unchanged_stands_and_changes_a_provider(client, leader, coalition, veendam):
    event = factories.EventFactory(organiser=coalition, kind=Event.Kind.PROVIDER_MARKET)
    kept = factories.StandFactory(event=event, organisation__name="Sportbedrijf", organisation__municipality=veendam)
    changed = factories.StandFactory(event=event, organisation__name="Bibliotheek")
    stands = {"stands-TOTAL_FORMS": "2", "stands-INITIAL_FORMS": "2",
              "stands-0-id": kept.pk, "stands-0-organisation": "Sportbedrijf (Veendam)", "stands-0-offer": kept.offer,
              "stands-1-id": changed.pk, "stands-1-organisation": "Theater De Klucht", "stands-1-offer": "Toneel"}
    data = {**event_data(coalition, title=event.title), **formset("programme", total=0), **stands}
    response = client.post(reverse("events:edit", args=[event.slug]), data)
    assert response.status_code == 302
    assert sorted(event.stands.values_list("pk", "organisation__name", "offer")) == sorted([
        (kept.pk, "Sportbedrijf", kept.offer), (changed.pk, "Theater De Klucht", "Toneel")])


def test_an_event_lasts_at_most_fourteen_days(client, leader, coalition):
    start = timezone.localtime() + timedelta(days=20)
    too_long = (start + timedelta(days=14, hours=1)).strftime("%Y-%m-%dT14:00")
    response = client.post(reverse("events:create"), event_data(
        coalition, starts_at=start.strftime("%Y-%m-%dT13:00"), ends_at=too_long))
    assert response.context["form"].errors["ends_at"] == [
        "Een bijeenkomst duurt hoogstens 14 dagen; maak voor een langere reeks een bijeenkomst per keer."]
    assert not Event.objects.exists()
    fourteen_days = (start + timedelta(days=14)).strftime("%Y-%m-%dT13:00")
    client.post(reverse("events:create"), event_data(
        coalition, starts_at=start.strftime("%Y-%m-%dT13:00"), ends_at=fourteen_days))
    assert Event.objects.get().ends_at - Event.objects.get().starts_at == timedelta(days=14)
