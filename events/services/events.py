"""Domain functions for project leaders' events: save and cancel."""

from django.db import transaction
from django.utils import timezone

from core.rows import RowChanges, save_rows
from core.slugs import unique_slug
from events.models import Event, Registration
from events.services.stands import save_new_providers
from moderation.models import ModerationState
from notifications.services import queue_templated_email


def save_event(event: Event, *, themes, programme: RowChanges, stands: RowChanges, created_by) -> Event:
    """Save a new or changed event (its fields already set) with its programme and stands.

    New events are published at once; ``created_by`` is recorded on a new event only.
    """
    with transaction.atomic():
        if event.pk is None:
            event.created_by = created_by
            event.state = ModerationState.PUBLISHED
            event.slug = unique_slug(Event, f"{event.title} {event.starts_at:%Y-%m-%d}")
        event.save()
        event.themes.set(themes)
        save_rows(programme, parent_field="event", parent=event)
        save_new_providers(stands)
        save_rows(stands, parent_field="event", parent=event)
        return event


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
