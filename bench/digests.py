"""Digest building for every member of the benchmark data set: time, peak memory and queries per batch.

Runs ``portal.jobs.send_digest_batch`` over all members with a daily or weekly digest, in the job's batch size,
inside one transaction that is rolled back at the end (the data set stays as it was, so the run can repeat).
``DEBUG`` is off while it runs (as in production: no query log, no template debug information); queries are
counted, not kept. With ``--json`` the last line of stdout is one JSON object for the bench harness:
``users`` (members due), ``seconds`` (wall), ``peak_mb`` (peak RSS of the process), ``queries_per_batch`` (the
most in one batch), ``batches``, ``queries_total``, ``emails_queued`` and ``cpu_seconds`` (the process's CPU time,
which other load on the machine does not inflate).

    .venv/bin/python -m bench.digests [--scale 0.1] [--batch-size 500] [--at 2026-11-02T07:00] [--json]
    DATABASE_URL=sqlite:///var/kennisportaal.sqlite3 .venv/bin/python -m bench.digests --no-build --at …
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import warnings
from datetime import datetime
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full data set (default 1.0)")
    parser.add_argument("--batch-size", type=int, default=None, help="members per batch (default: the job's)")
    parser.add_argument("--at", default="2026-11-02T07:00",
                        help="the moment the digests are built, Europe/Amsterdam (default: a Monday near the "
                             "data set's anchor day, so daily and weekly digests are both due)")
    parser.add_argument("--no-build", action="store_true",
                        help="measure the database as it is (e.g. the demo data in DATABASE_URL), build nothing")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object, the last line")
    args = parser.parse_args(argv)

    from bench.environment import configure

    warnings.filterwarnings("ignore", message="No directory at")
    database_url = configure(args.scale)

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import override_settings

    from bench.build_data import build
    from portal import jobs
    from portal.digests import period_end

    call_command("migrate", verbosity=0, interactive=False)
    if not args.no_build:
        build(args.scale)
    now = datetime.fromisoformat(args.at).replace(tzinfo=AMS)
    batch_size = args.batch_size or jobs.BATCH_SIZE
    print(f"\nDigests at {now:%A %Y-%m-%d %H:%M} on {connection.vendor} ({database_url.split('@')[-1]}), "
          f"batches of {batch_size}")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counted = [0]

    def count(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    started, cpu_started = time.perf_counter(), time.process_time()
    members = digests = 0
    batch_queries: list[int] = []
    with override_settings(DEBUG=False), connection.execute_wrapper(count), transaction.atomic():
        for frequency in jobs.FREQUENCIES:
            until = period_end(frequency, now)
            ids = list(jobs.due_for_digest(frequency, until).order_by("pk").values_list("pk", flat=True))
            members += len(ids)
            for start in range(0, len(ids), batch_size):
                before = counted[0]
                digests += jobs.send_digest_batch(ids[start:start + batch_size], frequency=frequency, until=until)
                batch_queries.append(counted[0] - before)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        transaction.set_rollback(True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"members due: {members:,}; digests built and queued: {digests:,} (the rest had nothing to tell)")
    print(f"batches: {len(batch_queries)}; queries per batch: {min(batch_queries, default=0)}–"
          f"{max(batch_queries, default=0)}; queries in all: {sum(batch_queries):,}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(len(batch_queries), 1):.2f} s per batch), CPU {cpu:.1f} s; "
          f"peak RSS of the process: {rss:.0f} MB (before the digests: {rss_before:.0f} MB)")
    if args.json:
        print(json.dumps({
            "users": members, "seconds": round(elapsed, 2), "peak_mb": round(rss, 1),
            "queries_per_batch": max(batch_queries, default=0), "batches": len(batch_queries),
            "queries_total": sum(batch_queries), "emails_queued": digests, "cpu_seconds": round(cpu, 2),
        }))


if __name__ == "__main__":
    main()
