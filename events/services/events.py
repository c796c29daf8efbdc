"""Domain functions for project leaders' events: save, announce changes, and cancel."""

from django.db import transaction
from django.utils import timezone

from core.rows import RowChanges, save_rows
from core.slugs import unique_slug
from events.calendar import build_calendar
from events.models import Event, Registration
from events.services.hosting import ask_host, keep_host_answer, set_new_host
from events.services.stands import save_new_providers
from moderation.models import ModerationState
from notifications.services import queue_templated_email

# What participants plan their day around: a change to any of these is emailed to them.
WHEN_FIELDS = ("starts_at", "ends_at")
WHERE_FIELDS = ("venue_name", "address", "city", "online_url")


def save_event(event: Event, *, themes, programme: RowChanges, stands: RowChanges, created_by) -> Event:
    """Save a new or changed event (its fields already set) with its programme and stands.

    New events are published at once; ``created_by`` (the member saving) is recorded on a new event only. A
    newly chosen host is asked to accept (see ``events.services.hosting``); an unchanged host keeps its answer.
    """
    with transaction.atomic():
        before = None
        if event.pk is None:
            event.created_by = created_by
            event.state = ModerationState.PUBLISHED
            event.slug = unique_slug(Event, f"{event.title} {event.starts_at:%Y-%m-%d}")
        else:
            before = Event.objects.select_for_update().get(pk=event.pk)
            if before.starts_at != event.starts_at:
                # The day-before reminder follows the new start.
                event.reminders_sent_at = None
        new_host = event.host_id != (before.host_id if before is not None else None)
        if new_host:
            set_new_host(event, now=timezone.now(), asked_by=created_by)
        elif before is not None:
            keep_host_answer(event, stored=before)
        event.save()
        event.themes.set(themes)
        save_rows(programme, parent_field="event", parent=event)
        save_new_providers(stands)
        save_rows(stands, parent_field="event", parent=event)
        if before is not None:
            announce_changes(event, before=before)
        if new_host:
            ask_host(event)
        return event


def announce_changes(event: Event, *, before: Event) -> int:
    """Email everyone still expecting to come what changed in time or place, with the new .ics.

    ``before`` is the event as it was stored. Returns how many people were emailed; nothing is sent when
    neither time nor place changed, or when the event is over or cancelled.
    """
    when_changed = any(getattr(before, f) != getattr(event, f) for f in WHEN_FIELDS)
    where_changed = any(getattr(before, f) != getattr(event, f) for f in WHERE_FIELDS)
    if not (when_changed or where_changed) or event.is_cancelled or event.is_past:
        return 0
    registrations = event.registrations.filter(status__in=Registration.ACTIVE_STATUSES).select_related("user")
    attachments = [{"filename": f"{event.slug}.ics", "mimetype": "text/calendar",
                    "content": build_calendar([event], name=event.title).decode()}]
    version = f"{event.updated_at:%Y%m%d%H%M%S%f}"
    count = 0
    for registration in registrations:
        queue_templated_email(
            to=registration.user.email, user=registration.user, kind="event-changed",
            key=f"event-changed:{event.pk}:{version}:{registration.user_id}", template="emails/event_changed",
            context={"event": event, "before": before, "recipient": registration.user,
                     "when_changed": when_changed, "where_changed": where_changed,
                     "waitlisted": registration.status == Registration.Status.WAITLISTED},
            attachments=attachments,
        )
        count += 1
    return count


def cancel_event(event: Event, *, reason: str) -> int:
    """Cancel an event and tell everyone registered; returns how many people were emailed."""
    with transaction.atomic():
        updated = Event.objects.filter(pk=event.pk, cancelled_at__isnull=True).update(cancelled_at=timezone.now())
        if not updated:
            return 0
        event.refresh_from_db(fields=["cancelled_at"])
        registrations = event.registrations.filter(status__in=Registration.ACTIVE_STATUSES).select_related("user")
        count = 0
        for registration in registrations:
            queue_templated_email(
                to=registration.user.email, user=registration.user, kind="event-cancelled",
                key=f"event-cancelled:{event.pk}:{registration.user_id}", template="emails/event_cancelled",
                context={"event": event, "reason": reason, "recipient": registration.user},
            )
            count += 1
        return count
