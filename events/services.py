"""Domain functions for events: create, update, cancel."""

from django.db import transaction
from django.utils import timezone

from events.models import Event, Registration
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
