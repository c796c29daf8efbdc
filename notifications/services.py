"""Queue outbox email: the only way an email leaves the portal.

Queueing writes a row inside the caller's transaction and asks for delivery after commit; delivery
itself is notifications.delivery. ``unsubscribe`` turns one kind of email off (notifications.unsubscribe).
"""

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from accounts.models import User
from core.db import server_side_binding
from notifications.models import OutboundEmail
from notifications.tasks import deliver_outbox
from notifications.unsubscribe import KINDS, PREFERENCE_OFF

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


def _render_plain_text(template_name: str, context: dict) -> str:
    """A template rendered without HTML escaping: a subject or a text body is not HTML, so "&" stays "&"."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def render_email(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text and HTML of ``<template>_subject.txt``, ``.txt`` and ``.html``.

    Only the HTML is escaped; the subject is a header, so on one line.
    """
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(_render_plain_text(f"{template}_subject.txt", context).split())
    text = _render_plain_text(f"{template}.txt", context)
    return subject, text, render_to_string(f"{template}.html", context)


def queue_templated_email(
    *, to: str, kind: str, key: str, template: str, context: dict, user=None, headers=None, attachments=None
) -> OutboundEmail:
    """Render ``<template>_subject.txt``, ``.txt`` and ``.html`` and queue the result."""
    subject, text, html = render_email(template, context)
    return queue_email(to=to, kind=kind, key=key, subject=subject, text=text, html=html, user=user,
                       headers=headers, attachments=attachments)


def queue_templated_emails(*, kind: str, template: str, messages, send_after=None, render=None) -> int:
    """Render and queue many emails of one kind in one statement: the bulk form of ``queue_templated_email``.

    ``messages`` is an iterable of dicts with ``to``, ``key`` (the idempotency key), ``context`` and optionally
    ``user`` and ``headers``. A message whose key is already in the outbox is skipped, as with the single form.
    Returns how many were offered. ``render`` (context -> subject, text, HTML) may stand in for the templates when
    it gives the same result faster (the digest job's ``portal.digest_mail.DigestMail``).
    """
    send_after = send_after or timezone.now()
    render = render or (lambda context: render_email(template, context))
    emails = []
    for message in messages:
        subject, text, html = render(message["context"])
        emails.append(OutboundEmail(
            recipient=message["to"], user=message.get("user"), kind=kind, subject=subject, body_text=text,
            body_html=html, headers=message.get("headers") or {}, idempotency_key=message["key"],
            send_after=send_after,
        ))
    return queue_emails(emails)


def queue_emails(emails: list[OutboundEmail]) -> int:
    """Write many unsaved outbox rows in one statement (rows whose key exists are skipped); flush after commit.

    For jobs that build mail for a whole batch of members: the query count stays constant per batch.
    """
    if not emails:
        return 0
    for email in emails:
        email.subject = email.subject[:255]
    with server_side_binding():  # the bodies go as parameters, not quoted into the statement
        OutboundEmail.objects.bulk_create(emails, ignore_conflicts=True)
    transaction.on_commit(_trigger_delivery)
    return len(emails)


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


def unsubscribe(user: User, kind: str) -> bool:
    """Turn one kind of email off for the user; returns whether it was on (doing it twice changes nothing)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of email to unsubscribe from: {kind!r}")
    field, off = PREFERENCE_OFF[kind]
    with transaction.atomic():
        changed = User.objects.filter(pk=user.pk).exclude(**{field: off}).update(**{field: off})
        setattr(user, field, off)
        return bool(changed)
