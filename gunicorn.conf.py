"""gunicorn's configuration: `gunicorn -c gunicorn.conf.py kennisportaal.wsgi:application`.

Every value can be tuned from the environment (documented in .env.example); the defaults suit one
container with a few CPUs behind a reverse proxy.
"""

import json
import multiprocessing
import os

from gunicorn.glogging import Logger


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "kennisportaal.wsgi:application"

# Where to listen: PORT (as on most platforms), on every interface of the container.
bind = [f"0.0.0.0:{_int('PORT', 8000)}"]

# gthread workers: processes x threads requests at a time. WEB_CONCURRENCY is the usual name for the
# number of processes; by default two per CPU plus one, at most 8 (each holds its own database connections).
worker_class = "gthread"
workers = _int("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8))
threads = _int("GUNICORN_THREADS", 4)

# A request running longer than this is killed (and logged); a stopping worker gets graceful_timeout to
# finish what it is doing. keepalive is short: the proxy in front keeps its own connections.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5

# Recycle each worker after about this many requests (the jitter keeps them from restarting together),
# so a slow leak never grows into an outage.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# The proxies whose X-Forwarded-Proto gunicorn believes (comma-separated addresses, or * behind a private
# network only the proxy can reach). Django reads the header itself too (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Heartbeat files in memory: a slow overlay filesystem cannot stall the workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's documented advice

# Access and error logs to stdout/stderr, for the container's log collector. One JSON object per request:
# the path without its query string (it may hold tokens or search terms), no client address or user
# agent, and the request id that the application's own log lines of that request carry.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": %(B)s, "duration_ms": %(M)s, "request_id": "%({x-request-id}o)s"}'
)


class _Atoms(dict):
    """The values of one access log line; a header that is absent reads as "-" (as in gunicorn's own)."""

    def __getitem__(self, key):
        if key.startswith("{"):
            return super().get(key.lower(), "-")
        return super().__getitem__(key)


class JsonAccessLogger(Logger):
    """gunicorn's logger, with every text value escaped for JSON: a path holding quotes, backslashes or
    control characters still makes a valid line."""

    atoms_wrapper_class = _Atoms

    def atoms(self, resp, req, environ, request_time):
        return {key: json.dumps(value)[1:-1] if isinstance(value, str) else value
                for key, value in super().atoms(resp, req, environ, request_time).items()}


logger_class = JsonAccessLogger
