"""The digest job: daily and weekly digests, in batches of members, each period exactly once.

A member is due when their digest state ends before the current period's scheduled end (07:00, or Monday
07:00 for weekly). A batch reads everything it needs in a fixed number of queries, writes the outbox rows in
one statement (idempotency key per member and period) and advances the members' states in another, all in one
transaction: a repeated or concurrent run finds nothing due or skips the existing keys; a late run still ends
the period at the scheduled moment, so the next digest starts exactly where this one stopped.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.db import AnyOf
from notifications.services import queue_templated_emails
from notifications.unsubscribe import UnsubscribeLinks
from portal.digest_mail import DigestMail
from portal.digests import build_digests, first_since, period_end, users_for_digest
from portal.models import DigestState

# Members per batch: a batch reads the period's new items and the members' follows once, so larger batches
# read them fewer times (issue 13: 1,000 rather than 500 took the 40,000 digests of the national data set from
# 54-61 s to 50 s, at 135 MB).
BATCH_SIZE = 1000
# A task run sends at most this many batches (about 10,000 members, well under a minute), then hands on.
MAX_BATCHES_PER_RUN = 10
FREQUENCIES = (User.DigestFrequency.DAILY, User.DigestFrequency.WEEKLY)


def due_for_digest(frequency: str, until: datetime):
    return User.objects.filter(is_active=True, digest_frequency=frequency).filter(
        Q(digest_state__isnull=True) | Q(digest_state__covered_until__lt=until)
    )


def send_digests(now: datetime | None = None, *, batch_size: int = BATCH_SIZE, max_batches: int | None = None) -> int:
    """Queue the digests that are due; returns how many were queued (empty digests are not sent)."""
    return send_digests_chunk(now, batch_size=batch_size, max_batches=max_batches)[0]


def send_digests_chunk(now: datetime | None = None, *, batch_size: int = BATCH_SIZE,
                       max_batches: int | None = MAX_BATCHES_PER_RUN) -> tuple[int, bool]:
    """Queue at most ``max_batches`` batches of due digests; returns (queued, whether members are still due).

    The Celery task runs chunks until nothing is due, each chunk a bounded task run; the members' digest states
    are the watermark, so the next chunk (or a repeated one) starts with the members still due.
    """
    now = now or timezone.now()
    queued = batches = 0
    for frequency in FREQUENCIES:
        until = period_end(frequency, now)
        after = 0
        while ids := list(
            due_for_digest(frequency, until).filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[
                :batch_size]
        ):
            if max_batches is not None and batches >= max_batches:
                return queued, True
            queued += send_digest_batch(ids, frequency=frequency, until=until)
            batches += 1
            after = ids[-1]
    return queued, False


def send_digest_batch(user_ids: list[int], *, frequency: str, until: datetime) -> int:
    """Build, queue and record the digests of one batch of members for the period ending at ``until``."""
    with transaction.atomic():
        covered = dict(DigestState.objects.filter(AnyOf(F("user"), user_ids)).values_list("user_id", "covered_until"))
        users = [u for u in users_for_digest(user_ids) if covered.get(u.pk) is None or covered[u.pk] < until]
        since = {u.pk: covered.get(u.pk) or first_since(u, until, frequency) for u in users}
        users = [u for u in users if since[u.pk] < until]
        digests = build_digests(users, since=since, until=until)
        profile_url = settings.SITE_URL + reverse("profile")
        links = UnsubscribeLinks("digest")

        def message(user):
            headers, unsubscribe = links.headers_and_context(user)
            return {"to": user.email, "user": user, "key": f"digest:{user.pk}:{until:%Y-%m-%dT%H:%M}",
                    "headers": headers,
                    "context": {"digest": digests[user.pk], "recipient": user, "frequency": frequency,
                                "profile_url": profile_url, **unsubscribe}}

        queued = queue_templated_emails(kind="digest", template="emails/digest", render=DigestMail(frequency).render,
                                        messages=(message(user) for user in users if not digests[user.pk].is_empty))
        DigestState.objects.bulk_create(
            [DigestState(user_id=user.pk, covered_until=until) for user in users],
            update_conflicts=True, unique_fields=["user"], update_fields=["covered_until"],
        )
        return queued
