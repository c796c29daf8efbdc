"""Requests/s, latency and SQL query counts of the main pages on a large data set, next to a bare "hello" view.

    .venv/bin/python -m bench.run                       # SQLite file in /tmp, full size
    .venv/bin/python -m bench.run --scale 0.1           # a tenth of the data
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_bench .venv/bin/python -m bench.run

Everything runs in one process: migrate, build the data set (skipped when present), then for every page a
fixed number of anonymous GET requests through Django's test ``Client`` (the whole middleware stack, no
network, no WSGI server), bounded in time per page. Writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# Distinct objects per detail page: requests cycle over them, so one lucky row does not decide the figure.
DETAIL_OBJECTS = 20


def pages() -> list[tuple[str, list[str]]]:
    """(name, paths) for every benchmarked page; paths are cycled through in order."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from bench.build_data import PREFIX
    from coalitions.models import Coalition, Region, Theme
    from events.models import Event
    from practices.models import Practice

    def spread(queryset, count=DETAIL_OBJECTS):
        """Every k-th row of a queryset ordered by pk: deterministic and spread over the table."""
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        step = max(len(ids) // count, 1)
        return ids[::step][:count]

    practice_ids = spread(Practice.objects.published().filter(slug__startswith=PREFIX))
    practices = dict(Practice.objects.filter(pk__in=practice_ids).values_list("pk", "slug"))
    coalition_ids = spread(Coalition.objects.filter(slug__startswith=PREFIX))
    coalitions = dict(Coalition.objects.filter(pk__in=coalition_ids).values_list("pk", "slug"))
    # Event detail: published events that have registrations, half of them upcoming.
    registered = Event.objects.published().filter(slug__startswith=PREFIX).annotate(
        n=Count("registrations")).filter(n__gt=0)
    now = timezone.now()
    event_ids = spread(registered.filter(ends_at__gte=now), DETAIL_OBJECTS // 2) + spread(
        registered.filter(ends_at__lt=now), DETAIL_OBJECTS // 2)
    events = dict(Event.objects.filter(pk__in=event_ids).values_list("pk", "slug"))
    # The filter with the most common theme and the largest region: the biggest result for these filters.
    theme = (Theme.objects.annotate(n=Count("practices")).order_by("-n", "slug").values_list("slug", flat=True)
             .first())
    region = (Region.objects.annotate(n=Count("practices")).order_by("-n", "slug").values_list("slug", flat=True)
              .first())

    practices_url = reverse("practices:list")
    events_url = reverse("events:list")
    return [
        ("hello (baseline)", ["/bench-hello/"]),
        ("home", [reverse("home")]),
        ("practices list", [practices_url]),
        ("practices search q=school", [practices_url + "?q=school"]),
        ("practices search q=techniekclub", [practices_url + "?q=techniekclub"]),
        ("practices theme+region", [practices_url + f"?theme={theme}&region={region}"]),
        ("practice detail", [reverse("practices:detail", args=[practices[pk]]) for pk in practice_ids]),
        ("events upcoming", [events_url]),
        ("events past", [events_url + "?when=afgelopen"]),
        ("event detail", [reverse("events:detail", args=[events[pk]]) for pk in event_ids]),
        ("coalitions list", [reverse("coalitions:list")]),
        ("coalition detail", [reverse("coalition_detail", args=[coalitions[pk]]) for pk in coalition_ids]),
        ("tips", [reverse("practices:tips")]),
    ]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client, name: str, paths: list[str], requests: int, seconds: float, warmup: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Query counts in a separate, untimed pass: capturing forces a debug cursor, which costs time.
    queries = []
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{name}: GET {path} answered {response.status_code}")
        queries.append(len(captured))
    for i in range(warmup):
        client.get(paths[i % len(paths)])

    gc.collect()
    latencies = []
    deadline = time.perf_counter() + seconds
    for i in range(requests):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{name}: GET {path} answered {response.status_code}")
        if time.perf_counter() > deadline and len(latencies) >= min(requests, 10):
            break
    return {
        "page": name,
        "path": paths[0] + (f" (+{len(paths) - 1} more)" if len(paths) > 1 else ""),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / sum(latencies), 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "max_ms": round(max(latencies) * 1000, 2),
        "queries_min": min(queries),
        "queries_max": max(queries),
        "response_bytes": len(response.content),
    }


def table(results: list[dict]) -> str:
    hello = results[0]["requests_per_second"]
    header = f"{'page':<32} {'n':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'% hello':>8} {'queries':>8} {'KB':>6}"
    lines = [header, "-" * len(header)]
    for row in results:
        queries = str(row["queries_min"]) if row["queries_min"] == row["queries_max"] else (
            f"{row['queries_min']}-{row['queries_max']}")
        lines.append(
            f"{row['page']:<32} {row['requests']:>4} {row['requests_per_second']:>8.1f} {row['p50_ms']:>8.1f} "
            f"{row['p95_ms']:>8.1f} {100 * row['requests_per_second'] / hello:>7.1f}% {queries:>8} "
            f"{row['response_bytes'] / 1024:>6.1f}"
        )
    return "\n".join(lines)


def database_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return f"{connection.vendor} {cursor.fetchone()[0]}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full data set (default 1.0)")
    parser.add_argument("--requests", type=int, default=200,
                        help="timed requests per page (default 200; 10x for the hello baseline)")
    parser.add_argument("--seconds", type=float, default=20.0, help="time limit per page (default 20)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first (default 5)")
    parser.add_argument("--only", default="", help="comma-separated substrings of page names to run")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.json")
    args = parser.parse_args(argv)

    from bench.environment import configure

    # WhiteNoise warns that STATIC_ROOT does not exist: no collectstatic is needed to render pages.
    warnings.filterwarnings("ignore", message="No directory at")
    database_url = configure(args.scale)

    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.template import engines
    from django.test import Client
    from django.test.utils import override_settings

    from bench.build_data import build

    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"], DEBUG=False):
        call_command("migrate", verbosity=0, interactive=False)
        data = build(args.scale)
        assert not settings.DEBUG and not engines["django"].engine.debug
        client = Client()
        selected = pages()
        if args.only:
            wanted = [part.strip() for part in args.only.split(",") if part.strip()]
            selected = [selected[0]] + [page for page in selected[1:] if any(w in page[0] for w in wanted)]
        print(f"\nMeasuring {len(selected)} pages: up to {args.requests} requests or {args.seconds:g} s each ...")
        # The baseline is measured first and again last (10x the requests: it takes well under a second),
        # so drift of the machine during the run shows up as a difference between the two.
        selected.append(("hello (again, at the end)", selected[0][1]))
        started = time.perf_counter()
        results = []
        for index, (name, paths) in enumerate(selected):
            baseline = index in (0, len(selected) - 1)
            requests = args.requests * 10 if baseline else args.requests
            results.append(measure(client, name, paths, requests, args.seconds, args.warmup))
            row = results[-1]
            print(f"  {name:<32} {row['requests_per_second']:>8.1f} req/s  p50 {row['p50_ms']:.1f} ms", flush=True)
        seconds = time.perf_counter() - started
        db = database_version(connection)

    print()
    print(table(results))
    hello = results[0]["requests_per_second"]
    for row in results:
        row["percent_of_hello"] = round(100 * row["requests_per_second"] / hello, 2)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "django": django.get_version(),
        },
        "database": db,
        "database_url": database_url.split("@")[-1],
        "cache": settings.CACHES["default"]["BACKEND"],
        "data": data,
        "benchmark_seconds": round(seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "settings": {"requests": args.requests, "seconds_per_page": args.seconds, "warmup": args.warmup},
        "pages": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, default=str) + "\n")
    vendor_copy = args.output.with_name(f"latest-{connection.vendor}-s{args.scale:g}.json")
    vendor_copy.write_text(json.dumps(report, indent=2, default=str) + "\n")
    built = f"data set built in {data['seconds']} s" if data["built"] else "data set already present"
    print(f"\n{db}, {built}, pages measured in {seconds:.0f} s, "
          f"peak RSS {report['peak_rss_mb']} MB.\nResults: {args.output} and {vendor_copy.name}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
