"""Outbox delivery: claims, retries, stale claims, concurrent claimers, and a real SMTP server."""

import hashlib
import logging
import re
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.utils import timezone

from notifications.delivery import claim_batch, deliver_due_emails, send_claimed
from notifications.models import OutboundEmail
from notifications.services import queue_email, retry_failed_emails
from tests.smtpserver import SMTPServer, free_port


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


class FailingBackend(BaseEmailBackend):
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


def _rows(n, prefix="smtp"):
    """Outbox rows written directly (queue_email would deliver them at once in the test's autocommit)."""
    OutboundEmail.objects.bulk_create(
        OutboundEmail(recipient=f"lid{i}@example.org", kind="test", idempotency_key=f"{prefix}:{i}",
                      subject=f"Onderwerp {i}", body_text="Tekst")
        for i in range(n)
    )


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free port, with the SMTP backend pointed at it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
        yield server


@pytest.mark.django_db
@pytest.mark.parametrize(("batch_size", "connections"), [(1000, 1), (250, 4)])
def test_a_batch_is_sent_over_one_smtp_connection(smtp, settings, batch_size, connections):
    settings.OUTBOX_BATCH_SIZE = batch_size
    _rows(1000)
    assert deliver_due_emails() == 1000
    assert smtp.connections == connections
    assert len(smtp.accepted) == 1000
    assert set(smtp.message_ids().values()) == {1}
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT, attempts=1).count() == 1000


@pytest.mark.django_db
def test_a_resent_row_keeps_its_message_id(smtp):
    _rows(1)
    deliver_due_emails()
    OutboundEmail.objects.update(status=OutboundEmail.Status.PENDING)
    deliver_due_emails()
    row = OutboundEmail.objects.get()
    assert list(smtp.message_ids().items()) == [(f"<outbox.{row.pk}.{_key_digest('smtp:0')}@127.0.0.1>", 2)]


def _key_digest(key):
    return hashlib.sha256(key.encode()).hexdigest()[:20]


@pytest.mark.django_db
def test_a_refused_recipient_fails_only_its_own_row(smtp):
    smtp.refuse = {"lid1@example.org"}
    _rows(3)
    assert deliver_due_emails() == 2
    assert smtp.connections == 1
    assert [m["To"] for m in smtp.accepted] == ["lid0@example.org", "lid2@example.org"]
    rows = {row.recipient: row for row in OutboundEmail.objects.all()}
    assert {r: (row.status, row.attempts) for r, row in rows.items()} == {
        "lid0@example.org": (OutboundEmail.Status.SENT, 1),
        "lid1@example.org": (OutboundEmail.Status.PENDING, 1),
        "lid2@example.org": (OutboundEmail.Status.SENT, 1),
    }
    assert rows["lid1@example.org"].last_error.startswith("SMTPRecipientsRefused:")
    assert "550" in rows["lid1@example.org"].last_error


@pytest.mark.django_db
def test_a_connection_lost_mid_batch_sends_the_rest_later(smtp):
    smtp.drop_after = 2
    _rows(5)
    before = timezone.now()
    assert deliver_due_emails() == 2
    statuses = list(OutboundEmail.objects.order_by("pk").values_list("status", "attempts"))
    assert statuses == [(OutboundEmail.Status.SENT, 1)] * 2 + [(OutboundEmail.Status.PENDING, 1)] * 3
    waiting = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
    assert {row.last_error.split(":")[0] for row in waiting} == {"SMTPServerDisconnected"}
    assert all(row.send_after >= before + timedelta(minutes=2) for row in waiting)
    smtp.drop_after = None
    waiting.update(send_after=timezone.now())
    assert deliver_due_emails() == 3
    assert set(smtp.message_ids().values()) == {1} and len(smtp.accepted) == 5


@pytest.mark.django_db
def test_smtp_refusing_connections_backs_off_gives_up_and_nothing_is_lost(settings):
    """SMTP down: every attempt counts, waits longer each time, fails after the last; back up, it all goes."""
    port = free_port()  # nothing listens here yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.OUTBOX_MAX_ATTEMPTS = 3
    _rows(2, prefix="late")
    _rows(2, prefix="early")
    OutboundEmail.objects.filter(idempotency_key__startswith="early").update(attempts=1)
    before = timezone.now()
    assert deliver_due_emails() == 0
    rows = list(OutboundEmail.objects.order_by("idempotency_key"))
    assert [(r.idempotency_key, r.status, r.attempts) for r in rows] == [
        ("early:0", OutboundEmail.Status.PENDING, 2), ("early:1", OutboundEmail.Status.PENDING, 2),
        ("late:0", OutboundEmail.Status.PENDING, 1), ("late:1", OutboundEmail.Status.PENDING, 1),
    ]
    assert all(r.last_error.startswith("ConnectionRefusedError:") for r in rows)
    assert [round((r.send_after - before).total_seconds() / 60) for r in rows] == [4, 4, 2, 2]
    assert deliver_due_emails() == 0  # not due yet: nothing is tried
    assert OutboundEmail.objects.filter(attempts=3).count() == 0

    OutboundEmail.objects.update(send_after=timezone.now())
    assert deliver_due_emails() == 0
    assert dict(OutboundEmail.objects.values_list("idempotency_key", "status")) == {
        "early:0": OutboundEmail.Status.FAILED, "early:1": OutboundEmail.Status.FAILED,
        "late:0": OutboundEmail.Status.PENDING, "late:1": OutboundEmail.Status.PENDING,
    }

    with SMTPServer(port=port) as smtp:
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).update(send_after=timezone.now())
        assert deliver_due_emails() == 2
        assert sorted(m["Subject"] for m in smtp.accepted) == ["Onderwerp 0", "Onderwerp 1"]
        # Failed rows wait for staff: retrying them (the admin action) sends them with the next delivery.
        assert retry_failed_emails(ids=list(OutboundEmail.objects.values_list("pk", flat=True))) == 2
        assert deliver_due_emails() == 2
    assert len(smtp.accepted) == 4
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}


EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.mark.django_db
def test_a_failed_delivery_logs_row_ids_never_addresses(smtp, caplog):
    smtp.refuse = {"lid1@example.org"}
    _rows(3)
    refused = OutboundEmail.objects.get(recipient="lid1@example.org")
    with caplog.at_level(logging.INFO):
        assert deliver_due_emails() == 2
    messages = [record.getMessage() for record in caplog.records]
    assert [m for m in messages if m.startswith("Sending")] == [
        f"Sending 1 outbox email(s) failed (ids {refused.pk}): SMTPRecipientsRefused: "
        "{'[email]': (550, b'No such user here')}"
    ]
    assert not [m for m in messages if EMAIL_ADDRESS.search(m)]
