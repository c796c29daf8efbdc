"""The HTTP benchmark: the portal under gunicorn (production settings) loaded by wrk, next to a bare view.

    make bench                                   # both scales, from scratch if needed (< 30 minutes)
    .venv/bin/python -m bench.http --scales 0.01 --seconds 2

For every scale: a PostgreSQL database derived from BENCH_PG_URL (``kp_bench`` → ``kp_bench_s0_01``,
``kp_bench_s1``), created if missing, migrated and filled (``bench.build_data`` and ``bench.build_extra``, both
resumable). Then the portal runs twice under gunicorn (2 sync workers, DJANGO_DEBUG=0, Redis cache in
BENCH_REDIS_URL): once as configured, once with CACHE_DISABLED=1. wrk (2 threads, 16 connections) loads the bare
view, every page, and the bare view again. At the largest scale the periodic jobs, the query plans and the
digests are measured too. With two scales or more, a last phase serves the smallest and the largest side by
side with the cache off and measures each anonymous page on both back to back (``measure_growth``): the growth
target. Writes bench/results/latest.json and prints the table with the targets.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
PYTHON = sys.executable
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/kp_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
# One key for the run: the sessions written by bench.pages must verify in the server.
SECRET_KEY = secrets.token_urlsafe(50)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def scale_tag(scale: float) -> str:
    return f"s{scale:g}".replace(".", "_")


def database_url(base: str, scale: float) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{scale_tag(scale)}"))


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            log(f"creating database {name}")
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(parts.path.lstrip("/"))))


def run(args: list[str], env: dict, capture: bool = False) -> str:
    completed = subprocess.run(args, env=env, cwd=ROOT, check=True, text=True,  # noqa: S603 - our own commands
                               stdout=subprocess.PIPE if capture else None)
    return completed.stdout if capture else ""


def last_json_line(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in the output")


def base_env(database: str, redis_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KP_TESTING", "CACHE_DISABLED", "DJANGO_SETTINGS_MODULE")}
    env.update(DATABASE_URL=database, REDIS_URL=redis_url, PYTHONPATH=str(ROOT))
    return env


def build(database: str, scale: float, env: dict) -> float:
    started = time.perf_counter()
    dev = {**env, "DJANGO_DEBUG": "1"}
    run([PYTHON, "-m", "bench.build_data", "--scale", str(scale)], dev)
    if (ROOT / "bench" / "build_extra.py").exists():
        run([PYTHON, "-m", "bench.build_extra", "--scale", str(scale)], dev)
    # Fresh statistics for every table, as autovacuum would give a live database after a while: without them
    # the planner guesses (a table copied or bulk-loaded has none) and the plans measured are not production's.
    import psycopg

    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("ANALYZE")
    return time.perf_counter() - started


def server_env(env: dict, static_root: str, cache: bool) -> dict:
    env = {**env, "DJANGO_SETTINGS_MODULE": "kennisportaal.settings", "DJANGO_DEBUG": "0",
           "SECRET_KEY": SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "DATABASE_CONN_MAX_AGE": "60", "EMAIL_URL": "dummy://", "BENCH_STATIC_ROOT": static_root,
           "GUNICORN_MAX_REQUESTS": "0", "GUNICORN_LOG_LEVEL": "warning"}
    if not cache:
        env["CACHE_DISABLED"] = "1"
    return env


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def hello(port: int) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/bench-hello/", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - our local server
        response.read()


def drain(port: int) -> None:
    """Wait until the server has answered what wrk left queued when it stopped: sync workers take one
    connection at a time, in order, so a request made now is answered after them. Without this, a slow page
    starts its measurement behind the warm-up's last requests."""
    for _ in range(2):
        hello(port)


@contextlib.contextmanager
def gunicorn(env: dict, port: int, log_path: Path):
    with open(log_path, "a") as log_file:
        process = subprocess.Popen(  # noqa: S603 - the virtualenv's gunicorn
            # sync workers: gunicorn turns "sync" into gthread when threads > 1 (the project's default is 4).
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "-k", "sync", "--workers", "2",
             "--threads", "1", "--bind", f"127.0.0.1:{port}", "bench.wsgi:application"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log_file)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    hello(port)
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"gunicorn did not start; see {log_path}") from None
                    time.sleep(0.3)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wrk(port: int, page: dict, seconds: float, workdir: Path, threads: int, connections: int) -> dict:
    paths_file = workdir / "paths.txt"
    cookies = page.get("cookies") or []
    paths = page["paths"]
    lines = [f"{paths[i % len(paths)]}\t{cookie}" for i, cookie in enumerate(cookies)] if cookies else paths
    paths_file.write_text("\n".join(lines) + "\n")
    completed = subprocess.run(  # noqa: S603 - wrk with our arguments
        ["wrk",  # noqa: S607 - Debian's wrk from PATH
         f"-t{threads}", f"-c{connections}", f"-d{max(seconds, 1):g}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "wrk.lua"), f"http://127.0.0.1:{port}"],
        env={**os.environ, "WRK_PATHS": str(paths_file), "WRK_THREADS": str(threads)},
        check=True, capture_output=True, text=True)
    drain(port)
    result = last_json_line(completed.stdout)
    result["errors"] = result["socket_errors"] + result["non_200"]
    result["rps"] = result["requests"] / result["duration_s"] if result["duration_s"] else 0.0
    return result


def measure_server(plan: list[dict], env: dict, args, cache: bool, workdir: Path, log_path: Path) -> dict:
    port = free_port()
    flush_redis(env["REDIS_URL"])
    senv = server_env(env, str(workdir / "static"), cache)
    pages = [page for page in plan if cache or page["kind"] != "logged_in"]
    result = {"cache": "on" if cache else "off", "pages": []}
    with gunicorn(senv, port, log_path):
        bare = next(page for page in pages if page["kind"] == "bare")
        for position, page in enumerate([*pages, bare]):
            if args.warmup:
                wrk(port, page, args.warmup, workdir, args.threads, args.connections)
            measured = wrk(port, page, args.seconds, workdir, args.threads, args.connections)
            measured.update(name=page["name"], kind=page["kind"], distinct_paths=len(set(page["paths"])))
            if page["kind"] == "bare":
                result["bare_before" if position == 0 else "bare_after"] = measured
            else:
                result["pages"].append(measured)
            log(f"  cache {result['cache']:3} {page['name']:24} {measured['rps']:9.1f} req/s "
                f"p95 {measured['p95_ms']:7.1f} ms errors {measured['errors']}")
    return result


def growth_order(runs: int) -> list[str]:
    """The order of the growth phase's measurements: small, large, large, small, ... (ABBA repeated), ``runs``
    of each, so that each scale is measured as often early as late (5: ABBAABBAAB)."""
    return ["small" if i % 4 in (0, 3) else "large" for i in range(2 * runs)]


def measure_growth(scales: list[dict], args, workdir: Path, log_path: Path) -> dict:
    """Cache off, the smallest and the largest scale served side by side (two gunicorns, one idle at a time), and
    every anonymous page measured ``args.growth_runs`` times on each in the order of ``growth_order`` (ABBA
    repeated: each scale as often early as late), as the bare view is before and after them. The machine drifts
    over the minutes of a run (its bare view has moved by a fifth between runs), and the cache-off runs of the
    two scales lie minutes apart: measured back to back, the drift falls on both scales alike, so the growth
    target compares the data sizes and not the moments (from the median of each scale's measurements,
    ``bench.report.growth_ratio``). Five of each rather than three: on a fast machine one page's three
    5-second measurements at one scale spread by a quarter, more than the target's margin."""
    small, large = scales
    servers = [("small", small), ("large", large)]
    order = growth_order(args.growth_runs)
    result = {"scales": [small["scale"], large["scale"]], "seconds_per_page": args.growth_seconds,
              "order": order, "bare": {"small": [], "large": []}, "pages": []}
    with contextlib.ExitStack() as stack:
        ports = {}
        for label, entry in servers:
            ports[label] = free_port()
            stack.enter_context(gunicorn(server_env(entry["env"], str(workdir / "static"), cache=False),
                                         ports[label], log_path))
        bare = {label: next(page for page in entry["plan"] if page["kind"] == "bare") for label, entry in servers}
        plans = {label: {page["name"]: page for page in entry["plan"]} for label, entry in servers}
        names = [page["name"] for page in small["plan"] if page["kind"] in ("anonymous", "search")]

        def one(label: str, page: dict) -> dict:
            if args.warmup:
                wrk(ports[label], page, args.warmup, workdir, args.threads, args.connections)
            measured = wrk(ports[label], page, args.growth_seconds, workdir, args.threads, args.connections)
            return {key: measured[key] for key in ("rps", "p95_ms", "errors", "requests", "non_200", "socket_errors",
                                                   "timeouts")}

        for label in order[:args.growth_runs]:
            result["bare"][label].append(one(label, bare[label]))
        for name in names:
            measured = {"small": [], "large": []}
            for label in order:
                measured[label].append(one(label, plans[label][name]))
            result["pages"].append({"name": name, "kind": plans["small"][name]["kind"], **measured})
            log(f"  growth {name:24} " + " ".join(f"{m['rps']:7.1f}" for m in measured["small"]) + " | "
                + " ".join(f"{m['rps']:7.1f}" for m in measured["large"]) + " req/s (small | large)")
        for label in order[args.growth_runs:]:
            result["bare"][label].append(one(label, bare[label]))
    return result


def page_plan(env: dict, args) -> dict:
    plan_env = {**env, "DJANGO_SETTINGS_MODULE": "kennisportaal.settings", "DJANGO_DEBUG": "1",
                "SECRET_KEY": SECRET_KEY}
    out = run([PYTHON, "-m", "bench.pages", "--connections", str(args.connections), "--terms", str(args.terms)],
              plan_env, capture=True)
    return json.loads(out)


def collectstatic(env: dict, static_root: Path) -> None:
    run([PYTHON, "-c", "import bench.wsgi; from django.core.management import call_command; "
                       "call_command('collectstatic', interactive=False, verbosity=0)"],
        server_env(env, str(static_root), True))


def subprocess_json(args: list[str], env: dict, timeout: float = 900) -> dict:
    try:
        completed = subprocess.run(args, env=env, cwd=ROOT, capture_output=True,  # noqa: S603 - our own modules
                                   text=True, timeout=timeout)
        if completed.returncode != 0:
            return {"error": (completed.stderr.strip().splitlines() or [f"exit {completed.returncode}"])[-1]}
        return last_json_line(completed.stdout)
    except (subprocess.TimeoutExpired, ValueError) as error:
        return {"error": str(error)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.01,1.0", help="comma-separated (default 0.01,1.0)")
    parser.add_argument("--seconds", type=float, default=None,
                        help="wrk duration per page (default: 5 s below scale 1.0, 10 s at 1.0)")
    parser.add_argument("--warmup", type=float, default=1.0, help="untimed wrk run before each page (s)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--terms", type=int, default=50, help="distinct search terms")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument("--growth-seconds", type=float, default=5.0,
                        help="wrk duration of each of the growth phase's interleaved measurements")
    parser.add_argument("--growth-runs", type=int, default=5,
                        help="measurements of each page on each scale in the growth phase (order ABBA repeated)")
    parser.add_argument("--no-extras", action="store_true", help="skip jobs, EXPLAIN and digests")
    parser.add_argument("--drop", action="store_true", help="drop the databases afterwards (smoke test)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    # Stopped from outside (a timeout, Ctrl+C): unwind, so the gunicorn of the current run is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    started = time.perf_counter()
    scales = [float(s) for s in args.scales.split(",")]
    seconds_given = args.seconds
    results = {"started": datetime.now(UTC).isoformat(timespec="seconds"),
               "command": " ".join(["python -m bench.http", *(argv if argv is not None else sys.argv[1:])]),
               "settings": {"threads": args.threads, "connections": args.connections, "workers": 2,
                            "worker_class": "sync", "terms": args.terms, "warmup_s": args.warmup},
               "scales": []}
    with tempfile.TemporaryDirectory(prefix="kp-bench-") as tmp:
        workdir = Path(tmp)
        log_path = workdir / "gunicorn.log"
        served = []  # the scales measured, for the growth phase
        for scale in scales:
            args.seconds = seconds_given if seconds_given is not None else (10.0 if scale >= 1.0 else 5.0)
            database = database_url(args.pg_url, scale)
            env = base_env(database, args.redis_url)
            ensure_database(database)
            log(f"scale {scale:g}: migrate and build ({urlsplit(database).path.lstrip('/')})")
            build_seconds = build(database, scale, env)
            if not (workdir / "static").exists():
                collectstatic(env, workdir / "static")
            planned = page_plan(env, args)
            entry = {"scale": scale, "database": urlsplit(database).path.lstrip("/"), "seconds_per_page": args.seconds,
                     "build_seconds": round(build_seconds, 1), "counts": planned["counts"], "runs": []}
            try:
                for cache in (True, False):
                    entry["runs"].append(measure_server(planned["pages"], env, args, cache, workdir, log_path))
            except Exception:
                sys.stderr.write(log_path.read_text()[-4000:] if log_path.exists() else "")
                raise
            results["scales"].append(entry)
            served.append({"scale": scale, "env": env, "plan": planned["pages"]})
            if scale == max(scales) and not args.no_extras:
                dev = {**env, "DJANGO_DEBUG": "1", "EMAIL_URL": "locmem://"}
                log("periodic jobs")
                results["jobs"] = subprocess_json([PYTHON, "-m", "bench.jobs"], dev)
                log("EXPLAIN")
                results["explain"] = subprocess_json([PYTHON, "-m", "bench.explain"], dev)
                log("digests")
                results["digests"] = subprocess_json([PYTHON, "-m", "bench.digests", "--json", "--no-build"], dev)
        if len(served) >= 2:
            log(f"growth: scale {served[0]['scale']:g} and {served[-1]['scale']:g} side by side, cache off")
            results["growth"] = measure_growth([min(served, key=lambda s: s["scale"]),
                                                max(served, key=lambda s: s["scale"])], args, workdir, log_path)
        flush_redis(args.redis_url)
        if args.drop:
            for entry in served:
                drop_database(entry["env"]["DATABASE_URL"])
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    from bench import report, sysinfo

    results["machine"] = sysinfo.machine(args.pg_url, args.redis_url)
    results["targets"] = report.evaluate(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    print(report.render(results))
    print(f"\nTotal time: {results['total_seconds']:.0f} s; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
