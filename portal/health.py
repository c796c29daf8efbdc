"""The health checks behind ``/health/``: database, cache, Celery broker and the outbox.

Each check answers a dict with at least ``status`` ("ok", "degraded" or "fail"). Only the database is
critical: without it no page can be served, so a failed database check makes the whole answer "fail"
(HTTP 503, the load balancer takes the instance out). The cache and the broker are Redis, and the portal
is built to keep serving while Redis is down (``core.cache.DegradingRedisCache``, the outbox sweep), so a
failure there makes the answer "degraded" with HTTP 200: taking every web instance out of rotation would
turn a Redis outage, which users do not notice, into a full outage. An outbox whose oldest pending email
waits longer than ``HEALTH_OUTBOX_MAX_AGE_SECONDS`` is "degraded" too: email is not going out (worker,
beat or SMTP), which a restart of the web instance would not fix. Monitoring alerts on "degraded".

Errors are reported by exception class only: the body is public and must not reveal hosts or passwords.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone
from kombu import Connection

from notifications.models import OutboundEmail

logger = logging.getLogger(__name__)

OK, DEGRADED, FAIL = "ok", "degraded", "fail"
CRITICAL = frozenset({"database"})


def _failed(name: str, exc: Exception, **details) -> dict:
    logger.warning("Health check %s failed: %s", name, type(exc).__name__)
    return {"status": FAIL, **details, "error": type(exc).__name__}


def check_database() -> dict:
    vendor = connection.vendor
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return _failed("database", exc, vendor=vendor)
    return {"status": OK, "vendor": vendor}


def check_cache() -> dict:
    """A write and a read of a fresh value: a cache that silently drops writes (Redis down) fails it."""
    cache = caches["default"]
    backend = type(cache).__name__
    key, value = "health:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        if cache.get(key) != value:
            raise ConnectionError("the value written was not read back")
    except Exception as exc:
        return _failed("cache", exc, backend=backend)
    return {"status": OK, "backend": backend}


def check_broker() -> dict:
    """One connection attempt to Celery's broker: Redis in production, the filesystem queue by default."""
    url = settings.CELERY_BROKER_URL
    transport = url.partition("://")[0]
    try:
        with Connection(url, transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS, connect_timeout=1) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    except Exception as exc:
        return _failed("broker", exc, transport=transport)
    return {"status": OK, "transport": transport}


def check_outbox() -> dict:
    """How many emails wait to be sent and how long the oldest has waited (seconds since it was queued)."""
    max_age = settings.HEALTH_OUTBOX_MAX_AGE_SECONDS
    try:
        row = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).aggregate(
            pending=Count("pk"), oldest=Min("created_at")
        )
    except Exception as exc:
        return _failed("outbox", exc, max_age_seconds=max_age)
    age = None if row["oldest"] is None else int((timezone.now() - row["oldest"]).total_seconds())
    status = DEGRADED if age is not None and age > max_age else OK
    return {"status": status, "pending": row["pending"], "oldest_pending_seconds": age, "max_age_seconds": max_age}


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker, "outbox": check_outbox}


def run_checks() -> dict:
    """Every check, and the overall status: "fail" if a critical check failed, "degraded" if any other
    check is not ok, else "ok"."""
    results = {name: check() for name, check in CHECKS.items()}
    if any(results[name]["status"] == FAIL for name in CRITICAL):
        overall = FAIL
    elif any(result["status"] != OK for result in results.values()):
        overall = DEGRADED
    else:
        overall = OK
    return {"status": overall, "checks": results}
