"""`make bench` runs the HTTP benchmark with BENCH_ARGS; `.ci/run` installs wrk and requires the smoke test."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_bench_runs_bench_http_with_its_arguments():
    output = subprocess.run(  # noqa: S603 - a dry run of our own Makefile
        [MAKE, "--no-print-directory", "-n", "bench", "BENCH_ARGS=--scales 0.01 --seconds 2"], cwd=ROOT,
        capture_output=True, text=True,
        check=True).stdout
    assert output.splitlines()[-1] == ".venv/bin/python -m bench.http --scales 0.01 --seconds 2"


def test_ci_installs_wrk_and_requires_the_bench_smoke_test_on_postgresql():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "command -v wrk >/dev/null || missing+=(wrk)" in ci
    postgres_step = ci.split('section "tests on PostgreSQL + Redis"')[1].split("section ")[0]
    assert "BENCH_SMOKE_REQUIRED=1 make test" in postgres_step
