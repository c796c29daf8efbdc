"""Scheduled scans that turn due work into outbox rows: event reminders, report requests, agreement reminders.

Each scan finds due rows with an indexed query, then handles each row in its own transaction: it locks
the row, checks it is still due, queues the email(s) and records the progress. Running a scan twice, or
two scans at once, sends every email once (the outbox's idempotency keys are the second safety net).
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership
from events.models import Event, FollowUpAgreement, Registration
from events.services.reports import email_agreement_owner
from moderation.models import ModerationState
from notifications.services import queue_templated_email
from notifications.unsubscribe import unsubscribe_context, unsubscribe_headers

REMINDER_LEAD = timedelta(hours=24)
REPORT_REQUEST_WINDOW = timedelta(days=30)
REPORT_REQUEST_REPEAT_AFTER = timedelta(days=7)
# A task run handles at most this many agreements (each its own transaction, about 8 queries), then hands on
# to a next run: no run of the hourly task is unbounded, however many agreements are due at once.
AGREEMENTS_PER_RUN = 500


def _lock(queryset):
    """Lock only the scanned table's row (joined optional rows cannot be locked on PostgreSQL)."""
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True, of=("self",))
    return queryset.select_for_update()


def send_event_reminders(now=None) -> int:
    """Remind confirmed participants the day before an event."""
    now = now or timezone.now()
    due = Event.objects.filter(
        reminders_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + REMINDER_LEAD,
        state=ModerationState.PUBLISHED, cancelled_at__isnull=True,
    ).values_list("pk", flat=True)
    queued = 0
    for event_id in list(due):
        with transaction.atomic():
            event = _lock(Event.objects.filter(pk=event_id, reminders_sent_at__isnull=True)).first()
            if event is None:
                continue
            registrations = Registration.objects.filter(
                event=event, status=Registration.Status.CONFIRMED, user__event_reminders_enabled=True
            ).select_related("user")
            for registration in registrations:
                queue_templated_email(
                    to=registration.user.email, user=registration.user, kind="event-reminder",
                    key=f"event-reminder:{event.pk}:{event.starts_at:%Y%m%d%H%M}:{registration.user_id}",
                    template="emails/event_reminder",
                    context={"event": event, "recipient": registration.user,
                             **unsubscribe_context(registration.user, "event-reminders")},
                    headers=unsubscribe_headers(registration.user, "event-reminders"),
                )
                queued += 1
            Event.objects.filter(pk=event.pk).update(reminders_sent_at=now)
    return queued


def _organisers(event: Event):
    leaders = [
        m.user for m in CoalitionMembership.objects.project_leaders_of(event.organiser_id).select_related("user")
    ]
    if not leaders and event.created_by_id:
        leaders = [event.created_by]
    return leaders


def _next_visit_url(event: Event) -> str:
    """For a work visit that no public visit follows on yet: the link that plans the next one (else empty)."""
    if event.kind != Event.Kind.WORK_VISIT or not event.has_accepted_host:
        return ""
    if Event.objects.published().filter(follows_on=event, kind=Event.Kind.WORK_VISIT).exists():
        return ""
    return settings.SITE_URL + reverse("events:return_visit", args=[event.slug])


def _ask_host_for_return_visit(event: Event, plan_url: str, *, skip: set[int]) -> int:
    """Ask the visited coalition's project leaders to plan the return visit (once, with the first report request;
    a leader of both sides already has the organisers' email with the same link)."""
    queued = 0
    leaders = CoalitionMembership.objects.project_leaders_of(event.host_id).select_related("user")
    for leader in (membership.user for membership in leaders):
        if leader.pk in skip:
            continue
        queue_templated_email(
            to=leader.email, user=leader, kind="return-visit-request",
            key=f"return-visit-request:{event.pk}:{leader.pk}", template="emails/return_visit_request",
            context={"event": event, "recipient": leader, "url": plan_url},
        )
        queued += 1
    return queued


def send_report_requests(now=None) -> int:
    """Ask the organisers for a report once an event has ended, and once more a week later; after a work visit,
    ask both sides to plan the next visit (the host's project leaders with the first request only)."""
    now = now or timezone.now()
    base = Event.objects.filter(
        report__isnull=True, state=ModerationState.PUBLISHED, cancelled_at__isnull=True,
        ends_at__gte=now - REPORT_REQUEST_WINDOW,
    )
    first = base.filter(report_requests_sent=0, ends_at__lt=now)
    second = base.filter(report_requests_sent=1, ends_at__lt=now - REPORT_REQUEST_REPEAT_AFTER)
    queued = 0
    for event_id, already_sent in list(first.values_list("pk", "report_requests_sent")) + list(
        second.values_list("pk", "report_requests_sent")
    ):
        with transaction.atomic():
            event = _lock(
                Event.objects.filter(pk=event_id, report_requests_sent=already_sent, report__isnull=True)
            ).select_related("organiser", "host", "created_by").first()
            if event is None:
                continue
            number = already_sent + 1
            organisers = _organisers(event)
            plan_url = _next_visit_url(event)
            for organiser in organisers:
                queue_templated_email(
                    to=organiser.email, user=organiser, kind="report-request",
                    key=f"report-request:{event.pk}:{number}:{organiser.pk}", template="emails/report_request",
                    context={"event": event, "recipient": organiser, "repeat": number > 1, "plan_url": plan_url,
                             "url": settings.SITE_URL + reverse("events:report", args=[event.slug])},
                )
                queued += 1
            if plan_url and number == 1:
                queued += _ask_host_for_return_visit(event, plan_url, skip={user.pk for user in organisers})
            Event.objects.filter(pk=event.pk).update(report_requests_sent=number)
    return queued


def send_agreement_reminders(today=None, *, limit: int | None = None) -> int:
    """Tell owners of new assignments, and remind them before, on and weekly after the due date."""
    return send_agreement_reminders_chunk(today, limit=limit)[0]


def send_agreement_reminders_chunk(today=None, *, limit: int | None = AGREEMENTS_PER_RUN) -> tuple[int, bool]:
    """Handle at most ``limit`` due agreements, earliest due date first; returns (queued, whether more are due).

    What an agreement's owner was told is recorded on the agreement, so the next chunk finds only the rest.
    """
    today = today or timezone.localdate()
    due = FollowUpAgreement.objects.needing_email(today).order_by("due_date", "pk").values_list("pk", flat=True)
    ids = list(due if limit is None else due[:limit + 1])
    more = limit is not None and len(ids) > limit
    queued = 0
    for agreement_id in ids[:limit]:
        with transaction.atomic():
            agreement = _lock(FollowUpAgreement.objects.filter(pk=agreement_id)).select_related(
                "event", "owner"
            ).first()
            if agreement is not None and email_agreement_owner(agreement, today=today):
                queued += 1
    return queued, more
