"""The HTTP benchmark end to end on a tiny data set: gunicorn, wrk, the report and the results file.

Runs ``python -m bench.http`` at scales 0.001 and 0.002 (1 s per page, 4 connections, a few search terms, and the
growth phase that serves both side by side) against the test run's PostgreSQL server, in databases of its own
(``kp_benchsmoke_<pid>_s0_001`` and ``_s0_002``, dropped afterwards) and a Redis
database of its own (``BENCH_SMOKE_REDIS_URL``, default DB 13). Skipped on SQLite or without wrk, unless
``BENCH_SMOKE_REQUIRED=1`` (CI's PostgreSQL run), which turns a missing wrk or PostgreSQL into a failure.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from bench.http import database_url, drop_database

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = os.environ.get("BENCH_SMOKE_REQUIRED") == "1"
SCALES = (0.001, 0.002)


def _missing() -> str | None:
    if not settings.USING_POSTGRES:
        return "needs PostgreSQL (set DATABASE_URL)"
    if not shutil.which("wrk"):
        return "needs wrk (apt-get install wrk)"
    return None


@pytest.fixture
def pg_base_url():
    missing = _missing()
    if missing:
        if REQUIRED:
            pytest.fail(f"BENCH_SMOKE_REQUIRED=1 but the bench smoke test {missing}")
        pytest.skip(missing)
    db = connection.settings_dict
    user, password = db["USER"] or "postgres", db["PASSWORD"] or ""
    credentials = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    base = f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/kp_benchsmoke_{os.getpid()}"
    yield base
    for scale in SCALES:
        drop_database(database_url(base, scale))


def answered(measured: dict) -> bool:
    """Requests were made and every one was answered with 200. A wrk timeout (no answer within 10 s) is allowed
    here: it is the machine stalling (CI runs this beside the test suite), not the harness or the portal. The
    bench itself counts timeouts as errors (bench.report)."""
    return (measured["requests"] > 0 and measured["non_200"] == 0
            and measured["socket_errors"] == measured["timeouts"] and measured["errors"] == measured["timeouts"])


def test_the_whole_harness_runs_at_a_tiny_scale(pg_base_url, tmp_path):
    output = tmp_path / "latest.json"
    redis_url = os.environ.get("BENCH_SMOKE_REDIS_URL", "redis://127.0.0.1:6379/13")
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    completed = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.http", "--scales", "0.001,0.002", "--seconds", "1", "--warmup", "0",
         "--growth-seconds", "1", "--growth-runs", "3",
         "--connections", "4", "--terms", "6", "--pg-url", pg_base_url, "--redis-url", redis_url, "--drop",
         "--output", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert completed.returncode == 0, completed.stderr[-4000:]
    results = json.loads(output.read_text())

    assert [entry["scale"] for entry in results["scales"]] == list(SCALES)
    expected_anonymous = ["home", "practices list", "practices theme+region", "practice detail", "events list",
                          "event detail", "coalition detail", "tips", "visit chains", "tools register", "search"]
    logged_in = ["my portal", "region cockpit", "moderation queue", "event registrations"]
    for entry in results["scales"]:
        assert [run["cache"] for run in entry["runs"]] == ["on", "off"]
        on, off = entry["runs"]
        assert [p["name"] for p in on["pages"]] == expected_anonymous + logged_in
        assert [p["name"] for p in off["pages"]] == expected_anonymous
        search = next(p for p in on["pages"] if p["name"] == "search")
        assert search["distinct_paths"] == 6
        for run in entry["runs"]:
            for page in [run["bare_before"], run["bare_after"], *run["pages"]]:
                assert answered(page), (run["cache"], page)
    growth = results["growth"]
    assert growth["scales"] == list(SCALES)
    assert growth["order"] == ["small", "large", "large", "small", "small", "large"]
    assert [p["name"] for p in growth["pages"]] == expected_anonymous
    for page in [growth["bare"], *growth["pages"]]:
        for label in ("small", "large"):
            assert len(page[label]) == 3
            assert all(answered(m) for m in page[label]), page
    growth_targets = [t for t in results["targets"] if t["target"].startswith("cache off, scale 0.002 vs 0.001")]
    assert [t["page"] for t in growth_targets] == expected_anonymous
    assert all(t["value"] > 0 for t in growth_targets)
    assert {"jobs", "explain", "digests", "targets", "machine", "total_seconds"} <= set(results)
    assert "Targets:" in completed.stdout
    assert "Growth, cache off, both scales served side by side" in completed.stdout
