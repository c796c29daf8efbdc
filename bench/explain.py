"""``EXPLAIN (ANALYZE, BUFFERS)`` of the slowest queries of the list, search, events and cockpit pages.

    DATABASE_URL=postgres://…/kp_bench_s1 DJANGO_DEBUG=1 python -m bench.explain

Each page is requested in this process (test client, anonymous or as the region's coordinator) under
``CaptureQueriesContext``; the slowest queries of each page are explained on PostgreSQL. Prints one JSON line:
``{"pages": [{"page", "path", "queries", "plans": [{"ms", "sql", "plan"}]}]}``.
"""

from __future__ import annotations

import json
import os
import sys

SLOWEST = 2


def pages() -> list[tuple[str, str, object]]:
    from django.db.models import Count
    from django.urls import reverse

    from coalitions.models import RegionCoordinator, Theme

    coordinator = RegionCoordinator.objects.select_related("user", "region").order_by("pk").first()
    theme = Theme.objects.annotate(n=Count("practices")).order_by("-n", "slug").values_list("slug", flat=True)[0]
    practices = reverse("practices:list")
    found = [
        ("practices list", practices, None),
        ("practices theme+region", f"{practices}?theme={theme}&region={coordinator.region.slug}", None),
        ("search (common word)", f"{practices}?q=school", None),
        ("search (rare word)", f"{practices}?q=techniekclub", None),
        ("events list", reverse("events:list"), None),
    ]
    if coordinator:
        found.append(("region cockpit", reverse("region_overview", args=[coordinator.region.slug]), coordinator.user))
    return found


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def measure() -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    for name, path, user in pages():
        client = Client(HTTP_HOST="localhost", headers={"X-Forwarded-Proto": "https"})
        if user is not None:
            client.force_login(user)
        client.get(path)  # warm: the plans below are of a page as it runs again and again
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        entry = {"page": name, "path": path, "status": response.status_code, "queries": len(captured), "plans": []}
        slowest = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:SLOWEST]
        for query in slowest:
            plan = explain(query["sql"]) if settings.USING_POSTGRES else "(EXPLAIN ANALYZE needs PostgreSQL)"
            entry["plans"].append({"ms": round(float(query["time"]) * 1000, 1), "sql": query["sql"], "plan": plan})
        results.append(entry)
    return {"pages": results}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")
    # The plans of the pages themselves: no page cache (the HTTP run leaves its pages in Redis) and no cached
    # cockpit summary.
    os.environ["CACHE_DISABLED"] = "1"
    import django

    django.setup()
    result = measure()
    for page in result["pages"]:
        print(f"{page['page']:24} {page['queries']:3} queries, slowest "
              + ", ".join(f"{p['ms']} ms" for p in page["plans"]), file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
