"""Project leaders create, edit and cancel their coalition's events."""


import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event, ProgrammeItem
from moderation.models import ModerationState
from tests import factories
from tests.helpers import event_data, formset

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
