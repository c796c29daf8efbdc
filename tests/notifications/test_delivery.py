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
