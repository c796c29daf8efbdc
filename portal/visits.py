"""Chains of work visits: a visit grouped with the visits that follow on it ("vervolg op"), newest chain first.

``build_chains`` is pure: it groups (id, follows-on id, start) rows. ``VisitChains`` finds the chains newest
first a page at a time (reading the newest visits from ``event_visit_chain_idx``, a partial index holding just
the columns it needs, and following the links of each new visit), keeping those that touch a region (its
coalitions read in one more query); ``load_chain_page`` loads what one page of chains shows in two more queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q

from coalitions.models import Coalition, Region
from events.models import Event, FollowUpAgreement


def build_chains(rows: list[tuple[int, int | None, datetime]]) -> list[list[int]]:
    """Group visits into chains: a visit whose "vervolg op" is no visit of ``rows`` starts a chain, and every
    visit that follows on a visit of the chain (at any depth) joins it. Each chain lists its visits by start;
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


def _work_visits():
    """Public, not cancelled work visits whose host accepted: the rows ``event_visit_chain_idx`` holds."""
    return Event.objects.published().hosted().filter(kind=Event.Kind.WORK_VISIT, cancelled_at__isnull=True)


ROW = ("pk", "follows_on_id", "starts_at", "organiser_id", "host_id")


class VisitChains:
    """The chains of work visits newest first, found lazily: a sequence that ``paginate`` can slice.

    It reads the visits newest first in batches (an ordered scan of the partial index) and completes each new
    visit's chain with the visits it follows on and that follow on it (one query per step along the links).
    The first visit read of a chain is its latest, so the chains come out in the order of ``build_chains``
    without reading the country's visits: a page costs the same with 60 or 6,000 visits. Chains already found
    are kept, so looking ahead (the page's chains and one more) and then slicing the page reads the visits
    once. A batch is a few pages' worth: the first page reads 50 visits, not hundreds (issue 13).
    """

    BATCH = 50

    def __init__(self, region: Region | None = None):
        self.ours = None if region is None else set(
            Coalition.objects.filter(region=region).values_list("pk", flat=True))
        self.chains: list[list[int]] = []
        self.placed: set[int] = set()
        self.offset = 0
        self.exhausted = False

    def __getitem__(self, index: slice) -> list[list[int]]:
        self._read_until(index.stop)
        return self.chains[index]

    def all(self) -> list[list[int]]:
        self._read_until(None)
        return self.chains

    def _read_until(self, wanted: int | None) -> None:
        while not self.exhausted and (wanted is None or len(self.chains) < wanted):
            rows = list(_work_visits().order_by("-starts_at", "-pk").values_list(*ROW)
                        [self.offset:self.offset + self.BATCH])
            self.offset += len(rows)
            self.exhausted = len(rows) < self.BATCH
            known = self._complete({row[0]: row for row in rows if row[0] not in self.placed})
            for chain in build_chains([(pk, follows_on, starts_at) for pk, follows_on, starts_at, _o, _h
                                       in known.values()]):
                self.placed.update(chain)
                if self.ours is None or any({known[pk][3], known[pk][4]} & self.ours for pk in chain):
                    self.chains.append(chain)

    @staticmethod
    def _complete(known: dict[int, tuple]) -> dict[int, tuple]:
        """Add the visits linked to these ("vervolg op" either way) until every chain is whole.

        Each step is one UNION query of two index lookups: the visits that follow on those whose followers are
        unread, and the visits these follow on that are not known yet, together with every visit that follows
        on those (a parent's other followers belong to its chain too). So a visit that follows on an older one
        costs one step rather than two (the parent, then the parent's followers): at national scale, where
        more of the newest visits follow on older ones, a page reads no more often than on a small portal.
        One WHERE with "id IN ... OR follows_on_id IN ..." made PostgreSQL filter the whole partial index,
        which grows with the country.
        """
        unread_followers = set(known)  # visits whose followers are not read yet
        unread_parents = set(known)  # visits whose "vervolg op" is not looked up yet
        while unread_followers or unread_parents:
            parents = {known[pk][1] for pk in unread_parents} - set(known) - {None}
            followers_of = unread_followers | parents
            steps = [_work_visits().filter(pk__in=parents).order_by().values_list(*ROW)] if parents else []
            if followers_of:
                steps.append(_work_visits().filter(follows_on_id__in=followers_of).order_by().values_list(*ROW))
            if not steps:
                break
            rows = list(steps[0].union(*steps[1:]) if len(steps) > 1 else steps[0])
            found = {row[0] for row in rows}
            unread_followers, unread_parents = set(), set()
            for row in rows:
                pk, follows_on = row[0], row[1]
                # Read as a follower of a parent that is no public work visit, it links to nothing (its own chain
                # has it), unless it is a parent itself.
                if pk in known or (follows_on in parents and follows_on not in found and pk not in parents):
                    continue
                known[pk] = row
                unread_parents.add(pk)
                if pk not in parents:  # a parent's followers came with it
                    unread_followers.add(pk)
        return known


def visit_chains(region: Region | None = None) -> list[list[int]]:
    """All chains of public, not cancelled work visits whose host accepted; for a region, the chains with a
    visit from or to it (the pages slice a ``VisitChains`` instead)."""
    return VisitChains(region).all()


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
