"""Registrations: capacity, the waiting list, windows and a race for the last seat."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone

from events.models import Registration
from events.services.registrations import (
    RegistrationError,
    cancel_registration,
    promote_from_waiting_list,
    register_for_event,
    registration_closed_reason,
    waiting_position,
)
from moderation.models import ModerationState
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import users

R = Registration.Status


AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_capacity_waiting_list_and_promotion(event, django_capture_on_commit_callbacks):
    a, b, c, d = users(4)
    with django_capture_on_commit_callbacks(execute=True):
        ra, rb, rc, rd = (register_for_event(event, user=u) for u in (a, b, c, d))
    assert [r.status for r in (ra, rb, rc, rd)] == [R.CONFIRMED, R.CONFIRMED, R.WAITLISTED, R.WAITLISTED]
    assert (waiting_position(rc), waiting_position(rd)) == (1, 2)
    assert ra.organisation_name == "OBS Winsum"
    confirmation = next(m for m in mail.outbox if m.to == [a.email])
    assert "Cultuurhuis" in confirmation.body and "Veendam" in confirmation.body
    assert timezone.localtime(event.starts_at).strftime("%H:%M") in confirmation.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(ra)
    assert promoted.pk == rc.pk
    rc.refresh_from_db(), rd.refresh_from_db()
    assert rc.status == R.CONFIRMED and waiting_position(rd) == 1
    assert [m.to for m in mail.outbox] == [[c.email]]
    assert "plaats vrijgekomen" in mail.outbox[0].subject.lower() or "vrij" in mail.outbox[0].subject.lower()

    # Cancelling a waiting-list place promotes nobody.
    assert cancel_registration(rd) is None


@pytest.mark.django_db
def test_registering_twice_and_again_after_cancelling(event):
    user = factories.UserFactory()
    registration = register_for_event(event, user=user)
    with pytest.raises(RegistrationError):
        register_for_event(event, user=user)
    cancel_registration(registration)
    again = register_for_event(event, user=user, remark="Toch wel")
    assert again.pk == registration.pk and again.status == R.CONFIRMED and again.remark == "Toch wel"


@pytest.mark.django_db
def test_registration_window_edges(coalition):
    opens = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    closes = datetime(2026, 12, 10, 17, 0, tzinfo=AMS)
    event = factories.EventFactory(organiser=coalition, registration_opens_at=opens, registration_closes_at=closes,
                                   starts_at=datetime(2026, 12, 15, 13, 0, tzinfo=AMS),
                                   ends_at=datetime(2026, 12, 15, 17, 0, tzinfo=AMS))
    user = factories.UserFactory()
    second = timedelta(seconds=1)
    with time_machine.travel(opens - second, tick=False), pytest.raises(RegistrationError, match="opent"):
        register_for_event(event, user=user)
    with time_machine.travel(closes + second, tick=False), pytest.raises(RegistrationError, match="gesloten"):
        register_for_event(event, user=user)
    with time_machine.travel(closes, tick=False):
        assert register_for_event(event, user=user).status == R.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["past", "cancelled", "hidden"])
def test_no_registration_for_past_cancelled_or_hidden_events(coalition, change):
    now = timezone.now()
    values = {
        "past": {"starts_at": now - timedelta(days=2), "ends_at": now - timedelta(days=2, hours=-3)},
        "cancelled": {"cancelled_at": now},
        "hidden": {"state": ModerationState.HIDDEN},
    }[change]
    event = factories.EventFactory(organiser=coalition, **values)
    with pytest.raises(RegistrationError):
        register_for_event(event, user=factories.UserFactory())
    assert not Registration.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_take_the_last_seat_at_the_same_moment(coalition):
    """Real concurrent PostgreSQL connections: one gets the seat, the other the waiting list."""
    event = factories.EventFactory(organiser=coalition, capacity=1)
    racers = users(2)
    barrier = threading.Barrier(2)
    results, errors = {}, []

    def register(user):
        try:
            barrier.wait()
            results[user.pk] = register_for_event(event, user=user).status
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(u,)) for u in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(results.values()) == [R.CONFIRMED, R.WAITLISTED]
    assert Registration.objects.filter(event=event, status=R.CONFIRMED).count() == 1


@pytest.mark.django_db
def test_waiting_list_order_and_promotion_belong_to_one_event(event, coalition):
    other = factories.EventFactory(title="Andere middag", organiser=coalition, capacity=1)
    seated_a, seated_b, first, second, third, elsewhere = (
        factories.UserFactory(email=f"persoon{i}@example.org") for i in range(6))
    when = timezone.now() - timedelta(hours=1)
    seats = [factories.RegistrationFactory(event=event, user=u, created_at=when) for u in (seated_a, seated_b)]
    # Two on the same moment: the lower id is first in line.
    early = factories.RegistrationFactory(event=event, user=first, status=R.WAITLISTED, created_at=when)
    late = factories.RegistrationFactory(event=event, user=second, status=R.WAITLISTED, created_at=when)
    factories.RegistrationFactory(event=other, user=elsewhere, status=R.WAITLISTED,
                                  created_at=when - timedelta(days=1))
    factories.RegistrationFactory(event=other, user=third)
    assert (waiting_position(early), waiting_position(late)) == (1, 2)
    assert promote_from_waiting_list(event) is None  # full: two seats, two confirmed
    promoted = cancel_registration(seats[0])
    assert (promoted.pk, promoted.user, promoted.status) == (early.pk, first, R.CONFIRMED)
    late.refresh_from_db()
    assert (late.status, waiting_position(late)) == (R.WAITLISTED, 1)
    assert list(Registration.objects.filter(event=other).order_by("pk").values_list("status", flat=True)) == [
        R.WAITLISTED, R.CONFIRMED]
    row = OutboundEmail.objects.get(kind="waiting-list-promotion")
    assert (row.recipient, row.user, row.idempotency_key, row.subject) == (
        first.email, first, f"promotion:{early.pk}:{when.timestamp():.0f}",
        "Er is een plaats vrijgekomen: Inspiratiemiddag Veendam")
    assert promote_from_waiting_list(event) is None  # full again


@pytest.mark.django_db
def test_cancelling_a_past_or_cancelled_events_seat_promotes_nobody(event):
    seat, waiting = (factories.RegistrationFactory(event=event, user=u) for u in users(2))
    waiting.status = R.WAITLISTED
    waiting.save()
    event.cancelled_at = timezone.now()
    event.save()
    assert cancel_registration(seat) is None
    assert Registration.objects.get(pk=waiting.pk).status == R.WAITLISTED
    assert cancel_registration(Registration.objects.get(pk=seat.pk)) is None


@pytest.mark.django_db
def test_why_registration_is_closed_in_dutch_at_the_exact_edges(coalition):
    opens = datetime(2027, 3, 1, 9, 0, tzinfo=AMS)
    closes = datetime(2027, 3, 8, 17, 0, tzinfo=AMS)
    event = factories.EventFactory(organiser=coalition, starts_at=datetime(2027, 3, 10, 9, 0, tzinfo=AMS),
                                   ends_at=datetime(2027, 3, 10, 12, 0, tzinfo=AMS),
                                   registration_opens_at=opens, registration_closes_at=closes)
    second = timedelta(seconds=1)
    assert registration_closed_reason(event, now=opens - second) == "De aanmelding opent op 1 maart 2027 09:00."
    assert registration_closed_reason(event, now=opens) is None
    assert registration_closed_reason(event, now=closes) is None
    assert registration_closed_reason(event, now=closes + second) == (
        "De aanmelding is gesloten op 8 maart 2027 17:00.")
    event.registration_closes_at = None
    assert registration_closed_reason(event, now=event.ends_at) is None
    assert registration_closed_reason(event, now=event.ends_at + second) == "Deze bijeenkomst heeft al plaatsgevonden."
    event.state = ModerationState.HIDDEN
    assert registration_closed_reason(event, now=opens) == "Voor deze bijeenkomst kun je je niet aanmelden."
    event.cancelled_at = opens
    assert registration_closed_reason(event, now=opens) == "Deze bijeenkomst is geannuleerd."


@pytest.mark.django_db
def test_attach_waiting_positions_matches_the_annotation_and_reads_only_when_someone_waits(
    django_assert_num_queries,
):
    event = factories.EventFactory(capacity=1)
    seated = factories.RegistrationFactory(event=event, status=R.CONFIRMED)
    first = factories.RegistrationFactory(event=event, status=R.WAITLISTED)
    factories.RegistrationFactory(event=event, status=R.CANCELLED)
    second = factories.RegistrationFactory(event=event, status=R.WAITLISTED)
    other_event = factories.RegistrationFactory(status=R.WAITLISTED, event__capacity=1)
    rows = list(Registration.objects.filter(pk__in=[seated.pk, first.pk, second.pk, other_event.pk]).order_by("pk"))
    with django_assert_num_queries(1):
        attached = Registration.objects.attach_waiting_positions(rows)
    assert attached is rows
    assert [(r.pk, r.waiting_position) for r in rows] == [
        (seated.pk, None), (first.pk, 1), (second.pk, 2), (other_event.pk, 1)]
    annotated = Registration.objects.filter(pk__in=[r.pk for r in rows]).with_waiting_position().order_by("pk")
    assert [r.waiting_position for r in annotated] == [r.waiting_position for r in rows]
    confirmed_only = [Registration.objects.get(pk=seated.pk)]
    with django_assert_num_queries(0):
        Registration.objects.attach_waiting_positions(confirmed_only)
    assert confirmed_only[0].waiting_position is None
