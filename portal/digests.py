"""The digest: what a member committed to, what their coalitions learned, and what is new in what they follow.

Built for a batch of members at once with a fixed number of queries (whatever the batch size), then split per
member in Python. Only the reads live here; sending and the per-member watermark are in ``portal.jobs``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from accounts.models import User
from coalitions.models import CoalitionMembership, MemberProfile
from core.db import AnyOf
from events.models import (
    Event,
    EventReport,
    FollowUpAgreement,
    Registration,
    accepted_host,
    attach_confirmed_counts,
)
from events.services.reports import AgreementLinks
from moderation.models import ModerationState
from portal.models import DigestState
from practices.models import Practice, Tip

DIGEST_HOUR = time(7, 0)
PERIODS = {User.DigestFrequency.DAILY: timedelta(days=1), User.DigestFrequency.WEEKLY: timedelta(days=7)}
# Commitments look this far ahead: agreements due and events one is registered for.
AGREEMENTS_AHEAD = timedelta(days=14)
EVENTS_AHEAD = timedelta(days=14)
PER_GROUP = 5  # items shown per theme group; the rest behind a "more" link
NEAR_EVENTS = 5
OTHER_GROUP = "overig"


def period_end(frequency: str, now: datetime) -> datetime:
    """The scheduled moment the current period ended: today's (or yesterday's) 07:00, or Monday's for weekly."""
    local = timezone.localtime(now)
    day = local.date() if local.time() >= DIGEST_HOUR else local.date() - timedelta(days=1)
    if frequency == User.DigestFrequency.WEEKLY:
        day -= timedelta(days=day.weekday())
    return timezone.make_aware(datetime.combine(day, DIGEST_HOUR))


class JoinedLines:
    """The lines of a digest section's items (``digest_text``/``digest_html``, set once per batch by
    ``render_fragments``), joined for the templates: ``reports_text = JoinedLines("reports")``."""

    def __init__(self, items: str, *, html: bool = False):
        self.items, self.attribute, self.html = items, "digest_html" if html else "digest_text", html

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        joined = "".join(getattr(item, self.attribute) for item in getattr(instance, self.items))
        return mark_safe(joined) if self.html else joined  # noqa: S308 (each part rendered with autoescape)


@dataclass
class ThemeGroup:
    key: str
    name: str
    more_url: str
    practices: list = field(default_factory=list)
    tips: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        """How many new items the group holds beyond those shown."""
        return self.total - len(self.practices) - len(self.tips)

    # The shown items' lines, rendered once per batch (``render_fragments``), joined for the templates.
    practices_text = JoinedLines("practices")
    practices_html = JoinedLines("practices", html=True)
    tips_text = JoinedLines("tips")
    tips_html = JoinedLines("tips", html=True)


@dataclass
class Digest:
    user: User
    since: datetime
    until: datetime
    agreements: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def has_commitments(self) -> bool:
        return bool(self.agreements or self.registrations)

    @property
    def is_empty(self) -> bool:
        return not (self.has_commitments or self.reports or self.groups or self.events)

    reports_text = JoinedLines("reports")
    reports_html = JoinedLines("reports", html=True)
    events_text = JoinedLines("events")
    events_html = JoinedLines("events", html=True)


@dataclass
class _Follows:
    region_id: int | None
    theme_ids: set[int]
    region_ids: set[int]
    coalition_ids: set[int]
    member_of: set[int]
    related_coalitions: set[int] = field(default_factory=set)


def build_digests(users: list[User], *, since: dict[int, datetime], until: datetime) -> dict[int, Digest]:
    """The digest of each member for the period (since[user.pk], until], in a fixed number of queries."""
    if not users:
        return {}
    start = min(since.values())
    follows = _follows(users)
    digests = {u.pk: Digest(user=u, since=since[u.pk], until=until) for u in users}
    _add_commitments(users, digests, until)
    _add_reports(digests, follows, start, until)
    _add_new_items(digests, follows, start, until)
    _add_near_events(digests, follows, start, until)
    render_fragments(digests)
    return digests


# The lines of an item that many members of a batch share, rendered once per batch (text and HTML) instead of once
# per member: the templates `emails/_digest_<name>.txt|.html` are the loop bodies of `emails/digest.txt` and
# `emails/_digest_sections.html`, which print them joined (`digest.reports_text`, `group.practices_html`, ...).
FRAGMENTS = {"report": "reports", "practice": "practices", "tip": "tips", "event": "events"}


def _shared_items(digest: Digest):
    yield from (("report", report) for report in digest.reports)
    for group in digest.groups:
        yield from (("practice", practice) for practice in group.practices)
        yield from (("tip", tip) for tip in group.tips)
    yield from (("event", event) for event in digest.events)


def render_fragments(digests: dict[int, Digest]) -> None:
    """Set ``digest_text`` and ``digest_html`` on every shared item that is in one of the digests, once each."""
    templates = {name: (get_template(f"emails/_digest_{name}.txt").template,
                        get_template(f"emails/_digest_{name}.html").template) for name in FRAGMENTS}
    done = set()
    for digest in digests.values():
        for name, item in _shared_items(digest):
            if id(item) in done:
                continue
            done.add(id(item))
            text, html = templates[name]
            context = {"site_url": settings.SITE_URL, name: item}
            item.digest_text = text.render(Context(context, autoescape=False))
            item.digest_html = mark_safe(html.render(Context(context)))  # noqa: S308 (rendered with autoescape)


def users_for_digest(user_ids) -> list[User]:
    """The members of a batch with their profile (1 query; what they follow is read by ``build_digests``)."""
    return list(User.objects.filter(AnyOf(F("pk"), list(user_ids))).select_related("profile").order_by("pk"))


# What a member follows, read as (profile, target) pairs from the many-to-many tables: three light queries per
# batch instead of a prefetch that builds a model instance and a related manager per member and target.
FOLLOWED = {"theme_ids": ("followed_themes", "theme_id"), "region_ids": ("followed_regions", "region_id"),
            "coalition_ids": ("followed_coalitions", "coalition_id")}


def _follows(users) -> dict[int, _Follows]:
    follows = {}
    by_profile = {}
    for user in users:
        profile = getattr(user, "profile", None)
        follows[user.pk] = _Follows(region_id=profile.region_id if profile else None, theme_ids=set(),
                                    region_ids=set(), coalition_ids=set(), member_of=set())
        if profile:
            by_profile[profile.pk] = follows[user.pk]
    for attribute, (relation, target) in FOLLOWED.items():
        through = getattr(MemberProfile, relation).through
        for profile_id, target_id in through.objects.filter(AnyOf(F("memberprofile"), list(by_profile))).values_list(
            "memberprofile_id", target
        ):
            getattr(by_profile[profile_id], attribute).add(target_id)
    for user_id, coalition_id in CoalitionMembership.objects.filter(AnyOf(F("user"), list(follows))).values_list(
        "user_id", "coalition_id"
    ):
        follows[user_id].member_of.add(coalition_id)
    # Coalitions that visited one of mine, or that one of mine visited (werkbezoek, either direction).
    mine = set().union(*(f.member_of for f in follows.values()))
    partners = defaultdict(set)
    if mine:
        for organiser, host in Event.objects.hosted().filter(kind=Event.Kind.WORK_VISIT).filter(
            Q(AnyOf(F("organiser"), list(mine))) | Q(AnyOf(F("host"), list(mine)))
        ).values_list("organiser_id", "host_id").distinct():
            partners[organiser].add(host)
            partners[host].add(organiser)
    for f in follows.values():
        f.related_coalitions = f.member_of.union(*(partners[c] for c in f.member_of))
    return follows


def _add_commitments(users, digests, until) -> None:
    today = timezone.localdate(until)
    by_email = {u.email.lower(): u.pk for u in users}
    agreements = (
        FollowUpAgreement.objects.filter(status=FollowUpAgreement.Status.OPEN, due_date__lte=today + AGREEMENTS_AHEAD)
        .annotate(email_lower=Lower("owner_email"))
        .filter(Q(AnyOf(F("owner"), [u.pk for u in users]))
                | Q(AnyOf(F("email_lower"), list(by_email)), owner__isnull=True))
        # The event's title by its primary key, not a join: with a join PostgreSQL hashes every event of the
        # data set for a batch's few hundred agreements (50,000 events: 60 ms a batch instead of 10).
        .annotate(event_title=Subquery(Event.objects.filter(pk=OuterRef("event_id")).values("title")))
        .order_by("due_date", "pk")
    )
    by_pk = {u.pk: u for u in users}
    links = AgreementLinks()
    for agreement in agreements:
        if agreement.owner_id:
            agreement.owner = by_pk[agreement.owner_id]  # the batch's member, not a join over every user
        user_id = agreement.owner_id or by_email.get(agreement.email_lower)
        agreement.close_url = links.url(agreement)
        agreement.days_overdue = (today - agreement.due_date).days
        digests[user_id].agreements.append(agreement)
    registrations = (
        Registration.objects.filter(AnyOf(F("user"), [u.pk for u in users]), status__in=Registration.ACTIVE_STATUSES,
                                    event__starts_at__gte=until, event__starts_at__lt=until + EVENTS_AHEAD,
                                    event__cancelled_at__isnull=True)
        .select_related("event__organiser").with_waiting_position().order_by("event__starts_at", "pk")
    )
    for registration in registrations:
        digests[registration.user_id].registrations.append(registration)


def _add_reports(digests, follows, start, until) -> None:
    coalitions = set().union(*(f.related_coalitions for f in follows.values()))
    if not coalitions:
        return
    reports = (
        EventReport.objects.filter(created_at__gt=start, created_at__lte=until,
                                   event__state=ModerationState.PUBLISHED)
        .filter(Q(AnyOf(F("event__organiser"), list(coalitions)))
                | Q(AnyOf(F("event__host"), list(coalitions))) & accepted_host("event__"))
        .select_related("event__organiser", "event__host").prefetch_related("event__agreements")
        .order_by("-created_at", "-pk")
    )
    for report in reports:
        involved = set(report.event.coalition_ids)
        for user_id, f in follows.items():
            digest = digests[user_id]
            if involved & f.related_coalitions and digest.since < report.created_at:
                digest.reports.append(report)


def _group_key(item, followed: set[int]) -> str:
    """The one group an item is listed under: its first followed theme, else its first theme."""
    for theme_id, slug in item.digest_theme_keys:
        if theme_id in followed:
            return slug
    return item.digest_first_key


class _Index:
    """Positions of items by theme, region and coalition, so a member's matches are looked up, not scanned."""

    def __init__(self, items):
        self.items = items
        self.by_theme, self.by_region, self.by_coalition = defaultdict(list), defaultdict(list), defaultdict(list)
        for position, item in enumerate(items):
            for theme_id in item.digest_theme_ids:
                self.by_theme[theme_id].append(position)
            if item.region_id:
                self.by_region[item.region_id].append(position)
            if getattr(item, "coalition_id", None):
                self.by_coalition[item.coalition_id].append(position)

    def matching(self, follows: _Follows):
        """The items with a followed theme, region or coalition, in the order of ``items``."""
        positions = set()
        for index, keys in ((self.by_theme, follows.theme_ids), (self.by_region, follows.region_ids),
                            (self.by_coalition, follows.coalition_ids)):
            for key in keys:
                positions.update(index.get(key, ()))
        return [self.items[position] for position in sorted(positions)]


def _prepare(items) -> None:
    """Work out once per item what every member's filter and the template ask of it."""
    for item in items:
        item.digest_themes = sorted(item.themes.all(), key=lambda t: (t.position, t.name))
        item.digest_theme_ids = {t.pk for t in item.digest_themes}
        item.digest_theme_keys = [(t.pk, t.slug) for t in item.digest_themes]
        item.digest_first_key = item.digest_theme_keys[0][1] if item.digest_theme_keys else OTHER_GROUP
        item.digest_published = item.published_at.timestamp()
        item.digest_url = settings.SITE_URL + item.get_absolute_url() if hasattr(item, "get_absolute_url") else ""


def _add_new_items(digests, follows, start, until) -> None:
    theme_ids = set().union(*(f.theme_ids for f in follows.values()))
    region_ids = set().union(*(f.region_ids for f in follows.values()))
    coalition_ids = set().union(*(f.coalition_ids for f in follows.values()))
    if not (theme_ids or region_ids or coalition_ids):
        return
    window = Q(published_at__gt=start, published_at__lte=until)
    practices = list(
        Practice.objects.published().filter(window).filter(
            Q(themes__in=theme_ids) | Q(region__in=region_ids) | Q(AnyOf(F("coalition"), list(coalition_ids)))
        ).distinct().select_related("region", "coalition").prefetch_related("themes")
        .order_by("-published_at", "-pk")
    )
    tips = list(
        Tip.objects.published().filter(window).filter(Q(themes__in=theme_ids) | Q(region__in=region_ids))
        .distinct().select_related("region").prefetch_related("themes").order_by("-published_at", "-pk")
    )
    _prepare(practices + tips)
    themes_by_slug = {}
    for item in practices + tips:
        for theme in item.digest_themes:
            themes_by_slug[theme.slug] = theme
    list_url = settings.SITE_URL + reverse("practices:list")
    indexes = (("practices", _Index(practices)), ("tips", _Index(tips)))
    # The loop below runs for every member and every item they match (about 60 each at scale 1.0): kept lean.
    for user_id, f in follows.items():
        digest = digests[user_id]
        groups: dict[str, ThemeGroup] = {}
        # Every item is newer than the batch's earliest start; a member who starts later skips the older ones.
        since = digest.since.timestamp() if digest.since > start else None
        followed = f.theme_ids
        for kind, index in indexes:
            for item in index.matching(f):
                if since is not None and since >= item.digest_published:
                    continue
                key = _group_key(item, followed) if followed else item.digest_first_key
                group = groups.get(key)
                if group is None:
                    theme = themes_by_slug.get(key)
                    group = groups[key] = ThemeGroup(
                        key=key, name=theme.name if theme else "",
                        more_url=f"{list_url}?theme={key}" if theme else list_url,
                    )
                group.total += 1
                shown = group.practices if kind == "practices" else group.tips
                if len(shown) < PER_GROUP:
                    shown.append(item)
        # Followed themes first, in the portal's order of themes; "other" last.
        digest.groups = sorted(groups.values(), key=lambda g: (
            g.key == OTHER_GROUP,
            not (themes_by_slug.get(g.key) and themes_by_slug[g.key].pk in f.theme_ids),
            themes_by_slug[g.key].position if g.key in themes_by_slug else 0, g.name,
        ))


def _add_near_events(digests, follows, start, until) -> None:
    """Events announced in the period, still ahead and with seats, in my region or my followed themes."""
    region_ids = {f.region_id for f in follows.values() if f.region_id}
    theme_ids = set().union(*(f.theme_ids for f in follows.values()))
    if not (region_ids or theme_ids):
        return
    events = list(
        Event.objects.published().filter(created_at__gt=start, created_at__lte=until, starts_at__gt=until,
                                         cancelled_at__isnull=True)
        .filter(Q(organiser__region__in=region_ids) | Q(host__region__in=region_ids) & accepted_host()
                | Q(themes__in=theme_ids))
        .distinct().for_list().order_by("starts_at", "pk")
    )
    attach_confirmed_counts(events)
    registered = set(
        Registration.objects.filter(AnyOf(F("user"), list(digests)), AnyOf(F("event"), [event.pk for event in events]))
        .values_list("user_id", "event_id")
    )
    for user_id, f in follows.items():
        digest = digests[user_id]
        for event in events:
            if len(digest.events) >= NEAR_EVENTS:
                break
            if not (digest.since < event.created_at and (event.seats_left is None or event.seats_left > 0)):
                continue
            if (user_id, event.pk) in registered:
                continue
            near = f.region_id and f.region_id in {event.organiser.region_id,
                                                   event.host.region_id if event.has_accepted_host else None}
            if near or {t.pk for t in event.themes.all()} & f.theme_ids:
                digest.events.append(event)


def first_since(user: User, until: datetime, frequency: str) -> datetime:
    """Where a member's first digest starts: one period back, but not before they joined."""
    return max(until - PERIODS.get(frequency, timedelta(days=7)), user.date_joined)


def preview_digest(user: User, now: datetime) -> Digest:
    """What the member's next digest holds if it were sent now (from where the last one stopped)."""
    frequency = user.digest_frequency if user.digest_frequency in PERIODS else User.DigestFrequency.WEEKLY
    state = DigestState.objects.filter(user=user).values_list("covered_until", flat=True).first()
    since = state or first_since(user, period_end(frequency, now), frequency)
    [member] = users_for_digest([user.pk])
    return build_digests([member], since={user.pk: since}, until=now)[user.pk]
