"""Deliver outbox email: claim due rows, send them, record the outcome, purge old ones.

Claims are exclusive, so two workers, a retried task or a restarted worker never send the same row
twice while it is being sent.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.utils import timezone

from notifications.models import OutboundEmail

logger = logging.getLogger(__name__)

# A row left in "sending" this long belongs to a worker that died; it is offered again.
STALE_CLAIM_AFTER = timedelta(minutes=15)


def claim_batch(limit: int | None = None) -> list[OutboundEmail]:
    """Claim up to ``limit`` due rows for this caller and return them.

    The conditional update on ``status`` is what makes a claim exclusive on every database; on
    PostgreSQL ``SKIP LOCKED`` additionally lets concurrent claimers pass each other without waiting.
    """
    limit = limit or settings.OUTBOX_BATCH_SIZE
    now = timezone.now()
    token = uuid.uuid4()
    OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENDING, claimed_at__lt=now - STALE_CLAIM_AFTER
    ).update(status=OutboundEmail.Status.PENDING)
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
    return timedelta(minutes=min(2 ** attempts, 240))


def send_claimed(email: OutboundEmail) -> bool:
    """Send one claimed row and record the outcome. Returns True when it was sent."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        headers=email.headers or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    attempts = email.attempts + 1
    try:
        message.send()
    except Exception as exc:
        logger.warning("Sending outbox email %s failed: %s", email.pk, exc)
        give_up = attempts >= settings.OUTBOX_MAX_ATTEMPTS
        OutboundEmail.objects.filter(pk=email.pk, claim_token=email.claim_token).update(
            status=OutboundEmail.Status.FAILED if give_up else OutboundEmail.Status.PENDING,
            attempts=attempts,
            last_error=str(exc)[:2000],
            send_after=timezone.now() + _retry_delay(attempts),
            claim_token=None,
        )
        return False
    OutboundEmail.objects.filter(pk=email.pk, claim_token=email.claim_token).update(
        status=OutboundEmail.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    return True


def deliver_due_emails(max_batches: int = 20) -> int:
    """Claim and send due rows in batches; returns how many were sent."""
    sent = 0
    for _ in range(max_batches):
        batch = claim_batch()
        if not batch:
            break
        sent += sum(send_claimed(email) for email in batch)
    return sent


def purge_sent(older_than: timedelta = timedelta(days=90)) -> int:
    deleted, _ = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, sent_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
