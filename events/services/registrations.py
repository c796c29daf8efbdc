"""Domain functions for registrations: register, the waiting list, cancelling, attendance."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.models import Event, Registration
from moderation.models import ModerationState
from notifications.services import queue_templated_email


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


def register_for_event(event: Event, *, user, remark: str = "") -> Registration:
    """Register a member: a confirmed seat while there is room, otherwise the waiting list.

    The event row is locked first, so two people taking the last seat at once are serialised: one gets
    the seat, the other the waiting list.
    """
    with transaction.atomic():
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


def cancel_registration(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list, who is emailed.

    Returns the promoted registration, if any.
    """
    with transaction.atomic():
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


def set_attendance(event: Event, *, shown_ids: set[int], attended_ids: set[int]) -> int:
    """For the registrations shown on the page: mark who attended and who did not."""
    with transaction.atomic():
        registrations = Registration.objects.filter(
            event=event, pk__in=shown_ids, status__in=Registration.SEAT_STATUSES
        )
        marked = registrations.filter(pk__in=attended_ids).update(status=Registration.Status.ATTENDED)
        registrations.exclude(pk__in=attended_ids).update(status=Registration.Status.CONFIRMED)
        return marked
