"""The host coalition's answer: asked when named, accept or decline once, stop hosting later; who is emailed."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from coalitions.models import CoalitionMembership
from core.rows import RowChanges
from events.models import Event
from events.services.events import save_event
from events.services.hosting import HostAnswerError, answer_host_request, stop_hosting
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import event_data

pytestmark = pytest.mark.django_db

PL = CoalitionMembership.Role.PROJECT_LEADER
H = Event.HostStatus
migration = importlib.import_module("events.migrations.0007_host_answer")


@pytest.fixture
def sides(db):
    """Limburg (region Zuid) visits Oost-Groningen (region Noord); who answers for each side."""
    north, south = factories.RegionFactory(name="Noord"), factories.RegionFactory(name="Zuid")
    host = factories.CoalitionFactory(name="Oost-Groningen", slug="oost-groningen", region=north)
    organiser = factories.CoalitionFactory(name="Limburg", slug="limburg", region=south)
    people = {
        "host_pl": factories.UserFactory(email="marja@example.org", full_name="Marja"),
        "host_pl2": factories.UserFactory(email="henk@example.org", full_name="Henk"),
        "host_member": factories.UserFactory(email="lid-noord@example.org"),
        "coordinator": factories.UserFactory(email="coord-noord@example.org", full_name="Anke"),
        "other_coordinator": factories.UserFactory(email="coord-zuid@example.org"),
        "organiser_pl": factories.UserFactory(email="noor@example.org", full_name="Noor"),
        "organiser_pl2": factories.UserFactory(email="piet@example.org", full_name="Piet"),
    }
    factories.MembershipFactory(coalition=host, user=people["host_pl"], role=PL)
    factories.MembershipFactory(coalition=host, user=people["host_pl2"], role=PL)
    factories.MembershipFactory(coalition=host, user=people["host_member"])
    factories.RegionCoordinatorFactory(region=north, user=people["coordinator"])
    factories.RegionCoordinatorFactory(region=south, user=people["other_coordinator"])
    factories.MembershipFactory(coalition=organiser, user=people["organiser_pl"], role=PL)
    factories.MembershipFactory(coalition=organiser, user=people["organiser_pl2"], role=PL)
    return host, organiser, people


def emails(kind):
    return [(e.recipient, e.subject) for e in OutboundEmail.objects.filter(kind=kind).order_by("pk")]


def create_visit(client, user, organiser, host, **overrides):
    client.force_login(user)
    response = client.post(reverse("events:create"), event_data(
        organiser, title="Werkbezoek aan Oost-Groningen", kind="werkbezoek", host=host.pk, **overrides))
    assert response.status_code == 302
    return Event.objects.get(title="Werkbezoek aan Oost-Groningen")


REQUEST = "Limburg vraagt Oost-Groningen om gastheer te zijn van een werkbezoek: graag je antwoord"


def test_naming_a_host_asks_its_project_leaders_and_coordinator(client, sides):
    host, organiser, people = sides
    event = create_visit(client, people["organiser_pl"], organiser, host)
    assert (event.host_id, event.host_status, event.host_answered_at, event.host_answered_by) == (
        host.pk, H.PENDING, None, None)
    assert event.host_requested_at is not None
    assert emails("host-request") == [
        ("marja@example.org", REQUEST), ("henk@example.org", REQUEST), ("coord-noord@example.org", REQUEST)]
    text = OutboundEmail.objects.get(kind="host-request", recipient="marja@example.org").body_text
    assert "Limburg vraagt Oost-Groningen om gastheer te zijn van “Werkbezoek aan Oost-Groningen”." in text
    assert f"{settings.SITE_URL}/coalities/oost-groningen/#host-requests-heading" in text
    assert emails("host-answer") == []


def test_a_leader_of_both_coalitions_accepts_for_the_host_as_they_ask(client, sides):
    host, organiser, people = sides
    factories.MembershipFactory(coalition=host, user=people["organiser_pl"], role=PL)
    event = create_visit(client, people["organiser_pl"], organiser, host)
    assert (event.host_status, event.host_answered_by) == (H.ACCEPTED, people["organiser_pl"])
    assert emails("host-request") == []


def test_an_event_without_host_asks_nobody(client, sides):
    host, organiser, people = sides
    client.force_login(people["organiser_pl"])
    client.post(reverse("events:create"), event_data(organiser, title="Inspiratiemiddag"))
    assert Event.objects.get().host_id is None
    assert emails("host-request") == []


def edit(client, event, **overrides):
    values = {"title": event.title, "kind": "werkbezoek", "host": event.host_id,
              "starts_at": event.starts_at.strftime("%Y-%m-%dT%H:%M"),
              "ends_at": event.ends_at.strftime("%Y-%m-%dT%H:%M"), **overrides}
    response = client.post(reverse("events:edit", args=[event.slug]), event_data(event.organiser, **values))
    assert response.status_code == 302
    return Event.objects.get(pk=event.pk)


def test_editing_other_fields_keeps_the_answer_and_asks_nobody_again(client, sides):
    host, organiser, people = sides
    event = create_visit(client, people["organiser_pl"], organiser, host)
    answer_host_request(event, user=people["host_pl"], accept=True)
    edited = edit(client, event, title="Werkbezoek aan Oost-Groningen (nieuw)")
    assert (edited.title, edited.host_status, edited.host_answered_by) == (
        "Werkbezoek aan Oost-Groningen (nieuw)", H.ACCEPTED, people["host_pl"])
    assert len(emails("host-request")) == 3


def test_an_answer_given_while_the_form_was_open_is_kept(client, sides):
    host, organiser, people = sides
    event = create_visit(client, people["organiser_pl"], organiser, host)
    stale = Event.objects.get(pk=event.pk)  # the organiser's form, loaded while the request was open
    answer_host_request(event, user=people["host_pl"], accept=False, reason="Geen tijd.")
    stale.title = "Werkbezoek, nieuwe titel"
    save_event(stale, themes=[], programme=RowChanges(), stands=RowChanges(), created_by=people["organiser_pl"])
    assert Event.objects.values_list("title", "host_status", "host_answer_reason").get(pk=event.pk) == (
        "Werkbezoek, nieuwe titel", H.DECLINED, "Geen tijd.")


def test_choosing_another_host_after_a_refusal_asks_the_new_host(client, sides):
    host, organiser, people = sides
    event = create_visit(client, people["organiser_pl"], organiser, host)
    answer_host_request(event, user=people["host_pl"], accept=False, reason="Geen tijd.")
    other = factories.CoalitionFactory(name="Drenthe", region=host.region)
    drenthe_pl = factories.UserFactory(email="drenthe@example.org")
    factories.MembershipFactory(coalition=other, user=drenthe_pl, role=PL)
    edited = edit(client, event, host=other.pk)
    assert (edited.host_id, edited.host_status, edited.host_answered_at, edited.host_answered_by,
            edited.host_answer_reason) == (other.pk, H.PENDING, None, None, "")
    subject = "Limburg vraagt Drenthe om gastheer te zijn van een werkbezoek: graag je antwoord"
    assert emails("host-request")[3:] == [("drenthe@example.org", subject), ("coord-noord@example.org", subject)]


def test_the_same_host_kept_after_a_refusal_is_not_asked_again(client, sides):
    host, organiser, people = sides
    event = create_visit(client, people["organiser_pl"], organiser, host)
    answer_host_request(event, user=people["host_pl"], accept=False)
    edited = edit(client, event, city="Winschoten")
    assert (edited.city, edited.host_status) == ("Winschoten", H.DECLINED)
    assert len(emails("host-request")) == 3


@pytest.fixture
def pending(sides):
    host, organiser, people = sides
    return factories.EventFactory(title="Werkbezoek aan Oost-Groningen", organiser=organiser, host=host,
                                  kind=Event.Kind.WORK_VISIT, host_status=H.PENDING)


def test_accepting_records_who_and_tells_the_organisers(sides, pending):
    host, organiser, people = sides
    answer_host_request(pending, user=people["coordinator"], accept=True, reason="niet bewaard")
    stored = Event.objects.get(pk=pending.pk)
    assert (stored.host_status, stored.host_answered_by, stored.host_answer_reason) == (
        H.ACCEPTED, people["coordinator"], "")
    assert stored.host_answered_at is not None
    subject = "Oost-Groningen is gastheer van “Werkbezoek aan Oost-Groningen”"
    assert emails("host-answer") == [("noor@example.org", subject), ("piet@example.org", subject)]
    text = OutboundEmail.objects.get(kind="host-answer", recipient="noor@example.org").body_text
    assert ("Oost-Groningen heeft bevestigd gastheer te zijn van “Werkbezoek aan Oost-Groningen”. De bijeenkomst "
            "staat nu ook op de pagina en in de agenda van Oost-Groningen.") in text


def test_declining_keeps_the_reason_and_tells_the_organisers_how_to_choose_another_host(sides, pending):
    host, organiser, people = sides
    answer_host_request(pending, user=people["host_pl"], accept=False, reason="  Past niet in onze planning. ")
    stored = Event.objects.get(pk=pending.pk)
    assert (stored.host_id, stored.host_status, stored.host_answered_by, stored.host_answer_reason) == (
        host.pk, H.DECLINED, people["host_pl"], "Past niet in onze planning.")
    subject = "Oost-Groningen wijst het gastheerschap van “Werkbezoek aan Oost-Groningen” af"
    assert emails("host-answer") == [("noor@example.org", subject), ("piet@example.org", subject)]
    text = OutboundEmail.objects.get(kind="host-answer", recipient="piet@example.org").body_text
    assert "Hun reden:\nPast niet in onze planning." in text
    edit_url = settings.SITE_URL + reverse("events:edit", args=[pending.slug])
    assert f"Je kunt een andere gastcoalitie kiezen: {edit_url}" in text


def test_answering_twice_is_refused_and_changes_nothing(sides, pending):
    host, organiser, people = sides
    answer_host_request(pending, user=people["host_pl"], accept=True)
    again = Event.objects.get(pk=pending.pk)
    for accept in (True, False):
        with pytest.raises(HostAnswerError, match="^Dit verzoek is al beantwoord.$"):
            answer_host_request(again, user=people["host_pl2"], accept=accept, reason="Toch niet.")
    stored = Event.objects.get(pk=pending.pk)
    assert (stored.host_status, stored.host_answered_by, stored.host_answer_reason) == (
        H.ACCEPTED, people["host_pl"], "")
    assert len(emails("host-answer")) == 2


def test_an_answer_for_a_host_that_was_replaced_meanwhile_is_refused(sides, pending):
    host, organiser, people = sides
    shown = Event.objects.get(pk=pending.pk)  # the page the host's leader had open
    other = factories.CoalitionFactory(name="Drenthe")
    Event.objects.filter(pk=pending.pk).update(host=other)
    with pytest.raises(HostAnswerError):
        answer_host_request(shown, user=people["host_pl"], accept=True)
    assert Event.objects.values_list("host_id", "host_status").get(pk=pending.pk) == (other.pk, H.PENDING)
    assert emails("host-answer") == []


def test_an_organiser_without_project_leaders_hears_through_the_creator(sides):
    host, organiser, people = sides
    lonely = factories.CoalitionFactory(name="Twente")
    creator = factories.UserFactory(email="maker@example.org")
    event = factories.EventFactory(title="Bezoek", organiser=lonely, host=host, kind=Event.Kind.WORK_VISIT,
                                   host_status=H.PENDING, created_by=creator)
    answer_host_request(event, user=people["host_pl"], accept=True)
    assert emails("host-answer") == [("maker@example.org", "Oost-Groningen is gastheer van “Bezoek”")]


def test_stopping_hosting_detaches_the_host_and_tells_the_organisers(sides, pending):
    host, organiser, people = sides
    answer_host_request(pending, user=people["host_pl"], accept=True)
    stop_hosting(Event.objects.get(pk=pending.pk), user=people["host_pl2"], reason="Ons team is gewijzigd.")
    stored = Event.objects.get(pk=pending.pk)
    assert (stored.host_status, stored.host_answered_by, stored.host_answer_reason) == (
        H.WITHDRAWN, people["host_pl2"], "Ons team is gewijzigd.")
    assert not stored.has_accepted_host and stored.host_refused
    assert list(Event.objects.of_coalition(host)) == []
    subject = "Oost-Groningen is niet langer gastheer van “Werkbezoek aan Oost-Groningen”"
    assert emails("host-answer")[2:] == [("noor@example.org", subject), ("piet@example.org", subject)]


def test_only_an_accepted_hosting_can_be_stopped(sides, pending):
    host, organiser, people = sides
    with pytest.raises(HostAnswerError, match=r"^Deze coalitie is \(niet langer\) gastheer van deze bijeenkomst.$"):
        stop_hosting(pending, user=people["host_pl"])
    assert Event.objects.get(pk=pending.pk).host_status == H.PENDING
    assert emails("host-answer") == []


def test_the_migration_keeps_earlier_hosts_as_accepted(sides):
    host, organiser, people = sides
    hosted = factories.EventFactory(organiser=organiser, host=host, host_status=H.PENDING)
    alone = factories.EventFactory(organiser=organiser, host_status=H.PENDING)
    assert migration.accept_existing_hosts(apps, None) == 1
    assert dict(Event.objects.values_list("pk", "host_status")) == {hosted.pk: H.ACCEPTED, alone.pk: H.PENDING}
