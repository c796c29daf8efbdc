"""Deliver outbox email: claim due rows, send them, record the outcome, purge old ones.

Claims are exclusive, so two workers, a retried task or a restarted worker never send the same row
twice while it is being sent.
"""

import hashlib
import logging
import smtplib
import uuid
from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.utils import timezone

from core.logging import redact
from notifications.models import OutboundEmail

logger = logging.getLogger(__name__)


def claim_batch(limit: int | None = None) -> list[OutboundEmail]:
    """Claim up to ``limit`` due rows for this caller and return them.

    The conditional update on ``status`` is what makes a claim exclusive on every database; on
    PostgreSQL ``SKIP LOCKED`` additionally lets concurrent claimers pass each other without waiting.
    """
    limit = limit or settings.OUTBOX_BATCH_SIZE
    now = timezone.now()
    token = uuid.uuid4()
    # A row left in "sending" longer than OUTBOX_STALE_CLAIM_SECONDS belongs to a worker that died; it is
    # offered again. The setting must exceed the time one batch can take (batch size x SMTP timeout).
    stale_before = now - timedelta(seconds=settings.OUTBOX_STALE_CLAIM_SECONDS)
    OutboundEmail.objects.filter(status=OutboundEmail.Status.SENDING, claimed_at__lt=stale_before).update(
        status=OutboundEmail.Status.PENDING
    )
    with transaction.atomic():
        candidates = OutboundEmail.objects.due(now).order_by("send_after", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        OutboundEmail.objects.filter(pk__in=ids, status=OutboundEmail.Status.PENDING).update(
            status=OutboundEmail.Status.SENDING, claimed_at=now, claim_token=token
        )
    claimed = OutboundEmail.objects.filter(claim_token=token, status=OutboundEmail.Status.SENDING)
    return list(claimed.order_by("send_after", "pk"))


def _retry_delay(attempts: int) -> timedelta:
    """Twice as long after each failed attempt (2, 4, 8 … minutes by default), up to a ceiling."""
    return timedelta(seconds=min(settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** attempts,
                                 settings.OUTBOX_RETRY_MAX_SECONDS))


def _message_id(email: OutboundEmail) -> str:
    """The same Message-ID every time a row is sent, so a resent row is recognisably the same email."""
    digest = hashlib.sha256(email.idempotency_key.encode()).hexdigest()[:20]
    domain = urlsplit(settings.SITE_URL).hostname or "kennisportaal.invalid"
    return f"<outbox.{email.pk}.{digest}@{domain}>"


def _message(email: OutboundEmail, smtp) -> EmailMultiAlternatives:
    headers = dict(email.headers or {})
    if not any(name.lower() == "message-id" for name in headers):
        headers["Message-ID"] = _message_id(email)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        headers=headers,
        connection=smtp,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _breaks_connection(exc: Exception) -> bool:
    """Whether ``exc`` means the connection is gone, rather than that the server refused this one message.

    A refused recipient, sender or message body is answered with a code on a connection that stays
    usable (smtplib resets the transaction); a closed socket, a timeout or "421 closing" is not.
    """
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return False
    return isinstance(exc, OSError)  # socket errors and SMTPServerDisconnected (smtplib's errors are OSErrors)


def _record_sent(email: OutboundEmail) -> None:
    # The claim token makes this a no-op for a claimer whose claim went stale and was taken over.
    OutboundEmail.objects.filter(pk=email.pk, claim_token=email.claim_token).update(
        status=OutboundEmail.Status.SENT, attempts=email.attempts + 1, sent_at=timezone.now(), last_error=""
    )


def _record_failures(emails: list[OutboundEmail], exc: Exception) -> None:
    """Count one failed attempt for each row: back to pending with back-off, or failed after the last attempt."""
    # Row ids, never recipients: an SMTP error names the address it refused ("550 <x@y>: no such user").
    logger.warning("Sending %d outbox email(s) failed (ids %s): %s: %s", len(emails),
                   ",".join(str(email.pk) for email in emails), type(exc).__name__, redact(str(exc)))
    now = timezone.now()
    by_attempts: dict[tuple[int, object], list[int]] = defaultdict(list)
    for email in emails:
        by_attempts[(email.attempts + 1, email.claim_token)].append(email.pk)
    for (attempts, token), ids in by_attempts.items():
        give_up = attempts >= settings.OUTBOX_MAX_ATTEMPTS
        OutboundEmail.objects.filter(pk__in=ids, claim_token=token).update(
            status=OutboundEmail.Status.FAILED if give_up else OutboundEmail.Status.PENDING,
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            send_after=now + _retry_delay(attempts),
            claim_token=None,
        )


def send_batch(batch: list[OutboundEmail]) -> int:
    """Send claimed rows over one SMTP connection and record each row's outcome; returns how many were sent.

    A message the server refuses fails only its own row. When the connection cannot be opened or breaks,
    the row being sent and every row after it count a failed attempt and wait for their retry.
    """
    if not batch:
        return 0
    smtp = get_connection()
    try:
        smtp.open()
    except Exception as exc:
        _record_failures(batch, exc)
        return 0
    sent = 0
    try:
        for index, email in enumerate(batch):
            try:
                _message(email, smtp).send()
            except Exception as exc:
                if _breaks_connection(exc):
                    _record_failures(batch[index:], exc)
                    break
                _record_failures([email], exc)
                continue
            _record_sent(email)
            sent += 1
    finally:
        try:
            smtp.close()
        except Exception:  # a connection that already broke may fail to say goodbye; nothing is lost
            logger.info("Closing the SMTP connection failed", exc_info=True)
    return sent


def send_claimed(email: OutboundEmail) -> bool:
    """Send one claimed row and record the outcome. Returns True when it was sent."""
    return send_batch([email]) == 1


def deliver_due_emails(max_batches: int = 20) -> int:
    """Claim and send due rows in batches of ``OUTBOX_BATCH_SIZE``, one SMTP connection per batch."""
    sent = 0
    for _ in range(max_batches):
        batch = claim_batch()
        if not batch:
            break
        sent += send_batch(batch)
    return sent


def purge_sent(older_than: timedelta = timedelta(days=90)) -> int:
    deleted, _ = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, sent_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
