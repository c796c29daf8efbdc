"""The regional coordinator's cockpit: what to act on, which coalitions are quiet, and the quarterly funnel.

Every read here is a fixed number of queries, whatever the size of the region: counts and sums are done by
the database (aggregates with filters, ``TruncQuarter``), Python only arranges the aggregated rows.

The region's summary (the counts to act on, the overdue agreements grouped, the quiet coalitions and the
funnels) takes a few hundred milliseconds at national scale, so ``region_summary`` keeps it in the cache for
``SUMMARY_FOR`` per region and day; the page shows when it was computed. The lists to work through (overdue
agreements, waiting submissions, help requests) stay live.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import TruncQuarter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from coalitions.models import Coalition, Region
from events.models import Event, EventReport, FollowUpAgreement, accepted_host
from practices.models import Practice, Tip

# A submission waiting longer than this needs a decision.
MODERATION_WAIT = timedelta(days=7)
# A coalition without an event, report or contribution for this long is quiet.
QUIET_AFTER = timedelta(days=90)
# How many quarters the funnel shows, the current one included.
FUNNEL_QUARTERS = 6
# How many owners and coalitions the overdue agreements are grouped into on the page (most overdue first).
GROUPS_SHOWN = 10
# How long a region's summary is served from the cache.
SUMMARY_FOR = timedelta(minutes=5)


# -- act now ----------------------------------------------------------------------------------------------

def events_missing_report(region: Region, now: datetime):
    return Event.objects.in_region(region).missing_report(now)


def region_events(coalition_ids: list[int], events=None):
    """``Event.objects.in_region`` for the region's coalitions given by id: two index scans instead of a scan of
    every event joined to its organiser's and host's coalition."""
    return (Event.objects.all() if events is None else events).filter(Q(organiser__in=coalition_ids)
                                | Q(host__in=coalition_ids, host_status=Event.HostStatus.ACCEPTED))


def overdue_agreements(region: Region, today: date, coalition_ids: list[int] | None = None):
    """Overdue agreements made at the region's events, with who answers for each (see ``with_responsible``)."""
    return region_overdue(region, today, coalition_ids).with_responsible()


def region_overdue(region: Region, today: date, coalition_ids: list[int] | None = None):
    """Overdue agreements made at the region's events, without joins: to count them."""
    if coalition_ids is None:
        agreements = FollowUpAgreement.objects.of_events(Event.objects.in_region(region))
    else:  # on the join with the event the agreements need anyway
        # Two semi-joins on index-only scans of the region's events ("event_organiser_pk_idx",
        # "event_host_pk_idx"): no read of the wide event rows.
        organised = Event.objects.filter(organiser__in=coalition_ids).values("pk")
        hosted = Event.objects.filter(host__in=coalition_ids, host_status=Event.HostStatus.ACCEPTED).values("pk")
        agreements = FollowUpAgreement.objects.filter(Q(event__in=organised) | Q(event__in=hosted))
    return agreements.overdue(today)


def overdue_by_owner(agreements) -> list[dict]:
    rows = (
        agreements.order_by().values("recipient")
        .annotate(count=Count("pk"), member_name=Max("owner__full_name"), given_name=Max("owner_name"))
        .order_by("-count", "recipient")[:GROUPS_SHOWN]
    )
    return [{**row, "name": row["member_name"] or row["given_name"] or row["recipient"]} for row in rows]


def overdue_by_coalition(agreements) -> list[dict]:
    return list(
        agreements.order_by().values("responsible_slug", "responsible_name")
        .annotate(count=Count("pk")).order_by("-count", "responsible_name")[:GROUPS_SHOWN]
    )


def waiting_practices(region: Region, now: datetime):
    return (Practice.objects.waiting_since(now - MODERATION_WAIT, [region.pk])
            .select_related("author").order_by("submitted_at", "pk"))


def waiting_tips(region: Region, now: datetime):
    return (Tip.objects.waiting_since(now - MODERATION_WAIT, [region.pk])
            .select_related("author").order_by("submitted_at", "pk"))


# -- the region's summary, cached ------------------------------------------------------------------------

@dataclass(frozen=True)
class CoalitionRef:
    """What the summary keeps of a coalition: its name and link (a model instance is ten times the bytes that
    every request unpickles)."""

    pk: int
    name: str
    slug: str

    @classmethod
    def of(cls, coalition: Coalition) -> "CoalitionRef":
        return cls(coalition.pk, coalition.name, coalition.slug)

    def get_absolute_url(self) -> str:
        return reverse("coalition_detail", args=[self.slug])


@dataclass
class RegionSummary:
    computed_at: datetime
    events_missing_report: int
    overdue_total: int
    overdue_by_owner: list[dict]
    overdue_by_coalition: list[dict]
    quiet: list[CoalitionRef]
    funnel: list["FunnelRow"]
    # Every coalition of the region, by name.
    coalition_rows: list[tuple[CoalitionRef, list["FunnelRow"]]]

    @property
    def coalition_ids(self) -> list[int]:
        return [coalition.pk for coalition, _rows in self.coalition_rows]


def region_summary(region: Region, now: datetime, today: date, quarters: list["Quarter"]) -> RegionSummary:
    """The region's summary from the cache, else computed (a fixed number of queries) and kept ``SUMMARY_FOR``."""
    key = f"cockpit-summary:v2:{region.pk}:{today.isoformat()}"  # v: raise it when RegionSummary changes
    summary = cache.get(key)
    # The age is checked here as well as by the cache's expiry, whose clock may not be ours.
    if summary is None or now - summary.computed_at >= SUMMARY_FOR:
        summary = compute_region_summary(region, now, today, quarters)
        cache.set(key, summary, int(SUMMARY_FOR.total_seconds()))
    return summary


def compute_region_summary(region: Region, now: datetime, today: date, quarters: list["Quarter"]) -> RegionSummary:
    coalitions = list(Coalition.objects.filter(region=region).only("name", "slug").order_by("name"))
    ids = [coalition.pk for coalition in coalitions]
    agreements = overdue_agreements(region, today, ids)
    funnels = coalition_funnels(coalitions, now, quarters)
    return RegionSummary(
        computed_at=now,
        events_missing_report=region_events(ids).missing_report(now).count(),
        overdue_total=region_overdue(region, today, ids).count(),
        overdue_by_owner=overdue_by_owner(agreements),
        overdue_by_coalition=overdue_by_coalition(agreements),
        quiet=[CoalitionRef.of(coalition) for coalition in quiet_coalitions(region, now).only("name", "slug")],
        funnel=region_funnel(region, now, quarters, ids),
        coalition_rows=[(CoalitionRef.of(coalition), funnels[coalition.pk]) for coalition in coalitions],
    )


# -- quiet coalitions -------------------------------------------------------------------------------------

def quiet_coalitions(region: Region, now: datetime):
    """Coalitions of the region with no event (organised or hosted), no report and no published practice
    example or tip in the last ``QUIET_AFTER``."""
    since = now - QUIET_AFTER
    coalition = OuterRef("pk")
    events = Event.objects.published().filter(cancelled_at__isnull=True, starts_at__gte=since, starts_at__lte=now)
    reports = EventReport.objects.filter(created_at__gte=since)
    practices = Practice.objects.published().filter(published_at__gte=since)
    tips = Tip.objects.published().filter(published_at__gte=since)
    # Only a hosting the host accepted counts for the host.
    active = (
        Q(Exists(events.filter(organiser=coalition))) | Q(Exists(events.hosted().filter(host=coalition)))
        | Q(Exists(reports.filter(Q(event__organiser=coalition) | Q(event__host=coalition) & accepted_host("event__"))))
        | Q(Exists(practices.filter(coalition=coalition)))
        | Q(Exists(tips.filter(Q(practice__coalition=coalition) | Q(events__organiser=coalition)
                               | Q(events__host=coalition) & accepted_host("events__"))))
    )
    return Coalition.objects.filter(region=region).exclude(active).order_by("name")


# -- from inspiration to plans ----------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def label(self) -> str:
        return f"K{self.number} {self.year}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year, self.number - 1) if self.number > 1 else Quarter(self.year - 1, 4)


def recent_quarters(today: date, count: int = FUNNEL_QUARTERS) -> list["Quarter"]:
    """The last ``count`` quarters, the current one included, oldest first."""
    quarters = [Quarter.of(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters[::-1]


@dataclass
class FunnelRow:
    quarter: Quarter
    held: int = 0
    reported: int = 0
    made: int = 0
    done: int = 0

    STEPS = ("held", "reported", "made", "done")

    @property
    def values(self) -> list[int]:
        return [getattr(self, step) for step in self.STEPS]


def _funnel_events(now: datetime, quarters: list[Quarter]):
    first = timezone.make_aware(datetime.combine(quarters[0].start, time.min))
    return Event.objects.held(now).filter(starts_at__gte=first)


def _funnel_aggregate(events, *group: str):
    """Per quarter of the start (and per ``group``): events held, with a report, agreements made and done."""
    return (
        events.annotate(quarter=TruncQuarter("starts_at")).order_by().values(*group, "quarter")
        .annotate(
            held=Count("pk", distinct=True),
            reported=Count("pk", filter=Q(report__isnull=False), distinct=True),
            made=Count("agreements", distinct=True),
            done=Count("agreements", filter=Q(agreements__status=FollowUpAgreement.Status.DONE), distinct=True),
        )
    )


def _quarter_of(value) -> Quarter:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return Quarter.of(value)


def _add(row: FunnelRow, counts: dict) -> None:
    for step in FunnelRow.STEPS:
        setattr(row, step, getattr(row, step) + counts[step])


def region_funnel(region: Region, now: datetime, quarters: list[Quarter],
                  coalition_ids: list[int] | None = None) -> list[FunnelRow]:
    """One row per quarter for the region's events (organised or hosted by one of its coalitions)."""
    rows = {quarter: FunnelRow(quarter) for quarter in quarters}
    events = _funnel_events(now, quarters)
    events = events.in_region(region) if coalition_ids is None else region_events(coalition_ids, events)
    for counts in _funnel_aggregate(events):
        _add(rows[_quarter_of(counts["quarter"])], counts)
    return list(rows.values())


def coalition_funnels(coalitions, now: datetime, quarters: list[Quarter]) -> dict[int, list[FunnelRow]]:
    """Per coalition, one row per quarter for the events it organised or hosted (accepted; two queries in all)."""
    ids = [coalition.pk for coalition in coalitions]
    rows = {pk: {quarter: FunnelRow(quarter) for quarter in quarters} for pk in ids}
    events = _funnel_events(now, quarters)
    # An event counts for its organiser and its host; a coalition cannot be both (a constraint).
    for role, role_events in (("organiser", events), ("host", events.hosted())):
        for counts in _funnel_aggregate(role_events.filter(**{f"{role}__in": ids}), role):
            _add(rows[counts[role]][_quarter_of(counts["quarter"])], counts)
    return {pk: list(by_quarter.values()) for pk, by_quarter in rows.items()}


def coalition_cells(coalition_rows) -> list[tuple[CoalitionRef, list[SafeString]]]:
    """The coalitions' rows of the funnel table: each coalition with its cells."""
    return [(coalition, funnel_cells(rows)) for coalition, rows in coalition_rows]


def funnel_cells(rows: list[FunnelRow]) -> list[SafeString]:
    """A coalition's quarters as table cells' content ("3 → 2 → 3 → 2", each step named for screen readers):
    built here once per cell, as the page shows a few hundred of them."""
    held, reported, made, done = gettext("held"), gettext("with a report"), gettext("agreements made"), gettext("done")
    return [format_html(
        '{}<span class="visually-hidden"> {},</span> → {}<span class="visually-hidden"> {},</span> → '
        '{}<span class="visually-hidden"> {},</span> → {}<span class="visually-hidden"> {}</span>',
        row.held, held, row.reported, reported, row.made, made, row.done, done,
    ) for row in rows]


# -- the chart --------------------------------------------------------------------------------------------

@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    step: str

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class BarGroup:
    label: str
    label_x: float
    bars: list[Bar]


@dataclass
class Chart:
    width: int
    height: int
    baseline: float
    top: float
    left: float
    maximum: int
    groups: list[BarGroup]


def funnel_chart(rows: list[FunnelRow], *, width: int = 720, height: int = 260) -> Chart:
    """The geometry of a grouped bar chart (a group of four bars per quarter), drawn as SVG by the template."""
    left, right, top, bottom = 40, 10, 24, 36
    baseline = height - bottom
    plot_height = baseline - top
    maximum = max((value for row in rows for value in row.values), default=0)
    scale = plot_height / maximum if maximum else 0
    group_width = (width - left - right) / max(len(rows), 1)
    bar_width = group_width * 0.8 / len(FunnelRow.STEPS)
    groups = []
    for index, row in enumerate(rows):
        start = left + index * group_width + group_width * 0.1
        bars = []
        for position, (step, value) in enumerate(zip(FunnelRow.STEPS, row.values, strict=True)):
            bar_height = round(value * scale, 1)
            bars.append(Bar(x=round(start + position * bar_width, 1), y=round(baseline - bar_height, 1),
                            width=round(bar_width - 2, 1), height=bar_height, value=value, step=step))
        groups.append(BarGroup(label=row.quarter.label, label_x=round(left + (index + 0.5) * group_width, 1),
                               bars=bars))
    return Chart(width=width, height=height, baseline=baseline, top=top, left=left, maximum=maximum,
                 groups=groups)
