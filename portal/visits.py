"""Chains of work visits: a visit grouped with the visits that follow on it ("vervolg op"), newest chain first.

``build_chains`` is pure: it groups (id, follows-on id, start) rows. ``visit_chains`` reads the rows of every
public work visit in one index-only scan (``event_visit_chain_idx``, a partial index holding just these
columns; four integers per visit, read in order of start so no datetime is built) and keeps the chains that
touch a region (its coalitions read in one more query); ``load_chain_page`` loads what one page of chains shows
in two more queries. The cost still grows with the number of work visits (about 6,000 in the national data
set), not with the other events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q

from coalitions.models import Coalition, Region
from events.models import Event, FollowUpAgreement


def build_chains(rows: list[tuple[int, int | None, datetime | int]]) -> list[list[int]]:
    """Group visits into chains (rows of id, follows-on id and start, or any value ordered like the start): a
    visit whose "vervolg op" is no visit of ``rows`` starts a chain, and every visit that follows on a visit of
    the chain (at any depth) joins it. Each chain lists its visits by start;
    the chains come newest first (by their latest visit). A loop of "vervolg op" links starts at its earliest.
    """
    starts = {pk: starts_at for pk, _follows_on, starts_at in rows}
    children: dict[int, list[int]] = defaultdict(list)
    roots = []
    for pk, follows_on, _starts_at in rows:
        if follows_on in starts and follows_on != pk:
            children[follows_on].append(pk)
        else:
            roots.append(pk)
    placed: set[int] = set()

    def collect(root: int) -> list[int]:
        chain, todo = [], [root]
        while todo:
            pk = todo.pop()
            if pk in placed:
                continue
            placed.add(pk)
            chain.append(pk)
            todo.extend(children[pk])
        return sorted(chain, key=lambda pk: (starts[pk], pk))

    chains = [collect(root) for root in roots]
    for pk in sorted(starts, key=lambda pk: (starts[pk], pk)):
        if pk not in placed:
            chains.append(collect(pk))
    chains.sort(key=lambda chain: (starts[chain[-1]], chain[-1]), reverse=True)
    return chains


def visit_chains(region: Region | None = None) -> list[list[int]]:
    """The chains of public, not cancelled work visits whose host accepted; for a region, the chains with a
    visit from or to it."""
    # Read in order of start, the rank stands for the start: integers only, no datetimes to build per row.
    rows = list(
        Event.objects.published().hosted().filter(kind=Event.Kind.WORK_VISIT, cancelled_at__isnull=True)
        .order_by("starts_at", "pk").values_list("pk", "follows_on_id", "organiser_id", "host_id")
    )
    chains = build_chains([(pk, follows_on, rank) for rank, (pk, follows_on, _o, _h) in enumerate(rows)])
    if region is None:
        return chains
    ours = set(Coalition.objects.filter(region=region).values_list("pk", flat=True))
    touching = {pk for pk, _f, organiser, host in rows if organiser in ours or host in ours}
    return [chain for chain in chains if touching.intersection(chain)]


@dataclass
class ChainVisit:
    event: Event
    follows_on: Event | None = None
    followed_by: list[Event] = field(default_factory=list)
    agreements: int = 0
    agreements_done: int = 0


def load_chain_page(chains: list[list[int]]) -> list[list[ChainVisit]]:
    """The visits of some chains with their coalitions, report and agreement counts (two queries)."""
    ids = [pk for chain in chains for pk in chain]
    if not ids:
        return []
    events = (
        Event.objects.filter(pk__in=ids).select_related("organiser__region", "host__region", "report")
        .defer("description", "host_answer_reason", "organiser__description", "organiser__region__description",
               "host__description", "host__region__description")
    )
    visits = {event.pk: ChainVisit(event) for event in events}
    counts = (
        FollowUpAgreement.objects.filter(event__in=ids).values("event")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=FollowUpAgreement.Status.DONE)))
        .values_list("event", "total", "done")
    )
    for event_id, total, done in counts:
        visits[event_id].agreements, visits[event_id].agreements_done = total, done
    page = []
    for chain in chains:
        members = [visits[pk] for pk in chain if pk in visits]
        for visit in members:
            parent = visits.get(visit.event.follows_on_id)
            if parent is not None and visit.event.follows_on_id in chain:
                visit.follows_on = parent.event
                parent.followed_by.append(visit.event)
        page.append(members)
    return page
