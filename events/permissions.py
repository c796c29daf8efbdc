"""Who may see, manage and follow up events; views apply these with core.permissions.require (404)."""

from django.db.models import Q

from coalitions.permissions import (
    coordinated_region_ids,
    is_coordinator,
    is_project_leader,
    led_coalition_ids,
    manageable_coalitions,
)
from events.models import Event, EventReport, Registration
from moderation.models import ModerationState


def can_create_events(user) -> bool:
    return manageable_coalitions(user).exists()


def can_manage_event(user, event: Event) -> bool:
    """The organising coalition's project leaders (and staff): edit, cancel, registrations, report."""
    return is_project_leader(user, event.organiser)


def can_view_event(user, event: Event) -> bool:
    """Published events for everyone; hidden ones for the organisers and the region's coordinators."""
    if event.state == ModerationState.PUBLISHED:
        return True
    return can_manage_event(user, event) or is_coordinator(user, event.organiser.region_id)


def can_start_practice(user, event: Event, report: EventReport | None) -> bool:
    """An event with a report can become a practice example, started by the organiser's project leaders.

    A presenter named in the programme is not matched by name: ``ProgrammeItem.speaker`` is free text
    ("Anna de Vries (OBS Winsum)") and a member's full name is whatever they type in their profile after an open
    signup, so a name match would let anyone who renames themselves write a practice "presented at" someone
    else's event. A presenter who leads no coalition writes the example from scratch, and the organisers link it
    to the report once it is published (the report's related practice examples).
    """
    return report is not None and can_manage_event(user, event)


def can_plan_return_visit(user, event: Event) -> bool:
    """Both sides of a work visit plan what comes next: the host's project leaders the return visit, the
    visiting coalition's project leaders their next visit."""
    return event.kind == Event.Kind.WORK_VISIT and event.has_accepted_host and (
        is_project_leader(user, event.host) or is_project_leader(user, event.organiser)
    )


def needs_next_visit(event: Event, followed_by) -> bool:
    """A work visit that has taken place and that no public visit follows on yet: time to plan the next one."""
    return (event.kind == Event.Kind.WORK_VISIT and event.has_accepted_host and event.is_past
            and not event.is_cancelled and not followed_by)


def can_answer_for_host(user, event: Event) -> bool:
    """The host coalition's project leaders and its region's coordinators (and staff) accept or decline the
    request to host an event, and may stop hosting it later."""
    return event.host_id is not None and (
        is_project_leader(user, event.host) or is_coordinator(user, event.host.region_id)
    )


def answerable_host_requests(user):
    """Published, not cancelled events waiting for the answer of a host the user answers for: a coalition
    they lead or one in a region they coordinate (staff answer from the coalition's page, not from a list of
    every request in the country)."""
    led, coordinated = led_coalition_ids(user), coordinated_region_ids(user)
    if not (led or coordinated):
        return Event.objects.none()
    return Event.objects.published().filter(
        Q(host__in=led) | Q(host__region__in=coordinated),
        host_status=Event.HostStatus.PENDING, cancelled_at__isnull=True,
    )


def is_participant(registration: Registration | None) -> bool:
    return registration is not None and registration.status in Registration.SEAT_STATUSES


def can_see_agreements(user, event: Event, registration: Registration | None) -> bool:
    """Participants, the organisers and the region's coordinators see an event's follow-up agreements."""
    return (
        is_participant(registration) or can_manage_event(user, event)
        or is_coordinator(user, event.organiser.region_id)
    )
