"""Domain functions after an event: the report, follow-up agreements and their signed close links."""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.rows import RowChanges, save_rows
from events.models import Event, EventReport, FollowUpAgreement


def first_reminder_date(due_date, today=None):
    today = today or timezone.localdate()
    return max(due_date - timedelta(days=7), today)


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
            if agreement.status == FollowUpAgreement.Status.OPEN:
                agreement.next_reminder_on = first_reminder_date(agreement.due_date)
        save_rows(agreements, parent_field="event", parent=event)
        return report


class AgreementError(Exception):
    pass


def close_agreement(agreement: FollowUpAgreement, *, status: str, note: str) -> FollowUpAgreement:
    """Mark an agreement done or dropped; reminders stop."""
    with transaction.atomic():
        if status not in (FollowUpAgreement.Status.DONE, FollowUpAgreement.Status.DROPPED):
            raise AgreementError(_("Choose done or dropped."))
        updated = FollowUpAgreement.objects.filter(pk=agreement.pk, status=FollowUpAgreement.Status.OPEN).update(
            status=status, done_note=note.strip(), closed_at=timezone.now(), next_reminder_on=None
        )
        if not updated:
            raise AgreementError(_("This agreement had already been closed."))
        agreement.refresh_from_db()
        return agreement


AGREEMENT_LINK_SALT = "kennisportaal.agreement-close"
AGREEMENT_LINK_MAX_AGE = timedelta(days=60)


def agreement_link_token(agreement: FollowUpAgreement) -> str:
    """A signed, single-purpose token that lets the owner close this agreement without logging in."""
    return signing.dumps({"a": agreement.pk, "e": agreement.owner_email.lower()}, salt=AGREEMENT_LINK_SALT,
                         compress=True)


def agreement_from_token(token: str) -> FollowUpAgreement | None:
    """The agreement a token is for, or None when it is forged, expired or no longer matches."""
    try:
        data = signing.loads(token, salt=AGREEMENT_LINK_SALT, max_age=AGREEMENT_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    agreement = FollowUpAgreement.objects.select_related("event").filter(pk=data.get("a")).first()
    if agreement is None or agreement.owner_email.lower() != data.get("e"):
        return None
    return agreement
