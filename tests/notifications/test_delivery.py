"""Outbox delivery: claims, retries, stale claims and concurrent claimers."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from notifications.delivery import claim_batch, deliver_due_emails, send_claimed
from notifications.models import OutboundEmail
from notifications.services import queue_email


def _queue(n=1, **kwargs):
    return [
        queue_email(to=f"lid{i}@example.org", kind="test", key=f"test:{i}", subject=f"Onderwerp {i}",
                    text="Tekst", **kwargs)
        for i in range(n)
    ]


@pytest.mark.django_db
def test_delivery_after_commit_sends_text_and_html(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(to="a@example.org", kind="test", key="k:2", subject="Hallo", text="Platte tekst",
                    html="<p>HTML</p>", headers={"List-Unsubscribe": "<https://example.org/u>"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Hallo" and message.body == "Platte tekst"
    assert message.alternatives[0][0] == "<p>HTML</p>"
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/u>"
    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.SENT and row.sent_at and row.attempts == 1


@pytest.mark.django_db
def test_attachments_are_sent_along(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(to="a@example.org", kind="test", key="k:3", subject="Agenda", text="Zie bijlage",
                    attachments=[{"filename": "middag.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}])
    assert mail.outbox[0].attachments == [("middag.ics", "BEGIN:VCALENDAR", "text/calendar")]


@pytest.mark.django_db
def test_running_delivery_twice_sends_once():
    _queue(3)
    assert deliver_due_emails() == 3
    assert deliver_due_emails() == 0
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_future_rows_wait():
    _queue(1, send_after=timezone.now() + timedelta(hours=1))
    assert deliver_due_emails() == 0
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.PENDING


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP weg")


@pytest.mark.django_db
def test_failure_is_retried_later_and_gives_up(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery.FailingBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 2
    _queue(1)
    assert deliver_due_emails() == 0
    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.PENDING and row.attempts == 1
    assert "SMTP weg" in row.last_error and row.send_after > timezone.now()
    OutboundEmail.objects.update(send_after=timezone.now())
    deliver_due_emails()
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.FAILED and row.attempts == 2


@pytest.mark.django_db
def test_stale_claim_is_offered_again():
    _queue(1)
    claimed = claim_batch()
    assert claim_batch() == []
    OutboundEmail.objects.update(claimed_at=timezone.now() - timedelta(hours=1))
    again = claim_batch()
    assert [e.pk for e in again] == [claimed[0].pk]
    # The first, dead claimer can no longer mark the row: its token is gone.
    assert send_claimed(claimed[0]) is True
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENDING


@pytest.mark.django_db
def test_claims_do_not_overlap(settings):
    settings.OUTBOX_BATCH_SIZE = 2
    _queue(5)
    OutboundEmail.objects.update(status=OutboundEmail.Status.PENDING, sent_at=None)
    batches = [claim_batch() for _ in range(4)]
    ids = [e.pk for batch in batches for e in batch]
    assert [len(b) for b in batches] == [2, 2, 1, 0]
    assert len(ids) == len(set(ids)) == 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_claimers_never_take_the_same_row(settings):
    """Real concurrent PostgreSQL connections (threads), exercising SKIP LOCKED and the conditional update.

    (SQLite's in-memory test database cannot serve two writing threads; there the conditional update
    alone is the guarantee, covered by test_claims_do_not_overlap.)
    """
    settings.OUTBOX_BATCH_SIZE = 7
    # Rows written directly: queue_email would deliver them at once in autocommit mode.
    OutboundEmail.objects.bulk_create(
        OutboundEmail(recipient=f"lid{i}@example.org", kind="test", idempotency_key=f"race:{i}",
                      subject="x", body_text="y")
        for i in range(40)
    )
    barrier = threading.Barrier(2)
    results: dict[str, list[int]] = {}

    def claimer(name):
        try:
            barrier.wait()
            taken = []
            while batch := claim_batch():
                taken.extend(e.pk for e in batch)
            results[name] = taken
        finally:
            connection.close()

    threads = [threading.Thread(target=claimer, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    a, b = set(results["a"]), set(results["b"])
    assert not a & b
    assert len(a | b) == 40
    assert len(results["a"]) + len(results["b"]) == 40


@pytest.mark.django_db
def test_sent_message_has_the_sender_text_and_html_alternative():
    _queue(1, html="<p>HTML</p>")
    assert deliver_due_emails() == 1
    message = mail.outbox[0]
    assert (message.from_email, message.to, message.body) == (
        "Kennisportaal <noreply@kennisportaal.nl>", ["lid0@example.org"], "Tekst")
    assert message.alternatives[0][1] == "text/html"
    row = OutboundEmail.objects.get()
    assert (row.status, row.attempts, row.last_error, row.claim_token is not None) == (
        OutboundEmail.Status.SENT, 1, "", True)


@pytest.mark.django_db
@pytest.mark.parametrize(("attempts", "minutes"), [(1, 2), (3, 8), (7, 128), (8, 240), (12, 240)])
def test_retry_waits_twice_as_long_each_time_up_to_four_hours(settings, attempts, minutes):
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery.FailingBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 99
    _queue(1)
    OutboundEmail.objects.update(attempts=attempts - 1)
    before = timezone.now()
    deliver_due_emails()
    row = OutboundEmail.objects.get()
    assert row.attempts == attempts
    wait = row.send_after - before
    assert timedelta(minutes=minutes) <= wait < timedelta(minutes=minutes, seconds=5)


@pytest.mark.django_db
def test_claims_take_due_pending_rows_in_queue_order_and_only_those():
    now = timezone.now()
    late, early, same_a, same_b, future, sent, sending = _queue(7)
    OutboundEmail.objects.filter(pk=late.pk).update(send_after=now - timedelta(minutes=1))
    OutboundEmail.objects.filter(pk=early.pk).update(send_after=now - timedelta(minutes=9))
    OutboundEmail.objects.filter(pk__in=[same_a.pk, same_b.pk]).update(send_after=now - timedelta(minutes=5))
    OutboundEmail.objects.filter(pk=future.pk).update(send_after=now + timedelta(minutes=5))
    OutboundEmail.objects.filter(pk=sent.pk).update(status=OutboundEmail.Status.SENT, send_after=now - timedelta(1),
                                                    sent_at=now)
    OutboundEmail.objects.filter(pk=sending.pk).update(status=OutboundEmail.Status.SENDING, claimed_at=now,
                                                       send_after=now - timedelta(1))
    claimed = claim_batch(limit=3)
    assert [row.pk for row in claimed] == [early.pk, same_a.pk, same_b.pk]
    assert all(row.claimed_at is not None and row.status == OutboundEmail.Status.SENDING for row in claimed)
    assert [row.pk for row in claim_batch(limit=10)] == [late.pk]
    assert OutboundEmail.objects.get(pk=sent.pk).status == OutboundEmail.Status.SENT
    assert claim_batch(limit=10) == []


@pytest.mark.django_db
def test_only_stale_sending_rows_are_offered_again():
    stale_sent, fresh = _queue(2)
    long_ago = timezone.now() - timedelta(hours=1)
    OutboundEmail.objects.filter(pk=stale_sent.pk).update(status=OutboundEmail.Status.SENT, claimed_at=long_ago,
                                                          sent_at=long_ago)
    OutboundEmail.objects.filter(pk=fresh.pk).update(status=OutboundEmail.Status.SENDING,
                                                     claimed_at=timezone.now())
    assert claim_batch() == []
    assert dict(OutboundEmail.objects.values_list("pk", "status")) == {
        stale_sent.pk: OutboundEmail.Status.SENT, fresh.pk: OutboundEmail.Status.SENDING}
