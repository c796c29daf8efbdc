"""Scan time and query count of each periodic job of the beat schedule (``kennisportaal/celery.py``).

    DATABASE_URL=postgres://…/kp_bench_s1 DJANGO_DEBUG=1 EMAIL_URL=locmem:// python -m bench.jobs

Each job's task runs once in this process, inside a transaction that is rolled back (nothing it claims, sends
or records stays; email goes to the locmem backend, and nothing is handed to the broker because nothing
commits). The clock is the data set's anchor day at 10:15, when every job has work. The digest job is measured
by ``bench.digests`` (all members at once) and is skipped here. Prints one JSON line:
``{"jobs": [{"name", "task", "seconds", "queries"}], "at": …}``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib import import_module


class Rollback(Exception):
    pass


def measure() -> dict:
    import time_machine
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from bench.build_data import ANCHOR
    from kennisportaal.celery import app

    at = ANCHOR.replace(hour=10, minute=15)
    jobs = []
    for name, entry in app.conf.beat_schedule.items():
        if name == "digests":
            jobs.append({"name": name, "task": entry["task"], "skipped": "measured by bench.digests"})
            continue
        import_module(entry["task"].rsplit(".", 1)[0])
        task = app.tasks[entry["task"]]
        with time_machine.travel(at, tick=True):
            try:
                with transaction.atomic(), CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    task.run()
                    seconds = time.perf_counter() - started
                    raise Rollback
            except Rollback:
                pass
        jobs.append({"name": name, "task": entry["task"], "seconds": round(seconds, 3), "queries": len(captured)})
    return {"at": at.isoformat(), "jobs": jobs}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")
    import django

    django.setup()
    result = measure()
    for job in result["jobs"]:
        print(f"{job['name']:22} {job.get('seconds', '—')!s:>8} s {job.get('queries', '—')!s:>6} queries",
              file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
