"""Digest building for every member of the benchmark data set: time, peak memory and queries per batch.

Runs ``portal.jobs.send_digest_batch`` over all members with a daily or weekly digest, in the job's batch size,
inside one transaction that is rolled back at the end (the data set stays as it was, so the run can repeat).

    .venv/bin/python -m bench.digests [--scale 0.1] [--batch-size 500] [--at 2026-11-02T07:00]
    DATABASE_URL=sqlite:///var/kennisportaal.sqlite3 .venv/bin/python -m bench.digests --no-build --at …
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args(argv)

    from bench.environment import configure

    warnings.filterwarnings("ignore", message="No directory at")
    database_url = configure(args.scale)

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

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
    started = time.perf_counter()
    members = digests = 0
    batch_queries: list[int] = []
    with transaction.atomic():
        for frequency in jobs.FREQUENCIES:
            until = period_end(frequency, now)
            ids = list(jobs.due_for_digest(frequency, until).order_by("pk").values_list("pk", flat=True))
            members += len(ids)
            for start in range(0, len(ids), batch_size):
                with CaptureQueriesContext(connection) as queries:
                    digests += jobs.send_digest_batch(ids[start:start + batch_size], frequency=frequency, until=until)
                batch_queries.append(len(queries))
                # The captured SQL (a batch's outbox insert holds every email body) is not the job's memory.
                connection.queries_log.clear()
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"members due: {members:,}; digests built and queued: {digests:,} (the rest had nothing to tell)")
    print(f"batches: {len(batch_queries)}; queries per batch: {min(batch_queries)}–{max(batch_queries)}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(len(batch_queries), 1):.2f} s per batch); "
          f"peak RSS of the process: {rss:.0f} MB (before the digests: {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
