"""Domain functions for events: create, update, cancel."""

import secrets
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration
from kennisportaal.slugs import unique_slug
from notifications.services import queue_templated_email
from practices.models import ModerationState


@transaction.atomic
def save_event(*, form, programme_formset, stand_formset, actor) -> Event:
    """Create or update an event of a coalition the actor leads; new events are published at once."""
    event = form.save(commit=False)
    if event.pk is None:
        event.created_by = actor
        event.state = ModerationState.PUBLISHED
        event.slug = unique_slug(Event, f"{event.title} {event.starts_at:%Y-%m-%d}")
    event.save()
    form.save_m2m()
    for formset in (programme_formset, stand_formset):
        formset.instance = event
        formset.save()
    return event


@transaction.atomic
def cancel_event(event: Event, *, actor, reason: str) -> int:
    """Cancel an event and tell everyone registered; returns how many people were emailed."""
    updated = Event.objects.filter(pk=event.pk, cancelled_at__isnull=True).update(cancelled_at=timezone.now())
    if not updated:
        return 0
    event.refresh_from_db(fields=["cancelled_at"])
    registrations = event.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).select_related("user")
    count = 0
    for registration in registrations:
        queue_templated_email(
            to=registration.user.email, user=registration.user, kind="event-cancelled",
            key=f"event-cancelled:{event.pk}:{registration.user_id}", template="emails/event_cancelled",
            context={"event": event, "reason": reason, "recipient": registration.user},
        )
        count += 1
    return count


class RegistrationError(Exception):
    """A registration that may not happen; the message is for the user."""


def registration_closed_reason(event: Event, now=None) -> str | None:
    """Why nobody can register now, or None when registration is open."""
    now = now or timezone.now()
    if event.cancelled_at:
        return _("This event has been cancelled.")
    if event.state != ModerationState.PUBLISHED:
        return _("This event is not open for registration.")
    if event.ends_at < now:
        return _("This event has already taken place.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration opens on %(date)s.") % {
            "date": date_format(timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT")}
    if event.registration_closes_at and now > event.registration_closes_at:
        return _("Registration closed on %(date)s.") % {
            "date": date_format(timezone.localtime(event.registration_closes_at), "DATETIME_FORMAT")}
    return None


@transaction.atomic
def register_for_event(event: Event, *, user, remark: str = "") -> Registration:
    """Register a member: a confirmed seat while there is room, otherwise the waiting list.

    The event row is locked first, so two people taking the last seat at once are serialised: one gets
    the seat, the other the waiting list.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if reason := registration_closed_reason(event):
        raise RegistrationError(reason)
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing and existing.status != Registration.Status.CANCELLED:
        raise RegistrationError(_("You are already registered for this event."))
    confirmed = Registration.objects.filter(event=event, status__in=Registration.SEAT_STATUSES).count()
    has_seat = event.capacity is None or confirmed < event.capacity
    status = Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED
    values = {
        "status": status, "remark": remark, "organisation_name": user.organisation_name,
        "job_function": user.get_job_function_display(), "created_at": timezone.now(), "cancelled_at": None,
    }
    if existing:
        for field, value in values.items():
            setattr(existing, field, value)
        existing.save()
        registration = existing
    else:
        registration = Registration.objects.create(event=event, user=user, **values)
    queue_templated_email(
        to=user.email, user=user, kind="registration",
        key=f"registration:{registration.pk}:{registration.created_at.timestamp():.0f}",
        template="emails/registration",
        context={"event": event, "registration": registration, "recipient": user,
                 "position": waiting_position(registration)},
    )
    return registration


def waiting_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    ).count() + 1


@transaction.atomic
def cancel_registration(registration: Registration, *, actor) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list, who is emailed.

    Returns the promoted registration, if any.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return None
    freed_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if freed_seat and not event.is_past and not event.cancelled_at:
        return promote_from_waiting_list(event)
    return None


def promote_from_waiting_list(event: Event) -> Registration | None:
    """Give free seats to the waiting list in order (call with the event row locked)."""
    confirmed = Registration.objects.filter(event=event, status__in=Registration.SEAT_STATUSES).count()
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    first = (
        Registration.objects.select_for_update(of=("self",)).filter(event=event, status=Registration.Status.WAITLISTED)
        .select_related("user").order_by("created_at", "pk").first()
    )
    if first is None:
        return None
    first.status = Registration.Status.CONFIRMED
    first.save(update_fields=["status"])
    queue_templated_email(
        to=first.user.email, user=first.user, kind="waiting-list-promotion",
        key=f"promotion:{first.pk}:{first.created_at.timestamp():.0f}", template="emails/promotion",
        context={"event": event, "registration": first, "recipient": first.user},
    )
    return first


@transaction.atomic
def set_attendance(event: Event, *, shown_ids: set[int], attended_ids: set[int]) -> int:
    """For the registrations shown on the page: mark who attended and who did not."""
    registrations = Registration.objects.filter(
        event=event, pk__in=shown_ids,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.ATTENDED],
    )
    marked = registrations.filter(pk__in=attended_ids).update(status=Registration.Status.ATTENDED)
    registrations.exclude(pk__in=attended_ids).update(status=Registration.Status.CONFIRMED)
    return marked


def first_reminder_date(due_date, today=None):
    today = today or timezone.localdate()
    return max(due_date - timedelta(days=7), today)


@transaction.atomic
def save_report(*, event: Event, form, agreement_formset, author) -> EventReport:
    """Write or update the report of an event with its follow-up agreements."""
    report = form.save(commit=False)
    report.event = event
    if report.pk is None:
        report.author = author
    report.save()
    form.save_m2m()
    agreements = agreement_formset.save(commit=False)
    for agreement in agreement_formset.deleted_objects:
        agreement.delete()
    for agreement in agreements:
        agreement.event = event
        if agreement.owner_id and not agreement.owner_email:
            agreement.owner_email = agreement.owner.email
        if agreement.status == FollowUpAgreement.Status.OPEN:
            agreement.next_reminder_on = first_reminder_date(agreement.due_date)
        agreement.save()
    return report


class AgreementError(Exception):
    pass


@transaction.atomic
def close_agreement(agreement: FollowUpAgreement, *, status: str, note: str, actor=None) -> FollowUpAgreement:
    """Mark an agreement done or dropped; reminders stop."""
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


@transaction.atomic
def create_calendar_token(user) -> CalendarToken:
    """Give the user a new secret calendar URL; the previous one stops working."""
    token, _created = CalendarToken.objects.update_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token
