"""Extra stages of the benchmark data set, after ``bench.build_data``: what issue 13 asks beyond it.

At scale 1.0: registrations up to 300,000, follow-up agreements up to 100,000 (the old ones closed or their owner
notified, as the jobs leave them), 20,000 adoptions ("wij doen dit ook") and 2,000 tools in the register with
the coalitions that use them; work visits get the host's answer (accepted, some declined, some upcoming ones
pending; the "vervolg op" chains come from build_data). Each stage runs in one transaction with its own seed
and is skipped when its marked rows exist (resumable, deterministic).

    DATABASE_URL=… .venv/bin/python -m bench.build_extra [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta

from bench.build_data import AMS, ANCHOR, BATCH, DOMAIN, FIRST_NAMES, LAST_NAMES, PREFIX, SEED, SENTENCES, text

FULL = {"registrations": 300_000, "agreements": 100_000, "adoptions": 20_000, "tools": 2_000}
MARK = "bench-extra"


def stage(name: str, done, build, out) -> None:
    from django.db import transaction

    if done():
        out.write(f"  {name:<14} present, skipped\n")
        return
    started = time.perf_counter()
    with transaction.atomic():
        count = build(random.Random(f"{SEED}:extra:{name}"))
    out.write(f"  {name:<14} {count:>9,} rows in {time.perf_counter() - started:6.1f} s\n")
    out.flush()


def build(scale: float = 1.0, out=sys.stdout) -> None:
    from django.db.models import Max

    from accounts.models import User
    from coalitions.models import Coalition, Theme
    from events.models import Event, FollowUpAgreement, Registration
    from practices.models import Adoption, Practice
    from tools.models import Tool

    target = {key: max(20, round(value * scale)) for key, value in FULL.items()}
    users = list(User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk").values_list("pk", flat=True))
    events = list(Event.objects.published().filter(slug__startswith=PREFIX).order_by("pk")
                  .values_list("pk", "starts_at", "ends_at", "organiser_id"))
    past = [row for row in events if row[2] < ANCHOR]
    coalitions = list(Coalition.objects.filter(slug__startswith=PREFIX).order_by("pk")
                      .values_list("pk", "region_id"))
    out.write(f"Extra stages (scale {scale:g}) ...\n")

    def build_registrations(rng):
        missing, made = target["registrations"] - Registration.objects.count(), 0
        while made < missing:
            rows = []
            for _ in range(min(BATCH, missing - made)):
                pk, starts, _, _ = rng.choice(events)
                status = "attended" if starts < ANCHOR and rng.random() < 0.8 else "confirmed"
                rows.append(Registration(event_id=pk, user_id=rng.choice(users), status=status, remark=MARK,
                                         created_at=starts - timedelta(days=rng.randint(1, 60))))
            Registration.objects.bulk_create(rows, ignore_conflicts=True)
            made = Registration.objects.filter(remark=MARK).count()
        return made

    def build_agreements(rng):
        missing = target["agreements"] - FollowUpAgreement.objects.count()
        anchor_day = ANCHOR.date()
        rows = []
        for i in range(max(missing, 0)):
            pk, _, ends, organiser = rng.choice(past)
            due = ends.date() + timedelta(days=rng.randint(14, 120))
            old = due < anchor_day - timedelta(days=30)
            status = (rng.choices(["done", "dropped", "open"], [75, 15, 10])[0] if old
                      else rng.choices(["done", "open"], [30, 70])[0])
            with_account = rng.random() < 0.85
            owner = rng.choice(users) if with_account else None
            rows.append(FollowUpAgreement(
                event_id=pk, description=f"{rng.choice(SENTENCES)} ({MARK})", owner_id=owner,
                owner_name="" if with_account else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                owner_email="" if with_account else f"extern-extra{i}@{DOMAIN}",
                coalition_id=organiser, due_date=due, status=status,
                done_note=text(rng, 1) if status == "done" else "",
                closed_at=datetime(due.year, due.month, due.day, 12, tzinfo=AMS) if status != "open" else None,
                # The reminder job has seen the overdue open ones already (it notifies and records the day).
                last_reminder_on=anchor_day - timedelta(days=rng.randint(0, 6)) if status == "open" and old else None,
            ))
        FollowUpAgreement.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def build_adoptions(rng):
        practices = list(Practice.objects.published().filter(slug__startswith=PREFIX).order_by("pk")
                         .values_list("pk", "region_id", "coalition_id"))
        rows = []
        for _ in range(target["adoptions"]):
            pk, region, coalition = rng.choice(practices)
            published = rng.random() < 0.95
            when = ANCHOR - timedelta(days=rng.randint(1, 700))
            rows.append(Adoption(
                practice_id=pk, author_id=rng.choice(users), organisation_name=f"{MARK} school {rng.randint(1, 999)}",
                coalition_id=coalition, tried_on=when.date(), school_type=rng.choice(["po", "vo", "so", "ikc"]),
                region_id=region or rng.choice(coalitions)[1], changes=text(rng, 2),
                result=rng.choice(["werkte", "deels", "werkte_niet"]), lesson=text(rng, 1),
                state="published" if published else "submitted", published_at=when if published else None))
        Adoption.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def build_tools(rng):
        themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
        start = (Tool.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        tools = [Tool(
            name=f"{rng.choice(['Planner', 'Portaal', 'App', 'Monitor', 'Rooster'])} {start + i}",
            slug=f"{MARK}-tool-{start + i}", description=text(rng, 3), developer_id=rng.choice(coalitions)[0],
            status=rng.choice(["idee", "in-ontwikkeling", "in-gebruik", "gestopt"]), author_id=rng.choice(users),
            state="published", published_at=ANCHOR - timedelta(days=rng.randint(1, 700)),
        ) for i in range(target["tools"])]
        Tool.objects.bulk_create(tools, batch_size=BATCH)
        tools = list(Tool.objects.filter(slug__startswith=f"{MARK}-tool-").values_list("pk", flat=True))
        Tool.themes.through.objects.bulk_create([
            Tool.themes.through(tool_id=pk, theme_id=theme) for pk in tools for theme in rng.sample(themes, 2)
        ], batch_size=BATCH)
        Tool.users.through.objects.bulk_create([
            Tool.users.through(tool_id=pk, coalition_id=c) for pk in tools
            for c in {rng.choice(coalitions)[0] for _ in range(rng.randint(0, 5))}
        ], batch_size=BATCH)
        return len(tools)

    def build_host_answers(rng):
        # Work visits: the host coalition's answer, as events.services.hosting records it. Most accepted (by a
        # project leader of the host), one in twenty declined with a reason, one in ten upcoming still waiting.
        from django.db.models import F, OuterRef, Subquery

        from coalitions.models import CoalitionMembership

        visits = Event.objects.filter(slug__startswith=PREFIX, kind="werkbezoek", host__isnull=False)
        leader = CoalitionMembership.objects.filter(coalition_id=OuterRef("host_id"),
                                                    role=CoalitionMembership.Role.PROJECT_LEADER)
        total = visits.update(host_requested_at=F("starts_at") - timedelta(days=30),
                              host_answered_at=F("starts_at") - timedelta(days=25),
                              host_answered_by=Subquery(leader.order_by("pk").values("user_id")[:1]),
                              host_status="accepted")
        visits.extra(where=["id %% 20 = 0"]).update(
            host_status="declined", host_answer_reason=f"Past deze periode niet in onze planning ({MARK})")
        visits.filter(starts_at__gte=ANCHOR).extra(where=["id %% 10 = 5"]).update(
            host_status="pending", host_answered_at=None, host_answered_by=None)
        return total

    stage("registrations", lambda: Registration.objects.filter(remark=MARK).exists()
          or Registration.objects.count() >= target["registrations"], build_registrations, out)
    stage("agreements", lambda: FollowUpAgreement.objects.filter(description__endswith=f"({MARK})").exists()
          or FollowUpAgreement.objects.count() >= target["agreements"], build_agreements, out)
    stage("adoptions", lambda: Adoption.objects.filter(organisation_name__startswith=MARK).exists(),
          build_adoptions, out)
    stage("tools", lambda: Tool.objects.filter(slug__startswith=f"{MARK}-tool-").exists(), build_tools, out)
    stage("host answers", lambda: Event.objects.filter(slug__startswith=PREFIX, host_answered_at__isnull=False)
          .exists(), build_host_answers, out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    from bench.environment import configure

    configure(args.scale)
    from django.conf import settings
    from django.db import connection

    build(args.scale)
    if settings.USING_POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
