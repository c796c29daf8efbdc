"""Domain functions after an event: the report, follow-up agreements and their signed close links."""

from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.rows import RowChanges, save_rows
from events.models import Event, EventReport, FollowUpAgreement
from notifications.services import queue_templated_email
from notifications.unsubscribe import unsubscribe_context, unsubscribe_headers


def save_report(
    report: EventReport, *, event: Event, related_practices, agreements: RowChanges, author
) -> EventReport:
    """Write or update the report of an event (its fields already set) with its follow-up agreements."""
    with transaction.atomic():
        report.event = event
        if report.pk is None:
            report.author = author
        report.save()
        report.related_practices.set(related_practices)
        for row in agreements.save:
            agreement = row.instance
            if agreement.owner_id and not agreement.owner_email:
                agreement.owner_email = agreement.owner.email
        save_rows(agreements, parent_field="event", parent=event)
        today = timezone.localdate()
        for row in agreements.save:
            email_agreement_owner(row.instance, today=today)
        return report


def email_agreement_owner(agreement: FollowUpAgreement, *, today: date) -> str | None:
    """Queue the email the owner is due today, if any, and record it; returns the stage of what was queued.

    Called for each agreement the report form saves (so a new owner hears of it at once) and by the
    hourly job for every agreement ``needing_email``; the caller holds the row.
    """
    stage = agreement.email_due(today)
    if stage is None:
        return None
    owner = agreement.owner
    recipient = agreement.recipient_email
    # Being given an agreement is always told; the reminders after it follow the owner's choice.
    wanted = stage == "assigned" or owner is None or owner.agreement_reminders_enabled
    if wanted:
        token = agreement_link_token(agreement)
        # A reminder repeats, so it carries the one-click unsubscribe (the "assigned" notice is a single email
        # about a new duty, not a bulk mail). An owner known only by an address has no account to keep that
        # choice on: their reminders still go out, as the report's author asked, without the unsubscribe;
        # the reminder's own link ("done or dropped") is how they stop them.
        opt_out = stage != "assigned" and owner is not None
        queue_templated_email(
            to=recipient, user=owner, kind="agreement-assigned" if stage == "assigned" else "agreement-reminder",
            key=f"agreement-{stage}:{agreement.pk}:{recipient.lower()}:{today.isoformat()}",
            template="emails/agreement_assigned" if stage == "assigned" else "emails/agreement_reminder",
            context={
                "agreement": agreement, "event": agreement.event, "stage": stage,
                "days_overdue": (today - agreement.due_date).days,
                "days_left": (agreement.due_date - today).days,
                "close_url": settings.SITE_URL + reverse("events:agreement_link", args=[token]),
                **(unsubscribe_context(owner, "agreement-reminders") if opt_out else {}),
            },
            headers=unsubscribe_headers(owner, "agreement-reminders") if opt_out else None,
        )
    FollowUpAgreement.objects.filter(pk=agreement.pk).update(notified_email=recipient.lower(), last_reminder_on=today)
    agreement.notified_email, agreement.last_reminder_on = recipient.lower(), today
    return stage if wanted else None


class AgreementError(Exception):
    pass


def close_agreement(agreement: FollowUpAgreement, *, status: str, note: str) -> FollowUpAgreement:
    """Mark an agreement done or dropped; reminders stop."""
    with transaction.atomic():
        if status not in (FollowUpAgreement.Status.DONE, FollowUpAgreement.Status.DROPPED):
            raise AgreementError(_("Choose done or dropped."))
        updated = FollowUpAgreement.objects.filter(pk=agreement.pk, status=FollowUpAgreement.Status.OPEN).update(
            status=status, done_note=note.strip(), closed_at=timezone.now()
        )
        if not updated:
            raise AgreementError(_("This agreement had already been closed."))
        agreement.refresh_from_db()
        return agreement


AGREEMENT_LINK_SALT = "kennisportaal.agreement-close"
AGREEMENT_LINK_MAX_AGE = timedelta(days=60)


def _sign(signer: signing.TimestampSigner, agreement: FollowUpAgreement) -> str:
    return signer.sign_object({"a": agreement.pk, "e": agreement.recipient_email.lower()}, compress=True)


def agreement_link_token(agreement: FollowUpAgreement) -> str:
    """A signed, single-purpose token that lets the owner close this agreement without logging in."""
    return _sign(signing.TimestampSigner(salt=AGREEMENT_LINK_SALT), agreement)


class AgreementLinks:
    """The close links of many agreements at once (a digest batch): one signer and one URL reversal for all, the
    same URLs as ``reverse("events:agreement_link", args=[agreement_link_token(agreement)])`` with the site."""

    def __init__(self):
        self.signer = signing.TimestampSigner(salt=AGREEMENT_LINK_SALT)
        # A token holds only URL-safe characters (base64url, "." and ":"), which reverse() leaves as they are.
        head, tail = reverse("events:agreement_link", args=["TOKEN"]).split("TOKEN")
        self.prefix, self.suffix = settings.SITE_URL + head, tail

    def url(self, agreement: FollowUpAgreement) -> str:
        return f"{self.prefix}{_sign(self.signer, agreement)}{self.suffix}"


def agreement_from_token(token: str) -> FollowUpAgreement | None:
    """The agreement a token is for, or None when it is forged, expired or no longer matches."""
    try:
        data = signing.loads(token, salt=AGREEMENT_LINK_SALT, max_age=AGREEMENT_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    agreement = FollowUpAgreement.objects.select_related("event", "owner").filter(pk=data.get("a")).first()
    if agreement is None or agreement.recipient_email.lower() != data.get("e"):
        return None
    return agreement
