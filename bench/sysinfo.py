"""The machine and the versions a benchmark ran on (for the results and bench/RESULTS.md)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def _memory_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def _command(args: list[str]) -> str | None:
    try:
        completed = subprocess.run(args, capture_output=True, text=True, timeout=10)  # noqa: S603 - fixed commands
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (completed.stdout or completed.stderr).strip()
    return text.splitlines()[0] if text else None


def machine(pg_url: str | None, redis_url: str | None) -> dict:
    import django

    info = {"cores": os.cpu_count(), "memory_mb": _memory_mb(), "platform": platform.platform(),
            "python": platform.python_version(), "django": django.get_version(),
            "gunicorn": _command(["gunicorn", "--version"]), "wrk": _command(["wrk", "-v"])}
    try:
        import gunicorn

        info["gunicorn"] = gunicorn.__version__
    except ImportError:
        pass
    if pg_url:
        try:
            import psycopg

            with psycopg.connect(urlunsplit(urlsplit(pg_url)._replace(path="/postgres"))) as conn:
                info["postgresql"] = conn.execute("show server_version").fetchone()[0]
        except Exception as error:  # noqa: BLE001 - a missing version must not lose the results
            info["postgresql"] = f"unknown ({error.__class__.__name__})"
    if redis_url:
        try:
            import redis

            info["redis"] = redis.Redis.from_url(redis_url).info("server")["redis_version"]
        except Exception as error:  # noqa: BLE001
            info["redis"] = f"unknown ({error.__class__.__name__})"
    return info
