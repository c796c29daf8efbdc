"""Build a large, deterministic data set for the benchmarks with bulk inserts.

At scale 1.0: 500 coalitions over 6 regions, 50k users, 100k published practice examples (plus 2% in other
moderation states), 50k events (past and future), 5k tips, registrations, reports and follow-up agreements.

Every stage runs in one transaction and is skipped when its rows already exist, so the build is idempotent
and resumable; a stage whose row count does not match the requested scale stops the build (use a fresh
database per scale). All generated rows carry a ``bench-`` slug or a ``@bench.kennisportaal.test`` address.

    .venv/bin/python -m bench.build_data [--scale 0.1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

from bench.vocabulary import (
    AREAS,
    EVENT_KIND_WEIGHTS,
    EVENT_KINDS,
    FIRST_NAMES,
    JOB_FUNCTIONS,
    LAST_NAMES,
    NETWORKS,
    ORG_KINDS,
    PLACE_KINDS,
    PLACES,
    PRACTICE_TITLES,
    REGION_WEIGHTS,
    REGIONS,
    SCHOOL_TYPE_WEIGHTS,
    SCHOOL_TYPES,
    SENTENCES,
    THEMES,
)

SEED = "kennisportaal-bench-v1"
BATCH = 5000
AMS = ZoneInfo("Europe/Amsterdam")
# Events are spread around this fixed day (about 55% before it), so a rebuild gives the same rows.
# Move it forward (and use a fresh database) when most "upcoming" events have become past.
ANCHOR = datetime(2026, 11, 1, tzinfo=AMS)
DOMAIN = "bench.kennisportaal.test"
PREFIX = "bench-"

FULL_SIZE = {
    "coalitions": 500,
    "users": 50_000,
    "organisations": 3_000,
    "practices": 100_000,
    "events": 50_000,
    "tips": 5_000,
}



def sizes(scale: float) -> dict[str, int]:
    """Row counts for a scale; the full size (1.0) is what DESIGN.md asks for."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    minimum = {"coalitions": 12, "users": 200, "organisations": 60}
    return {key: max(minimum.get(key, 20), round(value * scale)) for key, value in FULL_SIZE.items()}


class Stage:
    """One transaction: skipped when its rows exist, refused when they exist at another scale."""

    def __init__(self, name: str, count: Callable[[], int], expected: int, out):
        self.name, self.count, self.expected, self.out = name, count, expected, out

    def run(self, build: Callable[[random.Random], None]) -> float:
        from django.db import transaction

        existing = self.count()
        if existing == self.expected:
            self.out.write(f"  {self.name:<14} {existing:>9,} rows present, skipped\n")
            return 0.0
        if existing:
            raise SystemExit(
                f"{self.name}: {existing} benchmark rows exist, {self.expected} expected for this scale; "
                "use a fresh database (or the same --scale as before)."
            )
        started = time.perf_counter()
        with transaction.atomic():
            build(random.Random(f"{SEED}:{self.name}"))
        seconds = time.perf_counter() - started
        self.out.write(f"  {self.name:<14} {self.count():>9,} rows in {seconds:6.1f} s\n")
        self.out.flush()
        return seconds


def chunks(total: int, size: int = BATCH) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    day = (ANCHOR + timedelta(days=day_offset)).date()
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMS)


def slug_ids(model, prefix: str) -> list[int]:
    """Primary keys of the generated rows of a model, in insertion order."""
    return list(model.objects.filter(slug__startswith=prefix).order_by("pk").values_list("pk", flat=True))


def build(scale: float = 1.0, out=None) -> dict:
    """Build (or complete) the data set in the configured database; returns row counts and timings."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils.text import slugify

    from accounts.models import User
    from coalitions.models import (
        Coalition,
        CoalitionMembership,
        LearningNetwork,
        MemberProfile,
        Municipality,
        Organisation,
        Region,
        RegionCoordinator,
        Theme,
    )
    from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
    from practices.models import Mechanism, Practice, Tip

    out = out or sys.stdout
    n = sizes(scale)
    started = time.perf_counter()
    timings: dict[str, float] = {}
    out.write(f"Building the benchmark data set (scale {scale:g}) in {connection.vendor} ...\n")

    # Taxonomies: reuse what exists (demo data), add what is missing. Cheap and idempotent.
    for slug, name in REGIONS:
        if not Region.objects.filter(slug=slug).exists() and not Region.objects.filter(name=name).exists():
            Region.objects.create(slug=slug, name=name, description=f"Regio {name}.")
    for position, (slug, name) in enumerate(THEMES):
        if not Theme.objects.filter(slug=slug).exists() and not Theme.objects.filter(name=name).exists():
            Theme.objects.create(slug=slug, name=name, position=position, description=name)
    for name in PLACES:
        Municipality.objects.get_or_create(name=name)
    for slug, name, audience in NETWORKS:
        if not LearningNetwork.objects.filter(slug=slug).exists():
            LearningNetwork.objects.get_or_create(name=name, defaults={"slug": slug, "audience": audience})
    regions = list(Region.objects.order_by("slug").values_list("pk", flat=True))[:6]
    themes = list(Theme.objects.order_by("slug").values_list("pk", flat=True))
    municipalities = list(Municipality.objects.filter(name__in=PLACES).order_by("name").values_list("pk", flat=True))
    networks = list(LearningNetwork.objects.order_by("slug").values_list("pk", flat=True))
    mechanisms = list(Mechanism.objects.order_by("position").values_list("pk", flat=True))

    def n_themes(rng):
        return rng.sample(themes, rng.choice((1, 1, 2, 2, 2, 3)))

    # Users -------------------------------------------------------------------------------------------
    def build_users(rng):
        password = make_password("bench-password-not-secret")
        joined = ANCHOR - timedelta(days=800)
        for part in chunks(n["users"]):
            User.objects.bulk_create([
                User(
                    email=f"user{i:06d}@{DOMAIN}", password=password,
                    full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    organisation_name=rng.choice(PLACES) + " " + rng.choice(["school", "opvang", "gemeente"]),
                    job_function=rng.choice(JOB_FUNCTIONS),
                    digest_frequency=rng.choices(["never", "daily", "weekly"], [20, 15, 65])[0],
                    date_joined=joined + timedelta(minutes=i * 17),
                )
                for i in part
            ], batch_size=BATCH)

    timings["users"] = Stage(
        "users", lambda: User.objects.filter(email__endswith="@" + DOMAIN).count(), n["users"], out
    ).run(build_users)
    users = list(User.objects.filter(email__endswith="@" + DOMAIN).order_by("pk").values_list("pk", flat=True))

    # Organisations -----------------------------------------------------------------------------------
    def build_organisations(rng):
        rows, taken = [], set()
        for i in range(n["organisations"]):
            name = (f"{rng.choice(['De', 'Het', 'Stichting', 'Kindcentrum', 'Buurtwerk'])} "
                    f"{rng.choice(['Regenboog', 'Boomgaard', 'Vlinder', 'Horizon', 'Kompas', 'Sprong'])} "
                    f"{rng.choice(PLACES)}")
            municipality = rng.choice(municipalities)
            if (name, municipality) in taken:  # One organisation per name and place (a database constraint).
                name = f"{name} {i}"
            taken.add((name, municipality))
            rows.append(Organisation(name=name, slug=f"{PREFIX}org-{i:05d}", kind=rng.choice(ORG_KINDS),
                                     municipality_id=municipality, description=text(rng, 1)))
        Organisation.objects.bulk_create(rows, batch_size=BATCH)

    timings["organisations"] = Stage(
        "organisations", lambda: Organisation.objects.filter(slug__startswith=PREFIX).count(),
        n["organisations"], out,
    ).run(build_organisations)
    organisations = slug_ids(Organisation, PREFIX)

    # Coalitions with partners, municipalities, project leaders, members, coordinators and profiles ------
    def build_coalitions(rng):
        rows = []
        for i in range(n["coalitions"]):
            place = PLACES[i % len(PLACES)]
            name = f"Coalitie {place} {AREAS[(i // len(PLACES)) % len(AREAS)]} {i // (len(PLACES) * len(AREAS)) + 1}"
            rows.append(Coalition(
                name=name, slug=f"{PREFIX}{slugify(name)}", region_id=rng.choices(regions, REGION_WEIGHTS)[0],
                description=text(rng, 4), website=f"https://coalitie-{i}.example.org/",
                contact_email=f"info-{i}@{DOMAIN}",
            ))
        Coalition.objects.bulk_create(rows, batch_size=BATCH)
        coalitions = slug_ids(Coalition, PREFIX)
        Coalition.municipalities.through.objects.bulk_create([
            Coalition.municipalities.through(coalition_id=c, municipality_id=m)
            for c in coalitions for m in rng.sample(municipalities, rng.randint(1, 3))
        ], batch_size=BATCH)
        Coalition.partners.through.objects.bulk_create([
            Coalition.partners.through(coalition_id=c, organisation_id=o)
            for c in coalitions for o in rng.sample(organisations, rng.randint(2, 8))
        ], batch_size=BATCH)
        # User i leads coalition i; every user is a member of one coalition.
        CoalitionMembership.objects.bulk_create([
            CoalitionMembership(
                coalition_id=coalitions[i % len(coalitions)], user_id=user,
                role="projectleider" if i < len(coalitions) else "lid",
            )
            for i, user in enumerate(users)
        ], batch_size=BATCH)
        RegionCoordinator.objects.bulk_create([
            RegionCoordinator(region_id=region, user_id=users[len(coalitions) + 2 * r + k])
            for r, region in enumerate(regions) for k in range(2)
        ], batch_size=BATCH)
        region_of = dict(Coalition.objects.filter(pk__in=coalitions).values_list("pk", "region_id"))
        MemberProfile.objects.bulk_create([
            MemberProfile(user_id=user, region_id=region_of[coalitions[i % len(coalitions)]])
            for i, user in enumerate(users)
        ], batch_size=BATCH)
        profiles = list(MemberProfile.objects.filter(user__email__endswith="@" + DOMAIN)
                        .order_by("user_id").values_list("pk", flat=True))
        MemberProfile.followed_themes.through.objects.bulk_create([
            MemberProfile.followed_themes.through(memberprofile_id=p, theme_id=t)
            for p in profiles for t in rng.sample(themes, rng.choice((0, 1, 2, 3)))
        ], batch_size=BATCH)
        MemberProfile.followed_coalitions.through.objects.bulk_create([
            MemberProfile.followed_coalitions.through(memberprofile_id=p, coalition_id=c)
            for p in profiles for c in rng.sample(coalitions, rng.choice((0, 0, 1, 2)))
        ], batch_size=BATCH)

    timings["coalitions"] = Stage(
        "coalitions", lambda: Coalition.objects.filter(slug__startswith=PREFIX).count(), n["coalitions"], out
    ).run(build_coalitions)
    coalitions = slug_ids(Coalition, PREFIX)
    coalition_region = dict(Coalition.objects.filter(pk__in=coalitions).values_list("pk", "region_id"))
    leader_of = {c: users[i] for i, c in enumerate(coalitions)}

    # Practices ---------------------------------------------------------------------------------------
    published_practices = n["practices"]
    other_practices = round(published_practices * 0.02)

    def build_practices(rng):
        through_theme = Practice.themes.through
        through_mechanism = Practice.mechanisms.through
        first_published = ANCHOR - timedelta(days=5 * 365)
        for part in chunks(published_practices + other_practices):
            rows = []
            for i in part:
                title = rng.choice(PRACTICE_TITLES).format(place_kind=rng.choice(PLACE_KINDS))
                title = f"{title} in {rng.choice(PLACES)}"
                coalition = rng.choice(coalitions) if rng.random() < 0.9 else None
                region = coalition_region[coalition] if coalition else rng.choice(regions)
                published = i < published_practices
                rows.append(Practice(
                    title=title, slug=f"{PREFIX}{i:06d}-{slugify(title)[:150]}", summary=text(rng, 2),
                    school_type=rng.choices(SCHOOL_TYPES, SCHOOL_TYPE_WEIGHTS)[0],
                    setting=f"{rng.choice(PLACES)}, {rng.choice(['wijk', 'dorp', 'stad'])}",
                    context=text(rng, 2), approach=text(rng, 4), results=text(rng, 2), pitfalls=text(rng, 1),
                    practical_tips=text(rng, 2),
                    organisation_id=rng.choice(organisations) if rng.random() < 0.7 else None,
                    coalition_id=coalition, region_id=region,
                    contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    contact_email=f"contact{i}@{DOMAIN}", author_id=rng.choice(users),
                    state="published" if published else rng.choice(["draft", "submitted", "changes_requested",
                                                                      "rejected", "hidden"]),
                    published_at=first_published + timedelta(minutes=rng.randint(0, 5 * 365 * 24 * 60))
                    if published else None,
                ))
            Practice.objects.bulk_create(rows, batch_size=BATCH)
            ids = [row.pk for row in rows]
            if None in ids:  # a backend without RETURNING
                ids = list(Practice.objects.filter(slug__in=[row.slug for row in rows])
                           .order_by("pk").values_list("pk", flat=True))
            through_theme.objects.bulk_create([
                through_theme(practice_id=p, theme_id=t) for p in ids for t in n_themes(rng)
            ], batch_size=BATCH)
            through_mechanism.objects.bulk_create([
                through_mechanism(practice_id=p, mechanism_id=m)
                for p in ids for m in rng.sample(mechanisms, rng.choice((0, 1, 1, 2)))
            ], batch_size=BATCH)

    timings["practices"] = Stage(
        "practices", lambda: Practice.objects.filter(slug__startswith=PREFIX).count(),
        published_practices + other_practices, out,
    ).run(build_practices)
    practices = list(
        Practice.objects.filter(slug__startswith=PREFIX, state="published").order_by("pk").values_list("pk", flat=True)
    )

    # Tips --------------------------------------------------------------------------------------------
    def build_tips(rng):
        first = ANCHOR - timedelta(days=4 * 365)
        rows = [
            Tip(
                title=rng.choice(["Begin klein", "Maak vervolgafspraken", "Vraag het ouders zelf",
                                  "Leg afspraken vast", "Zoek een vaste contactpersoon", "Vier kleine successen"])
                + f" ({i})",
                body=text(rng, 2), source=rng.choice(["redactie", "praktijk", "bijeenkomst", "lid"]),
                practice_id=rng.choice(practices) if rng.random() < 0.3 else None,
                region_id=rng.choice(regions) if rng.random() < 0.8 else None, author_id=rng.choice(users),
                state="published" if i < n["tips"] else "submitted",
                published_at=first + timedelta(minutes=rng.randint(0, 4 * 365 * 24 * 60)) if i < n["tips"] else None,
            )
            for i in range(n["tips"] + n["tips"] // 50)
        ]
        Tip.objects.bulk_create(rows, batch_size=BATCH)
        Tip.themes.through.objects.bulk_create([
            Tip.themes.through(tip_id=tip.pk, theme_id=t) for tip in rows for t in n_themes(rng)
        ], batch_size=BATCH)

    timings["tips"] = Stage(
        "tips", lambda: Tip.objects.filter(author__email__endswith="@" + DOMAIN).count(),
        n["tips"] + n["tips"] // 50, out,
    ).run(build_tips)

    # Events ------------------------------------------------------------------------------------------
    kinds = [kind for kind, _ in EVENT_KINDS]
    labels = dict(EVENT_KINDS)

    def build_events(rng):
        through_theme = Event.themes.through
        through_practice = Event.practices.through
        follow_ups = []
        for part in chunks(n["events"]):
            rows = []
            for i in part:
                kind = rng.choices(kinds, EVENT_KIND_WEIGHTS)[0]
                organiser = rng.choice(coalitions)
                host = None
                if kind == "werkbezoek":
                    host = rng.choice(coalitions)
                    if host == organiser:
                        host = coalitions[(coalitions.index(host) + 1) % len(coalitions)]
                day = rng.randint(-1100, 900)  # ~55% past, ~45% upcoming
                starts = at(day, rng.choice((9, 10, 13, 14, 15, 19)), rng.choice((0, 30)))
                ends = starts + timedelta(hours=rng.choice((1.5, 2, 3, 4))) if kind != "kennisfestival" else (
                    starts + timedelta(days=1, hours=6))
                online = kind == "webinar" or rng.random() < 0.05
                place = rng.choice(PLACES)
                capacity = rng.randint(20, 150) if rng.random() < 0.4 else None
                window = rng.random() < 0.5
                past = ends < ANCHOR
                title = f"{labels[kind]}: {rng.choice(PRACTICE_TITLES).format(place_kind='school')}"
                rows.append(Event(
                    title=title, slug=f"{PREFIX}{i:06d}-{slugify(title)[:150]}", kind=kind,
                    summary=text(rng, 1)[:300], description=text(rng, 5), organiser_id=organiser, host_id=host,
                    host_status=Event.HostStatus.ACCEPTED if host else Event.HostStatus.PENDING,
                    learning_network_id=rng.choice(networks) if kind == "leernetwerk" else None,
                    starts_at=starts, ends_at=ends,
                    venue_name="" if online else f"{rng.choice(['Kindcentrum', 'Buurthuis', 'Bibliotheek'])} {place}",
                    address="" if online else f"Schoolstraat {rng.randint(1, 200)}", city="" if online else place,
                    online_url=f"https://live.example.org/{i}" if online else "", capacity=capacity,
                    registration_opens_at=starts - timedelta(days=60) if window else None,
                    registration_closes_at=starts - timedelta(days=1) if window else None,
                    audience=rng.choice(["Schoolleiders en leerkrachten", "Iedereen in de coalitie", "Wethouders",
                                         "Professionals uit onderwijs, opvang en jeugdhulp"]),
                    state=rng.choices(["published", "submitted", "hidden"], [97, 2, 1])[0],
                    cancelled_at=starts - timedelta(days=5) if rng.random() < 0.02 else None,
                    created_by_id=leader_of[organiser],
                    reminders_sent_at=starts - timedelta(days=1) if past else None,
                    report_requests_sent=1 if past else 0,
                ))
                if i > 0 and rng.random() < 0.03:
                    follow_ups.append((i, rng.randrange(i)))
            Event.objects.bulk_create(rows, batch_size=BATCH)
            ids = [row.pk for row in rows]
            if None in ids:
                ids = list(Event.objects.filter(slug__in=[row.slug for row in rows])
                           .order_by("pk").values_list("pk", flat=True))
            through_theme.objects.bulk_create([
                through_theme(event_id=e, theme_id=t) for e in ids for t in n_themes(rng)
            ], batch_size=BATCH)
            through_practice.objects.bulk_create([
                through_practice(event_id=e, practice_id=p)
                for e in ids if rng.random() < 0.2 for p in rng.sample(practices, rng.randint(1, 3))
            ], batch_size=BATCH)
            ProgrammeItem.objects.bulk_create([
                ProgrammeItem(event_id=e, starts_at=dtime(13 + k), ends_at=dtime(13 + k, 45),
                              title=rng.choice(["Welkom", "Pitch", "Rondleiding", "Gesprek in groepjes", "Afsluiting"]),
                              speaker=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
                for e in ids if rng.random() < 0.3 for k in range(3)
            ], batch_size=BATCH)
            Stand.objects.bulk_create([
                Stand(event_id=e, organisation_id=o, offer=text(rng, 1), number=k + 1)
                for e, row in zip(ids, rows, strict=True) if row.kind == "aanbiedersmarkt"
                for k, o in enumerate(rng.sample(organisations, 6))
            ], batch_size=BATCH)
        events = slug_ids(Event, PREFIX)
        updates = []
        for later, earlier in follow_ups:
            event = Event(pk=events[later])
            event.follows_on_id = events[earlier]
            updates.append(event)
        Event.objects.bulk_update(updates, ["follows_on"], batch_size=BATCH)

    timings["events"] = Stage(
        "events", lambda: Event.objects.filter(slug__startswith=PREFIX).count(), n["events"], out
    ).run(build_events)

    # Registrations -----------------------------------------------------------------------------------
    event_rows = list(
        Event.objects.filter(slug__startswith=PREFIX).order_by("pk")
        .values_list("pk", "starts_at", "ends_at", "capacity", "state", "cancelled_at", "organiser_id")
    )

    def registered_events(rng):
        """The events with registrations and their participants, the same on every call."""
        chosen = []
        for pk, starts, ends, capacity, state, cancelled, organiser in event_rows:
            if state != "published" or rng.random() > 0.25:
                continue
            count = rng.randint(2, 22)
            if capacity and rng.random() < 0.2:
                count = capacity + rng.randint(0, 10)  # full, with a waiting list
            chosen.append((pk, starts, ends, capacity, cancelled, organiser,
                           rng.sample(users, min(count, len(users)))))
        return chosen

    def build_registrations(rng):
        rows = []
        for pk, starts, ends, capacity, cancelled, _, participants in registered_events(
            random.Random(f"{SEED}:registered")
        ):
            past = ends < ANCHOR
            for position, user in enumerate(participants):
                if capacity is not None and position >= capacity:
                    status = "waitlisted"
                elif cancelled or rng.random() < 0.08:
                    status = "cancelled"
                elif past:
                    status = "attended" if rng.random() < 0.8 else "confirmed"
                else:
                    status = "confirmed"
                rows.append(Registration(
                    event_id=pk, user_id=user, status=status,
                    created_at=starts - timedelta(days=30, minutes=-position),
                    cancelled_at=starts - timedelta(days=3) if status == "cancelled" else None,
                ))
            if len(rows) >= BATCH:
                Registration.objects.bulk_create(rows, batch_size=BATCH)
                rows = []
        Registration.objects.bulk_create(rows, batch_size=BATCH)

    def registration_count():
        # Not the ones bench.build_extra adds later (marked in their remark).
        return Registration.objects.filter(event__slug__startswith=PREFIX).exclude(remark="bench-extra").count()

    expected_registrations = sum(
        len(participants) for *_, participants in registered_events(random.Random(f"{SEED}:registered"))
    )
    timings["registrations"] = Stage(
        "registrations", registration_count, expected_registrations, out
    ).run(build_registrations)

    # Reports and follow-up agreements for a quarter of the held events ------------------------------
    held = [row for row in event_rows if row[4] == "published" and row[5] is None and row[2] < ANCHOR]
    reported = random.Random(f"{SEED}:reported").sample(held, len(held) // 4)

    def build_agreements(rng):
        anchor_day: date = ANCHOR.date()
        EventReport.objects.bulk_create([
            EventReport(event_id=pk, summary=text(rng, 3), insights=text(rng, 2),
                        participant_count=rng.randint(8, 120), author_id=leader_of[organiser])
            for pk, _, _, _, _, _, organiser in reported
        ], batch_size=BATCH)
        rows = []
        for pk, _, ends, _, _, _, organiser in reported:
            for _ in range(rng.randint(1, 3)):
                due = ends.date() + timedelta(days=rng.randint(14, 120))
                overdue = due < anchor_day
                status = rng.choices(["done", "dropped", "open"], [50, 10, 40])[0] if overdue else "open"
                with_account = rng.random() < 0.8
                rows.append(FollowUpAgreement(
                    event_id=pk, description=rng.choice(SENTENCES),
                    owner_id=rng.choice(users) if with_account else None,
                    owner_name="" if with_account else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    owner_email="" if with_account else f"extern{len(rows)}@{DOMAIN}",
                    coalition_id=organiser, due_date=due, status=status,
                    done_note=text(rng, 1) if status == "done" else "",
                    closed_at=datetime(due.year, due.month, due.day, 12, tzinfo=AMS) if status != "open" else None,
                ))
        FollowUpAgreement.objects.bulk_create(rows, batch_size=BATCH)

    timings["agreements"] = Stage(
        "agreements", lambda: EventReport.objects.filter(event__slug__startswith=PREFIX).count(), len(reported), out
    ).run(build_agreements)

    if connection.vendor == "postgresql" and any(timings.values()):
        # Autovacuum does this soon after a bulk load (statistics, and the visibility map that lets counts
        # use index-only scans); doing it now makes the first run comparable with later ones.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    total = time.perf_counter() - started
    counts = {
        "regions": Region.objects.count(),
        "themes": Theme.objects.count(),
        "coalitions": Coalition.objects.count(),
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "practices": Practice.objects.count(),
        "practices_published": Practice.objects.published().count(),
        "practice_themes": Practice.themes.through.objects.count(),
        "tips": Tip.objects.count(),
        "events": Event.objects.count(),
        "events_upcoming": Event.objects.filter(ends_at__gte=ANCHOR).count(),
        "event_themes": Event.themes.through.objects.count(),
        "registrations": Registration.objects.count(),
        "reports": EventReport.objects.count(),
        "agreements": FollowUpAgreement.objects.count(),
    }
    out.write(f"Data set ready in {total:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + "\n")
    return {"scale": scale, "built": any(timings.values()), "seconds": round(total, 2), "stage_seconds": timings,
            "counts": counts}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (default 1.0)")
    args = parser.parse_args(argv)

    from bench.environment import configure

    configure(args.scale)
    from django.core.management import call_command
    from django.test.utils import override_settings

    with override_settings(DEBUG=False):
        call_command("migrate", verbosity=0, interactive=False)
        build(args.scale)


if __name__ == "__main__":
    main()
