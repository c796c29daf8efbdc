"""Queue outbox email: the only way an email leaves the portal.

Queueing writes a row inside the caller's transaction and asks for delivery after commit; delivery
itself is notifications.delivery.
"""

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from notifications.models import OutboundEmail
from notifications.tasks import deliver_outbox

logger = logging.getLogger(__name__)


def _default_key(kind: str, to: str, subject: str, text: str) -> str:
    digest = hashlib.sha256(f"{to}\n{subject}\n{text}".encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def queue_email(
    *,
    to: str,
    kind: str,
    subject: str,
    text: str,
    html: str = "",
    key: str | None = None,
    user=None,
    headers: dict | None = None,
    attachments: list[dict] | None = None,
    send_after=None,
) -> OutboundEmail:
    """Write an email to the outbox (idempotent on ``key``) and flush the outbox after commit."""
    key = key or _default_key(kind, to, subject, text)
    email, created = OutboundEmail.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "recipient": to,
            "user": user,
            "kind": kind,
            "subject": subject[:255],
            "body_text": text,
            "body_html": html,
            "headers": headers or {},
            "attachments": attachments or [],
            "send_after": send_after or timezone.now(),
        },
    )
    if created:
        transaction.on_commit(_trigger_delivery)
    return email


def queue_templated_email(
    *, to: str, kind: str, key: str, template: str, context: dict, user=None, headers=None, attachments=None
) -> OutboundEmail:
    """Render ``<template>_subject.txt``, ``.txt`` and ``.html`` and queue the result."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    return queue_email(to=to, kind=kind, key=key, subject=subject, text=text, html=html, user=user,
                       headers=headers, attachments=attachments)


def retry_failed_emails(*, ids) -> int:
    """Offer failed emails among ``ids`` for delivery again, now, with a full set of attempts.

    The attempts start from zero because staff retry after fixing the cause: a row that had used up its
    attempts would otherwise fail for good on the first new error. The last error stays visible until the
    email is sent. Rows that are not failed are left alone. Returns how many rows will be sent again.
    """
    with transaction.atomic():
        count = OutboundEmail.objects.filter(pk__in=ids, status=OutboundEmail.Status.FAILED).update(
            status=OutboundEmail.Status.PENDING, attempts=0, send_after=timezone.now(), claim_token=None
        )
        if count:
            transaction.on_commit(_trigger_delivery)
    return count


def _trigger_delivery() -> None:
    try:
        deliver_outbox.delay()
    except Exception:  # the periodic sweep delivers it later; a broker outage must not fail a request
        logger.warning("Could not enqueue outbox delivery; the periodic sweep will send it.", exc_info=True)
