"""Domain functions for an event's host coalition: asking it, its answer, and stepping back later.

A coalition named as the host is asked first. Only once it accepts does the event count as the host's (its
page, its calendar, its region, the visit chains; see ``EventQuerySet.of_coalition``): naming a coalition
puts nothing on its pages.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from coalitions.models import CoalitionMembership, RegionCoordinator
from coalitions.permissions import led_coalition_ids
from events.models import Event
from notifications.services import queue_templated_email

HostStatus = Event.HostStatus


class HostAnswerError(Exception):
    """The request is not open to this answer: answered already, or another host was chosen meanwhile."""


def host_answerers(event: Event) -> list[User]:
    """Who answers for the host: its project leaders, then the coordinators of its region (each once)."""
    leaders = CoalitionMembership.objects.project_leaders_of(event.host_id).select_related("user").order_by("pk")
    coordinators = RegionCoordinator.objects.filter(region_id=event.host.region_id).select_related("user")
    people: dict[int, User] = {}
    for user in [m.user for m in leaders] + [c.user for c in coordinators.order_by("pk")]:
        people.setdefault(user.pk, user)
    return list(people.values())


def organiser_leaders(event: Event) -> list[User]:
    """The organising coalition's project leaders; the event's creator when the coalition has none."""
    leaders = [m.user for m in CoalitionMembership.objects.project_leaders_of(event.organiser_id)
               .select_related("user").order_by("pk")]
    if not leaders and event.created_by_id:
        leaders = [event.created_by]
    return leaders


def set_new_host(event: Event, *, now: datetime, asked_by: User | None) -> None:
    """Start the answer afresh on an (unsaved) event whose host was just chosen or changed.

    The host is asked; a project leader of both coalitions answers for the host as they choose it.
    """
    event.host_requested_at = now if event.host_id else None
    event.host_answer_reason = ""
    if event.host_id and asked_by is not None and event.host_id in led_coalition_ids(asked_by):
        event.host_status, event.host_answered_at, event.host_answered_by = HostStatus.ACCEPTED, now, asked_by
    else:
        event.host_status, event.host_answered_at, event.host_answered_by = HostStatus.PENDING, None, None


def keep_host_answer(event: Event, *, stored: Event) -> None:
    """Keep the host's answer as stored (the event form does not carry it, and the host may have answered
    while the form was open)."""
    for field in ("host_status", "host_requested_at", "host_answered_at", "host_answered_by_id",
                  "host_answer_reason"):
        setattr(event, field, getattr(stored, field))


def ask_host(event: Event) -> int:
    """Email the request to everyone who answers for the host; returns how many were emailed.

    Call inside the transaction that saved the event; nothing is sent when no answer is awaited.
    """
    if not event.awaits_host:
        return 0
    stamp = f"{event.host_requested_at:%Y%m%d%H%M%S%f}"
    url = settings.SITE_URL + event.host.get_absolute_url() + "#host-requests-heading"
    count = 0
    for user in host_answerers(event):
        queue_templated_email(
            to=user.email, user=user, kind="host-request",
            key=f"host-request:{event.pk}:{event.host_id}:{stamp}:{user.pk}", template="emails/host_request",
            context={"event": event, "recipient": user, "url": url},
        )
        count += 1
    return count


def _tell_organisers(event: Event) -> int:
    stamp = f"{event.host_answered_at:%Y%m%d%H%M%S%f}"
    edit_url = settings.SITE_URL + reverse("events:edit", args=[event.slug])
    count = 0
    for user in organiser_leaders(event):
        queue_templated_email(
            to=user.email, user=user, kind="host-answer",
            key=f"host-answer:{event.pk}:{event.host_status}:{stamp}:{user.pk}", template="emails/host_answer",
            context={"event": event, "recipient": user, "edit_url": edit_url},
        )
        count += 1
    return count


def _record_answer(event: Event, *, expected: str, status: str, user: User, reason: str, refusal: str) -> Event:
    with transaction.atomic():
        stored = Event.objects.select_for_update().filter(pk=event.pk).first()
        if stored is None or stored.host_id is None or stored.host_id != event.host_id \
                or stored.host_status != expected:
            raise HostAnswerError(refusal)
        now = timezone.now()
        Event.objects.filter(pk=event.pk).update(host_status=status, host_answered_at=now, host_answered_by=user,
                                                 host_answer_reason=reason)
        event.host_status, event.host_answered_at, event.host_answered_by = status, now, user
        event.host_answer_reason = reason
        _tell_organisers(event)
        return event


def answer_host_request(event: Event, *, user: User, accept: bool, reason: str = "") -> Event:
    """Accept or decline hosting ``event`` for its host coalition, and tell the organisers.

    Raises ``HostAnswerError`` when the request is not open (already answered, or another host asked since
    the page was shown). A reason is kept with a refusal only.
    """
    return _record_answer(
        event, expected=HostStatus.PENDING, status=HostStatus.ACCEPTED if accept else HostStatus.DECLINED,
        user=user, reason="" if accept else reason.strip(), refusal=_("This request has already been answered."),
    )


def stop_hosting(event: Event, *, user: User, reason: str = "") -> Event:
    """The host coalition no longer hosts an event it accepted: it leaves the host's pages, and the organisers
    are told (they may choose another host). Raises ``HostAnswerError`` unless the hosting was accepted."""
    return _record_answer(
        event, expected=HostStatus.ACCEPTED, status=HostStatus.WITHDRAWN, user=user, reason=reason.strip(),
        refusal=_("This coalition does not host this event (any more)."),
    )
